//! The posts of a table or a dataset, by column: per post a few bytes for each count a file
//! gives, its texts in a column's few large strings, its account and type once per distinct
//! one, its id as a number when it is one, its address as a shared prefix and last segment
//! (none when that is the id), its date in bit fields. A post comes in as an owned [`Post`], or
//! as a [`PostIn`] whose texts borrow the row it was read from (the import writes each text
//! once, here), and is read back through a [`PostRef`], which borrows the store and reads each
//! field on demand.
//!
//! Written by hand: what it keeps (counts as `u16`, then `u32`, until a value needs an `f64`;
//! ids and addresses in parts) is specific to exports, where most posts share their account
//! and type and most counts are small integers. The store never holds NaN as a value: `None`
//! is a sentinel inside a column, and what comes out is an `Option<f64>`.

use super::{Network, Origin, Post, PostMetrics};
use crate::date::{pack, unpack, DateTime, ASIDE, UNDATED};
use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Deref;

/// A post on its way into [`Posts`]: a [`Post`] whose texts are borrowed (from the import's
/// row, or a [`Post`]'s own), copied once into the store's columns.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PostIn<'a> {
    /// The platform's id, as written.
    pub id: Cow<'a, str>,
    /// Where it was published.
    pub network: Network,
    /// The account or page.
    pub account: Option<Cow<'a, str>>,
    /// When it was published.
    pub published: Option<DateTime>,
    /// Its text, title or caption.
    pub text: Option<Cow<'a, str>>,
    /// Its type as the platform names it.
    pub kind: Option<Cow<'a, str>>,
    /// Its address.
    pub permalink: Option<Cow<'a, str>>,
    /// What the audience did.
    pub metrics: PostMetrics,
    /// ISO code of the revenue, if known.
    pub currency: Option<&'a str>,
    /// The file and line it came from.
    pub origin: Origin,
}

impl<'a> PostIn<'a> {
    /// `post`, borrowed.
    fn of(post: &'a Post) -> PostIn<'a> {
        let text = |t: &'a Option<String>| t.as_deref().map(Cow::Borrowed);
        PostIn {
            id: Cow::Borrowed(&post.id),
            network: post.network,
            account: text(&post.account),
            published: post.published,
            text: text(&post.text),
            kind: text(&post.kind),
            permalink: text(&post.permalink),
            metrics: post.metrics.clone(),
            currency: post.currency.as_deref(),
            origin: post.origin.clone(),
        }
    }
}

/// Texts of one column, in strings of [`CHUNK`] bytes that are filled one after the other and
/// never grow: holding them costs what they hold, with no moment where a doubled string and
/// its copy are both alive. Each post's text is a range of one of them.
#[derive(Clone, Debug, Default, PartialEq)]
struct TextColumn {
    chunks: Vec<String>,
    /// Per post: its chunk, start and end, or `NONE` for no text.
    ranges: Vec<(u32, u32, u32)>,
}

/// The size of a text column's strings (a longer text gets one of its own).
const CHUNK: usize = 1 << 20;

const NONE: u32 = u32::MAX;

impl TextColumn {
    fn push(&mut self, text: Option<&str>) {
        let Some(t) = text else {
            self.ranges.push((NONE, 0, 0));
            return;
        };
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= t.len());
        if !fits {
            self.chunks.push(String::with_capacity(CHUNK.max(t.len())));
        }
        let chunk = self.chunks.len() - 1;
        let c = &mut self.chunks[chunk];
        let start = c.len();
        c.push_str(t);
        self.ranges
            .push((offset(chunk), offset(start), offset(c.len())));
    }

    fn get(&self, i: usize) -> Option<&str> {
        let (chunk, start, end) = *self.ranges.get(i)?;
        let c = self.chunks.get(chunk as usize)?;
        Some(c.get(start as usize..end as usize).unwrap_or(""))
    }
}

/// A position as a range bound: the readers bound files far below 4 GiB.
fn offset(p: usize) -> u32 {
    u32::try_from(p).unwrap_or(NONE - 1)
}

/// Texts that repeat (accounts, post types): each distinct one stored once.
#[derive(Clone, Debug, Default, PartialEq)]
struct SymbolColumn {
    names: Vec<String>,
    index: HashMap<String, u32>,
    /// Per post: its name's index, or `NONE`.
    ids: Vec<u32>,
}

impl SymbolColumn {
    /// Adds `name` unless it is new and `max` names are known already: false then, and
    /// nothing is added (the caller says what the post has instead).
    fn push_bounded(&mut self, name: &str, max: usize) -> bool {
        let fits = self.names.len() < max || self.index.contains_key(name);
        if fits {
            self.push(Some(name));
        }
        fits
    }

    fn push(&mut self, name: Option<&str>) {
        // Most posts name what the one before named: compared before anything is hashed.
        let previous = self.ids.last().and_then(|&id| self.names.get(id as usize));
        let id = match name {
            Some(n) if previous.is_some_and(|p| p == n) => self.ids[self.ids.len() - 1],
            Some(n) => match self.index.get(n) {
                Some(&id) => id,
                None => {
                    let id = offset(self.names.len());
                    self.names.push(n.to_string());
                    self.index.insert(n.to_string(), id);
                    id
                }
            },
            None => NONE,
        };
        self.ids.push(id);
    }

    fn get(&self, i: usize) -> Option<&str> {
        let id = *self.ids.get(i)?;
        self.names.get(id as usize).map(String::as_str)
    }
}

/// The posts' ids: the canonical decimal spelling of a number below 2^63 (most platforms'
/// ids) kept as that number, or such a number after a head and `_` (Meta's
/// `page_post`) as the number and the head among the column's distinct ones; any other id as
/// text.
#[derive(Clone, Debug, Default, PartialEq)]
struct IdColumn {
    /// Per post: its number, or [`TEXT_ID`] with the index of its text in `texts`.
    ids: Vec<u64>,
    /// Per post, once a post has one (none before): the head of its id, or [`NONE`].
    heads: SymbolColumn,
    texts: TextColumn,
}

/// The mark of an id kept as text.
const TEXT_ID: u64 = 1 << 63;

impl IdColumn {
    fn push(&mut self, id: &str) {
        let len = self.ids.len();
        let (head, n) = match id.rsplit_once('_') {
            Some((head, tail)) if !head.is_empty() => match decimal(tail) {
                Some(n) if self.push_head(len, head) => (true, n),
                _ => (false, self.text(id)),
            },
            _ => (false, decimal(id).unwrap_or_else(|| self.text(id))),
        };
        if !head && !self.heads.ids.is_empty() {
            self.heads.push(None);
        }
        self.ids.push(n);
    }

    /// `head` noted for post `len`, unless it is longer than [`MAX_HEAD`] or the column knows
    /// [`MAX_PREFIXES`] heads already.
    fn push_head(&mut self, len: usize, head: &str) -> bool {
        if head.len() > MAX_HEAD {
            return false;
        }
        if self.heads.ids.is_empty() {
            self.heads.ids.resize(len, NONE);
        }
        self.heads.push_bounded(head, MAX_PREFIXES)
    }

    /// `id` kept as text: its mark.
    fn text(&mut self, id: &str) -> u64 {
        let k = self.texts.ranges.len() as u64;
        self.texts.push(Some(id));
        TEXT_ID | k
    }

    fn get(&self, i: usize) -> PostId<'_> {
        match self.ids.get(i) {
            Some(&n) if n & TEXT_ID == 0 => PostId::number(self.heads.get(i), n),
            Some(&k) => PostId::text(self.texts.get((k & !TEXT_ID) as usize).unwrap_or("")),
            None => PostId::text(""),
        }
    }
}

/// `s` as a number when writing the number back gives `s`: 1 to 19 ASCII digits, no leading
/// zero (but `0` itself), below [`TEXT_ID`].
fn decimal(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 19 || (b[0] == b'0' && b.len() > 1) {
        return None;
    }
    let mut n: u64 = 0;
    for &c in b {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u64::from(d);
    }
    (n < TEXT_ID).then_some(n)
}

/// A post's id as written ([`PostRef::id`]): borrowed from the store, or an id the store
/// keeps as a number (after its head, when it has one) written out here, with no allocation.
/// Read it as a `&str` ([`as_str`](PostId::as_str)`().to_string()` copies it; `to_string`
/// alone goes through `Display`, a format).
#[derive(Clone, Copy)]
pub struct PostId<'a> {
    text: &'a str,
    /// The id written out ends the array; nothing for an id borrowed.
    spelled: [u8; SPELLED],
    len: u8,
}

/// The longest id written out: a head of [`MAX_HEAD`] bytes, `_` and 19 digits.
const SPELLED: usize = 64;
const MAX_HEAD: usize = SPELLED - 20;

impl<'a> PostId<'a> {
    fn text(text: &'a str) -> PostId<'a> {
        PostId {
            text,
            spelled: [0; SPELLED],
            len: 0,
        }
    }

    /// `n` after `head` and `_` (a head is at most [`MAX_HEAD`] bytes).
    fn number(head: Option<&str>, mut n: u64) -> PostId<'a> {
        let mut id = PostId::text("");
        let mut put = |b: u8| {
            id.len += 1;
            id.spelled[SPELLED - id.len as usize] = b;
        };
        // Two digits a division (a 19-digit id: ten, not nineteen).
        while n >= 100 {
            let pair = (n % 100) as u8;
            put(b'0' + pair % 10);
            put(b'0' + pair / 10);
            n /= 100;
        }
        let last = n as u8;
        put(b'0' + last % 10);
        if last >= 10 {
            put(b'0' + last / 10);
        }
        if let Some(head) = head.filter(|h| h.len() <= MAX_HEAD) {
            put(b'_');
            head.bytes().rev().for_each(put);
        }
        id
    }
}

impl PostId<'_> {
    /// The id.
    pub fn as_str(&self) -> &str {
        self
    }
}

impl fmt::Display for PostId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Deref for PostId<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        if self.len == 0 {
            return self.text;
        }
        let spelled = self
            .spelled
            .get(SPELLED - self.len as usize..)
            .unwrap_or(&[]);
        std::str::from_utf8(spelled).unwrap_or("")
    }
}

impl fmt::Debug for PostId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl PartialEq<&str> for PostId<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

/// The posts' addresses, each cut before its last segment (a `/` ending it stays with the
/// segment): the prefix (`https://x.com/acme/status/`) among the column's distinct ones, the
/// segment as text, or nothing when it is the post's id. Past [`MAX_PREFIXES`] distinct
/// prefixes an address is kept whole.
#[derive(Clone, Debug, Default, PartialEq)]
struct LinkColumn {
    prefixes: SymbolColumn,
    /// Per post: [`NONE`] (no address), [`SAME_AS_ID`], or the index of its segment in `rests`.
    rest: Vec<u32>,
    rests: TextColumn,
}

/// An address whose last segment is the post's id, or what follows the id's last `_`.
const SAME_AS_ID: u32 = NONE - 1;
const SAME_AS_ID_TAIL: u32 = NONE - 2;

/// The most distinct prefixes a column keeps.
const MAX_PREFIXES: usize = 4096;

impl LinkColumn {
    fn push(&mut self, link: Option<&str>, id: &str) {
        let Some(l) = link else {
            self.prefixes.push(None);
            self.rest.push(NONE);
            return;
        };
        let cut = l
            .get(..l.len().saturating_sub(1))
            .and_then(|head| head.rfind('/'))
            .map_or(0, |k| k + 1);
        let (prefix, segment) = l.split_at(cut);
        let rest = if self.prefixes.push_bounded(prefix, MAX_PREFIXES) {
            segment
        } else {
            self.prefixes.push(None);
            l
        };
        let tail = id.rsplit_once('_').map(|(_, tail)| tail);
        if rest.len() == segment.len() && rest == id {
            self.rest.push(SAME_AS_ID);
        } else if rest.len() == segment.len() && tail == Some(rest) {
            self.rest.push(SAME_AS_ID_TAIL);
        } else {
            self.rest.push(offset(self.rests.ranges.len()));
            self.rests.push(Some(rest));
        }
    }

    fn get(&self, i: usize, id: PostId<'_>) -> Option<Cow<'_, str>> {
        let r = *self.rest.get(i)?;
        let prefix = self.prefixes.get(i).unwrap_or("");
        let owned = |rest: &str| Cow::Owned([prefix, rest].concat());
        Some(match r {
            NONE => return None,
            SAME_AS_ID => owned(&id),
            SAME_AS_ID_TAIL => owned(id.rsplit_once('_').map_or("", |(_, tail)| tail)),
            _ => match self.rests.get(r as usize).unwrap_or("") {
                rest if prefix.is_empty() => Cow::Borrowed(rest),
                rest => owned(rest),
            },
        })
    }
}

/// The posts' publication times in eight bytes each: the date, the time of day and the offset
/// in bit fields (see [`pack`]); a time they cannot hold (an offset past a million minutes,
/// which no export writes) is kept aside whole.
#[derive(Clone, Debug, Default, PartialEq)]
struct DateColumn {
    packed: Vec<u64>,
    /// By post, in order: the times kept aside ([`ASIDE`] in `packed`).
    aside: Vec<(usize, DateTime)>,
}

impl DateColumn {
    fn push(&mut self, dt: Option<DateTime>) {
        let v = match dt {
            None => UNDATED,
            Some(dt) => pack(dt).unwrap_or_else(|| {
                self.aside.push((self.packed.len(), dt));
                ASIDE
            }),
        };
        self.packed.push(v);
    }

    fn get(&self, i: usize) -> Option<DateTime> {
        match *self.packed.get(i)? {
            UNDATED => None,
            ASIDE => {
                let k = self.aside.binary_search_by_key(&i, |a| a.0).ok()?;
                Some(self.aside[k].1)
            }
            v => unpack(v),
        }
    }
}

/// The posts' origins: each post's line in four bytes (from `u32::MAX` on, kept aside), the
/// file once per run of posts from one file.
#[derive(Clone, Debug, Default, PartialEq)]
struct OriginColumn {
    lines: Vec<u32>,
    /// By post, in order: the lines kept aside (`u32::MAX` in `lines`).
    far: Vec<(usize, u64)>,
    /// The first post and the file of each run of posts from one file, in order.
    files: Vec<(usize, usize)>,
}

impl OriginColumn {
    fn push(&mut self, o: &Origin) {
        let i = self.lines.len();
        if self.files.last().is_none_or(|&(_, f)| f != o.file) {
            self.files.push((i, o.file));
        }
        let line = u32::try_from(o.line).unwrap_or(u32::MAX);
        if line == u32::MAX {
            self.far.push((i, o.line));
        }
        self.lines.push(line);
    }

    fn get(&self, i: usize) -> Origin {
        let run = self.files.partition_point(|&(first, _)| first <= i);
        let file = run.checked_sub(1).map_or(0, |r| self.files[r].1);
        let line = match self.lines.get(i) {
            Some(&u32::MAX) => self
                .far
                .binary_search_by_key(&i, |f| f.0)
                .map_or(u64::from(u32::MAX), |k| self.far[k].1),
            Some(&l) => u64::from(l),
            None => 0,
        };
        Origin { file, line }
    }
}

/// One count of every post: nothing while no post has it, `u16`s then `u32`s while every
/// value is a whole number below `u16::MAX`, then `u32::MAX`, `f64`s from the first that is not.
#[derive(Clone, Debug, PartialEq)]
enum NumberColumn {
    /// No post so far has a value.
    Absent,
    Narrow(Vec<u16>),
    Small(Vec<u32>),
    Wide(Vec<f64>),
}

/// `None` in a `Narrow` column.
const NARROW_NONE: u16 = u16::MAX;

/// `None` in a `Wide` column: a NaN no value can be (values are finite).
const WIDE_NONE: u64 = 0x7ff8_dead_beef_0001;

impl NumberColumn {
    #[inline(always)]
    fn push(&mut self, len: usize, value: Option<f64>) {
        match (&mut *self, value) {
            (NumberColumn::Absent, None) => {}
            (NumberColumn::Absent, Some(_)) => {
                *self = NumberColumn::Narrow(vec![NARROW_NONE; len]);
                self.push(len, value);
            }
            (NumberColumn::Narrow(v), None) => v.push(NARROW_NONE),
            (NumberColumn::Narrow(v), Some(x)) => match small(x) {
                Some(n) if n < u32::from(NARROW_NONE) => v.push(n as u16),
                _ => {
                    let small = v.iter().map(|&n| match n {
                        NARROW_NONE => NONE,
                        n => u32::from(n),
                    });
                    *self = NumberColumn::Small(small.collect());
                    self.push(len, value);
                }
            },
            (NumberColumn::Small(v), None) => v.push(NONE),
            (NumberColumn::Small(v), Some(x)) => match small(x) {
                Some(n) => v.push(n),
                None => {
                    let mut wide: Vec<f64> = v.iter().map(|&n| widen(n)).collect();
                    wide.push(x);
                    *self = NumberColumn::Wide(wide);
                }
            },
            (NumberColumn::Wide(v), x) => v.push(x.unwrap_or(f64::from_bits(WIDE_NONE))),
        }
    }

    #[inline]
    fn get(&self, i: usize) -> Option<f64> {
        match self {
            NumberColumn::Absent => None,
            NumberColumn::Narrow(v) => v
                .get(i)
                .filter(|&&n| n != NARROW_NONE)
                .map(|&n| f64::from(n)),
            NumberColumn::Small(v) => v.get(i).filter(|&&n| n != NONE).map(|&n| f64::from(n)),
            NumberColumn::Wide(v) => v.get(i).copied().filter(|x| !x.is_nan()),
        }
    }
}

/// `x` as a `u32` when it is one exactly: a whole number from 0 (not -0) below `NONE`.
/// Compared bit for bit after the round trip (what `fract` would say, without its call).
#[inline]
fn small(x: f64) -> Option<u32> {
    let n = x as u32;
    (n != NONE && f64::from(n).to_bits() == x.to_bits()).then_some(n)
}

fn widen(n: u32) -> f64 {
    if n == NONE {
        f64::from_bits(WIDE_NONE)
    } else {
        f64::from(n)
    }
}

/// One count of [`PostMetrics`]: what a column of [`Posts`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Metric {
    Impressions,
    Reach,
    Views,
    Engagements,
    Reactions,
    Comments,
    Shares,
    Saves,
    Clicks,
    LinkClicks,
    ProfileVisits,
    NewFollows,
    VideoViews,
    WatchTimeHours,
    FollowersAtPost,
    PlatformEngagementRate,
    NetFollows,
    Revenue,
    NegativeFeedback,
    Hides,
    HidesAll,
    PageUnlikes,
    SpamReports,
    Unfollows,
}

impl PostMetrics {
    /// The count `m`.
    pub fn get(&self, m: Metric) -> Option<f64> {
        metrics_of(self)[m as usize]
    }
}

const METRICS: usize = 24;

fn metrics_of(m: &PostMetrics) -> [Option<f64>; METRICS] {
    [
        m.impressions,
        m.reach,
        m.views,
        m.engagements,
        m.reactions,
        m.comments,
        m.shares,
        m.saves,
        m.clicks,
        m.link_clicks,
        m.profile_visits,
        m.new_follows,
        m.video_views,
        m.watch_time_hours,
        m.followers_at_post,
        m.platform_engagement_rate,
        m.net_follows,
        m.revenue,
        m.negative_feedback,
        m.hides,
        m.hides_all,
        m.page_unlikes,
        m.spam_reports,
        m.unfollows,
    ]
}

fn metrics_from(v: [Option<f64>; METRICS]) -> PostMetrics {
    let [impressions, reach, views, engagements, reactions, comments, shares, saves, clicks, link_clicks, profile_visits, new_follows, video_views, watch_time_hours, followers_at_post, platform_engagement_rate, net_follows, revenue, negative_feedback, hides, hides_all, page_unlikes, spam_reports, unfollows] =
        v;
    PostMetrics {
        impressions,
        reach,
        views,
        engagements,
        reactions,
        comments,
        shares,
        saves,
        clicks,
        link_clicks,
        profile_visits,
        new_follows,
        video_views,
        watch_time_hours,
        followers_at_post,
        platform_engagement_rate,
        net_follows,
        revenue,
        negative_feedback,
        hides,
        hides_all,
        page_unlikes,
        spam_reports,
        unfollows,
    }
}

/// The posts of a table or a dataset, by column.
#[derive(Clone, Debug)]
pub struct Posts {
    ids: IdColumn,
    networks: Vec<Network>,
    accounts: SymbolColumn,
    published: DateColumn,
    texts: TextColumn,
    kinds: SymbolColumn,
    permalinks: LinkColumn,
    metrics: [NumberColumn; METRICS],
    currencies: SymbolColumn,
    origins: OriginColumn,
}

impl Default for Posts {
    fn default() -> Self {
        Posts {
            ids: IdColumn::default(),
            networks: Vec::new(),
            accounts: SymbolColumn::default(),
            published: DateColumn::default(),
            texts: TextColumn::default(),
            kinds: SymbolColumn::default(),
            permalinks: LinkColumn::default(),
            metrics: std::array::from_fn(|_| NumberColumn::Absent),
            currencies: SymbolColumn::default(),
            origins: OriginColumn::default(),
        }
    }
}

impl Posts {
    /// No posts.
    pub fn new() -> Posts {
        Posts::default()
    }

    /// How many posts.
    pub fn len(&self) -> usize {
        self.networks.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.networks.is_empty()
    }

    /// Adds `post` at the end.
    pub fn push(&mut self, post: Post) {
        self.push_in(&PostIn::of(&post));
    }

    /// Adds `post` at the end, its texts copied into the columns.
    pub(crate) fn push_in(&mut self, post: &PostIn<'_>) {
        let len = self.len();
        self.ids.push(&post.id);
        self.networks.push(post.network);
        self.accounts.push(post.account.as_deref());
        self.published.push(post.published);
        self.texts.push(post.text.as_deref());
        self.kinds.push(post.kind.as_deref());
        self.permalinks.push(post.permalink.as_deref(), &post.id);
        for (column, value) in self.metrics.iter_mut().zip(metrics_of(&post.metrics)) {
            column.push(len, value);
        }
        self.currencies.push(post.currency);
        self.origins.push(&post.origin);
    }

    /// Changes post `i` with `change` (tests, and merging a later export's values).
    pub fn update(&mut self, i: usize, change: impl FnOnce(&mut Post)) {
        let Some(p) = self.get(i) else { return };
        let mut post = p.to_post();
        change(&mut post);
        let mut all = self.to_vec();
        all[i] = post;
        *self = all.into();
    }

    /// Post `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<PostRef<'_>> {
        (i < self.len()).then_some(PostRef { posts: self, i })
    }

    /// Every post, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = PostRef<'_>> + '_ {
        (0..self.len()).map(move |i| PostRef { posts: self, i })
    }

    /// The posts as owned values (tests, and the rare caller that changes them).
    pub fn to_vec(&self) -> Vec<Post> {
        self.iter().map(|p| p.to_post()).collect()
    }

    /// Calls `f` on every post's origin (and keeps what it changes).
    pub(crate) fn for_each_origin(&mut self, mut f: impl FnMut(&mut Origin)) {
        let mut origins = OriginColumn::default();
        for i in 0..self.len() {
            let mut o = self.origins.get(i);
            f(&mut o);
            origins.push(&o);
        }
        self.origins = origins;
    }

    /// Keeps the posts whose origin `keep` accepts, in order.
    pub(crate) fn retain(&mut self, keep: impl Fn(&Origin) -> bool) {
        if (0..self.len()).all(|i| keep(&self.origins.get(i))) {
            return;
        }
        *self = self
            .iter()
            .filter(|p| keep(&p.origin()))
            .map(|p| p.to_post())
            .collect();
    }

    /// Keeps the posts whose index `keep` accepts, in order; returns those it did not.
    pub(crate) fn split_off_where(&mut self, keep: impl Fn(usize) -> bool) -> Posts {
        if (0..self.len()).all(&keep) {
            return Posts::new();
        }
        let (kept, gone): (Vec<PostRef<'_>>, Vec<PostRef<'_>>) =
            self.iter().partition(|p| keep(p.i));
        let gone: Posts = gone.into_iter().map(|p| p.to_post()).collect();
        let kept: Posts = kept.into_iter().map(|p| p.to_post()).collect();
        *self = kept;
        gone
    }

    /// Moves `other`'s posts to the end of these.
    pub(crate) fn append(&mut self, other: Posts) {
        if self.is_empty() {
            *self = other;
            return;
        }
        other.iter().for_each(|p| self.push(p.to_post()));
    }
}

/// Equal when they hold the same posts, however their columns are stored.
impl PartialEq for Posts {
    fn eq(&self, other: &Posts) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|(a, b)| a.to_post() == b.to_post())
    }
}

impl FromIterator<Post> for Posts {
    fn from_iter<I: IntoIterator<Item = Post>>(iter: I) -> Posts {
        let mut posts = Posts::new();
        iter.into_iter().for_each(|p| posts.push(p));
        posts
    }
}

impl Extend<Post> for Posts {
    fn extend<I: IntoIterator<Item = Post>>(&mut self, iter: I) {
        iter.into_iter().for_each(|p| self.push(p));
    }
}

impl From<Vec<Post>> for Posts {
    fn from(v: Vec<Post>) -> Posts {
        v.into_iter().collect()
    }
}

impl Serialize for Posts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for p in self.iter() {
            seq.serialize_element(&p.to_post())?;
        }
        seq.end()
    }
}

/// One post of a [`Posts`], read field by field.
#[derive(Clone, Copy, Debug)]
pub struct PostRef<'a> {
    posts: &'a Posts,
    i: usize,
}

impl<'a> PostRef<'a> {
    /// Its position in the store.
    pub fn index(self) -> usize {
        self.i
    }

    /// The platform's id, as written.
    pub fn id(self) -> PostId<'a> {
        self.posts.ids.get(self.i)
    }

    /// Where it was published.
    pub fn network(self) -> Network {
        self.posts.networks[self.i]
    }

    /// The account or page, when the export names it.
    pub fn account(self) -> Option<&'a str> {
        self.posts.accounts.get(self.i)
    }

    /// When it was published.
    pub fn published(self) -> Option<DateTime> {
        self.posts.published.get(self.i)
    }

    /// Its text, title or caption.
    pub fn text(self) -> Option<&'a str> {
        self.posts.texts.get(self.i)
    }

    /// Its type as the platform names it.
    pub fn kind(self) -> Option<&'a str> {
        self.posts.kinds.get(self.i)
    }

    /// Which of the store's distinct types it has (`None`: no type): posts with the same
    /// type as written have the same one, whatever their position.
    pub(crate) fn kind_id(self) -> Option<u32> {
        let id = *self.posts.kinds.ids.get(self.i)?;
        (id != NONE).then_some(id)
    }

    /// Its address (written out when the store keeps it in parts).
    pub fn permalink(self) -> Option<Cow<'a, str>> {
        self.posts.permalinks.get(self.i, self.id())
    }

    /// The count `m`, if the export gave it: one column read.
    #[inline]
    pub fn metric(self, m: Metric) -> Option<f64> {
        self.posts.metrics[m as usize].get(self.i)
    }

    /// What the audience did, every count (prefer [`metric`](PostRef::metric) for one).
    pub fn metrics(self) -> PostMetrics {
        metrics_from(std::array::from_fn(|m| self.posts.metrics[m].get(self.i)))
    }

    /// The sum of its known counts: the larger of two exports of one post (counters only grow).
    pub(crate) fn counts_sum(self) -> f64 {
        // A loop, as `Iterator::sum` adds (from -0.0, in order): in WebAssembly (opt-level
        // "s") the iterator's sum was a call per post of every file read.
        let mut sum = -0.0;
        for column in &self.posts.metrics {
            match column.get(self.i) {
                Some(v) if v.is_finite() => sum += v,
                _ => {}
            }
        }
        sum
    }

    /// The currency of its revenue, if known.
    pub fn currency(self) -> Option<&'a str> {
        self.posts.currencies.get(self.i)
    }

    /// The file and line it came from.
    pub fn origin(self) -> Origin {
        self.posts.origins.get(self.i)
    }

    /// The post, owned.
    pub fn to_post(self) -> Post {
        Post {
            id: self.id().as_str().to_string(),
            network: self.network(),
            account: self.account().map(str::to_string),
            published: self.published(),
            text: self.text().map(str::to_string),
            kind: self.kind().map(str::to_string),
            permalink: self.permalink().map(Cow::into_owned),
            metrics: self.metrics(),
            currency: self.currency().map(str::to_string),
            origin: self.origin(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::{Date, Time};

    fn post(i: u64, impressions: Option<f64>, rate: Option<f64>) -> Post {
        Post {
            id: format!("17{i:017}"),
            network: if i.is_multiple_of(2) {
                Network::X
            } else {
                Network::Facebook
            },
            account: (!i.is_multiple_of(3)).then(|| "acme".to_string()),
            published: Date::new(2026, 6, 1 + (i % 28) as u8).map(DateTime::date),
            text: (!i.is_multiple_of(5)).then(|| format!("post {i} ✓")),
            kind: Some(
                if i.is_multiple_of(2) {
                    "photo"
                } else {
                    "video"
                }
                .to_string(),
            ),
            permalink: None,
            metrics: PostMetrics {
                impressions,
                platform_engagement_rate: rate,
                ..PostMetrics::default()
            },
            currency: None,
            origin: Origin {
                file: 0,
                line: i + 2,
            },
        }
    }

    #[test]
    fn posts_come_back_as_they_went_in() {
        let mut all = Vec::new();
        for i in 0..50u64 {
            let impressions = match i % 4 {
                0 => None,
                1 => Some(i as f64 * 1000.0),
                2 => Some(-3.0),
                _ => Some(0.0),
            };
            let rate = i.is_multiple_of(3).then_some(0.0125 * i as f64);
            all.push(post(i, impressions, rate));
        }
        // A big value and a fraction turn their columns wide midway.
        all[30].metrics.impressions = Some(5e9);
        all[31].metrics.reach = Some(12.5);
        let posts: Posts = all.clone().into_iter().collect();
        assert_eq!(posts.len(), 50);
        assert_eq!(posts.to_vec(), all);
        assert_eq!(
            serde_json::to_value(&posts).unwrap(),
            serde_json::to_value(&all).unwrap()
        );
        let p = posts.get(31).unwrap();
        assert_eq!(
            (p.metrics().reach, p.metrics().impressions),
            (Some(12.5), Some(0.0))
        );
        assert!(posts.get(50).is_none());
    }

    #[test]
    fn ids_and_addresses_come_back_as_written() {
        let ids = [
            "1770000000000000001",
            "0",
            "007",
            "",
            "9223372036854775807",
            "9223372036854775808",
            "99999999999999999999",
            "-12",
            " 12",
            "١٢",
            "123_456",
            "dQw4w9WgXcQ",
            "104512345678901_1234567890123417",
            "a_b_12",
            "_123",
            "x_012",
            "h_",
            "a_head_of_forty_five_bytes_0123456789abcdefgh_12",
            "a_head_of_forty_four_bytes_0123456789abcdefg_12",
        ];
        let links = |id: &str, k: usize| match k % 7 {
            0 => None,
            1 => Some(format!("https://twitter.com/acme/status/{id}")),
            2 => Some(format!("https://www.instagram.com/p/{id}/")),
            3 => Some("no slash".to_string()),
            4 => Some(format!("https://www.facebook.com/1/posts/{id}9")),
            5 if k.is_multiple_of(2) => Some(format!(
                "https://www.facebook.com/reel/{}",
                id.rsplit('_').next().unwrap_or("")
            )),
            5 => Some("/".to_string()),
            _ => Some(String::new()),
        };
        let mut all = Vec::new();
        for (k, id) in ids.iter().cycle().take(ids.len() * 7).enumerate() {
            let mut p = post(k as u64, Some(k as f64), None);
            p.id = id.to_string();
            p.permalink = links(id, k);
            all.push(p);
        }
        // More distinct prefixes and heads than a column keeps: the later ones are kept whole.
        for k in 0..MAX_PREFIXES + 10 {
            let mut p = post(k as u64, None, None);
            p.permalink = Some(format!("https://example.com/{k}/post"));
            p.id = format!("{k}_{k}");
            all.push(p);
        }
        let posts: Posts = all.clone().into();
        assert_eq!(posts.to_vec(), all);
        assert_eq!(posts.permalinks.prefixes.names.len(), MAX_PREFIXES);
        assert_eq!(posts.ids.heads.names.len(), MAX_PREFIXES);
        assert_eq!(posts.ids.heads.ids.len(), posts.len());
        // A head of 44 bytes is kept as a head, one of 45 with the id as text.
        assert_eq!(posts.ids.ids[18], 12);
        assert_ne!(posts.ids.ids[17] & TEXT_ID, 0);
        let meta = posts.get(12).unwrap();
        assert_eq!(&*meta.id(), "104512345678901_1234567890123417");
        let p = posts.get(1).unwrap();
        assert_eq!((&*p.id(), p.id().to_string()), ("0", "0".to_string()));
        assert!(matches!(
            posts.get(1).unwrap().permalink(),
            Some(Cow::Owned(_))
        ));
        assert_eq!(
            decimal("1770000000000000001"),
            Some(1_770_000_000_000_000_001)
        );
        assert_eq!(decimal("9223372036854775808"), None);
        assert_eq!(decimal("007"), None);
    }

    #[test]
    fn dates_and_origins_come_back_as_written() {
        let day = Date::new(2026, 2, 28).unwrap();
        let times = [
            None,
            Time::new(0, 0, 0),
            Time::new(23, 59, 59),
            Time::new(7, 5, 9),
        ];
        let offsets = [
            None,
            Some(0),
            Some(-1440),
            Some(330),
            Some((1 << 20) - 1),
            Some(-(1 << 20)),
            Some(1 << 20),
            Some(i32::MIN),
            Some(i32::MAX),
        ];
        let lines = [
            1,
            2,
            u64::from(u32::MAX) - 1,
            u64::from(u32::MAX),
            u64::MAX,
            7,
        ];
        let mut all = Vec::new();
        for (k, (t, o)) in times
            .iter()
            .flat_map(|t| offsets.iter().map(move |o| (t, o)))
            .enumerate()
        {
            let mut p = post(k as u64, None, None);
            p.published = (k % 5 != 4).then_some(DateTime {
                date: Date::new(1000 + k as i32 * 250, 1 + k as u8 % 12, 1).unwrap_or(day),
                time: *t,
                offset_minutes: *o,
            });
            p.origin = Origin {
                file: k / 7,
                line: lines[k % lines.len()],
            };
            all.push(p);
        }
        let mut posts: Posts = all.clone().into();
        assert_eq!(posts.to_vec(), all);
        assert!(!posts.published.aside.is_empty() && !posts.origins.far.is_empty());
        // Only the offsets past a million minutes are kept aside.
        assert!(posts.published.aside.iter().all(|(_, d)| d
            .offset_minutes
            .unwrap()
            .unsigned_abs()
            >= 1 << 20));
        posts.for_each_origin(|o| o.file += 10);
        all.iter_mut().for_each(|p| p.origin.file += 10);
        assert_eq!(posts.to_vec(), all);
        posts.retain(|o| o.file != 11);
        all.retain(|p| p.origin.file != 11);
        assert_eq!(posts.to_vec(), all);
    }

    #[test]
    fn counts_widen_as_values_need() {
        let values = [
            None,
            Some(3.0),
            Some(65_534.0),
            None,
            Some(65_535.0),
            Some(7.0),
        ];
        let mut all: Vec<Post> = values.iter().map(|&v| post(1, v, None)).collect();
        let posts: Posts = all.clone().into();
        assert!(matches!(posts.metrics[0], NumberColumn::Small(_)));
        assert_eq!(posts.to_vec(), all);
        let narrow: Posts = all[..4].to_vec().into();
        assert!(matches!(narrow.metrics[0], NumberColumn::Narrow(_)));
        assert_eq!(narrow.to_vec(), all[..4]);
        all.push(post(1, Some(0.5), None));
        let wide: Posts = all.clone().into();
        assert!(matches!(wide.metrics[0], NumberColumn::Wide(_)));
        assert_eq!(wide.to_vec(), all);
    }

    #[test]
    fn small_counts_are_whole_numbers_below_none() {
        let old = |x: f64| {
            (x >= 0.0
                && x < f64::from(NONE)
                && x.fract() == 0.0
                && !(x == 0.0 && x.is_sign_negative()))
            .then_some(x as u32)
        };
        for x in [
            0.0,
            -0.0,
            1.0,
            0.5,
            -1.0,
            12.0,
            4_294_967_294.0,
            4_294_967_295.0,
            4_294_967_296.0,
            5e9,
            1e300,
            -1e300,
            f64::MIN_POSITIVE,
            1.0 - f64::EPSILON,
            3.000_000_000_000_000_4,
        ] {
            assert_eq!(small(x), old(x), "{x}");
        }
    }

    #[test]
    fn a_negative_zero_and_a_count_past_u32_stay_exact() {
        let mut a = post(1, Some(-0.0), None);
        a.metrics.views = Some(4_294_967_295.0);
        let posts: Posts = vec![a.clone()].into();
        let m = posts.get(0).unwrap().metrics();
        assert!(m.impressions.unwrap().is_sign_negative());
        assert_eq!(m.views, Some(4_294_967_295.0));
    }
}
