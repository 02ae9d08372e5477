//! Return on investment of social-media work: costs against returns over one period.
//!
//! [`compute`] takes an [`RoiInput`] (what the user typed, or JSON) and gives an [`RoiReport`]:
//! each cost and return line, the totals, ROI, ROAS, break-even, cost per engagement, click,
//! follower and acquisition, an optional second cost scenario and a ±20 % sensitivity table.
//! Every figure carries its formula and inputs, or the reason it has no value.

use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::formula;
use crate::i18n::Lang;
use crate::input::{canonicalise, Entry, FieldError, Fields, Kind, Mark};
use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/// Everything the ROI calculator reads. Every number may be a JSON number or typed text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoiInput {
    /// ISO 4217 code; blank means EUR.
    pub currency: String,
    /// How typed numbers write their decimals; blank follows the report's language. A shared
    /// link carries it, so `1,500` means the same in every reader's language.
    pub decimal_mark: Option<Mark>,
    /// Length of the period in months (salaries and monthly fees are multiplied by it); blank
    /// means 1.
    pub period_months: Entry,
    /// Name of the main cost scenario ("In-house").
    pub label: String,
    /// Cost lines of the main scenario.
    pub costs: Vec<CostLine>,
    /// A second cost scenario compared with the main one, with the same returns.
    pub alternative: Option<Scenario>,
    /// Sales from social traffic.
    pub sales: Vec<SalesLine>,
    /// Leads and their value.
    pub leads: Vec<LeadsLine>,
    /// Support handled on social instead of phone or e-mail.
    pub support: Vec<SupportLine>,
    /// Earned media value, shown apart.
    pub earned_media: EarnedMedia,
    /// Counts for the cost-per figures.
    pub counts: Counts,
}

/// A named list of cost lines.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Scenario {
    /// Its name ("Agency").
    pub label: String,
    /// Its cost lines.
    pub costs: Vec<CostLine>,
}

/// What a cost line is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostKind {
    /// Community manager time: hours × hourly rate.
    #[default]
    Time,
    /// A salary: monthly salary × (1 + employer charges) × share of time × months.
    Salary,
    /// Agency or freelance fees.
    Agency,
    /// Tools and subscriptions.
    Tools,
    /// Ad spend.
    Ads,
    /// Content production.
    Content,
    /// Prizes (contests, giveaways).
    Prizes,
    /// Anything else.
    Other,
}

impl CostKind {
    /// Every kind, in the order the page offers them.
    pub const ALL: [CostKind; 8] = [
        CostKind::Time,
        CostKind::Salary,
        CostKind::Agency,
        CostKind::Tools,
        CostKind::Ads,
        CostKind::Content,
        CostKind::Prizes,
        CostKind::Other,
    ];

    /// The kind's name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            CostKind::Time => lang.pick("Community manager time", "Temps du community manager"),
            CostKind::Salary => lang.pick("Salary", "Salaire"),
            CostKind::Agency => lang.pick("Agency or freelance fees", "Agence ou freelance"),
            CostKind::Tools => lang.pick("Tools and subscriptions", "Outils et abonnements"),
            CostKind::Ads => lang.pick("Ad spend", "Dépenses publicitaires"),
            CostKind::Content => lang.pick("Content production", "Production de contenu"),
            CostKind::Prizes => lang.pick("Prizes", "Lots et dotations"),
            CostKind::Other => lang.pick("Other", "Autre"),
        }
    }

    /// The key used in JSON (`time`, `ads`).
    pub fn key(self) -> &'static str {
        match self {
            CostKind::Time => "time",
            CostKind::Salary => "salary",
            CostKind::Agency => "agency",
            CostKind::Tools => "tools",
            CostKind::Ads => "ads",
            CostKind::Content => "content",
            CostKind::Prizes => "prizes",
            CostKind::Other => "other",
        }
    }
}

/// One cost line. Which fields count depends on `kind`; the others are kept but ignored, so
/// switching a line's kind loses nothing the user typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CostLine {
    /// What the line is.
    pub kind: CostKind,
    /// The user's name for it; blank uses the kind's name.
    pub label: String,
    /// `time`: hours over the period.
    pub hours: Entry,
    /// `time`: cost of one hour.
    pub hourly_rate: Entry,
    /// `salary`: gross monthly salary.
    pub monthly_salary: Entry,
    /// `salary`: share of working time spent on social media, in percent; blank means 100.
    pub share_pct: Entry,
    /// `salary`: employer charges on top of the gross salary, in percent; blank means 0.
    pub employer_charges_pct: Entry,
    /// Other kinds: the amount.
    pub amount: Entry,
    /// Other kinds: the amount is per month and is multiplied by the period.
    pub monthly: bool,
}

/// What one customer is worth in a sales line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueBasis {
    /// The average order value.
    #[default]
    Order,
    /// The customer lifetime value.
    Lifetime,
}

/// Sales from social traffic: visits × conversion rate × value × margin.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SalesLine {
    /// The user's name for it.
    pub label: String,
    /// Visits from social networks.
    pub visits: Entry,
    /// Share of visits that buy, in percent.
    pub conversion_rate_pct: Entry,
    /// Average order value, or customer lifetime value (see `value_basis`).
    pub value: Entry,
    /// Which value `value` is.
    pub value_basis: ValueBasis,
    /// Margin on that value, in percent; blank means 100 (count revenue).
    pub margin_pct: Entry,
}

/// Leads × value per lead.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LeadsLine {
    /// The user's name for it.
    pub label: String,
    /// Number of leads.
    pub count: Entry,
    /// Value of one lead.
    pub value: Entry,
}

/// Support savings: requests × (traditional contact cost − social contact cost).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SupportLine {
    /// The user's name for it.
    pub label: String,
    /// Requests handled on social networks.
    pub requests: Entry,
    /// Cost of handling one request by phone or e-mail.
    pub traditional_cost: Entry,
    /// Cost of handling one request on social networks.
    pub social_cost: Entry,
}

/// Earned media value: what the same visibility would have cost as ads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EarnedMedia {
    /// Organic impressions.
    pub impressions: Entry,
    /// Cost per thousand impressions the user assumes.
    pub cpm: Entry,
    /// Organic clicks.
    pub clicks: Entry,
    /// Cost per click the user assumes.
    pub cpc: Entry,
    /// Count it as a return in ROI (off by default: it is not cash).
    pub include_in_roi: bool,
}

/// Counts for the cost-per figures; each optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Counts {
    /// Engagements (reactions, comments, shares, saves, clicks…) over the period.
    pub engagements: Entry,
    /// Clicks over the period.
    pub clicks: Entry,
    /// New followers over the period.
    pub new_followers: Entry,
    /// Customers acquired; blank uses the conversions of the sales lines.
    pub acquisitions: Entry,
}

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

formula! {
    /// Cost of community manager time.
    COST_TIME = "cost_time",
    en: "cost = hours × hourly rate",
    fr: "coût = heures × taux horaire"
}
formula! {
    /// Cost of a salary over the period.
    COST_SALARY = "cost_salary",
    en: "cost = monthly salary × (1 + employer charges) × share of time × months",
    fr: "coût = salaire mensuel × (1 + charges patronales) × part du temps × mois"
}
formula! {
    /// A one-off amount.
    COST_AMOUNT = "cost_amount",
    en: "cost = amount",
    fr: "coût = montant"
}
formula! {
    /// A monthly amount over the period.
    COST_MONTHLY = "cost_monthly",
    en: "cost = amount per month × months",
    fr: "coût = montant mensuel × mois"
}
formula! {
    /// Sales brought by social traffic.
    SALES_RETURN = "sales_return",
    en: "sales = visits × conversion rate × value per customer × margin",
    fr: "ventes = visites × taux de conversion × valeur par client × marge"
}
formula! {
    /// Value of leads.
    LEADS_RETURN = "leads_return",
    en: "leads value = leads × value per lead",
    fr: "valeur des prospects = prospects × valeur par prospect"
}
formula! {
    /// Support handled on social instead of phone or e-mail.
    SUPPORT_SAVINGS = "support_savings",
    en: "savings = requests × (cost of a phone/e-mail contact − cost of a social contact)",
    fr: "économies = demandes × (coût d’un contact téléphone/e-mail − coût d’un contact social)"
}
formula! {
    /// Earned media value: what the same reach would have cost in ads.
    EARNED_MEDIA = "earned_media_value",
    en: "earned media = impressions ÷ 1000 × CPM + clicks × CPC",
    fr: "médias gagnés = impressions ÷ 1000 × CPM + clics × CPC"
}
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
formula! {
    /// ROI when one input moves by −20 % and +20 %, everything else unchanged.
    SENSITIVITY = "sensitivity",
    en: "ROI with one input × 0.8 and × 1.2, the others unchanged",
    fr: "ROI avec une donnée × 0,8 puis × 1,2, les autres inchangées"
}

/// Every formula of the ROI calculator.
pub const FORMULAS: &[formula::Formula] = &[
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

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Validation into a model of plain numbers
// ---------------------------------------------------------------------------------------------

/// Longest period accepted: a century.
const MAX_MONTHS: f64 = 1200.0;
/// Employer charges above this are surely a typo.
const MAX_CHARGES_PCT: f64 = 1000.0;

#[derive(Clone, Debug)]
struct CostModel {
    kind: CostKind,
    label: String,
    path: String,
    hours: Option<f64>,
    hourly_rate: Option<f64>,
    monthly_salary: Option<f64>,
    share_pct: Option<f64>,
    charges_pct: Option<f64>,
    amount: Option<f64>,
    monthly: bool,
    invalid: bool,
}

#[derive(Clone, Debug)]
struct SalesModel {
    label: String,
    path: String,
    visits: Option<f64>,
    rate_pct: Option<f64>,
    value: Option<f64>,
    basis: ValueBasis,
    margin_pct: Option<f64>,
    invalid: bool,
}

#[derive(Clone, Debug)]
struct LeadsModel {
    label: String,
    path: String,
    count: Option<f64>,
    value: Option<f64>,
    invalid: bool,
}

#[derive(Clone, Debug)]
struct SupportModel {
    label: String,
    path: String,
    requests: Option<f64>,
    traditional: Option<f64>,
    social: Option<f64>,
    invalid: bool,
}

#[derive(Clone, Debug, Default)]
struct MediaModel {
    impressions: Option<f64>,
    cpm: Option<f64>,
    clicks: Option<f64>,
    cpc: Option<f64>,
    include: bool,
    invalid: bool,
}

#[derive(Clone, Debug)]
struct Model {
    lang: Lang,
    currency: Currency,
    months: f64,
    label: String,
    costs: Vec<CostModel>,
    alternative: Option<(String, Vec<CostModel>)>,
    sales: Vec<SalesModel>,
    leads: Vec<LeadsModel>,
    support: Vec<SupportModel>,
    media: MediaModel,
    engagements: Option<f64>,
    clicks: Option<f64>,
    new_followers: Option<f64>,
    acquisitions: Option<f64>,
}

fn validate(input: &RoiInput, lang: Lang) -> (Model, Vec<FieldError>) {
    let mut f = Fields::new(lang, input.decimal_mark);
    let currency = if input.currency.trim().is_empty() {
        Currency::EUR
    } else {
        Currency::find(&input.currency).unwrap_or_else(|| {
            let msg = match lang {
                Lang::En => format!(
                    "unknown currency \"{}\": use an ISO 4217 code such as EUR, USD or GBP",
                    input.currency.trim()
                ),
                Lang::Fr => format!(
                    "devise inconnue « {} » : utilisez un code ISO 4217 comme EUR, USD ou GBP",
                    input.currency.trim()
                ),
            };
            f.error("currency", msg);
            Currency::EUR
        })
    };
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
    let sales = input
        .sales
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
        .collect();
    let leads = input
        .leads
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
        .collect();
    let support = input
        .support
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
        .collect();
    let before = f.errors.len();
    let e = &input.earned_media;
    let mut media = MediaModel {
        impressions: f.read(&e.impressions, "earned_media.impressions", Kind::Count),
        cpm: f.read(&e.cpm, "earned_media.cpm", Kind::Amount),
        clicks: f.read(&e.clicks, "earned_media.clicks", Kind::Count),
        cpc: f.read(&e.cpc, "earned_media.cpc", Kind::Amount),
        include: e.include_in_roi,
        invalid: false,
    };
    media.invalid = f.errors.len() > before;
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

// ---------------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------------

/// Names of the inputs, as formulas and the sensitivity table use them.
struct Names;

impl Names {
    fn hours(l: Lang) -> &'static str {
        l.pick("hours", "heures")
    }
    fn hourly_rate(l: Lang) -> &'static str {
        l.pick("hourly rate", "taux horaire")
    }
    fn monthly_salary(l: Lang) -> &'static str {
        l.pick("monthly salary", "salaire mensuel")
    }
    fn share(l: Lang) -> &'static str {
        l.pick("share of time", "part du temps")
    }
    fn charges(l: Lang) -> &'static str {
        l.pick("employer charges", "charges patronales")
    }
    fn months(l: Lang) -> &'static str {
        l.pick("months", "mois")
    }
    fn amount(l: Lang) -> &'static str {
        l.pick("amount", "montant")
    }
    fn amount_per_month(l: Lang) -> &'static str {
        l.pick("amount per month", "montant mensuel")
    }
    fn visits(l: Lang) -> &'static str {
        l.pick("visits", "visites")
    }
    fn conversion_rate(l: Lang) -> &'static str {
        l.pick("conversion rate", "taux de conversion")
    }
    fn value(l: Lang, basis: ValueBasis) -> &'static str {
        match basis {
            ValueBasis::Order => l.pick("average order value", "panier moyen"),
            ValueBasis::Lifetime => l.pick("customer lifetime value", "valeur vie client"),
        }
    }
    fn margin(l: Lang) -> &'static str {
        l.pick("margin", "marge")
    }
    fn leads(l: Lang) -> &'static str {
        l.pick("leads", "prospects")
    }
    fn lead_value(l: Lang) -> &'static str {
        l.pick("value per lead", "valeur par prospect")
    }
    fn requests(l: Lang) -> &'static str {
        l.pick("requests", "demandes")
    }
    fn traditional(l: Lang) -> &'static str {
        l.pick(
            "cost of a phone/e-mail contact",
            "coût d’un contact téléphone/e-mail",
        )
    }
    fn social(l: Lang) -> &'static str {
        l.pick("cost of a social contact", "coût d’un contact social")
    }
    fn impressions(l: Lang) -> &'static str {
        l.pick("impressions", "impressions")
    }
    fn clicks(l: Lang) -> &'static str {
        l.pick("clicks", "clics")
    }
}

fn invalid_line(lang: Lang) -> String {
    lang.pick(
        "an input of this line is invalid: see the message next to it",
        "une donnée de cette ligne est invalide : voir le message à côté",
    )
    .to_string()
}

fn missing(lang: Lang, names: &[&str]) -> String {
    let list = names.join(lang.pick(" and ", " et "));
    match lang {
        Lang::En => format!("enter the {list} to count this line"),
        Lang::Fr => format!("indiquez : {list}, pour compter cette ligne"),
    }
}

/// A line's amount in major units, or why it has none.
type LineValue = Result<f64, String>;

fn cost_value(c: &CostModel, months: f64, lang: Lang) -> LineValue {
    if c.invalid {
        return Err(invalid_line(lang));
    }
    match c.kind {
        CostKind::Time => match (c.hours, c.hourly_rate) {
            (Some(h), Some(r)) => Ok(h * r),
            (h, r) => Err(missing(
                lang,
                &[
                    (h.is_none(), Names::hours(lang)),
                    (r.is_none(), Names::hourly_rate(lang)),
                ]
                .iter()
                .filter(|(m, _)| *m)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>(),
            )),
        },
        CostKind::Salary => match c.monthly_salary {
            Some(s) => {
                let share = c.share_pct.unwrap_or(100.0) / 100.0;
                let charges = c.charges_pct.unwrap_or(0.0) / 100.0;
                Ok(s * (1.0 + charges) * share * months)
            }
            None => Err(missing(lang, &[Names::monthly_salary(lang)])),
        },
        _ => match c.amount {
            Some(a) if c.monthly => Ok(a * months),
            Some(a) => Ok(a),
            None => Err(missing(lang, &[Names::amount(lang)])),
        },
    }
}

fn cost_figure(c: &CostModel, months: f64, cur: Currency, lang: Lang) -> Figure {
    let (formula, unit) = match c.kind {
        CostKind::Time => (COST_TIME, Unit::Money),
        CostKind::Salary => (COST_SALARY, Unit::Money),
        _ if c.monthly => (COST_MONTHLY, Unit::Money),
        _ => (COST_AMOUNT, Unit::Money),
    };
    let mut fig = Figure::custom(&c.path, &c.label, unit, formula.text(lang));
    fig = match c.kind {
        CostKind::Time => opt_input(fig, Names::hours(lang), c.hours, Unit::Hours)
            .pipe(|f| opt_input(f, Names::hourly_rate(lang), c.hourly_rate, Unit::Money)),
        CostKind::Salary => opt_input(
            fig,
            Names::monthly_salary(lang),
            c.monthly_salary,
            Unit::Money,
        )
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
        _ if c.monthly => opt_input(fig, Names::amount_per_month(lang), c.amount, Unit::Money)
            .input(Names::months(lang), months, Unit::Months),
        _ => opt_input(fig, Names::amount(lang), c.amount, Unit::Money),
    };
    fig.result(rounded(cost_value(c, months, lang), cur, lang), lang)
}

/// A line's amount as the totals count it: rounded to the currency's minor unit.
fn rounded(v: LineValue, cur: Currency, lang: Lang) -> LineValue {
    let v = v?;
    Money::round(v, cur).map(|m| m.major(cur)).ok_or_else(|| {
        lang.pick(
            "the result is too large to compute",
            "le résultat est trop grand pour être calculé",
        )
        .to_string()
    })
}

fn opt_input(fig: Figure, name: &str, v: Option<f64>, unit: Unit) -> Figure {
    match v {
        Some(v) => fig.input(name, v, unit),
        None => fig,
    }
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(Self) -> T) -> T {
        f(self)
    }
}
impl Pipe for Figure {}

/// Conversions and amount of a sales line.
fn sales_value(s: &SalesModel, lang: Lang) -> Result<(f64, f64), String> {
    if s.invalid {
        return Err(invalid_line(lang));
    }
    match (s.visits, s.rate_pct, s.value) {
        (Some(v), Some(r), Some(val)) => {
            let conversions = v * r / 100.0;
            let margin = s.margin_pct.unwrap_or(100.0) / 100.0;
            Ok((conversions, conversions * val * margin))
        }
        (v, r, val) => {
            let names: Vec<&str> = [
                (v.is_none(), Names::visits(lang)),
                (r.is_none(), Names::conversion_rate(lang)),
                (val.is_none(), Names::value(lang, s.basis)),
            ]
            .iter()
            .filter(|(m, _)| *m)
            .map(|(_, n)| *n)
            .collect();
            Err(missing(lang, &names))
        }
    }
}

fn leads_value(l: &LeadsModel, lang: Lang) -> LineValue {
    if l.invalid {
        return Err(invalid_line(lang));
    }
    match (l.count, l.value) {
        (Some(c), Some(v)) => Ok(c * v),
        (None, Some(_)) => Err(missing(lang, &[Names::leads(lang)])),
        (Some(_), None) => Err(missing(lang, &[Names::lead_value(lang)])),
        (None, None) => Err(missing(
            lang,
            &[Names::leads(lang), Names::lead_value(lang)],
        )),
    }
}

fn support_value(s: &SupportModel, lang: Lang) -> LineValue {
    if s.invalid {
        return Err(invalid_line(lang));
    }
    match (s.requests, s.traditional, s.social) {
        (Some(r), Some(t), Some(so)) => Ok(r * (t - so)),
        (r, t, so) => {
            let names: Vec<&str> = [
                (r.is_none(), Names::requests(lang)),
                (t.is_none(), Names::traditional(lang)),
                (so.is_none(), Names::social(lang)),
            ]
            .iter()
            .filter(|(m, _)| *m)
            .map(|(_, n)| *n)
            .collect();
            Err(missing(lang, &names))
        }
    }
}

fn media_value(m: &MediaModel, lang: Lang) -> LineValue {
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

// ---------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

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
pub fn compute(input: &RoiInput, lang: Lang) -> RoiReport {
    let (m, errors) = validate(input, lang);
    let cur = m.currency;
    let blocked = (!errors.is_empty()).then(|| {
        lang.pick(
            "fix the inputs marked in red first",
            "corrigez d’abord les données signalées en rouge",
        )
        .to_string()
    });
    let t = totals(&m, &m.costs);
    let money = |minor: Money| minor.major(cur);

    let costs: Vec<Figure> = m
        .costs
        .iter()
        .map(|c| cost_figure(c, m.months, m.currency, lang))
        .collect();
    let mut returns = Vec::new();
    for s in &m.sales {
        returns.push(sales_figure(s, cur, lang));
    }
    for l in &m.leads {
        let fig = Figure::custom(&l.path, &l.label, Unit::Money, LEADS_RETURN.text(lang));
        let fig = opt_input(fig, Names::leads(lang), l.count, Unit::Count);
        let fig = opt_input(fig, Names::lead_value(lang), l.value, Unit::Money);
        returns.push(fig.result(rounded(leads_value(l, lang), cur, lang), lang));
    }
    for s in &m.support {
        let fig = Figure::custom(&s.path, &s.label, Unit::Money, SUPPORT_SAVINGS.text(lang));
        let fig = opt_input(fig, Names::requests(lang), s.requests, Unit::Count);
        let fig = opt_input(fig, Names::traditional(lang), s.traditional, Unit::Money);
        let fig = opt_input(fig, Names::social(lang), s.social, Unit::Money);
        returns.push(fig.result(rounded(support_value(s, lang), cur, lang), lang));
    }
    let earned_media = media_figure(&m.media, cur, lang);

    let block = |fig: Figure| match &blocked {
        Some(reason) => fig.blocked(reason.clone()),
        None => fig,
    };
    let too_large = || {
        lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        )
        .to_string()
    };
    let total_cost = Figure::of(
        TOTAL_COST,
        lang.pick("Total cost", "Coût total"),
        Unit::Money,
        lang,
    )
    .input(
        lang.pick("cost lines", "lignes de coût"),
        costs.len() as f64,
        Unit::Count,
    );
    let total_cost = if t.overflow {
        total_cost.unavailable(too_large())
    } else {
        total_cost.value(money(t.cost), lang)
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
        money(t.other_returns)
            - if m.media.include {
                t.media.map_or(0.0, money)
            } else {
                0.0
            },
        Unit::Money,
    );
    if m.media.include {
        total_return = total_return.input(
            lang.pick("earned media", "médias gagnés"),
            t.media.map_or(0.0, money),
            Unit::Money,
        );
    }
    let total_return = if t.overflow {
        total_return.unavailable(too_large())
    } else {
        total_return.value(money(t.cash_return), lang)
    };
    let net_gain = Figure::of(
        NET_GAIN,
        lang.pick("Net gain", "Gain net"),
        Unit::Money,
        lang,
    )
    .input(
        lang.pick("total return", "retour total"),
        money(t.cash_return),
        Unit::Money,
    )
    .input(
        lang.pick("total cost", "coût total"),
        money(t.cost),
        Unit::Money,
    );
    let net_gain = if t.overflow {
        net_gain.unavailable(too_large())
    } else {
        net_gain.value(money(t.cash_return) - money(t.cost), lang)
    };
    let roi = roi_figure(&t, cur, lang);
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
    let roas = if t.ad_spend.0 > 0 {
        roas.value(money(t.cash_return) / money(t.ad_spend), lang)
    } else {
        roas.unavailable(lang.pick(
            "no ad spend: add an ad spend cost line to compute ROAS",
            "aucune dépense publicitaire : ajoutez une ligne « Dépenses publicitaires » pour calculer le ROAS",
        ))
    };
    let (break_even_conversions, break_even_visits) = break_even(&t, cur, lang);

    let mut summary = vec![
        total_cost,
        total_return,
        net_gain,
        roi,
        roas,
        break_even_conversions,
        break_even_visits,
    ];
    summary = summary.into_iter().map(block).collect();

    let unit_costs = unit_cost_figures(&m, &t, lang)
        .into_iter()
        .map(block)
        .collect();

    let comparison = m.alternative.as_ref().map(|(label, alt)| {
        let mut c = comparison(&m, label, alt, &t);
        if let Some(reason) = &blocked {
            for s in &mut c.scenarios {
                for f in [&mut s.total_cost, &mut s.net_gain, &mut s.roi] {
                    *f = f.clone().blocked(reason.clone());
                }
            }
            c.roi_difference = c.roi_difference.blocked(reason.clone());
            c.cost_difference = c.cost_difference.blocked(reason.clone());
        }
        c
    });
    let sensitivity = match &blocked {
        Some(reason) => Sensitivity {
            formula: SENSITIVITY.text(lang).to_string(),
            base_roi: None,
            rows: Vec::new(),
            reason: Some(reason.clone()),
        },
        None => sensitivity(&m),
    };

    RoiReport {
        currency: cur.code,
        minor_digits: cur.minor_digits,
        errors,
        costs,
        returns,
        earned_media,
        summary,
        unit_costs,
        comparison,
        sensitivity,
    }
}

fn sales_figure(s: &SalesModel, cur: Currency, lang: Lang) -> Figure {
    let fig = Figure::custom(&s.path, &s.label, Unit::Money, SALES_RETURN.text(lang));
    let fig = opt_input(fig, Names::visits(lang), s.visits, Unit::Count);
    let fig = opt_input(
        fig,
        Names::conversion_rate(lang),
        s.rate_pct.map(|r| r / 100.0),
        Unit::Ratio,
    );
    let fig = opt_input(fig, Names::value(lang, s.basis), s.value, Unit::Money);
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

fn media_figure(m: &MediaModel, cur: Currency, lang: Lang) -> Figure {
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
    let fig = opt_input(fig, Names::impressions(lang), m.impressions, Unit::Count);
    let fig = opt_input(fig, "CPM", m.cpm, Unit::Money);
    let fig = opt_input(fig, Names::clicks(lang), m.clicks, Unit::Count);
    let fig = opt_input(fig, "CPC", m.cpc, Unit::Money);
    fig.result(rounded(media_value(m, lang), cur, lang), lang)
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
        None if t.overflow => fig.unavailable(lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        )),
        None => fig.unavailable(lang.pick(
            "total cost is zero: ROI needs a cost to divide by",
            "le coût total est nul : le ROI a besoin d’un coût à diviser",
        )),
    }
}

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
        let r = lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        );
        return (conv.unavailable(r), visits.unavailable(r));
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
    let rate = t.conversions / t.converting_visits;
    let visits = visits
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
        .value(((needed / rate * 1e9).round() / 1e9).ceil(), lang);
    (conv, visits)
}

fn unit_cost_figures(m: &Model, t: &Totals, lang: Lang) -> Vec<Figure> {
    let cost = t.cost.major(m.currency);
    let per = |formula, label: &str, name: &str, count: Option<f64>, what: &str| {
        let fig = Figure::of(formula, label, Unit::Money, lang).input(
            lang.pick("total cost", "coût total"),
            cost,
            Unit::Money,
        );
        match count {
            None => fig.unavailable(match lang {
                Lang::En => format!("enter the number of {what} to compute it"),
                Lang::Fr => format!("indiquez le nombre de {what} pour le calculer"),
            }),
            Some(c) if c <= 0.0 => fig.input(name, c, Unit::Count).unavailable(match lang {
                Lang::En => format!("no {what}: nothing to divide the cost by"),
                Lang::Fr => format!("aucun {what} : rien par quoi diviser le coût"),
            }),
            Some(_) if t.overflow => fig.unavailable(lang.pick(
                "the amounts are too large to add up",
                "les montants sont trop grands pour être additionnés",
            )),
            Some(c) => fig.input(name, c, Unit::Count).value(cost / c, lang),
        }
    };
    let acquisitions = m
        .acquisitions
        .or((t.conversions > 0.0).then_some(t.conversions));
    let acq_name = if m.acquisitions.is_some() {
        lang.pick("acquisitions", "acquisitions")
    } else {
        lang.pick(
            "conversions of the sales lines",
            "conversions des lignes de ventes",
        )
    };
    vec![
        per(
            COST_PER_ENGAGEMENT,
            lang.pick("Cost per engagement", "Coût par engagement"),
            lang.pick("engagements", "engagements"),
            m.engagements,
            lang.pick("engagements", "engagements"),
        ),
        per(
            COST_PER_CLICK,
            lang.pick("Cost per click", "Coût par clic"),
            lang.pick("clicks", "clics"),
            m.clicks,
            lang.pick("clicks", "clics"),
        ),
        per(
            COST_PER_NEW_FOLLOWER,
            lang.pick("Cost per new follower", "Coût par nouvel abonné"),
            lang.pick("new followers", "nouveaux abonnés"),
            m.new_followers,
            lang.pick("new followers", "nouveaux abonnés"),
        ),
        per(
            COST_PER_ACQUISITION,
            lang.pick("Cost per acquisition", "Coût par acquisition"),
            acq_name,
            acquisitions,
            lang.pick("acquisitions", "acquisitions"),
        ),
    ]
}

fn scenario_result(m: &Model, label: &str, costs: &[CostModel], t: &Totals) -> ScenarioResult {
    let lang = m.lang;
    let cur = m.currency;
    let figures = costs
        .iter()
        .map(|c| cost_figure(c, m.months, m.currency, lang))
        .collect();
    let total_cost = Figure::of(
        TOTAL_COST,
        lang.pick("Total cost", "Coût total"),
        Unit::Money,
        lang,
    )
    .input(
        lang.pick("cost lines", "lignes de coût"),
        costs.len() as f64,
        Unit::Count,
    );
    let total_cost = if t.overflow {
        total_cost.unavailable(lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        ))
    } else {
        total_cost.value(t.cost.major(cur), lang)
    };
    let net_gain = Figure::of(
        NET_GAIN,
        lang.pick("Net gain", "Gain net"),
        Unit::Money,
        lang,
    )
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
    let net_gain = if t.overflow {
        net_gain.unavailable(lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        ))
    } else {
        net_gain.value(t.cash_return.major(cur) - t.cost.major(cur), lang)
    };
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
        _ => cost_difference.unavailable(lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        )),
    };
    Comparison {
        scenarios: vec![a, b],
        roi_difference,
        cost_difference,
    }
}

// ---------------------------------------------------------------------------------------------
// Sensitivity
// ---------------------------------------------------------------------------------------------

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
    fn label(&self) -> &str {
        &self.label
    }
    fn path(&self) -> &str {
        &self.path
    }
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
    fn label(&self) -> &str {
        &self.label
    }
    fn path(&self) -> &str {
        &self.path
    }
}

impl Varied for LeadsModel {
    fn params(&mut self, l: Lang) -> Vec<Param<'_>> {
        vec![
            p("count", Names::leads(l), Unit::Count, None, &mut self.count),
            p(
                "value",
                Names::lead_value(l),
                Unit::Money,
                None,
                &mut self.value,
            ),
        ]
    }
    fn amount(&self, m: &Model) -> Money {
        counted(leads_value(self, m.lang), m)
    }
    fn label(&self) -> &str {
        &self.label
    }
    fn path(&self) -> &str {
        &self.path
    }
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
    fn label(&self) -> &str {
        &self.label
    }
    fn path(&self) -> &str {
        &self.path
    }
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

fn sensitivity(m: &Model) -> Sensitivity {
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
    let rows = &mut s.rows;
    m.costs
        .iter()
        .filter(|c| !c.invalid)
        .for_each(|c| vary(c, true, m, &base, rows));
    m.sales
        .iter()
        .filter(|x| !x.invalid)
        .for_each(|x| vary(x, false, m, &base, rows));
    m.leads
        .iter()
        .filter(|x| !x.invalid)
        .for_each(|x| vary(x, false, m, &base, rows));
    m.support
        .iter()
        .filter(|x| !x.invalid)
        .for_each(|x| vary(x, false, m, &base, rows));
    if m.media.include && !m.media.invalid {
        let line = MediaLine(
            m.media.clone(),
            lang.pick("Earned media", "Médias gagnés").to_string(),
        );
        vary(&line, false, m, &base, rows);
    }
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

/// The same input with every readable number as a number, read with its decimal mark (the
/// language's own when it names none), and the mark then set to `to`'s: what the page calls
/// when the user switches language, so that no value changes meaning.
pub fn canonical(input: &RoiInput, lang: Lang, to: Lang) -> RoiInput {
    let mut out = input.clone();
    let mark = out.decimal_mark.unwrap_or(Mark::of(lang));
    let mut entries: Vec<(&mut Entry, bool)> = vec![(&mut out.period_months, false)];
    let mut costs: Vec<&mut CostLine> = out.costs.iter_mut().collect();
    if let Some(alt) = out.alternative.as_mut() {
        costs.extend(alt.costs.iter_mut());
    }
    for c in costs {
        entries.extend([
            (&mut c.hours, false),
            (&mut c.hourly_rate, false),
            (&mut c.monthly_salary, false),
            (&mut c.share_pct, true),
            (&mut c.employer_charges_pct, true),
            (&mut c.amount, false),
        ]);
    }
    for s in &mut out.sales {
        entries.extend([
            (&mut s.visits, false),
            (&mut s.conversion_rate_pct, true),
            (&mut s.value, false),
            (&mut s.margin_pct, true),
        ]);
    }
    for l in &mut out.leads {
        entries.extend([(&mut l.count, false), (&mut l.value, false)]);
    }
    for s in &mut out.support {
        entries.extend([
            (&mut s.requests, false),
            (&mut s.traditional_cost, false),
            (&mut s.social_cost, false),
        ]);
    }
    let e = &mut out.earned_media;
    entries.extend([
        (&mut e.impressions, false),
        (&mut e.cpm, false),
        (&mut e.clicks, false),
        (&mut e.cpc, false),
    ]);
    let c = &mut out.counts;
    entries.extend([
        (&mut c.engagements, false),
        (&mut c.clicks, false),
        (&mut c.new_followers, false),
        (&mut c.acquisitions, false),
    ]);
    canonicalise(entries, mark);
    out.decimal_mark = Some(Mark::of(to));
    out
}

// ---------------------------------------------------------------------------------------------
// The worked example
// ---------------------------------------------------------------------------------------------

/// The worked example the page opens with: one month of a small online shop's social media.
///
/// Costs 3 099 (60 h × 35, tools 99 a month, 500 of ads, 400 of content); returns 4 680 (sales
/// 8 000 × 1.5 % × 65 × 40 % = 3 120, leads 25 × 30 = 750, support 180 × (6.50 − 2.00) = 810);
/// ROI 51.02 %. The alternative, an agency at 2 400 a month with the same ads and content,
/// costs 3 300.
pub fn example(lang: Lang, currency: &str) -> RoiInput {
    let n = |x: f64| Entry::Number(x);
    let cost = |kind, label: &str| CostLine {
        kind,
        label: label.to_string(),
        ..CostLine::default()
    };
    let ads = CostLine {
        amount: n(500.0),
        ..cost(
            CostKind::Ads,
            lang.pick("Sponsored posts", "Posts sponsorisés"),
        )
    };
    let content = CostLine {
        amount: n(400.0),
        ..cost(
            CostKind::Content,
            lang.pick("Photo shoot", "Shooting photo"),
        )
    };
    RoiInput {
        currency: Currency::find(currency)
            .map_or(Currency::EUR.code, |c| c.code)
            .to_string(),
        decimal_mark: None,
        period_months: n(1.0),
        label: lang.pick("In-house", "En interne").to_string(),
        costs: vec![
            CostLine {
                hours: n(60.0),
                hourly_rate: n(35.0),
                ..cost(
                    CostKind::Time,
                    lang.pick("Community manager", "Community manager"),
                )
            },
            CostLine {
                amount: n(99.0),
                monthly: true,
                ..cost(
                    CostKind::Tools,
                    lang.pick("Scheduling tool", "Outil de planification"),
                )
            },
            ads.clone(),
            content.clone(),
        ],
        alternative: Some(Scenario {
            label: lang.pick("Agency", "Agence").to_string(),
            costs: vec![
                CostLine {
                    amount: n(2400.0),
                    monthly: true,
                    ..cost(
                        CostKind::Agency,
                        lang.pick("Agency retainer", "Forfait agence"),
                    )
                },
                ads,
                content,
            ],
        }),
        sales: vec![SalesLine {
            label: lang.pick("Online shop", "Boutique en ligne").to_string(),
            visits: n(8000.0),
            conversion_rate_pct: n(1.5),
            value: n(65.0),
            value_basis: ValueBasis::Order,
            margin_pct: n(40.0),
        }],
        leads: vec![LeadsLine {
            label: lang
                .pick("Wholesale enquiries", "Demandes de revendeurs")
                .to_string(),
            count: n(25.0),
            value: n(30.0),
        }],
        support: vec![SupportLine {
            label: lang
                .pick(
                    "Questions answered in DMs",
                    "Questions traitées en messages privés",
                )
                .to_string(),
            requests: n(180.0),
            traditional_cost: n(6.5),
            social_cost: n(2.0),
        }],
        earned_media: EarnedMedia {
            impressions: n(150_000.0),
            cpm: n(6.0),
            clicks: n(1200.0),
            cpc: n(0.45),
            include_in_roi: false,
        },
        counts: Counts {
            engagements: n(5400.0),
            clicks: n(1200.0),
            new_followers: n(320.0),
            acquisitions: Entry::Blank,
        },
    }
}
