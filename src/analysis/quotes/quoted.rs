//! Sentences with quotes: which attribution a sentence's quotes take, which quotes (or which
//! reported clause holding a quoted fragment) make up the statement, and the quotes left without a
//! cue (a byline, a colon introduction, a continuation, the last speaker).

use super::*;

/// The attribution chosen for a sentence's quotes and the attributions around it.
struct Choice {
    /// index of the chosen attribution in the sentence's list
    chosen: Option<usize>,
    /// the attribution right after the leading quotes ("...," X said), if any
    adjacent_after: Option<usize>,
    /// where the chosen cue's clause ends: the start of the next attribution
    next_attribution_start: Option<usize>,
    /// where the attribution before the chosen one ends
    prev_attribution_end: Option<usize>,
}

/// Which units make up the statement of an attributed sentence.
#[derive(Default)]
struct Plan {
    /// the quotes taken verbatim (a direct quote)
    direct_quotes: Vec<usize>,
    /// quotes after a participle cue ("..., adding, "...""): a second statement
    follow_on: Vec<usize>,
    /// the reported clause `[start, end)` holding the quoted fragment (a partial quote)
    clause: Option<(usize, usize)>,
    /// whether the statement is a clause (partial or reported) rather than verbatim quotes
    mixed: bool,
}

/// A cognition verb inside a reported clause ("... and he feels ...") is part of it.
fn is_embedded(c: &Doc, u: &[Unit], a: &Attribution) -> bool {
    c.lower_word(u[a.cue]).is_some_and(|w| {
        matches!(
            w.as_str(),
            "feel"
                | "feels"
                | "felt"
                | "think"
                | "thinks"
                | "thought"
                | "believe"
                | "believes"
                | "believed"
                | "know"
                | "knows"
                | "knew"
                | "hope"
                | "hopes"
                | "hoped"
                | "fear"
                | "fears"
                | "feared"
                | "doubt"
                | "doubts"
                | "offer"
                | "offered"
        )
    })
}

/// Whether the sentence opens with an adverbial whose last word comes right before the first
/// quote ("In an interview on "Face the Nation," X said ..."): that quote is no statement.
fn adverbial_start(c: &Doc, u: &[Unit], qf: usize) -> bool {
    c.lower_word(u[0]).is_some_and(|w| {
        matches!(
            w.as_str(),
            "in" | "on"
                | "at"
                | "during"
                | "after"
                | "before"
                | "with"
                | "from"
                | "for"
                | "by"
                | "since"
                | "despite"
                | "amid"
                | "under"
                | "over"
                | "while"
        )
    }) && qf > 0
        && c.word(u[qf - 1]).is_some()
}

/// Chooses the attribution of a sentence's quotes: one right after the leading quotes ("...," X
/// said), else the nearest cue before the first quote (X said ... "..."), else the first after the
/// last quote, else the first.
fn choose_attribution(c: &Doc, s: &Sentence) -> Choice {
    let (u, qidx, attributions) = (s.units, &s.quotes, &s.attributions);
    let (qf, ql) = (qidx[0], qidx[qidx.len() - 1]);
    let adverbial = adverbial_start(c, u, qf);
    let head_words = s.content_words(c, 0, qf);
    let adjacent_after = attributions.iter().position(|a| {
        !adverbial
            && qidx
                .iter()
                .rev()
                .find(|&&q| q < a.region_start)
                .is_some_and(|&q| (q + 1..a.region_start).all(|i| c.word(u[i]).is_none()))
            && (head_words == 0 || !qidx.iter().any(|&q| q >= a.region_end))
    });
    // the last speech cue before the quote, not counting embedded ones
    let before_first = attributions
        .iter()
        .rposition(|a| a.region_end <= qf && !is_embedded(c, u, a))
        .or_else(|| attributions.iter().rposition(|a| a.region_end <= qf));
    let chosen = adjacent_after
        .or(before_first)
        .or_else(|| attributions.iter().position(|a| a.region_start > ql))
        .or(if attributions.is_empty() {
            None
        } else {
            Some(0)
        });
    // the clause of the chosen cue ends where the next attribution begins
    let next_attribution_start = chosen.and_then(|i| {
        let n = attributions[i + 1..]
            .iter()
            .find(|n| !is_embedded(c, u, n))?;
        // a participial or coordinated cue ("and warned") shares the subject: cut at the cue
        Some(if n.region_start >= attributions[i].region_end {
            n.region_start
        } else {
            n.cue
        })
    });
    let prev_attribution_end = chosen
        .and_then(|i| i.checked_sub(1))
        .map(|i| attributions[i].region_end);
    Choice {
        chosen,
        adjacent_after,
        next_attribution_start,
        prev_attribution_end,
    }
}

/// The reported clause after an attribution: from the end of the attribution (past commas and
/// colons) to the next attribution or the sentence end, trimmed.
fn clause_after_cue(
    c: &Doc,
    u: &[Unit],
    at: &Attribution,
    next_attribution_start: Option<usize>,
    send: usize,
) -> (usize, usize) {
    let mut s = at.region_end;
    while s < u.len() && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":")) {
        s += 1;
    }
    (
        s,
        trim_clause(c, u, s, next_attribution_start.unwrap_or(send).min(send)),
    )
}

/// Whether units `[a, b)` between the cue and a second quote are an adjunct ("he said of Trump,
/// ...", "Trump said during a rally in Kenansville, N.C., ...").
fn adjunct_gap(c: &Doc, u: &[Unit], a: usize, b: usize) -> bool {
    let l = lexicon();
    b > a
        && b - a <= 14
        && c.is_punct(u[b - 1], ",")
        && c.lower_word(u[a])
            .is_some_and(|w| l.stop_fwd.contains(w.as_str()) || w == "of")
        && !(a..b).any(|i| matches!(u[i], Unit::Quote(_)))
}

/// Whether units `[a, b)` are a participle phrase ("Tester said, referring to the excuse, "..."");
/// `gap_first` is the first word after the attribution.
fn participle_gap(c: &Doc, u: &[Unit], a: usize, b: usize, gap_first: &str) -> bool {
    b > a
        && b - a <= 14
        && c.is_punct(u[b - 1], ",")
        && gap_first.len() > 5
        && gap_first.ends_with("ing")
        && !(a..b).any(|i| matches!(u[i], Unit::Quote(_)))
}

/// Whether units `[a, b)` are a bare conjunction ("he said, but "..."").
fn conj_gap(c: &Doc, u: &[Unit], a: usize, b: usize) -> bool {
    let ws: Vec<String> = (a..b).filter_map(|i| c.lower_word(u[i])).collect();
    ws.len() == 1
        && matches!(ws[0].as_str(), "but" | "and")
        && (a..b).all(|i| c.word(u[i]).is_some() || c.is_punct(u[i], ","))
}

/// The statement when quotes come before the cue: the quotes themselves (with the second half of a
/// split quote after the cue), or the clause before the cue when words stand between.
fn plan_before_cue(
    c: &Doc,
    s: &Sentence,
    at: &Attribution,
    before_q: &[usize],
    after_q: &[usize],
    adjacent_before: bool,
    prev_attribution_end: Option<usize>,
) -> Plan {
    let l = lexicon();
    let u = s.units;
    let mut plan = Plan::default();
    let (bf, bl) = (before_q[0], before_q[before_q.len() - 1]);
    let head_words = s.content_words(c, 0, bf);
    let between = s.content_words(c, bf, bl + 1)
        - before_q.iter().filter(|&&i| c.word(u[i]).is_some()).count();
    // a colon before the quote ends what comes before it ("..., especially
    // fundraising: "...," he said"): those words are no part of the quote
    let colon_led = bf > 0 && c.is_punct(u[bf - 1], ":");
    if adjacent_before && (head_words == 0 || colon_led) && between == 0 {
        plan.direct_quotes.extend(before_q.iter().copied());
        // split quote: "first half," he said, "second half"; an adjunct, a participle phrase or
        // a bare conjunction may sit between
        let gap_first = (at.region_end..u.len())
            .find_map(|i| c.lower_word(u[i]))
            .unwrap_or_default();
        if let Some(&fa) = after_q.first()
            && fa > 0
            && ((s.content_words(c, at.region_end, fa) == 0
                || adjunct_gap(c, u, at.region_end, fa)
                || participle_gap(c, u, at.region_end, fa, &gap_first))
                && (c.is_punct(u[fa - 1], ",")
                    || c.is_punct(u[fa - 1], ":")
                    || c.is_punct(u[fa - 1], "\u{2014}")
                    || fa == at.region_end)
                || conj_gap(c, u, at.region_end, fa))
        {
            let mut rest = vec![fa];
            let mut last_ok = fa;
            for &x in after_q.iter().skip(1) {
                if s.content_words(c, last_ok + 1, x) == 0 {
                    rest.push(x);
                    last_ok = x;
                } else {
                    break;
                }
            }
            // "..., he said, adding, "..."", "..., she sings before asking
            // him, "..."": a second statement of the same speaker, not the
            // rest of the first
            if (at.region_end..fa).any(|i| {
                c.lower_word(u[i])
                    .is_some_and(|w| l.cue_participle.contains(w.as_str()))
            }) {
                plan.follow_on = rest;
            } else {
                plan.direct_quotes.extend(rest);
            }
        }
    } else {
        plan.mixed = true;
        let mut e = at.region_start;
        while e > 0 && (c.is_punct(u[e - 1], ",") || c.is_punct(u[e - 1], "\u{2014}")) {
            e -= 1;
        }
        let mut st = prev_attribution_end.unwrap_or(0).min(e);
        while st < e
            && (c.is_punct(u[st], ",")
                || c.word(u[st])
                    .is_some_and(|w| matches!(w, "And" | "But" | "and" | "but")))
        {
            st += 1;
        }
        plan.clause = Some((st, e));
    }
    plan
}

/// The statement when quotes follow the cue (X said, "..."): the quotes when nothing but a mark or
/// "that" comes between and nothing follows them, else the reported clause holding them.
fn plan_after_cue(
    c: &Doc,
    s: &Sentence,
    at: &Attribution,
    mut after_q: Vec<usize>,
    next_attribution_start: Option<usize>,
    send: usize,
) -> Plan {
    let u = s.units;
    let mut plan = Plan::default();
    let fa = after_q[0];
    let punct_before_q = fa > 0
        && (c.is_punct(u[fa - 1], ",")
            || c.is_punct(u[fa - 1], ":")
            || c.is_punct(u[fa - 1], "\u{2014}"));
    let gap_words: Vec<String> = (at.region_end..fa)
        .filter_map(|i| c.lower_word(u[i]))
        .collect();
    let only_that = gap_words.iter().all(|w| w == "that");
    let cl_end = next_attribution_start.unwrap_or(send).min(send);
    let cl_end = trim_clause(c, u, fa, cl_end).max(fa + 1);
    after_q.retain(|&q| q < cl_end);
    let la = after_q.last().copied().unwrap_or(fa);
    let after_words = s.content_words(c, la + 1, cl_end);
    let between = s.content_words(c, fa, la + 1);
    if (punct_before_q || only_that) && after_words == 0 && between == 0 {
        plan.direct_quotes.extend(after_q.iter().copied());
    } else {
        plan.mixed = true;
        plan.clause = Some(clause_after_cue(c, u, at, next_attribution_start, send));
    }
    plan
}

/// The statement of attribution `at` in a sentence with quotes: the quotes before the cue (with
/// the second half of a split quote), the quotes after it, or the reported clause holding them.
fn plan_statement(c: &Doc, s: &Sentence, choice: &Choice, at: &Attribution, send: usize) -> Plan {
    let (u, qidx) = (s.units, &s.quotes);
    let before_q: Vec<usize> = qidx
        .iter()
        .copied()
        .filter(|&i| i < at.region_start)
        .collect();
    let after_q: Vec<usize> = qidx
        .iter()
        .copied()
        .filter(|&i| i >= at.region_end)
        .collect();
    let adjacent_before = choice.adjacent_after.is_some()
        && choice.adjacent_after == choice.chosen
        && before_q
            .last()
            .is_some_and(|&lb| s.content_words(c, lb + 1, at.region_start) == 0);
    // "CLAUSE with a "fragment" for the EU, said X": the clause before the cue
    let tail = !adjacent_before
        && !before_q.is_empty()
        && (after_q.is_empty()
            || at.inverted
            || (at.region_start > 0 && c.is_punct(u[at.region_start - 1], ",")));
    if adjacent_before || tail {
        plan_before_cue(
            c,
            s,
            at,
            &before_q,
            &after_q,
            adjacent_before,
            choice.prev_attribution_end,
        )
    } else if !after_q.is_empty() {
        plan_after_cue(c, s, at, after_q, choice.next_attribution_start, send)
    } else {
        // quotes only inside the subject or an earlier phrase: the attribution reports a clause
        Plan {
            mixed: true,
            clause: Some(clause_after_cue(
                c,
                u,
                at,
                choice.next_attribution_start,
                send,
            )),
            ..Plan::default()
        }
    }
}

/// The byte spans a planned statement covers: the quotes' contents, or the reported clause (and
/// whether that clause holds no quote, so it is reported speech rather than a partial quote).
fn statement_pieces(c: &Doc, s: &Sentence, plan: &Plan) -> (Vec<(usize, usize)>, bool) {
    let u = s.units;
    let mut reported_only = false;
    let pieces: Vec<(usize, usize)> = if plan.mixed {
        let (cs, ce) = plan.clause.unwrap_or_default();
        if cs < ce && s.content_words(c, cs, ce) > 0 {
            if !(cs..ce).any(|i| matches!(u[i], Unit::Quote(_))) {
                // the quotes are elsewhere (in the subject, a title): reported speech
                reported_only = true;
            }
            vec![(c.span(u[cs]).0, c.span(u[ce - 1]).1)]
        } else {
            vec![]
        }
    } else {
        qpieces_all(c, u, &plan.direct_quotes)
    };
    (pieces, reported_only)
}

impl Assembler<'_> {
    /// A sentence with quotes: drafts the statement of its chosen attribution, or a quote without
    /// a cue.
    pub(super) fn quoted(&mut self, s: &Sentence) {
        let choice = choose_attribution(self.doc, s);
        let cont_parent = match s.units[s.quotes[0]] {
            Unit::Quote(q) => self.doc.spans[q]
                .continues
                .and_then(|p| self.draft_of_quote.get(&p).copied()),
            _ => None,
        };
        match choice.chosen.map(|i| s.attributions[i].clone()) {
            Some(at) => self.attributed(s, &choice, at, cont_parent),
            None => self.unattributed(s, cont_parent),
        }
    }

    /// Drafts the statement of attribution `at`, then the clauses of later cues.
    fn attributed(
        &mut self,
        s: &Sentence,
        choice: &Choice,
        at: Attribution,
        cont_parent: Option<usize>,
    ) {
        let c = self.doc;
        let (u, qidx) = (s.units, &s.quotes);
        let (mention, speaker) = resolve(c, u, &at.np, &mut self.entities);
        let cue = Some((c.span(u[at.cue]).0, c.span(u[at.cue_end - 1]).1));
        let send = s.end_excl(c);
        let plan = plan_statement(c, s, choice, &at, send);
        let (pieces, reported_only) = statement_pieces(c, s, &plan);
        if pieces.is_empty() {
            return;
        }
        if let (Some(p), false) = (cont_parent, plan.mixed) {
            let o = &mut self.drafts[p];
            o.pieces.extend(pieces.iter().copied());
            if o.speaker.is_none() {
                o.speaker = speaker.clone();
                o.mention = mention;
                o.cue = cue;
            }
        } else {
            let conf = match (plan.mixed, at.np.kind) {
                (false, PhraseKind::Name) => 0.9,
                (false, _) => 0.8,
                (true, _) => 0.6,
            };
            self.push(Draft {
                kind: if reported_only {
                    QuoteKind::Reported
                } else if plan.mixed {
                    QuoteKind::Partial
                } else {
                    QuoteKind::Direct
                },
                pieces,
                mention,
                speaker: speaker.clone(),
                cue,
                confidence: conf,
            });
        }
        self.claim_last(u, qidx);
        let follow_pieces = qpieces_all(c, u, &plan.follow_on);
        if !follow_pieces.is_empty() {
            self.push(Draft {
                kind: QuoteKind::Direct,
                pieces: follow_pieces,
                mention,
                speaker: speaker.clone(),
                cue,
                confidence: if at.np.kind == PhraseKind::Name {
                    0.9
                } else {
                    0.8
                },
            });
            self.claim_last(u, &plan.follow_on);
        }
        self.last_speaker = Some(LastSpeaker {
            speaker,
            mention,
            para: s.para,
        });
        self.last_quote_para = Some(s.para);
        // later cues in the same sentence ("..., adding that ...", "and warned ..."):
        // each reports its own clause
        let mut used_hi = at.region_end.max(plan.clause.map_or(0, |x| x.1));
        if let Some(&m) = plan.direct_quotes.iter().chain(&plan.follow_on).max() {
            used_hi = used_hi.max(m + 1);
        }
        let first_later = choice.chosen.map_or(s.attributions.len(), |i| i + 1);
        self.later_cues(s, first_later, used_hi, send);
    }

    /// The clauses of the attributions from `first` on that start after `used_hi`: a partial quote
    /// when a quote is inside, reported speech after "that" or a bare speech verb.
    fn later_cues(&mut self, s: &Sentence, first: usize, mut used_hi: usize, send: usize) {
        let l = lexicon();
        let c = self.doc;
        let (u, attributions) = (s.units, &s.attributions);
        for bi in first..attributions.len() {
            let b = &attributions[bi];
            if b.cue < used_hi || b.inverted {
                continue;
            }
            let mut st = b.region_end;
            while st < send && (c.is_punct(u[st], ",") || c.is_punct(u[st], ":")) {
                st += 1;
            }
            let e = attributions
                .get(bi + 1)
                .map(|n| {
                    if n.region_start >= b.region_end {
                        n.region_start
                    } else {
                        n.cue
                    }
                })
                .unwrap_or(send)
                .min(send);
            let e = trim_clause(c, u, st, e);
            if st >= e || s.content_words(c, st, e) == 0 {
                continue;
            }
            used_hi = e;
            let has_q = (st..e).any(|i| matches!(u[i], Unit::Quote(_)));
            let bw = c.lower_word(u[b.cue]).unwrap_or_default();
            let starts_that = c.lower_word(u[st]).is_some_and(|w| w == "that");
            let kind = if has_q {
                QuoteKind::Partial
            } else if (starts_that || l.cue_bare.contains(bw.as_str()))
                && s.content_words(c, st, e) >= 3
            {
                QuoteKind::Reported
            } else {
                continue;
            };
            let (bm, bsp) = resolve(c, u, &b.np, &mut self.entities);
            let out = self.push(Draft {
                kind,
                pieces: vec![(c.span(u[st]).0, c.span(u[e - 1]).1)],
                mention: bm,
                speaker: bsp,
                cue: Some((c.span(u[b.cue]).0, c.span(u[b.cue_end - 1]).1)),
                confidence: 0.6,
            });
            self.claim(u[st..e].iter().copied(), out);
        }
    }
}

/// End of a reported clause `[s, e)` holding a quoted fragment: drops trailing conjunctions and
/// commas, and what follows the last quote when it is a new phrase (", and ...", "during ...").
pub(super) fn trim_clause(c: &Doc, u: &[Unit], s: usize, mut e: usize) -> usize {
    let joiner = |x: Unit| {
        [",", ";", "\u{2014}", "\u{2013}", "-", "("]
            .iter()
            .any(|p| c.is_punct(x, p))
    };
    let conj = |x: Unit| {
        c.lower_word(x)
            .is_some_and(|w| matches!(w.as_str(), "and" | "but" | "or" | "while" | "whereas"))
    };
    while e > s && (joiner(u[e - 1]) || conj(u[e - 1])) {
        e -= 1;
    }
    if let Some(lq) = (s..e).rev().find(|&i| matches!(u[i], Unit::Quote(_)))
        && lq + 1 < e
    {
        let t = u[lq + 1];
        // a comma inside the closing mark ("corrupt," noting ...) ends the fragment's clause too
        let comma_inside = match u[lq] {
            Unit::Quote(q) => {
                c.text[c.spans[q].content_start..c.spans[q].content_end].ends_with(',')
            }
            Unit::Token(_) => false,
        };
        // a new phrase after the fragment: ", and he ...", " -- a metaphor", "but"; not
        // ", that ..." (a second reported clause)
        let new_phrase = ((joiner(t) || comma_inside)
            && (lq + 2 >= e
                || !c
                    .lower_word(u[lq + 2])
                    .is_some_and(|w| w == "that" || w == "and")))
            || c.lower_word(t).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "but" | "when" | "while" | "even" | "according" | "whereas"
                )
            });
        if new_phrase {
            e = lq + 1;
        }
    }
    e
}

/// Content spans (without marks) of the quote units at `ids`.
pub(super) fn qpieces_all(c: &Doc, u: &[Unit], ids: &[usize]) -> Vec<(usize, usize)> {
    ids.iter()
        .filter_map(|&i| match u[i] {
            Unit::Quote(q) => Some((c.spans[q].content_start, c.spans[q].content_end)),
            Unit::Token(_) => None,
        })
        .filter(|p| p.0 < p.1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
        extract(text)
            .into_iter()
            .map(|q| (q.kind, q.text, q.speaker.map(|s| s.name)))
            .collect()
    }

    #[test]
    fn split_quote_around_its_cue_is_one_direct_quote() {
        assert_eq!(
            summary("\"First half,\" Lee said, \"second half.\""),
            vec![(
                QuoteKind::Direct,
                "First half, second half.".to_string(),
                Some("Lee".to_string())
            )]
        );
    }

    #[test]
    fn a_fragment_inside_a_reported_clause_is_partial() {
        let got = summary("Lee said the plan was \"a disaster\" for voters.");
        assert_eq!(
            got,
            vec![(
                QuoteKind::Partial,
                "the plan was \"a disaster\" for voters".to_string(),
                Some("Lee".to_string())
            )]
        );
    }

    #[test]
    fn a_byline_names_the_speaker_and_a_long_bare_quote_stands_alone() {
        assert_eq!(
            summary("\u{201C}Words matter a lot.\u{201D} \u{2015} Steve Quinlan"),
            vec![(
                QuoteKind::Direct,
                "Words matter a lot.".to_string(),
                Some("Steve Quinlan".to_string())
            )]
        );
        let qs = extract("\u{201C}Nobody expected this to happen here.\u{201D}");
        assert_eq!(qs.len(), 1);
        assert!(qs[0].speaker.is_none());
        assert_eq!(qs[0].confidence, 0.3);
    }

    #[test]
    fn trim_clause_stops_after_the_fragment_before_a_new_phrase() {
        with_units(
            "he called it \"corrupt,\" noting the cost and more",
            |doc, units| {
                let e = trim_clause(doc, units, 0, units.len());
                assert!(matches!(units[e - 1], Unit::Quote(_)));
            },
        );
    }
}
