//! Hostile-input benchmark: pathological files of about 1 MB each (thousands of nested or unclosed
//! elements, unterminated comments, one enormous paragraph, deep Markdown, endless lines), each
//! read and cleaned (`ingest::load`: decoding, format detection, extraction, cleaning; the search
//! index and stories are not built) in a process of its own. Prints MB/s and the peak memory
//! (VmHWM) the reading added, against the targets of at least 1 MB/s per core and at most 20
//! times the file's size.
//!
//! Run: `cargo bench --bench hostile` (every file) or `cargo bench --bench hostile -- KIND`.

#[path = "common/synthetic.rs"]
mod synthetic;
#[path = "common/workloads.rs"]
mod workloads;

use std::path::PathBuf;
use std::time::Instant;

use newsdesk::ingest::{self, CorpusSource};

const KINDS: &[&str] = &[
    "ordinary-page",
    "nested-divs",
    "nested-tables",
    "unclosed-svg",
    "unterminated-comments",
    "unclosed-scripts",
    "unclosed-nav",
    "unclosed-inline",
    "flat-divs",
    "one-paragraph",
    "less-than-signs",
    "markdown-quotes",
    "markdown-lists",
    "text-short-lines",
    "text-one-line",
];

/// A paragraph of prose, so that every page has an article to find.
const PROSE: &str = "The harbour council approved the new budget on Tuesday after a long debate \
                     about the ferry service, the bridge repairs and the cost of dredging.";

fn page(body: &str) -> String {
    format!(
        "<html><head><title>Hostile page</title></head><body><p>{PROSE}</p>{body}</body></html>"
    )
}

/// The file of one kind, as (file name, contents).
fn file(kind: &str) -> Option<(&'static str, String)> {
    let r = |s: &str, n: usize| s.repeat(n);
    Some(match kind {
        // For comparison: a well-formed page of ordinary paragraphs.
        "ordinary-page" => ("page.html", page(&r(&format!("<p>{PROSE}</p>\n"), 6_000))),
        "nested-divs" => (
            "page.html",
            page(&format!("{}x{}", r("<div>", 100_000), r("</div>", 100_000))),
        ),
        "nested-tables" => ("page.html", page(&r("<table><tr><td>", 60_000))),
        "unclosed-svg" => ("page.html", page(&r("<svg>", 200_000))),
        "unterminated-comments" => ("page.html", page(&r("<!--x", 200_000))),
        "unclosed-scripts" => ("page.html", page(&r("<script>x", 100_000))),
        "unclosed-nav" => ("page.html", page(&r("<nav>a", 150_000))),
        "unclosed-inline" => ("page.html", page(&r("<b><i><a href=x>y", 60_000))),
        "flat-divs" => ("page.html", page(&r("<div>word</div>", 70_000))),
        "one-paragraph" => (
            "page.html",
            page(&format!(
                "<p>{}</p>",
                r("lorem ipsum dolor sit amet. ", 40_000)
            )),
        ),
        "less-than-signs" => ("page.html", page(&r("a < b ", 170_000))),
        "markdown-quotes" => (
            "page.md",
            format!("# Title\n\n{} quote\n\n{PROSE}\n", r(">", 1_000_000)),
        ),
        "markdown-lists" => (
            "page.md",
            format!(
                "# Title\n\n{}\n{PROSE}\n",
                (0..1_000)
                    .map(|i| format!("{}- item\n", r(" ", i * 2)))
                    .collect::<String>()
            ),
        ),
        "text-short-lines" => (
            "page.txt",
            format!("{PROSE}\n{}", r("Short line\n", 90_000)),
        ),
        "text-one-line" => ("page.txt", r("word ", 200_000)),
        _ => return None,
    })
}

fn run(kind: &str) {
    let Some((name, text)) = file(kind) else {
        return eprintln!("unknown kind {kind}; one of {KINDS:?}");
    };
    let dir: PathBuf = std::env::temp_dir().join(format!("newsdesk-hostile-{kind}"));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) =
        std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(dir.join(name), &text))
    {
        return eprintln!("{kind}: cannot write the file: {e}");
    }
    // The file's own bytes, as the reader holds them, count in the figure.
    let before = synthetic::peak_rss_mb();
    let heap_before = workloads::heap_count_from_here();
    let t = Instant::now();
    let loaded = ingest::load_with(
        &CorpusSource::Paths(vec![dir.clone()]),
        &workloads::load_options(),
        &|_, _| {},
    );
    let secs = t.elapsed().as_secs_f64();
    let peak = synthetic::peak_rss_mb();
    let heap = (workloads::heap_peak() - heap_before) as f64 / 1e6;
    let mb = text.len() as f64 / 1e6;
    let outcome = format!(
        "{} article(s), {} skipped",
        loaded.articles.len(),
        loaded.report.skipped.len()
    );
    println!(
        "{kind:<22} {mb:5.2} MB  {secs:7.3} s  {:8.1} MB/s  peak heap +{heap:.0} MB ({:.1} x the file)  peak RSS {peak:6.0} MB ({:.0} MB over the {before:.0} MB before, {:.1} x the file)  {outcome}",
        mb / secs.max(1e-9),
        heap / mb.max(1e-9),
        peak - before,
        (peak - before) / mb.max(1e-9),
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    workloads::run_workloads(
        KINDS,
        "hostile files, each loaded alone in its own process (one reader thread):",
        &[("NEWSDESK_THREADS", "1")],
        run,
    );
}
