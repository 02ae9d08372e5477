//! The module's one export, for the worker (full-core.js registers it as the full bundle's
//! workbook reader).

use wasm_bindgen::prelude::*;

/// Reads a workbook (see [`crate::read`]): its answer's bytes, or throws why the call is wrong.
/// A trap (a reader's panic, memory) throws too: the worker then resets this module's state.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook_js(
    bytes: &[u8],
    kind: &str,
    display: &str,
    budget_left: f64,
) -> Result<Vec<u8>, JsError> {
    crate::read(bytes, kind, display, budget_left).map_err(|e| JsError::new(&e))
}
