//! The period over time: the daily, weekly and monthly series, and the weekday × hour map of
//! posting times.

use super::engagement_report::rate_scale;
use super::posts::PeriodPost;
use crate::date::{Date, DateTime};
use crate::i18n::Lang;
use crate::metrics::engagement::{EngagementRule, PostFacts};
use crate::metrics::series::{self, Heatmap, SeriesReport};
use crate::model::DailyRow;

/// The series from `range.0` to `range.1` and the heatmap of `posts` (whose `facts` are in
/// the same order) and of the daily rows `groups`, under `rule`, on the clock `offset`.
pub(super) fn series_and_heatmap(
    posts: &[PeriodPost],
    facts: &[PostFacts],
    groups: &[Vec<&DailyRow>],
    rule: &EngagementRule,
    offset: Option<i32>,
    range: (Option<Date>, Option<Date>),
    lang: Lang,
) -> (SeriesReport, Heatmap) {
    let (scale, rate_unit) = rate_scale(rule);
    let aggregation = rule.aggregation;
    // The posts with their day (references: a post's facts are 80 bytes).
    let mut dated: Vec<(Date, &PostFacts)> = Vec::with_capacity(posts.len());
    dated.extend(
        posts
            .iter()
            .zip(facts)
            .filter_map(|((_, w), f)| w.map(|w| (w.date, f))),
    );
    // Sorted once for the three granularities.
    crate::metrics::sort_by_day(&mut dated, |(d, _)| d.days());
    let inputs = series::Inputs {
        posts: &dated,
        groups,
        aggregation,
        scale,
        rate_unit,
    };
    let series = series::series(&inputs, range.0, range.1, lang);
    let timed: Vec<(Option<DateTime>, &PostFacts)> =
        posts.iter().zip(facts).map(|((_, w), f)| (*w, f)).collect();
    let heatmap = series::heatmap(&timed, offset, aggregation, scale, rate_unit, lang);
    (series, heatmap)
}
