//! A corpus that is still loading or changes under a connected client, over stdio: progress
//! notifications while a large corpus loads, and a SIGHUP reload that reaches the client as
//! `notifications/resources/list_changed` plus a log message.
#![allow(deprecated)] // MCP logging (SetLevel, LoggingLevel) is deprecated by SEP-2577 but still served

mod common;

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rmcp::model::*;
use rmcp::service::{NotificationContext, RunningService};
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};
use rmcp::{ClientHandler, RoleClient, ServiceExt};
use serde_json::{Value, json};
use tokio::process::Command;

/// One progress notification: progress, total, message.
type Progress = (f64, Option<f64>, String);

/// What the server sent us besides responses.
#[derive(Clone, Default)]
struct Seen {
    progress: Arc<Mutex<Vec<Progress>>>,
    list_changed: Arc<Mutex<usize>>,
    logs: Arc<Mutex<Vec<Value>>>,
}

impl ClientHandler for Seen {
    async fn on_progress(&self, p: ProgressNotificationParam, _c: NotificationContext<RoleClient>) {
        if let Ok(mut v) = self.progress.lock() {
            v.push((p.progress, p.total, p.message.unwrap_or_default()));
        }
    }

    async fn on_resource_list_changed(&self, _c: NotificationContext<RoleClient>) {
        if let Ok(mut n) = self.list_changed.lock() {
            *n += 1;
        }
    }

    async fn on_logging_message(
        &self,
        p: LoggingMessageNotificationParam,
        _c: NotificationContext<RoleClient>,
    ) {
        if let Ok(mut v) = self.logs.lock() {
            v.push(p.data);
        }
    }
}

type Client = RunningService<RoleClient, Seen>;

async fn connect(corpus: &Path, seen: Seen) -> anyhow::Result<(Client, u32)> {
    let transport = TokioChildProcess::new(
        Command::new(env!("CARGO_BIN_EXE_newsdesk")).configure(|cmd| {
            cmd.arg("serve")
                .arg("--corpus")
                .arg(corpus)
                .env("RUST_LOG", "warn");
        }),
    )?;
    let pid = transport
        .id()
        .ok_or_else(|| anyhow::anyhow!("no child pid"))?;
    Ok((seen.serve(transport).await?, pid))
}

fn write_article(dir: &Path, i: usize, topic: &str) {
    let body = format!(
        "# {topic} report number {i}\n\nBy Staff Writer\n\nThe {topic} council met on Tuesday to discuss item {i}. \
         Members said the plan for item {i} would be reviewed again next month.\n\n\"We will decide soon,\" said \
         council chair Mara Quill.\n"
    );
    std::fs::write(dir.join(format!("{topic}-{i:04}.md")), body).expect("write article");
}

async fn corpus_info(client: &Client, progress_token: Option<&str>) -> anyhow::Result<Value> {
    let mut p = CallToolRequestParams::new("corpus_info");
    if let Some(t) = progress_token {
        let mut meta = RequestMetaObject::new();
        meta.set_progress_token(ProgressToken(NumberOrString::String(t.to_string().into())));
        p.meta = Some(meta);
    }
    let res = client.call_tool(p).await?;
    res.structured_content
        .ok_or_else(|| anyhow::anyhow!("corpus_info gave no structuredContent"))
}

#[tokio::test]
async fn a_call_waiting_for_a_large_corpus_gets_progress() -> anyhow::Result<()> {
    let dir = common::temp_dir("progress");
    // Enough files that the load is still running when the first call arrives.
    for i in 0..1500 {
        write_article(&dir, i, "harbor");
    }
    let seen = Seen::default();
    let (client, _pid) = connect(&dir, seen.clone()).await?;
    let info = corpus_info(&client, Some("load-1")).await?;
    assert_eq!(info["articles"], json!(1500), "{info}");
    let progress = seen.progress.lock().map(|v| v.clone()).unwrap_or_default();
    assert!(
        !progress.is_empty(),
        "no progress notification while the corpus loaded"
    );
    for (done, total, message) in &progress {
        assert_eq!(*total, Some(1500.0), "total is the number of files");
        assert!(*done <= 1500.0, "{done}");
        assert!(message.contains("files parsed"), "{message}");
    }
    assert!(
        progress.windows(2).all(|w| w[0].0 < w[1].0),
        "progress increases: {progress:?}"
    );
    // Once loaded, calls answer at once and send no progress.
    let before = progress.len();
    corpus_info(&client, Some("load-2")).await?;
    assert_eq!(
        seen.progress.lock().map(|v| v.len()).unwrap_or_default(),
        before
    );
    client.cancel().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[cfg(unix)]
#[tokio::test]
async fn sighup_reloads_the_corpus_and_tells_the_client() -> anyhow::Result<()> {
    let dir = common::temp_dir("reload");
    write_article(&dir, 1, "harbor");
    write_article(&dir, 2, "harbor");
    let seen = Seen::default();
    let (client, pid) = connect(&dir, seen.clone()).await?;
    client
        .set_level(SetLevelRequestParams::new(LoggingLevel::Info))
        .await?;
    assert_eq!(corpus_info(&client, None).await?["articles"], json!(2));
    let resources_before = client.list_all_resources().await?.len();
    // The first load may have been announced already; count from here.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let changed_before = seen.list_changed.lock().map(|n| *n).unwrap_or_default();
    let logs_before = seen.logs.lock().map(|v| v.len()).unwrap_or_default();

    write_article(&dir, 3, "orchard");
    let status = std::process::Command::new("kill")
        .args(["-HUP", &pid.to_string()])
        .status()?;
    assert!(status.success(), "kill -HUP failed");

    let deadline = Instant::now() + Duration::from_secs(30);
    while seen.list_changed.lock().map(|n| *n).unwrap_or_default() == changed_before {
        assert!(
            Instant::now() < deadline,
            "no resources/list_changed after SIGHUP"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(corpus_info(&client, None).await?["articles"], json!(3));
    assert!(client.list_all_resources().await?.len() > resources_before);
    // The log message says what is now loaded.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let logs = seen.logs.lock().map(|v| v.clone()).unwrap_or_default();
        if let Some(l) = logs[logs_before.min(logs.len())..]
            .iter()
            .find(|l| l["event"] == "corpus_loaded")
        {
            assert_eq!(l["articles"], json!(3), "{l}");
            break;
        }
        assert!(Instant::now() < deadline, "no corpus_loaded log message");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    client.cancel().await?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
