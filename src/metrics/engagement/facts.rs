//! A post as the engagement figures see it: its engagements under the rule, its followers at
//! posting time, its denominator.

use super::denominator::Denominator;
use super::interaction::Interaction;
use crate::model::{Metric, Network, PostRef};

/// Reels, videos, TikToks and YouTube videos, as Later's per-format rule tells them apart.
pub(super) fn is_video(post: PostRef<'_>) -> bool {
    matches!(post.network(), Network::TikTok | Network::YouTube)
        || post.kind().is_some_and(|k| {
            let k = k.to_lowercase();
            k.contains("reel") || k.contains("video") || k.contains("vidéo")
        })
}

/// A post's engagements under `interactions`: their sum, or unknown when one of them is.
pub(crate) fn engagements(post: PostRef<'_>, interactions: &[Interaction]) -> Option<f64> {
    if interactions.is_empty() {
        return None;
    }
    interactions.iter().map(|i| i.of_post(post)).sum()
}

/// A post's value of `d`; `followers` is its follower count at posting time, found by the
/// caller.
fn denominator_of(post: PostRef<'_>, d: Denominator, followers: Option<f64>) -> Option<f64> {
    match d {
        Denominator::Reach => post.metric(Metric::Reach),
        Denominator::Impressions => post.metric(Metric::Impressions),
        Denominator::Followers => followers,
        Denominator::Views => post.metric(Metric::Views),
    }
}

/// A post as the engagement figures see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PostFacts<'a> {
    /// The post.
    pub post: PostRef<'a>,
    /// Its engagements under the rule.
    pub engagements: Option<f64>,
    /// Its followers at posting time, if known.
    pub followers: Option<f64>,
    /// The denominator of its network under the rule.
    pub denominator: Denominator,
}

impl PostFacts<'_> {
    /// Its value of `d`.
    pub(crate) fn value_of(&self, d: Denominator) -> Option<f64> {
        denominator_of(self.post, d, self.followers)
    }

    /// Its rate under the rule (× 1000 when the rule says so); `None` when unknown or when
    /// the denominator is zero.
    pub(crate) fn rate(&self, scale: f64) -> Option<f64> {
        let e = self.engagements?;
        let d = self.value_of(self.denominator)?;
        (d > 0.0).then(|| e / d * scale).filter(|r| r.is_finite())
    }
}
