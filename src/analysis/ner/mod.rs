//! Names in text, typed: which spans are people, organisations and places. A small statistical
//! tagger (an averaged perceptron, [`model`]) trained on GUM's annotated documents decides, from
//! general signals ([`features`]: shape, context, word classes of the [`gazetteer`], what the rest
//! of the document says about a word). Its weights are data in `model.bin`; the training command
//! is `cargo run --release --example train_ner -- ../shared/eval/gum`.

pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tokens;

use std::sync::OnceLock;

pub use features::Doc;
pub use model::{Model, Trainer};

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameKind {
    Person,
    Organisation,
    Place,
}

impl NameKind {
    /// The tag index of a name's first token (its inside tag is one more).
    pub fn begin_tag(self) -> usize {
        match self {
            NameKind::Person => 1,
            NameKind::Organisation => 3,
            NameKind::Place => 5,
        }
    }

    fn of_tag(tag: usize) -> Option<NameKind> {
        match tag {
            1 | 2 => Some(NameKind::Person),
            3 | 4 => Some(NameKind::Organisation),
            5 | 6 => Some(NameKind::Place),
            _ => None,
        }
    }
}

/// A name in a text: its byte span and kind. A person's title ("Dr.", "Senator") is not in the span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
}

/// The model shipped with the build.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        Model::from_bytes(include_bytes!("model.bin")).unwrap_or_else(|| {
            Model::from_bytes(b"NDNER01\0\0\0\x80\x3f\0\0\0\0").unwrap_or_else(|| unreachable!())
        })
    })
}

/// The names in `text`, in order.
pub fn mentions(text: &str) -> Vec<Mention> {
    mentions_in(&Doc::new(text))
}

/// The names in a tokenised document, in order (for callers that also use its tokens).
pub fn mentions_in(doc: &Doc) -> Vec<Mention> {
    spans_of(doc, &tag(model(), doc))
}

/// The model's tags, with what a name's own words say for sure put over them: one to three
/// capitalised words after a title are a person ("Dr. Ardel", "Ohio Gov. John Kasich"), and so are
/// two or three that open with a given name ("Mario J. Lucero"); one that ends in an organisation word is an organisation ("Vell University"),
/// one that ends in a place word or opens with one a place ("Mill Road", "Port Velan",
/// "North Carolina").
pub fn tag(model: &Model, doc: &Doc) -> Vec<usize> {
    let mut tags = model.tag(doc);
    let mut i = 0;
    while i < tags.len() {
        if !doc.candidate[i] {
            i += 1;
            continue;
        }
        let (s, e) = doc.run[i];
        i = e;
        let mut a = s;
        while a < e && gazetteer::is_title(&doc.lower[a]) {
            a += 1;
        }
        if a == e {
            continue;
        }
        let cls = |k: usize| gazetteer::classes(&doc.lower[k]);
        let last = cls(e - 1);
        let no_of = |from: usize| (from..e).all(|k| doc.lower[k] != "of");
        // the words after the run's last title ("Ohio Gov. John Kasich", "Police Chief Calvin
        // Williams"): a person, and the words before the title are not part of the name
        let after_title = (s..e - 1)
            .rev()
            .find(|&k| gazetteer::is_title(&doc.lower[k]))
            .map(|k| k + 1)
            .filter(|&p| {
                no_of(p)
                    && ((2..=3).contains(&(e - p))
                        || (e - p == 1 && gazetteer::is_honorific(&doc.lower[p - 1])))
            });
        let (kind, from) = if last.contains(&"orgend") {
            (Some(NameKind::Organisation), s)
        } else if last.contains(&"placeend")
            || (e - s >= 2 && a == s && cls(s).contains(&"placestart"))
        {
            (Some(NameKind::Place), s)
        } else if let Some(p) = after_title {
            (Some(NameKind::Person), p)
        } else if (2..=3).contains(&(e - a)) && cls(a).contains(&"given") && no_of(a) {
            (Some(NameKind::Person), a)
        } else {
            (None, s)
        };
        if let Some(kind) = kind {
            tags[s..from].fill(model::O);
            for (n, k) in (from..e).enumerate() {
                tags[k] = kind.begin_tag() + usize::from(n > 0);
            }
        }
    }
    tags
}

/// Turns tags into name spans, leaving a person's titles out.
pub fn spans_of(doc: &Doc, tags: &[usize]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let Some(kind) = NameKind::of_tag(tags[i]) else {
            i += 1;
            continue;
        };
        let mut e = i + 1;
        while e < tags.len() && tags[e] == kind.begin_tag() + 1 {
            e += 1;
        }
        let named = if kind == NameKind::Person {
            person_name(doc, i, e)
        } else {
            Some((i, kind))
        };
        if let Some((s, kind)) = named {
            out.push(Mention {
                start: doc.toks[s].start,
                end: doc.toks[e - 1].end,
                kind,
            });
        }
        i = e;
    }
    out
}

/// Where the name of a person tagged over tokens `s..e` starts, and whether it is a person after
/// all: the name follows the last title and the last "of" ("Ohio Gov. John Kasich", "Mayor of
/// Port Velan Ida Stenn"); a role alone ("Mayor of Port Velan", "the Fisheries Minister") and a
/// people or party ("Americans", "Floridians") name no one; a well-known place named alone is
/// the place ("Ohio").
fn person_name(doc: &Doc, mut s: usize, e: usize) -> Option<(usize, NameKind)> {
    let is_title = |k: usize| gazetteer::is_title(&doc.lower[k]);
    if let Some(j) = (s..e)
        .rev()
        .find(|&k| doc.lower[k] == "of" || doc.lower[k] == "&")
    {
        let role_only = (s..j).all(is_title);
        let given = (j + 1..e).any(|k| gazetteer::classes(&doc.lower[k]).contains(&"given"));
        if role_only && e - j <= 3 && !given {
            return None;
        }
        s = (j + 1).max(e.saturating_sub(2)).min(e - 1);
    }
    if let Some(t) = (s..e - 1).rev().find(|&k| is_title(k)) {
        s = t + 1;
    }
    if is_title(e - 1) {
        return None;
    }
    if e - s == 1 {
        let w = doc.lower[s].as_ref();
        if gazetteer::is_group(w) || w.ends_with("ians") {
            return None;
        }
        if gazetteer::classes(w).contains(&"place") {
            return Some((s, NameKind::Place));
        }
    }
    Some((s, NameKind::Person))
}

/// Gold tags for a document from the byte spans of its names: a token inside a name takes the
/// name's tag (begin for its first token); tokens outside every name are outside.
pub fn gold_tags(doc: &Doc, names: &[(usize, usize, NameKind)]) -> Vec<usize> {
    let mut tags = vec![model::O; doc.toks.len()];
    // the outer name wins over a name nested in it ("University of Toronto" over "Toronto")
    let mut order: Vec<&(usize, usize, NameKind)> = names.iter().collect();
    order.sort_by_key(|&&(s, e, _)| (std::cmp::Reverse(e - s), s));
    for &(s, e, kind) in order {
        let inside: Vec<usize> = (0..doc.toks.len())
            .filter(|&i| doc.toks[i].start >= s && doc.toks[i].end <= e && doc.candidate[i])
            .collect();
        if inside.iter().any(|&i| tags[i] != model::O) {
            continue;
        }
        for (n, &i) in inside.iter().enumerate() {
            tags[i] = kind.begin_tag() + usize::from(n > 0);
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(t: &str) -> Vec<(&str, NameKind)> {
        mentions(t)
            .iter()
            .map(|m| (&t[m.start..m.end], m.kind))
            .collect()
    }

    #[test]
    fn people_places_and_organisations_in_a_new_text() {
        let t = "Senator Marco Rubio spoke in North Carolina on Tuesday. The Harbor Authority and \
                 the Vell University study disagreed. Mayor of Port Velan Ida Stenn did not come.";
        let n = named(t);
        assert!(n.contains(&("Marco Rubio", NameKind::Person)), "{n:?}");
        assert!(n.contains(&("North Carolina", NameKind::Place)), "{n:?}");
        assert!(
            n.contains(&("Harbor Authority", NameKind::Organisation)),
            "{n:?}"
        );
        assert!(
            n.contains(&("Vell University", NameKind::Organisation)),
            "{n:?}"
        );
        assert!(n.contains(&("Ida Stenn", NameKind::Person)), "{n:?}");
        assert!(
            !n.iter()
                .any(|(w, k)| *k == NameKind::Person && w.contains("Velan")),
            "{n:?}"
        );
    }

    #[test]
    fn the_shipped_model_loads() {
        assert!(model().features() > 1000);
    }
}
