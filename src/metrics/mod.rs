//! The metrics. Each module documents each of its formulas once, with
//! [`formula!`](crate::formula!).
//!
//! [`analysis::analyze`] is the one entry point of everything computed from a
//! [`Dataset`](crate::model::Dataset): [`engagement`], [`growth`], [`series`], [`activity`]
//! and [`cost`]. [`roi`] is the calculator, [`share_count`] a small calculator of its own,
//! [`contest`] a contest's outcome.

pub mod activity;
pub mod analysis;
pub mod contest;
pub mod cost;
pub mod engagement;
pub mod growth;
pub mod roi;
pub mod series;
pub mod share_count;
