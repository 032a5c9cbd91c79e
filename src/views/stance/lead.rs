//! Placing, phase 1: the claim's own people. Who the headline says holds the claim, who says the
//! lead sentence that states it, and who acts in the lead sentence of an event story.

use super::*;

/// The votes of phase 1.
pub(super) fn claim_votes(sc: &Scene, ev: &mut Evidence) {
    holder_votes(sc, ev);
    if sc.claim.assertion {
        lead_statement_votes(sc, ev);
    }
    if let Some(actor) = sc.claim.actor.as_deref().filter(|_| !sc.claim.assertion) {
        actor_votes(sc, ev, actor);
    }
}

/// The speakers the headline names as holding the claim ("A former engineer says ...").
fn holder_votes(sc: &Scene, ev: &mut Evidence) {
    let claim = sc.claim;
    let Some(h) = &claim.holder else { return };
    let lh = h.to_lowercase();
    let mut who: Vec<usize> = (0..sc.speakers.len())
        .filter(|&p| sc.speakers[p].forms.contains(&lh) || sc.speakers[p].name.to_lowercase() == lh)
        .collect();
    if who.is_empty() {
        who = sc.matches_np(h);
    }
    for p in who {
        ev.votes[p].push(Vote {
            side: Side::Supports,
            weight: HOLDER,
            why: format!("holds the claim (\"{h}\" in the headline)"),
            evidence: claim.evidence.clone(),
        });
    }
}

/// Speakers whose statement is the claim's evidence sentence (unless they say it the other way).
fn lead_statement_votes(sc: &Scene, ev: &mut Evidence) {
    let claim = sc.claim;
    for (p, sp) in sc.speakers.iter().enumerate() {
        if sp.statements.iter().any(|s| {
            s.ord == claim.evidence.ord
                && s.span.start >= claim.evidence.span.start
                && s.span.start < claim.evidence.span.end
        }) && polarity(&claim.evidence.text).signum() * claim.polarity >= 0
        {
            ev.votes[p].push(Vote {
                side: Side::Supports,
                weight: STATES_CLAIM,
                why: "states the claim in the lead".into(),
                evidence: claim.evidence.clone(),
            });
        }
    }
}

/// The speakers an event's lead sentence has acting: an arbiter rules on the matter (other), a
/// protest acts against it, anyone else made the decision.
fn actor_votes(sc: &Scene, ev: &mut Evidence, actor: &str) {
    let claim = sc.claim;
    let lead_out = outside_quotes(&claim.evidence.text).to_lowercase();
    let protest = ABS_DISPUTE
        .iter()
        .any(|m| !find_words(&lead_out, m).is_empty());
    let arbiter = |p: usize| {
        let r = sc.speakers[p].role.as_deref().unwrap_or("").to_lowercase();
        ARBITERS.iter().any(|a| !find_words(&r, a).is_empty())
            || np_heads(actor)
                .iter()
                .any(|h| ARBITERS.contains(&h.as_str()))
    };
    for p in sc.matches_np(actor) {
        let (side, why) = if arbiter(p) {
            (
                Side::Other,
                format!("rules on the matter (\"{actor}\" in the lead)"),
            )
        } else if protest {
            (
                Side::Disputes,
                format!("acts against it in the lead (\"{actor}\")"),
            )
        } else {
            (
                Side::Supports,
                format!("made the decision (\"{actor}\" in the lead)"),
            )
        };
        ev.votes[p].push(Vote {
            side,
            weight: LEAD_ACTOR,
            why,
            evidence: claim.evidence.clone(),
        });
    }
}
