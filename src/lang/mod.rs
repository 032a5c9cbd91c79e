//! One home for language data: word lists kept as data files (`src/lang/words/*.txt`, one entry
//! a line, `#` comments), compiled into the binary and read into a set on first use; and the
//! stemmers ([`stem`]).

pub mod stem;

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A list of lower-case words or phrases from a data file.
pub struct WordList {
    text: &'static str,
    set: OnceLock<FxHashSet<&'static str>>,
    list: OnceLock<Vec<&'static str>>,
}

impl WordList {
    /// A list read from `text`: one entry a line; blank lines and `#` comments are skipped.
    pub const fn new(text: &'static str) -> Self {
        WordList {
            text,
            set: OnceLock::new(),
            list: OnceLock::new(),
        }
    }

    /// The entries in file order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + use<> {
        let text: &'static str = self.text;
        text.lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
    }

    /// The entries in file order, as a slice (read once, kept).
    pub fn as_slice(&self) -> &[&'static str] {
        self.list.get_or_init(|| self.entries().collect())
    }

    /// [`WordList::as_slice`]'s iterator.
    pub fn iter(&self) -> std::slice::Iter<'_, &'static str> {
        self.as_slice().iter()
    }

    /// Whether `w` (already lower case) is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.set
            .get_or_init(|| self.entries().collect())
            .contains(w)
    }
}

/// A `static` [`WordList`] read from `src/lang/words/<path>.txt`:
/// `word_list!(pub(super) NAME, "quotes/role");`
macro_rules! word_list {
    ($(#[$doc:meta])* $vis:vis $name:ident, $path:literal) => {
        $(#[$doc])*
        $vis static $name: $crate::lang::WordList = $crate::lang::WordList::new(include_str!(
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/lang/words/", $path, ".txt")
        ));
    };
}
pub(crate) use word_list;

word_list!(
    /// Abbreviations whose dot ends no sentence ("Dr.", "Jan.", "U.S."), lower case, without the
    /// final dot.
    pub ABBREVIATIONS,
    "abbreviations"
);

word_list!(
    /// Words too common to say what an article is about (the clusterer leaves them out).
    pub STOPWORDS,
    "stopwords"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_skip_comments_and_blank_lines() {
        static L: WordList = WordList::new("# heading\nalpha\n\n  beta  # note\n#gamma\n");
        assert_eq!(L.entries().collect::<Vec<_>>(), ["alpha", "beta"]);
        assert!(L.contains("beta"));
        assert!(!L.contains("gamma"));
        assert!(!L.contains("# heading"));
    }

    #[test]
    fn abbreviations_are_lower_case_without_their_last_dot() {
        for a in ABBREVIATIONS.entries() {
            assert_eq!(a, a.to_lowercase(), "{a}");
            assert!(!a.ends_with('.'), "{a}");
        }
        assert!(ABBREVIATIONS.contains("dr") && ABBREVIATIONS.contains("u.s"));
    }
}
