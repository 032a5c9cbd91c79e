//! HTML pages: the article body through dom_smoothie (Readability's algorithm on the html5ever
//! parser, pruned by our rules), metadata from the page's meta tags and JSON-LD, and plain text of
//! HTML fragments.

use super::meta::RawMeta;
use dom_query::{Document, NodeRef};

/// Extracts an HTML page: its metadata and its body paragraphs (see [`super::extract`]).
pub fn extract_page(html: &str) -> (RawMeta, Vec<String>) {
    let a = super::extract::extract(html);
    let m = a.meta;
    let meta = RawMeta {
        title: m.title,
        author: m.author,
        published: m.published,
        outlet: m.site_name,
        url: m.url,
        category: m.category,
        tags: m.tags,
        page_type: m.page_type,
        ..Default::default()
    };
    let paragraphs: Vec<String> = a
        .paragraphs
        .iter()
        .map(|p| crate::text::squash_ws(p))
        .filter(|p| !p.is_empty())
        .collect();
    (meta, paragraphs)
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "br",
    "tr",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "table",
    "hr",
    "dd",
    "dt",
];

/// The text of an HTML fragment (a feed's `content` field), one paragraph per block element.
pub fn html_fragment_paragraphs(html: &str) -> Vec<String> {
    let doc = Document::fragment(html);
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(&doc.root(), &mut cur, &mut out, 0);
    flush(&mut cur, &mut out);
    out
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let p = crate::text::squash_ws(cur);
    if !p.is_empty() {
        out.push(p);
    }
    cur.clear();
}

fn walk(node: &NodeRef, cur: &mut String, out: &mut Vec<String>, depth: usize) {
    if depth > 200 {
        return;
    }
    for child in node.children_it(false) {
        if child.is_text() {
            cur.push_str(&child.text());
        } else if child.is_element() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if matches!(
                name.as_str(),
                "script" | "style" | "noscript" | "template" | "svg" | "iframe"
            ) {
                continue;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                flush(cur, out);
            }
            walk(&child, cur, out, depth + 1);
            if block {
                flush(cur, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_become_paragraphs() {
        let p = html_fragment_paragraphs(
            "<p>One <b>bold</b> word.</p><h2>Head</h2><ul><li>a</li><li>b</li></ul><script>x()</script>tail",
        );
        assert_eq!(p, ["One bold word.", "Head", "a", "b", "tail"]);
    }
}
