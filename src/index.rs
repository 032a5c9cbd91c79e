//! Full-text search over the corpus with tantivy.
