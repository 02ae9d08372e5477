//! What engagements are divided by, and how the posts of a period add up into one rate.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

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
    pub(super) fn absent(self, lang: Lang) -> &'static str {
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
