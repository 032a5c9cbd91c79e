//! Tokens of the text for quote finding: words, quote marks (straight and curly, with whether each
//! can open or close a quote) and apostrophes.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokenKind {
    /// a run of letters and digits, with inner apostrophes, hyphens, `&` and short dotted
    /// segments ("don't", "U.S", "Ph.D")
    Word,
    /// any other single character that is no white space
    Punct,
    /// a double quote mark, straight or curly (also guillemets)
    DoubleMark,
    /// a single quote mark or apostrophe standing alone
    SingleMark,
    /// white space holding a line break: a paragraph break
    ParagraphBreak,
}

/// Whether a quote mark can open or close a quote, from its shape and its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkDirection {
    Open,
    Close,
    /// either (a straight mark between two words or two spaces); also used for non-marks
    Ambiguous,
}

/// One token of the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// byte offset of the first character
    pub(super) start: usize,
    /// byte offset after the last character
    pub(super) end: usize,
    pub(super) kind: TokenKind,
    /// for quote marks, which way the mark faces
    pub(super) direction: MarkDirection,
    /// whether a word starts with an upper-case letter
    pub(super) capitalised: bool,
}

pub(super) fn is_dq(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' | '\u{2033}'
    )
}
pub(super) fn is_sq(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2039}' | '\u{203A}' | '`'
    )
}
pub(super) fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}
pub(super) fn open_ctx(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
                )
        }
    }
}
pub(super) fn close_ctx(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '\u{2026}'
                )
                || is_dq(c)
                || is_sq(c)
        }
    }
}

/// Splits a text into tokens: words, quote marks, other punctuation (one character each) and
/// paragraph breaks (white space holding a line break); other white space is dropped.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut toks = Vec::with_capacity(n / 4 + 4);
    let mut i = 0;
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    let token = |start: usize, end: usize, kind: TokenKind| Token {
        start,
        end,
        kind,
        direction: MarkDirection::Ambiguous,
        capitalised: false,
    };
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            let mut nl = false;
            while j < n && chars[j].1.is_whitespace() {
                if chars[j].1 == '\n' || chars[j].1 == '\r' || chars[j].1 == '\u{2029}' {
                    nl = true;
                }
                j += 1;
            }
            if nl {
                toks.push(token(b, end_of(j), TokenKind::ParagraphBreak));
            }
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            let j = word_end(&chars, i);
            toks.push(Token {
                capitalised: c.is_uppercase(),
                ..token(b, end_of(j), TokenKind::Word)
            });
            i = j;
            continue;
        }
        let e = end_of(i + 1);
        if is_dq(c) || is_sq(c) {
            let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
            let next = if i + 1 < n {
                Some(chars[i + 1].1)
            } else {
                None
            };
            let kind = if is_dq(c) {
                TokenKind::DoubleMark
            } else {
                TokenKind::SingleMark
            };
            toks.push(Token {
                direction: mark_direction(c, prev, next),
                ..token(b, e, kind)
            });
        } else {
            toks.push(token(b, e, TokenKind::Punct));
        }
        i += 1;
    }
    toks
}

/// The index after the word starting at char `i`: letters and digits, joined by an apostrophe, a
/// hyphen or `&` between two of them, or a dot after a segment of at most two ("U.S", "Ph.D").
fn word_end(chars: &[(usize, char)], i: usize) -> usize {
    let n = chars.len();
    let mut j = i + 1;
    while j < n {
        let d = chars[j].1;
        if d.is_alphanumeric() {
            j += 1;
        } else if j + 1 < n
            && chars[j + 1].1.is_alphanumeric()
            && (is_apos(d) || d == '-' || d == '\u{2010}' || d == '&' || {
                // "U.S", "a.m", "Ph.D": only short segments before the dot
                let mut m = j;
                while m > i && chars[m - 1].1.is_alphanumeric() {
                    m -= 1;
                }
                d == '.' && j - m <= 2
            })
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// Which way the quote mark `c` faces, between the characters `prev` and `next`: a curly mark
/// by its shape unless the context says the opposite, a straight one by its context.
fn mark_direction(c: char, prev: Option<char>, next: Option<char>) -> MarkDirection {
    let oc = open_ctx(prev);
    let cc = close_ctx(next);
    let ctx = if oc && !cc {
        MarkDirection::Open
    } else if cc && !oc {
        MarkDirection::Close
    } else {
        MarkDirection::Ambiguous
    };
    match c {
        '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{2018}' | '\u{201A}' | '\u{2039}' => {
            if ctx == MarkDirection::Close {
                MarkDirection::Close
            } else {
                MarkDirection::Open
            }
        }
        '\u{201D}' | '\u{BB}' | '\u{2033}' | '\u{2019}' | '\u{203A}' => {
            if ctx == MarkDirection::Open {
                MarkDirection::Open
            } else {
                MarkDirection::Close
            }
        }
        _ => ctx,
    }
}

/// Paragraphs as token ranges `[start, end)`, split at paragraph-break tokens (empty ones left out).
pub(super) fn paragraphs(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TokenKind::ParagraphBreak {
            if i > a {
                paras.push((a, i));
            }
            a = i + 1;
        }
    }
    if toks.len() > a {
        paras.push((a, toks.len()));
    }
    paras
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_short_dotted_parts() {
        let words: Vec<&str> = texts("Don't re-run the U.S. Ph.D test, e.g. now.")
            .into_iter()
            .filter(|(_, k)| *k == TokenKind::Word)
            .map(|(w, _)| w)
            .collect();
        assert_eq!(
            words,
            vec![
                "Don't", "re-run", "the", "U.S", "Ph.D", "test", "e.g", "now"
            ]
        );
    }

    #[test]
    fn quote_marks_face_by_shape_and_context() {
        let toks = tokenize("\"Yes,\" he said. \u{201C}No\u{201D} and 'maybe'");
        let marks: Vec<(TokenKind, MarkDirection)> = toks
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::DoubleMark | TokenKind::SingleMark))
            .map(|t| (t.kind, t.direction))
            .collect();
        use MarkDirection::*;
        use TokenKind::*;
        assert_eq!(
            marks,
            vec![
                (DoubleMark, Open),
                (DoubleMark, Close),
                (DoubleMark, Open),
                (DoubleMark, Close),
                (SingleMark, Open),
                (SingleMark, Close)
            ]
        );
    }

    #[test]
    fn line_breaks_make_paragraphs() {
        let toks = tokenize("One two.\n\nThree.\nFour");
        let paras = paragraphs(&toks);
        assert_eq!(paras.len(), 3);
        assert!(toks.iter().any(|t| t.kind == TokenKind::ParagraphBreak));
        assert!(toks[0].capitalised && !toks[1].capitalised);
        assert!(paragraphs(&tokenize("\n\n")).is_empty());
    }
}
