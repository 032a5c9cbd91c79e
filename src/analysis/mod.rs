//! Analysis of clean article text: sentences with their spans, the names (people, organisations,
//! places) an article mentions, and its quotes. [`annotate`] runs them all once per article.

pub mod annotate;
pub mod entities;

pub mod ner;
pub mod quotes;
pub mod sentences;
