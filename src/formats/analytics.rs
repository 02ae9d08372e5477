//! Google Analytics exports: GA4 and Universal Analytics. A `#` preamble (with the period),
//! then a table; several tables may follow one another, each after its own preamble; a
//! `Grand total` row, or one whose dimensions are blank, may come first or last.

use super::Format;
use crate::i18n::Text;
use crate::model::Network;
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};

/// Google Analytics 4.
pub(crate) const GA4: Format = Format {
    id: FormatId::Ga4,
    label: Text {
        en: "Google Analytics 4",
        fr: "Google Analytics 4",
    },
    network: Network::Web,
    kind: Some(RecordKind::Traffic),
    columns: &[
        (
            TrafficSourceMedium,
            &[
                "session source / medium",
                "first user source / medium",
                "source / medium",
                "source / support de la session",
                "source / support",
            ],
        ),
        (
            TrafficSource,
            &[
                "session source",
                "first user source",
                "source de la session",
            ],
        ),
        (
            TrafficMedium,
            &[
                "session medium",
                "first user medium",
                "support de la session",
            ],
        ),
        (
            TrafficChannel,
            &[
                "session default channel group",
                "first user default channel group",
                "default channel group",
                "groupe de canaux par defaut de la session",
            ],
        ),
        (TrafficDate, &["date"]),
        (TrafficSessions, &["sessions"]),
        (
            TrafficEngagedSessions,
            &["engaged sessions", "sessions avec engagement"],
        ),
        (
            TrafficConversions,
            &["key events", "conversions", "evenements cles"],
        ),
        (
            TrafficRevenue,
            &[
                "total revenue",
                "purchase revenue",
                "revenus totaux",
                "revenu total",
            ],
        ),
    ],
};

/// Universal Analytics (before July 2023).
pub(crate) const UA: Format = Format {
    id: FormatId::Ua,
    label: Text {
        en: "Universal Analytics (Google Analytics, before 2023)",
        fr: "Universal Analytics (Google Analytics, avant 2023)",
    },
    network: Network::Web,
    kind: Some(RecordKind::Traffic),
    columns: &[
        (
            TrafficSourceMedium,
            &["source / medium", "source / support"],
        ),
        (TrafficSource, &["source"]),
        (TrafficMedium, &["medium", "support"]),
        (
            TrafficChannel,
            &[
                "default channel grouping",
                "social network",
                "regroupement de canaux par defaut",
                "reseau social",
            ],
        ),
        (TrafficDate, &["date", "day index", "index des jours"]),
        (TrafficSessions, &["sessions"]),
        (
            TrafficConversions,
            &[
                "goal completions",
                "conversions",
                "transactions",
                "objectifs realises",
            ],
        ),
        (
            TrafficRevenue,
            &["revenue", "revenus", "goal value", "valeur de l'objectif"],
        ),
    ],
};

/// Whether a row is a totals row: `Grand total`/`Total` in its first dimension, or every
/// dimension blank while numbers are there.
pub(crate) fn is_total_row(dimensions: &[&str], has_numbers: bool) -> bool {
    let first = dimensions
        .first()
        .map(|d| crate::formats::norm(d))
        .unwrap_or_default();
    matches!(
        first.as_str(),
        "grand total" | "total" | "totaux" | "total general"
    ) || (has_numbers && !dimensions.is_empty() && dimensions.iter().all(|d| d.trim().is_empty()))
}
