//! Names against GUM's annotations (`../shared/eval/gum`): typed names of people, organisations
//! and places (precision, recall, F1 per kind), which person mentions are one person (B-cubed
//! over the gold named mentions of people), and the distinct people of each document.
//!
//! Run (test is the figure that counts; dev was looked at while tuning, test never):
//!   cargo run --release --example eval_entities -- ../shared/eval/gum test
//!   cargo run --release --example eval_entities -- ../shared/eval/gum dev
//! Add `news` to score the news documents only.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use newsdesk::analysis::entities::{self, EntityKind};
use newsdesk::analysis::ner::{self, NameKind};

#[path = "common/gum.rs"]
mod gum;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().map_or("../shared/eval/gum", String::as_str));
    let split = args.get(1).map_or("test", String::as_str);
    let news_only = args.iter().any(|a| a == "news");
    if !dir.join("dep").is_dir() {
        eprintln!("SKIPPED: {} not found", dir.display());
        return Ok(());
    }
    let docs: Vec<gum::GumDoc> = gum::load(&dir, &split.split(',').collect::<Vec<_>>())?
        .into_iter()
        .filter(|d| !news_only || d.genre == "news")
        .collect();
    let mut all = gum::Score::default();
    let mut per = [gum::Score::default(); 3];
    let (mut b3p, mut b3r, mut b3n) = (0f64, 0f64, 0usize);
    let mut people = gum::Score::default();
    let started = std::time::Instant::now();
    let mut bytes = 0;
    for d in &docs {
        bytes += d.text.len();
        let ms = ner::mentions(&d.text);
        let pred: Vec<(usize, usize, NameKind)> =
            ms.iter().map(|m| (m.start, m.end, m.kind)).collect();
        let (a, p) = gum::score(&d.mentions, &pred);
        all.add(a);
        for k in 0..3 {
            per[k].add(p[k]);
        }
        // B-cubed over gold person mentions: gold entity against predicted entity
        let (ents, of) = entities::group(&d.text, &ms);
        let hits = gum::align(&d.mentions, &pred, true);
        let mut sys_of: HashMap<usize, usize> = HashMap::new(); // gold mention -> predicted entity
        for (pi, h) in hits.iter().enumerate() {
            if let Some(g) = h
                && ents[of[pi]].kind == EntityKind::Person
            {
                sys_of.insert(*g, of[pi]);
            }
        }
        let items: Vec<usize> = (0..d.mentions.len())
            .filter(|&g| d.mentions[g].kind == NameKind::Person)
            .collect();
        let sys = |g: usize| sys_of.get(&g).map_or(usize::MAX - g, |&e| e);
        for &g in &items {
            let gold_same: HashSet<usize> = items
                .iter()
                .copied()
                .filter(|&o| d.mentions[o].entity == d.mentions[g].entity)
                .collect();
            let sys_same: HashSet<usize> = items
                .iter()
                .copied()
                .filter(|&o| sys(o) == sys(g))
                .collect();
            let both = gold_same.intersection(&sys_same).count() as f64;
            b3p += both / sys_same.len() as f64;
            b3r += both / gold_same.len() as f64;
            b3n += 1;
        }
        // distinct people: a predicted person is right when one of its mentions is a gold
        // person's named mention and that person was not already found
        let mut gold_people: HashSet<&str> = HashSet::new();
        for g in &items {
            gold_people.insert(d.mentions[*g].entity.as_str());
        }
        let mut found: HashSet<&str> = HashSet::new();
        for (e, ent) in ents.iter().enumerate() {
            if ent.kind != EntityKind::Person {
                continue;
            }
            people.predicted += 1;
            let gold_e = hits
                .iter()
                .enumerate()
                .filter(|(pi, _)| of[*pi] == e)
                .filter_map(|(_, h)| *h)
                .map(|g| d.mentions[g].entity.as_str())
                .find(|id| !found.contains(id));
            if let Some(id) = gold_e {
                found.insert(id);
                people.right += 1;
            }
        }
        people.gold += gold_people.len();
    }
    let secs = started.elapsed().as_secs_f64();
    let (p, r, f) = all.prf();
    let what = if news_only { "news documents of " } else { "" };
    println!("GUM {what}{split} ({} documents)", docs.len());
    println!(
        "typed names        P {p:.3} R {r:.3} F1 {f:.3} (gold {})",
        all.gold
    );
    for (k, name) in ["person", "organisation", "place"].iter().enumerate() {
        let (p, r, f) = per[k].prf();
        println!(
            "  {name:16} P {p:.3} R {r:.3} F1 {f:.3} (gold {})",
            per[k].gold
        );
    }
    let (bp, br) = (b3p / b3n.max(1) as f64, b3r / b3n.max(1) as f64);
    let bf = if bp + br > 0.0 {
        2.0 * bp * br / (bp + br)
    } else {
        0.0
    };
    println!("person entities    B-cubed P {bp:.3} R {br:.3} F1 {bf:.3} ({b3n} gold mentions)");
    let (p, r, f) = people.prf();
    println!(
        "distinct people    P {p:.3} R {r:.3} F1 {f:.3} ({} predicted, {} gold)",
        people.predicted, people.gold
    );
    println!(
        "speed              {:.1} MB/s",
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}
