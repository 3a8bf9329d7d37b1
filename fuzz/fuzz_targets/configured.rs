//! A user configuration (extra cue words and ignore words, as typed in the options page) and a
//! text: building the analyzer returns an error or an analyzer, never a panic, and the analyzer's
//! spans are valid.
#![no_main]

use allegedly::{Analyzer, Config};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/claim_invariants.rs"]
mod claim_invariants;

fuzz_target!(|input: (Vec<String>, Vec<String>, String)| {
    let (extra_cues, ignore_words, text) = input;
    let config = Config {
        extra_cues,
        ignore_words,
        ..Config::default()
    };
    let Ok(analyzer) = Analyzer::new(&config) else {
        return;
    };
    if let Some(rule) = claim_invariants::broken_rule(&text, &analyzer.analyze(&text)) {
        panic!("{rule} in {text:?}");
    }
});
