//! Analysis of clean article text: sentences with their spans, and the names (people,
//! organisations, places) an article mentions.

pub mod entities;
pub mod ner;
pub mod quotes;
pub mod sentences;
