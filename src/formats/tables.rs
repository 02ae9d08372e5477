//! Rows, as any reader gives them, into tables: each source's first rows are held until its
//! header is found (below a note row or a few title rows if need be) and its format known;
//! then rows stream through a [`Mapper`]. A `#` line after a Google Analytics table starts the
//! next table of the same file.

use super::detect::{detect, Probe};
use super::mapper::{Mapper, Table};
use super::{norm, Format, GENERIC};
use crate::schema::Field;
use crate::table::report::SkipReason;
use crate::table::{Cell, Encoding, Row, RowCells, RowSink, Source, TextRow};

/// Rows held before the header and format are decided.
pub(crate) const PROBE_ROWS: usize = 40;
/// How far down the header is looked for.
pub(crate) const HEADER_SEARCH: usize = 12;

enum State {
    /// Holding the first rows of a table, and the `#` lines above it.
    Probing {
        rows: Vec<Row>,
        preamble: Vec<String>,
    },
    /// Reading rows into records.
    Mapping(Box<Mapper>),
}

impl State {
    /// Holding nothing yet.
    fn empty() -> State {
        State::Probing {
            rows: Vec::new(),
            preamble: Vec::new(),
        }
    }
}

/// The sink every reader writes rows into; tables come out.
pub(crate) struct Tables {
    source: Option<Source>,
    state: State,
    /// Tables finished so far, from every source.
    done: Vec<Table>,
    /// Tables of the current source.
    in_source: usize,
    /// The user's mappings of unrecognised tables, by the table's index in the file: a
    /// file read again to apply them.
    mappings: Vec<(usize, Vec<Option<Field>>)>,
}

impl Default for Tables {
    fn default() -> Self {
        Tables::new()
    }
}

impl Tables {
    /// No tables yet.
    pub(crate) fn new() -> Tables {
        Tables {
            source: None,
            state: State::empty(),
            done: Vec::new(),
            in_source: 0,
            mappings: Vec::new(),
        }
    }

    /// Tables read with the user's `mappings` ((table index, field per column) each) for
    /// the unrecognised tables they name.
    pub(crate) fn with_mappings(mappings: Vec<(usize, Vec<Option<Field>>)>) -> Tables {
        Tables {
            mappings,
            ..Tables::new()
        }
    }

    /// The user's mapping of the table about to start, if any.
    fn mapping(&self) -> Option<&[Option<Field>]> {
        let index = self.done.len();
        self.mappings
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, m)| m.as_slice())
    }

    /// Ends the current source; returns how many tables it held.
    fn end_source(&mut self) -> usize {
        loop {
            match &mut self.state {
                State::Probing { rows, .. } if rows.is_empty() => break,
                State::Probing { .. } => self.start_table(),
                State::Mapping(_) => self.finish_table(),
            }
        }
        self.in_source
    }

    /// Every table read.
    pub(crate) fn into_tables(mut self) -> Vec<Table> {
        self.end_source();
        self.done
    }

    /// Decides the header and format from the rows held, then reads them.
    fn start_table(&mut self) {
        let State::Probing { rows, preamble } = std::mem::replace(&mut self.state, State::empty())
        else {
            return;
        };
        let Some(source) = self.source.clone() else {
            return;
        };
        let (header, format) = find_header(&rows, &source.file_name, &preamble);
        let start = header.map_or(0, |h| h + 1);
        let probe = rows.get(start..).unwrap_or(&[]);
        let header_row = header.and_then(|h| rows.get(h));
        let mut mapper = Mapper::new(source, format, header_row, probe);
        if format.id == crate::schema::FormatId::Generic {
            if let Some(mapping) = self.mapping().map(<[_]>::to_vec) {
                mapper = mapper.remapped(&mapping);
            }
        }
        let rest: Vec<Row> = rows.into_iter().skip(start).collect();
        self.state = State::Mapping(Box::new(mapper));
        for row in rest {
            self.row(row);
        }
    }

    fn finish_table(&mut self) {
        if let State::Mapping(mapper) = std::mem::replace(&mut self.state, State::empty()) {
            let mut table = mapper.finish();
            // Analytics: a by-day table after a by-source one counts the same sessions again.
            let earlier = &self.done[self.done.len() - self.in_source..];
            if table.is_traffic_by_day() && earlier.iter().any(Table::is_traffic_by_source) {
                table.drop_as_daily_totals();
            }
            if let Some(mapping) = self.mapping().map(<[_]>::to_vec) {
                if let Some(offer) = &mut table.report.mapping {
                    offer.applied = Some(mapping);
                }
            }
            self.done.push(table);
            self.in_source += 1;
        }
    }
}

impl RowSink for Tables {
    fn begin(&mut self, source: Source) {
        self.source = Some(source);
        self.in_source = 0;
        self.state = State::empty();
    }

    /// One row of the current source.
    fn row(&mut self, row: Row) {
        let comment = is_comment(&row);
        match &mut self.state {
            State::Probing { rows, preamble } => {
                if comment && rows.is_empty() {
                    preamble.push(row_text(&row));
                    return;
                }
                if rows.is_empty() && row.cells.iter().all(Cell::is_blank) {
                    return;
                }
                rows.push(row);
                if rows.len() >= PROBE_ROWS {
                    self.start_table();
                }
            }
            State::Mapping(mapper) => {
                if comment && mapper.format().id.has_preambles() {
                    self.finish_table();
                    self.state = State::Probing {
                        rows: Vec::new(),
                        preamble: vec![row_text(&row)],
                    };
                    return;
                }
                mapper.row(&row);
            }
        }
    }

    /// One record of a text source: read in place once the table is known.
    fn text_row(&mut self, row: &TextRow<'_>) {
        match &mut self.state {
            State::Mapping(mapper) if !is_comment(row) => mapper.row(row),
            _ => self.row(row.to_row()),
        }
    }

    /// Counts a row of the current source that is not read, for `reason` (a last row cut by
    /// the end of the file).
    fn skip_row(&mut self, row: Row, reason: SkipReason) {
        if let State::Probing { rows, .. } = &self.state {
            if !rows.is_empty() {
                self.start_table();
            }
        }
        match &mut self.state {
            State::Mapping(mapper) => mapper.skip_row(row.line, reason),
            // Nothing above it: it is the only row, read as it is.
            State::Probing { .. } => self.row(row),
        }
    }

    fn end(&mut self, encoding: Option<Encoding>) {
        let count = self.end_source();
        if let Some(encoding) = encoding {
            if let Some(source) = &mut self.source {
                source.encoding = Some(encoding);
            }
            let n = self.done.len();
            for t in &mut self.done[n.saturating_sub(count)..] {
                t.report.encoding = Some(encoding);
            }
        }
    }
}

/// The header of a table's first `rows` and its format: the first of the first rows that a
/// known format recognises; else the first row with two or more cells filled (a title row
/// above is left out); a one-column list has a header only if its first line reads like one.
fn find_header(
    rows: &[Row],
    file_name: &str,
    preamble: &[String],
) -> (Option<usize>, &'static Format) {
    let mut found = None;
    for (i, row) in rows.iter().take(HEADER_SEARCH).enumerate() {
        let names: Vec<String> = row.cells.iter().map(|c| norm(&c.text())).collect();
        let probe = Probe {
            names: &names,
            file_name,
            preamble,
        };
        if let Some(id) = detect(&probe) {
            found = Some((i, id));
            break;
        }
    }
    let single_column = rows
        .iter()
        .all(|r| r.cells.iter().filter(|c| !c.is_blank()).count() <= 1);
    match found {
        Some((i, id)) => (Some(i), id.format()),
        None if single_column => {
            let first = rows
                .first()
                .map(|r| norm(&r.cells_text()))
                .unwrap_or_default();
            let header = LIST_HEADERS.contains(&first.as_str()).then_some(0);
            (header, &GENERIC)
        }
        None => {
            let i = rows
                .iter()
                .take(HEADER_SEARCH)
                .position(|r| r.cells.iter().filter(|c| !c.is_blank()).count() >= 2)
                .unwrap_or(0);
            (Some(i), &GENERIC)
        }
    }
}

/// First lines that make a one-column list's header rather than its first entrant.
const LIST_HEADERS: &[&str] = &[
    "name",
    "names",
    "username",
    "usernames",
    "user",
    "handle",
    "entrant",
    "entrants",
    "participant",
    "participants",
    "author",
    "nom",
    "noms",
    "pseudo",
    "pseudos",
    "auteur",
    "comment",
    "comments",
    "commentaire",
    "commentaires",
];

/// A `#` line of a Google Analytics preamble: one filled cell starting with `#`, or a first
/// cell starting with `# ` (a preamble line that happened to hold a delimiter).
fn is_comment(row: &dyn RowCells) -> bool {
    let first = row.cell(0);
    let first = first.text();
    let first = first.trim_start();
    if !first.starts_with('#') {
        return false;
    }
    let filled = (0..row.len()).filter(|&i| !row.cell(i).is_blank()).count();
    filled == 1 || first.starts_with("# ") || first == "#"
}

fn row_text(row: &Row) -> String {
    row.cells_text()
}
