//! Story clustering: which articles report the same event. Online single-pass clustering over
//! articles in time order (as news-stream clustering does): each article is a TF-IDF vector of its
//! title (counted twice) and lead, plus the names it mentions; it joins the most similar recent
//! story (cosine to the story's centroid, a bonus for shared names, only within a time window) or
//! opens a new one. An inverted index from terms to stories keeps each step cheap, so adding one
//! article to a large corpus does not re-cluster anything. A full load sorts articles by
//! (published, id) first, so the result does not depend on file order.

use std::collections::{HashMap, HashSet};

use crate::model::Article;

const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "this",
    "from",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "but",
    "not",
    "its",
    "his",
    "her",
    "their",
    "they",
    "said",
    "says",
    "will",
    "would",
    "could",
    "about",
    "after",
    "over",
    "into",
    "than",
    "more",
    "been",
    "also",
    "who",
    "which",
    "what",
    "when",
    "where",
    "while",
    "one",
    "two",
    "new",
    "can",
    "our",
    "out",
    "all",
    "any",
    "just",
    "she",
    "him",
    "you",
    "your",
    "there",
    "them",
    "then",
    "some",
    "such",
    "other",
    "most",
    "many",
    "much",
    "may",
    "might",
    "should",
    "did",
    "does",
    "how",
    "why",
    "because",
    "being",
    "those",
    "these",
    "only",
    "very",
    "even",
    "still",
    "first",
    "last",
    "year",
    "years",
    "week",
    "told",
    "according",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "get",
    "got",
    "make",
    "says",
    "say",
    "per",
    "cent",
    "percent",
    "now",
    "here",
    "via",
    "amid",
    "report",
    "reports",
    "update",
    "news",
];

pub fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// Tuning of the clusterer. The defaults were chosen on the sample corpus gold stories and the
/// UCI headline set (see README, "Stories").
#[derive(Clone, Debug)]
pub struct Params {
    /// Minimum similarity (cosine + name bonus) to join a story.
    pub threshold: f32,
    /// Weight of the share of names in common (Jaccard) added to the cosine.
    pub entity_weight: f32,
    /// An article only joins a story whose latest article is at most this many hours older or newer.
    pub window_hours: i64,
    /// Terms of a story centroid kept (the heaviest).
    pub centroid_terms: usize,
    /// Characters of the body used as the lead.
    pub lead_chars: usize,
    /// Centroid cosine at which two stories are merged after a full load (1.0 = no merging).
    pub merge_threshold: f32,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.30,
            entity_weight: 0.35,
            window_hours: 96,
            centroid_terms: 100,
            lead_chars: 1200,
            merge_threshold: 0.3,
        }
    }
}

impl Params {
    /// The defaults, overridden by `NEWSDESK_CLUSTER="threshold,entity_weight,window_hours,merge_threshold"` (a
    /// tuning knob for the evaluation commands).
    pub fn from_env() -> Self {
        let mut p = Params::default();
        if let Ok(v) = std::env::var("NEWSDESK_CLUSTER") {
            let xs: Vec<f32> = v.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            if let [t, e, w, ..] = xs[..] {
                p.threshold = t;
                p.entity_weight = e;
                p.window_hours = w as i64;
            }
            if let Some(m) = xs.get(3) {
                p.merge_threshold = *m;
            }
        }
        p
    }
}

/// What the clusterer needs of an article.
#[derive(Clone, Debug)]
pub struct Doc {
    pub title: String,
    pub lead: String,
    /// Unix seconds.
    pub published: Option<i64>,
    /// When set, the doc joins this earlier doc's story unconditionally (near-duplicates).
    pub same_as: Option<usize>,
}

impl Doc {
    pub fn of(a: &Article, lead_chars: usize) -> Doc {
        Doc {
            title: a.title.clone().unwrap_or_default(),
            lead: super::lead(&a.body, lead_chars).to_string(),
            published: a.published.map(|t| t.timestamp()),
            same_as: None,
        }
    }
}

fn stem(w: &str) -> String {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = w.to_lowercase();
    let s = lower
        .strip_suffix("'s")
        .or_else(|| lower.strip_suffix("’s"))
        .unwrap_or(&lower);
    if s.len() > 4 && s.ends_with("ies") {
        format!("{}y", &s[..s.len() - 3])
    } else if s.len() > 3 && s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us") {
        s[..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| w.chars().count() > 2)
        .map(stem)
        .filter(|w| !is_stopword(w) && !w.chars().all(|c| c.is_ascii_digit()) || w.len() == 4)
}

/// Capitalised words not at a sentence start: a cheap stand-in for named entities.
fn names(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let cap = w.chars().next().is_some_and(|c| c.is_uppercase()) && w.chars().count() > 2;
        if cap && !sentence_start && !is_stopword(&w.to_lowercase()) {
            out.insert(stem(w));
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':', '"', '”']);
    }
    out
}

struct Cluster {
    centroid: HashMap<u32, f32>,
    norm: f32,
    names: HashMap<String, u32>,
    size: u32,
    last: Option<i64>,
    first: Option<i64>,
}

/// The incremental clusterer: term statistics and the stories so far.
pub struct Clusterer {
    params: Params,
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    docs_seen: u32,
    clusters: Vec<Cluster>,
    postings: HashMap<u32, Vec<u32>>,
    assignment: Vec<usize>,
}

impl Clusterer {
    pub fn new(params: Params) -> Self {
        Clusterer {
            params,
            vocab: HashMap::new(),
            df: Vec::new(),
            docs_seen: 0,
            clusters: Vec::new(),
            postings: HashMap::new(),
            assignment: Vec::new(),
        }
    }

    /// Counts a document's terms in the document frequencies (before or as it is added).
    pub fn observe(&mut self, d: &Doc) {
        let terms: HashSet<String> = tokens(&d.title).chain(tokens(&d.lead)).collect();
        for t in terms {
            let n = self.vocab.len() as u32;
            let id = *self.vocab.entry(t).or_insert(n);
            if id as usize >= self.df.len() {
                self.df.resize(id as usize + 1, 0);
            }
            self.df[id as usize] += 1;
        }
        self.docs_seen += 1;
    }

    fn vector(&self, d: &Doc) -> HashMap<u32, f32> {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        for (text, w) in [(&d.title, 2.0f32), (&d.lead, 1.0)] {
            for t in tokens(text) {
                if let Some(&id) = self.vocab.get(&t) {
                    *tf.entry(id).or_default() += w;
                }
            }
        }
        let n = self.docs_seen.max(1) as f32;
        for (id, v) in tf.iter_mut() {
            let df = self.df.get(*id as usize).copied().unwrap_or(1).max(1) as f32;
            // Ten pseudo-documents keep weights sane in small corpora, where every shared word
            // would otherwise look common and every unshared one distinctive.
            *v = (1.0 + v.ln()) * (1.0 + (n + 10.0) / df).ln();
        }
        tf
    }

    /// Adds one document (call `observe` on it first, or rely on earlier statistics) and returns
    /// its story index.
    pub fn add(&mut self, d: &Doc) -> usize {
        let v = self.vector(d);
        let doc_names = names(&format!("{} {}", d.title, d.lead));
        let chosen = match d.same_as.and_then(|i| self.assignment.get(i).copied()) {
            Some(c) => Some(c),
            None => self.best_cluster(&v, &doc_names, d.published, d.lead.trim().is_empty()),
        };
        let c = match chosen {
            Some(c) => c,
            None => {
                self.clusters.push(Cluster {
                    centroid: HashMap::new(),
                    norm: 0.0,
                    names: HashMap::new(),
                    size: 0,
                    last: d.published,
                    first: d.published,
                });
                self.clusters.len() - 1
            }
        };
        self.absorb(c, &v, doc_names, d.published);
        self.assignment.push(c);
        c
    }

    fn best_cluster(
        &self,
        v: &HashMap<u32, f32>,
        doc_names: &HashSet<String>,
        t: Option<i64>,
        headline_only: bool,
    ) -> Option<usize> {
        let vnorm = v.values().map(|x| x * x).sum::<f32>().sqrt();
        if vnorm == 0.0 {
            return None;
        }
        // Candidates: stories sharing one of the document's heaviest terms.
        let mut terms: Vec<(&u32, &f32)> = v.iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        let mut cands: Vec<u32> = Vec::new();
        // In a small corpus term weights say little (a word unique to one article outweighs the
        // shared ones), so every term looks for candidates; in a large one, the heaviest 40.
        let lookup = if self.docs_seen < 2000 {
            terms.len()
        } else {
            40
        };
        for (id, _) in terms.iter().take(lookup) {
            if let Some(cs) = self.postings.get(id) {
                cands.extend(cs.iter().rev().take(200));
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let window = self.params.window_hours * 3600;
        let mut best: Option<(f32, usize)> = None;
        for c in cands {
            let cl = &self.clusters[c as usize];
            if let (Some(t), Some(last), Some(first)) = (t, cl.last, cl.first)
                && (t > last + window || t < first - window)
            {
                continue;
            }
            if cl.norm == 0.0 {
                continue;
            }
            let dot: f32 = v
                .iter()
                .filter_map(|(id, x)| cl.centroid.get(id).map(|y| x * y))
                .sum();
            let cos = dot / (vnorm * cl.norm);
            let shared = doc_names
                .iter()
                .filter(|n| cl.names.contains_key(*n))
                .count() as f32;
            let union = (doc_names.len() + cl.names.len()) as f32 - shared;
            let jacc = if union > 0.0 { shared / union } else { 0.0 };
            let sim = cos + self.params.entity_weight * jacc;
            // Headlines alone share fewer words than title and lead: a lower bar for them.
            let bar = if headline_only {
                self.params.threshold * 0.5
            } else {
                self.params.threshold
            };
            if sim >= bar && best.is_none_or(|b| sim > b.0) {
                best = Some((sim, c as usize));
            }
        }
        best.map(|b| b.1)
    }

    fn absorb(
        &mut self,
        c: usize,
        v: &HashMap<u32, f32>,
        doc_names: HashSet<String>,
        t: Option<i64>,
    ) {
        let keep = self.params.centroid_terms;
        let cl = &mut self.clusters[c];
        let vnorm = v.values().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        for (id, x) in v {
            *cl.centroid.entry(*id).or_default() += x / vnorm;
        }
        if cl.centroid.len() > keep {
            let mut all: Vec<(u32, f32)> = cl.centroid.drain().collect();
            all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            all.truncate(keep);
            cl.centroid = all.into_iter().collect();
        }
        cl.norm = cl.centroid.values().map(|x| x * x).sum::<f32>().sqrt();
        for n in doc_names {
            *cl.names.entry(n).or_default() += 1;
        }
        cl.size += 1;
        cl.last = match (cl.last, t) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        cl.first = match (cl.first, t) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let ids: Vec<u32> = cl.centroid.keys().copied().collect();
        for id in ids {
            let list = self.postings.entry(id).or_default();
            if list.last() != Some(&(c as u32)) && !list.contains(&(c as u32)) {
                list.push(c as u32);
            }
        }
    }

    /// Merges stories whose centroids are close (cosine at least `threshold`) and whose times
    /// overlap within the window: the second pass of a full load, which joins the pieces of a big
    /// story that single-pass clustering opened apart. Returns the merged story of each story.
    pub fn merge_pass(&self, threshold: f32) -> Vec<usize> {
        let n = self.clusters.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(p: &mut [usize], x: usize) -> usize {
            let mut r = x;
            while p[r] != r {
                r = p[r];
            }
            let mut x = x;
            while p[x] != r {
                let next = p[x];
                p[x] = r;
                x = next;
            }
            r
        }
        let window = self.params.window_hours * 3600;
        for a in 0..n {
            let ca = &self.clusters[a];
            if ca.norm == 0.0 {
                continue;
            }
            let mut terms: Vec<(&u32, &f32)> = ca.centroid.iter().collect();
            terms.sort_by(|x, y| y.1.total_cmp(x.1).then(x.0.cmp(y.0)));
            let mut cands: Vec<u32> = Vec::new();
            for (id, _) in terms.iter().take(8) {
                if let Some(cs) = self.postings.get(id) {
                    cands.extend(cs.iter().filter(|&&c| (c as usize) > a).take(300));
                }
            }
            cands.sort_unstable();
            cands.dedup();
            for b in cands {
                let cb = &self.clusters[b as usize];
                if cb.norm == 0.0 {
                    continue;
                }
                if let (Some(fa), Some(la), Some(fb), Some(lb)) =
                    (ca.first, ca.last, cb.first, cb.last)
                    && (fb > la + window || fa > lb + window)
                {
                    continue;
                }
                let dot: f32 = ca
                    .centroid
                    .iter()
                    .filter_map(|(id, x)| cb.centroid.get(id).map(|y| x * y))
                    .sum();
                if dot / (ca.norm * cb.norm) >= threshold {
                    let (ra, rb) = (find(&mut parent, a), find(&mut parent, b as usize));
                    if ra != rb {
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
            }
        }
        (0..n).map(|x| find(&mut parent, x)).collect()
    }

    /// Story index of every document added so far, in the order they were added.
    pub fn assignments(&self) -> &[usize] {
        &self.assignment
    }
}

/// Clusters documents; the partition does not depend on their order.
pub fn cluster_docs(docs: &[Doc], params: &Params) -> Vec<usize> {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        docs[a]
            .published
            .cmp(&docs[b].published)
            .then_with(|| docs[a].title.cmp(&docs[b].title))
            .then_with(|| docs[a].lead.cmp(&docs[b].lead))
    });
    let mut c = Clusterer::new(params.clone());
    for d in docs {
        c.observe(d);
    }
    let mut pos = vec![0usize; docs.len()];
    for (k, &i) in order.iter().enumerate() {
        pos[i] = k;
    }
    let mut label = vec![0usize; docs.len()];
    for &i in &order {
        let mut d = docs[i].clone();
        // Near-duplicates point at their canonical doc, which is earlier in time order.
        d.same_as = docs[i].same_as.filter(|&j| pos[j] < pos[i]).map(|j| pos[j]);
        label[i] = c.add(&d);
    }
    if params.merge_threshold < 1.0 {
        let merged = c.merge_pass(params.merge_threshold);
        for l in label.iter_mut() {
            *l = merged[*l];
        }
    }
    label
}

/// A story label per article. Near-duplicate copies always share their canonical article's label.
pub fn cluster_articles(articles: &[Article]) -> Vec<usize> {
    let params = Params::from_env();
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let docs: Vec<Doc> = articles
        .iter()
        .map(|a| {
            let mut d = Doc::of(a, params.lead_chars);
            d.same_as = a
                .duplicate_of
                .as_deref()
                .and_then(|c| by_id.get(c).copied());
            d
        })
        .collect();
    cluster_docs(&docs, &params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(title: &str, lead: &str, day: i64) -> Doc {
        Doc {
            title: title.into(),
            lead: lead.into(),
            published: Some(day * 86_400),
            same_as: None,
        }
    }

    #[test]
    fn groups_the_same_event_and_keeps_others_apart_in_any_order() {
        let docs = vec![
            doc(
                "Council approves river bridge plan",
                "The Ridgeford council approved the river bridge plan on Monday.",
                10,
            ),
            doc(
                "River bridge plan wins council vote",
                "Ridgeford's council voted for the river bridge plan.",
                10,
            ),
            doc(
                "Orbitel launches weather satellite",
                "Orbitel launched its first weather satellite from Sandvik.",
                10,
            ),
            doc(
                "Council approves river bridge plan",
                "The Ridgeford council approved the river bridge plan again.",
                40,
            ),
        ];
        let a = cluster_docs(&docs, &Params::default());
        assert_eq!(a[0], a[1]);
        assert_ne!(a[0], a[2]);
        assert_ne!(a[0], a[3], "a month later is another story");
        let rev: Vec<Doc> = docs.iter().rev().cloned().collect();
        let b = cluster_docs(&rev, &Params::default());
        let same = |x: &[usize], i: usize, j: usize| x[i] == x[j];
        for i in 0..4 {
            for j in 0..4 {
                assert_eq!(same(&a, i, j), same(&b, 3 - i, 3 - j));
            }
        }
    }
}
