//! The engagement figures of the posts of the period: the rule's rates, Kaushik's rates, every
//! post with its rate, the top and bottom posts, and the posts by network and by type.

use super::report::{Definition, EngagementReport, RankingMinimum};
use crate::figure::Unit;
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::metrics::engagement::{self, Counted, EngagementRule, Grouped, PostFacts, Resolved};
use crate::metrics::series;

/// What the rule's rates are multiplied by (1, or 1000 per 1,000) and their unit.
pub(super) fn rate_scale(rule: &EngagementRule) -> (f64, Unit) {
    if rule.per_thousand {
        (1000.0, Unit::PerThousand)
    } else {
        (1.0, Unit::Ratio)
    }
}

/// The engagement figures of `facts` (their sums and their groups' in `grouped`) under
/// `resolved`, with `top` posts listed each way, and a row for every post when `rows`.
pub(super) fn engagement_report(
    (facts, grouped): (&[PostFacts], &Grouped),
    resolved: &Resolved,
    (top, minimum): (usize, Option<f64>),
    rows: bool,
    lang: Lang,
) -> EngagementReport {
    let (scale, rate_unit) = rate_scale(&resolved.rule);
    let sums = &grouped.total;
    let set = engagement::engagement_rates(sums, resolved, lang);
    let chosen = minimum.unwrap_or_else(|| engagement::default_minimum(facts, scale));
    let (top_posts, bottom_posts, left_out) = engagement::top_and_bottom(facts, scale, top, chosen);
    let top_posts_minimum = ranking_minimum(chosen, minimum.is_none(), left_out, lang);
    let top_posts_reason = top_posts.is_empty().then(|| {
        set.rate
            .reason
            .clone()
            .unwrap_or_else(|| engagement::no_posts(lang))
    });
    let by_network = engagement::group_rows(&grouped.by_network, resolved, lang);
    let by_type = engagement::group_rows(&grouped.by_type, resolved, lang);
    EngagementReport {
        rate: set.rate,
        rate_other_aggregation: set.rate_other_aggregation,
        by_denominator: set.by_denominator,
        audience: engagement::audience_figures(sums, lang),
        posts: if rows {
            engagement::post_rows(facts, scale)
        } else {
            Vec::new()
        },
        rate_unit,
        top_posts,
        bottom_posts,
        top_posts_reason,
        top_posts_minimum,
        by_network,
        by_type,
    }
}

/// The minimum denominator of the ranking, in words.
fn ranking_minimum(value: f64, default: bool, left_out: usize, lang: Lang) -> RankingMinimum {
    let share = engagement::MINIMUM_SHARE * 100.0;
    let text = match (lang, default) {
        (Lang::En, true) => format!("ranked: posts whose denominator (reach, impressions…) reaches {value}, a quarter ({share} %) of the posts’ median; {left_out} post(s) below it left out"),
        (Lang::Fr, true) => format!("classées : les publications dont le dénominateur (portée, impressions…) atteint {value}, le quart ({share} %) de la médiane des publications ; {left_out} publication(s) en dessous laissée(s) de côté"),
        (Lang::En, false) => format!("ranked: posts whose denominator (reach, impressions…) reaches {value}, as chosen; {left_out} post(s) below it left out"),
        (Lang::Fr, false) => format!("classées : les publications dont le dénominateur (portée, impressions…) atteint {value}, comme choisi ; {left_out} publication(s) en dessous laissée(s) de côté"),
    };
    RankingMinimum {
        value: Finite::new(value).unwrap_or(Finite::ZERO),
        default,
        text,
        left_out,
    }
}

/// What each network of `counted` is divided by: `impressions: X · reach: Facebook,
/// Instagram`.
fn denominators_text(counted: &[Counted], lang: Lang) -> String {
    let mut groups: Vec<(engagement::Denominator, Vec<&str>)> = Vec::new();
    for c in counted {
        match groups.iter_mut().find(|(d, _)| *d == c.denominator) {
            Some((_, names)) => names.push(c.network.name()),
            None => groups.push((c.denominator, vec![c.network.name()])),
        }
    }
    let colon = lang.pick(": ", "\u{a0}: ");
    groups
        .iter()
        .map(|(d, names)| format!("{}{colon}{}", d.name(lang), names.join(", ")))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The engagement definition used: the preset, the rule settled on the files' networks
/// (`counted`), where followers at posting time came from, and the clock `offset`.
pub(super) fn definition(
    resolved: Resolved,
    counted: Vec<Counted>,
    followers: String,
    offset: Option<i32>,
    lang: Lang,
) -> Definition {
    let preset = resolved.preset;
    Definition {
        preset: preset.key(),
        label: preset.label(lang),
        explanation: preset.explanation(lang),
        sources: preset.sources().to_vec(),
        rule: resolved.rule,
        denominators: denominators_text(&counted, lang),
        counted,
        followers,
        clock: series::clock_text(offset, lang),
    }
}
