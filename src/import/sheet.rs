//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) with calamine: every sheet is a source of its own,
//! `book.xlsx › Sheet`, its rows numbered as the spreadsheet numbers them.

use super::report::{FileKind, Issue, Problem, YearFrom};
use super::{Cell, FileProblems, Row, Source};
use crate::date::{Date, DateTime, Time};
use crate::formats::tables::Tables;
use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, Xls, Xlsx};
use std::io::Cursor;

/// Reads every sheet of the workbook `bytes` into `tables`.
pub(crate) fn read(
    kind: FileKind,
    display: &str,
    file_name: &str,
    reference: Option<(Date, YearFrom)>,
    bytes: &[u8],
    tables: &mut Tables,
    problems: &mut FileProblems,
) -> FileKind {
    let cursor = Cursor::new(bytes);
    let sheets: Result<Vec<Sheet>, String> = match kind {
        FileKind::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
        FileKind::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
        _ => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
    };
    let sheets = match sheets {
        Ok(s) => s,
        Err(detail) => {
            problems
                .errors
                .push(Problem::new(spreadsheet_issue(detail), display));
            return kind;
        }
    };
    let several = sheets.len() > 1;
    for (sheet, range) in sheets {
        let name = if several {
            format!("{display} › {sheet}")
        } else {
            display.to_string()
        };
        let range = match range {
            Ok(r) => r,
            Err(detail) => {
                problems
                    .errors
                    .push(Problem::new(spreadsheet_issue(detail), &name));
                continue;
            }
        };
        if range.is_empty() {
            if !several {
                problems
                    .warnings
                    .push(Problem::new(Issue::EmptySheet, &name));
            }
            continue;
        }
        tables.begin(Source {
            name,
            file_name: file_name.to_string(),
            reference,
            text: false,
            delimiter: None,
            encoding: None,
        });
        let (top, left) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            // Columns left of the used range are empty: keep positions as the sheet has them.
            let mut cells: Vec<Cell> = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            while cells.last().is_some_and(Cell::is_blank) {
                cells.pop();
            }
            tables.row(Row {
                line: u64::from(top) + i as u64 + 1,
                cells,
            });
        }
        tables.end();
    }
    kind
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
