//! The words of a section, written from its figures with fixed templates (no model, no
//! network): for each figure compared, whether it went up, down or stayed stable (less than
//! 1 % either way), from what to what and by how much; for each figure not compared, why.
//! The numbers are written as people of the language write them (`1 250,5` and `12,5 %` in
//! French, `1,250.5` and `12.5%` in English), by [`format_value`], which the command line's
//! HTML uses too. Written here rather than with a formatting crate: the few units a figure has
//! need two dozen lines, and ICU's data would weigh more than the whole core.

use crate::date::Date;
use crate::figure::Unit;
use crate::i18n::Lang;
use crate::money::Currency;

use super::change::{Direction, Row};

const MONTHS: [[&str; 12]; 2] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
];

/// `d` in full, as the page's report writes it (`Intl.DateTimeFormat` in `en-US` and `fr-FR`,
/// `dateStyle: "long"`): `June 1, 2026`, `1 juin 2026`.
pub fn format_date(d: Date, lang: Lang) -> String {
    let month = |i: usize| MONTHS[i][usize::from(d.month().clamp(1, 12)) - 1];
    match lang {
        Lang::En => format!("{} {}, {}", month(0), d.day(), d.year()),
        Lang::Fr => format!("{} {} {}", d.day(), month(1), d.year()),
    }
}

/// A moment kept as ISO 8601 text (`2025-01-10T12:00:00Z`, a draw's time) in full, as the
/// page writes it: `January 10, 2025 at 12:00:00 PM (UTC)`, `10 janvier 2025 à 12:00:00
/// (UTC)`; seconds only when the text has them, the offset as written (`(UTC+02:00)`); a
/// text it cannot read, as it is.
pub fn format_when(iso: &str, lang: Lang) -> String {
    let Some((date, rest)) = iso_date(iso) else {
        return iso.to_string();
    };
    if rest.is_empty() {
        return format_date(date, lang);
    }
    let Some((clock, offset)) = rest.strip_prefix('T').and_then(iso_clock) else {
        return iso.to_string();
    };
    let zone = match offset {
        "" => String::new(),
        "Z" => " (UTC)".to_string(),
        o => format!(" (UTC{o})"),
    };
    let (h, m, sec) = clock;
    let seconds = sec.map_or(String::new(), |x| format!(":{x:02}"));
    let day = format_date(date, lang);
    match lang {
        Lang::En => {
            let (h12, half) = (
                if h % 12 == 0 { 12 } else { h % 12 },
                if h < 12 { "AM" } else { "PM" },
            );
            format!("{day} at {h12}:{m:02}{seconds} {half}{zone}")
        }
        Lang::Fr => format!("{day} à {h:02}:{m:02}{seconds}{zone}"),
    }
}

/// `YYYY-MM-DD` at the start of `s`, and what follows.
fn iso_date(s: &str) -> Option<(Date, &str)> {
    let (head, rest) = (s.get(..10)?, s.get(10..)?);
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let n = |r: std::ops::Range<usize>| head.get(r)?.parse::<u16>().ok();
    let date = Date::new(
        i32::from(n(0..4)?),
        u8::try_from(n(5..7)?).ok()?,
        u8::try_from(n(8..10)?).ok()?,
    )?;
    Some((date, rest))
}

/// Hours, minutes and the seconds when written.
type Clock = (u8, u8, Option<u8>);

/// `HH:MM[:SS]` then an offset (`Z`, `+02:00`, or none), of what follows a `T`.
fn iso_clock(s: &str) -> Option<(Clock, &str)> {
    let two = |s: &str| -> Option<u8> {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let (h, m) = (two(s.get(..2)?)?, two(s.get(3..5)?)?);
    let rest = s.get(5..)?;
    let (sec, offset) = match rest.strip_prefix(':') {
        Some(r) => (Some(two(r.get(..2)?)?), r.get(2..)?),
        None => (None, rest),
    };
    let offset_ok = offset.is_empty()
        || offset == "Z"
        || (offset.len() == 6
            && matches!(offset.as_bytes()[0], b'+' | b'-')
            && offset.as_bytes()[3] == b':');
    (s.as_bytes().get(2) == Some(&b':')
        && h < 24
        && m < 60
        && sec.is_none_or(|x| x < 61)
        && offset_ok)
        .then_some(((h, m, sec), offset))
}

/// `x` with `digits` decimals (trailing zeros dropped), grouped by thousands, as `lang` writes it.
pub(crate) fn number(x: f64, digits: usize, lang: Lang) -> String {
    let text = format!("{:.*}", digits, x.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    let (group, mark) = match lang {
        Lang::En => (",", "."),
        Lang::Fr => ("\u{202f}", ","),
    };
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push_str(mark);
        out.push_str(frac);
    }
    let zero = out.chars().all(|c| c == '0' || !c.is_ascii_digit());
    if x < 0.0 && !zero {
        out.insert(0, '−');
    }
    out
}

/// A figure's value as a person reads it: `12.5%`, `1,250`, `€250.00`, `+1.2 pts`.
pub fn format_value(value: f64, unit: Unit, currency: Option<&str>, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let n = |x: f64, d: usize| number(x, d, lang);
    match unit {
        Unit::Ratio => format!(
            "{}{}%",
            n(value * 100.0, 2),
            if fr { "\u{202f}" } else { "" }
        ),
        Unit::Points => format!("{} {}", n(value * 100.0, 2), if fr { "pt" } else { "pts" }),
        Unit::Money => money(value, currency, lang),
        Unit::Multiple => format!("{}×", n(value, 2)),
        Unit::Count => n(value, 2),
        Unit::Hours => format!("{} h", n(value, 1)),
        Unit::Months => format!("{} {}", n(value, 1), if fr { "mois" } else { "months" }),
        Unit::PerThousand => format!("{} ‰", n(value, 2)),
    }
}

/// An amount as `en-US` and `fr-FR` write it, which is what the page's tables show in those
/// locales: `€3,099.50`, `CHF 3,099.50`, `−$12.00`; `3 099,50 €`, `3 099,50 $US`; with the
/// currency's own digits (`¥3,100`, `3,099.500 TND`); a code no table names after the amount
/// (`12.00 XYZ`).
fn money(value: f64, code: Option<&str>, lang: Lang) -> String {
    let cur = code.and_then(Currency::find);
    let digits = cur.map_or(2, |c| usize::from(c.minor_digits));
    let text = format!("{:.*}", digits, value.abs());
    let (w, f) = text.split_once('.').unwrap_or((&text, ""));
    let whole = number(w.parse().unwrap_or(0.0), 0, lang);
    let minus = if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        "−"
    } else {
        ""
    };
    let mark = if lang == Lang::Fr { "," } else { "." };
    let amount = if f.is_empty() {
        whole
    } else {
        format!("{whole}{mark}{f}")
    };
    match (cur, lang) {
        (Some(c), Lang::En) => {
            let lettered = c.symbol_en.ends_with(char::is_alphabetic);
            let gap = if lettered { "\u{a0}" } else { "" };
            format!("{minus}{}{gap}{amount}", c.symbol_en)
        }
        (Some(c), Lang::Fr) => format!("{minus}{amount}\u{a0}{}", c.symbol_fr),
        (None, _) => match code {
            Some(code) => format!("{minus}{amount} {code}"),
            None => format!("{minus}{amount}"),
        },
    }
}

/// A change with its sign: `+12.5%`, `−3 pts`.
fn signed(value: f64, unit: Unit, currency: Option<&str>, lang: Lang) -> String {
    let text = format_value(value, unit, currency, lang);
    if value > 0.0 && !text.starts_with('0') {
        format!("+{text}")
    } else {
        text
    }
}

/// The sentence of one row, or `None` when there is nothing to say (no value in either period).
fn sentence(row: &Row, currency: Option<&str>, lang: Lang) -> Option<String> {
    let f = &row.current;
    let cur = f.get().map(|v| format_value(v, f.unit, currency, lang));
    let prev = row
        .previous
        .as_ref()
        .and_then(|p| p.get())
        .map(|v| format_value(v, f.unit, currency, lang));
    let by = match (row.change_percent.get(), row.change.get()) {
        (Some(p), _) => Some(signed(p, crate::figure::Unit::Ratio, None, lang)),
        (None, Some(c)) => Some(signed(c, row.change.unit, currency, lang)),
        _ => None,
    };
    let label = &f.label;
    Some(match (row.direction, lang, cur, prev, by) {
        (Direction::Up, Lang::En, Some(c), Some(p), Some(b)) => {
            format!("{label} rose from {p} to {c} ({b}).")
        }
        (Direction::Up, Lang::Fr, Some(c), Some(p), Some(b)) => {
            format!("{label} : en hausse, de {p} à {c} ({b}).")
        }
        (Direction::Down, Lang::En, Some(c), Some(p), Some(b)) => {
            format!("{label} fell from {p} to {c} ({b}).")
        }
        (Direction::Down, Lang::Fr, Some(c), Some(p), Some(b)) => {
            format!("{label} : en baisse, de {p} à {c} ({b}).")
        }
        (Direction::Flat, Lang::En, Some(c), Some(p), Some(b)) => {
            format!("{label} held steady at {c} (from {p}, {b}).")
        }
        (Direction::Flat, Lang::Fr, Some(c), Some(p), Some(b)) => {
            format!("{label} : stable, {c} (contre {p}, {b}).")
        }
        (_, Lang::En, Some(c), _, _) => match &row.change.reason {
            Some(why) => format!("{label}: {c}, not compared ({why})."),
            None => format!("{label}: {c}."),
        },
        (_, Lang::Fr, Some(c), _, _) => match &row.change.reason {
            Some(why) => format!("{label} : {c}, non comparé ({why})."),
            None => format!("{label} : {c}."),
        },
        _ => return None,
    })
}

/// The words of a section's rows: one sentence per figure with a value, the ones that moved
/// first (up, then down), then the stable ones, then the ones not compared.
pub(crate) fn section_words(rows: &[Row], currency: Option<&str>, lang: Lang) -> String {
    let order = |d: Direction| match d {
        Direction::Up => 0,
        Direction::Down => 1,
        Direction::Flat => 2,
        Direction::None => 3,
    };
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| order(r.direction));
    sorted
        .into_iter()
        .filter_map(|r| sentence(r, currency, lang))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_and_moments_are_worded_as_the_page_words_them() {
        use crate::i18n::Lang::{En, Fr};
        let d = Date::new(2026, 6, 1).unwrap();
        assert_eq!(super::format_date(d, En), "June 1, 2026");
        assert_eq!(super::format_date(d, Fr), "1 juin 2026");
        let when = super::format_when;
        assert_eq!(
            when("2025-01-10T12:00:00Z", En),
            "January 10, 2025 at 12:00:00 PM (UTC)"
        );
        assert_eq!(
            when("2025-01-10T00:05:07Z", En),
            "January 10, 2025 at 12:05:07 AM (UTC)"
        );
        assert_eq!(
            when("2025-01-10T00:05:07Z", Fr),
            "10 janvier 2025 à 00:05:07 (UTC)"
        );
        assert_eq!(
            when("2025-08-10T23:59+02:00", Fr),
            "10 août 2025 à 23:59 (UTC+02:00)"
        );
        assert_eq!(when("2025-08-10", En), "August 10, 2025");
        for odd in [
            "",
            "now",
            "2025-13-01T00:00Z",
            "2025-01-10T25:00Z",
            "2025-01-10 12:00",
            "2025-01-10T12:00:00Zz",
            "２０２５-01-10",
        ] {
            assert_eq!(when(odd, Fr), odd, "{odd:?} is left as it is");
        }
    }

    use super::*;

    #[test]
    fn numbers_as_each_language_writes_them() {
        assert_eq!(number(1234567.891, 2, Lang::En), "1,234,567.89");
        assert_eq!(
            number(1234567.891, 2, Lang::Fr),
            "1\u{202f}234\u{202f}567,89"
        );
        assert_eq!(number(-0.001, 2, Lang::En), "0");
        assert_eq!(number(-12.5, 2, Lang::En), "−12.5");
        assert_eq!(format_value(0.125, Unit::Ratio, None, Lang::En), "12.5%");
        assert_eq!(
            format_value(0.125, Unit::Ratio, None, Lang::Fr),
            "12,5\u{202f}%"
        );
        let money = |v: f64, c: &str, lang| format_value(v, Unit::Money, Some(c), lang);
        // As Intl.NumberFormat writes them in en-US and fr-FR (node 20, ICU 73), but for the
        // minus sign, which the core writes as U+2212 everywhere.
        assert_eq!(money(1250.5, "EUR", Lang::Fr), "1\u{202f}250,50\u{a0}€");
        assert_eq!(money(1250.5, "EUR", Lang::En), "€1,250.50");
        assert_eq!(money(-3099.5, "USD", Lang::En), "−$3,099.50");
        assert_eq!(money(-3099.5, "USD", Lang::Fr), "−3\u{202f}099,50\u{a0}$US");
        assert_eq!(money(3099.5, "CHF", Lang::En), "CHF\u{a0}3,099.50");
        assert_eq!(money(3099.5, "JPY", Lang::En), "¥3,100");
        assert_eq!(money(3099.5, "JPY", Lang::Fr), "3\u{202f}100\u{a0}JPY");
        assert_eq!(money(3099.5, "TND", Lang::Fr), "3\u{202f}099,500\u{a0}TND");
        assert_eq!(money(3099.5, "XOF", Lang::En), "F\u{202f}CFA\u{a0}3,100");
        assert_eq!(money(12.0, "XYZ", Lang::En), "12.00 XYZ");
        assert_eq!(format_value(-3.0, Unit::Money, None, Lang::En), "−3.00");
        assert_eq!(format_value(0.012, Unit::Points, None, Lang::En), "1.2 pts");
    }
}
