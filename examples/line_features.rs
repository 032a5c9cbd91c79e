//! Writes the line model's features (src/ingest/linemodel.rs) for every plain-text page of a
//! folder, one page a JSON line, for `eval/wcxb/train_lines.py` to label and fit. The features
//! come from the same code the cleaner runs, so training and use cannot drift apart.
//!
//! Run: cargo run --release --example line_features -- /tmp/wcxb/w3m > /tmp/lines-w3m.jsonl

use std::io::Write;

use newsdesk::ingest::{linemodel, scrape};

fn main() -> anyhow::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        anyhow::bail!("usage: line_features PAGES-DIR > OUT.jsonl");
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let empty = Default::default();
    for p in paths {
        let bytes = std::fs::read(&p)?;
        let text = String::from_utf8_lossy(&bytes);
        let id = p
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let u = scrape::units_of(&text, &empty);
        let kept = scrape::kept_units(&u);
        let body = linemodel::body_features(&u.units, u.bounds);
        let (cands, title) = linemodel::title_features(&u.units, u.bounds, &kept);
        let units: Vec<_> = u
            .units
            .iter()
            .zip(&body)
            .map(|(x, f)| serde_json::json!({ "text": x.text, "f": f.to_vec() }))
            .collect();
        let titles: Vec<_> = cands
            .iter()
            .zip(&title)
            .map(|(i, f)| serde_json::json!({ "unit": i, "f": f.to_vec() }))
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({ "id": id, "units": units, "titles": titles }),
        )?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
