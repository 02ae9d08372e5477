//! # social-roi
//!
//! The metrics core of a social-media ROI calculator that runs in the browser with no server.
//! Everything here is plain Rust, tested natively; `wasm/` is the only module that knows
//! about WebAssembly, and the `social-roi` command line uses the same functions.
//!
//! ```
//! use social_roi::{compute_roi, Lang, RoiInput};
//!
//! // 40 hours at 30 an hour, 400 of ads; 5 000 visits, 2 % convert, 45 per order.
//! let input: RoiInput = serde_json::from_str(r#"{
//!     "currency": "EUR",
//!     "costs": [
//!         {"kind": "time", "hours": "40", "hourly_rate": "30"},
//!         {"kind": "ads", "amount": "400"}
//!     ],
//!     "sales": [{"visits": "5000", "conversion_rate_pct": "2", "value": "45"}]
//! }"#).unwrap();
//! let report = compute_roi(&input, Lang::En);
//! let roi = report.summary.iter().find(|f| f.id == "roi").unwrap();
//! assert_eq!(roi.get(), Some(1.8125)); // (4 500 − 1 600) ÷ 1 600
//! assert_eq!(roi.formula, "ROI = (total return − total cost) ÷ total cost");
//! ```
//!
//! Modules:
//! - [`number`]: numbers as people and exports write them;
//! - [`form`]: typed values and their validation, with a message per field;
//! - [`money`]: currencies and exact amounts;
//! - [`figure`], [`formula`], [`finite`]: what a report is made of;
//! - [`date`]: calendar dates and times as exports write them;
//! - [`model`]: the canonical records every export maps into;
//! - [`draw`]: verifiable winner draws, a pure function of (entries, rules, seed);
//! - [`import`]: bytes to rows, pushed chunk by chunk (text, spreadsheets, zips, JSON), and
//!   the reports of what each file gave;
//! - [`formats`]: rows to canonical records, one file per platform, and format detection;
//! - [`workspace`]: the dropped files and the dataset they make;
//! - [`metrics`]: the formulas, one module per subject;
//! - [`report`]: the report handed to a boss or a client (periods compared, words, benchmark).

#![deny(missing_docs)]

mod date;
mod draw;
mod figure;
mod finite;
mod form;
mod formats;
mod formula;
use formula::formula;
mod hash;
mod i18n;
mod import;
mod metrics;
mod model;
mod money;
mod number;
mod report;
mod schema;
mod sentiment;
mod table;
mod workspace;

// The API: what the wasm bindings, the command line, the tests and the benchmarks use.
pub use date::{parse as parse_date, Date, DateTime, ParsedDate, SlashOrder, Time};
pub use draw::{
    draw_winners, entries_from_json, exclusions_by_reason, is_entries_json, prepare_draw,
    read_certificate, read_entries, redraw, sha256_hex, ticket_score, verify_certificate,
    verify_certificate_checked, Certificate, DrawCounts, DrawError, DrawOptions, DrawSession,
    DrawWarning, EntryList, ExcludedEntries, Exclusion, Per, Person, Pick, Preparation, Prepared,
    Reason as ExclusionReason, ReasonCount, RedrawInput, Rfc3797Drawing, Rules, RulesInput,
    Scheme as DrawScheme, Seed, SeedInput, SeedKind, Selection as Rfc3797Selection, Suspicion,
    SuspicionKind, SuspiciousEntrant, Verification,
};
pub use figure::{Figure, Operand, Unit};
pub use finite::Finite;
pub use form::{json_message, Entry, FieldError, Mark};
pub use formula::Formula;
pub use i18n::Lang;
pub use import::scan::{scan_delimited, ScanCounts};
#[cfg(feature = "spreadsheets")]
pub use import::workbook::read_workbook;
pub use import::workbook::{set_workbook_reader, WorkbookReader, WorkbookRequest};
pub use import::ImportOptions;
pub use metrics::analysis::{
    analysis_defaults, analyze, analyze_summary, prepare_analysis, Analysable, AnalysisOptions,
    AnalysisReport, BusinessHours, Period,
};
pub use metrics::contest::{
    canonical_contest_input, compute_contest, contest_example, join_lists, read_followers,
    ContestInput, ContestReport, FollowerList, Later, ListFormat,
};
pub use metrics::engagement::{EngagementRule, PostRow, Preset};
pub use metrics::export::{
    export_document, network_names, posts_csv, ExportDocument, ExportedFile, NetworkName,
};
pub use metrics::formulas;
pub use metrics::roi::{
    canonical_roi_input, compute_roi, roi_example, CostKind, RoiInput, RoiReport,
};
pub use metrics::series::SeriesSet;
pub use metrics::share_count::{share_count, ShareCountInput};
pub use model::{
    AdRow, DailyRow, Dataset, Entries, EntryRef, EntryRow, Feedback, Message, Metric, Network,
    Origin, Post, PostId, PostMetrics, PostRef, Posts, Records, SearchDimension, SearchRow,
    TrafficRow,
};
pub use money::CURRENCIES;
pub use report::{
    format_date, format_value, format_when, read_report_file, report, report_with_entries,
    AccountInput, AccountRow, Benchmark, BenchmarkInput, Branding, Comparison, ContestSummary,
    Direction, DrawSummary, Headline, Issue, Report, ReportContestInput, ReportFile, ReportInput,
    Row, Section, SectionId, SectionName, Span, REPORT_FORMAT, REPORT_VERSION,
};
pub use schema::{Field, FormatId, RecordKind, ValueKind, FIELDS};
pub use sentiment::{
    evaluate as evaluate_sentiment, lexicon_sizes, measured as sentiment_measured, sentiment,
    ClassScore, Evaluation, Polarity, Sentiment,
};
/// drand rounds: the chains embedded, a round read and its record (the crate
/// `social_roi_beacon`; its `verify_round` with the `drand` feature).
pub use social_roi_beacon as beacon;
pub use table::report::{Failure, FileKind, FileReport, Problem, SkipReason, Status, TableReport};
pub use workspace::{
    import_bytes, Imported, Importer, ReadAgain, RecordFacts, Totals, Workspace, WorkspaceError,
};
