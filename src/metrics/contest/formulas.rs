//! The formulas of the contest outcome (its cost lines, totals and ROI are the ROI
//! calculator's).

use crate::formula;

formula! {
    /// Cost of the contest per entry.
    pub(super) COST_PER_ENTRY = "cost_per_entry",
    en: "cost per entry = contest cost ÷ entries",
    fr: "coût par participation = coût du concours ÷ participations"
}
formula! {
    /// Cost of the contest per unique participant.
    pub(super) COST_PER_PARTICIPANT = "cost_per_participant",
    en: "cost per participant = contest cost ÷ unique participants",
    fr: "coût par participant = coût du concours ÷ participants uniques"
}
formula! {
    /// Who joined during the contest, from the follower lists.
    pub(super) NEW_FOLLOWERS_FROM_LISTS = "new_followers.from_lists",
    en: "new followers = people in the list at close who are not in the list before",
    fr: "nouveaux abonnés = personnes de la liste à la clôture absentes de la liste d’avant"
}
formula! {
    /// The net follower gain during the contest, from the counts.
    pub(super) NEW_FOLLOWERS_FROM_COUNTS = "new_followers.from_counts",
    en: "new followers = followers at close − followers before",
    fr: "nouveaux abonnés = abonnés à la clôture − abonnés avant"
}
formula! {
    /// Cost of the contest per new follower.
    pub(super) CONTEST_COST_PER_NEW_FOLLOWER = "contest_cost_per_new_follower",
    en: "cost per new follower = contest cost ÷ new followers",
    fr: "coût par nouvel abonné = coût du concours ÷ nouveaux abonnés"
}
formula! {
    /// The contest's new followers still there some days after the close, from the lists.
    pub(super) KEPT_FROM_LISTS = "kept.from_lists",
    en: "followers kept = new followers still in the list taken N days after close",
    fr: "abonnés restés = nouveaux abonnés encore dans la liste prise N jours après la clôture"
}
formula! {
    /// The net gain still there some days after the close, from the counts.
    pub(super) KEPT_FROM_COUNTS = "kept.from_counts",
    en: "followers kept = followers N days after close − followers before",
    fr: "abonnés restés = abonnés N jours après la clôture − abonnés avant"
}
formula! {
    /// Share of the contest's new followers still there.
    pub(super) RETENTION = "retention",
    en: "retention = followers kept ÷ new followers",
    fr: "rétention = abonnés restés ÷ nouveaux abonnés"
}
formula! {
    /// Cost of the contest per follower still there.
    pub(super) COST_PER_KEPT = "cost_per_kept",
    en: "cost per follower kept = contest cost ÷ followers kept",
    fr: "coût par abonné resté = coût du concours ÷ abonnés restés"
}
formula! {
    /// Shares or referrals per participant.
    pub(super) VIRAL_COEFFICIENT = "viral_coefficient",
    en: "viral coefficient = shares and referrals ÷ unique participants",
    fr: "coefficient viral = partages et parrainages ÷ participants uniques"
}
formula! {
    /// Clicks that became sales or sign-ups.
    pub(super) CONVERSION_RATE = "conversion_rate",
    en: "conversion rate = conversions ÷ clicks",
    fr: "taux de conversion = conversions ÷ clics"
}
formula! {
    /// What the contest brought back, from its revenue.
    pub(super) RETURN_FROM_REVENUE = "contest_return.from_revenue",
    en: "contest return = revenue × margin",
    fr: "retour du concours = chiffre d’affaires × marge"
}
formula! {
    /// What the contest brought back, from its conversions.
    pub(super) RETURN_FROM_CONVERSIONS = "contest_return.from_conversions",
    en: "contest return = conversions × value per conversion × margin",
    fr: "retour du concours = conversions × valeur par conversion × marge"
}

/// Every formula of the contest outcome (the cost lines, totals and ROI are the ROI
/// calculator's).
pub(crate) const FORMULAS: &[formula::Formula] = &[
    COST_PER_ENTRY,
    COST_PER_PARTICIPANT,
    NEW_FOLLOWERS_FROM_LISTS,
    NEW_FOLLOWERS_FROM_COUNTS,
    CONTEST_COST_PER_NEW_FOLLOWER,
    KEPT_FROM_LISTS,
    KEPT_FROM_COUNTS,
    RETENTION,
    COST_PER_KEPT,
    VIRAL_COEFFICIENT,
    CONVERSION_RATE,
    RETURN_FROM_REVENUE,
    RETURN_FROM_CONVERSIONS,
];
