//! Word lists the context rules ask about a token ("is it a determiner?", "an adverb?"), with a
//! quick answer for the many tokens that are in none.
//!
//! The rules ask tens of thousands of times per megabyte of news, mostly about words a list does
//! not hold, against lists of up to ~130 words. A list keeps, for each first letter, the lengths
//! its words have and their last letters: most other words differ in one of the three and are
//! turned away by two bit tests before the list is read, and then only its words with the same
//! first letter are (a few, in an alphabetical list).

/// A fixed list of lower-case words, tested ignoring ASCII case.
pub struct Words {
    list: &'static [&'static str],
    /// For each first byte's slot (see [`slot`]), a bit per word length (lengths of 63 bytes or
    /// more share bit 63).
    lengths_by_first: [u64; SLOTS],
    /// For each first byte's slot, a bit per last byte's slot: a list of names and a capitalised
    /// word often share a first letter and a length, rarely a last letter too.
    lasts_by_first: [u32; SLOTS],
    /// For each first byte's slot, the stretch of `list` from its first word with that first
    /// letter to its last: only that stretch is read (a few words in an alphabetical list).
    range_by_first: [(u16, u16); SLOTS],
}

/// Slots of first bytes: one per ASCII letter (either case), one for any other byte.
const SLOTS: usize = 27;

const fn slot(first: u8) -> usize {
    let lower = first.to_ascii_lowercase();
    if lower.is_ascii_lowercase() {
        (lower - b'a') as usize
    } else {
        SLOTS - 1
    }
}

const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Self {
        assert!(
            list.len() <= u16::MAX as usize,
            "a word list holds at most 65,535 words"
        );
        let mut lengths_by_first = [0; SLOTS];
        let mut lasts_by_first = [0; SLOTS];
        let mut range_by_first = [(0, 0); SLOTS];
        let mut i = 0;
        while i < list.len() {
            let word = list[i].as_bytes();
            if !word.is_empty() {
                let first = slot(word[0]);
                lengths_by_first[first] |= length_bit(word.len());
                lasts_by_first[first] |= 1 << slot(word[word.len() - 1]);
                let (lo, hi) = range_by_first[first];
                range_by_first[first] = (if hi == 0 { i as u16 } else { lo }, i as u16 + 1);
            }
            i += 1;
        }
        Words {
            list,
            lengths_by_first,
            lasts_by_first,
            range_by_first,
        }
    }

    pub fn as_slice(&self) -> &'static [&'static str] {
        self.list
    }
}

/// Something [`crate::block::tokens::Tokens::word_in`] can look a word up in: a [`Words`] list,
/// or a slice or array of words written at the call ("that", "to").
pub trait WordList {
    /// Whether `word` is in the list, ignoring ASCII case.
    fn has(&self, word: &[u8]) -> bool;
}

impl WordList for Words {
    fn has(&self, word: &[u8]) -> bool {
        let Some(&first) = word.first() else {
            return false;
        };
        let first = slot(first);
        let (lo, hi) = self.range_by_first[first];
        self.lengths_by_first[first] & length_bit(word.len()) != 0
            && self.lasts_by_first[first] & 1 << slot(word[word.len() - 1]) != 0
            && self.list[usize::from(lo)..usize::from(hi)].has(word)
    }
}

impl WordList for [&str] {
    fn has(&self, word: &[u8]) -> bool {
        let Some(first) = word.first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        // Lengths and first letters before whole words: most candidates differ there.
        self.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == word.len()
                && x[0].to_ascii_lowercase() == first
                && word.eq_ignore_ascii_case(x)
        })
    }
}

impl<const N: usize> WordList for [&str; N] {
    fn has(&self, word: &[u8]) -> bool {
        self.as_slice().has(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static LIST: Words = Words::new(&["also", "later", "’s", "so-called", "a"]);

    #[test]
    fn finds_every_word_in_any_ascii_case_and_nothing_else() {
        for word in ["also", "ALSO", "Later", "’s", "So-Called", "a", "A"] {
            assert!(LIST.has(word.as_bytes()), "{word}");
        }
        for word in ["", "als", "alsoo", "lately", "b", "’t", "so-calle", "ａ"] {
            assert!(!LIST.has(word.as_bytes()), "{word}");
        }
    }

    #[test]
    fn agrees_with_the_plain_list() {
        let words = [
            "also",
            "alto",
            "late",
            "later",
            "laser",
            "’s",
            "'s",
            "a",
            "an",
            "so-called",
            "x",
        ];
        for word in words {
            for form in [word.to_string(), word.to_ascii_uppercase()] {
                assert_eq!(
                    LIST.has(form.as_bytes()),
                    LIST.as_slice().has(form.as_bytes()),
                    "{form}"
                );
            }
        }
    }
}
