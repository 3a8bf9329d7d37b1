//! The cue lexicon: tables of words ([`tables`]) compiled into matchers, plus the user's own words.

pub mod tables;

use std::collections::HashMap;

use regex::Regex;

use crate::claim::Stance;
use crate::config::{Config, ConfigError};

/// What a cue word does in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// A verb of saying: "claimed", "told", "says".
    ReportingVerb,
    /// "according to", "in a statement", "the claim that".
    Phrase,
    /// "it is claimed that", "sources say": attribution without a source.
    Unsourced,
    /// The writer's own hedge: "allegedly", "may have".
    Hedge,
}

/// A compiled lexicon: the built-in tables plus the user's cue and ignore words.
pub struct Lexicon {
    /// Every inflected form of every reporting verb, lower-case → stance.
    verb_forms: HashMap<String, Stance>,
    pub(crate) verbs: Regex,
    pub(crate) phrases: Vec<(Regex, CueClass, Stance)>,
    ignored: Vec<String>,
}

impl Lexicon {
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        let mut verb_forms = HashMap::new();
        for entry in tables::REPORTING_VERBS {
            let forms = entry
                .irregular
                .map(|f| f.map(str::to_owned))
                .unwrap_or_else(|| inflect(entry.lemma));
            verb_forms.insert(entry.lemma.to_owned(), entry.stance);
            for form in forms {
                verb_forms.insert(form, entry.stance);
            }
        }
        let mut phrases = Vec::new();
        for hedge in tables::HEDGES {
            phrases.push((word_regex(hedge), CueClass::Hedge, Stance::Hedge));
        }
        for pattern in tables::UNSOURCED {
            phrases.push((word_regex(pattern), CueClass::Unsourced, Stance::Distancing));
        }
        for (pattern, stance) in tables::ATTRIBUTION_PHRASES {
            phrases.push((word_regex(pattern), CueClass::Phrase, *stance));
        }
        for word in &config.extra_cues {
            check_user_word(word)?;
            phrases.push((
                word_regex(&regex::escape(word.trim())),
                CueClass::Phrase,
                Stance::Distancing,
            ));
        }
        let mut ignored = Vec::new();
        for word in &config.ignore_words {
            check_user_word(word)?;
            ignored.push(word.trim().to_lowercase());
        }
        let mut alternatives: Vec<&str> = verb_forms.keys().map(String::as_str).collect();
        // Longest first, so "claimed" wins over "claim".
        alternatives.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let verbs = word_regex(&alternatives.join("|"));
        Ok(Lexicon {
            verb_forms,
            verbs,
            phrases,
            ignored,
        })
    }

    /// The stance of a reporting-verb form, if `word` is one.
    pub fn verb_stance(&self, word: &str) -> Option<Stance> {
        self.verb_forms.get(&word.to_lowercase()).copied()
    }

    /// Whether the user asked never to treat `cue` as a cue.
    pub fn is_ignored(&self, cue: &str) -> bool {
        !self.ignored.is_empty() && self.ignored.iter().any(|w| cue.eq_ignore_ascii_case(w))
    }
}

/// Regular inflections of a verb lemma: `[3sg, past, past participle, gerund]`.
fn inflect(lemma: &str) -> [String; 4] {
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

/// A case-insensitive matcher for `pattern` as whole words.
fn word_regex(pattern: &str) -> Regex {
    Regex::new(&format!(r"(?i)\b(?:{pattern})\b")).expect("lexicon patterns are valid regexes")
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
    }

    #[test]
    fn knows_every_form() {
        let lexicon = Lexicon::new(&Config::default()).unwrap();
        assert_eq!(lexicon.verb_stance("Claimed"), Some(Stance::Distancing));
        assert_eq!(lexicon.verb_stance("said"), Some(Stance::Neutral));
        assert_eq!(lexicon.verb_stance("table"), None);
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
