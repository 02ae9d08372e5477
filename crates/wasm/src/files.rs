//! The Files tab's calls: a [`Workspace`] that keeps the dropped files' records and reports in
//! Rust memory. The page pushes each file chunk by chunk (`beginFile`, `pushChunk`,
//! `finishFile`), so a big file never has to be one string; reports come back in the language
//! asked, and switching language re-renders them without reading anything again.

use super::{error, from_js, to_js};
use serde::Serialize;
use social_roi::{
    parse_date, Dataset, Date, FileReport, ImportOptions, Lang, ParsedDate, SlashOrder,
    WorkspaceError, FIELDS,
};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

/// The dropped files and the dataset they make (and, for draws, contest.rs's state: a list
/// of entries given instead of files, the draw session over the entries).
#[wasm_bindgen]
pub struct Workspace {
    pub(crate) inner: social_roi::Workspace,
    pub(crate) draws: super::contest::Draws,
}

/// A file's report with the id the page uses for it.
#[derive(Serialize)]
struct FileView {
    id: u32,
    #[serde(flatten)]
    report: FileReport,
}

fn lang_of(tag: &str) -> Lang {
    Lang::from_tag(tag)
}

fn thrown(e: WorkspaceError, lang: Lang) -> JsValue {
    error("input", e.message(lang))
}

fn parse_day(text: &str) -> Option<Date> {
    match parse_date(text, SlashOrder::MonthFirst) {
        Some(ParsedDate::Full(d)) => Some(d.date),
        _ => None,
    }
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace. `today` (`2026-11-21`, the user's local date) places dates that
    /// have no year when the file name gives none.
    #[wasm_bindgen(constructor)]
    pub fn new(today: Option<String>) -> Workspace {
        Workspace {
            inner: social_roi::Workspace::new(ImportOptions {
                today: today.as_deref().and_then(parse_day),
            }),
            draws: Default::default(),
        }
    }

    /// Starts reading the file `name`; returns its id.
    #[wasm_bindgen(js_name = beginFile)]
    pub fn begin_file(&mut self, name: &str) -> u32 {
        self.draws.forget();
        self.inner.begin(name)
    }

    /// Reads the next chunk of file `id` (a `Uint8Array`, cut anywhere).
    #[wasm_bindgen(js_name = pushChunk)]
    pub fn push_chunk(&mut self, id: u32, chunk: &[u8]) -> Result<(), JsValue> {
        self.draws.forget();
        self.inner.push(id, chunk).map_err(|e| thrown(e, Lang::En))
    }

    /// Ends file `id`; returns its report (`{id, name, status, tables, …}`) in `lang`.
    #[wasm_bindgen(js_name = finishFile)]
    pub fn finish_file(&mut self, id: u32, lang: &str) -> Result<JsValue, JsValue> {
        let lang = lang_of(lang);
        self.draws.forget();
        let report = self.inner.finish(id).map_err(|e| thrown(e, lang))?;
        to_js(&FileView {
            id,
            report: report.localized(lang),
        })
    }

    /// Removes file `id` and its records; `false` if there was none.
    #[wasm_bindgen(js_name = removeFile)]
    pub fn remove_file(&mut self, id: u32) -> bool {
        self.draws.forget();
        self.inner.remove(id)
    }

    /// Maps the columns of table `table` of file `id` (one it did not recognise): `mapping` is
    /// `{column: fieldKey}`, a column by its 0-based index or its name, a field by its key
    /// (`post.impressions`); `null` or `""` leaves a column out. Returns the file's report.
    #[wasm_bindgen(js_name = applyMapping)]
    pub fn apply_mapping(
        &mut self,
        id: u32,
        table: u32,
        mapping: JsValue,
        lang: &str,
    ) -> Result<JsValue, JsValue> {
        let lang = lang_of(lang);
        self.draws.forget();
        let map: BTreeMap<String, Option<String>> = from_js(mapping, "the mapping")?;
        let pairs: Vec<(String, String)> = map
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k, v)))
            .collect();
        let report = self
            .inner
            .apply_mapping(id, table as usize, &pairs)
            .map_err(|e| thrown(e, lang))?;
        to_js(&FileView {
            id,
            report: report.localized(lang),
        })
    }

    /// Starts reading file `id` again (its report's status said `read_again`: a large
    /// table's mapping, or a quote taken as a character): push its bytes with `pushChunk`,
    /// then `finishFile`, as for a new file.
    #[wasm_bindgen(js_name = rereadFile)]
    pub fn reread_file(&mut self, id: u32) -> Result<(), JsValue> {
        self.inner.reread(id).map_err(|e| thrown(e, Lang::En))
    }

    /// Asks that the quote opening `column` (1-based) on `line` of file `id` be read as a
    /// character, where its report placed a stray quote; returns the report (status
    /// `read_again`: read the file again with `rereadFile`).
    #[wasm_bindgen(js_name = takeQuoteLiterally)]
    pub fn take_quote_literally(
        &mut self,
        id: u32,
        line: u32,
        column: u32,
        lang: &str,
    ) -> Result<JsValue, JsValue> {
        let lang = lang_of(lang);
        let report = self
            .inner
            .take_quote_literally(id, u64::from(line), column)
            .map_err(|e| thrown(e, lang))?;
        to_js(&FileView {
            id,
            report: report.localized(lang),
        })
    }

    /// Adds the file `name` (`bytes` long) as one that could not be read: what the page's
    /// watchdog says of a file whose reader trapped (`why`: `crashed`), ran out of memory
    /// (`memory`, with `limit` bytes) or made no progress (`time`, with `limit` seconds).
    /// Returns its report (`{id, …}`, status `unreadable`).
    #[wasm_bindgen(js_name = addUnreadable)]
    pub fn add_unreadable(
        &mut self,
        name: &str,
        bytes: f64,
        why: &str,
        limit: f64,
        lang: &str,
    ) -> Result<JsValue, JsValue> {
        let lang = lang_of(lang);
        let limit = limit.max(0.0) as u64;
        let why = match why {
            "memory" => social_roi::Failure::Memory { limit },
            "time" => social_roi::Failure::Time { seconds: limit },
            _ => social_roi::Failure::Crashed,
        };
        let id = self.inner.add_unreadable(name, bytes.max(0.0) as u64, why);
        let report = self.inner.report(id).map_err(|e| thrown(e, lang))?;
        to_js(&FileView {
            id,
            report: report.localized(lang),
        })
    }

    /// Every read file's report, in the order they were added, in `lang`.
    pub fn reports(&self, lang: &str) -> Result<JsValue, JsValue> {
        let lang = lang_of(lang);
        let views: Vec<FileView> = self
            .inner
            .reports()
            .into_iter()
            .map(|(id, r)| FileView {
                id,
                report: r.localized(lang),
            })
            .collect();
        to_js(&views)
    }

    /// What the dataset holds: `{files, tables, records, groups}` (see docs/formats.md).
    pub fn totals(&self, lang: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.totals(lang_of(lang)))
    }

    /// The contest entries (comments) of every read file, in order, in the shape `prepareDraw`,
    /// `drawWinners`, `verifyDraw`, `redrawWinners` and `computeContest` take:
    /// `[{id, parent_id, author, profile, date, text, likes, origin: {file, line}}]`.
    pub fn entries(&self) -> Result<JsValue, JsValue> {
        to_js(&self.draw_entries())
    }

    /// The same entries as JSON text, which the draw and contest calls also take, and read
    /// many times faster than objects: the form for thousands of comments. (A list given with
    /// `useEntryList` replaces the files' entries in both.)
    #[wasm_bindgen(js_name = entriesJson)]
    pub fn entries_json(&self) -> Result<String, JsValue> {
        serde_json::to_string(self.draw_entries()).map_err(|e| error("internal", e.to_string()))
    }

    /// The tables records come from (`book.xlsx › Sheet`), by the index their `origin.file`
    /// (and an exclusion's `file`) names.
    pub fn sources(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.dataset().files)
    }
}

impl Workspace {
    /// The dataset, for Rust code that computes figures from it.
    pub fn dataset(&self) -> &Dataset {
        self.inner.dataset()
    }

    /// The workspace underneath.
    pub fn inner(&self) -> &social_roi::Workspace {
        &self.inner
    }
}

#[derive(Serialize)]
struct FieldView {
    key: &'static str,
    kind: &'static str,
    kind_label: &'static str,
    label: &'static str,
    value: social_roi::ValueKind,
}

/// Every network with the name the page shows for it: `[{key, name}]` (`{key: "linkedin",
/// name: "LinkedIn"}`, and `other`, no network, as a dash).
#[wasm_bindgen(js_name = networkNames)]
pub fn network_names() -> Result<JsValue, JsValue> {
    to_js(&social_roi::network_names())
}

/// The canonical fields a column can be mapped to, grouped by kind of record, in `lang`:
/// `[{key, kind, kind_label, label, value}]`.
#[wasm_bindgen(js_name = canonicalFields)]
pub fn canonical_fields(lang: &str) -> Result<JsValue, JsValue> {
    let lang = lang_of(lang);
    let fields: Vec<FieldView> = FIELDS
        .iter()
        .map(|f| FieldView {
            key: f.key(),
            kind: f.kind().key(),
            kind_label: f.kind().label(lang),
            label: f.label(lang),
            value: f.value(),
        })
        .collect();
    to_js(&fields)
}
