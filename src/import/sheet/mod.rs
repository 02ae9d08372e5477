//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) with calamine: every sheet is a source of its own,
//! `book.xlsx › Sheet`, its rows numbered as the spreadsheet numbers them. Before calamine
//! reads a workbook, [`compound`] checks an `.xls` container and [`limits`] the sizes any
//! workbook declares.

mod compound;
mod limits;

use super::WholeFile;
use crate::date::{Date, DateTime, Time};
use crate::table::report::{FileKind, Issue, Problem};
use crate::table::RowSink;
use crate::table::{Cell, FileProblems, Row};
use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, Xls, Xlsx};
use compound::check_compound_file;
use limits::check_sizes;
use std::io::Cursor;

/// Reads every sheet of the workbook `file` into `sink`.
pub(crate) fn read(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    let kind = file.kind;
    if let Err(detail) = check(kind, file.bytes) {
        problems
            .errors
            .push(Problem::new(Issue::BadSpreadsheet { detail }, file.display));
        return kind;
    }
    let sheets = guarded(|| open(kind, file.bytes))
        .unwrap_or_else(|| Err("the reader stopped on damaged data".to_string()));
    let sheets = match sheets {
        Ok(s) => s,
        Err(detail) => {
            problems
                .errors
                .push(Problem::new(spreadsheet_issue(detail), file.display));
            return kind;
        }
    };
    let several = sheets.len() > 1;
    for (sheet, range) in sheets {
        let name = if several {
            format!("{} › {sheet}", file.display)
        } else {
            file.display.to_string()
        };
        match range {
            Ok(range) => read_sheet(file, name, &range, several, sink, problems),
            Err(detail) => problems
                .errors
                .push(Problem::new(spreadsheet_issue(detail), &name)),
        }
    }
    kind
}

/// What is checked before calamine reads the workbook.
fn check(kind: FileKind, bytes: &[u8]) -> Result<(), String> {
    if kind == FileKind::Xls {
        check_compound_file(bytes)?;
    }
    check_sizes(kind, bytes)
}

/// Reads one sheet, named `name` in reports, as a source of its own. An empty sheet is
/// skipped, with a warning when it is the workbook's only one.
fn read_sheet(
    file: &WholeFile,
    name: String,
    range: &Range<Data>,
    several: bool,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) {
    if range.is_empty() {
        if !several {
            problems
                .warnings
                .push(Problem::new(Issue::EmptySheet, &name));
        }
        return;
    }
    sink.begin(file.source(name));
    let (top, left) = range.start().unwrap_or((0, 0));
    for (i, row) in range.rows().enumerate() {
        // Columns left of the used range are empty: keep positions as the sheet has them.
        let mut cells: Vec<Cell> = vec![Cell::Empty; left as usize];
        cells.extend(row.iter().map(cell));
        while cells.last().is_some_and(Cell::is_blank) {
            cells.pop();
        }
        sink.row(Row {
            line: u64::from(top) + i as u64 + 1,
            cells,
        });
    }
    sink.end(None);
}

fn open(kind: FileKind, bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let cursor = Cursor::new(bytes);
    match kind {
        FileKind::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
        FileKind::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
        _ => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
    }
}

/// Runs the spreadsheet reader. Natively a panic in it (a damaged file it did not expect)
/// becomes `None`; in WebAssembly, where panics abort, `check_compound_file` and the page's
/// recovery stand guard instead.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
        std::panic::set_hook(hook);
        result
    }
    #[cfg(target_arch = "wasm32")]
    {
        Some(f())
    }
}

/// A sheet's name and its cells, or what went wrong reading them.
type Sheet = (String, Result<Range<Data>, String>);

fn all_sheets<RS, R>(wb: &mut R) -> Vec<Sheet>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).map_err(|e| e.to_string());
            (name, range)
        })
        .collect()
}

fn spreadsheet_issue(detail: String) -> Issue {
    let lower = detail.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        Issue::Encrypted
    } else {
        Issue::BadSpreadsheet { detail }
    }
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::from_text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            match Date::new(i32::from(y), m, day) {
                Some(date) => Cell::DateTime(DateTime {
                    date,
                    time: ((h, min, s) != (0, 0, 0))
                        .then(|| Time::new(h, min, s))
                        .flatten(),
                    offset_minutes: None,
                }),
                None => Cell::Number(d.as_f64()),
            }
        }
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::from_text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}
