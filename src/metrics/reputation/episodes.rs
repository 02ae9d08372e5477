//! The crisis flags of the period: the daily series they are computed on (unfollows,
//! the negative feedback the platforms report, negative comments and messages, comments per
//! post, mentions), the days each flags, and
//! the episodes with what surrounds them: the posts published just before, the negative
//! share during them, and the community manager's response times during them against the
//! rest of the period.

use super::crisis::{describe, episodes, judge, JudgedDay, Rule, Span, CRISIS_DAY, CRISIS_EPISODE};
use super::texts::Said;
use crate::date::{Date, DateTime};
use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::metrics::activity::{response_row, Hours, MessageIssues, ResponseRow};
use crate::metrics::engagement::network_key;
use crate::metrics::search::is_brand;
use crate::model::{DailyRow, Message, Metric, Network, PostRef};
use crate::sentiment::Polarity;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The smallest rise over the median a day of a count series needs to be flagged: three
/// more unfollows, negative comments or mentions than usual, three more comments per post.
const MIN_RISE: f64 = 3.0;

/// One daily series and its days, judged.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrisisSeries {
    /// `unfollows.x`, `negative_feedback.facebook`, `negative_comments`,
    /// `comments_per_post`, `mentions.facebook`, `brand_mentions`.
    pub id: String,
    /// Its name.
    pub label: String,
    /// The rise over the median a day needs beyond `k` MADs.
    pub minimum_rise: Finite,
    /// Every day of it, judged.
    pub days: Vec<JudgedDay>,
    /// Days flagged.
    pub flagged: usize,
}

/// A post published just before or during an episode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EpisodePost {
    /// Its id.
    pub id: String,
    /// Its network.
    pub network: Network,
    /// When, on the report's clock.
    pub published: DateTime,
    /// Its text (at most 160 characters).
    pub text: Option<String>,
    /// Its address.
    pub permalink: Option<String>,
}

/// Days that broke the pattern, together.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Episode {
    /// First flagged day.
    pub start: Date,
    /// The flagged day furthest above its median, in MADs.
    pub peak: Date,
    /// Last flagged day.
    pub end: Date,
    /// Days from start to end, both included.
    pub days: i64,
    /// The series flagged in it, by label.
    pub series: Vec<String>,
    /// Posts published from two days before the start to the peak.
    pub posts_before: Vec<EpisodePost>,
    /// `negative_comment_share` of the comments and messages of the episode's days.
    pub negative_share: Figure,
    /// The same over the rest of the period.
    pub usual_negative_share: Figure,
    /// Responses to the messages received during it.
    pub responses: Option<ResponseRow>,
    /// Responses to the messages received the rest of the period.
    pub usual_responses: Option<ResponseRow>,
}

/// Crisis flags.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CrisisReport {
    /// The rule (`crisis_day`'s formula).
    pub rule: String,
    /// How flagged days make an episode (`crisis_episode`'s formula).
    pub episode_rule: String,
    /// The parameters in words.
    pub parameters: String,
    /// k, as used.
    pub k: Finite,
    /// The trailing window, in days.
    pub window_days: usize,
    /// Every series with its days.
    pub series: Vec<CrisisSeries>,
    /// The episodes, oldest first.
    pub episodes: Vec<Episode>,
    /// Why there is nothing to judge, when there is nothing.
    pub reason: Option<String>,
}

/// What the crisis flags read.
pub(crate) struct Inputs<'a> {
    pub posts: &'a [(PostRef<'a>, Option<DateTime>)],
    pub days: &'a [Vec<&'a DailyRow>],
    pub said: &'a [Said<'a>],
    pub messages: &'a [(DateTime, Option<DateTime>, &'a Message)],
    pub hours: Option<&'a Hours>,
    pub brand_terms: &'a [String],
    pub rule: Rule,
    pub lang: Lang,
}

/// The crisis flags of the period.
pub(crate) fn crisis(i: &Inputs) -> CrisisReport {
    let lang = i.lang;
    let series: Vec<CrisisSeries> = all_series(i)
        .into_iter()
        .map(|(id, label, days)| {
            let days = judge(&days, i.rule, MIN_RISE);
            CrisisSeries {
                id,
                label,
                minimum_rise: Finite::new(MIN_RISE).unwrap_or(Finite::ZERO),
                flagged: days.iter().filter(|d| d.flagged).count(),
                days,
            }
        })
        .collect();
    let judged: Vec<Vec<JudgedDay>> = series.iter().map(|s| s.days.clone()).collect();
    let spans = episodes(&judged, 1);
    let episodes = spans
        .iter()
        .map(|s| episode(s, &spans, &series, i))
        .collect();
    let long_enough = series
        .iter()
        .any(|s| s.days.iter().any(|d| d.median.is_some()));
    let reason = if series.is_empty() {
        Some(lang.pick(
            "no daily series to watch: unfollows come from daily account rows (X, legacy Facebook, YouTube), negative comments from comment exports with dates",
            "aucune série quotidienne à surveiller\u{a0}: les désabonnements viennent des lignes quotidiennes des comptes (X, ancien Facebook, YouTube), les commentaires négatifs des exports de commentaires datés",
        ).to_string())
    } else if !long_enough {
        Some(match lang {
            Lang::En => format!("the series are too short: a day is judged against at least {} days before it", i.rule.min_history),
            Lang::Fr => format!("les séries sont trop courtes\u{a0}: un jour est jugé sur au moins {} jours qui le précèdent", i.rule.min_history),
        })
    } else {
        None
    };
    CrisisReport {
        rule: CRISIS_DAY.text(lang).to_string(),
        episode_rule: CRISIS_EPISODE.text(lang).to_string(),
        parameters: describe(i.rule, lang),
        k: Finite::new(i.rule.k).unwrap_or(Finite::ZERO),
        window_days: i.rule.window,
        series,
        episodes,
        reason,
    }
}

type Series = (String, String, Vec<(Date, f64)>);

/// The daily rows' values of `get`, per network and day (summed over accounts), each as a
/// series `<id>.<network>` named `<name> · <network>`.
fn per_network(
    i: &Inputs,
    id: &str,
    name: (&str, &str),
    get: impl Fn(&DailyRow) -> Option<f64>,
) -> Vec<Series> {
    let mut m: BTreeMap<Network, BTreeMap<Date, f64>> = BTreeMap::new();
    for d in i.days.iter().flatten() {
        if let Some(v) = get(d) {
            *m.entry(d.network).or_default().entry(d.date).or_insert(0.0) += v;
        }
    }
    m.into_iter()
        .map(|(n, days)| {
            (
                format!("{id}.{}", network_key(n)),
                format!("{} · {}", i.lang.pick(name.0, name.1), n.name()),
                days.into_iter().collect(),
            )
        })
        .collect()
}

/// Every daily series the files give, each sorted by day.
fn all_series(i: &Inputs) -> Vec<Series> {
    let lang = i.lang;
    let mut out = per_network(i, "unfollows", ("Unfollows", "Désabonnements"), |d| {
        d.unfollows
    });
    out.extend(per_network(
        i,
        "negative_feedback",
        ("Negative feedback", "Retours négatifs"),
        |d| d.feedback.negative,
    ));
    let negative = daily_counts(i.said, |s| s.sentiment.polarity == Polarity::Negative);
    out.extend(negative.map(|days| {
        let label = lang.pick(
            "Negative comments and messages (estimate)",
            "Commentaires et messages négatifs (estimation)",
        );
        ("negative_comments".to_string(), label.to_string(), days)
    }));
    out.extend(comments_per_post(i.posts).map(|days| {
        let label = lang.pick("Comments per post", "Commentaires par publication");
        ("comments_per_post".to_string(), label.to_string(), days)
    }));
    out.extend(per_network(i, "mentions", ("Mentions", "Mentions"), |d| {
        d.feedback.mentions
    }));
    if !i.brand_terms.is_empty() {
        let named = daily_counts(i.said, |s| is_brand(s.text, i.brand_terms));
        out.extend(named.map(|days| {
            let label = lang.pick(
                "Comments and messages naming the brand",
                "Commentaires et messages qui nomment la marque",
            );
            ("brand_mentions".to_string(), label.to_string(), days)
        }));
    }
    out
}

/// The longest span whose days without a text are listed as 0 (about ten years): past it (a
/// date centuries away in a damaged export) only the days with texts are listed, so the work
/// stays in proportion to the texts, not to the calendar between them.
const MAX_FILLED_DAYS: i64 = 3_660;

/// Per day from the first dated text to the last, how many texts `count` accepts (0 on a
/// day without any: the export covers it; over more than [`MAX_FILLED_DAYS`], the days with
/// texts only).
fn daily_counts(talk: &[Said], count: impl Fn(&Said) -> bool) -> Option<Vec<(Date, f64)>> {
    let dates: Vec<Date> = talk.iter().filter_map(|s| s.date).collect();
    let (first, last) = (*dates.iter().min()?, *dates.iter().max()?);
    let mut m: BTreeMap<Date, f64> = BTreeMap::new();
    if last.days() - first.days() <= MAX_FILLED_DAYS {
        let mut d = first;
        while d <= last {
            m.insert(d, 0.0);
            d = d.add_days(1)?;
        }
    } else {
        m.extend(dates.iter().map(|d| (*d, 0.0)));
    }
    for s in talk.iter().filter(|s| count(s)) {
        if let Some(day) = s.date {
            *m.entry(day).or_insert(0.0) += 1.0;
        }
    }
    Some(m.into_iter().collect())
}

/// Per day with posts that give their comments: Σ comments ÷ posts.
fn comments_per_post(posts: &[(PostRef, Option<DateTime>)]) -> Option<Vec<(Date, f64)>> {
    let mut m: BTreeMap<Date, (f64, f64)> = BTreeMap::new();
    for (p, w) in posts {
        if let (Some(w), Some(c)) = (w, p.metric(Metric::Comments)) {
            let e = m.entry(w.date).or_insert((0.0, 0.0));
            e.0 += c;
            e.1 += 1.0;
        }
    }
    (!m.is_empty()).then(|| m.into_iter().map(|(d, (c, n))| (d, c / n)).collect())
}

fn in_span(d: Date, s: &Span) -> bool {
    d >= s.start && d <= s.end
}

/// Whether day `d` is in the episode `s` (`inside`), or outside every episode of `all`.
fn on_side(d: Date, s: &Span, all: &[Span], inside: bool) -> bool {
    if inside {
        in_span(d, s)
    } else {
        !all.iter().any(|a| in_span(d, a))
    }
}

/// The posts published from two days before the start of `s` to its peak, oldest first, at
/// most 8.
fn posts_before(s: &Span, posts: &[(PostRef, Option<DateTime>)]) -> Vec<EpisodePost> {
    let from = s.start.add_days(-2).unwrap_or(s.start);
    let mut out: Vec<EpisodePost> = posts
        .iter()
        .filter_map(|(p, w)| {
            let w = (*w)?;
            (w.date >= from && w.date <= s.peak).then(|| EpisodePost {
                id: p.id().as_str().to_string(),
                network: p.network(),
                published: w,
                text: p.text().map(|t| t.chars().take(160).collect()),
                permalink: p.permalink().map(Cow::into_owned),
            })
        })
        .collect();
    crate::metrics::sort_by_key(&mut out, |p| {
        (p.published.date, p.published.local_seconds())
    });
    out.truncate(8);
    out
}

/// `negative_comment_share` of the comments and messages of the episode's days (`inside`)
/// or of the days outside every episode.
fn negative_share(s: &Span, all: &[Span], i: &Inputs, inside: bool, label: &str) -> Figure {
    let lang = i.lang;
    let items: Vec<&Said> = i
        .said
        .iter()
        .filter(|x| x.date.is_some_and(|d| on_side(d, s, all, inside)))
        .collect();
    let neg = items
        .iter()
        .filter(|x| x.sentiment.polarity == Polarity::Negative)
        .count();
    let fig = Figure::of(super::tone::NEGATIVE_SHARE, label, Unit::Ratio, lang);
    if items.is_empty() {
        return fig.unavailable(lang.pick(
            "no comment or message with a text on those days",
            "aucun commentaire ni message avec un texte ces jours-là",
        ));
    }
    fig.input(
        lang.pick("estimated negative", "estimés négatifs"),
        neg as f64,
        Unit::Count,
    )
    .input(
        lang.pick("with text", "avec un texte"),
        items.len() as f64,
        Unit::Count,
    )
    .value(neg as f64 / items.len() as f64, lang)
}

/// The response figures of the messages received during the episode (`inside`) or outside
/// every episode; none without messages.
fn responses(s: &Span, all: &[Span], i: &Inputs, inside: bool) -> Option<ResponseRow> {
    let msgs: Vec<(DateTime, Option<DateTime>)> = i
        .messages
        .iter()
        .filter(|(r, _, _)| on_side(r.date, s, all, inside))
        .map(|(a, b, _)| (*a, *b))
        .collect();
    (!msgs.is_empty())
        .then(|| response_row(None, &msgs, i.hours, i.lang, &mut MessageIssues::default()))
}

fn episode(s: &Span, all: &[Span], series: &[CrisisSeries], i: &Inputs) -> Episode {
    let lang = i.lang;
    Episode {
        start: s.start,
        peak: s.peak,
        end: s.end,
        days: s.end.days() - s.start.days() + 1,
        series: s
            .series
            .iter()
            .filter_map(|&k| series.get(k))
            .map(|x| x.label.clone())
            .collect(),
        posts_before: posts_before(s, i.posts),
        negative_share: negative_share(
            s,
            all,
            i,
            true,
            lang.pick(
                "Negative during the episode (estimate)",
                "Négatifs pendant l’épisode (estimation)",
            ),
        ),
        usual_negative_share: negative_share(
            s,
            all,
            i,
            false,
            lang.pick(
                "Negative the rest of the period (estimate)",
                "Négatifs le reste de la période (estimation)",
            ),
        ),
        responses: responses(s, all, i, true),
        usual_responses: responses(s, all, i, false),
    }
}
