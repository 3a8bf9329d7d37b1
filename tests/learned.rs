//! The trained model's second look (src/cues/learned.rs): the long-tail attribution cues no
//! lexicon row lists, found from their context, and the words it must leave alone. The sentences
//! are the project's own; a retrained table (tools/train/cue_classifier.py) must still pass.
#![cfg(not(target_arch = "wasm32"))]

use allegedly::{Analyzer, Claim, ClaimKind, Config, Stance};

fn claims(config: &Config, text: &str) -> Vec<(String, Option<String>, ClaimKind, Stance)> {
    let analyzer = Analyzer::new(config).expect("a valid configuration");
    analyzer
        .analyze(text)
        .iter()
        .map(|c: &Claim| {
            (
                c.cue.of(text).to_owned(),
                c.source.map(|s| s.of(text).to_owned()),
                c.kind,
                c.stance,
            )
        })
        .collect()
}

fn cues(config: &Config, text: &str) -> Vec<String> {
    claims(config, text).into_iter().map(|c| c.0).collect()
}

/// Each sentence has one long-tail cue: a verb of knowing, planning or backing, read as an
/// attribution because of who precedes it and what it introduces.
const LONG_TAIL: &[(&str, &str, &str)] = &[
    (
        "The governor knows that the vote will be close.",
        "knows",
        "The governor",
    ),
    // The model fires on "also" or "are" in these phrases (PolNeAR marks the whole phrase); the
    // cue is shown on the word that carries the meaning, and the source stops before the
    // auxiliary.
    (
        "Republicans were also incensed that the deal went ahead.",
        "incensed",
        "Republicans",
    ),
];

/// PolNeAR marks plans, support and worries as attributions; CLAIMS.md does not: with no
/// proposition attached (no that-clause, quotation or colon) the model's pick is no claim.
const ACTIONS: &[&str] = &[
    "Senator Ruiz plans to introduce the bill on Monday.",
    "Sanders backed the proposal on Tuesday.",
    "Republicans have backed the measure.",
    "Democrats are increasingly worried about turnout in Florida.",
    "Clinton aides were coy about whether they would change their approach.",
];

#[test]
fn actions_without_a_proposition_are_no_claims() {
    for sentence in ACTIONS {
        assert_eq!(
            cues(&Config::default(), sentence),
            Vec::<String>::new(),
            "{sentence}"
        );
    }
}

#[test]
fn finds_long_tail_cues_with_their_source() {
    for &(sentence, cue, source) in LONG_TAIL {
        let found = claims(&Config::default(), sentence);
        assert_eq!(
            found,
            [(
                cue.to_owned(),
                Some(source.to_owned()),
                ClaimKind::Attributed,
                Stance::Neutral
            )],
            "{sentence}"
        );
    }
}

#[test]
fn the_rules_alone_miss_them() {
    let rules_only = Config {
        rules_only: true,
        ..Config::default()
    };
    for &(sentence, _, _) in LONG_TAIL {
        assert_eq!(
            cues(&rules_only, sentence),
            Vec::<String>::new(),
            "{sentence}"
        );
    }
}

#[test]
fn leaves_plain_statements_alone() {
    for sentence in [
        "The cat wants its dinner.",
        "The river rose quickly after the storm.",
        "Wants and needs differ.",
        "The council released a statement on Friday.",
        // Page furniture: the reader's own say.
        "Have your say on this story.",
    ] {
        assert_eq!(
            cues(&Config::default(), sentence),
            Vec::<String>::new(),
            "{sentence}"
        );
    }
}

#[test]
fn numbers_are_one_class_to_the_model() {
    // Each number once hashed to its own bucket, so "approved" after one number in four hundred
    // read as a cue; the model sees every number as "#".
    for i in [0, 7, 38, 101, 1499, 2015] {
        let sentence = format!("The mayor allegedly approved contract {i} without a vote.");
        assert_eq!(
            cues(&Config::default(), &sentence),
            ["allegedly"],
            "{sentence}"
        );
    }
}

#[test]
fn respects_the_readers_ignore_words() {
    let config = Config {
        ignore_words: vec!["knows".into()],
        ..Config::default()
    };
    assert_eq!(
        cues(&config, "The governor knows that the vote will be close."),
        Vec::<String>::new()
    );
}

#[test]
fn never_turns_a_hedge_into_an_attribution() {
    // "feel" is a hedge of the lexicon; the model adds nothing beside it.
    let found = claims(
        &Config::default(),
        "Many voters feel that the race is already over.",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "feel");
    assert_eq!(found[0].3, Stance::Hedge);
}
