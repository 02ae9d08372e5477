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
//! - [`input`]: typed values and their validation, with a message per field;
//! - [`money`]: currencies and exact amounts;
//! - [`figure`], [`formula`], [`finite`]: what a report is made of;
//! - [`date`]: calendar dates and times as exports write them;
//! - [`model`]: the canonical records every export maps into;
//! - [`draw`]: verifiable winner draws, a pure function of (entries, rules, seed);
//! - [`import`]: bytes to rows, pushed chunk by chunk (text, spreadsheets, zips, JSON), and
//!   the reports of what each file gave;
//! - [`formats`]: rows to canonical records, one file per platform, and format detection;
//! - [`workspace`]: the dropped files and the dataset they make;
//! - [`metrics`]: the formulas, one module per subject.

#![deny(missing_docs)]

pub mod date;
pub mod draw;
pub mod figure;
pub mod finite;
pub mod formats;
pub mod formula;
pub mod i18n;
pub mod import;
pub mod input;
pub mod metrics;
pub mod model;
pub mod money;
pub mod number;
pub mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use figure::{Figure, Operand, Unit};
pub use finite::Finite;
pub use i18n::Lang;
pub use metrics::roi::{compute as compute_roi, RoiInput, RoiReport};
