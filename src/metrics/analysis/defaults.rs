//! What the page needs before the first analysis: the default options and every choice, with
//! its name in the page's language, so the page keeps no second copy.

use super::options::{AnalysisOptions, BusinessHours};
use crate::i18n::Lang;
use crate::metrics::activity::Weekday;
use crate::metrics::engagement::{self, network_key, Interaction, PresetInfo};
use serde::Serialize;

/// One choice of a list the page offers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    /// The key used in JSON.
    pub key: &'static str,
    /// Its name in the language asked for.
    pub name: String,
}

/// What the page needs before the first analysis: default options and every choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnalysisDefaults {
    /// The default options.
    pub options: AnalysisOptions,
    /// Every preset, with its rule.
    pub presets: Vec<PresetInfo>,
    /// Every interaction.
    pub interactions: Vec<Choice>,
    /// Every denominator.
    pub denominators: Vec<Choice>,
    /// Both aggregations.
    pub aggregations: Vec<Choice>,
    /// Every network key of the rule's maps.
    pub networks: Vec<Choice>,
    /// The days of business hours.
    pub weekdays: Vec<Choice>,
    /// The business hours offered when the user turns them on (Monday to Friday, 09:00 to
    /// 18:00); `options.business_hours` stays `null` until then.
    pub business_hours: BusinessHours,
}

/// The default options and every choice, in `lang`.
pub fn analysis_defaults(lang: Lang) -> AnalysisDefaults {
    let days = [
        (Weekday::Mon, "mon", lang.pick("Monday", "lundi")),
        (Weekday::Tue, "tue", lang.pick("Tuesday", "mardi")),
        (Weekday::Wed, "wed", lang.pick("Wednesday", "mercredi")),
        (Weekday::Thu, "thu", lang.pick("Thursday", "jeudi")),
        (Weekday::Fri, "fri", lang.pick("Friday", "vendredi")),
        (Weekday::Sat, "sat", lang.pick("Saturday", "samedi")),
        (Weekday::Sun, "sun", lang.pick("Sunday", "dimanche")),
    ];
    let mut networks = vec![Choice {
        key: engagement::DEFAULT_KEY,
        name: lang.pick("Other networks", "Autres réseaux").to_string(),
    }];
    networks.extend(engagement::NETWORKS.iter().map(|n| Choice {
        key: network_key(*n),
        name: n.name().to_string(),
    }));
    AnalysisDefaults {
        options: AnalysisOptions::default(),
        presets: engagement::presets(lang),
        interactions: Interaction::ALL
            .iter()
            .map(|i| Choice {
                key: i.key(),
                name: i.name(lang).to_string(),
            })
            .collect(),
        denominators: engagement::Denominator::ALL
            .iter()
            .map(|d| Choice {
                key: d.key(),
                name: d.name(lang).to_string(),
            })
            .collect(),
        aggregations: engagement::Aggregation::ALL
            .iter()
            .map(|a| Choice {
                key: a.key(),
                name: a.name(lang).to_string(),
            })
            .collect(),
        networks,
        weekdays: days
            .iter()
            .map(|(_, key, name)| Choice {
                key,
                name: name.to_string(),
            })
            .collect(),
        business_hours: BusinessHours::default(),
    }
}
