//! The learned part of plain-text scrape cleaning: two small logistic models over the units
//! (lines, or sentences of long lines) of a page, one telling article text from page furniture
//! and one finding the headline among the lines above the article.
//!
//! The features are general signals (length, punctuation, capitalisation, function words, link
//! and bullet marks, position, the rule classes of [`super::clean`], what the neighbours are),
//! computed here and nowhere else: `examples/line_features.rs` writes them out for training, and
//! `eval/wcxb/train_lines.py` fits the weights on the WCXB pages of the tuning part, dumped to text
//! by two converters. The weights are data, `src/ingest/line_model.json`, read at build time.

use std::sync::LazyLock;

use super::clean::Kind;
use serde::Deserialize;

/// One unit of a page as the cleaner sees it.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index of the line the unit comes from.
    pub line: usize,
    pub text: String,
    pub kind: Kind,
    pub words: usize,
    /// Whether the line is one of the site's template lines.
    pub template: bool,
}

/// Where the rules put the article: after `start`, before `end`, and the best prose run
/// `run_lo..run_hi` between them.
#[derive(Debug, Clone, Copy)]
pub struct RuleBounds {
    pub start: usize,
    pub end: usize,
    pub run_lo: usize,
    pub run_hi: usize,
}

/// Number of body features.
pub const BODY_FEATURES: usize = 32;
/// Number of title features.
pub const TITLE_FEATURES: usize = 20;

#[derive(Deserialize)]
struct Weights {
    body: Vec<f32>,
    title: Vec<f32>,
    /// Units whose article probability is at least this are kept.
    body_threshold: f32,
    /// The best title candidate is taken when its probability is at least this.
    title_threshold: f32,
}

static MODEL: LazyLock<Option<Weights>> = LazyLock::new(|| {
    let w: Weights = serde_json::from_str(include_str!("line_model.json")).ok()?;
    (w.body.len() == BODY_FEATURES).then_some(w)
});

/// Whether trained weights are present for both models (weights of the wrong shape count as
/// absent: the cleaner then keeps to its rules for that part).
pub fn available() -> bool {
    MODEL
        .as_ref()
        .is_some_and(|m| m.title.len() == TITLE_FEATURES)
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn dot(w: &[f32], x: &[f32]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}

/// The probability that each unit is article text; `None` without a model.
pub fn body_probabilities(units: &[Unit], b: RuleBounds) -> Option<Vec<f32>> {
    let m = MODEL.as_ref()?;
    let f = body_features(units, b);
    Some(f.iter().map(|x| sigmoid(dot(&m.body, x))).collect())
}

/// The body threshold of the model.
pub fn body_threshold() -> f32 {
    MODEL.as_ref().map_or(0.5, |m| m.body_threshold)
}

/// The unit most likely to be the headline, with its share of the candidates' probability (the
/// candidates of a page compete: a softmax over their scores). `kept` marks the units taken as
/// article text.
pub fn best_title(units: &[Unit], b: RuleBounds, kept: &[bool]) -> Option<(usize, f32)> {
    title_ranking(units, b, kept).into_iter().next()
}

/// Every title candidate with its share of the candidates' probability, best first.
pub fn title_ranking(units: &[Unit], b: RuleBounds, kept: &[bool]) -> Vec<(usize, f32)> {
    let Some(m) = MODEL.as_ref().filter(|m| m.title.len() == TITLE_FEATURES) else {
        return Vec::new();
    };
    let (cands, feats) = title_features(units, b, kept);
    let z: Vec<f32> = feats.iter().map(|x| dot(&m.title, x)).collect();
    let top = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let total: f32 = z.iter().map(|v| (v - top).exp()).sum();
    let mut ranked: Vec<(usize, f32)> = cands
        .into_iter()
        .zip(&z)
        .map(|(i, v)| (i, (v - top).exp() / total))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

/// The title model's threshold: a top candidate with a smaller share is not taken on the model's
/// word alone.
pub fn title_threshold() -> f32 {
    MODEL.as_ref().map_or(1.0, |m| m.title_threshold)
}

const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "are", "as", "at", "be", "been", "but",
    "by", "can", "could", "for", "from", "had", "has", "have", "he", "her", "his", "i", "if", "in",
    "into", "is", "it", "its", "more", "not", "of", "on", "one", "or", "our", "she", "so", "than",
    "that", "the", "their", "them", "there", "they", "this", "to", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you", "your",
];

/// The function words by length (1 to 5) and first letter.
static FUNCTION_TABLE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut t = vec![Vec::new(); 6 * 26];
    for w in FUNCTION_WORDS {
        let b = w.as_bytes();
        t[b.len() * 26 + usize::from(b[0] - b'a')].push(*w);
    }
    t
});

/// Whether `w` is a function word. All of them are ASCII and at most five letters long, so a
/// word is compared only with the few of its length and first letter.
fn is_function_word(w: &str) -> bool {
    let b = w.as_bytes();
    if b.is_empty() || b.len() > 5 || !b[0].is_ascii_alphabetic() {
        return false;
    }
    let first = usize::from(b[0].to_ascii_lowercase() - b'a');
    FUNCTION_TABLE[b.len() * 26 + first]
        .iter()
        .any(|f| f.eq_ignore_ascii_case(w))
}

/// Shape of one unit's text.
#[derive(Default, Clone, Copy)]
struct Shape {
    letters: f32,
    digits: f32,
    capitalised: f32,
    function: f32,
    bracketed: f32,
    cjk: f32,
    upper: bool,
    bullet: bool,
    pipes: bool,
    link: bool,
    sentence_end: bool,
    colon_end: bool,
}

fn shape(t: &str) -> Shape {
    let (mut n, mut letters, mut digits, mut upper, mut lower, mut bracket, mut depth) =
        (0usize, 0usize, 0usize, 0usize, 0usize, 0usize, 0i32);
    let mut cjk = 0usize;
    // One pass over the characters, byte by byte for ASCII (the common case), decoding the rest.
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let x = bytes[i];
        let c = if x < 0x80 {
            i += 1;
            x as char
        } else {
            let Some(c) = t.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            cjk += usize::from(crate::text::is_cjk(c));
            c
        };
        n += 1;
        match c {
            '[' => depth += 1,
            ']' => depth = (depth - 1).max(0),
            _ => {}
        }
        if depth > 0 {
            bracket += 1;
        }
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                letters += 1;
                if c.is_ascii_uppercase() {
                    upper += 1;
                } else {
                    lower += 1;
                }
            } else if c.is_ascii_digit() {
                digits += 1;
            }
        } else if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lower += 1;
            }
        } else if c.is_numeric() {
            digits += 1;
        }
    }
    let (mut words, mut caps, mut func) = (0usize, 0usize, 0usize);
    for w in crate::text::words(t) {
        words += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            caps += 1;
        }
        func += usize::from(is_function_word(w));
    }
    let n = n.max(1) as f32;
    let wn = words.max(1) as f32;
    let end = t.trim_end_matches(['"', '”', '’', '\'', ')', '»', '」']);
    let first = t.trim_start().chars().next().unwrap_or(' ');
    Shape {
        letters: letters as f32 / n,
        digits: digits as f32 / n,
        capitalised: caps as f32 / wn,
        function: func as f32 / wn,
        bracketed: bracket as f32 / n,
        cjk: cjk as f32 / n,
        upper: upper >= 4 && lower == 0,
        bullet: matches!(first, '•' | '*' | '-' | '·' | '–' | '◦' | '▪' | '+' | '>'),
        pipes: t.contains(" | ") || t.contains(" • ") || t.contains(" / "),
        link: [&b"http"[..], b"www.", b".com"]
            .iter()
            .any(|p| crate::text::find_ci(t.as_bytes(), 0, p).is_some()),
        sentence_end: end.ends_with(['.', '!', '?', '…', '。', '！', '？']),
        colon_end: end.ends_with(':'),
    }
}

fn ln1(x: usize) -> f32 {
    (1.0 + x as f32).ln()
}

/// The body features of every unit (see the module comment; the order is the model's).
pub fn body_features(units: &[Unit], b: RuleBounds) -> Vec<[f32; BODY_FEATURES]> {
    let n = units.len();
    let shapes: Vec<Shape> = units.iter().map(|u| shape(&u.text)).collect();
    let max_words = units.iter().map(|u| u.words).max().unwrap_or(1).max(1) as f32;
    let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for u in units {
        *seen.entry(u.text.as_str()).or_default() += 1;
    }
    let prose_words: Vec<usize> = units
        .iter()
        .map(|u| if u.kind == Kind::Prose { u.words } else { 0 })
        .collect();
    let window = |i: usize, r: usize| i.saturating_sub(r)..(i + r + 1).min(n);
    let mut out = Vec::with_capacity(n);
    for (i, u) in units.iter().enumerate() {
        let s = shapes[i];
        let w3 = window(i, 3);
        let all: usize = units[w3.clone()].iter().map(|v| v.words).sum();
        let prose: usize = prose_words[w3].iter().sum();
        let w2 = window(i, 2);
        let mean_len =
            units[w2.clone()].iter().map(|v| ln1(v.words)).sum::<f32>() / w2.len() as f32;
        let dist = if i < b.run_lo {
            b.run_lo - i
        } else if i >= b.run_hi {
            i + 1 - b.run_hi
        } else {
            0
        };
        let kind = |k: Kind| f32::from(u8::from(u.kind == k));
        let flag = |x: bool| f32::from(u8::from(x));
        out.push([
            1.0,
            ln1(u.words),
            kind(Kind::Prose),
            kind(Kind::Short),
            kind(Kind::Junk),
            kind(Kind::HeaderEnd),
            kind(Kind::FooterStart),
            flag(s.sentence_end),
            s.letters,
            s.capitalised,
            s.bracketed,
            flag(s.bullet),
            i as f32 / n.max(1) as f32,
            flag(i >= b.run_lo && i < b.run_hi),
            ln1(dist),
            if all == 0 {
                0.0
            } else {
                prose as f32 / all as f32
            },
            mean_len,
            s.function,
            s.digits,
            flag(s.pipes),
            flag(u.template),
            flag(seen.get(u.text.as_str()).copied().unwrap_or(0) >= 2),
            u.words as f32 / max_words,
            s.cjk,
            flag(i >= b.end),
            flag(i < b.start),
            flag(s.link),
            flag(s.upper),
            ln1(i.checked_sub(1).map_or(0, |j| units[j].words)),
            ln1(units.get(i + 1).map_or(0, |v| v.words)),
            flag(s.colon_end),
            flag(i > 0 && units[i - 1].line == u.line),
        ]);
    }
    out
}

/// The title candidates (units above the article's first kept unit, at most 40 of them) and
/// their features.
pub fn title_features(
    units: &[Unit],
    b: RuleBounds,
    kept: &[bool],
) -> (Vec<usize>, Vec<[f32; TITLE_FEATURES]>) {
    let first_kept = kept.iter().position(|&k| k).unwrap_or(b.run_lo);
    // The candidates' content words, by their case-folded hashes, and how many times each occurs
    // in the kept units (a kept candidate's own words are taken out again when it is scored).
    // Only words of a candidate's word lengths are hashed while reading the article.
    let lo = first_kept.saturating_sub(40);
    let hi = (first_kept + 3).min(units.len());
    let mut buf = String::new();
    let mut vocab: rustc_hash::FxHashMap<u64, u32> = rustc_hash::FxHashMap::default();
    // A word can match only if a candidate word has its length and first letter.
    let key = |w: &str| (w.len().min(31), w.as_bytes()[0].to_ascii_lowercase() & 31);
    let mut shapes = [[false; 32]; 32];
    for u in &units[lo..hi] {
        for w in crate::text::words(&u.text) {
            if !is_function_word(w) {
                vocab.insert(crate::text::word_hash(w, &mut buf), 0);
                let (l, f) = key(w);
                shapes[l][f as usize] = true;
            }
        }
    }
    for (u, _) in units.iter().zip(kept).filter(|(_, k)| **k) {
        for w in crate::text::words(&u.text) {
            let (l, f) = key(w);
            if shapes[l][f as usize]
                && let Some(n) = vocab.get_mut(&crate::text::word_hash(w, &mut buf))
            {
                *n += 1;
            }
        }
    }
    let mut seen: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for u in units {
        *seen.entry(u.text.as_str()).or_default() += 1;
    }
    let mut cands = Vec::new();
    let mut feats = Vec::new();
    for (i, u) in units.iter().enumerate().take(hi).skip(lo) {
        if u.words < 2 || u.words > 40 || u.kind == Kind::Prose && u.words > 30 {
            continue;
        }
        let s = shape(&u.text);
        // A line that is mostly link or image markup ("[Skip to content]") is no headline.
        if s.bracketed >= 0.5 {
            continue;
        }
        let own = kept.get(i).copied().unwrap_or(false);
        let (mut content, mut shared) = (0usize, 0usize);
        let hashes: Vec<(u64, bool)> = crate::text::words(&u.text)
            .map(|w| {
                let function = is_function_word(w);
                (crate::text::word_hash(w, &mut buf), function)
            })
            .collect();
        for &(h, function) in &hashes {
            if function {
                continue;
            }
            content += 1;
            let mine = if own {
                hashes.iter().filter(|x| x.0 == h).count() as u32
            } else {
                0
            };
            shared += usize::from(vocab.get(&h).copied().unwrap_or(0) > mine);
        }
        let repeats = seen.get(u.text.as_str()).copied().unwrap_or(0);
        let before = first_kept.saturating_sub(i);
        let shorter_between = units[i.min(first_kept)..first_kept.max(i)]
            .iter()
            .filter(|v| v.kind == Kind::Short && v.words >= 3)
            .count();
        let numbered = u.text.split_once(['.', ')']).is_some_and(|(h, _)| {
            !h.is_empty() && h.len() <= 3 && h.bytes().all(|b| b.is_ascii_digit())
        });
        let flag = |x: bool| f32::from(u8::from(x));
        cands.push(i);
        feats.push([
            1.0,
            ln1(u.words),
            flag(u.kind == Kind::Short),
            flag(u.kind == Kind::Junk),
            if content == 0 {
                0.0
            } else {
                shared as f32 / content as f32
            },
            ln1(before),
            flag(i >= first_kept),
            s.capitalised,
            flag(s.sentence_end),
            flag(s.pipes),
            s.bracketed,
            flag(repeats >= 2),
            s.digits,
            flag(s.bullet),
            flag(u.template),
            flag(s.upper),
            flag((4..=25).contains(&u.words)),
            ln1(shorter_between),
            flag(numbered),
            flag(own),
        ]);
    }
    (cands, feats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_shipped_model_has_the_right_shape() {
        assert!(
            available(),
            "src/ingest/line_model.json must match the feature counts"
        );
    }
}
