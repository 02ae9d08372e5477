//! The competitor benchmark: public counts typed for one's own account and up to ten
//! competitors (followers at two dates, posts between them, likes, comments and shares on the
//! last N posts), and what the core computes from them for each account (growth, posting
//! frequency, engagement per post and per follower, share of voice among the accounts typed),
//! each ranked. With `files`, the own accounts of the dropped exports are rows too, their
//! counts read from the files ([`super::accounts`]) over the benchmark's dates (else the
//! report's period).

use crate::figure::{Figure, Unit};
use crate::form::{Entry, FieldError, Fields, Kind, Mark};
use crate::formula::{self, formula};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

use super::accounts::file_accounts;
use super::periods::{day, Span};
use crate::model::Dataset;

/// Own account plus ten competitors.
pub(crate) const MAX_ACCOUNTS: usize = 11;

formula! {
    /// Follower growth of an account between the two dates of the benchmark.
    pub(crate) BENCHMARK_GROWTH = "benchmark_follower_growth",
    en: "follower growth = (followers at the end − followers at the start) ÷ followers at the start",
    fr: "croissance des abonnés = (abonnés à la fin − abonnés au début) ÷ abonnés au début"
}
formula! {
    /// Posts per week of an account between the two dates.
    pub(crate) BENCHMARK_FREQUENCY = "benchmark_posts_per_week",
    en: "posts per week = posts ÷ days between the two dates × 7",
    fr: "publications par semaine = publications ÷ jours entre les deux dates × 7"
}
formula! {
    /// Interactions per post on the last N posts.
    pub(crate) BENCHMARK_PER_POST = "benchmark_engagement_per_post",
    en: "engagement per post = (likes + comments + shares on the last N posts) ÷ N",
    fr: "engagement par publication = (j’aime + commentaires + partages des N dernières publications) ÷ N"
}
formula! {
    /// Interactions per post for each follower.
    pub(crate) BENCHMARK_PER_FOLLOWER = "benchmark_engagement_per_follower",
    en: "engagement per follower = engagement per post ÷ followers at the end",
    fr: "engagement par abonné = engagement par publication ÷ abonnés à la fin"
}
formula! {
    /// An account's share of the interactions of every account typed.
    pub(crate) SHARE_OF_VOICE = "share_of_voice",
    en: "share of voice = interactions of the account ÷ Σ interactions of the accounts typed (last N posts each)",
    fr: "part de voix = interactions du compte ÷ Σ interactions des comptes saisis (N dernières publications de chacun)"
}

/// Every formula of the benchmark.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    BENCHMARK_GROWTH,
    BENCHMARK_FREQUENCY,
    BENCHMARK_PER_POST,
    BENCHMARK_PER_FOLLOWER,
    SHARE_OF_VOICE,
];

/// The counts typed for the benchmark.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BenchmarkInput {
    /// The day of the first follower count, `YYYY-MM-DD`.
    pub from: String,
    /// The day of the second follower count.
    pub to: String,
    /// How many of each account's last posts the likes, comments and shares were counted on.
    pub last_posts: Entry,
    /// How typed numbers write decimals; blank follows the language.
    pub decimal_mark: Option<Mark>,
    /// Own account(s) and competitors, at most eleven.
    pub accounts: Vec<AccountInput>,
    /// Whether the accounts of the dropped exports are rows too (own accounts, counted from
    /// the files).
    pub files: bool,
}

/// One account's public counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AccountInput {
    /// Its name (`@boulangerie.martin`).
    pub name: String,
    /// Its network, as typed (`Instagram`).
    pub network: String,
    /// Whether it is one's own account.
    pub own: bool,
    /// Followers on `from`.
    pub followers_start: Entry,
    /// Followers on `to`.
    pub followers_end: Entry,
    /// Posts published between the two dates.
    pub posts: Entry,
    /// Likes on the last N posts.
    pub likes: Entry,
    /// Comments on the last N posts.
    pub comments: Entry,
    /// Shares on the last N posts.
    pub shares: Entry,
}

/// The benchmark computed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Benchmark {
    /// Counts that could not be read, placed by their path (`benchmark.accounts[2].likes`).
    pub errors: Vec<FieldError>,
    /// The days between the two follower counts.
    pub span: Option<Span>,
    /// One row per account, in the order typed.
    pub accounts: Vec<AccountRow>,
    /// Why there is no row.
    pub reason: Option<String>,
}

/// One account's figures and ranks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AccountRow {
    /// Its name.
    pub name: String,
    /// Its network.
    pub network: String,
    /// Whether it is one's own.
    pub own: bool,
    /// Whether its counts come from the files (else they were typed).
    pub from_files: bool,
    /// Growth, posts per week, engagement per post, engagement per follower, share of voice.
    pub figures: Vec<Figure>,
    /// The rank of each figure among the accounts that have it (1: highest; equal values
    /// share a rank), in the order of `figures`.
    pub ranks: Vec<Option<usize>>,
}

/// One account's counts, typed or read from the files.
pub(super) struct Counts {
    pub(super) start: Option<f64>,
    pub(super) end: Option<f64>,
    pub(super) posts: Option<f64>,
    pub(super) interactions: Option<f64>,
    /// The N its interactions were counted on, when it is its own (an account of the files
    /// with fewer posts than N); `None`: the benchmark's.
    pub(super) last: Option<f64>,
}

fn read_counts(a: &AccountInput, i: usize, fields: &mut Fields) -> Counts {
    let mut read = |e: &Entry, name: &str| {
        fields.read(e, &format!("benchmark.accounts[{i}].{name}"), Kind::Count)
    };
    let start = read(&a.followers_start, "followers_start");
    let end = read(&a.followers_end, "followers_end");
    let posts = read(&a.posts, "posts");
    let (l, c, s) = (
        read(&a.likes, "likes"),
        read(&a.comments, "comments"),
        read(&a.shares, "shares"),
    );
    let interactions = match (l, c, s) {
        (Some(l), Some(c), Some(s)) => Some(l + c + s),
        _ => None,
    };
    Counts {
        start,
        end,
        posts,
        interactions,
        last: None,
    }
}

/// The benchmark of `input`, in `lang`; with `input.files`, the accounts of `files` (the
/// dataset and the report's period) are rows too.
pub(crate) fn benchmark(
    input: &BenchmarkInput,
    files: Option<(&Dataset, Option<Span>)>,
    lang: Lang,
) -> Benchmark {
    let mut out = Benchmark::default();
    if input.accounts.len() > MAX_ACCOUNTS {
        out.errors.push(too_many(input.accounts.len(), lang));
        return out;
    }
    let mut fields = Fields::new(lang, input.decimal_mark);
    let n = fields
        .read(&input.last_posts, "benchmark.last_posts", Kind::Count)
        .filter(|n| *n > 0.0);
    let (from, to) = (
        day("benchmark.from", &input.from, lang, &mut fields.errors),
        day("benchmark.to", &input.to, lang, &mut fields.errors),
    );
    out.span = from
        .zip(to)
        .filter(|(a, b)| a < b)
        .map(|(a, b)| Span::new(a, b));
    let mut rows = file_rows(input, files, out.span, n);
    for (i, a) in input.accounts.iter().enumerate() {
        let c = read_counts(a, i, &mut fields);
        rows.push((row(a.name.trim(), a.network.trim(), a.own, false), c));
    }
    if rows.is_empty() {
        out.reason = Some(
            lang.pick("no account typed", "aucun compte saisi")
                .to_string(),
        );
        out.errors = fields.errors;
        return out;
    }
    let total: f64 = rows.iter().filter_map(|(_, c)| c.interactions).sum();
    let span = out.span;
    out.accounts = rows
        .into_iter()
        .map(|(mut r, c)| {
            let span = if r.from_files {
                span.or(files.and_then(|f| f.1))
            } else {
                span
            };
            r.figures = figures(&c, n, span, total, lang);
            r
        })
        .collect();
    rank(&mut out.accounts);
    out.errors = fields.errors;
    out
}

/// The rows of the files' own accounts, when asked for, over `span` else the report's period.
fn file_rows(
    input: &BenchmarkInput,
    files: Option<(&Dataset, Option<Span>)>,
    span: Option<Span>,
    n: Option<f64>,
) -> Vec<(AccountRow, Counts)> {
    let Some((data, period)) = files.filter(|_| input.files) else {
        return Vec::new();
    };
    let Some(span) = span.or(period) else {
        return Vec::new();
    };
    file_accounts(data, span, n)
        .into_iter()
        .map(|a| (row(&a.name, a.network, true, true), a.counts))
        .collect()
}

fn row(name: &str, network: &str, own: bool, from_files: bool) -> AccountRow {
    AccountRow {
        name: name.to_string(),
        network: network.to_string(),
        own,
        from_files,
        figures: Vec::new(),
        ranks: Vec::new(),
    }
}

fn too_many(found: usize, lang: Lang) -> FieldError {
    FieldError {
        field: "benchmark.accounts".to_string(),
        message: match lang {
            Lang::En => format!(
                "at most {MAX_ACCOUNTS} accounts (yours and ten competitors), found {found}"
            ),
            Lang::Fr => format!(
                "au plus {MAX_ACCOUNTS} comptes (le vôtre et dix concurrents), trouvé {found}"
            ),
        },
    }
}

fn not_typed(lang: Lang, what: &str) -> String {
    match lang {
        Lang::En => format!("{what} not typed"),
        Lang::Fr => format!("{what} non saisi"),
    }
}

/// The five figures of one account: growth, posts per week, engagement per post and per
/// follower, share of voice.
fn figures(c: &Counts, n: Option<f64>, span: Option<Span>, total: f64, lang: Lang) -> Vec<Figure> {
    let per_post = per_post(c, n, lang);
    let per_follower = per_follower(&per_post, c, lang);
    vec![
        growth(c, lang),
        frequency(c, span, lang),
        per_post,
        per_follower,
        voice(c, total, lang),
    ]
}

fn growth(c: &Counts, lang: Lang) -> Figure {
    let start = lang.pick("followers at the start", "abonnés au début");
    let end = lang.pick("followers at the end", "abonnés à la fin");
    let growth = Figure::of(
        BENCHMARK_GROWTH,
        lang.pick("Follower growth", "Croissance des abonnés"),
        Unit::Ratio,
        lang,
    );
    match (c.start, c.end) {
        (Some(s), Some(e)) if s > 0.0 => growth
            .input(start, s, Unit::Count)
            .input(end, e, Unit::Count)
            .value((e - s) / s, lang),
        (Some(_), Some(_)) => {
            growth.unavailable(lang.pick("no followers at the start", "aucun abonné au début"))
        }
        _ => growth.unavailable(not_typed(lang, lang.pick("followers", "abonnés"))),
    }
}

fn frequency(c: &Counts, span: Option<Span>, lang: Lang) -> Figure {
    let freq = Figure::of(
        BENCHMARK_FREQUENCY,
        lang.pick("Posts per week", "Publications par semaine"),
        Unit::Count,
        lang,
    );
    let days_name = lang.pick("days between the two dates", "jours entre les deux dates");
    match (c.posts, span) {
        (Some(p), Some(s)) => {
            let days = (s.to.days() - s.from.days()) as f64;
            freq.input(lang.pick("posts", "publications"), p, Unit::Count)
                .input(days_name, days, Unit::Count)
                .value(p / days * 7.0, lang)
        }
        (Some(_), None) => freq.unavailable(lang.pick(
            "type the two dates, the second after the first",
            "saisissez les deux dates, la seconde après la première",
        )),
        _ => freq.unavailable(not_typed(lang, lang.pick("posts", "publications"))),
    }
}

fn per_post(c: &Counts, n: Option<f64>, lang: Lang) -> Figure {
    let inter = lang.pick(
        "likes + comments + shares",
        "j’aime + commentaires + partages",
    );
    let per_post = Figure::of(
        BENCHMARK_PER_POST,
        lang.pick("Engagement per post", "Engagement par publication"),
        Unit::Count,
        lang,
    );
    match (c.interactions, c.last.or(n)) {
        (_, Some(0.0)) => per_post.unavailable(lang.pick(
            "no post of this account in the period",
            "aucune publication de ce compte sur la période",
        )),
        (Some(i), Some(n)) => per_post
            .input(inter, i, Unit::Count)
            .input("N", n, Unit::Count)
            .value(i / n, lang),
        (Some(_), None) => per_post.unavailable(not_typed(lang, "N")),
        _ => per_post.unavailable(not_typed(lang, inter)),
    }
}

fn per_follower(per_post: &Figure, c: &Counts, lang: Lang) -> Figure {
    let end = lang.pick("followers at the end", "abonnés à la fin");
    let per_follower = Figure::of(
        BENCHMARK_PER_FOLLOWER,
        lang.pick("Engagement per follower", "Engagement par abonné"),
        Unit::Ratio,
        lang,
    );
    match (per_post.get(), c.end) {
        (Some(p), Some(e)) if e > 0.0 => per_follower
            .input(
                lang.pick("engagement per post", "engagement par publication"),
                p,
                Unit::Count,
            )
            .input(end, e, Unit::Count)
            .value(p / e, lang),
        (Some(_), Some(_)) => {
            per_follower.unavailable(lang.pick("no followers at the end", "aucun abonné à la fin"))
        }
        _ => per_follower.unavailable(
            per_post
                .reason
                .clone()
                .unwrap_or_else(|| not_typed(lang, end)),
        ),
    }
}

fn voice(c: &Counts, total: f64, lang: Lang) -> Figure {
    let inter = lang.pick(
        "likes + comments + shares",
        "j’aime + commentaires + partages",
    );
    let voice = Figure::of(
        SHARE_OF_VOICE,
        lang.pick("Share of voice", "Part de voix"),
        Unit::Ratio,
        lang,
    );
    match c.interactions {
        Some(i) if total > 0.0 => voice
            .input(
                lang.pick("interactions of the account", "interactions du compte"),
                i,
                Unit::Count,
            )
            .input(
                lang.pick(
                    "interactions of the accounts typed",
                    "interactions des comptes saisis",
                ),
                total,
                Unit::Count,
            )
            .value(i / total, lang),
        Some(_) => voice.unavailable(lang.pick(
            "no interaction on any account",
            "aucune interaction sur aucun compte",
        )),
        None => voice.unavailable(not_typed(lang, inter)),
    }
}

/// Ranks each figure among the accounts that have it: 1 for the highest; equal values share
/// the rank, and the next rank skips as many (1, 2, 2, 4).
fn rank(rows: &mut [AccountRow]) {
    let columns = rows.first().map_or(0, |r| r.figures.len());
    let ranks: Vec<Vec<Option<usize>>> = rows
        .iter()
        .map(|r| {
            (0..columns)
                .map(|k| {
                    let v = r.figures[k].get()?;
                    Some(
                        1 + rows
                            .iter()
                            .filter(|o| o.figures[k].get().is_some_and(|x| x > v))
                            .count(),
                    )
                })
                .collect()
        })
        .collect();
    for (row, r) in rows.iter_mut().zip(ranks) {
        row.ranks = r;
    }
}
