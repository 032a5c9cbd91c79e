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

use std::collections::HashMap;

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "amid",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cent",
    "could",
    "day",
    "days",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "first",
    "for",
    "friday",
    "from",
    "full",
    "further",
    "get",
    "gets",
    "going",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "know",
    "last",
    "like",
    "ll",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "monday",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "new",
    "news",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "people",
    "per",
    "percent",
    "re",
    "report",
    "reports",
    "said",
    "same",
    "saturday",
    "say",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "take",
    "tell",
    "tells",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "think",
    "this",
    "those",
    "through",
    "thursday",
    "time",
    "to",
    "today",
    "told",
    "too",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "update",
    "us",
    "ve",
    "very",
    "via",
    "want",
    "wants",
    "was",
    "way",
    "we",
    "wednesday",
    "week",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "won",
    "would",
    "year",
    "years",
    "yesterday",
    "you",
    "your",
    "yours",
];

/// Whether a lower-cased word is too common to say what an article is about.
pub fn is_stopword(w: &str) -> bool {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(w)
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

    /// The defaults, overridden by the `NEWSDESK_CLUSTER` environment variable when it is set and
    /// valid (see [`Params::with_overrides`]).
    pub fn from_env() -> Self {
        match std::env::var("NEWSDESK_CLUSTER") {
            Ok(spec) => Params::default().with_overrides(&spec).unwrap_or_else(|e| {
                tracing::warn!("NEWSDESK_CLUSTER ignored: {e}");
                Params::default()
            }),
            Err(_) => Params::default(),
        }
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

/// Light suffix stripping for lower-cased English words (plurals, -ing, -ed), so that "tapering"
/// meets "taper" and "parties" meets "party".
pub fn stem(w: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return Cow::Owned(format!("{}y", &w[..n - 3]));
    }
    if n > 4 && w.ends_with("sses") {
        return Cow::Borrowed(&w[..n - 2]);
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return Cow::Borrowed(&w[..n - 1]);
    }
    if n > 6 && w.ends_with("ing") {
        return Cow::Borrowed(&w[..n - 3]);
    }
    if n > 5 && w.ends_with("ed") && !w.ends_with("eed") {
        return Cow::Borrowed(&w[..n - 2]);
    }
    Cow::Borrowed(w)
}

/// Calls `f(term, capitalised, sentence_start)` for each word of a text: runs of letters and
/// digits (with inner apostrophes and dots, so "U.S." and "O'Malley" stay whole), lower-cased,
/// possessive "'s" dropped, stemmed; stopwords and numbers under three digits are left out. A
/// capital on the first word of a sentence says nothing about names, hence `sentence_start`.
fn scan(text: &str, mut f: impl FnMut(&str, bool, bool)) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut sentence_start = true;
    let mut word = String::new();
    while i < chars.len() {
        let c = chars[i];
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | '\n') {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        word.clear();
        let start = i;
        let mut dotted = false;
        while i < chars.len() {
            let c = chars[i];
            if c.is_alphanumeric() {
                word.extend(c.to_lowercase());
                i += 1;
            } else if matches!(c, '\'' | '’' | '.')
                && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric())
                && i > start
            {
                // "U.S." and "Mt.Gox": the dot joins letters and is dropped; so is an apostrophe,
                // after a possessive "'s" goes.
                if c == '.' {
                    dotted = true;
                } else if chars.get(i + 1).is_some_and(|&n| n == 's' || n == 'S')
                    && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric())
                {
                    i += 2;
                    break;
                }
                i += 1;
            } else {
                break;
            }
        }
        let was_start = sentence_start;
        sentence_start = false;
        let cap = chars[start].is_uppercase();
        if word.bytes().all(|b| b.is_ascii_digit()) {
            if word.len() < 3 {
                continue;
            }
        } else if word.chars().nth(1).is_none() || (!dotted && is_stopword(&word)) {
            continue;
        }
        f(&stem(&word), cap, was_start);
    }
}

/// The words of a URL slug, as [`scan`] reads words, without numbers and words holding digits
/// (article numbers, dates, "b99221763z1").
fn scan_slug(slug: &str, mut f: impl FnMut(&str)) {
    scan(slug, |t, _, _| {
        if !t.bytes().any(|b| b.is_ascii_digit()) {
            f(t)
        }
    })
}

/// A vocabulary key: a 64-bit hash of the term (collisions are negligible at news vocabulary
/// sizes), so lookups never chase a pointer to the term's bytes.
fn term_key(t: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(t.as_bytes())
}

/// Hasher for integer keys and keys that already are hashes: one multiplication.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
}

type Vocab = HashMap<u64, u32, std::hash::BuildHasherDefault<KeyHasher>>;

/// Sparse vector, sorted by term id.
type SVec = Vec<(u32, f32)>;

/// Scales a vector to unit length (a zero vector stays as it is).
fn normalize(v: &mut SVec) {
    let n = norm2(v).sqrt() as f32;
    if n > 0.0 {
        for t in v.iter_mut() {
            t.1 /= n;
        }
    }
}

fn norm2(v: &[(u32, f32)]) -> f64 {
    v.iter().map(|&(_, w)| (w as f64) * (w as f64)).sum()
}

/// How many terms of the sparse vector `a` the sparse vector `b` holds (both sorted by term).
fn shared_terms(a: &[(u32, f32)], b: &[(u32, f32)]) -> usize {
    a.iter()
        .filter(|x| b.binary_search_by_key(&x.0, |y| y.0).is_ok())
        .count()
}

/// Dot product of two sorted sparse vectors (binary search from the short one into the long one
/// when their lengths differ a lot, a merge otherwise).
fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f64 {
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut sum = 0.0f64;
    if s.len() * 8 < l.len() {
        let mut lo = 0;
        for &(t, w) in s {
            match l[lo..].binary_search_by_key(&t, |x| x.0) {
                Ok(k) => {
                    sum += w as f64 * l[lo + k].1 as f64;
                    lo += k + 1;
                }
                Err(k) => lo += k,
            }
        }
    } else {
        let (mut i, mut j) = (0, 0);
        while i < s.len() && j < l.len() {
            match s[i].0.cmp(&l[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += s[i].1 as f64 * l[j].1 as f64;
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    sum
}

/// `acc += sign * v`, both sorted; pushes the terms new to `acc` onto `fresh`. Entries that cancel
/// out are dropped.
fn add_into(acc: &mut SVec, v: &[(u32, f32)], sign: f32, fresh: &mut Vec<u32>) {
    let mut out: SVec = Vec::with_capacity(acc.len() + v.len());
    let (mut i, mut j) = (0, 0);
    while i < acc.len() || j < v.len() {
        if j >= v.len() || (i < acc.len() && acc[i].0 < v[j].0) {
            out.push(acc[i]);
            i += 1;
        } else if i >= acc.len() || v[j].0 < acc[i].0 {
            fresh.push(v[j].0);
            out.push((v[j].0, sign * v[j].1));
            j += 1;
        } else {
            let w = acc[i].1 + sign * v[j].1;
            if w.abs() > 1e-6 {
                out.push((acc[i].0, w));
            }
            i += 1;
            j += 1;
        }
    }
    *acc = out;
}

/// The sum of sparse vectors.
fn sum_of<'a>(vs: impl Iterator<Item = &'a [(u32, f32)]>) -> SVec {
    let mut all: SVec = vs.flatten().copied().collect();
    all.sort_unstable_by_key(|x| x.0);
    let mut out: SVec = Vec::with_capacity(all.len());
    for (t, w) in all {
        match out.last_mut() {
            Some(last) if last.0 == t => last.1 += w,
            _ => out.push((t, w)),
        }
    }
    out
}

/// The heaviest `n` entries of a vector (ties by term id).
fn heaviest(v: &[(u32, f32)], n: usize) -> SVec {
    let mut q: SVec = v.to_vec();
    q.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    q.truncate(n);
    q
}

/// Minutes since the epoch as stored in posting lists; undated entries sort first.
const UNDATED: i32 = i32::MIN;

fn minutes(t: Option<i64>) -> i32 {
    t.map_or(UNDATED, |s| {
        (s.div_euclid(60)).clamp(i32::MIN as i64 + 1, i32::MAX as i64) as i32
    })
}

/// An article as the clusterer sees it.
#[derive(Clone, Debug, Default)]
struct DocVec {
    /// Unit-length TF-IDF vector.
    terms: SVec,
    time: Option<i64>,
    titles_only: bool,
    /// Unit vector of the event terms: the names and numbers of `terms`, with their weights.
    event: SVec,
}

#[derive(Clone, Debug, Default)]
struct Cluster {
    members: Vec<u32>,
    /// Sum of the members' unit vectors.
    sum: SVec,
    norm2: f64,
    t_min: Option<i64>,
    t_max: Option<i64>,
    titles_only: u32,
}

impl Cluster {
    fn mostly_titles(&self) -> bool {
        self.titles_only as usize * 2 > self.members.len()
    }
}

/// Hours between two time spans (0 when they overlap; 0 when either is undated).
fn gap_secs(a: (Option<i64>, Option<i64>), b: (Option<i64>, Option<i64>)) -> i64 {
    match (a, b) {
        ((Some(a0), Some(a1)), (Some(b0), Some(b1))) => (b0 - a1).max(a0 - b1).max(0),
        _ => 0,
    }
}

/// The incremental clusterer: term statistics, the documents added so far and their stories.
pub struct Clusterer {
    params: Params,
    vocab: Vocab,
    df: Vec<u32>,
    /// Per term: (capitalised mid-sentence uses, lower-case uses).
    case: Vec<(u32, u32)>,
    /// Per term: whether it is a number (a year, a count, a score).
    numeric: Vec<bool>,
    n_docs: u32,
    docs: Vec<DocVec>,
    assign: Vec<u32>,
    clusters: Vec<Cluster>,
    /// Term -> (cluster, minute the term entered it), sorted by time: the stories holding the term.
    /// Entries go stale when a term leaves a story; scoring reads the story itself.
    postings: Vec<Vec<(u32, i32)>>,
    scratch: Vec<f32>,
    touched: Vec<u32>,
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

    fn term_id(&mut self, t: &str) -> u32 {
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
    fn title_terms(&mut self, title: &str) -> (Vec<(u32, bool, bool)>, bool) {
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
    fn observe(&mut self, d: &Doc) {
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

    fn idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f32;
        ((self.n_docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// A term the corpus mostly writes with a capital mid-sentence: a name.
    fn is_name(&self, id: u32) -> bool {
        let (c, l) = self.case.get(id as usize).copied().unwrap_or((0, 0));
        c > 0 && c >= 2 * l
    }

    /// The unit TF-IDF vector of a document: title words count `title_weight` times, names are
    /// weighted up by `name_boost`.
    fn vectorize(&mut self, d: &Doc) -> DocVec {
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
    fn reads_slug(&self, d: &Doc) -> bool {
        self.params.slug_weight > 0.0 && !d.slug.is_empty() && d.headline_only()
    }

    fn window_secs(&self) -> i64 {
        self.params.window_hours.saturating_mul(3600)
    }

    /// The window for a headline-only record, or between two stories made mostly of them, when
    /// `titles` (never longer than the general window); else the general window.
    fn window_secs_for(&self, titles: bool) -> i64 {
        if titles {
            self.params
                .title_only_window_hours
                .min(self.params.window_hours)
                .saturating_mul(3600)
        } else {
            self.window_secs()
        }
    }

    fn threshold_for(&self, v: &DocVec) -> f32 {
        if v.titles_only {
            self.params.title_only_threshold
        } else {
            self.params.threshold
        }
    }

    /// Cosine of a unit doc vector to a cluster's sum, leaving the doc itself out of the sum when
    /// it is a member.
    fn cosine(v: &DocVec, c: &Cluster, member: bool) -> f32 {
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
    fn candidates(
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
    fn best_cluster(&mut self, v: &DocVec, own: Option<usize>) -> Option<(usize, f32)> {
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

    fn attach(&mut self, d: usize, c: usize) {
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

    fn detach(&mut self, d: usize) {
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
    fn merge_into(&mut self, a: usize, b: usize) {
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

    fn new_cluster(&mut self, d: usize) -> usize {
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
    fn place(&mut self, d: &Doc) -> usize {
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
    fn refine(&mut self, pinned: &[bool]) -> usize {
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
    fn link(&self, a: usize, b: usize) -> Option<f32> {
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

    fn merge_threshold_for(&self, a: usize, b: usize) -> f32 {
        if self.clusters[a].mostly_titles() && self.clusters[b].mostly_titles() {
            self.params.title_only_merge_threshold
        } else {
            self.params.merge_threshold
        }
    }

    /// Stories near `a` worth comparing with it: those sharing its heaviest terms.
    fn neighbours(&mut self, a: usize) -> Vec<u32> {
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
    fn agglomerate(&mut self) -> usize {
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
    fn split_events(&mut self, pinned: &[bool]) -> usize {
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
    fn bisect(&self, c: usize) -> Option<Vec<u32>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(title: &'a str, lead: &'a str, day: i64) -> Doc<'a> {
        Doc {
            title,
            lead,
            slug: "",
            published: Some(day * 86_400),
            same_as: None,
        }
    }

    fn same_partition(a: &[usize], b: &[usize]) -> bool {
        let mut ab: HashMap<usize, usize> = HashMap::new();
        let mut ba: HashMap<usize, usize> = HashMap::new();
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(&x, &y)| *ab.entry(x).or_insert(y) == y && *ba.entry(y).or_insert(x) == x)
    }

    fn docs() -> Vec<Doc<'static>> {
        vec![
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
            doc("Mt. Gox files for US bankruptcy protection", "", 60),
            doc(
                "Bitcoin exchange Mt. Gox seeks U.S. bankruptcy relief",
                "",
                60,
            ),
            doc("Lena Dunham apologizes for joke on Twitter", "", 60),
        ]
    }

    #[test]
    fn groups_the_same_event_and_keeps_others_apart_in_any_order() {
        let docs = docs();
        let a = cluster_all(&docs, &Params::default()).labels;
        assert_eq!(a[0], a[1]);
        assert_ne!(a[0], a[2]);
        assert_ne!(a[0], a[3], "a month later is another story");
        assert_eq!(a[4], a[5], "headlines of one event");
        assert_ne!(a[4], a[6]);
        for rot in 1..docs.len() {
            let mut shuffled = docs.clone();
            shuffled.rotate_left(rot);
            shuffled.swap(0, 3);
            let b = cluster_all(&shuffled, &Params::default()).labels;
            // Back to the original order: original i sits at the position it was moved to.
            let mut idx: Vec<usize> = (0..docs.len()).collect();
            idx.rotate_left(rot);
            idx.swap(0, 3);
            let mut back = vec![0; docs.len()];
            for (p, &i) in idx.iter().enumerate() {
                back[i] = b[p];
            }
            assert!(same_partition(&a, &back), "rotation {rot}");
        }
    }

    #[test]
    fn near_duplicates_share_the_canonical_story() {
        let mut docs = docs();
        docs.push(Doc {
            same_as: Some(2),
            ..doc("Unrelated words entirely", "Nothing in common here.", 10)
        });
        let a = cluster_all(&docs, &Params::default()).labels;
        assert_eq!(a[7], a[2]);
    }

    #[test]
    fn adding_one_document_joins_its_story_or_opens_a_new_one() {
        let docs = docs();
        let Clustered {
            clusterer: mut c,
            labels,
            ..
        } = cluster_all(&docs, &Params::default());
        let before = c.story_count();
        let joined = c.add(&doc(
            "Ridgeford council backs river bridge plan",
            "Councillors in Ridgeford backed the river bridge plan.",
            11,
        ));
        assert_eq!(joined, labels[0]);
        assert_eq!(c.story_count(), before);
        let fresh = c.add(&doc(
            "Marrow fishing quota cut",
            "The Marrow fishery quota was cut by a third.",
            11,
        ));
        assert!(!labels.contains(&fresh));
        assert_eq!(c.story_count(), before + 1);
        assert_eq!(c.story_of(c.len() - 1), Some(fresh));
        // A near-duplicate joins its canonical doc's story whatever it says.
        let copy = Doc {
            same_as: Some(c.len() - 1),
            ..doc("Unrelated words entirely", "Nothing in common here.", 12)
        };
        assert_eq!(c.add(&copy), fresh);
        // Undated documents can still meet dated ones.
        let undated = Doc {
            published: None,
            ..doc(
                "Orbitel weather satellite launch",
                "Orbitel launched a weather satellite from Sandvik.",
                0,
            )
        };
        assert_eq!(c.add(&undated), labels[2]);
    }

    #[test]
    fn tokens_are_normalised() {
        let mut t: Vec<String> = Vec::new();
        scan(
            "The U.S. parties' tapering: O'Malley's debates",
            |w, _, _| t.push(w.to_string()),
        );
        assert_eq!(t, ["us", "party", "taper", "omalley", "debate"]);
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "sorted");
    }

    #[test]
    fn overrides_are_checked() {
        let p = Params::default()
            .with_overrides("threshold=0.3 window_hours=48")
            .unwrap_or_default();
        assert_eq!((p.threshold, p.window_hours), (0.3, 48));
        assert!(Params::default().with_overrides("nope=1").is_err());
        assert!(Params::default().with_overrides("threshold=x").is_err());
    }

    fn headline<'a>(title: &'a str, slug: &'a str) -> Doc<'a> {
        Doc {
            slug,
            ..doc(title, "", 60)
        }
    }

    #[test]
    fn headlines_meet_through_their_url_slugs() {
        let docs = [
            headline(
                "Justin Dirty Dances With Selena",
                "justin-bieber-dirty-dances-with-selena-gomez",
            ),
            headline(
                "Selena spotted with pop star at party",
                "bieber-and-gomez-spotted-at-party",
            ),
            headline("Council approves river bridge plan", "council-bridge-plan"),
        ];
        let with = cluster_all(&docs, &Params::default()).labels;
        assert_eq!(with[0], with[1]);
        assert_ne!(with[0], with[2]);
        let without = Params {
            slug_weight: 0.0,
            ..Params::default()
        };
        let a = cluster_all(&docs, &without).labels;
        assert_ne!(a[0], a[1], "the headlines alone share one word");
    }

    #[test]
    fn one_shared_word_is_a_topic_not_an_event() {
        let docs = [
            headline("Google unveils wearables kit for developers", ""),
            headline("Google pays firms for business app referrals", ""),
            headline("Council approves river bridge plan", ""),
        ];
        let a = cluster_all(&docs, &Params::default()).labels;
        assert_ne!(a[0], a[1]);
        let loose = Params {
            min_shared: 1,
            ..Params::default()
        };
        let b = cluster_all(&docs, &loose).labels;
        assert_eq!(b[0], b[1], "one shared name alone would join them");
    }

    /// Ten fictional reports of two earthquakes: the same vocabulary, different places, people
    /// and tolls.
    fn two_quakes() -> Vec<(String, String)> {
        let common = "A strong earthquake of magnitude six struck the province before dawn, \
                      collapsing houses and damaging roads, bridges and schools. Rescue teams \
                      searched the rubble through the night and residents slept outside in tents \
                      as aftershocks shook the region.";
        let mut out = Vec::new();
        for (place, person, town, toll) in [
            ("Varnholt", "Ilse Brandauer", "Keswick", "212"),
            ("Oruna", "Tomas Achterberg", "Pellago", "147"),
        ] {
            for k in 0..5 {
                out.push((
                    format!("Earthquake in {place} province kills {toll}, report {k}"),
                    format!(
                        "{common} In {place}, governor {person} said {toll} people had died in \
                         {town} and nearby villages. {person} visited {town} on the day. \
                         Officials in {place} said the toll of {toll} could rise."
                    ),
                ));
            }
        }
        out
    }

    /// Docs without a publication time, from (title, lead) pairs.
    fn undated(texts: &[(String, String)]) -> Vec<Doc<'_>> {
        texts
            .iter()
            .map(|(t, l)| Doc {
                published: None,
                ..doc(t, l, 0)
            })
            .collect()
    }

    #[test]
    fn two_events_of_the_same_kind_are_two_stories() {
        let texts = two_quakes();
        let docs = undated(&texts);
        let split = cluster_all(&docs, &Params::default()).labels;
        assert!(
            same_partition(&split, &[0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
            "{split:?}"
        );
        let unsplit = Params {
            split_threshold: 0.0,
            ..Params::default()
        };
        let one = cluster_all(&docs, &unsplit).labels;
        assert!(
            one.iter().all(|&c| c == one[0]),
            "without the event split the shared vocabulary joins them: {one:?}"
        );
    }

    #[test]
    fn one_event_is_not_split() {
        // One earthquake told ten times, each report quoting a different resident.
        let base = two_quakes();
        let texts: Vec<(String, String)> = [
            "Anna Lindqvist",
            "Bruno Okafor",
            "Carla Mendes",
            "Dario Feld",
            "Edith Sarr",
            "Farid Haddou",
            "Greta Voss",
            "Hugo Tamm",
            "Irma Kovac",
            "Jonas Petrak",
        ]
        .iter()
        .enumerate()
        .map(|(k, who)| {
            let (t, l) = &base[k % 5];
            (
                t.clone(),
                format!("{l} \"We lost everything,\" said resident {who}."),
            )
        })
        .collect();
        let docs = undated(&texts);
        let labels = cluster_all(&docs, &Params::default()).labels;
        assert!(labels.iter().all(|&c| c == labels[0]), "{labels:?}");
    }

    fn at<'a>(title: &'a str, lead: &'a str, hours: i64) -> Doc<'a> {
        Doc {
            published: Some(1_400_000_000 + hours * 3600),
            ..doc(title, lead, 0)
        }
    }

    #[test]
    fn headlines_after_a_long_pause_are_another_story_articles_are_not() {
        let titles = [
            "Titanfall servers crash on Xbox One launch night",
            "Titanfall launch night: Xbox One servers crash",
        ];
        let lead = "Respawn said the Titanfall servers for Xbox One crashed on launch night.";
        for (lead, apart) in [("", true), (lead, false)] {
            let docs = [
                at(titles[0], lead, 0),
                at(titles[1], lead, 0),
                at(titles[0], lead, 26),
                at(titles[1], lead, 26),
            ];
            let a = cluster_all(&docs, &Params::default()).labels;
            assert_eq!((a[0] == a[1], a[2] == a[3]), (true, true), "lead {lead:?}");
            assert_eq!(a[0] != a[2], apart, "lead {lead:?}");
            // Within the headline window they are one story.
            let near = [docs[0], docs[1], at(titles[0], lead, 10)];
            let b = cluster_all(&near, &Params::default()).labels;
            assert!(b[0] == b[1] && b[1] == b[2], "lead {lead:?}");
        }
    }

    #[test]
    fn stories_outside_the_window_do_not_take_the_candidate_places() {
        // One candidate place: the old story shares more of the new article's words but ended
        // two days before it; the recent one is within the window and must get the place.
        let params = Params::default()
            .with_overrides("max_candidates=1")
            .unwrap();
        let lead_old = "The Ridgeford council approved the river bridge plan and its toll.";
        let lead_new = "The Ridgeford council debated the river bridge plan again.";
        let docs = [
            at("Council approves river bridge plan and toll", lead_old, 0),
            at("Council approves river bridge toll plan", lead_old, 1),
            at("Council debates river bridge plan", lead_new, 60),
            at("Council approves river bridge toll plan", lead_old, 62),
        ];
        let a = cluster_all(&docs, &params).labels;
        assert_eq!(a[0], a[1]);
        assert_ne!(a[0], a[2], "two days apart");
        assert_eq!(a[2], a[3], "the story within the window takes the article");
    }
}
