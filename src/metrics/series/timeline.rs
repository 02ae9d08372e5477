//! Where each of a period's posts falls in time, as the series and the heatmap read it, and
//! the posts of a period or an hour added up.
//!
//! A [`Timeline`] depends on the posts' dates alone (the period and the clock), not on the
//! engagement definition: the analysis makes it once and keeps it (as it keeps the posts'
//! groups), so that a preset switch only adds each post's figures to its day and its hour,
//! without placing or sorting the posts again.

use crate::date::{Date, DateTime};
use crate::metrics::engagement::{Pair, PostFacts, Tally};

/// Each post's hour of the week, or this when it has no time of day.
const NO_TIME: u8 = u8::MAX;

/// The days and hours of a period's posts.
#[derive(Debug, Default)]
pub(crate) struct Timeline {
    /// The dated posts' days and their places among the period's posts, by day (in the
    /// posts' order within a day).
    by_day: Vec<(Date, u32)>,
    /// Each post's hour of the week (weekday × 24 + hour: a [`crate::date::Time`] is
    /// 0–23 h), or [`NO_TIME`].
    slots: Vec<u8>,
    /// The posts without a time of day.
    without: usize,
}

impl Timeline {
    /// The timeline of posts published `when` (on the report's clock), in their order.
    pub(crate) fn of(when: impl ExactSizeIterator<Item = Option<DateTime>>) -> Timeline {
        let mut t = Timeline {
            slots: Vec::with_capacity(when.len()),
            ..Timeline::default()
        };
        for (i, w) in when.enumerate() {
            if let Some(w) = w {
                t.by_day.push((w.date, i as u32));
            }
            let slot = w.and_then(|w| Some(w.date.weekday() * 24 + w.time?.hour()));
            t.without += usize::from(slot.is_none());
            t.slots.push(slot.unwrap_or(NO_TIME));
        }
        // Stable: the posts of a day stay in their order.
        crate::metrics::sort_by_day(&mut t.by_day, |(d, _)| d.days());
        t
    }

    /// Whether this is the timeline of `n` posts.
    pub(crate) fn fits(&self, n: usize) -> bool {
        self.slots.len() == n
    }

    /// The dated posts of `facts` (the period's posts' facts, in order) with their days, by day.
    pub(crate) fn dated<'p, 'a>(
        &self,
        facts: &'p [PostFacts<'a>],
    ) -> Vec<(Date, &'p PostFacts<'a>)> {
        self.by_day
            .iter()
            .filter_map(|&(d, i)| Some((d, facts.get(i as usize)?)))
            .collect()
    }

    /// The posts of `facts` added up by hour of the week (weekday × 24 + hour, 0 = Monday
    /// 0 h), and how many have no time of day.
    pub(super) fn by_hour(&self, facts: &[PostFacts]) -> (Vec<Bin>, usize) {
        let mut hours = vec![Bin::new(); 7 * 24];
        for (&slot, f) in self.slots.iter().zip(facts) {
            if let Some(bin) = hours.get_mut(usize::from(slot)) {
                bin.add(f);
            }
        }
        (hours, self.without)
    }
}

/// Posts added up, in their order: their tally under the rule, and the sum of the
/// engagements known (from -0.0, as a float sum starts).
#[derive(Clone, Debug)]
pub(super) struct Bin {
    /// Σ of the known engagements.
    pub engagements: f64,
    /// How many posts have them.
    pub known: usize,
    /// Engagements over the rule's denominator, post by post.
    pub tally: Tally,
}

impl Bin {
    /// No posts.
    pub(super) fn new() -> Bin {
        Bin {
            engagements: -0.0,
            known: 0,
            tally: Tally::of([]),
        }
    }

    /// Adds the post `f`.
    #[inline]
    pub(super) fn add(&mut self, f: &PostFacts) {
        if let Some(e) = f.engagements() {
            self.engagements += e;
            self.known += 1;
        }
        self.tally.add(Pair {
            num: f.engagements(),
            den: f.den(),
        });
    }

    /// How many posts.
    pub(super) fn posts(&self) -> usize {
        self.tally.posts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Time;

    fn at(day: u8, hour: Option<u8>) -> Option<DateTime> {
        Some(DateTime {
            date: Date::new(2026, 6, day)?,
            time: hour.and_then(|h| Time::new(h, 30, 0)),
            offset_minutes: None,
        })
    }

    #[test]
    fn places_posts_by_day_and_hour_of_the_week() {
        // 2026-06-01 is a Monday.
        let when = [
            at(3, Some(9)),
            None,
            at(1, None),
            at(3, Some(23)),
            at(1, Some(0)),
        ];
        let t = Timeline::of(when.into_iter());
        let d = |day| Date::new(2026, 6, day).unwrap();
        // By day, the posts of a day in their order; the undated one left out.
        assert_eq!(t.by_day, [(d(1), 2), (d(1), 4), (d(3), 0), (d(3), 3)]);
        // Wednesday 9 h, none, none (a date without a time), Wednesday 23 h, Monday 0 h.
        assert_eq!(t.slots, [2 * 24 + 9, NO_TIME, NO_TIME, 2 * 24 + 23, 0]);
        assert_eq!(t.without, 2);
        assert!(t.fits(5) && !t.fits(4));
    }
}
