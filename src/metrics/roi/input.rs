//! What the ROI calculator reads: the input JSON docs/roi.md documents.

use crate::form::{canonicalise, Entry, Mark};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

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

/// The same input with every readable number as a number, read with its decimal mark (the
/// language's own when it names none), and the mark then set to `to`'s: what the page calls
/// when the user switches language, so that no value changes meaning.
pub fn canonical_roi_input(input: &RoiInput, lang: Lang, to: Lang) -> RoiInput {
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
