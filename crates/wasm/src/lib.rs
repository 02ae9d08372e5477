//! The WebAssembly boundary: the only module that knows about `wasm_bindgen`, `js_sys` and
//! `serde_wasm_bindgen`. One coarse call per thing the user does; plain data in and out
//! (JSON-compatible objects, `null` never `undefined`); errors thrown as `{kind, message}`.
//! One file per area of the page: `roi.rs` for the calculator, `files.rs` for the files,
//! `analysis.rs` for the analysis of those files, `contest.rs` for contests and draws,
//! `report.rs` for the report, `sheets.rs` for the workbooks the spreadsheet module reads;
//! `bench.rs` holds the benchmark's raw scan.
//! Without the `full` feature only `roi.rs` is exported: that is the page's light first
//! bundle.
//!
//! Built for `wasm32` only: natively the crate is empty, so `cargo test` of the workspace
//! needs no JavaScript.
#![cfg(target_arch = "wasm32")]

#[cfg(feature = "full")]
mod analysis;
#[cfg(feature = "full")]
mod bench;
#[cfg(feature = "full")]
mod contest;
#[cfg(feature = "full")]
mod files;
#[cfg(feature = "full")]
mod report;
mod roi;
#[cfg(feature = "full")]
mod sheets;

#[cfg(feature = "full")]
pub use analysis::*;
#[cfg(feature = "full")]
pub use bench::*;
#[cfg(feature = "full")]
pub use contest::*;
#[cfg(feature = "full")]
pub use files::*;
#[cfg(feature = "full")]
pub use report::*;
pub use roi::*;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// An error thrown to JavaScript: `{ kind, message }`.
#[derive(Serialize)]
struct JsError<'a> {
    kind: &'a str,
    message: String,
}

pub(crate) fn error(kind: &str, message: impl Into<String>) -> JsValue {
    let e = JsError {
        kind,
        message: message.into(),
    };
    e.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| JsValue::from_str(&e.message))
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error("internal", e.to_string()))
}

/// Reads plain data from JavaScript through its JSON text, so an unknown key (a typo) is
/// refused exactly as the command line refuses it (`serde_wasm_bindgen` would read only the
/// keys it knows and silently drop the rest); a wrong shape throws `{kind: "input", message}`
/// naming `what`. `undefined` reads as `null`.
pub(crate) fn from_js<T: DeserializeOwned>(
    value: impl AsRef<JsValue>,
    what: &str,
) -> Result<T, JsValue> {
    let value = value.as_ref();
    let text = if value.is_undefined() {
        "null".to_string()
    } else {
        js_sys::JSON::stringify(value)
            .ok()
            .and_then(|t| t.as_string())
            .ok_or_else(|| error("input", format!("{what} cannot be read: not JSON data")))?
    };
    serde_json::from_str(&text).map_err(|e| {
        // " at line 1 column 9" is meaningless for an object in memory.
        let message = social_roi::json_message(&e);
        error("input", format!("{what} cannot be read: {message}"))
    })
}

/// The decimal mark people of `lang` type, `"comma"` or `"point"`: what the page puts in an
/// input's `decimal_mark` when nothing was typed with another.
#[wasm_bindgen(js_name = decimalMark)]
pub fn decimal_mark(lang: &str) -> Result<JsValue, JsValue> {
    to_js(&social_roi::Mark::of(social_roi::Lang::from_tag(lang)))
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
