//! The command line: `serve` (MCP over stdio or streamable HTTP), `call` (one scripted tool call
//! through the same MCP handler, in process) and `ingest` (load a corpus, print the load report).

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use rmcp::ServiceExt;
use rmcp::model::CallToolRequestParams;

use crate::corpus::CorpusOptions;
use crate::corpus::{Corpus, CorpusCell};
use crate::ingest::{CorpusSource, LoadOptions};
use crate::model::iso;
use crate::server::NewsDesk;
use crate::server::http::{self, HttpOptions};
use crate::stories::cluster::Params;

/// newsdesk: a news corpus for AI agents, served over the Model Context Protocol.
///
/// It reads scraped news articles (plain-text page scrapes, HTML, Markdown, JSON, JSONL), cleans
/// them, groups them into stories and serves tools to search, read and compare them.
#[derive(Parser, Debug)]
#[command(name = "newsdesk", version, propagate_version = true)]
#[command(
    after_help = "Examples:\n  newsdesk serve                         MCP over stdio, built-in sample corpus\n  \
newsdesk serve --corpus ./news          serve your own folder of articles\n  \
newsdesk serve --http 127.0.0.1:8080   MCP over streamable HTTP at /mcp\n  \
newsdesk call search_articles '{\"query\":\"harbor\"}'\n  \
newsdesk ingest --corpus ./news         load a corpus and print its report"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the corpus over MCP: stdio by default, streamable HTTP with --http.
    ///
    /// Example: newsdesk serve --corpus ./news
    /// (an MCP client such as Claude Desktop starts this command and talks to it on stdin/stdout).
    /// The corpus loads in the background; `kill -HUP <pid>` reloads it from the same paths and
    /// tells connected clients (notifications/resources/list_changed).
    #[command(
        after_help = "Examples:\n  newsdesk serve\n  newsdesk serve --corpus ./news --corpus ./more.jsonl\n  \
newsdesk serve --http 127.0.0.1:8080 --auth-token s3cret"
    )]
    Serve(ServeArgs),
    /// Make one tool call and print the tool's structured result as JSON on stdout.
    ///
    /// The call goes through the same MCP handler as the server. On a tool error the message goes
    /// to stderr and the exit code is 1.
    #[command(after_help = "Examples:\n  newsdesk call corpus_info\n  \
newsdesk call search_articles '{\"query\":\"court ruling\",\"limit\":3}'\n  \
newsdesk call get_article '{\"article_id\":\"a-3f9c0d12ab45\"}' --corpus ./news")]
    Call(CallArgs),
    /// Load a corpus and print its load report: articles, outlets, dates, duplicates, skipped files.
    #[command(
        after_help = "Examples:\n  newsdesk ingest --corpus ./news\n  newsdesk ingest --corpus ./news --json"
    )]
    Ingest(IngestArgs),
}

#[derive(Args, Debug, Clone)]
struct CorpusArgs {
    /// A corpus folder (searched recursively) or file; may be repeated. Default: the built-in sample corpus.
    #[arg(long = "corpus", value_name = "PATH")]
    corpus: Vec<PathBuf>,
    /// Threads that read and clean files, 1-8. Default: the machine's cores.
    #[arg(long, env = "NEWSDESK_THREADS", value_name = "N")]
    threads: Option<usize>,
    /// Time budget of one file, in seconds, plus --file-budget-per-mb for each megabyte: a file
    /// that takes longer to read and clean is skipped with the reason and the rest loads.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    file_budget: f64,
    /// Seconds added to a file's time budget for each megabyte of it.
    #[arg(long, value_name = "SECONDS", default_value_t = 2.0)]
    file_budget_per_mb: f64,
    /// Clustering parameters to override, e.g. "split_threshold=0.5 title_only_window_hours=48"
    /// (names as in the README's story clustering section). For evaluations, not everyday use.
    #[arg(long, env = "NEWSDESK_CLUSTER", value_name = "NAME=VALUE ...")]
    cluster: Option<String>,
}

impl CorpusArgs {
    fn options(&self) -> Result<CorpusOptions> {
        let mut cluster = Params::default();
        if let Some(spec) = &self.cluster {
            cluster = cluster
                .with_overrides(spec)
                .map_err(|e| anyhow::anyhow!("--cluster (or NEWSDESK_CLUSTER): {e}"))?;
        }
        let mut o = LoadOptions::default();
        if let Some(t) = self.threads {
            if !(1..=8).contains(&t) {
                bail!("--threads must be 1 to 8, got {t}");
            }
            o.threads = t;
        }
        let seconds = |flag: &str, v: f64| {
            if v.is_finite() && (0.0..=86_400.0).contains(&v) {
                Ok(std::time::Duration::from_secs_f64(v))
            } else {
                Err(anyhow::anyhow!(
                    "{flag} must be a number of seconds from 0 to 86400, got {v}"
                ))
            }
        };
        o.file_budget.base = seconds("--file-budget", self.file_budget)?;
        o.file_budget.per_mb = seconds("--file-budget-per-mb", self.file_budget_per_mb)?;
        Ok(CorpusOptions { load: o, cluster })
    }

    fn source(&self) -> CorpusSource {
        if self.corpus.is_empty() {
            CorpusSource::Sample
        } else {
            CorpusSource::Paths(self.corpus.clone())
        }
    }
}

#[derive(Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Serve MCP over streamable HTTP at http://ADDR/mcp instead of stdio (e.g. 127.0.0.1:8080).
    #[arg(long, value_name = "ADDR")]
    http: Option<SocketAddr>,
    /// Require "Authorization: Bearer TOKEN" on HTTP requests.
    #[arg(
        long,
        env = "NEWSDESK_AUTH_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    auth_token: Option<String>,
    /// Also accept this Host header on HTTP (loopback names are always accepted); may be repeated.
    #[arg(long, value_name = "HOST")]
    allow_host: Vec<String>,
    /// Also accept this browser Origin on HTTP, e.g. https://app.example.com:443; may be repeated.
    #[arg(long, value_name = "ORIGIN")]
    allow_origin: Vec<String>,
    /// Largest HTTP request body, in bytes.
    #[arg(long, default_value_t = 1_048_576)]
    max_body_bytes: usize,
    /// HTTP requests handled at once (more wait; beyond 4x this many get 503).
    #[arg(long, default_value_t = 64)]
    max_concurrent: usize,
    /// Keep MCP sessions on HTTP (Mcp-Session-Id). Default: stateless, every request self-contained.
    #[arg(long)]
    stateful: bool,
}

#[derive(Args, Debug)]
struct CallArgs {
    /// Tool name, e.g. search_articles.
    tool: String,
    /// Tool arguments as a JSON object (default {}).
    #[arg(value_name = "JSON-ARGS")]
    args: Option<String>,
    #[command(flatten)]
    corpus: CorpusArgs,
}

#[derive(Args, Debug)]
struct IngestArgs {
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

/// Runs the command line; the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("newsdesk: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(a) => serve(a).await,
            Command::Call(a) => call(a).await,
            Command::Ingest(a) => ingest(a),
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsdesk: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("newsdesk=info,warn"));
    // stdout is the protocol channel: logs go to stderr only.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}

async fn serve(a: ServeArgs) -> Result<ExitCode> {
    let src = a.corpus.source();
    let origin = crate::corpus::origin_of(&src);
    let cell = CorpusCell::load_in_background(src, a.corpus.options()?);
    reload_on_sighup(cell.clone());
    match a.http {
        Some(addr) => {
            if !addr.ip().is_loopback() && a.auth_token.is_none() {
                tracing::warn!(
                    "listening on non-loopback {addr} without --auth-token: anyone who can reach it can read the corpus"
                );
            }
            eprintln!(
                "newsdesk {}: serving {origin} over MCP streamable HTTP at http://{addr}/mcp{}\n  \
                 connect: an MCP client with {{\"type\": \"http\", \"url\": \"http://{addr}/mcp\"}}; health: http://{addr}/health; Ctrl-C stops",
                env!("CARGO_PKG_VERSION"),
                if a.auth_token.is_some() {
                    " (bearer token required)"
                } else {
                    ""
                }
            );
            let opts = HttpOptions {
                addr,
                auth_token: a.auth_token,
                allow_hosts: a.allow_host,
                allow_origins: a.allow_origin,
                max_body_bytes: a.max_body_bytes,
                max_concurrent: a.max_concurrent,
                stateful: a.stateful,
            };
            http::serve(cell, opts).await?;
        }
        None => {
            eprintln!(
                "newsdesk {}: serving {origin} over MCP on stdio (JSON-RPC on stdin/stdout, logs on stderr)",
                env!("CARGO_PKG_VERSION")
            );
            if std::io::stdin().is_terminal() {
                eprintln!(
                    "  stdin is a terminal: this is an MCP server, not an interactive program. Connect it from an MCP\n  \
                     client that starts `newsdesk serve` (see README: Claude Desktop config), try it with\n  \
                     `npx @modelcontextprotocol/inspector newsdesk serve`, or make one call with\n  \
                     `newsdesk call corpus_info`. Ctrl-C stops."
                );
            }
            let service = NewsDesk::new(cell)
                .serve(rmcp::transport::stdio())
                .await
                .context("MCP handshake on stdio failed")?;
            service
                .waiting()
                .await
                .context("stdio server stopped with an error")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// SIGHUP reloads the corpus from the same paths (new and changed files come in; the old
/// snapshot serves until the new one is built; connected clients get `resources/list_changed`).
fn reload_on_sighup(cell: CorpusCell) {
    #[cfg(unix)]
    tokio::spawn(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut hup) = signal(SignalKind::hangup()) else {
            return;
        };
        while hup.recv().await.is_some() {
            if cell.reload() {
                tracing::info!("SIGHUP: reloading the corpus");
            } else {
                tracing::info!("SIGHUP: a load is already running");
            }
        }
    });
    #[cfg(not(unix))]
    let _ = cell;
}

async fn call(a: CallArgs) -> Result<ExitCode> {
    let args = match a.args.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => serde_json::Map::new(),
        Some(s) => match serde_json::from_str::<serde_json::Value>(s) {
            Ok(serde_json::Value::Object(m)) => m,
            Ok(_) => bail!("JSON-ARGS must be a JSON object, e.g. '{{\"query\":\"harbor\"}}'"),
            Err(e) => bail!(
                "JSON-ARGS is not valid JSON ({e}); pass an object, e.g. '{{\"query\":\"harbor\"}}'"
            ),
        },
    };
    let src = a.corpus.source();
    let opts = a.corpus.options()?;
    let corpus = tokio::task::spawn_blocking(move || Corpus::load_with(&src, &opts, &|_, _| {}))
        .await
        .context("corpus loader crashed")??;
    let (server_io, client_io) = tokio::io::duplex(1 << 20);
    let server = NewsDesk::new(CorpusCell::ready(corpus));
    tokio::spawn(async move {
        if let Ok(s) = server.serve(server_io).await {
            let _ = s.waiting().await;
        }
    });
    let client = ().serve(client_io).await.context("in-process MCP handshake failed")?;
    let tools = client.list_all_tools().await.context("listing tools")?;
    if !tools.iter().any(|t| t.name == a.tool) {
        let names: Vec<&str> = tools.iter().map(|t| t.name.as_ref()).collect();
        bail!("no tool {:?}; tools: {}", a.tool, names.join(", "));
    }
    let res = client
        .call_tool(CallToolRequestParams::new(a.tool.clone()).with_arguments(args))
        .await
        .context("tool call failed")?;
    let _ = client.cancel().await;
    let text: Vec<String> = res
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect();
    if res.is_error == Some(true) {
        eprintln!("{}: {}", a.tool, text.join("\n"));
        return Ok(ExitCode::from(1));
    }
    let out = match res.structured_content {
        Some(v) => serde_json::to_string_pretty(&v)?,
        None => text.join("\n"),
    };
    println!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn ingest(a: IngestArgs) -> Result<ExitCode> {
    let src = a.corpus.source();
    let started = Instant::now();
    let c = Corpus::load_with(&src, &a.corpus.options()?, &|_, _| {})?;
    let ms = started.elapsed().as_millis();
    if a.json {
        let v = serde_json::json!({
            "origin": c.origin,
            "elapsed_ms": ms,
            "articles": c.articles.len(),
            "stories": c.story_count(),
            "outlets": c.outlets().iter().map(|(n, k)| serde_json::json!({"name": n, "articles": k})).collect::<Vec<_>>(),
            "first_published": c.date_range().map(|r| iso(r.0)),
            "last_published": c.date_range().map(|r| iso(r.1)),
            "report": c.report,
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    let r = &c.report;
    println!(
        "{}: {} articles from {} files ({:.1} MB) in {ms} ms",
        c.origin,
        c.articles.len(),
        r.files,
        r.bytes as f64 / 1e6
    );
    println!("stories: {}", c.story_count());
    let outlets: Vec<String> = c
        .outlets()
        .iter()
        .map(|(n, k)| format!("{n} ({k})"))
        .collect();
    println!("outlets ({}): {}", outlets.len(), outlets.join(", "));
    match c.date_range() {
        Some((lo, hi)) => println!("published: {} .. {}", iso(lo), iso(hi)),
        None => println!("published: no dates"),
    }
    println!("near-duplicate groups: {}", r.duplicates.len());
    for d in &r.duplicates {
        let name = |id: &str| {
            c.article(id)
                .map_or(id.to_string(), |a| format!("{id} {}", a.source_ref()))
        };
        let copies: Vec<String> = d.copies.iter().map(|x| name(x)).collect();
        println!("  {} <- {}", name(&d.canonical), copies.join(", "));
    }
    println!("skipped: {}", r.skipped.len());
    for s in &r.skipped {
        match s.record {
            Some(n) => println!("  {}#{}: {}", s.path, n, s.reason),
            None => println!("  {}: {}", s.path, s.reason),
        }
    }
    if !r.notes.is_empty() {
        println!("notes: {}", r.notes.len());
        for n in &r.notes {
            println!("  {}: {}", n.path, n.note);
        }
    }
    Ok(ExitCode::SUCCESS)
}
