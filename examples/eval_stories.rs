//! Story-clustering accuracy on real news: pairwise and B-cubed precision, recall and F1 against
//! gold story labels. Loads a JSONL corpus through the full pipeline (the same code the server
//! runs), reads each record's gold label from a field of the same file (or from a separate labels
//! file of `{"id", "story"}` lines), and scores the predicted stories.
//!
//! Run:
//!   cargo run --release --example eval_stories -- ../shared/eval/stories/uci-headlines.jsonl story
//!
//! `--part tune|held` (after the other arguments) keeps only the records of one half of the
//! topics, for sets with a numeric `topic` field (ECB+): topics 1, 5, 9, ... (topic % 4 == 1) are
//! the part rules and parameters were tuned on, topics 3, 7, 11, ... (topic % 4 == 3) are held
//! out. The part is loaded as a corpus of its own.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use newsdesk::corpus::Corpus;
use newsdesk::ingest::CorpusSource;

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let part = match args.iter().position(|a| a == "--part") {
        Some(k) => {
            let p = args.get(k + 1).cloned().unwrap_or_default();
            if p != "tune" && p != "held" {
                anyhow::bail!("--part takes tune or held, got {p:?}");
            }
            args.drain(k..(k + 2).min(args.len()));
            Some(p)
        }
        None => None,
    };
    let Some(mut path) = args.first().map(PathBuf::from) else {
        eprintln!(
            "usage: eval_stories CORPUS.jsonl GOLD-FIELD | eval_stories CORPUS.jsonl --labels LABELS.jsonl"
        );
        return Ok(());
    };
    if !path.exists() {
        eprintln!("SKIPPED: {} not found", path.display());
        return Ok(());
    }
    // Gold labels by JSONL line number.
    let mut text = std::fs::read_to_string(&path)?;
    let mut _part_file = None;
    if let Some(part) = &part {
        let want = if part == "tune" { 1 } else { 3 };
        text = text
            .lines()
            .filter(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()
                    .and_then(|v| v.get("topic").and_then(|t| t.as_u64()))
                    .is_some_and(|t| t % 4 == want)
            })
            .map(|l| format!("{l}\n"))
            .collect();
        let tmp =
            std::env::temp_dir().join(format!("eval_stories_{part}_{}.jsonl", std::process::id()));
        std::fs::write(&tmp, &text)?;
        path = tmp.clone();
        _part_file = Some(TempFile(tmp));
    }
    let mut gold: HashMap<u32, String> = HashMap::new();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let field = args.get(1).cloned().unwrap_or_else(|| "story".into());
    for (i, line) in text.lines().enumerate() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let n = i as u32 + 1;
        if let Some(id) = v.get("id").and_then(|x| x.as_str()) {
            ids.insert(id.to_string(), n);
        }
        if field != "--labels"
            && let Some(s) = v.get(&field).and_then(|x| x.as_str())
        {
            gold.insert(n, s.to_string());
        }
    }
    if field == "--labels" {
        let labels = std::fs::read_to_string(args.get(2).map(String::as_str).unwrap_or_default())?;
        for line in labels.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let (Some(id), Some(s)) = (
                v.get("id").and_then(|x| x.as_str()),
                v.get("story").and_then(|x| x.as_str()),
            ) && let Some(&n) = ids.get(id)
            {
                gold.insert(n, s.to_string());
            }
        }
    }
    let t = Instant::now();
    // NEWSDESK_CLUSTER="name=value ..." overrides clustering parameters, as `--cluster` does.
    let mut opts = newsdesk::corpus::CorpusOptions::default();
    if let Ok(spec) = std::env::var("NEWSDESK_CLUSTER") {
        opts.cluster = opts
            .cluster
            .with_overrides(&spec)
            .map_err(|e| anyhow::anyhow!("NEWSDESK_CLUSTER: {e}"))?;
    }
    let corpus = Corpus::load_with(&CorpusSource::Paths(vec![path.clone()]), &opts, &|_, _| {})?;
    eprintln!(
        "{} articles, {} stories in {:.2} s",
        corpus.articles.len(),
        corpus.story_count(),
        t.elapsed().as_secs_f64()
    );
    let mut pred: HashMap<u32, u32> = HashMap::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        if let (Some(n), Some(s)) = (a.record, corpus.story_index_of(i as u32)) {
            pred.insert(n, s);
        }
    }
    let items: Vec<u32> = gold
        .keys()
        .copied()
        .filter(|n| pred.contains_key(n))
        .collect();
    if let Ok(dump) = std::env::var("EVAL_STORIES_DUMP") {
        // For error analysis: one "line<TAB>gold<TAB>predicted story" row per record (gold "-"
        // when the record has no label).
        let mut lines: Vec<u32> = pred.keys().copied().collect();
        lines.sort_unstable();
        let rows: String = lines
            .iter()
            .map(|n| {
                let g = gold.get(n).map_or("-", String::as_str);
                format!("{n}\t{g}\t{}\n", pred[n])
            })
            .collect();
        std::fs::write(&dump, rows)?;
    }
    let (p, r, f) = bcubed(&items, &gold, &pred);
    let (pp, pr, pf) = pairwise(&items, &gold, &pred);
    println!(
        "items {}: B-cubed P {p:.3} R {r:.3} F1 {f:.3}; pairwise P {pp:.3} R {pr:.3} F1 {pf:.3}",
        items.len()
    );
    Ok(())
}

/// A file removed when dropped.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn bcubed(items: &[u32], gold: &HashMap<u32, String>, pred: &HashMap<u32, u32>) -> (f64, f64, f64) {
    let mut by_gold: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut by_pred: HashMap<u32, Vec<u32>> = HashMap::new();
    for &i in items {
        by_gold.entry(gold[&i].as_str()).or_default().push(i);
        by_pred.entry(pred[&i]).or_default().push(i);
    }
    let (mut p, mut r) = (0.0, 0.0);
    for &i in items {
        let pc = &by_pred[&pred[&i]];
        let gc = &by_gold[gold[&i].as_str()];
        let both = pc.iter().filter(|j| gold[j] == gold[&i]).count() as f64;
        p += both / pc.len() as f64;
        r += both / gc.len() as f64;
    }
    let n = items.len().max(1) as f64;
    let (p, r) = (p / n, r / n);
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}

fn pairwise(
    items: &[u32],
    gold: &HashMap<u32, String>,
    pred: &HashMap<u32, u32>,
) -> (f64, f64, f64) {
    let mut by_gold: HashMap<&str, u64> = HashMap::new();
    let mut by_pred: HashMap<u32, u64> = HashMap::new();
    let mut by_both: HashMap<(&str, u32), u64> = HashMap::new();
    for &i in items {
        *by_gold.entry(gold[&i].as_str()).or_default() += 1;
        *by_pred.entry(pred[&i]).or_default() += 1;
        *by_both.entry((gold[&i].as_str(), pred[&i])).or_default() += 1;
    }
    let pairs = |m: &mut dyn Iterator<Item = u64>| {
        m.map(|n| n * n.saturating_sub(1) / 2).sum::<u64>() as f64
    };
    let tp = pairs(&mut by_both.values().copied());
    let pp = pairs(&mut by_pred.values().copied());
    let gp = pairs(&mut by_gold.values().copied());
    let (p, r) = (
        if pp > 0.0 { tp / pp } else { 1.0 },
        if gp > 0.0 { tp / gp } else { 1.0 },
    );
    (
        p,
        r,
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    )
}
