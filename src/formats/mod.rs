//! Tables to canonical records: which export a table is ([`detect`]), which of its columns
//! mean what (by name, case-insensitively, never by position), and the platform's quirks.
//!
//! Each platform has its file with its formats' column names and known spelling variants:
//! [`x`], [`meta`] (Meta Business Suite posts and Ads Manager), [`facebook`] (legacy Page
//! Insights), [`linkedin`], [`youtube`], [`tiktok`], [`analytics`] (Google Analytics 4 and
//! Universal Analytics) and [`comments`] (giveaway entries). [`tables`] reads rows into
//! tables and [`mapper`] turns a table's rows into records.

pub mod analytics;
pub mod comments;
pub mod detect;
pub mod facebook;
pub mod fields;
pub mod linkedin;
pub mod mapper;
pub mod meta;
pub mod tables;
pub mod tiktok;
pub mod x;
pub mod youtube;

use crate::i18n::{Lang, Text};
use crate::model::{AdRow, DailyRow, EntryRow, Message, Network, Post, TrafficRow};
use fields::{Field, RecordKind};
use serde::Serialize;

/// The stable id of a format, as reports name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum FormatId {
    XTweetActivity,
    XContent,
    XOverview,
    MetaFacebookPosts,
    MetaInstagramPosts,
    FacebookAds,
    FacebookInsightsPost,
    FacebookInsightsPage,
    FacebookInsightsVideo,
    LinkedinContent,
    LinkedinMetrics,
    LinkedinFollowers,
    LinkedinVisitors,
    YoutubeTable,
    YoutubeChart,
    YoutubeTotals,
    TiktokOverview,
    TiktokContent,
    TiktokFollowers,
    Ga4,
    Ua,
    Comments,
    Generic,
}

/// One export format: what it holds and which column names mean which field.
#[derive(Debug)]
pub struct Format {
    /// Its id.
    pub id: FormatId,
    /// What people call it.
    pub label: Text,
    /// The network its records belong to.
    pub network: Network,
    /// The kind of record it gives; `None` when its rows are read but not imported.
    pub kind: Option<RecordKind>,
    /// For each field, the column names that hold it (normalised, see [`norm`]), best first.
    /// A name ending in `*` matches every column starting with it.
    pub columns: &'static [(Field, &'static [&'static str])],
}

/// Every format, in detection order.
pub const FORMATS: &[&Format] = &[
    &x::TWEET_ACTIVITY,
    &x::CONTENT,
    &x::OVERVIEW,
    &meta::FACEBOOK_POSTS,
    &meta::INSTAGRAM_POSTS,
    &meta::ADS,
    &facebook::POST,
    &facebook::PAGE,
    &facebook::VIDEO,
    &linkedin::CONTENT,
    &linkedin::METRICS,
    &linkedin::FOLLOWERS,
    &linkedin::VISITORS,
    &youtube::TABLE,
    &youtube::CHART,
    &youtube::TOTALS,
    &tiktok::OVERVIEW,
    &tiktok::CONTENT,
    &tiktok::FOLLOWERS,
    &analytics::GA4,
    &analytics::UA,
    &comments::COMMENTS,
    &GENERIC,
];

/// A file we do not recognise: the user maps its columns.
pub const GENERIC: Format = Format {
    id: FormatId::Generic,
    label: Text {
        en: "Unrecognised table",
        fr: "Tableau non reconnu",
    },
    network: Network::Other,
    kind: None,
    columns: &[],
};

impl FormatId {
    /// Its id as reports write it (`x-tweet-activity`).
    pub fn key(self) -> &'static str {
        match self {
            FormatId::XTweetActivity => "x-tweet-activity",
            FormatId::XContent => "x-content",
            FormatId::XOverview => "x-overview",
            FormatId::MetaFacebookPosts => "meta-facebook-posts",
            FormatId::MetaInstagramPosts => "meta-instagram-posts",
            FormatId::FacebookAds => "facebook-ads",
            FormatId::FacebookInsightsPost => "facebook-insights-post",
            FormatId::FacebookInsightsPage => "facebook-insights-page",
            FormatId::FacebookInsightsVideo => "facebook-insights-video",
            FormatId::LinkedinContent => "linkedin-content",
            FormatId::LinkedinMetrics => "linkedin-metrics",
            FormatId::LinkedinFollowers => "linkedin-followers",
            FormatId::LinkedinVisitors => "linkedin-visitors",
            FormatId::YoutubeTable => "youtube-table",
            FormatId::YoutubeChart => "youtube-chart",
            FormatId::YoutubeTotals => "youtube-totals",
            FormatId::TiktokOverview => "tiktok-overview",
            FormatId::TiktokContent => "tiktok-content",
            FormatId::TiktokFollowers => "tiktok-followers",
            FormatId::Ga4 => "ga4",
            FormatId::Ua => "ua",
            FormatId::Comments => "comments",
            FormatId::Generic => "generic",
        }
    }

    /// Its format.
    pub fn format(self) -> &'static Format {
        FORMATS
            .iter()
            .copied()
            .find(|f| f.id == self)
            .unwrap_or(&GENERIC)
    }

    /// What people call it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.format().label.get(lang)
    }

    /// Whether its tables may follow one another in one file, each after a `#` preamble.
    pub fn has_preambles(self) -> bool {
        matches!(self, FormatId::Ga4 | FormatId::Ua)
    }
}

/// A column name as formats list it: lower case, without accents, spaces collapsed, typographic
/// apostrophes straightened, a byte order mark or quotes around it dropped.
///
/// ```
/// use social_roi::formats::norm;
/// assert_eq!(norm("\u{feff}\"Post ID\""), "post id");
/// assert_eq!(norm("  Impressions   (organiques) "), "impressions (organiques)");
/// assert_eq!(norm("Taux d’engagement"), "taux d'engagement");
/// ```
pub fn norm(name: &str) -> String {
    let trimmed = name.trim_matches(|c: char| {
        c.is_whitespace() || c == '\u{feff}' || c == '"' || c == '\u{200b}'
    });
    let folded = crate::date::fold(trimmed);
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        let c = match c {
            '’' | '‘' | '`' | '´' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Whether `alias` (normalised; a trailing `*` matches any end) names the column `name`
/// (normalised).
pub fn alias_matches(alias: &str, name: &str) -> bool {
    match alias.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => alias == name,
    }
}

/// The records of one table, or of a whole dataset before it is one.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Records {
    /// Posts.
    pub posts: Vec<Post>,
    /// Days of account totals.
    pub daily: Vec<DailyRow>,
    /// Ad spend rows.
    pub ads: Vec<AdRow>,
    /// Web traffic rows.
    pub traffic: Vec<TrafficRow>,
    /// Contest entries.
    pub entries: Vec<EntryRow>,
    /// Inbox messages.
    pub messages: Vec<Message>,
}

/// How many records of each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Posts.
    pub posts: u64,
    /// Days of account totals.
    pub daily: u64,
    /// Ad spend rows.
    pub ads: u64,
    /// Web traffic rows.
    pub traffic: u64,
    /// Contest entries.
    pub entries: u64,
    /// Inbox messages.
    pub messages: u64,
}

impl Counts {
    /// The count of `kind`.
    pub fn get(&self, kind: RecordKind) -> u64 {
        match kind {
            RecordKind::Posts => self.posts,
            RecordKind::Daily => self.daily,
            RecordKind::Ads => self.ads,
            RecordKind::Traffic => self.traffic,
            RecordKind::Entries => self.entries,
            RecordKind::Messages => self.messages,
        }
    }

    /// Every count added up.
    pub fn total(&self) -> u64 {
        RecordKind::ALL.iter().map(|k| self.get(*k)).sum()
    }

    /// Adds `other` to these.
    pub fn add(&mut self, other: &Counts) {
        self.posts += other.posts;
        self.daily += other.daily;
        self.ads += other.ads;
        self.traffic += other.traffic;
        self.entries += other.entries;
        self.messages += other.messages;
    }
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_its_id_once_and_normalised_names() {
        let mut ids: Vec<FormatId> = FORMATS.iter().map(|f| f.id).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert_eq!(n, 23);
        for f in FORMATS {
            assert_eq!(f.id.format().id, f.id);
            assert_eq!(
                serde_json::to_value(f.id).unwrap(),
                serde_json::json!(f.id.key())
            );
            for (field, names) in f.columns {
                assert_eq!(
                    Some(field.kind()),
                    f.kind,
                    "{}: {}",
                    f.id.key(),
                    field.key()
                );
                for name in *names {
                    let bare = name.trim_end_matches('*');
                    assert_eq!(
                        norm(bare),
                        bare,
                        "{}: {name:?} is not normalised",
                        f.id.key()
                    );
                }
            }
        }
    }
}
