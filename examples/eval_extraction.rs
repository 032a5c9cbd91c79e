//! Body-extraction accuracy on real HTML pages: loads `../shared/eval/extraction/html/*.html.gz`
//! through the full ingestion pipeline (the same code `newsdesk serve` runs) and writes the clean
//! bodies in the benchmark's prediction format, for `score_bodies.py` to score (with each page's
//! metadata beside its body, which the scorer ignores).
//!
//! Run:
//!   cargo run --release --example eval_extraction -- /tmp/newsdesk-extraction.json
//!   python3 ../shared/eval/extraction/score_bodies.py ../shared/eval/extraction/gold.json /tmp/newsdesk-extraction.json

use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

use newsdesk::corpus::Corpus;
use newsdesk::ingest::CorpusSource;

fn main() -> anyhow::Result<()> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/newsdesk-extraction.json".to_string());
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/extraction/html");
    if !shared.is_dir() {
        eprintln!("SKIPPED: {} not found", shared.display());
        return Ok(());
    }
    // Unpack the pages into a scratch corpus folder named like the benchmark ids.
    let dir = std::env::temp_dir().join("newsdesk-eval-extraction");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    for e in std::fs::read_dir(&shared)?.flatten() {
        let name = e.file_name().to_string_lossy().replace(".html.gz", ".html");
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(std::fs::File::open(e.path())?).read_to_end(&mut html)?;
        std::fs::write(dir.join(name), html)?;
    }
    let t = Instant::now();
    let corpus = Corpus::load(&CorpusSource::Paths(vec![dir.clone()]), &|_, _| {})?;
    let secs = t.elapsed().as_secs_f64();
    let mut pred = serde_json::Map::new();
    for a in &corpus.articles {
        let id = a.path.trim_end_matches(".html").to_string();
        // The metadata rides along (the scorer reads only the body), so runs can be compared.
        pred.insert(
            id,
            serde_json::json!({
                "articleBody": a.body,
                "title": a.title, "author": a.author, "published": a.published,
                "outlet": a.outlet, "category": a.category, "tags": a.tags, "url": a.url,
            }),
        );
    }
    for s in &corpus.report.skipped {
        eprintln!("skipped {}: {}", s.path, s.reason);
        pred.insert(
            s.path.trim_end_matches(".html").to_string(),
            serde_json::json!({ "articleBody": "" }),
        );
    }
    std::fs::write(&out, serde_json::to_string(&pred)?)?;
    eprintln!(
        "{} pages in {:.2} s ({:.0} pages/s, all cores, including templates, dedup, index, stories); wrote {out}",
        pred.len(),
        secs,
        pred.len() as f64 / secs
    );
    Ok(())
}
