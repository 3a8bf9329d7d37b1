//! The pipeline in one call: text → blocks → sentences → cues → claims.

use crate::claim::Claim;
use crate::claims::build_claims;
use crate::config::{Config, ConfigError};
use crate::cues::find_cues;
use crate::lexicon::Lexicon;
use crate::segmenter::{blocks, sentences};

/// Finds claims in text. Build one per configuration and reuse it: building compiles the lexicon.
pub struct Analyzer {
    lexicon: Lexicon,
}

impl Analyzer {
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        Ok(Analyzer {
            lexicon: Lexicon::new(config)?,
        })
    }

    /// The claims in `text`, sorted by position, with byte offsets into `text`.
    pub fn analyze(&self, text: &str) -> Vec<Claim> {
        let mut claims = Vec::new();
        for block in blocks(text) {
            for sentence in sentences(text, block) {
                let cues = find_cues(&self.lexicon, text, sentence);
                claims.extend(build_claims(text, sentence, &cues));
            }
        }
        claims
    }

    /// The claims of each block of a page, in the order given; offsets are relative to each block.
    pub fn analyze_blocks<S: AsRef<str>>(&self, blocks: &[S]) -> Vec<Vec<Claim>> {
        blocks
            .iter()
            .map(|block| self.analyze(block.as_ref()))
            .collect()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(&Config::default()).expect("the built-in lexicon is valid")
    }
}
