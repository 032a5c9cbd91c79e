//! The `newsdesk` command: serve a news corpus over MCP (stdio or HTTP), make one scripted tool
//! call, or load a corpus and print its report. The work lives in the library; this file only
//! parses the command line.

use std::process::ExitCode;

/// mimalloc instead of the system allocator: the server and the loader allocate many small,
/// short-lived strings across threads, where glibc malloc spent about a fifth of the time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    newsdesk::cli::main()
}
