//! What reading a file found, for the page and the command line: per file, per table, what was
//! understood, what was skipped and why, warnings and errors that point at a line and column.
//!
//! Reports are kept language-neutral ([`Issue`]s with their data, in [`issue`]) and written
//! out in a language with [`FileReport::localized`], so switching the interface language never
//! reads a file again.

mod issue;

pub use issue::Failure;
pub(crate) use issue::{counted, Issue, Why, YearFrom, FEW_LINES};

use super::Encoding;
use crate::finite::Finite;
use crate::i18n::{Lang, Text};
use crate::number::DecimalMark;
use crate::schema::{Counts, Field, FormatId, RecordKind};
use issue::quote;
use serde::{Serialize, Serializer};

/// The most problems of one kind a table keeps (the count goes on).
pub(crate) const KEEP_PROBLEMS: usize = 50;
/// The most line numbers a skipped-rows entry keeps.
pub(crate) const KEEP_LINES: usize = 20;

/// One problem, placed: which source, line and column, and what is wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    /// A stable code (`expected_number`…).
    pub code: &'static str,
    /// The file (or `archive.zip › entry.csv`, or `book.xlsx › Sheet`).
    pub source: String,
    /// The 1-based line (row of a sheet), if the problem has one.
    pub line: Option<u64>,
    /// The 1-based column, if the problem has one.
    pub column: Option<u32>,
    /// The column's name in the header.
    pub column_name: Option<String>,
    /// What was expected, in the report's language.
    pub expected: Option<String>,
    /// What was found, as written.
    pub found: Option<String>,
    /// The whole message, place first, in the report's language.
    pub message: String,
    /// What happened.
    #[serde(skip)]
    pub issue: Issue,
}

impl Problem {
    /// A problem about `source` (and its line and column when given).
    pub(crate) fn new(issue: Issue, source: &str) -> Problem {
        Problem {
            code: issue.code(),
            source: source.to_string(),
            line: None,
            column: None,
            column_name: None,
            expected: None,
            found: None,
            message: String::new(),
            issue,
        }
    }

    /// On `line`.
    pub(crate) fn at_line(mut self, line: u64) -> Problem {
        self.line = Some(line);
        self
    }

    /// In the 0-based column `index`, named `name`.
    pub(crate) fn at_column(mut self, index: usize, name: &str) -> Problem {
        self.column = u32::try_from(index + 1).ok();
        self.column_name = Some(name.to_string());
        self
    }

    /// Writes `expected` and `message` in `lang`.
    pub(crate) fn localize(&mut self, lang: Lang) {
        self.expected = self.issue.expected(lang);
        self.found = self.issue.found();
        let mut place = self.source.clone();
        if let Some(line) = self.line {
            place.push_str(&match lang {
                Lang::En => format!(", line {line}"),
                Lang::Fr => format!(", ligne {line}"),
            });
        }
        if let Some(column) = self.column {
            let name = self.column_name.as_deref().unwrap_or("");
            place.push_str(&match (lang, name.is_empty()) {
                (Lang::En, true) => format!(", column {column}"),
                (Lang::Fr, true) => format!(", colonne {column}"),
                (Lang::En, false) => format!(", column {column} ({})", quote(name, lang)),
                (Lang::Fr, false) => format!(", colonne {column} ({})", quote(name, lang)),
            });
        } else if let Some(name) = &self.column_name {
            place.push_str(&match lang {
                Lang::En => format!(", column {}", quote(name, lang)),
                Lang::Fr => format!(", colonne {}", quote(name, lang)),
            });
        }
        let colon = lang.pick(": ", "\u{a0}: ");
        self.message = format!("{place}{colon}{}", self.issue.text(lang));
    }
}

/// Why rows were not imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The description row under a legacy Facebook header.
    Description,
    /// A totals row (YouTube's `Total`, Analytics' `Grand total`): compared, not imported.
    Totals,
    /// A value could not be read (see the errors).
    BadValue,
    /// More fields than the header.
    TooManyFields,
    /// A field the record needs is blank.
    Missing,
    /// The row is cut by the end of the file.
    Cut,
    /// Per-video daily values (YouTube's `Chart data.csv`).
    PerVideoDaily,
    /// Daily totals of the sessions an earlier table of the same file lists by source.
    DailyTotals,
    /// Every cell blank.
    Blank,
}

impl SkipReason {
    /// Why, in `lang`.
    pub(crate) fn label(self, lang: Lang) -> &'static str {
        match self {
            SkipReason::Description => lang.pick(
                "description row under the header (legacy Facebook export)",
                "ligne de descriptions sous l’en-tête (ancien export Facebook)",
            ),
            SkipReason::Totals => lang.pick(
                "totals row: compared with our sums, not imported",
                "ligne de total\u{a0}: comparée à nos sommes, non importée",
            ),
            SkipReason::BadValue => lang.pick(
                "a value cannot be read (see the errors)",
                "une valeur est illisible (voir les erreurs)",
            ),
            SkipReason::TooManyFields => lang.pick(
                "more fields than the header",
                "plus de champs que l’en-tête",
            ),
            SkipReason::Missing => lang.pick(
                "a required field is blank",
                "un champ indispensable est vide",
            ),
            SkipReason::Cut => lang.pick(
                "cut short by the end of the file",
                "coupée par la fin du fichier",
            ),
            SkipReason::PerVideoDaily => lang.pick(
                "daily value of one video: checked, not imported",
                "valeur quotidienne d’une vidéo\u{a0}: vérifiée, non importée",
            ),
            SkipReason::DailyTotals => lang.pick(
                "daily totals of the sessions the table above lists by source: not counted twice",
                "totaux quotidiens des sessions que le tableau précédent détaille par source\u{a0}: pas comptées deux fois",
            ),
            SkipReason::Blank => lang.pick(
                "the columns read are all blank",
                "les colonnes lues sont toutes vides",
            ),
        }
    }
}

/// Rows not imported for one reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Skipped {
    /// Why.
    pub reason: SkipReason,
    /// Why, in the report's language.
    pub label: String,
    /// How many rows.
    pub count: u64,
    /// The first lines (at most [`KEEP_LINES`]).
    pub lines: Vec<u64>,
}

/// A column and the field it was read into.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MappedColumn {
    /// 0-based position in the header.
    pub index: usize,
    /// Its name in the header (with `(unique users)` added to a legacy Facebook twin).
    pub column: String,
    /// The field.
    pub field: Field,
    /// The field's name, in the report's language.
    pub label: String,
}

/// A column that was not read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IgnoredColumn {
    /// 0-based position in the header.
    pub index: usize,
    /// Its name in the header.
    pub column: String,
}

/// A totals row compared with the sum of the rows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TotalCheck {
    /// The column.
    pub column: String,
    /// The field it was read into.
    pub field: Field,
    /// What the file's totals row says.
    pub file_total: Finite,
    /// What the imported rows add up to.
    pub our_sum: Finite,
    /// Whether they agree (to a cent).
    pub agrees: bool,
}

/// For a table we do not recognise: what the user needs to map its columns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MappingOffer {
    /// A fingerprint of the header, to remember the user's mapping for the next such file.
    pub signature: String,
    /// The header's names (blank names as they are).
    pub header: Vec<String>,
    /// The first rows, as text.
    pub samples: Vec<Vec<String>>,
    /// A guess per column, `null` for none.
    pub suggested: Vec<Option<Field>>,
    /// The mapping applied, per column, if any.
    pub applied: Option<Vec<Option<Field>>>,
}

/// The format of a table, as reports show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FormatInfo {
    /// Its stable id.
    pub id: FormatId,
    /// What people call it, in the report's language.
    pub label: String,
    /// What people call it, in both languages.
    #[serde(skip)]
    pub names: Text,
    /// The network its records belong to (`other` for a mapped file).
    pub network: crate::model::Network,
    /// The kind of record it gives, if any.
    pub kind: Option<RecordKind>,
    /// Whether it is a follower list (Instagram's `followers_1.json`): no records, a list the
    /// contest's outcome reads.
    pub follower_list: bool,
}

/// One table read from a file: a CSV, a sheet, a file of an archive, or one of the tables of a
/// Google Analytics export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableReport {
    /// Where: `data.csv`, `book.xlsx › Metrics`, `Overview.zip › Overview.csv`.
    pub source: String,
    /// The format detected.
    pub format: FormatInfo,
    /// How its text was encoded (text files).
    pub encoding: Option<Encoding>,
    /// Its delimiter (text files): `,`, `;`, `tab`, `|`, or `none` for one column.
    pub delimiter: Option<String>,
    /// How its numbers write decimals.
    #[serde(serialize_with = "ser_mark")]
    pub decimal_mark: Option<DecimalMark>,
    /// The line of its header.
    pub header_line: Option<u64>,
    /// Data rows read below the header.
    pub rows: u64,
    /// Rows imported as records.
    pub imported: u64,
    /// The records, by kind.
    pub records: Counts,
    /// Columns read, and into which field.
    pub mapped: Vec<MappedColumn>,
    /// Columns not read.
    pub ignored: Vec<IgnoredColumn>,
    /// Rows not imported, by reason.
    pub skipped: Vec<Skipped>,
    /// Totals rows compared with our sums.
    pub totals: Vec<TotalCheck>,
    /// Errors (each skipped a row), at most [`KEEP_PROBLEMS`].
    pub errors: Vec<Problem>,
    /// How many errors in all.
    pub error_count: u64,
    /// Warnings.
    pub warnings: Vec<Problem>,
    /// For an unrecognised table: what the mapping step needs.
    pub mapping: Option<MappingOffer>,
}

fn ser_mark<S: Serializer>(mark: &Option<DecimalMark>, s: S) -> Result<S::Ok, S::Error> {
    match mark {
        Some(DecimalMark::Point) => s.serialize_some("point"),
        Some(DecimalMark::Comma) => s.serialize_some("comma"),
        _ => s.serialize_none(),
    }
}

/// What kind of file it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileKind {
    /// Delimited text (`.csv`, `.tsv`, `.txt`).
    Text,
    /// An Excel workbook.
    Xlsx,
    /// An old Excel workbook (BIFF).
    Xls,
    /// An OpenDocument spreadsheet.
    Ods,
    /// A zip archive.
    Zip,
    /// JSON.
    Json,
    /// Nothing we read.
    Unknown,
}

/// How reading a file went, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Everything imported.
    Ok,
    /// Imported, with warnings.
    Warnings,
    /// Imported, but some rows have errors.
    Errors,
    /// Nothing could be read.
    Unreadable,
    /// A table waits for the user to map its columns.
    NeedsMapping,
    /// What the user asked (a mapping of a large table, a quote taken as a character) is
    /// applied by reading the file again: push its bytes once more.
    ReadAgain,
}

/// Everything reading one file found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileReport {
    /// The file's name.
    pub name: String,
    /// What kind of file it was.
    pub kind: FileKind,
    /// Its size.
    pub bytes: u64,
    /// A fingerprint of its bytes (64-bit XXH3, hex).
    pub fingerprint: String,
    /// How it went.
    pub status: Status,
    /// The file ends early (cut short).
    pub truncated: bool,
    /// The records it gave, by kind.
    pub records: Counts,
    /// Its tables.
    pub tables: Vec<TableReport>,
    /// Problems with the whole file.
    pub errors: Vec<Problem>,
    /// Warnings about the whole file.
    pub warnings: Vec<Problem>,
    /// The file waits to be read again (see [`Status::ReadAgain`]).
    pub read_again: bool,
}

impl FileReport {
    /// Recomputes `records` and `status` from the tables and problems.
    pub(crate) fn settle(&mut self) {
        let mut counts = Counts::default();
        for t in &self.tables {
            counts.add(&t.records);
        }
        self.records = counts;
        let table_errors = self.tables.iter().any(|t| t.error_count > 0);
        let warnings =
            !self.warnings.is_empty() || self.tables.iter().any(|t| !t.warnings.is_empty());
        let waiting = self
            .tables
            .iter()
            .any(|t| t.mapping.as_ref().is_some_and(|m| m.applied.is_none()));
        let nothing = self.tables.iter().all(|t| t.rows == 0) && !waiting;
        self.status = if self.read_again {
            Status::ReadAgain
        } else if !self.errors.is_empty() && nothing {
            Status::Unreadable
        } else if table_errors || !self.errors.is_empty() {
            Status::Errors
        } else if waiting {
            Status::NeedsMapping
        } else if warnings || self.truncated {
            Status::Warnings
        } else {
            Status::Ok
        };
    }

    /// This report with every label and message in `lang`.
    pub fn localized(&self, lang: Lang) -> FileReport {
        let mut r = self.clone();
        r.errors.iter_mut().for_each(|p| p.localize(lang));
        r.warnings.iter_mut().for_each(|p| p.localize(lang));
        for t in &mut r.tables {
            t.format.label = t.format.names.get(lang).to_string();
            t.errors.iter_mut().for_each(|p| p.localize(lang));
            t.warnings.iter_mut().for_each(|p| p.localize(lang));
            for s in &mut t.skipped {
                s.label = s.reason.label(lang).to_string();
            }
            for m in &mut t.mapped {
                m.label = m.field.label(lang).to_string();
            }
        }
        r
    }

    /// Whether any table or the file has errors.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.tables.iter().any(|t| t.error_count > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_place_first() {
        let mut p = Problem::new(
            Issue::ExpectedNumber {
                found: "1.2k".into(),
            },
            "Table data.csv",
        )
        .at_line(14)
        .at_column(4, "Views");
        p.localize(Lang::En);
        assert_eq!(
            p.message,
            "Table data.csv, line 14, column 5 (\"Views\"): expected a number, found \"1.2k\""
        );
        assert_eq!(p.expected.as_deref(), Some("a number"));
        assert_eq!(p.found.as_deref(), Some("1.2k"));
        p.localize(Lang::Fr);
        assert_eq!(
            p.message,
            "Table data.csv, ligne 14, colonne 5 («\u{a0}Views\u{a0}»)\u{a0}: un nombre attendu, trouvé «\u{a0}1.2k\u{a0}»"
        );
    }
}
