//! Spreadsheets (`.xlsx`, `.xls`, `.ods`): every sheet is a source of its own,
//! `book.xlsx › Sheet`, its rows numbered as the spreadsheet numbers them. `.xlsx` is read
//! with calamine's cell stream and `.xls` with calamine's sheet ranges, after [`limits`] and
//! [`compound`] checked what calamine trusts; `.ods` with our own reader ([`ods`]), since
//! calamine's loops on a cut file. Cells become rows in [`rows`], within the workbook's cell
//! budget.

mod compound;
mod limits;
mod ods;
mod records;
mod rows;
mod scan;

use super::budget::SHEET_CELLS;
use super::WholeFile;
use crate::date::{Date, DateTime, Time};
use crate::table::report::{FileKind, Issue, Problem};
use crate::table::RowSink;
use crate::table::{Cell, FileProblems};
use calamine::{open_workbook_from_rs, Data, Reader, Xls, Xlsx};
use compound::check_compound_file;
use rows::SheetRows;
use std::io::Cursor;

/// Reads every sheet of the workbook `file` into `sink`.
pub(crate) fn read(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    let mut left = SHEET_CELLS;
    let result = match file.kind {
        FileKind::Ods => ods::read(file, sink, problems, &mut left),
        FileKind::Xls => read_xls(file, sink, problems, &mut left),
        _ => read_xlsx(file, sink, problems, &mut left),
    };
    if let Err(issue) = result {
        problems.errors.push(Problem::new(issue, file.display));
    }
    file.kind
}

/// The name reports give the sheet `sheet` of a workbook with `several` sheets.
fn sheet_name(file: &WholeFile, sheet: &str, several: bool) -> String {
    if several {
        format!("{} › {sheet}", file.display)
    } else {
        file.display.to_string()
    }
}

/// An `.xlsx` workbook, sheet by sheet, cell by cell as calamine streams them.
fn read_xlsx(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
    left: &mut u64,
) -> Result<(), Issue> {
    limits::check_xlsx(file.bytes, file.context.budget)?;
    let mut wb = open_workbook_from_rs::<Xlsx<_>, _>(Cursor::new(file.bytes))
        .map_err(|e| spreadsheet_issue(e.to_string()))?;
    let names = wb.sheet_names();
    let several = names.len() > 1;
    for sheet in names {
        let name = sheet_name(file, &sheet, several);
        let mut cells = match wb.worksheet_cells_reader(&sheet) {
            Ok(c) => c,
            Err(e) => {
                let issue = spreadsheet_issue(e.to_string());
                problems.errors.push(Problem::new(issue, &name));
                continue;
            }
        };
        let mut rows = SheetRows::new(file, name.clone(), &mut *sink, &mut *left);
        let stopped = loop {
            match cells.next_cell() {
                Ok(Some(c)) => {
                    let (row, col) = c.get_position();
                    let value = cell(&Data::from(c.get_value().clone()));
                    if let Err(stop) = rows.cell(u64::from(row), u64::from(col), value) {
                        break Some(stop.issue());
                    }
                }
                Ok(None) => break None,
                Err(e) => break Some(spreadsheet_issue(e.to_string())),
            }
        };
        end_sheet(rows, stopped, &name, several, problems);
    }
    Ok(())
}

/// Ends a sheet's rows: what stopped it is an error; an empty only sheet a warning.
fn end_sheet(
    rows: SheetRows,
    stopped: Option<Issue>,
    name: &str,
    several: bool,
    problems: &mut FileProblems,
) {
    let filled = rows.finish();
    match stopped {
        Some(issue) => problems.errors.push(Problem::new(issue, name)),
        None if !filled && !several => {
            problems
                .warnings
                .push(Problem::new(Issue::EmptySheet, name));
        }
        None => {}
    }
}

/// An `.xls` workbook: its compound file and records checked, then each sheet's range.
fn read_xls(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
    left: &mut u64,
) -> Result<(), Issue> {
    check_compound_file(file.bytes).map_err(|detail| Issue::BadSpreadsheet { detail })?;
    let mut wb = open_workbook_from_rs::<Xls<_>, _>(Cursor::new(file.bytes))
        .map_err(|e| spreadsheet_issue(e.to_string()))?;
    let names = wb.sheet_names();
    let several = names.len() > 1;
    for sheet in names {
        let name = sheet_name(file, &sheet, several);
        let range = match wb.worksheet_range(&sheet) {
            Ok(r) => r,
            Err(e) => {
                let issue = spreadsheet_issue(e.to_string());
                problems.errors.push(Problem::new(issue, &name));
                continue;
            }
        };
        let (top, left_col) = range.start().unwrap_or((0, 0));
        let mut rows = SheetRows::new(file, name.clone(), &mut *sink, &mut *left);
        let mut stopped = None;
        'rows: for (i, row) in range.rows().enumerate() {
            for (j, data) in row.iter().enumerate() {
                let (r, c) = (u64::from(top) + i as u64, u64::from(left_col) + j as u64);
                if let Err(stop) = rows.cell(r, c, cell(data)) {
                    stopped = Some(stop.issue());
                    break 'rows;
                }
            }
        }
        end_sheet(rows, stopped, &name, several, problems);
    }
    Ok(())
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
