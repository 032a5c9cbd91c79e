//! The people side of compare_views: the story's central claim, and per person (or organisation)
//! their statements, a one-line position in their own words, their key terms and their relation to
//! the claim with the evidence for it; vague group speakers are kept apart, with no side.

use std::collections::HashMap;

use super::speakers::story_speakers;
use super::stance::{self, Claim, Placement};
use super::statement::{Side, Statement};
use crate::analysis::annotate::Annotations;
use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::Sentence;
use crate::model::Article;
use crate::stories::quotes::QuoteBook;
use crate::stories::{Story, content_words};

/// A person (or organisation) in the story.
#[derive(Clone, Debug)]
pub struct PersonView {
    pub name: String,
    pub role: Option<String>,
    pub outlets: Vec<String>,
    pub statements: Vec<Statement>,
    /// Their position in their own words: their longest direct statement (or a reported one).
    pub position: Option<Statement>,
    pub key_terms: Vec<String>,
    pub side: Side,
    /// The sentence that shows the side.
    pub evidence: Option<Statement>,
    /// The signal that decided the side, in words.
    pub reason: Option<String>,
}

/// The people side of a comparison: the claim, the named speakers with their sides, and the vague
/// group speakers ("Others", "other prominent industry figures") that hold no side of their own.
#[derive(Clone, Debug)]
pub struct PeopleViews {
    pub claim: Claim,
    pub people: Vec<PersonView>,
    /// Group or unnamed speakers with their statements (never placed on a side).
    pub groups: Vec<(String, Vec<Statement>)>,
}

/// The story's central claim (see [`stance::claim`]).
pub fn claim(articles: &[Article], notes: &[Annotations], story: &Story) -> Claim {
    let lead = &articles[story.lead_article as usize];
    let ss = notes[story.lead_article as usize].sentence_texts(&lead.body);
    stance::claim(lead, story.lead_article, &story.headline, &ss)
}

/// The members of a story that are not duplicates, in story order.
pub(super) fn canonical(articles: &[Article], story: &Story) -> Vec<u32> {
    story
        .members
        .iter()
        .copied()
        .filter(|&o| articles[o as usize].duplicate_of.is_none())
        .collect()
}

/// The people of a story, their statements and their sides on its claim.
pub fn people(
    articles: &[Article],
    notes: &[Annotations],
    story: &Story,
    book: &QuoteBook,
) -> PeopleViews {
    let canon = canonical(articles, story);
    let sents: HashMap<u32, Vec<Sentence>> = canon
        .iter()
        .map(|&o| {
            (
                o,
                notes[o as usize].sentence_texts(&articles[o as usize].body),
            )
        })
        .collect();
    let speakers = story_speakers(articles, &canon, &sents, book);
    let claim = claim(articles, notes, story);
    let (placed, _why) = stance::place(articles, &canon, &sents, &claim, &speakers);
    let mut groups = Vec::new();
    let mut out: Vec<PersonView> = Vec::new();
    for (sp, pl) in speakers.into_iter().zip(placed) {
        if sp.group {
            groups.push((sp.name, in_order(sp.statements)));
        } else {
            out.push(person_view(articles, sp, pl));
        }
    }
    out.sort_by(|a, b| {
        b.statements
            .len()
            .cmp(&a.statements.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    PeopleViews {
        claim,
        people: out,
        groups,
    }
}

/// Statements in article and text order, a repeat of the one before left out.
fn in_order(mut statements: Vec<Statement>) -> Vec<Statement> {
    statements.sort_by_key(|s| (s.ord, s.span.start));
    statements.dedup_by(|a, b| a.text == b.text);
    statements
}

/// A named speaker's view: outlets, position, key terms and placement.
fn person_view(articles: &[Article], sp: stance::Speaker, pl: Placement) -> PersonView {
    let statements = in_order(sp.statements);
    let mut outlets: Vec<String> = Vec::new();
    for s in &statements {
        let o = articles[s.ord as usize].outlet_name().to_string();
        if !outlets.contains(&o) {
            outlets.push(o);
        }
    }
    let position = statements
        .iter()
        .filter(|s| s.kind == QuoteKind::Direct)
        .max_by_key(|s| s.text.len())
        .or_else(|| statements.first())
        .cloned();
    PersonView {
        name: sp.name,
        role: sp.role,
        outlets,
        key_terms: key_terms(&statements),
        statements,
        position,
        side: pl.side,
        evidence: pl.evidence,
        reason: pl.reason,
    }
}

/// The five content words a speaker's statements use in most statements (ties alphabetical).
fn key_terms(statements: &[Statement]) -> Vec<String> {
    let mut tf: HashMap<String, u32> = HashMap::new();
    for s in statements {
        for w in content_words(&s.text) {
            *tf.entry(w).or_default() += 1;
        }
    }
    let mut terms: Vec<(String, u32)> = tf.into_iter().collect();
    terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    terms.into_iter().take(5).map(|t| t.0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::testing::{article, quote, story};

    const BODY: &str = "The Brellin harbor council approved the new ferry plan on Monday after a long debate.\n\n\"This plan is good for the island and good for trade,\" said Mira Talvik, chair of the harbor council.\n\nJon Brask, by contrast, warned that the plan was a costly mistake.";

    #[test]
    fn people_get_their_statements_roles_and_sides() {
        let articles = vec![article(
            0,
            "Vallo Post",
            "Brellin council approves new ferry plan",
            BODY,
        )];
        let mut book = QuoteBook::default();
        let good = "This plan is good for the island and good for trade";
        quote(
            &mut book,
            &articles,
            0,
            "Mira Talvik",
            QuoteKind::Direct,
            good,
            "said",
        );
        let bad = "the plan was a costly mistake";
        quote(
            &mut book,
            &articles,
            0,
            "Jon Brask",
            QuoteKind::Reported,
            bad,
            "warned",
        );
        let notes = crate::analysis::annotate::annotate_all(&articles, 1);
        let pv = people(&articles, &notes, &story(&articles, &[0]), &book);
        assert!(
            pv.claim
                .text
                .starts_with("The Brellin harbor council approved")
        );
        let find = |n: &str| pv.people.iter().find(|p| p.name == n);
        let talvik = find("Mira Talvik").expect("Talvik is a speaker");
        assert_eq!(talvik.role.as_deref(), Some("chair of the harbor council"));
        assert_eq!(talvik.side, Side::Supports);
        assert_eq!(talvik.outlets, vec!["Vallo Post"]);
        assert_eq!(
            talvik.position.as_ref().map(|s| s.text.as_str()),
            Some(good)
        );
        assert!(talvik.key_terms.contains(&"good".to_string()));
        let brask = find("Jon Brask").expect("Brask is a speaker");
        assert_eq!(brask.side, Side::Disputes);
        assert!(brask.evidence.is_some() && brask.reason.is_some());
        assert!(pv.groups.is_empty());
    }

    #[test]
    fn statements_come_in_order_without_repeats() {
        let st = |ord: u32, at: usize, text: &str| Statement {
            ord,
            span: crate::model::Span::new(at, at + 5),
            text: text.into(),
            kind: QuoteKind::Reported,
        };
        let got = in_order(vec![st(1, 0, "b"), st(0, 9, "a"), st(0, 3, "a")]);
        let got: Vec<(u32, usize)> = got.iter().map(|s| (s.ord, s.span.start)).collect();
        assert_eq!(got, vec![(0, 3), (1, 0)]);
    }
}
