//! `social-roi report`: the Report tab's document from the command line, for agencies that
//! batch their clients. `--options` is a report input (docs/report.md) or a saved report file
//! (then this is its next issue, compared with it); `--html` writes the document as one
//! self-contained HTML file (styles, logo and page rule inside, nothing fetched), printable
//! on A4 or Letter; `--json` prints the report; `--save` writes the report file. `--contest`
//! (the contest's inputs, as `social-roi contest` takes them), `--certificate` (its draw's
//! certificate) and `--entries` (its comment files) give the contest section. The figures,
//! changes and words are the core's, as on the page.

use crate::analyze::{collect, read_file, today};
use crate::entries::{self, column_arg};
use crate::{json_error, lang_value, read_input, to_json, write, Fatal};
use clap::Args;
use social_roi::{
    format_date, format_value, format_when, read_certificate, read_report_file,
    report_with_entries, ContestInput, ContestSummary, DrawSummary, Figure, ImportOptions, Lang,
    Report, ReportContestInput, ReportFile, ReportInput, Row, Section, Span, Workspace,
    REPORT_FORMAT,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Builds the report of exports: the period beside the one before, every headline figure's
/// change, the words, the benchmark; as text, JSON, a report file or a printable HTML file.
#[derive(Args)]
#[command(
    after_help = "Exit status: 0 fine, 1 the inputs have errors (the output says which), \
2 unusable command or file."
)]
pub(crate) struct ReportArgs {
    /// The report input JSON (docs/report.md), or a saved report file: then the report is its
    /// next issue, compared with it.
    #[arg(long, value_name = "REPORT.json")]
    options: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Write the document as a self-contained HTML file.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Write the report file (to open on the page, or as --options next month).
    #[arg(long, value_name = "OUT.json")]
    save: Option<PathBuf>,
    /// The paper of the HTML file's page rule: A4 or Letter.
    #[arg(long, value_name = "A4|Letter", default_value = "A4", value_parser = ["A4", "Letter"])]
    paper: String,
    /// The language of labels, words and messages.
    #[arg(long, value_name = "en|fr", value_parser = lang_value, default_value = "en")]
    lang: Lang,
    /// The contest of the period: its inputs (see social-roi contest --example).
    #[arg(long, value_name = "INPUTS.json")]
    contest: Option<String>,
    /// The contest's draw certificate (the JSON a draw gives).
    #[arg(long, value_name = "CERTIFICATE.json")]
    certificate: Option<String>,
    /// The contest's comments (repeat for several files): they count the entries and
    /// participants left blank, as `social-roi contest --entries` does.
    #[arg(long = "entries", value_name = "ENTRIES")]
    entries: Vec<String>,
    /// Maps a column of a comment file the readers do not recognise to a FIELD.
    #[arg(long = "column", value_name = "NAME=FIELD", value_parser = column_arg)]
    columns: Vec<(String, String)>,
    /// Exports: CSV, TSV, TXT, XLSX, XLS, ODS, ZIP, JSON; a folder reads every file in it.
    #[arg(value_name = "FILE")]
    files: Vec<String>,
}

fn input_of(path: Option<&str>, lang: Lang) -> Result<ReportInput, Fatal> {
    let Some(path) = path else {
        return Ok(ReportInput::default());
    };
    let text = read_input(path)?;
    if text.contains(&format!("\"{REPORT_FORMAT}\"")) {
        return read_report_file(&text, lang)
            .map(|f| f.next_issue())
            .map_err(|m| Fatal(format!("{path}, {m}")));
    }
    serde_json::from_str(&text).map_err(|e| json_error(path, &e))
}

/// The contest section's input: the options' own, with `--contest` and `--certificate` over it.
fn contest_of(o: &ReportArgs, input: &mut ReportInput) -> Result<(), Fatal> {
    if o.contest.is_none() && o.certificate.is_none() {
        return Ok(());
    }
    let c = input
        .contest
        .get_or_insert_with(ReportContestInput::default);
    if let Some(path) = &o.contest {
        let text = read_input(path)?;
        c.input = serde_json::from_str::<ContestInput>(&text).map_err(|e| json_error(path, &e))?;
    }
    if let Some(path) = &o.certificate {
        let text = read_input(path)?;
        c.certificate = Some(read_certificate(path, &text, o.lang).map_err(|e| Fatal(e.message))?);
    }
    Ok(())
}

fn save(path: &Path, text: &str) -> Result<(), Fatal> {
    std::fs::write(path, text).map_err(|e| Fatal(format!("{}: cannot write: {e}", path.display())))
}

pub(crate) fn run(o: &ReportArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let mut input = input_of(o.options.as_deref(), o.lang)?;
    contest_of(o, &mut input)?;
    let contest_entries = if o.entries.is_empty() {
        Vec::new()
    } else {
        entries::load(&o.entries, &o.columns, o.lang)?
    };
    let mut paths = Vec::new();
    for f in &o.files {
        collect(Path::new(f), &mut paths)?;
    }
    let mut ws = Workspace::new(ImportOptions { today: today() });
    for path in &paths {
        read_file(&mut ws, path)?;
    }
    let bad_file = ws.reports().iter().any(|(_, r)| r.has_errors());
    let r = report_with_entries(&ws, &contest_entries, &input, o.lang);
    if let Some(path) = &o.html {
        save(path, &html(&r, &o.paper, o.lang))?;
    }
    if let Some(path) = &o.save {
        save(path, &to_json(&ReportFile::new(&input, &r, o.lang))?)?;
    }
    if o.json {
        write(out, &to_json(&r)?)?;
    } else if o.html.is_none() && o.save.is_none() {
        write(out, &text(&r, o.lang))?;
    }
    Ok(if bad_file || !r.errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The readable summary: the period, then each section's words (and the contest's figures).
fn text(r: &Report, lang: Lang) -> String {
    let mut t = r.title.clone();
    if let Some(p) = r.period {
        t.push_str(&format!("\n{} – {}", p.from, p.to));
    }
    if let Some(p) = r.previous {
        t.push_str(&format!(" ({}: {} – {})", r.comparison_text, p.from, p.to));
    }
    for e in &r.errors {
        t.push_str(&format!("\n{}: {}", e.field, e.message));
    }
    for s in &r.sections {
        t.push_str(&format!(
            "\n\n{}\n{}",
            s.title,
            s.reason.as_deref().unwrap_or(&s.words)
        ));
        if let Some(c) = &s.contest {
            t.push_str(&contest_text(c, lang));
        }
    }
    t
}

/// The contest's figures, one a line, and its draw's winners and fingerprint.
fn contest_text(c: &ContestSummary, lang: Lang) -> String {
    let mut t = String::new();
    for f in &c.figures {
        t.push_str(&format!(
            "\n{}: {}",
            f.label,
            value(f, Some(c.currency), lang)
        ));
    }
    if let Some(d) = &c.draw {
        let names = |p: &[social_roi::Pick]| {
            p.iter()
                .map(|x| x.entrant.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        t.push_str(&format!(
            "\n{}: {}\n{}: {}\n{}: {}",
            lang.pick("Winners", "Gagnants"),
            names(&d.winners),
            lang.pick("Alternates", "Suppléants"),
            names(&d.alternates),
            lang.pick("Fingerprint", "Empreinte"),
            d.fingerprint
        ));
    }
    t
}

/// Text as HTML text or attribute value.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn value(f: &Figure, currency: Option<&str>, lang: Lang) -> String {
    f.get().map_or("—".to_string(), |v| {
        format_value(v, f.unit, currency, lang)
    })
}

fn cell(
    f: Option<&Figure>,
    class: &str,
    currency: Option<&str>,
    lang: Lang,
    signed: bool,
) -> String {
    let Some(f) = f else {
        return format!("<td class=\"sr-num {class}\">—</td>");
    };
    let data = f
        .value
        .map_or(String::new(), |v| format!(" data-value=\"{}\"", v.get()));
    let mut text = value(f, currency, lang);
    if signed && f.get().is_some_and(|v| v > 0.0) {
        text.insert(0, '+');
    }
    let title = format!(
        "{}{}",
        f.formula,
        f.reason
            .as_ref()
            .map_or(String::new(), |r| format!("\n{r}"))
    );
    format!(
        "<td class=\"sr-num {class}\" title=\"{}\"{data}>{}</td>",
        esc(&title),
        esc(&text)
    )
}

fn row_html(r: &Row, currency: Option<&str>, lang: Lang) -> String {
    let arrow = match r.direction {
        social_roi::Direction::Up => "↑",
        social_roi::Direction::Down => "↓",
        social_roi::Direction::Flat => "→",
        social_roi::Direction::None if r.previous.is_some() && r.change.reason.is_some() => "≠",
        social_roi::Direction::None => "",
    };
    let direction = serde_json::to_value(r.direction)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!(
        "<tr data-id=\"{}\" data-direction=\"{direction}\"><th scope=\"row\">{}<span class=\"sr-formula\">{}</span></th>{}{}{}{}<td class=\"sr-r-arrow sr-r-{direction}\">{arrow}</td></tr>",
        esc(&r.current.id),
        esc(&r.current.label),
        esc(&r.current.formula),
        cell(r.previous.as_ref(), "sr-r-prev", currency, lang, false),
        cell(Some(&r.current), "sr-r-cur", currency, lang, false),
        cell(Some(&r.change), "", currency, lang, true),
        cell(Some(&r.change_percent), "", currency, lang, true),
    )
}

fn heads(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::En => ["Figure", "Previous", "This period", "Change", "Change %"],
        Lang::Fr => [
            "Chiffre",
            "Précédente",
            "Cette période",
            "Variation",
            "Variation %",
        ],
    }
}

fn section_html(s: &Section, lang: Lang) -> String {
    let mut h = format!(
        "<section class=\"sr-r-section\" data-section=\"{}\"><h2>{}</h2>",
        s.id.key(),
        esc(&s.title)
    );
    if let Some(r) = &s.reason {
        h.push_str(&format!("<p class=\"sr-reason\">{}</p>", esc(r)));
    }
    if !s.rows.is_empty() {
        h.push_str(&format!(
            "<p class=\"sr-r-text\">{}</p><table class=\"sr-r-table\"><thead><tr>",
            esc(&s.words)
        ));
        for t in heads(lang) {
            h.push_str(&format!("<th>{t}</th>"));
        }
        h.push_str("<th></th></tr></thead><tbody>");
        for r in &s.rows {
            h.push_str(&row_html(r, s.currency.as_deref(), lang));
        }
        h.push_str("</tbody></table>");
    }
    for p in &s.top_posts {
        let rate = p.rate.map_or("—".to_string(), |v| {
            format_value(
                v.get(),
                s.rate_unit.unwrap_or(social_roi::Unit::Ratio),
                None,
                lang,
            )
        });
        h.push_str(&format!(
            "<p class=\"sr-r-post\" data-post=\"{}\">{} · {}</p>",
            esc(&p.id),
            esc(p.text.as_deref().unwrap_or(&p.id)),
            esc(&rate)
        ));
    }
    if let Some(b) = &s.benchmark {
        h.push_str(&benchmark_html(b, lang));
    }
    if let Some(c) = &s.contest {
        h.push_str(&contest_html(c, lang));
    }
    if !s.note.trim().is_empty() {
        h.push_str(&format!(
            "<p class=\"sr-r-text sr-r-note\">{}</p>",
            esc(&s.note)
        ));
    }
    h.push_str("</section>");
    h
}

fn benchmark_html(b: &social_roi::Benchmark, lang: Lang) -> String {
    let Some(first) = b.accounts.first() else {
        return String::new();
    };
    let mut h = String::from("<table class=\"sr-r-table\"><thead><tr><th></th><th></th>");
    for f in &first.figures {
        h.push_str(&format!(
            "<th title=\"{}\">{}</th>",
            esc(&f.formula),
            esc(&f.label)
        ));
    }
    h.push_str("</tr></thead><tbody>");
    for a in &b.accounts {
        let (files, label) = if a.from_files {
            (
                " data-from-files",
                lang.pick(" (your files)", " (vos fichiers)"),
            )
        } else {
            ("", "")
        };
        h.push_str(&format!(
            "<tr data-account=\"{}\"{files}><th>{}{label}</th><td>{}</td>",
            esc(&a.name),
            esc(&a.name),
            esc(&a.network)
        ));
        for (f, rank) in a.figures.iter().zip(&a.ranks) {
            let data = match (f.value, rank) {
                (Some(v), Some(k)) => format!(" data-value=\"{}\" data-rank=\"{k}\"", v.get()),
                _ => String::new(),
            };
            let shown = rank.map_or(esc(f.reason.as_deref().unwrap_or("—")), |k| {
                format!("{} · #{k}", esc(&value(f, None, lang)))
            });
            h.push_str(&format!(
                "<td class=\"sr-num\" data-id=\"{}\"{data}>{shown}</td>",
                esc(&f.id)
            ));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// The contest's figures, as the page's contest section shows them.
fn contest_html(c: &ContestSummary, lang: Lang) -> String {
    let mut h = String::from("<div class=\"sr-r-contest\">");
    if !c.label.is_empty() {
        h.push_str(&format!(
            "<p class=\"sr-r-contest-name\">{}</p>",
            esc(&c.label)
        ));
    }
    if !c.problems.is_empty() {
        h.push_str("<ul class=\"sr-warnings\">");
        for p in &c.problems {
            h.push_str(&format!("<li>{}</li>", esc(p)));
        }
        h.push_str("</ul>");
    }
    let heads = [lang.pick("Figure", "Chiffre"), lang.pick("Value", "Valeur")];
    h.push_str(&format!(
        "<table class=\"sr-r-table\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        heads[0], heads[1]
    ));
    for f in &c.figures {
        h.push_str(&format!(
            "<tr data-id=\"{}\"><th scope=\"row\">{}<span class=\"sr-formula\">{}</span></th>{}</tr>",
            esc(&f.id),
            esc(&f.label),
            esc(&f.formula),
            match &f.reason {
                // On paper too, a figure that cannot be computed says why.
                Some(why) if f.value.is_none() => format!(
                    "<td class=\"sr-r-why\"><span class=\"sr-reason\">{}</span></td>",
                    esc(why)
                ),
                _ => cell(Some(f), "", Some(c.currency), lang, false),
            }
        ));
    }
    h.push_str("</tbody></table>");
    if let Some(d) = &c.draw {
        h.push_str(&draw_html(d, lang));
    }
    h.push_str("</div>");
    h
}

/// What the draw's certificate says: the page's words for its lines.
fn draw_html(d: &DrawSummary, lang: Lang) -> String {
    let colon = lang.pick(": ", " : ");
    let t = |en: &'static str, fr: &'static str| lang.pick(en, fr);
    let lines = draw_lines(d, lang);
    let mut h = format!(
        "<div class=\"sr-r-draw\" data-draw><h3>{}</h3>",
        t("Draw certificate", "Certificat de tirage")
    );
    for (label, value, key) in lines {
        let Some(value) = value else { continue };
        let data = if key.is_empty() {
            String::new()
        } else {
            format!(" data-{key}=\"{}\"", esc(&value))
        };
        h.push_str(&format!(
            "<p{data}><strong>{label}{colon}</strong>{}</p>",
            esc(&value)
        ));
    }
    h.push_str(&draw_picks_html(d, lang));
    h.push_str(&format!(
        "<p class=\"sr-r-verify\">{}</p></div>",
        esc(&d.verify)
    ));
    h
}

/// Each line of the draw: its label, its value (none: no line), the data attribute that holds it.
fn draw_lines(d: &DrawSummary, lang: Lang) -> [(&'static str, Option<String>, &'static str); 7] {
    let t = |en: &'static str, fr: &'static str| lang.pick(en, fr);
    let source = d
        .seed_source
        .as_ref()
        .map_or(String::new(), |s| format!(" — {s}"));
    let drawings = (d.drawings > 1).then(|| d.drawings.to_string());
    // (label, value, the data attribute that holds it).
    [
        (
            t("Scheme", "Schéma"),
            Some(format!("{} ({})", d.scheme, d.software)),
            "",
        ),
        (
            t("Seed", "Graine"),
            Some(format!("{}{source} ({})", d.seed, d.seed_kind_text)),
            "seed",
        ),
        (
            t("Drawn at", "Tiré le"),
            d.drawn_at.as_deref().map(|at| format_when(at, lang)),
            "",
        ),
        (
            t(
                "Fingerprint (announced before the seed)",
                "Empreinte (annoncée avant la graine)",
            ),
            Some(d.fingerprint.clone()),
            "fingerprint",
        ),
        (
            t("Entries' SHA-256", "Empreinte des participations"),
            Some(d.entries_sha256.clone()),
            "entries",
        ),
        (
            t("Entries", "Participations"),
            Some(counts_text(d, lang)),
            "",
        ),
        (
            t(
                "Drawings (redraws included)",
                "Tirages (avec les nouveaux tirages)",
            ),
            drawings,
            "",
        ),
    ]
}

/// The draw's counts in words, as the page writes them.
fn counts_text(d: &DrawSummary, lang: Lang) -> String {
    let n = |v: u64| format_value(v as f64, social_roi::Unit::Count, None, lang);
    let c = &d.counts;
    let (entries, eligible, excluded, people) = (
        n(c.entries as u64),
        n(c.eligible as u64),
        n(c.excluded as u64),
        n(c.people as u64),
    );
    match lang {
        Lang::En => format!("{entries} read, {eligible} counted, {excluded} left out, {people} people, {} tickets", n(c.tickets)),
        Lang::Fr => format!("{entries} lues, {eligible} retenues, {excluded} écartées, {people} personnes, {} tickets", n(c.tickets)),
    }
}

/// The winners, the alternates and the rules of a draw.
fn draw_picks_html(d: &DrawSummary, lang: Lang) -> String {
    let list = |title: &str, key: &str, picks: &[social_roi::Pick]| {
        let mut h = format!("<div data-picks=\"{key}\"><h4>{title}</h4><ol>");
        for p in picks {
            let s = if p.tickets > 1 { "s" } else { "" };
            let space = lang.pick(" ", "\u{a0}");
            h.push_str(&format!(
                "<li data-entrant=\"{}\">{} ({}{space}ticket{s})</li>",
                esc(&p.entrant),
                esc(&p.entrant),
                p.tickets
            ));
        }
        h + "</ol></div>"
    };
    let mut h = list(lang.pick("Winners", "Gagnants"), "winners", &d.winners);
    if !d.alternates.is_empty() {
        h.push_str(&list(
            lang.pick("Alternates", "Suppléants"),
            "alternates",
            &d.alternates,
        ));
    }
    h.push_str(&format!("<h4>{}</h4><ul>", lang.pick("Rules", "Règles")));
    for r in &d.rules {
        h.push_str(&format!("<li>{}</li>", esc(r)));
    }
    h + "</ul>"
}

const CSS: &str = "body{font:14px/1.45 system-ui,sans-serif;color:#1d2a2c;margin:24px auto;max-width:900px;padding:0 16px}
.sr-r-cover{border-top:6px solid var(--a);padding:18px 0 8px}.sr-r-title{color:var(--a);font-size:1.9rem;margin:4px 0}
.sr-r-logo{max-height:72px;max-width:240px;display:block;margin-bottom:12px}.sr-r-section{border-top:2px solid var(--a);padding-top:8px;margin-top:18px}
.sr-r-section h2{color:var(--a);font-size:1.25rem;margin:0 0 8px}.sr-r-table{border-collapse:collapse;width:100%;font-size:.9rem}
.sr-r-table th,.sr-r-table td{border-bottom:1px solid #d5dcdd;padding:5px 8px;text-align:left;vertical-align:top}
.sr-num{text-align:right!important;white-space:nowrap;font-variant-numeric:tabular-nums}.sr-formula{display:block;font:400 .8rem ui-monospace,monospace;color:#5b6b6e}
.sr-r-why{font-size:.8rem;max-width:22em}.sr-r-up{color:var(--a)}.sr-r-down{color:#b42318}.sr-reason{color:#b42318}.sr-r-text{white-space:pre-wrap}
@media print{body{margin:0;max-width:none}.sr-r-cover{break-after:page;padding-top:30%}.sr-r-section{break-before:page;border-top:0}tr{break-inside:avoid}thead{display:table-header-group}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}";

fn cover_html(r: &Report, lang: Lang) -> String {
    let b = &r.branding;
    let mut h = String::from("<section class=\"sr-r-cover\">");
    if b.logo.starts_with("data:image/") {
        h.push_str(&format!(
            "<img class=\"sr-r-logo\" src=\"{}\" alt=\"{}\">",
            esc(&b.logo),
            esc(&b.agency)
        ));
    }
    if !b.agency.is_empty() {
        h.push_str(&format!(
            "<p class=\"sr-r-agency\">{} {}</p>",
            lang.pick("Prepared by", "Préparé par"),
            esc(&b.agency)
        ));
    }
    h.push_str(&format!("<h1 class=\"sr-r-title\">{}</h1>", esc(&r.title)));
    if !b.client.is_empty() {
        h.push_str(&format!(
            "<p class=\"sr-r-client\">{} {}</p>",
            lang.pick("for", "pour"),
            esc(&b.client)
        ));
    }
    let span = |p: Span| {
        format!(
            "{} – {}",
            format_date(p.from, lang),
            format_date(p.to, lang)
        )
    };
    if let Some(p) = r.period {
        h.push_str(&format!(
            "<p class=\"sr-r-period\" data-from=\"{}\" data-to=\"{}\">{}</p>",
            p.from,
            p.to,
            span(p)
        ));
    }
    if let Some(p) = r.previous {
        h.push_str(&format!(
            "<p class=\"sr-r-previous\">{}: {}</p>",
            esc(&r.comparison_text),
            span(p)
        ));
    }
    h.push_str(&format!(
        "<p class=\"sr-formula\">{}</p></section>",
        esc(&r.change_formulas.join(" · "))
    ));
    h
}

/// The document as one HTML file: the page's report, its styles and page rule inside.
fn html(r: &Report, paper: &str, lang: Lang) -> String {
    let accent = &r.branding.accent;
    let accent = if accent.len() == 7
        && accent.starts_with('#')
        && accent[1..].chars().all(|c| c.is_ascii_hexdigit())
    {
        accent.as_str()
    } else {
        "#0f766e"
    };
    let size = if paper == "Letter" { "letter" } else { "A4" };
    let mut h = format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>:root{{--a:{accent}}}\n{CSS}\n@page{{size:{size};margin:16mm 15mm 18mm;@bottom-right{{content:counter(page) \" / \" counter(pages);font:9pt system-ui,sans-serif;color:{accent}}}}}@page:first{{@bottom-right{{content:none}}}}</style></head><body><article class=\"sr-r-document\" data-report>",
        lang.pick("en", "fr"),
        esc(&r.title)
    );
    h.push_str(&cover_html(r, lang));
    for s in &r.sections {
        h.push_str(&section_html(s, lang));
    }
    h.push_str("</article></body></html>\n");
    h
}
