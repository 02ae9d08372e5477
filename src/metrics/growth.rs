//! Follower growth from the daily rows: net growth, growth rate and churn rate over the
//! period, per network (and account), and posting frequency beside unfollows, week by week.
//!
//! Daily exports say it in one of three ways, used in this order: new follows and unfollows
//! (X overview, legacy Facebook "Daily New Likes" / "Daily Unlikes"), a net change (TikTok
//! "Difference in followers"), or follower totals (TikTok follower history). The report says
//! which one each network's figures come from.

use crate::date::Date;
use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::formula;
use crate::i18n::Lang;
use crate::model::{DailyRow, Network};
use serde::Serialize;

formula! {
    /// Follows gained over the period.
    NEW_FOLLOWS = "new_follows",
    en: "new follows = Σ daily new follows",
    fr: "nouveaux abonnements = Σ nouveaux abonnements du jour"
}
formula! {
    /// Follows lost over the period.
    UNFOLLOWS = "unfollows",
    en: "unfollows = Σ daily unfollows",
    fr: "désabonnements = Σ désabonnements du jour"
}
formula! {
    /// Net growth from new follows and unfollows.
    NET_FROM_FOLLOWS = "net_follower_growth.from_follows",
    en: "net follower growth = Σ new follows − Σ unfollows",
    fr: "croissance nette des abonnés = Σ nouveaux abonnements − Σ désabonnements"
}
formula! {
    /// Net growth from daily net changes.
    NET_FROM_CHANGES = "net_follower_growth.from_changes",
    en: "net follower growth = Σ daily net changes",
    fr: "croissance nette des abonnés = Σ variations nettes du jour"
}
formula! {
    /// Net growth from follower totals (the first day's own change is before the start).
    NET_FROM_TOTALS = "net_follower_growth.from_totals",
    en: "net follower growth = followers at the end of the last day − followers at the end of the first day",
    fr: "croissance nette des abonnés = abonnés à la fin du dernier jour − abonnés à la fin du premier jour"
}
formula! {
    /// Followers before the first day, from a day's total and the changes up to it.
    FOLLOWERS_START_DERIVED = "followers_start.from_changes",
    en: "followers at the start = follower total of a day − net changes from the first day to that day",
    fr: "abonnés au départ = total d’abonnés d’un jour − variations nettes du premier jour à ce jour"
}
formula! {
    /// Followers at the start when only totals are known.
    FOLLOWERS_START_TOTAL = "followers_start.from_totals",
    en: "followers at the start = follower total at the end of the first day",
    fr: "abonnés au départ = total d’abonnés à la fin du premier jour"
}
formula! {
    /// Followers at the end of the period.
    FOLLOWERS_END = "followers_end",
    en: "followers at the end = follower total of the last day that has one",
    fr: "abonnés à la fin = total d’abonnés du dernier jour qui en a un"
}
formula! {
    /// Growth rate over the period.
    GROWTH_RATE = "follower_growth_rate",
    en: "follower growth rate = net follower growth ÷ followers at the start",
    fr: "taux de croissance des abonnés = croissance nette ÷ abonnés au départ"
}
formula! {
    /// Churn rate over the period.
    CHURN_RATE = "churn_rate",
    en: "churn rate = Σ unfollows ÷ followers at the start",
    fr: "taux d’attrition = Σ désabonnements ÷ abonnés au départ"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    NEW_FOLLOWS,
    UNFOLLOWS,
    NET_FROM_FOLLOWS,
    NET_FROM_CHANGES,
    NET_FROM_TOTALS,
    FOLLOWERS_START_DERIVED,
    FOLLOWERS_START_TOTAL,
    FOLLOWERS_END,
    GROWTH_RATE,
    CHURN_RATE,
];

/// Where a network's growth figures come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GrowthSource {
    /// Daily new follows and unfollows.
    FollowsAndUnfollows,
    /// Daily net changes (or new follows and unfollows on some days).
    NetChanges,
    /// Daily follower totals.
    FollowerTotals,
    /// New follows only, with neither unfollows nor totals (LinkedIn's followers file):
    /// no net growth.
    NewFollowsOnly,
    /// Nothing usable.
    None,
}

impl GrowthSource {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            GrowthSource::FollowsAndUnfollows => lang.pick(
                "from daily new follows and unfollows",
                "d’après les abonnements et désabonnements du jour",
            ),
            GrowthSource::NetChanges => lang.pick(
                "from daily net changes",
                "d’après les variations nettes du jour",
            ),
            GrowthSource::FollowerTotals => lang.pick(
                "from daily follower totals",
                "d’après les totaux d’abonnés du jour",
            ),
            GrowthSource::NewFollowsOnly => lang.pick(
                "the daily rows have new follows but neither unfollows nor follower totals: net growth needs one of them",
                "les lignes quotidiennes ont les nouveaux abonnements mais ni désabonnements ni totaux d’abonnés\u{a0}: la croissance nette a besoin de l’un des deux",
            ),
            GrowthSource::None => lang.pick(
                "the daily rows have no follower counts",
                "les lignes quotidiennes n’ont aucun chiffre d’abonnés",
            ),
        }
    }
}

/// One network's (and account's) growth.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NetworkGrowth {
    /// The network.
    pub network: Network,
    /// The account, when the export names it.
    pub account: Option<String>,
    /// Where the figures come from.
    pub source: GrowthSource,
    /// The same, in words.
    pub source_text: String,
    /// First day of its rows.
    pub first_day: Date,
    /// Last day of its rows.
    pub last_day: Date,
    /// Days with a row.
    pub days: usize,
    /// `new_follows`, `unfollows`, `net_follower_growth`, `followers_start`,
    /// `followers_end`, `follower_growth_rate`, `churn_rate`.
    pub figures: Vec<Figure>,
}

/// One week: posts published beside follows and unfollows, to see whether over-posting
/// makes fans leave.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeekRow {
    /// Its Monday.
    pub week_start: Date,
    /// Posts published that week (from the posts, else the daily rows' post counts).
    pub posts: Option<Finite>,
    /// Σ new follows of its days with one.
    pub new_follows: Option<Finite>,
    /// Σ unfollows of its days with one.
    pub unfollows: Option<Finite>,
    /// Σ net changes.
    pub net: Option<Finite>,
    /// Days of the week with a daily row.
    pub days: usize,
}

/// Follower growth over the period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GrowthReport {
    /// One entry per network and account.
    pub networks: Vec<NetworkGrowth>,
    /// The networks added up, when there are several and each has a net growth.
    pub total: Vec<Figure>,
    /// Posting frequency beside unfollows, per week.
    pub weekly: Vec<WeekRow>,
    /// Where the weekly posts come from.
    pub weekly_posts_source: Option<String>,
    /// Why there is nothing, when there is nothing.
    pub reason: Option<String>,
}

/// A day's net change, when the row gives one.
pub(crate) fn net_change(r: &DailyRow) -> Option<f64> {
    r.net_follows
        .or_else(|| Some(r.new_follows? - r.unfollows?))
}

fn label(id: &str, lang: Lang) -> &'static str {
    match id {
        "new_follows" => lang.pick("New follows", "Nouveaux abonnements"),
        "unfollows" => lang.pick("Unfollows", "Désabonnements"),
        "net_follower_growth" => lang.pick("Net follower growth", "Croissance nette des abonnés"),
        "followers_start" => lang.pick("Followers at the start", "Abonnés au départ"),
        "followers_end" => lang.pick("Followers at the end", "Abonnés à la fin"),
        "follower_growth_rate" => {
            lang.pick("Follower growth rate", "Taux de croissance des abonnés")
        }
        _ => lang.pick("Churn rate", "Taux d’attrition"),
    }
}

fn fig(f: formula::Formula, unit: Unit, lang: Lang) -> Figure {
    Figure::of(f, label(f.metric(), lang), unit, lang)
}

/// Where one network's figures come from: follows and unfollows on every day, else net
/// changes, else at least two follower totals (or the one of a single day).
fn source_of(rows: &[&DailyRow], follower_totals: &[(usize, f64)]) -> GrowthSource {
    if rows
        .iter()
        .all(|r| r.new_follows.is_some() && r.unfollows.is_some())
    {
        GrowthSource::FollowsAndUnfollows
    } else if rows.iter().all(|r| net_change(r).is_some()) {
        GrowthSource::NetChanges
    } else if follower_totals.len() >= 2 || (follower_totals.len() == 1 && rows.len() == 1) {
        GrowthSource::FollowerTotals
    } else if rows.iter().any(|r| r.new_follows.is_some()) {
        GrowthSource::NewFollowsOnly
    } else {
        GrowthSource::None
    }
}

/// The sum of `field` over the days that have it, and how many do.
fn sum_of(rows: &[&DailyRow], field: fn(&DailyRow) -> Option<f64>) -> Option<(f64, usize)> {
    let v: Vec<f64> = rows.iter().filter_map(|r| field(r)).collect();
    (!v.is_empty()).then(|| (v.iter().sum(), v.len()))
}

fn days_name(lang: Lang) -> &'static str {
    lang.pick("days", "jours")
}

/// `formula`: the sum of `field` over the days, when every day has it; else that only some
/// have `what`, or `none` when no day has it.
fn summed(
    rows: &[&DailyRow],
    formula: formula::Formula,
    field: fn(&DailyRow) -> Option<f64>,
    what: &str,
    none: &str,
    lang: Lang,
) -> Figure {
    let fig = fig(formula, Unit::Count, lang);
    match sum_of(rows, field) {
        Some((s, n)) if n == rows.len() => fig
            .input(days_name(lang), rows.len() as f64, Unit::Count)
            .value(s, lang),
        Some((_, n)) => fig.unavailable(match lang {
            Lang::En => format!("only {n} of the {} days have {what}", rows.len()),
            Lang::Fr => format!("seuls {n} des {} jours ont des {what}", rows.len()),
        }),
        None => fig.unavailable(none),
    }
}

/// Followers at the start, and the formula that found them.
type FollowersAtStart = Option<(f64, formula::Formula)>;

/// Net growth from `source`, and the followers at the start when a follower total gives them.
fn net_growth(
    rows: &[&DailyRow],
    source: GrowthSource,
    follower_totals: &[(usize, f64)],
    lang: Lang,
) -> (Figure, FollowersAtStart) {
    match source {
        GrowthSource::FollowsAndUnfollows | GrowthSource::NetChanges => {
            let total: f64 = rows.iter().filter_map(|r| net_change(r)).sum();
            let start = follower_totals.first().map(|&(i, f)| {
                let before: f64 = rows[..=i].iter().filter_map(|r| net_change(r)).sum();
                (f - before, FOLLOWERS_START_DERIVED)
            });
            let f = if source == GrowthSource::FollowsAndUnfollows {
                let (n, u) = (
                    rows.iter().filter_map(|r| r.new_follows).sum::<f64>(),
                    rows.iter().filter_map(|r| r.unfollows).sum::<f64>(),
                );
                fig(NET_FROM_FOLLOWS, Unit::Count, lang)
                    .input(
                        lang.pick("new follows", "nouveaux abonnements"),
                        n,
                        Unit::Count,
                    )
                    .input(lang.pick("unfollows", "désabonnements"), u, Unit::Count)
            } else {
                fig(NET_FROM_CHANGES, Unit::Count, lang).input(
                    days_name(lang),
                    rows.len() as f64,
                    Unit::Count,
                )
            };
            (f.value(total, lang), start)
        }
        GrowthSource::FollowerTotals => net_from_totals(follower_totals, lang),
        GrowthSource::None | GrowthSource::NewFollowsOnly => (
            fig(NET_FROM_CHANGES, Unit::Count, lang).unavailable(source.describe(lang)),
            None,
        ),
    }
}

/// Net growth from the first and last follower totals, the first being the start.
fn net_from_totals(follower_totals: &[(usize, f64)], lang: Lang) -> (Figure, FollowersAtStart) {
    let f = fig(NET_FROM_TOTALS, Unit::Count, lang);
    match (follower_totals.first(), follower_totals.last()) {
        (Some(&(i, a)), Some(&(j, b))) if j > i => {
            let f = f
                .input(
                    lang.pick("followers at the end", "abonnés à la fin"),
                    b,
                    Unit::Count,
                )
                .input(
                    lang.pick("followers at the start", "abonnés au départ"),
                    a,
                    Unit::Count,
                )
                .value(b - a, lang);
            (f, Some((a, FOLLOWERS_START_TOTAL)))
        }
        _ => (
            f.unavailable(lang.pick(
                "one day of follower totals only: growth needs at least two days",
                "un seul jour de totaux d’abonnés : la croissance en demande au moins deux",
            )),
            None,
        ),
    }
}

fn no_start(lang: Lang) -> &'static str {
    lang.pick(
        "no follower total in the daily rows to start from",
        "aucun total d’abonnés dans les lignes quotidiennes pour point de départ",
    )
}

/// `num` (named `num_name`) ÷ the followers at the start; `why` says why `num` is unknown.
fn per_start(
    f: formula::Formula,
    num: Option<f64>,
    num_name: &str,
    why: String,
    start: FollowersAtStart,
    lang: Lang,
) -> Figure {
    let fig = fig(f, Unit::Ratio, lang);
    match (num, start) {
        (None, _) => fig.unavailable(why),
        (Some(_), None) => fig.unavailable(no_start(lang)),
        (Some(_), Some((s, _))) if s <= 0.0 => fig.unavailable(lang.pick(
            "followers at the start are zero: nothing to divide by",
            "aucun abonné au départ : rien par quoi diviser",
        )),
        (Some(n), Some((s, _))) => fig
            .input(num_name, n, Unit::Count)
            .input(
                lang.pick("followers at the start", "abonnés au départ"),
                s,
                Unit::Count,
            )
            .value(n / s, lang),
    }
}

/// Growth of one network's rows, sorted by day and without duplicate days.
fn network_growth(rows: &[&DailyRow], lang: Lang) -> Option<NetworkGrowth> {
    let first = rows.first()?;
    let last = rows.last()?;
    let follower_totals: Vec<(usize, f64)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, r.followers?)))
        .collect();
    let source = source_of(rows, &follower_totals);
    let new_follows = summed(
        rows,
        NEW_FOLLOWS,
        |r| r.new_follows,
        lang.pick("new follows", "nouveaux abonnements"),
        lang.pick(
            "the daily rows have no new follows",
            "les lignes quotidiennes n’ont pas de nouveaux abonnements",
        ),
        lang,
    );
    let unfollows = summed(
        rows,
        UNFOLLOWS,
        |r| r.unfollows,
        lang.pick("unfollows", "désabonnements"),
        lang.pick(
            "the daily rows have no unfollows",
            "les lignes quotidiennes n’ont pas de désabonnements",
        ),
        lang,
    );
    let (net, start) = net_growth(rows, source, &follower_totals, lang);
    Some(NetworkGrowth {
        network: first.network,
        account: first.account.clone(),
        source,
        source_text: source.describe(lang).to_string(),
        first_day: first.date,
        last_day: last.date,
        days: rows.len(),
        figures: figures(
            rows,
            &follower_totals,
            new_follows,
            unfollows,
            net,
            start,
            lang,
        ),
    })
}

/// The figures of one network, in the order [`NetworkGrowth::figures`] lists them.
fn figures(
    rows: &[&DailyRow],
    follower_totals: &[(usize, f64)],
    new_follows: Figure,
    unfollows: Figure,
    net: Figure,
    start: FollowersAtStart,
    lang: Lang,
) -> Vec<Figure> {
    let followers_start = match start {
        Some((v, f)) => fig(f, Unit::Count, lang).value(v, lang),
        None => fig(FOLLOWERS_START_TOTAL, Unit::Count, lang).unavailable(no_start(lang)),
    };
    let followers_end = match follower_totals.last() {
        Some(&(_, v)) => fig(FOLLOWERS_END, Unit::Count, lang).value(v, lang),
        None => fig(FOLLOWERS_END, Unit::Count, lang).unavailable(no_start(lang)),
    };
    let growth_rate = per_start(
        GROWTH_RATE,
        net.get(),
        lang.pick("net follower growth", "croissance nette des abonnés"),
        net.reason.clone().unwrap_or_default(),
        start,
        lang,
    );
    let all_unfollows = sum_of(rows, |r| r.unfollows).filter(|(_, n)| *n == rows.len());
    let churn_rate = per_start(
        CHURN_RATE,
        all_unfollows.map(|(s, _)| s),
        lang.pick("unfollows", "désabonnements"),
        unfollows.reason.clone().unwrap_or_default(),
        start,
        lang,
    );
    vec![
        new_follows,
        unfollows,
        net,
        followers_start,
        followers_end,
        growth_rate,
        churn_rate,
    ]
}

/// Groups daily rows by network and account, sorted by day; duplicate days (the same day in
/// two files) keep the first row and are counted in the second value.
pub(crate) fn by_account<'a>(rows: &[&'a DailyRow]) -> (Vec<Vec<&'a DailyRow>>, usize) {
    let mut groups: Vec<Vec<&'a DailyRow>> = Vec::new();
    for r in rows {
        match groups
            .iter_mut()
            .find(|g| g[0].network == r.network && g[0].account == r.account)
        {
            Some(g) => g.push(r),
            None => groups.push(vec![r]),
        }
    }
    let mut duplicates = 0;
    for g in &mut groups {
        crate::metrics::sort_by_key(g, |r| r.date);
        let before = g.len();
        g.dedup_by_key(|r| r.date);
        duplicates += before - g.len();
    }
    crate::metrics::sort_by(&mut groups, |a, b| {
        (a[0].network, &a[0].account).cmp(&(b[0].network, &b[0].account))
    });
    (groups, duplicates)
}

/// Growth of every network, and the weeks' posts beside unfollows. `post_days` are the
/// local days posts were published on (empty when the files have no dated posts).
pub(crate) fn growth(groups: &[Vec<&DailyRow>], post_days: &[Date], lang: Lang) -> GrowthReport {
    let networks: Vec<NetworkGrowth> = groups
        .iter()
        .filter_map(|g| network_growth(g, lang))
        .collect();
    let total = if networks.len() > 1 {
        all_networks(&networks, lang)
    } else {
        Vec::new()
    };
    let (weekly, weekly_posts_source) = weekly(groups, post_days, lang);
    let reason = groups.is_empty().then(|| {
        lang.pick(
            "no daily account rows in the files (X overview, Facebook page insights, TikTok follower history, LinkedIn followers)",
            "aucune ligne quotidienne de compte dans les fichiers (aperçu X, statistiques de page Facebook, historique des abonnés TikTok, abonnés LinkedIn)",
        )
        .to_string()
    });
    GrowthReport {
        networks,
        total,
        weekly,
        weekly_posts_source,
        reason,
    }
}

/// The label of a figure of all networks together.
fn all_label(id: &str, lang: Lang) -> String {
    format!(
        "{} ({})",
        label(id, lang),
        lang.pick("all networks", "tous réseaux")
    )
}

/// The networks' net growth, followers at the start and growth rate added up.
fn all_networks(networks: &[NetworkGrowth], lang: Lang) -> Vec<Figure> {
    let net = network_sum(networks, NET_FROM_CHANGES, "net_follower_growth", lang);
    let start = network_sum(networks, FOLLOWERS_START_DERIVED, "followers_start", lang);
    let rate = Figure::custom(
        "total_follower_growth_rate",
        &all_label("follower_growth_rate", lang),
        Unit::Ratio,
        GROWTH_RATE.text(lang),
    );
    let rate = match (net.get(), start.get()) {
        (Some(n), Some(s)) if s > 0.0 => rate
            .input(
                lang.pick("net follower growth", "croissance nette des abonnés"),
                n,
                Unit::Count,
            )
            .input(
                lang.pick("followers at the start", "abonnés au départ"),
                s,
                Unit::Count,
            )
            .value(n / s, lang),
        _ => rate.unavailable(lang.pick(
            "needs every network’s net growth and followers at the start",
            "il faut la croissance nette et les abonnés au départ de chaque réseau",
        )),
    };
    vec![net, start, rate]
}

/// The sum of every network's figure `id` (id `total_…`, with the formula `f`), when every
/// network has it.
fn network_sum(networks: &[NetworkGrowth], f: formula::Formula, id: &str, lang: Lang) -> Figure {
    let fig = Figure::custom(
        &format!("total_{id}"),
        &all_label(id, lang),
        Unit::Count,
        f.text(lang),
    );
    let values: Option<Vec<f64>> = networks
        .iter()
        .map(|n| n.figures.iter().find(|f| f.id == id).and_then(Figure::get))
        .collect();
    match values {
        Some(v) => networks
            .iter()
            .zip(&v)
            .fold(fig, |fig, (n, x)| {
                fig.input(n.network.name(), *x, Unit::Count)
            })
            .value(v.iter().sum(), lang),
        None => fig.unavailable(lang.pick(
            "not every network has this figure",
            "tous les réseaux n’ont pas ce chiffre",
        )),
    }
}

/// At most this many weeks in the weekly table.
const MAX_WEEKS: i64 = 1000;

/// Posting frequency beside follows and unfollows, week by week, over the daily rows and
/// the posts' days; and where the weekly posts come from.
fn weekly(
    groups: &[Vec<&DailyRow>],
    post_days: &[Date],
    lang: Lang,
) -> (Vec<WeekRow>, Option<String>) {
    let rows: Vec<&DailyRow> = groups.iter().flatten().copied().collect();
    let days = rows.iter().map(|r| r.date).chain(post_days.iter().copied());
    let (Some(first), Some(last)) = (days.clone().min(), days.max()) else {
        return (Vec::new(), None);
    };
    if rows.is_empty() {
        return (Vec::new(), None);
    }
    let daily_posts = rows.iter().any(|r| r.posts.is_some());
    let source = if !post_days.is_empty() {
        Some(lang.pick(
            "posts counted from the posts files",
            "publications comptées dans les fichiers de publications",
        ))
    } else if daily_posts {
        Some(lang.pick(
            "posts counted from the daily rows",
            "publications comptées dans les lignes quotidiennes",
        ))
    } else {
        None
    };
    let mut out = Vec::new();
    let mut week = first.week_start();
    let end = last.week_start();
    while week <= end && (out.len() as i64) < MAX_WEEKS {
        let Some(next) = week.add_days(7) else { break };
        out.push(week_row(week, next, &rows, post_days, daily_posts));
        week = next;
    }
    (out, source.map(str::to_string))
}

/// The week from `week` to the day before `next`; its posts from `post_days`, else from the
/// daily rows when they count posts (`daily_posts`).
fn week_row(
    week: Date,
    next: Date,
    rows: &[&DailyRow],
    post_days: &[Date],
    daily_posts: bool,
) -> WeekRow {
    let in_week = |d: Date| d >= week && d < next;
    let these: Vec<&&DailyRow> = rows.iter().filter(|r| in_week(r.date)).collect();
    let sum = |f: fn(&DailyRow) -> Option<f64>| {
        let v: Vec<f64> = these.iter().filter_map(|r| f(r)).collect();
        (!v.is_empty())
            .then(|| v.iter().sum::<f64>())
            .and_then(Finite::new)
    };
    let posts = if !post_days.is_empty() {
        Finite::new(post_days.iter().filter(|d| in_week(**d)).count() as f64)
    } else if daily_posts {
        sum(|r| r.posts)
    } else {
        None
    };
    let mut days: Vec<Date> = these.iter().map(|r| r.date).collect();
    crate::metrics::sort_by_key(&mut days, |d| *d);
    days.dedup();
    WeekRow {
        week_start: week,
        posts,
        new_follows: sum(|r| r.new_follows),
        unfollows: sum(|r| r.unfollows),
        net: sum(net_change),
        days: days.len(),
    }
}
