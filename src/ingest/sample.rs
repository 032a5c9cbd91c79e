//! The built-in sample corpus: a fictional set of scraped articles compiled into the binary, so
//! that `newsdesk serve` has something to serve with no flags. The files live in `sample/corpus/`.

use super::source::{Entry, SourceFile};

include!(concat!(env!("OUT_DIR"), "/sample_files.rs"));

/// The sample corpus as in-memory entries.
pub fn entries() -> Vec<Entry> {
    SAMPLE_FILES
        .iter()
        .map(|(rel, bytes)| {
            Entry::Memory(SourceFile {
                rel: (*rel).to_string(),
                bytes: bytes.to_vec(),
            })
        })
        .collect()
}
