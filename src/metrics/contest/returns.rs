//! Costs and returns, through the ROI calculator: the contest's cost lines and return line as
//! its input, then the contest's return and the calculator's totals and ROI.

use super::formulas::{RETURN_FROM_CONVERSIONS, RETURN_FROM_REVENUE};
use super::input::ContestInput;
use super::numbers::Numbers;
use super::outcome::{no_cost_reason, Outcome};
use crate::figure::{Figure, Unit};
use crate::form::{Entry, Mark};
use crate::formula::Formula;
use crate::i18n::Lang;
use crate::metrics::roi::{CostKind, CostLine, RoiInput, RoiReport, SalesLine};

fn entry(v: Option<f64>) -> Entry {
    v.map_or(Entry::Blank, Entry::Number)
}

/// The contest's cost lines: prizes, ads, time and fees, each when given.
fn cost_lines(n: &Numbers, lang: Lang) -> Vec<CostLine> {
    let line = |kind: CostKind, label: &str, amount: Option<f64>| CostLine {
        kind,
        label: label.to_string(),
        amount: entry(amount),
        ..CostLine::default()
    };
    let mut costs = Vec::new();
    if n.prize_value.is_some() {
        costs.push(line(
            CostKind::Prizes,
            lang.pick("Prizes", "Lots"),
            n.prize_value,
        ));
    }
    if n.ad_spend.is_some() {
        costs.push(line(
            CostKind::Ads,
            lang.pick("Contest ads", "Publicité du concours"),
            n.ad_spend,
        ));
    }
    if n.hours.is_some() || n.hourly_rate.is_some() {
        costs.push(CostLine {
            hours: entry(n.hours),
            hourly_rate: entry(n.hourly_rate),
            ..line(CostKind::Time, lang.pick("Time spent", "Temps passé"), None)
        });
    }
    if n.fees.is_some() {
        costs.push(line(CostKind::Other, lang.pick("Fees", "Frais"), n.fees));
    }
    costs
}

/// The contest's return as a sales line of the ROI calculator, with the formula that says
/// how it is made: the revenue when given, else conversions × their value; `None` without
/// either.
pub(super) fn sales_line(n: &Numbers) -> Option<(Formula, SalesLine)> {
    let line = |formula, visits: f64, value: f64| {
        let sales = SalesLine {
            visits: Entry::Number(visits),
            conversion_rate_pct: Entry::Number(100.0),
            value: Entry::Number(value),
            margin_pct: entry(n.margin_pct),
            ..SalesLine::default()
        };
        (formula, sales)
    };
    match (n.revenue, n.conversions, n.value_per_conversion) {
        (Some(r), _, _) => Some(line(RETURN_FROM_REVENUE, 1.0, r)),
        (None, Some(c), Some(v)) => Some(line(RETURN_FROM_CONVERSIONS, c, v)),
        _ => None,
    }
}

/// What the ROI calculator computes the contest's costs, returns and ROI from.
pub(super) fn roi_input(
    input: &ContestInput,
    n: &Numbers,
    sales: Option<&SalesLine>,
    lang: Lang,
) -> RoiInput {
    RoiInput {
        currency: input.currency.clone(),
        decimal_mark: Some(Mark::Point),
        label: if input.label.trim().is_empty() {
            lang.pick("Contest", "Concours").to_string()
        } else {
            input.label.trim().to_string()
        },
        costs: cost_lines(n, lang),
        sales: sales.into_iter().cloned().collect(),
        ..RoiInput::default()
    }
}

/// The contest's return, from the ROI calculator's return line; `formula` is the sales line's.
fn contest_return(n: &Numbers, formula: Option<Formula>, core: &RoiReport, lang: Lang) -> Figure {
    let fig = Figure::of(
        formula.unwrap_or(RETURN_FROM_CONVERSIONS),
        lang.pick("Contest return", "Retour du concours"),
        Unit::Money,
        lang,
    );
    let margin_ratio = n.margin_pct.unwrap_or(100.0) / 100.0;
    let margin = lang.pick("margin", "marge");
    let line = core.returns.first();
    let result = |l: &Figure| l.get().ok_or_else(|| l.reason.clone().unwrap_or_default());
    match (n.revenue, n.conversions, n.value_per_conversion, line) {
        (Some(r), _, _, Some(l)) => fig
            .input(lang.pick("revenue", "chiffre d’affaires"), r, Unit::Money)
            .input(margin, margin_ratio, Unit::Ratio)
            .result(result(l), lang),
        (None, Some(c), Some(v), Some(l)) => fig
            .input(lang.pick("conversions", "conversions"), c, Unit::Count)
            .input(
                lang.pick("value per conversion", "valeur par conversion"),
                v,
                Unit::Money,
            )
            .input(margin, margin_ratio, Unit::Ratio)
            .result(result(l), lang),
        (None, Some(_), None, _) => fig.unavailable(lang.pick(
            "enter the value per conversion (or the revenue)",
            "indiquez la valeur par conversion (ou le chiffre d’affaires)",
        )),
        (None, None, Some(_), _) => fig.unavailable(lang.pick(
            "enter the conversions (or the revenue)",
            "indiquez les conversions (ou le chiffre d’affaires)",
        )),
        _ => fig.unavailable(lang.pick(
            "enter the revenue, or the conversions and their value",
            "indiquez le chiffre d’affaires, ou les conversions et leur valeur",
        )),
    }
}

/// The contest's return, then the ROI calculator's `total_cost`, `total_return`, `net_gain`,
/// `roi` and `roas`; `formula` is the sales line's, `None` without one.
///
/// A figure the ROI core computed from lines nobody typed would show sums of nothing
/// (`total cost: 0.00`) as its inputs: it says what is missing instead, without them.
pub(super) fn summary(
    n: &Numbers,
    formula: Option<Formula>,
    core: &RoiReport,
    o: &Outcome,
) -> Vec<Figure> {
    let lang = o.lang;
    let mut summary = vec![o.block(contest_return(n, formula, core, lang))];
    for id in ["total_cost", "total_return", "net_gain", "roi", "roas"] {
        let Some(fig) = core.summary.iter().find(|x| x.id == id).cloned() else {
            continue;
        };
        let fig = if id == "roas" && n.ad_spend.is_none() {
            fig.blocked(lang.pick(
                "enter the contest’s ad spend to compute ROAS",
                "indiquez la publicité du concours pour calculer le ROAS",
            ))
        } else if o.no_costs && id != "total_return" {
            fig.blocked(no_cost_reason(lang, true))
        } else if formula.is_none() && id != "total_cost" && id != "roas" {
            fig.blocked(lang.pick(
                "enter the revenue, or the conversions and their value, to compare it with the cost",
                "indiquez le chiffre d’affaires, ou les conversions et leur valeur, pour le comparer au coût",
            ))
        } else {
            fig
        };
        summary.push(o.block(fig));
    }
    summary
}
