//! HTTP load test: starts `newsdesk serve --http` on a loopback port (built-in sample corpus unless
//! `--corpus` or `--synthetic N` is given), then many concurrent clients call the tools over MCP
//! streamable HTTP (stateless JSON responses, keep-alive connections) for a bounded time, in a
//! realistic mix: search with and without filters, list_stories in each order and with a query,
//! get_story, get_quotes by story and by speaker, list_speakers, compare_views and get_article,
//! over many different stories, articles and speakers found at the start. Reports calls per
//! second, p50/p99/max latency per tool, errors, and the server's resident memory sampled through
//! the run (flat memory = no leak over a soak).
//!
//!     cargo bench --bench load                         # sample corpus, 64 clients, 20 s
//!     cargo bench --bench load -- --synthetic 100000 --seconds 600   # 100k articles, 10-minute soak
//!
//! `--synthetic N` writes a feed of N synthetic articles (made-up words in planted stories, with
//! quotes; cached in the temp folder) and serves it.
//!
//! The client is a minimal HTTP/1.1 writer/reader on tokio so that it spends as little of the
//! machine's two cores as possible; every response is still parsed and checked to be a
//! successful JSON-RPC tool result.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

#[path = "common/synthetic.rs"]
mod synthetic;

struct Options {
    clients: usize,
    seconds: u64,
    corpus: Option<String>,
    synthetic: Option<usize>,
}

fn options() -> Result<Options> {
    let mut o = Options {
        clients: 64,
        seconds: 20,
        corpus: None,
        synthetic: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--clients" => o.clients = args.next().context("--clients N")?.parse()?,
            "--seconds" => o.seconds = args.next().context("--seconds N")?.parse()?,
            "--corpus" => o.corpus = Some(args.next().context("--corpus PATH")?),
            "--synthetic" => {
                o.synthetic = Some(args.next().context("--synthetic N")?.parse()?);
            }
            "--bench" => {}
            other => bail!(
                "unknown argument {other:?}; use --clients N --seconds N --corpus PATH --synthetic N"
            ),
        }
    }
    Ok(o)
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The server's resident set size in MB (Linux), or 0 where /proc is not there.
fn rss_mb(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

/// CPU time (user + system) a process has used so far, in seconds (Linux), or 0.
fn cpu_seconds(pid: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses and may hold spaces.
            let rest = s.rsplit_once(')')?.1.split_whitespace().collect::<Vec<_>>();
            let ticks: f64 =
                rest.get(11)?.parse::<f64>().ok()? + rest.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(0.0)
}

/// One keep-alive HTTP/1.1 connection speaking MCP JSON-RPC.
struct Conn {
    stream: BufReader<TcpStream>,
    port: u16,
    buf: Vec<u8>,
    out: Vec<u8>,
}

impl Conn {
    async fn open(port: u16) -> Result<Conn> {
        let s = TcpStream::connect(("127.0.0.1", port)).await?;
        s.set_nodelay(true)?;
        Ok(Conn {
            stream: BufReader::new(s),
            port,
            buf: Vec::with_capacity(32 * 1024),
            out: Vec::with_capacity(1024),
        })
    }

    /// POSTs one JSON-RPC request to /mcp and returns the response body. Head and body go out
    /// in one write (one TCP segment), as an HTTP client library would send them.
    async fn post(&mut self, body: &str) -> Result<&[u8]> {
        self.out.clear();
        write!(
            self.out,
            "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\n\
             Accept: application/json, text/event-stream\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        self.stream.get_mut().write_all(&self.out).await?;
        // Status line and headers.
        let mut status = 0u16;
        let mut length = None;
        let mut line = String::new();
        loop {
            line.clear();
            if read_line(&mut self.stream, &mut line).await? == 0 {
                bail!("connection closed");
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if status == 0 {
                status = l
                    .split(' ')
                    .nth(1)
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(0);
            } else if let Some((k, v)) = l.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse::<usize>().ok();
            }
        }
        let n = length.context("response without Content-Length")?;
        self.buf.resize(n, 0);
        self.stream.read_exact(&mut self.buf).await?;
        if status != 200 {
            bail!("HTTP {status}: {}", String::from_utf8_lossy(&self.buf));
        }
        Ok(&self.buf)
    }
}

async fn read_line(r: &mut BufReader<TcpStream>, line: &mut String) -> Result<usize> {
    use tokio::io::AsyncBufReadExt;
    Ok(r.read_line(line).await?)
}

/// What the workload calls are made of, found on the served corpus at the start.
struct Found {
    stories: Vec<String>,
    articles: Vec<String>,
    speakers: Vec<String>,
    words: Vec<String>,
    outlets: Vec<String>,
    /// A published day of the corpus (YYYY-MM-DD), for date filters.
    day: Option<String>,
}

/// The calls the clients make, round-robin: (tool, arguments). Per round of 20 calls: 6 searches
/// (3 with a filter), 3 list_stories, 3 get_story, 3 get_quotes (2 by story, 1 by speaker),
/// 1 list_speakers, 2 compare_views, 2 get_article; each round takes the next story, article,
/// speaker and word, so the clients ask about many different things.
fn workload(f: &Found) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::json;
    let pick = |v: &Vec<String>, i: usize| v.get(i % v.len().max(1)).cloned().unwrap_or_default();
    let rounds = f.stories.len().max(f.articles.len()).clamp(1, 50);
    let mut w = Vec::new();
    for r in 0..rounds {
        let story = pick(&f.stories, r);
        let story2 = pick(&f.stories, r + rounds / 2);
        let article = pick(&f.articles, r);
        let article2 = pick(&f.articles, r + rounds / 2);
        let speaker = pick(&f.speakers, r);
        let q = format!("{} {}", pick(&f.words, 2 * r), pick(&f.words, 2 * r + 1));
        let q1 = pick(&f.words, 3 * r + 7);
        let outlet = pick(&f.outlets, r);
        w.push(("search_articles", json!({ "query": q })));
        w.push(("search_articles", json!({ "query": q1, "limit": 5 })));
        w.push(("search_articles", json!({ "query": q, "outlet": outlet })));
        match &f.day {
            Some(d) => w.push(("search_articles", json!({ "query": q1, "since": d }))),
            None => w.push(("search_articles", json!({ "query": q1, "limit": 20 }))),
        }
        w.push(("search_articles", json!({ "query": format!("\"{q}\"") })));
        w.push((
            "search_articles",
            json!({ "query": q1, "outlet": outlet, "limit": 3 }),
        ));
        w.push(("list_stories", json!({})));
        w.push((
            "list_stories",
            json!({ "sort": if r % 2 == 0 { "coverage" } else { "trending" }, "limit": 5 }),
        ));
        w.push(("list_stories", json!({ "query": q1, "detail": "full" })));
        w.push(("get_story", json!({ "story_id": story })));
        w.push(("get_story", json!({ "story_id": story2 })));
        w.push(("get_story", json!({ "story_id": story, "limit": 5 })));
        w.push(("get_quotes", json!({ "story_id": story, "limit": 10 })));
        w.push(("get_quotes", json!({ "story_id": story2 })));
        w.push(("get_quotes", json!({ "speaker": speaker })));
        w.push(("list_speakers", json!({ "story_id": story })));
        w.push(("compare_views", json!({ "story_id": story })));
        w.push((
            "compare_views",
            json!({ "story_id": story2, "aspect": "people" }),
        ));
        w.push(("get_article", json!({ "article_id": article })));
        w.push((
            "get_article",
            json!({ "article_id": article2, "max_chars": 2000 }),
        ));
    }
    w
}

/// Finds stories, articles, speakers, words and outlets to ask about.
async fn find_things(conn: &mut Conn) -> Result<Found> {
    let mut f = Found {
        stories: vec![],
        articles: vec![],
        speakers: vec![],
        words: vec![],
        outlets: vec![],
        day: None,
    };
    for sort in ["coverage", "newest", "trending"] {
        let r = result_of(
            conn.post(&request(
                0,
                "list_stories",
                &serde_json::json!({ "sort": sort, "limit": 20 }),
            ))
            .await?,
        )?;
        for s in r["stories"].as_array().into_iter().flatten() {
            if let Some(id) = s["id"].as_str()
                && !f.stories.iter().any(|x| x == id)
            {
                f.stories.push(id.to_string());
            }
            for w in s["headline"].as_str().unwrap_or("").split_whitespace() {
                let w: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
                if w.len() > 3 && !f.words.contains(&w) {
                    f.words.push(w);
                }
            }
            if f.day.is_none() {
                f.day = s["first_published"]
                    .as_str()
                    .map(|d| d.chars().take(10).collect());
            }
        }
    }
    for id in f.stories.clone().iter().take(25) {
        let s = result_of(
            conn.post(&request(
                0,
                "get_story",
                &serde_json::json!({ "story_id": id, "limit": 3 }),
            ))
            .await?,
        )?;
        for a in s["timeline"].as_array().into_iter().flatten() {
            if let Some(id) = a["id"].as_str() {
                f.articles.push(id.to_string());
            }
        }
        let sp = result_of(
            conn.post(&request(
                0,
                "list_speakers",
                &serde_json::json!({ "story_id": id, "limit": 2 }),
            ))
            .await?,
        )?;
        for p in sp["speakers"].as_array().into_iter().flatten() {
            if let Some(n) = p["name"].as_str()
                && !f.speakers.iter().any(|x| x == n)
            {
                f.speakers.push(n.to_string());
            }
        }
    }
    let info = result_of(
        conn.post(&request(0, "corpus_info", &serde_json::json!({})))
            .await?,
    )?;
    for o in info["outlets"].as_array().into_iter().flatten().take(10) {
        if let Some(n) = o["name"].as_str() {
            f.outlets.push(n.to_string());
        }
    }
    if f.stories.is_empty() || f.articles.is_empty() {
        bail!("the corpus has no stories to ask about");
    }
    Ok(f)
}

/// A workload call serialised once: the request is this text with the id appended and a `}`.
fn request_prefix(tool: &str, args: &serde_json::Value) -> String {
    let params = serde_json::json!({ "name": tool, "arguments": args });
    format!(r#"{{"jsonrpc":"2.0","method":"tools/call","params":{params},"id":"#)
}

fn request(id: u64, tool: &str, args: &serde_json::Value) -> String {
    format!("{}{id}}}", request_prefix(tool, args))
}

/// The parts of a JSON-RPC response the check reads; the rest is scanned, not kept.
#[derive(serde::Deserialize)]
struct Reply {
    result: Option<ReplyResult>,
    error: Option<serde::de::IgnoredAny>,
}

#[derive(serde::Deserialize)]
struct ReplyResult {
    #[serde(rename = "isError")]
    is_error: Option<bool>,
    #[serde(rename = "structuredContent")]
    structured: Option<serde::de::IgnoredAny>,
}

/// Checks that a body is a successful tool result with structured content, without building it.
fn check_result(body: &[u8]) -> Result<()> {
    let r: Reply = serde_json::from_slice(body)?;
    match r.result {
        _ if r.error.is_some() => bail!("JSON-RPC error: {}", String::from_utf8_lossy(body)),
        None => bail!("no result"),
        Some(ReplyResult {
            is_error: Some(true),
            ..
        }) => bail!("tool error: {}", String::from_utf8_lossy(body)),
        Some(ReplyResult {
            structured: None, ..
        }) => bail!("no structuredContent"),
        Some(_) => Ok(()),
    }
}

/// Checks that a body is a successful tool result and returns its structured content.
fn result_of(body: &[u8]) -> Result<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(body)?;
    let r = v.get("result").context("no result")?;
    if r.get("isError").and_then(|e| e.as_bool()) == Some(true) {
        bail!("tool error: {r}");
    }
    r.get("structuredContent")
        .cloned()
        .context("no structuredContent")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> Result<()> {
    let mut o = options()?;
    if let Some(n) = o.synthetic {
        let t = Instant::now();
        let dir = synthetic::feed(n).context("write the synthetic feed")?;
        println!(
            "synthetic feed of {n} articles at {} ({:.1} s)",
            dir.display(),
            t.elapsed().as_secs_f64()
        );
        o.corpus = Some(dir.to_string_lossy().into_owned());
    }
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    cmd.args(["serve", "--http", &format!("127.0.0.1:{port}")])
        .args(["--max-concurrent", &o.clients.max(64).to_string()])
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(c) = &o.corpus {
        cmd.args(["--corpus", c]);
    }
    let spawned = Instant::now();
    let server = Server(cmd.spawn().context("start newsdesk")?);
    let pid = server.0.id();

    // The client side gets one thread: the server should have the rest of the machine.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    rt.block_on(async move {
        // Wait for the server and its corpus (the first call waits for the load).
        let deadline = Instant::now() + Duration::from_secs(600);
        let mut conn = loop {
            match Conn::open(port).await {
                Ok(c) => break c,
                Err(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await
                }
                Err(e) => return Err(e),
            }
        };
        let found = find_things(&mut conn).await?;
        println!(
            "corpus loaded and {} stories, {} articles, {} speakers found to ask about in {:.1} s",
            found.stories.len(),
            found.articles.len(),
            found.speakers.len(),
            spawned.elapsed().as_secs_f64()
        );
        let work: Arc<Vec<(&'static str, String)>> = Arc::new(
            workload(&found)
                .iter()
                .map(|(tool, args)| (*tool, request_prefix(tool, args)))
                .collect(),
        );
        let rss_start = rss_mb(pid);

        println!(
            "load: {} clients for {} s against {} (pid {pid}), RSS at start {rss_start:.1} MB",
            o.clients,
            o.seconds,
            o.corpus.as_deref().unwrap_or("the built-in sample corpus")
        );
        let stop = Arc::new(AtomicBool::new(false));
        let (server_cpu0, client_cpu0) = (cpu_seconds(&pid.to_string()), cpu_seconds("self"));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for c in 0..o.clients {
            let stop = stop.clone();
            let work = work.clone();
            tasks.push(tokio::spawn(async move {
                let mut lat: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
                let mut errors: Vec<String> = Vec::new();
                let mut conn = match Conn::open(port).await {
                    Ok(c) => c,
                    Err(e) => return (lat, vec![format!("connect: {e}")]),
                };
                let mut i = c;
                let mut body = String::with_capacity(512);
                while !stop.load(Ordering::Relaxed) {
                    let (tool, prefix) = &work[i % work.len()];
                    body.clear();
                    body.push_str(prefix);
                    write!(body, "{i}}}").ok();
                    let t = Instant::now();
                    match conn.post(&body).await.and_then(check_result) {
                        Ok(_) => lat.entry(*tool).or_default().push(t.elapsed()),
                        Err(e) => {
                            errors.push(format!("{tool}: {e}"));
                            if let Ok(c) = Conn::open(port).await {
                                conn = c;
                            }
                        }
                    }
                    i += 1;
                }
                (lat, errors)
            }));
        }
        // Sample the server's memory while the clients run.
        let mut samples = vec![(0u64, rss_start)];
        let every = Duration::from_secs((o.seconds / 20).clamp(1, 30));
        while started.elapsed() < Duration::from_secs(o.seconds) {
            tokio::time::sleep(
                every.min(Duration::from_secs(o.seconds).saturating_sub(started.elapsed())),
            )
            .await;
            samples.push((started.elapsed().as_secs(), rss_mb(pid)));
        }
        stop.store(true, Ordering::Relaxed);
        let mut all: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
        let mut errors = Vec::new();
        for t in tasks {
            let (lat, errs) = t.await?;
            for (k, v) in lat {
                all.entry(k).or_default().extend(v);
            }
            errors.extend(errs);
        }
        let secs = started.elapsed().as_secs_f64();
        let server_cores = (cpu_seconds(&pid.to_string()) - server_cpu0) / secs;
        let client_cores = (cpu_seconds("self") - client_cpu0) / secs;
        let total: usize = all.values().map(Vec::len).sum();
        println!("| tool | calls | calls/s | p50 ms | p99 ms | max ms |");
        println!("|---|---|---|---|---|---|");
        let mut every_call = Vec::new();
        for (tool, mut v) in all {
            v.sort();
            println!(
                "| {tool} | {} | {:.0} | {:.2} | {:.2} | {:.2} |",
                v.len(),
                v.len() as f64 / secs,
                percentile(&v, 0.5).as_secs_f64() * 1e3,
                percentile(&v, 0.99).as_secs_f64() * 1e3,
                v.last().copied().unwrap_or_default().as_secs_f64() * 1e3
            );
            every_call.extend(v);
        }
        every_call.sort();
        println!(
            "| all | {total} | {:.0} | {:.2} | {:.2} | {:.2} |",
            total as f64 / secs,
            percentile(&every_call, 0.5).as_secs_f64() * 1e3,
            percentile(&every_call, 0.99).as_secs_f64() * 1e3,
            every_call.last().copied().unwrap_or_default().as_secs_f64() * 1e3
        );
        println!("errors: {}", errors.len());
        println!("CPU: server {server_cores:.2} cores, load client {client_cores:.2} cores");
        for e in errors.iter().take(5) {
            println!("  {e}");
        }
        let max = samples.iter().map(|s| s.1).fold(0.0, f64::max);
        let end = samples.last().map(|s| s.1).unwrap_or(0.0);
        let trace: Vec<String> = samples
            .iter()
            .map(|(t, m)| format!("{t}s {m:.0}"))
            .collect();
        println!(
            "server RSS MB: start {rss_start:.1}, end {end:.1}, max {max:.1} ({})",
            trace.join(", ")
        );
        drop(conn);
        if !errors.is_empty() {
            bail!("{} calls failed", errors.len());
        }
        Ok(())
    })?;
    drop(server);
    Ok(())
}
