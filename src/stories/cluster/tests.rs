//! Unit tests of story clustering: planted stories, look-alike events, order independence, the
//! word scan and the stop words.

use super::terms::scan;
use super::*;
use std::collections::HashMap;

fn doc<'a>(title: &'a str, lead: &'a str, day: i64) -> Doc<'a> {
    Doc {
        title,
        lead,
        slug: "",
        published: Some(day * 86_400),
        same_as: None,
    }
}

fn same_partition(a: &[usize], b: &[usize]) -> bool {
    let mut ab: HashMap<usize, usize> = HashMap::new();
    let mut ba: HashMap<usize, usize> = HashMap::new();
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(&x, &y)| *ab.entry(x).or_insert(y) == y && *ba.entry(y).or_insert(x) == x)
}

fn docs() -> Vec<Doc<'static>> {
    vec![
        doc(
            "Council approves river bridge plan",
            "The Ridgeford council approved the river bridge plan on Monday.",
            10,
        ),
        doc(
            "River bridge plan wins council vote",
            "Ridgeford's council voted for the river bridge plan.",
            10,
        ),
        doc(
            "Orbitel launches weather satellite",
            "Orbitel launched its first weather satellite from Sandvik.",
            10,
        ),
        doc(
            "Council approves river bridge plan",
            "The Ridgeford council approved the river bridge plan again.",
            40,
        ),
        doc("Mt. Gox files for US bankruptcy protection", "", 60),
        doc(
            "Bitcoin exchange Mt. Gox seeks U.S. bankruptcy relief",
            "",
            60,
        ),
        doc("Lena Dunham apologizes for joke on Twitter", "", 60),
    ]
}

#[test]
fn groups_the_same_event_and_keeps_others_apart_in_any_order() {
    let docs = docs();
    let a = cluster_all(&docs, &Params::default()).labels;
    assert_eq!(a[0], a[1]);
    assert_ne!(a[0], a[2]);
    assert_ne!(a[0], a[3], "a month later is another story");
    assert_eq!(a[4], a[5], "headlines of one event");
    assert_ne!(a[4], a[6]);
    for rot in 1..docs.len() {
        let mut shuffled = docs.clone();
        shuffled.rotate_left(rot);
        shuffled.swap(0, 3);
        let b = cluster_all(&shuffled, &Params::default()).labels;
        // Back to the original order: original i sits at the position it was moved to.
        let mut idx: Vec<usize> = (0..docs.len()).collect();
        idx.rotate_left(rot);
        idx.swap(0, 3);
        let mut back = vec![0; docs.len()];
        for (p, &i) in idx.iter().enumerate() {
            back[i] = b[p];
        }
        assert!(same_partition(&a, &back), "rotation {rot}");
    }
}

#[test]
fn near_duplicates_share_the_canonical_story() {
    let mut docs = docs();
    docs.push(Doc {
        same_as: Some(2),
        ..doc("Unrelated words entirely", "Nothing in common here.", 10)
    });
    let a = cluster_all(&docs, &Params::default()).labels;
    assert_eq!(a[7], a[2]);
}

#[test]
fn adding_one_document_joins_its_story_or_opens_a_new_one() {
    let docs = docs();
    let Clustered {
        clusterer: mut c,
        labels,
        ..
    } = cluster_all(&docs, &Params::default());
    let before = c.story_count();
    let joined = c.add(&doc(
        "Ridgeford council backs river bridge plan",
        "Councillors in Ridgeford backed the river bridge plan.",
        11,
    ));
    assert_eq!(joined, labels[0]);
    assert_eq!(c.story_count(), before);
    let fresh = c.add(&doc(
        "Marrow fishing quota cut",
        "The Marrow fishery quota was cut by a third.",
        11,
    ));
    assert!(!labels.contains(&fresh));
    assert_eq!(c.story_count(), before + 1);
    assert_eq!(c.story_of(c.len() - 1), Some(fresh));
    // A near-duplicate joins its canonical doc's story whatever it says.
    let copy = Doc {
        same_as: Some(c.len() - 1),
        ..doc("Unrelated words entirely", "Nothing in common here.", 12)
    };
    assert_eq!(c.add(&copy), fresh);
    // Undated documents can still meet dated ones.
    let undated = Doc {
        published: None,
        ..doc(
            "Orbitel weather satellite launch",
            "Orbitel launched a weather satellite from Sandvik.",
            0,
        )
    };
    assert_eq!(c.add(&undated), labels[2]);
}

#[test]
fn tokens_are_normalised() {
    let mut t: Vec<String> = Vec::new();
    scan(
        "The U.S. parties' tapering: O'Malley's debates",
        |w, _, _| t.push(w.to_string()),
    );
    assert_eq!(t, ["us", "party", "taper", "omalley", "debate"]);
    let words: Vec<&str> = crate::lang::STOPWORDS.entries().collect();
    assert!(words.windows(2).all(|w| w[0] < w[1]), "sorted");
}

#[test]
fn overrides_are_checked() {
    let p = Params::default()
        .with_overrides("threshold=0.3 window_hours=48")
        .unwrap_or_default();
    assert_eq!((p.threshold, p.window_hours), (0.3, 48));
    assert!(Params::default().with_overrides("nope=1").is_err());
    assert!(Params::default().with_overrides("threshold=x").is_err());
}

fn headline<'a>(title: &'a str, slug: &'a str) -> Doc<'a> {
    Doc {
        slug,
        ..doc(title, "", 60)
    }
}

#[test]
fn headlines_meet_through_their_url_slugs() {
    let docs = [
        headline(
            "Justin Dirty Dances With Selena",
            "justin-bieber-dirty-dances-with-selena-gomez",
        ),
        headline(
            "Selena spotted with pop star at party",
            "bieber-and-gomez-spotted-at-party",
        ),
        headline("Council approves river bridge plan", "council-bridge-plan"),
    ];
    let with = cluster_all(&docs, &Params::default()).labels;
    assert_eq!(with[0], with[1]);
    assert_ne!(with[0], with[2]);
    let without = Params {
        slug_weight: 0.0,
        ..Params::default()
    };
    let a = cluster_all(&docs, &without).labels;
    assert_ne!(a[0], a[1], "the headlines alone share one word");
}

#[test]
fn one_shared_word_is_a_topic_not_an_event() {
    let docs = [
        headline("Google unveils wearables kit for developers", ""),
        headline("Google pays firms for business app referrals", ""),
        headline("Council approves river bridge plan", ""),
    ];
    let a = cluster_all(&docs, &Params::default()).labels;
    assert_ne!(a[0], a[1]);
    let loose = Params {
        min_shared: 1,
        ..Params::default()
    };
    let b = cluster_all(&docs, &loose).labels;
    assert_eq!(b[0], b[1], "one shared name alone would join them");
}

/// Ten fictional reports of two earthquakes: the same vocabulary, different places, people
/// and tolls.
fn two_quakes() -> Vec<(String, String)> {
    let common = "A strong earthquake of magnitude six struck the province before dawn, \
                  collapsing houses and damaging roads, bridges and schools. Rescue teams \
                  searched the rubble through the night and residents slept outside in tents \
                  as aftershocks shook the region.";
    let mut out = Vec::new();
    for (place, person, town, toll) in [
        ("Varnholt", "Ilse Brandauer", "Keswick", "212"),
        ("Oruna", "Tomas Achterberg", "Pellago", "147"),
    ] {
        for k in 0..5 {
            out.push((
                format!("Earthquake in {place} province kills {toll}, report {k}"),
                format!(
                    "{common} In {place}, governor {person} said {toll} people had died in \
                     {town} and nearby villages. {person} visited {town} on the day. \
                     Officials in {place} said the toll of {toll} could rise."
                ),
            ));
        }
    }
    out
}

/// Docs without a publication time, from (title, lead) pairs.
fn undated(texts: &[(String, String)]) -> Vec<Doc<'_>> {
    texts
        .iter()
        .map(|(t, l)| Doc {
            published: None,
            ..doc(t, l, 0)
        })
        .collect()
}

#[test]
fn two_events_of_the_same_kind_are_two_stories() {
    let texts = two_quakes();
    let docs = undated(&texts);
    let split = cluster_all(&docs, &Params::default()).labels;
    assert!(
        same_partition(&split, &[0, 0, 0, 0, 0, 1, 1, 1, 1, 1]),
        "{split:?}"
    );
    let unsplit = Params {
        split_threshold: 0.0,
        ..Params::default()
    };
    let one = cluster_all(&docs, &unsplit).labels;
    assert!(
        one.iter().all(|&c| c == one[0]),
        "without the event split the shared vocabulary joins them: {one:?}"
    );
}

#[test]
fn one_event_is_not_split() {
    // One earthquake told ten times, each report quoting a different resident.
    let base = two_quakes();
    let texts: Vec<(String, String)> = [
        "Anna Lindqvist",
        "Bruno Okafor",
        "Carla Mendes",
        "Dario Feld",
        "Edith Sarr",
        "Farid Haddou",
        "Greta Voss",
        "Hugo Tamm",
        "Irma Kovac",
        "Jonas Petrak",
    ]
    .iter()
    .enumerate()
    .map(|(k, who)| {
        let (t, l) = &base[k % 5];
        (
            t.clone(),
            format!("{l} \"We lost everything,\" said resident {who}."),
        )
    })
    .collect();
    let docs = undated(&texts);
    let labels = cluster_all(&docs, &Params::default()).labels;
    assert!(labels.iter().all(|&c| c == labels[0]), "{labels:?}");
}

fn at<'a>(title: &'a str, lead: &'a str, hours: i64) -> Doc<'a> {
    Doc {
        published: Some(1_400_000_000 + hours * 3600),
        ..doc(title, lead, 0)
    }
}

#[test]
fn headlines_after_a_long_pause_are_another_story_articles_are_not() {
    let titles = [
        "Titanfall servers crash on Xbox One launch night",
        "Titanfall launch night: Xbox One servers crash",
    ];
    let lead = "Respawn said the Titanfall servers for Xbox One crashed on launch night.";
    for (lead, apart) in [("", true), (lead, false)] {
        let docs = [
            at(titles[0], lead, 0),
            at(titles[1], lead, 0),
            at(titles[0], lead, 26),
            at(titles[1], lead, 26),
        ];
        let a = cluster_all(&docs, &Params::default()).labels;
        assert_eq!((a[0] == a[1], a[2] == a[3]), (true, true), "lead {lead:?}");
        assert_eq!(a[0] != a[2], apart, "lead {lead:?}");
        // Within the headline window they are one story.
        let near = [docs[0], docs[1], at(titles[0], lead, 10)];
        let b = cluster_all(&near, &Params::default()).labels;
        assert!(b[0] == b[1] && b[1] == b[2], "lead {lead:?}");
    }
}

#[test]
fn stories_outside_the_window_do_not_take_the_candidate_places() {
    // One candidate place: the old story shares more of the new article's words but ended
    // two days before it; the recent one is within the window and must get the place.
    let params = Params::default()
        .with_overrides("max_candidates=1")
        .unwrap();
    let lead_old = "The Ridgeford council approved the river bridge plan and its toll.";
    let lead_new = "The Ridgeford council debated the river bridge plan again.";
    let docs = [
        at("Council approves river bridge plan and toll", lead_old, 0),
        at("Council approves river bridge toll plan", lead_old, 1),
        at("Council debates river bridge plan", lead_new, 60),
        at("Council approves river bridge toll plan", lead_old, 62),
    ];
    let a = cluster_all(&docs, &params).labels;
    assert_eq!(a[0], a[1]);
    assert_ne!(a[0], a[2], "two days apart");
    assert_eq!(a[2], a[3], "the story within the window takes the article");
}
