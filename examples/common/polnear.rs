//! PolNeAR predictions: runs the quote extractor over PolNeAR records and writes one prediction
//! line per article in the format `../shared/eval/polnear/score_quotes.py` reads. Shared by the
//! `eval_quotes` example and the accuracy test in tests/quotes.rs.

use newsdesk::analysis::quotes::{self, Quote, QuoteKind};
use serde_json::{Value, json};

/// The extracted quotes of each record's `text`, in record order.
pub fn extract_all(docs: &[Value]) -> Vec<Vec<Quote>> {
    docs.iter()
        .map(|d| quotes::extract(d["text"].as_str().unwrap_or_default()))
        .collect()
}

/// Prediction lines for direct quotes (direct and partial) and for reported speech.
pub fn prediction_lines(docs: &[Value], results: Vec<Vec<Quote>>) -> (Vec<Value>, Vec<Value>) {
    let mut direct_lines = Vec::with_capacity(docs.len());
    let mut reported_lines = Vec::with_capacity(docs.len());
    for (d, qs) in docs.iter().zip(results) {
        let mut dq = Vec::new();
        let mut rq = Vec::new();
        for q in qs {
            let (Some(&first), Some(&last)) = (q.pieces.first(), q.pieces.last()) else {
                continue;
            };
            let mut v = json!({
                "text": q.text,
                "start": first.start,
                "end": last.end,
                "spans": q.pieces.iter().map(|p| [p.start, p.end]).collect::<Vec<_>>(),
                "speaker": q.speaker.as_ref().map(|s| s.name.clone()).unwrap_or_default(),
            });
            if let Some(cue) = q.cue {
                v["cue_start"] = cue.start.into();
                v["cue_end"] = cue.end.into();
            }
            if let Some(m) = &q.mention {
                v["speaker_start"] = m.start.into();
                v["speaker_end"] = m.end.into();
            }
            match q.kind {
                QuoteKind::Reported => rq.push(v),
                _ => dq.push(v),
            }
        }
        direct_lines.push(json!({ "id": d["id"], "quotes": dq }));
        reported_lines.push(json!({ "id": d["id"], "quotes": rq }));
    }
    (direct_lines, reported_lines)
}
