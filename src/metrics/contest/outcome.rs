//! What every figure of the outcome shares: the language, the contest's total cost as the ROI
//! calculator added it up, and whether inputs in error block the figures.

use crate::figure::{Figure, Unit};
use crate::formula::Formula;
use crate::i18n::Lang;
use crate::metrics::roi::RoiReport;

/// What every figure of the outcome shares.
pub(super) struct Outcome {
    pub(super) lang: Lang,
    /// The contest's total cost; `None` when there are no costs or they cannot be added.
    pub(super) total_cost: Option<f64>,
    /// No cost was given.
    pub(super) no_costs: bool,
    /// Why every figure is blocked: inputs in error.
    blocked: Option<String>,
}

impl Outcome {
    /// The outcome of the ROI calculator's report `core`; `no_costs` when no cost was given,
    /// `errors` when an input could not be read.
    pub(super) fn new(core: &RoiReport, no_costs: bool, errors: bool, lang: Lang) -> Outcome {
        let total_cost = core
            .summary
            .iter()
            .find(|x| x.id == "total_cost")
            .and_then(Figure::get)
            .filter(|_| !no_costs);
        let blocked = errors.then(|| {
            lang.pick(
                "fix the inputs marked in red first",
                "corrigez d’abord les données signalées en rouge",
            )
            .to_string()
        });
        Outcome {
            lang,
            total_cost,
            no_costs,
            blocked,
        }
    }

    /// `fig`, or the same without a value while inputs are in error.
    pub(super) fn block(&self, fig: Figure) -> Figure {
        match &self.blocked {
            Some(r) => fig.blocked(r.clone()),
            None => fig,
        }
    }

    /// The contest cost divided by `count` (its value and its name as an input), or why it
    /// cannot be; `what` names the count in the reasons.
    pub(super) fn cost_per(
        &self,
        formula: Formula,
        label: &str,
        count: Option<(f64, &str)>,
        what: &str,
    ) -> Figure {
        let lang = self.lang;
        let fig = Figure::of(formula, label, Unit::Money, lang);
        let Some(c) = self.total_cost else {
            return fig.unavailable(no_cost_reason(lang, self.no_costs));
        };
        let fig = fig.input(
            lang.pick("contest cost", "coût du concours"),
            c,
            Unit::Money,
        );
        match count {
            None => fig.unavailable(match lang {
                Lang::En => format!("enter the number of {what} to compute it"),
                Lang::Fr => format!("indiquez le nombre de {what} pour le calculer"),
            }),
            Some((n, name)) if n <= 0.0 => {
                fig.input(name, n, Unit::Count).unavailable(match lang {
                    Lang::En => format!("no {what}: nothing to divide the cost by"),
                    Lang::Fr => format!("aucun {what}\u{a0}: rien par quoi diviser le coût"),
                })
            }
            Some((n, name)) => fig.input(name, n, Unit::Count).value(c / n, lang),
        }
    }
}

/// Why the contest cost is unknown: no cost given, or costs that cannot be added up.
pub(super) fn no_cost_reason(lang: Lang, no_costs: bool) -> String {
    if no_costs {
        lang.pick(
            "enter the contest’s costs: prizes, ads, time or fees",
            "indiquez les coûts du concours\u{a0}: lots, publicité, temps ou frais",
        )
        .to_string()
    } else {
        lang.pick(
            "the total cost cannot be computed: see the cost lines",
            "le coût total ne peut pas être calculé\u{a0}: voir les lignes de coût",
        )
        .to_string()
    }
}
