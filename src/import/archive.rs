//! Zip archives (TikTok's and YouTube Studio's downloads, or any folder zipped): each CSV,
//! spreadsheet or JSON file inside is read as a file of its own, named `archive.zip › entry`.
//! An archive inside an archive is opened too, one level deep.

use super::{extension, read_whole, sniff_kind, Context, WholeFile};
use crate::table::report::{FileKind, Issue, Problem};
use crate::table::FileProblems;
use crate::table::RowSink;
use std::io::{Cursor, Read};

/// The largest file unpacked from an archive (a zip bomb stops here).
pub(crate) const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;
/// Archives opened inside archives.
const MAX_DEPTH: u8 = 2;

type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;
type Entry<'z, 'a> = zip::read::ZipFile<'z, Cursor<&'a [u8]>>;

/// Reads every table file of the archive `file` into `sink`.
pub(crate) fn read(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    let mut zip = match zip::ZipArchive::new(Cursor::new(file.bytes)) {
        Ok(z) => z,
        Err(e) => {
            problems.errors.push(bad_archive(e, file.display));
            return FileKind::Zip;
        }
    };
    let entries: Vec<String> = zip
        .file_names()
        .map(|n| n.map(|c| c.into_owned()).unwrap_or_default())
        .collect();
    // A workbook saved with a .zip name: read it as one.
    if entries.iter().any(|n| n == "[Content_Types].xml")
        && entries.iter().any(|n| n.starts_with("xl/"))
    {
        let workbook = WholeFile {
            kind: FileKind::Xlsx,
            ..*file
        };
        return super::sheet::read(&workbook, sink, problems);
    }
    let mut order: Vec<usize> = (0..zip.len()).collect();
    order.sort_by_key(|&i| entries.get(i).cloned().unwrap_or_default());
    let mut read_any = false;
    for i in order {
        read_any |= read_entry(&mut zip, i, &entries, file, sink, problems);
    }
    if !read_any && problems.errors.is_empty() {
        problems
            .errors
            .push(Problem::new(Issue::EmptyArchive, file.display));
    }
    FileKind::Zip
}

fn bad_archive(e: impl std::fmt::Display, name: &str) -> Problem {
    Problem::new(
        Issue::BadArchive {
            detail: e.to_string(),
        },
        name,
    )
}

/// Reads entry `i` of the archive as a file of its own, named `archive › entry`; returns
/// whether it was read (folders, hidden files and what is no table are not).
fn read_entry(
    zip: &mut Archive,
    i: usize,
    entries: &[String],
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> bool {
    let mut entry = match zip.by_index(i) {
        Ok(e) => e,
        Err(e) => {
            problems.errors.push(bad_archive(e, file.display));
            return false;
        }
    };
    let Some((path, base)) = entry_path(&entry) else {
        return false;
    };
    let shown = shown_name(file.display, &path, &base, entries);
    if !readable(&base) {
        problems.warnings.push(Problem::new(
            Issue::SkippedEntry { name: path.clone() },
            file.display,
        ));
        return false;
    }
    let data = match unpack(&mut entry) {
        Ok(data) => data,
        Err(issue) => {
            problems.errors.push(Problem::new(issue, &shown));
            return false;
        }
    };
    read_unpacked(file, &base, &shown, &data, sink, problems)
}

/// Reads an entry's bytes `data` as a file of its own; whether it was read (an empty file,
/// or an archive too deep, is not).
fn read_unpacked(
    file: &WholeFile,
    base: &str,
    shown: &str,
    data: &[u8],
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> bool {
    let kind = sniff_kind(base, data);
    if kind == FileKind::Zip && file.context.depth + 1 >= MAX_DEPTH {
        problems.errors.push(Problem::new(Issue::TooDeep, shown));
        return false;
    }
    if data.is_empty() {
        problems.errors.push(Problem::new(Issue::EmptyFile, shown));
        return false;
    }
    let mut names: Vec<&str> = vec![base];
    names.extend_from_slice(file.names);
    let inner = WholeFile {
        kind,
        display: shown,
        file_name: base,
        names: &names,
        bytes: data,
        context: Context {
            options: file.context.options,
            depth: file.context.depth + 1,
        },
    };
    read_whole(&inner, sink, problems);
    true
}

/// The entry's path and base name; `None` for a folder, and for macOS resource forks and
/// hidden files, which are no tables.
fn entry_path(entry: &Entry) -> Option<(String, String)> {
    if entry.is_dir() {
        return None;
    }
    let path = match entry.name() {
        Ok(n) => n.into_owned(),
        Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
    };
    let base = path.rsplit('/').next().unwrap_or(&path).to_string();
    if path.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty() {
        return None;
    }
    Some((path, base))
}

/// The name reports show for the entry at `path`: `archive › base`, or `archive › path` when
/// two entries share the base name.
fn shown_name(display: &str, path: &str, base: &str, entries: &[String]) -> String {
    let twins = entries
        .iter()
        .filter(|e| e.rsplit('/').next() == Some(base))
        .count();
    if twins > 1 {
        format!("{display} › {path}")
    } else {
        format!("{display} › {base}")
    }
}

/// Whether the entry's extension is one read here.
fn readable(base: &str) -> bool {
    matches!(
        extension(base).as_str(),
        "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods" | "json" | "zip"
    )
}

/// The entry's bytes; or what is wrong with an encrypted, too large or damaged entry.
fn unpack(entry: &mut Entry) -> Result<Vec<u8>, Issue> {
    if entry.encrypted() {
        return Err(Issue::Encrypted);
    }
    if entry.size() > MAX_ENTRY_BYTES {
        return Err(Issue::TooLarge {
            bytes: entry.size(),
        });
    }
    let mut data = Vec::with_capacity(entry.size().min(64 * 1024 * 1024) as usize);
    entry
        .take(MAX_ENTRY_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(|e| Issue::BadArchive {
            detail: e.to_string(),
        })?;
    Ok(data)
}
