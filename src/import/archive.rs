//! Zip archives (TikTok's and YouTube Studio's downloads, or any folder zipped): each CSV,
//! spreadsheet or JSON file inside is read as a file of its own, named `archive.zip › entry`.
//! An archive inside an archive is opened too, one level deep.
//!
//! Every entry unpacks through the [`Metered`] reader: the dropped file's unpacking budget is
//! shared by all its archives, and an entry unpacking far past its packed size is a zip bomb
//! (measured, as headers may lie; refused at once when its header says so). Text entries
//! stream into the text reader chunk by chunk; only workbooks, JSON and archives are held
//! whole, within [`WHOLE_BYTES`]. Entries are named, counted and ordered in one pass each, so
//! an archive of 20,000 entries reads in linear time. Windows zippers write `\` in paths
//! (`.\tweets.csv`): it is read as `/`.

use super::budget::{
    read_all, Metered, Refusal, ARCHIVE_ENTRIES, JSON_BYTES, RATIO, RATIO_FLOOR, UNPACK_BYTES,
    WHOLE_BYTES,
};
use super::{extension, read_whole, sniff_kind, text_source, Context, TextReader, WholeFile};
use crate::table::report::{FileKind, Issue, Problem};
use crate::table::FileProblems;
use crate::table::RowSink;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Archives opened inside archives.
const MAX_DEPTH: u8 = 2;
/// Bytes pushed to the text reader at a time.
const CHUNK: usize = 64 * 1024;

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
    let paths: Vec<String> = zip
        .file_names_raw()
        .map(|raw| clean_path(&String::from_utf8_lossy(raw)))
        .collect();
    // A workbook saved with a .zip name: read it as one.
    if paths.iter().any(|n| n == "[Content_Types].xml")
        && paths.iter().any(|n| n.starts_with("xl/"))
    {
        let workbook = WholeFile {
            kind: FileKind::Xlsx,
            ..*file
        };
        return super::read_sheet(&workbook, sink, problems);
    }
    let mut order: Vec<usize> = (0..zip.len()).collect();
    order.sort_by(|&a, &b| paths[a].cmp(&paths[b]));
    if order.len() > ARCHIVE_ENTRIES {
        let issue = Issue::TooManyEntries {
            count: order.len(),
            limit: ARCHIVE_ENTRIES,
        };
        problems.warnings.push(Problem::new(issue, file.display));
        order.truncate(ARCHIVE_ENTRIES);
    }
    let names = Names::of(&paths);
    let mut read_any = false;
    for i in order {
        read_any |= read_entry(&mut zip, i, &names, file, sink, problems);
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

/// An entry's path with `\` read as `/` and a leading `./` or `/` left out.
fn clean_path(raw: &str) -> String {
    let path = raw.replace('\\', "/");
    let mut p = path.as_str();
    loop {
        if let Some(rest) = p.strip_prefix("./") {
            p = rest;
        } else if let Some(rest) = p.strip_prefix('/') {
            p = rest;
        } else {
            break;
        }
    }
    p.to_string()
}

/// The entries' paths, and how many share each base name.
struct Names<'p> {
    paths: &'p [String],
    twins: HashMap<&'p str, usize>,
}

impl<'p> Names<'p> {
    fn of(paths: &'p [String]) -> Names<'p> {
        let mut twins: HashMap<&str, usize> = HashMap::with_capacity(paths.len());
        for p in paths {
            *twins.entry(base_of(p)).or_default() += 1;
        }
        Names { paths, twins }
    }

    /// The name reports show for entry `i`: `archive › base`, or `archive › path` when two
    /// entries share the base name.
    fn shown(&self, display: &str, i: usize) -> String {
        let path = &self.paths[i];
        let base = base_of(path);
        if self.twins.get(base).copied().unwrap_or(0) > 1 {
            format!("{display} › {path}")
        } else {
            format!("{display} › {base}")
        }
    }
}

fn base_of(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Reads entry `i` of the archive as a file of its own, named `archive › entry`; returns
/// whether it was read (folders, hidden files and what is no table are not).
fn read_entry(
    zip: &mut Archive,
    i: usize,
    names: &Names,
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> bool {
    let entry = match zip.by_index(i) {
        Ok(e) => e,
        Err(e) => {
            problems.errors.push(bad_archive(e, file.display));
            return false;
        }
    };
    let path = &names.paths[i];
    let base = base_of(path);
    if entry.is_dir() || path.starts_with("__MACOSX/") || base.starts_with('.') || base.is_empty() {
        return false;
    }
    let shown = names.shown(file.display, i);
    if !readable(base) {
        let issue = Issue::SkippedEntry { name: path.clone() };
        problems.warnings.push(Problem::new(issue, file.display));
        return false;
    }
    if let Some(issue) = refused_at_once(&entry) {
        problems.errors.push(Problem::new(issue, &shown));
        return false;
    }
    let packed = entry.compressed_size();
    let metered = Metered::new(entry, packed, file.context.budget);
    match unpack(metered, base, &shown, file, sink, problems) {
        Ok(read) => read,
        Err(issue) => {
            problems.errors.push(Problem::new(issue, &shown));
            false
        }
    }
}

/// What the entry's header already rules out: a password, a size past the budget, a
/// declared ratio of a zip bomb.
fn refused_at_once(entry: &Entry) -> Option<Issue> {
    let (size, packed) = (entry.size(), entry.compressed_size());
    if entry.encrypted() {
        Some(Issue::Encrypted)
    } else if size > UNPACK_BYTES {
        Some(Issue::TooLarge { bytes: size })
    } else if size > RATIO_FLOOR && size > packed.saturating_mul(RATIO) {
        Some(Issue::ZipBomb { ratio: RATIO })
    } else {
        None
    }
}

/// The issue of an entry whose unpacking failed.
fn unpack_issue(e: &std::io::Error) -> Issue {
    match Refusal::of(e) {
        Some(Refusal::Total) => Issue::UnpackBudget {
            limit: UNPACK_BYTES,
        },
        Some(Refusal::Ratio) => Issue::ZipBomb { ratio: RATIO },
        None => Issue::BadArchive {
            detail: e.to_string(),
        },
    }
}

/// Unpacks an entry and reads it: text streams, the rest is held whole. `Ok` says whether
/// it was read (an empty file, or an archive too deep, is not).
fn unpack(
    mut entry: impl Read,
    base: &str,
    shown: &str,
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> Result<bool, Issue> {
    let mut head = vec![0u8; CHUNK];
    let n = read_some(&mut entry, &mut head)?;
    head.truncate(n);
    if head.is_empty() {
        return Err(Issue::EmptyFile);
    }
    let kind = sniff_kind(base, &head);
    if kind == FileKind::Zip && file.context.depth + 1 >= MAX_DEPTH {
        return Err(Issue::TooDeep);
    }
    let mut names: Vec<&str> = vec![base];
    names.extend_from_slice(file.names);
    let context = Context {
        depth: file.context.depth + 1,
        ..file.context
    };
    if matches!(kind, FileKind::Text | FileKind::Unknown) {
        let source = text_source(shown, base, &names, context.options);
        stream_text(entry, head, TextReader::new(source), sink, problems)?;
        return Ok(true);
    }
    let limit = if kind == FileKind::Json {
        JSON_BYTES
    } else {
        WHOLE_BYTES
    };
    let rest = read_all(&mut entry, limit).map_err(|e| match e {
        Some(e) => unpack_issue(&e),
        None => Issue::FileTooLarge {
            bytes: limit + 1,
            limit,
        },
    })?;
    head.extend_from_slice(&rest);
    let inner = WholeFile {
        kind,
        display: shown,
        file_name: base,
        names: &names,
        reference: crate::table::reference_day(&names, context.options.today),
        bytes: &head,
        context,
    };
    read_whole(&inner, sink, problems);
    Ok(true)
}

/// Streams a text entry into `reader`, its first bytes `head` already read.
fn stream_text(
    mut entry: impl Read,
    head: Vec<u8>,
    mut reader: TextReader,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> Result<(), Issue> {
    let mut chunk = head;
    loop {
        reader.push(&chunk, sink, problems);
        chunk.resize(CHUNK, 0);
        let n = read_some(&mut entry, &mut chunk)?;
        if n == 0 {
            break;
        }
        chunk.truncate(n);
    }
    reader.finish(sink, problems);
    Ok(())
}

/// Fills `buf` as far as the entry goes; the bytes read.
fn read_some(entry: &mut impl Read, buf: &mut [u8]) -> Result<usize, Issue> {
    let mut n = 0;
    while n < buf.len() {
        match entry.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(unpack_issue(&e)),
        }
    }
    Ok(n)
}

/// Whether the entry's extension is one read here.
fn readable(base: &str) -> bool {
    matches!(
        extension(base).as_str(),
        "csv" | "tsv" | "txt" | "xlsx" | "xlsm" | "xls" | "ods" | "json" | "zip"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_paths_and_twins() {
        assert_eq!(clean_path(".\\tweets.csv"), "tweets.csv");
        assert_eq!(clean_path("dir\\sub\\a.csv"), "dir/sub/a.csv");
        assert_eq!(clean_path("/./x.csv"), "x.csv");
        let paths = vec!["a/x.csv".to_string(), "b/x.csv".into(), "y.csv".into()];
        let names = Names::of(&paths);
        assert_eq!(names.shown("z.zip", 0), "z.zip › a/x.csv");
        assert_eq!(names.shown("z.zip", 2), "z.zip › y.csv");
    }
}
