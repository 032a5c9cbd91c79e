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
        if path.starts_with("html/") {
            // Both HTML templates declare their section (a meta tag, JSON-LD articleSection).
            assert!(
                a["category"].as_str().is_some_and(|c| !c.is_empty()),
                "{path}: no category"
            );
        }
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
    // A phrase matches its words in order, side by side: "review of the decision" is in two
    // articles, "review decision" in none.
    let total = |query: &'static str| {
        let client = &client;
        async move {
            call(client, "search_articles", json!({ "query": query }))
                .await
                .get("total")
                .and_then(Value::as_u64)
        }
    };
    assert_eq!(total("\"review of the decision\"").await, Some(2));
    assert_eq!(total("\"review decision\"").await, Some(0));
    client.cancel().await?;
    Ok(())
}

#[tokio::test]
async fn sample_stories_reproduce_the_gold_stories_exactly() -> anyhow::Result<()> {
    let gold = gold();
    let client = connect(&[]).await?;
    let arts = all_articles(&client).await;
    let mut predicted: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (path, a) in &arts {
        predicted
            .entry(a["story_id"].as_str().unwrap_or("?").to_string())
            .or_default()
            .insert(path.clone());
    }
    let mut want: Vec<BTreeSet<String>> = gold["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            s["articles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p.as_str().map(String::from))
                .collect()
        })
        .collect();
    let mut got: Vec<BTreeSet<String>> = predicted.values().cloned().collect();
    want.sort();
    got.sort();
    assert_eq!(got, want);

    // list_stories: newest first by default, concise; paging covers every story once.
    let page = call(&client, "list_stories", json!({ "limit": 50 })).await;
    let stories = page["stories"].as_array().cloned().unwrap_or_default();
    assert_eq!(stories.len(), want.len());
    let lasts: Vec<&str> = stories
        .iter()
        .filter_map(|s| s["last_published"].as_str())
        .collect();
    assert!(
        lasts.windows(2).all(|w| w[0] >= w[1]),
        "newest updated first"
    );
    assert!(
        stories
            .iter()
            .all(|s| s.get("articles").is_none() && s.get("summary").is_none()),
        "concise by default"
    );
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = json!({ "limit": 4 });
        if let Some(c) = &cursor {
            args["cursor"] = json!(c);
        }
        let p = call(&client, "list_stories", args).await;
        ids.extend(
            p["stories"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| s["id"].clone()),
        );
        match p["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(ids.len(), want.len());

    // Coverage: most outlets first; min_outlets and outlet filters.
    let cov = call(
        &client,
        "list_stories",
        json!({ "sort": "coverage", "min_outlets": 3 }),
    )
    .await;
    let counts: Vec<usize> = cov["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| s["outlets"].as_array().map_or(0, |o| o.len()))
        .collect();
    assert!(
        !counts.is_empty()
            && counts.iter().all(|&n| n >= 3)
            && counts.windows(2).all(|w| w[0] >= w[1]),
        "{counts:?}"
    );
    let by_outlet = call(
        &client,
        "list_stories",
        json!({ "outlet": "Civic Signal", "limit": 50 }),
    )
    .await;
    assert!(
        by_outlet["stories"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|s| s["outlets"]
                .as_array()
                .is_some_and(|o| o.contains(&json!("Civic Signal"))))
    );
    // Person, query and tag filters find the dredging story.
    for args in [
        json!({ "entity": "Okafor" }),
        json!({ "query": "eelgrass dredging" }),
        json!({ "tag": "velan" }),
    ] {
        let found = call(&client, "list_stories", args.clone()).await;
        let first = &found["stories"][0];
        assert!(
            first["headline"]
                .as_str()
                .unwrap_or_default()
                .contains("Velan"),
            "{args}: {found}"
        );
    }
    // Trending: scores present and sorted.
    let tr = call(&client, "list_stories", json!({ "sort": "trending" })).await;
    let scores: Vec<u64> = tr["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["trending_score"].as_u64())
        .collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]) && scores[0] > 0,
        "{scores:?}"
    );

    // get_story: full detail with timeline, who broke it, and angles that are verbatim spans.
    let dredging = call(
        &client,
        "list_stories",
        json!({ "entity": "Okafor", "detail": "full" }),
    )
    .await;
    let sid = dredging["stories"][0]["id"].clone();
    let s = call(&client, "get_story", json!({ "story_id": sid })).await;
    assert_eq!(s["article_count"], json!(5));
    assert_eq!(s["broken_by"]["outlet"], json!("Harbor Post"));
    assert!(
        s["people"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p["name"] == json!("Lina Okafor"))
    );
    // People are people: not the port, not an outlet, not a role glued to a name.
    let people = strings_of(&s, "people", "name");
    for not_a_person in ["Port Velan", "Harbor Post", "Chair Lina Okafor"] {
        assert!(
            !people.iter().any(|p| p.contains(not_a_person)),
            "{not_a_person} among people: {people:?}"
        );
    }
    let summary_src = &s["summary_source"];
    let lead = call(
        &client,
        "get_article",
        json!({ "article_id": summary_src["article_id"], "max_chars": 20000 }),
    )
    .await;
    let lead_text: Vec<char> = lead["text"].as_str().unwrap_or_default().chars().collect();
    let (a, b) = (
        summary_src["start"].as_u64().unwrap_or(0) as usize,
        summary_src["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(
        lead_text[a..b].iter().collect::<String>(),
        s["summary"].as_str().unwrap_or_default()
    );
    for e in s["timeline"].as_array().into_iter().flatten() {
        let Some(angle) = e.get("distinctive_angle") else {
            continue;
        };
        let art = call(
            &client,
            "get_article",
            json!({ "article_id": e["id"], "max_chars": 20000 }),
        )
        .await;
        let t: Vec<char> = art["text"].as_str().unwrap_or_default().chars().collect();
        let (a, b) = (
            angle["start"].as_u64().unwrap_or(0) as usize,
            angle["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(
            t[a..b].iter().collect::<String>(),
            angle["text"].as_str().unwrap_or_default()
        );
    }
    // search_articles by story.
    let in_story = call(
        &client,
        "search_articles",
        json!({ "story_id": sid, "include_duplicates": true }),
    )
    .await;
    assert_eq!(in_story["total"], json!(5));
    client.cancel().await?;
    Ok(())
}

#[tokio::test]
async fn the_two_seed_articles_are_one_story() -> anyhow::Result<()> {
    let Some(seeds) = seeds_dir() else {
        return Ok(());
    };
    let client = connect(&["--corpus", seeds.to_str().unwrap_or_default()]).await?;
    let page = call(&client, "list_stories", json!({ "detail": "full" })).await;
    assert_eq!(page["total"], json!(1), "{page}");
    assert_eq!(page["stories"][0]["article_count"], json!(2));
    client.cancel().await?;
    Ok(())
}

#[tokio::test]
async fn search_snippets_quote_the_body_with_the_matching_words_in_bold() -> anyhow::Result<()> {
    let client = connect(&[]).await?;
    let page = call(
        &client,
        "search_articles",
        json!({ "query": "harbor dredging", "limit": 5 }),
    )
    .await;
    let hits = page["articles"].as_array().cloned().unwrap_or_default();
    assert!(!hits.is_empty(), "{page}");
    for h in &hits {
        let snippet = h["snippet"].as_str().unwrap_or_default();
        assert!(
            snippet.len() <= 400,
            "snippets stay short: {} bytes",
            snippet.len()
        );
        // Stemmed matches are marked: "dredging" also finds "dredge" and "dredged".
        let marked: Vec<&str> = snippet.split("**").skip(1).step_by(2).collect();
        assert!(
            marked
                .iter()
                .any(|w| w.to_lowercase().starts_with("harbo")
                    || w.to_lowercase().starts_with("dredg")),
            "no query word in bold: {snippet}"
        );
        // Unmarked, the snippet is text of the article's body.
        let body = call(
            &client,
            "get_article",
            json!({ "article_id": h["id"], "max_chars": 20000 }),
        )
        .await;
        let plain = snippet.replace("**", "");
        let text = body["text"].as_str().unwrap_or_default();
        let squashed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            squashed.contains(plain.trim_matches(|c: char| c == '.' || c.is_whitespace())),
            "snippet not in the body: {plain}"
        );
    }
    client.cancel().await?;
    Ok(())
}
