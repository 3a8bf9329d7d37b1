//! Words that tell a named source from an anonymous one ([`crate::claims::specificity`]): what
//! a source's head noun is (a vague group, a role, an organisation, a document), what its
//! determiner says (one identifiable holder or an unnamed one), and the phrases that withhold a
//! name ("on condition of anonymity"). Lists, not rules: a reader who finds a word missing adds it
//! here. Every list is lower case and alphabetical (a test checks).

use super::words::Words;

/// Nouns for people who are not named by being so described: "officials", "a source",
/// "witnesses", "two people briefed on the talks", "an aide". Singular or plural, with any
/// determiner, such a head is anonymous ("the official" is still unnamed). Also the groups a
/// vague source is: "Democrats", "Palestinians", "authorities".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static PEOPLE: Words = Words::new(&[
    "activist", "activists", "advocate", "advocates", "agent", "agents", "aide", "aides",
    "americans", "analyst", "analysts", "authorities", "backers", "bystander", "bystanders",
    "colleague", "colleagues", "conservatives", "constituents", "critic", "critics", "delegates",
    "democrats", "diplomat", "diplomats", "economists", "employee", "employees", "engineer",
    "engineers", "everybody", "everyone", "expert", "experts", "fans", "friend", "friends", "guy",
    "individual", "individuals", "informant", "insider", "insiders", "investigators", "iranians",
    "israelis", "journalists", "lawmaker", "lawmakers", "leaders", "liberals", "man", "member",
    "members", "men", "neighbor", "neighbors", "neighbour", "neighbours", "nobody", "observer",
    "observers", "officers", "official", "officials", "operative", "operatives", "opponents",
    "others", "palestinians", "participants", "people", "person", "persons", "progressives",
    "protesters", "protestors", "relative", "relatives", "republicans", "researcher", "researchers",
    "residents", "russians", "scientist", "scientists", "skeptics", "somebody", "someone", "source",
    "sources", "staff", "staffer", "staffers", "strategists", "student", "students", "supporters",
    "survivors", "teachers", "voters", "whistleblower", "witness", "witnesses", "woman", "women",
    "workers",
]);

/// Nouns for an office that one person holds: with "the", a possessive or a name ("the
/// company's CEO", "the president", "Apple's chief executive") the reader can tell who, so the
/// source is named; with "a", "one" or in the plural ("a former minister", "prosecutors") it is
/// not. Family roles behave the same: "his wife" is one person, "a relative" is not.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ROLES: Words = Words::new(&[
    "adviser", "advisers", "advisor", "advisors", "ambassador", "ambassadors", "attorney",
    "attorneys", "boss", "brother", "candidate", "ceo", "ceos", "chair", "chairman", "chairwoman",
    "chancellor", "chief", "chiefs", "coach", "commander", "commanders", "commissioner", "counsel",
    "daughter", "director", "directors", "doctor", "doctors", "editor", "executive", "executives",
    "father", "founder", "general", "generals", "governor", "governors", "head", "husband", "judge",
    "judges", "lawyer", "lawyers", "leader", "manager", "mayor", "mayors", "minister", "ministers",
    "mother", "nominee", "owner", "premier", "president", "presidents", "prime", "professor",
    "prosecutor", "prosecutors", "secretary", "senator", "senators", "sheriff", "sister", "son",
    "speaker", "superintendent", "wife",
]);

/// Plurals in [`ROLES`] (the list holds both forms; these make the form a plural).
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ROLE_PLURALS: Words = Words::new(&[
    "advisers", "advisors", "ambassadors", "attorneys", "ceos", "chiefs", "commanders", "directors",
    "doctors", "executives", "generals", "governors", "judges", "lawyers", "mayors", "ministers",
    "presidents", "prosecutors", "senators",
]);

/// Nouns for the person whose job is to speak for an organisation. What they say is the
/// organisation's word, on the record, so the source is named even without the person's name:
/// "a spokesman for the ministry", "a Pentagon spokesperson" — unless the sentence says the
/// speaker withheld their name (see [`ANONYMITY`]).
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static VOICES: Words = Words::new(&[
    "spokesman", "spokesmen", "spokespeople", "spokesperson", "spokeswoman", "spokeswomen",
]);

/// Nouns for an organisation: named when definite, possessed or bare ("the ministry", "the
/// Clinton campaign", "police"), anonymous when indefinite or a plural without a name ("a
/// company", "local hospitals").
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ORGANISATIONS: Words = Words::new(&[
    "administration", "agencies", "agency", "army", "association", "authority", "bank", "board",
    "bureau", "cabinet", "campaign", "channel", "coalition", "commission", "committee", "companies",
    "company", "congress", "corporation", "council", "court", "courts", "department", "embassy",
    "family", "firm", "firms", "foundation", "government", "governments", "group", "groups",
    "hospital", "hospitals", "house", "institute", "kremlin", "military", "ministry", "navy",
    "network", "newspaper", "newspapers", "office", "organisation", "organisations", "organization",
    "organizations", "outlet", "outlets", "parliament", "party", "pentagon", "police", "regime",
    "senate", "service", "station", "team", "tribunal", "union", "university",
]);

/// Plurals in [`ORGANISATIONS`].
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ORGANISATION_PLURALS: Words = Words::new(&[
    "agencies", "companies", "courts", "firms", "governments", "groups", "hospitals", "newspapers",
    "organisations", "organizations", "outlets",
]);

/// Nouns for a text or a medium that carries a claim: named when it says whose ("a report by
/// the Times", "the ministry's statement", "a CNN poll") or refers back ("the report");
/// anonymous otherwise ("reports", "media reports", "a study").
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static DOCUMENTS: Words = Words::new(&[
    "account", "accounts", "analysis", "article", "book", "complaint", "data", "document",
    "documents", "email", "emails", "estimate", "estimates", "filing", "filings", "indictment",
    "interview", "lawsuit", "letter", "media", "memo", "paper", "papers", "poll", "polls", "post",
    "posts", "press", "records", "release", "report", "reports", "research", "rumors", "rumours",
    "statement", "statements", "studies", "study", "survey", "surveys", "testimony", "transcript",
    "tweet", "tweets",
]);

/// Determiners and quantifiers that leave the holder unnamed: "a", "one", "some", "two",
/// "several". A source that is only these ("some", "many", "others") is anonymous too.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static INDEFINITE: Words = Words::new(&[
    "a", "an", "another", "any", "dozens", "eight", "few", "five", "four", "hundreds", "many",
    "most", "multiple", "nine", "numerous", "one", "other", "seven", "several", "six", "some",
    "ten", "three", "two", "various",
]);

/// Determiners that point at one holder the reader already knows: "the ministry", "this
/// company", "his lawyer".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static DEFINITE: Words = Words::new(&[
    "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those", "your",
]);

/// Sources that are a pronoun standing for someone named before: they take the specificity of
/// their antecedent ([`crate::claims::antecedents`]).
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static PERSONAL_PRONOUNS: Words = Words::new(&[
    "he", "her", "herself", "him", "himself", "his", "she",
]);

/// Sources that say nothing about who without resolving them: "they", "it", "we", "who".
/// No specificity is guessed for these.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static OTHER_PRONOUNS: Words = Words::new(&[
    "both", "i", "it", "its", "me", "my", "our", "that", "their", "them", "these", "they", "this",
    "those", "us", "we", "which", "who", "whom", "you", "your",
]);

/// Lower-case-looking words that may start a sentence capitalised without naming anyone:
/// descriptors of a source ("Senior officials", "Local media", "Federal prosecutors").
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static DESCRIPTORS: Words = Words::new(&[
    "acting", "administration", "anonymous", "campaign", "chief", "close", "current", "defense",
    "deputy", "federal", "foreign", "former", "government", "high-ranking", "independent",
    "intelligence", "international", "key", "law", "leading", "local", "longtime", "military",
    "national", "news", "police", "political", "prominent", "regional", "security", "senior",
    "social", "state", "top", "unidentified", "unnamed", "veteran",
]);

/// Capitalised words for a nationality or a region, which describe a group without naming
/// anyone: "Iranian officials", "Western diplomats", "Russian media". A capitalised word ending
/// in "-ian" counts too (see [`crate::claims::specificity`]).
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static DEMONYMS: Words = Words::new(&[
    "afghan", "african", "american", "arab", "asian", "british", "chinese", "dutch", "emirati",
    "european", "french", "german", "greek", "iraqi", "irish", "israeli", "japanese", "korean",
    "kuwaiti", "mexican", "pakistani", "polish", "qatari", "saudi", "spanish", "swedish", "swiss",
    "turkish", "u.k.", "u.s.", "uk", "us", "western", "yemeni",
]);

/// Fixed phrases that name an institution though every word is common: "state media said".
pub static NAMED_PHRASES: &[&[&str]] = &[
    &["state", "media"],
    &["state", "television"],
    &["state", "tv"],
    &["state-run", "media"],
    &["state", "news", "agency"],
    &["state-run", "news", "agency"],
];

/// The first words of [`NAMED_PHRASES`] (a test checks).
pub static NAMED_PHRASE_FIRSTS: Words = Words::new(&["state", "state-run"]);

/// Words inside a source that withhold a name whatever else it says: "an unnamed Pentagon
/// spokesman", "one diplomat, speaking anonymously".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ANONYMOUS_WORDS: Words = Words::new(&[
    "anonymity", "anonymous", "anonymously", "unidentified", "unnamed",
]);

/// Phrases that withhold the speaker's name, inside a source or near it in its sentence: "a
/// senior official who spoke on condition of anonymity", "the company's CEO, who declined to
/// be named", "people familiar with the matter".
pub static ANONYMITY: &[&[&str]] = &[
    &["condition", "of", "anonymity"],
    &["declined", "to", "be", "named"],
    &["declined", "to", "be", "identified"],
    &["refused", "to", "be", "named"],
    &["asked", "not", "to", "be", "named"],
    &["asked", "not", "to", "be", "identified"],
    &["asked", "that", "their", "names"],
    &["asked", "that", "his", "name"],
    &["asked", "that", "her", "name"],
    &["requested", "anonymity"],
    &["insisted", "on", "anonymity"],
    &["granted", "anonymity"],
    &["speaking", "anonymously"],
    &["spoke", "anonymously"],
    &["not", "authorized", "to", "speak"],
    &["not", "authorised", "to", "speak"],
    &["not", "authorized", "to", "discuss"],
    &["not", "authorised", "to", "discuss"],
    &["not", "authorized", "to", "comment"],
    &["not", "authorized", "to", "talk"],
    &["without", "being", "named"],
    &["without", "being", "identified"],
    &["on", "background"],
    &["familiar", "with"],
    &["briefed", "on"],
    &["with", "knowledge", "of"],
    &["with", "direct", "knowledge"],
    &["close", "to", "the"],
];

/// The first words of [`ANONYMITY`] (a test checks).
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static ANONYMITY_FIRSTS: Words = Words::new(&[
    "asked", "briefed", "close", "condition", "declined", "familiar", "granted", "insisted", "not",
    "on", "refused", "requested", "speaking", "spoke", "with", "without",
]);

/// Words that end a source's first noun phrase: prepositions and relative pronouns. The head of
/// the phrase is the word before ("a spokesman | for the ministry", "people | familiar with").
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static PHRASE_ENDS: Words = Words::new(&[
    "about", "against", "among", "at", "by", "close", "familiar", "for", "from", "in", "inside",
    "involved", "of", "on", "that", "to", "under", "which", "who", "whom", "whose", "with",
    "within",
]);

/// Verbs and the adverbs between a subject and its verb, which no source holds: a source span
/// that runs into one ends there ("The pair | said they"), and one that starts with one skips it
/// ("says | a report"). Only in lower case: "Theresa May", "Will Hurd" are names.
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static VERBS: Words = Words::new(&[
    "added", "adds", "also", "are", "argued", "argues", "believed", "believes", "can", "claimed",
    "could", "declared", "did", "does", "explained", "had", "has", "have", "insisted", "is",
    "later", "may", "might", "noted", "recalled", "recently", "reported", "said", "say", "says",
    "should", "spent", "tells", "then", "told", "warned", "warns", "was", "were", "will", "would",
    "writes", "wrote",
]);

/// Words of a time that end a source's phrase after its noun: "health officials | this week".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static TIMES: Words = Words::new(&[
    "earlier", "friday", "last", "monday", "next", "saturday", "sunday", "this", "thursday",
    "today", "tonight", "tuesday", "wednesday", "yesterday",
]);

/// Words that join two sources: "Trump and Pence", "officials and analysts".
#[rustfmt::skip] // a table: one word after another, alphabetical
pub static CONJUNCTIONS: Words = Words::new(&["&", "and", "or"]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_lower_case_and_alphabetical() {
        for list in [
            &PEOPLE,
            &ROLES,
            &ROLE_PLURALS,
            &VOICES,
            &ORGANISATIONS,
            &ORGANISATION_PLURALS,
            &DOCUMENTS,
            &INDEFINITE,
            &DEFINITE,
            &PERSONAL_PRONOUNS,
            &OTHER_PRONOUNS,
            &DESCRIPTORS,
            &DEMONYMS,
            &ANONYMOUS_WORDS,
            &PHRASE_ENDS,
            &CONJUNCTIONS,
            &VERBS,
            &TIMES,
            &ANONYMITY_FIRSTS,
            &NAMED_PHRASE_FIRSTS,
        ] {
            let words = list.as_slice();
            for pair in words.windows(2) {
                assert!(pair[0] < pair[1], "{} before {}", pair[0], pair[1]);
            }
            for word in words {
                assert_eq!(*word, word.to_lowercase(), "{word}");
            }
        }
    }

    #[test]
    fn the_first_words_of_the_phrases_are_listed() {
        for (phrases, firsts) in [
            (ANONYMITY, &ANONYMITY_FIRSTS),
            (NAMED_PHRASES, &NAMED_PHRASE_FIRSTS),
        ] {
            for phrase in phrases {
                assert!(firsts.as_slice().contains(&phrase[0]), "{phrase:?}");
            }
            for first in firsts.as_slice() {
                assert!(
                    phrases.iter().any(|p| p[0] == *first),
                    "{first} starts no phrase"
                );
            }
        }
    }

    #[test]
    fn plurals_are_in_their_lists() {
        for word in ROLE_PLURALS.as_slice() {
            assert!(ROLES.as_slice().contains(word), "{word}");
        }
        for word in ORGANISATION_PLURALS.as_slice() {
            assert!(ORGANISATIONS.as_slice().contains(word), "{word}");
        }
    }
}
