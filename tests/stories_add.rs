//! Incremental story assignment through the library: an article added to a loaded corpus joins
//! its gold story (or opens a new one when it is about something else), and list_stories (the
//! tool's own code) shows the result at once.

use std::collections::{BTreeSet, HashMap};

use chrono::{Duration, Utc};
use newsdesk::corpus::Corpus;
use newsdesk::ingest::{self, CorpusSource, LoadReport, Loaded};
use newsdesk::model::Article;
use newsdesk::server::stories::{ListStoriesArgs, list_stories};
use serde_json::{Value, json};

fn gold_stories() -> Vec<BTreeSet<String>> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample/gold.json");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(p).expect("sample/gold.json"))
        .expect("gold is JSON");
    gold["stories"]
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
        .collect()
}

fn corpus_of(articles: Vec<Article>) -> Corpus {
    let loaded = Loaded {
        articles,
        report: LoadReport::default(),
    };
    Corpus::from_loaded("test".into(), loaded).expect("corpus builds")
}

/// Source paths of the articles of a story.
fn members(c: &Corpus, story_id: &str) -> BTreeSet<String> {
    c.story(story_id)
        .map(|s| {
            s.members
                .iter()
                .map(|&o| c.articles[o as usize].source_ref())
                .collect()
        })
        .unwrap_or_default()
}

fn list(c: &Corpus, args: Value) -> Value {
    let args: ListStoriesArgs = serde_json::from_value(args).expect("valid arguments");
    serde_json::to_value(list_stories(c, &args).expect("list_stories")).expect("JSON")
}

#[test]
fn each_sample_article_added_back_joins_its_gold_story() {
    let all = ingest::load(&CorpusSource::Sample, &|_, _| {}).articles;
    let gold = gold_stories();
    let story_of: HashMap<&str, &BTreeSet<String>> = gold
        .iter()
        .flat_map(|g| g.iter().map(move |p| (p.as_str(), g)))
        .collect();
    let mut checked = 0;
    for (i, a) in all.iter().enumerate() {
        let path = a.source_ref();
        let Some(want) = story_of.get(path.as_str()) else {
            continue;
        };
        // Articles that others point at as their canonical copy are left in place.
        if want.len() < 2 || !a.duplicates.is_empty() {
            continue;
        }
        let mut rest = all.clone();
        let mut added = rest.remove(i);
        // The remaining copies of a canonical article no longer list this one.
        for r in rest.iter_mut() {
            r.duplicates.retain(|d| *d != added.id);
        }
        added.duplicates.clear();
        let mut c = corpus_of(rest);
        let stories_before = c.story_count();
        let sid = c.add_article(added.clone()).expect("added");
        assert_eq!(&members(&c, &sid), *want, "{path} joins its gold story");
        assert_eq!(c.story_count(), stories_before, "{path}: no new story");
        assert_eq!(
            c.story_id_of_article(&added.id).as_deref(),
            Some(sid.as_str())
        );
        checked += 1;
    }
    assert!(checked >= 20, "checked {checked} articles");
}

#[test]
fn an_unrelated_article_opens_a_new_story_listed_first() {
    let all = ingest::load(&CorpusSource::Sample, &|_, _| {}).articles;
    let mut c = corpus_of(all.clone());
    let before = c.story_count();
    let newest = c.date_range().map(|r| r.1).unwrap_or_else(Utc::now);
    let mut a = all[0].clone();
    a.id = "a-0123456789ab".into();
    a.path = "text/test/added.txt".into();
    a.record = None;
    a.title = Some("Lighthouse keepers of Brennick Isle vote to form a union".into());
    a.body = "The twelve lighthouse keepers of Brennick Isle voted on Thursday to form a union, \
              the first on the island's coast. Keeper Amos Tullery said the vote was unanimous."
        .into();
    a.body_chars = a.body.chars().count();
    a.published = Some(newest + Duration::hours(2));
    a.duplicate_of = None;
    a.duplicates.clear();
    let sid = c.add_article(a.clone()).expect("added");
    assert_eq!(c.story_count(), before + 1);
    assert_eq!(
        members(&c, &sid),
        BTreeSet::from(["text/test/added.txt".to_string()])
    );
    assert!(c.add_article(a).is_err(), "the same id twice is refused");
    // list_stories sees it: newest first, and found by an entity filter.
    let page = list(&c, json!({}));
    assert_eq!(page["stories"][0]["id"], json!(sid));
    assert_eq!(page["total"], json!(before + 1));
    let page = list(&c, json!({ "entity": "tullery" }));
    assert_eq!(page["stories"][0]["id"], json!(sid), "{page}");
    // A near-duplicate of it joins its story whatever its words.
    let mut copy = all[1].clone();
    copy.id = "a-0123456789ac".into();
    copy.duplicate_of = Some("a-0123456789ab".into());
    copy.duplicates.clear();
    assert_eq!(c.add_article(copy).expect("added"), sid);
    assert_eq!(
        c.article("a-0123456789ab").map(|a| a.duplicates.clone()),
        Some(vec!["a-0123456789ac".to_string()])
    );
}
