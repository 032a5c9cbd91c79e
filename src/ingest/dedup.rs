//! Near-duplicate articles (a wire story republished, a page scraped twice): MinHash signatures of
//! word 5-gram shingles with one-permutation hashing, banded locality-sensitive hashing to find
//! candidate pairs, and a signature-agreement check to confirm them.

use std::collections::HashMap;
use xxhash_rust::xxh3::xxh3_64;

const BINS: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = BINS / BANDS;
/// Estimated Jaccard similarity of shingle sets at or above which two articles are near-duplicates.
pub const THRESHOLD: f64 = 0.6;

/// A MinHash signature of a text (one-permutation hashing: one hash per shingle, `BINS` bins).
#[derive(Clone, Debug)]
pub struct Signature {
    bins: [u64; BINS],
    shingles: usize,
}

impl Signature {
    pub fn of(text: &str) -> Signature {
        // Each word is hashed once, case-folded; a shingle's hash is the hash of its words'
        // hashes, read from a ring of the last five.
        const N: usize = 5;
        let mut lower = String::new();
        let mut ring = [0u64; N];
        let mut bins = [u64::MAX; BINS];
        let (mut words, mut shingles) = (0usize, 0usize);
        let mut key = [0u8; N * 8];
        let mut add = |ring: &[u64; N], first: usize, n: usize| {
            for i in 0..n {
                let x = ring[(first + i) % N];
                key[i * 8..i * 8 + 8].copy_from_slice(&x.to_le_bytes());
            }
            let h = xxh3_64(&key[..n * 8]);
            let bin = (h % BINS as u64) as usize;
            let v = h / BINS as u64;
            if v < bins[bin] {
                bins[bin] = v;
            }
        };
        for w in crate::text::words(text) {
            ring[words % N] = crate::text::word_hash(w, &mut lower);
            words += 1;
            if words >= N {
                add(&ring, words % N, N);
                shingles += 1;
            }
        }
        // A text of fewer words than a shingle is one shingle of all of them.
        if (1..N).contains(&words) {
            add(&ring, 0, words);
            shingles = 1;
        }
        Signature { bins, shingles }
    }

    /// Estimated Jaccard similarity (share of bins that agree, among bins filled on either side).
    pub fn similarity(&self, other: &Signature) -> f64 {
        let (mut same, mut used) = (0, 0);
        for (a, b) in self.bins.iter().zip(other.bins.iter()) {
            if *a == u64::MAX && *b == u64::MAX {
                continue;
            }
            used += 1;
            if a == b {
                same += 1;
            }
        }
        if used == 0 {
            0.0
        } else {
            same as f64 / used as f64
        }
    }
}

/// Groups near-duplicates. `sigs[i]` is the signature of item `i`; returns for each item the
/// index of its group's representative candidate set, as a list of groups (each with 2+ items,
/// indices ascending). Texts of fewer than 25 shingles are never grouped.
pub fn groups(sigs: &[Signature]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..sigs.len()).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, s) in sigs.iter().enumerate() {
        if s.shingles < 25 {
            continue;
        }
        for b in 0..BANDS {
            let band = &s.bins[b * ROWS..(b + 1) * ROWS];
            if band.iter().all(|v| *v == u64::MAX) {
                continue;
            }
            let mut key = 0u64;
            for v in band {
                key = key.rotate_left(17) ^ v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            }
            buckets.entry((b, key)).or_default().push(i);
        }
    }
    for members in buckets.values() {
        if members.len() < 2 || members.len() > 500 {
            continue;
        }
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj && sigs[i].similarity(&sigs[j]) >= THRESHOLD {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..sigs.len() {
        let r = find(&mut parent, i);
        by_root.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_republished_copies_and_not_different_stories() {
        let base = "The harbour authority said on Monday that the old swing bridge will close for six months \
            of repairs starting in January, forcing commuters onto ferries and a long detour through the \
            industrial district, while engineers replace corroded cables and the control room that dates \
            from the nineteen sixties and has failed twice this year according to inspection reports.";
        let copy =
            format!("PORT CALDER (Wire) - {base} The closure was first reported by the wire.");
        let other = "The city council voted to raise bus fares by ten cents next spring, the first rise in \
            five years, citing fuel costs and a shortfall in the transit budget that officials blamed on \
            lower ridership since the pandemic and on the delayed opening of the northern line extension.";
        let sigs = [
            Signature::of(base),
            Signature::of(other),
            Signature::of(&copy),
        ];
        assert!(sigs[0].similarity(&sigs[2]) >= THRESHOLD);
        assert_eq!(groups(&sigs), vec![vec![0, 2]]);
    }
}
