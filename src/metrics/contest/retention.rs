//! The contest's new followers some days after the close: how many stayed (exactly from the
//! lists, else the net change of the counts), the retention and the cost per follower kept.

use super::audience::NewFollowers;
use super::formulas::{COST_PER_KEPT, KEPT_FROM_COUNTS, KEPT_FROM_LISTS, RETENTION};
use super::numbers::{Moment, Numbers};
use super::outcome::Outcome;
use super::report::RetentionRow;
use crate::figure::{Figure, Unit};
use crate::i18n::Lang;

/// One row per later check, in the order given.
pub(super) fn retention(n: &Numbers, new: &NewFollowers, o: &Outcome) -> Vec<RetentionRow> {
    n.later
        .iter()
        .map(|(days, m)| row(*days, m, n.before.count, new, o))
        .collect()
}

/// The check `days` after the close, of the followers `m` then; `before` is the count before
/// the contest.
fn row(
    days: u32,
    m: &Moment,
    before: Option<f64>,
    new: &NewFollowers,
    o: &Outcome,
) -> RetentionRow {
    let lang = o.lang;
    let kept = match (&new.joined, &m.list, before, m.count) {
        (Some(joined), Some(list), _, _) => {
            let k = joined.intersection(list).count() as f64;
            let fig = kept_figure(days, KEPT_FROM_LISTS.text(lang), lang)
                .input(new_name(lang), joined.len() as f64, Unit::Count)
                .input(
                    lang.pick("days after close", "jours après la clôture"),
                    f64::from(days),
                    Unit::Count,
                )
                .value(k, lang);
            Kept {
                fig,
                count: Some(k),
            }
        }
        (_, _, Some(b), Some(c)) => kept_from_counts(days, b, c, lang),
        (_, _, _, c) => Kept {
            fig: kept_figure(days, KEPT_FROM_COUNTS.text(lang), lang).unavailable(no_kept(
                days,
                c.is_none(),
                lang,
            )),
            count: None,
        },
    };
    let retention = retention_figure(days, &kept, new, lang);
    let cost_per_kept = cost_per_kept(days, &kept, o);
    RetentionRow {
        days,
        kept: o.block(kept.fig),
        retention: o.block(retention),
        cost_per_kept: o.block(cost_per_kept),
    }
}

/// The followers kept: the figure, and its value when known.
struct Kept {
    fig: Figure,
    count: Option<f64>,
}

fn new_name(lang: Lang) -> &'static str {
    lang.pick("new followers", "nouveaux abonnés")
}

fn kept_name(lang: Lang) -> &'static str {
    lang.pick("followers kept", "abonnés restés")
}

/// The figure of the followers kept after `days` (id `kept_7d`), with its `formula`.
fn kept_figure(days: u32, formula: &str, lang: Lang) -> Figure {
    let label = match lang {
        Lang::En => format!("Followers kept after {days} days"),
        Lang::Fr => format!("Abonnés restés après {days}\u{a0}jours"),
    };
    Figure::custom(
        &format!("kept{}", suffix(days)),
        &label,
        Unit::Count,
        formula,
    )
}

/// The net gain still there after `days`: `later` followers then, `before` the contest.
fn kept_from_counts(days: u32, before: f64, later: f64, lang: Lang) -> Kept {
    let later_name = match lang {
        Lang::En => format!("followers {days} days after close"),
        Lang::Fr => format!("abonnés {days}\u{a0}jours après la clôture"),
    };
    let fig = kept_figure(days, KEPT_FROM_COUNTS.text(lang), lang)
        .input(&later_name, later, Unit::Count)
        .input(
            lang.pick("followers before", "abonnés avant"),
            before,
            Unit::Count,
        )
        .value(later - before, lang);
    Kept {
        fig,
        count: Some(later - before),
    }
}

/// Why the followers kept are unknown: the count after `days` missing (`no_later`), or the
/// count before.
fn no_kept(days: u32, no_later: bool, lang: Lang) -> String {
    if no_later {
        match lang {
            Lang::En => format!("enter the followers {days} days after close, or drop that list"),
            Lang::Fr => format!(
                "indiquez les abonnés {days}\u{a0}jours après la clôture, ou déposez cette liste"
            ),
        }
    } else {
        lang.pick(
            "enter the followers before the contest (or drop that list)",
            "indiquez les abonnés avant le concours (ou déposez cette liste)",
        )
        .to_string()
    }
}

/// Kept ÷ new (id `retention_7d`).
fn retention_figure(days: u32, kept: &Kept, new: &NewFollowers, lang: Lang) -> Figure {
    let label = match lang {
        Lang::En => format!("Retention after {days} days"),
        Lang::Fr => format!("Rétention après {days}\u{a0}jours"),
    };
    let fig = Figure::custom(
        &format!("retention{}", suffix(days)),
        &label,
        Unit::Ratio,
        RETENTION.text(lang),
    );
    match (kept.count, new.count) {
        (Some(k), Some(n)) if n > 0.0 => fig
            .input(kept_name(lang), k, Unit::Count)
            .input(new_name(lang), n, Unit::Count)
            .value(k / n, lang),
        (Some(_), Some(n)) => fig
            .input(new_name(lang), n, Unit::Count)
            .unavailable(lang.pick(
                "no new followers: retention needs some to divide by",
                "aucun nouvel abonné\u{a0}: la rétention a besoin d’en diviser",
            )),
        (None, _) => fig.unavailable(kept.fig.reason.clone().unwrap_or_default()),
        (_, None) => fig.unavailable(new.figure.reason.clone().unwrap_or_default()),
    }
}

/// Contest cost ÷ kept (id `cost_per_kept_7d`).
fn cost_per_kept(days: u32, kept: &Kept, o: &Outcome) -> Figure {
    let lang = o.lang;
    let label = match lang {
        Lang::En => format!("Cost per follower kept after {days} days"),
        Lang::Fr => format!("Coût par abonné resté après {days}\u{a0}jours"),
    };
    let name = kept_name(lang);
    let fig = o.cost_per(COST_PER_KEPT, &label, kept.count.map(|k| (k, name)), name);
    let fig = Figure {
        id: format!("cost_per_kept{}", suffix(days)),
        ..fig
    };
    if kept.count.is_none() && o.total_cost.is_some() {
        fig.unavailable(kept.fig.reason.clone().unwrap_or_default())
    } else {
        fig
    }
}

/// The suffix of a check's figure ids (`_7d`).
fn suffix(days: u32) -> String {
    format!("_{days}d")
}
