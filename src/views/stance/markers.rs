//! Placing, phase 4: the articles' own markers, sentence by sentence. A marker about a named
//! speaker places them ("welcomed", "disagreed") or relates them to another speaker ("echoed",
//! "by contrast"); a group sentence ("Others say ...", "X's view contrasts sharply with ...") sets
//! a frame that the speakers of the following sentences join.

use super::*;

/// A frame set by a group sentence: the named speakers mentioned in its scope stand with `group`.
struct Frame {
    /// The group's node (a group speaker, or a pseudo-speaker of its own).
    group: usize,
    /// First sentence in scope, and the last paragraph.
    from: usize,
    para: u32,
    /// The speaker the group is set against, who does not join it.
    reference: Option<usize>,
    why: String,
    evidence: Statement,
}

/// One sentence as the marker rules read it.
struct At<'s> {
    ord: u32,
    /// Its index in the article's sentences.
    k: usize,
    s: &'s Sentence,
    /// Lower case, outside quotation marks.
    lower: &'s str,
    first_word: &'s str,
    /// Speakers mentioned: (char position in the sentence, speaker).
    here: Vec<(usize, usize)>,
}

/// Marker phrases found in one sentence, each with its char position.
struct Found {
    rel_opp: Vec<(usize, String)>,
    rel_same: Vec<(usize, String)>,
    abs_sup: Vec<(usize, String)>,
    abs_dis: Vec<(usize, String)>,
    abs_oth: Vec<(usize, String)>,
}

impl Found {
    fn in_sentence(l: &str) -> Found {
        let found = |list: &[&str], set: &Phrases| -> Vec<(usize, String)> {
            set.find_by_phrase(l)
                .into_iter()
                .map(|(i, m)| (l[..i].chars().count(), list[m].to_string()))
                .collect()
        };
        Found {
            rel_opp: found(REL_OPPOSITE.as_slice(), &MARKERS[0]),
            rel_same: found(REL_SAME.as_slice(), &MARKERS[1]),
            abs_sup: found(ABS_SUPPORT.as_slice(), &MARKERS[2]),
            abs_dis: found(ABS_DISPUTE.as_slice(), &MARKERS[3]),
            abs_oth: found(ABS_OTHER.as_slice(), &MARKERS[4]),
        }
    }

    fn any(&self) -> bool {
        !(self.rel_opp.is_empty()
            && self.rel_same.is_empty()
            && self.abs_sup.is_empty()
            && self.abs_dis.is_empty()
            && self.abs_oth.is_empty())
    }
}

/// What a sentence with markers says, beyond the sentence itself.
struct Marks {
    found: Found,
    /// Named speakers mentioned: (char position, speaker).
    named_here: Vec<(usize, usize)>,
    /// A group speaker whose statement the article attributes in this very sentence.
    gnode: Option<usize>,
    /// The speaker a "X's view contrasts sharply with ..." sentence sets a group against.
    possessive_ref: Option<usize>,
    evidence: Statement,
}

/// The votes and edges of phase 4.
pub(super) fn marker_evidence(sc: &Scene, ev: &mut Evidence) {
    let forms = SpeakerForms::new(sc.speakers);
    for &o in sc.canon {
        let Some(ss) = sc.sents.get(&o) else { continue };
        article_markers(sc, ev, &forms, o, ss);
    }
}

/// The first word of a lower-case sentence.
fn first_word(l: &str) -> &str {
    l.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
}

fn article_markers(sc: &Scene, ev: &mut Evidence, forms: &SpeakerForms, o: u32, ss: &[Sentence]) {
    let lower: Vec<String> = ss
        .iter()
        .map(|s| outside_quotes(&s.text).to_lowercase())
        .collect();
    let ms = mentions(o, ss, &lower, sc.speakers, forms);
    let mut frame: Option<Frame> = None;
    for (k, s) in ss.iter().enumerate() {
        let l = lower[k].as_str();
        let at = At {
            ord: o,
            k,
            s,
            lower: l,
            first_word: first_word(l),
            here: ms
                .iter()
                .filter(|m| m.0 == k)
                .map(|m| (m.1 - s.span.start, m.2))
                .collect(),
        };
        // A frame ends at the next paragraph after its scope, or at a turn ("Meanwhile, ...").
        if frame.as_ref().is_some_and(|f| {
            k > f.from && FRAME_BREAKS.contains(at.first_word) || s.paragraph > f.para
        }) {
            frame = None;
        }
        if let Some(f) = &frame
            && k >= f.from
        {
            frame_edges(sc, ev, f, &at);
        }
        if let Some(next) = sentence_markers(sc, ev, &at, ss) {
            frame = Some(next);
        }
    }
}

/// The named speakers of a sentence in a frame's scope join its group.
fn frame_edges(sc: &Scene, ev: &mut Evidence, f: &Frame, at: &At) {
    for &(_, p) in &at.here {
        if sc.named(p) && Some(p) != f.reference {
            ev.edges.push(Edge {
                a: p,
                b: f.group,
                rel: Rel::Same,
                weight: IN_FRAME,
                why: f.why.clone(),
                evidence: f.evidence.clone(),
            });
        }
    }
}

/// The markers of one sentence: votes and edges for the named speakers it is about, or, for a
/// group sentence, the frame it sets.
fn sentence_markers(sc: &Scene, ev: &mut Evidence, at: &At, ss: &[Sentence]) -> Option<Frame> {
    let found = Found::in_sentence(at.lower);
    let group_word = GROUP_DISPUTE
        .iter()
        .chain(GROUP_SUPPORT.iter())
        .any(|g| at.first_word == *g);
    if !found.any() && !group_word {
        return None;
    }
    let named_here: Vec<(usize, usize)> = at
        .here
        .iter()
        .copied()
        .filter(|&(_, p)| sc.named(p))
        .collect();
    let gnode = sc
        .speakers
        .iter()
        .position(|sp| sp.group && sp.cues.iter().any(|c| c.0 == at.ord && c.1 == at.k));
    let about_group = gnode.is_some()
        || GROUP_WORDS
            .iter()
            .any(|w| !find_words(at.lower, w).is_empty());
    if named_here.is_empty() && !about_group {
        // Markers about things, not people ("Chinese models, by contrast, ...").
        return None;
    }
    let marks = Marks {
        possessive_ref: possessive_ref(&found.rel_opp, &named_here, &at.s.text),
        found,
        named_here,
        gnode,
        evidence: Statement::of_sentence(at.ord, at.s),
    };
    if marks.named_here.is_empty() || marks.possessive_ref.is_some() {
        return group_frame(sc, ev, at, ss, &marks);
    }
    marker_votes(ev, &marks);
    relation_edges(sc, ev, at, &marks);
    None
}

/// The subject of a marker: the named speaker mentioned closest before it, else first after.
fn subject(named_here: &[(usize, usize)], at: usize) -> Option<(usize, usize)> {
    named_here
        .iter()
        .rev()
        .find(|m| m.0 <= at)
        .or_else(|| named_here.iter().find(|m| m.0 > at))
        .copied()
}

/// The previous speaker: the last one (other than `not`) whose statement the article attributed
/// before sentence `k` (a name inside someone else's reported words does not count).
fn prev_speaker(speakers: &[Speaker], ord: u32, k: usize, not: usize) -> Option<usize> {
    speakers
        .iter()
        .enumerate()
        .filter(|&(p, _)| p != not)
        .filter_map(|(p, sp)| {
            sp.cues
                .iter()
                .filter(|c| c.0 == ord && c.1 < k)
                .map(|c| c.1)
                .max()
                .map(|at| (at, p))
        })
        .max()
        .map(|x| x.1)
}

/// The reference of a "X's view contrasts sharply with ..." sentence: a named speaker before the
/// contrast marker, in the possessive, and nobody named after it.
fn possessive_ref(
    rel_opp: &[(usize, String)],
    named_here: &[(usize, usize)],
    text: &str,
) -> Option<usize> {
    rel_opp.iter().find_map(|(at, m)| {
        (m.starts_with("contrasts") || m.contains("contrast"))
            .then(|| named_here.iter().rev().find(|x| x.0 < *at))
            .flatten()
            .filter(|_| !named_here.iter().any(|x| x.0 > *at))
            .filter(|x| {
                let after: String = text.chars().skip(x.0).take(60).collect();
                after.contains("'s ") || after.contains("’s ")
            })
            .map(|x| x.1)
    })
}

/// A group sentence: the group's own side, if it says one, and what it is set against; then the
/// frame it sets over the following sentences (none when it places nothing).
fn group_frame(
    sc: &Scene,
    ev: &mut Evidence,
    at: &At,
    ss: &[Sentence],
    marks: &Marks,
) -> Option<Frame> {
    let found = &marks.found;
    let g = match marks.gnode {
        Some(g) => g,
        None => {
            ev.votes.push(Vec::new());
            ev.votes.len() - 1
        }
    };
    let mut placed = false;
    if let Some((side, weight, why)) = group_side(found, at.first_word) {
        ev.votes[g].push(Vote {
            side,
            weight,
            why: why.into(),
            evidence: marks.evidence.clone(),
        });
        placed = true;
    }
    let mut reference = None;
    if !found.rel_opp.is_empty() {
        reference = marks
            .possessive_ref
            .or_else(|| prev_speaker(sc.speakers, at.ord, at.k, g));
        if let Some(r) = reference {
            ev.edges.push(Edge {
                a: g,
                b: r,
                rel: Rel::Opposite,
                weight: SET_AGAINST,
                why: format!("set against {} by the article", sc.speakers[r].name),
                evidence: marks.evidence.clone(),
            });
            placed = true;
        }
    }
    if marks.gnode.is_none() && !placed {
        // Nothing to frame with (e.g. "Chinese models, by contrast, ...").
        ev.votes.pop();
        return None;
    }
    let why = if !found.abs_oth.is_empty() {
        "among those the article says take a more nuanced view".to_string()
    } else if let Some(r) = reference {
        format!(
            "among those the article sets against {}",
            sc.speakers[r].name
        )
    } else {
        "among the group the article introduces".to_string()
    };
    Some(Frame {
        group: g,
        from: at.k + 1,
        para: scope_end(at, ss, found),
        reference,
        why,
        evidence: marks.evidence.clone(),
    })
}

/// The side a group sentence gives its group: "a more nuanced view", or its opening word
/// ("Critics ...", "Supporters ...").
fn group_side(found: &Found, first_word: &str) -> Option<(Side, f32, &'static str)> {
    if !found.abs_oth.is_empty() {
        Some((Side::Other, GROUP_NUANCED, "a more nuanced view"))
    } else if GROUP_DISPUTE.contains(first_word) {
        Some((Side::Disputes, GROUP_WORD, "critics"))
    } else if GROUP_SUPPORT.contains(first_word) {
        Some((Side::Supports, GROUP_WORD, "supporters"))
    } else {
        None
    }
}

/// The last paragraph of a frame's scope: this one, or the next when a contrast or "more nuanced"
/// sentence ends it (a sub-heading, or a sentence introducing the next).
fn scope_end(at: &At, ss: &[Sentence], found: &Found) -> u32 {
    let s = at.s;
    let last_in_para = ss.get(at.k + 1).is_none_or(|x| x.paragraph != s.paragraph);
    let introduces = !found.rel_opp.is_empty() || !found.abs_oth.is_empty();
    if last_in_para && introduces {
        s.paragraph + 1
    } else {
        s.paragraph
    }
}

/// Markers that place their subject directly.
fn marker_votes(ev: &mut Evidence, marks: &Marks) {
    let f = &marks.found;
    for (list, side) in [
        (&f.abs_sup, Side::Supports),
        (&f.abs_dis, Side::Disputes),
        (&f.abs_oth, Side::Other),
    ] {
        for (at, m) in list {
            if let Some((_, p)) = subject(&marks.named_here, *at) {
                ev.votes[p].push(Vote {
                    side,
                    weight: MARKER,
                    why: format!("\"{m}\""),
                    evidence: marks.evidence.clone(),
                });
            }
        }
    }
}

/// Markers that relate their subject to another speaker: one named after the marker, else the
/// previous speaker.
fn relation_edges(sc: &Scene, ev: &mut Evidence, at: &At, marks: &Marks) {
    let f = &marks.found;
    for (list, rel) in [(&f.rel_opp, Rel::Opposite), (&f.rel_same, Rel::Same)] {
        for (pos, m) in list {
            let Some((_, p)) = subject(&marks.named_here, *pos) else {
                continue;
            };
            let target = at
                .here
                .iter()
                .find(|x| x.0 > *pos && x.1 != p && introduced(&at.s.text, x.0))
                .map(|x| (x.1, RELATION_NAMED))
                .or_else(|| {
                    prev_speaker(sc.speakers, at.ord, at.k, p).map(|q| (q, RELATION_PREVIOUS))
                });
            if let Some((q, w)) = target {
                ev.edges.push(Edge {
                    a: p,
                    b: q,
                    rel,
                    weight: w,
                    why: format!(
                        "\"{m}\" ({} {})",
                        if rel == Rel::Same { "with" } else { "against" },
                        sc.speakers.get(q).map_or("others", |s| s.name.as_str())
                    ),
                    evidence: marks.evidence.clone(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, sentence: usize) -> Speaker {
        Speaker {
            name: name.into(),
            role: None,
            is_org: false,
            group: false,
            forms: forms(name, false, &[]),
            statements: vec![],
            cues: vec![(0, sentence, None)],
        }
    }

    #[test]
    fn markers_place_speakers_and_a_group_sentence_frames_the_next() {
        let body = "Mira Talvik welcomed the ferry plan.\n\nCritics say the plan ignores the \
            fishers. Jon Brask called it reckless.\n\nThe vote is on Friday, Brask said.";
        let sents = HashMap::from([(0, crate::analysis::sentences::split(body))]);
        let speakers = [speaker("Mira Talvik", 0), speaker("Jon Brask", 2)];
        let claim = Claim {
            text: "The ferry plan".into(),
            from_headline: true,
            holder: None,
            assertion: false,
            polarity: 1,
            actor: None,
            evidence: Statement::of_sentence(0, &sents[&0][0]),
        };
        let sc = Scene {
            articles: &[],
            canon: &[0],
            sents: &sents,
            claim: &claim,
            speakers: &speakers,
        };
        let mut ev = Evidence {
            votes: vec![Vec::new(); 2],
            edges: vec![],
        };
        marker_evidence(&sc, &mut ev);
        let votes: Vec<Vec<(Side, f32)>> = ev
            .votes
            .iter()
            .map(|vs| vs.iter().map(|v| (v.side, v.weight)).collect())
            .collect();
        assert_eq!(
            votes,
            vec![
                vec![(Side::Supports, MARKER)],
                vec![],
                vec![(Side::Disputes, GROUP_WORD)]
            ],
            "the critics get a node of their own"
        );
        // Brask joins the critics in the frame's paragraph, not after it.
        let edges: Vec<(usize, usize, Rel, f32)> = ev
            .edges
            .iter()
            .map(|e| (e.a, e.b, e.rel, e.weight))
            .collect();
        assert_eq!(edges, vec![(1, 2, Rel::Same, IN_FRAME)]);
        assert_eq!(ev.edges[0].why, "among the group the article introduces");
    }

    #[test]
    fn a_marker_is_about_the_named_speaker_before_it() {
        let named = [(0, 3), (40, 5)];
        assert_eq!(subject(&named, 20), Some((0, 3)));
        assert_eq!(subject(&named, 50), Some((40, 5)));
        assert_eq!(subject(&named[1..], 10), Some((40, 5)));
        assert_eq!(subject(&[], 10), None);
    }

    #[test]
    fn markers_are_found_with_their_positions() {
        let l = "talvik, by contrast, welcomed the ruling.";
        let f = Found::in_sentence(l);
        assert!(f.any());
        assert!(f.rel_opp.iter().any(|(_, m)| m == "by contrast"));
        assert!(f.abs_sup.iter().any(|(at, m)| m == "welcomed" && *at == 21));
        assert!(!Found::in_sentence("the ferry leaves at noon.").any());
        assert_eq!(first_word("“others,” she said"), "others");
    }

    #[test]
    fn a_possessive_contrast_names_its_reference() {
        let text = "Talvik's view contrasts sharply with that of other harbour pilots.";
        let rel_opp = vec![(14, "contrasts sharply with".to_string())];
        assert_eq!(possessive_ref(&rel_opp, &[(0, 2)], text), Some(2));
        // Someone named after the marker: not a group sentence.
        assert_eq!(possessive_ref(&rel_opp, &[(0, 2), (40, 4)], text), None);
    }
}
