//! The worked example the contest tab opens with.

use super::input::{ContestInput, Followers, Later, Snapshot};
use crate::form::Entry;
use crate::i18n::Lang;

/// The worked example: a month-long Instagram giveaway of a 250 bundle.
///
/// Costs 589 (prizes 250, ads 100, 6 h × 35, app fees 29); 1 240 entries from 860 people,
/// 310 shares; 420 clicks to the shop, 18 orders of 45 at 40 % margin (a return of 324, ROI
/// −45 %); followers 12 400 before, 13 050 at close, 12 880 after 7 days and 12 760 after 30:
/// 650 new, 480 kept after a week (73.8 %), 360 after a month (55.4 %).
pub fn contest_example(lang: Lang, currency: &str) -> ContestInput {
    let n = |x: f64| Entry::Number(x);
    let count = |x: f64| Snapshot {
        count: n(x),
        list: None,
    };
    let later = |days: f64, x: f64| Later {
        days: n(days),
        count: n(x),
        list: None,
    };
    ContestInput {
        currency: crate::money::Currency::find(currency)
            .map_or("EUR", |c| c.code)
            .to_string(),
        decimal_mark: None,
        label: lang
            .pick("Summer giveaway", "Concours de l’été")
            .to_string(),
        prize_value: n(250.0),
        ad_spend: n(100.0),
        hours: n(6.0),
        hourly_rate: n(35.0),
        fees: n(29.0),
        entries: n(1240.0),
        participants: n(860.0),
        comments_shown: Entry::Blank,
        account: String::new(),
        shares: n(310.0),
        clicks: n(420.0),
        conversions: n(18.0),
        value_per_conversion: n(45.0),
        revenue: Entry::Blank,
        margin_pct: n(40.0),
        followers: Followers {
            before: count(12_400.0),
            at_close: count(13_050.0),
            later: vec![later(7.0, 12_880.0), later(30.0, 12_760.0)],
        },
    }
}
