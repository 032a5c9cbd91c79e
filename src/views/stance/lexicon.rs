//! The word lists the stance rules read: evaluative words, negators and hedges, markers that
//! relate two speakers or place one, group subjects, reporting verbs, headline cues, and words that
//! are not names. The word lists are data files in src/lang/words/stance/; the weighted phrases
//! and the concessive connectives (matched with their spaces) stay here.

use crate::lang::word_list;

// Evaluative words (not quantities: "cut", "fall", "more" depend on what is counted).
word_list!(pub(super) POSITIVE, "stance/positive");
word_list!(pub(super) NEGATIVE, "stance/negative");
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
word_list!(pub(super) NEGATORS, "stance/negators");
// A statement that weighs both sides or withholds judgement.
word_list!(pub(super) HEDGES, "stance/hedges");
pub(super) const CONCESSIVE: &[&str] = &[
    " but ",
    " however",
    " although ",
    " though ",
    " yet ",
    " while ",
];

// Article markers that place the person they name. Checked outside quotation marks.
word_list!(pub(super) ABS_SUPPORT, "stance/abs_support");
word_list!(pub(super) ABS_DISPUTE, "stance/abs_dispute");
word_list!(pub(super) ABS_OTHER, "stance/abs_other");
// Markers that set a person against another (the one named after the marker, or the previous speaker).
word_list!(pub(super) REL_OPPOSITE, "stance/rel_opposite");
word_list!(pub(super) REL_SAME, "stance/rel_same");
// Group subjects with a known side ("Critics say ...").
word_list!(pub(super) GROUP_DISPUTE, "stance/group_dispute");
word_list!(pub(super) GROUP_SUPPORT, "stance/group_support");
// Words that make a sentence about a group of people ("many of whom say", "other voices").
word_list!(pub(super) GROUP_WORDS, "stance/group_words");
// A sentence starting with one of these ends a frame set by an earlier group sentence.
word_list!(pub(super) FRAME_BREAKS, "stance/frame_breaks");
// Roles that rule on a dispute rather than take a side in it.
word_list!(pub(super) ARBITERS, "stance/arbiters");
word_list!(pub(super) REPORTING, "stance/reporting");
word_list!(pub(super) HEADLINE_SUPPORT, "stance/headline_support");
word_list!(pub(super) HEADLINE_DISPUTE, "stance/headline_dispute");
word_list!(pub(super) HEADLINE_OTHER, "stance/headline_other");
word_list!(pub(super) DETERMINERS, "stance/determiners");
// Single capitalised words that are not names of speakers.
word_list!(pub(super) NOT_NAMES, "stance/not_names");
