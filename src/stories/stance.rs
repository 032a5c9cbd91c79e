//! Stance: a story's central claim (from its headline and lead) and each speaker's relation to it
//! (supports, disputes, other, or unclear), read from the signals the articles themselves give:
//! who holds the claim, who made the decision a story reports, headlines that say who welcomes or
//! fights it, the article's own markers ("by contrast", "disagreed", "echoed", "welcomed", "a more
//! nuanced view"), frames set by group sentences ("Others say ...", "X's view contrasts sharply
//! with ..."), and the polarity of each speaker's statements (with negation) against the claim.
//! Markers that relate two speakers become same/opposite edges; sides flow along them from the
//! speakers placed directly. Without enough evidence the side is "unclear".

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::content_words;
use super::statement::{Side, Statement};
use crate::analysis::quotes::QuoteKind;
use crate::analysis::sentences::Sentence;
use crate::model::{Article, Span};
use crate::text;

/// The story's central claim.
#[derive(Clone, Debug)]
pub struct Claim {
    /// The claim in short: the headline's reported clause ("X says <claim>"), else the lead sentence.
    pub text: String,
    /// True when `text` comes from the headline (then `evidence` is the body sentence that states it).
    pub from_headline: bool,
    /// Who the headline or lead attributes the claim to ("A former ByteDance engineer"), if anyone.
    pub holder: Option<String>,
    /// An attributed or evaluative claim ("X says Y", "Y, study finds") rather than an event
    /// ("council approves plan"), where the claim is that the decision is right.
    pub assertion: bool,
    /// +1, or -1 for a claim worded negatively ("far behind", "collapsing"): statements are read
    /// against it.
    pub polarity: i32,
    /// For an event: the noun phrase that acts in the lead sentence ("The Velan Harbor Authority").
    pub actor: Option<String>,
    /// The body sentence that states it, verbatim with its span.
    pub evidence: Statement,
}

// ------------------------------------------------------------------------------------------------
// Word lists

/// Evaluative words (not quantities: "cut", "fall", "more" depend on what is counted).
const POSITIVE: &[&str] = &[
    "good",
    "great",
    "better",
    "best",
    "excellent",
    "benefit",
    "benefits",
    "beneficial",
    "gain",
    "gains",
    "improve",
    "improves",
    "improved",
    "improving",
    "improvement",
    "protect",
    "protects",
    "protecting",
    "fair",
    "fairly",
    "safe",
    "safer",
    "safely",
    "win",
    "wins",
    "winning",
    "welcome",
    "welcomed",
    "welcomes",
    "hope",
    "hopeful",
    "chance",
    "opportunity",
    "opportunities",
    "success",
    "successful",
    "succeed",
    "strong",
    "stronger",
    "strength",
    "boost",
    "boosts",
    "thrive",
    "thriving",
    "advantage",
    "advantages",
    "progress",
    "ahead",
    "overtake",
    "surpass",
    "cheaper",
    "affordable",
    "encouraging",
    "promising",
    "balanced",
    "reasonable",
    "proud",
    "delighted",
    "pleased",
    "happy",
    "glad",
    "vital",
    "essential",
    "worth",
    "valuable",
    "efficient",
    "reliable",
    "secure",
    "confident",
    "optimistic",
    "brilliant",
    "breakthrough",
    "effective",
    "revive",
    "revival",
    "recover",
    "recovery",
    "help",
    "helps",
    "helped",
    "support",
    "supports",
    "save",
    "saves",
    "savings",
    "right",
    "positive",
    "healthy",
    "sensible",
    "wise",
    "justified",
    "deserve",
    "deserves",
    "celebrate",
    "proven",
    "robust",
    "sound",
    "landmark",
    "historic",
];
const NEGATIVE: &[&str] = &[
    "bad",
    "worse",
    "worst",
    "poor",
    "poorer",
    "weak",
    "weaker",
    "weakest",
    "fail",
    "fails",
    "failed",
    "failing",
    "failure",
    "failures",
    "harm",
    "harms",
    "harmed",
    "harmful",
    "hurt",
    "hurts",
    "damage",
    "damaged",
    "damaging",
    "risk",
    "risks",
    "risky",
    "danger",
    "dangerous",
    "threat",
    "threaten",
    "threatens",
    "threatened",
    "lose",
    "loses",
    "losing",
    "lost",
    "loss",
    "losses",
    "ignore",
    "ignored",
    "ignores",
    "ignoring",
    "collapse",
    "collapsed",
    "collapsing",
    "crisis",
    "behind",
    "lag",
    "lags",
    "lagging",
    "decline",
    "declined",
    "declining",
    "shortage",
    "shortfall",
    "delay",
    "delays",
    "delayed",
    "empty",
    "unfair",
    "unfairly",
    "waste",
    "wasted",
    "wasteful",
    "destroy",
    "destroyed",
    "destroying",
    "devastating",
    "disaster",
    "disastrous",
    "problem",
    "problems",
    "worried",
    "worry",
    "worries",
    "fear",
    "fears",
    "afraid",
    "expensive",
    "costly",
    "suffer",
    "suffers",
    "suffering",
    "struggle",
    "struggles",
    "struggling",
    "wrong",
    "mistake",
    "reckless",
    "rushed",
    "insult",
    "disgrace",
    "unsafe",
    "unproven",
    "polluted",
    "erode",
    "eroding",
    "diminish",
    "hinder",
    "hinders",
    "detrimental",
    "disadvantage",
    "disadvantages",
    "underperform",
    "shortcomings",
    "ruin",
    "ruined",
    "scandal",
    "chaos",
    "betrayal",
    "betrayed",
    "misleading",
    "exaggerated",
    "overstated",
    "flawed",
    "doubt",
    "doubts",
    "doubtful",
    "unlikely",
    "impossible",
    "cracks",
    "bankrupt",
    "vulnerable",
    "unaffordable",
    "burden",
    "negative",
    "pointless",
    "useless",
    "dangerously",
    "alarming",
    "worse-off",
    "unjust",
    "irresponsible",
    "catastrophic",
    "catastrophe",
    "deteriorate",
    "deteriorating",
    "stagnate",
    "hit",
    "hits",
];
/// Multi-word expressions, checked before single words.
const PHRASES: &[(&str, i32)] = &[
    ("most at risk", 0),
    ("at-risk", 0),
    ("catch up", 1),
    ("catching up", 1),
    ("caught up", 1),
    ("closing the gap", 1),
    ("close the gap", 1),
    ("pull ahead", 1),
    ("pay for itself", 1),
    ("keep the lights on", 1),
    ("bring work back", 1),
    ("back to life", 1),
    ("falling behind", -1),
    ("far behind", -1),
    ("wipe out", -1),
    ("pay for it", -1),
    ("pay the price", -1),
    ("on hold", -1),
    ("too late", -1),
    ("too little", -1),
    ("fall short", -1),
    ("falls short", -1),
    ("fell short", -1),
    ("gap is getting larger", -1),
    ("gap is widening", -1),
];
const NEGATORS: &[&str] = &[
    "not", "no", "never", "cannot", "nobody", "nothing", "none", "neither", "nor", "without",
    "hardly", "barely", "little",
];
/// A statement that weighs both sides or withholds judgement.
const HEDGES: &[&str] = &[
    "not yet convinced",
    "not convinced",
    "too early to",
    "remains to be seen",
    "it depends",
    "depends on whether",
    "depends on what",
    "depends on how",
    "depends mostly on",
    "mixed",
    "on the one hand",
    "both sides",
    "both things are true",
    "either way",
    "may help, it may not",
    "far from settled",
];
const CONCESSIVE: &[&str] = &[
    " but ",
    " however",
    " although ",
    " though ",
    " yet ",
    " while ",
];

/// Article markers that place the person they name. Checked outside quotation marks.
const ABS_SUPPORT: &[&str] = &[
    "welcomed",
    "welcomes",
    "welcoming",
    "defended",
    "defends",
    "defending",
    "praised",
    "praises",
    "hailed",
    "hails",
    "celebrated",
    "celebrates",
    "backed the",
    "backs the",
    "stood by",
    "stands by",
    "championed",
    "voted for",
    "argued for",
    "campaigned for",
    "led the campaign for",
    "proposed the",
];
const ABS_DISPUTE: &[&str] = &[
    "vowed to fight",
    "vow to fight",
    "vows to fight",
    "vowed to appeal",
    "vows to appeal",
    "would appeal",
    "will appeal",
    "to appeal against",
    "challenge the decision",
    "challenge it in court",
    "judicial review",
    "voted against",
    "opposed the",
    "opposes the",
    "condemned",
    "condemns",
    "criticised the",
    "criticized the",
    "criticises the",
    "criticizes the",
    "slammed",
    "attacked the",
    "to be scrapped",
    "to be blocked",
    "block the deal",
    "to reverse the",
    "petition against",
    "protested",
    "remained opposed",
    "remains opposed",
    "unmoved",
    "unconvinced",
    "lined up against",
    "line up against",
    "fought the plan",
    "has fought",
];
const ABS_OTHER: &[&str] = &[
    "more nuanced",
    "more cautious view",
    "more measured",
    "middle view",
    "middle ground",
    "takes another view",
    "take another view",
    "a different view",
    "both sides",
    "not yet convinced",
    "cautiously",
    "undecided",
    "was mixed",
    "were mixed",
    "is mixed",
    "too early to",
];
/// Markers that set a person against another (the one named after the marker, or the previous speaker).
const REL_OPPOSITE: &[&str] = &[
    "by contrast",
    "in contrast",
    "contrasts sharply",
    "contrasts with",
    "stands in stark contrast",
    "stands in contrast",
    "in stark contrast",
    "disagreed",
    "disagrees",
    "disagreeing",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "disputed",
    "disputes",
    "pushed back",
    "hit back",
    "countered",
    "took issue",
    "takes issue",
    "was less forgiving",
    "is less forgiving",
    "more optimistic view",
    "more pessimistic view",
    "more sceptical view",
    "more skeptical view",
    "others say",
    "others argue",
    "others believe",
    "others insist",
    "others disagree",
    "not everyone agrees",
    "not everyone is convinced",
    "opponents say",
    "questioned the",
    "questions the",
];
const REL_SAME: &[&str] = &[
    "agreed",
    "agrees",
    "agreeing",
    "echoed",
    "echoes",
    "echoing",
    "sided with",
    "shared the concern",
    "shares the concern",
    "joined the criticism",
    "similarly",
    "likewise",
];
/// Group subjects with a known side ("Critics say ...").
/// Matchers for the marker lists above, in the order REL_OPPOSITE, REL_SAME, ABS_SUPPORT,
/// ABS_DISPUTE, ABS_OTHER.
static MARKERS: LazyLock<[Phrases; 5]> = LazyLock::new(|| {
    [
        Phrases::new(REL_OPPOSITE),
        Phrases::new(REL_SAME),
        Phrases::new(ABS_SUPPORT),
        Phrases::new(ABS_DISPUTE),
        Phrases::new(ABS_OTHER),
    ]
});

const GROUP_DISPUTE: &[&str] = &["critics", "opponents", "sceptics", "skeptics", "detractors"];
const GROUP_SUPPORT: &[&str] = &["supporters", "proponents", "backers", "advocates"];
/// Words that make a sentence about a group of people ("many of whom say", "other voices").
const GROUP_WORDS: &[&str] = &[
    "others",
    "critics",
    "opponents",
    "sceptics",
    "skeptics",
    "detractors",
    "supporters",
    "proponents",
    "backers",
    "advocates",
    "voices",
    "figures",
    "experts",
    "observers",
    "many",
    "several",
    "some",
    "most",
    "everyone",
];
/// A sentence starting with one of these ends a frame set by an earlier group sentence.
const FRAME_BREAKS: &[&str] = &[
    "meanwhile",
    "however",
    "still",
    "but",
    "yet",
    "despite",
    "others",
    "nevertheless",
];
/// Roles that rule on a dispute rather than take a side in it.
const ARBITERS: &[&str] = &[
    "judge",
    "judges",
    "court",
    "tribunal",
    "magistrate",
    "jury",
    "arbitrator",
    "referee",
    "umpire",
    "ombudsman",
];
const REPORTING: &[&str] = &[
    "says",
    "say",
    "said",
    "argues",
    "argue",
    "argued",
    "claims",
    "claim",
    "warns",
    "warn",
    "warned",
    "believes",
    "believe",
    "insists",
    "insist",
    "finds",
    "find",
    "found",
    "predicts",
    "predict",
    "fears",
    "fear",
    "thinks",
    "think",
    "reports",
    "report",
    "reported",
    "suggests",
    "suggest",
    "concludes",
    "conclude",
    "shows",
    "show",
];
const HEADLINE_SUPPORT: &[&str] = &[
    "welcome",
    "welcomes",
    "celebrate",
    "celebrates",
    "praise",
    "praises",
    "hail",
    "hails",
    "back",
    "backs",
    "defend",
    "defends",
    "win",
    "wins",
    "cheer",
    "cheers",
    "embrace",
    "embraces",
];
const HEADLINE_DISPUTE: &[&str] = &[
    "vow",
    "vows",
    "fight",
    "fights",
    "condemn",
    "condemns",
    "criticise",
    "criticises",
    "criticize",
    "criticizes",
    "slam",
    "slams",
    "reject",
    "rejects",
    "oppose",
    "opposes",
    "protest",
    "protests",
    "question",
    "questions",
    "dispute",
    "disputes",
    "challenge",
    "challenges",
    "sue",
    "sues",
    "attack",
    "attacks",
    "blast",
    "blasts",
    "decry",
    "decries",
    "lose",
    "loses",
];
const HEADLINE_OTHER: &[&str] = &["cautiously", "split", "divided", "torn"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "other", "some", "many", "most", "several", "its", "his", "her",
    "their", "our", "these", "those", "this", "that", "one", "two", "three",
];
/// Single capitalised words that are not names of speakers.
const NOT_NAMES: &[&str] = &[
    "others",
    "critics",
    "supporters",
    "opponents",
    "residents",
    "experts",
    "officials",
    "analysts",
    "researchers",
    "scientists",
    "association",
    "union",
    "council",
    "board",
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "sir",
    "many",
    "some",
    "most",
    "several",
    "both",
    "everyone",
    "nobody",
    "people",
    "campaigners",
    "parents",
    "teachers",
    "farmers",
    "fishers",
    "workers",
    "staff",
    "police",
];

// ------------------------------------------------------------------------------------------------
// Text helpers

/// Lower-cased word tokens with typographic marks folded.
fn tokens(s: &str) -> Vec<String> {
    let folded = text::fold_marks(s);
    text::words(&folded).map(|w| w.to_lowercase()).collect()
}

fn negated(toks: &[String], i: usize) -> bool {
    toks[i.saturating_sub(3)..i]
        .iter()
        .any(|w| NEGATORS.contains(&w.as_str()) || w.ends_with("n't"))
}

/// Evaluative polarity: positive minus negative words and phrases, a negation in the three words
/// before flipping one.
pub fn polarity(s: &str) -> i32 {
    // A condition ("if the offer does not improve, ...") is not an evaluation: left out.
    let toks: Vec<String> = {
        let mut out = Vec::new();
        let mut skip = false;
        let folded = text::fold_marks(s);
        for raw in folded.split_whitespace() {
            let w = raw
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
                .to_lowercase();
            if w == "if" || w == "unless" {
                skip = true;
            }
            if !skip && !w.is_empty() {
                out.push(w);
            }
            if raw.ends_with(',') || raw.ends_with(';') {
                skip = false;
            }
        }
        out
    };
    let mut score = 0;
    let mut i = 0;
    'outer: while i < toks.len() {
        for (p, v) in PHRASES {
            let pw: Vec<&str> = p.split(' ').collect();
            if i + pw.len() <= toks.len() && pw.iter().zip(&toks[i..]).all(|(a, b)| *a == b) {
                score += if negated(&toks, i) { -v } else { *v };
                i += pw.len();
                continue 'outer;
            }
        }
        let w = toks[i].as_str();
        let v = if POSITIVE.contains(&w) {
            1
        } else if NEGATIVE.contains(&w) {
            -1
        } else {
            0
        };
        if v != 0 {
            score += if negated(&toks, i) { -v } else { v };
        }
        i += 1;
    }
    score
}

/// Both polarities, or a positive clause conceded before a "but": weighs both sides.
fn ambivalent(s: &str) -> bool {
    let l = format!(" {} ", text::fold_marks(s).to_lowercase());
    let Some((at, len)) = CONCESSIVE
        .iter()
        .filter_map(|c| l.find(c).map(|i| (i, c.len())))
        .min()
    else {
        return false;
    };
    let (before, after) = (&l[..at], &l[at + len..]);
    // "The jobs are real, but so are the costs": both.
    if after.starts_with("so ") || after.starts_with("also ") {
        return true;
    }
    let (pb, pa) = (polarity(before), polarity(after));
    (pb != 0 && pa.signum() != pb.signum())
        || (pb == 0 && pa != 0 && has_both(after))
        || has_both(&l)
}

fn has_both(s: &str) -> bool {
    let toks = tokens(s);
    let pos = toks.iter().any(|w| POSITIVE.contains(&w.as_str()));
    let neg = toks.iter().any(|w| NEGATIVE.contains(&w.as_str()));
    pos && neg
}

fn hedged(s: &str) -> bool {
    let l = text::fold_marks(s).to_lowercase();
    HEDGES.iter().any(|h| l.contains(h))
}

/// The stance an attribution verb gives a statement with no evaluative words of its own.
fn stance_cue(cue: &str) -> i32 {
    match cue {
        "warned" | "warns" | "warn" | "cautioned" | "cautions" | "complained" | "complains"
        | "feared" | "fears" | "objected" | "objects" | "protested" | "protests" | "criticised"
        | "criticized" => -1,
        "welcomed" | "welcomes" | "praised" | "praises" | "hailed" | "hails" | "celebrated" => 1,
        _ => 0,
    }
}

/// A statement's words for telling repeats apart ("that the stock could collapse" is "the stock could collapse").
pub fn statement_key(s: &str) -> String {
    let t = tokens(s);
    let t = if t.first().is_some_and(|w| w == "that") {
        &t[1..]
    } else {
        &t[..]
    };
    t.join(" ")
}

/// Many whole-word phrases found in one pass over a text (Aho-Corasick), for the lists of markers
/// and the forms of every speaker's name, which are looked for in every sentence of a story.
struct Phrases {
    ac: Option<AhoCorasick>,
}

impl Phrases {
    fn new<S: AsRef<str>>(phrases: impl IntoIterator<Item = S>) -> Phrases {
        // An empty phrase would match everywhere; it stands in as one that never matches, so the
        // indices stay those of the list.
        let pats: Vec<String> = phrases
            .into_iter()
            .map(|p| match p.as_ref() {
                "" => "\u{0}".to_string(),
                p => p.to_string(),
            })
            .collect();
        // Building fails only past the automaton's size limits; then nothing is found.
        Phrases {
            ac: AhoCorasick::new(&pats).ok(),
        }
    }

    /// Whole-word occurrences in `hay` (lower-case): (byte offset, phrase index), by position.
    fn find(&self, hay: &str) -> Vec<(usize, usize)> {
        let Some(ac) = &self.ac else { return vec![] };
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        ac.find_overlapping_iter(hay)
            .filter(|m| {
                boundary(hay[..m.start()].chars().next_back())
                    && boundary(hay[m.end()..].chars().next())
            })
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect()
    }

    /// As [`find`](Self::find), grouped by phrase in list order (then by position).
    fn find_by_phrase(&self, hay: &str) -> Vec<(usize, usize)> {
        let mut v = self.find(hay);
        v.sort_by_key(|&(at, p)| (p, at));
        v
    }
}

/// Byte offsets of whole-word (phrase) occurrences of `needle` in `hay` (both lower-case).
fn find_words(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            out.push(at);
        }
        from = at + needle.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

/// The text with everything inside quotation marks blanked (same length in bytes), so markers are
/// read from the article's own words, not the speaker's.
fn outside_quotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        let open_close = matches!(c, '"' | '“' | '”' | '«' | '»');
        if open_close {
            inside = match c {
                '“' | '«' => true,
                '”' | '»' => false,
                _ => !inside,
            };
            out.push(' ');
        } else if inside {
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A mention at char `at` of `s` introduced as the other side of a relation ("disagreed with X",
/// "in contrast to X", "rejected X's ..."), not as an apposition of the subject.
fn introduced(s: &str, at: usize) -> bool {
    let before: String = s.chars().take(at).collect();
    let prev: Vec<String> = tokens(&before).into_iter().rev().take(3).collect();
    let after: String = s.chars().skip(at).take(40).collect();
    let possessive = after
        .split_whitespace()
        .take(3)
        .any(|w| w.ends_with("'s") || w.ends_with("’s"));
    prev.iter()
        .any(|w| matches!(w.as_str(), "with" | "to" | "against" | "from" | "over"))
        || possessive
}

/// A crude stem for matching nouns across forms: lower-case, possessive and plural endings gone.
pub fn stem(w: &str) -> String {
    let w = text::fold_marks(w).to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches('\'');
    let w = w
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .unwrap_or_else(|| w.to_string());

    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// Two stems name the same thing: equal, or one a short extension of the other ("council",
/// "councillor"; "campaign", "campaigner").
pub fn stems_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (s, l) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    s.len() >= 5
        && l.starts_with(s)
        && ["er", "or", "lor", "ler", "ist", "ian", "ant", "ent"].contains(&&l[s.len()..])
}

/// The noun phrase a sentence or headline starts with: words up to the first verb-like word,
/// preposition or comma ("The Velan Harbor Authority on Monday approved ..." -> "The Velan Harbor
/// Authority").
pub fn leading_np(s: &str) -> String {
    const STOP: &[&str] = &[
        "on", "in", "at", "across", "over", "after", "before", "from", "to", "for", "by", "with",
        "under", "as", "who", "which", "that", "is", "are", "was", "were", "has", "have", "had",
        "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
        "said", "says", "gets", "get", "got", "cut", "set", "put", "lets", "let", "to",
    ];
    let raws: Vec<&str> = s.split_whitespace().collect();
    let mut out: Vec<&str> = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let lw = w.to_lowercase();
        let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        // "approves the plan", "approves 310 million": a present-tense verb before its object.
        let next = raws.get(i + 1).map(|n| n.to_lowercase());
        let object_next = next.as_deref().is_none_or(|n| {
            DETERMINERS.contains(&n)
                || STOP.contains(&n)
                || n.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
        let verbish = lower
            && (lw.ends_with("ed") || lw.ends_with("ing") || STOP.contains(&lw.as_str()))
            || (lower
                && !out.is_empty()
                && lw.ends_with('s')
                && !lw.ends_with("ss")
                && object_next);
        if w.is_empty() || verbish || STOP.contains(&lw.as_str()) && !out.is_empty() {
            break;
        }
        out.push(w);
        if raw.ends_with(',') || raw.ends_with(':') || out.len() >= 8 {
            break;
        }
    }
    out.join(" ")
}

/// Content stems of a noun phrase without determiners.
fn np_heads(np: &str) -> Vec<String> {
    np.split(" and ")
        .filter_map(|part| {
            let ws: Vec<&str> = part
                .split_whitespace()
                .filter(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()))
                .collect();
            ws.last().map(|w| stem(w))
        })
        .filter(|h| h.len() >= 3)
        .collect()
}

// ------------------------------------------------------------------------------------------------
// The claim

fn split_headline(h: &str) -> Option<(String, String)> {
    let words: Vec<&str> = h.split_whitespace().collect();
    let clean = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // "X says (that) Y": a short subject before the verb.
    for (i, w) in words.iter().enumerate().take(9).skip(1) {
        if REPORTING.contains(&clean(w).as_str()) && !w.ends_with(',') {
            let mut rest = &words[i + 1..];
            if rest.first().is_some_and(|w| clean(w) == "that") {
                rest = &rest[1..];
            }
            if rest.len() >= 3 {
                return Some((words[..i].join(" "), rest.join(" ")));
            }
        }
    }
    // "Y, X says" / "Y, X warn".
    if let Some((y, x)) = h.rsplit_once(", ") {
        let xw: Vec<&str> = x.split_whitespace().collect();
        if (2..=5).contains(&xw.len())
            && xw
                .last()
                .is_some_and(|w| REPORTING.contains(&clean(w).as_str()))
            && y.split_whitespace().count() >= 3
        {
            return Some((xw[..xw.len() - 1].join(" "), y.to_string()));
        }
    }
    None
}

/// The story's central claim from its headline and the lead article's opening sentences.
pub fn claim(lead: &Article, lead_ord: u32, headline: &str, sents: &[Sentence]) -> Claim {
    let first = sents
        .iter()
        .find(|s| text::has_words(&s.text, 6))
        .or(sents.first());
    let as_statement = |s: &Sentence| Statement {
        ord: lead_ord,
        span: s.span,
        text: s.text.clone(),
        kind: QuoteKind::Reported,
    };
    let empty = Statement {
        ord: lead_ord,
        span: Span::new(0, 0),
        text: String::new(),
        kind: QuoteKind::Reported,
    };
    let _ = lead;
    if let Some((holder, what)) = split_headline(headline) {
        // The opening sentence that says it best (most words of the claim; the earliest on a tie).
        let want = content_words(&text::fold_marks(&what));
        let best = sents
            .iter()
            .take(8)
            .map(|s| {
                let w = content_words(&text::fold_marks(&s.text));
                (w.intersection(&want).count(), s)
            })
            .filter(|(n, _)| *n > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.span.start.cmp(&a.1.span.start)))
            .map(|(_, s)| s)
            .or(first);
        let p = polarity(&what);
        return Claim {
            text: what
                .trim_matches(|c: char| c == '\'' || c == '"')
                .to_string(),
            from_headline: true,
            holder: Some(holder),
            assertion: true,
            polarity: if p < 0 { -1 } else { 1 },
            actor: None,
            evidence: best.map(as_statement).unwrap_or(empty),
        };
    }
    let Some(first) = first else {
        return Claim {
            text: headline.to_string(),
            from_headline: true,
            holder: None,
            assertion: false,
            polarity: 1,
            actor: leading_np(headline).into(),
            evidence: empty,
        };
    };
    Claim {
        text: first.text.clone(),
        from_headline: false,
        holder: None,
        assertion: false,
        polarity: 1,
        actor: Some(leading_np(&first.text)).filter(|a| !a.is_empty()),
        evidence: as_statement(first),
    }
}

// ------------------------------------------------------------------------------------------------
// Speakers and sides

/// One speaker (a named person or organisation, or a vague group like "Others") as the stance
/// rules see it.
#[derive(Clone, Debug)]
pub struct Speaker {
    pub name: String,
    pub role: Option<String>,
    pub is_org: bool,
    /// A vague group ("Others", "critics"): takes part in frames, never gets a side of its own.
    pub group: bool,
    /// Lower-case surface forms to look for in sentences (name, surname, aliases, "the minister").
    pub forms: Vec<String>,
    pub statements: Vec<Statement>,
    /// (article, sentence index) of each statement's attribution, with its cue verb if known.
    pub cues: Vec<(u32, usize, Option<String>)>,
}

/// A side with its evidence.
#[derive(Clone, Debug)]
pub struct Placement {
    pub side: Side,
    pub evidence: Option<Statement>,
    /// Which signal decided it, in words.
    pub reason: Option<String>,
}

#[derive(Clone)]
struct Vote {
    side: Side,
    weight: f32,
    why: String,
    evidence: Statement,
}

#[derive(Clone, Copy, PartialEq)]
enum Rel {
    Same,
    Opposite,
}

struct Edge {
    a: usize,
    b: usize,
    rel: Rel,
    weight: f32,
    why: String,
    evidence: Statement,
}

fn sentence_stmt(ord: u32, s: &Sentence) -> Statement {
    Statement {
        ord,
        span: s.span,
        text: s.text.clone(),
        kind: QuoteKind::Reported,
    }
}

fn idx(v: Side) -> usize {
    match v {
        Side::Supports => 0,
        Side::Disputes => 1,
        _ => 2,
    }
}

fn flip(v: Side) -> Side {
    match v {
        Side::Supports => Side::Disputes,
        Side::Disputes => Side::Supports,
        o => o,
    }
}

/// Minimum score for a side, and its lead over the runner-up.
const DECIDE: f32 = 1.0;
const MARGIN: f32 = 0.75;

fn decide(s: [f32; 3]) -> (Side, f32) {
    decide_at(s, DECIDE)
}

/// A side read at a lower bar, to pass along an edge (an explicit relation between two speakers
/// is strong evidence; a weak lean of one of them gives the direction).
fn lean(s: [f32; 3]) -> (Side, f32) {
    decide_at(s, MARGIN)
}

fn decide_at(s: [f32; 3], min: f32) -> (Side, f32) {
    let sides = [Side::Supports, Side::Disputes, Side::Other];
    let mut order = [0usize, 1, 2];
    order.sort_by(|&a, &b| s[b].total_cmp(&s[a]));
    let (best, second) = (s[order[0]], s[order[1]]);
    if best >= min && best - second >= MARGIN {
        (sides[order[0]], ((best - second) / 3.0).min(1.0))
    } else {
        (Side::Unclear, 0.0)
    }
}

/// Every form of every speaker's name, in one matcher.
struct SpeakerForms {
    phrases: Phrases,
    /// The speaker of each phrase.
    speaker: Vec<usize>,
}

impl SpeakerForms {
    fn new(speakers: &[Speaker]) -> SpeakerForms {
        let (speaker, forms): (Vec<usize>, Vec<&str>) = speakers
            .iter()
            .enumerate()
            .flat_map(|(p, sp)| {
                sp.forms
                    .iter()
                    .filter(|f| !f.is_empty())
                    .map(move |f| (p, f.as_str()))
            })
            .unzip();
        SpeakerForms {
            phrases: Phrases::new(forms),
            speaker,
        }
    }
}

/// Mentions of speakers in one article: (sentence index, char position, speaker).
fn mentions(
    ord: u32,
    sents: &[Sentence],
    lower: &[String],
    speakers: &[Speaker],
    forms: &SpeakerForms,
) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (k, l) in lower.iter().enumerate() {
        for (at, f) in forms.phrases.find(l) {
            let pos = sents[k].span.start + l[..at].chars().count();
            out.push((k, pos, forms.speaker[f]));
        }
    }
    for (p, sp) in speakers.iter().enumerate() {
        for &(o, k, _) in &sp.cues {
            if o == ord {
                out.push((k, sents.get(k).map_or(0, |s| s.span.start), p));
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0 && a.2 == b.2);
    out
}

/// Places every speaker of a story relative to its claim.
pub fn place(
    articles: &[Article],
    canon: &[u32],
    sents: &HashMap<u32, Vec<Sentence>>,
    claim: &Claim,
    speakers: &[Speaker],
) -> Vec<Placement> {
    let n = speakers.len();
    let mut votes: Vec<Vec<Vote>> = vec![Vec::new(); n];
    let mut edges: Vec<Edge> = Vec::new();
    // Pseudo-speakers for frames set by group sentences without a speaker of their own.
    let mut extra: Vec<Vec<Vote>> = Vec::new();
    let named = |p: usize| !speakers[p].group;

    let role_stems = |p: usize| -> Vec<String> {
        let sp = &speakers[p];
        let mut v: Vec<String> = sp
            .role
            .iter()
            .flat_map(|r| r.split_whitespace().map(stem).collect::<Vec<_>>())
            .collect();
        if sp.is_org {
            v.extend(sp.name.split_whitespace().map(stem));
        }
        v
    };
    let matches_np = |np: &str| -> Vec<usize> {
        let heads = np_heads(np);
        if heads.is_empty() {
            return vec![];
        }
        let lnp = np.to_lowercase();
        (0..n)
            .filter(|&p| named(p))
            .filter(|&p| {
                speakers[p]
                    .forms
                    .iter()
                    .any(|f| find_words(&lnp, f).len() == 1 && f.len() > 3)
                    || role_stems(p)
                        .iter()
                        .any(|r| heads.iter().any(|h| stems_match(h, r)))
            })
            .collect()
    };

    // 1. Who holds the claim, who acts in the lead.
    if let Some(h) = &claim.holder {
        let lh = h.to_lowercase();
        let mut who: Vec<usize> = (0..n)
            .filter(|&p| speakers[p].forms.contains(&lh) || speakers[p].name.to_lowercase() == lh)
            .collect();
        if who.is_empty() {
            who = matches_np(h);
        }
        for p in who {
            votes[p].push(Vote {
                side: Side::Supports,
                weight: 4.0,
                why: format!("holds the claim (\"{h}\" in the headline)"),
                evidence: claim.evidence.clone(),
            });
        }
    }
    if claim.assertion {
        // Speakers whose statement is the claim's evidence sentence.
        for (p, sp) in speakers.iter().enumerate() {
            if sp.statements.iter().any(|s| {
                s.ord == claim.evidence.ord
                    && s.span.start >= claim.evidence.span.start
                    && s.span.start < claim.evidence.span.end
            }) && polarity(&claim.evidence.text).signum() * claim.polarity >= 0
            {
                votes[p].push(Vote {
                    side: Side::Supports,
                    weight: 3.0,
                    why: "states the claim in the lead".into(),
                    evidence: claim.evidence.clone(),
                });
            }
        }
    }
    if let Some(actor) = claim.actor.as_deref().filter(|_| !claim.assertion) {
        let lead_out = outside_quotes(&claim.evidence.text).to_lowercase();
        let protest = ABS_DISPUTE
            .iter()
            .any(|m| !find_words(&lead_out, m).is_empty());
        let arbiter = |p: usize| {
            let r = speakers[p].role.as_deref().unwrap_or("").to_lowercase();
            ARBITERS.iter().any(|a| !find_words(&r, a).is_empty())
                || np_heads(actor)
                    .iter()
                    .any(|h| ARBITERS.contains(&h.as_str()))
        };
        for p in matches_np(actor) {
            let (side, why) = if arbiter(p) {
                (
                    Side::Other,
                    format!("rules on the matter (\"{actor}\" in the lead)"),
                )
            } else if protest {
                (
                    Side::Disputes,
                    format!("acts against it in the lead (\"{actor}\")"),
                )
            } else {
                (
                    Side::Supports,
                    format!("made the decision (\"{actor}\" in the lead)"),
                )
            };
            votes[p].push(Vote {
                side,
                weight: 2.5,
                why,
                evidence: claim.evidence.clone(),
            });
        }
    }

    // 2. Headlines: "Campaigners vow to fight ...", "Fishers cautiously accept ...".
    for &o in canon {
        let a = &articles[o as usize];
        let Some(title) = a.title.as_deref() else {
            continue;
        };
        let ev = sents
            .get(&o)
            .and_then(|s| s.first())
            .map(|s| sentence_stmt(o, s));
        let Some(ev) = ev else { continue };
        for clause in title.split([';', ':']).flat_map(|c| {
            c.split(" as ")
                .flat_map(|c| c.split(", but "))
                .flat_map(|c| c.split(" after "))
                .map(str::to_string)
                .collect::<Vec<_>>()
        }) {
            // The subject is everything before the first stance or reporting verb.
            let cw: Vec<&str> = clause.split_whitespace().collect();
            let clean = |w: &str| {
                text::fold_marks(w)
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            };
            let Some(vi) = (1..cw.len()).find(|&i| {
                let w = clean(cw[i]);
                HEADLINE_SUPPORT.contains(&w.as_str())
                    || HEADLINE_DISPUTE.contains(&w.as_str())
                    || HEADLINE_OTHER.contains(&w.as_str())
                    || REPORTING.contains(&w.as_str())
                    || (w == "line" || w == "push")
                        && cw
                            .get(i + 1)
                            .is_some_and(|n| clean(n) == "up" || clean(n) == "back")
            }) else {
                continue;
            };
            let np = cw[..vi].join(" ");
            let rest = cw[vi..].join(" ").to_lowercase();
            let rw: Vec<String> = tokens(&rest);
            let Some(verb) = rw.first() else { continue };
            let side = if rw
                .iter()
                .take(2)
                .any(|w| HEADLINE_OTHER.contains(&w.as_str()))
            {
                Some(Side::Other)
            } else if HEADLINE_SUPPORT.contains(&verb.as_str()) {
                Some(Side::Supports)
            } else if HEADLINE_DISPUTE.contains(&verb.as_str())
                || rest.contains("line up against")
                || rest.contains("push back")
            {
                Some(Side::Disputes)
            } else if REPORTING.contains(&verb.as_str()) && !claim.assertion {
                let p = polarity(&rest[verb.len()..]);
                (p != 0).then(|| {
                    if p * claim.polarity > 0 {
                        Side::Supports
                    } else {
                        Side::Disputes
                    }
                })
            } else {
                None
            };
            if let Some(side) = side {
                for p in matches_np(&np) {
                    votes[p].push(Vote {
                        side,
                        weight: 2.0,
                        why: format!("headline \"{title}\""),
                        evidence: ev.clone(),
                    });
                }
            }
        }
    }

    // Speaking for an organisation: a person whose role names an organisation speaker of the story
    // ("chief executive of Glassmere Developments" and "Glassmere") stands with it.
    for p in (0..n).filter(|&p| named(p) && !speakers[p].is_org) {
        let Some(role) = speakers[p].role.as_deref() else {
            continue;
        };
        let lr = text::fold_marks(role).to_lowercase();
        for q in (0..n).filter(|&q| named(q) && speakers[q].is_org && q != p) {
            let org = speakers[q].name.to_lowercase();
            let ow: Vec<&str> = org.split_whitespace().collect();
            // The full name, its tail ("Harbor Authority"), or a one-word name ("Glassmere").
            let tail = if ow.len() >= 3 {
                ow[1..].join(" ")
            } else {
                org.clone()
            };
            let first = if ow.len() == 1 { ow[0] } else { "" };
            let first_in_role = first.len() >= 4 && !find_words(&lr, first).is_empty();
            if !find_words(&lr, &org).is_empty()
                || !find_words(&lr, &tail).is_empty()
                || first_in_role
            {
                edges.push(Edge {
                    a: p,
                    b: q,
                    rel: Rel::Same,
                    weight: 2.0,
                    why: format!("speaks for {}", speakers[q].name),
                    evidence: speakers[p]
                        .statements
                        .first()
                        .cloned()
                        .unwrap_or_else(|| claim.evidence.clone()),
                });
            }
        }
    }

    // 3. Statements: polarity against the claim, weighing both sides, hedging.
    for (p, sp) in speakers.iter().enumerate() {
        // One vote per statement however many outlets carry it; the most telling attribution verb.
        let mut seen: Vec<String> = Vec::new();
        let mut pol_weight = [0f32; 2];
        let keys: Vec<String> = sp
            .statements
            .iter()
            .map(|s| statement_key(&s.text))
            .collect();
        for (i, st) in sp.statements.iter().enumerate() {
            let key = &keys[i];
            if seen.contains(key) {
                continue;
            }
            seen.push(key.clone());
            let cue = (i..sp.statements.len())
                .filter(|&j| &keys[j] == key)
                .filter_map(|j| sp.cues.get(j).and_then(|c| c.2.as_deref()))
                .map(|c| (stance_cue(c), c))
                .max_by_key(|(v, _)| v.abs())
                .map_or(0, |(v, _)| v);
            let (side, w, why) = if hedged(&st.text) {
                (Side::Other, 1.5, "withholds judgement")
            } else if ambivalent(&st.text) {
                (Side::Other, 1.0, "weighs both sides")
            } else {
                let mut pol = polarity(&st.text);
                if pol == 0 {
                    pol = cue;
                }
                if pol == 0 {
                    continue;
                }
                let side = if pol.signum() * claim.polarity > 0 {
                    Side::Supports
                } else {
                    Side::Disputes
                };
                (side, 0.75, "what they say")
            };
            if side != Side::Other {
                let k = idx(side);
                if pol_weight[k] >= 3.0 {
                    continue;
                }
                pol_weight[k] += w;
            }
            votes[p].push(Vote {
                side,
                weight: w,
                why: why.into(),
                evidence: st.clone(),
            });
        }
    }

    // 4. The articles' markers, sentence by sentence.
    let forms = SpeakerForms::new(speakers);
    for &o in canon {
        let Some(ss) = sents.get(&o) else { continue };
        let lower: Vec<String> = ss
            .iter()
            .map(|s| outside_quotes(&s.text).to_lowercase())
            .collect();
        let ms = mentions(o, ss, &lower, speakers, &forms);
        // Frame from a group sentence: (group node, first sentence, paragraph scope, the speaker
        // it is set against).
        let mut frame: Option<(usize, usize, u32, Option<usize>)> = None;
        let mut frame_why = (String::new(), None::<Statement>);
        for (k, s) in ss.iter().enumerate() {
            let l = &lower[k];
            let here: Vec<(usize, usize)> = ms
                .iter()
                .filter(|m| m.0 == k)
                .map(|m| (m.1 - s.span.start, m.2))
                .collect();
            let first_word = l
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            // A frame ends at the next paragraph after its scope, or at a turn ("Meanwhile, ...").
            if let Some((_, from, para, _)) = frame
                && (k > from && FRAME_BREAKS.contains(&first_word) || s.paragraph > para)
            {
                frame = None;
            }
            if let Some((g, from, _, reference)) = frame
                && k >= from
            {
                for &(_, p) in &here {
                    if named(p) && Some(p) != reference {
                        edges.push(Edge {
                            a: p,
                            b: g,
                            rel: Rel::Same,
                            weight: 2.5,
                            why: frame_why.0.clone(),
                            evidence: frame_why.1.clone().unwrap_or_else(|| sentence_stmt(o, s)),
                        });
                    }
                }
            }
            let found = |list: &[&str], set: &Phrases| -> Vec<(usize, String)> {
                set.find_by_phrase(l)
                    .into_iter()
                    .map(|(i, m)| (l[..i].chars().count(), list[m].to_string()))
                    .collect()
            };
            let rel_opp = found(REL_OPPOSITE, &MARKERS[0]);
            let rel_same = found(REL_SAME, &MARKERS[1]);
            let abs_sup = found(ABS_SUPPORT, &MARKERS[2]);
            let abs_dis = found(ABS_DISPUTE, &MARKERS[3]);
            let abs_oth = found(ABS_OTHER, &MARKERS[4]);
            let any = !(rel_opp.is_empty()
                && rel_same.is_empty()
                && abs_sup.is_empty()
                && abs_dis.is_empty()
                && abs_oth.is_empty());
            let group_word = GROUP_DISPUTE
                .iter()
                .chain(GROUP_SUPPORT)
                .any(|g| first_word == *g);
            if !any && !group_word {
                continue;
            }
            let named_here: Vec<(usize, usize)> =
                here.iter().copied().filter(|&(_, p)| named(p)).collect();
            // The subject of a marker: the named speaker mentioned closest before it, else first after.
            let subject = |at: usize| -> Option<(usize, usize)> {
                named_here
                    .iter()
                    .rev()
                    .find(|m| m.0 <= at)
                    .or_else(|| named_here.iter().find(|m| m.0 > at))
                    .copied()
            };
            // The previous speaker: the last one whose statement the article attributed before
            // this sentence (a name inside someone else's reported words does not count).
            let prev_speaker = |not: usize| -> Option<usize> {
                speakers
                    .iter()
                    .enumerate()
                    .filter(|&(p, _)| p != not)
                    .filter_map(|(p, sp)| {
                        sp.cues
                            .iter()
                            .filter(|c| c.0 == o && c.1 < k)
                            .map(|c| c.1)
                            .max()
                            .map(|at| (at, p))
                    })
                    .max()
                    .map(|x| x.1)
            };
            // Reference of a "X's view contrasts sharply with ..." sentence: a named speaker before
            // the marker, nobody named after it.
            let possessive_ref = rel_opp.iter().find_map(|(at, m)| {
                (m.starts_with("contrasts") || m.contains("contrast"))
                    .then(|| named_here.iter().rev().find(|x| x.0 < *at))
                    .flatten()
                    .filter(|_| !named_here.iter().any(|x| x.0 > *at))
                    .filter(|x| {
                        let after: String = s.text.chars().skip(x.0).take(60).collect();
                        after.contains("'s ") || after.contains("’s ")
                    })
                    .map(|x| x.1)
            });
            let ev = sentence_stmt(o, s);
            // A group speaker whose statement is attributed in this very sentence ("Others say ...").
            let gnode = speakers
                .iter()
                .position(|sp| sp.group && sp.cues.iter().any(|c| c.0 == o && c.1 == k));
            let about_group =
                gnode.is_some() || GROUP_WORDS.iter().any(|w| !find_words(l, w).is_empty());
            if named_here.is_empty() && !about_group {
                // Markers about things, not people ("Chinese models, by contrast, ...").
                continue;
            }
            if named_here.is_empty() || possessive_ref.is_some() {
                // A group sentence: it frames the speakers that follow.
                let g = match gnode {
                    Some(g) => g,
                    None => {
                        extra.push(Vec::new());
                        n + extra.len() - 1
                    }
                };
                let mut placed = false;
                let mut add_abs = |side: Side, w: f32, why: String| {
                    let v = Vote {
                        side,
                        weight: w,
                        why,
                        evidence: ev.clone(),
                    };
                    if g < n {
                        votes[g].push(v);
                    } else {
                        extra[g - n].push(v);
                    }
                };
                if !abs_oth.is_empty() {
                    add_abs(Side::Other, 3.0, "a more nuanced view".into());
                    placed = true;
                } else if GROUP_DISPUTE.contains(&first_word) {
                    add_abs(Side::Disputes, 2.0, "critics".into());
                    placed = true;
                } else if GROUP_SUPPORT.contains(&first_word) {
                    add_abs(Side::Supports, 2.0, "supporters".into());
                    placed = true;
                }
                let mut reference = None;
                if !rel_opp.is_empty() {
                    reference = possessive_ref.or_else(|| prev_speaker(g));
                    if let Some(r) = reference {
                        edges.push(Edge {
                            a: g,
                            b: r,
                            rel: Rel::Opposite,
                            weight: 3.0,
                            why: format!("set against {} by the article", speakers[r].name),
                            evidence: ev.clone(),
                        });
                        placed = true;
                    }
                }
                if gnode.is_none() && !placed {
                    // Nothing to frame with (e.g. "Chinese models, by contrast, ...").
                    extra.pop();
                    continue;
                }
                // Scope: the rest of this paragraph, or the next one when a contrast or "more
                // nuanced" sentence ends it (a sub-heading, or a sentence introducing the next).
                let last_in_para = ss.get(k + 1).is_none_or(|x| x.paragraph != s.paragraph);
                let introduces = !rel_opp.is_empty() || !abs_oth.is_empty();
                let para = if last_in_para && introduces {
                    s.paragraph + 1
                } else {
                    s.paragraph
                };
                frame = Some((g, k + 1, para, reference));
                let label = if !abs_oth.is_empty() {
                    "among those the article says take a more nuanced view".to_string()
                } else if let Some(r) = reference {
                    format!("among those the article sets against {}", speakers[r].name)
                } else {
                    "among the group the article introduces".to_string()
                };
                frame_why = (label, Some(ev.clone()));
                continue;
            }
            for (at, m) in &abs_sup {
                if let Some((_, p)) = subject(*at) {
                    votes[p].push(Vote {
                        side: Side::Supports,
                        weight: 2.5,
                        why: format!("\"{m}\""),
                        evidence: ev.clone(),
                    });
                }
            }
            for (at, m) in &abs_dis {
                if let Some((_, p)) = subject(*at) {
                    votes[p].push(Vote {
                        side: Side::Disputes,
                        weight: 2.5,
                        why: format!("\"{m}\""),
                        evidence: ev.clone(),
                    });
                }
            }
            for (at, m) in &abs_oth {
                if let Some((_, p)) = subject(*at) {
                    votes[p].push(Vote {
                        side: Side::Other,
                        weight: 2.5,
                        why: format!("\"{m}\""),
                        evidence: ev.clone(),
                    });
                }
            }
            for (list, rel) in [(&rel_opp, Rel::Opposite), (&rel_same, Rel::Same)] {
                for (at, m) in list {
                    let Some((_, p)) = subject(*at) else { continue };
                    // The other side of the relation: named after the marker, else the previous speaker.
                    let target = here
                        .iter()
                        .find(|x| x.0 > *at && x.1 != p && introduced(&s.text, x.0))
                        .map(|x| (x.1, 3.0))
                        .or_else(|| prev_speaker(p).map(|q| (q, 2.0)));
                    if let Some((q, w)) = target {
                        edges.push(Edge {
                            a: p,
                            b: q,
                            rel,
                            weight: w,
                            why: format!(
                                "\"{m}\" ({} {})",
                                if rel == Rel::Same { "with" } else { "against" },
                                speakers.get(q).map_or("others", |s| s.name.as_str())
                            ),
                            evidence: ev.clone(),
                        });
                    }
                }
            }
        }
    }

    // 5. Sides flow along the edges from the speakers placed directly (a few rounds; each edge's
    // own contribution is left out when it is read back, so a pair cannot talk itself into a side).
    let total = n + extra.len();
    let mut base = vec![[0f32; 3]; total];
    for (p, vs) in votes.iter().chain(extra.iter()).enumerate() {
        for v in vs {
            base[p][idx(v.side)] += v.weight;
        }
    }
    let mut contrib = vec![[[0f32; 3]; 2]; edges.len()];
    for _ in 0..4 {
        let mut score = base.clone();
        for (e, c) in edges.iter().zip(&contrib) {
            for k in 0..3 {
                score[e.b][k] += c[0][k];
                score[e.a][k] += c[1][k];
            }
        }
        let mut next = vec![[[0f32; 3]; 2]; edges.len()];
        for (i, e) in edges.iter().enumerate() {
            // dir 0: from a to b; dir 1: from b to a.
            for (dir, (from, _)) in [(e.a, e.b), (e.b, e.a)].into_iter().enumerate() {
                let mut s = score[from];
                // Leave out what `from` got over this very edge.
                for k in 0..3 {
                    s[k] -= contrib[i][1 - dir][k];
                }
                let (side, conf) = lean(s);
                let target = match (side, e.rel) {
                    (Side::Supports | Side::Disputes, Rel::Same) => side,
                    (Side::Supports | Side::Disputes, Rel::Opposite) => flip(side),
                    (Side::Other, Rel::Same) => Side::Other,
                    _ => continue,
                };
                next[i][dir][idx(target)] += e.weight * conf.max(0.5);
            }
        }
        contrib = next;
    }
    let mut score = base;
    for (e, c) in edges.iter().zip(&contrib) {
        for k in 0..3 {
            score[e.b][k] += c[0][k];
            score[e.a][k] += c[1][k];
        }
    }
    // The votes behind every side, for `RUST_LOG=newsdesk::stories::stance=trace`.
    if tracing::enabled!(tracing::Level::TRACE) {
        tracing::trace!(
            "claim {:?} holder {:?} actor {:?} pol {}",
            claim.text,
            claim.holder,
            claim.actor,
            claim.polarity
        );
        for p in 0..total {
            let name = speakers.get(p).map_or("<frame>", |s| s.name.as_str());
            tracing::trace!(
                "  {name} {:?} forms {:?} role {:?} cues {:?}",
                score[p],
                speakers.get(p).map(|s| &s.forms),
                speakers.get(p).map(|s| &s.role),
                speakers
                    .get(p)
                    .map(|s| s.cues.iter().map(|c| c.2.clone()).collect::<Vec<_>>())
            );
            for v in if p < n { &votes[p] } else { &extra[p - n] } {
                tracing::trace!(
                    "      {:?} {} {} | {}",
                    v.side,
                    v.weight,
                    v.why,
                    v.evidence.text.chars().take(90).collect::<String>()
                );
            }
        }
        for (e, c) in edges.iter().zip(&contrib) {
            let nm = |p: usize| {
                speakers
                    .get(p)
                    .map_or("<frame>".to_string(), |s| s.name.clone())
            };
            tracing::trace!(
                "  edge {} {} {} w{} {:?} | {}",
                nm(e.a),
                if e.rel == Rel::Same { "=" } else { "<>" },
                nm(e.b),
                e.weight,
                c,
                e.why
            );
        }
    }
    (0..n)
        .map(|p| {
            let (side, _) = decide(score[p]);
            if side == Side::Unclear || speakers[p].group {
                return Placement {
                    side: Side::Unclear,
                    evidence: None,
                    reason: None,
                };
            }
            // The strongest single signal for the side found.
            let mut best: Option<(f32, Statement, String)> = None;
            for v in votes[p].iter().filter(|v| v.side == side) {
                if best.as_ref().is_none_or(|b| v.weight > b.0) {
                    best = Some((v.weight, v.evidence.clone(), v.why.clone()));
                }
            }
            for (e, c) in edges.iter().zip(&contrib) {
                let got = if e.a == p {
                    c[1][idx(side)]
                } else if e.b == p {
                    c[0][idx(side)]
                } else {
                    0.0
                };
                if got > 0.0 && best.as_ref().is_none_or(|b| got > b.0) {
                    best = Some((got, e.evidence.clone(), e.why.clone()));
                }
            }
            Placement {
                side,
                evidence: best.as_ref().map(|b| b.1.clone()),
                reason: best.map(|b| b.2),
            }
        })
        .collect()
}

/// True for a speaker name that is a description or a group rather than a name ("Others",
/// "a former ByteDance engineer", "the union's figures").
pub fn is_vague(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    let lf = first.to_lowercase();
    first.chars().next().is_some_and(|c| c.is_lowercase())
        || DETERMINERS.contains(&lf.as_str())
        || (!name.contains(' ') && NOT_NAMES.contains(&lf.as_str()))
}

/// Lower-case forms a speaker goes by in sentences: full name, surname (for people), aliases, and
/// "the <role noun>" ("the minister") when no other speaker of the story shares that noun.
pub fn forms(name: &str, is_org: bool, aliases: &[String]) -> Vec<String> {
    let mut f = vec![text::fold_marks(name).to_lowercase()];
    let parts: Vec<&str> = name.split_whitespace().collect();
    if !is_org && parts.len() >= 2 {
        let last = parts[parts.len() - 1];
        if last.chars().count() >= 3 && last.chars().next().is_some_and(|c| c.is_uppercase()) {
            f.push(text::fold_marks(last).to_lowercase());
        }
    }
    for a in aliases {
        let la = text::fold_marks(a).to_lowercase();
        if la.chars().count() >= 3 && !f.contains(&la) && !is_vague(a) {
            f.push(la);
        }
    }
    f
}

/// The noun a role is headed by ("chair of the Velan Harbor Authority" -> "chair", "Energy
/// Minister" -> "minister"), and the organisation noun it names ("... Teachers' Union" -> "union").
pub fn role_nouns(role: &str) -> Vec<String> {
    let l = text::fold_marks(role).to_lowercase();
    let mut head_part = l.split(',').next().unwrap_or("");
    for sep in [
        " of ", " at ", " for ", " who ", " near ", " in ", " from ", " with ", " on ",
    ] {
        head_part = head_part.split(sep).next().unwrap_or("");
    }
    let mut out = Vec::new();
    if let Some(h) = head_part
        .split(" and ")
        .last()
        .and_then(|p| p.split_whitespace().last())
    {
        out.push(h.to_string());
    }
    for sep in [" of the ", " at the ", " for the "] {
        if let Some((_, org)) = l.split_once(sep)
            && let Some(h) = org.split_whitespace().last()
        {
            let h = h.trim_matches(|c: char| !c.is_alphanumeric());
            if h.len() >= 4 {
                out.push(h.to_string());
            }
        }
    }
    out.retain(|w| w.len() >= 4 && !DETERMINERS.contains(&w.as_str()));
    out
}
