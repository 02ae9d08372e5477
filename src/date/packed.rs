//! A date and time in eight bytes (bit fields), for the stores that keep one per post or per
//! entry: a million `Option<DateTime>`s are 20 bytes each. What the fields cannot hold (an
//! offset past a million minutes, which no export writes) a store keeps aside whole.

use super::{Date, DateTime, Time};

/// No time: what a store writes for `None` (a packed time is never 0).
pub(crate) const UNDATED: u64 = 0;
/// A time kept aside whole (`pack` never gives it): what a store writes for one its bit
/// fields cannot hold.
pub(crate) const ASIDE: u64 = u64::MAX;
/// Bit fields: present (63), year (49–62), month (45–48), day (40–44), time present (39),
/// hour, minute, second (22–38), offset present (21), offset + 2^20 (0–20).
const PRESENT: u64 = 1 << 63;
const HAS_TIME: u64 = 1 << 39;
const HAS_OFFSET: u64 = 1 << 21;
const OFFSET_BIAS: i64 = 1 << 20;

/// `dt` in bit fields, if they hold it.
pub(crate) fn pack(dt: DateTime) -> Option<u64> {
    let d = dt.date;
    let year = u64::try_from(d.year()).ok().filter(|&y| y < 1 << 14)?;
    let mut v = PRESENT | year << 49 | u64::from(d.month()) << 45 | u64::from(d.day()) << 40;
    if let Some(t) = dt.time {
        let hms = u64::from(t.hour()) << 12 | u64::from(t.minute()) << 6 | u64::from(t.second());
        v |= HAS_TIME | hms << 22;
    }
    if let Some(o) = dt.offset_minutes {
        let biased = u64::try_from(i64::from(o) + OFFSET_BIAS)
            .ok()
            .filter(|&b| b < 1 << 21)?;
        v |= HAS_OFFSET | biased;
    }
    Some(v)
}

/// The time `pack` gave `v` for.
pub(crate) fn unpack(v: u64) -> Option<DateTime> {
    let field = |at: u32, bits: u32| (v >> at) & ((1 << bits) - 1);
    let date = Date::new(field(49, 14) as i32, field(45, 4) as u8, field(40, 5) as u8)?;
    let time = (v & HAS_TIME != 0)
        .then(|| Time::new(field(34, 5) as u8, field(28, 6) as u8, field(22, 6) as u8))
        .flatten();
    let offset_minutes = (v & HAS_OFFSET != 0).then(|| (field(0, 21) as i64 - OFFSET_BIAS) as i32);
    Some(DateTime {
        date,
        time,
        offset_minutes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_comes_back_as_it_went_in() {
        let day = |y, m, d| Date::new(y, m, d).unwrap();
        let times = [
            DateTime::date(day(2026, 6, 1)),
            DateTime {
                date: day(2026, 12, 31),
                time: Time::new(23, 59, 59),
                offset_minutes: Some(-720),
            },
            DateTime {
                date: day(1000, 1, 1),
                time: Time::new(0, 0, 0),
                offset_minutes: Some(0),
            },
            DateTime {
                date: day(9999, 2, 28),
                time: None,
                offset_minutes: Some((1 << 20) - 1),
            },
        ];
        for dt in times {
            let v = pack(dt).unwrap();
            assert!(v != UNDATED && v != ASIDE);
            assert_eq!(unpack(v), Some(dt));
        }
        let far = |dt: DateTime| pack(dt).is_none();
        assert!(far(DateTime {
            offset_minutes: Some(1 << 20),
            ..times[0]
        }));
    }
}
