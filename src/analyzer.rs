//! The pipeline in one call: text → blocks → sentences → cues → claims.

use crate::claim::Claim;
use crate::claims::{Context, build_claims, quotes};
use crate::config::{Config, ConfigError};
use crate::cues::tokens::Tokens;
use crate::cues::{Window, find_cues, plausible};
use crate::lexicon::Lexicon;
use crate::segmenter::{blocks, sentences};
use crate::span::Span;

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
        let all_blocks: Vec<Span> = blocks(text).collect();
        for (b, &block) in all_blocks.iter().enumerate() {
            // One lexicon pass per block; blocks without a hit cost nothing more.
            let mut hits = self.lexicon.scan(text, block.start, block.end);
            // Dashes are common and rarely cues: drop them before any tokenising.
            hits.retain(|hit| plausible(text, hit));
            if hits.is_empty() {
                continue;
            }
            let quotations = quotes::quotations(text, block);
            let spans = sentences(text, block);
            let mut rest = hits.as_slice();
            for (i, &sentence) in spans.iter().enumerate() {
                let n = rest.partition_point(|h| h.start < sentence.end);
                let (here, later) = rest.split_at(n);
                rest = later;
                let here: Vec<_> = here
                    .iter()
                    .filter(|h| h.start >= sentence.start && h.end <= sentence.end)
                    .cloned()
                    .collect();
                if here.is_empty() {
                    continue;
                }
                // Only sentences with a hit are tokenised.
                let tokens = Tokens::new(text, sentence);
                let window = Window {
                    lo: 0,
                    hi: tokens.len(),
                    span: sentence,
                };
                if window.lo >= window.hi {
                    continue;
                }
                let following = spans
                    .get(i + 1)
                    .map(|next| Span::new(next.start, block.end))
                    .or_else(|| all_blocks.get(b + 1).copied());
                let cues = find_cues(&tokens, window, &here, &quotations);
                let context = Context {
                    tokens: &tokens,
                    sentence: window,
                    quotes: &quotations,
                    following,
                };
                claims.extend(build_claims(&context, &cues));
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
