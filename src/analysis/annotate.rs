//! The analysis stage: each clean article is annotated once, when it enters the corpus, with its
//! sentences, the names it mentions and its quotes. Stories, views and tools read these
//! annotations; none of them splits or tags text again. An annotated article is an
//! [`Article`] and its [`Annotations`], kept side by side (same ordinal) by the corpus, and
//! stored together.

use super::entities::{self, Entity};
use super::quotes::join_halves;
use super::quotes::{self, Quote};
use super::sentences::{self, Sentence, SentenceSpan};
use crate::model::{Article, PageType};

/// What analysis found in one article.
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    /// Its sentences, in order (spans into the body).
    pub sentences: Vec<SentenceSpan>,
    /// The people, organisations and places it names, one entry per entity with its mentions.
    pub entities: Vec<Entity>,
    /// Its quotations and reported speech, a quote split by its attribution joined into one
    /// (sorted by where they start). Only articles are quoted from: a forum thread's or shop
    /// page's text is not news, and its list stays empty.
    pub quotes: Vec<Quote>,
}

impl Annotations {
    /// The sentences with their texts cut out of `body` (the annotated article's body).
    pub fn sentence_texts(&self, body: &str) -> Vec<Sentence> {
        self.sentences.iter().map(|s| s.to_sentence(body)).collect()
    }
}

/// Annotates one article.
pub fn annotate(a: &Article) -> Annotations {
    let quotes = if a.page_type == PageType::Article {
        // Spans are in code points: the joiner reads the body's characters.
        let chars: Vec<char> = a.body.chars().collect();
        join_halves(&chars, quotes::extract(&a.body))
    } else {
        Vec::new()
    };
    Annotations {
        sentences: sentences::spans(&a.body),
        entities: entities::extract(&a.body),
        quotes,
    }
}

/// Annotates every article on up to `threads` threads; the result is in the articles' order.
pub fn annotate_all(articles: &[Article], threads: usize) -> Vec<Annotations> {
    crate::par::map(articles.iter().collect(), threads, annotate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::EntityKind;

    fn article(body: &str, page_type: PageType) -> Article {
        Article {
            id: "a-test".into(),
            path: "test.txt".into(),
            record: None,
            format: crate::model::Format::Text,
            page_type,
            outlet: None,
            via: None,
            title: None,
            author: None,
            published: None,
            category: None,
            tags: Vec::new(),
            url: None,
            body: body.into(),
            body_chars: body.chars().count(),
            duplicate_of: None,
            duplicates: Vec::new(),
        }
    }

    const BODY: &str = "Mayor Ilse Vantongeren opened the new quay on Monday. \
        \"We waited seven years for this,\" Vantongeren said.\n\n\
        The Port Authority of Velan paid for it.";

    #[test]
    fn an_article_gets_sentences_names_and_quotes_with_spans_into_its_body() {
        let a = article(BODY, PageType::Article);
        let n = annotate(&a);
        let texts: Vec<&str> = n.sentences.iter().map(|s| s.text(BODY)).collect();
        assert_eq!(
            texts,
            [
                "Mayor Ilse Vantongeren opened the new quay on Monday.",
                "\"We waited seven years for this,\" Vantongeren said.",
                "The Port Authority of Velan paid for it."
            ]
        );
        assert_eq!(n.sentences[2].paragraph, 1);
        assert!(
            n.entities
                .iter()
                .any(|e| e.name == "Ilse Vantongeren" && e.kind == EntityKind::Person),
            "{:?}",
            n.entities
        );
        assert_eq!(n.quotes.len(), 1, "{:?}", n.quotes);
        let q = &n.quotes[0];
        // The extractor keeps the comma that hands over to the attribution (the quote book
        // trims it when it merges quotes across outlets).
        assert_eq!(q.text, "We waited seven years for this,");
        let speaker = q.speaker.as_ref().map(|s| s.name.as_str());
        assert!(
            speaker.is_some_and(|n| n.ends_with("Vantongeren")),
            "{speaker:?}"
        );
        let crate::model::Span { start: s, end: e } = q.pieces[0];
        assert_eq!(crate::text::slice_chars(BODY, s, e), q.text);
    }

    #[test]
    fn pages_that_are_not_articles_are_not_quoted_from() {
        let n = annotate(&article(BODY, PageType::Forum));
        assert!(n.quotes.is_empty());
        assert_eq!(n.sentences.len(), 3);
    }

    #[test]
    fn annotating_on_threads_keeps_the_articles_order() {
        let arts: Vec<Article> = (0..20)
            .map(|i| {
                article(
                    &format!("Story number {i} starts. It ends."),
                    PageType::Article,
                )
            })
            .collect();
        let one = annotate_all(&arts, 1);
        let four = annotate_all(&arts, 4);
        for (i, (x, y)) in one.iter().zip(&four).enumerate() {
            assert_eq!(x.sentences, y.sentences);
            assert!(
                x.sentences[0]
                    .text(&arts[i].body)
                    .contains(&format!("number {i} "))
            );
        }
    }
}
