//! The canonical fields a column can map to, one list for every format and for the user's own
//! mapping of an unknown file, and the [`Draft`] a row fills before it becomes a record.

use crate::date::{Date, DateTime};
use crate::i18n::{Lang, Text};
use crate::model::{
    AdRow, DailyRow, EntryRow, Message, Network, Origin, Post, PostMetrics, TrafficRow,
};
use serde::{Serialize, Serializer};

/// The six kinds of canonical record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    /// [`Post`]s.
    Posts,
    /// [`DailyRow`]s.
    Daily,
    /// [`AdRow`]s.
    Ads,
    /// [`TrafficRow`]s.
    Traffic,
    /// [`EntryRow`]s.
    Entries,
    /// Inbox [`Message`]s.
    Messages,
}

impl RecordKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Posts,
        RecordKind::Daily,
        RecordKind::Ads,
        RecordKind::Traffic,
        RecordKind::Entries,
        RecordKind::Messages,
    ];

    /// Its key in JSON (`posts`, `daily`…).
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Posts => "posts",
            RecordKind::Daily => "daily",
            RecordKind::Ads => "ads",
            RecordKind::Traffic => "traffic",
            RecordKind::Entries => "entries",
            RecordKind::Messages => "messages",
        }
    }

    /// What one record of this kind is, in `lang` (plural).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            RecordKind::Posts => lang.pick("Posts", "Publications"),
            RecordKind::Daily => lang.pick("Days of account totals", "Jours de totaux du compte"),
            RecordKind::Ads => lang.pick("Ad spend rows", "Lignes de dépenses publicitaires"),
            RecordKind::Traffic => lang.pick("Web traffic rows", "Lignes de trafic web"),
            RecordKind::Entries => lang.pick("Contest entries", "Participations au concours"),
            RecordKind::Messages => lang.pick("Inbox messages", "Messages reçus"),
        }
    }
}

/// How a field's cells are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueKind {
    /// Text, as written (HTML entities decoded).
    Text,
    /// An id, kept as written (never a number: 19-digit ids do not fit one).
    Id,
    /// A count; negative values are kept.
    Count,
    /// An amount of money, in major units; a currency symbol is allowed.
    Money,
    /// Hours.
    Hours,
    /// A ratio: `0.034` as written, or `3.4%` read as 0.034.
    Ratio,
    /// A date with its time when written.
    DateTime,
    /// A calendar day.
    Date,
    /// A network's name (`Facebook`, `instagram`, `X`, `Twitter`…).
    Network,
    /// An ISO currency code (`EUR`) or symbol (`€`).
    Currency,
}

impl ValueKind {
    /// Whether cells hold numbers that can be summed.
    pub fn is_number(self) -> bool {
        matches!(self, ValueKind::Count | ValueKind::Money | ValueKind::Hours)
    }
}

macro_rules! fields {
    ($( $variant:ident = $key:literal, $kind:ident, $value:ident, $en:literal, $fr:literal, [$($hint:literal),* $(,)?]; )*) => {
        /// A canonical field. Its key (`post.impressions`) is what JSON and the page use.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(missing_docs)]
        pub enum Field { $($variant),* }

        /// Every field, in the order the mapping step offers them.
        pub const FIELDS: &[Field] = &[$(Field::$variant),*];

        impl Field {
            /// Its key: `post.impressions`, `daily.date`…
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => $key),* }
            }

            /// The kind of record it belongs to.
            pub fn kind(self) -> RecordKind {
                match self { $(Field::$variant => RecordKind::$kind),* }
            }

            /// How its cells are read.
            pub fn value(self) -> ValueKind {
                match self { $(Field::$variant => ValueKind::$value),* }
            }

            /// Its name, in both languages.
            pub fn text(self) -> Text {
                match self { $(Field::$variant => Text { en: $en, fr: $fr }),* }
            }

            /// Column names (normalised) that suggest this field in an unknown file.
            pub fn hints(self) -> &'static [&'static str] {
                match self { $(Field::$variant => &[$($hint),*]),* }
            }
        }
    };
}

fields! {
    PostId = "post.id", Posts, Id, "Post id", "Identifiant de la publication", ["post id", "id", "tweet id", "video id", "media id", "identifiant"];
    PostNetwork = "post.network", Posts, Network, "Network", "Réseau", ["network", "platform", "reseau", "plateforme", "channel"];
    PostAccount = "post.account", Posts, Text, "Account", "Compte", ["account", "page", "page name", "profile", "compte", "handle", "username"];
    PostPublished = "post.published", Posts, DateTime, "Published", "Publiée le", ["date", "published", "publish time", "posted", "created", "date de publication", "publication", "time", "post time"];
    PostText = "post.text", Posts, Text, "Text", "Texte", ["text", "message", "caption", "description", "post text", "title", "texte", "legende", "titre"];
    PostKind = "post.kind", Posts, Text, "Post type", "Type de publication", ["type", "post type", "format", "content type"];
    PostPermalink = "post.permalink", Posts, Text, "Link", "Lien", ["link", "permalink", "url", "post link", "lien"];
    PostImpressions = "post.impressions", Posts, Count, "Impressions", "Impressions", ["impressions", "impr."];
    PostReach = "post.reach", Posts, Count, "Reach", "Portée", ["reach", "portee", "couverture"];
    PostViews = "post.views", Posts, Count, "Views", "Vues", ["views", "vues", "plays", "lectures"];
    PostEngagements = "post.engagements", Posts, Count, "Engagements (platform total)", "Engagements (total de la plateforme)", ["engagements", "engagement", "interactions"];
    PostReactions = "post.reactions", Posts, Count, "Likes or reactions", "J’aime ou réactions", ["likes", "reactions", "j'aime", "mentions j'aime", "favorites", "reactions"];
    PostComments = "post.comments", Posts, Count, "Comments", "Commentaires", ["comments", "replies", "commentaires", "reponses"];
    PostShares = "post.shares", Posts, Count, "Shares or reposts", "Partages ou republications", ["shares", "reposts", "retweets", "partages", "republications"];
    PostSaves = "post.saves", Posts, Count, "Saves", "Enregistrements", ["saves", "bookmarks", "enregistrements"];
    PostClicks = "post.clicks", Posts, Count, "Clicks", "Clics", ["clicks", "total clicks", "clics"];
    PostLinkClicks = "post.link_clicks", Posts, Count, "Link clicks", "Clics sur le lien", ["link clicks", "url clicks", "clics sur le lien"];
    PostProfileVisits = "post.profile_visits", Posts, Count, "Profile visits", "Visites du profil", ["profile visits", "profile clicks", "visites du profil"];
    PostNewFollows = "post.new_follows", Posts, Count, "New follows", "Nouveaux abonnés", ["follows", "new follows", "new followers", "abonnements", "nouveaux abonnes"];
    PostVideoViews = "post.video_views", Posts, Count, "Video views", "Vues de la vidéo", ["video views", "vues de la video"];
    PostWatchTimeHours = "post.watch_time_hours", Posts, Hours, "Watch time (hours)", "Durée de visionnage (heures)", ["watch time (hours)", "watch time", "duree de visionnage (heures)"];
    PostFollowersAtPost = "post.followers_at_post", Posts, Count, "Followers when published", "Abonnés à la publication", ["followers", "abonnes"];
    PostEngagementRate = "post.engagement_rate", Posts, Ratio, "Engagement rate (platform’s)", "Taux d’engagement (de la plateforme)", ["engagement rate", "taux d'engagement"];

    DailyDate = "daily.date", Daily, Date, "Date", "Date", ["date", "day", "jour"];
    DailyNetwork = "daily.network", Daily, Network, "Network", "Réseau", ["network", "platform", "reseau", "plateforme"];
    DailyAccount = "daily.account", Daily, Text, "Account", "Compte", ["account", "page", "compte"];
    DailyFollowers = "daily.followers", Daily, Count, "Followers", "Abonnés", ["followers", "fans", "subscribers", "abonnes", "total followers"];
    DailyNewFollows = "daily.new_follows", Daily, Count, "New follows", "Nouveaux abonnés", ["new follows", "new followers", "follows", "nouveaux abonnes", "gained"];
    DailyUnfollows = "daily.unfollows", Daily, Count, "Unfollows", "Désabonnements", ["unfollows", "lost", "desabonnements"];
    DailyNetFollows = "daily.net_follows", Daily, Count, "Net follower change", "Variation nette d’abonnés", ["net follows", "net followers", "difference in followers", "variation"];
    DailyImpressions = "daily.impressions", Daily, Count, "Impressions", "Impressions", ["impressions"];
    DailyReach = "daily.reach", Daily, Count, "Reach", "Portée", ["reach", "portee", "couverture"];
    DailyViews = "daily.views", Daily, Count, "Views", "Vues", ["views", "video views", "vues"];
    DailyProfileViews = "daily.profile_views", Daily, Count, "Profile views", "Vues du profil", ["profile views", "profile visits", "page views", "vues du profil"];
    DailyEngagements = "daily.engagements", Daily, Count, "Engagements", "Engagements", ["engagements", "interactions"];
    DailyEngagedUsers = "daily.engaged_users", Daily, Count, "Engaged users", "Utilisateurs engagés", ["engaged users", "utilisateurs engages"];
    DailyReactions = "daily.reactions", Daily, Count, "Likes or reactions", "J’aime ou réactions", ["likes", "reactions", "j'aime"];
    DailyComments = "daily.comments", Daily, Count, "Comments", "Commentaires", ["comments", "replies", "commentaires"];
    DailyShares = "daily.shares", Daily, Count, "Shares or reposts", "Partages ou republications", ["shares", "reposts", "partages"];
    DailyClicks = "daily.clicks", Daily, Count, "Clicks", "Clics", ["clicks", "clics"];
    DailyPosts = "daily.posts", Daily, Count, "Posts published", "Publications publiées", ["posts", "create post", "publications"];

    AdNetwork = "ad.network", Ads, Network, "Network", "Réseau", ["network", "platform", "reseau"];
    AdCampaign = "ad.campaign", Ads, Text, "Campaign", "Campagne", ["campaign", "campaign name", "campagne", "nom de la campagne"];
    AdCampaignId = "ad.campaign_id", Ads, Id, "Campaign id", "Identifiant de campagne", ["campaign id"];
    AdStart = "ad.start", Ads, Date, "Start", "Début", ["start", "starts", "start date", "reporting starts", "debut", "date de debut"];
    AdEnd = "ad.end", Ads, Date, "End", "Fin", ["end", "ends", "end date", "reporting ends", "fin", "date de fin"];
    AdSpend = "ad.spend", Ads, Money, "Amount spent", "Montant dépensé", ["spend", "amount spent", "cost", "depenses", "montant depense", "cout"];
    AdCurrency = "ad.currency", Ads, Currency, "Currency", "Devise", ["currency", "devise"];
    AdImpressions = "ad.impressions", Ads, Count, "Impressions", "Impressions", ["impressions"];
    AdReach = "ad.reach", Ads, Count, "Reach", "Portée", ["reach", "portee", "couverture"];
    AdClicks = "ad.clicks", Ads, Count, "Clicks", "Clics", ["clicks", "link clicks", "clics"];
    AdEngagements = "ad.engagements", Ads, Count, "Engagements", "Engagements", ["engagements", "post engagement"];
    AdNewFollows = "ad.new_follows", Ads, Count, "New follows", "Nouveaux abonnés", ["follows", "page likes", "new followers"];
    AdConversions = "ad.conversions", Ads, Count, "Conversions", "Conversions", ["conversions", "results", "resultats"];

    TrafficSourceMedium = "traffic.source_medium", Traffic, Text, "Source / medium", "Source / support", ["source / medium", "session source / medium", "source / support"];
    TrafficSource = "traffic.source", Traffic, Text, "Source", "Source", ["source", "session source"];
    TrafficMedium = "traffic.medium", Traffic, Text, "Medium", "Support", ["medium", "session medium", "support"];
    TrafficChannel = "traffic.channel", Traffic, Text, "Channel group", "Groupe de canaux", ["channel", "default channel group", "default channel grouping", "canal"];
    TrafficDate = "traffic.date", Traffic, Date, "Date", "Date", ["date", "day", "jour"];
    TrafficSessions = "traffic.sessions", Traffic, Count, "Sessions", "Sessions", ["sessions", "visits", "visites"];
    TrafficEngagedSessions = "traffic.engaged_sessions", Traffic, Count, "Engaged sessions", "Sessions avec engagement", ["engaged sessions", "sessions avec engagement"];
    TrafficConversions = "traffic.conversions", Traffic, Count, "Conversions", "Conversions", ["conversions", "key events", "goal completions", "transactions", "evenements cles"];
    TrafficRevenue = "traffic.revenue", Traffic, Money, "Revenue", "Revenus", ["revenue", "total revenue", "revenus", "chiffre d'affaires"];
    TrafficCurrency = "traffic.currency", Traffic, Currency, "Currency", "Devise", ["currency", "devise"];

    EntryId = "entry.id", Entries, Id, "Comment id", "Identifiant du commentaire", ["id", "comment id"];
    EntryParentId = "entry.parent_id", Entries, Id, "Replies to", "Répond à", ["subid", "parent id", "reply to"];
    EntryAuthor = "entry.author", Entries, Text, "Entrant", "Participant", ["name", "author", "user", "username", "nom", "auteur", "pseudo", "participant", "entrant", "handle"];
    EntryProfile = "entry.profile", Entries, Text, "Profile", "Profil", ["profile", "profile id", "profile url", "profil"];
    EntryDate = "entry.date", Entries, DateTime, "Date", "Date", ["date", "time", "created at"];
    EntryText = "entry.text", Entries, Text, "Comment", "Commentaire", ["comment", "comments", "text", "commentaire", "message"];
    EntryLikes = "entry.likes", Entries, Count, "Likes", "J’aime", ["likes", "j'aime", "reactions"];

    MessageReceived = "message.received", Messages, DateTime, "Received at", "Reçu le", ["received", "received at", "date received", "recu le", "date de reception", "created at"];
    MessageReplied = "message.replied", Messages, DateTime, "Replied at", "Répondu le", ["replied", "replied at", "first reply", "first response", "repondu le", "date de reponse"];
    MessageChannel = "message.channel", Messages, Text, "Channel", "Canal", ["channel", "network", "canal", "reseau", "source"];
}

impl Field {
    /// Its name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    /// The field with this key, if any.
    pub fn from_key(key: &str) -> Option<Field> {
        FIELDS.iter().copied().find(|f| f.key() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// A value read from a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// Text or an id.
    Text(String),
    /// A number.
    Number(f64),
    /// A date with its time when written.
    DateTime(DateTime),
    /// A network.
    Network(Network),
}

/// The values one row gave, by field, before they become a record.
#[derive(Clone, Debug)]
pub struct Draft {
    values: Vec<Option<Value>>,
    set: Vec<usize>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new()
    }
}

impl Draft {
    /// An empty draft.
    pub fn new() -> Draft {
        Draft {
            values: vec![None; FIELDS.len()],
            set: Vec::new(),
        }
    }

    /// Forgets every value, keeping the memory.
    pub fn clear(&mut self) {
        for &i in &self.set {
            self.values[i] = None;
        }
        self.set.clear();
    }

    /// Sets `field`, unless it has a value already (the first mapped column wins).
    pub fn set(&mut self, field: Field, value: Value) {
        let i = field.index();
        if self.values[i].is_none() {
            self.values[i] = Some(value);
            self.set.push(i);
        }
    }

    /// Whether nothing was set.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    fn get(&self, field: Field) -> Option<&Value> {
        self.values[field.index()].as_ref()
    }

    /// The number of `field`.
    pub fn num(&self, field: Field) -> Option<f64> {
        match self.get(field) {
            Some(Value::Number(x)) => Some(*x),
            _ => None,
        }
    }

    /// The text of `field`.
    pub fn text(&self, field: Field) -> Option<String> {
        match self.get(field) {
            Some(Value::Text(t)) => Some(t.clone()),
            _ => None,
        }
    }

    /// The date-time of `field`.
    pub fn datetime(&self, field: Field) -> Option<DateTime> {
        match self.get(field) {
            Some(Value::DateTime(d)) => Some(*d),
            _ => None,
        }
    }

    /// The day of `field`.
    pub fn date(&self, field: Field) -> Option<Date> {
        self.datetime(field).map(|d| d.date)
    }

    /// The network of `field`.
    pub fn network(&self, field: Field) -> Option<Network> {
        match self.get(field) {
            Some(Value::Network(n)) => Some(*n),
            _ => None,
        }
    }

    /// A post; `network` when the row names none.
    pub fn post(&self, network: Network, origin: Origin) -> Post {
        use Field::*;
        Post {
            id: self.text(PostId).unwrap_or_default(),
            network: self.network(PostNetwork).unwrap_or(network),
            account: self.text(PostAccount),
            published: self.datetime(PostPublished),
            text: self.text(PostText),
            kind: self.text(PostKind),
            permalink: self.text(PostPermalink),
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
            },
            origin,
        }
    }

    /// A day of account totals, or the field it lacks.
    pub fn daily(&self, network: Network, origin: Origin) -> Result<DailyRow, Field> {
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
            origin,
        })
    }

    /// A row of ad spend, or the field it lacks; `currency` when the row names none.
    pub fn ad(
        &self,
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
    pub fn traffic(&self, currency: Option<&str>, origin: Origin) -> TrafficRow {
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
            origin,
        }
    }

    /// A contest entry, or the field it lacks.
    pub fn entry(&self, origin: Origin) -> Result<EntryRow, Field> {
        use Field::*;
        Ok(EntryRow {
            id: self.text(EntryId),
            parent_id: self.text(EntryParentId),
            author: self.text(EntryAuthor).ok_or(EntryAuthor)?,
            profile: self.text(EntryProfile),
            date: self.datetime(EntryDate),
            text: self.text(EntryText).unwrap_or_default(),
            likes: self.num(EntryLikes),
            origin,
        })
    }

    /// An inbox message, or the field it lacks.
    pub fn message(&self, origin: Origin) -> Result<Message, Field> {
        use Field::*;
        Ok(Message {
            received: self.datetime(MessageReceived).ok_or(MessageReceived)?,
            replied: self.datetime(MessageReplied),
            channel: self.text(MessageChannel),
            origin,
        })
    }
}

/// The social network a traffic source or channel belongs to (`m.facebook.com / referral`,
/// `t.co`, `lnkd.in`), if it is one.
///
/// ```
/// use social_roi::formats::fields::social_network;
/// use social_roi::model::Network;
/// assert_eq!(social_network("l.facebook.com / referral"), Some(Network::Facebook));
/// assert_eq!(social_network("t.co / referral"), Some(Network::X));
/// assert_eq!(social_network("google / organic"), None);
/// ```
pub fn social_network(text: &str) -> Option<Network> {
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
pub fn network_named(text: &str) -> Option<Network> {
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
    fn keys_are_unique_and_round_trip() {
        let mut keys: Vec<&str> = FIELDS.iter().map(|f| f.key()).collect();
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n);
        for f in FIELDS {
            assert_eq!(Field::from_key(f.key()), Some(*f));
            assert!(f.key().starts_with(match f.kind() {
                RecordKind::Posts => "post.",
                RecordKind::Daily => "daily.",
                RecordKind::Ads => "ad.",
                RecordKind::Traffic => "traffic.",
                RecordKind::Entries => "entry.",
                RecordKind::Messages => "message.",
            }));
            assert_eq!(FIELDS[f.index()], *f);
        }
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
