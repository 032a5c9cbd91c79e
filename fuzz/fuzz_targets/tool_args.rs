//! Fuzz target: any arguments to any tool, through a real MCP client and server (in-process, over
//! a duplex pipe) on the built-in sample corpus. The input is a tool number and the arguments'
//! JSON text; the server must answer every call (a result or a tool error), never panic or hang.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use newsdesk::corpus::{Corpus, CorpusCell};
use newsdesk::ingest::CorpusSource;
use newsdesk::server::NewsDesk;
use rmcp::model::CallToolRequestParams;
use rmcp::service::RunningService;
use rmcp::{RoleClient, ServiceExt};

struct Session {
    rt: tokio::runtime::Runtime,
    client: RunningService<RoleClient, ()>,
    tools: Vec<String>,
}

static SESSION: LazyLock<Session> = LazyLock::new(|| {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let (client, tools) = rt.block_on(async {
        let corpus = Corpus::load(&CorpusSource::Sample, &|_, _| {}).expect("sample corpus");
        let (server_io, client_io) = tokio::io::duplex(1 << 20);
        let server = NewsDesk::new(CorpusCell::ready(corpus));
        tokio::spawn(async move {
            if let Ok(s) = server.serve(server_io).await {
                let _ = s.waiting().await;
            }
        });
        let client = ().serve(client_io).await.expect("handshake");
        let tools = client.list_all_tools().await.expect("tools");
        let names = tools.iter().map(|t| t.name.to_string()).collect();
        (client, names)
    });
    Session { rt, client, tools }
});

fuzz_target!(|data: &[u8]| {
    let Some((&pick, json)) = data.split_first() else {
        return;
    };
    let Ok(serde_json::Value::Object(args)) = serde_json::from_slice::<serde_json::Value>(json)
    else {
        return;
    };
    let s = &*SESSION;
    let tool = s.tools[pick as usize % s.tools.len()].clone();
    let answer = s.rt.block_on(async {
        tokio::time::timeout(
            std::time::Duration::from_secs(10),
            s.client
                .call_tool(CallToolRequestParams::new(tool.clone()).with_arguments(args)),
        )
        .await
    });
    match answer {
        Err(_) => panic!("{tool}: no answer within 10 s"),
        // A protocol error is an answer too (invalid params); a closed connection is not.
        Ok(Err(e)) => assert!(
            !matches!(e, rmcp::ServiceError::TransportClosed),
            "{tool}: the server went away: {e}"
        ),
        Ok(Ok(_)) => {}
    }
});
