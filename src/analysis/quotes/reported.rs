//! Sentences without quotes: a sentence ending in a colon introduces the quote of the next
//! paragraph, and each attribution reports the clause it governs ("X said [that] CLAUSE",
//! "CLAUSE, X said", "According to X, CLAUSE").

use super::*;

impl Assembler<'_> {
    /// A sentence without quotes: an introduction for the next quote, and reported speech.
    pub(super) fn unquoted(&mut self, s: &Sentence) {
        let c = self.doc;
        let (u, attributions, pi) = (s.units, &s.attributions, s.para);
        let ends_colon = u.last().is_some_and(|&x| c.is_punct(x, ":"));
        let send = s.end_excl(c);
        if ends_colon
            && !attributions
                .iter()
                .any(|at| at.region_end >= send.saturating_sub(3))
        {
            // "President Clinton released the following statement:", "He told his
            // audience, to rowdy applause:": the quote that opens the next paragraph is the
            // subject's
            let np = attributions.first().map(|at| at.np.clone()).or_else(|| {
                // a name followed by a comma is an address or an interjection ("Wait, it
                // gets better:"), not a subject
                subject_at_start(c, u, u.len()).filter(|n| {
                    n.kind != PhraseKind::Common && !(n.end < u.len() && c.is_punct(u[n.end], ","))
                })
            });
            if let Some(np) = np {
                let (mention, speaker) = resolve(c, u, &np, &mut self.entities);
                self.intro_pending = Some(LastSpeaker {
                    speaker,
                    mention,
                    para: pi,
                });
            }
        }
        for (ai, at) in attributions.iter().enumerate() {
            let (mention, speaker) = resolve(c, u, &at.np, &mut self.entities);
            let cue = Some((c.span(u[at.cue]).0, c.span(u[at.cue_end - 1]).1));
            if ends_colon && at.region_end >= send.saturating_sub(3) {
                self.intro_pending = Some(LastSpeaker {
                    speaker: speaker.clone(),
                    mention,
                    para: pi,
                });
                continue;
            }
            let pieces: Vec<(usize, usize)> = reported_clauses(c, s, ai, send)
                .into_iter()
                .filter(|&(st, e)| st < e)
                .map(|(st, e)| (c.span(u[st]).0, c.span(u[e - 1]).1))
                .collect();
            if pieces.is_empty() {
                continue;
            }
            self.push(Draft {
                kind: QuoteKind::Reported,
                pieces,
                mention,
                speaker: speaker.clone(),
                cue,
                confidence: 0.5,
            });
            self.last_speaker = Some(LastSpeaker {
                speaker,
                mention,
                para: pi,
            });
        }
    }
}

/// The clauses (unit ranges) that attribution `ai` of a sentence without quotes reports.
fn reported_clauses(c: &Doc, s: &Sentence, ai: usize, send: usize) -> Vec<(usize, usize)> {
    let (u, attributions) = (s.units, &s.attributions);
    let at = &attributions[ai];
    // a cue whose subject opens this cue's clause is reported inside it
    // ("Merrill says Machado promised ...")
    let next_s = attributions[ai + 1..]
        .iter()
        .find(|n| n.np.start > at.region_end + 1 || n.np.start <= at.cue)
        .map(|n| {
            if n.np.start > at.cue {
                n.np.start
            } else {
                n.cue
            }
        })
        .unwrap_or(send);
    let follows_clause = clause_follows(c, s, at, next_s, send);
    let tail_attr =
        !follows_clause && at.region_start > 0 && (at.inverted || at.region_start > 2) && {
            let mut p = at.region_start;
            while p > 0 && c.is_punct(u[p - 1], ",") {
                p -= 1;
            }
            p < at.region_start
        };
    if at.according && at.region_start < 2 {
        // According to X, CLAUSE
        let mut st = at.region_end;
        while st < send && c.is_punct(u[st], ",") {
            st += 1;
        }
        if s.content_words(c, st, send) >= 3 {
            return vec![(st, send)];
        }
        vec![]
    } else if tail_attr {
        clause_before_cue(c, s, ai, next_s, send)
    } else if !at.inverted || at.according {
        clause_after_verb(c, s, at, next_s, send)
            .into_iter()
            .collect()
    } else {
        vec![]
    }
}

/// Whether a clause follows the cue ("X said that ...", "X said the plan ..."), so the cue does
/// not close the statement before it.
fn clause_follows(c: &Doc, s: &Sentence, at: &Attribution, next_s: usize, send: usize) -> bool {
    let l = lexicon();
    let u = s.units;
    let w = c.lower_word(u[at.cue]).unwrap_or_default();
    let nx = if at.region_end < send {
        c.lower_word(u[at.region_end])
    } else {
        None
    };
    let rest = s.content_words(c, at.region_end, next_s.min(send));
    match nx.as_deref() {
        Some("that") => true,
        Some(f) if l.stop_fwd.contains(f) => false,
        Some(_) => rest >= 4 && !at.inverted && l.cue_bare.contains(w.as_str()),
        None => false,
    }
}

/// CLAUSE, X said [, CLAUSE2]: the clause before the attribution, and the one continuing after it
/// unless what follows describes the speaker.
fn clause_before_cue(
    c: &Doc,
    s: &Sentence,
    ai: usize,
    next_s: usize,
    send: usize,
) -> Vec<(usize, usize)> {
    let (u, attributions) = (s.units, &s.attributions);
    let at = &attributions[ai];
    let mut pieces = Vec::new();
    let mut e = at.region_start;
    while e > 0 && c.is_punct(u[e - 1], ",") {
        e -= 1;
    }
    let mut st = 0;
    if ai > 0 {
        st = attributions[ai - 1]
            .region_end
            .max(attributions[ai - 1].cue_end);
        if st > e {
            return pieces;
        }
    }
    if s.content_words(c, st, e) >= 3 {
        pieces.push((st, e));
        // parenthetical: continue after the attribution
        let mut s2 = at.region_end;
        while s2 < send && c.is_punct(u[s2], ",") {
            s2 += 1;
        }
        // "..., said Wilcox, an Orlando Republican who ...": an apposition of
        // the speaker, not the rest of the statement
        let apposition = s2 < send
            && c.lower_word(u[s2]).is_some_and(|f| {
                matches!(f.as_str(), "who" | "whose")
                    || (at.inverted && matches!(f.as_str(), "a" | "an" | "the" | "one"))
            });
        if s2 > at.region_end
            && !apposition
            && s.content_words(c, s2, next_s.min(send)) >= 2
            && !at.according
        {
            pieces.push((s2, next_s.min(send)));
        }
    }
    pieces
}

/// X said [that] CLAUSE: the clause after the verb, past time adjuncts up to "that"; a bare speech
/// verb takes a clause without "that".
fn clause_after_verb(
    c: &Doc,
    s: &Sentence,
    at: &Attribution,
    next_s: usize,
    send: usize,
) -> Option<(usize, usize)> {
    let l = lexicon();
    let u = s.units;
    let w = c.lower_word(u[at.cue]).unwrap_or_default();
    let mut st = at.region_end;
    let bare = l.cue_bare.contains(w.as_str()) || at.according;
    // skip time adjuncts / PPs up to "that"
    let that_pos =
        (st..(st + 10).min(send)).find(|&i| c.lower_word(u[i]).as_deref() == Some("that"));
    let first = if st < send { c.lower_word(u[st]) } else { None };
    let ok = match first.as_deref() {
        Some("that") => true,
        Some(f)
            if l.stop_fwd.contains(f)
                || matches!(
                    f,
                    "of" | "so" | "yes" | "no" | "it." | "nothing" | "something" | "anything"
                ) =>
        {
            if let Some(tp) = that_pos {
                st = tp;
                true
            } else {
                false
            }
        }
        Some(_) => bare,
        None => false,
    };
    if st < send && c.is_punct(u[st], ",") {
        // "X said, ..." -> only if followed by a clause
        st += 1;
    }
    let e = next_s.min(send);
    let mut e2 = e;
    while e2 > st
        && (c.is_punct(u[e2 - 1], ",")
            || c.lower_word(u[e2 - 1])
                .is_some_and(|w| matches!(w.as_str(), "while" | "and" | "but" | "whereas")))
    {
        e2 -= 1;
    }
    (ok && s.content_words(c, st, e2) >= 3).then_some((st, e2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(text: &str) -> Vec<(String, Option<String>)> {
        extract(text)
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Reported)
            .map(|q| (q.text, q.speaker.map(|s| s.name)))
            .collect()
    }

    #[test]
    fn the_clause_after_said_that() {
        assert_eq!(
            reported("The ministry said on Friday that the rules would change soon."),
            vec![(
                "that the rules would change soon".to_string(),
                Some("The ministry".to_string())
            )]
        );
    }

    #[test]
    fn the_clause_before_a_tail_attribution_and_after_according_to() {
        assert_eq!(
            reported("The fares will rise next year, Lee said."),
            vec![(
                "The fares will rise next year".to_string(),
                Some("Lee".to_string())
            )]
        );
        assert_eq!(
            reported("According to Lee, the fares will rise next year."),
            vec![(
                "the fares will rise next year".to_string(),
                Some("Lee".to_string())
            )]
        );
    }

    #[test]
    fn a_colon_sentence_introduces_the_next_quote() {
        let qs = extract("Lee released the following statement:\n\n\u{201C}We are sorry.\u{201D}");
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].speaker.as_ref().map(|s| s.name.as_str()), Some("Lee"));
        // too short a clause is no reported speech
        assert!(reported("Lee said no.").is_empty());
    }
}
