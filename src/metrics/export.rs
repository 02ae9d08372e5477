//! The analysis written for other tools: the per-post CSV a spreadsheet opens
//! ([`posts_csv`]), and the export document ([`export_json`]: what each file gave, what the
//! dataset holds, the analysis, and the options that made it). The page's Export buttons (through
//! the wasm `Workspace.postsCsv` and `Workspace.exportDocument`) and `social-roi analyze --csv`
//! call these, so the columns, their names in each language and the way numbers are written live
//! here once; [`network_names`] gives the names the CSV and the page show for each network.
//!
//! Written by hand, both: a CSV cell is six lines of quoting plus the formula guard no CSV
//! library has, and the JSON must be byte for byte what `JSON.stringify(document, null, 2)`
//! wrote when the page built it (whole numbers without `.0`, JavaScript's exponents), which
//! serde_json's own formatters do not do: [`JsFormatter`] is its pretty formatter with
//! JavaScript's numbers.

use super::analysis::{analyze, AnalysisOptions, AnalysisReport};
use super::engagement::{network_key, PostRow, NETWORKS};
use crate::figure::Unit;
use crate::i18n::Lang;
use crate::model::Network;
use crate::table::report::FileReport;
use crate::workspace::{Totals, Workspace};
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io;

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

/// What a column holds: text from the files (guarded against formulas), or a number.
enum Cell {
    Text(Option<String>),
    Number(Option<f64>),
}

/// What a column's header adds after its name: nothing, the rate's unit, or "(ratio)".
#[derive(Clone, Copy, PartialEq)]
enum Suffix {
    None,
    RateUnit,
    Ratio,
}

/// One column: its header in English and French, and its cell for a post.
struct Column {
    en: &'static str,
    fr: &'static str,
    suffix: Suffix,
    cell: fn(&PostRow, &Context<'_>) -> Cell,
}

/// What a cell may need beside its post: the report's sources and the language.
struct Context<'a> {
    sources: &'a [String],
    lang: Lang,
}

fn text(s: &Option<String>) -> Cell {
    Cell::Text(s.clone())
}

fn number(v: Option<crate::finite::Finite>) -> Cell {
    Cell::Number(v.map(|v| v.get()))
}

/// A column: its header in English and French, what follows it, and its cell.
const fn col(
    en: &'static str,
    fr: &'static str,
    suffix: Suffix,
    cell: fn(&PostRow, &Context<'_>) -> Cell,
) -> Column {
    Column {
        en,
        fr,
        suffix,
        cell,
    }
}

/// The columns, in order: a flat table, one line per column.
#[rustfmt::skip]
const COLUMNS: [Column; 24] = [
    col("id", "id", Suffix::None, |p, _| Cell::Text(Some(p.id.clone()))),
    col("network", "réseau", Suffix::None, |p, _| Cell::Text(Some(network_name(p.network).to_string()))),
    col("account", "compte", Suffix::None, |p, _| text(&p.account)),
    col("published", "publiée le", Suffix::None, |p, _| Cell::Text(p.published.map(|d| d.to_string()))),
    col("type", "type", Suffix::None, |p, _| text(&p.kind)),
    col("text", "texte", Suffix::None, |p, _| text(&p.text)),
    col("link", "lien", Suffix::None, |p, _| text(&p.permalink)),
    col("engagements", "engagements", Suffix::None, |p, _| number(p.engagements)),
    col("denominator", "dénominateur", Suffix::None, |p, c| Cell::Text(Some(p.denominator.name(c.lang).to_string()))),
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
    col("file", "fichier", Suffix::None, |p, c| Cell::Text(Some(c.sources.get(p.origin.file).cloned().unwrap_or_default()))),
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
    let sep = lang.pick(",", ";");
    let context = Context {
        sources: &report.sources,
        lang,
    };
    let rate_unit = match report.engagement.rate_unit {
        Unit::PerThousand => lang.pick("per 1,000", "pour 1 000"),
        _ => "ratio",
    };
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| {
            let name = lang.pick(c.en, c.fr);
            let cell = match c.suffix {
                Suffix::None => name.to_string(),
                Suffix::RateUnit => format!("{name} ({rate_unit})"),
                Suffix::Ratio => format!("{name} (ratio)"),
            };
            csv_cell(&cell, sep, true)
        })
        .collect();
    let mut out = String::from("\u{feff}");
    push_line(&mut out, &header, sep);
    for post in &report.engagement.posts {
        let cells: Vec<String> = COLUMNS
            .iter()
            .map(|c| match (c.cell)(post, &context) {
                Cell::Text(t) => t.map_or_else(String::new, |t| csv_cell(&t, sep, true)),
                Cell::Number(v) => v.map_or_else(String::new, |v| {
                    let n = js_number(v);
                    let n = match lang {
                        Lang::En => n,
                        Lang::Fr => n.replacen('.', ",", 1),
                    };
                    csv_cell(&n, sep, false)
                }),
            })
            .collect();
        push_line(&mut out, &cells, sep);
    }
    out
}

fn push_line(out: &mut String, cells: &[String], sep: &str) {
    out.push_str(&cells.join(sep));
    out.push_str("\r\n");
}

/// One CSV cell. Text (`is_text`) that a spreadsheet could run as a formula (`=`, `+`, `-`,
/// `@`, tab, CR first) gets a leading `'`; the cell is quoted when it holds the separator, a
/// quote or a line break, its quotes doubled.
pub(crate) fn csv_cell(value: &str, sep: &str, is_text: bool) -> String {
    let guarded = if is_text && value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains(sep) || guarded.contains(['"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
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
#[derive(Serialize)]
struct ExportedFile<'a> {
    id: u32,
    #[serde(flatten)]
    report: &'a FileReport,
}

/// What the JSON export holds: `social-roi analyze --json`'s `{files, totals, analysis}` (each
/// file with its id, the analysis with every post) and the `options` that made it.
#[derive(Serialize)]
struct ExportDocument<'a> {
    files: Vec<ExportedFile<'a>>,
    totals: Totals,
    analysis: AnalysisReport,
    options: &'a AnalysisOptions,
}

/// The export document of `workspace` analysed with `options`, in `lang`, as JSON text
/// indented by two spaces and ended by a line break.
pub fn export_json(workspace: &Workspace, options: &AnalysisOptions, lang: Lang) -> String {
    let reports: Vec<(u32, FileReport)> = workspace
        .reports()
        .into_iter()
        .map(|(id, r)| (id, r.localized(lang)))
        .collect();
    let document = ExportDocument {
        files: reports
            .iter()
            .map(|(id, report)| ExportedFile { id: *id, report })
            .collect(),
        totals: workspace.totals(lang),
        analysis: analyze(workspace.dataset(), options, lang),
        options,
    };
    let mut out = Vec::new();
    let mut writer = serde_json::Serializer::with_formatter(&mut out, JsFormatter::default());
    // Serialising plain data into memory does not fail; were it to, the text says so.
    if let Err(e) = document.serialize(&mut writer) {
        return format!("{{\"error\": \"{e}\"}}\n");
    }
    let mut text = String::from_utf8(out).unwrap_or_default();
    text.push('\n');
    text
}

/// serde_json's two-space pretty formatter, with numbers as JavaScript writes them.
#[derive(Default)]
struct JsFormatter(PrettyFormatter<'static>);

impl Formatter for JsFormatter {
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, v: f64) -> io::Result<()> {
        w.write_all(js_number(v).as_bytes())
    }
    fn write_f32<W: ?Sized + io::Write>(&mut self, w: &mut W, v: f32) -> io::Result<()> {
        self.write_f64(w, f64::from(v))
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::{csv_cell, js_number};

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
