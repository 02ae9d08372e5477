//! The engagement rates of a set of posts: the rule's own (the headline), the same with the
//! other aggregation, and one per denominator.

use super::denominator::{Aggregation, Denominator};
use super::formulas::{
    rate_formula, ER_MIXED_AVERAGE, ER_MIXED_TOTALS, ER_PER_THOUSAND_AVERAGE,
    ER_PER_THOUSAND_TOTALS,
};
use super::resolved::Resolved;
use super::rule::EngagementRule;
use super::sums::Sums;
use super::tally::{no_posts, rate_figure, Reasons, Tally};
use crate::figure::{Figure, Unit};
use crate::i18n::Lang;
use crate::model::Network;

/// The figures of a set of posts under a resolved rule.
pub(crate) struct RateSet {
    /// The rule's own rate (the headline).
    pub rate: Figure,
    /// The same with the other aggregation.
    pub rate_other_aggregation: Figure,
    /// One rate per denominator, with the rule's interactions and aggregation.
    pub by_denominator: Vec<Figure>,
}

/// The denominator the headline is named after: the one every network of the posts is
/// divided by (a file of X posts alone, by impressions), whatever the rule's own; else the
/// rule's, and `others` names the networks divided by another one.
struct Divisor {
    base: Denominator,
    /// The networks of the posts are divided by different denominators.
    mixed: bool,
    /// `; impressions on X, views on TikTok`; empty unless `mixed`.
    others: String,
}

impl Divisor {
    /// The divisor of the headline of the posts of `sums` under `resolved`.
    fn of(sums: &Sums, resolved: &Resolved, lang: Lang) -> Divisor {
        let mut networks: Vec<Network> = sums.audience.networks.clone();
        networks.sort_unstable();
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
            _ => resolved.rule.denominator,
        };
        let others = if mixed {
            let named: Vec<String> = networks
                .iter()
                .filter(|n| resolved.denominator(**n) != base)
                .map(|n| match lang {
                    Lang::En => format!("{} on {}", resolved.denominator(*n).name(lang), n.name()),
                    Lang::Fr => format!("{} sur {}", resolved.denominator(*n).name(lang), n.name()),
                })
                .collect();
            format!("{}{}", lang.pick("; ", "\u{a0}; "), named.join(", "))
        } else {
            String::new()
        };
        Divisor {
            base,
            mixed,
            others,
        }
    }
}

/// Label, formula, unit and scale of the rule's own rate with the aggregation `a`.
fn headline_text(
    rule: &EngagementRule,
    divisor: &Divisor,
    a: Aggregation,
    lang: Lang,
) -> (String, &'static str, Unit, f64) {
    let d = divisor.base;
    let den_text = if divisor.mixed {
        format!("{}{}", d.name(lang), divisor.others)
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
        let f = match (divisor.mixed, a) {
            (true, Aggregation::RatioOfTotals) => ER_MIXED_TOTALS,
            (true, Aggregation::AverageOfRatios) => ER_MIXED_AVERAGE,
            (false, a) => rate_formula(d, a),
        };
        let label = match lang {
            Lang::En => format!("Engagement rate (by {den_text}, {})", a.name(lang)),
            Lang::Fr => format!("Taux d’engagement (par {den_text}, {})", a.name(lang)),
        };
        (label, f.text(lang), Unit::Ratio, 1.0)
    }
}

/// Why an engagement rate by `d` has no value; `den_name` names the denominator.
fn engagement_reasons(d: Denominator, den_name: String, lang: Lang) -> Reasons {
    Reasons {
        num_name: lang.pick("engagements", "engagements").to_string(),
        den_name,
        no_posts: no_posts(lang),
        no_numerator: lang
            .pick(
                "no post in the files has the interactions counted: see which are counted for each network",
                "aucune publication des fichiers n’a les interactions comptées : voyez lesquelles sont comptées pour chaque réseau",
            )
            .to_string(),
        no_denominator: d.absent(lang).to_string(),
    }
}

/// The engagement rates of the posts of `sums` under `resolved`.
pub(crate) fn engagement_rates(sums: &Sums, resolved: &Resolved, lang: Lang) -> RateSet {
    let rule = &resolved.rule;
    let divisor = Divisor::of(sums, resolved, lang);
    let own = &sums.own;
    let den_name = if divisor.mixed {
        lang.pick("denominators", "dénominateurs").to_string()
    } else {
        divisor.base.name(lang).to_string()
    };
    let reasons = engagement_reasons(divisor.base, den_name, lang);
    let headline = |a: Aggregation| {
        let (label, formula, unit, scale) = headline_text(rule, &divisor, a, lang);
        rate_figure(
            "engagement_rate",
            &label,
            formula,
            unit,
            own,
            a,
            scale,
            &reasons,
            lang,
        )
    };
    let rate = headline(rule.aggregation);
    let mut rate_other_aggregation = headline(rule.aggregation.other());
    rate_other_aggregation.id = "engagement_rate_other_aggregation".to_string();
    let by_denominator = Denominator::ALL
        .iter()
        .zip(&sums.by)
        .map(|(&d, t)| rate_by(t, d, rule.aggregation, lang))
        .collect();
    RateSet {
        rate,
        rate_other_aggregation,
        by_denominator,
    }
}

/// The engagement rate by `d` (id `engagement_rate_by_reach` …) of the tally `t` of
/// engagements and `d`, with the rule's interactions and its aggregation `a`.
fn rate_by(t: &Tally, d: Denominator, a: Aggregation, lang: Lang) -> Figure {
    let label = match lang {
        Lang::En => format!("Engagement rate by {}", d.name(lang)),
        Lang::Fr => format!("Taux d’engagement par {}", d.name(lang)),
    };
    rate_figure(
        &format!("engagement_rate_by_{}", d.key()),
        &label,
        rate_formula(d, a).text(lang),
        Unit::Ratio,
        t,
        a,
        1.0,
        &engagement_reasons(d, d.name(lang).to_string(), lang),
        lang,
    )
}
