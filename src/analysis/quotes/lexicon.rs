//! The quote extractor's word lists: speech verbs, titles and roles, pronouns, words that are not
//! names, and the cue words that introduce a new statement.

use super::*;
use crate::lang::{WordList, word_list};

word_list!(CUE_BARE, "quotes/cue_bare");
word_list!(CUE_THAT, "quotes/cue_that");
word_list!(CUE_QUOTE, "quotes/cue_quote");
word_list!(CUE_PARTICIPLE, "quotes/cue_participle");
word_list!(AUX, "quotes/aux");
word_list!(ROLE, "quotes/role");
word_list!(ORG, "quotes/org");
word_list!(DET, "quotes/det");
word_list!(STOP_FWD, "quotes/stop_fwd");
word_list!(TITLE_BEFORE, "quotes/title_before");
word_list!(TITLE_AFTER, "quotes/title_after");
word_list!(DISCOURSE, "quotes/discourse");
word_list!(PARTICLES, "quotes/particles");
word_list!(BAD_HEAD, "quotes/bad_head");
word_list!(FEM, "quotes/fem");
word_list!(MASC, "quotes/masc");
word_list!(NEVER_NAME, "quotes/never_name");
word_list!(PERSON_HEAD, "quotes/person_head");
word_list!(NOUN_CUE, "quotes/noun_cue");

/// The word lists, each a set of lower-case words.
pub(super) struct Lexicon {
    /// speech verbs that report a clause without "that" ("said", "told", "warned")
    pub(super) cue_bare: &'static WordList,
    /// speech and cognition verbs that report a clause after "that" ("announced", "hoped")
    pub(super) cue_that: &'static WordList,
    /// verbs that report speech only next to a quote or a colon ("asked", "joked", "called")
    pub(super) cue_quote: &'static WordList,
    /// participles that open a second statement ("adding", "noting")
    pub(super) cue_participle: &'static WordList,
    /// auxiliaries and adverbs that may stand between a subject and its cue
    pub(super) aux: &'static WordList,
    /// titles and role words that go before a name ("senator", "chief", "former")
    pub(super) role: &'static WordList,
    /// words that make a name an organisation ("ministry", "party", "Reuters")
    pub(super) org: &'static WordList,
    /// determiners and quantifiers
    pub(super) det: &'static WordList,
    /// prepositions, conjunctions and time words that end a phrase read forwards
    pub(super) stop_fwd: &'static WordList,
    /// words before a quoted title ("podcast", "titled")
    pub(super) title_before: &'static WordList,
    /// words after a quoted title ("show", "bill")
    pub(super) title_after: &'static WordList,
    /// discourse words that do not count as content ("and", "but", "also")
    pub(super) discourse: &'static WordList,
    /// name particles ("de", "van", "bin")
    pub(super) particles: &'static WordList,
    /// words that cannot head a speaker phrase ("who", "this", "nobody")
    pub(super) bad_head: &'static WordList,
    /// female given names
    pub(super) fem: &'static WordList,
    /// male given names
    pub(super) masc: &'static WordList,
    /// capitalised words that open a sentence or phrase and are never part of a name
    /// ("In declaring ...", "Speaking at ...", "Amid ...", "July")
    pub(super) never_name: &'static WordList,
    /// head nouns of phrases that can be a speaker ("the woman", "two lawmakers", "protesters")
    pub(super) person_head: &'static WordList,
    /// cue words that are as often nouns ("an unprompted call", "her opening remarks")
    pub(super) noun_cue: &'static WordList,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon {
        cue_bare: &CUE_BARE,
        cue_that: &CUE_THAT,
        cue_quote: &CUE_QUOTE,
        cue_participle: &CUE_PARTICIPLE,
        aux: &AUX,
        role: &ROLE,
        org: &ORG,
        det: &DET,
        stop_fwd: &STOP_FWD,
        title_before: &TITLE_BEFORE,
        title_after: &TITLE_AFTER,
        discourse: &DISCOURSE,
        particles: &PARTICLES,
        bad_head: &BAD_HEAD,
        fem: &FEM,
        masc: &MASC,
        never_name: &NEVER_NAME,
        person_head: &PERSON_HEAD,
        noun_cue: &NOUN_CUE,
    })
}

/// Whether the words between two quotes introduce a second statement ("..., she said, adding
/// later, "..."") rather than interrupt one.
pub fn introduces_new_statement(between: &str) -> bool {
    let l = lexicon();
    between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| l.cue_participle.contains(w.to_lowercase().as_str()))
}
