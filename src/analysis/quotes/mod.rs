//! Rule-based quotation and speaker-attribution extractor for English news text: finds direct quotes, partial (mixed) quotes and reported speech, with the speaker mention, resolved speaker name, role and cue.
//!
//! Offsets are Unicode code points into the input text. Paragraphs are separated by blank lines
//! (any newline is treated as a paragraph break). For `Partial` quotes (a quoted fragment inside a
//! reported clause, e.g. `He said the plan was "a disaster" for voters`) the piece covers the whole
//! reported clause, quote marks included where they fall inside it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What kind of statement a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words inside quote marks.
    Direct,
    /// Speech reported without quote marks ("X said that ..."): not verbatim.
    Reported,
    /// A quoted fragment inside a reported clause.
    Partial,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Partial => "partial",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// the text of the mention as written, e.g. "he", "Zhang", "the ministry"
    pub name: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// resolved full name, e.g. "Zhang Chi", or organisation
    pub name: String,
    pub role: Option<String>,
    pub is_org: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// code-point spans of the quoted content without the quote marks, one per piece
    pub pieces: Vec<(usize, usize)>,
    /// the pieces' texts joined with a single space
    pub text: String,
    /// None when unknown
    pub speaker: Option<Speaker>,
    /// the speaker mention nearest the quote (the cue's subject)
    pub mention: Option<Mention>,
    pub cue: Option<(usize, usize)>,
    pub confidence: f32,
}

mod attribution;
mod entities;
mod lexicon;
mod phrases;
mod spans;
#[cfg(test)]
mod tests;
mod tokens;

use attribution::*;
use entities::*;
pub use lexicon::introduces_new_statement;
use lexicon::*;
use phrases::*;
use spans::*;
use tokens::*;

// ---------------------------------------------------------------------------------------------
// main extraction

/// Who spoke last and where: (speaker, mention span, paragraph index).
type Context = (Option<Speaker>, Option<(usize, usize)>, usize);

struct Out {
    kind: QuoteKind,
    pieces: Vec<(usize, usize)>, // bytes
    mention: Option<(usize, usize)>,
    speaker: Option<Speaker>,
    cue: Option<(usize, usize)>,
    conf: f32,
}

pub fn extract(text: &str) -> Vec<Quote> {
    let toks = tokenize(text);
    // paragraphs as token ranges
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TK::Para {
            if i > a {
                paras.push((a, i));
            }
            a = i + 1;
        }
    }
    if toks.len() > a {
        paras.push((a, toks.len()));
    }
    let mut qs = find_quotes(text, &toks, &paras);
    let l = lex();
    // title / nickname quotes become plain tokens
    for q in qs.iter_mut() {
        let before = (0..q.open).rev().find(|&k| toks[k].kind == TK::Word);
        let after = ((q.last + 1)..toks.len()).find(|&k| {
            toks[k].kind != TK::Punct
                || text[toks[k].s..toks[k].e]
                    .chars()
                    .all(|c| c.is_alphanumeric())
        });
        let bw = before
            .filter(|&k| q.open - k == 1 && !toks[k].cap)
            .map(|k| text[toks[k].s..toks[k].e].to_lowercase());
        let aw = after
            .filter(|&k| toks[k].kind == TK::Word && k == q.last + 1)
            .map(|k| text[toks[k].s..toks[k].e].to_lowercase());
        let title = q.words <= 8
            && (bw.as_deref().is_some_and(|w| l.title_before.contains(w))
                || aw.as_deref().is_some_and(|w| l.title_after.contains(w)));
        // a subhead in single quotes on its own line: 'Coal Isn't the Villain.'
        let own_line = |k: Option<usize>| k.is_none_or(|k| toks[k].kind == TK::Para);
        let words: Vec<&Tok> = toks[q.open..=q.last.min(toks.len() - 1)]
            .iter()
            .filter(|t| t.kind == TK::Word)
            .collect();
        let after_heading = (q.last + 1..toks.len()).find(|&x| toks[x].kind != TK::Punct);
        let heading = toks[q.open].kind == TK::SQ
            && q.words <= 8
            && own_line(q.open.checked_sub(1))
            && own_line(after_heading)
            && words.iter().filter(|t| t.cap).count() * 2 > words.len();
        if title || heading {
            q.ignored = true;
        }
    }
    // continuation links (multi-paragraph quotes) by paragraph adjacency, on the sorted list
    recompute_cont(&mut qs, &toks, &paras);
    let mut unit_of_tok: Vec<Option<usize>> = vec![None; toks.len()];
    for (qi, q) in qs.iter().enumerate() {
        if q.ignored {
            continue;
        }
        let hi = q.last.min(toks.len() - 1);
        if q.open <= hi {
            unit_of_tok[q.open..=hi].fill(Some(qi));
        }
    }
    let c = Ctx {
        text,
        toks: &toks,
        qs: &qs,
    };
    let mut ents = Ents::default();
    let mut outs: Vec<Out> = Vec::new();
    let mut out_of_q: HashMap<usize, usize> = HashMap::new();
    // follow-on context: the last speaker, the mention, the paragraph
    let mut last: Option<Context> = None;
    let mut last_quote_para: Option<usize> = None;
    let mut intro_pending: Option<Context> = None;

    for (pi, &(pa, pb)) in paras.iter().enumerate() {
        // build units
        let mut units: Vec<U> = Vec::new();
        let mut k = pa;
        while k < pb {
            if let Some(qi) = unit_of_tok[k] {
                units.push(U::Q(qi));
                k = qs[qi].last + 1;
            } else {
                units.push(U::T(k));
                k += 1;
            }
        }
        // sentences
        let mut sents: Vec<(usize, usize)> = Vec::new();
        let mut s0 = 0;
        for i in 0..units.len() {
            let next = units.get(i + 1).copied();
            let next_lower = next.is_some_and(|n| {
                c.word(n)
                    .is_some_and(|w| w.chars().next().is_some_and(|ch| ch.is_lowercase()))
            });
            let boundary = match units[i] {
                U::T(t) => {
                    let s = c.ts(t);
                    if (s == "." || s == "!" || s == "?") && toks[t].kind == TK::Punct {
                        let abbr = s == "."
                            && i > 0
                            && c.word(units[i - 1]).is_some_and(|w| {
                                (w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase()))
                                    || l.abbr.contains(w.to_lowercase().as_str())
                            })
                            && next.is_some_and(|n| c.cap(n));
                        // "U.S." ends a sentence unless a title follows ("U.S. Rep.")
                        let abbr = abbr
                            && (!matches!(
                                c.word(units[i - 1]).map(|w| w.to_lowercase()).as_deref(),
                                Some("u.s") | Some("a.m") | Some("p.m")
                            ) || next.is_some_and(|n| {
                                c.word(n)
                                    .is_some_and(|w| l.role.contains(w.to_lowercase().as_str()))
                            }));
                        let next_ok = next.is_some_and(|n| match n {
                            U::Q(_) => true,
                            U::T(t2) => {
                                let f = c.ts(t2).chars().next().unwrap_or(' ');
                                f.is_uppercase()
                                    || f.is_ascii_digit()
                                    || (matches!(toks[t2].kind, TK::DQ | TK::SQ)
                                        && toks[t2].dir != Dir::Close)
                            }
                        });
                        !abbr && !next_lower && next_ok
                    } else {
                        false
                    }
                }
                U::Q(q) => {
                    let qq = &qs[q];
                    let endc = text[qq.cs..qq.ce].chars().next_back();
                    // ""Why?" Graham asked." stays one sentence: a cue follows within a few words
                    let cue_follows = || {
                        units[i + 1..]
                            .iter()
                            .take(8)
                            .take_while(|&&n| !matches!(n, U::Q(_)) && !c.is_punct(n, "."))
                            .any(|&n| {
                                !c.cap(n)
                                    && c.lw(n).is_some_and(|w| {
                                        l.cue_bare.contains(w.as_str())
                                            || l.cue_quote.contains(w.as_str())
                                    })
                            })
                    };
                    matches!(endc, Some('.') | Some('!') | Some('?') | Some('\u{2026}'))
                        && next.is_some_and(|n| matches!(n, U::Q(_)) || c.cap(n))
                        && (endc == Some('.') || !cue_follows())
                }
            };
            if boundary {
                sents.push((s0, i + 1));
                s0 = i + 1;
            }
        }
        if s0 < units.len() {
            sents.push((s0, units.len()));
        }
        for &(ss, se) in &sents {
            let u = &units[ss..se];
            // touch entity mentions (outside quotes)
            for &x in u {
                if c.cap(x)
                    && let Some(w) = c.word(x)
                {
                    ents.touch(w, c.span(x).0);
                }
            }
            register_named_people(&c, u, &mut ents);
            let qidx: Vec<usize> = (0..u.len()).filter(|&i| matches!(u[i], U::Q(_))).collect();
            // attributions
            let mut attrs: Vec<Attr> = Vec::new();
            for i in 0..u.len() {
                // a capitalised cue only opens an inverted sentence: "Said Ellis: ..."
                if let Some(w) = c.lw(u[i])
                    && (w == "according"
                        || ((is_cue_word(l, &w, true) || w == "pointed")
                            && (!c.cap(u[i]) || (i == 0 && w.ends_with('d')))))
                {
                    // quote-framing verbs count next to a quote or before a closing colon ("Caddell continued:")
                    let qa = !qidx.is_empty() || u.last().is_some_and(|&x| c.is_punct(x, ":"));
                    if let Some(at) = attr_at(&c, u, i, qa) {
                        if !qa && !is_cue_word(l, &w, false) && w != "according" && w != "pointed" {
                            continue;
                        }
                        if attrs.last().is_some_and(|p| at.cue < p.region_e) {
                            continue;
                        }
                        // "The senator said he rarely asks surrogates ..., "except ..."": a verb
                        // that frames quotes only inside a clause someone else reports is no cue
                        if at.np.kind == NpKind::Pron
                            && !l.cue_bare.contains(w.as_str())
                            && !l.cue_that.contains(w.as_str())
                            && attrs.last().is_some_and(|p| {
                                !p.inverted
                                    && p.region_e == at.np.s
                                    && c.lw(u[p.cue])
                                        .is_some_and(|pw| l.cue_bare.contains(pw.as_str()))
                            })
                        {
                            continue;
                        }
                        let mut at = at;
                        if let Some(prev) = attrs.last()
                            && at.np.s < prev.region_e
                            && !at.inverted
                            && i > 0
                            && (c.is_punct(u[i - 1], ",")
                                || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
                        {
                            // "X said ..., noting ...", "X said ... and warned ...": the earlier subject
                            at.np = prev.np.clone();
                            at.region_s = i;
                        }
                        attrs.push(at);
                    } else if let Some(prev) = attrs.last()
                        && i > prev.region_e
                        && (qa || is_cue_word(l, &w, false))
                        && (w.ends_with("ing") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
                        && (c.is_punct(u[i - 1], ",") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
                    {
                        // "X said ..., adding that ...": the participle shares the earlier subject
                        let np = prev.np.clone();
                        attrs.push(Attr {
                            cue: i,
                            cue_e: i + 1,
                            np,
                            region_s: i,
                            region_e: i + 1,
                            inverted: false,
                            according: false,
                        });
                    }
                }
            }
            let sent_end_excl = |c: &Ctx| {
                let mut e = u.len();
                while e > 0
                    && (c.is_punct(u[e - 1], ".")
                        || c.is_punct(u[e - 1], "!")
                        || c.is_punct(u[e - 1], "?")
                        || c.is_punct(u[e - 1], ":"))
                {
                    e -= 1;
                }
                e
            };
            let content_words = |from: usize, to: usize, skip: Option<(usize, usize)>| -> usize {
                (from..to)
                    .filter(|&i| skip.is_none_or(|(a, b)| i < a || i >= b))
                    .filter(|&i| {
                        c.lw(u[i])
                            .is_some_and(|w| !l.discourse.contains(w.as_str()))
                    })
                    .count()
            };
            if let (Some(&qf), Some(&ql)) = (qidx.first(), qidx.last()) {
                // choose the attribution: one right after the leading quotes ("...," X said), else
                // the nearest cue before the first quote (X said ... "..."), else the first after
                // a leading adverbial ("In an interview on "Face the Nation," X said ...") is no quote
                let adverbial_start = c.lw(u[0]).is_some_and(|w| {
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
                    && c.word(u[qf - 1]).is_some();
                let head_words = content_words(0, qf, None);
                let adjacent_after = attrs.iter().position(|a| {
                    !adverbial_start
                        && qidx
                            .iter()
                            .rev()
                            .find(|&&q| q < a.region_s)
                            .is_some_and(|&q| (q + 1..a.region_s).all(|i| c.word(u[i]).is_none()))
                        && (head_words == 0 || !qidx.iter().any(|&q| q >= a.region_e))
                });
                // a cognition verb inside a reported clause ("... and he feels ...") is part of it
                let embedded = |a: &Attr| {
                    c.lw(u[a.cue]).is_some_and(|w| {
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
                };
                // the last speech cue before the quote, not counting embedded ones
                let before_first = attrs
                    .iter()
                    .rposition(|a| a.region_e <= qf && !embedded(a))
                    .or_else(|| attrs.iter().rposition(|a| a.region_e <= qf));
                let ai = adjacent_after
                    .or(before_first)
                    .or_else(|| attrs.iter().position(|a| a.region_s > ql))
                    .or(if attrs.is_empty() { None } else { Some(0) });
                let at = ai.map(|i| attrs[i].clone());
                // the clause of the chosen cue ends where the next attribution begins
                let next_attr_s = ai.and_then(|i| {
                    let n = attrs[i + 1..].iter().find(|n| !embedded(n))?;
                    // a participial or coordinated cue ("and warned") shares the subject: cut at the cue
                    Some(if n.region_s >= attrs[i].region_e {
                        n.region_s
                    } else {
                        n.cue
                    })
                });
                let prev_attr_e = ai.and_then(|i| i.checked_sub(1)).map(|i| attrs[i].region_e);
                let cont_parent = match u[qf] {
                    U::Q(q) => qs[q].cont_of.and_then(|p| out_of_q.get(&p).copied()),
                    _ => None,
                };
                match at {
                    Some(at) => {
                        let (mention, speaker) = resolve(&c, u, &at.np, &mut ents);
                        let cue = Some((c.span(u[at.cue]).0, c.span(u[at.cue_e - 1]).1));
                        let send = sent_end_excl(&c);
                        let before_q: Vec<usize> =
                            qidx.iter().copied().filter(|&i| i < at.region_s).collect();
                        let mut after_q: Vec<usize> =
                            qidx.iter().copied().filter(|&i| i >= at.region_e).collect();
                        let adjacent_before = adjacent_after.is_some()
                            && adjacent_after == ai
                            && before_q
                                .last()
                                .is_some_and(|&lb| content_words(lb + 1, at.region_s, None) == 0);
                        let mut mixed = false;
                        let mut reported_only = false;
                        let mut clause: Option<(usize, usize)> = None;
                        let mut use_q: Vec<usize> = Vec::new();
                        let mut follow_on: Vec<usize> = Vec::new();
                        let qpieces = |ids: &[usize]| -> Vec<(usize, usize)> {
                            ids.iter()
                                .filter_map(|&i| {
                                    if let U::Q(q) = u[i] {
                                        Some((qs[q].cs, qs[q].ce))
                                    } else {
                                        None
                                    }
                                })
                                .filter(|p| p.0 < p.1)
                                .collect()
                        };
                        // "CLAUSE with a "fragment" for the EU, said X": the clause before the cue
                        let tail = !adjacent_before
                            && !before_q.is_empty()
                            && (after_q.is_empty()
                                || at.inverted
                                || (at.region_s > 0 && c.is_punct(u[at.region_s - 1], ",")));
                        if adjacent_before || tail {
                            let (bf, bl) = (before_q[0], before_q[before_q.len() - 1]);
                            let head_words = content_words(0, bf, None);
                            let between = content_words(bf, bl + 1, None)
                                - before_q.iter().filter(|&&i| c.word(u[i]).is_some()).count();
                            // a colon before the quote ends what comes before it ("..., especially
                            // fundraising: "...," he said"): those words are no part of the quote
                            let colon_led = bf > 0 && c.is_punct(u[bf - 1], ":");
                            if adjacent_before && (head_words == 0 || colon_led) && between == 0 {
                                use_q.extend(before_q.iter().copied());
                                // split quote: "first half," he said, "second half"
                                // an adjunct may sit between ("he said of Trump, ...", "Trump
                                // said during a rally in Kenansville, N.C., ...")
                                let adjunct_gap = |a: usize, b: usize| {
                                    b > a
                                        && b - a <= 14
                                        && c.is_punct(u[b - 1], ",")
                                        && c.lw(u[a]).is_some_and(|w| {
                                            l.stop_fwd.contains(w.as_str()) || w == "of"
                                        })
                                        && !(a..b).any(|i| matches!(u[i], U::Q(_)))
                                };
                                // ... or a participle phrase ("Tester said, referring to the
                                // excuse, "..."") or a bare conjunction ("he said, but "..."")
                                let gap_first = (at.region_e..u.len())
                                    .find_map(|i| c.lw(u[i]))
                                    .unwrap_or_default();
                                let participle_gap = |a: usize, b: usize| {
                                    b > a
                                        && b - a <= 14
                                        && c.is_punct(u[b - 1], ",")
                                        && gap_first.len() > 5
                                        && gap_first.ends_with("ing")
                                        && !(a..b).any(|i| matches!(u[i], U::Q(_)))
                                };
                                let conj_gap = |a: usize, b: usize| {
                                    let ws: Vec<String> =
                                        (a..b).filter_map(|i| c.lw(u[i])).collect();
                                    ws.len() == 1
                                        && matches!(ws[0].as_str(), "but" | "and")
                                        && (a..b).all(|i| {
                                            c.word(u[i]).is_some() || c.is_punct(u[i], ",")
                                        })
                                };
                                if let Some(&fa) = after_q.first()
                                    && fa > 0
                                    && ((content_words(at.region_e, fa, None) == 0
                                        || adjunct_gap(at.region_e, fa)
                                        || participle_gap(at.region_e, fa))
                                        && (c.is_punct(u[fa - 1], ",")
                                            || c.is_punct(u[fa - 1], ":")
                                            || c.is_punct(u[fa - 1], "\u{2014}")
                                            || fa == at.region_e)
                                        || conj_gap(at.region_e, fa))
                                {
                                    let mut rest = vec![fa];
                                    let mut last_ok = fa;
                                    for &x in after_q.iter().skip(1) {
                                        if content_words(last_ok + 1, x, None) == 0 {
                                            rest.push(x);
                                            last_ok = x;
                                        } else {
                                            break;
                                        }
                                    }
                                    // "..., he said, adding, "..."", "..., she sings before asking
                                    // him, "..."": a second statement of the same speaker, not the
                                    // rest of the first
                                    if (at.region_e..fa).any(|i| {
                                        c.lw(u[i])
                                            .is_some_and(|w| l.cue_participle.contains(w.as_str()))
                                    }) {
                                        follow_on = rest;
                                    } else {
                                        use_q.extend(rest);
                                    }
                                }
                            } else {
                                mixed = true;
                                let mut e = at.region_s;
                                while e > 0
                                    && (c.is_punct(u[e - 1], ",")
                                        || c.is_punct(u[e - 1], "\u{2014}"))
                                {
                                    e -= 1;
                                }
                                let mut s = prev_attr_e.unwrap_or(0).min(e);
                                while s < e
                                    && (c.is_punct(u[s], ",")
                                        || c.word(u[s]).is_some_and(|w| {
                                            matches!(w, "And" | "But" | "and" | "but")
                                        }))
                                {
                                    s += 1;
                                }
                                clause = Some((s, e));
                            }
                        } else if let Some(&fa) = after_q.first() {
                            let punct_before_q = fa > 0
                                && (c.is_punct(u[fa - 1], ",")
                                    || c.is_punct(u[fa - 1], ":")
                                    || c.is_punct(u[fa - 1], "\u{2014}"));
                            let gap_words: Vec<String> =
                                (at.region_e..fa).filter_map(|i| c.lw(u[i])).collect();
                            let only_that = gap_words.iter().all(|w| w == "that");
                            let cl_end = next_attr_s.unwrap_or(send).min(send);
                            let cl_end = trim_clause(&c, u, fa, cl_end).max(fa + 1);
                            after_q.retain(|&q| q < cl_end);
                            let la = after_q.last().copied().unwrap_or(fa);
                            let after_words = content_words(la + 1, cl_end, None);
                            let between = content_words(fa, la + 1, None);
                            if (punct_before_q || only_that) && after_words == 0 && between == 0 {
                                use_q.extend(after_q.iter().copied());
                            } else {
                                mixed = true;
                                let mut s = at.region_e;
                                while s < u.len()
                                    && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":"))
                                {
                                    s += 1;
                                }
                                clause = Some((
                                    s,
                                    trim_clause(&c, u, s, next_attr_s.unwrap_or(send).min(send)),
                                ));
                            }
                        } else {
                            // quotes only inside the subject or an earlier phrase: the attribution reports a clause
                            mixed = true;
                            let mut s = at.region_e;
                            while s < u.len() && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":")) {
                                s += 1;
                            }
                            clause = Some((
                                s,
                                trim_clause(&c, u, s, next_attr_s.unwrap_or(send).min(send)),
                            ));
                        }
                        let pieces: Vec<(usize, usize)> = if mixed {
                            let (s, e) = clause.unwrap_or_default();
                            if s < e && content_words(s, e, None) > 0 {
                                if !(s..e).any(|i| matches!(u[i], U::Q(_))) {
                                    // the quotes are elsewhere (in the subject, a title): reported speech
                                    reported_only = true;
                                }
                                let a = c.span(u[s]).0;
                                let b = c.span(u[e - 1]).1;
                                vec![(a, b)]
                            } else {
                                vec![]
                            }
                        } else {
                            qpieces(&use_q)
                        };
                        if pieces.is_empty() {
                            continue;
                        }
                        if let (Some(p), false) = (cont_parent, mixed) {
                            let o = &mut outs[p];
                            o.pieces.extend(pieces.iter().copied());
                            if o.speaker.is_none() {
                                o.speaker = speaker.clone();
                                o.mention = mention;
                                o.cue = cue;
                            }
                        } else {
                            let conf = match (mixed, at.np.kind) {
                                (false, NpKind::Name) => 0.9,
                                (false, _) => 0.8,
                                (true, _) => 0.6,
                            };
                            outs.push(Out {
                                kind: if reported_only {
                                    QuoteKind::Reported
                                } else if mixed {
                                    QuoteKind::Partial
                                } else {
                                    QuoteKind::Direct
                                },
                                pieces,
                                mention,
                                speaker: speaker.clone(),
                                cue,
                                conf,
                            });
                        }
                        for &i in &qidx {
                            if let U::Q(q) = u[i] {
                                out_of_q.insert(q, outs.len() - 1);
                            }
                        }
                        let follow_pieces = qpieces(&follow_on);
                        if !follow_pieces.is_empty() {
                            outs.push(Out {
                                kind: QuoteKind::Direct,
                                pieces: follow_pieces,
                                mention,
                                speaker: speaker.clone(),
                                cue,
                                conf: if at.np.kind == NpKind::Name { 0.9 } else { 0.8 },
                            });
                            for &i in &follow_on {
                                if let U::Q(q) = u[i] {
                                    out_of_q.insert(q, outs.len() - 1);
                                }
                            }
                        }
                        last = Some((speaker, mention, pi));
                        last_quote_para = Some(pi);
                        // later cues in the same sentence ("..., adding that ...", "and warned ..."):
                        // each reports its own clause
                        let mut used_hi = at.region_e.max(clause.map_or(0, |x| x.1));
                        if let Some(&m) = use_q.iter().chain(&follow_on).max() {
                            used_hi = used_hi.max(m + 1);
                        }
                        let first_later = ai.map_or(attrs.len(), |i| i + 1);
                        for bi in first_later..attrs.len() {
                            let b = &attrs[bi];
                            if b.cue < used_hi || b.inverted {
                                continue;
                            }
                            let mut s = b.region_e;
                            while s < send && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":")) {
                                s += 1;
                            }
                            let e = attrs
                                .get(bi + 1)
                                .map(|n| {
                                    if n.region_s >= b.region_e {
                                        n.region_s
                                    } else {
                                        n.cue
                                    }
                                })
                                .unwrap_or(send)
                                .min(send);
                            let e = trim_clause(&c, u, s, e);
                            if s >= e || content_words(s, e, None) == 0 {
                                continue;
                            }
                            used_hi = e;
                            let has_q = (s..e).any(|i| matches!(u[i], U::Q(_)));
                            let bw = c.lw(u[b.cue]).unwrap_or_default();
                            let starts_that = c.lw(u[s]).is_some_and(|w| w == "that");
                            let kind = if has_q {
                                QuoteKind::Partial
                            } else if (starts_that || l.cue_bare.contains(bw.as_str()))
                                && content_words(s, e, None) >= 3
                            {
                                QuoteKind::Reported
                            } else {
                                continue;
                            };
                            let (bm, bsp) = resolve(&c, u, &b.np, &mut ents);
                            outs.push(Out {
                                kind,
                                pieces: vec![(c.span(u[s]).0, c.span(u[e - 1]).1)],
                                mention: bm,
                                speaker: bsp,
                                cue: Some((c.span(u[b.cue]).0, c.span(u[b.cue_e - 1]).1)),
                                conf: 0.6,
                            });
                            for &x in &u[s..e] {
                                if let U::Q(q) = x {
                                    out_of_q.insert(q, outs.len() - 1);
                                }
                            }
                        }
                    }
                    None => {
                        // byline after the quote: "“...” ― Steve Quinlan" (reader comments, epigraphs)
                        let send = sent_end_excl(&c);
                        let dash_byline = (content_words(0, qf, None) == 0
                            && ql + 2 < u.len()
                            && ["\u{2015}", "\u{2014}", "\u{2013}", "-"]
                                .iter()
                                .any(|d| c.is_punct(u[ql + 1], d)))
                        .then(|| np_fwd(&c, u, ql + 2, u.len()))
                        .flatten()
                        .filter(|np| np.kind == NpKind::Name && np.e >= send);
                        // colon intro without a speech verb: "X demurred: "..."", "As X put it: "...""
                        let colon_intro = (qf >= 2
                            && c.is_punct(u[qf - 1], ":")
                            && content_words(ql + 1, send, None) == 0
                            && content_words(0, qf - 1, None) > 0)
                            .then(|| {
                                subject_at_start(&c, u, qf - 1)
                                    .or_else(|| np_back(&c, u, qf - 2, 0).filter(|np| np.s == 0))
                            })
                            .flatten()
                            .filter(|np| np.kind != NpKind::Common || np.head_e - np.head_s <= 4);
                        let cue_u = if colon_intro.is_some() && dash_byline.is_none() {
                            qf - 1
                        } else {
                            ql + 1
                        };
                        if let Some(np) = dash_byline.or(colon_intro)
                            && cue_u < u.len()
                        {
                            let pieces = qpieces_all(&c, u, &qidx);
                            if !pieces.is_empty() {
                                let (mention, speaker) = resolve(&c, u, &np, &mut ents);
                                outs.push(Out {
                                    kind: QuoteKind::Direct,
                                    pieces,
                                    mention,
                                    speaker: speaker.clone(),
                                    cue: Some(c.span(u[cue_u])),
                                    conf: 0.8,
                                });
                                for &i in &qidx {
                                    if let U::Q(q) = u[i] {
                                        out_of_q.insert(q, outs.len() - 1);
                                    }
                                }
                                last = Some((speaker, mention, pi));
                                last_quote_para = Some(pi);
                                continue;
                            }
                        }
                        let quote_only = content_words(0, u.len(), None) == 0;
                        let pieces: Vec<(usize, usize)> = qidx
                            .iter()
                            .filter_map(|&i| {
                                if let U::Q(q) = u[i] {
                                    Some((qs[q].cs, qs[q].ce))
                                } else {
                                    None
                                }
                            })
                            .filter(|p| p.0 < p.1)
                            .collect();
                        if pieces.is_empty() {
                            continue;
                        }
                        if let Some(p) = cont_parent
                            && quote_only
                        {
                            outs[p].pieces.extend(pieces.iter().copied());
                            for &i in &qidx {
                                if let U::Q(q) = u[i] {
                                    out_of_q.insert(q, p);
                                }
                            }
                            last_quote_para = Some(pi);
                            continue;
                        }
                        if !quote_only {
                            continue;
                        }
                        let ctx = intro_pending.take().filter(|x| x.2 + 1 >= pi).or_else(|| {
                            last.clone().filter(|x| {
                                last_quote_para.is_some_and(|lp| lp + 1 >= pi) && x.2 + 3 >= pi
                            })
                        });
                        let nwords: usize = qidx
                            .iter()
                            .map(|&i| if let U::Q(q) = u[i] { qs[q].words } else { 0 })
                            .sum();
                        match ctx {
                            Some((sp, m, _)) => {
                                outs.push(Out {
                                    kind: QuoteKind::Direct,
                                    pieces,
                                    mention: m,
                                    speaker: sp.clone(),
                                    cue: None,
                                    conf: 0.6,
                                });
                                for &i in &qidx {
                                    if let U::Q(q) = u[i] {
                                        out_of_q.insert(q, outs.len() - 1);
                                    }
                                }
                                last_quote_para = Some(pi);
                                if let Some(x) = last.as_mut() {
                                    x.2 = pi;
                                }
                            }
                            None => {
                                if nwords >= 4 {
                                    outs.push(Out {
                                        kind: QuoteKind::Direct,
                                        pieces,
                                        mention: None,
                                        speaker: None,
                                        cue: None,
                                        conf: 0.3,
                                    });
                                    for &i in &qidx {
                                        if let U::Q(q) = u[i] {
                                            out_of_q.insert(q, outs.len() - 1);
                                        }
                                    }
                                    last_quote_para = Some(pi);
                                    last = Some((None, None, pi));
                                }
                            }
                        }
                    }
                }
                continue;
            }
            // no quotes: introductions ("Cruz continued:") and reported speech
            let ends_colon = u.last().is_some_and(|&x| c.is_punct(x, ":"));
            let send = sent_end_excl(&c);
            if ends_colon && !attrs.iter().any(|at| at.region_e >= send.saturating_sub(3)) {
                // "President Clinton released the following statement:", "He told his
                // audience, to rowdy applause:": the quote that opens the next paragraph is the
                // subject's
                let np = attrs.first().map(|at| at.np.clone()).or_else(|| {
                    // a name followed by a comma is an address or an interjection ("Wait, it
                    // gets better:"), not a subject
                    subject_at_start(&c, u, u.len()).filter(|n| {
                        n.kind != NpKind::Common && !(n.e < u.len() && c.is_punct(u[n.e], ","))
                    })
                });
                if let Some(np) = np {
                    let (mention, speaker) = resolve(&c, u, &np, &mut ents);
                    intro_pending = Some((speaker, mention, pi));
                }
            }
            if attrs.is_empty() {
                continue;
            }
            for (ai, at) in attrs.iter().enumerate() {
                let (mention, speaker) = resolve(&c, u, &at.np, &mut ents);
                let cue = Some((c.span(u[at.cue]).0, c.span(u[at.cue_e - 1]).1));
                if ends_colon && at.region_e >= send.saturating_sub(3) {
                    intro_pending = Some((speaker.clone(), mention, pi));
                    continue;
                }
                let w = c.lw(u[at.cue]).unwrap_or_default();
                // a cue whose subject opens this cue's clause is reported inside it
                // ("Merrill says Machado promised ...")
                let next_s = attrs[ai + 1..]
                    .iter()
                    .find(|n| n.np.s > at.region_e + 1 || n.np.s <= at.cue)
                    .map(|n| if n.np.s > at.cue { n.np.s } else { n.cue })
                    .unwrap_or(send);
                let mut pieces: Vec<(usize, usize)> = Vec::new();
                let follows_clause = {
                    let nx = if at.region_e < send {
                        c.lw(u[at.region_e])
                    } else {
                        None
                    };
                    let rest = content_words(at.region_e, next_s.min(send), None);
                    match nx.as_deref() {
                        Some("that") => true,
                        Some(f) if l.stop_fwd.contains(f) => false,
                        Some(_) => rest >= 4 && !at.inverted && l.cue_bare.contains(w.as_str()),
                        None => false,
                    }
                };
                let tail_attr =
                    !follows_clause && at.region_s > 0 && (at.inverted || at.region_s > 2) && {
                        let mut p = at.region_s;
                        while p > 0 && c.is_punct(u[p - 1], ",") {
                            p -= 1;
                        }
                        p < at.region_s
                    };
                if at.according && at.region_s < 2 {
                    // According to X, CLAUSE
                    let mut s = at.region_e;
                    while s < send && c.is_punct(u[s], ",") {
                        s += 1;
                    }
                    if content_words(s, send, None) >= 3 {
                        pieces.push((s, send));
                    }
                } else if tail_attr {
                    // CLAUSE, X said [, CLAUSE2]
                    let mut e = at.region_s;
                    while e > 0 && c.is_punct(u[e - 1], ",") {
                        e -= 1;
                    }
                    let mut s = 0;
                    if ai > 0 {
                        s = attrs[ai - 1].region_e.max(attrs[ai - 1].cue_e);
                        if s > e {
                            continue;
                        }
                    }
                    if content_words(s, e, None) >= 3 {
                        pieces.push((s, e));
                        // parenthetical: continue after the attribution
                        let mut s2 = at.region_e;
                        while s2 < send && c.is_punct(u[s2], ",") {
                            s2 += 1;
                        }
                        // "..., said Wilcox, an Orlando Republican who ...": an apposition of
                        // the speaker, not the rest of the statement
                        let apposition = s2 < send
                            && c.lw(u[s2]).is_some_and(|f| {
                                matches!(f.as_str(), "who" | "whose")
                                    || (at.inverted
                                        && matches!(f.as_str(), "a" | "an" | "the" | "one"))
                            });
                        if s2 > at.region_e
                            && !apposition
                            && content_words(s2, next_s.min(send), None) >= 2
                            && !at.according
                        {
                            pieces.push((s2, next_s.min(send)));
                        }
                    }
                } else if !at.inverted || at.according {
                    // X said [that] CLAUSE
                    let mut s = at.region_e;
                    let bare = l.cue_bare.contains(w.as_str()) || at.according;
                    // skip time adjuncts / PPs up to "that"
                    let that_pos =
                        (s..(s + 10).min(send)).find(|&i| c.lw(u[i]).as_deref() == Some("that"));
                    let first = if s < send { c.lw(u[s]) } else { None };
                    let ok = match first.as_deref() {
                        Some("that") => true,
                        Some(f)
                            if l.stop_fwd.contains(f)
                                || matches!(
                                    f,
                                    "of" | "so"
                                        | "yes"
                                        | "no"
                                        | "it."
                                        | "nothing"
                                        | "something"
                                        | "anything"
                                ) =>
                        {
                            if let Some(tp) = that_pos {
                                s = tp;
                                true
                            } else {
                                false
                            }
                        }
                        Some(_) => bare,
                        None => false,
                    };
                    if s < send && c.is_punct(u[s], ",") {
                        // "X said, ..." -> only if followed by a clause
                        s += 1;
                    }
                    let e = next_s.min(send);
                    let mut e2 = e;
                    while e2 > s
                        && (c.is_punct(u[e2 - 1], ",")
                            || c.lw(u[e2 - 1]).is_some_and(|w| {
                                matches!(w.as_str(), "while" | "and" | "but" | "whereas")
                            }))
                    {
                        e2 -= 1;
                    }
                    if ok && content_words(s, e2, None) >= 3 {
                        pieces.push((s, e2));
                    }
                }
                let pieces: Vec<(usize, usize)> = pieces
                    .into_iter()
                    .filter(|&(s, e)| s < e)
                    .map(|(s, e)| (c.span(u[s]).0, c.span(u[e - 1]).1))
                    .collect();
                if pieces.is_empty() {
                    continue;
                }
                outs.push(Out {
                    kind: QuoteKind::Reported,
                    pieces,
                    mention,
                    speaker: speaker.clone(),
                    cue,
                    conf: 0.5,
                });
                last = Some((speaker, mention, pi));
            }
        }
    }
    // late role resolution for common-noun speakers ("a former ByteDance engineer")
    for o in outs.iter_mut() {
        if let (Some(sp), Some((ms, me))) = (&o.speaker, o.mention)
            && sp.role.is_none()
            && !sp.is_org
            && sp.name == text[ms..me].trim()
        {
            let head = text[ms..me].split_whitespace().last().unwrap_or("");
            if !head.is_empty()
                && head.chars().next().is_some_and(|ch| ch.is_lowercase())
                && let Some(id) = ents.by_role(head)
            {
                o.speaker = Some(ents.speaker(id));
            }
        }
    }
    finish(text, outs)
}

/// End of a reported clause `[s, e)` holding a quoted fragment: drops trailing conjunctions and
/// commas, and what follows the last quote when it is a new phrase (", and ...", "during ...").
fn trim_clause(c: &Ctx, u: &[U], s: usize, mut e: usize) -> usize {
    let joiner = |x: U| {
        [",", ";", "\u{2014}", "\u{2013}", "-", "("]
            .iter()
            .any(|p| c.is_punct(x, p))
    };
    let conj = |x: U| {
        c.lw(x)
            .is_some_and(|w| matches!(w.as_str(), "and" | "but" | "or" | "while" | "whereas"))
    };
    while e > s && (joiner(u[e - 1]) || conj(u[e - 1])) {
        e -= 1;
    }
    if let Some(lq) = (s..e).rev().find(|&i| matches!(u[i], U::Q(_)))
        && lq + 1 < e
    {
        let t = u[lq + 1];
        // a comma inside the closing mark ("corrupt," noting ...) ends the fragment's clause too
        let comma_inside = match u[lq] {
            U::Q(q) => c.text[c.qs[q].cs..c.qs[q].ce].ends_with(','),
            U::T(_) => false,
        };
        // a new phrase after the fragment: ", and he ...", " -- a metaphor", "but"; not
        // ", that ..." (a second reported clause)
        let new_phrase = ((joiner(t) || comma_inside)
            && (lq + 2 >= e || !c.lw(u[lq + 2]).is_some_and(|w| w == "that" || w == "and")))
            || c.lw(t).is_some_and(|w| {
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
fn qpieces_all(c: &Ctx, u: &[U], ids: &[usize]) -> Vec<(usize, usize)> {
    ids.iter()
        .filter_map(|&i| match u[i] {
            U::Q(q) => Some((c.qs[q].cs, c.qs[q].ce)),
            U::T(_) => None,
        })
        .filter(|p| p.0 < p.1)
        .collect()
}

fn recompute_cont(qs: &mut [QSpan], toks: &[Tok], paras: &[(usize, usize)]) {
    // a quote is a continuation if it opens its paragraph and the last quote of the previous paragraph is unclosed
    let para_of = |k: usize| -> usize {
        match paras.binary_search_by(|&(a, b)| {
            if k < a {
                std::cmp::Ordering::Greater
            } else if k >= b {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i,
        }
    };
    let mut cur_para = usize::MAX;
    let mut last_in_para: Option<usize> = None;
    for i in 0..qs.len() {
        qs[i].cont_of = None;
        if qs[i].ignored {
            continue;
        }
        let p = para_of(qs[i].open);
        if p != cur_para {
            let prev_last_unclosed = last_in_para
                .filter(|&j| qs[j].close.is_none())
                .map(|j| (j, cur_para));
            cur_para = p;
            if let Some((j, pp)) = prev_last_unclosed
                && pp + 1 == p
                && qs[i].open == paras[p].0
                && toks[qs[i].open].kind == TK::DQ
            {
                qs[i].cont_of = Some(j);
            }
        }
        last_in_para = Some(i);
    }
}

fn gender_of(words: &[String]) -> Option<Gender> {
    let l = lex();
    for w in words.iter().take(2) {
        let lw = w.to_lowercase();
        let lw = lw.trim_end_matches('.');
        match lw {
            "mr" | "sir" | "lord" | "king" | "prince" => return Some(Gender::M),
            "mrs" | "ms" | "miss" | "lady" | "queen" | "princess" => return Some(Gender::F),
            _ => {}
        }
        if l.fem.contains(lw) {
            return Some(Gender::F);
        }
        if l.masc.contains(lw) {
            return Some(Gender::M);
        }
    }
    None
}

/// People named in a sentence though not quoted in it ("Trump seemed to suggest he ...", then
/// `"...," he told the Times`): a run of two or three capitalised words that opens with a known
/// given name becomes an entity, so a later pronoun or surname finds it.
fn register_named_people(c: &Ctx, u: &[U], ents: &mut Ents) {
    let l = lex();
    let mut i = 0;
    while i < u.len() {
        if !c.cap(u[i]) || c.word(u[i]).is_none() {
            i += 1;
            continue;
        }
        let mut e = i;
        while e < u.len() && c.cap(u[e]) && c.word(u[e]).is_some() {
            e += 1;
        }
        let words: Vec<String> = (i..e)
            .filter_map(|k| c.word(u[k]).map(str::to_string))
            .collect();
        let plain = words.iter().all(|w| {
            let lw = w.to_lowercase();
            !l.role.contains(lw.as_str()) && !l.org.contains(lw.as_str())
        });
        if (2..=3).contains(&words.len())
            && plain
            && let Some(g) = gender_of(&words[..1])
        {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            ents.register(&refs, None, false, Some(g), c.span(u[i]).0);
        }
        i = e;
    }
}

fn resolve(
    c: &Ctx,
    u: &[U],
    np: &NP,
    ents: &mut Ents,
) -> (Option<(usize, usize)>, Option<Speaker>) {
    let l = lex();
    let a = c.span(u[np.head_s]).0;
    let b = c.span(u[np.head_e - 1]).1;
    let mtext = &c.text[a..b];
    let mention = Some((a, np.rel.map_or(b, |r| c.span(u[r]).1)));
    // a group ("Others", "other prominent industry figures", "many of whom") is no named speaker
    let first = mtext.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "other" | "others" | "some" | "many" | "most" | "several" | "few" | "various" | "numerous"
    ) {
        return (mention, None);
    }
    match np.kind {
        NpKind::Pron => {
            let lw = mtext.to_lowercase();
            let id = match lw.as_str() {
                "he" => ents.pronoun(Some(Gender::M), false, a),
                "she" => ents.pronoun(Some(Gender::F), false, a),
                "it" => ents.pronoun(None, true, a),
                "they" => ents
                    .pronoun(None, true, a)
                    .filter(|&i| a.saturating_sub(ents.list[i].last_seen) < 600),
                _ => None,
            };
            (mention, id.map(|i| ents.speaker(i)))
        }
        NpKind::Name => {
            let mut words: Vec<&str> = np.name_words.iter().map(|s| s.as_str()).collect();
            // strip honorifics
            while words.len() > 1
                && l.role
                    .contains(words[0].to_lowercase().trim_end_matches('.'))
            {
                words.remove(0);
            }
            // an initial keeps its dot as written ("Donald J. Trump")
            let initials: Vec<String> = words
                .iter()
                .filter(|w| **w != ".")
                .map(|w| {
                    let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
                    if initial && mtext.contains(&format!("{w}.")) {
                        format!("{w}.")
                    } else {
                        (*w).to_string()
                    }
                })
                .collect();
            let words: Vec<&str> = initials.iter().map(String::as_str).collect();
            if words.is_empty() {
                return (mention, None);
            }
            let lws: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let is_org = lws.iter().any(|w| l.org.contains(w.as_str()))
                || (words.len() == 1
                    && words[0].chars().count() >= 2
                    && words[0].chars().all(|ch| ch.is_uppercase()))
                || c.lw(u[np.head_s]).is_some_and(|w| w == "the");
            let g = gender_of(&np.name_words);
            let id = ents.register(&words, np.role.clone(), is_org, g, a);
            (mention, Some(ents.speaker(id)))
        }
        NpKind::Common => {
            let head = mtext.split_whitespace().last().unwrap_or("").to_lowercase();
            if let Some(id) = ents.by_role(&head)
                && !ents.list[id].is_org
            {
                return (mention, Some(ents.speaker(id)));
            }
            let is_org = l.org.contains(head.as_str())
                && !matches!(head.as_str(), "spokesman" | "spokeswoman");
            if is_org {
                // most recent org entity containing the head noun
                let mut best = None;
                for (i, e) in ents.list.iter().enumerate() {
                    if e.is_org
                        && e.name.to_lowercase().contains(&head)
                        && best.is_none_or(|b: usize| ents.list[b].last_seen <= e.last_seen)
                    {
                        best = Some(i);
                    }
                }
                if let Some(i) = best {
                    return (mention, Some(ents.speaker(i)));
                }
            }
            let name = mtext.to_string();
            (
                mention,
                Some(Speaker {
                    name,
                    role: None,
                    is_org,
                }),
            )
        }
    }
}

fn finish(text: &str, mut outs: Vec<Out>) -> Vec<Quote> {
    // byte -> code point map
    let mut map = vec![0u32; text.len() + 1];
    let mut ci = 0u32;
    for (b, ch) in text.char_indices() {
        for k in 0..ch.len_utf8() {
            map[b + k] = ci;
        }
        ci += 1;
    }
    map[text.len()] = ci;
    let cp = |b: usize| map[b] as usize;
    let mut res = Vec::with_capacity(outs.len());
    for o in outs.iter_mut() {
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in &o.pieces {
            let (s, e) = trim_ws(text, s, e);
            if s < e {
                pieces.push((s, e));
            }
        }
        if pieces.is_empty() {
            continue;
        }
        let txt = pieces
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect::<Vec<_>>()
            .join(" ");
        let mention = o.mention.map(|(s, e)| Mention {
            name: text[s..e].to_string(),
            start: cp(s),
            end: cp(e),
        });
        res.push(Quote {
            kind: o.kind,
            pieces: pieces.iter().map(|&(s, e)| (cp(s), cp(e))).collect(),
            text: txt,
            speaker: o.speaker.clone(),
            mention,
            cue: o.cue.map(|(s, e)| (cp(s), cp(e))),
            confidence: o.conf,
        });
    }
    res
}
