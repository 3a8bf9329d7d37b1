//! The words a period may follow without ending the sentence, as data.
//!
//! Each table is sorted (a unit test checks) and looked up by binary search, so a look-up costs the
//! same however many entries are added. Tokens are compared as written in the text: titles, months and
//! place names are capitalised in news, and a lower-case "no." or "gen." is an ordinary word.

/// What an abbreviation before a period says about a sentence boundary there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbreviation {
    /// A title before a name ("Mr. Smith", "Gen. Doe"): never ends a sentence.
    Title,
    /// Never ends a sentence, whatever follows ("e.g.", "vs.", "approx.").
    NeverFinal,
    /// Before a number ("No. 10", "Art. 5", "p. 3", "Jan. 5"): no end before a digit; otherwise it
    /// ends a sentence only when a sentence starter follows ("in Jan. The talks").
    BeforeNumber,
    /// Ends a phrase and so may end a sentence ("Apple Inc.", "in the U.S.", "at 10 a.m.",
    /// "Springfield, Ill.", "King Jr."): ends one only when a sentence starter follows.
    MayEnd,
    /// A single capital ("J. R. R. Tolkien", "George W. Bush", "Rep. Robert C. \"Bobby\" Scott"):
    /// ends a sentence only before a sentence starter word ("… Plan B. The next plan").
    Initial,
}

/// Titles written before a name.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Attys", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Dept", "Det", "Dr",
    "Drs", "Fr", "Ft", "Gen", "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mr", "Mrs", "Ms",
    "Msgr", "Mt", "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Sra", "Supt",
    "Univ",
];

/// "St." is a title ("St. Louis") far more often than a street at the end of a sentence; it ends
/// one only before a sentence starter ("No. 10 Downing St. The prime minister …").
const SAINT_OR_STREET: &str = "St";

/// Abbreviations that are always followed by more of the same sentence.
const NEVER_FINAL: &[&str] = &[
    "Approx", "Ca", "Cf", "E.g", "I.e", "Viz", "approx", "ca", "cf", "e.g", "esp", "i.e", "ibid",
    "incl", "v", "viz", "vs",
];

/// Abbreviations usually followed by a number.
const BEFORE_NUMBER: &[&str] = &[
    "Apr", "Art", "Aug", "Ch", "Dec", "Ext", "Feb", "Fig", "Figs", "Jan", "Jul", "Jun", "Mar",
    "No", "Nos", "Nov", "Oct", "Op", "Sec", "Sep", "Sept", "Vol", "Vols", "art", "b", "c", "ch",
    "d", "ext", "fig", "no", "nos", "op", "p", "pp", "sec", "vol",
];

/// Abbreviations that close a name or phrase (companies, suffixes, AP-style US states, places).
const MAY_END: &[&str] = &[
    "Ala", "Ariz", "Ark", "Ave", "Blvd", "Bros", "Calif", "Co", "Colo", "Conn", "Corp", "Del",
    "Esq", "Fla", "Ga", "Ill", "Inc", "Ind", "Jr", "Kan", "Ky", "La", "Ltd", "Mass", "Md", "Mich",
    "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn", "Plc", "Rd", "Sr",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "al", "plc",
];

/// Words that start sentences far more often than they continue a name, used to decide whether an
/// ambiguous abbreviation ("U.S.", "Inc.", an initial) ends its sentence. Function words only: a
/// capitalised noun after "U.S." is usually a title ("U.S. President …").
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Being",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Dr",
    "During",
    "Each",
    "Even",
    "Every",
    "For",
    "From",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "Is",
    "It",
    "Its",
    "Last",
    "Many",
    "Meanwhile",
    "Millions",
    "More",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "No",
    "Not",
    "Now",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Over",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Under",
    "Until",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "Will",
    "With",
    "Yesterday",
    "Yet",
    "You",
];

/// The kind of abbreviation `token` (the word before a period, without the period) is, if any.
pub fn classify(token: &str) -> Option<Abbreviation> {
    let found = |table: &[&str]| table.binary_search(&token).is_ok();
    if found(TITLES) {
        Some(Abbreviation::Title)
    } else if found(NEVER_FINAL) {
        Some(Abbreviation::NeverFinal)
    } else if found(BEFORE_NUMBER) {
        Some(Abbreviation::BeforeNumber)
    } else if is_initial(token) {
        Some(Abbreviation::Initial)
    } else if found(MAY_END) || token == SAINT_OR_STREET || is_dotted(token) {
        Some(Abbreviation::MayEnd)
    } else {
        None
    }
}

/// Whether `word` usually starts a sentence rather than continuing a name.
pub fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.binary_search(&word).is_ok()
}

/// A single capital letter: an initial ("J. R. R. Tolkien", "George W. Bush").
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters with inner periods in short groups: "U.S", "a.m", "Ph.D", "U.S.A" — not "example.com" or
/// "v1.2" (a domain or a version is an ordinary word: a period after it ends a sentence as usual).
fn is_dotted(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|group| {
            let letters = group.chars().count();
            (1..=2).contains(&letters) && group.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_for_binary_search() {
        for table in [
            TITLES,
            NEVER_FINAL,
            BEFORE_NUMBER,
            MAY_END,
            SENTENCE_STARTERS,
        ] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
    }

    #[test]
    fn classifies_news_abbreviations() {
        assert_eq!(classify("Mr"), Some(Abbreviation::Title));
        assert_eq!(classify("Gen"), Some(Abbreviation::Title));
        assert_eq!(classify("e.g"), Some(Abbreviation::NeverFinal));
        assert_eq!(classify("No"), Some(Abbreviation::BeforeNumber));
        assert_eq!(classify("Jan"), Some(Abbreviation::BeforeNumber));
        assert_eq!(classify("Inc"), Some(Abbreviation::MayEnd));
        assert_eq!(classify("U.S"), Some(Abbreviation::MayEnd));
        assert_eq!(classify("a.m"), Some(Abbreviation::MayEnd));
        assert_eq!(classify("W"), Some(Abbreviation::Initial));
        assert_eq!(classify("St"), Some(Abbreviation::MayEnd));
        assert_eq!(
            classify("etc"),
            None,
            "etc. ends a sentence before any capital"
        );
        assert_eq!(classify("example.com"), None);
        assert_eq!(classify("v1.2.3"), None);
        assert_eq!(classify("gen"), None, "lower-case words are ordinary words");
        assert_eq!(classify("month"), None);
    }
}
