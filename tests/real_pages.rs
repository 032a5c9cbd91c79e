//! Pages as real crawls bring them home, through MCP: nothing readable is lost, every kept
//! sentence can be found again, a long feed title is kept whole, and pages that are not articles
//! are listed in `corpus_info`, readable, and kept out of stories and quotes.

mod common;

use std::fs;

use common::*;
use serde_json::json;

/// Prose paragraphs of a fictional article, each with a phrase found nowhere else.
const PROSE: &[&str] = &[
    "The Lowmarsh ferry will stop running its night crossings from March, the operator said on Thursday, blaming a shortage of licensed pilots.",
    "Commuters who rely on the late boat say the decision leaves the island without a way home after the evening shift at the cannery.",
    "\"We cannot sail without pilots, and we cannot train them fast enough,\" said Oriel Tambe, who runs the Lowmarsh Ferry Company.",
    "The island council has asked the regional transport board for an emergency grant to keep one night crossing through the winter.",
    "A decision on the grant is expected before the end of the month, a spokesperson for the transport board said.",
];

/// Furniture that text dumps of pages keep around and between the paragraphs.
const MENU: &[&str] = &[
    "[Skip to content]",
    "[Home] [News] [Sport] [Weather] [Contact]",
    "Sign In  Subscribe",
    "Menu",
];
const FOOTER: &[&str] = &[
    "Share  Facebook  X  Email",
    "Related stories",
    "* Ferry fares rise again",
    "* Harbour works delayed",
    "(c) 2026 Lowmarsh Gazette. All rights reserved.",
];

fn scrape(shuffle: usize) -> String {
    let mut lines: Vec<String> = MENU.iter().map(|s| s.to_string()).collect();
    lines.push("Night ferry crossings to end as pilots run short".into());
    lines.push("By Mina Falk".into());
    // The paragraphs in order, with a share bar or an advert line between some of them.
    for (i, p) in PROSE.iter().enumerate() {
        lines.push(p.to_string());
        if (i + shuffle).is_multiple_of(3) {
            lines.push("Advertisement".into());
        }
    }
    lines.extend(FOOTER.iter().map(|s| s.to_string()));
    lines.join("\n\n") + "\n"
}

#[tokio::test]
async fn nothing_readable_is_lost_and_every_kept_sentence_is_found() -> anyhow::Result<()> {
    let dir = temp_dir("real-pages");
    // Text dumps that open with a menu line in brackets (once read as broken JSON).
    for k in 0..3 {
        fs::write(dir.join(format!("dump-{k}.txt")), scrape(k))?;
    }
    let long_title = "Regional transport board approves an emergency grant that keeps one night \
        crossing of the Lowmarsh ferry running through the winter while the operator trains new \
        pilots at its own cost, after weeks of protests by island commuters and cannery workers";
    let record = json!({"title": long_title, "text": "The grant covers four months of crossings.",
        "outlet": "Lowmarsh Gazette", "published": "2026-11-02T08:00:00Z"});
    fs::write(dir.join("feed.jsonl"), format!("{record}\n"))?;

    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(info["skipped_total"], json!(0), "nothing skipped: {info:#}");
    assert_eq!(info["articles"], json!(4), "{info:#}");

    // The three dumps are one article saved three times: one canonical copy, two duplicates.
    assert_eq!(info["duplicate_groups"], json!(1), "{info:#}");
    let listed = call(&client, "search_articles", json!({"limit": 10})).await;
    let articles = listed["articles"].as_array().cloned().unwrap_or_default();
    let dump = articles
        .iter()
        .find(|a| a["duplicates"] == json!(2))
        .unwrap_or_else(|| panic!("the dump is not listed: {listed:#}"));
    let full = call(&client, "get_article", json!({"article_id": dump["id"]})).await;
    let body = full["text"].as_str().unwrap_or_default();
    assert!(
        full["source"]
            .as_str()
            .is_some_and(|s| s.starts_with("dump-"))
    );
    assert_eq!(
        full["title"].as_str(),
        Some("Night ferry crossings to end as pilots run short"),
        "{full:#}"
    );
    // Every prose paragraph is in the article; the furniture is not.
    for p in PROSE {
        assert!(body.contains(p), "paragraph lost: {p}\n---\n{body}");
    }
    for junk in [
        "Skip to content",
        "Sign In",
        "All rights reserved",
        "Advertisement",
    ] {
        assert!(!body.contains(junk), "{junk:?} left in the body");
    }
    // Every kept sentence can be found again with search_articles.
    for p in PROSE {
        let phrase: String = p
            .split_whitespace()
            .skip(2)
            .take(5)
            .collect::<Vec<_>>()
            .join(" ");
        let found = call(
            &client,
            "search_articles",
            json!({"query": format!("\"{phrase}\"")}),
        )
        .await;
        assert!(
            found["articles"]
                .as_array()
                .is_some_and(|v| v.iter().any(|a| a["id"] == dump["id"])),
            "{phrase:?} not found: {found:#}"
        );
    }
    // The long feed title is kept whole, and its words are searchable.
    let rec = articles
        .iter()
        .find(|a| a["title"].as_str() == Some(long_title))
        .expect("the feed record is listed under its whole title");
    let full = call(&client, "get_article", json!({"article_id": rec["id"]})).await;
    assert_eq!(full["title"].as_str(), Some(long_title));
    let found = call(
        &client,
        "search_articles",
        json!({"query": "cannery workers protests"}),
    )
    .await;
    assert!(
        found["articles"]
            .as_array()
            .is_some_and(|v| v.iter().any(|a| a["id"] == rec["id"])),
        "{found:#}"
    );
    client.cancel().await?;
    Ok(())
}

const PRODUCT_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Lowmarsh Ferry Company - Season tickets</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Season ticket","offers":{"@type":"Offer","price":"120"}}</script>
</head><body><h1>Season tickets for the Lowmarsh ferry</h1>
<p>Our season ticket covers every crossing between the island and the mainland for twelve months, night boats included.</p>
<p>"It is the best way to travel," said Oriel Tambe, who runs the Lowmarsh Ferry Company, in a message to customers this autumn.</p>
<p>Buy it online or at the harbour office, and show it on your phone when you board any of our boats.</p>
</body></html>"#;

#[tokio::test]
async fn pages_that_are_not_articles_are_listed_and_kept_out_of_stories_and_quotes()
-> anyhow::Result<()> {
    let dir = temp_dir("not-articles");
    fs::write(dir.join("ferry-news.txt"), scrape(0))?;
    fs::write(dir.join("tickets.html"), PRODUCT_PAGE)?;
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(info["articles"], json!(2), "{info:#}");
    assert_eq!(info["not_articles_total"], json!(1), "{info:#}");
    assert_eq!(info["not_articles"][0]["path"], json!("tickets.html"));
    assert_eq!(info["not_articles"][0]["page_type"], json!("product"));
    assert_eq!(
        info["stories"],
        json!(1),
        "only the article makes a story: {info:#}"
    );

    // Still readable, marked, and in no story.
    let id = info["not_articles"][0]["id"].clone();
    let page = call(&client, "get_article", json!({"article_id": id})).await;
    assert_eq!(page["page_type"], json!("product"));
    assert!(page.get("story_id").is_none(), "{page:#}");
    assert!(
        page["text"]
            .as_str()
            .is_some_and(|t| t.contains("season ticket"))
    );
    let article = call(&client, "search_articles", json!({"query": "pilots"})).await;
    let art = &article["articles"][0];
    let full = call(&client, "get_article", json!({"article_id": art["id"]})).await;
    assert!(full.get("page_type").is_none(), "{full:#}");
    assert!(full["story_id"].is_string(), "{full:#}");

    // Oriel Tambe's quote from the article is there; the shop page's is not.
    let quotes = call(&client, "get_quotes", json!({"speaker": "Tambe"})).await;
    let texts = strings_of(&quotes, "quotes", "text");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("cannot sail without pilots")),
        "{quotes:#}"
    );
    assert!(
        !texts.iter().any(|t| t.contains("best way to travel")),
        "a shop page is quoted: {quotes:#}"
    );
    client.cancel().await?;
    Ok(())
}
