//! Zip archives (TikTok's and YouTube Studio's downloads, or any folder zipped): each CSV,
//! spreadsheet or JSON file inside is read as a file of its own, named `archive.zip › entry`.
//! An archive inside an archive is opened too, one level deep.

use super::{extension, read_whole, sniff_kind, Context};
use crate::table::report::{FileKind, Issue, Problem};
use crate::table::FileProblems;
use crate::table::RowSink;
use std::io::{Cursor, Read};

/// The largest file unpacked from an archive (a zip bomb stops here).
pub(crate) const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;
/// Archives opened inside archives.
const MAX_DEPTH: u8 = 2;

/// Reads every table file of the archive `bytes` into `sink`.
pub(crate) fn read(
    display: &str,
    names: &[&str],
    bytes: &[u8],
    ctx: Context,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(z) => z,
        Err(e) => {
            problems.errors.push(Problem::new(
                Issue::BadArchive {
                    detail: e.to_string(),
                },
                display,
            ));
            return FileKind::Zip;
        }
    };
    // A workbook saved with a .zip name: read it as one.
    let entries: Vec<String> = zip
        .file_names()
        .map(|n| n.map(|c| c.into_owned()).unwrap_or_default())
        .collect();
    if entries.iter().any(|n| n == "[Content_Types].xml")
        && entries.iter().any(|n| n.starts_with("xl/"))
    {
        let reference = crate::table::reference_day(names, ctx.options.today);
        let file_name = names.first().copied().unwrap_or(display);
        return super::sheet::read(
            FileKind::Xlsx,
            display,
            file_name,
            reference,
            bytes,
            sink,
            problems,
        );
    }
    let mut order: Vec<usize> = (0..zip.len()).collect();
    order.sort_by_key(|&i| entries.get(i).cloned().unwrap_or_default());
    let mut read_any = false;
    for i in order {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.errors.push(Problem::new(
                    Issue::BadArchive {
                        detail: e.to_string(),
                    },
                    display,
                ));
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        let path = match entry.name() {
            Ok(n) => n.into_owned(),
            Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
        };
        let base = path.rsplit('/').next().unwrap_or(&path).to_string();
        // macOS resource forks and hidden files are no tables.
        if path.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty() {
            continue;
        }
        // The entry's own name, or its path when two entries share the name.
        let twins = entries
            .iter()
            .filter(|e| e.rsplit('/').next() == Some(base.as_str()))
            .count();
        let shown = if twins > 1 {
            format!("{display} › {path}")
        } else {
            format!("{display} › {base}")
        };
        let ext = extension(&base);
        let readable = matches!(
            ext.as_str(),
            "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods" | "json" | "zip"
        );
        if !readable {
            problems.warnings.push(Problem::new(
                Issue::SkippedEntry { name: path.clone() },
                display,
            ));
            continue;
        }
        if entry.encrypted() {
            problems.errors.push(Problem::new(Issue::Encrypted, &shown));
            continue;
        }
        if entry.size() > MAX_ENTRY_BYTES {
            problems.errors.push(Problem::new(
                Issue::TooLarge {
                    bytes: entry.size(),
                },
                &shown,
            ));
            continue;
        }
        let mut data = Vec::with_capacity(entry.size().min(64 * 1024 * 1024) as usize);
        if let Err(e) = (&mut entry)
            .take(MAX_ENTRY_BYTES + 1)
            .read_to_end(&mut data)
        {
            problems.errors.push(Problem::new(
                Issue::BadArchive {
                    detail: e.to_string(),
                },
                &shown,
            ));
            continue;
        }
        let kind = sniff_kind(&base, &data);
        if kind == FileKind::Zip && ctx.depth + 1 >= MAX_DEPTH {
            problems.errors.push(Problem::new(Issue::TooDeep, &shown));
            continue;
        }
        if data.is_empty() {
            problems.errors.push(Problem::new(Issue::EmptyFile, &shown));
            continue;
        }
        read_any = true;
        let mut all_names: Vec<&str> = vec![&base];
        all_names.extend_from_slice(names);
        read_whole(
            kind,
            &shown,
            &base,
            &all_names,
            &data,
            Context {
                options: ctx.options,
                depth: ctx.depth + 1,
            },
            sink,
            problems,
        );
    }
    if !read_any && problems.errors.is_empty() {
        problems
            .errors
            .push(Problem::new(Issue::EmptyArchive, display));
    }
    FileKind::Zip
}
