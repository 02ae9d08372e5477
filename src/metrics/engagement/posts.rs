//! Posts one by one (the per-post table), the top and bottom posts, and the posts grouped by
//! network or type.

use super::audience::audience_figures;
use super::denominator::Denominator;
use super::facts::PostFacts;
use super::rates::engagement_rates;
use super::resolved::Resolved;
use super::rule::network_key;
use super::sums::{Audience, AudienceRow, Row, RuleSums, Sums};
use crate::figure::Figure;
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::model::{Metric, Network, PostRef};
use serde::Serialize;
use std::borrow::Cow;

/// One post with its counts and its rate under the rule: a row of the per-post table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PostRow {
    /// The platform's id, as written.
    pub id: String,
    /// Where it was published.
    pub network: Network,
    /// The account, when the export names it.
    pub account: Option<String>,
    /// When it was published, as the export wrote it.
    pub published: Option<crate::date::DateTime>,
    /// Its type as the platform names it.
    pub kind: Option<String>,
    /// Its text.
    pub text: Option<String>,
    /// Its address.
    pub permalink: Option<String>,
    /// Engagements under the rule.
    pub engagements: Option<Finite>,
    /// Which denominator its rate divides by.
    pub denominator: Denominator,
    /// The value of that denominator.
    pub denominator_value: Option<Finite>,
    /// Its rate under the rule (a ratio, or per 1,000 when the rule says so).
    pub rate: Option<Finite>,
    /// Reach.
    pub reach: Option<Finite>,
    /// Impressions.
    pub impressions: Option<Finite>,
    /// Views.
    pub views: Option<Finite>,
    /// Reactions.
    pub reactions: Option<Finite>,
    /// Comments.
    pub comments: Option<Finite>,
    /// Shares.
    pub shares: Option<Finite>,
    /// Saves.
    pub saves: Option<Finite>,
    /// Clicks (all).
    pub clicks: Option<Finite>,
    /// Link clicks.
    pub link_clicks: Option<Finite>,
    /// Followers at posting time.
    pub followers: Option<Finite>,
    /// The platform's own engagement rate, when the export gives one (X).
    pub platform_rate: Option<Finite>,
    /// Whether it replies to another post (an X reply, `@handle …`): a reply is seen by few,
    /// so its rate is no measure of what the account published.
    pub reply: bool,
    /// The file and line it came from.
    pub origin: crate::model::Origin,
}

/// Whether `post` is a reply: a post of type `reply`, or an X post whose text starts with a
/// handle (the old export lists replies among the tweets).
pub(crate) fn is_reply(post: PostRef) -> bool {
    post.kind().is_some_and(reply_type) || x_reply(post)
}

/// Whether a post of type `kind` is a reply.
fn reply_type(kind: &str) -> bool {
    let k = kind.to_lowercase();
    k.contains("reply") || k.contains("réponse")
}

/// Whether `post` is an X post whose text starts with a handle.
fn x_reply(post: PostRef) -> bool {
    post.network() == Network::X && post.text().is_some_and(|t| t.trim_start().starts_with('@'))
}

fn finite(v: Option<f64>) -> Option<Finite> {
    v.and_then(Finite::new)
}

/// The row of a post.
pub(crate) fn post_row(f: &PostFacts, scale: f64) -> PostRow {
    row(f, scale, is_reply(f.post))
}

/// The row of every post of `facts`, in order: whether a type means a reply is found once
/// per type, not once per post.
pub(crate) fn post_rows(facts: &[PostFacts], scale: f64) -> Vec<PostRow> {
    let mut reply_kind: Vec<Option<bool>> = Vec::new();
    let mut rows = Vec::with_capacity(facts.len());
    for f in facts {
        let p = f.post;
        let kind = p.kind_id().map_or(usize::MAX, |k| k as usize);
        let by_kind = match reply_kind.get(kind).copied().flatten() {
            Some(r) => r,
            None => {
                let r = p.kind().is_some_and(reply_type);
                if kind < facts.len() {
                    reply_kind.resize(reply_kind.len().max(kind + 1), None);
                    reply_kind[kind] = Some(r);
                }
                r
            }
        };
        rows.push(row(f, scale, by_kind || x_reply(p)));
    }
    rows
}

fn row(f: &PostFacts, scale: f64, reply: bool) -> PostRow {
    let p = f.post;
    let m = |metric: Metric| finite(p.metric(metric));
    PostRow {
        id: p.id().as_str().to_string(),
        network: p.network(),
        account: p.account().map(str::to_string),
        published: p.published(),
        kind: p.kind().map(str::to_string),
        text: p.text().map(str::to_string),
        permalink: p.permalink().map(Cow::into_owned),
        engagements: finite(f.engagements()),
        denominator: f.denominator,
        denominator_value: finite(f.den()),
        rate: finite(f.rate(scale)),
        reach: m(Metric::Reach),
        impressions: m(Metric::Impressions),
        views: m(Metric::Views),
        reactions: m(Metric::Reactions),
        comments: m(Metric::Comments),
        shares: m(Metric::Shares),
        saves: m(Metric::Saves),
        clicks: m(Metric::Clicks),
        link_clicks: m(Metric::LinkClicks),
        followers: finite(f.followers()),
        platform_rate: m(Metric::PlatformEngagementRate),
        reply,
        origin: p.origin(),
    }
}

/// The `n` posts with the highest rate and the `n` with the lowest (not repeating the top
/// ones), best first and worst first, among the posts whose denominator reaches `minimum` (a
/// reply seen twice at 50 % leads no list); and how many rated posts fell short of it. Ties
/// go to more engagements, then to file order.
pub(crate) fn top_and_bottom(
    facts: &[PostFacts],
    scale: f64,
    n: usize,
    minimum: f64,
) -> (Vec<PostRow>, Vec<PostRow>, usize) {
    let mut short = 0;
    let rated: Vec<(usize, f64, f64)> = facts
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f, f.rate(scale)?)))
        .filter(|(_, f, _)| {
            let enough = f.den().is_some_and(|d| d >= minimum);
            short += usize::from(!enough);
            enough
        })
        .map(|(i, f, rate)| (i, rate, f.engagements().unwrap_or(0.0)))
        .collect();
    let order = |a: &(usize, f64, f64), b: &(usize, f64, f64)| {
        b.1.total_cmp(&a.1)
            .then(b.2.total_cmp(&a.2))
            .then(a.0.cmp(&b.0))
    };
    let ranked = crate::metrics::ends(rated, 2 * n, order);
    let top: Vec<usize> = ranked.iter().take(n).map(|r| r.0).collect();
    let bottom: Vec<usize> = ranked
        .iter()
        .rev()
        .filter(|r| !top.contains(&r.0))
        .take(n)
        .map(|r| r.0)
        .collect();
    let rows = |ix: Vec<usize>| ix.iter().map(|&i| post_row(&facts[i], scale)).collect();
    (rows(top), rows(bottom), short)
}

/// The default minimum denominator of the top and bottom posts: a quarter of the median
/// denominator of the posts with a rate, rounded down; 0 when none has one.
pub(crate) fn default_minimum(facts: &[PostFacts], scale: f64) -> f64 {
    let mut values: Vec<f64> = facts
        .iter()
        .filter(|f| f.rate(scale).is_some())
        .filter_map(|f| f.den())
        .collect();
    if values.is_empty() {
        return 0.0;
    }
    // The middle one or two as a full sort would place them, by a selection: the values
    // before the middle one are the smaller ones, in some order.
    let n = values.len();
    let (below, &mut upper, _) = values.select_nth_unstable_by(n / 2, f64::total_cmp);
    let median = if n.is_multiple_of(2) {
        let lower = below
            .iter()
            .copied()
            .max_by(f64::total_cmp)
            .unwrap_or(upper);
        (lower + upper) / 2.0
    } else {
        upper
    };
    (median * MINIMUM_SHARE).floor()
}

/// The share of the median denominator a post needs to be ranked, by default.
pub(crate) const MINIMUM_SHARE: f64 = 0.25;

/// One group of posts (a network, a post type) with its figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    /// Stable key (`facebook`, `ig reel`).
    pub key: String,
    /// Its name.
    pub label: String,
    /// Its posts.
    pub posts: usize,
    /// Σ engagements of its posts with a known count.
    pub engagements: Finite,
    /// The rule's rate, the same with the other aggregation, then Kaushik's rates,
    /// virality and CTR for these posts.
    pub figures: Vec<Figure>,
}

/// The posts of one group (a network, a type): its key, its name and its sums.
pub(crate) type Group = (String, String, Sums);

/// The sums of a set of posts, and of their groups by network and by type (each in
/// first-seen order).
pub(crate) struct Grouped {
    /// The sums of every post.
    pub total: Sums,
    /// Per network.
    pub by_network: Vec<Group>,
    /// Per type of each network (case and spaces ignored, see [`kind_key`]).
    pub by_type: Vec<Group>,
}

/// What no engagement definition changes about a set of posts: its groups by network and by
/// type (key, name, first-seen order), each post's groups, and the audience sums of the set
/// and of each group. Made once per set of posts ([`layout`]) and kept with the workspace's
/// facts, so that a preset switch adds only the rule's sums ([`sums_and_groups`]).
#[derive(Debug)]
pub(crate) struct Layout {
    total: Audience,
    by_network: Vec<(String, String, Audience)>,
    by_type: Vec<(String, String, Audience)>,
    /// Per post: its network's group, then its type's.
    of_post: Vec<(u32, u32)>,
}

/// The layout of `facts`, in one pass that reads each post's audience counts once
/// ([`AudienceRow`]) and adds them to the totals, its network's and its type's. A group's key
/// is made once per distinct network or (network, type as written), not once per post: tens
/// of thousands of posts share a handful.
pub(crate) fn layout(facts: &[PostFacts], lang: Lang) -> Layout {
    let mut total = Audience::default();
    let mut networks = Grouper::default();
    let mut types = Grouper::default();
    let mut of_post = Vec::with_capacity(facts.len());
    for f in facts {
        let row = AudienceRow::of(f);
        let p = f.post;
        total.add(&row);
        let network = || {
            (
                network_key(p.network()).to_string(),
                p.network().name().to_string(),
            )
        };
        let (a, sums) = networks.group(p.network(), network);
        sums.add(&row);
        let (b, sums) = types.group((p.network(), p.kind_id()), || kind_key(p, lang));
        sums.add(&row);
        of_post.push((a, b));
    }
    Layout {
        total,
        by_network: networks.found,
        by_type: types.found,
        of_post,
    }
}

/// The sums of `facts` and of their groups in `layout` (made from the same posts): one pass
/// adds each post's engagements ([`Row`]) to the totals, its network's and its type's (a
/// group's without the rates by each denominator, which its row does not show). Each sums
/// adds its posts in their order, so every figure is the one a pass per group gave, to the
/// last bit.
pub(crate) fn sums_and_groups(facts: &[PostFacts], layout: &Layout) -> Grouped {
    let mut total = RuleSums::default();
    let mut networks = vec![RuleSums::default(); layout.by_network.len()];
    let mut types = vec![RuleSums::default(); layout.by_type.len()];
    for (f, &(a, b)) in facts.iter().zip(&layout.of_post) {
        let row = Row::of(f);
        total.add(&row);
        if let Some(sums) = networks.get_mut(a as usize) {
            sums.add_but_denominators(&row);
        }
        if let Some(sums) = types.get_mut(b as usize) {
            sums.add_but_denominators(&row);
        }
    }
    let groups = |rules: Vec<RuleSums>, found: &[(String, String, Audience)]| {
        rules
            .into_iter()
            .zip(found)
            .map(|(r, (key, label, audience))| (key.clone(), label.clone(), Sums::new(r, audience)))
            .collect()
    };
    Grouped {
        total: Sums::new(total, &layout.total),
        by_network: groups(networks, &layout.by_network),
        by_type: groups(types, &layout.by_type),
    }
}

impl Layout {
    /// Whether it was made from `facts` (as many posts).
    pub(crate) fn fits(&self, facts: &[PostFacts]) -> bool {
        self.of_post.len() == facts.len()
    }
}

/// Each group with its figures under `resolved`.
pub(crate) fn group_rows(groups: &[Group], resolved: &Resolved, lang: Lang) -> Vec<GroupRow> {
    groups
        .iter()
        .map(|(key, label, sums)| {
            let set = engagement_rates(sums, resolved, lang);
            let mut figures = vec![set.rate, set.rate_other_aggregation];
            figures.extend(audience_figures(sums, lang));
            GroupRow {
                key: key.clone(),
                label: label.clone(),
                posts: sums.audience.posts,
                engagements: Finite::new(sums.engagements).unwrap_or(Finite::ZERO),
                figures,
            }
        })
        .collect()
}

/// Groups found so far, in first-seen order, and the group of each value met (`S`: a
/// post's network, or its network and type as written).
struct Grouper<S> {
    found: Vec<(String, String, Audience)>,
    known: Known<S>,
}

impl<S> Default for Grouper<S> {
    fn default() -> Grouper<S> {
        Grouper {
            found: Vec::new(),
            known: Known::default(),
        }
    }
}

impl<S: Eq + std::hash::Hash + Copy> Grouper<S> {
    /// The group of `s` and its sums; `key` gives its key and label the first time `s` is
    /// met (two values of one key share a group).
    fn group(&mut self, s: S, key: impl FnOnce() -> (String, String)) -> (u32, &mut Audience) {
        let g = match self.known.get(s) {
            Some(g) => g,
            None => {
                let (k, label) = key();
                let g = match self.found.iter().position(|(o, _, _)| *o == k) {
                    Some(g) => g,
                    None => {
                        self.found.push((k, label, Audience::default()));
                        self.found.len() - 1
                    }
                };
                self.known.insert(s, g);
                g
            }
        };
        // At most one group per post: the index fits when the number of posts does.
        (u32::try_from(g).unwrap_or(u32::MAX), &mut self.found[g].2)
    }
}

/// The group of each `seen` value met so far: the last one asked first (posts in a row share
/// theirs), then a short list, then a map when there are many.
struct Known<S> {
    last: Option<(S, usize)>,
    few: Vec<(S, usize)>,
    many: std::collections::HashMap<S, usize>,
}

impl<S> Default for Known<S> {
    fn default() -> Known<S> {
        Known {
            last: None,
            few: Vec::new(),
            many: std::collections::HashMap::new(),
        }
    }
}

impl<S: Eq + std::hash::Hash + Copy> Known<S> {
    /// The few values kept in a list before a map takes them.
    const FEW: usize = 16;

    fn get(&mut self, s: S) -> Option<usize> {
        if let Some((l, g)) = self.last {
            if l == s {
                return Some(g);
            }
        }
        let g = match self.few.iter().find(|(v, _)| *v == s) {
            Some(&(_, g)) => Some(g),
            None => self.many.get(&s).copied(),
        }?;
        self.last = Some((s, g));
        Some(g)
    }

    fn insert(&mut self, s: S, g: usize) {
        if self.few.len() < Self::FEW {
            self.few.push((s, g));
        } else {
            self.many.insert(s, g);
        }
        self.last = Some((s, g));
    }
}

/// The key and label of a post's type: case and spaces ignored, the first spelling kept.
pub(crate) fn kind_key(post: PostRef<'_>, lang: Lang) -> (String, String) {
    match post.kind().map(str::trim).filter(|k| !k.is_empty()) {
        Some(k) => (
            format!("{}:{}", network_key(post.network()), k.to_lowercase()),
            format!("{} · {k}", post.network().name()),
        ),
        None => (
            format!("{}:", network_key(post.network())),
            format!(
                "{} · {}",
                post.network().name(),
                lang.pick("(no type)", "(sans type)")
            ),
        ),
    }
}
