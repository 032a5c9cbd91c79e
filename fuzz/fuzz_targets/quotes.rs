//! Fuzz target: any text through the quote extractor. It must not panic; every quote must be
//! verbatim at its spans (its text is its pieces joined by a space), and its speaker mention and
//! cue must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    let at = |newsdesk::model::Span { start: s, end: e }| -> String {
        assert!(s <= e && e <= chars.len(), "span {s}..{e} outside the text");
        chars[s..e].iter().collect()
    };
    for q in newsdesk::analysis::quotes::extract(&text) {
        let pieces: Vec<String> = q.pieces.iter().map(|&p| at(p)).collect();
        assert_eq!(pieces.join(" "), q.text, "quote not verbatim at its spans");
        if let Some(m) = &q.mention {
            let span = newsdesk::model::Span::new(m.start, m.end);
            assert_eq!(at(span), m.name, "mention not at its span");
        }
        if let Some(c) = q.cue {
            at(c);
        }
    }
});
