//! The community manager's activity over the period: posts per week, overall and per network,
//! and the responses to the messages received in it.

use super::posts::{local, within, PeriodPost};
use super::settings::Settings;
use crate::date::DateTime;
use crate::i18n::Lang;
use crate::metrics::activity::{self, ActivityReport, MessageIssues};
use crate::metrics::series;
use crate::model::{Message, Network};

/// The activity of `posts` over `span` days, and of the messages received in the period;
/// with how many messages that is.
pub(super) fn activity_report(
    posts: &[PeriodPost],
    span: i64,
    messages: &[Message],
    s: &Settings,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> (ActivityReport, usize) {
    let dated = posts.iter().filter(|(_, w)| w.is_some()).count();
    let posts_per_week = activity::posts_per_week(
        "posts_per_week",
        lang.pick("Posts per week", "Publications par semaine"),
        dated,
        span,
        lang,
    );
    let per_network = dated_per_network(posts);
    let posts_per_week_by_network = if per_network.len() > 1 {
        activity::posts_per_week_by_network(&per_network, span, lang)
    } else {
        Vec::new()
    };
    let messages: Vec<(DateTime, Option<DateTime>, &Message)> = messages
        .iter()
        .map(|m| {
            (
                local(m.received, s.offset),
                m.replied.map(|r| local(r, s.offset)),
                m,
            )
        })
        .filter(|(r, _, _)| within(r.date, s.from, s.to))
        .collect();
    let (responses, by_channel, issues) = activity::responses(&messages, s.hours.as_ref(), lang);
    message_warnings(issues, lang, warnings);
    let report = ActivityReport {
        posts_per_week,
        posts_per_week_by_network,
        responses,
        by_channel,
        business_hours_clock: s.hours.as_ref().map(|_| series::clock_text(s.offset, lang)),
    };
    (report, messages.len())
}

/// The dated posts of each network, by network.
fn dated_per_network(posts: &[PeriodPost]) -> Vec<(Network, usize)> {
    let mut per_network: Vec<(Network, usize)> = Vec::new();
    for (p, _) in posts.iter().filter(|(_, w)| w.is_some()) {
        match per_network.iter_mut().find(|(n, _)| *n == p.network()) {
            Some(e) => e.1 += 1,
            None => per_network.push((p.network(), 1)),
        }
    }
    crate::metrics::sort_by_key(&mut per_network, |x| *x);
    per_network
}

/// What the response figures left out, and why.
fn message_warnings(issues: MessageIssues, lang: Lang, warnings: &mut Vec<String>) {
    if issues.without_time > 0 {
        warnings.push(match lang {
            Lang::En => format!(
                "{} answered message(s) have no time of day: left out of the response times",
                issues.without_time
            ),
            Lang::Fr => format!(
                "{} message(s) répondu(s) sans heure : laissés hors des temps de réponse",
                issues.without_time
            ),
        });
    }
    if issues.reply_before_received > 0 {
        warnings.push(match lang {
            Lang::En => format!(
                "{} message(s) were answered before they arrived: left out of the response times",
                issues.reply_before_received
            ),
            Lang::Fr => format!(
                "{} message(s) répondu(s) avant leur arrivée : laissés hors des temps de réponse",
                issues.reply_before_received
            ),
        });
    }
}
