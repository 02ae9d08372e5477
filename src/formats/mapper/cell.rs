//! Reading one cell into a value, as its field says: numbers with the file's decimal mark,
//! dates in every written form (a yearless one placed before the file's reference day), ids
//! as text, and what a cell shows besides its value (a negative count, an id Excel damaged,
//! the currency of an amount) kept for the table's warnings.

use crate::date::{self, Date, DateTime, ParsedDate, SlashOrder};
use crate::formats::fields::{network_named, Value};
use crate::number::{self, DecimalMark, NumberError};
use crate::schema::{Field, ValueKind};
use crate::table::report::Issue;
use crate::table::CellRef;
use std::borrow::Cow;

/// How often something was seen, and where first.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally<T> {
    /// How many times.
    pub count: u64,
    /// The first one.
    pub first: T,
    /// The line of the first one.
    pub line: u64,
}

impl<T> Tally<T> {
    /// Counts one more, seen on `line`; `first` makes it if it is the first.
    pub(crate) fn note(&mut self, first: impl FnOnce() -> T, line: u64) {
        if self.count == 0 {
            self.first = first();
            self.line = line;
        }
        self.count += 1;
    }
}

/// Reads a table's cells into values, and keeps what they show besides.
#[derive(Debug)]
pub(crate) struct CellReader {
    /// The decimal mark of text numbers.
    pub mark: DecimalMark,
    /// The order of slashed dates.
    pub slash: SlashOrder,
    /// The day yearless dates are placed before.
    pub reference: Option<Date>,
    /// The currency of the amounts: a header's, else the first amount that names one.
    pub currency: Option<String>,
    /// Per planned column: negative numbers.
    pub negatives: Vec<Tally<f64>>,
    /// Per planned column: ids Excel turned into numbers.
    pub damaged: Vec<Tally<String>>,
    /// Dates without a year, as written.
    pub yearless: Tally<String>,
    /// Numbers written as a placeholder for "not known yet" (`undefined`, `--`), as written.
    pub placeholders: Tally<String>,
    /// Whether a lone `-` is such a placeholder (TikTok), rather than "not applicable" (old
    /// X's promoted columns), which goes unsaid.
    pub dash_is_placeholder: bool,
}

impl CellReader {
    /// A reader for `columns` planned columns.
    pub(crate) fn new(
        mark: DecimalMark,
        slash: SlashOrder,
        reference: Option<Date>,
        currency: Option<String>,
        columns: usize,
    ) -> CellReader {
        CellReader {
            mark,
            slash,
            reference,
            currency,
            negatives: vec![Tally::default(); columns],
            damaged: vec![Tally::default(); columns],
            yearless: Tally::default(),
            placeholders: Tally::default(),
            dash_is_placeholder: false,
        }
    }

    /// Reads `cell` (of planned column `p`, on `line`) as `field` says; `Ok(None)` for blank
    /// or "not applicable".
    pub(crate) fn read<'c>(
        &mut self,
        cell: &'c CellRef<'_>,
        field: Field,
        p: usize,
        line: u64,
    ) -> Result<Option<Value<'c>>, Issue> {
        match field.value() {
            ValueKind::Text => Ok(text(cell)),
            ValueKind::Id => Ok(self.id(cell, p, line)),
            kind @ (ValueKind::Count
            | ValueKind::Money
            | ValueKind::Hours
            | ValueKind::Ratio
            | ValueKind::Average) => self.number(cell, kind, p, line),
            ValueKind::DateTime | ValueKind::Date => self.date(cell, line),
            ValueKind::Network => Ok(network_named(&cell.text()).map(Value::Network)),
            ValueKind::Currency => Ok(currency(cell)),
        }
    }

    /// An id, as text: a number Excel made of it is written back whole, and noted when it
    /// cannot be (too long, or in exponent notation).
    fn id<'c>(&mut self, cell: &'c CellRef<'_>, p: usize, line: u64) -> Option<Value<'c>> {
        let id = match cell {
            CellRef::Empty => return None,
            CellRef::Number(x) => {
                let text = if x.fract() == 0.0 && x.abs() < 1e21 {
                    format!("{x:.0}")
                } else {
                    x.to_string()
                };
                if x.abs() >= 9_007_199_254_740_992.0 || x.fract() != 0.0 {
                    self.damaged[p].note(|| text.clone(), line);
                }
                Cow::Owned(text)
            }
            c => {
                let t = trimmed(c.text());
                if looks_excel_damaged(&t) {
                    self.damaged[p].note(|| t.to_string(), line);
                }
                t
            }
        };
        (!id.is_empty()).then_some(Value::Text(id))
    }

    /// A count, an amount, hours or a ratio (`12,5 %` is 0.125): finite; negatives noted.
    fn number(
        &mut self,
        cell: &CellRef<'_>,
        kind: ValueKind,
        p: usize,
        line: u64,
    ) -> Result<Option<Value<'static>>, Issue> {
        let value = match cell {
            CellRef::Empty => return Ok(None),
            CellRef::Number(x) => *x,
            CellRef::Text(t) => match self.number_cell(t, kind, line)? {
                Some(x) => x,
                None => return Ok(None),
            },
            other => {
                return Err(Issue::ExpectedNumber {
                    found: other.text().into_owned(),
                })
            }
        };
        if !value.is_finite() {
            return Err(Issue::ExpectedNumber {
                found: cell.text().into_owned(),
            });
        }
        if value < 0.0 {
            self.negatives[p].note(|| value, line);
        }
        Ok(Some(Value::Number(value)))
    }

    /// A number cell's text: plain digits first (most cells, and never a placeholder), then
    /// a placeholder (noted), then every way of writing a number.
    fn number_cell(&mut self, t: &str, kind: ValueKind, line: u64) -> Result<Option<f64>, Issue> {
        if let Some(x) = number::parse_plain(t, self.mark) {
            return Ok(Some(x));
        }
        if self.is_placeholder(t) {
            self.placeholders.note(|| t.trim().to_string(), line);
            return Ok(None);
        }
        self.number_text(t, kind)
    }

    /// Whether `t` stands for a value the platform has not counted yet: `undefined`, `--`
    /// (TikTok), `null`, and a lone `-` where the format writes it so.
    fn is_placeholder(&self, t: &str) -> bool {
        let t = t.trim();
        t.eq_ignore_ascii_case("undefined")
            || t.eq_ignore_ascii_case("null")
            || t == "--"
            || (self.dash_is_placeholder && matches!(t, "-" | "–" | "—"))
    }

    /// A number written as text: a percentage only for a ratio; the first amount naming a
    /// currency gives the table's when no header did.
    fn number_text(&mut self, t: &str, kind: ValueKind) -> Result<Option<f64>, Issue> {
        match number::parse(t, self.mark) {
            Ok(parsed) if parsed.percent => {
                if kind == ValueKind::Ratio {
                    Ok(Some(parsed.value / 100.0))
                } else {
                    Err(Issue::UnexpectedPercent {
                        found: t.to_string(),
                    })
                }
            }
            Ok(parsed) => {
                if kind == ValueKind::Money && self.currency.is_none() {
                    self.currency = currency_symbol(t);
                }
                Ok(Some(parsed.value))
            }
            Err(NumberError::Empty | NumberError::NotApplicable) => Ok(None),
            Err(NumberError::Invalid) => Err(Issue::ExpectedNumber {
                found: t.to_string(),
            }),
        }
    }

    /// A date or a date and time: a spreadsheet's, an Excel serial number, or text.
    fn date(&mut self, cell: &CellRef<'_>, line: u64) -> Result<Option<Value<'static>>, Issue> {
        let dt = match cell {
            CellRef::Empty => return Ok(None),
            CellRef::DateTime(d) => *d,
            CellRef::Number(x) => {
                let text = format!("{x}");
                if (20_000.0..=80_000.0).contains(x) {
                    date::from_excel_serial(*x).ok_or(Issue::ExpectedDate { found: text })?
                } else {
                    match (date_and_hour(&text), date::parse(&text, self.slash)) {
                        (Some(Some(d)), _) | (None, Some(ParsedDate::Full(d))) => d,
                        _ => return Err(Issue::ExpectedDate { found: text }),
                    }
                }
            }
            c => {
                let t = c.text();
                let t = t.trim();
                if t.is_empty() || matches!(t, "-" | "–") {
                    return Ok(None);
                }
                self.date_text(t, line)?
            }
        };
        Ok(Some(Value::DateTime(dt)))
    }

    /// A date written as text; one without a year takes the year that places it before the
    /// reference day, and is noted.
    fn date_text(&mut self, t: &str, line: u64) -> Result<DateTime, Issue> {
        let expected = || Issue::ExpectedDate {
            found: t.to_string(),
        };
        if let Some(hour) = date_and_hour(t) {
            return hour.ok_or_else(expected);
        }
        match date::parse(t, self.slash) {
            Some(ParsedDate::Full(d)) => Ok(d),
            Some(ParsedDate::Yearless { month, day, time }) => {
                let Some(reference) = self.reference else {
                    return Err(Issue::NoYear {
                        found: t.to_string(),
                    });
                };
                let date = date::resolve_year(month, day, reference).ok_or_else(expected)?;
                self.yearless.note(|| t.to_string(), line);
                Ok(DateTime {
                    date,
                    time,
                    offset_minutes: None,
                })
            }
            None => Err(expected()),
        }
    }
}

/// GA4's `Date + hour (YYYYMMDDHH)`: `2026050114` is 14:00 on 2026-05-01. `None` when `t`
/// is not ten digits; `Some(None)` when they are no date and hour.
fn date_and_hour(t: &str) -> Option<Option<DateTime>> {
    if t.len() != 10 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| t[r].parse::<u32>().ok();
    Some((|| {
        let date = Date::new(
            i32::try_from(n(0..4)?).ok()?,
            u8::try_from(n(4..6)?).ok()?,
            u8::try_from(n(6..8)?).ok()?,
        )?;
        let time = date::Time::new(u8::try_from(n(8..10)?).ok()?, 0, 0)?;
        Some(DateTime {
            date,
            time: Some(time),
            offset_minutes: None,
        })
    })())
}

/// Text, trimmed, with X's HTML entities decoded.
fn text<'c>(cell: &'c CellRef<'_>) -> Option<Value<'c>> {
    match cell {
        CellRef::Empty => None,
        c => {
            let t = trimmed(c.text());
            (!t.is_empty()).then(|| Value::Text(decode_entities(t)))
        }
    }
}

/// `text` without the white space around it, still borrowed when it was.
fn trimmed(text: Cow<'_, str>) -> Cow<'_, str> {
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
        Cow::Owned(t) if t.trim().len() == t.len() => Cow::Owned(t),
        Cow::Owned(t) => Cow::Owned(t.trim().to_string()),
    }
}

/// A currency: a three-letter code, or a symbol.
fn currency(cell: &CellRef<'_>) -> Option<Value<'static>> {
    let t = cell.text();
    let t = t.trim();
    if t.is_empty() {
        return None;
    }
    let code = if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
        Some(t.to_ascii_uppercase())
    } else {
        currency_symbol(t)
    };
    code.map(|c| Value::Text(Cow::Owned(c)))
}

/// `1.22158E+17`: what Excel writes for a long id it turned into a number.
fn looks_excel_damaged(text: &str) -> bool {
    let Some((mantissa, exp)) = text.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && mantissa.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
}

/// The currency a written amount names: `£0.00` → GBP, `1 250,00 EUR` → EUR.
fn currency_symbol(text: &str) -> Option<String> {
    let t = text.trim();
    for (symbol, code) in [
        ("€", "EUR"),
        ("£", "GBP"),
        ("$", "USD"),
        ("¥", "JPY"),
        ("₹", "INR"),
    ] {
        if t.contains(symbol) {
            return Some(code.to_string());
        }
    }
    let letters: String = t.chars().filter(|c| c.is_ascii_uppercase()).collect();
    (letters.len() == 3).then_some(letters)
}

/// `&amp;` and friends, as X writes them in tweet text (`text` itself when it has none).
fn decode_entities(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'&', text.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = &text;
    while let Some(i) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match entity(tail) {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character of the entity `tail` starts with (`&amp;…`), and the entity's length.
fn entity(tail: &str) -> Option<(char, usize)> {
    let e = tail.find(';').filter(|&e| e <= 10)?;
    let name = &tail[1..e];
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    c.map(|c| (c, e + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &lt;3 &#233;t&#xE9; &x; &".into()),
            "a & b <3 été &x; &"
        );
    }

    #[test]
    fn ga4_hours() {
        assert_eq!(
            date_and_hour("2026050114").map(|d| d.map(|d| d.to_string())),
            Some(Some("2026-05-01T14:00:00".to_string()))
        );
        assert_eq!(date_and_hour("2026053125"), Some(None));
        assert_eq!(date_and_hour("20260501"), None);
    }

    #[test]
    fn damaged_ids() {
        assert!(looks_excel_damaged("1.22158E+17"));
        assert!(looks_excel_damaged("1,22158E+17"));
        assert!(!looks_excel_damaged("812369747765362688"));
        assert!(!looks_excel_damaged("-abcE1"));
        assert!(!looks_excel_damaged("E+17"));
    }
}
