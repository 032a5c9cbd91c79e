//! The people and organisations an article names, with their genders and roles, for resolving
//! later mentions (surnames, titles, pronouns) to the person introduced earlier.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    M,
    F,
}

#[derive(Debug, Clone)]
/// A person or organisation met in the text.
pub(super) struct Entity {
    /// the fullest name seen
    pub(super) name: String,
    /// the roles written with it, first seen first
    pub(super) roles: Vec<String>,
    pub(super) is_org: bool,
    pub(super) gender: Option<Gender>,
    /// byte offset of the latest mention
    pub(super) last_seen: usize,
}

/// The people and organisations met so far, found by full name, surname or first word.
#[derive(Default)]
pub(super) struct EntityRegistry {
    pub(super) list: Vec<Entity>,
    /// lower-cased full name, surname or first word to index in `list`
    pub(super) by_key: HashMap<String, usize>,
}

impl EntityRegistry {
    pub(super) fn speaker(&self, id: usize) -> Speaker {
        let e = &self.list[id];
        Speaker {
            name: e.name.clone(),
            role: e.roles.first().cloned(),
            is_org: e.is_org,
        }
    }
    pub(super) fn register(
        &mut self,
        words: &[&str],
        role: Option<String>,
        is_org: bool,
        gender: Option<Gender>,
        pos: usize,
    ) -> usize {
        let name = words.join(" ");
        let sur = strip_poss(words.last().copied().unwrap_or("")).to_string();
        let key_full = name.to_lowercase();
        let key_sur = sur.to_lowercase();
        let id = if let Some(&id) = self.by_key.get(&key_full) {
            id
        } else if let (true, Some(&id)) = (words.len() == 1, self.by_key.get(&key_sur)) {
            id
        } else if let (true, Some(&id)) = (
            words.len() == 1,
            self.by_key.get(&strip_poss(words[0]).to_lowercase()),
        ) {
            id
        } else if let Some(&id) = self.by_key.get(&key_sur).filter(|&&id| {
            let e = &self.list[id];
            !e.is_org && !is_org && e.name.split(' ').count() == 1
        }) {
            // upgrade a surname-only entity to the full name
            self.list[id].name = name.clone();
            self.by_key.insert(key_full.clone(), id);
            id
        } else {
            let id = self.list.len();
            self.list.push(Entity {
                name: name.clone(),
                roles: vec![],
                is_org,
                gender: None,
                last_seen: pos,
            });
            self.by_key.insert(key_full.clone(), id);
            if !is_org && words.len() > 1 {
                self.by_key.entry(key_sur.clone()).or_insert(id);
                // the first token too ("Zhang" for "Zhang Chi"), if not taken
                self.by_key.entry(words[0].to_lowercase()).or_insert(id);
            }
            id
        };
        let e = &mut self.list[id];
        if let Some(r) = role
            && !e.roles.iter().any(|x| x == &r)
        {
            e.roles.push(r);
        }
        if e.gender.is_none() {
            e.gender = gender;
        }
        e.last_seen = e.last_seen.max(pos);
        id
    }
    pub(super) fn touch(&mut self, word: &str, pos: usize) {
        let w = strip_poss(word).to_lowercase();
        if let Some(&id) = self.by_key.get(&w) {
            let e = &mut self.list[id];
            if e.last_seen < pos {
                e.last_seen = pos;
            }
        }
    }
    pub(super) fn pronoun(&mut self, g: Option<Gender>, org: bool, pos: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, e) in self.list.iter().enumerate() {
            if e.last_seen > pos || e.is_org != org {
                continue;
            }
            if let (Some(a), Some(b)) = (g, e.gender)
                && a != b
            {
                continue;
            }
            if best.is_none_or(|b| self.list[b].last_seen <= e.last_seen) {
                best = Some(i);
            }
        }
        if let (Some(b), Some(g)) = (best, g)
            && self.list[b].gender.is_none()
        {
            self.list[b].gender = Some(g);
        }
        best
    }
    pub(super) fn by_role(&self, head: &str) -> Option<usize> {
        let h = head.to_lowercase();
        let mut best = None;
        for (i, e) in self.list.iter().enumerate() {
            if e.roles.iter().any(|r| {
                r.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == h)
            }) && best.is_none_or(|b: usize| self.list[b].last_seen <= e.last_seen)
            {
                best = Some(i);
            }
        }
        best
    }
}

/// Whether a word ends in a possessive "'s" ("Clinton’s", "Law's").
pub(super) fn is_poss(w: &str) -> bool {
    strip_poss(w).len() < w.len()
}

pub(super) fn strip_poss(w: &str) -> &str {
    for suf in ["\u{2019}s", "'s"] {
        if let Some(x) = w.strip_suffix(suf) {
            return x;
        }
    }
    w
}

/// The gender the first two words of a name give away (a title like "Mrs." or a known given
/// name), if any.
pub(super) fn gender_of(words: &[String]) -> Option<Gender> {
    let l = lexicon();
    for w in words.iter().take(2) {
        let lw = w.to_lowercase();
        let lw = lw.trim_end_matches('.');
        match lw {
            "mr" | "sir" | "lord" | "king" | "prince" => return Some(Gender::M),
            "mrs" | "ms" | "miss" | "lady" | "queen" | "princess" => return Some(Gender::F),
            _ => {}
        }
        if l.fem.contains(lw) {
            return Some(Gender::F);
        }
        if l.masc.contains(lw) {
            return Some(Gender::M);
        }
    }
    None
}

/// People named in a sentence though not quoted in it ("Trump seemed to suggest he ...", then
/// `"...," he told the Times`): a run of two or three capitalised words that opens with a known
/// given name becomes an entity, so a later pronoun or surname finds it.
pub(super) fn register_named_people(c: &Doc, u: &[Unit], ents: &mut EntityRegistry) {
    let l = lexicon();
    let mut i = 0;
    while i < u.len() {
        if !c.is_capitalised(u[i]) || c.word(u[i]).is_none() {
            i += 1;
            continue;
        }
        let mut e = i;
        while e < u.len() && c.is_capitalised(u[e]) && c.word(u[e]).is_some() {
            e += 1;
        }
        let words: Vec<String> = (i..e)
            .filter_map(|k| c.word(u[k]).map(str::to_string))
            .collect();
        let plain = words.iter().all(|w| {
            let lw = w.to_lowercase();
            !l.role.contains(lw.as_str()) && !l.org.contains(lw.as_str())
        });
        if (2..=3).contains(&words.len())
            && plain
            && let Some(g) = gender_of(&words[..1])
        {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            ents.register(&refs, None, false, Some(g), c.span(u[i]).0);
        }
        i = e;
    }
}

/// The mention (byte span) of a speaker phrase and the speaker it stands for: a pronoun is the
/// last person (or organisation) of its gender seen before it, a name is registered (or found)
/// in `ents`, a role description ("the senator") is the person who holds that role.
pub(super) fn resolve(
    c: &Doc,
    u: &[Unit],
    np: &NounPhrase,
    ents: &mut EntityRegistry,
) -> (Option<(usize, usize)>, Option<Speaker>) {
    let a = c.span(u[np.head_start]).0;
    let b = c.span(u[np.head_end - 1]).1;
    let mtext = &c.text[a..b];
    let mention = Some((a, np.relative.map_or(b, |r| c.span(u[r]).1)));
    // a group ("Others", "other prominent industry figures", "many of whom") is no named speaker
    let first = mtext.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "other" | "others" | "some" | "many" | "most" | "several" | "few" | "various" | "numerous"
    ) {
        return (mention, None);
    }
    let speaker = match np.kind {
        PhraseKind::Pronoun => resolve_pronoun(mtext, a, ents),
        PhraseKind::Name => resolve_name(c, u, np, mtext, a, ents),
        PhraseKind::Common => Some(resolve_description(mtext, ents)),
    };
    (mention, speaker)
}

/// "he", "she", "it", "they" at byte `a`: the last person or organisation that fits.
fn resolve_pronoun(mtext: &str, a: usize, ents: &mut EntityRegistry) -> Option<Speaker> {
    let lw = mtext.to_lowercase();
    let id = match lw.as_str() {
        "he" => ents.pronoun(Some(Gender::M), false, a),
        "she" => ents.pronoun(Some(Gender::F), false, a),
        "it" => ents.pronoun(None, true, a),
        "they" => ents
            .pronoun(None, true, a)
            .filter(|&i| a.saturating_sub(ents.list[i].last_seen) < 600),
        _ => None,
    };
    id.map(|i| ents.speaker(i))
}

/// A name: honorifics stripped, initials keeping their dot, registered as a person or an
/// organisation (the full name joins an earlier surname).
fn resolve_name(
    c: &Doc,
    u: &[Unit],
    np: &NounPhrase,
    mtext: &str,
    a: usize,
    ents: &mut EntityRegistry,
) -> Option<Speaker> {
    let l = lexicon();
    let mut words: Vec<&str> = np.name_words.iter().map(|s| s.as_str()).collect();
    // strip honorifics
    while words.len() > 1
        && l.role
            .contains(words[0].to_lowercase().trim_end_matches('.'))
    {
        words.remove(0);
    }
    // an initial keeps its dot as written ("Donald J. Trump")
    let initials: Vec<String> = words
        .iter()
        .filter(|w| **w != ".")
        .map(|w| {
            let initial = w.chars().count() == 1 && w.chars().all(char::is_uppercase);
            if initial && mtext.contains(&format!("{w}.")) {
                format!("{w}.")
            } else {
                (*w).to_string()
            }
        })
        .collect();
    let words: Vec<&str> = initials.iter().map(String::as_str).collect();
    if words.is_empty() {
        return None;
    }
    let lws: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let is_org = lws.iter().any(|w| l.org.contains(w.as_str()))
        || (words.len() == 1
            && words[0].chars().count() >= 2
            && words[0].chars().all(|ch| ch.is_uppercase()))
        || c.lower_word(u[np.head_start]).is_some_and(|w| w == "the");
    let g = gender_of(&np.name_words);
    let id = ents.register(&words, np.role.clone(), is_org, g, a);
    Some(ents.speaker(id))
}

/// A description ("the senator", "the ministry", "a former engineer"): the person who holds that
/// role, else the latest organisation whose name holds the head noun, else the description itself.
fn resolve_description(mtext: &str, ents: &EntityRegistry) -> Speaker {
    let l = lexicon();
    let head = mtext.split_whitespace().last().unwrap_or("").to_lowercase();
    if let Some(id) = ents.by_role(&head)
        && !ents.list[id].is_org
    {
        return ents.speaker(id);
    }
    let is_org =
        l.org.contains(head.as_str()) && !matches!(head.as_str(), "spokesman" | "spokeswoman");
    if is_org {
        // most recent org entity containing the head noun
        let mut best = None;
        for (i, e) in ents.list.iter().enumerate() {
            if e.is_org
                && e.name.to_lowercase().contains(&head)
                && best.is_none_or(|b: usize| ents.list[b].last_seen <= e.last_seen)
            {
                best = Some(i);
            }
        }
        if let Some(i) = best {
            return ents.speaker(i);
        }
    }
    Speaker {
        name: mtext.to_string(),
        role: None,
        is_org,
    }
}

/// Late role resolution for common-noun speakers ("a former ByteDance engineer"): once the whole
/// text is read, a speaker that is only its lower-case description becomes the person met with
/// that role.
pub(super) fn resolve_late_roles(text: &str, outs: &mut [Draft], ents: &EntityRegistry) {
    for o in outs.iter_mut() {
        if let (Some(sp), Some((ms, me))) = (&o.speaker, o.mention)
            && sp.role.is_none()
            && !sp.is_org
            && sp.name == text[ms..me].trim()
        {
            let head = text[ms..me].split_whitespace().last().unwrap_or("");
            if !head.is_empty()
                && head.chars().next().is_some_and(|ch| ch.is_lowercase())
                && let Some(id) = ents.by_role(head)
            {
                o.speaker = Some(ents.speaker(id));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_or_first_word_finds_the_full_name() {
        let mut reg = EntityRegistry::default();
        let id = reg.register(&["Zhang", "Chi"], Some("professor".into()), false, None, 0);
        assert_eq!(reg.register(&["Chi"], None, false, None, 10), id);
        assert_eq!(reg.register(&["Zhang"], None, false, None, 20), id);
        assert_eq!(reg.list[id].last_seen, 20);
        let sp = reg.speaker(id);
        assert_eq!(
            (sp.name.as_str(), sp.role.as_deref()),
            ("Zhang Chi", Some("professor"))
        );
        // a surname met first is upgraded by the full name
        let lone = reg.register(&["Vance"], None, false, None, 30);
        assert_eq!(
            reg.register(&["Dolores", "Vance"], None, false, None, 40),
            lone
        );
        assert_eq!(reg.list[lone].name, "Dolores Vance");
    }

    #[test]
    fn a_pronoun_is_the_latest_person_of_its_gender() {
        let mut reg = EntityRegistry::default();
        let mary = reg.register(
            &["Mary", "Lee"],
            None,
            false,
            gender_of(&["Mary".into()]),
            0,
        );
        let john = reg.register(
            &["John", "Ross"],
            None,
            false,
            gender_of(&["John".into()]),
            10,
        );
        assert_eq!(reg.pronoun(Some(Gender::F), false, 50), Some(mary));
        assert_eq!(reg.pronoun(Some(Gender::M), false, 50), Some(john));
        // none met yet before the pronoun
        assert_eq!(reg.pronoun(Some(Gender::M), false, 5), None);
        assert_eq!(gender_of(&["Mrs.".into(), "Ross".into()]), Some(Gender::F));
        assert_eq!(gender_of(&["Ziggy".into()]), None);
    }

    #[test]
    fn a_role_description_is_the_person_holding_it() {
        let mut reg = EntityRegistry::default();
        let id = reg.register(&["Ann", "Lee"], Some("Senator".into()), false, None, 0);
        assert_eq!(reg.by_role("senator"), Some(id));
        assert_eq!(resolve_description("the senator", &reg).name, "Ann Lee");
        let other = resolve_description("the ministry", &reg);
        assert_eq!((other.name.as_str(), other.is_org), ("the ministry", true));
    }

    #[test]
    fn resolving_names_and_pronouns_in_a_sentence() {
        with_units("Mary Lee spoke and she left.", |doc, units| {
            let mut reg = EntityRegistry::default();
            let name = np_back(doc, units, 1, 0).expect("a name");
            let (_, sp) = resolve(doc, units, &name, &mut reg);
            assert_eq!(sp.map(|s| s.name).as_deref(), Some("Mary Lee"));
            let she = np_back(doc, units, 4, 0).expect("a pronoun");
            let (m, sp) = resolve(doc, units, &she, &mut reg);
            assert_eq!(m.map(|(a, b)| &doc.text[a..b]), Some("she"));
            assert_eq!(sp.map(|s| s.name).as_deref(), Some("Mary Lee"));
        });
    }
}
