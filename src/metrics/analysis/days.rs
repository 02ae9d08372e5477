//! The days of the period: the daily rows in it, by account and without duplicate days, and
//! the range of days the report covers.

use super::posts::{days_of, rates_disagreeing, within, PeriodPost};
use super::settings::Settings;
use crate::date::Date;
use crate::i18n::Lang;
use crate::metrics::activity;
use crate::metrics::growth::{self, GrowthReport};
use crate::metrics::series::Timeline;
use crate::model::DailyRow;

/// What an analysis knows of its period's days and posts whatever the engagement definition:
/// the days it covers, the growth figures, where each post falls in time, and how many posts
/// have a platform's rate that disagrees with their counts. The analysis keeps it with the
/// posts' groups, so a preset switch does not make it again.
#[derive(Debug)]
pub(super) struct Calendar {
    /// The first and last days analysed, and how many days that is ([`days_covered`]).
    pub covered: (Option<Date>, Option<Date>, Option<i64>),
    /// Follower growth and posts per week.
    pub growth: GrowthReport,
    /// Each post's day and hour.
    pub timeline: Timeline,
    /// The posts whose platform's own rate differs from engagements ÷ impressions.
    pub rates_disagreeing: usize,
}

/// The calendar of the period's `posts` and daily rows `groups`.
pub(super) fn calendar(
    s: &Settings,
    posts: &[PeriodPost],
    groups: &[Vec<&DailyRow>],
    lang: Lang,
) -> Calendar {
    let post_days = days_of(posts);
    Calendar {
        covered: days_covered(s, &post_days, groups),
        growth: growth::growth(groups, &post_days, lang),
        timeline: Timeline::of(posts.iter().map(|(_, w)| *w)),
        rates_disagreeing: rates_disagreeing(posts),
    }
}

/// The daily rows of the period grouped by network and account, sorted, without duplicate
/// days (a warning says how many were dropped).
pub(super) fn daily_in_period<'a>(
    daily: &'a [DailyRow],
    s: &Settings,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> Vec<Vec<&'a DailyRow>> {
    let rows: Vec<&DailyRow> = daily
        .iter()
        .filter(|r| within(r.date, s.from, s.to))
        .collect();
    let (groups, duplicates) = growth::by_account(&rows);
    if duplicates > 0 {
        warnings.push(match lang {
            Lang::En => format!("{duplicates} daily row(s) repeat a day already read for the same account: the first one is kept"),
            Lang::Fr => format!("{duplicates} ligne(s) quotidienne(s) répètent un jour déjà lu pour le même compte : la première est gardée"),
        });
    }
    groups
}

/// The days analysed: the period's ends, else the first and last days of the posts
/// (`post_days`) and daily rows; and how many days that is, both included.
pub(super) fn days_covered(
    s: &Settings,
    post_days: &[Date],
    groups: &[Vec<&DailyRow>],
) -> (Option<Date>, Option<Date>, Option<i64>) {
    let data_days = post_days
        .iter()
        .copied()
        .chain(groups.iter().flatten().map(|r| r.date));
    let from = s.from.or_else(|| data_days.clone().min());
    let to = s.to.or_else(|| data_days.max());
    let days = match (from, to) {
        (Some(a), Some(b)) => Some(activity::days_between(a, b)),
        _ => None,
    };
    (from, to, days)
}
