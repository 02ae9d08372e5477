//! Currencies and exact amounts of money.
//!
//! Amounts are integers of the currency's minor unit ([`Money`]), so cost lines add up to the
//! cent; rates stay `f64` ratios. The page formats both with the user's locale.

use serde::Serialize;

/// A currency the calculator offers, with the number of digits of its minor unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Currency {
    /// ISO 4217 code.
    pub code: &'static str,
    /// Digits after the decimal mark (2 for EUR, 0 for JPY, 3 for TND).
    pub minor_digits: u8,
    /// The symbol English writes before an amount (`€`, `CA$`, `CHF`), as CLDR's `en` does
    /// and so `Intl.NumberFormat('en-US')` in the page.
    #[serde(skip)]
    pub(crate) symbol_en: &'static str,
    /// The symbol French writes after an amount (`€`, `$US`, `£GB`), as CLDR's `fr` does.
    #[serde(skip)]
    pub(crate) symbol_fr: &'static str,
}

/// Every currency the calculator offers, the most used by its users first.
pub const CURRENCIES: &[Currency] = &[
    c("EUR", 2, "€", "€"),
    c("USD", 2, "$", "$US"),
    c("GBP", 2, "£", "£GB"),
    c("CHF", 2, "CHF", "CHF"),
    c("CAD", 2, "CA$", "$CA"),
    c("AUD", 2, "A$", "$AU"),
    c("XOF", 0, "F\u{202f}CFA", "F\u{202f}CFA"),
    c("XAF", 0, "FCFA", "FCFA"),
    c("MAD", 2, "MAD", "MAD"),
    c("TND", 3, "TND", "TND"),
    c("DZD", 2, "DZD", "DZD"),
    c("JPY", 0, "¥", "JPY"),
    c("SEK", 2, "SEK", "SEK"),
    c("NOK", 2, "NOK", "NOK"),
    c("DKK", 2, "DKK", "DKK"),
    c("PLN", 2, "PLN", "PLN"),
    c("BRL", 2, "R$", "R$"),
    c("MXN", 2, "MX$", "$MX"),
    c("INR", 2, "₹", "₹"),
];

const fn c(
    code: &'static str,
    minor_digits: u8,
    symbol_en: &'static str,
    symbol_fr: &'static str,
) -> Currency {
    Currency {
        code,
        minor_digits,
        symbol_en,
        symbol_fr,
    }
}

impl Currency {
    /// The euro, the default.
    pub(crate) const EUR: Currency = CURRENCIES[0];

    /// A currency of `minor_digits` digits that no table names (sums of amounts whose code is
    /// unknown or missing): written with its code, if any.
    pub(crate) const fn unnamed(minor_digits: u8) -> Currency {
        c("", minor_digits, "", "")
    }

    /// Finds a currency by its ISO code, case-insensitively.
    pub(crate) fn find(code: &str) -> Option<Currency> {
        let code = code.trim();
        CURRENCIES
            .iter()
            .copied()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    fn scale(self) -> f64 {
        10f64.powi(i32::from(self.minor_digits))
    }
}

/// An exact amount in minor units (cents for EUR).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Money(pub i128);

impl Money {
    /// Zero.
    pub(crate) const ZERO: Money = Money(0);

    /// Rounds an amount in major units to the currency's minor unit, half away from zero.
    ///
    /// The product of a few inputs lands a hair off a half (`0.285 × 100 = 28.4999…`), so the
    /// amount is first snapped to a millionth of a minor unit. `None` when `major` is not finite.
    pub(crate) fn round(major: f64, currency: Currency) -> Option<Money> {
        let minor = major * currency.scale();
        if !minor.is_finite() || minor.abs() > 1e36 {
            return None;
        }
        let snapped = (minor * 1e6).round() / 1e6;
        Some(Money(snapped.round() as i128))
    }

    /// The amount in major units, for reports (`1234.5` for 1 234,50 €).
    pub(crate) fn major(self, currency: Currency) -> f64 {
        self.0 as f64 / currency.scale()
    }

    /// Adds, `None` on overflow.
    pub(crate) fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    /// Subtracts, `None` on overflow.
    pub(crate) fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_round() {
        use crate::money::{Currency, Money};
        assert_eq!(Money::round(0.285, Currency::EUR), Some(Money(29)));
        assert_eq!(Money::round(-1.005, Currency::EUR), Some(Money(-101)));
    }

    #[test]
    fn finds_currencies() {
        assert_eq!(Currency::find("eur"), Some(Currency::EUR));
        assert_eq!(Currency::find(" JPY ").unwrap().minor_digits, 0);
        assert_eq!(Currency::find("TND").unwrap().minor_digits, 3);
        assert_eq!(Currency::find("XYZ"), None);
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let eur = Currency::EUR;
        assert_eq!(Money::round(0.125, eur), Some(Money(13)));
        assert_eq!(Money::round(0.1 + 0.2, eur), Some(Money(30)));
        assert_eq!(
            Money::round(8000.0 * 0.015 * 65.0 * 0.4, eur),
            Some(Money(312_000))
        );
        let jpy = Currency::find("JPY").unwrap();
        assert_eq!(Money::round(1234.5, jpy), Some(Money(1235)));
        assert_eq!(Money::round(f64::NAN, eur), None);
        assert_eq!(Money::round(1e40, eur), None);
        assert_eq!(Money(123_456).major(eur), 1234.56);
    }
}
