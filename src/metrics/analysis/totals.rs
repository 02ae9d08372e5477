//! The totals of the KPI cards: posts, engagements, impressions, reach, views and clicks.

use crate::figure::{Figure, Unit};
use crate::formula;
use crate::i18n::Lang;
use crate::metrics::engagement::{self, Interaction, PostFacts, Sums};
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
/// `total_views`, `total_clicks`.
pub(super) fn total_figures(facts: &[PostFacts], sums: &Sums, lang: Lang) -> Vec<Figure> {
    let posts = Figure::of(
        TOTAL_POSTS,
        lang.pick("Posts", "Publications"),
        Unit::Count,
        lang,
    )
    .value(facts.len() as f64, lang);
    let click = sums.click_kind();
    let sum = |f: formula::Formula, label: &str, v: &dyn Fn(&PostFacts) -> Option<f64>| {
        let fig = Figure::of(f, label, Unit::Count, lang);
        // Σ and count of the known values, added in the posts' order (from -0.0, as a
        // float sum starts).
        let (total, known) = facts
            .iter()
            .filter_map(v)
            .fold((-0.0, 0usize), |(s, n), x| (s + x, n + 1));
        if facts.is_empty() {
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
            &|f| f.post.metric(Metric::Impressions),
        ),
        sum(TOTAL_REACH, lang.pick("Reach", "Portée"), &|f| {
            f.post.metric(Metric::Reach)
        }),
        sum(TOTAL_VIEWS, lang.pick("Views", "Vues"), &|f| {
            f.post.metric(Metric::Views)
        }),
        sum(
            TOTAL_CLICKS,
            if click == Interaction::LinkClicks {
                lang.pick("Link clicks", "Clics sur le lien")
            } else {
                lang.pick("Clicks", "Clics")
            },
            &|f| click.of_post(f.post),
        ),
    ]
}
