//! [`Finite`]: the only kind of number a report may hold.

use serde::{Deserialize, Serialize, Serializer};

/// A finite `f64`: never `NaN`, never infinite.
///
/// Every number a report carries is a `Finite`, and the only way to make one checks, so a
/// division by zero or an overflow can reach the page only as a missing value with a reason.
///
/// ```
/// use social_roi::Finite;
/// assert_eq!(Finite::new(1.5).map(Finite::get), Some(1.5));
/// assert!(Finite::new(f64::NAN).is_none());
/// assert!(Finite::new(1.0 / 0.0).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd, Deserialize)]
#[serde(try_from = "f64")]
pub struct Finite(f64);

impl Finite {
    /// Zero.
    pub const ZERO: Finite = Finite(0.0);

    /// `Some` when `x` is finite; `-0.0` becomes `0.0`.
    pub fn new(x: f64) -> Option<Finite> {
        if x.is_finite() {
            Some(Finite(if x == 0.0 { 0.0 } else { x }))
        } else {
            None
        }
    }

    /// The number.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl TryFrom<f64> for Finite {
    type Error = &'static str;
    fn try_from(x: f64) -> Result<Self, Self::Error> {
        Finite::new(x).ok_or("expected a finite number")
    }
}

impl Serialize for Finite {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Whole numbers travel as integers so JSON readers see `12`, not `12.0`.
        if self.0.fract() == 0.0 && self.0.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_non_finite() {
        assert!(Finite::new(f64::INFINITY).is_none());
        assert!(Finite::new(f64::NEG_INFINITY).is_none());
        assert!(Finite::new(f64::NAN).is_none());
        assert_eq!(Finite::new(-0.0).unwrap().get().to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn serialises_whole_numbers_as_integers() {
        let v = serde_json::to_string(&[Finite(12.0), Finite(0.25), Finite(-3.0)]).unwrap();
        assert_eq!(v, "[12,0.25,-3]");
    }
}
