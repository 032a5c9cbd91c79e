//! Format detection: by what a file contains first, by its extension second.

use crate::model::Format;

/// Decides the format of a file from its text and name. Content that is clearly of one format
/// wins over the extension (an `.txt` holding an HTML page is HTML).
pub fn detect(rel: &str, text: &str) -> Format {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    let looks_html = head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && [
                "<body", "<p>", "<p ", "<div", "<article", "<head", "<meta", "<title",
            ]
            .iter()
            .any(|t| head.contains(t)));
    if looks_html {
        return Format::Html;
    }
    let first = head.chars().next().unwrap_or(' ');
    if first == '{' || first == '[' {
        match ext.as_str() {
            "jsonl" | "ndjson" => return Format::Jsonl,
            _ => {}
        }
        // A whole-file JSON value, or one object per line?
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let per_line = lines.len() >= 2
            && lines
                .iter()
                .filter(|l| l.starts_with('{') && l.ends_with('}'))
                .count()
                * 2
                > lines.len();
        if per_line && serde_json::from_str::<serde_json::Value>(text).is_err() {
            return Format::Jsonl;
        }
        return Format::Json;
    }
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "json" => Format::Json,
        "jsonl" | "ndjson" => Format::Jsonl,
        "md" | "markdown" | "mdx" => Format::Markdown,
        _ if text.starts_with("---\n") || text.starts_with("---\r\n") => Format::Markdown,
        _ => Format::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_beats_extension() {
        assert_eq!(
            detect("a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>"),
            Format::Html
        );
        assert_eq!(
            detect("a.txt", "{\"title\": \"x\", \"body\": \"y\"}"),
            Format::Json
        );
        assert_eq!(detect("a.data", "{\"a\":1}\n{\"a\":2}\n"), Format::Jsonl);
        assert_eq!(detect("a.jsonl", "{\"a\":1}\n"), Format::Jsonl);
        assert_eq!(detect("a.md", "# Title\n\nText"), Format::Markdown);
        assert_eq!(
            detect("notes", "---\ntitle: x\n---\nText"),
            Format::Markdown
        );
        assert_eq!(detect("a.html", "just words"), Format::Html);
        assert_eq!(detect("a.txt", "Back to News\nText"), Format::Text);
    }
}
