//! What reading a file found, for the page and the command line: per file, per table, what was
//! understood, what was skipped and why, warnings and errors that point at a line and column.
//!
//! Reports are kept language-neutral ([`Issue`]s with their data) and written out in a
//! language with [`FileReport::localized`], so switching the interface language never reads
//! a file again.

use super::Encoding;
use crate::finite::Finite;
use crate::i18n::{Lang, Text};
use crate::number::DecimalMark;
use crate::schema::{Counts, Field, FormatId, RecordKind};
use serde::{Serialize, Serializer};

/// The most problems of one kind a table keeps (the count goes on).
pub(crate) const KEEP_PROBLEMS: usize = 50;
/// The most line numbers a skipped-rows entry keeps.
pub(crate) const KEEP_LINES: usize = 20;

/// What happened, with what is needed to say it in either language.
#[derive(Clone, Debug, PartialEq)]
pub enum Issue {
    // -- errors about one cell or row ----------------------------------------------------
    /// A number was expected.
    ExpectedNumber {
        /// The cell as written.
        found: String,
    },
    /// A plain number was expected, not a percentage.
    UnexpectedPercent {
        /// The cell as written.
        found: String,
    },
    /// A date was expected.
    ExpectedDate {
        /// The cell as written.
        found: String,
    },
    /// A date has no year and nothing tells which.
    NoYear {
        /// The cell as written.
        found: String,
    },
    /// A row has more fields than its header.
    TooManyFields {
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A field every record of its kind needs is blank.
    Missing {
        /// The field.
        field: Field,
    },
    // -- errors about a whole file ---------------------------------------------------------
    /// The file has no bytes.
    EmptyFile,
    /// The file has a header and no rows.
    HeaderOnly,
    /// The file holds no table at all (only blank lines, or a preamble).
    NoTable,
    /// Bytes that are no text, spreadsheet, archive or JSON.
    NotText,
    /// A web page saved with a spreadsheet's name.
    Html,
    /// A spreadsheet that cannot be opened.
    BadSpreadsheet {
        /// What the reader said.
        detail: String,
    },
    /// An archive that cannot be opened.
    BadArchive {
        /// What the reader said.
        detail: String,
    },
    /// JSON that cannot be parsed.
    BadJson {
        /// What the parser said.
        detail: String,
    },
    /// JSON with no list of records in it.
    JsonShape,
    /// An archive with no file we read.
    EmptyArchive,
    /// An archive inside archives inside an archive.
    TooDeep,
    /// A file inside an archive larger than we unpack.
    TooLarge {
        /// Its size, in bytes.
        bytes: u64,
    },
    /// A password-protected file.
    Encrypted,
    // -- warnings ----------------------------------------------------------------------------
    /// The file ends inside a quoted field.
    OpenQuote,
    /// The file ends in the middle of a character.
    CutInCharacter,
    /// The last line has no end and fewer fields than the header.
    LastLineCut {
        /// Fields in the header.
        expected: usize,
        /// Fields on the last line.
        found: usize,
    },
    /// Bytes that are not UTF-8 in a UTF-8 file.
    InvalidBytes {
        /// How many damaged sequences.
        count: u64,
    },
    /// Ids Excel turned into rounded numbers.
    DamagedIds {
        /// How many.
        count: u64,
        /// The first, as written.
        example: String,
    },
    /// Dates without a year, placed in a year.
    YearAssumed {
        /// How many.
        count: u64,
        /// The first, as written.
        example: String,
        /// The reference day used.
        reference: String,
        /// Where the reference came from.
        from: YearFrom,
    },
    /// Negative values, kept.
    NegativeValues {
        /// How many.
        count: u64,
        /// The first.
        example: f64,
    },
    /// The file's totals row and our sum of the rows differ.
    TotalsDiffer {
        /// What the totals row says.
        file_total: f64,
        /// What the rows add up to.
        our_sum: f64,
        /// Whether the format's total counts more than the rows listed (YouTube's channel).
        whole_channel: bool,
    },
    /// The platform's own engagement rate differs from engagements ÷ impressions.
    RateDiffers {
        /// How many rows.
        count: u64,
    },
    /// A column name appears more than once; the first is used.
    DuplicateColumn,
    /// Rows with fewer fields than the header.
    ShortRows {
        /// How many rows.
        count: u64,
        /// Fields in the header.
        expected: usize,
    },
    /// The same bytes were added before.
    DuplicateFile {
        /// The name they were added under.
        other: String,
    },
    /// A file inside an archive we do not read (an image, a PDF…).
    SkippedEntry {
        /// Its name.
        name: String,
    },
    /// The per-video daily values of a YouTube download are not imported.
    PerVideoDaily,
    /// A spreadsheet sheet with nothing in it.
    EmptySheet,
}

/// Where the year of yearless dates came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearFrom {
    /// A date in the file's (or its archive's) name.
    FileName,
    /// Today's date.
    Today,
}

impl Issue {
    /// A stable code for programs (`expected_number`, `totals_differ`…).
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Issue::ExpectedNumber { .. } => "expected_number",
            Issue::UnexpectedPercent { .. } => "unexpected_percent",
            Issue::ExpectedDate { .. } => "expected_date",
            Issue::NoYear { .. } => "no_year",
            Issue::TooManyFields { .. } => "too_many_fields",
            Issue::Missing { .. } => "missing",
            Issue::EmptyFile => "empty_file",
            Issue::HeaderOnly => "header_only",
            Issue::NoTable => "no_table",
            Issue::NotText => "not_text",
            Issue::Html => "html",
            Issue::BadSpreadsheet { .. } => "bad_spreadsheet",
            Issue::BadArchive { .. } => "bad_archive",
            Issue::BadJson { .. } => "bad_json",
            Issue::JsonShape => "json_shape",
            Issue::EmptyArchive => "empty_archive",
            Issue::TooDeep => "too_deep",
            Issue::TooLarge { .. } => "too_large",
            Issue::Encrypted => "encrypted",
            Issue::OpenQuote => "open_quote",
            Issue::CutInCharacter => "cut_in_character",
            Issue::LastLineCut { .. } => "last_line_cut",
            Issue::InvalidBytes { .. } => "invalid_bytes",
            Issue::DamagedIds { .. } => "damaged_ids",
            Issue::YearAssumed { .. } => "year_assumed",
            Issue::NegativeValues { .. } => "negative_values",
            Issue::TotalsDiffer { .. } => "totals_differ",
            Issue::RateDiffers { .. } => "rate_differs",
            Issue::DuplicateColumn => "duplicate_column",
            Issue::ShortRows { .. } => "short_rows",
            Issue::DuplicateFile { .. } => "duplicate_file",
            Issue::SkippedEntry { .. } => "skipped_entry",
            Issue::PerVideoDaily => "per_video_daily",
            Issue::EmptySheet => "empty_sheet",
        }
    }

    /// What was expected, when the issue is about a value.
    pub(crate) fn expected(&self, lang: Lang) -> Option<String> {
        let s = match self {
            Issue::ExpectedNumber { .. } => lang.pick("a number", "un nombre"),
            Issue::UnexpectedPercent { .. } => lang.pick(
                "a number, not a percentage",
                "un nombre, pas un pourcentage",
            ),
            Issue::ExpectedDate { .. } => lang.pick(
                "a date such as 2026-07-20, 07/20/2026 or Jul 20, 2026",
                "une date comme 2026-07-20, 07/20/2026 ou 20 juil. 2026",
            ),
            Issue::NoYear { .. } => lang.pick("a date with its year", "une date avec son année"),
            Issue::TooManyFields { expected, .. } => {
                return Some(match lang {
                    Lang::En => format!("{expected} fields, as in the header"),
                    Lang::Fr => format!("{expected} champs, comme l’en-tête"),
                })
            }
            _ => return None,
        };
        Some(s.to_string())
    }

    /// What was found, when the issue is about a value.
    pub(crate) fn found(&self) -> Option<String> {
        match self {
            Issue::ExpectedNumber { found }
            | Issue::UnexpectedPercent { found }
            | Issue::ExpectedDate { found }
            | Issue::NoYear { found } => Some(found.clone()),
            Issue::TooManyFields { found, .. } => Some(found.to_string()),
            _ => None,
        }
    }

    /// The message, without its place.
    ///
    /// A flat message table, one arm per issue and language, kept whole on purpose: the
    /// English and French wording of each issue sit side by side.
    pub(crate) fn text(&self, lang: Lang) -> String {
        let q = |s: &str| quote(s, lang);
        let n = |x: f64| number(x, lang);
        match (self, lang) {
            (Issue::ExpectedNumber { found }, Lang::En) => {
                format!("expected a number, found {}", q(found))
            }
            (Issue::ExpectedNumber { found }, Lang::Fr) => {
                format!("un nombre attendu, trouvé {}", q(found))
            }
            (Issue::UnexpectedPercent { found }, Lang::En) => {
                format!("expected a number, found a percentage {}", q(found))
            }
            (Issue::UnexpectedPercent { found }, Lang::Fr) => {
                format!("un nombre attendu, trouvé un pourcentage {}", q(found))
            }
            (Issue::ExpectedDate { found }, Lang::En) => format!(
                "expected a date such as 2026-07-20, 07/20/2026 or Jul 20, 2026, found {}",
                q(found)
            ),
            (Issue::ExpectedDate { found }, Lang::Fr) => format!(
                "une date comme 2026-07-20, 07/20/2026 ou 20 juil. 2026 attendue, trouvé {}",
                q(found)
            ),
            (Issue::NoYear { found }, Lang::En) => format!(
                "the date {} has no year and neither the file name nor today’s date was given",
                q(found)
            ),
            (Issue::NoYear { found }, Lang::Fr) => format!(
                "la date {} n’a pas d’année, et ni le nom du fichier ni la date du jour ne la donnent",
                q(found)
            ),
            (Issue::TooManyFields { expected, found }, Lang::En) => format!(
                "expected {expected} fields as in the header, found {found}: the row is not imported"
            ),
            (Issue::TooManyFields { expected, found }, Lang::Fr) => format!(
                "{expected} champs attendus comme dans l’en-tête, trouvé {found}\u{a0}: la ligne n’est pas importée"
            ),
            (Issue::Missing { field }, Lang::En) => format!(
                "the field {} is blank: the row is not imported",
                q(field.label(lang))
            ),
            (Issue::Missing { field }, Lang::Fr) => format!(
                "le champ {} est vide\u{a0}: la ligne n’est pas importée",
                q(field.label(lang))
            ),
            (Issue::EmptyFile, Lang::En) => "the file is empty".into(),
            (Issue::EmptyFile, Lang::Fr) => "le fichier est vide".into(),
            (Issue::HeaderOnly, Lang::En) => "the file has a header but no rows".into(),
            (Issue::HeaderOnly, Lang::Fr) => "le fichier a un en-tête mais aucune ligne".into(),
            (Issue::NoTable, Lang::En) => "no table found: the file holds no rows".into(),
            (Issue::NoTable, Lang::Fr) => {
                "aucun tableau trouvé\u{a0}: le fichier ne contient aucune ligne".into()
            }
            (Issue::NotText, Lang::En) => "expected text (CSV), a spreadsheet (XLSX, XLS, ODS), a ZIP or JSON, found other bytes: is it an export?".into(),
            (Issue::NotText, Lang::Fr) => "du texte (CSV), un classeur (XLSX, XLS, ODS), un ZIP ou du JSON attendu, trouvé d’autres octets\u{a0}: est-ce bien un export\u{a0}?".into(),
            (Issue::Html, Lang::En) => "this is a web page (HTML), not a table: open it in a spreadsheet and save it as CSV or XLSX".into(),
            (Issue::Html, Lang::Fr) => "c’est une page web (HTML), pas un tableau\u{a0}: ouvrez-la dans un tableur et enregistrez-la en CSV ou XLSX".into(),
            (Issue::BadSpreadsheet { detail }, Lang::En) => {
                format!("the spreadsheet cannot be read ({detail}): is it damaged or cut short?")
            }
            (Issue::BadSpreadsheet { detail }, Lang::Fr) => format!(
                "le classeur ne peut pas être lu ({detail})\u{a0}: est-il abîmé ou incomplet\u{a0}?"
            ),
            (Issue::BadArchive { detail }, Lang::En) => {
                format!("the archive cannot be read ({detail}): is it damaged or cut short?")
            }
            (Issue::BadArchive { detail }, Lang::Fr) => format!(
                "l’archive ne peut pas être lue ({detail})\u{a0}: est-elle abîmée ou incomplète\u{a0}?"
            ),
            (Issue::BadJson { detail }, Lang::En) => format!("expected JSON, {detail}"),
            (Issue::BadJson { detail }, Lang::Fr) => format!("JSON attendu, {detail}"),
            (Issue::JsonShape, Lang::En) => {
                "expected a list of records (objects), found none in this JSON".into()
            }
            (Issue::JsonShape, Lang::Fr) => {
                "une liste d’enregistrements (objets) attendue, aucune dans ce JSON".into()
            }
            (Issue::EmptyArchive, Lang::En) => {
                "the archive holds no CSV, spreadsheet or JSON file".into()
            }
            (Issue::EmptyArchive, Lang::Fr) => {
                "l’archive ne contient aucun fichier CSV, classeur ou JSON".into()
            }
            (Issue::TooDeep, Lang::En) => {
                "an archive inside an archive inside an archive is not opened".into()
            }
            (Issue::TooDeep, Lang::Fr) => {
                "une archive dans une archive dans une archive n’est pas ouverte".into()
            }
            (Issue::TooLarge { bytes }, Lang::En) => format!(
                "{} once unpacked: too large to read here",
                size(*bytes, lang)
            ),
            (Issue::TooLarge { bytes }, Lang::Fr) => format!(
                "{} une fois décompressé\u{a0}: trop gros pour être lu ici",
                size(*bytes, lang)
            ),
            (Issue::Encrypted, Lang::En) => {
                "the file is protected by a password: export it again without one".into()
            }
            (Issue::Encrypted, Lang::Fr) => {
                "le fichier est protégé par un mot de passe\u{a0}: exportez-le de nouveau sans".into()
            }
            (Issue::OpenQuote, Lang::En) => "a quoted field opens here and is never closed: the file is cut short, and this last row is not imported".into(),
            (Issue::OpenQuote, Lang::Fr) => "un champ entre guillemets s’ouvre ici et n’est jamais fermé\u{a0}: le fichier est tronqué, et cette dernière ligne n’est pas importée".into(),
            (Issue::CutInCharacter, Lang::En) => {
                "the file ends in the middle of a character: it is cut short".into()
            }
            (Issue::CutInCharacter, Lang::Fr) => {
                "le fichier s’arrête au milieu d’un caractère\u{a0}: il est tronqué".into()
            }
            (Issue::LastLineCut { expected, found }, Lang::En) => format!(
                "the last line has {found} of the header’s {expected} fields and no line end: the file may be cut short"
            ),
            (Issue::LastLineCut { expected, found }, Lang::Fr) => format!(
                "la dernière ligne a {found} des {expected} champs de l’en-tête et pas de fin de ligne\u{a0}: le fichier est peut-être tronqué"
            ),
            (Issue::InvalidBytes { count }, Lang::En) => format!(
                "{} not valid UTF-8 here and after, shown as �",
                plural(*count, "sequence of bytes is", "sequences of bytes are", lang)
            ),
            (Issue::InvalidBytes { count }, Lang::Fr) => format!(
                "{} pas de l’UTF-8 valide, ici et après, affichées �",
                plural(*count, "suite d’octets n’est", "suites d’octets ne sont", lang)
            ),
            (Issue::DamagedIds { count, example }, Lang::En) => format!(
                "{} rounded by Excel (such as {}): kept as written, but they cannot be matched to the platform’s own ids",
                plural(*count, "id was", "ids were", lang),
                q(example)
            ),
            (Issue::DamagedIds { count, example }, Lang::Fr) => format!(
                "{} arrondis par Excel (comme {})\u{a0}: gardés tels quels, mais ils ne correspondent plus aux identifiants de la plateforme",
                plural(*count, "identifiant", "identifiants", lang),
                q(example)
            ),
            (Issue::YearAssumed { count, example, reference, from }, Lang::En) => format!(
                "{} no year (such as {}): each is placed in the twelve months up to {reference}, {}",
                plural(*count, "date has", "dates have", lang),
                q(example),
                match from {
                    YearFrom::FileName => "the date in the file name",
                    YearFrom::Today => "today (the file name gives no date): check the year",
                }
            ),
            (Issue::YearAssumed { count, example, reference, from }, Lang::Fr) => format!(
                "{} sans année (comme {})\u{a0}: chacune est placée dans les douze mois jusqu’au {reference}, {}",
                plural(*count, "date", "dates", lang),
                q(example),
                match from {
                    YearFrom::FileName => "la date du nom du fichier",
                    YearFrom::Today => "aujourd’hui (le nom du fichier ne donne pas de date)\u{a0}: vérifiez l’année",
                }
            ),
            (Issue::NegativeValues { count, example }, Lang::En) => format!(
                "{} (such as {}): kept, as the platform reports net changes",
                plural(*count, "negative value", "negative values", lang),
                n(*example)
            ),
            (Issue::NegativeValues { count, example }, Lang::Fr) => format!(
                "{} (comme {})\u{a0}: gardées, la plateforme donnant des variations nettes",
                plural(*count, "valeur négative", "valeurs négatives", lang),
                n(*example)
            ),
            (Issue::TotalsDiffer { file_total, our_sum, whole_channel }, Lang::En) => format!(
                "the file’s total row says {}, the rows listed add up to {}{}",
                n(*file_total),
                n(*our_sum),
                if *whole_channel {
                    ": the total counts the whole channel, videos not listed included"
                } else {
                    ""
                }
            ),
            (Issue::TotalsDiffer { file_total, our_sum, whole_channel }, Lang::Fr) => format!(
                "la ligne de total du fichier indique {}, les lignes listées font {}{}",
                n(*file_total),
                n(*our_sum),
                if *whole_channel {
                    "\u{a0}: le total compte toute la chaîne, vidéos non listées comprises"
                } else {
                    ""
                }
            ),
            (Issue::RateDiffers { count }, Lang::En) => format!(
                "on {}, the platform’s engagement rate differs from engagements ÷ impressions",
                plural(*count, "row", "rows", lang)
            ),
            (Issue::RateDiffers { count }, Lang::Fr) => format!(
                "sur {}, le taux d’engagement de la plateforme diffère de engagements ÷ impressions",
                plural(*count, "ligne", "lignes", lang)
            ),
            (Issue::DuplicateColumn, Lang::En) => {
                "this column name appears earlier in the header: the first one is used".into()
            }
            (Issue::DuplicateColumn, Lang::Fr) => {
                "ce nom de colonne apparaît plus tôt dans l’en-tête\u{a0}: la première est utilisée".into()
            }
            (Issue::ShortRows { count, expected }, Lang::En) => format!(
                "{} fewer than the header’s {expected} fields: the missing values are unknown",
                plural(*count, "row has", "rows have", lang)
            ),
            (Issue::ShortRows { count, expected }, Lang::Fr) => format!(
                "{} moins que les {expected} champs de l’en-tête\u{a0}: les valeurs manquantes sont inconnues",
                plural(*count, "ligne a", "lignes ont", lang)
            ),
            (Issue::DuplicateFile { other }, Lang::En) => format!(
                "the same content as {}, added before: its records are counted twice; remove one",
                q(other)
            ),
            (Issue::DuplicateFile { other }, Lang::Fr) => format!(
                "même contenu que {}, déjà ajouté\u{a0}: ses enregistrements comptent deux fois\u{a0}; retirez-en un",
                q(other)
            ),
            (Issue::SkippedEntry { name }, Lang::En) => {
                format!("{} is not a table: not read", q(name))
            }
            (Issue::SkippedEntry { name }, Lang::Fr) => {
                format!("{} n’est pas un tableau\u{a0}: non lu", q(name))
            }
            (Issue::PerVideoDaily, Lang::En) => "daily values per video are checked but not imported: the channel’s days come from Totals.csv and each video’s totals from Table data.csv".into(),
            (Issue::PerVideoDaily, Lang::Fr) => "les valeurs quotidiennes par vidéo sont vérifiées mais pas importées\u{a0}: les jours de la chaîne viennent de Totals.csv et les totaux de chaque vidéo de Table data.csv".into(),
            (Issue::EmptySheet, Lang::En) => "this sheet is empty".into(),
            (Issue::EmptySheet, Lang::Fr) => "cette feuille est vide".into(),
        }
    }
}

/// `"text"` in English, `« text »` in French.
pub(crate) fn quote(s: &str, lang: Lang) -> String {
    let shown: String = if s.chars().count() > 60 {
        s.chars().take(57).chain("…".chars()).collect()
    } else {
        s.to_string()
    };
    match lang {
        Lang::En => format!("\"{shown}\""),
        Lang::Fr => format!("«\u{a0}{shown}\u{a0}»"),
    }
}

/// `1,234.5` in English, `1 234,5` in French (a narrow no-break space groups thousands).
pub(crate) fn number(x: f64, lang: Lang) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded}")
    };
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int),
    };
    let (group, decimal) = match lang {
        Lang::En => (",", "."),
        Lang::Fr => ("\u{202f}", ","),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

fn plural(n: u64, one: &str, many: &str, lang: Lang) -> String {
    let count = number(n as f64, lang);
    if n == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

fn size(bytes: u64, lang: Lang) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    format!("{} {}", number(mb.round(), lang), lang.pick("MB", "Mo"))
}

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
            place.push_str(&match lang {
                Lang::En => format!(", column {column} ({})", quote(name, lang)),
                Lang::Fr => format!(", colonne {column} ({})", quote(name, lang)),
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
    /// A fingerprint of its bytes (64-bit FNV-1a, hex).
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
        self.status = if !self.errors.is_empty() && nothing {
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

    #[test]
    fn numbers_in_messages() {
        assert_eq!(number(12000.0, Lang::En), "12,000");
        assert_eq!(number(12000.0, Lang::Fr), "12\u{202f}000");
        assert_eq!(number(-1234567.5, Lang::Fr), "-1\u{202f}234\u{202f}567,5");
        assert_eq!(number(0.25, Lang::En), "0.25");
        assert_eq!(number(999.0, Lang::En), "999");
    }

    #[test]
    fn french_typography() {
        for issue in [
            Issue::Missing {
                field: Field::DailyDate,
            },
            Issue::OpenQuote,
            Issue::TooManyFields {
                expected: 3,
                found: 4,
            },
        ] {
            let t = issue.text(Lang::Fr);
            for (i, c) in t.char_indices() {
                if matches!(c, ':' | ';' | '!' | '?' | '»') {
                    assert!(t[..i].ends_with('\u{a0}'), "{t:?} at {i}");
                }
            }
            assert!(!t.contains('\''), "{t:?}");
        }
    }
}
