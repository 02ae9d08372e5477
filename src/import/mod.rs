//! Bytes to tables, pushed chunk by chunk: an [`Importer`] takes a file's bytes in any number
//! of [`push`](Importer::push)es, with chunk boundaries anywhere, and [`finish`](Importer::finish)
//! gives its report and records.
//!
//! Text files (`.csv`, `.tsv`, `.txt`) stream: [`decode`] turns bytes into text, [`csv`] text
//! into records, and the formats' [`Tables`] rows into canonical records; nothing needs the
//! whole file as one string. Spreadsheets ([`sheet`]: `.xlsx`, `.xls`, `.ods`), archives
//! ([`archive`]: `.zip`) and [`json`] need their whole bytes (they are compressed, or one
//! value): those are kept until `finish`.
//!
//! ```
//! use social_roi::import::{Importer, ImportOptions};
//! let mut importer = Importer::new("Overview.csv", ImportOptions::default());
//! importer.push(b"\xEF\xBB\xBF\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n");
//! importer.push(b"\"2026-04-11\",\"1200\",\"40\",\"90\",\"-2\",\"3\"\n");
//! let imported = importer.finish();
//! let table = &imported.report.tables[0];
//! assert_eq!(table.format.id.key(), "tiktok-overview");
//! assert_eq!(imported.records[0].daily[0].views, Some(1200.0));
//! assert_eq!(imported.records[0].daily[0].comments, Some(-2.0));
//! ```

pub mod archive;
pub mod csv;
pub mod decode;
pub mod json;
pub mod report;
pub mod sheet;

use crate::date::{Date, DateTime};
use crate::formats::mapper::{reference_day, RawTable};
use crate::formats::tables::Tables;
use crate::formats::{Counts, Records};
use decode::{Encoding, TextDecoder};
use report::{FileKind, FileReport, Issue, Problem, Status, YearFrom};
use std::borrow::Cow;

/// Decoded text gathered before the delimiter is guessed.
const SAMPLE_BYTES: usize = 64 * 1024;

/// One cell of a table, as its reader gave it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
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
    pub fn from_text(text: String) -> Cell {
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    /// The cell as text.
    pub fn text(&self) -> Cow<'_, str> {
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
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row of a table and the line (or sheet row) it comes from, 1-based.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The line of the file, or the row of the sheet.
    pub line: u64,
    /// Its cells.
    pub cells: Vec<Cell>,
}

impl Row {
    /// The filled cells joined by spaces.
    pub fn cells_text(&self) -> String {
        let parts: Vec<Cow<str>> = self
            .cells
            .iter()
            .filter(|c| !c.is_blank())
            .map(Cell::text)
            .collect();
        parts.join(" ")
    }
}

/// Where a table's rows come from.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
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

/// What an import may need from outside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Today's date, for dates that have no year when the file name gives none.
    pub today: Option<Date>,
}

/// A 64-bit FNV-1a hash, fed in pieces.
#[derive(Clone, Copy, Debug)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

impl Fnv {
    /// The empty hash.
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

/// A file, read: its report, and per table (in the report's order) its records and, for an
/// unrecognised table, its rows.
pub struct Imported {
    /// What was found.
    pub report: FileReport,
    /// Records, per table.
    pub records: Vec<Records>,
    /// Rows kept for the mapping step, per table.
    pub raw: Vec<Option<RawTable>>,
}

/// Problems and flags about a whole file (or one file of an archive).
#[derive(Debug, Default)]
pub struct FileProblems {
    /// Errors.
    pub errors: Vec<Problem>,
    /// Warnings.
    pub warnings: Vec<Problem>,
    /// The file ends early.
    pub truncated: bool,
}

enum Mode {
    /// The first bytes, until the kind of file is known.
    Start(Vec<u8>),
    /// Delimited text, streaming.
    Text(Box<TextReader>),
    /// A spreadsheet, archive or JSON, kept whole.
    Whole(FileKind, Vec<u8>),
}

/// Reads one file pushed in chunks.
pub struct Importer {
    name: String,
    options: ImportOptions,
    bytes: u64,
    fnv: Fnv,
    mode: Mode,
    tables: Tables,
    problems: FileProblems,
}

impl Importer {
    /// An importer for the file `name` (its extension and the dates in it help).
    pub fn new(name: &str, options: ImportOptions) -> Importer {
        Importer {
            name: name.to_string(),
            options,
            bytes: 0,
            fnv: Fnv::new(),
            mode: Mode::Start(Vec::new()),
            tables: Tables::new(),
            problems: FileProblems::default(),
        }
    }

    /// Bytes pushed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Reads the next `chunk`.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        self.fnv.write(chunk);
        match &mut self.mode {
            Mode::Start(head) => {
                head.extend_from_slice(chunk);
                if head.len() >= 8 {
                    let head = std::mem::take(head);
                    self.decide(head);
                }
            }
            Mode::Text(reader) => reader.push(chunk, &mut self.tables, &mut self.problems),
            Mode::Whole(_, all) => all.extend_from_slice(chunk),
        }
    }

    fn decide(&mut self, head: Vec<u8>) {
        let kind = sniff_kind(&self.name, &head);
        self.mode = match kind {
            FileKind::Text | FileKind::Unknown => {
                let source = text_source(&self.name, &self.name, &[&self.name], self.options);
                let mut reader = TextReader::new(source);
                reader.push(&head, &mut self.tables, &mut self.problems);
                Mode::Text(Box::new(reader))
            }
            kind => Mode::Whole(kind, head),
        };
    }

    /// Ends the file: reads what was kept whole, and reports.
    pub fn finish(mut self) -> Imported {
        if let Mode::Start(head) = &mut self.mode {
            let head = std::mem::take(head);
            if head.is_empty() {
                self.problems
                    .errors
                    .push(Problem::new(Issue::EmptyFile, &self.name));
            } else {
                self.decide(head);
            }
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Start(Vec::new()));
        let kind = match mode {
            Mode::Start(_) => FileKind::Unknown,
            Mode::Text(reader) => {
                reader.finish(&mut self.tables, &mut self.problems);
                FileKind::Text
            }
            Mode::Whole(kind, bytes) => {
                let ctx = Context {
                    options: self.options,
                    depth: 0,
                };
                read_whole(
                    kind,
                    &self.name,
                    &self.name,
                    &[&self.name],
                    &bytes,
                    ctx,
                    &mut self.tables,
                    &mut self.problems,
                )
            }
        };
        let tables = self.tables.into_tables();
        let mut records = Vec::with_capacity(tables.len());
        let mut raw = Vec::with_capacity(tables.len());
        let mut reports = Vec::with_capacity(tables.len());
        for t in tables {
            reports.push(t.report);
            records.push(t.records);
            raw.push(t.raw);
        }
        if reports.is_empty() && self.problems.errors.is_empty() {
            self.problems
                .errors
                .push(Problem::new(Issue::NoTable, &self.name));
        }
        let mut report = FileReport {
            name: self.name,
            kind,
            bytes: self.bytes,
            fingerprint: format!("{:016x}", self.fnv.finish()),
            status: Status::Ok,
            truncated: self.problems.truncated,
            records: Counts::default(),
            tables: reports,
            errors: self.problems.errors,
            warnings: self.problems.warnings,
        };
        report.settle();
        Imported {
            report,
            records,
            raw,
        }
    }
}

/// Reads a whole file (`bytes`) at once: what archives and tests use.
pub fn import_bytes(name: &str, bytes: &[u8], options: ImportOptions) -> Imported {
    let mut importer = Importer::new(name, options);
    importer.push(bytes);
    importer.finish()
}

/// Limits that travel down into archives.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    pub options: ImportOptions,
    pub depth: u8,
}

/// Reads bytes known whole, of any kind, into `tables`. `display` is the name reports show,
/// `file_name` the file's own name, `names` every name whose date may date it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_whole(
    kind: FileKind,
    display: &str,
    file_name: &str,
    names: &[&str],
    bytes: &[u8],
    ctx: Context,
    tables: &mut Tables,
    problems: &mut FileProblems,
) -> FileKind {
    match kind {
        FileKind::Xlsx | FileKind::Xls | FileKind::Ods => {
            let reference = reference_day(names, ctx.options.today);
            sheet::read(kind, display, file_name, reference, bytes, tables, problems)
        }
        FileKind::Zip => archive::read(display, names, bytes, ctx, tables, problems),
        FileKind::Json => {
            let reference = reference_day(names, ctx.options.today);
            json::read(display, file_name, reference, bytes, tables, problems);
            FileKind::Json
        }
        FileKind::Text | FileKind::Unknown => {
            let source = text_source(display, file_name, names, ctx.options);
            let mut reader = TextReader::new(source);
            reader.push(bytes, tables, problems);
            reader.finish(tables, problems);
            FileKind::Text
        }
    }
}

fn text_source(display: &str, file_name: &str, names: &[&str], options: ImportOptions) -> Source {
    Source {
        name: display.to_string(),
        file_name: file_name.to_string(),
        reference: reference_day(names, options.today),
        text: true,
        delimiter: None,
        encoding: None,
    }
}

/// The lower-case extension of a file name.
pub fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    }
}

/// What kind of file the first bytes and the name say it is.
pub fn sniff_kind(name: &str, head: &[u8]) -> FileKind {
    let ext = extension(name);
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return match ext.as_str() {
            "xlsx" | "xlsm" => FileKind::Xlsx,
            "ods" => FileKind::Ods,
            _ => FileKind::Zip,
        };
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return FileKind::Xls;
    }
    let first = head
        .iter()
        .copied()
        .find(|b| !(matches!(b, 0xEF | 0xBB | 0xBF) || b.is_ascii_whitespace()));
    if ext == "json"
        || (matches!(first, Some(b'{' | b'[')) && !matches!(ext.as_str(), "csv" | "tsv" | "txt"))
    {
        return FileKind::Json;
    }
    FileKind::Text
}

/// The text pipeline of one source: bytes → text → records → rows.
pub(crate) struct TextReader {
    source: Source,
    decoder: TextDecoder,
    text: String,
    /// Text held until the delimiter is guessed.
    sample: Option<String>,
    parser: Option<csv::CsvParser>,
    /// Nothing more is read: the bytes are not text.
    refused: bool,
    /// Fields of the current table's header (the first record after `#` lines).
    header_width: Option<usize>,
    last_fields: usize,
    last_line: u64,
}

impl TextReader {
    pub(crate) fn new(source: Source) -> TextReader {
        TextReader {
            source,
            decoder: TextDecoder::new(),
            text: String::new(),
            sample: Some(String::new()),
            parser: None,
            refused: false,
            header_width: None,
            last_fields: 0,
            last_line: 0,
        }
    }

    pub(crate) fn push(&mut self, bytes: &[u8], tables: &mut Tables, problems: &mut FileProblems) {
        if self.refused {
            return;
        }
        self.text.clear();
        let mut text = std::mem::take(&mut self.text);
        self.decoder.push(bytes, &mut text);
        self.feed(&text, false, tables, problems);
        self.text = text;
    }

    fn feed(&mut self, text: &str, last: bool, tables: &mut Tables, problems: &mut FileProblems) {
        if let Some(sample) = &mut self.sample {
            sample.push_str(text);
            if sample.len() < SAMPLE_BYTES && !last {
                return;
            }
            let sample = self.sample.take().unwrap_or_default();
            if let Some(issue) = refuse(&sample) {
                problems.errors.push(Problem::new(issue, &self.source.name));
                self.refused = true;
                return;
            }
            let delimiter = csv::sniff_delimiter(&sample, last).unwrap_or(csv::NO_DELIMITER);
            self.source.delimiter = Some(delimiter);
            self.source.encoding = Some(self.decoder.encoding());
            tables.begin(self.source.clone());
            self.parser = Some(csv::CsvParser::new(delimiter));
            self.parse(&sample, tables);
            return;
        }
        self.parse(text, tables);
    }

    fn parse(&mut self, text: &str, tables: &mut Tables) {
        let Some(parser) = &mut self.parser else {
            return;
        };
        let (header_width, last_fields, last_line) = (
            &mut self.header_width,
            &mut self.last_fields,
            &mut self.last_line,
        );
        parser.push(text, &mut |record: csv::Record| {
            emit(record, tables, header_width, last_fields, last_line)
        });
    }

    pub(crate) fn finish(mut self, tables: &mut Tables, problems: &mut FileProblems) {
        let mut text = String::new();
        let decoded = self.decoder.finish(&mut text);
        if self.refused {
            return;
        }
        self.feed(&text, true, tables, problems);
        if self.refused {
            return;
        }
        let name = self.source.name.clone();
        let end = match &mut self.parser {
            Some(parser) => {
                let (header_width, last_fields, last_line) = (
                    &mut self.header_width,
                    &mut self.last_fields,
                    &mut self.last_line,
                );
                parser.finish(&mut |record: csv::Record| {
                    // A last line with no end and fewer fields than its header was cut: its
                    // last value may be cut too, so it is counted, not read.
                    let width = header_width.unwrap_or(0);
                    let comment = record.fields.first().is_some_and(|f| f.starts_with('#'));
                    if !comment && width > 1 && record.fields.len() < width {
                        *last_fields = record.fields.len();
                        *last_line = record.line;
                        let row = Row {
                            line: record.line,
                            cells: record.fields.into_iter().map(Cell::from_text).collect(),
                        };
                        tables.skip_row(row, report::SkipReason::Cut);
                    } else {
                        emit(record, tables, header_width, last_fields, last_line)
                    }
                })
            }
            None => csv::End::default(),
        };
        // The encoding may have been settled late (Windows-1252 after ASCII).
        if let Some(source) = tables.source_mut() {
            source.encoding = Some(decoded.encoding);
        }
        let count = tables.end();
        tables.set_encoding_of_last(count, decoded.encoding);
        if decoded.invalid > 0 {
            let mut p = Problem::new(
                Issue::InvalidBytes {
                    count: decoded.invalid,
                },
                &name,
            );
            if let Some(line) = decoded.first_invalid_line {
                p = p.at_line(line);
            }
            problems.warnings.push(p);
        }
        if decoded.cut_in_character {
            problems.truncated = true;
            problems
                .warnings
                .push(Problem::new(Issue::CutInCharacter, &name));
        }
        if let Some(line) = end.open_quote_line {
            problems.truncated = true;
            problems
                .warnings
                .push(Problem::new(Issue::OpenQuote, &name).at_line(line));
        } else if end.unterminated {
            if let Some(width) = self.header_width {
                if self.last_fields < width && self.last_line > 0 {
                    problems.truncated = true;
                    problems.warnings.push(
                        Problem::new(
                            Issue::LastLineCut {
                                expected: width,
                                found: self.last_fields,
                            },
                            &name,
                        )
                        .at_line(self.last_line),
                    );
                }
            }
        }
    }
}

fn emit(
    record: csv::Record,
    tables: &mut Tables,
    header_width: &mut Option<usize>,
    last_fields: &mut usize,
    last_line: &mut u64,
) {
    let comment = record.fields.first().is_some_and(|f| f.starts_with('#'));
    if comment {
        *header_width = None;
    } else if header_width.is_none() {
        *header_width = Some(record.fields.len());
    }
    *last_fields = record.fields.len();
    *last_line = record.line;
    tables.row(Row {
        line: record.line,
        cells: record.fields.into_iter().map(Cell::from_text).collect(),
    });
}

/// Why text cannot be a table, if it cannot: binary bytes, or a web page.
fn refuse(sample: &str) -> Option<Issue> {
    let head = sample.trim_start();
    let lower: String = head
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<table")
        || (lower.starts_with("<?xml") && lower.contains("<html"))
    {
        return Some(Issue::Html);
    }
    let mut control = 0usize;
    let mut total = 0usize;
    for c in sample.chars().take(8192) {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            control += 1;
        }
    }
    (control > 0 && (sample.contains('\0') || control * 100 > total)).then_some(Issue::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_first_bytes() {
        assert_eq!(sniff_kind("a.xlsx", b"PK\x03\x04rest"), FileKind::Xlsx);
        assert_eq!(sniff_kind("a.zip", b"PK\x03\x04rest"), FileKind::Zip);
        assert_eq!(sniff_kind("a.ods", b"PK\x03\x04rest"), FileKind::Ods);
        assert_eq!(
            sniff_kind("a.xls", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            FileKind::Xls
        );
        // A ".xls" that is text (many exports are) reads as text.
        assert_eq!(sniff_kind("page.xls", b"Date\tViews\n"), FileKind::Text);
        assert_eq!(sniff_kind("x.json", b"  [{\"a\":1}]"), FileKind::Json);
        assert_eq!(sniff_kind("x", b"{\"a\":1}"), FileKind::Json);
        assert_eq!(sniff_kind("x.csv", b"[bracket],b"), FileKind::Text);
        assert_eq!(extension("dir/Table data.CSV"), "csv");
    }

    #[test]
    fn refused_text() {
        assert_eq!(refuse("<!DOCTYPE html><html>"), Some(Issue::Html));
        assert_eq!(refuse("a\0b"), Some(Issue::NotText));
        assert_eq!(refuse("a,b\n1,2\n"), None);
    }
}
