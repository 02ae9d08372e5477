//! The presets: named rules that reproduce published definitions, with their sources.

use super::denominator::{Aggregation, Denominator};
use super::interaction::Interaction::{Comments, PlatformEngagements, Reactions, Saves, Shares};
use super::rule::{map, EngagementRule, DEFAULT_KEY};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

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
}
