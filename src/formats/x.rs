//! X (Twitter): the old tweet activity exports (per tweet, and per day), and the new content
//! and overview exports.

use super::Format;
use crate::i18n::Text;
use crate::model::{Network, PostIn};
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};
use std::borrow::Cow;

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

/// Old "daily tweet activity" (`daily_tweet_activity_metrics_<handle>_<start>_<end>_<lang>.csv`):
/// one row per day, every field quoted, then the same columns with `promoted` in front (not
/// read: they count the ads). Its days include replies and tweets the per-tweet file may not
/// list: the two are compared, never added (posts and days are records of two kinds).
pub(crate) const DAILY_ACTIVITY: Format = Format {
    id: FormatId::XDailyActivity,
    label: Text {
        en: "X daily tweet activity (old export)",
        fr: "X, activité quotidienne des tweets (ancien export)",
    },
    network: Network::X,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date"]),
        (DailyPosts, &["tweets published"]),
        (DailyImpressions, &["impressions"]),
        (DailyEngagements, &["engagements"]),
        (DailyShares, &["retweets"]),
        (DailyComments, &["replies"]),
        (DailyReactions, &["likes", "favorites"]),
        (DailyProfileViews, &["user profile clicks"]),
        (DailyClicks, &["url clicks"]),
        (DailyNewFollows, &["follows"]),
        (DailyViews, &["media views"]),
    ],
};

/// The account a daily tweet activity file name names:
/// `daily_tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv` → `rOpenSci`.
pub(crate) fn account_in_daily_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let rest = base.strip_prefix("daily_tweet_activity_metrics_")?;
    let parts: Vec<&str> = rest.split('_').collect();
    // <handle>_<start>_<end>_<lang>.csv: the handle may hold underscores itself.
    (parts.len() >= 4)
        .then(|| parts[..parts.len() - 3].join("_"))
        .filter(|h| !h.is_empty())
}

/// The account a status link names: `https://twitter.com/rOpenSci/status/8123…` → `rOpenSci`.
pub(crate) fn account_in_link(link: &str) -> Option<&str> {
    let rest = after_scheme(link);
    // What `rest.split('/')` gives first, second and third, found byte by byte (once per
    // post: a splitter costs more to set up than these links to scan).
    let slash = |s: &str| s.bytes().position(|b| b == b'/');
    let h = slash(rest)?;
    let host = &rest[..h];
    if !(host.ends_with("twitter.com") || host.ends_with("x.com")) {
        return None;
    }
    let after = &rest[h + 1..];
    let a = slash(after)?;
    let account = &after[..a];
    let third = &after[a + 1..];
    let third = slash(third).map_or(third, |k| &third[..k]);
    (third == "status" && !account.is_empty() && account != "i").then_some(account)
}

/// What `link.split("://").nth(1).unwrap_or(link)` gives, found with a byte search (this runs
/// once per post, and a substring searcher costs more to set up than these links to scan).
fn after_scheme(link: &str) -> &str {
    let scheme = |s: &str| {
        memchr::memchr_iter(b':', s.as_bytes()).find(|&i| s.as_bytes()[i..].starts_with(b"://"))
    };
    let Some(i) = scheme(link) else {
        return link;
    };
    let rest = &link[i + 3..];
    scheme(rest).map_or(rest, |j| &rest[..j])
}

/// X's own quirks: the account from the link, the id from the link when the column is blank.
pub(crate) fn finish_post(post: &mut PostIn<'_>) {
    let Some(link) = post.permalink.clone() else {
        return;
    };
    if post.account.is_none() {
        post.account = part_of(&link, account_in_link);
    }
    if post.id.is_empty() {
        if let Some(id) = link.split("/status/").nth(1) {
            post.id = Cow::Owned(id.split(['/', '?']).next().unwrap_or("").to_string());
        }
    }
}

/// What `part` finds in `text`, borrowed from it as long as `text` is borrowed.
pub(crate) fn part_of<'a>(
    text: &Cow<'a, str>,
    part: impl Fn(&str) -> Option<&str>,
) -> Option<Cow<'a, str>> {
    match text {
        Cow::Borrowed(t) => part(t).map(Cow::Borrowed),
        Cow::Owned(t) => part(t).map(|p| Cow::Owned(p.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounts_in_links() {
        assert_eq!(
            account_in_link("https://twitter.com/rOpenSci/status/812369747765362688"),
            Some("rOpenSci")
        );
        assert_eq!(account_in_link("https://x.com/a_b/status/1"), Some("a_b"));
        assert_eq!(account_in_link("https://x.com/i/web/status/1"), None);
        assert_eq!(account_in_link("https://example.com/a/status/1"), None);
        for link in [
            "a://b://c",
            "x.com/a",
            "://x",
            "a:/b://c/d",
            "https://x.com/a://b",
            ":",
        ] {
            assert_eq!(
                after_scheme(link),
                link.split("://").nth(1).unwrap_or(link),
                "{link}"
            );
        }
    }

    #[test]
    fn accounts_in_daily_file_names() {
        assert_eq!(
            account_in_daily_name("daily_tweet_activity_metrics_a_b_20211201_20211231_en.csv")
                .as_deref(),
            Some("a_b")
        );
        assert_eq!(
            account_in_daily_name("dir/daily_tweet_activity_metrics_acme_20211201_20211231_fr.csv")
                .as_deref(),
            Some("acme")
        );
        assert_eq!(account_in_daily_name("Totals.csv"), None);
    }
}
