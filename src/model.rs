//! The clean article: what ingestion produces and every later stage reads.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

/// The input format an article was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A plain-text page scrape (junk and all).
    Text,
    /// An HTML page.
    Html,
    /// A Markdown file, with or without front matter.
    Markdown,
    /// A JSON record (one object, or one element of an array).
    Json,
    /// One line of a JSON Lines file.
    Jsonl,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
        }
    }
}

/// What kind of page an article was read from. News crawls also bring home section fronts,
/// listings, forums and shop pages: those are kept and readable, but only articles make stories,
/// quotes and views.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageType {
    /// A news or blog article (the default: a page is an article unless it clearly is not).
    #[default]
    Article,
    /// A section front, index, search result or other list of links to articles.
    Listing,
    /// A forum thread, question-and-answer page or comment page.
    Forum,
    /// A product, shop or service page.
    Product,
}

impl PageType {
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Listing => "listing",
            PageType::Forum => "forum",
            PageType::Product => "product",
        }
    }
}

/// One clean article. `body` is the clean text: paragraphs separated by a blank line. Every span
/// newsdesk hands out is a pair of offsets in Unicode code points into `body`.
#[derive(Clone, Debug)]
pub struct Article {
    /// Stable id ("a-" + 12 hex digits), derived from the path (and record number) inside the corpus.
    pub id: String,
    /// Path of the source file relative to the corpus root, with `/` separators.
    pub path: String,
    /// For JSONL files the 1-based line, for JSON arrays the 1-based record number.
    pub record: Option<u32>,
    pub format: Format,
    /// What kind of page it is (see [`PageType`]).
    pub page_type: PageType,
    /// The publisher that wrote the article.
    pub outlet: Option<String>,
    /// The site that re-published it (an aggregator), when it can be told.
    pub via: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub url: Option<String>,
    pub body: String,
    /// Length of `body` in code points.
    pub body_chars: usize,
    /// Id of the canonical copy when this article is a near-duplicate of another one.
    pub duplicate_of: Option<String>,
    /// Ids of the near-duplicates of this (canonical) article.
    pub duplicates: Vec<String>,
}

impl Article {
    /// Publication order: dated articles first, oldest first, then by id.
    pub fn publication_order(&self, other: &Article) -> std::cmp::Ordering {
        self.published
            .is_none()
            .cmp(&other.published.is_none())
            .then(self.published.cmp(&other.published))
            .then_with(|| self.id.cmp(&other.id))
    }

    /// The file reference shown to people: `path` or `path#record`.
    pub fn source_ref(&self) -> String {
        match self.record {
            Some(n) => format!("{}#{}", self.path, n),
            None => self.path.clone(),
        }
    }

    /// Published time as ISO 8601 UTC (`2026-04-24T11:08:30.443Z`).
    pub fn published_iso(&self) -> Option<String> {
        self.published.map(iso)
    }

    /// Outlet name for display: the outlet, else the re-publishing site, else "unknown".
    pub fn outlet_name(&self) -> &str {
        self.outlet
            .as_deref()
            .or(self.via.as_deref())
            .unwrap_or("unknown")
    }
}

/// Formats a time as ISO 8601 in UTC with a `Z`, keeping sub-second digits only when present.
pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// The stable id of the article at `path` (relative to the corpus root) and optional record number.
pub fn article_id(path: &str, record: Option<u32>) -> String {
    let key = match record {
        Some(n) => format!("{path}#{n}"),
        None => path.to_string(),
    };
    let h = xxhash_rust::xxh3::xxh3_64(key.as_bytes());
    format!("a-{:012x}", h >> 16)
}

/// A half-open range of Unicode code points into an article's clean text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}
