//! Quotes across the corpus: every article's quotations (from [`crate::analysis::quotes`]) with
//! the same words carried by several outlets merged into one quote with all its appearances
//! (first appearance first), and speakers unified across articles (one canonical name, the
//! aliases and roles seen).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::analysis::annotate::Annotations;
use crate::analysis::quotes::QuoteKind;
use crate::model::{Article, Span};
use crate::text;

/// One appearance of a quote in an article.
#[derive(Clone, Debug)]
pub struct Appearance {
    pub ord: u32,
    pub pieces: Vec<Span>,
    pub mention: Option<Span>,
    pub mention_text: Option<String>,
    /// The attribution verb ("said", "warned"), when found.
    pub cue: Option<Span>,
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
    /// Per article (by ord): the quotes appearing in it (indices into `quotes`, ascending).
    pub by_article: HashMap<u32, Vec<u32>>,
    /// Per speaker (canonical name): their quotes (indices into `quotes`, ascending).
    pub by_speaker: HashMap<String, Vec<u32>>,
    /// Lower-cased full name -> canonical name.
    names: HashMap<String, String>,
    /// Lower-cased alias or word of a name -> canonical name (the first in name order).
    other_names: HashMap<String, String>,
}

fn key(kind: QuoteKind, t: &str) -> String {
    let folded = text::fold_marks(t).to_lowercase();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}:{}", kind.as_str(), words.join(" "))
}

/// One person per story: a quote whose speaker is a single word ("Anand") takes the full name
/// of the one person of its story quoted under a longer name ending in that word ("Ravi
/// Anand"), with that person's role; the single-word entry is kept only while a quote (of
/// another story) still uses it.
fn resolve_surnames_in_stories(book: &mut QuoteBook, story_of: &[u32]) {
    let story = |g: &QuoteGroup| {
        g.appearances
            .first()
            .and_then(|a| story_of.get(a.ord as usize).copied())
    };
    // story -> lower-cased last word -> full names quoted in it
    let mut full: HashMap<(u32, String), BTreeSet<String>> = HashMap::new();
    for g in &book.quotes {
        if let (Some(st), Some(sp)) = (story(g), g.speaker.as_deref())
            && let Some((_, last)) = sp.rsplit_once(' ')
            && !g.is_org
        {
            full.entry((st, last.to_lowercase()))
                .or_default()
                .insert(sp.to_string());
        }
    }
    let mut moved: Vec<(String, String)> = Vec::new();
    for g in book.quotes.iter_mut() {
        let (Some(st), Some(sp)) = (story(g), g.speaker.clone()) else {
            continue;
        };
        if sp.contains(' ') || g.is_org {
            continue;
        }
        let Some(names) = full.get(&(st, sp.to_lowercase())) else {
            continue;
        };
        if names.len() != 1 {
            continue;
        }
        let Some(to) = names.first().cloned() else {
            continue;
        };
        g.speaker = Some(to.clone());
        g.role = book
            .speakers
            .get(&to)
            .and_then(|i| i.roles.first().cloned());
        moved.push((sp, to));
    }
    for (from, to) in moved {
        if let Some(target) = book.speakers.get_mut(&to) {
            target.aliases.insert(from.clone());
        }
        if !book
            .quotes
            .iter()
            .any(|g| g.speaker.as_deref() == Some(from.as_str()))
        {
            book.speakers.remove(&from);
        }
    }
}

/// Every article's quotes (from its annotations), the same words carried by several articles
/// merged into one quote (first appearance first), and the speakers seen with their roles and
/// the other names their mentions use.
fn collect(articles: &[Article], notes: &[Annotations]) -> QuoteBook {
    // Articles in publication order, so the first appearance comes first.
    let mut order: Vec<u32> = (0..articles.len() as u32).collect();
    order.sort_by(|&a, &b| articles[a as usize].publication_order(&articles[b as usize]));
    let mut book = QuoteBook::default();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for o in order {
        let a = &articles[o as usize];
        // Spans are in code points: index the body's characters once per article.
        let chars: Vec<char> = a.body.chars().collect();
        let cut = |s: usize, e: usize| -> String {
            let e = e.min(chars.len());
            chars[s.min(e)..e].iter().collect()
        };
        for q in &notes[o as usize].quotes {
            let speaker = q.speaker.as_ref().map(|s| s.name.clone());
            let mention = q.mention.as_ref().map(|m| Span::new(m.start, m.end));
            let mention_text = mention.map(|m| cut(m.start, m.end));
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
                if let Some(mt) = &mention_text
                    && *mt != s.name
                    && !["he", "she", "He", "She", "they", "They"].contains(&mt.as_str())
                {
                    info.aliases.insert(mt.clone());
                }
            }
            // Each piece without the comma that hands over to the attribution ("...,\" she said").
            let pieces: Vec<Span> = q
                .pieces
                .iter()
                .map(|&Span { start: s, end: e }| {
                    let mut e = e.min(chars.len());
                    while e > s && (chars[e - 1] == ',' || chars[e - 1].is_whitespace()) {
                        e -= 1;
                    }
                    Span::new(s, e)
                })
                .filter(|p| !p.is_empty())
                .collect();
            if pieces.is_empty() {
                continue;
            }
            let joined: Vec<String> = pieces.iter().map(|p| cut(p.start, p.end)).collect();
            let qtext = joined.join(" ");
            let app = Appearance {
                ord: o,
                pieces,
                mention,
                mention_text,
                cue: q.cue,
                confidence: q.confidence,
            };
            let k = key(q.kind, &qtext);
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
                        text: qtext.clone(),
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
    book
}

/// One person under one name: "Councillor Dana Whitfield" is Dana Whitfield behind a title.
fn merge_titled_names(book: &mut QuoteBook) {
    // The longest other name of two or more words that ends `n` after a space.
    // In name order, each name taken to the end of its chain ("Mayor Dr. Ada Lin" -> "Dr. Ada
    // Lin" -> "Ada Lin"), so the result does not depend on a map's order.
    let mut rename: BTreeMap<String, String> = BTreeMap::new();
    for n in book.speakers.keys() {
        let short = n
            .match_indices(' ')
            .map(|(i, _)| &n[i + 1..])
            .find(|m| m.contains(' ') && book.speakers.contains_key(*m));
        if let Some(short) = short {
            rename.insert(n.clone(), short.to_string());
        }
    }
    let ends: Vec<(String, String)> = rename
        .iter()
        .map(|(from, to)| {
            let mut end = to;
            // A chain is shorter than the name's word count; the bound also stops a cycle.
            for _ in 0..from.split(' ').count() {
                match rename.get(end) {
                    Some(next) => end = next,
                    None => break,
                }
            }
            (from.clone(), end.clone())
        })
        .collect();
    rename.extend(ends);
    for (from, to) in &rename {
        if let Some(info) = book.speakers.remove(from) {
            let target = book
                .speakers
                .entry(to.clone())
                .or_insert_with(|| SpeakerInfo {
                    name: to.clone(),
                    ..Default::default()
                });
            for r in info.roles {
                if !target.roles.contains(&r) {
                    target.roles.push(r);
                }
            }
            target.aliases.insert(from.clone());
            target.aliases.extend(info.aliases);
        }
    }
    for g in book.quotes.iter_mut() {
        if let Some(to) = g.speaker.as_ref().and_then(|s| rename.get(s)) {
            if g.role.is_none() {
                g.role = g
                    .speaker
                    .as_ref()
                    .and_then(|s| s.rsplit_once(&format!(" {to}")).map(|(t, _)| t.to_string()));
            }
            g.speaker = Some(to.clone());
        }
    }
}

impl QuoteBook {
    /// `story_of[ord]` is the story of each article (any value for none): a surname quoted in
    /// one outlet is the full name another outlet of the same story gives.
    pub fn build(articles: &[Article], notes: &[Annotations], story_of: &[u32]) -> QuoteBook {
        let mut book = collect(articles, notes);
        resolve_surnames_in_stories(&mut book, story_of);
        merge_titled_names(&mut book);
        book.index();
        book.fill_roles();
        book
    }

    /// The lookups: quotes per article and per speaker, speakers by name, alias and name word.
    fn index(&mut self) {
        for (g, grp) in self.quotes.iter().enumerate() {
            for ap in &grp.appearances {
                let v = self.by_article.entry(ap.ord).or_default();
                if v.last() != Some(&(g as u32)) {
                    v.push(g as u32);
                }
            }
        }
        for (g, grp) in self.quotes.iter().enumerate() {
            if let Some(s) = &grp.speaker {
                self.by_speaker.entry(s.clone()).or_default().push(g as u32);
            }
        }
        let mut canon: Vec<&SpeakerInfo> = self.speakers.values().collect();
        canon.sort_by(|a, b| a.name.cmp(&b.name));
        for s in canon {
            let lower = s.name.to_lowercase();
            for other in s
                .aliases
                .iter()
                .map(|a| a.to_lowercase())
                .chain(lower.split_whitespace().map(str::to_string))
            {
                self.other_names
                    .entry(other)
                    .or_insert_with(|| s.name.clone());
            }
            self.names.insert(lower, s.name.clone());
        }
    }

    /// A role missing on a quote: the speaker's first known role.
    fn fill_roles(&mut self) {
        for g in self.quotes.iter_mut() {
            if g.role.is_none()
                && let Some(info) = g.speaker.as_ref().and_then(|s| self.speakers.get(s))
            {
                g.role = info.roles.first().cloned();
            }
        }
    }

    /// The quotes appearing in any of these articles, in book order (first appearance first).
    pub fn in_articles(&self, ords: impl IntoIterator<Item = u32>) -> Vec<&QuoteGroup> {
        let mut gs: Vec<u32> = ords
            .into_iter()
            .flat_map(|o| self.by_article.get(&o).into_iter().flatten().copied())
            .collect();
        gs.sort_unstable();
        gs.dedup();
        gs.into_iter()
            .filter_map(|g| self.quotes.get(g as usize))
            .collect()
    }

    /// Canonical speaker for a name or alias (case-insensitive), if any.
    pub fn find_speaker(&self, name: &str) -> Option<&SpeakerInfo> {
        let n = name.trim().to_lowercase();
        self.names
            .get(&n)
            .or_else(|| self.other_names.get(&n))
            .and_then(|canonical| self.speakers.get(canonical))
    }

    /// The quotes of a speaker (canonical name), in book order.
    pub fn of_speaker(&self, name: &str) -> impl Iterator<Item = &QuoteGroup> {
        self.by_speaker
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|&g| self.quotes.get(g as usize))
    }
}
