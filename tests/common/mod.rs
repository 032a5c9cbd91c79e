//! Shared test helpers: start the real `newsdesk` binary and talk MCP to it over stdio, as an agent would.
#![allow(dead_code)]

use std::path::PathBuf;

use rmcp::model::CallToolRequestParams;
use rmcp::service::RunningService;
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};
use rmcp::{RoleClient, ServiceExt};
use serde_json::Value;
use tokio::process::Command;

pub type Client = RunningService<RoleClient, ()>;

/// Starts `newsdesk serve` with extra arguments (e.g. `--corpus DIR`) and connects an MCP client over stdio.
pub async fn connect(args: &[&str]) -> anyhow::Result<Client> {
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let transport = TokioChildProcess::new(
        Command::new(env!("CARGO_BIN_EXE_newsdesk")).configure(|cmd| {
            cmd.arg("serve").args(&args).env("RUST_LOG", "warn");
        }),
    )?;
    Ok(().serve(transport).await?)
}

/// Calls a tool and returns its structured result; panics with the message on a tool error.
pub async fn call(client: &Client, tool: &str, args: Value) -> Value {
    match try_call(client, tool, args.clone()).await {
        Ok(v) => v,
        Err(e) => panic!("{tool} {args} failed: {e}"),
    }
}

/// Calls a tool; `Err(message)` when the tool reports an error (isError).
pub async fn try_call(client: &Client, tool: &str, args: Value) -> Result<Value, String> {
    let mut p = CallToolRequestParams::new(tool.to_string());
    if let Value::Object(m) = args {
        p = p.with_arguments(m);
    }
    let res = client
        .call_tool(p)
        .await
        .map_err(|e| format!("protocol error: {e}"))?;
    let text: Vec<String> = res
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect();
    if res.is_error == Some(true) {
        return Err(text.join("\n"));
    }
    let structured = res.structured_content.ok_or("no structuredContent")?;
    // The text copy must be the same JSON as the structured content.
    let copy: Value =
        serde_json::from_str(&text.join("")).map_err(|e| format!("text copy is not JSON: {e}"))?;
    assert_eq!(copy, structured, "text copy differs from structuredContent");
    Ok(structured)
}

/// `../shared` beside the project, if present (gold data and seed articles live there).
pub fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// The seeds folder, or `None` after printing why the checks are skipped.
pub fn seeds_dir() -> Option<PathBuf> {
    shared_or_skip("corpus/seeds").filter(|p| p.is_dir())
}

/// `../shared/<rel>`, or `None` after printing why the checks are skipped. With
/// `NEWSDESK_REQUIRE_SHARED=1` (CI) a missing file fails the test instead: gold-data checks must
/// not pass by skipping.
pub fn shared_or_skip(rel: &str) -> Option<PathBuf> {
    match shared().map(|s| s.join(rel)).filter(|p| p.exists()) {
        Some(p) => Some(p),
        None => {
            assert!(
                std::env::var("NEWSDESK_REQUIRE_SHARED").as_deref() != Ok("1"),
                "../shared/{rel} not found and NEWSDESK_REQUIRE_SHARED=1: these checks need the shared folder beside the project"
            );
            eprintln!(
                "SKIPPED: ../shared/{rel} not found; these checks need the shared folder beside the project"
            );
            None
        }
    }
}

/// A fresh empty temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let p = std::env::temp_dir().join(format!("newsdesk-test-{}-{}", name, std::process::id()));
    let _ = std::fs::remove_dir_all(&p);
    std::fs::create_dir_all(&p).expect("create temp dir");
    p
}

/// The string `field` of every item of the array `list` in a tool's answer (a story's people's
/// names, a page's quote texts); items without it are left out.
pub fn strings_of<'a>(v: &'a Value, list: &str, field: &str) -> Vec<&'a str> {
    v[list]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x[field].as_str())
        .collect()
}

/// Collapses quote marks, dashes and whitespace the way the gold files compare texts.
pub fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}
