//! Sentence units and the quote extractor's own sentence splitting: inside a paragraph every quote
//! span is one unit and every other token is one unit, and sentences are runs of units.
//!
//! This is separate from `crate::analysis::sentences::split` on purpose: it works on tokens with
//! whole quotes as single units, so a sentence never ends inside a quote, and it knows that a quote
//! ending in `!` or `?` followed by a speech verb ("Why?" Graham asked.) is still one sentence.

use super::*;

/// One unit of a sentence: a token outside any quote, or a whole quote span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum U {
    /// a token, by index into the token list
    T(usize),
    /// a quote span, by index into the quote span list
    Q(usize),
}

/// The text with its tokens and quote spans, and how to read a unit of it.
pub(super) struct Ctx<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    pub(super) qs: &'a [QSpan],
}

impl<'a> Ctx<'a> {
    /// The text of token `k`.
    pub(super) fn ts(&self, k: usize) -> &'a str {
        &self.text[self.toks[k].s..self.toks[k].e]
    }
    /// The word a unit is, if it is a word token.
    pub(super) fn word(&self, u: U) -> Option<&'a str> {
        match u {
            U::T(k) if self.toks[k].kind == TK::Word => Some(self.ts(k)),
            _ => None,
        }
    }
    /// The word a unit is, lower-cased.
    pub(super) fn lw(&self, u: U) -> Option<String> {
        self.word(u).map(|w| w.to_lowercase())
    }
    /// Whether a unit is the punctuation (or quote mark) token `c`.
    pub(super) fn is_punct(&self, u: U, c: &str) -> bool {
        match u {
            U::T(k) => matches!(self.toks[k].kind, TK::Punct | TK::DQ | TK::SQ) && self.ts(k) == c,
            _ => false,
        }
    }
    /// Byte span of a unit; a quote's span runs from its opening mark to its closing mark (or the
    /// end of its content when unclosed).
    pub(super) fn span(&self, u: U) -> (usize, usize) {
        match u {
            U::T(k) => (self.toks[k].s, self.toks[k].e),
            U::Q(q) => {
                let qq = &self.qs[q];
                let e = match qq.close {
                    Some(c) => self.toks[c].e,
                    None => qq.ce,
                };
                (self.toks[qq.open].s, e)
            }
        }
    }
    /// Whether a unit is a capitalised word.
    pub(super) fn cap(&self, u: U) -> bool {
        match u {
            U::T(k) => self.toks[k].kind == TK::Word && self.toks[k].cap,
            _ => false,
        }
    }
}

/// The units of the paragraph made of tokens `[start, end)`: each token that `quote_of_token`
/// puts in no quote, and each quote span once.
pub(super) fn paragraph_units(
    quote_of_token: &[Option<usize>],
    qs: &[QSpan],
    start: usize,
    end: usize,
) -> Vec<U> {
    let mut units = Vec::new();
    let mut k = start;
    while k < end {
        if let Some(qi) = quote_of_token[k] {
            units.push(U::Q(qi));
            k = qs[qi].last + 1;
        } else {
            units.push(U::T(k));
            k += 1;
        }
    }
    units
}

/// Splits a paragraph's units into sentences, as unit ranges `[start, end)`.
pub(super) fn split_sentences(c: &Ctx, units: &[U]) -> Vec<(usize, usize)> {
    let mut sents = Vec::new();
    let mut s0 = 0;
    for i in 0..units.len() {
        let boundary = match units[i] {
            U::T(t) => token_ends_sentence(c, units, i, t),
            U::Q(q) => quote_ends_sentence(c, units, i, q),
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
fn token_ends_sentence(c: &Ctx, units: &[U], i: usize, t: usize) -> bool {
    let l = lex();
    let s = c.ts(t);
    if !((s == "." || s == "!" || s == "?") && c.toks[t].kind == TK::Punct) {
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
                || l.abbr.contains(w.to_lowercase().as_str())
        })
        && next.is_some_and(|n| c.cap(n));
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
        U::Q(_) => true,
        U::T(t2) => {
            let f = c.ts(t2).chars().next().unwrap_or(' ');
            f.is_uppercase()
                || f.is_ascii_digit()
                || (matches!(c.toks[t2].kind, TK::DQ | TK::SQ) && c.toks[t2].dir != Dir::Close)
        }
    });
    !abbr && !next_lower && next_ok
}

/// Whether quote `q` (unit `i`) ends a sentence: its content ends in `.`, `!`, `?` or `…` and a
/// quote or a capital follows; after `!`, `?` or `…` not when a speech verb follows within a few
/// words (""Why?" Graham asked." stays one sentence).
fn quote_ends_sentence(c: &Ctx, units: &[U], i: usize, q: usize) -> bool {
    let l = lex();
    let next = units.get(i + 1).copied();
    let qq = &c.qs[q];
    let endc = c.text[qq.cs..qq.ce].chars().next_back();
    let cue_follows = || {
        units[i + 1..]
            .iter()
            .take(8)
            .take_while(|&&n| !matches!(n, U::Q(_)) && !c.is_punct(n, "."))
            .any(|&n| {
                !c.cap(n)
                    && c.lw(n).is_some_and(|w| {
                        l.cue_bare.contains(w.as_str()) || l.cue_quote.contains(w.as_str())
                    })
            })
    };
    matches!(endc, Some('.') | Some('!') | Some('?') | Some('\u{2026}'))
        && next.is_some_and(|n| matches!(n, U::Q(_)) || c.cap(n))
        && (endc == Some('.') || !cue_follows())
}
