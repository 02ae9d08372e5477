//! The spreadsheet module's side: a workbook read with this build's readers into the answer
//! the parent module's head describes.

use super::WorkbookRequest;
use super::{MAGIC, SKIP_REASONS};
use crate::import::budget::Budget;
use crate::import::{Context, ImportOptions, WholeFile};
use crate::table::report::{Issue, SkipReason};
use crate::table::{Cell, Encoding, FileProblems, Row, RowSink, Source};

/// Reads the workbook `request` names with this build's readers, and answers in the form of
/// the module head: what the spreadsheet module returns to its host.
pub fn read_workbook(request: &WorkbookRequest<'_>) -> Vec<u8> {
    let budget = Budget::with_left(request.budget_left);
    let file = WholeFile {
        kind: request.kind,
        display: request.display,
        file_name: request.display,
        names: &[],
        // The host's replay names the sources again, with their reference day.
        reference: None,
        bytes: request.bytes,
        context: Context {
            options: ImportOptions::default(),
            depth: 0,
            budget: &budget,
        },
    };
    let mut recorder = Recorder(Vec::with_capacity(4096));
    recorder.0.extend_from_slice(MAGIC);
    recorder.0.extend_from_slice(&[0; 8]);
    let mut problems = FileProblems::default();
    crate::import::sheet::read(&file, &mut recorder, &mut problems);
    let mut out = recorder.0;
    out[4..12].copy_from_slice(&budget.left().to_le_bytes());
    for (tag, list) in [(4, &problems.errors), (5, &problems.warnings)] {
        for p in list {
            out.push(tag);
            put_str(&mut out, &p.source);
            put_issue(&mut out, &p.issue);
        }
    }
    out
}

/// A sink that writes what it is given as the answer's events.
struct Recorder(Vec<u8>);

impl RowSink for Recorder {
    fn begin(&mut self, source: Source) {
        self.0.push(1);
        put_str(&mut self.0, &source.name);
    }
    fn row(&mut self, row: Row) {
        self.0.push(2);
        put_row(&mut self.0, &row);
    }
    fn skip_row(&mut self, row: Row, reason: SkipReason) {
        let index = SKIP_REASONS.iter().position(|r| *r == reason).unwrap_or(0);
        self.0.extend_from_slice(&[6, index as u8]);
        put_row(&mut self.0, &row);
    }
    fn end(&mut self, _: Option<Encoding>) {
        self.0.push(3);
    }
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

fn put_row(out: &mut Vec<u8>, row: &Row) {
    out.extend_from_slice(&row.line.to_le_bytes());
    out.extend_from_slice(&(row.cells.len() as u32).to_le_bytes());
    for cell in &row.cells {
        put_cell(out, cell);
    }
}

fn put_cell(out: &mut Vec<u8>, cell: &Cell) {
    match cell {
        Cell::Empty => out.push(0),
        Cell::Text(s) => {
            out.push(1);
            put_str(out, s);
        }
        Cell::Number(n) => {
            out.push(2);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Cell::DateTime(d) => {
            out.push(3);
            out.extend_from_slice(&d.date.year().to_le_bytes());
            out.extend_from_slice(&[d.date.month(), d.date.day()]);
            match d.time {
                Some(t) => out.extend_from_slice(&[1, t.hour(), t.minute(), t.second()]),
                None => out.push(0),
            }
            match d.offset_minutes {
                Some(m) => {
                    out.push(1);
                    out.extend_from_slice(&m.to_le_bytes());
                }
                None => out.push(0),
            }
        }
        Cell::Bool(b) => out.extend_from_slice(&[4, u8::from(*b)]),
        Cell::Error(s) => {
            out.push(5);
            put_str(out, s);
        }
    }
}

/// The issues a workbook's readers raise, by tag; any other is said as a stopped reader.
fn put_issue(out: &mut Vec<u8>, issue: &Issue) {
    let (tag, number, text) = match issue {
        Issue::BadSpreadsheet { detail } => (1, None, Some(detail.as_str())),
        Issue::Encrypted => (2, None, None),
        Issue::EmptySheet => (3, None, None),
        Issue::SheetTooLarge { limit } => (4, Some(*limit), None),
        Issue::ColumnOutOfRange { column } => (5, Some(*column), None),
        Issue::UnpackBudget { limit } => (6, Some(*limit), None),
        Issue::ZipBomb { ratio } => (7, Some(*ratio), None),
        Issue::ReaderStopped { detail } => (8, None, Some(detail.as_str())),
        other => (8, None, Some(other.code())),
    };
    out.push(tag);
    if let Some(n) = number {
        out.extend_from_slice(&n.to_le_bytes());
    }
    if let Some(s) = text {
        put_str(out, s);
    }
}
