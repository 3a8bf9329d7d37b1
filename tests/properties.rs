//! Properties that hold for any input: the analyzer never panics, every span it returns is valid, the
//! segmenter keeps sentences inside blocks, and offset conversion agrees with the standard library.
//!
//! Two kinds of input: arbitrary Unicode strings, and strings built from news-like pieces (cue words,
//! abbreviations, quotation marks, brackets, line breaks, emoji, combining marks, right-to-left text),
//! which reach far more of the rules than random characters do. Default case counts keep it CI-sized.
#![cfg(not(target_arch = "wasm32"))]

use allegedly::offsets::{Unit, convert};
use allegedly::segmenter::{blocks, sentences};
use allegedly::{Analyzer, Claim};
use proptest::prelude::*;

#[path = "support/claim_invariants.rs"]
mod claim_invariants;
use claim_invariants::{broken_rule, is_line_break, on_boundaries};

thread_local! {
    // Building the analyzer compiles the lexicon: once per test thread, not once per case.
    static ANALYZER: Analyzer = Analyzer::default();
}

/// Pieces of news text that exercise the segmenter and the cue rules.
const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "claimed",
    "alleged",
    "allegedly",
    "reportedly",
    "according to",
    "it is claimed that",
    "is believed to",
    "may",
    "denied",
    "that",
    "the ministry",
    "Iran’s",
    "officials",
    "The",
    "He",
    "She",
    "Mr.",
    "Dr.",
    "Gen.",
    "U.S.",
    "U.K.",
    "Inc.",
    "etc.",
    "e.g.",
    "No.",
    "Jan.",
    "a.m.",
    "J.",
    "W.",
    "3.5",
    "v1.2.3",
    "example.com",
    "1.",
    "•",
    "-",
    "—",
    ".",
    "..",
    "...",
    "…",
    "?",
    "!",
    "?!",
    ",",
    ";",
    ":",
    "\"",
    "'",
    "''",
    "“",
    "”",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "/TASS/",
    "DUBAI,",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\u{a0}",
    "😀",
    "👩\u{200d}👩\u{200d}👧",
    "🇺🇦",
    "e\u{301}",
    "Z\u{351}\u{36b}",
    "新闻",
    "。",
    "قال الوزير",
    "אמר",
    "\u{200f}",
    "\u{feff}",
    "\0",
    "𝔘𝔫𝔦",
];

/// A string of news-like pieces, joined by spaces or nothing.
fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(PIECES), any::<bool>()), 0..80).prop_map(|parts| {
        let mut text = String::new();
        for (piece, space) in parts {
            text.push_str(piece);
            if space {
                text.push(' ');
            }
        }
        text
    })
}

/// Arbitrary Unicode and news-like text, half each.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), newsy()]
}

fn check_claims(text: &str, claims: &[Claim]) -> Result<(), TestCaseError> {
    match broken_rule(text, claims) {
        Some(rule) => Err(TestCaseError::fail(format!("{rule} in {text:?}"))),
        None => Ok(()),
    }
}

proptest! {
    #[test]
    fn analyzer_returns_valid_sorted_spans(text in any_text()) {
        let claims = ANALYZER.with(|a| a.analyze(&text));
        check_claims(&text, &claims)?;
    }

    #[test]
    fn blocks_are_analysed_independently(parts in prop::collection::vec(any_text(), 0..4)) {
        // Only a pronoun's antecedent may come from an earlier block; everything else is the
        // block's own.
        // (and with it the specificity a pronoun takes from it).
        let without_antecedents = |claims: &[Claim]| -> Vec<Claim> {
            claims
                .iter()
                .map(|c| Claim {
                    antecedent: None,
                    specificity: if c.antecedent.is_some() { None } else { c.specificity },
                    ..c.clone()
                })
                .collect()
        };
        let per_block = ANALYZER.with(|a| a.analyze_blocks(&parts));
        prop_assert_eq!(per_block.len(), parts.len());
        for (text, claims) in parts.iter().zip(&per_block) {
            check_claims(text, claims)?;
            for claim in claims.iter().filter(|c| c.antecedent.is_some()) {
                let source = claim.source.map(|s| s.of(text).to_ascii_lowercase());
                prop_assert!(matches!(source.as_deref(), Some("he" | "she" | "his" | "her")), "{claim:?}");
            }
            prop_assert_eq!(
                without_antecedents(claims),
                without_antecedents(&ANALYZER.with(|a| a.analyze(text)))
            );
        }
    }

    #[test]
    fn context_stands_for_the_blocks_before(
        parts in prop::collection::vec(any_text(), 0..5),
        split in any::<prop::sample::Index>(),
    ) {
        // Blocks sent with the text before them as context get the claims they get when that text
        // is sent with them, antecedents included: a page analysed a chunk at a time reads as one.
        let k = split.index(parts.len() + 1);
        let (context, blocks) = parts.split_at(k);
        let together = ANALYZER.with(|a| a.analyze_blocks(&parts));
        let after = ANALYZER.with(|a| a.analyze_blocks_after(context, blocks));
        prop_assert_eq!(&after[..], &together[k..]);
    }

    #[test]
    fn sentences_tile_their_blocks(text in any_text()) {
        let mut previous_block_end = 0;
        for block in blocks(&text) {
            prop_assert!(on_boundaries(&text, block));
            prop_assert!(block.start >= previous_block_end && !block.is_empty());
            prop_assert!(text[previous_block_end..block.start].trim().is_empty());
            prop_assert!(!block.of(&text).contains(is_line_break));
            prop_assert_eq!(block.of(&text).trim(), block.of(&text));
            previous_block_end = block.end;

            let sentences = sentences(&text, block);
            let mut covered = block.start;
            for (n, sentence) in sentences.iter().enumerate() {
                prop_assert!(on_boundaries(&text, *sentence));
                prop_assert!(block.contains(*sentence), "{sentence:?} outside {block:?}");
                prop_assert!(!sentence.is_empty() && sentence.start >= covered);
                prop_assert_eq!(sentence.of(&text).trim(), sentence.of(&text));
                // Between sentences only whitespace; before the first one, a list marker at most.
                let gap = &text[covered..sentence.start];
                prop_assert!(
                    gap.trim().is_empty() || (n == 0 && gap.trim().chars().count() <= 4),
                    "text {gap:?} belongs to no sentence in {text:?}"
                );
                covered = sentence.end;
            }
            prop_assert!(text[covered..block.end].trim().is_empty());
            prop_assert!(!sentences.is_empty(), "block {:?} has no sentence", block.of(&text));
        }
        prop_assert!(text[previous_block_end..].trim().is_empty());
    }

    #[test]
    fn offsets_agree_with_the_standard_library(text in any_text(), extra in 0usize..8) {
        // Every char boundary, plus offsets inside chars and past the end, in a scrambled order.
        let mut offsets: Vec<usize> = (0..=text.len() + extra).collect();
        offsets.reverse();
        let utf16 = convert(&text, &offsets, Unit::Utf16);
        let points = convert(&text, &offsets, Unit::CodePoint);
        for ((&byte, &u), &p) in offsets.iter().zip(&utf16).zip(&points) {
            // An offset inside a char counts as that char's start; past the end, as the end.
            let mut floor = byte.min(text.len());
            while !text.is_char_boundary(floor) {
                floor -= 1;
            }
            prop_assert_eq!(u, text[..floor].encode_utf16().count());
            prop_assert_eq!(p, text[..floor].chars().count());
        }
        // Monotone: a later byte offset never maps to an earlier position.
        let pairs: Vec<(usize, usize)> = offsets.iter().copied().zip(utf16.iter().copied()).collect();
        let mut sorted = pairs.clone();
        sorted.sort_unstable();
        prop_assert!(sorted.windows(2).all(|w| w[0].1 <= w[1].1));
    }
}
