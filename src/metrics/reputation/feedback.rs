//! The negative feedback the platforms report: legacy Facebook's "Negative feedback" (hide
//! post, hide all, unlike Page, report as spam) per post and per day, YouTube's subscribers
//! lost per video, and the unfollows of X (and what LinkedIn's exports lack) against how
//! often the account posts.

use crate::date::{Date, DateTime};
use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::formula::{self, formula};
use crate::i18n::Lang;
use crate::metrics::engagement::network_key;
use crate::metrics::sort_by;
use crate::model::{DailyRow, Metric, Network, PostRef};
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A day's unfollows and, when the daily row gives it, its posts published.
type DayRow = (f64, Option<f64>);

formula! {
    /// Negative feedback per person reached, from the posts.
    NEGATIVE_FEEDBACK_RATE = "negative_feedback_rate",
    en: "negative feedback rate = Σ people who gave negative feedback ÷ Σ reach, over the posts that report both",
    fr: "taux de retours négatifs = Σ personnes ayant donné un retour négatif ÷ Σ portée, sur les publications qui donnent les deux"
}
formula! {
    /// Negative feedback per person reached, from the page's days.
    NEGATIVE_FEEDBACK_RATE_DAILY = "negative_feedback_rate.daily",
    en: "negative feedback rate = Σ daily negative feedback ÷ Σ daily reach, over the days that report both",
    fr: "taux de retours négatifs = Σ retours négatifs du jour ÷ Σ portée du jour, sur les jours qui donnent les deux"
}
formula! {
    /// One kind's share of negative feedback.
    KIND_SHARE = "negative_feedback_kind_share",
    en: "share of a kind = negative feedback of that kind ÷ Σ negative feedback of every kind",
    fr: "part d’un type = retours négatifs de ce type ÷ Σ retours négatifs de tous les types"
}
formula! {
    /// YouTube subscribers lost per thousand views.
    SUBSCRIBERS_LOST = "subscribers_lost_per_thousand_views",
    en: "subscribers lost per 1,000 views = Σ subscribers lost ÷ Σ views × 1000",
    fr: "abonnés perdus pour 1 000 vues = Σ abonnés perdus ÷ Σ vues × 1000"
}
formula! {
    /// Unfollows per post published.
    UNFOLLOWS_PER_POST = "unfollows_per_post",
    en: "unfollows per post = Σ unfollows ÷ posts published, over the days of the daily rows",
    fr: "désabonnements par publication = Σ désabonnements ÷ publications publiées, sur les jours des lignes quotidiennes"
}
formula! {
    /// Whether busy weeks lose more followers.
    BUSY_WEEKS = "unfollows_busy_weeks_ratio",
    en: "busy weeks ratio = unfollows per day in weeks with more posts than the median week ÷ unfollows per day in the other weeks",
    fr: "ratio des semaines chargées = désabonnements par jour des semaines à plus de publications que la semaine médiane ÷ désabonnements par jour des autres semaines"
}

/// Every formula of this file.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    NEGATIVE_FEEDBACK_RATE,
    NEGATIVE_FEEDBACK_RATE_DAILY,
    KIND_SHARE,
    SUBSCRIBERS_LOST,
    UNFOLLOWS_PER_POST,
    BUSY_WEEKS,
];

/// One kind of negative feedback.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KindRow {
    /// `hide`, `hide_all`, `page_unlike`, `spam_report`.
    pub kind: &'static str,
    /// Its name.
    pub label: &'static str,
    /// How many, over the posts (or the days when no post gives kinds).
    pub count: Finite,
    /// Its share of every kind (`negative_feedback_kind_share`).
    pub share: Option<Finite>,
}

/// A post with negative feedback.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeedbackPost {
    /// Its id.
    pub id: String,
    /// Its network.
    pub network: Network,
    /// When it was published.
    pub published: Option<DateTime>,
    /// Its text (at most 120 characters).
    pub text: Option<String>,
    /// Its address.
    pub permalink: Option<String>,
    /// Negative feedback, or subscribers lost for a video.
    pub negative: Finite,
    /// Reach, or views for a video.
    pub audience: Option<Finite>,
    /// `negative` per person of `audience` (per 1,000 views for a video).
    pub rate: Option<Finite>,
    /// The unit of `rate`: a ratio, or per thousand for a video's subscribers lost.
    pub rate_unit: Unit,
}

/// The negative feedback the platforms report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FeedbackReport {
    /// `negative_feedback_rate` (posts, then days), `subscribers_lost_per_thousand_views`,
    /// `unfollows_per_post.<network>`, `unfollows_busy_weeks_ratio.<network>`.
    pub figures: Vec<Figure>,
    /// Negative feedback by kind.
    pub kinds: Vec<KindRow>,
    /// The posts with the most negative feedback, worst first.
    pub posts: Vec<FeedbackPost>,
    /// What the files cannot say (LinkedIn's exports give no unfollows).
    pub notes: Vec<String>,
    /// Why there is nothing, when there is nothing.
    pub reason: Option<String>,
}

/// Sums of `a` and `b` over the items that give both, and how many do.
fn paired(items: impl Iterator<Item = (Option<f64>, Option<f64>)>) -> (f64, f64, usize) {
    items
        .filter_map(|(a, b)| Some((a?, b?)))
        .fold((0.0, 0.0, 0), |(x, y, n), (a, b)| (x + a, y + b, n + 1))
}

fn rate_figure(
    f: formula::Formula,
    label: &str,
    names: (&str, &str),
    sums: (f64, f64, usize),
    scale: f64,
    lang: Lang,
) -> Option<Figure> {
    let (neg, audience, n) = sums;
    if n == 0 {
        return None;
    }
    let fig = Figure::of(
        f,
        label,
        if scale == 1.0 {
            Unit::Ratio
        } else {
            Unit::PerThousand
        },
        lang,
    )
    .input(names.0, neg, Unit::Count)
    .input(names.1, audience, Unit::Count);
    Some(if audience > 0.0 {
        fig.value(neg / audience * scale, lang)
    } else {
        fig.unavailable(lang.pick(
            "no one reached: nothing to divide by",
            "personne d’atteint\u{a0}: rien à diviser",
        ))
    })
}

/// A rate's formula, its label, its two terms' names (English, French) and its scale.
type RateSpec = (
    formula::Formula,
    (&'static str, &'static str),
    [(&'static str, &'static str); 2],
    f64,
);

/// The three rates, in the order [`rates`] gives their sums: a flat table of words.
const RATES: [RateSpec; 3] = [
    (
        NEGATIVE_FEEDBACK_RATE,
        (
            "Negative feedback rate (posts)",
            "Taux de retours négatifs (publications)",
        ),
        [
            (
                "people who gave negative feedback",
                "personnes ayant donné un retour négatif",
            ),
            ("reach", "portée"),
        ],
        1.0,
    ),
    (
        NEGATIVE_FEEDBACK_RATE_DAILY,
        (
            "Negative feedback rate (page, by day)",
            "Taux de retours négatifs (page, par jour)",
        ),
        [
            ("daily negative feedback", "retours négatifs du jour"),
            ("daily reach", "portée du jour"),
        ],
        1.0,
    ),
    (
        SUBSCRIBERS_LOST,
        (
            "Subscribers lost per 1,000 views",
            "Abonnés perdus pour 1 000 vues",
        ),
        [("subscribers lost", "abonnés perdus"), ("views", "vues")],
        1000.0,
    ),
];

/// The three rates: negative feedback per person reached (posts, then the Page's days), and
/// subscribers lost per 1,000 views; each only when the files give both of its terms.
fn rates(
    posts: &[(PostRef, Option<DateTime>)],
    days: &[Vec<&DailyRow>],
    lang: Lang,
) -> Vec<Figure> {
    let of_posts =
        |a: Metric, b: Metric| paired(posts.iter().map(|(p, _)| (p.metric(a), p.metric(b))));
    let of_days = paired(
        days.iter()
            .flatten()
            .map(|d| (d.feedback.negative, d.reach)),
    );
    let sums = [
        of_posts(Metric::NegativeFeedback, Metric::Reach),
        of_days,
        of_posts(Metric::Unfollows, Metric::Views),
    ];
    let pick = |w: (&'static str, &'static str)| lang.pick(w.0, w.1);
    RATES
        .into_iter()
        .zip(sums)
        .filter_map(|((f, label, [a, b], scale), sums)| {
            rate_figure(f, pick(label), (pick(a), pick(b)), sums, scale, lang)
        })
        .collect()
}

/// The negative feedback of `posts` and `days` (grouped by account, as the growth figures).
pub(crate) fn feedback(
    posts: &[(PostRef, Option<DateTime>)],
    days: &[Vec<&DailyRow>],
    lang: Lang,
) -> FeedbackReport {
    let mut figures = rates(posts, days, lang);
    let (unfollow_figures, notes) = unfollows_against_posting(posts, days, lang);
    figures.extend(unfollow_figures);
    let reason = figures.is_empty().then(|| {
        lang.pick(
            "no negative feedback in the files: legacy Facebook Page Insights exports give it (per post and per day), YouTube Studio gives subscribers lost, X's account overview gives unfollows",
            "aucun retour négatif dans les fichiers\u{a0}: les anciens exports des statistiques de Page Facebook le donnent (par publication et par jour), YouTube Studio les abonnés perdus, la vue d’ensemble du compte X les désabonnements",
        )
        .to_string()
    });
    FeedbackReport {
        figures,
        kinds: kinds(posts, days, lang),
        posts: worst_posts(posts),
        notes,
        reason,
    }
}

/// Negative feedback by kind: from the posts, else from the days.
fn kinds(
    posts: &[(PostRef, Option<DateTime>)],
    days: &[Vec<&DailyRow>],
    lang: Lang,
) -> Vec<KindRow> {
    let from_posts = [
        Metric::Hides,
        Metric::HidesAll,
        Metric::PageUnlikes,
        Metric::SpamReports,
    ]
    .map(|m| posts.iter().filter_map(|(p, _)| p.metric(m)).sum::<f64>());
    let any_post = posts
        .iter()
        .any(|(p, _)| p.metric(Metric::Hides).is_some() || p.metric(Metric::SpamReports).is_some());
    let counts = if any_post {
        from_posts
    } else {
        let d = days.iter().flatten();
        [
            d.clone().filter_map(|r| r.feedback.hides).sum(),
            d.clone().filter_map(|r| r.feedback.hides_all).sum(),
            d.clone().filter_map(|r| r.feedback.page_unlikes).sum(),
            d.filter_map(|r| r.feedback.spam_reports).sum::<f64>(),
        ]
    };
    let total: f64 = counts.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let names = [
        ("hide", lang.pick("Hide post", "Masquer la publication")),
        (
            "hide_all",
            lang.pick("Hide all posts", "Masquer toutes les publications"),
        ),
        (
            "page_unlike",
            lang.pick("Unlike Page", "Je n’aime plus la Page"),
        ),
        (
            "spam_report",
            lang.pick("Report as spam", "Signaler comme indésirable"),
        ),
    ];
    names
        .iter()
        .zip(counts)
        .map(|(&(kind, label), count)| KindRow {
            kind,
            label,
            count: Finite::new(count).unwrap_or(Finite::ZERO),
            share: Finite::new(count / total),
        })
        .collect()
}

/// The posts with negative feedback (or subscribers lost), worst rate first, at most 10.
fn worst_posts(posts: &[(PostRef, Option<DateTime>)]) -> Vec<FeedbackPost> {
    let mut out: Vec<FeedbackPost> = posts
        .iter()
        .filter_map(|(p, when)| {
            let (neg, audience, scale) = match p.metric(Metric::NegativeFeedback) {
                Some(n) => (n, p.metric(Metric::Reach), 1.0),
                None => (
                    p.metric(Metric::Unfollows)?,
                    p.metric(Metric::Views),
                    1000.0,
                ),
            };
            (neg > 0.0).then(|| FeedbackPost {
                id: p.id().as_str().to_string(),
                network: p.network(),
                published: *when,
                text: p.text().map(|t| t.chars().take(120).collect()),
                permalink: p.permalink().map(Cow::into_owned),
                negative: Finite::new(neg).unwrap_or(Finite::ZERO),
                audience: audience.and_then(Finite::new),
                rate: audience
                    .filter(|a| *a > 0.0)
                    .and_then(|a| Finite::new(neg / a * scale)),
                rate_unit: if scale == 1.0 {
                    Unit::Ratio
                } else {
                    Unit::PerThousand
                },
            })
        })
        .collect();
    sort_by(&mut out, |a, b| {
        let r = |p: &FeedbackPost| p.rate.map_or(-1.0, Finite::get);
        r(b).total_cmp(&r(a))
            .then_with(|| b.negative.get().total_cmp(&a.negative.get()))
    });
    out.truncate(10);
    out
}

/// Daily unfollows (and posts, when the row gives them) per network but Facebook's (whose
/// unlikes are in the negative feedback figures), and whether a LinkedIn row was seen.
fn daily_unfollows(days: &[Vec<&DailyRow>]) -> (BTreeMap<Network, BTreeMap<Date, DayRow>>, bool) {
    let mut by_network: BTreeMap<Network, BTreeMap<Date, DayRow>> = BTreeMap::new();
    let mut linkedin = false;
    for d in days.iter().flatten() {
        linkedin |= d.network == Network::LinkedIn;
        let Some(u) = d.unfollows.filter(|_| d.network != Network::Facebook) else {
            continue;
        };
        let e = by_network
            .entry(d.network)
            .or_default()
            .entry(d.date)
            .or_insert((0.0, None));
        e.0 += u;
        if let Some(p) = d.posts {
            e.1 = Some(e.1.unwrap_or(0.0) + p);
        }
    }
    (by_network, linkedin)
}

/// `unfollows_per_post.<network>`.
fn per_post(network: Network, unfollows: f64, published: f64, lang: Lang) -> Figure {
    let label = match lang {
        Lang::En => format!("Unfollows per post · {}", network.name()),
        Lang::Fr => format!("Désabonnements par publication · {}", network.name()),
    };
    let id = format!("unfollows_per_post.{}", network_key(network));
    let fig = Figure::custom(&id, &label, Unit::Count, UNFOLLOWS_PER_POST.text(lang))
        .input(
            lang.pick("unfollows", "désabonnements"),
            unfollows,
            Unit::Count,
        )
        .input(
            lang.pick("posts published", "publications publiées"),
            published,
            Unit::Count,
        );
    if published > 0.0 {
        fig.value(unfollows / published, lang)
    } else {
        fig.unavailable(lang.pick(
            "no post published on those days",
            "aucune publication ces jours-là",
        ))
    }
}

/// Per network with daily unfollows: unfollows per post, and whether busy weeks lose more.
/// Posts are counted from the posts of the files on those days, else from the daily rows.
fn unfollows_against_posting(
    posts: &[(PostRef, Option<DateTime>)],
    days: &[Vec<&DailyRow>],
    lang: Lang,
) -> (Vec<Figure>, Vec<String>) {
    let (by_network, linkedin) = daily_unfollows(days);
    let mut figures = Vec::new();
    for (network, days) in &by_network {
        let (Some(&first), Some(&last)) = (days.keys().next(), days.keys().next_back()) else {
            continue;
        };
        let mut from_posts: BTreeMap<Date, f64> = BTreeMap::new();
        for (_, w) in posts.iter().filter(|(p, _)| p.network() == *network) {
            if let Some(d) = w.map(|w| w.date).filter(|d| *d >= first && *d <= last) {
                *from_posts.entry(d).or_insert(0.0) += 1.0;
            }
        }
        let posted = |d: &Date, row: &DayRow| {
            if from_posts.is_empty() {
                row.1.unwrap_or(0.0)
            } else {
                from_posts.get(d).copied().unwrap_or(0.0)
            }
        };
        let unfollows: f64 = days.values().map(|v| v.0).sum();
        let published: f64 = days.iter().map(|(d, v)| posted(d, v)).sum();
        figures.push(per_post(*network, unfollows, published, lang));
        figures.extend(busy_weeks(*network, days, &posted, lang));
    }
    let notes = linkedin
        .then(|| {
            lang.pick(
                "LinkedIn's exports give new followers only, no unfollows: its follower losses cannot be set against posting",
                "Les exports LinkedIn ne donnent que les nouveaux abonnés, pas les désabonnements\u{a0}: leurs pertes ne peuvent être mises en regard des publications",
            )
            .to_string()
        })
        .into_iter()
        .collect();
    (figures, notes)
}

/// Unfollows per day in weeks busier than the median week against the others, when there
/// are at least four whole weeks.
fn busy_weeks(
    network: Network,
    days: &BTreeMap<Date, DayRow>,
    posted: &dyn Fn(&Date, &DayRow) -> f64,
    lang: Lang,
) -> Option<Figure> {
    let mut weeks: BTreeMap<Date, (f64, f64, u32)> = BTreeMap::new();
    for (d, v) in days {
        let w = weeks.entry(d.week_start()).or_insert((0.0, 0.0, 0));
        w.0 += v.0;
        w.1 += posted(d, v);
        w.2 += 1;
    }
    let whole: Vec<(f64, f64, u32)> = weeks.into_values().filter(|w| w.2 == 7).collect();
    if whole.len() < 4 {
        return None;
    }
    let mut counts: Vec<f64> = whole.iter().map(|w| w.1).collect();
    counts.sort_by(f64::total_cmp);
    let n = counts.len();
    let median = if n % 2 == 1 {
        counts[n / 2]
    } else {
        (counts[n / 2 - 1] + counts[n / 2]) / 2.0
    };
    let per_day = |busy: bool| {
        let (u, n) = whole
            .iter()
            .filter(|w| (w.1 > median) == busy)
            .fold((0.0, 0u32), |(u, n), w| (u + w.0, n + w.2));
        (n > 0).then(|| u / f64::from(n))
    };
    let label = match lang {
        Lang::En => format!("Unfollows, busy weeks ÷ quiet weeks · {}", network.name()),
        Lang::Fr => format!(
            "Désabonnements, semaines chargées ÷ calmes · {}",
            network.name()
        ),
    };
    let fig = Figure::custom(
        &format!("unfollows_busy_weeks_ratio.{}", network_key(network)),
        &label,
        Unit::Multiple,
        BUSY_WEEKS.text(lang),
    );
    Some(match (per_day(true), per_day(false)) {
        (Some(busy), Some(quiet)) if quiet > 0.0 => fig
            .input(lang.pick("unfollows per day, busy weeks", "désabonnements par jour, semaines chargées"), busy, Unit::Count)
            .input(lang.pick("unfollows per day, other weeks", "désabonnements par jour, autres semaines"), quiet, Unit::Count)
            .value(busy / quiet, lang),
        _ => fig.unavailable(lang.pick(
            "the weeks do not split into busier and quieter ones with unfollows in both",
            "les semaines ne se partagent pas en plus et moins chargées avec des désabonnements des deux côtés",
        )),
    })
}
