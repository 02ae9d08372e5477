//! Formulas: each is declared once, with `formula!`, next to the metric that
//! uses it. The declaration writes the constant's documentation from the same text the page
//! shows, so the doc comment and the screen cannot disagree.

use crate::i18n::Lang;
use serde::Serialize;

/// A metric's formula in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Formula {
    /// Stable id, one per formula: the id of the metric it computes (`roi`, `cost_per_click`),
    /// then `.` and the variant when that metric has several formulas
    /// (`net_follower_growth.from_totals`).
    pub id: &'static str,
    /// English text.
    pub en: &'static str,
    /// French text.
    pub fr: &'static str,
}

impl Formula {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.fr)
    }

    /// The id of the metric it computes, which is its figures' id: the id up to its `.`.
    pub fn metric(self) -> &'static str {
        self.id
            .split_once('.')
            .map_or(self.id, |(metric, _)| metric)
    }
}

/// Declares a metric's formula: a [`Formula`] constant whose doc comment ends with the
/// English formula, so `grep -rn "ROI =" src/` finds the one place it lives.
///
macro_rules! formula {
    ($(#[$meta:meta])* $vis:vis $name:ident = $id:literal, en: $en:literal, fr: $fr:literal $(,)?) => {
        $(#[$meta])*
        #[doc = ""]
        #[doc = concat!("Formula: `", $en, "`")]
        #[doc = ""]
        #[doc = concat!("Formule : `", $fr, "`")]
        $vis const $name: $crate::formula::Formula =
            $crate::formula::Formula { id: $id, en: $en, fr: $fr };
    };
}
pub(crate) use formula;

#[cfg(test)]
mod tests {
    crate::formula! {
        /// Clicks per thousand impressions.
        CLICKS_PER_MILLE = "clicks_per_mille",
        en: "clicks per mille = clicks ÷ impressions × 1000",
        fr: "clics pour mille = clics ÷ impressions × 1000"
    }

    crate::formula! {
        /// Clicks per thousand impressions, from the ads' own counts.
        ADS_CLICKS_PER_MILLE = "clicks_per_mille.ads",
        en: "clicks per mille = ad clicks ÷ ad impressions × 1000",
        fr: "clics pour mille = clics des publicités ÷ impressions des publicités × 1000"
    }

    #[test]
    fn a_variant_computes_its_metric() {
        assert_eq!(ADS_CLICKS_PER_MILLE.metric(), CLICKS_PER_MILLE.id);
    }

    #[test]
    fn declares_a_constant_with_both_texts() {
        assert_eq!(CLICKS_PER_MILLE.id, "clicks_per_mille");
        assert_eq!(CLICKS_PER_MILLE.metric(), "clicks_per_mille");
        assert_eq!(
            CLICKS_PER_MILLE.text(crate::Lang::Fr),
            "clics pour mille = clics ÷ impressions × 1000"
        );
    }
}
