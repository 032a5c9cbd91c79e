//! Placing, phase 5: sides flow along the edges from the speakers placed directly (a few rounds;
//! each edge's own contribution is left out when it is read back, so a pair cannot talk itself into
//! a side). Then each speaker's side is read from its score, with the strongest single signal for
//! it as evidence, and an [`Explanation`] of the whole is kept for whoever wants to read it.

use std::fmt::Write;

use super::*;

/// Rounds of passing sides along the edges.
const ROUNDS: usize = 4;
/// Least confidence a lean passes along an edge (times the edge's weight).
const MIN_FLOW: f32 = 0.5;

/// Why each speaker got its side: every node's votes and final score, and the edges with what
/// flowed over them. Nodes are the story's speakers in order, then the frames of group sentences.
#[derive(Clone, Debug)]
pub struct Explanation {
    pub votes: Vec<Vec<Vote>>,
    pub scores: Vec<Tally>,
    pub edges: Vec<Edge>,
    /// Per edge, what flowed over it in the last round: `[to b, to a]`.
    pub flows: Vec<[Tally; 2]>,
}

impl Explanation {
    /// The explanation in lines of text, for debugging: each node's score and votes, then edges.
    pub fn describe(&self, speakers: &[Speaker]) -> String {
        let name = |p: usize| speakers.get(p).map_or("<frame>", |s| s.name.as_str());
        let mut out = String::new();
        for (p, (votes, score)) in self.votes.iter().zip(&self.scores).enumerate() {
            let _ = writeln!(out, "{} {score:?}", name(p));
            for v in votes {
                let said: String = v.evidence.text.chars().take(90).collect();
                let _ = writeln!(out, "    {:?} {} {} | {said}", v.side, v.weight, v.why);
            }
        }
        for (e, f) in self.edges.iter().zip(&self.flows) {
            let rel = if e.rel == Rel::Same { "=" } else { "<>" };
            let (a, b) = (name(e.a), name(e.b));
            let _ = writeln!(out, "edge {a} {rel} {b} w{} {f:?} | {}", e.weight, e.why);
        }
        out
    }
}

/// Phase 5: the scores after the flow, each speaker's placement, and the explanation.
pub(super) fn settle(speakers: &[Speaker], ev: Evidence) -> (Vec<Placement>, Explanation) {
    let (scores, flows) = flow(&ev.votes, &ev.edges);
    let placements = (0..speakers.len())
        .map(|p| placement(p, speakers[p].group, &ev, &scores, &flows))
        .collect();
    let why = Explanation {
        votes: ev.votes,
        scores,
        edges: ev.edges,
        flows,
    };
    (placements, why)
}

/// Each node's votes summed by side.
fn base_scores(votes: &[Vec<Vote>]) -> Vec<Tally> {
    votes
        .iter()
        .map(|vs| {
            let mut t = Tally::default();
            for v in vs {
                t[v.side] += v.weight;
            }
            t
        })
        .collect()
}

/// Scores with what flowed over each edge added.
fn with_flows(base: &[Tally], edges: &[Edge], flows: &[[Tally; 2]]) -> Vec<Tally> {
    let mut score = base.to_vec();
    for (e, f) in edges.iter().zip(flows) {
        score[e.b] += f[0];
        score[e.a] += f[1];
    }
    score
}

/// The final scores and, per edge, what flowed over it (`[to b, to a]`) in the last round.
pub(super) fn flow(votes: &[Vec<Vote>], edges: &[Edge]) -> (Vec<Tally>, Vec<[Tally; 2]>) {
    let base = base_scores(votes);
    let mut flows = vec![[Tally::default(); 2]; edges.len()];
    for _ in 0..ROUNDS {
        let score = with_flows(&base, edges, &flows);
        flows = edges
            .iter()
            .zip(&flows)
            .map(|(e, last)| edge_flow(e, &score, last))
            .collect();
    }
    (with_flows(&base, edges, &flows), flows)
}

/// What one edge passes each way this round, from its ends' scores less what each end got over
/// this very edge last round.
fn edge_flow(e: &Edge, score: &[Tally], last: &[Tally; 2]) -> [Tally; 2] {
    let mut next = [Tally::default(); 2];
    // dir 0: from a to b; dir 1: from b to a.
    for (dir, from) in [e.a, e.b].into_iter().enumerate() {
        let mut s = score[from];
        s -= last[1 - dir];
        let (side, conf) = lean(s);
        let target = match (side, e.rel) {
            (Side::Supports | Side::Disputes, Rel::Same) => side,
            (Side::Supports | Side::Disputes, Rel::Opposite) => flip(side),
            (Side::Other, Rel::Same) => Side::Other,
            _ => continue,
        };
        next[dir][target] += e.weight * conf.max(MIN_FLOW);
    }
    next
}

/// Speaker `p`'s side (never one for a group) with the strongest single signal for it.
fn placement(
    p: usize,
    group: bool,
    ev: &Evidence,
    scores: &[Tally],
    flows: &[[Tally; 2]],
) -> Placement {
    let (side, _) = decide(scores[p]);
    if side == Side::Unclear || group {
        return Placement {
            side: Side::Unclear,
            evidence: None,
            reason: None,
        };
    }
    let mut best: Option<(f32, &Statement, &String)> = None;
    for v in ev.votes[p].iter().filter(|v| v.side == side) {
        if best.is_none_or(|b| v.weight > b.0) {
            best = Some((v.weight, &v.evidence, &v.why));
        }
    }
    for (e, f) in ev.edges.iter().zip(flows) {
        let got = if e.a == p {
            f[1][side]
        } else if e.b == p {
            f[0][side]
        } else {
            0.0
        };
        if got > 0.0 && best.is_none_or(|b| got > b.0) {
            best = Some((got, &e.evidence, &e.why));
        }
    }
    Placement {
        side,
        evidence: best.map(|b| b.1.clone()),
        reason: best.map(|b| b.2.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(text: &str) -> Statement {
        Statement {
            ord: 0,
            span: Span::new(0, text.len()),
            text: text.into(),
            kind: QuoteKind::Reported,
        }
    }

    fn vote(side: Side, weight: f32) -> Vote {
        Vote {
            side,
            weight,
            why: "test".into(),
            evidence: said("Talvik welcomed the plan."),
        }
    }

    fn edge(a: usize, b: usize, rel: Rel) -> Edge {
        Edge {
            a,
            b,
            rel,
            weight: RELATION_NAMED,
            why: "by contrast".into(),
            evidence: said("Brask, by contrast, called it a mistake."),
        }
    }

    fn speaker(name: &str) -> Speaker {
        Speaker {
            name: name.into(),
            role: None,
            is_org: false,
            group: false,
            forms: vec![name.to_lowercase()],
            statements: vec![],
            cues: vec![],
        }
    }

    #[test]
    fn sides_flow_along_edges_and_flip_on_opposites() {
        // 0 supports outright; 1 is set against 0; 2 stands with 1; 3 has nothing.
        let votes = vec![vec![vote(Side::Supports, MARKER)], vec![], vec![], vec![]];
        let edges = vec![edge(1, 0, Rel::Opposite), edge(2, 1, Rel::Same)];
        let (scores, flows) = flow(&votes, &edges);
        assert_eq!(decide(scores[1]).0, Side::Disputes);
        assert_eq!(decide(scores[2]).0, Side::Disputes);
        assert_eq!(decide(scores[3]).0, Side::Unclear);
        // 0's own side is not talked back into it by the edge it sent.
        assert_eq!(scores[0][Side::Disputes], 0.0);
        assert!(flows[0][1][Side::Disputes] > 0.0);
    }

    #[test]
    fn a_placement_cites_its_strongest_signal() {
        let speakers: Vec<Speaker> = ["Mira Talvik", "Jon Brask"].map(speaker).into();
        let ev = Evidence {
            votes: vec![
                vec![vote(Side::Supports, SAYS), vote(Side::Supports, MARKER)],
                vec![],
            ],
            edges: vec![edge(1, 0, Rel::Opposite)],
        };
        let (placed, why) = settle(&speakers, ev);
        assert_eq!(placed[0].side, Side::Supports);
        assert_eq!(placed[0].reason.as_deref(), Some("test"));
        assert_eq!(placed[1].side, Side::Disputes);
        assert_eq!(placed[1].reason.as_deref(), Some("by contrast"));
        let text = why.describe(&speakers);
        assert!(text.contains("edge Jon Brask <> Mira Talvik"), "{text}");
    }
}
