//! What the files say the social presence brought back, for the ROI link: the key events of
//! social traffic (GA4's acquisition reports; else its Events report) as acquisitions, and
//! YouTube's estimated revenue, per currency.

use super::posts::{within, PeriodPost};
use super::settings::Settings;
use crate::date::fold;
use crate::i18n::Lang;
use crate::metrics::cost::Revenue;
use crate::model::{DailyRow, Metric, Network, TrafficRow};

/// What the files say came back: customers acquired, and revenue per currency.
pub(super) struct Returns {
    /// Key events credited to social traffic, and where they come from.
    pub(super) acquisitions: Option<(f64, String)>,
    /// Estimated revenue, per currency.
    pub(super) revenue: Vec<Revenue>,
}

/// What the traffic rows, the daily rows and the posts of the period say came back.
pub(super) fn brought_back(
    traffic: &[TrafficRow],
    groups: &[Vec<&DailyRow>],
    posts: &[PeriodPost],
    s: &Settings,
    lang: Lang,
) -> Returns {
    Returns {
        acquisitions: acquisitions(traffic, s, lang),
        revenue: revenue(groups, posts, lang),
    }
}

/// Whether a traffic row comes from social networks: a social source, or a social channel
/// group (`Organic Social`, `Paid Social`, `Réseaux sociaux organiques`).
fn is_social(t: &TrafficRow) -> bool {
    t.network.is_some_and(|n| n != Network::Web)
        || t.channel
            .as_deref()
            .map(fold)
            .is_some_and(|c| c.contains("social") || c.contains("sociaux"))
}

/// The key events the files credit to social traffic in the period, and where they come
/// from: the social rows of an acquisition report, else the Events report's key events (the
/// whole site, unless the report was filtered to the campaign).
fn acquisitions(traffic: &[TrafficRow], s: &Settings, lang: Lang) -> Option<(f64, String)> {
    let rows: Vec<&TrafficRow> = traffic
        .iter()
        .filter(|t| t.date.is_none_or(|d| within(d, s.from, s.to)))
        .collect();
    let social: Vec<f64> = rows
        .iter()
        .filter(|t| t.event.is_none() && is_social(t))
        .filter_map(|t| t.conversions)
        .collect();
    if !social.is_empty() {
        let what = lang.pick(
            "key events of social traffic (Google Analytics)",
            "événements clés du trafic social (Google Analytics)",
        );
        return Some((social.iter().sum(), what.to_string()));
    }
    let events: Vec<f64> = rows
        .iter()
        .filter(|t| t.event.is_some())
        .filter_map(|t| t.conversions)
        .collect();
    (!events.is_empty()).then(|| {
        let what = lang.pick(
            "key events of Google Analytics’ Events report (the whole site, unless the report was filtered to the campaign)",
            "événements clés du rapport Événements de Google Analytics (tout le site, sauf si le rapport a été filtré sur la campagne)",
        );
        (events.iter().sum(), what.to_string())
    })
}

/// YouTube's estimated revenue of the period, per currency: the channel's days when the files
/// have them (they count every video), else the videos of the period.
fn revenue(groups: &[Vec<&DailyRow>], posts: &[PeriodPost], lang: Lang) -> Vec<Revenue> {
    let days: Vec<(Option<&str>, f64)> = groups
        .iter()
        .flatten()
        .filter_map(|d| Some((d.currency.as_deref(), d.revenue?)))
        .collect();
    let (items, source) = if days.is_empty() {
        let videos = posts
            .iter()
            .filter_map(|(p, _)| Some((p.currency(), p.metric(Metric::Revenue)?)))
            .collect();
        let what = lang.pick(
            "estimated revenue of the videos",
            "revenus estimés des vidéos",
        );
        (videos, what)
    } else {
        let what = lang.pick(
            "estimated revenue of the channel’s days",
            "revenus estimés des jours de la chaîne",
        );
        (days, what)
    };
    let mut out: Vec<Revenue> = Vec::new();
    for (currency, amount) in items {
        let currency = currency.map(str::to_string);
        match out.iter_mut().find(|r| r.currency == currency) {
            Some(r) => r.amount += amount,
            None => out.push(Revenue {
                currency,
                amount,
                source: source.to_string(),
            }),
        }
    }
    out
}
