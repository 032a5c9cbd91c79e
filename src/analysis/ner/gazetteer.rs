//! Word classes the name tagger uses as features: given names, titles, words that end the names
//! of organisations or places, well-known places, nationalities, months and days. Each list is a
//! data file in src/lang/words/names/ (lower case, one a line); a word may be in several classes.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::lang::word_list;

word_list!(GIVEN, "names/given");
word_list!(TITLE, "names/title");
word_list!(ORG_END, "names/org_end");
word_list!(PLACE_END, "names/place_end");
word_list!(PLACE_START, "names/place_start");
word_list!(PLACE, "names/place");
word_list!(NATIONALITY, "names/nationality");
word_list!(MONTH_DAY, "names/month_day");
word_list!(HONORIFIC, "names/honorific");

/// A class of words, as a feature name.
pub type Class = &'static str;

/// The classes of a lower-case word.
pub fn classes(lower: &str) -> &'static [Class] {
    static MAP: OnceLock<HashMap<&'static str, Vec<Class>>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<Class>> = HashMap::default();
        for (class, words) in [
            ("given", &GIVEN),
            ("title", &TITLE),
            ("orgend", &ORG_END),
            ("placeend", &PLACE_END),
            ("placestart", &PLACE_START),
            ("place", &PLACE),
            ("nat", &NATIONALITY),
            ("time", &MONTH_DAY),
        ] {
            for w in words.entries() {
                let v = m.entry(w).or_default();
                if !v.contains(&class) {
                    v.push(class);
                }
            }
        }
        m
    });
    map.get(lower).map_or(&[], Vec::as_slice)
}

/// Whether a word is a title that names a person with a surname alone after it.
pub fn is_honorific(lower: &str) -> bool {
    HONORIFIC.contains(lower)
}

/// Whether a word names a people, a faith or a party rather than a person ("Americans",
/// "Democrats", "Catholics").
pub fn is_group(lower: &str) -> bool {
    let has = |w: &str| classes(w).contains(&"nat");
    has(lower) || lower.strip_suffix('s').is_some_and(has)
}

/// Whether a word is a title or honorific that goes before a name ("Dr.", "Senator").
pub fn is_title(lower: &str) -> bool {
    classes(lower).contains(&"title")
}
