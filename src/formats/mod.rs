//! Tables to canonical records: which export a table is ([`detect`]), which of its columns
//! mean what (by name, case-insensitively, never by position), and the platform's quirks.
//!
//! Each platform has its file with its formats' column names and known spelling variants:
//! [`x`], [`meta`] (Meta Business Suite posts and Ads Manager), [`facebook`] (legacy Page
//! Insights), [`linkedin`], [`youtube`], [`tiktok`], [`analytics`] (Google Analytics 4 and
//! Universal Analytics), [`search_console`] (Google Search Console), [`comments`] (giveaway
//! entries) and [`followers`] (Instagram's follower lists, for the contest). [`tables`] reads rows into
//! tables and [`mapper`] turns a table's rows into records.

pub(crate) mod analytics;
pub(crate) mod comments;
pub(crate) mod detect;
pub(crate) mod facebook;
pub(crate) mod fields;
pub(crate) mod followers;
pub(crate) mod linkedin;
pub(crate) mod mapper;
pub(crate) mod meta;
pub(crate) mod search_console;
pub(crate) mod tables;
pub(crate) mod tiktok;
pub(crate) mod x;
pub(crate) mod youtube;

use crate::i18n::{Lang, Text};
use crate::model::Network;
use crate::schema::{Field, FormatId, RecordKind};

/// One export format: what it holds and which column names mean which field.
#[derive(Debug)]
pub(crate) struct Format {
    /// Its id.
    pub id: FormatId,
    /// What people call it.
    pub label: Text,
    /// The network its records belong to.
    pub network: Network,
    /// The kind of record it gives; `None` when its rows are read but not imported.
    pub kind: Option<RecordKind>,
    /// For each field, the column names that hold it (normalised, see [`norm`]), best first.
    /// A name ending in `*` matches every column starting with it.
    pub columns: &'static [(Field, &'static [&'static str])],
}

/// Every format, in detection order.
pub(crate) const FORMATS: &[&Format] = &[
    &x::TWEET_ACTIVITY,
    &x::CONTENT,
    &x::OVERVIEW,
    &x::DAILY_ACTIVITY,
    &meta::FACEBOOK_POSTS,
    &meta::INSTAGRAM_POSTS,
    &meta::ADS,
    &facebook::POST,
    &facebook::PAGE,
    &facebook::VIDEO,
    &linkedin::CONTENT,
    &linkedin::METRICS,
    &linkedin::FOLLOWERS,
    &linkedin::VISITORS,
    &youtube::TABLE,
    &youtube::CHART,
    &youtube::TOTALS,
    &tiktok::OVERVIEW,
    &tiktok::CONTENT,
    &tiktok::FOLLOWERS,
    &analytics::GA4,
    &analytics::GA4_EVENTS,
    &analytics::UA,
    &search_console::QUERIES,
    &search_console::PAGES,
    &search_console::COUNTRIES,
    &search_console::DEVICES,
    &search_console::DATES,
    &search_console::APPEARANCES,
    &search_console::FILTERS,
    &followers::FOLLOWERS,
    &followers::FOLLOWING,
    &comments::COMMENTS,
    &GENERIC,
];

/// A file we do not recognise: the user maps its columns.
pub(crate) const GENERIC: Format = Format {
    id: FormatId::Generic,
    label: Text {
        en: "Unrecognised table",
        fr: "Tableau non reconnu",
    },
    network: Network::Other,
    kind: None,
    columns: &[],
};

impl FormatId {
    /// Its format.
    pub(crate) fn format(self) -> &'static Format {
        FORMATS
            .iter()
            .copied()
            .find(|f| f.id == self)
            .unwrap_or(&GENERIC)
    }

    /// What people call it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.format().label.get(lang)
    }
}

/// A column name as formats list it: lower case, without accents, spaces collapsed, typographic
/// apostrophes straightened, a byte order mark or quotes around it dropped.
pub(crate) fn norm(name: &str) -> String {
    let trimmed = name.trim_matches(|c: char| {
        c.is_whitespace() || c == '\u{feff}' || c == '"' || c == '\u{200b}'
    });
    let folded = crate::date::fold(trimmed);
    let mut out = String::with_capacity(folded.len());
    let mut space = false;
    for c in folded.chars() {
        let c = match c {
            '’' | '‘' | '`' | '´' => '\'',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Whether `alias` (normalised; a trailing `*` matches any end) names the column `name`
/// (normalised).
pub(crate) fn alias_matches(alias: &str, name: &str) -> bool {
    match alias.strip_suffix('*') {
        Some(prefix) => name.starts_with(prefix),
        None => alias == name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_norm() {
        use crate::formats::norm;
        assert_eq!(norm("\u{feff}\"Post ID\""), "post id");
        assert_eq!(
            norm("  Impressions   (organiques) "),
            "impressions (organiques)"
        );
        assert_eq!(norm("Taux d’engagement"), "taux d'engagement");
    }

    #[test]
    fn every_format_has_its_id_once_and_normalised_names() {
        let mut ids: Vec<FormatId> = FORMATS.iter().map(|f| f.id).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
        assert_eq!(n, 34);
        for f in FORMATS {
            assert_eq!(f.id.format().id, f.id);
            assert_eq!(
                serde_json::to_value(f.id).unwrap(),
                serde_json::json!(f.id.key())
            );
            for (field, names) in f.columns {
                assert_eq!(
                    Some(field.kind()),
                    f.kind,
                    "{}: {}",
                    f.id.key(),
                    field.key()
                );
                for name in *names {
                    let bare = name.trim_end_matches('*');
                    assert_eq!(
                        norm(bare),
                        bare,
                        "{}: {name:?} is not normalised",
                        f.id.key()
                    );
                }
            }
        }
    }
}
