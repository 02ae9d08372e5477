//! The Report tab's calls: `report` on the [`Workspace`] the Files tab filled (the period and
//! the one it is compared with, every headline figure's change, the words, the benchmark, the
//! contest with the Contest tab's comments given as its `entries`),
//! `reportFile` (the report file to save), and `readReportFile` (a saved file read back, with
//! the input of its next issue).

use super::contest::entries;
use super::{error, from_js, to_js, Workspace};
use social_roi::{read_report_file, report_with_entries, Lang, ReportFile, ReportInput};
use wasm_bindgen::prelude::*;

/// The report input from JavaScript; `null` or `undefined` for the defaults.
fn report_input(input: &JsValue) -> Result<ReportInput, JsValue> {
    if input.is_null() || input.is_undefined() {
        Ok(ReportInput::default())
    } else {
        from_js(input, "the report's input")
    }
}

#[wasm_bindgen]
impl Workspace {
    /// The report of every file read so far with `input` (docs/report.md), in `lang`;
    /// `contest_entries` are the contest's comments (as `computeContest` takes them: the
    /// Contest tab's set's entries, or null). Inputs that cannot be used are in the report's
    /// `errors`; a wrong shape throws `{kind: "input", message}`.
    pub fn report(
        &self,
        input: JsValue,
        lang: &str,
        contest_entries: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input = report_input(&input)?;
        let entries = entries(contest_entries)?;
        to_js(&report_with_entries(
            self.inner(),
            &entries,
            &input,
            Lang::from_tag(lang),
        ))
    }

    /// The report file of `input`'s report (format `social-roi-report`, version 1): the page
    /// saves `JSON.stringify(file, null, 2)`. Takes and throws as `report` does.
    #[wasm_bindgen(js_name = reportFile)]
    pub fn report_file(
        &self,
        input: JsValue,
        lang: &str,
        contest_entries: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input = report_input(&input)?;
        let entries = entries(contest_entries)?;
        let lang = Lang::from_tag(lang);
        to_js(&ReportFile::new(
            &input,
            &report_with_entries(self.inner(), &entries, &input, lang),
            lang,
        ))
    }
}

/// A saved report file's text read back: `{file, next}`, `next` the input of its next issue
/// (compared with this one). Throws `{kind: "input", message}` with the line and column.
#[wasm_bindgen(js_name = readReportFile)]
pub fn read_report(text: &str, lang: &str) -> Result<JsValue, JsValue> {
    let file = read_report_file(text, Lang::from_tag(lang)).map_err(|m| error("input", m))?;
    #[derive(serde::Serialize)]
    struct Read<'a> {
        file: &'a ReportFile,
        next: ReportInput,
    }
    to_js(&Read {
        next: file.next_issue(),
        file: &file,
    })
}
