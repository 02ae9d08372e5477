//! Engagement: which interactions count on each network, what they are divided by, and how
//! posts add up into one rate; Kaushik's conversation, amplification and applause rates,
//! virality and click-through rate; the presets that reproduce published definitions.
//!
//! The tools people know disagree on all three choices, so each is explicit: an
//! [`EngagementRule`] says which [`Interaction`]s count (per network, and for reels and videos
//! apart when a definition says so), the [`Denominator`] (reach, impressions, followers at
//! posting time or views, per network when a definition says so) and the [`Aggregation`]
//! (ratio of totals, or average of per-post ratios). A [`Preset`] is a named rule.

mod audience;
mod denominator;
mod facts;
mod formulas;
mod interaction;
mod posts;
mod presets;
mod rates;
mod resolved;
mod rule;
mod sums;
mod tally;

pub(crate) use audience::audience_figures;
pub(crate) use denominator::{Aggregation, Denominator};
pub(crate) use facts::{engagements, PostFacts};
pub(crate) use formulas::FORMULAS;
pub(crate) use interaction::Interaction;
pub use posts::PostRow;
pub(crate) use posts::{
    default_minimum, group_rows, layout, post_rows, sums_and_groups, top_and_bottom, GroupRow,
    Grouped, Layout, MINIMUM_SHARE,
};
pub use presets::Preset;
pub(crate) use presets::{presets, PresetInfo};
pub(crate) use rates::engagement_rates;
pub(crate) use resolved::{Counted, Resolved};
pub use rule::EngagementRule;
pub(crate) use rule::{network_index, network_key, DEFAULT_KEY, NETWORKS};
pub(crate) use sums::Sums;
pub(crate) use tally::{no_posts, Pair, Reasons, Tally};
