//! Calendar dates and times as exports write them, with the arithmetic metrics need (day
//! counts, weekdays, ISO weeks, months) and nothing more.
//!
//! Dates are proleptic Gregorian. A [`DateTime`] keeps what the file said: a time of day only
//! when there was one, a UTC offset only when there was one (old X exports say `+0000`; Meta's
//! `07/20/2026 02:00` is in the account's own time zone and has none).
//!
//! [`parse`] reads every date format the exports write (see its list), month names in English,
//! French, Spanish, German and Portuguese, and dates without a year (TikTok's `April 12`),
//! which [`resolve_year`] places on the last occurrence before a reference day; [`parsing`]
//! holds it and its helpers, this file the calendar.

mod packed;
mod parsing;

pub(crate) use packed::{pack, unpack, ASIDE, UNDATED};
pub(crate) use parsing::{date_in_name, fold, from_excel_serial, resolve_year};
pub use parsing::{parse, ParsedDate, SlashOrder};

use serde::{Serialize, Serializer};
use std::fmt;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Days in `month` of `year`.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// `None` unless `month` is 1–12 and `day` exists in that month (years 1000–9999).
    ///
    /// ```
    /// use social_roi::{Date};
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2026, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1000..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01; `None` outside years 1000–9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// This date moved by `n` days.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days().checked_add(n)?)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.days() + 3).rem_euclid(7)) as u8
    }

    /// ISO 8601 week: (week-based year, week 1–53).
    pub fn iso_week(self) -> (i32, u8) {
        let thursday = self.days() - i64::from(self.weekday()) + 3;
        let Some(th) = Date::from_days(thursday) else {
            return (self.year, 1);
        };
        let jan1 = Date {
            year: th.year,
            month: 1,
            day: 1,
        };
        (th.year, ((thursday - jan1.days()) / 7 + 1) as u8)
    }

    /// The Monday of this date's week.
    pub fn week_start(self) -> Date {
        self.add_days(-i64::from(self.weekday())).unwrap_or(self)
    }

    /// The first day of this date's month.
    pub(crate) fn month_start(self) -> Date {
        Date { day: 1, ..self }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    hour: u8,
    minute: u8,
    second: u8,
}

impl Time {
    /// `None` unless 0–23 h, 0–59 min, 0–59 s.
    pub fn new(hour: u8, minute: u8, second: u8) -> Option<Time> {
        (hour < 24 && minute < 60 && second < 60).then_some(Time {
            hour,
            minute,
            second,
        })
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u8 {
        self.hour
    }

    /// The minute, 0–59.
    pub fn minute(self) -> u8 {
        self.minute
    }

    /// The second, 0–59.
    pub fn second(self) -> u8 {
        self.second
    }

    /// Seconds since midnight.
    pub fn seconds(self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }
}

/// A date, with the time of day and UTC offset when the source gave them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The calendar date, in the source's own time zone.
    pub date: Date,
    /// The time of day, if the source had one.
    pub time: Option<Time>,
    /// Minutes east of UTC, if the source said (`+0000` is `Some(0)`).
    pub offset_minutes: Option<i32>,
}

impl DateTime {
    /// A date with no time of day.
    pub fn date(date: Date) -> DateTime {
        DateTime {
            date,
            time: None,
            offset_minutes: None,
        }
    }

    /// Seconds since 1970-01-01 00:00 of the same wall clock (offset ignored; midnight when
    /// there is no time).
    pub(crate) fn local_seconds(self) -> i64 {
        self.date.days() * 86_400 + self.time.map_or(0, Time::seconds)
    }

    /// Seconds since the Unix epoch, when the offset is known.
    pub(crate) fn utc_seconds(self) -> Option<i64> {
        Some(self.local_seconds() - i64::from(self.offset_minutes?) * 60)
    }

    /// The same instant on the wall clock of `offset` minutes east of UTC. Unchanged when this
    /// one has no offset or no time (it is already local, or only a day).
    pub(crate) fn at_offset(self, offset: i32) -> DateTime {
        let (Some(own), Some(_)) = (self.offset_minutes, self.time) else {
            return self;
        };
        let secs = self.local_seconds() + i64::from(offset - own) * 60;
        let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        match Date::from_days(days) {
            Some(date) => DateTime {
                date,
                time: Time::new(
                    (rest / 3600) as u8,
                    (rest % 3600 / 60) as u8,
                    (rest % 60) as u8,
                ),
                offset_minutes: Some(offset),
            },
            None => self,
        }
    }
}

impl fmt::Display for DateTime {
    /// ISO 8601: `2026-07-20`, `2026-07-20T02:00:00`, `2021-11-30T16:00:00+00:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second)?;
            if let Some(o) = self.offset_minutes {
                let sign = if o < 0 { '-' } else { '+' };
                write!(f, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)?;
            }
        }
        Ok(())
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn day_counts_round_trip() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2000, 3, 1).days(), 11_017);
        for n in (-300_000..300_000).step_by(97) {
            let date = Date::from_days(n).unwrap();
            assert_eq!(date.days(), n, "{date}");
        }
        assert_eq!(d(2024, 2, 28).add_days(1), Some(d(2024, 2, 29)));
        assert_eq!(d(2023, 12, 31).add_days(1), Some(d(2024, 1, 1)));
    }

    #[test]
    fn weekdays_and_weeks() {
        assert_eq!(d(2026, 11, 21).weekday(), 5); // a Saturday
        assert_eq!(d(1970, 1, 1).weekday(), 3); // a Thursday
        assert_eq!(d(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(d(2021, 1, 4).iso_week(), (2021, 1));
        assert_eq!(d(2026, 12, 31).iso_week(), (2026, 53));
        assert_eq!(d(2026, 11, 21).week_start(), d(2026, 11, 16));
        assert_eq!(d(2026, 11, 21).month_start(), d(2026, 11, 1));
    }

    #[test]
    fn offsets_move_the_wall_clock() {
        let utc = DateTime {
            date: d(2021, 11, 30),
            time: Time::new(23, 30, 0),
            offset_minutes: Some(0),
        };
        let paris = utc.at_offset(60);
        assert_eq!(paris.to_string(), "2021-12-01T00:30:00+01:00");
        assert_eq!(paris.utc_seconds(), utc.utc_seconds());
        let local = DateTime::date(d(2026, 7, 20));
        assert_eq!(local.at_offset(120), local);
        assert_eq!(local.to_string(), "2026-07-20");
    }
}
