//! Two servers on the same corpus give the same answers: every story's detail, speakers and views
//! are asked of two `newsdesk serve` processes over stdio and must match to the byte. Each process
//! seeds its hash maps anew, so any answer that depends on a map's order (ties broken by
//! iteration, floats summed in a set's order) shows up here. Replicas behind a load balancer
//! and an agent that asks twice rely on this. Run on the ECB+ odd topics and PolNeAR, where such
//! differences were seen before they were fixed.

mod common;

use common::*;
use serde_json::{Value, json};

/// Every answer of one server, in a fixed order of calls.
async fn answers(corpus: &str) -> Vec<(String, Value)> {
    let client = connect(&["--corpus", corpus])
        .await
        .expect("start newsdesk");
    let mut out = Vec::new();
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = json!({"limit": 50, "detail": "full"});
        if let Some(c) = &cursor {
            args["cursor"] = json!(c);
        }
        let page = call(&client, "list_stories", args).await;
        ids.extend(
            strings_of(&page, "stories", "id")
                .into_iter()
                .map(String::from),
        );
        cursor = page["next_cursor"].as_str().map(String::from);
        out.push(("list_stories".to_string(), page));
        if cursor.is_none() {
            break;
        }
    }
    for id in &ids {
        for (tool, args) in [
            ("get_story", json!({"story_id": id})),
            ("list_speakers", json!({"story_id": id})),
            ("compare_views", json!({"story_id": id, "detail": "full"})),
        ] {
            let v = call(&client, tool, args).await;
            out.push((format!("{tool} {id}"), v));
        }
    }
    let _ = client.cancel().await;
    out
}

async fn same_answers_twice(rel: &str) {
    let Some(file) = shared_or_skip(rel) else {
        return;
    };
    let path = file.to_string_lossy().to_string();
    let (a, b) = tokio::join!(answers(&path), answers(&path));
    assert_eq!(a.len(), b.len());
    assert!(a.len() > 100, "{rel}: only {} answers", a.len());
    for ((call_a, x), (call_b, y)) in a.iter().zip(&b) {
        assert_eq!(call_a, call_b);
        assert!(
            x == y,
            "{rel}: {call_a} differs between two servers:\n{x}\n---\n{y}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn two_servers_on_ecb_plus_answer_alike() {
    same_answers_twice("eval/stories/ecbplus-odd-topics.jsonl").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_servers_on_polnear_answer_alike() {
    same_answers_twice("eval/polnear/train.jsonl").await;
}
