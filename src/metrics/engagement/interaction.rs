//! The interactions a post can receive, as the rule names them.

use crate::i18n::Lang;
use crate::model::{Metric, PostMetrics, PostRef};
use serde::{Deserialize, Serialize};

/// One kind of interaction a post can receive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interaction {
    /// Likes or reactions.
    Reactions,
    /// Comments or replies.
    Comments,
    /// Shares, reposts, retweets.
    Shares,
    /// Saves or bookmarks.
    Saves,
    /// All clicks the platform counts.
    Clicks,
    /// Clicks on a link.
    LinkClicks,
    /// Visits to the profile from the post.
    ProfileVisits,
    /// Follows the post brought.
    Follows,
    /// Video views counted apart from views.
    VideoViews,
    /// The platform's own engagement total (X "engagements", Meta "Reactions, Comments and
    /// Shares"). It already includes the others, so it is counted alone.
    PlatformEngagements,
}

impl Interaction {
    /// Every interaction, in the order the page offers them.
    pub const ALL: [Interaction; 10] = [
        Interaction::Reactions,
        Interaction::Comments,
        Interaction::Shares,
        Interaction::Saves,
        Interaction::Clicks,
        Interaction::LinkClicks,
        Interaction::ProfileVisits,
        Interaction::Follows,
        Interaction::VideoViews,
        Interaction::PlatformEngagements,
    ];

    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Interaction::Reactions => "reactions",
            Interaction::Comments => "comments",
            Interaction::Shares => "shares",
            Interaction::Saves => "saves",
            Interaction::Clicks => "clicks",
            Interaction::LinkClicks => "link_clicks",
            Interaction::ProfileVisits => "profile_visits",
            Interaction::Follows => "follows",
            Interaction::VideoViews => "video_views",
            Interaction::PlatformEngagements => "platform_engagements",
        }
    }

    /// Its name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Interaction::Reactions => lang.pick("reactions", "réactions"),
            Interaction::Comments => lang.pick("comments", "commentaires"),
            Interaction::Shares => lang.pick("shares", "partages"),
            Interaction::Saves => lang.pick("saves", "enregistrements"),
            Interaction::Clicks => lang.pick("clicks", "clics"),
            Interaction::LinkClicks => lang.pick("link clicks", "clics sur le lien"),
            Interaction::ProfileVisits => lang.pick("profile visits", "visites du profil"),
            Interaction::Follows => lang.pick("follows", "abonnements"),
            Interaction::VideoViews => lang.pick("video views", "vues de la vidéo"),
            Interaction::PlatformEngagements => lang.pick(
                "engagements as the platform counts them",
                "engagements comptés par la plateforme",
            ),
        }
    }

    /// The count that holds this interaction.
    pub fn metric(self) -> Metric {
        match self {
            Interaction::Reactions => Metric::Reactions,
            Interaction::Comments => Metric::Comments,
            Interaction::Shares => Metric::Shares,
            Interaction::Saves => Metric::Saves,
            Interaction::Clicks => Metric::Clicks,
            Interaction::LinkClicks => Metric::LinkClicks,
            Interaction::ProfileVisits => Metric::ProfileVisits,
            Interaction::Follows => Metric::NewFollows,
            Interaction::VideoViews => Metric::VideoViews,
            Interaction::PlatformEngagements => Metric::Engagements,
        }
    }

    /// The post's count of this interaction, if the export gave it.
    pub fn of(self, m: &PostMetrics) -> Option<f64> {
        m.get(self.metric())
    }

    /// [`of`](Interaction::of), read from the store.
    pub(crate) fn of_post(self, p: PostRef<'_>) -> Option<f64> {
        p.metric(self.metric())
    }
}
