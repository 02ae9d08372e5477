//! TikTok Studio: each section downloads as a zip (`Overview_<date>_<epoch>_<handle>.zip`,
//! `Followers_<handle>.zip`, `Content_<handle>.zip`) of one CSV, with dates that have no year
//! (`April 12`): the year comes from the file name, else from today, and the report says so.
//! Days TikTok has not counted yet hold `undefined` (or `--`, or `-`): unknown, not zero, said
//! once per file.

use super::Format;
use crate::i18n::Text;
use crate::model::{Network, PostIn};
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};
use std::borrow::Cow;

/// `Overview.csv`: the account's values per day.
pub(crate) const OVERVIEW: Format = Format {
    id: FormatId::TiktokOverview,
    label: Text {
        en: "TikTok Studio overview (daily)",
        fr: "Vue d’ensemble TikTok Studio (par jour)",
    },
    network: Network::TikTok,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date"]),
        (
            DailyViews,
            &["video views", "vues de videos", "vues des videos"],
        ),
        (DailyProfileViews, &["profile views", "vues du profil"]),
        (DailyReactions, &["likes", "j'aime"]),
        (DailyComments, &["comments", "commentaires"]),
        (DailyShares, &["shares", "partages"]),
    ],
};

/// `Content.csv`: one row per video.
pub(crate) const CONTENT: Format = Format {
    id: FormatId::TiktokContent,
    label: Text {
        en: "TikTok Studio videos",
        fr: "Vidéos TikTok Studio",
    },
    network: Network::TikTok,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostText, &["video title", "titre de la video"]),
        (PostPermalink, &["video link", "lien de la video"]),
        (
            PostPublished,
            &["post time", "heure de publication", "date de publication"],
        ),
        (
            PostReactions,
            &["total likes", "total des j'aime", "nombre total de j'aime"],
        ),
        (
            PostComments,
            &[
                "total comments",
                "total des commentaires",
                "nombre total de commentaires",
            ],
        ),
        (
            PostShares,
            &[
                "total shares",
                "total des partages",
                "nombre total de partages",
            ],
        ),
        (
            PostViews,
            &["total views", "total des vues", "nombre total de vues"],
        ),
    ],
};

/// `FollowerHistory.csv`: followers per day and the change from the day before.
pub(crate) const FOLLOWERS: Format = Format {
    id: FormatId::TiktokFollowers,
    label: Text {
        en: "TikTok Studio followers (daily)",
        fr: "Abonnés TikTok Studio (par jour)",
    },
    network: Network::TikTok,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date"]),
        (DailyFollowers, &["followers", "abonnes"]),
        (
            DailyNetFollows,
            &[
                "difference in followers*",
                "difference d'abonnes*",
                "variation des abonnes*",
            ],
        ),
    ],
};

/// Whether the format writes a lone `-` for a value it has not counted yet.
pub(crate) fn writes_dash_for_unknown(id: FormatId) -> bool {
    matches!(
        id,
        FormatId::TiktokOverview | FormatId::TiktokContent | FormatId::TiktokFollowers
    )
}

/// TikTok's quirks: the id and the account are in the video link
/// (`https://www.tiktok.com/@handle/video/7234…`).
pub(crate) fn finish_post(post: &mut PostIn<'_>) {
    let Some(link) = post.permalink.as_deref() else {
        return;
    };
    if post.id.is_empty() {
        if let Some(id) = link.split("/video/").nth(1) {
            post.id = Cow::Owned(id.split(['/', '?']).next().unwrap_or("").to_string());
        }
    }
    if post.account.is_none() {
        post.account = link
            .split("/@")
            .nth(1)
            .and_then(|rest| rest.split(['/', '?']).next())
            .filter(|h| !h.is_empty())
            .map(|h| Cow::Owned(format!("@{h}")));
    }
}
