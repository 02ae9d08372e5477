//! Workbooks handed to the page's spreadsheet module (crates/sheets, `www/pkg/sheets/`): this
//! bundle has no spreadsheet reader of its own. On start it registers with the core a reader
//! that calls `globalThis.socialRoiReadWorkbook(bytes, kind, display, budgetLeft)`, which
//! full-core.js defines: `undefined` until the module is loaded (the file then says
//! `needs_spreadsheet_reader`, and the page loads the module and reads the file again), then
//! the module's answer. What it throws ends the file as a stopped reader (`null`: the module
//! trapped; else the text it said), and this bundle goes on.

use social_roi::{set_workbook_reader, FileKind, WorkbookRequest};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = socialRoiReadWorkbook)]
    fn read_workbook(
        bytes: &[u8],
        kind: &str,
        display: &str,
        budget_left: f64,
    ) -> Result<Option<Vec<u8>>, JsValue>;
}

#[wasm_bindgen(start)]
fn start() {
    set_workbook_reader(Some(read));
}

/// The core's workbook reader: the module's answer, `None` where it is not loaded, or what it
/// threw.
fn read(request: &WorkbookRequest<'_>) -> Option<Result<Vec<u8>, Option<String>>> {
    let kind = match request.kind {
        FileKind::Xls => "xls",
        FileKind::Ods => "ods",
        _ => "xlsx",
    };
    let left = request.budget_left as f64;
    match read_workbook(request.bytes, kind, request.display, left) {
        Ok(answer) => answer.map(Ok),
        Err(thrown) => Some(Err(thrown.as_string())),
    }
}
