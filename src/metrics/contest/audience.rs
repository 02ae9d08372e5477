//! The contest's audience: who joined (exactly from the follower lists, else the net change of
//! the counts), what each entry, participant and new follower cost, the viral coefficient and
//! the conversion rate.

use super::formulas::{
    CONTEST_COST_PER_NEW_FOLLOWER, CONVERSION_RATE, COST_PER_ENTRY, COST_PER_PARTICIPANT,
    NEW_FOLLOWERS_FROM_COUNTS, NEW_FOLLOWERS_FROM_LISTS, VIRAL_COEFFICIENT,
};
use super::numbers::Numbers;
use super::outcome::Outcome;
use crate::figure::{Figure, Unit};
use crate::i18n::Lang;
use std::collections::HashSet;

/// Who joined during the contest.
pub(super) struct NewFollowers {
    /// The figure (id `new_followers`).
    pub(super) figure: Figure,
    /// Its value, when known.
    pub(super) count: Option<f64>,
    /// Who they are, when both lists are given.
    pub(super) joined: Option<HashSet<String>>,
}

/// The new followers: exact from the lists, else the net change of the counts.
pub(super) fn new_followers(n: &Numbers, lang: Lang) -> NewFollowers {
    let (before, close) = (&n.before, &n.at_close);
    let joined: Option<HashSet<String>> = match (&before.list, &close.list) {
        (Some(b), Some(c)) => Some(c.difference(b).cloned().collect()),
        _ => None,
    };
    let label = lang.pick("New followers", "Nouveaux abonnés");
    let (figure, count) = match (&joined, before.count, close.count) {
        (Some(j), _, _) => {
            let fig = Figure::of(NEW_FOLLOWERS_FROM_LISTS, label, Unit::Count, lang)
                .input(
                    lang.pick("list at close", "liste à la clôture"),
                    close.count.unwrap_or(0.0),
                    Unit::Count,
                )
                .input(
                    lang.pick("list before", "liste d’avant"),
                    before.count.unwrap_or(0.0),
                    Unit::Count,
                )
                .value(j.len() as f64, lang);
            (fig, Some(j.len() as f64))
        }
        (None, Some(b), Some(c)) => {
            let fig = Figure::of(NEW_FOLLOWERS_FROM_COUNTS, label, Unit::Count, lang)
                .input(
                    lang.pick("followers at close", "abonnés à la clôture"),
                    c,
                    Unit::Count,
                )
                .input(
                    lang.pick("followers before", "abonnés avant"),
                    b,
                    Unit::Count,
                )
                .value(c - b, lang);
            (fig, Some(c - b))
        }
        (None, b, c) => {
            let fig = Figure::of(NEW_FOLLOWERS_FROM_COUNTS, label, Unit::Count, lang);
            (fig.unavailable(missing_counts(b, c, lang)), None)
        }
    };
    NewFollowers {
        figure,
        count,
        joined,
    }
}

/// Why new followers are unknown without both lists: the count `before` or `close` missing.
fn missing_counts(before: Option<f64>, close: Option<f64>, lang: Lang) -> &'static str {
    match (before, close) {
        (None, None) => lang.pick(
            "enter the followers before and at close, or drop the two follower lists",
            "indiquez les abonnés avant et à la clôture, ou déposez les deux listes d’abonnés",
        ),
        (None, Some(_)) => lang.pick(
            "enter the followers before the contest (or drop that list)",
            "indiquez les abonnés avant le concours (ou déposez cette liste)",
        ),
        _ => lang.pick(
            "enter the followers at close (or drop that list)",
            "indiquez les abonnés à la clôture (ou déposez cette liste)",
        ),
    }
}

/// `new_followers`, `cost_per_entry`, `cost_per_participant`, `contest_cost_per_new_follower`,
/// `viral_coefficient`, `conversion_rate`, each blocked while inputs are in error.
pub(super) fn audience(n: &Numbers, new: NewFollowers, o: &Outcome) -> Vec<Figure> {
    let lang = o.lang;
    let per_new_follower = cost_per_new_follower(&new, o);
    vec![
        new.figure,
        cost_per_entry(n, o),
        cost_per_participant(n, o),
        per_new_follower,
        viral_coefficient(n, lang),
        conversion_rate(n, lang),
    ]
    .into_iter()
    .map(|fig| o.block(fig))
    .collect()
}

fn cost_per_entry(n: &Numbers, o: &Outcome) -> Figure {
    let lang = o.lang;
    let entries = lang.pick("entries", "participations");
    let from_file = lang.pick(
        "entries (comments in the file)",
        "participations (commentaires du fichier)",
    );
    o.cost_per(
        COST_PER_ENTRY,
        lang.pick("Cost per entry", "Coût par participation"),
        n.entries
            .as_ref()
            .map(|c| (c.value, c.name(entries, from_file))),
        entries,
    )
}

fn cost_per_participant(n: &Numbers, o: &Outcome) -> Figure {
    let lang = o.lang;
    let from_file = lang.pick(
        "unique participants (people in the file)",
        "participants uniques (personnes du fichier)",
    );
    o.cost_per(
        COST_PER_PARTICIPANT,
        lang.pick("Cost per participant", "Coût par participant"),
        n.participants
            .as_ref()
            .map(|c| (c.value, c.name(participants_name(lang), from_file))),
        lang.pick("participants", "participants"),
    )
}

fn participants_name(lang: Lang) -> &'static str {
    lang.pick("unique participants", "participants uniques")
}

fn cost_per_new_follower(new: &NewFollowers, o: &Outcome) -> Figure {
    let name = o.lang.pick("new followers", "nouveaux abonnés");
    let fig = o.cost_per(
        CONTEST_COST_PER_NEW_FOLLOWER,
        o.lang
            .pick("Cost per new follower", "Coût par nouvel abonné"),
        new.count.map(|c| (c, name)),
        name,
    );
    if new.count.is_none() && o.total_cost.is_some() {
        fig.unavailable(new.figure.reason.clone().unwrap_or_default())
    } else {
        fig
    }
}

fn viral_coefficient(n: &Numbers, lang: Lang) -> Figure {
    let fig = Figure::of(
        VIRAL_COEFFICIENT,
        lang.pick("Viral coefficient", "Coefficient viral"),
        Unit::Count,
        lang,
    );
    let shares_name = lang.pick("shares and referrals", "partages et parrainages");
    match (n.shares, &n.participants) {
        (None, _) => fig.unavailable(lang.pick(
            "enter the shares or referrals",
            "indiquez les partages ou parrainages",
        )),
        (Some(_), None) => fig.unavailable(lang.pick(
            "enter the unique participants (or drop the comment file)",
            "indiquez les participants uniques (ou déposez le fichier de commentaires)",
        )),
        (Some(s), Some(p)) if p.value <= 0.0 => {
            fig.input(shares_name, s, Unit::Count)
                .unavailable(lang.pick(
                    "no participants: nothing to divide by",
                    "aucun participant\u{a0}: rien par quoi diviser",
                ))
        }
        (Some(s), Some(p)) => fig
            .input(shares_name, s, Unit::Count)
            .input(participants_name(lang), p.value, Unit::Count)
            .value(s / p.value, lang),
    }
}

fn conversion_rate(n: &Numbers, lang: Lang) -> Figure {
    let fig = Figure::of(
        CONVERSION_RATE,
        lang.pick("Conversion rate", "Taux de conversion"),
        Unit::Ratio,
        lang,
    );
    let conversions = lang.pick("conversions", "conversions");
    match (n.conversions, n.clicks) {
        (None, _) => {
            fig.unavailable(lang.pick("enter the conversions", "indiquez les conversions"))
        }
        (Some(_), None) => fig.unavailable(lang.pick("enter the clicks", "indiquez les clics")),
        (Some(c), Some(k)) if k <= 0.0 => {
            fig.input(conversions, c, Unit::Count)
                .unavailable(lang.pick(
                    "no clicks: nothing to divide by",
                    "aucun clic\u{a0}: rien par quoi diviser",
                ))
        }
        (Some(c), Some(k)) => fig
            .input(conversions, c, Unit::Count)
            .input(lang.pick("clicks", "clics"), k, Unit::Count)
            .value(c / k, lang),
    }
}
