//! `compare_views`: how the people in a story disagree and how each outlet covered it, every
//! statement and point with its evidence (article id and span).

use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::{tool, tool_router};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{NewsDesk, cursor, unknown_story};
use crate::corpus::Corpus;
use crate::views::{self, Statement};

/// Which part of the comparison to return.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum Aspect {
    /// Who holds which position.
    People,
    /// How each outlet covered the story.
    Outlets,
    /// Both (default).
    #[default]
    Both,
}

/// How much to return.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(inline)]
pub enum ViewDetail {
    /// At most 3 statements per person and 2 points per list (default).
    #[default]
    Concise,
    /// Up to 10 statements per person and every point found.
    Full,
}

/// Arguments of `compare_views`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = super::schema::portable)]
pub struct CompareViewsArgs {
    /// Story id from list_stories, e.g. "s-1a2b3c4d".
    pub story_id: String,
    /// "people", "outlets" or "both" (default).
    #[serde(default)]
    pub aspect: Aspect,
    /// "concise" (default) or "full".
    #[serde(default)]
    pub detail: ViewDetail,
    /// People and outlet articles per page, 1-50 (default 10 each). `sides` always names everyone.
    #[serde(default = "default_limit")]
    #[schemars(range(min = 1, max = 50))]
    pub limit: u32,
    /// The `next_cursor` of the previous page, to continue both lists. Omit for the first page.
    #[serde(default)]
    #[schemars(with = "String")]
    pub cursor: Option<String>,
}

fn default_limit() -> u32 {
    10
}

/// A sentence or statement with its evidence.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct Cited {
    /// The words, verbatim from the article (a reported statement is the article's paraphrase).
    pub text: String,
    /// Article id.
    pub article_id: String,
    pub outlet: String,
    /// Start offset (code points) in the article text get_article returns.
    pub start: u32,
    /// End offset (exclusive).
    pub end: u32,
    /// "direct", "reported", "partial" for statements; "sentence" for points.
    pub kind: String,
}

/// One person's view.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct PersonOut {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub role: Option<String>,
    /// Outlets that cite them.
    pub outlets: Vec<String>,
    /// Their position in one line, in their own words (their longest direct statement).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Cited")]
    pub position: Option<Cited>,
    /// Key terms of their argument.
    pub key_terms: Vec<String>,
    /// Relation to the story's claim: "supports", "disputes", "other" or "unclear" (no clear signal).
    pub side: String,
    /// The sentence that shows the side (an article marker such as "by contrast", "echoed",
    /// "disagreed", a headline, or their own words).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Cited")]
    pub side_evidence: Option<Cited>,
    /// Which signal decided the side, e.g. "holds the claim", "\"by contrast\" (against Zhang Chi)".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub side_reason: Option<String>,
    /// Their statements in the story.
    pub statements: Vec<Cited>,
    /// Statements in all (the list may be cut).
    pub statement_count: u32,
}

/// The story's central claim.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct ClaimOut {
    /// The claim in short: the headline's reported clause ("X says <claim>"), else the lead sentence.
    pub text: String,
    /// "headline" or "lead".
    pub source: String,
    /// Who the headline or lead attributes it to, as written there.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub held_by: Option<String>,
    /// The body sentence that states it, verbatim, with its span.
    pub evidence: Cited,
}

/// A group or unnamed speaker ("Others", "critics"): its statements, never a side of its own.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct GroupOut {
    pub name: String,
    pub statements: Vec<Cited>,
}

/// People grouped by side.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct Sides {
    pub supports: Vec<String>,
    pub disputes: Vec<String>,
    pub other: Vec<String>,
    pub unclear: Vec<String>,
}

/// How one article covered the story.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(inline)]
pub struct OutletOut {
    pub article_id: String,
    pub outlet: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub published: Option<String>,
    /// Body length in characters.
    pub chars: u32,
    pub direct_quotes: u32,
    pub reported_statements: u32,
    /// People it quotes.
    pub quotes_from: Vec<String>,
    /// People it quotes that no other article of the story quotes.
    pub only_it_quotes: Vec<String>,
    /// Points only this article has.
    pub only_here: Vec<Cited>,
    /// Points most other articles report that this one leaves out.
    pub leaves_out: Vec<Cited>,
    /// When it rewrites or re-publishes an earlier article of the story: that article's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub derives_from: Option<String>,
    /// "republication" (near-verbatim copy) or "rewrite" (close paraphrase), with `derives_from`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub derivation: Option<String>,
}

/// The comparison.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(transform = super::schema::portable)]
pub struct CompareViewsResult {
    pub story_id: String,
    pub headline: String,
    /// The story's central claim, from its headline and lead.
    pub claim: ClaimOut,
    /// People and organisations quoted or reported (aspect "people" or "both"), most quoted
    /// first: one page of `limit`.
    pub people: Vec<PersonOut>,
    /// People in all (all pages).
    pub people_total: u32,
    /// Group or unnamed speakers ("Others say ..."), listed apart: they hold no side.
    pub groups: Vec<GroupOut>,
    pub sides: Sides,
    /// Coverage per article, first published first (aspect "outlets" or "both"): one page of `limit`.
    pub outlets: Vec<OutletOut>,
    /// Articles in all (all pages).
    pub outlets_total: u32,
    /// Which outlet was first.
    pub first_outlet: String,
    /// Points that every or almost every article reports.
    pub shared_points: Vec<Cited>,
    /// Pass as `cursor` (with the same other arguments) for the next page of people and outlets;
    /// absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "String")]
    pub next_cursor: Option<String>,
}

#[tool_router(router = views_router, vis = "pub(crate)")]
impl NewsDesk {
    /// Compare a story's views: who holds which position (each person's statements, one-line
    /// position in their own words, and side on the story's claim: supports, disputes, other, or
    /// unclear when the articles give no clear signal) and how each outlet covered it (quotes, who
    /// only it quotes, points only it has, common points it leaves out, rewrites and re-publications).
    /// Every statement and point has an article id and span. Use after list_stories / get_story.
    /// People and outlets come 10 at a time by default: pass `next_cursor` back as `cursor`.
    #[tool(
        title = "Compare views",
        annotations(read_only_hint = true, idempotent_hint = true, open_world_hint = false)
    )]
    pub async fn compare_views(
        &self,
        Parameters(args): Parameters<CompareViewsArgs>,
    ) -> Result<Json<CompareViewsResult>, String> {
        let c = self.corpus().await;
        compare_views(&c, &args).map(Json)
    }
}

fn cite(c: &Corpus, s: &Statement, kind: &str) -> Cited {
    let a = &c.articles[s.ord as usize];
    Cited {
        text: s.text.clone(),
        article_id: a.id.clone(),
        outlet: a.outlet_name().to_string(),
        start: s.span.start as u32,
        end: s.span.end as u32,
        kind: kind.to_string(),
    }
}

pub fn compare_views(c: &Corpus, args: &CompareViewsArgs) -> Result<CompareViewsResult, String> {
    let id = args.story_id.trim();
    let story = c.story(id).ok_or_else(|| unknown_story(id))?;
    let (max_st, max_pts) = match args.detail {
        ViewDetail::Concise => (3, 2),
        ViewDetail::Full => (10, 10),
    };
    let limit = args.limit.clamp(1, 50) as usize;
    let fp = cursor::fingerprint(&[
        "compare_views",
        &story.id,
        &format!("{:?}/{:?}", args.aspect, args.detail),
    ]);
    let offset = cursor::decode(args.cursor.as_deref(), fp, "compare_views")?;
    let page = offset..offset + limit;
    let (mut people_total, mut outlets_total) = (0, 0);
    let (analysis, ctx) = c.analysis(story);
    let mut sides = Sides {
        supports: vec![],
        disputes: vec![],
        other: vec![],
        unclear: vec![],
    };
    let mut people = Vec::new();
    let mut groups = Vec::new();
    let claim = if args.aspect != Aspect::Outlets {
        let pv = analysis.people(&ctx);
        for (name, st) in &pv.groups {
            groups.push(GroupOut {
                name: name.clone(),
                statements: st
                    .iter()
                    .take(max_st)
                    .map(|s| cite(c, s, s.kind.as_str()))
                    .collect(),
            });
        }
        people_total = pv.people.len();
        for (i, p) in pv.people.iter().enumerate() {
            match p.side {
                views::Side::Supports => sides.supports.push(p.name.clone()),
                views::Side::Disputes => sides.disputes.push(p.name.clone()),
                views::Side::Other => sides.other.push(p.name.clone()),
                views::Side::Unclear => sides.unclear.push(p.name.clone()),
            }
            if !page.contains(&i) {
                continue;
            }
            people.push(PersonOut {
                name: p.name.clone(),
                role: p.role.clone(),
                outlets: p.outlets.clone(),
                position: p.position.as_ref().map(|s| cite(c, s, s.kind.as_str())),
                key_terms: p.key_terms.clone(),
                side: p.side.as_str().to_string(),
                side_evidence: p.evidence.as_ref().map(|s| cite(c, s, "sentence")),
                side_reason: p.reason.clone(),
                statements: p
                    .statements
                    .iter()
                    .take(max_st)
                    .map(|s| cite(c, s, s.kind.as_str()))
                    .collect(),
                statement_count: p.statements.len() as u32,
            });
        }
        pv.claim.clone()
    } else {
        views::claim(&c.articles, &c.annotations, story)
    };
    let claim = ClaimOut {
        text: claim.text.clone(),
        source: if claim.from_headline {
            "headline"
        } else {
            "lead"
        }
        .into(),
        held_by: claim.holder.clone(),
        evidence: cite(c, &claim.evidence, "sentence"),
    };
    let mut outlets = Vec::new();
    if args.aspect != Aspect::People {
        let all = analysis.outlets(&ctx);
        outlets_total = all.len();
        for v in all.iter().skip(offset).take(limit) {
            let a = &c.articles[v.ord as usize];
            outlets.push(OutletOut {
                article_id: a.id.clone(),
                outlet: a.outlet_name().to_string(),
                title: a.title.clone().unwrap_or_default(),
                published: a.published_iso(),
                chars: a.body_chars as u32,
                direct_quotes: v.direct_quotes,
                reported_statements: v.reported,
                quotes_from: v.speakers.clone(),
                only_it_quotes: v.speakers_only_here.clone(),
                only_here: v
                    .only_here
                    .iter()
                    .take(max_pts)
                    .map(|s| cite(c, s, "sentence"))
                    .collect(),
                leaves_out: v
                    .leaves_out
                    .iter()
                    .take(max_pts)
                    .map(|s| cite(c, s, "sentence"))
                    .collect(),
                derives_from: v
                    .derives_from
                    .map(|(o, _)| c.articles[o as usize].id.clone()),
                derivation: v
                    .derives_from
                    .map(|(_, copy)| if copy { "republication" } else { "rewrite" }.to_string()),
            });
        }
    }
    let shared_points = analysis
        .shared_points(&ctx)
        .iter()
        .take(max_pts + 1)
        .map(|s| cite(c, s, "sentence"))
        .collect();
    Ok(CompareViewsResult {
        story_id: story.id.clone(),
        headline: story.headline.clone(),
        claim,
        people,
        groups,
        sides,
        outlets,
        first_outlet: c.articles[story.members[0] as usize]
            .outlet_name()
            .to_string(),
        shared_points,
        next_cursor: cursor::next(
            (offset + limit).min(people_total.max(outlets_total)),
            people_total.max(outlets_total),
            fp,
        ),
        people_total: people_total as u32,
        outlets_total: outlets_total as u32,
    })
}
