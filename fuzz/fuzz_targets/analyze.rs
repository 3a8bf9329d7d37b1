//! Any bytes (read as UTF-8, invalid sequences replaced) → the analyzer must not panic, and every
//! span it returns must be valid: on char boundaries, the cue inside its sentence, the sentence
//! inside one block, claims in order; UTF-16 and code-point conversions must agree with the
//! standard library.
#![no_main]

use std::sync::OnceLock;

use allegedly::offsets::{Unit, convert_claims};
use allegedly::segmenter::{blocks, sentences};
use allegedly::{Analyzer, Claim};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/claim_invariants.rs"]
mod claim_invariants;
use claim_invariants::{broken_rule, on_boundaries};

static ANALYZER: OnceLock<Analyzer> = OnceLock::new();

fn check(text: &str, claims: &[Claim]) {
    if let Some(rule) = broken_rule(text, claims) {
        panic!("{rule} in {text:?}");
    }
    for unit in [Unit::Utf16, Unit::CodePoint] {
        let mut converted = claims.to_vec();
        convert_claims(text, &mut converted, unit);
        for (bytes, units) in claims
            .iter()
            .flat_map(Claim::spans)
            .zip(converted.iter().flat_map(Claim::spans))
        {
            let count = |end: usize| match unit {
                Unit::Utf16 => text[..end].encode_utf16().count(),
                Unit::CodePoint => text[..end].chars().count(),
            };
            assert_eq!(
                (units.start, units.end),
                (count(bytes.start), count(bytes.end))
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analyzer = ANALYZER.get_or_init(Analyzer::default);
    let claims = analyzer.analyze(&text);
    check(&text, &claims);
    for block in blocks(&text) {
        let mut end = block.start;
        for sentence in sentences(&text, block) {
            assert!(
                on_boundaries(&text, sentence) && block.contains(sentence) && sentence.start >= end
            );
            end = sentence.end;
        }
    }
    // The same text as a page's blocks, split at NUL bytes.
    let parts: Vec<&str> = text.split('\0').collect();
    for (part, claims) in parts.iter().zip(analyzer.analyze_blocks(&parts)) {
        check(part, &claims);
    }
});
