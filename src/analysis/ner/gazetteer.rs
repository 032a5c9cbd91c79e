//! Word classes the name tagger uses as features: given names, titles, words that end the names
//! of organisations or places, well-known places, nationalities, months and days. Each list is
//! lower case and space-separated; a word may be in several classes.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A class of words, as a feature name.
pub type Class = &'static str;

const GIVEN: &str = "aaron abigail adam adrian ahmed aisha alan albert alex alexander alexandra alice alicia \
    alison amanda amber amy ana andrea andrew angela anita ann anna anne anthony antonio arthur ashley barack \
    barbara ben benjamin bernard bernie beth betty beverly bill billy bob bobby boris brad brandon brenda brian \
    bruce bryan carl carla carlos carol caroline catherine charles charlie charlotte chris christian christina \
    christine christopher cindy claire clara colin craig cynthia dan daniel danielle david dean deborah debra \
    dennis derek diana diane dianne dick donald donna doris dorothy doug douglas dylan edward elaine elena \
    elizabeth ellen emily emma eric erica erik eugene evan fatima frances francis frank fred gabriel gary george \
    gerald gloria gordon grace greg gregory hannah harold harry hassan heather helen henry hillary howard hugh \
    ian isaac jack jacob james jane janet janice jason jean jeff jeffrey jennifer jeremy jerry jesse jessica jim \
    jimmy joan joe joel john johnny jon jonathan jose joseph joshua joyce juan judith judy julia julian julie \
    justin karen kate katherine kathleen kathryn kathy keith kelly ken kenneth kevin kim kimberly kyle larry \
    laura lauren lawrence lee leo leonard lisa louis louise lucas luis lynn margaret maria marie marilyn mario \
    mark martha martin mary matthew megan melissa michael michelle mike mitch mohammed muhammad nancy natalie \
    nathan neil nicholas nicole noah norman olivia oscar pamela patricia patrick paul peter philip phillip \
    rachel ralph randy raymond rebecca richard rick rita robert roberto roger ronald rose roy russell ruth ryan \
    sally samantha samuel sandra sara sarah scott sean sharon shirley simon sophia stanley stephanie stephen \
    steve steven susan tara teresa terry theresa thomas timothy tina todd tom tony tyler valerie victor victoria \
    vincent virginia walter wayne william willie yusuf zachary ted marco jeb rand newt rudy reince kellyanne \
    melania ivanka chelsea megyn carly nikki kamala tulsi huma vladimir xi angela emmanuel justin narendra \
    recep jacinda shinzo boris theresa rishi keir olaf giorgia volodymyr benjamin mahmoud elon jeff sundar satya \
    tim mark sheryl jensen sam geoffrey yann demis dario ilya";

const TITLE: &str = "mr mr. mrs mrs. ms ms. dr dr. prof prof. professor president senator sen sen. rep rep. \
    representative gov gov. governor mayor minister premier chancellor judge justice general gen gen. \
    colonel col col. lieutenant lt lt. sergeant sgt sgt. captain capt capt. admiral adm. commander king queen \
    prince princess lord lady sir dame pope rev rev. reverend father sister bishop archbishop cardinal rabbi \
    imam sheikh chief councillor councilor councilmember congressman congresswoman secretary ambassador \
    inspector detective officer coach dean chairman chairwoman chair director spokesman spokeswoman \
    president-elect vice saint st st. uncle aunt keeper nurse teacher lawyer attorney farmer activist \
    campaigner analyst economist author writer reporter journalist actor actress singer artist manager \
    founder owner resident councilwoman commissioner superintendent sheriff trooper constable dr";

const ORG_END: &str = "authority ministry council university college party inc inc. corp corp. corporation \
    company group bank agency department commission court association union institute foundation committee \
    board times post news fund reserve senate house congress police service services office trust labs \
    systems technologies holdings partners network press journal tribune herald review parliament assembly \
    federation league club alliance coalition organization organisation society center centre hospital school \
    airlines airways motors energy industries administration bureau cabinet government campaign co co. ltd \
    ltd. llc ag sa reuters watch monitor daily museum gallery library capital courier ledger record \
    magazine foundation church army navy force forces guard corps team fc united city unit program programme \
    academy institution observatory laboratory laboratories studios records pictures entertainment media \
    broadcasting television radio channel gazette telegraph chronicle globe examiner inquirer bulletin";

const PLACE_END: &str = "sea ocean river lake bay valley island islands mountain mountains hills road street \
    avenue lane square bridge airport station park harbor harbour coast strait canal channel tower county \
    province district city town village beach forest desert state states republic kingdom peninsula gulf \
    region territory heights falls springs creek canyon hill plaza boulevard way drive highway borough \
    parish prefecture oblast emirates";

const PLACE_START: &str =
    "port mount mt mt. fort cape lake north south east west new upper lower gulf isle";

const PLACE: &str = "afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain \
    bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chad chile china \
    colombia congo croatia cuba cyprus czechia denmark ecuador egypt england estonia ethiopia europe finland \
    france georgia germany ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq \
    ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya \
    lithuania luxembourg madagascar malaysia mali malta mexico moldova mongolia montenegro morocco mozambique \
    myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay \
    peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia \
    slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey \
    uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe africa asia america \
    americas antarctica arctic oceania scandinavia balkans caribbean alabama alaska arizona arkansas california \
    colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine \
    maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon \
    pennsylvania tennessee texas utah vermont washington wisconsin wyoming carolina dakota hampshire jersey \
    ontario quebec alberta manitoba saskatchewan nova scotia yukon london paris berlin madrid rome moscow \
    beijing shanghai tokyo delhi mumbai seoul sydney melbourne toronto vancouver montreal ottawa chicago boston \
    philadelphia houston dallas atlanta miami seattle denver detroit phoenix baltimore cleveland pittsburgh \
    brooklyn manhattan queens bronx hollywood vegas orleans angeles francisco diego jose york istanbul cairo \
    dubai riyadh tehran baghdad kabul jerusalem gaza kyiv kiev warsaw vienna prague budapest athens lisbon \
    dublin edinburgh glasgow manchester liverpool birmingham amsterdam brussels geneva zurich stockholm oslo \
    copenhagen helsinki hong kong singapore bangkok jakarta manila hanoi nairobi lagos johannesburg \
    mexico havana lima bogota santiago buenos aires rio caracas";

const NATIONALITY: &str = "american british english french german italian spanish russian chinese japanese \
    korean indian canadian australian mexican brazilian irish scottish welsh european african asian arab \
    israeli palestinian iranian iraqi syrian turkish egyptian ukrainian polish dutch swedish norwegian danish \
    finnish greek swiss austrian belgian portuguese cuban venezuelan colombian argentine nigerian kenyan \
    pakistani afghan saudi muslim christian jewish catholic protestant democrat democrats democratic \
    republican republicans conservative liberal labour tory tories";

const MONTH_DAY: &str = "january february march april may june july august september october november \
    december monday tuesday wednesday thursday friday saturday sunday christmas easter";

/// The classes of a lower-case word.
pub fn classes(lower: &str) -> &'static [Class] {
    static MAP: OnceLock<HashMap<&'static str, Vec<Class>>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<Class>> = HashMap::new();
        for (class, words) in [
            ("given", GIVEN),
            ("title", TITLE),
            ("orgend", ORG_END),
            ("placeend", PLACE_END),
            ("placestart", PLACE_START),
            ("place", PLACE),
            ("nat", NATIONALITY),
            ("time", MONTH_DAY),
        ] {
            for w in words.split_whitespace() {
                let v = m.entry(w).or_default();
                if !v.contains(&class) {
                    v.push(class);
                }
            }
        }
        m
    });
    map.get(lower).map_or(&[], Vec::as_slice)
}

/// Whether a word is a title or honorific that goes before a name ("Dr.", "Senator").
pub fn is_title(lower: &str) -> bool {
    classes(lower).contains(&"title")
}
