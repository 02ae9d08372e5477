//! What a contest (giveaway) really brought: its cost per entry, participant, new follower
//! and follower still there days later, the retention of its new followers, its viral
//! coefficient and conversion rate, and its ROI, computed by the same ROI core as the
//! calculator.
//!
//! [`compute_contest`] takes a [`ContestInput`] (what the user typed, or JSON) and the contest's
//! comments ([`EntryRow`]s, possibly none). Follower lists taken before the contest, at its
//! close and later ([`read_followers`]: Instagram's `followers_1.json` or any list with one
//! handle per line) tell exactly who joined during the contest and which of them are still
//! there; without lists, typed follower counts give the same figures as net changes.

use crate::draw::{normalise, sorted_unique, tally_entries, Warning};
use crate::figure::{Figure, Unit};
use crate::form::{canonicalise, Entry, FieldError, Fields, Kind, Mark};
use crate::formula;
use crate::i18n::Lang;
use crate::metrics::roi::{self, CostKind, CostLine, RoiInput, SalesLine};
use crate::model::EntryRow;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

/// Everything the contest outcome reads. Every number may be a JSON number or typed text;
/// blank is unknown, never zero.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContestInput {
    /// ISO 4217 code; blank means EUR.
    pub currency: String,
    /// How typed numbers write their decimals; blank follows the report's language.
    pub decimal_mark: Option<Mark>,
    /// The contest's name.
    pub label: String,
    /// Value of the prizes.
    pub prize_value: Entry,
    /// Ads that promoted the contest.
    pub ad_spend: Entry,
    /// Hours spent on the contest (rules, visuals, moderation, draw, shipping).
    pub hours: Entry,
    /// Cost of one hour.
    pub hourly_rate: Entry,
    /// Fees: giveaway app, legal deposit of the rules, shipping.
    pub fees: Entry,
    /// Entries; blank counts the comments of the comment file.
    pub entries: Entry,
    /// Unique participants; blank counts the distinct people of the comment file.
    pub participants: Entry,
    /// The comment count the post shows, to check the comment file is complete.
    pub comments_shown: Entry,
    /// The organiser's own account: its comments are not entries.
    pub account: String,
    /// Shares, or referrals (friends brought in).
    pub shares: Entry,
    /// Clicks to the site or shop.
    pub clicks: Entry,
    /// Sales (or sign-ups) the contest brought.
    pub conversions: Entry,
    /// Average value of one conversion.
    pub value_per_conversion: Entry,
    /// Revenue the contest brought; when given, it counts instead of conversions × value.
    pub revenue: Entry,
    /// Margin on that revenue, in percent; blank means 100 (count revenue).
    pub margin_pct: Entry,
    /// Followers before, at close and later.
    pub followers: Followers,
}

/// Followers at three moments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Followers {
    /// Just before the contest started.
    pub before: Snapshot,
    /// When it closed.
    pub at_close: Snapshot,
    /// Days after it closed (7 and 30 by default).
    pub later: Vec<Later>,
}

impl Default for Followers {
    fn default() -> Followers {
        let days = |d: f64| Later {
            days: Entry::Number(d),
            ..Later::default()
        };
        Followers {
            before: Snapshot::default(),
            at_close: Snapshot::default(),
            later: vec![days(7.0), days(30.0)],
        }
    }
}

/// Followers at one moment: the count, the list, or both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Snapshot {
    /// The follower count the profile showed.
    pub count: Entry,
    /// The follower list taken then ([`read_followers`]).
    pub list: Option<FollowerList>,
}

/// Followers some days after the close.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Later {
    /// Days after the close, 1 to 3650.
    pub days: Entry,
    /// The follower count the profile showed.
    pub count: Entry,
    /// The follower list taken then.
    pub list: Option<FollowerList>,
}

/// How a follower list was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListFormat {
    /// Instagram's "Download your information" JSON (`followers_1.json`).
    InstagramJson,
    /// One handle per line.
    #[default]
    Plain,
}

/// A follower list, read: handles normalised as the draw normalises entrants.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowerList {
    /// The file it was read from (several files joined with `+`).
    pub name: String,
    /// How it was written.
    pub format: ListFormat,
    /// The followers, normalised, sorted, each once.
    pub handles: Vec<String>,
    /// Lines or items that named someone already listed.
    pub duplicates: usize,
}

// ---------------------------------------------------------------------------------------------
// Follower lists
// ---------------------------------------------------------------------------------------------

/// Why a follower list cannot be read: the file, the place and the problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListError {
    /// The message, place first: `followers_1.json, item 3: no username found`.
    pub message: String,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ListError {}

/// The handle at the end of a profile address (`https://www.instagram.com/_u/name/` → `name`).
fn handle_of_url(url: &str) -> Option<&str> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    path.split('/')
        .skip(1)
        .filter(|s| !s.is_empty() && *s != "_u")
        .last()
}

fn json_handle(item: &serde_json::Value) -> Option<String> {
    let data = item.get("string_list_data").and_then(|d| d.as_array());
    let first = data.and_then(|d| d.first());
    let value = first
        .and_then(|d| d.get("value"))
        .and_then(|v| v.as_str())
        .filter(|v| !v.trim().is_empty());
    let title = item
        .get("title")
        .and_then(|v| v.as_str())
        .filter(|v| !v.trim().is_empty());
    let href = first
        .and_then(|d| d.get("href"))
        .and_then(|v| v.as_str())
        .and_then(handle_of_url);
    value.or(title).or(href).map(normalise)
}

/// Reads a follower list: Instagram's "Download your information" JSON (`followers_1.json`, a
/// list of `{"string_list_data": [{"href", "value", "timestamp"}]}`, or the newer shape with
/// the name in `title`, or an object holding such a list), or plain text with one handle (or
/// profile address) per line.
pub fn read_followers(name: &str, text: &str, lang: Lang) -> Result<FollowerList, ListError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_start();
    let err = |message: String| ListError {
        message: format!("{name}, {message}"),
    };
    let (format, raw): (ListFormat, Vec<String>) = if body.starts_with('<') {
        return Err(err(
            lang.pick(
                "line 1: this is the HTML version of Instagram’s download; ask for the JSON format instead",
                "ligne 1\u{a0}: c’est la version HTML du téléchargement d’Instagram\u{a0}; demandez le format JSON",
            )
            .to_string(),
        ));
    } else if body.starts_with(['[', '{']) {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let m = crate::form::json_message(&e);
            err(match lang {
                Lang::En => format!("line {}, column {}: {m}", e.line(), e.column()),
                Lang::Fr => format!("ligne {}, colonne {}\u{a0}: {m}", e.line(), e.column()),
            })
        })?;
        let items = match &value {
            serde_json::Value::Array(a) => Some(a),
            // Instagram wraps some lists: `{"relationships_following": [...]}`.
            serde_json::Value::Object(o) => o
                .iter()
                .find(|(k, _)| k.starts_with("relationships_"))
                .and_then(|(_, v)| v.as_array()),
            _ => None,
        }
        .ok_or_else(|| {
            err(lang
                .pick(
                    "line 1: expected a list of followers (Instagram’s followers_1.json)",
                    "ligne 1\u{a0}: une liste d’abonnés est attendue (le followers_1.json d’Instagram)",
                )
                .to_string())
        })?;
        let mut handles = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let h = match item {
                serde_json::Value::String(s) => Some(normalise(s)),
                _ => json_handle(item),
            };
            match h.filter(|h| !h.is_empty()) {
                Some(h) => handles.push(h),
                None => {
                    return Err(err(match lang {
                        Lang::En => format!(
                            "item {}: no username found (expected \"string_list_data\" with a \"value\" or \"href\", or a \"title\")",
                            i + 1
                        ),
                        Lang::Fr => format!(
                            "élément {}\u{a0}: aucun nom d’utilisateur (attendu\u{a0}: «\u{a0}string_list_data\u{a0}» avec «\u{a0}value\u{a0}» ou «\u{a0}href\u{a0}», ou un «\u{a0}title\u{a0}»)",
                            i + 1
                        ),
                    }))
                }
            }
        }
        (ListFormat::InstagramJson, handles)
    } else {
        let handles = text
            .lines()
            .map(|l| handle_of_url(l).unwrap_or(l))
            .map(normalise)
            .filter(|h| !h.is_empty())
            .collect();
        (ListFormat::Plain, handles)
    };
    let total = raw.len();
    let handles = sorted_unique(raw);
    Ok(FollowerList {
        name: name.to_string(),
        format,
        duplicates: total - handles.len(),
        handles,
    })
}

/// Joins lists of one moment (Instagram splits large accounts into `followers_1.json`,
/// `followers_2.json`…).
pub fn join_lists(lists: &[FollowerList]) -> FollowerList {
    let mut all = Vec::new();
    let mut duplicates = 0;
    for l in lists {
        duplicates += l.duplicates;
        all.extend(l.handles.iter().cloned());
    }
    let total = all.len();
    let all = sorted_unique(all);
    let format = match lists.first() {
        Some(first) if lists.iter().all(|l| l.format == first.format) => first.format,
        _ => ListFormat::Plain,
    };
    FollowerList {
        name: lists
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        format,
        duplicates: duplicates + total - all.len(),
        handles: all,
    }
}

// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

formula! {
    /// Cost of the contest per entry.
    pub(crate) COST_PER_ENTRY = "cost_per_entry",
    en: "cost per entry = contest cost ÷ entries",
    fr: "coût par participation = coût du concours ÷ participations"
}
formula! {
    /// Cost of the contest per unique participant.
    pub(crate) COST_PER_PARTICIPANT = "cost_per_participant",
    en: "cost per participant = contest cost ÷ unique participants",
    fr: "coût par participant = coût du concours ÷ participants uniques"
}
formula! {
    /// Who joined during the contest, from the follower lists.
    pub(crate) NEW_FOLLOWERS_FROM_LISTS = "new_followers.from_lists",
    en: "new followers = people in the list at close who are not in the list before",
    fr: "nouveaux abonnés = personnes de la liste à la clôture absentes de la liste d’avant"
}
formula! {
    /// The net follower gain during the contest, from the counts.
    pub(crate) NEW_FOLLOWERS_FROM_COUNTS = "new_followers.from_counts",
    en: "new followers = followers at close − followers before",
    fr: "nouveaux abonnés = abonnés à la clôture − abonnés avant"
}
formula! {
    /// Cost of the contest per new follower.
    pub(crate) CONTEST_COST_PER_NEW_FOLLOWER = "contest_cost_per_new_follower",
    en: "cost per new follower = contest cost ÷ new followers",
    fr: "coût par nouvel abonné = coût du concours ÷ nouveaux abonnés"
}
formula! {
    /// The contest's new followers still there some days after the close, from the lists.
    pub(crate) KEPT_FROM_LISTS = "kept.from_lists",
    en: "followers kept = new followers still in the list taken N days after close",
    fr: "abonnés restés = nouveaux abonnés encore dans la liste prise N jours après la clôture"
}
formula! {
    /// The net gain still there some days after the close, from the counts.
    pub(crate) KEPT_FROM_COUNTS = "kept.from_counts",
    en: "followers kept = followers N days after close − followers before",
    fr: "abonnés restés = abonnés N jours après la clôture − abonnés avant"
}
formula! {
    /// Share of the contest's new followers still there.
    pub(crate) RETENTION = "retention",
    en: "retention = followers kept ÷ new followers",
    fr: "rétention = abonnés restés ÷ nouveaux abonnés"
}
formula! {
    /// Cost of the contest per follower still there.
    pub(crate) COST_PER_KEPT = "cost_per_kept",
    en: "cost per follower kept = contest cost ÷ followers kept",
    fr: "coût par abonné resté = coût du concours ÷ abonnés restés"
}
formula! {
    /// Shares or referrals per participant.
    pub(crate) VIRAL_COEFFICIENT = "viral_coefficient",
    en: "viral coefficient = shares and referrals ÷ unique participants",
    fr: "coefficient viral = partages et parrainages ÷ participants uniques"
}
formula! {
    /// Clicks that became sales or sign-ups.
    pub(crate) CONVERSION_RATE = "conversion_rate",
    en: "conversion rate = conversions ÷ clicks",
    fr: "taux de conversion = conversions ÷ clics"
}
formula! {
    /// What the contest brought back, from its revenue.
    pub(crate) RETURN_FROM_REVENUE = "contest_return.from_revenue",
    en: "contest return = revenue × margin",
    fr: "retour du concours = chiffre d’affaires × marge"
}
formula! {
    /// What the contest brought back, from its conversions.
    pub(crate) RETURN_FROM_CONVERSIONS = "contest_return.from_conversions",
    en: "contest return = conversions × value per conversion × margin",
    fr: "retour du concours = conversions × valeur par conversion × marge"
}

/// Every formula of the contest outcome (the cost lines, totals and ROI are the ROI
/// calculator's).
pub(crate) const FORMULAS: &[formula::Formula] = &[
    COST_PER_ENTRY,
    COST_PER_PARTICIPANT,
    NEW_FOLLOWERS_FROM_LISTS,
    NEW_FOLLOWERS_FROM_COUNTS,
    CONTEST_COST_PER_NEW_FOLLOWER,
    KEPT_FROM_LISTS,
    KEPT_FROM_COUNTS,
    RETENTION,
    COST_PER_KEPT,
    VIRAL_COEFFICIENT,
    CONVERSION_RATE,
    RETURN_FROM_REVENUE,
    RETURN_FROM_CONVERSIONS,
];

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/// What the contest outcome shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContestReport {
    /// ISO code of every money figure.
    pub currency: &'static str,
    /// Digits of its minor unit.
    pub minor_digits: u8,
    /// Inputs that could not be read, with a message each; while any remain, the figures say
    /// so instead of showing a number.
    pub errors: Vec<FieldError>,
    /// What to know about the data (`comments_missing`, `participants_above_entries`,
    /// `list_duplicates`).
    pub warnings: Vec<Warning>,
    /// The cost lines, as the ROI calculator computes them (ids `costs[i]`).
    pub costs: Vec<Figure>,
    /// The contest's return (id `contest_return`), then the ROI calculator's `total_cost`,
    /// `total_return`, `net_gain`, `roi` and `roas`.
    pub summary: Vec<Figure>,
    /// `new_followers`, `cost_per_entry`, `cost_per_participant`, `contest_cost_per_new_follower`,
    /// `viral_coefficient`, `conversion_rate`.
    pub audience: Vec<Figure>,
    /// One row per later check, in the order given.
    pub retention: Vec<RetentionRow>,
}

/// The contest's new followers some days after the close.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RetentionRow {
    /// Days after the close.
    pub days: u32,
    /// Followers kept (id `kept_7d`).
    pub kept: Figure,
    /// Kept ÷ new (id `retention_7d`).
    pub retention: Figure,
    /// Contest cost ÷ kept (id `cost_per_kept_7d`).
    pub cost_per_kept: Figure,
}

/// Where a count came from, for the figure's inputs.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Source {
    Typed,
    File,
}

struct Counted {
    value: f64,
    source: Source,
}

/// Followers at one moment: the list when there is one, the count it gives or was typed.
struct Moment {
    list: Option<HashSet<String>>,
    count: Option<f64>,
    /// The list's name and the typed count, when both are given and disagree.
    differs: Option<(String, f64)>,
}

fn moment(f: &mut Fields, count: &Entry, given: &Option<FollowerList>, field: &str) -> Moment {
    let typed = f.read(count, &format!("{field}.count"), Kind::Count);
    let list: Option<HashSet<String>> = given.as_ref().map(|l| {
        l.handles
            .iter()
            .map(|h| normalise(h))
            .filter(|h| !h.is_empty())
            .collect()
    });
    let count = list.as_ref().map(|l| l.len() as f64).or(typed);
    let differs = match (given, typed, count) {
        (Some(l), Some(t), Some(c)) if t != c => Some((l.name.clone(), t)),
        _ => None,
    };
    Moment {
        list,
        count,
        differs,
    }
}

fn suffix(days: u32) -> String {
    format!("_{days}d")
}

/// Computes the contest outcome of `input`, with the contest's comments (`entries`, possibly
/// none), in `lang`.
pub fn compute_contest(input: &ContestInput, entries: &[EntryRow], lang: Lang) -> ContestReport {
    let mut f = Fields::new(lang, input.decimal_mark);
    let mut warnings = Vec::new();

    // Costs and returns go through the ROI calculator.
    let n = |v: Option<f64>| v.map_or(Entry::Blank, Entry::Number);
    let prize = f.read(&input.prize_value, "prize_value", Kind::Amount);
    let ads = f.read(&input.ad_spend, "ad_spend", Kind::Amount);
    let hours = f.read(&input.hours, "hours", Kind::Amount);
    let rate = f.read(&input.hourly_rate, "hourly_rate", Kind::Amount);
    let fees = f.read(&input.fees, "fees", Kind::Amount);
    let mut costs = Vec::new();
    let line = |kind: CostKind, label: &str, amount: Option<f64>| CostLine {
        kind,
        label: label.to_string(),
        amount: n(amount),
        ..CostLine::default()
    };
    if prize.is_some() {
        costs.push(line(CostKind::Prizes, lang.pick("Prizes", "Lots"), prize));
    }
    if ads.is_some() {
        costs.push(line(
            CostKind::Ads,
            lang.pick("Contest ads", "Publicité du concours"),
            ads,
        ));
    }
    if hours.is_some() || rate.is_some() {
        costs.push(CostLine {
            hours: n(hours),
            hourly_rate: n(rate),
            ..line(CostKind::Time, lang.pick("Time spent", "Temps passé"), None)
        });
    }
    if fees.is_some() {
        costs.push(line(CostKind::Other, lang.pick("Fees", "Frais"), fees));
    }
    let conversions = f.read(&input.conversions, "conversions", Kind::Count);
    let value = f.read(
        &input.value_per_conversion,
        "value_per_conversion",
        Kind::Amount,
    );
    let revenue = f.read(&input.revenue, "revenue", Kind::Amount);
    let margin = f.read(&input.margin_pct, "margin_pct", Kind::Percent(100.0));
    let sales = match (revenue, conversions, value) {
        (Some(r), _, _) => Some((
            RETURN_FROM_REVENUE,
            SalesLine {
                visits: Entry::Number(1.0),
                conversion_rate_pct: Entry::Number(100.0),
                value: Entry::Number(r),
                margin_pct: n(margin),
                ..SalesLine::default()
            },
        )),
        (None, Some(c), Some(v)) => Some((
            RETURN_FROM_CONVERSIONS,
            SalesLine {
                visits: Entry::Number(c),
                conversion_rate_pct: Entry::Number(100.0),
                value: Entry::Number(v),
                margin_pct: n(margin),
                ..SalesLine::default()
            },
        )),
        _ => None,
    };

    // Audience.
    let account = Some(input.account.as_str()).filter(|a| !a.trim().is_empty());
    let file = tally_entries(entries, account);
    let count_or_file = |f: &mut Fields, e: &Entry, field: &str, from_file: usize| match f.read(
        e,
        field,
        Kind::Count,
    ) {
        Some(v) => Some(Counted {
            value: v,
            source: Source::Typed,
        }),
        None if !entries.is_empty() && !blank_entry(e) => None,
        None if !entries.is_empty() => Some(Counted {
            value: from_file as f64,
            source: Source::File,
        }),
        None => None,
    };
    let entry_count = count_or_file(&mut f, &input.entries, "entries", file.entries);
    let participants = count_or_file(&mut f, &input.participants, "participants", file.people);
    let shown = f.read(&input.comments_shown, "comments_shown", Kind::Count);
    let shares = f.read(&input.shares, "shares", Kind::Count);
    let clicks = f.read(&input.clicks, "clicks", Kind::Count);

    let before = moment(
        &mut f,
        &input.followers.before.count,
        &input.followers.before.list,
        "followers.before",
    );
    let close = moment(
        &mut f,
        &input.followers.at_close.count,
        &input.followers.at_close.list,
        "followers.at_close",
    );
    let mut later = Vec::new();
    let mut days_seen = Vec::new();
    for (i, l) in input.followers.later.iter().enumerate() {
        let field = format!("followers.later[{i}]");
        let days = f.read(&l.days, &format!("{field}.days"), Kind::Count);
        let m = moment(&mut f, &l.count, &l.list, &field);
        match days {
            Some(d) if (1.0..=3650.0).contains(&d) => {
                let d = d as u32;
                if !days_seen.contains(&d) {
                    days_seen.push(d);
                    later.push((d, m));
                } else {
                    f.error(
                        &format!("{field}.days"),
                        match lang {
                            Lang::En => format!("{d} days is already checked above"),
                            Lang::Fr => format!("{d} jours est déjà vérifié plus haut"),
                        },
                    );
                }
            }
            Some(d) => f.error(
                &format!("{field}.days"),
                match lang {
                    Lang::En => format!("a number of days from 1 to 3650 is expected, found {d}"),
                    Lang::Fr => {
                        format!("un nombre de jours de 1 à 3650 est attendu, trouvé {d}")
                    }
                },
            ),
            None if m.count.is_some() => f.error(
                &format!("{field}.days"),
                lang.pick(
                    "enter how many days after the close these followers were counted",
                    "indiquez combien de jours après la clôture ces abonnés ont été comptés",
                )
                .to_string(),
            ),
            None => {}
        }
    }

    // The ROI core: costs, returns, ROI.
    let roi_input = RoiInput {
        currency: input.currency.clone(),
        decimal_mark: Some(Mark::Point),
        label: if input.label.trim().is_empty() {
            lang.pick("Contest", "Concours").to_string()
        } else {
            input.label.trim().to_string()
        },
        costs,
        sales: sales.iter().map(|(_, s)| s.clone()).collect(),
        ..RoiInput::default()
    };
    let core = roi::compute_roi(&roi_input, lang);
    let mut errors = f.errors;
    errors.extend(core.errors.iter().cloned());
    let blocked = (!errors.is_empty()).then(|| {
        lang.pick(
            "fix the inputs marked in red first",
            "corrigez d’abord les données signalées en rouge",
        )
        .to_string()
    });
    let block = |fig: Figure| match &blocked {
        Some(r) => fig.blocked(r.clone()),
        None => fig,
    };
    let find = |id: &str| core.summary.iter().find(|x| x.id == id).cloned();
    let no_costs = roi_input.costs.is_empty();
    let cost = find("total_cost")
        .and_then(|x| x.get())
        .filter(|_| !no_costs);
    let cost_name = lang.pick("contest cost", "coût du concours");

    // Warnings.
    if let (Some(shown), false) = (shown, entries.is_empty()) {
        let held = file.comments as f64;
        if held < shown {
            let missing = shown - held;
            warnings.push(Warning {
                code: "comments_missing".into(),
                message: match lang {
                    Lang::En => format!(
                        "the comment file holds {held} comments but the post shows {shown}: {missing} are missing (exports are often capped), so entries, participants and the draw cover only the comments in the file"
                    ),
                    Lang::Fr => format!(
                        "le fichier contient {held} commentaires mais la publication en affiche {shown}\u{a0}: il en manque {missing} (les exports sont souvent plafonnés)\u{a0}; participations, participants et tirage ne portent que sur les commentaires du fichier"
                    ),
                },
            });
        }
    }
    if let (Some(e), Some(p)) = (&entry_count, &participants) {
        if p.value > e.value {
            warnings.push(Warning {
                code: "participants_above_entries".into(),
                message: lang
                    .pick(
                        "more participants than entries: each participant has at least one entry",
                        "plus de participants que de participations\u{a0}: chaque participant a au moins une participation",
                    )
                    .to_string(),
            });
        }
    }
    for m in [&before, &close]
        .into_iter()
        .chain(later.iter().map(|(_, m)| m))
    {
        if let (Some((name, typed)), Some(c)) = (&m.differs, m.count) {
            warnings.push(Warning {
                code: "list_count_differs".into(),
                message: match lang {
                    Lang::En => format!(
                        "{name} holds {c} followers but the count typed for the same moment is {typed}: the list is used"
                    ),
                    Lang::Fr => format!(
                        "{name} contient {c} abonnés mais le nombre saisi pour le même moment est {typed}\u{a0}: la liste est utilisée"
                    ),
                },
            });
        }
    }
    let lists = [&input.followers.before.list, &input.followers.at_close.list]
        .into_iter()
        .chain(input.followers.later.iter().map(|l| &l.list))
        .flatten();
    for l in lists {
        if l.duplicates > 0 {
            warnings.push(Warning {
                code: "list_duplicates".into(),
                message: match lang {
                    Lang::En => format!(
                        "{}: {} followers are listed more than once and count once",
                        l.name, l.duplicates
                    ),
                    Lang::Fr => format!(
                        "{}\u{a0}: {} abonnés figurent plusieurs fois et comptent une fois",
                        l.name, l.duplicates
                    ),
                },
            });
        }
    }

    // Figures.
    let per = |formula, label: &str, count: Option<(f64, &str)>, what: &str| -> Figure {
        let fig = Figure::of(formula, label, Unit::Money, lang);
        let Some(c) = cost else {
            return fig.unavailable(no_cost_reason(lang, no_costs));
        };
        let fig = fig.input(cost_name, c, Unit::Money);
        match count {
            None => fig.unavailable(match lang {
                Lang::En => format!("enter the number of {what} to compute it"),
                Lang::Fr => format!("indiquez le nombre de {what} pour le calculer"),
            }),
            Some((n, name)) if n <= 0.0 => {
                fig.input(name, n, Unit::Count).unavailable(match lang {
                    Lang::En => format!("no {what}: nothing to divide the cost by"),
                    Lang::Fr => format!("aucun {what}\u{a0}: rien par quoi diviser le coût"),
                })
            }
            Some((n, name)) => fig.input(name, n, Unit::Count).value(c / n, lang),
        }
    };
    let named =
        |c: &Counted, typed: &'static str, file_en: &'static str, file_fr: &'static str| match c
            .source
        {
            Source::Typed => typed,
            Source::File => lang.pick(file_en, file_fr),
        };
    let entries_name = lang.pick("entries", "participations");
    let participants_name = lang.pick("unique participants", "participants uniques");
    let cost_per_entry = per(
        COST_PER_ENTRY,
        lang.pick("Cost per entry", "Coût par participation"),
        entry_count.as_ref().map(|c| {
            (
                c.value,
                named(
                    c,
                    entries_name,
                    "entries (comments in the file)",
                    "participations (commentaires du fichier)",
                ),
            )
        }),
        entries_name,
    );
    let cost_per_participant = per(
        COST_PER_PARTICIPANT,
        lang.pick("Cost per participant", "Coût par participant"),
        participants.as_ref().map(|c| {
            (
                c.value,
                named(
                    c,
                    participants_name,
                    "unique participants (people in the file)",
                    "participants uniques (personnes du fichier)",
                ),
            )
        }),
        lang.pick("participants", "participants"),
    );

    // New followers: exact from the lists, else the net change of the counts.
    let new_name = lang.pick("new followers", "nouveaux abonnés");
    let joined: Option<HashSet<String>> = match (&before.list, &close.list) {
        (Some(b), Some(c)) => Some(c.difference(b).cloned().collect()),
        _ => None,
    };
    let new_label = lang.pick("New followers", "Nouveaux abonnés");
    let (new_followers, new_count) = match (&joined, before.count, close.count) {
        (Some(j), _, _) => {
            let fig = Figure::of(NEW_FOLLOWERS_FROM_LISTS, new_label, Unit::Count, lang)
                .input(
                    lang.pick("list at close", "liste à la clôture"),
                    close.count.unwrap_or(0.0),
                    Unit::Count,
                )
                .input(
                    lang.pick("list before", "liste d’avant"),
                    before.count.unwrap_or(0.0),
                    Unit::Count,
                )
                .value(j.len() as f64, lang);
            (fig, Some(j.len() as f64))
        }
        (None, Some(b), Some(c)) => {
            let fig = Figure::of(NEW_FOLLOWERS_FROM_COUNTS, new_label, Unit::Count, lang)
                .input(
                    lang.pick("followers at close", "abonnés à la clôture"),
                    c,
                    Unit::Count,
                )
                .input(
                    lang.pick("followers before", "abonnés avant"),
                    b,
                    Unit::Count,
                )
                .value(c - b, lang);
            (fig, Some(c - b))
        }
        (None, b, c) => {
            let fig = Figure::of(NEW_FOLLOWERS_FROM_COUNTS, new_label, Unit::Count, lang);
            let reason = match (b, c) {
                (None, None) => lang.pick(
                    "enter the followers before and at close, or drop the two follower lists",
                    "indiquez les abonnés avant et à la clôture, ou déposez les deux listes d’abonnés",
                ),
                (None, Some(_)) => lang.pick(
                    "enter the followers before the contest (or drop that list)",
                    "indiquez les abonnés avant le concours (ou déposez cette liste)",
                ),
                _ => lang.pick(
                    "enter the followers at close (or drop that list)",
                    "indiquez les abonnés à la clôture (ou déposez cette liste)",
                ),
            };
            (fig.unavailable(reason), None)
        }
    };
    let cost_per_new_follower = {
        let fig = per(
            CONTEST_COST_PER_NEW_FOLLOWER,
            lang.pick("Cost per new follower", "Coût par nouvel abonné"),
            new_count.map(|c| (c, new_name)),
            new_name,
        );
        if new_count.is_none() && cost.is_some() {
            fig.unavailable(new_followers.reason.clone().unwrap_or_default())
        } else {
            fig
        }
    };
    let viral = {
        let fig = Figure::of(
            VIRAL_COEFFICIENT,
            lang.pick("Viral coefficient", "Coefficient viral"),
            Unit::Count,
            lang,
        );
        match (shares, &participants) {
            (None, _) => fig.unavailable(lang.pick(
                "enter the shares or referrals",
                "indiquez les partages ou parrainages",
            )),
            (Some(_), None) => fig.unavailable(lang.pick(
                "enter the unique participants (or drop the comment file)",
                "indiquez les participants uniques (ou déposez le fichier de commentaires)",
            )),
            (Some(s), Some(p)) if p.value <= 0.0 => fig
                .input(
                    lang.pick("shares and referrals", "partages et parrainages"),
                    s,
                    Unit::Count,
                )
                .unavailable(lang.pick(
                    "no participants: nothing to divide by",
                    "aucun participant\u{a0}: rien par quoi diviser",
                )),
            (Some(s), Some(p)) => fig
                .input(
                    lang.pick("shares and referrals", "partages et parrainages"),
                    s,
                    Unit::Count,
                )
                .input(participants_name, p.value, Unit::Count)
                .value(s / p.value, lang),
        }
    };
    let conversion_rate = {
        let fig = Figure::of(
            CONVERSION_RATE,
            lang.pick("Conversion rate", "Taux de conversion"),
            Unit::Ratio,
            lang,
        );
        match (conversions, clicks) {
            (None, _) => {
                fig.unavailable(lang.pick("enter the conversions", "indiquez les conversions"))
            }
            (Some(_), None) => fig.unavailable(lang.pick("enter the clicks", "indiquez les clics")),
            (Some(c), Some(k)) if k <= 0.0 => fig
                .input(lang.pick("conversions", "conversions"), c, Unit::Count)
                .unavailable(lang.pick(
                    "no clicks: nothing to divide by",
                    "aucun clic\u{a0}: rien par quoi diviser",
                )),
            (Some(c), Some(k)) => fig
                .input(lang.pick("conversions", "conversions"), c, Unit::Count)
                .input(lang.pick("clicks", "clics"), k, Unit::Count)
                .value(c / k, lang),
        }
    };

    // Retention.
    let kept_name = lang.pick("followers kept", "abonnés restés");
    let retention = later
        .iter()
        .map(|(days, m)| {
            let s = suffix(*days);
            let kept_label = match lang {
                Lang::En => format!("Followers kept after {days} days"),
                Lang::Fr => format!("Abonnés restés après {days}\u{a0}jours"),
            };
            let (kept, kept_count) = match (&joined, &m.list, before.count, m.count) {
                (Some(j), Some(l), _, _) => {
                    let k = j.intersection(l).count() as f64;
                    let fig = Figure::custom(
                        &format!("kept{s}"),
                        &kept_label,
                        Unit::Count,
                        KEPT_FROM_LISTS.text(lang),
                    )
                    .input(new_name, j.len() as f64, Unit::Count)
                    .input(lang.pick("days after close", "jours après la clôture"), f64::from(*days), Unit::Count)
                    .value(k, lang);
                    (fig, Some(k))
                }
                (_, _, Some(b), Some(c)) => {
                    let fig = Figure::custom(
                        &format!("kept{s}"),
                        &kept_label,
                        Unit::Count,
                        KEPT_FROM_COUNTS.text(lang),
                    )
                    .input(
                        &match lang {
                            Lang::En => format!("followers {days} days after close"),
                            Lang::Fr => format!("abonnés {days}\u{a0}jours après la clôture"),
                        },
                        c,
                        Unit::Count,
                    )
                    .input(lang.pick("followers before", "abonnés avant"), b, Unit::Count)
                    .value(c - b, lang);
                    (fig, Some(c - b))
                }
                (_, _, _, c) => {
                    let fig = Figure::custom(
                        &format!("kept{s}"),
                        &kept_label,
                        Unit::Count,
                        KEPT_FROM_COUNTS.text(lang),
                    );
                    let reason = if c.is_none() {
                        match lang {
                            Lang::En => format!("enter the followers {days} days after close, or drop that list"),
                            Lang::Fr => format!("indiquez les abonnés {days}\u{a0}jours après la clôture, ou déposez cette liste"),
                        }
                    } else {
                        lang.pick(
                            "enter the followers before the contest (or drop that list)",
                            "indiquez les abonnés avant le concours (ou déposez cette liste)",
                        )
                        .to_string()
                    };
                    (fig.unavailable(reason), None)
                }
            };
            let retention = {
                let fig = Figure::custom(
                    &format!("retention{s}"),
                    &match lang {
                        Lang::En => format!("Retention after {days} days"),
                        Lang::Fr => format!("Rétention après {days}\u{a0}jours"),
                    },
                    Unit::Ratio,
                    RETENTION.text(lang),
                );
                match (kept_count, new_count) {
                    (Some(k), Some(n)) if n > 0.0 => fig
                        .input(kept_name, k, Unit::Count)
                        .input(new_name, n, Unit::Count)
                        .value(k / n, lang),
                    (Some(_), Some(n)) => fig.input(new_name, n, Unit::Count).unavailable(lang.pick(
                        "no new followers: retention needs some to divide by",
                        "aucun nouvel abonné\u{a0}: la rétention a besoin d’en diviser",
                    )),
                    (None, _) => fig.unavailable(kept.reason.clone().unwrap_or_default()),
                    (_, None) => fig.unavailable(new_followers.reason.clone().unwrap_or_default()),
                }
            };
            let cost_per_kept = {
                let fig = per(
                    COST_PER_KEPT,
                    &match lang {
                        Lang::En => format!("Cost per follower kept after {days} days"),
                        Lang::Fr => format!("Coût par abonné resté après {days}\u{a0}jours"),
                    },
                    kept_count.map(|k| (k, kept_name)),
                    kept_name,
                );
                let fig = Figure {
                    id: format!("cost_per_kept{s}"),
                    ..fig
                };
                if kept_count.is_none() && cost.is_some() {
                    fig.unavailable(kept.reason.clone().unwrap_or_default())
                } else {
                    fig
                }
            };
            RetentionRow {
                days: *days,
                kept: block(kept),
                retention: block(retention),
                cost_per_kept: block(cost_per_kept),
            }
        })
        .collect();

    // The return and the ROI core's summary.
    let contest_return = {
        let (formula, _) = sales
            .as_ref()
            .map_or((RETURN_FROM_CONVERSIONS, None), |(f, s)| (*f, Some(s)));
        let fig = Figure::of(
            formula,
            lang.pick("Contest return", "Retour du concours"),
            Unit::Money,
            lang,
        );
        let margin_ratio = margin.unwrap_or(100.0) / 100.0;
        let line = core.returns.first();
        match (revenue, conversions, value, line) {
            (Some(r), _, _, Some(l)) => fig
                .input(lang.pick("revenue", "chiffre d’affaires"), r, Unit::Money)
                .input(lang.pick("margin", "marge"), margin_ratio, Unit::Ratio)
                .result(
                    l.get().ok_or_else(|| l.reason.clone().unwrap_or_default()),
                    lang,
                ),
            (None, Some(c), Some(v), Some(l)) => fig
                .input(lang.pick("conversions", "conversions"), c, Unit::Count)
                .input(
                    lang.pick("value per conversion", "valeur par conversion"),
                    v,
                    Unit::Money,
                )
                .input(lang.pick("margin", "marge"), margin_ratio, Unit::Ratio)
                .result(
                    l.get().ok_or_else(|| l.reason.clone().unwrap_or_default()),
                    lang,
                ),
            (None, Some(_), None, _) => fig.unavailable(lang.pick(
                "enter the value per conversion (or the revenue)",
                "indiquez la valeur par conversion (ou le chiffre d’affaires)",
            )),
            (None, None, Some(_), _) => fig.unavailable(lang.pick(
                "enter the conversions (or the revenue)",
                "indiquez les conversions (ou le chiffre d’affaires)",
            )),
            _ => fig.unavailable(lang.pick(
                "enter the revenue, or the conversions and their value",
                "indiquez le chiffre d’affaires, ou les conversions et leur valeur",
            )),
        }
    };
    // A figure the ROI core computed from lines nobody typed would show sums of nothing
    // (`total cost: 0.00`) as its inputs: it says what is missing instead, without them.
    let mut summary = vec![block(contest_return)];
    for id in ["total_cost", "total_return", "net_gain", "roi", "roas"] {
        if let Some(fig) = find(id) {
            let fig = if id == "roas" && ads.is_none() {
                fig.blocked(lang.pick(
                    "enter the contest’s ad spend to compute ROAS",
                    "indiquez la publicité du concours pour calculer le ROAS",
                ))
            } else if no_costs && id != "total_return" {
                fig.blocked(no_cost_reason(lang, true))
            } else if sales.is_none() && id != "total_cost" && id != "roas" {
                fig.blocked(lang.pick(
                    "enter the revenue, or the conversions and their value, to compare it with the cost",
                    "indiquez le chiffre d’affaires, ou les conversions et leur valeur, pour le comparer au coût",
                ))
            } else {
                fig
            };
            summary.push(block(fig));
        }
    }
    let audience = vec![
        new_followers,
        cost_per_entry,
        cost_per_participant,
        cost_per_new_follower,
        viral,
        conversion_rate,
    ]
    .into_iter()
    .map(block)
    .collect();

    ContestReport {
        currency: core.currency,
        minor_digits: core.minor_digits,
        errors,
        warnings,
        costs: core.costs.into_iter().map(block).collect(),
        summary,
        audience,
        retention,
    }
}

fn blank_entry(e: &Entry) -> bool {
    match e {
        Entry::Blank => true,
        Entry::Text(t) => t.trim().is_empty(),
        Entry::Number(_) => false,
    }
}

fn no_cost_reason(lang: Lang, no_costs: bool) -> String {
    if no_costs {
        lang.pick(
            "enter the contest’s costs: prizes, ads, time or fees",
            "indiquez les coûts du concours\u{a0}: lots, publicité, temps ou frais",
        )
        .to_string()
    } else {
        lang.pick(
            "the total cost cannot be computed: see the cost lines",
            "le coût total ne peut pas être calculé\u{a0}: voir les lignes de coût",
        )
        .to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// A language switch
// ---------------------------------------------------------------------------------------------

/// The same input with every readable number as a number, read with its decimal mark (the
/// language's own when it names none), and the mark then set to `to`'s: what the page calls
/// when the user switches language, so that no value changes meaning.
pub fn canonical_contest_input(input: &ContestInput, lang: Lang, to: Lang) -> ContestInput {
    let mut out = input.clone();
    let mark = out.decimal_mark.unwrap_or(Mark::of(lang));
    let mut entries: Vec<(&mut Entry, bool)> = vec![
        (&mut out.prize_value, false),
        (&mut out.ad_spend, false),
        (&mut out.hours, false),
        (&mut out.hourly_rate, false),
        (&mut out.fees, false),
        (&mut out.entries, false),
        (&mut out.participants, false),
        (&mut out.comments_shown, false),
        (&mut out.shares, false),
        (&mut out.clicks, false),
        (&mut out.conversions, false),
        (&mut out.value_per_conversion, false),
        (&mut out.revenue, false),
        (&mut out.margin_pct, true),
        (&mut out.followers.before.count, false),
        (&mut out.followers.at_close.count, false),
    ];
    for l in &mut out.followers.later {
        entries.extend([(&mut l.days, false), (&mut l.count, false)]);
    }
    canonicalise(entries, mark);
    out.decimal_mark = Some(Mark::of(to));
    out
}

// ---------------------------------------------------------------------------------------------
// The worked example
// ---------------------------------------------------------------------------------------------

/// The worked example: a month-long Instagram giveaway of a 250 bundle.
///
/// Costs 589 (prizes 250, ads 100, 6 h × 35, app fees 29); 1 240 entries from 860 people,
/// 310 shares; 420 clicks to the shop, 18 orders of 45 at 40 % margin (a return of 324, ROI
/// −45 %); followers 12 400 before, 13 050 at close, 12 880 after 7 days and 12 760 after 30:
/// 650 new, 480 kept after a week (73.8 %), 360 after a month (55.4 %).
pub fn contest_example(lang: Lang, currency: &str) -> ContestInput {
    let n = |x: f64| Entry::Number(x);
    let count = |x: f64| Snapshot {
        count: n(x),
        list: None,
    };
    let later = |days: f64, x: f64| Later {
        days: n(days),
        count: n(x),
        list: None,
    };
    ContestInput {
        currency: crate::money::Currency::find(currency)
            .map_or("EUR", |c| c.code)
            .to_string(),
        decimal_mark: None,
        label: lang
            .pick("Summer giveaway", "Concours de l’été")
            .to_string(),
        prize_value: n(250.0),
        ad_spend: n(100.0),
        hours: n(6.0),
        hourly_rate: n(35.0),
        fees: n(29.0),
        entries: n(1240.0),
        participants: n(860.0),
        comments_shown: Entry::Blank,
        account: String::new(),
        shares: n(310.0),
        clicks: n(420.0),
        conversions: n(18.0),
        value_per_conversion: n(45.0),
        revenue: Entry::Blank,
        margin_pct: n(40.0),
        followers: Followers {
            before: count(12_400.0),
            at_close: count(13_050.0),
            later: vec![later(7.0, 12_880.0), later(30.0, 12_760.0)],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_read_followers() {
        use crate::metrics::contest::read_followers;
        use crate::Lang;
        let json = r#"[{"title": "", "media_list_data": [], "string_list_data":
            [{"href": "https://www.instagram.com/lea.b", "value": "lea.b", "timestamp": 1749860021}]}]"#;
        assert_eq!(
            read_followers("followers_1.json", json, Lang::En)
                .unwrap()
                .handles,
            ["lea.b"]
        );
        let plain = read_followers(
            "before.txt",
            "@Tom\ntom\n\nhttps://instagram.com/ana/\n",
            Lang::En,
        )
        .unwrap();
        assert_eq!((plain.handles.len(), plain.duplicates), (2, 1));
    }

    #[test]
    fn example_of_compute_contest() {
        use crate::metrics::contest::{compute_contest, ContestInput};
        use crate::Lang;
        let input: ContestInput = serde_json::from_str(
            r#"{
            "prize_value": 300, "entries": 1200, "participants": 800,
            "followers": {"before": {"count": 5000}, "at_close": {"count": 5600},
                          "later": [{"days": 30, "count": 5300}]}
        }"#,
        )
        .unwrap();
        let r = compute_contest(&input, &[], Lang::En);
        let kept = &r.retention[0];
        assert_eq!(kept.kept.get(), Some(300.0)); // 5 300 − 5 000
        assert_eq!(kept.retention.get(), Some(0.5)); // 300 ÷ 600
        assert_eq!(kept.cost_per_kept.get(), Some(1.0)); // 300 ÷ 300
    }

    #[test]
    fn example_of_canonical_contest_input() {
        use crate::form::{Entry, Mark};
        use crate::metrics::contest::{canonical_contest_input, ContestInput};
        use crate::Lang;
        let typed = ContestInput {
            hours: "3,5".into(),
            margin_pct: "40 %".into(),
            ..ContestInput::default()
        };
        let en = canonical_contest_input(&typed, Lang::Fr, Lang::En);
        assert_eq!(
            (en.hours, en.margin_pct),
            (Entry::Number(3.5), Entry::Number(40.0))
        );
        assert_eq!(en.decimal_mark, Some(Mark::Point));
    }

    #[test]
    fn instagram_shapes_and_errors() {
        let new_shape = r#"{"relationships_followers": [
            {"title": "Zoe.M", "string_list_data": [{"href": "https://www.instagram.com/_u/zoe.m", "timestamp": 1}]},
            {"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/max_b/"}]}
        ]}"#;
        let l = read_followers("followers_1.json", new_shape, Lang::En).unwrap();
        assert_eq!(l.handles, ["max_b", "zoe.m"]);
        assert_eq!(l.format, ListFormat::InstagramJson);
        let e = read_followers("f.json", "[{\"title\": \"\"}]", Lang::En).unwrap_err();
        assert!(
            e.message.starts_with("f.json, item 1: no username found"),
            "{}",
            e.message
        );
        let e = read_followers("f.json", "[{,]", Lang::Fr).unwrap_err();
        assert!(
            e.message.starts_with("f.json, ligne 1, colonne 3\u{a0}: "),
            "{}",
            e.message
        );
        let e = read_followers("f.html", "<html>", Lang::En).unwrap_err();
        assert!(e.message.contains("JSON format"), "{}", e.message);
        let empty = read_followers("f.txt", "\n\n", Lang::En).unwrap();
        assert!(empty.handles.is_empty());
    }

    #[test]
    fn split_lists_join() {
        let a = read_followers("followers_1.json", "[\"a\", \"b\"]", Lang::En).unwrap();
        let b = read_followers("followers_2.json", "[\"b\", \"c\"]", Lang::En).unwrap();
        let j = join_lists(&[a, b]);
        assert_eq!(j.handles, ["a", "b", "c"]);
        assert_eq!(j.duplicates, 1);
        assert_eq!(j.name, "followers_1.json + followers_2.json");
    }
}
