//! People, organisations and places: the named-entity tagger against GUM's test documents (a
//! floor under the figures in the README), and the people and organisations of a story through
//! MCP, one entry per person whatever the mention.

mod common;

use common::*;
use serde_json::json;

#[path = "../examples/common/gum.rs"]
mod gum;

use newsdesk::analysis::ner::{self, NameKind};

#[test]
fn gum_test_names_hold_their_floor() {
    let Some(dir) = shared_or_skip("eval/gum/dep") else {
        return;
    };
    let Some(root) = dir.parent() else {
        return;
    };
    let docs = gum::load(root, &["test"]).expect("GUM test documents");
    assert_eq!(docs.len(), 14, "GUM test has 14 documents");
    let mut all = gum::Score::default();
    for d in &docs {
        let pred: Vec<(usize, usize, NameKind)> = ner::mentions(&d.text)
            .iter()
            .map(|m| (m.start, m.end, m.kind))
            .collect();
        all.add(gum::score(&d.mentions, &pred).0);
    }
    let (p, r, f) = all.prf();
    eprintln!("GUM test typed names: P {p:.3} R {r:.3} F1 {f:.3}");
    // the figures of the README (P 0.651, R 0.552, F1 0.597), less a little
    assert!(f >= 0.58, "typed-name F1 on GUM test fell to {f:.3}");
    assert!(p >= 0.63, "typed-name precision on GUM test fell to {p:.3}");
}

#[tokio::test]
async fn a_story_lists_each_person_once_and_no_place_among_people() -> anyhow::Result<()> {
    let dir = temp_dir("entities-story");
    std::fs::write(
        dir.join("primary-ledger.md"),
        "# Rubio campaigns in North Carolina before the primary\n\n\
         Senator Marco Rubio told supporters in Raleigh, North Carolina, on Monday that the \
         primary was still open. Rubio said the polls were wrong.\n\n\
         Sen. Rubio was joined by Governor Pat McCrory. The Federal Election Commission \
         has not yet ruled on the complaint.\n",
    )?;
    std::fs::write(
        dir.join("primary-courier.md"),
        "# Rubio says the North Carolina primary is still open\n\n\
         Marco Rubio campaigned in North Carolina on Monday and said the primary was still \
         open, days after a loss in Missouri.\n\n\
         Rubio told the crowd in Raleigh that the Federal Election Commission would clear him.\n",
    )?;
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let page = call(
        &client,
        "list_stories",
        json!({ "entity": "rubio", "detail": "full" }),
    )
    .await;
    let s = &page["stories"][0];
    let people = strings_of(s, "people", "name");
    assert!(people.contains(&"Marco Rubio"), "{people:?}");
    assert_eq!(
        people.iter().filter(|p| p.contains("Rubio")).count(),
        1,
        "one Rubio: {people:?}"
    );
    for place in ["North Carolina", "Raleigh", "Missouri"] {
        assert!(
            !people.iter().any(|p| p.contains(place)),
            "{place} among people: {people:?}"
        );
    }
    assert!(
        !people
            .iter()
            .any(|p| p.starts_with("Sen") || p.starts_with("Governor")),
        "titles are not names: {people:?}"
    );
    let orgs = strings_of(s, "organisations", "name");
    assert!(orgs.contains(&"Federal Election Commission"), "{orgs:?}");
    client.cancel().await?;
    Ok(())
}
