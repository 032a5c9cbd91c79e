//! Quote spans: pairs of opening and closing marks over the tokens, within and across paragraphs
//! (a quote that continues into the next paragraph reopens there).

use super::*;

#[derive(Debug, Clone)]
/// A quote: an opening mark, its closing mark if found, and the content between.
pub(super) struct QuoteSpan {
    /// token index of the opening mark
    pub(super) open: usize,
    /// token index of the closing mark (None when unclosed: the quote runs to the next opening
    /// mark or the paragraph end)
    pub(super) close: Option<usize>,
    /// last token index belonging to the quote (the closing mark or the last content token)
    pub(super) last: usize,
    /// byte offset where the content starts (after the mark, white space trimmed)
    pub(super) content_start: usize,
    /// byte offset where the content ends (before the mark, white space trimmed)
    pub(super) content_end: usize,
    /// how many words the content has
    pub(super) words: usize,
    /// the quote (index in the span list) this one continues from the previous paragraph
    pub(super) continues: Option<usize>,
    /// a title, nickname or heading: read as plain words, not as a quote
    pub(super) ignored: bool,
}

/// Pairs the quote marks of each paragraph into spans: double marks first (an unclosed one runs to
/// the next opener or the paragraph end), then single marks outside them; sorted by opening mark.
pub(super) fn find_quotes(text: &str, toks: &[Token], paras: &[(usize, usize)]) -> Vec<QuoteSpan> {
    let mut qs: Vec<QuoteSpan> = Vec::new();
    for &(a, b) in paras {
        let pairs = pair_double_marks(toks, a, b);
        for (si, &(o, c)) in pairs.iter().enumerate() {
            let last = match c {
                Some(c) => c,
                None => {
                    // unclosed: runs to the next opener or paragraph end
                    let nxt = pairs.get(si + 1).map(|x| x.0).unwrap_or(b);
                    if nxt > o + 1 { nxt - 1 } else { o }
                }
            };
            qs.push(double_span(text, toks, o, c, last));
        }
    }
    pair_single_marks(text, toks, paras, &mut qs);
    qs.sort_by_key(|q| q.open);
    qs
}

/// The double marks of the paragraph of tokens `[a, b)` as (opening, closing) token indices; an
/// opener met while one is open leaves that one unclosed (a doubled mark is one mark).
fn pair_double_marks(toks: &[Token], a: usize, b: usize) -> Vec<(usize, Option<usize>)> {
    let mut open: Option<usize> = None;
    let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
    for (k, t) in toks.iter().enumerate().take(b).skip(a) {
        if t.kind != TokenKind::DoubleMark {
            continue;
        }
        match (open, t.direction) {
            (None, MarkDirection::Open) | (None, MarkDirection::Ambiguous) => open = Some(k),
            (None, MarkDirection::Close) => {
                // stray closing mark: if it is the very start of the paragraph treat as opener
                if k == a {
                    open = Some(k)
                }
            }
            (Some(o), MarkDirection::Close) | (Some(o), MarkDirection::Ambiguous) => {
                pairs.push((o, Some(k)));
                open = None;
            }
            (Some(o), MarkDirection::Open) => {
                if k == o + 1 {
                    // empty/double mark; keep first
                    continue;
                }
                pairs.push((o, None));
                open = Some(k);
            }
        }
    }
    if let Some(o) = open {
        pairs.push((o, None));
    }
    pairs
}

/// The span of a double-mark quote opening at token `o`, closing at `c` (if any), its last token
/// being `last`.
fn double_span(text: &str, toks: &[Token], o: usize, c: Option<usize>, last: usize) -> QuoteSpan {
    let cs = toks[o].end;
    let ce = match c {
        Some(c) => toks[c].start,
        None => toks[last].end.max(cs),
    };
    let (cs, ce) = trim_ws(text, cs, ce);
    let words = (o + 1..=last)
        .filter(|&k| k < toks.len() && toks[k].kind == TokenKind::Word)
        .count();
    QuoteSpan {
        open: o,
        close: c,
        last,
        content_start: cs,
        content_end: ce,
        words,
        // set by `recompute_cont` once all quotes are known
        continues: None,
        ignored: false,
    }
}

/// Adds the top-level single quotes (outside the double quotes in `qs`), paired within a
/// paragraph: an opening mark before a word and the next closing mark within 60 tokens.
fn pair_single_marks(
    text: &str,
    toks: &[Token],
    paras: &[(usize, usize)],
    qs: &mut Vec<QuoteSpan>,
) {
    let mut inside = vec![false; toks.len()];
    for q in qs.iter() {
        let hi = q.last.min(toks.len() - 1);
        if q.open <= hi {
            inside[q.open..=hi].fill(true);
        }
    }
    for &(a, b) in paras {
        let mut k = a;
        while k < b {
            let t = &toks[k];
            if t.kind == TokenKind::SingleMark
                && !inside[k]
                && t.direction == MarkDirection::Open
                && k + 1 < b
                && toks[k + 1].kind == TokenKind::Word
                && let Some(m) = closing_single_mark(toks, &inside, k, b)
            {
                let (cs, ce) = trim_ws(text, toks[k].end, toks[m].start);
                let words = (k + 1..m)
                    .filter(|&x| toks[x].kind == TokenKind::Word)
                    .count();
                if words > 0 {
                    qs.push(QuoteSpan {
                        open: k,
                        close: Some(m),
                        last: m,
                        content_start: cs,
                        content_end: ce,
                        words,
                        continues: None,
                        ignored: false,
                    });
                    k = m + 1;
                    continue;
                }
            }
            k += 1;
        }
    }
}

/// The closing single mark for the one opening at `k`, before `b`, within 60 tokens and before
/// any double quote.
fn closing_single_mark(toks: &[Token], inside: &[bool], k: usize, b: usize) -> Option<usize> {
    let mut m = k + 1;
    while m < b && m < k + 60 {
        if inside[m] {
            return None;
        }
        if toks[m].kind == TokenKind::SingleMark && toks[m].direction == MarkDirection::Close {
            return Some(m);
        }
        m += 1;
    }
    None
}

/// Narrows the byte range `[s, e)` of `text` past white space at both ends.
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
pub(super) fn mark_titles_and_headings(text: &str, toks: &[Token], qs: &mut [QuoteSpan]) {
    for q in qs.iter_mut() {
        if is_title(text, toks, q) || is_heading(toks, q) {
            q.ignored = true;
        }
    }
}

/// A short quote right after a word like "podcast", "titled" or before one like "show", "bill".
fn is_title(text: &str, toks: &[Token], q: &QuoteSpan) -> bool {
    let l = lexicon();
    let before = (0..q.open).rev().find(|&k| toks[k].kind == TokenKind::Word);
    let after = ((q.last + 1)..toks.len()).find(|&k| {
        toks[k].kind != TokenKind::Punct
            || text[toks[k].start..toks[k].end]
                .chars()
                .all(|c| c.is_alphanumeric())
    });
    let bw = before
        .filter(|&k| q.open - k == 1 && !toks[k].capitalised)
        .map(|k| text[toks[k].start..toks[k].end].to_lowercase());
    let aw = after
        .filter(|&k| toks[k].kind == TokenKind::Word && k == q.last + 1)
        .map(|k| text[toks[k].start..toks[k].end].to_lowercase());
    q.words <= 8
        && (bw.as_deref().is_some_and(|w| l.title_before.contains(w))
            || aw.as_deref().is_some_and(|w| l.title_after.contains(w)))
}

/// A subhead in single quotes on its own line, mostly capitalised: 'Coal Isn't the Villain.'
fn is_heading(toks: &[Token], q: &QuoteSpan) -> bool {
    let own_line = |k: Option<usize>| k.is_none_or(|k| toks[k].kind == TokenKind::ParagraphBreak);
    let words: Vec<&Token> = toks[q.open..=q.last.min(toks.len() - 1)]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let after_heading = (q.last + 1..toks.len()).find(|&x| toks[x].kind != TokenKind::Punct);
    toks[q.open].kind == TokenKind::SingleMark
        && q.words <= 8
        && own_line(q.open.checked_sub(1))
        && own_line(after_heading)
        && words.iter().filter(|t| t.capitalised).count() * 2 > words.len()
}

/// For each token, the quote span (not ignored) it belongs to, if any.
pub(super) fn quote_of_token(toks: &[Token], qs: &[QuoteSpan]) -> Vec<Option<usize>> {
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
pub(super) fn recompute_cont(qs: &mut [QuoteSpan], toks: &[Token], paras: &[(usize, usize)]) {
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
        qs[i].continues = None;
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
                && toks[qs[i].open].kind == TokenKind::DoubleMark
            {
                qs[i].continues = Some(j);
            }
        }
        last_in_para = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans_of(text: &str) -> (Vec<Token>, Vec<QuoteSpan>) {
        let toks = tokenize(text);
        let paras = paragraphs(&toks);
        let mut qs = find_quotes(text, &toks, &paras);
        mark_titles_and_headings(text, &toks, &mut qs);
        recompute_cont(&mut qs, &toks, &paras);
        (toks, qs)
    }

    fn content(text: &str, q: &QuoteSpan) -> String {
        text[q.content_start..q.content_end].to_string()
    }

    #[test]
    fn double_marks_pair_and_an_unclosed_one_runs_to_the_paragraph_end() {
        let t = "He said \" a b \" and then \"c d";
        let (_, qs) = spans_of(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(content(t, &qs[0]), "a b");
        assert!(qs[0].close.is_some());
        assert_eq!(content(t, &qs[1]), "c d");
        assert!(qs[1].close.is_none());
        assert_eq!(qs[1].words, 2);
    }

    #[test]
    fn single_marks_pair_outside_double_ones() {
        let t = "She called it 'a farce' and \"a 'sham' too\".";
        let (_, qs) = spans_of(t);
        let contents: Vec<String> = qs.iter().map(|q| content(t, q)).collect();
        assert_eq!(contents, vec!["a farce", "a 'sham' too"]);
    }

    #[test]
    fn titles_and_headings_are_ignored() {
        let t = "He spoke on the \"Into Asia\" podcast.\n\n'Coal Is Not the Villain'\n\nShe said \"it works\".";
        let (_, qs) = spans_of(t);
        let ignored: Vec<(String, bool)> = qs.iter().map(|q| (content(t, q), q.ignored)).collect();
        assert_eq!(
            ignored,
            vec![
                ("Into Asia".to_string(), true),
                ("Coal Is Not the Villain".to_string(), true),
                ("it works".to_string(), false)
            ]
        );
    }

    #[test]
    fn a_quote_reopening_the_next_paragraph_continues_the_unclosed_one() {
        let t = "\"First part of it.\n\n\"Second part.\"\n\n\"New quote.\"";
        let (toks, qs) = spans_of(t);
        assert_eq!(qs.len(), 3);
        assert_eq!(qs[1].continues, Some(0));
        assert_eq!(qs[2].continues, None);
        let of_tok = quote_of_token(&toks, &qs);
        assert_eq!(of_tok[qs[1].open], Some(1));
    }

    #[test]
    fn trim_ws_drops_ascii_and_unicode_space() {
        let t = " \u{A0}ab c\u{A0} ";
        let (s, e) = trim_ws(t, 0, t.len());
        assert_eq!(&t[s..e], "ab c");
    }
}
