//! X (Twitter): the old tweet activity export, and the new content and overview exports.

use super::Format;
use crate::i18n::Text;
use crate::model::{Network, Post};
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};

/// Old "tweet activity": one row per tweet, 40 quoted columns, X's own engagement rate.
pub(crate) const TWEET_ACTIVITY: Format = Format {
    id: FormatId::XTweetActivity,
    label: Text {
        en: "X tweet activity (old export)",
        fr: "X, activité des tweets (ancien export)",
    },
    network: Network::X,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["tweet id"]),
        (PostPermalink, &["tweet permalink"]),
        (PostText, &["tweet text"]),
        (PostPublished, &["time"]),
        (PostImpressions, &["impressions"]),
        (PostEngagements, &["engagements"]),
        (PostEngagementRate, &["engagement rate"]),
        (PostShares, &["retweets"]),
        (PostComments, &["replies"]),
        (PostReactions, &["likes", "favorites"]),
        (PostProfileVisits, &["user profile clicks"]),
        (PostLinkClicks, &["url clicks"]),
        (PostNewFollows, &["follows"]),
        (PostVideoViews, &["media views"]),
    ],
};

/// New "content" export (`account_analytics_content_<from>_<to>.csv`).
pub(crate) const CONTENT: Format = Format {
    id: FormatId::XContent,
    label: Text {
        en: "X posts (content export)",
        fr: "X, publications (export contenu)",
    },
    network: Network::X,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["post id"]),
        (PostPublished, &["date"]),
        (PostText, &["post text"]),
        (PostPermalink, &["post link", "link"]),
        (PostImpressions, &["impressions"]),
        (PostReactions, &["likes"]),
        (PostEngagements, &["engagements"]),
        (PostSaves, &["bookmarks"]),
        (PostShares, &["reposts"]),
        (PostNewFollows, &["new follows"]),
        (PostComments, &["replies"]),
        (PostProfileVisits, &["profile visits"]),
        (PostLinkClicks, &["url clicks"]),
    ],
};

/// New "overview" export: one row per day, newest first.
pub(crate) const OVERVIEW: Format = Format {
    id: FormatId::XOverview,
    label: Text {
        en: "X account overview (daily)",
        fr: "X, vue d’ensemble du compte (par jour)",
    },
    network: Network::X,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date"]),
        (DailyImpressions, &["impressions"]),
        (DailyReactions, &["likes"]),
        (DailyEngagements, &["engagements"]),
        (DailyShares, &["reposts"]),
        (DailyNewFollows, &["new follows"]),
        (DailyUnfollows, &["unfollows"]),
        (DailyComments, &["replies"]),
        (DailyProfileViews, &["profile visits"]),
        (DailyPosts, &["create post"]),
        (DailyViews, &["video views"]),
    ],
};

/// The account a status link names: `https://twitter.com/rOpenSci/status/8123…` → `rOpenSci`.
pub(crate) fn account_in_link(link: &str) -> Option<String> {
    let rest = link.split("://").nth(1).unwrap_or(link);
    let mut parts = rest.split('/');
    let host = parts.next()?;
    if !(host.ends_with("twitter.com") || host.ends_with("x.com")) {
        return None;
    }
    let account = parts.next()?;
    (parts.next() == Some("status") && !account.is_empty() && account != "i")
        .then(|| account.to_string())
}

/// X's own quirks: the account from the link, the id from the link when the column is blank.
pub(crate) fn finish_post(post: &mut Post) {
    if let Some(link) = post.permalink.as_deref() {
        if post.account.is_none() {
            post.account = account_in_link(link);
        }
        if post.id.is_empty() {
            if let Some(id) = link.split("/status/").nth(1) {
                post.id = id.split(['/', '?']).next().unwrap_or("").to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_in_links() {
        assert_eq!(
            account_in_link("https://twitter.com/rOpenSci/status/812369747765362688").as_deref(),
            Some("rOpenSci")
        );
        assert_eq!(
            account_in_link("https://x.com/a_b/status/1").as_deref(),
            Some("a_b")
        );
        assert_eq!(account_in_link("https://x.com/i/web/status/1"), None);
        assert_eq!(account_in_link("https://example.com/a/status/1"), None);
    }
}
