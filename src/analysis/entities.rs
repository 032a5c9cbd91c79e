//! Names an article mentions, as entities: the typed names the tagger finds ([`super::ner`]),
//! with a person's later mentions ("Rubio", "Marco A. Rubio") counted for the person named in full.

use std::collections::HashMap;

use super::ner::{self, Mention, NameKind};

/// What kind of thing a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organisation,
    /// Places and other names that are neither clearly a person nor an organisation.
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Other => "other",
        }
    }

    fn of(kind: NameKind) -> EntityKind {
        match kind {
            NameKind::Person => EntityKind::Person,
            NameKind::Organisation => EntityKind::Organisation,
            NameKind::Place => EntityKind::Other,
        }
    }
}

/// A name and how often the article mentions it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: u32,
}

/// Finds the names in a text, most mentioned first (ties by name).
pub fn extract(text: &str) -> Vec<Entity> {
    let doc = ner::Doc::new(text);
    let ms = ner::mentions_in(&doc);
    let (mut out, _) = group(text, &ms);
    count_lone_surnames(text, &doc.toks, &ms, &mut out);
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Counts a person's surname where it stands alone outside every name the tagger found ("Whitfield
/// agreed." opening a sentence after "Councillor Dana Whitfield").
fn count_lone_surnames(text: &str, toks: &[ner::tokens::Tok], ms: &[Mention], out: &mut [Entity]) {
    let inside = |b: usize| ms.iter().any(|m| m.start <= b && b < m.end);
    for e in out.iter_mut().filter(|e| e.kind == EntityKind::Person) {
        let Some(last) = e
            .name
            .split_whitespace()
            .last()
            .filter(|_| e.name.contains(' '))
        else {
            continue;
        };
        e.mentions += toks
            .iter()
            .filter(|t| &text[t.start..t.end] == last && !inside(t.start))
            .count() as u32;
    }
}

fn words(name: &str) -> Vec<&str> {
    name.split_whitespace().collect()
}

/// Whether two person names are one person: the same surname, and the same first name when both
/// have one ("Marco Rubio", "Marco A. Rubio"; not "Donald Trump" and "Ivanka Trump").
pub fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    match (wa.as_slice(), wb.as_slice()) {
        ([fa, .., la], [fb, .., lb]) => la == lb && fa == fb,
        _ => false,
    }
}

/// Groups mentions into entities: persons by name (a lone surname or first name goes to the
/// person named in full, the nearest before it, else the first after), others by their text.
/// Returns the entities (in order of first mention) and the entity of each mention.
pub fn group(text: &str, ms: &[Mention]) -> (Vec<Entity>, Vec<usize>) {
    let name_of = |m: &Mention| {
        text[m.start..m.end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out: Vec<Entity> = Vec::new();
    let mut of: Vec<usize> = vec![usize::MAX; ms.len()];
    let mut by_key: HashMap<(String, EntityKind), usize> = HashMap::new();
    // full person names first, so lone words can find them wherever they are
    let mut full: Vec<(usize, usize)> = Vec::new(); // (mention, entity)
    for (i, m) in ms.iter().enumerate() {
        let name = name_of(m);
        if m.kind != NameKind::Person || words(&name).len() < 2 {
            continue;
        }
        let e = match out
            .iter()
            .position(|e| e.kind == EntityKind::Person && same_person(&e.name, &name))
        {
            Some(e) => {
                if name.len() > out[e].name.len() {
                    out[e].name = name;
                }
                e
            }
            None => {
                out.push(Entity {
                    name,
                    kind: EntityKind::Person,
                    mentions: 0,
                });
                out.len() - 1
            }
        };
        out[e].mentions += 1;
        of[i] = e;
        full.push((i, e));
    }
    for (i, m) in ms.iter().enumerate() {
        if of[i] != usize::MAX {
            continue;
        }
        let name = name_of(m);
        let lone = words(&name).len() == 1;
        // a lone word that names a person in full elsewhere is that person, whatever its tag
        let person = lone
            .then(|| {
                let fits = |&&(_, e): &&(usize, usize)| {
                    let w = words(&out[e].name);
                    w.last() == Some(&name.as_str()) || w.first() == Some(&name.as_str())
                };
                full.iter()
                    .filter(|(j, _)| ms[*j].start < m.start)
                    .rfind(fits)
                    .or_else(|| full.iter().find(fits))
                    .map(|&(_, e)| e)
            })
            .flatten();
        let e = match person {
            Some(e) => e,
            None => {
                let kind = EntityKind::of(m.kind);
                *by_key.entry((name.clone(), kind)).or_insert_with(|| {
                    out.push(Entity {
                        name,
                        kind,
                        mentions: 0,
                    });
                    out.len() - 1
                })
            }
        };
        out[e].mentions += 1;
        of[i] = e;
    }
    (out, of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_people_and_organisations_and_counts_surnames() {
        let t = "Harbor Authority chair Lina Okafor said the plan works. Okafor added that the Vell University \
                 study agreed. The Harbor Authority did not comment. Dr. Tomas Ardel disagreed.";
        let e = extract(t);
        let get = |n: &str| e.iter().find(|x| x.name == n).cloned();
        assert_eq!(
            get("Harbor Authority").map(|x| (x.kind, x.mentions)),
            Some((EntityKind::Organisation, 2))
        );
        assert_eq!(
            get("Vell University").map(|x| x.kind),
            Some(EntityKind::Organisation)
        );
        assert_eq!(get("Tomas Ardel").map(|x| x.kind), Some(EntityKind::Person));
        assert!(get("Okafor").is_none());
    }

    #[test]
    fn places_titles_and_roles_are_not_people() {
        let t = "Councillor Dana Whitfield voted yes. Fisheries Minister Ola Berg spoke at Mill Road. \
                 The Marrow Sea fleet left Port Velan. The Fisheries Minister said so. Whitfield agreed. \
                 Mayor of Port Velan Ida Stenn did not.";
        let e = extract(t);
        let kind = |n: &str| e.iter().find(|x| x.name == n).map(|x| x.kind);
        assert_eq!(kind("Dana Whitfield"), Some(EntityKind::Person));
        assert_eq!(kind("Councillor Dana Whitfield"), None);
        assert_eq!(kind("Mill Road"), Some(EntityKind::Other));
        assert_eq!(kind("Marrow Sea"), Some(EntityKind::Other));
        assert_eq!(kind("Port Velan"), Some(EntityKind::Other));
        assert!(e.iter().all(|x| !x.name.starts_with("of ")), "{e:?}");
        assert_ne!(kind("Fisheries Minister"), Some(EntityKind::Person));
        assert_eq!(
            e.iter()
                .find(|x| x.name == "Dana Whitfield")
                .map(|x| x.mentions),
            Some(2)
        );
    }
}
