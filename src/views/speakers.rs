//! A story's speakers as the stance rules see them, built from the quote book: each speaker's
//! statements with the sentence and verb of their attribution, a role (from the quote, the book or
//! an apposition), descriptions folded into the named speaker they stand for ("The
//! superintendent"), and the forms each one goes by in sentences.

use std::collections::{HashMap, HashSet};

use super::stance::{self, Speaker};
use super::statement::Statement;
use crate::analysis::sentences::Sentence;
use crate::model::{Article, Span};
use crate::stories::quotes::{Appearance, QuoteBook, QuoteGroup};
use crate::text;

/// The speakers quoted in a story's canonical members `canon` (with their sentences), in order of
/// first appearance, descriptions merged and forms set.
pub(super) fn story_speakers(
    articles: &[Article],
    canon: &[u32],
    sents: &HashMap<u32, Vec<Sentence>>,
    book: &QuoteBook,
) -> Vec<Speaker> {
    let mut speakers = quoted_speakers(articles, canon, sents, book);
    merge_descriptions(&mut speakers, sents);
    set_forms(&mut speakers, book);
    speakers
}

/// Every speaker of the story's quotes with their statements and attributions.
fn quoted_speakers(
    articles: &[Article],
    canon: &[u32],
    sents: &HashMap<u32, Vec<Sentence>>,
    book: &QuoteBook,
) -> Vec<Speaker> {
    let canon_set: HashSet<u32> = canon.iter().copied().collect();
    let sentence_of = |o: u32, at: usize| -> usize {
        sents.get(&o).map_or(0, |ss| {
            ss.iter()
                .position(|s| at < s.span.end)
                .unwrap_or(ss.len().saturating_sub(1))
        })
    };
    let mut order: Vec<String> = Vec::new();
    let mut by: HashMap<String, Speaker> = HashMap::new();
    for g in book.in_articles(canon_set.iter().copied()) {
        let Some(name) = &g.speaker else { continue };
        for ap in g.appearances.iter().filter(|a| canon_set.contains(&a.ord)) {
            let a = &articles[ap.ord as usize];
            let first = ap.pieces.first().copied().unwrap_or(Span::new(0, 0));
            let last = ap.pieces.last().copied().unwrap_or(first);
            let sp = by.entry(name.clone()).or_insert_with(|| {
                order.push(name.clone());
                Speaker {
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
                sp.role = better_role(sp.role.take(), g, ap, a, book);
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
    order.iter().filter_map(|n| by.remove(n)).collect()
}

/// A speaker's role when it has none or only a title: the quote's role, one the book knows, the
/// apposition after the name in this article, else the one it had.
fn better_role(
    had: Option<String>,
    g: &QuoteGroup,
    ap: &Appearance,
    a: &Article,
    book: &QuoteBook,
) -> Option<String> {
    let known = g
        .speaker
        .as_ref()
        .and_then(|name| book.speakers.get(name))
        .map(|i| i.roles.as_slice())
        .unwrap_or(&[]);
    g.role
        .iter()
        .chain(known)
        .find(|r| !bare_title(r))
        .cloned()
        .or_else(|| ap.mention.and_then(|m| appositive(&a.body, m.end)))
        .or(had)
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

/// The named speaker a description ("The superintendent", "The authority") stands for: an
/// organisation speaker of that name first, else the one person whose role is headed by that noun.
fn description_owner(speakers: &[Speaker], words: &[String]) -> Option<usize> {
    let head = stance::stem(words.last().map_or("", String::as_str));
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
    (owners.len() == 1 && head.len() >= 4 && words.len() <= 4).then(|| owners[0])
}

/// Delayed identification in a lead paragraph: the named speaker quoted within the next two
/// sentences after a description ("a former ByteDance engineer") is quoted there.
fn delayed_name(
    speakers: &[Speaker],
    sp: &Speaker,
    sents: &HashMap<u32, Vec<Sentence>>,
) -> Option<usize> {
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
            return Some(j);
        }
    }
    None
}

/// Folds a description into the named speaker it stands for: "The superintendent" when exactly one
/// speaker's role is a superintendent, and a lead's "a former ByteDance engineer" when a named
/// speaker is quoted within the next two sentences of that article (the delayed name of a lead).
fn merge_descriptions(speakers: &mut Vec<Speaker>, sents: &HashMap<u32, Vec<Sentence>>) {
    let mut into: Vec<Option<usize>> = vec![None; speakers.len()];
    for (i, sp) in speakers.iter().enumerate().filter(|(_, s)| s.group) {
        let words: Vec<String> = sp
            .name
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        into[i] = description_owner(speakers, &words).or_else(|| {
            matches!(words.first().map(String::as_str), Some("a" | "an"))
                .then(|| delayed_name(speakers, sp, sents))
                .flatten()
        });
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

/// Surface forms of every speaker, with "the <role noun>" when only one speaker has that noun.
fn set_forms(speakers: &mut [Speaker], book: &QuoteBook) {
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
}
