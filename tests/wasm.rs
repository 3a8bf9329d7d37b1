//! The JavaScript boundary, tested on the wasm target itself (`./build.sh test` runs it in Node).
#![cfg(target_arch = "wasm32")]

use allegedly::wasm::WasmAnalyzer;
use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

fn span(value: &JsValue) -> (f64, f64) {
    let pair = Array::from(value);
    (pair.get(0).as_f64().unwrap(), pair.get(1).as_f64().unwrap())
}

#[wasm_bindgen_test]
fn analyzes_blocks_with_utf16_offsets() {
    let analyzer = WasmAnalyzer::new(JsValue::UNDEFINED).unwrap();
    let blocks = Array::of2(
        &"Nothing to see here.".into(),
        &"😀 The ministry claimed that it won.".into(),
    );
    let result = Array::from(&analyzer.analyze_blocks(blocks, None).unwrap());
    assert_eq!(result.length(), 2);
    assert_eq!(Array::from(&result.get(0)).length(), 0);
    let claim = Array::from(&result.get(1)).get(0);
    assert_eq!(get(&claim, "kind").as_string().unwrap(), "attributed");
    // "😀 The ministry " is 16 UTF-16 code units: the emoji counts two.
    assert_eq!(span(&get(&claim, "cue")), (16.0, 23.0));
}

#[wasm_bindgen_test]
fn a_pronoun_source_names_the_person_of_an_earlier_block() {
    let analyzer = WasmAnalyzer::new(JsValue::UNDEFINED).unwrap();
    let blocks = Array::of3(
        &"Senator John Smith criticised the plan on Monday.".into(),
        &"The vote is due next week.".into(),
        &"“It is a disaster,” he said.".into(),
    );
    let result = Array::from(&analyzer.analyze_blocks(blocks, None).unwrap());
    let first = Array::from(&result.get(0)).get(0);
    assert!(get(&first, "antecedent").is_undefined());
    let claim = Array::from(&result.get(2)).get(0);
    assert_eq!(
        get(&claim, "antecedent").as_string().as_deref(),
        Some("Senator John Smith")
    );
}

#[wasm_bindgen_test]
fn a_pronoun_source_names_the_person_the_context_named() {
    // A page analysed a chunk at a time: the chunk before is sent as context, and not analysed
    // again for its own claims.
    let analyzer = WasmAnalyzer::new(JsValue::UNDEFINED).unwrap();
    let context = Array::of2(
        &"Senator John Smith criticised the plan on Monday.".into(),
        &"The vote is due next week.".into(),
    );
    let blocks = Array::of1(&"“It is a disaster,” he said.".into());
    let result = Array::from(&analyzer.analyze_blocks(blocks, Some(context)).unwrap());
    assert_eq!(result.length(), 1);
    let claim = Array::from(&result.get(0)).get(0);
    assert_eq!(
        get(&claim, "antecedent").as_string().as_deref(),
        Some("Senator John Smith")
    );
}

#[wasm_bindgen_test]
fn claims_say_whether_their_source_is_named() {
    let analyzer = WasmAnalyzer::new(JsValue::UNDEFINED).unwrap();
    let blocks = Array::of3(
        &"Officials said the plan would fail.".into(),
        &"Senator John Smith said the bill would pass. “It will,” he said.".into(),
        &"The vote was probably rigged.".into(),
    );
    let result = Array::from(&analyzer.analyze_blocks(blocks, None).unwrap());
    let specificity = |block: u32, i: u32| {
        get(&Array::from(&result.get(block)).get(i), "specificity").as_string()
    };
    assert_eq!(specificity(0, 0).as_deref(), Some("anonymous"));
    assert_eq!(specificity(1, 0).as_deref(), Some("named"));
    // "he" takes Senator John Smith's.
    assert_eq!(specificity(1, 1).as_deref(), Some("named"));
    // No source: null, not absent.
    let hedge = Array::from(&result.get(2)).get(0);
    assert!(get(&hedge, "specificity").is_null());
    // A pronoun with no one named before it: null.
    let alone = Array::from(
        &analyzer
            .analyze_blocks(Array::of1(&"“It will,” he said.".into()), None)
            .unwrap(),
    );
    assert!(get(&Array::from(&alone.get(0)).get(0), "specificity").is_null());
}

#[wasm_bindgen_test]
fn rejects_a_bad_config_with_an_error() {
    let config = js_sys::JSON::parse(r#"{"extraCues": [""]}"#).unwrap();
    assert!(WasmAnalyzer::new(config).is_err());
}

#[wasm_bindgen_test]
fn non_string_blocks_are_empty() {
    let analyzer = WasmAnalyzer::new(JsValue::NULL).unwrap();
    let blocks = Array::of2(&JsValue::from_f64(3.0), &JsValue::NULL);
    let result = Array::from(&analyzer.analyze_blocks(blocks, None).unwrap());
    assert_eq!(result.length(), 2);
}

#[wasm_bindgen_test]
fn phrases_match_across_unicode_spaces_and_user_words_may_be_non_ascii() {
    // No regex in the wasm build: the lexicon's trie matches across Unicode spaces, any words.
    let config = js_sys::JSON::parse(r#"{"extraCues": ["behauptete"]}"#).unwrap();
    let analyzer = WasmAnalyzer::new(config).unwrap();
    let blocks = Array::of2(
        &"The plan failed, according\u{A0}to the ministry.".into(),
        &"Die Regierung behauptete, sie habe gewonnen.".into(),
    );
    let result = Array::from(&analyzer.analyze_blocks(blocks, None).unwrap());
    let cue = |block: u32| span(&get(&Array::from(&result.get(block)).get(0), "cue"));
    assert_eq!(cue(0), (17.0, 29.0));
    assert_eq!(cue(1), (14.0, 24.0));
}

#[wasm_bindgen_test]
fn ignoring_a_lemma_ignores_its_forms_for_the_rules_and_the_model() {
    // "questioned" is a lexicon verb (the rules find it); "knows" only the trained model finds.
    let text = "The senator questioned the figures. She knows that the plan will fail.";
    let cues = |config: JsValue| -> Vec<(f64, f64)> {
        let analyzer = WasmAnalyzer::new(config).unwrap();
        let result = Array::from(
            &analyzer
                .analyze_blocks(Array::of1(&text.into()), None)
                .unwrap(),
        );
        Array::from(&result.get(0))
            .iter()
            .map(|claim| span(&get(&claim, "cue")))
            .collect()
    };
    // "questioned" at 12..22, "knows" at 40..45.
    assert_eq!(cues(JsValue::UNDEFINED), [(12.0, 22.0), (40.0, 45.0)]);
    let config = js_sys::JSON::parse(r#"{"ignoreWords": ["question", "know"]}"#).unwrap();
    assert_eq!(cues(config), []);
}
