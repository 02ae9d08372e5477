//! Google Analytics exports: GA4 (its acquisition reports, and its Events report) and
//! Universal Analytics. A `#` preamble (with the period), then a table; several tables may
//! follow one another, each after its own preamble; a `Grand total` row, or one whose
//! dimensions are blank, may come first or last. GA4 renames its columns over time (`Key
//! events` was `Conversions`; `Session primary channel group (Default channel group)` and
//! `Date + hour (YYYYMMDDHH)` are the current names): every name seen is listed.

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
                "session primary channel group (default channel group)",
                "first user default channel group",
                "first user primary channel group (default channel group)",
                "default channel group",
                "primary channel group (default channel group)",
                "groupe de canaux par defaut de la session",
            ],
        ),
        (
            TrafficDate,
            &[
                "date",
                "date + hour (yyyymmddhh)",
                "date et heure (aaaammjjhh)",
            ],
        ),
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
        (
            TrafficUsers,
            &[
                "total users",
                "users",
                "nombre total d'utilisateurs",
                "utilisateurs",
            ],
        ),
    ],
};

/// GA4's Events report: one row per event name, with its count, its users and how many of
/// them are key events.
pub(crate) const GA4_EVENTS: Format = Format {
    id: FormatId::Ga4Events,
    label: Text {
        en: "Google Analytics 4, events and key events",
        fr: "Google Analytics 4, événements et événements clés",
    },
    network: Network::Web,
    kind: Some(RecordKind::Traffic),
    columns: &[
        (TrafficEvent, &["event name", "nom de l'evenement"]),
        (
            TrafficSourceMedium,
            &[
                "session source / medium",
                "first user source / medium",
                "source / medium",
            ],
        ),
        (
            TrafficChannel,
            &[
                "session default channel group",
                "session primary channel group (default channel group)",
                "default channel group",
            ],
        ),
        (TrafficDate, &["date"]),
        (TrafficEventCount, &["event count", "nombre d'evenements"]),
        (
            TrafficUsers,
            &[
                "total users",
                "users",
                "nombre total d'utilisateurs",
                "utilisateurs",
            ],
        ),
        (
            TrafficConversions,
            &["key events", "conversions", "evenements cles"],
        ),
        (
            TrafficRevenue,
            &[
                "total revenue",
                "event value",
                "revenus totaux",
                "revenu total",
            ],
        ),
    ],
};

/// Dimensions only GA4 writes.
pub(crate) const GA4_DIMENSIONS: &[&str] = &[
    "session source / medium",
    "session source",
    "session medium",
    "session default channel group",
    "session primary channel group (default channel group)",
    "first user source / medium",
    "first user default channel group",
    "first user primary channel group (default channel group)",
    "date + hour (yyyymmddhh)",
    "engaged sessions",
    "key events",
    "source / support de la session",
];

/// Metrics of a GA4 acquisition table (the User acquisition report has no `Sessions`).
pub(crate) const GA4_METRICS: &[&str] = &[
    "sessions",
    "total users",
    "new users",
    "key events",
    "engaged sessions",
];

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
