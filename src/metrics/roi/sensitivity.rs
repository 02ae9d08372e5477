//! The sensitivity table: ROI when one input moves by −20 % and +20 %.

use super::input::CostKind;
use super::lines::{
    cost_value, leads_value, media_value, sales_value, support_value, LineValue, Names,
};
use super::model::{
    CostModel, LeadsModel, MediaModel, Model, SalesModel, SupportModel, MAX_CHARGES_PCT,
};
use super::{roi_of, totals, Sensitivity, SensitivityRow};
use crate::figure::Unit;
use crate::finite::Finite;
use crate::formula;
use crate::i18n::Lang;
use crate::money::{Currency, Money};

formula! {
    /// ROI when one input moves by −20 % and +20 %, everything else unchanged.
    pub(super) SENSITIVITY = "sensitivity",
    en: "ROI with one input × 0.8 and × 1.2, the others unchanged",
    fr: "ROI avec une donnée × 0,8 puis × 1,2, les autres inchangées"
}

/// One input the sensitivity table can move.
struct Param<'a> {
    field: &'static str,
    name: &'static str,
    unit: Unit,
    /// Percentages of a whole cannot go above 100.
    cap: Option<f64>,
    value: &'a mut Option<f64>,
}

const fn p<'a>(
    field: &'static str,
    name: &'static str,
    unit: Unit,
    cap: Option<f64>,
    value: &'a mut Option<f64>,
) -> Param<'a> {
    Param {
        field,
        name,
        unit,
        cap,
        value,
    }
}

/// The `label` and `path` of a line model, which all have those two fields.
macro_rules! named {
    () => {
        fn label(&self) -> &str {
            &self.label
        }
        fn path(&self) -> &str {
            &self.path
        }
    };
}

/// A line whose inputs the sensitivity table moves one at a time.
trait Varied: Clone {
    /// Its inputs, in the order the page shows them.
    fn params(&mut self, lang: Lang) -> Vec<Param<'_>>;
    /// Its amount as counted in the totals (zero when it is not counted).
    fn amount(&self, m: &Model) -> Money;
    fn label(&self) -> &str;
    fn path(&self) -> &str;
}

fn counted(v: LineValue, m: &Model) -> Money {
    v.ok()
        .and_then(|v| Money::round(v, m.currency))
        .unwrap_or(Money::ZERO)
}

impl Varied for CostModel {
    fn params(&mut self, l: Lang) -> Vec<Param<'_>> {
        match self.kind {
            CostKind::Time => vec![
                p("hours", Names::hours(l), Unit::Hours, None, &mut self.hours),
                p(
                    "hourly_rate",
                    Names::hourly_rate(l),
                    Unit::Money,
                    None,
                    &mut self.hourly_rate,
                ),
            ],
            CostKind::Salary => vec![
                p(
                    "monthly_salary",
                    Names::monthly_salary(l),
                    Unit::Money,
                    None,
                    &mut self.monthly_salary,
                ),
                p(
                    "share_pct",
                    Names::share(l),
                    Unit::Ratio,
                    Some(100.0),
                    &mut self.share_pct,
                ),
                p(
                    "employer_charges_pct",
                    Names::charges(l),
                    Unit::Ratio,
                    Some(MAX_CHARGES_PCT),
                    &mut self.charges_pct,
                ),
            ],
            _ => vec![p(
                "amount",
                Names::amount(l),
                Unit::Money,
                None,
                &mut self.amount,
            )],
        }
    }
    fn amount(&self, m: &Model) -> Money {
        counted(cost_value(self, m.months, m.lang), m)
    }
    named!();
}

impl Varied for SalesModel {
    fn params(&mut self, l: Lang) -> Vec<Param<'_>> {
        vec![
            p(
                "visits",
                Names::visits(l),
                Unit::Count,
                None,
                &mut self.visits,
            ),
            p(
                "conversion_rate_pct",
                Names::conversion_rate(l),
                Unit::Ratio,
                Some(100.0),
                &mut self.rate_pct,
            ),
            p(
                "value",
                Names::value(l, self.basis),
                Unit::Money,
                None,
                &mut self.value,
            ),
            p(
                "margin_pct",
                Names::margin(l),
                Unit::Ratio,
                Some(100.0),
                &mut self.margin_pct,
            ),
        ]
    }
    fn amount(&self, m: &Model) -> Money {
        counted(sales_value(self, m.lang).map(|(_, v)| v), m)
    }
    named!();
}

impl Varied for LeadsModel {
    fn params(&mut self, l: Lang) -> Vec<Param<'_>> {
        vec![
            p("count", Names::leads(l), Unit::Count, None, &mut self.count),
            p(
                "value",
                Names::value_per_lead(l),
                Unit::Money,
                None,
                &mut self.value,
            ),
        ]
    }
    fn amount(&self, m: &Model) -> Money {
        counted(leads_value(self, m.lang), m)
    }
    named!();
}

impl Varied for SupportModel {
    fn params(&mut self, l: Lang) -> Vec<Param<'_>> {
        vec![
            p(
                "requests",
                Names::requests(l),
                Unit::Count,
                None,
                &mut self.requests,
            ),
            p(
                "traditional_cost",
                Names::traditional(l),
                Unit::Money,
                None,
                &mut self.traditional,
            ),
            p(
                "social_cost",
                Names::social(l),
                Unit::Money,
                None,
                &mut self.social,
            ),
        ]
    }
    fn amount(&self, m: &Model) -> Money {
        counted(support_value(self, m.lang), m)
    }
    named!();
}

/// Earned media as a line of the sensitivity table (only when it counts in ROI).
#[derive(Clone)]
struct MediaLine(MediaModel, String);

impl Varied for MediaLine {
    fn params(&mut self, l: Lang) -> Vec<Param<'_>> {
        let m = &mut self.0;
        vec![
            p(
                "impressions",
                Names::impressions(l),
                Unit::Count,
                None,
                &mut m.impressions,
            ),
            p("cpm", "CPM", Unit::Money, None, &mut m.cpm),
            p("clicks", Names::clicks(l), Unit::Count, None, &mut m.clicks),
            p("cpc", "CPC", Unit::Money, None, &mut m.cpc),
        ]
    }
    fn amount(&self, m: &Model) -> Money {
        counted(media_value(&self.0, m.lang), m)
    }
    fn label(&self) -> &str {
        &self.1
    }
    fn path(&self) -> &str {
        "earned_media"
    }
}

/// The running totals the table moves: a line changes one of them by its own change.
struct Base {
    cost: Money,
    ret: Money,
}

impl Base {
    fn roi(&self, cost: Money, ret: Money, cur: Currency) -> Option<Finite> {
        let c = cost.major(cur);
        if c <= 0.0 {
            return None;
        }
        Finite::new((ret.major(cur) - c) / c)
    }
}

/// Adds a row per input of `line`: ROI with that input at 80 % and 120 %, found by changing
/// the line's share of the totals only, so the table costs one line's work per input.
fn vary<L: Varied>(
    line: &L,
    is_cost: bool,
    m: &Model,
    base: &Base,
    rows: &mut Vec<SensitivityRow>,
) {
    let lang = m.lang;
    let old = line.amount(m);
    let mut probe = line.clone();
    let metas: Vec<(&str, &str, Unit, f64)> = probe
        .params(lang)
        .into_iter()
        .filter_map(|p| p.value.map(|v| (p.field, p.name, p.unit, v)))
        .collect();
    for (field, name, unit, typed) in metas {
        if typed == 0.0 {
            continue; // ±20 % of nothing moves nothing
        }
        let roi_at = |factor: f64| {
            let mut varied = line.clone();
            let mut params = varied.params(lang);
            let p = params.iter_mut().find(|p| p.field == field)?;
            let moved = typed * factor;
            *p.value = Some(p.cap.map_or(moved, |cap| moved.min(cap)));
            drop(params);
            let new = varied.amount(m);
            let (cost, ret) = if is_cost {
                (base.cost.checked_sub(old)?.checked_add(new)?, base.ret)
            } else {
                (base.cost, base.ret.checked_sub(old)?.checked_add(new)?)
            };
            base.roi(cost, ret, m.currency)
        };
        let (low, high) = (roi_at(0.8), roi_at(1.2));
        let swing = match (low, high) {
            (Some(l), Some(h)) => (h.get() - l.get()).abs(),
            _ => 0.0,
        };
        let shown = if unit == Unit::Ratio {
            typed / 100.0
        } else {
            typed
        };
        let (Some(value), Some(swing)) = (Finite::new(shown), Finite::new(swing)) else {
            continue;
        };
        rows.push(SensitivityRow {
            field: format!("{}.{field}", line.path()),
            label: format!("{} · {name}", line.label()),
            value,
            unit,
            roi_low: low,
            roi_high: high,
            swing,
        });
    }
}

pub(super) fn sensitivity(m: &Model) -> Sensitivity {
    let lang = m.lang;
    let t = totals(m, &m.costs);
    let base_roi = roi_of(&t, m.currency);
    let mut s = Sensitivity {
        formula: SENSITIVITY.text(lang).to_string(),
        base_roi: base_roi.and_then(Finite::new),
        rows: Vec::new(),
        reason: None,
    };
    if base_roi.is_none() {
        s.reason = Some(
            lang.pick(
                "ROI cannot be computed, so neither can its sensitivity",
                "le ROI ne peut pas être calculé, sa sensibilité non plus",
            )
            .to_string(),
        );
        return s;
    }
    let base = Base {
        cost: t.cost,
        ret: t.cash_return,
    };
    vary_every_line(m, &base, &mut s.rows);
    // Largest swing first; equal swings keep the form's order.
    s.rows
        .sort_by(|a, b| b.swing.get().total_cmp(&a.swing.get()));
    if s.rows.is_empty() {
        s.reason = Some(
            lang.pick(
                "no input above zero to vary",
                "aucune donnée supérieure à zéro à faire varier",
            )
            .to_string(),
        );
    }
    s
}

/// Adds the rows of every valid line of `m`: costs, sales, leads, support savings, and earned
/// media when it counts.
fn vary_every_line(m: &Model, base: &Base, rows: &mut Vec<SensitivityRow>) {
    m.costs
        .iter()
        .filter(|c| !c.invalid)
        .for_each(|c| vary(c, true, m, base, rows));
    m.sales
        .iter()
        .filter(|x| !x.invalid)
        .for_each(|x| vary(x, false, m, base, rows));
    m.leads
        .iter()
        .filter(|x| !x.invalid)
        .for_each(|x| vary(x, false, m, base, rows));
    m.support
        .iter()
        .filter(|x| !x.invalid)
        .for_each(|x| vary(x, false, m, base, rows));
    if m.media.include && !m.media.invalid {
        let line = MediaLine(
            m.media.clone(),
            m.lang.pick("Earned media", "Médias gagnés").to_string(),
        );
        vary(&line, false, m, base, rows);
    }
}
