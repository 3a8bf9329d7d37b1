//! What a user can change about the analysis.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Analyzer settings. `Default` is what the extension uses out of the box.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Config {
    /// Extra cue words or phrases from the user, treated as distancing attribution cues
    /// ("spun", "according to leaked memos").
    pub extra_cues: Vec<String>,
    /// Words or phrases that must never count as cues ("said" for a reader who finds it noise).
    pub ignore_words: Vec<String>,
    /// Only the lexicon and its context rules: none of the long-tail cues the trained model adds
    /// (see `cues::learned`). The training script reads the rules' cues this way.
    pub rules_only: bool,
}

/// A configuration the analyzer cannot use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// A user word is empty, too long, or has no letters.
    BadWord { word: String, reason: &'static str },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::BadWord { word, reason } => write!(f, "cue word {word:?} {reason}"),
        }
    }
}

impl std::error::Error for ConfigError {}
