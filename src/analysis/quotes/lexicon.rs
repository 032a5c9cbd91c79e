//! The quote extractor's word lists: speech verbs, titles and roles, pronouns, words that are not
//! names, and the cue words that introduce a new statement.

use super::*;

pub(super) fn set(words: &'static str) -> HashSet<&'static str> {
    words.split_whitespace().collect()
}

/// The word lists, each a set of lower-case words.
pub(super) struct Lexicon {
    /// speech verbs that report a clause without "that" ("said", "told", "warned")
    pub(super) cue_bare: HashSet<&'static str>,
    /// speech and cognition verbs that report a clause after "that" ("announced", "hoped")
    pub(super) cue_that: HashSet<&'static str>,
    /// verbs that report speech only next to a quote or a colon ("asked", "joked", "called")
    pub(super) cue_quote: HashSet<&'static str>,
    /// participles that open a second statement ("adding", "noting")
    pub(super) cue_participle: HashSet<&'static str>,
    /// auxiliaries and adverbs that may stand between a subject and its cue
    pub(super) aux: HashSet<&'static str>,
    /// titles and role words that go before a name ("senator", "chief", "former")
    pub(super) role: HashSet<&'static str>,
    /// words that make a name an organisation ("ministry", "party", "Reuters")
    pub(super) org: HashSet<&'static str>,
    /// determiners and quantifiers
    pub(super) det: HashSet<&'static str>,
    /// prepositions, conjunctions and time words that end a phrase read forwards
    pub(super) stop_fwd: HashSet<&'static str>,
    /// words before a quoted title ("podcast", "titled")
    pub(super) title_before: HashSet<&'static str>,
    /// words after a quoted title ("show", "bill")
    pub(super) title_after: HashSet<&'static str>,
    /// discourse words that do not count as content ("and", "but", "also")
    pub(super) discourse: HashSet<&'static str>,
    /// name particles ("de", "van", "bin")
    pub(super) particles: HashSet<&'static str>,
    /// words that cannot head a speaker phrase ("who", "this", "nobody")
    pub(super) bad_head: HashSet<&'static str>,
    /// female given names
    pub(super) fem: HashSet<&'static str>,
    /// male given names
    pub(super) masc: HashSet<&'static str>,
    /// capitalised words that open a sentence or phrase and are never part of a name
    /// ("In declaring ...", "Speaking at ...", "Amid ...", "July")
    pub(super) never_name: HashSet<&'static str>,
    /// head nouns of phrases that can be a speaker ("the woman", "two lawmakers", "protesters")
    pub(super) person_head: HashSet<&'static str>,
    /// cue words that are as often nouns ("an unprompted call", "her opening remarks")
    pub(super) noun_cue: HashSet<&'static str>,
}

pub(super) fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon {
        cue_bare: set(CUE_BARE),
        cue_that: set(CUE_THAT),
        cue_quote: set(CUE_QUOTE),
        cue_participle: set(CUE_PARTICIPLE),
        aux: set(AUX),
        role: set(ROLE),
        org: set(ORG),
        det: set(DET),
        stop_fwd: set(STOP_FWD),
        title_before: set(TITLE_BEFORE),
        title_after: set(TITLE_AFTER),
        discourse: set(DISCOURSE),
        particles: set(PARTICLES),
        bad_head: set(BAD_HEAD),
        fem: set(FEM),
        masc: set(MASC),
        never_name: set(NEVER_NAME),
        person_head: set(PERSON_HEAD),
        noun_cue: set(NOUN_CUE),
    })
}

const CUE_BARE: &str = "say says said saying tell tells told telling add adds added adding argue argues argued arguing \
            contend contends contended contending claim claims claimed claiming insist insists insisted insisting \
            believe believes believed think thinks thought warn warns warned warning note notes noted noting \
            suggest suggests suggested suggesting predict predicts predicted predicting write writes wrote writing \
            tweet tweets tweeted tweeting explain explains explained explaining assert asserts asserted asserting \
            maintain maintains maintained acknowledge acknowledges acknowledged acknowledging admit admits admitted \
            caution cautions cautioned cautioning allege alleges alleged complain complains complained complaining \
            predicted counters countered conceded concedes";

const CUE_THAT: &str = "highlight highlights highlighted emphasize emphasizes emphasized emphasised emphasising \
            stress stresses stressed stressing announce announces announced confirm confirms confirmed \
            report reports reported concede declare declares declared state states stated reveal reveals revealed \
            conclude concludes concluded doubt doubts doubted agree agrees agreed deny denies denied testify testified \
            feel feels felt hope hopes hoped fear fears feared know knows knew recall recalls recalled \
            acknowledge insist boast boasts boasted lament laments lamented promise promises promised vow vows vowed \
            estimate estimates estimated indicate indicates indicated charge charges charged observe observes observed \
            mention mentions mentioned remind reminded reminds";

const CUE_QUOTE: &str = "ask asks asked asking answer answers answered press presses pressed reply replies replied respond responds responded continue continues continued \
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
            quoting";

const CUE_PARTICIPLE: &str = "adding saying asking noting continuing explaining insisting arguing warning \
            declaring writing tweeting concluding quipping joking telling replying responding";

const AUX: &str = "has have had also now later then once recently previously again further repeatedly reportedly publicly \
            privately often frequently earlier since long just would will could did does do not never always already \
            still even is was quoted as has been had once first subsequently separately angrily flatly simply";

const ROLE: &str = "president vice sen senator rep representative gov governor mayor secretary minister prime chancellor \
            judge justice gen general dr prof professor ceo cfo coo cto chairman chairwoman chair director chief attorney \
            speaker leader spokesman spokeswoman spokesperson ambassador pope king queen prince princess mr mrs ms miss \
            sir lord lady adm admiral col colonel lt sgt capt captain commissioner sheriff detective officer agent former \
            state house senate candidate nominee democratic republican democrat gop rev reverend rabbi deputy assistant \
            executive founder co-founder cofounder host anchor correspondent editor reporter analyst economist pastor \
            bishop cardinal counsel adviser advisor aide manager strategist pollster treasurer superintendent principal \
            coach lawmaker congressman congresswoman councilman councilwoman councilmember councillor councilor \
            alderman alderwoman assemblyman assemblywoman assemblymember supervisor trustee nurse doctor dean provost \
            teacher lawyer activist organizer organiser firefighter trooper constable lieutenant sergeant \
            corporal imam father archbishop physician surgeon scientist researcher historian author \
            delegate presidential first white u.s us \
            american federal national majority minority whip press campaign chairperson commander inspector \
            department foreign defense homeland security affairs interior justice energy of the";

const ORG: &str = "department ministry house committee campaign party post times news journal agency office council \
            university institute association administration court senate congress inc corp group company bank service \
            commission foundation network union police center centre bureau board organization organisation government \
            reuters press tribune herald magazine review cnn nbc abc cbs msnbc fox ap pac fund coalition alliance \
            federation league club firm school college hospital church army navy pentagon kremlin facebook google \
            twitter microsoft poll survey report study statement ad website newspaper paper outlet channel station \
            authority authorities commission coalition caucus staff team spokesman spokeswoman states united america \
            china russia iran iraq syria israel mexico canada france germany britain japan korea india pakistan \
            ukraine turkey cuba europe eu nato un";

const DET: &str = "the a an another one two three four some many several most his her their its our my your this \
            these those other both all each few no such";

const STOP_FWD: &str = "in on at to during after before while when who which that for from with about by last this \
            yesterday today tonight monday tuesday wednesday thursday friday saturday sunday as and but or because \
            if although though where than into over under, via recently earlier later";

const TITLE_BEFORE: &str = "podcast titled entitled so-called hashtag episode column headline slogan book film movie \
            album song documentary novel essay";

const TITLE_AFTER: &str = "podcast show film movie book album song program programme series documentary column episode \
            hashtag slogan tour act bill law doctrine campaign movement initiative";

const DISCOURSE: &str =
    "and but so still yet also then later however meanwhile or plus now again even too";

const PARTICLES: &str = "de van von al bin der la del di da le du dos das ibn mc st";

const BAD_HEAD: &str = "who which that what there this it one these those each all some any none nothing something \
            everyone everybody anyone anybody someone somebody nobody here where why how whom whose";

const FEM: &str = "hillary mary elizabeth sarah anne ann nancy susan karen linda barbara patricia jennifer maria lisa \
            michelle melania ivanka kellyanne chelsea jane laura kate katie emily emma olivia jessica ashley amanda \
            megyn carly nikki sheryl elizabeth dianne kamala theresa angela marine sandra donna deborah debbie \
            rebecca rachel julie claire diane janet joan judith kathleen martha margaret helen ruth sharon cynthia \
            amy anna heather nicole stephanie christine catherine kathryn tulsi huma hope sheila betsy jill jeanne";

const MASC: &str = "donald barack joe john james robert michael william david richard charles thomas mark paul steven \
            george kenneth edward brian ronald anthony kevin jason matthew gary timothy jose larry jeffrey frank scott \
            eric stephen andrew raymond gregory joshua jerry dennis walter patrick peter harold douglas henry carl \
            arthur ryan roger bernie ted marco jeb chris mike mitch rand ben bill newt rudy reince sean jared eric \
            elon jensen geoffrey jack tim jim tom bob dan dick al vladimir xi justin hugh";

const NEVER_NAME: &str = "in on at to during after before while when which that for from with about by as and but \
            or because if although though where than into over under via amid despite like unlike likewise \
            speaking asked asking hours minutes moments days weeks months years shortly soon instead indeed still \
            since until upon within without among throughout following according meanwhile however yet also \
            then later earlier recently yesterday today tonight this these those january february march july \
            september october november december monday tuesday wednesday thursday friday saturday sunday";

const PERSON_HEAD: &str = "man men woman women person people voter voters supporter supporters protester \
            protesters official officials lawmaker lawmakers leader leaders member members candidate candidates \
            spokesman spokeswoman spokesperson aide aides adviser advisers advisor advisors staffer staffers \
            resident residents worker workers employee employees expert experts analyst analysts critic critics \
            source sources witness witnesses investigator investigators agent agents officer officers judge \
            senator senators president governor mayor minister secretary director chairman chief manager \
            executive executives owner owners student students parent parents father mother son daughter wife \
            husband friend friends neighbor neighbors neighbour neighbours activist activists organizer \
            organizers nurse nurses doctor doctors teacher teachers lawyer lawyers attorney attorneys prosecutor \
            prosecutors reporter reporters journalist journalists economist economists strategist strategists \
            pollster pollsters delegate delegates veteran veterans farmer farmers voter democrat democrats \
            republican republicans conservative conservatives liberal liberals campaign committee group groups \
            party organization agency department ministry office administration union company firm \
            government police army crowd audience fans host anchor moderator moderators one two three";

const NOUN_CUE: &str = "call calls note notes remark remarks attack attacks claim claims report reports comment \
            comments warning promise promises pledge pledges vow vows question questions reply replies estimate \
            estimates charge charges tweet tweets post posts quote quotes blast praise demand demands plea credit \
            label labels doubt doubts fear fears hope hopes cry chant offer offers statement";

/// Whether the words between two quotes introduce a second statement ("..., she said, adding
/// later, "..."") rather than interrupt one.
pub fn introduces_new_statement(between: &str) -> bool {
    let l = lexicon();
    between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| l.cue_participle.contains(w.to_lowercase().as_str()))
}
