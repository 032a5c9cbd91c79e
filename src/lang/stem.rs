//! The stemmers. [`light`]: suffix stripping for the clusterer's terms, cheap and predictable.
//! The rest: English (Snowball) stemming for the search index, with a per-thread cache of word -> stem. News text
//! repeats a small vocabulary, so most tokens cost a hash lookup instead of a run of the Snowball
//! stemmer (frostem, the stemmer tantivy's own `en_stem` uses; the stems are the same). Plugged
//! into tantivy as a token filter: indexing, query parsing and snippets all go through it.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Entries a thread's cache holds before it starts again (a few MB at most).
const MAX_ENTRIES: usize = 50_000;

thread_local! {
    static STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(FxHashMap::default());
    static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
}

/// Replaces a lower-cased word by its English stem.
pub fn stem_in_place(word: &mut String) {
    // The English stemmer leaves words of one or two letters as they are ("of", "is", "us"):
    // a quarter of news text's tokens, answered without a lookup.
    if word.len() <= 2 {
        return;
    }
    STEMS.with_borrow_mut(|cache| {
        if let Some(stem) = cache.get(word.as_str()) {
            if **stem != **word {
                word.clear();
                word.push_str(stem);
            }
            return;
        }
        let stem: Box<str> = STEMMER.with(|s| s.stem(word).into());
        if cache.len() >= MAX_ENTRIES {
            cache.clear();
        }
        cache.insert(word.as_str().into(), stem.clone());
        word.clear();
        word.push_str(&stem);
    })
}

/// The token filter: every token's text becomes its English stem.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedEnglishStemmer;

impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = StemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemFilter<T> {
        StemFilter { inner: tokenizer }
    }
}

/// A tokenizer followed by [`CachedEnglishStemmer`].
#[derive(Clone)]
pub struct StemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemFilter<T> {
    type TokenStream<'a> = StemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`StemFilter`].
pub struct StemStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for StemStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        stem_in_place(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// A light stem for comparing sentences across outlets (the views' shared points): lower case,
/// common inflections off ("lagging" and "lag", "models" and "model"). Kept apart from [`light`]:
/// with [`light_word`] in its place the sample's dredging story lost a shared point (measured
/// 2026-12-05 with eval/dump_tools.py).
pub fn inflections_off(w: &str) -> String {
    let w = w.to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    for suf in ["ing", "ed", "es", "s", "ly"] {
        if w.len() > suf.len() + 3
            && let Some(s) = w.strip_suffix(suf)
        {
            return s.to_string();
        }
    }
    w.to_string()
}

/// [`light`] for a word as written: lower case, a possessive "'s" dropped first.
pub fn light_word(w: &str) -> String {
    let lower = crate::text::fold_marks(w).to_lowercase();
    let bare = lower.trim_end_matches("'s").trim_end_matches('\'');
    light(bare).into_owned()
}

/// Light suffix stripping for lower-cased English words (plurals, -ing, -ed), so that "tapering"
/// meets "taper" and "parties" meets "party".
pub fn light(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return Cow::Owned(format!("{}y", &w[..n - 3]));
    }
    if n > 4 && w.ends_with("sses") {
        return Cow::Borrowed(&w[..n - 2]);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Cow::Borrowed(&w[..n - 1]);
    }
    if n > 6 && w.ends_with("ing") {
        return Cow::Borrowed(&w[..n - 3]);
    }
    if n > 5 && w.ends_with("ed") && !w.ends_with("eed") {
        return Cow::Borrowed(&w[..n - 2]);
    }
    Cow::Borrowed(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{
        LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    fn tokens(mut a: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn cached_stems_equal_tantivys_en_stem() {
        let text = "The councillors voted; voting resumed after the dredging plans were \
                    dredged up again, running and runs, generously generous, ponies' pony, \
                    antidisestablishmentarianism and internationalizations";
        let ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(CachedEnglishStemmer)
            .build();
        let theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(Stemmer::default())
            .build();
        // Twice: the second pass is served from the cache.
        for _ in 0..2 {
            assert_eq!(tokens(ours.clone(), text), tokens(theirs.clone(), text));
        }
        assert!(tokens(ours, "voting").contains(&"vote".to_string()));
    }

    #[test]
    fn words_of_two_letters_or_fewer_are_their_own_stems() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let chars: Vec<char> = ('a'..='z').chain('0'..='9').chain(['é', 'ß']).collect();
        let mut words: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        for a in &chars {
            for b in &chars {
                words.push(format!("{a}{b}"));
            }
        }
        for w in words.iter().filter(|w| w.len() <= 2) {
            assert_eq!(stemmer.stem(w), w.as_str(), "{w}");
        }
    }
}
