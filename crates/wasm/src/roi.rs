//! The ROI calculator's calls.

use super::{from_js, to_js};
use serde::Serialize;
use social_roi::{roi_example, CostKind, Lang, RoiInput, CURRENCIES};
use wasm_bindgen::prelude::*;

fn roi_input(input: JsValue) -> Result<RoiInput, JsValue> {
    from_js(input, "the calculator's inputs")
}

/// Computes the ROI report of `input` (the JSON docs/roi.md documents), in `lang`.
#[wasm_bindgen(js_name = computeRoi)]
pub fn compute_roi(input: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    to_js(&social_roi::compute_roi(
        &roi_input(input)?,
        Lang::from_tag(lang),
    ))
}

/// The same input with readable numbers as numbers and the decimal mark of `to`: call it
/// before switching the interface language.
#[wasm_bindgen(js_name = canonicalRoiInput)]
pub fn canonical_roi_input(input: JsValue, lang: &str, to: &str) -> Result<JsValue, JsValue> {
    let input = roi_input(input)?;
    to_js(&social_roi::canonical_roi_input(
        &input,
        Lang::from_tag(lang),
        Lang::from_tag(to),
    ))
}

/// The worked example the page opens with.
#[wasm_bindgen(js_name = exampleRoiInput)]
pub fn example_roi_input(lang: &str, currency: &str) -> Result<JsValue, JsValue> {
    to_js(&roi_example(Lang::from_tag(lang), currency))
}

#[derive(Serialize)]
struct Choice {
    key: &'static str,
    name: &'static str,
}

/// The kinds of cost line, `[{key, name}]` in `lang`.
#[wasm_bindgen(js_name = costKinds)]
pub fn cost_kinds(lang: &str) -> Result<JsValue, JsValue> {
    let lang = Lang::from_tag(lang);
    let kinds: Vec<Choice> = CostKind::ALL
        .iter()
        .map(|k| Choice {
            key: k.key(),
            name: k.name(lang),
        })
        .collect();
    to_js(&kinds)
}

/// The currencies offered, `[{code, minor_digits}]`.
#[wasm_bindgen]
pub fn currencies() -> Result<JsValue, JsValue> {
    to_js(&CURRENCIES)
}
