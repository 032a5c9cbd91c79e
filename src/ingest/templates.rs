//! Site templates: lines and paragraphs that repeat across many pages of the same site (a
//! tagline, a newsletter box, a footer blurb) are furniture, whatever words they use.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

/// A template line normalises to at most this many bytes: templates are taglines, boxes and
/// footers, not paragraphs. Lines of more than twice as many raw bytes are passed over before
/// they are normalised, so long prose costs nothing.
pub const MAX_TEMPLATE_LINE: usize = 400;

/// The form of a line used to compare it across pages: lower case, letters and digits only.
pub fn norm_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in crate::text::words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        crate::text::push_lower(&mut out, w);
    }
    out
}

/// What a line is compared by across pages: a hash of its [`norm_line`] form (64 bits: two
/// different lines of a site with one key is too rare to matter), and its number of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LineKey {
    hash: u64,
    words: u32,
}

/// The template lines of one site.
pub type Template = FxHashSet<LineKey>;

/// The key of a line, or `None` when it has no words or is too long to be a template line. Built
/// word by word without the normalised string, and given up as soon as that would pass
/// [`MAX_TEMPLATE_LINE`].
pub fn line_key(line: &str) -> Option<LineKey> {
    if line.len() > 2 * MAX_TEMPLATE_LINE {
        return None;
    }
    let (mut hash, mut words, mut len) = (0u64, 0u32, 0usize);
    let mut lower = String::new();
    for w in crate::text::words(line) {
        let h = crate::text::word_hash(w, &mut lower);
        // The word's length in the normal form: lower-casing keeps ASCII lengths.
        len += if w.is_ascii() { w.len() } else { lower.len() } + usize::from(words > 0);
        if len > MAX_TEMPLATE_LINE {
            return None;
        }
        hash = (hash.rotate_left(23) ^ h).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        words += 1;
    }
    (words > 0).then_some(LineKey { hash, words })
}

/// Whether a line is one of a site's template lines (`template` from [`TemplateStats::templates`]).
pub fn is_template(template: &Template, line: &str) -> bool {
    !template.is_empty() && line_key(line).is_some_and(|k| template.contains(&k))
}

/// Counts, per site, in how many pages each line occurs.
#[derive(Default)]
pub struct TemplateStats {
    sites: HashMap<String, (usize, FxHashMap<LineKey, usize>)>,
}

impl TemplateStats {
    /// Records the lines of one page of `site`.
    pub fn add_page<'a>(&mut self, site: &str, lines: impl Iterator<Item = &'a str>) {
        let entry = self.sites.entry(site.to_string()).or_default();
        entry.0 += 1;
        let mut seen = FxHashSet::default();
        for key in lines.filter_map(line_key) {
            if seen.insert(key) {
                *entry.1.entry(key).or_default() += 1;
            }
        }
    }

    /// The template lines of each site: lines in at least 3 of its pages and in at least half of
    /// them, or (for lines that are not sentences) in at least a quarter of them. Prose repeated in
    /// a few pages of a large site is left alone: that is more likely a quotation the site's
    /// articles share than furniture.
    pub fn templates(&self) -> HashMap<String, Template> {
        let mut out = HashMap::new();
        for (site, (pages, counts)) in &self.sites {
            let set: Template = counts
                .iter()
                .filter(|(key, c)| {
                    let c = **c;
                    let sentence = key.words >= 8;
                    c >= 3 && (c * 2 >= *pages || (!sentence && c * 4 >= *pages))
                })
                .map(|(key, _)| *key)
                .collect();
            if !set.is_empty() {
                out.insert(site.clone(), set);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_lines_shared_by_most_pages_of_a_site() {
        let mut s = TemplateStats::default();
        for i in 0..4 {
            let body = format!("Unique sentence number {i} about the harbour.");
            s.add_page(
                "site",
                ["24/7 Trending News.", "Subscribe now!", body.as_str()].into_iter(),
            );
        }
        s.add_page("other", ["24/7 Trending News."].into_iter());
        let t = s.templates();
        let site = t.get("site").cloned().unwrap_or_default();
        assert!(is_template(&site, "24/7 TRENDING news"));
        assert!(is_template(&site, "Subscribe now"));
        assert!(!is_template(&site, "Subscribe"));
        assert_eq!(site.len(), 2);
        assert!(!t.contains_key("other"));
    }
}
