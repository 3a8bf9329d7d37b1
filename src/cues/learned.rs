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
//! Cost: only words whose lemma the model fires on often enough in training pass the gate, found
//! by their first three letters in a table (most words stop there, unhashed); each of those costs
//! ~22 multiply-xor mixes, and each neighbour is hashed once per block.

use super::anchor::anchor;
use super::learned_weights::{BITS, GATE, HEDGES, PRONOUNS, THRESHOLD, WEIGHTS, WH};
use crate::block::tokens::{Kind, Token, Tokens};
use crate::span::Span;
use std::cell::Cell;

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

/// The trained model and its gate: the lemmas it scores at all.
pub struct Model {
    gate: Gate,
    /// The hashes of the pronouns and wh-words: the holder and follow features compare a
    /// neighbour's hash (which scoring computes anyway) before its text.
    pronouns: Vec<u32>,
    wh: Vec<u32>,
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

impl Model {
    pub fn new() -> Self {
        let hashes = |words: &[&str]| words.iter().map(|w| fnv(w.as_bytes())).collect();
        Model {
            gate: Gate::new(GATE),
            pronouns: hashes(PRONOUNS),
            wh: hashes(WH),
        }
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
        // How near each token is to a rule cue, and each token's shape (hashed once, when a
        // candidate first asks for it): worked out once a word of the block passes the gate.
        let mut near: Option<Vec<u8>> = None;
        // Which tokens a rule cue overlaps, marked once: asking `taken` for each candidate made
        // the model quadratic in a block with many claims (issue 16: one 7.2 MB block took 14 s).
        let mut covered: Option<Vec<bool>> = None;
        let mut shapes: Option<Vec<Cell<u32>>> = None;
        let mut found = Vec::new();
        let mut quotes_before = 0usize;
        let mut lower = String::new();
        let text = tokens.text.as_bytes();
        for (i, &token) in tokens.list.iter().enumerate() {
            if token.is_quote() {
                quotes_before += 1;
                continue;
            }
            let word = &text[token.start..token.end];
            // Lower-case words of two letters or more (the first byte is an ASCII letter, so a
            // second byte is a second character).
            if token.kind != Kind::Word || !word[0].is_ascii_lowercase() || word.len() < 2 {
                continue;
            }
            // The gate first, on the word as it stands: most words stop here, so they are
            // neither hashed, copied nor lower-cased.
            let lemmas = self.gate.lemmas_starting_as(word);
            if lemmas.is_empty() {
                continue;
            }
            let stem = &word[..lemma_len(word)];
            if !lemmas
                .iter()
                .any(|l| stem.eq_ignore_ascii_case(l.as_bytes()))
            {
                continue;
            }
            let covered = covered.get_or_insert_with(|| covered_tokens(tokens, taken));
            if covered[i] {
                continue;
            }
            let near = near.get_or_insert_with(|| nearness(tokens, reports))[i];
            lower.clear();
            lower.push_str(tokens.str(i));
            lower.make_ascii_lowercase();
            let shapes = shapes.get_or_insert_with(|| vec![Cell::new(UNKNOWN); tokens.len()]);
            let context = Context {
                model: self,
                tokens,
                shapes,
                i,
                word: &lower,
                lemma: fnv_lower(stem),
                near: match usize::from(near) {
                    d if d > NEAR => 0,
                    d if d > 3 => 1,
                    _ => 2,
                },
                quoted: (quotes_before % 2) as u32,
            };
            if context.score() <= THRESHOLD {
                continue;
            }
            // The cue is shown on its phrase's content word ("were also incensed"); the word
            // lists are checked only for the few words that score: most never do.
            let Some(head) = anchor(tokens, i) else {
                continue;
            };
            if head != i {
                if covered[head] {
                    continue;
                }
                lower.clear();
                lower.push_str(tokens.str(head));
                lower.make_ascii_lowercase();
            }
            // CLAIMS.md: a cue heads a claim only with a proposition attached. Without one the
            // model's picks were mostly actions a reader does not take for claims ("signed a
            // deal", "approved a move", "want the plants to remain closed"): on the reader-judged
            // set they added 28 false highlights for 3 right ones.
            if !proposition_attached(tokens, head) {
                continue;
            }
            // "Have your say", "share your views": the reader's own words, page furniture.
            let readers = head > 0 && tokens.word_in(head - 1, &["your"]);
            if !readers && !HEDGES.contains(&lower.as_str()) && !ignored(&lower) {
                found.push(tokens.list[head].span());
            }
        }
        // A phrase the model fired on twice ("worried about", "also linked") is one cue.
        found.sort_by_key(|s| (s.start, s.end));
        found.dedup();
        found
    }
}

/// Whether a proposition is attached to the word at `i`: "that", a quotation or a colon within
/// four tokens after it (no other punctuation between), or a quotation closing within five
/// tokens before it ("“…,” the campaign countered"). `tools/train/cue_classifier.py` has the
/// same test (`proposition_attached`).
fn proposition_attached(tokens: &Tokens, i: usize) -> bool {
    for j in i + 1..(i + 5).min(tokens.len()) {
        match tokens.list[j].kind {
            Kind::Word if tokens.word_in(j, &["that"]) => return true,
            Kind::Word => {}
            Kind::Open | Kind::Either => return true,
            Kind::Close => break,
            Kind::Punct => return tokens.is_punct(j, ':'),
        }
    }
    (i.saturating_sub(5)..i).any(|j| matches!(tokens.list[j].kind, Kind::Close | Kind::Either))
}

/// The lemmas the model scores at all, found by their first three letters.
struct Gate {
    /// The lemmas by [`prefix_key`]: those with key `k` are `lemmas[first[k]..first[k + 1]]`.
    first: Vec<u16>,
    lemmas: Vec<&'static str>,
    /// The lemmas whose first three bytes are not all letters ("de-emphasiz").
    odd: Vec<&'static str>,
}

impl Gate {
    fn new(lemmas: &[&'static str]) -> Self {
        let mut keyed: Vec<(usize, &str)> = Vec::new();
        let mut odd = Vec::new();
        for &lemma in lemmas {
            match prefix_key(lemma.as_bytes()) {
                Some(key) => keyed.push((key, lemma)),
                None => odd.push(lemma),
            }
        }
        keyed.sort_unstable();
        let first = (0..=PREFIX_KEYS)
            .map(|key| keyed.partition_point(|&(k, _)| k < key) as u16)
            .collect();
        Gate {
            first,
            lemmas: keyed.into_iter().map(|(_, lemma)| lemma).collect(),
            odd,
        }
    }

    /// The lemmas that could be `word`'s: a word's lemma starts as the word does (it is the
    /// whole word or three letters or more of it).
    fn lemmas_starting_as(&self, word: &[u8]) -> &[&'static str] {
        match prefix_key(word) {
            Some(key) => {
                &self.lemmas[usize::from(self.first[key])..usize::from(self.first[key + 1])]
            }
            None => &self.odd,
        }
    }
}

/// For each token of a block, whether it overlaps a span of `taken`. Tokens are sorted and
/// disjoint, so the tokens a span overlaps are one run, found by binary search: O(tokens + marked
/// tokens + spans × log tokens).
fn covered_tokens(tokens: &Tokens, taken: &[Span]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    for span in taken {
        let first = tokens.list.partition_point(|t| t.end <= span.start);
        let end = tokens.list.partition_point(|t| t.start < span.end);
        for covered in out.iter_mut().take(end).skip(first) {
            *covered = true;
        }
    }
    out
}

/// For each token of a block, how many tokens away the nearest one overlapping a rule cue of
/// `reports` is (`NEAR + 1` when farther).
fn nearness(tokens: &Tokens, reports: &[Span]) -> Vec<u8> {
    const FAR: usize = NEAR + 1;
    let n = tokens.len();
    let mut out = vec![FAR as u8; n];
    for report in reports {
        // The tokens the cue overlaps: `first..end`.
        let first = tokens.list.partition_point(|t| t.end <= report.start);
        let end = tokens.list.partition_point(|t| t.start < report.end);
        if first >= end {
            continue;
        }
        for (j, distance) in out
            .iter_mut()
            .enumerate()
            .take((end + NEAR).min(n))
            .skip(first.saturating_sub(NEAR))
        {
            let d = first.saturating_sub(j).max(j.saturating_sub(end - 1));
            *distance = (*distance).min(d as u8);
        }
    }
    out
}

/// The length of the word's crude lemma: the word without a final "-ing", "-ed", "-es" or "-s"
/// (in any ASCII case) when three characters remain. Every word the gate's first test lets
/// through is asked, so the last letter decides which endings to try.
fn lemma_len(bytes: &[u8]) -> usize {
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
        // Three characters, not bytes: count the bytes that start one.
        let starts = bytes[..n - k].iter().filter(|&&b| !is_continuation(b));
        if starts.take(3).count() == 3 {
            return n - k;
        }
    }
    n
}

/// Whether a byte of UTF-8 continues a character (`10xxxxxx`).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// How many values [`prefix_key`] has.
const PREFIX_KEYS: usize = 27 * 27 * 27;

/// The first three bytes of a word (or all of a shorter one) as a number, when they are ASCII
/// letters: each letter 1–26 in either case, 0 past the end.
fn prefix_key(word: &[u8]) -> Option<usize> {
    let digit = |at: usize| word.get(at).map_or(0, |&b| LETTER_DIGIT[usize::from(b)]);
    let (a, b, c) = (digit(0), digit(1), digit(2));
    if (a | b | c) & NOT_A_LETTER != 0 {
        return None;
    }
    Some((usize::from(a) * 27 + usize::from(b)) * 27 + usize::from(c))
}

/// In [`LETTER_DIGIT`]: a byte that is no ASCII letter.
const NOT_A_LETTER: u8 = 0x80;

/// Each byte's digit in [`prefix_key`]: 1–26 for a letter in either case, else [`NOT_A_LETTER`].
static LETTER_DIGIT: [u8; 256] = {
    let mut table = [NOT_A_LETTER; 256];
    let mut i = 0;
    while i < 26 {
        table[b'a' as usize + i] = i as u8 + 1;
        table[b'A' as usize + i] = i as u8 + 1;
        i += 1;
    }
    table
};

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
const THAT: u32 = fnv(b"that");
const TO: u32 = fnv(b"to");
const FOLLOWS_WH: u32 = fnv(b"wh");
const FOLLOWS_QUOTE: u32 = fnv(b"q");
const FOLLOWS_COLON: u32 = fnv(b":");
const FOLLOWS_STOP: u32 = fnv(b".");
const PRONOUN: u32 = fnv(b"pron");
const CAPITALISED: u32 = fnv(b"cap");
/// A shape not hashed yet. A word whose hash happens to be this is hashed again on each ask.
const UNKNOWN: u32 = 0;

/// One candidate word and what the features read around it.
struct Context<'a> {
    model: &'a Model,
    tokens: &'a Tokens<'a>,
    /// Each token's shape once hashed, else [`UNKNOWN`].
    shapes: &'a [Cell<u32>],
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
    fn text(&self, t: Token) -> &[u8] {
        &self.tokens.text.as_bytes()[t.start..t.end]
    }

    /// A neighbour as the script's `shape` sees it: the word in lower case, "#" for a number, a
    /// quote as "Q", punctuation as itself, "^" before the block and "$" after it.
    fn shape(&self, offset: isize) -> u32 {
        match self.i.checked_add_signed(offset) {
            Some(j) if j < self.tokens.len() => self.shape_at(j),
            _ if offset < 0 => BEFORE_START,
            _ => AFTER_END,
        }
    }

    /// The shape of token `j` (in the block), hashed on the first ask.
    fn shape_at(&self, j: usize) -> u32 {
        let known = self.shapes[j].get();
        if known != UNKNOWN {
            return known;
        }
        let t = self.tokens.list[j];
        let shape = match t.kind {
            Kind::Word if self.text(t)[0].is_ascii_digit() => NUMBER,
            Kind::Word => fnv_lower(self.text(t)),
            Kind::Open | Kind::Close | Kind::Either => QUOTE,
            Kind::Punct => fnv(self.text(t)),
        };
        self.shapes[j].set(shape);
        shape
    }

    /// Whether the token `offset` away is punctuation, one of `marks`.
    fn is_punct(&self, offset: isize, marks: &[char]) -> bool {
        self.i
            .checked_add_signed(offset)
            .is_some_and(|j| marks.iter().any(|&c| self.tokens.is_punct(j, c)))
    }

    /// What the word introduces: the first telling token within four after it (the hash of
    /// "that", "to", "wh", "q", ":", "." or "-").
    fn follow(&self) -> u32 {
        let last = (self.i + 4).min(self.tokens.len().saturating_sub(1));
        for j in self.i + 1..=last {
            let t = self.tokens.list[j];
            match t.kind {
                Kind::Word => {
                    let shape = self.shape_at(j);
                    if shape == THAT && self.tokens.word_in(j, &["that"]) {
                        return THAT;
                    } else if shape == TO && self.tokens.word_in(j, &["to"]) {
                        return TO;
                    } else if self.model.wh.contains(&shape) && self.tokens.word_in(j, WH) {
                        return FOLLOWS_WH;
                    }
                }
                Kind::Open | Kind::Close | Kind::Either => return FOLLOWS_QUOTE,
                Kind::Punct => match self.text(t)[0] {
                    b':' => return FOLLOWS_COLON,
                    b'.' | b'?' | b'!' => return FOLLOWS_STOP,
                    _ => {}
                },
            }
        }
        NONE
    }

    /// Who precedes the word: a pronoun or a capitalised word within three before it.
    fn holder(&self) -> u32 {
        for j in (self.i.saturating_sub(3)..self.i).rev() {
            if !self.tokens.is_word(j) {
                continue;
            }
            let shape = self.shape_at(j);
            if self.model.pronouns.contains(&shape) && self.tokens.word_in(j, PRONOUNS) {
                return PRONOUN;
            }
            if self.tokens.is_capitalised(j) {
                return CAPITALISED;
            }
        }
        NONE
    }

    /// The sum of the weights of the word's features, in 1/16 units.
    fn score(&self) -> i32 {
        let (l, w) = (self.lemma, self.shape_at(self.i));
        let (p1, p2, p3) = (self.shape(-1), self.shape(-2), self.shape(-3));
        let (n1, n2, n3) = (self.shape(1), self.shape(2), self.shape(3));
        let (f, h) = (self.follow(), self.holder());
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
        let lemma = |word: &'static str| &word[..lemma_len(word.as_bytes())];
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
