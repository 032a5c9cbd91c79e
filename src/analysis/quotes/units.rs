//! Sentence units and the quote extractor's own sentence splitting: inside a paragraph every quote
//! span is one unit and every other token is one unit, and sentences are runs of units.
//!
//! This is separate from `crate::analysis::sentences::split` on purpose: it works on tokens with
//! whole quotes as single units, so a sentence never ends inside a quote, and it knows that a quote
//! ending in `!` or `?` followed by a speech verb ("Why?" Graham asked.) is still one sentence.

use super::*;

/// One unit of a sentence: a token outside any quote, or a whole quote span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// a token, by index into the token list
    Token(usize),
    /// a quote span, by index into the quote span list
    Quote(usize),
}

/// The text with its tokens and quote spans, and how to read a unit of it.
pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    pub(super) spans: &'a [QuoteSpan],
}

impl<'a> Doc<'a> {
    /// The text of token `k`.
    pub(super) fn token_text(&self, k: usize) -> &'a str {
        &self.text[self.tokens[k].start..self.tokens[k].end]
    }
    /// The word a unit is, if it is a word token.
    pub(super) fn word(&self, u: Unit) -> Option<&'a str> {
        match u {
            Unit::Token(k) if self.tokens[k].kind == TokenKind::Word => Some(self.token_text(k)),
            _ => None,
        }
    }
    /// The word a unit is, lower-cased.
    pub(super) fn lower_word(&self, u: Unit) -> Option<String> {
        self.word(u).map(|w| w.to_lowercase())
    }
    /// Whether a unit is the punctuation (or quote mark) token `c`.
    pub(super) fn is_punct(&self, u: Unit, c: &str) -> bool {
        match u {
            Unit::Token(k) => {
                matches!(
                    self.tokens[k].kind,
                    TokenKind::Punct | TokenKind::DoubleMark | TokenKind::SingleMark
                ) && self.token_text(k) == c
            }
            _ => false,
        }
    }
    /// Byte span of a unit; a quote's span runs from its opening mark to its closing mark (or the
    /// end of its content when unclosed).
    pub(super) fn span(&self, u: Unit) -> (usize, usize) {
        match u {
            Unit::Token(k) => (self.tokens[k].start, self.tokens[k].end),
            Unit::Quote(q) => {
                let qq = &self.spans[q];
                let e = match qq.close {
                    Some(c) => self.tokens[c].end,
                    None => qq.content_end,
                };
                (self.tokens[qq.open].start, e)
            }
        }
    }
    /// Whether a unit is a capitalised word.
    pub(super) fn is_capitalised(&self, u: Unit) -> bool {
        match u {
            Unit::Token(k) => self.tokens[k].kind == TokenKind::Word && self.tokens[k].capitalised,
            _ => false,
        }
    }
}

/// The units of the paragraph made of tokens `[start, end)`: each token that `quote_of_token`
/// puts in no quote, and each quote span once.
pub(super) fn paragraph_units(
    quote_of_token: &[Option<usize>],
    qs: &[QuoteSpan],
    start: usize,
    end: usize,
) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut k = start;
    while k < end {
        if let Some(qi) = quote_of_token[k] {
            units.push(Unit::Quote(qi));
            k = qs[qi].last + 1;
        } else {
            units.push(Unit::Token(k));
            k += 1;
        }
    }
    units
}

/// Splits a paragraph's units into sentences, as unit ranges `[start, end)`.
pub(super) fn split_sentences(c: &Doc, units: &[Unit]) -> Vec<(usize, usize)> {
    let mut sents = Vec::new();
    let mut s0 = 0;
    for i in 0..units.len() {
        let boundary = match units[i] {
            Unit::Token(t) => token_ends_sentence(c, units, i, t),
            Unit::Quote(q) => quote_ends_sentence(c, units, i, q),
        };
        if boundary {
            sents.push((s0, i + 1));
            s0 = i + 1;
        }
    }
    if s0 < units.len() {
        sents.push((s0, units.len()));
    }
    sents
}

/// Whether token `t` (unit `i`) is a `.`, `!` or `?` that ends a sentence: not the dot of an
/// abbreviation or an initial before a capital, and followed by a quote, a capital, a digit or an
/// opening mark.
fn token_ends_sentence(c: &Doc, units: &[Unit], i: usize, t: usize) -> bool {
    let l = lexicon();
    let s = c.token_text(t);
    if !((s == "." || s == "!" || s == "?") && c.tokens[t].kind == TokenKind::Punct) {
        return false;
    }
    let next = units.get(i + 1).copied();
    let next_lower = next.is_some_and(|n| {
        c.word(n)
            .is_some_and(|w| w.chars().next().is_some_and(|ch| ch.is_lowercase()))
    });
    let abbr = s == "."
        && i > 0
        && c.word(units[i - 1]).is_some_and(|w| {
            (w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase()))
                || crate::lang::ABBREVIATIONS.contains(w.to_lowercase().as_str())
        })
        && next.is_some_and(|n| c.is_capitalised(n));
    // "U.S." ends a sentence unless a title follows ("U.S. Rep.")
    let abbr = abbr
        && (!matches!(
            c.word(units[i - 1]).map(|w| w.to_lowercase()).as_deref(),
            Some("u.s") | Some("a.m") | Some("p.m")
        ) || next.is_some_and(|n| {
            c.word(n)
                .is_some_and(|w| l.role.contains(w.to_lowercase().as_str()))
        }));
    let next_ok = next.is_some_and(|n| match n {
        Unit::Quote(_) => true,
        Unit::Token(t2) => {
            let f = c.token_text(t2).chars().next().unwrap_or(' ');
            f.is_uppercase()
                || f.is_ascii_digit()
                || (matches!(
                    c.tokens[t2].kind,
                    TokenKind::DoubleMark | TokenKind::SingleMark
                ) && c.tokens[t2].direction != MarkDirection::Close)
        }
    });
    !abbr && !next_lower && next_ok
}

/// Whether quote `q` (unit `i`) ends a sentence: its content ends in `.`, `!`, `?` or `…` and a
/// quote or a capital follows; after `!`, `?` or `…` not when a speech verb follows within a few
/// words (""Why?" Graham asked." stays one sentence).
fn quote_ends_sentence(c: &Doc, units: &[Unit], i: usize, q: usize) -> bool {
    let l = lexicon();
    let next = units.get(i + 1).copied();
    let qq = &c.spans[q];
    let endc = c.text[qq.content_start..qq.content_end].chars().next_back();
    let cue_follows = || {
        units[i + 1..]
            .iter()
            .take(8)
            .take_while(|&&n| !matches!(n, Unit::Quote(_)) && !c.is_punct(n, "."))
            .any(|&n| {
                !c.is_capitalised(n)
                    && c.lower_word(n).is_some_and(|w| {
                        l.cue_bare.contains(w.as_str()) || l.cue_quote.contains(w.as_str())
                    })
            })
    };
    matches!(endc, Some('.') | Some('!') | Some('?') | Some('\u{2026}'))
        && next.is_some_and(|n| matches!(n, Unit::Quote(_)) || c.is_capitalised(n))
        && (endc == Some('.') || !cue_follows())
}

/// Runs `f` over the document and the units of `text` (all paragraphs' units in a row), for the
/// unit tests of the phases that work on units.
#[cfg(test)]
pub(super) fn with_units<R>(text: &str, f: impl FnOnce(&Doc, &[Unit]) -> R) -> R {
    let super::Scan {
        toks,
        paras,
        qs,
        quote_of_tok,
    } = super::scan(text);
    let doc = Doc {
        text,
        tokens: &toks,
        spans: &qs,
    };
    let units: Vec<Unit> = paras
        .iter()
        .flat_map(|&(a, b)| paragraph_units(&quote_of_tok, &qs, a, b))
        .collect();
    f(&doc, &units)
}

/// The unit index of the first unit that is the word `w`, for tests.
#[cfg(test)]
pub(super) fn unit_of_word(doc: &Doc, units: &[Unit], w: &str) -> usize {
    units
        .iter()
        .position(|&x| doc.word(x) == Some(w))
        .unwrap_or_else(|| panic!("no word {w:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences of a one-paragraph text, as their texts.
    fn sentences(text: &str) -> Vec<String> {
        with_units(text, |doc, units| {
            split_sentences(doc, units)
                .into_iter()
                .map(|(s, e)| {
                    let a = doc.span(units[s]).0;
                    let b = doc.span(units[e - 1]).1;
                    doc.text[a..b].to_string()
                })
                .collect()
        })
    }

    #[test]
    fn a_quote_is_one_unit() {
        with_units("He said \"no way, never\" twice.", |doc, units| {
            let quotes: Vec<&str> = units
                .iter()
                .filter(|u| matches!(u, Unit::Quote(_)))
                .map(|&u| {
                    let (a, b) = doc.span(u);
                    &doc.text[a..b]
                })
                .collect();
            assert_eq!(quotes, vec!["\"no way, never\""]);
            assert_eq!(units.len(), 5);
        });
    }

    #[test]
    fn abbreviations_and_initials_end_no_sentence() {
        assert_eq!(
            sentences("Mr. Lee met U.S. Rep. Ross in Ohio. J. Smith left."),
            vec!["Mr. Lee met U.S. Rep. Ross in Ohio.", "J. Smith left."]
        );
        // "U.S." before a capital that is no title ends the sentence
        assert_eq!(
            sentences("He moved to the U.S. Then he left."),
            vec!["He moved to the U.S.", "Then he left."]
        );
    }

    #[test]
    fn a_question_in_quotes_before_its_cue_stays_in_the_sentence() {
        assert_eq!(
            sentences("\u{201C}Why?\u{201D} Graham asked. \u{201C}Because.\u{201D} Lee said."),
            vec![
                "\u{201C}Why?\u{201D} Graham asked.",
                "\u{201C}Because.\u{201D}",
                "Lee said."
            ]
        );
    }

    #[test]
    fn a_lower_case_word_continues_the_sentence() {
        assert_eq!(
            sentences("It cost 5 p.m. prices. ok then."),
            vec!["It cost 5 p.m. prices. ok then."]
        );
    }
}
