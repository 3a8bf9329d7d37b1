//! The pipeline in one call: text → blocks → sentences → cues → claims.

use crate::block::Block;
use crate::block::tokens::Tokens;
use crate::claim::{Claim, ClaimKind, Stance};
use crate::claims::antecedents::Antecedents;
use crate::claims::{Context, build_claims, specificity};
use crate::config::{Config, ConfigError};
use crate::cues::learned::Model;
use crate::cues::{Cue, Voice, Window, find_cues, plausible};
use crate::lexicon::{Entry, Form, Hit, Lexicon, Role};
use crate::segmenter::blocks;
use crate::span::Span;
use std::borrow::Cow;

/// Finds claims in text. Build one per configuration and reuse it: building compiles the lexicon.
pub struct Analyzer {
    lexicon: Lexicon,
    /// The trained model's second look, unless the configuration asks for the rules only.
    model: Option<Model>,
}

impl Analyzer {
    pub fn new(config: &Config) -> Result<Self, ConfigError> {
        Ok(Analyzer {
            lexicon: Lexicon::new(config)?,
            model: (!config.rules_only).then(Model::new),
        })
    }

    /// The claims in `text`, sorted by position, with byte offsets into `text`.
    pub fn analyze(&self, text: &str) -> Vec<Claim> {
        self.analyze_in_order(text, &mut Antecedents::default())
    }

    /// [`Analyzer::analyze`], for a text that follows others in reading order: a "he said" may
    /// stand for a person named in an earlier one (`antecedents` has read them).
    fn analyze_in_order(&self, text: &str, antecedents: &mut Antecedents) -> Vec<Claim> {
        let mut claims = Vec::new();
        let all_blocks: Vec<Span> = blocks(text).collect();
        for (b, &block) in all_blocks.iter().enumerate() {
            let block = Block::new(text, block, all_blocks.get(b + 1).copied());
            let before = claims.len();
            self.rule_claims(&block, &mut claims);
            if let Some(model) = &self.model {
                self.learned_claims(model, &block, before, &mut claims);
            }
        }
        antecedents.resolve(text, &mut claims);
        specificity::fill(text, &mut claims);
        claims
    }

    /// The claims the lexicon and the context rules find in one block, appended to `claims`.
    fn rule_claims(&self, block: &Block, claims: &mut Vec<Claim>) {
        let text = block.text;
        // One lexicon pass per block; blocks without a hit cost nothing more here.
        let mut hits = self.lexicon.scan(text, block.span.start, block.span.end);
        // Dashes are common and rarely cues: drop them before any tokenising.
        hits.retain(|hit| plausible(text, hit));
        if hits.is_empty() {
            return;
        }
        let mut rest = hits.as_slice();
        for (i, &sentence) in block.sentences().iter().enumerate() {
            let n = rest.partition_point(|h| h.start < sentence.end);
            let (here, later) = rest.split_at(n);
            rest = later;
            // Hits that straddle the sentence's edges are dropped; almost always there are none,
            // and the hits are used in place.
            let inside = |h: &Hit| h.start >= sentence.start && h.end <= sentence.end;
            let here: Cow<[Hit]> = if here.iter().all(inside) {
                Cow::Borrowed(here)
            } else {
                Cow::Owned(here.iter().filter(|h| inside(h)).cloned().collect())
            };
            if here.is_empty() {
                continue;
            }
            let tokens = block.tokens().slice(sentence);
            let window = Window {
                hi: tokens.len(),
                span: sentence,
            };
            if window.hi == 0 {
                continue;
            }
            let cues = find_cues(&tokens, window, &here, block.quotations());
            sentence_claims(block, &tokens, i, &cues, claims);
        }
    }

    /// Adds the cues the learned model finds in a block that the rules missed (see
    /// [`crate::cues::learned`]); `claims[before..]` are the block's claims from the rules. Each
    /// learned cue is read as a verb of saying, so the claim builder finds its source and content
    /// and decides between attributed and unsourced; it is never a hedge.
    fn learned_claims(&self, model: &Model, block: &Block, before: usize, claims: &mut Vec<Claim>) {
        let taken: Vec<Span> = claims[before..].iter().map(|c| c.cue).collect();
        let reports: Vec<Span> = claims[before..]
            .iter()
            .filter(|c| c.kind != ClaimKind::Hedged)
            .map(|c| c.cue)
            .collect();
        // The lexicon's own ignore list: ignoring a lemma ignores all its forms here too.
        let ignored = |word: &str| self.lexicon.is_ignored(word);
        let found = model.cues(block.tokens(), &reports, &taken, ignored);
        if found.is_empty() {
            return;
        }
        for (i, &sentence) in block.sentences().iter().enumerate() {
            let here = &found[found.partition_point(|c| c.start < sentence.start)..];
            let here = &here[..here.partition_point(|c| c.end <= sentence.end)];
            if here.is_empty() {
                continue;
            }
            let tokens = block.tokens().slice(sentence);
            let cues: Vec<Cue> = here
                .iter()
                .map(|span| {
                    let at = tokens.index_at(span.start);
                    Cue {
                        span: *span,
                        first: at,
                        last: at,
                        entry: learned_entry(span.of(block.text)),
                        voice: Voice::Active,
                    }
                })
                .filter(|cue| cue.first < tokens.len())
                .collect();
            sentence_claims(block, &tokens, i, &cues, claims);
        }
        claims[before..].sort_by_key(|c| (c.cue.start, c.cue.end));
    }

    /// The claims of each block of a page, in the order given; offsets are relative to each block.
    /// The blocks are read as one text in that order: "he said" in one block may stand for a
    /// person named in an earlier one ([`Claim::antecedent`]).
    pub fn analyze_blocks<S: AsRef<str>>(&self, blocks: &[S]) -> Vec<Vec<Claim>> {
        self.analyze_blocks_after::<&str, S>(&[], blocks)
    }

    /// [`Analyzer::analyze_blocks`] for blocks that follow `context` on the page: the text just
    /// before them, sent with them when a page is analysed a chunk at a time, so that "he said" at
    /// the top of one chunk may still stand for the person the previous chunk named. The context
    /// is read for that alone; its claims are not returned.
    pub fn analyze_blocks_after<C: AsRef<str>, S: AsRef<str>>(
        &self,
        context: &[C],
        blocks: &[S],
    ) -> Vec<Vec<Claim>> {
        let mut antecedents = Antecedents::default();
        for text in context {
            self.analyze_in_order(text.as_ref(), &mut antecedents);
        }
        blocks
            .iter()
            .map(|block| self.analyze_in_order(block.as_ref(), &mut antecedents))
            .collect()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new(&Config::default()).expect("the built-in lexicon is valid")
    }
}

/// The claims of the cues of sentence `i` of `block`, whose tokens are `tokens`.
fn sentence_claims(block: &Block, tokens: &Tokens, i: usize, cues: &[Cue], out: &mut Vec<Claim>) {
    let context = Context {
        tokens,
        sentence: Window {
            hi: tokens.len(),
            span: block.sentences()[i],
        },
        quotes: block.quotations(),
        following: block.following(i),
    };
    build_claims(&context, cues, out);
}

/// A learned cue as the claim builder sees it: a neutral verb of saying, its form read off its
/// ending ("backed" a past tense, "pushing" a gerund).
fn learned_entry(word: &str) -> Entry {
    let form = if word.ends_with("ed") {
        Form::Past
    } else if word.ends_with("ing") {
        Form::Gerund
    } else if word.ends_with('s') {
        Form::Third
    } else {
        Form::Base
    };
    Entry {
        role: Role::Speech,
        stance: Stance::Neutral,
        needs: crate::lexicon::Needs::Nothing,
        form,
        lemma: None,
    }
}
