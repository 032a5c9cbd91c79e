//! Quotes split in two by their attribution ("first half," she said, "second half"), joined
//! again: the extractor returns each half, or only the first, and a reader wants one quote.

use super::{Quote, QuoteKind, introduces_new_statement};
use crate::model::Span;

/// Joins the halves of a split quote ("first half," she said, "second half") that the extractor
/// returned as two quotes: consecutive direct quotes of the same speaker, the first ending with a
/// comma, with only an attribution between them (no sentence end, at most 25 words). `chars` is
/// the article body as characters (quote spans count code points).
pub fn join_halves(chars: &[char], mut qs: Vec<Quote>) -> Vec<Quote> {
    qs.sort_by_key(|q| q.pieces.first().map_or(0, |p| p.start));
    let mut out: Vec<Quote> = Vec::with_capacity(qs.len());
    for q in qs {
        if let Some(prev) = out.last_mut()
            && prev.kind == QuoteKind::Direct
            && q.kind == QuoteKind::Direct
            && (q.speaker.is_none()
                || q.speaker.as_ref().map(|s| &s.name) == prev.speaker.as_ref().map(|s| &s.name))
            && prev.speaker.is_some()
            && let (Some(pe), Some(qs_)) = (
                prev.pieces.last().map(|p| p.end),
                q.pieces.first().map(|p| p.start),
            )
            && pe <= qs_
            && qs_ <= chars.len()
        {
            let last_char = chars[..pe]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace() && !matches!(c, '"' | '”' | '»' | '“'));
            let between: String = chars[pe..qs_].iter().collect();
            let words = between.split_whitespace().count();
            if last_char == Some(&',')
                && !between.contains(['.', '\n', '!', '?'])
                && (2..=25).contains(&words)
                && !introduces_new_statement(&between)
            {
                prev.pieces.extend(q.pieces.iter().copied());
                prev.text = format!("{} {}", prev.text, q.text);
                continue;
            }
        }
        out.push(q);
    }
    // A second half the extractor did not return: `..., mayor of X, “and I am not ...”`.
    let starts: Vec<usize> = out
        .iter()
        .filter_map(|q| q.pieces.first().map(|p| p.start))
        .collect();
    for q in out
        .iter_mut()
        .filter(|q| q.kind == QuoteKind::Direct && q.speaker.is_some())
    {
        let Some(pe) = q.pieces.last().map(|p| p.end) else {
            continue;
        };
        if pe > chars.len()
            || chars[..pe]
                .iter()
                .rev()
                .find(|c| !c.is_whitespace() && !matches!(c, '"' | '”' | '»'))
                != Some(&',')
        {
            continue;
        }
        // The closing mark, the attribution, then an opening mark.
        let mut i = pe;
        while i < chars.len()
            && (chars[i].is_whitespace() || matches!(chars[i], '"' | '”' | '»' | ','))
        {
            i += 1;
        }
        let Some(open) =
            (i..chars.len().min(i + 200)).find(|&k| matches!(chars[k], '“' | '"' | '«'))
        else {
            continue;
        };
        let between: String = chars[i..open].iter().collect();
        let words = between.split_whitespace().count();
        if between.contains(['.', '\n', '!', '?'])
            || !(2..=25).contains(&words)
            || introduces_new_statement(&between)
            || starts.iter().any(|&s| s > pe && s <= open + 1)
        {
            continue;
        }
        let Some(close) = (open + 1..chars.len())
            .take_while(|&k| chars[k] != '\n')
            .find(|&k| matches!(chars[k], '”' | '"' | '»'))
        else {
            continue;
        };
        let mut e = close;
        while e > open + 1 && (chars[e - 1] == ',' || chars[e - 1].is_whitespace()) {
            e -= 1;
        }
        // The second half ends the sentence; a quoted title ("the “Into Asia” podcast") does not.
        let after: String = chars[(close + 1).min(chars.len())..(close + 3).min(chars.len())]
            .iter()
            .collect();
        let ends = after.trim().is_empty() || after.starts_with(['.', '\n']);
        if e > open + 1
            && ends
            && chars[open + 1..e]
                .iter()
                .collect::<String>()
                .split_whitespace()
                .count()
                >= 3
        {
            let piece: String = chars[open + 1..e].iter().collect();
            q.pieces.push(Span::new(open + 1, e));
            q.text = format!("{} {}", q.text, piece);
        }
    }
    out
}
