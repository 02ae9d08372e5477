//! Cells, as a sheet's reader finds them (row, column, value), into the rows a sink takes: a
//! row is written when the next one starts, columns keep the places the sheet gives them, and
//! trailing blank cells are dropped. The cells a workbook may give are counted against
//! [`SHEET_CELLS`], empty ones between filled ones included, so no reader can be made to
//! build rows without end; a column past [`SHEET_COLUMNS`] is damage.

use crate::import::budget::{SHEET_CELLS, SHEET_COLUMNS};
use crate::import::WholeFile;
use crate::table::report::Issue;
use crate::table::{Cell, Row, RowSink};

/// Why the rows of a workbook stopped.
#[derive(Debug)]
pub(super) enum Stop {
    /// The workbook's cells passed the budget.
    TooLarge,
    /// A cell past the last column.
    Column(u64),
}

impl Stop {
    /// What the report says.
    pub(super) fn issue(&self) -> Issue {
        match self {
            Stop::TooLarge => Issue::SheetTooLarge { limit: SHEET_CELLS },
            Stop::Column(column) => Issue::ColumnOutOfRange { column: *column },
        }
    }
}

/// The rows of one sheet being built.
pub(super) struct SheetRows<'s> {
    sink: &'s mut dyn RowSink,
    /// The source to begin with the first filled row (a sheet with none begins nothing).
    source: Option<crate::table::Source>,
    /// The 0-based row being built, and its cells.
    row: Option<u64>,
    cells: Vec<Cell>,
    /// Cells the workbook may still give.
    left: &'s mut u64,
}

impl<'s> SheetRows<'s> {
    /// Rows of the sheet named `name` in reports, from `file`, into `sink`; `left` is what the
    /// workbook may still give.
    pub(super) fn new(
        file: &WholeFile,
        name: String,
        sink: &'s mut dyn RowSink,
        left: &'s mut u64,
    ) -> SheetRows<'s> {
        SheetRows {
            sink,
            source: Some(file.source(name)),
            row: None,
            cells: Vec::new(),
            left,
        }
    }

    /// The cell at (`row`, `col`), both 0-based; empty cells need not be given.
    pub(super) fn cell(&mut self, row: u64, col: u64, cell: Cell) -> Result<(), Stop> {
        if col >= u64::from(SHEET_COLUMNS) {
            return Err(Stop::Column(col + 1));
        }
        if self.row != Some(row) {
            self.flush();
            self.row = Some(row);
        }
        if cell == Cell::Empty {
            return Ok(());
        }
        let col = col as usize;
        let added = (col + 1).saturating_sub(self.cells.len()) as u64;
        if added > *self.left {
            return Err(Stop::TooLarge);
        }
        *self.left -= added;
        if col >= self.cells.len() {
            self.cells.resize(col + 1, Cell::Empty);
        }
        self.cells[col] = cell;
        Ok(())
    }

    /// Writes the row being built, if it holds anything.
    fn flush(&mut self) {
        while self.cells.last().is_some_and(Cell::is_blank) {
            self.cells.pop();
        }
        let Some(row) = self.row else { return };
        if self.cells.is_empty() {
            return;
        }
        if let Some(source) = self.source.take() {
            self.sink.begin(source);
        }
        self.sink.row(Row {
            line: row + 1,
            cells: std::mem::take(&mut self.cells),
        });
    }

    /// Ends the sheet; `false` when it held no filled cell.
    pub(super) fn finish(mut self) -> bool {
        self.flush();
        if self.source.is_none() {
            self.sink.end(None);
            true
        } else {
            false
        }
    }
}
