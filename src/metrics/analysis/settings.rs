//! The options read and checked: the period, the clock, business hours and the number of top
//! posts, with a message per option that cannot be used (it is then ignored).

use super::options::{AnalysisOptions, BusinessHours, Period};
use crate::date::Date;
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::metrics::activity::Hours;
use crate::metrics::reputation::{Rule, DEFAULT_K, DEFAULT_WINDOW, MIN_HISTORY};

fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    let mut parts = t.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn parse_hhmm(text: &str) -> Option<i64> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=24).contains(&h) && (0..60).contains(&m) && h * 60 + m <= 24 * 60)
        .then_some(h * 3600 + m * 60)
}

/// The options as the analysis uses them.
pub(super) struct Settings {
    /// First day of the period.
    pub(super) from: Option<Date>,
    /// Last day of the period.
    pub(super) to: Option<Date>,
    /// Minutes east of UTC of the report's clock.
    pub(super) offset: Option<i32>,
    /// Business hours.
    pub(super) hours: Option<Hours>,
    /// How many top and bottom posts to list.
    pub(super) top: usize,
    /// The denominator a post needs to be ranked, when the user gave one.
    pub(super) minimum: Option<f64>,
    /// The crisis flags' rule.
    pub(super) crisis: Rule,
}

/// Reports an option that cannot be used: its path, and why.
type Problem<'a> = dyn FnMut(&str, String) + 'a;

/// Reads `o`, with a message in `errors` for each option that cannot be used.
pub(super) fn read_options(
    o: &AnalysisOptions,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Settings {
    let mut err = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.to_string(),
            message,
        })
    };
    let (from, to) = read_period(o.period.as_ref(), lang, &mut err);
    let offset = read_offset(o.utc_offset_minutes, lang, &mut err);
    let hours = o
        .business_hours
        .as_ref()
        .and_then(|b| read_hours(b, lang, &mut err));
    let top = if (1..=100).contains(&o.top_posts) {
        o.top_posts
    } else {
        err(
            "top_posts",
            match lang {
                Lang::En => format!("expected 1 to 100, found {}", o.top_posts),
                Lang::Fr => format!("de 1 à 100 attendu, trouvé {}", o.top_posts),
            },
        );
        5
    };
    let minimum = match o.top_posts_minimum {
        Some(m) if m.is_finite() && m >= 0.0 => Some(m),
        Some(m) => {
            err(
                "top_posts_minimum",
                match lang {
                    Lang::En => format!("expected a number of 0 or more, found {m}"),
                    Lang::Fr => format!("un nombre positif ou nul attendu, trouvé {m}"),
                },
            );
            None
        }
        None => None,
    };
    let crisis = read_crisis(o, lang, &mut err);
    Settings {
        from,
        to,
        offset,
        hours,
        top,
        minimum,
        crisis,
    }
}

/// The first and last days of `period`; neither when they are the wrong way round.
fn read_period(
    period: Option<&Period>,
    lang: Lang,
    err: &mut Problem,
) -> (Option<Date>, Option<Date>) {
    let Some(p) = period else {
        return (None, None);
    };
    let from = read_date("period.from", &p.from, lang, err);
    let to = read_date("period.to", &p.to, lang, err);
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            err(
                "period.to",
                match lang {
                    Lang::En => format!("the period ends ({b}) before it starts ({a})"),
                    Lang::Fr => format!("la période finit ({b}) avant de commencer ({a})"),
                },
            );
            return (None, None);
        }
    }
    (from, to)
}

/// The day `text` of `field`; `None` when blank or not a date.
fn read_date(field: &str, text: &str, lang: Lang, err: &mut Problem) -> Option<Date> {
    if text.trim().is_empty() {
        return None;
    }
    let d = parse_date(text);
    if d.is_none() {
        err(
            field,
            match lang {
                Lang::En => format!("expected a date as YYYY-MM-DD, found \"{}\"", text.trim()),
                Lang::Fr => format!("une date AAAA-MM-JJ attendue, trouvé « {} »", text.trim()),
            },
        );
    }
    d
}

/// The report's clock: minutes east of UTC, from UTC−12 to UTC+14.
fn read_offset(minutes: Option<i32>, lang: Lang, err: &mut Problem) -> Option<i32> {
    match minutes {
        Some(m) if (-720..=840).contains(&m) => Some(m),
        Some(m) => {
            err(
                "utc_offset_minutes",
                match lang {
                    Lang::En => {
                        format!("expected minutes from -720 (UTC−12) to 840 (UTC+14), found {m}")
                    }
                    Lang::Fr => {
                        format!("des minutes de -720 (UTC−12) à 840 (UTC+14) attendues, trouvé {m}")
                    }
                },
            );
            None
        }
        None => None,
    }
}

/// Business hours: open days and times, the closing after the opening.
fn read_hours(b: &BusinessHours, lang: Lang, err: &mut Problem) -> Option<Hours> {
    let open = read_time("business_hours.start", &b.start, lang, err);
    let close = read_time("business_hours.end", &b.end, lang, err);
    let (open, close) = (open?, close?);
    if close <= open {
        err(
            "business_hours.end",
            lang.pick(
                "the closing time must come after the opening time",
                "l’heure de fermeture doit suivre l’heure d’ouverture",
            )
            .to_string(),
        );
        return None;
    }
    if b.days.is_empty() {
        err(
            "business_hours.days",
            lang.pick(
                "choose at least one open day",
                "choisissez au moins un jour d’ouverture",
            )
            .to_string(),
        );
        return None;
    }
    let mut days = [false; 7];
    for d in &b.days {
        if let Some(slot) = days.get_mut(usize::from(d.index())) {
            *slot = true;
        }
    }
    Some(Hours { days, open, close })
}

/// The time `text` of `field`, in seconds after midnight.
fn read_time(field: &str, text: &str, lang: Lang, err: &mut Problem) -> Option<i64> {
    let t = parse_hhmm(text);
    if t.is_none() {
        err(
            field,
            match lang {
                Lang::En => format!("expected a time as HH:MM, found \"{}\"", text.trim()),
                Lang::Fr => format!("une heure HH:MM attendue, trouvé « {} »", text.trim()),
            },
        );
    }
    t
}

/// The crisis flags' k and window, each replaced by its default when out of range.
fn read_crisis(o: &AnalysisOptions, lang: Lang, err: &mut Problem) -> Rule {
    let k = if o.crisis_k.is_finite() && (1.0..=10.0).contains(&o.crisis_k) {
        o.crisis_k
    } else {
        err(
            "crisis_k",
            match lang {
                Lang::En => format!("expected 1 to 10, found {}", o.crisis_k),
                Lang::Fr => format!("de 1 à 10 attendu, trouvé {}", o.crisis_k),
            },
        );
        DEFAULT_K
    };
    let window = if (7..=180).contains(&o.crisis_window_days) {
        o.crisis_window_days
    } else {
        err(
            "crisis_window_days",
            match lang {
                Lang::En => format!("expected 7 to 180 days, found {}", o.crisis_window_days),
                Lang::Fr => format!("de 7 à 180 jours attendu, trouvé {}", o.crisis_window_days),
            },
        );
        DEFAULT_WINDOW
    };
    Rule {
        k,
        window,
        min_history: MIN_HISTORY,
    }
}
