//! Figures over time, ready for charts: daily, weekly (ISO weeks, from Monday) and monthly
//! series with the change from one period to the next, and the weekday × hour heatmap of
//! posting times.
//!
//! The core returns plain points (dates and values); the page draws them. A period that the
//! data covers only in part (the first week starting mid-week) is marked `partial`.

use super::engagement::{Aggregation, Pair, PostFacts, Tally};
use super::growth::net_change;
use crate::date::{Date, DateTime};
use crate::figure::Unit;
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::model::DailyRow;
use serde::Serialize;

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
pub(crate) const MAX_POINTS: usize = 4000;

/// What the series are made from.
pub(crate) struct Inputs<'a, 'b> {
    /// Dated posts with the local day they were published on.
    pub posts: &'b [(Date, PostFacts<'a>)],
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
        return empty(
            lang.pick(
                "no dated posts or daily rows in the files",
                "aucune publication datée ni ligne quotidienne dans les fichiers",
            )
            .to_string(),
        );
    };
    // The periods.
    let mut periods: Vec<(Date, Date)> = Vec::new();
    let mut start = g.start(from);
    while start <= to {
        let Some(next) = g.next(start) else { break };
        let end = next.add_days(-1).unwrap_or(start);
        periods.push((start, end));
        if periods.len() > MAX_POINTS {
            let n = (to.days() - from.days() + 1).max(0);
            return empty(match lang {
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
    let partial = |(s, e): (Date, Date)| s < from || e > to;
    let mut posts: Vec<&(Date, PostFacts)> = inputs.posts.iter().collect();
    super::sort_by_key(&mut posts, |(d, _)| *d);
    let posts_in = |(s, e): (Date, Date)| -> &[&(Date, PostFacts)] {
        let a = posts.partition_point(|(d, _)| *d < s);
        let b = posts.partition_point(|(d, _)| *d <= e);
        &posts[a..b.max(a)]
    };
    let mut out = Vec::new();
    let build = |id: &'static str, label: &str, unit: Unit, values: Vec<Option<f64>>| {
        let mut points = Vec::with_capacity(values.len());
        let mut prev: Option<f64> = None;
        for (p, v) in periods.iter().zip(values) {
            let (delta, change) = match (prev, v) {
                (Some(a), Some(b)) => (
                    Finite::new(b - a),
                    (a != 0.0).then(|| (b - a) / a.abs()).and_then(Finite::new),
                ),
                _ => (None, None),
            };
            points.push(Point {
                start: p.0,
                end: p.1,
                value: v.and_then(Finite::new),
                delta,
                change,
                partial: partial(*p),
            });
            prev = v;
        }
        Series {
            id,
            label: label.to_string(),
            unit,
            points,
        }
    };
    if !posts.is_empty() {
        let counts = periods
            .iter()
            .map(|p| Some(posts_in(*p).len() as f64))
            .collect();
        out.push(build(
            "posts",
            lang.pick("Posts", "Publications"),
            Unit::Count,
            counts,
        ));
        let engagements = periods
            .iter()
            .map(|p| {
                let ps = posts_in(*p);
                let known: Vec<f64> = ps.iter().filter_map(|(_, f)| f.engagements).collect();
                if ps.is_empty() {
                    Some(0.0)
                } else if known.is_empty() {
                    None
                } else {
                    Some(known.iter().sum())
                }
            })
            .collect::<Vec<_>>();
        if posts.iter().any(|(_, f)| f.engagements.is_some()) {
            out.push(build(
                "engagements",
                lang.pick("Engagements of the posts", "Engagements des publications"),
                Unit::Count,
                engagements,
            ));
        }
        let rates: Vec<Option<f64>> = periods
            .iter()
            .map(|p| {
                let t = Tally::of(posts_in(*p).iter().map(|(_, f)| Pair {
                    num: f.engagements,
                    den: f.value_of(f.denominator),
                }));
                let reasons = super::engagement::Reasons {
                    num_name: String::new(),
                    den_name: String::new(),
                    no_posts: String::new(),
                    no_numerator: String::new(),
                    no_denominator: String::new(),
                };
                t.rate(inputs.aggregation, &reasons, lang)
                    .ok()
                    .map(|r| r * inputs.scale)
            })
            .collect();
        if rates.iter().any(Option::is_some) {
            out.push(build(
                "engagement_rate",
                lang.pick("Engagement rate", "Taux d’engagement"),
                inputs.rate_unit,
                rates,
            ));
        }
    }
    let mut rows: Vec<&DailyRow> = inputs.groups.iter().flatten().copied().collect();
    super::sort_by_key(&mut rows, |r| r.date);
    let rows_in = |(s, e): (Date, Date)| -> &[&DailyRow] {
        let a = rows.partition_point(|r| r.date < s);
        let b = rows.partition_point(|r| r.date <= e);
        &rows[a..b.max(a)]
    };
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
    for (id, label, field) in daily {
        if !rows.iter().any(|r| field(r).is_some()) {
            continue;
        }
        let values = periods
            .iter()
            .map(|p| {
                let v: Vec<f64> = rows_in(*p).iter().filter_map(|r| field(r)).collect();
                (!v.is_empty()).then(|| v.iter().sum())
            })
            .collect();
        out.push(build(id, label, Unit::Count, values));
    }
    let with_totals: Vec<&Vec<&DailyRow>> = inputs
        .groups
        .iter()
        .filter(|g| g.iter().any(|r| r.followers.is_some()))
        .collect();
    if !with_totals.is_empty() {
        let values = periods
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
        out.push(build(
            "followers",
            lang.pick("Followers (end of period)", "Abonnés (fin de période)"),
            Unit::Count,
            values,
        ));
    }
    let reason = out.is_empty().then(|| {
        lang.pick(
            "no dated posts or daily rows in the files",
            "aucune publication datée ni ligne quotidienne dans les fichiers",
        )
        .to_string()
    });
    SeriesSet {
        granularity: g,
        series: out,
        reason,
    }
}

// ---------------------------------------------------------------------------------------------
// Heatmap
// ---------------------------------------------------------------------------------------------

/// One hour of one weekday.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatCell {
    /// 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// 0–23.
    pub hour: u8,
    /// Posts published in that hour.
    pub posts: usize,
    /// Σ engagements of those with a known count.
    pub engagements: Finite,
    /// Their rate under the rule (with its aggregation), when one can be computed.
    pub rate: Option<Finite>,
}

/// When posts go out, and how they do.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Heatmap {
    /// The UTC offset times with an offset were moved to, if one was chosen.
    pub offset_minutes: Option<i32>,
    /// Which clock the hours are on, in words.
    pub clock: String,
    /// Unit of the rates.
    pub unit: Unit,
    /// The hours with at least one post (the others have none).
    pub cells: Vec<HeatCell>,
    /// The best hours: highest rate among hours with at least [`MIN_POSTS_FOR_BEST`] posts
    /// with a rate, best first, at most 3.
    pub best: Vec<HeatCell>,
    /// Posts placed on the map.
    pub posts_with_time: usize,
    /// Posts left out because the export gives no time of day.
    pub posts_without_time: usize,
    /// Why the map is empty.
    pub reason: Option<String>,
}

/// Fewest posts an hour needs to count as a best posting time.
pub(crate) const MIN_POSTS_FOR_BEST: usize = 2;

/// The words saying which clock times are shown on.
pub(crate) fn clock_text(offset: Option<i32>, lang: Lang) -> String {
    match offset {
        Some(o) => {
            let sign = if o < 0 { '-' } else { '+' };
            let hm = format!("UTC{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60);
            match lang {
                Lang::En => format!("times with a UTC offset are shown at {hm}; times without one are the account’s local time, as exported"),
                Lang::Fr => format!("les heures avec un décalage UTC sont ramenées à {hm} ; celles sans décalage sont l’heure locale du compte, telle qu’exportée"),
            }
        }
        None => lang
            .pick(
                "times are shown as the files wrote them (with their own UTC offset when they have one)",
                "les heures sont affichées telles que les fichiers les donnent (avec leur propre décalage UTC s’ils en ont un)",
            )
            .to_string(),
    }
}

/// The weekday × hour map of `posts`, each with its publication time already moved to the
/// report's clock.
pub(crate) fn heatmap(
    posts: &[(Option<DateTime>, PostFacts)],
    offset: Option<i32>,
    aggregation: Aggregation,
    scale: f64,
    unit: Unit,
    lang: Lang,
) -> Heatmap {
    let mut cells: Vec<(u8, u8, Vec<&PostFacts>)> = Vec::new();
    let mut without = 0;
    for (when, f) in posts {
        let Some((date, Some(time))) = when.map(|w| (w.date, w.time)) else {
            without += 1;
            continue;
        };
        let key = (date.weekday(), time.hour());
        match cells.iter_mut().find(|c| (c.0, c.1) == key) {
            Some(c) => c.2.push(f),
            None => cells.push((key.0, key.1, vec![f])),
        }
    }
    super::sort_by_key(&mut cells, |c| (c.0, c.1));
    let none = super::engagement::Reasons {
        num_name: String::new(),
        den_name: String::new(),
        no_posts: String::new(),
        no_numerator: String::new(),
        no_denominator: String::new(),
    };
    let mut rated: Vec<(HeatCell, usize)> = Vec::new();
    let cells: Vec<HeatCell> = cells
        .into_iter()
        .map(|(weekday, hour, fs)| {
            let t = Tally::of(fs.iter().map(|f| Pair {
                num: f.engagements,
                den: f.value_of(f.denominator),
            }));
            let cell = HeatCell {
                weekday,
                hour,
                posts: fs.len(),
                engagements: Finite::new(fs.iter().filter_map(|f| f.engagements).sum())
                    .unwrap_or(Finite::ZERO),
                rate: t
                    .rate(aggregation, &none, lang)
                    .ok()
                    .and_then(|r| Finite::new(r * scale)),
            };
            rated.push((cell.clone(), t.ratios.len()));
            cell
        })
        .collect();
    let mut best: Vec<HeatCell> = rated
        .into_iter()
        .filter(|(c, n)| c.rate.is_some() && *n >= MIN_POSTS_FOR_BEST)
        .map(|(c, _)| c)
        .collect();
    super::sort_by(&mut best, |a, b| {
        let (ra, rb) = (
            a.rate.map_or(0.0, Finite::get),
            b.rate.map_or(0.0, Finite::get),
        );
        rb.total_cmp(&ra)
            .then((a.weekday, a.hour).cmp(&(b.weekday, b.hour)))
    });
    best.truncate(3);
    let with = posts.len() - without;
    let reason = (with == 0).then(|| {
        lang.pick(
            "no post in the files has a time of day",
            "aucune publication des fichiers n’a d’heure",
        )
        .to_string()
    });
    Heatmap {
        offset_minutes: offset,
        clock: clock_text(offset, lang),
        unit,
        cells,
        best,
        posts_with_time: with,
        posts_without_time: without,
        reason,
    }
}
