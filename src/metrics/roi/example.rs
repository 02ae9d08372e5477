//! The worked example the page opens with.

use super::input::{
    CostKind, CostLine, Counts, EarnedMedia, LeadsLine, RoiInput, SalesLine, Scenario, SupportLine,
    ValueBasis,
};
use crate::form::Entry;
use crate::i18n::Lang;
use crate::money::Currency;

/// The worked example the page opens with: one month of a small online shop's social media.
///
/// Costs 3 099 (60 h × 35, tools 99 a month, 500 of ads, 400 of content); returns 4 680 (sales
/// 8 000 × 1.5 % × 65 × 40 % = 3 120, leads 25 × 30 = 750, support 180 × (6.50 − 2.00) = 810);
/// ROI 51.02 %. The alternative, an agency at 2 400 a month with the same ads and content,
/// costs 3 300.
pub fn roi_example(lang: Lang, currency: &str) -> RoiInput {
    let (costs, alternative) = example_costs(lang);
    RoiInput {
        currency: Currency::find(currency)
            .map_or(Currency::EUR.code, |c| c.code)
            .to_string(),
        decimal_mark: None,
        period_months: n(1.0),
        label: lang.pick("In-house", "En interne").to_string(),
        costs,
        alternative: Some(alternative),
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

fn n(x: f64) -> Entry {
    Entry::Number(x)
}

/// The example's costs in house, and the agency alternative with the same ads and content.
fn example_costs(lang: Lang) -> (Vec<CostLine>, Scenario) {
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
    let in_house = vec![
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
    ];
    let agency = Scenario {
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
    };
    (in_house, agency)
}
