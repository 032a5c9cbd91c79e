//! compare_views benchmark: latency of the tool's own code (called in process, both aspects) on a
//! 100-article story inside a 10k- and a 100k-article corpus of synthetic news, and on a typical
//! and the largest synthetic story of each. The 100-article story is made from the sample
//! corpus's Port Velan dredging story: each copy takes the title and first paragraph of one of its
//! articles, six paragraphs drawn at random from all of them, and three paragraphs of made-up words
//! quoting a made-up person, under its own outlet: one story, with no two copies near-duplicates.
//!
//! Run: `cargo bench --bench views` (both workloads) or `cargo bench --bench views -- WORKLOAD`
//! with WORKLOAD one of corpus-10k, corpus-100k.

#[path = "common/synthetic.rs"]
mod synthetic;
#[path = "common/workloads.rs"]
mod workloads;

use newsdesk::corpus::Corpus;
use newsdesk::ingest::{CorpusSource, LoadReport, Loaded};
use newsdesk::model::Article;
use newsdesk::server::views::{CompareViewsArgs, compare_views};
use serde_json::json;
use std::time::Instant;
use synthetic::*;

const WORKLOADS: &[&str] = &["corpus-10k", "corpus-100k"];
/// Articles in the big story.
const STORY: usize = 100;

/// Article id of copy `k` (spread like the ids of real articles, which are hashes).
fn copy_id(k: usize) -> String {
    format!(
        "a-{:012x}",
        ((k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 16) & 0xffff_ffff_ffff
    )
}

/// The big story's articles, made from the sample corpus's dredging story.
fn big_story(rng: &mut Lcg) -> Vec<Article> {
    let sample = match Corpus::load(&CorpusSource::Sample, &|_, _| {}) {
        Ok(c) => c,
        Err(e) => panic!("sample corpus: {e:#}"),
    };
    let members: Vec<Article> = sample
        .articles
        .iter()
        .filter(|a| a.source_ref().contains("velan-dredging") && a.duplicate_of.is_none())
        .cloned()
        .collect();
    assert!(!members.is_empty(), "the dredging story is in the sample");
    // Every paragraph after the first of every article: what the copies report.
    let pool: Vec<&str> = members
        .iter()
        .flat_map(|a| a.body.split("\n\n").skip(1))
        .collect();
    (0..STORY)
        .map(|k| {
            let base = &members[k % members.len()];
            let mut paras: Vec<String> = base
                .body
                .split("\n\n")
                .take(1)
                .map(str::to_string)
                .collect();
            let mut left = pool.clone();
            for _ in 0..6.min(left.len()) {
                paras.push(left.remove(rng.below(left.len())).to_string());
            }
            let who = format!(
                "{} {}",
                capitalised(&pseudo_word(900 + k as u64)),
                capitalised(&pseudo_word(7_000 + k as u64))
            );
            for p in 0..3 {
                let words: Vec<String> = (0..14)
                    .map(|i| pseudo_word((k * 97 + p * 31 + i) as u64 + 60_000))
                    .collect();
                // After the lead, where an outlet adds its own reporting.
                let lead = 3.min(paras.len());
                let at = lead + rng.below(paras.len() - lead + 1);
                paras.insert(
                    at.min(paras.len()),
                    format!(
                        "\"{} {},\" said {who}, who chairs the {} committee.",
                        capitalised(&words[..7].join(" ")),
                        words[7..].join(" "),
                        capitalised(&words[3])
                    ),
                );
            }
            let body = paras.join("\n\n");
            let mut a = base.clone();
            a.id = copy_id(k);
            a.path = format!("bench/velan-{k}.txt");
            a.record = None;
            a.outlet = Some(format!("Bench Outlet {k}"));
            a.published = base
                .published
                .map(|t| t + chrono::Duration::minutes(k as i64));
            a.body_chars = body.chars().count();
            a.body = body;
            a.duplicate_of = None;
            a.duplicates = vec![];
            a
        })
        .collect()
}

/// Latency of compare_views on one story, per aspect and detail; prints p50/p99 over `rounds`.
fn time_views(c: &Corpus, story_id: &str, label: &str, rounds: usize) {
    let size = c.story(story_id).map_or(0, |s| s.members.len());
    for (aspect, detail) in [
        ("both", "concise"),
        ("both", "full"),
        ("people", "concise"),
        ("outlets", "concise"),
    ] {
        let args: CompareViewsArgs = match serde_json::from_value(
            json!({ "story_id": story_id, "aspect": aspect, "detail": detail }),
        ) {
            Ok(a) => a,
            Err(e) => panic!("arguments: {e}"),
        };
        let mut times = Vec::with_capacity(rounds);
        let mut people = 0;
        for _ in 0..rounds {
            let t = Instant::now();
            let out = compare_views(c, &args);
            times.push(ms(t.elapsed()));
            if let Ok(v) = std::hint::black_box(out) {
                people = v.people.len();
            }
        }
        println!(
            "  {label} ({size} articles, {people} people): aspect {aspect}, {detail}: \
             p50 {:.2} ms, p99 {:.2} ms",
            percentile(&mut times.clone(), 0.5),
            percentile(&mut times, 0.99),
        );
    }
}

/// The story holding most of the big story's articles.
fn big_story_id(c: &Corpus) -> String {
    let mut votes: std::collections::HashMap<String, usize> = Default::default();
    for k in 0..STORY {
        if let Some(s) = c.story_id_of_article(&copy_id(k)) {
            *votes.entry(s).or_default() += 1;
        }
    }
    votes
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| s)
        .unwrap_or_default()
}

fn build(articles: Vec<Article>) -> Corpus {
    let loaded = Loaded {
        articles,
        report: LoadReport::default(),
    };
    match Corpus::from_loaded("bench".into(), loaded) {
        Ok(c) => c,
        Err(e) => panic!("corpus: {e:#}"),
    }
}

fn corpus_workload(n: usize) {
    let mut synth = Synthetic::new(7);
    let (mut articles, _) = synth.corpus(n - STORY);
    articles.extend(big_story(&mut synth.rng));
    let t = Instant::now();
    let c = build(articles);
    println!(
        "corpus-{}k: {} articles, {} stories; built in {:.1} s, peak RSS {:.0} MB",
        n / 1000,
        c.articles.len(),
        c.story_count(),
        t.elapsed().as_secs_f64(),
        peak_rss_mb()
    );
    let id = big_story_id(&c);
    time_views(&c, &id, "100-article story", 50);
    // A typical story (median size of the stories with two or more articles) and the largest.
    let mut sized: Vec<(usize, String)> = c
        .story_orders()
        .coverage
        .iter()
        .filter_map(|&i| {
            let s = c.stories.get(i as usize)?;
            (s.members.len() >= 2).then(|| (s.members.len(), s.id.clone()))
        })
        .collect();
    sized.sort();
    if let Some((_, median)) = sized.get(sized.len() / 2) {
        time_views(&c, median, "median story", 200);
    }
    if let Some((_, largest)) = sized.iter().rev().find(|(_, s)| *s != id) {
        time_views(&c, largest, "largest synthetic story", 50);
    }
    println!("  peak RSS {:.0} MB", peak_rss_mb());
}

fn run(workload: &str) {
    match workload {
        "corpus-10k" => corpus_workload(10_000),
        "corpus-100k" => corpus_workload(100_000),
        other => eprintln!("unknown workload {other}; one of {WORKLOADS:?}"),
    }
}

fn main() {
    workloads::run_workloads(WORKLOADS, "", &[], run);
}
