//! Finding stories: filters that combine with AND (words, outlet, person or organisation, tag,
//! time, number of outlets), an order, and one page of the result with the number of matches.
//! The server's `list_stories` turns its arguments into a [`StoryQuery`] and the page into cards.

use super::Corpus;

/// The order stories come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryOrder {
    /// Most recently updated first.
    Newest,
    /// Most outlets first.
    Coverage,
    /// Highest trending score first.
    Trending,
    /// Best-matching article first (needs `text`).
    Relevance,
}

/// What stories to find. Strings are as the caller cleaned them (trimmed; `entity` and `tag`
/// lower-cased).
#[derive(Clone, Debug)]
pub struct StoryQuery<'a> {
    /// Only stories with an article matching these words (search syntax).
    pub text: Option<&'a str>,
    /// Only stories covered by this outlet (a name the corpus has).
    pub outlet: Option<&'a str>,
    /// Only stories naming this person or organisation (a name, a word of it, or part of it).
    pub entity: Option<&'a str>,
    /// Only stories with this tag or category.
    pub tag: Option<&'a str>,
    /// Only stories updated at or after this time (unix seconds).
    pub since: Option<i64>,
    /// Only stories that began before this time (unix seconds).
    pub until: Option<i64>,
    /// Only stories covered by at least this many outlets.
    pub min_outlets: usize,
    pub order: StoryOrder,
    pub offset: usize,
    pub limit: usize,
}

impl Corpus {
    /// One page of the stories a query finds (story indices), and how many it finds in all.
    pub fn find_stories(&self, q: &StoryQuery) -> Result<(Vec<u32>, usize), String> {
        // Relevance: best article score per story (by story index; negative = no match), and the
        // stories that match.
        let mut relevance: Vec<f32> = Vec::new();
        let mut matched: Vec<u32> = Vec::new();
        if let Some(text) = q.text {
            let hits = self
                .index
                .all_matches(text)
                .map_err(|e| format!("search failed: {e:#}"))?;
            relevance = vec![-1.0; self.stories.len()];
            for h in hits {
                if let Some(si) = self.story_index_of(h.ord)
                    && let Some(r) = relevance.get_mut(si as usize)
                {
                    if *r < 0.0 {
                        matched.push(si);
                    }
                    *r = r.max(h.score);
                }
            }
        }
        let orders = self.story_orders();
        let story = |si: u32| &self.stories[si as usize];
        let seq: &[u32] = match q.order {
            StoryOrder::Newest => &orders.newest,
            StoryOrder::Coverage => &orders.coverage,
            StoryOrder::Trending => &orders.trending,
            // Ranked below, after the filters, only as far as the page needs.
            StoryOrder::Relevance => &[],
        };
        let filtered = q.text.is_some()
            || q.min_outlets > 1
            || q.outlet.is_some()
            || q.entity.is_some()
            || q.tag.is_some()
            || q.since.is_some()
            || q.until.is_some();
        // The outlet filter as a membership table of story indices.
        let outlet_stories: Option<Vec<bool>> = q.outlet.map(|o| {
            let mut m = vec![false; self.stories.len()];
            for &si in orders
                .by_outlet
                .get(&crate::index::outlet_key(o))
                .into_iter()
                .flatten()
            {
                m[si as usize] = true;
            }
            m
        });
        let keep = |si: u32| {
            let s = story(si);
            if q.text.is_some() && relevance.get(si as usize).is_none_or(|&r| r < 0.0) {
                return false;
            }
            if s.outlets.len() < q.min_outlets {
                return false;
            }
            if let Some(m) = &outlet_stories
                && !m.get(si as usize).copied().unwrap_or(false)
            {
                return false;
            }
            // Entity names are stored lower-cased one a line: a name, one of its words or a part
            // of it matches.
            if let Some(e) = q.entity
                && !s.entity_keys.contains(e)
            {
                return false;
            }
            if let Some(t) = q.tag
                && !s.tags.iter().any(|(x, _)| x == t)
            {
                return false;
            }
            if q.since
                .is_some_and(|lo| s.last.is_none_or(|l| l.timestamp() < lo))
            {
                return false;
            }
            if q.until
                .is_some_and(|hi| s.first.is_none_or(|f| f.timestamp() >= hi))
            {
                return false;
            }
            true
        };
        let (offset, limit) = (q.offset, q.limit);
        // The page, and the number of matches; without filters both come straight from the order.
        Ok(if q.order == StoryOrder::Relevance {
            let mut v: Vec<u32> = matched.into_iter().filter(|&si| keep(si)).collect();
            let total = v.len();
            let by_relevance = |a: &u32, b: &u32| {
                relevance[*b as usize]
                    .total_cmp(&relevance[*a as usize])
                    .then_with(|| story(*a).id.cmp(&story(*b).id))
            };
            let want = (offset + limit).min(total);
            if want > 0 && want < total {
                v.select_nth_unstable_by(want - 1, by_relevance);
                v.truncate(want);
            }
            v.sort_by(by_relevance);
            (v.into_iter().skip(offset).collect(), total)
        } else if filtered {
            let mut page = Vec::with_capacity(limit);
            let mut total = 0;
            for &si in seq {
                if keep(si) {
                    if total >= offset && page.len() < limit {
                        page.push(si);
                    }
                    total += 1;
                }
            }
            (page, total)
        } else {
            (
                seq.iter().skip(offset).take(limit).copied().collect(),
                seq.len(),
            )
        })
    }
}
