//! The streamable HTTP transport, spoken to with plain HTTP/1.1 requests: MCP at /mcp (stateless
//! JSON responses), the health endpoint, bearer-token auth, Origin validation.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child, u16);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(extra: &[&str]) -> Server {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    let child = Command::new(env!("CARGO_BIN_EXE_newsdesk"))
        .args(["serve", "--http", &format!("127.0.0.1:{port}")])
        .args(extra)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start newsdesk");
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Server(child, port)
}

/// Sends one request; returns (status, body).
fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).ok();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).expect("send");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

const MCP_HEADERS: &[(&str, &str)] = &[
    ("Content-Type", "application/json"),
    ("Accept", "application/json, text/event-stream"),
];

fn rpc(id: u32, method: &str, params: serde_json::Value) -> String {
    serde_json::json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params })
        .to_string()
}

fn initialize() -> String {
    rpc(
        1,
        "initialize",
        serde_json::json!({
            "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": { "name": "test", "version": "1" }
        }),
    )
}

#[test]
fn serves_mcp_health_and_checks_origin() {
    let s = start(&[]);
    let (code, body) = request(s.1, "GET", "/health", &[], "");
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("\"status\""), "{body}");
    let (code, body) = request(s.1, "POST", "/mcp", MCP_HEADERS, &initialize());
    assert_eq!(code, 200, "{body}");
    assert!(
        body.contains("newsdesk") && body.contains("list_stories"),
        "initialize result with instructions: {body}"
    );
    let (code, body) = request(
        s.1,
        "POST",
        "/mcp",
        MCP_HEADERS,
        &rpc(2, "tools/list", serde_json::json!({})),
    );
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("get_quotes"), "{body}");
    // DNS-rebinding protection: a foreign browser origin is refused.
    let mut evil = MCP_HEADERS.to_vec();
    evil.push(("Origin", "http://evil.example"));
    let (code, _) = request(s.1, "POST", "/mcp", &evil, &initialize());
    assert_eq!(code, 403);
}

#[test]
fn bearer_token_is_required_when_set() {
    let s = start(&["--auth-token", "s3cret"]);
    let (code, _) = request(s.1, "POST", "/mcp", MCP_HEADERS, &initialize());
    assert_eq!(code, 401);
    let mut wrong = MCP_HEADERS.to_vec();
    wrong.push(("Authorization", "Bearer nope"));
    assert_eq!(request(s.1, "POST", "/mcp", &wrong, &initialize()).0, 401);
    let mut right = MCP_HEADERS.to_vec();
    right.push(("Authorization", "Bearer s3cret"));
    let (code, body) = request(s.1, "POST", "/mcp", &right, &initialize());
    assert_eq!(code, 200, "{body}");
    // Health stays open for load balancers.
    assert_eq!(request(s.1, "GET", "/health", &[], "").0, 200);
}

#[test]
fn oversized_bodies_are_refused() {
    let s = start(&["--max-body-bytes", "1000"]);
    let big = rpc(
        3,
        "tools/call",
        serde_json::json!({ "name": "search_articles", "arguments": { "query": "x".repeat(5000) } }),
    );
    let (code, _) = request(s.1, "POST", "/mcp", MCP_HEADERS, &big);
    assert_eq!(code, 413);
    // A normal request on the same server still works.
    let (code, body) = request(s.1, "POST", "/mcp", MCP_HEADERS, &initialize());
    assert_eq!(code, 200, "{body}");
}

#[cfg(unix)]
#[test]
fn sigterm_shuts_down_gracefully() {
    let mut s = start(&[]);
    let (code, _) = request(s.1, "GET", "/health", &[], "");
    assert_eq!(code, 200);
    let status = Command::new("kill")
        .args(["-TERM", &s.0.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(exit) = s.0.try_wait().expect("wait") {
            assert!(exit.success(), "exit status after SIGTERM: {exit}");
            break;
        }
        assert!(
            Instant::now() < deadline,
            "server still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
