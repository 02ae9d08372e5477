//! Bytes to rows: each reader turns a file's bytes into the rows of its tables and writes
//! them into a [`RowSink`]. Text files (`.csv`, `.tsv`, `.txt`) stream: [`decode`] turns bytes
//! into text and [`csv`] text into records, chunk by chunk, with boundaries anywhere.
//! Spreadsheets ([`sheet`]: `.xlsx`, `.xls`, `.ods`), archives ([`archive`]: `.zip`) and
//! [`json`] need their whole bytes (they are compressed, or one value).
//!
//! The readers know nothing of the formats: `workspace` wires them to the formats' tables.

pub(crate) mod archive;
pub(crate) mod csv;
pub(crate) mod decode;
pub(crate) mod json;
pub(crate) mod sheet;

use crate::date::Date;
use crate::table::report::{FileKind, Issue, Problem, SkipReason};
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

/// Limits that travel down into archives.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    pub options: ImportOptions,
    pub depth: u8,
}

/// Reads bytes known whole, of any kind, into `sink`. `display` is the name reports show,
/// `file_name` the file's own name, `names` every name whose date may date it.
#[allow(clippy::too_many_arguments)]
pub(crate) fn read_whole(
    kind: FileKind,
    display: &str,
    file_name: &str,
    names: &[&str],
    bytes: &[u8],
    ctx: Context,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    match kind {
        FileKind::Xlsx | FileKind::Xls | FileKind::Ods => {
            let reference = reference_day(names, ctx.options.today);
            sheet::read(kind, display, file_name, reference, bytes, sink, problems)
        }
        FileKind::Zip => archive::read(display, names, bytes, ctx, sink, problems),
        FileKind::Json => {
            let reference = reference_day(names, ctx.options.today);
            json::read(display, file_name, reference, bytes, sink, problems);
            FileKind::Json
        }
        FileKind::Text | FileKind::Unknown => {
            let source = text_source(display, file_name, names, ctx.options);
            let mut reader = TextReader::new(source);
            reader.push(bytes, sink, problems);
            reader.finish(sink, problems);
            FileKind::Text
        }
    }
}

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
            if let Some(issue) = refuse(&sample) {
                problems.errors.push(Problem::new(issue, &self.source.name));
                self.refused = true;
                return;
            }
            let delimiter = csv::sniff_delimiter(&sample, last).unwrap_or(csv::NO_DELIMITER);
            self.source.delimiter = Some(delimiter);
            self.source.encoding = Some(self.decoder.encoding());
            sink.begin(self.source.clone());
            self.parser = Some(csv::CsvParser::new(delimiter));
            self.parse(&sample, sink);
            return;
        }
        self.parse(text, sink);
    }

    fn parse(&mut self, text: &str, sink: &mut dyn RowSink) {
        let Some(parser) = &mut self.parser else {
            return;
        };
        let (header_width, last_fields, last_line) = (
            &mut self.header_width,
            &mut self.last_fields,
            &mut self.last_line,
        );
        parser.push(text, &mut |record: csv::Record| {
            emit(record, sink, header_width, last_fields, last_line)
        });
    }

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
                        sink.skip_row(row, SkipReason::Cut);
                    } else {
                        emit(record, sink, header_width, last_fields, last_line)
                    }
                })
            }
            None => csv::End::default(),
        };
        // The encoding may have been settled late (Windows-1252 after ASCII).
        sink.end(Some(decoded.encoding));
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
    sink: &mut dyn RowSink,
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
    sink.row(Row {
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
