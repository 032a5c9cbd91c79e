//! Quotes across the corpus: every article's quotations (from [`crate::analysis::quotes`]) with
//! the same words carried by several outlets merged into one quote with all its appearances
//! (first appearance first), and speakers unified across articles (one canonical name, the
//! aliases and roles seen).

use std::collections::{BTreeSet, HashMap};

use crate::analysis::quotes::{self, QuoteKind};
use crate::model::{Article, Span};
use crate::text;

/// One appearance of a quote in an article.
#[derive(Clone, Debug)]
pub struct Appearance {
    pub ord: u32,
    pub pieces: Vec<Span>,
    pub mention: Option<Span>,
    pub mention_text: Option<String>,
    pub confidence: f32,
}

/// A quote, merged across the articles that carry it.
#[derive(Clone, Debug)]
pub struct QuoteGroup {
    pub id: String,
    pub kind: QuoteKind,
    pub text: String,
    /// Canonical speaker name; `None` when unknown.
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub is_org: bool,
    pub confidence: f32,
    /// First appearance first.
    pub appearances: Vec<Appearance>,
}

/// A speaker across the corpus.
#[derive(Clone, Debug, Default)]
pub struct SpeakerInfo {
    pub name: String,
    pub roles: Vec<String>,
    pub aliases: BTreeSet<String>,
    pub is_org: bool,
}

/// All quotes of a corpus.
#[derive(Default)]
pub struct QuoteBook {
    pub quotes: Vec<QuoteGroup>,
    pub speakers: HashMap<String, SpeakerInfo>,
}

fn key(kind: QuoteKind, t: &str) -> String {
    let folded = text::fold_marks(t).to_lowercase();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}:{}", kind.as_str(), words.join(" "))
}

impl QuoteBook {
    pub fn build(articles: &[Article]) -> QuoteBook {
        // Articles in publication order, so the first appearance comes first.
        let mut order: Vec<u32> = (0..articles.len() as u32).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&articles[a as usize], &articles[b as usize]);
            x.published
                .is_none()
                .cmp(&y.published.is_none())
                .then(x.published.cmp(&y.published))
                .then_with(|| x.id.cmp(&y.id))
        });
        let mut book = QuoteBook::default();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for o in order {
            let a = &articles[o as usize];
            for q in quotes::extract(&a.body) {
                let speaker = q.speaker.as_ref().map(|s| s.name.clone());
                if let Some(s) = &q.speaker {
                    let info = book
                        .speakers
                        .entry(s.name.clone())
                        .or_insert_with(|| SpeakerInfo {
                            name: s.name.clone(),
                            is_org: s.is_org,
                            ..Default::default()
                        });
                    if let Some(r) = &s.role
                        && !info.roles.contains(r)
                    {
                        info.roles.push(r.clone());
                    }
                    if let Some(m) = q.mention {
                        let mt = text::slice_chars(&a.body, m.start, m.end).to_string();
                        if mt != s.name
                            && !["he", "she", "He", "She", "they", "They"].contains(&mt.as_str())
                        {
                            info.aliases.insert(mt);
                        }
                    }
                }
                let app = Appearance {
                    ord: o,
                    pieces: q.pieces.clone(),
                    mention: q.mention,
                    mention_text: q
                        .mention
                        .map(|m| text::slice_chars(&a.body, m.start, m.end).to_string()),
                    confidence: q.confidence,
                };
                let k = key(q.kind, &q.text);
                match by_key.get(&k) {
                    Some(&g) => {
                        let grp = &mut book.quotes[g];
                        if grp.speaker.is_none() && speaker.is_some() {
                            grp.speaker = speaker.clone();
                            grp.role = q.speaker.as_ref().and_then(|s| s.role.clone());
                        }
                        grp.confidence = grp.confidence.max(q.confidence);
                        grp.appearances.push(app);
                    }
                    None => {
                        by_key.insert(k, book.quotes.len());
                        let id = format!(
                            "q-{:010x}",
                            xxhash_rust::xxh3::xxh3_64(
                                format!("{}#{}", a.id, app.pieces[0].start).as_bytes()
                            ) >> 24
                        );
                        book.quotes.push(QuoteGroup {
                            id,
                            kind: q.kind,
                            text: q.text.clone(),
                            speaker,
                            role: q.speaker.as_ref().and_then(|s| s.role.clone()),
                            is_org: q.speaker.as_ref().is_some_and(|s| s.is_org),
                            confidence: q.confidence,
                            appearances: vec![app],
                        });
                    }
                }
            }
        }
        // A role missing on a quote: the speaker's first known role.
        for g in book.quotes.iter_mut() {
            if g.role.is_none()
                && let Some(info) = g.speaker.as_ref().and_then(|s| book.speakers.get(s))
            {
                g.role = info.roles.first().cloned();
            }
        }
        book
    }

    /// Canonical speaker for a name or alias (case-insensitive), if any.
    pub fn find_speaker(&self, name: &str) -> Option<&SpeakerInfo> {
        let n = name.trim().to_lowercase();
        self.speakers
            .values()
            .find(|s| s.name.to_lowercase() == n)
            .or_else(|| {
                self.speakers.values().find(|s| {
                    s.aliases.iter().any(|a| a.to_lowercase() == n)
                        || s.name.to_lowercase().split_whitespace().any(|w| w == n)
                })
            })
    }
}
