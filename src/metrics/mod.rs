//! The metrics. Each module documents each of its formulas once, with
//! [`formula!`](crate::formula!).

pub mod contest;
pub mod roi;
