//! Stance: a story's central claim (from its headline and lead) and each speaker's relation to it
//! (supports, disputes, other, or unclear), read from the signals the articles themselves give:
//! who holds the claim, who made the decision a story reports, headlines that say who welcomes or
//! fights it, the article's own markers ("by contrast", "disagreed", "echoed", "welcomed", "a more
//! nuanced view"), frames set by group sentences ("Others say ...", "X's view contrasts sharply
//! with ..."), and the polarity of each speaker's statements (with negation) against the claim.
//! Markers that relate two speakers become same/opposite edges; sides flow along them from the
//! speakers placed directly. Without enough evidence the side is "unclear".

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::statement::{Side, Statement};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::Sentence;
use crate::model::{Article, Span};
use crate::stories::content_words;
use crate::text;

mod affiliation;
mod claim;
mod flow;
mod headlines;
mod lead;
mod lexicon;
mod markers;
mod names;
mod statements;
mod tally;
mod votes;
mod words;

pub use claim::claim;
pub use flow::Explanation;
use lexicon::*;
use names::*;
pub use names::{forms, is_vague, role_nouns};
pub use tally::Tally;
use votes::*;
pub use votes::{Edge, Rel, Vote};
use words::*;
pub use words::{polarity, statement_key, stem, stems_match};

/// The story's central claim.
#[derive(Clone, Debug)]
pub struct Claim {
    /// The claim in short: the headline's reported clause ("X says <claim>"), else the lead sentence.
    pub text: String,
    /// True when `text` comes from the headline (then `evidence` is the body sentence that states it).
    pub from_headline: bool,
    /// Who the headline or lead attributes the claim to ("A former ByteDance engineer"), if anyone.
    pub holder: Option<String>,
    /// An attributed or evaluative claim ("X says Y", "Y, study finds") rather than an event
    /// ("council approves plan"), where the claim is that the decision is right.
    pub assertion: bool,
    /// +1, or -1 for a claim worded negatively ("far behind", "collapsing"): statements are read
    /// against it.
    pub polarity: i32,
    /// For an event: the noun phrase that acts in the lead sentence ("The Velan Harbor Authority").
    pub actor: Option<String>,
    /// The body sentence that states it, verbatim with its span.
    pub evidence: Statement,
}

// ------------------------------------------------------------------------------------------------
// Speakers and sides

/// One speaker (a named person or organisation, or a vague group like "Others") as the stance
/// rules see it.
#[derive(Clone, Debug)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub is_org: bool,
    /// A vague group ("Others", "critics"): takes part in frames, never gets a side of its own.
    pub group: bool,
    /// Lower-case surface forms to look for in sentences (name, surname, aliases, "the minister").
    pub forms: Vec<String>,
    pub statements: Vec<Statement>,
    /// (article, sentence index) of each statement's attribution, with its cue verb if known.
    pub cues: Vec<(u32, usize, Option<String>)>,
}

/// A side with its evidence.
#[derive(Clone, Debug)]
pub struct Placement {
    pub side: Side,
    pub evidence: Option<Statement>,
    /// Which signal decided it, in words.
    pub reason: Option<String>,
}

/// What the placing phases read: the story's articles and sentences, its claim and its speakers.
pub(super) struct Scene<'a> {
    pub(super) articles: &'a [Article],
    /// The story's members that are not duplicates.
    pub(super) canon: &'a [u32],
    pub(super) sents: &'a HashMap<u32, Vec<Sentence>>,
    pub(super) claim: &'a Claim,
    pub(super) speakers: &'a [Speaker],
}

impl Scene<'_> {
    /// A named speaker (not a vague group).
    pub(super) fn named(&self, p: usize) -> bool {
        !self.speakers[p].group
    }

    /// Stems of a speaker's role words, and of its name for an organisation.
    fn role_stems(&self, p: usize) -> Vec<String> {
        let sp = &self.speakers[p];
        let mut v: Vec<String> = sp
            .role
            .iter()
            .flat_map(|r| r.split_whitespace().map(stem).collect::<Vec<_>>())
            .collect();
        if sp.is_org {
            v.extend(sp.name.split_whitespace().map(stem));
        }
        v
    }

    /// The named speakers a noun phrase refers to: one of their name forms is in it, or its head
    /// noun is one of their role words ("The council" and a councillor's role).
    pub(super) fn matches_np(&self, np: &str) -> Vec<usize> {
        let heads = np_heads(np);
        if heads.is_empty() {
            return vec![];
        }
        let lnp = np.to_lowercase();
        (0..self.speakers.len())
            .filter(|&p| self.named(p))
            .filter(|&p| {
                self.speakers[p]
                    .forms
                    .iter()
                    .any(|f| find_words(&lnp, f).len() == 1 && f.len() > 3)
                    || self
                        .role_stems(p)
                        .iter()
                        .any(|r| heads.iter().any(|h| stems_match(h, r)))
            })
            .collect()
    }
}

/// What the phases gather: the votes of every node (the speakers in order, then a pseudo-speaker
/// for each frame a group sentence sets without a speaker of its own) and the edges between nodes.
pub(super) struct Evidence {
    pub(super) votes: Vec<Vec<Vote>>,
    pub(super) edges: Vec<Edge>,
}

/// Places every speaker of a story relative to its claim, in five phases: the claim's own people
/// (who holds it, states it, acts in the lead), headlines, each speaker's statements, the
/// articles' markers sentence by sentence, and last sides flowing along the edges the markers set.
/// The explanation beside the placements says why; callers may ignore it.
pub fn place(
    articles: &[Article],
    canon: &[u32],
    sents: &HashMap<u32, Vec<Sentence>>,
    claim: &Claim,
    speakers: &[Speaker],
) -> (Vec<Placement>, Explanation) {
    let scene = Scene {
        articles,
        canon,
        sents,
        claim,
        speakers,
    };
    let mut ev = Evidence {
        votes: vec![Vec::new(); speakers.len()],
        edges: Vec::new(),
    };
    lead::claim_votes(&scene, &mut ev);
    headlines::headline_votes(&scene, &mut ev);
    affiliation::spokesperson_edges(&scene, &mut ev);
    statements::statement_votes(&scene, &mut ev);
    markers::marker_evidence(&scene, &mut ev);
    flow::settle(speakers, ev)
}
