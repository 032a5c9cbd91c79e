//! Quotations and reported speech in one article's clean text, with the speaker resolved to a
//! full name and role. Rule-based: quote marks are paired per paragraph (a quote left open at a
//! paragraph end continues in the next paragraph that opens with a mark), then attributed by the
//! patterns newsrooms use ("...," X said / X said, "..." / X told Y: "..." / split quotes /
//! follow-on quotes / according to X); speakers are resolved from pronouns, surnames and role
//! nouns to the people the article introduced. Every span is in code points into the text.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Span;

/// What kind of statement a quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words inside quote marks, attributed to a speaker.
    Direct,
    /// Speech reported without quote marks ("X said that ..."): not verbatim.
    Reported,
    /// A short quoted fragment inside a sentence attributed to a speaker.
    Partial,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Partial => "partial",
        }
    }
}

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Speaker {
    /// Full name ("Zhang Chi") or organisation ("the Nuclear Safety Board" -> "Nuclear Safety Board").
    pub name: String,
    /// The role the article gives ("Nvidia CEO"), when it gives one.
    pub role: Option<String>,
    pub is_org: bool,
}

/// One quotation or reported statement.
#[derive(Clone, Debug)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Spans of the quoted words (without the marks); several for split and multi-paragraph quotes.
    pub pieces: Vec<Span>,
    /// The pieces' texts joined by a single space.
    pub text: String,
    pub speaker: Option<Speaker>,
    /// The mention of the speaker that the attribution uses ("he", "Zhang", "Lina Okafor").
    pub mention: Option<Span>,
    pub confidence: f32,
}

const SPEECH_VERBS: &str = "said|says|added|adds|explained|explains|noted|notes|told|tells|warned|warns|argued|argues|\
insisted|insists|stressed|stresses|recalled|recalls|wrote|writes|asked|asks|declared|declares|continued|continues|\
replied|replies|remarked|remarks|observed|observes|acknowledged|acknowledges|admitted|admits|claimed|claims|\
cautioned|cautions|suggested|suggests|contended|contends|announced|announces|emphasized|emphasised|concluded|\
predicted|agreed|agrees|countered|counters|conceded|concedes|maintained|maintains|urged|urges|joked|jokes|tweeted";

const NAME: &str = r"(?:[A-Z][\p{L}\-]*(?:['’][A-Z][\p{L}\-]+)?|[A-Z]\.)(?:[ ]+(?:[A-Z][\p{L}\-]*(?:['’][A-Z][\p{L}\-]+)?|[A-Z]\.|de|van|von|der|bin|al))*";

const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

static AFTER_SAID_X: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s,]*(?:(?:{SPEECH_VERBS})(?:\s+\w+)?\s+(?P<a>{NAME}|the\s+[a-z][\w\s'’-]{{2,40}}?|he|she|they)|(?P<b>(?:the\s+)?{NAME}|the\s+[a-z][\w\s'’-]{{2,40}}?|he|she|they|[A-Z][a-z]+)(?:,\s[^,;\x22“”]{{3,150}},)?\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{SPEECH_VERBS}))\b"
    ))
    .expect("pattern compiles")
});
static BEFORE_X_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<who>{NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey|\bthe\s+[a-z][\w'’-]*(?:\s+[\w'’-]+){{0,3}})(?P<app>,\s[^,;:]{{3,120}},)?\s+(?:has\s+|had\s+|also\s+|later\s+)?(?:{SPEECH_VERBS})(?:\s+(?:[A-Z][\w'’-]*\s*){{1,4}}|\s+(?:reporters|the\s+\w+|us|me|him|her|them))?(?:\s+(?:in|on|at)\s+[^,:]{{1,40}})?\s*[,:]?\s*$"
    ))
    .expect("pattern compiles")
});
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b[Aa]ccording to (?P<who>{NAME}|the\s+[a-z][\w\s'’-]{{2,40}}?|him|her)\s*[,.]"
    ))
    .expect("pattern compiles")
});
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<who>{NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey|\b[Tt]he\s+[a-z][\w'’-]*(?:\s+[\w'’-]+){{0,3}})(?:,\s[^,;]{{3,120}},)?\s+(?:(?:has|had|also|have)\s+){{0,2}}(?:\w+ly\s+)?(?:{SPEECH_VERBS}|believes|believed|thinks|thought|fears|feared|emphasized|emphasised|highlighted|pointed out)(?:\s+(?:reporters|journalists|the\s+\w+|[A-Z]\w+)\s+that\s+|\s+(?:that\s+)?)(?P<clause>[^\x22“”«»„\n]+?)(?:[.;]|,\s+(?:while|but|whereas|although)\b)"
    ))
    .expect("pattern compiles")
});
static ACCORDING_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b[Aa]ccording to (?P<who>{NAME}),\s+(?P<clause>[^\x22“”«»„]+?)\."
    ))
    .expect("pattern compiles")
});
static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    // "Harbor Authority chair Lina Okafor", "Energy Minister Paul Arnaud", "Dr. Ines Maro".
    Regex::new(r"(?P<role>(?:(?:[A-Z][\w'’&.-]*|of|the|and)\s+){0,4}(?:[a-z][\w'’-]*\s+){0,2}?(?:[Cc]hair|[Cc]hief executive|CEO|[Mm]inister|[Pp]resident|[Dd]irector|[Hh]ead|[Jj]udge|[Mm]ayor|[Cc]ouncill?or|[Ss]enator|[Ss]ecretary|[Ll]eader|[Pp]rofessor|[Cc]hairman|[Cc]hairwoman|[Ss]pokes(?:man|woman|person)|[Cc]urator|[Ee]ngineer|[Aa]nalyst|[Ll]awyer|[Ff]ounder|[Pp]ioneer|[Gg]overnor|[Aa]mbassador|[Cc]ampaigner|[Ff]armer|[Nn]urse|[Ss]tudent|[Rr]esearcher|[Ee]conomist|[Oo]rganiser|[Pp]arent|Dr\.|Prof\.|Rep\.|Sen\.|Gov\.))\s+(?P<name>[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2})")
    .expect("pattern compiles")
});
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    // "Zhang Chi, a research scientist and assistant professor at Peking University,"
    Regex::new(r"(?P<name>[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2}),\s(?P<role>(?:a|an|the)?\s?[a-z][^,;:.“”\x22]{3,120}?)[,.]")
        .expect("pattern compiles")
});
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]\p{Ll}[\p{L}-]*(?:[ ]+[A-Z]\p{Ll}[\p{L}-]*){1,2}\b")
        .expect("pattern compiles")
});

const NOT_PERSON_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "University",
    "Authority",
    "Board",
    "Union",
    "Council",
    "Ministry",
    "Court",
    "Party",
    "Institute",
    "Association",
    "League",
    "Museum",
    "Trust",
    "Airport",
    "Post",
    "Daily",
    "Record",
    "Ledger",
    "Courier",
    "Tribune",
    "Press",
    "Signal",
    "News",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Action",
    "Development",
    "Developments",
    "School",
    "Department",
    "Government",
    "Agency",
    "Bank",
    "Company",
    "Group",
    "House",
    "Senate",
    "Congress",
];

/// A person the article introduces: full name, role, and where the name appears.
#[derive(Clone, Debug)]
struct Person {
    name: String,
    role: Option<String>,
    first: usize,
    positions: Vec<usize>,
}

struct Text {
    chars: Vec<char>,
    /// Byte offset -> char offset for the string form.
    s: String,
    byte_to_char: Vec<u32>,
    char_to_byte: Vec<u32>,
}

impl Text {
    fn new(s: &str) -> Text {
        let chars: Vec<char> = s.chars().collect();
        let mut byte_to_char = vec![0u32; s.len() + 1];
        let mut ci = 0u32;
        for (bi, ch) in s.char_indices() {
            for k in 0..ch.len_utf8() {
                byte_to_char[bi + k] = ci;
            }
            ci += 1;
        }
        byte_to_char[s.len()] = ci;
        let mut char_to_byte: Vec<u32> = s.char_indices().map(|(b, _)| b as u32).collect();
        char_to_byte.push(s.len() as u32);
        Text {
            chars,
            s: s.to_string(),
            byte_to_char,
            char_to_byte,
        }
    }
    fn c(&self, b: usize) -> usize {
        self.byte_to_char
            .get(b)
            .copied()
            .unwrap_or(self.chars.len() as u32) as usize
    }
    fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a.min(self.chars.len())..b.min(self.chars.len())]
            .iter()
            .collect()
    }
    /// Byte offset of a char offset.
    fn b(&self, c: usize) -> usize {
        self.char_to_byte
            .get(c)
            .map_or(self.s.len(), |&b| b as usize)
    }
}

/// A span of quoted words found between marks.
#[derive(Clone, Debug)]
struct Marked {
    /// Content spans (without marks), one per paragraph piece.
    pieces: Vec<Span>,
    /// Position of the opening mark of the first piece and just after the closing mark of the last.
    open: usize,
    close: usize,
}

fn is_open_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '«' | '„')
}
fn closes(open: char, c: char) -> bool {
    match open {
        '"' => c == '"',
        '“' => c == '”' || c == '"',
        '«' => c == '»',
        '„' => c == '“' || c == '”',
        _ => false,
    }
}

/// Finds the quoted spans: marks paired within paragraphs, open quotes continued across paragraphs.
fn find_marked(t: &Text) -> Vec<Marked> {
    let ch = &t.chars;
    let n = ch.len();
    let mut out: Vec<Marked> = Vec::new();
    let mut i = 0;
    let mut pending: Option<Marked> = None; // a quote left open at a paragraph end
    let mut para_start = true;
    while i < n {
        let c = ch[i];
        if c == '\n' {
            para_start = true;
            i += 1;
            continue;
        }
        if para_start && !c.is_whitespace() {
            para_start = false;
            if let Some(p) = pending.take() {
                if is_open_mark(c) {
                    // Continuation: find this paragraph's closing mark or its end.
                    let (end, closed) = scan_close(ch, i + 1, c);
                    let mut p = p;
                    p.pieces.push(Span::new(i + 1, end));
                    if closed {
                        p.close = end + 1;
                        out.push(p);
                    } else {
                        pending = Some(p);
                    }
                    i = if closed { end + 1 } else { end };
                    continue;
                }
                out.push(p);
            }
        }
        if is_open_mark(c) && (i == 0 || !ch[i - 1].is_alphanumeric()) {
            let (end, closed) = scan_close(ch, i + 1, c);
            let m = Marked {
                pieces: vec![Span::new(i + 1, end)],
                open: i,
                close: end + usize::from(closed),
            };
            if closed {
                out.push(m);
                i = end + 1;
            } else {
                // Open at the paragraph end: may continue in the next paragraph.
                pending = Some(m);
                i = end;
            }
            continue;
        }
        i += 1;
    }
    if let Some(p) = pending {
        out.push(p);
    }
    // Drop empty pieces.
    out.retain(|m| m.pieces.iter().any(|p| !p.is_empty()));
    out
}

/// From `from`, the position of the mark closing `open` within the paragraph, or the paragraph end.
fn scan_close(ch: &[char], from: usize, open: char) -> (usize, bool) {
    let mut j = from;
    while j < ch.len() {
        if ch[j] == '\n' {
            return (trim_end(ch, from, j), false);
        }
        if closes(open, ch[j])
            && (open != '"' || j + 1 >= ch.len() || !ch[j + 1].is_alphanumeric() || j > from)
        {
            return (j, true);
        }
        j += 1;
    }
    (trim_end(ch, from, ch.len()), false)
}

fn trim_end(ch: &[char], from: usize, mut e: usize) -> usize {
    while e > from && ch[e - 1].is_whitespace() {
        e -= 1;
    }
    e
}

/// The people an article introduces, with their roles.
fn people(t: &Text) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    fn add(out: &mut Vec<Person>, name: &str, role: Option<String>, pos: usize) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() < 2 || words.iter().any(|w| NOT_PERSON_WORDS.contains(w)) {
            return;
        }
        match out.iter_mut().find(|p| p.name == name) {
            Some(p) => {
                if p.role.is_none() {
                    p.role = role;
                }
                p.positions.push(pos);
            }
            None => out.push(Person {
                name: name.to_string(),
                role,
                first: pos,
                positions: vec![pos],
            }),
        }
    }
    for c in ROLE_BEFORE.captures_iter(&t.s) {
        if let (Some(r), Some(n)) = (c.name("role"), c.name("name")) {
            let role = r.as_str().trim().trim_start_matches("the ").to_string();
            add(&mut out, n.as_str(), Some(role), t.c(n.start()));
        }
    }
    for c in APPOSITION.captures_iter(&t.s) {
        if let (Some(n), Some(r)) = (c.name("name"), c.name("role")) {
            let role = r.as_str().trim();
            let role = role
                .strip_prefix("a ")
                .or_else(|| role.strip_prefix("an "))
                .or_else(|| role.strip_prefix("the "))
                .unwrap_or(role);
            let starts_like_role = !role.starts_with(|c: char| c.is_lowercase())
                || role.split_whitespace().count() > 1;
            let verbish = ["said", "says", "who", "which", "told", "added"]
                .iter()
                .any(|v| role.starts_with(v));
            if starts_like_role && !verbish {
                add(&mut out, n.as_str(), Some(role.to_string()), t.c(n.start()));
            }
        }
    }
    let known: Vec<String> = out.iter().map(|p| p.name.clone()).collect();
    for m in PERSON.find_iter(&t.s) {
        // "Councillor Dana Whitfield" is Dana Whitfield behind her title.
        // Words in quote marks ("Into Asia") are titles, not people.
        let quoted = t.s[..m.start()].ends_with(['"', '“', '«', '„']);
        if quoted {
            continue;
        }
        let name = known
            .iter()
            .find(|k| m.as_str().ends_with(&format!(" {k}")))
            .map_or(m.as_str(), |k| k.as_str());
        let offset = m.as_str().len() - name.len();
        add(&mut out, name, None, t.c(m.start() + offset));
    }
    for p in out.iter_mut() {
        p.positions.sort_unstable();
        p.first = p.positions.first().copied().unwrap_or(p.first);
    }
    out.sort_by_key(|p| p.first);
    out
}

/// Resolves a speaker mention at char `pos` to a person or organisation.
fn resolve(mention: &str, pos: usize, people: &[Person], t: &Text) -> Option<Speaker> {
    let m = mention.trim();
    let lower = m.to_lowercase();
    if PRONOUNS.contains(&m) {
        if lower == "they" {
            return None;
        }
        // The most recent person named before the mention, outside quoted words.
        return people
            .iter()
            .filter_map(|p| {
                p.positions
                    .iter()
                    .rev()
                    .find(|&&x| x < pos)
                    .map(|&x| (x, p))
            })
            .chain(surname_mentions(people, t, pos))
            .max_by_key(|(x, _)| *x)
            .map(|(_, p)| Speaker {
                name: p.name.clone(),
                role: p.role.clone(),
                is_org: false,
            });
    }
    let capital_org = m
        .strip_prefix("the ")
        .or_else(|| m.strip_prefix("The "))
        .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
    if let Some(noun) = lower.strip_prefix("the ").filter(|_| !capital_org) {
        let noun = noun.trim();
        // A role noun: the person whose role contains it.
        if let Some(p) = people.iter().rev().find(|p| {
            p.first < pos
                && p.role.as_deref().is_some_and(|r| {
                    r.to_lowercase()
                        .contains(noun.split_whitespace().last().unwrap_or(noun))
                })
        }) {
            return Some(Speaker {
                name: p.name.clone(),
                role: p.role.clone(),
                is_org: false,
            });
        }
        // An organisation: its capitalised name in the text, else the phrase itself.
        let head = noun.split_whitespace().last().unwrap_or(noun);
        let org =
            find_org(t, head, pos).unwrap_or_else(|| m.trim_start_matches("the ").to_string());
        return Some(Speaker {
            name: org,
            role: None,
            is_org: true,
        });
    }
    // A name, possibly behind a title ("Energy Minister Paul Arnaud").
    if let Some(p) = people
        .iter()
        .find(|p| m == p.name || m.ends_with(&format!(" {}", p.name)))
    {
        return Some(Speaker {
            name: p.name.clone(),
            role: p.role.clone(),
            is_org: false,
        });
    }
    if m.starts_with("the ") || m.starts_with("The ") {
        let org = m.trim_start_matches("the ").trim_start_matches("The ");
        if org.starts_with(|c: char| c.is_uppercase()) {
            return Some(Speaker {
                name: org.to_string(),
                role: None,
                is_org: true,
            });
        }
    }
    // A surname (or a family name written first): the person introduced with it.
    let words: Vec<&str> = m.split_whitespace().collect();
    if words.len() == 1 {
        if let Some(p) = people
            .iter()
            .find(|p| p.name.split_whitespace().last() == Some(m) && p.first <= pos)
            .or_else(|| {
                people
                    .iter()
                    .find(|p| p.name.split_whitespace().next() == Some(m) && p.first <= pos)
            })
        {
            return Some(Speaker {
                name: p.name.clone(),
                role: p.role.clone(),
                is_org: false,
            });
        }
        return None;
    }
    if words.iter().any(|w| NOT_PERSON_WORDS.contains(w))
        || words.last().is_some_and(|w| ORG_HEADS.contains(w))
    {
        return Some(Speaker {
            name: m.trim_start_matches("The ").to_string(),
            role: None,
            is_org: true,
        });
    }
    Some(Speaker {
        name: m.to_string(),
        role: None,
        is_org: false,
    })
}

const ORG_HEADS: &[&str] = &[
    "Board",
    "Authority",
    "Ministry",
    "Council",
    "Union",
    "Court",
    "Department",
    "Agency",
    "Office",
    "Commission",
];

fn surname_mentions<'a>(
    people: &'a [Person],
    t: &Text,
    pos: usize,
) -> impl Iterator<Item = (usize, &'a Person)> + 'a {
    let before = t.slice(pos.saturating_sub(600), pos);
    let base = pos.saturating_sub(600);
    let mut found = Vec::new();
    for p in people {
        for part in [
            p.name.split_whitespace().last(),
            p.name.split_whitespace().next(),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(i) = before.rfind(part) {
                found.push((base + before[..i].chars().count(), p));
            }
        }
    }
    found.into_iter()
}

fn find_org(t: &Text, head: &str, pos: usize) -> Option<String> {
    let mut c = head.chars();
    let cap = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())?;
    let end = t.b(pos).min(t.s.len());
    let hay = &t.s[..end];
    let at = hay.rfind(&cap)?;
    // Walk back over the capitalised words before the head ("Velan Harbor Authority").
    let words: Vec<&str> = hay[..at].split(' ').collect();
    let mut parts: Vec<&str> = vec![cap.as_str()];
    for w in words.iter().rev().skip(1).take(4) {
        if w.starts_with(|ch: char| ch.is_uppercase())
            && w.chars()
                .all(|ch| ch.is_alphanumeric() || ch == '\'' || ch == '’' || ch == '-')
        {
            parts.push(w);
        } else {
            break;
        }
    }
    if parts.len() < 2 {
        return None;
    }
    parts.reverse();
    Some(parts.join(" ").trim_start_matches("The ").to_string())
}

/// The sentence boundaries around a char position (start of sentence, end of sentence).
fn sentence_bounds(t: &Text, a: usize, b: usize) -> (usize, usize) {
    let ch = &t.chars;
    let mut s = a;
    while s > 0 {
        let c = ch[s - 1];
        if c == '\n' || (matches!(c, '.' | '!' | '?') && s < ch.len() && ch[s] == ' ') {
            break;
        }
        // A quotation that ends a sentence: `... slogan." "The buses ...`.
        if matches!(c, '"' | '”' | '»' | '“')
            && s >= 2
            && matches!(ch[s - 2], '.' | '!' | '?')
            && s < ch.len()
            && ch[s] == ' '
        {
            break;
        }
        s -= 1;
    }
    let mut e = b;
    while e < ch.len() {
        let c = ch[e];
        if c == '\n' {
            break;
        }
        if matches!(c, '.' | '!' | '?')
            && (e + 1 >= ch.len() || ch[e + 1] == ' ' || ch[e + 1] == '\n')
        {
            e += 1;
            break;
        }
        e += 1;
    }
    (s, e)
}

/// Extracts the direct quotes, partial quotes and reported statements of an article text.
pub fn extract(text: &str) -> Vec<Quote> {
    let t = Text::new(text);
    let people = people(&t);
    let marked = find_marked(&t);
    let mut out: Vec<Quote> = Vec::new();
    let mut last: Option<(usize, Option<Speaker>, Option<Span>, usize)> = None; // (paragraph end pos, speaker, mention, quote index)
    let mut skip_next = false;
    for (k, m) in marked.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let first = m.pieces[0];
        let content = t.slice(first.start, m.pieces.last().map_or(first.end, |p| p.end));
        let words = content.split_whitespace().count();
        let (ss, se) = sentence_bounds(&t, m.open, m.close);
        let before = t.slice(ss, m.open);
        // Titles, nicknames and coined terms.
        let lower_before = before.to_lowercase();
        if [
            "podcast",
            "show",
            "programme",
            "program",
            "film",
            "book",
            "titled",
            "called",
            "dubbed",
            "nicknamed",
            "known as",
            "the ",
        ]
        .iter()
        .any(|w| lower_before.trim_end().ends_with(w))
            && words <= 6
        {
            continue;
        }
        let lower_after = t
            .slice(m.close, (m.close + 24).min(t.chars.len()))
            .to_lowercase();
        if [
            "podcast",
            "show",
            "programme",
            "series",
            "documentary",
            "newsletter",
            "album",
        ]
        .iter()
        .any(|w| lower_after.trim_start().starts_with(w))
            && words <= 6
        {
            continue;
        }
        // Attribution after the closing mark, or before the opening mark.
        let after_b = t.b(m.close.min(t.chars.len()));
        let after_end = t.b(se.max(m.close));
        let after = &t.s[after_b..after_end.max(after_b)];
        let mut speaker_mention: Option<(String, usize)> = None;
        if let Some(c) = AFTER_SAID_X.captures(after)
            && let Some(w) = c.name("a").or(c.name("b"))
        {
            speaker_mention = Some((w.as_str().to_string(), t.c(after_b + w.start())));
        }
        if speaker_mention.is_none() {
            let bb = t.b(ss);
            let ob = t.b(m.open);
            if let Some(c) = BEFORE_X_SAID.captures(&t.s[bb..ob.max(bb)]) {
                if let Some(w) = c.name("who") {
                    speaker_mention = Some((w.as_str().to_string(), t.c(bb + w.start())));
                }
            } else if let Some(c) = ACCORDING_TO.captures(&t.s[bb..t.b(se).max(bb)])
                && let Some(w) = c.name("who")
            {
                speaker_mention = Some((w.as_str().to_string(), t.c(bb + w.start())));
            }
        }
        // Split quote: "first half," X said, "second half."
        let mut pieces = m.pieces.clone();
        if speaker_mention.is_some()
            && let Some(next) = marked.get(k + 1)
            && next.open >= m.close
            && t.slice(m.close, next.open)
                .chars()
                .all(|c| c != '\n' && c != '.')
            && t.slice(m.close, next.open).split_whitespace().count() <= 25
            && content.trim_end().ends_with(',')
            && t.slice(m.close, next.open).trim_end().ends_with(',')
        {
            pieces.extend(next.pieces.iter().copied());
            skip_next = true;
        }
        let in_sentence =
            before.split_whitespace().count() >= 3 && !before.trim_end().ends_with([':', ',']);
        let (speaker, mention, conf) = match &speaker_mention {
            Some((w, pos)) => {
                let sp = resolve(w, *pos, &people, &t);
                let len = w.chars().count();
                let conf = if sp.is_some() {
                    if PRONOUNS.contains(&w.as_str()) {
                        0.8
                    } else {
                        0.9
                    }
                } else {
                    0.4
                };
                (sp, Some(Span::new(*pos, *pos + len)), conf)
            }
            None => {
                // A follow-on quote in the same or the next paragraph inherits the previous speaker.
                match &last {
                    Some((end, sp, men, _))
                        if sp.is_some() && m.open <= end + 2 && !in_sentence =>
                    {
                        (sp.clone(), *men, 0.7)
                    }
                    _ => (None, None, 0.3),
                }
            }
        };
        let kind = if in_sentence && words <= 8 {
            // Quoted words inside a sentence: a partial quote when the sentence names the speaker.
            if speaker.is_some() && speaker_mention.is_some() {
                QuoteKind::Partial
            } else {
                continue;
            }
        } else if speaker_mention.is_some() || (speaker.is_some() && words > 4) {
            QuoteKind::Direct
        } else if words > 6 {
            // An unattributed quotation: kept, its speaker unknown.
            QuoteKind::Direct
        } else {
            continue;
        };
        // Unattributed long quotes are kept only when nothing contradicts them being speech.
        let trimmed: Vec<Span> = pieces
            .iter()
            .map(|p| trim_piece(&t, *p))
            .filter(|p| !p.is_empty())
            .collect();
        if trimmed.is_empty() {
            continue;
        }
        let text = trimmed
            .iter()
            .map(|p| t.slice(p.start, p.end))
            .collect::<Vec<_>>()
            .join(" ");
        let para_end = {
            let mut e = m.close;
            while e < t.chars.len() && t.chars[e] != '\n' {
                e += 1;
            }
            // The next paragraph starts two characters later.
            e
        };
        if kind == QuoteKind::Direct {
            last = Some((para_end, speaker.clone(), mention, out.len()));
        }
        out.push(Quote {
            kind,
            pieces: trimmed,
            text,
            speaker,
            mention,
            confidence: conf,
        });
    }
    // Reported speech: sentences without quote marks.
    for (re, _) in [(&*REPORTED, 0), (&*ACCORDING_CLAUSE, 1)] {
        for c in re.captures_iter(&t.s) {
            let (Some(w), Some(cl)) = (c.name("who"), c.name("clause")) else {
                continue;
            };
            let (a, b) = (t.c(cl.start()), t.c(cl.end()));
            let first_word = cl
                .as_str()
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            const PREPS: &[&str] = &[
                "on", "in", "at", "to", "for", "with", "after", "before", "during", "by", "from",
                "about", "of", "it", "so", "and", "but", "as", "when", "if",
            ];
            if cl.as_str().split_whitespace().count() < 5
                || PREPS.contains(&first_word.as_str())
                || out
                    .iter()
                    .any(|q| q.pieces.iter().any(|p| p.start < b && a < p.end))
            {
                continue;
            }
            let pos = t.c(w.start());
            let sp = resolve(w.as_str(), pos, &people, &t);
            if sp.is_none() {
                continue;
            }
            out.push(Quote {
                kind: QuoteKind::Reported,
                pieces: vec![Span::new(a, b)],
                text: t.slice(a, b),
                speaker: sp,
                mention: Some(Span::new(pos, pos + w.as_str().chars().count())),
                confidence: 0.7,
            });
        }
    }
    out.sort_by_key(|q| q.pieces[0].start);
    out
}

/// Trims whitespace and a closing comma from a quoted piece.
fn trim_piece(t: &Text, p: Span) -> Span {
    let (mut a, mut b) = (p.start, p.end.min(t.chars.len()));
    while a < b && t.chars[a].is_whitespace() {
        a += 1;
    }
    while b > a && (t.chars[b - 1].is_whitespace() || t.chars[b - 1] == ',') {
        b -= 1;
    }
    Span::new(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(s: &str) -> Vec<(String, Option<String>, QuoteKind)> {
        extract(s)
            .into_iter()
            .map(|q| (q.text, q.speaker.map(|s| s.name), q.kind))
            .collect()
    }

    #[test]
    fn attributes_the_usual_patterns() {
        let text = "Harbor Authority chair Lina Okafor defended the plan. \"We need the channel,\" said Okafor. \"It is our best chance.\"\n\n\
                    Ines Maro, a marine biologist at Vell University, said: \"The eelgrass will not come back.\"\n\n\
                    \"It is a gamble,\" she said, \"and the fish will pay for it.\"\n\n\
                    Maro warned that the dredging could wipe out the spawning grounds.";
        let q = quotes(text);
        let okafor = Some("Lina Okafor".to_string());
        let maro = Some("Ines Maro".to_string());
        assert!(
            q.contains(&(
                "We need the channel".into(),
                okafor.clone(),
                QuoteKind::Direct
            )),
            "{q:?}"
        );
        assert!(
            q.contains(&("It is our best chance.".into(), okafor, QuoteKind::Direct)),
            "{q:?}"
        );
        assert!(
            q.contains(&(
                "The eelgrass will not come back.".into(),
                maro.clone(),
                QuoteKind::Direct
            )),
            "{q:?}"
        );
        assert!(
            q.contains(&(
                "It is a gamble and the fish will pay for it.".into(),
                maro.clone(),
                QuoteKind::Direct
            )),
            "{q:?}"
        );
        assert!(
            q.contains(&(
                "the dredging could wipe out the spawning grounds".into(),
                maro,
                QuoteKind::Reported
            )),
            "{q:?}"
        );
    }

    #[test]
    fn spans_point_at_the_quoted_words() {
        let text = "« C'est fini », a dit Marie Curie. Then \"one,\" said Ada Lovelace, \"two.\"\n\n„Gut“, sagte er.";
        for q in extract(text) {
            let joined: Vec<String> = q
                .pieces
                .iter()
                .map(|p| crate::text::slice_chars(text, p.start, p.end).to_string())
                .collect();
            assert_eq!(joined.join(" "), q.text);
        }
    }
}
