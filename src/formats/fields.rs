//! The canonical fields a column can map to, one list for every format and for the user's own
//! mapping of an unknown file, and the [`Draft`] a row fills before it becomes a record.

use super::comments::is_content_address;
use crate::date::{Date, DateTime};
use crate::model::{
    AdRow, DailyRow, EntryRow, Feedback, Message, Network, Origin, PostIn, PostMetrics,
    SearchDimension, SearchRow, TrafficRow,
};
use crate::schema::{Field, FIELDS};
use std::borrow::Cow;

/// A value read from a cell; its text borrows the cell when it can.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value<'a> {
    /// Text or an id.
    Text(Cow<'a, str>),
    /// A number.
    Number(f64),
    /// A date with its time when written.
    DateTime(DateTime),
    /// A network.
    Network(Network),
}

/// A value held by the draft: a text is a range of the draft's one string.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Text(usize, usize),
    Number(f64),
    DateTime(DateTime),
    Network(Network),
}

/// The values one row gave, by field, before they become a record. The texts are copied
/// into one string the draft keeps from row to row: a row costs no allocation, and a post
/// borrows them until the column store writes them once more (see [`Draft::post`]).
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    values: Vec<Option<Slot>>,
    set: Vec<usize>,
    /// The texts of the values set since the last [`clear`](Draft::clear).
    texts: String,
    /// The currency of the table's amounts (a header's `(USD)`), for records that hold one.
    currency: Option<String>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new()
    }
}

impl Draft {
    /// An empty draft.
    pub(crate) fn new() -> Draft {
        Draft {
            values: vec![None; FIELDS.len()],
            set: Vec::new(),
            texts: String::new(),
            currency: None,
        }
    }

    /// Sets the currency of the table's amounts.
    pub(crate) fn set_currency(&mut self, currency: Option<&str>) {
        if self.currency.as_deref() != currency {
            self.currency = currency.map(str::to_string);
        }
    }

    /// The currency of `amount`, when there is an amount.
    fn currency_of(&self, amount: Option<f64>) -> Option<String> {
        amount.and(self.currency.clone())
    }

    /// Forgets every value, keeping the memory.
    pub(crate) fn clear(&mut self) {
        for &i in &self.set {
            self.values[i] = None;
        }
        self.set.clear();
        self.texts.clear();
    }

    /// Sets `field`, unless it has a value already (the first mapped column wins).
    pub(crate) fn set(&mut self, field: Field, value: Value<'_>) {
        let i = field.index();
        if self.values[i].is_some() {
            return;
        }
        let slot = match value {
            Value::Text(t) => {
                let start = self.texts.len();
                self.texts.push_str(&t);
                Slot::Text(start, self.texts.len())
            }
            Value::Number(x) => Slot::Number(x),
            Value::DateTime(d) => Slot::DateTime(d),
            Value::Network(n) => Slot::Network(n),
        };
        self.values[i] = Some(slot);
        self.set.push(i);
    }

    /// Whether nothing was set.
    pub(crate) fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    fn get(&self, field: Field) -> Option<Slot> {
        self.values[field.index()]
    }

    /// The number of `field`.
    pub(crate) fn num(&self, field: Field) -> Option<f64> {
        match self.get(field) {
            Some(Slot::Number(x)) => Some(x),
            _ => None,
        }
    }

    /// The text of `field`, borrowed.
    fn text_ref(&self, field: Field) -> Option<&str> {
        match self.get(field) {
            Some(Slot::Text(start, end)) => self.texts.get(start..end),
            _ => None,
        }
    }

    /// The text of `field`, taken out of the draft (a record is made once per row).
    pub(crate) fn text(&mut self, field: Field) -> Option<String> {
        let t = self.text_ref(field)?.to_string();
        self.values[field.index()] = None;
        Some(t)
    }

    /// The date-time of `field`.
    pub(crate) fn datetime(&self, field: Field) -> Option<DateTime> {
        match self.get(field) {
            Some(Slot::DateTime(d)) => Some(d),
            _ => None,
        }
    }

    /// The day of `field`.
    pub(crate) fn date(&self, field: Field) -> Option<Date> {
        self.datetime(field).map(|d| d.date)
    }

    /// The network of `field`.
    pub(crate) fn network(&self, field: Field) -> Option<Network> {
        match self.get(field) {
            Some(Slot::Network(n)) => Some(n),
            _ => None,
        }
    }

    /// A post; `network` when the row names none. Its texts borrow the draft's.
    pub(crate) fn post(&self, network: Network, origin: Origin) -> PostIn<'_> {
        use Field::*;
        let text = |f| self.text_ref(f).map(Cow::Borrowed);
        PostIn {
            id: text(PostId).unwrap_or_default(),
            network: self.network(PostNetwork).unwrap_or(network),
            account: text(PostAccount),
            published: self.datetime(PostPublished),
            text: text(PostText),
            kind: text(PostKind),
            permalink: text(PostPermalink),
            metrics: PostMetrics {
                impressions: self.num(PostImpressions),
                reach: self.num(PostReach),
                views: self.num(PostViews),
                engagements: self.num(PostEngagements),
                reactions: self.num(PostReactions),
                comments: self.num(PostComments),
                shares: self.num(PostShares),
                saves: self.num(PostSaves),
                clicks: self.num(PostClicks),
                link_clicks: self.num(PostLinkClicks),
                profile_visits: self.num(PostProfileVisits),
                new_follows: self.num(PostNewFollows),
                video_views: self.num(PostVideoViews),
                watch_time_hours: self.num(PostWatchTimeHours),
                followers_at_post: self.num(PostFollowersAtPost),
                platform_engagement_rate: self.num(PostEngagementRate),
                net_follows: self.num(PostNetFollows),
                revenue: self.num(PostRevenue),
                negative_feedback: self.num(PostNegativeFeedback),
                hides: self.num(PostHides),
                hides_all: self.num(PostHidesAll),
                page_unlikes: self.num(PostPageUnlikes),
                spam_reports: self.num(PostSpamReports),
                unfollows: self.num(PostUnfollows),
            },
            currency: self.num(PostRevenue).and(self.currency.as_deref()),
            origin,
        }
    }

    /// A day of account totals, or the field it lacks.
    pub(crate) fn daily(&mut self, network: Network, origin: Origin) -> Result<DailyRow, Field> {
        use Field::*;
        Ok(DailyRow {
            network: self.network(DailyNetwork).unwrap_or(network),
            account: self.text(DailyAccount),
            date: self.date(DailyDate).ok_or(DailyDate)?,
            followers: self.num(DailyFollowers),
            new_follows: self.num(DailyNewFollows),
            unfollows: self.num(DailyUnfollows),
            net_follows: self.num(DailyNetFollows),
            impressions: self.num(DailyImpressions),
            reach: self.num(DailyReach),
            views: self.num(DailyViews),
            profile_views: self.num(DailyProfileViews),
            engagements: self.num(DailyEngagements),
            engaged_users: self.num(DailyEngagedUsers),
            reactions: self.num(DailyReactions),
            comments: self.num(DailyComments),
            shares: self.num(DailyShares),
            clicks: self.num(DailyClicks),
            posts: self.num(DailyPosts),
            revenue: self.num(DailyRevenue),
            currency: self.currency_of(self.num(DailyRevenue)),
            feedback: Feedback {
                negative: self.num(DailyNegativeFeedback),
                hides: self.num(DailyHides),
                hides_all: self.num(DailyHidesAll),
                page_unlikes: self.num(DailyPageUnlikes),
                spam_reports: self.num(DailySpamReports),
                mentions: self.num(DailyMentions),
            },
            origin,
        })
    }

    /// A row of ad spend, or the field it lacks; `currency` when the row names none.
    pub(crate) fn ad(
        &mut self,
        network: Network,
        currency: Option<&str>,
        origin: Origin,
    ) -> Result<AdRow, Field> {
        use Field::*;
        Ok(AdRow {
            network: self.network(AdNetwork).unwrap_or(network),
            campaign: self.text(AdCampaign).ok_or(AdCampaign)?,
            campaign_id: self.text(AdCampaignId),
            start: self.date(AdStart),
            end: self.date(AdEnd),
            spend: self.num(AdSpend),
            currency: self.text(AdCurrency).or(currency.map(str::to_string)),
            impressions: self.num(AdImpressions),
            reach: self.num(AdReach),
            clicks: self.num(AdClicks),
            engagements: self.num(AdEngagements),
            new_follows: self.num(AdNewFollows),
            conversions: self.num(AdConversions),
            origin,
        })
    }

    /// A row of web traffic; `currency` when the row names none.
    pub(crate) fn traffic(&mut self, currency: Option<&str>, origin: Origin) -> TrafficRow {
        use Field::*;
        let source_medium = self.text(TrafficSourceMedium).or_else(|| {
            match (self.text(TrafficSource), self.text(TrafficMedium)) {
                (Some(s), Some(m)) => Some(format!("{s} / {m}")),
                (s, m) => s.or(m),
            }
        });
        let channel = self.text(TrafficChannel);
        let network = source_medium
            .as_deref()
            .and_then(social_network)
            .or_else(|| channel.as_deref().and_then(social_network));
        TrafficRow {
            source_medium,
            channel,
            network,
            date: self.date(TrafficDate),
            sessions: self.num(TrafficSessions),
            engaged_sessions: self.num(TrafficEngagedSessions),
            conversions: self.num(TrafficConversions),
            revenue: self.num(TrafficRevenue),
            currency: self.text(TrafficCurrency).or(currency.map(str::to_string)),
            event: self.text(TrafficEvent),
            event_count: self.num(TrafficEventCount),
            users: self.num(TrafficUsers),
            origin,
        }
    }

    /// A row of Search Console, by `dimension` (a format's), else by the first of query,
    /// page, country, device and day the row has; or the field it lacks.
    pub(crate) fn search(
        &mut self,
        dimension: Option<SearchDimension>,
        origin: Origin,
    ) -> Result<SearchRow, Field> {
        use Field::*;
        use SearchDimension as D;
        let keys = [
            (D::Query, SearchQuery),
            (D::Page, SearchPage),
            (D::Country, SearchCountry),
            (D::Device, SearchDevice),
        ];
        let dimension = match dimension {
            Some(d) => d,
            None => keys
                .iter()
                .find(|(_, f)| self.get(*f).is_some())
                .map_or(D::Date, |(d, _)| *d),
        };
        let key = match keys.iter().find(|(d, _)| *d == dimension) {
            Some((_, field)) => Some(self.text(*field).ok_or(*field)?),
            None => None,
        };
        let date = self.date(SearchDate);
        if dimension == D::Date && date.is_none() {
            return Err(SearchDate);
        }
        Ok(SearchRow {
            dimension,
            key,
            date,
            clicks: self.num(SearchClicks),
            impressions: self.num(SearchImpressions),
            ctr: self.num(SearchCtr),
            position: self.num(SearchPosition),
            origin,
        })
    }

    /// A contest entry, or the field it lacks.
    pub(crate) fn entry(&mut self, origin: Origin) -> Result<EntryRow, Field> {
        use Field::*;
        // A comment's or a post's address in the profile column is no person.
        let (profile, link) = match self.text(EntryProfile) {
            Some(p) if is_content_address(&p) => (None, Some(p)),
            p => (p, self.text(EntryLink)),
        };
        Ok(EntryRow {
            id: self.text(EntryId),
            parent_id: self.text(EntryParentId),
            author: self.text(EntryAuthor).ok_or(EntryAuthor)?,
            profile,
            link,
            date: self.datetime(EntryDate),
            text: self.text(EntryText).unwrap_or_default(),
            likes: self.num(EntryLikes),
            origin,
        })
    }

    /// An inbox message, or the field it lacks.
    pub(crate) fn message(&mut self, origin: Origin) -> Result<Message, Field> {
        use Field::*;
        Ok(Message {
            received: self.datetime(MessageReceived).ok_or(MessageReceived)?,
            replied: self.datetime(MessageReplied),
            channel: self.text(MessageChannel),
            text: self.text(MessageText),
            origin,
        })
    }
}

/// The social network a traffic source or channel belongs to (`m.facebook.com / referral`,
/// `t.co`, `lnkd.in`), if it is one.
pub(crate) fn social_network(text: &str) -> Option<Network> {
    let t = text.to_ascii_lowercase();
    let host = t.split(['/', ' ']).next().unwrap_or("").trim();
    let has = |s: &str| t.contains(s);
    if has("instagram") || host == "ig" {
        Some(Network::Instagram)
    } else if has("facebook") || host == "fb" || host.ends_with("fb.com") || host == "fb.me" {
        Some(Network::Facebook)
    } else if host == "t.co" || has("twitter") || host == "x.com" || host == "x" {
        Some(Network::X)
    } else if has("linkedin") || host == "lnkd.in" {
        Some(Network::LinkedIn)
    } else if has("youtube") || host == "youtu.be" {
        Some(Network::YouTube)
    } else if has("tiktok") {
        Some(Network::TikTok)
    } else {
        None
    }
}

/// Reads a network's name as a cell writes it.
pub(crate) fn network_named(text: &str) -> Option<Network> {
    let t = crate::date::fold(text.trim());
    match t.as_str() {
        "x" | "twitter" | "x (twitter)" | "twitter (x)" | "tw" => Some(Network::X),
        "facebook" | "fb" | "meta" => Some(Network::Facebook),
        "instagram" | "ig" | "insta" => Some(Network::Instagram),
        "linkedin" | "li" => Some(Network::LinkedIn),
        "youtube" | "yt" => Some(Network::YouTube),
        "tiktok" | "tik tok" => Some(Network::TikTok),
        "web" | "site" | "website" | "site web" => Some(Network::Web),
        "" => None,
        _ => social_network(&t).or(Some(Network::Other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_social_network() {
        use crate::formats::fields::social_network;
        use crate::model::Network;
        assert_eq!(
            social_network("l.facebook.com / referral"),
            Some(Network::Facebook)
        );
        assert_eq!(social_network("t.co / referral"), Some(Network::X));
        assert_eq!(social_network("google / organic"), None);
    }

    #[test]
    fn a_draft_becomes_records() {
        let mut d = Draft::new();
        d.set(Field::DailyImpressions, Value::Number(12.0));
        d.set(Field::DailyImpressions, Value::Number(99.0));
        let origin = Origin { file: 0, line: 2 };
        assert_eq!(d.daily(Network::X, origin.clone()), Err(Field::DailyDate));
        let day = Date::new(2026, 7, 20).unwrap();
        d.set(Field::DailyDate, Value::DateTime(DateTime::date(day)));
        let row = d.daily(Network::X, origin.clone()).unwrap();
        assert_eq!(
            (row.date, row.impressions, row.reach),
            (day, Some(12.0), None)
        );
        d.clear();
        assert!(d.is_empty());
        d.set(Field::TrafficSource, Value::Text("m.facebook.com".into()));
        d.set(Field::TrafficMedium, Value::Text("referral".into()));
        let t = d.traffic(None, origin);
        assert_eq!(
            t.source_medium.as_deref(),
            Some("m.facebook.com / referral")
        );
        assert_eq!(t.network, Some(Network::Facebook));
    }

    #[test]
    fn network_names() {
        assert_eq!(network_named("Twitter"), Some(Network::X));
        assert_eq!(network_named(" instagram "), Some(Network::Instagram));
        assert_eq!(network_named("Mastodon"), Some(Network::Other));
        assert_eq!(network_named(""), None);
    }
}
