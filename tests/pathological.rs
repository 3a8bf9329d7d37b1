//! Hostile texts a page can hand the analyzer: each must finish without a panic and with valid spans.
//!
//! No timing assertions (a machine's load is not the analyzer's fault): a super-linear path shows up
//! as this suite hanging past CI's timeout, and `cargo bench --bench growth` measures the growth of
//! each shape at 3 sizes. The sizes here are test-sized (a linear analyzer takes well under a second
//! for each in a debug build); the benchmark uses the full sizes (1 MB, 5 MB, 1M periods …).
#![cfg(not(target_arch = "wasm32"))]

#[path = "pathological/shapes.rs"]
mod shapes;

use allegedly::offsets::{Unit, convert_claims};
use allegedly::segmenter::{blocks, sentences};
use allegedly::{Analyzer, Claim};

#[path = "support/claim_invariants.rs"]
mod claim_invariants;
use claim_invariants::{broken_rule, on_boundaries};

/// Test size of each shape, in bytes (roughly).
const SIZE: usize = 100_000;

thread_local! {
    // Building the analyzer compiles the lexicon: once per test thread.
    static ANALYZER: Analyzer = Analyzer::default();
}

fn check(text: &str, claims: &[Claim]) {
    if let Some(rule) = broken_rule(text, claims) {
        panic!("{rule}");
    }
}

/// Analyses `text`, checks every span, and checks the segmenter and UTF-16 conversion on it too.
fn survives(text: &str) -> Vec<Claim> {
    let claims = ANALYZER.with(|a| a.analyze(text));
    check(text, &claims);
    for block in blocks(text) {
        for sentence in sentences(text, block) {
            assert!(block.contains(sentence) && on_boundaries(text, sentence));
        }
    }
    let mut utf16 = claims.clone();
    convert_claims(text, &mut utf16, Unit::Utf16);
    let total = text.encode_utf16().count();
    assert!(utf16.iter().flat_map(Claim::spans).all(|s| s.end <= total));
    claims
}

fn shape(name: &str) -> String {
    let text = shapes::make(name, SIZE);
    assert!(text.len() >= SIZE / 2, "{name} is {} bytes", text.len());
    text
}

#[test]
fn every_shape_has_a_test() {
    let tested = [
        "no punctuation",
        "cue words without punctuation",
        "quotation marks",
        "unclosed quotation marks",
        "one long sentence",
        "nested brackets",
        "unclosed brackets",
        "rtl emoji combining",
        "periods",
        "spaced periods",
        "abbreviations",
        "newlines",
        "nul bytes",
        "quotations with cues",
    ];
    assert_eq!(shapes::NAMES, tested);
}

#[test]
fn text_without_punctuation() {
    assert!(survives(&shape("no punctuation")).is_empty());
    // The same with a cue in every few words: one huge sentence with thousands of claims.
    let claims = survives(&shape("cue words without punctuation"));
    assert!(claims.len() > 1000, "{} claims", claims.len());
}

#[test]
fn runs_of_quotation_marks() {
    survives(&shape("quotation marks"));
    survives(&shape("unclosed quotation marks"));
    survives(&shape("quotations with cues"));
}

#[test]
fn a_single_long_sentence() {
    let text = shape("one long sentence");
    let block = blocks(&text).next().unwrap();
    assert_eq!(sentences(&text, block).len(), 1);
    survives(&text);
}

#[test]
fn deeply_nested_brackets() {
    survives(&shape("nested brackets"));
    survives(&shape("unclosed brackets"));
}

#[test]
fn right_to_left_text_emoji_and_combining_marks() {
    let text = shape("rtl emoji combining");
    let claims = survives(&text);
    let mut utf16 = claims.clone();
    convert_claims(&text, &mut utf16, Unit::Utf16);
    for (bytes, units) in claims.iter().zip(&utf16) {
        assert_eq!(
            units.cue.start,
            text[..bytes.cue.start].encode_utf16().count()
        );
    }
}

#[test]
fn runs_of_periods() {
    let text = shape("periods");
    let block = blocks(&text).next().unwrap();
    assert_eq!(sentences(&text, block), [block]);
    survives(&text);
    survives(&shape("spaced periods"));
    survives(&shape("abbreviations"));
}

#[test]
fn runs_of_newlines() {
    let text = shape("newlines");
    assert!(survives(&text).is_empty());
    assert_eq!(blocks(&text).count(), 0);
}

#[test]
fn nul_bytes() {
    let text = shape("nul bytes");
    survives(&text);
    survives("\0said\0 that\0. \0\"\0\"\0");
}

#[test]
fn empty_and_tiny_inputs() {
    for text in [
        "",
        " ",
        "\n",
        ".",
        "\"",
        "“",
        "(",
        "said",
        "It is claimed that",
        "\u{feff}",
    ] {
        survives(text);
    }
}
