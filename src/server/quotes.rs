//! Quote tools: `get_quotes` (who said what, verbatim, with evidence) and `list_speakers` (who is
//! quoted in a story, how often, in which role).

use std::collections::{BTreeSet, HashMap};

use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{NewsDesk, cursor, story_ords};
use crate::analysis::quotes::QuoteKind;
use crate::corpus::Corpus;
use crate::stories::quotes::QuoteGroup;
use crate::text;

fn default_limit() -> u32 {
    20
}

/// Which statements to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum KindFilter {
    /// Verbatim words in quote marks.
    Direct,
    /// Speech reported without quote marks ("X said that ..."): not verbatim.
    Reported,
    /// Short quoted fragments inside a sentence.
    Partial,
}

/// Arguments of `get_quotes`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct GetQuotesArgs {
    /// Only quotes from this story's articles (from list_stories).
    #[serde(default)]
    #[schemars(with = "String")]
    pub story_id: Option<String>,
    /// Only quotes from this article.
    #[serde(default)]
    #[schemars(with = "String")]
    pub article_id: Option<String>,
    /// Only quotes by this speaker: full name or an alias such as a surname (case-insensitive).
    #[serde(default)]
    #[schemars(with = "String")]
    pub speaker: Option<String>,
    /// Only quotes whose words contain this text (case-insensitive).
    #[serde(default)]
    #[schemars(with = "String")]
    pub query: Option<String>,
    /// Only "direct", "reported" or "partial" statements. Default: direct and reported.
    #[serde(default)]
    #[schemars(with = "KindFilter")]
    pub kind: Option<KindFilter>,
    /// Quotes per page, 1-50 (default 20).
    #[serde(default = "default_limit")]
    #[schemars(range(min = 1, max = 50))]
    pub limit: u32,
    /// The `next_cursor` of the previous page. Omit for the first page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub cursor: Option<String>,
}

/// Where a quote appears.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct QuoteAppearance {
    /// Article id.
    pub article_id: String,
    pub outlet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub published: Option<String>,
    /// Start of the quoted words (code points) in the article text get_article returns.
    pub start: u32,
    /// End of the quoted words (exclusive); for a split quote, of its last piece.
    pub end: u32,
    /// The pieces of a split or multi-paragraph quote as [start, end] pairs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pieces: Vec<[u32; 2]>,
    /// How the article names the speaker there ("he", "Okafor"), with its span.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "SpeakerMention")]
    pub speaker_mention: Option<SpeakerMention>,
}

/// A mention of the speaker in the article text.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct SpeakerMention {
    pub text: String,
    pub start: u32,
    pub end: u32,
}

/// One quote.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct QuoteOut {
    /// Quote id.
    pub id: String,
    /// The words, verbatim for "direct" and "partial" (pieces of a split quote joined by a space).
    pub text: String,
    /// "direct", "reported" (not verbatim) or "partial".
    pub kind: String,
    /// Speaker's canonical name; absent when the text does not make the speaker clear.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub speaker: Option<String>,
    /// Speaker's role as the articles give it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub role: Option<String>,
    /// True when the speaker is an organisation.
    pub organisation: bool,
    /// How sure the attribution is, 0-1.
    pub confidence: f64,
    /// Articles carrying the quote, first appearance first: at most 5 (a wire story can be
    /// carried by hundreds of outlets; get_quotes with `article_id` finds it in any one of them).
    pub appearances: Vec<QuoteAppearance>,
    /// Articles carrying the quote in all (in the story, when `story_id` is given).
    pub appearance_count: u32,
}

/// Most appearances listed per quote.
const MAX_APPEARANCES: usize = 5;

/// A page of quotes.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct GetQuotesResult {
    pub quotes: Vec<QuoteOut>,
    /// Quotes matching in all.
    pub total: u32,
    /// Pass as `cursor` (with the same other arguments) for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub next_cursor: Option<String>,
}

/// Arguments of `list_speakers`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct ListSpeakersArgs {
    /// Story id (from list_stories).
    pub story_id: String,
    /// Speakers per page, 1-100 (default 25).
    #[serde(default = "default_speakers")]
    #[schemars(range(min = 1, max = 100))]
    pub limit: u32,
    /// The `next_cursor` of the previous page. Omit for the first page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub cursor: Option<String>,
}

fn default_speakers() -> u32 {
    25
}

/// A person or organisation quoted in a story.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct SpeakerOut {
    pub name: String,
    /// Roles the articles give.
    pub roles: Vec<String>,
    /// Other names the articles use (surnames).
    pub aliases: Vec<String>,
    pub organisation: bool,
    /// Direct (and partial) quotes in the story.
    pub direct_quotes: u32,
    /// Reported statements in the story.
    pub reported: u32,
    /// Outlets that quote them.
    pub outlets: Vec<String>,
}

/// People quoted in a story.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct ListSpeakersResult {
    /// Most quoted first: one page of `limit`.
    pub speakers: Vec<SpeakerOut>,
    /// Speakers in all (all pages).
    pub total: u32,
    /// Pass as `cursor` (with the same story_id) for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub next_cursor: Option<String>,
}

#[tool_router(router = quotes_router, vis = "pub(crate)")]
impl NewsDesk {
    /// Who said what, verbatim: quotations with the speaker's name and role, attributed by the
    /// article text ("...," she said / X told Y / according to X), merged across the outlets that
    /// carry the same words, each with its evidence (article id and character span). Filter by
    /// story_id, article_id, speaker (name or surname), words in the quote, and kind ("direct",
    /// "reported" = paraphrase, never verbatim, "partial"). Use after list_stories or get_story.
    #[tool(
        title = "Get quotes",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn get_quotes(
        &self,
        Parameters(args): Parameters<GetQuotesArgs>,
    ) -> Result<Json<GetQuotesResult>, String> {
        let c = self.corpus().await;
        get_quotes(&c, &args).map(Json)
    }

    /// The people and organisations quoted in one story: how often (direct and reported), in which
    /// roles, under which names, and by which outlets. Use it to see who speaks in a story before
    /// get_quotes with `speaker`.
    #[tool(
        title = "List speakers",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn list_speakers(
        &self,
        Parameters(args): Parameters<ListSpeakersArgs>,
    ) -> Result<Json<ListSpeakersResult>, String> {
        let c = self.corpus().await;
        list_speakers(&c, &args).map(Json)
    }
}

fn out(c: &Corpus, g: &QuoteGroup, only: Option<&[u32]>) -> QuoteOut {
    let carrying = || {
        g.appearances
            .iter()
            .filter(|a| only.is_none_or(|o| o.contains(&a.ord)))
    };
    let appearance_count = carrying().count() as u32;
    let appearances = carrying()
        .take(MAX_APPEARANCES)
        .map(|ap| {
            let a = &c.articles[ap.ord as usize];
            let first = ap
                .pieces
                .first()
                .copied()
                .unwrap_or(crate::model::Span::new(0, 0));
            let last = ap.pieces.last().copied().unwrap_or(first);
            QuoteAppearance {
                article_id: a.id.clone(),
                outlet: a.outlet_name().to_string(),
                published: a.published_iso(),
                start: first.start as u32,
                end: last.end as u32,
                pieces: if ap.pieces.len() > 1 {
                    ap.pieces
                        .iter()
                        .map(|p| [p.start as u32, p.end as u32])
                        .collect()
                } else {
                    vec![]
                },
                speaker_mention: ap.mention.map(|m| SpeakerMention {
                    text: ap
                        .mention_text
                        .clone()
                        .unwrap_or_else(|| text::slice_chars(&a.body, m.start, m.end).to_string()),
                    start: m.start as u32,
                    end: m.end as u32,
                }),
            }
        })
        .collect();
    QuoteOut {
        id: g.id.clone(),
        text: g.text.clone(),
        kind: g.kind.as_str().to_string(),
        speaker: g.speaker.clone(),
        role: g.role.clone(),
        organisation: g.is_org,
        confidence: (f64::from(g.confidence) * 100.0).round() / 100.0,
        appearances,
        appearance_count,
    }
}

pub fn get_quotes(c: &Corpus, args: &GetQuotesArgs) -> Result<GetQuotesResult, String> {
    let limit = args.limit.clamp(1, 50) as usize;
    let mut scope: Option<Vec<u32>> = None;
    if let Some(sid) = args
        .story_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        scope = Some(story_ords(c, sid)?);
    }
    if let Some(aid) = args
        .article_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let o = c.ord_of(aid).ok_or_else(|| {
            format!(
                "unknown article_id {aid:?}; find article ids with search_articles or get_story"
            )
        })?;
        scope = Some(match scope {
            Some(s) if !s.contains(&o) => vec![],
            _ => vec![o],
        });
    }
    let speaker = match args.speaker.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(
            c.quotes
                .find_speaker(s)
                .map(|i| i.name.clone())
                .ok_or_else(|| format!("no speaker {s:?} is quoted in this corpus; list_speakers gives a story's speakers"))?,
        ),
        None => None,
    };
    let query = args
        .query
        .as_deref()
        .map(|q| text::fold_marks(q.trim()).to_lowercase())
        .filter(|q| !q.is_empty());
    let kinds: Vec<QuoteKind> = match args.kind {
        Some(KindFilter::Direct) => vec![QuoteKind::Direct],
        Some(KindFilter::Reported) => vec![QuoteKind::Reported],
        Some(KindFilter::Partial) => vec![QuoteKind::Partial],
        None => vec![QuoteKind::Direct, QuoteKind::Reported],
    };
    // Candidates from the book's indexes (by article, by speaker), in book order; the filters
    // below decide.
    let candidates: Box<dyn Iterator<Item = &QuoteGroup>> = match (&scope, &speaker) {
        (Some(s), _) => Box::new(c.quotes.in_articles(s.iter().copied()).into_iter()),
        (None, Some(name)) => Box::new(c.quotes.of_speaker(name)),
        (None, None) => Box::new(c.quotes.quotes.iter()),
    };
    let matched: Vec<&QuoteGroup> = candidates
        .filter(|g| kinds.contains(&g.kind))
        .filter(|g| {
            speaker
                .as_ref()
                .is_none_or(|s| g.speaker.as_ref() == Some(s))
        })
        .filter(|g| {
            query.as_ref().is_none_or(|q| {
                text::fold_marks(&g.text)
                    .to_lowercase()
                    .contains(q.as_str())
            })
        })
        .collect();
    let fp = cursor::fingerprint(&[
        "get_quotes",
        args.story_id.as_deref().unwrap_or(""),
        args.article_id.as_deref().unwrap_or(""),
        speaker.as_deref().unwrap_or(""),
        query.as_deref().unwrap_or(""),
        &format!("{kinds:?}"),
    ]);
    let offset = cursor::decode(args.cursor.as_deref(), fp, "get_quotes")?;
    let total = matched.len();
    let quotes = matched
        .iter()
        .skip(offset)
        .take(limit)
        .map(|g| out(c, g, scope.as_deref()))
        .collect();
    let end = (offset + limit).min(total);
    Ok(GetQuotesResult {
        quotes,
        total: total as u32,
        next_cursor: cursor::next(end, total, fp),
    })
}

pub fn list_speakers(c: &Corpus, args: &ListSpeakersArgs) -> Result<ListSpeakersResult, String> {
    let ords = story_ords(c, &args.story_id)?;
    let limit = args.limit.clamp(1, 100) as usize;
    let fp = cursor::fingerprint(&["list_speakers", args.story_id.trim()]);
    let offset = cursor::decode(args.cursor.as_deref(), fp, "list_speakers")?;
    let mut by: HashMap<String, (u32, u32, BTreeSet<String>)> = HashMap::new();
    for g in c.quotes.in_articles(ords.iter().copied()) {
        let Some(s) = &g.speaker else { continue };
        for ap in g.appearances.iter().filter(|a| ords.contains(&a.ord)) {
            let e = by.entry(s.clone()).or_default();
            if g.kind == QuoteKind::Reported {
                e.1 += 1;
            } else {
                e.0 += 1;
            }
            e.2.insert(c.articles[ap.ord as usize].outlet_name().to_string());
        }
    }
    let mut speakers: Vec<SpeakerOut> = by
        .into_iter()
        .map(|(name, (d, r, outlets))| {
            let info = c.quotes.speakers.get(&name);
            SpeakerOut {
                roles: info.map(|i| i.roles.clone()).unwrap_or_default(),
                aliases: info
                    .map(|i| i.aliases.iter().cloned().collect())
                    .unwrap_or_default(),
                organisation: info.is_some_and(|i| i.is_org),
                name,
                direct_quotes: d,
                reported: r,
                outlets: outlets.into_iter().collect(),
            }
        })
        .collect();
    speakers.sort_by(|a, b| {
        (b.direct_quotes + b.reported)
            .cmp(&(a.direct_quotes + a.reported))
            .then_with(|| a.name.cmp(&b.name))
    });
    let total = speakers.len();
    let speakers: Vec<SpeakerOut> = speakers.into_iter().skip(offset).take(limit).collect();
    Ok(ListSpeakersResult {
        speakers,
        total: total as u32,
        next_cursor: cursor::next((offset + limit).min(total), total, fp),
    })
}
