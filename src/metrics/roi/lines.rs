//! Cost and return lines: each line's amount, formula and inputs.

use super::input::{CostKind, ValueBasis};
use super::model::{CostModel, LeadsModel, MediaModel, SalesModel, SupportModel};
use crate::figure::{Figure, Unit};
use crate::formula;
use crate::i18n::Lang;
use crate::money::{Currency, Money};

formula! {
    /// Cost of community manager time.
    pub(super) COST_TIME = "cost_time",
    en: "cost = hours × hourly rate",
    fr: "coût = heures × taux horaire"
}

formula! {
    /// Cost of a salary over the period.
    pub(super) COST_SALARY = "cost_salary",
    en: "cost = monthly salary × (1 + employer charges) × share of time × months",
    fr: "coût = salaire mensuel × (1 + charges patronales) × part du temps × mois"
}

formula! {
    /// A one-off amount.
    pub(super) COST_AMOUNT = "cost_amount",
    en: "cost = amount",
    fr: "coût = montant"
}

formula! {
    /// A monthly amount over the period.
    pub(super) COST_MONTHLY = "cost_monthly",
    en: "cost = amount per month × months",
    fr: "coût = montant mensuel × mois"
}

formula! {
    /// Sales brought by social traffic.
    pub(super) SALES_RETURN = "sales_return",
    en: "sales = visits × conversion rate × value per customer × margin",
    fr: "ventes = visites × taux de conversion × valeur par client × marge"
}

formula! {
    /// Value of leads.
    pub(super) LEADS_RETURN = "leads_return",
    en: "leads value = leads × value per lead",
    fr: "valeur des prospects = prospects × valeur par prospect"
}

formula! {
    /// Support handled on social instead of phone or e-mail.
    pub(super) SUPPORT_SAVINGS = "support_savings",
    en: "savings = requests × (cost of a phone/e-mail contact − cost of a social contact)",
    fr: "économies = demandes × (coût d’un contact téléphone/e-mail − coût d’un contact social)"
}

formula! {
    /// Earned media value: what the same reach would have cost in ads.
    pub(super) EARNED_MEDIA = "earned_media_value",
    en: "earned media = impressions ÷ 1000 × CPM + clicks × CPC",
    fr: "médias gagnés = impressions ÷ 1000 × CPM + clics × CPC"
}

/// Names of the inputs, as formulas and the sensitivity table use them.
pub(super) struct Names;

impl Names {
    pub(super) fn hours(l: Lang) -> &'static str {
        l.pick("hours", "heures")
    }
    pub(super) fn hourly_rate(l: Lang) -> &'static str {
        l.pick("hourly rate", "taux horaire")
    }
    pub(super) fn monthly_salary(l: Lang) -> &'static str {
        l.pick("monthly salary", "salaire mensuel")
    }
    pub(super) fn share(l: Lang) -> &'static str {
        l.pick("share of time", "part du temps")
    }
    pub(super) fn charges(l: Lang) -> &'static str {
        l.pick("employer charges", "charges patronales")
    }
    pub(super) fn months(l: Lang) -> &'static str {
        l.pick("months", "mois")
    }
    pub(super) fn amount(l: Lang) -> &'static str {
        l.pick("amount", "montant")
    }
    pub(super) fn amount_per_month(l: Lang) -> &'static str {
        l.pick("amount per month", "montant mensuel")
    }
    pub(super) fn visits(l: Lang) -> &'static str {
        l.pick("visits", "visites")
    }
    pub(super) fn conversion_rate(l: Lang) -> &'static str {
        l.pick("conversion rate", "taux de conversion")
    }
    pub(super) fn value(l: Lang, basis: ValueBasis) -> &'static str {
        match basis {
            ValueBasis::Order => l.pick("average order value", "panier moyen"),
            ValueBasis::Lifetime => l.pick("customer lifetime value", "valeur vie client"),
        }
    }
    pub(super) fn margin(l: Lang) -> &'static str {
        l.pick("margin", "marge")
    }
    pub(super) fn leads(l: Lang) -> &'static str {
        l.pick("leads", "prospects")
    }
    pub(super) fn value_per_lead(l: Lang) -> &'static str {
        l.pick("value per lead", "valeur par prospect")
    }
    pub(super) fn requests(l: Lang) -> &'static str {
        l.pick("requests", "demandes")
    }
    pub(super) fn traditional(l: Lang) -> &'static str {
        l.pick(
            "cost of a phone/e-mail contact",
            "coût d’un contact téléphone/e-mail",
        )
    }
    pub(super) fn social(l: Lang) -> &'static str {
        l.pick("cost of a social contact", "coût d’un contact social")
    }
    pub(super) fn impressions(l: Lang) -> &'static str {
        l.pick("impressions", "impressions")
    }
    pub(super) fn clicks(l: Lang) -> &'static str {
        l.pick("clicks", "clics")
    }
}

pub(super) fn invalid_line(lang: Lang) -> String {
    lang.pick(
        "an input of this line is invalid: see the message next to it",
        "une donnée de cette ligne est invalide : voir le message à côté",
    )
    .to_string()
}

/// "enter the hours and hourly rate to count this line", naming the inputs still blank.
pub(super) fn missing(lang: Lang, inputs: &[(Option<f64>, &str)]) -> String {
    let blank: Vec<&str> = inputs
        .iter()
        .filter(|(v, _)| v.is_none())
        .map(|(_, n)| *n)
        .collect();
    let list = blank.join(lang.pick(" and ", " et "));
    match lang {
        Lang::En => format!("enter the {list} to count this line"),
        Lang::Fr => format!("indiquez : {list}, pour compter cette ligne"),
    }
}

/// A line's amount in major units, or why it has none.
pub(super) type LineValue = Result<f64, String>;

pub(super) fn cost_value(c: &CostModel, months: f64, lang: Lang) -> LineValue {
    if c.invalid {
        return Err(invalid_line(lang));
    }
    match c.kind {
        CostKind::Time => match (c.hours, c.hourly_rate) {
            (Some(h), Some(r)) => Ok(h * r),
            (h, r) => Err(missing(
                lang,
                &[(h, Names::hours(lang)), (r, Names::hourly_rate(lang))],
            )),
        },
        CostKind::Salary => match c.monthly_salary {
            Some(s) => {
                let share = c.share_pct.unwrap_or(100.0) / 100.0;
                let charges = c.charges_pct.unwrap_or(0.0) / 100.0;
                Ok(s * (1.0 + charges) * share * months)
            }
            None => Err(missing(lang, &[(None, Names::monthly_salary(lang))])),
        },
        _ => match c.amount {
            Some(a) if c.monthly => Ok(a * months),
            Some(a) => Ok(a),
            None => Err(missing(lang, &[(None, Names::amount(lang))])),
        },
    }
}

pub(super) fn cost_figure(c: &CostModel, months: f64, cur: Currency, lang: Lang) -> Figure {
    let (formula, unit) = match c.kind {
        CostKind::Time => (COST_TIME, Unit::Money),
        CostKind::Salary => (COST_SALARY, Unit::Money),
        _ if c.monthly => (COST_MONTHLY, Unit::Money),
        _ => (COST_AMOUNT, Unit::Money),
    };
    let mut fig = Figure::custom(&c.path, &c.label, unit, formula.text(lang));
    fig = match c.kind {
        CostKind::Time => fig
            .maybe_input(Names::hours(lang), c.hours, Unit::Hours)
            .maybe_input(Names::hourly_rate(lang), c.hourly_rate, Unit::Money),
        CostKind::Salary => fig
            .maybe_input(Names::monthly_salary(lang), c.monthly_salary, Unit::Money)
            .input(
                Names::charges(lang),
                c.charges_pct.unwrap_or(0.0) / 100.0,
                Unit::Ratio,
            )
            .input(
                Names::share(lang),
                c.share_pct.unwrap_or(100.0) / 100.0,
                Unit::Ratio,
            )
            .input(Names::months(lang), months, Unit::Months),
        _ if c.monthly => fig
            .maybe_input(Names::amount_per_month(lang), c.amount, Unit::Money)
            .input(Names::months(lang), months, Unit::Months),
        _ => fig.maybe_input(Names::amount(lang), c.amount, Unit::Money),
    };
    fig.result(rounded(cost_value(c, months, lang), cur, lang), lang)
}

/// A line's amount as the totals count it: rounded to the currency's minor unit.
pub(super) fn rounded(v: LineValue, cur: Currency, lang: Lang) -> LineValue {
    let v = v?;
    Money::round(v, cur).map(|m| m.major(cur)).ok_or_else(|| {
        lang.pick(
            "the result is too large to compute",
            "le résultat est trop grand pour être calculé",
        )
        .to_string()
    })
}

/// Conversions and amount of a sales line.
pub(super) fn sales_value(s: &SalesModel, lang: Lang) -> Result<(f64, f64), String> {
    if s.invalid {
        return Err(invalid_line(lang));
    }
    match (s.visits, s.rate_pct, s.value) {
        (Some(v), Some(r), Some(val)) => {
            let conversions = v * r / 100.0;
            let margin = s.margin_pct.unwrap_or(100.0) / 100.0;
            Ok((conversions, conversions * val * margin))
        }
        (v, r, val) => Err(missing(
            lang,
            &[
                (v, Names::visits(lang)),
                (r, Names::conversion_rate(lang)),
                (val, Names::value(lang, s.basis)),
            ],
        )),
    }
}

pub(super) fn leads_value(l: &LeadsModel, lang: Lang) -> LineValue {
    if l.invalid {
        return Err(invalid_line(lang));
    }
    match (l.count, l.value) {
        (Some(c), Some(v)) => Ok(c * v),
        (c, v) => Err(missing(
            lang,
            &[(c, Names::leads(lang)), (v, Names::value_per_lead(lang))],
        )),
    }
}

pub(super) fn support_value(s: &SupportModel, lang: Lang) -> LineValue {
    if s.invalid {
        return Err(invalid_line(lang));
    }
    match (s.requests, s.traditional, s.social) {
        (Some(r), Some(t), Some(so)) => Ok(r * (t - so)),
        (r, t, so) => Err(missing(
            lang,
            &[
                (r, Names::requests(lang)),
                (t, Names::traditional(lang)),
                (so, Names::social(lang)),
            ],
        )),
    }
}

pub(super) fn media_value(m: &MediaModel, lang: Lang) -> LineValue {
    if m.invalid {
        return Err(invalid_line(lang));
    }
    let half = |count: Option<f64>, rate: Option<f64>, per: f64| match (count, rate) {
        (Some(c), Some(r)) => Some(Ok(c / per * r)),
        (None, None) => None,
        _ => Some(Err(())),
    };
    let views = half(m.impressions, m.cpm, 1000.0);
    let clicks = half(m.clicks, m.cpc, 1.0);
    match (views, clicks) {
        (Some(Err(())), _) | (_, Some(Err(()))) | (None, None) => Err(lang
            .pick(
                "enter impressions with a CPM, or clicks with a CPC (or both)",
                "indiquez des impressions avec un CPM, ou des clics avec un CPC (ou les deux)",
            )
            .to_string()),
        (a, b) => Ok(a.and_then(Result::ok).unwrap_or(0.0) + b.and_then(Result::ok).unwrap_or(0.0)),
    }
}

pub(super) fn sales_figure(s: &SalesModel, cur: Currency, lang: Lang) -> Figure {
    let fig = Figure::custom(&s.path, &s.label, Unit::Money, SALES_RETURN.text(lang));
    let fig = fig.maybe_input(Names::visits(lang), s.visits, Unit::Count);
    let fig = fig.maybe_input(
        Names::conversion_rate(lang),
        s.rate_pct.map(|r| r / 100.0),
        Unit::Ratio,
    );
    let fig = fig.maybe_input(Names::value(lang, s.basis), s.value, Unit::Money);
    let fig = fig.input(
        Names::margin(lang),
        s.margin_pct.unwrap_or(100.0) / 100.0,
        Unit::Ratio,
    );
    fig.result(
        rounded(sales_value(s, lang).map(|(_, v)| v), cur, lang),
        lang,
    )
}

pub(super) fn media_figure(m: &MediaModel, cur: Currency, lang: Lang) -> Figure {
    let label = if m.include {
        lang.pick(
            "Earned media value (counted in ROI)",
            "Valeur des médias gagnés (comptée dans le ROI)",
        )
    } else {
        lang.pick(
            "Earned media value (not counted in ROI)",
            "Valeur des médias gagnés (non comptée dans le ROI)",
        )
    };
    let fig = Figure::of(EARNED_MEDIA, label, Unit::Money, lang);
    let fig = fig.maybe_input(Names::impressions(lang), m.impressions, Unit::Count);
    let fig = fig.maybe_input("CPM", m.cpm, Unit::Money);
    let fig = fig.maybe_input(Names::clicks(lang), m.clicks, Unit::Count);
    let fig = fig.maybe_input("CPC", m.cpc, Unit::Money);
    fig.result(rounded(media_value(m, lang), cur, lang), lang)
}
