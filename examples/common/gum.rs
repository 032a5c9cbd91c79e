//! Reads GUM (`../shared/eval/gum`): each document's text rebuilt from its tokens, and its named
//! mentions of people, organisations and places (a mention whose head token is a proper noun),
//! with the entity each belongs to. Also scores predicted names against them.
//!
//! A predicted name counts as right when it has the gold mention's kind, covers the gold head
//! word and lies inside the gold mention (so "the University of Toronto" is found by
//! "University of Toronto", and a person's title may be left out). Gold mentions with the same
//! head and kind are one name.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};
use std::path::Path;

use newsdesk::analysis::ner::{NameKind, gazetteer};

pub struct GoldMention {
    /// The GUM entity id (the same id is the same entity within a document).
    pub entity: String,
    pub kind: NameKind,
    /// The whole mention (with determiners, modifiers, relative clauses).
    pub span: (usize, usize),
    /// The head word.
    pub head: (usize, usize),
    /// The name itself: the proper nouns around the head, without a person's titles.
    pub name: (usize, usize),
}

pub struct GumDoc {
    pub name: String,
    pub split: String,
    pub genre: String,
    pub text: String,
    pub mentions: Vec<GoldMention>,
}

struct Token {
    span: (usize, usize),
    xpos: String,
    head: Option<usize>,
    lower: String,
}

/// The split each document belongs to, from `splits.md`.
pub fn splits(dir: &Path) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Ok(text) = std::fs::read_to_string(dir.join("splits.md")) else {
        return out;
    };
    let mut cur = String::new();
    for line in text.lines() {
        if let Some(s) = line.strip_prefix("## ") {
            cur = s.trim().to_string();
        } else if let Some(d) = line.trim().strip_prefix("* ") {
            out.insert(d.trim().to_string(), cur.clone());
        }
    }
    out
}

/// Every document of the given splits ("train", "dev", "test"), in name order.
pub fn load(dir: &Path, want: &[&str]) -> anyhow::Result<Vec<GumDoc>> {
    let sp = splits(dir);
    let mut files: Vec<_> = std::fs::read_dir(dir.join("dep"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let split = sp.get(&name).cloned().unwrap_or_default();
        if !want.contains(&split.as_str()) {
            continue;
        }
        let raw = std::fs::read_to_string(&f)?;
        out.push(parse(&name, &split, &raw));
    }
    Ok(out)
}

fn kind_of(t: &str) -> Option<NameKind> {
    match t {
        "person" => Some(NameKind::Person),
        "organization" => Some(NameKind::Organisation),
        "place" => Some(NameKind::Place),
        _ => None,
    }
}

fn parse(name: &str, split: &str, raw: &str) -> GumDoc {
    let genre = name.split('_').nth(1).unwrap_or("").to_string();
    let mut text = String::new();
    let mut toks: Vec<Token> = Vec::new();
    // (entity id, type, first token)
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut spans: Vec<(String, String, usize, usize)> = Vec::new();
    let mut sent_base = 0usize;
    let mut newpar = false;
    for line in raw.lines() {
        if line.starts_with("# newpar") {
            newpar = true;
            continue;
        }
        if line.is_empty() {
            sent_base = toks.len();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        if toks.len() == sent_base && !text.is_empty() {
            if newpar {
                while text.ends_with(' ') {
                    text.pop();
                }
                text.push_str("\n\n");
            } else if !text.ends_with(' ') {
                text.push(' ');
            }
        }
        newpar = false;
        let s = text.len();
        text.push_str(cols[1]);
        let e = text.len();
        if !cols[9].contains("SpaceAfter=No") {
            text.push(' ');
        }
        let head = cols[6]
            .parse::<usize>()
            .ok()
            .filter(|&h| h > 0)
            .map(|h| sent_base + h - 1);
        let idx = toks.len();
        toks.push(Token {
            span: (s, e),
            xpos: cols[4].to_string(),
            head,
            lower: cols[1].to_lowercase(),
        });
        let Some(ent) = cols[9].split('|').find_map(|m| m.strip_prefix("Entity=")) else {
            continue;
        };
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let st = k + 1;
                let mut en = st;
                while en < b.len() && b[en] != b'(' && b[en] != b')' {
                    en += 1;
                }
                let label = &ent[st..en];
                let mut parts = label.split('-');
                let id = parts.next().unwrap_or("").to_string();
                let ty = parts.next().unwrap_or("").to_string();
                if en < b.len() && b[en] == b')' {
                    spans.push((id, ty, idx, idx));
                    k = en + 1;
                } else {
                    open.push((id, ty, idx));
                    k = en;
                }
            } else if b[k].is_ascii_digit() {
                let st = k;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                let id = &ent[st..k];
                if k < b.len() && b[k] == b')' {
                    if let Some(p) = open.iter().rposition(|(o, _, _)| o == id) {
                        let (id, ty, first) = open.remove(p);
                        spans.push((id, ty, first, idx));
                    }
                    k += 1;
                }
            } else {
                k += 1;
            }
        }
    }
    let proper = |t: &Token| t.xpos == "NNP" || t.xpos == "NNPS";
    let joiner = |t: &Token| matches!(t.lower.as_str(), "of" | "and" | "&" | "de" | "for" | "the");
    let mut mentions = Vec::new();
    let mut seen = HashSet::new();
    for (id, ty, s, e) in spans {
        let Some(kind) = kind_of(&ty) else { continue };
        let Some(h) = (s..=e).find(|&i| toks[i].head.is_none_or(|x| x < s || x > e)) else {
            continue;
        };
        if !proper(&toks[h]) || !seen.insert((s, e, id.clone())) {
            continue;
        }
        let mut a = h;
        while a > s
            && (proper(&toks[a - 1])
                || (a >= s + 2 && joiner(&toks[a - 1]) && proper(&toks[a - 2])))
        {
            a -= 1;
        }
        let mut z = h;
        while z < e
            && (proper(&toks[z + 1])
                || (z + 2 <= e && joiner(&toks[z + 1]) && proper(&toks[z + 2])))
        {
            z += 1;
        }
        if kind == NameKind::Person {
            while a < z && gazetteer::is_title(&toks[a].lower) {
                a += 1;
            }
        }
        mentions.push(GoldMention {
            entity: id,
            kind,
            span: (toks[s].span.0, toks[e].span.1),
            head: toks[h].span,
            name: (toks[a].span.0, toks[z].span.1),
        });
    }
    // mentions that share their head and kind ("Douglas Babstock et al." and "Douglas Babstock")
    // are one name: keep the shortest
    mentions.sort_by_key(|m| (m.head.0, m.span.1 - m.span.0));
    mentions.dedup_by(|b, a| a.head == b.head && a.kind == b.kind);
    mentions.sort_by_key(|m| (m.span.0, m.span.1));
    GumDoc {
        name: name.to_string(),
        split: split.to_string(),
        genre,
        text,
        mentions,
    }
}

/// Counts of right, predicted and gold names, per kind.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub right: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Score {
    pub fn add(&mut self, o: Score) {
        self.right += o.right;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.right as f64 / self.predicted.max(1) as f64;
        let r = self.right as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// For each predicted span, the index of the gold mention it matches (if any), each gold
/// mention matched at most once. `typed` requires the kinds to agree.
pub fn align(
    gold: &[GoldMention],
    pred: &[(usize, usize, NameKind)],
    typed: bool,
) -> Vec<Option<usize>> {
    let mut used = vec![false; gold.len()];
    pred.iter()
        .map(|&(s, e, k)| {
            let g = gold.iter().enumerate().find(|(gi, g)| {
                !used[*gi]
                    && (!typed || g.kind == k)
                    && s <= g.head.0
                    && e >= g.head.1
                    && s >= g.span.0
                    && e <= g.span.1
            });
            g.map(|(gi, _)| {
                used[gi] = true;
                gi
            })
        })
        .collect()
}

/// Scores predicted names of one document: overall and for each kind.
pub fn score(gold: &[GoldMention], pred: &[(usize, usize, NameKind)]) -> (Score, [Score; 3]) {
    let m = align(gold, pred, true);
    let mut all = Score::default();
    let mut per = [Score::default(); 3];
    let ki = |k: NameKind| match k {
        NameKind::Person => 0,
        NameKind::Organisation => 1,
        NameKind::Place => 2,
    };
    for g in gold {
        all.gold += 1;
        per[ki(g.kind)].gold += 1;
    }
    for (p, hit) in pred.iter().zip(&m) {
        all.predicted += 1;
        per[ki(p.2)].predicted += 1;
        if hit.is_some() {
            all.right += 1;
            per[ki(p.2)].right += 1;
        }
    }
    (all, per)
}
