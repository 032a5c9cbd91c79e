//! The full-text search index over clean articles (tantivy, in memory): English stemming (cached
//! per thread, see `stem.rs`), title boosted over body, filters on outlet, date range and story,
//! and snippets with the matching words.

use std::collections::HashMap;

use anyhow::{Context, Result};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::{Index, IndexReader, Term, doc};

use crate::lang::stem::CachedEnglishStemmer;
use crate::model::Article;

/// The text fields' analyzer: tantivy's `en_stem` chain (words, long tokens dropped, lower case,
/// English stems) with the stemmer's results cached per thread.
const TOKENIZER: &str = "en_stem_cached";

/// What a search may be narrowed to. All filters combine with AND.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Outlet names, compared case-insensitively; an article matches if its outlet is any of them.
    pub outlets: Vec<String>,
    /// Published at or after (unix seconds).
    pub since: Option<i64>,
    /// Published strictly before (unix seconds).
    pub until: Option<i64>,
    /// Article ordinals of one story.
    pub story_articles: Option<Vec<u32>>,
    /// Leave out near-duplicate copies (articles with `duplicate_of`).
    pub canonical_only: bool,
}

/// One search hit: the article's ordinal in the corpus and its score.
#[derive(Clone, Debug)]
pub struct Hit {
    pub ord: u32,
    pub score: f32,
}

/// An in-memory tantivy index of a corpus snapshot. Immutable once built.
pub struct ArticleIndex {
    index: Index,
    reader: IndexReader,
    f_ord: Field,
    f_title: Field,
    f_body: Field,
    f_outlet: Field,
    f_published: Field,
    /// 1 for an article that is not a near-duplicate copy of another, else 0.
    f_canonical: Field,
}

/// Lower-cased outlet key used for exact outlet filtering.
pub fn outlet_key(name: &str) -> String {
    name.trim().to_lowercase()
}

impl ArticleIndex {
    /// Indexes every article (title and body, stemmed; outlet and time for filters).
    pub fn build(articles: &[Article]) -> Result<Self> {
        let mut sb = Schema::builder();
        let text = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let f_ord = sb.add_u64_field("ord", FAST | STORED | INDEXED);
        let f_title = sb.add_text_field("title", text.clone());
        let f_body = sb.add_text_field("body", text);
        let f_outlet = sb.add_text_field("outlet", STRING);
        let f_published = sb.add_i64_field("published", FAST | INDEXED);
        let f_canonical = sb.add_u64_field("canonical", INDEXED);
        let index = Index::create_in_ram(sb.build());
        index.tokenizers().register(
            TOKENIZER,
            TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .filter(CachedEnglishStemmer)
                .build(),
        );
        let heap = (15_000_000 + articles.len() * 4_000).min(400_000_000);
        let mut writer = index
            .writer_with_num_threads(1, heap)
            .context("opening the index writer")?;
        for (i, a) in articles.iter().enumerate() {
            let mut d = doc!(
                f_ord => i as u64,
                f_title => a.title.clone().unwrap_or_default(),
                f_body => a.body.as_str(),
                f_outlet => outlet_key(a.outlet_name()),
                f_canonical => u64::from(a.duplicate_of.is_none()),
            );
            if let Some(t) = a.published {
                d.add_i64(f_published, t.timestamp());
            }
            writer.add_document(d).context("indexing an article")?;
        }
        writer.commit().context("committing the index")?;
        let reader = index.reader().context("opening the index reader")?;
        Ok(ArticleIndex {
            index,
            reader,
            f_ord,
            f_title,
            f_body,
            f_outlet,
            f_published,
            f_canonical,
        })
    }

    /// Runs a free-text query (lenient syntax: words, "phrases", -exclusions, OR) with the filter.
    /// Returns the page `[offset, offset+limit)` of hits by relevance, and the total match count.
    pub fn search(
        &self,
        query: &str,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Hit>, usize)> {
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(&self.index, vec![self.f_title, self.f_body]);
        parser.set_field_boost(self.f_title, 2.0);
        let (text_query, _errors) = parser.parse_query_lenient(query);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, text_query.box_clone())];
        if !filter.outlets.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = filter
                .outlets
                .iter()
                .map(|o| {
                    let t = Term::from_field_text(self.f_outlet, &outlet_key(o));
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if filter.since.is_some() || filter.until.is_some() {
            use std::ops::Bound;
            let lo = filter.since.map_or(Bound::Unbounded, |s| {
                Bound::Included(Term::from_field_i64(self.f_published, s))
            });
            let hi = filter.until.map_or(Bound::Unbounded, |s| {
                Bound::Excluded(Term::from_field_i64(self.f_published, s))
            });
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        if let Some(ords) = &filter.story_articles {
            let any: Vec<(Occur, Box<dyn Query>)> = ords
                .iter()
                .map(|&o| {
                    let t = Term::from_field_u64(self.f_ord, o as u64);
                    (
                        Occur::Should,
                        Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                    )
                })
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if filter.canonical_only {
            let t = Term::from_field_u64(self.f_canonical, 1);
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
            ));
        }
        let full = BooleanQuery::new(clauses);
        let (top, total) = searcher
            .search(
                &full,
                &(
                    TopDocs::with_limit(limit.max(1))
                        .and_offset(offset)
                        .order_by_score(),
                    Count,
                ),
            )
            .context("running the search")?;
        // Ordinals from the `ord` fast field: reading the stored documents would decompress a
        // block of the document store for every hit.
        // Each segment's column is opened once.
        let mut columns: HashMap<u32, tantivy::columnar::Column<u64>> = HashMap::new();
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let ords = match columns.entry(addr.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(
                    searcher
                        .segment_reader(addr.segment_ord)
                        .fast_fields()
                        .u64("ord")
                        .context("reading the ord column")?,
                ),
            };
            let ord = ords.first(addr.doc_id).unwrap_or_default() as u32;
            hits.push(Hit { ord, score });
        }
        Ok((hits, total))
    }

    /// Every article matching a query (same syntax as [`ArticleIndex::search`], no filter), with its
    /// score, in no particular order. Reads the ordinals from the fast field rather than the stored
    /// documents, so a query matching most of a large corpus stays cheap.
    pub fn all_matches(&self, query: &str) -> Result<Vec<Hit>> {
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(&self.index, vec![self.f_title, self.f_body]);
        parser.set_field_boost(self.f_title, 2.0);
        let (q, _errors) = parser.parse_query_lenient(query);
        searcher.search(&*q, &AllHits).context("running the search")
    }

    /// Snippets of the given bodies for a query: the best passage of each, matching words in
    /// bold. Called for the page of hits a tool returns, not for every match.
    pub fn snippets(&self, query: &str, bodies: &[&str]) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let parser = QueryParser::for_index(&self.index, vec![self.f_title, self.f_body]);
        let (q, _errors) = parser.parse_query_lenient(query);
        let mut generator =
            SnippetGenerator::create(&searcher, &*q, self.f_body).context("preparing snippets")?;
        generator.set_max_num_chars(180);
        let words = query_prefixes(query);
        Ok(bodies
            .iter()
            .map(|b| render_snippet(&generator.snippet(best_passage(b, &words))))
            .collect())
    }
}

/// The query's words, lower-cased and cut to at most five characters: a cheap stand-in for their
/// stems when picking the passage a snippet comes from.
fn query_prefixes(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(|w| w.to_lowercase().chars().take(5).collect())
        .collect()
}

/// The passage a snippet is cut from: in the paragraph with the most distinct query words (the
/// first on ties, the first paragraph when none has any), a window of about 260 bytes that starts
/// at the beginning of the sentence holding the first query word (or a few words before it when
/// that sentence starts far back). The stemming tokenizer then runs over that window only, which
/// keeps a search's cost independent of paragraph length.
fn best_passage<'a>(body: &'a str, words: &[String]) -> &'a str {
    const LOOK_BACK: usize = 100;
    const LEN: usize = 260;
    let lead = body.len() - body.trim_start().len();
    let (mut para_start, mut hit) = (lead, lead);
    if !words.is_empty() {
        let mut best = 0;
        let mut at = 0;
        for para in body.split('\n') {
            let lower = para.to_lowercase();
            let (mut found, mut first) = (0, usize::MAX);
            for i in words.iter().filter_map(|w| lower.find(&w[..])) {
                (found, first) = (found + 1, first.min(i));
            }
            if found > best {
                best = found;
                para_start = at;
                // Offsets in the lower-cased copy are the paragraph's own unless case folding
                // changed a character's length; then the window starts at the paragraph.
                hit = at + if lower.len() == para.len() { first } else { 0 };
                if best == words.len() {
                    break;
                }
            }
            at += para.len() + 1;
        }
    }
    let hit = floor_char(body, hit.min(body.len()));
    let floor = floor_char(body, hit.saturating_sub(LOOK_BACK)).max(para_start);
    let before = &body[floor..hit];
    let start = match before.rfind(". ") {
        Some(i) => floor + i + 2,
        None if floor == para_start => floor,
        None => {
            // A word boundary about 60 bytes before the hit.
            let near = floor_char(body, hit.saturating_sub(60)).max(floor);
            body[near..hit].find(' ').map_or(near, |i| near + i + 1)
        }
    };
    let mut end = floor_char(body, (start + LEN).min(body.len()));
    // Finish the word the window cut, unless the text runs on without spaces.
    if let Some(i) = body[end..].find(char::is_whitespace).filter(|&i| i <= 40) {
        end += i;
    }
    &body[start..end]
}

/// The largest char boundary of `s` at or before byte `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Collects every matching document as a [`Hit`] (ordinal from the `ord` fast field, and score).
struct AllHits;

struct AllHitsInSegment {
    ord: tantivy::columnar::Column<u64>,
    hits: Vec<Hit>,
}

impl tantivy::collector::Collector for AllHits {
    type Fruit = Vec<Hit>;
    type Child = AllHitsInSegment;

    fn for_segment(
        &self,
        _segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<AllHitsInSegment> {
        Ok(AllHitsInSegment {
            ord: reader.fast_fields().u64("ord")?,
            hits: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<Hit>>) -> tantivy::Result<Vec<Hit>> {
        Ok(fruits.concat())
    }
}

impl tantivy::collector::SegmentCollector for AllHitsInSegment {
    type Fruit = Vec<Hit>;

    fn collect(&mut self, doc: tantivy::DocId, score: tantivy::Score) {
        if let Some(ord) = self.ord.first(doc) {
            self.hits.push(Hit {
                ord: ord as u32,
                score,
            });
        }
    }

    fn harvest(self) -> Vec<Hit> {
        self.hits
    }
}

/// Plain text with the matching words wrapped in `**`, the way an agent reads emphasis.
fn render_snippet(sn: &tantivy::snippet::Snippet) -> String {
    let frag = sn.fragment();
    let mut out = String::with_capacity(frag.len() + 16);
    let mut at = 0;
    for r in sn.highlighted() {
        let (s, e) = (r.start.min(frag.len()), r.end.min(frag.len()));
        if s < at || !frag.is_char_boundary(s) || !frag.is_char_boundary(e) {
            continue;
        }
        out.push_str(&frag[at..s]);
        out.push_str("**");
        out.push_str(&frag[s..e]);
        out.push_str("**");
        at = e;
    }
    out.push_str(&frag[at..]);
    crate::text::squash_ws(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &str) -> Vec<String> {
        query_prefixes(q)
    }

    #[test]
    fn passage_starts_at_the_sentence_of_the_first_query_word() {
        let body = "An opening paragraph about nothing much.\n\
            The council met late. Then the harbor dredging plan passed by one vote after a long \
            night of argument. Residents left.";
        let p = best_passage(body, &words("harbor dredging"));
        assert!(p.starts_with("Then the harbor dredging"), "{p}");
        assert!(p.ends_with("Residents left."), "{p}");
    }

    #[test]
    fn passage_is_bounded_in_a_long_paragraph() {
        let filler = "word ".repeat(200);
        let body = format!("{filler}and here the dredging begins {filler}");
        let p = best_passage(&body, &words("dredging"));
        assert!(p.contains("dredging"), "{p}");
        assert!(p.len() <= 300, "{} bytes", p.len());
        assert!(p.starts_with("word "), "starts mid-word: {p}");
    }

    #[test]
    fn passage_without_matches_is_the_opening() {
        let body = "  First words here.\nSecond paragraph.";
        assert_eq!(
            best_passage(body, &words("zebra")),
            "First words here.\nSecond paragraph."
        );
    }

    #[test]
    fn passage_handles_multibyte_text() {
        let body = format!("{}Ärger über den Hafen: dredging beginnt", "é".repeat(120));
        let p = best_passage(&body, &words("dredging"));
        assert!(p.contains("dredging"), "{p}");
    }
}
