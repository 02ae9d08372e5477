//! What a contest (giveaway) really brought: its cost per entry, participant, new follower
//! and follower still there days later, the retention of its new followers, its viral
//! coefficient and conversion rate, and its ROI, computed by the same ROI core as the
//! calculator.
//!
//! [`compute_contest`] takes a [`ContestInput`] (what the user typed, or JSON) and the
//! contest's comments ([`EntryRow`]s, possibly none). Follower lists taken before the contest,
//! at its close and later ([`read_followers`]: Instagram's `followers_1.json` or any list with
//! one handle per line) tell exactly who joined during the contest and which of them are still
//! there; without lists, typed follower counts give the same figures as net changes.

mod audience;
mod canonical;
mod example;
mod formulas;
mod input;
mod lists;
mod numbers;
mod outcome;
mod report;
mod retention;
mod returns;
mod warnings;

pub use canonical::canonical_contest_input;
pub use example::contest_example;
pub(crate) use formulas::FORMULAS;
pub use input::*;
pub use lists::{join_lists, read_followers};
pub use report::ContestReport;

use crate::i18n::Lang;
use crate::metrics::roi;
use crate::model::Entries;
use audience::{audience, new_followers};
use numbers::read_numbers;
use outcome::Outcome;
use retention::retention;
use returns::{roi_input, sales_line, summary};
use warnings::warnings;

/// Computes the contest outcome of `input`, with the contest's comments (`entries`, possibly
/// none), in `lang`.
pub fn compute_contest(input: &ContestInput, entries: &Entries, lang: Lang) -> ContestReport {
    let (numbers, mut errors) = read_numbers(input, entries, lang);
    // Costs and returns go through the ROI calculator.
    let sales = sales_line(&numbers);
    let roi_input = roi_input(input, &numbers, sales.as_ref().map(|(_, s)| s), lang);
    let core = roi::compute_roi(&roi_input, lang);
    errors.extend(core.errors.iter().cloned());
    let o = Outcome::new(&core, roi_input.costs.is_empty(), !errors.is_empty(), lang);
    let new = new_followers(&numbers, lang);
    let retention = retention(&numbers, &new, &o);
    ContestReport {
        currency: core.currency,
        minor_digits: core.minor_digits,
        errors,
        warnings: warnings(&numbers, &input.followers, lang),
        costs: core.costs.iter().cloned().map(|fig| o.block(fig)).collect(),
        summary: summary(&numbers, sales.map(|(f, _)| f), &core, &o),
        audience: audience(&numbers, new, &o),
        retention,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn example_of_compute_contest() {
        use crate::metrics::contest::{compute_contest, ContestInput};
        use crate::Lang;
        let input: ContestInput = serde_json::from_str(
            r#"{
            "prize_value": 300, "entries": 1200, "participants": 800,
            "followers": {"before": {"count": 5000}, "at_close": {"count": 5600},
                          "later": [{"days": 30, "count": 5300}]}
        }"#,
        )
        .unwrap();
        let r = compute_contest(&input, &crate::model::Entries::new(), Lang::En);
        let kept = &r.retention[0];
        assert_eq!(kept.kept.get(), Some(300.0)); // 5 300 − 5 000
        assert_eq!(kept.retention.get(), Some(0.5)); // 300 ÷ 600
        assert_eq!(kept.cost_per_kept.get(), Some(1.0)); // 300 ÷ 300
    }
}
