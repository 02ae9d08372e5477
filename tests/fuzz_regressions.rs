//! The fuzz regression set (tests/fixtures/fuzz/): every input a fuzz target found to crash
//! or hang the core, read again through the workspace and the analysis, as the targets do.
//! Each must end as a report naming the file, in bounded time. `scripts/test.sh` also runs
//! this file in the release profile, the build users run.

use social_roi::{analyze, AnalysisOptions, Date, ImportOptions, Lang, Status, Workspace};
use std::time::{Duration, Instant};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz/");

#[test]
fn every_regression_reads_as_a_report() {
    let mut seen = 0;
    for entry in std::fs::read_dir(DIR).expect("the regression folder") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name.ends_with(".md") || path.is_dir() {
            continue;
        }
        let bytes = std::fs::read(&path).expect("readable");
        let start = Instant::now();
        let mut ws = Workspace::new(ImportOptions {
            today: Date::new(2026, 1, 15),
        });
        let id = ws.add(&name, &bytes);
        let report = ws.report(id).expect("a report").localized(Lang::En);
        if report.tables.is_empty() {
            assert_eq!(report.status, Status::Unreadable, "{name}");
        }
        for p in report.errors.iter().chain(&report.warnings) {
            assert!(p.message.starts_with(&name), "{}", p.message);
            // A reader's panic is caught natively, but traps in WebAssembly: the guards
            // before the readers must refuse the file first.
            assert!(!p.message.contains("reader stopped"), "{}", p.message);
        }
        let analysis = analyze(ws.dataset(), &AnalysisOptions::default(), Lang::Fr);
        serde_json::to_string(&analysis).expect("serialises");
        assert!(start.elapsed() < Duration::from_secs(10), "{name}");
        seen += 1;
    }
    assert!(seen > 0, "the regression set is empty");
}
