//! A corpus folder full of bad files loads its good articles and names every bad file, with the
//! reason, in `corpus_info` and in `newsdesk ingest`; the server never stops.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::{Value, json};

const GOOD_TEXT: &str = "Council approves the river bridge plan\n\nThe city council voted seven to two on Tuesday to \
approve the long-delayed river bridge plan, ending a debate that had run for three years.\n\n\"This bridge will \
join two halves of one city,\" said council member Ada Brenner, who led the campaign for the plan.\n\nOpponents \
said the cost would strain the budget for a decade and asked for a public vote on the matter.\n";

fn write_bad_corpus(dir: &Path) {
    fs::write(dir.join("good.txt"), GOOD_TEXT).expect("write");
    fs::write(dir.join("empty.txt"), "").expect("write");
    fs::write(dir.join("blank.md"), "\n\n   \n").expect("write");
    let mut binary = vec![0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
    binary.extend((0..2000u32).map(|i| (i * 7 % 251) as u8));
    fs::write(dir.join("photo.txt"), binary).expect("write");
    fs::write(dir.join("huge.txt"), vec![b'a'; 10 * 1024 * 1024 + 10]).expect("write");
    fs::write(
        dir.join("broken.json"),
        "{\"title\": \"Half a record\", \"body\": \"never closed",
    )
    .expect("write");
    // Latin-1 text (invalid UTF-8): loads with its encoding detected.
    let latin1: Vec<u8> = "Caf\u{e9} owners protest the new terrace rules\n\nOwners of the caf\u{e9}s on the old square \
        said on Monday that the new terrace rules would cost them half of their summer trade, and asked the mayor \
        to delay them by a year.\n\n\"We were never asked,\" said Ren\u{e9} Duval, who runs the corner caf\u{e9}.\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    fs::write(dir.join("latin1.txt"), latin1).expect("write");
    let good_line = |t: &str| {
        json!({"title": t, "text": "The port authority said on Friday that container traffic rose by a fifth in \
               October, the strongest month since the new quay opened two years ago.", "outlet": "Harbor Post",
               "published": "2026-10-30T10:00:00Z"})
        .to_string()
    };
    let jsonl = format!(
        "{}\n{{\"title\": \"broken\", \"text\": \n{}\nnot json at all\n",
        good_line("First"),
        good_line("Second")
    );
    fs::write(dir.join("feed.jsonl"), jsonl).expect("write");
}

#[tokio::test]
async fn bad_files_are_skipped_and_reported_and_good_ones_load() -> anyhow::Result<()> {
    let dir = temp_dir("broken");
    write_bad_corpus(&dir);
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(
        info["articles"],
        json!(4),
        "good.txt, latin1.txt and two good JSONL lines: {info:#}"
    );
    let skipped: Vec<(String, String)> = info["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                s["path"].as_str().unwrap_or("").to_string(),
                s["reason"].as_str().unwrap_or("").to_lowercase(),
            )
        })
        .collect();
    let reason = |p: &str| {
        skipped
            .iter()
            .find(|(path, _)| path == p)
            .map(|(_, r)| r.clone())
    };
    assert!(
        reason("empty.txt").is_some_and(|r| r.contains("empty")),
        "{skipped:?}"
    );
    assert!(
        reason("blank.md").is_some_and(|r| r.contains("empty") || r.contains("no article")),
        "{skipped:?}"
    );
    assert!(
        reason("photo.txt").is_some_and(|r| r.contains("binary")),
        "{skipped:?}"
    );
    assert!(
        reason("huge.txt").is_some_and(|r| r.contains("10 mb") || r.contains("too large")),
        "{skipped:?}"
    );
    assert!(
        reason("broken.json").is_some_and(|r| r.contains("json")),
        "{skipped:?}"
    );
    assert!(
        reason("feed.jsonl#2").is_some_and(|r| r.contains("json")),
        "{skipped:?}"
    );
    assert!(
        reason("feed.jsonl#4").is_some_and(|r| r.contains("json")),
        "{skipped:?}"
    );
    assert_eq!(info["skipped_total"], json!(skipped.len()));

    // The Latin-1 file reads as proper text.
    let found = call(&client, "search_articles", json!({ "query": "terrace" })).await;
    let id = found["articles"][0]["id"].clone();
    let a = call(&client, "get_article", json!({ "article_id": id })).await;
    assert!(
        a["text"]
            .as_str()
            .unwrap_or_default()
            .contains("René Duval"),
        "{a:#}"
    );
    assert_eq!(
        a["title"],
        json!("Café owners protest the new terrace rules")
    );

    // JSONL records keep their line number in the source.
    let port = call(
        &client,
        "search_articles",
        json!({ "query": "container traffic", "limit": 5 }),
    )
    .await;
    let sources: Vec<Value> = {
        let mut v = Vec::new();
        for h in port["articles"].as_array().into_iter().flatten() {
            v.push(
                call(&client, "get_article", json!({ "article_id": h["id"] })).await["source"]
                    .clone(),
            );
        }
        v.sort_by_key(|s| s.to_string());
        v
    };
    assert_eq!(sources, vec![json!("feed.jsonl#1"), json!("feed.jsonl#3")]);
    client.cancel().await?;
    Ok(())
}

#[test]
fn ingest_command_lists_every_skipped_file_with_its_reason() {
    let dir = temp_dir("broken-ingest");
    write_bad_corpus(&dir);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["ingest", "--corpus"])
        .arg(&dir)
        .output()
        .expect("run newsdesk ingest");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("4 articles"), "{text}");
    for f in [
        "empty.txt",
        "photo.txt",
        "huge.txt",
        "broken.json",
        "feed.jsonl#2",
        "feed.jsonl#4",
    ] {
        assert!(text.contains(f), "{f} missing from:\n{text}");
    }
    let json_out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["ingest", "--json", "--corpus"])
        .arg(&dir)
        .output()
        .expect("run newsdesk ingest --json");
    let v: Value = serde_json::from_slice(&json_out.stdout).expect("ingest --json prints JSON");
    assert_eq!(v["articles"], json!(4));
    assert!(
        v["report"]["skipped"]
            .as_array()
            .is_some_and(|s| s.len() >= 7)
    );
}

/// Pathological pages (20,000 nested `<div>`s, thousands of unclosed drawings, unterminated
/// comments, nested tables) load beside a good article, and the text inside them is found. They
/// used to take from a minute to hours to read (time in the square of their depth or size); the
/// speed is measured by `cargo bench --bench hostile`, not here.
#[tokio::test(flavor = "multi_thread")]
async fn pathological_pages_load_and_their_text_is_found() -> anyhow::Result<()> {
    let dir = temp_dir("hostile");
    let para = |word: &str| {
        format!(
            "<p>The {word} committee met on Monday to review the harbour budget, the ferry \
             timetable and the repairs to the old bridge before the winter storms.</p>"
        )
    };
    // The article inside the junk, or before it for comments: what follows an unterminated
    // comment is comment, in a browser too.
    let page = |word: &str, before: &str, after: &str| {
        format!(
            "<html><head><title>The {word} report</title></head><body>{before}{}{after}</body></html>",
            para(word)
        )
    };
    let pages = [
        ("deep.html", page("zanderfell", &"<div>".repeat(20_000), "")),
        ("svg.html", page("quillmoor", &"<svg>".repeat(20_000), "")),
        (
            "comments.html",
            page("brackenholt", "", &"<!--x".repeat(20_000)),
        ),
        (
            "tables.html",
            page("ostrevane", &"<table><tr><td>".repeat(20_000), ""),
        ),
        ("good.html", page("ordinary", "", "")),
    ];
    for (name, text) in &pages {
        std::fs::write(dir.join(name), text)?;
    }
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(info["articles"], json!(5), "{info:#}");
    for word in [
        "zanderfell",
        "quillmoor",
        "brackenholt",
        "ostrevane",
        "ordinary",
    ] {
        let found = call(&client, "search_articles", json!({"query": word})).await;
        assert_eq!(
            found["articles"].as_array().map(Vec::len),
            Some(1),
            "{word}: {found:#}"
        );
    }
    client.cancel().await?;
    Ok(())
}

/// A file that runs past its time budget is skipped with the reason, and the rest loads. No
/// page known today is slow enough to meet the default budget, so the budget is set to nothing:
/// every file then runs out of time at its first check.
#[tokio::test]
async fn a_file_past_its_time_budget_is_skipped_with_the_reason() -> anyhow::Result<()> {
    let dir = temp_dir("budget");
    fs::write(dir.join("good.txt"), GOOD_TEXT)?;
    fs::write(
        dir.join("page.html"),
        format!(
            "<html><body><article><p>{}</p></article></body></html>",
            GOOD_TEXT
        ),
    )?;
    let path = dir.to_str().unwrap_or_default();
    let client = connect(&[
        "--corpus",
        path,
        "--file-budget",
        "0",
        "--file-budget-per-mb",
        "0",
    ])
    .await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(info["articles"], json!(0), "{info:#}");
    assert_eq!(info["skipped_total"], json!(2), "{info:#}");
    for s in info["skipped"].as_array().into_iter().flatten() {
        let reason = s["reason"].as_str().unwrap_or_default();
        assert!(
            reason.contains("took longer than its time budget of 0.0 s"),
            "{s}"
        );
    }
    // The server goes on answering.
    let found = call(&client, "search_articles", json!({ "query": "bridge" })).await;
    assert_eq!(found["total"], json!(0));
    client.cancel().await?;

    // With the default budget the same files load.
    let client = connect(&["--corpus", path]).await?;
    let info = call(&client, "corpus_info", json!({})).await;
    assert_eq!(info["articles"], json!(2), "{info:#}");
    assert_eq!(info["skipped_total"], json!(0), "{info:#}");
    client.cancel().await?;

    // A budget that is not a number of seconds is refused with what is allowed.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["ingest", "--corpus", path, "--file-budget=-1"])
        .output()?;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--file-budget"), "{err}");
    let _ = fs::remove_dir_all(&dir);
    Ok(())
}
