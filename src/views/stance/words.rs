//! Text signals of stance: tokens, negation, polarity, hedges, statement keys, a stemmer for
//! role nouns, and the many-phrase matcher (Aho-Corasick) behind the marker lists.

use super::*;

/// Lower-cased word tokens with typographic marks folded.
pub(super) fn tokens(s: &str) -> Vec<String> {
    let folded = text::fold_marks(s);
    text::words(&folded).map(|w| w.to_lowercase()).collect()
}

pub(super) fn negated(toks: &[String], i: usize) -> bool {
    toks[i.saturating_sub(3)..i]
        .iter()
        .any(|w| NEGATORS.contains(w.as_str()) || w.ends_with("n't"))
}

/// Evaluative polarity: positive minus negative words and phrases, a negation in the three words
/// before flipping one.
pub fn polarity(s: &str) -> i32 {
    // A condition ("if the offer does not improve, ...") is not an evaluation: left out.
    let toks: Vec<String> = {
        let mut out = Vec::new();
        let mut skip = false;
        let folded = text::fold_marks(s);
        for raw in folded.split_whitespace() {
            let w = raw
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase();
            if w == "if" || w == "unless" {
                skip = true;
            }
            if !skip && !w.is_empty() {
                out.push(w);
            }
            if raw.ends_with(',') || raw.ends_with(';') {
                skip = false;
            }
        }
        out
    };
    let mut score = 0;
    let mut i = 0;
    'outer: while i < toks.len() {
        for (p, v) in PHRASES {
            let pw: Vec<&str> = p.split(' ').collect();
            if i + pw.len() <= toks.len() && pw.iter().zip(&toks[i..]).all(|(a, b)| *a == b) {
                score += if negated(&toks, i) { -v } else { *v };
                i += pw.len();
                continue 'outer;
            }
        }
        let w = toks[i].as_str();
        let v = if POSITIVE.contains(w) {
            1
        } else if NEGATIVE.contains(w) {
            -1
        } else {
            0
        };
        if v != 0 {
            score += if negated(&toks, i) { -v } else { v };
        }
        i += 1;
    }
    score
}

/// Both polarities, or a positive clause conceded before a "but": weighs both sides.
pub(super) fn ambivalent(s: &str) -> bool {
    let l = format!(" {} ", text::fold_marks(s).to_lowercase());
    let Some((at, len)) = CONCESSIVE
        .iter()
        .filter_map(|c| l.find(c).map(|i| (i, c.len())))
        .min()
    else {
        return false;
    };
    let (before, after) = (&l[..at], &l[at + len..]);
    // "The jobs are real, but so are the costs": both.
    if after.starts_with("so ") || after.starts_with("also ") {
        return true;
    }
    let (pb, pa) = (polarity(before), polarity(after));
    (pb != 0 && pa.signum() != pb.signum())
        || (pb == 0 && pa != 0 && has_both(after))
        || has_both(&l)
}

pub(super) fn has_both(s: &str) -> bool {
    let toks = tokens(s);
    let pos = toks.iter().any(|w| POSITIVE.contains(w.as_str()));
    let neg = toks.iter().any(|w| NEGATIVE.contains(w.as_str()));
    pos && neg
}

pub(super) fn hedged(s: &str) -> bool {
    let l = text::fold_marks(s).to_lowercase();
    HEDGES.iter().any(|h| l.contains(h))
}

/// The stance an attribution verb gives a statement with no evaluative words of its own.
pub(super) fn stance_cue(cue: &str) -> i32 {
    match cue {
        "warned" | "warns" | "warn" | "cautioned" | "cautions" | "complained" | "complains"
        | "feared" | "fears" | "objected" | "objects" | "protested" | "protests" | "criticised"
        | "criticized" => -1,
        "welcomed" | "welcomes" | "praised" | "praises" | "hailed" | "hails" | "celebrated" => 1,
        _ => 0,
    }
}

/// A statement's words for telling repeats apart ("that the stock could collapse" is "the stock could collapse").
pub fn statement_key(s: &str) -> String {
    let t = tokens(s);
    let t = if t.first().is_some_and(|w| w == "that") {
        &t[1..]
    } else {
        &t[..]
    };
    t.join(" ")
}

/// Many whole-word phrases found in one pass over a text (Aho-Corasick), for the lists of markers
/// and the forms of every speaker's name, which are looked for in every sentence of a story.
pub(super) struct Phrases {
    pub(super) ac: Option<AhoCorasick>,
}

impl Phrases {
    pub(super) fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> Phrases {
        // An empty phrase would match everywhere; it stands in as one that never matches, so the
        // indices stay those of the list.
        let pats: Vec<String> = phrases
            .into_iter()
            .map(|p| match p.as_ref() {
                "" => "\u{0}".to_string(),
                p => p.to_string(),
            })
            .collect();
        // Building fails only past the automaton's size limits; then nothing is found.
        Phrases {
            ac: AhoCorasick::new(&pats).ok(),
        }
    }

    /// Whole-word occurrences in `hay` (lower-case): (byte offset, phrase index), by position.
    pub(super) fn find(&self, hay: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.ac else { return vec![] };
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        ac.find_overlapping_iter(hay)
            .filter(|m| {
                boundary(hay[..m.start()].chars().next_back())
                    && boundary(hay[m.end()..].chars().next())
            })
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect()
    }

    /// As [`find`](Self::find), grouped by phrase in list order (then by position).
    pub(super) fn find_by_phrase(&self, hay: &str) -> Vec<(usize, usize)> {
        let mut v = self.find(hay);
        v.sort_by_key(|&(at, p)| (p, at));
        v
    }
}

/// Byte offsets of whole-word (phrase) occurrences of `needle` in `hay` (both lower-case).
pub(super) fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            out.push(at);
        }
        from = at + needle.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// The text with everything inside quotation marks blanked (same length in bytes), so markers are
/// read from the article's own words, not the speaker's.
pub(super) fn outside_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        let open_close = matches!(c, '"' | '“' | '”' | '«' | '»');
        if open_close {
            inside = match c {
                '“' | '«' => true,
                '”' | '»' => false,
                _ => !inside,
            };
            out.push(' ');
        } else if inside {
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A mention at char `at` of `s` introduced as the other side of a relation ("disagreed with X",
/// "in contrast to X", "rejected X's ..."), not as an apposition of the subject.
pub(super) fn introduced(s: &str, at: usize) -> bool {
    let before: String = s.chars().take(at).collect();
    let prev: Vec<String> = tokens(&before).into_iter().rev().take(3).collect();
    let after: String = s.chars().skip(at).take(40).collect();
    let possessive = after
        .split_whitespace()
        .take(3)
        .any(|w| w.ends_with("'s") || w.ends_with("’s"));
    prev.iter()
        .any(|w| matches!(w.as_str(), "with" | "to" | "against" | "from" | "over"))
        || possessive
}

/// The stem for matching nouns across forms (see [`crate::lang::stem::light_word`]).
pub fn stem(w: &str) -> String {
    crate::lang::stem::light_word(w)
}

/// Two stems name the same thing: equal, or one a short extension of the other ("council",
/// "councillor"; "campaign", "campaigner").
pub fn stems_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    s.len() >= 5
        && l.starts_with(s)
        && ["er", "or", "lor", "ler", "ist", "ian", "ant", "ent"].contains(&&l[s.len()..])
}

/// The noun phrase a sentence or headline starts with: words up to the first verb-like word,
/// preposition or comma ("The Velan Harbor Authority on Monday approved ..." -> "The Velan Harbor
/// Authority").
pub fn leading_np(s: &str) -> String {
    const STOP: &[&str] = &[
        "on", "in", "at", "across", "over", "after", "before", "from", "to", "for", "by", "with",
        "under", "as", "who", "which", "that", "is", "are", "was", "were", "has", "have", "had",
        "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
        "said", "says", "gets", "get", "got", "cut", "set", "put", "lets", "let", "to",
    ];
    let raws: Vec<&str> = s.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let lw = w.to_lowercase();
        let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        // "approves the plan", "approves 310 million": a present-tense verb before its object.
        let next = raws.get(i + 1).map(|n| n.to_lowercase());
        let object_next = next.as_deref().is_none_or(|n| {
            DETERMINERS.contains(n)
                || STOP.contains(&n)
                || n.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
        let verbish = lower
            && (lw.ends_with("ed") || lw.ends_with("ing") || STOP.contains(&lw.as_str()))
            || (lower
                && !out.is_empty()
                && lw.ends_with('s')
                && !lw.ends_with("ss")
                && object_next);
        if w.is_empty() || verbish || STOP.contains(&lw.as_str()) && !out.is_empty() {
            break;
        }
        out.push(w);
        if raw.ends_with(',') || raw.ends_with(':') || out.len() >= 8 {
            break;
        }
    }
    out.join(" ")
}

/// Content stems of a noun phrase without determiners.
pub(super) fn np_heads(np: &str) -> Vec<String> {
    np.split(" and ")
        .filter_map(|part| {
            let ws: Vec<&str> = part
                .split_whitespace()
                .filter(|w| !DETERMINERS.contains(w.to_lowercase().as_str()))
                .collect();
            ws.last().map(|w| stem(w))
        })
        .filter(|h| h.len() >= 3)
        .collect()
}

/// Matchers for the marker lists above, in the order REL_OPPOSITE, REL_SAME, ABS_SUPPORT,
/// ABS_DISPUTE, ABS_OTHER.
pub(super) static MARKERS: LazyLock<[Phrases; 5]> = LazyLock::new(|| {
    [
        Phrases::new(REL_OPPOSITE.as_slice()),
        Phrases::new(REL_SAME.as_slice()),
        Phrases::new(ABS_SUPPORT.as_slice()),
        Phrases::new(ABS_DISPUTE.as_slice()),
        Phrases::new(ABS_OTHER.as_slice()),
    ]
});
