//! The input validated into plain numbers, with a message per bad field.

use super::input::{
    CostKind, CostLine, EarnedMedia, LeadsLine, RoiInput, SalesLine, SupportLine, ValueBasis,
};
use crate::form::{Entry, FieldError, Fields, Kind};
use crate::i18n::Lang;
use crate::money::Currency;

/// Longest period accepted: a century.
pub(super) const MAX_MONTHS: f64 = 1200.0;
/// Employer charges above this are surely a typo.
pub(super) const MAX_CHARGES_PCT: f64 = 1000.0;

#[derive(Clone, Debug)]
pub(super) struct CostModel {
    pub(super) kind: CostKind,
    pub(super) label: String,
    pub(super) path: String,
    pub(super) hours: Option<f64>,
    pub(super) hourly_rate: Option<f64>,
    pub(super) monthly_salary: Option<f64>,
    pub(super) share_pct: Option<f64>,
    pub(super) charges_pct: Option<f64>,
    pub(super) amount: Option<f64>,
    pub(super) monthly: bool,
    pub(super) invalid: bool,
}

#[derive(Clone, Debug)]
pub(super) struct SalesModel {
    pub(super) label: String,
    pub(super) path: String,
    pub(super) visits: Option<f64>,
    pub(super) rate_pct: Option<f64>,
    pub(super) value: Option<f64>,
    pub(super) basis: ValueBasis,
    pub(super) margin_pct: Option<f64>,
    pub(super) invalid: bool,
}

#[derive(Clone, Debug)]
pub(super) struct LeadsModel {
    pub(super) label: String,
    pub(super) path: String,
    pub(super) count: Option<f64>,
    pub(super) value: Option<f64>,
    pub(super) invalid: bool,
}

#[derive(Clone, Debug)]
pub(super) struct SupportModel {
    pub(super) label: String,
    pub(super) path: String,
    pub(super) requests: Option<f64>,
    pub(super) traditional: Option<f64>,
    pub(super) social: Option<f64>,
    pub(super) invalid: bool,
}

#[derive(Clone, Debug, Default)]
pub(super) struct MediaModel {
    pub(super) impressions: Option<f64>,
    pub(super) cpm: Option<f64>,
    pub(super) clicks: Option<f64>,
    pub(super) cpc: Option<f64>,
    pub(super) include: bool,
    pub(super) invalid: bool,
}

#[derive(Clone, Debug)]
pub(super) struct Model {
    pub(super) lang: Lang,
    pub(super) currency: Currency,
    pub(super) months: f64,
    pub(super) label: String,
    pub(super) costs: Vec<CostModel>,
    pub(super) alternative: Option<(String, Vec<CostModel>)>,
    pub(super) sales: Vec<SalesModel>,
    pub(super) leads: Vec<LeadsModel>,
    pub(super) support: Vec<SupportModel>,
    pub(super) media: MediaModel,
    pub(super) engagements: Option<f64>,
    pub(super) clicks: Option<f64>,
    pub(super) new_followers: Option<f64>,
    pub(super) acquisitions: Option<f64>,
}

/// Reads `input` into plain numbers, with a message per field that cannot be read, in the
/// order the form shows the fields.
pub(super) fn validate(input: &RoiInput, lang: Lang) -> (Model, Vec<FieldError>) {
    let mut f = Fields::new(lang, input.decimal_mark);
    let currency = read_currency(&mut f, &input.currency, lang);
    let months = f
        .read(
            &input.period_months,
            "period_months",
            Kind::Positive(MAX_MONTHS),
        )
        .unwrap_or(1.0);
    let costs = cost_models(&mut f, &input.costs, "costs", lang);
    let alternative = input.alternative.as_ref().map(|s| {
        let label = non_empty(&s.label, lang.pick("Alternative", "Autre scénario"));
        (
            label,
            cost_models(&mut f, &s.costs, "alternative.costs", lang),
        )
    });
    let sales = sales_models(&mut f, &input.sales, lang);
    let leads = leads_models(&mut f, &input.leads, lang);
    let support = support_models(&mut f, &input.support, lang);
    let media = media_model(&mut f, &input.earned_media);
    let c = &input.counts;
    let engagements = f.read(&c.engagements, "counts.engagements", Kind::Count);
    let clicks = f.read(&c.clicks, "counts.clicks", Kind::Count);
    let new_followers = f.read(&c.new_followers, "counts.new_followers", Kind::Count);
    let acquisitions = f.read(&c.acquisitions, "counts.acquisitions", Kind::Count);
    let model = Model {
        lang,
        currency,
        months,
        label: non_empty(
            &input.label,
            lang.pick("Main scenario", "Scénario principal"),
        ),
        costs,
        alternative,
        sales,
        leads,
        support,
        media,
        engagements,
        clicks,
        new_followers,
        acquisitions,
    };
    (model, f.errors)
}

/// The currency `code`; blank is EUR, and so is an unknown code, with a message.
fn read_currency(f: &mut Fields, code: &str, lang: Lang) -> Currency {
    if code.trim().is_empty() {
        return Currency::EUR;
    }
    Currency::find(code).unwrap_or_else(|| {
        let msg = match lang {
            Lang::En => format!(
                "unknown currency \"{}\": use an ISO 4217 code such as EUR, USD or GBP",
                code.trim()
            ),
            Lang::Fr => format!(
                "devise inconnue « {} » : utilisez un code ISO 4217 comme EUR, USD ou GBP",
                code.trim()
            ),
        };
        f.error("currency", msg);
        Currency::EUR
    })
}

fn sales_models(f: &mut Fields, lines: &[SalesLine], lang: Lang) -> Vec<SalesModel> {
    lines
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = format!("sales[{i}]");
            let before = f.errors.len();
            let m = SalesModel {
                label: non_empty(&s.label, lang.pick("Sales", "Ventes")),
                visits: f.read(&s.visits, &format!("{path}.visits"), Kind::Count),
                rate_pct: f.read(
                    &s.conversion_rate_pct,
                    &format!("{path}.conversion_rate_pct"),
                    Kind::Percent(100.0),
                ),
                value: f.read(&s.value, &format!("{path}.value"), Kind::Amount),
                basis: s.value_basis,
                margin_pct: f.read(
                    &s.margin_pct,
                    &format!("{path}.margin_pct"),
                    Kind::Percent(100.0),
                ),
                invalid: false,
                path,
            };
            SalesModel {
                invalid: f.errors.len() > before,
                ..m
            }
        })
        .collect()
}

fn leads_models(f: &mut Fields, lines: &[LeadsLine], lang: Lang) -> Vec<LeadsModel> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let path = format!("leads[{i}]");
            let before = f.errors.len();
            let count = f.read(&l.count, &format!("{path}.count"), Kind::Count);
            let value = f.read(&l.value, &format!("{path}.value"), Kind::Amount);
            LeadsModel {
                label: non_empty(&l.label, lang.pick("Leads", "Prospects")),
                count,
                value,
                invalid: f.errors.len() > before,
                path,
            }
        })
        .collect()
}

fn support_models(f: &mut Fields, lines: &[SupportLine], lang: Lang) -> Vec<SupportModel> {
    lines
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let path = format!("support[{i}]");
            let before = f.errors.len();
            let requests = f.read(&s.requests, &format!("{path}.requests"), Kind::Count);
            let traditional = f.read(
                &s.traditional_cost,
                &format!("{path}.traditional_cost"),
                Kind::Amount,
            );
            let social = f.read(&s.social_cost, &format!("{path}.social_cost"), Kind::Amount);
            SupportModel {
                label: non_empty(
                    &s.label,
                    lang.pick("Support savings", "Économies de support"),
                ),
                requests,
                traditional,
                social,
                invalid: f.errors.len() > before,
                path,
            }
        })
        .collect()
}

fn media_model(f: &mut Fields, e: &EarnedMedia) -> MediaModel {
    let before = f.errors.len();
    let mut media = MediaModel {
        impressions: f.read(&e.impressions, "earned_media.impressions", Kind::Count),
        cpm: f.read(&e.cpm, "earned_media.cpm", Kind::Amount),
        clicks: f.read(&e.clicks, "earned_media.clicks", Kind::Count),
        cpc: f.read(&e.cpc, "earned_media.cpc", Kind::Amount),
        include: e.include_in_roi,
        invalid: false,
    };
    media.invalid = f.errors.len() > before;
    media
}

fn cost_models(f: &mut Fields, lines: &[CostLine], prefix: &str, lang: Lang) -> Vec<CostModel> {
    lines
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let path = format!("{prefix}[{i}]");
            let before = f.errors.len();
            let k = c.kind;
            // Only the fields of the line's kind are read, so a stale value in a hidden field
            // never blocks the result.
            let mut read = |used: bool, e: &Entry, name: &str, kind: Kind| {
                if used {
                    f.read(e, &format!("{path}.{name}"), kind)
                } else {
                    None
                }
            };
            let time = k == CostKind::Time;
            let salary = k == CostKind::Salary;
            let fixed = !time && !salary;
            let m = CostModel {
                kind: k,
                label: non_empty(&c.label, k.name(lang)),
                hours: read(time, &c.hours, "hours", Kind::Amount),
                hourly_rate: read(time, &c.hourly_rate, "hourly_rate", Kind::Amount),
                monthly_salary: read(salary, &c.monthly_salary, "monthly_salary", Kind::Amount),
                share_pct: read(salary, &c.share_pct, "share_pct", Kind::Percent(100.0)),
                charges_pct: read(
                    salary,
                    &c.employer_charges_pct,
                    "employer_charges_pct",
                    Kind::Percent(MAX_CHARGES_PCT),
                ),
                amount: read(fixed, &c.amount, "amount", Kind::Amount),
                monthly: c.monthly,
                invalid: false,
                path,
            };
            CostModel {
                invalid: f.errors.len() > before,
                ..m
            }
        })
        .collect()
}

fn non_empty(label: &str, default: &str) -> String {
    let t = label.trim();
    if t.is_empty() {
        default.to_string()
    } else {
        t.to_string()
    }
}
