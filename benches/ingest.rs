//! Ingestion benchmark: articles and MB per second and peak memory for loading (read, clean,
//! index, cluster) real and synthetic corpora. Each workload runs in its own process so the
//! peak-memory figure (VmHWM) is its own.
//!
//! Run: `cargo bench --bench ingest` (all workloads) or `cargo bench --bench ingest -- WORKLOAD`
//! with WORKLOAD one of sample, polnear (JSONL), polnear-text (the same articles as .txt files),
//! html, synthetic-10k, synthetic-100k.

#[path = "common/workloads.rs"]
mod workloads;

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsdesk::corpus::{Corpus, Timings};
use newsdesk::ingest::CorpusSource;

const WORKLOADS: &[&str] = &[
    "sample",
    "polnear",
    "polnear-text",
    "html",
    "synthetic-10k",
    "synthetic-100k",
];

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A deterministic pseudo-random generator (no dependency needed for test data).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

const NOUNS: &[&str] = &[
    "council",
    "harbor",
    "budget",
    "court",
    "ruling",
    "minister",
    "strike",
    "factory",
    "election",
    "bridge",
    "river",
    "school",
    "hospital",
    "union",
    "tariff",
    "port",
    "railway",
    "drought",
    "festival",
    "museum",
    "reactor",
    "vaccine",
    "satellite",
    "bank",
    "market",
    "housing",
    "tunnel",
    "airport",
    "forest",
    "fishery",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "delayed",
    "announced",
    "criticised",
    "defended",
    "expanded",
    "cut",
    "reviewed",
    "opened",
];
const NAMES: &[&str] = &[
    "Lina Okafor",
    "Tomas Ardel",
    "Mira Santos",
    "Jonah Pell",
    "Ada Brenner",
    "Ravi Menon",
    "Greta Lund",
    "Omar Haddad",
];
const OUTLETS: &[&str] = &[
    "Harbor Post",
    "Valley Courier",
    "Metro Ledger",
    "Coastline Daily",
    "North Star Wire",
];

fn synthetic(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newsdesk-bench-synthetic-v2-{n}"));
    let file = dir.join("feed.jsonl");
    if file.exists() {
        return dir;
    }
    let _ = std::fs::create_dir_all(&dir);
    let mut rng = Lcg(42);
    let mut out =
        std::io::BufWriter::new(std::fs::File::create(&file).expect("create synthetic corpus"));
    for i in 0..n {
        // Planted stories of five articles each, about twenty a day, each with its own place name.
        let story = i / 5;
        let place = pseudo_word(story as u64);
        let topic = NOUNS[story % NOUNS.len()];
        let person = NAMES[story % NAMES.len()];
        let title = format!("{person} {} {topic} plan for {place}", rng.pick(VERBS));
        let mut body = String::new();
        for p in 0..5 {
            for _ in 0..4 {
                body.push_str(&format!(
                    "In {place}, the {} {} the {} {} on {} after the {} vote. ",
                    rng.pick(NOUNS),
                    rng.pick(VERBS),
                    topic,
                    rng.pick(NOUNS),
                    ["Monday", "Tuesday", "Friday"][p % 3],
                    rng.pick(NOUNS)
                ));
            }
            body.push_str(&format!(
                "\"We {} the {} today,\" said {}.\n\n",
                rng.pick(VERBS),
                topic,
                person
            ));
        }
        let day = story / 20;
        let published = format!(
            "{:04}-{:02}-{:02}T{:02}:00:00Z",
            2020 + day / 336,
            1 + (day / 28) % 12,
            1 + day % 28,
            i % 24
        );
        let rec = serde_json::json!({
            "title": title,
            "text": body,
            "outlet": rng.pick(OUTLETS),
            "published": published,
        });
        writeln!(out, "{rec}").expect("write synthetic corpus");
    }
    dir
}

/// A made-up place name for story `k` ("Velomar", "Kestrani", ...).
fn pseudo_word(k: u64) -> String {
    const SYL: &[&str] = &[
        "ve", "lo", "mar", "kes", "tra", "ni", "bo", "ran", "dul", "ka", "mi", "sor", "pen", "tu",
        "gal", "rho",
    ];
    let mut x = k.wrapping_mul(2654435761).wrapping_add(12345);
    let mut w = String::new();
    for _ in 0..4 {
        w.push_str(SYL[(x % SYL.len() as u64) as usize]);
        x /= SYL.len() as u64;
    }
    w.push_str(&format!("{}", k % 97));
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn html_pages() -> Option<PathBuf> {
    use std::io::Read;
    let src = shared()?.join("eval/extraction/html");
    let dir = std::env::temp_dir().join("newsdesk-bench-html");
    let _ = std::fs::create_dir_all(&dir);
    for e in std::fs::read_dir(&src).ok()?.flatten() {
        let name = e.file_name().to_string_lossy().replace(".gz", "");
        let target = dir.join(&name);
        if target.exists() {
            continue;
        }
        let mut gz = flate2::read::GzDecoder::new(std::fs::File::open(e.path()).ok()?);
        let mut html = Vec::new();
        gz.read_to_end(&mut html).ok()?;
        std::fs::write(target, html).ok()?;
    }
    Some(dir)
}

/// The PolNeAR train articles as plain-text scrapes (outlet, headline, byline, date, body), one
/// file per article: the plain-text path (scrape cleaning) on real news text.
fn polnear_text() -> Option<PathBuf> {
    let src = std::fs::read_to_string(shared()?.join("eval/polnear/train.jsonl")).ok()?;
    let dir = std::env::temp_dir().join("newsdesk-bench-polnear-text");
    let _ = std::fs::create_dir_all(&dir);
    for (i, line) in src.lines().enumerate() {
        let target = dir.join(format!("{i:04}.txt"));
        if target.exists() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line).ok()?;
        let field = |k: &str| v[k].as_str().unwrap_or_default().to_string();
        let page = format!(
            "{}\n\n{}\n\nBy {}\n{}\n\n{}\n",
            field("publisher"),
            field("title"),
            field("author"),
            field("publication_date"),
            field("text")
        );
        std::fs::write(target, page).ok()?;
    }
    Some(dir)
}

fn run(workload: &str) {
    let src = match workload {
        "sample" => CorpusSource::Sample,
        "polnear" => match shared() {
            Some(s) => CorpusSource::Paths(vec![s.join("eval/polnear/train.jsonl")]),
            None => return println!("{workload}: SKIPPED (../shared not found)"),
        },
        "polnear-text" => match polnear_text() {
            Some(d) => CorpusSource::Paths(vec![d]),
            None => return println!("{workload}: SKIPPED (../shared not found)"),
        },
        "html" => match html_pages() {
            Some(d) => CorpusSource::Paths(vec![d]),
            None => return println!("{workload}: SKIPPED (../shared not found)"),
        },
        "synthetic-10k" => CorpusSource::Paths(vec![synthetic(10_000)]),
        "synthetic-100k" => CorpusSource::Paths(vec![synthetic(100_000)]),
        other => return eprintln!("unknown workload {other}; one of {WORKLOADS:?}"),
    };
    // Several passes over the smaller corpora: this machine's speed varies by a third from one
    // run to the next, so the figures are each stage's median pass, with the range.
    let passes = if workload.starts_with("synthetic") {
        1
    } else {
        7
    };
    let before = peak_rss_mb();
    let mut whole = Vec::new();
    let mut stages: Vec<Timings> = Vec::new();
    let mut last = None;
    for _ in 0..passes {
        drop(last.take());
        let t = Instant::now();
        let opts = newsdesk::corpus::CorpusOptions {
            load: workloads::load_options(),
            ..Default::default()
        };
        let corpus = match Corpus::load_with(&src, &opts, &|_, _| {}) {
            Ok(c) => c,
            Err(e) => return eprintln!("{workload}: load failed: {e:#}"),
        };
        whole.push(t.elapsed());
        stages.push(corpus.timings);
        last = Some(corpus);
    }
    let Some(corpus) = last else { return };
    let n = corpus.articles.len();
    let mb = corpus.report.bytes as f64 / 1e6;
    let secs = median(&whole).as_secs_f64();
    println!(
        "{workload:>15}: {n:>7} articles, {mb:>7.1} MB in {secs:>7.2} s = {:>8.0} articles/s, {:>6.1} MB/s; \
         {} stories; peak RSS {:.0} MB (before load {:.0} MB){}",
        n as f64 / secs,
        mb / secs,
        corpus.story_count(),
        peak_rss_mb(),
        before,
        if passes > 1 {
            format!("; median of {passes} passes")
        } else {
            String::new()
        }
    );
    let rate = |d: Duration| n as f64 / d.as_secs_f64().max(1e-9);
    let of = |f: fn(&Timings) -> Duration| median(&stages.iter().map(f).collect::<Vec<_>>());
    let rci: Vec<Duration> = stages.iter().map(|t| t.read_clean + t.index).collect();
    let slowest = rci.iter().max().copied().unwrap_or_default();
    let fastest = rci.iter().min().copied().unwrap_or_default();
    println!(
        "{:>15}  stages: read+clean {:.2} s ({:.0}/s), index {:.2} s ({:.0}/s), read+clean+index {:.0} articles/s \
         (passes {:.0}-{:.0}); stories {:.2} s, quotes {:.2} s",
        "",
        of(|t| t.read_clean).as_secs_f64(),
        rate(of(|t| t.read_clean)),
        of(|t| t.index).as_secs_f64(),
        rate(of(|t| t.index)),
        rate(median(&rci)),
        rate(slowest),
        rate(fastest),
        of(|t| t.stories).as_secs_f64(),
        of(|t| t.quotes).as_secs_f64(),
    );
}

fn median(xs: &[Duration]) -> Duration {
    let mut v = xs.to_vec();
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn main() {
    workloads::run_workloads(
        WORKLOADS,
        "ingestion (read, decode, clean, deduplicate, index, cluster); NEWSDESK_THREADS=1 (one core)",
        &[("NEWSDESK_THREADS", "1")],
        run,
    );
}
