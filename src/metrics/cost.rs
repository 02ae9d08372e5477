//! The cost link: spend from an ads export or typed costs, against the counts of the
//! analysis, gives cost per engagement, CPM, CPC and cost per new follower; and the patch
//! that carries those counts, the ad spend and what the files say came back (the key events
//! of social traffic as acquisitions, YouTube's estimated revenue as a return) into the ROI
//! calculator.
//!
//! Two currencies are never added together: ads are summed per currency, and the figures
//! against the whole dataset's counts need all costs in one currency.

use super::roi::{CostKind, CostLine, Counts, LeadsLine};
use crate::date::Date;
use crate::figure::{Figure, Unit};
use crate::form::{Entry, Fields, Kind};
use crate::formula;
use crate::i18n::Lang;
use crate::model::AdRow;
use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};

formula! {
    /// Spend over the period.
    SPEND = "spend",
    en: "spend = Σ amount spent of the ad rows + Σ typed costs",
    fr: "dépense = Σ montants dépensés des lignes publicitaires + Σ coûts saisis"
}
formula! {
    /// Cost of one engagement.
    SPEND_PER_ENGAGEMENT = "spend_per_engagement",
    en: "cost per engagement = spend ÷ engagements",
    fr: "coût par engagement = dépense ÷ engagements"
}
formula! {
    /// Cost of a thousand impressions.
    CPM = "cpm",
    en: "CPM = spend ÷ impressions × 1000",
    fr: "CPM = dépense ÷ impressions × 1000"
}
formula! {
    /// Cost of one click.
    CPC = "cpc",
    en: "CPC = spend ÷ clicks",
    fr: "CPC = dépense ÷ clics"
}
formula! {
    /// Cost of one new follower.
    SPEND_PER_NEW_FOLLOWER = "spend_per_new_follower",
    en: "cost per new follower = spend ÷ new followers",
    fr: "coût par nouvel abonné = dépense ÷ nouveaux abonnés"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    SPEND,
    SPEND_PER_ENGAGEMENT,
    CPM,
    CPC,
    SPEND_PER_NEW_FOLLOWER,
];

/// A cost the user types: agency fees, a boost paid by card, a prize.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TypedCost {
    /// What it is.
    pub label: String,
    /// The amount, a number or text as typed.
    pub amount: Entry,
    /// ISO code; blank means the ads' currency when they have exactly one, else EUR.
    pub currency: String,
}

/// Counts the figures divide by, each with the words that say where it comes from.
#[derive(Clone, Debug, Default)]
pub(crate) struct Divisors {
    /// Engagements and what they are.
    pub engagements: Option<(f64, String)>,
    /// Impressions.
    pub impressions: Option<(f64, String)>,
    /// Clicks.
    pub clicks: Option<(f64, String)>,
    /// New followers.
    pub new_followers: Option<(f64, String)>,
    /// Customers acquired (key events of social traffic), for the calculator only.
    pub acquisitions: Option<(f64, String)>,
}

/// Money the files say the social presence earned (YouTube's estimated revenue), in one
/// currency.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Revenue {
    /// ISO code, when the export says.
    pub currency: Option<String>,
    /// The amount, in major units.
    pub amount: f64,
    /// Where it comes from, in words.
    pub source: String,
}

/// Spend and unit costs in one currency.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurrencyCosts {
    /// ISO code of every money figure here; `null` when the ads file does not say.
    pub currency: Option<String>,
    /// Ad rows counted.
    pub ad_rows: usize,
    /// `spend`, `spend_per_engagement`, `cpm`, `cpc`, `spend_per_new_follower` (prefixed
    /// `ads_` for the ads' own figures).
    pub figures: Vec<Figure>,
}

/// What to add to the ROI calculator's input, applied by the page on request.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoiPatch {
    /// The currency of the cost lines; the calculator's should match.
    pub currency: Option<String>,
    /// Counts for its cost-per figures (blank where unknown).
    pub counts: Counts,
    /// An ad spend line, when the files have ad spend.
    pub costs: Vec<CostLine>,
    /// A return line of the estimated revenue, when the files have revenue in the patch's
    /// currency: one line whose value is the revenue (the calculator's returns are lines of
    /// a count × a value).
    pub returns: Vec<LeadsLine>,
    /// Where each number comes from.
    pub notes: Vec<String>,
}

/// The cost link.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CostReport {
    /// Per currency of the ads: what the ads bought, from the ads rows' own counts.
    pub ads: Vec<CurrencyCosts>,
    /// All costs (ads and typed) against the counts of the whole analysis, when they are in
    /// one currency.
    pub overall: Option<CurrencyCosts>,
    /// Why `overall` is missing.
    pub overall_reason: Option<String>,
    /// What to carry into the ROI calculator.
    pub roi_patch: RoiPatch,
}

/// A typed cost, validated.
#[derive(Clone, Debug)]
pub(crate) struct Typed {
    /// Its amount.
    pub amount: f64,
    /// Its currency.
    pub currency: String,
}

/// Reads the typed costs, with a message per bad field.
pub(crate) fn read_typed(
    costs: &[TypedCost],
    default_currency: &str,
    f: &mut Fields,
    lang: Lang,
) -> Vec<Typed> {
    let mut out = Vec::new();
    for (i, c) in costs.iter().enumerate() {
        let amount = f.read(&c.amount, &format!("costs[{i}].amount"), Kind::Amount);
        let code = c.currency.trim();
        let currency = if code.is_empty() {
            Some(default_currency.to_string())
        } else {
            match Currency::find(code) {
                Some(cur) => Some(cur.code.to_string()),
                None => {
                    f.error(
                        &format!("costs[{i}].currency"),
                        unknown_currency(code, lang),
                    );
                    None
                }
            }
        };
        if let (Some(amount), Some(currency)) = (amount, currency) {
            out.push(Typed { amount, currency });
        }
    }
    out
}

/// The message for a currency code that is not offered.
pub(crate) fn unknown_currency(code: &str, lang: Lang) -> String {
    match lang {
        Lang::En => {
            format!("unknown currency \"{code}\": use an ISO 4217 code such as EUR, USD or GBP")
        }
        Lang::Fr => {
            format!("devise inconnue « {code} » : utilisez un code ISO 4217 comme EUR, USD ou GBP")
        }
    }
}

fn minor_digits(code: Option<&str>) -> u8 {
    code.and_then(Currency::find).map_or(2, |c| c.minor_digits)
}

/// Adds amounts exactly in the currency's minor unit.
fn add_up(amounts: impl Iterator<Item = f64>, code: Option<&str>) -> Option<f64> {
    let cur = Currency::unnamed(minor_digits(code));
    let mut total = Money::ZERO;
    for a in amounts {
        total = total.checked_add(Money::round(a, cur)?)?;
    }
    Some(total.major(cur))
}

/// The spend figure, then the spend per engagement, per thousand impressions, per click and
/// per new follower: `spend_inputs` are the parts the spend adds up, `counts` what it is
/// divided by.
fn unit_costs(
    spend: Option<f64>,
    spend_inputs: &[(String, f64)],
    counts: &Divisors,
    lang: Lang,
) -> Vec<Figure> {
    let spend_fig = Figure::of(SPEND, lang.pick("Spend", "Dépense"), Unit::Money, lang);
    let spend_fig = match spend {
        Some(s) => spend_inputs
            .iter()
            .fold(spend_fig, |f, (n, v)| f.input(n, *v, Unit::Money))
            .value(s, lang),
        None => spend_fig.unavailable(lang.pick(
            "the amounts are too large to add up",
            "les montants sont trop grands pour être additionnés",
        )),
    };
    let per = |f, label: &str, count: &Option<(f64, String)>, scale, what: &str| {
        let spend = spend.ok_or_else(|| spend_fig.reason.clone().unwrap_or_default());
        per_unit(spend, f, label, count, scale, what, lang)
    };
    let figures = vec![
        per(
            SPEND_PER_ENGAGEMENT,
            lang.pick("Cost per engagement", "Coût par engagement"),
            &counts.engagements,
            1.0,
            lang.pick("engagements", "engagements"),
        ),
        per(
            CPM,
            "CPM",
            &counts.impressions,
            1000.0,
            lang.pick("impressions", "impressions"),
        ),
        per(
            CPC,
            "CPC",
            &counts.clicks,
            1.0,
            lang.pick("clicks", "clics"),
        ),
        per(
            SPEND_PER_NEW_FOLLOWER,
            lang.pick("Cost per new follower", "Coût par nouvel abonné"),
            &counts.new_followers,
            1.0,
            lang.pick("new followers", "nouveaux abonnés"),
        ),
    ];
    std::iter::once(spend_fig).chain(figures).collect()
}

/// `spend` ÷ `count` × `scale`, or why it cannot be; `what` names the count in the reasons.
fn per_unit(
    spend: Result<f64, String>,
    f: formula::Formula,
    label: &str,
    count: &Option<(f64, String)>,
    scale: f64,
    what: &str,
    lang: Lang,
) -> Figure {
    let fig = Figure::of(f, label, Unit::Money, lang);
    let s = match spend {
        Ok(s) => s,
        Err(reason) => return fig.unavailable(reason),
    };
    let fig = fig.input(lang.pick("spend", "dépense"), s, Unit::Money);
    match count {
        None => fig.unavailable(match lang {
            Lang::En => format!("no {what} in the files to divide the spend by"),
            Lang::Fr => {
                format!("aucun chiffre de {what} dans les fichiers pour diviser la dépense")
            }
        }),
        Some((c, name)) if *c <= 0.0 => fig.input(name, *c, Unit::Count).unavailable(match lang {
            Lang::En => format!("no {what}: nothing to divide the spend by"),
            Lang::Fr => format!("aucun {what} : rien par quoi diviser la dépense"),
        }),
        Some((c, name)) => fig.input(name, *c, Unit::Count).value(s / c * scale, lang),
    }
}

/// Whether an ad row's dates meet the period; rows without dates are kept.
pub(crate) fn in_period(r: &AdRow, from: Option<Date>, to: Option<Date>) -> (bool, bool) {
    let (s, e) = (r.start.or(r.end), r.end.or(r.start));
    match (s, e) {
        (Some(s), Some(e)) => {
            let meets = from.is_none_or(|f| e >= f) && to.is_none_or(|t| s <= t);
            let beyond = from.is_some_and(|f| s < f) || to.is_some_and(|t| e > t);
            (meets, meets && beyond)
        }
        _ => (true, false),
    }
}

/// The currency of an ad row: its own, else the one given for the ads file.
fn currency_of(r: &AdRow, ads_currency: Option<&str>) -> Option<String> {
    r.currency
        .as_deref()
        .map(|c| c.trim().to_uppercase())
        .filter(|c| !c.is_empty())
        .or(ads_currency.map(str::to_string))
}

/// The cost link of `ads` (already in the period), `typed` costs and the analysis' counts.
pub(crate) fn costs(
    ads: &[&AdRow],
    ads_currency: Option<&str>,
    typed: &[Typed],
    counts: &Divisors,
    revenue: &[Revenue],
    lang: Lang,
) -> CostReport {
    let mut ad_currencies: Vec<Option<String>> = Vec::new();
    for r in ads {
        let c = currency_of(r, ads_currency);
        if !ad_currencies.contains(&c) {
            ad_currencies.push(c);
        }
    }
    let ads_costs: Vec<CurrencyCosts> = ad_currencies
        .iter()
        .map(|code| ads_bought(ads, ads_currency, code, lang))
        .collect();
    let mut currencies: Vec<Option<String>> = ad_currencies.clone();
    for t in typed {
        let c = Some(t.currency.clone());
        if !currencies.contains(&c) {
            currencies.push(c);
        }
    }
    let (overall, overall_reason) = match currencies.as_slice() {
        [] => (
            None,
            Some(
                lang.pick(
                    "no spend: add an ads file or type your costs",
                    "aucune dépense : ajoutez un fichier de publicités ou saisissez vos coûts",
                )
                .to_string(),
            ),
        ),
        [code] => {
            let ad_spend = ads_costs
                .iter()
                .find(|c| c.currency == *code)
                .and_then(|c| c.figures.first())
                .and_then(Figure::get);
            let all = all_costs(code, ad_spend, ads.len(), typed, counts, lang);
            (Some(all), None)
        }
        many => (None, Some(several_currencies(many, lang))),
    };
    let mut roi_patch = patch(&ad_currencies, &ads_costs, counts, lang);
    add_revenue(&mut roi_patch, revenue, lang);
    CostReport {
        ads: ads_costs,
        overall,
        overall_reason,
        roi_patch,
    }
}

/// What the ads in the currency `code` bought, from their own counts (ids `ads_spend` …).
fn ads_bought(
    ads: &[&AdRow],
    ads_currency: Option<&str>,
    code: &Option<String>,
    lang: Lang,
) -> CurrencyCosts {
    let rows: Vec<&&AdRow> = ads
        .iter()
        .filter(|r| currency_of(r, ads_currency) == *code)
        .collect();
    let spend = add_up(rows.iter().filter_map(|r| r.spend), code.as_deref());
    let sum = |f: fn(&AdRow) -> Option<f64>, name: &str| {
        let v: Vec<f64> = rows.iter().filter_map(|r| f(r)).collect();
        (!v.is_empty()).then(|| (v.iter().sum::<f64>(), name.to_string()))
    };
    let own = Divisors {
        engagements: sum(
            |r| r.engagements,
            lang.pick("engagements of the ads", "engagements des publicités"),
        ),
        impressions: sum(
            |r| r.impressions,
            lang.pick("impressions of the ads", "impressions des publicités"),
        ),
        clicks: sum(
            |r| r.clicks,
            lang.pick("clicks of the ads", "clics des publicités"),
        ),
        new_followers: sum(
            |r| r.new_follows,
            lang.pick("follows from the ads", "abonnements des publicités"),
        ),
        acquisitions: None,
    };
    let ads_name = lang.pick("ad spend", "dépenses publicitaires");
    let mut figures = unit_costs(
        spend,
        &[(ads_name.to_string(), spend.unwrap_or(0.0))],
        &own,
        lang,
    );
    for f in &mut figures {
        f.id = format!("ads_{}", f.id);
    }
    CurrencyCosts {
        currency: code.clone(),
        ad_rows: rows.len(),
        figures,
    }
}

/// Every cost, all in the currency `code` (`ad_spend` of the `ad_rows` ad rows and the typed
/// costs), against the analysis' counts.
fn all_costs(
    code: &Option<String>,
    ad_spend: Option<f64>,
    ad_rows: usize,
    typed: &[Typed],
    counts: &Divisors,
    lang: Lang,
) -> CurrencyCosts {
    let typed_sum = add_up(typed.iter().map(|t| t.amount), code.as_deref());
    let spend = match (ad_spend, typed_sum) {
        (a, Some(t)) => add_up([a.unwrap_or(0.0), t].into_iter(), code.as_deref()),
        _ => None,
    };
    let mut inputs = Vec::new();
    if let Some(a) = ad_spend {
        inputs.push((
            lang.pick("ad spend", "dépenses publicitaires").to_string(),
            a,
        ));
    }
    if !typed.is_empty() {
        inputs.push((
            lang.pick("typed costs", "coûts saisis").to_string(),
            typed_sum.unwrap_or(0.0),
        ));
    }
    CurrencyCosts {
        currency: code.clone(),
        ad_rows,
        figures: unit_costs(spend, &inputs, counts, lang),
    }
}

/// Why the costs are not added up: they are in the currencies `many`.
fn several_currencies(many: &[Option<String>], lang: Lang) -> String {
    let list: Vec<String> = many
        .iter()
        .map(|c| c.clone().unwrap_or_else(|| "?".to_string()))
        .collect();
    match lang {
        Lang::En => format!(
            "the costs are in several currencies ({}): they are never added together; give every cost in one currency",
            list.join(", ")
        ),
        Lang::Fr => format!(
            "les coûts sont dans plusieurs devises ({}) : elles ne sont jamais additionnées ; donnez tous les coûts dans une seule devise",
            list.join(", ")
        ),
    }
}

fn whole(v: Option<&(f64, String)>) -> Entry {
    match v {
        Some((x, _)) if *x >= 0.0 && x.is_finite() => Entry::Number(x.round()),
        _ => Entry::Blank,
    }
}

fn patch(
    ad_currencies: &[Option<String>],
    ads: &[CurrencyCosts],
    counts: &Divisors,
    lang: Lang,
) -> RoiPatch {
    let mut notes = source_notes(counts, lang);
    let mut costs = Vec::new();
    let mut currency = None;
    match ad_currencies {
        [code] => {
            currency = code.clone();
            if let Some(spend) = ads.first().and_then(|c| c.figures.first()).and_then(Figure::get) {
                costs.push(CostLine {
                    kind: CostKind::Ads,
                    label: lang
                        .pick("Ad spend (from the ads file)", "Dépenses publicitaires (fichier de publicités)")
                        .to_string(),
                    amount: Entry::Number(spend),
                    ..CostLine::default()
                });
            }
        }
        [] => {}
        _ => notes.push(
            lang.pick(
                "ad spend is in several currencies: no cost line is suggested",
                "les dépenses publicitaires sont dans plusieurs devises : aucune ligne de coût n’est proposée",
            )
            .to_string(),
        ),
    }
    RoiPatch {
        currency,
        counts: Counts {
            engagements: whole(counts.engagements.as_ref()),
            clicks: whole(counts.clicks.as_ref()),
            new_followers: whole(counts.new_followers.as_ref()),
            acquisitions: whole(counts.acquisitions.as_ref()),
        },
        costs,
        returns: Vec::new(),
        notes,
    }
}

/// Where each count carried comes from, in words.
fn source_notes(counts: &Divisors, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    let mut source_note = |what: &str, c: &Option<(f64, String)>| {
        if let Some((_, source)) = c {
            notes.push(match lang {
                Lang::En => format!("{what}: {source}"),
                Lang::Fr => format!("{what}\u{a0}: {source}"),
            });
        }
    };
    source_note(lang.pick("engagements", "engagements"), &counts.engagements);
    source_note(lang.pick("clicks", "clics"), &counts.clicks);
    source_note(
        lang.pick("new followers", "nouveaux abonnés"),
        &counts.new_followers,
    );
    source_note(
        lang.pick("customers acquired", "clients acquis"),
        &counts.acquisitions,
    );
    notes
}

/// Adds the revenue in the patch's currency as a return line (the patch takes the revenue's
/// currency when it has no ad spend to keep); revenue in another currency is named, not
/// carried: two currencies are never added.
fn add_revenue(patch: &mut RoiPatch, revenue: &[Revenue], lang: Lang) {
    for r in revenue {
        let code = r.currency.clone().or_else(|| patch.currency.clone());
        let fits = patch.costs.is_empty() && patch.returns.is_empty() || patch.currency == code;
        let shown = |a: f64| match &code {
            Some(c) => format!("{} {c}", crate::number::tidy(a)),
            None => crate::number::tidy(a).to_string(),
        };
        if !fits || code.is_none() {
            patch.notes.push(match lang {
                Lang::En => format!(
                    "{}: {} not carried, its currency is not the calculator’s",
                    r.source,
                    shown(r.amount)
                ),
                Lang::Fr => format!(
                    "{}\u{a0}: {} non reporté, sa devise n’est pas celle du calculateur",
                    r.source,
                    shown(r.amount)
                ),
            });
            continue;
        }
        patch.currency = code.clone();
        let label = lang.pick(
            "YouTube estimated revenue (from the files)",
            "Revenus estimés YouTube (fichiers)",
        );
        patch.returns.push(LeadsLine {
            label: label.to_string(),
            count: Entry::Number(1.0),
            value: Entry::Number(money_rounded(r.amount)),
        });
        patch.notes.push(match lang {
            Lang::En => format!(
                "{}: {}, carried as one return line",
                r.source,
                shown(r.amount)
            ),
            Lang::Fr => format!(
                "{}\u{a0}: {}, reporté en une ligne de retour",
                r.source,
                shown(r.amount)
            ),
        });
    }
}

/// An amount to the cent.
fn money_rounded(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
