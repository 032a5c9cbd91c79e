//! Extraction accuracy on a folder of pages from sites never tuned on (WCXB's, see
//! `eval/wcxb/README.md`): loads every file of the folder through the ingestion pipeline (the
//! same code `newsdesk serve` runs), and writes, per page id (the file name without its
//! extension), the clean body and metadata, or the reason the page was skipped, for
//! `eval/wcxb/score.py`.
//!
//! Run (after `eval/wcxb/dump.sh /tmp/wcxb`):
//!   cargo run --release --example eval_pages -- /tmp/wcxb/html /tmp/nd-html.json
//!   python3 eval/wcxb/score.py ../shared/eval/wcxb/dev/ground-truth /tmp/nd-html.json --part held

use std::path::PathBuf;
use std::time::Instant;

use newsdesk::ingest::{CorpusSource, load};

fn page_id(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.split('.').next().unwrap_or(name).to_string()
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(out)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: eval_pages PAGES-DIR OUT.json");
    };
    let dir = PathBuf::from(dir);
    let t = Instant::now();
    let loaded = load(&CorpusSource::Paths(vec![dir]), &|_, _| {});
    let secs = t.elapsed().as_secs_f64();
    let mut pred = serde_json::Map::new();
    for a in &loaded.articles {
        pred.insert(
            page_id(&a.path),
            serde_json::json!({
                "body": a.body,
                "title": a.title,
                "author": a.author,
                "published": a.published_iso(),
                "outlet": a.outlet,
                "page_type": a.page_type.as_str(),
                "skipped": null,
            }),
        );
    }
    for s in &loaded.report.skipped {
        pred.insert(
            page_id(&s.path),
            serde_json::json!({ "body": "", "skipped": s.reason }),
        );
    }
    std::fs::write(&out, serde_json::to_string(&pred)?)?;
    eprintln!(
        "{} pages ({} skipped) read and cleaned in {:.2} s ({:.0} pages/s, all cores); wrote {out}",
        pred.len(),
        loaded.report.skipped.len(),
        secs,
        pred.len() as f64 / secs
    );
    Ok(())
}
