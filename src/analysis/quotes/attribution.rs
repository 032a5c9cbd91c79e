//! Attribution: at a cue word, who says it (the noun phrase before or after, a pronoun, a subject
//! set earlier in the sentence) and how sure that is.

use super::*;

#[derive(Debug, Clone)]
/// A cue word with its speaker: "X said", "said X", "according to X".
pub(super) struct Attribution {
    /// unit index of the cue word
    pub(super) cue: usize,
    /// unit index after the cue ("pointed out", "according to" take two)
    pub(super) cue_end: usize,
    /// the speaker phrase
    pub(super) np: NounPhrase,
    /// first unit of the attribution (speaker and cue, in either order)
    pub(super) region_start: usize,
    /// unit after the attribution (after the object of "told"/"asked" too)
    pub(super) region_end: usize,
    /// the speaker follows the cue ("said X", "according to X")
    pub(super) inverted: bool,
    /// the cue is "according to"
    pub(super) according: bool,
}

/// The cue word at a unit rejects the reading as a speech verb (a noun, a passive, a modal verb
/// reporting no quote): there is no attribution here.
struct NotACue;

/// Find the speaker of a cue at unit index `ci` in sentence units `u`.
pub(super) fn attr_at(c: &Doc, u: &[Unit], ci: usize, quote_adjacent: bool) -> Option<Attribution> {
    let w = c.lower_word(u[ci])?;
    if w == "according" {
        return according_to(c, u, ci);
    }
    let cue_e = cue_extent(c, u, ci, &w, quote_adjacent)?;
    let j = skip_back_to_subject(c, u, ci);
    if let Some(np) = subject_before(c, u, ci, j, &w).ok()? {
        return attribution_with_subject(c, u, ci, cue_e, np, &w, quote_adjacent);
    }
    inverted_attribution(c, u, ci, cue_e, j, &w)
}

/// "according to X": the phrase after "to" is the speaker.
fn according_to(c: &Doc, u: &[Unit], ci: usize) -> Option<Attribution> {
    if ci + 1 < u.len() && c.lower_word(u[ci + 1]).as_deref() == Some("to") {
        let np = np_fwd(c, u, ci + 2, u.len())?;
        let re = np.end;
        return Some(Attribution {
            cue: ci,
            cue_end: ci + 2,
            region_start: ci,
            region_end: re,
            np,
            inverted: true,
            according: true,
        });
    }
    None
}

/// Where the cue word `w` at `ci` ends (after "out" for "pointed out"), or None when it is no
/// speech verb here: not a cue, "state" not before "that", a colon, a comma or a quote, a modal
/// before a verb that reports only quotes, a passive or a determiner before it.
fn cue_extent(c: &Doc, u: &[Unit], ci: usize, w: &str, quote_adjacent: bool) -> Option<usize> {
    let l = lexicon();
    if !is_cue_word(l, w, quote_adjacent) {
        return None;
    }
    // "GOP state leaders", "the states' rights": "state" reports speech only before "that", a
    // colon, a comma or a quote
    if matches!(w, "state" | "states")
        && !u.get(ci + 1).is_some_and(|&x| {
            matches!(x, Unit::Quote(_))
                || c.lower_word(x).as_deref() == Some("that")
                || c.is_punct(x, ":")
                || c.is_punct(x, ",")
        })
    {
        return None;
    }
    let mut cue_e = ci + 1;
    if w == "pointed" {
        if ci + 1 < u.len() && c.lower_word(u[ci + 1]).as_deref() == Some("out") {
            cue_e = ci + 2;
        } else {
            return None;
        }
    }
    // "would continue", "to offer": a verb that reports speech only next to a quote
    if !l.cue_bare.contains(w)
        && !l.cue_that.contains(w)
        && ci > 0
        && c.lower_word(u[ci - 1]).is_some_and(|p| {
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
        && let Some(p) = c.lower_word(u[ci - 1])
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
        && w != "saying"
    {
        return None;
    }
    Some(cue_e)
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Going back from the cue at `ci` over auxiliaries, adverbs, a parenthetical ("(D-Calif.)") and a
/// date ("on Tuesday"): the unit index just after where the subject would end.
fn skip_back_to_subject(c: &Doc, u: &[Unit], ci: usize) -> usize {
    let l = lexicon();
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
        match c.lower_word(p) {
            Some(pl)
                if l.aux.contains(pl.as_str())
                    || (pl.ends_with("ly") && pl.len() > 4 && !c.is_capitalised(p)) =>
            {
                j -= 1
            }
            // a date between subject and cue: "Sanders on Tuesday thanked ..."
            Some(pl) if is_weekday(&pl) && j >= 2 => {
                j -= 1;
                if c.lower_word(u[j - 1])
                    .is_some_and(|x| matches!(x.as_str(), "on" | "last" | "early" | "late"))
                {
                    j -= 1;
                }
            }
            _ => break,
        }
    }
    j
}

/// The subject before the cue word `w` at `ci`, the units up to `j` being its own: the sentence's
/// subject for a participle or a coordinated cue, a name before an apposition, or the phrase right
/// before. `Err` when the cue word turns out a noun.
fn subject_before(
    c: &Doc,
    u: &[Unit],
    ci: usize,
    j: usize,
    w: &str,
) -> Result<Option<NounPhrase>, NotACue> {
    if j == 0 {
        return Ok(None);
    }
    let p = u[j - 1];
    let after_date = c.lower_word(p).is_some_and(|d| is_weekday(&d));
    let and_before = c.lower_word(p).as_deref() == Some("and");
    if and_before
        && matches!(
            w,
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
        )
    {
        // "federal and state law": a noun, not a coordinated cue
        return Err(NotACue);
    }
    if ((c.is_punct(p, ",") || after_date) && w.ends_with("ing")) || and_before {
        // participial: "..., saying": subject of the sentence
        Ok(subject_at_start(c, u, j - 1))
    } else if c.is_punct(p, ",") {
        Ok(subject_before_apposition(c, u, j))
    } else if let Unit::Token(_) = p {
        subject_before_word(c, u, ci, j, w)
    } else {
        Ok(None)
    }
}

/// "X, a ..., said": the phrase before up to three comma-separated stretches, with the stretch
/// after it as its role unless that is a relative clause, a place, a time or a participle.
fn subject_before_apposition(c: &Doc, u: &[Unit], j: usize) -> Option<NounPhrase> {
    let mut k = j - 1;
    let mut tries = 0;
    while k > 0 && tries < 3 {
        let mut m = k;
        let mut found = None;
        while m > 0 && k - m < 40 {
            m -= 1;
            if matches!(u[m], Unit::Quote(_)) {
                break;
            }
            if c.is_punct(u[m], ",") {
                found = Some(m);
                break;
            }
        }
        let m = found?;
        if m > 0
            && let Some(mut n) = np_back(c, u, m - 1, 0)
        {
            if m < j - 2 {
                apposition_role(c, u, &mut n, m + 1, j - 2);
            }
            n.end = j;
            return Some(n);
        }
        k = m;
        tries += 1;
    }
    None
}

/// Sets the role of `n` from the apposition of units `[from, to]` when it is one.
fn apposition_role(c: &Doc, u: &[Unit], n: &mut NounPhrase, from: usize, to: usize) {
    let (a, _) = c.span(u[from]);
    let (_, b) = c.span(u[to]);
    if a >= b {
        return;
    }
    let app = c.text[a..b].trim();
    let fl = app.split_whitespace().next().unwrap_or("").to_lowercase();
    // a relative clause, a place or time, or a participle ("speaking
    // in Ohio") is no role
    let not_role = matches!(
        fl.as_str(),
        "who" | "which" | "whose" | "where" | "when" | "in" | "on" | "at" | "for" | "according"
    ) || (fl.len() > 4 && fl.ends_with("ing"));
    if !not_role && !app.contains('"') {
        if n.role.is_none() {
            n.role = Some(
                app.trim_start_matches(|ch: char| !ch.is_alphanumeric())
                    .to_string(),
            );
        } else if n.kind == PhraseKind::Name {
            n.role = Some(app.to_string());
        }
    }
}

/// The phrase ending right before the cue word `w` (at `ci`; the phrase ends at `j - 1`), with
/// the checks that make the cue word a noun ("his recent attacks", "a series of tweets",
/// "Clinton's call") and the cases where the sentence's subject speaks instead ("issued a
/// statement saying", "Holding signs calling ..., the protesters chanted").
fn subject_before_word(
    c: &Doc,
    u: &[Unit],
    ci: usize,
    j: usize,
    w: &str,
) -> Result<Option<NounPhrase>, NotACue> {
    let l = lexicon();
    let p = u[j - 1];
    let mut np = np_back(c, u, j - 1, 0);
    // "his recent attacks", "an unprompted call", "a rare note": after a determiner and an
    // adjective the cue word is a noun, not a verb
    if l.noun_cue.contains(w)
        && np
            .as_ref()
            .is_some_and(|n| n.kind == PhraseKind::Common && adjective_head(c, u, n))
    {
        return Err(NotACue);
    }
    // "a series of tweets", "Clinton's call": after a preposition or a possessive
    // the cue word is a noun
    let pw = c.word(p).unwrap_or_default();
    let possessive = is_poss(pw)
        && c.is_capitalised(p)
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
        return Err(NotACue);
    }
    if !w.ends_with("ing") {
        return Ok(np);
    }
    // "issued a statement saying", "carrying signs reading": a thing before a participle
    // is its object; the speaker is the clause's subject
    if let Some(obj) = &np
        && obj.kind == PhraseKind::Common
        && !is_person_head(c, u, obj)
        && let Some(subj) = subject_at_start(c, u, obj.start)
        && subj.kind != PhraseKind::Common
    {
        np = Some(subj);
    }
    // "Holding signs calling ..., the protesters chanted": a participle phrase that
    // opens the sentence belongs to the subject after it
    if np
        .as_ref()
        .is_some_and(|n| n.start == 0 && n.kind == PhraseKind::Common && c.is_capitalised(u[0]))
        && let Some(subj) = subject_at_start(c, u, u.len()).filter(|s| s.start > ci)
    {
        np = Some(subj);
    }
    // "a series of tweets early Friday saying": no phrase of its own before the
    // participle; the clause's subject speaks
    if np.is_none() {
        np = subject_at_start(c, u, j - 1).filter(|n| n.kind != PhraseKind::Common);
    }
    Ok(np)
}

/// The attribution of cue `w` (units `[ci, cue_e)`) with subject `np` before it, unless the cue
/// word is a plural noun after a common noun ("media reports") or the subject is a long common
/// phrase away from quotes; the region runs on over the object of "told"/"asked".
fn attribution_with_subject(
    c: &Doc,
    u: &[Unit],
    ci: usize,
    cue_e: usize,
    np: NounPhrase,
    w: &str,
    quote_adjacent: bool,
) -> Option<Attribution> {
    // plural nouns that look like cues: "the suing states were", "media reports"
    if np.kind == PhraseKind::Common
        && matches!(
            w,
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
    if np.kind == PhraseKind::Common
        && !quote_adjacent
        && np.name_words.is_empty()
        && np.head_end - np.head_start > 5
    {
        return None;
    }
    let re = told_object_end(c, u, cue_e, w).unwrap_or(cue_e);
    Some(Attribution {
        cue: ci,
        cue_end: cue_e,
        region_start: np.start.min(ci),
        region_end: re,
        np,
        inverted: false,
        according: false,
    })
}

/// Object of tell/ask ("told reporters", "told CNN"): where it ends, when a comma, colon, full
/// stop, "that", a quote or the sentence end follows it within ten words.
fn told_object_end(c: &Doc, u: &[Unit], cue_e: usize, w: &str) -> Option<usize> {
    if !matches!(
        w,
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
        return None;
    }
    let mut k = cue_e;
    while k < u.len() && k < cue_e + 10 {
        match c.word(u[k]) {
            Some(x) if x.to_lowercase() != "that" => k += 1,
            _ => break,
        }
    }
    (k == u.len()
        || [",", ":", "."].iter().any(|p| c.is_punct(u[k], p))
        || c.lower_word(u[k]).as_deref() == Some("that")
        || matches!(u[k], Unit::Quote(_)))
    .then_some(k)
}

/// Inverted attribution "..., said X": after a quote, a comma, a dash or at the start, the phrase
/// after the cue is the speaker (not after a participle, and not a day or an opener).
fn inverted_attribution(
    c: &Doc,
    u: &[Unit],
    ci: usize,
    cue_e: usize,
    j: usize,
    w: &str,
) -> Option<Attribution> {
    let l = lexicon();
    let prev_ok = j == 0
        || matches!(u[j - 1], Unit::Quote(_))
        || c.is_punct(u[j - 1], ",")
        || c.is_punct(u[j - 1], "\u{2014}");
    // a participle ("...," referring to the party's July convention) inverts nothing
    if prev_ok
        && !w.ends_with("ing")
        && ci + 1 < u.len()
        && let Some(np) = np_fwd(c, u, cue_e, u.len())
        // "..., called Friday for ...": a day or an opener after the verb is no speaker
        && !(np.kind == PhraseKind::Name
            && np
                .name_words
                .iter()
                .all(|x| l.never_name.contains(x.to_lowercase().as_str())))
    {
        let re = np.end;
        return Some(Attribution {
            cue: ci,
            cue_end: cue_e,
            region_start: ci,
            region_end: re,
            np,
            inverted: true,
            according: false,
        });
    }
    None
}

/// Whether a common-noun phrase's head can speak ("the two lawmakers", "a woman").
fn is_person_head(c: &Doc, u: &[Unit], np: &NounPhrase) -> bool {
    let l = lexicon();
    c.lower_word(u[np.head_end - 1])
        .is_some_and(|h| l.person_head.contains(h.as_str()) || l.role.contains(h.as_str()))
}

/// Whether a determiner phrase ends in an adjective ("his recent", "an unprompted", "her
/// opening"), so that the word after it is the noun it modifies.
fn adjective_head(c: &Doc, u: &[Unit], np: &NounPhrase) -> bool {
    let l = lexicon();
    let opener = c.word(u[np.head_start]).unwrap_or_default();
    if np.head_end - np.head_start < 2
        || !(is_poss(opener) || l.det.contains(opener.to_lowercase().as_str()))
        || is_person_head(c, u, np)
    {
        return false;
    }
    let Some(h) = c.lower_word(u[np.head_end - 1]) else {
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
pub(super) fn find_attributions(c: &Doc, u: &[Unit], qidx: &[usize]) -> Vec<Attribution> {
    let l = lexicon();
    let mut attributions: Vec<Attribution> = Vec::new();
    for i in 0..u.len() {
        // a capitalised cue only opens an inverted sentence: "Said Ellis: ..."
        let Some(w) = c.lower_word(u[i]) else {
            continue;
        };
        if !(w == "according"
            || ((is_cue_word(l, &w, true) || w == "pointed")
                && (!c.is_capitalised(u[i]) || (i == 0 && w.ends_with('d')))))
        {
            continue;
        }
        // quote-framing verbs count next to a quote or before a closing colon ("Caddell continued:")
        let qa = !qidx.is_empty() || u.last().is_some_and(|&x| c.is_punct(x, ":"));
        if let Some(at) = attr_at(c, u, i, qa) {
            if let Some(at) = accept_attribution(c, u, &attributions, at, &w, i, qa) {
                attributions.push(at);
            }
        } else if let Some(prev) = attributions.last()
            && i > prev.region_end
            && (qa || is_cue_word(l, &w, false))
            && (w.ends_with("ing") || c.lower_word(u[i - 1]).is_some_and(|p| p == "and"))
            && (c.is_punct(u[i - 1], ",") || c.lower_word(u[i - 1]).is_some_and(|p| p == "and"))
        {
            // "X said ..., adding that ...": the participle shares the earlier subject
            let np = prev.np.clone();
            attributions.push(Attribution {
                cue: i,
                cue_end: i + 1,
                np,
                region_start: i,
                region_end: i + 1,
                inverted: false,
                according: false,
            });
        }
    }
    attributions
}

/// Whether attribution `at` of cue word `w` (unit `i`) stands next to the attributions before it:
/// not inside the previous one's region, not a quote-framing verb inside a clause someone else
/// reports; a participle or coordinated cue takes the earlier subject.
fn accept_attribution(
    c: &Doc,
    u: &[Unit],
    attributions: &[Attribution],
    mut at: Attribution,
    w: &str,
    i: usize,
    qa: bool,
) -> Option<Attribution> {
    let l = lexicon();
    if !qa && !is_cue_word(l, w, false) && w != "according" && w != "pointed" {
        return None;
    }
    if attributions.last().is_some_and(|p| at.cue < p.region_end) {
        return None;
    }
    // "The senator said he rarely asks surrogates ..., "except ..."": a verb
    // that frames quotes only inside a clause someone else reports is no cue
    if at.np.kind == PhraseKind::Pronoun
        && !l.cue_bare.contains(w)
        && !l.cue_that.contains(w)
        && attributions.last().is_some_and(|p| {
            !p.inverted
                && p.region_end == at.np.start
                && c.lower_word(u[p.cue])
                    .is_some_and(|pw| l.cue_bare.contains(pw.as_str()))
        })
    {
        return None;
    }
    if let Some(prev) = attributions.last()
        && at.np.start < prev.region_end
        && !at.inverted
        && i > 0
        && (c.is_punct(u[i - 1], ",") || c.lower_word(u[i - 1]).is_some_and(|p| p == "and"))
    {
        // "X said ..., noting ...", "X said ... and warned ...": the earlier subject
        at.np = prev.np.clone();
        at.region_start = i;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The attributions of a one-sentence text: cue word, speaker head, inverted, according.
    fn attributions(text: &str) -> Vec<(String, String, bool, bool)> {
        with_units(text, |doc, units| {
            let quotes: Vec<usize> = (0..units.len())
                .filter(|&i| matches!(units[i], Unit::Quote(_)))
                .collect();
            find_attributions(doc, units, &quotes)
                .iter()
                .map(|a| {
                    let head = (
                        doc.span(units[a.np.head_start]).0,
                        doc.span(units[a.np.head_end - 1]).1,
                    );
                    (
                        doc.word(units[a.cue]).unwrap_or_default().to_string(),
                        doc.text[head.0..head.1].to_string(),
                        a.inverted,
                        a.according,
                    )
                })
                .collect()
        })
    }

    fn a(cue: &str, who: &str, inverted: bool, according: bool) -> (String, String, bool, bool) {
        (cue.into(), who.into(), inverted, according)
    }

    #[test]
    fn subject_before_and_after_the_cue() {
        assert_eq!(
            attributions("\"We are ahead,\" Huang said on Monday."),
            vec![a("said", "Huang", false, false)]
        );
        assert_eq!(
            attributions("\"We are ahead,\" said the minister."),
            vec![a("said", "the minister", true, false)]
        );
        assert_eq!(
            attributions("According to officials, the plan will cost more."),
            vec![a("According", "officials", true, true)]
        );
    }

    #[test]
    fn a_participle_shares_the_subject_before_it() {
        assert_eq!(
            attributions("Lee said the plan failed, adding that it cost too much."),
            vec![
                a("said", "Lee", false, false),
                a("adding", "Lee", false, false)
            ]
        );
    }

    #[test]
    fn nouns_and_passives_are_no_cues() {
        assert!(attributions("They changed federal and state law last year.").is_empty());
        assert!(attributions("He was told to leave.").is_empty());
        assert!(attributions("The media reports differ on the plan.").is_empty());
    }

    #[test]
    fn the_object_of_told_is_inside_the_attribution() {
        with_units("Lee told reporters that it failed.", |doc, units| {
            let at = attr_at(doc, units, 1, false).expect("an attribution");
            assert_eq!(at.region_end, 3);
            assert_eq!(doc.word(units[at.region_end]), Some("that"));
        });
    }
}
