//! Quotes left without a cue: a byline or a colon introduction names the speaker, a quote alone in
//! its sentence continues the quote it belongs to or takes the speaker of the introduction or of
//! the last quote nearby, and a long one stands without a speaker.

use super::quoted::qpieces_all;
use super::*;

impl Assembler<'_> {
    /// Quotes without a cue: a byline or a colon introduction names the speaker; a quote alone in
    /// its sentence continues the quote it belongs to, or takes the speaker of the introduction or
    /// the last quote nearby; a long one stands without a speaker.
    pub(super) fn unattributed(&mut self, s: &Sentence, cont_parent: Option<usize>) {
        let c = self.doc;
        let (u, qidx, pi) = (s.units, &s.quotes, s.para);
        if let Some((np, cue_u)) = byline_or_colon_intro(c, s) {
            let pieces = qpieces_all(c, u, qidx);
            if !pieces.is_empty() {
                let (mention, speaker) = resolve(c, u, &np, &mut self.entities);
                self.push(Draft {
                    kind: QuoteKind::Direct,
                    pieces,
                    mention,
                    speaker: speaker.clone(),
                    cue: Some(c.span(u[cue_u])),
                    confidence: 0.8,
                });
                self.claim_last(u, qidx);
                self.last_speaker = Some(LastSpeaker {
                    speaker,
                    mention,
                    para: pi,
                });
                self.last_quote_para = Some(pi);
                return;
            }
        }
        let quote_only = s.content_words(c, 0, u.len()) == 0;
        let pieces = qpieces_all(c, u, qidx);
        if pieces.is_empty() {
            return;
        }
        if let Some(p) = cont_parent
            && quote_only
        {
            self.drafts[p].pieces.extend(pieces.iter().copied());
            self.claim(qidx.iter().map(|&i| u[i]), p);
            self.last_quote_para = Some(pi);
            return;
        }
        if !quote_only {
            return;
        }
        let last_quote_para = self.last_quote_para;
        let ctx = self
            .intro_pending
            .take()
            .filter(|x| x.para + 1 >= pi)
            .or_else(|| {
                self.last_speaker
                    .clone()
                    .filter(|x| last_quote_para.is_some_and(|lp| lp + 1 >= pi) && x.para + 3 >= pi)
            });
        let nwords: usize = qidx
            .iter()
            .map(|&i| {
                if let Unit::Quote(q) = u[i] {
                    c.spans[q].words
                } else {
                    0
                }
            })
            .sum();
        match ctx {
            Some(ctx) => {
                self.push(Draft {
                    kind: QuoteKind::Direct,
                    pieces,
                    mention: ctx.mention,
                    speaker: ctx.speaker.clone(),
                    cue: None,
                    confidence: 0.6,
                });
                self.claim_last(u, qidx);
                self.last_quote_para = Some(pi);
                if let Some(x) = self.last_speaker.as_mut() {
                    x.para = pi;
                }
            }
            None => {
                if nwords >= 4 {
                    self.push(Draft {
                        kind: QuoteKind::Direct,
                        pieces,
                        mention: None,
                        speaker: None,
                        cue: None,
                        confidence: 0.3,
                    });
                    self.claim_last(u, qidx);
                    self.last_quote_para = Some(pi);
                    self.last_speaker = Some(LastSpeaker {
                        speaker: None,
                        mention: None,
                        para: pi,
                    });
                }
            }
        }
    }
}

/// A speaker named without a speech verb, with the unit that stands for the cue: a byline after
/// the quote ("“...” ― Steve Quinlan") or a colon introduction ("X demurred: "..."", "As X put
/// it: "..."").
fn byline_or_colon_intro(c: &Doc, s: &Sentence) -> Option<(NounPhrase, usize)> {
    let (u, qidx) = (s.units, &s.quotes);
    let (qf, ql) = (qidx[0], qidx[qidx.len() - 1]);
    let send = s.end_excl(c);
    // byline after the quote: reader comments, epigraphs
    let dash_byline = (s.content_words(c, 0, qf) == 0
        && ql + 2 < u.len()
        && ["\u{2015}", "\u{2014}", "\u{2013}", "-"]
            .iter()
            .any(|d| c.is_punct(u[ql + 1], d)))
    .then(|| np_fwd(c, u, ql + 2, u.len()))
    .flatten()
    .filter(|np| np.kind == PhraseKind::Name && np.end >= send);
    let colon_intro = (qf >= 2
        && c.is_punct(u[qf - 1], ":")
        && s.content_words(c, ql + 1, send) == 0
        && s.content_words(c, 0, qf - 1) > 0)
        .then(|| {
            subject_at_start(c, u, qf - 1)
                .or_else(|| np_back(c, u, qf - 2, 0).filter(|np| np.start == 0))
        })
        .flatten()
        .filter(|np| np.kind != PhraseKind::Common || np.head_end - np.head_start <= 4);
    let cue_u = if colon_intro.is_some() && dash_byline.is_none() {
        qf - 1
    } else {
        ql + 1
    };
    let np = dash_byline.or(colon_intro)?;
    (cue_u < u.len()).then_some((np, cue_u))
}
