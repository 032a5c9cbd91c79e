//! How a story's people disagree and how each outlet covered it: per person their statements,
//! a one-line position in their own words and their relation to the story's claim (from the
//! contrast and agreement markers the articles use, "unclear" without them); per article its
//! quotes, the speakers only it quotes, the points only it has, the common points it leaves out,
//! and whether it rewrites or re-publishes an earlier article of the story.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::quotes::QuoteBook;
use super::{Story, content_words};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::{self, Sentence};
use crate::model::{Article, Span};

/// A person's relation to the story's claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Supports,
    Disputes,
    Other,
    Unclear,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Supports => "supports",
            Side::Disputes => "disputes",
            Side::Other => "other",
            Side::Unclear => "unclear",
        }
    }
}

/// One statement with its evidence.
#[derive(Clone, Debug)]
pub struct Statement {
    pub ord: u32,
    pub span: Span,
    pub text: String,
    pub kind: QuoteKind,
}

/// A person (or organisation) in the story.
#[derive(Clone, Debug)]
pub struct PersonView {
    pub name: String,
    pub role: Option<String>,
    pub outlets: Vec<String>,
    pub statements: Vec<Statement>,
    /// Their position in their own words: their longest direct statement (or a reported one).
    pub position: Option<Statement>,
    pub key_terms: Vec<String>,
    pub side: Side,
    /// The sentence that shows the side, when a marker decided it.
    pub evidence: Option<Statement>,
}

/// One article's coverage.
#[derive(Clone, Debug)]
pub struct OutletView {
    pub ord: u32,
    pub direct_quotes: u32,
    pub reported: u32,
    pub speakers: Vec<String>,
    pub speakers_only_here: Vec<String>,
    pub only_here: Vec<Statement>,
    pub leaves_out: Vec<Statement>,
    /// (earlier article it derives from, true for a near-verbatim re-publication)
    pub derives_from: Option<(u32, bool)>,
}

const DISPUTE: &[&str] = &[
    "by contrast",
    "in contrast",
    "contrasts sharply",
    "disagreed",
    "disagrees",
    "disputed",
    "disputes",
    "rejected",
    "rejects",
    "dismissed",
    "opposed",
    "opposes",
    "criticised",
    "criticized",
    "skeptical",
    "sceptical",
    "others say",
    "vow to fight",
    "vowed to fight",
    "warned",
    "cautioned",
    "doubted",
    "against the",
];
const SUPPORT: &[&str] = &[
    "agrees",
    "agreed",
    "echoed",
    "welcomed",
    "backed",
    "supports",
    "supported",
    "defended",
    "praised",
    "celebrated",
    "hailed",
    "best hope",
    "best chance",
];
const OTHER: &[&str] = &[
    "more nuanced",
    "mixed",
    "cautiously",
    "not yet convinced",
    "takes another view",
    "on the one hand",
];

fn marker(s: &str) -> Option<Side> {
    let l = s.to_lowercase();
    // "By contrast, X said the plan was the best hope": the contrast is with the other side, the
    // agreement marker says which side X is on, so agreement is read before dispute.
    if OTHER.iter().any(|m| l.contains(m)) {
        Some(Side::Other)
    } else if SUPPORT.iter().any(|m| l.contains(m)) {
        Some(Side::Supports)
    } else if DISPUTE.iter().any(|m| l.contains(m)) {
        Some(Side::Disputes)
    } else {
        None
    }
}

/// The people of a story and their sides.
pub fn people(articles: &[Article], story: &Story, book: &QuoteBook) -> Vec<PersonView> {
    let members: HashSet<u32> = story.members.iter().copied().collect();
    let canon: HashSet<u32> = story
        .members
        .iter()
        .copied()
        .filter(|&o| articles[o as usize].duplicate_of.is_none())
        .collect();
    let mut by: HashMap<String, PersonView> = HashMap::new();
    let mut sents: HashMap<u32, Vec<Sentence>> = HashMap::new();
    let mut votes: HashMap<String, Vec<(Side, Statement)>> = HashMap::new();
    for g in &book.quotes {
        let Some(name) = &g.speaker else { continue };
        for ap in g
            .appearances
            .iter()
            .filter(|a| members.contains(&a.ord) && canon.contains(&a.ord))
        {
            let a = &articles[ap.ord as usize];
            let first = ap.pieces.first().copied().unwrap_or(Span::new(0, 0));
            let last = ap.pieces.last().copied().unwrap_or(first);
            let st = Statement {
                ord: ap.ord,
                span: Span::new(first.start, last.end),
                text: g.text.clone(),
                kind: g.kind,
            };
            let p = by.entry(name.clone()).or_insert_with(|| PersonView {
                name: name.clone(),
                role: g.role.clone(),
                outlets: vec![],
                statements: vec![],
                position: None,
                key_terms: vec![],
                side: Side::Unclear,
                evidence: None,
            });
            let outlet = a.outlet_name().to_string();
            if !p.outlets.contains(&outlet) {
                p.outlets.push(outlet);
            }
            if p.role.is_none() {
                p.role = g.role.clone();
            }
            p.statements.push(st);
            // Markers in the sentence that carries the statement or its speaker, and the one before.
            let ss = sents
                .entry(ap.ord)
                .or_insert_with(|| sentences::split(&a.body));
            let at = ap.mention.map_or(first.start, |m| m.start);
            if let Some(k) = ss
                .iter()
                .position(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
            {
                for s in [Some(&ss[k]), k.checked_sub(1).map(|j| &ss[j])]
                    .into_iter()
                    .flatten()
                {
                    // The previous sentence counts only when it names the same person.
                    let own = std::ptr::eq(s, &ss[k]);
                    let surname = name.split_whitespace().last().unwrap_or(name);
                    if !own && !s.text.contains(surname) {
                        continue;
                    }
                    // Markers inside the quoted words are the speaker's own vocabulary, not the article's framing.
                    let outside: String = if own {
                        let mut t = s.text.clone();
                        t = t.replace(&g.text, " ");
                        t
                    } else {
                        s.text.clone()
                    };
                    if let Some(side) = marker(&outside) {
                        votes.entry(name.clone()).or_default().push((
                            side,
                            Statement {
                                ord: ap.ord,
                                span: s.span,
                                text: s.text.clone(),
                                kind: QuoteKind::Reported,
                            },
                        ));
                    }
                }
            }
        }
    }
    // Standalone sentences that name a person with a marker ("Okafor, by contrast, ...").
    for &o in &canon {
        let ss = sents
            .entry(o)
            .or_insert_with(|| sentences::split(&articles[o as usize].body));
        for s in ss.iter() {
            let Some(side) = marker(&s.text) else {
                continue;
            };
            for name in by.keys() {
                let surname = name.split_whitespace().last().unwrap_or(name);
                if s.text.contains(surname) && !s.text.contains('"') && !s.text.contains('“') {
                    votes.entry(name.clone()).or_default().push((
                        side,
                        Statement {
                            ord: o,
                            span: s.span,
                            text: s.text.clone(),
                            kind: QuoteKind::Reported,
                        },
                    ));
                }
            }
        }
    }
    let mut out: Vec<PersonView> = by
        .into_values()
        .map(|mut p| {
            p.statements.sort_by_key(|s| (s.ord, s.span.start));
            p.statements.dedup_by(|a, b| a.text == b.text);
            p.position = p
                .statements
                .iter()
                .filter(|s| s.kind == QuoteKind::Direct)
                .max_by_key(|s| s.text.len())
                .or_else(|| p.statements.first())
                .cloned();
            let mut tf: HashMap<String, u32> = HashMap::new();
            for s in &p.statements {
                for w in content_words(&s.text) {
                    *tf.entry(w).or_default() += 1;
                }
            }
            let mut terms: Vec<(String, u32)> = tf.into_iter().collect();
            terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            p.key_terms = terms.into_iter().take(5).map(|t| t.0).collect();
            if let Some(v) = votes.get(&p.name) {
                let count = |side: Side| v.iter().filter(|x| x.0 == side).count();
                let (s, d, o) = (
                    count(Side::Supports),
                    count(Side::Disputes),
                    count(Side::Other),
                );
                let side = if o > 0 && o >= s.max(d) {
                    Side::Other
                } else if d > s {
                    Side::Disputes
                } else if s > d {
                    Side::Supports
                } else {
                    Side::Unclear
                };
                p.side = side;
                p.evidence = v.iter().find(|x| x.0 == side).map(|x| x.1.clone());
            }
            p
        })
        .collect();
    out.sort_by(|a, b| {
        b.statements
            .len()
            .cmp(&a.statements.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let i = a.intersection(b).count() as f64;
    let u = (a.len() + b.len()) as f64 - i;
    if u == 0.0 { 0.0 } else { i / u }
}

/// How each article of the story covered it.
pub fn outlets(articles: &[Article], story: &Story, book: &QuoteBook) -> Vec<OutletView> {
    let members = &story.members;
    let sents: Vec<Vec<(Sentence, HashSet<String>)>> = members
        .iter()
        .map(|&o| {
            sentences::split(&articles[o as usize].body)
                .into_iter()
                .map(|s| {
                    let w = content_words(&s.text);
                    (s, w)
                })
                .filter(|(_, w)| w.len() >= 4)
                .collect()
        })
        .collect();
    // Best match of each sentence in each other article: a point is "the same" above this overlap.
    const SAME: f64 = 0.3;
    let covered = |i: usize, words: &HashSet<String>| -> bool {
        sents[i].iter().any(|(_, w)| jaccard(w, words) >= SAME)
    };
    // Speakers per article.
    let mut speakers: Vec<BTreeSet<String>> = vec![BTreeSet::new(); members.len()];
    let mut counts: Vec<(u32, u32)> = vec![(0, 0); members.len()];
    let pos: HashMap<u32, usize> = members.iter().enumerate().map(|(i, &o)| (o, i)).collect();
    for g in &book.quotes {
        for ap in &g.appearances {
            if let Some(&i) = pos.get(&ap.ord) {
                if g.kind == QuoteKind::Reported {
                    counts[i].1 += 1;
                } else if g.kind == QuoteKind::Direct {
                    counts[i].0 += 1;
                }
                if let Some(s) = &g.speaker {
                    speakers[i].insert(s.clone());
                }
            }
        }
    }
    let n = members.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let others: Vec<usize> = (0..n)
            .filter(|&j| j != i && articles[members[j] as usize].duplicate_of.is_none())
            .collect();
        let only_here: Vec<Statement> = sents[i]
            .iter()
            .filter(|(_, w)| !others.is_empty() && others.iter().all(|&j| !covered(j, w)))
            .take(3)
            .map(|(s, _)| Statement {
                ord: members[i],
                span: s.span,
                text: s.text.clone(),
                kind: QuoteKind::Reported,
            })
            .collect();
        // Points most other articles share that this one lacks (taken from the first article carrying them).
        let mut leaves_out = Vec::new();
        let mut seen: Vec<HashSet<String>> = Vec::new();
        for &j in &others {
            for (s, w) in &sents[j] {
                if leaves_out.len() >= 3 || seen.iter().any(|x| jaccard(x, w) >= SAME) {
                    continue;
                }
                let carriers = others.iter().filter(|&&k| k == j || covered(k, w)).count();
                if others.len() >= 2 && carriers * 2 > others.len() && !covered(i, w) {
                    seen.push(w.clone());
                    leaves_out.push(Statement {
                        ord: members[j],
                        span: s.span,
                        text: s.text.clone(),
                        kind: QuoteKind::Reported,
                    });
                }
            }
        }
        // Rewrite: most of its points, in order, match one earlier article.
        let a = &articles[members[i] as usize];
        let mut derives_from = a
            .duplicate_of
            .as_deref()
            .and_then(|c| members.iter().position(|&o| articles[o as usize].id == c))
            .map(|j| (members[j], true));
        if derives_from.is_none() && !sents[i].is_empty() {
            let mut best: Option<(f64, usize)> = None;
            for j in 0..i {
                let hits = sents[i]
                    .iter()
                    .filter(|(_, w)| sents[j].iter().any(|(_, x)| jaccard(w, x) >= 0.2))
                    .count();
                let share = hits as f64 / sents[i].len() as f64;
                if share >= 0.6 && best.is_none_or(|b| share > b.0) {
                    best = Some((share, j));
                }
            }
            derives_from = best.map(|(share, j)| (members[j], share > 0.95));
        }
        let only_speakers: Vec<String> = speakers[i]
            .iter()
            .filter(|s| others.iter().all(|&j| !speakers[j].contains(*s)))
            .cloned()
            .collect();
        out.push(OutletView {
            ord: members[i],
            direct_quotes: counts[i].0,
            reported: counts[i].1,
            speakers: speakers[i].iter().cloned().collect(),
            speakers_only_here: only_speakers,
            only_here,
            leaves_out,
            derives_from,
        });
    }
    out
}

/// Points that every or almost every article reports (from the first article that has them).
pub fn shared_points(articles: &[Article], story: &Story) -> Vec<Statement> {
    let canon: Vec<u32> = story
        .members
        .iter()
        .copied()
        .filter(|&o| articles[o as usize].duplicate_of.is_none())
        .collect();
    if canon.len() < 2 {
        return vec![];
    }
    let bags: Vec<Vec<HashSet<String>>> = canon
        .iter()
        .map(|&o| {
            sentences::split(&articles[o as usize].body)
                .iter()
                .map(|s| content_words(&s.text))
                .collect()
        })
        .collect();
    let first = canon[0];
    let mut out = Vec::new();
    for s in sentences::split(&articles[first as usize].body) {
        let w = content_words(&s.text);
        if w.len() < 4 {
            continue;
        }
        let carriers = bags
            .iter()
            .filter(|b| b.iter().any(|x| jaccard(x, &w) >= 0.3))
            .count();
        if carriers * 4 >= canon.len() * 3 {
            out.push(Statement {
                ord: first,
                span: s.span,
                text: s.text,
                kind: QuoteKind::Reported,
            });
        }
        if out.len() >= 5 {
            break;
        }
    }
    out
}
