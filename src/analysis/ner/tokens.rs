//! Tokens for name finding: words (with the dot of an initial or abbreviation, the inner
//! apostrophe, hyphen or ampersand of a name), a possessive "'s" on its own, every other mark
//! on its own, and whether a word opens a sentence.

/// One token: its byte span in the text, and whether it is the first word of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub sent_start: bool,
    pub word: bool,
}

fn is_inner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut chars = text.char_indices().peekable();
    // true at the start, after a sentence-final mark or a blank line (kept over quotes and brackets)
    let mut after_final = true;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                after_final = true;
            }
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                if is_inner(d) {
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphanumeric) {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            let mut word = &text[i..end];
            // a possessive is a token of its own
            let mut poss = None;
            for p in ["'s", "\u{2019}s"] {
                if word.len() > p.len() + 1 && word.ends_with(p) {
                    poss = Some(end - p.len());
                }
            }
            if let Some(p) = poss {
                out.push(Tok {
                    start: i,
                    end: p,
                    sent_start: after_final,
                    word: true,
                });
                out.push(Tok {
                    start: p,
                    end,
                    sent_start: false,
                    word: true,
                });
                after_final = false;
                continue;
            }
            // the dot of an initial ("J."), a dotted abbreviation ("U.S.") or a title ("Dr.")
            if let Some(&(j, '.')) = chars.peek() {
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let lower = word.to_lowercase();
                if initial || word.contains('.') || crate::lang::ABBREVIATIONS.contains(&lower) {
                    end = j + 1;
                    chars.next();
                    word = &text[i..end];
                }
            }
            let _ = word;
            out.push(Tok {
                start: i,
                end,
                sent_start: after_final,
                word: true,
            });
            after_final = false;
            continue;
        }
        let end = i + c.len_utf8();
        out.push(Tok {
            start: i,
            end,
            sent_start: false,
            word: false,
        });
        if matches!(c, '.' | '!' | '?') {
            after_final = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(t: &str) -> Vec<&str> {
        tokenize(t).iter().map(|k| &t[k.start..k.end]).collect()
    }

    #[test]
    fn keeps_initials_abbreviations_and_inner_marks() {
        assert_eq!(
            words("Donald J. Trump's U.S. trip, said Dr. O'Brien-Lee of AT&T."),
            vec![
                "Donald",
                "J.",
                "Trump",
                "'s",
                "U.S.",
                "trip",
                ",",
                "said",
                "Dr.",
                "O'Brien-Lee",
                "of",
                "AT&T",
                "."
            ]
        );
    }

    #[test]
    fn marks_sentence_starts_over_quotes() {
        let t = "He left. \"They came,\" she said.\n\nNext";
        let toks = tokenize(t);
        let starts: Vec<&str> = toks
            .iter()
            .filter(|k| k.sent_start)
            .map(|k| &t[k.start..k.end])
            .collect();
        assert_eq!(starts, vec!["He", "They", "Next"]);
    }
}
