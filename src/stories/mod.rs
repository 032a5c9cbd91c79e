//! Stories: articles from many outlets grouped into events ([`cluster`]), and what is known about
//! each story: a stable id, a headline taken from a member title, an extractive summary, times,
//! outlets, the people and organisations it names, tags, and each article's distinctive angle.
//! [`Clustering`] keeps the clusterer after a load so one more article can join a story.

pub mod cluster;
pub mod quotes;

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use crate::analysis::annotate::Annotations;
use crate::analysis::entities::{self, EntityKind};

/// One person across a story's articles: "Rubio" (in an article that names him only so) and
/// "Marco A. Rubio" count for "Marco Rubio", the form most mentioned. A surname shared by two
/// people named in full stays apart.
fn merge_people(entities: &mut Vec<(String, EntityKind, u32)>) {
    entities.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, a.1).cmp(&(&b.0, b.1))));
    let mut merged: Vec<(String, EntityKind, u32)> = Vec::new();
    // full names first, so a lone surname finds them
    let (full, rest): (Vec<_>, Vec<_>) = std::mem::take(entities)
        .into_iter()
        .partition(|e| e.1 == EntityKind::Person && e.0.contains(' '));
    for e in full {
        match merged
            .iter_mut()
            .find(|m| entities::same_person(&m.0, &e.0))
        {
            Some(m) => m.2 += e.2,
            None => merged.push(e),
        }
    }
    for e in rest {
        let owners: Vec<usize> = (0..merged.len())
            .filter(|&i| {
                merged[i].1 == EntityKind::Person
                    && merged[i].0.split_whitespace().last() == Some(e.0.as_str())
            })
            .collect();
        match (e.1, owners.as_slice()) {
            (EntityKind::Person, [i]) => merged[*i].2 += e.2,
            _ => merged.push(e),
        }
    }
    *entities = merged;
}
use crate::model::{Article, Span};
use crate::text;

/// Hours before the newest article in the corpus that count as "recent" for the trending sort.
pub const TRENDING_WINDOW_HOURS: i64 = 72;

/// How much of the lead article's body a story's summary is taken from.
const SUMMARY_LEAD_BYTES: usize = 2000;

/// One story.
#[derive(Clone, Debug)]
pub struct Story {
    /// Stable id: "s-" + 8 hex digits of the id of the article that broke it.
    pub id: String,
    /// Member article ordinals, first published first.
    pub members: Vec<u32>,
    /// The most representative member title.
    pub headline: String,
    /// The article the headline and summary come from.
    pub lead_article: u32,
    /// 1-2 sentences from the lead article, with their span in its body.
    pub summary: String,
    pub summary_span: Span,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    /// Distinct outlets, in order of first coverage.
    pub outlets: Vec<String>,
    /// People and organisations with mention counts over all members, most mentioned first.
    pub entities: Vec<(String, EntityKind, u32)>,
    /// Tags and categories with the number of members carrying them.
    pub tags: Vec<(String, u32)>,
    /// The entity names lower-cased, one a line (for case-insensitive filtering without
    /// allocating per call).
    pub entity_keys: String,
}

/// Content words of a text, lower-cased, for overlap measures.
pub fn content_words(s: &str) -> HashSet<String> {
    text::words(s)
        .map(|w| w.to_lowercase())
        .filter(|w| w.chars().count() > 2 && !cluster::is_stopword(w))
        .collect()
}

/// What the clusterer reads of an article: its title, the start of its body and its time.
pub fn doc_of(a: &Article, lead_chars: usize) -> cluster::Doc<'_> {
    cluster::Doc {
        title: a.title.as_deref().unwrap_or_default(),
        lead: lead(&a.body, lead_chars),
        slug: a.url.as_deref().map(url_slug).unwrap_or_default(),
        published: a.published.map(|t| t.timestamp()),
        same_as: None,
    }
}

/// The slug of a URL: the path segment made of the most words (at least three, joined by `-` or
/// `_`), without its file extension, e.g. `sac-capital-to-rename-as-point72` of
/// `https://example.com/news/2014/sac-capital-to-rename-as-point72.html`; empty when there is
/// none. The host is never read (it names the site, not the story), nor the query.
pub fn url_slug(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let Some((_, path)) = rest.split_once('/') else {
        return "";
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let words = |seg: &str| {
        seg.split(['-', '_'])
            .filter(|w| w.bytes().any(|b| b.is_ascii_alphabetic()))
            .count()
    };
    path.split('/')
        .map(|seg| match seg.rsplit_once('.') {
            Some((stem, ext))
                if ext.len() <= 5 && ext.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                stem
            }
            _ => seg,
        })
        .map(|seg| (words(seg), seg))
        .filter(|&(n, _)| n >= 3)
        .max_by_key(|&(n, _)| n)
        .map_or("", |(_, seg)| seg)
}

/// The clustering state behind a corpus's stories, kept so that one more article can be assigned
/// to a story (or open a new one) without clustering everything again.
pub struct Clustering {
    clusterer: cluster::Clusterer,
    /// The clusterer's document number of each article ordinal.
    doc_of: Vec<u32>,
    /// Story index of each clusterer story.
    story_of_cluster: HashMap<usize, u32>,
}

/// Groups articles into stories and describes each one (from the articles and their
/// annotations, `notes[ord]`). Stories come sorted by id. Also returns the clustering state for
/// [`Clustering::add`].
pub fn build_with_state(
    articles: &[Article],
    notes: &[Annotations],
    params: &cluster::Params,
) -> (Vec<Story>, Clustering) {
    // Only articles make stories: section fronts, forums and shop pages that a crawl brings home
    // stay readable but join none (their `doc_of` is `u32::MAX`).
    let ords: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].page_type == crate::model::PageType::Article)
        .collect();
    let doc_index: HashMap<&str, usize> = ords
        .iter()
        .enumerate()
        .map(|(d, &i)| (articles[i].id.as_str(), d))
        .collect();
    let docs: Vec<cluster::Doc<'_>> = ords
        .iter()
        .map(|&i| {
            let a = &articles[i];
            cluster::Doc {
                same_as: a
                    .duplicate_of
                    .as_deref()
                    .and_then(|c| doc_index.get(c).copied()),
                ..doc_of(a, params.lead_chars)
            }
        })
        .collect();
    let done = cluster::cluster_all(&docs, params);
    let mut doc_of = vec![u32::MAX; articles.len()];
    for (k, &d) in done.order.iter().enumerate() {
        doc_of[ords[d]] = k as u32;
    }
    let mut groups: HashMap<usize, Vec<u32>> = HashMap::new();
    for (d, &l) in done.labels.iter().enumerate() {
        groups.entry(l).or_default().push(ords[d] as u32);
    }
    let mut stories: Vec<(usize, Story)> = groups
        .into_iter()
        .map(|(c, m)| (c, describe(articles, notes, m)))
        .collect();
    stories.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    let story_of_cluster = stories
        .iter()
        .enumerate()
        .map(|(si, (c, _))| (*c, si as u32))
        .collect();
    let state = Clustering {
        clusterer: done.clusterer,
        doc_of,
        story_of_cluster,
    };
    (stories.into_iter().map(|(_, s)| s).collect(), state)
}

impl Clustering {
    /// Assigns article `ord` (the last of `articles`, not seen before) to a story: the most
    /// similar recent story if it is close enough, else a new one pushed onto `stories`.
    /// `canonical` is the ordinal of the article it is a near-duplicate of, if any: it then joins
    /// that article's story. The joined story is described again (its id stays); nothing else is
    /// recomputed. Returns the story index and whether the story is new.
    pub fn add(
        &mut self,
        articles: &[Article],
        notes: &[Annotations],
        ord: u32,
        canonical: Option<u32>,
        stories: &mut Vec<Story>,
    ) -> (u32, bool) {
        let a = &articles[ord as usize];
        let doc = cluster::Doc {
            same_as: canonical
                .and_then(|o| self.doc_of.get(o as usize))
                .filter(|&&k| k != u32::MAX)
                .map(|&k| k as usize),
            ..doc_of(a, self.clusterer.params().lead_chars)
        };
        let k = self.clusterer.len() as u32;
        let c = self.clusterer.add(&doc);
        if self.doc_of.len() <= ord as usize {
            self.doc_of.resize(ord as usize + 1, u32::MAX);
        }
        self.doc_of[ord as usize] = k;
        match self.story_of_cluster.get(&c).copied() {
            Some(si) => {
                let s = &mut stories[si as usize];
                let mut members = std::mem::take(&mut s.members);
                members.push(ord);
                let id = std::mem::take(&mut s.id);
                *s = describe(articles, notes, members);
                s.id = id;
                (si, false)
            }
            None => {
                let si = stories.len() as u32;
                stories.push(describe(articles, notes, vec![ord]));
                self.story_of_cluster.insert(c, si);
                (si, true)
            }
        }
    }
}

fn describe(articles: &[Article], notes: &[Annotations], mut members: Vec<u32>) -> Story {
    members.sort_by(|&x, &y| articles[x as usize].publication_order(&articles[y as usize]));
    let first_id = &articles[members[0] as usize].id;
    let id = format!(
        "s-{}",
        first_id
            .trim_start_matches("a-")
            .get(..8)
            .unwrap_or(first_id)
    );

    // Headline: the title whose words the members' titles and leads share most (word frequencies
    // over the members, so the choice is linear in the story's size).
    let bags: Vec<HashSet<String>> = members
        .iter()
        .map(|&o| {
            let a = &articles[o as usize];
            content_words(&format!(
                "{} {}",
                a.title.as_deref().unwrap_or(""),
                lead(&a.body, 600)
            ))
        })
        .collect();
    let mut freq: HashMap<&str, u32> = HashMap::new();
    for b in &bags {
        for w in b {
            *freq.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut best = (f64::MIN, 0usize);
    for (i, &o) in members.iter().enumerate() {
        let a = &articles[o as usize];
        let Some(t) = a.title.as_deref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let tw = content_words(t);
        let score: f64 = if members.len() == 1 {
            0.0
        } else {
            // Occurrences in the other members (this member's own bag counts once).
            tw.iter()
                .map(|w| {
                    freq.get(w.as_str())
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(u32::from(bags[i].contains(w))) as f64
                })
                .sum::<f64>()
                / (tw.len().max(1) as f64).sqrt()
        };
        if score > best.0 {
            best = (score, i);
        }
    }
    let lead_article = members[best.1];
    let la = &articles[lead_article as usize];
    let headline = la
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| lead(&la.body, 100).to_string());
    let (summary, summary_span) = summary_of(&la.body, &notes[lead_article as usize]);

    let first = members
        .iter()
        .filter_map(|&o| articles[o as usize].published)
        .min();
    let last = members
        .iter()
        .filter_map(|&o| articles[o as usize].published)
        .max();
    let mut outlets: Vec<String> = Vec::new();
    for &o in &members {
        let name = articles[o as usize].outlet_name().to_string();
        if !outlets.contains(&name) {
            outlets.push(name);
        }
    }
    let mut ent: HashMap<(String, EntityKind), u32> = HashMap::new();
    let mut tags: HashMap<String, u32> = HashMap::new();
    for &o in &members {
        let a = &articles[o as usize];
        for e in &notes[o as usize].entities {
            if e.kind != EntityKind::Other {
                *ent.entry((e.name.clone(), e.kind)).or_default() += e.mentions;
            }
        }
        let mut seen = HashSet::new();
        for t in a.tags.iter().chain(a.category.iter()) {
            let t = t.trim().to_lowercase();
            if !t.is_empty() && seen.insert(t.clone()) {
                *tags.entry(t).or_default() += 1;
            }
        }
    }
    let mut entities: Vec<(String, EntityKind, u32)> =
        ent.into_iter().map(|((n, k), c)| (n, k, c)).collect();
    merge_people(&mut entities);
    entities.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, a.1).cmp(&(&b.0, b.1))));
    entities.truncate(12);
    let entity_keys = entities
        .iter()
        .map(|e| e.0.to_lowercase().replace('\n', " "))
        .collect::<Vec<_>>()
        .join("\n");
    let mut tags: Vec<(String, u32)> = tags.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    tags.truncate(12);
    Story {
        id,
        members,
        headline,
        lead_article,
        summary,
        summary_span,
        first,
        last,
        outlets,
        entities,
        tags,
        entity_keys,
    }
}

/// The start of a body, at most `max` bytes, cut at a char boundary.
pub fn lead(body: &str, max: usize) -> &str {
    if body.len() <= max {
        return body;
    }
    let mut end = max;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

/// The first one or two sentences of a body (two when the first is short), with their span,
/// read from its first 2,000 bytes.
fn summary_of(body: &str, notes: &Annotations) -> (String, Span) {
    let ss = &notes.sentences;
    let in_lead = ss
        .iter()
        .take_while(|s| (s.byte_start as usize) < SUMMARY_LEAD_BYTES);
    let Some(first) = in_lead
        .clone()
        .find(|s| text::has_words(s.text(body), 6))
        .or(ss.first())
    else {
        return (String::new(), Span::new(0, 0));
    };
    let mut span = first.span;
    if first.text(body).chars().count() < 120
        && let Some(next) = ss
            .iter()
            .find(|s| s.span.start >= first.span.end && s.paragraph == first.paragraph)
    {
        span.end = next.span.end;
    }
    (
        text::slice_chars(body, span.start, span.end).to_string(),
        span,
    )
}

/// For each member, the sentence least shared with the other members (its distinctive angle),
/// with its span: the sentence whose content words occur in the fewest other articles.
pub fn distinctive_angles(
    articles: &[Article],
    notes: &[Annotations],
    members: &[u32],
) -> Vec<Option<(Span, String)>> {
    let bags: Vec<HashSet<String>> = members
        .iter()
        .map(|&o| content_words(&articles[o as usize].body))
        .collect();
    let mut df: HashMap<&str, u32> = HashMap::new();
    for b in &bags {
        for w in b {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    members
        .iter()
        .zip(&bags)
        .map(|(&o, own)| {
            let a = &articles[o as usize];
            let others = (members.len() - 1).max(1) as f64;
            let mut best: Option<(f64, Span, String)> = None;
            for s in &notes[o as usize].sentences {
                let s = s.to_sentence(&a.body);
                let words = content_words(&s.text);
                if words.len() < 6 || text::word_count(&s.text) > 60 {
                    continue;
                }
                // Share of the sentence's words that other members also use. Counted in whole
                // numbers first: a float sum in a set's (random) order would differ between runs.
                let shared_count: u64 = words
                    .iter()
                    .map(|w| {
                        u64::from(
                            df.get(w.as_str())
                                .copied()
                                .unwrap_or(1)
                                .saturating_sub(u32::from(own.contains(w))),
                        )
                    })
                    .sum();
                let shared = shared_count as f64 / others / words.len() as f64;
                if best.as_ref().is_none_or(|b| shared < b.0) {
                    best = Some((shared, s.span, s.text));
                }
            }
            best.map(|(_, span, t)| (span, t))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::url_slug;

    #[test]
    fn url_slugs_are_the_wordiest_path_segment() {
        let cases = [
            (
                "http://www.example.com/business/money/la-fi-fed-plosser-stimulus-20140310,0,1312750.story?track=rss",
                "la-fi-fed-plosser-stimulus-20140310,0,1312750",
            ),
            (
                "https://example.org/2014/03/11/sac-capital-to-rename.html",
                "sac-capital-to-rename",
            ),
            (
                "https://example.org/news/144228_Justin_Bieber_Dirty_Dances",
                "144228_Justin_Bieber_Dirty_Dances",
            ),
            ("https://example.org/news/article", ""),
            ("https://the-big-news-site.example/", ""),
            ("https://example.org/a/b?q=some-long-query-words", ""),
            ("not a url", ""),
        ];
        for (url, slug) in cases {
            assert_eq!(url_slug(url), slug, "{url}");
        }
    }
}
