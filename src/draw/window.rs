//! The dates of the window: ISO 8601 dates and date-times as the rules and entries write
//! them, and where an entry's date falls against an end of the window typed to the day,
//! minute or second.

use crate::date::{Date, DateTime, Time};
use std::cmp::Ordering;

/// How precisely a date was written: an end of the window covers the whole day, minute or
/// second it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Precision {
    Day,
    Minute,
    Second,
}

/// Reads an ISO 8601 date or date-time: `2026-06-14`, `2026-06-14 23:59`,
/// `2026-06-14T23:59:30`, with optional fractions of a second and `Z` or `±HH:MM` offset.
pub(super) fn parse_iso(text: &str) -> Option<(DateTime, Precision)> {
    let s = text.trim();
    let date = iso_date(s)?;
    if s.len() == 10 {
        return Some((DateTime::date(date), Precision::Day));
    }
    let (time, precision, end) = iso_time(s)?;
    let offset = iso_offset(s.get(end..)?.trim_start())?;
    Some((
        DateTime {
            date,
            time: Some(time),
            offset_minutes: offset,
        },
        precision,
    ))
}

/// The number written with `len` ASCII digits from byte `from` of `s`.
fn digits_at(s: &str, from: usize, len: usize) -> Option<u32> {
    let part = s.get(from..from + len)?;
    part.bytes()
        .all(|c| c.is_ascii_digit())
        .then(|| part.parse().ok())?
}

/// The `YYYY-MM-DD` that starts `s`.
fn iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() < 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    Date::new(
        i32::try_from(digits_at(s, 0, 4)?).ok()?,
        u8::try_from(digits_at(s, 5, 2)?).ok()?,
        u8::try_from(digits_at(s, 8, 2)?).ok()?,
    )
}

/// The `THH:MM[:SS[.fff]]` after the date (`T`, `t` or a space first): the time, how precise
/// it is, and the byte where it ends.
fn iso_time(s: &str) -> Option<(Time, Precision, usize)> {
    let b = s.as_bytes();
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let hour = digits_at(s, 11, 2)?;
    let minute = digits_at(s, 14, 2)?;
    let (second, precision, end) = if b.get(16) == Some(&b':') {
        let second = digits_at(s, 17, 2)?;
        (second, Precision::Second, after_fraction(b, 19)?)
    } else {
        (0, Precision::Minute, 16)
    };
    let time = Time::new(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
    )?;
    Some((time, precision, end))
}

/// The byte after a fraction of a second (`.5`, `,123`) at `pos`, or `pos` when there is
/// none; `None` for a mark without digits.
fn after_fraction(b: &[u8], pos: usize) -> Option<usize> {
    if !matches!(b.get(pos), Some(b'.' | b',')) {
        return Some(pos);
    }
    let digits = b
        .get(pos + 1..)?
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (digits > 0).then_some(pos + 1 + digits)
}

/// The offset after the time, in minutes: none (`""`), `Z`, or `±HH:MM` (`±HHMM`); `None`
/// when it is anything else.
fn iso_offset(rest: &str) -> Option<Option<i32>> {
    let sign = match rest {
        "" => return Some(None),
        "Z" | "z" => return Some(Some(0)),
        _ => match rest.as_bytes().first()? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        },
    };
    let digits: String = rest.get(1..)?.chars().filter(|&c| c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: i32 = digits.get(..2)?.parse().ok()?;
    let m: i32 = digits.get(2..)?.parse().ok()?;
    if h > 23 || m > 59 {
        return None;
    }
    Some(Some(sign * (h * 60 + m)))
}

/// The canonical text of a parsed date: ISO 8601 at the precision it was written.
pub(super) fn iso(dt: &DateTime, precision: Precision) -> String {
    let mut s = dt.date.to_string();
    if let (Some(t), false) = (dt.time, precision == Precision::Day) {
        s.push_str(&format!("T{:02}:{:02}", t.hour(), t.minute()));
        if precision == Precision::Second {
            s.push_str(&format!(":{:02}", t.second()));
        }
        if let Some(o) = dt.offset_minutes {
            let sign = if o < 0 { '-' } else { '+' };
            s.push_str(&format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60));
        }
    }
    s
}

/// One end of the date window.
#[derive(Clone, Copy, Debug)]
pub(super) struct Bound {
    pub(super) at: DateTime,
    precision: Precision,
}

impl Bound {
    pub(super) fn parse(text: &str) -> Option<Bound> {
        parse_iso(text).map(|(at, precision)| Bound { at, precision })
    }

    /// Seconds of the bound's first (or, with `end`, last) second, on the entry's clock: UTC
    /// when both have an offset, else the wall clock.
    fn seconds(&self, entry: &DateTime, end: bool) -> i64 {
        let span = match self.precision {
            Precision::Day => 86_400,
            Precision::Minute => 60,
            Precision::Second => 1,
        };
        let start = match (self.at.utc_seconds(), entry.offset_minutes) {
            (Some(utc), Some(_)) => utc,
            _ => self.at.local_seconds(),
        };
        if end {
            start + span - 1
        } else {
            start
        }
    }
}

fn entry_seconds(entry: &DateTime, bound: &Bound) -> i64 {
    match (entry.utc_seconds(), bound.at.offset_minutes) {
        (Some(utc), Some(_)) if entry.time.is_some() => utc,
        _ => entry.local_seconds(),
    }
}

/// `Less` when `entry` is before the bound's start, `Greater` after its end.
pub(super) fn compare(entry: &DateTime, bound: &Bound) -> Ordering {
    if entry.time.is_none() || bound.precision == Precision::Day {
        return entry.date.cmp(&bound.at.date);
    }
    let e = entry_seconds(entry, bound);
    if e < bound.seconds(entry, false) {
        Ordering::Less
    } else if e > bound.seconds(entry, true) {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates() {
        let (d, p) = parse_iso("2026-06-14").unwrap();
        assert_eq!((d.to_string(), p), ("2026-06-14".into(), Precision::Day));
        let (d, p) = parse_iso("2026-06-14 23:59").unwrap();
        assert_eq!(iso(&d, p), "2026-06-14T23:59");
        let (d, p) = parse_iso("2026-06-12T19:05:03.123Z").unwrap();
        assert_eq!(iso(&d, p), "2026-06-12T19:05:03+00:00");
        let (d, p) = parse_iso("2026-06-12T19:05:03-0430").unwrap();
        assert_eq!(iso(&d, p), "2026-06-12T19:05:03-04:30");
        for bad in [
            "",
            "2026-6-1",
            "2026-02-30",
            "2026-06-14T25:00",
            "2026-06-14x",
            "14/06/2026",
            "2026-06-14T10:00+5",
        ] {
            assert!(parse_iso(bad).is_none(), "{bad}");
        }
    }
}
