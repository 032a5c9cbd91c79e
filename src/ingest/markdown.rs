//! Markdown articles: YAML-style front matter for metadata, a `# Title` and a
//! "By Name | Outlet | date" line when there is none, and the body's paragraphs and headings as
//! plain text (CommonMark parsed with pulldown-cmark).

use super::meta::RawMeta;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// A Markdown file's metadata and body paragraphs.
pub fn parse(text: &str) -> (RawMeta, Vec<String>) {
    let (mut meta, body) = front_matter(text);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut h1: Option<String> = None;
    let mut skip = 0usize; // inside code blocks, images, html
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => {
                push(&mut cur, &mut paragraphs);
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                let t = crate::text::squash_ws(&cur);
                cur.clear();
                if h1.is_none() && paragraphs.is_empty() {
                    h1 = Some(t);
                } else if !t.is_empty() {
                    paragraphs.push(t);
                }
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1)
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::TableRow,
            ) => push(&mut cur, &mut paragraphs),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow,
            ) => push(&mut cur, &mut paragraphs),
            Event::Text(t) | Event::Code(t) if skip == 0 => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak if skip == 0 => cur.push(' '),
            Event::End(TagEnd::TableCell) | Event::TaskListMarker(_) => cur.push(' '),
            _ => {}
        }
    }
    push(&mut cur, &mut paragraphs);
    if meta.title.is_none() {
        meta.title = h1;
    }
    // A byline paragraph at the top: "By Name | Outlet | 14 October 2026".
    if let Some(first) = paragraphs.first()
        && let Some(rest) = first
            .strip_prefix("By ")
            .or_else(|| first.strip_prefix("by "))
    {
        let parts: Vec<&str> = rest.split(['|', '·', '•']).map(str::trim).collect();
        if parts.len() >= 2 || crate::text::word_count(rest) <= 5 {
            meta.author.get_or_insert_with(|| parts[0].to_string());
            for p in &parts[1..] {
                if super::meta::parse_time(p).is_some() {
                    meta.published.get_or_insert_with(|| p.to_string());
                } else {
                    meta.outlet.get_or_insert_with(|| p.to_string());
                }
            }
            paragraphs.remove(0);
        }
    }
    (meta, paragraphs)
}

fn push(cur: &mut String, out: &mut Vec<String>) {
    let t = crate::text::squash_ws(cur);
    if !t.is_empty() {
        out.push(t);
    }
    cur.clear();
}

/// Splits off a `---` front matter block and reads its `key: value` lines (lists as `[a, b]` or
/// `- item` lines). Returns the metadata and the rest of the text.
pub fn front_matter(text: &str) -> (RawMeta, &str) {
    let mut meta = RawMeta::default();
    let t = text.trim_start_matches('\u{feff}');
    let Some(rest) = t
        .strip_prefix("---\n")
        .or_else(|| t.strip_prefix("---\r\n"))
    else {
        return (meta, t);
    };
    let Some(end) = rest.find("\n---") else {
        return (meta, t);
    };
    let block = &rest[..end];
    let body = rest[end + 4..]
        .trim_start_matches(['-', '\r'])
        .trim_start_matches('\n');
    let mut key = String::new();
    let mut pairs: Vec<(String, Vec<String>)> = Vec::new();
    for line in block.lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if let Some((_, vals)) = pairs.iter_mut().rev().find(|(k, _)| *k == key) {
                vals.push(unquote(item));
            }
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        if line.starts_with([' ', '\t']) {
            continue;
        }
        key = k.trim().to_lowercase();
        let v = v.trim();
        let vals = if let Some(list) = v.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            list.split(',')
                .map(unquote)
                .filter(|s| !s.is_empty())
                .collect()
        } else if v.is_empty() {
            Vec::new()
        } else {
            vec![unquote(v)]
        };
        pairs.push((key.clone(), vals));
    }
    for (k, vals) in pairs {
        let one = vals.first().cloned();
        match k.as_str() {
            "title" | "headline" => meta.title = one,
            "author" | "authors" | "byline" => {
                meta.author = (!vals.is_empty()).then(|| vals.join(", "))
            }
            "date" | "published" | "published_at" | "pubdate" | "publishdate" => {
                meta.published = one
            }
            "outlet" | "source" | "publisher" | "site" | "site_name" | "publication" => {
                meta.outlet = one
            }
            "via" | "aggregator" => meta.via = one,
            "category" | "section" => meta.category = one,
            "tags" | "keywords" | "topics" => meta.tags = super::meta::clean_tags(vals),
            "url" | "link" | "canonical" | "canonical_url" => meta.url = one,
            _ => {}
        }
    }
    (meta, body)
}

fn unquote(s: &str) -> String {
    s.trim().trim_matches(['"', '\'']).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_front_matter_and_body() {
        let md = "---\ntitle: \"A Title\"\noutlet: Tideline\ntags: [a, b]\nauthor:\n  - Ann Lee\n---\n\nFirst *para*.\n\n## Sub\n\nSecond [link](http://x) para.\n";
        let (m, p) = parse(md);
        assert_eq!(m.title.as_deref(), Some("A Title"));
        assert_eq!(m.outlet.as_deref(), Some("Tideline"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.tags, ["a", "b"]);
        assert_eq!(p, ["First para.", "Sub", "Second link para."]);
    }

    #[test]
    fn reads_title_and_byline_without_front_matter() {
        let (m, p) = parse("# Big News\n\nBy Ann Lee | Tideline | 14 October 2026\n\nBody text.");
        assert_eq!(m.title.as_deref(), Some("Big News"));
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.outlet.as_deref(), Some("Tideline"));
        assert_eq!(m.published.as_deref(), Some("14 October 2026"));
        assert_eq!(p, ["Body text."]);
    }
}
