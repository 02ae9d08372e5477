//! Every record counted once: when two files (or two lines of one table) hold the same post,
//! day, ad period or traffic day ([`identity`] says what "the same" is), one of them
//! counts and the others wait aside, in the workspace's `aside` records, until the one that
//! counts is removed (or mapped otherwise): then the best of those left counts again.
//!
//! Which one counts: the later export (the later period end of its table, from the dates in
//! its file name and in its records: lifetime counters only grow), else the larger values,
//! else the one added later. Each table's report says what it shares and with whom
//! ([`Overlap`]), and the workspace's totals how many records were set aside.
//!
//! Written here rather than taken from a crate: it is the dataset's own rule, over the
//! dataset's own record kinds.

mod identity;

use crate::date::Date;
use crate::model::{Origin, Posts, Records};
use crate::schema::RecordKind;
pub(crate) use crate::table::report::Why;
use identity::{Key, Weighed};
use std::cmp::Ordering;
use std::collections::HashMap;

/// What one table shares with another (or with itself: `other` is `None`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Overlap {
    /// The kind of record.
    pub(crate) kind: RecordKind,
    /// The table (its index in `Dataset::files`).
    pub(crate) source: usize,
    /// The other table, or `None` for records listed more than once in this one.
    pub(crate) other: Option<usize>,
    /// How many of this table's records also appear there.
    pub(crate) count: u64,
    /// Whether this table's values are those counted.
    pub(crate) ours: bool,
    /// Why the counted values were chosen (the most common reason over `count` records).
    pub(crate) why: Why,
    /// For records listed more than once in one table: the first lines set aside.
    pub(crate) lines: Vec<u64>,
}

/// The most lines an overlap within a table lists.
const KEEP_LINES: usize = 8;

/// What the recount needs to know of each table (by its index in `Dataset::files`).
pub(crate) trait Tables {
    /// Its name (the dates in it place an export's end).
    fn name(&self, source: usize) -> &str;
    /// Which fields of `kind` it gives (the daily rows of a table of views and those of a
    /// table of subscribers are not the same rows).
    fn mask(&self, source: usize, kind: RecordKind) -> u64;
    /// Whether it is a copy of a table still there (the same file added twice): its records
    /// are all set aside, whatever their kind.
    fn copy(&self, source: usize) -> bool;
    /// How many tables.
    fn len(&self) -> usize;
}

/// Counts every record once: moves what no longer counts from `kept` to `aside` and what
/// counts again back. Returns what each table shares.
pub(crate) fn recount(
    kept: &mut Records,
    aside: &mut Records,
    tables: &dyn Tables,
) -> Vec<Overlap> {
    let mut overlaps = Vec::new();
    let moves: Vec<(RecordKind, Moves)> = {
        let kinds = kinds(kept, aside, tables);
        let ends = period_ends(&kinds, tables);
        let mut decide = |k: &Kind<'_>| decide(k, &ends, tables, &mut overlaps);
        kinds.iter().map(|k| (k.kind, decide(k))).collect()
    };
    for (kind, m) in moves {
        apply(kind, kept, aside, &m);
    }
    overlaps.sort_by_key(|o| (o.source, o.kind as u8, o.other));
    overlaps
}

/// One kind of record of both sets, weighed on demand (nothing is copied): `at(i, keyed)`
/// for `i` below `kept` is a kept record, above it one aside (its identity computed only
/// when `keyed`).
struct Kind<'a> {
    kind: RecordKind,
    kept: usize,
    len: usize,
    at: Box<dyn Fn(usize, bool) -> Weighed + 'a>,
}

fn rows<'a, T>(
    kind: RecordKind,
    kept: &'a [T],
    aside: &'a [T],
    w: impl Fn(&T, bool) -> Weighed + 'a,
) -> Kind<'a> {
    let n = kept.len();
    Kind {
        kind,
        kept: n,
        len: n + aside.len(),
        at: Box::new(move |i, keyed| {
            if i < n {
                w(&kept[i], keyed)
            } else {
                w(&aside[i - n], keyed)
            }
        }),
    }
}

fn posts<'a>(kept: &'a Posts, aside: &'a Posts) -> Kind<'a> {
    let n = kept.len();
    let at = move |i: usize, keyed| {
        let p = if i < n { kept.get(i) } else { aside.get(i - n) };
        p.map_or(identity::NONE, |p| identity::post(p, keyed))
    };
    Kind {
        kind: RecordKind::Posts,
        kept: n,
        len: n + aside.len(),
        at: Box::new(at),
    }
}

/// Every kind, over both sets (inbox messages have no identity: only a copied table's go
/// aside). Contest entries are not here: the draw counts each comment once itself, and its
/// certificate lists every repeat it left out, with its line, for anyone to check.
fn kinds<'a>(kept: &'a Records, aside: &'a Records, tables: &'a dyn Tables) -> Vec<Kind<'a>> {
    let masks = |source, kind| tables.mask(source, kind);
    vec![
        posts(&kept.posts, &aside.posts),
        rows(RecordKind::Daily, &kept.daily, &aside.daily, move |x, k| {
            identity::daily(x, masks(x.origin.file, RecordKind::Daily), k)
        }),
        rows(RecordKind::Ads, &kept.ads, &aside.ads, identity::ad),
        rows(
            RecordKind::Traffic,
            &kept.traffic,
            &aside.traffic,
            move |x, k| identity::traffic(x, masks(x.origin.file, RecordKind::Traffic), k),
        ),
        rows(
            RecordKind::Search,
            &kept.search,
            &aside.search,
            move |x, k| identity::search(x, masks(x.origin.file, RecordKind::Search), k),
        ),
        rows(
            RecordKind::Messages,
            &kept.messages,
            &aside.messages,
            identity::message,
        ),
    ]
}

/// Per table, the end of the period its export covers: the latest date in its name or in
/// its records.
fn period_ends(kinds: &[Kind<'_>], tables: &dyn Tables) -> Vec<Option<Date>> {
    let mut ends: Vec<Option<Date>> = (0..tables.len())
        .map(|s| name_date(tables.name(s)))
        .collect();
    for k in kinds {
        for i in 0..k.len {
            let w = (k.at)(i, false);
            if let Some(end) = ends.get_mut(w.source) {
                *end = (*end).max(w.day);
            }
        }
    }
    ends
}

/// The latest date written in a file name as `20260131` or `2026-01-31` (X, YouTube and
/// Search Console exports name their period so).
pub(crate) fn name_date(name: &str) -> Option<Date> {
    let digits: Vec<(usize, u8)> = name
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b != b'-' && *b != b'_')
        .collect();
    let mut best = None;
    for run in digits.windows(8) {
        let contiguous = run.windows(2).all(|p| p[1].0 - p[0].0 <= 2);
        let all_digits = run.iter().all(|(_, b)| b.is_ascii_digit());
        if !contiguous || !all_digits {
            continue;
        }
        let n = |a: usize, b: usize| -> u32 {
            run[a..b]
                .iter()
                .fold(0, |acc, (_, d)| acc * 10 + u32::from(d - b'0'))
        };
        let year = i32::try_from(n(0, 4))
            .ok()
            .filter(|y| (2004..=2100).contains(y));
        let date = year.and_then(|y| Date::new(y, n(4, 6) as u8, n(6, 8) as u8));
        best = best.max(date);
    }
    best
}

/// Which records move: kept ones that no longer count, and aside ones that count again.
#[derive(Default)]
struct Moves {
    /// Indices in `kept` of the kind's records that no longer count.
    out: Vec<usize>,
    /// Indices in `aside` of the kind's records that count again.
    back: Vec<usize>,
}

/// Whether `a` is to count rather than `b`, and why.
fn better(a: &Weighed, b: &Weighed, ends: &[Option<Date>]) -> (bool, Why) {
    let end = |w: &Weighed| ends.get(w.source).copied().flatten();
    match end(a).cmp(&end(b)) {
        Ordering::Greater => return (true, Why::LaterExport),
        Ordering::Less => return (false, Why::LaterExport),
        Ordering::Equal => {}
    }
    match a.size.total_cmp(&b.size) {
        Ordering::Greater => (true, Why::LargerValues),
        Ordering::Less => (false, Why::LargerValues),
        Ordering::Equal => ((a.source, a.line) > (b.source, b.line), Why::SameValues),
    }
}

/// Decides, for one kind, which record of each identity counts; adds what each table
/// shares to `overlaps`.
fn decide(
    k: &Kind<'_>,
    ends: &[Option<Date>],
    tables: &dyn Tables,
    overlaps: &mut Vec<Overlap>,
) -> Moves {
    let mut best: HashMap<Key, usize, foldhash::fast::FixedState> = HashMap::default();
    for i in 0..k.len {
        let w = (k.at)(i, true);
        let Some(key) = w.key.filter(|_| !tables.copy(w.source)) else {
            continue;
        };
        best.entry(key)
            .and_modify(|b| {
                if better(&w, &(k.at)(*b, true), ends).0 {
                    *b = i;
                }
            })
            .or_insert(i);
    }
    let mut moves = Moves::default();
    let mut tally = Tally::default();
    for i in 0..k.len {
        let w = (k.at)(i, true);
        if tables.copy(w.source) {
            if i < k.kept {
                moves.out.push(i);
            }
            continue;
        }
        let Some(winner) = w.key.and_then(|key| best.get(&key).copied()) else {
            // No identity, or (aside, from a copy now gone) nothing else: it counts.
            if i >= k.kept {
                moves.back.push(i - k.kept);
            }
            continue;
        };
        match (winner == i, i >= k.kept) {
            (false, false) => moves.out.push(i),
            (true, true) => moves.back.push(i - k.kept),
            _ => {}
        }
        if winner != i {
            let win = (k.at)(winner, true);
            tally.add(&w, &win, better(&win, &w, ends).1);
        }
    }
    overlaps.extend(tally.overlaps(k.kind));
    moves
}

/// What each pair of tables shares, counted as records are decided.
#[derive(Default)]
struct Tally {
    /// (table, other table or itself, whether this table's values count) → what they share.
    pairs: HashMap<(usize, usize, bool), Shared>,
}

/// The records two tables share (or one table lists twice).
#[derive(Default)]
struct Shared {
    count: u64,
    /// How many for each [`Why`].
    reasons: [u64; 3],
    /// The first lines set aside, for a table's own repeats.
    lines: Vec<u64>,
}

impl Shared {
    fn add(&mut self, why: Why) {
        self.count += 1;
        self.reasons[why as usize] += 1;
    }

    /// The most common reason.
    fn why(&self) -> Why {
        let r = self.reasons;
        let most = (0..3)
            .max_by_key(|&i| (r[i], std::cmp::Reverse(i)))
            .unwrap_or(0);
        [Why::LaterExport, Why::LargerValues, Why::SameValues][most]
    }
}

impl Tally {
    /// `loser` shares its identity with `winner`, which counts for `why`.
    fn add(&mut self, loser: &Weighed, winner: &Weighed, why: Why) {
        if loser.source == winner.source {
            let e = self
                .pairs
                .entry((loser.source, loser.source, true))
                .or_default();
            e.add(why);
            if e.lines.len() < KEEP_LINES {
                e.lines.push(loser.line);
            }
            return;
        }
        for (table, other, ours) in [
            (loser.source, winner.source, false),
            (winner.source, loser.source, true),
        ] {
            self.pairs.entry((table, other, ours)).or_default().add(why);
        }
    }

    fn overlaps(self, kind: RecordKind) -> Vec<Overlap> {
        self.pairs
            .into_iter()
            .map(|((source, other, ours), mut shared)| {
                shared.lines.sort_unstable();
                Overlap {
                    kind,
                    source,
                    other: (other != source).then_some(other),
                    count: shared.count,
                    ours,
                    why: shared.why(),
                    lines: shared.lines,
                }
            })
            .collect()
    }
}

/// Moves one kind's records as decided, keeping `kept` in file and line order.
fn apply(kind: RecordKind, kept: &mut Records, aside: &mut Records, m: &Moves) {
    if m.out.is_empty() && m.back.is_empty() {
        return;
    }
    match kind {
        RecordKind::Posts => move_posts(&mut kept.posts, &mut aside.posts, m),
        RecordKind::Daily => move_rows(&mut kept.daily, &mut aside.daily, m, |x| &x.origin),
        RecordKind::Ads => move_rows(&mut kept.ads, &mut aside.ads, m, |x| &x.origin),
        RecordKind::Traffic => move_rows(&mut kept.traffic, &mut aside.traffic, m, |x| &x.origin),
        RecordKind::Search => move_rows(&mut kept.search, &mut aside.search, m, |x| &x.origin),
        RecordKind::Entries => {}
        RecordKind::Messages => {
            move_rows(&mut kept.messages, &mut aside.messages, m, |x| &x.origin)
        }
    }
}

fn move_rows<T>(kept: &mut Vec<T>, aside: &mut Vec<T>, m: &Moves, origin: impl Fn(&T) -> &Origin) {
    let (stay_aside, back) = split(std::mem::take(aside), &m.back);
    let (stay, out) = split(std::mem::take(kept), &m.out);
    *kept = stay;
    *aside = stay_aside;
    aside.extend(out);
    if !back.is_empty() {
        kept.extend(back);
        kept.sort_by_key(|x| (origin(x).file, origin(x).line));
    }
}

/// `v` without the items at `indices` (sorted), and those items.
fn split<T>(v: Vec<T>, indices: &[usize]) -> (Vec<T>, Vec<T>) {
    let mut taken = Vec::with_capacity(indices.len());
    let mut rest = Vec::with_capacity(v.len().saturating_sub(indices.len()));
    let mut next = indices.iter().peekable();
    for (i, x) in v.into_iter().enumerate() {
        if next.peek() == Some(&&i) {
            next.next();
            taken.push(x);
        } else {
            rest.push(x);
        }
    }
    (rest, taken)
}

fn move_posts(kept: &mut Posts, aside: &mut Posts, m: &Moves) {
    let back = aside.split_off_where(|i| m.back.binary_search(&i).is_err());
    let out = kept.split_off_where(|i| m.out.binary_search(&i).is_err());
    aside.append(out);
    if !back.is_empty() {
        let mut all = kept.to_vec();
        all.extend(back.to_vec());
        all.sort_by_key(|p| (p.origin.file, p.origin.line));
        *kept = all.into();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        let d = |s: &str| name_date(s).map(|d| d.to_string());
        assert_eq!(
            d("tweet_activity_metrics_acme_20260101_20260201_en.csv").as_deref(),
            Some("2026-02-01")
        );
        assert_eq!(d("Totals 2026-03-31.csv").as_deref(), Some("2026-03-31"));
        assert_eq!(d("part-a.csv"), None);
        assert_eq!(d("acme_content_1714435200000.xls"), None);
        assert_eq!(d("IMG_12345678.csv"), None);
    }
}
