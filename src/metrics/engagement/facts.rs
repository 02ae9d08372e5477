//! A post as the engagement figures see it: its engagements under the rule, its followers at
//! posting time, its denominator.

use super::denominator::Denominator;
use super::interaction::Interaction;
use crate::model::{Metric, Network, PostRef};

/// Reels, videos, TikToks and YouTube videos, as Later's per-format rule tells them apart.
pub(super) fn is_video(post: PostRef<'_>) -> bool {
    matches!(post.network(), Network::TikTok | Network::YouTube)
        || post.kind().is_some_and(video_kind)
}

/// Whether a post of type `kind` is a reel or a video.
fn video_kind(kind: &str) -> bool {
    let k = kind.to_lowercase();
    k.contains("reel") || k.contains("video") || k.contains("vidéo")
}

/// [`is_video`] with the answer for each type of post kept: the posts of one type as written
/// share it, and lower-casing the type of every post cost more than the rest of its facts.
#[derive(Clone, Debug, Default)]
pub(super) struct VideoKinds(Vec<Option<bool>>);

impl VideoKinds {
    /// [`is_video`], keeping the answer for `post`'s type.
    pub(super) fn learn(&mut self, post: PostRef<'_>) -> bool {
        match (post.kind_id(), post.kind()) {
            (Some(id), Some(kind)) if !matches!(self.0.get(id as usize), Some(Some(_))) => {
                let id = id as usize;
                if self.0.len() <= id {
                    self.0.resize(id + 1, None);
                }
                self.0[id] = Some(video_kind(kind));
            }
            _ => {}
        }
        self.get(post)
    }

    /// [`is_video`], from the answer kept for `post`'s type when there is one.
    pub(super) fn get(&self, post: PostRef<'_>) -> bool {
        if matches!(post.network(), Network::TikTok | Network::YouTube) {
            return true;
        }
        match post.kind_id().and_then(|id| self.0.get(id as usize)) {
            Some(Some(video)) => *video,
            _ => is_video(post),
        }
    }
}

/// A post's engagements under `interactions`: their sum, or unknown when one of them is.
pub(crate) fn engagements(post: PostRef<'_>, interactions: &[Interaction]) -> Option<f64> {
    if interactions.is_empty() {
        return None;
    }
    // A loop, as `Iterator::sum` of `Option`s adds (from -0.0, in order) without its
    // machinery, which a preset switch paid for every post.
    let mut sum = -0.0;
    for i in interactions {
        sum += i.of_post(post)?;
    }
    Some(sum)
}

/// A post's value of `d`; `followers` is its follower count at posting time, found by the
/// caller.
pub(super) fn denominator_of(
    post: PostRef<'_>,
    d: Denominator,
    followers: Option<f64>,
) -> Option<f64> {
    match d {
        Denominator::Reach => post.metric(Metric::Reach),
        Denominator::Impressions => post.metric(Metric::Impressions),
        Denominator::Followers => followers,
        Denominator::Views => post.metric(Metric::Views),
    }
}

/// A post as the engagement figures see it: 40 bytes in WebAssembly (an analysis holds one
/// per post of the period).
#[derive(Clone, Copy, Debug)]
pub(crate) struct PostFacts<'a> {
    /// The post.
    pub post: PostRef<'a>,
    /// Its engagements under the rule.
    engagements: Maybe,
    /// Its followers at posting time, if known.
    followers: Maybe,
    /// The denominator of its network under the rule.
    pub denominator: Denominator,
    /// The value of that denominator, if known: read once, for every figure that divides
    /// by it.
    den: Maybe,
}

/// An `Option<f64>` in eight bytes, not sixteen: `None` is a NaN no arithmetic makes (a NaN
/// value, which sums of counts never are, would stay itself).
#[derive(Clone, Copy)]
struct Maybe(f64);

const MAYBE_NONE: u64 = 0x7ff8_dead_beef_0002;

impl Maybe {
    fn of(v: Option<f64>) -> Maybe {
        Maybe(v.unwrap_or(f64::from_bits(MAYBE_NONE)))
    }

    #[inline]
    fn get(self) -> Option<f64> {
        (self.0.to_bits() != MAYBE_NONE).then_some(self.0)
    }
}

impl std::fmt::Debug for Maybe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl<'a> PostFacts<'a> {
    /// The facts of `post` with its `engagements` under the rule, its `followers` at posting
    /// time and its network's `denominator`.
    pub(crate) fn new(
        post: PostRef<'a>,
        engagements: Option<f64>,
        followers: Option<f64>,
        denominator: Denominator,
    ) -> PostFacts<'a> {
        PostFacts {
            post,
            engagements: Maybe::of(engagements),
            followers: Maybe::of(followers),
            denominator,
            den: Maybe::of(denominator_of(post, denominator, followers)),
        }
    }

    /// Its engagements under the rule.
    #[inline]
    pub(crate) fn engagements(&self) -> Option<f64> {
        self.engagements.get()
    }

    /// Its followers at posting time, if known.
    #[inline]
    pub(crate) fn followers(&self) -> Option<f64> {
        self.followers.get()
    }

    /// The value of its denominator, if known.
    #[inline]
    pub(crate) fn den(&self) -> Option<f64> {
        self.den.get()
    }

    /// Its rate under the rule (× 1000 when the rule says so); `None` when unknown or when
    /// the denominator is zero.
    pub(crate) fn rate(&self, scale: f64) -> Option<f64> {
        let e = self.engagements()?;
        let d = self.den()?;
        (d > 0.0).then(|| e / d * scale).filter(|r| r.is_finite())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maybe_is_an_option_in_eight_bytes() {
        assert_eq!(std::mem::size_of::<Maybe>(), 8);
        assert_eq!(Maybe::of(None).get(), None);
        for v in [0.0, -0.0, 1.5, f64::INFINITY, f64::MIN, f64::MAX] {
            let back = Maybe::of(Some(v)).get().unwrap();
            assert_eq!(back.to_bits(), v.to_bits());
        }
        assert!(Maybe::of(Some(f64::NAN)).get().unwrap().is_nan());
        assert_eq!(format!("{:?}", Maybe::of(Some(2.0))), "Some(2.0)");
    }
}
