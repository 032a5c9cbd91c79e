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

use newsdesk::analysis::quotes::{self, QuoteKind};

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
    let mut direct =
        std::io::BufWriter::new(std::fs::File::create(format!("{prefix}-direct.jsonl"))?);
    let mut reported =
        std::io::BufWriter::new(std::fs::File::create(format!("{prefix}-reported.jsonl"))?);
    let (mut bytes, mut n_quotes) = (0usize, 0usize);
    let t = Instant::now();
    let mut results = Vec::with_capacity(docs.len());
    for d in &docs {
        let body = d["text"].as_str().unwrap_or_default();
        bytes += body.len();
        let qs = quotes::extract(body);
        n_quotes += qs.len();
        results.push(qs);
    }
    let secs = t.elapsed().as_secs_f64();
    for (d, qs) in docs.iter().zip(results) {
        let mut dq = Vec::new();
        let mut rq = Vec::new();
        for q in qs {
            let (Some(&first), Some(&last)) = (q.pieces.first(), q.pieces.last()) else {
                continue;
            };
            let mut v = serde_json::json!({
                "text": q.text,
                "start": first.0,
                "end": last.1,
                "spans": q.pieces.iter().map(|p| [p.0, p.1]).collect::<Vec<_>>(),
                "speaker": q.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
            });
            if let Some(m) = &q.mention {
                v["speaker_start"] = m.start.into();
                v["speaker_end"] = m.end.into();
            }
            match q.kind {
                QuoteKind::Reported => rq.push(v),
                _ => dq.push(v),
            }
        }
        writeln!(
            direct,
            "{}",
            serde_json::json!({ "id": d["id"], "quotes": dq })
        )?;
        writeln!(
            reported,
            "{}",
            serde_json::json!({ "id": d["id"], "quotes": rq })
        )?;
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
