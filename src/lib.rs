//! Allegedly: finds the sentences in news text that are *claims* rather than established facts.
//!
//! The pipeline, one module per stage:
//!
//! ```text
//! text → blocks → sentences → cues → claims (kind, stance, cue, source, content) → offsets
//!        segmenter  segmenter   cues    claims                                      offsets
//! ```
//!
//! [`Analyzer`] ties the stages together and is the one API every front end uses: the CLI, the tests,
//! the benches and the thin [`wasm`](crate) boundary for the browser extension and the playground.
//! All spans are byte offsets into the analysed text; [`offsets`] converts them to UTF-16 code units
//! (the DOM) or Unicode code points (the evaluation data).

pub mod analyzer;
pub mod block;
pub mod claim;
pub mod claims;
pub mod config;
pub mod cues;
pub mod grammar;
pub mod lexicon;
pub mod offsets;
pub mod segmenter;
pub mod span;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyzer::Analyzer;
pub use claim::{Claim, ClaimKind, Specificity, Stance};
pub use config::{Config, ConfigError};
pub use span::Span;
