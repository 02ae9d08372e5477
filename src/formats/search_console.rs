//! Google Search Console's performance export (Performance → Export): a zip (or a Google
//! Sheet) of one table per CSV, `Queries.csv`, `Pages.csv`, `Countries.csv`, `Devices.csv`,
//! `Search appearance.csv` and `Dates.csv`, each `<dimension>,Clicks,Impressions,CTR,Position`,
//! and `Filters.csv` (`Filter,Value`: the search type and the date range). CTR is a percent
//! string (`61.97%`), Position an average (`2.13`), never summed.
//!
//! Each table slices the same clicks another way: they are records of one kind, told apart by
//! their [`SearchDimension`], and the analysis never adds two dimensions together. English
//! headers, and the French ones we could confirm (`Clics`); the mapping step covers the rest.

use super::Format;
use crate::i18n::Text;
use crate::model::{Network, SearchDimension};
use crate::schema::FormatId;
use crate::schema::{Field, Field::*, RecordKind};

/// The metric columns every table but `Filters.csv` has.
const METRICS: [(Field, &[&str]); 4] = [
    (SearchClicks, &["clicks", "clics"]),
    (SearchImpressions, &["impressions"]),
    (SearchCtr, &["ctr"]),
    (SearchPosition, &["position", "position moyenne"]),
];

/// The names of each table's dimension column, best first.
const QUERY: &[&str] = &[
    "top queries",
    "queries",
    "query",
    "requetes les plus frequentes",
];
const PAGE: &[&str] = &["top pages", "pages", "page", "pages les plus populaires"];
const COUNTRY: &[&str] = &["country", "countries", "pays"];
const DEVICE: &[&str] = &["device", "devices", "appareil", "appareils"];
const APPEARANCE: &[&str] = &[
    "search appearance",
    "apparence dans les resultats de recherche",
];
const DATE: &[&str] = &["date"];

macro_rules! table_format {
    ($name:ident, $id:ident, $en:literal, $fr:literal, $kind:expr, $field:ident, $names:ident) => {
        #[doc = concat!("`", $en, "`.")]
        pub(crate) const $name: Format = Format {
            id: FormatId::$id,
            label: Text { en: $en, fr: $fr },
            network: Network::Web,
            kind: $kind,
            columns: &[
                ($field, $names),
                METRICS[0],
                METRICS[1],
                METRICS[2],
                METRICS[3],
            ],
        };
    };
}

table_format!(
    QUERIES,
    SearchConsoleQueries,
    "Search Console, queries (Queries.csv)",
    "Search Console, requêtes (Queries.csv)",
    Some(RecordKind::Search),
    SearchQuery,
    QUERY
);
table_format!(
    PAGES,
    SearchConsolePages,
    "Search Console, pages (Pages.csv)",
    "Search Console, pages (Pages.csv)",
    Some(RecordKind::Search),
    SearchPage,
    PAGE
);
table_format!(
    COUNTRIES,
    SearchConsoleCountries,
    "Search Console, countries (Countries.csv)",
    "Search Console, pays (Countries.csv)",
    Some(RecordKind::Search),
    SearchCountry,
    COUNTRY
);
table_format!(
    DEVICES,
    SearchConsoleDevices,
    "Search Console, devices (Devices.csv)",
    "Search Console, appareils (Devices.csv)",
    Some(RecordKind::Search),
    SearchDevice,
    DEVICE
);
table_format!(
    DATES,
    SearchConsoleDates,
    "Search Console, by day (Dates.csv)",
    "Search Console, par jour (Dates.csv)",
    Some(RecordKind::Search),
    SearchDate,
    DATE
);

/// `Search appearance.csv`: read, not imported (a result can show several appearances, so
/// its rows overlap).
pub(crate) const APPEARANCES: Format = Format {
    id: FormatId::SearchConsoleAppearance,
    label: Text {
        en: "Search Console, search appearance (read, not counted: appearances overlap)",
        fr: "Search Console, apparence dans les résultats (lue, non comptée\u{a0}: les apparences se recouvrent)",
    },
    network: Network::Web,
    kind: None,
    columns: &[],
};

/// `Filters.csv`: the search type and date range the other tables are for.
pub(crate) const FILTERS: Format = Format {
    id: FormatId::SearchConsoleFilters,
    label: Text {
        en: "Search Console, filters of the export (Filters.csv)",
        fr: "Search Console, filtres de l’export (Filters.csv)",
    },
    network: Network::Web,
    kind: None,
    columns: &[],
};

/// The Search Console table whose header is `names` (normalised), if it is one: a dimension
/// column first, then clicks, impressions and position.
pub(crate) fn detect(names: &[String]) -> Option<FormatId> {
    let has = |list: &[&str]| names.iter().any(|n| list.contains(&n.as_str()));
    if names.len() == 2 && has(&["filter", "filtre"]) && has(&["value", "valeur"]) {
        return Some(FormatId::SearchConsoleFilters);
    }
    let metrics = METRICS
        .iter()
        .filter(|(f, _)| *f != SearchCtr)
        .all(|(_, aliases)| has(aliases));
    if !metrics {
        return None;
    }
    let first = names.first().map(String::as_str).unwrap_or("");
    [
        (QUERY, FormatId::SearchConsoleQueries),
        (PAGE, FormatId::SearchConsolePages),
        (COUNTRY, FormatId::SearchConsoleCountries),
        (DEVICE, FormatId::SearchConsoleDevices),
        (APPEARANCE, FormatId::SearchConsoleAppearance),
        (DATE, FormatId::SearchConsoleDates),
    ]
    .iter()
    .find(|(list, _)| list.contains(&first))
    .map(|(_, id)| *id)
}

/// What the rows of a Search Console format are by.
pub(crate) fn dimension(id: FormatId) -> Option<SearchDimension> {
    match id {
        FormatId::SearchConsoleQueries => Some(SearchDimension::Query),
        FormatId::SearchConsolePages => Some(SearchDimension::Page),
        FormatId::SearchConsoleCountries => Some(SearchDimension::Country),
        FormatId::SearchConsoleDevices => Some(SearchDimension::Device),
        FormatId::SearchConsoleDates => Some(SearchDimension::Date),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::norm;

    fn names(header: &str) -> Vec<String> {
        header.split(',').map(norm).collect()
    }

    #[test]
    fn example_of_detect() {
        use crate::formats::search_console::detect;
        let header: Vec<String> = ["top queries", "clicks", "impressions", "ctr", "position"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(detect(&header), Some(FormatId::SearchConsoleQueries));
    }

    #[test]
    fn every_table_of_the_export() {
        use FormatId::*;
        for (header, id) in [
            (
                "Top queries,Clicks,Impressions,CTR,Position",
                SearchConsoleQueries,
            ),
            (
                "Top pages,Clicks,Impressions,CTR,Position",
                SearchConsolePages,
            ),
            (
                "Country,Clicks,Impressions,CTR,Position",
                SearchConsoleCountries,
            ),
            (
                "Device,Clicks,Impressions,CTR,Position",
                SearchConsoleDevices,
            ),
            (
                "Search Appearance,Clicks,Impressions,CTR,Position",
                SearchConsoleAppearance,
            ),
            ("Date,Clicks,Impressions,CTR,Position", SearchConsoleDates),
            ("Date,Clics,Impressions,CTR,Position", SearchConsoleDates),
            ("Filter,Value", SearchConsoleFilters),
        ] {
            assert_eq!(detect(&names(header)), Some(id), "{header}");
        }
        assert_eq!(detect(&names("Date,Clicks,Impressions")), None);
        assert_eq!(detect(&names("Campaign,Clicks,Impressions,Position")), None);
    }
}
