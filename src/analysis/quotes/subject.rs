//! The subject at the start of a sentence: past a dateline ("WASHINGTON \u{2014}"), discourse
//! words and an introductory phrase ("Speaking in Salem, ..."), a role and a name in apposition
//! or a capitalised run read back from its end; the speaker of a participle or a colon intro.

use super::*;

/// The subject at the start of a sentence (before `lim`), e.g. "Kasich" in "Kasich bemoaned
/// ..., saying".
pub(super) fn subject_at_start(c: &Doc, u: &[Unit], lim: usize) -> Option<NounPhrase> {
    let l = lexicon();
    let mut k = dateline_end(c, u, lim);
    // skip discourse words and an introductory phrase ending in a comma
    while k < lim
        && c.word(u[k])
            .is_some_and(|x| l.discourse.contains(x.to_lowercase().as_str()))
    {
        k += 1;
    }
    let fw = c.lower_word(u[k]).unwrap_or_default();
    let opener = l.stop_fwd.contains(fw.as_str())
        || l.never_name.contains(fw.as_str())
        || (fw.ends_with("ing") && fw.len() > 4 && c.is_capitalised(u[k]));
    if opener {
        // an introductory phrase ("In declaring ..., the pope", "Speaking in Salem, New
        // Hampshire, Trump"): the subject follows the comma after which a name or a pronoun
        // starts a clause
        k = intro_end(c, u, k, lim)?;
    }
    if k >= lim {
        return None;
    }
    let w = c.lower_word(u[k])?;
    if matches!(w.as_str(), "he" | "she" | "they" | "i" | "we") {
        return np_back(c, u, k, k);
    }
    if l.det.contains(w.as_str())
        && let Some(np) = role_then_name(c, u, k, lim)
    {
        return Some(np);
    }
    // extend over a capitalised run (with determiners / lowercase role words up to the first verb-like word)
    let mut e = k;
    while e < lim && e < k + 8 {
        let Some(x) = c.word(u[e]) else {
            // the dot of a title or an initial inside the name ("Retired Army Col. Lawrence
            // Wilkerson", "Donald J. Trump")
            let abbreviated = e > k
                && c.is_punct(u[e], ".")
                && c.word(u[e - 1]).is_some_and(|p| {
                    (p.chars().count() == 1 && c.is_capitalised(u[e - 1]))
                        || crate::lang::ABBREVIATIONS.contains(p.to_lowercase().as_str())
                })
                && e + 1 < lim
                && c.is_capitalised(u[e + 1]);
            if abbreviated {
                e += 1;
                continue;
            }
            break;
        };
        let lx = x.to_lowercase();
        // a lowercase word right after a name that is no role, determiner or particle is
        // its verb ("Hillary Clinton spoke out ...")
        let verb_after_name = e > k
            && c.is_capitalised(u[e - 1])
            && !l.role.contains(lx.as_str())
            && !l.det.contains(lx.as_str())
            && !l.particles.contains(lx.as_str());
        if !c.is_capitalised(u[e])
            && (verb_after_name
                || l.aux.contains(lx.as_str())
                || lx.ends_with("ed")
                || l.cue_bare.contains(lx.as_str())
                || l.cue_that.contains(lx.as_str())
                || l.cue_quote.contains(lx.as_str()))
        {
            break;
        }
        e += 1;
    }
    if e == k {
        return None;
    }
    np_back(c, u, e - 1, k).filter(|n| n.start <= k + 4)
}

/// Where a sentence starts after a dateline ("WASHINGTON \u{2014}", "Washington (AFP) \u{2013}"):
/// the unit after a dash that only capitalised words, a parenthesis and commas come before, in
/// the first 8 units; 0 when there is none.
fn dateline_end(c: &Doc, u: &[Unit], lim: usize) -> usize {
    const DASHES: [&str; 4] = ["\u{2014}", "\u{2013}", "\u{2015}", "-"];
    for i in 1..lim.min(8) {
        if DASHES.iter().any(|d| c.is_punct(u[i], d)) {
            let before_ok = (0..i).all(|x| {
                c.is_capitalised(u[x]) || [",", "(", ")", "."].iter().any(|p| c.is_punct(u[x], p))
            });
            return if before_ok && c.is_capitalised(u[0]) {
                i + 1
            } else {
                0
            };
        }
        if c.word(u[i]).is_some() && !c.is_capitalised(u[i]) {
            return 0;
        }
    }
    0
}

/// A subject made of a role and a name in apposition: "The union's president, Dolores Vance,
/// rejected ...": the name, with the role phrase as its role.
fn role_then_name(c: &Doc, u: &[Unit], k: usize, lim: usize) -> Option<NounPhrase> {
    let cm = (k + 1..lim.min(k + 8)).find(|&i| c.is_punct(u[i], ","))?;
    if (k..cm).any(|i| c.word(u[i]).is_none()) {
        return None;
    }
    let mut e = cm + 1;
    while e < lim && c.is_capitalised(u[e]) {
        e += 1;
    }
    if e == cm + 1 || e >= lim || !c.is_punct(u[e], ",") {
        return None;
    }
    let mut np = np_back(c, u, e - 1, cm + 1).filter(|n| n.kind == PhraseKind::Name)?;
    let (a, _) = c.span(u[k]);
    let (_, b) = c.span(u[cm - 1]);
    np.role = Some(c.text[a..b].to_string());
    np.start = k;
    Some(np)
}

/// Where the clause after an introductory phrase starting at `k` begins: just past the first
/// comma (or quote ending in a comma) that a pronoun or a name followed by a lowercase word comes
/// after, within 60 units and before `lim`.
fn intro_end(c: &Doc, u: &[Unit], k: usize, lim: usize) -> Option<usize> {
    let l = lexicon();
    let ends_in_comma = |x: Unit| match x {
        Unit::Quote(q) => c.text[c.spans[q].content_start..c.spans[q].content_end]
            .trim_end()
            .ends_with(','),
        _ => [",", "\u{2014}", "\u{2015}"]
            .iter()
            .any(|p| c.is_punct(x, p)),
    };
    (k + 1..lim.min(k + 60)).find_map(|cm| {
        if !ends_in_comma(u[cm]) || cm + 1 >= lim {
            return None;
        }
        let first = c.lower_word(u[cm + 1])?;
        if matches!(first.as_str(), "he" | "she" | "they" | "i" | "we" | "the") {
            return Some(cm + 1);
        }
        if !c.is_capitalised(u[cm + 1]) || l.never_name.contains(first.as_str()) {
            return None;
        }
        let mut e = cm + 1;
        while e < lim && c.is_capitalised(u[e]) {
            e += 1;
        }
        (e < lim
            && c.word(u[e])
                .is_some_and(|w| !c.is_capitalised(u[e]) && w.chars().all(char::is_alphabetic)))
        .then_some(cm + 1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_follows_a_dateline_and_an_introductory_phrase() {
        with_units("WASHINGTON \u{2014} Sen. Ann Lee said it.", |doc, units| {
            let np = subject_at_start(doc, units, units.len()).expect("a subject");
            assert_eq!(np.name_words, vec!["Ann", "Lee"]);
        });
        with_units("Speaking in Salem, Trump went after Bush.", |doc, units| {
            let np = subject_at_start(doc, units, units.len()).expect("a subject");
            assert_eq!(np.name_words, vec!["Trump"]);
        });
    }

    #[test]
    fn a_role_in_apposition_before_the_name() {
        with_units(
            "The union's president, Dolores Vance, rejected it.",
            |doc, units| {
                let np = subject_at_start(doc, units, units.len()).expect("a subject");
                assert_eq!(np.name_words, vec!["Dolores", "Vance"]);
                assert_eq!(np.role.as_deref(), Some("The union's president"));
                assert_eq!(np.start, 0);
            },
        );
    }

    #[test]
    fn no_dateline_without_a_dash_early_on() {
        with_units("Lee said it.", |doc, units| {
            assert_eq!(dateline_end(doc, units, units.len()), 0);
        });
        with_units("PARIS (AFP) \u{2014} Lee said it.", |doc, units| {
            assert_eq!(dateline_end(doc, units, units.len()), 5);
        });
    }
}
