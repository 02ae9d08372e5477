//! Reading dates as exports write them: [`parse`] and its helpers (times and offsets, numeric
//! dates in either order, month and weekday names in five languages), years for yearless dates
//! ([`resolve_year`]), Excel serial numbers, and the date a file name gives.

use super::{Date, DateTime, Time};
use serde::Serialize;

/// How a date written with slashes orders its day and month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SlashOrder {
    /// `07/20/2026`: the United States' order, and every platform's export.
    MonthFirst,
    /// `20/07/2026`: how a French Excel re-saves them.
    DayFirst,
}

/// A date read from text: complete, or without its year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParsedDate {
    /// A full date, with the time and offset when the text had them.
    Full(DateTime),
    /// A month and day with no year (TikTok's `April 12`); see [`resolve_year`].
    Yearless {
        /// 1–12.
        month: u8,
        /// 1–31.
        day: u8,
        /// The time of day, if written.
        time: Option<Time>,
    },
}

/// Reads a date or date-time. Accepted, with any time `16:00`, `09:03:47 AM`, `2:00 p.m.` and
/// offset `+0000`, `+02:00`, `Z`, `UTC` after it:
///
/// - `2021-11-30 16:00 +0000`, `2026-07-20T02:00:00Z`, `2025-06-13` (ISO 8601);
/// - `20260501` (Google Analytics);
/// - `07/20/2026 02:00`, `1/1/2014`, `01/19/2017 09:03:47 AM`, `4/16/15` (`order` says which
///   of day and month comes first; a day above 12 settles it whatever `order` says);
/// - `13-06-2025`, `25.12.24 18:03:11` (day first);
/// - `Sun, Aug 30, 2026`, `Thu Mar 20 2025`, `Aug 28, 2025`, `30 août 2026`, `12 avr. 2025`;
/// - `April 12`, `12 avril` (no year: [`ParsedDate::Yearless`]).
///
/// ```
/// use social_roi::{ParsedDate, SlashOrder, parse_date as parse};
/// let ParsedDate::Full(d) = parse("Sun, Aug 30, 2026", SlashOrder::MonthFirst).unwrap() else { panic!() };
/// assert_eq!(d.to_string(), "2026-08-30");
/// let ParsedDate::Full(d) = parse("2021-11-30 16:00 +0000", SlashOrder::MonthFirst).unwrap() else { panic!() };
/// assert_eq!(d.to_string(), "2021-11-30T16:00:00+00:00");
/// assert!(matches!(parse("12 avril", SlashOrder::DayFirst), Some(ParsedDate::Yearless { month: 4, day: 12, .. })));
/// ```
pub fn parse(text: &str, order: SlashOrder) -> Option<ParsedDate> {
    if let Some(dt) = iso(text.as_bytes()).or_else(|| slashed(text.as_bytes(), order)) {
        return Some(ParsedDate::Full(dt));
    }
    let s = text.trim().trim_matches('"').trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = s.parse().ok()?;
        let date = Date::new((n / 10_000) as i32, (n / 100 % 100) as u8, (n % 100) as u8)?;
        return Some(ParsedDate::Full(DateTime::date(date)));
    }
    let (date_part, time, offset) = split_time(s)?;
    let date_part = date_part.trim().trim_end_matches([',', 'T', 't']).trim();
    match numeric_date(date_part, order) {
        Some(Some(date)) => {
            return Some(ParsedDate::Full(DateTime {
                date,
                time,
                offset_minutes: offset.filter(|_| time.is_some()),
            }))
        }
        Some(None) => return None,
        None => {}
    }
    let (month, day, year) = worded_date(date_part)?;
    match year {
        Some(year) => Some(ParsedDate::Full(DateTime {
            date: Date::new(year, month, day)?,
            time,
            offset_minutes: offset.filter(|_| time.is_some()),
        })),
        None => {
            // Check the day exists in some year (29 February does).
            Date::new(2024, month, day)?;
            Some(ParsedDate::Yearless { month, day, time })
        }
    }
}

/// The fast path of [`parse`] for what most exports write: `YYYY-MM-DD`, then optionally ` ` or
/// `T` and `HH:MM` or `HH:MM:SS`, then optionally ` +HHMM` or ` -HHMM`, and nothing else. It
/// gives what the full parser gives (a test compares them); `None` sends the text there.
fn iso(s: &[u8]) -> Option<DateTime> {
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = s.get(range)?;
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if s.len() < 10 || s[4] != b'-' || s[7] != b'-' {
        return None;
    }
    let year = i32::try_from(num(0..4)?).ok()?;
    let date = Date::new(year, num(5..7)? as u8, num(8..10)? as u8)?;
    if s.len() == 10 {
        return Some(DateTime::date(date));
    }
    if !matches!(s[10], b' ' | b'T') || s.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (num(11..13)? as u8, num(14..16)? as u8);
    let (second, rest) = match s.get(16) {
        Some(b':') => (num(17..19)? as u8, 19),
        _ => (0, 16),
    };
    let time = Time::new(hour, minute, second)?;
    let offset = match &s[rest..] {
        [] => None,
        [b' ', sign @ (b'+' | b'-'), ..] if s.len() == rest + 6 => {
            let (h, m) = (num(rest + 2..rest + 4)?, num(rest + 4..rest + 6)?);
            if h > 14 || m >= 60 {
                return None;
            }
            let minutes = i32::try_from(h * 60 + m).ok()?;
            Some(if *sign == b'-' { -minutes } else { minutes })
        }
        _ => return None,
    };
    Some(DateTime {
        date,
        time: Some(time),
        offset_minutes: offset,
    })
}

/// The second fast path of [`parse`], for Meta's and most platforms' `MM/DD/YYYY` (one or two
/// digits for the day and month), then optionally ` HH:MM` or ` HH:MM:SS`, and nothing else:
/// the day and month ordered as [`numeric_date`] orders them. It gives what the full parser
/// gives (a test compares them); `None` sends the text there.
fn slashed(s: &[u8], order: SlashOrder) -> Option<DateTime> {
    let num = |digits: &[u8]| -> Option<u32> {
        digits.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let first = s
        .iter()
        .position(|&b| b == b'/')
        .filter(|&i| (1..=2).contains(&i))?;
    let rest = &s[first + 1..];
    let second = rest
        .iter()
        .position(|&b| b == b'/')
        .filter(|&i| (1..=2).contains(&i))?;
    let (a, b) = (num(&s[..first])?, num(&rest[..second])?);
    let tail = &rest[second + 1..];
    let year = i32::try_from(num(tail.get(..4)?)?).ok()?;
    let (month, day) = match order {
        _ if a > 12 => (b, a),
        _ if b > 12 => (a, b),
        SlashOrder::MonthFirst => (a, b),
        SlashOrder::DayFirst => (b, a),
    };
    let date = Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
    let time = match &tail[4..] {
        [] => return Some(DateTime::date(date)),
        [b' ', h1, h2, b':', m1, m2] => {
            Time::new(num(&[*h1, *h2])? as u8, num(&[*m1, *m2])? as u8, 0)?
        }
        [b' ', h1, h2, b':', m1, m2, b':', s1, s2] => Time::new(
            num(&[*h1, *h2])? as u8,
            num(&[*m1, *m2])? as u8,
            num(&[*s1, *s2])? as u8,
        )?,
        _ => return None,
    };
    Some(DateTime {
        date,
        time: Some(time),
        offset_minutes: None,
    })
}

/// The date of a yearless `month`/`day` in the twelve months up to `reference` (the export's
/// day): `April 12` read on 2026-03-01 is 2025-04-12. `None` if no such day exists.
pub(crate) fn resolve_year(month: u8, day: u8, reference: Date) -> Option<Date> {
    let start = if (month, day) <= (reference.month, reference.day) {
        reference.year
    } else {
        reference.year - 1
    };
    // 29 February goes back to the last leap year.
    (0..8).find_map(|back| Date::new(start - back, month, day))
}

/// Reads an Excel serial day number (1900 system: day 1 is 1900-01-01, with Excel's phantom
/// 29 February 1900), with the fraction as the time of day.
pub(crate) fn from_excel_serial(serial: f64) -> Option<DateTime> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Serial 60 is Excel's 1900-02-29, which never was; after it, day 0 is 1899-12-30.
    let date = if days < 60 {
        Date::new(1899, 12, 31)?.add_days(days)?
    } else {
        Date::new(1899, 12, 30)?.add_days(days)?
    };
    let secs = ((serial - serial.floor()) * 86_400.0).round() as i64;
    let time = (secs > 0 && secs < 86_400)
        .then(|| {
            Time::new(
                (secs / 3600) as u8,
                (secs / 60 % 60) as u8,
                (secs % 60) as u8,
            )
        })
        .flatten();
    Some(DateTime {
        date,
        time,
        offset_minutes: None,
    })
}

/// Finds the most recent date written in a file name (`…_2026-04-30_…`, `20260430`,
/// `Jul-25-2026`, a 10-digit epoch in seconds or a 13-digit one in milliseconds): the day the
/// export was made, or the last day it covers.
pub(crate) fn date_in_name(name: &str) -> Option<Date> {
    let mut found = digit_run_dates(name);
    found.extend(separated_dates(name)?);
    found
        .into_iter()
        .flatten()
        .filter(|d| (2000..=2100).contains(&d.year))
        .max()
}

/// The dates runs of digits in a name may be: `YYYYMMDD`, epochs in seconds or milliseconds.
fn digit_run_dates(name: &str) -> Vec<Option<Date>> {
    let mut found = Vec::new();
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let run = &name[start..i];
        match run.len() {
            8 => found.push(match parse(run, SlashOrder::MonthFirst) {
                Some(ParsedDate::Full(d)) => Some(d.date),
                _ => None,
            }),
            10 => found.push(
                run.parse::<i64>()
                    .ok()
                    .and_then(|s| Date::from_days(s / 86_400)),
            ),
            13 => found.push(
                run.parse::<i64>()
                    .ok()
                    .and_then(|ms| Date::from_days(ms / 86_400_000)),
            ),
            _ => {}
        }
    }
    found
}

/// The dates written with separators in a name (`2026-04-30`, `Jul-25-2026`): the name split
/// into pieces, read three at a time. `None` when a `YYYY-…-…` of digits does not fit its
/// numbers (the name then gives no date at all).
fn separated_dates(name: &str) -> Option<Vec<Option<Date>>> {
    let parts: Vec<&str> = name
        .split(|c: char| !(c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
        .collect();
    let mut found = Vec::new();
    for w in parts.windows(3) {
        if w[0].len() == 4 && w.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            found.push(Date::new(
                w[0].parse().ok()?,
                w[1].parse().ok()?,
                w[2].parse().ok()?,
            ));
        } else if w[2].len() == 4 && w[0].chars().all(char::is_alphabetic) {
            let candidate = w.join("-");
            if let Some(ParsedDate::Full(d)) =
                parse(&candidate.replacen('-', " ", 2), SlashOrder::MonthFirst)
            {
                found.push(Some(d.date));
            }
        }
    }
    Some(found)
}

/// Splits off a time of day (`16:00`, `09:03:47 AM`, `2:00 p.m.`) and a UTC offset after it.
/// `None` when a time is there but is not one.
fn split_time(s: &str) -> Option<(&str, Option<Time>, Option<i32>)> {
    // A time starts at the first `d:dd` or `dd:dd` not part of a longer number.
    let b = s.as_bytes();
    let mut start = None;
    for i in 0..b.len() {
        if b[i] == b':' && i > 0 && b[i - 1].is_ascii_digit() {
            let mut j = i - 1;
            while j > 0 && b[j - 1].is_ascii_digit() {
                j -= 1;
            }
            if i - j <= 2 && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                start = Some(j);
                break;
            }
        }
    }
    let Some(start) = start else {
        return Some((s, None, None));
    };
    let (date_part, rest) = s.split_at(start);
    let rest = rest.trim();
    // hh:mm[:ss[.fff]]
    let clock_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let clock = rest[..clock_end].trim_end_matches('.');
    let mut parts = clock.split(':');
    let mut hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    let second: u8 = match parts.next() {
        Some(sec) => sec.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let mut tail = rest[clock_end..].trim_start();
    // AM / PM, with or without dots.
    let lower = tail.to_ascii_lowercase();
    let meridiem = ["am", "a.m.", "a.m", "pm", "p.m.", "p.m"].iter().find(|m| {
        lower.starts_with(*m) && !lower[m.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
    });
    if let Some(m) = meridiem {
        if hour == 0 || hour > 12 {
            return None;
        }
        let pm = m.starts_with('p');
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
        tail = tail[m.len()..].trim_start();
    }
    let time = Time::new(hour, minute, second)?;
    let offset = parse_offset(tail)?;
    Some((date_part, Some(time), offset))
}

/// `+0000`, `+02:00`, `-05`, `Z`, `UTC`, `GMT`, `UTC+2`, or nothing. `None` for anything else.
fn parse_offset(tail: &str) -> Option<Option<i32>> {
    let t = tail.trim();
    if t.is_empty() {
        return Some(None);
    }
    let upper = t.to_ascii_uppercase();
    let rest = ["UTC", "GMT", "Z"]
        .iter()
        .find_map(|z| upper.strip_prefix(z))
        .unwrap_or(&upper)
        .trim();
    if rest.is_empty() {
        return Some(Some(0));
    }
    let (sign, digits) = match rest.as_bytes()[0] {
        b'+' => (1, &rest[1..]),
        b'-' => (-1, &rest[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = if digits.len() <= 2 {
        (digits.parse::<i32>().ok()?, 0)
    } else {
        let (h, m) = digits.split_at(digits.len() - 2);
        (h.parse::<i32>().ok()?, m.parse::<i32>().ok()?)
    };
    (h <= 14 && m < 60).then_some(Some(sign * (h * 60 + m)))
}

/// `Some(Some(date))` for three numbers separated by `-`, `/` or `.`; `Some(None)` when it has
/// that shape but is no date; `None` when it is not that shape.
fn numeric_date(s: &str, order: SlashOrder) -> Option<Option<Date>> {
    let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let mut split = s.split(sep).map(str::trim);
    let parts = [split.next()?, split.next()?, split.next()?];
    if split.next().is_some()
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| parts[i].parse::<i32>().unwrap_or(0);
    let year = |p: &str, v: i32| match p.len() {
        4 => Some(v),
        2 => Some(if v < 70 { 2000 + v } else { 1900 + v }),
        _ => None,
    };
    let small = |v: i32| u8::try_from(v).ok();
    Some((|| {
        if parts[0].len() == 4 {
            return Date::new(n(0), small(n(1))?, small(n(2))?);
        }
        let y = year(parts[2], n(2))?;
        let (a, b) = (n(0), n(1));
        let (month, day) = match (sep, order) {
            // A day above 12 settles the order whatever the file's convention.
            ('/', _) if a > 12 => (b, a),
            ('/', _) if b > 12 => (a, b),
            ('/', SlashOrder::MonthFirst) => (a, b),
            _ => (b, a),
        };
        Date::new(y, small(month)?, small(day)?)
    })())
}

/// Month names (accents removed, lower case), with their month number.
const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("januar", 1),
    ("februar", 2),
    ("marz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("janeiro", 1),
    ("fevereiro", 2),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lun",
    "mar",
    "mer",
    "jeu",
    "ven",
    "sam",
    "dim",
];

/// Lower case without the accents of the Latin alphabets we read.
pub(crate) fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            c => c,
        })
        .collect()
}

/// The month a word names, in full or abbreviated to at least three letters (`févr.`,
/// `sept`), if it names one month only.
fn month_of(word: &str) -> Option<u8> {
    let w = fold(word.trim_end_matches('.'));
    if w.chars().count() < 3 {
        return None;
    }
    let mut found = None;
    for &(name, n) in MONTHS {
        if name == w {
            return Some(n);
        }
        if name.starts_with(&w) {
            match found {
                Some(m) if m != n => return None,
                _ => found = Some(n),
            }
        }
    }
    found
}

fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&fold(word.trim_end_matches('.')).as_str())
}

/// A date written with a month name: `(month, day, year)`.
fn worded_date(s: &str) -> Option<(u8, u8, Option<i32>)> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/')
        .filter(|t| !t.is_empty())
        .collect();
    let month = worded_month(&tokens)?;
    let (day, year) = day_and_year(&tokens)?;
    Some((month, day?, year))
}

/// The month the words of a worded date name. Every word must be a month or a weekday; a
/// weekday that could also be a month (`mar.`, mardi or March) yields to a word that can only
/// be a month.
fn worded_month(tokens: &[&str]) -> Option<u8> {
    let words: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.chars().next().is_some_and(char::is_alphabetic))
        .filter(|t| !matches!(fold(t).as_str(), "de" | "del" | "of" | "le" | "the"))
        .collect();
    if words
        .iter()
        .any(|w| month_of(w).is_none() && !is_weekday(w))
    {
        return None;
    }
    let months: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| month_of(w).is_some())
        .collect();
    let month_word = match months.as_slice() {
        [one] => *one,
        many => {
            let strict: Vec<&str> = many.iter().copied().filter(|w| !is_weekday(w)).collect();
            match strict.as_slice() {
                [one] => *one,
                _ => return None,
            }
        }
    };
    month_of(month_word)
}

/// The day (`1er`, `25th`, `3.`) and the four-digit year among the numbers of a worded date;
/// `None` when a number is neither.
fn day_and_year(tokens: &[&str]) -> Option<(Option<u8>, Option<i32>)> {
    let mut day = None;
    let mut year = None;
    for t in tokens {
        if t.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        let digits = t.trim_end_matches(['.', 'h']).trim_end_matches("er");
        let digits = digits
            .strip_suffix("st")
            .or_else(|| digits.strip_suffix("nd"))
            .or_else(|| digits.strip_suffix("rd"))
            .or_else(|| digits.strip_suffix("th"))
            .unwrap_or(digits);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: i32 = digits.parse().ok()?;
        if digits.len() == 4 && year.is_none() {
            year = Some(v);
        } else if digits.len() <= 2 && day.is_none() && (1..=31).contains(&v) {
            day = Some(v as u8);
        } else {
            return None;
        }
    }
    Some((day, year))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_path_reads_what_the_full_parser_reads() {
        use super::{iso, parse, ParsedDate, SlashOrder};
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut fast = 0;
        for _ in 0..100_000 {
            let mut s = format!("{:04}-{:02}-{:02}", 1900 + next(200), next(14), next(33));
            if next(4) > 0 {
                s.push(if next(2) == 0 { ' ' } else { 'T' });
                s.push_str(&format!("{:02}:{:02}", next(26), next(62)));
                if next(2) == 0 {
                    s.push_str(&format!(":{:02}", next(62)));
                }
                match next(4) {
                    0 => s.push_str(&format!(" +{:02}{:02}", next(16), next(62))),
                    1 => s.push_str(&format!(" -{:02}{:02}", next(16), next(62))),
                    2 => s.push_str([" Z", " UTC", "+0000", " +02:00"][next(4) as usize]),
                    _ => {}
                }
            }
            // The full parser, without the fast path: the same text with a space in front.
            let full = parse(&format!(" {s}"), SlashOrder::DayFirst);
            if let Some(dt) = iso(s.as_bytes()) {
                fast += 1;
                assert_eq!(Some(ParsedDate::Full(dt)), full, "{s:?}");
            }
        }
        assert!(fast > 30_000, "{fast}");
    }

    #[test]
    fn the_slashed_fast_path_reads_what_the_full_parser_reads() {
        use super::{parse, slashed, ParsedDate, SlashOrder};
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let mut fast = 0;
        for _ in 0..100_000 {
            let width = |n: u64, wide: bool| {
                if wide {
                    format!("{n:02}")
                } else {
                    n.to_string()
                }
            };
            let (a, b) = (next(34), next(34));
            let mut s = format!(
                "{}/{}/{:04}",
                width(a, next(2) == 0),
                width(b, next(2) == 0),
                1900 + next(200)
            );
            match next(5) {
                0 => {}
                1 => s.push_str(&format!(" {:02}:{:02}:{:02}", next(26), next(62), next(62))),
                2 => s.push_str([" 9:05", " 09:05 PM", " 09:05 +0000", "T09:05"][next(4) as usize]),
                _ => s.push_str(&format!(" {:02}:{:02}", next(26), next(62))),
            }
            for order in [SlashOrder::MonthFirst, SlashOrder::DayFirst] {
                // The full parser, without the fast paths: the same text with a space in front.
                let full = parse(&format!(" {s}"), order);
                if let Some(dt) = slashed(s.as_bytes(), order) {
                    fast += 1;
                    assert_eq!(Some(ParsedDate::Full(dt)), full, "{s:?} {order:?}");
                }
            }
        }
        assert!(fast > 50_000, "{fast}");
    }

    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn example_of_resolve_year() {
        use crate::date::{resolve_year, Date};
        let r = Date::new(2026, 3, 1).unwrap();
        assert_eq!(resolve_year(4, 12, r), Date::new(2025, 4, 12));
        assert_eq!(resolve_year(2, 28, r), Date::new(2026, 2, 28));
    }

    #[test]
    fn example_of_date_in_name() {
        use crate::date::{date_in_name, Date};
        assert_eq!(
            date_in_name("Jul-19-2026_Jul-25-2026_1234.csv"),
            Date::new(2026, 7, 25)
        );
        assert_eq!(
            date_in_name("Overview_2026-04-30_1777507200_handle.zip"),
            Date::new(2026, 4, 30)
        );
        assert_eq!(
            date_in_name("page_content_1714435200000.xls"),
            Date::new(2024, 4, 30)
        );
        assert_eq!(date_in_name("Overview.csv"), None);
    }

    fn full(s: &str, order: SlashOrder) -> String {
        match parse(s, order) {
            Some(ParsedDate::Full(d)) => d.to_string(),
            other => panic!("{s:?}: {other:?}"),
        }
    }

    #[test]
    fn every_format_of_the_exports() {
        use SlashOrder::*;
        // Old X.
        assert_eq!(
            full("2021-11-30 16:00 +0000", MonthFirst),
            "2021-11-30T16:00:00+00:00"
        );
        // New X.
        assert_eq!(full("Sun, Aug 30, 2026", MonthFirst), "2026-08-30");
        assert_eq!(full("Thu Mar 20 2025", MonthFirst), "2025-03-20");
        // Meta.
        assert_eq!(full("07/20/2026 02:00", MonthFirst), "2026-07-20T02:00:00");
        // Legacy Facebook.
        assert_eq!(
            full("01/19/2017 09:03:47 AM", MonthFirst),
            "2017-01-19T09:03:47"
        );
        assert_eq!(
            full("02/19/2014 04:29:18 PM", MonthFirst),
            "2014-02-19T16:29:18"
        );
        assert_eq!(
            full("12/01/2014 12:05:00 AM", MonthFirst),
            "2014-12-01T00:05:00"
        );
        assert_eq!(full("1/1/2014", MonthFirst), "2014-01-01");
        assert_eq!(full("10/1/2015 21:00", MonthFirst), "2015-10-01T21:00:00");
        // YouTube.
        assert_eq!(full("Aug 28, 2025", MonthFirst), "2025-08-28");
        assert_eq!(full("2025-06-13", MonthFirst), "2025-06-13");
        assert_eq!(full("13-06-2025", MonthFirst), "2025-06-13");
        // Google Analytics.
        assert_eq!(full("20260501", MonthFirst), "2026-05-01");
        assert_eq!(full("4/16/15", MonthFirst), "2015-04-16");
        // ExportComments.
        assert_eq!(full("25.12.24 18:03:11", MonthFirst), "2024-12-25T18:03:11");
        // ISO with offsets.
        assert_eq!(
            full("2026-07-20T02:00:00Z", MonthFirst),
            "2026-07-20T02:00:00+00:00"
        );
        assert_eq!(
            full("2026-07-20T02:00:00+02:00", MonthFirst),
            "2026-07-20T02:00:00+02:00"
        );
        assert_eq!(
            full("2026-07-20 02:00:00.250", MonthFirst),
            "2026-07-20T02:00:00"
        );
        // Slashes: the file's order, unless a day above 12 settles it.
        assert_eq!(full("03/04/2026", MonthFirst), "2026-03-04");
        assert_eq!(full("03/04/2026", DayFirst), "2026-04-03");
        assert_eq!(full("25/12/2024", MonthFirst), "2024-12-25");
        assert!(
            parse("2:00 p.m.", MonthFirst).is_none(),
            "a time alone is no date"
        );
    }

    #[test]
    fn month_names_in_several_languages() {
        use SlashOrder::*;
        assert_eq!(full("30 août 2026", DayFirst), "2026-08-30");
        assert_eq!(full("12 avr. 2025", DayFirst), "2025-04-12");
        assert_eq!(full("lun. 3 févr. 2025", DayFirst), "2025-02-03");
        assert_eq!(full("1er janvier 2026", DayFirst), "2026-01-01");
        assert_eq!(full("mardi 3 mars 2026", DayFirst), "2026-03-03");
        assert_eq!(full("12 de abril de 2025", DayFirst), "2025-04-12");
        assert_eq!(full("3. März 2025", DayFirst), "2025-03-03");
        assert_eq!(full("September 3rd, 2025", MonthFirst), "2025-09-03");
        assert_eq!(
            full("Sept 3 2025 10:15 AM", MonthFirst),
            "2025-09-03T10:15:00"
        );
        assert!(
            parse("ju 12 2025", DayFirst).is_none(),
            "ju is juin or juillet"
        );
        assert!(parse("jui 12 2025", DayFirst).is_none());
    }

    #[test]
    fn yearless_dates() {
        let y = |s| match parse(s, SlashOrder::MonthFirst) {
            Some(ParsedDate::Yearless { month, day, .. }) => (month, day),
            other => panic!("{s:?}: {other:?}"),
        };
        assert_eq!(y("April 12"), (4, 12));
        assert_eq!(y("12 avril"), (4, 12));
        assert_eq!(y("Feb 29"), (2, 29));
        assert!(parse("Feb 30", SlashOrder::MonthFirst).is_none());
        let r = d(2026, 3, 1);
        assert_eq!(resolve_year(4, 12, r), Some(d(2025, 4, 12)));
        assert_eq!(resolve_year(3, 1, r), Some(d(2026, 3, 1)));
        assert_eq!(resolve_year(2, 29, r), Some(d(2024, 2, 29)));
    }

    #[test]
    fn not_dates() {
        for bad in [
            "",
            "abc",
            "13/13/2026",
            "2026-02-30",
            "32 jan 2026",
            "12",
            "1.5",
            "2021-11-30 25:00",
            "07/20/2026 02:00 XYZ",
            "Aug Sep 2026",
            "1234567",
            "4/16",
            "1/2/3/4",
        ] {
            assert!(
                !matches!(
                    parse(bad, SlashOrder::MonthFirst),
                    Some(ParsedDate::Full(_))
                ),
                "{bad:?} read as {:?}",
                parse(bad, SlashOrder::MonthFirst)
            );
        }
    }

    #[test]
    fn excel_serials() {
        assert_eq!(
            from_excel_serial(45943.5).unwrap().to_string(),
            "2025-10-13T12:00:00"
        );
        assert_eq!(from_excel_serial(1.0).unwrap().to_string(), "1900-01-01");
        assert_eq!(from_excel_serial(61.0).unwrap().to_string(), "1900-03-01");
        assert!(from_excel_serial(-1.0).is_none());
        assert!(from_excel_serial(f64::NAN).is_none());
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("Content 2025-06-01_2025-06-28 My Channel.zip"),
            Some(d(2025, 6, 28))
        );
        assert_eq!(date_in_name("FollowerHistory.csv"), None);
        assert_eq!(date_in_name("export_20240105.csv"), Some(d(2024, 1, 5)));
        assert_eq!(
            date_in_name("Overview_1777507200_x.zip"),
            Some(d(2026, 4, 30))
        );
    }
}
