//! Site templates: lines and paragraphs that repeat across many pages of the same site (a
//! tagline, a newsletter box, a footer blurb) are furniture, whatever words they use.

use std::collections::{HashMap, HashSet};

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

/// Whether a raw line is short enough to be looked at as a template line at all.
fn may_be_template(line: &str) -> bool {
    line.len() <= 2 * MAX_TEMPLATE_LINE
}

/// Whether a line is one of a site's template lines (`template` from [`TemplateStats::templates`]).
pub fn is_template(template: &HashSet<String>, line: &str) -> bool {
    !template.is_empty() && may_be_template(line) && template.contains(&norm_line(line))
}

/// Counts, per site, in how many pages each line occurs.
#[derive(Default)]
pub struct TemplateStats {
    sites: HashMap<String, (usize, FxHashMap<String, usize>)>,
}

impl TemplateStats {
    /// Records the lines of one page of `site`.
    pub fn add_page<'a>(&mut self, site: &str, lines: impl Iterator<Item = &'a str>) {
        let entry = self.sites.entry(site.to_string()).or_default();
        entry.0 += 1;
        let mut seen = FxHashSet::default();
        for l in lines {
            if !may_be_template(l) {
                continue;
            }
            let n = norm_line(l);
            if !n.is_empty() && n.len() <= MAX_TEMPLATE_LINE && seen.insert(n.clone()) {
                *entry.1.entry(n).or_default() += 1;
            }
        }
    }

    /// The template lines of each site: lines in at least 3 of its pages and in at least half of
    /// them, or (for lines that are not sentences) in at least a quarter of them. Prose repeated in
    /// a few pages of a large site is left alone: that is more likely a quotation the site's
    /// articles share than furniture.
    pub fn templates(&self) -> HashMap<String, HashSet<String>> {
        let mut out = HashMap::new();
        for (site, (pages, counts)) in &self.sites {
            let set: HashSet<String> = counts
                .iter()
                .filter(|(line, c)| {
                    let c = **c;
                    let sentence = crate::text::has_words(line, 8);
                    c >= 3 && (c * 2 >= *pages || (!sentence && c * 4 >= *pages))
                })
                .map(|(l, _)| l.clone())
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
        assert!(site.contains(&norm_line("24/7 trending news")));
        assert!(site.contains("subscribe now"));
        assert_eq!(site.len(), 2);
        assert!(!t.contains_key("other"));
    }
}
