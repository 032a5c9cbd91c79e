//! Article-body extraction: dom_smoothie (Readability's algorithm) selects the main content, then
//! general precision rules (link density, boilerplate vocabulary, captions, bylines/dates at the
//! edges, repeated and short non-sentence edge lines) prune the paragraphs.

use dom_query::{Document, NodeRef};
use regex::Regex;

use super::pagemeta::PageMeta;
use crate::text::{find_ci, starts_with_ci};
use std::sync::LazyLock;

/// Extracted article: metadata plus the body as a list of paragraphs.
#[derive(Debug, Clone, Default)]
pub struct HtmlArticle {
    pub meta: PageMeta,
    pub paragraphs: Vec<String>,
}

/// One block of text from the extracted content, with the features the rules use.
#[derive(Debug, Clone, Default)]
struct Block {
    text: String,
    link_chars: usize,
    caption: bool,
    heading: bool,
    list_item: bool,
}

impl Block {
    fn chars(&self) -> usize {
        self.text.chars().filter(|c| !c.is_whitespace()).count()
    }
    fn link_density(&self) -> f64 {
        let n = self.chars();
        if n == 0 {
            0.0
        } else {
            self.link_chars as f64 / n as f64
        }
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "form",
    "hr",
    "address",
    "details",
    "summary",
];
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "select",
];

struct Builder {
    blocks: Vec<Block>,
    cur: Block,
}

impl Builder {
    fn flush(&mut self) {
        let text = normalize_ws(&self.cur.text);
        if !text.is_empty() {
            let mut b = std::mem::take(&mut self.cur);
            b.text = text;
            self.blocks.push(b);
        } else {
            self.cur = Block::default();
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    link: bool,
    caption: bool,
    heading: bool,
    list_item: bool,
}

fn walk(node: &NodeRef, ctx: Ctx, b: &mut Builder) {
    for child in node.children_it(false) {
        if child.is_text() {
            let t = child.text();
            if ctx.link {
                b.cur.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
            }
            if !t.trim().is_empty() {
                b.cur.caption |= ctx.caption;
                b.cur.heading |= ctx.heading;
                b.cur.list_item |= ctx.list_item;
            }
            b.cur.text.push_str(&t);
        } else if child.is_element() {
            let name = child
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIP_TAGS.contains(&name.as_str()) {
                continue;
            }
            if name == "br" {
                b.flush();
                continue;
            }
            let mut c = ctx;
            match name.as_str() {
                "a" => c.link = true,
                "figcaption" | "figure" => c.caption = true,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => c.heading = true,
                "li" | "dt" | "dd" => c.list_item = true,
                _ => {}
            }
            let block = BLOCK_TAGS.contains(&name.as_str());
            if block {
                b.flush();
            } else if !b.cur.text.ends_with(char::is_whitespace) && inline_needs_space(&name) {
                b.cur.text.push(' ');
            }
            walk(&child, c, b);
            if block {
                b.flush();
            }
        }
    }
}

fn inline_needs_space(name: &str) -> bool {
    matches!(name, "img" | "input" | "td" | "th")
}

fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn blocks_from_html(html: &str) -> Vec<Block> {
    let doc = Document::from(html);
    let mut b = Builder {
        blocks: Vec::new(),
        cur: Block::default(),
    };
    walk(&doc.root(), Ctx::default(), &mut b);
    b.flush();
    b.blocks
}

/// Word count that also works for scripts written without spaces (CJK): such characters
/// count as half a word each.
fn word_count(s: &str) -> usize {
    let ws = s.split_whitespace().count();
    let cjk = crate::text::cjk_chars(s);
    ws.max(cjk / 2)
}

/// Ends like a sentence (terminal punctuation, possibly followed by a closing quote/bracket).
fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』')
    });
    t.ends_with(['.', '!', '?', '…', '。', '！', '？', ';'])
}

fn is_sentence_like(s: &str) -> bool {
    let w = word_count(s);
    w >= 12 || (w >= 4 && ends_like_sentence(s))
}

// The pruning patterns below use ASCII word boundaries, `(?-u:\b)`: their vocabulary is ASCII,
// and with Unicode boundaries the regex engine leaves its fast automaton for its slowest matcher
// on any text with a non-ASCII character (a tenth of HTML extraction time went there). On the 91
// evaluation pages the output is the same either way.
static BOILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)subscri(be|bing|ption)(?-u:\b) | (?-u:\b)newsletters?(?-u:\b) | (?-u:\b)sign[\s-]?up\s+(for\s+(our|the|my)\s+\w*\s*newsletter|to\s+receive|now)(?-u:\b) | (?-u:\b)follow\s+(us|him|her|them|me)(?-u:\b)
        | (?-u:\b)cookies?(?-u:\b) | ^\s*advert(isement|isements)?\s*$ | (?-u:\b)sponsored(?-u:\b) | ^\s*related(?-u:\b) | (?-u:\b)read\s+more(?-u:\b)
        | all\s+rights\s+reserved | (?-u:\b)copyright(?-u:\b) | ^\s*©
        | (?-u:\b)click\s+here(?-u:\b) | (?-u:\b)you\s+may\s+also(?-u:\b) | (?-u:\b)you\s+might\s+also(?-u:\b) | (?-u:\b)also\s+read(?-u:\b) | (?-u:\b)see\s+more(?-u:\b) | (?-u:\b)don'?t\s+miss(?-u:\b)
        | (?-u:\b)leave\s+a\s+(reply|comment)(?-u:\b) | (?-u:\b)logged\s+in\s+to\s+post(?-u:\b) | (?-u:\b)comments?\s*$ | ^\s*comments?(?-u:\b)
        | ^\s*share(?-u:\b) | (?-u:\b)share\s+(this|on)(?-u:\b) | ^\s*tags?(?-u:\b) | ^\s*(tagged|filed)\s+(in|under|as)(?-u:\b) | ^\s*topics?\s*:
        | ^\s*(more|source|credit|credits|image|photo|photos|video|watch|listen|explore\s+further|provided\s+by|citation|more\s+information|disclaimer)\s*:?\s*$
        | ^\s*(first\s+)?published\s+(on|at)(?-u:\b) | ^\s*(last\s+)?updated\s*(on|at|:)? | (?-u:\b)get\s+the\s+.{0,40}(?-u:\b)app(?-u:\b)
        | (?-u:\b)this\s+slideshow\s+requires | (?-u:\b)javascript(?-u:\b) | (?-u:\b)subject\s+to\s+copyright(?-u:\b)
        | (?-u:\b)join\s+(us|our|the\s+conversation)(?-u:\b) | (?-u:\b)download\s+(our|the)\s+app(?-u:\b) | (?-u:\b)learn\s+more\s*$ | ^\s*back\s+to(?-u:\b)
        | (?-u:\b)tell\s+us\s+what(?-u:\b) | (?-u:\b)have\s+a\s+tip(?-u:\b) | (?-u:\b)delivered\s+to\s+your\s+inbox(?-u:\b) | (?-u:\b)in\s+your\s+inbox(?-u:\b)
        | (?-u:\b)more\s+in(?-u:\b) | (?-u:\b)see\s+full\s+gallery(?-u:\b) | (?-u:\b)(most\s+)?(popular|trending|recommended)\s*(stories|posts|articles|now)?\s*$
        | (?-u:\b)may\s+get\s+a\s+share(?-u:\b) | (?-u:\b)not\s+be\s+(published|approved)(?-u:\b)
        | ^\s*(caption|close|open|next|previous|prev|expand|collapse|enlarge|fullscreen|full\s+screen)\s*$
        | ^\s*(image|photo|picture|slide)\s+\d+\s*(of|/)\s*/?\s*\d*\s*$
        ",
    )
    .expect("static regex is valid")
});

static RELATED_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(related(\s+(articles?|stories|posts|content|links|coverage|news|reading))?|you\s+(may|might)\s+also\s+(like|be\s+interested\s+in|enjoy)|more\s*(:|from|in|on|stories|news)|see\s+also|also\s+read|read\s+(more|next|also)|don'?t\s+miss|explore\s+further|recommended(\s+for\s+you)?|(most\s+)?(popular|trending|read)(\s+(stories|now|posts|articles))?|sponsored(\s+links|\s+content)?|latest(\s+(news|stories|posts))?|about\s+the\s+author|more\s+stories|what\s+to\s+read\s+next|関連記事|関連)(?-u:\b)[^.]{0,40}$",
    )
    .expect("static regex is valid")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(photo|image|picture|credit|foto|bild)s?\s*(:|by(?-u:\b)|credit)|getty\s+images|(?-u:\b)shutterstock(?-u:\b)|(?-u:\b)(ap|afp|reuters|epa)\s+photo(?-u:\b)|^\s*©|\(\s*(photo|image)(?-u:\b)|(?-u:\b)photos?\s*©|(?-u:\b)image\s+(source|credit)(?-u:\b)|(?-u:\b)via\s+getty(?-u:\b)",
    )
    .expect("static regex is valid")
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(by|von|par|por|di|door|written\s+by|posted\s+by|author|reporting\s+by|words\s+by)(?-u:\b)\s*:?|(?-u:\b)\d+\s*(min|minute|mins|minutes)\s+(read|lesen|lecture)(?-u:\b)",
    )
    .expect("static regex is valid")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        (?-u:\b)\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?-u:\b)
        | (?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?-u:\b)
        | (?-u:\b)\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?-u:\b)
        | (?-u:\b)\d{1,2}:\d{2}\s*(am|pm)?(?-u:\b) | (?-u:\b)(19|20)\d{2}(?-u:\b) | \d{4}年 | \d{1,2}月\d{1,2}日
        | (?-u:\b)(mon|tues|wednes|thurs|fri|satur|sun)day(?-u:\b) | (?-u:\b)(segunda|terça|quarta|quinta|sexta)-feira(?-u:\b)
        | (?-u:\b)(january|february|march|april|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|maret|agustus|desember)(?-u:\b)
        ",
    )
    .expect("static regex is valid")
});

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(updated|published|posted|modified|last|first|date|uhr|pukul|ist|est|edt|gmt|utc)$",
    )
    .expect("static regex is valid")
});

/// A line made mostly of a date/time (possibly with a short label such as "Updated:").
fn is_dateline(s: &str) -> bool {
    // The length test first: it is cheaper than the date pattern.
    if word_count(s) > 12 || !DATE.is_match(s) {
        return false;
    }
    let stripped = DATE.replace_all(s, " ");
    let rest: usize = stripped
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| t.chars().count() > 2 && !DATE_LABEL.is_match(t))
        .count();
    rest <= 1 && !ends_like_sentence(s)
}

/// Boilerplate vocabulary: short blocks anywhere, longer ones only in the tail third.
fn is_boiler(s: &str, tail: bool) -> bool {
    let w = word_count(s);
    (w <= 20 || (tail && w <= 35)) && BOILER.is_match(s)
}

fn is_caption(b: &Block) -> bool {
    (b.caption && word_count(&b.text) <= 60)
        || (word_count(&b.text) <= 40 && CAPTION.is_match(&b.text))
}

fn is_link_heavy(b: &Block) -> bool {
    let d = b.link_density();
    let w = word_count(&b.text);
    (d >= 0.5 && w <= 25) || d >= 0.75
}

fn is_edge_junk(b: &Block, title: &str) -> bool {
    let s = &b.text;
    let w = word_count(s);
    is_boiler(s, true)
        || is_caption(b)
        || is_link_heavy(b)
        || (w <= 12 && BYLINE.is_match(s))
        || is_dateline(s)
        || (!title.is_empty() && crate::text::alnum_key(s) == title)
        || !is_sentence_like(s)
}

/// Classifies every block: `None` keeps it, `Some(rule)` names the rule that drops it.
fn classify_blocks(blocks: Vec<Block>, title: Option<&str>) -> Vec<(String, Option<&'static str>)> {
    let title_key = title.map(crate::text::alnum_key).unwrap_or_default();
    let mut prev_key: Option<String> = None;
    let mut out: Vec<(Block, Option<&'static str>)> = Vec::with_capacity(blocks.len());
    let mut in_related = false;
    // 1. Per-block rules anywhere in the body.
    let n = blocks.len();
    // A link-heavy block is dropped when it is part of a run of such blocks (link lists)
    // or is almost entirely link text; isolated, partly linked lines stay.
    let heavy: Vec<bool> = blocks.iter().map(is_link_heavy).collect();
    for (i, b) in blocks.into_iter().enumerate() {
        if i % 64 == 0 {
            super::budget::check();
        }
        let s = b.text.as_str();
        let tail = i * 3 >= n * 2;
        let in_run = (i > 0 && heavy[i - 1]) || heavy.get(i + 1).copied().unwrap_or(false);
        let w = word_count(s);
        let mut reason = None;
        if w <= 8 && RELATED_HEADER.is_match(s) {
            in_related = true;
            reason = Some("related-header");
        } else if in_related && (!is_sentence_like(s) || is_link_heavy(&b) || w <= 15) {
            reason = Some("related-list");
        } else {
            in_related = false;
            if heavy[i] && (in_run || b.link_density() >= 0.9 || tail) {
                reason = Some("link-density");
            } else if is_boiler(s, tail) {
                reason = Some("boilerplate");
            } else if is_caption(&b) {
                reason = Some("caption");
            } else if w <= 12 && BYLINE.is_match(s) && !ends_like_sentence(s) {
                reason = Some("byline");
            } else if is_dateline(s) {
                reason = Some("dateline");
            } else {
                let key = crate::text::alnum_key(s);
                if key.is_empty() {
                    reason = Some("empty");
                } else if key == title_key {
                    reason = Some("title");
                } else if prev_key.as_deref() == Some(key.as_str()) {
                    // The same block rendered twice in a row (e.g. desktop + mobile copy).
                    reason = Some("repeated");
                } else {
                    prev_key = Some(key);
                }
            }
        }
        out.push((b, reason));
    }
    // 2. Edge trimming: short, non-sentence or byline/date/boilerplate lines at either end.
    let kept: Vec<usize> = (0..out.len()).filter(|&i| out[i].1.is_none()).collect();
    let mut lo = 0;
    while lo < kept.len() && is_edge_junk(&out[kept[lo]].0, &title_key) {
        lo += 1;
    }
    let mut hi = kept.len();
    while hi > lo && is_edge_junk(&out[kept[hi - 1]].0, &title_key) {
        hi -= 1;
    }
    // When nothing sentence-like survives, keep the per-block result instead.
    if lo < hi {
        for &i in kept[..lo].iter().chain(&kept[hi..]) {
            out[i].1 = Some("edge");
        }
    }
    out.into_iter().map(|(b, r)| (b.text, r)).collect()
}

/// The page without what no extractor reads: comments, non-JSON-LD `<script>`s (their raw text
/// ends at the first matching end tag, as HTML's tokenizer defines it; JSON-LD stays for
/// metadata) and the [`CUT_ELEMENTS`]. Real pages are often more script than text, so the parser
/// and the extractor's selectors get a much smaller tree. Returns the input unchanged when nothing
/// is cut.
fn without_scripts(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut kept = 0; // bytes of `html` before this are in `out` or cut
    let mut i = 0;
    // Kinds (comment, each cut element, script) whose end was once searched for and not found:
    // it is not found from any later place either, and searching again from every opening of a
    // page with thousands of unclosed ones would take time in the square of its size.
    let mut endless = [false; CUT_ELEMENTS.len() + 2];
    let end_of = |kind: usize, from: usize, end: &[u8], endless: &mut [bool]| {
        if endless[kind] {
            return None;
        }
        let found = find_ci(bytes, from, end).and_then(|e| html[e..].find('>').map(|g| e + g + 1));
        endless[kind] = found.is_none();
        found
    };
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let at = i + off;
        let cut_to = if starts_with_ci(bytes, at, b"<!--") {
            end_of(0, at + 4, b"-->", &mut endless)
        } else if let Some((k, name)) = CUT_ELEMENTS.iter().enumerate().find(|(_, n)| {
            starts_with_ci(bytes, at + 1, n.as_bytes()) && is_tag_end(bytes.get(at + 1 + n.len()))
        }) {
            let close = format!("</{name}");
            end_of(k + 1, at + 1 + name.len(), close.as_bytes(), &mut endless)
        } else if starts_with_ci(bytes, at, b"<script") && is_tag_end(bytes.get(at + 7)) {
            let Some(tag_end) = memchr::memchr(b'>', &bytes[at..]).map(|g| at + g) else {
                break; // no tag ends after this one
            };
            let json_ld = find_ci(&bytes[..tag_end], at, b"ld+json").is_some();
            if json_ld {
                None
            } else {
                end_of(CUT_ELEMENTS.len() + 1, at + 7, b"</script", &mut endless)
            }
        } else {
            None
        };
        match cut_to {
            Some(end) => {
                out.push_str(&html[kept..at]);
                kept = end;
                i = end;
            }
            None => i = at + 1,
        }
        if i >= bytes.len() {
            break;
        }
    }
    if kept == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[kept.min(html.len())..]);
    std::borrow::Cow::Owned(out)
}

/// Deepest element nesting passed to the parser. Real pages nest a few dozen levels (rarely a
/// couple of hundred); a broken or hostile page can nest thousands (20,000 `<div>`s in 240 KB),
/// and Readability's scoring walks each element's ancestors and descendants, so its time grows
/// with the square of the depth (59 s for that page). Deeper elements lose their tags, not their
/// text.
pub const MAX_DEPTH: usize = 256;

/// Elements that never hold others (void elements) or that a parser closes by itself when the
/// next of their kind starts (`<p>`, `<li>`, table cells): they add no nesting.
const FLAT_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt",
    "rp", "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// The page with element nesting capped at `max` levels: past it, opening and closing tags are
/// dropped and their text stays where it was. One pass over the tags; the page comes back
/// borrowed when it nests no deeper than `max`.
pub fn cap_nesting(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut kept = 0; // bytes of `html` before this are in `out` or dropped
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        let at = i + off;
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_at = at + 1 + usize::from(closing);
        let name_len = bytes[name_at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'!'))
            .count();
        let Some(gt) = memchr::memchr(b'>', &bytes[at..]).map(|g| at + g) else {
            break;
        };
        i = gt + 1;
        if name_len == 0 || bytes[name_at] == b'!' {
            continue; // "a < b", a comment, a doctype or a processing instruction
        }
        let name = &html[name_at..name_at + name_len];
        if bytes[gt - 1] == b'/' || FLAT_ELEMENTS.iter().any(|f| f.eq_ignore_ascii_case(name)) {
            continue;
        }
        // A table is four levels of the parsed tree (table, tbody, tr, td), its rows and cells
        // being flat here.
        let levels = if name.eq_ignore_ascii_case("table") {
            4
        } else {
            1
        };
        let drop = if closing {
            let deep = depth > max;
            depth = depth.saturating_sub(levels);
            deep
        } else {
            depth += levels;
            depth > max
        };
        if drop {
            out.push_str(&html[kept..at]);
            kept = gt + 1;
        }
        if i >= bytes.len() {
            break;
        }
    }
    if kept == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[kept.min(html.len())..]);
    std::borrow::Cow::Owned(out)
}

/// Elements cut whole before extraction, besides scripts: style sheets, inline SVG drawings
/// (icons, logos), drop-down lists, frames, navigation menus and sidebars: none of them holds
/// article text, and cutting them first spares the parser and the extractor's scoring (menus are
/// a fifth of the evaluation pages' markup once scripts are gone). Metadata is read from the
/// head, JSON-LD and microdata, which stay.
const CUT_ELEMENTS: &[&str] = &["style", "svg", "select", "iframe", "nav", "aside"];

fn memchr_lt(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', b)
}

/// Whether the byte after a tag name ends the name (`<script>` or `<script src=..`, not `<scripts`).
fn is_tag_end(b: Option<&u8>) -> bool {
    matches!(b, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/'))
}

/// The main content of a page (see [`without_scripts`] for what is cut first) as Readability
/// finds it: the HTML of the article's container and the page's title.
fn main_content(html: &str) -> Option<dom_smoothie::Article> {
    let mut r = dom_smoothie::Readability::new(html, None, None).ok()?;
    r.parse().ok()
}

/// The name in a byline Readability found on the page ("By Ana Ruiz - 2019-04-10" -> "Ana Ruiz"):
/// without "By" and without the date after it; `None` unless a short name remains (a form label
/// such as "Name (required)" is not a byline).
fn byline_name(byline: &str) -> Option<String> {
    let s = BYLINE_BY.replace(byline.trim(), "");
    let s = match DATE.find(&s) {
        Some(m) => &s[..m.start()],
        None => &s[..],
    };
    let s = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '|' | ',' | '·' | '–'));
    let words = s.split_whitespace().count();
    let ok = (1..=6).contains(&words)
        && s.chars().any(char::is_uppercase)
        && !s.contains(['(', ')', ':', '@'])
        && !s.chars().any(|c| c.is_ascii_digit());
    ok.then(|| s.to_string())
}

static BYLINE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(by|written\s+by|posted\s+by)\s+").expect("static regex is valid")
});

/// Extracts the article body and metadata from an HTML page: metadata from the page's own
/// statements ([`super::pagemeta`]), then from what Readability found (its title, byline, date
/// and site name); the body from Readability's main content, pruned by [`classify_blocks`].
pub fn extract(html: &str) -> HtmlArticle {
    let raw = html;
    let html = without_scripts(html);
    super::budget::check();
    let html = cap_nesting(&html, MAX_DEPTH);
    super::budget::check();
    let mut meta = super::pagemeta::read(&html);
    super::budget::check();
    let Some(a) = main_content(&html) else {
        return HtmlArticle {
            meta,
            paragraphs: Vec::new(),
        };
    };
    if meta.title.is_none() {
        meta.title = Some(a.title.to_string()).filter(|t| !t.trim().is_empty());
    }
    if meta.author.is_none() {
        meta.author = a.byline.as_deref().and_then(byline_name);
    }
    // Dates the head does not state: Readability's, an application's JSON state (cut with the
    // scripts), then the date in the page's address.
    meta.published = meta
        .published
        .or(a.published_time)
        .or_else(|| super::pagemeta::script_published(raw))
        .or_else(|| super::pagemeta::date_near_headline(&html))
        .or_else(|| meta.url.as_deref().and_then(super::pagemeta::url_date));
    meta.site_name = meta.site_name.or(a.site_name);
    super::budget::check();
    let paragraphs = classify_blocks(blocks_from_html(&a.content), meta.title.as_deref())
        .into_iter()
        .filter_map(|(t, reason)| reason.is_none().then_some(t))
        .collect();
    HtmlArticle { meta, paragraphs }
}

#[cfg(test)]
mod tests {
    use super::{byline_name, cap_nesting, without_scripts};

    /// Deepest nesting of non-void elements in a page (a test helper: tags counted as written).
    fn depth_of(html: &str) -> usize {
        let (mut depth, mut max) = (0usize, 0usize);
        for tag in html.split('<').skip(1) {
            if let Some(rest) = tag.strip_prefix('/') {
                if rest.starts_with("div") || rest.starts_with("span") {
                    depth = depth.saturating_sub(1);
                }
            } else if tag.starts_with("div") || tag.starts_with("span") {
                depth += 1;
                max = max.max(depth);
            }
        }
        max
    }

    #[test]
    fn nesting_is_capped_and_the_text_stays() {
        let deep = format!(
            "<body>{}<p>deep text</p>{}<p>after</p></body>",
            "<div><span>".repeat(5_000),
            "</span></div>".repeat(5_000)
        );
        let out = cap_nesting(&deep, 100);
        assert_eq!(depth_of(&out), 99, "100 levels with the <body>");
        assert!(out.contains("<p>deep text</p>") && out.ends_with("<p>after</p></body>"));
        // Unclosed elements are capped too.
        let unclosed = format!("{}text", "<div class=x>".repeat(1_000));
        assert_eq!(depth_of(&cap_nesting(&unclosed, 50)), 50);
        // Paragraphs, list items, cells and void elements add no nesting; a shallow page comes
        // back as it was.
        let flat = format!("<div>{}</div>", "<p>a<br><li>b<td>c<img src=x>".repeat(500));
        assert!(matches!(
            cap_nesting(&flat, 3),
            std::borrow::Cow::Borrowed(_)
        ));
        // A table is four levels of the parsed tree.
        let tables = "<table><tr><td>".repeat(10);
        assert_eq!(cap_nesting(&tables, 8).matches("<table>").count(), 2);
    }

    #[test]
    fn unclosed_cut_elements_and_comments_are_left_in_one_pass() {
        // Thousands of openings with no end: each is left as it is (the parser copes), and the
        // search for their end runs once, not once per opening.
        for open in ["<svg>", "<!--", "<script>", "<nav>"] {
            let page = format!("<p>kept</p>{}", format!("{open}x").repeat(20_000));
            let out = without_scripts(&page);
            assert!(out.starts_with("<p>kept</p>"), "{open}");
            assert_eq!(out.matches(open).count(), 20_000, "{open}");
        }
    }

    #[test]
    fn bylines_lose_by_and_dates_and_form_labels_are_not_names() {
        assert_eq!(
            byline_name("By Ana Ruiz - 2019-04-10").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            byline_name("Associated Press November 19, 2019, 9:02 AM").as_deref(),
            Some("Associated Press")
        );
        assert_eq!(byline_name("by jdadmin"), None);
        assert_eq!(byline_name("Nama (wajib)"), None);
    }

    #[test]
    fn scripts_styles_menus_and_comments_are_cut_but_json_ld_stays() {
        let page = "<html><head><STYLE>p{}</style><script src=a.js></script>\
            <script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head>\
            <body><!-- ad slot --><p>Text <scripted>one</scripted></p>\
            <svg viewBox=\"0 0 9 9\"><path d=\"M0 0\"/></SVG><select><option>A</option></select>\
            <svgs>kept</svgs><iframe src=x>fallback</iframe>\
            <nav class=menu><a href=/>Home</a></nav><aside>Most read</aside><navbar>kept</navbar>\
            <script>if (a < b) { x = \"</p>\"; }</SCRIPT ><p>two</p></body></html>";
        let out = without_scripts(page);
        assert_eq!(
            out,
            "<html><head><script type=\"application/ld+json\">{\"headline\":\"H\"}</script></head>\
             <body><p>Text <scripted>one</scripted></p><svgs>kept</svgs><navbar>kept</navbar><p>two</p></body></html>"
        );
        // Nothing to cut: the page comes back as it was, unterminated comment included.
        let plain = "<p>a < b</p><!-- open";
        assert!(matches!(
            without_scripts(plain),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
