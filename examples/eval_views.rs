//! Side-assignment accuracy of compare_views: loads a corpus through the library (the same
//! pipeline the server runs), clusters it, and for each gold story takes the cluster holding most
//! of its articles, runs the people analysis and compares each gold person's side (supports,
//! disputes, other) with the one found. Prints per person right / wrong / unclear (unclear also
//! when the person is not found), accuracy (right / all gold people) and precision (right / people
//! placed on a side).
//!
//! Run:
//!   cargo run --release --example eval_views -- eval/views/corpus eval/views/gold.json
//!   cargo run --release --example eval_views -- sample/corpus sample/gold.json

use std::collections::HashMap;
use std::path::PathBuf;

use newsdesk::corpus::Corpus;
use newsdesk::ingest::CorpusSource;
use newsdesk::views::{self, Side};
use serde_json::Value;

/// The found person a gold name refers to: the same name, or the same surname.
fn find<'a>(people: &'a [views::PersonView], gold: &str) -> Option<&'a views::PersonView> {
    let surname = |s: &str| s.split_whitespace().last().unwrap_or(s).to_lowercase();
    people
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(gold))
        .or_else(|| people.iter().find(|p| surname(&p.name) == surname(gold)))
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(corpus_dir), Some(gold_path)) = (args.first(), args.get(1)) else {
        eprintln!(
            "usage: eval_views CORPUS-DIR GOLD.json (e.g. eval/views/corpus eval/views/gold.json)"
        );
        return Ok(());
    };
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path)?)?;
    let corpus = Corpus::load(
        &CorpusSource::Paths(vec![PathBuf::from(corpus_dir)]),
        &|_, _| {},
    )?;
    let by_ref: HashMap<String, u32> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source_ref(), i as u32))
        .collect();
    let (mut right, mut wrong, mut unclear) = (0u32, 0u32, 0u32);
    let mut confusion: HashMap<(&str, &str), u32> = HashMap::new();
    for story in gold["stories"].as_array().into_iter().flatten() {
        let key = story["key"].as_str().unwrap_or_default();
        let Some(view) = gold["views"].get(key) else {
            continue;
        };
        // The cluster that holds most of the gold story's articles.
        let mut votes: HashMap<u32, u32> = HashMap::new();
        for p in story["articles"].as_array().into_iter().flatten() {
            if let Some(s) = p
                .as_str()
                .and_then(|p| by_ref.get(p))
                .and_then(|&o| corpus.story_index_of(o))
            {
                *votes.entry(s).or_default() += 1;
            }
        }
        let Some((&si, _)) = votes
            .iter()
            .max_by_key(|(s, n)| (**n, std::cmp::Reverse(**s)))
        else {
            println!("{key}: no articles found in the corpus");
            continue;
        };
        let st = &corpus.stories[si as usize];
        let pv = views::people(&corpus.articles, &corpus.annotations, st, &corpus.quotes);
        let (people, claim) = (&pv.people, &pv.claim);
        println!(
            "\n{key} ({} articles in the cluster)\n  gold claim:  {}\n  found claim: {}",
            st.members.len(),
            view["claim"].as_str().unwrap_or_default(),
            claim.text
        );
        for want in ["supports", "disputes", "other"] {
            for name in view["sides"][want].as_array().into_iter().flatten() {
                let name = name.as_str().unwrap_or_default();
                let got = find(people, name).map_or(Side::Unclear, |p| p.side);
                let verdict = if got == Side::Unclear {
                    unclear += 1;
                    "unclear"
                } else if got.as_str() == want {
                    right += 1;
                    "right"
                } else {
                    wrong += 1;
                    "WRONG"
                };
                *confusion.entry((want, got.as_str())).or_default() += 1;
                let why = find(people, name)
                    .and_then(|p| p.reason.clone())
                    .map(|e| e.chars().take(110).collect::<String>())
                    .unwrap_or_default();
                println!(
                    "  {verdict:<7} {name:<20} gold {want:<8} found {:<8} {why}",
                    got.as_str()
                );
            }
        }
        let listed: Vec<String> = people
            .iter()
            .filter(|p| {
                ["supports", "disputes", "other"].iter().all(|k| {
                    view["sides"][k]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .all(|g| find(std::slice::from_ref(*p), g).is_none())
                })
            })
            .map(|p| format!("{} ({})", p.name, p.side.as_str()))
            .collect();
        if !listed.is_empty() {
            println!("  not in gold: {}", listed.join(", "));
        }
    }
    let all = right + wrong + unclear;
    let placed = right + wrong;
    println!(
        "\n{all} gold people: {right} right, {wrong} wrong, {unclear} unclear; accuracy {:.3}, precision {:.3} ({right}/{placed} placed)",
        right as f64 / all.max(1) as f64,
        right as f64 / placed.max(1) as f64
    );
    let mut rows: Vec<_> = confusion.into_iter().collect();
    rows.sort();
    let rows: Vec<String> = rows
        .iter()
        .map(|((g, f), n)| format!("{g}->{f} {n}"))
        .collect();
    println!("gold->found: {}", rows.join(", "));
    Ok(())
}
