//! The word lists the stance rules read: evaluative words, negators and hedges, markers that
//! relate two speakers or place one, group subjects, reporting verbs, headline cues, and words that
//! are not names. The word lists are data files in src/lang/words/stance/; the weighted phrases
//! and the concessive connectives (matched with their spaces) stay here.

use crate::lang::WordList;

/// A list of `src/lang/words/stance/`.
macro_rules! stance_words {
    ($name:ident, $file:literal) => {
        pub(super) static $name: WordList = WordList::new(include_str!(concat!(
            "../../lang/words/stance/",
            $file,
            ".txt"
        )));
    };
}

// Evaluative words (not quantities: "cut", "fall", "more" depend on what is counted).
stance_words!(POSITIVE, "positive");
stance_words!(NEGATIVE, "negative");
/// Multi-word expressions, checked before single words.
pub(super) const PHRASES: &[(&str, i32)] = &[
    ("most at risk", 0),
    ("at-risk", 0),
    ("catch up", 1),
    ("catching up", 1),
    ("caught up", 1),
    ("closing the gap", 1),
    ("close the gap", 1),
    ("pull ahead", 1),
    ("pay for itself", 1),
    ("keep the lights on", 1),
    ("bring work back", 1),
    ("back to life", 1),
    ("falling behind", -1),
    ("far behind", -1),
    ("wipe out", -1),
    ("pay for it", -1),
    ("pay the price", -1),
    ("on hold", -1),
    ("too late", -1),
    ("too little", -1),
    ("fall short", -1),
    ("falls short", -1),
    ("fell short", -1),
    ("gap is getting larger", -1),
    ("gap is widening", -1),
];
stance_words!(NEGATORS, "negators");
// A statement that weighs both sides or withholds judgement.
stance_words!(HEDGES, "hedges");
pub(super) const CONCESSIVE: &[&str] = &[
    " but ",
    " however",
    " although ",
    " though ",
    " yet ",
    " while ",
];

// Article markers that place the person they name. Checked outside quotation marks.
stance_words!(ABS_SUPPORT, "abs_support");
stance_words!(ABS_DISPUTE, "abs_dispute");
stance_words!(ABS_OTHER, "abs_other");
// Markers that set a person against another (the one named after the marker, or the previous speaker).
stance_words!(REL_OPPOSITE, "rel_opposite");
stance_words!(REL_SAME, "rel_same");
// Group subjects with a known side ("Critics say ...").
stance_words!(GROUP_DISPUTE, "group_dispute");
stance_words!(GROUP_SUPPORT, "group_support");
// Words that make a sentence about a group of people ("many of whom say", "other voices").
stance_words!(GROUP_WORDS, "group_words");
// A sentence starting with one of these ends a frame set by an earlier group sentence.
stance_words!(FRAME_BREAKS, "frame_breaks");
// Roles that rule on a dispute rather than take a side in it.
stance_words!(ARBITERS, "arbiters");
stance_words!(REPORTING, "reporting");
stance_words!(HEADLINE_SUPPORT, "headline_support");
stance_words!(HEADLINE_DISPUTE, "headline_dispute");
stance_words!(HEADLINE_OTHER, "headline_other");
stance_words!(DETERMINERS, "determiners");
// Single capitalised words that are not names of speakers.
stance_words!(NOT_NAMES, "not_names");
