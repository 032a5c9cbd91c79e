//! Attribution: at a cue word, who says it (the noun phrase before or after, a pronoun, a subject
//! set earlier in the sentence) and how sure that is.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Attr {
    pub(super) cue: usize, // unit index
    pub(super) cue_e: usize,
    pub(super) np: NP,
    pub(super) region_s: usize,
    pub(super) region_e: usize, // exclusive
    pub(super) inverted: bool,
    pub(super) according: bool,
}

/// Find the speaker of a cue at unit index `ci` in sentence units `u`.
pub(super) fn attr_at(c: &Ctx, u: &[U], ci: usize, quote_adjacent: bool) -> Option<Attr> {
    let l = lex();
    let w = c.lw(u[ci])?;
    if w == "according" {
        if ci + 1 < u.len() && c.lw(u[ci + 1]).as_deref() == Some("to") {
            let np = np_fwd(c, u, ci + 2, u.len())?;
            let re = np.e;
            return Some(Attr {
                cue: ci,
                cue_e: ci + 2,
                region_s: ci,
                region_e: re,
                np,
                inverted: true,
                according: true,
            });
        }
        return None;
    }
    if !is_cue_word(l, &w, quote_adjacent) {
        return None;
    }
    // "GOP state leaders", "the states' rights": "state" reports speech only before "that", a
    // colon, a comma or a quote
    if matches!(w.as_str(), "state" | "states")
        && !u.get(ci + 1).is_some_and(|&x| {
            matches!(x, U::Q(_))
                || c.lw(x).as_deref() == Some("that")
                || c.is_punct(x, ":")
                || c.is_punct(x, ",")
        })
    {
        return None;
    }
    let mut cue_e = ci + 1;
    if w == "pointed" {
        if ci + 1 < u.len() && c.lw(u[ci + 1]).as_deref() == Some("out") {
            cue_e = ci + 2;
        } else {
            return None;
        }
    }
    // "would continue", "to offer": a verb that reports speech only next to a quote
    if !l.cue_bare.contains(w.as_str())
        && !l.cue_that.contains(w.as_str())
        && ci > 0
        && c.lw(u[ci - 1]).is_some_and(|p| {
            matches!(
                p.as_str(),
                "would" | "will" | "could" | "can" | "should" | "may" | "might" | "must" | "to"
            )
        })
    {
        return None;
    }
    // passive "was told"
    if ci > 0
        && let Some(p) = c.lw(u[ci - 1])
        && matches!(
            p.as_str(),
            "was"
                | "were"
                | "been"
                | "being"
                | "be"
                | "to"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
        )
        && !matches!(w.as_str(), "saying")
    {
        return None;
    }
    // backwards, skipping auxiliaries and adverbs
    let mut j = ci;
    while j > 0 {
        let p = u[j - 1];
        if c.is_punct(p, ")") {
            // skip a parenthetical such as "(R)" or "(D-Calif.)"
            let mut m = j - 1;
            while m > 0 && j - m < 12 && !c.is_punct(u[m], "(") {
                m -= 1;
            }
            if c.is_punct(u[m], "(") && m > 0 {
                j = m;
                continue;
            }
            break;
        }
        match c.lw(p) {
            Some(pl)
                if l.aux.contains(pl.as_str())
                    || (pl.ends_with("ly") && pl.len() > 4 && !c.cap(p)) =>
            {
                j -= 1
            }
            // a date between subject and cue: "Sanders on Tuesday thanked ..."
            Some(pl)
                if matches!(
                    pl.as_str(),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                ) && j >= 2 =>
            {
                j -= 1;
                if c.lw(u[j - 1])
                    .is_some_and(|x| matches!(x.as_str(), "on" | "last" | "early" | "late"))
                {
                    j -= 1;
                }
            }
            _ => break,
        }
    }
    let mut np: Option<NP> = None;
    if j > 0 {
        let p = u[j - 1];
        let after_date = c.lw(p).is_some_and(|d| {
            matches!(
                d.as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            )
        });
        let and_noun = c.lw(p).as_deref() == Some("and")
            && matches!(
                w.as_str(),
                "state"
                    | "report"
                    | "charge"
                    | "estimate"
                    | "fear"
                    | "hope"
                    | "promise"
                    | "note"
                    | "claim"
                    | "doubt"
            );
        if and_noun {
            // "federal and state law": a noun, not a coordinated cue
            return None;
        }
        if ((c.is_punct(p, ",") || after_date) && w.ends_with("ing"))
            || c.lw(p).as_deref() == Some("and")
        {
            // participial: "..., saying": subject of the sentence
            np = subject_at_start(c, u, j - 1);
        } else if c.is_punct(p, ",") {
            // apposition: X, a ..., said
            let mut k = j - 1;
            let mut tries = 0;
            while k > 0 && tries < 3 {
                let mut m = k;
                let mut found = None;
                while m > 0 && k - m < 40 {
                    m -= 1;
                    if matches!(u[m], U::Q(_)) {
                        break;
                    }
                    if c.is_punct(u[m], ",") {
                        found = Some(m);
                        break;
                    }
                }
                let Some(m) = found else { break };
                if m > 0
                    && let Some(mut n) = np_back(c, u, m - 1, 0)
                {
                    let (a, _) = c.span(u[m + 1]);
                    let (_, b) = c.span(u[j - 2]);
                    if m < j - 2 && a < b {
                        let app = c.text[a..b].trim();
                        let fl = app.split_whitespace().next().unwrap_or("").to_lowercase();
                        // a relative clause, a place or time, or a participle ("speaking
                        // in Ohio") is no role
                        let not_role = matches!(
                            fl.as_str(),
                            "who"
                                | "which"
                                | "whose"
                                | "where"
                                | "when"
                                | "in"
                                | "on"
                                | "at"
                                | "for"
                                | "according"
                        ) || (fl.len() > 4 && fl.ends_with("ing"));
                        if !not_role && !app.contains('"') {
                            if n.role.is_none() {
                                n.role = Some(
                                    app.trim_start_matches(|ch: char| !ch.is_alphanumeric())
                                        .to_string(),
                                );
                            } else if n.kind == NpKind::Name {
                                n.role = Some(app.to_string());
                            }
                        }
                    }
                    n.e = j;
                    np = Some(n);
                    break;
                }
                k = m;
                tries += 1;
            }
        } else if let U::T(_) = p {
            np = np_back(c, u, j - 1, 0);
            // "his recent attacks", "an unprompted call", "a rare note": after a determiner and an
            // adjective the cue word is a noun, not a verb
            if l.noun_cue.contains(w.as_str())
                && np
                    .as_ref()
                    .is_some_and(|n| n.kind == NpKind::Common && adjective_head(c, u, n))
            {
                return None;
            }
            // "a series of tweets", "Clinton's call": after a preposition or a possessive
            // the cue word is a noun
            let pw = c.word(p).unwrap_or_default();
            let possessive = is_poss(pw)
                && c.cap(p)
                && !matches!(
                    pw.to_lowercase().as_str(),
                    "it's" | "it\u{2019}s" | "that's" | "that\u{2019}s"
                );
            if possessive
                || matches!(
                    pw.to_lowercase().as_str(),
                    "of" | "for" | "in" | "on" | "with" | "about" | "by" | "from" | "into"
                )
            {
                return None;
            }
            // "issued a statement saying", "carrying signs reading": a thing before a participle
            // is its object; the speaker is the clause's subject
            if w.ends_with("ing")
                && let Some(obj) = &np
                && obj.kind == NpKind::Common
                && !is_person_head(c, u, obj)
                && let Some(subj) = subject_at_start(c, u, obj.s)
                && subj.kind != NpKind::Common
            {
                np = Some(subj);
            }
            // "Holding signs calling ..., the protesters chanted": a participle phrase that
            // opens the sentence belongs to the subject after it
            if w.ends_with("ing")
                && np
                    .as_ref()
                    .is_some_and(|n| n.s == 0 && n.kind == NpKind::Common && c.cap(u[0]))
                && let Some(subj) = subject_at_start(c, u, u.len()).filter(|s| s.s > ci)
            {
                np = Some(subj);
            }
            // "a series of tweets early Friday saying": no phrase of its own before the
            // participle; the clause's subject speaks
            if np.is_none() && w.ends_with("ing") {
                np = subject_at_start(c, u, j - 1).filter(|n| n.kind != NpKind::Common);
            }
        }
    }
    if let Some(np) = np {
        // plural nouns that look like cues: "the suing states were", "media reports"
        if np.kind == NpKind::Common
            && matches!(
                w.as_str(),
                "states"
                    | "reports"
                    | "charges"
                    | "estimates"
                    | "fears"
                    | "hopes"
                    | "promises"
                    | "vows"
                    | "notes"
                    | "claims"
                    | "doubts"
                    | "mentions"
            )
        {
            return None;
        }
        if np.kind == NpKind::Common
            && !quote_adjacent
            && np.name_words.is_empty()
            && np.head_e - np.head_s > 5
        {
            return None;
        }
        let mut re = cue_e;
        // object of tell/ask: "told reporters", "told CNN"
        if matches!(
            w.as_str(),
            "told"
                | "tells"
                | "tell"
                | "telling"
                | "asked"
                | "asks"
                | "ask"
                | "reminded"
                | "reminds"
                | "warned"
                | "assured"
        ) {
            let mut k = cue_e;
            while k < u.len() && k < cue_e + 10 {
                match c.word(u[k]) {
                    Some(x) if x.to_lowercase() != "that" => k += 1,
                    _ => break,
                }
            }
            if k == u.len()
                || [",", ":", "."].iter().any(|p| c.is_punct(u[k], p))
                || c.lw(u[k]).as_deref() == Some("that")
                || matches!(u[k], U::Q(_))
            {
                re = k;
            }
        }
        return Some(Attr {
            cue: ci,
            cue_e,
            region_s: np.s.min(ci),
            region_e: re,
            np,
            inverted: false,
            according: false,
        });
    }
    // inverted: "..., said X"
    let prev_ok = j == 0
        || matches!(u[j - 1], U::Q(_))
        || c.is_punct(u[j - 1], ",")
        || c.is_punct(u[j - 1], "\u{2014}");
    // a participle ("...," referring to the party's July convention) inverts nothing
    if prev_ok
        && !w.ends_with("ing")
        && ci + 1 < u.len()
        && let Some(np) = np_fwd(c, u, cue_e, u.len())
        // "..., called Friday for ...": a day or an opener after the verb is no speaker
        && !(np.kind == NpKind::Name
            && np
                .name_words
                .iter()
                .all(|x| l.never_name.contains(x.to_lowercase().as_str())))
    {
        let re = np.e;
        return Some(Attr {
            cue: ci,
            cue_e,
            region_s: ci,
            region_e: re,
            np,
            inverted: true,
            according: false,
        });
    }
    None
}

/// Whether a common-noun phrase's head can speak ("the two lawmakers", "a woman").
fn is_person_head(c: &Ctx, u: &[U], np: &NP) -> bool {
    let l = lex();
    c.lw(u[np.head_e - 1])
        .is_some_and(|h| l.person_head.contains(h.as_str()) || l.role.contains(h.as_str()))
}

/// Whether a determiner phrase ends in an adjective ("his recent", "an unprompted", "her
/// opening"), so that the word after it is the noun it modifies.
fn adjective_head(c: &Ctx, u: &[U], np: &NP) -> bool {
    let l = lex();
    let opener = c.word(u[np.head_s]).unwrap_or_default();
    if np.head_e - np.head_s < 2
        || !(is_poss(opener) || l.det.contains(opener.to_lowercase().as_str()))
        || is_person_head(c, u, np)
    {
        return false;
    }
    let Some(h) = c.lw(u[np.head_e - 1]) else {
        return false;
    };
    const SUFFIXES: &[&str] = &[
        "ed", "ive", "ous", "ful", "ic", "ary", "able", "ible", "less", "est",
    ];
    const WORDS: &[&str] = &[
        "recent", "rare", "new", "first", "last", "early", "late", "latest", "long", "short",
        "big", "brief", "strong", "own", "rare", "fresh", "same", "other", "further", "earlier",
        "later", "opening", "closing", "prepared",
    ];
    WORDS.contains(&h.as_str())
        || SUFFIXES
            .iter()
            .any(|x| h.len() > x.len() + 2 && h.ends_with(x))
}

/// The attributions of a sentence (units `u`, quotes at unit indices `qidx`), in order: each cue
/// word with its speaker, a participle or coordinated cue sharing the subject before it.
pub(super) fn find_attributions(c: &Ctx, u: &[U], qidx: &[usize]) -> Vec<Attr> {
    let l = lex();
    let mut attrs: Vec<Attr> = Vec::new();
    for i in 0..u.len() {
        // a capitalised cue only opens an inverted sentence: "Said Ellis: ..."
        let Some(w) = c.lw(u[i]) else { continue };
        if !(w == "according"
            || ((is_cue_word(l, &w, true) || w == "pointed")
                && (!c.cap(u[i]) || (i == 0 && w.ends_with('d')))))
        {
            continue;
        }
        // quote-framing verbs count next to a quote or before a closing colon ("Caddell continued:")
        let qa = !qidx.is_empty() || u.last().is_some_and(|&x| c.is_punct(x, ":"));
        if let Some(at) = attr_at(c, u, i, qa) {
            if let Some(at) = accept_attribution(c, u, &attrs, at, &w, i, qa) {
                attrs.push(at);
            }
        } else if let Some(prev) = attrs.last()
            && i > prev.region_e
            && (qa || is_cue_word(l, &w, false))
            && (w.ends_with("ing") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
            && (c.is_punct(u[i - 1], ",") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
        {
            // "X said ..., adding that ...": the participle shares the earlier subject
            let np = prev.np.clone();
            attrs.push(Attr {
                cue: i,
                cue_e: i + 1,
                np,
                region_s: i,
                region_e: i + 1,
                inverted: false,
                according: false,
            });
        }
    }
    attrs
}

/// Whether attribution `at` of cue word `w` (unit `i`) stands next to the attributions before it:
/// not inside the previous one's region, not a quote-framing verb inside a clause someone else
/// reports; a participle or coordinated cue takes the earlier subject.
fn accept_attribution(
    c: &Ctx,
    u: &[U],
    attrs: &[Attr],
    mut at: Attr,
    w: &str,
    i: usize,
    qa: bool,
) -> Option<Attr> {
    let l = lex();
    if !qa && !is_cue_word(l, w, false) && w != "according" && w != "pointed" {
        return None;
    }
    if attrs.last().is_some_and(|p| at.cue < p.region_e) {
        return None;
    }
    // "The senator said he rarely asks surrogates ..., "except ..."": a verb
    // that frames quotes only inside a clause someone else reports is no cue
    if at.np.kind == NpKind::Pron
        && !l.cue_bare.contains(w)
        && !l.cue_that.contains(w)
        && attrs.last().is_some_and(|p| {
            !p.inverted
                && p.region_e == at.np.s
                && c.lw(u[p.cue])
                    .is_some_and(|pw| l.cue_bare.contains(pw.as_str()))
        })
    {
        return None;
    }
    if let Some(prev) = attrs.last()
        && at.np.s < prev.region_e
        && !at.inverted
        && i > 0
        && (c.is_punct(u[i - 1], ",") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
    {
        // "X said ..., noting ...", "X said ... and warned ...": the earlier subject
        at.np = prev.np.clone();
        at.region_s = i;
    }
    Some(at)
}
