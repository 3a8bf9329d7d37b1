//! The cue lexicon: the tables of words ([`tables`]) compiled into one matcher, plus the user's
//! own cue and ignore words.
//!
//! Every form of every entry goes into one byte trie ([`trie`]), built once per [`Lexicon`] from the
//! tables. Scanning a text is one pass over its bytes; each hit carries what the word does. Context
//! rules (is "report" a noun here? is "could" epistemic?) live in [`crate::cues`], not here: this
//! module is only data and its compilation.

pub mod people;
pub mod sources;
pub mod tables;
mod trie;
mod word_chars;
pub mod words;

use std::collections::{HashMap, HashSet};

use trie::Trie;

use crate::claim::Stance;
use crate::config::{Config, ConfigError};
pub use tables::{Needs, Role};

/// Which form of a verb a cue is; passives and gerunds attach to their source differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// Not a verb.
    Plain,
    /// The bare verb ("say"): a present tense only after a subject, not after "to" or "would".
    Base,
    /// The third person singular ("says"); also the shape of a plural noun ("claims").
    Third,
    /// A past tense or past participle ("claimed", "told"): may be passive after "is", "was".
    Past,
    /// A bare past participle that is never a past tense ("written", "shown").
    Participle,
    /// "-ing" ("saying"): after a comma its source is the subject of the main clause.
    Gerund,
}

/// What the lexicon knows about one word or phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub role: Role,
    pub stance: Stance,
    pub needs: Needs,
    pub form: Form,
    /// The verb's lemma, for lemma-specific handling (objects of "tell") and ignore words.
    pub lemma: Option<&'static str>,
}

/// A compiled lexicon: the built-in tables plus the user's cue and ignore words.
pub struct Lexicon {
    /// Normalised form (lower case, single spaces) → its index in `lists`.
    forms: HashMap<String, u32>,
    /// What each form can be, most specific first.
    lists: Vec<Vec<Entry>>,
    matcher: Trie,
    /// Every spelling the user's ignore words stand for (see [`ignored_forms`]): the one list the
    /// lexicon's entries and the trained model's cues are both checked against.
    ignored: HashSet<String>,
}

/// One hit of the lexicon in a text: where, and what the words can be.
#[derive(Clone, Debug)]
pub struct Hit<'a> {
    pub start: usize,
    pub end: usize,
    pub entries: &'a [Entry],
}

impl Lexicon {
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        let mut entries: HashMap<String, Vec<Entry>> = HashMap::new();
        let mut add = |form: &str, entry: Entry| {
            let list = entries.entry(normalise(form)).or_default();
            if !list.contains(&entry) {
                list.push(entry);
            }
        };
        for verb in tables::VERBS {
            let [third, past, participle, gerund] = match verb.irregular {
                Some(forms) => forms.map(str::to_owned),
                None => inflect(verb.lemma),
            };
            let forms = [
                (verb.lemma.to_owned(), Form::Base),
                (third, Form::Third),
                (past.clone(), Form::Past),
                (
                    participle.clone(),
                    if participle == past {
                        Form::Past
                    } else {
                        Form::Participle
                    },
                ),
                (gerund, Form::Gerund),
            ];
            for (form, shape) in forms {
                if verb.skip.contains(&form.as_str()) {
                    continue;
                }
                let entry = Entry {
                    role: verb.role,
                    stance: verb.stance,
                    needs: verb.needs,
                    form: shape,
                    lemma: Some(verb.lemma),
                };
                add(&form, entry);
            }
        }
        for &(phrase, role, stance) in tables::PHRASES {
            let needs = match role {
                Role::Noun => Needs::That,
                _ => Needs::Nothing,
            };
            add(phrase, plain(role, stance, needs));
        }
        for adjective in tables::ATTRIBUTIVE_HEDGES {
            add(
                adjective,
                plain(Role::Hedge, Stance::Hedge, Needs::Attributive),
            );
        }
        for modal in tables::MODALS {
            add(modal, plain(Role::Modal, Stance::Hedge, Needs::Epistemic));
        }
        add(":", plain(Role::Colon, Stance::Neutral, Needs::Quote));
        for dash in QUOTATION_DASHES {
            add(dash, plain(Role::Byline, Stance::Neutral, Needs::Quote));
        }
        for word in &config.extra_cues {
            check_user_word(word)?;
            let user = plain(Role::Speech, Stance::Distancing, Needs::Nothing);
            for form in user_forms(word) {
                // The user's word comes first: it is what they asked for.
                entries.entry(form).or_default().insert(0, user);
            }
        }
        let mut ignored = HashSet::new();
        for word in &config.ignore_words {
            check_user_word(word)?;
            let forms = ignored_forms(word);
            let lemma = normalise(word);
            // Ignoring a lemma ("say") ignores all its forms ("said", "saying").
            entries.retain(|form, list| {
                list.retain(|e| e.lemma != Some(lemma.as_str()));
                !forms.contains(form) && !list.is_empty()
            });
            ignored.extend(forms);
        }
        // Sorted, so that the form indices (and so the trie) do not depend on the hash map's order.
        let mut sorted: Vec<(String, Vec<Entry>)> = entries.into_iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // Words need a word boundary at both ends; the colon and the dashes need none.
        let matcher = Trie::new(sorted.iter().enumerate().map(|(i, (form, _))| {
            let bounded = form != ":" && !QUOTATION_DASHES.contains(&form.as_str());
            (form.as_str(), i as u32, bounded)
        }));
        let mut forms = HashMap::with_capacity(sorted.len());
        let mut lists = Vec::with_capacity(sorted.len());
        for (i, (form, list)) in sorted.into_iter().enumerate() {
            forms.insert(form, i as u32);
            lists.push(list);
        }
        Ok(Lexicon {
            forms,
            lists,
            matcher,
            ignored,
        })
    }

    /// Whether the user asked never to mark `word` (in lower case), or it is a form of a lemma
    /// they asked never to mark.
    pub fn is_ignored(&self, word: &str) -> bool {
        !self.ignored.is_empty() && self.ignored.contains(word)
    }

    /// Every hit of the lexicon in `text[range]`, in order, offsets relative to `text`.
    pub fn scan<'a>(&'a self, text: &'a str, start: usize, end: usize) -> Vec<Hit<'a>> {
        let mut hits = Vec::new();
        self.matcher
            .scan(&text.as_bytes()[start..end], |s, e, form| {
                hits.push(Hit {
                    start: start + s,
                    end: start + e,
                    entries: &self.lists[form as usize],
                });
            });
        hits
    }

    /// What `word` can be, if it is in the lexicon (case and spacing do not matter).
    pub fn lookup(&self, word: &str) -> &[Entry] {
        self.forms
            .get(&normalise(word))
            .map_or(&[], |&i| self.lists[i as usize].as_slice())
    }
}

/// Dashes that can introduce the speaker after a quotation: the horizontal bar and the em dash.
const QUOTATION_DASHES: &[&str] = &["―", "—"];

const fn plain(role: Role, stance: Stance, needs: Needs) -> Entry {
    Entry {
        role,
        stance,
        needs,
        form: Form::Plain,
        lemma: None,
    }
}

/// Lower case with every run of whitespace as one space: the key of the entry map.
fn normalise(phrase: &str) -> String {
    let mut out = String::new();
    for (i, word) in phrase.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The forms a reader's word is matched in: lower case first, then, when the word has letters
/// beyond ASCII with a case of their own, its upper-case and capitalised spellings ("été", "ÉTÉ",
/// "Été"), so a headline in capitals or a sentence that opens with the word finds it too. The
/// matcher folds ASCII letters itself, so they stay lower case in every form; each character
/// maps to one (simple case mapping: "ß" stays "ß"). Other mixed spellings ("éTÉ") are not
/// matched.
fn user_forms(word: &str) -> Vec<String> {
    let lower = normalise(word);
    let upper_one = |c: char| if c.is_ascii() { c } else { upper_case(c) };
    let upper: String = lower.chars().map(upper_one).collect();
    let mut chars = lower.chars();
    let capitalised: String = chars
        .next()
        .map(upper_one)
        .into_iter()
        .chain(chars)
        .collect();
    let mut forms = vec![lower];
    for form in [upper, capitalised] {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// The capital of a lower-case letter, found among the code points its alphabet puts capitals at
/// (32 before it in Latin-1, Greek and Cyrillic, 1 before it in the paired Latin Extended and
/// Cyrillic blocks, 80 for Cyrillic's Ѐ–Џ, 48 for Armenian, 37–38 and 63–64 for Greek letters
/// with a tonos) and checked by lowering it
/// back: the Unicode lower-case tables are in the wasm build already, the upper-case ones would
/// add ~20 KB for what the reader's own words need. Other letters stay as they are.
fn upper_case(c: char) -> char {
    [32, 1, 80, 48, 37, 38, 63, 64]
        .into_iter()
        .filter_map(|offset| char::from_u32((c as u32).checked_sub(offset)?))
        .find(|&upper| {
            let mut lower = upper.to_lowercase();
            upper != c && lower.next() == Some(c) && lower.next().is_none()
        })
        .unwrap_or(c)
}

/// Every spelling an ignore word stands for: the word and, when it is one word, all its forms as
/// a verb — the table's own forms when it is a lexicon verb ("say": "says", "said", "saying"),
/// else its regular inflections ("back": "backs", "backed", "backing") — each in the spellings of
/// [`user_forms`]. Ignoring a lemma so ignores all its forms, for the rules and the model alike.
fn ignored_forms(word: &str) -> HashSet<String> {
    let lemma = normalise(word);
    let mut words = vec![lemma.clone()];
    if !lemma.contains(' ') {
        match tables::VERBS.iter().find(|verb| verb.lemma == lemma) {
            Some(verb) => {
                let forms = verb
                    .irregular
                    .map_or_else(|| inflect(verb.lemma), |f| f.map(str::to_owned));
                words.extend(forms);
            }
            None => words.extend(inflect(&lemma)),
        }
    }
    words.iter().flat_map(|w| user_forms(w)).collect()
}

/// Regular inflections of a verb lemma: `[3sg, past, past participle, gerund]`.
fn inflect(lemma: &str) -> [String; 4] {
    // Phrasal verbs ("point out") inflect their first word.
    if let Some((head, particle)) = lemma.split_once(' ') {
        return inflect(head).map(|form| format!("{form} {particle}"));
    }
    let stem_e = lemma.strip_suffix('e');
    let consonant_y = lemma
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    let third = if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    let past = match (stem_e, consonant_y) {
        (Some(stem), _) => format!("{stem}ed"),
        (_, Some(stem)) => format!("{stem}ied"),
        _ => format!("{lemma}ed"),
    };
    let gerund = match stem_e {
        Some(stem) if !lemma.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{lemma}ing"),
    };
    [third, past.clone(), past, gerund]
}

fn check_user_word(word: &str) -> Result<(), ConfigError> {
    let bad = |reason| {
        Err(ConfigError::BadWord {
            word: word.to_owned(),
            reason,
        })
    };
    let trimmed = word.trim();
    if trimmed.is_empty() {
        return bad("is empty");
    }
    if trimmed.chars().count() > 64 {
        return bad("is longer than 64 characters");
    }
    if !trimmed.chars().any(char::is_alphabetic) {
        return bad("has no letters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        Lexicon::new(&Config::default()).unwrap()
    }

    #[test]
    fn inflects_regular_verbs() {
        assert_eq!(
            inflect("claim"),
            ["claims", "claimed", "claimed", "claiming"]
        );
        assert_eq!(inflect("note"), ["notes", "noted", "noted", "noting"]);
        assert_eq!(inflect("deny"), ["denies", "denied", "denied", "denying"]);
        assert_eq!(
            inflect("stress"),
            ["stresses", "stressed", "stressed", "stressing"]
        );
        assert_eq!(inflect("point out")[1], "pointed out");
    }

    #[test]
    fn knows_every_form_with_its_stance() {
        let lexicon = lexicon();
        assert_eq!(lexicon.lookup("Claimed")[0].stance, Stance::Distancing);
        assert_eq!(lexicon.lookup("said")[0].stance, Stance::Neutral);
        assert_eq!(lexicon.lookup("confirmed")[0].stance, Stance::Factive);
        assert_eq!(lexicon.lookup("written")[0].form, Form::Participle);
        assert!(lexicon.lookup("table").is_empty());
        // Forms that are mostly another word are left out.
        assert!(lexicon.lookup("states").is_empty());
    }

    #[test]
    fn a_word_can_be_a_verb_and_a_noun() {
        let roles: Vec<Role> = lexicon().lookup("claims").iter().map(|e| e.role).collect();
        assert_eq!(roles, [Role::Speech, Role::Noun]);
    }

    #[test]
    fn scans_whole_words_and_phrases_across_spaces() {
        let lexicon = lexicon();
        let text = "Sayers said,  according\nto them, it was unsaid.";
        let found: Vec<&str> = lexicon
            .scan(text, 0, text.len())
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(found, ["said", "according\nto"]);
    }

    #[test]
    fn user_words_are_added_and_ignored() {
        let config = Config {
            extra_cues: vec!["spun".into(), "leaked memos show".into()],
            ignore_words: vec!["say".into(), "allegedly".into()],
            ..Config::default()
        };
        let lexicon = Lexicon::new(&config).unwrap();
        assert_eq!(lexicon.lookup("Spun")[0].stance, Stance::Distancing);
        assert_eq!(lexicon.lookup("leaked  memos show").len(), 1);
        assert!(lexicon.lookup("said").is_empty());
        assert!(lexicon.lookup("allegedly").is_empty());
        assert!(!lexicon.lookup("told").is_empty());
    }

    /// The words of `text` the lexicon with the reader's `cues` finds.
    fn found_with<'t>(cues: &[&str], text: &'t str) -> Vec<&'t str> {
        let config = Config {
            extra_cues: cues.iter().map(|&c| c.to_owned()).collect(),
            ..Config::default()
        };
        let lexicon = Lexicon::new(&config).unwrap();
        lexicon
            .scan(text, 0, text.len())
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect()
    }

    #[test]
    fn user_words_with_non_ascii_edges_match_as_whole_words() {
        let text = "Elle a déclaré, naïvement, que Zürich said. Déclaré. «naïve» déclarés";
        assert_eq!(
            found_with(&["déclaré", "naïve", "Zürich said"], text),
            ["déclaré", "Zürich said", "Déclaré", "naïve"]
        );

        // Capitals beyond ASCII: a headline in capitals, a sentence that opens with the word.
        let text = "IL A ÉTÉ DIT. Été dit, dit-il. Émis hier. ÉMIS. ÉtÉ dit. éTÉ dit.";
        assert_eq!(
            found_with(&["été dit", "émis"], text),
            ["ÉTÉ DIT", "Été dit", "Émis", "ÉMIS", "ÉtÉ dit"]
        );
        // The capitals of the alphabets a reader's words come in, as Unicode has them.
        for lower in "éüçñøœšžąłőżёжщўєїґαβγωάξ".chars() {
            let expected: Vec<char> = lower.to_uppercase().collect();
            assert_eq!(vec![upper_case(lower)], expected, "{lower}");
        }
        // Ignoring a word ignores all its spellings.
        let config = Config {
            extra_cues: vec!["émis".into()],
            ignore_words: vec!["ÉMIS".into()],
            ..Config::default()
        };
        let lexicon = Lexicon::new(&config).unwrap();
        assert!(lexicon.scan(text, 0, text.len()).is_empty());

        // End to end: the reader's word is a distancing cue with its source and content.
        let analyzer = crate::Analyzer::new(&Config {
            extra_cues: vec!["vouché".into()],
            ..Config::default()
        })
        .unwrap();
        let text = "The minister vouché that the data was wrong.";
        let claims = analyzer.analyze(text);
        assert_eq!(claims.len(), 1);
        assert_eq!(claims[0].cue.of(text), "vouché");
        assert_eq!(claims[0].source.map(|s| s.of(text)), Some("The minister"));
        assert_eq!(claims[0].stance, Stance::Distancing);
    }

    /// The matcher the trie replaced: one regex of every form, longest first, with Unicode word
    /// boundaries (the old one's were ASCII-only: a reader's "déclaré" never matched). The trie
    /// must find exactly what it finds.
    fn reference_scan(lexicon: &Lexicon, text: &str) -> Vec<(usize, usize, Vec<Entry>)> {
        const SPACE: &str = r"(?u-i:[\t\n\x0B\x0C\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}])+";
        let mut alternatives: Vec<String> = lexicon
            .forms
            .keys()
            .filter(|k| k.as_str() != ":" && !QUOTATION_DASHES.contains(&k.as_str()))
            .map(|k| {
                k.split(' ')
                    .map(regex::escape)
                    .collect::<Vec<_>>()
                    .join(SPACE)
            })
            .collect();
        alternatives.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        let pattern = format!(
            r"(?i-u)(?u:\b)(?:{})(?u:\b)|:|(?u-i:{})",
            alternatives.join("|"),
            QUOTATION_DASHES.join("|")
        );
        let regex = regex::Regex::new(&pattern).unwrap();
        regex
            .find_iter(text)
            .map(|m| (m.start(), m.end(), lexicon.lookup(m.as_str()).to_vec()))
            .collect()
    }

    fn trie_scan(lexicon: &Lexicon, text: &str) -> Vec<(usize, usize, Vec<Entry>)> {
        lexicon
            .scan(text, 0, text.len())
            .into_iter()
            .map(|h| (h.start, h.end, h.entries.to_vec()))
            .collect()
    }

    /// Pieces of text that stress the matcher: forms, parts of forms, every kind of space and
    /// of word boundary, non-ASCII letters and the user's odd words.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        "said", "Said", "SAID", "says", "sayers", "according", "According", "to", "TO", "accordingly",
        "point", "pointed", "out", "it", "is", "possible", "it's", "It’s", "so-called", "so", "called",
        "in", "an", "apparent", "may", "or", "not", "claim", "claims", "claimed", "Unclaimed", "no",
        "evidence", "café", "Café", "émile", "tis", "x_y", "_", "1", "é", "İ", "i̇stanbul", ":", "—",
        "―", "-", "'", "’", ",", ".", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{2003}", "\u{85}",
        "\u{3000}", "\u{2028}", "\u{1680}", "\u{202F}", "\u{205F}", "\u{200B}", "\u{2060}",
        "“", "”", "\"", "x", "#tag", "«", "»", "dit", "(", ")", "sic", "été", "Été",
        // Unicode word characters that are not letters, and look-alikes that are not: a combining
        // accent, an Arabic-Indic digit, connector punctuation, the joiners, a superscript two.
        "\u{301}", "e\u{301}", "٣", "‿", "\u{200D}", "\u{200C}", "²", "½", "ß", "ü", "ï", "ç",
        "déclaré", "Déclaré", "naïve", "façade", "cafés", "saidé", "ésaid", "Zürich", "a", "d",
        // Capitals beyond ASCII, for the reader's words' upper-case and capitalised spellings.
        "ÉTÉ", "ÉtÉ", "éTÉ", "DÉCLARÉ", "ÜBER", "Über", "CAFÉ", "ÉMILE SAYS", "NAÏVE", "ZÜRICH",
    ];

    /// Odd user words: non-ASCII, punctuation at either end, several spaces, digits.
    #[rustfmt::skip]
    const USER_WORDS: &[&str] = &[
        "café", "Émile says", "'tis", "x_y", "so  called", "İstanbul", "behauptete", "said",
        "1 said", "point out", "é", "—said", "may", "#tag", "«dit»", "(sic)", "été",
        "déclaré", "naïve", "façade", "Zürich said", "a déclaré", "über", "cafe\u{301}", "ß",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn the_trie_finds_what_the_regex_found(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..40),
            extra in proptest::collection::vec(0..USER_WORDS.len(), 0..8),
            ignore in proptest::collection::vec(0..USER_WORDS.len(), 0..2),
        ) {
            let config = Config {
                extra_cues: extra.iter().map(|&i| USER_WORDS[i].to_owned()).collect(),
                ignore_words: ignore.iter().map(|&i| USER_WORDS[i].to_owned()).collect(),
                ..Config::default()
            };
            let lexicon = Lexicon::new(&config).unwrap();
            let text: String = pieces.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(trie_scan(&lexicon, &text), reference_scan(&lexicon, &text));
        }
    }

    #[test]
    fn the_trie_finds_what_the_regex_found_in_the_seeds() {
        let lexicon = lexicon();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            assert_eq!(trie_scan(&lexicon, &text), reference_scan(&lexicon, &text));
            seen += 1;
        }
        assert!(seen > 0);
    }

    #[test]
    fn rejects_empty_user_words() {
        let config = Config {
            extra_cues: vec!["  ".into()],
            ..Config::default()
        };
        assert!(Lexicon::new(&config).is_err());
    }
}
