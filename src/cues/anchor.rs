//! Where a learned cue is shown: on the content word of its phrase, not on the auxiliary, adverb
//! or preposition the model scored.
//!
//! PolNeAR marks whole phrases as cues ("were also incensed", "are afraid", "worried about"), so
//! the model learnt to fire on any word of them, and its most frequent picks are "about", "are",
//! "also" and "did". A reader shown the cue "also" in "Republicans were also incensed that…" or
//! "about" in "Democrats are worried about turnout" learns nothing from it, and the claim builder
//! reads the subject and the content from the cue's place. So the cue moves to the phrase's
//! content word: forward past auxiliaries, negations and adverbs ("also linked" → "linked"), back
//! from a preposition ("worried about" → "worried"). Where there is none ("…, and she did.";
//! "at about twice the rate"), the cue is dropped. The scorer counts a cue as found when it
//! overlaps the gold phrase, so the move changes what the reader sees far more than what the
//! evaluation counts.

use crate::block::tokens::Tokens;
use crate::grammar::is_auxiliary;
use crate::lexicon::tables::DETERMINERS;
use crate::lexicon::words::Words;

/// Prepositions the model fires on after the word that carries the meaning ("coy about",
/// "campaigned against").
static PREPOSITIONS: Words = Words::new(&[
    "about", "against", "over", "on", "for", "of", "with", "to", "in", "at", "into", "from",
]);

/// Words after "about" that make it "approximately": "about twice the rate", "about as high".
static APPROXIMATE: Words = Words::new(&["as", "twice", "half", "once", "thrice"]);

/// How far an auxiliary chain may run before its content word: "has also not yet said".
const MAX_SHIFT: usize = 4;

/// The token to show as the cue for the model's pick `i`, or `None` when the phrase has no
/// content word to carry it.
pub fn anchor(tokens: &Tokens, i: usize) -> Option<usize> {
    if is_auxiliary(tokens, i) {
        let head =
            (i + 1..tokens.len().min(i + 1 + MAX_SHIFT)).find(|&j| !is_auxiliary(tokens, j))?;
        return is_content_word(tokens, head).then_some(head);
    }
    if tokens.word_in(i, &PREPOSITIONS) {
        let next = i + 1;
        if tokens.word_in(next, &APPROXIMATE) || starts_with_digit(tokens, next) {
            return None;
        }
        let head = i.checked_sub(1)?;
        return (is_content_word(tokens, head) && !is_auxiliary(tokens, head)).then_some(head);
    }
    Some(i)
}

/// A lower-case word that is neither a determiner nor a preposition: what a cue can be (the model
/// scores only words that start with an ASCII lower-case letter, so the test is in ASCII too).
fn is_content_word(tokens: &Tokens, i: usize) -> bool {
    tokens.is_word(i)
        && tokens.str(i).as_bytes()[0].is_ascii_lowercase()
        && !tokens.word_in(i, &DETERMINERS)
        && !tokens.word_in(i, &PREPOSITIONS)
}

fn starts_with_digit(tokens: &Tokens, i: usize) -> bool {
    i < tokens.len() && tokens.str(i).starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// The word `anchor` shows for the first token equal to `pick` in `text`.
    fn anchored(text: &str, pick: &str) -> Option<String> {
        let tokens = Tokens::new(text, Span::new(0, text.len()));
        let i = (0..tokens.len()).find(|&i| tokens.str(i) == pick).unwrap();
        anchor(&tokens, i).map(|j| tokens.str(j).to_string())
    }

    #[test]
    fn auxiliaries_and_adverbs_hand_the_cue_to_the_verb_after_them() {
        let text = "Republicans were also incensed that the deals went ahead.";
        assert_eq!(anchored(text, "also").as_deref(), Some("incensed"));
        assert_eq!(anchored(text, "were").as_deref(), Some("incensed"));
        let text = "Many Democrats are afraid that the lead will fade.";
        assert_eq!(anchored(text, "are").as_deref(), Some("afraid"));
        let text = "Investigators have also discovered attempts to infiltrate.";
        assert_eq!(anchored(text, "also").as_deref(), Some("discovered"));
        let text = "His opponents don’t lack for material.";
        assert_eq!(anchored(text, "don’t").as_deref(), Some("lack"));
    }

    #[test]
    fn a_preposition_hands_the_cue_to_the_word_before_it() {
        let text = "Clinton aides were coy about whether they would change.";
        assert_eq!(anchored(text, "about").as_deref(), Some("coy"));
        let text = "Democrats are increasingly worried about a lack of passion.";
        assert_eq!(anchored(text, "about").as_deref(), Some("worried"));
    }

    #[test]
    fn no_content_word_no_cue() {
        // "about" as "approximately".
        let text = "Voters were removed at about twice the rate.";
        assert_eq!(anchored(text, "about"), None);
        let text = "The coal was piled about as high as it could go.";
        assert_eq!(anchored(text, "about"), None);
        let text = "Turnout rose by about 40 percent.";
        assert_eq!(anchored(text, "about"), None);
        // Nothing but auxiliaries before the end of the sentence.
        let text = "She said she would, and she did.";
        assert_eq!(anchored(text, "did"), None);
        // A name or a determiner cannot carry a cue.
        let text = "Nothing about them seems credible.";
        assert_eq!(anchored(text, "about"), None);
        let text = "They asked Clinton about the emails.";
        assert_eq!(anchored(text, "about"), None);
    }

    #[test]
    fn content_words_stay_where_they_are() {
        let text = "The governor knows that the vote is close.";
        assert_eq!(anchored(text, "knows").as_deref(), Some("knows"));
    }
}
