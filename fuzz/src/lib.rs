//! What every fuzz target checks, shared: a file read through the workspace and analysed, and
//! the invariants that hold whatever the bytes (a report for the file, messages that name it,
//! no figure that is NaN or infinite, everything serialisable in both languages).

use social_roi::{analyze, AnalysisOptions, Date, ImportOptions, Lang, Status, Workspace};

/// Reads `data` as the file `name`, pushed in chunks whose sizes the first byte picks, then
/// analyses the dataset and checks the invariants.
pub fn read_file(name: &str, data: &[u8]) {
    let (chunk, bytes) = match data.split_first() {
        Some((c, rest)) => (1 + usize::from(*c) * 37, rest),
        None => (1, data),
    };
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 1, 15),
    });
    let id = ws.begin(name);
    for piece in bytes.chunks(chunk) {
        ws.push(id, piece).expect("a begun file takes chunks");
    }
    let report = ws.finish(id).expect("a begun file finishes").clone();
    assert_eq!(report.bytes, bytes.len() as u64);
    if report.tables.is_empty() {
        assert!(!report.errors.is_empty(), "no table and no error");
        assert_eq!(report.status, Status::Unreadable);
    }
    for lang in [Lang::En, Lang::Fr] {
        let l = report.localized(lang);
        for p in l.errors.iter().chain(&l.warnings) {
            assert!(p.message.starts_with(name), "{}", p.message);
        }
        // A reader's panic, caught here, would trap in WebAssembly: a crash for the page.
        if lang == Lang::En {
            let stopped = l
                .errors
                .iter()
                .map(|p| &p.message)
                .find(|m| m.contains("reader stopped"));
            assert!(stopped.is_none(), "{stopped:?}");
        }
        for t in &l.tables {
            for p in t.errors.iter().chain(&t.warnings) {
                assert!(p.message.starts_with(name), "{}", p.message);
            }
        }
        serde_json::to_string(&l).expect("a report serialises");
    }
    let analysis = analyze(ws.dataset(), &AnalysisOptions::default(), Lang::En);
    finite_json(&serde_json::to_value(&analysis).expect("an analysis serialises"));
    finite_json(&serde_json::to_value(ws.totals(Lang::Fr)).expect("totals serialise"));
}

/// No number in a report is NaN or infinite (serde_json writes them as null; a figure's value
/// is a `Finite`, so a null there would be a bug only if the type allowed it: this checks the
/// numbers that are written).
pub fn finite_json(v: &serde_json::Value) {
    match v {
        serde_json::Value::Number(n) => {
            if let Some(x) = n.as_f64() {
                assert!(x.is_finite(), "{x}");
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(finite_json),
        serde_json::Value::Object(o) => o.values().for_each(finite_json),
        _ => {}
    }
}

/// `data` cut in `n` parts at the byte 0xFF (missing parts empty).
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = data.splitn(n, |&b| b == 0xFF).collect();
    out.resize(n, &[]);
    out
}

/// The workbook `base` (a zip) with the entries `replace` put in, every entry stored
/// uncompressed with its right checksum: the structure-aware targets mutate a workbook's XML
/// and let this wrap it, so the mutations reach the XML readers instead of the inflater.
pub fn rezip(base: &[u8], replace: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::{Cursor, Read, Write};
    let mut zip = zip::ZipArchive::new(Cursor::new(base)).expect("the base is a zip");
    let mut out = Vec::new();
    let mut w = zip::ZipWriter::new(Cursor::new(&mut out));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("the base reads");
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if replace.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).expect("the base reads");
        w.start_file(name, stored).expect("writes");
        w.write_all(&bytes).expect("writes");
    }
    for (name, bytes) in replace {
        if !bytes.is_empty() {
            w.start_file(*name, stored).expect("writes");
            w.write_all(bytes).expect("writes");
        }
    }
    w.finish().expect("writes");
    out
}
