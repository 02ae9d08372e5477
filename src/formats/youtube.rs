//! YouTube Studio's download: a folder or zip of `Table data.csv` (one row per video, after
//! the channel's `Total` row), `Chart data.csv` (one row per video per day) and `Totals.csv`
//! (one row per day). Headers follow the interface language: English and French are known.

use super::Format;
use crate::i18n::Text;
use crate::model::Network;
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};

/// `Table data.csv`: each video's totals over the period.
pub(crate) const TABLE: Format = Format {
    id: FormatId::YoutubeTable,
    label: Text {
        en: "YouTube Studio videos (Table data)",
        fr: "Vidéos YouTube Studio (Table data)",
    },
    network: Network::YouTube,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["content", "video", "contenu"]),
        (PostText, &["video title", "titre de la video"]),
        (
            PostPublished,
            &[
                "video publish time",
                "heure de publication de la video",
                "date de publication de la video",
            ],
        ),
        (PostViews, &["views", "vues"]),
        (
            PostWatchTimeHours,
            &["watch time (hours)", "duree de visionnage (heures)"],
        ),
        (PostNewFollows, &["subscribers gained", "abonnes obtenus"]),
        (PostUnfollows, &["subscribers lost", "abonnes perdus"]),
        // `Subscribers` is the net change: negative when more left than came.
        (PostNetFollows, &["subscribers", "abonnes"]),
        (PostRevenue, REVENUE),
        (PostImpressions, &["impressions"]),
        (PostReactions, &["likes", "j'aime"]),
        (PostShares, &["shares", "partages"]),
        (PostComments, &["comments added", "commentaires ajoutes"]),
    ],
};

/// `Chart data.csv`: each video's value per day. Read and checked, not imported: the channel's
/// days come from `Totals.csv` and each video's totals from `Table data.csv`.
pub(crate) const CHART: Format = Format {
    id: FormatId::YoutubeChart,
    label: Text {
        en: "YouTube Studio daily values per video (Chart data)",
        fr: "Valeurs quotidiennes par vidéo YouTube Studio (Chart data)",
    },
    network: Network::YouTube,
    kind: None,
    columns: &[],
};

/// `Totals.csv`: the channel's value per day.
pub(crate) const TOTALS: Format = Format {
    id: FormatId::YoutubeTotals,
    label: Text {
        en: "YouTube Studio channel totals (daily)",
        fr: "Totaux de la chaîne YouTube Studio (par jour)",
    },
    network: Network::YouTube,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date"]),
        (DailyViews, &["views", "vues"]),
        (DailyNewFollows, &["subscribers gained", "abonnes obtenus"]),
        (DailyUnfollows, &["subscribers lost", "abonnes perdus"]),
        (DailyNetFollows, &["subscribers", "abonnes"]),
        (DailyImpressions, &["impressions"]),
        (DailyReactions, &["likes", "j'aime"]),
        (DailyShares, &["shares", "partages"]),
        (DailyComments, &["comments added", "commentaires ajoutes"]),
        (DailyRevenue, REVENUE),
    ],
};

/// The revenue columns of a monetised channel; the currency is in the header (`(USD)`) when
/// it says. `RPM (USD)` is revenue per thousand views, not revenue: not read.
const REVENUE: &[&str] = &[
    "your estimated revenue (*",
    "your estimated revenue",
    "estimated revenue (*",
    "estimated revenue",
    "vos revenus estimes (*",
    "revenus estimes (*",
    "revenus estimes",
];

/// Column names only YouTube writes, to tell `Totals.csv` from any `Date, …` table.
pub(crate) const OWN_METRICS: &[&str] = &[
    "watch time (hours)",
    "duree de visionnage (heures)",
    "subscribers",
    "abonnes",
    "subscribers gained",
    "subscribers lost",
    "average view duration",
    "duree moyenne de visionnage",
    "impressions click-through rate (%)",
    "taux de clics des impressions (%)",
    "comments added",
    "your estimated revenue (usd)",
    "estimated revenue",
    "estimated revenue (usd)",
    "rpm (usd)",
    "unique viewers",
    "spectateurs uniques",
];

/// Whether `file_name` (a path or a name) is YouTube's `Totals.csv`, whatever folder holds it.
pub(crate) fn is_totals_file(file_name: &str) -> bool {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    matches!(
        crate::formats::norm(base).as_str(),
        "totals.csv" | "totaux.csv"
    )
}

/// Whether the first cell of a row makes it the channel's `Total` row.
pub(crate) fn is_total_row(first: &str) -> bool {
    matches!(crate::formats::norm(first).as_str(), "total" | "totaux")
}
