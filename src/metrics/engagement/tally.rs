//! Adding posts up: each post's numerator and denominator, their sums and ratios, the rate
//! with either aggregation or the reason there is none, and the figure of it.

use super::denominator::Aggregation;
use crate::figure::{Figure, Unit};
use crate::i18n::Lang;

/// One post's numerator and denominator, as a rate needs them.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Pair {
    /// The numerator (engagements, comments, shares, clicks), if known.
    pub num: Option<f64>,
    /// The denominator, if known.
    pub den: Option<f64>,
}

/// The sums and ratios of a set of pairs.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    /// Pairs given.
    pub posts: usize,
    /// Pairs with a numerator.
    pub with_num: usize,
    /// Pairs with a denominator.
    pub with_den: usize,
    /// Pairs with both, counted in the sums.
    pub both: usize,
    /// Σ numerator over pairs with both.
    pub sum_num: f64,
    /// Σ denominator over pairs with both.
    pub sum_den: f64,
    /// Pairs with both and a denominator above zero: those whose ratios are averaged.
    pub ratios: usize,
    /// Σ numerator ÷ denominator over those, added in the pairs' order (as a sum of the
    /// list of ratios would be, to the last bit).
    pub ratio_sum: f64,
}

impl Tally {
    /// Adds the pairs up.
    pub(crate) fn of(pairs: impl IntoIterator<Item = Pair>) -> Tally {
        // A float sum starts at -0.0 (so that only zeros of that sign add up to -0.0).
        let mut t = Tally {
            ratio_sum: -0.0,
            ..Tally::default()
        };
        pairs.into_iter().for_each(|p| t.add(p));
        t
    }

    /// Adds one pair.
    #[inline]
    pub(crate) fn add(&mut self, p: Pair) {
        self.posts += 1;
        self.with_num += usize::from(p.num.is_some());
        self.with_den += usize::from(p.den.is_some());
        if let (Some(n), Some(d)) = (p.num, p.den) {
            self.both += 1;
            self.sum_num += n;
            self.sum_den += d;
            if d > 0.0 {
                self.ratios += 1;
                self.ratio_sum += n / d;
            }
        }
    }

    /// The rate with `a`, or why there is none; `what` names the numerator and `den` the
    /// denominator in the reasons.
    pub(crate) fn rate(
        &self,
        a: Aggregation,
        reasons: &Reasons,
        lang: Lang,
    ) -> Result<f64, String> {
        if self.posts == 0 {
            return Err(reasons.no_posts.clone());
        }
        if self.with_num == 0 {
            return Err(reasons.no_numerator.clone());
        }
        if self.with_den == 0 {
            return Err(reasons.no_denominator.clone());
        }
        if self.both == 0 {
            return Err(match lang {
                Lang::En => format!(
                    "no post has both {} and {}",
                    reasons.num_name, reasons.den_name
                ),
                Lang::Fr => format!(
                    "aucune publication n’a à la fois {} et {}",
                    reasons.num_name, reasons.den_name
                ),
            });
        }
        match a {
            Aggregation::RatioOfTotals if self.sum_den > 0.0 => Ok(self.sum_num / self.sum_den),
            Aggregation::AverageOfRatios if self.ratios > 0 => {
                Ok(self.ratio_sum / self.ratios as f64)
            }
            _ => Err(match lang {
                Lang::En => format!("{} add up to zero: nothing to divide by", reasons.den_name),
                Lang::Fr => format!("{} : total nul, rien par quoi diviser", reasons.den_name),
            }),
        }
    }
}

/// Why a rate has no value, in the words of the caller; empty for a rate whose reason is never
/// shown (a point of a chart).
#[derive(Clone, Debug, Default)]
pub(crate) struct Reasons {
    /// Name of the numerator (`engagements`).
    pub num_name: String,
    /// Name of the denominator (`reach`).
    pub den_name: String,
    /// When there are no posts.
    pub no_posts: String,
    /// When no post has the numerator.
    pub no_numerator: String,
    /// When no post has the denominator.
    pub no_denominator: String,
}

/// The reason when a set of posts is empty.
pub(crate) fn no_posts(lang: Lang) -> String {
    lang.pick(
        "no posts in the files for this period",
        "aucune publication dans les fichiers pour cette période",
    )
    .to_string()
}

pub(super) fn no_count(what: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("no post in the files has {what}"),
        Lang::Fr => format!("aucune publication des fichiers n’a de {what}"),
    }
}

/// Builds a rate figure from a tally.
#[allow(clippy::too_many_arguments)]
pub(super) fn rate_figure(
    id: &str,
    label: &str,
    formula: &str,
    unit: Unit,
    tally: &Tally,
    a: Aggregation,
    scale: f64,
    reasons: &Reasons,
    lang: Lang,
) -> Figure {
    let mut fig = Figure::custom(id, label, unit, formula);
    if tally.both > 0 {
        fig = fig
            .input(&reasons.num_name, tally.sum_num, Unit::Count)
            .input(&reasons.den_name, tally.sum_den, Unit::Count)
            .input(
                lang.pick("posts", "publications"),
                tally.both as f64,
                Unit::Count,
            );
        if a == Aggregation::AverageOfRatios && tally.ratios != tally.both {
            fig = fig.input(
                lang.pick(
                    "posts with a denominator above zero",
                    "publications au dénominateur non nul",
                ),
                tally.ratios as f64,
                Unit::Count,
            );
        }
    }
    fig.result(tally.rate(a, reasons, lang).map(|r| r * scale), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies() {
        let t = Tally::of([
            Pair {
                num: Some(10.0),
                den: Some(100.0),
            },
            Pair {
                num: Some(5.0),
                den: Some(0.0),
            },
            Pair {
                num: None,
                den: Some(50.0),
            },
        ]);
        assert_eq!((t.posts, t.both, t.sum_num, t.sum_den), (3, 2, 15.0, 100.0));
        assert_eq!((t.ratios, t.ratio_sum), (1, 0.1));
    }
}
