//! Stage 1½: one block of text as every later stage reads it — its tokens, its sentences and its
//! quotations, each computed once, when a stage first asks (like harper-core's `Document`).
//!
//! # Layering
//! `block` sits below the stages: it uses only [`crate::segmenter`], [`crate::lexicon`] (word
//! lists) and [`crate::span`]. [`crate::grammar`], [`crate::cues`] and [`crate::claims`] read a
//! block; nothing here imports them. The stages go strictly downwards: claims → cues → grammar →
//! block → segmenter/lexicon.
//!
//! # Cost
//! Tokenising, sentence splitting and quotation pairing are each one linear pass over the block;
//! the accessors hand out the cached result, so a block costs the same whichever stage asks first
//! and however often.

pub mod quotes;
pub mod tokens;

use crate::segmenter::sentences;
use crate::span::Span;
use std::cell::OnceCell;
use tokens::Tokens;

/// One block (paragraph) of a text: `text[span]`.
pub struct Block<'a> {
    /// The whole text; every offset here is a byte offset into it.
    pub text: &'a str,
    pub span: Span,
    /// The next block of the text, if any: what a sentence ending in a colon may introduce.
    following: Option<Span>,
    tokens: OnceCell<Tokens<'a>>,
    sentences: OnceCell<Vec<Span>>,
    quotations: OnceCell<Vec<Span>>,
}

impl<'a> Block<'a> {
    /// The block `text[span]`; `following` is the next block of the text, if any.
    pub fn new(text: &'a str, span: Span, following: Option<Span>) -> Self {
        Block {
            text,
            span,
            following,
            tokens: OnceCell::new(),
            sentences: OnceCell::new(),
            quotations: OnceCell::new(),
        }
    }

    /// The block's tokens, in order.
    pub fn tokens(&self) -> &Tokens<'a> {
        self.tokens
            .get_or_init(|| Tokens::new(self.text, self.span))
    }

    /// The block's sentences, in order, covering its words.
    pub fn sentences(&self) -> &[Span] {
        self.sentences
            .get_or_init(|| sentences(self.text, self.span))
    }

    /// The block's top-level quotations, in order (see [`quotes::quotations`]).
    pub fn quotations(&self) -> &[Span] {
        self.quotations
            .get_or_init(|| quotes::quotations(self.text, self.span))
    }

    /// What follows sentence `i`: the rest of the block after it, else the next block.
    pub fn following(&self, i: usize) -> Option<Span> {
        self.sentences()
            .get(i + 1)
            .map(|next| Span::new(next.start, self.span.end))
            .or(self.following)
    }
}
