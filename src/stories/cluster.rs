//! Story clustering: which articles report the same event.

use std::collections::HashMap;

use crate::model::Article;

const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "this",
    "from",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "but",
    "not",
    "its",
    "his",
    "her",
    "their",
    "they",
    "said",
    "says",
    "will",
    "would",
    "could",
    "about",
    "after",
    "over",
    "into",
    "than",
    "more",
    "been",
    "also",
    "who",
    "which",
    "what",
    "when",
    "where",
    "while",
    "one",
    "two",
    "new",
    "can",
    "our",
    "out",
    "all",
    "any",
    "just",
    "she",
    "him",
    "you",
    "your",
    "there",
    "them",
    "then",
    "some",
    "such",
    "other",
    "most",
    "many",
    "much",
    "may",
    "might",
    "should",
    "did",
    "does",
    "how",
    "why",
    "because",
    "being",
    "those",
    "these",
    "only",
    "very",
    "even",
    "still",
    "first",
    "last",
    "year",
    "years",
    "week",
    "told",
    "says",
    "according",
];

pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// A story label per article. Near-duplicate copies always share their canonical article's label.
pub fn cluster_articles(articles: &[Article]) -> Vec<usize> {
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    (0..articles.len())
        .map(|i| {
            articles[i]
                .duplicate_of
                .as_deref()
                .and_then(|c| by_id.get(c).copied())
                .unwrap_or(i)
        })
        .collect()
}
