//! The contest's input read into plain numbers, with a message per field that cannot be read,
//! in the order the form shows the fields.

use super::input::{ContestInput, FollowerList, Followers, Later};
use crate::draw::{normalise, tally_entries};
use crate::form::{Entry, FieldError, Fields, Kind};
use crate::i18n::Lang;
use crate::model::Entries;
use std::collections::HashSet;

/// Where a count came from, for the figure's inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum CountSource {
    Typed,
    File,
}

/// A count typed, or counted in the comment file.
pub(super) struct Counted {
    pub(super) value: f64,
    pub(super) source: CountSource,
}

impl Counted {
    /// Its name as an input: the name of a typed count, or the one saying it comes from the
    /// comment file.
    pub(super) fn name(&self, typed: &'static str, file: &'static str) -> &'static str {
        match self.source {
            CountSource::Typed => typed,
            CountSource::File => file,
        }
    }
}

/// Followers at one moment: the list when there is one, the count it gives or was typed.
pub(super) struct Moment {
    pub(super) list: Option<HashSet<String>>,
    pub(super) count: Option<f64>,
    /// The list's name and the typed count, when both are given and disagree.
    pub(super) differs: Option<(String, f64)>,
}

impl Moment {
    /// Reads the count typed for `field` and the list given for the same moment.
    fn read(f: &mut Fields, count: &Entry, given: &Option<FollowerList>, field: &str) -> Moment {
        let typed = f.read(count, &format!("{field}.count"), Kind::Count);
        let list: Option<HashSet<String>> = given.as_ref().map(|l| {
            l.handles
                .iter()
                .map(|h| normalise(h))
                .filter(|h| !h.is_empty())
                .collect()
        });
        let count = list.as_ref().map(|l| l.len() as f64).or(typed);
        let differs = match (given, typed, count) {
            (Some(l), Some(t), Some(c)) if t != c => Some((l.name.clone(), t)),
            _ => None,
        };
        Moment {
            list,
            count,
            differs,
        }
    }
}

/// Every number of the contest, each known or not.
pub(super) struct Numbers {
    pub(super) prize_value: Option<f64>,
    pub(super) ad_spend: Option<f64>,
    pub(super) hours: Option<f64>,
    pub(super) hourly_rate: Option<f64>,
    pub(super) fees: Option<f64>,
    pub(super) conversions: Option<f64>,
    pub(super) value_per_conversion: Option<f64>,
    pub(super) revenue: Option<f64>,
    pub(super) margin_pct: Option<f64>,
    /// Entries typed, else the comment file's.
    pub(super) entries: Option<Counted>,
    /// Unique participants typed, else the comment file's.
    pub(super) participants: Option<Counted>,
    pub(super) comments_shown: Option<f64>,
    /// Comments in the comment file; `None` without one.
    pub(super) comments_in_file: Option<usize>,
    pub(super) shares: Option<f64>,
    pub(super) clicks: Option<f64>,
    pub(super) before: Moment,
    pub(super) at_close: Moment,
    /// The later checks with usable days, each once, in the order given.
    pub(super) later: Vec<(u32, Moment)>,
}

/// Reads every number of `input`, with the contest's comments (`entries`, possibly none) for
/// the counts left blank.
pub(super) fn read_numbers(
    input: &ContestInput,
    entries: &Entries,
    lang: Lang,
) -> (Numbers, Vec<FieldError>) {
    let mut f = Fields::new(lang, input.decimal_mark);
    let amount = |f: &mut Fields, e: &Entry, field: &str| f.read(e, field, Kind::Amount);
    let prize_value = amount(&mut f, &input.prize_value, "prize_value");
    let ad_spend = amount(&mut f, &input.ad_spend, "ad_spend");
    let hours = amount(&mut f, &input.hours, "hours");
    let hourly_rate = amount(&mut f, &input.hourly_rate, "hourly_rate");
    let fees = amount(&mut f, &input.fees, "fees");
    let conversions = f.read(&input.conversions, "conversions", Kind::Count);
    let value_per_conversion = amount(&mut f, &input.value_per_conversion, "value_per_conversion");
    let revenue = amount(&mut f, &input.revenue, "revenue");
    let margin_pct = f.read(&input.margin_pct, "margin_pct", Kind::Percent(100.0));
    let account = Some(input.account.as_str()).filter(|a| !a.trim().is_empty());
    let file = (!entries.is_empty()).then(|| tally_entries(entries, account));
    let entry_count = count_or_file(
        &mut f,
        &input.entries,
        "entries",
        file.as_ref().map(|t| t.entries),
    );
    let participants = count_or_file(
        &mut f,
        &input.participants,
        "participants",
        file.as_ref().map(|t| t.people),
    );
    let comments_shown = f.read(&input.comments_shown, "comments_shown", Kind::Count);
    let shares = f.read(&input.shares, "shares", Kind::Count);
    let clicks = f.read(&input.clicks, "clicks", Kind::Count);
    let (before, at_close, later) = read_moments(&mut f, &input.followers, lang);
    let numbers = Numbers {
        prize_value,
        ad_spend,
        hours,
        hourly_rate,
        fees,
        conversions,
        value_per_conversion,
        revenue,
        margin_pct,
        entries: entry_count,
        participants,
        comments_shown,
        comments_in_file: file.as_ref().map(|t| t.comments),
        shares,
        clicks,
        before,
        at_close,
        later,
    };
    (numbers, f.errors)
}

/// The followers before the contest, at its close and at each later check.
fn read_moments(
    f: &mut Fields,
    followers: &Followers,
    lang: Lang,
) -> (Moment, Moment, Vec<(u32, Moment)>) {
    let before = Moment::read(
        f,
        &followers.before.count,
        &followers.before.list,
        "followers.before",
    );
    let at_close = Moment::read(
        f,
        &followers.at_close.count,
        &followers.at_close.list,
        "followers.at_close",
    );
    let later = read_later(f, &followers.later, lang);
    (before, at_close, later)
}

/// A count typed in `e`, else the comment file's (`from_file`) when `e` is blank; `None` when
/// it cannot be read or there is no comment file.
fn count_or_file(
    f: &mut Fields,
    e: &Entry,
    field: &str,
    from_file: Option<usize>,
) -> Option<Counted> {
    match (f.read(e, field, Kind::Count), from_file) {
        (Some(v), _) => Some(Counted {
            value: v,
            source: CountSource::Typed,
        }),
        (None, Some(n)) if blank(e) => Some(Counted {
            value: n as f64,
            source: CountSource::File,
        }),
        (None, _) => None,
    }
}

fn blank(e: &Entry) -> bool {
    match e {
        Entry::Blank => true,
        Entry::Text(t) => t.trim().is_empty(),
        Entry::Number(_) => false,
    }
}

/// The later checks, each with its days read and checked: 1 to 3650, each once.
fn read_later(f: &mut Fields, later: &[Later], lang: Lang) -> Vec<(u32, Moment)> {
    let mut out: Vec<(u32, Moment)> = Vec::new();
    for (i, l) in later.iter().enumerate() {
        let field = format!("followers.later[{i}]");
        let days = f.read(&l.days, &format!("{field}.days"), Kind::Count);
        let m = Moment::read(f, &l.count, &l.list, &field);
        match checked_days(days, m.count.is_some(), &out, lang) {
            Ok(Some(d)) => out.push((d, m)),
            Ok(None) => {}
            Err(message) => f.error(&format!("{field}.days"), message),
        }
    }
    out
}

/// The days of a later check, `None` when the check is left empty, or why they cannot be
/// used; `counted` says whether followers were given for it.
fn checked_days(
    days: Option<f64>,
    counted: bool,
    seen: &[(u32, Moment)],
    lang: Lang,
) -> Result<Option<u32>, String> {
    match days {
        Some(d) if (1.0..=3650.0).contains(&d) => {
            let d = d as u32;
            if seen.iter().all(|(x, _)| *x != d) {
                Ok(Some(d))
            } else {
                Err(match lang {
                    Lang::En => format!("{d} days is already checked above"),
                    Lang::Fr => format!("{d} jours est déjà vérifié plus haut"),
                })
            }
        }
        Some(d) => Err(match lang {
            Lang::En => format!("a number of days from 1 to 3650 is expected, found {d}"),
            Lang::Fr => format!("un nombre de jours de 1 à 3650 est attendu, trouvé {d}"),
        }),
        None if counted => Err(lang
            .pick(
                "enter how many days after the close these followers were counted",
                "indiquez combien de jours après la clôture ces abonnés ont été comptés",
            )
            .to_string()),
        None => Ok(None),
    }
}
