//! Return on investment of social-media work: costs against returns over one period.
//!
//! [`compute_roi`] takes an [`RoiInput`] (what the user typed, or JSON) and gives an [`RoiReport`]:
//! each cost and return line, the totals, ROI, ROAS, break-even, cost per engagement, click,
//! follower and acquisition, an optional second cost scenario and a ±20 % sensitivity table.
//! Every figure carries its formula and inputs, or the reason it has no value.

mod example;
mod input;
mod lines;
mod model;
mod sensitivity;

use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::form::FieldError;
use crate::formula;
use crate::i18n::Lang;
use crate::money::{Currency, Money};
pub use example::roi_example;
pub use input::*;
use lines::{
    cost_figure, cost_value, leads_value, media_figure, media_value, rounded, sales_figure,
    sales_value, support_value, Names, COST_AMOUNT, COST_MONTHLY, COST_SALARY, COST_TIME,
    EARNED_MEDIA, LEADS_RETURN, SALES_RETURN, SUPPORT_SAVINGS,
};
use model::{validate, CostModel, Model};
use sensitivity::SENSITIVITY;
use serde::Serialize;

formula! {
    /// Total cost of the period.
    TOTAL_COST = "total_cost",
    en: "total cost = sum of the cost lines",
    fr: "coût total = somme des lignes de coût"
}

formula! {
    /// Total return of the period; earned media counts only when the user includes it.
    TOTAL_RETURN = "total_return",
    en: "total return = sales + leads + support savings (+ earned media when included)",
    fr: "retour total = ventes + prospects + économies de support (+ médias gagnés si inclus)"
}

formula! {
    /// Net gain.
    NET_GAIN = "net_gain",
    en: "net gain = total return − total cost",
    fr: "gain net = retour total − coût total"
}

formula! {
    /// Return on investment.
    ROI = "roi",
    en: "ROI = (total return − total cost) ÷ total cost",
    fr: "ROI = (retour total − coût total) ÷ coût total"
}

formula! {
    /// Return on ad spend.
    ROAS = "roas",
    en: "ROAS = total return ÷ ad spend",
    fr: "ROAS = retour total ÷ dépenses publicitaires"
}

formula! {
    /// Conversions needed for the return to cover the cost.
    BREAK_EVEN_CONVERSIONS = "break_even_conversions",
    en: "break-even conversions = (total cost − returns other than sales) ÷ value per conversion",
    fr: "conversions du point mort = (coût total − retours hors ventes) ÷ valeur par conversion"
}

formula! {
    /// Visits needed to reach the break-even conversions.
    BREAK_EVEN_VISITS = "break_even_visits",
    en: "break-even visits = break-even conversions ÷ conversion rate",
    fr: "visites du point mort = conversions du point mort ÷ taux de conversion"
}

formula! {
    /// Cost per engagement.
    COST_PER_ENGAGEMENT = "cost_per_engagement",
    en: "cost per engagement = total cost ÷ engagements",
    fr: "coût par engagement = coût total ÷ engagements"
}

formula! {
    /// Cost per click.
    COST_PER_CLICK = "cost_per_click",
    en: "cost per click = total cost ÷ clicks",
    fr: "coût par clic = coût total ÷ clics"
}

formula! {
    /// Cost per new follower.
    COST_PER_NEW_FOLLOWER = "cost_per_new_follower",
    en: "cost per new follower = total cost ÷ new followers",
    fr: "coût par nouvel abonné = coût total ÷ nouveaux abonnés"
}

formula! {
    /// Cost per acquisition.
    COST_PER_ACQUISITION = "cost_per_acquisition",
    en: "cost per acquisition = total cost ÷ acquisitions",
    fr: "coût par acquisition = coût total ÷ acquisitions"
}

formula! {
    /// How much better the second scenario's ROI is, in percentage points.
    ROI_DIFFERENCE = "roi_difference",
    en: "ROI difference = ROI of the second scenario − ROI of the first",
    fr: "écart de ROI = ROI du second scénario − ROI du premier"
}

formula! {
    /// How much more the second scenario costs.
    COST_DIFFERENCE = "cost_difference",
    en: "cost difference = total cost of the second scenario − total cost of the first",
    fr: "écart de coût = coût total du second scénario − coût total du premier"
}

/// Every formula of the ROI calculator.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    COST_TIME,
    COST_SALARY,
    COST_AMOUNT,
    COST_MONTHLY,
    SALES_RETURN,
    LEADS_RETURN,
    SUPPORT_SAVINGS,
    EARNED_MEDIA,
    TOTAL_COST,
    TOTAL_RETURN,
    NET_GAIN,
    ROI,
    ROAS,
    BREAK_EVEN_CONVERSIONS,
    BREAK_EVEN_VISITS,
    COST_PER_ENGAGEMENT,
    COST_PER_CLICK,
    COST_PER_NEW_FOLLOWER,
    COST_PER_ACQUISITION,
    ROI_DIFFERENCE,
    COST_DIFFERENCE,
    SENSITIVITY,
];

/// What the calculator shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoiReport {
    /// ISO code of every money figure.
    pub currency: &'static str,
    /// Digits of its minor unit.
    pub minor_digits: u8,
    /// Inputs that could not be read, with a message each. While any remain, the totals say
    /// so instead of showing a number.
    pub errors: Vec<FieldError>,
    /// One figure per cost line of the main scenario (id `costs[i]`).
    pub costs: Vec<Figure>,
    /// One figure per return line (ids `sales[i]`, `leads[i]`, `support[i]`).
    pub returns: Vec<Figure>,
    /// Earned media value, apart from cash returns.
    pub earned_media: Figure,
    /// Total cost, total return, net gain, ROI, ROAS, break-even conversions and visits.
    pub summary: Vec<Figure>,
    /// Cost per engagement, click, new follower and acquisition.
    pub unit_costs: Vec<Figure>,
    /// The two cost scenarios side by side, when a second one is given.
    pub comparison: Option<Comparison>,
    /// ROI when each input moves by ±20 %.
    pub sensitivity: Sensitivity,
}

/// Two cost scenarios with the same returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The main scenario, then the alternative.
    pub scenarios: Vec<ScenarioResult>,
    /// ROI of the second minus ROI of the first, in points.
    pub roi_difference: Figure,
    /// Cost of the second minus cost of the first.
    pub cost_difference: Figure,
}

/// One scenario's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioResult {
    /// Its name.
    pub label: String,
    /// Its cost lines (ids `costs[i]` or `alternative.costs[i]`).
    pub costs: Vec<Figure>,
    /// Total cost.
    pub total_cost: Figure,
    /// Net gain.
    pub net_gain: Figure,
    /// ROI.
    pub roi: Figure,
}

/// The sensitivity table: inputs ordered by how much they move ROI.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sensitivity {
    /// What is varied and how.
    pub formula: String,
    /// ROI with every input as typed.
    pub base_roi: Option<Finite>,
    /// One row per input, largest swing first.
    pub rows: Vec<SensitivityRow>,
    /// Why there are no rows.
    pub reason: Option<String>,
}

impl Sensitivity {
    /// No table, for `reason`.
    fn blocked(reason: &str, lang: Lang) -> Sensitivity {
        Sensitivity {
            formula: SENSITIVITY.text(lang).to_string(),
            base_roi: None,
            rows: Vec::new(),
            reason: Some(reason.to_string()),
        }
    }
}

/// ROI when one input moves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SensitivityRow {
    /// Path of the input (`costs[0].hourly_rate`).
    pub field: String,
    /// The line and the input, in words.
    pub label: String,
    /// The input's value as typed.
    pub value: Finite,
    /// How to format `value`.
    pub unit: Unit,
    /// ROI with the input at 80 %.
    pub roi_low: Option<Finite>,
    /// ROI with the input at 120 % (a percentage is capped at 100).
    pub roi_high: Option<Finite>,
    /// `|roi_high − roi_low|`.
    pub swing: Finite,
}

/// The sums every figure is made from.
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    cost: Money,
    ad_spend: Money,
    sales: Money,
    other_returns: Money,
    cash_return: Money,
    media: Option<Money>,
    conversions: f64,
    converting_visits: f64,
    overflow: bool,
}

fn add(total: &mut Money, major: f64, currency: Currency, overflow: &mut bool) {
    match Money::round(major, currency).and_then(|m| total.checked_add(m)) {
        Some(sum) => *total = sum,
        None => *overflow = true,
    }
}

fn cost_total(costs: &[CostModel], m: &Model, t: &mut Totals) {
    for c in costs {
        if let Ok(v) = cost_value(c, m.months, m.lang) {
            add(&mut t.cost, v, m.currency, &mut t.overflow);
            if c.kind == CostKind::Ads {
                add(&mut t.ad_spend, v, m.currency, &mut t.overflow);
            }
        }
    }
}

fn totals(m: &Model, costs: &[CostModel]) -> Totals {
    let mut t = Totals::default();
    cost_total(costs, m, &mut t);
    let (lang, cur) = (m.lang, m.currency);
    for s in &m.sales {
        if let Ok((conv, v)) = sales_value(s, lang) {
            add(&mut t.sales, v, cur, &mut t.overflow);
            t.conversions += conv;
            t.converting_visits += s.visits.unwrap_or(0.0);
        }
    }
    let values = m
        .leads
        .iter()
        .map(|l| leads_value(l, lang))
        .chain(m.support.iter().map(|s| support_value(s, lang)));
    for v in values.flatten() {
        add(&mut t.other_returns, v, cur, &mut t.overflow);
    }
    if let Ok(v) = media_value(&m.media, lang) {
        let mut media = Money::ZERO;
        add(&mut media, v, cur, &mut t.overflow);
        t.media = Some(media);
        if m.media.include {
            add(&mut t.other_returns, v, cur, &mut t.overflow);
        }
    }
    match t.sales.checked_add(t.other_returns) {
        Some(r) => t.cash_return = r,
        None => t.overflow = true,
    }
    t
}

fn roi_of(t: &Totals, cur: Currency) -> Option<f64> {
    let cost = t.cost.major(cur);
    if t.overflow || cost <= 0.0 {
        return None;
    }
    let roi = (t.cash_return.major(cur) - cost) / cost;
    roi.is_finite().then_some(roi)
}

/// Computes the ROI report.
///
/// ```
/// use social_roi::{compute_roi, Lang, RoiInput};
/// let input: RoiInput = serde_json::from_str(r#"{
///     "costs": [{"kind": "time", "hours": 10, "hourly_rate": 40}],
///     "leads": [{"count": 20, "value": 30}]
/// }"#).unwrap();
/// let report = compute_roi(&input, Lang::En);
/// let roi = report.summary.iter().find(|f| f.id == "roi").unwrap();
/// assert_eq!(roi.get(), Some(0.5)); // (600 − 400) ÷ 400
/// ```
pub fn compute_roi(input: &RoiInput, lang: Lang) -> RoiReport {
    let (m, errors) = validate(input, lang);
    let cur = m.currency;
    let blocked = (!errors.is_empty()).then(|| {
        lang.pick(
            "fix the inputs marked in red first",
            "corrigez d’abord les données signalées en rouge",
        )
        .to_string()
    });
    let block = |fig: Figure| match &blocked {
        Some(reason) => fig.blocked(reason.clone()),
        None => fig,
    };
    let t = totals(&m, &m.costs);
    let costs: Vec<Figure> = m
        .costs
        .iter()
        .map(|c| cost_figure(c, m.months, m.currency, lang))
        .collect();
    let (break_even_conversions, break_even_visits) = break_even(&t, cur, lang);
    let summary = vec![
        total_cost_figure(&t, costs.len(), cur, lang),
        total_return_figure(&t, m.media.include, cur, lang),
        net_gain_figure(&t, cur, lang),
        roi_figure(&t, cur, lang),
        roas_figure(&t, cur, lang),
        break_even_conversions,
        break_even_visits,
    ];
    let comparison = m.alternative.as_ref().map(|(label, alt)| {
        let c = comparison(&m, label, alt, &t);
        match &blocked {
            Some(reason) => blocked_comparison(c, reason),
            None => c,
        }
    });
    let sensitivity = match &blocked {
        Some(reason) => Sensitivity::blocked(reason, lang),
        None => sensitivity::sensitivity(&m),
    };
    RoiReport {
        currency: cur.code,
        minor_digits: cur.minor_digits,
        errors,
        costs,
        returns: return_figures(&m, lang),
        earned_media: media_figure(&m.media, cur, lang),
        summary: summary.into_iter().map(block).collect(),
        unit_costs: unit_cost_figures(&m, &t, lang)
            .into_iter()
            .map(block)
            .collect(),
        comparison,
        sensitivity,
    }
}

/// One figure per return line: sales, then leads, then support savings.
fn return_figures(m: &Model, lang: Lang) -> Vec<Figure> {
    let cur = m.currency;
    let mut returns = Vec::new();
    for s in &m.sales {
        returns.push(sales_figure(s, cur, lang));
    }
    for l in &m.leads {
        let fig = Figure::custom(&l.path, &l.label, Unit::Money, LEADS_RETURN.text(lang));
        let fig = fig.maybe_input(Names::leads(lang), l.count, Unit::Count);
        let fig = fig.maybe_input(Names::value_per_lead(lang), l.value, Unit::Money);
        returns.push(fig.result(rounded(leads_value(l, lang), cur, lang), lang));
    }
    for s in &m.support {
        let fig = Figure::custom(&s.path, &s.label, Unit::Money, SUPPORT_SAVINGS.text(lang));
        let fig = fig.maybe_input(Names::requests(lang), s.requests, Unit::Count);
        let fig = fig.maybe_input(Names::traditional(lang), s.traditional, Unit::Money);
        let fig = fig.maybe_input(Names::social(lang), s.social, Unit::Money);
        returns.push(fig.result(rounded(support_value(s, lang), cur, lang), lang));
    }
    returns
}

/// Sales, the other cash returns, and earned media when it is `included`.
fn total_return_figure(t: &Totals, included: bool, cur: Currency, lang: Lang) -> Figure {
    let money = |minor: Money| minor.major(cur);
    let media = if included {
        t.media.map_or(0.0, money)
    } else {
        0.0
    };
    let mut total_return = Figure::of(
        TOTAL_RETURN,
        lang.pick("Total return", "Retour total"),
        Unit::Money,
        lang,
    )
    .input(lang.pick("sales", "ventes"), money(t.sales), Unit::Money)
    .input(
        lang.pick(
            "leads and support savings",
            "prospects et économies de support",
        ),
        money(t.other_returns) - media,
        Unit::Money,
    );
    if included {
        total_return = total_return.input(
            lang.pick("earned media", "médias gagnés"),
            t.media.map_or(0.0, money),
            Unit::Money,
        );
    }
    if t.overflow {
        total_return.unavailable(too_large(lang))
    } else {
        total_return.value(money(t.cash_return), lang)
    }
}

/// Total return ÷ ad spend.
fn roas_figure(t: &Totals, cur: Currency, lang: Lang) -> Figure {
    let money = |minor: Money| minor.major(cur);
    let roas = Figure::of(ROAS, "ROAS", Unit::Multiple, lang)
        .input(
            lang.pick("total return", "retour total"),
            money(t.cash_return),
            Unit::Money,
        )
        .input(
            lang.pick("ad spend", "dépenses publicitaires"),
            money(t.ad_spend),
            Unit::Money,
        );
    if t.ad_spend.0 > 0 {
        roas.value(money(t.cash_return) / money(t.ad_spend), lang)
    } else {
        roas.unavailable(lang.pick(
            "no ad spend: add an ad spend cost line to compute ROAS",
            "aucune dépense publicitaire : ajoutez une ligne « Dépenses publicitaires » pour calculer le ROAS",
        ))
    }
}

/// The comparison `c` with every figure blocked for `reason`.
fn blocked_comparison(mut c: Comparison, reason: &str) -> Comparison {
    for s in &mut c.scenarios {
        for f in [&mut s.total_cost, &mut s.net_gain, &mut s.roi] {
            *f = f.clone().blocked(reason.to_string());
        }
    }
    c.roi_difference = c.roi_difference.blocked(reason.to_string());
    c.cost_difference = c.cost_difference.blocked(reason.to_string());
    c
}

fn roi_figure(t: &Totals, cur: Currency, lang: Lang) -> Figure {
    let fig = Figure::of(ROI, "ROI", Unit::Ratio, lang)
        .input(
            lang.pick("total return", "retour total"),
            t.cash_return.major(cur),
            Unit::Money,
        )
        .input(
            lang.pick("total cost", "coût total"),
            t.cost.major(cur),
            Unit::Money,
        );
    match roi_of(t, cur) {
        Some(r) => fig.value(r, lang),
        None if t.overflow => fig.unavailable(too_large(lang)),
        None => fig.unavailable(lang.pick(
            "total cost is zero: ROI needs a cost to divide by",
            "le coût total est nul : le ROI a besoin d’un coût à diviser",
        )),
    }
}

/// The conversions, and the visits, needed for the return to cover the cost.
fn break_even(t: &Totals, cur: Currency, lang: Lang) -> (Figure, Figure) {
    let conv = Figure::of(
        BREAK_EVEN_CONVERSIONS,
        lang.pick("Break-even conversions", "Conversions du point mort"),
        Unit::Count,
        lang,
    );
    let visits = Figure::of(
        BREAK_EVEN_VISITS,
        lang.pick("Break-even visits", "Visites du point mort"),
        Unit::Count,
        lang,
    );
    if t.overflow {
        let r = too_large(lang);
        return (conv.unavailable(r.clone()), visits.unavailable(r));
    }
    if t.conversions <= 0.0 || t.sales.0 <= 0 {
        let r = lang.pick(
            "needs a sales line with visits, a conversion rate and a value above zero",
            "il faut une ligne de ventes avec des visites, un taux de conversion et une valeur supérieurs à zéro",
        );
        return (conv.unavailable(r), visits.unavailable(r));
    }
    let per_conversion = t.sales.major(cur) / t.conversions;
    let to_cover = t.cost.major(cur) - t.other_returns.major(cur);
    let needed = (to_cover / per_conversion).max(0.0);
    // A hair above a whole number from rounding is still that number.
    let needed = ((needed * 1e9).round() / 1e9).ceil();
    let conv = conv
        .input(
            lang.pick("total cost", "coût total"),
            t.cost.major(cur),
            Unit::Money,
        )
        .input(
            lang.pick("returns other than sales", "retours hors ventes"),
            t.other_returns.major(cur),
            Unit::Money,
        )
        .input(
            lang.pick("value per conversion", "valeur par conversion"),
            per_conversion,
            Unit::Money,
        )
        .value(needed, lang);
    (conv, break_even_visits(visits, needed, t, lang))
}

/// The visits that bring the `needed` conversions, at the sales lines' conversion rate.
fn break_even_visits(visits: Figure, needed: f64, t: &Totals, lang: Lang) -> Figure {
    let rate = t.conversions / t.converting_visits;
    visits
        .input(
            lang.pick("break-even conversions", "conversions du point mort"),
            needed,
            Unit::Count,
        )
        .input(
            lang.pick("conversion rate", "taux de conversion"),
            rate,
            Unit::Ratio,
        )
        .value(((needed / rate * 1e9).round() / 1e9).ceil(), lang)
}

/// A count a unit cost divides by: its value, its name as an input, and what it counts in the
/// reasons.
struct UnitCount<'a> {
    count: Option<f64>,
    name: &'a str,
    what: &'a str,
}

/// Cost per engagement, click, new follower and acquisition.
fn unit_cost_figures(m: &Model, t: &Totals, lang: Lang) -> Vec<Figure> {
    let count_of = |count, name| UnitCount {
        count,
        name,
        what: name,
    };
    let acquisitions = m
        .acquisitions
        .or((t.conversions > 0.0).then_some(t.conversions));
    let acquisitions_name = if m.acquisitions.is_some() {
        lang.pick("acquisitions", "acquisitions")
    } else {
        lang.pick(
            "conversions of the sales lines",
            "conversions des lignes de ventes",
        )
    };
    vec![
        cost_per(
            COST_PER_ENGAGEMENT,
            lang.pick("Cost per engagement", "Coût par engagement"),
            count_of(m.engagements, lang.pick("engagements", "engagements")),
            t,
            m.currency,
            lang,
        ),
        cost_per(
            COST_PER_CLICK,
            lang.pick("Cost per click", "Coût par clic"),
            count_of(m.clicks, lang.pick("clicks", "clics")),
            t,
            m.currency,
            lang,
        ),
        cost_per(
            COST_PER_NEW_FOLLOWER,
            lang.pick("Cost per new follower", "Coût par nouvel abonné"),
            count_of(
                m.new_followers,
                lang.pick("new followers", "nouveaux abonnés"),
            ),
            t,
            m.currency,
            lang,
        ),
        cost_per(
            COST_PER_ACQUISITION,
            lang.pick("Cost per acquisition", "Coût par acquisition"),
            UnitCount {
                count: acquisitions,
                name: acquisitions_name,
                what: lang.pick("acquisitions", "acquisitions"),
            },
            t,
            m.currency,
            lang,
        ),
    ]
}

/// The total cost divided by `divisor`'s count, or why it cannot be.
fn cost_per(
    formula: formula::Formula,
    label: &str,
    divisor: UnitCount,
    t: &Totals,
    cur: Currency,
    lang: Lang,
) -> Figure {
    let cost = t.cost.major(cur);
    let fig = Figure::of(formula, label, Unit::Money, lang).input(
        lang.pick("total cost", "coût total"),
        cost,
        Unit::Money,
    );
    let what = divisor.what;
    match divisor.count {
        None => fig.unavailable(match lang {
            Lang::En => format!("enter the number of {what} to compute it"),
            Lang::Fr => format!("indiquez le nombre de {what} pour le calculer"),
        }),
        Some(c) if c <= 0.0 => fig
            .input(divisor.name, c, Unit::Count)
            .unavailable(match lang {
                Lang::En => format!("no {what}: nothing to divide the cost by"),
                Lang::Fr => format!("aucun {what} : rien par quoi diviser le coût"),
            }),
        Some(_) if t.overflow => fig.unavailable(too_large(lang)),
        Some(c) => fig
            .input(divisor.name, c, Unit::Count)
            .value(cost / c, lang),
    }
}

fn total_cost_figure(t: &Totals, lines: usize, cur: Currency, lang: Lang) -> Figure {
    let fig = Figure::of(
        TOTAL_COST,
        lang.pick("Total cost", "Coût total"),
        Unit::Money,
        lang,
    )
    .input(
        lang.pick("cost lines", "lignes de coût"),
        lines as f64,
        Unit::Count,
    );
    if t.overflow {
        fig.unavailable(too_large(lang))
    } else {
        fig.value(t.cost.major(cur), lang)
    }
}

fn net_gain_figure(t: &Totals, cur: Currency, lang: Lang) -> Figure {
    let (ret, cost) = (t.cash_return.major(cur), t.cost.major(cur));
    let fig = Figure::of(
        NET_GAIN,
        lang.pick("Net gain", "Gain net"),
        Unit::Money,
        lang,
    )
    .input(lang.pick("total return", "retour total"), ret, Unit::Money)
    .input(lang.pick("total cost", "coût total"), cost, Unit::Money);
    if t.overflow {
        fig.unavailable(too_large(lang))
    } else {
        fig.value(ret - cost, lang)
    }
}

fn scenario_result(m: &Model, label: &str, costs: &[CostModel], t: &Totals) -> ScenarioResult {
    let lang = m.lang;
    let cur = m.currency;
    let figures = costs
        .iter()
        .map(|c| cost_figure(c, m.months, m.currency, lang))
        .collect();
    let total_cost = total_cost_figure(t, costs.len(), cur, lang);
    let net_gain = net_gain_figure(t, cur, lang);
    ScenarioResult {
        label: label.to_string(),
        costs: figures,
        total_cost,
        net_gain,
        roi: roi_figure(t, cur, lang),
    }
}

fn comparison(m: &Model, alt_label: &str, alt: &[CostModel], main: &Totals) -> Comparison {
    let lang = m.lang;
    let cur = m.currency;
    let t_alt = totals(m, alt);
    let a = scenario_result(m, &m.label, &m.costs, main);
    let b = scenario_result(m, alt_label, alt, &t_alt);
    let roi_difference = Figure::of(
        ROI_DIFFERENCE,
        lang.pick("ROI difference", "Écart de ROI"),
        Unit::Points,
        lang,
    );
    let roi_difference = match (a.roi.get(), b.roi.get()) {
        (Some(ra), Some(rb)) => roi_difference
            .input(&b.label, rb, Unit::Ratio)
            .input(&a.label, ra, Unit::Ratio)
            .value(rb - ra, lang),
        _ => roi_difference.unavailable(lang.pick(
            "both scenarios need an ROI",
            "les deux scénarios doivent avoir un ROI",
        )),
    };
    let cost_difference = Figure::of(
        COST_DIFFERENCE,
        lang.pick("Cost difference", "Écart de coût"),
        Unit::Money,
        lang,
    );
    let cost_difference = match t_alt.cost.checked_sub(main.cost) {
        Some(d) if !main.overflow && !t_alt.overflow => cost_difference
            .input(&b.label, t_alt.cost.major(cur), Unit::Money)
            .input(&a.label, main.cost.major(cur), Unit::Money)
            .value(d.major(cur), lang),
        _ => cost_difference.unavailable(too_large(lang)),
    };
    Comparison {
        scenarios: vec![a, b],
        roi_difference,
        cost_difference,
    }
}

/// Why a total is missing when the amounts overflow.
fn too_large(lang: Lang) -> String {
    lang.pick(
        "the amounts are too large to add up",
        "les montants sont trop grands pour être additionnés",
    )
    .to_string()
}
