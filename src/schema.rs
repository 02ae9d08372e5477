//! The vocabulary records and reports share: the kinds of record ([`RecordKind`]), the
//! canonical fields a column can map to ([`Field`]) and how their cells read ([`ValueKind`]),
//! the ids of the export formats ([`FormatId`]) and record [`Counts`]. It sits below the
//! readers (`import`), the per-file report (`table`) and the formats, which all speak it.

use crate::i18n::{Lang, Text};
use serde::{Serialize, Serializer};

/// The stable id of a format, as reports name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[allow(missing_docs)]
pub enum FormatId {
    XTweetActivity,
    XContent,
    XOverview,
    XDailyActivity,
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
    Ga4Events,
    Ua,
    SearchConsoleQueries,
    SearchConsolePages,
    SearchConsoleCountries,
    SearchConsoleDevices,
    SearchConsoleDates,
    SearchConsoleAppearance,
    SearchConsoleFilters,
    InstagramFollowers,
    InstagramFollowing,
    Comments,
    Generic,
}

impl FormatId {
    /// Its id as reports write it (`x-tweet-activity`).
    pub fn key(self) -> &'static str {
        match self {
            FormatId::XTweetActivity => "x-tweet-activity",
            FormatId::XContent => "x-content",
            FormatId::XOverview => "x-overview",
            FormatId::XDailyActivity => "x-daily-activity",
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
            FormatId::Ga4Events => "ga4-events",
            FormatId::Ua => "ua",
            FormatId::SearchConsoleQueries => "search-console-queries",
            FormatId::SearchConsolePages => "search-console-pages",
            FormatId::SearchConsoleCountries => "search-console-countries",
            FormatId::SearchConsoleDevices => "search-console-devices",
            FormatId::SearchConsoleDates => "search-console-dates",
            FormatId::SearchConsoleAppearance => "search-console-appearance",
            FormatId::SearchConsoleFilters => "search-console-filters",
            FormatId::InstagramFollowers => "instagram-followers",
            FormatId::InstagramFollowing => "instagram-following",
            FormatId::Comments => "comments",
            FormatId::Generic => "generic",
        }
    }

    /// Whether its tables may follow one another in one file, each after a `#` preamble.
    pub(crate) fn has_preambles(self) -> bool {
        matches!(self, FormatId::Ga4 | FormatId::Ga4Events | FormatId::Ua)
    }

    /// Whether it is a follower list (Instagram's `followers_1.json`, `following.json`): not
    /// records of the analysis, but a list the contest's outcome reads.
    pub fn is_follower_list(self) -> bool {
        matches!(
            self,
            FormatId::InstagramFollowers | FormatId::InstagramFollowing
        )
    }

    /// Whether tables of this format read as records without the user's help.
    pub fn is_known(self) -> bool {
        self != FormatId::Generic
    }
}

/// The seven kinds of canonical record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecordKind {
    /// [`Post`](crate::model::Post)s.
    Posts,
    /// [`DailyRow`](crate::model::DailyRow)s.
    Daily,
    /// [`AdRow`](crate::model::AdRow)s.
    Ads,
    /// [`TrafficRow`](crate::model::TrafficRow)s.
    Traffic,
    /// [`EntryRow`](crate::model::EntryRow)s.
    Entries,
    /// Inbox [`Message`](crate::model::Message)s.
    Messages,
    /// Search Console [`SearchRow`](crate::model::SearchRow)s.
    Search,
}

impl RecordKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Posts,
        RecordKind::Daily,
        RecordKind::Ads,
        RecordKind::Traffic,
        RecordKind::Entries,
        RecordKind::Messages,
        RecordKind::Search,
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
            RecordKind::Search => "search",
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
            RecordKind::Search => lang.pick("Search Console rows", "Lignes de la Search Console"),
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
    /// An average (a search position): a plain number, never summed.
    Average,
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
            pub(crate) fn text(self) -> Text {
                match self { $(Field::$variant => Text { en: $en, fr: $fr }),* }
            }

            /// Column names (normalised) that suggest this field in an unknown file.
            pub(crate) fn hints(self) -> &'static [&'static str] {
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
    PostNetFollows = "post.net_follows", Posts, Count, "Net subscribers (gained − lost)", "Abonnés nets (gagnés − perdus)", ["net subscribers", "abonnes nets"];
    PostRevenue = "post.revenue", Posts, Money, "Estimated revenue", "Revenus estimés", ["revenue", "estimated revenue", "revenus", "revenus estimes"];
    PostNegativeFeedback = "post.negative_feedback", Posts, Count, "Negative feedback", "Retours négatifs", ["negative feedback", "retours negatifs"];
    PostHides = "post.hides", Posts, Count, "Hide post (negative feedback)", "Masquer la publication (retour négatif)", ["hide clicks", "hide post", "hides"];
    PostHidesAll = "post.hides_all", Posts, Count, "Hide all posts (negative feedback)", "Masquer toutes les publications (retour négatif)", ["hide all clicks", "hide all"];
    PostPageUnlikes = "post.page_unlikes", Posts, Count, "Unlike Page (negative feedback)", "Je n’aime plus la Page (retour négatif)", ["unlike page clicks", "unlike page"];
    PostSpamReports = "post.spam_reports", Posts, Count, "Reported as spam", "Signalé comme indésirable", ["report spam clicks", "spam reports", "reported as spam"];
    PostUnfollows = "post.unfollows", Posts, Count, "Subscribers lost", "Abonnés perdus", ["subscribers lost", "abonnes perdus", "unfollows"];

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
    DailyRevenue = "daily.revenue", Daily, Money, "Estimated revenue", "Revenus estimés", ["revenue", "estimated revenue", "revenus", "revenus estimes"];
    DailyNegativeFeedback = "daily.negative_feedback", Daily, Count, "Negative feedback", "Retours négatifs", ["negative feedback", "retours negatifs"];
    DailyHides = "daily.hides", Daily, Count, "Hide post (negative feedback)", "Masquer la publication (retour négatif)", ["hide clicks", "hides"];
    DailyHidesAll = "daily.hides_all", Daily, Count, "Hide all posts (negative feedback)", "Masquer toutes les publications (retour négatif)", ["hide all clicks"];
    DailyPageUnlikes = "daily.page_unlikes", Daily, Count, "Unlike Page (negative feedback)", "Je n’aime plus la Page (retour négatif)", ["unlike page clicks"];
    DailySpamReports = "daily.spam_reports", Daily, Count, "Reported as spam", "Signalé comme indésirable", ["report spam clicks", "spam reports"];
    DailyMentions = "daily.mentions", Daily, Count, "Mentions", "Mentions", ["mentions"];

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
    TrafficEvent = "traffic.event", Traffic, Text, "Event name", "Nom de l’événement", ["event name", "event", "nom de l'evenement", "evenement"];
    TrafficEventCount = "traffic.event_count", Traffic, Count, "Event count", "Nombre d’événements", ["event count", "nombre d'evenements"];
    TrafficUsers = "traffic.users", Traffic, Count, "Users", "Utilisateurs", ["total users", "users", "utilisateurs", "nombre total d'utilisateurs"];

    EntryId = "entry.id", Entries, Id, "Comment id", "Identifiant du commentaire", ["id", "comment id"];
    EntryParentId = "entry.parent_id", Entries, Id, "Replies to", "Répond à", ["subid", "parent id", "reply to"];
    EntryAuthor = "entry.author", Entries, Text, "Entrant", "Participant", ["name", "author", "user", "username", "nom", "auteur", "pseudo", "participant", "entrant", "handle"];
    EntryProfile = "entry.profile", Entries, Text, "Profile", "Profil", ["profile", "profile id", "profile url", "profil"];
    EntryLink = "entry.link", Entries, Text, "Comment link", "Lien du commentaire", ["comment link", "comment url", "lien du commentaire"];
    EntryDate = "entry.date", Entries, DateTime, "Date", "Date", ["date", "time", "created at"];
    EntryText = "entry.text", Entries, Text, "Comment", "Commentaire", ["comment", "comments", "text", "commentaire", "message"];
    EntryLikes = "entry.likes", Entries, Count, "Likes", "J’aime", ["likes", "j'aime", "reactions"];

    MessageReceived = "message.received", Messages, DateTime, "Received at", "Reçu le", ["received", "received at", "date received", "recu le", "date de reception", "created at"];
    MessageReplied = "message.replied", Messages, DateTime, "Replied at", "Répondu le", ["replied", "replied at", "first reply", "first response", "repondu le", "date de reponse"];
    MessageChannel = "message.channel", Messages, Text, "Channel", "Canal", ["channel", "network", "canal", "reseau", "source"];
    MessageText = "message.text", Messages, Text, "Message", "Message", ["message", "message text", "texte du message", "contenu", "content"];

    SearchQuery = "search.query", Search, Text, "Search query", "Requête", ["top queries", "query", "queries", "requetes les plus frequentes", "requete", "requetes"];
    SearchPage = "search.page", Search, Text, "Page", "Page", ["top pages", "pages les plus populaires", "landing page"];
    SearchCountry = "search.country", Search, Text, "Country", "Pays", ["country", "pays"];
    SearchDevice = "search.device", Search, Text, "Device", "Appareil", ["device", "appareil"];
    SearchDate = "search.date", Search, Date, "Date", "Date", ["date", "jour"];
    SearchClicks = "search.clicks", Search, Count, "Clicks", "Clics", ["clicks", "clics"];
    SearchImpressions = "search.impressions", Search, Count, "Impressions", "Impressions", ["impressions"];
    SearchCtr = "search.ctr", Search, Ratio, "CTR", "CTR", ["ctr"];
    SearchPosition = "search.position", Search, Average, "Average position", "Position moyenne", ["position", "position moyenne", "average position"];
}

impl Field {
    /// Its name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    /// The field with this key, if any.
    pub(crate) fn from_key(key: &str) -> Option<Field> {
        FIELDS.iter().copied().find(|f| f.key() == key)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Whether the values of several records add up: numbers that count what happened,
    /// not levels (followers on a day) nor people (users who may come on several days).
    pub(crate) fn adds_up(self) -> bool {
        self.value().is_number()
            && !matches!(
                self,
                Field::DailyFollowers | Field::PostFollowersAtPost | Field::TrafficUsers
            )
    }
}

impl Serialize for Field {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
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
    /// Search Console rows.
    pub search: u64,
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
            RecordKind::Search => self.search,
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
        self.search += other.search;
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
                RecordKind::Search => "search.",
            }));
            assert_eq!(FIELDS[f.index()], *f);
        }
    }
}
