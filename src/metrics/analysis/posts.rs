//! The posts of the period, each with its publication time on the report's clock, and as the
//! engagement figures see them: the rule settled on the networks of the files, each post's
//! engagements and its followers at posting time.

use super::options::AnalysisOptions;
use super::settings::Settings;
use crate::date::{Date, DateTime};
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::metrics::engagement::{self, Counted, PostFacts, Resolved};
use crate::model::{DailyRow, Metric, PostRef, Posts};

/// A post of the period and its publication time on the report's clock (`None`: undated).
pub(super) type PeriodPost<'a> = (PostRef<'a>, Option<DateTime>);

/// `dt` on the report's clock.
pub(super) fn local(dt: DateTime, offset: Option<i32>) -> DateTime {
    offset.map_or(dt, |o| dt.at_offset(o))
}

/// Whether `d` is in the period from `from` to `to`, both included.
pub(super) fn within(d: Date, from: Option<Date>, to: Option<Date>) -> bool {
    from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)
}

/// The posts of the period; undated ones too unless a period is chosen, with a warning that
/// says what becomes of them.
pub(super) fn posts_in_period<'a>(
    posts: &'a Posts,
    s: &Settings,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> Vec<PeriodPost<'a>> {
    let filtered = s.from.is_some() || s.to.is_some();
    let mut undated = 0;
    let mut out: Vec<PeriodPost> = Vec::with_capacity(posts.len());
    for p in posts.iter() {
        let when = p.published().map(|w| local(w, s.offset));
        match when {
            Some(w) if within(w.date, s.from, s.to) => out.push((p, Some(w))),
            Some(_) => {}
            None => {
                undated += 1;
                if !filtered {
                    out.push((p, None));
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
    out
}

/// The days posts were published on, in the order of `posts`, undated ones left out.
pub(super) fn days_of(posts: &[PeriodPost]) -> Vec<Date> {
    posts
        .iter()
        .filter_map(|(_, w)| w.map(|w| w.date))
        .collect()
}

/// The options' rule (or preset's), with an error for each unknown network key, settled on
/// the networks of `posts`: a warning names, per network, the interactions the rule counts
/// that its posts do not report.
pub(super) fn settle_rule(
    options: &AnalysisOptions,
    posts: &[PeriodPost],
    lang: Lang,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<String>,
) -> (Resolved, Vec<Counted>) {
    let mut resolved = Resolved::new(
        options.preset,
        &options.engagement,
        "engagement",
        lang,
        errors,
    );
    let counted = resolved.settle(posts.iter().map(|(p, _)| *p), lang);
    for c in counted.iter().filter(|c| !c.not_in_files.is_empty()) {
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
    (resolved, counted)
}

/// Follower totals of the daily rows, to find a post's followers at posting time.
struct FollowerIndex<'a> {
    rows: Vec<&'a DailyRow>,
}

impl<'a> FollowerIndex<'a> {
    fn new(daily: &'a [DailyRow]) -> FollowerIndex<'a> {
        let mut rows: Vec<&DailyRow> = daily.iter().filter(|r| r.followers.is_some()).collect();
        crate::metrics::sort_by_key(&mut rows, |r| (r.network, r.date));
        FollowerIndex { rows }
    }

    /// The follower total of the posting day, or of the last day before it, on the post's
    /// network and account.
    fn at(&self, post: PostRef<'_>) -> Option<f64> {
        if self.rows.is_empty() {
            return None;
        }
        let day = post.published()?.date;
        let end = self
            .rows
            .partition_point(|r| (r.network, r.date) <= (post.network(), day));
        self.rows[..end]
            .iter()
            .rev()
            .take_while(|r| r.network == post.network())
            .find(|r| match (&r.account, &post.account()) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                _ => true,
            })
            .and_then(|r| r.followers)
    }
}

/// Each post as the engagement figures see it, its followers at posting time from its own
/// column, else from the `daily` follower totals; and where they came from, in words.
pub(super) fn post_facts<'a>(
    posts: &[PeriodPost<'a>],
    daily: &[DailyRow],
    resolved: &Resolved,
    lang: Lang,
) -> (Vec<PostFacts<'a>>, String) {
    let index = FollowerIndex::new(daily);
    let (mut own, mut from_daily, mut unknown) = (0, 0, 0);
    let facts = posts
        .iter()
        .map(|(p, _)| {
            let followers = match p.metric(Metric::FollowersAtPost) {
                Some(f) => {
                    own += 1;
                    Some(f)
                }
                None => match index.at(*p) {
                    Some(f) => {
                        from_daily += 1;
                        Some(f)
                    }
                    None => {
                        unknown += 1;
                        None
                    }
                },
            };
            PostFacts::new(
                *p,
                engagement::engagements(*p, resolved.interactions(*p)),
                followers,
                resolved.denominator(p.network()),
            )
        })
        .collect();
    let text = match lang {
        Lang::En => format!("followers at posting time: from the post’s own column for {own} post(s), from the daily follower total of the posting day (or the last day before it) for {from_daily}, unknown for {unknown}"),
        Lang::Fr => format!("abonnés au moment de la publication : colonne de la publication pour {own} publication(s), total d’abonnés du jour de publication (ou du dernier jour avant) pour {from_daily}, inconnus pour {unknown}"),
    };
    (facts, text)
}

/// Warnings about the posts' counts: posts lacking an interaction the rule counts, and the
/// `disagree` posts whose platform's own rate differs from their engagements ÷ impressions
/// ([`rates_disagreeing`]).
pub(super) fn facts_warnings(
    (facts, disagree): (&[PostFacts], usize),
    resolved: &Resolved,
    lang: Lang,
    warnings: &mut Vec<String>,
) {
    // Per network of [`engagement::NETWORKS`]: its posts, and those lacking an interaction.
    let mut counts = [(0usize, 0usize); engagement::NETWORKS.len()];
    for f in facts {
        let k = &mut counts[engagement::network_index(f.post.network())];
        k.0 += 1;
        let lacking = f.engagements().is_none() && !resolved.interactions(f.post).is_empty();
        k.1 += usize::from(lacking);
    }
    for (n, (posts, lacking)) in engagement::NETWORKS.iter().zip(counts) {
        if lacking > 0 {
            warnings.push(match lang {
                Lang::En => format!(
                    "{lacking} of {posts} {} post(s) lack one of the interactions counted: left out of the engagement figures",
                    n.name()
                ),
                Lang::Fr => format!(
                    "{lacking} des {posts} publication(s) {} n’ont pas l’une des interactions comptées : laissées hors des chiffres d’engagement",
                    n.name()
                ),
            });
        }
    }
    if disagree > 0 {
        warnings.push(match lang {
            Lang::En => format!("{disagree} post(s): the platform’s own engagement rate differs from its engagements ÷ impressions"),
            Lang::Fr => format!("{disagree} publication(s) : le taux d’engagement de la plateforme diffère de ses engagements ÷ impressions"),
        });
    }
}

/// How many of `posts` have a platform's own engagement rate that differs from their
/// engagements ÷ impressions (no engagement definition changes it).
pub(super) fn rates_disagreeing(posts: &[PeriodPost]) -> usize {
    posts
        .iter()
        .filter(|(p, _)| {
            let m = |x| p.metric(x);
            match (
                m(Metric::PlatformEngagementRate),
                m(Metric::Engagements),
                m(Metric::Impressions),
            ) {
                (Some(r), Some(e), Some(i)) if i > 0.0 => {
                    (r - e / i).abs() > 1e-9 * r.abs().max(1e-6)
                }
                _ => false,
            }
        })
        .count()
}
