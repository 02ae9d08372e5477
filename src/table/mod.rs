//! The seam between the readers and the formats: a table's [`Cell`]s and rows ([`Row`],
//! [`TextRow`], both read through [`RowCells`]), the
//! [`Source`] they come from, and the [`RowSink`] every reader writes into (the formats'
//! tables implement it). [`report`] is what reading a file found, per file and per table.
//!
//! Readers (`import`) and formats both depend on this module, never on each other.

pub(crate) mod report;
mod row;

pub(crate) use row::{CellRef, Quoting, RowCells, Span, TextRow};

use crate::date::{self, Date, DateTime};
use report::{Problem, SkipReason, YearFrom};
use serde::Serialize;
use std::borrow::Cow;

/// One cell of a table, as its reader gave it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// Nothing written.
    Empty,
    /// Text (every cell of a text file).
    Text(String),
    /// A number (spreadsheets).
    Number(f64),
    /// A date (spreadsheets).
    DateTime(DateTime),
    /// A boolean (spreadsheets).
    Bool(bool),
    /// An error value (`#DIV/0!`).
    Error(String),
}

impl Cell {
    /// A text file's cell: empty when nothing is written.
    pub(crate) fn from_text(text: String) -> Cell {
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    /// The cell as text.
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(t) | Cell::Error(t) => Cow::Borrowed(t),
            Cell::Number(x) => {
                if x.fract() == 0.0 && x.abs() < 1e15 {
                    Cow::Owned(format!("{}", *x as i64))
                } else {
                    Cow::Owned(x.to_string())
                }
            }
            Cell::DateTime(d) => Cow::Owned(d.to_string()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        }
    }

    /// Whether nothing but white space is written.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row of a table and the line (or sheet row) it comes from, 1-based.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// The line of the file, or the row of the sheet.
    pub line: u64,
    /// Its cells.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The filled cells joined by spaces.
    pub(crate) fn cells_text(&self) -> String {
        let parts: Vec<Cow<str>> = self
            .cells
            .iter()
            .filter(|c| !c.is_blank())
            .map(Cell::text)
            .collect();
        parts.join(" ")
    }
}

/// The delimiter used when a file has a single column: a control character no text holds.
pub(crate) const NO_DELIMITER: u8 = 0x1f;

/// Where a table's rows come from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Source {
    /// The name reports show: `data.csv`, `book.xlsx › Metrics`, `Content.zip › Content.csv`.
    pub name: String,
    /// The file's own name (inside its archive, if any).
    pub file_name: String,
    /// The day yearless dates are placed before, and where it came from.
    pub reference: Option<(Date, YearFrom)>,
    /// Whether its cells are text (a text file): numbers then need the decimal mark.
    pub text: bool,
    /// Its delimiter (text files).
    pub delimiter: Option<u8>,
    /// Its encoding (text files).
    pub encoding: Option<Encoding>,
}

/// Where every reader writes its rows: a source begins, its rows follow (or are counted as
/// skipped), and it ends. The formats' tables implement it; tests may collect rows.
pub(crate) trait RowSink {
    /// Starts a source (a text file, a sheet, a file of an archive).
    fn begin(&mut self, source: Source);
    /// One row of the current source.
    fn row(&mut self, row: Row);
    /// One record of the current (text) source, its fields borrowed: what the text reader
    /// gives, so a sink that reads only some fields copies nothing else.
    fn text_row(&mut self, row: &TextRow<'_>) {
        self.row(row.to_row());
    }
    /// Counts a row of the current source that is not read, for `reason` (a last row cut by
    /// the end of the file).
    fn skip_row(&mut self, row: Row, reason: SkipReason);
    /// Ends the current source. `encoding` is a text source's encoding once all of it was
    /// decoded (it may settle late: Windows-1252 after ASCII).
    fn end(&mut self, encoding: Option<Encoding>);
}

/// Problems and flags about a whole file (or one file of an archive).
#[derive(Debug, Default)]
pub(crate) struct FileProblems {
    /// Errors.
    pub errors: Vec<Problem>,
    /// Warnings.
    pub warnings: Vec<Problem>,
    /// The file ends early.
    pub truncated: bool,
}

/// How a file's text was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Encoding {
    /// UTF-8 without a byte order mark.
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 with a byte order mark.
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-16, little-endian (with a byte order mark, or ASCII text showing it).
    #[serde(rename = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian.
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// Windows-1252, the superset of Latin-1 that Windows and old Excel write.
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// The name people know it by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 (BOM)",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252 (Latin-1)",
        }
    }
}

/// Where yearless dates of a source get their year: a date in its name (or its archive's),
/// else today.
pub(crate) fn reference_day(names: &[&str], today: Option<Date>) -> Option<(Date, YearFrom)> {
    names
        .iter()
        .find_map(|n| date::date_in_name(n))
        .map(|d| (d, YearFrom::FileName))
        .or_else(|| today.map(|d| (d, YearFrom::Today)))
}
