//! A story's central claim: the reported clause of its headline ("X says <claim>") or the lead
//! sentence, with who holds it, whether it is an assertion or an event, and its polarity.

use super::*;

pub(super) fn split_headline(h: &str) -> Option<(String, String)> {
    let words: Vec<&str> = h.split_whitespace().collect();
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // "X says (that) Y": a short subject before the verb.
    for (i, w) in words.iter().enumerate().take(9).skip(1) {
        if REPORTING.contains(clean(w).as_str()) && !w.ends_with(',') {
            let mut rest = &words[i + 1..];
            if rest.first().is_some_and(|w| clean(w) == "that") {
                rest = &rest[1..];
            }
            if rest.len() >= 3 {
                return Some((words[..i].join(" "), rest.join(" ")));
            }
        }
    }
    // "Y, X says" / "Y, X warn".
    if let Some((y, x)) = h.rsplit_once(", ") {
        let xw: Vec<&str> = x.split_whitespace().collect();
        if (2..=5).contains(&xw.len())
            && xw
                .last()
                .is_some_and(|w| REPORTING.contains(clean(w).as_str()))
            && y.split_whitespace().count() >= 3
        {
            return Some((xw[..xw.len() - 1].join(" "), y.to_string()));
        }
    }
    None
}

/// The story's central claim from its headline and the lead article's opening sentences.
pub fn claim(lead: &Article, lead_ord: u32, headline: &str, sents: &[Sentence]) -> Claim {
    let first = sents
        .iter()
        .find(|s| text::has_words(&s.text, 6))
        .or(sents.first());
    let as_statement = |s: &Sentence| Statement {
        ord: lead_ord,
        span: s.span,
        text: s.text.clone(),
        kind: QuoteKind::Reported,
    };
    let empty = Statement {
        ord: lead_ord,
        span: Span::new(0, 0),
        text: String::new(),
        kind: QuoteKind::Reported,
    };
    let _ = lead;
    if let Some((holder, what)) = split_headline(headline) {
        // The opening sentence that says it best (most words of the claim; the earliest on a tie).
        let want = content_words(&text::fold_marks(&what));
        let best = sents
            .iter()
            .take(8)
            .map(|s| {
                let w = content_words(&text::fold_marks(&s.text));
                (w.intersection(&want).count(), s)
            })
            .filter(|(n, _)| *n > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.span.start.cmp(&a.1.span.start)))
            .map(|(_, s)| s)
            .or(first);
        let p = polarity(&what);
        return Claim {
            text: what
                .trim_matches(|c: char| c == '\'' || c == '"')
                .to_string(),
            from_headline: true,
            holder: Some(holder),
            assertion: true,
            polarity: if p < 0 { -1 } else { 1 },
            actor: None,
            evidence: best.map(as_statement).unwrap_or(empty),
        };
    }
    let Some(first) = first else {
        return Claim {
            text: headline.to_string(),
            from_headline: true,
            holder: None,
            assertion: false,
            polarity: 1,
            actor: leading_np(headline).into(),
            evidence: empty,
        };
    };
    Claim {
        text: first.text.clone(),
        from_headline: false,
        holder: None,
        assertion: false,
        polarity: 1,
        actor: Some(leading_np(&first.text)).filter(|a| !a.is_empty()),
        evidence: as_statement(first),
    }
}
