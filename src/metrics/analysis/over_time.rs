//! The period over time: the daily, weekly and monthly series, and the weekday × hour map of
//! posting times.

use super::engagement_report::rate_scale;
use crate::date::Date;
use crate::i18n::Lang;
use crate::metrics::engagement::{EngagementRule, PostFacts};
use crate::metrics::series::{self, Heatmap, SeriesReport, Timeline};
use crate::model::DailyRow;

/// The series from `range.0` to `range.1` and the heatmap of the period's posts (`facts`,
/// placed in time by `timeline`) and of the daily rows `groups`, under `rule`, on the clock
/// `offset`.
pub(super) fn series_and_heatmap(
    (timeline, facts): (&Timeline, &[PostFacts]),
    groups: &[Vec<&DailyRow>],
    rule: &EngagementRule,
    offset: Option<i32>,
    range: (Option<Date>, Option<Date>),
    lang: Lang,
) -> (SeriesReport, Heatmap) {
    let (scale, rate_unit) = rate_scale(rule);
    let aggregation = rule.aggregation;
    // The dated posts by day (references: a post's facts are 80 bytes), for the three
    // granularities.
    let dated = timeline.dated(facts);
    let inputs = series::Inputs {
        posts: &dated,
        groups,
        aggregation,
        scale,
        rate_unit,
    };
    let series = series::series(&inputs, range.0, range.1, lang);
    let heatmap = series::heatmap(timeline, facts, offset, aggregation, scale, rate_unit, lang);
    (series, heatmap)
}
