//! The Facebook share-count decomposition, as a small calculator.
//!
//! The "share count" Facebook shows for a link is not the number of shares: it is the shares
//! plus the likes and comments those shares received on the sharers' own timelines (see
//! <https://mashshare.net/facebook-calculate-share-count/> and
//! <https://support.sharedcount.com/en/articles/9958173-understanding-facebook-engagement-metrics>).
//! Give the three parts to get the count, or the count and two parts to get the third.

use crate::figure::{Figure, Unit};
use crate::form::{Entry, FieldError, Fields, Kind, Mark};
use crate::formula;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

formula! {
    /// Facebook's share count of a link.
    SHARE_COUNT = "share_count",
    en: "share count = shares + likes on those shares + comments on those shares",
    fr: "nombre de partages affiché = partages + j’aime sur ces partages + commentaires sur ces partages"
}
formula! {
    /// One part of the share count, from the count and the other two parts.
    SHARE_COUNT_PART = "share_count_part",
    en: "part = share count − the other two parts",
    fr: "partie = nombre de partages affiché − les deux autres parties"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[SHARE_COUNT, SHARE_COUNT_PART];

/// What the user knows; blank is unknown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ShareCountInput {
    /// The share count Facebook shows.
    pub share_count: Entry,
    /// Times the link was actually shared.
    pub shares: Entry,
    /// Likes on those shares.
    pub likes_on_shares: Entry,
    /// Comments on those shares.
    pub comments_on_shares: Entry,
    /// How typed numbers write decimals; blank follows the language.
    pub decimal_mark: Option<Mark>,
}

/// The four numbers, each given or worked out, or the reason it cannot be.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ShareCountReport {
    /// Inputs that could not be read.
    pub errors: Vec<FieldError>,
    /// `share_count`, `shares`, `likes_on_shares`, `comments_on_shares`, in that order.
    pub figures: Vec<Figure>,
}

/// The four numbers' ids, in the report's order.
const IDS: [&str; 4] = [
    "share_count",
    "shares",
    "likes_on_shares",
    "comments_on_shares",
];

/// Works out the missing part of a Facebook share count.
pub fn share_count(input: &ShareCountInput, lang: Lang) -> ShareCountReport {
    let mut f = Fields::new(lang, input.decimal_mark);
    let values = [
        f.read(&input.share_count, "share_count", Kind::Count),
        f.read(&input.shares, "shares", Kind::Count),
        f.read(&input.likes_on_shares, "likes_on_shares", Kind::Count),
        f.read(&input.comments_on_shares, "comments_on_shares", Kind::Count),
    ];
    if let [Some(count), Some(a), Some(b), Some(c)] = values {
        if (a + b + c - count).abs() > 0.5 {
            f.error(
                "share_count",
                match lang {
                    Lang::En => format!(
                        "the three parts add up to {}, not {count}: leave one of the four blank to work it out",
                        a + b + c
                    ),
                    Lang::Fr => format!(
                        "les trois parties font {}, pas {count}\u{a0}: laissez l’un des quatre vide pour le calculer",
                        a + b + c
                    ),
                },
            );
        }
    }
    let errors = !f.errors.is_empty();
    let figures = (0..4)
        .map(|i| number_figure(i, &values, errors, lang))
        .collect();
    ShareCountReport {
        errors: f.errors,
        figures,
    }
}

/// The `i`th of the four numbers: as given, else worked out from the three others, else why
/// it cannot be (`errors`: some input cannot be read).
fn number_figure(i: usize, values: &[Option<f64>; 4], errors: bool, lang: Lang) -> Figure {
    let names = [
        lang.pick("share count", "nombre de partages affiché"),
        lang.pick("shares", "partages"),
        lang.pick("likes on those shares", "j’aime sur ces partages"),
        lang.pick("comments on those shares", "commentaires sur ces partages"),
    ];
    let labels = [
        lang.pick(
            "Share count shown by Facebook",
            "Nombre de partages affiché par Facebook",
        ),
        lang.pick("Shares", "Partages"),
        lang.pick("Likes on those shares", "J’aime sur ces partages"),
        lang.pick("Comments on those shares", "Commentaires sur ces partages"),
    ];
    let formula = if i == 0 {
        SHARE_COUNT
    } else {
        SHARE_COUNT_PART
    };
    let fig = Figure::custom(IDS[i], labels[i], Unit::Count, formula.text(lang));
    if let Some(v) = values[i] {
        // Given: shown as typed, with the sum it takes part in.
        return fig.value(v, lang);
    }
    if errors {
        return fig.unavailable(lang.pick(
            "fix the inputs marked in red first",
            "corrigez d’abord les données signalées en rouge",
        ));
    }
    if values.iter().filter(|v| v.is_none()).count() > 1 {
        return fig.unavailable(lang.pick(
            "give three of the four numbers to work out the fourth",
            "donnez trois des quatre nombres pour calculer le quatrième",
        ));
    }
    let known = |j: usize| values[j].unwrap_or(0.0);
    let fig = (0..4)
        .filter(|j| *j != i)
        .fold(fig, |fig, j| fig.input(names[j], known(j), Unit::Count));
    if i == 0 {
        return fig.value(known(1) + known(2) + known(3), lang);
    }
    let rest: f64 = (1..4).filter(|j| *j != i).map(known).sum();
    let v = known(0) - rest;
    if v < 0.0 {
        fig.unavailable(lang.pick(
            "the parts add up to more than the share count: check the numbers",
            "les parties dépassent le nombre de partages affiché : vérifiez les nombres",
        ))
    } else {
        fig.value(v, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_share_count() {
        use crate::metrics::share_count::{share_count, ShareCountInput};
        use crate::Lang;
        let input = ShareCountInput {
            share_count: 34.0.into(),
            shares: 1.0.into(),
            likes_on_shares: 5.0.into(),
            ..Default::default()
        };
        let r = share_count(&input, Lang::En);
        assert_eq!(r.figures[3].get(), Some(28.0)); // comments on those shares
    }

    fn run(
        count: Entry,
        shares: Entry,
        likes: Entry,
        comments: Entry,
        lang: Lang,
    ) -> ShareCountReport {
        share_count(
            &ShareCountInput {
                share_count: count,
                shares,
                likes_on_shares: likes,
                comments_on_shares: comments,
                decimal_mark: None,
            },
            lang,
        )
    }

    #[test]
    fn the_count_from_its_parts() {
        let r = run(Entry::Blank, 1.0.into(), 5.0.into(), 27.0.into(), Lang::En);
        assert!(r.errors.is_empty());
        assert_eq!(r.figures[0].get(), Some(33.0));
        assert_eq!(r.figures[0].formula, SHARE_COUNT.en);
        assert_eq!(r.figures[0].inputs.len(), 3);
    }

    #[test]
    fn a_part_from_the_count() {
        let r = run(
            "1 234".into(),
            "200".into(),
            Entry::Blank,
            "34".into(),
            Lang::Fr,
        );
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        assert_eq!(r.figures[2].get(), Some(1000.0));
        assert_eq!(r.figures[2].formula, SHARE_COUNT_PART.fr);
    }

    #[test]
    fn says_why() {
        let r = run(10.0.into(), 8.0.into(), Entry::Blank, 5.0.into(), Lang::En);
        assert!(r.figures[2]
            .reason
            .as_deref()
            .unwrap()
            .contains("more than the share count"));
        let r = run(
            10.0.into(),
            Entry::Blank,
            Entry::Blank,
            5.0.into(),
            Lang::En,
        );
        assert!(r.figures[1]
            .reason
            .as_deref()
            .unwrap()
            .starts_with("give three"));
        let r = run("abc".into(), 1.0.into(), 1.0.into(), Entry::Blank, Lang::En);
        assert_eq!(r.errors[0].field, "share_count");
        assert!(r.figures[3].reason.is_some());
        let r = run(10.0.into(), 1.0.into(), 1.0.into(), 1.0.into(), Lang::En);
        assert_eq!(r.errors[0].field, "share_count");
        assert!(r.errors[0]
            .message
            .starts_with("the three parts add up to 3, not 10"));
    }
}
