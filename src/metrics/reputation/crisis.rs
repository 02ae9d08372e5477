//! Crisis flags: the days of a daily series that break its usual pattern, by a robust rule
//! (the median and the median absolute deviation of the days before, which one bad day does
//! not move), and the runs of such days grouped into episodes with a start, a peak and an end.

use crate::date::Date;
use crate::finite::Finite;
use crate::formula::{self, formula};
use crate::i18n::Lang;
use crate::metrics::{sort_by, sort_by_key};
use serde::Serialize;

formula! {
    /// When a day of a series breaks its pattern.
    pub(crate) CRISIS_DAY = "crisis_day",
    en: "a day breaks the pattern when value > median + k × 1.4826 × MAD and value − median ≥ the series' minimum rise, median and MAD (median of |value − median|) over the trailing window of days before it (at least 7 of them)",
    fr: "un jour sort de l’ordinaire quand valeur > médiane + k × 1,4826 × MAD et valeur − médiane ≥ la hausse minimale de la série, médiane et MAD (médiane des |valeur − médiane|) sur la fenêtre des jours qui le précèdent (au moins 7)"
}
formula! {
    /// How flagged days group into an episode.
    pub(crate) CRISIS_EPISODE = "crisis_episode",
    en: "episode = flagged days of any series with at most one quiet day between them; start = first, end = last, peak = the day furthest above its median, in MADs",
    fr: "épisode = jours signalés d’une série quelconque séparés d’au plus un jour calme ; début = le premier, fin = le dernier, pic = le jour le plus au-dessus de sa médiane, en MAD"
}

/// Every formula of this file.
pub(crate) const FORMULAS: &[formula::Formula] = &[CRISIS_DAY, CRISIS_EPISODE];

/// The rule's parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rule {
    /// How many scaled MADs above the median a day must be.
    pub k: f64,
    /// Days before a day that set its usual pattern.
    pub window: usize,
    /// Days of history (in the window) a day needs to be judged.
    pub min_history: usize,
}

/// The default k: 3 scaled MADs is about 3 standard deviations of a normal series, so a
/// quiet series is flagged on about one day in 700 by chance.
pub(crate) const DEFAULT_K: f64 = 3.0;
/// The default window: four weeks, so each weekday is in it four times.
pub(crate) const DEFAULT_WINDOW: usize = 28;
/// The fewest days of history a day needs.
pub(crate) const MIN_HISTORY: usize = 7;
/// 1.4826 × MAD estimates the standard deviation of a normal series.
const MAD_SCALE: f64 = 1.4826;

/// One day of a series, as the rule judged it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct JudgedDay {
    /// The day.
    pub date: Date,
    /// Its value.
    pub value: Finite,
    /// The median of the window before it, when it had enough history.
    pub median: Option<Finite>,
    /// The value above which it is flagged (`median + max(k × 1.4826 × MAD, minimum rise)`).
    pub threshold: Option<Finite>,
    /// Whether it breaks the pattern.
    pub flagged: bool,
    /// How far above the threshold's base it is, in scaled MADs (for the peak).
    #[serde(skip)]
    pub(crate) strength: f64,
}

/// The median of `v` (sorted in place).
fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Judges every day of `days` (sorted by date, one value per day; a day missing from the
/// list has no value and is not history) by `rule`, a day being flagged only when it is at
/// least `min_rise` above the median.
pub(crate) fn judge(days: &[(Date, f64)], rule: Rule, min_rise: f64) -> Vec<JudgedDay> {
    let mut out = Vec::with_capacity(days.len());
    for (i, &(date, value)) in days.iter().enumerate() {
        let first = date.add_days(-(rule.window as i64)).unwrap_or(date);
        // The days are sorted: the window starts at the first day on or after `first`.
        let start = days[..i].partition_point(|(d, _)| *d < first);
        let mut window: Vec<f64> = days[start..i].iter().map(|(_, v)| *v).collect();
        let mut judged = JudgedDay {
            date,
            value: Finite::new(value).unwrap_or(Finite::ZERO),
            median: None,
            threshold: None,
            flagged: false,
            strength: 0.0,
        };
        if window.len() >= rule.min_history {
            if let Some(m) = median(&mut window) {
                let mut dev: Vec<f64> = window.iter().map(|v| (v - m).abs()).collect();
                let mad = median(&mut dev).unwrap_or(0.0) * MAD_SCALE;
                let rise = (rule.k * mad).max(min_rise);
                let threshold = m + rise;
                judged.median = Finite::new(m);
                judged.threshold = Finite::new(threshold);
                judged.flagged = value > threshold && value - m >= min_rise;
                judged.strength = (value - m) / mad.max(min_rise / rule.k.max(1.0)).max(1e-9);
            }
        }
        out.push(judged);
    }
    out
}

/// A run of flagged days (of one or several series).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Span {
    /// First flagged day.
    pub start: Date,
    /// Last flagged day.
    pub end: Date,
    /// The flagged day furthest above its median, in MADs.
    pub peak: Date,
    /// The series (by index) flagged in it.
    pub series: Vec<usize>,
}

/// Groups the flagged days of every series into episodes: days at most `gap` + 1 apart
/// (one quiet day between two flagged days keeps one episode).
pub(crate) fn episodes(series: &[Vec<JudgedDay>], gap: i64) -> Vec<Span> {
    let mut flagged: Vec<(Date, usize, f64)> = series
        .iter()
        .enumerate()
        .flat_map(|(s, days)| {
            days.iter()
                .filter(|d| d.flagged)
                .map(move |d| (d.date, s, d.strength))
        })
        .collect();
    sort_by_key(&mut flagged, |(d, s, _)| (*d, *s));
    let mut out: Vec<Span> = Vec::new();
    let mut peak_strength = 0.0;
    for (date, s, strength) in flagged {
        match out.last_mut() {
            Some(last) if date.days() - last.end.days() <= gap + 1 => {
                last.end = last.end.max(date);
                if !last.series.contains(&s) {
                    last.series.push(s);
                }
                if strength > peak_strength {
                    peak_strength = strength;
                    last.peak = date;
                }
            }
            _ => {
                peak_strength = strength;
                out.push(Span {
                    start: date,
                    end: date,
                    peak: date,
                    series: vec![s],
                });
            }
        }
    }
    for span in &mut out {
        sort_by(&mut span.series, |a, b| a.cmp(b));
    }
    out
}

/// The rule in words, with its parameters: shown above the flags.
pub(crate) fn describe(rule: Rule, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "k = {} · a trailing window of {} days (at least {} of them before a day is judged)",
            rule.k, rule.window, rule.min_history
        ),
        Lang::Fr => format!(
            "k = {} · une fenêtre de {} jours avant chaque jour (au moins {} jours avant d’en juger un)",
            rule.k.to_string().replace('.', ","),
            rule.window,
            rule.min_history
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(n: i64) -> Date {
        Date::new(2026, 1, 1).unwrap().add_days(n).unwrap()
    }

    const RULE: Rule = Rule {
        k: DEFAULT_K,
        window: DEFAULT_WINDOW,
        min_history: MIN_HISTORY,
    };

    #[test]
    fn a_spike_on_a_noisy_series_is_flagged_and_the_noise_is_not() {
        // 60 days of 10 ± 2 (a fixed pattern), a spike of 40 on day 45.
        let noise = [0.0, 1.0, -1.0, 2.0, -2.0, 1.0, 0.0, -1.0];
        let days: Vec<(Date, f64)> = (0..60)
            .map(|i| {
                (
                    day(i),
                    if i == 45 {
                        40.0
                    } else {
                        10.0 + noise[i as usize % 8]
                    },
                )
            })
            .collect();
        let judged = judge(&days, RULE, 3.0);
        let flagged: Vec<i64> = judged
            .iter()
            .filter(|d| d.flagged)
            .map(|d| d.date.days() - day(0).days())
            .collect();
        assert_eq!(flagged, [45]);
        // Day 45's window is days 17–44: median 10, MAD 1, threshold 10 + 3 × 1.4826.
        let d = &judged[45];
        assert_eq!(d.median.unwrap().get(), 10.0);
        assert!((d.threshold.unwrap().get() - (10.0 + 3.0 * 1.4826)).abs() < 1e-9);
        // The first 7 days have too little history to be judged.
        assert!(judged[..7].iter().all(|d| d.median.is_none()));
    }

    #[test]
    fn a_quiet_series_raises_no_alarm() {
        // All zeros with a stray 1 or 2: under the minimum rise of 3.
        let days: Vec<(Date, f64)> = (0..120)
            .map(|i| (day(i), [0.0, 0.0, 1.0, 0.0, 2.0, 0.0, 0.0][i as usize % 7]))
            .collect();
        assert!(judge(&days, RULE, 3.0).iter().all(|d| !d.flagged));
        // A flat series: MAD 0, nothing moves.
        let flat: Vec<(Date, f64)> = (0..90).map(|i| (day(i), 5.0)).collect();
        assert!(judge(&flat, RULE, 3.0).iter().all(|d| !d.flagged));
    }

    #[test]
    fn days_group_into_episodes() {
        let mk = |flags: &[i64], strong: i64| -> Vec<JudgedDay> {
            (0..30)
                .map(|i| JudgedDay {
                    date: day(i),
                    value: Finite::new(1.0).unwrap(),
                    median: None,
                    threshold: None,
                    flagged: flags.contains(&i),
                    strength: if i == strong { 9.0 } else { 4.0 },
                })
                .collect()
        };
        // Series 0 flags 10, 11, 13 (one quiet day between: one episode) and 25; series 1
        // flags 12, its strongest.
        let spans = episodes(&[mk(&[10, 11, 13, 25], -1), mk(&[12], 12)], 1);
        assert_eq!(spans.len(), 2);
        assert_eq!(
            (spans[0].start, spans[0].end, spans[0].peak),
            (day(10), day(13), day(12))
        );
        assert_eq!(spans[0].series, [0, 1]);
        assert_eq!((spans[1].start, spans[1].end), (day(25), day(25)));
    }
}
