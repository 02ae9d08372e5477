//! Bytes to rows: each reader turns a file's bytes into the rows of its tables and writes
//! them into a [`RowSink`]. Text files (`.csv`, `.tsv`, `.txt`) stream: [`decode`] turns bytes
//! into text and [`csv`] text into records, chunk by chunk, with boundaries anywhere.
//! Spreadsheets ([`sheet`]: `.xlsx`, `.xls`, `.ods`), archives ([`archive`]: `.zip`) and
//! [`json`] need their whole bytes (they are compressed, or one value): each takes a
//! [`WholeFile`], the sink and the file's problems, and [`read_whole`] picks the reader.
//!
//! The readers know nothing of the formats: `workspace` wires them to the formats' tables.

pub(crate) mod archive;
pub(crate) mod csv;
pub(crate) mod decode;
pub(crate) mod json;
pub(crate) mod sheet;

use crate::date::Date;
use crate::table::report::{FileKind, Issue, Problem, SkipReason, YearFrom};
use crate::table::{reference_day, Cell, FileProblems, Row, RowSink, Source};
use decode::TextDecoder;

/// Decoded text gathered before the delimiter is guessed.
const SAMPLE_BYTES: usize = 64 * 1024;

/// What an import may need from outside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Today's date, for dates that have no year when the file name gives none.
    pub today: Option<Date>,
}

/// What travels down into archives: the import's options, and how deep in archives a file is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    /// What the import was given.
    pub options: ImportOptions,
    /// Archives around the file (0 for a dropped file).
    pub depth: u8,
}

/// A file whose bytes are all here, and the names that show and date it: what every reader
/// of whole files takes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WholeFile<'a> {
    /// What kind of file its first bytes and its name say it is.
    pub kind: FileKind,
    /// The name reports show: `data.csv`, `Content.zip › Content.csv`.
    pub display: &'a str,
    /// The file's own name (inside its archive, if any).
    pub file_name: &'a str,
    /// Every name whose date may date it: its own, then its archives'.
    pub names: &'a [&'a str],
    /// Its bytes.
    pub bytes: &'a [u8],
    /// The options, and how deep in archives it is.
    pub context: Context,
}

impl WholeFile<'_> {
    /// The day its yearless dates are placed before, and where it came from.
    pub(crate) fn reference(&self) -> Option<(Date, YearFrom)> {
        reference_day(self.names, self.context.options.today)
    }

    /// A source of cells that are not text (a sheet, a JSON file), named `name` in reports.
    pub(crate) fn source(&self, name: String) -> Source {
        Source {
            name,
            file_name: self.file_name.to_string(),
            reference: self.reference(),
            text: false,
            delimiter: None,
            encoding: None,
        }
    }
}

/// Reads `file` into `sink`, by its kind; returns the kind it was read as (a workbook saved
/// with a `.zip` name reads as one).
pub(crate) fn read_whole(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    match file.kind {
        FileKind::Xlsx | FileKind::Xls | FileKind::Ods => sheet::read(file, sink, problems),
        FileKind::Zip => archive::read(file, sink, problems),
        FileKind::Json => {
            json::read(file, sink, problems);
            FileKind::Json
        }
        FileKind::Text | FileKind::Unknown => {
            let source = text_source(
                file.display,
                file.file_name,
                file.names,
                file.context.options,
            );
            let mut reader = TextReader::new(source);
            reader.push(file.bytes, sink, problems);
            reader.finish(sink, problems);
            FileKind::Text
        }
    }
}

/// The source of a text file (its delimiter and encoding are found as it is read).
pub(crate) fn text_source(
    display: &str,
    file_name: &str,
    names: &[&str],
    options: ImportOptions,
) -> Source {
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
pub(crate) fn extension(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((_, ext)) => ext.to_ascii_lowercase(),
        None => String::new(),
    }
}

/// What kind of file the first bytes and the name say it is.
pub(crate) fn sniff_kind(name: &str, head: &[u8]) -> FileKind {
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
    shape: Shape,
}

/// What the records so far say of the current table: its header's width and the last record.
#[derive(Debug, Default)]
struct Shape {
    /// Fields of the current table's header (the first record after `#` lines).
    header_width: Option<usize>,
    last_fields: usize,
    last_line: u64,
}

impl Shape {
    /// Writes `record` into `sink` as a row.
    fn emit(&mut self, record: csv::Record, sink: &mut dyn RowSink) {
        let comment = is_comment(&record);
        if comment {
            self.header_width = None;
        } else if self.header_width.is_none() {
            self.header_width = Some(record.fields.len());
        }
        self.last_fields = record.fields.len();
        self.last_line = record.line;
        sink.row(row_of(record));
    }

    /// Writes the last `record`, which has no line end: with fewer fields than its header it
    /// was cut, and its last value may be cut too, so it is counted, not read.
    fn emit_last(&mut self, record: csv::Record, sink: &mut dyn RowSink) {
        let width = self.header_width.unwrap_or(0);
        if !is_comment(&record) && width > 1 && record.fields.len() < width {
            self.last_fields = record.fields.len();
            self.last_line = record.line;
            sink.skip_row(row_of(record), SkipReason::Cut);
        } else {
            self.emit(record, sink);
        }
    }

    /// The warning for a last line without an end that has fewer fields than its header.
    fn last_line_cut(&self, name: &str) -> Option<Problem> {
        let width = self.header_width?;
        (self.last_fields < width && self.last_line > 0).then(|| {
            Problem::new(
                Issue::LastLineCut {
                    expected: width,
                    found: self.last_fields,
                },
                name,
            )
            .at_line(self.last_line)
        })
    }
}

/// A `#` line (a Google Analytics preamble, or a comment).
fn is_comment(record: &csv::Record) -> bool {
    record.fields.first().is_some_and(|f| f.starts_with('#'))
}

fn row_of(record: csv::Record) -> Row {
    Row {
        line: record.line,
        cells: record.fields.into_iter().map(Cell::from_text).collect(),
    }
}

impl TextReader {
    /// A reader of the text source `source`, its delimiter and encoding still to find.
    pub(crate) fn new(source: Source) -> TextReader {
        TextReader {
            source,
            decoder: TextDecoder::new(),
            text: String::new(),
            sample: Some(String::new()),
            parser: None,
            refused: false,
            shape: Shape::default(),
        }
    }

    /// Reads the next chunk of bytes.
    pub(crate) fn push(
        &mut self,
        bytes: &[u8],
        sink: &mut dyn RowSink,
        problems: &mut FileProblems,
    ) {
        if self.refused {
            return;
        }
        self.text.clear();
        let mut text = std::mem::take(&mut self.text);
        self.decoder.push(bytes, &mut text);
        self.feed(&text, false, sink, problems);
        self.text = text;
    }

    fn feed(
        &mut self,
        text: &str,
        last: bool,
        sink: &mut dyn RowSink,
        problems: &mut FileProblems,
    ) {
        if let Some(sample) = &mut self.sample {
            sample.push_str(text);
            if sample.len() < SAMPLE_BYTES && !last {
                return;
            }
            let sample = self.sample.take().unwrap_or_default();
            self.start(&sample, last, sink, problems);
            return;
        }
        self.parse(text, sink);
    }

    /// Guesses the delimiter from `sample` (the whole text if `last`), begins the source and
    /// parses the sample; or refuses text that is no table.
    fn start(
        &mut self,
        sample: &str,
        last: bool,
        sink: &mut dyn RowSink,
        problems: &mut FileProblems,
    ) {
        if let Some(issue) = refuse(sample) {
            problems.errors.push(Problem::new(issue, &self.source.name));
            self.refused = true;
            return;
        }
        let delimiter = csv::sniff_delimiter(sample, last).unwrap_or(csv::NO_DELIMITER);
        self.source.delimiter = Some(delimiter);
        self.source.encoding = Some(self.decoder.encoding());
        sink.begin(self.source.clone());
        self.parser = Some(csv::CsvParser::new(delimiter));
        self.parse(sample, sink);
    }

    fn parse(&mut self, text: &str, sink: &mut dyn RowSink) {
        let Some(parser) = &mut self.parser else {
            return;
        };
        let shape = &mut self.shape;
        parser.push(text, &mut |record: csv::Record| shape.emit(record, sink));
    }

    /// Ends the text: the last record, the source's end, and what the end says of the file
    /// (damaged bytes, a cut character, an open quote, a cut last line).
    pub(crate) fn finish(mut self, sink: &mut dyn RowSink, problems: &mut FileProblems) {
        let mut text = String::new();
        let decoded = self.decoder.finish(&mut text);
        if self.refused {
            return;
        }
        self.feed(&text, true, sink, problems);
        if self.refused {
            return;
        }
        let end = match &mut self.parser {
            Some(parser) => {
                let shape = &mut self.shape;
                parser.finish(&mut |record: csv::Record| shape.emit_last(record, sink))
            }
            None => csv::End::default(),
        };
        // The encoding may have been settled late (Windows-1252 after ASCII).
        sink.end(Some(decoded.encoding));
        self.report_end(&decoded, end, problems);
    }

    fn report_end(&self, decoded: &decode::Decoded, end: csv::End, problems: &mut FileProblems) {
        let name = &self.source.name;
        if decoded.invalid > 0 {
            let mut p = Problem::new(
                Issue::InvalidBytes {
                    count: decoded.invalid,
                },
                name,
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
                .push(Problem::new(Issue::CutInCharacter, name));
        }
        if let Some(line) = end.open_quote_line {
            problems.truncated = true;
            problems
                .warnings
                .push(Problem::new(Issue::OpenQuote, name).at_line(line));
        } else if end.unterminated {
            if let Some(p) = self.shape.last_line_cut(name) {
                problems.truncated = true;
                problems.warnings.push(p);
            }
        }
    }
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
