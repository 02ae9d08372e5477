//! The entries of a draw or a contest, read as the page reads them: a JSON list of entries
//! (alone), or one or more files the export readers read (ExportComments CSV and XLSX, any
//! comment export, a list with one entrant per line, zips of them) into one import
//! `Workspace`, in the order given. What the readers skipped or doubted is said on standard
//! error: a row left out of a draw must not go unnoticed.

use super::{supervise, Fatal};
use social_roi::{
    is_entries_json, read_entries, Entries, FileReport, ImportOptions, Lang, RecordKind, Status,
    Workspace,
};
use std::io::Read;

/// Bytes read at a time: the readers stream, as the page's do.
const CHUNK: usize = 1 << 20;
/// Problems printed one by one before "and N more".
const SHOWN: usize = 20;

/// The fields a `--column NAME=FIELD` may name: the comment fields of the export readers.
const FIELDS: &[&str] = &[
    "author",
    "text",
    "date",
    "id",
    "parent_id",
    "profile",
    "likes",
];

/// `--column NAME=FIELD`: a column of a comment file the readers did not recognise.
pub(crate) fn column_arg(value: &str) -> Result<(String, String), String> {
    let parsed = value
        .rsplit_once('=')
        .map(|(c, f)| (c.trim(), f.trim().to_ascii_lowercase()))
        .filter(|(c, f)| !c.is_empty() && FIELDS.contains(&f.as_str()));
    match parsed {
        Some((c, f)) => Ok((c.to_string(), format!("entry.{f}"))),
        None => Err(format!(
            "expected NAME=FIELD with FIELD one of {}, such as --column 'Pseudo=author', found \"{value}\"",
            FIELDS.join(", ")
        )),
    }
}

/// Opens `path` (`-` for standard input) as a reader.
fn open(path: &str) -> Result<Box<dyn Read>, Fatal> {
    if path == "-" {
        return Ok(Box::new(std::io::stdin()));
    }
    let file = std::fs::File::open(path).map_err(|e| Fatal(format!("{path}: cannot read: {e}")))?;
    Ok(Box::new(file))
}

/// Reads up to `buf.len()` bytes, fewer only at the end.
fn fill(r: &mut dyn Read, buf: &mut [u8], path: &str) -> Result<usize, Fatal> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Fatal(format!("{path}: cannot read: {e}"))),
        }
    }
    Ok(n)
}

/// The entries read: in the workspace that read the files (not copied out of it: a million
/// comments take hundreds of megabytes), or a JSON list.
pub(crate) enum Loaded {
    Files(Box<Workspace>),
    List(Entries),
}

impl Loaded {
    /// The entries, in order.
    pub(crate) fn entries(&self) -> &Entries {
        match self {
            Loaded::Files(ws) => &ws.dataset().records.entries,
            Loaded::List(list) => list,
        }
    }
}

/// [`load_in_place`]'s entries as a list of their own.
pub(crate) fn load(
    paths: &[String],
    columns: &[(String, String)],
    lang: Lang,
) -> Result<Entries, Fatal> {
    Ok(match load_in_place(paths, columns, lang)? {
        Loaded::Files(ws) => ws.dataset().records.entries.clone(),
        Loaded::List(list) => list,
    })
}

/// Reads the entries of `paths`, mapping the columns of unrecognised tables with `columns`
/// (`(column, field key)` pairs); what the readers skipped or doubted goes to standard error.
pub(crate) fn load_in_place(
    paths: &[String],
    columns: &[(String, String)],
    lang: Lang,
) -> Result<Loaded, Fatal> {
    if paths.is_empty() {
        return Err(Fatal("no ENTRIES file given; see social-roi --help".into()));
    }
    // Today as `analyze` takes it (SOCIAL_ROI_TODAY, else the clock), as the page gives the
    // browser's: it places dates written without a year.
    let mut ws = Workspace::new(ImportOptions {
        today: super::analyze::today(),
    });
    let mut ids = Vec::new();
    let mut buf = vec![0u8; CHUNK];
    for path in paths {
        if let Some(why) = supervise::unreadable(path) {
            let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
            ids.push(ws.add_unreadable(path, bytes, why));
            continue;
        }
        supervise::reading(path);
        let mut reader = open(path)?;
        let n = fill(reader.as_mut(), &mut buf, path)?;
        if is_entries_json(path, &buf[..n]) {
            if paths.len() > 1 {
                return Err(Fatal(format!(
                    "{path}: a JSON list of entries holds all of a draw's entries: give it alone, not with other files"
                )));
            }
            let mut bytes = buf[..n].to_vec();
            reader
                .read_to_end(&mut bytes)
                .map_err(|e| Fatal(format!("{path}: cannot read: {e}")))?;
            let text = String::from_utf8(bytes).map_err(|e| {
                Fatal(format!(
                    "{path}: not UTF-8 text (byte {})",
                    e.utf8_error().valid_up_to() + 1
                ))
            })?;
            return read_entries(path, &text)
                .map(Loaded::List)
                .map_err(|e| Fatal(e.message));
        }
        let id = ws.begin(path);
        push_rest(&mut ws, id, reader.as_mut(), &mut buf, n, path)?;
        ids.push(id);
    }
    for (&id, path) in ids.iter().zip(paths) {
        map_columns(&mut ws, id, columns, lang)?;
        let again = ws.report(id).is_ok_and(|r| r.status == Status::ReadAgain);
        if again && path != "-" {
            // A large table's mapping applies as the file is read again.
            let _ = ws.reread(id);
            supervise::reading(path);
            let mut reader = open(path)?;
            let n = fill(reader.as_mut(), &mut buf, path)?;
            push_rest(&mut ws, id, reader.as_mut(), &mut buf, n, path)?;
        }
    }
    for &id in &ids {
        let Ok(report) = ws.report(id) else { continue };
        check_report(&report.localized(lang), lang)?;
    }
    Ok(Loaded::Files(Box::new(ws)))
}

/// Pushes the `n` bytes in `buf`, then the rest of `reader`, into file `id`, and finishes it.
fn push_rest(
    ws: &mut Workspace,
    id: u32,
    reader: &mut dyn Read,
    buf: &mut [u8],
    n: usize,
    path: &str,
) -> Result<(), Fatal> {
    // The file was just begun: pushing cannot fail.
    let _ = ws.push(id, &buf[..n]);
    let mut n = n;
    while n == buf.len() {
        n = fill(reader, buf, path)?;
        let _ = ws.push(id, &buf[..n]);
        supervise::progress();
    }
    let _ = ws.finish(id);
    supervise::done();
    Ok(())
}

/// Applies `columns` to every table of file `id` that waits for its columns to be mapped.
fn map_columns(
    ws: &mut Workspace,
    id: u32,
    columns: &[(String, String)],
    lang: Lang,
) -> Result<(), Fatal> {
    let Ok(report) = ws.report(id) else {
        return Ok(());
    };
    let waiting: Vec<(usize, String, Vec<String>)> = report
        .tables
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let m = t.mapping.as_ref().filter(|m| m.applied.is_none())?;
            Some((i, t.source.clone(), m.header.clone()))
        })
        .collect();
    if columns.is_empty() {
        return Ok(());
    }
    for (table, source, header) in waiting {
        let missing: Vec<&str> = columns
            .iter()
            .map(|(c, _)| c.as_str())
            .filter(|c| !header.iter().any(|h| h.trim() == *c))
            .collect();
        if !missing.is_empty() {
            return Err(Fatal(format!(
                "{}: --column names {}, which the table does not have; its columns are {}",
                source,
                quoted(&missing),
                quoted(&header.iter().map(String::as_str).collect::<Vec<_>>())
            )));
        }
        ws.apply_mapping(id, table, columns)
            .map_err(|e| Fatal(e.message(lang)))?;
    }
    Ok(())
}

fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Fails when a file gives no entries (unreadable, columns to map, another kind of export);
/// says on standard error what was skipped or doubted.
fn check_report(r: &FileReport, lang: Lang) -> Result<(), Fatal> {
    require_readable(r)?;
    require_mapped(r)?;
    require_entries(r)?;
    print_notes(r, lang);
    Ok(())
}

/// Fails when the file could not be read at all.
fn require_readable(r: &FileReport) -> Result<(), Fatal> {
    if r.status != Status::Unreadable {
        return Ok(());
    }
    let why: Vec<&str> = r.errors.iter().map(|e| e.message.as_str()).collect();
    Err(Fatal(if why.is_empty() {
        format!("{}: cannot be read", r.name)
    } else {
        why.join("; ")
    }))
}

/// Fails on the first table whose columns wait to be mapped, with the `--column` options
/// that would map them.
fn require_mapped(r: &FileReport) -> Result<(), Fatal> {
    let Some((source, m)) = r.tables.iter().find_map(|t| {
        let m = t.mapping.as_ref().filter(|m| m.applied.is_none())?;
        Some((&t.source, m))
    }) else {
        return Ok(());
    };
    let suggested: Vec<String> = m
        .header
        .iter()
        .zip(&m.suggested)
        .filter_map(|(h, f)| {
            let key = f.as_ref()?.key();
            let field = key.strip_prefix("entry.")?;
            Some(format!("--column '{h}={field}'"))
        })
        .collect();
    let hint = if suggested.is_empty() {
        "such as --column 'Pseudo=author' --column 'Message=text'".to_string()
    } else {
        format!("here probably {}", suggested.join(" "))
    };
    Err(Fatal(format!(
        "{}: these columns are not a comment export we know ({}); say which holds the entrant and the comment with --column NAME=FIELD ({}): {hint}",
        source,
        quoted(&m.header.iter().map(String::as_str).collect::<Vec<_>>()),
        FIELDS.join(", ")
    )))
}

/// Fails when the file gave no entry: what it reads as instead, or its first problem.
fn require_entries(r: &FileReport) -> Result<(), Fatal> {
    if r.records.entries != 0 {
        return Ok(());
    }
    let read_as: Vec<String> = r
        .tables
        .iter()
        .filter(|t| t.format.kind != Some(RecordKind::Entries))
        .map(|t| format!("{} ({})", t.format.label, t.format.id.key()))
        .collect();
    let first = r
        .tables
        .iter()
        .flat_map(|t| t.errors.first())
        .chain(r.errors.first())
        .next();
    Err(Fatal(
        if let (true, Some(p)) = (read_as.is_empty(), first) {
            format!("{}: no comment or entrant found; {}", r.name, p.message)
        } else if read_as.is_empty() {
            format!("{}: no comment or entrant found", r.name)
        } else {
            format!(
                "{}: no comment or entrant found: it reads as {}, not a comment export",
                r.name,
                read_as.join(", ")
            )
        },
    ))
}

/// Says on standard error what the readers skipped or doubted: the first [`SHOWN`] problems,
/// then how many more.
fn print_notes(r: &FileReport, lang: Lang) {
    let mut notes: Vec<&str> = Vec::new();
    let mut more = 0u64;
    notes.extend(
        r.errors
            .iter()
            .chain(&r.warnings)
            .map(|p| p.message.as_str()),
    );
    for t in &r.tables {
        notes.extend(
            t.errors
                .iter()
                .chain(&t.warnings)
                .map(|p| p.message.as_str()),
        );
        more += t.error_count.saturating_sub(t.errors.len() as u64);
    }
    let mark = lang.pick("note:", "remarque\u{a0}:");
    for n in notes.iter().take(SHOWN) {
        eprintln!("social-roi: {mark} {n}");
    }
    let more = more + notes.len().saturating_sub(SHOWN) as u64;
    if more > 0 {
        let and = match lang {
            Lang::En => format!("{}: and {more} more", r.name),
            Lang::Fr => format!("{}\u{a0}: et {more} de plus", r.name),
        };
        eprintln!("social-roi: {mark} {and}");
    }
}
