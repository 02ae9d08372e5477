//! Kaushik's conversation, amplification and applause rates per post and per 1,000 followers,
//! virality and click-through rate.

use super::denominator::{Aggregation, Denominator};
use super::formulas::{
    AMPLIFICATION, AMPLIFICATION_PER_THOUSAND, APPLAUSE, APPLAUSE_PER_THOUSAND, CONVERSATION,
    CONVERSATION_PER_THOUSAND, CTR, VIRALITY,
};
use super::interaction::Interaction;
use super::sums::{Sums, KAUSHIK};
use super::tally::{no_count, no_posts, rate_figure, Reasons, Tally};
use crate::figure::{Figure, Unit};
use crate::formula;
use crate::i18n::Lang;

/// One of Kaushik's rates: the interaction it counts, its formulas and labels per post and per
/// 1,000 followers.
struct Kaushik {
    interaction: Interaction,
    per_post: formula::Formula,
    label: &'static str,
    per_thousand: formula::Formula,
    label_per_thousand: &'static str,
}

impl Kaushik {
    /// Conversation, amplification and applause.
    fn all(lang: Lang) -> [Kaushik; 3] {
        [
            Kaushik {
                interaction: Interaction::Comments,
                per_post: CONVERSATION,
                label: lang.pick("Conversation rate", "Taux de conversation"),
                per_thousand: CONVERSATION_PER_THOUSAND,
                label_per_thousand: lang.pick(
                    "Conversation per 1,000 followers",
                    "Conversation pour 1 000 abonnés",
                ),
            },
            Kaushik {
                interaction: Interaction::Shares,
                per_post: AMPLIFICATION,
                label: lang.pick("Amplification rate", "Taux d’amplification"),
                per_thousand: AMPLIFICATION_PER_THOUSAND,
                label_per_thousand: lang.pick(
                    "Amplification per 1,000 followers",
                    "Amplification pour 1 000 abonnés",
                ),
            },
            Kaushik {
                interaction: Interaction::Reactions,
                per_post: APPLAUSE,
                label: lang.pick("Applause rate", "Taux d’applaudissement"),
                per_thousand: APPLAUSE_PER_THOUSAND,
                label_per_thousand: lang.pick(
                    "Applause per 1,000 followers",
                    "Applaudissement pour 1 000 abonnés",
                ),
            },
        ]
    }
}

/// Kaushik's rates per post and per 1,000 followers, virality and CTR, of the posts of `sums`.
pub(crate) fn audience_figures(sums: &Sums, lang: Lang) -> Vec<Figure> {
    let mut out = Vec::with_capacity(8);
    for (i, k) in Kaushik::all(lang).iter().enumerate() {
        debug_assert_eq!(k.interaction, KAUSHIK[i]);
        out.push(per_post(
            sums.audience.posts,
            sums.audience.per_post[i],
            k,
            lang,
        ));
        out.push(per_thousand_followers(
            &sums.audience.per_thousand[i],
            k,
            lang,
        ));
    }
    out.push(virality(&sums.audience.virality, lang));
    out.push(ctr(sums, lang));
    out
}

/// The interaction of `k` per post, over the posts that report it: `(sum, count)` of `posts`.
fn per_post(posts: usize, (sum, count): (f64, usize), k: &Kaushik, lang: Lang) -> Figure {
    let name = k.interaction.name(lang);
    let fig = Figure::of(k.per_post, k.label, Unit::Count, lang);
    if posts == 0 {
        fig.unavailable(no_posts(lang))
    } else if count == 0 {
        fig.unavailable(no_count(name, lang))
    } else {
        fig.input(name, sum, Unit::Count)
            .input(
                lang.pick("posts", "publications"),
                count as f64,
                Unit::Count,
            )
            .value(sum / count as f64, lang)
    }
}

/// The interaction of `k` per 1,000 followers at posting time, of its tally `t`.
fn per_thousand_followers(t: &Tally, k: &Kaushik, lang: Lang) -> Figure {
    let name = k.interaction.name(lang);
    let followers = Denominator::Followers;
    let reasons = Reasons {
        num_name: name.to_string(),
        den_name: followers.name(lang).to_string(),
        no_posts: no_posts(lang),
        no_numerator: no_count(name, lang),
        no_denominator: followers.absent(lang).to_string(),
    };
    rate_figure(
        k.per_thousand.metric(),
        k.label_per_thousand,
        k.per_thousand.text(lang),
        Unit::PerThousand,
        t,
        Aggregation::RatioOfTotals,
        1000.0,
        &reasons,
        lang,
    )
}

/// A ratio of totals of some count by impressions, of its tally `t`: `num_name` names the
/// count and `no_numerator` says no post has it.
fn per_impression(
    t: &Tally,
    formula: formula::Formula,
    label: &str,
    num_name: &str,
    no_numerator: String,
    lang: Lang,
) -> Figure {
    let impressions = Denominator::Impressions;
    let reasons = Reasons {
        num_name: num_name.to_string(),
        den_name: impressions.name(lang).to_string(),
        no_posts: no_posts(lang),
        no_numerator,
        no_denominator: impressions.absent(lang).to_string(),
    };
    rate_figure(
        formula.metric(),
        label,
        formula.text(lang),
        Unit::Ratio,
        t,
        Aggregation::RatioOfTotals,
        1.0,
        &reasons,
        lang,
    )
}

/// Shares per impression.
fn virality(t: &Tally, lang: Lang) -> Figure {
    let shares = Interaction::Shares.name(lang);
    per_impression(
        t,
        VIRALITY,
        lang.pick("Virality", "Viralité"),
        shares,
        no_count(shares, lang),
        lang,
    )
}

/// Clicks per impression: link clicks when any post has them, else all clicks.
fn ctr(sums: &Sums, lang: Lang) -> Figure {
    let clicks = sums.click_kind();
    per_impression(
        sums.ctr(),
        CTR,
        lang.pick("Click-through rate (CTR)", "Taux de clics (CTR)"),
        clicks.name(lang),
        no_count(lang.pick("clicks", "clics"), lang),
        lang,
    )
}
