//! The WebAssembly boundary: the only module that knows about `wasm_bindgen`, `js_sys` and
//! `serde_wasm_bindgen`. One coarse call per thing the user does; plain data in and out
//! (JSON-compatible objects, `null` never `undefined`); errors thrown as `{kind, message}`.

use crate::i18n::Lang;
use crate::metrics::roi::{self, CostKind, RoiInput};
use crate::money::CURRENCIES;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An error thrown to JavaScript: `{ kind, message }`.
#[derive(Serialize)]
struct JsError<'a> {
    kind: &'a str,
    message: String,
}

fn error(kind: &str, message: impl Into<String>) -> JsValue {
    let e = JsError {
        kind,
        message: message.into(),
    };
    e.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| JsValue::from_str(&e.message))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error("internal", e.to_string()))
}

fn roi_input(input: JsValue) -> Result<RoiInput, JsValue> {
    serde_wasm_bindgen::from_value(input).map_err(|e| {
        error(
            "input",
            format!("the calculator's inputs cannot be read: {e}"),
        )
    })
}

/// Computes the ROI report of `input` (the JSON the README documents), in `lang`.
#[wasm_bindgen(js_name = computeRoi)]
pub fn compute_roi(input: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    to_js(&roi::compute(&roi_input(input)?, Lang::from_tag(lang)))
}

/// The same input with readable numbers as numbers and the decimal mark of `to`: call it
/// before switching the interface language.
#[wasm_bindgen(js_name = canonicalRoiInput)]
pub fn canonical_roi_input(input: JsValue, lang: &str, to: &str) -> Result<JsValue, JsValue> {
    let input = roi_input(input)?;
    to_js(&roi::canonical(
        &input,
        Lang::from_tag(lang),
        Lang::from_tag(to),
    ))
}

/// The worked example the page opens with.
#[wasm_bindgen(js_name = exampleRoiInput)]
pub fn example_roi_input(lang: &str, currency: &str) -> Result<JsValue, JsValue> {
    to_js(&roi::example(Lang::from_tag(lang), currency))
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

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
