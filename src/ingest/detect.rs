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
    match ext.as_str() {
        // The extension says JSON: a broken file is reported as broken JSON.
        "json" if first == '{' || first == '[' => return Format::Json,
        "jsonl" | "ndjson" if first == '{' || first == '[' => return Format::Jsonl,
        _ => {}
    }
    if first == '{' || first == '[' {
        // Sniffed only: JSON is taken when the text really is JSON, never on its first character
        // alone (a text scrape may open with a menu line such as "[Skip to content]").
        if is_json(text) {
            return Format::Json;
        }
        if is_json_lines(text) {
            return Format::Jsonl;
        }
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

/// Whether the whole text is one JSON value (checked without building it).
fn is_json(text: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

/// Whether the text is JSON Lines: most of its first 20 non-empty lines are JSON objects.
fn is_json_lines(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(20)
        .collect();
    let objects = lines
        .iter()
        .filter(|l| l.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
        .count();
    !lines.is_empty() && objects * 2 > lines.len()
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

    #[test]
    fn a_scrape_that_opens_with_a_bracket_is_text() {
        // Menu lines as text dumps keep them: read as text, never as broken JSON.
        let page = "[Skip to content]\n[Home] [World]\n\nThe council met on Tuesday.\n";
        assert_eq!(detect("page.txt", page), Format::Text);
        assert_eq!(detect("page", "{menu} News\nText here.\n"), Format::Text);
        assert_eq!(
            detect("page.md", "[Home](/)\n\n# Title\n"),
            Format::Markdown
        );
        // Real JSON without a JSON extension is still JSON, and a broken .json file stays JSON
        // (its error is reported).
        assert_eq!(detect("feed.txt", "[{\"title\": \"x\"}]"), Format::Json);
        assert_eq!(
            detect("feed.data", "{\"a\":1}\n{\"a\":2}\n{\"a\":\n"),
            Format::Jsonl
        );
        assert_eq!(detect("broken.json", "{\"a\":"), Format::Json);
    }
}
