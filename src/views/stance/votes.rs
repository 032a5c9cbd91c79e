//! Votes and edges: the evidence for a side, relations between two speakers, the weight each kind
//! of evidence carries, and the rule that turns summed votes into a side.

use super::*;

/// Named in the headline as the one who holds the claim ("X says ...").
pub(super) const HOLDER: f32 = 4.0;
/// Says the very sentence that states an attributed claim in the lead.
pub(super) const STATES_CLAIM: f32 = 3.0;
/// Acts in the lead sentence of an event story: made the decision, rules on it or acts against it.
pub(super) const LEAD_ACTOR: f32 = 2.5;
/// The subject of a headline's stance verb ("Campaigners vow to fight ...").
pub(super) const HEADLINE: f32 = 2.0;
/// A person whose role names an organisation speaker of the story stands with it (same edge).
pub(super) const SPEAKS_FOR: f32 = 2.0;
/// A statement that withholds judgement ("too early to say").
pub(super) const HEDGED: f32 = 1.5;
/// A statement that weighs both sides ("the jobs are real, but so are the costs").
pub(super) const AMBIVALENT: f32 = 1.0;
/// A statement whose words (or attribution verb) lean for or against the claim.
pub(super) const SAYS: f32 = 0.75;
/// Most weight a speaker's own statements give one side: many statements are not many signals.
pub(super) const SAYS_CAP: f32 = 3.0;
/// A speaker named inside a group sentence's frame stands with the group (same edge).
pub(super) const IN_FRAME: f32 = 2.5;
/// A group sentence says the group takes "a more nuanced view".
pub(super) const GROUP_NUANCED: f32 = 3.0;
/// A group sentence opens with "Critics" or "Supporters".
pub(super) const GROUP_WORD: f32 = 2.0;
/// The article sets a group against a named speaker ("X's view contrasts sharply with ...").
pub(super) const SET_AGAINST: f32 = 3.0;
/// An article marker that places the speaker it is about ("welcomed", "disagreed").
pub(super) const MARKER: f32 = 2.5;
/// A relation marker ("echoed", "by contrast") whose other speaker is named after it.
pub(super) const RELATION_NAMED: f32 = 3.0;
/// A relation marker read against the previous speaker the article quoted.
pub(super) const RELATION_PREVIOUS: f32 = 2.0;

/// Minimum score for a side.
pub(super) const DECIDE: f32 = 1.0;
/// A side's least lead over the runner-up, and the lower bar of a lean passed along an edge.
pub(super) const MARGIN: f32 = 0.75;
/// Lead over the runner-up at which a side is held with full confidence.
pub(super) const FULL_LEAD: f32 = 3.0;

/// One piece of evidence for a speaker's side.
#[derive(Clone, Debug)]
pub struct Vote {
    pub side: Side,
    pub weight: f32,
    /// The signal, in words.
    pub why: String,
    pub evidence: Statement,
}

/// How two speakers relate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Rel {
    Same,
    Opposite,
}

/// A relation between two nodes (speakers or group frames) that sides flow along.
#[derive(Clone, Debug)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub rel: Rel,
    pub weight: f32,
    pub why: String,
    pub evidence: Statement,
}

pub(super) fn flip(v: Side) -> Side {
    match v {
        Side::Supports => Side::Disputes,
        Side::Disputes => Side::Supports,
        o => o,
    }
}

/// The side a score decides, with its confidence (0 to 1).
pub(super) fn decide(s: Tally) -> (Side, f32) {
    decide_at(s, DECIDE)
}

/// A side read at a lower bar, to pass along an edge (an explicit relation between two speakers
/// is strong evidence; a weak lean of one of them gives the direction).
pub(super) fn lean(s: Tally) -> (Side, f32) {
    decide_at(s, MARGIN)
}

pub(super) fn decide_at(s: Tally, min: f32) -> (Side, f32) {
    let mut order = s.sides();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, second) = (order[0].1, order[1].1);
    if best >= min && best - second >= MARGIN {
        (order[0].0, ((best - second) / FULL_LEAD).min(1.0))
    } else {
        (Side::Unclear, 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(supports: f32, disputes: f32, other: f32) -> Tally {
        Tally {
            supports,
            disputes,
            other,
        }
    }

    #[test]
    fn a_side_needs_the_bar_and_a_lead() {
        assert_eq!(decide(tally(2.0, 0.5, 0.0)), (Side::Supports, 0.5));
        // Below the bar, or too close to the runner-up.
        assert_eq!(decide(tally(0.9, 0.0, 0.0)).0, Side::Unclear);
        assert_eq!(decide(tally(2.0, 1.5, 0.0)).0, Side::Unclear);
        // A lean passes a weaker side along an edge.
        assert_eq!(lean(tally(0.0, 0.8, 0.0)).0, Side::Disputes);
        assert_eq!(decide(tally(0.0, 0.0, 9.0)), (Side::Other, 1.0));
        assert_eq!(flip(Side::Supports), Side::Disputes);
        assert_eq!(flip(Side::Other), Side::Other);
    }
}
