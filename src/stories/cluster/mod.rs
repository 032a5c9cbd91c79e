//! Story clustering: which articles report the same event. Each article is a TF-IDF vector of its
//! title (weighted up) and lead (for a headline-only record, the words of its URL slug), with the
//! names it mentions weighted up again; it joins the most similar story within a time window
//! (cosine to the story's summed vector) or opens a new one. A headline-only record has a shorter
//! window than an article with a body: its few words match a topic, so only coverage without a
//! long pause counts as one event.
//! An inverted index from terms to stories keeps each step cheap, so [`Clusterer::add`] assigns
//! one more article to a loaded corpus without re-clustering anything. A full load
//! ([`cluster_all`]) counts term statistics over the whole corpus, adds the articles in time order,
//! then merges close stories agglomeratively and re-assigns headline-only records to their best
//! story, a few rounds; it sorts the input first, so the result does not depend on file order.

mod clusterer;
mod terms;
#[cfg(test)]
mod tests;
mod vectors;

pub use clusterer::Clusterer;

/// Whether a lower-cased word is too common to say what an article is about.
pub fn is_stopword(w: &str) -> bool {
    crate::lang::STOPWORDS.contains(w)
}

/// Tuning of the clusterer. The defaults were chosen on the sample corpus gold stories, the
/// hand-labelled PolNeAR stories and the UCI headline set (see README, "Story clustering").
#[derive(Clone, Debug)]
pub struct Params {
    /// Term-frequency weight of a title word (a lead word counts 1).
    pub title_weight: f32,
    /// Multiplier on the weight of words used as names (capitalised mid-sentence).
    pub name_boost: f32,
    /// Minimum cosine to the story's summed vector to join it, for articles with a body.
    pub threshold: f32,
    /// The same for headline-only records (no body).
    pub title_only_threshold: f32,
    /// An article only joins a story whose articles' time span is at most this many hours away;
    /// two stories only merge when their spans are this close.
    pub window_hours: i64,
    /// The same for headline-only records and stories made mostly of them: a few words of
    /// evidence match a whole topic ("Titanfall", "China stocks"), so only coverage without a
    /// long pause is taken for one event.
    pub title_only_window_hours: i64,
    /// Cosine between two stories' summed vectors at which they merge in a full load.
    pub merge_threshold: f32,
    /// The same when both stories are mostly headline-only records.
    pub title_only_merge_threshold: f32,
    /// Merge and re-assignment rounds in a full load.
    pub refine_passes: usize,
    /// Heaviest terms of an article (or story) used to look up candidate stories.
    pub query_terms: usize,
    /// At most this many entries of each term's posting list are looked at (those nearest in time).
    pub max_postings: usize,
    /// Candidate stories scored in full: those sharing most of the query's weight. Few candidates
    /// make a two-stage match (the story must share the article's heaviest terms, then the best
    /// cosine wins), which is also what keeps the clusterer fast.
    pub max_candidates: usize,
    /// Bytes of the body used as the lead.
    pub lead_chars: usize,
    /// Term-frequency weight of a URL slug word in a headline-only record (0: slugs unused).
    pub slug_weight: f32,
    /// A headline-only record only joins a story that holds at least this many of its terms: one
    /// shared word ("Google", "Titanfall") names a topic, not an event.
    pub min_shared: usize,
    /// A full load ends by testing each story for two events of the same kind told together. Two
    /// such events share their vocabulary ("earthquake", "magnitude", "rehab") but not their
    /// event terms: the names and numbers of who, where, how many, which year. The story's
    /// articles are split in two by their event terms (two-means from the two most different
    /// articles), and the halves become two stories when the cosine between their summed event
    /// vectors is under this (0: never split). One event's articles share their names and
    /// figures, so its halves stay close; one province's earthquake and another's do not.
    pub split_threshold: f32,
    /// Each half of a split holds at least this many articles with event terms: a few articles
    /// set against the rest differ by chance.
    pub split_min_side: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            title_weight: 4.0,
            name_boost: 1.5,
            threshold: 0.23,
            title_only_threshold: 0.10,
            window_hours: 36,
            title_only_window_hours: 12,
            merge_threshold: 0.5,
            title_only_merge_threshold: 0.2,
            refine_passes: 2,
            query_terms: 12,
            max_postings: 400,
            max_candidates: 6,
            lead_chars: 1200,
            slug_weight: 1.0,
            min_shared: 2,
            split_threshold: 0.6,
            split_min_side: 4,
        }
    }
}

impl Params {
    /// Overrides fields from `name=value` pairs (a tuning knob for the evaluation commands), e.g.
    /// `NEWSDESK_CLUSTER="threshold=0.25 window_hours=48"`. Unknown names or bad values are errors.
    pub fn with_overrides(mut self, spec: &str) -> Result<Params, String> {
        for kv in spec.split([' ', ',', ';']).filter(|s| !s.is_empty()) {
            let (k, v) = kv
                .split_once('=')
                .ok_or_else(|| format!("expected name=value, got {kv:?}"))?;
            let x: f64 = v.parse().map_err(|_| format!("{k}: not a number: {v:?}"))?;
            if !x.is_finite() || x < 0.0 {
                return Err(format!("{k}: expected a non-negative number, got {v:?}"));
            }
            match k {
                "title_weight" => self.title_weight = x as f32,
                "name_boost" => self.name_boost = x as f32,
                "threshold" => self.threshold = x as f32,
                "title_only_threshold" => self.title_only_threshold = x as f32,
                "window_hours" => self.window_hours = x as i64,
                "title_only_window_hours" => self.title_only_window_hours = x as i64,
                "merge_threshold" => self.merge_threshold = x as f32,
                "title_only_merge_threshold" => self.title_only_merge_threshold = x as f32,
                "refine_passes" => self.refine_passes = x as usize,
                "query_terms" => self.query_terms = x as usize,
                "max_postings" => self.max_postings = x as usize,
                "max_candidates" => self.max_candidates = x as usize,
                "lead_chars" => self.lead_chars = x as usize,
                "slug_weight" => self.slug_weight = x as f32,
                "min_shared" => self.min_shared = x as usize,
                "split_threshold" => self.split_threshold = x as f32,
                "split_min_side" => self.split_min_side = x as usize,
                _ => return Err(format!("unknown clustering parameter {k:?}")),
            }
        }
        Ok(self)
    }
}

/// What the clusterer needs of an article (borrowed from it).
#[derive(Clone, Copy, Debug, Default)]
pub struct Doc<'a> {
    pub title: &'a str,
    /// The start of the body; empty for headline-only records.
    pub lead: &'a str,
    /// The words of the article's URL slug (see `stories::url_slug`), read for headline-only
    /// records only: the publisher's own short name for the story, which often names what a
    /// headline leaves out ("Justin Dirty Dances With Selena" at `justin-bieber-...-selena-gomez`).
    pub slug: &'a str,
    /// Unix seconds.
    pub published: Option<i64>,
    /// When set, the doc joins this other doc's story unconditionally (near-duplicates): an index
    /// into the input of [`cluster_all`], or the number of an already added doc for
    /// [`Clusterer::add`].
    pub same_as: Option<usize>,
}

impl Doc<'_> {
    /// A record without a body: its headline (and URL slug) is all the clusterer has.
    fn headline_only(&self) -> bool {
        self.lead.trim().is_empty()
    }
}

/// A full load: the clusterer (to add more documents later), the story (cluster index) of each
/// input document, and the order in which the clusterer numbered them (`order[k]` is the input
/// index of its document `k`).
pub struct Clustered {
    pub clusterer: Clusterer,
    pub labels: Vec<usize>,
    pub order: Vec<usize>,
}

/// Clusters a whole collection; the partition does not depend on the input order. Term statistics
/// are counted over the whole collection first, documents are added in (published, title, lead)
/// order, then `refine_passes` rounds of agglomerative merging and re-assignment follow.
pub fn cluster_all(docs: &[Doc<'_>], params: &Params) -> Clustered {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&docs[a], &docs[b]);
        x.published
            .cmp(&y.published)
            .then_with(|| x.title.cmp(y.title))
            .then_with(|| x.lead.cmp(y.lead))
            .then_with(|| x.slug.cmp(y.slug))
    });
    let mut pos = vec![0usize; docs.len()];
    for (k, &i) in order.iter().enumerate() {
        pos[i] = k;
    }
    // Near-duplicates point at their canonical doc when it comes earlier in that order.
    let canonical: Vec<Option<usize>> = order
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            docs[i]
                .same_as
                .filter(|&j| j < docs.len() && pos[j] < k)
                .map(|j| pos[j])
        })
        .collect();
    let mut c = Clusterer::new(params.clone());
    for d in docs {
        c.observe(d);
    }
    for (k, &i) in order.iter().enumerate() {
        c.place(&Doc {
            same_as: canonical[k],
            ..docs[i]
        });
    }
    let pinned: Vec<bool> = canonical.iter().map(Option::is_some).collect();
    for _ in 0..params.refine_passes {
        if c.agglomerate() + c.refine(&pinned) == 0 {
            break;
        }
    }
    c.split_events(&pinned);
    // Copies follow their canonical doc wherever it went.
    for (k, j) in canonical.iter().enumerate() {
        if let Some(&j) = j.as_ref() {
            let target = c.assign[j] as usize;
            if c.assign[k] as usize != target {
                c.detach(k);
                c.attach(k, target);
            }
        }
    }
    let mut labels = vec![0usize; docs.len()];
    for (k, &i) in order.iter().enumerate() {
        labels[i] = c.assign[k] as usize;
    }
    Clustered {
        clusterer: c,
        labels,
        order,
    }
}
