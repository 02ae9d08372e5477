//! The community manager's own activity: posts per week, and from an inbox export the
//! response rate and the median and 90th percentile first-response times, counted in
//! calendar time and, when business hours are given, in business time only.

use crate::date::{Date, DateTime};
use crate::figure::{Figure, Unit};
use crate::formula;
use crate::i18n::Lang;
use crate::model::{Message, Network};
use serde::{Deserialize, Serialize};

formula! {
    /// Posting frequency.
    POSTS_PER_WEEK = "posts_per_week",
    en: "posts per week = posts ÷ days of the period × 7",
    fr: "publications par semaine = publications ÷ jours de la période × 7"
}
formula! {
    /// Share of messages answered.
    RESPONSE_RATE = "response_rate",
    en: "response rate = messages answered ÷ messages received",
    fr: "taux de réponse = messages répondus ÷ messages reçus"
}
formula! {
    /// Median first-response time.
    MEDIAN_RESPONSE = "median_first_response_hours",
    en: "median first response = middle value of (first reply − received), in hours",
    fr: "première réponse médiane = valeur du milieu de (première réponse − réception), en heures"
}
formula! {
    /// 90th percentile of first-response time.
    P90_RESPONSE = "p90_first_response_hours",
    en: "90th percentile first response = (first reply − received) that 90 % of answered messages do not exceed, in hours (linear interpolation, as PERCENTILE.INC)",
    fr: "9e décile de première réponse = (première réponse − réception) que 90 % des messages répondus ne dépassent pas, en heures (interpolation linéaire, comme CENTILE.INCLURE)"
}
formula! {
    /// Median first-response time counting business hours only.
    MEDIAN_BUSINESS = "median_first_response_business_hours",
    en: "median first response in business hours = middle value of the business hours between received and first reply",
    fr: "première réponse médiane en heures ouvrées = valeur du milieu des heures ouvrées entre réception et première réponse"
}
formula! {
    /// 90th percentile counting business hours only.
    P90_BUSINESS = "p90_first_response_business_hours",
    en: "90th percentile first response in business hours = business hours between received and first reply that 90 % of answered messages do not exceed (linear interpolation)",
    fr: "9e décile de première réponse en heures ouvrées = heures ouvrées entre réception et première réponse que 90 % des messages répondus ne dépassent pas (interpolation linéaire)"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    POSTS_PER_WEEK,
    RESPONSE_RATE,
    MEDIAN_RESPONSE,
    P90_RESPONSE,
    MEDIAN_BUSINESS,
    P90_BUSINESS,
];

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    /// Monday.
    Mon,
    /// Tuesday.
    Tue,
    /// Wednesday.
    Wed,
    /// Thursday.
    Thu,
    /// Friday.
    Fri,
    /// Saturday.
    Sat,
    /// Sunday.
    Sun,
}

impl Weekday {
    /// 0 = Monday … 6 = Sunday, as [`Date::weekday`].
    pub fn index(self) -> u8 {
        self as u8
    }
}

/// Business hours as validated: days, and opening and closing in seconds after midnight.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hours {
    /// Open days, by [`Date::weekday`] index.
    pub days: [bool; 7],
    /// Opening, seconds after midnight.
    pub open: i64,
    /// Closing, seconds after midnight, after `open`.
    pub close: i64,
}

impl Hours {
    /// Seconds of business time between two wall-clock instants (seconds since 1970 on the
    /// same clock), `from` ≤ `to`.
    fn between(&self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        let (d0, d1) = (from.div_euclid(86_400), to.div_euclid(86_400));
        let per_week: i64 =
            self.days.iter().filter(|d| **d).count() as i64 * (self.close - self.open);
        let mut total = 0;
        let mut day = d0;
        while day <= d1 {
            // Days strictly between the first and the last are whole: skip whole weeks of
            // them at once, so a reply months later costs no more.
            if day > d0 && d1 - day > 7 {
                let weeks = (d1 - day - 1) / 7;
                total += weeks * per_week;
                day += weeks * 7;
            }
            let weekday = (day + 3).rem_euclid(7) as usize;
            if self.days[weekday] {
                let open = day * 86_400 + self.open;
                let close = day * 86_400 + self.close;
                let a = from.max(open);
                let b = to.min(close);
                if b > a {
                    total += b - a;
                }
            }
            day += 1;
        }
        total
    }
}

/// One channel's (or all channels') responses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResponseRow {
    /// The channel as the export names it; `null` for all channels together.
    pub channel: Option<String>,
    /// Messages received.
    pub received: usize,
    /// Messages answered.
    pub replied: usize,
    /// `response_rate`, `median_first_response_hours`, `p90_first_response_hours`, and with
    /// business hours `median_first_response_business_hours`, `p90_first_response_business_hours`.
    pub figures: Vec<Figure>,
}

/// The community manager's activity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActivityReport {
    /// Posts per week, all networks.
    pub posts_per_week: Figure,
    /// Posts per week, per network.
    pub posts_per_week_by_network: Vec<Figure>,
    /// All messages together.
    pub responses: ResponseRow,
    /// Per channel, when the export names channels.
    pub by_channel: Vec<ResponseRow>,
    /// Which clock business hours are read on, when given.
    pub business_hours_clock: Option<String>,
}

/// The `p` quantile (0–1) of sorted `v`, interpolated linearly between closest ranks (R-7,
/// Excel's PERCENTILE.INC); the median is `p = 0.5`.
fn quantile(v: &[f64], p: f64) -> Option<f64> {
    let n = v.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * p.clamp(0.0, 1.0);
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let (a, b) = (*v.get(lo)?, *v.get(hi)?);
    Some(a + (h - lo as f64) * (b - a))
}

/// Posts per week over `days` days.
pub(crate) fn posts_per_week(id: &str, label: &str, posts: usize, days: i64, lang: Lang) -> Figure {
    let fig = Figure::custom(id, label, Unit::Count, POSTS_PER_WEEK.text(lang));
    if posts == 0 {
        return fig.unavailable(lang.pick(
            "no dated posts in the files for this period",
            "aucune publication datée dans les fichiers pour cette période",
        ));
    }
    if days < 7 {
        return fig
            .input(lang.pick("posts", "publications"), posts as f64, Unit::Count)
            .input(lang.pick("days", "jours"), days as f64, Unit::Count)
            .unavailable(match lang {
                Lang::En => format!(
                    "the period covers {days} day(s): a weekly rate needs at least 7"
                ),
                Lang::Fr => format!(
                    "la période couvre {days} jour(s) : un rythme hebdomadaire en demande au moins 7"
                ),
            });
    }
    fig.input(
        lang.pick("posts", "publications"),
        posts as f64,
        Unit::Count,
    )
    .input(lang.pick("days", "jours"), days as f64, Unit::Count)
    .value(posts as f64 / days as f64 * 7.0, lang)
}

/// Posts per week for every network present.
pub(crate) fn posts_per_week_by_network(
    networks: &[(Network, usize)],
    days: i64,
    lang: Lang,
) -> Vec<Figure> {
    networks
        .iter()
        .map(|(n, count)| {
            let label = match lang {
                Lang::En => format!("Posts per week · {}", n.name()),
                Lang::Fr => format!("Publications par semaine · {}", n.name()),
            };
            posts_per_week(
                &format!("posts_per_week.{}", super::engagement::network_key(*n)),
                &label,
                *count,
                days,
                lang,
            )
        })
        .collect()
}

/// Seconds from `a` to `b`: on the UTC clock when both have an offset, else on the wall
/// clock as written. `None` when either has no time of day.
fn elapsed(a: DateTime, b: DateTime) -> Option<i64> {
    a.time?;
    b.time?;
    match (a.utc_seconds(), b.utc_seconds()) {
        (Some(x), Some(y)) => Some(y - x),
        _ => Some(b.local_seconds() - a.local_seconds()),
    }
}

/// What the response figures found wrong with some messages, for the report's warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MessageIssues {
    /// Answered messages without a time of day on one side: no response time.
    pub without_time: usize,
    /// Answered "before" they arrived: left out of the times.
    pub reply_before_received: usize,
}

/// The response figures of the messages `msgs` (received, first reply) of one channel, or of
/// all; what they leave out is counted in `issues`.
pub(crate) fn response_row(
    channel: Option<String>,
    msgs: &[(DateTime, Option<DateTime>)],
    hours: Option<&Hours>,
    lang: Lang,
    issues: &mut MessageIssues,
) -> ResponseRow {
    let received = msgs.len();
    let replied = msgs.iter().filter(|(_, r)| r.is_some()).count();
    let (calendar, business) = response_times(msgs, hours, issues);
    let time = |f, label, v: &[f64], p| time_figure(f, label, v, p, replied, lang);
    let mut figures = vec![
        response_rate(received, replied, lang),
        time(
            MEDIAN_RESPONSE,
            lang.pick("Median first response", "Première réponse médiane"),
            &calendar,
            0.5,
        ),
        time(
            P90_RESPONSE,
            lang.pick(
                "First response, 90th percentile",
                "Première réponse, 9e décile",
            ),
            &calendar,
            0.9,
        ),
    ];
    if hours.is_some() {
        figures.push(time(
            MEDIAN_BUSINESS,
            lang.pick(
                "Median first response (business hours)",
                "Première réponse médiane (heures ouvrées)",
            ),
            &business,
            0.5,
        ));
        figures.push(time(
            P90_BUSINESS,
            lang.pick(
                "First response, 90th percentile (business hours)",
                "Première réponse, 9e décile (heures ouvrées)",
            ),
            &business,
            0.9,
        ));
    }
    ResponseRow {
        channel,
        received,
        replied,
        figures,
    }
}

/// The first-response times of the answered messages, in hours, sorted: in calendar time,
/// and in business time when `hours` are given. Messages without both times of day, or
/// answered before they arrived, are left out and counted in `issues`.
fn response_times(
    msgs: &[(DateTime, Option<DateTime>)],
    hours: Option<&Hours>,
    issues: &mut MessageIssues,
) -> (Vec<f64>, Vec<f64>) {
    let mut calendar = Vec::new();
    let mut business = Vec::new();
    for (a, b) in msgs {
        let Some(b) = b else { continue };
        match elapsed(*a, *b) {
            None => issues.without_time += 1,
            Some(s) if s < 0 => issues.reply_before_received += 1,
            Some(s) => {
                calendar.push(s as f64 / 3600.0);
                if let Some(h) = hours {
                    let bs = h.between(a.local_seconds(), a.local_seconds() + s);
                    business.push(bs as f64 / 3600.0);
                }
            }
        }
    }
    crate::metrics::sort_by(&mut calendar, f64::total_cmp);
    crate::metrics::sort_by(&mut business, f64::total_cmp);
    (calendar, business)
}

/// Messages answered ÷ messages received.
fn response_rate(received: usize, replied: usize, lang: Lang) -> Figure {
    let rate = Figure::of(
        RESPONSE_RATE,
        lang.pick("Response rate", "Taux de réponse"),
        Unit::Ratio,
        lang,
    );
    if received == 0 {
        rate.unavailable(lang.pick(
            "no messages in the files for this period",
            "aucun message dans les fichiers pour cette période",
        ))
    } else {
        rate.input(
            lang.pick("messages answered", "messages répondus"),
            replied as f64,
            Unit::Count,
        )
        .input(
            lang.pick("messages received", "messages reçus"),
            received as f64,
            Unit::Count,
        )
        .value(replied as f64 / received as f64, lang)
    }
}

/// The `p` quantile of the sorted response times `v`; `replied` messages were answered.
fn time_figure(
    f: formula::Formula,
    label: &str,
    v: &[f64],
    p: f64,
    replied: usize,
    lang: Lang,
) -> Figure {
    let fig = Figure::of(f, label, Unit::Hours, lang);
    match quantile(v, p) {
        Some(q) => fig
            .input(
                lang.pick(
                    "answered messages with times",
                    "messages répondus avec heures",
                ),
                v.len() as f64,
                Unit::Count,
            )
            .value(q, lang),
        None if replied == 0 => fig.unavailable(lang.pick(
            "no answered message in the files for this period",
            "aucun message répondu dans les fichiers pour cette période",
        )),
        None => fig.unavailable(lang.pick(
            "no answered message has both times of day",
            "aucun message répondu n’a les deux heures",
        )),
    }
}

/// Response figures of `messages`, their times already on the report's clock; one row for
/// all, and one per channel when the export names several.
pub(crate) fn responses(
    messages: &[(DateTime, Option<DateTime>, &Message)],
    hours: Option<&Hours>,
    lang: Lang,
) -> (ResponseRow, Vec<ResponseRow>, MessageIssues) {
    let mut issues = MessageIssues::default();
    let all: Vec<(DateTime, Option<DateTime>)> =
        messages.iter().map(|(a, b, _)| (*a, *b)).collect();
    let total = response_row(None, &all, hours, lang, &mut issues);
    let channels = channels(messages);
    let mut ignored = MessageIssues::default();
    let by_channel = if channels.is_empty() {
        Vec::new()
    } else {
        let mut rows: Vec<ResponseRow> = channels
            .iter()
            .map(|c| {
                let these: Vec<(DateTime, Option<DateTime>)> = messages
                    .iter()
                    .filter(|(_, _, m)| {
                        m.channel
                            .as_deref()
                            .is_some_and(|x| x.trim().eq_ignore_ascii_case(c))
                    })
                    .map(|(a, b, _)| (*a, *b))
                    .collect();
                response_row(Some(c.clone()), &these, hours, lang, &mut ignored)
            })
            .collect();
        let unnamed: Vec<(DateTime, Option<DateTime>)> = messages
            .iter()
            .filter(|(_, _, m)| m.channel.as_deref().is_none_or(|c| c.trim().is_empty()))
            .map(|(a, b, _)| (*a, *b))
            .collect();
        if !unnamed.is_empty() {
            rows.push(response_row(
                Some(lang.pick("(no channel)", "(sans canal)").to_string()),
                &unnamed,
                hours,
                lang,
                &mut ignored,
            ));
        }
        rows
    };
    (total, by_channel, issues)
}

/// The channels the messages name, case ignored, the first spelling kept, in first-seen order.
fn channels(messages: &[(DateTime, Option<DateTime>, &Message)]) -> Vec<String> {
    let mut channels: Vec<String> = Vec::new();
    for (_, _, m) in messages {
        if let Some(c) = m
            .channel
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            if !channels.iter().any(|x| x.eq_ignore_ascii_case(c)) {
                channels.push(c.to_string());
            }
        }
    }
    channels
}

/// Days from `a` to `b`, both included.
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    b.days() - a.days() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_as_percentile_inc() {
        let v = [1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.5), Some(2.5));
        // PERCENTILE.INC({1,2,3,4}, 0.9) = 3.7
        assert!((quantile(&v, 0.9).unwrap() - 3.7).abs() < 1e-12);
        assert_eq!(quantile(&[5.0], 0.9), Some(5.0));
        assert_eq!(quantile(&[], 0.5), None);
    }

    #[test]
    fn business_time_skips_nights_and_weekends() {
        let h = Hours {
            days: [true, true, true, true, true, false, false],
            open: 9 * 3600,
            close: 18 * 3600,
        };
        let at = |y, m, d, hh: i64| Date::new(y, m, d).unwrap().days() * 86_400 + hh * 3600;
        // Friday 2026-11-20 17:00 → Monday 2026-11-23 10:00: 1 h Friday + 1 h Monday.
        assert_eq!(
            h.between(at(2026, 11, 20, 17), at(2026, 11, 23, 10)),
            2 * 3600
        );
        // Saturday to Sunday: nothing.
        assert_eq!(h.between(at(2026, 11, 21, 10), at(2026, 11, 22, 20)), 0);
        // Four weeks later, Friday 17:00 → Friday 17:00: 20 working days of 9 h.
        assert_eq!(
            h.between(at(2026, 11, 20, 17), at(2026, 12, 18, 17)),
            20 * 9 * 3600
        );
    }
}
