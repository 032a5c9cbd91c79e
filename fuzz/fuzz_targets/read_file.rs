//! Fuzz target: any bytes as a corpus file. The first byte picks the file's extension (text,
//! HTML, Markdown, JSON, JSONL, or none, which leaves detection to the content); the rest is the
//! file. Reading it must not panic, whatever it holds.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: &[&str] = &[
    "page.txt",
    "page.html",
    "page.md",
    "feed.json",
    "feed.jsonl",
    "page",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[pick as usize % NAMES.len()];
    let _ = newsdesk::ingest::read_one(name, bytes.to_vec());
});
