//! The two periods of a report: the one reported on and the one it is compared with.
//!
//! The period's blank ends come from the files: it is the calendar month of their last day
//! (a monthly report), or starts on the day after the previous issue when the report continues
//! a saved one. A whole calendar month is compared with the whole
//! month before (28 to 31 days: the comparison people mean by "last month"); any other period
//! with the same number of days just before it.

use crate::date::{days_in_month, Date};
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::metrics::analysis::Period;
use serde::Serialize;

use super::input::{Comparison, ReportInput};

/// A range of days, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The first day.
    pub from: Date,
    /// The last day.
    pub to: Date,
    /// Days from `from` to `to`, both included.
    pub days: i64,
}

impl Span {
    pub(super) fn new(from: Date, to: Date) -> Span {
        Span {
            from,
            to,
            days: to.days() - from.days() + 1,
        }
    }

    /// As the options write it.
    pub(super) fn period(self) -> Period {
        Period {
            from: self.from.to_string(),
            to: self.to.to_string(),
        }
    }

    /// Whether it is one whole calendar month.
    pub(super) fn whole_month(self) -> bool {
        self.from.day() == 1
            && self.from.year() == self.to.year()
            && self.from.month() == self.to.month()
            && self.to.day() == days_in_month(self.to.year(), self.to.month())
    }

    /// The period before: the month before a whole month, else as many days just before.
    pub(super) fn before(self) -> Option<Span> {
        let to = self.from.add_days(-1)?;
        if self.whole_month() {
            return Some(Span::new(Date::new(to.year(), to.month(), 1)?, to));
        }
        Some(Span::new(self.from.add_days(-self.days)?, to))
    }
}

/// A day written `YYYY-MM-DD`; `None` for blank, an error for anything else.
pub(super) fn day(
    field: &str,
    text: &str,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<Date> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let mut parts = t.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let date = match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(y)), Some(Some(m)), Some(Some(d))) if t.len() == 10 => i32::try_from(y)
            .ok()
            .zip(u8::try_from(m).ok().zip(u8::try_from(d).ok()))
            .and_then(|(y, (m, d))| Date::new(y, m, d)),
        _ => None,
    };
    if date.is_none() {
        errors.push(FieldError {
            field: field.to_string(),
            message: match lang {
                Lang::En => format!("expected a date as YYYY-MM-DD, found \"{t}\""),
                Lang::Fr => format!("une date AAAA-MM-JJ attendue, trouvé « {t} »"),
            },
        });
    }
    date
}

/// Both ends of `period`, checked; `field` names it in messages.
fn both(field: &str, period: &Period, lang: Lang, errors: &mut Vec<FieldError>) -> Option<Span> {
    let from = day(&format!("{field}.from"), &period.from, lang, errors);
    let to = day(&format!("{field}.to"), &period.to, lang, errors);
    let (from, to) = (from?, to?);
    ordered(field, from, to, lang, errors)
}

fn ordered(
    field: &str,
    from: Date,
    to: Date,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<Span> {
    if from > to {
        errors.push(FieldError {
            field: format!("{field}.to"),
            message: match lang {
                Lang::En => format!("the period ends ({to}) before it starts ({from})"),
                Lang::Fr => format!("la période finit ({to}) avant de commencer ({from})"),
            },
        });
        return None;
    }
    Some(Span::new(from, to))
}

/// The period reported on, from what was typed and the files' first and last days.
pub(super) fn current(
    input: &ReportInput,
    files: (Option<Date>, Option<Date>),
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<Span> {
    let typed_from = day("period.from", &input.period.from, lang, errors);
    let typed_to = day("period.to", &input.period.to, lang, errors);
    let last = files
        .1
        .and_then(|d| Date::new(d.year(), d.month(), days_in_month(d.year(), d.month())));
    let to = typed_to.or(last)?;
    let after_saved = match (input.comparison, &input.previous_issue) {
        (Comparison::Saved, Some(issue)) => {
            day("previous_issue.period.to", &issue.period.to, lang, errors)
                .and_then(|d| d.add_days(1))
        }
        _ => None,
    };
    let month_start = Date::new(to.year(), to.month(), 1)?;
    let from = typed_from.or(after_saved).unwrap_or(month_start);
    ordered("period", from, to, lang, errors)
}

/// The period compared with, or `None` when there is none (and why, in `errors`, when one was
/// asked for and cannot be read).
pub(super) fn previous(
    input: &ReportInput,
    current: Span,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<Span> {
    match input.comparison {
        Comparison::None => None,
        Comparison::Previous => current.before(),
        Comparison::Custom => both("comparison_period", &input.comparison_period, lang, errors),
        Comparison::Saved => {
            let Some(issue) = &input.previous_issue else {
                errors.push(FieldError {
                    field: "comparison".to_string(),
                    message: lang
                        .pick(
                            "there is no previous issue to compare with: open a saved report first",
                            "il n’y a pas de numéro précédent à comparer : ouvrez d’abord un rapport enregistré",
                        )
                        .to_string(),
                });
                return None;
            };
            both("previous_issue.period", &issue.period, lang, errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn a_month_is_compared_with_the_month_before_other_spans_with_as_many_days() {
        let june = Span::new(d(2026, 6, 1), d(2026, 6, 30));
        assert_eq!(
            june.before(),
            Some(Span::new(d(2026, 5, 1), d(2026, 5, 31)))
        );
        let march = Span::new(d(2026, 3, 1), d(2026, 3, 31));
        assert_eq!(march.before().unwrap().days, 28);
        let week = Span::new(d(2026, 6, 1), d(2026, 6, 8));
        assert_eq!(
            week.before(),
            Some(Span::new(d(2026, 5, 24), d(2026, 5, 31)))
        );
    }

    #[test]
    fn days_are_read_strictly() {
        let mut errors = Vec::new();
        assert_eq!(day("p", "2026-02-30", Lang::En, &mut errors), None);
        assert_eq!(day("p", "", Lang::En, &mut errors), None);
        assert_eq!(
            day("p", "2026-06-01", Lang::En, &mut errors),
            Some(d(2026, 6, 1))
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "p");
    }
}
