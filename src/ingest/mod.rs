//! Ingestion: raw corpus files in, clean articles out, with a load report that names every file
//! it could not use and why.
//!
//! Steps: list and read files ([`source`]), decode and detect the format ([`detect`]), parse each
//! format ([`scrape`], [`html`], [`markdown`], [`records`]), learn each site's template lines
//! ([`templates`]), clean ([`clean`]), normalise metadata ([`meta`]), and mark near-duplicates
//! ([`dedup`]).

pub mod budget;
pub mod clean;
pub mod dedup;
pub mod detect;
pub mod extract;
pub mod html;
pub mod linemodel;
pub mod markdown;
pub mod meta;
pub mod pagemeta;
pub mod records;
pub mod sample;
pub mod scrape;
pub mod source;
pub mod templates;

use crate::model::{Article, Format, article_id};
use meta::RawMeta;
use serde::Serialize;
use source::Entry;
use std::collections::HashMap;
use std::path::PathBuf;

/// A file, or one record of a file, that was not loaded.
#[derive(Clone, Debug, Serialize)]
pub struct Skipped {
    /// Path relative to the corpus root.
    pub path: String,
    /// Line (JSONL) or record number (JSON array), when only part of the file was skipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u32>,
    /// Why it was skipped.
    pub reason: String,
}

/// Something worth knowing about a file that was loaded (a guessed encoding, say).
#[derive(Clone, Debug, Serialize)]
pub struct Note {
    pub path: String,
    pub note: String,
}

/// A canonical article and its near-duplicate copies.
#[derive(Clone, Debug, Serialize)]
pub struct DuplicateGroup {
    pub canonical: String,
    pub copies: Vec<String>,
}

/// What a load did.
#[derive(Clone, Debug, Default, Serialize)]
pub struct LoadReport {
    /// Files seen.
    pub files: usize,
    /// Bytes read.
    pub bytes: u64,
    /// Articles loaded (canonical copies and duplicates).
    pub articles: usize,
    pub skipped: Vec<Skipped>,
    pub notes: Vec<Note>,
    pub duplicates: Vec<DuplicateGroup>,
}

/// The result of a load.
pub struct Loaded {
    pub articles: Vec<Article>,
    pub report: LoadReport,
}

/// What to load.
#[derive(Clone, Debug)]
pub enum CorpusSource {
    /// The built-in sample corpus.
    Sample,
    /// Folders (searched recursively) or files on disk.
    Paths(Vec<PathBuf>),
}

/// Parsed but not yet cleaned content of one article.
enum Content {
    /// A plain-text page scrape, cleaned as a whole page.
    Scrape(String),
    /// Paragraphs from a structured format, cleaned paragraph by paragraph.
    Paragraphs(Vec<String>),
}

struct Parsed {
    rel: String,
    record: Option<u32>,
    format: Format,
    meta: RawMeta,
    content: Content,
    /// Size of the file it came from, and the time reading and parsing that file took: the
    /// cleaning gets what is left of the file's budget.
    file_bytes: u64,
    spent: std::time::Duration,
}

/// How a load reads its files. The command line sets them; everything else takes the default.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Reader threads, 1 to 8 (default: the machine's cores). Benchmarks use 1 to measure one core.
    pub threads: usize,
    /// The time a file may take before it is skipped.
    pub file_budget: budget::FileBudget,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            file_budget: budget::FileBudget::default(),
        }
    }
}

/// The folder of a relative path: pages in one folder are taken to share a site template.
fn site_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Lists what to load.
pub fn entries(src: &CorpusSource) -> (Vec<Entry>, Vec<Skipped>) {
    match src {
        CorpusSource::Sample => (sample::entries(), Vec::new()),
        CorpusSource::Paths(paths) => {
            let mut out = Vec::new();
            let mut skipped = Vec::new();
            let several = paths.len() > 1;
            for p in paths {
                let prefix = several.then(|| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default()
                });
                match source::list_files(p, prefix.as_deref()) {
                    Ok(files) => out.extend(files),
                    Err(reason) => skipped.push(Skipped {
                        path: p.display().to_string(),
                        record: None,
                        reason,
                    }),
                }
            }
            (out, skipped)
        }
    }
}

/// Loads a corpus. `progress` is called with (files done, files total) as files are parsed.
pub fn load(src: &CorpusSource, progress: &(dyn Fn(usize, usize) + Sync)) -> Loaded {
    load_with(src, &LoadOptions::default(), progress)
}

/// [`load`] with options: reader threads and each file's time budget.
pub fn load_with(
    src: &CorpusSource,
    opts: &LoadOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Loaded {
    let (mut entries, mut skipped) = entries(src);
    let total = entries.len();
    let mut report = LoadReport {
        files: total,
        ..Default::default()
    };

    // Read and parse, in parallel over the machine's cores.
    let threads = opts.threads.clamp(1, 8);
    let done = std::sync::atomic::AtomicUsize::new(0);
    // Largest files first, so that no core is left with a large one at the end (HTML pages differ
    // in size by a factor of 100). The results do not depend on it: they are sorted by path below.
    if threads > 1 {
        entries.sort_by_cached_key(|e| std::cmp::Reverse(e.size()));
    }
    type Part = (Vec<Parsed>, Vec<Skipped>, Vec<Note>, u64);
    let parts: Vec<Part> = crate::par::map(entries, threads, |e| {
        let mut part: Part = Default::default();
        // A library panicking on one strange page, or a page that runs past its time budget,
        // costs that file, named in the report, not the load.
        let rel = e.rel().to_string();
        let bytes = e.size();
        let limit = opts.file_budget.for_size(bytes);
        let started = std::time::Instant::now();
        let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _deadline = budget::Deadline::start(limit);
            parse_entry(e, &mut part.0, &mut part.1, &mut part.2, &mut part.3)
        }));
        if let Err(payload) = parsed {
            part.0.clear();
            part.1.push(Skipped {
                path: rel,
                record: None,
                reason: if budget::is_over_budget(payload.as_ref()) {
                    budget::reason(limit, bytes)
                } else {
                    "the extractor failed on this file (an internal error, logged above)"
                        .to_string()
                },
            });
        }
        let spent = started.elapsed();
        for p in &mut part.0 {
            (p.file_bytes, p.spent) = (bytes, spent);
        }
        progress(
            done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1,
            total,
        );
        part
    });
    let mut parsed = Vec::new();
    for (p, s, n, b) in parts {
        parsed.extend(p);
        skipped.extend(s);
        report.notes.extend(n);
        report.bytes += b;
    }
    parsed.sort_by(|a, b| (&a.rel, a.record).cmp(&(&b.rel, b.record)));

    // Site templates.
    let mut stats = templates::TemplateStats::default();
    for p in &parsed {
        match &p.content {
            Content::Scrape(t) => stats.add_page(site_of(&p.rel), t.lines()),
            Content::Paragraphs(ps) => {
                stats.add_page(site_of(&p.rel), ps.iter().map(String::as_str))
            }
        }
    }
    let templates = stats.templates();
    let empty = templates::Template::default();

    // Clean and normalise, on the same threads (each article on its own: the templates are known).
    let mut articles = Vec::with_capacity(parsed.len());
    let finished = crate::par::map(parsed, threads, |p| {
        let (rel, record) = (p.rel.clone(), p.record);
        let templ = templates.get(site_of(&p.rel)).unwrap_or(&empty);
        let limit = opts.file_budget.for_size(p.file_bytes);
        let left = limit.saturating_sub(p.spent);
        let bytes = p.file_bytes;
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _deadline = budget::Deadline::start(left);
            finish(p, templ)
        }))
        .unwrap_or_else(|payload| {
            Err(Skipped {
                path: rel,
                record,
                reason: if budget::is_over_budget(payload.as_ref()) {
                    budget::reason(limit, bytes)
                } else {
                    "cleaning failed on this article (an internal error, logged above)".to_string()
                },
            })
        })
    });
    for f in finished {
        match f {
            Ok(a) => articles.push(a),
            Err(s) => skipped.push(s),
        }
    }
    mark_duplicates(&mut articles, &mut report);
    skipped.sort_by(|a, b| (&a.path, a.record).cmp(&(&b.path, b.record)));
    report.skipped = skipped;
    report.notes.sort_by(|a, b| a.path.cmp(&b.path));
    report.articles = articles.len();
    Loaded { articles, report }
}

/// Reads one file held in memory, named `rel` (its extension counts in format detection), through
/// the same steps as a load (decode, detect, extract, clean) on this thread, without the panic
/// guard a load puts around each file: the fuzz targets and hostile-input checks call it, so that
/// a panic shows. Returns its articles and what was skipped.
pub fn read_one(rel: &str, bytes: Vec<u8>) -> (Vec<Article>, Vec<Skipped>) {
    let entry = Entry::Memory(source::SourceFile {
        rel: rel.to_string(),
        bytes,
    });
    let (mut parsed, mut skipped, mut notes, mut n) = (Vec::new(), Vec::new(), Vec::new(), 0);
    parse_entry(entry, &mut parsed, &mut skipped, &mut notes, &mut n);
    let empty = templates::Template::default();
    let mut articles = Vec::new();
    for p in parsed {
        match finish(p, &empty) {
            Ok(a) => articles.push(a),
            Err(s) => skipped.push(s),
        }
    }
    (articles, skipped)
}

/// Reads, decodes and parses one file into zero or more articles' content.
fn parse_entry(
    e: Entry,
    out: &mut Vec<Parsed>,
    skipped: &mut Vec<Skipped>,
    notes: &mut Vec<Note>,
    bytes: &mut u64,
) {
    let rel = e.rel().to_string();
    let skip = |reason: String| Skipped {
        path: rel.clone(),
        record: None,
        reason,
    };
    let file = match source::read_entry(e) {
        Ok(f) => f,
        Err(reason) => return skipped.push(skip(reason)),
    };
    *bytes += file.bytes.len() as u64;
    budget::check();
    let decoded = match source::decode(&file.bytes) {
        Ok(d) => d,
        Err(reason) => return skipped.push(skip(reason)),
    };
    if let Some(note) = decoded.note {
        notes.push(Note {
            path: rel.clone(),
            note,
        });
    }
    let text = decoded.text;
    budget::check();
    let format = detect::detect(&rel, &text);
    let one = |meta, content| Parsed {
        rel: rel.clone(),
        record: None,
        format,
        meta,
        content,
        file_bytes: 0,
        spent: Default::default(),
    };
    match format {
        Format::Text => out.push(one(RawMeta::default(), Content::Scrape(text))),
        Format::Html => {
            let (meta, paras) = html::extract_page(&text);
            // When the HTML extractor finds no article, the page's whole text goes through the
            // plain-text cleaner instead: a page is lost only when neither finds prose.
            let content = if has_text(&paras) {
                Content::Paragraphs(paras)
            } else {
                Content::Scrape(html::html_fragment_paragraphs(&text).join("\n"))
            };
            out.push(one(meta, content));
        }
        Format::Markdown => {
            let (meta, paras) = markdown::parse(&text);
            out.push(one(meta, Content::Paragraphs(paras)));
        }
        Format::Json => match serde_json::from_str::<serde_json::Value>(&text) {
            Err(e) => skipped.push(skip(format!("malformed JSON: {e}"))),
            Ok(v) => {
                let recs = records::records_of(v);
                let numbered = recs.len() > 1;
                for (i, r) in recs.iter().enumerate() {
                    budget::check();
                    let record = numbered.then_some(i as u32 + 1);
                    match records::read_record(r) {
                        Ok(rec) => out.push(Parsed {
                            rel: rel.clone(),
                            record,
                            format,
                            meta: rec.meta,
                            content: Content::Paragraphs(rec.paragraphs),
                            file_bytes: 0,
                            spent: Default::default(),
                        }),
                        Err(reason) => skipped.push(Skipped {
                            path: rel.clone(),
                            record,
                            reason,
                        }),
                    }
                }
            }
        },
        Format::Jsonl => {
            for (i, line) in text.lines().enumerate() {
                budget::check();
                let record = Some(i as u32 + 1);
                if line.trim().is_empty() {
                    continue;
                }
                let rec = records::parse_record_line(line)
                    .map_err(|e| format!("malformed JSON line: {e}"))
                    .and_then(|v| records::read_record(&v));
                match rec {
                    Ok(rec) => out.push(Parsed {
                        rel: rel.clone(),
                        record,
                        format,
                        meta: rec.meta,
                        content: Content::Paragraphs(rec.paragraphs),
                        file_bytes: 0,
                        spent: Default::default(),
                    }),
                    Err(reason) => skipped.push(Skipped {
                        path: rel.clone(),
                        record,
                        reason,
                    }),
                }
            }
        }
    }
}

/// Cleans a structured format's paragraphs: drops furniture and template paragraphs, cuts at a
/// footer marker near the end and after a header marker near the start. Returns the paragraphs
/// and the outlet named by a "Source: X" credit, if any.
pub fn clean_paragraphs(
    paras: Vec<String>,
    template: &templates::Template,
) -> (Vec<String>, Option<String>) {
    use clean::Kind;
    let mut credit = None;
    let n = paras.len();
    let mut start = 0;
    let mut end = n;
    let mut kinds = Vec::with_capacity(n);
    for (i, p) in paras.iter().enumerate() {
        let k = if templates::is_template(template, p) {
            Kind::Junk
        } else {
            clean::classify(p)
        };
        if i * 10 >= n * 6
            && let Some(c) = meta::credit_of(p)
        {
            credit = Some(c);
            end = end.min(i);
        }
        if k == Kind::HeaderEnd && i * 10 < n * 3 {
            start = i + 1;
        }
        if k == Kind::FooterStart && i * 10 >= n * 6 && end == n {
            end = i;
        }
        kinds.push(k);
    }
    let mut out = Vec::new();
    for (i, p) in paras.into_iter().enumerate() {
        if i < start
            || i >= end
            || matches!(kinds[i], Kind::Junk | Kind::HeaderEnd | Kind::FooterStart)
        {
            continue;
        }
        for part in clean::repair_glue(&p).split("\n\n") {
            let t = part.trim();
            if !t.is_empty() {
                out.push(t.to_string());
            }
        }
    }
    (out, credit)
}

/// Whether paragraphs hold any article text.
fn has_text(ps: &[String]) -> bool {
    ps.iter()
        .any(|p| crate::text::has_words(p, 5) || crate::text::cjk_chars(p) >= 10)
}

/// Turns parsed content into a clean article.
fn finish(p: Parsed, template: &templates::Template) -> Result<Article, Skipped> {
    budget::check();
    let mut meta = p.meta;
    let paragraphs = match p.content {
        Content::Scrape(text) => {
            let mut s = scrape::clean_scrape(&text, template);
            // A page whose every sentence its site's other pages share (the same article saved
            // twice, say) would lose all its text to the template: it is cleaned without it.
            if !has_text(&s.paragraphs) && !template.is_empty() {
                budget::check();
                s = scrape::clean_scrape(&text, &templates::Template::default());
            }
            meta.fill_from(s.meta);
            s.paragraphs
        }
        Content::Paragraphs(ps) => {
            let (mut out, mut credit) = clean_paragraphs(ps.clone(), template);
            if !has_text(&out) && !template.is_empty() {
                (out, credit) = clean_paragraphs(ps, &templates::Template::default());
            }
            let ps = out;
            if let Some(c) = credit {
                if meta
                    .outlet
                    .as_deref()
                    .is_some_and(|o| !o.eq_ignore_ascii_case(&c))
                {
                    meta.via = meta.via.or(meta.outlet.take());
                }
                meta.outlet = Some(c);
            }
            ps
        }
    };
    // A title repeated as the first paragraph is not body text.
    let mut paragraphs = paragraphs;
    if let (Some(t), Some(first)) = (&meta.title, paragraphs.first())
        && templates::norm_line(t) == templates::norm_line(first)
    {
        paragraphs.remove(0);
    }
    let body = paragraphs.join("\n\n");
    // Feed records may carry only a headline (a headline feed): kept, with an empty body.
    let headline_only = matches!(p.format, Format::Json | Format::Jsonl)
        && body.trim().is_empty()
        && meta
            .title
            .as_deref()
            .is_some_and(|t| crate::text::has_words(t, 3));
    if !has_text(std::slice::from_ref(&body)) && !headline_only {
        return Err(Skipped {
            path: p.rel,
            record: p.record,
            reason: "no article text found after removing page furniture".into(),
        });
    }
    let url = meta.url.filter(|u| u.starts_with("http"));
    let outlet = meta::clean_name(meta.outlet).or_else(|| url.as_deref().and_then(meta::host_of));
    // A one-word byline that names the site itself (its name, or its web address's name) is the
    // publisher, not an author: "GitHub" on github.com, "Instructables", "CDC" on cdc.gov. A
    // person's name on their own site ("Ana Ruiz" on anaruiz.net) stays.
    let author = meta
        .author
        .as_deref()
        .and_then(meta::author_name)
        .filter(|a| {
            let key = crate::text::alnum_key;
            if a.split_whitespace().count() > 1 {
                return true;
            }
            let a = key(a);
            let site = url.as_deref().and_then(meta::host_of).and_then(|h| {
                let labels: Vec<&str> = h.split('.').collect();
                labels.len().checked_sub(2).map(|i| key(labels[i]))
            });
            !(outlet.as_deref().is_some_and(|o| key(o) == a) || site.is_some_and(|s| s == a))
        });
    Ok(Article {
        id: article_id(&p.rel, p.record),
        path: p.rel,
        record: p.record,
        format: p.format,
        page_type: meta.page_type.unwrap_or_default(),
        via: meta::clean_name(meta.via).filter(|v| Some(v) != outlet.as_ref()),
        outlet,
        title: meta::clean_title(meta.title),
        author,
        published: meta.published.as_deref().and_then(meta::parse_time),
        category: meta::clean_name(meta.category),
        tags: meta::clean_tags(meta.tags),
        url,
        body_chars: body.chars().count(),
        body,
        duplicate_of: None,
        duplicates: Vec::new(),
    })
}

/// Finds near-duplicate groups; the earliest published (then shortest path) copy is canonical.
fn mark_duplicates(articles: &mut [Article], report: &mut LoadReport) {
    let sigs: Vec<dedup::Signature> = articles
        .iter()
        .map(|a| dedup::Signature::of(&a.body))
        .collect();
    let mut groups = Vec::new();
    for g in dedup::groups(&sigs) {
        let canon = *g
            .iter()
            .min_by_key(|&&i| {
                (
                    articles[i].published.is_none(),
                    articles[i].published,
                    articles[i].path.len(),
                    articles[i].id.clone(),
                )
            })
            .unwrap_or(&g[0]);
        let canon_id = articles[canon].id.clone();
        let copies: Vec<String> = g
            .iter()
            .filter(|&&i| i != canon)
            .map(|&i| articles[i].id.clone())
            .collect();
        for &i in &g {
            if i != canon {
                articles[i].duplicate_of = Some(canon_id.clone());
            }
        }
        articles[canon].duplicates = copies.clone();
        groups.push(DuplicateGroup {
            canonical: canon_id,
            copies,
        });
    }
    groups.sort_by(|a, b| a.canonical.cmp(&b.canonical));
    report.duplicates = groups;
}

/// Outlet name -> number of articles, most first.
pub fn outlet_counts(articles: &[Article]) -> Vec<(String, usize)> {
    let mut m: HashMap<&str, usize> = HashMap::new();
    for a in articles {
        *m.entry(a.outlet_name()).or_default() += 1;
    }
    let mut v: Vec<(String, usize)> = m.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}
