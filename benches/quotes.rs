//! Quote-extraction benchmark: quotes extracted per second and MB of article text per second on
//! one core (quotes, speakers, roles and reported speech included), and the same for the names
//! of an article (the name tagger and the grouping into entities), on real news (PolNeAR train,
//! when `../shared` is beside the project), the built-in sample corpus, and one long article dense
//! with quotations (the worst case for the attribution search).
//!
//! Run: `cargo bench --bench quotes` (all workloads) or `cargo bench --bench quotes -- WORKLOAD`
//! with WORKLOAD one of polnear, sample, dense.

#[path = "common/workloads.rs"]
mod workloads;

use std::path::PathBuf;
use std::time::Instant;

use newsdesk::analysis::{entities, quotes};
use newsdesk::corpus::Corpus;
use newsdesk::ingest::CorpusSource;

const WORKLOADS: &[&str] = &["polnear", "sample", "dense"];

/// Passes over each text set; the median pass is reported with the fastest and slowest.
const PASSES: usize = 7;

fn main() {
    workloads::run_workloads(
        WORKLOADS,
        "quote extraction, one core (median pass of 7; min-max in brackets)",
        &[],
        run,
    );
}

fn run(name: &str) {
    let texts = match name {
        "polnear" => {
            let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/eval/polnear/train.jsonl");
            let Ok(raw) = std::fs::read_to_string(&p) else {
                println!("polnear: SKIPPED ({} not found)", p.display());
                return;
            };
            raw.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .filter_map(|d| d["text"].as_str().map(str::to_string))
                .collect::<Vec<_>>()
        }
        "sample" => match Corpus::load(&CorpusSource::Sample, &|_, _| {}) {
            Ok(c) => c.articles.iter().map(|a| a.body.clone()).collect(),
            Err(e) => panic!("sample corpus: {e:#}"),
        },
        "dense" => vec![dense_article(20_000)],
        other => {
            eprintln!("unknown workload {other}; one of {WORKLOADS:?}");
            std::process::exit(2);
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let (lo, med, hi, n) = passes(&texts, |t| quotes::extract(t).len());
    println!(
        "{name}: {} texts, {mb:.2} MB, {n} quotes; {:.1} MB/s [{:.1}-{:.1}], {:.0} quotes/s [{:.0}-{:.0}]",
        texts.len(),
        mb / med,
        mb / hi,
        mb / lo,
        n as f64 / med,
        n as f64 / hi,
        n as f64 / lo,
    );
    let (lo, med, hi, n) = passes(&texts, |t| entities::extract(t).len());
    println!(
        "{name}: names: {n} entities; {:.1} MB/s [{:.1}-{:.1}]",
        mb / med,
        mb / hi,
        mb / lo,
    );
}

/// Runs `f` over every text `PASSES` times: the fastest, median and slowest pass in seconds, and
/// the sum of what `f` counted.
fn passes(texts: &[String], f: impl Fn(&str) -> usize) -> (f64, f64, f64, usize) {
    let mut secs = Vec::with_capacity(PASSES);
    let mut n = 0;
    for _ in 0..PASSES {
        let t = Instant::now();
        n = texts.iter().map(|t| f(t)).sum::<usize>();
        secs.push(t.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    (secs[0], secs[PASSES / 2], secs[PASSES - 1], n)
}

/// One long article of `paras` paragraphs that cycle through the attribution patterns: said X,
/// X said, split quotes, pronoun speakers, according to, reported speech and scare quotes.
fn dense_article(paras: usize) -> String {
    const FIRST: &[&str] = &["Mara", "Tobin", "Ilse", "Corwin", "Neve", "Paulo", "Renata"];
    const LAST: &[&str] = &["Ashgrove", "Belmonte", "Castellan", "Dunmore", "Everly"];
    const ROLE: &[&str] = &["harbour commissioner", "council member", "union organiser"];
    let mut out = String::new();
    for k in 0..paras {
        let name = format!("{} {}", FIRST[k % FIRST.len()], LAST[k / 3 % LAST.len()]);
        let role = ROLE[k % ROLE.len()];
        let p = match k % 6 {
            0 => format!(
                "\u{201C}The dredging plan is costing us {k} hours a week,\u{201D} said {name}, a {role}."
            ),
            1 => format!("{role} {name} said, \u{201C}We will not sign this version.\u{201D}"),
            2 => format!(
                "\u{201C}It is early,\u{201D} {name} said, \u{201C}but the numbers for week {k} look wrong.\u{201D}"
            ),
            3 => "\u{201C}Nobody asked the fishermen,\u{201D} she said.".to_string(),
            4 => format!(
                "According to {name}, the council \u{201C}moved too fast\u{201D} on the {k} permits."
            ),
            _ => format!(
                "{name} warned that the so-called \u{201C}quiet season\u{201D} would end in {k} days."
            ),
        };
        out.push_str(&p);
        out.push_str("\n\n");
    }
    out
}
