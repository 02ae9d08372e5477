//! The posts of a table or a dataset, stored by column: a few bytes per post for each count a
//! file gives (none for the counts it does not), the texts of a column in one string, the few
//! accounts and post types of a file once each. A post comes in as an owned [`Post`], or as a
//! [`PostIn`] whose texts borrow the row it was read from (the import writes each text once,
//! here), and is read back through a [`PostRef`], which borrows the store and reads each
//! field on demand.
//!
//! Written by hand: what it keeps (chunked strings per text column, counts as `u32` until a value
//! needs an `f64`) is specific to exports, where most posts share their account and type and
//! most counts are small integers. The store never holds NaN as a value: `None` is a sentinel
//! inside a column, and what comes out is an `Option<f64>`.

use super::{Network, Origin, Post, PostMetrics};
use crate::date::DateTime;
use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::borrow::Cow;
use std::collections::HashMap;

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

/// One count of every post: nothing while no post has it, `u32`s while every value is a whole
/// number below `u32::MAX`, `f64`s from the first that is not.
#[derive(Clone, Debug, PartialEq)]
enum NumberColumn {
    /// No post so far has a value.
    Absent,
    Small(Vec<u32>),
    Wide(Vec<f64>),
}

/// `None` in a `Wide` column: a NaN no value can be (values are finite).
const WIDE_NONE: u64 = 0x7ff8_dead_beef_0001;

impl NumberColumn {
    #[inline(always)]
    fn push(&mut self, len: usize, value: Option<f64>) {
        match (&mut *self, value) {
            (NumberColumn::Absent, None) => {}
            (NumberColumn::Absent, Some(_)) => {
                *self = NumberColumn::Small(vec![NONE; len]);
                self.push(len, value);
            }
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
    ids: TextColumn,
    networks: Vec<Network>,
    accounts: SymbolColumn,
    published: Vec<Option<DateTime>>,
    texts: TextColumn,
    kinds: SymbolColumn,
    permalinks: TextColumn,
    metrics: [NumberColumn; METRICS],
    currencies: SymbolColumn,
    origins: Vec<Origin>,
}

impl Default for Posts {
    fn default() -> Self {
        Posts {
            ids: TextColumn::default(),
            networks: Vec::new(),
            accounts: SymbolColumn::default(),
            published: Vec::new(),
            texts: TextColumn::default(),
            kinds: SymbolColumn::default(),
            permalinks: TextColumn::default(),
            metrics: std::array::from_fn(|_| NumberColumn::Absent),
            currencies: SymbolColumn::default(),
            origins: Vec::new(),
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
        self.ids.push(Some(&post.id));
        self.networks.push(post.network);
        self.accounts.push(post.account.as_deref());
        self.published.push(post.published);
        self.texts.push(post.text.as_deref());
        self.kinds.push(post.kind.as_deref());
        self.permalinks.push(post.permalink.as_deref());
        for (column, value) in self.metrics.iter_mut().zip(metrics_of(&post.metrics)) {
            column.push(len, value);
        }
        self.currencies.push(post.currency);
        self.origins.push(post.origin.clone());
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

    /// Calls `f` on every post's origin.
    pub(crate) fn origins_mut(&mut self) -> impl Iterator<Item = &mut Origin> {
        self.origins.iter_mut()
    }

    /// Keeps the posts whose origin `keep` accepts, in order.
    pub(crate) fn retain(&mut self, keep: impl Fn(&Origin) -> bool) {
        if self.origins.iter().all(&keep) {
            return;
        }
        *self = self
            .iter()
            .filter(|p| keep(&self.origins[p.i]))
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
    pub fn id(self) -> &'a str {
        self.posts.ids.get(self.i).unwrap_or("")
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
        self.posts.published[self.i]
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

    /// Its address.
    pub fn permalink(self) -> Option<&'a str> {
        self.posts.permalinks.get(self.i)
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
        self.posts.origins[self.i].clone()
    }

    /// The post, owned.
    pub fn to_post(self) -> Post {
        Post {
            id: self.id().to_string(),
            network: self.network(),
            account: self.account().map(str::to_string),
            published: self.published(),
            text: self.text().map(str::to_string),
            kind: self.kind().map(str::to_string),
            permalink: self.permalink().map(str::to_string),
            metrics: self.metrics(),
            currency: self.currency().map(str::to_string),
            origin: self.origin(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

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
