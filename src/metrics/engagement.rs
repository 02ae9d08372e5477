//! Engagement: which interactions count on each network, what they are divided by, and how
//! posts add up into one rate; Kaushik's conversation, amplification and applause rates,
//! virality and click-through rate; the presets that reproduce published definitions.
//!
//! The tools people know disagree on all three choices, so each is explicit: an
//! [`EngagementRule`] says which [`Interaction`]s count (per network, and for reels and videos
//! apart when a definition says so), the [`Denominator`] (reach, impressions, followers at
//! posting time or views, per network when a definition says so) and the [`Aggregation`]
//! (ratio of totals, or average of per-post ratios). A [`Preset`] is a named rule.

use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::form::FieldError;
use crate::formula;
use crate::i18n::Lang;
use crate::model::{Network, Post, PostMetrics};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------------------------
// What counts
// ---------------------------------------------------------------------------------------------

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

    /// The post's count of this interaction, if the export gave it.
    pub fn of(self, m: &PostMetrics) -> Option<f64> {
        match self {
            Interaction::Reactions => m.reactions,
            Interaction::Comments => m.comments,
            Interaction::Shares => m.shares,
            Interaction::Saves => m.saves,
            Interaction::Clicks => m.clicks,
            Interaction::LinkClicks => m.link_clicks,
            Interaction::ProfileVisits => m.profile_visits,
            Interaction::Follows => m.new_follows,
            Interaction::VideoViews => m.video_views,
            Interaction::PlatformEngagements => m.engagements,
        }
    }
}

/// What engagements are divided by.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Denominator {
    /// People who saw the post.
    #[default]
    Reach,
    /// Times the post was shown.
    Impressions,
    /// Followers of the account when the post was published.
    Followers,
    /// Views.
    Views,
}

impl Denominator {
    /// Every denominator, in the order the page shows them.
    pub const ALL: [Denominator; 4] = [
        Denominator::Reach,
        Denominator::Impressions,
        Denominator::Followers,
        Denominator::Views,
    ];

    /// The key used in JSON and in figure ids.
    pub fn key(self) -> &'static str {
        match self {
            Denominator::Reach => "reach",
            Denominator::Impressions => "impressions",
            Denominator::Followers => "followers",
            Denominator::Views => "views",
        }
    }

    /// Its name in `lang`, as formulas and inputs name it.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Denominator::Reach => lang.pick("reach", "portée"),
            Denominator::Impressions => lang.pick("impressions", "impressions"),
            Denominator::Followers => lang.pick(
                "followers at posting time",
                "abonnés au moment de la publication",
            ),
            Denominator::Views => lang.pick("views", "vues"),
        }
    }

    /// Why no post has it, with a hint where one helps.
    fn absent(self, lang: Lang) -> &'static str {
        match self {
            Denominator::Reach => lang.pick(
                "no post in the files has a reach (X, LinkedIn and YouTube report impressions, not reach): choose another denominator",
                "aucune publication des fichiers n’a de portée (X, LinkedIn et YouTube donnent des impressions, pas la portée) : choisissez un autre dénominateur",
            ),
            Denominator::Impressions => lang.pick(
                "no post in the files has impressions (Meta now reports views instead): choose another denominator",
                "aucune publication des fichiers n’a d’impressions (Meta donne désormais des vues à la place) : choisissez un autre dénominateur",
            ),
            Denominator::Followers => lang.pick(
                "no post has a follower count at posting time: add a file of daily follower totals, or choose another denominator",
                "aucune publication n’a de nombre d’abonnés au moment de la publication : ajoutez un fichier des abonnés par jour, ou choisissez un autre dénominateur",
            ),
            Denominator::Views => lang.pick(
                "no post in the files has views: choose another denominator",
                "aucune publication des fichiers n’a de vues : choisissez un autre dénominateur",
            ),
        }
    }
}

/// How the posts of a period add up into one rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregation {
    /// Σ engagements ÷ Σ denominator: big posts weigh more.
    #[default]
    RatioOfTotals,
    /// The mean of each post's own rate: every post weighs the same.
    AverageOfRatios,
}

impl Aggregation {
    /// Both, in the order the page offers them.
    pub const ALL: [Aggregation; 2] = [Aggregation::RatioOfTotals, Aggregation::AverageOfRatios];

    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Aggregation::RatioOfTotals => "ratio_of_totals",
            Aggregation::AverageOfRatios => "average_of_ratios",
        }
    }

    /// Its name in `lang`.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Aggregation::RatioOfTotals => lang.pick("ratio of totals", "ratio des totaux"),
            Aggregation::AverageOfRatios => lang.pick(
                "average of per-post ratios",
                "moyenne des ratios par publication",
            ),
        }
    }

    /// The other one.
    pub fn other(self) -> Aggregation {
        match self {
            Aggregation::RatioOfTotals => Aggregation::AverageOfRatios,
            Aggregation::AverageOfRatios => Aggregation::RatioOfTotals,
        }
    }
}

/// Every network, in a stable order.
pub(crate) const NETWORKS: [Network; 8] = [
    Network::X,
    Network::Facebook,
    Network::Instagram,
    Network::LinkedIn,
    Network::YouTube,
    Network::TikTok,
    Network::Web,
    Network::Other,
];

/// The key of a network in JSON (`x`, `facebook`, `linkedin`…), as [`Network`] serialises.
pub(crate) fn network_key(n: Network) -> &'static str {
    match n {
        Network::X => "x",
        Network::Facebook => "facebook",
        Network::Instagram => "instagram",
        Network::LinkedIn => "linkedin",
        Network::YouTube => "youtube",
        Network::TikTok => "tiktok",
        Network::Web => "web",
        Network::Other => "other",
    }
}

fn parse_network_key(key: &str) -> Option<Network> {
    NETWORKS
        .into_iter()
        .find(|n| network_key(*n).eq_ignore_ascii_case(key.trim()))
}

/// The key that sets the interactions of every network not named.
pub(crate) const DEFAULT_KEY: &str = "default";

/// A definition of engagement rate: what counts, what it is divided by, how posts add up.
/// Keys left out of the JSON take their value from [`EngagementRule::recommended`], so a
/// partial rule means the same as the analysis' starting point with those keys changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default = "EngagementRule::recommended", deny_unknown_fields)]
pub struct EngagementRule {
    /// Interactions counted, by network key (`x`, `facebook`…) or `default` for the others.
    pub interactions: BTreeMap<String, Vec<Interaction>>,
    /// Interactions counted on reels and videos, where they differ (Later's per-format rule);
    /// a network not named here counts the same as its other posts.
    pub video_interactions: BTreeMap<String, Vec<Interaction>>,
    /// What engagements are divided by.
    pub denominator: Denominator,
    /// Another denominator for some networks (Metricool divides by impressions on X and
    /// LinkedIn). Left out of the JSON: impressions on X and LinkedIn, views on YouTube and
    /// TikTok; `{}` divides every network by `denominator`.
    pub denominator_by_network: BTreeMap<String, Denominator>,
    /// How posts add up.
    pub aggregation: Aggregation,
    /// Per 1,000 instead of a ratio (Metricool's "ratio × 1000").
    pub per_thousand: bool,
}

fn map<V: Clone>(entries: &[(&str, V)]) -> BTreeMap<String, V> {
    entries
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

use Interaction::{Comments, PlatformEngagements, Reactions, Saves, Shares};

impl Default for EngagementRule {
    /// Reactions, comments, shares and saves by reach, ratio of totals.
    fn default() -> Self {
        EngagementRule {
            interactions: map(&[(DEFAULT_KEY, vec![Reactions, Comments, Shares, Saves])]),
            video_interactions: BTreeMap::new(),
            denominator: Denominator::Reach,
            denominator_by_network: BTreeMap::new(),
            aggregation: Aggregation::RatioOfTotals,
            per_thousand: false,
        }
    }
}

impl EngagementRule {
    /// The rule the analysis starts with: reactions, comments, shares and saves, each network
    /// by what its exports give: reach on Facebook, Instagram and the rest, impressions on X
    /// and LinkedIn (which report no reach), views on YouTube and TikTok. A file of any one
    /// network then has a rate at once; the label says which denominator each network used.
    pub fn recommended() -> Self {
        EngagementRule {
            denominator_by_network: map(&[
                ("x", Denominator::Impressions),
                ("linkedin", Denominator::Impressions),
                ("youtube", Denominator::Views),
                ("tiktok", Denominator::Views),
            ]),
            ..EngagementRule::default()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Presets
// ---------------------------------------------------------------------------------------------

/// A named definition of engagement rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    /// The rule given in the options.
    #[default]
    Custom,
    /// Hootsuite's engagement rate by reach (ERR): a post's engagements ÷ its reach, averaged
    /// over posts ("Average ERR = Total ERR / Total posts").
    ///
    /// Source: Hootsuite, "How to calculate engagement rate",
    /// <https://blog.hootsuite.com/calculate-engagement-rate/>. Hootsuite's "total engagements"
    /// tallies reactions, comments, shares and saves, "sometimes" clicks and views: clicks and
    /// views are left out here (add them in a custom rule).
    Hootsuite,
    /// Later's per-format formulas: static posts and carousels (likes + comments + saves) ÷
    /// reach; reels and videos (likes + comments + saves + shares) ÷ reach; overall, the
    /// engagements of all posts ÷ the reach of all posts (a ratio of totals).
    ///
    /// Source: Later Help Center, "Engagement Rate Change FAQ",
    /// <https://help.later.com/hc/en-us/articles/14559714698007-Engagement-Rate-Change-FAQ>.
    /// Later states them for Instagram; the same per-format rule is used for every network.
    /// The FAQ's overall formula names shares, which its static-post formula does not count:
    /// here the overall figure adds up the per-format engagements, so it agrees with the
    /// posts' own rates.
    Later,
    /// Rival IQ's engagement rate by follower: total engagement (reactions, comments, shares)
    /// ÷ the audience size when the post was published; TikTok by views. Rival IQ weights
    /// posts by follower count, which is Σ engagement ÷ Σ followers (a ratio of totals).
    ///
    /// Sources: Rival IQ Help Center, "Understanding engagement metrics",
    /// <https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics>, and
    /// "How does Rival IQ calculate Competitor Average, Landscape Average, and Post Average?",
    /// <https://help.rivaliq.com/en/articles/4352461-how-do-you-calculate-competitor-average-landscape-average-and-post-average>.
    /// Exports rarely give followers at posting time: the post's own column is used when
    /// there is one, else the account's follower total of the posting day (or the last day
    /// before it) from a daily file; a post with neither has no rate, and the report says so.
    RivalIq,
    /// Metricool's engagement as "ratio × 1000": interactions received per 1,000 people
    /// reached, by impressions instead of reach on X and LinkedIn. Metricool does not publish
    /// how a period's figure combines posts: the average of per-post values is used.
    ///
    /// Source: Metricool Help Center, "How engagement is calculated in Metricool",
    /// <https://help.metricool.com/en/article/how-engagement-is-calculated-in-metricool-1cmd48v>.
    Metricool,
    /// X's engagement rate: the engagements column of X's own export (every click, retweet,
    /// reply, follow and like) ÷ impressions; over a period, total engagements ÷ total
    /// impressions. A post's rate equals the `engagement rate` column of X's tweet activity
    /// export.
    ///
    /// Sources: the `engagement rate` column of X's tweet activity export (engagements ÷
    /// impressions, checked against real exports in the tests), and Buffer's "Twitter metric
    /// descriptions", <https://faq.buffer.com/article/1097-analyze-twitter-metric-descriptions>
    /// ("number of engagements divided by the number of impressions").
    X,
}

impl Preset {
    /// Every preset, in the order the page offers them.
    pub const ALL: [Preset; 6] = [
        Preset::Custom,
        Preset::Hootsuite,
        Preset::Later,
        Preset::RivalIq,
        Preset::Metricool,
        Preset::X,
    ];

    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Preset::Custom => "custom",
            Preset::Hootsuite => "hootsuite",
            Preset::Later => "later",
            Preset::RivalIq => "rival_iq",
            Preset::Metricool => "metricool",
            Preset::X => "x",
        }
    }

    /// Its name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Preset::Custom => lang.pick("Custom", "Personnalisé"),
            Preset::Hootsuite => lang.pick("Hootsuite (by reach)", "Hootsuite (par portée)"),
            Preset::Later => lang.pick("Later (per format)", "Later (par format)"),
            Preset::RivalIq => lang.pick(
                "Rival IQ (by followers at posting time)",
                "Rival IQ (par abonnés au moment de la publication)",
            ),
            Preset::Metricool => lang.pick(
                "Metricool (per 1,000 reached)",
                "Metricool (pour 1 000 personnes atteintes)",
            ),
            Preset::X => lang.pick(
                "X (engagements ÷ impressions)",
                "X (engagements ÷ impressions)",
            ),
        }
    }

    /// What it computes, in a sentence or two.
    pub fn explanation(self, lang: Lang) -> &'static str {
        match self {
            Preset::Custom => lang.pick(
                "Your own choice of interactions, denominator and aggregation.",
                "Votre choix d’interactions, de dénominateur et d’agrégation.",
            ),
            Preset::Hootsuite => lang.pick(
                "Each post’s reactions, comments, shares and saves ÷ its reach, averaged over the posts (Hootsuite’s “Average ERR”).",
                "Réactions, commentaires, partages et enregistrements de chaque publication ÷ sa portée, moyennés sur les publications (l’« Average ERR » de Hootsuite).",
            ),
            Preset::Later => lang.pick(
                "Static posts and carousels: (likes + comments + saves) ÷ reach; reels and videos: (likes + comments + saves + shares) ÷ reach; overall, all engagements ÷ all reach.",
                "Publications statiques et carrousels : (j’aime + commentaires + enregistrements) ÷ portée ; reels et vidéos : (j’aime + commentaires + enregistrements + partages) ÷ portée ; au total, tous les engagements ÷ toute la portée.",
            ),
            Preset::RivalIq => lang.pick(
                "Reactions, comments and shares ÷ followers when the post was published (TikTok: ÷ views), weighted by followers. Without followers at posting time in the export, the day’s follower total from a daily file is used.",
                "Réactions, commentaires et partages ÷ abonnés au moment de la publication (TikTok : ÷ vues), pondérés par les abonnés. Si l’export n’a pas les abonnés au moment de la publication, le total d’abonnés du jour tiré d’un fichier quotidien est utilisé.",
            ),
            Preset::Metricool => lang.pick(
                "Reactions, comments, shares and saves per 1,000 people reached (per 1,000 impressions on X and LinkedIn), averaged over the posts.",
                "Réactions, commentaires, partages et enregistrements pour 1 000 personnes atteintes (pour 1 000 impressions sur X et LinkedIn), moyennés sur les publications.",
            ),
            Preset::X => lang.pick(
                "X’s own engagements column (every click, repost, reply, follow and like) ÷ impressions; over a period, total engagements ÷ total impressions. Matches the engagement rate column of X’s export.",
                "La colonne engagements de X (tous les clics, reposts, réponses, abonnements et j’aime) ÷ impressions ; sur une période, total des engagements ÷ total des impressions. Identique à la colonne engagement rate de l’export de X.",
            ),
        }
    }

    /// Where the definition is published.
    pub fn sources(self) -> &'static [&'static str] {
        match self {
            Preset::Custom => &[],
            Preset::Hootsuite => &["https://blog.hootsuite.com/calculate-engagement-rate/"],
            Preset::Later => &["https://help.later.com/hc/en-us/articles/14559714698007-Engagement-Rate-Change-FAQ"],
            Preset::RivalIq => &[
                "https://help.rivaliq.com/en/articles/2043672-understanding-engagement-metrics",
                "https://help.rivaliq.com/en/articles/4352461-how-do-you-calculate-competitor-average-landscape-average-and-post-average",
            ],
            Preset::Metricool => &["https://help.metricool.com/en/article/how-engagement-is-calculated-in-metricool-1cmd48v"],
            Preset::X => &["https://faq.buffer.com/article/1097-analyze-twitter-metric-descriptions"],
        }
    }

    /// The rule it stands for; `None` for [`Preset::Custom`], whose rule is the options'.
    pub fn rule(self) -> Option<EngagementRule> {
        let base = EngagementRule::default();
        Some(match self {
            Preset::Custom => return None,
            Preset::Hootsuite => EngagementRule {
                aggregation: Aggregation::AverageOfRatios,
                ..base
            },
            Preset::Later => EngagementRule {
                interactions: map(&[(DEFAULT_KEY, vec![Reactions, Comments, Saves])]),
                video_interactions: map(&[(DEFAULT_KEY, vec![Reactions, Comments, Saves, Shares])]),
                ..base
            },
            Preset::RivalIq => EngagementRule {
                interactions: map(&[(DEFAULT_KEY, vec![Reactions, Comments, Shares])]),
                denominator: Denominator::Followers,
                denominator_by_network: map(&[("tiktok", Denominator::Views)]),
                ..base
            },
            Preset::Metricool => EngagementRule {
                denominator_by_network: map(&[
                    ("x", Denominator::Impressions),
                    ("linkedin", Denominator::Impressions),
                ]),
                aggregation: Aggregation::AverageOfRatios,
                per_thousand: true,
                ..base
            },
            Preset::X => EngagementRule {
                interactions: map(&[(DEFAULT_KEY, vec![PlatformEngagements])]),
                denominator: Denominator::Impressions,
                ..base
            },
        })
    }
}

/// A preset as the page offers it: its name, what it does, where it is published, its rule.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PresetInfo {
    /// Its key (`hootsuite`).
    pub id: &'static str,
    /// Its name.
    pub label: &'static str,
    /// What it computes.
    pub explanation: &'static str,
    /// Where the definition is published.
    pub sources: Vec<&'static str>,
    /// The rule; for `custom`, the rule the analysis starts with
    /// ([`EngagementRule::recommended`]).
    pub rule: EngagementRule,
}

/// Every preset, in `lang`.
pub(crate) fn presets(lang: Lang) -> Vec<PresetInfo> {
    Preset::ALL
        .iter()
        .map(|p| PresetInfo {
            id: p.key(),
            label: p.label(lang),
            explanation: p.explanation(lang),
            sources: p.sources().to_vec(),
            rule: p.rule().unwrap_or_else(EngagementRule::recommended),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The rule, resolved for each network
// ---------------------------------------------------------------------------------------------

/// A rule with every network's interactions and denominator settled.
#[derive(Clone, Debug)]
pub(crate) struct Resolved {
    /// The preset it came from.
    pub preset: Preset,
    /// The rule as given (or the preset's).
    pub rule: EngagementRule,
    statics: BTreeMap<Network, Vec<Interaction>>,
    videos: BTreeMap<Network, Vec<Interaction>>,
    denominators: BTreeMap<Network, Denominator>,
}

fn clean(list: &[Interaction]) -> Vec<Interaction> {
    if list.contains(&PlatformEngagements) {
        return vec![PlatformEngagements];
    }
    let mut v: Vec<Interaction> = Vec::new();
    for i in list {
        if !v.contains(i) {
            v.push(*i);
        }
    }
    v
}

impl Resolved {
    /// Settles `rule` (or the preset's), recording an error for each unknown network key
    /// under `path` (`engagement.interactions.twiter`).
    pub(crate) fn new(
        preset: Preset,
        custom: &EngagementRule,
        path: &str,
        lang: Lang,
        errors: &mut Vec<FieldError>,
    ) -> Resolved {
        let rule = preset.rule().unwrap_or_else(|| custom.clone());
        let mut check = |field: &str, key: &str| {
            if key != DEFAULT_KEY && parse_network_key(key).is_none() {
                errors.push(FieldError {
                    field: format!("{path}.{field}.{key}"),
                    message: match lang {
                        Lang::En => format!("unknown network \"{key}\": expected default, x, facebook, instagram, linkedin, youtube, tiktok, web or other"),
                        Lang::Fr => format!("réseau inconnu « {key} » : default, x, facebook, instagram, linkedin, youtube, tiktok, web ou other attendu"),
                    },
                });
            }
        };
        rule.interactions
            .keys()
            .for_each(|k| check("interactions", k));
        rule.video_interactions
            .keys()
            .for_each(|k| check("video_interactions", k));
        rule.denominator_by_network
            .keys()
            .for_each(|k| check("denominator_by_network", k));
        let lookup = |m: &BTreeMap<String, Vec<Interaction>>, n: Network| {
            m.iter()
                .find(|(k, _)| parse_network_key(k) == Some(n))
                .or_else(|| m.get_key_value(DEFAULT_KEY))
                .map(|(_, v)| clean(v))
        };
        let mut statics = BTreeMap::new();
        let mut videos = BTreeMap::new();
        let mut denominators = BTreeMap::new();
        for n in NETWORKS {
            let s = lookup(&rule.interactions, n).unwrap_or_default();
            let v = lookup(&rule.video_interactions, n).unwrap_or_else(|| s.clone());
            statics.insert(n, s);
            videos.insert(n, v);
            let d = rule
                .denominator_by_network
                .iter()
                .find(|(k, _)| parse_network_key(k) == Some(n))
                .map_or(rule.denominator, |(_, d)| *d);
            denominators.insert(n, d);
        }
        Resolved {
            preset,
            rule,
            statics,
            videos,
            denominators,
        }
    }

    /// The interactions counted on `post`.
    pub(crate) fn interactions(&self, post: &Post) -> &[Interaction] {
        let m = if is_video(post) {
            &self.videos
        } else {
            &self.statics
        };
        m.get(&post.network).map_or(&[], Vec::as_slice)
    }

    /// The denominator of `network`.
    pub(crate) fn denominator(&self, network: Network) -> Denominator {
        self.denominators
            .get(&network)
            .copied()
            .unwrap_or(self.rule.denominator)
    }

    /// Drops, for each network, the interactions no post of that network reports (a column
    /// the export does not have), and returns what is counted per network.
    pub(crate) fn settle(&mut self, posts: &[&Post], lang: Lang) -> Vec<Counted> {
        let mut out = Vec::new();
        for n in NETWORKS {
            let of_n: Vec<&&Post> = posts.iter().filter(|p| p.network == n).collect();
            if of_n.is_empty() {
                continue;
            }
            let reported = |i: &Interaction| of_n.iter().any(|p| i.of(&p.metrics).is_some());
            let mut absent: Vec<Interaction> = Vec::new();
            for list in [self.statics.get_mut(&n), self.videos.get_mut(&n)]
                .into_iter()
                .flatten()
            {
                list.retain(|i| {
                    let keep = reported(i);
                    if !keep && !absent.contains(i) {
                        absent.push(*i);
                    }
                    keep
                });
            }
            let statics = self.statics.get(&n).cloned().unwrap_or_default();
            let videos = self.videos.get(&n).cloned().unwrap_or_default();
            let has_static = of_n.iter().any(|p| !is_video(p));
            let has_video = of_n.iter().any(|p| is_video(p));
            let names = |l: &[Interaction]| -> String {
                if l.is_empty() {
                    lang.pick("nothing", "rien").to_string()
                } else {
                    l.iter()
                        .map(|i| i.name(lang))
                        .collect::<Vec<_>>()
                        .join(" + ")
                }
            };
            let text = if statics == videos || !has_video {
                names(&statics)
            } else if !has_static {
                names(&videos)
            } else {
                match lang {
                    Lang::En => {
                        format!("{} (reels and videos: {})", names(&statics), names(&videos))
                    }
                    Lang::Fr => {
                        format!("{} (reels et vidéos : {})", names(&statics), names(&videos))
                    }
                }
            };
            out.push(Counted {
                network: n,
                interactions: statics,
                video_interactions: videos,
                not_in_files: absent,
                denominator: self.denominator(n),
                text,
            });
        }
        out
    }
}

/// What counts as an engagement on one network of the dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counted {
    /// The network.
    pub network: Network,
    /// Interactions counted on its posts.
    pub interactions: Vec<Interaction>,
    /// Interactions counted on its reels and videos.
    pub video_interactions: Vec<Interaction>,
    /// Interactions the rule names but no post of this network reports: not counted.
    pub not_in_files: Vec<Interaction>,
    /// What its engagements are divided by.
    pub denominator: Denominator,
    /// The same, in words (`reactions + comments + shares`).
    pub text: String,
}

/// Reels, videos, TikToks and YouTube videos, as Later's per-format rule tells them apart.
pub(crate) fn is_video(post: &Post) -> bool {
    matches!(post.network, Network::TikTok | Network::YouTube)
        || post.kind.as_deref().is_some_and(|k| {
            let k = k.to_lowercase();
            k.contains("reel") || k.contains("video") || k.contains("vidéo")
        })
}

/// A post's engagements under `interactions`: their sum, or unknown when one of them is.
pub(crate) fn engagements(metrics: &PostMetrics, interactions: &[Interaction]) -> Option<f64> {
    if interactions.is_empty() {
        return None;
    }
    interactions.iter().map(|i| i.of(metrics)).sum()
}

/// A post's value of `d`; `followers` is its follower count at posting time, found by the
/// caller.
pub(crate) fn denominator_of(
    metrics: &PostMetrics,
    d: Denominator,
    followers: Option<f64>,
) -> Option<f64> {
    match d {
        Denominator::Reach => metrics.reach,
        Denominator::Impressions => metrics.impressions,
        Denominator::Followers => followers,
        Denominator::Views => metrics.views,
    }
}

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

formula! {
    /// Engagement rate by reach, ratio of totals.
    pub(crate) ER_REACH_TOTALS = "engagement_rate_by_reach.ratio_of_totals",
    en: "engagement rate by reach = Σ engagements ÷ Σ reach",
    fr: "taux d’engagement par portée = Σ engagements ÷ Σ portée"
}
formula! {
    /// Engagement rate by reach, average of per-post ratios (Hootsuite's "Average ERR").
    pub(crate) ER_REACH_AVERAGE = "engagement_rate_by_reach.average_of_ratios",
    en: "engagement rate by reach = average over posts of (engagements ÷ reach)",
    fr: "taux d’engagement par portée = moyenne sur les publications de (engagements ÷ portée)"
}
formula! {
    /// Engagement rate by impressions, ratio of totals (X's period figure).
    pub(crate) ER_IMPRESSIONS_TOTALS = "engagement_rate_by_impressions.ratio_of_totals",
    en: "engagement rate by impressions = Σ engagements ÷ Σ impressions",
    fr: "taux d’engagement par impressions = Σ engagements ÷ Σ impressions"
}
formula! {
    /// Engagement rate by impressions, average of per-post ratios.
    pub(crate) ER_IMPRESSIONS_AVERAGE = "engagement_rate_by_impressions.average_of_ratios",
    en: "engagement rate by impressions = average over posts of (engagements ÷ impressions)",
    fr: "taux d’engagement par impressions = moyenne sur les publications de (engagements ÷ impressions)"
}
formula! {
    /// Engagement rate by followers at posting time, ratio of totals (Rival IQ's
    /// follower-weighted average).
    pub(crate) ER_FOLLOWERS_TOTALS = "engagement_rate_by_followers.ratio_of_totals",
    en: "engagement rate by followers = Σ engagements ÷ Σ followers at posting time",
    fr: "taux d’engagement par abonnés = Σ engagements ÷ Σ abonnés au moment de la publication"
}
formula! {
    /// Engagement rate by followers at posting time, average of per-post ratios.
    pub(crate) ER_FOLLOWERS_AVERAGE = "engagement_rate_by_followers.average_of_ratios",
    en: "engagement rate by followers = average over posts of (engagements ÷ followers at posting time)",
    fr: "taux d’engagement par abonnés = moyenne sur les publications de (engagements ÷ abonnés au moment de la publication)"
}
formula! {
    /// Engagement rate by views, ratio of totals.
    pub(crate) ER_VIEWS_TOTALS = "engagement_rate_by_views.ratio_of_totals",
    en: "engagement rate by views = Σ engagements ÷ Σ views",
    fr: "taux d’engagement par vues = Σ engagements ÷ Σ vues"
}
formula! {
    /// Engagement rate by views, average of per-post ratios.
    pub(crate) ER_VIEWS_AVERAGE = "engagement_rate_by_views.average_of_ratios",
    en: "engagement rate by views = average over posts of (engagements ÷ views)",
    fr: "taux d’engagement par vues = moyenne sur les publications de (engagements ÷ vues)"
}
formula! {
    /// Engagement rate when networks divide by different things (each network's own
    /// denominator, named in the label), ratio of totals.
    pub(crate) ER_MIXED_TOTALS = "engagement_rate.ratio_of_totals",
    en: "engagement rate = Σ engagements ÷ Σ denominator of each post’s network",
    fr: "taux d’engagement = Σ engagements ÷ Σ dénominateur du réseau de chaque publication"
}
formula! {
    /// Engagement rate when networks divide by different things, average of per-post ratios.
    pub(crate) ER_MIXED_AVERAGE = "engagement_rate.average_of_ratios",
    en: "engagement rate = average over posts of (engagements ÷ denominator of the post’s network)",
    fr: "taux d’engagement = moyenne sur les publications de (engagements ÷ dénominateur du réseau de la publication)"
}
formula! {
    /// Engagements per 1,000 (Metricool's "ratio × 1000"), ratio of totals; the label names
    /// the denominator.
    pub(crate) ER_PER_THOUSAND_TOTALS = "engagement_per_thousand.ratio_of_totals",
    en: "engagement per 1,000 = Σ engagements ÷ Σ denominator × 1000",
    fr: "engagement pour 1 000 = Σ engagements ÷ Σ dénominateur × 1000"
}
formula! {
    /// Engagements per 1,000, average of per-post values (Metricool).
    pub(crate) ER_PER_THOUSAND_AVERAGE = "engagement_per_thousand.average_of_ratios",
    en: "engagement per 1,000 = average over posts of (engagements ÷ denominator × 1000)",
    fr: "engagement pour 1 000 = moyenne sur les publications de (engagements ÷ dénominateur × 1000)"
}
formula! {
    /// Kaushik's conversation rate: comments per post.
    ///
    /// Source: Avinash Kaushik, "Best Social Media Metrics: Conversation, Amplification,
    /// Applause, Economic Value",
    /// <https://www.kaushik.net/avinash/best-social-media-metrics-conversation-amplification-applause-economic-value/>.
    pub(crate) CONVERSATION = "conversation_rate",
    en: "conversation rate = comments ÷ posts",
    fr: "taux de conversation = commentaires ÷ publications"
}
formula! {
    /// Kaushik's amplification rate: shares per post.
    pub(crate) AMPLIFICATION = "amplification_rate",
    en: "amplification rate = shares ÷ posts",
    fr: "taux d’amplification = partages ÷ publications"
}
formula! {
    /// Kaushik's applause rate: likes (reactions) per post.
    pub(crate) APPLAUSE = "applause_rate",
    en: "applause rate = reactions ÷ posts",
    fr: "taux d’applaudissement = réactions ÷ publications"
}
formula! {
    /// Conversation per 1,000 followers, to compare accounts of different sizes, as True
    /// Social Metrics' relative rates do
    /// (<https://www.truesocialmetrics.com/university/metric-introduction>). Over the posts
    /// with both counts, Σ comments ÷ Σ followers equals comments per post ÷ average
    /// followers.
    pub(crate) CONVERSATION_PER_THOUSAND = "conversation_per_thousand_followers",
    en: "conversation per 1,000 followers = Σ comments ÷ Σ followers at posting time × 1000",
    fr: "conversation pour 1 000 abonnés = Σ commentaires ÷ Σ abonnés au moment de la publication × 1000"
}
formula! {
    /// Amplification per 1,000 followers.
    pub(crate) AMPLIFICATION_PER_THOUSAND = "amplification_per_thousand_followers",
    en: "amplification per 1,000 followers = Σ shares ÷ Σ followers at posting time × 1000",
    fr: "amplification pour 1 000 abonnés = Σ partages ÷ Σ abonnés au moment de la publication × 1000"
}
formula! {
    /// Applause per 1,000 followers.
    pub(crate) APPLAUSE_PER_THOUSAND = "applause_per_thousand_followers",
    en: "applause per 1,000 followers = Σ reactions ÷ Σ followers at posting time × 1000",
    fr: "applaudissement pour 1 000 abonnés = Σ réactions ÷ Σ abonnés au moment de la publication × 1000"
}
formula! {
    /// Virality: shares per impression.
    pub(crate) VIRALITY = "virality",
    en: "virality = Σ shares ÷ Σ impressions",
    fr: "viralité = Σ partages ÷ Σ impressions"
}
formula! {
    /// Click-through rate.
    pub(crate) CTR = "ctr",
    en: "CTR = Σ clicks ÷ Σ impressions",
    fr: "CTR = Σ clics ÷ Σ impressions"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    ER_REACH_TOTALS,
    ER_REACH_AVERAGE,
    ER_IMPRESSIONS_TOTALS,
    ER_IMPRESSIONS_AVERAGE,
    ER_FOLLOWERS_TOTALS,
    ER_FOLLOWERS_AVERAGE,
    ER_VIEWS_TOTALS,
    ER_VIEWS_AVERAGE,
    ER_MIXED_TOTALS,
    ER_MIXED_AVERAGE,
    ER_PER_THOUSAND_TOTALS,
    ER_PER_THOUSAND_AVERAGE,
    CONVERSATION,
    AMPLIFICATION,
    APPLAUSE,
    CONVERSATION_PER_THOUSAND,
    AMPLIFICATION_PER_THOUSAND,
    APPLAUSE_PER_THOUSAND,
    VIRALITY,
    CTR,
];

/// The formula of an engagement rate by `d` added up with `a`.
pub(crate) fn rate_formula(d: Denominator, a: Aggregation) -> formula::Formula {
    use Aggregation::*;
    use Denominator::*;
    match (d, a) {
        (Reach, RatioOfTotals) => ER_REACH_TOTALS,
        (Reach, AverageOfRatios) => ER_REACH_AVERAGE,
        (Impressions, RatioOfTotals) => ER_IMPRESSIONS_TOTALS,
        (Impressions, AverageOfRatios) => ER_IMPRESSIONS_AVERAGE,
        (Followers, RatioOfTotals) => ER_FOLLOWERS_TOTALS,
        (Followers, AverageOfRatios) => ER_FOLLOWERS_AVERAGE,
        (Views, RatioOfTotals) => ER_VIEWS_TOTALS,
        (Views, AverageOfRatios) => ER_VIEWS_AVERAGE,
    }
}

// ---------------------------------------------------------------------------------------------
// Adding posts up
// ---------------------------------------------------------------------------------------------

/// One post's numerator and denominator, as a rate needs them.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Pair {
    /// The numerator (engagements, comments, shares, clicks), if known.
    pub num: Option<f64>,
    /// The denominator, if known.
    pub den: Option<f64>,
}

/// The sums and ratios of a set of pairs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    /// Pairs given.
    pub posts: usize,
    /// Pairs with a numerator.
    pub with_num: usize,
    /// Pairs with a denominator.
    pub with_den: usize,
    /// Pairs with both, counted in the sums.
    pub both: usize,
    /// Σ numerator over pairs with both.
    pub sum_num: f64,
    /// Σ denominator over pairs with both.
    pub sum_den: f64,
    /// numerator ÷ denominator of each pair with both and a denominator above zero.
    pub ratios: Vec<f64>,
}

impl Tally {
    /// Adds the pairs up.
    pub(crate) fn of(pairs: impl IntoIterator<Item = Pair>) -> Tally {
        let mut t = Tally::default();
        for p in pairs {
            t.posts += 1;
            t.with_num += usize::from(p.num.is_some());
            t.with_den += usize::from(p.den.is_some());
            if let (Some(n), Some(d)) = (p.num, p.den) {
                t.both += 1;
                t.sum_num += n;
                t.sum_den += d;
                if d > 0.0 {
                    t.ratios.push(n / d);
                }
            }
        }
        t
    }

    /// The rate with `a`, or why there is none; `what` names the numerator and `den` the
    /// denominator in the reasons.
    pub(crate) fn rate(
        &self,
        a: Aggregation,
        reasons: &Reasons,
        lang: Lang,
    ) -> Result<f64, String> {
        if self.posts == 0 {
            return Err(reasons.no_posts.clone());
        }
        if self.with_num == 0 {
            return Err(reasons.no_numerator.clone());
        }
        if self.with_den == 0 {
            return Err(reasons.no_denominator.clone());
        }
        if self.both == 0 {
            return Err(match lang {
                Lang::En => format!(
                    "no post has both {} and {}",
                    reasons.num_name, reasons.den_name
                ),
                Lang::Fr => format!(
                    "aucune publication n’a à la fois {} et {}",
                    reasons.num_name, reasons.den_name
                ),
            });
        }
        match a {
            Aggregation::RatioOfTotals if self.sum_den > 0.0 => Ok(self.sum_num / self.sum_den),
            Aggregation::AverageOfRatios if !self.ratios.is_empty() => {
                Ok(self.ratios.iter().sum::<f64>() / self.ratios.len() as f64)
            }
            _ => Err(match lang {
                Lang::En => format!("{} add up to zero: nothing to divide by", reasons.den_name),
                Lang::Fr => format!("{} : total nul, rien par quoi diviser", reasons.den_name),
            }),
        }
    }
}

/// Why a rate has no value, in the words of the caller.
#[derive(Clone, Debug)]
pub(crate) struct Reasons {
    /// Name of the numerator (`engagements`).
    pub num_name: String,
    /// Name of the denominator (`reach`).
    pub den_name: String,
    /// When there are no posts.
    pub no_posts: String,
    /// When no post has the numerator.
    pub no_numerator: String,
    /// When no post has the denominator.
    pub no_denominator: String,
}

/// The reason when a set of posts is empty.
pub(crate) fn no_posts(lang: Lang) -> String {
    lang.pick(
        "no posts in the files for this period",
        "aucune publication dans les fichiers pour cette période",
    )
    .to_string()
}

fn no_count(what: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("no post in the files has {what}"),
        Lang::Fr => format!("aucune publication des fichiers n’a de {what}"),
    }
}

/// Builds a rate figure from a tally.
#[allow(clippy::too_many_arguments)]
pub(crate) fn rate_figure(
    id: &str,
    label: &str,
    formula: &str,
    unit: Unit,
    tally: &Tally,
    a: Aggregation,
    scale: f64,
    reasons: &Reasons,
    lang: Lang,
) -> Figure {
    let mut fig = Figure::custom(id, label, unit, formula);
    if tally.both > 0 {
        fig = fig
            .input(&reasons.num_name, tally.sum_num, Unit::Count)
            .input(&reasons.den_name, tally.sum_den, Unit::Count)
            .input(
                lang.pick("posts", "publications"),
                tally.both as f64,
                Unit::Count,
            );
        if a == Aggregation::AverageOfRatios && tally.ratios.len() != tally.both {
            fig = fig.input(
                lang.pick(
                    "posts with a denominator above zero",
                    "publications au dénominateur non nul",
                ),
                tally.ratios.len() as f64,
                Unit::Count,
            );
        }
    }
    fig.result(tally.rate(a, reasons, lang).map(|r| r * scale), lang)
}

/// A post as the engagement figures see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PostFacts<'a> {
    /// The post.
    pub post: &'a Post,
    /// Its engagements under the rule.
    pub engagements: Option<f64>,
    /// Its followers at posting time, if known.
    pub followers: Option<f64>,
    /// The denominator of its network under the rule.
    pub denominator: Denominator,
}

impl PostFacts<'_> {
    /// Its value of `d`.
    pub(crate) fn value_of(&self, d: Denominator) -> Option<f64> {
        denominator_of(&self.post.metrics, d, self.followers)
    }

    /// Its rate under the rule (× 1000 when the rule says so); `None` when unknown or when
    /// the denominator is zero.
    pub(crate) fn rate(&self, scale: f64) -> Option<f64> {
        let e = self.engagements?;
        let d = self.value_of(self.denominator)?;
        (d > 0.0).then(|| e / d * scale).filter(|r| r.is_finite())
    }
}

/// The figures of a set of posts under a resolved rule.
pub(crate) struct RateSet {
    /// The rule's own rate (the headline).
    pub rate: Figure,
    /// The same with the other aggregation.
    pub rate_other_aggregation: Figure,
    /// One rate per denominator, with the rule's interactions and aggregation.
    pub by_denominator: Vec<Figure>,
}

/// Label and formula of the rule's own rate.
fn headline_text(
    rule: &EngagementRule,
    d: Denominator,
    mixed: bool,
    networks_text: &str,
    a: Aggregation,
    lang: Lang,
) -> (String, &'static str, Unit, f64) {
    let den_text = if mixed {
        format!("{}{networks_text}", d.name(lang))
    } else {
        d.name(lang).to_string()
    };
    if rule.per_thousand {
        let f = match a {
            Aggregation::RatioOfTotals => ER_PER_THOUSAND_TOTALS,
            Aggregation::AverageOfRatios => ER_PER_THOUSAND_AVERAGE,
        };
        let label = match lang {
            Lang::En => format!("Engagements per 1,000 (by {den_text}, {})", a.name(lang)),
            Lang::Fr => format!("Engagements pour 1 000 (par {den_text}, {})", a.name(lang)),
        };
        (label, f.text(lang), Unit::PerThousand, 1000.0)
    } else {
        let f = if mixed {
            match a {
                Aggregation::RatioOfTotals => ER_MIXED_TOTALS,
                Aggregation::AverageOfRatios => ER_MIXED_AVERAGE,
            }
        } else {
            rate_formula(d, a)
        };
        let label = match lang {
            Lang::En => format!("Engagement rate (by {den_text}, {})", a.name(lang)),
            Lang::Fr => format!("Taux d’engagement (par {den_text}, {})", a.name(lang)),
        };
        (label, f.text(lang), Unit::Ratio, 1.0)
    }
}

/// The engagement rates of `posts` under `resolved`.
pub(crate) fn rates(facts: &[PostFacts], resolved: &Resolved, lang: Lang) -> RateSet {
    let rule = &resolved.rule;
    let networks: Vec<Network> = {
        let mut v: Vec<Network> = facts.iter().map(|f| f.post.network).collect();
        super::sort_by_key(&mut v, |n| *n);
        v.dedup();
        v
    };
    // The denominators the posts present are divided by: when they share one (a file of X
    // posts alone, by impressions), the headline is named after it, whatever the rule's own.
    let mut used: Vec<Denominator> = Vec::new();
    for n in &networks {
        let d = resolved.denominator(*n);
        if !used.contains(&d) {
            used.push(d);
        }
    }
    let mixed = used.len() > 1;
    let base = match used.as_slice() {
        [only] => *only,
        _ => rule.denominator,
    };
    let networks_text = if mixed {
        let others: Vec<String> = networks
            .iter()
            .filter(|n| resolved.denominator(**n) != base)
            .map(|n| match lang {
                Lang::En => format!("{} on {}", resolved.denominator(*n).name(lang), n.name()),
                Lang::Fr => format!("{} sur {}", resolved.denominator(*n).name(lang), n.name()),
            })
            .collect();
        format!("{}{}", lang.pick("; ", "\u{a0}; "), others.join(", "))
    } else {
        String::new()
    };
    let engagements_name = lang.pick("engagements", "engagements").to_string();
    let no_engagements = lang
        .pick(
            "no post in the files has the interactions counted: see which are counted for each network",
            "aucune publication des fichiers n’a les interactions comptées : voyez lesquelles sont comptées pour chaque réseau",
        )
        .to_string();
    let reasons_for = |d: Denominator, den_name: String| Reasons {
        num_name: engagements_name.clone(),
        den_name,
        no_posts: no_posts(lang),
        no_numerator: no_engagements.clone(),
        no_denominator: d.absent(lang).to_string(),
    };
    let own = Tally::of(facts.iter().map(|f| Pair {
        num: f.engagements,
        den: f.value_of(f.denominator),
    }));
    let head_reasons = reasons_for(
        base,
        if mixed {
            lang.pick("denominators", "dénominateurs").to_string()
        } else {
            base.name(lang).to_string()
        },
    );
    let headline = |a: Aggregation| {
        let (label, formula, unit, scale) =
            headline_text(rule, base, mixed, &networks_text, a, lang);
        rate_figure(
            "engagement_rate",
            &label,
            formula,
            unit,
            &own,
            a,
            scale,
            &head_reasons,
            lang,
        )
    };
    let rate = headline(rule.aggregation);
    let mut rate_other_aggregation = headline(rule.aggregation.other());
    rate_other_aggregation.id = "engagement_rate_other_aggregation".to_string();
    let by_denominator = Denominator::ALL
        .iter()
        .map(|&d| {
            let t = Tally::of(facts.iter().map(|f| Pair {
                num: f.engagements,
                den: f.value_of(d),
            }));
            let label = match lang {
                Lang::En => format!("Engagement rate by {}", d.name(lang)),
                Lang::Fr => format!("Taux d’engagement par {}", d.name(lang)),
            };
            rate_figure(
                &format!("engagement_rate_by_{}", d.key()),
                &label,
                rate_formula(d, rule.aggregation).text(lang),
                Unit::Ratio,
                &t,
                rule.aggregation,
                1.0,
                &reasons_for(d, d.name(lang).to_string()),
                lang,
            )
        })
        .collect();
    RateSet {
        rate,
        rate_other_aggregation,
        by_denominator,
    }
}

/// Kaushik's rates per post and per 1,000 followers, virality and CTR.
pub(crate) fn audience_figures(facts: &[PostFacts], lang: Lang) -> Vec<Figure> {
    let mut out = Vec::new();
    let n_posts = lang.pick("posts", "publications");
    let kaushik: [(formula::Formula, formula::Formula, &str, &str, Interaction); 3] = [
        (
            CONVERSATION,
            CONVERSATION_PER_THOUSAND,
            lang.pick("Conversation rate", "Taux de conversation"),
            lang.pick(
                "Conversation per 1,000 followers",
                "Conversation pour 1 000 abonnés",
            ),
            Interaction::Comments,
        ),
        (
            AMPLIFICATION,
            AMPLIFICATION_PER_THOUSAND,
            lang.pick("Amplification rate", "Taux d’amplification"),
            lang.pick(
                "Amplification per 1,000 followers",
                "Amplification pour 1 000 abonnés",
            ),
            Interaction::Shares,
        ),
        (
            APPLAUSE,
            APPLAUSE_PER_THOUSAND,
            lang.pick("Applause rate", "Taux d’applaudissement"),
            lang.pick(
                "Applause per 1,000 followers",
                "Applaudissement pour 1 000 abonnés",
            ),
            Interaction::Reactions,
        ),
    ];
    for (per_post, per_thousand, label, label_k, interaction) in kaushik {
        let name = interaction.name(lang);
        let known: Vec<f64> = facts
            .iter()
            .filter_map(|f| interaction.of(&f.post.metrics))
            .collect();
        let fig = Figure::of(per_post, label, Unit::Count, lang);
        let fig = if facts.is_empty() {
            fig.unavailable(no_posts(lang))
        } else if known.is_empty() {
            fig.unavailable(no_count(name, lang))
        } else {
            let sum: f64 = known.iter().sum();
            fig.input(name, sum, Unit::Count)
                .input(n_posts, known.len() as f64, Unit::Count)
                .value(sum / known.len() as f64, lang)
        };
        out.push(fig);
        let t = Tally::of(facts.iter().map(|f| Pair {
            num: interaction.of(&f.post.metrics),
            den: f.followers,
        }));
        let reasons = Reasons {
            num_name: name.to_string(),
            den_name: Denominator::Followers.name(lang).to_string(),
            no_posts: no_posts(lang),
            no_numerator: no_count(name, lang),
            no_denominator: Denominator::Followers.absent(lang).to_string(),
        };
        out.push(rate_figure(
            per_thousand.metric(),
            label_k,
            per_thousand.text(lang),
            Unit::PerThousand,
            &t,
            Aggregation::RatioOfTotals,
            1000.0,
            &reasons,
            lang,
        ));
    }
    let impressions = Denominator::Impressions;
    let virality = Tally::of(facts.iter().map(|f| Pair {
        num: f.post.metrics.shares,
        den: f.post.metrics.impressions,
    }));
    out.push(rate_figure(
        VIRALITY.metric(),
        lang.pick("Virality", "Viralité"),
        VIRALITY.text(lang),
        Unit::Ratio,
        &virality,
        Aggregation::RatioOfTotals,
        1.0,
        &Reasons {
            num_name: Interaction::Shares.name(lang).to_string(),
            den_name: impressions.name(lang).to_string(),
            no_posts: no_posts(lang),
            no_numerator: no_count(Interaction::Shares.name(lang), lang),
            no_denominator: impressions.absent(lang).to_string(),
        },
        lang,
    ));
    let (clicks, click) = click_kind(facts);
    let ctr = Tally::of(facts.iter().map(|f| Pair {
        num: click.of(&f.post.metrics),
        den: f.post.metrics.impressions,
    }));
    out.push(rate_figure(
        CTR.metric(),
        lang.pick("Click-through rate (CTR)", "Taux de clics (CTR)"),
        CTR.text(lang),
        Unit::Ratio,
        &ctr,
        Aggregation::RatioOfTotals,
        1.0,
        &Reasons {
            num_name: clicks.name(lang).to_string(),
            den_name: impressions.name(lang).to_string(),
            no_posts: no_posts(lang),
            no_numerator: no_count(lang.pick("clicks", "clics"), lang),
            no_denominator: impressions.absent(lang).to_string(),
        },
        lang,
    ));
    out
}

/// Which clicks CTR counts: link clicks when any post has them, else all clicks.
pub(crate) fn click_kind(facts: &[PostFacts]) -> (Interaction, Interaction) {
    if facts.iter().any(|f| f.post.metrics.link_clicks.is_some()) {
        (Interaction::LinkClicks, Interaction::LinkClicks)
    } else {
        (Interaction::Clicks, Interaction::Clicks)
    }
}

// ---------------------------------------------------------------------------------------------
// Posts, top and bottom, groups
// ---------------------------------------------------------------------------------------------

/// One post with its counts and its rate under the rule: a row of the per-post table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PostRow {
    /// The platform's id, as written.
    pub id: String,
    /// Where it was published.
    pub network: Network,
    /// The account, when the export names it.
    pub account: Option<String>,
    /// When it was published, as the export wrote it.
    pub published: Option<crate::date::DateTime>,
    /// Its type as the platform names it.
    pub kind: Option<String>,
    /// Its text.
    pub text: Option<String>,
    /// Its address.
    pub permalink: Option<String>,
    /// Engagements under the rule.
    pub engagements: Option<Finite>,
    /// Which denominator its rate divides by.
    pub denominator: Denominator,
    /// The value of that denominator.
    pub denominator_value: Option<Finite>,
    /// Its rate under the rule (a ratio, or per 1,000 when the rule says so).
    pub rate: Option<Finite>,
    /// Reach.
    pub reach: Option<Finite>,
    /// Impressions.
    pub impressions: Option<Finite>,
    /// Views.
    pub views: Option<Finite>,
    /// Reactions.
    pub reactions: Option<Finite>,
    /// Comments.
    pub comments: Option<Finite>,
    /// Shares.
    pub shares: Option<Finite>,
    /// Saves.
    pub saves: Option<Finite>,
    /// Clicks (all).
    pub clicks: Option<Finite>,
    /// Link clicks.
    pub link_clicks: Option<Finite>,
    /// Followers at posting time.
    pub followers: Option<Finite>,
    /// The platform's own engagement rate, when the export gives one (X).
    pub platform_rate: Option<Finite>,
    /// The file and line it came from.
    pub origin: crate::model::Origin,
}

fn fin(v: Option<f64>) -> Option<Finite> {
    v.and_then(Finite::new)
}

/// The row of a post.
pub(crate) fn post_row(f: &PostFacts, scale: f64) -> PostRow {
    let p = f.post;
    let m = &p.metrics;
    PostRow {
        id: p.id.clone(),
        network: p.network,
        account: p.account.clone(),
        published: p.published,
        kind: p.kind.clone(),
        text: p.text.clone(),
        permalink: p.permalink.clone(),
        engagements: fin(f.engagements),
        denominator: f.denominator,
        denominator_value: fin(f.value_of(f.denominator)),
        rate: fin(f.rate(scale)),
        reach: fin(m.reach),
        impressions: fin(m.impressions),
        views: fin(m.views),
        reactions: fin(m.reactions),
        comments: fin(m.comments),
        shares: fin(m.shares),
        saves: fin(m.saves),
        clicks: fin(m.clicks),
        link_clicks: fin(m.link_clicks),
        followers: fin(f.followers),
        platform_rate: fin(m.platform_engagement_rate),
        origin: p.origin.clone(),
    }
}

/// The `n` posts with the highest rate and the `n` with the lowest (not repeating the top
/// ones), best first and worst first. Ties go to more engagements, then to file order.
pub(crate) fn top_and_bottom(
    facts: &[PostFacts],
    scale: f64,
    n: usize,
) -> (Vec<PostRow>, Vec<PostRow>) {
    let mut rated: Vec<(usize, f64, f64)> = facts
        .iter()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.rate(scale)?, f.engagements.unwrap_or(0.0))))
        .collect();
    super::sort_by(&mut rated, |a, b| {
        b.1.total_cmp(&a.1)
            .then(b.2.total_cmp(&a.2))
            .then(a.0.cmp(&b.0))
    });
    let top: Vec<usize> = rated.iter().take(n).map(|r| r.0).collect();
    let bottom: Vec<usize> = rated
        .iter()
        .rev()
        .filter(|r| !top.contains(&r.0))
        .take(n)
        .map(|r| r.0)
        .collect();
    let rows = |ix: Vec<usize>| ix.iter().map(|&i| post_row(&facts[i], scale)).collect();
    (rows(top), rows(bottom))
}

/// One group of posts (a network, a post type) with its figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupRow {
    /// Stable key (`facebook`, `ig reel`).
    pub key: String,
    /// Its name.
    pub label: String,
    /// Its posts.
    pub posts: usize,
    /// Σ engagements of its posts with a known count.
    pub engagements: Finite,
    /// The rule's rate, the same with the other aggregation, then Kaushik's rates,
    /// virality and CTR for these posts.
    pub figures: Vec<Figure>,
}

/// Groups `facts` by `key` (with its label), in first-seen order, with their figures.
pub(crate) fn groups<'a>(
    facts: &[PostFacts<'a>],
    resolved: &Resolved,
    key: impl Fn(&Post) -> (String, String),
    lang: Lang,
) -> Vec<GroupRow> {
    let mut order: Vec<(String, String)> = Vec::new();
    let mut members: BTreeMap<String, Vec<PostFacts<'a>>> = BTreeMap::new();
    for f in facts {
        let (k, label) = key(f.post);
        if !members.contains_key(&k) {
            order.push((k.clone(), label));
        }
        members.entry(k).or_default().push(*f);
    }
    order
        .into_iter()
        .map(|(k, label)| {
            let fs = members.remove(&k).unwrap_or_default();
            let set = rates(&fs, resolved, lang);
            let mut figures = vec![set.rate, set.rate_other_aggregation];
            figures.extend(audience_figures(&fs, lang));
            GroupRow {
                key: k,
                label,
                posts: fs.len(),
                engagements: Finite::new(fs.iter().filter_map(|f| f.engagements).sum())
                    .unwrap_or(Finite::ZERO),
                figures,
            }
        })
        .collect()
}

/// The key and label of a post's type: case and spaces ignored, the first spelling kept.
pub(crate) fn kind_key(post: &Post, lang: Lang) -> (String, String) {
    match post
        .kind
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        Some(k) => (
            format!("{}:{}", network_key(post.network), k.to_lowercase()),
            format!("{} · {k}", post.network.name()),
        ),
        None => (
            format!("{}:", network_key(post.network)),
            format!(
                "{} · {}",
                post.network.name(),
                lang.pick("(no type)", "(sans type)")
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_have_sources_and_rules() {
        for p in Preset::ALL {
            if p == Preset::Custom {
                assert!(p.rule().is_none());
                continue;
            }
            assert!(!p.sources().is_empty(), "{p:?}");
            assert!(p.sources().iter().all(|s| s.starts_with("https://")));
            assert!(p.rule().is_some());
        }
        let json = serde_json::to_value(presets(Lang::Fr)).unwrap();
        assert_eq!(json[4]["id"], "metricool");
        assert_eq!(
            json[4]["rule"]["denominator_by_network"]["x"],
            "impressions"
        );
        assert_eq!(
            json[2]["rule"]["video_interactions"]["default"][3],
            "shares"
        );
    }

    #[test]
    fn platform_engagements_count_alone() {
        assert_eq!(
            clean(&[Reactions, PlatformEngagements, Comments]),
            vec![PlatformEngagements]
        );
        assert_eq!(
            clean(&[Reactions, Reactions, Comments]),
            vec![Reactions, Comments]
        );
        let m = PostMetrics {
            reactions: Some(3.0),
            comments: None,
            ..PostMetrics::default()
        };
        assert_eq!(engagements(&m, &[Reactions]), Some(3.0));
        assert_eq!(engagements(&m, &[Reactions, Comments]), None);
        assert_eq!(engagements(&m, &[]), None);
    }

    #[test]
    fn tallies() {
        let t = Tally::of([
            Pair {
                num: Some(10.0),
                den: Some(100.0),
            },
            Pair {
                num: Some(5.0),
                den: Some(0.0),
            },
            Pair {
                num: None,
                den: Some(50.0),
            },
        ]);
        assert_eq!((t.posts, t.both, t.sum_num, t.sum_den), (3, 2, 15.0, 100.0));
        assert_eq!(t.ratios, vec![0.1]);
    }
}
