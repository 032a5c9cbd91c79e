//! Votes and edges: the evidence for a side, relations between two speakers, and the rule that
//! turns summed votes into a side.

use super::*;

#[derive(Clone)]
pub(super) struct Vote {
    pub(super) side: Side,
    pub(super) weight: f32,
    pub(super) why: String,
    pub(super) evidence: Statement,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Rel {
    Same,
    Opposite,
}

pub(super) struct Edge {
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) rel: Rel,
    pub(super) weight: f32,
    pub(super) why: String,
    pub(super) evidence: Statement,
}

pub(super) fn sentence_stmt(ord: u32, s: &Sentence) -> Statement {
    Statement {
        ord,
        span: s.span,
        text: s.text.clone(),
        kind: QuoteKind::Reported,
    }
}

pub(super) fn idx(v: Side) -> usize {
    match v {
        Side::Supports => 0,
        Side::Disputes => 1,
        _ => 2,
    }
}

pub(super) fn flip(v: Side) -> Side {
    match v {
        Side::Supports => Side::Disputes,
        Side::Disputes => Side::Supports,
        o => o,
    }
}

/// Minimum score for a side, and its lead over the runner-up.
pub(super) const DECIDE: f32 = 1.0;
pub(super) const MARGIN: f32 = 0.75;

pub(super) fn decide(s: [f32; 3]) -> (Side, f32) {
    decide_at(s, DECIDE)
}

/// A side read at a lower bar, to pass along an edge (an explicit relation between two speakers
/// is strong evidence; a weak lean of one of them gives the direction).
pub(super) fn lean(s: [f32; 3]) -> (Side, f32) {
    decide_at(s, MARGIN)
}

pub(super) fn decide_at(s: [f32; 3], min: f32) -> (Side, f32) {
    let sides = [Side::Supports, Side::Disputes, Side::Other];
    let mut order = [0usize, 1, 2];
    order.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
    let (best, second) = (s[order[0]], s[order[1]]);
    if best >= min && best - second >= MARGIN {
        (sides[order[0]], ((best - second) / 3.0).min(1.0))
    } else {
        (Side::Unclear, 0.0)
    }
}
