//! Assembly of quotes, sentence by sentence: the state carried between sentences (the people met
//! so far, the quotes drafted, who spoke last) and the final conversion of drafts into `Quote`s
//! with code-point offsets.

use super::*;

/// Who spoke last and where: the context a following bare quote is attributed to.
#[derive(Debug, Clone)]
pub(super) struct LastSpeaker {
    /// the resolved speaker, if any
    pub(super) speaker: Option<Speaker>,
    /// byte span of the speaker mention
    pub(super) mention: Option<(usize, usize)>,
    /// index of the paragraph it was set in
    pub(super) para: usize,
}

/// A quote being assembled, in byte offsets; `finish` turns it into a `Quote`.
pub(super) struct Draft {
    pub(super) kind: QuoteKind,
    /// byte spans of the pieces
    pub(super) pieces: Vec<(usize, usize)>,
    /// byte span of the speaker mention
    pub(super) mention: Option<(usize, usize)>,
    pub(super) speaker: Option<Speaker>,
    /// byte span of the cue
    pub(super) cue: Option<(usize, usize)>,
    pub(super) confidence: f32,
}

/// One sentence being read: its units, where its quotes are and the attributions found in it.
pub(super) struct Sentence<'s> {
    pub(super) units: &'s [Unit],
    /// unit indices of the quotes, in order
    pub(super) quotes: Vec<usize>,
    /// the attributions (cue and speaker) found in the sentence, in order
    pub(super) attributions: Vec<Attribution>,
    /// index of the paragraph
    pub(super) para: usize,
}

impl Sentence<'_> {
    /// The end of the sentence without its final `.`, `!`, `?` or `:` marks.
    pub(super) fn end_excl(&self, c: &Doc) -> usize {
        let u = self.units;
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
    }
    /// How many words of units `[from, to)` are not discourse words ("and", "but", "also", ...).
    pub(super) fn content_words(&self, c: &Doc, from: usize, to: usize) -> usize {
        let l = lexicon();
        (from..to)
            .filter(|&i| {
                c.lower_word(self.units[i])
                    .is_some_and(|w| !l.discourse.contains(w.as_str()))
            })
            .count()
    }
}

/// The state carried from sentence to sentence while quotes are assembled.
pub(super) struct Assembler<'a> {
    pub(super) doc: &'a Doc<'a>,
    /// the people and organisations met so far
    pub(super) entities: EntityRegistry,
    /// the quotes drafted so far
    pub(super) drafts: Vec<Draft>,
    /// for a quote span, the draft that holds it
    pub(super) draft_of_quote: HashMap<usize, usize>,
    /// the last speaker quoted or reported
    pub(super) last_speaker: Option<LastSpeaker>,
    /// the paragraph of the last quote taken
    pub(super) last_quote_para: Option<usize>,
    /// a speaker introduced by a sentence ending in a colon, for the quote that follows
    pub(super) intro_pending: Option<LastSpeaker>,
}

impl<'a> Assembler<'a> {
    pub(super) fn new(doc: &'a Doc<'a>) -> Self {
        Assembler {
            doc,
            entities: EntityRegistry::default(),
            drafts: Vec::new(),
            draft_of_quote: HashMap::new(),
            last_speaker: None,
            last_quote_para: None,
            intro_pending: None,
        }
    }

    /// Reads one sentence (units `u` of paragraph `pi`): notes the people it names, finds its
    /// attributions and drafts its quotes or reported speech.
    pub(super) fn sentence(&mut self, u: &[Unit], pi: usize) {
        let c = self.doc;
        // touch entity mentions (outside quotes)
        for &x in u {
            if c.is_capitalised(x)
                && let Some(w) = c.word(x)
            {
                self.entities.touch(w, c.span(x).0);
            }
        }
        register_named_people(c, u, &mut self.entities);
        let quotes: Vec<usize> = (0..u.len())
            .filter(|&i| matches!(u[i], Unit::Quote(_)))
            .collect();
        let attributions = find_attributions(c, u, &quotes);
        let s = Sentence {
            units: u,
            quotes,
            attributions,
            para: pi,
        };
        if s.quotes.is_empty() {
            self.unquoted(&s);
        } else {
            self.quoted(&s);
        }
    }

    /// Adds a draft; returns its index.
    pub(super) fn push(&mut self, out: Draft) -> usize {
        self.drafts.push(out);
        self.drafts.len() - 1
    }

    /// Notes that the quote units among `units` belong to draft `out`.
    pub(super) fn claim(&mut self, units: impl IntoIterator<Item = Unit>, out: usize) {
        for x in units {
            if let Unit::Quote(q) = x {
                self.draft_of_quote.insert(q, out);
            }
        }
    }

    /// Notes that the quote units at indices `ids` of `u` belong to the last draft.
    pub(super) fn claim_last(&mut self, u: &[Unit], ids: &[usize]) {
        let out = self.drafts.len() - 1;
        self.claim(ids.iter().map(|&i| u[i]), out);
    }

    /// The quotes of the text: late role resolution, then byte spans to code points.
    pub(super) fn finish(mut self) -> Vec<Quote> {
        resolve_late_roles(self.doc.text, &mut self.drafts, &self.entities);
        finish(self.doc.text, self.drafts)
    }
}

/// Drafts to `Quote`s: pieces trimmed of white space (empty ones dropped; a draft left with none
/// is dropped), byte offsets turned into code points.
pub(super) fn finish(text: &str, mut outs: Vec<Draft>) -> Vec<Quote> {
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
            pieces: pieces
                .iter()
                .map(|&(s, e)| Span::new(cp(s), cp(e)))
                .collect(),
            text: txt,
            speaker: o.speaker.clone(),
            mention,
            cue: o.cue.map(|(s, e)| Span::new(cp(s), cp(e))),
            confidence: o.confidence,
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finish_trims_pieces_and_counts_code_points() {
        let text = "\u{E9}t\u{E9}: \" caf\u{E9} noir \" dit-il";
        let a = text.find('"').unwrap_or_default() + 1;
        let b = text.rfind('"').unwrap_or_default();
        let drafts = vec![
            Draft {
                kind: QuoteKind::Direct,
                pieces: vec![(a, b)],
                mention: None,
                speaker: None,
                cue: Some((b + 2, text.len())),
                confidence: 0.3,
            },
            // only white space: dropped
            Draft {
                kind: QuoteKind::Direct,
                pieces: vec![(a, a + 1)],
                mention: None,
                speaker: None,
                cue: None,
                confidence: 0.3,
            },
        ];
        let qs = finish(text, drafts);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].text, "caf\u{E9} noir");
        assert_eq!(qs[0].pieces, vec![Span::new(7, 16)]);
        assert_eq!(qs[0].cue, Some(Span::new(19, 25)));
    }

    #[test]
    fn content_words_skip_discourse_words_and_the_end_skips_final_marks() {
        with_units("And he also said yes.", |doc, units| {
            let s = Sentence {
                units,
                quotes: vec![],
                attributions: vec![],
                para: 0,
            };
            assert_eq!(s.content_words(doc, 0, units.len()), 3);
            assert_eq!(s.end_excl(doc), units.len() - 1);
        });
    }

    #[test]
    fn the_last_speaker_carries_to_a_bare_quote_in_the_next_paragraph() {
        let t = "\u{201C}We won,\u{201D} Ann Lee said.\n\n\u{201C}And we will win again next year.\u{201D}";
        let qs = extract(t);
        assert_eq!(qs.len(), 2);
        assert_eq!(
            qs[1].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Ann Lee")
        );
        assert_eq!(qs[1].confidence, 0.6);
        assert_eq!(qs[1].cue, None);
    }
}
