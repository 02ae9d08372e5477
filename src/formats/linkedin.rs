//! LinkedIn Page analytics: the content, followers and visitors workbooks (`.xls`, or `.xlsx`
//! and `.csv` when re-saved). Row 1 of a sheet is a note; the header is below it. Headers
//! follow the interface language: English, French and Portuguese are known.

use super::Format;
use crate::i18n::Text;
use crate::model::{Network, PostIn};
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};
use std::borrow::Cow;

/// Content workbook, sheet `All posts`: one row per post.
pub(crate) const CONTENT: Format = Format {
    id: FormatId::LinkedinContent,
    label: Text {
        en: "LinkedIn Page posts",
        fr: "Publications de Page LinkedIn",
    },
    network: Network::LinkedIn,
    kind: Some(RecordKind::Posts),
    columns: &[
        (
            PostText,
            &[
                "post title",
                "update title",
                "titre de la publication",
                "titre de la mise a jour",
                "titulo da publicacao",
            ],
        ),
        (
            PostPermalink,
            &[
                "post link",
                "update link",
                "lien de la publication",
                "lien de la mise a jour",
                "link da publicacao",
            ],
        ),
        (
            PostKind,
            &[
                "post type",
                "content type",
                "type de publication",
                "type de contenu",
                "tipo de publicacao",
            ],
        ),
        (
            PostPublished,
            &["created date", "date de creation", "data de criacao"],
        ),
        (PostImpressions, &["impressions", "impressoes"]),
        (PostViews, &["views", "vues", "visualizacoes"]),
        (PostClicks, &["clicks", "clics", "cliques"]),
        (PostReactions, &["likes", "reactions", "j'aime", "reacoes"]),
        (PostComments, &["comments", "commentaires", "comentarios"]),
        (
            PostShares,
            &[
                "reposts",
                "shares",
                "republications",
                "partages",
                "compartilhamentos",
            ],
        ),
        (PostNewFollows, &["follows", "abonnements", "seguidores"]),
        (
            PostEngagementRate,
            &[
                "engagement rate",
                "taux d'engagement",
                "taxa de engajamento",
            ],
        ),
    ],
};

/// Content workbook, sheet `Metrics`: one row per day.
pub(crate) const METRICS: Format = Format {
    id: FormatId::LinkedinMetrics,
    label: Text {
        en: "LinkedIn Page metrics (daily)",
        fr: "Statistiques de Page LinkedIn (par jour)",
    },
    network: Network::LinkedIn,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date", "data"]),
        (
            DailyImpressions,
            &[
                "impressions (total)",
                "impressoes (total)",
                "impressions (organic)",
                "impressions (organiques)",
                "impressoes (organicas)",
            ],
        ),
        (
            DailyReach,
            &[
                "unique impressions (total)",
                "impressions uniques (total)",
                "unique impressions (organic)",
                "impressions uniques (organiques)",
                "impressoes unicas (organicas)",
            ],
        ),
        (
            DailyClicks,
            &[
                "clicks (total)",
                "clics (total)",
                "cliques (total)",
                "clicks (organic)",
                "clics (organiques)",
                "cliques (organicos)",
            ],
        ),
        (
            DailyReactions,
            &[
                "reactions (total)",
                "reacoes (total)",
                "reactions (organic)",
                "reactions (organiques)",
                "reacoes (organicas)",
            ],
        ),
        (
            DailyComments,
            &[
                "comments (total)",
                "commentaires (total)",
                "comentarios (total)",
                "comments (organic)",
                "commentaires (organiques)",
                "comentarios (organicos)",
            ],
        ),
        (
            DailyShares,
            &[
                "reposts (total)",
                "shares (total)",
                "republications (total)",
                "partages (total)",
                "compartilhamentos (total)",
                "reposts (organic)",
                "shares (organic)",
                "republications (organiques)",
                "partages (organiques)",
            ],
        ),
    ],
};

/// Followers workbook, sheet `New followers`: follows gained per day.
pub(crate) const FOLLOWERS: Format = Format {
    id: FormatId::LinkedinFollowers,
    label: Text {
        en: "LinkedIn Page new followers (daily)",
        fr: "Nouveaux abonnés de Page LinkedIn (par jour)",
    },
    network: Network::LinkedIn,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date", "data"]),
        // "Total followers" is the day's new followers, sponsored, organic and invited together.
        (
            DailyNewFollows,
            &[
                "total followers",
                "total des abonnes",
                "total de seguidores",
                "nombre total d'abonnes",
            ],
        ),
    ],
};

/// Visitors workbook: page views per day.
pub(crate) const VISITORS: Format = Format {
    id: FormatId::LinkedinVisitors,
    label: Text {
        en: "LinkedIn Page visitors (daily)",
        fr: "Visiteurs de Page LinkedIn (par jour)",
    },
    network: Network::LinkedIn,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date", "data"]),
        (
            DailyProfileViews,
            &[
                "total page views (total)",
                "page views (total)",
                "overview page views (total)",
                "nombre total de pages vues (total)",
                "pages vues (total)",
                "visualizacoes de pagina (total)",
            ],
        ),
    ],
};

/// LinkedIn's quirks: a post has no id column; its link (`…urn:li:activity:712…`) is its id.
pub(crate) fn finish_post(post: &mut PostIn<'_>) {
    if post.id.is_empty() {
        if let Some(link) = post.permalink.as_deref() {
            let digits = link
                .rsplit(|c: char| !c.is_ascii_digit())
                .find(|part| part.len() >= 10)
                .map(str::to_string);
            post.id = Cow::Owned(digits.unwrap_or_else(|| link.trim().to_string()));
        }
    }
}
