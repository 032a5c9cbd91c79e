//! The built-in sample corpus against its gold file (`sample/gold.json`), through MCP: every
//! article's metadata and clean body, near-duplicates, and the stories.

mod common;

use std::collections::{BTreeSet, HashMap};

use common::*;
use serde_json::{Value, json};

fn gold() -> Value {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample/gold.json");
    serde_json::from_str(&std::fs::read_to_string(p).expect("sample/gold.json"))
        .expect("gold is JSON")
}

/// Every article of the sample corpus, read whole: source path -> get_article result.
async fn all_articles(client: &Client) -> HashMap<String, Value> {
    let page = call(
        client,
        "search_articles",
        json!({ "limit": 50, "include_duplicates": true }),
    )
    .await;
    assert!(
        page.get("next_cursor").is_none(),
        "sample corpus fits one page of 50"
    );
    let mut out = HashMap::new();
    for h in page["articles"].as_array().into_iter().flatten() {
        let a = call(
            client,
            "get_article",
            json!({ "article_id": h["id"], "max_chars": 20000 }),
        )
        .await;
        out.insert(a["source"].as_str().unwrap_or_default().to_string(), a);
    }
    out
}

#[tokio::test]
async fn sample_articles_match_gold_metadata_and_bodies() -> anyhow::Result<()> {
    let gold = gold();
    let client = connect(&[]).await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(
        info["skipped_total"],
        json!(0),
        "no unexpected skips: {info}"
    );
    assert!(
        info["origin"]
            .as_str()
            .is_some_and(|o| o.contains("sample"))
    );
    let arts = all_articles(&client).await;
    let want = gold["articles"].as_object().expect("gold articles");
    assert_eq!(arts.len(), want.len(), "article count");
    let outlets: BTreeSet<&str> = want.values().filter_map(|w| w["outlet"].as_str()).collect();
    assert!(outlets.len() >= 6, "at least six outlets");
    for (path, w) in want {
        let a = arts
            .get(path)
            .unwrap_or_else(|| panic!("no article from {path}"));
        for key in ["outlet", "via", "title", "published", "author"] {
            let got = a.get(key).cloned().unwrap_or(Value::Null);
            assert_eq!(got, w[key], "{path}: {key}");
        }
        assert_eq!(a["tags"], w["tags"], "{path}: tags");
        let text = a["text"].as_str().unwrap_or_default();
        assert!(
            text.starts_with(w["body_starts_with"].as_str().unwrap_or("?")),
            "{path}: starts {:?}",
            &text[..80.min(text.len())]
        );
        assert!(
            text.ends_with(w["body_ends_with"].as_str().unwrap_or("?")),
            "{path}: ends {:?}",
            &text[text.len().saturating_sub(80)..]
        );
        for junk in [
            "Photo:",
            "Share",
            "ADVERTISEMENT",
            "Read more:",
            "likes",
            "Loading",
            "Subscribe",
            "cookies",
            "Related stories",
            "Written by",
            "Tags",
            "Source:",
            "min read",
            "Click to play",
        ] {
            assert!(
                !text.contains(junk),
                "{path}: junk {junk:?} left in the body"
            );
        }
    }
    client.cancel().await?;
    Ok(())
}

#[tokio::test]
async fn near_duplicates_are_grouped_under_the_earliest_copy() -> anyhow::Result<()> {
    let gold = gold();
    let client = connect(&[]).await?;
    let arts = all_articles(&client).await;
    let id = |p: &str| arts[p]["id"].clone();
    for group in gold["duplicates"].as_array().into_iter().flatten() {
        let paths: Vec<&str> = group
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let canonical = &arts[paths[0]];
        let mut copies: Vec<Value> = paths[1..].iter().map(|p| id(p)).collect();
        copies.sort_by_key(|v| v.to_string());
        let mut listed = canonical["duplicates"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        listed.sort_by_key(|v| v.to_string());
        assert_eq!(listed, copies, "duplicates of {}", paths[0]);
        for p in &paths[1..] {
            assert_eq!(
                arts[*p]["duplicate_of"],
                id(paths[0]),
                "{p} points at its canonical copy"
            );
        }
    }
    // By default search lists only canonical copies, with their duplicate count.
    let page = call(
        &client,
        "search_articles",
        json!({ "query": "Kessling reactor restart" }),
    )
    .await;
    let hits = page["articles"].as_array().cloned().unwrap_or_default();
    assert!(hits.iter().all(|h| h.get("duplicate_of").is_none()));
    assert!(hits.iter().any(|h| h["duplicates"] == json!(2)), "{page}");
    client.cancel().await?;
    Ok(())
}
