//! The incremental clusterer: term statistics, each article's vector, stories with their summed
//! vectors and an inverted index from terms to stories; adding one article, the agglomerative
//! rounds of a full load, and the split of stories that tell two events.

use std::collections::HashMap;

use super::terms::*;
use super::vectors::*;
use super::*;

/// Minutes since the epoch as stored in posting lists; undated entries sort first.
pub(super) const UNDATED: i32 = i32::MIN;

pub(super) fn minutes(t: Option<i64>) -> i32 {
    t.map_or(UNDATED, |s| {
        (s.div_euclid(60)).clamp(i32::MIN as i64 + 1, i32::MAX as i64) as i32
    })
}

/// An article as the clusterer sees it.
#[derive(Clone, Debug, Default)]
pub(super) struct DocVec {
    /// Unit-length TF-IDF vector.
    pub(super) terms: SVec,
    pub(super) time: Option<i64>,
    pub(super) titles_only: bool,
    /// Unit vector of the event terms: the names and numbers of `terms`, with their weights.
    pub(super) event: SVec,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Cluster {
    pub(super) members: Vec<u32>,
    /// Sum of the members' unit vectors.
    pub(super) sum: SVec,
    pub(super) norm2: f64,
    pub(super) t_min: Option<i64>,
    pub(super) t_max: Option<i64>,
    pub(super) titles_only: u32,
}

impl Cluster {
    pub(super) fn mostly_titles(&self) -> bool {
        self.titles_only as usize * 2 > self.members.len()
    }
}

/// Hours between two time spans (0 when they overlap; 0 when either is undated).
pub(super) fn gap_secs(a: (Option<i64>, Option<i64>), b: (Option<i64>, Option<i64>)) -> i64 {
    match (a, b) {
        ((Some(a0), Some(a1)), (Some(b0), Some(b1))) => (b0 - a1).max(a0 - b1).max(0),
        _ => 0,
    }
}

/// The incremental clusterer: term statistics, the documents added so far and their stories.
pub struct Clusterer {
    pub(super) params: Params,
    pub(super) vocab: Vocab,
    pub(super) df: Vec<u32>,
    /// Per term: (capitalised mid-sentence uses, lower-case uses).
    pub(super) case: Vec<(u32, u32)>,
    /// Per term: whether it is a number (a year, a count, a score).
    pub(super) numeric: Vec<bool>,
    pub(super) n_docs: u32,
    pub(super) docs: Vec<DocVec>,
    pub(super) assign: Vec<u32>,
    pub(super) clusters: Vec<Cluster>,
    /// Term -> (cluster, minute the term entered it), sorted by time: the stories holding the term.
    /// Entries go stale when a term leaves a story; scoring reads the story itself.
    pub(super) postings: Vec<Vec<(u32, i32)>>,
    pub(super) scratch: Vec<f32>,
    pub(super) touched: Vec<u32>,
}

impl Clusterer {
    pub fn new(params: Params) -> Self {
        Clusterer {
            params,
            vocab: Vocab::default(),
            df: Vec::new(),
            case: Vec::new(),
            numeric: Vec::new(),
            n_docs: 0,
            docs: Vec::new(),
            assign: Vec::new(),
            clusters: Vec::new(),
            postings: Vec::new(),
            scratch: Vec::new(),
            touched: Vec::new(),
        }
    }

    pub fn params(&self) -> &Params {
        &self.params
    }

    pub(super) fn term_id(&mut self, t: &str) -> u32 {
        let next = self.vocab.len() as u32;
        let id = *self.vocab.entry(term_key(t)).or_insert(next);
        if id == next {
            self.df.push(0);
            self.case.push((0, 0));
            self.numeric.push(t.bytes().all(|b| b.is_ascii_digit()));
            self.postings.push(Vec::new());
        }
        id
    }

    /// A title's words as (term, capitalised, sentence start), and whether it is in Title Case
    /// (most words capitalised: then its capitals say nothing about names).
    pub(super) fn title_terms(&mut self, title: &str) -> (Vec<(u32, bool, bool)>, bool) {
        let mut words = Vec::new();
        scan(title, |t, cap, start| {
            words.push((t.to_string(), cap, start))
        });
        let tc = words.len() >= 3 && words.iter().filter(|w| w.1).count() * 10 >= words.len() * 7;
        let ids = words
            .into_iter()
            .map(|(t, cap, start)| (self.term_id(&t), cap, start))
            .collect();
        (ids, tc)
    }

    /// Counts a document's terms in the document frequencies and case statistics.
    pub(super) fn observe(&mut self, d: &Doc) {
        let (title, tc) = self.title_terms(d.title);
        let mut seen: Vec<u32> = Vec::with_capacity(title.len() + d.lead.len() / 6);
        let mut uses: Vec<(u32, bool)> = Vec::new();
        for &(id, cap, start) in &title {
            seen.push(id);
            if !tc && !start {
                uses.push((id, cap));
            }
        }
        scan(d.lead, |t, cap, start| {
            let id = self.term_id(t);
            seen.push(id);
            if !start {
                uses.push((id, cap));
            }
        });
        if self.reads_slug(d) {
            scan_slug(d.slug, |t| seen.push(self.term_id(t)));
        }
        for (id, cap) in uses {
            let cs = &mut self.case[id as usize];
            if cap {
                cs.0 += 1;
            } else {
                cs.1 += 1;
            }
        }
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            self.df[id as usize] += 1;
        }
        self.n_docs += 1;
    }

    pub(super) fn idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f32;
        ((self.n_docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// A term the corpus mostly writes with a capital mid-sentence: a name.
    pub(super) fn is_name(&self, id: u32) -> bool {
        let (c, l) = self.case.get(id as usize).copied().unwrap_or((0, 0));
        c > 0 && c >= 2 * l
    }

    /// The unit TF-IDF vector of a document: title words count `title_weight` times, names are
    /// weighted up by `name_boost`.
    pub(super) fn vectorize(&mut self, d: &Doc) -> DocVec {
        let (title, tc) = self.title_terms(d.title);
        // (term, frequency, used as a name), in first-use order.
        let mut tf: Vec<(u32, f32, bool)> = Vec::with_capacity(title.len() + d.lead.len() / 8);
        let mut at: HashMap<u32, usize, std::hash::BuildHasherDefault<KeyHasher>> =
            HashMap::with_capacity_and_hasher(tf.capacity(), Default::default());
        let mut count = |this: &Self, id: u32, weight: f32, cap: bool, positional: bool| {
            let k = *at.entry(id).or_insert_with(|| {
                tf.push((id, 0.0, false));
                tf.len() - 1
            });
            tf[k].1 += weight;
            // A capital is a name signal unless it starts a sentence or the headline capitalises
            // every word; a term the corpus mostly capitalises counts anyway.
            if cap && (positional || this.is_name(id)) {
                tf[k].2 = true;
            }
        };
        for &(id, cap, start) in &title {
            count(self, id, self.params.title_weight, cap, !start && !tc);
        }
        let mut lead_ids: Vec<(u32, bool, bool)> = Vec::new();
        scan(d.lead, |t, cap, start| {
            lead_ids.push((self.term_id(t), cap, start))
        });
        for (id, cap, start) in lead_ids {
            count(self, id, 1.0, cap, !start);
        }
        if self.reads_slug(d) {
            let mut slug_ids = Vec::new();
            scan_slug(d.slug, |t| slug_ids.push(self.term_id(t)));
            for id in slug_ids {
                // Slugs are lower-cased or capitalise every word: no name signal.
                count(self, id, self.params.slug_weight, false, false);
            }
        }
        let mut event: SVec = Vec::new();
        let mut terms: SVec = tf
            .into_iter()
            .map(|(id, f, name)| {
                let mut w = (1.0 + f.ln()) * self.idf(id);
                if name {
                    w *= self.params.name_boost;
                }
                if name || self.numeric.get(id as usize).copied().unwrap_or(false) {
                    event.push((id, w));
                }
                (id, w)
            })
            .collect();
        terms.sort_unstable_by_key(|x| x.0);
        event.sort_unstable_by_key(|x| x.0);
        normalize(&mut terms);
        normalize(&mut event);
        DocVec {
            terms,
            time: d.published,
            titles_only: d.headline_only(),
            event,
        }
    }

    /// Whether a doc's URL slug counts: only for headline-only records, whose few words it adds
    /// to; an article with a body already says what its slug says.
    pub(super) fn reads_slug(&self, d: &Doc) -> bool {
        self.params.slug_weight > 0.0 && !d.slug.is_empty() && d.headline_only()
    }

    pub(super) fn window_secs(&self) -> i64 {
        self.params.window_hours.saturating_mul(3600)
    }

    /// The window for a headline-only record, or between two stories made mostly of them, when
    /// `titles` (never longer than the general window); else the general window.
    pub(super) fn window_secs_for(&self, titles: bool) -> i64 {
        if titles {
            self.params
                .title_only_window_hours
                .min(self.params.window_hours)
                .saturating_mul(3600)
        } else {
            self.window_secs()
        }
    }

    pub(super) fn threshold_for(&self, v: &DocVec) -> f32 {
        if v.titles_only {
            self.params.title_only_threshold
        } else {
            self.params.threshold
        }
    }

    /// Cosine of a unit doc vector to a cluster's sum, leaving the doc itself out of the sum when
    /// it is a member.
    pub(super) fn cosine(v: &DocVec, c: &Cluster, member: bool) -> f32 {
        let d = dot(&v.terms, &c.sum);
        let (d, n2) = if member {
            (d - 1.0, c.norm2 - 2.0 * d + 1.0)
        } else {
            (d, c.norm2)
        };
        if n2 <= 1e-9 {
            return 0.0;
        }
        (d / n2.sqrt()) as f32
    }

    /// Candidate clusters for a query (weighted terms) around a time span: the clusters in the
    /// terms' posting lists that `keep` accepts (the caller's time window and other conditions),
    /// scored by the query weights they share, best `max_candidates` first. Only entries near the
    /// span are read (at most `max_postings` a term, nearest first), and undated entries.
    pub(super) fn candidates(
        &mut self,
        q: &[(u32, f32)],
        span: (Option<i64>, Option<i64>),
        keep: impl Fn(&Cluster, u32) -> bool,
    ) -> Vec<u32> {
        if self.scratch.len() < self.clusters.len() {
            self.scratch.resize(self.clusters.len(), 0.0);
        }
        let w = self.window_secs();
        let cap = self.params.max_postings.max(1);
        self.touched.clear();
        for &(t, weight) in q {
            let p = &self.postings[t as usize];
            let undated = p.partition_point(|e| e.1 == UNDATED);
            let dated = &p[undated..];
            let picked: &[(u32, i32)] = match span {
                (Some(lo), Some(hi)) => {
                    // Entries enter when a doc joins, so a story that started before the window
                    // may hold the term from earlier: look back twice the window.
                    let from = minutes(Some(lo.saturating_sub(w.saturating_mul(2))));
                    let (to, at) = (minutes(Some(hi.saturating_add(w))), minutes(Some(lo)));
                    let a = dated.partition_point(|e| e.1 < from);
                    let b = dated.partition_point(|e| e.1 <= to);
                    let mid = dated.partition_point(|e| e.1 < at);
                    // More than `cap` entries: the `cap` around the span's start.
                    let (a, b) = if b - a > cap {
                        let from = mid.saturating_sub(cap / 2).clamp(a, b - cap);
                        (from, from + cap)
                    } else {
                        (a, b)
                    };
                    &dated[a..b]
                }
                _ => &dated[dated.len().saturating_sub(cap)..],
            };
            for &(c, _) in picked
                .iter()
                .chain(&p[undated.saturating_sub(cap)..undated])
            {
                let s = &mut self.scratch[c as usize];
                if *s == 0.0 {
                    self.touched.push(c);
                }
                *s += weight;
            }
        }
        // Only stories the caller could take compete for the candidate places (an entry read in
        // the look-back may belong to a story that ended too early).
        let mut cands: Vec<(u32, f32)> = self
            .touched
            .iter()
            .filter(|&&c| keep(&self.clusters[c as usize], c))
            .map(|&c| (c, self.scratch[c as usize]))
            .collect();
        for &c in &self.touched {
            self.scratch[c as usize] = 0.0;
        }
        cands.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        cands.truncate(self.params.max_candidates);
        cands.into_iter().map(|c| c.0).collect()
    }

    /// The best cluster for a vector among the candidates, with its cosine. `own` is the doc's
    /// current cluster when it is re-examined (scored without the doc).
    pub(super) fn best_cluster(&mut self, v: &DocVec, own: Option<usize>) -> Option<(usize, f32)> {
        let q = heaviest(&v.terms, self.params.query_terms);
        let w = self.window_secs_for(v.titles_only);
        let min_shared = self.params.min_shared;
        let cands = self.candidates(&q, (v.time, v.time), |cl, c| {
            let member = own == Some(c as usize);
            !(cl.members.is_empty() || (member && cl.members.len() == 1))
                && gap_secs((v.time, v.time), (cl.t_min, cl.t_max)) <= w
                && (!v.titles_only || shared_terms(&v.terms, &cl.sum) >= min_shared)
        });
        let mut best: Option<(usize, f32)> = None;
        for c in cands {
            let c = c as usize;
            let cl = &self.clusters[c];
            let member = own == Some(c);
            let s = Self::cosine(v, cl, member);
            if best.is_none_or(|(bc, bs)| s > bs || (s == bs && c < bc)) {
                best = Some((c, s));
            }
        }
        best
    }

    pub(super) fn attach(&mut self, d: usize, c: usize) {
        let v = std::mem::take(&mut self.docs[d]);
        let mut fresh = Vec::new();
        let cl = &mut self.clusters[c];
        add_into(&mut cl.sum, &v.terms, 1.0, &mut fresh);
        cl.norm2 = norm2(&cl.sum);
        cl.members.push(d as u32);
        if v.titles_only {
            cl.titles_only += 1;
        }
        if let Some(t) = v.time {
            cl.t_min = Some(cl.t_min.map_or(t, |x| x.min(t)));
            cl.t_max = Some(cl.t_max.map_or(t, |x| x.max(t)));
        }
        let m = minutes(v.time);
        for t in fresh {
            let p = &mut self.postings[t as usize];
            // Appends in time order are the common case; an older doc is inserted in place.
            let at = if p.last().is_none_or(|e| e.1 <= m) {
                p.len()
            } else {
                p.partition_point(|e| e.1 <= m)
            };
            p.insert(at, (c as u32, m));
        }
        self.docs[d] = v;
        self.assign[d] = c as u32;
    }

    pub(super) fn detach(&mut self, d: usize) {
        let c = self.assign[d] as usize;
        let v = std::mem::take(&mut self.docs[d]);
        let mut fresh = Vec::new();
        let cl = &mut self.clusters[c];
        add_into(&mut cl.sum, &v.terms, -1.0, &mut fresh);
        cl.norm2 = norm2(&cl.sum);
        cl.members.retain(|&m| m as usize != d);
        if v.titles_only {
            cl.titles_only -= 1;
        }
        self.docs[d] = v;
        let docs = &self.docs;
        let cl = &mut self.clusters[c];
        cl.t_min = cl
            .members
            .iter()
            .filter_map(|&m| docs[m as usize].time)
            .min();
        cl.t_max = cl
            .members
            .iter()
            .filter_map(|&m| docs[m as usize].time)
            .max();
    }

    /// Moves every document of story `b` into story `a`.
    pub(super) fn merge_into(&mut self, a: usize, b: usize) {
        let gone = std::mem::take(&mut self.clusters[b]);
        let mut fresh = Vec::new();
        let ca = &mut self.clusters[a];
        add_into(&mut ca.sum, &gone.sum, 1.0, &mut fresh);
        ca.norm2 = norm2(&ca.sum);
        ca.titles_only += gone.titles_only;
        ca.t_min = match (ca.t_min, gone.t_min) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        ca.t_max = ca.t_max.max(gone.t_max);
        for &d in &gone.members {
            self.assign[d as usize] = a as u32;
        }
        let m = minutes(gone.t_min);
        for t in fresh {
            let p = &mut self.postings[t as usize];
            let at = p.partition_point(|e| e.1 <= m);
            p.insert(at, (a as u32, m));
        }
        self.clusters[a].members.extend(gone.members);
    }

    pub(super) fn new_cluster(&mut self, d: usize) -> usize {
        self.clusters.push(Cluster::default());
        let c = self.clusters.len() - 1;
        self.attach(d, c);
        c
    }

    /// Adds one document and returns its story (cluster index): the most similar story within
    /// the time window if its cosine reaches the threshold, else a new one. The document's terms
    /// are counted in the statistics first; nothing else moves (this is the incremental path).
    pub fn add(&mut self, d: &Doc) -> usize {
        self.observe(d);
        self.place(d)
    }

    /// Adds a document whose terms were already counted.
    pub(super) fn place(&mut self, d: &Doc) -> usize {
        let v = self.vectorize(d);
        let k = self.docs.len();
        let forced = d
            .same_as
            .and_then(|j| self.assign.get(j).map(|&c| c as usize));
        let best = match forced {
            Some(_) => None,
            None => self.best_cluster(&v, None),
        };
        let thr = self.threshold_for(&v);
        self.docs.push(v);
        self.assign.push(u32::MAX);
        match (forced, best) {
            (Some(c), _) => {
                self.attach(k, c);
                c
            }
            (None, Some((c, s))) if s >= thr => {
                self.attach(k, c);
                c
            }
            _ => self.new_cluster(k),
        }
    }

    /// Re-examines every headline-only doc in insertion order: it moves to another story that
    /// fits clearly better, or out on its own when it no longer fits its story. A headline read
    /// early cannot see the words its story gathers later; articles with a body can, and moving
    /// them lets stories chain through shared general vocabulary (measured on PolNeAR), so they
    /// stay. `pinned` docs (near-duplicates) stay too. Returns the number of moves.
    pub(super) fn refine(&mut self, pinned: &[bool]) -> usize {
        let mut moves = 0;
        for d in 0..self.docs.len() {
            if !self.docs[d].titles_only || pinned.get(d).copied().unwrap_or(false) {
                continue;
            }
            let v = std::mem::take(&mut self.docs[d]);
            let cur = self.assign[d] as usize;
            let best = self.best_cluster(&v, Some(cur));
            let thr = self.threshold_for(&v);
            let alone = self.clusters[cur].members.len() <= 1;
            let cur_score = if alone {
                f32::NEG_INFINITY
            } else {
                Self::cosine(&v, &self.clusters[cur], true)
            };
            self.docs[d] = v;
            let target = match best {
                Some((c, s)) if c != cur && s >= thr && s > cur_score + 0.02 => Some(c),
                _ if cur_score < thr && !alone => None,
                _ => continue,
            };
            self.detach(d);
            match target {
                Some(c) => self.attach(d, c),
                None => {
                    self.new_cluster(d);
                }
            }
            moves += 1;
        }
        moves
    }

    /// Cosine between two stories' summed vectors, if their time spans are within the window.
    pub(super) fn link(&self, a: usize, b: usize) -> Option<f32> {
        let (ca, cb) = (&self.clusters[a], &self.clusters[b]);
        if ca.members.is_empty() || cb.members.is_empty() || ca.norm2 <= 0.0 || cb.norm2 <= 0.0 {
            return None;
        }
        let w = self.window_secs_for(ca.mostly_titles() && cb.mostly_titles());
        if gap_secs((ca.t_min, ca.t_max), (cb.t_min, cb.t_max)) > w {
            return None;
        }
        Some((dot(&ca.sum, &cb.sum) / (ca.norm2 * cb.norm2).sqrt()) as f32)
    }

    pub(super) fn merge_threshold_for(&self, a: usize, b: usize) -> f32 {
        if self.clusters[a].mostly_titles() && self.clusters[b].mostly_titles() {
            self.params.title_only_merge_threshold
        } else {
            self.params.merge_threshold
        }
    }

    /// Stories near `a` worth comparing with it: those sharing its heaviest terms.
    pub(super) fn neighbours(&mut self, a: usize) -> Vec<u32> {
        let q = heaviest(&self.clusters[a].sum, self.params.query_terms);
        let span = (self.clusters[a].t_min, self.clusters[a].t_max);
        let titles = self.clusters[a].mostly_titles();
        let (w, tw) = (self.window_secs(), self.window_secs_for(true));
        self.candidates(&q, span, |cl, b| {
            // The pair's window, as `link` takes it.
            let w = if titles && cl.mostly_titles() { tw } else { w };
            b as usize != a && !cl.members.is_empty() && gap_secs(span, (cl.t_min, cl.t_max)) <= w
        })
    }

    /// Agglomerative merging: repeatedly merges the closest pair of stories (cosine of their
    /// summed vectors, within the time window) while it is at least the merge threshold. The
    /// pairs are kept in a heap; a merge re-scores the merged story against its neighbours.
    pub(super) fn agglomerate(&mut self) -> usize {
        use std::cmp::Ordering;
        use std::collections::BinaryHeap;
        /// (similarity, a, b, version of a, version of b); ties broken towards low indices.
        #[derive(PartialEq)]
        struct Pair(f32, u32, u32, u32, u32);
        impl Eq for Pair {}
        impl PartialOrd for Pair {
            fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
                Some(self.cmp(o))
            }
        }
        impl Ord for Pair {
            fn cmp(&self, o: &Self) -> Ordering {
                self.0
                    .total_cmp(&o.0)
                    .then(o.1.cmp(&self.1))
                    .then(o.2.cmp(&self.2))
            }
        }
        let mut version = vec![0u32; self.clusters.len()];
        let mut heap = BinaryHeap::new();
        for a in 0..self.clusters.len() {
            if self.clusters[a].members.is_empty() {
                continue;
            }
            for b in self.neighbours(a) {
                let b = b as usize;
                if b > a
                    && let Some(s) = self.link(a, b)
                    && s >= self.merge_threshold_for(a, b)
                {
                    heap.push(Pair(s, a as u32, b as u32, 0, 0));
                }
            }
        }
        let mut merges = 0;
        while let Some(Pair(_, a, b, va, vb)) = heap.pop() {
            let (a, b) = (a as usize, b as usize);
            if version[a] != va || version[b] != vb {
                continue;
            }
            self.merge_into(a, b);
            version[a] += 1;
            version[b] += 1;
            merges += 1;
            for c in self.neighbours(a) {
                let c = c as usize;
                if let Some(s) = self.link(a, c)
                    && s >= self.merge_threshold_for(a, c)
                {
                    let (x, y) = (a.min(c), a.max(c));
                    heap.push(Pair(s, x as u32, y as u32, version[x], version[y]));
                }
            }
        }
        merges
    }

    /// Splits every story that tells two events of the same kind (see [`Params::split_threshold`]),
    /// again within each half, a few levels deep. Returns the number of splits.
    pub(super) fn split_events(&mut self, pinned: &[bool]) -> usize {
        let mut splits = 0;
        let mut work: Vec<(usize, u32)> = (0..self.clusters.len()).map(|c| (c, 0)).collect();
        while let Some((c, depth)) = work.pop() {
            if depth >= 3 || self.clusters[c].mostly_titles() {
                continue;
            }
            let Some(side) = self.bisect(c) else {
                continue;
            };
            self.clusters.push(Cluster::default());
            let fresh = self.clusters.len() - 1;
            for d in side {
                let d = d as usize;
                if !pinned.get(d).copied().unwrap_or(false) {
                    self.detach(d);
                    self.attach(d, fresh);
                }
            }
            splits += 1;
            work.push((c, depth + 1));
            work.push((fresh, depth + 1));
        }
        splits
    }

    /// The members of story `c` that form a second event, if its articles fall in two groups
    /// whose event vectors are far apart: two-means over the members' event vectors, seeded
    /// with the member farthest from the story's event centroid and the member farthest from
    /// that one. Members without event terms stay.
    pub(super) fn bisect(&self, c: usize) -> Option<Vec<u32>> {
        let min_side = self.params.split_min_side.max(1);
        let ev = |m: u32| self.docs[m as usize].event.as_slice();
        let members: Vec<u32> = self.clusters[c]
            .members
            .iter()
            .copied()
            .filter(|&m| !ev(m).is_empty())
            .collect();
        if self.params.split_threshold <= 0.0 || members.len() < 2 * min_side {
            return None;
        }
        // Cosine of a unit vector to a sum.
        let cos = |v: &[(u32, f32)], sum: &SVec| {
            let n2 = norm2(sum);
            if n2 <= 1e-12 {
                0.0
            } else {
                dot(v, sum) / n2.sqrt()
            }
        };
        let farthest = |sum: &SVec| {
            members
                .iter()
                .copied()
                .map(|m| (cos(ev(m), sum), m))
                .min_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)))
                .map_or(members[0], |x| x.1)
        };
        let a = farthest(&sum_of(members.iter().map(|&m| ev(m))));
        let b = farthest(&ev(a).to_vec());
        if a == b {
            return None;
        }
        let sides = |side: &[bool]| {
            let pick = |want: bool| {
                sum_of(
                    members
                        .iter()
                        .zip(side)
                        .filter(move |x| *x.1 == want)
                        .map(|x| ev(*x.0)),
                )
            };
            (pick(false), pick(true))
        };
        // Each member to the nearer seed, then to the nearer half, until nothing moves.
        let mut side: Vec<bool> = members
            .iter()
            .map(|&m| dot(ev(m), ev(b)) > dot(ev(m), ev(a)))
            .collect();
        for _ in 0..10 {
            let (sa, sb) = sides(&side);
            let next: Vec<bool> = members
                .iter()
                .map(|&m| cos(ev(m), &sb) > cos(ev(m), &sa))
                .collect();
            if next == side {
                break;
            }
            side = next;
        }
        let nb = side.iter().filter(|&&x| x).count();
        if nb < min_side || members.len() - nb < min_side {
            return None;
        }
        let (sa, sb) = sides(&side);
        let between = dot(&sa, &sb) / (norm2(&sa) * norm2(&sb)).sqrt().max(1e-12);
        (between < self.params.split_threshold as f64).then(|| {
            members
                .iter()
                .zip(&side)
                .filter(|x| *x.1)
                .map(|x| *x.0)
                .collect()
        })
    }

    /// Story (cluster index) of document `k` (in the order documents were added).
    pub fn story_of(&self, k: usize) -> Option<usize> {
        self.assign.get(k).map(|&c| c as usize)
    }

    /// Documents added so far.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Stories with at least one document.
    pub fn story_count(&self) -> usize {
        self.clusters
            .iter()
            .filter(|c| !c.members.is_empty())
            .count()
    }
}
