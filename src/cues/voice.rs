//! Voice: who does the saying, as far as the words around the verb tell — active ("X
//! claimed"), passive ("was claimed", "is believed to"), impersonal ("it is claimed that") or the
//! writer's own first person ("I think").
//!
//! # Invariants
//! Each decision reads a bounded number of tokens before the cue (at most five back past
//! auxiliaries and adverbs), so it costs O(1) per cue.

use crate::block::tokens::Tokens;
use crate::lexicon::tables::{BE_FORMS, FIRST_PERSON, IMPERSONAL_IT};
use crate::lexicon::{Entry, Form, Role};

use super::Voice;
use crate::grammar::*;

/// Whether the word before token `first` (past any adverbs) is "you".
pub(super) fn subject_is_you(tokens: &Tokens, first: usize) -> bool {
    let mut p = first;
    while p > 0 && is_pre_verbal(tokens, p - 1) {
        p -= 1;
    }
    p > 0 && tokens.word_in(p - 1, &["you"])
}

/// The voice of a verb cue, from the words just before it.
pub(super) fn voice(tokens: &Tokens, first: usize, entry: &Entry) -> Voice {
    if !matches!(entry.role, Role::Speech | Role::Belief) {
        return Voice::Active;
    }
    let mut be = false;
    let mut subject = None;
    let mut i = first;
    for _ in 0..5 {
        if i == 0 {
            break;
        }
        i -= 1;
        if tokens.word_in(i, &BE_FORMS) {
            be = true;
        } else if !is_pre_verbal(tokens, i) {
            subject = Some(i);
            break;
        }
    }
    let subject_is = |words: &[&str]| subject.is_some_and(|i| tokens.word_in(i, words));
    // "it's said that": the contraction holds both the subject and "is".
    let contracted = subject_is(&["it's", "it’s"]);
    let participle = matches!(entry.form, Form::Past | Form::Participle);
    // A reduced relative: "Iranians accused of spying", "claims made by the army".
    let reduced = participle
        && subject.is_some_and(|i| !tokens.word_in(i, FIRST_PERSON) && !tokens.is_capitalised(i))
        && (tokens.word_in(first + 1, &["by"])
            || tokens.word_in(first + 1, &["of"])
                && entry
                    .lemma
                    .is_some_and(|l| ["accuse", "suspect", "charge"].contains(&l)));
    // "Mark Meadows accused of…": an accusation's participle before "of" is passive whoever
    // precedes it (the active takes an object first: "X accused Y of").
    let accused = participle
        && tokens.word_in(first + 1, &["of"])
        && entry
            .lemma
            .is_some_and(|l| ["accuse", "suspect", "charge"].contains(&l));
    let passive = (be || contracted || reduced || accused) && participle;
    if passive && (contracted || subject_is(&["it"])) {
        Voice::Impersonal
    } else if passive {
        Voice::Passive
    } else if subject_is(FIRST_PERSON) {
        Voice::FirstPerson
    } else {
        Voice::Active
    }
}

/// The "it" of an impersonal passive whose participle is token `first`: "It is claimed",
/// "it has been reported", "it's said".
pub(super) fn impersonal_start(tokens: &Tokens, first: usize) -> usize {
    let mut i = first;
    while i > 0 && first - i < 5 {
        i -= 1;
        if tokens.word_in(i, &IMPERSONAL_IT) {
            return i;
        }
        if !(tokens.word_in(i, &BE_FORMS) || is_pre_verbal(tokens, i)) {
            break;
        }
    }
    first
}
