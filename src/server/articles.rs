//! Article tools: `search_articles` (find or browse), `get_article` (read one cleanly, bounded) and
//! `corpus_info` (what is loaded, what was skipped and why).

use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{NewsDesk, check_outlet, cursor, parse_bound, story_ords};
use crate::corpus::Corpus;
use crate::index::{Filter, outlet_key};
use crate::model::{Article, PageType, iso};
use crate::text;

fn default_limit() -> u32 {
    10
}
fn default_max_chars() -> u32 {
    4000
}

/// Arguments of `search_articles`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct SearchArticlesArgs {
    /// Words to search for in titles and bodies (English stemming: "ruling" finds "rule", "ruled").
    /// Supports "exact phrases", -excluded words and OR. Omit to browse every article, newest first.
    #[serde(default)]
    #[schemars(with = "String")]
    pub query: Option<String>,
    /// Only articles by this outlet (case-insensitive exact name, as listed by corpus_info).
    #[serde(default)]
    #[schemars(with = "String")]
    pub outlet: Option<String>,
    /// Only articles published on or after this time: ISO 8601 date or time, e.g. "2026-10-14".
    #[serde(default)]
    #[schemars(with = "String")]
    pub since: Option<String>,
    /// Only articles published on or before this time: ISO 8601 date or time (a date includes the whole day).
    #[serde(default)]
    #[schemars(with = "String")]
    pub until: Option<String>,
    /// Only articles of this story (an id from list_stories, e.g. "s-1a2b3c4d").
    #[serde(default)]
    #[schemars(with = "String")]
    pub story_id: Option<String>,
    /// Also list near-duplicate copies (republished wire stories, pages scraped twice). By default only
    /// the canonical copy is listed, with the number of its duplicates.
    #[serde(default)]
    pub include_duplicates: bool,
    /// Results per page, 1-50 (default 10).
    #[serde(default = "default_limit")]
    #[schemars(range(min = 1, max = 50))]
    pub limit: u32,
    /// The `next_cursor` of the previous page, to continue. Omit for the first page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub cursor: Option<String>,
}

/// One article in a result list.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct ArticleHit {
    /// Article id; pass to get_article.
    pub id: String,
    /// Headline ("" when the source had none).
    pub title: String,
    /// Publisher that wrote the article.
    pub outlet: String,
    /// Published time, ISO 8601 UTC; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub published: Option<String>,
    /// Story the article belongs to; pass to get_story.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub story_id: Option<String>,
    /// The passage that matches the query, matching words in **bold**; absent when browsing.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub snippet: Option<String>,
    /// Number of near-duplicate copies of this article elsewhere in the corpus (0 when none).
    pub duplicates: u32,
    /// When this article is itself a near-duplicate: the id of the canonical copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub duplicate_of: Option<String>,
}

/// A page of search results.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct SearchArticlesResult {
    /// Matching articles: by relevance with a query, newest first without one.
    pub articles: Vec<ArticleHit>,
    /// Number of articles matching in all (all pages).
    pub total: u32,
    /// Pass as `cursor` (with the same other arguments) for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub next_cursor: Option<String>,
}

/// Arguments of `get_article`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct GetArticleArgs {
    /// Article id, e.g. "a-3f9c0d12ab45" (from search_articles, list_stories or get_quotes).
    pub article_id: String,
    /// Most characters of body text to return, 200-20000 (default 4000).
    #[serde(default = "default_max_chars")]
    #[schemars(range(min = 200, max = 20000))]
    pub max_chars: u32,
    /// Character offset (Unicode code points) into the body to start from; use the previous result's
    /// `next_offset` to continue a cut text, or a span's start to read around a quote. Default 0.
    #[serde(default)]
    pub offset: u32,
}

/// One clean article.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct ArticleText {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publisher that wrote the article (for a re-published page, the original publisher).
    pub outlet: String,
    /// Site that re-published the article (an aggregator), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub via: Option<String>,
    /// Byline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub author: Option<String>,
    /// Published time, ISO 8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub published: Option<String>,
    /// Section or category given by the source.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub category: Option<String>,
    /// Tags given by the source.
    pub tags: Vec<String>,
    /// Original web address.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub url: Option<String>,
    /// Source file relative to the corpus root (`#N` = record N of a JSON/JSONL file).
    pub source: String,
    /// Format the article was read from: text, html, markdown, json or jsonl.
    pub format: String,
    /// Set when the page is not an article (listing, forum or product): such pages are in no
    /// story, quote or view.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub page_type: Option<String>,
    /// Story the article belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub story_id: Option<String>,
    /// Id of the canonical copy when this article is a near-duplicate.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub duplicate_of: Option<String>,
    /// Ids of this article's near-duplicate copies.
    pub duplicates: Vec<String>,
    /// Length of the whole clean body in characters (Unicode code points).
    pub body_chars: u32,
    /// Offset of `text` in the body; spans from other tools are offsets into the same body.
    pub offset: u32,
    /// Clean body text from `offset`; paragraphs separated by a blank line.
    pub text: String,
    /// True when `text` stops before the end of the body.
    pub truncated: bool,
    /// When truncated: pass as `offset` to read on.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    pub next_offset: Option<u32>,
}

/// Arguments of `corpus_info` (none).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct CorpusInfoArgs {}

/// An outlet and how many articles it has.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct OutletCount {
    /// Outlet name, usable as the `outlet` filter.
    pub name: String,
    /// Articles by this outlet.
    pub articles: u32,
}

/// A file (or record) that was not loaded, or loaded in part, and why.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct SkippedFile {
    /// Path relative to the corpus root (`#N` = record N).
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

/// A loaded page that is not an article.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NotArticle {
    /// Article id, for get_article.
    pub id: String,
    /// Path relative to the corpus root (`#N` = record N).
    pub path: String,
    /// What kind of page it is: listing, forum or product.
    pub page_type: String,
}

/// What is loaded.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct CorpusInfo {
    /// Where the corpus comes from.
    pub origin: String,
    /// Files read.
    pub files: u32,
    /// Articles loaded (including near-duplicate copies).
    pub articles: u32,
    /// Groups of near-duplicate articles (each has one canonical copy).
    pub duplicate_groups: u32,
    /// Stories (events) the articles are grouped into.
    pub stories: u32,
    /// Outlets, most articles first (at most 100 listed).
    pub outlets: Vec<OutletCount>,
    /// Number of outlets in all.
    pub outlets_total: u32,
    /// Earliest published time, ISO 8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub first_published: Option<String>,
    /// Latest published time, ISO 8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub last_published: Option<String>,
    /// Files or records skipped, with the reason (at most 50 listed).
    pub skipped: Vec<SkippedFile>,
    /// Number skipped in all.
    pub skipped_total: u32,
    /// Pages loaded that are not articles (section fronts, listings, forums, shop pages): readable
    /// with get_article, but in no story, quote or view (at most 50 listed).
    pub not_articles: Vec<NotArticle>,
    /// Number of such pages in all.
    pub not_articles_total: u32,
}

impl ArticleHit {
    pub fn of(c: &Corpus, a: &Article, snippet: Option<String>) -> Self {
        ArticleHit {
            id: a.id.clone(),
            title: a.title.clone().unwrap_or_default(),
            outlet: a.outlet_name().to_string(),
            published: a.published_iso(),
            story_id: c.story_id_of_article(&a.id),
            snippet,
            duplicates: a.duplicates.len() as u32,
            duplicate_of: a.duplicate_of.clone(),
        }
    }
}

#[tool_router(router = articles_router, vis = "pub(crate)")]
impl NewsDesk {
    /// Find articles by words, or browse them newest first (omit `query`). Filters: outlet, date
    /// range (since/until), story_id. Returns ids, titles, outlets, times and a snippet with the
    /// matching words; read a whole article with get_article. To see what happened rather than
    /// single articles, start with list_stories. Paginated: pass `next_cursor` back as `cursor`.
    #[tool(
        title = "Search articles",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn search_articles(
        &self,
        Parameters(args): Parameters<SearchArticlesArgs>,
    ) -> Result<Json<SearchArticlesResult>, String> {
        let c = self.corpus().await;
        search(&c, &args).map(Json)
    }

    /// Read one article: metadata and clean body text (page junk removed), bounded by `max_chars`.
    /// When `truncated` is true, call again with `offset` = `next_offset` for the rest. Spans from
    /// get_quotes and other tools are character offsets into this same text.
    #[tool(
        title = "Get article",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn get_article(
        &self,
        Parameters(args): Parameters<GetArticleArgs>,
    ) -> Result<Json<ArticleText>, String> {
        let c = self.corpus().await;
        get_article(&c, &args).map(Json)
    }

    /// What is loaded: article, story and file counts, outlets (names usable as filters) with their
    /// article counts, the date range, and every file that was skipped with the reason. Use it to
    /// learn outlet names and dates before filtering.
    #[tool(
        title = "Corpus info",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn corpus_info(
        &self,
        Parameters(_args): Parameters<CorpusInfoArgs>,
    ) -> Result<Json<CorpusInfo>, String> {
        let c = self.corpus().await;
        Ok(Json(corpus_info(&c)))
    }
}

pub fn search(c: &Corpus, args: &SearchArticlesArgs) -> Result<SearchArticlesResult, String> {
    let limit = args.limit.clamp(1, 50) as usize;
    let mut filter = Filter::default();
    if let Some(o) = args
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty())
    {
        check_outlet(c, o)?;
        filter.outlets.push(o.to_string());
    }
    filter.since = parse_bound(args.since.as_deref(), "since", false)?;
    filter.until = parse_bound(args.until.as_deref(), "until", true)?;
    if let (Some(s), Some(u)) = (filter.since, filter.until)
        && s >= u
    {
        return Err("`since` is after `until`: nothing can match; swap or widen them".into());
    }
    if let Some(sid) = args
        .story_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        filter.story_articles = Some(story_ords(c, sid)?);
    }
    let query = args
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    let fp = cursor::fingerprint(&[
        "search_articles",
        query.unwrap_or(""),
        args.outlet.as_deref().unwrap_or(""),
        args.since.as_deref().unwrap_or(""),
        args.until.as_deref().unwrap_or(""),
        args.story_id.as_deref().unwrap_or(""),
        if args.include_duplicates { "dups" } else { "" },
    ]);
    let offset = cursor::decode(args.cursor.as_deref(), fp, "search_articles")?;
    let keep = |a: &Article| args.include_duplicates || a.duplicate_of.is_none();

    let (articles, total) = match query {
        Some(q) => {
            // Duplicates are left out by the index, so the page and the total come from it.
            filter.canonical_only = !args.include_duplicates;
            let (hits, total) = c
                .index
                .search(q, &filter, offset, limit)
                .map_err(|e| format!("search failed: {e:#}"))?;
            let page: Vec<u32> = hits.iter().map(|h| h.ord).collect();
            let bodies: Vec<&str> = page
                .iter()
                .map(|&o| c.articles[o as usize].body.as_str())
                .collect();
            let snippets = c
                .index
                .snippets(q, &bodies)
                .map_err(|e| format!("search failed: {e:#}"))?;
            let page = page
                .iter()
                .zip(snippets)
                .map(|(&o, sn)| ArticleHit::of(c, &c.articles[o as usize], Some(sn)))
                .collect();
            (page, total)
        }
        None => {
            let matches = |a: &Article| {
                keep(a)
                    && (filter.outlets.is_empty()
                        || filter
                            .outlets
                            .iter()
                            .any(|o| outlet_key(o) == outlet_key(a.outlet_name())))
                    && filter
                        .since
                        .is_none_or(|s| a.published.is_some_and(|t| t.timestamp() >= s))
                    && filter
                        .until
                        .is_none_or(|u| a.published.is_some_and(|t| t.timestamp() < u))
            };
            let in_story = |o: u32| {
                filter
                    .story_articles
                    .as_ref()
                    .is_none_or(|v| v.contains(&o))
            };
            let all: Vec<u32> = c
                .newest()
                .iter()
                .copied()
                .filter(|&o| in_story(o) && matches(&c.articles[o as usize]))
                .collect();
            let total = all.len();
            let page = all
                .iter()
                .skip(offset)
                .take(limit)
                .map(|&o| ArticleHit::of(c, &c.articles[o as usize], None))
                .collect();
            (page, total)
        }
    };
    let end = (offset + limit).min(total);
    Ok(SearchArticlesResult {
        articles,
        total: total as u32,
        next_cursor: cursor::next(end, total, fp),
    })
}

pub fn get_article(c: &Corpus, args: &GetArticleArgs) -> Result<ArticleText, String> {
    let id = args.article_id.trim();
    let a = c.article(id).ok_or_else(|| {
        format!(
            "no article {id:?}; article ids look like \"a-3f9c0d12ab45\": find them with search_articles or list_stories"
        )
    })?;
    let max = args.max_chars.clamp(200, 20_000) as usize;
    let offset = args.offset as usize;
    if offset > a.body_chars {
        return Err(format!(
            "offset {offset} is past the end of the article ({} characters)",
            a.body_chars
        ));
    }
    let rest = text::slice_chars(&a.body, offset, a.body_chars);
    let (piece, truncated) = cut(rest, max);
    let taken = piece.chars().count();
    Ok(ArticleText {
        id: a.id.clone(),
        title: a.title.clone().unwrap_or_default(),
        outlet: a.outlet_name().to_string(),
        via: a.via.clone(),
        author: a.author.clone(),
        published: a.published_iso(),
        category: a.category.clone(),
        tags: a.tags.clone(),
        url: a.url.clone(),
        source: a.source_ref(),
        format: a.format.as_str().to_string(),
        page_type: (a.page_type != PageType::Article).then(|| a.page_type.as_str().to_string()),
        story_id: c.story_id_of_article(&a.id),
        duplicate_of: a.duplicate_of.clone(),
        duplicates: a.duplicates.clone(),
        body_chars: a.body_chars as u32,
        offset: offset as u32,
        text: piece.to_string(),
        truncated,
        next_offset: truncated.then_some((offset + taken) as u32),
    })
}

/// The first `max` characters of `s`, cut back to a paragraph, sentence or word end when one is near.
fn cut(s: &str, max: usize) -> (&str, bool) {
    let Some((b, _)) = s.char_indices().nth(max) else {
        return (s, false);
    };
    let head = &s[..b];
    let floor = head.len() * 3 / 4;
    let at = head
        .rfind("\n\n")
        .filter(|&i| i >= floor)
        .map(|i| i + 2)
        .or_else(|| head.rfind(". ").filter(|&i| i >= floor).map(|i| i + 2))
        .or_else(|| head.rfind(' ').filter(|&i| i >= floor).map(|i| i + 1))
        .unwrap_or(b);
    (&s[..at], true)
}

pub fn corpus_info(c: &Corpus) -> CorpusInfo {
    let range = c.date_range();
    CorpusInfo {
        origin: c.origin.clone(),
        files: c.report.files as u32,
        articles: c.articles.len() as u32,
        duplicate_groups: c.report.duplicates.len() as u32,
        stories: c.story_count() as u32,
        outlets: c
            .outlets()
            .iter()
            .take(100)
            .map(|(name, n)| OutletCount {
                name: name.clone(),
                articles: *n as u32,
            })
            .collect(),
        outlets_total: c.outlets().len() as u32,
        first_published: range.map(|r| iso(r.0)),
        last_published: range.map(|r| iso(r.1)),
        skipped: c
            .report
            .skipped
            .iter()
            .take(50)
            .map(|s| SkippedFile {
                path: match s.record {
                    Some(r) => format!("{}#{}", s.path, r),
                    None => s.path.clone(),
                },
                reason: s.reason.clone(),
            })
            .collect(),
        skipped_total: c.report.skipped.len() as u32,
        not_articles: c
            .articles
            .iter()
            .filter(|a| a.page_type != PageType::Article)
            .take(50)
            .map(|a| NotArticle {
                id: a.id.clone(),
                path: a.source_ref(),
                page_type: a.page_type.as_str().to_string(),
            })
            .collect(),
        not_articles_total: c
            .articles
            .iter()
            .filter(|a| a.page_type != PageType::Article)
            .count() as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::cut;

    #[test]
    fn cuts_at_a_boundary_near_the_limit() {
        let s = "One two three. Four five six seven eight nine ten.";
        let (p, t) = cut(s, 40);
        assert!(t);
        assert_eq!(p, "One two three. Four five six seven ");
        assert_eq!(cut(s, 500), (s, false));
    }
}
