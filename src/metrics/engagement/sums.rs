//! Everything the engagement rates and the audience figures of a set of posts add up, in one
//! pass over the posts: the rule's own tally, one per denominator, Kaushik's interactions,
//! virality and CTR. Each post's counts are read once ([`Row`], [`AudienceRow`]) and added to
//! the totals and to its groups' (a network, a post type) in the same pass, with no copy of
//! the posts. What depends on no engagement definition ([`Audience`]) is added once per set of
//! posts and kept; a preset switch adds the rule's sums ([`RuleSums`]) alone.
//!
//! Each tally adds its posts in their order, so every figure is the one a pass per figure
//! gave, to the last bit.

use super::denominator::Denominator;
use super::facts::{denominator_of, PostFacts};
use super::interaction::Interaction;
use super::tally::{Pair, Tally};
use crate::model::{Metric, Network};

/// Kaushik's interactions: conversation, amplification, applause.
pub(super) const KAUSHIK: [Interaction; 3] = [
    Interaction::Comments,
    Interaction::Shares,
    Interaction::Reactions,
];

/// The sums of a set of posts.
#[derive(Clone, Debug)]
pub(crate) struct Sums {
    /// Engagements ÷ the rule's denominator of each post's network.
    pub own: Tally,
    /// Engagements ÷ each denominator, in [`Denominator::ALL`]'s order (empty in a group's
    /// sums: see [`RuleSums::add_but_denominators`]).
    pub by: [Tally; 4],
    /// Σ engagements of the posts with a known count.
    pub engagements: f64,
    /// What the audience did, whatever the engagement definition.
    pub audience: Audience,
}

impl Sums {
    /// The sums of a set whose rule's sums are `rule` and audience's `audience`.
    pub(crate) fn new(rule: RuleSums, audience: &Audience) -> Sums {
        Sums {
            own: rule.own,
            by: rule.by,
            engagements: rule.engagements,
            audience: audience.clone(),
        }
    }

    /// Which clicks CTR counts: link clicks when any post has them, else all clicks.
    pub(crate) fn click_kind(&self) -> Interaction {
        self.audience.click_kind()
    }

    /// The CTR tally of the clicks [`click_kind`](Sums::click_kind) names.
    pub(crate) fn ctr(&self) -> &Tally {
        self.audience.ctr()
    }
}

/// The sums of a set of posts that depend on the engagement definition: engagements and
/// their rates.
#[derive(Clone, Debug)]
pub(crate) struct RuleSums {
    own: Tally,
    by: [Tally; 4],
    engagements: f64,
}

impl Default for RuleSums {
    fn default() -> RuleSums {
        let t = || Tally::of(std::iter::empty());
        RuleSums {
            own: t(),
            by: std::array::from_fn(|_| t()),
            // A float sum starts at -0.0.
            engagements: -0.0,
        }
    }
}

/// What a post's engagements add to [`RuleSums`], read from it once: a post is added to
/// several sums (the totals, its network's, its type's).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    engagements: Option<f64>,
    /// The rule's denominator of the post's network.
    own: Option<f64>,
    /// Each denominator, in [`Denominator::ALL`]'s order.
    by: [Option<f64>; 4],
}

impl Row {
    /// What `f` adds.
    pub(crate) fn of(f: &PostFacts) -> Row {
        // Written out, not `Denominator::ALL.map(…)`: the array's map cost a quarter of a
        // preset switch in WebAssembly (opt-level "s" keeps its machinery).
        let [a, b, c, d] = Denominator::ALL;
        let den = |d| denominator_of(f.post, d, f.followers());
        Row {
            engagements: f.engagements(),
            own: f.den(),
            by: [den(a), den(b), den(c), den(d)],
        }
    }
}

impl RuleSums {
    /// Adds one post.
    pub(crate) fn add(&mut self, r: &Row) {
        self.add_but_denominators(r);
        for (t, den) in self.by.iter_mut().zip(r.by) {
            t.add(Pair {
                num: r.engagements,
                den,
            });
        }
    }

    /// Adds one post to every sum but the rates by each denominator, which stay empty: what
    /// a group of posts (a network, a type) shows, its rule's rate, needs none of them.
    pub(crate) fn add_but_denominators(&mut self, r: &Row) {
        if let Some(e) = r.engagements {
            self.engagements += e;
        }
        self.own.add(Pair {
            num: r.engagements,
            den: r.own,
        });
    }
}

/// The sums of a set of posts that no engagement definition changes: how many posts, on which
/// networks, Kaushik's interactions, virality and CTR. Kept between analyses of the same
/// posts ([`super::Layout`]), so that a preset switch adds only the rule's sums.
#[derive(Clone, Debug)]
pub(crate) struct Audience {
    /// Posts added.
    pub posts: usize,
    /// The networks of the posts, each once, in the order they came.
    pub networks: Vec<Network>,
    /// Per Kaushik interaction ([`KAUSHIK`]): its sum and how many posts report it.
    pub per_post: [(f64, usize); 3],
    /// Per Kaushik interaction: it ÷ followers at posting time.
    pub per_thousand: [Tally; 3],
    /// Shares ÷ impressions.
    pub virality: Tally,
    /// Link clicks ÷ impressions, then all clicks ÷ impressions.
    pub ctr: [Tally; 2],
    /// Whether a post has link clicks (CTR then counts those).
    pub link_clicks: bool,
    /// Σ and count of the known values of each of [`TOTALED`], added in the posts' order
    /// (from -0.0, as a float sum starts): the totals of the KPI cards.
    known: [(f64, usize); 5],
}

/// The counts whose totals [`Audience`] keeps.
const TOTALED: [Metric; 5] = [
    Metric::Impressions,
    Metric::Reach,
    Metric::Views,
    Metric::LinkClicks,
    Metric::Clicks,
];

impl Default for Audience {
    fn default() -> Audience {
        let t = || Tally::of(std::iter::empty());
        Audience {
            posts: 0,
            networks: Vec::new(),
            per_post: [(0.0, 0); 3],
            per_thousand: std::array::from_fn(|_| t()),
            virality: t(),
            ctr: std::array::from_fn(|_| t()),
            link_clicks: false,
            known: [(-0.0, 0); 5],
        }
    }
}

/// What one post adds to [`Audience`], read from the post once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AudienceRow {
    network: Network,
    followers: Option<f64>,
    /// Each of [`KAUSHIK`].
    kaushik: [Option<f64>; 3],
    shares: Option<f64>,
    /// Each of [`TOTALED`]: impressions, reach, views, link clicks, clicks.
    totaled: [Option<f64>; 5],
}

impl AudienceRow {
    /// What `f` adds.
    pub(crate) fn of(f: &PostFacts) -> AudienceRow {
        let p = f.post;
        AudienceRow {
            network: p.network(),
            followers: f.followers(),
            kaushik: KAUSHIK.map(|i| i.of_post(p)),
            shares: p.metric(Metric::Shares),
            totaled: TOTALED.map(|m| p.metric(m)),
        }
    }
}

impl Audience {
    /// Adds one post.
    pub(crate) fn add(&mut self, r: &AudienceRow) {
        if self.networks.last() != Some(&r.network) && !self.networks.contains(&r.network) {
            self.networks.push(r.network);
        }
        self.posts += 1;
        for (k, x) in r.kaushik.into_iter().enumerate() {
            if let Some(x) = x {
                self.per_post[k].0 += x;
                self.per_post[k].1 += 1;
            }
            self.per_thousand[k].add(Pair {
                num: x,
                den: r.followers,
            });
        }
        let [impressions, _, _, link_clicks, clicks] = r.totaled;
        let per_impression = |num| Pair {
            num,
            den: impressions,
        };
        self.virality.add(per_impression(r.shares));
        self.link_clicks |= link_clicks.is_some();
        self.ctr[0].add(per_impression(link_clicks));
        self.ctr[1].add(per_impression(clicks));
        for (k, x) in self.known.iter_mut().zip(r.totaled) {
            if let Some(x) = x {
                k.0 += x;
                k.1 += 1;
            }
        }
    }

    /// Σ and count of the posts' known values of `m` (impressions, reach, views, link
    /// clicks or clicks; nothing of another count).
    pub(crate) fn known(&self, m: Metric) -> (f64, usize) {
        TOTALED
            .iter()
            .position(|&t| t == m)
            .map_or((-0.0, 0), |k| self.known[k])
    }

    /// Which clicks CTR counts: link clicks when any post has them, else all clicks.
    pub(crate) fn click_kind(&self) -> Interaction {
        if self.link_clicks {
            Interaction::LinkClicks
        } else {
            Interaction::Clicks
        }
    }

    /// The CTR tally of the clicks [`click_kind`](Audience::click_kind) names.
    pub(crate) fn ctr(&self) -> &Tally {
        &self.ctr[usize::from(!self.link_clicks)]
    }
}
