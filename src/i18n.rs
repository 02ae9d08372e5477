//! The two languages the product speaks, and the one helper every text goes through.
//!
//! The core localises everything it produces (figure labels, formulas, reasons, errors) so
//! the page keeps no second copy of those strings; the page localises only its own chrome.

use serde::{Deserialize, Serialize};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French, the first users' language.
    Fr,
}

impl Lang {
    /// Reads a BCP 47 tag (`fr`, `fr-CA`, `en-GB`, …); anything not French is English.
    ///
    /// ```
    /// use social_roi::Lang;
    /// assert_eq!(Lang::from_tag("fr-BE"), Lang::Fr);
    /// assert_eq!(Lang::from_tag("de"), Lang::En);
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }

    /// Picks the text of this language.
    pub fn pick<'a>(self, en: &'a str, fr: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    /// The decimal separator people of this language type.
    pub fn decimal_separator(self) -> char {
        match self {
            Lang::En => '.',
            Lang::Fr => ',',
        }
    }
}

/// A text in both languages, chosen late.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// French.
    pub fr: &'static str,
}

impl Text {
    /// This text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(Lang::from_tag("fr"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR_ca"), Lang::Fr);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
        assert_eq!(Lang::from_tag("fry"), Lang::En);
    }
}
