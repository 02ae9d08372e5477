//! What the contest outcome shows.

use crate::draw::Warning;
use crate::figure::Figure;
use crate::form::FieldError;
use serde::Serialize;

/// What the contest outcome shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContestReport {
    /// ISO code of every money figure.
    pub currency: &'static str,
    /// Digits of its minor unit.
    pub minor_digits: u8,
    /// Inputs that could not be read, with a message each; while any remain, the figures say
    /// so instead of showing a number.
    pub errors: Vec<FieldError>,
    /// What to know about the data (`comments_missing`, `participants_above_entries`,
    /// `list_duplicates`).
    pub warnings: Vec<Warning>,
    /// The cost lines, as the ROI calculator computes them (ids `costs[i]`).
    pub costs: Vec<Figure>,
    /// The contest's return (id `contest_return`), then the ROI calculator's `total_cost`,
    /// `total_return`, `net_gain`, `roi` and `roas`.
    pub summary: Vec<Figure>,
    /// `new_followers`, `cost_per_entry`, `cost_per_participant`, `contest_cost_per_new_follower`,
    /// `viral_coefficient`, `conversion_rate`.
    pub audience: Vec<Figure>,
    /// One row per later check, in the order given.
    pub retention: Vec<RetentionRow>,
}

/// The contest's new followers some days after the close.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RetentionRow {
    /// Days after the close.
    pub days: u32,
    /// Followers kept (id `kept_7d`).
    pub kept: Figure,
    /// Kept ÷ new (id `retention_7d`).
    pub retention: Figure,
    /// Contest cost ÷ kept (id `cost_per_kept_7d`).
    pub cost_per_kept: Figure,
}
