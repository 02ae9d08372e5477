//! How to analyse: the options the page and `--options` give, every field with a default.

use crate::form::Mark;
use crate::metrics::activity::Weekday;
use crate::metrics::cost::TypedCost;
use crate::metrics::engagement::{EngagementRule, Preset};
use serde::{Deserialize, Serialize};

/// How to analyse. Every field has a default; unknown keys are rejected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalysisOptions {
    /// A named definition of engagement rate; `custom` uses `engagement`.
    pub preset: Preset,
    /// The engagement rule used when `preset` is `custom`.
    pub engagement: EngagementRule,
    /// Minutes east of UTC of the clock times are shown on (heatmap, best times, days of
    /// the series and period): times with an offset are moved to it; times without one are
    /// the account's local time and stay as they are. `null`: as the files wrote them.
    pub utc_offset_minutes: Option<i32>,
    /// Count only time inside these hours in response times; `null` for calendar time only.
    pub business_hours: Option<BusinessHours>,
    /// Only what happened in these days; `null` for everything in the files.
    pub period: Option<Period>,
    /// Costs typed by the user, for the cost link.
    pub costs: Vec<TypedCost>,
    /// Currency of ad rows whose file does not say; blank: unknown.
    pub ads_currency: String,
    /// How typed numbers write decimals; blank follows the language.
    pub decimal_mark: Option<Mark>,
    /// How many top and bottom posts to list (1–100).
    pub top_posts: usize,
    /// The denominator (reach, impressions…) a post needs to be among the top and bottom
    /// posts; `null`: a quarter of the median of the posts'.
    pub top_posts_minimum: Option<f64>,
    /// The brand's name and its spellings, separated by commas: a search query holding one
    /// is a brand query. Blank: no brand split.
    pub brand_terms: String,
    /// Crisis flags: how many scaled MADs above the median a day must be (1 to 10).
    pub crisis_k: f64,
    /// Crisis flags: the days before a day that set its usual pattern (7 to 180).
    pub crisis_window_days: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            preset: Preset::Custom,
            engagement: EngagementRule::recommended(),
            utc_offset_minutes: None,
            business_hours: None,
            period: None,
            costs: Vec::new(),
            ads_currency: String::new(),
            decimal_mark: None,
            top_posts: 5,
            top_posts_minimum: None,
            brand_terms: String::new(),
            crisis_k: crate::metrics::reputation::DEFAULT_K,
            crisis_window_days: crate::metrics::reputation::DEFAULT_WINDOW,
        }
    }
}

/// Business hours on the report's clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BusinessHours {
    /// Open days (`mon` … `sun`).
    pub days: Vec<Weekday>,
    /// Opening time, `HH:MM`.
    pub start: String,
    /// Closing time, `HH:MM`, after the opening.
    pub end: String,
}

impl Default for BusinessHours {
    /// Monday to Friday, 09:00 to 18:00.
    fn default() -> Self {
        BusinessHours {
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            start: "09:00".to_string(),
            end: "18:00".to_string(),
        }
    }
}

/// A range of days, both included; a blank end is open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Period {
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
}
