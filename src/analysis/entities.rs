//! Names an article mentions: runs of capitalised words, typed as person or organisation by
//! their shape and vocabulary, with surname-only mentions counted for the full name seen earlier.

use std::collections::HashMap;

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
}

/// A name and how often the article mentions it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub mentions: u32,
}

const ORG_WORDS: &[&str] = &[
    "Authority",
    "Ministry",
    "Council",
    "University",
    "College",
    "Party",
    "Inc",
    "Corp",
    "Corporation",
    "Company",
    "Group",
    "Bank",
    "Agency",
    "Department",
    "Commission",
    "Court",
    "Association",
    "Union",
    "Institute",
    "Foundation",
    "Committee",
    "Board",
    "Times",
    "Post",
    "News",
    "Fund",
    "Reserve",
    "Senate",
    "House",
    "Congress",
    "Police",
    "Service",
    "Services",
    "Office",
    "Trust",
    "Labs",
    "Systems",
    "Technologies",
    "Holdings",
    "Partners",
    "Network",
    "Press",
    "Journal",
    "Tribune",
    "Herald",
    "Review",
    "Parliament",
    "Assembly",
    "Federation",
    "League",
    "Club",
    "Alliance",
    "Coalition",
    "Organization",
    "Organisation",
    "Society",
    "Center",
    "Centre",
    "Hospital",
    "School",
    "Airlines",
    "Motors",
    "Energy",
    "Industries",
    "Port",
    "Administration",
    "Bureau",
    "Cabinet",
    "Government",
    "Campaign",
    "Co",
    "Ltd",
    "LLC",
    "AG",
    "SA",
    "Reuters",
    "Watch",
    "Monitor",
    "Daily",
    "Museum",
    "Gallery",
    "Library",
    "Developments",
    "Capital",
    "Transit",
    "Courier",
    "Ledger",
    "Signal",
    "Record",
];

const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "For",
    "From",
    "To",
    "Of",
    "By",
    "With",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Some",
    "Many",
    "Most",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Despite",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "Also",
    "Now",
    "Then",
    "Since",
    "Until",
    "Under",
    "Over",
    "According",
    "Asked",
    "Speaking",
    "Although",
    "Because",
    "Once",
    "Even",
    "Only",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Read",
    "Photo",
    "Image",
    "Getty",
    "Images",
    "Like",
    "Share",
    "Others",
    "Critics",
    "Officials",
    "Supporters",
    "Residents",
    "Experts",
    "Analysts",
    "More",
    "Such",
];

/// Titles that precede a person's name and are not part of it.
/// Last words that make a name a place ("Marrow Sea", "Mill Road", "Ostrand Airport").
const PLACE_WORDS: &[&str] = &[
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Bay",
    "Valley",
    "Island",
    "Islands",
    "Mountain",
    "Mountains",
    "Hills",
    "Road",
    "Street",
    "Avenue",
    "Lane",
    "Square",
    "Bridge",
    "Airport",
    "Station",
    "Park",
    "Harbor",
    "Harbour",
    "Coast",
    "Strait",
    "Canal",
    "Channel",
    "Tower",
    "County",
    "Province",
    "District",
    "City",
    "Town",
    "Village",
    "Beach",
    "Forest",
    "Desert",
];

/// First words that make a name a place ("Port Velan", "Mount Kessel").
const PLACE_PREFIXES: &[&str] = &["Port", "Mount", "Lake", "Fort", "Cape", "Lower", "Upper"];

/// Last words of a title with no name ("Fisheries Minister", "Education Secretary").
const TITLE_WORDS: &[&str] = &[
    "Minister",
    "Secretary",
    "President",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Mayor",
    "Governor",
    "Senator",
    "Judge",
    "Director",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Commissioner",
    "Chief",
    "Officer",
];

/// Words before a name that are a role, not part of it ("Councillor Dana Whitfield").
const ROLE_PREFIXES: &[&str] = &[
    "Councillor",
    "Councilor",
    "Campaigner",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Minister",
    "Mayor",
    "President",
    "Governor",
    "Senator",
    "Judge",
    "Professor",
    "Director",
    "Inspector",
    "Captain",
    "Chief",
    "Activist",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
];

const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Sir", "Dame",
];

fn is_cap_word(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => w.chars().any(|c| c.is_alphabetic()),
        _ => false,
    }
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2 && w.len() <= 6 && w.chars().all(|c| c.is_ascii_uppercase() || c == '&')
}

/// Finds the names in a text, most mentioned first (ties by name).
pub fn extract(text: &str) -> Vec<Entity> {
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for sentence in text.split(['.', '!', '?', ';', ':', '\n', '"', '“', '”', '(', ')', ',']) {
        let words: Vec<&str> = sentence
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '-'))
            .map(|w| {
                w.strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w)
            })
            .collect();
        let mut cur: Vec<&str> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let joiner = matches!(
                *w,
                "of" | "de" | "van" | "von" | "der" | "for" | "and" | "&"
            ) && !cur.is_empty()
                && words.get(i + 1).is_some_and(|n| is_cap_word(n));
            if (is_cap_word(w) && !(cur.is_empty() && NOT_NAMES.contains(w))) || joiner {
                cur.push(w);
            } else {
                if !cur.is_empty() {
                    runs.push(std::mem::take(&mut cur));
                }
                if is_cap_word(w) && !NOT_NAMES.contains(w) {
                    cur.push(w);
                }
            }
        }
        if !cur.is_empty() {
            runs.push(cur);
        }
    }
    let mut counts: HashMap<String, (EntityKind, u32)> = HashMap::new();
    let mut surnames: HashMap<String, String> = HashMap::new();
    for mut run in runs {
        while run.first().is_some_and(|w| {
            HONORIFICS.contains(w)
                || NOT_NAMES.contains(w)
                || (ROLE_PREFIXES.contains(w) && run.len() >= 3)
                // Left at the front once a role is gone ("Mayor of Port Velan").
                || matches!(*w, "of" | "and" | "&" | "for")
        }) {
            run.remove(0);
        }
        while run.last().is_some_and(|w| {
            matches!(
                *w,
                "of" | "and" | "&" | "for" | "de" | "van" | "von" | "der"
            )
        }) {
            run.pop();
        }
        if run.is_empty() || run.len() > 6 {
            continue;
        }
        let name = run.join(" ");
        let last = run.last().copied().unwrap_or_default();
        let first = run.first().copied().unwrap_or_default();
        let kind = if ORG_WORDS.contains(&last) || run.iter().all(|w| is_acronym(w)) {
            EntityKind::Organisation
        } else if PLACE_WORDS.contains(&last)
            || (run.len() >= 2 && PLACE_PREFIXES.contains(&first))
            || TITLE_WORDS.contains(&last)
        {
            EntityKind::Other
        } else if (2..=3).contains(&run.len())
            && run.iter().all(|w| {
                w.chars()
                    .skip(1)
                    .all(|c| c.is_lowercase() || c == '-' || c == '\'')
            })
        {
            EntityKind::Person
        } else {
            EntityKind::Other
        };
        if kind == EntityKind::Person {
            surnames.insert(last.to_string(), name.clone());
            // Family-name-first names ("Zhang Chi" -> "Zhang") are referred to by their first part.
            if let Some(first) = run.first() {
                surnames
                    .entry(first.to_string())
                    .or_insert_with(|| name.clone());
            }
        } else if run.len() == 1 {
            if let Some(full) = surnames.get(&name) {
                counts
                    .entry(full.clone())
                    .or_insert((EntityKind::Person, 0))
                    .1 += 1;
                continue;
            }
            if name.chars().count() < 3 {
                continue;
            }
        }
        counts.entry(name).or_insert((kind, 0)).1 += 1;
    }
    let mut out: Vec<Entity> = counts
        .into_iter()
        .map(|(name, (kind, mentions))| Entity {
            name,
            kind,
            mentions,
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
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
        assert_eq!(kind("Fisheries Minister"), Some(EntityKind::Other));
        assert_eq!(
            e.iter()
                .find(|x| x.name == "Dana Whitfield")
                .map(|x| x.mentions),
            Some(2)
        );
    }
}
