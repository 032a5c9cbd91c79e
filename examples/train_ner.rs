//! Trains the name tagger (src/analysis/ner) on GUM and writes its weights.
//!
//! The shipped model is trained on GUM's train and dev documents; test is kept for reporting:
//!   cargo run --release --example train_ner -- ../shared/eval/gum
//! To tune (features, epochs), use five-fold cross-validation over train+dev, or train on train
//! only and look at dev; never at test:
//!   cargo run --release --example train_ner -- ../shared/eval/gum --cv 5
//!   cargo run --release --example train_ner -- ../shared/eval/gum --on train --report dev --out /tmp/ner.bin

use std::path::PathBuf;

use newsdesk::analysis::ner::{self, Doc, NameKind, Trainer};

#[path = "common/gum.rs"]
mod gum;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/eval/gum");
    let mut on = "train,dev".to_string();
    let mut report = "test".to_string();
    let mut out = PathBuf::from("src/analysis/ner/model.bin");
    let mut epochs = 5usize;
    let mut errors = false;
    let mut folds = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--on" => on = args.next().unwrap_or_default(),
            "--report" => report = args.next().unwrap_or_default(),
            "--out" => out = PathBuf::from(args.next().unwrap_or_default()),
            "--errors" => errors = true,
            "--epochs" => epochs = args.next().and_then(|x| x.parse().ok()).unwrap_or(epochs),
            "--cv" => folds = args.next().and_then(|x| x.parse().ok()).unwrap_or(5),
            _ => dir = PathBuf::from(a),
        }
    }
    let want: Vec<&str> = on.split(',').collect();
    let docs = gum::load(&dir, &want)?;
    anyhow::ensure!(
        !docs.is_empty(),
        "no GUM documents for {on} in {}",
        dir.display()
    );
    if folds > 1 {
        // k-fold over the training documents (document i in fold i % k): the tuning figure
        let mut total = Report::default();
        for f in 0..folds {
            let part = |keep: bool| -> Vec<&gum::GumDoc> {
                docs.iter()
                    .enumerate()
                    .filter(|(i, _)| (i % folds == f) == keep)
                    .map(|(_, d)| d)
                    .collect()
            };
            let (held, train) = (part(true), part(false));
            let model = train_on(&train, epochs);
            total.add(&evaluate(&model, &held, errors));
        }
        total.print(&format!(
            "{folds}-fold over {on} ({} documents)",
            docs.len()
        ));
        return Ok(());
    }
    let refs: Vec<&gum::GumDoc> = docs.iter().collect();
    let model = train_on(&refs, epochs);
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes)?;
    eprintln!(
        "wrote {} ({} features, {} KB), trained on {} documents ({on})",
        out.display(),
        model.features(),
        bytes.len() / 1024,
        docs.len()
    );
    let model =
        ner::Model::from_bytes(&bytes).ok_or_else(|| anyhow::anyhow!("model round trip"))?;
    let held = gum::load(&dir, &report.split(',').collect::<Vec<_>>())?;
    let refs: Vec<&gum::GumDoc> = held.iter().collect();
    evaluate(&model, &refs, errors).print(&format!("{report} ({} documents)", held.len()));
    Ok(())
}

/// Trains a model on documents, in a fixed shuffled order per epoch (training is repeatable).
fn train_on(docs: &[&gum::GumDoc], epochs: usize) -> ner::Model {
    let prepared: Vec<(Doc, Vec<usize>)> = docs
        .iter()
        .map(|d| {
            let doc = Doc::new(&d.text);
            let names: Vec<(usize, usize, NameKind)> = d
                .mentions
                .iter()
                .map(|m| (m.name.0, m.name.1, m.kind))
                .collect();
            let tags = ner::gold_tags(&doc, &names);
            (doc, tags)
        })
        .collect();
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let wrong: usize = order
            .iter()
            .map(|&i| trainer.learn(&prepared[i].0, &prepared[i].1))
            .sum();
        eprintln!("epoch {epoch}: {wrong} candidate tokens wrong");
    }
    trainer.finish()
}

/// Typed, untyped and per-kind counts.
#[derive(Default)]
struct Report {
    all: gum::Score,
    untyped: gum::Score,
    per: [gum::Score; 3],
}

impl Report {
    fn add(&mut self, o: &Report) {
        self.all.add(o.all);
        self.untyped.add(o.untyped);
        for (mine, theirs) in self.per.iter_mut().zip(o.per) {
            mine.add(theirs);
        }
    }

    fn print(&self, what: &str) {
        let (p, r, f) = self.all.prf();
        println!("{what}: typed names P {p:.3} R {r:.3} F1 {f:.3}");
        let (p, r, f) = self.untyped.prf();
        println!("  {:13} P {p:.3} R {r:.3} F1 {f:.3}", "any kind");
        for (k, name) in ["person", "organisation", "place"].iter().enumerate() {
            let (p, r, f) = self.per[k].prf();
            println!(
                "  {name:13} P {p:.3} R {r:.3} F1 {f:.3} (gold {})",
                self.per[k].gold
            );
        }
    }
}

/// Scores a model on documents, printing each error when asked (dev only).
fn evaluate(model: &ner::Model, docs: &[&gum::GumDoc], errors: bool) -> Report {
    let mut rep = Report::default();
    for d in docs {
        let doc = Doc::new(&d.text);
        let pred: Vec<(usize, usize, NameKind)> = ner::spans_of(&doc, &ner::tag(model, &doc))
            .into_iter()
            .map(|m| (m.start, m.end, m.kind))
            .collect();
        let (a, p) = gum::score(&d.mentions, &pred);
        rep.untyped.right += gum::align(&d.mentions, &pred, false)
            .iter()
            .flatten()
            .count();
        rep.untyped.predicted += pred.len();
        rep.untyped.gold += d.mentions.len();
        if errors {
            let (n, nested, nocand) = ceiling(d);
            println!(
                "CEILING {} gold {n} nested {nested} not-candidate {nocand}",
                d.name
            );
            print_errors(d, &pred);
        }
        rep.all.add(a);
        for (mine, theirs) in rep.per.iter_mut().zip(p) {
            mine.add(theirs);
        }
    }
    rep
}

/// Prints the names a document's prediction got wrong or missed (for looking at dev only).
fn print_errors(d: &gum::GumDoc, pred: &[(usize, usize, NameKind)]) {
    let hits = gum::align(&d.mentions, pred, true);
    for (p, h) in pred.iter().zip(&hits) {
        if h.is_none() {
            let near = gum::align(&d.mentions, &[*p], false)[0]
                .map(|g| {
                    format!(
                        "{:?} {:?}",
                        d.mentions[g].kind,
                        &d.text[d.mentions[g].name.0..d.mentions[g].name.1]
                    )
                })
                .unwrap_or_default();
            println!("WRONG {:?} {:?}  gold: {near}", p.2, &d.text[p.0..p.1]);
        }
    }
    let found: std::collections::HashSet<usize> = hits.iter().flatten().copied().collect();
    for (gi, g) in d.mentions.iter().enumerate() {
        if !found.contains(&gi) {
            let mut ctx_s = g.span.0.saturating_sub(30);
            while !d.text.is_char_boundary(ctx_s) {
                ctx_s -= 1;
            }
            println!(
                "MISSED {:?} {:?}  in {:?}",
                g.kind,
                &d.text[g.name.0..g.name.1],
                &d.text[ctx_s..g.span.1]
            );
        }
    }
}

/// How many gold names a flat tagger can find at best (not nested in another, head a candidate).
fn ceiling(d: &gum::GumDoc) -> (usize, usize, usize) {
    let doc = Doc::new(&d.text);
    let mut nested = 0;
    let mut nocand = 0;
    for g in &d.mentions {
        if d.mentions
            .iter()
            .any(|o| o.name != g.name && o.name.0 <= g.name.0 && o.name.1 >= g.name.1)
        {
            nested += 1;
            continue;
        }
        let cand = doc
            .toks
            .iter()
            .enumerate()
            .any(|(i, t)| t.start <= g.head.0 && t.end >= g.head.1 && doc.candidate[i]);
        if !cand {
            nocand += 1;
        }
    }
    (d.mentions.len(), nested, nocand)
}
