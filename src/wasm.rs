//! The JavaScript boundary: a thin layer over [`Analyzer`] with UTF-16 offsets.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Analyzer;
use crate::claim::Claim;
use crate::config::Config;
use crate::offsets::{Unit, convert_claims};

/// The analyzer as JavaScript sees it: `new Analyzer(config)`, then `analyzeBlocks(["…", …])`.
#[wasm_bindgen(js_name = Analyzer)]
pub struct WasmAnalyzer {
    inner: Analyzer,
}

#[wasm_bindgen(js_class = Analyzer)]
impl WasmAnalyzer {
    /// `config` is `{extraCues?: string[], ignoreWords?: string[]}` or undefined.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<WasmAnalyzer, JsError> {
        console_error_panic_hook::set_once();
        let config: Config = if config.is_undefined() || config.is_null() {
            Config::default()
        } else {
            serde_wasm_bindgen::from_value(config)
                .map_err(|e| JsError::new(&format!("allegedly: bad config: {e}")))?
        };
        let inner = Analyzer::new(&config).map_err(|e| JsError::new(&format!("allegedly: {e}")))?;
        Ok(WasmAnalyzer { inner })
    }

    /// Analyses an array of text blocks, in reading order; returns one array of claims per block,
    /// offsets in UTF-16 code units relative to that block (a claim whose source is "he" or "she"
    /// may carry `antecedent`, the name of the person it most likely stands for). `context`, if
    /// given, is the text just before the blocks on the page (an array of strings, in reading
    /// order), read only for the people it names. Non-string entries are treated as empty blocks.
    #[wasm_bindgen(js_name = analyzeBlocks)]
    pub fn analyze_blocks(
        &self,
        blocks: js_sys::Array,
        context: Option<js_sys::Array>,
    ) -> Result<JsValue, JsError> {
        let texts = strings(&blocks);
        let context = context.as_ref().map(strings).unwrap_or_default();
        // One call for all the blocks: they are read in order, so "he said" in one block can
        // stand for a person named in an earlier one, or in the context.
        let mut per_block: Vec<Vec<Claim>> = self.inner.analyze_blocks_after(&context, &texts);
        for (text, claims) in texts.iter().zip(&mut per_block) {
            convert_claims(text, claims, Unit::Utf16);
        }
        let serializer = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
        per_block
            .serialize(&serializer)
            .map_err(|e| JsError::new(&format!("allegedly: {e}")))
    }
}

/// The strings of a JavaScript array; anything else counts as an empty string.
fn strings(array: &js_sys::Array) -> Vec<String> {
    array
        .iter()
        .map(|item| item.as_string().unwrap_or_default())
        .collect()
}
