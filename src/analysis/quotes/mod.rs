//! Rule-based quotation and speaker-attribution extractor for English news text: finds direct quotes, partial (mixed) quotes and reported speech, with the speaker mention, resolved speaker name, role and cue.
//!
//! Offsets are Unicode code points into the input text. Paragraphs are separated by blank lines
//! (any newline is treated as a paragraph break). For `Partial` quotes (a quoted fragment inside a
//! reported clause, e.g. `He said the plan was "a disaster" for voters`) the piece covers the whole
//! reported clause, quote marks included where they fall inside it.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::Span;

/// What kind of statement a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words inside quote marks.
    Direct,
    /// Speech reported without quote marks ("X said that ..."): not verbatim.
    Reported,
    /// A quoted fragment inside a reported clause.
    Partial,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Partial => "partial",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// the text of the mention as written, e.g. "he", "Zhang", "the ministry"
    pub name: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// resolved full name, e.g. "Zhang Chi", or organisation
    pub name: String,
    pub role: Option<String>,
    pub is_org: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// code-point spans of the quoted content without the quote marks, one per piece
    pub pieces: Vec<Span>,
    /// the pieces' texts joined with a single space
    pub text: String,
    /// None when unknown
    pub speaker: Option<Speaker>,
    /// the speaker mention nearest the quote (the cue's subject)
    pub mention: Option<Mention>,
    /// the attribution verb ("said", "warned"), when found
    pub cue: Option<Span>,
    pub confidence: f32,
}

mod assembly;
mod attribution;
mod coreference;
mod halves;
mod lexicon;
mod phrases;
mod quoted;
mod reported;
mod spans;
mod subject;
#[cfg(test)]
mod tests;
mod tokens;
mod unattributed;
mod units;

use assembly::*;
use attribution::*;
use coreference::*;
pub use halves::join_halves;
pub use lexicon::introduces_new_statement;
use lexicon::*;
use phrases::*;
use spans::*;
use subject::*;
use tokens::*;
use units::*;

/// Finds the quotes and reported statements of a text, in order, with their speakers.
///
/// The phases: tokens ([`tokens`]), quote marks paired into spans ([`spans`]), sentences of
/// units ([`units`]), then sentence by sentence the attributions ([`attribution`], over the noun
/// phrases of [`phrases`]) and the assembly of statements ([`assembly`], [`quoted`],
/// [`unattributed`], [`reported`]), resolving speakers to the people met earlier
/// ([`coreference`]).
pub fn extract(text: &str) -> Vec<Quote> {
    let Scan {
        toks,
        paras,
        qs,
        quote_of_tok,
    } = scan(text);
    let doc = Doc {
        text,
        tokens: &toks,
        spans: &qs,
    };
    let mut asm = Assembler::new(&doc);
    for (pi, &(pa, pb)) in paras.iter().enumerate() {
        let units = paragraph_units(&quote_of_tok, &qs, pa, pb);
        for (ss, se) in split_sentences(&doc, &units) {
            asm.sentence(&units[ss..se], pi);
        }
    }
    asm.finish()
}

/// What the phases before assembly find in a text: its tokens, its paragraphs (token ranges),
/// its quote spans (titles and headings marked, multi-paragraph quotes linked) and the quote
/// each token belongs to.
struct Scan {
    toks: Vec<Token>,
    paras: Vec<(usize, usize)>,
    qs: Vec<QuoteSpan>,
    quote_of_tok: Vec<Option<usize>>,
}

fn scan(text: &str) -> Scan {
    let toks = tokenize(text);
    let paras = paragraphs(&toks);
    let mut qs = find_quotes(text, &toks, &paras);
    mark_titles_and_headings(text, &toks, &mut qs);
    // continuation links (multi-paragraph quotes) by paragraph adjacency, on the sorted list
    recompute_cont(&mut qs, &toks, &paras);
    let quote_of_tok = quote_of_token(&toks, &qs);
    Scan {
        toks,
        paras,
        qs,
        quote_of_tok,
    }
}
