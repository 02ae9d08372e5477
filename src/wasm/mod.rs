//! The WebAssembly boundary: the only module that knows about `wasm_bindgen`, `js_sys` and
//! `serde_wasm_bindgen`. One coarse call per thing the user does; plain data in and out
//! (JSON-compatible objects, `null` never `undefined`); errors thrown as `{kind, message}`.
//! One file per area of the page: `roi.rs` for the calculator, `files.rs` for the files,
//! `analysis.rs` for the analysis of those files, `contest.rs` for contests and draws.
//! Without the `full` feature only `roi.rs` is exported: that is the page's light first
//! bundle.

#[cfg(feature = "full")]
mod analysis;
#[cfg(feature = "full")]
mod contest;
#[cfg(feature = "full")]
mod files;
mod roi;

#[cfg(feature = "full")]
pub use analysis::*;
#[cfg(feature = "full")]
pub use contest::*;
#[cfg(feature = "full")]
pub use files::*;
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

/// Reads plain data from JavaScript; a wrong shape throws `{kind: "input", message}` naming
/// `what`.
pub(crate) fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| error("input", format!("{what} cannot be read: {e}")))
}

/// The core's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
