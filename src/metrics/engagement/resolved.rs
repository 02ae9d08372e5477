//! The rule, resolved for each network: its interactions (apart for reels and videos) and
//! its denominator, without what the files do not report.

use super::denominator::Denominator;
use super::facts::VideoKinds;
use super::interaction::Interaction::{self, PlatformEngagements};
use super::presets::Preset;
use super::rule::{network_index, parse_network_key, EngagementRule, DEFAULT_KEY, NETWORKS};
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::model::{Network, PostRef};
use serde::Serialize;
use std::collections::BTreeMap;

/// A rule with every network's interactions and denominator settled.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    /// The preset it came from.
    pub preset: Preset,
    /// The rule as given (or the preset's).
    pub rule: EngagementRule,
    /// Per network, in [`NETWORKS`]' order (an array: a post looks its network up).
    statics: [Vec<Interaction>; NETWORKS.len()],
    videos: [Vec<Interaction>; NETWORKS.len()],
    denominators: [Denominator; NETWORKS.len()],
    /// Whether each type of the posts settled on is a reel or a video.
    video_kinds: VideoKinds,
}

fn clean(list: &[Interaction]) -> Vec<Interaction> {
    if list.contains(&PlatformEngagements) {
        return vec![PlatformEngagements];
    }
    let mut v: Vec<Interaction> = Vec::new();
    for i in list {
        if !v.contains(i) {
            v.push(*i);
        }
    }
    v
}

impl Resolved {
    /// Settles `rule` (or the preset's), recording an error for each unknown network key
    /// under `path` (`engagement.interactions.twiter`).
    pub(crate) fn new(
        preset: Preset,
        custom: &EngagementRule,
        path: &str,
        lang: Lang,
        errors: &mut Vec<FieldError>,
    ) -> Resolved {
        let rule = preset.rule().unwrap_or_else(|| custom.clone());
        let mut check = |field: &str, key: &str| {
            if key != DEFAULT_KEY && parse_network_key(key).is_none() {
                errors.push(FieldError {
                    field: format!("{path}.{field}.{key}"),
                    message: match lang {
                        Lang::En => format!("unknown network \"{key}\": expected default, x, facebook, instagram, linkedin, youtube, tiktok, web or other"),
                        Lang::Fr => format!("réseau inconnu « {key} » : default, x, facebook, instagram, linkedin, youtube, tiktok, web ou other attendu"),
                    },
                });
            }
        };
        rule.interactions
            .keys()
            .for_each(|k| check("interactions", k));
        rule.video_interactions
            .keys()
            .for_each(|k| check("video_interactions", k));
        rule.denominator_by_network
            .keys()
            .for_each(|k| check("denominator_by_network", k));
        let lookup = |m: &BTreeMap<String, Vec<Interaction>>, n: Network| {
            m.iter()
                .find(|(k, _)| parse_network_key(k) == Some(n))
                .or_else(|| m.get_key_value(DEFAULT_KEY))
                .map(|(_, v)| clean(v))
        };
        let mut statics: [Vec<Interaction>; NETWORKS.len()] = Default::default();
        let mut videos: [Vec<Interaction>; NETWORKS.len()] = Default::default();
        let mut denominators = [rule.denominator; NETWORKS.len()];
        for (k, n) in NETWORKS.into_iter().enumerate() {
            let s = lookup(&rule.interactions, n).unwrap_or_default();
            let v = lookup(&rule.video_interactions, n).unwrap_or_else(|| s.clone());
            statics[k] = s;
            videos[k] = v;
            let d = rule
                .denominator_by_network
                .iter()
                .find(|(k, _)| parse_network_key(k) == Some(n))
                .map_or(rule.denominator, |(_, d)| *d);
            denominators[k] = d;
        }
        Resolved {
            preset,
            rule,
            statics,
            videos,
            denominators,
            video_kinds: VideoKinds::default(),
        }
    }

    /// The interactions counted on `post`.
    pub(crate) fn interactions(&self, post: PostRef<'_>) -> &[Interaction] {
        let m = if self.video_kinds.get(post) {
            &self.videos
        } else {
            &self.statics
        };
        &m[network_index(post.network())]
    }

    /// The denominator of `network`.
    pub(crate) fn denominator(&self, network: Network) -> Denominator {
        self.denominators[network_index(network)]
    }

    /// Drops, for each network, the interactions no post of that network reports (a column
    /// the export does not have), and returns what is counted per network.
    pub(crate) fn settle<'a>(
        &mut self,
        posts: impl Iterator<Item = PostRef<'a>> + Clone,
        lang: Lang,
    ) -> Vec<Counted> {
        let mut out = Vec::new();
        let kinds = self.by_network(posts.clone());
        for (n, (has_static, has_video)) in NETWORKS.into_iter().zip(kinds) {
            if !has_static && !has_video {
                continue;
            }
            // The first post of `n` that has it: most interactions are found at once.
            let reported = |i: &Interaction| {
                posts
                    .clone()
                    .any(|p| p.network() == n && i.of_post(p).is_some())
            };
            let mut absent: Vec<Interaction> = Vec::new();
            let k = network_index(n);
            for list in [&mut self.statics[k], &mut self.videos[k]] {
                list.retain(|i| {
                    let keep = reported(i);
                    if !keep && !absent.contains(i) {
                        absent.push(*i);
                    }
                    keep
                });
            }
            let statics = self.statics[k].clone();
            let videos = self.videos[k].clone();
            let text = counted_text(&statics, &videos, (has_static, has_video), lang);
            out.push(Counted {
                network: n,
                interactions: statics,
                video_interactions: videos,
                not_in_files: absent,
                denominator: self.denominator(n),
                text,
            });
        }
        out
    }

    /// Whether each network of [`NETWORKS`] has a post that is no reel or video, and one that
    /// is (learnt for [`Resolved::interactions`]), in one pass; a network without posts has
    /// neither.
    fn by_network<'a>(&mut self, posts: impl Iterator<Item = PostRef<'a>>) -> Vec<(bool, bool)> {
        let mut of = vec![(false, false); NETWORKS.len()];
        for p in posts {
            let video = self.video_kinds.learn(p);
            let (has_static, has_video) = &mut of[network_index(p.network())];
            *has_static |= !video;
            *has_video |= video;
        }
        of
    }
}

/// What a network's posts count, in words: `statics` (and `videos` for its reels and videos,
/// when it has both kinds and they differ).
fn counted_text(
    statics: &[Interaction],
    videos: &[Interaction],
    (has_static, has_video): (bool, bool),
    lang: Lang,
) -> String {
    let names = |l: &[Interaction]| -> String {
        if l.is_empty() {
            lang.pick("nothing", "rien").to_string()
        } else {
            l.iter()
                .map(|i| i.name(lang))
                .collect::<Vec<_>>()
                .join(" + ")
        }
    };
    if statics == videos || !has_video {
        names(statics)
    } else if !has_static {
        names(videos)
    } else {
        match lang {
            Lang::En => format!("{} (reels and videos: {})", names(statics), names(videos)),
            Lang::Fr => format!("{} (reels et vidéos : {})", names(statics), names(videos)),
        }
    }
}

/// What counts as an engagement on one network of the dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counted {
    /// The network.
    pub network: Network,
    /// Interactions counted on its posts.
    pub interactions: Vec<Interaction>,
    /// Interactions counted on its reels and videos.
    pub video_interactions: Vec<Interaction>,
    /// Interactions the rule names but no post of this network reports: not counted.
    pub not_in_files: Vec<Interaction>,
    /// What its engagements are divided by.
    pub denominator: Denominator,
    /// The same, in words (`reactions + comments + shares`).
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::engagement::facts::engagements;
    use crate::model::PostMetrics;
    use Interaction::{Comments, Reactions};

    #[test]
    fn every_network_has_its_place() {
        for (k, n) in NETWORKS.into_iter().enumerate() {
            assert_eq!(network_index(n), k);
        }
    }

    #[test]
    fn platform_engagements_count_alone() {
        assert_eq!(
            clean(&[Reactions, PlatformEngagements, Comments]),
            vec![PlatformEngagements]
        );
        assert_eq!(
            clean(&[Reactions, Reactions, Comments]),
            vec![Reactions, Comments]
        );
        let posts: crate::model::Posts = vec![crate::model::Post {
            id: "1".into(),
            network: crate::model::Network::X,
            account: None,
            published: None,
            text: None,
            kind: None,
            permalink: None,
            metrics: PostMetrics {
                reactions: Some(3.0),
                comments: None,
                ..PostMetrics::default()
            },
            currency: None,
            origin: crate::model::Origin { file: 0, line: 2 },
        }]
        .into();
        let p = posts.get(0).unwrap();
        assert_eq!(engagements(p, &[Reactions]), Some(3.0));
        assert_eq!(engagements(p, &[Reactions, Comments]), None);
        assert_eq!(engagements(p, &[]), None);
    }
}
