//! Story benchmark on synthetic news with planted stories: clustering time and peak memory for 10k
//! and 100k articles, the time to add one article to a loaded 100k-article corpus
//! (`Corpus::add_article`), and `list_stories` latency on that corpus (the tool's own code, called
//! in process). Each workload runs in its own process so its peak-memory figure (VmHWM) is its own.
//!
//! Run: `cargo bench --bench stories` (all workloads) or `cargo bench --bench stories -- WORKLOAD`
//! with WORKLOAD one of cluster-10k, cluster-100k, corpus-100k.

#[path = "common/synthetic.rs"]
mod synthetic;
#[path = "common/workloads.rs"]
mod workloads;

use newsdesk::corpus::Corpus;
use newsdesk::ingest::{LoadReport, Loaded};
use newsdesk::server::stories::{ListStoriesArgs, list_stories};
use newsdesk::stories::{self, cluster};
use serde_json::json;
use std::collections::HashMap;
use std::time::Instant;
use synthetic::*;

const WORKLOADS: &[&str] = &["cluster-10k", "cluster-100k", "corpus-100k"];

/// B-cubed precision, recall and F1 of predicted labels against gold labels.
fn bcubed(gold: &[usize], pred: &[usize]) -> (f64, f64, f64) {
    let mut cell: HashMap<(usize, usize), f64> = HashMap::new();
    let mut g: HashMap<usize, f64> = HashMap::new();
    let mut p: HashMap<usize, f64> = HashMap::new();
    for (&a, &b) in gold.iter().zip(pred) {
        *cell.entry((a, b)).or_default() += 1.0;
        *g.entry(a).or_default() += 1.0;
        *p.entry(b).or_default() += 1.0;
    }
    let n = gold.len().max(1) as f64;
    let (mut sp, mut sr) = (0.0, 0.0);
    for (&a, &b) in gold.iter().zip(pred) {
        let c = cell[&(a, b)];
        sp += c / p[&b];
        sr += c / g[&a];
    }
    let (pp, rr) = (sp / n, sr / n);
    (pp, rr, 2.0 * pp * rr / (pp + rr).max(1e-9))
}

fn cluster_workload(n: usize) {
    let (articles, gold) = Synthetic::new(42).corpus(n);
    let base = rss_mb();
    let params = params_from_env();
    let docs: Vec<cluster::Doc<'_>> = articles
        .iter()
        .map(|a| stories::doc_of(a, params.lead_chars))
        .collect();
    let t = Instant::now();
    let done = cluster::cluster_all(&docs, &params);
    let clustering = t.elapsed();
    let (p, r, f) = bcubed(&gold, &done.labels);
    let found = done.clusterer.story_count();
    drop(done);
    drop(docs);
    let t = Instant::now();
    let notes = newsdesk::analysis::annotate::annotate_all(&articles, 1);
    let (list, _) = stories::build_with_state(&articles, &notes, &params);
    let total = t.elapsed();
    let planted = gold.iter().max().map_or(0, |m| m + 1);
    println!(
        "cluster-{}k: {n} articles, {planted} planted stories -> {found} stories \
         (B-cubed vs planted: P {p:.3} R {r:.3} F1 {f:.3}); clustering {:.2} s; \
         annotating, clustering and describing {} stories {:.2} s; RSS with the articles {base:.0} MB, peak {:.0} MB",
        n / 1000,
        clustering.as_secs_f64(),
        list.len(),
        total.as_secs_f64(),
        peak_rss_mb()
    );
}

/// `list_stories` calls of several kinds; each kind's arguments.
fn list_calls(c: &Corpus) -> Vec<(&'static str, serde_json::Value)> {
    let orders = c.story_orders();
    let top = &c.stories[orders.coverage[0] as usize];
    let outlet = top.outlets.first().cloned().unwrap_or_default();
    let entity = top
        .entities
        .first()
        .map(|e| e.0.clone())
        .unwrap_or_default();
    let word = top
        .headline
        .split_whitespace()
        .last()
        .unwrap_or("plan")
        .to_string();
    let day = c
        .date_range()
        .map(|r| r.1.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    vec![
        ("newest (default)", json!({})),
        ("coverage", json!({ "sort": "coverage" })),
        ("trending", json!({ "sort": "trending" })),
        ("full detail", json!({ "detail": "full" })),
        ("min_outlets 3", json!({ "min_outlets": 3 })),
        ("outlet", json!({ "outlet": outlet })),
        ("entity", json!({ "entity": entity })),
        ("tag", json!({ "tag": "bridge" })),
        ("since (last day)", json!({ "since": day })),
        ("query (rare word)", json!({ "query": word })),
        ("query (topic word)", json!({ "query": "harbor" })),
    ]
}

/// Milliseconds (wall time) of one list_stories call.
fn run_list(c: &Corpus, args: &serde_json::Value) -> f64 {
    let args: ListStoriesArgs = serde_json::from_value(args.clone()).expect("valid arguments");
    let t = Instant::now();
    let page = list_stories(c, &args).expect("list_stories");
    let d = t.elapsed();
    std::hint::black_box(page);
    ms(d)
}

fn list_bench(c: &Corpus, rounds: usize) {
    let mut all = Vec::new();
    println!("  list_stories, {rounds} calls of each kind (ms, wall time):");
    for (name, args) in list_calls(c) {
        let mut xs: Vec<f64> = (0..rounds).map(|_| run_list(c, &args)).collect();
        all.extend_from_slice(&xs);
        println!(
            "    {name:<20} p50 {:>7.3}  p99 {:>7.3}",
            percentile(&mut xs, 0.5),
            percentile(&mut xs, 0.99)
        );
    }
    println!(
        "    {:<20} p50 {:>7.3}  p99 {:>7.3}",
        "all kinds",
        percentile(&mut all.clone(), 0.5),
        percentile(&mut all, 0.99)
    );
}

fn corpus_workload(n: usize, adds: usize) {
    let mut synth = Synthetic::new(7);
    let (articles, gold) = synth.corpus(n);
    let t = Instant::now();
    let loaded = Loaded {
        articles,
        report: LoadReport::default(),
    };
    let mut c = match Corpus::from_loaded("synthetic".into(), loaded) {
        Ok(c) => c,
        Err(e) => return eprintln!("corpus-{}k: build failed: {e:#}", n / 1000),
    };
    println!(
        "corpus-{}k: {} articles, {} stories; corpus built (index, stories, quotes) in {:.1} s, peak RSS {:.0} MB",
        n / 1000,
        c.articles.len(),
        c.story_count(),
        t.elapsed().as_secs_f64(),
        peak_rss_mb()
    );
    list_bench(&c, 200);

    // Adds: half are late articles of recent planted stories (published within their stories'
    // 36 hours), half are new events after the end of the corpus.
    let last = c.date_range().map_or(0, |r| r.1.timestamp());
    let recent: Vec<usize> = {
        let mut s: Vec<usize> = gold.iter().rev().take(2000).copied().collect();
        s.dedup();
        s
    };
    let mut times = Vec::with_capacity(adds);
    let (mut join_times, mut new_times) = (Vec::new(), Vec::new());
    let (mut joined_right, mut joins, mut opened, mut news) = (0, 0, 0, 0);
    for i in 0..adds {
        let ord = c.articles.len();
        let (a, story) = if i % 2 == 0 {
            let s = recent[synth.rng.below(recent.len())];
            let offset = synth.rng.below(36 * 3600) as i64;
            (synth.article(s, n + i, offset), Some(s))
        } else {
            let s = synth.plant(last + 600 + 60 * i as i64);
            (synth.article(s, n + i, 0), None)
        };
        let before = c.story_count();
        let t = Instant::now();
        let sid = c.add_article(a);
        let took = ms(t.elapsed());
        times.push(took);
        if story.is_some() {
            join_times.push(took);
        } else {
            new_times.push(took);
        }
        let Ok(sid) = sid else { continue };
        match story {
            Some(s) => {
                joins += 1;
                // Right when the story it joined holds earlier articles of the same planted story.
                let members = c.story_article_ords(&sid).unwrap_or_default();
                if members
                    .iter()
                    .any(|&o| (o as usize) < n && gold[o as usize] == s && o as usize != ord)
                {
                    joined_right += 1;
                }
            }
            None => {
                news += 1;
                if c.story_count() == before + 1 {
                    opened += 1;
                }
            }
        }
    }
    let (p50, p99) = (
        percentile(&mut times.clone(), 0.5),
        percentile(&mut times.clone(), 0.99),
    );
    let max = times.iter().copied().fold(0.0, f64::max);
    if std::env::var_os("STORIES_BENCH_SLOWEST").is_some() {
        let mut slow: Vec<(usize, f64)> = times.iter().copied().enumerate().collect();
        slow.sort_by(|a, b| b.1.total_cmp(&a.1));
        eprintln!(
            "  slowest adds (index, ms): {:?}",
            &slow[..slow.len().min(5)]
        );
    }
    println!(
        "  add one article to the {}k corpus ({adds} adds): p50 {p50:.3} ms, p99 {p99:.3} ms, max {max:.3} ms; \
         {joined_right}/{joins} follow-ups joined their story, {opened}/{news} new events opened a story",
        n / 1000
    );
    println!(
        "    follow-ups (story described again): p50 {:.3} ms, p99 {:.3} ms; new events: p50 {:.3} ms, p99 {:.3} ms",
        percentile(&mut join_times.clone(), 0.5),
        percentile(&mut join_times, 0.99),
        percentile(&mut new_times.clone(), 0.5),
        percentile(&mut new_times, 0.99)
    );
    let t = Instant::now();
    std::hint::black_box(c.story_orders());
    println!(
        "  story orders recomputed after the adds (once, on the next list_stories): {:.1} ms",
        ms(t.elapsed())
    );
    list_bench(&c, 100);
    println!("  peak RSS {:.0} MB", peak_rss_mb());
}

fn run(workload: &str) {
    match workload {
        "cluster-10k" => cluster_workload(10_000),
        "cluster-100k" => cluster_workload(100_000),
        "corpus-100k" => corpus_workload(100_000, 200),
        other => eprintln!("unknown workload {other}; one of {WORKLOADS:?}"),
    }
}

fn main() {
    let header = format!(
        "stories: synthetic news, {PER_DAY} articles a day, planted stories of 1-30 articles"
    );
    workloads::run_workloads(WORKLOADS, &header, &[], run);
}

/// The default clustering parameters, with `NEWSDESK_CLUSTER="name=value ..."` overrides.
fn params_from_env() -> cluster::Params {
    match std::env::var("NEWSDESK_CLUSTER") {
        Ok(spec) => cluster::Params::default()
            .with_overrides(&spec)
            .unwrap_or_else(|e| panic!("NEWSDESK_CLUSTER: {e}")),
        Err(_) => cluster::Params::default(),
    }
}
