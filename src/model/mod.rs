//! The canonical records every export maps into, whatever platform wrote it.
//!
//! A [`Dataset`] holds what the dropped files said, in seven kinds of record: [`Post`]s,
//! [`DailyRow`]s of account totals, [`AdRow`]s of spend, [`TrafficRow`]s of web analytics,
//! contest [`EntryRow`]s (comments), inbox [`Message`]s and Search Console [`SearchRow`]s. Metrics read only these, so a
//! formula never depends on which platform's spelling a column had.
//!
//! Counts are `Option<f64>`: `None` is unknown (a blank cell), never zero; negative values are
//! kept (TikTok, LinkedIn and YouTube report negative daily changes). Ids are strings, end to
//! end: 19-digit post ids do not fit a JavaScript number.

mod entries;
mod posts;

pub use entries::{Entries, EntryRef};
pub(crate) use posts::PostIn;
pub use posts::{Metric, PostId, PostRef, Posts};

use crate::date::{Date, DateTime};
use crate::schema::Counts;
use serde::Serialize;

/// Where a record came from: which file of the dataset, which line of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Index of the file in [`Dataset::files`].
    pub file: usize,
    /// 1-based line (of the text file) or row (of the sheet) the record was read from.
    pub line: u64,
}

/// A social network, or the web analytics a file came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Network {
    /// X, formerly Twitter.
    X,
    /// Facebook.
    Facebook,
    /// Instagram.
    Instagram,
    /// LinkedIn.
    LinkedIn,
    /// YouTube.
    YouTube,
    /// TikTok.
    TikTok,
    /// Web analytics (Google Analytics).
    Web,
    /// Anything else (a generic file mapped by hand).
    Other,
}

impl Network {
    /// The network's name as people write it.
    pub fn name(self) -> &'static str {
        match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::Instagram => "Instagram",
            Network::LinkedIn => "LinkedIn",
            Network::YouTube => "YouTube",
            Network::TikTok => "TikTok",
            Network::Web => "Web",
            Network::Other => "Other",
        }
    }
}

/// What a post's audience did with it. Every field is what the platform reported, or `None`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PostMetrics {
    /// Times the post was shown (X, LinkedIn, YouTube, legacy Facebook).
    pub impressions: Option<f64>,
    /// People who saw it at least once (Facebook, Instagram).
    pub reach: Option<f64>,
    /// Views (Meta's "Views", TikTok, YouTube, LinkedIn "Views").
    pub views: Option<f64>,
    /// The platform's own engagement total (X "engagements", Meta "Reactions, Comments and
    /// Shares", legacy Facebook "Lifetime Engaged Users"), kept as the platform defines it.
    pub engagements: Option<f64>,
    /// Likes or reactions.
    pub reactions: Option<f64>,
    /// Comments or replies.
    pub comments: Option<f64>,
    /// Shares, reposts or retweets.
    pub shares: Option<f64>,
    /// Saves or bookmarks.
    pub saves: Option<f64>,
    /// All clicks the platform counts on the post.
    pub clicks: Option<f64>,
    /// Clicks on a link in the post (X "url clicks", Meta "Link Clicks").
    pub link_clicks: Option<f64>,
    /// Visits to the profile from the post.
    pub profile_visits: Option<f64>,
    /// Follows the post brought.
    pub new_follows: Option<f64>,
    /// Video views where the platform counts them apart from views.
    pub video_views: Option<f64>,
    /// Watch time, in hours.
    pub watch_time_hours: Option<f64>,
    /// Followers of the account when the post was published, if the export says.
    pub followers_at_post: Option<f64>,
    /// The platform's own engagement rate as a ratio (X's `engagement rate` column), kept to
    /// check our arithmetic against.
    pub platform_engagement_rate: Option<f64>,
    /// Net subscribers the video brought, gained minus lost (YouTube's `Subscribers`): may be
    /// negative, never counted as new follows.
    pub net_follows: Option<f64>,
    /// Estimated revenue, in major units of the post's `currency` (YouTube's `Your estimated
    /// revenue (USD)`).
    pub revenue: Option<f64>,
    /// People who gave the post negative feedback (legacy Facebook's `Lifetime Negative
    /// feedback`: hid it, hid all the Page's posts, unliked the Page, reported it as spam).
    pub negative_feedback: Option<f64>,
    /// Negative feedback of the kind "hide post" (`… by type - hide_clicks`).
    pub hides: Option<f64>,
    /// Negative feedback of the kind "hide all posts" (`hide_all_clicks`).
    pub hides_all: Option<f64>,
    /// Negative feedback of the kind "unlike Page" (`unlike_page_clicks`).
    pub page_unlikes: Option<f64>,
    /// Negative feedback of the kind "report as spam" (`report_spam_clicks`).
    pub spam_reports: Option<f64>,
    /// Subscribers the video lost (YouTube's `Subscribers lost`).
    pub unfollows: Option<f64>,
}

/// One post, tweet, video or reel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Post {
    /// The platform's id, as written (may be Excel-damaged, e.g. `1.22158E+17`: kept, warned).
    pub id: String,
    /// Where it was published.
    pub network: Network,
    /// The account or page, when the export names it.
    pub account: Option<String>,
    /// When it was published.
    pub published: Option<DateTime>,
    /// Its text, title or caption.
    pub text: Option<String>,
    /// Its type as the platform names it (`photo`, `IG reel`, `Video`…).
    pub kind: Option<String>,
    /// Its address.
    pub permalink: Option<String>,
    /// What the audience did.
    pub metrics: PostMetrics,
    /// ISO code of `metrics.revenue` (from the header, e.g. `(USD)`), if known.
    pub currency: Option<String>,
    /// The file and line it came from.
    pub origin: Origin,
}

/// One day of an account's totals.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DailyRow {
    /// The network.
    pub network: Network,
    /// The account, when the export names it.
    pub account: Option<String>,
    /// The day.
    pub date: Date,
    /// Followers (fans, subscribers) at the end of the day.
    pub followers: Option<f64>,
    /// Follows gained that day.
    pub new_follows: Option<f64>,
    /// Follows lost that day.
    pub unfollows: Option<f64>,
    /// Net change that day when only the net is given (TikTok "Difference in followers").
    pub net_follows: Option<f64>,
    /// Impressions that day.
    pub impressions: Option<f64>,
    /// People reached that day.
    pub reach: Option<f64>,
    /// Views that day (video views, profile views are apart).
    pub views: Option<f64>,
    /// Profile views that day.
    pub profile_views: Option<f64>,
    /// Engagements that day, as the platform counts them.
    pub engagements: Option<f64>,
    /// People who engaged that day (legacy Facebook "Daily Page Engaged Users").
    pub engaged_users: Option<f64>,
    /// Likes or reactions that day.
    pub reactions: Option<f64>,
    /// Comments that day.
    pub comments: Option<f64>,
    /// Shares that day.
    pub shares: Option<f64>,
    /// Clicks that day.
    pub clicks: Option<f64>,
    /// Posts the account published that day (X overview "Create Post").
    pub posts: Option<f64>,
    /// Estimated revenue that day, in major units of `currency` (YouTube).
    pub revenue: Option<f64>,
    /// ISO code of `revenue`, if known.
    pub currency: Option<String>,
    /// What people told the platform about the account that day: negative feedback and
    /// mentions.
    pub feedback: Feedback,
    /// The file and line it came from.
    pub origin: Origin,
}

/// What people told the platform about an account on one day (legacy Facebook Page
/// Insights' `Daily Negative feedback`, its kinds, and `Daily Talking About This by story
/// type - mention`). Every field is what the export reported, or `None`.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Feedback {
    /// People who gave negative feedback that day.
    pub negative: Option<f64>,
    /// Of which "hide post".
    pub hides: Option<f64>,
    /// Of which "hide all posts".
    pub hides_all: Option<f64>,
    /// Of which "unlike Page".
    pub page_unlikes: Option<f64>,
    /// Of which "report as spam".
    pub spam_reports: Option<f64>,
    /// Mentions of the account that day.
    pub mentions: Option<f64>,
}

/// Ad spend: one campaign (or ad set, or day) of an ads export.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdRow {
    /// The network the ads ran on.
    pub network: Network,
    /// Campaign name.
    pub campaign: String,
    /// Campaign id, as written.
    pub campaign_id: Option<String>,
    /// First day of the reported period (or of the campaign).
    pub start: Option<Date>,
    /// Last day of the reported period (or of the campaign).
    pub end: Option<Date>,
    /// Amount spent, in major units of `currency`.
    pub spend: Option<f64>,
    /// ISO code of the spend (from the header, e.g. `Amount Spent (USD)`), if known.
    pub currency: Option<String>,
    /// Impressions bought.
    pub impressions: Option<f64>,
    /// People reached.
    pub reach: Option<f64>,
    /// Clicks (link clicks where the export distinguishes them).
    pub clicks: Option<f64>,
    /// Engagements as the platform counts them ("Post Engagement").
    pub engagements: Option<f64>,
    /// Follows or page likes the ads brought.
    pub new_follows: Option<f64>,
    /// Conversions (results) the platform attributes.
    pub conversions: Option<f64>,
    /// The file and line it came from.
    pub origin: Origin,
}

/// Web analytics for one traffic source (and, when given, one day).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TrafficRow {
    /// `Session source / medium` (`facebook.com / referral`, `t.co / referral`).
    pub source_medium: Option<String>,
    /// `Session default channel group` (`Organic Social`, `Paid Social`).
    pub channel: Option<String>,
    /// The network the source belongs to, when it is recognisably a social one.
    pub network: Option<Network>,
    /// The day, when the table is by day.
    pub date: Option<Date>,
    /// Sessions.
    pub sessions: Option<f64>,
    /// Engaged sessions.
    pub engaged_sessions: Option<f64>,
    /// Conversions (GA4 "Key events", older "Conversions", UA goal completions).
    pub conversions: Option<f64>,
    /// Revenue, in major units.
    pub revenue: Option<f64>,
    /// ISO code of the revenue, if the file says.
    pub currency: Option<String>,
    /// The event, for a table by event name (GA4's Events report: `sign_up`, `purchase`).
    pub event: Option<String>,
    /// Times the event happened (GA4 `Event count`).
    pub event_count: Option<f64>,
    /// Users (GA4 `Total users`).
    pub users: Option<f64>,
    /// The file and line it came from.
    pub origin: Origin,
}

/// One contest entry: a comment (or a line of a plain list of entrants).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntryRow {
    /// The comment's id, as written.
    pub id: Option<String>,
    /// The id of the comment this one replies to (ExportComments `SubId`).
    pub parent_id: Option<String>,
    /// The entrant's name or handle, as written.
    pub author: String,
    /// The entrant's profile id or URL, when the export gives it.
    pub profile: Option<String>,
    /// The comment's own address (`…/p/<post>/c/<comment>/`, `…?comment_id=…`), when the
    /// export's link column holds that rather than the entrant's profile.
    pub link: Option<String>,
    /// When the comment was written.
    pub date: Option<DateTime>,
    /// The comment's text.
    pub text: String,
    /// Likes on the comment.
    pub likes: Option<f64>,
    /// The file and line it came from.
    pub origin: Origin,
}

/// One conversation of an inbox export, for the community manager's response times.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Message {
    /// When the message arrived.
    pub received: DateTime,
    /// When it was first answered, if it was.
    pub replied: Option<DateTime>,
    /// The channel (network, DM, comment, e-mail…), if the export says.
    pub channel: Option<String>,
    /// The message's text, when the export carries it.
    pub text: Option<String>,
    /// The file and line it came from.
    pub origin: Origin,
}

/// What a Search Console table's rows are by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchDimension {
    /// One row per search query (`Queries.csv`).
    Query,
    /// One row per page (`Pages.csv`).
    Page,
    /// One row per country (`Countries.csv`).
    Country,
    /// One row per device (`Devices.csv`).
    Device,
    /// One row per day (`Dates.csv`).
    Date,
}

impl SearchDimension {
    /// What a table of it lists, in `lang` (plural): `queries`, `days`…
    pub fn label(self, lang: crate::i18n::Lang) -> &'static str {
        match self {
            SearchDimension::Query => lang.pick("queries", "requêtes"),
            SearchDimension::Page => lang.pick("pages", "pages"),
            SearchDimension::Country => lang.pick("countries", "pays"),
            SearchDimension::Device => lang.pick("devices", "appareils"),
            SearchDimension::Date => lang.pick("days", "jours"),
        }
    }
}

/// One row of a Search Console performance export: the clicks and impressions Google Search
/// gave one query, page, country, device or day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchRow {
    /// What the table's rows are by.
    pub dimension: SearchDimension,
    /// The query, page, country or device, as written (`None` for a row by day).
    pub key: Option<String>,
    /// The day, for a row by day.
    pub date: Option<Date>,
    /// Clicks from Google Search.
    pub clicks: Option<f64>,
    /// Times a link to the site was shown in results.
    pub impressions: Option<f64>,
    /// Google's own click-through rate, as a ratio (`61.97%` is 0.6197).
    pub ctr: Option<f64>,
    /// The average position in results (1 is the top): an average, never summed.
    pub position: Option<f64>,
    /// The file and line it came from.
    pub origin: Origin,
}

/// Canonical records, by kind: those of one table, or of a whole [`Dataset`].
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Records {
    /// Posts, stored by column.
    pub posts: Posts,
    /// Days of account totals.
    pub daily: Vec<DailyRow>,
    /// Ad spend rows.
    pub ads: Vec<AdRow>,
    /// Web traffic rows.
    pub traffic: Vec<TrafficRow>,
    /// Contest entries, stored compactly.
    pub entries: Entries,
    /// Inbox messages.
    pub messages: Vec<Message>,
    /// Search Console rows.
    pub search: Vec<SearchRow>,
}

impl Records {
    /// How many records of each kind.
    pub fn counts(&self) -> Counts {
        Counts {
            posts: self.posts.len() as u64,
            daily: self.daily.len() as u64,
            ads: self.ads.len() as u64,
            traffic: self.traffic.len() as u64,
            entries: self.entries.len() as u64,
            messages: self.messages.len() as u64,
            search: self.search.len() as u64,
        }
    }
}

/// Everything the dropped files said, as canonical records.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Dataset {
    /// The files, in the order they were added (records point here by index).
    pub files: Vec<String>,
    /// The records of every file.
    #[serde(flatten)]
    pub records: Records,
}
