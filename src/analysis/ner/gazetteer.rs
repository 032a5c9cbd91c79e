//! Word classes the name tagger uses as features: given names, titles, words that end the names
//! of organisations or places, well-known places, nationalities, months and days. Each list is
//! lower case and space-separated; a word may be in several classes.

use rustc_hash::FxHashMap as HashMap;
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
    tim mark sheryl jensen sam geoffrey yann demis dario ilya \
    abraham adele agnes aidan alan albert alberto alejandro alfred alfredo ali alison allan allison alvin amelia \
    amir andre andrea andres andy angel angelo angie annie antoine april archie ariel arnold arturo audrey austin \
    barry beatrice ben bernadette bert beth bianca blake bonnie brett bridget brittany brooke bruno bryce  \
    caleb calvin cameron camille candace carmen carol carolyn casey cassandra cecilia cedric celeste chad charlene \
    chester chloe chuck claude claudia clay clayton cliff clifford clint cody cole colleen connie conor constance \
    corey courtney curtis daisy dale dallas damian dana danny daphne darius darren darryl dave dawn delia denise \
    desmond devin diego dmitri dolores dominic don donovan dora doreen duane dustin dwight earl ed eddie edgar \
    edith edmund edna eduardo edwin eileen elaine eli elias elijah elliot ellis eloise elsa elvis emil emilio \
    emmett enrique erin ernest ernesto esther ethan  evelyn everett fabian faith felicia felix fernando fiona \
    floyd forrest francesca franco francisco franklin freddie frederick gabriela gail gavin gene geneva genevieve \
    gerard gilbert gina giovanni glen glenn gordon graham grant guillermo gus gustavo guy gwen hal hank harriet \
    harvey hazel hector heidi herbert herman hilda holly homer horace hubert hugo ida igor ingrid irene iris irma \
    irving  isabella ivan jackie jaime jake jamal jan janet jared jasmine javier jay jeanette jenny jeremiah \
    jerome jessie jill joanna jocelyn jodi joey johanna jordan jorge josephine  joy juanita jules june \
    kara karl kathy katrina kay keith kendra kenny kent kerry kirk kristen kristin kurt lance lara laurie leah \
    leon leonardo leroy leslie lester lillian lily lincoln lindsay lionel liz lloyd logan lois lorenzo loretta \
    lorraine lou lucia lucille lucy luke luther lydia lyndon mabel mack madeline madison malcolm mandy manuel \
    marcia marcus margarita marian marina mario marion marjorie marlene marshall marvin mathew mattie maureen \
    max maxine melanie melinda melvin mercedes meredith micheal miguel mildred milton miranda miriam misty \
    mitchell molly monica morgan morris moses myra myron nadia naomi nathaniel ned nelson nick nicolas nigel \
    nina noel nora norma olga oliver omar opal orlando otis owen pablo pat patsy paula pauline pedro penny \
    percy perry phil phyllis pierre priscilla quentin rafael ramon randall raul ray reginald rene renee rex \
    rhonda ricardo ricky rob robin rocky rod rodney rogelio roland rolando ron ronnie rosa rosalie rosemary ross \
    ruben rudolph rufus russ sabrina sadie salvador sammy sandy santiago saul  sergio seth shane shannon \
    shaun sheila shelby shelley sherman sidney silvia sofia sonia sonya spencer stacy stella stuart sue sylvia \
    tamara tanya ted terrence thelma theodore tiffany timothy toby tommy tracy travis trevor troy ursula vanessa \
    vera vernon vicki viola violet virgil vivian wade wallace  wanda warren wendy wesley whitney wilbur \
    wilma winston wyatt yolanda yvonne zoe  woody orson marlon meryl ingmar akira hayao satoshi hiroshi \
    yuki kenji wei li ming jun hui ahmad omar khalid mustafa ibrahim hamid reza ali farid leila yasmin \
    olu chinedu kwame kofi amara thabo nelson jacques francois jean-paul jean-pierre marie-claire hans klaus \
    jurgen wolfgang dieter helmut angela gerhard sven lars nils erik ingrid astrid giuseppe luca marco matteo \
    alessandro francesca giulia sergei dmitry alexei vladimir mikhail olga natasha tatiana ivan pavel";

const TITLE: &str = "mr mr. mrs mrs. ms ms. dr dr. prof prof. professor president senator sen sen. rep rep. \
    representative gov gov. governor mayor minister premier chancellor judge justice general gen gen. \
    colonel col col. lieutenant lt lt. sergeant sgt sgt. captain capt capt. admiral adm. commander king queen \
    prince princess lord lady sir dame pope rev rev. reverend father sister bishop archbishop cardinal rabbi \
    imam sheikh chief councillor councilor councilmember congressman congresswoman secretary ambassador \
    inspector detective officer coach dean chairman chairwoman chair director spokesman spokeswoman \
    president-elect vice uncle aunt speaker keeper nurse teacher lawyer attorney farmer activist \
    campaigner analyst economist author writer reporter journalist actor actress singer artist manager \
    founder owner resident councilwoman commissioner superintendent sheriff trooper constable dr";

const ORG_END: &str = "authority ministry council university college party inc inc. corp corp. corporation \
    company group bank agency department commission court association union institute foundation committee \
    board times post news fund reserve senate house congress police service services office trust labs \
    systems technologies holdings partners network press journal tribune herald review parliament assembly \
    federation league club alliance coalition organization organisation society center centre hospital school \
    airlines airways motors energy industries administration bureau cabinet government campaign co co. ltd \
    ltd. llc ag sa reuters watch monitor daily museum gallery library capital courier ledger record \
    magazine foundation church army navy force forces guard corps team fc united unit program programme \
    academy institution observatory laboratory laboratories studios records pictures entertainment media \
    broadcasting television radio gazette telegraph chronicle globe examiner inquirer bulletin";

const PLACE_END: &str = "sea ocean river lake bay valley island islands mountain mountains hills road street \
    avenue lane square bridge airport station park harbor harbour coast strait canal channel tower county \
    province district city town village beach forest desert states republic kingdom peninsula gulf \
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
        let mut m: HashMap<&'static str, Vec<Class>> = HashMap::default();
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

/// Titles that may stand before a surname alone ("Mr. Hollis", "President Obama").
const HONORIFIC: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "prof.",
    "professor",
    "sen",
    "sen.",
    "gov",
    "gov.",
    "rep",
    "rep.",
    "president",
    "senator",
    "governor",
    "mayor",
    "judge",
    "justice",
    "sir",
    "dame",
    "lord",
    "lady",
    "pope",
    "queen",
    "king",
    "prince",
    "princess",
    "general",
    "gen.",
];

/// Whether a word is a title that names a person with a surname alone after it.
pub fn is_honorific(lower: &str) -> bool {
    HONORIFIC.contains(&lower)
}

/// Whether a word names a people, a faith or a party rather than a person ("Americans",
/// "Democrats", "Catholics").
pub fn is_group(lower: &str) -> bool {
    let has = |w: &str| classes(w).contains(&"nat");
    has(lower) || lower.strip_suffix('s').is_some_and(has)
}

/// Whether a word is a title or honorific that goes before a name ("Dr.", "Senator").
pub fn is_title(lower: &str) -> bool {
    classes(lower).contains(&"title")
}
