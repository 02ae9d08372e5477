//! [`Figure`]: one number the page shows, with its formula, its inputs and, when it cannot be
//! computed, the reason instead of a number.

use crate::finite::Finite;
use crate::formula::Formula;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// How a value is meant to be read and formatted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// An amount in the report's currency, in major units.
    Money,
    /// A ratio, shown as a percentage (`0.51` is 51 %).
    Ratio,
    /// A multiple, shown as `3.2×` (ROAS).
    Multiple,
    /// A count of things (visits, conversions, followers); may be fractional when estimated.
    Count,
    /// A difference of two ratios, shown in percentage points.
    Points,
    /// Hours.
    Hours,
    /// Months.
    Months,
    /// A rate per thousand (`13.4` is 13.4 per 1,000): Metricool's engagement, Kaushik's rates
    /// per 1,000 followers, CPM-style figures that are not money.
    PerThousand,
}

/// One input a figure used, named as the formula names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Operand {
    /// The name as it appears in the formula.
    pub name: String,
    /// Its value.
    pub value: Finite,
    /// How to format it.
    pub unit: Unit,
}

/// A figure: a value, or the reason there is none. Exactly one of `value` and `reason` is set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Stable id (`roi`, `costs[0]`).
    pub id: String,
    /// What it is, in the report's language.
    pub label: String,
    /// How to format `value`.
    pub unit: Unit,
    /// The value, when it can be computed.
    pub value: Option<Finite>,
    /// The formula, in the report's language.
    pub formula: String,
    /// The inputs the formula used, in the order it names them.
    pub inputs: Vec<Operand>,
    /// Why there is no value.
    pub reason: Option<String>,
}

impl Figure {
    /// A figure of a declared formula, not computed yet; its id is the formula's metric.
    pub fn of(formula: Formula, label: &str, unit: Unit, lang: Lang) -> Figure {
        Figure::custom(formula.metric(), label, unit, formula.text(lang))
    }

    /// A figure whose id and formula text are built by the caller (a cost line's own formula).
    pub fn custom(id: &str, label: &str, unit: Unit, formula: &str) -> Figure {
        Figure {
            id: id.to_string(),
            label: label.to_string(),
            unit,
            value: None,
            formula: formula.to_string(),
            inputs: Vec::new(),
            reason: None,
        }
    }

    /// Records an input the formula used. A non-finite input is left out, which cannot happen
    /// for validated inputs.
    pub fn input(mut self, name: &str, value: f64, unit: Unit) -> Figure {
        if let Some(value) = Finite::new(value) {
            self.inputs.push(Operand {
                name: name.to_string(),
                value,
                unit,
            });
        }
        self
    }

    /// Records an input when it is known; an unknown one is left out.
    pub fn maybe_input(self, name: &str, value: Option<f64>, unit: Unit) -> Figure {
        match value {
            Some(v) => self.input(name, v, unit),
            None => self,
        }
    }

    /// Sets the value; a result that is not finite becomes a reason, never a number.
    pub fn value(mut self, value: f64, lang: Lang) -> Figure {
        match Finite::new(value) {
            Some(v) => {
                self.value = Some(v);
                self.reason = None;
            }
            None => {
                self.value = None;
                self.reason = Some(
                    lang.pick(
                        "the result is too large to compute",
                        "le résultat est trop grand pour être calculé",
                    )
                    .to_string(),
                );
            }
        }
        self
    }

    /// Sets the value from a computation that may have no answer.
    pub fn result(self, result: Result<f64, String>, lang: Lang) -> Figure {
        match result {
            Ok(v) => self.value(v, lang),
            Err(reason) => self.unavailable(reason),
        }
    }

    /// Says why there is no value, and drops the inputs: they cannot be trusted either (an
    /// input elsewhere is invalid).
    pub fn blocked(mut self, reason: impl Into<String>) -> Figure {
        self.inputs.clear();
        self.unavailable(reason)
    }

    /// Says why there is no value.
    pub fn unavailable(mut self, reason: impl Into<String>) -> Figure {
        self.value = None;
        self.reason = Some(reason.into());
        self
    }

    /// The value as an `f64`, if any.
    pub fn get(&self) -> Option<f64> {
        self.value.map(Finite::get)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::formula! {
        /// Test formula.
        HALF = "half", en: "half = x ÷ 2", fr: "moitié = x ÷ 2"
    }

    #[test]
    fn value_or_reason() {
        let f = Figure::of(HALF, "Half", Unit::Count, Lang::Fr).value(1.0 / 0.0, Lang::Fr);
        assert!(f.value.is_none());
        assert!(f.reason.unwrap().contains("trop grand"));
        let f = Figure::of(HALF, "Half", Unit::Count, Lang::En)
            .input("x", 3.0, Unit::Count)
            .value(1.5, Lang::En);
        assert_eq!(f.get(), Some(1.5));
        assert_eq!(f.formula, "half = x ÷ 2");
        assert!(f.reason.is_none());
    }
}
