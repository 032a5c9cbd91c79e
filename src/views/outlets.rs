//! The outlet side of compare_views: per article its quote counts, its speakers and those only it
//! quotes, the points only it makes, the common points it leaves out, and whether it rewrites or
//! re-publishes an earlier article of the story; and the points (almost) every article makes.

use std::collections::{BTreeSet, HashMap};

use super::people::canonical;
use super::points::StoryPoints;
use super::statement::Statement;
use crate::analysis::annotate::Annotations;
use crate::analysis::quotes::QuoteKind;
use crate::model::Article;
use crate::stories::Story;
use crate::stories::quotes::QuoteBook;

/// One article's coverage.
#[derive(Clone, Debug)]
pub struct OutletView {
    pub ord: u32,
    pub direct_quotes: u32,
    pub reported: u32,
    pub speakers: Vec<String>,
    pub speakers_only_here: Vec<String>,
    pub only_here: Vec<Statement>,
    pub leaves_out: Vec<Statement>,
    /// (earlier article it derives from, true for a near-verbatim re-publication)
    pub derives_from: Option<(u32, bool)>,
}

/// Most points listed as only in one article, or left out by it.
const MAX_POINTS: usize = 10;

/// What the per-article lists read: the story's members, their points and how they derive.
struct Coverage<'a> {
    members: &'a [u32],
    sp: StoryPoints,
    /// Per member: not a duplicate.
    canon: Vec<bool>,
    derives: Derives,
    /// Matched by a rewrite alignment (either direction).
    aligned: Aligned,
    /// Per member and point: when the member is the first canonical one to make the point, how
    /// many canonical members make it.
    first_carriers: Vec<Vec<Option<usize>>>,
}

/// How each article of the story covered it.
pub fn outlets(
    articles: &[Article],
    notes: &[Annotations],
    story: &Story,
    book: &QuoteBook,
) -> Vec<OutletView> {
    let members = &story.members;
    let sp = StoryPoints::build(articles, notes, members);
    let canon: Vec<bool> = members
        .iter()
        .map(|&o| articles[o as usize].duplicate_of.is_none())
        .collect();
    let (speakers, counts) = quotes_per_member(members, book);
    let (derives, aligned) = derivations(articles, members, &sp, &canon);
    let first_carriers = first_carriers(&sp, &canon);
    let cov = Coverage {
        members,
        sp,
        canon,
        derives,
        aligned,
        first_carriers,
    };
    (0..members.len())
        .map(|i| {
            let others: Vec<usize> = (0..members.len())
                .filter(|&j| j != i && cov.canon[j])
                .collect();
            let only_speakers: Vec<String> = speakers[i]
                .iter()
                .filter(|s| others.iter().all(|&j| !speakers[j].contains(*s)))
                .cloned()
                .collect();
            OutletView {
                ord: members[i],
                direct_quotes: counts[i].0,
                reported: counts[i].1,
                speakers: speakers[i].iter().cloned().collect(),
                speakers_only_here: only_speakers,
                only_here: cov.only_here(i, &others),
                leaves_out: cov.leaves_out(i, &others),
                derives_from: cov.derives[i].map(|(j, copy)| (members[j], copy)),
            }
        })
        .collect()
}

/// Per member: its speakers, and its (direct, reported) quote counts.
fn quotes_per_member(
    members: &[u32],
    book: &QuoteBook,
) -> (Vec<BTreeSet<String>>, Vec<(u32, u32)>) {
    let n = members.len();
    let mut speakers: Vec<BTreeSet<String>> = vec![BTreeSet::new(); n];
    let mut counts: Vec<(u32, u32)> = vec![(0, 0); n];
    let pos: HashMap<u32, usize> = members.iter().enumerate().map(|(i, &o)| (o, i)).collect();
    for g in book.in_articles(members.iter().copied()) {
        for ap in &g.appearances {
            if let Some(&i) = pos.get(&ap.ord) {
                if g.kind == QuoteKind::Reported {
                    counts[i].1 += 1;
                } else if g.kind == QuoteKind::Direct {
                    counts[i].0 += 1;
                }
                if let Some(s) = &g.speaker {
                    speakers[i].insert(s.clone());
                }
            }
        }
    }
    (speakers, counts)
}

/// Per member: (earlier member it derives from, true for a near-verbatim copy).
type Derives = Vec<Option<(usize, bool)>>;
/// Per member and point: the matches of the rewrite alignments it took part in.
type Aligned = Vec<Vec<Vec<bool>>>;

/// Re-publications and rewrites: most of an article's points, in order, are an earlier one's.
/// Per member: what it derives from; and per member and point, the matches of rewrite alignments
/// (both directions: paraphrases count as shared).
fn derivations(
    articles: &[Article],
    members: &[u32],
    sp: &StoryPoints,
    canon: &[bool],
) -> (Derives, Aligned) {
    let n = members.len();
    let mut derives: Derives = vec![None; n];
    let mut aligned: Aligned = sp
        .points
        .iter()
        .map(|p| vec![Vec::new(); p.len()])
        .collect();
    for i in 0..n {
        let a = &articles[members[i] as usize];
        if let Some(j) = a
            .duplicate_of
            .as_deref()
            .and_then(|c| members.iter().position(|&o| articles[o as usize].id == c))
        {
            derives[i] = Some((j, true));
            continue;
        }
        let Some(j) = likely_source(sp, canon, i) else {
            continue;
        };
        let np = sp.points[i].len();
        let al = sp.align(i, j);
        if al.verbatim * 10 >= np * 9 {
            // Nearly every point word for word and in the same order.
            derives[i] = Some((j, true));
        } else if al.is_rewrite() {
            derives[i] = Some((j, false));
            for (p, m) in al.mine.into_iter().enumerate() {
                aligned[i][p].push(m);
            }
            for (q, t) in al.theirs.into_iter().enumerate() {
                if t {
                    aligned[j][q].push(true);
                }
            }
        }
    }
    (derives, aligned)
}

/// The earlier canonical member that shares most of member `i`'s points (a quarter at least), when
/// `i` has three points or more.
fn likely_source(sp: &StoryPoints, canon: &[bool], i: usize) -> Option<usize> {
    let np = sp.points[i].len();
    if np < 3 {
        return None;
    }
    let share =
        |j: usize, at: f32| (0..np).filter(|&p| sp.best(i, p, j) >= at).count() as f64 / np as f64;
    let (j, s) = (0..i)
        .filter(|&j| canon[j])
        .map(|j| (j, share(j, 0.2)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    (s >= 0.25).then_some(j)
}

/// Per member and point: when the member is the first canonical one to make the point, how many
/// canonical members make it.
fn first_carriers(sp: &StoryPoints, canon: &[bool]) -> Vec<Vec<Option<usize>>> {
    let n = sp.points.len();
    (0..n)
        .map(|j| {
            (0..sp.points[j].len())
                .map(|t| {
                    let first = !(0..j).any(|k| canon[k] && sp.covered(j, t, k));
                    first.then(|| {
                        1 + (0..n)
                            .filter(|&k| k != j && canon[k] && sp.covered(j, t, k))
                            .count()
                    })
                })
                .collect()
        })
        .collect()
}

impl Coverage<'_> {
    fn paraphrased(&self, i: usize, p: usize) -> bool {
        self.aligned[i][p].iter().any(|&x| x)
    }

    /// Points of member `i` no other article makes, the most novel first.
    fn only_here(&self, i: usize, others: &[usize]) -> Vec<Statement> {
        let pts = &self.sp.points[i];
        let mut only: Vec<usize> = (0..pts.len())
            .filter(|&p| {
                !others.is_empty()
                    && !self.paraphrased(i, p)
                    && others.iter().all(|&j| !self.sp.covered(i, p, j))
            })
            .collect();
        only.sort_by_key(|&p| {
            (
                std::cmp::Reverse(pts[p].novel_names),
                std::cmp::Reverse(pts[p].novel),
                p,
            )
        });
        only.into_iter()
            .take(MAX_POINTS)
            .map(|p| Statement::of_sentence(self.members[i], &pts[p].sentence))
            .collect()
    }

    /// Points most other articles make that member `i` leaves out (each from its first carrier).
    fn leaves_out(&self, i: usize, others: &[usize]) -> Vec<Statement> {
        let mut out = Vec::new();
        if others.len() < 2 {
            return out;
        }
        for &j in others {
            for (t, pt) in self.sp.points[j].iter().enumerate() {
                if out.len() >= MAX_POINTS {
                    return out;
                }
                // Not the first carrier of this point.
                let Some(carriers) = self.first_carriers[j][t] else {
                    continue;
                };
                // (Member i is not among the carriers: the point must not be covered by it.)
                if carriers * 2 > others.len()
                    && !self.sp.covered(j, t, i)
                    && !(self.derives[i].is_some_and(|d| d.0 == j) && self.paraphrased(j, t))
                {
                    out.push(Statement::of_sentence(self.members[j], &pt.sentence));
                }
            }
        }
        out
    }
}

/// Points that every or almost every article reports (from the first article that has them).
pub fn shared_points(articles: &[Article], notes: &[Annotations], story: &Story) -> Vec<Statement> {
    let canon = canonical(articles, story);
    if canon.len() < 2 {
        return vec![];
    }
    let sp = StoryPoints::build(articles, notes, &canon);
    let mut out = Vec::new();
    for (p, pt) in sp.points[0].iter().enumerate() {
        let carriers = 1 + (1..canon.len()).filter(|&j| sp.covered(0, p, j)).count();
        if carriers * 4 >= canon.len() * 3 {
            out.push(Statement::of_sentence(canon[0], &pt.sentence));
        }
        if out.len() >= MAX_POINTS {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::testing::{article, story};

    const SAIL: &str = "The Brellin ferry will sail twice a day from the old harbor pier.";
    const TALKS: &str =
        "The council approved the timetable after three months of talks with the island towns.";
    const TICKETS: &str = "Tickets will cost four crowns for adults and two crowns for children.";
    const NETS: &str = "Fishers on Vallo island worry the bigger wake will damage their nets.";

    #[test]
    fn outlets_show_what_only_they_have_what_they_leave_out_and_copies() {
        let articles = vec![
            article(
                0,
                "Vallo Post",
                "Ferry timetable set",
                &format!("{SAIL} {TALKS} {TICKETS}"),
            ),
            article(
                1,
                "Island Times",
                "Ferry timetable agreed",
                &format!("{SAIL} {TALKS} {NETS}"),
            ),
            article(
                2,
                "Harbor Wire",
                "Ferry timetable set",
                &format!("{SAIL} {TALKS} {TICKETS}"),
            ),
        ];
        let s = story(&articles, &[0, 1, 2]);
        let notes = crate::analysis::annotate::annotate_all(&articles, 1);
        let views = outlets(&articles, &notes, &s, &QuoteBook::default());
        assert_eq!(views.len(), 3);
        let texts = |v: &[Statement]| v.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&views[1].only_here), vec![NETS]);
        assert_eq!(texts(&views[1].leaves_out), vec![TICKETS]);
        assert_eq!(
            views[1].leaves_out[0].ord, 0,
            "cited from its first carrier"
        );
        assert!(views[0].only_here.is_empty());
        assert_eq!(
            views[2].derives_from,
            Some((0, true)),
            "a word-for-word copy"
        );
        assert_eq!(views[1].derives_from, None);
        assert_eq!(
            texts(&shared_points(&articles, &notes, &s)),
            vec![SAIL, TALKS]
        );
    }
}
