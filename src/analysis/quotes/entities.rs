//! The people and organisations an article names, with their genders and roles, for resolving
//! later mentions (surnames, titles, pronouns) to the person introduced earlier.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    M,
    F,
}

#[derive(Debug, Clone)]
pub(super) struct Entity {
    pub(super) name: String,
    pub(super) roles: Vec<String>,
    pub(super) is_org: bool,
    pub(super) gender: Option<Gender>,
    pub(super) last_seen: usize,
}

#[derive(Default)]
pub(super) struct Ents {
    pub(super) list: Vec<Entity>,
    pub(super) by_key: HashMap<String, usize>,
}

impl Ents {
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
