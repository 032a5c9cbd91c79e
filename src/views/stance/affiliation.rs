//! Placing, between phases 2 and 3: a person whose role names an organisation speaker of the story
//! ("chief executive of Glassmere Developments" and "Glassmere") stands with it (a same edge).

use super::*;

/// A same edge from each person to every organisation speaker their role names.
pub(super) fn spokesperson_edges(sc: &Scene, ev: &mut Evidence) {
    let n = sc.speakers.len();
    for p in (0..n).filter(|&p| sc.named(p) && !sc.speakers[p].is_org) {
        let Some(role) = sc.speakers[p].role.as_deref() else {
            continue;
        };
        let lr = text::fold_marks(role).to_lowercase();
        for q in (0..n).filter(|&q| sc.named(q) && sc.speakers[q].is_org && q != p) {
            if !role_names_org(&lr, &sc.speakers[q].name) {
                continue;
            }
            ev.edges.push(Edge {
                a: p,
                b: q,
                rel: Rel::Same,
                weight: SPEAKS_FOR,
                why: format!("speaks for {}", sc.speakers[q].name),
                evidence: sc.speakers[p]
                    .statements
                    .first()
                    .cloned()
                    .unwrap_or_else(|| sc.claim.evidence.clone()),
            });
        }
    }
}

/// A lower-case role names an organisation: its full name, its tail ("Harbor Authority" of a
/// three-word name) or, for a one-word name of four letters or more, that word.
fn role_names_org(role: &str, org_name: &str) -> bool {
    let org = org_name.to_lowercase();
    let ow: Vec<&str> = org.split_whitespace().collect();
    let tail = if ow.len() >= 3 {
        ow[1..].join(" ")
    } else {
        org.clone()
    };
    let first = if ow.len() == 1 { ow[0] } else { "" };
    let first_in_role = first.len() >= 4 && !find_words(role, first).is_empty();
    !find_words(role, &org).is_empty() || !find_words(role, &tail).is_empty() || first_in_role
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_names_an_organisation_by_name_tail_or_single_word() {
        let role = "chief executive of glassmere developments";
        assert!(role_names_org(role, "Glassmere Developments"));
        assert!(role_names_org(role, "Glassmere"));
        assert!(role_names_org(
            "chair of the harbor authority",
            "Velan Harbor Authority"
        ));
        assert!(!role_names_org(role, "Ostrel Mining"));
        assert!(!role_names_org(
            "head of the ostrel mine",
            "Ostrel Mining Company"
        ));
    }
}
