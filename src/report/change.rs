//! The change of one headline figure from the period compared with to the period reported on,
//! absolute and in percent, each a [`Figure`] with its formula and inputs; never computed
//! between figures of different formulas or engagement definitions.

use crate::figure::{Figure, Unit};
use crate::formula::{self, formula};
use crate::i18n::Lang;
use serde::Serialize;

use super::input::Headline;

formula! {
    /// The change of a figure between two periods, in its own unit (points for a rate).
    pub(crate) CHANGE = "change",
    en: "change = this period − previous period",
    fr: "variation = cette période − période précédente"
}
formula! {
    /// The change of a figure between two periods, relative to the previous period.
    pub(crate) CHANGE_PERCENT = "change_percent",
    en: "change % = (this period − previous period) ÷ previous period",
    fr: "variation % = (cette période − période précédente) ÷ période précédente"
}

/// Every formula of the report.
pub(crate) const FORMULAS: &[formula::Formula] = &[CHANGE, CHANGE_PERCENT];

/// A relative change smaller than this (1 %) reads as stable.
pub(crate) const FLAT: f64 = 0.01;

/// Which way a figure went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Up by 1 % or more (or from zero).
    Up,
    /// Down by 1 % or more (or to below zero).
    Down,
    /// Less than 1 % either way.
    Flat,
    /// Not compared (the reason is in the change's figure).
    None,
}

/// One headline figure in both periods and its change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// The figure of the period reported on.
    pub current: Figure,
    /// The same figure in the period compared with, when there is one.
    pub previous: Option<Figure>,
    /// This period − previous period (id `change`).
    pub change: Figure,
    /// (this period − previous period) ÷ previous period (id `change_percent`).
    pub change_percent: Figure,
    /// Which way it went.
    pub direction: Direction,
}

/// The row of `cur` against `prev`; `missing` says why there is no previous figure.
pub(super) fn compare(cur: &Headline, prev: Option<&Headline>, missing: &str, lang: Lang) -> Row {
    let f = &cur.figure;
    let unit = if f.unit == Unit::Ratio {
        Unit::Points
    } else {
        f.unit
    };
    let label = |s: &str| format!("{} ({s})", f.label);
    let change = Figure::of(CHANGE, &label(lang.pick("change", "variation")), unit, lang);
    let percent = Figure::of(
        CHANGE_PERCENT,
        &label(lang.pick("change %", "variation %")),
        Unit::Ratio,
        lang,
    );
    let row = |change: Figure, change_percent: Figure, direction| Row {
        current: f.clone(),
        previous: prev.map(|p| p.figure.clone()),
        change,
        change_percent,
        direction,
    };
    let why = match prev {
        None => Some(missing.to_string()),
        Some(p) => not_comparable(cur, p, lang),
    };
    if let Some(why) = why {
        return row(
            change.unavailable(why.clone()),
            percent.unavailable(why),
            Direction::None,
        );
    }
    let (Some(now), Some(before)) = (f.get(), prev.and_then(|p| p.figure.get())) else {
        return row(change, percent, Direction::None);
    };
    let names = (
        lang.pick("this period", "cette période"),
        lang.pick("previous period", "période précédente"),
    );
    let change = change
        .input(names.0, now, f.unit)
        .input(names.1, before, f.unit)
        .value(now - before, lang);
    let percent = percent
        .input(names.0, now, f.unit)
        .input(names.1, before, f.unit);
    let percent = if before == 0.0 {
        percent.unavailable(lang.pick(
            "the previous period's value is zero",
            "la valeur de la période précédente est nulle",
        ))
    } else {
        percent.value((now - before) / before.abs(), lang)
    };
    let direction = direction(now - before, percent.get());
    row(change, percent, direction)
}

fn direction(delta: f64, relative: Option<f64>) -> Direction {
    match relative {
        Some(r) if r.abs() < FLAT => Direction::Flat,
        _ if delta > 0.0 => Direction::Up,
        _ if delta < 0.0 => Direction::Down,
        _ => Direction::Flat,
    }
}

/// Why two figures of one id are not compared, or `None` when they can be, with the reason
/// of a missing value when one of them has none.
fn not_comparable(cur: &Headline, prev: &Headline, lang: Lang) -> Option<String> {
    let (a, b) = (&cur.figure, &prev.figure);
    let same_formula = match (&cur.formula, &prev.formula) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.formula == b.formula,
        _ => false,
    };
    if !same_formula || a.unit != b.unit {
        return Some(match lang {
            Lang::En => format!(
                "computed with another formula in the previous period ({})",
                b.formula
            ),
            Lang::Fr => format!(
                "calculée avec une autre formule sur la période précédente ({})",
                b.formula
            ),
        });
    }
    if cur.definition != prev.definition {
        return Some(
            lang.pick(
                "the engagement definition differs between the two periods",
                "la définition de l’engagement diffère entre les deux périodes",
            )
            .to_string(),
        );
    }
    if a.value.is_none() {
        return a.reason.clone();
    }
    if b.value.is_none() {
        return Some(match lang {
            Lang::En => format!(
                "no value in the previous period: {}",
                b.reason.as_deref().unwrap_or("")
            ),
            Lang::Fr => format!(
                "pas de valeur sur la période précédente : {}",
                b.reason.as_deref().unwrap_or("")
            ),
        });
    }
    None
}
