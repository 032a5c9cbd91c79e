//! Unit tests of each tool handler on the built-in sample corpus, called in process (no
//! transport, no subprocess): arguments go in as the JSON an agent sends, answers are read as
//! the JSON it gets back. The MCP-level tests (schemas, transports, errors as protocol answers)
//! live in tests/.

use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::{articles, quotes, stories, views};
use crate::corpus::Corpus;
use crate::ingest::CorpusSource;
use crate::text::slice_chars;

fn sample() -> &'static Corpus {
    static SAMPLE: OnceLock<Corpus> = OnceLock::new();
    SAMPLE.get_or_init(|| match Corpus::load(&CorpusSource::Sample, &|_, _| {}) {
        Ok(c) => c,
        Err(e) => panic!("the built-in sample corpus does not load: {e}"),
    })
}

fn args<A: DeserializeOwned>(v: Value) -> A {
    match serde_json::from_value(v.clone()) {
        Ok(a) => a,
        Err(e) => panic!("arguments {v} do not parse: {e}"),
    }
}

/// A handler's answer as an agent reads it, or its error message.
fn answer<R: Serialize>(r: Result<R, String>) -> Result<Value, String> {
    r.map(|r| serde_json::to_value(r).unwrap_or(Value::Null))
}

fn ok(r: Result<Value, String>) -> Value {
    match r {
        Ok(v) => v,
        Err(e) => panic!("tool error: {e}"),
    }
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn list_stories(a: Value) -> Result<Value, String> {
    answer(stories::list_stories(sample(), &args(a)))
}

fn get_story(a: Value) -> Result<Value, String> {
    answer(stories::get_story(sample(), &args(a)))
}

fn article_text(id: &str) -> String {
    let a = ok(answer(articles::get_article(
        sample(),
        &args(json!({"article_id": id, "max_chars": 100_000})),
    )));
    a["text"].as_str().unwrap_or_default().to_string()
}

/// The id of the sample story whose headline contains `words`.
fn story_about(words: &str) -> String {
    let all = ok(list_stories(json!({"limit": 50})));
    all["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["headline"].as_str().is_some_and(|h| h.contains(words)))
        .and_then(|s| s["id"].as_str())
        .map(str::to_string)
        .unwrap_or_else(|| panic!("no story about {words:?}"))
}

#[test]
fn list_stories_pages_through_every_story_once_in_each_order() {
    for sort in ["newest", "coverage", "trending"] {
        let (mut seen, mut cursor) = (Vec::new(), None::<String>);
        loop {
            let mut a = json!({"sort": sort, "limit": 4});
            if let Some(c) = &cursor {
                a["cursor"] = json!(c);
            }
            let page = ok(list_stories(a));
            assert_eq!(page["total"], 14, "{sort}");
            let ids: Vec<String> = page["stories"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["id"].as_str().map(str::to_string))
                .collect();
            assert!(ids.len() <= 4);
            seen.extend(ids);
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_string()),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!((seen.len(), unique.len()), (14, 14), "{sort}: {seen:?}");
    }
    // Newest first: last publication times never increase down the list.
    let newest = ok(list_stories(json!({"sort": "newest", "limit": 50})));
    let lasts: Vec<&str> = newest["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["last_published"].as_str())
        .collect();
    assert!(lasts.windows(2).all(|w| w[0] >= w[1]), "{lasts:?}");
}

#[test]
fn list_stories_filters_by_person_and_refuses_what_it_cannot_do() {
    let found = ok(list_stories(json!({"entity": "Lina Okafor"})));
    assert_eq!(found["total"], 1);
    assert!(
        found["stories"][0]["headline"]
            .as_str()
            .is_some_and(|h| h.contains("dredge")),
        "{found}"
    );
    let err = list_stories(json!({"sort": "relevance"})).expect_err("relevance needs a query");
    assert!(err.contains("query"), "{err}");
    let err = list_stories(json!({"cursor": "c9-00000000"})).expect_err("a forged cursor");
    assert!(err.contains("cursor"), "{err}");
}

#[test]
fn get_story_gives_members_and_a_summary_cut_from_its_source() {
    let id = story_about("dredge");
    let s = ok(get_story(json!({"story_id": id})));
    assert_eq!(s["article_count"], 5, "{s}");
    let outlets = strs(&s["outlets"]);
    for o in [
        "Harbor Post",
        "Coastline Daily",
        "Northern Record",
        "Civic Signal",
    ] {
        assert!(outlets.contains(&o), "{o} missing from {outlets:?}");
    }
    let src = &s["summary_source"];
    let body = article_text(src["article_id"].as_str().unwrap_or_default());
    let (start, end) = (
        src["start"].as_u64().unwrap_or(0) as usize,
        src["end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(Some(slice_chars(&body, start, end)), s["summary"].as_str());
    let err = get_story(json!({"story_id": "s-00000000"})).expect_err("unknown id");
    assert!(err.contains("s-00000000"), "{err}");
}

#[test]
fn search_and_read_articles() {
    let hits = ok(answer(articles::search(
        sample(),
        &args(json!({"query": "eelgrass"})),
    )));
    let n = hits["total"].as_u64().unwrap_or(0);
    assert!(n >= 2, "{hits}");
    for h in hits["articles"].as_array().into_iter().flatten() {
        let id = h["id"].as_str().unwrap_or_default();
        assert!(article_text(id).to_lowercase().contains("eelgrass"), "{id}");
    }
    let err = answer(articles::search(
        sample(),
        &args(json!({"outlet": "Nowhere Gazette"})),
    ))
    .expect_err("unknown outlet");
    assert!(err.contains("Nowhere Gazette"), "{err}");

    // get_article continues a long text from `offset`.
    let id = hits["articles"][0]["id"].as_str().unwrap_or_default();
    let whole = article_text(id);
    let part = ok(answer(articles::get_article(
        sample(),
        &args(json!({"article_id": id, "offset": 10, "max_chars": 50})),
    )));
    let text = part["text"].as_str().unwrap_or_default();
    assert!(whole.chars().skip(10).collect::<String>().starts_with(text));
    // `max_chars` below its floor reads as the floor (200).
    assert!((100..=200).contains(&text.chars().count()), "{part}");
    assert!(
        part["next_offset"].as_u64().is_some_and(|n| n > 10),
        "{part}"
    );
    let err = answer(articles::get_article(
        sample(),
        &args(json!({"article_id": "a-000000000000"})),
    ))
    .expect_err("unknown article");
    assert!(err.contains("a-000000000000"), "{err}");
}

#[test]
fn corpus_info_counts_what_was_loaded() {
    let info = serde_json::to_value(articles::corpus_info(sample())).unwrap_or(Value::Null);
    assert_eq!(info["articles"], 44, "{info}");
    assert!(info.to_string().contains("Harbor Post"));
}

#[test]
fn get_quotes_are_verbatim_at_their_spans_and_merged_across_outlets() {
    let id = story_about("dredge");
    let r = ok(answer(quotes::get_quotes(
        sample(),
        &args(json!({"story_id": id, "limit": 100})),
    )));
    let qs = r["quotes"].as_array().cloned().unwrap_or_default();
    assert!(qs.len() >= 5, "{r}");
    let eelgrass = qs
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("The eelgrass beds are the nursery"))
        })
        .unwrap_or_else(|| panic!("no eelgrass quote in {r}"));
    assert_eq!(eelgrass["speaker"], "Ines Maro");
    // The same words in two outlets: one quote with both appearances.
    assert!(
        eelgrass["appearance_count"].as_u64().unwrap_or(0) >= 2,
        "{eelgrass}"
    );
    for q in &qs {
        for ap in q["appearances"].as_array().into_iter().flatten() {
            let body = article_text(ap["article_id"].as_str().unwrap_or_default());
            for p in ap["pieces"].as_array().into_iter().flatten() {
                let (s, e) = (
                    p[0].as_u64().unwrap_or(0) as usize,
                    p[1].as_u64().unwrap_or(0) as usize,
                );
                let piece = slice_chars(&body, s, e);
                assert!(
                    q["text"].as_str().is_some_and(|t| t.contains(piece)),
                    "piece {piece:?} not in {}",
                    q["text"]
                );
            }
        }
    }
    // A page size out of range is taken to the nearest allowed one (1-50), as list tools do.
    let one = ok(answer(quotes::get_quotes(
        sample(),
        &args(json!({"story_id": id, "limit": 0})),
    )));
    assert_eq!(one["quotes"].as_array().map(Vec::len), Some(1));
    assert!(one["next_cursor"].is_string());
}

#[test]
fn list_speakers_gives_one_person_with_aliases_and_roles() {
    let id = story_about("dredge");
    let r = ok(answer(quotes::list_speakers(
        sample(),
        &args(json!({"story_id": id})),
    )));
    let okafor = r["speakers"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["name"] == "Lina Okafor")
        .unwrap_or_else(|| panic!("no Lina Okafor in {r}"));
    assert!(strs(&okafor["aliases"]).contains(&"Okafor"), "{okafor}");
    assert!(
        strs(&okafor["roles"])
            .iter()
            .any(|r| r.to_lowercase().contains("chair")),
        "{okafor}"
    );
    assert!(
        r["speakers"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|s| s["name"] != "Okafor"),
        "the surname is an alias, not a second speaker: {r}"
    );
}

#[test]
fn compare_views_puts_each_side_where_the_gold_says() {
    let id = story_about("dredge");
    let r = ok(answer(views::compare_views(
        sample(),
        &args(json!({"story_id": id, "detail": "full"})),
    )));
    let side = |name: &str| {
        r["people"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == name)
            .and_then(|p| p["side"].as_str())
            .unwrap_or("absent")
            .to_string()
    };
    assert_eq!(side("Lina Okafor"), "supports", "{r}");
    assert_eq!(side("Ines Maro"), "disputes", "{r}");
    assert_eq!(side("Piet Hollis"), "disputes", "{r}");
    // Each outlet's coverage is there, the first outlet named.
    assert!(r["outlets"].as_array().is_some_and(|o| o.len() >= 4), "{r}");
    assert_eq!(r["first_outlet"], "Harbor Post");
}
