//! Everything the analysis shows.

use crate::date::Date;
use crate::figure::{Figure, Unit};
use crate::form::FieldError;
use crate::metrics::activity::ActivityReport;
use crate::metrics::cost::CostReport;
use crate::metrics::engagement::{Counted, EngagementRule, GroupRow, PostRow};
use crate::metrics::growth::GrowthReport;
use crate::metrics::reputation::ReputationReport;
use crate::metrics::search::SearchReport;
use crate::metrics::series::{Heatmap, SeriesReport};
use serde::Serialize;

/// Everything the analysis shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnalysisReport {
    /// Options that could not be used, placed by their path (`period.from`); each is
    /// ignored and the rest of the report computed without it.
    pub errors: Vec<FieldError>,
    /// The tables the records came from (`book.xlsx › Sheet`), in the dataset's order: a
    /// post's `origin.file` is an index into this list.
    pub sources: Vec<String>,
    /// What the files lacked or held twice, and what was done about it.
    pub warnings: Vec<String>,
    /// The days analysed and how many records fell in them.
    pub range: Range,
    /// The engagement definition used.
    pub definition: Definition,
    /// Totals for the KPI cards: `posts`, `total_engagements`, `total_impressions`,
    /// `total_reach`, `total_views`, `total_clicks`.
    pub totals: Vec<Figure>,
    /// Engagement rates, Kaushik's rates, virality, CTR, posts, top and bottom posts,
    /// comparisons by network and post type.
    pub engagement: EngagementReport,
    /// Follower growth and posting frequency beside unfollows.
    pub growth: GrowthReport,
    /// Daily, weekly and monthly series.
    pub series: SeriesReport,
    /// Weekday × hour posting times.
    pub heatmap: Heatmap,
    /// The community manager's activity.
    pub activity: ActivityReport,
    /// Spend and unit costs, and the ROI calculator patch.
    pub costs: CostReport,
    /// Search visibility (Google Search Console): clicks, impressions, CTR, average
    /// position, the trend by day, brand queries against the others.
    pub search: SearchReport,
    /// What the comments say (estimates), the negative feedback the platforms report, and
    /// the crisis flags.
    pub reputation: ReputationReport,
}

/// The days analysed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Range {
    /// First day (the period's, else the earliest post or daily row).
    pub from: Option<Date>,
    /// Last day.
    pub to: Option<Date>,
    /// Days from `from` to `to`, both included.
    pub days: Option<i64>,
    /// Whether a period was chosen.
    pub filtered: bool,
    /// Posts in the range.
    pub posts: usize,
    /// Daily rows in the range (after dropping duplicate days).
    pub daily_rows: usize,
    /// Ad rows in the range.
    pub ad_rows: usize,
    /// Messages received in the range.
    pub messages: usize,
}

/// The engagement definition used, in words and as data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    /// The preset's key (`custom` for the options' own rule).
    pub preset: &'static str,
    /// Its name.
    pub label: &'static str,
    /// What it computes.
    pub explanation: &'static str,
    /// Where it is published.
    pub sources: Vec<&'static str>,
    /// The rule used.
    pub rule: EngagementRule,
    /// What counts on each network of the files, and what the files lack.
    pub counted: Vec<Counted>,
    /// What each network of the files is actually divided by, in words (`impressions: X ·
    /// reach: Facebook, Instagram`): the rule's denominator is only the networks' without one
    /// of their own.
    pub denominators: String,
    /// Where followers at posting time come from.
    pub followers: String,
    /// Which clock times and days are on.
    pub clock: String,
}

/// Engagement figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EngagementReport {
    /// The definition's own rate (id `engagement_rate`): the headline.
    pub rate: Figure,
    /// The same with the other aggregation (id `engagement_rate_other_aggregation`).
    pub rate_other_aggregation: Figure,
    /// By reach, impressions, followers and views, with the definition's interactions and
    /// aggregation (ids `engagement_rate_by_reach` …).
    pub by_denominator: Vec<Figure>,
    /// Kaushik's conversation, amplification and applause rates per post and per 1,000
    /// followers, virality and CTR.
    pub audience: Vec<Figure>,
    /// Every post in the range with its counts and rate: the per-post table and CSV.
    pub posts: Vec<PostRow>,
    /// Unit of the posts' `rate`.
    pub rate_unit: Unit,
    /// The posts with the highest rate, best first.
    pub top_posts: Vec<PostRow>,
    /// The posts with the lowest rate, worst first.
    pub bottom_posts: Vec<PostRow>,
    /// Why there are no top posts.
    pub top_posts_reason: Option<String>,
    /// The denominator a post needs to be among the top and bottom posts.
    pub top_posts_minimum: RankingMinimum,
    /// One row per network.
    pub by_network: Vec<GroupRow>,
    /// One row per network and post type.
    pub by_type: Vec<GroupRow>,
}

/// The denominator a post needs to be ranked among the top and bottom posts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankingMinimum {
    /// The minimum.
    pub value: crate::finite::Finite,
    /// Whether it is the default (a share of the median), not the user's.
    pub default: bool,
    /// How it is set, in words.
    pub text: String,
    /// Posts with a rate left out of the ranking for falling short of it.
    pub left_out: usize,
}
