//! Search visibility, from Google Search Console's performance export: clicks, impressions,
//! click-through rate and average position, the trend by day, and brand queries against the
//! others (from the brand terms the user types).
//!
//! Every table of the export slices the same clicks another way (by day, country, device,
//! page or query), so the totals come from one table only, and say which: by day when the
//! files have it (the whole period), else by country, device, page, then query (the top
//! queries leave anonymised ones out, so theirs is the smallest total). Each figure is the sum
//! of that table's rows; a position is an average, weighted by impressions, never summed.

use crate::date::{fold, Date};
use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::formula;
use crate::i18n::Lang;
use crate::model::{SearchDimension, SearchRow};
use serde::Serialize;

formula! {
    /// Clicks from Google Search.
    pub(crate) SEARCH_CLICKS = "search_clicks",
    en: "clicks = Σ clicks of the rows",
    fr: "clics = Σ clics des lignes"
}
formula! {
    /// Times a link to the site was shown in Google's results.
    pub(crate) SEARCH_IMPRESSIONS = "search_impressions",
    en: "impressions = Σ impressions of the rows",
    fr: "impressions = Σ impressions des lignes"
}
formula! {
    /// Click-through rate of the search results.
    pub(crate) SEARCH_CTR = "search_ctr",
    en: "CTR = Σ clicks ÷ Σ impressions",
    fr: "CTR = Σ clics ÷ Σ impressions"
}
formula! {
    /// Average position in the results, each row weighing its impressions.
    pub(crate) SEARCH_POSITION = "search_position",
    en: "average position = Σ (position × impressions) ÷ Σ impressions",
    fr: "position moyenne = Σ (position × impressions) ÷ Σ impressions"
}

/// Every formula of this module.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    SEARCH_CLICKS,
    SEARCH_IMPRESSIONS,
    SEARCH_CTR,
    SEARCH_POSITION,
];

/// The tables totals may come from, best first.
const PREFERRED: [SearchDimension; 5] = [
    SearchDimension::Date,
    SearchDimension::Country,
    SearchDimension::Device,
    SearchDimension::Page,
    SearchDimension::Query,
];

/// One table's rows added up: what the Files tab shows beside it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchTable {
    /// What its rows are by.
    pub dimension: SearchDimension,
    /// Its rows in the period.
    pub rows: usize,
    /// Σ clicks of its rows.
    pub clicks: Finite,
    /// Σ impressions of its rows.
    pub impressions: Finite,
}

/// One day of the trend.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchDay {
    /// The day.
    pub date: Date,
    /// Clicks that day.
    pub clicks: Option<Finite>,
    /// Impressions that day.
    pub impressions: Option<Finite>,
    /// Clicks ÷ impressions that day.
    pub ctr: Option<Finite>,
    /// The day's average position, as Search Console gives it.
    pub position: Option<Finite>,
}

/// Queries of one side of the brand split, with their figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QueryGroup {
    /// `brand` or `non_brand`.
    pub key: &'static str,
    /// Its name.
    pub label: String,
    /// How many queries.
    pub queries: usize,
    /// `search_clicks`, `search_impressions`, `search_ctr`, `search_position` of its queries.
    pub figures: Vec<Figure>,
}

/// Search visibility.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchReport {
    /// The table the totals come from; `null` when the files hold no Search Console rows.
    pub source: Option<SearchDimension>,
    /// Where the totals come from, in words, or why there are none.
    pub note: String,
    /// `search_clicks`, `search_impressions`, `search_ctr`, `search_position`.
    pub figures: Vec<Figure>,
    /// Each table's rows added up (each equals the table's own total).
    pub tables: Vec<SearchTable>,
    /// The trend, one entry per day, oldest first (empty without a table by day).
    pub by_day: Vec<SearchDay>,
    /// The brand terms used, as read (lower case, accents kept).
    pub brand_terms: Vec<String>,
    /// Brand queries, then the others; empty when there are no queries or no brand terms.
    pub brand_split: Vec<QueryGroup>,
    /// Why there is no brand split.
    pub brand_reason: Option<String>,
}

/// The search visibility of `rows` (already in the period), with queries containing one of
/// `brand` (terms separated by commas) as the brand's.
pub(crate) fn search_report(rows: &[&SearchRow], brand: &str, lang: Lang) -> SearchReport {
    let tables: Vec<SearchTable> = PREFERRED
        .iter()
        .rev()
        .filter_map(|d| table_of(rows, *d))
        .collect();
    let source = PREFERRED
        .iter()
        .copied()
        .find(|d| rows.iter().any(|r| r.dimension == *d));
    let of = |d: SearchDimension| -> Vec<&SearchRow> {
        rows.iter().copied().filter(|r| r.dimension == d).collect()
    };
    let chosen = source.map(of).unwrap_or_default();
    let terms = brand_terms(brand);
    let (brand_split, brand_reason) = brand_split(&of(SearchDimension::Query), &terms, lang);
    SearchReport {
        source,
        note: source_note(source, lang),
        figures: figures(&chosen, lang),
        tables,
        by_day: by_day(&of(SearchDimension::Date)),
        brand_terms: terms,
        brand_split,
        brand_reason,
    }
}

/// The sums of the rows by `dimension`, if there are any.
fn table_of(rows: &[&SearchRow], dimension: SearchDimension) -> Option<SearchTable> {
    let of: Vec<&&SearchRow> = rows.iter().filter(|r| r.dimension == dimension).collect();
    (!of.is_empty()).then(|| SearchTable {
        dimension,
        rows: of.len(),
        clicks: Finite::new(of.iter().filter_map(|r| r.clicks).sum()).unwrap_or(Finite::ZERO),
        impressions: Finite::new(of.iter().filter_map(|r| r.impressions).sum())
            .unwrap_or(Finite::ZERO),
    })
}

/// Where the totals come from, in words.
fn source_note(source: Option<SearchDimension>, lang: Lang) -> String {
    let s = match source {
        None => lang.pick(
            "no Search Console rows in the files: add the performance export (its zip, or Dates.csv)",
            "aucune ligne de la Search Console dans les fichiers : ajoutez l’export Performances (son zip, ou Dates.csv)",
        ),
        Some(SearchDimension::Date) => lang.pick(
            "totals of the table by day (Dates.csv)",
            "totaux du tableau par jour (Dates.csv)",
        ),
        Some(SearchDimension::Country) => lang.pick(
            "totals of the table by country (Countries.csv): no table by day in the files",
            "totaux du tableau par pays (Countries.csv) : pas de tableau par jour dans les fichiers",
        ),
        Some(SearchDimension::Device) => lang.pick(
            "totals of the table by device (Devices.csv): no table by day in the files",
            "totaux du tableau par appareil (Devices.csv) : pas de tableau par jour dans les fichiers",
        ),
        Some(SearchDimension::Page) => lang.pick(
            "totals of the table by page (Pages.csv): no table by day in the files",
            "totaux du tableau par page (Pages.csv) : pas de tableau par jour dans les fichiers",
        ),
        Some(SearchDimension::Query) => lang.pick(
            "totals of the top queries (Queries.csv), which leave anonymised queries out: add Dates.csv for the whole",
            "totaux des principales requêtes (Queries.csv), sans les requêtes anonymisées : ajoutez Dates.csv pour le tout",
        ),
    };
    s.to_string()
}

/// Clicks, impressions, CTR and average position of `rows`.
fn figures(rows: &[&SearchRow], lang: Lang) -> Vec<Figure> {
    let none = || {
        lang.pick(
            "no Search Console rows in the files for this period",
            "aucune ligne de la Search Console dans les fichiers pour cette période",
        )
        .to_string()
    };
    let sum = |f: fn(&SearchRow) -> Option<f64>| -> Option<(f64, usize)> {
        let known: Vec<f64> = rows.iter().filter_map(|r| f(r)).collect();
        (!known.is_empty()).then(|| (known.iter().sum(), known.len()))
    };
    let rows_name = lang.pick("rows with a value", "lignes avec une valeur");
    let count = |formula, label: &str, v: Option<(f64, usize)>| {
        let fig = Figure::of(formula, label, Unit::Count, lang);
        match v {
            Some((total, n)) => fig
                .input(rows_name, n as f64, Unit::Count)
                .value(total, lang),
            None => fig.unavailable(none()),
        }
    };
    let clicks = sum(|r| r.clicks);
    let impressions = sum(|r| r.impressions);
    vec![
        count(
            SEARCH_CLICKS,
            lang.pick("Search clicks", "Clics de recherche"),
            clicks,
        ),
        count(
            SEARCH_IMPRESSIONS,
            lang.pick("Search impressions", "Impressions de recherche"),
            impressions,
        ),
        ctr_figure(clicks.map(|c| c.0), impressions.map(|i| i.0), lang, none),
        position_figure(rows, lang, none),
    ]
}

/// Clicks ÷ impressions.
fn ctr_figure(
    clicks: Option<f64>,
    impressions: Option<f64>,
    lang: Lang,
    none: impl Fn() -> String,
) -> Figure {
    let fig = Figure::of(
        SEARCH_CTR,
        lang.pick("Search CTR", "CTR de recherche"),
        Unit::Ratio,
        lang,
    );
    match (clicks, impressions) {
        (Some(c), Some(i)) if i > 0.0 => fig
            .input(lang.pick("clicks", "clics"), c, Unit::Count)
            .input("impressions", i, Unit::Count)
            .value(c / i, lang),
        (Some(_), Some(_)) => fig.unavailable(lang.pick(
            "no impressions: the rate has no denominator",
            "aucune impression : le taux n’a pas de dénominateur",
        )),
        _ => fig.unavailable(none()),
    }
}

/// Σ (position × impressions) ÷ Σ impressions, over the rows with both.
fn position_figure(rows: &[&SearchRow], lang: Lang, none: impl Fn() -> String) -> Figure {
    let fig = Figure::of(
        SEARCH_POSITION,
        lang.pick("Average position", "Position moyenne"),
        Unit::Count,
        lang,
    );
    let (weighted, weight) = rows
        .iter()
        .filter_map(|r| match (r.position, r.impressions) {
            (Some(p), Some(i)) if i > 0.0 => Some((p * i, i)),
            _ => None,
        })
        .fold((0.0, 0.0), |(a, b), (p, i)| (a + p, b + i));
    if weight > 0.0 {
        fig.input(
            lang.pick("Σ position × impressions", "Σ position × impressions"),
            weighted,
            Unit::Count,
        )
        .input("Σ impressions", weight, Unit::Count)
        .value(weighted / weight, lang)
    } else if rows.is_empty() {
        fig.unavailable(none())
    } else {
        fig.unavailable(lang.pick(
            "no row has both a position and impressions",
            "aucune ligne n’a à la fois une position et des impressions",
        ))
    }
}

/// The rows by day, oldest first.
fn by_day(rows: &[&SearchRow]) -> Vec<SearchDay> {
    let mut days: Vec<SearchDay> = rows
        .iter()
        .filter_map(|r| {
            let ctr = match (r.clicks, r.impressions) {
                (Some(c), Some(i)) if i > 0.0 => Finite::new(c / i),
                _ => None,
            };
            Some(SearchDay {
                date: r.date?,
                clicks: r.clicks.and_then(Finite::new),
                impressions: r.impressions.and_then(Finite::new),
                ctr,
                position: r.position.and_then(Finite::new),
            })
        })
        .collect();
    crate::metrics::sort_by_key(&mut days, |d| d.date);
    days
}

/// The brand terms the user typed: separated by commas, trimmed, lower case, blanks dropped.
pub(crate) fn brand_terms(text: &str) -> Vec<String> {
    let mut terms: Vec<String> = text
        .split([',', ';', '\n'])
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    terms.dedup();
    terms
}

/// Whether `query` names the brand: it holds one of `terms`, case and accents aside.
pub(crate) fn is_brand(query: &str, terms: &[String]) -> bool {
    let q = fold(query);
    terms.iter().any(|t| q.contains(&fold(t)))
}

/// Brand queries and the others, each with its figures; or why there is no split.
fn brand_split(
    queries: &[&SearchRow],
    terms: &[String],
    lang: Lang,
) -> (Vec<QueryGroup>, Option<String>) {
    if queries.is_empty() {
        let why = lang.pick(
            "no table of queries (Queries.csv) in the files",
            "aucun tableau de requêtes (Queries.csv) dans les fichiers",
        );
        return (Vec::new(), Some(why.to_string()));
    }
    if terms.is_empty() {
        let why = lang.pick(
            "type your brand’s name (and its spellings) to split the queries",
            "saisissez le nom de votre marque (et ses graphies) pour séparer les requêtes",
        );
        return (Vec::new(), Some(why.to_string()));
    }
    let (brand, other): (Vec<&SearchRow>, Vec<&SearchRow>) = queries
        .iter()
        .partition(|r| r.key.as_deref().is_some_and(|k| is_brand(k, terms)));
    let group = |key, label: &str, rows: Vec<&SearchRow>| QueryGroup {
        key,
        label: label.to_string(),
        queries: rows.len(),
        figures: figures(&rows, lang),
    };
    let groups = vec![
        group(
            "brand",
            lang.pick("Brand queries", "Requêtes de marque"),
            brand,
        ),
        group(
            "non_brand",
            lang.pick("Other queries", "Autres requêtes"),
            other,
        ),
    ];
    (groups, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Origin;

    fn row(
        dimension: SearchDimension,
        key: &str,
        clicks: f64,
        impressions: f64,
        position: f64,
    ) -> SearchRow {
        SearchRow {
            dimension,
            key: (!key.is_empty()).then(|| key.to_string()),
            date: None,
            clicks: Some(clicks),
            impressions: Some(impressions),
            ctr: None,
            position: Some(position),
            origin: Origin { file: 0, line: 2 },
        }
    }

    #[test]
    fn example_of_search_report() {
        use crate::metrics::search::search_report;
        use crate::model::SearchDimension::Query;
        let rows = [
            row(Query, "Atelier Lyon", 30.0, 100.0, 1.0),
            row(Query, "pain au levain", 10.0, 300.0, 9.0),
        ];
        let refs: Vec<&SearchRow> = rows.iter().collect();
        let r = search_report(&refs, "atelier", Lang::En);
        let value = |id: &str| r.figures.iter().find(|f| f.id == id).and_then(Figure::get);
        assert_eq!(value("search_clicks"), Some(40.0));
        assert_eq!(value("search_ctr"), Some(0.1));
        // (1 × 100 + 9 × 300) ÷ 400: the big query weighs three times as much.
        assert_eq!(value("search_position"), Some(7.0));
        assert_eq!(r.brand_split[0].queries, 1);
        assert_eq!(r.brand_split[0].figures[0].get(), Some(30.0));
    }

    #[test]
    fn brand_terms_ignore_case_and_accents() {
        let terms = brand_terms(" Crème Atelier, , atelier ");
        assert_eq!(terms, ["crème atelier", "atelier"]);
        assert!(is_brand("CREME atelier lyon", &terms));
        assert!(!is_brand("boulangerie lyon", &terms));
    }
}
