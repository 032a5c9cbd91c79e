//! Answers stay small enough for an agent's context on a big story: every tool that lists things
//! has a default page, pages continue with `next_cursor`, and paging visits every item once.
//! The corpus is written here: one fictional event covered by 64 articles from 32 outlets, each
//! quoting a different pair of the 48 people in it.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use serde_json::{Value, json};

const FIRST: &[&str] = &[
    "Ada", "Bram", "Cleo", "Dario", "Edda", "Fenn", "Gita", "Hugo", "Ines", "Joss", "Kira", "Lior",
    "Mina", "Nils", "Oona", "Pavel",
];
const LAST: &[&str] = &["Quell", "Rask", "Tamsin"];

/// Person `i` of 48, fictional.
fn person(i: usize) -> String {
    format!(
        "{} {}",
        FIRST[i % FIRST.len()],
        LAST[i / FIRST.len() % LAST.len()]
    )
}

const WHO: &[&str] = &[
    "engineers",
    "farmers",
    "teachers",
    "insurers",
    "nurses",
    "fishers",
    "builders",
    "drivers",
];
const WHAT: &[&str] = &[
    "sandbags",
    "pumps",
    "ferries",
    "tents",
    "generators",
    "radios",
    "boots",
    "blankets",
];
const WHERE: &[&str] = &[
    "the mill road",
    "the north bank",
    "the school yard",
    "the old quay",
    "the rail bridge",
    "the market hall",
    "the clinic",
    "the chapel",
];

/// Two paragraphs only article `k` has, so that no two articles are near-duplicates.
fn own_detail(k: usize) -> String {
    let (a, b, c) = (k % 8, k / 8 % 8, (k * 5 + 3) % 8);
    format!(
        "Local {} carried {} to {} before dawn, and {} more came from {} by noon.\n\n         By evening the {} near {} had run out of {}, and the {} asked for help from {}.",
        WHO[a],
        WHAT[b],
        WHERE[c],
        WHAT[c],
        WHERE[a],
        WHO[b],
        WHERE[b],
        WHAT[a],
        WHO[c],
        WHERE[(a + b) % 8]
    )
}

fn write_big_story(dir: &Path) {
    let mut lines = Vec::new();
    for k in 0..64 {
        let (p, q) = (person(k % 48), person((k + 17) % 48));
        let detail = own_detail(k);
        let text = format!(
            "The Velmora dam inquiry heard on Tuesday that the spillway gates of the Velmora dam failed \
             twice in the spring floods, flooding the lower Orrin valley and forcing 4,200 residents to leave \
             their homes.\n\n\"The {} at {} were tested every month and passed every test,\" said {p}, \
             who spoke for the Velmora water board at the inquiry into the dam.\n\nThe inquiry into the Velmora \
             dam spillway failure will sit for six more weeks in the Orrin valley town hall, the chair said.\n\n\
             \"Nobody told the {} that the gates had failed before, and we lost our {},\" said {q}, \
             a resident of the lower Orrin valley who lost her home in the floods.\n\n{detail}",
            WHAT[k % 8],
            WHERE[k / 8 % 8],
            WHO[k / 8 % 8],
            WHAT[k % 8],
        );
        lines.push(
            json!({
                "title": format!("Velmora dam inquiry hears spillway gates failed twice ({k})"),
                "text": text,
                "outlet": format!("Valley Outlet {}", k % 32),
                "published": format!("2026-03-{:02}T{:02}:00:00Z", 10 + k / 24, k % 24),
            })
            .to_string(),
        );
    }
    std::fs::write(dir.join("velmora.jsonl"), lines.join("\n") + "\n").expect("write corpus");
    // Twelve small stories that share no words, so that a page of stories can be full.
    let mut others = Vec::new();
    for k in 0..12 {
        let words: Vec<String> = (0..40).map(|i| made_up_word(k * 100 + i)).collect();
        let sentence = |i: usize| format!("{}.", words[i * 8..i * 8 + 8].join(" "));
        others.push(
            json!({
                "title": format!("{} {} {}", words[0], words[1], words[2]),
                "text": (0..5).map(sentence).collect::<Vec<_>>().join("\n\n"),
                "outlet": format!("Hill Outlet {k}"),
                "published": format!("2026-04-{:02}T08:00:00Z", k + 1),
            })
            .to_string(),
        );
    }
    std::fs::write(dir.join("others.jsonl"), others.join("\n") + "\n").expect("write corpus");
}

/// A made-up word for `k`, different for every `k` below 10,000.
fn made_up_word(k: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "lo", "mi", "ren", "tu", "sa", "vor", "pel", "di", "gun",
    ];
    let mut w = String::from("z");
    let mut x = k;
    for _ in 0..4 {
        w.push_str(SYL[x % 10]);
        x /= 10;
    }
    w
}

/// Pages through a tool until `next_cursor` is absent; returns every page.
async fn all_pages(client: &Client, tool: &str, args: Value) -> Vec<Value> {
    let mut pages = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut a = args.clone();
        if let Some(c) = &cursor {
            a["cursor"] = json!(c);
        }
        let page = call(client, tool, a).await;
        cursor = page["next_cursor"].as_str().map(str::to_string);
        pages.push(page);
        assert!(pages.len() < 100, "{tool} pages never end");
        if cursor.is_none() {
            return pages;
        }
    }
}

/// Characters of an answer as the client receives it (MCP sends a text copy beside the
/// structured content, so an agent's context holds about twice this).
fn size(v: &Value) -> usize {
    v.to_string().chars().count()
}

/// An agent caps tool output at about 25,000 tokens; at about 4 characters a token and two
/// copies of the JSON, a default answer must stay under 50,000 characters.
const MAX_DEFAULT_CHARS: usize = 50_000;

#[tokio::test]
async fn a_big_story_comes_in_pages_that_cover_it_all() -> anyhow::Result<()> {
    let dir = temp_dir("bounded");
    write_big_story(&dir);
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;

    let top = call(
        &client,
        "list_stories",
        json!({ "sort": "coverage", "limit": 1 }),
    )
    .await;
    let story = top["stories"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let count = top["stories"][0]["article_count"].as_u64().unwrap_or(0) as usize;
    assert!(count >= 48, "the event should be one big story: {top}");

    // get_story: 20 timeline entries by default; paging gives every article once.
    let first = call(&client, "get_story", json!({ "story_id": story })).await;
    assert_eq!(first["timeline"].as_array().map(Vec::len), Some(20));
    assert_eq!(first["article_count"].as_u64(), Some(count as u64));
    let pages = all_pages(
        &client,
        "get_story",
        json!({ "story_id": story, "limit": 7 }),
    )
    .await;
    assert_eq!(pages.len(), count.div_ceil(7));
    let ids: Vec<&str> = pages
        .iter()
        .flat_map(|p| p["timeline"].as_array().into_iter().flatten())
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(ids.len(), count);
    assert_eq!(
        ids.iter().collect::<BTreeSet<_>>().len(),
        count,
        "an article twice"
    );

    // compare_views: 10 people and 10 outlet articles a page; every person once over the pages,
    // and `sides` names everyone on every page.
    let cv = call(&client, "compare_views", json!({ "story_id": story })).await;
    let people_total = cv["people_total"].as_u64().unwrap_or(0) as usize;
    assert!(
        people_total > 10,
        "the story quotes many people: {}",
        cv["people_total"]
    );
    assert_eq!(cv["people"].as_array().map(Vec::len), Some(10));
    assert_eq!(cv["outlets"].as_array().map(Vec::len), Some(10));
    assert_eq!(cv["outlets_total"].as_u64(), Some(count as u64));
    let on_sides: usize = ["supports", "disputes", "other", "unclear"]
        .iter()
        .map(|s| cv["sides"][s].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(on_sides, people_total);
    let pages = all_pages(&client, "compare_views", json!({ "story_id": story })).await;
    let names: Vec<&str> = pages
        .iter()
        .flat_map(|p| p["people"].as_array().into_iter().flatten())
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert_eq!(names.len(), people_total);
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), people_total);
    let articles: BTreeSet<&str> = pages
        .iter()
        .flat_map(|p| p["outlets"].as_array().into_iter().flatten())
        .filter_map(|e| e["article_id"].as_str())
        .collect();
    assert_eq!(articles.len(), count);

    // list_speakers: 25 a page, every speaker once.
    let sp = call(&client, "list_speakers", json!({ "story_id": story })).await;
    let total = sp["total"].as_u64().unwrap_or(0) as usize;
    assert!(total > 25, "{total} speakers");
    assert_eq!(sp["speakers"].as_array().map(Vec::len), Some(25));
    let pages = all_pages(&client, "list_speakers", json!({ "story_id": story })).await;
    let speakers: BTreeSet<&str> = pages
        .iter()
        .flat_map(|p| p["speakers"].as_array().into_iter().flatten())
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert_eq!(speakers.len(), total);

    // A cursor of one story is refused for another call.
    let err = try_call(
        &client,
        "get_story",
        json!({ "story_id": story, "cursor": cv["next_cursor"] }),
    )
    .await
    .expect_err("a compare_views cursor is not a get_story cursor");
    assert!(err.contains("cursor"), "{err}");

    // Full story cards come at most 10 a page, whatever the limit asked.
    let full = call(
        &client,
        "list_stories",
        json!({ "detail": "full", "limit": 50 }),
    )
    .await;
    assert_eq!(
        full["stories"].as_array().map(Vec::len),
        Some(10),
        "{}",
        full["total"]
    );
    assert_eq!(full["total"].as_u64(), Some(13));

    // Every default answer on the big story fits an agent's context, the fullest details included.
    let article = ids[0];
    for (tool, args) in [
        ("get_story", json!({ "story_id": story })),
        ("compare_views", json!({ "story_id": story })),
        (
            "compare_views",
            json!({ "story_id": story, "detail": "full" }),
        ),
        ("list_speakers", json!({ "story_id": story })),
        ("get_quotes", json!({ "story_id": story })),
        ("get_quotes", json!({ "limit": 50 })),
        ("list_stories", json!({ "detail": "full", "limit": 50 })),
        (
            "search_articles",
            json!({ "query": "Velmora dam", "limit": 50 }),
        ),
        ("get_article", json!({ "article_id": article })),
        ("corpus_info", json!({})),
    ] {
        let v = call(&client, tool, args.clone()).await;
        let n = size(&v);
        eprintln!("{tool} {args}: {n} characters");
        assert!(n <= MAX_DEFAULT_CHARS, "{tool} {args}: {n} characters");
    }
    client.cancel().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
