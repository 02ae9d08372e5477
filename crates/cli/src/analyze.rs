//! `social-roi analyze FILE... [--json | --csv] [--lang fr|en] [--options FILE.json]
//! [--preset NAME]`: reads exports as the page does and prints, per file, what was understood,
//! what the dataset holds, and the analysis of it (the page's Analysis tab, same core, same
//! report); `--csv` prints the per-post CSV instead, the bytes of the page's Export button.

mod reputation;

use super::{json_error, lang_value, read_input, supervise, to_json, value_text, write, Fatal};
use clap::Args;
use serde::Serialize;
use social_roi::{
    analyze, posts_csv, AnalysisOptions, AnalysisReport, Date, Figure, FileReport, ImportOptions,
    Lang, Preset, Status, Totals, Workspace,
};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Bytes read from a file at a time: the reader streams, as the page's does.
const CHUNK: usize = 1 << 20;

/// Reads exports as the page does and says, per file, what was understood, what the dataset
/// holds, then the analysis: engagement rates, Kaushik's rates, growth, activity, cost link.
#[derive(Args)]
#[command(
    after_help = "Exit status: 0 fine, 1 a file or the options have errors, 2 nothing \
could be read."
)]
pub(crate) struct AnalyzeArgs {
    /// Print every figure as JSON (without it, a readable summary).
    #[arg(long)]
    json: bool,
    /// Print the per-post CSV instead, as the page's Export button saves it (UTF-8 with a
    /// byte-order mark; `;` and decimal commas with --lang fr).
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    /// The language of labels and messages.
    #[arg(long, value_name = "en|fr", value_parser = lang_value, default_value = "en")]
    lang: Lang,
    /// The analysis options JSON (see docs/analysis.md).
    #[arg(long, value_name = "OPTIONS.json")]
    options: Option<String>,
    /// The engagement definition: hootsuite, later, rival_iq, metricool, x or custom
    /// (overrides the options').
    #[arg(long, value_name = "NAME", value_parser = preset_arg)]
    preset: Option<Preset>,
    /// Maps a column of unrecognised tables (an inbox export) to a field, such as
    /// "Received at=message.received"; repeat it per column.
    #[arg(long = "map", value_name = "COLUMN=FIELD", value_parser = map_arg)]
    map: Vec<(String, String)>,
    /// Exports: CSV, TSV, TXT, XLSX, XLS, ODS, ZIP, JSON; a folder reads every file in it.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
}

/// The JSON printed: what each file gave, what the dataset holds, and its analysis.
#[derive(Serialize)]
struct Output<'a> {
    files: Vec<FileReport>,
    totals: &'a Totals,
    analysis: &'a AnalysisReport,
}

/// `--preset NAME`.
fn preset_arg(v: &str) -> Result<Preset, String> {
    serde_json::from_value(serde_json::Value::String(v.to_string())).map_err(|_| {
        format!("expected hootsuite, later, rival_iq, metricool, x or custom, found \"{v}\"")
    })
}

/// `--map COLUMN=FIELD`.
fn map_arg(v: &str) -> Result<(String, String), String> {
    match v.rsplit_once('=') {
        Some((c, f)) if !c.trim().is_empty() && !f.trim().is_empty() => {
            Ok((c.to_string(), f.trim().to_string()))
        }
        _ => Err(format!(
            "expected COLUMN=FIELD, such as \"Received at=message.received\", found \"{v}\""
        )),
    }
}

/// The analysis options: `--options FILE`, then `--preset`.
fn analysis_options(o: &AnalyzeArgs) -> Result<AnalysisOptions, Fatal> {
    let mut options = match &o.options {
        Some(path) => {
            let text = read_input(path)?;
            serde_json::from_str(&text).map_err(|e| json_error(path, &e))?
        }
        None => AnalysisOptions::default(),
    };
    if let Some(p) = o.preset {
        options.preset = p;
    }
    Ok(options)
}

/// Maps every unrecognised table whose header has all the columns of `map`; none is an error.
fn apply_map(ws: &mut Workspace, map: &[(String, String)], lang: Lang) -> Result<(), Fatal> {
    let targets: Vec<(u32, usize)> = ws
        .reports()
        .into_iter()
        .flat_map(|(id, r)| {
            r.tables.iter().enumerate().filter_map(move |(i, t)| {
                let offer = t.mapping.as_ref()?;
                map.iter()
                    .all(|(c, _)| offer.header.iter().any(|h| h == c))
                    .then_some((id, i))
            })
        })
        .collect();
    if targets.is_empty() {
        let columns: Vec<&str> = map.iter().map(|(c, _)| c.as_str()).collect();
        return Err(Fatal(format!(
            "--map: no unrecognised table has the columns {}",
            columns.join(", ")
        )));
    }
    for (id, table) in targets {
        ws.apply_mapping(id, table, map)
            .map_err(|e| Fatal(format!("--map: {}", e.message(lang))))?;
    }
    Ok(())
}

/// Runs `analyze`. Exit status: 0 fine, 1 when a file or the options have errors, 2 when
/// nothing can be read.
pub(crate) fn run(o: &AnalyzeArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let options = analysis_options(o)?;
    let mut paths = Vec::new();
    for f in &o.files {
        collect(Path::new(f), &mut paths)?;
    }
    let mut ws = Workspace::new(ImportOptions { today: today() });
    let mut ids = Vec::with_capacity(paths.len());
    for path in &paths {
        ids.push(read_file(&mut ws, path)?);
    }
    if !o.map.is_empty() {
        apply_map(&mut ws, &o.map, o.lang)?;
        for (&id, path) in ids.iter().zip(&paths) {
            if ws.report(id).is_ok_and(|r| r.status == Status::ReadAgain) {
                // A large table's mapping applies as the file is read again.
                let _ = ws.reread(id);
                push_file(&mut ws, id, path)?;
            }
        }
    }
    let reports: Vec<FileReport> = ws
        .reports()
        .into_iter()
        .map(|(_, r)| r.localized(o.lang))
        .collect();
    let totals = ws.totals(o.lang);
    let analysis = analyze(&ws, &options, o.lang);
    let status = if reports.iter().all(|r| r.status == Status::Unreadable) {
        ExitCode::from(2)
    } else if reports.iter().any(FileReport::has_errors) || !analysis.errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if o.csv {
        out.write_all(posts_csv(&analysis, o.lang).as_bytes())
            .map_err(|e| Fatal(format!("cannot write the output: {e}")))?;
    } else if o.json {
        let output = Output {
            files: reports,
            totals: &totals,
            analysis: &analysis,
        };
        write(out, &to_json(&output)?)?;
    } else {
        let mut text = summary(&reports, &totals, o.lang);
        text.push('\n');
        text.push_str(&analysis_text(&analysis, o.lang));
        write(out, text.trim_end())?;
    }
    Ok(status)
}

/// Reads the file at `path` into `ws`, chunk by chunk as the page does; returns its id. A
/// file an earlier worker failed on is marked unreadable instead (see `supervise`).
pub(crate) fn read_file(ws: &mut Workspace, path: &Path) -> Result<u32, Fatal> {
    let name = path.to_string_lossy().into_owned();
    if let Some(why) = supervise::unreadable(&name) {
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        return Ok(ws.add_unreadable(&name, bytes, why));
    }
    let id = ws.begin(&name);
    push_file(ws, id, path)?;
    Ok(id)
}

/// Pushes the bytes of the file at `path` into file `id` (begun, or being read again) and
/// finishes it.
fn push_file(ws: &mut Workspace, id: u32, path: &Path) -> Result<(), Fatal> {
    let name = path.to_string_lossy().into_owned();
    supervise::reading(&name);
    let cannot = |e: std::io::Error| Fatal(format!("{name}: cannot read: {e}"));
    let mut file = std::fs::File::open(path).map_err(cannot)?;
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = file.read(&mut buf).map_err(cannot)?;
        if n == 0 {
            break;
        }
        // The file was just begun: pushing cannot fail.
        let _ = ws.push(id, &buf[..n]);
        supervise::progress();
    }
    let _ = ws.finish(id);
    supervise::done();
    Ok(())
}

/// A file, or every file under a folder (sorted, hidden ones left out).
pub(crate) fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Fatal> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Fatal(format!("{}: cannot read: {e}", path.display())))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Fatal(format!("{}: cannot read the folder: {e}", path.display())))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    entries.sort();
    for e in entries {
        collect(&e, out)?;
    }
    Ok(())
}

/// Today's date in UTC, from the system clock (`SOCIAL_ROI_TODAY=2026-04-30` sets it, for
/// reproducible runs of files with yearless dates).
pub(crate) fn today() -> Option<Date> {
    if let Ok(text) = std::env::var("SOCIAL_ROI_TODAY") {
        if let Some(social_roi::ParsedDate::Full(d)) =
            social_roi::parse_date(&text, social_roi::SlashOrder::MonthFirst)
        {
            return Some(d.date);
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

/// What each file gave, then what the dataset holds.
fn summary(reports: &[FileReport], totals: &Totals, lang: Lang) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&format!("{}\n", r.name));
        for e in &r.errors {
            out.push_str(&format!("  ✗ {}\n", e.message));
        }
        for w in &r.warnings {
            out.push_str(&format!("  ! {}\n", w.message));
        }
        for t in &r.tables {
            out.push_str(&table_text(t, lang));
        }
    }
    out.push_str(&dataset_text(totals, lang));
    out.trim_end().to_string()
}

/// One table of a file: its format, what was read and skipped, its totals checked, its
/// errors and warnings.
fn table_text(t: &social_roi::TableReport, lang: Lang) -> String {
    let mut out = format!(
        "  {} — {} ({})\n",
        t.source,
        t.format.label,
        t.format.id.key()
    );
    out.push_str(&match lang {
        Lang::En => format!(
            "    {} rows read, {} imported, {} columns read, {} ignored\n",
            t.rows,
            t.imported,
            t.mapped.len(),
            t.ignored.len()
        ),
        Lang::Fr => format!(
            "    {} lignes lues, {} importées, {} colonnes lues, {} ignorées\n",
            t.rows,
            t.imported,
            t.mapped.len(),
            t.ignored.len()
        ),
    });
    for s in &t.skipped {
        out.push_str(&format!("    – {} × {}\n", s.count, s.label));
    }
    for c in &t.totals {
        out.push_str(&format!(
            "    Σ {}: {} / {}\n",
            c.column,
            c.file_total.get(),
            c.our_sum.get()
        ));
    }
    if t.mapping.as_ref().is_some_and(|m| m.applied.is_none()) {
        out.push_str(lang.pick(
            "    unrecognised: map its columns with --map, or in the page's Files tab\n",
            "    non reconnu\u{a0}: associez ses colonnes avec --map, ou dans l’onglet Fichiers de la page\n",
        ));
    }
    for e in &t.errors {
        out.push_str(&format!("    ✗ {}\n", e.message));
    }
    if t.error_count > t.errors.len() as u64 {
        out.push_str(&format!("    ✗ … ({})\n", t.error_count));
    }
    for w in &t.warnings {
        out.push_str(&format!("    ! {}\n", w.message));
    }
    out
}

/// What the dataset holds: records per kind, network and currency, and their sums.
fn dataset_text(totals: &Totals, lang: Lang) -> String {
    let mut out = lang.pick("Dataset\n", "Données\n").to_string();
    let colon = lang.pick(": ", "\u{a0}: ");
    if let Some(note) = &totals.counted_once_note {
        out.push_str(&format!("  {note}\n"));
    }
    for g in &totals.groups {
        let currency = g
            .currency
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} · {}{currency}{colon}{}\n",
            g.kind_label,
            g.network.name(),
            g.records
        ));
        for s in &g.sums {
            let known = match lang {
                Lang::En => format!("known for {}", s.known),
                Lang::Fr => format!("connu pour {}", s.known),
            };
            out.push_str(&format!(
                "    {}{colon}{} ({known})\n",
                s.label,
                s.sum.get()
            ));
        }
    }
    out
}

/// One figure: label, value and formula on a line, the inputs it used on the next.
fn figure_text(f: &Figure, currency: Option<&str>, lang: Lang) -> String {
    let mut s = format!(
        "  {:<46} {:>22}   {}\n",
        f.label,
        value_text(f, currency, lang),
        f.formula
    );
    if !f.inputs.is_empty() {
        let inputs: Vec<String> = f
            .inputs
            .iter()
            .map(|i| {
                let shown = Figure {
                    unit: i.unit,
                    value: Some(i.value),
                    ..Figure::custom("", "", i.unit, "")
                };
                format!("{} = {}", i.name, value_text(&shown, currency, lang))
            })
            .collect();
        s.push_str(&format!("      {}\n", inputs.join(" · ")));
    }
    s
}

/// The analysis, readable: the definition used, then the main figures with their formulas.
fn analysis_text(r: &AnalysisReport, lang: Lang) -> String {
    let mut out = range_text(r, lang);
    let colon = lang.pick(": ", "\u{a0}: ");
    if !r.errors.is_empty() {
        out.push_str(lang.pick("Option errors\n", "Erreurs d’options\n"));
        for e in &r.errors {
            out.push_str(&format!("  ✗ {}{colon}{}\n", e.field, e.message));
        }
    }
    for w in &r.warnings {
        out.push_str(&format!("  ! {w}\n"));
    }
    out.push_str(lang.pick("Totals\n", "Totaux\n"));
    push_figures(&mut out, &r.totals.iter().collect::<Vec<_>>(), None, lang);
    out.push_str(&engagement_text(r, lang));
    out.push_str(&followers_text(r, lang));
    out.push_str(&activity_text(r, lang));
    out.push_str(&search_text(r, lang));
    out.push_str(&reputation::reputation_text(r, lang));
    out.push_str(&costs_text(r, lang));
    out
}

/// `list`'s figures, one after the other, in `currency`.
fn push_figures(out: &mut String, list: &[&Figure], currency: Option<&str>, lang: Lang) {
    for f in list {
        out.push_str(&figure_text(f, currency, lang));
    }
}

/// The days analysed and what fell in them, then the definition used.
fn range_text(r: &AnalysisReport, lang: Lang) -> String {
    let colon = lang.pick(": ", "\u{a0}: ");
    let range = &r.range;
    let span = match (range.from, range.to, range.days) {
        (Some(a), Some(b), Some(d)) => match lang {
            Lang::En => format!("{a} to {b} ({d} days)"),
            Lang::Fr => format!("du {a} au {b} ({d} jours)"),
        },
        _ => lang
            .pick("no dated record", "aucun enregistrement daté")
            .to_string(),
    };
    let mut out = match lang {
        Lang::En => format!(
            "Analysis, {span}: {} posts, {} daily rows, {} ad rows, {} messages\n",
            range.posts, range.daily_rows, range.ad_rows, range.messages
        ),
        Lang::Fr => format!(
            "Analyse, {span}\u{a0}: {} publications, {} lignes quotidiennes, {} lignes publicitaires, {} messages\n",
            range.posts, range.daily_rows, range.ad_rows, range.messages
        ),
    };
    let d = &r.definition;
    out.push_str(&format!("  {}{colon}{}\n", d.label, d.explanation));
    for c in &d.counted {
        out.push_str(&format!(
            "    {}{colon}{} ÷ {}\n",
            c.network.name(),
            c.text,
            c.denominator.name(lang)
        ));
    }
    for s in &d.sources {
        out.push_str(&format!("    {s}\n"));
    }
    out
}

/// The engagement figures, the top posts and the best posting times.
fn engagement_text(r: &AnalysisReport, lang: Lang) -> String {
    let e = &r.engagement;
    let mut out = lang.pick("Engagement\n", "Engagement\n").to_string();
    let mut list = vec![&e.rate, &e.rate_other_aggregation];
    list.extend(&e.by_denominator);
    list.extend(&e.audience);
    push_figures(&mut out, &list, None, lang);
    if !e.top_posts.is_empty() {
        out.push_str(lang.pick("Top posts\n", "Meilleures publications\n"));
        for (i, p) in e.top_posts.iter().enumerate() {
            let rate = Figure {
                value: p.rate,
                ..Figure::custom("", "", e.rate_unit, "")
            };
            let text: String = p
                .text
                .as_deref()
                .unwrap_or(&p.id)
                .chars()
                .take(60)
                .collect();
            let day = p.published.map(|w| w.date.to_string()).unwrap_or_default();
            out.push_str(&format!(
                "  {}. {:>14}  {} {day}  {}\n",
                i + 1,
                value_text(&rate, None, lang),
                p.network.name(),
                text.replace(['\n', '\r'], " ")
            ));
        }
    }
    out.push_str(&best_times_text(r, lang));
    out
}

/// The best posting times, on the report's clock.
fn best_times_text(r: &AnalysisReport, lang: Lang) -> String {
    if r.heatmap.best.is_empty() {
        return String::new();
    }
    let days = social_roi::analysis_defaults(lang).weekdays;
    let mut out = lang
        .pick("Best posting times\n", "Meilleurs moments pour publier\n")
        .to_string();
    out.push_str(&format!("  {}\n", r.heatmap.clock));
    for c in &r.heatmap.best {
        let rate = Figure {
            value: c.rate,
            ..Figure::custom("", "", r.heatmap.unit, "")
        };
        out.push_str(&format!(
            "  {} {:02}:00  {}  ({} {})\n",
            days.get(usize::from(c.weekday))
                .map_or("", |w| w.name.as_str()),
            c.hour,
            value_text(&rate, None, lang),
            c.posts,
            lang.pick("posts", "publications")
        ));
    }
    out
}

/// Follower growth, per network and account, then all networks together.
fn followers_text(r: &AnalysisReport, lang: Lang) -> String {
    let colon = lang.pick(": ", "\u{a0}: ");
    let mut out = lang.pick("Followers\n", "Abonnés\n").to_string();
    if let Some(reason) = &r.growth.reason {
        out.push_str(&format!("  — ({reason})\n"));
    }
    for n in &r.growth.networks {
        let account = n
            .account
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {}{account}, {} → {}{colon}{}\n",
            n.network.name(),
            n.first_day,
            n.last_day,
            n.source_text
        ));
        push_figures(&mut out, &n.figures.iter().collect::<Vec<_>>(), None, lang);
    }
    if !r.growth.total.is_empty() {
        out.push_str(lang.pick("  All networks\n", "  Tous réseaux\n"));
        push_figures(
            &mut out,
            &r.growth.total.iter().collect::<Vec<_>>(),
            None,
            lang,
        );
    }
    out
}

/// Posts per week and the responses to messages, all channels then each.
fn activity_text(r: &AnalysisReport, lang: Lang) -> String {
    let colon = lang.pick(": ", "\u{a0}: ");
    let a = &r.activity;
    let mut out = lang.pick("Activity\n", "Activité\n").to_string();
    let mut list = vec![&a.posts_per_week];
    list.extend(&a.posts_per_week_by_network);
    list.extend(&a.responses.figures);
    push_figures(&mut out, &list, None, lang);
    for c in &a.by_channel {
        out.push_str(&format!(
            "  {}{colon}{} / {}\n",
            c.channel.as_deref().unwrap_or("—"),
            c.replied,
            c.received
        ));
        push_figures(&mut out, &c.figures.iter().collect::<Vec<_>>(), None, lang);
    }
    out
}

/// The cost link: what the ads bought per currency, then all costs against the analysis.
/// Search visibility, when the files hold Search Console rows: where the totals come from,
/// the four figures, and the brand split.
fn search_text(r: &AnalysisReport, lang: Lang) -> String {
    let s = &r.search;
    if s.source.is_none() {
        return String::new();
    }
    let mut out = lang
        .pick("Search visibility\n", "Visibilité dans la recherche\n")
        .to_string();
    out.push_str(&format!("  {}\n", s.note));
    push_figures(&mut out, &s.figures.iter().collect::<Vec<_>>(), None, lang);
    for g in &s.brand_split {
        out.push_str(&format!("  {} ({})\n", g.label, g.queries));
        push_figures(&mut out, &g.figures.iter().collect::<Vec<_>>(), None, lang);
    }
    if let Some(reason) = &s.brand_reason {
        out.push_str(&format!("  — ({reason})\n"));
    }
    out
}

fn costs_text(r: &AnalysisReport, lang: Lang) -> String {
    let c = &r.costs;
    let mut out = lang.pick("Costs\n", "Coûts\n").to_string();
    for ads in &c.ads {
        out.push_str(&match lang {
            Lang::En => format!(
                "  Ads, {} (ad rows: {})\n",
                ads.currency.as_deref().unwrap_or("currency unknown"),
                ads.ad_rows
            ),
            Lang::Fr => format!(
                "  Publicités, {} (lignes publicitaires\u{a0}: {})\n",
                ads.currency.as_deref().unwrap_or("devise inconnue"),
                ads.ad_rows
            ),
        });
        let list: Vec<&Figure> = ads.figures.iter().collect();
        push_figures(&mut out, &list, ads.currency.as_deref(), lang);
    }
    match (&c.overall, &c.overall_reason) {
        (Some(o), _) => {
            out.push_str(lang.pick(
                "  All costs against the analysis\n",
                "  Tous les coûts face à l’analyse\n",
            ));
            let list: Vec<&Figure> = o.figures.iter().collect();
            push_figures(&mut out, &list, o.currency.as_deref(), lang);
        }
        (None, Some(reason)) => out.push_str(&format!("  — ({reason})\n")),
        (None, None) => {}
    }
    out
}
