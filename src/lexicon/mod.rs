//! The cue lexicon: the tables of words ([`tables`]) compiled into one matcher, plus the user's
//! own cue and ignore words.
//!
//! Every form of every entry goes into a single case-insensitive regex (longest alternative first),
//! compiled once per [`Lexicon`]. Scanning a text is one pass of that regex; each hit is looked up
//! in a hash map to learn what the word does. Context rules (is "report" a noun here? is "could"
//! epistemic?) live in [`crate::cues`], not here: this module is only data and its compilation.

pub mod tables;

use std::collections::HashMap;

use regex::{Regex, RegexBuilder};

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
    /// Normalised form (lower case, single spaces) → what it can be, most specific first.
    entries: HashMap<String, Vec<Entry>>,
    matcher: Regex,
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
            // The user's word comes first: it is what they asked for.
            entries.entry(normalise(word)).or_default().insert(0, user);
        }
        for word in &config.ignore_words {
            check_user_word(word)?;
            let word = normalise(word);
            // Ignoring a lemma ("say") ignores all its forms ("said", "saying").
            entries.retain(|form, list| {
                list.retain(|e| e.lemma != Some(word.as_str()));
                *form != word && !list.is_empty()
            });
        }
        let mut alternatives: Vec<String> = entries
            .keys()
            .filter(|k| k.as_str() != ":" && !QUOTATION_DASHES.contains(&k.as_str()))
            .map(|k| phrase_pattern(k))
            .collect();
        // Longest first, so "according to" wins over "according" and "claimed" over "claim".
        alternatives.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        // ASCII word boundaries: lexicon words are ASCII, and ASCII `\b` keeps the fast DFA engines.
        // ASCII case folding too: Unicode folding (the Kelvin sign for "k"…) multiplies the states.
        let pattern = format!(
            r"(?i-u)\b(?:{})\b|:|(?u-i:{})",
            alternatives.join("|"),
            QUOTATION_DASHES.join("|")
        );
        // A lazy-DFA cache big enough for the whole alternation: the default one thrashes on
        // news text and halves the scanning speed.
        let matcher = RegexBuilder::new(&pattern)
            .dfa_size_limit(8 << 20)
            .build()
            .expect("lexicon patterns are escaped");
        Ok(Lexicon { entries, matcher })
    }

    /// Every hit of the lexicon in `text[range]`, in order, offsets relative to `text`.
    pub fn scan<'a>(&'a self, text: &'a str, start: usize, end: usize) -> Vec<Hit<'a>> {
        let mut key = String::new();
        let mut hits = Vec::new();
        for m in self.matcher.find_iter(&text[start..end]) {
            key.clear();
            normalise_into(m.as_str(), &mut key);
            if let Some(list) = self.entries.get(&key) {
                hits.push(Hit {
                    start: start + m.start(),
                    end: start + m.end(),
                    entries: list,
                });
            }
        }
        hits
    }

    /// What `word` can be, if it is in the lexicon (case and spacing do not matter).
    pub fn lookup(&self, word: &str) -> &[Entry] {
        self.entries
            .get(&normalise(word))
            .map_or(&[], Vec::as_slice)
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
    normalise_into(phrase, &mut out);
    out
}

fn normalise_into(phrase: &str, out: &mut String) {
    for (i, word) in phrase.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Whitespace between the words of a phrase, spelled out rather than `\s` so that the wasm build
/// needs none of regex's Unicode tables (they cost ~35 KB gzipped); the same set as Unicode `\s`.
const PHRASE_SPACE: &str = r"(?u-i:[\t\n\x0B\x0C\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}])+";

/// The regex for a normalised phrase: its words escaped, any whitespace between them.
fn phrase_pattern(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(PHRASE_SPACE)
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
        };
        let lexicon = Lexicon::new(&config).unwrap();
        assert_eq!(lexicon.lookup("Spun")[0].stance, Stance::Distancing);
        assert_eq!(lexicon.lookup("leaked  memos show").len(), 1);
        assert!(lexicon.lookup("said").is_empty());
        assert!(lexicon.lookup("allegedly").is_empty());
        assert!(!lexicon.lookup("told").is_empty());
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
