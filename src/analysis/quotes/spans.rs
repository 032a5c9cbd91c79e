//! Quote spans: pairs of opening and closing marks over the tokens, within and across paragraphs
//! (a quote that continues into the next paragraph reopens there).

use super::*;

#[derive(Debug, Clone)]
pub(super) struct QSpan {
    pub(super) open: usize,          // token index of the opening mark
    pub(super) close: Option<usize>, // token index of the closing mark
    pub(super) last: usize, // last token index belonging to the unit (close mark or last content token)
    pub(super) cs: usize,   // content byte start
    pub(super) ce: usize,   // content byte end
    pub(super) words: usize,
    pub(super) cont_of: Option<usize>,
    pub(super) ignored: bool,
}

pub(super) fn find_quotes(text: &str, toks: &[Tok], paras: &[(usize, usize)]) -> Vec<QSpan> {
    let mut qs: Vec<QSpan> = Vec::new();
    for &(a, b) in paras {
        let mut open: Option<usize> = None;
        let mut spans: Vec<(usize, Option<usize>)> = Vec::new();
        for (k, t) in toks.iter().enumerate().take(b).skip(a) {
            if t.kind != TK::DQ {
                continue;
            }
            match (open, t.dir) {
                (None, Dir::Open) | (None, Dir::Ambig) => open = Some(k),
                (None, Dir::Close) => {
                    // stray closing mark: if it is the very start of the paragraph treat as opener
                    if k == a {
                        open = Some(k)
                    }
                }
                (Some(o), Dir::Close) | (Some(o), Dir::Ambig) => {
                    spans.push((o, Some(k)));
                    open = None;
                }
                (Some(o), Dir::Open) => {
                    if k == o + 1 {
                        // empty/double mark; keep first
                        continue;
                    }
                    spans.push((o, None));
                    open = Some(k);
                }
            }
        }
        if let Some(o) = open {
            spans.push((o, None));
        }
        for (si, &(o, c)) in spans.iter().enumerate() {
            let last = match c {
                Some(c) => c,
                None => {
                    // unclosed: runs to the next opener or paragraph end
                    let nxt = spans.get(si + 1).map(|x| x.0).unwrap_or(b);
                    if nxt > o + 1 { nxt - 1 } else { o }
                }
            };
            let cs = toks[o].e;
            let ce = match c {
                Some(c) => toks[c].s,
                None => toks[last].e.max(cs),
            };
            let (cs, ce) = trim_ws(text, cs, ce);
            let words = (o + 1..=last)
                .filter(|&k| k < toks.len() && toks[k].kind == TK::Word)
                .count();
            qs.push(QSpan {
                open: o,
                close: c,
                last,
                cs,
                ce,
                words,
                // set by `recompute_cont` once all quotes are known
                cont_of: None,
                ignored: false,
            });
        }
    }
    // top-level single quotes (outside double quotes), paired within a paragraph
    let mut inside = vec![false; toks.len()];
    for q in &qs {
        let hi = q.last.min(toks.len() - 1);
        if q.open <= hi {
            inside[q.open..=hi].fill(true);
        }
    }
    for &(a, b) in paras {
        let mut k = a;
        while k < b {
            let t = &toks[k];
            if t.kind == TK::SQ
                && !inside[k]
                && t.dir == Dir::Open
                && k + 1 < b
                && toks[k + 1].kind == TK::Word
            {
                let mut found = None;
                let mut m = k + 1;
                while m < b && m < k + 60 {
                    if inside[m] {
                        break;
                    }
                    if toks[m].kind == TK::SQ && toks[m].dir == Dir::Close {
                        found = Some(m);
                        break;
                    }
                    m += 1;
                }
                if let Some(m) = found {
                    let (cs, ce) = trim_ws(text, toks[k].e, toks[m].s);
                    let words = (k + 1..m).filter(|&x| toks[x].kind == TK::Word).count();
                    if words > 0 {
                        qs.push(QSpan {
                            open: k,
                            close: Some(m),
                            last: m,
                            cs,
                            ce,
                            words,
                            cont_of: None,
                            ignored: false,
                        });
                        k = m + 1;
                        continue;
                    }
                }
            }
            k += 1;
        }
    }
    qs.sort_by_key(|q| q.open);
    qs
}

pub(super) fn trim_ws(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while s < e && (b[s] as char).is_ascii_whitespace() {
        s += 1;
    }
    while e > s && (b[e - 1] as char).is_ascii_whitespace() {
        e -= 1;
    }
    // non-ascii whitespace (nbsp)
    while let Some(c) = text[s..e].chars().next().filter(|c| c.is_whitespace()) {
        s += c.len_utf8();
    }
    while let Some(c) = text[s..e].chars().next_back().filter(|c| c.is_whitespace()) {
        e -= c.len_utf8();
    }
    (s, e)
}

/// Marks as ignored the quotes that are titles or nicknames ("the "Into Asia" podcast") and
/// headings in single quotes on a line of their own ('Coal Isn't the Villain.').
pub(super) fn mark_titles_and_headings(text: &str, toks: &[Tok], qs: &mut [QSpan]) {
    for q in qs.iter_mut() {
        if is_title(text, toks, q) || is_heading(toks, q) {
            q.ignored = true;
        }
    }
}

/// A short quote right after a word like "podcast", "titled" or before one like "show", "bill".
fn is_title(text: &str, toks: &[Tok], q: &QSpan) -> bool {
    let l = lex();
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
    q.words <= 8
        && (bw.as_deref().is_some_and(|w| l.title_before.contains(w))
            || aw.as_deref().is_some_and(|w| l.title_after.contains(w)))
}

/// A subhead in single quotes on its own line, mostly capitalised: 'Coal Isn't the Villain.'
fn is_heading(toks: &[Tok], q: &QSpan) -> bool {
    let own_line = |k: Option<usize>| k.is_none_or(|k| toks[k].kind == TK::Para);
    let words: Vec<&Tok> = toks[q.open..=q.last.min(toks.len() - 1)]
        .iter()
        .filter(|t| t.kind == TK::Word)
        .collect();
    let after_heading = (q.last + 1..toks.len()).find(|&x| toks[x].kind != TK::Punct);
    toks[q.open].kind == TK::SQ
        && q.words <= 8
        && own_line(q.open.checked_sub(1))
        && own_line(after_heading)
        && words.iter().filter(|t| t.cap).count() * 2 > words.len()
}

/// For each token, the quote span (not ignored) it belongs to, if any.
pub(super) fn quote_of_token(toks: &[Tok], qs: &[QSpan]) -> Vec<Option<usize>> {
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
    unit_of_tok
}

/// Links each quote that opens its paragraph to the unclosed last quote of the paragraph before
/// (a quote running over several paragraphs reopens each one).
pub(super) fn recompute_cont(qs: &mut [QSpan], toks: &[Tok], paras: &[(usize, usize)]) {
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
