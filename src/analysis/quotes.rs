//! Rule-based quotation and speaker-attribution extractor for English news text: finds direct quotes, partial (mixed) quotes and reported speech, with the speaker mention, resolved speaker name, role and cue.
//!
//! Offsets are Unicode code points into the input text. Paragraphs are separated by blank lines
//! (any newline is treated as a paragraph break). For `Partial` quotes (a quoted fragment inside a
//! reported clause, e.g. `He said the plan was "a disaster" for voters`) the piece covers the whole
//! reported clause, quote marks included where they fall inside it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What kind of statement a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Verbatim words inside quote marks.
    Direct,
    /// Speech reported without quote marks ("X said that ..."): not verbatim.
    Reported,
    /// A quoted fragment inside a reported clause.
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

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// the text of the mention as written, e.g. "he", "Zhang", "the ministry"
    pub name: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// resolved full name, e.g. "Zhang Chi", or organisation
    pub name: String,
    pub role: Option<String>,
    pub is_org: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// code-point spans of the quoted content without the quote marks, one per piece
    pub pieces: Vec<(usize, usize)>,
    /// the pieces' texts joined with a single space
    pub text: String,
    /// None when unknown
    pub speaker: Option<Speaker>,
    /// the speaker mention nearest the quote (the cue's subject)
    pub mention: Option<Mention>,
    pub cue: Option<(usize, usize)>,
    pub confidence: f32,
}

// ---------------------------------------------------------------------------------------------
// word lists

fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

struct Lex {
    cue_bare: HashSet<&'static str>,
    cue_that: HashSet<&'static str>,
    cue_quote: HashSet<&'static str>,
    cue_participle: HashSet<&'static str>,
    aux: HashSet<&'static str>,
    role: HashSet<&'static str>,
    org: HashSet<&'static str>,
    det: HashSet<&'static str>,
    stop_fwd: HashSet<&'static str>,
    abbr: HashSet<&'static str>,
    title_before: HashSet<&'static str>,
    title_after: HashSet<&'static str>,
    discourse: HashSet<&'static str>,
    particles: HashSet<&'static str>,
    bad_head: HashSet<&'static str>,
    fem: HashSet<&'static str>,
    masc: HashSet<&'static str>,
}

fn lex() -> &'static Lex {
    static L: OnceLock<Lex> = OnceLock::new();
    L.get_or_init(|| Lex {
        cue_bare: set("say says said saying tell tells told telling add adds added adding argue argues argued arguing \
            contend contends contended contending claim claims claimed claiming insist insists insisted insisting \
            believe believes believed think thinks thought warn warns warned warning note notes noted noting \
            suggest suggests suggested suggesting predict predicts predicted predicting write writes wrote writing \
            tweet tweets tweeted tweeting explain explains explained explaining assert asserts asserted asserting \
            maintain maintains maintained acknowledge acknowledges acknowledged acknowledging admit admits admitted \
            caution cautions cautioned cautioning allege alleges alleged complain complains complained complaining \
            predicted counters countered conceded concedes"),
        cue_that: set("highlight highlights highlighted emphasize emphasizes emphasized emphasised emphasising \
            stress stresses stressed stressing announce announces announced confirm confirms confirmed \
            report reports reported concede declare declares declared state states stated reveal reveals revealed \
            conclude concludes concluded doubt doubts doubted agree agrees agreed deny denies denied testify testified \
            feel feels felt hope hopes hoped fear fears feared know knows knew recall recalls recalled \
            acknowledge insist boast boasts boasted lament laments lamented promise promises promised vow vows vowed \
            estimate estimates estimated indicate indicates indicated charge charges charged observe observes observed \
            mention mentions mentioned remind reminded reminds"),
        cue_quote: set("ask asks asked asking reply replies replied respond responds responded continue continues continued \
            joke jokes joked quip quips quipped exclaim exclaimed shout shouted yell yelled remark remarks remarked \
            recall recalled recalls observe observed tweeted posted posts wrote writes added told explained declared \
            announced concluded insisted warned said says call calls called calling describe describes described \
            describing dub dubs dubbed refer refers referred referring accuse accuses accused accusing blame blames blamed \
            pledge pledged pledges blast blasts blasted praise praised praises mock mocked mocks dismiss dismissed \
            criticize criticized criticizes thank thanked question questioned proclaim proclaimed promise promised \
            vow vowed cite cites cited citing credit credited label labeled labelled labels brand branded deride derided \
            slam slammed slams chant chanted cry cried urge urged urges urging assure assured assures offer offered \
            interject interjected characterize characterized characterizes decry decried denounce denounced denounces \
            lambast lambasted tout touted touts hail hailed recount recounted scoff scoffed retort retorted snap snapped \
            muse mused wonder wondered wonders plead pleaded beg begged demand demanded demands confess confessed \
            whisper whispered read reads insisting declaring calling proclaiming pledging promising vowing blasting \
            praising mocking dismissing criticizing thanking questioning describing accusing blaming urging \
            exhort exhorts exhorted liken likens likened condemn condemns condemned condemning encourage \
            encourages encouraged compare compares compared comparing imply implies implied pronounce \
            pronounced portray portrays portrayed bemoan bemoans bemoaned attack attacks attacked chanting \
            rate rates rated sing sings sang singing yells screamed scream screams quote quotes quoted \
            quoting"),
        cue_participle: set("adding saying asking noting continuing explaining insisting arguing warning \
            declaring writing tweeting concluding quipping joking telling replying responding"),
        aux: set("has have had also now later then once recently previously again further repeatedly reportedly publicly \
            privately often frequently earlier since long just would will could did does do not never always already \
            still even is was quoted as has been had once first subsequently separately angrily flatly simply"),
        role: set("president vice sen senator rep representative gov governor mayor secretary minister prime chancellor \
            judge justice gen general dr prof professor ceo cfo coo cto chairman chairwoman chair director chief attorney \
            speaker leader spokesman spokeswoman spokesperson ambassador pope king queen prince princess mr mrs ms miss \
            sir lord lady adm admiral col colonel lt sgt capt captain commissioner sheriff detective officer agent former \
            state house senate candidate nominee democratic republican democrat gop rev reverend rabbi deputy assistant \
            executive founder co-founder cofounder host anchor correspondent editor reporter analyst economist pastor \
            bishop cardinal counsel adviser advisor aide manager strategist pollster treasurer superintendent principal \
            coach lawmaker congressman congresswoman councilman councilwoman delegate presidential first white u.s us \
            american federal national majority minority whip press campaign chairperson commander inspector \
            department foreign defense homeland security affairs interior justice energy of the"),
        org: set("department ministry house committee campaign party post times news journal agency office council \
            university institute association administration court senate congress inc corp group company bank service \
            commission foundation network union police center centre bureau board organization organisation government \
            reuters press tribune herald magazine review cnn nbc abc cbs msnbc fox ap pac fund coalition alliance \
            federation league club firm school college hospital church army navy pentagon kremlin facebook google \
            twitter microsoft poll survey report study statement ad website newspaper paper outlet channel station \
            authority authorities commission coalition caucus staff team spokesman spokeswoman states united america \
            china russia iran iraq syria israel mexico canada france germany britain japan korea india pakistan \
            ukraine turkey cuba europe eu nato un"),
        det: set("the a an another one two three four some many several most his her their its our my your this \
            these those other both all each few no such"),
        stop_fwd: set("in on at to during after before while when who which that for from with about by last this \
            yesterday today tonight monday tuesday wednesday thursday friday saturday sunday as and but or because \
            if although though where than into over under, via recently earlier later"),
        abbr: set("mr mrs ms dr sen rep gov gen lt col sgt st jr sr inc corp co ltd vs etc no jan feb mar apr jun jul \
            aug sep sept oct nov dec prof pres rev ft mt capt cmdr adm atty supt dept univ est approx fig u.s a.m p.m \
            d.c u.n u.k e.g i.e ph.d"),
        title_before: set("podcast titled entitled so-called hashtag episode column headline slogan book film movie \
            album song documentary novel essay"),
        title_after: set("podcast show film movie book album song program programme series documentary column episode \
            hashtag slogan tour act bill law doctrine campaign movement initiative"),
        discourse: set("and but so still yet also then later however meanwhile or plus now again even too"),
        particles: set("de van von al bin der la del di da le du dos das ibn mc st"),
        bad_head: set("who which that what there this it one these those each all some any none nothing something \
            everyone everybody anyone anybody someone somebody nobody here where why how whom whose"),
        fem: set("hillary mary elizabeth sarah anne ann nancy susan karen linda barbara patricia jennifer maria lisa \
            michelle melania ivanka kellyanne chelsea jane laura kate katie emily emma olivia jessica ashley amanda \
            megyn carly nikki sheryl elizabeth dianne kamala theresa angela marine sandra donna deborah debbie \
            rebecca rachel julie claire diane janet joan judith kathleen martha margaret helen ruth sharon cynthia \
            amy anna heather nicole stephanie christine catherine kathryn tulsi huma hope sheila betsy jill jeanne"),
        masc: set("donald barack joe john james robert michael william david richard charles thomas mark paul steven \
            george kenneth edward brian ronald anthony kevin jason matthew gary timothy jose larry jeffrey frank scott \
            eric stephen andrew raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl \
            arthur ryan roger bernie ted marco jeb chris mike mitch rand ben bill newt rudy reince sean jared eric \
            elon jensen geoffrey jack tim jim tom bob dan dick al vladimir xi justin hugh"),
    })
}

/// Whether the words between two quotes introduce a second statement ("..., she said, adding
/// later, "..."") rather than interrupt one.
pub fn introduces_new_statement(between: &str) -> bool {
    let l = lex();
    between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| l.cue_participle.contains(w.to_lowercase().as_str()))
}

// ---------------------------------------------------------------------------------------------
// tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TK {
    Word,
    Punct,
    DQ,
    SQ,
    Para,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Ambig,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    kind: TK,
    dir: Dir,
    cap: bool,
}

fn is_dq(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' | '\u{2033}'
    )
}
fn is_sq(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2039}' | '\u{203A}' | '`'
    )
}
fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}
fn open_ctx(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
                )
        }
    }
}
fn close_ctx(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '\u{2014}'
                        | '\u{2013}'
                        | '-'
                        | '\u{2026}'
                )
                || is_dq(c)
                || is_sq(c)
        }
    }
}

fn tokenize(text: &str) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let mut toks = Vec::with_capacity(n / 4 + 4);
    let mut i = 0;
    let end_of = |k: usize| if k < n { chars[k].0 } else { text.len() };
    while i < n {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            let mut j = i;
            let mut nl = false;
            while j < n && chars[j].1.is_whitespace() {
                if chars[j].1 == '\n' || chars[j].1 == '\r' || chars[j].1 == '\u{2029}' {
                    nl = true;
                }
                j += 1;
            }
            if nl {
                toks.push(Tok {
                    s: b,
                    e: end_of(j),
                    kind: TK::Para,
                    dir: Dir::Ambig,
                    cap: false,
                });
            }
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < n {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if j + 1 < n
                    && chars[j + 1].1.is_alphanumeric()
                    && (is_apos(d) || d == '-' || d == '\u{2010}' || d == '&' || {
                        // "U.S", "a.m", "Ph.D": only short segments before the dot
                        let mut m = j;
                        while m > i && chars[m - 1].1.is_alphanumeric() {
                            m -= 1;
                        }
                        d == '.' && j - m <= 2
                    })
                {
                    j += 2;
                } else {
                    break;
                }
            }
            toks.push(Tok {
                s: b,
                e: end_of(j),
                kind: TK::Word,
                dir: Dir::Ambig,
                cap: c.is_uppercase(),
            });
            i = j;
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = if i + 1 < n {
            Some(chars[i + 1].1)
        } else {
            None
        };
        let e = end_of(i + 1);
        if is_dq(c) || is_sq(c) {
            let oc = open_ctx(prev);
            let cc = close_ctx(next);
            let ctx = if oc && !cc {
                Dir::Open
            } else if cc && !oc {
                Dir::Close
            } else {
                Dir::Ambig
            };
            let dir = match c {
                '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{2018}' | '\u{201A}'
                | '\u{2039}' => {
                    if ctx == Dir::Close {
                        Dir::Close
                    } else {
                        Dir::Open
                    }
                }
                '\u{201D}' | '\u{BB}' | '\u{2033}' | '\u{2019}' | '\u{203A}' => {
                    if ctx == Dir::Open {
                        Dir::Open
                    } else {
                        Dir::Close
                    }
                }
                _ => ctx,
            };
            toks.push(Tok {
                s: b,
                e,
                kind: if is_dq(c) { TK::DQ } else { TK::SQ },
                dir,
                cap: false,
            });
        } else {
            toks.push(Tok {
                s: b,
                e,
                kind: TK::Punct,
                dir: Dir::Ambig,
                cap: false,
            });
        }
        i += 1;
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// quote spans

#[derive(Debug, Clone)]
struct QSpan {
    open: usize,          // token index of the opening mark
    close: Option<usize>, // token index of the closing mark
    last: usize, // last token index belonging to the unit (close mark or last content token)
    cs: usize,   // content byte start
    ce: usize,   // content byte end
    words: usize,
    cont_of: Option<usize>,
    ignored: bool,
}

fn find_quotes(text: &str, toks: &[Tok], paras: &[(usize, usize)]) -> Vec<QSpan> {
    let mut qs: Vec<QSpan> = Vec::new();
    for &(a, b) in paras {
        let mut open: Option<usize> = None;
        let mut spans: Vec<(usize, Option<usize>)> = Vec::new();
        for (k, t) in toks.iter().enumerate().take(b).skip(a) {
            if t.kind != TK::DQ {
                continue;
            }
            match (open, t.dir) {
                (None, Dir::Open) | (None, Dir::Ambig) => open = Some(k),
                (None, Dir::Close) => {
                    // stray closing mark: if it is the very start of the paragraph treat as opener
                    if k == a {
                        open = Some(k)
                    }
                }
                (Some(o), Dir::Close) | (Some(o), Dir::Ambig) => {
                    spans.push((o, Some(k)));
                    open = None;
                }
                (Some(o), Dir::Open) => {
                    if k == o + 1 {
                        // empty/double mark; keep first
                        continue;
                    }
                    spans.push((o, None));
                    open = Some(k);
                }
            }
        }
        if let Some(o) = open {
            spans.push((o, None));
        }
        for (si, &(o, c)) in spans.iter().enumerate() {
            let last = match c {
                Some(c) => c,
                None => {
                    // unclosed: runs to the next opener or paragraph end
                    let nxt = spans.get(si + 1).map(|x| x.0).unwrap_or(b);
                    if nxt > o + 1 { nxt - 1 } else { o }
                }
            };
            let cs = toks[o].e;
            let ce = match c {
                Some(c) => toks[c].s,
                None => toks[last].e.max(cs),
            };
            let (cs, ce) = trim_ws(text, cs, ce);
            let words = (o + 1..=last)
                .filter(|&k| k < toks.len() && toks[k].kind == TK::Word)
                .count();
            qs.push(QSpan {
                open: o,
                close: c,
                last,
                cs,
                ce,
                words,
                // set by `recompute_cont` once all quotes are known
                cont_of: None,
                ignored: false,
            });
        }
    }
    // top-level single quotes (outside double quotes), paired within a paragraph
    let mut inside = vec![false; toks.len()];
    for q in &qs {
        let hi = q.last.min(toks.len() - 1);
        if q.open <= hi {
            inside[q.open..=hi].fill(true);
        }
    }
    for &(a, b) in paras {
        let mut k = a;
        while k < b {
            let t = &toks[k];
            if t.kind == TK::SQ
                && !inside[k]
                && t.dir == Dir::Open
                && k + 1 < b
                && toks[k + 1].kind == TK::Word
            {
                let mut found = None;
                let mut m = k + 1;
                while m < b && m < k + 60 {
                    if inside[m] {
                        break;
                    }
                    if toks[m].kind == TK::SQ && toks[m].dir == Dir::Close {
                        found = Some(m);
                        break;
                    }
                    m += 1;
                }
                if let Some(m) = found {
                    let (cs, ce) = trim_ws(text, toks[k].e, toks[m].s);
                    let words = (k + 1..m).filter(|&x| toks[x].kind == TK::Word).count();
                    if words > 0 {
                        qs.push(QSpan {
                            open: k,
                            close: Some(m),
                            last: m,
                            cs,
                            ce,
                            words,
                            cont_of: None,
                            ignored: false,
                        });
                        k = m + 1;
                        continue;
                    }
                }
            }
            k += 1;
        }
    }
    qs.sort_by_key(|q| q.open);
    qs
}

fn trim_ws(text: &str, mut s: usize, mut e: usize) -> (usize, usize) {
    let b = text.as_bytes();
    while s < e && (b[s] as char).is_ascii_whitespace() {
        s += 1;
    }
    while e > s && (b[e - 1] as char).is_ascii_whitespace() {
        e -= 1;
    }
    // non-ascii whitespace (nbsp)
    while let Some(c) = text[s..e].chars().next().filter(|c| c.is_whitespace()) {
        s += c.len_utf8();
    }
    while let Some(c) = text[s..e].chars().next_back().filter(|c| c.is_whitespace()) {
        e -= c.len_utf8();
    }
    (s, e)
}

// ---------------------------------------------------------------------------------------------
// entities

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    M,
    F,
}

#[derive(Debug, Clone)]
struct Entity {
    name: String,
    roles: Vec<String>,
    is_org: bool,
    gender: Option<Gender>,
    last_seen: usize,
}

#[derive(Default)]
struct Ents {
    list: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl Ents {
    fn speaker(&self, id: usize) -> Speaker {
        let e = &self.list[id];
        Speaker {
            name: e.name.clone(),
            role: e.roles.first().cloned(),
            is_org: e.is_org,
        }
    }
    fn register(
        &mut self,
        words: &[&str],
        role: Option<String>,
        is_org: bool,
        gender: Option<Gender>,
        pos: usize,
    ) -> usize {
        let name = words.join(" ");
        let sur = strip_poss(words.last().copied().unwrap_or("")).to_string();
        let key_full = name.to_lowercase();
        let key_sur = sur.to_lowercase();
        let id = if let Some(&id) = self.by_key.get(&key_full) {
            id
        } else if let (true, Some(&id)) = (words.len() == 1, self.by_key.get(&key_sur)) {
            id
        } else if let (true, Some(&id)) = (
            words.len() == 1,
            self.by_key.get(&strip_poss(words[0]).to_lowercase()),
        ) {
            id
        } else if let Some(&id) = self.by_key.get(&key_sur).filter(|&&id| {
            let e = &self.list[id];
            !e.is_org && !is_org && e.name.split(' ').count() == 1
        }) {
            // upgrade a surname-only entity to the full name
            self.list[id].name = name.clone();
            self.by_key.insert(key_full.clone(), id);
            id
        } else {
            let id = self.list.len();
            self.list.push(Entity {
                name: name.clone(),
                roles: vec![],
                is_org,
                gender: None,
                last_seen: pos,
            });
            self.by_key.insert(key_full.clone(), id);
            if !is_org && words.len() > 1 {
                self.by_key.entry(key_sur.clone()).or_insert(id);
                // the first token too ("Zhang" for "Zhang Chi"), if not taken
                self.by_key.entry(words[0].to_lowercase()).or_insert(id);
            }
            id
        };
        let e = &mut self.list[id];
        if let Some(r) = role
            && !e.roles.iter().any(|x| x == &r)
        {
            e.roles.push(r);
        }
        if e.gender.is_none() {
            e.gender = gender;
        }
        e.last_seen = e.last_seen.max(pos);
        id
    }
    fn touch(&mut self, word: &str, pos: usize) {
        let w = strip_poss(word).to_lowercase();
        if let Some(&id) = self.by_key.get(&w) {
            let e = &mut self.list[id];
            if e.last_seen < pos {
                e.last_seen = pos;
            }
        }
    }
    fn pronoun(&mut self, g: Option<Gender>, org: bool, pos: usize) -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, e) in self.list.iter().enumerate() {
            if e.last_seen > pos || e.is_org != org {
                continue;
            }
            if let (Some(a), Some(b)) = (g, e.gender)
                && a != b
            {
                continue;
            }
            if best.is_none_or(|b| self.list[b].last_seen <= e.last_seen) {
                best = Some(i);
            }
        }
        if let (Some(b), Some(g)) = (best, g)
            && self.list[b].gender.is_none()
        {
            self.list[b].gender = Some(g);
        }
        best
    }
    fn by_role(&self, head: &str) -> Option<usize> {
        let h = head.to_lowercase();
        let mut best = None;
        for (i, e) in self.list.iter().enumerate() {
            if e.roles.iter().any(|r| {
                r.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == h)
            }) && best.is_none_or(|b: usize| self.list[b].last_seen <= e.last_seen)
            {
                best = Some(i);
            }
        }
        best
    }
}

fn strip_poss(w: &str) -> &str {
    for suf in ["\u{2019}s", "'s"] {
        if let Some(x) = w.strip_suffix(suf) {
            return x;
        }
    }
    w
}

// ---------------------------------------------------------------------------------------------
// sentence units

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum U {
    T(usize),
    Q(usize),
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    qs: &'a [QSpan],
}

impl<'a> Ctx<'a> {
    fn ts(&self, k: usize) -> &'a str {
        &self.text[self.toks[k].s..self.toks[k].e]
    }
    fn word(&self, u: U) -> Option<&'a str> {
        match u {
            U::T(k) if self.toks[k].kind == TK::Word => Some(self.ts(k)),
            _ => None,
        }
    }
    fn lw(&self, u: U) -> Option<String> {
        self.word(u).map(|w| w.to_lowercase())
    }
    fn is_punct(&self, u: U, c: &str) -> bool {
        match u {
            U::T(k) => matches!(self.toks[k].kind, TK::Punct | TK::DQ | TK::SQ) && self.ts(k) == c,
            _ => false,
        }
    }
    fn span(&self, u: U) -> (usize, usize) {
        match u {
            U::T(k) => (self.toks[k].s, self.toks[k].e),
            U::Q(q) => {
                let qq = &self.qs[q];
                let e = match qq.close {
                    Some(c) => self.toks[c].e,
                    None => qq.ce,
                };
                (self.toks[qq.open].s, e)
            }
        }
    }
    fn cap(&self, u: U) -> bool {
        match u {
            U::T(k) => self.toks[k].kind == TK::Word && self.toks[k].cap,
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
struct NP {
    s: usize, // unit index range [s, e)
    e: usize,
    head_s: usize, // the mention proper (name / pronoun / det NP)
    head_e: usize,
    kind: NpKind,
    role: Option<String>,
    name_words: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NpKind {
    Name,
    Pron,
    Common,
}

fn is_cue_word(l: &Lex, w: &str, quote_adjacent: bool) -> bool {
    l.cue_bare.contains(w) || l.cue_that.contains(w) || (quote_adjacent && l.cue_quote.contains(w))
}

/// Noun phrase ending at unit index `j` (inclusive), scanning backwards.
fn np_back(c: &Ctx, u: &[U], j: usize, lo: usize) -> Option<NP> {
    let l = lex();
    let w = c.word(u[j])?;
    let lw = w.to_lowercase();
    if matches!(lw.as_str(), "he" | "she" | "they" | "i" | "we" | "it") {
        return Some(NP {
            s: j,
            e: j + 1,
            head_s: j,
            head_e: j + 1,
            kind: NpKind::Pron,
            role: None,
            name_words: vec![],
        });
    }
    if lw == "who" && j > lo {
        // "figures who argue": the NP before "who"
        let mut k = j - 1;
        if c.is_punct(u[k], ",") && k > lo {
            k -= 1;
        }
        return np_back(c, u, k, lo).filter(|np| np.kind != NpKind::Pron);
    }
    if l.bad_head.contains(lw.as_str())
        || l.aux.contains(lw.as_str())
        || l.det.contains(lw.as_str())
    {
        return None;
    }
    if matches!(
        lw.as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    ) {
        // a date ("early Friday saying ...") is no speaker
        return None;
    }
    if c.cap(u[j]) && !w.ends_with("\u{2019}s") && !w.ends_with("'s") {
        // capitalised sequence
        let mut k = j;
        loop {
            if k == lo {
                break;
            }
            let p = u[k - 1];
            if c.cap(p) {
                k -= 1;
                continue;
            }
            if c.is_punct(p, ".")
                && k - 1 > lo
                && let Some(pw) = c.word(u[k - 2])
            {
                let pl = pw.to_lowercase();
                if (pw.chars().count() == 1 && c.cap(u[k - 2])) || l.abbr.contains(pl.as_str()) {
                    k -= 2;
                    continue;
                }
            }
            if let Some(pl) = c.lw(p)
                && (l.particles.contains(pl.as_str()) || pl == "of")
                && k - 1 > lo
                && c.cap(u[k - 2])
            {
                k -= 1;
                continue;
            }
            break;
        }
        // strip leading "The"/"A"
        let mut seq_s = k;
        let mut det_the = false;
        if let Some(fw) = c.lw(u[k])
            && l.det.contains(fw.as_str())
        {
            det_the = true;
            seq_s = k + 1;
        }
        if seq_s > j {
            return None;
        }
        // name = trailing non-role words
        let mut ns = j + 1;
        let mut cnt = 0;
        let mut x = j as isize;
        while x >= seq_s as isize {
            let ux = u[x as usize];
            if let Some(wx) = c.word(ux) {
                let lx = wx.to_lowercase();
                let acronym = wx.chars().count() >= 2
                    && wx
                        .chars()
                        .all(|ch| ch.is_uppercase() || ch == '.' || ch == '&');
                if l.role.contains(lx.trim_end_matches('.'))
                    || acronym
                    || wx.ends_with("\u{2019}s")
                    || wx.ends_with("'s")
                    || cnt >= 4
                {
                    break;
                }
                cnt += 1;
            }
            ns = x as usize;
            x -= 1;
        }
        let head_s = if ns <= j && !det_the {
            ns
        } else if det_the {
            k
        } else {
            seq_s
        };
        let kind = NpKind::Name;
        // role: the part of the sequence before the name plus lowercase modifiers before it
        let mut rs = seq_s;
        if head_s == ns && ns <= j {
            // extend role backwards over lowercase modifiers: "AI pioneer", "Alibaba chairman"
            while rs > lo {
                let p = u[rs - 1];
                match c.lw(p) {
                    Some(pl)
                        if !l.det.contains(pl.as_str())
                            && !l.stop_fwd.contains(pl.as_str())
                            && !l.aux.contains(pl.as_str())
                            && !l.cue_bare.contains(pl.as_str())
                            && !l.cue_that.contains(pl.as_str())
                            && !l.discourse.contains(pl.as_str())
                            && !matches!(
                                pl.as_str(),
                                "while"
                                    | "whereas"
                                    | "like"
                                    | "including"
                                    | "said"
                                    | "says"
                                    | "is"
                                    | "are"
                                    | "was"
                                    | "were"
                                    | "be"
                            )
                            && (rs > j.saturating_sub(12)) =>
                    {
                        rs -= 1
                    }
                    _ => break,
                }
            }
            // do not let the role start with a sentence-initial capitalised word that is a discourse word
        }
        let role = if head_s == ns && rs < ns {
            let (a, _) = c.span(u[rs]);
            let (_, b) = c.span(u[ns - 1]);
            let r = c.text[a..b].trim().to_string();
            if r.is_empty() { None } else { Some(r) }
        } else {
            None
        };
        let (name_from, mut s) = if head_s == ns && ns <= j {
            (ns, rs)
        } else {
            (head_s, head_s)
        };
        if s > lo && c.lw(u[s - 1]).is_some_and(|w| l.det.contains(w.as_str())) {
            s -= 1;
        }
        let name_words: Vec<String> = (name_from..=j)
            .filter_map(|x| c.word(u[x]).map(|w| w.to_string()))
            .filter(|w| !l.det.contains(w.to_lowercase().as_str()))
            .collect();
        if name_words.is_empty() {
            return None;
        }
        return Some(NP {
            s,
            e: j + 1,
            head_s,
            head_e: j + 1,
            kind,
            role,
            name_words,
        });
    }
    // lowercase common-noun phrase back to a determiner
    if !w.chars().next().is_some_and(|ch| ch.is_alphabetic()) {
        return None;
    }
    if l.cue_bare.contains(lw.as_str())
        || l.cue_that.contains(lw.as_str())
        || l.stop_fwd.contains(lw.as_str())
        || l.discourse.contains(lw.as_str())
    {
        return None;
    }
    let mut k = j;
    let mut found_det = false;
    let mut steps = 0;
    while k > lo && steps < 6 {
        let p = u[k - 1];
        let Some(pw) = c.word(p) else { break };
        let pl = pw.to_lowercase();
        // "63 percent said", "Obama's former strategist said": numbers and names as determiners
        if l.det.contains(pl.as_str())
            || pl.starts_with(|ch: char| ch.is_ascii_digit())
            || (pw.ends_with("\u{2019}s") || pw.ends_with("'s")) && c.cap(p)
        {
            k -= 1;
            found_det = true;
            break;
        }
        if l.stop_fwd.contains(pl.as_str())
            || l.aux.contains(pl.as_str())
            || l.discourse.contains(pl.as_str())
            || l.cue_bare.contains(pl.as_str())
            || matches!(pl.as_str(), "is" | "are" | "was" | "were" | "be" | "been")
        {
            break;
        }
        k -= 1;
        steps += 1;
    }
    let plural = lw.ends_with('s') && !lw.ends_with("ss");
    if !found_det && !plural {
        return None;
    }
    if !found_det && steps > 2 {
        return None;
    }
    Some(NP {
        s: k,
        e: j + 1,
        head_s: k,
        head_e: j + 1,
        kind: NpKind::Common,
        role: None,
        name_words: vec![],
    })
}

/// The subject NP at the start of a sentence (before `lim`), e.g. "Kasich" in "Kasich bemoaned ..., saying".
fn subject_at_start(c: &Ctx, u: &[U], lim: usize) -> Option<NP> {
    let l = lex();
    let mut k = 0;
    // skip discourse words and an introductory phrase ending in a comma
    while k < lim
        && c.word(u[k])
            .is_some_and(|x| l.discourse.contains(x.to_lowercase().as_str()))
    {
        k += 1;
    }
    if let Some(cm) = (k..lim.min(k + 10)).find(|&i| c.is_punct(u[i], ",")) {
        let fw = c.lw(u[k]).unwrap_or_default();
        if l.stop_fwd.contains(fw.as_str()) || fw == "after" || fw == "asked" {
            k = cm + 1;
        }
    }
    if k >= lim {
        return None;
    }
    let w = c.lw(u[k])?;
    if matches!(w.as_str(), "he" | "she" | "they" | "i" | "we") {
        return np_back(c, u, k, k);
    }
    // extend over a capitalised run (with determiners / lowercase role words up to the first verb-like word)
    let mut e = k;
    while e < lim && e < k + 8 {
        let Some(x) = c.word(u[e]) else { break };
        let lx = x.to_lowercase();
        // a lowercase word right after a name that is no role, determiner or particle is
        // its verb ("Hillary Clinton spoke out ...")
        let verb_after_name = e > k
            && c.cap(u[e - 1])
            && !l.role.contains(lx.as_str())
            && !l.det.contains(lx.as_str())
            && !l.particles.contains(lx.as_str());
        if !c.cap(u[e])
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
    np_back(c, u, e - 1, k).filter(|n| n.s <= k + 4)
}

/// Noun phrase starting at unit index `j` (inverted attribution: `said Vin Weber, a lobbyist`).
fn np_fwd(c: &Ctx, u: &[U], j: usize, hi: usize) -> Option<NP> {
    let l = lex();
    let mut k = j;
    let mut last_cap_run: Option<(usize, usize)> = None;
    let mut run_s: Option<usize> = None;
    let numeric = |x: usize| {
        c.word(u[x])
            .is_some_and(|w| w.chars().all(|ch| ch.is_ascii_digit()))
    };
    while k < hi && k < j + 10 {
        let uk = u[k];
        let Some(w) = c.word(uk) else {
            // a date-like modifier before the name: "said 9/11 widow Terry Strada"
            if c.is_punct(uk, "/") && k > j && numeric(k - 1) && k + 1 < hi && numeric(k + 1) {
                k += 1;
                continue;
            }
            if c.is_punct(uk, ".")
                && k > j
                && c.word(u[k - 1]).is_some_and(|p| {
                    p.chars().count() == 1 || l.abbr.contains(p.to_lowercase().as_str())
                })
                && k + 1 < hi
                && c.cap(u[k + 1])
            {
                k += 1;
                continue;
            }
            break;
        };
        let lw = w.to_lowercase();
        if k > j && (l.stop_fwd.contains(lw.as_str()) && !(lw == "of" && run_s.is_some())) {
            break;
        }
        if c.cap(uk) {
            let rs = *run_s.get_or_insert(k);
            last_cap_run = Some((rs, k + 1));
        } else if !l.particles.contains(lw.as_str()) && lw != "of" {
            run_s = None;
        }
        k += 1;
    }
    let e = k;
    if e == j {
        return None;
    }
    let first = c.lw(u[j]).unwrap_or_default();
    if matches!(first.as_str(), "he" | "she" | "they" | "i" | "we") {
        return Some(NP {
            s: j,
            e: j + 1,
            head_s: j,
            head_e: j + 1,
            kind: NpKind::Pron,
            role: None,
            name_words: vec![],
        });
    }
    if l.bad_head.contains(first.as_str()) && !l.det.contains(first.as_str()) {
        return None;
    }
    if let Some((rs, re)) = last_cap_run {
        // name = trailing non-role words of the run
        let mut ns = re;
        let mut x = re;
        let mut cnt = 0;
        while x > rs {
            let wx = c.word(u[x - 1]).unwrap_or("");
            let lx = wx.to_lowercase();
            let acronym =
                wx.chars().count() >= 2 && wx.chars().all(|ch| ch.is_uppercase() || ch == '.');
            if c.word(u[x - 1]).is_some()
                && (l.role.contains(lx.trim_end_matches('.')) || acronym || cnt >= 4)
            {
                break;
            }
            if c.word(u[x - 1]).is_some() {
                cnt += 1;
            }
            x -= 1;
            ns = x;
        }
        if ns < re && !l.det.contains(first.as_str()) {
            let role = if ns > j {
                let (a, _) = c.span(u[j]);
                let (_, b) = c.span(u[ns - 1]);
                Some(c.text[a..b].trim().to_string())
            } else {
                None
            };
            let name_words: Vec<String> = (ns..re)
                .filter_map(|x| c.word(u[x]).map(|w| w.to_string()))
                .collect();
            return Some(NP {
                s: j,
                e: re,
                head_s: ns,
                head_e: re,
                kind: NpKind::Name,
                role,
                name_words,
            });
        }
    }
    if l.det.contains(first.as_str()) || last_cap_run.is_some() {
        let name_words: Vec<String> = (j..e)
            .filter_map(|x| c.word(u[x]).map(|w| w.to_string()))
            .collect();
        let kind = if last_cap_run.is_some() && !l.det.contains(first.as_str()) {
            NpKind::Name
        } else {
            NpKind::Common
        };
        return Some(NP {
            s: j,
            e,
            head_s: j,
            head_e: e,
            kind,
            role: None,
            name_words,
        });
    }
    let plural = first.ends_with('s');
    if plural && e == j + 1 {
        return Some(NP {
            s: j,
            e,
            head_s: j,
            head_e: e,
            kind: NpKind::Common,
            role: None,
            name_words: vec![],
        });
    }
    None
}

#[derive(Debug, Clone)]
struct Attr {
    cue: usize, // unit index
    cue_e: usize,
    np: NP,
    region_s: usize,
    region_e: usize, // exclusive
    inverted: bool,
    according: bool,
}

/// Find the speaker of a cue at unit index `ci` in sentence units `u`.
fn attr_at(c: &Ctx, u: &[U], ci: usize, quote_adjacent: bool) -> Option<Attr> {
    let l = lex();
    let w = c.lw(u[ci])?;
    if w == "according" {
        if ci + 1 < u.len() && c.lw(u[ci + 1]).as_deref() == Some("to") {
            let np = np_fwd(c, u, ci + 2, u.len())?;
            let re = np.e;
            return Some(Attr {
                cue: ci,
                cue_e: ci + 2,
                region_s: ci,
                region_e: re,
                np,
                inverted: true,
                according: true,
            });
        }
        return None;
    }
    if !is_cue_word(l, &w, quote_adjacent) {
        return None;
    }
    let mut cue_e = ci + 1;
    if w == "pointed" {
        if ci + 1 < u.len() && c.lw(u[ci + 1]).as_deref() == Some("out") {
            cue_e = ci + 2;
        } else {
            return None;
        }
    }
    // "would continue", "to offer": a verb that reports speech only next to a quote
    if !l.cue_bare.contains(w.as_str())
        && !l.cue_that.contains(w.as_str())
        && ci > 0
        && c.lw(u[ci - 1]).is_some_and(|p| {
            matches!(
                p.as_str(),
                "would" | "will" | "could" | "can" | "should" | "may" | "might" | "must" | "to"
            )
        })
    {
        return None;
    }
    // passive "was told"
    if ci > 0
        && let Some(p) = c.lw(u[ci - 1])
        && matches!(
            p.as_str(),
            "was"
                | "were"
                | "been"
                | "being"
                | "be"
                | "to"
                | "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
        )
        && !matches!(w.as_str(), "saying")
    {
        return None;
    }
    // backwards, skipping auxiliaries and adverbs
    let mut j = ci;
    while j > 0 {
        let p = u[j - 1];
        if c.is_punct(p, ")") {
            // skip a parenthetical such as "(R)" or "(D-Calif.)"
            let mut m = j - 1;
            while m > 0 && j - m < 12 && !c.is_punct(u[m], "(") {
                m -= 1;
            }
            if c.is_punct(u[m], "(") && m > 0 {
                j = m;
                continue;
            }
            break;
        }
        match c.lw(p) {
            Some(pl)
                if l.aux.contains(pl.as_str())
                    || (pl.ends_with("ly") && pl.len() > 4 && !c.cap(p)) =>
            {
                j -= 1
            }
            // a date between subject and cue: "Sanders on Tuesday thanked ..."
            Some(pl)
                if matches!(
                    pl.as_str(),
                    "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                ) && j >= 2 =>
            {
                j -= 1;
                if c.lw(u[j - 1])
                    .is_some_and(|x| matches!(x.as_str(), "on" | "last" | "early" | "late"))
                {
                    j -= 1;
                }
            }
            _ => break,
        }
    }
    let mut np: Option<NP> = None;
    if j > 0 {
        let p = u[j - 1];
        let after_date = c.lw(p).is_some_and(|d| {
            matches!(
                d.as_str(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            )
        });
        let and_noun = c.lw(p).as_deref() == Some("and")
            && matches!(
                w.as_str(),
                "state"
                    | "report"
                    | "charge"
                    | "estimate"
                    | "fear"
                    | "hope"
                    | "promise"
                    | "note"
                    | "claim"
                    | "doubt"
            );
        if and_noun {
            // "federal and state law": a noun, not a coordinated cue
            return None;
        }
        if ((c.is_punct(p, ",") || after_date) && w.ends_with("ing"))
            || c.lw(p).as_deref() == Some("and")
        {
            // participial: "..., saying": subject of the sentence
            np = subject_at_start(c, u, j - 1);
        } else if c.is_punct(p, ",") {
            // apposition: X, a ..., said
            let mut k = j - 1;
            let mut tries = 0;
            while k > 0 && tries < 3 {
                let mut m = k;
                let mut found = None;
                while m > 0 && k - m < 40 {
                    m -= 1;
                    if matches!(u[m], U::Q(_)) {
                        break;
                    }
                    if c.is_punct(u[m], ",") {
                        found = Some(m);
                        break;
                    }
                }
                let Some(m) = found else { break };
                if m > 0
                    && let Some(mut n) = np_back(c, u, m - 1, 0)
                {
                    let (a, _) = c.span(u[m + 1]);
                    let (_, b) = c.span(u[j - 2]);
                    if m < j - 2 && a < b {
                        let app = c.text[a..b].trim();
                        let fl = app.split_whitespace().next().unwrap_or("").to_lowercase();
                        if !matches!(
                            fl.as_str(),
                            "who"
                                | "which"
                                | "whose"
                                | "where"
                                | "when"
                                | "in"
                                | "on"
                                | "at"
                                | "for"
                                | "according"
                        ) && !app.contains('"')
                        {
                            if n.role.is_none() {
                                n.role = Some(
                                    app.trim_start_matches(|ch: char| !ch.is_alphanumeric())
                                        .to_string(),
                                );
                            } else if n.kind == NpKind::Name {
                                n.role = Some(app.to_string());
                            }
                        }
                    }
                    n.e = j;
                    np = Some(n);
                    break;
                }
                k = m;
                tries += 1;
            }
        } else if let U::T(_) = p {
            np = np_back(c, u, j - 1, 0);
        }
    }
    if let Some(np) = np {
        // plural nouns that look like cues: "the suing states were", "media reports"
        if np.kind == NpKind::Common
            && matches!(
                w.as_str(),
                "states"
                    | "reports"
                    | "charges"
                    | "estimates"
                    | "fears"
                    | "hopes"
                    | "promises"
                    | "vows"
                    | "notes"
                    | "claims"
                    | "doubts"
                    | "mentions"
            )
        {
            return None;
        }
        if np.kind == NpKind::Common
            && !quote_adjacent
            && np.name_words.is_empty()
            && np.head_e - np.head_s > 5
        {
            return None;
        }
        let mut re = cue_e;
        // object of tell/ask: "told reporters", "told CNN"
        if matches!(
            w.as_str(),
            "told"
                | "tells"
                | "tell"
                | "telling"
                | "asked"
                | "asks"
                | "ask"
                | "reminded"
                | "reminds"
                | "warned"
                | "assured"
        ) {
            let mut k = cue_e;
            while k < u.len() && k < cue_e + 10 {
                match c.word(u[k]) {
                    Some(x) if x.to_lowercase() != "that" => k += 1,
                    _ => break,
                }
            }
            if k == u.len()
                || [",", ":", "."].iter().any(|p| c.is_punct(u[k], p))
                || c.lw(u[k]).as_deref() == Some("that")
                || matches!(u[k], U::Q(_))
            {
                re = k;
            }
        }
        return Some(Attr {
            cue: ci,
            cue_e,
            region_s: np.s.min(ci),
            region_e: re,
            np,
            inverted: false,
            according: false,
        });
    }
    // inverted: "..., said X"
    let prev_ok = j == 0
        || matches!(u[j - 1], U::Q(_))
        || c.is_punct(u[j - 1], ",")
        || c.is_punct(u[j - 1], "\u{2014}");
    if prev_ok
        && ci + 1 < u.len()
        && let Some(np) = np_fwd(c, u, cue_e, u.len())
    {
        let re = np.e;
        return Some(Attr {
            cue: ci,
            cue_e,
            region_s: ci,
            region_e: re,
            np,
            inverted: true,
            according: false,
        });
    }
    None
}

// ---------------------------------------------------------------------------------------------
// main extraction

/// Who spoke last and where: (speaker, mention span, paragraph index).
type Context = (Option<Speaker>, Option<(usize, usize)>, usize);

struct Out {
    kind: QuoteKind,
    pieces: Vec<(usize, usize)>, // bytes
    mention: Option<(usize, usize)>,
    speaker: Option<Speaker>,
    cue: Option<(usize, usize)>,
    conf: f32,
}

pub fn extract(text: &str) -> Vec<Quote> {
    let toks = tokenize(text);
    // paragraphs as token ranges
    let mut paras: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    for (i, t) in toks.iter().enumerate() {
        if t.kind == TK::Para {
            if i > a {
                paras.push((a, i));
            }
            a = i + 1;
        }
    }
    if toks.len() > a {
        paras.push((a, toks.len()));
    }
    let mut qs = find_quotes(text, &toks, &paras);
    let l = lex();
    // title / nickname quotes become plain tokens
    for q in qs.iter_mut() {
        let before = (0..q.open).rev().find(|&k| toks[k].kind == TK::Word);
        let after = ((q.last + 1)..toks.len()).find(|&k| {
            toks[k].kind != TK::Punct
                || text[toks[k].s..toks[k].e]
                    .chars()
                    .all(|c| c.is_alphanumeric())
        });
        let bw = before
            .filter(|&k| q.open - k == 1 && !toks[k].cap)
            .map(|k| text[toks[k].s..toks[k].e].to_lowercase());
        let aw = after
            .filter(|&k| toks[k].kind == TK::Word && k == q.last + 1)
            .map(|k| text[toks[k].s..toks[k].e].to_lowercase());
        let title = q.words <= 8
            && (bw.as_deref().is_some_and(|w| l.title_before.contains(w))
                || aw.as_deref().is_some_and(|w| l.title_after.contains(w)));
        // a subhead in single quotes on its own line: 'Coal Isn't the Villain.'
        let own_line = |k: Option<usize>| k.is_none_or(|k| toks[k].kind == TK::Para);
        let words: Vec<&Tok> = toks[q.open..=q.last.min(toks.len() - 1)]
            .iter()
            .filter(|t| t.kind == TK::Word)
            .collect();
        let after_heading = (q.last + 1..toks.len()).find(|&x| toks[x].kind != TK::Punct);
        let heading = toks[q.open].kind == TK::SQ
            && q.words <= 8
            && own_line(q.open.checked_sub(1))
            && own_line(after_heading)
            && words.iter().filter(|t| t.cap).count() * 2 > words.len();
        if title || heading {
            q.ignored = true;
        }
    }
    // continuation links (multi-paragraph quotes) by paragraph adjacency, on the sorted list
    recompute_cont(&mut qs, &toks, &paras);
    let mut unit_of_tok: Vec<Option<usize>> = vec![None; toks.len()];
    for (qi, q) in qs.iter().enumerate() {
        if q.ignored {
            continue;
        }
        let hi = q.last.min(toks.len() - 1);
        if q.open <= hi {
            unit_of_tok[q.open..=hi].fill(Some(qi));
        }
    }
    let c = Ctx {
        text,
        toks: &toks,
        qs: &qs,
    };
    let mut ents = Ents::default();
    let mut outs: Vec<Out> = Vec::new();
    let mut out_of_q: HashMap<usize, usize> = HashMap::new();
    // follow-on context: the last speaker, the mention, the paragraph
    let mut last: Option<Context> = None;
    let mut last_quote_para: Option<usize> = None;
    let mut intro_pending: Option<Context> = None;

    for (pi, &(pa, pb)) in paras.iter().enumerate() {
        // build units
        let mut units: Vec<U> = Vec::new();
        let mut k = pa;
        while k < pb {
            if let Some(qi) = unit_of_tok[k] {
                units.push(U::Q(qi));
                k = qs[qi].last + 1;
            } else {
                units.push(U::T(k));
                k += 1;
            }
        }
        // sentences
        let mut sents: Vec<(usize, usize)> = Vec::new();
        let mut s0 = 0;
        for i in 0..units.len() {
            let next = units.get(i + 1).copied();
            let next_lower = next.is_some_and(|n| {
                c.word(n)
                    .is_some_and(|w| w.chars().next().is_some_and(|ch| ch.is_lowercase()))
            });
            let boundary = match units[i] {
                U::T(t) => {
                    let s = c.ts(t);
                    if (s == "." || s == "!" || s == "?") && toks[t].kind == TK::Punct {
                        let abbr = s == "."
                            && i > 0
                            && c.word(units[i - 1]).is_some_and(|w| {
                                (w.chars().count() == 1 && w.chars().all(|ch| ch.is_uppercase()))
                                    || l.abbr.contains(w.to_lowercase().as_str())
                            })
                            && next.is_some_and(|n| c.cap(n));
                        // "U.S." ends a sentence unless a title follows ("U.S. Rep.")
                        let abbr = abbr
                            && (!matches!(
                                c.word(units[i - 1]).map(|w| w.to_lowercase()).as_deref(),
                                Some("u.s") | Some("a.m") | Some("p.m")
                            ) || next.is_some_and(|n| {
                                c.word(n)
                                    .is_some_and(|w| l.role.contains(w.to_lowercase().as_str()))
                            }));
                        let next_ok = next.is_some_and(|n| match n {
                            U::Q(_) => true,
                            U::T(t2) => {
                                let f = c.ts(t2).chars().next().unwrap_or(' ');
                                f.is_uppercase()
                                    || f.is_ascii_digit()
                                    || (matches!(toks[t2].kind, TK::DQ | TK::SQ)
                                        && toks[t2].dir != Dir::Close)
                            }
                        });
                        !abbr && !next_lower && next_ok
                    } else {
                        false
                    }
                }
                U::Q(q) => {
                    let qq = &qs[q];
                    let endc = text[qq.cs..qq.ce].chars().next_back();
                    // ""Why?" Graham asked." stays one sentence: a cue follows within a few words
                    let cue_follows = || {
                        units[i + 1..]
                            .iter()
                            .take(8)
                            .take_while(|&&n| !matches!(n, U::Q(_)) && !c.is_punct(n, "."))
                            .any(|&n| {
                                !c.cap(n)
                                    && c.lw(n).is_some_and(|w| {
                                        l.cue_bare.contains(w.as_str())
                                            || l.cue_quote.contains(w.as_str())
                                    })
                            })
                    };
                    matches!(endc, Some('.') | Some('!') | Some('?') | Some('\u{2026}'))
                        && next.is_some_and(|n| matches!(n, U::Q(_)) || c.cap(n))
                        && (endc == Some('.') || !cue_follows())
                }
            };
            if boundary {
                sents.push((s0, i + 1));
                s0 = i + 1;
            }
        }
        if s0 < units.len() {
            sents.push((s0, units.len()));
        }
        for &(ss, se) in &sents {
            let u = &units[ss..se];
            // touch entity mentions (outside quotes)
            for &x in u {
                if c.cap(x)
                    && let Some(w) = c.word(x)
                {
                    ents.touch(w, c.span(x).0);
                }
            }
            let qidx: Vec<usize> = (0..u.len()).filter(|&i| matches!(u[i], U::Q(_))).collect();
            // attributions
            let mut attrs: Vec<Attr> = Vec::new();
            for i in 0..u.len() {
                // a capitalised cue only opens an inverted sentence: "Said Ellis: ..."
                if let Some(w) = c.lw(u[i])
                    && (w == "according"
                        || ((is_cue_word(l, &w, true) || w == "pointed")
                            && (!c.cap(u[i]) || (i == 0 && w.ends_with('d')))))
                {
                    // quote-framing verbs count next to a quote or before a closing colon ("Caddell continued:")
                    let qa = !qidx.is_empty() || u.last().is_some_and(|&x| c.is_punct(x, ":"));
                    if let Some(at) = attr_at(&c, u, i, qa) {
                        if !qa && !is_cue_word(l, &w, false) && w != "according" && w != "pointed" {
                            continue;
                        }
                        if attrs.last().is_some_and(|p| at.cue < p.region_e) {
                            continue;
                        }
                        let mut at = at;
                        if let Some(prev) = attrs.last()
                            && at.np.s < prev.region_e
                            && !at.inverted
                            && i > 0
                            && (c.is_punct(u[i - 1], ",")
                                || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
                        {
                            // "X said ..., noting ...", "X said ... and warned ...": the earlier subject
                            at.np = prev.np.clone();
                            at.region_s = i;
                        }
                        attrs.push(at);
                    } else if let Some(prev) = attrs.last()
                        && i > prev.region_e
                        && (qa || is_cue_word(l, &w, false))
                        && (w.ends_with("ing") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
                        && (c.is_punct(u[i - 1], ",") || c.lw(u[i - 1]).is_some_and(|p| p == "and"))
                    {
                        // "X said ..., adding that ...": the participle shares the earlier subject
                        let np = prev.np.clone();
                        attrs.push(Attr {
                            cue: i,
                            cue_e: i + 1,
                            np,
                            region_s: i,
                            region_e: i + 1,
                            inverted: false,
                            according: false,
                        });
                    }
                }
            }
            let sent_end_excl = |c: &Ctx| {
                let mut e = u.len();
                while e > 0
                    && (c.is_punct(u[e - 1], ".")
                        || c.is_punct(u[e - 1], "!")
                        || c.is_punct(u[e - 1], "?")
                        || c.is_punct(u[e - 1], ":"))
                {
                    e -= 1;
                }
                e
            };
            let content_words = |from: usize, to: usize, skip: Option<(usize, usize)>| -> usize {
                (from..to)
                    .filter(|&i| skip.is_none_or(|(a, b)| i < a || i >= b))
                    .filter(|&i| {
                        c.lw(u[i])
                            .is_some_and(|w| !l.discourse.contains(w.as_str()))
                    })
                    .count()
            };
            if let (Some(&qf), Some(&ql)) = (qidx.first(), qidx.last()) {
                // choose the attribution: one right after the leading quotes ("...," X said), else
                // the nearest cue before the first quote (X said ... "..."), else the first after
                // a leading adverbial ("In an interview on "Face the Nation," X said ...") is no quote
                let adverbial_start = c.lw(u[0]).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "before"
                            | "with"
                            | "from"
                            | "for"
                            | "by"
                            | "since"
                            | "despite"
                            | "amid"
                            | "under"
                            | "over"
                            | "while"
                    )
                }) && qf > 0
                    && c.word(u[qf - 1]).is_some();
                let head_words = content_words(0, qf, None);
                let adjacent_after = attrs.iter().position(|a| {
                    !adverbial_start
                        && qidx
                            .iter()
                            .rev()
                            .find(|&&q| q < a.region_s)
                            .is_some_and(|&q| (q + 1..a.region_s).all(|i| c.word(u[i]).is_none()))
                        && (head_words == 0 || !qidx.iter().any(|&q| q >= a.region_e))
                });
                // a cognition verb inside a reported clause ("... and he feels ...") is part of it
                let embedded = |a: &Attr| {
                    c.lw(u[a.cue]).is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "feel"
                                | "feels"
                                | "felt"
                                | "think"
                                | "thinks"
                                | "thought"
                                | "believe"
                                | "believes"
                                | "believed"
                                | "know"
                                | "knows"
                                | "knew"
                                | "hope"
                                | "hopes"
                                | "hoped"
                                | "fear"
                                | "fears"
                                | "feared"
                                | "doubt"
                                | "doubts"
                                | "offer"
                                | "offered"
                        )
                    })
                };
                // the last speech cue before the quote, not counting embedded ones
                let before_first = attrs
                    .iter()
                    .rposition(|a| a.region_e <= qf && !embedded(a))
                    .or_else(|| attrs.iter().rposition(|a| a.region_e <= qf));
                let ai = adjacent_after
                    .or(before_first)
                    .or_else(|| attrs.iter().position(|a| a.region_s > ql))
                    .or(if attrs.is_empty() { None } else { Some(0) });
                let at = ai.map(|i| attrs[i].clone());
                // the clause of the chosen cue ends where the next attribution begins
                let next_attr_s = ai.and_then(|i| {
                    let n = attrs[i + 1..].iter().find(|n| !embedded(n))?;
                    // a participial or coordinated cue ("and warned") shares the subject: cut at the cue
                    Some(if n.region_s >= attrs[i].region_e {
                        n.region_s
                    } else {
                        n.cue
                    })
                });
                let prev_attr_e = ai.and_then(|i| i.checked_sub(1)).map(|i| attrs[i].region_e);
                let cont_parent = match u[qf] {
                    U::Q(q) => qs[q].cont_of.and_then(|p| out_of_q.get(&p).copied()),
                    _ => None,
                };
                match at {
                    Some(at) => {
                        let (mention, speaker) = resolve(&c, u, &at.np, &mut ents);
                        let cue = Some((c.span(u[at.cue]).0, c.span(u[at.cue_e - 1]).1));
                        let send = sent_end_excl(&c);
                        let before_q: Vec<usize> =
                            qidx.iter().copied().filter(|&i| i < at.region_s).collect();
                        let mut after_q: Vec<usize> =
                            qidx.iter().copied().filter(|&i| i >= at.region_e).collect();
                        let adjacent_before = adjacent_after.is_some()
                            && adjacent_after == ai
                            && before_q
                                .last()
                                .is_some_and(|&lb| content_words(lb + 1, at.region_s, None) == 0);
                        let mut mixed = false;
                        let mut reported_only = false;
                        let mut clause: Option<(usize, usize)> = None;
                        let mut use_q: Vec<usize> = Vec::new();
                        let mut follow_on: Vec<usize> = Vec::new();
                        let qpieces = |ids: &[usize]| -> Vec<(usize, usize)> {
                            ids.iter()
                                .filter_map(|&i| {
                                    if let U::Q(q) = u[i] {
                                        Some((qs[q].cs, qs[q].ce))
                                    } else {
                                        None
                                    }
                                })
                                .filter(|p| p.0 < p.1)
                                .collect()
                        };
                        // "CLAUSE with a "fragment" for the EU, said X": the clause before the cue
                        let tail = !adjacent_before
                            && !before_q.is_empty()
                            && (after_q.is_empty()
                                || at.inverted
                                || (at.region_s > 0 && c.is_punct(u[at.region_s - 1], ",")));
                        if adjacent_before || tail {
                            let (bf, bl) = (before_q[0], before_q[before_q.len() - 1]);
                            let head_words = content_words(0, bf, None);
                            let between = content_words(bf, bl + 1, None)
                                - before_q.iter().filter(|&&i| c.word(u[i]).is_some()).count();
                            if adjacent_before && head_words == 0 && between == 0 {
                                use_q.extend(before_q.iter().copied());
                                // split quote: "first half," he said, "second half"
                                // an adjunct may sit between ("he said of Trump, ...", "Trump
                                // said during a rally in Kenansville, N.C., ...")
                                let adjunct_gap = |a: usize, b: usize| {
                                    b > a
                                        && b - a <= 14
                                        && c.is_punct(u[b - 1], ",")
                                        && c.lw(u[a]).is_some_and(|w| {
                                            l.stop_fwd.contains(w.as_str()) || w == "of"
                                        })
                                        && !(a..b).any(|i| matches!(u[i], U::Q(_)))
                                };
                                // ... or a participle phrase ("Tester said, referring to the
                                // excuse, "..."") or a bare conjunction ("he said, but "..."")
                                let gap_first = (at.region_e..u.len())
                                    .find_map(|i| c.lw(u[i]))
                                    .unwrap_or_default();
                                let participle_gap = |a: usize, b: usize| {
                                    b > a
                                        && b - a <= 14
                                        && c.is_punct(u[b - 1], ",")
                                        && gap_first.len() > 5
                                        && gap_first.ends_with("ing")
                                        && !(a..b).any(|i| matches!(u[i], U::Q(_)))
                                };
                                let conj_gap = |a: usize, b: usize| {
                                    let ws: Vec<String> =
                                        (a..b).filter_map(|i| c.lw(u[i])).collect();
                                    ws.len() == 1
                                        && matches!(ws[0].as_str(), "but" | "and")
                                        && (a..b).all(|i| {
                                            c.word(u[i]).is_some() || c.is_punct(u[i], ",")
                                        })
                                };
                                if let Some(&fa) = after_q.first()
                                    && fa > 0
                                    && ((content_words(at.region_e, fa, None) == 0
                                        || adjunct_gap(at.region_e, fa)
                                        || participle_gap(at.region_e, fa))
                                        && (c.is_punct(u[fa - 1], ",")
                                            || c.is_punct(u[fa - 1], ":")
                                            || c.is_punct(u[fa - 1], "\u{2014}")
                                            || fa == at.region_e)
                                        || conj_gap(at.region_e, fa))
                                {
                                    let mut rest = vec![fa];
                                    let mut last_ok = fa;
                                    for &x in after_q.iter().skip(1) {
                                        if content_words(last_ok + 1, x, None) == 0 {
                                            rest.push(x);
                                            last_ok = x;
                                        } else {
                                            break;
                                        }
                                    }
                                    // "..., he said, adding, "..."", "..., she sings before asking
                                    // him, "..."": a second statement of the same speaker, not the
                                    // rest of the first
                                    if (at.region_e..fa).any(|i| {
                                        c.lw(u[i])
                                            .is_some_and(|w| l.cue_participle.contains(w.as_str()))
                                    }) {
                                        follow_on = rest;
                                    } else {
                                        use_q.extend(rest);
                                    }
                                }
                            } else {
                                mixed = true;
                                let mut e = at.region_s;
                                while e > 0
                                    && (c.is_punct(u[e - 1], ",")
                                        || c.is_punct(u[e - 1], "\u{2014}"))
                                {
                                    e -= 1;
                                }
                                let mut s = prev_attr_e.unwrap_or(0).min(e);
                                while s < e
                                    && (c.is_punct(u[s], ",")
                                        || c.word(u[s]).is_some_and(|w| {
                                            matches!(w, "And" | "But" | "and" | "but")
                                        }))
                                {
                                    s += 1;
                                }
                                clause = Some((s, e));
                            }
                        } else if let Some(&fa) = after_q.first() {
                            let punct_before_q = fa > 0
                                && (c.is_punct(u[fa - 1], ",")
                                    || c.is_punct(u[fa - 1], ":")
                                    || c.is_punct(u[fa - 1], "\u{2014}"));
                            let gap_words: Vec<String> =
                                (at.region_e..fa).filter_map(|i| c.lw(u[i])).collect();
                            let only_that = gap_words.iter().all(|w| w == "that");
                            let cl_end = next_attr_s.unwrap_or(send).min(send);
                            let cl_end = trim_clause(&c, u, fa, cl_end).max(fa + 1);
                            after_q.retain(|&q| q < cl_end);
                            let la = after_q.last().copied().unwrap_or(fa);
                            let after_words = content_words(la + 1, cl_end, None);
                            let between = content_words(fa, la + 1, None);
                            if (punct_before_q || only_that) && after_words == 0 && between == 0 {
                                use_q.extend(after_q.iter().copied());
                            } else {
                                mixed = true;
                                let mut s = at.region_e;
                                while s < u.len()
                                    && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":"))
                                {
                                    s += 1;
                                }
                                clause = Some((
                                    s,
                                    trim_clause(&c, u, s, next_attr_s.unwrap_or(send).min(send)),
                                ));
                            }
                        } else {
                            // quotes only inside the subject or an earlier phrase: the attribution reports a clause
                            mixed = true;
                            let mut s = at.region_e;
                            while s < u.len() && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":")) {
                                s += 1;
                            }
                            clause = Some((
                                s,
                                trim_clause(&c, u, s, next_attr_s.unwrap_or(send).min(send)),
                            ));
                        }
                        let pieces: Vec<(usize, usize)> = if mixed {
                            let (s, e) = clause.unwrap_or_default();
                            if s < e && content_words(s, e, None) > 0 {
                                if !(s..e).any(|i| matches!(u[i], U::Q(_))) {
                                    // the quotes are elsewhere (in the subject, a title): reported speech
                                    reported_only = true;
                                }
                                let a = c.span(u[s]).0;
                                let b = c.span(u[e - 1]).1;
                                vec![(a, b)]
                            } else {
                                vec![]
                            }
                        } else {
                            qpieces(&use_q)
                        };
                        if pieces.is_empty() {
                            continue;
                        }
                        if let (Some(p), false) = (cont_parent, mixed) {
                            let o = &mut outs[p];
                            o.pieces.extend(pieces.iter().copied());
                            if o.speaker.is_none() {
                                o.speaker = speaker.clone();
                                o.mention = mention;
                                o.cue = cue;
                            }
                        } else {
                            let conf = match (mixed, at.np.kind) {
                                (false, NpKind::Name) => 0.9,
                                (false, _) => 0.8,
                                (true, _) => 0.6,
                            };
                            outs.push(Out {
                                kind: if reported_only {
                                    QuoteKind::Reported
                                } else if mixed {
                                    QuoteKind::Partial
                                } else {
                                    QuoteKind::Direct
                                },
                                pieces,
                                mention,
                                speaker: speaker.clone(),
                                cue,
                                conf,
                            });
                        }
                        for &i in &qidx {
                            if let U::Q(q) = u[i] {
                                out_of_q.insert(q, outs.len() - 1);
                            }
                        }
                        let follow_pieces = qpieces(&follow_on);
                        if !follow_pieces.is_empty() {
                            outs.push(Out {
                                kind: QuoteKind::Direct,
                                pieces: follow_pieces,
                                mention,
                                speaker: speaker.clone(),
                                cue,
                                conf: if at.np.kind == NpKind::Name { 0.9 } else { 0.8 },
                            });
                            for &i in &follow_on {
                                if let U::Q(q) = u[i] {
                                    out_of_q.insert(q, outs.len() - 1);
                                }
                            }
                        }
                        last = Some((speaker, mention, pi));
                        last_quote_para = Some(pi);
                        // later cues in the same sentence ("..., adding that ...", "and warned ..."):
                        // each reports its own clause
                        let mut used_hi = at.region_e.max(clause.map_or(0, |x| x.1));
                        if let Some(&m) = use_q.iter().chain(&follow_on).max() {
                            used_hi = used_hi.max(m + 1);
                        }
                        let first_later = ai.map_or(attrs.len(), |i| i + 1);
                        for bi in first_later..attrs.len() {
                            let b = &attrs[bi];
                            if b.cue < used_hi || b.inverted {
                                continue;
                            }
                            let mut s = b.region_e;
                            while s < send && (c.is_punct(u[s], ",") || c.is_punct(u[s], ":")) {
                                s += 1;
                            }
                            let e = attrs
                                .get(bi + 1)
                                .map(|n| {
                                    if n.region_s >= b.region_e {
                                        n.region_s
                                    } else {
                                        n.cue
                                    }
                                })
                                .unwrap_or(send)
                                .min(send);
                            let e = trim_clause(&c, u, s, e);
                            if s >= e || content_words(s, e, None) == 0 {
                                continue;
                            }
                            used_hi = e;
                            let has_q = (s..e).any(|i| matches!(u[i], U::Q(_)));
                            let bw = c.lw(u[b.cue]).unwrap_or_default();
                            let starts_that = c.lw(u[s]).is_some_and(|w| w == "that");
                            let kind = if has_q {
                                QuoteKind::Partial
                            } else if (starts_that || l.cue_bare.contains(bw.as_str()))
                                && content_words(s, e, None) >= 3
                            {
                                QuoteKind::Reported
                            } else {
                                continue;
                            };
                            let (bm, bsp) = resolve(&c, u, &b.np, &mut ents);
                            outs.push(Out {
                                kind,
                                pieces: vec![(c.span(u[s]).0, c.span(u[e - 1]).1)],
                                mention: bm,
                                speaker: bsp,
                                cue: Some((c.span(u[b.cue]).0, c.span(u[b.cue_e - 1]).1)),
                                conf: 0.6,
                            });
                            for &x in &u[s..e] {
                                if let U::Q(q) = x {
                                    out_of_q.insert(q, outs.len() - 1);
                                }
                            }
                        }
                    }
                    None => {
                        // byline after the quote: "“...” ― Steve Quinlan" (reader comments, epigraphs)
                        let send = sent_end_excl(&c);
                        let dash_byline = (content_words(0, qf, None) == 0
                            && ql + 2 < u.len()
                            && ["\u{2015}", "\u{2014}", "\u{2013}", "-"]
                                .iter()
                                .any(|d| c.is_punct(u[ql + 1], d)))
                        .then(|| np_fwd(&c, u, ql + 2, u.len()))
                        .flatten()
                        .filter(|np| np.kind == NpKind::Name && np.e >= send);
                        // colon intro without a speech verb: "X demurred: "..."", "As X put it: "...""
                        let colon_intro = (qf >= 2
                            && c.is_punct(u[qf - 1], ":")
                            && content_words(ql + 1, send, None) == 0
                            && content_words(0, qf - 1, None) > 0)
                            .then(|| {
                                subject_at_start(&c, u, qf - 1)
                                    .or_else(|| np_back(&c, u, qf - 2, 0).filter(|np| np.s == 0))
                            })
                            .flatten()
                            .filter(|np| np.kind != NpKind::Common || np.head_e - np.head_s <= 4);
                        let cue_u = if colon_intro.is_some() && dash_byline.is_none() {
                            qf - 1
                        } else {
                            ql + 1
                        };
                        if let Some(np) = dash_byline.or(colon_intro)
                            && cue_u < u.len()
                        {
                            let pieces = qpieces_all(&c, u, &qidx);
                            if !pieces.is_empty() {
                                let (mention, speaker) = resolve(&c, u, &np, &mut ents);
                                outs.push(Out {
                                    kind: QuoteKind::Direct,
                                    pieces,
                                    mention,
                                    speaker: speaker.clone(),
                                    cue: Some(c.span(u[cue_u])),
                                    conf: 0.8,
                                });
                                for &i in &qidx {
                                    if let U::Q(q) = u[i] {
                                        out_of_q.insert(q, outs.len() - 1);
                                    }
                                }
                                last = Some((speaker, mention, pi));
                                last_quote_para = Some(pi);
                                continue;
                            }
                        }
                        let quote_only = content_words(0, u.len(), None) == 0;
                        let pieces: Vec<(usize, usize)> = qidx
                            .iter()
                            .filter_map(|&i| {
                                if let U::Q(q) = u[i] {
                                    Some((qs[q].cs, qs[q].ce))
                                } else {
                                    None
                                }
                            })
                            .filter(|p| p.0 < p.1)
                            .collect();
                        if pieces.is_empty() {
                            continue;
                        }
                        if let Some(p) = cont_parent
                            && quote_only
                        {
                            outs[p].pieces.extend(pieces.iter().copied());
                            for &i in &qidx {
                                if let U::Q(q) = u[i] {
                                    out_of_q.insert(q, p);
                                }
                            }
                            last_quote_para = Some(pi);
                            continue;
                        }
                        if !quote_only {
                            continue;
                        }
                        let ctx = intro_pending.take().filter(|x| x.2 + 1 >= pi).or_else(|| {
                            last.clone().filter(|x| {
                                last_quote_para.is_some_and(|lp| lp + 1 >= pi) && x.2 + 3 >= pi
                            })
                        });
                        let nwords: usize = qidx
                            .iter()
                            .map(|&i| if let U::Q(q) = u[i] { qs[q].words } else { 0 })
                            .sum();
                        match ctx {
                            Some((sp, m, _)) => {
                                outs.push(Out {
                                    kind: QuoteKind::Direct,
                                    pieces,
                                    mention: m,
                                    speaker: sp.clone(),
                                    cue: None,
                                    conf: 0.6,
                                });
                                for &i in &qidx {
                                    if let U::Q(q) = u[i] {
                                        out_of_q.insert(q, outs.len() - 1);
                                    }
                                }
                                last_quote_para = Some(pi);
                                if let Some(x) = last.as_mut() {
                                    x.2 = pi;
                                }
                            }
                            None => {
                                if nwords >= 4 {
                                    outs.push(Out {
                                        kind: QuoteKind::Direct,
                                        pieces,
                                        mention: None,
                                        speaker: None,
                                        cue: None,
                                        conf: 0.3,
                                    });
                                    for &i in &qidx {
                                        if let U::Q(q) = u[i] {
                                            out_of_q.insert(q, outs.len() - 1);
                                        }
                                    }
                                    last_quote_para = Some(pi);
                                    last = Some((None, None, pi));
                                }
                            }
                        }
                    }
                }
                continue;
            }
            // no quotes: introductions ("Cruz continued:") and reported speech
            if attrs.is_empty() {
                continue;
            }
            let ends_colon = u.last().is_some_and(|&x| c.is_punct(x, ":"));
            let send = sent_end_excl(&c);
            for (ai, at) in attrs.iter().enumerate() {
                let (mention, speaker) = resolve(&c, u, &at.np, &mut ents);
                let cue = Some((c.span(u[at.cue]).0, c.span(u[at.cue_e - 1]).1));
                if ends_colon && at.region_e >= send.saturating_sub(3) {
                    intro_pending = Some((speaker.clone(), mention, pi));
                    continue;
                }
                let w = c.lw(u[at.cue]).unwrap_or_default();
                // a cue whose subject opens this cue's clause is reported inside it
                // ("Merrill says Machado promised ...")
                let next_s = attrs[ai + 1..]
                    .iter()
                    .find(|n| n.np.s > at.region_e + 1 || n.np.s <= at.cue)
                    .map(|n| if n.np.s > at.cue { n.np.s } else { n.cue })
                    .unwrap_or(send);
                let mut pieces: Vec<(usize, usize)> = Vec::new();
                let follows_clause = {
                    let nx = if at.region_e < send {
                        c.lw(u[at.region_e])
                    } else {
                        None
                    };
                    let rest = content_words(at.region_e, next_s.min(send), None);
                    match nx.as_deref() {
                        Some("that") => true,
                        Some(f) if l.stop_fwd.contains(f) => false,
                        Some(_) => rest >= 4 && !at.inverted && l.cue_bare.contains(w.as_str()),
                        None => false,
                    }
                };
                let tail_attr =
                    !follows_clause && at.region_s > 0 && (at.inverted || at.region_s > 2) && {
                        let mut p = at.region_s;
                        while p > 0 && c.is_punct(u[p - 1], ",") {
                            p -= 1;
                        }
                        p < at.region_s
                    };
                if at.according && at.region_s < 2 {
                    // According to X, CLAUSE
                    let mut s = at.region_e;
                    while s < send && c.is_punct(u[s], ",") {
                        s += 1;
                    }
                    if content_words(s, send, None) >= 3 {
                        pieces.push((s, send));
                    }
                } else if tail_attr {
                    // CLAUSE, X said [, CLAUSE2]
                    let mut e = at.region_s;
                    while e > 0 && c.is_punct(u[e - 1], ",") {
                        e -= 1;
                    }
                    let mut s = 0;
                    if ai > 0 {
                        s = attrs[ai - 1].region_e.max(attrs[ai - 1].cue_e);
                        if s > e {
                            continue;
                        }
                    }
                    if content_words(s, e, None) >= 3 {
                        pieces.push((s, e));
                        // parenthetical: continue after the attribution
                        let mut s2 = at.region_e;
                        while s2 < send && c.is_punct(u[s2], ",") {
                            s2 += 1;
                        }
                        if s2 > at.region_e
                            && content_words(s2, next_s.min(send), None) >= 2
                            && !at.according
                        {
                            pieces.push((s2, next_s.min(send)));
                        }
                    }
                } else if !at.inverted || at.according {
                    // X said [that] CLAUSE
                    let mut s = at.region_e;
                    let bare = l.cue_bare.contains(w.as_str()) || at.according;
                    // skip time adjuncts / PPs up to "that"
                    let that_pos =
                        (s..(s + 10).min(send)).find(|&i| c.lw(u[i]).as_deref() == Some("that"));
                    let first = if s < send { c.lw(u[s]) } else { None };
                    let ok = match first.as_deref() {
                        Some("that") => true,
                        Some(f)
                            if l.stop_fwd.contains(f)
                                || matches!(
                                    f,
                                    "of" | "so"
                                        | "yes"
                                        | "no"
                                        | "it."
                                        | "nothing"
                                        | "something"
                                        | "anything"
                                ) =>
                        {
                            if let Some(tp) = that_pos {
                                s = tp;
                                true
                            } else {
                                false
                            }
                        }
                        Some(_) => bare,
                        None => false,
                    };
                    if s < send && c.is_punct(u[s], ",") {
                        // "X said, ..." -> only if followed by a clause
                        s += 1;
                    }
                    let e = next_s.min(send);
                    let mut e2 = e;
                    while e2 > s
                        && (c.is_punct(u[e2 - 1], ",")
                            || c.lw(u[e2 - 1]).is_some_and(|w| {
                                matches!(w.as_str(), "while" | "and" | "but" | "whereas")
                            }))
                    {
                        e2 -= 1;
                    }
                    if ok && content_words(s, e2, None) >= 3 {
                        pieces.push((s, e2));
                    }
                }
                let pieces: Vec<(usize, usize)> = pieces
                    .into_iter()
                    .filter(|&(s, e)| s < e)
                    .map(|(s, e)| (c.span(u[s]).0, c.span(u[e - 1]).1))
                    .collect();
                if pieces.is_empty() {
                    continue;
                }
                outs.push(Out {
                    kind: QuoteKind::Reported,
                    pieces,
                    mention,
                    speaker: speaker.clone(),
                    cue,
                    conf: 0.5,
                });
                last = Some((speaker, mention, pi));
            }
        }
    }
    // late role resolution for common-noun speakers ("a former ByteDance engineer")
    for o in outs.iter_mut() {
        if let (Some(sp), Some((ms, me))) = (&o.speaker, o.mention)
            && sp.role.is_none()
            && !sp.is_org
            && sp.name == text[ms..me].trim()
        {
            let head = text[ms..me].split_whitespace().last().unwrap_or("");
            if !head.is_empty()
                && head.chars().next().is_some_and(|ch| ch.is_lowercase())
                && let Some(id) = ents.by_role(head)
            {
                o.speaker = Some(ents.speaker(id));
            }
        }
    }
    finish(text, outs)
}

/// End of a reported clause `[s, e)` holding a quoted fragment: drops trailing conjunctions and
/// commas, and what follows the last quote when it is a new phrase (", and ...", "during ...").
fn trim_clause(c: &Ctx, u: &[U], s: usize, mut e: usize) -> usize {
    let joiner = |x: U| {
        [",", ";", "\u{2014}", "\u{2013}", "-", "("]
            .iter()
            .any(|p| c.is_punct(x, p))
    };
    let conj = |x: U| {
        c.lw(x)
            .is_some_and(|w| matches!(w.as_str(), "and" | "but" | "or" | "while" | "whereas"))
    };
    while e > s && (joiner(u[e - 1]) || conj(u[e - 1])) {
        e -= 1;
    }
    if let Some(lq) = (s..e).rev().find(|&i| matches!(u[i], U::Q(_)))
        && lq + 1 < e
    {
        let t = u[lq + 1];
        // a comma inside the closing mark ("corrupt," noting ...) ends the fragment's clause too
        let comma_inside = match u[lq] {
            U::Q(q) => c.text[c.qs[q].cs..c.qs[q].ce].ends_with(','),
            U::T(_) => false,
        };
        // a new phrase after the fragment: ", and he ...", " -- a metaphor", "but"; not
        // ", that ..." (a second reported clause)
        let new_phrase = ((joiner(t) || comma_inside)
            && (lq + 2 >= e || !c.lw(u[lq + 2]).is_some_and(|w| w == "that" || w == "and")))
            || c.lw(t).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "but" | "when" | "while" | "even" | "according" | "whereas"
                )
            });
        if new_phrase {
            e = lq + 1;
        }
    }
    e
}

/// Content spans (without marks) of the quote units at `ids`.
fn qpieces_all(c: &Ctx, u: &[U], ids: &[usize]) -> Vec<(usize, usize)> {
    ids.iter()
        .filter_map(|&i| match u[i] {
            U::Q(q) => Some((c.qs[q].cs, c.qs[q].ce)),
            U::T(_) => None,
        })
        .filter(|p| p.0 < p.1)
        .collect()
}

fn recompute_cont(qs: &mut [QSpan], toks: &[Tok], paras: &[(usize, usize)]) {
    // a quote is a continuation if it opens its paragraph and the last quote of the previous paragraph is unclosed
    let para_of = |k: usize| -> usize {
        match paras.binary_search_by(|&(a, b)| {
            if k < a {
                std::cmp::Ordering::Greater
            } else if k >= b {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => i,
        }
    };
    let mut cur_para = usize::MAX;
    let mut last_in_para: Option<usize> = None;
    for i in 0..qs.len() {
        qs[i].cont_of = None;
        if qs[i].ignored {
            continue;
        }
        let p = para_of(qs[i].open);
        if p != cur_para {
            let prev_last_unclosed = last_in_para
                .filter(|&j| qs[j].close.is_none())
                .map(|j| (j, cur_para));
            cur_para = p;
            if let Some((j, pp)) = prev_last_unclosed
                && pp + 1 == p
                && qs[i].open == paras[p].0
                && toks[qs[i].open].kind == TK::DQ
            {
                qs[i].cont_of = Some(j);
            }
        }
        last_in_para = Some(i);
    }
}

fn gender_of(words: &[String]) -> Option<Gender> {
    let l = lex();
    for w in words.iter().take(2) {
        let lw = w.to_lowercase();
        let lw = lw.trim_end_matches('.');
        match lw {
            "mr" | "sir" | "lord" | "king" | "prince" => return Some(Gender::M),
            "mrs" | "ms" | "miss" | "lady" | "queen" | "princess" => return Some(Gender::F),
            _ => {}
        }
        if l.fem.contains(lw) {
            return Some(Gender::F);
        }
        if l.masc.contains(lw) {
            return Some(Gender::M);
        }
    }
    None
}

fn resolve(
    c: &Ctx,
    u: &[U],
    np: &NP,
    ents: &mut Ents,
) -> (Option<(usize, usize)>, Option<Speaker>) {
    let l = lex();
    let a = c.span(u[np.head_s]).0;
    let b = c.span(u[np.head_e - 1]).1;
    let mention = Some((a, b));
    let mtext = &c.text[a..b];
    // a group ("Others", "other prominent industry figures", "many of whom") is no named speaker
    let first = mtext.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        first.as_str(),
        "other" | "others" | "some" | "many" | "most" | "several" | "few" | "various" | "numerous"
    ) {
        return (mention, None);
    }
    match np.kind {
        NpKind::Pron => {
            let lw = mtext.to_lowercase();
            let id = match lw.as_str() {
                "he" => ents.pronoun(Some(Gender::M), false, a),
                "she" => ents.pronoun(Some(Gender::F), false, a),
                "it" => ents.pronoun(None, true, a),
                "they" => ents
                    .pronoun(None, true, a)
                    .filter(|&i| a.saturating_sub(ents.list[i].last_seen) < 600),
                _ => None,
            };
            (mention, id.map(|i| ents.speaker(i)))
        }
        NpKind::Name => {
            let mut words: Vec<&str> = np.name_words.iter().map(|s| s.as_str()).collect();
            // strip honorifics
            while words.len() > 1
                && l.role
                    .contains(words[0].to_lowercase().trim_end_matches('.'))
            {
                words.remove(0);
            }
            let words: Vec<&str> = words.into_iter().filter(|w| *w != ".").collect();
            if words.is_empty() {
                return (mention, None);
            }
            let lws: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let is_org = lws.iter().any(|w| l.org.contains(w.as_str()))
                || (words.len() == 1
                    && words[0].chars().count() >= 2
                    && words[0].chars().all(|ch| ch.is_uppercase()))
                || c.lw(u[np.head_s]).is_some_and(|w| w == "the");
            let g = gender_of(&np.name_words);
            let id = ents.register(&words, np.role.clone(), is_org, g, a);
            (mention, Some(ents.speaker(id)))
        }
        NpKind::Common => {
            let head = mtext.split_whitespace().last().unwrap_or("").to_lowercase();
            if let Some(id) = ents.by_role(&head)
                && !ents.list[id].is_org
            {
                return (mention, Some(ents.speaker(id)));
            }
            let is_org = l.org.contains(head.as_str())
                && !matches!(head.as_str(), "spokesman" | "spokeswoman");
            if is_org {
                // most recent org entity containing the head noun
                let mut best = None;
                for (i, e) in ents.list.iter().enumerate() {
                    if e.is_org
                        && e.name.to_lowercase().contains(&head)
                        && best.is_none_or(|b: usize| ents.list[b].last_seen <= e.last_seen)
                    {
                        best = Some(i);
                    }
                }
                if let Some(i) = best {
                    return (mention, Some(ents.speaker(i)));
                }
            }
            let name = mtext.to_string();
            (
                mention,
                Some(Speaker {
                    name,
                    role: None,
                    is_org,
                }),
            )
        }
    }
}

fn finish(text: &str, mut outs: Vec<Out>) -> Vec<Quote> {
    // byte -> code point map
    let mut map = vec![0u32; text.len() + 1];
    let mut ci = 0u32;
    for (b, ch) in text.char_indices() {
        for k in 0..ch.len_utf8() {
            map[b + k] = ci;
        }
        ci += 1;
    }
    map[text.len()] = ci;
    let cp = |b: usize| map[b] as usize;
    let mut res = Vec::with_capacity(outs.len());
    for o in outs.iter_mut() {
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        for &(s, e) in &o.pieces {
            let (s, e) = trim_ws(text, s, e);
            if s < e {
                pieces.push((s, e));
            }
        }
        if pieces.is_empty() {
            continue;
        }
        let txt = pieces
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect::<Vec<_>>()
            .join(" ");
        let mention = o.mention.map(|(s, e)| Mention {
            name: text[s..e].to_string(),
            start: cp(s),
            end: cp(e),
        });
        res.push(Quote {
            kind: o.kind,
            pieces: pieces.iter().map(|&(s, e)| (cp(s), cp(e))).collect(),
            text: txt,
            speaker: o.speaker.clone(),
            mention,
            cue: o.cue.map(|(s, e)| (cp(s), cp(e))),
            confidence: o.conf,
        });
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice(text: &str, s: usize, e: usize) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    fn check_invariants(text: &str) {
        for q in extract(text) {
            let joined = q
                .pieces
                .iter()
                .map(|&(s, e)| slice(text, s, e))
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(joined, q.text);
            if let Some(m) = &q.mention {
                assert_eq!(slice(text, m.start, m.end), m.name);
            }
        }
    }

    #[test]
    fn basic_patterns() {
        let t = "Nvidia CEO Jensen Huang spoke on Monday.\n\n\u{201C}We are far ahead,\u{201D} Huang said. \u{201C}Nobody can catch us.\u{201D}\n\n\"First half,\" he said, \"second half.\"\n\nThe ministry said in a statement that the rules would change.";
        let qs = extract(t);
        check_invariants(t);
        assert!(qs.iter().any(|q| q.text.starts_with("We are far ahead")
            && q.speaker.as_ref().unwrap().name == "Huang"));
        let split = qs
            .iter()
            .find(|q| q.text.starts_with("First half"))
            .unwrap();
        assert_eq!(split.pieces.len(), 2);
        assert!(
            qs.iter()
                .any(|q| q.kind == QuoteKind::Reported
                    && q.speaker.as_ref().is_some_and(|s| s.is_org))
        );
    }

    #[test]
    fn numeric_modifier_before_the_name() {
        let t = "\u{201C}They are 100 percent wrong,\u{201D} said 9/11 widow Terry Strada.\n\nShe continued, \u{201C}We ask for a hearing.\u{201D}";
        let qs = extract(t);
        check_invariants(t);
        let names: Vec<Option<&str>> = qs
            .iter()
            .map(|q| q.speaker.as_ref().map(|s| s.name.as_str()))
            .collect();
        assert_eq!(
            names,
            vec![Some("Terry Strada"), Some("Terry Strada")],
            "{qs:?}"
        );
        assert_eq!(
            qs[0].speaker.as_ref().and_then(|s| s.role.as_deref()),
            Some("9/11 widow")
        );
    }

    #[test]
    fn split_quote_around_a_participle_or_conjunction() {
        // an adjunct that is not a new statement keeps the two halves one quote
        let t = "\u{201C}Every time you say that,\u{201D} Senator Ruth Oduya said, referring to the excuse, \u{201C}you hand them an argument.\u{201D}\n\n\"I like Larry,\" Mayor Pell said, but \"he is wrong on energy.\"";
        let qs = extract(t);
        check_invariants(t);
        assert_eq!(qs.len(), 2, "{qs:?}");
        for (q, who) in qs.iter().zip(["Ruth Oduya", "Pell"]) {
            assert_eq!(q.kind, QuoteKind::Direct);
            assert_eq!(q.pieces.len(), 2, "{q:?}");
            assert_eq!(q.speaker.as_ref().map(|s| s.name.as_str()), Some(who));
        }
        assert_eq!(
            qs[0].text,
            "Every time you say that, you hand them an argument."
        );
    }

    #[test]
    fn adding_starts_a_second_quote_of_the_same_speaker() {
        let t = "\u{201C}We cannot afford this,\u{201D} Dara Quill said, adding later, \u{201C}The alliance costs us a fortune.\u{201D}";
        let qs = extract(t);
        check_invariants(t);
        let got: Vec<(&str, Option<&str>)> = qs
            .iter()
            .map(|q| (q.text.as_str(), q.speaker.as_ref().map(|s| s.name.as_str())))
            .collect();
        assert_eq!(
            got,
            vec![
                ("We cannot afford this,", Some("Dara Quill")),
                ("The alliance costs us a fortune.", Some("Dara Quill"))
            ]
        );
    }

    #[test]
    fn apposition_and_pronoun() {
        let t = "\"I believe we're still far behind,\" Zhang Chi, a research scientist and assistant professor at Peking University, said on an episode of the \"Into Asia\" podcast. \"I guess the gap is getting larger.\" Later he said that the gap was growing fast.";
        let qs = extract(t);
        check_invariants(t);
        let q = &qs[0];
        let sp = q.speaker.as_ref().unwrap();
        assert_eq!(sp.name, "Zhang Chi");
        assert_eq!(
            sp.role.as_deref(),
            Some("a research scientist and assistant professor at Peking University")
        );
        assert!(!qs.iter().any(|q| q.text == "Into Asia"));
        assert!(
            qs.iter().any(|q| q.kind == QuoteKind::Reported
                && q.speaker.as_ref().unwrap().name == "Zhang Chi")
        );
    }

    #[test]
    fn never_panics_on_odd_input() {
        for t in [
            "",
            "\"",
            "\u{201C}",
            "\"\"",
            "' ' '",
            "said",
            "He said.",
            "\u{201C}a\n\n\u{201C}b",
            "x \u{201D} y \u{201C}",
            "“”„«»‘’'\"",
            "A, B, said C, D.",
            ", said",
            "according to",
        ] {
            check_invariants(t);
        }
        let mut s = String::new();
        for i in 0..2000u32 {
            let c = char::from_u32(0x20 + (i * 7919) % 0x2100).unwrap_or(' ');
            s.push(c);
            if i % 13 == 0 {
                s.push('"');
            }
            if i % 17 == 0 {
                s.push_str(" said ");
            }
        }
        check_invariants(&s);
    }

    #[test]
    fn polnear_texts_if_present() {
        // measurement data lives outside the project; skip when absent
        for p in [
            "/work/shared/eval/polnear/dev.jsonl",
            "/work/shared/eval/polnear/train.jsonl",
        ] {
            let Ok(data) = std::fs::read_to_string(p) else {
                continue;
            };
            for line in data.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                check_invariants(v["text"].as_str().unwrap_or(""));
            }
        }
    }
}
