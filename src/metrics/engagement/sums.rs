//! Everything the engagement rates and the audience figures of a set of posts add up, in one
//! pass over the posts: the rule's own tally, one per denominator, Kaushik's interactions,
//! virality and CTR. A group of posts (a network, a post type) gets its own [`Sums`] from the
//! same pass that finds its posts, with no copy of them.
//!
//! Each tally adds its posts in their order, so every figure is the one a pass per figure
//! gave, to the last bit.

use super::denominator::Denominator;
use super::facts::PostFacts;
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
    /// Posts added.
    pub posts: usize,
    /// The networks of the posts, each once, in the order they came.
    pub networks: Vec<Network>,
    /// Engagements ÷ the rule's denominator of each post's network.
    pub own: Tally,
    /// Engagements ÷ each denominator, in [`Denominator::ALL`]'s order.
    pub by: [Tally; 4],
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
    /// Σ engagements of the posts with a known count.
    pub engagements: f64,
}

impl Default for Sums {
    fn default() -> Sums {
        let t = || Tally::of(std::iter::empty());
        Sums {
            posts: 0,
            networks: Vec::new(),
            own: t(),
            by: std::array::from_fn(|_| t()),
            per_post: [(0.0, 0); 3],
            per_thousand: std::array::from_fn(|_| t()),
            virality: t(),
            ctr: std::array::from_fn(|_| t()),
            link_clicks: false,
            // A float sum starts at -0.0.
            engagements: -0.0,
        }
    }
}

impl Sums {
    /// The sums of `facts`.
    pub(crate) fn of(facts: &[PostFacts]) -> Sums {
        let mut s = Sums::default();
        facts.iter().for_each(|f| s.add(f));
        s
    }

    /// Adds one post.
    pub(crate) fn add(&mut self, f: &PostFacts) {
        let p = f.post;
        let network = p.network();
        if self.networks.last() != Some(&network) && !self.networks.contains(&network) {
            self.networks.push(network);
        }
        self.posts += 1;
        let metric = |m: Metric| p.metric(m);
        let (reach, impressions, views) = (
            metric(Metric::Reach),
            metric(Metric::Impressions),
            metric(Metric::Views),
        );
        let value = |d: Denominator| match d {
            Denominator::Reach => reach,
            Denominator::Impressions => impressions,
            Denominator::Followers => f.followers,
            Denominator::Views => views,
        };
        let e = f.engagements;
        if let Some(e) = e {
            self.engagements += e;
        }
        self.own.add(Pair {
            num: e,
            den: value(f.denominator),
        });
        for (t, d) in self.by.iter_mut().zip(Denominator::ALL) {
            t.add(Pair {
                num: e,
                den: value(d),
            });
        }
        for (k, i) in KAUSHIK.iter().enumerate() {
            let x = i.of_post(p);
            if let Some(x) = x {
                self.per_post[k].0 += x;
                self.per_post[k].1 += 1;
            }
            self.per_thousand[k].add(Pair {
                num: x,
                den: f.followers,
            });
        }
        let per_impression = |num| Pair {
            num,
            den: impressions,
        };
        self.virality.add(per_impression(metric(Metric::Shares)));
        let link = metric(Metric::LinkClicks);
        self.link_clicks |= link.is_some();
        self.ctr[0].add(per_impression(link));
        self.ctr[1].add(per_impression(metric(Metric::Clicks)));
    }

    /// Which clicks CTR counts: link clicks when any post has them, else all clicks.
    pub(crate) fn click_kind(&self) -> Interaction {
        if self.link_clicks {
            Interaction::LinkClicks
        } else {
            Interaction::Clicks
        }
    }

    /// The CTR tally of the clicks [`click_kind`](Sums::click_kind) names.
    pub(crate) fn ctr(&self) -> &Tally {
        &self.ctr[usize::from(!self.link_clicks)]
    }
}
