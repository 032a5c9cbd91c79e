//! How a story's people disagree and how each outlet covered it: per person their statements,
//! a one-line position in their own words and their relation to the story's claim (from the
//! contrast and agreement markers the articles use, "unclear" without them); per article its
//! quotes, the speakers only it quotes, the points only it has, the common points it leaves out,
//! and whether it rewrites or re-publishes an earlier article of the story.

use std::collections::{BTreeSet, HashMap, HashSet};

pub mod memo;
pub mod points;
pub mod stance;
pub mod statement;

use self::points::StoryPoints;
use self::stance::Claim;
pub use self::statement::{Side, Statement};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::{self, Sentence};
use crate::model::{Article, Span};
use crate::stories::quotes::QuoteBook;
use crate::stories::{Story, content_words};
use crate::text;

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
    /// The sentence that shows the side.
    pub evidence: Option<Statement>,
    /// The signal that decided the side, in words.
    pub reason: Option<String>,
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

/// The people side of a comparison: the claim, the named speakers with their sides, and the vague
/// group speakers ("Others", "other prominent industry figures") that hold no side of their own.
#[derive(Clone, Debug)]
pub struct PeopleViews {
    pub claim: Claim,
    pub people: Vec<PersonView>,
    /// Group or unnamed speakers with their statements (never placed on a side).
    pub groups: Vec<(String, Vec<Statement>)>,
}

/// The story's central claim (see [`stance::claim`]).
pub fn claim(articles: &[Article], story: &Story) -> Claim {
    let lead = &articles[story.lead_article as usize];
    let ss = sentences::split(&lead.body);
    stance::claim(lead, story.lead_article, &story.headline, &ss)
}

/// The people of a story, their statements and their sides on its claim.
pub fn people(articles: &[Article], story: &Story, book: &QuoteBook) -> PeopleViews {
    let canon: Vec<u32> = story
        .members
        .iter()
        .copied()
        .filter(|&o| articles[o as usize].duplicate_of.is_none())
        .collect();
    let canon_set: HashSet<u32> = canon.iter().copied().collect();
    let sents: HashMap<u32, Vec<Sentence>> = canon
        .iter()
        .map(|&o| (o, sentences::split(&articles[o as usize].body)))
        .collect();
    let sentence_of = |o: u32, at: usize| -> usize {
        sents.get(&o).map_or(0, |ss| {
            ss.iter()
                .position(|s| at < s.span.end)
                .unwrap_or(ss.len().saturating_sub(1))
        })
    };
    // Speakers in order of first appearance.
    let mut order: Vec<String> = Vec::new();
    let mut by: HashMap<String, stance::Speaker> = HashMap::new();
    for g in book.in_articles(canon_set.iter().copied()) {
        let Some(name) = &g.speaker else { continue };
        for ap in g.appearances.iter().filter(|a| canon_set.contains(&a.ord)) {
            let a = &articles[ap.ord as usize];
            let first = ap.pieces.first().copied().unwrap_or(Span::new(0, 0));
            let last = ap.pieces.last().copied().unwrap_or(first);
            let sp = by.entry(name.clone()).or_insert_with(|| {
                order.push(name.clone());
                stance::Speaker {
                    name: name.clone(),
                    role: None,
                    is_org: g.is_org,
                    group: stance::is_vague(name),
                    forms: vec![],
                    statements: vec![],
                    cues: vec![],
                }
            });
            if sp.role.as_deref().is_none_or(bare_title) {
                let known = book
                    .speakers
                    .get(name)
                    .map(|i| i.roles.as_slice())
                    .unwrap_or(&[]);
                sp.role = g
                    .role
                    .iter()
                    .chain(known)
                    .find(|r| !bare_title(r))
                    .cloned()
                    .or_else(|| ap.mention.and_then(|m| appositive(&a.body, m.end)))
                    .or_else(|| sp.role.clone());
            }
            let at = ap.mention.map_or(first.start, |m| m.start);
            let cue = ap
                .cue
                .map(|c| text::slice_chars(&a.body, c.start, c.end).to_lowercase());
            sp.statements.push(Statement {
                ord: ap.ord,
                span: Span::new(first.start, last.end),
                text: g.text.clone(),
                kind: g.kind,
            });
            sp.cues.push((ap.ord, sentence_of(ap.ord, at), cue));
        }
    }
    let mut speakers: Vec<stance::Speaker> = order.iter().filter_map(|n| by.remove(n)).collect();
    merge_descriptions(&mut speakers, &sents);
    // Surface forms, with "the <role noun>" when only one speaker has that noun.
    let mut noun_owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, sp) in speakers.iter().enumerate().filter(|(_, s)| !s.group) {
        let mut nouns: Vec<String> = sp
            .role
            .as_deref()
            .map(stance::role_nouns)
            .unwrap_or_default();
        if sp.is_org
            && let Some(w) = sp.name.split_whitespace().last()
        {
            nouns.push(w.to_lowercase());
        }
        nouns.dedup();
        for w in nouns {
            noun_owners.entry(w).or_default().push(i);
        }
    }
    for (i, sp) in speakers.iter_mut().enumerate() {
        let aliases: Vec<String> = book
            .speakers
            .get(&sp.name)
            .map(|s| s.aliases.iter().cloned().collect())
            .unwrap_or_default();
        sp.forms = if sp.group {
            vec![text::fold_marks(&sp.name).to_lowercase()]
        } else {
            stance::forms(&sp.name, sp.is_org, &aliases)
        };
        for (w, owners) in &noun_owners {
            if owners == &[i] {
                sp.forms.push(format!("the {w}"));
            }
        }
    }
    let claim = claim(articles, story);
    let (placed, _why) = stance::place(articles, &canon, &sents, &claim, &speakers);
    let mut groups = Vec::new();
    let mut out: Vec<PersonView> = Vec::new();
    for (sp, pl) in speakers.into_iter().zip(placed) {
        let mut statements = sp.statements;
        statements.sort_by_key(|s| (s.ord, s.span.start));
        statements.dedup_by(|a, b| a.text == b.text);
        if sp.group {
            groups.push((sp.name, statements));
            continue;
        }
        let mut outlets: Vec<String> = Vec::new();
        for s in &statements {
            let o = articles[s.ord as usize].outlet_name().to_string();
            if !outlets.contains(&o) {
                outlets.push(o);
            }
        }
        let position = statements
            .iter()
            .filter(|s| s.kind == QuoteKind::Direct)
            .max_by_key(|s| s.text.len())
            .or_else(|| statements.first())
            .cloned();
        let mut tf: HashMap<String, u32> = HashMap::new();
        for s in &statements {
            for w in content_words(&s.text) {
                *tf.entry(w).or_default() += 1;
            }
        }
        let mut terms: Vec<(String, u32)> = tf.into_iter().collect();
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out.push(PersonView {
            name: sp.name,
            role: sp.role,
            outlets,
            statements,
            position,
            key_terms: terms.into_iter().take(5).map(|t| t.0).collect(),
            side: pl.side,
            evidence: pl.evidence,
            reason: pl.reason,
        });
    }
    out.sort_by(|a, b| {
        b.statements
            .len()
            .cmp(&a.statements.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    PeopleViews {
        claim,
        people: out,
        groups,
    }
}

/// A role that is only a title ("Dr", "Prof."): says nothing about the speaker's part in the story.
fn bare_title(r: &str) -> bool {
    let l = r.trim_end_matches('.').to_lowercase();
    matches!(
        l.as_str(),
        "dr" | "prof" | "mr" | "mrs" | "ms" | "miss" | "sir" | "dame" | "lord" | "lady" | "rev"
    )
}

/// The role in an apposition after a speaker's name: ", presiding judge of the regional appeals
/// court." (lower-case start, at most twelve words, up to the next comma or sentence end).
fn appositive(body: &str, name_end: usize) -> Option<String> {
    let after: String = body.chars().skip(name_end).take(160).collect();
    let rest = after.strip_prefix(", ")?;
    if !rest.chars().next().is_some_and(char::is_lowercase) {
        return None;
    }
    let end = rest.find([',', '.', ';', '\n', '"', '”'])?;
    let role = rest[..end].trim();
    let words = role.split_whitespace().count();
    let verbish = role
        .split_whitespace()
        .next()
        .is_some_and(|w| ["said", "says", "told", "added", "who", "which", "and"].contains(&w));
    ((2..=12).contains(&words) && !verbish).then(|| role.to_string())
}

/// Folds a description into the named speaker it stands for: "The superintendent" when exactly one
/// speaker's role is a superintendent, and a lead's "a former ByteDance engineer" when a named
/// speaker is quoted within the next two sentences of that article (the delayed name of a lead).
fn merge_descriptions(speakers: &mut Vec<stance::Speaker>, sents: &HashMap<u32, Vec<Sentence>>) {
    let mut into: Vec<Option<usize>> = vec![None; speakers.len()];
    for (i, sp) in speakers.iter().enumerate().filter(|(_, s)| s.group) {
        let words: Vec<String> = sp
            .name
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        let head = stance::stem(words.last().map_or("", String::as_str));
        // "The authority": an organisation speaker of that name first, else the one person whose
        // role is headed by that noun ("The superintendent", "researchers").
        let orgs: Vec<usize> = speakers
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.group && o.is_org)
            .filter(|(_, o)| {
                o.name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| stance::stem(w) == head)
            })
            .map(|(j, _)| j)
            .collect();
        let owners: Vec<usize> = if orgs.is_empty() {
            speakers
                .iter()
                .enumerate()
                .filter(|(_, o)| !o.group && !o.is_org)
                .filter(|(_, o)| {
                    o.role.as_deref().is_some_and(|r| {
                        stance::role_nouns(r)
                            .first()
                            .is_some_and(|n| stance::stems_match(&stance::stem(n), &head))
                    })
                })
                .map(|(j, _)| j)
                .collect()
        } else {
            orgs
        };
        if owners.len() == 1 && head.len() >= 4 && words.len() <= 4 {
            into[i] = Some(owners[0]);
            continue;
        }
        if !matches!(words.first().map(String::as_str), Some("a" | "an")) {
            continue;
        }
        // Delayed identification in a lead paragraph.
        for &(o, k, _) in &sp.cues {
            let Some(ss) = sents.get(&o) else { continue };
            if ss.get(k).is_none_or(|s| s.paragraph != 0) {
                continue;
            }
            let next = speakers
                .iter()
                .enumerate()
                .filter(|(_, x)| !x.group)
                .filter_map(|(j, x)| {
                    x.cues
                        .iter()
                        .filter(|c| c.0 == o && c.1 > k && c.1 <= k + 2)
                        .map(|c| c.1)
                        .min()
                        .map(|at| (at, j))
                })
                .min();
            if let Some((_, j)) = next {
                into[i] = Some(j);
                break;
            }
        }
    }
    for i in (0..speakers.len()).rev() {
        if let Some(j) = into[i] {
            let sp = speakers.remove(i);
            let target = &mut speakers[if j > i { j - 1 } else { j }];
            target.statements.extend(sp.statements);
            target.cues.extend(sp.cues);
            target.forms.push(sp.name.to_lowercase());
            // Keep indices of later merges right.
            for t in into.iter_mut().flatten() {
                if *t > i {
                    *t -= 1;
                }
            }
        }
    }
}

/// How each article of the story covered it.
pub fn outlets(articles: &[Article], story: &Story, book: &QuoteBook) -> Vec<OutletView> {
    let members = &story.members;
    let n = members.len();
    let sp = StoryPoints::build(articles, members);
    let canon: Vec<bool> = members
        .iter()
        .map(|&o| articles[o as usize].duplicate_of.is_none())
        .collect();
    // Speakers and quote counts per article.
    let mut speakers: Vec<BTreeSet<String>> = vec![BTreeSet::new(); n];
    let mut counts: Vec<(u32, u32)> = vec![(0, 0); n];
    let pos: HashMap<u32, usize> = members.iter().enumerate().map(|(i, &o)| (o, i)).collect();
    for g in book.in_articles(members.iter().copied()) {
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
    // Re-publications and rewrites: most of an article's points, in order, are an earlier one's.
    let mut derives: Vec<Option<(usize, bool)>> = vec![None; n];
    // Points matched by a rewrite alignment (both directions): paraphrases count as shared.
    let mut aligned: Vec<Vec<Vec<bool>>> = sp
        .points
        .iter()
        .map(|p| vec![Vec::new(); p.len()])
        .collect();
    for i in 0..n {
        let a = &articles[members[i] as usize];
        if let Some(j) = a
            .duplicate_of
            .as_deref()
            .and_then(|c| members.iter().position(|&o| articles[o as usize].id == c))
        {
            derives[i] = Some((j, true));
            continue;
        }
        let np = sp.points[i].len();
        if np < 3 {
            continue;
        }
        let share = |j: usize, at: f32| {
            (0..np).filter(|&p| sp.best(i, p, j) >= at).count() as f64 / np as f64
        };
        let Some((j, s)) = (0..i)
            .filter(|&j| canon[j])
            .map(|j| (j, share(j, 0.2)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
        else {
            continue;
        };
        if s >= 0.25 {
            let al = sp.align(i, j);
            if al.verbatim * 10 >= np * 9 {
                // Nearly every point word for word and in the same order.
                derives[i] = Some((j, true));
            } else if al.is_rewrite() {
                derives[i] = Some((j, false));
                for (p, m) in al.mine.into_iter().enumerate() {
                    aligned[i][p].push(m);
                }
                for (q, t) in al.theirs.into_iter().enumerate() {
                    if t {
                        aligned[j][q].push(true);
                    }
                }
            }
        }
    }
    let paraphrased = |i: usize, p: usize| aligned[i][p].iter().any(|&x| x);
    // Per point: when its member is the first (canonical) one to make it, how many canonical
    // members make it.
    let first_carriers: Vec<Vec<Option<usize>>> = (0..n)
        .map(|j| {
            (0..sp.points[j].len())
                .map(|t| {
                    let first = !(0..j).any(|k| canon[k] && sp.covered(j, t, k));
                    first.then(|| {
                        1 + (0..n)
                            .filter(|&k| k != j && canon[k] && sp.covered(j, t, k))
                            .count()
                    })
                })
                .collect()
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let others: Vec<usize> = (0..n).filter(|&j| j != i && canon[j]).collect();
        let pts = &sp.points[i];
        // Points no other article makes, the most novel first.
        let mut only: Vec<usize> = (0..pts.len())
            .filter(|&p| {
                !others.is_empty()
                    && !paraphrased(i, p)
                    && others.iter().all(|&j| !sp.covered(i, p, j))
            })
            .collect();
        only.sort_by_key(|&p| {
            (
                std::cmp::Reverse(pts[p].novel_names),
                std::cmp::Reverse(pts[p].novel),
                p,
            )
        });
        let only_here = only
            .into_iter()
            .take(10)
            .map(|p| point_statement(members[i], &pts[p].sentence))
            .collect();
        // Points most other articles make that this one leaves out (each from its first carrier).
        let mut leaves_out = Vec::new();
        if others.len() >= 2 {
            'outer: for &j in &others {
                for (t, pt) in sp.points[j].iter().enumerate() {
                    if leaves_out.len() >= 10 {
                        break 'outer;
                    }
                    // Not the first carrier of this point.
                    let Some(carriers) = first_carriers[j][t] else {
                        continue;
                    };
                    // (Member i is not among the carriers: the point must not be covered by it.)
                    if carriers * 2 > others.len()
                        && !sp.covered(j, t, i)
                        && !(derives[i].is_some_and(|d| d.0 == j) && paraphrased(j, t))
                    {
                        leaves_out.push(point_statement(members[j], &pt.sentence));
                    }
                }
            }
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
            derives_from: derives[i].map(|(j, copy)| (members[j], copy)),
        });
    }
    out
}

fn point_statement(ord: u32, s: &Sentence) -> Statement {
    Statement {
        ord,
        span: s.span,
        text: s.text.clone(),
        kind: QuoteKind::Reported,
    }
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
    let sp = StoryPoints::build(articles, &canon);
    let mut out = Vec::new();
    for (p, pt) in sp.points[0].iter().enumerate() {
        let carriers = 1 + (1..canon.len()).filter(|&j| sp.covered(0, p, j)).count();
        if carriers * 4 >= canon.len() * 3 {
            out.push(point_statement(canon[0], &pt.sentence));
        }
        if out.len() >= 10 {
            break;
        }
    }
    out
}
