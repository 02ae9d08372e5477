//! A language switch: the same input, its numbers read once, for the other language.

use super::input::ContestInput;
use crate::form::{canonicalise, Entry, Mark};
use crate::i18n::Lang;

/// The same input with every readable number as a number, read with its decimal mark (the
/// language's own when it names none), and the mark then set to `to`'s: what the page calls
/// when the user switches language, so that no value changes meaning.
pub fn canonical_contest_input(input: &ContestInput, lang: Lang, to: Lang) -> ContestInput {
    let mut out = input.clone();
    let mark = out.decimal_mark.unwrap_or(Mark::of(lang));
    let mut entries: Vec<(&mut Entry, bool)> = vec![
        (&mut out.prize_value, false),
        (&mut out.ad_spend, false),
        (&mut out.hours, false),
        (&mut out.hourly_rate, false),
        (&mut out.fees, false),
        (&mut out.entries, false),
        (&mut out.participants, false),
        (&mut out.comments_shown, false),
        (&mut out.shares, false),
        (&mut out.clicks, false),
        (&mut out.conversions, false),
        (&mut out.value_per_conversion, false),
        (&mut out.revenue, false),
        (&mut out.margin_pct, true),
        (&mut out.followers.before.count, false),
        (&mut out.followers.at_close.count, false),
    ];
    for l in &mut out.followers.later {
        entries.extend([(&mut l.days, false), (&mut l.count, false)]);
    }
    canonicalise(entries, mark);
    out.decimal_mark = Some(Mark::of(to));
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn example_of_canonical_contest_input() {
        use crate::form::{Entry, Mark};
        use crate::metrics::contest::{canonical_contest_input, ContestInput};
        use crate::Lang;
        let typed = ContestInput {
            hours: "3,5".into(),
            margin_pct: "40 %".into(),
            ..ContestInput::default()
        };
        let en = canonical_contest_input(&typed, Lang::Fr, Lang::En);
        assert_eq!(
            (en.hours, en.margin_pct),
            (Entry::Number(3.5), Entry::Number(40.0))
        );
        assert_eq!(en.decimal_mark, Some(Mark::Point));
    }
}
