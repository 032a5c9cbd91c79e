//! Placing, phase 3: what each speaker says. A statement's polarity (or, without evaluative words,
//! its attribution verb: "warned", "welcomed") against the claim's, a hedge, or both sides weighed;
//! one vote per statement however many outlets carry it, and a cap on what statements give a side.

use super::*;

/// The votes of phase 3.
pub(super) fn statement_votes(sc: &Scene, ev: &mut Evidence) {
    for (p, sp) in sc.speakers.iter().enumerate() {
        ev.votes[p].extend(speaker_votes(sp, sc.claim.polarity));
    }
}

/// One speaker's statement votes against a claim of the given polarity (+1 or -1).
pub(super) fn speaker_votes(sp: &Speaker, claim_polarity: i32) -> Vec<Vote> {
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let mut given = Tally::default();
    let keys: Vec<String> = sp
        .statements
        .iter()
        .map(|s| statement_key(&s.text))
        .collect();
    for (i, st) in sp.statements.iter().enumerate() {
        let key = &keys[i];
        if seen.contains(key) {
            continue;
        }
        seen.push(key.clone());
        let cue = strongest_cue(sp, &keys, i);
        let Some((side, w, why)) = statement_side(&st.text, cue, claim_polarity) else {
            continue;
        };
        if side != Side::Other {
            if given[side] >= SAYS_CAP {
                continue;
            }
            given[side] += w;
        }
        out.push(Vote {
            side,
            weight: w,
            why: why.into(),
            evidence: st.clone(),
        });
    }
    out
}

/// The most telling attribution verb among the outlets carrying statement `i` (the same key):
/// +1 for "welcomed", -1 for "warned", 0 for none.
fn strongest_cue(sp: &Speaker, keys: &[String], i: usize) -> i32 {
    let key = &keys[i];
    (i..sp.statements.len())
        .filter(|&j| &keys[j] == key)
        .filter_map(|j| sp.cues.get(j).and_then(|c| c.2.as_deref()))
        .map(|c| (stance_cue(c), c))
        .max_by_key(|(v, _)| v.abs())
        .map_or(0, |(v, _)| v)
}

/// The side one statement gives, with its weight and reason; none when it says nothing either way.
fn statement_side(text: &str, cue: i32, claim_polarity: i32) -> Option<(Side, f32, &'static str)> {
    if hedged(text) {
        return Some((Side::Other, HEDGED, "withholds judgement"));
    }
    if ambivalent(text) {
        return Some((Side::Other, AMBIVALENT, "weighs both sides"));
    }
    let mut pol = polarity(text);
    if pol == 0 {
        pol = cue;
    }
    if pol == 0 {
        return None;
    }
    let side = if pol.signum() * claim_polarity > 0 {
        Side::Supports
    } else {
        Side::Disputes
    };
    Some((side, SAYS, "what they say"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(said: &[(&str, Option<&str>)]) -> Speaker {
        Speaker {
            name: "Mira Talvik".into(),
            role: None,
            is_org: false,
            group: false,
            forms: vec!["mira talvik".into(), "talvik".into()],
            statements: said
                .iter()
                .enumerate()
                .map(|(i, (t, _))| Statement {
                    ord: i as u32,
                    span: Span::new(0, t.len()),
                    text: t.to_string(),
                    kind: QuoteKind::Direct,
                })
                .collect(),
            cues: said
                .iter()
                .enumerate()
                .map(|(i, (_, c))| (i as u32, 0, c.map(str::to_string)))
                .collect(),
        }
    }

    #[test]
    fn statements_vote_by_polarity_hedge_and_verb() {
        let sp = speaker(&[
            (
                "The new ferry timetable is a good plan for the island.",
                None,
            ),
            ("It remains to be seen what the ferry does.", None),
            ("The crossing will change on Monday.", Some("warned")),
            ("The crossing will change on Monday.", None),
        ]);
        let votes = speaker_votes(&sp, 1);
        let got: Vec<(Side, f32)> = votes.iter().map(|v| (v.side, v.weight)).collect();
        assert_eq!(
            got,
            vec![
                (Side::Supports, SAYS),
                (Side::Other, HEDGED),
                (Side::Disputes, SAYS)
            ],
            "the repeated statement votes once, by the verb of either outlet"
        );
        // Against a claim worded negatively the same words dispute it.
        assert_eq!(speaker_votes(&sp, -1)[0].side, Side::Disputes);
    }

    #[test]
    fn statements_give_a_side_at_most_the_cap() {
        let texts: Vec<String> = (0..8)
            .map(|i| format!("Plan number {i} for the harbour is good."))
            .collect();
        let said: Vec<(&str, Option<&str>)> = texts.iter().map(|t| (t.as_str(), None)).collect();
        let votes = speaker_votes(&speaker(&said), 1);
        let total: f32 = votes.iter().map(|v| v.weight).sum();
        assert_eq!(votes.len(), 4);
        assert!((SAYS_CAP..SAYS_CAP + SAYS).contains(&total));
    }
}
