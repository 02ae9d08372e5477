//! Numbers as people and exports write them: `1 234,56`, `12,400`, `1.2%`, `96,02 %`, `€35`,
//! `(12.50)`, `1.22158E+17`.
//!
//! One parser serves the form and the file readers. The only ambiguity, a single separator
//! followed by exactly three digits (`1,234`, `1.234`), is settled by the [`DecimalMark`] the
//! caller knows (the interface language for typed input, the file's convention for exports).

/// Which character the text uses as its decimal mark, when the caller knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1,234.5`: English, most exports.
    Point,
    /// `1 234,5` or `1.234,5`: French and most of Europe.
    Comma,
    /// Unknown: a lone separator followed by exactly three digits is read as grouping.
    Unknown,
}

/// A number read from text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Parsed {
    /// The value as written (`12.5` for `12,5 %`).
    pub value: f64,
    /// The text ended with `%`.
    pub percent: bool,
}

/// Why a text is not a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NumberError {
    /// Nothing but white space.
    Empty,
    /// `-`, `–`, `n/a`: exports write these for "not applicable".
    NotApplicable,
    /// Anything else that does not read as a number.
    Invalid,
}

/// Reads a number.
///
/// Accepts white space or apostrophes as grouping, `.` or `,` as decimal mark, a leading `+`,
/// `-` or `−`, accounting parentheses, a trailing `%`, currency symbols and three-letter codes
/// on either side, and an exponent (`1.22158E+17`, as Excel writes long ids).
pub(crate) fn parse(text: &str, mark: DecimalMark) -> Result<Parsed, NumberError> {
    match plain_decimal(text.as_bytes(), mark) {
        Some(value) => Ok(Parsed {
            value,
            percent: false,
        }),
        None => parse_written(text, mark),
    }
}

/// The number `text` writes as plain digits (an optional `-`, the `mark`, grouping spaces),
/// as [`parse`] reads it; `None` for anything else, which [`parse`] may still read.
pub(crate) fn parse_plain(text: &str, mark: DecimalMark) -> Option<f64> {
    plain_decimal(text.as_bytes(), mark)
}

/// [`parse`] for every way of writing a number.
fn parse_written(text: &str, mark: DecimalMark) -> Result<Parsed, NumberError> {
    let mut s = text.trim();
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    if matches!(s, "-" | "–" | "—" | "−")
        || s.eq_ignore_ascii_case("n/a")
        || s.eq_ignore_ascii_case("na")
    {
        return Err(NumberError::NotApplicable);
    }
    let mut negative = false;
    if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        negative = true;
        s = inner.trim();
    }
    let mut percent = false;
    if let Some(rest) = s.strip_suffix('%') {
        percent = true;
        s = rest.trim_end();
    }
    // Sign and currency may come in either order: `-€12`, `€-12`, `12 €`, `USD 12`.
    for _ in 0..2 {
        s = strip_currency(s);
        if let Some(rest) = s
            .strip_prefix('-')
            .or_else(|| s.strip_prefix('−'))
            .or_else(|| s.strip_prefix('–'))
        {
            if negative {
                return Err(NumberError::Invalid);
            }
            negative = true;
            s = rest.trim_start();
        } else if let Some(rest) = s.strip_prefix('+') {
            s = rest.trim_start();
        }
    }
    let value = parse_unsigned(s, mark).ok_or(NumberError::Invalid)?;
    let value = if negative { -value } else { value };
    if !value.is_finite() {
        return Err(NumberError::Invalid);
    }
    Ok(Parsed { value, percent })
}

/// The fast path of [`parse`] for what exports mostly write: `-?digits` with at most one
/// decimal mark (the caller's, `.` when unknown is not enough: `1.234` may be grouped) and
/// single spaces between digits as grouping (`1 234`, as the full parser reads them). With at
/// most 15 digits in all, the digits make an integer below 2^53 and the divisor a power of
/// ten that `f64` holds exactly, so the one division rounds as parsing the text would: the
/// same value, bit for bit. Longer ones (X's `0.028481012658227847` rates) are given to the
/// standard library's parser as the full parser gives them, without its copies.
/// `None` sends the text to the full parser.
fn plain_decimal(s: &[u8], mark: DecimalMark) -> Option<f64> {
    const POWERS: [f64; 16] = [
        1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, digits) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    let decimal = match mark {
        DecimalMark::Point => b'.',
        DecimalMark::Comma => b',',
        DecimalMark::Unknown => 0,
    };
    let mut value: u64 = 0;
    let mut count = 0usize;
    let mut scale: Option<usize> = None;
    let mut last = 0u8;
    for &b in digits {
        let previous = std::mem::replace(&mut last, b);
        match b {
            b' ' if previous.is_ascii_digit() => {}
            b'0'..=b'9' => {
                value = value.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                count += 1;
                if let Some(k) = &mut scale {
                    *k += 1;
                }
            }
            b if b == decimal && decimal != 0 && scale.is_none() && previous.is_ascii_digit() => {
                scale = Some(0)
            }
            _ => return None,
        }
    }
    if !last.is_ascii_digit() || count == 0 || scale == Some(0) {
        return None;
    }
    if count > 15 {
        return long_decimal(digits, decimal).map(|x| if negative { -x } else { x });
    }
    let x = value as f64 / POWERS[scale.unwrap_or(0)];
    Some(if negative { -x } else { x })
}

/// The unsigned `digits` [`plain_decimal`] checked, too many for its exact division: copied
/// without their grouping spaces, `decimal` made a point, into the text the full parser
/// hands to `f64::from_str` (so the same value). `None` past 64 bytes.
fn long_decimal(digits: &[u8], decimal: u8) -> Option<f64> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &b in digits {
        let c = match b {
            b' ' => continue,
            b if b == decimal => b'.',
            b => b,
        };
        *buf.get_mut(n)? = c;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()?.parse::<f64>().ok()
}

const CURRENCY_SYMBOLS: &[char] = &['€', '$', '£', '¥', '₹', '₽', '₩', '₺', '₣', '¢'];

fn strip_currency(s: &str) -> &str {
    let s = s.trim_matches(|c: char| c.is_whitespace() || CURRENCY_SYMBOLS.contains(&c));
    let code = |t: &str| t.len() == 3 && t.bytes().all(|b| b.is_ascii_uppercase());
    if s.len() > 3 && s.is_char_boundary(3) && code(&s[..3]) {
        return s[3..].trim_start();
    }
    let n = s.len();
    if n > 3 && s.is_char_boundary(n - 3) && code(&s[n - 3..]) {
        return s[..n - 3].trim_end();
    }
    s
}

fn parse_unsigned(s: &str, mark: DecimalMark) -> Option<f64> {
    // Split off an exponent: `1.22158E+17`.
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => {
            let exp = &s[i + 1..];
            let digits = exp.strip_prefix(['+', '-']).unwrap_or(exp);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (&s[..i], Some(exp))
        }
        None => (s, None),
    };
    let mut body = String::with_capacity(mantissa.len());
    for c in mantissa.chars() {
        match c {
            '0'..='9' | '.' | ',' => body.push(c),
            // Grouping: spaces of every width, apostrophes (Swiss `1'234`).
            c if c.is_whitespace() || c == '\'' || c == '’' => {}
            _ => return None,
        }
    }
    let decimal = decimal_char(&body, mark)?;
    let mut plain = String::with_capacity(body.len() + 8);
    let mut seen_decimal = false;
    for c in body.chars() {
        match c {
            '0'..='9' => plain.push(c),
            c if Some(c) == decimal => {
                if seen_decimal {
                    return None;
                }
                seen_decimal = true;
                plain.push('.');
            }
            _ => {
                // A grouping separator: it must sit between digits, before the decimal mark.
                if seen_decimal || !plain.ends_with(|d: char| d.is_ascii_digit()) {
                    return None;
                }
            }
        }
    }
    if !plain.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if !groups_are_well_formed(&body, decimal) {
        return None;
    }
    if let Some(exp) = exponent {
        plain.push('e');
        plain.push_str(exp);
    }
    plain.parse::<f64>().ok()
}

/// Which of `.` and `,` is the decimal mark in `body` (digits and separators only).
fn decimal_char(body: &str, mark: DecimalMark) -> Option<Option<char>> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    Some(match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (_, _) if dots > 0 && commas > 0 => {
            // The last one is the decimal mark and must occur once.
            let last = body.rfind(['.', ',']).map(|i| body.as_bytes()[i] as char)?;
            if body.matches(last).count() != 1 {
                return None;
            }
            Some(last)
        }
        _ => {
            let sep = if dots == 1 { '.' } else { ',' };
            let i = body.find(sep)?;
            let (int, frac) = (&body[..i], &body[i + 1..]);
            let could_group = frac.len() == 3
                && (1..=3).contains(&int.len())
                && int != "0"
                && frac.bytes().all(|b| b.is_ascii_digit());
            let grouping = could_group
                && matches!(
                    (mark, sep),
                    (DecimalMark::Point, ',')
                        | (DecimalMark::Comma, '.')
                        | (DecimalMark::Unknown, ',')
                );
            if grouping {
                None
            } else {
                Some(sep)
            }
        }
    })
}

/// Grouping separators, when there are several, must make groups of 2 or 3 digits (3 for the
/// last one), as in `1,234,567` or Indian `12,34,567`; a single one has been checked already.
fn groups_are_well_formed(body: &str, decimal: Option<char>) -> bool {
    let int = match decimal {
        Some(d) => &body[..body.find(d).unwrap_or(body.len())],
        None => body,
    };
    let parts: Vec<&str> = int.split(['.', ',']).collect();
    if parts.len() < 2 {
        return true;
    }
    let last = parts.len() - 1;
    parts.iter().enumerate().all(|(i, p)| {
        let digits = p.chars().filter(char::is_ascii_digit).count();
        match i {
            0 => (1..=3).contains(&digits),
            i if i == last => digits == 3,
            _ => digits == 2 || digits == 3,
        }
    })
}

/// A sum without the last-digit noise of binary fractions (`4343.720000000018` → `4343.72`):
/// exports write at most a few decimals.
pub(crate) fn tidy(sum: f64) -> f64 {
    if sum.abs() < 1e12 {
        (sum * 1e6).round() / 1e6
    } else {
        sum
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_fast_path_reads_what_the_full_parser_reads() {
        use super::{parse_written, plain_decimal, DecimalMark};
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet = b"0123456789.,- ";
        let mut checked = 0;
        for _ in 0..200_000 {
            let len = 1 + (next() % 24) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize] as char)
                .collect();
            for mark in [DecimalMark::Point, DecimalMark::Comma, DecimalMark::Unknown] {
                if let Some(fast) = plain_decimal(text.as_bytes(), mark) {
                    checked += 1;
                    let full = parse_written(&text, mark).map(|p| p.value.to_bits());
                    assert_eq!(Ok(fast.to_bits()), full, "{text:?} {mark:?}");
                }
            }
        }
        assert!(checked > 20_000, "{checked}");
        for (text, want) in [("1777.0", 1777.0), ("0.012345", 0.012345), ("-3", -3.0)] {
            assert_eq!(
                plain_decimal(text.as_bytes(), DecimalMark::Point),
                Some(want)
            );
        }
        assert_eq!(plain_decimal(b"12,5", DecimalMark::Comma), Some(12.5));
        assert_eq!(plain_decimal(b"1.234", DecimalMark::Unknown), None);
        assert_eq!(
            plain_decimal(b"1234567890123456", DecimalMark::Point),
            Some(1234567890123456.0)
        );
        assert_eq!(
            plain_decimal(b"0.028481012658227847", DecimalMark::Point),
            Some(0.028481012658227847)
        );
        assert_eq!(
            plain_decimal(b"-0,0284810126582278471", DecimalMark::Comma),
            Some(-0.028481012658227847)
        );
    }

    #[test]
    fn example_of_parse() {
        use crate::number::{parse, DecimalMark};
        assert_eq!(
            parse("1 234,56", DecimalMark::Comma).unwrap().value,
            1234.56
        );
        assert_eq!(parse("12,400", DecimalMark::Point).unwrap().value, 12400.0);
        let p = parse("96,02 %", DecimalMark::Unknown).unwrap();
        assert!(p.percent && p.value == 96.02);
    }
    use super::DecimalMark::{Comma, Point, Unknown};
    use super::*;

    fn v(s: &str, m: DecimalMark) -> f64 {
        parse(s, m).unwrap_or_else(|e| panic!("{s:?}: {e:?}")).value
    }

    #[test]
    fn plain_and_grouped() {
        assert_eq!(v("42", Unknown), 42.0);
        assert_eq!(v("1777.0", Unknown), 1777.0);
        assert_eq!(v("12,400", Point), 12400.0);
        assert_eq!(v("12,400", Unknown), 12400.0);
        assert_eq!(v("12,400", Comma), 12.4);
        assert_eq!(v("1.234", Comma), 1234.0);
        assert_eq!(v("1.234", Point), 1.234);
        assert_eq!(v("1,234,567.89", Unknown), 1234567.89);
        assert_eq!(v("1.234.567,89", Unknown), 1234567.89);
        assert_eq!(v("1 234 567,89", Comma), 1234567.89);
        assert_eq!(v("1\u{202f}234,5", Comma), 1234.5);
        assert_eq!(v("1\u{a0}234", Comma), 1234.0);
        assert_eq!(v("1'234.50", Unknown), 1234.5);
        assert_eq!(v("12,34,567", Point), 1234567.0);
    }

    #[test]
    fn decimals_that_cannot_be_grouping() {
        assert_eq!(v("1,5", Point), 1.5);
        assert_eq!(v("0,125", Point), 0.125);
        assert_eq!(v("1234,567", Point), 1234.567);
        assert_eq!(v(".5", Unknown), 0.5);
        assert_eq!(v("5.", Unknown), 5.0);
    }

    #[test]
    fn signs_percent_currency() {
        let p = parse("1.2%", Unknown).unwrap();
        assert!(p.percent);
        assert_eq!(p.value, 1.2);
        assert_eq!(v("-12", Unknown), -12.0);
        assert_eq!(v("−12", Unknown), -12.0);
        assert_eq!(v("+3", Unknown), 3.0);
        assert_eq!(v("(12.50)", Unknown), -12.5);
        assert_eq!(v("€35", Unknown), 35.0);
        assert_eq!(v("35 €", Comma), 35.0);
        assert_eq!(v("-€12", Unknown), -12.0);
        assert_eq!(v("£0.00", Unknown), 0.0);
        assert_eq!(v("USD 1,250.00", Unknown), 1250.0);
        assert_eq!(v("1 250,00 EUR", Comma), 1250.0);
    }

    #[test]
    fn exponents() {
        assert_eq!(v("1.22158E+17", Unknown), 1.22158e17);
        assert_eq!(v("2e3", Unknown), 2000.0);
        assert!(parse("1e", Unknown).is_err());
        assert!(parse("1e400", Unknown).is_err());
    }

    #[test]
    fn not_numbers() {
        assert_eq!(parse("", Unknown), Err(NumberError::Empty));
        assert_eq!(parse("  ", Unknown), Err(NumberError::Empty));
        assert_eq!(parse("-", Unknown), Err(NumberError::NotApplicable));
        assert_eq!(parse("N/A", Unknown), Err(NumberError::NotApplicable));
        for bad in [
            "abc",
            "1.2k",
            "1,,2",
            "1..2",
            ".",
            ",",
            "1.2.3,4,5",
            "--1",
            "12-",
            "1,23,4",
            "€",
            "%",
            "1 2 3a",
            "(-1)",
            "0x10",
            "1,2345,678",
        ] {
            assert_eq!(parse(bad, Unknown), Err(NumberError::Invalid), "{bad:?}");
        }
    }
}
