//! Article metadata as found in a source (raw strings), and its normalisation: times to UTC,
//! tags to a clean list, outlets from names or web addresses.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use regex::Regex;

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:source|originally published (?:by|in|at)|via)\s*:\s*|(?:this (?:article|story|report) was )?(?:first |originally )?published (?:by|in)\s+)(.{2,60}?)\.?$",
    )
    .expect("credit pattern compiles")
});

/// The original publisher named by a credit line: "Source: X", "Originally published by X",
/// "This article was first published by X."
pub fn credit_of(line: &str) -> Option<String> {
    let c = CREDIT.captures(line.trim())?;
    let name = c.get(1)?.as_str().trim();
    (crate::text::word_count(name) <= 6 && !name.is_empty()).then(|| name.to_string())
}

/// Metadata as a format parser found it, before normalisation.
#[derive(Clone, Debug, Default)]
pub struct RawMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub via: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub url: Option<String>,
    /// What the page says or shows it is, when that is not an article.
    pub page_type: Option<crate::model::PageType>,
}

impl RawMeta {
    /// Fills the fields that `self` lacks from `other`.
    pub fn fill_from(&mut self, other: RawMeta) {
        fn fill(a: &mut Option<String>, b: Option<String>) {
            if a.as_deref().is_none_or(|s| s.trim().is_empty()) {
                *a = b;
            }
        }
        fill(&mut self.title, other.title);
        fill(&mut self.author, other.author);
        fill(&mut self.published, other.published);
        fill(&mut self.outlet, other.outlet);
        fill(&mut self.via, other.via);
        fill(&mut self.category, other.category);
        fill(&mut self.url, other.url);
        if self.tags.is_empty() {
            self.tags = other.tags;
        }
        self.page_type = self.page_type.or(other.page_type);
    }
}

/// Parses a publication time in any of the usual forms (ISO 8601, RFC 2822, "14 October 2026",
/// "Oct 14, 2026 9:12 AM", Unix seconds). Times without a zone are taken as UTC.
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim().trim_end_matches(['.', ',']);
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t.with_timezone(&Utc));
    }
    // ISO 8601 with the zone written without a colon ("2019-11-20T06:35:39+0000"), or with no
    // zone and a fraction of a second ("2019-11-18T17:01:27.893").
    for f in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
    ] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(Utc.from_utc_datetime(&t));
    }
    if let Ok(t) = dateparser::parse_with(s, &Utc, chrono::NaiveTime::MIN) {
        return Some(t);
    }
    // An ISO date with a time in a form none of the above reads ("2025-12-15T15:33Z"): the date.
    if let Some(d) = s
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return d.and_hms_opt(0, 0, 0).map(|t| Utc.from_utc_datetime(&t));
    }
    // Day-first forms dateparser does not know: "14 October 2026", "Tuesday, 14 Oct 2026".
    let cleaned: String = s
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .filter(|w| !is_weekday(w))
        .collect::<Vec<_>>()
        .join(" ");
    for f in [
        "%d %B %Y",
        "%d %b %Y",
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y %H:%M",
        "%d %b %Y %H:%M",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, f) {
            return d.and_hms_opt(0, 0, 0).map(|t| Utc.from_utc_datetime(&t));
        }
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(&cleaned, f) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    None
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(name: &str) -> Option<u32> {
    let n = name.get(..3)?.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == n).map(|i| i as u32 + 1)
}

/// The first calendar date written in a piece of text, as `YYYY-MM-DD`: "July 9, 2025",
/// "Dec. 20, 2025", "20 December 2025", "23.07.2025", "2025-07-23", "18 Dec 2025". Numeric dates
/// with slashes are read only when the day cannot be the month (`25/12/2025`, `12/25/2025`).
pub fn find_date(text: &str) -> Option<String> {
    dates_in(text)
        .next()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Every calendar date written in a piece of text, in order, in the forms [`find_date`] reads.
pub fn dates_in(text: &str) -> impl Iterator<Item = NaiveDate> + '_ {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)
            (?-u:\b)(?P<m1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d{2})(?-u:\b)
            | (?-u:\b)(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(?P<y2>(?:19|20)\d{2})(?-u:\b)
            | (?-u:\b)(?P<y3>(?:19|20)\d{2})-(?P<mo3>\d{2})-(?P<d3>\d{2})(?-u:\b)
            | (?-u:\b)(?P<d4>\d{1,2})\.(?P<mo4>\d{1,2})\.(?P<y4>(?:19|20)\d{2})(?-u:\b)
            | (?-u:\b)(?P<a5>\d{1,2})/(?P<b5>\d{1,2})/(?P<y5>(?:19|20)\d{2})(?-u:\b)
            ",
        )
        .expect("date pattern compiles")
    });
    DATE.captures_iter(text).filter_map(|c| {
        let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
        let ymd = if let (Some(m), Some(d), Some(y)) = (c.name("m1"), num("d1"), num("y1")) {
            month_of(m.as_str()).map(|m| (y, m, d))
        } else if let (Some(d), Some(m), Some(y)) = (num("d2"), c.name("m2"), num("y2")) {
            month_of(m.as_str()).map(|m| (y, m, d))
        } else if let (Some(y), Some(m), Some(d)) = (num("y3"), num("mo3"), num("d3")) {
            Some((y, m, d))
        } else if let (Some(d), Some(m), Some(y)) = (num("d4"), num("mo4"), num("y4")) {
            Some((y, m, d))
        } else if let (Some(a), Some(b), Some(y)) = (num("a5"), num("b5"), num("y5")) {
            match (a > 12, b > 12) {
                (true, false) => Some((y, b, a)),
                (false, true) => Some((y, a, b)),
                _ => None,
            }
        } else {
            None
        };
        ymd.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y as i32, m, d))
    })
}

fn is_weekday(w: &str) -> bool {
    let w = w.to_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| w.starts_with(d))
        && w.len() <= 9
        && !w.chars().any(|c| c.is_ascii_digit())
}

/// Splits a tag field ("a, b; c" or a list) into clean tags, keeping their order, without repeats.
pub fn clean_tags<I: IntoIterator<Item = String>>(tags: I) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        for part in t.split([',', ';', '|']) {
            let p = crate::text::squash_ws(part.trim().trim_start_matches('#'));
            if !p.is_empty()
                && p.chars().count() <= 60
                && !out.iter().any(|o| o.eq_ignore_ascii_case(&p))
            {
                out.push(p);
            }
        }
    }
    // A tag list scraped as one string ("environment velan") next to its own parts is not a tag.
    let parts: Vec<String> = out.clone();
    out.retain(|t| {
        let words: Vec<&str> = t.split(' ').collect();
        !(words.len() > 1
            && words
                .iter()
                .all(|w| parts.iter().any(|p| p.eq_ignore_ascii_case(w))))
    });
    out
}

/// The host of a web address without "www." ("https://www.example.com/x" -> "example.com").
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// Normalises a name-ish field: squashed whitespace, no surrounding punctuation, `None` if empty
/// or longer than a name can be.
pub fn clean_name(s: Option<String>) -> Option<String> {
    clean_title(s).filter(|s| s.chars().count() <= 200)
}

/// Normalises a title: squashed whitespace, no surrounding separators, `None` if empty. A long
/// title (a whole sentence as a feed's headline) is kept whole.
pub fn clean_title(s: Option<String>) -> Option<String> {
    let s = crate::text::squash_ws(
        s?.trim_matches(|c: char| c == '|' || c == '-' || c == ',' || c.is_whitespace()),
    );
    (!s.is_empty()).then_some(s)
}

/// Words of page furniture that a byline field or line never is ("Sign In", "Updated on",
/// "Name *", "Share", "Five Books").
const UI_WORDS: &[&str] = &[
    "sign",
    "log",
    "login",
    "logout",
    "register",
    "subscribe",
    "subscriber",
    "updated",
    "update",
    "published",
    "posted",
    "menu",
    "name",
    "email",
    "e-mail",
    "comment",
    "comments",
    "share",
    "follow",
    "read",
    "more",
    "home",
    "search",
    "books",
    "video",
    "videos",
    "photo",
    "photos",
    "advertisement",
    "sponsored",
    "loading",
    "newsletter",
    "contact",
    "about",
    "privacy",
    "terms",
    "cookie",
    "cookies",
    "account",
    "profile",
    "password",
    "required",
    "anonymous",
    "unknown",
    "admin",
    "administrator",
    "user",
    "guest",
    "webmaster",
    "team",
    "view",
    "all",
    "posts",
    "articles",
    "click",
    "here",
    "tweet",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "print",
];

/// Job words: a byline made only of these (and small words) names a post, not a person
/// ("Senior Autos Reporter", "Staff Writer", "Contributor").
const JOB_WORDS: &[&str] = &[
    "senior",
    "junior",
    "chief",
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "editor",
    "editors",
    "editorial",
    "contributor",
    "contributing",
    "correspondent",
    "columnist",
    "analyst",
    "producer",
    "journalist",
    "author",
    "board",
    "desk",
    "news",
    "associate",
    "assistant",
    "managing",
    "deputy",
    "executive",
    "political",
    "business",
    "sports",
    "science",
    "tech",
    "technology",
    "health",
    "autos",
    "culture",
    "features",
    "opinion",
    "guest",
    "special",
    "national",
    "international",
    "local",
    "digital",
    "web",
    "online",
    "freelance",
    "intern",
    "photographer",
    "video",
    "data",
    "investigative",
    "the",
    "of",
    "and",
    "for",
    "at",
    "a",
    "an",
    "by",
    "in",
    "on",
    "&",
];

/// A byline as a name: without "By" and a date or job title after it; `None` unless what is left
/// can be a person's or an organisation's name (never UI text such as "Sign In" or "Updated on",
/// a form label, an address, or a job title alone).
pub fn author_name(s: &str) -> Option<String> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:by|written\s+by|posted\s+by|words\s+by|author)\s*:?\s+")
            .expect("byline prefix compiles")
    });
    let s = crate::text::squash_ws(s.trim());
    let s = BY.replace(&s, "");
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '|' | ',' | '·' | '–' | '—' | ':')
    });
    if s.is_empty()
        || s.chars().count() > 120
        || s.contains([
            '@', '*', '(', ')', '[', ']', '{', '}', '<', '>', '=', '?', '!', '/',
        ])
        || s.contains("http")
        || s.chars().any(|c| c.is_ascii_digit())
        || !s.chars().any(char::is_uppercase)
    {
        return None;
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    if UI_WORDS.contains(&words[0].as_str())
        || words
            .iter()
            .all(|w| JOB_WORDS.contains(&w.as_str()) || UI_WORDS.contains(&w.as_str()))
    {
        return None;
    }
    // A sentence is not a byline.
    if s.ends_with('.') && words.len() > 4 {
        return None;
    }
    Some(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_are_names_never_ui_text_or_job_titles() {
        let f = |s: &str| author_name(s);
        assert_eq!(f("By Ana Ruiz").as_deref(), Some("Ana Ruiz"));
        assert_eq!(
            f("Ana Ruiz and Tom Bell").as_deref(),
            Some("Ana Ruiz and Tom Bell")
        );
        assert_eq!(f("Associated Press").as_deref(), Some("Associated Press"));
        for bad in [
            "Sign In",
            "Updated on",
            "Name *",
            "Senior Autos Reporter",
            "Staff Writer",
            "admin",
            "https://example.com/ana",
            "ana@example.com",
            "",
            "Published 2024-01-02",
        ] {
            assert_eq!(f(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_credit_lines() {
        assert_eq!(
            credit_of("Source: Business Insider").as_deref(),
            Some("Business Insider")
        );
        assert_eq!(
            credit_of("This article was first published by Continental Press.").as_deref(),
            Some("Continental Press")
        );
        assert_eq!(
            credit_of("The plan was published by the council on Monday and debated for hours."),
            None
        );
    }
    use crate::model::iso;

    #[test]
    fn parses_the_usual_time_forms() {
        let f = |s: &str| parse_time(s).map(iso);
        assert_eq!(
            f("2026-04-24T11:08:30.443Z").as_deref(),
            Some("2026-04-24T11:08:30.443Z")
        );
        assert_eq!(
            f("2026-10-14T09:12:00+02:00").as_deref(),
            Some("2026-10-14T07:12:00Z")
        );
        assert_eq!(
            f("Wed, 14 Oct 2026 09:12:00 +0200").as_deref(),
            Some("2026-10-14T07:12:00Z")
        );
        assert_eq!(
            f("14 October 2026").as_deref(),
            Some("2026-10-14T00:00:00Z")
        );
        assert_eq!(
            f("October 14, 2026").as_deref(),
            Some("2026-10-14T00:00:00Z")
        );
        assert_eq!(f("2026-10-14").as_deref(), Some("2026-10-14T00:00:00Z"));
        assert_eq!(
            f("2019-11-20T06:35:39+0000").as_deref(),
            Some("2019-11-20T06:35:39Z")
        );
        assert_eq!(
            f("2019-11-18T17:01:27.893").as_deref(),
            Some("2019-11-18T17:01:27.893Z")
        );
        assert_eq!(f("not a date"), None);
    }

    #[test]
    fn finds_the_first_written_date() {
        let f = |s: &str| find_date(s);
        assert_eq!(
            f("By Ana Ruiz Updated on July 9, 2025 Edited by").as_deref(),
            Some("2025-07-09")
        );
        assert_eq!(
            f("RAJSHAHI, Dec. 20, 2025 (BSS) - H").as_deref(),
            Some("2025-12-20")
        );
        assert_eq!(
            f("Craig Last updated on 17 December 2025").as_deref(),
            Some("2025-12-17")
        );
        assert_eq!(
            f("Elliot Raba 23.07.2025 · 6 min read").as_deref(),
            Some("2025-07-23")
        );
        assert_eq!(f("posted 2024-04-08 by x").as_deref(), Some("2024-04-08"));
        assert_eq!(f("on 25/12/2025").as_deref(), Some("2025-12-25"));
        assert_eq!(f("on 05/06/2025"), None);
        assert_eq!(f("no date here, only 2025 and May"), None);
        assert_eq!(f("February 30, 2025"), None);
    }

    #[test]
    fn cleans_tags_and_hosts() {
        assert_eq!(
            clean_tags(vec!["a, b".into(), "#c".into(), "A".into()]),
            ["a", "b", "c"]
        );
        assert_eq!(
            host_of("https://www.harbour.example/x?y").as_deref(),
            Some("harbour.example")
        );
    }
}
