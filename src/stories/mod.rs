//! Stories: articles from many outlets grouped into events. Each story has a stable id derived
//! from the article that broke it.

use std::collections::HashMap;

use crate::model::Article;

/// One story: the ordinals of its member articles, first published first.
#[derive(Clone, Debug)]
pub struct Story {
    /// Stable id: "s-" + 8 hex digits of the first article's id.
    pub id: String,
    pub members: Vec<u32>,
}

/// Groups articles into stories. Near-duplicate copies always join their canonical article's story.
pub fn group(articles: &[Article]) -> Vec<Story> {
    let by_id: HashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut label: Vec<usize> = (0..articles.len()).collect();
    for (i, a) in articles.iter().enumerate() {
        if let Some(&c) = a.duplicate_of.as_deref().and_then(|c| by_id.get(c)) {
            label[i] = c;
        }
    }
    finish(articles, &label)
}

/// Turns a cluster label per article into stories with stable ids, sorted by first publication.
pub fn finish(articles: &[Article], label: &[usize]) -> Vec<Story> {
    let mut groups: HashMap<usize, Vec<u32>> = HashMap::new();
    for (i, &l) in label.iter().enumerate() {
        groups.entry(l).or_default().push(i as u32);
    }
    let mut stories: Vec<Story> = groups
        .into_values()
        .map(|mut m| {
            m.sort_by(|&x, &y| {
                let (a, b) = (&articles[x as usize], &articles[y as usize]);
                a.published.cmp(&b.published).then_with(|| a.id.cmp(&b.id))
            });
            let first = &articles[m[0] as usize].id;
            Story {
                id: format!(
                    "s-{}",
                    first.trim_start_matches("a-").get(..8).unwrap_or(first)
                ),
                members: m,
            }
        })
        .collect();
    stories.sort_by(|a, b| a.id.cmp(&b.id));
    stories
}
