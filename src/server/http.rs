//! Streamable HTTP transport: rmcp's streamable HTTP service at `/mcp` on axum, stateless by
//! default, with Host/Origin validation (DNS-rebinding protection), an optional bearer token, body
//! size and concurrency limits, a `/health` endpoint and graceful shutdown on SIGINT/SIGTERM.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::streamable_http_server::{StreamableHttpServerConfig, StreamableHttpService};
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;

use super::NewsDesk;
use crate::corpus::CorpusCell;

/// How the HTTP server is set up.
#[derive(Clone, Debug)]
pub struct HttpOptions {
    pub addr: SocketAddr,
    /// Required `Authorization: Bearer <token>` on `/mcp` when set.
    pub auth_token: Option<String>,
    /// Extra `Host` names accepted besides the loopback ones (e.g. the public hostname).
    pub allow_hosts: Vec<String>,
    /// Extra browser origins accepted besides loopback ones (e.g. "https://app.example.com:443").
    pub allow_origins: Vec<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Requests handled at once; more wait, and beyond four times this many get 503.
    pub max_concurrent: usize,
    /// Keep MCP sessions (Mcp-Session-Id) instead of serving every request on its own.
    pub stateful: bool,
}

struct Guard {
    token: Option<String>,
    slots: Semaphore,
    queue: Semaphore,
}

/// Serves MCP over streamable HTTP until SIGINT or SIGTERM.
pub async fn serve(cell: CorpusCell, opts: HttpOptions) -> Result<()> {
    let ct = CancellationToken::new();
    let mut hosts: Vec<String> = vec![
        "localhost".into(),
        "127.0.0.1".into(),
        "::1".into(),
        "[::1]".into(),
    ];
    hosts.extend(opts.allow_hosts.iter().cloned());
    let mut origins: Vec<String> = ["http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"]
        .into_iter()
        .chain([
            "https://localhost:*",
            "https://127.0.0.1:*",
            "https://[::1]:*",
        ])
        .map(String::from)
        .collect();
    origins.extend(opts.allow_origins.iter().cloned());
    let config = StreamableHttpServerConfig::default()
        .with_cancellation_token(ct.child_token())
        .with_legacy_session_mode(opts.stateful)
        .with_json_response(!opts.stateful)
        .with_allowed_hosts(hosts)
        .with_allowed_origins(origins)
        .with_max_request_body_bytes(opts.max_body_bytes);
    let handler = NewsDesk::new(cell.clone());
    let mcp = StreamableHttpService::new(
        move || Ok(handler.session()),
        LocalSessionManager::default().into(),
        config,
    );
    let guard = Arc::new(Guard {
        token: opts.auth_token.clone(),
        slots: Semaphore::new(opts.max_concurrent.max(1)),
        queue: Semaphore::new(opts.max_concurrent.max(1) * 4),
    });
    let health_cell = cell.clone();
    let app = axum::Router::new()
        .nest_service("/mcp", mcp)
        .layer(middleware::from_fn_with_state(guard, protect))
        .route(
            "/health",
            axum::routing::get(move || {
                let cell = health_cell.clone();
                async move { health(&cell) }
            }),
        );
    let listener = tokio::net::TcpListener::bind(opts.addr)
        .await
        .with_context(|| format!("cannot listen on {}", opts.addr))?;
    let local = listener.local_addr().unwrap_or(opts.addr);
    tracing::info!(
        "MCP over streamable HTTP at http://{local}/mcp (health: http://{local}/health)"
    );
    let shutdown = ct.clone();
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            tracing::info!("shutting down");
            shutdown.cancel();
        })
        .await
        .context("HTTP server failed")?;
    Ok(())
}

/// Bearer token and concurrency limits in front of `/mcp`.
async fn protect(State(g): State<Arc<Guard>>, req: Request, next: Next) -> Response {
    if let Some(token) = &g.token {
        let ok = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| constant_time_eq(t.trim().as_bytes(), token.as_bytes()));
        if !ok {
            let mut r =
                (StatusCode::UNAUTHORIZED, "missing or wrong bearer token\n").into_response();
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            return r;
        }
    }
    let Ok(_queued) = g.queue.try_acquire() else {
        let mut r = (
            StatusCode::SERVICE_UNAVAILABLE,
            "too many requests in flight; retry shortly\n",
        )
            .into_response();
        r.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return r;
    };
    let Ok(_slot) = g.slots.acquire().await else {
        return (StatusCode::SERVICE_UNAVAILABLE, "shutting down\n").into_response();
    };
    next.run(req).await
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn health(cell: &CorpusCell) -> Response {
    let body = match cell.now() {
        Some(c) => {
            serde_json::json!({ "status": "ok", "loaded": true, "articles": c.articles.len(), "stories": c.story_count() })
        }
        None => serde_json::json!({ "status": "loading", "loaded": false }),
    };
    (
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
