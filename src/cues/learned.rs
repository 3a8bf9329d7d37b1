//! A learned second look at a block: a linear model over context features that adds the
//! attribution cues the rules miss ("backed the plan", "questioned whether", "pushed for").
//!
//! The rules know a lexicon; PolNeAR's cues are a long tail of words that are cues only in
//! context. The model scores lower-case words no rule cue covers from the words around them: the
//! word and a crude lemma, the words before and after, what it introduces (that / to / a wh-word /
//! a quotation / a colon), who precedes it (a pronoun, a capitalised name), whether a rule cue is
//! near, whether it sits inside a quotation. Each feature is a template number and one to three
//! word hashes mixed into a bucket of a table of signed bytes trained by
//! `tools/train/cue_classifier.py`, which computes the very same buckets in Python; see
//! docs/CLASSIFIER.md. Hedge words are never candidates: a hedge stays a hedge.
//!
//! Cost: only words whose lemma the model ever fires on in training pass the gate (one hash and
//! one bit test); each of those costs ~22 multiply-xor mixes and a hash of each neighbour.

use super::learned_weights::{BITS, GATE, HEDGES, PRONOUNS, THRESHOLD, WEIGHTS, WH};
use super::tokens::{Kind, Token, Tokens};
use crate::span::Span;

/// How far (in tokens) a rule cue counts as near.
const NEAR: usize = 8;

// Feature templates, numbered as in the training script: renumbering means retraining.
const BIAS: u32 = 1;
const WORD: u32 = 2;
const LEMMA: u32 = 3;
const PREV1: u32 = 4;
const PREV2: u32 = 5;
const NEXT1: u32 = 6;
const NEXT2: u32 = 7;
const LEMMA_NEXT: u32 = 8;
const LEMMA_PREV: u32 = 9;
const FOLLOW: u32 = 10;
const LEMMA_FOLLOW: u32 = 11;
const HOLDER: u32 = 12;
const LEMMA_HOLDER: u32 = 13;
const NEAR_CUE: u32 = 14;
const PREV_WORD: u32 = 15;
const LEMMA_NEXT2: u32 = 16;
const PREV3: u32 = 17;
const NEXT3: u32 = 18;
const SUFFIX: u32 = 19;
const QUOTED: u32 = 20;
const START: u32 = 21;
const FOLLOW_HOLDER: u32 = 22;

/// The trained model, with a bit set of the buckets of its gate's lemmas.
pub struct Model {
    gate: Vec<u64>,
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

impl Model {
    pub fn new() -> Self {
        let mut gate = vec![0u64; 1 << (BITS - 6)];
        for lemma in GATE {
            let at = bucket(LEMMA, &[fnv(lemma.as_bytes())]);
            gate[at / 64] |= 1 << (at % 64);
        }
        Model { gate }
    }

    /// Whether the model scores words of a lemma (given by its hash) at all. The training script
    /// gates the same way: the lemma's bucket is one of the gate lemmas' buckets.
    fn admits(&self, lemma: u32) -> bool {
        let at = bucket(LEMMA, &[lemma]);
        self.gate[at / 64] & (1 << (at % 64)) != 0
    }

    /// The words of a block the model takes for cues, as token spans, sorted.
    /// `tokens` are the whole block's; `reports` are the spans of the rules' attribution cues in
    /// the block, sorted by start, and `taken` every cue span the rules found (hedges included).
    /// `ignored` tells whether the user asked never to mark a (lower-case) word.
    pub fn cues(
        &self,
        tokens: &Tokens,
        reports: &[Span],
        taken: &[Span],
        ignored: impl Fn(&str) -> bool,
    ) -> Vec<Span> {
        // How near each token is to a rule cue: worked out once a word of the block passes the gate.
        let mut near: Option<Vec<usize>> = None;
        let mut found = Vec::new();
        let mut quotes_before = 0usize;
        let mut lower = String::new();
        for (i, &token) in tokens.list.iter().enumerate() {
            if token.is_quote() {
                quotes_before += 1;
                continue;
            }
            let word = tokens.str(i);
            // Lower-case words of two letters or more (the first byte is an ASCII letter, so a
            // second byte is a second character).
            if token.kind != Kind::Word
                || !word.as_bytes()[0].is_ascii_lowercase()
                || word.len() < 2
            {
                continue;
            }
            // The gate first, on the word as it stands: most words stop here, so they are
            // neither copied nor lower-cased.
            let stem = &word[..lemma_len(word)];
            let lemma_hash = fnv_lower(stem.as_bytes());
            if !self.admits(lemma_hash) {
                continue;
            }
            if taken.iter().any(|c| c.overlaps(token.span())) {
                continue;
            }
            let near = near.get_or_insert_with(|| distances(&cover(tokens, reports)))[i];
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            let context = Context {
                tokens,
                i,
                word: &lower,
                lemma: lemma_hash,
                near: match near {
                    d if d > 8 => 0,
                    d if d > 3 => 1,
                    _ => 2,
                },
                quoted: (quotes_before % 2) as u32,
            };
            // The word lists are checked only for the few words that score: most never do.
            if context.score() > THRESHOLD && !HEDGES.contains(&lower.as_str()) && !ignored(&lower)
            {
                found.push(token.span());
            }
        }
        found
    }
}

/// Whether each token overlaps one of `spans` (sorted by start).
fn cover(tokens: &Tokens, spans: &[Span]) -> Vec<bool> {
    let mut k = 0;
    tokens
        .list
        .iter()
        .map(|t| {
            while k < spans.len() && spans[k].end <= t.start {
                k += 1;
            }
            spans[k..]
                .iter()
                .take_while(|s| s.start < t.end)
                .any(|s| s.overlaps(t.span()))
        })
        .collect()
}

/// For each token, how many tokens away the nearest covered one is (`NEAR + 1` when farther).
fn distances(covered: &[bool]) -> Vec<usize> {
    let far = NEAR + 1;
    let mut out = vec![far; covered.len()];
    let mut last: Option<usize> = None;
    for (i, &c) in covered.iter().enumerate() {
        if c {
            last = Some(i);
        }
        if let Some(j) = last {
            out[i] = (i - j).min(far);
        }
    }
    last = None;
    for i in (0..covered.len()).rev() {
        if covered[i] {
            last = Some(i);
        }
        if let Some(j) = last {
            out[i] = out[i].min(j - i);
        }
    }
    out
}

/// The length of the word's crude lemma: the word without a final "-ing", "-ed", "-es" or "-s"
/// (in any ASCII case) when three characters remain. Every word is asked, so the last letter
/// decides which endings to try.
fn lemma_len(word: &str) -> usize {
    let bytes = word.as_bytes();
    let n = bytes.len();
    let ends_with =
        |suffix: &[u8]| n >= suffix.len() && bytes[n - suffix.len()..].eq_ignore_ascii_case(suffix);
    let endings: &[usize] = match bytes.last().map(u8::to_ascii_lowercase) {
        Some(b'g') if ends_with(b"ing") => &[3],
        Some(b'd') if ends_with(b"ed") => &[2],
        Some(b's') if ends_with(b"es") => &[2, 1],
        Some(b's') => &[1],
        _ => &[],
    };
    for &k in endings {
        // Three characters, not bytes.
        if word[..n - k].chars().nth(2).is_some() {
            return n - k;
        }
    }
    n
}

/// 32-bit FNV-1a: the value of a word, a neighbour's shape or a class in the features.
const fn fnv(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811C_9DC5;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

/// FNV-1a of a word in ASCII lower case, without copying it.
fn fnv_lower(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811C_9DC5, |h: u32, &b| {
        (h ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193)
    })
}

/// The bucket of a feature: its template and values mixed (multiply, xor-shift).
fn bucket(template: u32, values: &[u32]) -> usize {
    let mut h = template.wrapping_mul(0x9E37_79B1);
    for &v in values {
        h = (h ^ v).wrapping_mul(0x85EB_CA6B);
        h ^= h >> 13;
    }
    h ^= h >> 16;
    (h & ((1 << BITS) - 1)) as usize
}

fn weight(template: u32, values: &[u32]) -> i32 {
    i32::from(WEIGHTS[bucket(template, values)])
}

// The shapes of neighbours and the classes of the features, hashed as the script hashes them.
const QUOTE: u32 = fnv(b"Q");
const NUMBER: u32 = fnv(b"#");
const BEFORE_START: u32 = fnv(b"^");
const AFTER_END: u32 = fnv(b"$");
const NONE: u32 = fnv(b"-");

/// One candidate word and what the features read around it.
struct Context<'a> {
    tokens: &'a Tokens<'a>,
    i: usize,
    /// The word in ASCII lower case.
    word: &'a str,
    /// The hash of its lemma.
    lemma: u32,
    /// 0: no rule cue within eight tokens, 1: within eight, 2: within three.
    near: u32,
    /// 1 inside a quotation (an odd number of quotes before it in the block).
    quoted: u32,
}

impl Context<'_> {
    fn token(&self, offset: isize) -> Option<Token> {
        let j = self.i.checked_add_signed(offset)?;
        self.tokens.list.get(j).copied()
    }

    fn text(&self, t: Token) -> &[u8] {
        &self.tokens.text.as_bytes()[t.start..t.end]
    }

    /// A neighbour as the script's `shape` sees it: the word in lower case, "#" for a number, a
    /// quote as "Q", punctuation as itself, "^" before the block and "$" after it.
    fn shape(&self, offset: isize) -> u32 {
        match self.token(offset) {
            None if offset < 0 => BEFORE_START,
            None => AFTER_END,
            Some(t) => match t.kind {
                Kind::Word if self.text(t)[0].is_ascii_digit() => NUMBER,
                Kind::Word => fnv_lower(self.text(t)),
                Kind::Open | Kind::Close | Kind::Either => QUOTE,
                Kind::Punct => fnv(self.text(t)),
            },
        }
    }

    /// Whether the token `offset` away is punctuation, one of `marks`.
    fn is_punct(&self, offset: isize, marks: &[char]) -> bool {
        self.i
            .checked_add_signed(offset)
            .is_some_and(|j| marks.iter().any(|&c| self.tokens.is_punct(j, c)))
    }

    /// What the word introduces: the first telling token within four after it.
    fn follow(&self) -> &'static [u8] {
        for k in 1..=4 {
            let j = self.i + k;
            if j >= self.tokens.len() {
                break;
            }
            if self.tokens.word_in(j, &["that"]) {
                return b"that";
            } else if self.tokens.word_in(j, &["to"]) {
                return b"to";
            } else if self.tokens.word_in(j, WH) {
                return b"wh";
            } else if self.tokens.is_quote(j) {
                return b"q";
            } else if self.tokens.is_punct(j, ':') {
                return b":";
            } else if self.is_punct(k as isize, &['.', '?', '!']) {
                return b".";
            }
        }
        b"-"
    }

    /// Who precedes the word: a pronoun or a capitalised word within three before it.
    fn holder(&self) -> u32 {
        for k in 1..=3 {
            let Some(j) = self.i.checked_sub(k) else {
                break;
            };
            if self.tokens.word_in(j, PRONOUNS) {
                return fnv(b"pron");
            }
            if self.tokens.is_capitalised(j) {
                return fnv(b"cap");
            }
        }
        NONE
    }

    /// The sum of the weights of the word's features, in 1/16 units.
    fn score(&self) -> i32 {
        let (l, w) = (self.lemma, fnv(self.word.as_bytes()));
        let (p1, p2, p3) = (self.shape(-1), self.shape(-2), self.shape(-3));
        let (n1, n2, n3) = (self.shape(1), self.shape(2), self.shape(3));
        let (f, h) = (fnv(self.follow()), self.holder());
        let suffix_start = self
            .word
            .char_indices()
            .rev()
            .nth(2)
            .map_or(0, |(at, _)| at);
        let suffix = fnv(&self.word.as_bytes()[suffix_start..]);
        let start =
            self.i == 0 || self.tokens.is_quote(self.i - 1) || self.is_punct(-1, &['.', ':', '^']);
        weight(BIAS, &[])
            + weight(WORD, &[w])
            + weight(LEMMA, &[l])
            + weight(PREV1, &[p1])
            + weight(PREV2, &[p2])
            + weight(NEXT1, &[n1])
            + weight(NEXT2, &[n2])
            + weight(LEMMA_NEXT, &[l, n1])
            + weight(LEMMA_PREV, &[l, p1])
            + weight(FOLLOW, &[f])
            + weight(LEMMA_FOLLOW, &[l, f])
            + weight(HOLDER, &[h])
            + weight(LEMMA_HOLDER, &[l, h])
            + weight(NEAR_CUE, &[self.near])
            + weight(PREV_WORD, &[p1, w])
            + weight(LEMMA_NEXT2, &[l, n1, n2])
            + weight(PREV3, &[p3])
            + weight(NEXT3, &[n3])
            + weight(SUFFIX, &[suffix])
            + weight(QUOTED, &[self.quoted])
            + weight(START, &[u32::from(start)])
            + weight(FOLLOW_HOLDER, &[f, h])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text, Span::new(0, text.len()));
        Model::new()
            .cues(&tokens, &[], &[], |_| false)
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn hashes_like_the_training_script() {
        // Values tools/train/cue_classifier.py computes: fnv("said"), bucket(WORD_, fnv("said")),
        // bucket(BIAS), bucket(LEMMA_NEXT2, 1, 2, 3).
        assert_eq!(fnv(b"said"), 3_154_326_812);
        assert_eq!(fnv_lower(b"SaID"), fnv(b"said"));
        assert_eq!(bucket(WORD, &[fnv(b"said")]), 7133);
        assert_eq!(bucket(BIAS, &[]), 10118);
        assert_eq!(bucket(LEMMA_NEXT2, &[1, 2, 3]), 6989);
    }

    #[test]
    fn strips_suffixes_like_the_training_script() {
        let lemma = |word: &'static str| &word[..lemma_len(word)];
        assert_eq!(lemma("backed"), "back");
        assert_eq!(lemma("pushing"), "push");
        assert_eq!(lemma("sees"), "see");
        assert_eq!(lemma("was"), "was");
        assert_eq!(lemma("questions"), "question");
        assert_eq!(lemma("BACKED"), "BACK");
        assert_eq!(lemma("éés"), "éés");
        assert_eq!(lemma("ééés"), "ééé");
    }

    #[test]
    fn never_marks_hedges_or_capitalised_words() {
        for text in ["It seems likely to rain.", "Backed by the Senate."] {
            assert!(
                found(text)
                    .iter()
                    .all(|w| !HEDGES.contains(w) && *w != "Backed")
            );
        }
    }
}
