//! Values as the user typed them, and their validation into numbers with a message per field.
//!
//! The page sends the form's raw text; the command line may send JSON numbers. Both arrive as
//! an [`Entry`], and a [`Fields`] validator turns each into a number or a [`FieldError`] that
//! names the field, so the page can show the message next to it and keep what was typed.

use crate::i18n::Lang;
use crate::number::{self, DecimalMark, NumberError};
use serde::{Deserialize, Serialize};

/// The largest amount or count accepted: 10^15, far above any real budget, far below where
/// arithmetic would lose whole units.
pub(crate) const MAX_INPUT: f64 = 1e15;

/// serde_json's message without the " at line L column C" it ends with: callers put the place
/// first (a file's line and column), or drop it (an object in memory has no lines).
pub fn json_message(e: &serde_json::Error) -> String {
    let m = e.to_string();
    m.rfind(" at line ")
        .map_or(m.as_str(), |i| &m[..i])
        .to_string()
}

/// One input value: blank, a JSON number, or text as typed (`"1 234,5"`, `"2,5 %"`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Entry {
    /// Left empty: unknown, never zero.
    #[default]
    Blank,
    /// A number.
    Number(f64),
    /// Text to read with the interface language's decimal mark.
    Text(String),
}

impl From<f64> for Entry {
    fn from(x: f64) -> Entry {
        Entry::Number(x)
    }
}

impl From<&str> for Entry {
    fn from(s: &str) -> Entry {
        Entry::Text(s.to_string())
    }
}

/// A message about one input, placed by its path (`costs[0].hourly_rate`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Path of the field in the input JSON.
    pub field: String,
    /// What is wrong and what is expected, in the report's language.
    pub message: String,
}

/// How typed text writes its decimals; blank follows the interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    /// `1,234.5`
    Point,
    /// `1 234,5`
    Comma,
}

impl Mark {
    /// The mark people of `lang` type.
    pub fn of(lang: Lang) -> Mark {
        match lang {
            Lang::En => Mark::Point,
            Lang::Fr => Mark::Comma,
        }
    }

    fn decimal(self) -> DecimalMark {
        match self {
            Mark::Point => DecimalMark::Point,
            Mark::Comma => DecimalMark::Comma,
        }
    }
}

/// Replaces every entry whose text reads as a valid number with that number, so the input
/// means the same whatever language reads it next. Text that does not read (or a percentage
/// typed where a plain number is expected) is kept as typed, with its error still to come.
pub(crate) fn canonicalise<'a>(
    entries: impl IntoIterator<Item = (&'a mut Entry, bool)>,
    mark: Mark,
) {
    for (entry, percent_allowed) in entries {
        if let Entry::Text(text) = entry {
            match number::parse(text, mark.decimal()) {
                Ok(p) if percent_allowed || !p.percent => *entry = Entry::Number(p.value),
                Err(NumberError::Empty) => *entry = Entry::Blank,
                _ => {}
            }
        }
    }
}

/// Validates entries, collecting one [`FieldError`] per bad field.
#[derive(Debug)]
pub(crate) struct Fields {
    lang: Lang,
    mark: Mark,
    /// The errors found so far.
    pub errors: Vec<FieldError>,
}

/// What kind of number a field holds.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// Money or another non-negative quantity that may have decimals (hours).
    Amount,
    /// A whole, non-negative count (visits, leads).
    Count,
    /// A percentage from 0 to the given maximum; a trailing `%` is allowed.
    Percent(f64),
    /// A number above zero, up to the given maximum (a period in months).
    Positive(f64),
    /// A whole number from the first bound to the second (a draw's winners).
    Within(f64, f64),
}

impl Fields {
    /// A validator reading text with `mark` (the language's own when `None`) and writing
    /// messages in `lang`.
    pub(crate) fn new(lang: Lang, mark: Option<Mark>) -> Fields {
        Fields {
            lang,
            mark: mark.unwrap_or(Mark::of(lang)),
            errors: Vec::new(),
        }
    }

    /// Records an error on `field`.
    pub(crate) fn error(&mut self, field: &str, message: String) {
        self.errors.push(FieldError {
            field: field.to_string(),
            message,
        });
    }

    /// Reads `entry` as a number of `kind`. Blank gives `None` and no error.
    pub(crate) fn read(&mut self, entry: &Entry, field: &str, kind: Kind) -> Option<f64> {
        let checked = match self.parse(entry, kind)? {
            Ok((value, percent, shown)) => check(self.lang, value, percent, &shown, kind),
            Err(message) => Err(message),
        };
        match checked {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(field, message);
                None
            }
        }
    }

    /// The number `entry` holds, whether it was a percentage, and how it was written; `None`
    /// when blank, `Err` the message when it is no number.
    fn parse(&self, entry: &Entry, kind: Kind) -> Option<Result<(f64, bool, String), String>> {
        let lang = self.lang;
        match entry {
            Entry::Blank => None,
            Entry::Number(x) => Some(Ok((*x, false, format_plain(*x)))),
            Entry::Text(text) => match number::parse(text, self.mark.decimal()) {
                Ok(p) => Some(Ok((p.value, p.percent, text.trim().to_string()))),
                Err(NumberError::Empty) => None,
                Err(_) => {
                    let expected = match kind {
                        Kind::Percent(_) => lang.pick("a percentage", "un pourcentage"),
                        Kind::Count | Kind::Within(..) => {
                            lang.pick("a whole number", "un nombre entier")
                        }
                        _ => lang.pick("a number", "un nombre"),
                    };
                    Some(Err(found(lang, expected, text.trim())))
                }
            },
        }
    }
}

/// Checks `value` (written `shown`; `percent` if it ended with `%`) against `kind`; `Err` is
/// the message, in `lang`.
fn check(lang: Lang, value: f64, percent: bool, shown: &str, kind: Kind) -> Result<f64, String> {
    if !value.is_finite() {
        return Err(found(lang, lang.pick("a number", "un nombre"), shown));
    }
    if percent && !matches!(kind, Kind::Percent(_)) {
        let msg = lang.pick(
            "a plain number is expected here, not a percentage",
            "un nombre simple est attendu ici, pas un pourcentage",
        );
        return Err(msg.to_string());
    }
    if value < 0.0 {
        return Err(match lang {
            Lang::En => format!("must not be negative (found {shown})"),
            Lang::Fr => format!("ne doit pas être négatif (trouvé {shown})"),
        });
    }
    check_range(lang, value, shown, kind)
}

/// The bounds of `kind`: a percentage's or a positive number's maximum, the largest input, a
/// count's whole units.
fn check_range(lang: Lang, value: f64, shown: &str, kind: Kind) -> Result<f64, String> {
    match kind {
        Kind::Percent(max) if value > max => Err(match lang {
            Lang::En => format!(
                "a percentage from 0 to {} is expected, found {shown}",
                format_plain(max)
            ),
            Lang::Fr => format!(
                "un pourcentage de 0 à {} est attendu, trouvé {shown}",
                format_plain(max)
            ),
        }),
        Kind::Positive(max) if value == 0.0 || value > max => Err(match lang {
            Lang::En => format!(
                "a number above 0 and at most {} is expected, found {shown}",
                format_plain(max)
            ),
            Lang::Fr => format!(
                "un nombre supérieur à 0 et d’au plus {} est attendu, trouvé {shown}",
                format_plain(max)
            ),
        }),
        Kind::Within(lo, hi) if value < lo || value > hi || value.fract() != 0.0 => {
            Err(match lang {
                Lang::En => format!(
                    "a whole number from {} to {} is expected, found {shown}",
                    format_plain(lo),
                    format_plain(hi)
                ),
                Lang::Fr => format!(
                    "un nombre entier de {} à {} est attendu, trouvé {shown}",
                    format_plain(lo),
                    format_plain(hi)
                ),
            })
        }
        _ if value > MAX_INPUT => {
            let msg = lang.pick(
                "too large: at most 1 000 000 000 000 000 (10^15)",
                "trop grand : au plus 1 000 000 000 000 000 (10^15)",
            );
            Err(msg.to_string())
        }
        Kind::Count if value.fract() != 0.0 => Err(match lang {
            Lang::En => format!("a whole number is expected, found {shown}"),
            Lang::Fr => format!("un nombre entier est attendu, trouvé {shown}"),
        }),
        _ => Ok(value),
    }
}

fn found(lang: Lang, expected: &str, text: &str) -> String {
    match lang {
        Lang::En => format!("expected {expected}, found \"{text}\""),
        Lang::Fr => format!("{expected} attendu, trouvé « {text} »"),
    }
}

/// A number as people read it: `12`, `0.5`; `1e-300` and `1e300` with their exponent, not
/// three hundred zeros.
fn format_plain(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e16 {
        format!("{}", x as i64)
    } else if x != 0.0 && (x.abs() < 1e-6 || x.abs() >= 1e16) {
        format!("{x:e}")
    } else {
        format!("{x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lang: Lang, e: Entry, kind: Kind) -> Result<Option<f64>, String> {
        let mut f = Fields::new(lang, None);
        let v = f.read(&e, "x", kind);
        match f.errors.pop() {
            Some(err) => Err(err.message),
            None => Ok(v),
        }
    }

    #[test]
    fn reads_typed_text_in_the_interface_language() {
        assert_eq!(
            read(Lang::Fr, "1 234,5".into(), Kind::Amount),
            Ok(Some(1234.5))
        );
        assert_eq!(
            read(Lang::En, "1,234.5".into(), Kind::Amount),
            Ok(Some(1234.5))
        );
        assert_eq!(
            read(Lang::Fr, "2,5 %".into(), Kind::Percent(100.0)),
            Ok(Some(2.5))
        );
        assert_eq!(read(Lang::En, "  ".into(), Kind::Amount), Ok(None));
        assert_eq!(read(Lang::En, Entry::Blank, Kind::Amount), Ok(None));
        assert_eq!(read(Lang::En, 3.0.into(), Kind::Count), Ok(Some(3.0)));
    }

    #[test]
    fn says_what_is_wrong() {
        let e = read(Lang::En, "abc".into(), Kind::Amount).unwrap_err();
        assert_eq!(e, "expected a number, found \"abc\"");
        let e = read(Lang::Fr, "abc".into(), Kind::Amount).unwrap_err();
        assert_eq!(e, "un nombre attendu, trouvé « abc »");
        let e = read(Lang::En, "-5".into(), Kind::Amount).unwrap_err();
        assert_eq!(e, "must not be negative (found -5)");
        let e = read(Lang::En, "120".into(), Kind::Percent(100.0)).unwrap_err();
        assert_eq!(e, "a percentage from 0 to 100 is expected, found 120");
        let e = read(Lang::En, "2.5".into(), Kind::Count).unwrap_err();
        assert_eq!(e, "a whole number is expected, found 2.5");
        let e = read(Lang::En, "0".into(), Kind::Positive(1200.0)).unwrap_err();
        assert!(e.starts_with("a number above 0"), "{e}");
        let e = read(Lang::En, "5%".into(), Kind::Amount).unwrap_err();
        assert!(e.contains("not a percentage"), "{e}");
        assert!(read(Lang::En, 2e15.into(), Kind::Amount).is_err());
        assert_eq!(read(Lang::En, 1e12.into(), Kind::Amount), Ok(Some(1e12)));
    }

    #[test]
    fn a_mark_given_overrides_the_language() {
        let mut f = Fields::new(Lang::En, Some(Mark::Comma));
        assert_eq!(f.read(&"1,500".into(), "x", Kind::Amount), Some(1.5));
        let mut f = Fields::new(Lang::Fr, Some(Mark::Point));
        assert_eq!(f.read(&"1,500".into(), "x", Kind::Amount), Some(1500.0));
    }

    #[test]
    fn canonicalise_keeps_what_does_not_read() {
        let mut a: Entry = "1 234,5".into();
        let mut b: Entry = "abc".into();
        let mut c: Entry = "5 %".into();
        let mut d: Entry = "5 %".into();
        let mut e: Entry = "  ".into();
        canonicalise(
            [
                (&mut a, false),
                (&mut b, false),
                (&mut c, false),
                (&mut d, true),
                (&mut e, false),
            ],
            Mark::Comma,
        );
        assert_eq!(a, Entry::Number(1234.5));
        assert_eq!(b, Entry::Text("abc".into()));
        assert_eq!(c, Entry::Text("5 %".into()));
        assert_eq!(d, Entry::Number(5.0));
        assert_eq!(e, Entry::Blank);
    }
}
