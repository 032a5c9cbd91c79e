//! Quote-extraction accuracy on PolNeAR (real political news with every attribution annotated):
//! runs the extractor over a split and writes predictions in the format
//! `../shared/eval/polnear/score_quotes.py` reads, one file for direct quotes (direct and partial)
//! and one for reported speech; reports MB of text per second.
//!
//! Run:
//!   cargo run --release --example eval_quotes -- ../shared/eval/polnear/dev.jsonl /tmp/nd-quotes
//!   python3 ../shared/eval/polnear/score_quotes.py ../shared/eval/polnear/dev.jsonl /tmp/nd-quotes-direct.jsonl \
//!       --kinds direct,mixed --require-source --merge-pieces
//!   python3 ../shared/eval/polnear/score_quotes.py ../shared/eval/polnear/dev.jsonl /tmp/nd-quotes-reported.jsonl \
//!       --kinds indirect --require-source --merge-pieces

use std::io::Write;
use std::time::Instant;

#[path = "common/polnear.rs"]
mod polnear;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/eval/polnear/dev.jsonl".into());
    let prefix = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/tmp/nd-quotes".into());
    let Ok(text) = std::fs::read_to_string(&input) else {
        eprintln!("SKIPPED: {input} not found");
        return Ok(());
    };
    let docs: Vec<serde_json::Value> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    let bytes: usize = docs
        .iter()
        .map(|d| d["text"].as_str().map_or(0, str::len))
        .sum();
    let t = Instant::now();
    let results = polnear::extract_all(&docs);
    let secs = t.elapsed().as_secs_f64();
    let n_quotes: usize = results.iter().map(Vec::len).sum();
    let (direct_lines, reported_lines) = polnear::prediction_lines(&docs, results);
    for (suffix, lines) in [("direct", direct_lines), ("reported", reported_lines)] {
        let mut out =
            std::io::BufWriter::new(std::fs::File::create(format!("{prefix}-{suffix}.jsonl"))?);
        for line in lines {
            writeln!(out, "{line}")?;
        }
        out.flush()?;
    }
    eprintln!(
        "{} articles, {:.2} MB, {} quotes in {:.3} s: {:.1} MB/s, {:.0} quotes/s (one core); wrote {prefix}-direct.jsonl and {prefix}-reported.jsonl",
        docs.len(),
        bytes as f64 / 1e6,
        n_quotes,
        secs,
        bytes as f64 / 1e6 / secs,
        n_quotes as f64 / secs
    );
    Ok(())
}
