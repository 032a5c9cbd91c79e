//! Story tools: `list_stories` (what is happening, filtered and sorted) and `get_story` (one story
//! in full: timeline, who broke it, each article's distinctive angle).

use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{NewsDesk, check_outlet, cursor, parse_bound, unknown_story};
use crate::analysis::entities::EntityKind;
use crate::corpus::{Corpus, StoryOrder, StoryQuery};
use crate::model::iso;
use crate::stories::Story;

pub use crate::stories::TRENDING_WINDOW_HOURS;

fn default_limit() -> u32 {
    10
}

/// How to order stories.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum StorySort {
    /// Most recently updated first (default without a query).
    #[default]
    Newest,
    /// Most outlets first, then most articles.
    Coverage,
    /// Most activity in the 72 hours before the newest article in the corpus: 2 x outlets + articles in that window.
    Trending,
    /// Best match for `query` first (default with a query).
    Relevance,
}

/// How much to return per story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum Detail {
    /// Id, headline, times, counts, outlets (default).
    #[default]
    Concise,
    /// Also the summary, people, organisations, tags and member articles.
    Full,
}

/// Arguments of `list_stories`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct ListStoriesArgs {
    /// Only stories with articles matching these words (same syntax as search_articles).
    #[serde(default)]
    #[schemars(with = "String")]
    pub query: Option<String>,
    /// Only stories covered by this outlet (case-insensitive exact name, see corpus_info).
    #[serde(default)]
    #[schemars(with = "String")]
    pub outlet: Option<String>,
    /// Only stories that name this person or organisation (case-insensitive; a surname works).
    #[serde(default)]
    #[schemars(with = "String")]
    pub entity: Option<String>,
    /// Only stories with this tag or category (case-insensitive).
    #[serde(default)]
    #[schemars(with = "String")]
    pub tag: Option<String>,
    /// Only stories updated on or after this time (ISO 8601 date or time).
    #[serde(default)]
    #[schemars(with = "String")]
    pub since: Option<String>,
    /// Only stories that began on or before this time (ISO 8601 date or time; a date includes the day).
    #[serde(default)]
    #[schemars(with = "String")]
    pub until: Option<String>,
    /// Only stories covered by at least this many outlets (default 1).
    #[serde(default)]
    #[schemars(with = "u32", range(min = 1, max = 100))]
    pub min_outlets: Option<u32>,
    /// Order: "newest" (default), "coverage", "trending", or "relevance" (default when `query` is given).
    #[serde(default)]
    #[schemars(with = "StorySort")]
    pub sort: Option<StorySort>,
    /// "concise" (default) or "full" (adds summary, people, organisations, tags, articles).
    #[serde(default)]
    pub detail: Detail,
    /// Stories per page, 1-50 (default 10; at most 10 with detail "full").
    #[serde(default = "default_limit")]
    #[schemars(range(min = 1, max = 50))]
    pub limit: u32,
    /// The `next_cursor` of the previous page, to continue. Omit for the first page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub cursor: Option<String>,
}

/// Where a piece of text comes from: an article and a span of its clean text.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct Evidence {
    /// Article id.
    pub article_id: String,
    /// Start offset (Unicode code points) in the article text get_article returns.
    pub start: u32,
    /// End offset (exclusive).
    pub end: u32,
}

/// A person or organisation and how often the story's articles mention them.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct NamedEntity {
    /// Name as written.
    pub name: String,
    /// Mentions over all the story's articles.
    pub mentions: u32,
}

/// A tag and how many of the story's articles carry it.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct TagCount {
    pub tag: String,
    pub articles: u32,
}

/// An article of a story.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct StoryArticle {
    /// Article id; pass to get_article.
    pub id: String,
    pub outlet: String,
    pub title: String,
    /// Published time, ISO 8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub published: Option<String>,
    /// True for the article that broke the story (published first).
    pub first: bool,
    /// Set when this article is a near-duplicate copy of another (its id).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub duplicate_of: Option<String>,
}

/// One story in a list.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct StoryCard {
    /// Story id; pass to get_story (and get_quotes, compare_views).
    pub id: String,
    /// The most representative article title.
    pub headline: String,
    /// First published time of its articles, ISO 8601 UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub first_published: Option<String>,
    /// Latest published time of its articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub last_published: Option<String>,
    /// Number of articles.
    pub article_count: u32,
    /// Outlets covering it, in order of first coverage.
    pub outlets: Vec<String>,
    /// Trending score (2 x outlets + articles in the recent window); only with sort "trending".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "u32")]
    pub trending_score: Option<u32>,
    /// 1-2 sentences from the lead article (detail "full").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub summary: Option<String>,
    /// Where the summary comes from (detail "full").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Evidence")]
    pub summary_source: Option<Evidence>,
    /// Most mentioned people (detail "full").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<NamedEntity>")]
    pub people: Option<Vec<NamedEntity>>,
    /// Most mentioned organisations (detail "full").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<NamedEntity>")]
    pub organisations: Option<Vec<NamedEntity>>,
    /// Tags and categories (detail "full").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<TagCount>")]
    pub tags: Option<Vec<TagCount>>,
    /// Member articles, first published first, at most 5 (detail "full"; get_story has them all).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Vec<StoryArticle>")]
    pub articles: Option<Vec<StoryArticle>>,
}

/// A page of stories.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct ListStoriesResult {
    pub stories: Vec<StoryCard>,
    /// Stories matching in all (all pages).
    pub total: u32,
    /// Pass as `cursor` (with the same other arguments) for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub next_cursor: Option<String>,
}

/// Arguments of `get_story`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct GetStoryArgs {
    /// Story id from list_stories or search_articles, e.g. "s-1a2b3c4d".
    pub story_id: String,
    /// Timeline entries per page, 1-100 (default 20). The rest of the answer is the same on every page.
    #[serde(default = "default_timeline")]
    #[schemars(range(min = 1, max = 100))]
    pub limit: u32,
    /// The `next_cursor` of the previous page, to continue the timeline. Omit for the first page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub cursor: Option<String>,
}

fn default_timeline() -> u32 {
    20
}

/// Most member articles a story card lists with detail "full" (get_story pages through all).
const CARD_ARTICLES: usize = 5;
/// Most stories a page holds with detail "full".
const FULL_PAGE: u32 = 10;

/// The sentence of an article least shared with the story's other articles.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct Angle {
    /// The sentence, verbatim.
    pub text: String,
    /// Start offset (code points) in the article text.
    pub start: u32,
    /// End offset (exclusive).
    pub end: u32,
}

/// One article on a story's timeline.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct TimelineEntry {
    /// Article id; pass to get_article.
    pub id: String,
    pub outlet: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub published: Option<String>,
    /// True for the article that broke the story.
    pub first: bool,
    /// Set when this article is a near-duplicate copy of another (its id).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub duplicate_of: Option<String>,
    /// Body length in characters.
    pub chars: u32,
    /// What this article has that the others do not (absent for one-article stories).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Angle")]
    pub distinctive_angle: Option<Angle>,
}

/// One story in full.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct StoryDetail {
    pub id: String,
    /// The most representative article title.
    pub headline: String,
    /// 1-2 sentences from the lead article, verbatim.
    pub summary: String,
    /// Where the summary comes from.
    pub summary_source: Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub first_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub last_published: Option<String>,
    pub article_count: u32,
    /// Outlets in order of first coverage.
    pub outlets: Vec<String>,
    /// The article that broke the story (published first).
    pub broken_by: StoryArticle,
    pub people: Vec<NamedEntity>,
    pub organisations: Vec<NamedEntity>,
    pub tags: Vec<TagCount>,
    /// Its articles, first published first, each with its distinctive angle: one page of
    /// `limit` entries (`article_count` in all).
    pub timeline: Vec<TimelineEntry>,
    /// Pass as `cursor` (with the same story_id) for the next page of the timeline; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub next_cursor: Option<String>,
}

#[tool_router(router = stories_router, vis = "pub(crate)")]
impl NewsDesk {
    /// What is happening: articles from many outlets grouped into stories (one event each), newest
    /// updated first. Use this first. Sort by "coverage" (most outlets) or "trending" (most articles
    /// and outlets in the 72 hours before the newest article). Filters: query, outlet, entity (person
    /// or organisation), tag, since/until, min_outlets. Concise by default; detail "full" adds summary,
    /// people and articles. Then call get_story for one story. Paginated with `cursor`.
    #[tool(
        title = "List stories",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn list_stories(
        &self,
        Parameters(args): Parameters<ListStoriesArgs>,
    ) -> Result<Json<ListStoriesResult>, String> {
        let c = self.corpus().await;
        list_stories(&c, &args).map(Json)
    }

    /// One story in full: headline, extractive summary with its source span, times, outlets, who
    /// broke it, people and organisations named, tags, and a timeline of its articles, each with its
    /// distinctive angle (the sentence least shared with the other articles). Use after list_stories.
    #[tool(
        title = "Get story",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn get_story(
        &self,
        Parameters(args): Parameters<GetStoryArgs>,
    ) -> Result<Json<StoryDetail>, String> {
        let c = self.corpus().await;
        get_story(&c, &args).map(Json)
    }
}

/// `take` member articles of a story from the `skip`-th, first published first.
fn members_of(c: &Corpus, s: &Story, skip: usize, take: usize) -> Vec<StoryArticle> {
    s.members
        .iter()
        .enumerate()
        .skip(skip)
        .take(take)
        .map(|(i, &o)| {
            let a = &c.articles[o as usize];
            StoryArticle {
                id: a.id.clone(),
                outlet: a.outlet_name().to_string(),
                title: a.title.clone().unwrap_or_default(),
                published: a.published_iso(),
                first: i == 0,
                duplicate_of: a.duplicate_of.clone(),
            }
        })
        .collect()
}

fn named(s: &Story, kind: EntityKind, max: usize) -> Vec<NamedEntity> {
    s.entities
        .iter()
        .filter(|e| e.1 == kind)
        .take(max)
        .map(|e| NamedEntity {
            name: e.0.clone(),
            mentions: e.2,
        })
        .collect()
}

pub fn list_stories(c: &Corpus, args: &ListStoriesArgs) -> Result<ListStoriesResult, String> {
    let most = if args.detail == Detail::Full {
        FULL_PAGE
    } else {
        50
    };
    let limit = args.limit.clamp(1, most) as usize;
    let query = args
        .query
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty());
    let sort = match (args.sort, query) {
        (Some(StorySort::Relevance), None) => {
            return Err("sort \"relevance\" needs a `query`; use \"newest\", \"coverage\" or \"trending\" without one".into());
        }
        (Some(s), _) => s,
        (None, Some(_)) => StorySort::Relevance,
        (None, None) => StorySort::Newest,
    };
    let since = parse_bound(args.since.as_deref(), "since", false)?;
    let until = parse_bound(args.until.as_deref(), "until", true)?;
    let outlet = args
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    if let Some(o) = outlet {
        check_outlet(c, o)?;
    }
    let entity = args
        .entity
        .as_deref()
        .map(|e| e.trim().to_lowercase().replace('\n', " "))
        .filter(|e| !e.is_empty());
    let tag = args
        .tag
        .as_deref()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty());
    let min_outlets = args.min_outlets.unwrap_or(1).max(1) as usize;

    let fp = cursor::fingerprint(&[
        "list_stories",
        query.unwrap_or(""),
        outlet.unwrap_or(""),
        entity.as_deref().unwrap_or(""),
        tag.as_deref().unwrap_or(""),
        args.since.as_deref().unwrap_or(""),
        args.until.as_deref().unwrap_or(""),
        &min_outlets.to_string(),
        &format!("{sort:?}"),
    ]);
    let offset = cursor::decode(args.cursor.as_deref(), fp, "list_stories")?;
    let (page, total) = c.find_stories(&StoryQuery {
        text: query,
        outlet,
        entity: entity.as_deref(),
        tag: tag.as_deref(),
        since,
        until,
        min_outlets,
        order: match sort {
            StorySort::Newest => StoryOrder::Newest,
            StorySort::Coverage => StoryOrder::Coverage,
            StorySort::Trending => StoryOrder::Trending,
            StorySort::Relevance => StoryOrder::Relevance,
        },
        offset,
        limit,
    })?;
    let orders = c.story_orders();
    let story = |si: u32| &c.stories[si as usize];
    let full = args.detail == Detail::Full;
    let stories = page
        .iter()
        .map(|&si| {
            let score = orders.trending_score.get(si as usize).copied().unwrap_or(0);
            let s = story(si);
            StoryCard {
                id: s.id.clone(),
                headline: s.headline.clone(),
                first_published: s.first.map(iso),
                last_published: s.last.map(iso),
                article_count: s.members.len() as u32,
                outlets: s.outlets.clone(),
                trending_score: (sort == StorySort::Trending).then_some(score),
                summary: full.then(|| s.summary.clone()),
                summary_source: full.then(|| evidence(c, s)),
                people: full.then(|| named(s, EntityKind::Person, 8)),
                organisations: full.then(|| named(s, EntityKind::Organisation, 8)),
                tags: full.then(|| {
                    s.tags
                        .iter()
                        .map(|(t, n)| TagCount {
                            tag: t.clone(),
                            articles: *n,
                        })
                        .collect()
                }),
                articles: full.then(|| members_of(c, s, 0, CARD_ARTICLES)),
            }
        })
        .collect();
    let end = (offset + limit).min(total);
    Ok(ListStoriesResult {
        stories,
        total: total as u32,
        next_cursor: cursor::next(end, total, fp),
    })
}

fn evidence(c: &Corpus, s: &Story) -> Evidence {
    Evidence {
        article_id: c.articles[s.lead_article as usize].id.clone(),
        start: s.summary_span.start as u32,
        end: s.summary_span.end as u32,
    }
}

pub fn get_story(c: &Corpus, args: &GetStoryArgs) -> Result<StoryDetail, String> {
    let id = args.story_id.trim();
    let s = c.story(id).ok_or_else(|| unknown_story(id))?;
    let limit = args.limit.clamp(1, 100) as usize;
    let fp = cursor::fingerprint(&["get_story", &s.id]);
    let offset = cursor::decode(args.cursor.as_deref(), fp, "get_story")?;
    let total = s.members.len();
    let end = (offset + limit).min(total);
    let members = members_of(c, s, offset, limit);
    let (analysis, ctx) = c.analysis(s);
    let angles = analysis.angles(&ctx);
    let timeline = members
        .iter()
        .zip(&s.members[offset.min(total)..])
        .zip(angles.iter().skip(offset))
        .map(|((m, &o), angle)| TimelineEntry {
            id: m.id.clone(),
            outlet: m.outlet.clone(),
            title: m.title.clone(),
            published: m.published.clone(),
            first: m.first,
            duplicate_of: m.duplicate_of.clone(),
            chars: c.articles[o as usize].body_chars as u32,
            distinctive_angle: angle.as_ref().map(|(span, text)| Angle {
                text: text.clone(),
                start: span.start as u32,
                end: span.end as u32,
            }),
        })
        .collect();
    let broken_by = members_of(c, s, 0, 1)
        .into_iter()
        .next()
        .ok_or_else(|| unknown_story(id))?;
    Ok(StoryDetail {
        id: s.id.clone(),
        headline: s.headline.clone(),
        summary: s.summary.clone(),
        summary_source: evidence(c, s),
        first_published: s.first.map(iso),
        last_published: s.last.map(iso),
        article_count: s.members.len() as u32,
        outlets: s.outlets.clone(),
        broken_by,
        people: named(s, EntityKind::Person, 12),
        organisations: named(s, EntityKind::Organisation, 12),
        tags: s
            .tags
            .iter()
            .map(|(t, n)| TagCount {
                tag: t.clone(),
                articles: *n,
            })
            .collect(),
        timeline,
        next_cursor: cursor::next(end, total, fp),
    })
}
