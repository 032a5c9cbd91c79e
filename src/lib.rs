//! newsdesk: turns a noisy corpus of scraped news into clean articles, stories, verbatim quotes and
//! comparisons of views, and serves them over the Model Context Protocol.
//!
//! The pipeline runs one way, and the module tree follows it:
//! raw file -> [`ingest`] (clean article) -> [`analysis`] (sentences, people, quotes) -> [`stories`]
//! -> [`views`] (people's sides, outlets' coverage)
//! -> [`corpus`] (the loaded, read-only snapshot with its search index) -> [`server`] (MCP tools).

pub mod analysis;
pub mod cli;
pub mod corpus;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod model;
pub mod par;
pub mod server;
pub mod stories;
pub mod text;
pub mod views;
