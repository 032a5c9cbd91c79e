//! What compare_views is made of, shared by the view builders (people.rs, outlets.rs) and the side
//! finder (stance/): a statement with its evidence, and a person's side on the story's claim.

use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::Sentence;
use crate::model::Span;

/// A person's relation to the story's claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Supports,
    Disputes,
    Other,
    Unclear,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Supports => "supports",
            Side::Disputes => "disputes",
            Side::Other => "other",
            Side::Unclear => "unclear",
        }
    }
}

/// One statement with its evidence.
#[derive(Clone, Debug)]
pub struct Statement {
    pub ord: u32,
    pub span: Span,
    pub text: String,
    pub kind: QuoteKind,
}

impl Statement {
    /// A sentence of article `ord` in the article's own voice (a reported statement).
    pub fn of_sentence(ord: u32, s: &Sentence) -> Statement {
        Statement {
            ord,
            span: s.span,
            text: s.text.clone(),
            kind: QuoteKind::Reported,
        }
    }
}
