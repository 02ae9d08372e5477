//! A definition of engagement rate: which interactions count on each network, what they are
//! divided by, how posts add up; the network keys its JSON uses.

use super::denominator::{Aggregation, Denominator};
use super::interaction::Interaction::{self, Comments, Reactions, Saves, Shares};
use crate::model::Network;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every network, in a stable order.
pub(crate) const NETWORKS: [Network; 8] = [
    Network::X,
    Network::Facebook,
    Network::Instagram,
    Network::LinkedIn,
    Network::YouTube,
    Network::TikTok,
    Network::Web,
    Network::Other,
];

/// Where `n` is in [`NETWORKS`] (which lists every network in its declared order).
pub(crate) fn network_index(n: Network) -> usize {
    n as usize
}

/// The key of a network in JSON (`x`, `facebook`, `linkedin`…), as [`Network`] serialises.
pub(crate) fn network_key(n: Network) -> &'static str {
    match n {
        Network::X => "x",
        Network::Facebook => "facebook",
        Network::Instagram => "instagram",
        Network::LinkedIn => "linkedin",
        Network::YouTube => "youtube",
        Network::TikTok => "tiktok",
        Network::Web => "web",
        Network::Other => "other",
    }
}

pub(super) fn parse_network_key(key: &str) -> Option<Network> {
    NETWORKS
        .into_iter()
        .find(|n| network_key(*n).eq_ignore_ascii_case(key.trim()))
}

/// The key that sets the interactions of every network not named.
pub(crate) const DEFAULT_KEY: &str = "default";

/// A definition of engagement rate: what counts, what it is divided by, how posts add up.
/// Keys left out of the JSON take their value from [`EngagementRule::recommended`], so a
/// partial rule means the same as the analysis' starting point with those keys changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "EngagementRule::recommended", deny_unknown_fields)]
pub struct EngagementRule {
    /// Interactions counted, by network key (`x`, `facebook`…) or `default` for the others.
    pub interactions: BTreeMap<String, Vec<Interaction>>,
    /// Interactions counted on reels and videos, where they differ (Later's per-format rule);
    /// a network not named here counts the same as its other posts.
    pub video_interactions: BTreeMap<String, Vec<Interaction>>,
    /// What engagements are divided by.
    pub denominator: Denominator,
    /// Another denominator for some networks (Metricool divides by impressions on X and
    /// LinkedIn). Left out of the JSON: impressions on X and LinkedIn, views on YouTube and
    /// TikTok; `{}` divides every network by `denominator`.
    pub denominator_by_network: BTreeMap<String, Denominator>,
    /// How posts add up.
    pub aggregation: Aggregation,
    /// Per 1,000 instead of a ratio (Metricool's "ratio × 1000").
    pub per_thousand: bool,
}

pub(super) fn map<V: Clone>(entries: &[(&str, V)]) -> BTreeMap<String, V> {
    entries
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

impl Default for EngagementRule {
    /// Reactions, comments, shares and saves by reach, ratio of totals.
    fn default() -> Self {
        EngagementRule {
            interactions: map(&[(DEFAULT_KEY, vec![Reactions, Comments, Shares, Saves])]),
            video_interactions: BTreeMap::new(),
            denominator: Denominator::Reach,
            denominator_by_network: BTreeMap::new(),
            aggregation: Aggregation::RatioOfTotals,
            per_thousand: false,
        }
    }
}

impl EngagementRule {
    /// The rule the analysis starts with: reactions, comments, shares and saves, each network
    /// by what its exports give: reach on Facebook, Instagram and the rest, impressions on X
    /// and LinkedIn (which report no reach), views on YouTube and TikTok. A file of any one
    /// network then has a rate at once; the label says which denominator each network used.
    pub fn recommended() -> Self {
        EngagementRule {
            denominator_by_network: map(&[
                ("x", Denominator::Impressions),
                ("linkedin", Denominator::Impressions),
                ("youtube", Denominator::Views),
                ("tiktok", Denominator::Views),
            ]),
            ..EngagementRule::default()
        }
    }
}
