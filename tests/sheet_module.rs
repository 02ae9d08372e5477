//! The page's spreadsheet module (crates/sheets) against the readers built in: every workbook
//! the tests have (fixtures, fuzz finds, workbooks inside archives) reads the same when it goes
//! through the module's answer (`read_workbook`, replayed by a core that hands workbooks to a
//! registered reader) as when the core reads it itself: the same report, records, rows kept
//! for mapping, problems and messages in both languages.

use social_roi::{
    import_bytes, read_workbook, set_workbook_reader, Date, ImportOptions, Imported, Lang, Records,
    WorkbookRequest,
};
use std::path::{Path, PathBuf};

fn options() -> ImportOptions {
    ImportOptions {
        today: Date::new(2026, 1, 15),
    }
}

/// Everything a user would compare: the report as JSON in both languages, the records (their
/// symbol tables' maps compared as maps), the rows kept for mapping.
#[derive(Debug, PartialEq)]
struct Seen(String, Vec<Records>, String);

fn seen(i: &Imported) -> Seen {
    let mut report = String::new();
    for lang in [Lang::En, Lang::Fr] {
        report += &serde_json::to_string(&i.report.localized(lang)).unwrap();
    }
    Seen(report, i.records.clone(), format!("{:?}", i.raw))
}

fn workbooks(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            workbooks(&path, out);
        } else if let Some(ext) = path.extension().and_then(|e| e.to_str()) {
            if matches!(ext, "xlsx" | "xls" | "ods" | "zip") {
                out.push(path);
            }
        }
    }
}

/// The module as the page's worker calls it.
fn module(request: &WorkbookRequest<'_>) -> Option<Result<Vec<u8>, Option<String>>> {
    Some(Ok(read_workbook(request)))
}

fn read_both(name: &str, bytes: &[u8]) -> (Seen, Seen) {
    let direct = seen(&import_bytes(name, bytes, options()));
    set_workbook_reader(Some(module));
    let through = seen(&import_bytes(name, bytes, options()));
    set_workbook_reader(None);
    (direct, through)
}

#[test]
fn every_workbook_reads_the_same_through_the_module() {
    let mut files = Vec::new();
    workbooks(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures"),
        &mut files,
    );
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    if shared.is_dir() {
        workbooks(&shared, &mut files);
    }
    assert!(files.len() >= 15, "{files:?}");
    for path in files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let (direct, through) = read_both(name, &bytes);
        assert!(direct == through, "{}", path.display());
        // Cut anywhere, a workbook still reads the same (the module's errors replayed).
        for cut in [bytes.len() / 3, bytes.len() / 2, bytes.len() * 9 / 10] {
            let (direct, through) = read_both(name, &bytes[..cut]);
            assert!(direct == through, "{} cut at {cut}", path.display());
        }
    }
}

/// A module that has not loaded, or that stopped, is said so, on the file it was reading.
#[test]
fn a_missing_or_stopped_module_is_said() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import/linkedin/acme_followers_1714435200000.xlsx"),
    )
    .unwrap();
    let codes = |reader: social_roi::WorkbookReader| {
        set_workbook_reader(Some(reader));
        let i = import_bytes("book.xlsx", &bytes, options());
        set_workbook_reader(None);
        let errors = &i.report.errors;
        errors
            .iter()
            .map(|p| (p.code, p.source.clone()))
            .collect::<Vec<_>>()
    };
    let none = codes(|_| None);
    assert_eq!(
        none,
        [("needs_spreadsheet_reader", "book.xlsx".to_string())]
    );
    let said = codes(|_| Some(Err(Some("not a kind of workbook: xlsm".into()))));
    assert_eq!(said, [("reader_stopped", "book.xlsx".to_string())]);
    let trapped = codes(|_| Some(Err(None)));
    assert_eq!(trapped, [("reader_stopped", "book.xlsx".to_string())]);
    let damaged = codes(|_| Some(Ok(b"SRW1\0\0\0\0\0\0\0\0\x02".to_vec())));
    assert_eq!(damaged, [("reader_stopped", "book.xlsx".to_string())]);
}
