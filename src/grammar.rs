//! Grammar helpers the stages share: whether a word looks like a verb, an adverb or an
//! auxiliary, ends in a possessive, opens a quotation or a noun phrase. [`crate::cues`] decides
//! with them which hits are cues, [`crate::claims`] where sources and content begin and end,
//! [`crate::claims::antecedents`] which names own a claim.
//!
//! # Invariants
//! Each helper reads the one token it is given and at most its neighbour: O(1) per call (a word
//! list lookup is a binary search or a short scan of a fixed list), so callers stay linear.
//! Nothing here imports a stage: only [`crate::block`] and [`crate::lexicon`].

use crate::block::tokens::{Kind, Tokens};
use crate::lexicon::tables::{
    BE_FORMS, COMPLEMENTIZERS, NOUN_PHRASE_OPENERS, POSSESSIVE_DETERMINERS, PRE_VERBAL,
};
use crate::lexicon::words::Words;

/// A cheap test for a verb: an auxiliary, or a lower-case word ending in "-ed".
pub fn looks_like_verb(word: &str) -> bool {
    const AUX: &[&str] = &[
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "said",
        "says",
        "told",
        "may",
        "might",
        "should",
        "must",
        "be",
        "here",
        "there",
        "below",
        "following",
        "include",
        "includes",
    ];
    let lower = word.to_ascii_lowercase();
    AUX.contains(&lower.as_str())
        || word.chars().next().is_some_and(char::is_lowercase) && lower.ends_with("ed")
}

/// The length in bytes of the possessive ending ("'s", "’s") `word` has, or 0 when it has none.
pub fn possessive_len(word: &str) -> usize {
    ["'s", "’s"]
        .iter()
        .find(|end| word.ends_with(*end))
        .map_or(0, |end| end.len())
}

/// Pronouns that can be the subject of a present-tense verb.
pub const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "they", "who", "people"];

/// A word that may stand between a subject and its verb: an adverb by shape ("periodically") or
/// one of [`PRE_VERBAL`], which holds auxiliaries, modals and "who" as well as adverbs — so
/// `is_pre_verbal("would")` is true, and the name says no more than that.
pub fn is_pre_verbal(tokens: &Tokens, i: usize) -> bool {
    tokens.word_in(i, &PRE_VERBAL)
        || tokens.is_word(i) && {
            let w = tokens.str(i);
            w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
        }
}

/// An auxiliary, negation or adverb: the words of a verb group before the verb that carries it
/// ("was also", "has not", "didn't", "repeatedly").
pub fn is_auxiliary(tokens: &Tokens, i: usize) -> bool {
    is_pre_verbal(tokens, i) || tokens.word_in(i, &BE_FORMS) || is_negated_auxiliary(tokens.str(i))
}

/// "don't", "didn’t", "isn't"…: one token to the tokeniser, an auxiliary before a verb.
pub fn is_negated_auxiliary(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t")
}

/// Whether token `i` opens a quotation (a curly opening quote or a straight one).
pub fn opens_quote(tokens: &Tokens, i: usize) -> bool {
    tokens
        .list
        .get(i)
        .is_some_and(|t| matches!(t.kind, Kind::Open | Kind::Either))
}

/// Whether token `p` opens a noun phrase: an article, a possessive or a number ("the", "its",
/// "the state's", "500"). Not "that", which also opens relative clauses ("the report that
/// confirmed…").
pub fn opens_noun_phrase(tokens: &Tokens, p: usize) -> bool {
    let word = tokens.str(p);
    tokens.word_in(p, &NOUN_PHRASE_OPENERS)
        || tokens.word_in(p, &POSSESSIVE_DETERMINERS)
        || tokens.is_word(p)
            && (possessive_len(word) > 0 || word.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether token `i` is a lower-case word that can be a noun after an adjective: not a
/// preposition, a complementizer or a pronoun ("confirmed cases", not "confirmed that",
/// "announced on", "told him").
pub fn noun_follows(tokens: &Tokens, i: usize) -> bool {
    tokens.is_word(i)
        && tokens.str(i).starts_with(|c: char| c.is_ascii_lowercase())
        && !tokens.word_in(i, &COMPLEMENTIZERS)
        && !tokens.word_in(i, &OBJECT_STARTS)
        && !tokens.word_in(
            i,
            &[
                "by", "to", "in", "on", "at", "as", "for", "with", "about", "from", "after",
                "before", "during", "earlier", "last", "this", "it", "and", "or", "but",
            ],
        )
}

/// Whether `word` owns what follows: a possessive ending ("Trump's") or a possessive determiner
/// ("his", "their").
pub fn is_possessive(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    possessive_len(&lower) > 0 || POSSESSIVE_DETERMINERS.contains(&lower.as_str())
}

/// Words that open the object or clause of a verb: "attacks the judge", "claims he won".
pub static OBJECT_STARTS: Words = Words::new(&[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "him",
    "them",
    "me",
    "us",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "that",
    "this",
    "these",
    "those",
    "to",
    "for",
    "on",
    "what",
    "how",
    "why",
    "whether",
    "if",
    "there",
    "credit",
    "responsibility",
    "no",
    "some",
    "more",
    "all",
    "both",
    "up",
    "out",
    "back",
]);
