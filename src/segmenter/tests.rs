//! News cases for the segmenter, one concern per test.

use super::*;

fn split(text: &str) -> Vec<&str> {
    blocks(text)
        .flat_map(|b| sentences(text, b))
        .map(|s| s.of(text))
        .collect()
}

#[test]
fn splits_on_terminal_punctuation() {
    assert_eq!(
        split("One fact. Two facts! Three?"),
        ["One fact.", "Two facts!", "Three?"]
    );
}

#[test]
fn keeps_abbreviations_initials_and_decimals() {
    assert_eq!(
        split("Mr. Smith met Gen. J. Doe in the U.S. Army base. It cost 3.5 million."),
        [
            "Mr. Smith met Gen. J. Doe in the U.S. Army base.",
            "It cost 3.5 million."
        ]
    );
}

#[test]
fn titles_never_end_a_sentence() {
    assert_eq!(
        split(
            "Mrs. May, Dr. Who, Sen. Warren, Rep. Schiff, Gov. Newsom and Prof. X met. They talked."
        ),
        [
            "Mrs. May, Dr. Who, Sen. Warren, Rep. Schiff, Gov. Newsom and Prof. X met.",
            "They talked."
        ]
    );
}

#[test]
fn us_and_uk_end_a_sentence_only_before_a_sentence_starter() {
    assert_eq!(
        split(
            "He lives in the U.S. The weather is nice. The U.S. President and the U.K. Parliament agreed."
        ),
        [
            "He lives in the U.S.",
            "The weather is nice.",
            "The U.S. President and the U.K. Parliament agreed."
        ]
    );
    assert_eq!(
        split("The U.N. Security Council met. It was at the U.N. But nobody came."),
        [
            "The U.N. Security Council met.",
            "It was at the U.N.",
            "But nobody came."
        ]
    );
}

#[test]
fn etc_ends_a_sentence_before_a_capital_only() {
    assert_eq!(
        split("Apples, pears, etc. Officials listed them. We saw apples etc. and pears."),
        [
            "Apples, pears, etc.",
            "Officials listed them.",
            "We saw apples etc. and pears."
        ]
    );
}

#[test]
fn never_final_abbreviations() {
    assert_eq!(
        split(
            "Some states, e.g. Texas, agreed; others, i.e. California, did not. Cf. Smith vs. Jones."
        ),
        [
            "Some states, e.g. Texas, agreed; others, i.e. California, did not.",
            "Cf. Smith vs. Jones."
        ]
    );
}

#[test]
fn initials() {
    assert_eq!(
        split(
            "J. R. R. Tolkien wrote it. George W. Bush said so. This is Plan B. The next plan. Rep. Robert C. \"Bobby\" Scott came."
        ),
        [
            "J. R. R. Tolkien wrote it.",
            "George W. Bush said so.",
            "This is Plan B.",
            "The next plan.",
            "Rep. Robert C. \"Bobby\" Scott came."
        ]
    );
}

#[test]
fn numbers_months_and_numbered_things() {
    assert_eq!(
        split(
            "He lives at No. 10 Downing St. The PM met him on Jan. 5. It was in 1999. 2000 was different."
        ),
        [
            "He lives at No. 10 Downing St.",
            "The PM met him on Jan. 5.",
            "It was in 1999.",
            "2000 was different."
        ]
    );
    assert_eq!(
        split("See p. 5 and Art. 3 of the Feb. 2 law. No. The answer is no."),
        [
            "See p. 5 and Art. 3 of the Feb. 2 law.",
            "No.",
            "The answer is no."
        ]
    );
}

#[test]
fn companies_and_suffixes() {
    assert_eq!(
        split(
            "Apple Inc. Chief Executive Tim Cook spoke. He sold Acme Co. The buyer paid. Martin Luther King Jr. Day came."
        ),
        [
            "Apple Inc. Chief Executive Tim Cook spoke.",
            "He sold Acme Co.",
            "The buyer paid.",
            "Martin Luther King Jr. Day came."
        ]
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        split(
            "At 10 a.m. The meeting began. At 10 a.m. on Monday it began. It ends at 5 p.m. ET today."
        ),
        [
            "At 10 a.m.",
            "The meeting began.",
            "At 10 a.m. on Monday it began.",
            "It ends at 5 p.m. ET today."
        ]
    );
}

#[test]
fn decimals_versions_urls_and_emails() {
    assert_eq!(
        split(
            "It costs $3.50 in v1.2.3 of the app. Visit example.com or mail a.b@c.org. Then leave."
        ),
        [
            "It costs $3.50 in v1.2.3 of the app.",
            "Visit example.com or mail a.b@c.org.",
            "Then leave."
        ]
    );
}

#[test]
fn closing_quote_stays_with_its_sentence() {
    assert_eq!(split("\"We won.\" He left."), ["\"We won.\"", "He left."]);
    assert_eq!(
        split("“It’s over,” he said. “We lost.” She disagreed."),
        ["“It’s over,” he said.", "“We lost.”", "She disagreed."]
    );
    assert_eq!(
        split("He said (and I quote.) that it was fine. (It was.) Fine."),
        [
            "He said (and I quote.) that it was fine.",
            "(It was.)",
            "Fine."
        ]
    );
}

#[test]
fn a_closed_quotation_is_not_split_inside() {
    assert_eq!(
        split(
            "“You work hard. You pay your taxes. So why didn’t he pay his?” a narrator asks. Then it ends."
        ),
        [
            "“You work hard. You pay your taxes. So why didn’t he pay his?” a narrator asks.",
            "Then it ends."
        ]
    );
    assert_eq!(
        split("“Did we?” she asked. \"Yes!\" He laughed."),
        ["“Did we?” she asked.", "\"Yes!\"", "He laughed."]
    );
}

#[test]
fn an_unclosed_quotation_is_split_as_usual() {
    assert_eq!(
        split("“We won. It is over. The rest follows"),
        ["“We won.", "It is over.", "The rest follows"]
    );
}

#[test]
fn ellipses_mid_sentence_and_final() {
    assert_eq!(
        split("He was ... well, tired. He paused... Then he left. Wait… What?! Really?!"),
        [
            "He was ... well, tired.",
            "He paused...",
            "Then he left.",
            "Wait…",
            "What?!",
            "Really?!"
        ]
    );
    assert_eq!(
        split("It was . . . fine. Then . . . Nothing."),
        ["It was . . . fine.", "Then . . .", "Nothing."]
    );
}

#[test]
fn question_and_exclamation_runs() {
    assert_eq!(
        split("Why?! Because!!! What??? ok? no."),
        ["Why?!", "Because!!!", "What??? ok? no."]
    );
}

#[test]
fn dateline_is_one_sentence_and_does_not_swallow_the_story() {
    assert_eq!(
        split(
            "DUBAI, February 2. /TASS/. Iran’s Ministry of Intelligence has conducted an operation. It \
             is claimed that agents were identified."
        ),
        [
            "DUBAI, February 2. /TASS/.",
            "Iran’s Ministry of Intelligence has conducted an operation.",
            "It is claimed that agents were identified."
        ]
    );
    assert_eq!(
        split("WASHINGTON (Reuters) - The president said so. He left."),
        ["WASHINGTON (Reuters) - The president said so.", "He left."]
    );
}

#[test]
fn lines_are_blocks() {
    assert_eq!(
        split("Headline without stop\n\nBody. More"),
        ["Headline without stop", "Body.", "More"]
    );
    assert_eq!(
        split("One\r\nTwo\rThree\u{2029}Four\u{2028}Five"),
        ["One", "Two", "Three", "Four", "Five"]
    );
}

#[test]
fn sentences_never_cross_blocks() {
    assert_eq!(
        split("He met Mr.\nSmith said “yes\nno” today."),
        ["He met Mr.", "Smith said “yes", "no” today."]
    );
}

#[test]
fn list_items() {
    assert_eq!(
        split(
            "1. First item\n2. Second item. It has two sentences.\n• Bullet one. Second sentence.\n- Dash item"
        ),
        [
            "First item",
            "Second item.",
            "It has two sentences.",
            "Bullet one.",
            "Second sentence.",
            "Dash item"
        ]
    );
}

#[test]
fn a_dash_after_a_quotation_introduces_its_speaker() {
    assert_eq!(
        split("“He represents our greatest shame.” ― Sonya Herridge"),
        ["“He represents our greatest shame.” ― Sonya Herridge"]
    );
}

#[test]
fn a_bracket_after_an_abbreviation_continues_the_name() {
    assert_eq!(
        split(
            "RENO, Nev. (AP) — Republican candidates met. Sens. Bob Casey Jr. (D-Pa.) and others came."
        ),
        [
            "RENO, Nev. (AP) — Republican candidates met.",
            "Sens. Bob Casey Jr. (D-Pa.) and others came."
        ]
    );
}

#[test]
fn state_abbreviations() {
    assert_eq!(
        split(
            "Rep. Adam Schiff (D-Calif.) said so. He lives in Springfield, Ill. The city agreed. Springfield, Ill. Mayor Jim Langfelder spoke."
        ),
        [
            "Rep. Adam Schiff (D-Calif.) said so.",
            "He lives in Springfield, Ill.",
            "The city agreed.",
            "Springfield, Ill. Mayor Jim Langfelder spoke."
        ]
    );
}

#[test]
fn full_width_punctuation_needs_no_space() {
    assert_eq!(split("他说。她说！好？"), ["他说。", "她说！", "好？"]);
}

#[test]
fn non_latin_scripts_start_sentences() {
    assert_eq!(
        split("He said it. قال الوزير. אמר השר. 😀 Fine."),
        ["He said it.", "قال الوزير.", "אמר השר.", "😀 Fine."]
    );
}

#[test]
fn empty_and_blank_input() {
    assert!(split("").is_empty());
    assert!(split(" \n\t\n ").is_empty());
    assert_eq!(split("..."), ["..."]);
}
