//! The analysis written for other tools: the per-post CSV a spreadsheet opens
//! ([`posts_csv`]), and the export document ([`export_document`]: what each file gave, what the
//! dataset holds, the analysis, and the options that made it). The page's Export buttons (through
//! the wasm `Workspace.postsCsv` and `Workspace.exportDocument`) and `social-roi analyze --csv`
//! call these, so the columns, their names in each language and the way numbers are written live
//! here once; [`network_names`] gives the names the CSV and the page show for each network.
//!
//! The CSV is written by hand: a cell is six lines of quoting plus the formula guard no CSV
//! library has, and its numbers are written as JavaScript writes them ([`js_number`]). A long
//! numeric id (a 19-digit X id) is written `="1770000000000000001"`, which Excel, LibreOffice
//! and Google Sheets all read as that text: as a bare number, Excel would keep 15 digits of
//! it and show `1.77E+18`.

use super::analysis::{analyze, AnalysisOptions, AnalysisReport};
use super::engagement::{network_key, PostRow, NETWORKS};
use crate::figure::Unit;
use crate::i18n::Lang;
use crate::model::Network;
use crate::table::report::FileReport;
use crate::workspace::{Totals, Workspace};
use serde::Serialize;
use std::borrow::Cow;

/// A network's key (as reports write it) and the name the page and the CSV show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NetworkName {
    /// The key reports use (`x`, `facebook`, `linkedin`…).
    pub key: &'static str,
    /// Its name as people write it (`X`, `Facebook`, `LinkedIn`…).
    pub name: &'static str,
}

/// The name shown for `network`: [`Network::name`], except `other` (comment exports, inboxes, a
/// file mapped by hand: no network at all), shown as a dash in every language.
fn network_name(network: Network) -> &'static str {
    match network {
        Network::Other => "—",
        n => n.name(),
    }
}

/// Every network with the name the page and the exports show for it.
pub fn network_names() -> Vec<NetworkName> {
    NETWORKS
        .iter()
        .map(|&n| NetworkName {
            key: network_key(n),
            name: network_name(n),
        })
        .collect()
}

// The per-post CSV.

/// What a column holds for a post: text from the files (guarded against formulas), or a
/// number.
enum Cell<'a> {
    Text(Option<Cow<'a, str>>),
    Number(Option<f64>),
    /// An id: text, kept text by spreadsheets when it is all digits.
    Id(&'a str),
}

/// What a column's header adds after its name: nothing, the rate's unit, or "(ratio)".
#[derive(Clone, Copy, PartialEq)]
enum Suffix {
    None,
    RateUnit,
    Ratio,
}

/// What a cell may need beside its post: the report's sources and the language.
struct Context<'a> {
    sources: &'a [String],
    lang: Lang,
}

/// How a column reads its cell from a post.
type Read = for<'a> fn(&'a PostRow, &Context<'a>) -> Cell<'a>;

/// One column: its header in English and French, what follows it, and its cell.
struct Column {
    en: &'static str,
    fr: &'static str,
    suffix: Suffix,
    cell: Read,
}

const fn col(en: &'static str, fr: &'static str, suffix: Suffix, cell: Read) -> Column {
    Column {
        en,
        fr,
        suffix,
        cell,
    }
}

fn text(s: &Option<String>) -> Cell<'_> {
    Cell::Text(s.as_deref().map(Cow::Borrowed))
}

fn name(s: &'static str) -> Cell<'static> {
    Cell::Text(Some(Cow::Borrowed(s)))
}

fn number(v: Option<crate::finite::Finite>) -> Cell<'static> {
    Cell::Number(v.map(|v| v.get()))
}

/// The columns, in order: a flat table, one line per column.
#[rustfmt::skip]
const COLUMNS: [Column; 24] = [
    col("id", "id", Suffix::None, |p, _| Cell::Id(&p.id)),
    col("network", "réseau", Suffix::None, |p, _| name(network_name(p.network))),
    col("account", "compte", Suffix::None, |p, _| text(&p.account)),
    col("published", "publiée le", Suffix::None, |p, _| Cell::Text(p.published.map(|d| Cow::Owned(d.to_string())))),
    col("type", "type", Suffix::None, |p, _| text(&p.kind)),
    col("text", "texte", Suffix::None, |p, _| text(&p.text)),
    col("link", "lien", Suffix::None, |p, _| text(&p.permalink)),
    col("engagements", "engagements", Suffix::None, |p, _| number(p.engagements)),
    col("denominator", "dénominateur", Suffix::None, |p, c| name(p.denominator.name(c.lang))),
    col("denominator value", "valeur du dénominateur", Suffix::None, |p, _| number(p.denominator_value)),
    col("rate", "taux", Suffix::RateUnit, |p, _| number(p.rate)),
    col("platform rate", "taux de la plateforme", Suffix::Ratio, |p, _| number(p.platform_rate)),
    col("reach", "portée", Suffix::None, |p, _| number(p.reach)),
    col("impressions", "impressions", Suffix::None, |p, _| number(p.impressions)),
    col("views", "vues", Suffix::None, |p, _| number(p.views)),
    col("reactions", "réactions", Suffix::None, |p, _| number(p.reactions)),
    col("comments", "commentaires", Suffix::None, |p, _| number(p.comments)),
    col("shares", "partages", Suffix::None, |p, _| number(p.shares)),
    col("saves", "enregistrements", Suffix::None, |p, _| number(p.saves)),
    col("clicks", "clics", Suffix::None, |p, _| number(p.clicks)),
    col("link clicks", "clics sur le lien", Suffix::None, |p, _| number(p.link_clicks)),
    col("followers at posting time", "abonnés au moment de la publication", Suffix::None, |p, _| number(p.followers)),
    col("file", "fichier", Suffix::None, |p, c| Cell::Text(c.sources.get(p.origin.file).map(|s| Cow::Borrowed(s.as_str())))),
    col("line", "ligne", Suffix::None, |p, _| Cell::Number(Some(p.origin.line as f64))),
];

/// The per-post CSV of `report` (which must hold its posts: `engagement.posts`), in `lang`:
/// UTF-8 with a byte-order mark, `;` between cells and decimal commas in French, `,` and
/// decimal points in English, CRLF line ends, one header line then one line per post.
///
/// Every value is the report's, written, not recomputed: numbers stay numbers (a spreadsheet
/// sums them); text from the files that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`. The last two columns
/// say which file and line each post came from.
pub fn posts_csv(report: &AnalysisReport, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        Lang::Fr => ';',
    };
    let rate_unit = match report.engagement.rate_unit {
        Unit::PerThousand => lang.pick("per 1,000", "pour 1 000"),
        _ => "ratio",
    };
    let mut out = String::from("\u{feff}");
    for (i, c) in COLUMNS.iter().enumerate() {
        let name = lang.pick(c.en, c.fr);
        let header = match c.suffix {
            Suffix::None => Cow::Borrowed(name),
            Suffix::RateUnit => Cow::Owned(format!("{name} ({rate_unit})")),
            Suffix::Ratio => Cow::Owned(format!("{name} (ratio)")),
        };
        push_separated(&mut out, i, sep);
        push_cell(&mut out, &header, sep, true);
    }
    out.push_str("\r\n");
    let context = Context {
        sources: &report.sources,
        lang,
    };
    for post in &report.engagement.posts {
        for (i, c) in COLUMNS.iter().enumerate() {
            push_separated(&mut out, i, sep);
            match (c.cell)(post, &context) {
                Cell::Text(t) => push_cell(&mut out, t.as_deref().unwrap_or(""), sep, true),
                Cell::Id(id) if is_long_number(id) => {
                    push_cell(&mut out, &format!("=\"{id}\""), sep, false)
                }
                Cell::Id(id) => push_cell(&mut out, id, sep, true),
                Cell::Number(None) => {}
                Cell::Number(Some(v)) => {
                    let n = js_number(v);
                    let n = if sep == ';' {
                        n.replacen('.', ",", 1)
                    } else {
                        n
                    };
                    push_cell(&mut out, &n, sep, false);
                }
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Whether a spreadsheet would read `id` as a number it cannot keep whole: twelve digits or
/// more (Excel shows them as `1.77E+18`, and keeps 15 of them).
fn is_long_number(id: &str) -> bool {
    id.len() >= 12 && id.bytes().all(|b| b.is_ascii_digit())
}

fn push_separated(out: &mut String, column: usize, sep: char) {
    if column > 0 {
        out.push(sep);
    }
}

/// Appends one CSV cell. Text (`is_text`) that a spreadsheet could run as a formula (`=`, `+`,
/// `-`, `@`, tab, CR first) gets a leading `'`; the cell is quoted when it holds the
/// separator, a quote or a line break, its quotes doubled.
fn push_cell(out: &mut String, value: &str, sep: char, is_text: bool) {
    let quoted = value.contains([sep, '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if is_text && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    if quoted {
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// `v` as JavaScript's `String(v)` writes it: the shortest digits that read back as `v`,
/// without a fraction when whole, in exponent form below 1e-6 and from 1e21 (`1e-7`,
/// `1.5e+21`); `-0` as `0`.
pub(crate) fn js_number(v: f64) -> String {
    if !v.is_finite() {
        return "null".to_string();
    }
    if v == 0.0 {
        return "0".to_string();
    }
    if (1e-6..1e21).contains(&v.abs()) {
        return format!("{v}");
    }
    let e = format!("{v:e}");
    match e.split_once('e') {
        Some((mantissa, exp)) if !exp.starts_with('-') => format!("{mantissa}e+{exp}"),
        _ => e,
    }
}

// The export document.

/// A file's report with the id the page knows it by.
#[derive(Clone, Debug, Serialize)]
pub struct ExportedFile {
    /// The file's id in the workspace.
    pub id: u32,
    /// What the file gave, in the document's language.
    #[serde(flatten)]
    pub report: FileReport,
}

/// The JSON export, to serialise: `social-roi analyze --json`'s `{files, totals, analysis}`
/// (each file with its id, the analysis with every post) and the `options` that made it.
#[derive(Clone, Debug, Serialize)]
pub struct ExportDocument {
    /// Every file read, in the order it was added.
    pub files: Vec<ExportedFile>,
    /// What the dataset holds.
    pub totals: Totals,
    /// The analysis, with `engagement.posts`.
    pub analysis: AnalysisReport,
    /// The options, as the core read them.
    pub options: AnalysisOptions,
}

/// The export document of `workspace` analysed with `options`, in `lang`.
///
/// A value, not text: the page serialises it as `JSON.stringify(document, null, 2)` would (a
/// text writer here would compile every report type's serialisation a second time into the
/// WebAssembly, some 12 KiB of it compressed, for the same bytes).
pub fn export_document(
    workspace: &Workspace,
    options: &AnalysisOptions,
    lang: Lang,
) -> ExportDocument {
    ExportDocument {
        files: workspace
            .reports()
            .into_iter()
            .map(|(id, r)| ExportedFile {
                id,
                report: r.localized(lang),
            })
            .collect(),
        totals: workspace.totals(lang),
        analysis: analyze(workspace, options, lang),
        options: options.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::{is_long_number, js_number, push_cell};

    fn csv_cell(value: &str, sep: &str, is_text: bool) -> String {
        let mut out = String::new();
        push_cell(&mut out, value, sep.chars().next().unwrap(), is_text);
        out
    }

    #[test]
    fn cells_are_quoted_when_they_hold_the_separator_a_quote_or_a_line_break() {
        assert_eq!(csv_cell("plain", ",", true), "plain");
        assert_eq!(csv_cell("a, b", ",", true), "\"a, b\"");
        assert_eq!(csv_cell("a, b", ";", true), "a, b");
        assert_eq!(csv_cell("a; b", ";", true), "\"a; b\"");
        assert_eq!(csv_cell("say \"hi\"", ";", true), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines", ";", true), "\"two\nlines\"");
        assert_eq!(csv_cell("cr\rhere", ";", true), "\"cr\rhere\"");
        assert_eq!(csv_cell("", ";", true), "");
    }

    #[test]
    fn text_that_reads_as_a_formula_is_guarded_numbers_are_not() {
        for (text, guarded) in [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+33 1 23", "'+33 1 23"),
            ("-20 %", "'-20 %"),
            ("@user", "'@user"),
            ("\tTab", "'\tTab"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(csv_cell(text, ";", true), guarded);
        }
        assert_eq!(csv_cell("\rstart", ";", true), "\"'\rstart\"");
        assert_eq!(csv_cell("=1,5", ";", true), "'=1,5");
        assert_eq!(csv_cell("=1,5", ",", true), "\"'=1,5\"");
        assert_eq!(csv_cell("-0,5", ";", false), "-0,5");
        assert_eq!(csv_cell("-1.5", ",", false), "-1.5");
    }

    #[test]
    fn long_ids_stay_text() {
        assert!(is_long_number("1770000000000000001"));
        assert!(!is_long_number("111_222"));
        assert!(!is_long_number("12345"));
        assert!(!is_long_number("-abcDEF1234"));
        assert_eq!(
            csv_cell("=\"1770000000000000001\"", ";", false),
            "\"=\"\"1770000000000000001\"\"\""
        );
    }

    #[test]
    fn numbers_are_written_as_javascript_writes_them() {
        for (v, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (12.0, "12"),
            (-3.0, "-3"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (2.0 / 3.0, "0.6666666666666666"),
            (1e20, "100000000000000000000"),
            (1e21, "1e+21"),
            (1.5e22, "1.5e+22"),
            (0.000001, "0.000001"),
            (1e-7, "1e-7"),
            (-2.5e-8, "-2.5e-8"),
            (9007199254740993.0, "9007199254740992"),
        ] {
            assert_eq!(js_number(v), text, "{v:e}");
        }
    }
}
