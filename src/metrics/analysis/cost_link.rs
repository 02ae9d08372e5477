//! The cost link of the analysis: the ad rows of the period, the typed costs, and the counts
//! of the analysis they are divided by.

use super::options::AnalysisOptions;
use super::returns::Returns;
use super::settings::Settings;
use crate::figure::Figure;
use crate::form::{FieldError, Fields};
use crate::i18n::Lang;
use crate::metrics::cost::{self, CostReport, Divisors};
use crate::metrics::growth::GrowthReport;
use crate::model::AdRow;
use crate::money::Currency;

/// The ad rows that meet the period, with warnings for rows that run beyond it or have no
/// amount spent.
pub(super) fn ads_in_period<'a>(
    ads: &'a [AdRow],
    s: &Settings,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> Vec<&'a AdRow> {
    let mut beyond = 0;
    let ads: Vec<&AdRow> = ads
        .iter()
        .filter(|r| {
            let (meets, past) = cost::in_period(r, s.from, s.to);
            beyond += usize::from(past);
            meets
        })
        .collect();
    if beyond > 0 {
        warnings.push(match lang {
            Lang::En => format!("{beyond} ad row(s) run beyond the period: their whole spend and counts are included"),
            Lang::Fr => format!("{beyond} ligne(s) publicitaire(s) débordent de la période : toute leur dépense et leurs chiffres sont comptés"),
        });
    }
    let no_spend = ads.iter().filter(|r| r.spend.is_none()).count();
    if no_spend > 0 {
        warnings.push(match lang {
            Lang::En => {
                format!("{no_spend} ad row(s) have no amount spent: counted as unknown, not zero")
            }
            Lang::Fr => format!(
                "{no_spend} ligne(s) publicitaire(s) sans montant dépensé : inconnu, pas zéro"
            ),
        });
    }
    ads
}

/// The cost link of `ads` and the options' typed costs against the analysis' `totals` and
/// `growth`, carrying what the files say came `back`, with a message in `errors` for each
/// cost option that cannot be read.
pub(super) fn cost_link(
    ads: &[&AdRow],
    options: &AnalysisOptions,
    (totals, growth): (&[Figure], &GrowthReport),
    back: Returns,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> CostReport {
    let mut fields = Fields::new(lang, options.decimal_mark);
    let code = options.ads_currency.trim();
    let ads_currency = if code.is_empty() {
        None
    } else {
        match Currency::find(code) {
            Some(c) => Some(c.code),
            None => {
                fields.error("ads_currency", cost::unknown_currency(code, lang));
                None
            }
        }
    };
    let mut ad_codes: Vec<String> = ads
        .iter()
        .filter_map(|r| r.currency.clone().or(ads_currency.map(str::to_string)))
        .map(|c| c.trim().to_uppercase())
        .collect();
    crate::metrics::sort_by(&mut ad_codes, String::cmp);
    ad_codes.dedup();
    let default_currency = match ad_codes.as_slice() {
        [one] => one.as_str(),
        _ => "EUR",
    };
    let typed = cost::read_typed(&options.costs, default_currency, &mut fields, lang);
    errors.extend(fields.errors);
    let mut divisors = divisors(totals, growth, lang);
    divisors.acquisitions = back.acquisitions;
    cost::costs(ads, ads_currency, &typed, &divisors, &back.revenue, lang)
}

/// The counts the cost link divides by, with where each comes from.
fn divisors(totals: &[Figure], growth: &GrowthReport, lang: Lang) -> Divisors {
    let total_of = |id: &str| totals.iter().find(|f| f.id == id).and_then(Figure::get);
    let with = |v: Option<f64>, name: &str| v.map(|v| (v, name.to_string()));
    Divisors {
        engagements: with(
            total_of("total_engagements"),
            lang.pick("engagements of the posts", "engagements des publications"),
        ),
        impressions: with(
            total_of("total_impressions"),
            lang.pick("impressions of the posts", "impressions des publications"),
        ),
        clicks: with(
            total_of("total_clicks"),
            lang.pick("clicks of the posts", "clics des publications"),
        ),
        new_followers: new_followers(growth, lang),
        acquisitions: None,
    }
}

/// The new followers of every network's daily rows: their new follows, else their net
/// follower growth; `None` unless every network has it.
fn new_followers(growth: &GrowthReport, lang: Lang) -> Option<(f64, String)> {
    let every = |id: &str| -> Option<Vec<f64>> {
        (!growth.networks.is_empty())
            .then(|| {
                growth
                    .networks
                    .iter()
                    .map(|n| n.figures.iter().find(|f| f.id == id).and_then(Figure::get))
                    .collect()
            })
            .flatten()
    };
    match (every("new_follows"), every("net_follower_growth")) {
        (Some(v), _) => Some((
            v.iter().sum(),
            lang.pick("new follows of the daily rows", "nouveaux abonnements des lignes quotidiennes")
                .to_string(),
        )),
        (None, Some(v)) => Some((
            v.iter().sum(),
            lang.pick(
                "net follower growth of the daily rows (no new follows in the files)",
                "croissance nette des abonnés des lignes quotidiennes (pas de nouveaux abonnements dans les fichiers)",
            )
            .to_string(),
        )),
        _ => None,
    }
}
