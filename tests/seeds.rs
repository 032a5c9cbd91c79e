//! The user's own two raw scraped articles (`../shared/corpus/seeds`) read through MCP must match
//! `../shared/eval/seeds/gold.json`: metadata, body boundaries, junk gone, sub-headings kept.

mod common;

use common::*;
use serde_json::{Value, json};

#[tokio::test]
async fn seed_articles_come_out_clean_through_get_article() -> anyhow::Result<()> {
    let (Some(seeds), Some(gold)) = (seeds_dir(), shared_or_skip("eval/seeds/gold.json")) else {
        return Ok(());
    };
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let client = connect(&["--corpus", seeds.to_str().unwrap_or_default()]).await?;
    let page = call(&client, "search_articles", json!({ "limit": 50 })).await;
    let hits = page["articles"].as_array().cloned().unwrap_or_default();
    assert_eq!(hits.len(), 2, "both seeds load: {page}");
    let mut checked = 0;
    for (file, want) in gold["articles"].as_object().expect("gold articles") {
        // Find the article read from this file.
        let mut found = None;
        for h in &hits {
            let a = call(
                &client,
                "get_article",
                json!({ "article_id": h["id"], "max_chars": 20000 }),
            )
            .await;
            if a["source"] == json!(file) {
                found = Some(a);
            }
        }
        let a = found.unwrap_or_else(|| panic!("no article from {file}"));
        assert_eq!(a["truncated"], json!(false));
        let body = norm(a["text"].as_str().unwrap_or_default());
        for key in ["outlet", "title", "published", "category", "author"] {
            if let Some(w) = want.get(key) {
                assert_eq!(
                    norm(a[key].as_str().unwrap_or("<missing>")),
                    norm(w.as_str().unwrap_or("")),
                    "{file}: {key}"
                );
            }
        }
        if let Some(tags) = want.get("tags") {
            assert_eq!(&a["tags"], tags, "{file}: tags");
        }
        let starts = norm(want["body_starts_with"].as_str().unwrap_or_default());
        assert!(
            body.starts_with(&starts),
            "{file}: body starts {:?}",
            &body[..body.len().min(200)]
        );
        let ends = norm(want["body_ends_with"].as_str().unwrap_or_default());
        assert!(
            body.ends_with(&ends),
            "{file}: body ends {:?}",
            &body[body.len().saturating_sub(200)..]
        );
        for s in want["body_must_contain"].as_array().into_iter().flatten() {
            let s = norm(s.as_str().unwrap_or_default());
            assert!(body.contains(&s), "{file}: body lacks {s:?}");
        }
        for s in want["body_must_not_contain"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let s = s.as_str().unwrap_or_default();
            assert!(
                !a["text"].as_str().unwrap_or_default().contains(s),
                "{file}: junk {s:?} left in body"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 2);
    client.cancel().await?;
    Ok(())
}
