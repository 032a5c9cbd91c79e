//! What the tools compute about one story on request (distinctive angles, people's views, each
//! outlet's coverage, shared points), kept after the first request for the life of a corpus
//! snapshot, so that agents asking about the same stories do not pay for it again. Bounded: at
//! most [`MEMO_STORIES`] stories are kept; beyond that an arbitrary one is dropped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::analysis::annotate::Annotations;
use crate::model::Article;
use crate::model::Span;
use crate::stories::quotes::QuoteBook;
use crate::stories::{Story, distinctive_angles};
use crate::views::{self, OutletView, PeopleViews, Statement};

/// Most stories whose analyses are kept at once.
pub const MEMO_STORIES: usize = 4096;

/// The analyses of one story, each computed on first use.
#[derive(Default)]
pub struct StoryAnalysis {
    angles: OnceLock<Vec<Option<(Span, String)>>>,
    people: OnceLock<PeopleViews>,
    outlets: OnceLock<Vec<OutletView>>,
    shared: OnceLock<Vec<Statement>>,
}

/// A story and what its analyses read.
pub struct Ctx<'a> {
    pub articles: &'a [Article],
    /// The articles' annotations (same ordinals).
    pub notes: &'a [Annotations],
    pub story: &'a Story,
    pub book: &'a QuoteBook,
}

impl StoryAnalysis {
    /// Each member's distinctive angle (see [`distinctive_angles`]); none for a one-article story.
    pub fn angles(&self, c: &Ctx) -> &[Option<(Span, String)>] {
        self.angles.get_or_init(|| {
            if c.story.members.len() > 1 {
                distinctive_angles(c.articles, c.notes, &c.story.members)
            } else {
                vec![None; c.story.members.len()]
            }
        })
    }

    pub fn people(&self, c: &Ctx) -> &PeopleViews {
        self.people
            .get_or_init(|| views::people(c.articles, c.notes, c.story, c.book))
    }

    pub fn outlets(&self, c: &Ctx) -> &[OutletView] {
        self.outlets
            .get_or_init(|| views::outlets(c.articles, c.notes, c.story, c.book))
    }

    pub fn shared_points(&self, c: &Ctx) -> &[Statement] {
        self.shared
            .get_or_init(|| views::shared_points(c.articles, c.notes, c.story))
    }
}

/// The analyses of the stories asked about, by story id.
#[derive(Default)]
pub struct StoryMemo {
    map: Mutex<HashMap<String, Arc<StoryAnalysis>>>,
}

impl StoryMemo {
    /// The (possibly not yet computed) analyses of a story.
    pub fn of(&self, story_id: &str) -> Arc<StoryAnalysis> {
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(a) = map.get(story_id) {
            return a.clone();
        }
        if map.len() >= MEMO_STORIES
            && let Some(k) = map.keys().next().cloned()
        {
            map.remove(&k);
        }
        let a = Arc::new(StoryAnalysis::default());
        map.insert(story_id.to_string(), a.clone());
        a
    }

    pub fn len(&self) -> usize {
        self.map.lock().unwrap_or_else(|p| p.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_keeps_one_analysis_per_story_and_stays_bounded() {
        let m = StoryMemo::default();
        let a = m.of("s-1");
        assert!(
            Arc::ptr_eq(&a, &m.of("s-1")),
            "the same story, the same analysis"
        );
        assert!(!Arc::ptr_eq(&a, &m.of("s-2")));
        for i in 0..MEMO_STORIES * 2 {
            m.of(&format!("s-x{i}"));
        }
        assert_eq!(m.len(), MEMO_STORIES);
    }
}
