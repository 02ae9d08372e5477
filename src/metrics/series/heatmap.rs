//! When posts go out, and how they do: the weekday × hour map of posting times and the best
//! hours.

use super::timeline::{Bin, Timeline};
use crate::figure::Unit;
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::metrics::engagement::{Aggregation, PostFacts, Reasons};
use serde::Serialize;

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
const MIN_POSTS_FOR_BEST: usize = 2;

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

/// The weekday × hour map of the posts `facts`, placed by `timeline` (their publication
/// times already moved to the report's clock).
pub(crate) fn heatmap(
    timeline: &Timeline,
    facts: &[PostFacts],
    offset: Option<i32>,
    aggregation: Aggregation,
    scale: f64,
    unit: Unit,
    lang: Lang,
) -> Heatmap {
    let (hours, without) = by_hour(timeline, facts);
    let rated: Vec<(HeatCell, usize)> = hours
        .iter()
        .map(|(weekday, hour, bin)| cell(*weekday, *hour, bin, aggregation, scale, lang))
        .collect();
    let cells = rated.iter().map(|(c, _)| c.clone()).collect();
    let with = facts.len() - without;
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
        best: best(rated),
        posts_with_time: with,
        posts_without_time: without,
        reason,
    }
}

/// The posts of each weekday and hour that has some, added up in their order, by weekday
/// and hour; and how many posts have no time of day.
fn by_hour(timeline: &Timeline, facts: &[PostFacts]) -> (Vec<(u8, u8, Bin)>, usize) {
    let (table, without) = timeline.by_hour(facts);
    let cells = table
        .into_iter()
        .enumerate()
        .filter(|(_, bin)| bin.posts() > 0)
        .map(|(slot, bin)| ((slot / 24) as u8, (slot % 24) as u8, bin))
        .collect();
    (cells, without)
}

/// The cell of the posts `bin` of one weekday and hour, and how many of them have a rate.
fn cell(
    weekday: u8,
    hour: u8,
    bin: &Bin,
    aggregation: Aggregation,
    scale: f64,
    lang: Lang,
) -> (HeatCell, usize) {
    let cell = HeatCell {
        weekday,
        hour,
        posts: bin.posts(),
        engagements: Finite::new(bin.engagements).unwrap_or(Finite::ZERO),
        rate: bin
            .tally
            .rate(aggregation, &Reasons::default(), lang)
            .ok()
            .and_then(|r| Finite::new(r * scale)),
    };
    (cell, bin.tally.ratios)
}

/// The best hours: the highest rates among the cells with enough posts with a rate, best
/// first, at most 3.
fn best(rated: Vec<(HeatCell, usize)>) -> Vec<HeatCell> {
    let mut best: Vec<HeatCell> = rated
        .into_iter()
        .filter(|(c, n)| c.rate.is_some() && *n >= MIN_POSTS_FOR_BEST)
        .map(|(c, _)| c)
        .collect();
    crate::metrics::sort_by(&mut best, |a, b| {
        let (ra, rb) = (
            a.rate.map_or(0.0, Finite::get),
            b.rate.map_or(0.0, Finite::get),
        );
        rb.total_cmp(&ra)
            .then((a.weekday, a.hour).cmp(&(b.weekday, b.hour)))
    });
    best.truncate(3);
    best
}
