//! The name tagger's model: an averaged perceptron over hashed features that gives each
//! candidate token one of seven tags (outside, or begin/inside of a person, organisation or place
//! name), decoded greedily from left to right. Weights are data (`model.bin`, written by
//! `examples/train_ner.rs`); training lives here so that training and tagging share every line.

use rustc_hash::FxHashMap as HashMap;

use super::features::{Doc, tag_features};

pub const TAGS: usize = 7;
pub const O: usize = 0;
/// Tag names, in index order.
pub const TAG_NAMES: [&str; TAGS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

const MAGIC: &[u8; 8] = b"NDNER01\0";

/// Whether `tag` may follow `prev` (an inside tag only continues a name of its own kind).
pub fn allowed(prev: usize, tag: usize) -> bool {
    tag == O || tag % 2 == 1 || prev == tag || prev + 1 == tag
}

/// Weights per feature.
pub struct Model {
    weights: HashMap<u64, [f32; TAGS]>,
}

impl Model {
    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Option<Model> {
        if b.len() < 16 || &b[..8] != MAGIC {
            return None;
        }
        let scale = f32::from_le_bytes(b[8..12].try_into().ok()?);
        let n = u32::from_le_bytes(b[12..16].try_into().ok()?) as usize;
        let rec = 8 + 2 * TAGS;
        if b.len() != 16 + n * rec {
            return None;
        }
        let mut weights = HashMap::with_capacity_and_hasher(n, Default::default());
        for r in b[16..].chunks_exact(rec) {
            let key = u64::from_le_bytes(r[..8].try_into().ok()?);
            let mut w = [0f32; TAGS];
            for (t, x) in w.iter_mut().enumerate() {
                let q = i16::from_le_bytes([r[8 + 2 * t], r[9 + 2 * t]]);
                *x = f32::from(q) * scale;
            }
            weights.insert(key, w);
        }
        Some(Model { weights })
    }

    /// Writes the weights, quantised to 16 bits, leaving out features whose weights all round to 0.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut keys: Vec<(&u64, [i16; TAGS])> = self
            .weights
            .iter()
            .map(|(k, w)| {
                let mut q = [0i16; TAGS];
                for (t, x) in w.iter().enumerate() {
                    q[t] = (x / scale).round() as i16;
                }
                (k, q)
            })
            .filter(|(_, q)| q.iter().any(|&x| x != 0))
            .collect();
        keys.sort_by_key(|(k, _)| **k);
        let mut out = Vec::with_capacity(16 + keys.len() * (8 + 2 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, q) in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    pub fn features(&self) -> usize {
        self.weights.len()
    }

    fn score(&self, feats: &[u64]) -> [f32; TAGS] {
        score(&self.weights, feats)
    }

    /// The tag of every token of `doc` (non-candidates are outside).
    pub fn tag(&self, doc: &Doc) -> Vec<usize> {
        decode(doc, |feats| self.score(feats))
    }
}

/// The sum of the weights of `feats`, per tag.
fn score(weights: &HashMap<u64, [f32; TAGS]>, feats: &[u64]) -> [f32; TAGS] {
    let mut s = [0f32; TAGS];
    for w in feats.iter().filter_map(|f| weights.get(f)) {
        for (x, y) in s.iter_mut().zip(w) {
            *x += y;
        }
    }
    s
}

fn best(scores: &[f32; TAGS], prev: usize) -> usize {
    let mut best = O;
    let mut top = f32::NEG_INFINITY;
    for (t, &s) in scores.iter().enumerate() {
        if allowed(prev, t) && s > top {
            top = s;
            best = t;
        }
    }
    best
}

fn decode(doc: &Doc, mut score: impl FnMut(&[u64]) -> [f32; TAGS]) -> Vec<usize> {
    let n = doc.toks.len();
    let mut tags = vec![O; n];
    let mut feats = Vec::with_capacity(64);
    for i in 0..n {
        if !doc.candidate[i] {
            continue;
        }
        doc.features(i, &mut feats);
        let prev = if i > 0 { tags[i - 1] } else { O };
        let prev2 = if i > 1 { tags[i - 2] } else { O };
        tag_features(prev, prev2, &doc.lower[i], &mut feats);
        tags[i] = best(&score(&feats), prev);
    }
    tags
}

/// An averaged perceptron in training.
#[derive(Default)]
pub struct Trainer {
    w: HashMap<u64, [f32; TAGS]>,
    total: HashMap<u64, [f32; TAGS]>,
    stamp: HashMap<u64, [u32; TAGS]>,
    step: u32,
}

impl Trainer {
    fn bump(&mut self, f: u64, t: usize, by: f32) {
        let w = self.w.entry(f).or_insert([0.0; TAGS]);
        let total = self.total.entry(f).or_insert([0.0; TAGS]);
        let stamp = self.stamp.entry(f).or_insert([0; TAGS]);
        total[t] += (self.step - stamp[t]) as f32 * w[t];
        stamp[t] = self.step;
        w[t] += by;
    }

    /// Trains on one document with its gold tags (one per token); returns the tokens it got wrong.
    pub fn learn(&mut self, doc: &Doc, gold: &[usize]) -> usize {
        let n = doc.toks.len();
        let mut tags = vec![O; n];
        let mut feats = Vec::with_capacity(64);
        let mut wrong = 0;
        for i in 0..n {
            if !doc.candidate[i] {
                continue;
            }
            self.step += 1;
            doc.features(i, &mut feats);
            let prev = if i > 0 { tags[i - 1] } else { O };
            let prev2 = if i > 1 { tags[i - 2] } else { O };
            tag_features(prev, prev2, &doc.lower[i], &mut feats);
            let guess = best(&score(&self.w, &feats), prev);
            let truth = gold[i];
            if guess != truth {
                wrong += 1;
                for &f in &feats {
                    self.bump(f, truth, 1.0);
                    self.bump(f, guess, -1.0);
                }
            }
            // follow the gold path so later features see the right history
            tags[i] = if allowed(prev, truth) { truth } else { guess };
        }
        wrong
    }

    /// The averaged model.
    pub fn finish(mut self) -> Model {
        let keys: Vec<u64> = self.w.keys().copied().collect();
        for f in keys {
            for t in 0..TAGS {
                self.bump(f, t, 0.0);
            }
        }
        let step = self.step.max(1) as f32;
        let weights = self
            .total
            .into_iter()
            .map(|(k, tot)| {
                let mut w = [0f32; TAGS];
                for t in 0..TAGS {
                    w[t] = tot[t] / step;
                }
                (k, w)
            })
            .collect();
        Model { weights }
    }
}
