//! The `newsdesk` command: serve a news corpus over MCP (stdio or HTTP), make one scripted tool
//! call, or load a corpus and print its report. The work lives in the library; this file only
//! parses the command line.

use std::process::ExitCode;

fn main() -> ExitCode {
    newsdesk::cli::main()
}
