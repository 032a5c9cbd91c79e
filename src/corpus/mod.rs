//! The loaded corpus: a snapshot of clean articles with their search index (and, built on them,
//! stories and quotes, and the story orders that story queries page through, see [`find`]), plus
//! the cell the server reads it from while it loads in the background. [`Corpus::add_article`] adds one article to a
//! loaded corpus and assigns it to a story without clustering everything again.

mod find;

pub use find::{StoryOrder, StoryQuery};

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use anyhow::Result;
use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::analysis::annotate::{self, Annotations};
use crate::index::ArticleIndex;
use crate::ingest::{self, CorpusSource, LoadReport, Loaded};
use crate::model::Article;
use crate::stories::quotes::QuoteBook;
use crate::stories::{self, Story, cluster};
use crate::views::memo::{self, StoryAnalysis, StoryMemo};

/// One loaded corpus. Built once; the server layer only reads it (`add_article` needs it mutable).
pub struct Corpus {
    /// Where it came from, for display ("built-in sample corpus" or the paths).
    pub origin: String,
    pub articles: Vec<Article>,
    /// What analysis found in each article (same ordinal as `articles`): sentences, names,
    /// quotes. Computed once when the article enters the corpus.
    pub annotations: Vec<Annotations>,
    pub report: LoadReport,
    pub index: ArticleIndex,
    by_id: HashMap<String, u32>,
    /// Article ordinals, newest first (undated last, then by id).
    newest: Vec<u32>,
    /// Stories, and the story of each article (index into `stories`).
    pub stories: Vec<Story>,
    story_of: Vec<u32>,
    story_by_id: HashMap<String, u32>,
    /// The clusterer behind the stories, for adding articles.
    clustering: stories::Clustering,
    /// Story orders, computed once per snapshot (again after an article is added).
    orders: OnceLock<StoryOrders>,
    /// Quotations and reported speech, merged across outlets.
    pub quotes: QuoteBook,
    /// Per-story analyses computed on request, kept for this snapshot (cleared by an add).
    memo: StoryMemo,
    /// Outlets with article counts, most articles first.
    outlets: Vec<(String, usize)>,
    /// Earliest and latest published times.
    date_range: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// How long each stage of building this snapshot took.
    pub timings: Timings,
}

/// How a corpus is built: how its files are read, and how its articles are clustered. The
/// command line sets them; everything else takes the defaults.
#[derive(Clone, Debug, Default)]
pub struct CorpusOptions {
    pub load: ingest::LoadOptions,
    pub cluster: cluster::Params,
}

/// Wall time of each load stage (for logs and the ingestion benchmark).
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading, decoding, parsing, cleaning and de-duplicating the files.
    pub read_clean: Duration,
    /// Annotating each article (sentences, names, quotes).
    pub annotate: Duration,
    /// Building the full-text index.
    pub index: Duration,
    /// Clustering into stories and describing them.
    pub stories: Duration,
    /// Extracting quotes and merging them across outlets.
    pub quotes: Duration,
}

/// Stories in the orders a [`StoryQuery`] can ask for, so a page is a slice, not a sort.
pub struct StoryOrders {
    /// Story indices, most recently updated first (then by id).
    pub newest: Vec<u32>,
    /// Most outlets first, then most articles, then most recently updated, then by id.
    pub coverage: Vec<u32>,
    /// Trending score of each story (by story index): 2 x outlets + articles published in the
    /// [`stories::TRENDING_WINDOW_HOURS`] before the newest article of the corpus.
    pub trending_score: Vec<u32>,
    /// Highest trending score first, then most recently updated, then by id.
    pub trending: Vec<u32>,
    /// Stories covered by each outlet (key: `index::outlet_key` of the name), ascending.
    pub by_outlet: HashMap<String, Vec<u32>>,
}

/// The story index of a page that is not an article (it joins no story).
const NO_STORY: u32 = u32::MAX;

impl Corpus {
    /// Loads and analyses a corpus, reporting file progress as (done, total).
    pub fn load(src: &CorpusSource, progress: &(dyn Fn(usize, usize) + Sync)) -> Result<Corpus> {
        Corpus::load_with(src, &CorpusOptions::default(), progress)
    }

    /// [`Corpus::load`] with options (reader threads, each file's time budget, clustering).
    pub fn load_with(
        src: &CorpusSource,
        opts: &CorpusOptions,
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Corpus> {
        let t = Instant::now();
        let loaded = ingest::load_with(src, &opts.load, progress);
        let read_clean = t.elapsed();
        let mut c = Corpus::from_loaded_with(origin_of(src), loaded, opts)?;
        c.timings.read_clean = read_clean;
        Ok(c)
    }

    /// Builds the snapshot (index, lookups) from loaded articles.
    pub fn from_loaded(origin: String, loaded: Loaded) -> Result<Corpus> {
        Corpus::from_loaded_with(origin, loaded, &CorpusOptions::default())
    }

    /// [`Corpus::from_loaded`] with options (the threads that annotate, clustering parameters).
    pub fn from_loaded_with(
        origin: String,
        loaded: Loaded,
        opts: &CorpusOptions,
    ) -> Result<Corpus> {
        let Loaded {
            mut articles,
            report,
        } = loaded;
        // Room for as many added articles as were loaded: a push onto a full table copies it
        // (40 ms at 100k articles), and the room costs address space, not memory, until used.
        articles.reserve(articles.len().max(1024));
        let mut timings = Timings::default();
        let t = Instant::now();
        let mut annotations = annotate::annotate_all(&articles, opts.load.threads);
        annotations.reserve(articles.capacity().saturating_sub(annotations.len()));
        timings.annotate = t.elapsed();
        let t = Instant::now();
        let index = ArticleIndex::build(&articles)?;
        timings.index = t.elapsed();
        let by_id = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as u32))
            .collect();
        let mut newest: Vec<u32> = (0..articles.len() as u32).collect();
        newest.sort_by(|&x, &y| {
            let (a, b) = (&articles[x as usize], &articles[y as usize]);
            b.published.cmp(&a.published).then_with(|| a.id.cmp(&b.id))
        });
        let t = Instant::now();
        let (stories, clustering) =
            stories::build_with_state(&articles, &annotations, &opts.cluster);
        timings.stories = t.elapsed();
        // Pages that are not articles belong to no story.
        let mut story_of = vec![NO_STORY; articles.len()];
        for (si, s) in stories.iter().enumerate() {
            for &m in &s.members {
                story_of[m as usize] = si as u32;
            }
        }
        let story_by_id = stories
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i as u32))
            .collect();
        let t = Instant::now();
        let quotes = QuoteBook::build(&articles, &annotations, &story_of);
        timings.quotes = t.elapsed();
        let outlets = ingest::outlet_counts(&articles);
        let date_range = {
            let mut it = articles.iter().filter_map(|a| a.published);
            it.next()
                .map(|first| it.fold((first, first), |(lo, hi), t| (lo.min(t), hi.max(t))))
        };
        let corpus = Corpus {
            quotes,
            outlets,
            date_range,
            origin,
            articles,
            annotations,
            report,
            index,
            by_id,
            newest,
            stories,
            story_of,
            story_by_id,
            timings,
            clustering,
            orders: OnceLock::new(),
            memo: StoryMemo::default(),
        };
        corpus.story_orders();
        Ok(corpus)
    }

    /// Adds one article (with a new, unique id) to the loaded corpus and returns the id of its
    /// story: an existing story when the article is close enough to one within the time window
    /// (or is a near-duplicate, `duplicate_of`, of a loaded article), else a new story. Only that
    /// story is described again; nothing is re-clustered. The article lookups, outlets, dates and
    /// story orders follow; the search index and the quote book are built at load and do not
    /// include it (search_articles and get_quotes see it after the next full load).
    pub fn add_article(&mut self, mut article: Article) -> Result<String, String> {
        let id = article.id.trim().to_string();
        if id.is_empty() {
            return Err("the article has no id".into());
        }
        if self.by_id.contains_key(&id) {
            return Err(format!("an article with id {id} is already loaded"));
        }
        if article.page_type != crate::model::PageType::Article {
            return Err(format!(
                "{id} is a {} page, not an article: only articles join stories",
                article.page_type.as_str()
            ));
        }
        article.id = id.clone();
        let canonical = article.duplicate_of.as_deref().and_then(|c| self.ord_of(c));
        if let Some(c) = canonical {
            let cid = self.articles[c as usize].id.clone();
            self.articles[c as usize].duplicates.push(id.clone());
            article.duplicate_of = Some(cid);
        } else {
            article.duplicate_of = None;
        }
        let ord = self.articles.len() as u32;
        let outlet = article.outlet_name().to_string();
        let published = article.published;
        self.annotations.push(annotate::annotate(&article));
        self.articles.push(article);
        self.by_id.insert(id, ord);
        // Newest first, undated last, then by id: insert in place.
        let at = {
            let arts = &self.articles;
            let key = |o: u32| {
                (
                    std::cmp::Reverse(arts[o as usize].published),
                    &arts[o as usize].id,
                )
            };
            self.newest.partition_point(|&o| key(o) < key(ord))
        };
        self.newest.insert(at, ord);
        match self.outlets.iter_mut().find(|(n, _)| *n == outlet) {
            Some(e) => e.1 += 1,
            None => self.outlets.push((outlet, 1)),
        }
        self.outlets
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        if let Some(t) = published {
            self.date_range = Some(match self.date_range {
                Some((lo, hi)) => (lo.min(t), hi.max(t)),
                None => (t, t),
            });
        }
        self.report.articles += 1;
        let (si, new) = self.clustering.add(
            &self.articles,
            &self.annotations,
            ord,
            canonical,
            &mut self.stories,
        );
        if new {
            // Story ids come from the first article's id; keep them unique.
            let base = self.stories[si as usize].id.clone();
            let mut sid = base.clone();
            let mut n = 1;
            while self.story_by_id.contains_key(&sid) {
                n += 1;
                sid = format!("{base}-{n}");
            }
            self.stories[si as usize].id = sid.clone();
            self.story_by_id.insert(sid, si);
        }
        self.story_of.push(si);
        self.orders = OnceLock::new();
        self.memo = StoryMemo::default();
        Ok(self.stories[si as usize].id.clone())
    }

    /// The analyses of a story (angles, views, coverage, shared points), computed on first use
    /// and kept for this snapshot, with what they read.
    pub fn analysis<'a>(&'a self, s: &'a Story) -> (Arc<StoryAnalysis>, memo::Ctx<'a>) {
        (
            self.memo.of(&s.id),
            memo::Ctx {
                articles: &self.articles,
                notes: &self.annotations,
                story: s,
                book: &self.quotes,
            },
        )
    }

    /// Stories in each [`StoryOrder`] (computed on first use after a load or an add).
    pub fn story_orders(&self) -> &StoryOrders {
        self.orders.get_or_init(|| self.compute_orders())
    }

    fn compute_orders(&self) -> StoryOrders {
        let st = &self.stories;
        let mut newest: Vec<u32> = (0..st.len() as u32).collect();
        newest.sort_by(|&a, &b| {
            let (x, y) = (&st[a as usize], &st[b as usize]);
            y.last.cmp(&x.last).then_with(|| x.id.cmp(&y.id))
        });
        let mut coverage = newest.clone();
        coverage.sort_by(|&a, &b| {
            let (x, y) = (&st[a as usize], &st[b as usize]);
            y.outlets
                .len()
                .cmp(&x.outlets.len())
                .then(y.members.len().cmp(&x.members.len()))
                .then(y.last.cmp(&x.last))
                .then_with(|| x.id.cmp(&y.id))
        });
        let from = self
            .date_range
            .map(|(_, hi)| hi - chrono::Duration::hours(stories::TRENDING_WINDOW_HOURS));
        let trending_score: Vec<u32> = st
            .iter()
            .map(|s| {
                let Some(from) = from else { return 0 };
                let mut outlets: HashSet<&str> = HashSet::new();
                let mut recent = 0u32;
                for &o in &s.members {
                    let a = &self.articles[o as usize];
                    if a.published.is_some_and(|t| t >= from) {
                        recent += 1;
                        outlets.insert(a.outlet_name());
                    }
                }
                2 * outlets.len() as u32 + recent
            })
            .collect();
        let mut trending = newest.clone();
        // `newest` is already in (last desc, id) order: a stable sort by score keeps it for ties.
        trending.sort_by(|&a, &b| trending_score[b as usize].cmp(&trending_score[a as usize]));
        let mut by_outlet: HashMap<String, Vec<u32>> = HashMap::new();
        for (si, s) in st.iter().enumerate() {
            for o in &s.outlets {
                by_outlet
                    .entry(crate::index::outlet_key(o))
                    .or_default()
                    .push(si as u32);
            }
        }
        StoryOrders {
            newest,
            coverage,
            trending_score,
            trending,
            by_outlet,
        }
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.ord_of(id).map(|o| &self.articles[o as usize])
    }

    pub fn ord_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id.trim()).copied()
    }

    /// Article ordinals newest first.
    pub fn newest(&self) -> &[u32] {
        &self.newest
    }

    /// Earliest and latest published times.
    pub fn date_range(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        self.date_range
    }

    /// Outlets with their article counts, most articles first.
    pub fn outlets(&self) -> &[(String, usize)] {
        &self.outlets
    }

    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.story_by_id
            .get(id.trim())
            .map(|&i| &self.stories[i as usize])
    }

    /// The story id of an article.
    pub fn story_id_of_article(&self, id: &str) -> Option<String> {
        let o = self.ord_of(id)?;
        self.story_index_of(o)
            .map(|s| self.stories[s as usize].id.clone())
    }

    /// The story (index into `stories`) of an article ordinal.
    pub fn story_index_of(&self, ord: u32) -> Option<u32> {
        self.story_of
            .get(ord as usize)
            .copied()
            .filter(|&s| s != NO_STORY)
    }

    /// The article ordinals of a story.
    pub fn story_article_ords(&self, story_id: &str) -> Option<Vec<u32>> {
        self.story(story_id).map(|s| s.members.clone())
    }

    /// Story ids starting with `prefix` (for completions).
    pub fn story_ids_starting(&self, prefix: &str, max: usize) -> Vec<String> {
        let mut v: Vec<String> = self
            .stories
            .iter()
            .filter(|s| s.id.starts_with(prefix))
            .map(|s| s.id.clone())
            .take(max)
            .collect();
        v.sort();
        v
    }

    /// Speaker names and aliases starting with `prefix`, any case, most quoted first (for completions).
    pub fn speakers_starting(&self, prefix: &str, max: usize) -> Vec<String> {
        let prefix = prefix.to_lowercase();
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for q in &self.quotes.quotes {
            if let Some(s) = &q.speaker {
                *counts.entry(s.as_str()).or_default() += q.appearances.len();
            }
        }
        let mut names: Vec<(&str, usize)> = Vec::new();
        for info in self.quotes.speakers.values() {
            let n = counts.get(info.name.as_str()).copied().unwrap_or(0);
            for name in std::iter::once(&info.name).chain(info.aliases.iter()) {
                if name.to_lowercase().starts_with(&prefix) {
                    names.push((name.as_str(), n));
                }
            }
        }
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        names.dedup_by(|a, b| a.0 == b.0);
        names
            .into_iter()
            .take(max)
            .map(|(n, _)| n.to_string())
            .collect()
    }

    /// Article ids starting with `prefix` (for completions).
    pub fn article_ids_starting(&self, prefix: &str, max: usize) -> Vec<String> {
        let mut v: Vec<String> = self
            .articles
            .iter()
            .filter(|a| a.id.starts_with(prefix))
            .map(|a| a.id.clone())
            .take(max)
            .collect();
        v.sort();
        v
    }
}

/// A short description of where a corpus comes from.
pub fn origin_of(src: &CorpusSource) -> String {
    match src {
        CorpusSource::Sample => "built-in sample corpus".to_string(),
        CorpusSource::Paths(p) => p
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Load progress shared between the loader thread and the server.
#[derive(Default)]
pub struct LoadProgress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    /// True while a load or reload runs.
    pub loading: AtomicBool,
}

/// Where the server gets the current corpus snapshot. It is empty until the first load finishes, so
/// the server can answer `initialize` at once while a large corpus is still loading. A reload
/// builds a new snapshot beside the old one and swaps it in; subscribers see the change.
#[derive(Clone)]
pub struct CorpusCell {
    rx: watch::Receiver<Option<Arc<Corpus>>>,
    tx: Arc<watch::Sender<Option<Arc<Corpus>>>>,
    /// What to (re)load from, and how; `None` for a cell built from a ready corpus.
    source: Option<Arc<(CorpusSource, CorpusOptions)>>,
    pub progress: Arc<LoadProgress>,
}

impl CorpusCell {
    /// A cell that already holds a corpus.
    pub fn ready(c: Corpus) -> Self {
        let (tx, rx) = watch::channel(Some(Arc::new(c)));
        CorpusCell {
            rx,
            tx: Arc::new(tx),
            source: None,
            progress: Arc::default(),
        }
    }

    /// Starts loading `src` on a background thread and returns the (empty) cell at once.
    pub fn load_in_background(src: CorpusSource, opts: CorpusOptions) -> Self {
        let (tx, rx) = watch::channel(None);
        let cell = CorpusCell {
            rx,
            tx: Arc::new(tx),
            source: Some(Arc::new((src, opts))),
            progress: Arc::default(),
        };
        cell.reload();
        cell
    }

    /// Loads the corpus source again in the background and swaps the new snapshot in when it is
    /// built. Returns false (and does nothing) when the cell has no source or a load is running.
    /// A reload that fails keeps the current snapshot.
    pub fn reload(&self) -> bool {
        let Some(src) = self.source.clone() else {
            return false;
        };
        if self.progress.loading.swap(true, Ordering::AcqRel) {
            return false;
        }
        self.progress.done.store(0, Ordering::Relaxed);
        self.progress.total.store(0, Ordering::Relaxed);
        let c = self.clone();
        std::thread::spawn(move || {
            let p = c.progress.clone();
            let started = std::time::Instant::now();
            let progress = move |done: usize, total: usize| {
                p.total.store(total, Ordering::Relaxed);
                p.done.store(done, Ordering::Relaxed);
            };
            match Corpus::load_with(&src.0, &src.1, &progress) {
                Ok(corpus) => {
                    tracing::info!(
                        articles = corpus.articles.len(),
                        skipped = corpus.report.skipped.len(),
                        ms = started.elapsed().as_millis() as u64,
                        read_clean_ms = corpus.timings.read_clean.as_millis() as u64,
                        index_ms = corpus.timings.index.as_millis() as u64,
                        stories_ms = corpus.timings.stories.as_millis() as u64,
                        quotes_ms = corpus.timings.quotes.as_millis() as u64,
                        "corpus loaded from {}",
                        corpus.origin
                    );
                    for s in &corpus.report.skipped {
                        tracing::warn!("skipped {}: {}", s.path, s.reason);
                    }
                    c.progress.loading.store(false, Ordering::Release);
                    c.replace(corpus);
                }
                Err(e) if c.now().is_some() => {
                    c.progress.loading.store(false, Ordering::Release);
                    tracing::error!("could not reload the corpus, keeping the loaded one: {e:#}");
                }
                Err(e) => {
                    tracing::error!("could not load the corpus: {e:#}");
                    let empty = Loaded {
                        articles: vec![],
                        report: LoadReport::default(),
                    };
                    c.progress.loading.store(false, Ordering::Release);
                    match Corpus::from_loaded(format!("empty corpus (load failed: {e})"), empty) {
                        Ok(empty) => c.replace(empty),
                        Err(e) => tracing::error!("could not build an empty corpus: {e:#}"),
                    }
                }
            }
        });
        true
    }

    /// Files parsed and files in all of the running load, if one runs.
    pub fn load_progress(&self) -> Option<(usize, usize)> {
        self.progress.loading.load(Ordering::Acquire).then(|| {
            (
                self.progress.done.load(Ordering::Relaxed),
                self.progress.total.load(Ordering::Relaxed),
            )
        })
    }

    /// Swaps in a new snapshot (readers holding the old one keep it until they finish).
    pub fn replace(&self, c: Corpus) {
        self.tx.send_replace(Some(Arc::new(c)));
    }

    /// The current snapshot, if loaded.
    pub fn now(&self) -> Option<Arc<Corpus>> {
        self.rx.borrow().clone()
    }

    /// Waits until a snapshot is loaded.
    pub async fn get(&self) -> Arc<Corpus> {
        let mut rx = self.rx.clone();
        loop {
            if let Some(c) = rx.borrow_and_update().clone() {
                return c;
            }
            if rx.changed().await.is_err() {
                // Unreachable while the cell holds its sender; never spin.
                std::future::pending::<()>().await;
            }
        }
    }

    /// A receiver that changes whenever the corpus is replaced (for list_changed notifications).
    pub fn subscribe(&self) -> watch::Receiver<Option<Arc<Corpus>>> {
        self.rx.clone()
    }
}
