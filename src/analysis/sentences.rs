//! Sentence splitting with spans: where each sentence of a clean body sits, in code points (what
//! tools report as evidence) and in bytes (to cut its text out of the body without copying). The
//! analysis stage stores the [`SentenceSpan`]s of every article; [`Sentence`] is one cut out.

use crate::model::Span;

/// Where one sentence of a body sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Offsets in code points into the body.
    pub span: Span,
    /// Byte offsets into the body (the same sentence).
    pub byte_start: u32,
    pub byte_end: u32,
    /// Index of the paragraph it belongs to.
    pub paragraph: u32,
}

impl SentenceSpan {
    /// The sentence's text in `body` (the body it was split from; empty if it is not that body).
    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        body.get(self.byte_start as usize..self.byte_end as usize)
            .unwrap_or("")
    }

    /// The sentence with its own copy of the text.
    pub fn to_sentence(&self, body: &str) -> Sentence {
        Sentence {
            span: self.span,
            paragraph: self.paragraph,
            text: self.text(body).to_string(),
        }
    }
}

/// One sentence of a body, with its text.
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: u32,
    pub text: String,
}

/// Splits a body (paragraphs separated by blank lines) into sentences. A sentence ends at `.`, `!`
/// or `?` (with any closing quote marks or brackets) followed by a space and an upper-case letter,
/// digit or opening quote, unless the word before is a known abbreviation or a single initial.
pub fn split(body: &str) -> Vec<Sentence> {
    spans(body).iter().map(|s| s.to_sentence(body)).collect()
}

/// [`split`] without copying text: where each sentence sits.
pub fn spans(body: &str) -> Vec<SentenceSpan> {
    let chars: Vec<char> = body.chars().collect();
    // Byte offset of each code point, and of the end.
    let byte_at: Vec<u32> = body
        .char_indices()
        .map(|(b, _)| b as u32)
        .chain(std::iter::once(body.len() as u32))
        .collect();
    let mut out = Vec::new();
    let mut para = 0u32;
    let mut start = 0usize;
    let mut i = 0usize;
    let n = chars.len();
    let push = |s: usize, e: usize, para: u32, out: &mut Vec<SentenceSpan>| {
        let (mut s, mut e) = (s, e);
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        if e > s {
            out.push(SentenceSpan {
                span: Span::new(s, e),
                byte_start: byte_at[s],
                byte_end: byte_at[e],
                paragraph: para,
            });
        }
    };
    while i < n {
        let c = chars[i];
        if c == '\n' && i + 1 < n && chars[i + 1] == '\n' {
            push(start, i, para, &mut out);
            while i < n && chars[i] == '\n' {
                i += 1;
            }
            para += 1;
            start = i;
            continue;
        }
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < n
                && matches!(
                    chars[j],
                    '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '.' | '!' | '?'
                )
            {
                j += 1;
            }
            let spaced = j < n && chars[j] == ' ';
            let next = chars.get(j + 1).copied().unwrap_or(' ');
            let starts = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '“' | '‘' | '«' | '(');
            if spaced && starts && !(c == '.' && is_abbreviation(&chars[start..i])) {
                push(start, j, para, &mut out);
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    push(start, n, para, &mut out);
    out
}

/// Whether the word ending the slice is an abbreviation or an initial (so its `.` ends no sentence).
fn is_abbreviation(before: &[char]) -> bool {
    let word: String = before
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace() && **c != '(' && **c != '"' && **c != '“')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || crate::lang::ABBREVIATIONS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_chars;

    #[test]
    fn splits_with_spans_into_the_body() {
        let body = "Dr. Ada Brenner spoke. \"It works,\" she said. The U.S. team agreed!\n\nNext para? Yes.";
        let s = split(body);
        let texts: Vec<&str> = s.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Dr. Ada Brenner spoke.",
                "\"It works,\" she said.",
                "The U.S. team agreed!",
                "Next para?",
                "Yes."
            ]
        );
        for x in &s {
            assert_eq!(slice_chars(body, x.span.start, x.span.end), x.text);
        }
        assert_eq!(s[3].paragraph, 1);
    }

    #[test]
    fn spans_cut_the_same_text_as_split_in_any_script() {
        let body = "Zoë Ångström said: “Ça va.” Then 東京 agreed. Was it so?\n\nYes — it was.";
        let spans = spans(body);
        let split = split(body);
        assert_eq!(spans.len(), 4);
        assert_eq!(spans.len(), split.len());
        for (sp, s) in spans.iter().zip(&split) {
            assert_eq!(sp.text(body), s.text);
            assert_eq!(slice_chars(body, sp.span.start, sp.span.end), s.text);
        }
        assert_eq!(spans[3].text(body), "Yes — it was.");
        // Cut from another body, a span gives nothing rather than a wrong slice or a panic.
        assert_eq!(spans[3].text("short"), "");
    }
}
