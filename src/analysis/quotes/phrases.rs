//! Noun phrases that can speak, read over sentence units: the phrase ending before a cue (a name
//! with its role, a pronoun, a description), the subject at the start of a sentence (past a
//! dateline or an introductory phrase), and the phrase after an inverted cue ("said the minister").

use super::*;

#[derive(Debug, Clone)]
/// A noun phrase that can be a speaker, over sentence units.
pub(super) struct NounPhrase {
    /// first unit index of the whole phrase (role and apposition included)
    pub(super) start: usize,
    /// unit index after the phrase
    pub(super) end: usize,
    /// first unit of the mention proper (the name, the pronoun, the determiner phrase)
    pub(super) head_start: usize,
    /// unit after the mention proper
    pub(super) head_end: usize,
    pub(super) kind: PhraseKind,
    /// the role written with the name ("Councilmember", "the city's transit chief")
    pub(super) role: Option<String>,
    /// the words of the name (empty for pronouns and most common nouns)
    pub(super) name_words: Vec<String>,
    /// a relative pronoun standing for the phrase as the cue's subject ("Trump, who called ..."):
    /// the mention runs from the phrase to it
    pub(super) relative: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PhraseKind {
    /// a proper name ("Zhang Chi", "the White House")
    Name,
    /// he, she, it, they, I, we
    Pronoun,
    /// a description ("the senator", "two lawmakers")
    Common,
}

pub(super) fn is_cue_word(l: &Lexicon, w: &str, quote_adjacent: bool) -> bool {
    l.cue_bare.contains(w) || l.cue_that.contains(w) || (quote_adjacent && l.cue_quote.contains(w))
}

impl NounPhrase {
    /// A one-unit pronoun phrase at unit `j`.
    fn pronoun(j: usize) -> NounPhrase {
        NounPhrase {
            start: j,
            end: j + 1,
            head_start: j,
            head_end: j + 1,
            kind: PhraseKind::Pronoun,
            role: None,
            name_words: vec![],
            relative: None,
        }
    }
}

/// Noun phrase ending at unit index `j` (inclusive), scanning backwards no further than `lo`.
pub(super) fn np_back(c: &Doc, u: &[Unit], j: usize, lo: usize) -> Option<NounPhrase> {
    let l = lexicon();
    let w = c.word(u[j])?;
    let lw = w.to_lowercase();
    if matches!(lw.as_str(), "he" | "she" | "they" | "i" | "we" | "it") {
        return Some(NounPhrase::pronoun(j));
    }
    if lw == "who" && j > lo {
        // "figures who argue": the NounPhrase before "who"
        let mut k = j - 1;
        if c.is_punct(u[k], ",") && k > lo {
            k -= 1;
        }
        return np_back(c, u, k, lo)
            .filter(|np| np.kind != PhraseKind::Pronoun)
            .map(|np| NounPhrase {
                relative: Some(j),
                ..np
            });
    }
    if l.bad_head.contains(lw.as_str())
        || l.aux.contains(lw.as_str())
        || l.det.contains(lw.as_str())
    {
        return None;
    }
    if matches!(
        lw.as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    ) {
        // a date ("early Friday saying ...") is no speaker
        return None;
    }
    if c.is_capitalised(u[j]) && !w.ends_with("\u{2019}s") && !w.ends_with("'s") {
        // a capitalised word that opens a phrase ("In", "Speaking", "July") is no name
        if l.never_name.contains(lw.as_str()) {
            return None;
        }
        return name_phrase_back(c, u, j, lo);
    }
    common_phrase_back(c, u, w, j, lo)
}

/// Where the capitalised sequence ending at `j` starts: back over capitalised words, initials and
/// abbreviations with their dots, and particles ("de", "van", "of") between capitals; it stops
/// after an opener ("When Trump", "But Megan Hester").
fn capitalised_run_start(c: &Doc, u: &[Unit], j: usize, lo: usize) -> usize {
    let l = lexicon();
    let mut k = j;
    while k != lo {
        let p = u[k - 1];
        if c.is_capitalised(p) {
            if c.lower_word(p)
                .is_some_and(|pl| l.never_name.contains(pl.as_str()))
            {
                // "When Trump", "But Megan Hester": the name starts after the opener
                break;
            }
            k -= 1;
            continue;
        }
        if c.is_punct(p, ".")
            && k - 1 > lo
            && let Some(pw) = c.word(u[k - 2])
        {
            let pl = pw.to_lowercase();
            if (pw.chars().count() == 1 && c.is_capitalised(u[k - 2]))
                || crate::lang::ABBREVIATIONS.contains(pl.as_str())
            {
                k -= 2;
                continue;
            }
        }
        if let Some(pl) = c.lower_word(p)
            && (l.particles.contains(pl.as_str()) || pl == "of")
            && k - 1 > lo
            && c.is_capitalised(u[k - 2])
        {
            k -= 1;
            continue;
        }
        break;
    }
    k
}

/// Where the name proper starts in the sequence `[seq_s, j]`: its trailing words (at most four)
/// that are no role, acronym or possessive; `j + 1` when there are none.
fn name_start(c: &Doc, u: &[Unit], seq_s: usize, j: usize) -> usize {
    let l = lexicon();
    let mut ns = j + 1;
    let mut cnt = 0;
    for x in (seq_s..=j).rev() {
        let Some(wx) = c.word(u[x]) else { continue };
        let lx = wx.to_lowercase();
        let acronym = wx.chars().count() >= 2
            && wx
                .chars()
                .all(|ch| ch.is_uppercase() || ch == '.' || ch == '&');
        if l.role.contains(lx.trim_end_matches('.'))
            || acronym
            || wx.ends_with("\u{2019}s")
            || wx.ends_with("'s")
            || cnt >= 4
        {
            break;
        }
        cnt += 1;
        ns = x;
    }
    ns
}

/// Where a role before a name starts: back from `rs` over lower-case modifiers ("AI pioneer",
/// "Alibaba chairman"), at most twelve units before `j`.
fn role_start(c: &Doc, u: &[Unit], mut rs: usize, j: usize, lo: usize) -> usize {
    let l = lexicon();
    while rs > lo {
        let p = u[rs - 1];
        match c.lower_word(p) {
            Some(pl)
                if !l.det.contains(pl.as_str())
                    && !l.stop_fwd.contains(pl.as_str())
                    && !l.aux.contains(pl.as_str())
                    && !l.cue_bare.contains(pl.as_str())
                    && !l.cue_that.contains(pl.as_str())
                    && !l.discourse.contains(pl.as_str())
                    && !matches!(
                        pl.as_str(),
                        "while"
                            | "whereas"
                            | "like"
                            | "including"
                            | "said"
                            | "says"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "be"
                    )
                    && (rs > j.saturating_sub(12)) =>
            {
                rs -= 1
            }
            _ => break,
        }
    }
    rs
}

/// A name phrase ending at the capitalised word `j`: the name, with the capitalised and
/// lower-case words before it as its role ("Alibaba chairman Jack Ma"); after a determiner the
/// whole phrase is the head ("the White House").
fn name_phrase_back(c: &Doc, u: &[Unit], j: usize, lo: usize) -> Option<NounPhrase> {
    let l = lexicon();
    let k = capitalised_run_start(c, u, j, lo);
    // strip leading "The"/"A"
    let mut seq_s = k;
    let mut det_the = false;
    if let Some(fw) = c.lower_word(u[k])
        && l.det.contains(fw.as_str())
    {
        det_the = true;
        seq_s = k + 1;
    }
    if seq_s > j {
        return None;
    }
    // name = trailing non-role words
    let ns = name_start(c, u, seq_s, j);
    let head_s = if ns <= j && !det_the {
        ns
    } else if det_the {
        k
    } else {
        seq_s
    };
    // role: the part of the sequence before the name plus lowercase modifiers before it
    let named = head_s == ns && ns <= j;
    let rs = if named {
        role_start(c, u, seq_s, j, lo)
    } else {
        seq_s
    };
    let role = if head_s == ns && rs < ns {
        let (a, _) = c.span(u[rs]);
        let (_, b) = c.span(u[ns - 1]);
        let r = c.text[a..b].trim().to_string();
        if r.is_empty() { None } else { Some(r) }
    } else {
        None
    };
    let (name_from, mut s) = if named { (ns, rs) } else { (head_s, head_s) };
    if s > lo
        && c.lower_word(u[s - 1])
            .is_some_and(|w| l.det.contains(w.as_str()))
    {
        s -= 1;
    }
    let name_words: Vec<String> = (name_from..=j)
        .filter_map(|x| c.word(u[x]).map(|w| w.to_string()))
        .filter(|w| !l.det.contains(w.to_lowercase().as_str()))
        .collect();
    if name_words.is_empty() {
        return None;
    }
    Some(NounPhrase {
        start: s,
        end: j + 1,
        head_start: head_s,
        head_end: j + 1,
        kind: PhraseKind::Name,
        role,
        name_words,
        relative: None,
    })
}

/// A lower-case common-noun phrase ending at word `w` (unit `j`), back to a determiner, a number or
/// a possessive name ("the two lawmakers", "63 percent", "Obama's former strategist"); without one
/// only a plural of at most three words.
fn common_phrase_back(c: &Doc, u: &[Unit], w: &str, j: usize, lo: usize) -> Option<NounPhrase> {
    let l = lexicon();
    let lw = w.to_lowercase();
    if !w.chars().next().is_some_and(|ch| ch.is_alphabetic()) {
        return None;
    }
    if l.cue_bare.contains(lw.as_str())
        || l.cue_that.contains(lw.as_str())
        || l.stop_fwd.contains(lw.as_str())
        || l.discourse.contains(lw.as_str())
    {
        return None;
    }
    let mut k = j;
    let mut found_det = false;
    let mut steps = 0;
    while k > lo && steps < 6 {
        let p = u[k - 1];
        let Some(pw) = c.word(p) else { break };
        let pl = pw.to_lowercase();
        // "63 percent said", "Obama's former strategist said": numbers and names as determiners
        if l.det.contains(pl.as_str())
            || pl.starts_with(|ch: char| ch.is_ascii_digit())
            || (pw.ends_with("\u{2019}s") || pw.ends_with("'s")) && c.is_capitalised(p)
        {
            k -= 1;
            found_det = true;
            break;
        }
        if l.stop_fwd.contains(pl.as_str())
            || l.aux.contains(pl.as_str())
            || l.discourse.contains(pl.as_str())
            || l.cue_bare.contains(pl.as_str())
            || matches!(pl.as_str(), "is" | "are" | "was" | "were" | "be" | "been")
        {
            break;
        }
        k -= 1;
        steps += 1;
    }
    let plural = lw.ends_with('s') && !lw.ends_with("ss");
    if !found_det && !plural {
        return None;
    }
    if !found_det && steps > 2 {
        return None;
    }
    Some(NounPhrase {
        start: k,
        end: j + 1,
        head_start: k,
        head_end: j + 1,
        kind: PhraseKind::Common,
        role: None,
        name_words: vec![],
        relative: None,
    })
}

/// An apposition after a name: `, the city's transit chief` or `, a lobbyist` up to the next
/// comma, sentence end or quote (at most 12 words).
fn apposition_after(c: &Doc, u: &[Unit], re: usize, hi: usize) -> Option<String> {
    let l = lexicon();
    if re + 1 >= hi || !c.is_punct(u[re], ",") {
        return None;
    }
    let k = re + 1;
    let first = c.word(u[k])?;
    let lf = first.to_lowercase();
    if !(matches!(lf.as_str(), "a" | "an" | "the") || is_poss(first)) {
        return None;
    }
    let m = (k..hi.min(k + 14))
        .find(|&x| {
            matches!(u[x], Unit::Quote(_))
                || [",", ".", ";", ":", "(", "\u{2014}"]
                    .iter()
                    .any(|p| c.is_punct(u[x], p))
        })
        .unwrap_or(hi.min(k + 14));
    let words = (k..m).filter(|&x| c.word(u[x]).is_some()).count();
    if !(2..=12).contains(&words)
        || (k..m).any(|x| {
            c.lower_word(u[x])
                .is_some_and(|w| l.cue_bare.contains(w.as_str()) || w == "who")
        })
    {
        return None;
    }
    let (a, _) = c.span(u[k]);
    let (_, b) = c.span(u[m - 1]);
    Some(c.text[a..b].trim().to_string())
}

/// Noun phrase starting at unit index `j` (inverted attribution: `said Vin Weber, a lobbyist`).
pub(super) fn np_fwd(c: &Doc, u: &[Unit], j: usize, hi: usize) -> Option<NounPhrase> {
    let l = lexicon();
    let (e, last_cap_run) = forward_extent(c, u, j, hi);
    if e == j {
        return None;
    }
    let first = c.lower_word(u[j]).unwrap_or_default();
    if matches!(first.as_str(), "he" | "she" | "they" | "i" | "we") {
        return Some(NounPhrase::pronoun(j));
    }
    if l.bad_head.contains(first.as_str()) && !l.det.contains(first.as_str()) {
        return None;
    }
    if let Some((rs, re)) = last_cap_run {
        // name = trailing non-role words of the run
        let ns = run_name_start(c, u, rs, re);
        if ns < re && !l.det.contains(first.as_str()) {
            return Some(name_after_cue(c, u, j, ns, re, hi));
        }
    }
    if l.det.contains(first.as_str()) || last_cap_run.is_some() {
        let name_words: Vec<String> = (j..e)
            .filter_map(|x| c.word(u[x]).map(|w| w.to_string()))
            .collect();
        let kind = if last_cap_run.is_some() && !l.det.contains(first.as_str()) {
            PhraseKind::Name
        } else {
            PhraseKind::Common
        };
        return Some(NounPhrase {
            start: j,
            end: e,
            head_start: j,
            head_end: e,
            kind,
            role: None,
            name_words,
            relative: None,
        });
    }
    let plural = first.ends_with('s');
    if plural && e == j + 1 {
        return Some(NounPhrase {
            start: j,
            end: e,
            head_start: j,
            head_end: e,
            kind: PhraseKind::Common,
            role: None,
            name_words: vec![],
            relative: None,
        });
    }
    None
}

/// How far a phrase read forwards from `j` runs (at most ten units, up to a preposition or a
/// conjunction, over "9/11" and the dots of abbreviations), and the last run of capitalised words
/// in it (particles and "of" inside a run kept).
fn forward_extent(c: &Doc, u: &[Unit], j: usize, hi: usize) -> (usize, Option<(usize, usize)>) {
    let l = lexicon();
    let mut k = j;
    let mut last_cap_run: Option<(usize, usize)> = None;
    let mut run_s: Option<usize> = None;
    let numeric = |x: usize| {
        c.word(u[x])
            .is_some_and(|w| w.chars().all(|ch| ch.is_ascii_digit()))
    };
    while k < hi && k < j + 10 {
        let uk = u[k];
        let Some(w) = c.word(uk) else {
            // a date-like modifier before the name: "said 9/11 widow Terry Strada"
            if c.is_punct(uk, "/") && k > j && numeric(k - 1) && k + 1 < hi && numeric(k + 1) {
                k += 1;
                continue;
            }
            if c.is_punct(uk, ".")
                && k > j
                && c.word(u[k - 1]).is_some_and(|p| {
                    p.chars().count() == 1
                        || crate::lang::ABBREVIATIONS.contains(p.to_lowercase().as_str())
                })
                && k + 1 < hi
                && c.is_capitalised(u[k + 1])
            {
                k += 1;
                continue;
            }
            break;
        };
        let lw = w.to_lowercase();
        if k > j && (l.stop_fwd.contains(lw.as_str()) && !(lw == "of" && run_s.is_some())) {
            break;
        }
        if c.is_capitalised(uk) {
            let rs = *run_s.get_or_insert(k);
            last_cap_run = Some((rs, k + 1));
        } else if !l.particles.contains(lw.as_str()) && lw != "of" {
            run_s = None;
        }
        k += 1;
    }
    (k, last_cap_run)
}

/// Where the name starts in the capitalised run `[rs, re)`: its trailing words (at most four)
/// that are no role or acronym; `re` when there are none.
fn run_name_start(c: &Doc, u: &[Unit], rs: usize, re: usize) -> usize {
    let l = lexicon();
    let mut ns = re;
    let mut x = re;
    let mut cnt = 0;
    while x > rs {
        let wx = c.word(u[x - 1]).unwrap_or("");
        let lx = wx.to_lowercase();
        let acronym =
            wx.chars().count() >= 2 && wx.chars().all(|ch| ch.is_uppercase() || ch == '.');
        if c.word(u[x - 1]).is_some()
            && (l.role.contains(lx.trim_end_matches('.')) || acronym || cnt >= 4)
        {
            break;
        }
        if c.word(u[x - 1]).is_some() {
            cnt += 1;
        }
        x -= 1;
        ns = x;
    }
    ns
}

/// The name `[ns, re)` after a cue, the words from `j` before it as its role, else an apposition
/// after it ("said Frank Oyelaran, the city's transit chief": the phrase still ends at the name,
/// so what follows is read as before).
fn name_after_cue(c: &Doc, u: &[Unit], j: usize, ns: usize, re: usize, hi: usize) -> NounPhrase {
    let role = if ns > j {
        let (a, _) = c.span(u[j]);
        let (_, b) = c.span(u[ns - 1]);
        Some(c.text[a..b].trim().to_string())
    } else {
        None
    };
    let name_words: Vec<String> = (ns..re)
        .filter_map(|x| c.word(u[x]).map(|w| w.to_string()))
        .collect();
    let role = role.or_else(|| apposition_after(c, u, re, hi));
    NounPhrase {
        start: j,
        end: re,
        head_start: ns,
        head_end: re,
        kind: PhraseKind::Name,
        role,
        name_words,
        relative: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of a phrase's head and its kind and role.
    fn describe(
        doc: &Doc,
        units: &[Unit],
        np: &NounPhrase,
    ) -> (String, PhraseKind, Option<String>) {
        let a = doc.span(units[np.head_start]).0;
        let b = doc.span(units[np.head_end - 1]).1;
        (doc.text[a..b].to_string(), np.kind, np.role.clone())
    }

    #[test]
    fn back_from_a_name_takes_the_role_before_it() {
        with_units(
            "Yesterday Alibaba chairman Jack Ma said so.",
            |doc, units| {
                let j = unit_of_word(doc, units, "Ma");
                let np = np_back(doc, units, j, 0).expect("a phrase");
                assert_eq!(
                    describe(doc, units, &np),
                    (
                        "Jack Ma".into(),
                        PhraseKind::Name,
                        Some("Alibaba chairman".into())
                    )
                );
                assert_eq!(np.name_words, vec!["Jack", "Ma"]);
            },
        );
    }

    #[test]
    fn back_from_a_common_noun_to_its_determiner() {
        with_units("Then the two lawmakers said no.", |doc, units| {
            let j = unit_of_word(doc, units, "lawmakers");
            let np = np_back(doc, units, j, 0).expect("a phrase");
            assert_eq!(
                describe(doc, units, &np),
                ("two lawmakers".into(), PhraseKind::Common, None)
            );
            // a singular without a determiner is no phrase; neither is a pronoun-like "who"
            let k = unit_of_word(doc, units, "no");
            assert!(np_back(doc, units, k, 0).is_none());
        });
    }

    #[test]
    fn forward_after_an_inverted_cue_with_an_apposition_as_role() {
        with_units(
            "\"No,\" said Frank Oyelaran, the city's transit chief.",
            |doc, units| {
                let j = unit_of_word(doc, units, "said") + 1;
                let np = np_fwd(doc, units, j, units.len()).expect("a phrase");
                assert_eq!(
                    describe(doc, units, &np),
                    (
                        "Frank Oyelaran".into(),
                        PhraseKind::Name,
                        Some("the city's transit chief".into())
                    )
                );
            },
        );
    }
}
