//! Synthetic news for the benchmarks: a deterministic stream of articles in planted stories
//! (made-up words, people and places; no real text), and the small measuring helpers the
//! benchmarks share (peak and current RSS, percentiles).

#![allow(dead_code)]

use chrono::{DateTime, Utc};
use newsdesk::model::{Article, Format};
use std::time::Duration;

/// Articles a day in the synthetic stream (a large aggregator's volume).
pub const PER_DAY: usize = 1500;

pub fn peak_rss_mb() -> f64 {
    proc_status_mb("VmHWM:")
}

pub fn rss_mb() -> f64 {
    proc_status_mb("VmRSS:")
}

pub fn proc_status_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A deterministic pseudo-random generator (no dependency needed for test data).
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n.max(1)
    }
    /// Skewed towards small values (roughly Zipfian over `0..n`).
    pub fn skewed(&mut self, n: usize) -> usize {
        let k = self.below(n) + 1;
        self.below(k)
    }
}

/// A made-up word for `k` ("velomar", "kestrani", ...).
pub fn pseudo_word(k: u64) -> String {
    const SYL: &[&str] = &[
        "ve", "lo", "mar", "kes", "tra", "ni", "bo", "ran", "dul", "ka", "mi", "sor", "pen", "tu",
        "gal", "rho", "an", "te",
    ];
    let mut x = k.wrapping_mul(2654435761).wrapping_add(12345);
    let mut w = String::new();
    for _ in 0..3 + (k % 2) {
        w.push_str(SYL[(x % SYL.len() as u64) as usize]);
        x /= SYL.len() as u64;
    }
    w
}

pub fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

pub const TOPICS: &[&str] = &[
    "council",
    "harbor",
    "budget",
    "court",
    "ruling",
    "minister",
    "strike",
    "factory",
    "election",
    "bridge",
    "school",
    "hospital",
    "union",
    "tariff",
    "railway",
    "drought",
    "festival",
    "museum",
    "reactor",
    "vaccine",
    "satellite",
    "bank",
    "market",
    "housing",
    "tunnel",
    "airport",
    "forest",
    "fishery",
    "police",
    "wildfire",
];
pub const VERBS: &[&str] = &[
    "approves",
    "rejects",
    "delays",
    "announces",
    "criticises",
    "defends",
    "expands",
    "cuts",
    "reviews",
    "opens",
    "blocks",
    "backs",
];
pub const FILLER: &[&str] = &[
    "the", "a", "of", "and", "to", "in", "on", "for", "with", "said", "after", "was", "is", "that",
];

/// One planted story: its words, its start and its articles so far.
pub struct Planted {
    pub person: String,
    pub place: String,
    pub topic: &'static str,
    pub keywords: [String; 3],
    pub start: i64,
}

pub struct Synthetic {
    pub rng: Lcg,
    pub background: Vec<String>,
    pub stories: Vec<Planted>,
    pub t0: i64,
}

impl Synthetic {
    pub fn new(seed: u64) -> Self {
        Synthetic {
            rng: Lcg(seed),
            background: (0..6000).map(|k| pseudo_word(1_000_000 + k)).collect(),
            stories: Vec::new(),
            t0: 1_700_000_000,
        }
    }

    /// Plants a new story starting at `start`.
    pub fn plant(&mut self, start: i64) -> usize {
        let r = &mut self.rng;
        let k = self.stories.len() as u64;
        let person = format!(
            "{} {}",
            capitalised(&pseudo_word(r.next() % 400)),
            capitalised(&pseudo_word(5_000 + r.next() % 3_000))
        );
        self.stories.push(Planted {
            person,
            place: capitalised(&pseudo_word(20_000 + r.next() % 6_000)),
            topic: TOPICS[r.below(TOPICS.len())],
            keywords: [
                pseudo_word(50_000 + k * 3),
                pseudo_word(50_001 + k * 3),
                pseudo_word(50_002 + k * 3),
            ],
            start,
        });
        self.stories.len() - 1
    }

    pub fn word(&mut self) -> String {
        let i = self.rng.skewed(self.background.len());
        self.background[i].clone()
    }

    /// One article of story `s`, published `offset` seconds after the story's start.
    pub fn article(&mut self, s: usize, n: usize, offset: i64) -> Article {
        let (person, place, topic, keywords, start) = {
            let p = &self.stories[s];
            (
                p.person.clone(),
                p.place.clone(),
                p.topic,
                p.keywords.clone(),
                p.start,
            )
        };
        let r = &mut self.rng;
        let verb = VERBS[r.below(VERBS.len())];
        let title = match r.below(3) {
            0 => format!("{person} {verb} {topic} {} plan in {place}", keywords[0]),
            1 => format!("{place} {topic}: {} {verb} {}", keywords[1], keywords[0]),
            _ => format!("{} {topic} {verb} after {person} visit", keywords[2]),
        };
        let mut body = String::new();
        let sentences = 8 + self.rng.below(8);
        for i in 0..sentences {
            let mut words: Vec<String> = Vec::new();
            let on_story = i < 2 || self.rng.below(3) == 0;
            for j in 0..10 + self.rng.below(10) {
                let w = if on_story && j % 4 == 1 {
                    match self.rng.below(5) {
                        0 => person.clone(),
                        1 => place.clone(),
                        2 => topic.to_string(),
                        k => keywords[k - 2].clone(),
                    }
                } else if self.rng.below(3) == 0 {
                    FILLER[self.rng.below(FILLER.len())].to_string()
                } else {
                    self.word()
                };
                words.push(w);
            }
            let mut sent = words.join(" ");
            sent = capitalised(&sent);
            body.push_str(&sent);
            body.push_str(if i % 4 == 3 { ".\n\n" } else { ". " });
        }
        let body = body.trim().to_string();
        let outlet = format!("Outlet {}", self.rng.below(20));
        Article {
            id: format!("a-{:012x}", n as u64 * 2_654_435_761 % (1u64 << 48)),
            path: format!("synthetic/{n}.txt"),
            record: None,
            format: Format::Text,
            page_type: Default::default(),
            outlet: Some(outlet),
            via: None,
            title: Some(title),
            author: None,
            published: DateTime::<Utc>::from_timestamp(start + offset, 0),
            category: None,
            tags: vec![topic.to_string()],
            url: None,
            body_chars: body.chars().count(),
            body,
            duplicate_of: None,
            duplicates: vec![],
        }
    }

    /// `n` articles in planted stories (sizes 1 to 30, a third single articles), about
    /// `PER_DAY` a day; each story's articles within 36 hours of its start. Returns the articles
    /// (in generation order, i.e. shuffled in time within a day) and each one's planted story.
    pub fn corpus(&mut self, n: usize) -> (Vec<Article>, Vec<usize>) {
        let mut arts = Vec::with_capacity(n);
        let mut gold = Vec::with_capacity(n);
        while arts.len() < n {
            let day = (arts.len() / PER_DAY) as i64;
            let start = self.t0 + day * 86_400 + self.rng.below(86_400) as i64;
            let s = self.plant(start);
            let size = if self.rng.below(3) == 0 {
                1
            } else {
                2 + self.rng.skewed(29)
            };
            for _ in 0..size.min(n - arts.len()) {
                let offset = self.rng.below(36 * 3600) as i64;
                arts.push(self.article(s, arts.len(), offset));
                gold.push(s);
            }
        }
        (arts, gold)
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn percentile(xs: &mut [f64], p: f64) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    xs.sort_by(f64::total_cmp);
    xs[((xs.len() as f64 * p).ceil() as usize).clamp(1, xs.len()) - 1]
}

/// A JSONL feed of `n` synthetic articles (cached in the temp folder): the planted stories of
/// [`Synthetic::corpus`], each article with quotes from its story's person and from a rival, so
/// that quotes, speakers and views have work to do. Returns the feed's folder.
pub fn feed(n: usize) -> std::io::Result<std::path::PathBuf> {
    use std::io::Write as _;
    let dir = std::env::temp_dir().join(format!("newsdesk-bench-feed-v1-{n}"));
    let file = dir.join("feed.jsonl");
    if file.exists() {
        return Ok(dir);
    }
    std::fs::create_dir_all(&dir)?;
    let tmp = dir.join("feed.jsonl.part");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
    let mut g = Synthetic::new(7);
    let (arts, gold) = g.corpus(n);
    for (a, s) in arts.into_iter().zip(gold) {
        let p = &g.stories[s];
        let rival = format!(
            "{} {}",
            capitalised(&pseudo_word(900 + s as u64 % 300)),
            capitalised(&pseudo_word(9_000 + s as u64 % 2_000))
        );
        let mut words = |k: usize| -> String {
            (0..k)
                .map(|_| g.rng.below(6000))
                .map(|i| pseudo_word(1_000_000 + i as u64))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let (w1, w2) = (words(6), words(6));
        let text = format!(
            "{}\n\n\"The {} {} will go ahead, and {w1},\" said {}, who leads the {} office.\n\n\
             \"We will fight the {} {} because {w2},\" said {rival}.",
            a.body, p.topic, p.keywords[0], p.person, p.place, p.topic, p.keywords[1]
        );
        let rec = serde_json::json!({
            "title": a.title,
            "text": text,
            "outlet": a.outlet,
            "published": a.published.map(|t| t.to_rfc3339()),
            "tags": a.tags,
        });
        writeln!(out, "{rec}")?;
    }
    out.flush()?;
    drop(out);
    std::fs::rename(&tmp, &file)?;
    Ok(dir)
}
