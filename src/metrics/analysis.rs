//! The analysis of a [`Dataset`]: one call, [`analyze`], gives one serialisable
//! [`AnalysisReport`] with every figure of engagement, growth, activity, time series and
//! cost, each with its formula and inputs or the reason it has none. The page and
//! `social-roi analyze --json` show exactly this.
//!
//! [`analysis_defaults`] gives the default [`AnalysisOptions`] and the presets with their labels,
//! explanations and sources, so the page keeps no second copy.

use super::activity::{self, ActivityReport, Hours, Weekday};
use super::cost::{self, CostReport, CountsIn, TypedCost};
use super::engagement::{
    self, network_key, Counted, EngagementRule, GroupRow, Interaction, PostFacts, PostRow, Preset,
    PresetInfo, Resolved,
};
use super::growth::{self, GrowthReport};
use super::series::{self, Heatmap, SeriesReport};
use crate::date::{Date, DateTime};
use crate::figure::{Figure, Unit};
use crate::form::{FieldError, Fields, Mark};
use crate::formula;
use crate::i18n::Lang;
use crate::model::{DailyRow, Dataset, Network, Post};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/// How to analyse. Every field has a default; unknown keys are rejected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalysisOptions {
    /// A named definition of engagement rate; `custom` uses `engagement`.
    pub preset: Preset,
    /// The engagement rule used when `preset` is `custom`.
    pub engagement: EngagementRule,
    /// Minutes east of UTC of the clock times are shown on (heatmap, best times, days of
    /// the series and period): times with an offset are moved to it; times without one are
    /// the account's local time and stay as they are. `null`: as the files wrote them.
    pub utc_offset_minutes: Option<i32>,
    /// Count only time inside these hours in response times; `null` for calendar time only.
    pub business_hours: Option<BusinessHours>,
    /// Only what happened in these days; `null` for everything in the files.
    pub period: Option<Period>,
    /// Costs typed by the user, for the cost link.
    pub costs: Vec<TypedCost>,
    /// Currency of ad rows whose file does not say; blank: unknown.
    pub ads_currency: String,
    /// How typed numbers write decimals; blank follows the language.
    pub decimal_mark: Option<Mark>,
    /// How many top and bottom posts to list (1–100).
    pub top_posts: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            preset: Preset::Custom,
            engagement: EngagementRule::recommended(),
            utc_offset_minutes: None,
            business_hours: None,
            period: None,
            costs: Vec::new(),
            ads_currency: String::new(),
            decimal_mark: None,
            top_posts: 5,
        }
    }
}

/// Business hours on the report's clock.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BusinessHours {
    /// Open days (`mon` … `sun`).
    pub days: Vec<Weekday>,
    /// Opening time, `HH:MM`.
    pub start: String,
    /// Closing time, `HH:MM`, after the opening.
    pub end: String,
}

impl Default for BusinessHours {
    /// Monday to Friday, 09:00 to 18:00.
    fn default() -> Self {
        BusinessHours {
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            start: "09:00".to_string(),
            end: "18:00".to_string(),
        }
    }
}

/// A range of days, both included; a blank end is open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Period {
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
}

/// One choice of a list the page offers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    /// The key used in JSON.
    pub key: &'static str,
    /// Its name in the language asked for.
    pub name: String,
}

/// What the page needs before the first analysis: default options and every choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnalysisDefaults {
    /// The default options.
    pub options: AnalysisOptions,
    /// Every preset, with its rule.
    pub presets: Vec<PresetInfo>,
    /// Every interaction.
    pub interactions: Vec<Choice>,
    /// Every denominator.
    pub denominators: Vec<Choice>,
    /// Both aggregations.
    pub aggregations: Vec<Choice>,
    /// Every network key of the rule's maps.
    pub networks: Vec<Choice>,
    /// The days of business hours.
    pub weekdays: Vec<Choice>,
    /// The business hours offered when the user turns them on (Monday to Friday, 09:00 to
    /// 18:00); `options.business_hours` stays `null` until then.
    pub business_hours: BusinessHours,
}

/// The default options and every choice, in `lang`.
pub fn analysis_defaults(lang: Lang) -> AnalysisDefaults {
    let days = [
        (Weekday::Mon, "mon", lang.pick("Monday", "lundi")),
        (Weekday::Tue, "tue", lang.pick("Tuesday", "mardi")),
        (Weekday::Wed, "wed", lang.pick("Wednesday", "mercredi")),
        (Weekday::Thu, "thu", lang.pick("Thursday", "jeudi")),
        (Weekday::Fri, "fri", lang.pick("Friday", "vendredi")),
        (Weekday::Sat, "sat", lang.pick("Saturday", "samedi")),
        (Weekday::Sun, "sun", lang.pick("Sunday", "dimanche")),
    ];
    let mut networks = vec![Choice {
        key: engagement::DEFAULT_KEY,
        name: lang.pick("Other networks", "Autres réseaux").to_string(),
    }];
    networks.extend(engagement::NETWORKS.iter().map(|n| Choice {
        key: network_key(*n),
        name: n.name().to_string(),
    }));
    AnalysisDefaults {
        options: AnalysisOptions::default(),
        presets: engagement::presets(lang),
        interactions: Interaction::ALL
            .iter()
            .map(|i| Choice {
                key: i.key(),
                name: i.name(lang).to_string(),
            })
            .collect(),
        denominators: engagement::Denominator::ALL
            .iter()
            .map(|d| Choice {
                key: d.key(),
                name: d.name(lang).to_string(),
            })
            .collect(),
        aggregations: engagement::Aggregation::ALL
            .iter()
            .map(|a| Choice {
                key: a.key(),
                name: a.name(lang).to_string(),
            })
            .collect(),
        networks,
        weekdays: days
            .iter()
            .map(|(_, key, name)| Choice {
                key,
                name: name.to_string(),
            })
            .collect(),
        business_hours: BusinessHours::default(),
    }
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// Everything the analysis shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnalysisReport {
    /// Options that could not be used, placed by their path (`period.from`); each is
    /// ignored and the rest of the report computed without it.
    pub errors: Vec<FieldError>,
    /// The tables the records came from (`book.xlsx › Sheet`), in the dataset's order: a
    /// post's `origin.file` is an index into this list.
    pub sources: Vec<String>,
    /// What the files lacked or held twice, and what was done about it.
    pub warnings: Vec<String>,
    /// The days analysed and how many records fell in them.
    pub range: Range,
    /// The engagement definition used.
    pub definition: Definition,
    /// Totals for the KPI cards: `posts`, `total_engagements`, `total_impressions`,
    /// `total_reach`, `total_views`, `total_clicks`.
    pub totals: Vec<Figure>,
    /// Engagement rates, Kaushik's rates, virality, CTR, posts, top and bottom posts,
    /// comparisons by network and post type.
    pub engagement: EngagementReport,
    /// Follower growth and posting frequency beside unfollows.
    pub growth: GrowthReport,
    /// Daily, weekly and monthly series.
    pub series: SeriesReport,
    /// Weekday × hour posting times.
    pub heatmap: Heatmap,
    /// The community manager's activity.
    pub activity: ActivityReport,
    /// Spend and unit costs, and the ROI calculator patch.
    pub costs: CostReport,
}

/// The days analysed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Range {
    /// First day (the period's, else the earliest post or daily row).
    pub from: Option<Date>,
    /// Last day.
    pub to: Option<Date>,
    /// Days from `from` to `to`, both included.
    pub days: Option<i64>,
    /// Whether a period was chosen.
    pub filtered: bool,
    /// Posts in the range.
    pub posts: usize,
    /// Daily rows in the range (after dropping duplicate days).
    pub daily_rows: usize,
    /// Ad rows in the range.
    pub ad_rows: usize,
    /// Messages received in the range.
    pub messages: usize,
}

/// The engagement definition used, in words and as data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    /// The preset's key (`custom` for the options' own rule).
    pub preset: &'static str,
    /// Its name.
    pub label: &'static str,
    /// What it computes.
    pub explanation: &'static str,
    /// Where it is published.
    pub sources: Vec<&'static str>,
    /// The rule used.
    pub rule: EngagementRule,
    /// What counts on each network of the files, and what the files lack.
    pub counted: Vec<Counted>,
    /// Where followers at posting time come from.
    pub followers: String,
    /// Which clock times and days are on.
    pub clock: String,
}

/// Engagement figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EngagementReport {
    /// The definition's own rate (id `engagement_rate`): the headline.
    pub rate: Figure,
    /// The same with the other aggregation (id `engagement_rate_other_aggregation`).
    pub rate_other_aggregation: Figure,
    /// By reach, impressions, followers and views, with the definition's interactions and
    /// aggregation (ids `engagement_rate_by_reach` …).
    pub by_denominator: Vec<Figure>,
    /// Kaushik's conversation, amplification and applause rates per post and per 1,000
    /// followers, virality and CTR.
    pub audience: Vec<Figure>,
    /// Every post in the range with its counts and rate: the per-post table and CSV.
    pub posts: Vec<PostRow>,
    /// Unit of the posts' `rate`.
    pub rate_unit: Unit,
    /// The posts with the highest rate, best first.
    pub top_posts: Vec<PostRow>,
    /// The posts with the lowest rate, worst first.
    pub bottom_posts: Vec<PostRow>,
    /// Why there are no top posts.
    pub top_posts_reason: Option<String>,
    /// One row per network.
    pub by_network: Vec<GroupRow>,
    /// One row per network and post type.
    pub by_type: Vec<GroupRow>,
}

formula! {
    /// Posts in the period.
    pub(crate) TOTAL_POSTS = "posts",
    en: "posts = number of posts published in the period",
    fr: "publications = nombre de publications de la période"
}
formula! {
    /// Engagements of the posts, as the definition counts them.
    pub(crate) TOTAL_ENGAGEMENTS = "total_engagements",
    en: "engagements = Σ interactions counted on each post",
    fr: "engagements = Σ interactions comptées sur chaque publication"
}
formula! {
    /// Impressions of the posts.
    pub(crate) TOTAL_IMPRESSIONS = "total_impressions",
    en: "impressions = Σ impressions of the posts",
    fr: "impressions = Σ impressions des publications"
}
formula! {
    /// Reach of the posts, added up: a person reached by two posts counts twice.
    pub(crate) TOTAL_REACH = "total_reach",
    en: "reach = Σ reach of the posts (a person reached by two posts counts twice)",
    fr: "portée = Σ portée des publications (une personne atteinte par deux publications compte deux fois)"
}
formula! {
    /// Views of the posts.
    pub(crate) TOTAL_VIEWS = "total_views",
    en: "views = Σ views of the posts",
    fr: "vues = Σ vues des publications"
}
formula! {
    /// Clicks of the posts (link clicks when the files have them).
    pub(crate) TOTAL_CLICKS = "total_clicks",
    en: "clicks = Σ clicks of the posts",
    fr: "clics = Σ clics des publications"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    TOTAL_POSTS,
    TOTAL_ENGAGEMENTS,
    TOTAL_IMPRESSIONS,
    TOTAL_REACH,
    TOTAL_VIEWS,
    TOTAL_CLICKS,
];

// ---------------------------------------------------------------------------------------------
// Reading the options
// ---------------------------------------------------------------------------------------------

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

struct Settings {
    from: Option<Date>,
    to: Option<Date>,
    offset: Option<i32>,
    hours: Option<Hours>,
    top: usize,
}

fn read_options(o: &AnalysisOptions, lang: Lang, errors: &mut Vec<FieldError>) -> Settings {
    let mut err = |field: &str, message: String| {
        errors.push(FieldError {
            field: field.to_string(),
            message,
        })
    };
    let date = |field: &str, text: &str, err: &mut dyn FnMut(&str, String)| {
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
    };
    let (mut from, mut to) = match &o.period {
        Some(p) => (
            date("period.from", &p.from, &mut err),
            date("period.to", &p.to, &mut err),
        ),
        None => (None, None),
    };
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            err(
                "period.to",
                match lang {
                    Lang::En => format!("the period ends ({b}) before it starts ({a})"),
                    Lang::Fr => format!("la période finit ({b}) avant de commencer ({a})"),
                },
            );
            (from, to) = (None, None);
        }
    }
    let offset = match o.utc_offset_minutes {
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
    };
    let hours = o.business_hours.as_ref().and_then(|b| {
        let time = |field: &str, text: &str, err: &mut dyn FnMut(&str, String)| {
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
        };
        let open = time("business_hours.start", &b.start, &mut err);
        let close = time("business_hours.end", &b.end, &mut err);
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
    });
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
    Settings {
        from,
        to,
        offset,
        hours,
        top,
    }
}

// ---------------------------------------------------------------------------------------------
// The analysis
// ---------------------------------------------------------------------------------------------

/// `dt` on the report's clock.
fn local(dt: DateTime, offset: Option<i32>) -> DateTime {
    offset.map_or(dt, |o| dt.at_offset(o))
}

fn within(d: Date, from: Option<Date>, to: Option<Date>) -> bool {
    from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)
}

/// Follower totals of the daily rows, to find a post's followers at posting time.
struct FollowerIndex<'a> {
    rows: Vec<&'a DailyRow>,
}

impl<'a> FollowerIndex<'a> {
    fn new(daily: &'a [DailyRow]) -> FollowerIndex<'a> {
        let mut rows: Vec<&DailyRow> = daily.iter().filter(|r| r.followers.is_some()).collect();
        super::sort_by_key(&mut rows, |r| (r.network, r.date));
        FollowerIndex { rows }
    }

    /// The follower total of the posting day, or of the last day before it, on the post's
    /// network and account.
    fn at(&self, post: &Post) -> Option<f64> {
        let day = post.published?.date;
        let end = self
            .rows
            .partition_point(|r| (r.network, r.date) <= (post.network, day));
        self.rows[..end]
            .iter()
            .rev()
            .take_while(|r| r.network == post.network)
            .find(|r| match (&r.account, &post.account) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            })
            .and_then(|r| r.followers)
    }
}

/// Analyses `data` with `options`, in `lang`.
pub fn analyze(data: &Dataset, options: &AnalysisOptions, lang: Lang) -> AnalysisReport {
    let mut errors = Vec::new();
    let s = read_options(options, lang, &mut errors);
    let mut warnings: Vec<String> = Vec::new();
    let filtered = s.from.is_some() || s.to.is_some();

    // Posts in the range, each with its publication time on the report's clock.
    let mut undated = 0;
    let mut posts: Vec<(&Post, Option<DateTime>)> = Vec::new();
    for p in &data.records.posts {
        let when = p.published.map(|w| local(w, s.offset));
        match when {
            Some(w) if within(w.date, s.from, s.to) => posts.push((p, Some(w))),
            Some(_) => {}
            None => {
                undated += 1;
                if !filtered {
                    posts.push((p, None));
                }
            }
        }
    }
    if undated > 0 {
        warnings.push(match (lang, filtered) {
            (Lang::En, false) => format!("{undated} post(s) have no date: counted in the totals, left out of the series, the heatmap and posts per week"),
            (Lang::Fr, false) => format!("{undated} publication(s) sans date : comptées dans les totaux, laissées hors des séries, de la carte horaire et du rythme de publication"),
            (Lang::En, true) => format!("{undated} post(s) have no date: left out, since a period is chosen"),
            (Lang::Fr, true) => format!("{undated} publication(s) sans date : laissées de côté, puisqu’une période est choisie"),
        });
    }

    // The rule, settled on the networks of the files.
    let mut resolved = Resolved::new(
        options.preset,
        &options.engagement,
        "engagement",
        lang,
        &mut errors,
    );
    let post_refs: Vec<&Post> = posts.iter().map(|(p, _)| *p).collect();
    let counted = resolved.settle(&post_refs, lang);
    for c in &counted {
        if !c.not_in_files.is_empty() {
            let names: Vec<&str> = c.not_in_files.iter().map(|i| i.name(lang)).collect();
            warnings.push(match lang {
                Lang::En => format!(
                    "{}: no post in the files reports {}: not counted",
                    c.network.name(),
                    names.join(", ")
                ),
                Lang::Fr => format!(
                    "{} : aucune publication des fichiers ne donne {} : non compté",
                    c.network.name(),
                    names.join(", ")
                ),
            });
        }
    }
    let followers = FollowerIndex::new(&data.records.daily);
    let (mut own_followers, mut day_followers, mut no_followers) = (0, 0, 0);
    let facts: Vec<PostFacts> = posts
        .iter()
        .map(|(p, _)| {
            let f = match p.metrics.followers_at_post {
                Some(f) => {
                    own_followers += 1;
                    Some(f)
                }
                None => match followers.at(p) {
                    Some(f) => {
                        day_followers += 1;
                        Some(f)
                    }
                    None => {
                        no_followers += 1;
                        None
                    }
                },
            };
            PostFacts {
                post: p,
                engagements: engagement::engagements(&p.metrics, resolved.interactions(p)),
                followers: f,
                denominator: resolved.denominator(p.network),
            }
        })
        .collect();
    for n in engagement::NETWORKS {
        let of_n: Vec<&PostFacts> = facts.iter().filter(|f| f.post.network == n).collect();
        let lacking = of_n
            .iter()
            .filter(|f| f.engagements.is_none() && !resolved.interactions(f.post).is_empty())
            .count();
        if lacking > 0 {
            warnings.push(match lang {
                Lang::En => format!(
                    "{lacking} of {} {} post(s) lack one of the interactions counted: left out of the engagement figures",
                    of_n.len(),
                    n.name()
                ),
                Lang::Fr => format!(
                    "{lacking} des {} publication(s) {} n’ont pas l’une des interactions comptées : laissées hors des chiffres d’engagement",
                    of_n.len(),
                    n.name()
                ),
            });
        }
    }
    let disagree = facts
        .iter()
        .filter(|f| {
            let m = &f.post.metrics;
            match (m.platform_engagement_rate, m.engagements, m.impressions) {
                (Some(r), Some(e), Some(i)) if i > 0.0 => {
                    (r - e / i).abs() > 1e-9 * r.abs().max(1e-6)
                }
                _ => false,
            }
        })
        .count();
    if disagree > 0 {
        warnings.push(match lang {
            Lang::En => format!("{disagree} post(s): the platform’s own engagement rate differs from its engagements ÷ impressions"),
            Lang::Fr => format!("{disagree} publication(s) : le taux d’engagement de la plateforme diffère de ses engagements ÷ impressions"),
        });
    }
    let followers_text = match lang {
        Lang::En => format!("followers at posting time: from the post’s own column for {own_followers} post(s), from the daily follower total of the posting day (or the last day before it) for {day_followers}, unknown for {no_followers}"),
        Lang::Fr => format!("abonnés au moment de la publication : colonne de la publication pour {own_followers} publication(s), total d’abonnés du jour de publication (ou du dernier jour avant) pour {day_followers}, inconnus pour {no_followers}"),
    };
    let rule = resolved.rule.clone();
    let scale = if rule.per_thousand { 1000.0 } else { 1.0 };
    let rate_unit = if rule.per_thousand {
        Unit::PerThousand
    } else {
        Unit::Ratio
    };

    // Engagement.
    let set = engagement::engagement_rates(&facts, &resolved, lang);
    let audience = engagement::audience_figures(&facts, lang);
    let (top_posts, bottom_posts) = engagement::top_and_bottom(&facts, scale, s.top);
    let top_posts_reason = top_posts.is_empty().then(|| {
        set.rate
            .reason
            .clone()
            .unwrap_or_else(|| engagement::no_posts(lang))
    });
    let by_network = engagement::groups(
        &facts,
        &resolved,
        |p| {
            (
                network_key(p.network).to_string(),
                p.network.name().to_string(),
            )
        },
        lang,
    );
    let by_type = engagement::groups(&facts, &resolved, |p| engagement::kind_key(p, lang), lang);
    let totals = totals(&facts, lang);

    // Daily rows in the range, by account, without duplicate days.
    let daily: Vec<&DailyRow> = data
        .records
        .daily
        .iter()
        .filter(|r| within(r.date, s.from, s.to))
        .collect();
    let (groups, duplicates) = growth::by_account(&daily);
    if duplicates > 0 {
        warnings.push(match lang {
            Lang::En => format!("{duplicates} daily row(s) repeat a day already read for the same account: the first one is kept"),
            Lang::Fr => format!("{duplicates} ligne(s) quotidienne(s) répètent un jour déjà lu pour le même compte : la première est gardée"),
        });
    }
    let daily_rows: usize = groups.iter().map(Vec::len).sum();

    // The range of days.
    let post_days: Vec<Date> = posts
        .iter()
        .filter_map(|(_, w)| w.map(|w| w.date))
        .collect();
    let data_days = post_days
        .iter()
        .copied()
        .chain(groups.iter().flatten().map(|r| r.date));
    let from = s.from.or_else(|| data_days.clone().min());
    let to = s.to.or_else(|| data_days.max());
    let days = match (from, to) {
        (Some(a), Some(b)) => Some(activity::days_between(a, b)),
        _ => None,
    };

    let growth = growth::growth(&groups, &post_days, lang);

    let dated: Vec<(Date, PostFacts)> = posts
        .iter()
        .zip(&facts)
        .filter_map(|((_, w), f)| w.map(|w| (w.date, *f)))
        .collect();
    let series = series::series(
        &series::Inputs {
            posts: &dated,
            groups: &groups,
            aggregation: rule.aggregation,
            scale,
            rate_unit,
        },
        from,
        to,
        lang,
    );
    let timed: Vec<(Option<DateTime>, PostFacts)> = posts
        .iter()
        .zip(&facts)
        .map(|((_, w), f)| (*w, *f))
        .collect();
    let heatmap = series::heatmap(&timed, s.offset, rule.aggregation, scale, rate_unit, lang);

    // Activity.
    let span = days.unwrap_or(0);
    let posts_per_week = activity::posts_per_week(
        "posts_per_week",
        lang.pick("Posts per week", "Publications par semaine"),
        post_days.len(),
        span,
        lang,
    );
    let mut per_network: Vec<(Network, usize)> = Vec::new();
    for (p, w) in &posts {
        if w.is_none() {
            continue;
        }
        match per_network.iter_mut().find(|(n, _)| *n == p.network) {
            Some(e) => e.1 += 1,
            None => per_network.push((p.network, 1)),
        }
    }
    super::sort_by_key(&mut per_network, |x| *x);
    let posts_per_week_by_network = if per_network.len() > 1 {
        activity::posts_per_week_by_network(&per_network, span, lang)
    } else {
        Vec::new()
    };
    let messages: Vec<(DateTime, Option<DateTime>, &crate::model::Message)> = data
        .records
        .messages
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
    let activity = ActivityReport {
        posts_per_week,
        posts_per_week_by_network,
        responses,
        by_channel,
        business_hours_clock: s.hours.as_ref().map(|_| series::clock_text(s.offset, lang)),
    };

    // Costs.
    let mut beyond = 0;
    let ads: Vec<&crate::model::AdRow> = data
        .records
        .ads
        .iter()
        .filter(|r| {
            let (meets, past) = cost::in_period(r, s.from, s.to);
            beyond += usize::from(past);
            meets
        })
        .collect();
    if beyond > 0 {
        warnings.push(match lang {
            Lang::En => format!("{beyond} ad row(s) run beyond the period: their whole spend and counts are included"),
            Lang::Fr => format!("{beyond} ligne(s) publicitaire(s) débordent de la période : toute leur dépense et leurs chiffres sont comptés"),
        });
    }
    let no_spend = ads.iter().filter(|r| r.spend.is_none()).count();
    if no_spend > 0 {
        warnings.push(match lang {
            Lang::En => {
                format!("{no_spend} ad row(s) have no amount spent: counted as unknown, not zero")
            }
            Lang::Fr => format!(
                "{no_spend} ligne(s) publicitaire(s) sans montant dépensé : inconnu, pas zéro"
            ),
        });
    }
    let mut fields = Fields::new(lang, options.decimal_mark);
    let ads_currency = {
        let code = options.ads_currency.trim();
        if code.is_empty() {
            None
        } else {
            match crate::money::Currency::find(code) {
                Some(c) => Some(c.code),
                None => {
                    fields.error("ads_currency", cost::unknown_currency(code, lang));
                    None
                }
            }
        }
    };
    let ad_codes: Vec<String> = {
        let mut v: Vec<String> = ads
            .iter()
            .filter_map(|r| r.currency.clone().or(ads_currency.map(str::to_string)))
            .map(|c| c.trim().to_uppercase())
            .collect();
        super::sort_by(&mut v, String::cmp);
        v.dedup();
        v
    };
    let default_currency = match ad_codes.as_slice() {
        [one] => one.as_str(),
        _ => "EUR",
    };
    let typed = cost::read_typed(&options.costs, default_currency, &mut fields, lang);
    errors.extend(fields.errors);
    let counts = cost_counts(&totals, &growth, lang);
    let costs = cost::costs(&ads, ads_currency, &typed, &counts, lang);

    let range = Range {
        from,
        to,
        days,
        filtered,
        posts: posts.len(),
        daily_rows,
        ad_rows: ads.len(),
        messages: messages.len(),
    };
    let preset = resolved.preset;
    let definition = Definition {
        preset: preset.key(),
        label: preset.label(lang),
        explanation: preset.explanation(lang),
        sources: preset.sources().to_vec(),
        rule,
        counted,
        followers: followers_text,
        clock: series::clock_text(s.offset, lang),
    };
    let posts_rows = facts
        .iter()
        .map(|f| engagement::post_row(f, scale))
        .collect();
    AnalysisReport {
        errors,
        sources: data.files.clone(),
        warnings,
        range,
        definition,
        totals,
        engagement: EngagementReport {
            rate: set.rate,
            rate_other_aggregation: set.rate_other_aggregation,
            by_denominator: set.by_denominator,
            audience,
            posts: posts_rows,
            rate_unit,
            top_posts,
            bottom_posts,
            top_posts_reason,
            by_network,
            by_type,
        },
        growth,
        series,
        heatmap,
        activity,
        costs,
    }
}

fn totals(facts: &[PostFacts], lang: Lang) -> Vec<Figure> {
    let posts = Figure::of(
        TOTAL_POSTS,
        lang.pick("Posts", "Publications"),
        Unit::Count,
        lang,
    )
    .value(facts.len() as f64, lang);
    let click = engagement::click_kind(facts);
    let sum = |f: formula::Formula, label: &str, v: &dyn Fn(&PostFacts) -> Option<f64>| {
        let fig = Figure::of(f, label, Unit::Count, lang);
        let known: Vec<f64> = facts.iter().filter_map(v).collect();
        if facts.is_empty() {
            fig.unavailable(engagement::no_posts(lang))
        } else if known.is_empty() {
            fig.unavailable(match lang {
                Lang::En => format!("no post in the files has {}", label.to_lowercase()),
                Lang::Fr => format!(
                    "aucune publication des fichiers n’a de {}",
                    label.to_lowercase()
                ),
            })
        } else {
            fig.input(
                lang.pick("posts with a value", "publications avec une valeur"),
                known.len() as f64,
                Unit::Count,
            )
            .value(known.iter().sum(), lang)
        }
    };
    vec![
        posts,
        sum(
            TOTAL_ENGAGEMENTS,
            lang.pick("Engagements", "Engagements"),
            &|f| f.engagements,
        ),
        sum(
            TOTAL_IMPRESSIONS,
            lang.pick("Impressions", "Impressions"),
            &|f| f.post.metrics.impressions,
        ),
        sum(TOTAL_REACH, lang.pick("Reach", "Portée"), &|f| {
            f.post.metrics.reach
        }),
        sum(TOTAL_VIEWS, lang.pick("Views", "Vues"), &|f| {
            f.post.metrics.views
        }),
        sum(
            TOTAL_CLICKS,
            if click == Interaction::LinkClicks {
                lang.pick("Link clicks", "Clics sur le lien")
            } else {
                lang.pick("Clicks", "Clics")
            },
            &|f| click.of(&f.post.metrics),
        ),
    ]
}

/// The counts the cost link divides by, with where each comes from.
fn cost_counts(totals: &[Figure], growth: &GrowthReport, lang: Lang) -> CountsIn {
    let total = |id: &str| totals.iter().find(|f| f.id == id).and_then(Figure::get);
    let with = |v: Option<f64>, name: &str| v.map(|v| (v, name.to_string()));
    let new_follows: Option<Vec<f64>> = (!growth.networks.is_empty())
        .then(|| {
            growth
                .networks
                .iter()
                .map(|n| {
                    n.figures
                        .iter()
                        .find(|f| f.id == "new_follows")
                        .and_then(Figure::get)
                })
                .collect()
        })
        .flatten();
    let net: Option<Vec<f64>> = (!growth.networks.is_empty())
        .then(|| {
            growth
                .networks
                .iter()
                .map(|n| {
                    n.figures
                        .iter()
                        .find(|f| f.id == "net_follower_growth")
                        .and_then(Figure::get)
                })
                .collect()
        })
        .flatten();
    let new_followers = match (new_follows, net) {
        (Some(v), _) => Some((
            v.iter().sum(),
            lang.pick("new follows of the daily rows", "nouveaux abonnements des lignes quotidiennes")
                .to_string(),
        )),
        (None, Some(v)) => Some((
            v.iter().sum(),
            lang.pick(
                "net follower growth of the daily rows (no new follows in the files)",
                "croissance nette des abonnés des lignes quotidiennes (pas de nouveaux abonnements dans les fichiers)",
            )
            .to_string(),
        )),
        _ => None,
    };
    CountsIn {
        engagements: with(
            total("total_engagements"),
            lang.pick("engagements of the posts", "engagements des publications"),
        ),
        impressions: with(
            total("total_impressions"),
            lang.pick("impressions of the posts", "impressions des publications"),
        ),
        clicks: with(
            total("total_clicks"),
            lang.pick("clicks of the posts", "clics des publications"),
        ),
        new_followers,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_of_analyze() {
        use crate::metrics::analysis::{analyze, AnalysisOptions};
        use crate::model::Dataset;
        use crate::Lang;
        let report = analyze(&Dataset::default(), &AnalysisOptions::default(), Lang::En);
        assert_eq!(
            report.engagement.rate.reason.as_deref(),
            Some("no posts in the files for this period")
        );
    }
}
