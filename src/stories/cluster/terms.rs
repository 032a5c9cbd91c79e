//! An article's words as the clusterer counts them: light stemming, the scan of a text into
//! words (with whether each is capitalised mid-sentence or a number), URL slugs, and the hashed
//! term keys of the vocabulary.

use std::collections::HashMap;

use super::is_stopword;
use crate::lang::stem::light as stem;

/// Calls `f(term, capitalised, sentence_start)` for each word of a text: runs of letters and
/// digits (with inner apostrophes and dots, so "U.S." and "O'Malley" stay whole), lower-cased,
/// possessive "'s" dropped, stemmed; stopwords and numbers under three digits are left out. A
/// capital on the first word of a sentence says nothing about names, hence `sentence_start`.
pub(super) fn scan(text: &str, mut f: impl FnMut(&str, bool, bool)) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut sentence_start = true;
    let mut word = String::new();
    while i < chars.len() {
        let c = chars[i];
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        word.clear();
        let start = i;
        let mut dotted = false;
        while i < chars.len() {
            let c = chars[i];
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
                i += 1;
            } else if matches!(c, '\'' | '’' | '.')
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                && i > start
            {
                // "U.S." and "Mt.Gox": the dot joins letters and is dropped; so is an apostrophe,
                // after a possessive "'s" goes.
                if c == '.' {
                    dotted = true;
                } else if chars.get(i + 1).is_some_and(|&n| n == 's' || n == 'S')
                    && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric())
                {
                    i += 2;
                    break;
                }
                i += 1;
            } else {
                break;
            }
        }
        let was_start = sentence_start;
        sentence_start = false;
        let cap = chars[start].is_uppercase();
        if word.bytes().all(|b| b.is_ascii_digit()) {
            if word.len() < 3 {
                continue;
            }
        } else if word.chars().nth(1).is_none() || (!dotted && is_stopword(&word)) {
            continue;
        }
        f(&stem(&word), cap, was_start);
    }
}

/// The words of a URL slug, as [`scan`] reads words, without numbers and words holding digits
/// (article numbers, dates, "b99221763z1").
pub(super) fn scan_slug(slug: &str, mut f: impl FnMut(&str)) {
    scan(slug, |t, _, _| {
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            f(t)
        }
    })
}

/// A vocabulary key: a 64-bit hash of the term (collisions are negligible at news vocabulary
/// sizes), so lookups never chase a pointer to the term's bytes.
pub(super) fn term_key(t: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(t.as_bytes())
}

/// Hasher for integer keys and keys that already are hashes: one multiplication.
#[derive(Default)]
pub(super) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
}

pub(super) type Vocab = HashMap<u64, u32, std::hash::BuildHasherDefault<KeyHasher>>;
