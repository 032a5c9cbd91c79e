//! JSON and JSON Lines records from feeds and scrapers: the usual field names for title, body,
//! source, author, time, tags and address, in any of their common spellings; other fields are
//! ignored. A body that holds HTML is reduced to its text.

use super::meta::RawMeta;
use serde_json::{Map, Value};

/// One record's content.
pub struct Record {
    pub meta: RawMeta,
    pub paragraphs: Vec<String>,
}

const BODY: &[&str] = &[
    "body",
    "content",
    "text",
    "article",
    "articleBody",
    "article_body",
    "full_text",
    "fullText",
    "html",
    "content_html",
];
const BODY_FALLBACK: &[&str] = &["description", "summary", "abstract", "lead"];
const TITLE: &[&str] = &["title", "headline", "heading", "name"];
const URL: &[&str] = &[
    "url",
    "link",
    "canonical_url",
    "canonicalUrl",
    "permalink",
    "href",
];
const OUTLET: &[&str] = &[
    "outlet",
    "source",
    "publisher",
    "source_name",
    "sourceName",
    "site_name",
    "siteName",
    "publication",
    "site",
    "provider",
];
/// The original publisher of a re-published record (the record's own outlet then becomes `via`).
const ORIGINAL: &[&str] = &[
    "original_source",
    "originalSource",
    "original_outlet",
    "originalOutlet",
    "original_publisher",
];
const VIA: &[&str] = &[
    "via",
    "aggregator",
    "republished_by",
    "republishedBy",
    "syndicated_by",
];
const AUTHOR: &[&str] = &["author", "authors", "byline", "creator", "writer", "by"];
const TIME: &[&str] = &[
    "published",
    "published_at",
    "publishedAt",
    "date",
    "pubDate",
    "pub_date",
    "datePublished",
    "date_published",
    "publication_date",
    "time",
    "timestamp",
    "created_at",
    "createdAt",
    "updated",
    "updated_at",
    "dateModified",
];
const CATEGORY: &[&str] = &["category", "section", "section_name", "department"];
const TAGS: &[&str] = &[
    "tags",
    "keywords",
    "topics",
    "categories",
    "labels",
    "subjects",
];

/// The records inside a parsed JSON value: the value itself, the elements of an array, or the
/// array under a feed wrapper key ("articles", "items", "data", "entries", "results", "posts").
pub fn records_of(v: Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a,
        Value::Object(mut o) => {
            for key in [
                "articles", "items", "data", "entries", "results", "posts", "records", "stories",
            ] {
                if matches!(o.get(key), Some(Value::Array(_)))
                    && let Some(Value::Array(a)) = o.remove(key)
                {
                    return a;
                }
            }
            vec![Value::Object(o)]
        }
        other => vec![other],
    }
}

/// Whether a record is read from a field of this name (see the lists above).
fn is_record_field(key: &str) -> bool {
    [
        BODY,
        BODY_FALLBACK,
        TITLE,
        URL,
        OUTLET,
        ORIGINAL,
        VIA,
        AUTHOR,
        TIME,
        CATEGORY,
        TAGS,
    ]
    .iter()
    .any(|names| names.contains(&key))
}

/// Parses one JSON Lines record. An object keeps only the fields a record is read from: anything
/// else riding along (a dataset's annotations, a scraper's raw HTML under an unknown name) is
/// scanned and checked but never built into memory. Other values parse whole, so that
/// [`read_record`] can say what they are.
pub fn parse_record_line(line: &str) -> Result<Value, serde_json::Error> {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

    struct Fields;
    impl<'de> Visitor<'de> for Fields {
        type Value = Value;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Value, A::Error> {
            let mut o = Map::new();
            while let Some(k) = m.next_key::<String>()? {
                if is_record_field(&k) {
                    let v: Value = m.next_value()?;
                    o.insert(k, v);
                } else {
                    m.next_value::<IgnoredAny>()?;
                }
            }
            Ok(Value::Object(o))
        }
    }

    if !line.trim_start().starts_with('{') {
        return serde_json::from_str(line);
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let v = (&mut de).deserialize_map(Fields)?;
    de.end()?;
    Ok(v)
}

/// Reads one record. Errors say what is wrong with it.
pub fn read_record(v: &Value) -> Result<Record, String> {
    let Value::Object(o) = v else {
        return Err(format!("record is a JSON {}, not an object", kind_of(v)));
    };
    let title = first_text(o, TITLE);
    // A body is prose: a one-token value (an id, a label) under a body-like name is not one.
    let prose = |t: String| t.trim().contains(char::is_whitespace).then_some(t);
    let body = first_text(o, BODY)
        .and_then(prose)
        .or_else(|| first_text(o, BODY_FALLBACK).and_then(prose));
    let body = match (body, &title) {
        (Some(b), _) => b,
        // A headline-only record (a headline feed) is kept with an empty body.
        (None, Some(_)) => String::new(),
        (None, None) => {
            return Err("record has neither text nor title: none of the fields body, content, text, article, \
                        description, title, headline"
                .to_string());
        }
    };
    let paragraphs = body_paragraphs(&body);
    let mut meta = RawMeta {
        title,
        url: first_text(o, URL),
        outlet: first_name(o, OUTLET),
        via: first_name(o, VIA),
        author: first_name(o, AUTHOR),
        published: first_time(o),
        category: first_text(o, CATEGORY),
        tags: first_list(o, TAGS),
        page_type: None,
    };
    if let Some(original) = first_name(o, ORIGINAL) {
        if meta
            .outlet
            .as_deref()
            .is_some_and(|x| !x.eq_ignore_ascii_case(&original))
        {
            meta.via = meta.via.take().or(meta.outlet.take());
        }
        meta.outlet = Some(original);
    }
    if meta.category.is_none()
        && let Some(Value::Array(a)) = o.get("categories")
    {
        meta.category = a.first().and_then(value_text);
    }
    Ok(Record { meta, paragraphs })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// A string field, or the `name`/`title`/`text` of an object field.
fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => ["name", "title", "text", "value", "@value"]
            .iter()
            .find_map(|k| o.get(*k).and_then(value_text)),
        _ => None,
    }
}

fn first_text(o: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| o.get(*k).and_then(value_text))
}

/// A name field that may be a string, an object with a name, or a list of those (joined).
fn first_name(o: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match o.get(*k)? {
        Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(value_text).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        v => value_text(v),
    })
}

fn first_list(o: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    for k in keys {
        match o.get(*k) {
            Some(Value::Array(a)) => {
                return super::meta::clean_tags(a.iter().filter_map(value_text));
            }
            Some(Value::String(s)) => return super::meta::clean_tags([s.clone()]),
            _ => {}
        }
    }
    Vec::new()
}

/// A time field: a string, or Unix seconds / milliseconds.
fn first_time(o: &Map<String, Value>) -> Option<String> {
    TIME.iter().find_map(|k| match o.get(*k)? {
        Value::Number(n) => {
            let secs = n.as_i64()?;
            let secs = if secs > 100_000_000_000 {
                secs / 1000
            } else {
                secs
            };
            chrono::DateTime::from_timestamp(secs, 0).map(|t| t.to_rfc3339())
        }
        v => value_text(v),
    })
}

/// Splits a body into paragraphs: HTML bodies by their block elements, text bodies by blank lines
/// (or by single line breaks when the text has no blank lines).
pub fn body_paragraphs(body: &str) -> Vec<String> {
    let t = body.trim();
    let looks_html = t.starts_with('<')
        || (t.contains('<')
            && ["<p>", "<p ", "</p>", "<br", "<div"]
                .iter()
                .any(|m| t.contains(m)));
    if looks_html {
        return super::html::html_fragment_paragraphs(t);
    }
    let text = if t.contains('\r') {
        std::borrow::Cow::Owned(t.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(t)
    };
    let parts: Vec<&str> = if text.contains("\n\n") {
        text.split("\n\n").collect()
    } else {
        text.split('\n').collect()
    };
    parts
        .into_iter()
        .map(crate::text::squash_ws)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_lines_keep_the_record_fields_only() {
        let v = parse_record_line(
            r#"{"title": "T", "attributions": [{"a": [1, 2, {"b": null}]}], "text": "Body text here.", "n": 3}"#,
        )
        .expect("parses");
        assert_eq!(
            v,
            serde_json::json!({ "title": "T", "text": "Body text here." })
        );
        assert!(parse_record_line(r#"{"title": "T", "x": [1, 2}"#).is_err());
        assert!(parse_record_line(r#"{"title": "T"} trailing"#).is_err());
        assert_eq!(
            parse_record_line("[1, 2]").expect("parses"),
            serde_json::json!([1, 2])
        );
        let r = read_record(&parse_record_line("42").expect("parses"));
        assert!(r.is_err_and(|e| e.contains("number")));
    }

    #[test]
    fn reads_varied_field_names() {
        let v: Value = serde_json::from_str(
            r#"{"headline":"H","content":"<p>One.</p><p>Two &amp; three.</p>","publisher":{"name":"P"},
                "authors":[{"name":"A"},"B"],"pubDate":"Wed, 14 Oct 2026 09:12:00 +0200","keywords":"x, y","extra":1}"#,
        )
        .unwrap_or_default();
        let r = read_record(&v).map_err(|e| e.to_string());
        let r = r.as_ref().map(|r| {
            (
                r.meta.title.clone(),
                r.meta.outlet.clone(),
                r.meta.author.clone(),
                r.meta.tags.clone(),
                r.paragraphs.clone(),
            )
        });
        assert_eq!(
            r,
            Ok((
                Some("H".into()),
                Some("P".into()),
                Some("A, B".into()),
                vec!["x".into(), "y".into()],
                vec!["One.".into(), "Two & three.".into()]
            ))
        );
        // A headline-only record loads with an empty body; a record with neither is refused.
        assert!(
            read_record(&serde_json::json!({"title": "only a headline here"}))
                .is_ok_and(|r| r.paragraphs.is_empty())
        );
        assert!(read_record(&serde_json::json!({"id": "x1", "story": "abc"})).is_err());
        assert!(read_record(&serde_json::json!([1])).is_err());
        assert_eq!(
            records_of(serde_json::json!({"items": [{"a": 1}, {"a": 2}]})).len(),
            2
        );
    }
}
