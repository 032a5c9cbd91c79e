//! Small text helpers shared by every stage: code-point offsets, whitespace and quote-mark
//! normalisation, word tokens, and case-insensitive byte search.

/// Converts byte offsets into code-point offsets for one text. Offsets must be asked for in
/// increasing order for the conversion to stay linear; asking for an earlier offset restarts.
pub struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code-point offset of byte offset `b` (clamped to the text; rounded down to a char boundary).
    pub fn chars_at(&mut self, b: usize) -> usize {
        let mut b = b.min(self.text.len());
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// Code-point offset of byte offset `b` in `text`.
pub fn char_offset(text: &str, b: usize) -> usize {
    CharCounter::new(text).chars_at(b)
}

/// Byte offset of code-point offset `c` in `text` (the text's length when `c` is past the end).
pub fn byte_offset(text: &str, c: usize) -> usize {
    text.char_indices()
        .nth(c)
        .map(|(b, _)| b)
        .unwrap_or(text.len())
}

/// The text between code-point offsets `start` and `end` (clamped).
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let s = byte_offset(text, start);
    let e = if end <= start {
        s
    } else {
        s + byte_offset(&text[s..], end - start)
    };
    &text[s..e]
}

/// Collapses runs of whitespace (including non-breaking and zero-width spaces) into one space and
/// trims. Reads bytes and decodes only non-ASCII characters: this runs on every line of a scrape.
pub fn squash_ws(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Start of the current run of non-space text.
    let (mut run, mut i) = (0, 0);
    while i < b.len() {
        let (space, len) = if b[i] < 0x80 {
            (b[i].is_ascii_whitespace() || b[i] == 0x0b, 1)
        } else {
            match s.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (
                    c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}',
                    c.len_utf8(),
                ),
                None => (false, 1),
            }
        };
        if space {
            if run < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[run..i]);
            }
            run = i + len;
        }
        i += len;
    }
    if run < b.len() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[run..]);
    }
    out
}

/// Word tokens: runs of letters and digits, with inner apostrophes and hyphens kept ("don't",
/// "well-known") and those marks trimmed at the ends. Case is kept.
pub fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`]. It reads bytes and decodes only non-ASCII characters: this runs
/// over every body several times in a load (templates, cleaning, near-duplicates).
pub struct Words<'a> {
    s: &'a str,
    at: usize,
}

/// What the character starting at byte `i` of `s` is: (a word character, a letter or digit,
/// its length in bytes). Word characters are letters, digits and the inner marks.
fn char_class(s: &str, i: usize) -> (bool, bool, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => {
            let alnum = b.is_ascii_alphanumeric();
            (alnum || b == b'\'' || b == b'-', alnum, 1)
        }
        _ => match s.get(i..).and_then(|t| t.chars().next()) {
            Some(c) => {
                let alnum = c.is_alphanumeric();
                (alnum || c == '’', alnum, c.len_utf8())
            }
            None => (false, false, 1),
        },
    }
}

/// Byte classes for the ASCII fast path of [`Words`].
const NOT_WORD: u8 = 0;
const ALNUM: u8 = 1;
const MARK: u8 = 2;
const NON_ASCII: u8 = 3;
static CLASSES: [u8; 256] = {
    let mut t = [NOT_WORD; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            NON_ASCII
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if c == b'\'' || c == b'-' {
            MARK
        } else {
            NOT_WORD
        };
        b += 1;
    }
    t
};

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            let mut i = self.at;
            while i < b.len() && CLASSES[b[i] as usize] == NOT_WORD {
                i += 1;
            }
            if i >= b.len() {
                self.at = i;
                return None;
            }
            // One run of word characters; the word is from its first to its last letter or digit.
            let run = i;
            let (mut first, mut end) = (None, 0);
            // The usual case first: a run of ASCII letters and digits.
            if CLASSES[b[i] as usize] == ALNUM {
                first = Some(i);
                while i < b.len() && CLASSES[b[i] as usize] == ALNUM {
                    i += 1;
                }
                end = i;
            }
            while i < b.len() {
                match CLASSES[b[i] as usize] {
                    ALNUM => {
                        first.get_or_insert(i);
                        i += 1;
                        end = i;
                    }
                    MARK => i += 1,
                    NOT_WORD => break,
                    _ => {
                        let (word, alnum, len) = char_class(s, i);
                        if !word {
                            break;
                        }
                        if alnum {
                            first.get_or_insert(i);
                            end = i + len;
                        }
                        i += len;
                    }
                }
            }
            if i == run {
                // A non-ASCII character that is not a word character.
                i += char_class(s, i).2;
            }
            self.at = i;
            if let Some(first) = first {
                return s.get(first..end);
            }
        }
    }
}

/// The number of characters of scripts written without spaces between words (Chinese, Japanese
/// kana, Korean Hangul) in `s`.
pub fn cjk_chars(s: &str) -> usize {
    if s.is_ascii() {
        return 0;
    }
    s.chars().filter(|&c| is_cjk(c)).count()
}

/// Whether `c` is a character of a script written without spaces between words (Chinese,
/// Japanese kana, Korean Hangul).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af | 0xf900..=0xfaff)
}

/// The letters and digits of `s`, lower-cased: the form two names or titles are compared in
/// ("The Hill" and "thehill").
pub fn alnum_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `s` has at least `n` words (as [`words`] counts them), reading only as far as the
/// `n`th word: a length test on a long paragraph ends early.
pub fn has_words(s: &str, n: usize) -> bool {
    n == 0 || words(s).nth(n - 1).is_some()
}

/// Appends `w` lower-cased to `out` (in place for ASCII words, the common case).
pub fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let at = out.len();
        out.push_str(w);
        out[at..].make_ascii_lowercase();
    } else {
        out.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// A hash of a word of [`words`] that ignores case: ASCII words are hashed as they are, with their
/// letters folded on the fly; others are lower-cased into `buf` first.
pub fn word_hash(w: &str, buf: &mut String) -> u64 {
    if w.is_ascii() {
        folded_hash(w.as_bytes(), true)
    } else {
        buf.clear();
        push_lower(buf, w);
        folded_hash(buf.as_bytes(), false)
    }
}

/// The hash of a word's bytes, eight at a time, then mixed (the murmur3 finaliser). With `fold`,
/// ASCII letters count as lower case: an ASCII word's bytes are letters, digits, `'` and `-`
/// (see [`words`]), and setting bit 5 lowers the letters and leaves the others as they are.
fn folded_hash(bytes: &[u8], fold: bool) -> u64 {
    let fold = if fold { 0x2020_2020_2020_2020 } else { 0 };
    let mut h = bytes.len() as u64;
    for chunk in bytes.chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = (h.rotate_left(29) ^ (u64::from_le_bytes(b) | fold))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Number of words in `s` (as [`words`] splits them).
pub fn word_count(s: &str) -> usize {
    // Counts the runs of word characters that hold a letter or digit, without slicing them out.
    let b = s.as_bytes();
    let (mut n, mut counted, mut i) = (0, false, 0);
    while i < b.len() {
        let (word, alnum, len) = match CLASSES[b[i] as usize] {
            ALNUM => (true, true, 1),
            MARK => (true, false, 1),
            NOT_WORD => (false, false, 1),
            _ => char_class(s, i),
        };
        if !word {
            counted = false;
        } else if alnum && !counted {
            n += 1;
            counted = true;
        }
        i += len;
    }
    n
}

/// Replaces typographic quote marks and dashes with plain ones, for comparing texts.
pub fn fold_marks(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '′' => '\'',
            '–' | '—' => '-',
            c => c,
        })
        .collect()
}

/// Whether `bytes` holds `pat` at `i`, ignoring ASCII case.
pub fn starts_with_ci(bytes: &[u8], i: usize, pat: &[u8]) -> bool {
    bytes
        .get(i..i + pat.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(pat))
}

/// The first position at or after `from` where `bytes` holds `pat`, ignoring ASCII case. Jumps
/// between occurrences of the pattern's first byte (either case) with `memchr`.
pub fn find_ci(bytes: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    let (&first, _) = pat.split_first()?;
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut i = from;
    while i < bytes.len() {
        let at = i + memchr::memchr2(lo, up, bytes.get(i..)?)?;
        if starts_with_ci(bytes, at, pat) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_counts_what_words_yields() {
        for t in [
            "",
            "one",
            "  don't stop - the well-known 'quoted' words -- here ''' ’’ 42 ",
            "Zhang’s view: über-café, naïve résumé; 3.5% of 1,000",
            "- - ' ’ --",
            "a-b-c 'x' y'",
            "東京で3月12日、“Quote” said—Ünal; ’tis x’’y --a-- ½ ²",
        ] {
            assert_eq!(word_count(t), words(t).count(), "{t:?}");
            for n in 0..12 {
                assert_eq!(has_words(t, n), word_count(t) >= n, "{t:?} {n}");
            }
            // The byte-level iterator splits as the plain character rule does.
            let mark = |c: char| c == '\'' || c == '’' || c == '-';
            let reference: Vec<&str> = t
                .split(|c: char| !(c.is_alphanumeric() || mark(c)))
                .map(|w| w.trim_matches(mark))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words(t).collect::<Vec<_>>(), reference, "{t:?}");
        }
    }

    #[test]
    fn offsets_round_trip_on_multibyte_text() {
        let t = "“Zhang” said — ok é";
        let b = t.find("said").unwrap_or(0);
        let c = char_offset(t, b);
        assert_eq!(c, 8);
        assert_eq!(byte_offset(t, c), b);
        assert_eq!(slice_chars(t, 8, 12), "said");
        let mut cc = CharCounter::new(t);
        assert_eq!(cc.chars_at(b), 8);
        assert_eq!(cc.chars_at(t.len()), t.chars().count());
        assert_eq!(cc.chars_at(0), 0);
    }

    #[test]
    fn word_hashes_ignore_case_only() {
        let mut buf = String::new();
        let mut h = |w: &str| word_hash(w, &mut buf);
        assert_eq!(h("Harbor"), h("harbor"));
        assert_eq!(h("HARBOR-side"), h("harbor-Side"));
        assert_eq!(h("Ünal"), h("ünal"));
        assert_eq!(h("ÉCOLE"), h("école"));
        let distinct = [
            "harbor", "harbors", "harbo", "don't", "dont", "a", "b", "ā", "ġ", "12", "21",
        ];
        let hashes: std::collections::HashSet<u64> = distinct.iter().map(|w| h(w)).collect();
        assert_eq!(hashes.len(), distinct.len());
    }

    #[test]
    fn squashes_whitespace_and_folds_marks() {
        assert_eq!(squash_ws("  a \u{a0} b\n\tc "), "a b c");
        // The byte-level version splits as the plain character rule does.
        let space = |c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}';
        for t in [
            "",
            "   ",
            "x",
            " \u{200b}a\u{2003}b\u{3000} c\u{b}d\u{c}e\r\n",
            "“Quote,” she said — élan\u{85}naïve\u{2028}東京 ",
            "one two  three \u{a0}four five\tsix seven \u{200b}eight nine ",
            "a b",
            " a b c d ",
        ] {
            let reference = t.split(space).filter(|w| !w.is_empty()).collect::<Vec<_>>();
            assert_eq!(squash_ws(t), reference.join(" "), "{t:?}");
        }
        assert_eq!(fold_marks("“a” — ‘b’"), "\"a\" - 'b'");
        assert_eq!(
            words("It’s a well-known U.S. fact.").collect::<Vec<_>>(),
            ["It’s", "a", "well-known", "U", "S", "fact"]
        );
    }

    #[test]
    fn case_insensitive_search_finds_the_first_match_from_a_start() {
        let page = b"<p>a</P><SCRIPT>x</script><script>";
        assert_eq!(find_ci(page, 0, b"<script"), Some(8));
        assert_eq!(find_ci(page, 9, b"<script"), Some(26));
        assert_eq!(find_ci(page, 0, b"</p>"), Some(4));
        assert_eq!(find_ci(page, 0, b"<style"), None);
        assert_eq!(find_ci(page, 99, b"<p"), None);
        assert_eq!(find_ci(page, 0, b""), None);
    }
}
