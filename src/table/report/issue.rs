//! What can go wrong (or be worth saying) about a file, a table or a row: each [`Issue`] with
//! the data its message needs, and the message in English and French. Reports keep issues,
//! and write them out in a language only when asked.

use crate::i18n::Lang;
use crate::schema::{Field, RecordKind};
use serde::Serialize;

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
    /// A reader stopped on data it did not expect (its panic, caught): the file is damaged.
    ReaderStopped {
        /// What the reader said.
        detail: String,
    },
    /// The page's spreadsheet module stopped (a trap: a reader's panic, its memory spent) on
    /// this workbook: the file is damaged (or too large for the module).
    SheetModuleStopped,
    /// The file could not be read at all: its reader crashed, ran out of its memory or made
    /// no progress (said by the command line's or the page's watchdog).
    ReadFailed {
        /// What happened.
        why: Failure,
    },
    /// Unpacking the file (its archives and workbooks together) would pass the budget.
    UnpackBudget {
        /// The budget, in bytes.
        limit: u64,
    },
    /// An entry unpacks to far more than its packed size: a zip bomb.
    ZipBomb {
        /// The most times its packed size an entry may unpack to.
        ratio: u64,
    },
    /// A file read whole (a workbook, an archive, JSON) larger than we read.
    FileTooLarge {
        /// Its size, in bytes.
        bytes: u64,
        /// The most read here, in bytes.
        limit: u64,
    },
    /// A workbook with more cells than we read.
    SheetTooLarge {
        /// The most cells read.
        limit: u64,
    },
    /// A cell past the last column a sheet may have.
    ColumnOutOfRange {
        /// Its column, 1-based.
        column: u64,
    },
    /// A line (a record) longer than we read: no table, or a quote that never closes.
    LineTooLong {
        /// The most bytes a record may have.
        limit: u64,
        /// The record is one quoted field that never closed, opened in this column.
        quote_column: Option<u32>,
    },
    /// A record with more fields than we read.
    TooManyColumns {
        /// The most fields a record may have.
        limit: usize,
    },
    /// An archive with more entries than we read.
    TooManyEntries {
        /// Its entries.
        count: usize,
        /// Those read.
        limit: usize,
    },
    // -- warnings ----------------------------------------------------------------------------
    /// The file ends inside a quoted field, opened here.
    OpenQuote {
        /// The lines from the quote to the end of the file, read as one value.
        lines: u64,
    },
    /// A quoted field that runs over many lines that read like records: a stray quote.
    QuoteSwallowed {
        /// The lines the quoted value takes, after the one it opens on.
        lines: u64,
    },
    /// Control characters (NUL…) in the text.
    ControlCharacters {
        /// How many.
        count: u64,
    },
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
    /// Values written as a placeholder for "not counted yet" (TikTok's `undefined`, `--`).
    NotCountedYet {
        /// How many cells.
        count: u64,
        /// The first, as written.
        example: String,
    },
    /// A spreadsheet, in a build without the spreadsheet readers (the page's full bundle:
    /// it then loads the one that has them, and reads the file again).
    NeedsSpreadsheetReader,
    /// Records this table shares with another: each counted once.
    Overlap {
        /// Their kind.
        kind: RecordKind,
        /// How many.
        count: u64,
        /// The other table.
        other: String,
        /// Whether this table's values are those counted.
        ours: bool,
        /// Why those values.
        why: Why,
    },
    /// Records listed more than once in this table: each counted once.
    Repeated {
        /// Their kind.
        kind: RecordKind,
        /// How many lines were set aside.
        count: u64,
        /// The first of those lines.
        lines: Vec<u64>,
        /// Why the values counted were chosen.
        why: Why,
    },
}

/// Why, of two copies of one record, one counts rather than the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Why {
    /// Its export's period ends later.
    LaterExport,
    /// The same period: its values are larger (lifetime counters only grow).
    LargerValues,
    /// The same values: the one added (or listed) later counts.
    SameValues,
}

/// Why a file could not be read at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Failure {
    /// Its reader crashed.
    Crashed,
    /// Its reader needed more memory than it is given.
    Memory {
        /// The memory it is given, in bytes.
        limit: u64,
    },
    /// Its reader made no progress for this long.
    Time {
        /// Seconds.
        seconds: u64,
    },
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
            Issue::ReaderStopped { .. } | Issue::SheetModuleStopped => "reader_stopped",
            Issue::ReadFailed { .. } => "read_failed",
            Issue::UnpackBudget { .. } => "unpack_budget",
            Issue::ZipBomb { .. } => "zip_bomb",
            Issue::FileTooLarge { .. } => "file_too_large",
            Issue::SheetTooLarge { .. } => "sheet_too_large",
            Issue::ColumnOutOfRange { .. } => "column_out_of_range",
            Issue::LineTooLong { .. } => "line_too_long",
            Issue::TooManyColumns { .. } => "too_many_columns",
            Issue::TooManyEntries { .. } => "too_many_entries",
            Issue::OpenQuote { .. } => "open_quote",
            Issue::QuoteSwallowed { .. } => "quote_swallowed",
            Issue::ControlCharacters { .. } => "control_characters",
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
            Issue::NotCountedYet { .. } => "not_counted_yet",
            Issue::NeedsSpreadsheetReader => "needs_spreadsheet_reader",
            Issue::Overlap { .. } => "overlap",
            Issue::Repeated { .. } => "repeated",
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
            (Issue::OpenQuote { lines }, Lang::En) if *lines > FEW_LINES => format!(
                "a quote opens this field and never closes: the {} after it were read as one value and are not imported. A stray quote? Read the file again with this quote taken as a character",
                plural(*lines, "line", "lines", lang)
            ),
            (Issue::OpenQuote { lines }, Lang::Fr) if *lines > FEW_LINES => format!(
                "un guillemet ouvre ce champ et ne se ferme jamais\u{a0}: les {} suivantes ont été lues comme une seule valeur et ne sont pas importées. Un guillemet égaré\u{a0}? Relisez le fichier en prenant ce guillemet comme un caractère",
                plural(*lines, "ligne", "lignes", lang)
            ),
            (Issue::OpenQuote { .. }, Lang::En) => "a quoted field opens here and is never closed: the file is cut short, and this last row is not imported".into(),
            (Issue::OpenQuote { .. }, Lang::Fr) => "un champ entre guillemets s’ouvre ici et n’est jamais fermé\u{a0}: le fichier est tronqué, et cette dernière ligne n’est pas importée".into(),
            (Issue::QuoteSwallowed { lines }, Lang::En) => format!(
                "a quote opens this field and closes only {} further down, which read like rows: they were read as one value. A stray quote? Read the file again with this quote taken as a character",
                plural(*lines, "line", "lines", lang)
            ),
            (Issue::QuoteSwallowed { lines }, Lang::Fr) => format!(
                "un guillemet ouvre ce champ et ne se ferme que {} plus bas, qui ressemblent à des lignes du tableau\u{a0}: elles ont été lues comme une seule valeur. Un guillemet égaré\u{a0}? Relisez le fichier en prenant ce guillemet comme un caractère",
                plural(*lines, "ligne", "lignes", lang)
            ),
            (Issue::ControlCharacters { count }, Lang::En) => format!(
                "{} (such as NUL) in the text, the first here: the values holding them are damaged, check them",
                plural(*count, "control character", "control characters", lang)
            ),
            (Issue::ControlCharacters { count }, Lang::Fr) => format!(
                "{} (comme NUL) dans le texte, le premier ici\u{a0}: les valeurs qui les contiennent sont abîmées, vérifiez-les",
                plural(*count, "caractère de contrôle", "caractères de contrôle", lang)
            ),
            (Issue::SheetModuleStopped, Lang::En) => "the spreadsheet reader stopped on data it did not expect: the file is damaged; export it again".into(),
            (Issue::SheetModuleStopped, Lang::Fr) => "le lecteur de classeurs s’est arrêté sur des données inattendues\u{a0}: le fichier est abîmé\u{a0}; exportez-le de nouveau".into(),
            (Issue::ReaderStopped { detail }, Lang::En) => format!(
                "the reader stopped on data it did not expect ({detail}): the file is damaged; export it again"
            ),
            (Issue::ReaderStopped { detail }, Lang::Fr) => format!(
                "le lecteur s’est arrêté sur des données inattendues ({detail})\u{a0}: le fichier est abîmé\u{a0}; exportez-le de nouveau"
            ),
            (Issue::ReadFailed { why: Failure::Crashed }, Lang::En) => "could not be read: its reader stopped on damaged data; every other file is read".into(),
            (Issue::ReadFailed { why: Failure::Crashed }, Lang::Fr) => "illisible\u{a0}: son lecteur s’est arrêté sur des données abîmées\u{a0}; tous les autres fichiers sont lus".into(),
            (Issue::ReadFailed { why: Failure::Memory { limit } }, Lang::En) => format!(
                "could not be read: it needs more than the {} of memory a file is given; every other file is read",
                size(*limit, lang)
            ),
            (Issue::ReadFailed { why: Failure::Memory { limit } }, Lang::Fr) => format!(
                "illisible\u{a0}: il lui faut plus que les {} de mémoire donnés à un fichier\u{a0}; tous les autres fichiers sont lus",
                size(*limit, lang)
            ),
            (Issue::ReadFailed { why: Failure::Time { seconds } }, Lang::En) => format!(
                "could not be read: its reader made no progress for {seconds} s and was stopped; every other file is read"
            ),
            (Issue::ReadFailed { why: Failure::Time { seconds } }, Lang::Fr) => format!(
                "illisible\u{a0}: son lecteur n’a pas avancé pendant {seconds}\u{a0}s et a été arrêté\u{a0}; tous les autres fichiers sont lus"
            ),
            (Issue::UnpackBudget { limit }, Lang::En) => format!(
                "once unpacked, its archives and workbooks pass {}, the most read from one file: not read further",
                size(*limit, lang)
            ),
            (Issue::UnpackBudget { limit }, Lang::Fr) => format!(
                "une fois décompressés, ses archives et classeurs dépassent {}, le maximum lu pour un fichier\u{a0}: lecture arrêtée",
                size(*limit, lang)
            ),
            (Issue::ZipBomb { ratio }, Lang::En) => format!(
                "unpacks to more than {ratio} times its packed size (a zip bomb?): not read"
            ),
            (Issue::ZipBomb { ratio }, Lang::Fr) => format!(
                "se décompresse en plus de {ratio} fois sa taille compressée (une bombe de décompression\u{a0}?)\u{a0}: non lu"
            ),
            (Issue::FileTooLarge { bytes, limit }, Lang::En) => format!(
                "{}: larger than the {} read here for this kind of file; export a shorter period, or as CSV",
                size(*bytes, lang),
                size(*limit, lang)
            ),
            (Issue::FileTooLarge { bytes, limit }, Lang::Fr) => format!(
                "{}\u{a0}: plus que les {} lus ici pour ce type de fichier\u{a0}; exportez une période plus courte, ou en CSV",
                size(*bytes, lang),
                size(*limit, lang)
            ),
            (Issue::SheetTooLarge { limit }, Lang::En) => format!(
                "the workbook holds more than {} cells, the most read here: the rest is not read",
                number(*limit as f64, lang)
            ),
            (Issue::SheetTooLarge { limit }, Lang::Fr) => format!(
                "le classeur contient plus de {} cellules, le maximum lu ici\u{a0}: la suite n’est pas lue",
                number(*limit as f64, lang)
            ),
            (Issue::ColumnOutOfRange { column }, Lang::En) => format!(
                "a cell is in column {}, past the last a sheet may have (16,384, XFD): the file is damaged",
                number(*column as f64, lang)
            ),
            (Issue::ColumnOutOfRange { column }, Lang::Fr) => format!(
                "une cellule est dans la colonne {}, au-delà de la dernière possible (16\u{202f}384, XFD)\u{a0}: le fichier est abîmé",
                number(*column as f64, lang)
            ),
            (Issue::LineTooLong { limit, quote_column: Some(c) }, Lang::En) => format!(
                "a quote opens column {c} here and runs past {} without closing: a stray quote? Read the file again with this quote taken as a character",
                size(*limit, lang)
            ),
            (Issue::LineTooLong { limit, quote_column: Some(c) }, Lang::Fr) => format!(
                "un guillemet ouvre la colonne {c} ici et dépasse {} sans se fermer\u{a0}: un guillemet égaré\u{a0}? Relisez le fichier en prenant ce guillemet comme un caractère",
                size(*limit, lang)
            ),
            (Issue::LineTooLong { limit, quote_column: None }, Lang::En) => format!(
                "this line runs past {} without ending: is it a table? Reading stops here",
                size(*limit, lang)
            ),
            (Issue::LineTooLong { limit, quote_column: None }, Lang::Fr) => format!(
                "cette ligne dépasse {} sans finir\u{a0}: est-ce bien un tableau\u{a0}? La lecture s’arrête ici",
                size(*limit, lang)
            ),
            (Issue::TooManyColumns { limit }, Lang::En) => format!(
                "this line has more than {} fields, the most read here: reading stops here",
                number(*limit as f64, lang)
            ),
            (Issue::TooManyColumns { limit }, Lang::Fr) => format!(
                "cette ligne a plus de {} champs, le maximum lu ici\u{a0}: la lecture s’arrête ici",
                number(*limit as f64, lang)
            ),
            (Issue::TooManyEntries { count, limit }, Lang::En) => format!(
                "the archive holds {} files: the first {} are read",
                number(*count as f64, lang),
                number(*limit as f64, lang)
            ),
            (Issue::TooManyEntries { count, limit }, Lang::Fr) => format!(
                "l’archive contient {} fichiers\u{a0}: les {} premiers sont lus",
                number(*count as f64, lang),
                number(*limit as f64, lang)
            ),
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
                "the same content as {}, added before: counted once (its records are set aside while that file is here)",
                q(other)
            ),
            (Issue::DuplicateFile { other }, Lang::Fr) => format!(
                "même contenu que {}, déjà ajouté\u{a0}: compté une seule fois (ses enregistrements sont mis de côté tant que ce fichier est là)",
                q(other)
            ),
            (Issue::Overlap { .. } | Issue::Repeated { .. }, _) => once_text(self, lang),
            (Issue::NeedsSpreadsheetReader, Lang::En) => "a spreadsheet: its reader is being loaded, then the file is read again".into(),
            (Issue::NeedsSpreadsheetReader, Lang::Fr) => "un classeur\u{a0}: son lecteur se charge, puis le fichier est relu".into(),
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
            (Issue::NotCountedYet { count, example }, Lang::En) => format!(
                "{} such as {} (days the platform has not counted yet): unknown, not zero",
                plural(*count, "value written", "values written", lang),
                q(example)
            ),
            (Issue::NotCountedYet { count, example }, Lang::Fr) => format!(
                "{} comme {} (des jours que la plateforme n’a pas encore comptés)\u{a0}: inconnu, pas zéro",
                plural(*count, "valeur écrite", "valeurs écrites", lang),
                q(example)
            ),
        }
    }
}

/// Past this many lines, a quote that never closes is a stray quote rather than a cut file.
pub(crate) const FEW_LINES: u64 = 3;

/// `"text"` in English, `« text »` in French.
/// Why the values counted were chosen, in words.
fn why_text(w: Why, lang: Lang) -> &'static str {
    match (w, lang) {
        (Why::LaterExport, Lang::En) => "the later export",
        (Why::LaterExport, Lang::Fr) => "l’export le plus récent",
        (Why::LargerValues, Lang::En) => "the larger values: lifetime counters only grow",
        (Why::LargerValues, Lang::Fr) => {
            "les valeurs les plus grandes\u{a0}: les compteurs cumulés ne font que croître"
        }
        (Why::SameValues, Lang::En) => "the same values",
        (Why::SameValues, Lang::Fr) => "les mêmes valeurs",
    }
}

/// What an [`Issue::Overlap`] or [`Issue::Repeated`] says.
fn once_text(issue: &Issue, lang: Lang) -> String {
    let q = |s: &str| quote(s, lang);
    match (issue, lang) {
        (
            Issue::Overlap {
                kind,
                count: n,
                other,
                ours,
                why,
            },
            Lang::En,
        ) => format!(
            "{} also {} in {}: counted once, with {} ({})",
            counted(*kind, *n, lang),
            if *n == 1 { "appears" } else { "appear" },
            q(other),
            if *ours {
                "this table’s values".to_string()
            } else {
                format!("the values of {}", q(other))
            },
            why_text(*why, lang)
        ),
        (
            Issue::Overlap {
                kind,
                count: n,
                other,
                ours,
                why,
            },
            Lang::Fr,
        ) => format!(
            "{} {} aussi dans {}\u{a0}: une seule fois dans les chiffres, avec {} ({})",
            counted(*kind, *n, lang),
            if *n == 1 { "figure" } else { "figurent" },
            q(other),
            if *ours {
                "les valeurs de ce tableau".to_string()
            } else {
                format!("celles de {}", q(other))
            },
            why_text(*why, lang)
        ),
        (
            Issue::Repeated {
                kind,
                count,
                lines,
                why,
            },
            _,
        ) => repeated_text(*kind, *count, lines, *why, lang),
        _ => String::new(),
    }
}

/// What an [`Issue::Repeated`] says.
fn repeated_text(kind: RecordKind, n: u64, lines: &[u64], why: Why, lang: Lang) -> String {
    let mut at: Vec<String> = lines.iter().map(|l| number(*l as f64, lang)).collect();
    if n as usize > lines.len() {
        at.push("…".into());
    }
    let word = |one, many| if lines.len() == 1 { one } else { many };
    match lang {
        Lang::En => format!(
            "{} listed again in this table (set aside: {} {}): each counted once ({})",
            counted(kind, n, lang),
            word("line", "lines"),
            at.join(", "),
            why_text(why, lang)
        ),
        Lang::Fr => format!(
            "{} de nouveau dans ce tableau (écartées\u{a0}: {} {})\u{a0}: une seule fois dans les chiffres ({})",
            counted(kind, n, lang),
            word("ligne", "lignes"),
            at.join(", "),
            why_text(why, lang)
        ),
    }
}

/// `n` records of `kind`, in words (`1 post`, `16 posts`).
pub(crate) fn counted(kind: RecordKind, n: u64, lang: Lang) -> String {
    plural(n, noun(kind, false, lang), noun(kind, true, lang), lang)
}

/// A record of `kind`, as a count names it (`post`, `posts`).
fn noun(kind: RecordKind, many: bool, lang: Lang) -> &'static str {
    let (en, fr) = match kind {
        RecordKind::Posts => (("post", "posts"), ("publication", "publications")),
        RecordKind::Daily => (
            ("day of account totals", "days of account totals"),
            ("jour de totaux du compte", "jours de totaux du compte"),
        ),
        RecordKind::Ads => (
            ("ad spend row", "ad spend rows"),
            (
                "ligne de dépenses publicitaires",
                "lignes de dépenses publicitaires",
            ),
        ),
        RecordKind::Traffic => (
            ("day of web traffic", "days of web traffic"),
            ("jour de trafic web", "jours de trafic web"),
        ),
        RecordKind::Entries => (("comment", "comments"), ("commentaire", "commentaires")),
        RecordKind::Messages => (("message", "messages"), ("message", "messages")),
        RecordKind::Search => (
            ("Search Console day", "Search Console days"),
            ("jour de la Search Console", "jours de la Search Console"),
        ),
    };
    let (one, other) = if lang == Lang::En { en } else { fr };
    if many {
        other
    } else {
        one
    }
}

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
fn number(x: f64, lang: Lang) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Field;

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
            Issue::OpenQuote { lines: 1 },
            Issue::OpenQuote { lines: 40 },
            Issue::QuoteSwallowed { lines: 40 },
            Issue::ReadFailed {
                why: Failure::Memory { limit: 1 << 30 },
            },
            Issue::LineTooLong {
                limit: 1 << 24,
                quote_column: Some(2),
            },
            Issue::TooManyFields {
                expected: 3,
                found: 4,
            },
            Issue::NotCountedYet {
                count: 2,
                example: "--".into(),
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
