//! Reputation: what the comments say (the sentiment estimate over every comment, inbox
//! message and post text of the period), the negative feedback the platforms report, and the
//! crisis flags (days of a daily series that break its usual pattern, grouped into
//! episodes). One part of the analysis report ([`ReputationReport`]).
//!
//! The files: `texts` (every text of the period, read once), `tone` (shares per post, week
//! and network, threads, recurring words), `feedback` (legacy Facebook's negative feedback,
//! YouTube's subscribers lost, unfollows against posting), `crisis` (the rule and the
//! episodes, pure), `episodes` (the series the rule runs on and what surrounds each episode).

mod crisis;
mod episodes;
mod feedback;
mod texts;
mod tone;

use episodes::CrisisReport;
use feedback::FeedbackReport;
use tone::ToneReport;

pub(crate) use crisis::{Rule, DEFAULT_K, DEFAULT_WINDOW, MIN_HISTORY};
pub(crate) use texts::Period;

use crate::date::DateTime;
use crate::formula::Formula;
use crate::i18n::Lang;
use crate::metrics::activity::Hours;
use crate::model::{DailyRow, Entries, Message, PostRef};
use crate::workspace::Sentiments;
use serde::Serialize;

/// Every formula of the reputation figures.
pub(crate) const FORMULAS: &[&[Formula]] = &[tone::FORMULAS, feedback::FORMULAS, crisis::FORMULAS];

/// Reputation, crisis and what the comments say.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReputationReport {
    /// What the comments, messages and posts say (estimates).
    pub tone: ToneReport,
    /// The negative feedback the platforms report.
    pub feedback: FeedbackReport,
    /// Days that break the usual pattern, and episodes.
    pub crisis: CrisisReport,
}

/// What the reputation figures read from the analysis.
pub(crate) struct ReputationInputs<'a> {
    /// The posts of the period, with their time on the report's clock.
    pub posts: &'a [(PostRef<'a>, Option<DateTime>)],
    /// The daily rows of the period, by account.
    pub days: &'a [Vec<&'a DailyRow>],
    /// Every comment (the period is applied here).
    pub entries: &'a Entries,
    /// Every inbox message.
    pub messages: &'a [Message],
    /// The sentiment of each post's, comment's and message's text.
    pub sentiments: &'a Sentiments,
    /// The dataset's files, by index.
    pub files: &'a [String],
    /// The period, the clock, the language.
    pub period: Period,
    /// Business hours, for the response times.
    pub hours: Option<&'a Hours>,
    /// The brand's names, lower case.
    pub brand_terms: Vec<String>,
    /// The crisis rule.
    pub rule: Rule,
}

/// The reputation figures of the period.
pub(crate) fn reputation(i: &ReputationInputs) -> ReputationReport {
    let lang: Lang = i.period.lang;
    let read = texts::read_texts(&texts::Texts {
        entries: i.entries,
        messages: i.messages,
        posts: i.posts,
        sentiments: i.sentiments,
        files: i.files,
        period: i.period,
    });
    let local = |dt: DateTime| i.period.offset.map_or(dt, |o| dt.at_offset(o));
    let messages: Vec<(DateTime, Option<DateTime>, &Message)> = i
        .messages
        .iter()
        .map(|m| (local(m.received), m.replied.map(local), m))
        .filter(|(r, _, _)| {
            i.period.from.is_none_or(|f| r.date >= f) && i.period.to.is_none_or(|t| r.date <= t)
        })
        .collect();
    let crisis = episodes::crisis(&episodes::Inputs {
        posts: i.posts,
        days: i.days,
        said: &read.said,
        messages: &messages,
        hours: i.hours,
        brand_terms: &i.brand_terms,
        rule: i.rule,
        lang,
    });
    ReputationReport {
        tone: tone::tone(&read, lang),
        feedback: feedback::feedback(i.posts, i.days, lang),
        crisis,
    }
}
