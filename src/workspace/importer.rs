//! One file pushed in chunks, read into its report and records: the [`Importer`] wires the
//! readers (`import`) to the formats' tables.
//!
//! ```
//! use social_roi::{ImportOptions, Importer};
//! let mut importer = Importer::new("Overview.csv", ImportOptions::default());
//! importer.push(b"\xEF\xBB\xBF\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n");
//! importer.push(b"\"2026-04-11\",\"1200\",\"40\",\"90\",\"-2\",\"3\"\n");
//! let imported = importer.finish();
//! let table = &imported.report.tables[0];
//! assert_eq!(table.format.id.key(), "tiktok-overview");
//! assert_eq!(imported.records[0].daily[0].views, Some(1200.0));
//! assert_eq!(imported.records[0].daily[0].comments, Some(-2.0));
//! ```

use crate::formats::mapper::RawTable;
use crate::formats::tables::Tables;
use crate::hash::Fingerprint;
use crate::import::budget::{Budget, WHOLE_BYTES};
use crate::import::ImportOptions;
use crate::import::{read_whole, sniff_kind, text_source, Context, TextReader, WholeFile};
use crate::model::Records;
use crate::schema::Counts;
use crate::schema::Field;
use crate::table::report::{FileKind, FileReport, Issue, Problem, Status};
use crate::table::FileProblems;

/// What a file is read again with: the user's mappings of its unrecognised tables, and the
/// quotes to take as characters (a stray quote that swallowed lines).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadAgain {
    /// Per table (its index in the report), a field or none per column.
    pub mappings: Vec<(usize, Vec<Option<Field>>)>,
    /// Quotes read as characters: the line each opens on and its 1-based column, as the
    /// report placed it.
    pub literal_quotes: Vec<(u64, u32)>,
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
    fingerprint: Fingerprint,
    mode: Mode,
    tables: Tables,
    problems: FileProblems,
    /// The quotes to take as characters, 0-based fields.
    literal: Vec<(u64, u32)>,
    /// A reader stopped on a panic: nothing more is read.
    failed: bool,
}

impl Importer {
    /// An importer for the file `name` (its extension and the dates in it help).
    pub fn new(name: &str, options: ImportOptions) -> Importer {
        Importer {
            name: name.to_string(),
            options,
            bytes: 0,
            fingerprint: Fingerprint::new(),
            mode: Mode::Start(Vec::new()),
            tables: Tables::new(),
            problems: FileProblems::default(),
            literal: Vec::new(),
            failed: false,
        }
    }

    /// An importer reading the file `name` again, with what `again` asks.
    pub fn again(name: &str, options: ImportOptions, again: &ReadAgain) -> Importer {
        let mut importer = Importer::new(name, options);
        importer.tables = Tables::with_mappings(again.mappings.clone());
        importer.literal = again
            .literal_quotes
            .iter()
            .map(|&(line, column)| (line, column.saturating_sub(1)))
            .collect();
        importer
    }

    /// Runs `f` on the text reader, its panic caught: the file then ends with its message.
    fn guard(&mut self, f: impl FnOnce(&mut Importer)) {
        if self.failed {
            return;
        }
        if let Err(detail) = crate::import::guard::guarded(|| f(self)) {
            self.failed = true;
            self.mode = Mode::Start(Vec::new());
            let issue = Issue::ReaderStopped { detail };
            self.problems.errors.push(Problem::new(issue, &self.name));
        }
    }

    /// Bytes pushed so far.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Reads the next `chunk`.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        self.fingerprint.write(chunk);
        self.guard(|me| me.push_inner(chunk));
    }

    fn push_inner(&mut self, chunk: &[u8]) {
        match &mut self.mode {
            Mode::Start(head) => {
                head.extend_from_slice(chunk);
                if head.len() >= 8 {
                    let head = std::mem::take(head);
                    self.decide(head);
                }
            }
            Mode::Text(reader) => reader.push(chunk, &mut self.tables, &mut self.problems),
            // Past the most read whole, bytes are counted, not kept: `read_rest` says so.
            Mode::Whole(_, all) if all.len() as u64 > WHOLE_BYTES => {}
            Mode::Whole(_, all) => all.extend_from_slice(chunk),
        }
    }

    fn decide(&mut self, head: Vec<u8>) {
        let kind = sniff_kind(&self.name, &head);
        self.mode = match kind {
            FileKind::Text | FileKind::Unknown => {
                let source = text_source(&self.name, &self.name, &[&self.name], self.options);
                let mut reader = TextReader::new(source);
                reader.take_literally(&self.literal);
                reader.push(&head, &mut self.tables, &mut self.problems);
                Mode::Text(Box::new(reader))
            }
            kind => Mode::Whole(kind, head),
        };
    }

    /// Ends the file: reads what was kept whole, and reports.
    pub fn finish(mut self) -> Imported {
        let mut kind = FileKind::Unknown;
        self.guard(|me| kind = me.read_rest());
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
            fingerprint: self.fingerprint.hex(),
            status: Status::Ok,
            truncated: self.problems.truncated,
            records: Counts::default(),
            tables: reports,
            errors: self.problems.errors,
            warnings: self.problems.warnings,
            read_again: false,
        };
        report.settle();
        Imported {
            report,
            records,
            raw,
        }
    }

    /// Reads what is left: the end of a text, or the bytes kept whole. Returns the kind of
    /// file read.
    fn read_rest(&mut self) -> FileKind {
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
        match std::mem::replace(&mut self.mode, Mode::Start(Vec::new())) {
            Mode::Start(_) => FileKind::Unknown,
            Mode::Text(reader) => {
                reader.finish(&mut self.tables, &mut self.problems);
                FileKind::Text
            }
            Mode::Whole(kind, _) if self.bytes > WHOLE_BYTES => {
                let issue = Issue::FileTooLarge {
                    bytes: self.bytes,
                    limit: WHOLE_BYTES,
                };
                self.problems.errors.push(Problem::new(issue, &self.name));
                kind
            }
            Mode::Whole(kind, bytes) => {
                let budget = Budget::new();
                let file = WholeFile {
                    kind,
                    display: &self.name,
                    file_name: &self.name,
                    names: &[&self.name],
                    reference: crate::table::reference_day(&[&self.name], self.options.today),
                    bytes: &bytes,
                    context: Context {
                        options: self.options,
                        depth: 0,
                        budget: &budget,
                    },
                };
                read_whole(&file, &mut self.tables, &mut self.problems)
            }
        }
    }
}

/// Reads a whole file (`bytes`) at once: what archives and tests use.
pub fn import_bytes(name: &str, bytes: &[u8], options: ImportOptions) -> Imported {
    let mut importer = Importer::new(name, options);
    importer.push(bytes);
    importer.finish()
}
