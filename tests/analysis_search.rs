//! Search visibility and the returns the files carry into the ROI link, through the real
//! readers: the Search Console export of `tests/fixtures/import/search_console/` (a bakery's
//! site, four days of June 2026), GA4's acquisition and Events reports, and a YouTube channel
//! with revenue. Every expected value is worked out in the comments from the fixtures.

use social_roi::{
    analyze, AnalysisOptions, AnalysisReport, Date, Figure, ImportOptions, Lang, Period,
    SearchDimension, Workspace,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn workspace(paths: &[&str]) -> Workspace {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 6, 30),
    });
    for path in paths {
        let bytes = std::fs::read(format!("{DIR}{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
        let id = ws.add(path, &bytes);
        assert!(!ws.report(id).unwrap().has_errors(), "{path}");
    }
    ws
}

fn value(figures: &[Figure], id: &str) -> Option<f64> {
    let f = figures
        .iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"));
    f.get()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

const ZIP: &str = "search_console/atelier.example-Performance-on-Search-2026-06-30.zip";

fn run(ws: &Workspace, brand: &str) -> AnalysisReport {
    let options = AnalysisOptions {
        brand_terms: brand.to_string(),
        ..AnalysisOptions::default()
    };
    let r = analyze(ws.dataset(), &options, Lang::En);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

#[test]
fn search_totals_come_from_the_table_by_day() {
    let r = run(&workspace(&[ZIP]), "");
    let s = &r.search;
    assert_eq!(s.source, Some(SearchDimension::Date));
    assert_eq!(s.note, "totals of the table by day (Dates.csv)");
    // 50 + 70 + 60 + 120 clicks, 800 + 900 + 700 + 1600 impressions: the rows of Dates.csv.
    assert_eq!(value(&s.figures, "search_clicks"), Some(300.0));
    assert_eq!(value(&s.figures, "search_impressions"), Some(4000.0));
    assert!(close(value(&s.figures, "search_ctr"), 0.075));
    // (4.2 × 800 + 3.9 × 900 + 4.5 × 700 + 3.6 × 1600) ÷ 4000 = 15780 ÷ 4000, not the mean
    // of the four positions (4.05), and never their sum.
    assert!(close(value(&s.figures, "search_position"), 3.945));
    let f = s
        .figures
        .iter()
        .find(|f| f.id == "search_position")
        .unwrap();
    assert_eq!(
        f.formula,
        "average position = Σ (position × impressions) ÷ Σ impressions"
    );
    // Each table adds up to its own rows.
    let tables: Vec<(SearchDimension, usize, f64, f64)> = s
        .tables
        .iter()
        .map(|t| (t.dimension, t.rows, t.clicks.get(), t.impressions.get()))
        .collect();
    use SearchDimension::*;
    assert_eq!(
        tables,
        [
            (Query, 5, 270.0, 2900.0),
            (Page, 3, 300.0, 4000.0),
            (Device, 3, 300.0, 4000.0),
            (Country, 3, 300.0, 4000.0),
            (Date, 4, 300.0, 4000.0),
        ]
    );
    let days: Vec<(String, f64)> = s
        .by_day
        .iter()
        .map(|d| (d.date.to_string(), d.clicks.unwrap().get()))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-06-01".to_string(), 50.0),
            ("2026-06-02".to_string(), 70.0),
            ("2026-06-03".to_string(), 60.0),
            ("2026-06-04".to_string(), 120.0)
        ]
    );
    assert!(close(s.by_day[0].ctr.map(|c| c.get()), 50.0 / 800.0));
    assert_eq!(
        s.brand_reason.as_deref(),
        Some("type your brand’s name (and its spellings) to split the queries")
    );
}

#[test]
fn brand_queries_against_the_others() {
    let r = run(&workspace(&[ZIP]), "Atelier");
    let split = &r.search.brand_split;
    assert_eq!(r.search.brand_terms, ["atelier"]);
    assert_eq!(split.len(), 2);
    let (brand, other) = (&split[0], &split[1]);
    // atelier pain lyon, boulangerie atelier, atelier horaires.
    assert_eq!((brand.key, brand.queries), ("brand", 3));
    assert_eq!(value(&brand.figures, "search_clicks"), Some(225.0));
    assert_eq!(value(&brand.figures, "search_impressions"), Some(800.0));
    assert!(close(value(&brand.figures, "search_ctr"), 225.0 / 800.0));
    // (1.5 × 400 + 2.1 × 250 + 1.8 × 150) ÷ 800 = 1395 ÷ 800.
    assert!(close(value(&brand.figures, "search_position"), 1.74375));
    assert_eq!((other.key, other.queries), ("non_brand", 2));
    assert_eq!(value(&other.figures, "search_clicks"), Some(45.0));
    assert_eq!(value(&other.figures, "search_impressions"), Some(2100.0));
    // (8.4 × 1200 + 11.2 × 900) ÷ 2100 = 20160 ÷ 2100.
    assert!(close(value(&other.figures, "search_position"), 9.6));
    // Together, the top queries' own total: 270 clicks.
    assert_eq!(
        value(&brand.figures, "search_clicks").unwrap()
            + value(&other.figures, "search_clicks").unwrap(),
        270.0
    );
}

#[test]
fn a_period_cuts_the_days_and_a_second_copy_counts_once() {
    // The zip and its Dates.csv dropped again: the same four days, counted once.
    let ws = workspace(&[ZIP, "search_console/Dates.csv"]);
    let options = AnalysisOptions {
        period: Some(Period {
            from: "2026-06-02".into(),
            to: "2026-06-03".into(),
        }),
        ..AnalysisOptions::default()
    };
    let r = analyze(ws.dataset(), &options, Lang::En);
    // 70 + 60 clicks, 900 + 700 impressions.
    assert_eq!(value(&r.search.figures, "search_clicks"), Some(130.0));
    assert_eq!(value(&r.search.figures, "search_impressions"), Some(1600.0));
    assert_eq!(r.search.by_day.len(), 2);
    // The workspace counted the four days once, and the second file says so.
    assert_eq!(ws.totals(Lang::En).counted_once.search, 4);
    let (_, second) = ws.reports()[1];
    let said = &second.localized(Lang::En).tables[0].warnings;
    assert!(
        said.iter()
            .any(|w| w.message.contains("4 Search Console days also appear in")),
        "{said:#?}"
    );
    assert!(r.warnings.iter().any(
        |w| w.starts_with("14 Search Console row(s) by query, page, country or device have no day")
    ));
}

#[test]
fn without_a_table_by_day_the_totals_say_which_table_they_use() {
    let r = run(&workspace(&["search_console/Queries.csv"]), "");
    assert_eq!(r.search.source, Some(SearchDimension::Query));
    assert!(r.search.note.contains("leave anonymised queries out"));
    assert_eq!(value(&r.search.figures, "search_clicks"), Some(270.0));
    let empty = run(&workspace(&[]), "");
    assert_eq!(empty.search.source, None);
    let f = empty
        .search
        .figures
        .iter()
        .find(|f| f.id == "search_ctr")
        .unwrap();
    assert_eq!(
        f.reason.as_deref(),
        Some("no Search Console rows in the files for this period")
    );
}

#[test]
fn key_events_of_social_traffic_are_the_calculators_acquisitions() {
    let ws = workspace(&[
        "analytics/ga4_channels_by_hour_20260601-20260607.csv",
        "analytics/ga4_events_20260601-20260607.csv",
    ]);
    let r = run(&ws, "");
    let patch = &r.costs.roi_patch;
    // Organic Social 3 + 2, Paid Social 1: the acquisition report's social rows win over
    // the Events report's whole-site 9.
    assert_eq!(
        serde_json::to_value(&patch.counts.acquisitions).unwrap(),
        6.0
    );
    assert!(patch.notes.contains(
        &"customers acquired: key events of social traffic (Google Analytics)".to_string()
    ));
    // The Events report alone: its 6 sign-ups and 3 purchases.
    let r = run(
        &workspace(&["analytics/ga4_events_20260601-20260607.csv"]),
        "",
    );
    assert_eq!(
        serde_json::to_value(&r.costs.roi_patch.counts.acquisitions).unwrap(),
        9.0
    );
}

#[test]
fn youtube_revenue_is_a_return_of_the_roi_link() {
    // The channel's days (1.25 + 0.80 + 2.10 USD) are the revenue: the videos' 8.80 EUR are
    // not added to them.
    let ws = workspace(&[
        "youtube/channel_subscribers_2026-03.csv",
        "youtube/Content 2026-03-01_2026-03-07 Atelier/Table data.csv",
    ]);
    let r = run(&ws, "");
    let patch = &r.costs.roi_patch;
    assert_eq!(patch.currency.as_deref(), Some("USD"));
    assert_eq!(patch.returns.len(), 1);
    let line = serde_json::to_value(&patch.returns[0]).unwrap();
    assert_eq!(line["value"], 4.15);
    assert_eq!(line["count"], 1.0);
    assert!(patch
        .notes
        .iter()
        .any(|n| n
            == "estimated revenue of the channel’s days: 4.15 USD, carried as one return line"));
    // The videos alone: their revenue, in euros.
    let ws = workspace(&["youtube/Content 2026-03-01_2026-03-07 Atelier/Table data.csv"]);
    let patch = run(&ws, "").costs.roi_patch;
    assert_eq!(patch.currency.as_deref(), Some("EUR"));
    assert_eq!(
        serde_json::to_value(&patch.returns[0]).unwrap()["value"],
        8.8
    );
    // Churn: gained 13, lost 7 over the channel's days.
    let r = run(&workspace(&["youtube/channel_subscribers_2026-03.csv"]), "");
    let yt = &r.growth.networks[0];
    assert_eq!(value(&yt.figures, "new_follows"), Some(13.0));
    assert_eq!(value(&yt.figures, "unfollows"), Some(7.0));
}
