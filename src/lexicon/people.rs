//! Words that tell a person's name from an organisation's, and a person's grammatical gender, so
//! a later "he said" or "she said" can be read as the person an earlier claim named
//! ([`crate::claims::antecedents`]). Lists, not rules: a reader who finds a name missing adds it
//! here.

use super::words::Words;

/// Grammatical gender as "he" and "she" need it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
    #[default]
    Unknown,
}

/// Titles and roles that say who is a woman.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static FEMALE_TITLES: Words = Words::new(&[
    "actress", "businesswoman", "chairwoman", "congresswoman", "councilwoman", "dame", "daughter",
    "grandmother", "lady", "madam", "miss", "mother", "mrs", "mrs.", "ms", "ms.", "princess",
    "queen", "sister", "spokeswoman", "widow", "wife",
]);

/// Titles and roles that say who is a man.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static MALE_TITLES: Words = Words::new(&[
    "brother", "businessman", "chairman", "congressman", "councilman", "father", "grandfather",
    "husband", "king", "lord", "mr", "mr.", "prince", "sir", "son", "spokesman", "widower",
]);

/// Roles a source may end in instead of a name: "the Republican presidential nominee".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ROLES: Words = Words::new(&[
    "actor", "actress", "adviser", "advisor", "ambassador", "analyst", "author", "candidate",
    "chairman", "chairwoman", "chief", "coach", "commissioner", "congressman", "congresswoman",
    "director", "economist", "executive", "founder", "general", "governor", "judge", "lawyer",
    "leader", "manager", "mayor", "minister", "nominee", "official", "president", "professor",
    "prosecutor", "representative", "secretary", "senator", "sheriff", "singer", "spokesman",
    "spokeswoman", "star", "strategist", "superintendent",
]);

/// Lower-case words that may stand between the parts of a person's description: "former
/// Secretary of State John F. Kerry", "the Democratic presidential candidate".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static NAME_LINKS: Words = Words::new(&[
    "a", "an", "acting", "attorney", "bin", "campaign", "capt.", "col.", "de", "democratic",
    "deputy", "der", "dr.", "former", "gen.", "gov.", "independent", "lt.", "mr.", "mrs.", "ms.", "of",
    "presidential", "rep.", "republican", "sen.", "state", "the", "u.s.", "van", "vice", "von",
]);

/// Words that never name a person: pronouns, quantifiers, relative pronouns.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static NOT_NAMES: Words = Words::new(&[
    "all", "both", "critics", "each", "everyone", "experts", "he", "her", "his", "i", "it", "its",
    "many", "most", "nobody", "officials", "one", "people", "she", "some", "someone", "sources",
    "that", "their", "these", "they", "this", "those", "we", "which", "who", "you",
]);

/// Words that make a source an organisation or a group, not a person: "the Justice
/// Department", "Reuters", "the Clinton campaign".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ORGANISATION_WORDS: Words = Words::new(&[
    "abc", "administration", "afp", "agency", "ap", "army", "assembly", "association", "authority",
    "bank", "bbc", "board", "bureau", "cbs", "center", "centre", "channel", "cia", "city", "club",
    "cnn", "co.", "coalition", "college", "commission", "committee", "company", "congress", "corp",
    "corp.", "council", "county", "court", "data", "department", "dnc", "e.u.", "embassy", "eu",
    "fbi", "forces", "foundation", "fox", "fund", "gop", "government", "group", "house", "inc",
    "inc.", "institute", "journal", "kremlin", "league", "llc", "ltd", "magazine", "media",
    "military", "ministry", "msnbc", "nato", "navy", "nbc", "network", "news", "nsa", "office",
    "organisation", "organization", "pac", "parliament", "party", "pentagon", "police", "poll",
    "polls", "post", "press", "radio", "report", "reuters", "rnc", "school", "senate", "service",
    "statement", "study", "survey", "team", "times", "tv", "u.n.", "un", "union", "university",
    "who",
]);

/// Common given names of women in English-language news (a name both ways, "Jordan", "Alex",
/// is in neither list).
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static FEMALE_NAMES: Words = Words::new(&[
    "abigail", "alexandria", "alice", "amanda", "amy", "andrea", "angela", "ann", "anna", "anne",
    "barbara", "beth", "betsy", "betty", "brenda", "carly", "carol", "caroline", "catherine",
    "chelsea", "cheryl", "christina", "christine", "cindy", "claire", "condoleezza", "debbie",
    "deborah", "diane", "donna", "dorothy", "elaine", "elena", "elizabeth", "ellen", "emily",
    "emma", "eva", "frances", "gina", "hannah", "heather", "helen", "hillary", "ilhan", "ivanka",
    "jane", "janet", "jennifer", "jessica", "jill", "joan", "joanna", "joyce", "judith", "judy",
    "julia", "julie", "kamala", "karen", "kate", "katherine", "kathleen", "kathryn", "kathy",
    "kelly", "kellyanne", "kirsten", "laura", "lauren", "linda", "lisa", "loretta", "lynn",
    "margaret", "maria", "marie", "martha", "mary", "megan", "meghan", "melania", "melanie",
    "melissa", "michelle", "nancy", "natalie", "nicola", "nikki", "olivia", "pamela", "patricia",
    "patty", "rachel", "rebecca", "rosa", "ruth", "sally", "samantha", "sandra", "sara", "sarah",
    "sharon", "sheila", "shirley", "sophie", "stephanie", "susan", "susana", "suzanne", "tammy",
    "teresa", "theresa", "tina", "ursula", "valerie", "victoria", "virginia", "wendy",
]);

/// Common given names of men in English-language news.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static MALE_NAMES: Words = Words::new(&[
    "aaron", "adam", "al", "alan", "albert", "andrew", "angus", "anthony", "antonio", "ben",
    "benjamin", "bernie", "bill", "bob", "boris", "brad", "brian", "bruce", "carl", "charles",
    "chris", "christopher", "chuck", "colin", "dan", "daniel", "david", "dennis", "dick", "donald",
    "doug", "douglas", "ed", "edward", "emmanuel", "eric", "frank", "gary", "george", "gerald",
    "greg", "harry", "henry", "ian", "jack", "jacob", "james", "jason", "jeb", "jeff", "jeffrey",
    "jeremy", "jerry", "jim", "jimmy", "joe", "john", "jon", "jonathan", "joseph", "josh", "juan",
    "justin", "keith", "ken", "kenneth", "kevin", "larry", "luis", "marco", "mark", "martin",
    "matt", "matthew", "michael", "mike", "mitch", "mitt", "nathan", "newt", "nicholas", "nick",
    "omar", "patrick", "paul", "peter", "phil", "philip", "ralph", "reince", "richard", "rick",
    "rob", "robert", "roger", "ron", "ronald", "rudy", "ryan", "sam", "samuel", "scott", "sean",
    "sergei", "stephen", "steve", "steven", "ted", "thomas", "tim", "timothy", "todd", "tom",
    "tony", "vladimir", "walter", "william", "xi",
]);
