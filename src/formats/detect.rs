//! Which export a table is, from its column names (and, for the few formats whose names are
//! not enough, the file's name or its preamble). Names are compared normalised ([`norm`]):
//! case, accents and spacing do not matter; positions never do.
//!
//! [`norm`]: super::norm

use super::{analytics, comments, followers, search_console, youtube};
use crate::schema::FormatId;

/// What is known about a table when its header is found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Probe<'a> {
    /// The header's names, normalised.
    pub names: &'a [String],
    /// The table's file name (inside its zip, if any), e.g. `Totals.csv`.
    pub file_name: &'a str,
    /// The `#` lines before the table.
    pub preamble: &'a [String],
}

impl Probe<'_> {
    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    fn has_any(&self, names: &[&str]) -> bool {
        names.iter().any(|n| self.has(n))
    }

    fn has_prefix(&self, prefix: &str) -> bool {
        self.names.iter().any(|n| n.starts_with(prefix))
    }

    fn contains(&self, part: &str) -> bool {
        self.names.iter().any(|n| n.contains(part))
    }
}

/// The format of a table whose header is `probe.names`, or `None` when no known export has
/// that header.
///
/// One flat decision table, kept whole on purpose: its rules are tried in order and several
/// depend on an earlier one failing (Meta before X content, a YouTube chart before its
/// totals), so the order is the logic and reads best on one page.
pub(crate) fn detect(p: &Probe) -> Option<FormatId> {
    use FormatId::*;
    let date = p.has_any(&["date", "data"]);
    // X.
    if p.has("tweet id") && p.has_any(&["impressions", "engagements"]) {
        return Some(XTweetActivity);
    }
    // Meta Business Suite, before X content (both have "Post ID").
    if p.has("post id") && p.has("publish time") {
        if p.has_any(&["account id", "account username"]) {
            return Some(MetaInstagramPosts);
        }
        return Some(MetaFacebookPosts);
    }
    if p.has("post id") && p.has_any(&["post link", "link"]) && p.has("impressions") {
        return Some(XContent);
    }
    if date && p.has("tweets published") && p.has("impressions") {
        return Some(XDailyActivity);
    }
    if date
        && p.has("impressions")
        && p.has("new follows")
        && p.has_any(&["unfollows", "create post", "engagements"])
    {
        return Some(XOverview);
    }
    // Ads Manager.
    if p.has_any(&["campaign name", "nom de la campagne"])
        && (p.has_prefix("amount spent") || p.has_prefix("montant depense"))
    {
        return Some(FacebookAds);
    }
    // Legacy Page Insights.
    if p.has("post id") && p.has("posted") {
        if p.has("lifetime total video views") && !p.has("lifetime engaged users") {
            return Some(FacebookInsightsVideo);
        }
        if p.has_prefix("lifetime ") {
            return Some(FacebookInsightsPost);
        }
    }
    if p.has("date") && p.has_any(&["lifetime total likes", "daily new likes"]) {
        return Some(FacebookInsightsPage);
    }
    // LinkedIn.
    if p.has_any(&[
        "post title",
        "update title",
        "titre de la publication",
        "titre de la mise a jour",
        "titulo da publicacao",
    ]) && p.has_any(&[
        "post link",
        "update link",
        "lien de la publication",
        "lien de la mise a jour",
        "link da publicacao",
    ]) {
        return Some(LinkedinContent);
    }
    if date && (p.has_prefix("impressions (") || p.has_prefix("impressoes (")) && !p.has("content")
    {
        return Some(LinkedinMetrics);
    }
    if date
        && p.has_any(&[
            "total followers",
            "total des abonnes",
            "total de seguidores",
            "nombre total d'abonnes",
        ])
        && (p.contains("organic")
            || p.contains("organique")
            || p.contains("sponsored")
            || p.contains("sponsoris"))
    {
        return Some(LinkedinFollowers);
    }
    if date
        && (p.contains("page views") || p.contains("pages vues"))
        && (p.contains("unique visitors") || p.contains("visiteurs uniques"))
    {
        return Some(LinkedinVisitors);
    }
    // YouTube.
    let youtube_video =
        p.has_any(&["content", "contenu"]) && p.has_any(&["video title", "titre de la video"]);
    if youtube_video && date {
        return Some(YoutubeChart);
    }
    if youtube_video {
        return Some(YoutubeTable);
    }
    // TikTok.
    if date
        && p.has_any(&["video views", "vues de videos", "vues des videos"])
        && p.has_any(&["profile views", "vues du profil"])
    {
        return Some(TiktokOverview);
    }
    if date
        && p.has_any(&["followers", "abonnes"])
        && (p.has_prefix("difference in followers")
            || p.has_prefix("difference d'abonnes")
            || p.has_prefix("variation des abonnes"))
    {
        return Some(TiktokFollowers);
    }
    if p.has_any(&["video link", "lien de la video"])
        && p.has_any(&["post time", "heure de publication", "date de publication"])
    {
        return Some(TiktokContent);
    }
    // Google Analytics.
    let sessions = p.has("sessions");
    if p.has_any(&["event name", "nom de l'evenement"])
        && p.has_any(&["event count", "key events", "nombre d'evenements"])
    {
        return Some(Ga4Events);
    }
    let ga4_preamble = p
        .preamble
        .iter()
        .any(|l| l.to_ascii_lowercase().contains("start date"));
    if p.has_any(analytics::GA4_METRICS) && (p.has_any(analytics::GA4_DIMENSIONS) || ga4_preamble) {
        return Some(Ga4);
    }
    let ua_names = [
        "source / medium",
        "source",
        "medium",
        "default channel grouping",
        "social network",
        "day index",
        "bounce rate",
        "goal completions",
    ];
    if sessions && (p.has_any(&ua_names) || !p.preamble.is_empty()) {
        return Some(Ua);
    }
    // Search Console and Instagram's follower lists.
    if let Some(id) = search_console::detect(p.names) {
        return Some(id);
    }
    if let Some(id) = followers::detect(p.names, p.file_name) {
        return Some(id);
    }
    // Comments.
    if p.has("name (click to view profile)")
        || (p.has_any(comments::TEXT_COLUMNS)
            && p.has_any(&[
                "name",
                "username",
                "user",
                "author",
                "nom",
                "auteur",
                "pseudo",
                "nom d'utilisateur",
            ]))
    {
        return Some(Comments);
    }
    // YouTube's Totals.csv: a date and YouTube's own metrics, or its file name in any folder.
    if date
        && p.names.len() >= 2
        && (youtube::is_totals_file(p.file_name) || p.has_any(youtube::OWN_METRICS))
    {
        return Some(YoutubeTotals);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_detect() {
        use crate::formats::detect::{detect, Probe};
        use crate::formats::FormatId;
        let names: Vec<String> = [
            "date",
            "followers",
            "difference in followers from previous day",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let probe = Probe {
            names: &names,
            ..Probe::default()
        };
        assert_eq!(detect(&probe), Some(FormatId::TiktokFollowers));
    }
    use crate::formats::norm;

    fn detect_names(names: &str, file_name: &str) -> Option<FormatId> {
        let names: Vec<String> = names.split(',').map(norm).collect();
        detect(&Probe {
            names: &names,
            file_name,
            preamble: &[],
        })
    }

    #[test]
    fn headers_of_formats_md() {
        use FormatId::*;
        let cases = [
            ("\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"engagement rate\"", XTweetActivity),
            ("Post id,Date,Post text,Post Link,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Replies,Reposts", XContent),
            ("Post id,Date,Post text,Link,Impressions,Likes", XContent),
            ("Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views", XOverview),
            ("\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Publish time\",Permalink,Views,Reach", MetaFacebookPosts),
            ("\"Post ID\",\"Account ID\",\"Account username\",\"Account name\",Description,\"Publish time\",Views,Reach,Likes", MetaInstagramPosts),
            ("\"Campaign Name\",Ends,\"Campaign ID\",Impressions,\"Amount Spent (USD)\"", FacebookAds),
            ("\"Post ID\",Permalink,\"Post Message\",Type,Posted,\"Lifetime Post Total Reach\",\"Lifetime Engaged Users\"", FacebookInsightsPost),
            ("\"Post ID\",Permalink,Posted,\"Lifetime Post Total Impressions\",\"Lifetime Total Video Views\"", FacebookInsightsVideo),
            ("Date,Lifetime Total Likes,Daily New Likes,Daily Unlikes", FacebookInsightsPage),
            ("Post title,Post link,Post type,Created date,Impressions,Clicks", LinkedinContent),
            ("Update title,Update link,Created date,Impressions,Shares", LinkedinContent),
            ("Date,Impressions (organic),Impressions (sponsored),Impressions (total)", LinkedinMetrics),
            ("Date,Impressões (orgânicas),Impressões (total)", LinkedinMetrics),
            ("Date,Sponsored followers,Organic followers,Auto-invited followers,Total followers", LinkedinFollowers),
            ("Date,Total page views (desktop),Total page views (total),Total unique visitors (total)", LinkedinVisitors),
            ("Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers", YoutubeTable),
            ("Date,Content,Video title,Video publish time,Duration,Views", YoutubeChart),
            ("Date,Views", YoutubeTotals),
            ("Date,Watch time (hours)", YoutubeTotals),
            ("Date,Subscribers", YoutubeTotals),
            ("Date,Your estimated revenue (USD)", YoutubeTotals),
            ("\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"", TiktokOverview),
            ("\"Time\",\"Video title\",\"Video link\",\"Post time\",\"Total likes\"", TiktokContent),
            ("\"Date\",\"Followers\",\"Difference in followers from previous day\"", TiktokFollowers),
            ("Session source / medium,Sessions,Engaged sessions,Key events,Total revenue", Ga4),
            ("Session primary channel group (Default channel group),Sessions,Engaged sessions,Key events,Total users", Ga4),
            ("First user source / medium,Total users,New users,Key events", Ga4),
            ("Date + hour (YYYYMMDDHH),Sessions,Total users", Ga4),
            ("Event name,Event count,Total users,Key events", Ga4Events),
            ("\"Date\",\"Tweets published\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\"", XDailyActivity),
            ("Top queries,Clicks,Impressions,CTR,Position", SearchConsoleQueries),
            ("Date,Clicks,Impressions,CTR,Position", SearchConsoleDates),
            ("title,media_list_data,string_list_data", InstagramFollowers),
            ("Source / Medium,Sessions,% New Sessions,Bounce Rate,Goal Completions,Revenue", Ua),
            ("Id,SubId,Name (click to view profile),Date,Likes,Comment,Link", Comments),
            ("Name (click to view profile),Profile ID,Date,Likes,Comment,Live video timestamp", Comments),
        ];
        for (header, id) in cases {
            let file = if header == "Date,Views" {
                "Totals.csv"
            } else {
                "data.csv"
            };
            assert_eq!(detect_names(header, file), Some(id), "{header}");
        }
    }

    #[test]
    fn totals_by_name_in_any_folder() {
        for name in [
            "Totals.csv",
            "dir/Totals.csv",
            "Content 2025 Chaîne/Totals.csv",
            "C:\\exports\\Totals.csv",
        ] {
            assert_eq!(
                detect_names("Date,Views", name),
                Some(FormatId::YoutubeTotals),
                "{name}"
            );
        }
        assert_eq!(detect_names("Date,Views", "dir/Totals.csv.bak"), None);
    }

    #[test]
    fn unknown_headers() {
        assert_eq!(detect_names("Date,Views", "views.csv"), None);
        assert_eq!(detect_names("name,email", "list.csv"), None);
        assert_eq!(detect_names("Nom", "liste.txt"), None);
    }
}
