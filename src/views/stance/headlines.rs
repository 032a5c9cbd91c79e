//! Placing, phase 2: headlines. A clause of a member's title with a stance verb ("Campaigners vow
//! to fight ...", "Fishers cautiously accept ...") places the speakers its subject refers to.

use super::*;

/// The votes of phase 2.
pub(super) fn headline_votes(sc: &Scene, ev: &mut Evidence) {
    for &o in sc.canon {
        let a = &sc.articles[o as usize];
        let Some(title) = a.title.as_deref() else {
            continue;
        };
        let first = sc
            .sents
            .get(&o)
            .and_then(|s| s.first())
            .map(|s| Statement::of_sentence(o, s));
        let Some(first) = first else { continue };
        for clause in clauses(title) {
            let Some((np, side)) = clause_stance(&clause, sc.claim) else {
                continue;
            };
            for p in sc.matches_np(&np) {
                ev.votes[p].push(Vote {
                    side,
                    weight: HEADLINE,
                    why: format!("headline \"{title}\""),
                    evidence: first.clone(),
                });
            }
        }
    }
}

/// A title's clauses: split at ';' and ':', then at " as ", ", but " and " after ".
fn clauses(title: &str) -> Vec<String> {
    title
        .split([';', ':'])
        .flat_map(|c| {
            c.split(" as ")
                .flat_map(|c| c.split(", but "))
                .flat_map(|c| c.split(" after "))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A headline word without marks or outer punctuation, lower case.
fn clean(w: &str) -> String {
    text::fold_marks(w)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// The subject of a clause and the side its verb gives: the subject is everything before the first
/// stance or reporting verb; a reporting verb in an event story is read by the polarity of what
/// follows it against the claim.
fn clause_stance(clause: &str, claim: &Claim) -> Option<(String, Side)> {
    let cw: Vec<&str> = clause.split_whitespace().collect();
    let vi = (1..cw.len()).find(|&i| {
        let w = clean(cw[i]);
        HEADLINE_SUPPORT.contains(w.as_str())
            || HEADLINE_DISPUTE.contains(w.as_str())
            || HEADLINE_OTHER.contains(w.as_str())
            || REPORTING.contains(w.as_str())
            || (w == "line" || w == "push")
                && cw
                    .get(i + 1)
                    .is_some_and(|n| clean(n) == "up" || clean(n) == "back")
    })?;
    let np = cw[..vi].join(" ");
    let rest = cw[vi..].join(" ").to_lowercase();
    let rw: Vec<String> = tokens(&rest);
    let verb = rw.first()?;
    let side = if rw
        .iter()
        .take(2)
        .any(|w| HEADLINE_OTHER.contains(w.as_str()))
    {
        Some(Side::Other)
    } else if HEADLINE_SUPPORT.contains(verb.as_str()) {
        Some(Side::Supports)
    } else if HEADLINE_DISPUTE.contains(verb.as_str())
        || rest.contains("line up against")
        || rest.contains("push back")
    {
        Some(Side::Disputes)
    } else if REPORTING.contains(verb.as_str()) && !claim.assertion {
        let p = polarity(rest.get(verb.len()..).unwrap_or(""));
        (p != 0).then(|| {
            if p * claim.polarity > 0 {
                Side::Supports
            } else {
                Side::Disputes
            }
        })
    } else {
        None
    };
    Some((np, side?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event_claim() -> Claim {
        let evidence = Statement {
            ord: 0,
            span: Span::new(0, 10),
            text: "The council approved the plan.".into(),
            kind: QuoteKind::Reported,
        };
        Claim {
            text: evidence.text.clone(),
            from_headline: false,
            holder: None,
            assertion: false,
            polarity: 1,
            actor: Some("The council".into()),
            evidence,
        }
    }

    #[test]
    fn a_headline_clause_gives_its_subject_a_side() {
        let claim = event_claim();
        let got = |c: &str| clause_stance(c, &claim);
        assert_eq!(
            got("Campaigners vow to fight Brellin bypass"),
            Some(("Campaigners".to_string(), Side::Disputes))
        );
        assert_eq!(
            got("Fishers cautiously accept quota cut"),
            Some(("Fishers".to_string(), Side::Other))
        );
        assert_eq!(
            got("Residents line up against the tower"),
            Some(("Residents".to_string(), Side::Disputes))
        );
        // A reporting verb in an event story: what follows it, against the claim.
        assert_eq!(
            got("Experts say the bypass is harmful"),
            Some(("Experts".to_string(), Side::Disputes))
        );
        assert_eq!(got("Tower plan approved"), None);
    }

    #[test]
    fn a_title_splits_into_clauses() {
        assert_eq!(
            clauses("Harbor deal signed; unions object as fishers wait"),
            vec!["Harbor deal signed", " unions object", "fishers wait"]
        );
    }
}
