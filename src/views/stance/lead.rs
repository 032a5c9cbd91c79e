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
                .any(|h| ARBITERS.contains(h.as_str()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, role: Option<&str>, said: &str, at: usize) -> Speaker {
        Speaker {
            name: name.into(),
            role: role.map(str::to_string),
            is_org: false,
            group: false,
            forms: forms(name, false, &[]),
            statements: vec![Statement {
                ord: 0,
                span: Span::new(at, at + said.len()),
                text: said.into(),
                kind: QuoteKind::Reported,
            }],
            cues: vec![(0, 0, None)],
        }
    }

    fn claim(holder: Option<&str>, actor: Option<&str>, text: &str) -> Claim {
        Claim {
            text: text.into(),
            from_headline: holder.is_some(),
            holder: holder.map(str::to_string),
            assertion: holder.is_some(),
            polarity: 1,
            actor: actor.map(str::to_string),
            evidence: Statement {
                ord: 0,
                span: Span::new(0, text.len()),
                text: text.into(),
                kind: QuoteKind::Reported,
            },
        }
    }

    fn votes_of(claim: &Claim, speakers: &[Speaker]) -> Vec<Vec<(Side, f32)>> {
        let sents = HashMap::new();
        let sc = Scene {
            articles: &[],
            canon: &[],
            sents: &sents,
            claim,
            speakers,
        };
        let mut ev = Evidence {
            votes: vec![Vec::new(); speakers.len()],
            edges: vec![],
        };
        claim_votes(&sc, &mut ev);
        ev.votes
            .iter()
            .map(|vs| vs.iter().map(|v| (v.side, v.weight)).collect())
            .collect()
    }

    #[test]
    fn the_holder_and_the_one_who_says_the_lead_support_an_assertion() {
        let lead = "The Brellin ferry will pay for itself within five years, Talvik said.";
        let speakers = [
            speaker("Mira Talvik", None, lead, 0),
            speaker("Jon Brask", None, "It will not.", 200),
        ];
        let got = votes_of(&claim(Some("Mira Talvik"), None, lead), &speakers);
        assert_eq!(
            got,
            vec![
                vec![(Side::Supports, HOLDER), (Side::Supports, STATES_CLAIM)],
                vec![]
            ]
        );
    }

    #[test]
    fn the_lead_actor_made_the_decision_unless_they_rule_on_it() {
        let lead = "The harbor council approved the Brellin ferry plan on Monday.";
        let speakers = [
            speaker(
                "Mira Talvik",
                Some("chair of the harbor council"),
                "Yes.",
                100,
            ),
            speaker(
                "Ada Renn",
                Some("judge of the harbor court"),
                "We shall see.",
                150,
            ),
        ];
        let got = votes_of(&claim(None, Some("The harbor council"), lead), &speakers);
        assert_eq!(got, vec![vec![(Side::Supports, LEAD_ACTOR)], vec![]]);
        let got = votes_of(&claim(None, Some("The harbor court"), lead), &speakers);
        assert_eq!(got[1], vec![(Side::Other, LEAD_ACTOR)]);
    }
}
