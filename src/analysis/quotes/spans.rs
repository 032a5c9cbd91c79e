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
