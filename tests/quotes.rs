//! get_quotes and list_speakers through MCP: every attribution pattern of the sample corpus gold,
//! the seeds' quotes and reported speech, no not-quotes, and spans that always point at the words.

mod common;

use std::collections::{HashMap, HashSet};

use common::*;
use serde_json::{Value, json};

async fn all_quotes(client: &Client, extra: Value) -> Vec<Value> {
    let mut out = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut args = json!({ "limit": 100 });
        for (k, v) in extra.as_object().into_iter().flatten() {
            args[k] = v.clone();
        }
        if let Some(c) = &cursor {
            args["cursor"] = json!(c);
        }
        let page = call(client, "get_quotes", args).await;
        out.extend(page["quotes"].as_array().cloned().unwrap_or_default());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return out,
        }
    }
}

fn words(s: &str) -> String {
    norm(s)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn sample_quotes_come_out_verbatim_with_the_right_speakers() -> anyhow::Result<()> {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample/gold.json"),
    )?)?;
    let client = connect(&[]).await?;
    // Source path and text of every article.
    let page = call(
        &client,
        "search_articles",
        json!({ "limit": 50, "include_duplicates": true }),
    )
    .await;
    let mut path_of = HashMap::new();
    let mut text_of = HashMap::new();
    for h in page["articles"].as_array().into_iter().flatten() {
        let a = call(
            &client,
            "get_article",
            json!({ "article_id": h["id"], "max_chars": 20000 }),
        )
        .await;
        path_of.insert(
            h["id"].as_str().unwrap_or_default().to_string(),
            a["source"].as_str().unwrap_or_default().to_string(),
        );
        text_of.insert(
            h["id"].as_str().unwrap_or_default().to_string(),
            a["text"]
                .as_str()
                .unwrap_or_default()
                .chars()
                .collect::<Vec<char>>(),
        );
    }
    let quotes = all_quotes(&client, json!({ "kind": "direct" })).await;
    // Every span points at the quote's words: exactly at the first appearance, the same words elsewhere.
    for q in &quotes {
        for (i, ap) in q["appearances"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let t = &text_of[ap["article_id"].as_str().unwrap_or_default()];
            let pieces: Vec<(usize, usize)> = match ap.get("pieces").and_then(Value::as_array) {
                Some(ps) => ps
                    .iter()
                    .map(|p| {
                        (
                            p[0].as_u64().unwrap_or(0) as usize,
                            p[1].as_u64().unwrap_or(0) as usize,
                        )
                    })
                    .collect(),
                None => vec![(
                    ap["start"].as_u64().unwrap_or(0) as usize,
                    ap["end"].as_u64().unwrap_or(0) as usize,
                )],
            };
            let at: Vec<String> = pieces
                .iter()
                .map(|&(a, b)| t[a..b].iter().collect())
                .collect();
            let at = at.join(" ");
            if i == 0 {
                assert_eq!(at, q["text"].as_str().unwrap_or_default(), "span of {q}");
            } else {
                assert_eq!(
                    words(&at),
                    words(q["text"].as_str().unwrap_or_default()),
                    "span of {q}"
                );
            }
            if let Some(m) = ap.get("speaker_mention") {
                let (a, b) = (
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                );
                assert_eq!(
                    t[a..b].iter().collect::<String>(),
                    m["text"].as_str().unwrap_or_default()
                );
            }
        }
    }
    // Every gold quote, in every attribution pattern, with its speaker.
    let mut found: HashSet<(String, String, String)> = HashSet::new();
    for q in &quotes {
        for ap in q["appearances"].as_array().into_iter().flatten() {
            let path = path_of[ap["article_id"].as_str().unwrap_or_default()].clone();
            found.insert((
                path,
                words(q["text"].as_str().unwrap_or_default()),
                q["speaker"].as_str().unwrap_or("-").to_string(),
            ));
        }
    }
    let mut patterns: HashMap<String, (u32, u32)> = HashMap::new();
    for d in gold["direct_quotes"].as_array().into_iter().flatten() {
        let key = (
            d["article"].as_str().unwrap_or_default().to_string(),
            words(d["text"].as_str().unwrap_or_default()),
            d["speaker"].as_str().unwrap_or("-").to_string(),
        );
        let e = patterns
            .entry(d["pattern"].as_str().unwrap_or("?").to_string())
            .or_default();
        e.1 += 1;
        if found.contains(&key) {
            e.0 += 1;
        }
    }
    for (p, (ok, all)) in &patterns {
        assert_eq!(
            ok, all,
            "pattern {p}: {ok} of {all} gold quotes found with the right speaker"
        );
    }
    assert!(patterns.len() >= 10, "{patterns:?}");
    // The same words from several outlets are one quote with all appearances, first first.
    let shared = quotes
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .is_some_and(|t| t.starts_with("A teenager who learns"))
        })
        .expect("a shared quote");
    let times: Vec<&str> = shared["appearances"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["published"].as_str())
        .collect();
    assert!(
        times.len() >= 3 && times.windows(2).all(|w| w[0] <= w[1]),
        "{shared}"
    );
    // Not quotes: nicknames, show titles, scare quotes.
    let all = all_quotes(&client, json!({})).await;
    for n in gold["not_quotes"].as_array().into_iter().flatten() {
        let t = words(n["text"].as_str().unwrap_or_default());
        assert!(
            !all.iter()
                .any(|q| words(q["text"].as_str().unwrap_or_default()) == t),
            "not a quote: {n}"
        );
    }
    // Reported speech is kept apart from direct quotes. Without quote marks it is harder: at
    // least 80% of the gold statements, with the right speaker.
    let reported = all_quotes(&client, json!({ "kind": "reported" })).await;
    let gold_reported: Vec<&Value> = gold["reported_speech"]
        .as_array()
        .into_iter()
        .flatten()
        .collect();
    let missed: Vec<&&Value> = gold_reported
        .iter()
        .filter(|r| {
            let want = words(r["contains"].as_str().unwrap_or_default());
            !reported.iter().any(|q| {
                words(q["text"].as_str().unwrap_or_default()).contains(&want)
                    && q["speaker"] == r["speaker"]
            })
        })
        .collect();
    assert!(
        missed.len() * 5 <= gold_reported.len(),
        "reported speech missed: {missed:?}"
    );
    assert!(reported.iter().all(|q| q["kind"] == json!("reported")));
    // Speaker filter by surname; list_speakers for a story.
    let okafor = all_quotes(&client, json!({ "speaker": "Okafor" })).await;
    assert!(!okafor.is_empty() && okafor.iter().all(|q| q["speaker"] == json!("Lina Okafor")));
    assert!(
        okafor.iter().any(|q| q["role"]
            .as_str()
            .is_some_and(|r| r.contains("Harbor Authority"))),
        "{okafor:?}"
    );
    let story =
        call(&client, "list_stories", json!({ "entity": "Okafor" })).await["stories"][0]["id"]
            .clone();
    let speakers = call(&client, "list_speakers", json!({ "story_id": story })).await;
    let names: Vec<&str> = speakers["speakers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["name"].as_str())
        .collect();
    for n in ["Lina Okafor", "Ines Maro", "Piet Hollis", "Carla Denning"] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    client.cancel().await?;
    Ok(())
}

#[tokio::test]
async fn seed_quotes_and_reported_speech_match_gold() -> anyhow::Result<()> {
    let (Some(seeds), Some(gold)) = (seeds_dir(), shared_or_skip("eval/seeds/gold.json")) else {
        return Ok(());
    };
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold)?)?;
    let client = connect(&["--corpus", seeds.to_str().unwrap_or_default()]).await?;
    let direct = all_quotes(&client, json!({ "kind": "direct" })).await;
    let reported = all_quotes(&client, json!({ "kind": "reported" })).await;
    let partial = all_quotes(&client, json!({ "kind": "partial" })).await;
    let strip = |s: &str| norm(s).trim_end_matches(['.', ',']).to_string();
    for d in gold["direct_quotes"].as_array().into_iter().flatten() {
        let t = strip(d["text"].as_str().unwrap_or_default());
        assert!(
            direct
                .iter()
                .any(|q| strip(q["text"].as_str().unwrap_or_default()) == t
                    && q["speaker"] == d["speaker"]),
            "direct quote {d}"
        );
    }
    for r in gold["reported_speech"].as_array().into_iter().flatten() {
        let t = norm(r["contains"].as_str().unwrap_or_default());
        assert!(
            reported.iter().any(
                |q| norm(q["text"].as_str().unwrap_or_default()).contains(&t)
                    && q["speaker"] == r["speaker"]
            ),
            "reported speech {r}"
        );
    }
    for n in gold["not_quotes"].as_array().into_iter().flatten() {
        let t = strip(n["text"].as_str().unwrap_or_default());
        assert!(
            !direct
                .iter()
                .chain(&reported)
                .any(|q| strip(q["text"].as_str().unwrap_or_default()) == t),
            "not a quote: {n}"
        );
        for p in partial
            .iter()
            .filter(|q| strip(q["text"].as_str().unwrap_or_default()) == t)
        {
            assert_eq!(
                p["speaker"],
                json!("Zhang Chi"),
                "a partial quote only with its speaker: {p}"
            );
        }
    }
    client.cancel().await?;
    Ok(())
}

#[path = "../examples/common/polnear.rs"]
mod polnear;

/// Scores the extractor on PolNeAR records (direct and mixed quotes with a source, split pieces
/// merged, IoU >= 0.5) with the reference scorer in ../shared; None (skipped with a message)
/// without ../shared or python3.
fn score_polnear(files: &[&str], name: &str) -> Option<Value> {
    let scorer = shared_or_skip("eval/polnear/score_quotes.py")?;
    let mut paths = Vec::new();
    for f in files {
        paths.push(shared_or_skip(&format!("eval/polnear/{f}"))?);
    }
    if std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIPPED: python3 not found; the PolNeAR scorer needs it");
        return None;
    }
    let mut gold_text = String::new();
    for p in &paths {
        gold_text.push_str(&std::fs::read_to_string(p).expect("read PolNeAR split"));
    }
    let docs: Vec<Value> = gold_text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("PolNeAR line is JSON"))
        .collect();
    let results = polnear::extract_all(&docs);
    let (direct, _) = polnear::prediction_lines(&docs, results);
    let dir = temp_dir(name);
    let gold = dir.join("gold.jsonl");
    std::fs::write(&gold, &gold_text).expect("write gold");
    let pred = dir.join("direct.jsonl");
    let lines: Vec<String> = direct.iter().map(Value::to_string).collect();
    std::fs::write(&pred, lines.join("\n") + "\n").expect("write predictions");
    let out = std::process::Command::new("python3")
        .arg(&scorer)
        .arg(&gold)
        .arg(&pred)
        .args([
            "--kinds",
            "direct,mixed",
            "--require-source",
            "--merge-pieces",
        ])
        .output()
        .expect("run score_quotes.py");
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: Value = serde_json::from_slice(&out.stdout).expect("scorer prints JSON");
    eprintln!(
        "PolNeAR {files:?}, direct and mixed, IoU >= 0.5: {}",
        scores["iou50"]
    );
    eprintln!("({} articles)", docs.len());
    Some(scores["iou50"].clone())
}

fn figures(m: &Value) -> (f64, f64, f64) {
    (
        m["F1"].as_f64().unwrap_or_default(),
        m["speaker_acc"].as_f64().unwrap_or_default(),
        m["e2e_F1"].as_f64().unwrap_or_default(),
    )
}

/// The accuracy targets on PolNeAR dev (the part rules were first written against): quote F1
/// at least 0.90, speaker right in at least 90% of matches, end-to-end F1 at least 0.82.
#[test]
fn polnear_dev_meets_the_quote_targets() {
    let Some(m) = score_polnear(&["dev.jsonl"], "polnear-dev") else {
        return;
    };
    assert_eq!(
        m["gold"], 615,
        "PolNeAR dev has 615 direct and mixed attributions"
    );
    let (f1, spk, e2e) = figures(&m);
    assert!(f1 >= 90.0, "quote F1 {f1} < 90.0: {m}");
    assert!(spk >= 90.0, "speaker accuracy {spk} < 90.0: {m}");
    assert!(e2e >= 82.0, "end-to-end F1 {e2e} < 82.0: {m}");
}

/// The floor under the figure that counts: all 924 PolNeAR train+dev articles, the pool of the
/// five folds of `eval/quotes_cv.py` (rules are the same for every fold, so the pool is the
/// cross-validated figure). Measured 87.2 / 94.5% / 82.4 when this was written; a change that
/// loses more than half a point fails here.
#[test]
fn polnear_train_and_dev_hold_the_cross_validated_floor() {
    let Some(m) = score_polnear(&["train.jsonl", "dev.jsonl"], "polnear-cv") else {
        return;
    };
    assert_eq!(
        m["gold"], 5712,
        "PolNeAR train+dev: 5,712 direct and mixed attributions"
    );
    let (f1, spk, e2e) = figures(&m);
    assert!(f1 >= 86.7, "quote F1 {f1} < 86.7: {m}");
    assert!(spk >= 93.9, "speaker accuracy {spk} < 93.9: {m}");
    assert!(e2e >= 81.8, "end-to-end F1 {e2e} < 81.8: {m}");
}

/// A split quote interrupted by a participle phrase is one quote; a quote after "adding" is a
/// second statement of the same speaker, kept apart through the quote book and get_quotes.
#[tokio::test]
async fn participle_split_and_adding_through_mcp() -> anyhow::Result<()> {
    let dir = temp_dir("participle-quotes");
    std::fs::write(
        dir.join("harbour.md"),
        "# Harbour levy vote delayed\n\n\
         The Velan harbour board delayed its vote on the levy on Monday.\n\n\
         \u{201C}Every time you say that,\u{201D} board member Ruth Oduya said, referring to the \
         budget excuse, \u{201C}you hand the critics an argument.\u{201D}\n\n\
         \u{201C}We cannot afford another delay,\u{201D} chair Dara Quill said, adding later, \
         \u{201C}The levy costs the port a fortune.\u{201D}\n",
    )?;
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let quotes = all_quotes(&client, json!({ "kind": "direct" })).await;
    let got: Vec<(String, String, usize)> = quotes
        .iter()
        .map(|q| {
            (
                q["text"].as_str().unwrap_or_default().to_string(),
                q["speaker"].as_str().unwrap_or("-").to_string(),
                q["appearances"][0]["pieces"].as_array().map_or(1, Vec::len),
            )
        })
        .collect();
    let want = [
        (
            "Every time you say that you hand the critics an argument.",
            "Ruth Oduya",
            2,
        ),
        ("We cannot afford another delay", "Dara Quill", 1),
        ("The levy costs the port a fortune.", "Dara Quill", 1),
    ];
    for (text, speaker, pieces) in want {
        assert!(
            got.iter()
                .any(|g| g.0 == text && g.1 == speaker && g.2 == pieces),
            "missing {text:?} by {speaker} in {pieces} piece(s): {got:?}"
        );
    }
    assert_eq!(got.len(), 3, "{got:?}");
    client.cancel().await?;
    Ok(())
}

/// Speakers as people (issue 19): a job title before a name goes to `role`, a later surname or
/// role description ("the authority's general manager") is the person introduced earlier, a role
/// in apposition before a name ("The union's president, Dolores Vance,") is that person's role,
/// "X rejected ..., saying ..." is reported speech, and a headline's common-noun subject is
/// not a speaker of its own. Two outlets tell the story; one speaker, one name, across both.
#[tokio::test]
async fn speakers_are_people_with_roles_through_mcp() -> anyhow::Result<()> {
    let dir = temp_dir("speakers-people");
    std::fs::write(
        dir.join("fares-ledger.md"),
        "# Transit fares to rise as council debates budget\n\n\
         Transit authority general manager Frank Oyelaran announced on Monday that fares would \
         rise by 40 cents in March.\n\n\
         \u{201C}I understand the frustration,\u{201D} Oyelaran said. \u{201C}Nobody likes paying \
         more.\u{201D}\n\n\
         Councilmember Ravi Anand called the increase a mistake. \u{201C}This hits the people who \
         can least afford it,\u{201D} Councilmember Ravi Anand said.\n\n\
         Nurse Abigail Trent, who rides the bus to the hospital every night, said the change would \
         cost her more than $200 a year.\n\n\
         The fare rise is needed to keep the buses running, the authority's general manager said.\n\n\
         The union's president, Dolores Vance, rejected the plan, saying it would push riders \
         away.\n\n\
         \u{201C}We will fight this,\u{201D} Vance said.\n",
    )?;
    std::fs::write(
        dir.join("fares-courier.md"),
        "# A transit chief says fares must rise\n\n\
         Fares on the city's buses will rise by 40 cents in March, the transit authority said on \
         Monday.\n\n\
         \u{201C}Nobody likes paying more,\u{201D} said Frank Oyelaran, the authority's general \
         manager.\n\n\
         During a heated council session on Monday evening, Anand questioned the timing, calling \
         the rise \u{201C}a tax on the night shift.\u{201D}\n",
    )?;
    let client = connect(&["--corpus", dir.to_str().unwrap_or_default()]).await?;
    let mut quotes = all_quotes(&client, json!({})).await;
    quotes.extend(all_quotes(&client, json!({ "kind": "partial" })).await);
    let by_text = |needle: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().is_some_and(|t| t.contains(needle)))
            .cloned()
            .unwrap_or_else(|| panic!("no quote with {needle:?}: {quotes:#?}"))
    };
    let cases = [
        (
            "I understand the frustration",
            "Frank Oyelaran",
            Some("general manager"),
        ),
        ("This hits the people", "Ravi Anand", Some("Councilmember")),
        ("cost her more than $200", "Abigail Trent", Some("Nurse")),
        (
            "keep the buses running",
            "Frank Oyelaran",
            Some("general manager"),
        ),
        (
            "push riders away",
            "Dolores Vance",
            Some("union's president"),
        ),
        (
            "We will fight this",
            "Dolores Vance",
            Some("union's president"),
        ),
        ("a tax on the night shift", "Ravi Anand", None),
    ];
    for (needle, speaker, role) in cases {
        let q = by_text(needle);
        assert_eq!(q["speaker"], speaker, "{needle}: {q:#}");
        if let Some(role) = role {
            let got = q["role"].as_str().unwrap_or_default();
            assert!(got.contains(role), "{needle}: role {got:?}, want {role:?}");
        }
    }
    // the same words from two outlets are one quote by one person
    let nobody = by_text("Nobody likes paying more");
    assert_eq!(nobody["speaker"], "Frank Oyelaran");
    assert_eq!(nobody["appearance_count"], 2, "{nobody:#}");
    // no speaker keeps a title in the name, and no common-noun headline subject is a speaker
    for q in &quotes {
        let s = q["speaker"].as_str().unwrap_or_default();
        assert!(
            !s.starts_with("Councilmember") && !s.starts_with("Nurse") && !s.contains("chief"),
            "speaker with a title in the name: {q:#}"
        );
    }
    // the mention of a pronoun-free later reference is the words at the cue
    let later = by_text("keep the buses running");
    let m = &later["appearances"][0]["speaker_mention"];
    assert_eq!(m["text"], "the authority's general manager", "{later:#}");
    client.cancel().await?;
    Ok(())
}
