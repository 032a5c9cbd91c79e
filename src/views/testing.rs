//! Test helpers for the views: small hand-made articles, stories and quotes (fictional text only).

use crate::analysis::quotes::QuoteKind;
use crate::model::{Article, Format, Span};
use crate::stories::Story;
use crate::stories::quotes::{Appearance, QuoteBook, QuoteGroup};

/// An article with this outlet, title and body (paragraphs split by a blank line).
pub(crate) fn article(n: usize, outlet: &str, title: &str, body: &str) -> Article {
    Article {
        id: format!("a-{n:012x}"),
        path: format!("test/{n}.txt"),
        record: None,
        format: Format::Text,
        page_type: Default::default(),
        outlet: Some(outlet.into()),
        via: None,
        title: Some(title.into()),
        author: None,
        published: None,
        category: None,
        tags: vec![],
        url: None,
        body_chars: body.chars().count(),
        body: body.into(),
        duplicate_of: None,
        duplicates: vec![],
    }
}

/// A story of these member ordinals, led by the first.
pub(crate) fn story(articles: &[Article], members: &[u32]) -> Story {
    let lead = members.first().copied().unwrap_or(0);
    Story {
        id: "s-00000001".into(),
        members: members.to_vec(),
        headline: articles[lead as usize].title.clone().unwrap_or_default(),
        lead_article: lead,
        summary: String::new(),
        summary_span: Span::new(0, 0),
        first: None,
        last: None,
        outlets: vec![],
        entities: vec![],
        tags: vec![],
        entity_keys: String::new(),
    }
}

/// Char span of the first `needle` in `body` (ASCII test text: bytes are chars).
fn span_of(body: &str, needle: &str) -> Span {
    let at = body.find(needle).unwrap_or(0);
    Span::new(at, at + needle.len())
}

/// Adds a quote of `speaker` in article `ord`: its words, the name as mentioned and the verb.
pub(crate) fn quote(
    book: &mut QuoteBook,
    articles: &[Article],
    ord: u32,
    speaker: &str,
    kind: QuoteKind,
    words: &str,
    cue: &str,
) {
    let body = &articles[ord as usize].body;
    let mention = span_of(body, speaker);
    book.by_article
        .entry(ord)
        .or_default()
        .push(book.quotes.len() as u32);
    book.quotes.push(QuoteGroup {
        id: format!("q-{}", book.quotes.len()),
        kind,
        text: words.into(),
        speaker: Some(speaker.into()),
        role: None,
        is_org: false,
        confidence: 1.0,
        appearances: vec![Appearance {
            ord,
            pieces: vec![span_of(body, words)],
            mention: Some(mention),
            mention_text: Some(speaker.into()),
            cue: Some(span_of(body, cue)),
            confidence: 1.0,
        }],
    });
}
