//! What compare_views is made of, shared by the view builder (views.rs) and the side finder
//! (stance/): a statement with its evidence, and a person's side on the story's claim.

use crate::analysis::quotes::QuoteKind;
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
