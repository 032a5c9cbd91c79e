//! Plain-text page scrapes: finds the article inside the page furniture that a text scrape keeps
//! (banners, navigation, widgets, share bars, paywalls, bios, tag lists, source footers) and reads
//! the metadata that the furniture carries (title, outlet, author, time, category, tags).
//!
//! The page is cut into units (lines, and sentences of very long lines), each unit is classified
//! (see [`super::clean`]), the header and footer are cut at their markers, and the article is the
//! run of units with the best prose-minus-junk score (the body-text-extraction idea of Finn et al.).

use super::clean::{Kind, classify, is_canned_question, repair_glue};
use super::linemodel::{self, RuleBounds, Unit};
use super::meta::RawMeta;
use crate::text::{squash_ws, word_count};
use regex::Regex;
use std::sync::LazyLock;

/// A scrape after cleaning.
#[derive(Debug, Default)]
pub struct Scrape {
    pub meta: RawMeta,
    pub paragraphs: Vec<String>,
}

static ISO_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?\b")
        .expect("time pattern compiles")
});
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+([A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3})(?:\s*[,|·•-].*)?$")
        .expect("byline pattern compiles")
});
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:published|posted|updated|date)?\s*:?\s*((?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})(.{0,20})$")
        .expect("date pattern compiles")
});

/// Splits a long line into sentence-like segments at `. ` / `? ` / `! ` before a capital, a digit or
/// a quote mark. Segments are exact substrings of the line.
fn segments(line: &str) -> Vec<&str> {
    if line.len() < 300 {
        return vec![line];
    }
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if matches!(c, b'.' | b'!' | b'?') {
            // Skip closing quote marks right after the punctuation.
            let mut j = i + 1;
            loop {
                if j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                    j += 1;
                } else if line[j..].starts_with('”') || line[j..].starts_with('’') {
                    j += 3;
                } else {
                    break;
                }
            }
            if j < b.len() && b[j] == b' ' {
                let rest = &line[j + 1..];
                let next = rest.chars().next().unwrap_or(' ');
                if next.is_uppercase() || next.is_ascii_digit() || "\"“‘'".contains(next) {
                    out.push(line[start..j].trim());
                    start = j + 1;
                    i = j + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    if start < line.len() {
        out.push(line[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A page cut into units, with where the rules put the article.
pub struct Units {
    pub units: Vec<Unit>,
    pub bounds: RuleBounds,
    pub meta: RawMeta,
}

/// Cuts a page into units (lines, and sentences of long lines), classifies them, reads the
/// metadata the furniture carries and finds the rules' article bounds. `template` holds the
/// normalised lines that repeat across many pages of the same site.
pub fn units_of(text: &str, template: &super::templates::Template) -> Units {
    // Lines, with glued paragraphs split apart again.
    let mut lines: Vec<String> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        if n % 64 == 0 {
            super::budget::check();
        }
        let l = squash_ws(raw);
        if l.is_empty() {
            continue;
        }
        for part in repair_glue(&l).split("\n\n") {
            let p = part.trim();
            if !p.is_empty() {
                lines.push(p.to_string());
            }
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    for (li, l) in lines.iter().enumerate() {
        if li % 64 == 0 {
            super::budget::check();
        }
        let templ = super::templates::is_template(template, l);
        for seg in segments(l) {
            // Template lines are junk, but a template's footer markers ("Written by") still end
            // the article.
            let kind = match classify(seg) {
                Kind::FooterStart => Kind::FooterStart,
                _ if templ => Kind::Junk,
                k => k,
            };
            units.push(Unit {
                line: li,
                text: seg.to_string(),
                kind,
                words: word_count(seg),
                template: templ,
            });
        }
    }
    // Runs of two or more short questions are an AI widget's canned prompts.
    let mut i = 0;
    while i < units.len() {
        let mut j = i;
        while j < units.len() && units[j].kind != Kind::Junk && is_canned_question(&units[j].text) {
            j += 1;
        }
        if j - i >= 2 {
            for u in &mut units[i..j] {
                u.kind = Kind::Junk;
            }
        }
        i = j.max(i + 1);
    }

    let mut meta = RawMeta::default();
    read_metadata(&lines, &units, &mut meta);

    // Header: the article starts after the last header marker and after the last standalone
    // occurrence of the title, when those are in the first part of the page.
    let n = units.len();
    let mut start = 0;
    for (k, u) in units.iter().enumerate() {
        let early = k * 10 < n * 6;
        if early && u.kind == Kind::HeaderEnd {
            start = k + 1;
        }
        if early && u.kind == Kind::Short && meta.title.as_deref() == Some(u.text.as_str()) {
            start = start.max(k + 1);
        }
    }
    // A re-published page: the outlet comes from a credit line, and a different site name in the
    // page header is the site that re-published it.
    if meta.via.is_none() && lines.iter().any(|l| super::meta::credit_of(l).is_some()) {
        let outlet = meta.outlet.as_deref().unwrap_or_default().to_lowercase();
        meta.via = units[..start.min(n)]
            .iter()
            .map(|u| {
                u.text
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .trim()
            })
            .find(|t| {
                is_name_like(t)
                    && t.to_lowercase() != outlet
                    && meta.title.as_deref() != Some(*t)
                    && !t.starts_with("By ")
            })
            .map(str::to_string);
    }
    // Footer: the first footer marker after some prose.
    let mut end = n;
    let mut prose_seen = 0;
    for (k, u) in units.iter().enumerate().skip(start) {
        if u.kind == Kind::Prose {
            prose_seen += u.words;
        }
        if u.kind == Kind::FooterStart && prose_seen >= 20 {
            end = k;
            break;
        }
    }
    // Best-scoring run between them.
    let score = |u: &Unit| -> i64 {
        match u.kind {
            Kind::Prose => u.words as i64,
            Kind::Short => -2,
            Kind::Junk => -(u.words.max(4) as i64),
            Kind::HeaderEnd | Kind::FooterStart => -1000,
        }
    };
    let (mut best, mut best_lo, mut best_hi) = (0i64, start, start);
    let (mut cur, mut lo) = (0i64, start);
    for (k, u) in units.iter().enumerate().take(end).skip(start) {
        if cur <= 0 {
            cur = 0;
            lo = k;
        }
        cur += score(u);
        if cur > best {
            best = cur;
            best_lo = lo;
            best_hi = k + 1;
        }
    }
    Units {
        units,
        bounds: RuleBounds {
            start,
            end,
            run_lo: best_lo,
            run_hi: best_hi,
        },
        meta,
    }
}

/// Which units are article text: the learned model's choice (see [`linemodel`]) among the units
/// the rules do not call furniture, after an AI-summary widget, where a model is shipped; else the rules' best run of prose
/// and short lines.
pub fn kept_units(u: &Units) -> Vec<bool> {
    let b = u.bounds;
    let rules: Vec<bool> = u
        .units
        .iter()
        .enumerate()
        .map(|(k, x)| k >= b.run_lo && k < b.run_hi && matches!(x.kind, Kind::Prose | Kind::Short))
        .collect();
    let Some(p) = linemodel::body_probabilities(&u.units, b) else {
        return rules;
    };
    let t = linemodel::body_threshold();
    // Lines the metadata was read from (the category, the outlet, a tag, the byline, the date
    // line) are not article text.
    let m = &u.meta;
    let is_meta = |x: &Unit| {
        [&m.category, &m.outlet]
            .iter()
            .any(|f| f.as_deref() == Some(x.text.as_str()))
            || m.tags.iter().any(|t| t == &x.text)
            || (x.words <= 8
                && [&m.published, &m.author]
                    .iter()
                    .any(|f| f.as_deref().is_some_and(|v| x.text.contains(v)))
                && x.kind != Kind::Prose)
    };
    // An AI-summary widget's marker ("Summarize this article with", "AI-generated summary") is a
    // hard start: what stands above it is the aggregator's own text. A "Key takeaways" heading,
    // the other header marker, is part of many articles: there the model decides.
    let hard_start = u.units[..b.start.min(u.units.len())]
        .iter()
        .rposition(|x| x.kind == Kind::HeaderEnd && !x.text.to_lowercase().starts_with("key "))
        .map_or(0, |i| i + 1);
    let kept: Vec<bool> = p
        .iter()
        .zip(&u.units)
        .enumerate()
        .map(|(k, (&p, x))| {
            p >= t && k >= hard_start && matches!(x.kind, Kind::Prose | Kind::Short) && !is_meta(x)
        })
        .collect();
    // A page where the model keeps no sentence at all keeps the rules' choice: a page is skipped
    // only when neither finds article text.
    let any_prose = kept
        .iter()
        .zip(&u.units)
        .any(|(&k, x)| k && x.kind == Kind::Prose);
    if any_prose { kept } else { rules }
}

/// Cleans one plain-text scrape. `template` holds the normalised lines that repeat across many
/// pages of the same site; they are furniture wherever they appear.
pub fn clean_scrape(text: &str, template: &super::templates::Template) -> Scrape {
    let u = units_of(text, template);
    super::budget::check();
    let kept = kept_units(&u);
    super::budget::check();
    let mut meta = u.meta;
    // With a title model: its choice when it is sure, else the rules' title when the model ranks
    // that line first too or it stands above an AI-summary marker; otherwise no title. A headline guessed from the lines
    // above the article (menus, section names, sign-in prompts) is worse than none.
    if linemodel::available() {
        let ranked = linemodel::title_ranking(&u.units, u.bounds, &kept);
        let header_marker = u.units[..u.bounds.start.min(u.units.len())]
            .iter()
            .rposition(|x| x.kind == Kind::HeaderEnd);
        meta.title = match ranked.first() {
            Some(&(i, share)) if share >= linemodel::title_threshold() => {
                Some(without_site_suffix(&u.units[i].text))
            }
            _ if ranked
                .iter()
                .take(1)
                .any(|&(i, _)| meta.title.as_deref() == Some(u.units[i].text.as_str()))
                || header_marker.is_some_and(|h| {
                    u.units[..h]
                        .iter()
                        .any(|x| meta.title.as_deref() == Some(x.text.as_str()))
                }) =>
            {
                // The rules' title agrees with the model, or stands above a header marker (the
                // page's own head, before an AI-summary or share block).
                meta.title
            }
            _ => None,
        };
    }
    // A date written beside the headline or byline: the short lines just above the article.
    if meta.published.is_none() {
        let first = kept.iter().position(|&k| k).unwrap_or(u.bounds.run_lo);
        meta.published = u.units[first.saturating_sub(12)..(first + 1).min(u.units.len())]
            .iter()
            .filter(|x| x.words <= 25)
            .find_map(|x| super::meta::find_date(&x.text));
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut last_line = usize::MAX;
    for (x, _) in u.units.iter().zip(&kept).filter(|(_, k)| **k) {
        match paragraphs.last_mut() {
            Some(p) if x.line == last_line => {
                p.push(' ');
                p.push_str(&x.text);
            }
            _ => paragraphs.push(x.text.clone()),
        }
        last_line = x.line;
    }
    Scrape { meta, paragraphs }
}

/// A headline line without a trailing " | Site" part.
fn without_site_suffix(t: &str) -> String {
    if let Some((head, tail)) = t.rsplit_once(" | ")
        && word_count(tail) <= 4
        && word_count(head) >= 3
    {
        return head.trim().to_string();
    }
    t.to_string()
}

/// Reads title, outlet, author, time, category and tags from the page furniture.
fn read_metadata(lines: &[String], units: &[Unit], meta: &mut RawMeta) {
    // Time: the first ISO 8601 timestamp anywhere, else a date line.
    for l in lines {
        if let Some(m) = ISO_TIME.find(l) {
            meta.published = Some(m.as_str().to_string());
            break;
        }
    }
    if meta.published.is_none() {
        meta.published = lines.iter().filter(|l| l.len() < 60).find_map(|l| {
            DATE_LINE
                .captures(l)
                .and_then(|c| c.get(2))
                .map(|m| m.as_str().to_string())
        });
    }
    // Outlet: "Source: X".
    for l in lines.iter().rev() {
        if let Some(c) = super::meta::credit_of(l) {
            meta.outlet = Some(c);
            break;
        }
    }
    // Author: the name after "Written by", or a "By Name" byline.
    for (k, l) in lines.iter().enumerate() {
        if l.get(..10)
            .is_some_and(|p| p.eq_ignore_ascii_case("written by"))
            && classify(l) == Kind::FooterStart
            && let Some(name) = lines
                .get(k + 1)
                .filter(|n| word_count(n) <= 5 && classify(n) == Kind::Short)
        {
            meta.author = Some(name.clone());
            break;
        }
        // "By Name Surname": one capitalised word after "By" is more often a menu's filter
        // ("By Industry", "By Role") than a byline.
        if let Some(c) = BYLINE.captures(l)
            && let Some(name) = c
                .get(1)
                .filter(|m| m.as_str().split_whitespace().count() >= 2)
        {
            meta.author = Some(name.as_str().to_string());
            break;
        }
    }
    // Category: a single lower-case word right after a "Back to ..." line.
    for w in lines.windows(2) {
        if w[0]
            .get(..8)
            .is_some_and(|p| p.eq_ignore_ascii_case("back to "))
            && !w[1].contains(' ')
            && w[1].len() <= 30
            && w[1]
                .chars()
                .all(|c| c.is_lowercase() || c == '-' || c == '&')
        {
            meta.category = Some(w[1].clone());
            break;
        }
    }
    // Tags: the short lines after a "Tags" marker, up to the next marker.
    if let Some(k) = lines.iter().position(|l| {
        let t = l.trim_end_matches(':');
        t.eq_ignore_ascii_case("tags") || t.eq_ignore_ascii_case("topics")
    }) {
        for l in &lines[k + 1..] {
            let kind = classify(l);
            if kind == Kind::FooterStart
                || super::meta::credit_of(l).is_some()
                || word_count(l) > 4
                || kind == Kind::Prose
            {
                break;
            }
            meta.tags.push(l.trim_start_matches('#').to_string());
        }
    }
    // Title: a heading-like line before the first sentence of prose; one that the page repeats
    // wins over the first one.
    let first_prose = units
        .iter()
        .position(|u| u.kind == Kind::Prose && u.words >= 12)
        .unwrap_or(units.len());
    let cands: Vec<&Unit> = units[..first_prose]
        .iter()
        .filter(|u| {
            u.kind == Kind::Short
                && is_title_like(&u.text)
                && meta.outlet.as_deref() != Some(u.text.as_str())
        })
        .collect();
    let repeated = cands
        .iter()
        .find(|u| units.iter().filter(|v| v.text == u.text).count() >= 2);
    meta.title = repeated.or(cands.first()).map(|u| u.text.clone());
    // Outlet, when there is no "Source:" line: a short name line right after the title, when
    // the page names it again elsewhere (in a credit or a copyright line, say). A menu word
    // ("Learn More", "Sections") below a headline is not a publisher: unknown beats a guess.
    if meta.outlet.is_none()
        && let Some(t) = &meta.title
        && let Some(k) = lines.iter().position(|l| l == t)
        && let Some(next) = lines.get(k + 1)
        && is_name_like(next)
        && {
            let name = next.to_lowercase();
            lines
                .iter()
                .enumerate()
                .any(|(j, l)| j != k + 1 && l.to_lowercase().contains(&name))
        }
    {
        meta.outlet = Some(next.clone());
    }
}

/// A title: 3 to 30 words, not ending in a full stop, not all lower case.
fn is_title_like(t: &str) -> bool {
    let n = word_count(t);
    let bracketed = t.starts_with('[') && t.ends_with(']');
    !bracketed
        && (3..=30).contains(&n)
        && !t.ends_with('.')
        && !t.ends_with(':')
        && t.chars().any(char::is_uppercase)
}

/// A publisher-like name: 1 to 4 capitalised words, no sentence punctuation.
fn is_name_like(t: &str) -> bool {
    let ws: Vec<&str> = t.split_whitespace().collect();
    (1..=4).contains(&ws.len())
        && ws.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        && !t.ends_with(['.', '?', '!', ':'])
        && classify(t) == Kind::Short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_keep_exact_text() {
        let long = format!(
            "{}end. Loading audio narration... \"I agree,\" he said. Next one here.",
            "word ".repeat(70)
        );
        let segs = segments(&long);
        assert!(segs.contains(&"Loading audio narration..."));
        assert_eq!(segs.join(" "), squash_ws(&long));
    }

    #[test]
    fn cleans_a_small_scrape() {
        let page = "Back to News\npolitics\n\nCity council approves the new harbour bridge budget\n\nHarbour Daily\nLoading...\n3 min read\n\n\
            The city council voted on Tuesday to approve a budget for the harbour bridge after months of debate among its members.\n\n\
            Funding Questions\n\n\"We finally have a plan that works for everyone in the city,\" the mayor said after the vote.\n\n\
            Read Original\n\nTags\n\nbridges\ncity-council\n\nSource Information\n\nSource: Harbour Daily\n";
        let s = clean_scrape(page, &Default::default());
        assert_eq!(
            s.meta.title.as_deref(),
            Some("City council approves the new harbour bridge budget")
        );
        assert_eq!(s.meta.outlet.as_deref(), Some("Harbour Daily"));
        assert_eq!(s.meta.category.as_deref(), Some("politics"));
        assert_eq!(s.meta.tags, ["bridges", "city-council"]);
        assert_eq!(s.paragraphs.len(), 3, "{:?}", s.paragraphs);
        assert_eq!(s.paragraphs[1], "Funding Questions");
    }
}
