//! The report file: one JSON document that keeps a report for later, its inputs (options,
//! branding, notes, edited words, the benchmark's counts) and its figures, never the raw
//! exports (nor a contest's follower lists or its certificate's draw file). Opening it re-creates the report as it was (`report`, shown as saved when no file
//! is dropped); [`ReportFile::next_issue`] turns it into the input of the next issue, compared
//! with this one. Versioned: `format` names the kind of file, `version` its shape; a file of
//! a later version is refused with a message rather than half read.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

use super::input::{Comparison, Issue, ReportInput};
use super::Report;

/// The `format` of every report file.
pub const REPORT_FORMAT: &str = "social-roi-report";
/// The version this core writes and reads.
pub const REPORT_VERSION: u32 = 1;

/// A report file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportFile {
    /// Always [`REPORT_FORMAT`].
    pub format: String,
    /// [`REPORT_VERSION`] when written.
    pub version: u32,
    /// The language it was written in (`fr`, `en`).
    pub lang: String,
    /// How the report was built.
    pub input: ReportInput,
    /// Its headline figures, for the next issue to compare with.
    pub issue: Issue,
    /// The report as it was shown, to show again without the exports.
    pub report: serde_json::Value,
}

impl ReportFile {
    /// The file of `report`, built from `input`, in `lang`.
    pub fn new(input: &ReportInput, report: &Report, lang: Lang) -> ReportFile {
        ReportFile {
            format: REPORT_FORMAT.to_string(),
            version: REPORT_VERSION,
            lang: lang.pick("en", "fr").to_string(),
            input: kept(input),
            issue: report.issue.clone(),
            report: serde_json::to_value(report).unwrap_or(serde_json::Value::Null),
        }
    }

    /// The input of the next issue: the same options, branding and benchmark, this issue as
    /// the comparison, the period after it (from the day after this one to the files' last
    /// day), the notes and edited words left blank for the new period.
    pub fn next_issue(&self) -> ReportInput {
        let mut input = self.input.clone();
        input.previous_issue = Some(self.issue.clone());
        input.comparison = Comparison::Saved;
        input.period = Default::default();
        input.notes.clear();
        input.words.clear();
        input.contest = None;
        input
    }
}

/// The input as a report file keeps it: the contest's follower lists and the certificate's
/// draw file (lists of people, raw data) left out; the certificate file is the one to verify
/// a draw with.
fn kept(input: &ReportInput) -> ReportInput {
    let mut input = input.clone();
    if let Some(c) = &mut input.contest {
        let f = &mut c.input.followers;
        f.before.list = None;
        f.at_close.list = None;
        for l in &mut f.later {
            l.list = None;
        }
        if let Some(cert) = &mut c.certificate {
            cert.draw_file.clear();
        }
    }
    input
}

/// Reads a report file's text; the message names the line and column of what is wrong and
/// what was expected.
pub fn read_report_file(text: &str, lang: Lang) -> Result<ReportFile, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| place(&e, lang))?;
    let format = value.get("format").and_then(|f| f.as_str());
    if format != Some(REPORT_FORMAT) {
        return Err(match lang {
            Lang::En => format!("not a report file: its \"format\" is not \"{REPORT_FORMAT}\""),
            Lang::Fr => format!(
                "ce n’est pas un fichier de rapport : son « format » n’est pas « {REPORT_FORMAT} »"
            ),
        });
    }
    let version = value.get("version").and_then(|v| v.as_u64());
    if version != Some(u64::from(REPORT_VERSION)) {
        let found = version.map_or("none".to_string(), |v| v.to_string());
        return Err(match lang {
            Lang::En => format!("report file version {found}: this version of social-roi reads version {REPORT_VERSION}"),
            Lang::Fr => format!("fichier de rapport en version {found} : cette version de social-roi lit la version {REPORT_VERSION}"),
        });
    }
    serde_json::from_str(text).map_err(|e| place(&e, lang))
}

fn place(e: &serde_json::Error, lang: Lang) -> String {
    let (line, column) = (e.line(), e.column());
    let message = crate::form::json_message(e);
    match lang {
        Lang::En => format!("line {line}, column {column}: {message}"),
        Lang::Fr => format!("ligne {line}, colonne {column} : {message}"),
    }
}
