//! What a report is made of, as the page and `social-roi report --options` give it: the
//! period, what it is compared with, the sections ticked, the analysis options, the ROI
//! calculator's input, the branding, the notes and edited words, the competitor benchmark, and
//! the previous issue's figures when the report continues a saved one. Every field has a
//! default; unknown keys are rejected.

use crate::figure::Figure;
use crate::metrics::analysis::{AnalysisOptions, Period};
use crate::metrics::roi::RoiInput;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::benchmark::BenchmarkInput;
use super::contest::ReportContestInput;

/// How to build a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportInput {
    /// The report's title; blank: "Social media report".
    pub title: String,
    /// The period reported on; blank ends: see [`Comparison`] and `docs/report.md`.
    pub period: Period,
    /// What the period is compared with.
    pub comparison: Comparison,
    /// The period compared with, when `comparison` is `custom`.
    pub comparison_period: Period,
    /// The sections ticked, shown in the fixed order of [`SectionId::ALL`]; empty: all.
    pub sections: Vec<SectionId>,
    /// How to analyse the files (its own `period` is ignored: the report sets it).
    pub analysis: AnalysisOptions,
    /// The ROI calculator's input, for the ROI summary; `null`: no ROI summary.
    pub roi: Option<RoiInput>,
    /// Who the report is from and for.
    pub branding: Branding,
    /// The community manager's notes, by section key (`engagement`).
    pub notes: BTreeMap<String, String>,
    /// The words as the user edited them, by section key; a section without an entry gets
    /// the words the core writes.
    pub words: BTreeMap<String, String>,
    /// The competitor benchmark.
    pub benchmark: BenchmarkInput,
    /// The contest of the period (the Contest tab's inputs and its draw's certificate), for
    /// the contest section; `null`: none.
    pub contest: Option<ReportContestInput>,
    /// The figures of the issue this one follows (a saved report file's `issue`), compared
    /// with when `comparison` is `saved`.
    pub previous_issue: Option<Issue>,
}

/// What the period is compared with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The period just before: the month before when the period is a whole calendar month,
    /// else the same number of days just before.
    #[default]
    Previous,
    /// `comparison_period`.
    Custom,
    /// The figures of `previous_issue` (the report this one follows).
    Saved,
    /// Nothing: the period alone.
    None,
}

/// Who the report is from and for.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Branding {
    /// The agency's or company's name.
    pub agency: String,
    /// The client's name.
    pub client: String,
    /// The logo, as a `data:image/…;base64,` URL (kept in the report file).
    pub logo: String,
    /// The accent colour, `#rrggbb`; blank: the page's own.
    pub accent: String,
}

/// The sections a report can hold, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionId {
    /// The ROI calculator's summary.
    Roi,
    /// Engagement KPIs: totals and rates.
    Engagement,
    /// Follower growth and churn.
    Growth,
    /// The community manager's activity and response times.
    Activity,
    /// The best and worst posts.
    TopPosts,
    /// The contest's outcome and its draw's certificate.
    Contest,
    /// Search visibility.
    Search,
    /// Ad costs.
    Ads,
    /// The competitor benchmark.
    Benchmark,
}

impl SectionId {
    /// Every section, in the order they are shown.
    pub const ALL: [SectionId; 9] = [
        SectionId::Roi,
        SectionId::Engagement,
        SectionId::Growth,
        SectionId::Activity,
        SectionId::TopPosts,
        SectionId::Contest,
        SectionId::Search,
        SectionId::Ads,
        SectionId::Benchmark,
    ];

    /// Its key, as in the JSON (`top_posts`).
    pub fn key(self) -> &'static str {
        match self {
            SectionId::Roi => "roi",
            SectionId::Engagement => "engagement",
            SectionId::Growth => "growth",
            SectionId::Activity => "activity",
            SectionId::TopPosts => "top_posts",
            SectionId::Contest => "contest",
            SectionId::Search => "search",
            SectionId::Ads => "ads",
            SectionId::Benchmark => "benchmark",
        }
    }
}

/// One issue's headline figures, as a report file keeps them for the next issue.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Issue {
    /// The period it reported on.
    pub period: Period,
    /// Its headline figures.
    pub figures: Vec<Headline>,
}

/// One headline figure of an issue, with what it was computed under.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    /// The section it is shown in.
    pub section: SectionId,
    /// The figure.
    pub figure: Figure,
    /// The formula's id (`engagement_rate.by_reach`), when it is a declared formula: the
    /// same figure in another language has the same one.
    pub formula: Option<String>,
    /// The engagement definition it depends on (preset and rule), when it does.
    pub definition: Option<String>,
}
