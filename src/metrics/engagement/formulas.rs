//! The formulas of engagement.

use super::denominator::{Aggregation, Denominator};
use crate::formula;

formula! {
    /// Engagement rate by reach, ratio of totals.
    ER_REACH_TOTALS = "engagement_rate_by_reach.ratio_of_totals",
    en: "engagement rate by reach = Σ engagements ÷ Σ reach",
    fr: "taux d’engagement par portée = Σ engagements ÷ Σ portée"
}
formula! {
    /// Engagement rate by reach, average of per-post ratios (Hootsuite's "Average ERR").
    ER_REACH_AVERAGE = "engagement_rate_by_reach.average_of_ratios",
    en: "engagement rate by reach = average over posts of (engagements ÷ reach)",
    fr: "taux d’engagement par portée = moyenne sur les publications de (engagements ÷ portée)"
}
formula! {
    /// Engagement rate by impressions, ratio of totals (X's period figure).
    ER_IMPRESSIONS_TOTALS = "engagement_rate_by_impressions.ratio_of_totals",
    en: "engagement rate by impressions = Σ engagements ÷ Σ impressions",
    fr: "taux d’engagement par impressions = Σ engagements ÷ Σ impressions"
}
formula! {
    /// Engagement rate by impressions, average of per-post ratios.
    ER_IMPRESSIONS_AVERAGE = "engagement_rate_by_impressions.average_of_ratios",
    en: "engagement rate by impressions = average over posts of (engagements ÷ impressions)",
    fr: "taux d’engagement par impressions = moyenne sur les publications de (engagements ÷ impressions)"
}
formula! {
    /// Engagement rate by followers at posting time, ratio of totals (Rival IQ's
    /// follower-weighted average).
    ER_FOLLOWERS_TOTALS = "engagement_rate_by_followers.ratio_of_totals",
    en: "engagement rate by followers = Σ engagements ÷ Σ followers at posting time",
    fr: "taux d’engagement par abonnés = Σ engagements ÷ Σ abonnés au moment de la publication"
}
formula! {
    /// Engagement rate by followers at posting time, average of per-post ratios.
    ER_FOLLOWERS_AVERAGE = "engagement_rate_by_followers.average_of_ratios",
    en: "engagement rate by followers = average over posts of (engagements ÷ followers at posting time)",
    fr: "taux d’engagement par abonnés = moyenne sur les publications de (engagements ÷ abonnés au moment de la publication)"
}
formula! {
    /// Engagement rate by views, ratio of totals.
    ER_VIEWS_TOTALS = "engagement_rate_by_views.ratio_of_totals",
    en: "engagement rate by views = Σ engagements ÷ Σ views",
    fr: "taux d’engagement par vues = Σ engagements ÷ Σ vues"
}
formula! {
    /// Engagement rate by views, average of per-post ratios.
    ER_VIEWS_AVERAGE = "engagement_rate_by_views.average_of_ratios",
    en: "engagement rate by views = average over posts of (engagements ÷ views)",
    fr: "taux d’engagement par vues = moyenne sur les publications de (engagements ÷ vues)"
}
formula! {
    /// Engagement rate when networks divide by different things (each network's own
    /// denominator, named in the label), ratio of totals.
    pub(super) ER_MIXED_TOTALS = "engagement_rate.ratio_of_totals",
    en: "engagement rate = Σ engagements ÷ Σ denominator of each post’s network",
    fr: "taux d’engagement = Σ engagements ÷ Σ dénominateur du réseau de chaque publication"
}
formula! {
    /// Engagement rate when networks divide by different things, average of per-post ratios.
    pub(super) ER_MIXED_AVERAGE = "engagement_rate.average_of_ratios",
    en: "engagement rate = average over posts of (engagements ÷ denominator of the post’s network)",
    fr: "taux d’engagement = moyenne sur les publications de (engagements ÷ dénominateur du réseau de la publication)"
}
formula! {
    /// Engagements per 1,000 (Metricool's "ratio × 1000"), ratio of totals; the label names
    /// the denominator.
    pub(super) ER_PER_THOUSAND_TOTALS = "engagement_per_thousand.ratio_of_totals",
    en: "engagement per 1,000 = Σ engagements ÷ Σ denominator × 1000",
    fr: "engagement pour 1 000 = Σ engagements ÷ Σ dénominateur × 1000"
}
formula! {
    /// Engagements per 1,000, average of per-post values (Metricool).
    pub(super) ER_PER_THOUSAND_AVERAGE = "engagement_per_thousand.average_of_ratios",
    en: "engagement per 1,000 = average over posts of (engagements ÷ denominator × 1000)",
    fr: "engagement pour 1 000 = moyenne sur les publications de (engagements ÷ dénominateur × 1000)"
}
formula! {
    /// Kaushik's conversation rate: comments per post.
    ///
    /// Source: Avinash Kaushik, "Best Social Media Metrics: Conversation, Amplification,
    /// Applause, Economic Value",
    /// <https://www.kaushik.net/avinash/best-social-media-metrics-conversation-amplification-applause-economic-value/>.
    pub(super) CONVERSATION = "conversation_rate",
    en: "conversation rate = comments ÷ posts",
    fr: "taux de conversation = commentaires ÷ publications"
}
formula! {
    /// Kaushik's amplification rate: shares per post.
    pub(super) AMPLIFICATION = "amplification_rate",
    en: "amplification rate = shares ÷ posts",
    fr: "taux d’amplification = partages ÷ publications"
}
formula! {
    /// Kaushik's applause rate: likes (reactions) per post.
    pub(super) APPLAUSE = "applause_rate",
    en: "applause rate = reactions ÷ posts",
    fr: "taux d’applaudissement = réactions ÷ publications"
}
formula! {
    /// Conversation per 1,000 followers, to compare accounts of different sizes, as True
    /// Social Metrics' relative rates do
    /// (<https://www.truesocialmetrics.com/university/metric-introduction>). Over the posts
    /// with both counts, Σ comments ÷ Σ followers equals comments per post ÷ average
    /// followers.
    pub(super) CONVERSATION_PER_THOUSAND = "conversation_per_thousand_followers",
    en: "conversation per 1,000 followers = Σ comments ÷ Σ followers at posting time × 1000",
    fr: "conversation pour 1 000 abonnés = Σ commentaires ÷ Σ abonnés au moment de la publication × 1000"
}
formula! {
    /// Amplification per 1,000 followers.
    pub(super) AMPLIFICATION_PER_THOUSAND = "amplification_per_thousand_followers",
    en: "amplification per 1,000 followers = Σ shares ÷ Σ followers at posting time × 1000",
    fr: "amplification pour 1 000 abonnés = Σ partages ÷ Σ abonnés au moment de la publication × 1000"
}
formula! {
    /// Applause per 1,000 followers.
    pub(super) APPLAUSE_PER_THOUSAND = "applause_per_thousand_followers",
    en: "applause per 1,000 followers = Σ reactions ÷ Σ followers at posting time × 1000",
    fr: "applaudissement pour 1 000 abonnés = Σ réactions ÷ Σ abonnés au moment de la publication × 1000"
}
formula! {
    /// Virality: shares per impression.
    pub(super) VIRALITY = "virality",
    en: "virality = Σ shares ÷ Σ impressions",
    fr: "viralité = Σ partages ÷ Σ impressions"
}
formula! {
    /// Click-through rate.
    pub(super) CTR = "ctr",
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
pub(super) fn rate_formula(d: Denominator, a: Aggregation) -> formula::Formula {
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
