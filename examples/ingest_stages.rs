//! Ingestion stages in isolation, for A/B comparisons of two builds: loads a corpus (read, decode,
//! parse, clean, de-duplicate) and builds its search index a number of times and prints the rate of
//! each stage, or prints every loaded article (`dump`) so that two builds' outputs can be diffed.
//! The `ingest` bench gives the published figures; this isolates the two stages it times first.
//!
//! Run: `cargo run --release --example ingest_stages -- PATH [both|read|index|dump] [PASSES]`
//! (PASSES defaults to 10). For one core: `NEWSDESK_THREADS=1 taskset -c 0 ...`.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use newsdesk::index::ArticleIndex;
use newsdesk::ingest::{self, CorpusSource};

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        bail!("usage: ingest_stages PATH [both|read|index|dump] [PASSES]");
    };
    let mode = args.get(1).map_or("both", String::as_str);
    if !matches!(mode, "both" | "read" | "index" | "dump") {
        bail!("unknown mode {mode:?}: one of both, read, index, dump");
    }
    let passes: usize = match args.get(2) {
        Some(n) => n.parse().context("PASSES is a number")?,
        None => 10,
    };
    let src = CorpusSource::Paths(vec![path.into()]);
    let loaded = ingest::load_with(&src, &options(), &|_, _| {});
    if mode == "dump" {
        for a in &loaded.articles {
            println!(
                "{}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}",
                a.id,
                a.duplicate_of,
                a.title,
                a.outlet,
                a.author,
                a.published,
                a.category,
                a.tags,
                a.url,
                a.body
            );
        }
        for s in &loaded.report.skipped {
            println!("skipped\t{}\t{}", s.path, s.reason);
        }
        return Ok(());
    }
    if loaded.articles.is_empty() {
        let why: Vec<&str> = loaded
            .report
            .skipped
            .iter()
            .map(|s| s.reason.as_str())
            .collect();
        bail!("no articles loaded from {path}; skipped: {why:?}");
    }
    let (mut read, mut index) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..passes {
        if mode != "index" {
            let t = Instant::now();
            let again = ingest::load(&src, &|_, _| {});
            read += t.elapsed();
            drop(again);
        }
        if mode != "read" {
            let t = Instant::now();
            let built = ArticleIndex::build(&loaded.articles)?;
            index += t.elapsed();
            drop(built);
        }
    }
    let n = loaded.articles.len() * passes;
    let rate = |d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
    println!(
        "{} articles x {passes} passes: read+clean {:.0}/s, index {:.0}/s",
        loaded.articles.len(),
        if mode == "index" { 0.0 } else { rate(read) },
        if mode == "read" { 0.0 } else { rate(index) },
    );
    Ok(())
}

/// Load options with `NEWSDESK_THREADS` reader threads when it is set (1 measures one core).
fn options() -> newsdesk::ingest::LoadOptions {
    let mut o = newsdesk::ingest::LoadOptions::default();
    if let Some(n) = std::env::var("NEWSDESK_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        o.threads = n;
    }
    o
}
