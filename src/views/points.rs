//! Points of a story: the sentences of its articles matched across articles. Two sentences make
//! the same point when their stemmed content words overlap enough, weighted by how rare each word
//! is in the story (IDF-weighted Dice), found through an inverted index so a 100-article story is
//! compared in milliseconds. A rewrite is found by aligning two articles' points in order (a close
//! paraphrase keeps the sequence of points); inside such an alignment a sentence sitting between
//! two matched neighbours counts as the paraphrase of the sentence between them in the source.

use std::collections::HashMap;

use crate::analysis::annotate::Annotations;
use crate::analysis::sentences::Sentence;
use crate::model::Article;
use crate::stories::cluster::is_stopword;
use crate::text;

/// Dice overlap at or above which two sentences make the same point.
pub const SAME: f32 = 0.35;
/// Overlap at which two sentences may be paraphrases, when they also keep the order of their articles.
const LOOSE: f32 = 0.1;
/// Overlap enough to pair two points inside a gap between matched neighbours.
const GAP: f32 = 0.04;
/// Words in more than this share of a story's sentences carry little and are not looked up.
const COMMON: f32 = 0.3;

/// Two articles' points aligned in order.
pub struct Alignment {
    /// Per point of the later article: matched (in the chain or inside a gap).
    pub mine: Vec<bool>,
    /// Per point of the earlier article: matched.
    pub theirs: Vec<bool>,
    /// Matches in the order-keeping chain, and how many of them are (near) verbatim.
    pub chain: usize,
    pub verbatim: usize,
}

impl Alignment {
    /// A close paraphrase of the same sequence of points: most of the later article's points match
    /// in order, and mostly not word for word (copied sentences are re-publication or shared wire
    /// text, not a rewrite).
    pub fn is_rewrite(&self) -> bool {
        let n = self.mine.len().max(1);
        let matched = self.mine.iter().filter(|&&m| m).count();
        matched * 10 >= n * 6 && self.chain >= 3 && self.verbatim * 4 <= self.chain
    }
}

/// One point: a sentence with its words (ids, sorted, unique) and their total weight.
pub struct Point {
    pub sentence: Sentence,
    words: Vec<u32>,
    weight: f32,
    /// Words no other article of the story uses (a measure of what only this sentence adds).
    pub novel: u32,
    /// Of those, names and figures ("Seedance", "2029"): a paraphrase would keep them.
    pub novel_names: u32,
}

/// The points of a story's articles and, for each point, its best overlap with every article.
pub struct StoryPoints {
    /// Per member (story order): its points.
    pub points: Vec<Vec<Point>>,
    /// Per member and point: its distinct word set.
    unique_of: Vec<Vec<u32>>,
    /// Per distinct word set and member: its best overlap with any point of that member.
    best_u: Vec<Vec<f32>>,
    idf: Vec<f32>,
}

/// Names and figures of a sentence: capitalised words after its first word, and numbers.
fn name_words(s: &str) -> Vec<String> {
    let folded = text::fold_marks(s);
    text::words(&folded)
        .skip(1)
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 2
                || w.chars().any(|c| c.is_ascii_digit())
        })
        .map(crate::lang::stem::inflections_off)
        .collect()
}

fn point_words(s: &str) -> Vec<String> {
    let folded = text::fold_marks(s);
    let mut v: Vec<String> = text::words(&folded)
        .filter(|w| w.chars().count() > 2 && !is_stopword(&w.to_lowercase()))
        .map(crate::lang::stem::inflections_off)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// A sub-heading or caption rather than a sentence: short, without a sentence end.
fn heading(s: &str) -> bool {
    let t = s.trim_end();
    !t.ends_with(['.', '!', '?', '"', '”', '»', '\'']) && text::word_count(t) <= 8
}

fn dice(a: &Point, b: &Point, idf: &[f32]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0f32);
    while i < a.words.len() && j < b.words.len() {
        match a.words[i].cmp(&b.words[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += idf[a.words[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    let d = a.weight + b.weight;
    if d > 0.0 { 2.0 * shared / d } else { 0.0 }
}

/// A member's sentence before weighing: the sentence, its word ids (sorted) and its names.
type Raw = (Sentence, Vec<u32>, Vec<String>);

/// Sentence and article frequencies of a story's words, and their weights.
struct Frequencies {
    /// Per word: sentences that use it.
    df: Vec<u32>,
    /// Per word: members that use it.
    art_df: Vec<u32>,
    /// Sentences in all (at least one).
    n: f32,
    idf: Vec<f32>,
}

/// The distinct word sets of a story's points: the same sentence is often carried word for word
/// by many articles (wire copy), and each distinct set is compared once.
struct Distinct {
    /// Per distinct set: its first point, (member, point).
    rep: Vec<(usize, usize)>,
    /// Per distinct set: the members carrying it, ascending.
    carriers: Vec<Vec<u32>>,
    /// Per member and point: its distinct set.
    unique_of: Vec<Vec<u32>>,
}

/// Each member's sentences that can make a point (not headings, four content words or more), with
/// word ids assigned in `ids`.
fn raw_points(
    articles: &[Article],
    notes: &[Annotations],
    members: &[u32],
    ids: &mut HashMap<String, u32>,
) -> Vec<Vec<Raw>> {
    let mut raw: Vec<Vec<Raw>> = Vec::with_capacity(members.len());
    for &o in members {
        let ss = notes[o as usize].sentence_texts(&articles[o as usize].body);
        let mut pts = Vec::new();
        for s in ss {
            if heading(&s.text) {
                continue;
            }
            let ws = point_words(&s.text);
            if ws.len() < 4 {
                continue;
            }
            let mut v: Vec<u32> = ws
                .into_iter()
                .map(|w| {
                    let n = ids.len() as u32;
                    *ids.entry(w).or_insert(n)
                })
                .collect();
            v.sort_unstable();
            let names = name_words(&s.text);
            pts.push((s, v, names));
        }
        raw.push(pts);
    }
    raw
}

impl Frequencies {
    fn count(raw: &[Vec<Raw>], nw: usize) -> Frequencies {
        let mut df = vec![0u32; nw];
        let mut art_df = vec![0u32; nw];
        let mut last_art = vec![u32::MAX; nw];
        let mut total = 0u32;
        for (i, pts) in raw.iter().enumerate() {
            for (_, ws, _) in pts {
                total += 1;
                for &w in ws {
                    df[w as usize] += 1;
                    if last_art[w as usize] != i as u32 {
                        last_art[w as usize] = i as u32;
                        art_df[w as usize] += 1;
                    }
                }
            }
        }
        let n = total.max(1) as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| (n / d.max(1) as f32).ln().max(0.05))
            .collect();
        Frequencies { df, art_df, n, idf }
    }

    /// A word rare enough to find candidates by: in at most `COMMON` of the sentences, or two.
    fn looked_up(&self, w: u32) -> bool {
        let d = self.df[w as usize];
        (d as f32) <= COMMON * self.n || d <= 2
    }
}

/// The points of each member, weighed, with what only they add.
fn weigh(raw: Vec<Vec<Raw>>, ids: &HashMap<String, u32>, f: &Frequencies) -> Vec<Vec<Point>> {
    let novel = |w: u32| f.art_df[w as usize] == 1;
    raw.into_iter()
        .map(|pts| {
            pts.into_iter()
                .map(|(sentence, words, names)| Point {
                    weight: words.iter().map(|&w| f.idf[w as usize]).sum(),
                    novel: words.iter().filter(|&&w| novel(w)).count() as u32,
                    novel_names: names
                        .iter()
                        .filter(|n| ids.get(*n).is_some_and(|&w| novel(w)))
                        .count() as u32,
                    sentence,
                    words,
                })
                .collect()
        })
        .collect()
}

impl Distinct {
    fn of(points: &[Vec<Point>]) -> Distinct {
        let mut uniq: HashMap<&[u32], u32> = HashMap::new();
        let mut rep: Vec<(usize, usize)> = Vec::new();
        let mut carriers: Vec<Vec<u32>> = Vec::new();
        let unique_of: Vec<Vec<u32>> = points
            .iter()
            .enumerate()
            .map(|(i, pts)| {
                pts.iter()
                    .enumerate()
                    .map(|(p, pt)| {
                        let u = *uniq.entry(pt.words.as_slice()).or_insert_with(|| {
                            rep.push((i, p));
                            carriers.push(Vec::new());
                            rep.len() as u32 - 1
                        });
                        let c = &mut carriers[u as usize];
                        if c.last() != Some(&(i as u32)) {
                            c.push(i as u32);
                        }
                        u
                    })
                    .collect()
            })
            .collect();
        Distinct {
            rep,
            carriers,
            unique_of,
        }
    }
}

/// Per distinct set `u` and member `j`: the best overlap of `u` with any point of `j` (1 for the
/// members carrying it), found through an inverted index over the words that are not everywhere.
fn best_overlaps(
    points: &[Vec<Point>],
    d: &Distinct,
    f: &Frequencies,
    members: usize,
) -> Vec<Vec<f32>> {
    let nu = d.rep.len();
    let point = |u: usize| &points[d.rep[u].0][d.rep[u].1];
    let mut post: Vec<Vec<u32>> = vec![Vec::new(); f.df.len()];
    for u in 0..nu {
        for &w in &point(u).words {
            if f.looked_up(w) {
                post[w as usize].push(u as u32);
            }
        }
    }
    let mut best_u = vec![vec![0f32; members]; nu];
    for (u, cs) in d.carriers.iter().enumerate() {
        for &j in cs {
            best_u[u][j as usize] = 1.0;
        }
    }
    let mut shared = vec![0f32; nu];
    let mut touched: Vec<u32> = Vec::new();
    for u in 0..nu {
        let pt = point(u);
        for &w in &pt.words {
            // Each pair once: only the later distinct points.
            for &v in post[w as usize].iter().rev() {
                if v as usize <= u {
                    break;
                }
                if shared[v as usize] == 0.0 {
                    touched.push(v);
                }
                shared[v as usize] += f.idf[w as usize];
            }
        }
        for &v in &touched {
            let v = v as usize;
            shared[v] = 0.0;
            // The rare words found the candidate; the exact overlap counts every word.
            let dv = dice(pt, point(v), &f.idf);
            for &j in &d.carriers[v] {
                let b = &mut best_u[u][j as usize];
                *b = b.max(dv);
            }
            for &i in &d.carriers[u] {
                let b = &mut best_u[v][i as usize];
                *b = b.max(dv);
            }
        }
        touched.clear();
    }
    best_u
}

impl StoryPoints {
    pub fn build(articles: &[Article], notes: &[Annotations], members: &[u32]) -> StoryPoints {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let raw = raw_points(articles, notes, members, &mut ids);
        let freq = Frequencies::count(&raw, ids.len());
        let points = weigh(raw, &ids, &freq);
        let distinct = Distinct::of(&points);
        let best_u = best_overlaps(&points, &distinct, &freq, members.len());
        StoryPoints {
            points,
            unique_of: distinct.unique_of,
            best_u,
            idf: freq.idf,
        }
    }

    /// Best overlap of point `p` of member `i` with member `j`.
    pub fn best(&self, i: usize, p: usize, j: usize) -> f32 {
        if i == j {
            return 0.0;
        }
        self.best_u[self.unique_of[i][p] as usize][j]
    }

    /// Point `p` of member `i` is made by member `j` too.
    pub fn covered(&self, i: usize, p: usize, j: usize) -> bool {
        self.best(i, p, j) >= SAME
    }

    /// Aligns member `i` to an earlier member `j` in order (a longest chain of matches keeping both
    /// articles' order, each match at least `LOOSE`), then fills the gaps: a point between two
    /// matched neighbours pairs up with the points of the source's gap it shares words with.
    pub fn align(&self, i: usize, j: usize) -> Alignment {
        let (a, b) = (&self.points[i], &self.points[j]);
        let (n, m) = (a.len(), b.len());
        let mut out = vec![false; n];
        let mut back = vec![false; m];
        if n == 0 || m == 0 {
            return Alignment {
                mine: out,
                theirs: back,
                chain: 0,
                verbatim: 0,
            };
        }
        let sim: Vec<Vec<f32>> = a
            .iter()
            .map(|x| b.iter().map(|y| dice(x, y, &self.idf)).collect())
            .collect();
        let pairs = chain(&sim, 0..n, 0..m, LOOSE);
        // Inside a gap between two matches, the points pair up in order with whatever words they
        // share (a point with nothing in common with the other side's gap stays unmatched).
        let mut all = pairs.clone();
        let bounds: Vec<(usize, usize)> = std::iter::once((0, 0))
            .chain(pairs.iter().map(|&(x, y)| (x + 1, y + 1)))
            .collect();
        let ends: Vec<(usize, usize)> = pairs
            .iter()
            .copied()
            .chain(std::iter::once((n, m)))
            .collect();
        for (&(x0, y0), &(x1, y1)) in bounds.iter().zip(&ends) {
            if x1 > x0 && y1 > y0 && (x0, y0) != (0, 0) && (x1, y1) != (n, m) {
                all.extend(chain(&sim, x0..x1, y0..y1, GAP));
            }
        }
        // A source point with names or figures the later article lacks ("Seedance") was not
        // carried over, whatever it was paired with (a rewrite may rename: "US", "American").
        for &(x, y) in &all {
            out[x] = true;
            back[y] = b[y].novel_names == 0;
        }
        let verbatim = pairs.iter().filter(|&&(x, y)| sim[x][y] >= 0.9).count();
        Alignment {
            mine: out,
            theirs: back,
            chain: pairs.len(),
            verbatim,
        }
    }
}

/// The best order-keeping chain of matches (each at least `min`) between `xs` of one article and
/// `ys` of another, by total overlap.
fn chain(
    sim: &[Vec<f32>],
    xs: std::ops::Range<usize>,
    ys: std::ops::Range<usize>,
    min: f32,
) -> Vec<(usize, usize)> {
    let (n, m) = (xs.len(), ys.len());
    let mut dp = vec![vec![0f32; m + 1]; n + 1];
    for x in 1..=n {
        for y in 1..=m {
            let s = sim[xs.start + x - 1][ys.start + y - 1];
            let take = if s >= min {
                dp[x - 1][y - 1] + s
            } else {
                f32::MIN
            };
            dp[x][y] = take.max(dp[x - 1][y]).max(dp[x][y - 1]);
        }
    }
    let mut pairs = Vec::new();
    let (mut x, mut y) = (n, m);
    while x > 0 && y > 0 {
        let s = sim[xs.start + x - 1][ys.start + y - 1];
        if s >= min && (dp[x][y] - (dp[x - 1][y - 1] + s)).abs() < 1e-6 {
            pairs.push((xs.start + x - 1, ys.start + y - 1));
            x -= 1;
            y -= 1;
        } else if dp[x - 1][y] >= dp[x][y - 1] {
            x -= 1;
        } else {
            y -= 1;
        }
    }
    pairs.reverse();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::stem::inflections_off as stem;
    use crate::views::testing::article;

    #[test]
    fn the_same_sentence_is_the_same_point_and_headings_are_none() {
        let articles = vec![
            article(
                0,
                "Vallo Post",
                "Ferry",
                "Ferry news today\n\nThe Brellin ferry will sail twice a day from the old harbor pier. Tickets will cost four crowns for adults and two crowns for children.",
            ),
            article(
                1,
                "Island Times",
                "Ferry",
                "The Brellin ferry will sail twice a day from the old harbor pier. A storm closed the lighthouse road near Kestrel Point for a week.",
            ),
        ];
        let notes = crate::analysis::annotate::annotate_all(&articles, 1);
        let sp = StoryPoints::build(&articles, &notes, &[0, 1]);
        assert_eq!(sp.points[0].len(), 2, "the heading is not a point");
        assert!(sp.covered(0, 0, 1) && sp.covered(1, 0, 0));
        assert!(!sp.covered(0, 1, 1) && !sp.covered(1, 1, 0));
        assert_eq!(sp.best(0, 0, 0), 0.0);
        // Words only one article uses, and of those the names.
        assert!(sp.points[1][1].novel >= 5);
        assert_eq!(sp.points[1][1].novel_names, 2);
    }

    #[test]
    fn a_paraphrase_in_order_is_a_rewrite() {
        let source = "The Brellin ferry will sail twice a day from the old harbor pier. \
            The council approved the timetable after three months of talks with island towns. \
            Tickets will cost four crowns for adults and two crowns for children. \
            Fishers on Vallo island worry the bigger wake will damage their nets.";
        let rewrite = "Twice a day the Brellin ferry is going to sail from the harbor pier. \
            After months of talks with island towns the council approved a timetable. \
            Adults will pay four crowns for tickets, children two crowns. \
            Vallo island fishers fear their nets will suffer from the bigger wake.";
        let articles = vec![
            article(0, "Vallo Post", "Ferry", source),
            article(1, "Island Times", "Ferry", rewrite),
        ];
        let notes = crate::analysis::annotate::annotate_all(&articles, 1);
        let sp = StoryPoints::build(&articles, &notes, &[0, 1]);
        let al = sp.align(1, 0);
        assert_eq!(al.chain, 4);
        assert_eq!(al.verbatim, 0);
        assert!(al.is_rewrite());
        assert!(al.mine.iter().all(|&m| m));
        let copy = sp.align(0, 0);
        assert_eq!(copy.verbatim, 4);
        assert!(!copy.is_rewrite(), "word for word is a copy, not a rewrite");
    }

    #[test]
    fn stems_drop_common_endings_only_from_long_words() {
        assert_eq!(stem("Lagging"), "lagg");
        assert_eq!(stem("models"), "model");
        assert_eq!(stem("Talvik's"), "talvik");
        assert_eq!(stem("bus"), "bus");
    }
}
