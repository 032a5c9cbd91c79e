//! Speakers' names as the stance rules look for them: every form of every name in one matcher,
//! their mentions in an article, vague group names, name forms and role nouns.

use super::*;

/// Every form of every speaker's name, in one matcher.
pub(super) struct SpeakerForms {
    pub(super) phrases: Phrases,
    /// The speaker of each phrase.
    pub(super) speaker: Vec<usize>,
}

impl SpeakerForms {
    pub(super) fn new(speakers: &[Speaker]) -> SpeakerForms {
        let (speaker, forms): (Vec<usize>, Vec<&str>) = speakers
            .iter()
            .enumerate()
            .flat_map(|(p, sp)| {
                sp.forms
                    .iter()
                    .filter(|f| !f.is_empty())
                    .map(move |f| (p, f.as_str()))
            })
            .unzip();
        SpeakerForms {
            phrases: Phrases::new(forms),
            speaker,
        }
    }
}

/// Mentions of speakers in one article: (sentence index, char position, speaker).
pub(super) fn mentions(
    ord: u32,
    sents: &[Sentence],
    lower: &[String],
    speakers: &[Speaker],
    forms: &SpeakerForms,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (k, l) in lower.iter().enumerate() {
        for (at, f) in forms.phrases.find(l) {
            let pos = sents[k].span.start + l[..at].chars().count();
            out.push((k, pos, forms.speaker[f]));
        }
    }
    for (p, sp) in speakers.iter().enumerate() {
        for &(o, k, _) in &sp.cues {
            if o == ord {
                out.push((k, sents.get(k).map_or(0, |s| s.span.start), p));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    out
}

/// True for a speaker name that is a description or a group rather than a name ("Others",
/// "a former ByteDance engineer", "the union's figures").
pub fn is_vague(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    let lf = first.to_lowercase();
    first.chars().next().is_some_and(|c| c.is_lowercase())
        || DETERMINERS.contains(lf.as_str())
        || (!name.contains(' ') && NOT_NAMES.contains(lf.as_str()))
}

/// Lower-case forms a speaker goes by in sentences: full name, surname (for people), aliases, and
/// "the <role noun>" ("the minister") when no other speaker of the story shares that noun.
pub fn forms(name: &str, is_org: bool, aliases: &[String]) -> Vec<String> {
    let mut f = vec![text::fold_marks(name).to_lowercase()];
    let parts: Vec<&str> = name.split_whitespace().collect();
    if !is_org && parts.len() >= 2 {
        let last = parts[parts.len() - 1];
        if last.chars().count() >= 3 && last.chars().next().is_some_and(|c| c.is_uppercase()) {
            f.push(text::fold_marks(last).to_lowercase());
        }
    }
    for a in aliases {
        let la = text::fold_marks(a).to_lowercase();
        if la.chars().count() >= 3 && !f.contains(&la) && !is_vague(a) {
            f.push(la);
        }
    }
    f
}

/// The noun a role is headed by ("chair of the Velan Harbor Authority" -> "chair", "Energy
/// Minister" -> "minister"), and the organisation noun it names ("... Teachers' Union" -> "union").
pub fn role_nouns(role: &str) -> Vec<String> {
    let l = text::fold_marks(role).to_lowercase();
    let mut head_part = l.split(',').next().unwrap_or("");
    for sep in [
        " of ", " at ", " for ", " who ", " near ", " in ", " from ", " with ", " on ",
    ] {
        head_part = head_part.split(sep).next().unwrap_or("");
    }
    let mut out = Vec::new();
    if let Some(h) = head_part
        .split(" and ")
        .last()
        .and_then(|p| p.split_whitespace().last())
    {
        out.push(h.to_string());
    }
    for sep in [" of the ", " at the ", " for the "] {
        if let Some((_, org)) = l.split_once(sep)
            && let Some(h) = org.split_whitespace().last()
        {
            let h = h.trim_matches(|c: char| !c.is_alphanumeric());
            if h.len() >= 4 {
                out.push(h.to_string());
            }
        }
    }
    out.retain(|w| w.len() >= 4 && !DETERMINERS.contains(w.as_str()));
    out
}
