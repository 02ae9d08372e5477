//! The benchmark's own call (`benches/`, `scripts/bench.sh`): the raw tokenizer scan that the
//! full import path is measured against in the same page. Not used by the page.

use wasm_bindgen::prelude::*;

/// Runs the core's CSV tokenizer over `bytes` (UTF-8 text) split on `delimiter` (an ASCII
/// byte such as `0x2c` for `,`) and returns the records it counted, building no rows.
#[wasm_bindgen(js_name = scanDelimited)]
pub fn scan_delimited(bytes: &[u8], delimiter: u8) -> u32 {
    let counts = social_roi::scan_delimited(bytes, delimiter);
    u32::try_from(counts.records).unwrap_or(u32::MAX)
}
