//! An HTML page's own statement of its metadata: `<meta>` tags (Open Graph, `article:*`, Dublin
//! Core, Parse.ly), the canonical link, the `<title>` and schema.org JSON-LD. Only the page's
//! head is parsed; JSON-LD scripts are read wherever they are.

use std::sync::LazyLock;

use dom_query::Document;
use regex::Regex;
use serde_json::Value;

/// What a page says about itself. Every field is as the page gives it (trimmed, entities
/// decoded); the article pipeline normalises names, times and tags later.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    /// A type other than an article that the page declares (schema.org or Open Graph), when it
    /// declares no article type.
    pub page_type: Option<crate::model::PageType>,
}

/// Meta tag names (the `property` or `name` attribute, lower case) for each field, most
/// specific first.
const TITLE: &[&str] = &["og:title", "twitter:title", "dc.title"];
const AUTHOR: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
];
const PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "pubdate",
    "publish_date",
    "publishdate",
    "sailthru.date",
    "parsely-pub-date",
];
const SITE: &[&str] = &["og:site_name", "application-name", "dc.publisher"];
const URL: &[&str] = &["og:url", "twitter:url"];
const CATEGORY: &[&str] = &["article:section", "parsely-section", "category"];
const TAGS: &[&str] = &[
    "article:tag",
    "news_keywords",
    "keywords",
    "parsely-tags",
    "sailthru.tags",
];

/// Reads a page's metadata from its head and its JSON-LD. Meta tags win over JSON-LD for the
/// title (JSON-LD headlines are often shortened), JSON-LD wins for the author and publisher
/// (meta `author` is often a site account), and either fills what the other lacks.
pub fn read(html: &str) -> PageMeta {
    let head_end = head_end(html);
    let doc = Document::from(&html[..head_end]);
    let mut metas: Vec<(String, String)> = Vec::new();
    for m in doc.select("meta").iter() {
        let key = m
            .attr("property")
            .or_else(|| m.attr("name"))
            .or_else(|| m.attr("itemprop"));
        let (Some(key), Some(content)) = (key, m.attr("content")) else {
            continue;
        };
        let content = crate::text::squash_ws(content.trim());
        if !content.is_empty() {
            metas.push((key.trim().to_ascii_lowercase(), content));
        }
    }
    // Every value of the first key present, and the first of those.
    let all = |keys: &[&str]| -> Vec<String> {
        keys.iter()
            .find_map(|k| {
                let v: Vec<String> = metas
                    .iter()
                    .filter(|(n, _)| n == k)
                    .map(|(_, c)| c.clone())
                    .collect();
                (!v.is_empty()).then_some(v)
            })
            .unwrap_or_default()
    };
    let first = |keys: &[&str]| all(keys).into_iter().next();
    let ld = json_ld(html);
    let canonical = doc
        .select(r#"link[rel="canonical"]"#)
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.trim().to_string()))
        .filter(|h| h.starts_with("http"));
    let title_tag = doc
        .select("title")
        .iter()
        .next()
        .map(|t| crate::text::squash_ws(t.text().trim()))
        .filter(|t| !t.is_empty());
    let meta_author = first(AUTHOR).filter(|a| !a.starts_with("http"));
    let mut tags = all(TAGS);
    if tags.is_empty() {
        tags = ld.keywords;
    }
    let site_name = first(SITE).or(ld.publisher);
    let url = canonical.or_else(|| first(URL)).or(ld.url);
    let title = first(TITLE)
        .or(ld.headline)
        .or(title_tag)
        .map(|t| without_site_suffix(t, site_name.as_deref(), url.as_deref()));
    // The headline the page shows (its one `<h1>`) wins over the declared title when they are
    // about the same thing: declared titles are often shortened or reworded for search and
    // sharing. A logo in an `<h1>` (the site's name) or a page of many `<h1>`s is passed over.
    let title = match (headline_h1(&html[head_end..]), title) {
        (Some(h), None) => Some(h),
        (Some(h), Some(t))
            if same_subject(&h, &t)
                && !site_name
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(&h)) =>
        {
            Some(h)
        }
        (_, t) => t,
    };
    // JSON-LD's datePublished first: where it and a meta tag differ, the meta tag is more often
    // local time labelled as UTC. A time with the hour beats a bare date.
    let mut times: Vec<String> = ld.published.into_iter().collect();
    for k in PUBLISHED {
        times.extend(metas.iter().filter(|(n, _)| n == k).map(|(_, c)| c.clone()));
    }
    if times.is_empty() {
        times.extend(item_published(html));
    }
    if times.is_empty() {
        times.extend(time_element(html));
    }
    let published = times
        .iter()
        .find(|t| t.contains(':'))
        .or(times.first())
        .cloned();
    PageMeta {
        title,
        author: ld.author.or(meta_author),
        published,
        site_name,
        url,
        category: first(CATEGORY).or(ld.section),
        tags,
        page_type: declared_type(html, first(&["og:type"]).as_deref()),
    }
}

/// The title without a trailing " | Site" (or " - Site") naming the site itself: its name or
/// its web address ("Best gadgets | ZDNet", "Omar threat case | TheHill" on thehill.com).
fn without_site_suffix(title: String, site: Option<&str>, url: Option<&str>) -> String {
    let key = crate::text::alnum_key;
    let host = url.and_then(super::meta::host_of).map(|h| key(&h));
    let site = site.map(key);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let t = key(tail);
        let names_site = !t.is_empty()
            && (site.as_deref() == Some(t.as_str())
                || host.as_deref().is_some_and(|h| h.contains(&t)));
        if names_site && head.split_whitespace().count() >= 2 {
            return head.trim().to_string();
        }
    }
    title
}

/// The `datePublished` a page marks in its body with schema.org microdata
/// (`<meta itemprop="datePublished" content=..>` or `<time itemprop="datePublished" datetime=..>`).
fn item_published(html: &str) -> Option<String> {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)^<(?:meta|time)\b[^>]*\bitemprop\s*=\s*["']?datePublished\b"#)
            .expect("static regex is valid")
    });
    static VALUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)\b(?:content|datetime)\s*=\s*["']([^"']+)["']"#)
            .expect("static regex is valid")
    });
    let bytes = html.as_bytes();
    let mut from = 0;
    // Each mention of the property, then the tag around it.
    while let Some(at) = crate::text::find_ci(bytes, from, b"datepublished") {
        from = at + 1;
        let Some(start) = memchr::memrchr(b'<', &bytes[..at]) else {
            continue;
        };
        let Some(end) = memchr::memchr(b'>', &bytes[at..]).map(|e| at + e + 1) else {
            break;
        };
        let tag = &html[start..end];
        if ITEM.is_match(tag) {
            let v = VALUE.captures(tag)?.get(1)?.as_str().trim();
            return (!v.is_empty()).then(|| v.to_string());
        }
    }
    None
}

/// The page's declared type when it is not an article: the schema.org types of its JSON-LD
/// (a product, a forum thread or question, a collection or list page) or an Open Graph `product`,
/// and no article type beside them. Without such a statement the page is taken as an article.
fn declared_type(html: &str, og_type: Option<&str>) -> Option<crate::model::PageType> {
    use crate::model::PageType;
    static TYPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""@type"\s*:\s*(?:\[\s*)?"([A-Za-z]+)""#).expect("static regex is valid")
    });
    let mut found: Option<PageType> = None;
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = crate::text::find_ci(bytes, from, b"application/ld+json") {
        let Some(close) = crate::text::find_ci(bytes, at, b"</script") else {
            break;
        };
        from = close;
        for c in TYPE.captures_iter(&html[at..close]) {
            let t = &c[1];
            if is_article_type(t) {
                return None;
            }
            let kind = match t {
                "Product" | "ProductGroup" | "Offer" | "AggregateOffer" => Some(PageType::Product),
                "DiscussionForumPosting" | "QAPage" | "Question" => Some(PageType::Forum),
                "CollectionPage" | "ItemList" | "SearchResultsPage" => Some(PageType::Listing),
                _ => None,
            };
            found = found.or(kind);
        }
    }
    if og_type.is_some_and(|t| t.eq_ignore_ascii_case("article")) {
        return None;
    }
    found.or_else(|| {
        og_type
            .filter(|t| t.eq_ignore_ascii_case("product"))
            .map(|_| PageType::Product)
    })
}

/// The text of the page's `<h1>` when it has one or two and the first reads like a headline (3 to
/// 40 words).
fn headline_h1(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = crate::text::find_ci(bytes, from, b"<h1") {
        from = at + 3;
        if !matches!(bytes.get(at + 3), Some(b'>' | b' ' | b'\n' | b'\t' | b'\r')) {
            continue;
        }
        let Some(end) = crate::text::find_ci(bytes, at, b"</h1") else {
            break;
        };
        found.push(&body[at..end]);
        if found.len() > 2 {
            return None;
        }
    }
    let first = found.first()?;
    let text = Document::fragment(*first).root().text();
    let text = crate::text::squash_ws(text.trim());
    (3..=40)
        .contains(&crate::text::word_count(&text))
        .then_some(text)
}

/// Whether two titles share at least a third of the shorter one's words.
fn same_subject(a: &str, b: &str) -> bool {
    let words = |s: &str| -> std::collections::HashSet<String> {
        crate::text::words(s).map(str::to_lowercase).collect()
    };
    let (x, y) = (words(a), words(b));
    let shared = x.intersection(&y).count();
    shared * 3 >= x.len().min(y.len()) && shared > 0
}

/// The first date written in the page's text right after its headline (`<h1>`), else right
/// before it: the date a page shows beside its title and byline.
pub fn date_near_headline(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let mut from = head_end(html).min(html.len());
    if from == html.len() {
        from = 0;
    }
    let at = loop {
        let at = crate::text::find_ci(bytes, from, b"<h1")?;
        if matches!(bytes.get(at + 3), Some(b'>' | b' ' | b'\n' | b'\t' | b'\r')) {
            break at;
        }
        from = at + 3;
    };
    let after = visible_text(html, at, 12_000, 700);
    if let Some(d) = super::meta::find_date(&after) {
        return Some(d);
    }
    let start = at.saturating_sub(4_000);
    let start = (start..at)
        .find(|&i| html.is_char_boundary(i))
        .unwrap_or(at);
    let before = visible_text(html, start, at - start, usize::MAX);
    let tail: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(200)..].iter().collect()
    };
    super::meta::find_date(&tail)
}

/// The text of `html[from..from + bytes]` without its tags (and the contents of scripts and
/// styles), whitespace squashed, cut after `max_chars` characters.
fn visible_text(html: &str, from: usize, bytes: usize, max_chars: usize) -> String {
    let mut end = (from + bytes).min(html.len());
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let part = &html[from..end];
    let mut out = String::new();
    let mut rest = part;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let tail = &rest[lt..];
        let skip_to = if starts_with_ci_str(tail, "<script") {
            find_ci_str(tail, "</script").map(|e| e + 8)
        } else if starts_with_ci_str(tail, "<style") {
            find_ci_str(tail, "</style").map(|e| e + 7)
        } else {
            None
        };
        let from_here = skip_to.unwrap_or(0);
        match tail[from_here..].find('>') {
            Some(gt) => rest = &tail[from_here + gt + 1..],
            None => {
                rest = "";
                break;
            }
        }
        if out.chars().count() > max_chars.saturating_mul(2).max(max_chars) {
            break;
        }
    }
    out.push_str(rest);
    let text = crate::text::squash_ws(&out.replace("&nbsp;", " ").replace("&#160;", " "));
    text.chars().take(max_chars).collect()
}

fn starts_with_ci_str(s: &str, pat: &str) -> bool {
    crate::text::starts_with_ci(s.as_bytes(), 0, pat.as_bytes())
}

fn find_ci_str(s: &str, pat: &str) -> Option<usize> {
    crate::text::find_ci(s.as_bytes(), 0, pat.as_bytes())
}

/// The first `<time datetime=..>` of the page that is not marked as an update time: the date a
/// page shows under its headline, when it declares none in its head.
fn time_element(html: &str) -> Option<String> {
    static VALUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)\bdatetime\s*=\s*["']([^"']{8,40})["']"#).expect("static regex is valid")
    });
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = crate::text::find_ci(bytes, from, b"<time") {
        from = at + 5;
        let Some(end) = memchr::memchr(b'>', &bytes[at..]).map(|e| at + e + 1) else {
            break;
        };
        let tag = &html[at..end];
        let lower = tag.to_ascii_lowercase();
        if lower.contains("updated") || lower.contains("modified") {
            continue;
        }
        if let Some(v) = VALUE.captures(tag).and_then(|c| c.get(1)) {
            return Some(v.as_str().trim().to_string());
        }
    }
    None
}

/// A publication date stated anywhere in the page's raw text, scripts included: a
/// `"datePublished": ".."` (or `publishedDate`, `publishDate`) key of an application's JSON state
/// (Next.js and similar pages carry their article data only there).
pub fn script_published(html: &str) -> Option<String> {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(?i)\\?"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|firstPublished)\\?"\s*:\s*\\?"([^"\\]{8,40})\\?""#)
            .expect("static regex is valid")
    });
    let bytes = html.as_bytes();
    // Only pages that name such a key pay for the pattern.
    crate::text::find_ci(bytes, 0, b"publish")?;
    KEY.captures(html)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim().to_string())
}

/// The date in a web address's path (`/2024/05/31/`, `/2024-05-31/`), as `YYYY-MM-DD`.
pub fn url_date(url: &str) -> Option<String> {
    static PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$)")
            .expect("static regex is valid")
    });
    let c = PATH.captures(url)?;
    Some(format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

/// Where the head ends: after `</head>` when it is within the first 256 KB, else the whole page.
fn head_end(html: &str) -> usize {
    let window = &html.as_bytes()[..html.len().min(256 * 1024)];
    crate::text::find_ci(window, 0, b"</head>").map_or(html.len(), |i| i + 7)
}

/// The fields of the page's schema.org article object.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    author: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    section: Option<String>,
    keywords: Vec<String>,
}

/// Reads the first JSON-LD object that describes an article (`@type` ending in "Article",
/// "BlogPosting" or "Report", directly, in a list or in an `@graph`). Broken JSON is ignored.
fn json_ld(html: &str) -> JsonLd {
    let mut out = JsonLd::default();
    let bytes = html.as_bytes();
    let mut from = 0;
    while let Some(at) = crate::text::find_ci(bytes, from, b"application/ld+json") {
        let Some(open) = memchr::memchr(b'>', &bytes[at..]).map(|g| at + g + 1) else {
            break;
        };
        let Some(close) = crate::text::find_ci(bytes, open, b"</script") else {
            break;
        };
        from = close;
        let Ok(v) = serde_json::from_str::<Value>(html[open..close].trim()) else {
            continue;
        };
        if let Some(a) = find_article(&v) {
            out.headline = str_of(a.get("headline")).or_else(|| str_of(a.get("name")));
            out.author = names(a.get("author"));
            out.published = str_of(a.get("datePublished"));
            out.publisher = names(a.get("publisher"));
            out.url = str_of(a.get("url")).or_else(|| str_of(a.get("mainEntityOfPage")));
            out.section = match a.get("articleSection") {
                Some(Value::Array(xs)) => xs.iter().find_map(|x| str_of(Some(x))),
                other => str_of(other),
            };
            out.keywords = match a.get("keywords") {
                Some(Value::Array(xs)) => xs.iter().filter_map(|x| str_of(Some(x))).collect(),
                other => str_of(other).into_iter().collect(),
            };
            break;
        }
    }
    out
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("BlogPosting") || t.ends_with("Report")
}

type Object = serde_json::Map<String, Value>;

/// Whether a JSON-LD object is typed as an article.
fn is_article(o: &Object) -> bool {
    match o.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(is_article_type)),
        _ => false,
    }
}

/// Whether a JSON-LD object of another type (a `WebPage`, say) carries an article's fields.
fn has_article_fields(o: &Object) -> bool {
    o.contains_key("headline") || o.contains_key("datePublished")
}

/// The first object in `v` (itself, a list member or an `@graph` member) that passes `test`.
fn find_object(v: &Value, test: fn(&Object) -> bool) -> Option<&Object> {
    match v {
        Value::Array(xs) => xs.iter().find_map(|x| find_object(x, test)),
        Value::Object(o) if test(o) => Some(o),
        Value::Object(o) => o.get("@graph").and_then(|g| find_object(g, test)),
        _ => None,
    }
}

/// The article object of a JSON-LD script, else an object with an article's fields.
fn find_article(v: &Value) -> Option<&Object> {
    find_object(v, is_article).or_else(|| find_object(v, has_article_fields))
}

/// A JSON string (or a URL object's `@id`), trimmed; `None` when empty.
fn str_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("@id").and_then(Value::as_str)?,
        _ => return None,
    };
    let s = crate::text::squash_ws(s.trim());
    (!s.is_empty()).then_some(s)
}

/// The names of a schema.org person or organisation, or a list of them, joined with " and ".
fn names(v: Option<&Value>) -> Option<String> {
    let one = |x: &Value| match x {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => str_of(o.get("name")),
        _ => None,
    };
    let list: Vec<String> = match v? {
        Value::Array(xs) => xs.iter().filter_map(one).collect(),
        x => one(x).into_iter().collect(),
    };
    (!list.is_empty()).then(|| list.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_tags_and_json_ld_fill_each_other() {
        let page = r#"<html><head><title>Bridge closes | Metro</title>
            <meta property="og:title" content="Bridge closes">
            <meta property="og:site_name" content="Metro">
            <meta name="author" content="https://example.com/staff">
            <meta property="article:section" content="transport">
            <meta property="article:tag" content="bridges"><meta property="article:tag" content="repairs">
            <link rel="canonical" href="https://metro.example/bridge">
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Metro"},
              {"@type":"NewsArticle","headline":"Bridge","datePublished":"2026-10-28T07:30:00Z",
               "author":[{"@type":"Person","name":"Sami Koski"},{"name":"Ida Vale"}]}]}</script>
            </head><body><p>Text</p></body></html>"#;
        let m = read(page);
        assert_eq!(m.title.as_deref(), Some("Bridge closes"));
        assert_eq!(m.author.as_deref(), Some("Sami Koski and Ida Vale"));
        assert_eq!(m.published.as_deref(), Some("2026-10-28T07:30:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("Metro"));
        assert_eq!(m.url.as_deref(), Some("https://metro.example/bridge"));
        assert_eq!(m.category.as_deref(), Some("transport"));
        assert_eq!(m.tags, vec!["bridges", "repairs"]);
    }

    #[test]
    fn json_ld_times_come_first_and_a_time_beats_a_date() {
        let page = r#"<head><meta name="dc.date" content="2019-11-19">
            <meta property="article:published_time" content="2019-11-19T11:00:00+00:00"></head>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T06:12:56-05:00"}</script>"#;
        assert_eq!(
            read(page).published.as_deref(),
            Some("2019-11-19T06:12:56-05:00")
        );
        let page = r#"<head><meta name="dc.date" content="2019-11-19">
            <meta name="sailthru.date" content="2019-11-19 07:43"></head>"#;
        assert_eq!(read(page).published.as_deref(), Some("2019-11-19 07:43"));
        let page = r#"<head></head><p>By Ana <time itemprop="datePublished" datetime="2018-10-03T19:41:33+04:00">Oct 3</time></p>"#;
        assert_eq!(
            read(page).published.as_deref(),
            Some("2018-10-03T19:41:33+04:00")
        );
    }

    #[test]
    fn a_trailing_site_name_leaves_the_title() {
        let t = |title: &str, site, url| without_site_suffix(title.to_string(), site, url);
        assert_eq!(
            t("Best gadgets of 2019 | ZDNet", Some("ZDNet"), None),
            "Best gadgets of 2019"
        );
        assert_eq!(
            t(
                "Man pleads guilty | TheHill",
                None,
                Some("https://thehill.com/x")
            ),
            "Man pleads guilty"
        );
        // A section name, or a dash inside the headline, is not the site.
        assert_eq!(
            t(
                "A city on the brink | Editorial",
                Some("The Guardian"),
                None
            ),
            "A city on the brink | Editorial"
        );
        assert_eq!(
            t("Spain - Russia ends 2-1", Some("Sportsnet"), None),
            "Spain - Russia ends 2-1"
        );
    }

    #[test]
    fn broken_json_ld_and_a_missing_head_leave_fields_empty() {
        let m = read(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><p>x</p>"#,
        );
        assert_eq!(m, PageMeta::default());
        let m = read(r#"<title>Only a title</title>"#);
        assert_eq!(m.title.as_deref(), Some("Only a title"));
    }
}
