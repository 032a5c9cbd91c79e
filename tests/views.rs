//! compare_views through MCP on the sample corpus: sides with evidence, outlet coverage,
//! rewrites and re-publications, and every cited span pointing at the cited words.

mod common;

use std::collections::HashMap;

use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn compare_views_cites_every_statement_and_finds_rewrites() -> anyhow::Result<()> {
    let client = connect(&[]).await?;
    let story =
        call(&client, "list_stories", json!({ "entity": "Okafor" })).await["stories"][0]["id"]
            .clone();
    let v = call(
        &client,
        "compare_views",
        json!({ "story_id": story, "detail": "full" }),
    )
    .await;

    // Every cited text is at its span.
    let mut texts: HashMap<String, Vec<char>> = HashMap::new();
    let mut cited: Vec<Value> = vec![v["claim"]["evidence"].clone()];
    for p in v["people"].as_array().into_iter().flatten() {
        cited.extend(p["statements"].as_array().cloned().unwrap_or_default());
        cited.extend(p.get("position").cloned());
        cited.extend(p.get("side_evidence").cloned());
    }
    for o in v["outlets"].as_array().into_iter().flatten() {
        cited.extend(o["only_here"].as_array().cloned().unwrap_or_default());
        cited.extend(o["leaves_out"].as_array().cloned().unwrap_or_default());
    }
    cited.extend(v["shared_points"].as_array().cloned().unwrap_or_default());
    assert!(cited.len() > 10);
    for c in &cited {
        let id = c["article_id"].as_str().unwrap_or_default().to_string();
        if !texts.contains_key(&id) {
            let a = call(
                &client,
                "get_article",
                json!({ "article_id": id, "max_chars": 20000 }),
            )
            .await;
            texts.insert(
                id.clone(),
                a["text"].as_str().unwrap_or_default().chars().collect(),
            );
        }
        let t = &texts[&id];
        let (a, b) = (
            c["start"].as_u64().unwrap_or(0) as usize,
            c["end"].as_u64().unwrap_or(0) as usize,
        );
        let at: String = t[a..b.min(t.len())].iter().collect();
        if c["kind"] == json!("direct")
            || c["kind"] == json!("sentence")
            || c["kind"] == json!("reported")
        {
            // Direct quotes merged across outlets may differ in punctuation at other appearances.
            let w = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase()
            };
            let (got, want) = (w(&at), w(c["text"].as_str().unwrap_or_default()));
            // A split quote's span runs from its first half to its second, the attribution between.
            let n = want.len().min(12);
            assert!(
                got.starts_with(&want[..n]) && got.ends_with(&want[want.len() - n..]),
                "cited span {c}: {at:?}"
            );
        }
    }
    // Sides: every person is on exactly one side; the biologist who warned is on the disputing side.
    let sides = &v["sides"];
    let mut all: Vec<&str> = Vec::new();
    for k in ["supports", "disputes", "other", "unclear"] {
        all.extend(
            sides[k]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
    }
    assert_eq!(all.len(), v["people"].as_array().map_or(0, |p| p.len()));
    assert!(
        sides["disputes"]
            .as_array()
            .is_some_and(|d| d.contains(&json!("Ines Maro"))),
        "{sides}"
    );
    assert!(
        sides["supports"]
            .as_array()
            .is_some_and(|d| d.contains(&json!("Lina Okafor"))),
        "{sides}"
    );

    // Outlets: the aggregator copy is a re-publication, the explainer a rewrite, both of earlier articles.
    let outlets = v["outlets"].as_array().cloned().unwrap_or_default();
    assert_eq!(outlets.len(), 5);
    assert!(
        outlets
            .iter()
            .any(|o| o["derivation"] == json!("republication")),
        "{outlets:?}"
    );
    let rewrite = outlets
        .iter()
        .find(|o| o["outlet"] == json!("Civic Signal"))
        .expect("Civic Signal");
    assert_eq!(rewrite["derivation"], json!("rewrite"));
    assert_eq!(rewrite["direct_quotes"], json!(0));
    let from = outlets
        .iter()
        .find(|o| o["article_id"] == rewrite["derives_from"])
        .expect("derives from a member");
    assert_eq!(from["outlet"], json!("Harbor Post"));
    assert_eq!(v["first_outlet"], json!("Harbor Post"));
    // Aspect filter and bad ids.
    let people_only = call(
        &client,
        "compare_views",
        json!({ "story_id": story, "aspect": "people" }),
    )
    .await;
    assert!(
        people_only["outlets"]
            .as_array()
            .is_some_and(|o| o.is_empty())
    );
    assert!(
        try_call(&client, "compare_views", json!({ "story_id": "s-nope" }))
            .await
            .is_err_and(|e| e.contains("list_stories"))
    );
    client.cancel().await?;
    Ok(())
}
