//! Stance: a story's central claim (from its headline and lead) and each speaker's relation to it
//! (supports, disputes, other, or unclear), read from the signals the articles themselves give:
//! who holds the claim, who made the decision a story reports, headlines that say who welcomes or
//! fights it, the article's own markers ("by contrast", "disagreed", "echoed", "welcomed", "a more
//! nuanced view"), frames set by group sentences ("Others say ...", "X's view contrasts sharply
//! with ..."), and the polarity of each speaker's statements (with negation) against the claim.
//! Markers that relate two speakers become same/opposite edges; sides flow along them from the
//! speakers placed directly. Without enough evidence the side is "unclear".

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::statement::{Side, Statement};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::Sentence;
use crate::model::{Article, Span};
use crate::stories::content_words;
use crate::text;

mod claim;
mod lexicon;
mod names;
mod votes;
mod words;

pub use claim::claim;
use lexicon::*;
use names::*;
pub use names::{forms, is_vague, role_nouns};
use votes::*;
use words::*;
pub use words::{polarity, statement_key, stem, stems_match};

/// The story's central claim.
#[derive(Clone, Debug)]
pub struct Claim {
    /// The claim in short: the headline's reported clause ("X says <claim>"), else the lead sentence.
    pub text: String,
    /// True when `text` comes from the headline (then `evidence` is the body sentence that states it).
    pub from_headline: bool,
    /// Who the headline or lead attributes the claim to ("A former ByteDance engineer"), if anyone.
    pub holder: Option<String>,
    /// An attributed or evaluative claim ("X says Y", "Y, study finds") rather than an event
    /// ("council approves plan"), where the claim is that the decision is right.
    pub assertion: bool,
    /// +1, or -1 for a claim worded negatively ("far behind", "collapsing"): statements are read
    /// against it.
    pub polarity: i32,
    /// For an event: the noun phrase that acts in the lead sentence ("The Velan Harbor Authority").
    pub actor: Option<String>,
    /// The body sentence that states it, verbatim with its span.
    pub evidence: Statement,
}

// ------------------------------------------------------------------------------------------------
// Speakers and sides

/// One speaker (a named person or organisation, or a vague group like "Others") as the stance
/// rules see it.
#[derive(Clone, Debug)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub is_org: bool,
    /// A vague group ("Others", "critics"): takes part in frames, never gets a side of its own.
    pub group: bool,
    /// Lower-case surface forms to look for in sentences (name, surname, aliases, "the minister").
    pub forms: Vec<String>,
    pub statements: Vec<Statement>,
    /// (article, sentence index) of each statement's attribution, with its cue verb if known.
    pub cues: Vec<(u32, usize, Option<String>)>,
}

/// A side with its evidence.
#[derive(Clone, Debug)]
pub struct Placement {
    pub side: Side,
    pub evidence: Option<Statement>,
    /// Which signal decided it, in words.
    pub reason: Option<String>,
}

/// Places every speaker of a story relative to its claim.
pub fn place(
    articles: &[Article],
    canon: &[u32],
    sents: &HashMap<u32, Vec<Sentence>>,
    claim: &Claim,
    speakers: &[Speaker],
) -> Vec<Placement> {
    let n = speakers.len();
    let mut votes: Vec<Vec<Vote>> = vec![Vec::new(); n];
    let mut edges: Vec<Edge> = Vec::new();
    // Pseudo-speakers for frames set by group sentences without a speaker of their own.
    let mut extra: Vec<Vec<Vote>> = Vec::new();
    let named = |p: usize| !speakers[p].group;

    let role_stems = |p: usize| -> Vec<String> {
        let sp = &speakers[p];
        let mut v: Vec<String> = sp
            .role
            .iter()
            .flat_map(|r| r.split_whitespace().map(stem).collect::<Vec<_>>())
            .collect();
        if sp.is_org {
            v.extend(sp.name.split_whitespace().map(stem));
        }
        v
    };
    let matches_np = |np: &str| -> Vec<usize> {
        let heads = np_heads(np);
        if heads.is_empty() {
            return vec![];
        }
        let lnp = np.to_lowercase();
        (0..n)
            .filter(|&p| named(p))
            .filter(|&p| {
                speakers[p]
                    .forms
                    .iter()
                    .any(|f| find_words(&lnp, f).len() == 1 && f.len() > 3)
                    || role_stems(p)
                        .iter()
                        .any(|r| heads.iter().any(|h| stems_match(h, r)))
            })
            .collect()
    };

    // 1. Who holds the claim, who acts in the lead.
    if let Some(h) = &claim.holder {
        let lh = h.to_lowercase();
        let mut who: Vec<usize> = (0..n)
            .filter(|&p| speakers[p].forms.contains(&lh) || speakers[p].name.to_lowercase() == lh)
            .collect();
        if who.is_empty() {
            who = matches_np(h);
        }
        for p in who {
            votes[p].push(Vote {
                side: Side::Supports,
                weight: 4.0,
                why: format!("holds the claim (\"{h}\" in the headline)"),
                evidence: claim.evidence.clone(),
            });
        }
    }
    if claim.assertion {
        // Speakers whose statement is the claim's evidence sentence.
        for (p, sp) in speakers.iter().enumerate() {
            if sp.statements.iter().any(|s| {
                s.ord == claim.evidence.ord
                    && s.span.start >= claim.evidence.span.start
                    && s.span.start < claim.evidence.span.end
            }) && polarity(&claim.evidence.text).signum() * claim.polarity >= 0
            {
                votes[p].push(Vote {
                    side: Side::Supports,
                    weight: 3.0,
                    why: "states the claim in the lead".into(),
                    evidence: claim.evidence.clone(),
                });
            }
        }
    }
    if let Some(actor) = claim.actor.as_deref().filter(|_| !claim.assertion) {
        let lead_out = outside_quotes(&claim.evidence.text).to_lowercase();
        let protest = ABS_DISPUTE
            .iter()
            .any(|m| !find_words(&lead_out, m).is_empty());
        let arbiter = |p: usize| {
            let r = speakers[p].role.as_deref().unwrap_or("").to_lowercase();
            ARBITERS.iter().any(|a| !find_words(&r, a).is_empty())
                || np_heads(actor)
                    .iter()
                    .any(|h| ARBITERS.contains(&h.as_str()))
        };
        for p in matches_np(actor) {
            let (side, why) = if arbiter(p) {
                (
                    Side::Other,
                    format!("rules on the matter (\"{actor}\" in the lead)"),
                )
            } else if protest {
                (
                    Side::Disputes,
                    format!("acts against it in the lead (\"{actor}\")"),
                )
            } else {
                (
                    Side::Supports,
                    format!("made the decision (\"{actor}\" in the lead)"),
                )
            };
            votes[p].push(Vote {
                side,
                weight: 2.5,
                why,
                evidence: claim.evidence.clone(),
            });
        }
    }

    // 2. Headlines: "Campaigners vow to fight ...", "Fishers cautiously accept ...".
    for &o in canon {
        let a = &articles[o as usize];
        let Some(title) = a.title.as_deref() else {
            continue;
        };
        let ev = sents
            .get(&o)
            .and_then(|s| s.first())
            .map(|s| sentence_stmt(o, s));
        let Some(ev) = ev else { continue };
        for clause in title.split([';', ':']).flat_map(|c| {
            c.split(" as ")
                .flat_map(|c| c.split(", but "))
                .flat_map(|c| c.split(" after "))
                .map(str::to_string)
                .collect::<Vec<_>>()
        }) {
            // The subject is everything before the first stance or reporting verb.
            let cw: Vec<&str> = clause.split_whitespace().collect();
            let clean = |w: &str| {
                text::fold_marks(w)
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            };
            let Some(vi) = (1..cw.len()).find(|&i| {
                let w = clean(cw[i]);
                HEADLINE_SUPPORT.contains(&w.as_str())
                    || HEADLINE_DISPUTE.contains(&w.as_str())
                    || HEADLINE_OTHER.contains(&w.as_str())
                    || REPORTING.contains(&w.as_str())
                    || (w == "line" || w == "push")
                        && cw
                            .get(i + 1)
                            .is_some_and(|n| clean(n) == "up" || clean(n) == "back")
            }) else {
                continue;
            };
            let np = cw[..vi].join(" ");
            let rest = cw[vi..].join(" ").to_lowercase();
            let rw: Vec<String> = tokens(&rest);
            let Some(verb) = rw.first() else { continue };
            let side = if rw
                .iter()
                .take(2)
                .any(|w| HEADLINE_OTHER.contains(&w.as_str()))
            {
                Some(Side::Other)
            } else if HEADLINE_SUPPORT.contains(&verb.as_str()) {
                Some(Side::Supports)
            } else if HEADLINE_DISPUTE.contains(&verb.as_str())
                || rest.contains("line up against")
                || rest.contains("push back")
            {
                Some(Side::Disputes)
            } else if REPORTING.contains(&verb.as_str()) && !claim.assertion {
                let p = polarity(&rest[verb.len()..]);
                (p != 0).then(|| {
                    if p * claim.polarity > 0 {
                        Side::Supports
                    } else {
                        Side::Disputes
                    }
                })
            } else {
                None
            };
            if let Some(side) = side {
                for p in matches_np(&np) {
                    votes[p].push(Vote {
                        side,
                        weight: 2.0,
                        why: format!("headline \"{title}\""),
                        evidence: ev.clone(),
                    });
                }
            }
        }
    }

    // Speaking for an organisation: a person whose role names an organisation speaker of the story
    // ("chief executive of Glassmere Developments" and "Glassmere") stands with it.
    for p in (0..n).filter(|&p| named(p) && !speakers[p].is_org) {
        let Some(role) = speakers[p].role.as_deref() else {
            continue;
        };
        let lr = text::fold_marks(role).to_lowercase();
        for q in (0..n).filter(|&q| named(q) && speakers[q].is_org && q != p) {
            let org = speakers[q].name.to_lowercase();
            let ow: Vec<&str> = org.split_whitespace().collect();
            // The full name, its tail ("Harbor Authority"), or a one-word name ("Glassmere").
            let tail = if ow.len() >= 3 {
                ow[1..].join(" ")
            } else {
                org.clone()
            };
            let first = if ow.len() == 1 { ow[0] } else { "" };
            let first_in_role = first.len() >= 4 && !find_words(&lr, first).is_empty();
            if !find_words(&lr, &org).is_empty()
                || !find_words(&lr, &tail).is_empty()
                || first_in_role
            {
                edges.push(Edge {
                    a: p,
                    b: q,
                    rel: Rel::Same,
                    weight: 2.0,
                    why: format!("speaks for {}", speakers[q].name),
                    evidence: speakers[p]
                        .statements
                        .first()
                        .cloned()
                        .unwrap_or_else(|| claim.evidence.clone()),
                });
            }
        }
    }

    // 3. Statements: polarity against the claim, weighing both sides, hedging.
    for (p, sp) in speakers.iter().enumerate() {
        // One vote per statement however many outlets carry it; the most telling attribution verb.
        let mut seen: Vec<String> = Vec::new();
        let mut pol_weight = [0f32; 2];
        let keys: Vec<String> = sp
            .statements
            .iter()
            .map(|s| statement_key(&s.text))
            .collect();
        for (i, st) in sp.statements.iter().enumerate() {
            let key = &keys[i];
            if seen.contains(key) {
                continue;
            }
            seen.push(key.clone());
            let cue = (i..sp.statements.len())
                .filter(|&j| &keys[j] == key)
                .filter_map(|j| sp.cues.get(j).and_then(|c| c.2.as_deref()))
                .map(|c| (stance_cue(c), c))
                .max_by_key(|(v, _)| v.abs())
                .map_or(0, |(v, _)| v);
            let (side, w, why) = if hedged(&st.text) {
                (Side::Other, 1.5, "withholds judgement")
            } else if ambivalent(&st.text) {
                (Side::Other, 1.0, "weighs both sides")
            } else {
                let mut pol = polarity(&st.text);
                if pol == 0 {
                    pol = cue;
                }
                if pol == 0 {
                    continue;
                }
                let side = if pol.signum() * claim.polarity > 0 {
                    Side::Supports
                } else {
                    Side::Disputes
                };
                (side, 0.75, "what they say")
            };
            if side != Side::Other {
                let k = idx(side);
                if pol_weight[k] >= 3.0 {
                    continue;
                }
                pol_weight[k] += w;
            }
            votes[p].push(Vote {
                side,
                weight: w,
                why: why.into(),
                evidence: st.clone(),
            });
        }
    }

    // 4. The articles' markers, sentence by sentence.
    let forms = SpeakerForms::new(speakers);
    for &o in canon {
        let Some(ss) = sents.get(&o) else { continue };
        let lower: Vec<String> = ss
            .iter()
            .map(|s| outside_quotes(&s.text).to_lowercase())
            .collect();
        let ms = mentions(o, ss, &lower, speakers, &forms);
        // Frame from a group sentence: (group node, first sentence, paragraph scope, the speaker
        // it is set against).
        let mut frame: Option<(usize, usize, u32, Option<usize>)> = None;
        let mut frame_why = (String::new(), None::<Statement>);
        for (k, s) in ss.iter().enumerate() {
            let l = &lower[k];
            let here: Vec<(usize, usize)> = ms
                .iter()
                .filter(|m| m.0 == k)
                .map(|m| (m.1 - s.span.start, m.2))
                .collect();
            let first_word = l
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            // A frame ends at the next paragraph after its scope, or at a turn ("Meanwhile, ...").
            if let Some((_, from, para, _)) = frame
                && (k > from && FRAME_BREAKS.contains(&first_word) || s.paragraph > para)
            {
                frame = None;
            }
            if let Some((g, from, _, reference)) = frame
                && k >= from
            {
                for &(_, p) in &here {
                    if named(p) && Some(p) != reference {
                        edges.push(Edge {
                            a: p,
                            b: g,
                            rel: Rel::Same,
                            weight: 2.5,
                            why: frame_why.0.clone(),
                            evidence: frame_why.1.clone().unwrap_or_else(|| sentence_stmt(o, s)),
                        });
                    }
                }
            }
            let found = |list: &[&str], set: &Phrases| -> Vec<(usize, String)> {
                set.find_by_phrase(l)
                    .into_iter()
                    .map(|(i, m)| (l[..i].chars().count(), list[m].to_string()))
                    .collect()
            };
            let rel_opp = found(REL_OPPOSITE, &MARKERS[0]);
            let rel_same = found(REL_SAME, &MARKERS[1]);
            let abs_sup = found(ABS_SUPPORT, &MARKERS[2]);
            let abs_dis = found(ABS_DISPUTE, &MARKERS[3]);
            let abs_oth = found(ABS_OTHER, &MARKERS[4]);
            let any = !(rel_opp.is_empty()
                && rel_same.is_empty()
                && abs_sup.is_empty()
                && abs_dis.is_empty()
                && abs_oth.is_empty());
            let group_word = GROUP_DISPUTE
                .iter()
                .chain(GROUP_SUPPORT)
                .any(|g| first_word == *g);
            if !any && !group_word {
                continue;
            }
            let named_here: Vec<(usize, usize)> =
                here.iter().copied().filter(|&(_, p)| named(p)).collect();
            // The subject of a marker: the named speaker mentioned closest before it, else first after.
            let subject = |at: usize| -> Option<(usize, usize)> {
                named_here
                    .iter()
                    .rev()
                    .find(|m| m.0 <= at)
                    .or_else(|| named_here.iter().find(|m| m.0 > at))
                    .copied()
            };
            // The previous speaker: the last one whose statement the article attributed before
            // this sentence (a name inside someone else's reported words does not count).
            let prev_speaker = |not: usize| -> Option<usize> {
                speakers
                    .iter()
                    .enumerate()
                    .filter(|&(p, _)| p != not)
                    .filter_map(|(p, sp)| {
                        sp.cues
                            .iter()
                            .filter(|c| c.0 == o && c.1 < k)
                            .map(|c| c.1)
                            .max()
                            .map(|at| (at, p))
                    })
                    .max()
                    .map(|x| x.1)
            };
            // Reference of a "X's view contrasts sharply with ..." sentence: a named speaker before
            // the marker, nobody named after it.
            let possessive_ref = rel_opp.iter().find_map(|(at, m)| {
                (m.starts_with("contrasts") || m.contains("contrast"))
                    .then(|| named_here.iter().rev().find(|x| x.0 < *at))
                    .flatten()
                    .filter(|_| !named_here.iter().any(|x| x.0 > *at))
                    .filter(|x| {
                        let after: String = s.text.chars().skip(x.0).take(60).collect();
                        after.contains("'s ") || after.contains("’s ")
                    })
                    .map(|x| x.1)
            });
            let ev = sentence_stmt(o, s);
            // A group speaker whose statement is attributed in this very sentence ("Others say ...").
            let gnode = speakers
                .iter()
                .position(|sp| sp.group && sp.cues.iter().any(|c| c.0 == o && c.1 == k));
            let about_group =
                gnode.is_some() || GROUP_WORDS.iter().any(|w| !find_words(l, w).is_empty());
            if named_here.is_empty() && !about_group {
                // Markers about things, not people ("Chinese models, by contrast, ...").
                continue;
            }
            if named_here.is_empty() || possessive_ref.is_some() {
                // A group sentence: it frames the speakers that follow.
                let g = match gnode {
                    Some(g) => g,
                    None => {
                        extra.push(Vec::new());
                        n + extra.len() - 1
                    }
                };
                let mut placed = false;
                let mut add_abs = |side: Side, w: f32, why: String| {
                    let v = Vote {
                        side,
                        weight: w,
                        why,
                        evidence: ev.clone(),
                    };
                    if g < n {
                        votes[g].push(v);
                    } else {
                        extra[g - n].push(v);
                    }
                };
                if !abs_oth.is_empty() {
                    add_abs(Side::Other, 3.0, "a more nuanced view".into());
                    placed = true;
                } else if GROUP_DISPUTE.contains(&first_word) {
                    add_abs(Side::Disputes, 2.0, "critics".into());
                    placed = true;
                } else if GROUP_SUPPORT.contains(&first_word) {
                    add_abs(Side::Supports, 2.0, "supporters".into());
                    placed = true;
                }
                let mut reference = None;
                if !rel_opp.is_empty() {
                    reference = possessive_ref.or_else(|| prev_speaker(g));
                    if let Some(r) = reference {
                        edges.push(Edge {
                            a: g,
                            b: r,
                            rel: Rel::Opposite,
                            weight: 3.0,
                            why: format!("set against {} by the article", speakers[r].name),
                            evidence: ev.clone(),
                        });
                        placed = true;
                    }
                }
                if gnode.is_none() && !placed {
                    // Nothing to frame with (e.g. "Chinese models, by contrast, ...").
                    extra.pop();
                    continue;
                }
                // Scope: the rest of this paragraph, or the next one when a contrast or "more
                // nuanced" sentence ends it (a sub-heading, or a sentence introducing the next).
                let last_in_para = ss.get(k + 1).is_none_or(|x| x.paragraph != s.paragraph);
                let introduces = !rel_opp.is_empty() || !abs_oth.is_empty();
                let para = if last_in_para && introduces {
                    s.paragraph + 1
                } else {
                    s.paragraph
                };
                frame = Some((g, k + 1, para, reference));
                let label = if !abs_oth.is_empty() {
                    "among those the article says take a more nuanced view".to_string()
                } else if let Some(r) = reference {
                    format!("among those the article sets against {}", speakers[r].name)
                } else {
                    "among the group the article introduces".to_string()
                };
                frame_why = (label, Some(ev.clone()));
                continue;
            }
            for (at, m) in &abs_sup {
                if let Some((_, p)) = subject(*at) {
                    votes[p].push(Vote {
                        side: Side::Supports,
                        weight: 2.5,
                        why: format!("\"{m}\""),
                        evidence: ev.clone(),
                    });
                }
            }
            for (at, m) in &abs_dis {
                if let Some((_, p)) = subject(*at) {
                    votes[p].push(Vote {
                        side: Side::Disputes,
                        weight: 2.5,
                        why: format!("\"{m}\""),
                        evidence: ev.clone(),
                    });
                }
            }
            for (at, m) in &abs_oth {
                if let Some((_, p)) = subject(*at) {
                    votes[p].push(Vote {
                        side: Side::Other,
                        weight: 2.5,
                        why: format!("\"{m}\""),
                        evidence: ev.clone(),
                    });
                }
            }
            for (list, rel) in [(&rel_opp, Rel::Opposite), (&rel_same, Rel::Same)] {
                for (at, m) in list {
                    let Some((_, p)) = subject(*at) else { continue };
                    // The other side of the relation: named after the marker, else the previous speaker.
                    let target = here
                        .iter()
                        .find(|x| x.0 > *at && x.1 != p && introduced(&s.text, x.0))
                        .map(|x| (x.1, 3.0))
                        .or_else(|| prev_speaker(p).map(|q| (q, 2.0)));
                    if let Some((q, w)) = target {
                        edges.push(Edge {
                            a: p,
                            b: q,
                            rel,
                            weight: w,
                            why: format!(
                                "\"{m}\" ({} {})",
                                if rel == Rel::Same { "with" } else { "against" },
                                speakers.get(q).map_or("others", |s| s.name.as_str())
                            ),
                            evidence: ev.clone(),
                        });
                    }
                }
            }
        }
    }

    // 5. Sides flow along the edges from the speakers placed directly (a few rounds; each edge's
    // own contribution is left out when it is read back, so a pair cannot talk itself into a side).
    let total = n + extra.len();
    let mut base = vec![[0f32; 3]; total];
    for (p, vs) in votes.iter().chain(extra.iter()).enumerate() {
        for v in vs {
            base[p][idx(v.side)] += v.weight;
        }
    }
    let mut contrib = vec![[[0f32; 3]; 2]; edges.len()];
    for _ in 0..4 {
        let mut score = base.clone();
        for (e, c) in edges.iter().zip(&contrib) {
            for k in 0..3 {
                score[e.b][k] += c[0][k];
                score[e.a][k] += c[1][k];
            }
        }
        let mut next = vec![[[0f32; 3]; 2]; edges.len()];
        for (i, e) in edges.iter().enumerate() {
            // dir 0: from a to b; dir 1: from b to a.
            for (dir, (from, _)) in [(e.a, e.b), (e.b, e.a)].into_iter().enumerate() {
                let mut s = score[from];
                // Leave out what `from` got over this very edge.
                for k in 0..3 {
                    s[k] -= contrib[i][1 - dir][k];
                }
                let (side, conf) = lean(s);
                let target = match (side, e.rel) {
                    (Side::Supports | Side::Disputes, Rel::Same) => side,
                    (Side::Supports | Side::Disputes, Rel::Opposite) => flip(side),
                    (Side::Other, Rel::Same) => Side::Other,
                    _ => continue,
                };
                next[i][dir][idx(target)] += e.weight * conf.max(0.5);
            }
        }
        contrib = next;
    }
    let mut score = base;
    for (e, c) in edges.iter().zip(&contrib) {
        for k in 0..3 {
            score[e.b][k] += c[0][k];
            score[e.a][k] += c[1][k];
        }
    }
    // The votes behind every side, for `RUST_LOG=newsdesk::views::stance=trace`.
    if tracing::enabled!(tracing::Level::TRACE) {
        tracing::trace!(
            "claim {:?} holder {:?} actor {:?} pol {}",
            claim.text,
            claim.holder,
            claim.actor,
            claim.polarity
        );
        for p in 0..total {
            let name = speakers.get(p).map_or("<frame>", |s| s.name.as_str());
            tracing::trace!(
                "  {name} {:?} forms {:?} role {:?} cues {:?}",
                score[p],
                speakers.get(p).map(|s| &s.forms),
                speakers.get(p).map(|s| &s.role),
                speakers
                    .get(p)
                    .map(|s| s.cues.iter().map(|c| c.2.clone()).collect::<Vec<_>>())
            );
            for v in if p < n { &votes[p] } else { &extra[p - n] } {
                tracing::trace!(
                    "      {:?} {} {} | {}",
                    v.side,
                    v.weight,
                    v.why,
                    v.evidence.text.chars().take(90).collect::<String>()
                );
            }
        }
        for (e, c) in edges.iter().zip(&contrib) {
            let nm = |p: usize| {
                speakers
                    .get(p)
                    .map_or("<frame>".to_string(), |s| s.name.clone())
            };
            tracing::trace!(
                "  edge {} {} {} w{} {:?} | {}",
                nm(e.a),
                if e.rel == Rel::Same { "=" } else { "<>" },
                nm(e.b),
                e.weight,
                c,
                e.why
            );
        }
    }
    (0..n)
        .map(|p| {
            let (side, _) = decide(score[p]);
            if side == Side::Unclear || speakers[p].group {
                return Placement {
                    side: Side::Unclear,
                    evidence: None,
                    reason: None,
                };
            }
            // The strongest single signal for the side found.
            let mut best: Option<(f32, Statement, String)> = None;
            for v in votes[p].iter().filter(|v| v.side == side) {
                if best.as_ref().is_none_or(|b| v.weight > b.0) {
                    best = Some((v.weight, v.evidence.clone(), v.why.clone()));
                }
            }
            for (e, c) in edges.iter().zip(&contrib) {
                let got = if e.a == p {
                    c[1][idx(side)]
                } else if e.b == p {
                    c[0][idx(side)]
                } else {
                    0.0
                };
                if got > 0.0 && best.as_ref().is_none_or(|b| got > b.0) {
                    best = Some((got, e.evidence.clone(), e.why.clone()));
                }
            }
            Placement {
                side,
                evidence: best.as_ref().map(|b| b.1.clone()),
                reason: best.map(|b| b.2),
            }
        })
        .collect()
}
