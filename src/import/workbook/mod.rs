//! Spreadsheets read by a module outside this build: the page's spreadsheet module
//! (crates/sheets) holds calamine, zip and the XML reader, which the full bundle leaves out, and
//! answers a workbook with the rows and problems its readers found, in the compact form below.
//! This build hands it a workbook through the [`WorkbookReader`] its host registered
//! ([`set_workbook_reader`]) and replays the answer into the same sink, so a workbook reads the
//! same either way (tests/sheet_module.rs compares them on every workbook the tests have).
//!
//! Written by hand: the form is a flat list of the sink's calls, which no format crate makes
//! smaller or simpler than a few lines each way, and the full bundle must not carry a
//! deserialiser per type for it (issue 9, "size").
//!
//! The answer, little-endian: `SRW1`, the unpacking budget left (u64), then events, each a tag
//! byte: 1 a sheet begins (its name), 2 a row (its line as u64, its cells as a u32 count and
//! each cell), 3 the sheet ends, 4 an error and 5 a warning (the source's name and the issue),
//! 6 a row skipped (its reason's index, then the row). A text is a u32 length and UTF-8; a cell
//! a tag (0 empty, 1 text, 2 number as f64, 3 a date: year i32, month, day, then 0 or 1 and
//! hour, minute, second, then 0 or 1 and an offset in minutes as i32, 4 a boolean, 5 an error
//! value's text).

#[cfg(feature = "spreadsheets")]
mod write;

#[cfg(feature = "spreadsheets")]
pub use write::read_workbook;

use super::WholeFile;
use crate::date::{Date, DateTime, Time};
use crate::table::report::{FileKind, Issue, Problem, SkipReason};
use crate::table::{Cell, FileProblems, Row, RowSink};
use std::cell::Cell as Slot;

/// What a host's reader is asked: a workbook's bytes, its kind, the name reports give it, and
/// what unpacking may still take.
#[derive(Clone, Copy, Debug)]
pub struct WorkbookRequest<'a> {
    /// The workbook's bytes.
    pub bytes: &'a [u8],
    /// `Xlsx`, `Xls` or `Ods`.
    pub kind: FileKind,
    /// The name reports show (`book.xlsx`, `Content.zip › book.xlsx`).
    pub display: &'a str,
    /// Bytes the dropped file may still unpack to.
    pub budget_left: u64,
}

/// A host's reader: `None` when it has none loaded (the file then says
/// `needs_spreadsheet_reader`), `Err` when it stopped (`None`: the module trapped, said in the
/// report's language; else what it said), or the answer of [`read_workbook`].
pub type WorkbookReader = fn(&WorkbookRequest<'_>) -> Option<Result<Vec<u8>, Option<String>>>;

thread_local! {
    static READER: Slot<Option<WorkbookReader>> = const { Slot::new(None) };
}

/// Registers (or, with `None`, removes) the reader this thread hands workbooks to. While one
/// is registered it reads every workbook, even where this build has readers of its own.
pub fn set_workbook_reader(reader: Option<WorkbookReader>) {
    READER.with(|r| r.set(reader));
}

/// The reader registered on this thread, if any.
pub(crate) fn registered() -> Option<WorkbookReader> {
    READER.with(Slot::get)
}

/// Reads `file` through `reader` into `sink`: its answer replayed, or what stopped it said.
pub(crate) fn read_with(
    reader: WorkbookReader,
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) {
    let request = WorkbookRequest {
        bytes: file.bytes,
        kind: file.kind,
        display: file.display,
        budget_left: file.context.budget.left(),
    };
    let issue = match reader(&request) {
        None => Issue::NeedsSpreadsheetReader,
        Some(Err(None)) => Issue::SheetModuleStopped,
        Some(Err(Some(detail))) => Issue::ReaderStopped { detail },
        Some(Ok(answer)) => match replay(&answer, file, sink, problems) {
            Ok(()) => return,
            Err(why) => Issue::ReaderStopped {
                detail: format!("the spreadsheet module's answer is damaged ({why})"),
            },
        },
    };
    problems.errors.push(Problem::new(issue, file.display));
}

const MAGIC: &[u8; 4] = b"SRW1";

/// Every skip reason, by the index the answer gives it.
const SKIP_REASONS: [SkipReason; 9] = [
    SkipReason::Description,
    SkipReason::Totals,
    SkipReason::BadValue,
    SkipReason::TooManyFields,
    SkipReason::Missing,
    SkipReason::Cut,
    SkipReason::PerVideoDaily,
    SkipReason::DailyTotals,
    SkipReason::Blank,
];

/// Replays an answer into `sink` and `problems`, sheets named as the answer names them; the
/// budget of `file` is left as the module left it. `Err` says where the answer is damaged.
fn replay(
    answer: &[u8],
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> Result<(), &'static str> {
    let mut r = Answer {
        bytes: answer,
        at: 0,
    };
    if r.take(4)? != MAGIC {
        return Err("no SRW1 mark");
    }
    file.context.budget.spend_to(r.u64()?);
    let mut open = false;
    while r.at < answer.len() {
        match r.u8()? {
            1 if !open => {
                open = true;
                sink.begin(file.source(r.str()?.to_string()));
            }
            2 if open => sink.row(r.row()?),
            3 if open => {
                open = false;
                sink.end(None);
            }
            4 => problems.errors.push(r.problem()?),
            5 => problems.warnings.push(r.problem()?),
            6 if open => {
                let reason = *SKIP_REASONS
                    .get(usize::from(r.u8()?))
                    .ok_or("a skip reason")?;
                sink.skip_row(r.row()?, reason);
            }
            _ => return Err("an event out of place"),
        }
    }
    if open {
        return Err("a sheet not ended");
    }
    Ok(())
}

/// An answer being read.
struct Answer<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Answer<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.bytes.len());
        let end = end.ok_or("cut short")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], &'static str> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.array::<1>()?[0])
    }
    fn u32(&mut self) -> Result<u32, &'static str> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, &'static str> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    fn str(&mut self) -> Result<&'a str, &'static str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| "a text not in UTF-8")
    }
    fn row(&mut self) -> Result<Row, &'static str> {
        let line = self.u64()?;
        let n = self.u32()? as usize;
        // Each cell takes at least a byte: a count past what is left is damage, not a size.
        if n > self.bytes.len() - self.at {
            return Err("a row's cell count");
        }
        let cells = (0..n).map(|_| self.cell()).collect::<Result<_, _>>()?;
        Ok(Row { line, cells })
    }
    fn cell(&mut self) -> Result<Cell, &'static str> {
        Ok(match self.u8()? {
            0 => Cell::Empty,
            1 => Cell::Text(self.str()?.to_string()),
            2 => Cell::Number(f64::from_le_bytes(self.array()?)),
            3 => Cell::DateTime(self.date_time()?),
            4 => Cell::Bool(self.u8()? != 0),
            5 => Cell::Error(self.str()?.to_string()),
            _ => return Err("a cell's kind"),
        })
    }
    fn date_time(&mut self) -> Result<DateTime, &'static str> {
        let year = i32::from_le_bytes(self.array()?);
        let [month, day] = self.array()?;
        let date = Date::new(year, month, day).ok_or("a date")?;
        let time = match self.u8()? {
            0 => None,
            _ => {
                let [h, m, s] = self.array()?;
                Some(Time::new(h, m, s).ok_or("a time")?)
            }
        };
        let offset_minutes = match self.u8()? {
            0 => None,
            _ => Some(i32::from_le_bytes(self.array()?)),
        };
        Ok(DateTime {
            date,
            time,
            offset_minutes,
        })
    }
    fn problem(&mut self) -> Result<Problem, &'static str> {
        let source = self.str()?;
        let issue = match self.u8()? {
            1 => Issue::BadSpreadsheet {
                detail: self.str()?.to_string(),
            },
            2 => Issue::Encrypted,
            3 => Issue::EmptySheet,
            4 => Issue::SheetTooLarge { limit: self.u64()? },
            5 => Issue::ColumnOutOfRange {
                column: self.u64()?,
            },
            6 => Issue::UnpackBudget { limit: self.u64()? },
            7 => Issue::ZipBomb { ratio: self.u64()? },
            8 => Issue::ReaderStopped {
                detail: self.str()?.to_string(),
            },
            _ => return Err("an issue's kind"),
        };
        Ok(Problem::new(issue, source))
    }
}
