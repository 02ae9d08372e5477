//! `social-roi analyze FILE... [--json] [--lang fr|en]`: reads exports as the page does and
//! prints, per file, what was understood, then what the dataset holds.

use super::{write, Fatal, Options};
use serde::Serialize;
use social_roi::date::Date;
use social_roi::import::report::{FileReport, Status};
use social_roi::import::ImportOptions;
use social_roi::workspace::{Totals, Workspace};
use social_roi::Lang;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Bytes read from a file at a time: the reader streams, as the page's does.
const CHUNK: usize = 1 << 20;

/// The JSON printed: an object, so more can join it later.
#[derive(Serialize)]
struct Analysis<'a> {
    files: Vec<FileReport>,
    totals: &'a Totals,
}

/// Runs `analyze`. Exit status: 0 fine, 1 when a file has errors, 2 when nothing can be read.
pub fn run(o: &Options, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    if o.files.is_empty() {
        return Err(Fatal(
            "analyze needs at least one FILE (CSV, TSV, TXT, XLSX, XLS, ODS, ZIP, JSON or a folder)"
                .into(),
        ));
    }
    let mut paths = Vec::new();
    for f in &o.files {
        collect(Path::new(f), &mut paths)?;
    }
    let mut ws = Workspace::new(ImportOptions { today: today() });
    for path in &paths {
        let name = path.to_string_lossy().into_owned();
        let id = ws.begin(&name);
        let mut file =
            std::fs::File::open(path).map_err(|e| Fatal(format!("{name}: cannot read: {e}")))?;
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = file
                .read(&mut buf)
                .map_err(|e| Fatal(format!("{name}: cannot read: {e}")))?;
            if n == 0 {
                break;
            }
            // The file was just begun: pushing cannot fail.
            let _ = ws.push(id, &buf[..n]);
        }
        let _ = ws.finish(id);
    }
    let reports: Vec<FileReport> = ws
        .reports()
        .into_iter()
        .map(|(_, r)| r.localized(o.lang))
        .collect();
    let totals = ws.totals(o.lang);
    let status = if reports.iter().all(|r| r.status == Status::Unreadable) {
        ExitCode::from(2)
    } else if reports.iter().any(FileReport::has_errors) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    if o.json {
        let json = serde_json::to_string_pretty(&Analysis {
            files: reports,
            totals: &totals,
        })
        .map_err(|e| Fatal(format!("cannot write the report: {e}")))?;
        write(out, &json)?;
    } else {
        write(out, &summary(&reports, &totals, o.lang))?;
    }
    Ok(status)
}

/// A file, or every file under a folder (sorted, hidden ones left out).
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), Fatal> {
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
pub fn today() -> Option<Date> {
    if let Ok(text) = std::env::var("SOCIAL_ROI_TODAY") {
        if let Some(social_roi::date::ParsedDate::Full(d)) =
            social_roi::date::parse(&text, social_roi::date::SlashOrder::MonthFirst)
        {
            return Some(d.date);
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

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
            out.push_str(&format!(
                "  {} — {} ({})\n",
                t.source,
                t.format.label,
                t.format.id.key()
            ));
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
                    "    unrecognised: map its columns in the page's Files tab\n",
                    "    non reconnu\u{a0}: associez ses colonnes dans l’onglet Fichiers de la page\n",
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
        }
    }
    out.push_str(lang.pick("Dataset\n", "Données\n"));
    for g in &totals.groups {
        let currency = g
            .currency
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {} · {}{}: {}\n",
            g.kind_label,
            serde_json::to_value(g.network)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            currency,
            g.records
        ));
        for s in &g.sums {
            out.push_str(&format!(
                "    {}: {} ({} known)\n",
                s.label,
                s.sum.get(),
                s.known
            ));
        }
    }
    out.trim_end().to_string()
}
