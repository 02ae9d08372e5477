//! Figures over time, ready for charts: daily, weekly (ISO weeks, from Monday) and monthly
//! series with the change from one period to the next, and the weekday × hour heatmap of
//! posting times.
//!
//! The core returns plain points (dates and values); the page draws them. A period that the
//! data covers only in part (the first week starting mid-week) is marked `partial`.

mod heatmap;
mod timeline;

pub(crate) use heatmap::{clock_text, heatmap, Heatmap};
pub(crate) use timeline::Timeline;

use super::engagement::{Aggregation, PostFacts, Reasons};
use super::growth::net_change;
use crate::date::Date;
use crate::figure::Unit;
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::model::DailyRow;
use serde::Serialize;
use timeline::Bin;

/// The length of a period of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// One day.
    Day,
    /// An ISO week, Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
}

impl Granularity {
    fn start(self, d: Date) -> Date {
        match self {
            Granularity::Day => d,
            Granularity::Week => d.week_start(),
            Granularity::Month => d.month_start(),
        }
    }

    fn next(self, d: Date) -> Option<Date> {
        match self {
            Granularity::Day => d.add_days(1),
            Granularity::Week => d.add_days(7),
            Granularity::Month => {
                if d.month() == 12 {
                    Date::new(d.year() + 1, 1, 1)
                } else {
                    Date::new(d.year(), d.month() + 1, 1)
                }
            }
        }
    }
}

/// One period of a series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// The value, or `null` when unknown (no row that day, no post to take a rate of).
    pub value: Option<Finite>,
    /// Value minus the previous period's, when both are known.
    pub delta: Option<Finite>,
    /// Change from the previous period as a ratio (`0.25` is +25 %), when both are known and
    /// the previous one is not zero.
    pub change: Option<Finite>,
    /// The data covers only part of this period.
    pub partial: bool,
}

/// One series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// Stable id (`posts`, `engagement_rate`, `new_follows`).
    pub id: &'static str,
    /// What it is.
    pub label: String,
    /// How to format its values.
    pub unit: Unit,
    /// Its points, oldest first, every period of the range present.
    pub points: Vec<Point>,
}

/// Every series at one granularity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesSet {
    /// The length of its periods.
    pub granularity: Granularity,
    /// The series that have at least one value.
    pub series: Vec<Series>,
    /// Why there are none.
    pub reason: Option<String>,
}

/// The daily, weekly and monthly series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesReport {
    /// By day.
    pub daily: SeriesSet,
    /// By ISO week.
    pub weekly: SeriesSet,
    /// By month.
    pub monthly: SeriesSet,
}

/// At most this many points per series: beyond, the granularity says why it has none.
const MAX_POINTS: usize = 4000;

/// What the series are made from.
pub(crate) struct Inputs<'a, 'b> {
    /// Dated posts with the local day they were published on, by day.
    pub posts: &'b [(Date, &'b PostFacts<'a>)],
    /// Daily rows grouped by network and account, sorted, without duplicate days.
    pub groups: &'b [Vec<&'a DailyRow>],
    /// The rule's aggregation.
    pub aggregation: Aggregation,
    /// 1, or 1000 when the rule is per 1,000.
    pub scale: f64,
    /// Unit of the rate.
    pub rate_unit: Unit,
}

type DailyField = fn(&DailyRow) -> Option<f64>;

/// The series of `inputs` over `from`–`to`.
pub(crate) fn series(
    inputs: &Inputs,
    from: Option<Date>,
    to: Option<Date>,
    lang: Lang,
) -> SeriesReport {
    let set = |g| one_granularity(inputs, from, to, g, lang);
    SeriesReport {
        daily: set(Granularity::Day),
        weekly: set(Granularity::Week),
        monthly: set(Granularity::Month),
    }
}

/// The periods of a series from the first day `from` to the last `to`: each period's first and
/// last days, and whether the data covers it only in part.
struct Periods {
    spans: Vec<(Date, Date)>,
    from: Date,
    to: Date,
}

impl Periods {
    /// The periods of `g` from `from` to `to`, or why there are too many to draw.
    fn new(from: Date, to: Date, g: Granularity, lang: Lang) -> Result<Periods, String> {
        let mut spans: Vec<(Date, Date)> = Vec::new();
        let mut start = g.start(from);
        while start <= to {
            let Some(next) = g.next(start) else { break };
            let end = next.add_days(-1).unwrap_or(start);
            spans.push((start, end));
            if spans.len() > MAX_POINTS {
                let n = (to.days() - from.days() + 1).max(0);
                return Err(match lang {
                    Lang::En => format!(
                        "the files span {n} days: too many periods of this length to draw (at most {MAX_POINTS})"
                    ),
                    Lang::Fr => format!(
                        "les fichiers couvrent {n} jours : trop de périodes de cette durée à tracer (au plus {MAX_POINTS})"
                    ),
                });
            }
            start = next;
        }
        Ok(Periods { spans, from, to })
    }

    /// The series of one value per period, with each period's change from the one before.
    fn series(
        &self,
        id: &'static str,
        label: &str,
        unit: Unit,
        values: Vec<Option<f64>>,
    ) -> Series {
        let mut points = Vec::with_capacity(values.len());
        let mut prev: Option<f64> = None;
        for (&(start, end), v) in self.spans.iter().zip(values) {
            let (delta, change) = match (prev, v) {
                (Some(a), Some(b)) => (
                    Finite::new(b - a),
                    (a != 0.0).then(|| (b - a) / a.abs()).and_then(Finite::new),
                ),
                _ => (None, None),
            };
            points.push(Point {
                start,
                end,
                value: v.and_then(Finite::new),
                delta,
                change,
                partial: start < self.from || end > self.to,
            });
            prev = v;
        }
        Series {
            id,
            label: label.to_string(),
            unit,
            points,
        }
    }

    /// One value per period, from the items of that period.
    fn values<'a, T>(
        &self,
        sorted: &'a [T],
        day: impl Fn(&T) -> Date,
        value: impl Fn(&'a [T]) -> Option<f64>,
    ) -> Vec<Option<f64>> {
        self.spans
            .iter()
            .map(|&span| value(in_span(sorted, &day, span)))
            .collect()
    }

    /// The posts of each period added up (`sorted` by day), in one pass: the periods follow
    /// one another, so each one's posts come after the last one's.
    fn bins(&self, sorted: &[(Date, &PostFacts)]) -> Vec<Bin> {
        let mut rest = sorted;
        let mut out = Vec::with_capacity(self.spans.len());
        for &(s, e) in &self.spans {
            rest = &rest[rest.partition_point(|p| p.0 < s)..];
            let n = rest.partition_point(|p| p.0 <= e);
            let mut bin = Bin::new();
            rest[..n].iter().for_each(|(_, f)| bin.add(f));
            out.push(bin);
            rest = &rest[n..];
        }
        out
    }
}

/// The items of `sorted` (by `day`) from the first to the last day of `span`.
fn in_span<T>(sorted: &[T], day: impl Fn(&T) -> Date, (s, e): (Date, Date)) -> &[T] {
    let a = sorted.partition_point(|x| day(x) < s);
    let b = sorted.partition_point(|x| day(x) <= e);
    &sorted[a..b.max(a)]
}

fn no_data(lang: Lang) -> String {
    lang.pick(
        "no dated posts or daily rows in the files",
        "aucune publication datée ni ligne quotidienne dans les fichiers",
    )
    .to_string()
}

/// Every series at the granularity `g`, from `from` to `to`: those of the posts, of the
/// daily rows and of the follower totals, each when the data has it.
fn one_granularity(
    inputs: &Inputs,
    from: Option<Date>,
    to: Option<Date>,
    g: Granularity,
    lang: Lang,
) -> SeriesSet {
    let empty = |reason: String| SeriesSet {
        granularity: g,
        series: Vec::new(),
        reason: Some(reason),
    };
    let (Some(from), Some(to)) = (from, to) else {
        return empty(no_data(lang));
    };
    let periods = match Periods::new(from, to, g, lang) {
        Ok(p) => p,
        Err(reason) => return empty(reason),
    };
    let mut out = post_series(inputs, &periods, lang);
    out.extend(daily_series(inputs.groups, &periods, lang));
    out.extend(followers_series(inputs.groups, &periods, lang));
    let reason = out.is_empty().then(|| no_data(lang));
    SeriesSet {
        granularity: g,
        series: out,
        reason,
    }
}

/// The series of the dated posts: `posts`, `engagements` and `engagement_rate`, each when the
/// posts have it.
fn post_series(inputs: &Inputs, periods: &Periods, lang: Lang) -> Vec<Series> {
    // By day, as the timeline keeps them: not checked or sorted again per granularity.
    let posts = inputs.posts;
    debug_assert!(posts.is_sorted_by_key(|(d, _)| *d));
    if posts.is_empty() {
        return Vec::new();
    }
    let bins = periods.bins(posts);
    let mut out = vec![periods.series(
        "posts",
        lang.pick("Posts", "Publications"),
        Unit::Count,
        bins.iter().map(|b| Some(b.posts() as f64)).collect(),
    )];
    if posts.iter().any(|(_, f)| f.engagements().is_some()) {
        // Σ of the known ones in order; 0 for a period without posts.
        let engagements = bins
            .iter()
            .map(|b| match (b.posts(), b.known) {
                (0, _) => Some(0.0),
                (_, 0) => None,
                _ => Some(b.engagements),
            })
            .collect();
        out.push(periods.series(
            "engagements",
            lang.pick("Engagements of the posts", "Engagements des publications"),
            Unit::Count,
            engagements,
        ));
    }
    let rates: Vec<Option<f64>> = bins
        .iter()
        .map(|b| {
            b.tally
                .rate(inputs.aggregation, &Reasons::default(), lang)
                .ok()
                .map(|r| r * inputs.scale)
        })
        .collect();
    if rates.iter().any(Option::is_some) {
        out.push(periods.series(
            "engagement_rate",
            lang.pick("Engagement rate", "Taux d’engagement"),
            inputs.rate_unit,
            rates,
        ));
    }
    out
}

/// The series of the daily rows' totals, each when a row has it.
fn daily_series(groups: &[Vec<&DailyRow>], periods: &Periods, lang: Lang) -> Vec<Series> {
    let mut rows: Vec<&DailyRow> = groups.iter().flatten().copied().collect();
    crate::metrics::sort_by_key(&mut rows, |r| r.date);
    let daily: [(&'static str, &str, DailyField); 6] = [
        (
            "impressions",
            lang.pick("Impressions (daily totals)", "Impressions (totaux du jour)"),
            |r| r.impressions,
        ),
        (
            "views",
            lang.pick("Views (daily totals)", "Vues (totaux du jour)"),
            |r| r.views,
        ),
        (
            "daily_engagements",
            lang.pick("Engagements (daily totals)", "Engagements (totaux du jour)"),
            |r| r.engagements,
        ),
        (
            "new_follows",
            lang.pick("New follows", "Nouveaux abonnements"),
            |r| r.new_follows,
        ),
        (
            "unfollows",
            lang.pick("Unfollows", "Désabonnements"),
            |r| r.unfollows,
        ),
        (
            "net_follows",
            lang.pick("Net follower change", "Variation nette des abonnés"),
            net_change,
        ),
    ];
    daily
        .into_iter()
        .filter(|(_, _, field)| rows.iter().any(|r| field(r).is_some()))
        .map(|(id, label, field)| {
            let values = periods.values(
                &rows,
                |r| r.date,
                |rs| {
                    let v: Vec<f64> = rs.iter().filter_map(|r| field(r)).collect();
                    (!v.is_empty()).then(|| v.iter().sum())
                },
            );
            periods.series(id, label, Unit::Count, values)
        })
        .collect()
}

/// The followers at the end of each period: the last follower total of each account in it,
/// added up; `None` without totals.
fn followers_series(groups: &[Vec<&DailyRow>], periods: &Periods, lang: Lang) -> Option<Series> {
    let with_totals: Vec<&Vec<&DailyRow>> = groups
        .iter()
        .filter(|g| g.iter().any(|r| r.followers.is_some()))
        .collect();
    if with_totals.is_empty() {
        return None;
    }
    let values = periods
        .spans
        .iter()
        .map(|(s, e)| {
            with_totals
                .iter()
                .map(|g| {
                    g.iter()
                        .rev()
                        .find(|r| r.date >= *s && r.date <= *e && r.followers.is_some())
                        .and_then(|r| r.followers)
                })
                .sum::<Option<f64>>()
        })
        .collect();
    Some(periods.series(
        "followers",
        lang.pick("Followers (end of period)", "Abonnés (fin de période)"),
        Unit::Count,
        values,
    ))
}
