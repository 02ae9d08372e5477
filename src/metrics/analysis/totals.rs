//! The totals of the KPI cards: posts, engagements, impressions, reach, views and clicks.

use crate::figure::{Figure, Unit};
use crate::formula;
use crate::i18n::Lang;
use crate::metrics::engagement::{self, Interaction, Sums};
use crate::model::Metric;

formula! {
    /// Posts in the period.
    pub(super) TOTAL_POSTS = "posts",
    en: "posts = number of posts published in the period",
    fr: "publications = nombre de publications de la période"
}
formula! {
    /// Engagements of the posts, as the definition counts them.
    pub(super) TOTAL_ENGAGEMENTS = "total_engagements",
    en: "engagements = Σ interactions counted on each post",
    fr: "engagements = Σ interactions comptées sur chaque publication"
}
formula! {
    /// Impressions of the posts.
    pub(super) TOTAL_IMPRESSIONS = "total_impressions",
    en: "impressions = Σ impressions of the posts",
    fr: "impressions = Σ impressions des publications"
}
formula! {
    /// Reach of the posts, added up: a person reached by two posts counts twice.
    pub(super) TOTAL_REACH = "total_reach",
    en: "reach = Σ reach of the posts (a person reached by two posts counts twice)",
    fr: "portée = Σ portée des publications (une personne atteinte par deux publications compte deux fois)"
}
formula! {
    /// Views of the posts.
    pub(super) TOTAL_VIEWS = "total_views",
    en: "views = Σ views of the posts",
    fr: "vues = Σ vues des publications"
}
formula! {
    /// Clicks of the posts (link clicks when the files have them).
    pub(super) TOTAL_CLICKS = "total_clicks",
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

/// The totals of the KPI cards: `posts`, `total_engagements`, `total_impressions`, `total_reach`,
/// `total_views`, `total_clicks`, of `posts` posts whose sums are `sums`.
pub(super) fn total_figures(posts: usize, sums: &Sums, lang: Lang) -> Vec<Figure> {
    let count = Figure::of(
        TOTAL_POSTS,
        lang.pick("Posts", "Publications"),
        Unit::Count,
        lang,
    )
    .value(posts as f64, lang);
    let click = sums.click_kind();
    // Σ and count of the known values, added in the posts' order (the sums keep them).
    let sum = |f: formula::Formula, label: &str, (total, known): (f64, usize)| {
        let fig = Figure::of(f, label, Unit::Count, lang);
        if posts == 0 {
            fig.unavailable(engagement::no_posts(lang))
        } else if known == 0 {
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
                known as f64,
                Unit::Count,
            )
            .value(total, lang)
        }
    };
    let known = |m| sums.audience.known(m);
    vec![
        count,
        sum(
            TOTAL_ENGAGEMENTS,
            lang.pick("Engagements", "Engagements"),
            (sums.engagements, sums.own.with_num),
        ),
        sum(
            TOTAL_IMPRESSIONS,
            lang.pick("Impressions", "Impressions"),
            known(Metric::Impressions),
        ),
        sum(
            TOTAL_REACH,
            lang.pick("Reach", "Portée"),
            known(Metric::Reach),
        ),
        sum(
            TOTAL_VIEWS,
            lang.pick("Views", "Vues"),
            known(Metric::Views),
        ),
        sum(
            TOTAL_CLICKS,
            if click == Interaction::LinkClicks {
                lang.pick("Link clicks", "Clics sur le lien")
            } else {
                lang.pick("Clicks", "Clics")
            },
            known(click.metric()),
        ),
    ]
}
