//! The MCP server: tools, resources, prompts and completions over a read-only corpus snapshot.
//! Every transport (stdio, streamable HTTP, the in-process `call` command) serves this same handler.

pub mod articles;
pub mod cursor;
pub mod http;
pub mod quotes;
pub mod schema;
pub mod stories;
pub mod views;

use std::sync::{Arc, Mutex};

use rmcp::handler::server::router::prompt::PromptRouter;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::tool::ToolCallContext;
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::*;
use rmcp::service::{NotificationContext, Peer, RequestContext};
use rmcp::{
    ErrorData as McpError, RoleServer, ServerHandler, prompt, prompt_handler, prompt_router,
    tool_handler,
};
use schemars::JsonSchema;
use serde::Deserialize;

use crate::corpus::{Corpus, CorpusCell};

/// How an agent is taught to use the server (sent as the `instructions` of `initialize`).
pub const INSTRUCTIONS: &str = "newsdesk serves a read-only corpus of news articles from many outlets, cleaned of page \
junk and grouped into stories (events). Workflow: list_stories to see what is happening (or search_articles to find \
articles by words) -> get_story for one story's articles and timeline -> get_quotes / list_speakers for who said what (verbatim, with spans) -> compare_views for who disagrees and how each outlet covered it -> get_article to read an article's clean \
text. Every id is stable; list tools are paginated: pass a result's `next_cursor` back as `cursor` with the same \
other arguments. Outputs are concise by default; ask for more with `detail`, `limit` or `max_chars`. Character \
spans are offsets in Unicode code points into the text get_article returns. corpus_info says what is loaded and \
which files were skipped.";

/// The newsdesk MCP handler. Cheap to clone: it holds the corpus cell and the routers.
#[derive(Clone)]
pub struct NewsDesk {
    cell: CorpusCell,
    tool_router: ToolRouter<Self>,
    prompt_router: PromptRouter<Self>,
    /// The least severe level of `notifications/message` this connection's client wants. (MCP
    /// logging is deprecated by SEP-2577, but today's clients still set and show it.)
    #[allow(deprecated)]
    log_level: Arc<Mutex<LoggingLevel>>,
}

impl NewsDesk {
    #[allow(deprecated)] // LoggingLevel: see `log_level`
    pub fn new(cell: CorpusCell) -> Self {
        NewsDesk {
            cell,
            tool_router: Self::articles_router()
                + Self::stories_router()
                + Self::quotes_router()
                + Self::views_router(),
            prompt_router: Self::prompt_router(),
            log_level: Arc::new(Mutex::new(LoggingLevel::Info)),
        }
    }

    /// A handler for one more connection or session: the same corpus and routers (built once:
    /// they hold every tool's schema), its own log level.
    #[allow(deprecated)] // LoggingLevel: see `log_level`
    pub fn session(&self) -> Self {
        NewsDesk {
            cell: self.cell.clone(),
            tool_router: self.tool_router.clone(),
            prompt_router: self.prompt_router.clone(),
            log_level: Arc::new(Mutex::new(LoggingLevel::Info)),
        }
    }

    /// The current corpus, waiting for the first load to finish.
    pub async fn corpus(&self) -> Arc<Corpus> {
        self.cell.get().await
    }

    /// The current corpus for a request. While the first load runs and the request carries a
    /// progress token, the client gets `notifications/progress` (files parsed of all files).
    async fn corpus_for(&self, ctx: &RequestContext<RoleServer>) -> Arc<Corpus> {
        if let Some(c) = self.cell.now() {
            return c;
        }
        let Some(token) = ctx.meta.get_progress_token() else {
            return self.corpus().await;
        };
        let loaded = self.corpus();
        tokio::pin!(loaded);
        let mut tick = tokio::time::interval(LOAD_PROGRESS_EVERY);
        let mut last = None;
        loop {
            tokio::select! {
                c = &mut loaded => return c,
                _ = tick.tick() => {
                    let Some((done, total)) = self.cell.load_progress() else { continue };
                    // Nothing to say until the files are listed (total known) and one more is parsed.
                    if total == 0 || last == Some(done) {
                        continue;
                    }
                    last = Some(done);
                    let p = ProgressNotificationParam::new(token.clone(), done as f64)
                        .with_total(total as f64)
                        .with_message(format!("loading the corpus: {done} files parsed"));
                    // A client that went away needs no progress; the call still completes.
                    let _ = ctx.peer.notify_progress(p).await;
                }
            }
        }
    }

    #[allow(deprecated)] // MCP logging: see `log_level`
    /// Sends a log message to the client if its level is at or above the one it asked for.
    async fn log(
        &self,
        peer: &Peer<RoleServer>,
        level: LoggingLevel,
        data: serde_json::Value,
    ) -> bool {
        let wanted = self
            .log_level
            .lock()
            .map(|l| *l)
            .unwrap_or(LoggingLevel::Info);
        if (level as u8) < (wanted as u8) {
            return true;
        }
        let mut msg = LoggingMessageNotificationParam::new(level, data);
        msg.logger = Some("newsdesk".into());
        peer.notify_logging_message(msg).await.is_ok()
    }
}

/// How often a request waiting for the corpus reports load progress.
const LOAD_PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_millis(100);

/// The tool error for a story id that is not in the corpus.
pub fn unknown_story(id: &str) -> String {
    format!(
        "unknown story_id {:?}; story ids look like \"s-1a2b3c4d\": call list_stories for valid ids",
        id.trim()
    )
}

/// The article ordinals of a story, or the tool error for an unknown id.
pub fn story_ords(c: &Corpus, id: &str) -> Result<Vec<u32>, String> {
    c.story_article_ords(id).ok_or_else(|| unknown_story(id))
}

/// Checks an outlet filter against the corpus's outlets (case-insensitive exact name).
pub fn check_outlet(c: &Corpus, o: &str) -> Result<(), String> {
    let key = crate::index::outlet_key(o);
    if c.outlets()
        .iter()
        .any(|(n, _)| crate::index::outlet_key(n) == key)
    {
        return Ok(());
    }
    let names: Vec<&str> = c
        .outlets()
        .iter()
        .take(20)
        .map(|(n, _)| n.as_str())
        .collect();
    Err(format!(
        "unknown outlet {o:?}; outlets in this corpus: {}",
        names.join(", ")
    ))
}

/// Parses a `since`/`until` argument into unix seconds. A bare date used as an upper bound means
/// the end of that day (the bound is exclusive).
pub fn parse_bound(v: Option<&str>, name: &str, upper: bool) -> Result<Option<i64>, String> {
    let Some(v) = v.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let t = crate::ingest::meta::parse_time(v).ok_or_else(|| {
        format!("`{name}` {v:?} is not a date; use ISO 8601 such as \"2026-10-14\" or \"2026-10-14T09:00:00Z\"")
    })?;
    let date_only = v.len() <= 10 && !v.contains(':');
    Ok(Some(if upper {
        if date_only {
            t.timestamp() + 86_400
        } else {
            t.timestamp() + 1
        }
    } else {
        t.timestamp()
    }))
}

/// Arguments of the `story_briefing` prompt.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct BriefingArgs {
    /// Story id from list_stories, e.g. "s-1a2b3c4d".
    pub story_id: String,
}

/// Arguments of the `compare_coverage` prompt.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct CoverageArgs {
    /// Story id from list_stories, e.g. "s-1a2b3c4d".
    pub story_id: String,
    /// Optional outlet to focus on, e.g. "Harbor Post" (corpus_info lists the outlets).
    #[serde(default)]
    pub outlet: Option<String>,
}

/// Arguments of the `speaker_quotes` prompt.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct SpeakerArgs {
    /// A person or organisation quoted in the corpus, e.g. "Mara Quill" (list_speakers has names).
    pub person: String,
}

#[prompt_router]
impl NewsDesk {
    /// Sum up what one person said across the corpus, verbatim and cited.
    #[prompt(name = "speaker_quotes")]
    async fn speaker_quotes(
        &self,
        Parameters(a): Parameters<SpeakerArgs>,
    ) -> Result<GetPromptResult, McpError> {
        let text = format!(
            "Sum up what {person} has said in the newsdesk corpus. Call get_quotes with speaker \"{person}\" \
             (page with next_cursor until done), group the statements by story (get_story gives each story's \
             headline), and give each statement verbatim with its outlet, article id and span. Keep direct quotes \
             and reported speech apart, say who else in the same story disagrees (compare_views), and add \
             nothing the quotes do not say.",
            person = a.person
        );
        Ok(
            GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
                .with_description("What one person said, verbatim, with evidence"),
        )
    }

    /// Write a short, neutral briefing on one story, every claim backed by an article id and span.
    #[prompt(name = "story_briefing")]
    async fn story_briefing(
        &self,
        Parameters(a): Parameters<BriefingArgs>,
    ) -> Result<GetPromptResult, McpError> {
        let text = format!(
            "Write a neutral briefing on newsdesk story {id}. First call get_story with story_id \"{id}\" to learn \
             what happened, when, and which outlets covered it; read the key articles with get_article. State only \
             what the articles say, cite every fact as (outlet, article id, character span), and say where outlets \
             differ. Keep it under 300 words.",
            id = a.story_id
        );
        Ok(
            GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)])
                .with_description("A neutral, cited briefing on one story"),
        )
    }

    /// Write a balanced briefing on how a story's people disagree and how each outlet covered it.
    #[prompt(name = "compare_coverage")]
    async fn compare_coverage(
        &self,
        Parameters(a): Parameters<CoverageArgs>,
    ) -> Result<GetPromptResult, McpError> {
        let focus = match a.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            Some(o) => format!(
                " Give most room to how {o} covered it: what it has that others do not, what it leaves out, whom \
                 it quotes, and whether it rewrites another outlet's article."
            ),
            None => String::new(),
        };
        let text = format!(
            "Write a balanced briefing on newsdesk story {id}. Call compare_views with story_id \"{id}\" and \
             aspect \"both\"; call get_quotes with the same story_id for the exact words. Structure: (1) what \
             happened, from the claim and shared points; (2) the positions, grouped by side, each person with their \
             role and one verbatim quote; say \"unclear\" where the tool does; (3) how outlets differ: who broke \
             it, what only one outlet reports, what some leave out, which articles are rewrites. Back every claim \
             with (outlet, article id, start-end span) from the tool results, quote only text that appears at those \
             spans, and add nothing the articles do not say.{focus}",
            id = a.story_id
        );
        Ok(
            GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)]).with_description(
                "A balanced, cited comparison of views and coverage for one story",
            ),
        )
    }
}

const ARTICLE_TEMPLATE: &str = "newsdesk://article/{id}";
const STORY_TEMPLATE: &str = "newsdesk://story/{id}";
const RESOURCE_PAGE: usize = 100;

#[tool_handler(router = self.tool_router)]
#[prompt_handler(router = self.prompt_router)]
impl ServerHandler for NewsDesk {
    #[allow(deprecated)] // enable_logging: see `log_level`
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(
            ServerCapabilities::builder()
                .enable_tools()
                .enable_prompts()
                .enable_resources()
                .enable_resources_list_changed()
                .enable_completions()
                .enable_logging()
                .build(),
        )
        .with_server_info(
            Implementation::new("newsdesk", env!("CARGO_PKG_VERSION"))
                .with_title("newsdesk: news corpus for agents"),
        )
        .with_instructions(INSTRUCTIONS)
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<CallToolResponse, McpError> {
        // Tools read the corpus; wait for it here so a waiting call can report load progress.
        self.corpus_for(&context).await;
        // The tool runs as a task of its own, so that a panic in it (a bug, here or in a library)
        // answers this call with an error instead of leaving the client waiting for ever.
        let me = self.clone();
        let name = request.name.to_string();
        let task = tokio::spawn(async move {
            let tcc = ToolCallContext::new(&me, request, context);
            me.tool_router.call(tcc).await
        });
        match task.await {
            Ok(answer) => answer,
            Err(e) => {
                tracing::error!("tool {name} failed: {e}");
                Err(McpError::internal_error(
                    format!(
                        "{name} failed with an internal error (logged by the server); \
                         other calls are not affected"
                    ),
                    None,
                ))
            }
        }
    }

    #[allow(deprecated)] // MCP logging: see `log_level`
    async fn set_level(
        &self,
        request: SetLevelRequestParams,
        _c: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        if let Ok(mut l) = self.log_level.lock() {
            *l = request.level;
        }
        Ok(())
    }

    /// Watches the corpus for this connection: when a load or reload swaps in a new snapshot the
    /// client gets `notifications/resources/list_changed` and a log message saying what is loaded.
    #[allow(deprecated)] // MCP logging: see `log_level`
    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        let mut rx = self.cell.subscribe();
        rx.borrow_and_update();
        let me = self.clone();
        let peer = context.peer;
        tokio::spawn(async move {
            while rx.changed().await.is_ok() {
                let Some(c) = rx.borrow_and_update().clone() else {
                    continue;
                };
                if peer.notify_resource_list_changed().await.is_err() {
                    break;
                }
                let data = serde_json::json!({
                    "event": "corpus_loaded",
                    "origin": c.origin,
                    "articles": c.articles.len(),
                    "stories": c.story_count(),
                    "skipped_files": c.report.skipped.len(),
                });
                if !me.log(&peer, LoggingLevel::Notice, data).await {
                    break;
                }
            }
        });
    }

    async fn list_resource_templates(
        &self,
        _r: Option<PaginatedRequestParams>,
        _c: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, McpError> {
        Ok(ListResourceTemplatesResult::with_all_items(vec![
            ResourceTemplate::new(STORY_TEMPLATE, "story")
                .with_title("Story")
                .with_description("One story in full, as JSON (the get_story result)")
                .with_mime_type("application/json"),
            ResourceTemplate::new(ARTICLE_TEMPLATE, "article")
                .with_title("Article")
                .with_description("One clean article with its metadata, as JSON (the get_article result, whole text)")
                .with_mime_type("application/json"),
        ]))
    }

    async fn list_resources(
        &self,
        r: Option<PaginatedRequestParams>,
        ctx: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, McpError> {
        let c = self.corpus_for(&ctx).await;
        let fp = cursor::fingerprint(&["resources"]);
        let offset = cursor::decode(
            r.as_ref().and_then(|r| r.cursor.as_deref()),
            fp,
            "resources/list",
        )
        .map_err(|e| McpError::invalid_params(e, None))?;
        // Stories (newest updated first), then articles (newest first), one page at a time.
        let mut stories: Vec<&crate::stories::Story> = c.stories.iter().collect();
        stories.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.id.cmp(&b.id)));
        let total = stories.len() + c.articles.len();
        let items: Vec<Resource> = (offset..total.min(offset + RESOURCE_PAGE))
            .map(|i| match stories.get(i) {
                Some(s) => Resource::new(format!("newsdesk://story/{}", s.id), s.id.clone())
                    .with_title(format!("{} ({} articles)", s.headline, s.members.len()))
                    .with_mime_type("application/json"),
                None => {
                    let a = &c.articles[c.newest()[i - stories.len()] as usize];
                    Resource::new(format!("newsdesk://article/{}", a.id), a.id.clone())
                        .with_title(format!(
                            "{} ({})",
                            a.title.as_deref().unwrap_or("untitled"),
                            a.outlet_name()
                        ))
                        .with_mime_type("application/json")
                }
            })
            .collect();
        let end = (offset + RESOURCE_PAGE).min(total);
        let mut res = ListResourcesResult::with_all_items(items);
        res.next_cursor = cursor::next(end, total, fp);
        Ok(res)
    }

    async fn read_resource(
        &self,
        r: ReadResourceRequestParams,
        ctx: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, McpError> {
        let c = self.corpus_for(&ctx).await;
        let not_found = || {
            McpError::resource_not_found(
                "resource_not_found",
                Some(serde_json::json!({ "uri": r.uri })),
            )
        };
        if let Some(id) = r.uri.strip_prefix("newsdesk://story/") {
            let args = stories::GetStoryArgs {
                story_id: id.to_string(),
                limit: 100,
                cursor: None,
            };
            let story = stories::get_story(&c, &args).map_err(|_| not_found())?;
            let json = serde_json::to_string_pretty(&story)
                .map_err(|e| McpError::internal_error(e.to_string(), None))?;
            return Ok(ReadResourceResult::new(vec![
                ResourceContents::text(json, r.uri.clone()).with_mime_type("application/json"),
            ])
            .into());
        }
        let Some(id) = r.uri.strip_prefix("newsdesk://article/") else {
            return Err(not_found());
        };
        let args = articles::GetArticleArgs {
            article_id: id.to_string(),
            max_chars: 20_000,
            offset: 0,
        };
        let mut out = articles::get_article(&c, &args).map_err(|_| not_found())?;
        if out.truncated {
            // A resource is the whole article, whatever its length.
            if let Some(a) = c.article(id) {
                out.text = a.body.clone();
                out.truncated = false;
                out.next_offset = None;
            }
        }
        let json = serde_json::to_string_pretty(&out)
            .map_err(|e| McpError::internal_error(e.to_string(), None))?;
        Ok(ReadResourceResult::new(vec![
            ResourceContents::text(json, r.uri.clone()).with_mime_type("application/json"),
        ])
        .into())
    }

    async fn complete(
        &self,
        r: CompleteRequestParams,
        ctx: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, McpError> {
        let c = self.corpus_for(&ctx).await;
        let prefix = r.argument.value.as_str();
        let values = match (&r.r#ref, r.argument.name.as_str()) {
            (Reference::Resource(t), _) if t.uri == ARTICLE_TEMPLATE => {
                c.article_ids_starting(prefix, 100)
            }
            (Reference::Resource(t), _) if t.uri == STORY_TEMPLATE => {
                c.story_ids_starting(prefix, 100)
            }
            (Reference::Prompt(_), "story_id") => c.story_ids_starting(prefix, 100),
            (Reference::Prompt(_), "person") => c.speakers_starting(prefix, 100),
            (Reference::Prompt(_), "outlet") => c
                .outlets()
                .iter()
                .map(|(n, _)| n.clone())
                .filter(|n| n.to_lowercase().starts_with(&prefix.to_lowercase()))
                .take(100)
                .collect(),
            _ => vec![],
        };
        let info = CompletionInfo::with_pagination(values, None, false)
            .map_err(|e| McpError::internal_error(e.to_string(), None))?;
        Ok(CompleteResult::new(info))
    }
}

#[cfg(test)]
mod tests;
