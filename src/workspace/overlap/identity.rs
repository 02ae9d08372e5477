//! What makes two records the same record, kind by kind, and how large each one's values are
//! (the tie-break between two exports of the same period: lifetime counters only grow).
//!
//! - a post: its network, account and id; without an id, its permalink;
//! - a day of account totals: network, account, day, and the fields its table gives (the
//!   metric's kind: a YouTube `Totals.csv` of views and one of subscribers share their days);
//! - an ad row: network, campaign id (or name), and its period;
//! - a traffic row: its dimensions (source / medium, channel, event), its day and fields;
//! - a Search Console row by day: its day and fields.
//!
//! Rows with no day (traffic or Search Console tables by source, query or page) have no
//! period of their own in the export, so two of them are never the same record: a January
//! and a February export by channel list the same channels with different counts.

use crate::date::Date;
use crate::model::{AdRow, DailyRow, PostRef, SearchDimension, SearchRow};
use crate::model::{Message, Origin, TrafficRow};
use xxhash_rust::xxh3::Xxh3;

/// A record's identity: a 128-bit hash of what makes it itself (a collision between two
/// different records is not a practical concern at 2^-64 for a billion pairs).
pub(super) type Key = u128;

/// One record as the recount weighs it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Weighed {
    /// Its identity, if it has one (a post with neither id nor permalink has none).
    pub(super) key: Option<Key>,
    /// Where it comes from.
    pub(super) source: usize,
    /// Its line there.
    pub(super) line: u64,
    /// The sum of its counters.
    pub(super) size: f64,
    /// Its day (a post's publication, a day's date, an ad period's end), for the period an
    /// export covers.
    pub(super) day: Option<Date>,
}

/// A record that is not there (never asked for: indices stay in bounds).
pub(super) const NONE: Weighed = Weighed {
    key: None,
    source: usize::MAX,
    line: 0,
    size: 0.0,
    day: None,
};

/// Feeds the pieces of an identity, each ended so that `("ab", "c")` differs from `("a", "bc")`.
/// The pieces gather on the stack and are hashed at once (a streaming hasher's state costs
/// more to set up than a short key costs to hash); a long key streams.
struct Identity {
    buf: [u8; 160],
    len: usize,
    long: Option<Box<Xxh3>>,
}

impl Identity {
    fn new(kind: u8) -> Identity {
        let mut id = Identity {
            buf: [0; 160],
            len: 0,
            long: None,
        };
        id.write(&[kind]);
        id
    }

    fn write(&mut self, bytes: &[u8]) {
        if let Some(h) = &mut self.long {
            h.update(bytes);
        } else if self.len + bytes.len() <= self.buf.len() {
            self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
            self.len += bytes.len();
        } else {
            let mut h = Box::new(Xxh3::new());
            h.update(&self.buf[..self.len]);
            h.update(bytes);
            self.long = Some(h);
        }
    }

    fn text(mut self, s: Option<&str>) -> Identity {
        match s {
            Some(s) => {
                self.write(&(s.len() as u64 + 1).to_le_bytes());
                self.write(s.as_bytes());
            }
            None => self.write(&0u64.to_le_bytes()),
        }
        self
    }

    fn day(mut self, d: Option<Date>) -> Identity {
        self.write(&d.map_or(i64::MIN, Date::days).to_le_bytes());
        self
    }

    fn fields(mut self, mask: u64) -> Identity {
        self.write(&mask.to_le_bytes());
        self
    }

    fn key(self) -> Key {
        match self.long {
            Some(h) => h.digest128(),
            None => xxhash_rust::xxh3::xxh3_128(&self.buf[..self.len]),
        }
    }
}

fn weighed(origin: &Origin, key: Option<Key>, size: f64, day: Option<Date>) -> Weighed {
    Weighed {
        key,
        source: origin.file,
        line: origin.line,
        size,
        day,
    }
}

/// The sum of the known values.
fn sum(values: &[Option<f64>]) -> f64 {
    values.iter().flatten().filter(|v| v.is_finite()).sum()
}

/// A post: network, account and id, else network, account and permalink.
pub(super) fn post(p: PostRef<'_>, keyed: bool) -> Weighed {
    let network = p.network().name();
    let id = p.id();
    let key = if !keyed {
        None
    } else if !id.trim().is_empty() {
        Some(
            Identity::new(1)
                .text(Some(network))
                .text(p.account())
                .text(Some(id.trim())),
        )
    } else {
        p.permalink().filter(|l| !l.trim().is_empty()).map(|l| {
            Identity::new(2)
                .text(Some(network))
                .text(p.account())
                .text(Some(l.trim()))
        })
    };
    let size = p.counts_sum();
    let origin = p.origin();
    weighed(
        &origin,
        key.map(Identity::key),
        size,
        p.published().map(|d| d.date),
    )
}

/// A day of account totals; `mask` stands for the fields its table gives.
pub(super) fn daily(r: &DailyRow, mask: u64, keyed: bool) -> Weighed {
    let key = keyed.then(|| {
        Identity::new(3)
            .text(Some(r.network.name()))
            .text(r.account.as_deref())
            .day(Some(r.date))
            .fields(mask)
            .key()
    });
    let size = sum(&[
        r.followers,
        r.new_follows,
        r.unfollows,
        r.impressions,
        r.reach,
        r.views,
        r.profile_views,
        r.engagements,
        r.engaged_users,
        r.reactions,
        r.comments,
        r.shares,
        r.clicks,
        r.posts,
        r.revenue,
    ]);
    weighed(&r.origin, key, size, Some(r.date))
}

/// An ad row: network, campaign id (or name), period.
pub(super) fn ad(r: &AdRow, keyed: bool) -> Weighed {
    let campaign = r.campaign_id.as_deref().filter(|s| !s.trim().is_empty());
    let key = keyed.then(|| {
        Identity::new(4)
            .text(Some(r.network.name()))
            .text(Some(campaign.unwrap_or(&r.campaign).trim()))
            .day(r.start)
            .day(r.end)
            .key()
    });
    let size = sum(&[r.spend, r.impressions, r.reach, r.clicks, r.engagements]);
    weighed(&r.origin, key, size, r.end.or(r.start))
}

/// A traffic row by day: its dimensions, day and fields (none without a day).
pub(super) fn traffic(r: &TrafficRow, mask: u64, keyed: bool) -> Weighed {
    let key = r.date.filter(|_| keyed).map(|d| {
        Identity::new(5)
            .text(r.network.map(|n| n.name()))
            .text(r.source_medium.as_deref())
            .text(r.channel.as_deref())
            .text(r.event.as_deref())
            .day(Some(d))
            .fields(mask)
            .key()
    });
    let size = sum(&[
        r.sessions,
        r.engaged_sessions,
        r.conversions,
        r.users,
        r.event_count,
    ]);
    weighed(&r.origin, key, size, r.date)
}

/// A Search Console row by day (none for rows by query, page, country or device).
pub(super) fn search(r: &SearchRow, mask: u64, keyed: bool) -> Weighed {
    let by_day = keyed && r.dimension == SearchDimension::Date;
    let key = r
        .date
        .filter(|_| by_day)
        .map(|d| Identity::new(6).day(Some(d)).fields(mask).key());
    weighed(&r.origin, key, sum(&[r.clicks, r.impressions]), r.date)
}

/// An inbox message: no identity (two conversations can arrive at the same minute).
pub(super) fn message(r: &Message, _keyed: bool) -> Weighed {
    weighed(&r.origin, None, 0.0, Some(r.received.date))
}
