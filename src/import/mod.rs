//! Bytes to rows: each reader turns a file's bytes into the rows of its tables and writes
//! them into a [`RowSink`]. Text files (`.csv`, `.tsv`, `.txt`) stream: [`decode`] turns bytes
//! into text and [`csv`] text into records, chunk by chunk, with boundaries anywhere.
//! Spreadsheets ([`sheet`]: `.xlsx`, `.xls`, `.ods`), archives ([`archive`]: `.zip`) and
//! [`json`] need their whole bytes (they are compressed, or one value): each takes a
//! [`WholeFile`], the sink and the file's problems, and [`read_whole`] picks the reader and
//! runs it [`guard`]ed. Every reader keeps to the bounds of [`budget`].
//!
//! The readers know nothing of the formats: `workspace` wires them to the formats' tables.

pub(crate) mod archive;
pub(crate) mod budget;
pub(crate) mod csv;
pub(crate) mod decode;
pub(crate) mod guard;
pub(crate) mod json;
pub(crate) mod scan;
#[cfg(feature = "spreadsheets")]
pub(crate) mod sheet;
mod text;
pub(crate) mod workbook;

pub(crate) use text::TextReader;

use crate::date::Date;
use crate::table::report::{FileKind, Issue, Problem, YearFrom};
use crate::table::{reference_day, FileProblems, RowSink, Source};

/// What an import may need from outside.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Today's date, for dates that have no year when the file name gives none.
    pub today: Option<Date>,
}

/// What travels down into archives: the import's options, how deep in archives a file is,
/// and what the dropped file may still unpack.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context<'a> {
    /// What the import was given.
    pub options: ImportOptions,
    /// Archives around the file (0 for a dropped file).
    pub depth: u8,
    /// The unpacking budget of the dropped file, shared by its archives and workbooks.
    pub budget: &'a budget::Budget,
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
    /// The day its yearless dates are placed before, and where it came from (from `names`
    /// and today: [`reference_day`]).
    pub reference: Option<(Date, YearFrom)>,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// The options, how deep in archives it is, what it may unpack.
    pub context: Context<'a>,
}

impl WholeFile<'_> {
    /// A source of cells that are not text (a sheet, a JSON file), named `name` in reports.
    pub(crate) fn source(&self, name: String) -> Source {
        Source {
            name,
            file_name: self.file_name.to_string(),
            reference: self.reference,
            text: false,
            delimiter: None,
            encoding: None,
        }
    }
}

/// Reads `file` into `sink`, by its kind; returns the kind it was read as (a workbook saved
/// with a `.zip` name reads as one). A reader's panic ends this file with its message.
pub(crate) fn read_whole(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    let limit = if file.kind == FileKind::Json {
        budget::JSON_BYTES
    } else {
        budget::WHOLE_BYTES
    };
    if !matches!(file.kind, FileKind::Text | FileKind::Unknown) && file.bytes.len() as u64 > limit {
        let bytes = file.bytes.len() as u64;
        let issue = Issue::FileTooLarge { bytes, limit };
        problems.errors.push(Problem::new(issue, file.display));
        return file.kind;
    }
    guard::guarded(|| read_kind(file, sink, problems)).unwrap_or_else(|detail| {
        let issue = Issue::ReaderStopped { detail };
        problems.errors.push(Problem::new(issue, file.display));
        file.kind
    })
}

/// A spreadsheet: by the reader the host registered ([`workbook`]: the page's spreadsheet
/// module), else by the readers built in (the `spreadsheets` feature); with neither, said so
/// (`needs_spreadsheet_reader`: the page then loads the module).
pub(crate) fn read_sheet(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    if let Some(reader) = workbook::registered() {
        workbook::read_with(reader, file, sink, problems);
        return file.kind;
    }
    #[cfg(feature = "spreadsheets")]
    return sheet::read(file, sink, problems);
    #[cfg(not(feature = "spreadsheets"))]
    {
        let _ = sink;
        let issue = Issue::NeedsSpreadsheetReader;
        problems.errors.push(Problem::new(issue, file.display));
        file.kind
    }
}

fn read_kind(file: &WholeFile, sink: &mut dyn RowSink, problems: &mut FileProblems) -> FileKind {
    match file.kind {
        FileKind::Xlsx | FileKind::Xls | FileKind::Ods => read_sheet(file, sink, problems),
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
}
