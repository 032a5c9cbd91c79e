//! Features of each candidate token for the name tagger: the word, its shape and affixes, its
//! neighbours, the word classes of the gazetteer, the run of capitalised words it belongs to, and
//! what the rest of the document says about the word (written in lower case elsewhere, or
//! capitalised in mid-sentence). Each feature is a string hashed to a `u64`.

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::gazetteer::classes;
use super::tokens::Tok;

/// Words that may join capitalised words inside a name ("Bank of England", "AT and T").
const JOINERS: &[&str] = &[
    "of", "&", "de", "van", "von", "der", "al", "bin", "la", "du",
];

/// Words that open a sentence in capitals without being a name.
const FUNCTION: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "if", "when", "while", "after",
    "before", "as", "for", "from", "to", "of", "by", "with", "this", "that", "these", "those",
    "it", "he", "she", "they", "we", "i", "his", "her", "their", "our", "its", "there", "here",
    "what", "who", "why", "how", "where", "some", "many", "most", "so", "then", "also", "yet",
    "still", "now", "all", "each", "both", "no", "not", "my", "your", "you", "one", "since",
    "until", "during", "despite", "although", "because", "once",
];

/// A tokenised document with what the tagger needs to know about each token.
pub struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
    /// Lower-cased token texts.
    pub lower: Vec<Cow<'a, str>>,
    /// Whether the token is tagged at all: a capitalised word, or a joiner inside a run of them.
    pub candidate: Vec<bool>,
    /// The run of candidates each candidate belongs to: (first token, one past the last).
    pub run: Vec<(usize, usize)>,
    lower_seen: HashSet<u64>,
    cap_mid: HashSet<u64>,
    /// Words that follow a given name or a title somewhere in the document ("Mr. Norton").
    after_person: HashSet<u64>,
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A word's key in the document's word sets.
fn key(lower: &str) -> u64 {
    xxh3_64(lower.as_bytes())
}

/// The shape of a word: X for capitals, x for small letters, d for digits, runs cut at two.
pub fn shape(w: &str) -> String {
    let mut out = String::new();
    let mut last = ' ';
    let mut n = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            n += 1;
            if n >= 2 {
                continue;
            }
        } else {
            n = 0;
            last = s;
        }
        out.push(s);
    }
    out
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Doc<'a> {
        let toks = super::tokens::tokenize(text);
        let lower: Vec<Cow<'a, str>> = toks
            .iter()
            .map(|t| {
                let w = &text[t.start..t.end];
                if w.chars().any(char::is_uppercase) {
                    Cow::Owned(w.to_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        let mut lower_seen = HashSet::default();
        let mut cap_mid = HashSet::default();
        for (t, l) in toks.iter().zip(&lower) {
            let w = &text[t.start..t.end];
            if !t.word {
                continue;
            }
            if w.chars().next().is_some_and(char::is_lowercase) {
                lower_seen.insert(key(l));
            } else if is_cap(w) && !t.sent_start {
                cap_mid.insert(key(l));
            }
        }
        let mut after_person = HashSet::default();
        for k in 1..toks.len() {
            let prev = &lower[k - 1];
            let cs = classes(prev);
            if toks[k].word
                && is_cap(&text[toks[k].start..toks[k].end])
                && is_cap(&text[toks[k - 1].start..toks[k - 1].end])
                && (cs.contains(&"given") || cs.contains(&"title"))
            {
                after_person.insert(key(&lower[k]));
            }
        }
        let n = toks.len();
        let mut candidate = vec![false; n];
        let mut run = vec![(0, 0); n];
        let mut i = 0;
        while i < n {
            let w = &text[toks[i].start..toks[i].end];
            if !(toks[i].word && is_cap(w)) || FUNCTION.contains(&lower[i].as_ref()) {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            loop {
                if e < n && toks[e].word && is_cap(&text[toks[e].start..toks[e].end]) {
                    e += 1;
                } else if e + 1 < n
                    && JOINERS.contains(&lower[e].as_ref())
                    && toks[e + 1].word
                    && is_cap(&text[toks[e + 1].start..toks[e + 1].end])
                {
                    e += 2;
                } else {
                    break;
                }
            }
            for k in i..e {
                candidate[k] = true;
                run[k] = (i, e);
            }
            i = e;
        }
        Doc {
            text,
            toks,
            lower,
            candidate,
            run,
            lower_seen,
            cap_mid,
            after_person,
        }
    }

    pub fn word(&self, i: usize) -> &'a str {
        &self.text[self.toks[i].start..self.toks[i].end]
    }

    fn ctx(&self, i: isize) -> &str {
        if i < 0 || i as usize >= self.toks.len() {
            "<s>"
        } else {
            self.lower[i as usize].as_ref()
        }
    }

    /// The static features of candidate token `i`, hashed.
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let mut buf = String::new();
        let mut push = |parts: &[&str], out: &mut Vec<u64>| {
            buf.clear();
            for p in parts {
                buf.push_str(p);
                buf.push('\u{1}');
            }
            out.push(xxh3_64(buf.as_bytes()));
        };
        let w = self.word(i);
        let l = self.lower[i].as_ref();
        let sh = shape(w);
        push(&["b"], out);
        push(&["w", l], out);
        push(&["sh", &sh], out);
        let chars: Vec<char> = l.chars().collect();
        let suf: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        let pre: String = chars[..chars.len().min(3)].iter().collect();
        push(&["s3", &suf], out);
        let suf4: String = chars[chars.len().saturating_sub(4)..].iter().collect();
        push(&["s4", &suf4], out);
        push(&["p3", &pre], out);
        let ss = if self.toks[i].sent_start { "1" } else { "0" };
        push(&["ss", ss], out);
        let lcd = self.lower_seen.contains(&key(l));
        let cmd = self.cap_mid.contains(&key(l));
        push(
            &[
                "doc",
                ss,
                if lcd { "l" } else { "-" },
                if cmd { "c" } else { "-" },
            ],
            out,
        );
        if self.after_person.contains(&key(l)) {
            push(&["afterperson"], out);
        }
        let ii = i as isize;
        push(&["w-1", self.ctx(ii - 1)], out);
        push(&["w+1", self.ctx(ii + 1)], out);
        push(&["w-2", self.ctx(ii - 2)], out);
        push(&["w+2", self.ctx(ii + 2)], out);
        push(&["w-1w", self.ctx(ii - 1), l], out);
        let sh_at = |k: isize| -> String {
            if k < 0 || k as usize >= self.toks.len() {
                "<s>".into()
            } else {
                shape(self.word(k as usize))
            }
        };
        push(&["sh-1", &sh_at(ii - 1)], out);
        push(&["sh+1", &sh_at(ii + 1)], out);
        for c in classes(l) {
            push(&["g", c], out);
            push(&["gss", c, ss], out);
        }
        for (name, k) in [("g-1", ii - 1), ("g+1", ii + 1)] {
            for c in classes(self.ctx(k)) {
                push(&[name, c], out);
            }
        }
        let (rs, re) = self.run[i];
        let len = (re - rs).min(5).to_string();
        let pos = match (i == rs, i + 1 == re) {
            (true, true) => "single",
            (true, false) => "first",
            (false, true) => "last",
            _ => "mid",
        };
        push(&["rlen", &len, pos], out);
        let first = self.lower[rs].as_ref();
        let last = self.lower[re - 1].as_ref();
        push(&["rlw", last], out);
        push(&["rfw", first], out);
        for c in classes(last) {
            push(&["rl", c], out);
        }
        for c in classes(first) {
            push(&["rf", c], out);
        }
        for k in rs..re {
            for c in classes(&self.lower[k]) {
                push(&["rany", c], out);
            }
        }
        push(&["rb", self.ctx(rs as isize - 1)], out);
        push(&["ra", self.ctx(re as isize)], out);
    }
}

/// The features that depend on the tags given to the tokens before.
pub fn tag_features(prev: usize, prev2: usize, lower: &str, out: &mut Vec<u64>) {
    let (p, p2) = (prev as u8, prev2 as u8);
    out.push(xxh3_64(&[b't', 1, p]));
    out.push(xxh3_64(&[b't', 2, p2, p]));
    out.push(xxh3_64_with_seed(
        lower.as_bytes(),
        0x7477_0000 | u64::from(p),
    ));
}
