//! Every layout `formats.md` documents that `tests/import.rs` does not already cover, and the
//! files we did not read before (X daily activity, Search Console, GA4 events, YouTube
//! revenue, Instagram follower lists), each on its own fixture written from the text: exact
//! counts, sums, lines and warnings. The numbers are made up; the comments add them up.

use social_roi::{
    import_bytes, Date, Field, FileReport, FormatId, ImportOptions, Imported, Lang, Network,
    Records, SearchDimension, SkipReason, Status, TableReport,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn options() -> ImportOptions {
    ImportOptions {
        today: Date::new(2026, 6, 30),
    }
}

/// Reads a fixture under `name` (its path below the fixtures, folders included, as the
/// command line names a file it is given).
fn read_as(path: &str, name: &str) -> Imported {
    let bytes = std::fs::read(format!("{DIR}{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
    import_bytes(name, &bytes, options())
}

/// Reads a fixture under its own file name, as a user dropping it would.
fn read(path: &str) -> Imported {
    read_as(path, path.rsplit('/').next().unwrap_or(path))
}

fn only_table(i: &Imported) -> (&TableReport, &Records) {
    assert_eq!(i.report.tables.len(), 1, "{:#?}", i.report);
    (&i.report.tables[0], &i.records[0])
}

fn sum(values: impl Iterator<Item = Option<f64>>) -> (f64, usize) {
    let known: Vec<f64> = values.flatten().collect();
    ((known.iter().sum::<f64>() * 1e6).round() / 1e6, known.len())
}

fn codes(problems: &[social_roi::Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.code).collect()
}

fn skipped(t: &TableReport) -> Vec<(SkipReason, u64, Vec<u64>)> {
    t.skipped
        .iter()
        .map(|s| (s.reason, s.count, s.lines.clone()))
        .collect()
}

fn mapped(t: &TableReport) -> Vec<(&str, &str)> {
    t.mapped
        .iter()
        .map(|m| (m.column.as_str(), m.field.key()))
        .collect()
}

fn messages(report: &FileReport, lang: Lang) -> Vec<String> {
    let r = report.localized(lang);
    r.tables
        .iter()
        .flat_map(|t| t.errors.iter().chain(&t.warnings))
        .chain(r.errors.iter().chain(&r.warnings))
        .map(|p| p.message.clone())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Legacy Facebook: row 2 of descriptions, or nearly empty, on every level
// ---------------------------------------------------------------------------------------------

#[test]
fn facebook_page_level_with_a_row_of_descriptions() {
    let i = read("facebook/page_level_descriptions_2026-02.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::FacebookInsightsPage);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    assert_eq!(t.error_count, 0);
    assert_eq!((t.rows, t.imported), (4, 3));
    assert_eq!(skipped(t), [(SkipReason::Description, 1, vec![2])]);
    // The twin page views: the `(Unique Users)` one is told apart, the total count is read.
    assert!(t
        .ignored
        .iter()
        .any(|c| c.column == "Daily Logged-in Page Views (unique users)"));
    assert!(mapped(t).contains(&("Daily Logged-in Page Views", "daily.profile_views")));
    assert!(t.warnings.is_empty(), "{:#?}", t.warnings);
    assert_eq!((t.mapped.len(), t.ignored.len()), (10, 6));
    assert_eq!(
        r.daily.iter().map(|d| d.followers).collect::<Vec<_>>(),
        [Some(2000.0), Some(2009.0), Some(2018.0)]
    );
    assert_eq!(r.daily[0].date.to_string(), "2026-02-01");
    assert_eq!(r.daily[0].origin.line, 3);
    // 12 + 15 + 10, 3 + 6 + 1, 45 + 52 + 38, 1200 + 1350 + 980, 3100 + 3300 + 2600.
    assert_eq!(sum(r.daily.iter().map(|d| d.new_follows)), (37.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.unfollows)), (10.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.engaged_users)), (135.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.reach)), (3530.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.impressions)), (9000.0, 3));
    // 31 + 35 + 27 page views (total count), 70 + 81 + 64 clicks, 150 + 160 + 90 views.
    assert_eq!(sum(r.daily.iter().map(|d| d.profile_views)), (93.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.clicks)), (215.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.views)), (400.0, 3));
}

#[test]
fn facebook_post_level_with_a_nearly_empty_row_2() {
    let i = read("facebook/post_level_nearly_empty_2026-02.csv");
    let (t, r) = only_table(&i);
    let posts = r.posts.to_vec();
    assert_eq!(t.format.id, FormatId::FacebookInsightsPost);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    // Row 2 is a bare `,`: a blank row, neither read nor an error.
    assert_eq!((t.rows, t.imported), (3, 3));
    assert!(t.skipped.is_empty());
    // `Lifetime Negative feedback` is read too (post.negative_feedback).
    assert_eq!((t.mapped.len(), t.ignored.len()), (13, 6));
    assert_eq!(posts[0].origin.line, 3);
    let published: Vec<String> = posts
        .iter()
        .map(|p| p.published.unwrap().to_string())
        .collect();
    assert_eq!(
        published,
        [
            "2026-02-03T08:15:00",
            "2026-02-05T17:30:00",
            "2026-02-07T18:45:12"
        ]
    );
    assert_eq!(posts[1].text.as_deref(), Some("Horaires d'hiver"));
    let m =
        |f: fn(&social_roi::PostMetrics) -> Option<f64>| sum(posts.iter().map(|p| f(&p.metrics)));
    // 800 + 400 + 1200 reached, 1500 + 650 + 2400 impressions, 60 + 21 + 95 engaged users.
    assert_eq!(m(|m| m.reach), (2400.0, 3));
    assert_eq!(m(|m| m.impressions), (4550.0, 3));
    assert_eq!(m(|m| m.engagements), (176.0, 3));
    assert_eq!(m(|m| m.clicks), (263.0, 3));
    assert_eq!(m(|m| m.reactions), (93.0, 3));
    assert_eq!(m(|m| m.comments), (14.0, 3));
    assert_eq!(m(|m| m.shares), (8.0, 3));
}

#[test]
fn facebook_video_posts_with_a_nearly_empty_row_2() {
    let i = read("facebook/video_posts_nearly_empty_2026-02.csv");
    let (t, r) = only_table(&i);
    let posts = r.posts.to_vec();
    assert_eq!(t.format.id, FormatId::FacebookInsightsVideo);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    assert_eq!((t.rows, t.imported), (2, 2));
    assert_eq!((t.mapped.len(), t.ignored.len()), (8, 9));
    assert_eq!(posts[0].text.as_deref(), Some("Façonnage"));
    assert_eq!(
        posts[1].published.unwrap().to_string(),
        "2026-02-12T19:30:00"
    );
    let m =
        |f: fn(&social_roi::PostMetrics) -> Option<f64>| sum(posts.iter().map(|p| f(&p.metrics)));
    assert_eq!(m(|m| m.impressions), (8000.0, 2));
    assert_eq!(m(|m| m.reach), (4900.0, 2));
    assert_eq!(m(|m| m.video_views), (2400.0, 2));
}

// ---------------------------------------------------------------------------------------------
// YouTube: Totals.csv anywhere, revenue, net subscribers
// ---------------------------------------------------------------------------------------------

const ATELIER: &str = "youtube/Content 2026-03-01_2026-03-07 Atelier/";

#[test]
fn youtube_totals_by_its_name_in_any_folder() {
    let path = format!("{ATELIER}Totals.csv");
    for name in [
        "Totals.csv",
        path.as_str(),
        "C:\\Users\\léa\\Downloads\\Totals.csv",
    ] {
        let i = read_as(&path, name);
        let (t, r) = only_table(&i);
        assert_eq!(t.format.id, FormatId::YoutubeTotals, "{name}");
        assert_eq!(i.report.status, Status::Ok, "{name}");
        assert_eq!((t.rows, t.imported), (7, 7));
        // 13-06-2025 style: day first.
        assert_eq!(r.daily[0].date.to_string(), "2026-03-01");
        assert_eq!(r.daily[6].date.to_string(), "2026-03-07");
        // 120 + 95 + 310 + 80 + 0 + 45 + 150.
        assert_eq!(sum(r.daily.iter().map(|d| d.views)), (800.0, 7));
        assert!(r.daily.iter().all(|d| d.network == Network::YouTube));
    }
}

#[test]
fn youtube_totals_by_its_columns_with_revenue_and_net_subscribers() {
    let i = read("youtube/channel_subscribers_2026-03.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::YoutubeTotals);
    assert_eq!((t.rows, t.imported), (4, 4));
    assert_eq!(
        mapped(t),
        [
            ("Date", "daily.date"),
            ("Subscribers gained", "daily.new_follows"),
            ("Subscribers lost", "daily.unfollows"),
            ("Subscribers", "daily.net_follows"),
            ("Your estimated revenue (USD)", "daily.revenue"),
        ]
    );
    assert_eq!(sum(r.daily.iter().map(|d| d.new_follows)), (13.0, 4));
    assert_eq!(sum(r.daily.iter().map(|d| d.unfollows)), (7.0, 4));
    // Net: 3 − 3 + 0 + 6, a negative day kept.
    assert_eq!(sum(r.daily.iter().map(|d| d.net_follows)), (6.0, 4));
    // 1.25 + 0.80 + 2.10; the blank day is unknown, not zero.
    assert_eq!(sum(r.daily.iter().map(|d| d.revenue)), (4.15, 3));
    assert_eq!(r.daily[2].revenue, None);
    assert_eq!(r.daily[0].currency.as_deref(), Some("USD"));
    assert_eq!(r.daily[2].currency, None, "no amount, no currency");
    assert_eq!(codes(&t.warnings), ["negative_values"]);
    assert_eq!(t.warnings[0].line, Some(3));
}

#[test]
fn youtube_table_data_with_revenue_and_net_subscribers() {
    let path = format!("{ATELIER}Table data.csv");
    let i = read_as(&path, &path);
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::YoutubeTable);
    assert_eq!((t.rows, t.imported), (3, 2));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![2])]);
    // `Subscribers lost` is the negative-feedback side of `Subscribers` (the net change).
    assert!(t.mapped.iter().any(|c| c.column == "Subscribers lost"));
    assert_eq!(
        r.posts
            .iter()
            .map(|p| p.metrics().unfollows)
            .collect::<Vec<_>>(),
        [Some(2.0), Some(4.0)]
    );
    let check: Vec<(Field, f64, bool)> = t
        .totals
        .iter()
        .map(|c| (c.field, c.file_total.get(), c.agrees))
        .collect();
    assert_eq!(
        check,
        [
            (Field::PostViews, 2200.0, true),
            (Field::PostWatchTimeHours, 90.0, true),
            (Field::PostNewFollows, 13.0, true),
            (Field::PostUnfollows, 6.0, true),
            (Field::PostNetFollows, 7.0, true),
            (Field::PostRevenue, 8.8, true),
        ]
    );
    let p = r.posts.to_vec();
    assert_eq!(
        (p[0].metrics.new_follows, p[0].metrics.net_follows),
        (Some(10.0), Some(8.0))
    );
    assert_eq!(
        (p[1].metrics.new_follows, p[1].metrics.net_follows),
        (Some(3.0), Some(-1.0)),
        "a video that lost more than it gained: net, not new follows"
    );
    assert_eq!(sum(p.iter().map(|p| p.metrics.revenue)), (8.8, 2));
    assert!(p.iter().all(|p| p.currency.as_deref() == Some("EUR")));
    assert_eq!(codes(&t.warnings), ["negative_values"]);
}

#[test]
fn a_date_and_views_alone_are_mapped_as_days() {
    let i = read("generic/views_by_day.csv");
    let (t, _) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Generic);
    assert_eq!(i.report.status, Status::NeedsMapping);
    let offer = t.mapping.as_ref().unwrap();
    assert_eq!(
        offer.suggested,
        [Some(Field::DailyDate), Some(Field::DailyViews)],
        "a daily table's date is never a post's publication time"
    );
}

// ---------------------------------------------------------------------------------------------
// TikTok: undefined, --, -
// ---------------------------------------------------------------------------------------------

#[test]
fn tiktok_days_not_counted_yet_are_unknown_with_one_note() {
    let i = read("tiktok/Overview_2026-05-31_1780185600_boulangerie.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::TiktokOverview);
    assert_eq!(t.error_count, 0, "{:#?}", t.errors);
    assert_eq!((t.rows, t.imported), (5, 5));
    assert_eq!(codes(&t.warnings), ["year_assumed", "not_counted_yet"]);
    let note = &t.warnings[1];
    assert_eq!(note.line, Some(3), "the first one");
    // 2 on May 28, 5 on May 29, 3 dashes on May 30.
    let m = messages(&i.report, Lang::En);
    assert!(
        m.iter().any(|m| m.ends_with(
            "line 3: 10 values written such as \"undefined\" (days the platform has not counted yet): unknown, not zero"
        )),
        "{m:#?}"
    );
    let fr = messages(&i.report, Lang::Fr);
    assert!(fr.iter().any(|m| m.ends_with("ligne 3\u{a0}: 10 valeurs écrites comme «\u{a0}undefined\u{a0}» (des jours que la plateforme n’a pas encore comptés)\u{a0}: inconnu, pas zéro")), "{fr:#?}");
    assert_eq!(r.daily[2].date.to_string(), "2026-05-29");
    assert_eq!(r.daily[2].views, None);
    assert_eq!(sum(r.daily.iter().map(|d| d.views)), (750.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.profile_views)), (29.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.reactions)), (96.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.comments)), (5.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.shares)), (3.0, 3));
}

// ---------------------------------------------------------------------------------------------
// Google Analytics 4: today's column names, and the Events report
// ---------------------------------------------------------------------------------------------

#[test]
fn ga4_current_column_names() {
    let i = read("analytics/ga4_channels_by_hour_20260601-20260607.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Ga4);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    assert_eq!(t.header_line, Some(9));
    assert_eq!((t.rows, t.imported), (6, 5));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![10])]);
    assert_eq!(
        mapped(t),
        [
            (
                "Session primary channel group (Default channel group)",
                "traffic.channel"
            ),
            ("Date + hour (YYYYMMDDHH)", "traffic.date"),
            ("Sessions", "traffic.sessions"),
            ("Engaged sessions", "traffic.engaged_sessions"),
            ("Key events", "traffic.conversions"),
            ("Total users", "traffic.users"),
            ("Total revenue", "traffic.revenue"),
        ]
    );
    let t0 = &r.traffic[0];
    assert_eq!(t0.channel.as_deref(), Some("Organic Social"));
    assert_eq!(
        t0.date.map(|d| d.to_string()).as_deref(),
        Some("2026-06-01")
    );
    assert_eq!(
        r.traffic[4].date.map(|d| d.to_string()).as_deref(),
        Some("2026-06-05")
    );
    assert_eq!(sum(r.traffic.iter().map(|t| t.sessions)), (412.0, 5));
    assert_eq!(
        sum(r.traffic.iter().map(|t| t.engaged_sessions)),
        (250.0, 5)
    );
    assert_eq!(sum(r.traffic.iter().map(|t| t.conversions)), (9.0, 5));
    assert_eq!(sum(r.traffic.iter().map(|t| t.revenue)), (184.5, 5));
    // Users are people, not a flow: the total row (380) is not the rows' sum (390), and no
    // total is checked or summed for them.
    assert!(t.totals.iter().all(|c| c.field != Field::TrafficUsers));
    assert!(t.totals.iter().all(|c| c.agrees));
    assert_eq!(t.totals.len(), 4);
}

#[test]
fn ga4_events_and_key_events() {
    let i = read("analytics/ga4_events_20260601-20260607.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Ga4Events);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    assert_eq!((t.rows, t.imported), (6, 5));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![10])]);
    let events: Vec<&str> = r
        .traffic
        .iter()
        .filter_map(|t| t.event.as_deref())
        .collect();
    assert_eq!(
        events,
        [
            "page_view",
            "session_start",
            "scroll",
            "sign_up",
            "purchase"
        ]
    );
    // 1450 + 412 + 700 + 40 + 28; 6 sign-ups and 3 purchases are key events.
    assert_eq!(sum(r.traffic.iter().map(|t| t.event_count)), (2630.0, 5));
    assert_eq!(sum(r.traffic.iter().map(|t| t.conversions)), (9.0, 5));
    assert_eq!(r.traffic[3].users, Some(38.0));
    assert!(r.traffic.iter().all(|t| t.sessions.is_none()));
    let checked: Vec<(Field, bool)> = t.totals.iter().map(|c| (c.field, c.agrees)).collect();
    assert_eq!(
        checked,
        [
            (Field::TrafficEventCount, true),
            (Field::TrafficConversions, true)
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// X daily tweet activity
// ---------------------------------------------------------------------------------------------

#[test]
fn x_daily_tweet_activity() {
    let i = read("x/daily_tweet_activity_metrics_acme_20211201_20211204_en.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::XDailyActivity);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    assert_eq!((t.rows, t.imported), (4, 4));
    assert_eq!((t.mapped.len(), t.ignored.len()), (11, 27));
    assert!(t.ignored.iter().any(|c| c.column == "promoted impressions"));
    assert!(r
        .daily
        .iter()
        .all(|d| d.network == Network::X && d.account.as_deref() == Some("acme")));
    assert_eq!(r.daily[3].date.to_string(), "2021-12-04");
    let s = |f: fn(&social_roi::DailyRow) -> Option<f64>| sum(r.daily.iter().map(f));
    assert_eq!(s(|d| d.posts), (6.0, 4));
    assert_eq!(s(|d| d.impressions), (5010.0, 4));
    assert_eq!(s(|d| d.engagements), (174.0, 4));
    assert_eq!(s(|d| d.shares), (11.0, 4));
    assert_eq!(s(|d| d.comments), (17.0, 4));
    assert_eq!(s(|d| d.reactions), (105.0, 4));
    assert_eq!(s(|d| d.profile_views), (17.0, 4));
    assert_eq!(s(|d| d.clicks), (21.0, 4));
    assert_eq!(s(|d| d.new_follows), (5.0, 4));
    assert_eq!(s(|d| d.views), (455.0, 4));
}

// ---------------------------------------------------------------------------------------------
// Google Search Console
// ---------------------------------------------------------------------------------------------

#[test]
fn search_console_zip() {
    let i = read("search_console/atelier.example-Performance-on-Search-2026-06-30.zip");
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    let by_source: Vec<(&str, FormatId, u64, u64)> = i
        .report
        .tables
        .iter()
        .map(|t| {
            let name = t.source.rsplit(" › ").next().unwrap_or("");
            (name, t.format.id, t.rows, t.imported)
        })
        .collect();
    use FormatId::*;
    assert_eq!(
        by_source,
        [
            ("Countries.csv", SearchConsoleCountries, 3, 3),
            ("Dates.csv", SearchConsoleDates, 4, 4),
            ("Devices.csv", SearchConsoleDevices, 3, 3),
            ("Filters.csv", SearchConsoleFilters, 2, 0),
            ("Pages.csv", SearchConsolePages, 3, 3),
            ("Queries.csv", SearchConsoleQueries, 5, 5),
            ("Search appearance.csv", SearchConsoleAppearance, 1, 0),
        ]
    );
    assert_eq!(i.report.records.search, 3 + 4 + 3 + 3 + 5);
    let all: Vec<&social_roi::SearchRow> = i.records.iter().flat_map(|r| &r.search).collect();
    let of = |d: SearchDimension| all.iter().filter(move |r| r.dimension == d);
    // Each dimension slices the same 300 clicks and 4 000 impressions; the top queries hold
    // fewer (Google leaves anonymised queries out).
    for d in [
        SearchDimension::Date,
        SearchDimension::Country,
        SearchDimension::Device,
        SearchDimension::Page,
    ] {
        assert_eq!(sum(of(d).map(|r| r.clicks)).0, 300.0, "{d:?}");
        assert_eq!(sum(of(d).map(|r| r.impressions)).0, 4000.0, "{d:?}");
    }
    assert_eq!(
        sum(of(SearchDimension::Query).map(|r| r.clicks)),
        (270.0, 5)
    );
    assert_eq!(
        sum(of(SearchDimension::Query).map(|r| r.impressions)),
        (2900.0, 5)
    );
    let q = of(SearchDimension::Query).next().unwrap();
    assert_eq!(q.key.as_deref(), Some("atelier pain lyon"));
    assert_eq!((q.ctr, q.position), (Some(0.3), Some(1.5)));
    let d = of(SearchDimension::Date).next_back().unwrap();
    assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2026-06-04"));
    assert_eq!(d.ctr, Some(0.075));
    assert_eq!(d.key, None);
    let p = of(SearchDimension::Page).nth(1).unwrap();
    assert_eq!(p.key.as_deref(), Some("https://atelier.example/horaires"));
}

#[test]
fn search_console_totals_keep_each_dimension_apart() {
    let mut ws = social_roi::Workspace::new(options());
    let bytes = std::fs::read(format!(
        "{DIR}search_console/atelier.example-Performance-on-Search-2026-06-30.zip"
    ))
    .unwrap();
    ws.add("Performance.zip", &bytes);
    let totals = ws.totals(Lang::En);
    let groups: Vec<(Option<SearchDimension>, u64, f64)> = totals
        .groups
        .iter()
        .map(|g| {
            let clicks = g
                .sums
                .iter()
                .find(|s| s.field == Field::SearchClicks)
                .map_or(0.0, |s| s.sum.get());
            (g.dimension, g.records, clicks)
        })
        .collect();
    use SearchDimension::*;
    assert_eq!(
        groups,
        [
            (Some(Query), 5, 270.0),
            (Some(Page), 3, 300.0),
            (Some(Country), 3, 300.0),
            (Some(Device), 3, 300.0),
            (Some(Date), 4, 300.0),
        ]
    );
    // Positions are averages: never summed.
    assert!(totals.groups.iter().all(|g| g
        .sums
        .iter()
        .all(|s| s.field != Field::SearchPosition && s.field != Field::SearchCtr)));
}

#[test]
fn search_console_in_french() {
    let i = read("search_console/fr/Dates.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::SearchConsoleDates);
    assert_eq!(i.report.status, Status::Ok, "{:#?}", i.report);
    assert_eq!(mapped(t)[1], ("Clics", "search.clicks"));
    assert_eq!(r.search[0].ctr, Some(0.0625));
    assert_eq!(r.search[1].position, Some(3.9));
    assert_eq!(sum(r.search.iter().map(|s| s.clicks)), (120.0, 2));
}

// ---------------------------------------------------------------------------------------------
// Instagram follower lists
// ---------------------------------------------------------------------------------------------

#[test]
fn instagram_follower_lists_are_recognised() {
    for (path, id, rows) in [
        (
            "instagram/followers_1.json",
            FormatId::InstagramFollowers,
            4,
        ),
        ("instagram/following.json", FormatId::InstagramFollowing, 3),
    ] {
        let i = read(path);
        let (t, r) = only_table(&i);
        assert_eq!(t.format.id, id, "{path}");
        assert!(t.format.id.is_follower_list());
        assert_eq!(
            i.report.status,
            Status::Ok,
            "{path}: never waits for a mapping"
        );
        assert!(t.mapping.is_none());
        assert_eq!((t.rows, t.imported), (rows, 0), "{path}");
        assert_eq!(r.counts().total(), 0, "{path}: not records of the analysis");
        assert_eq!(t.format.network, Network::Instagram);
    }
}

// ---------------------------------------------------------------------------------------------
// Comment exports: a Link column of comment addresses is no person
// ---------------------------------------------------------------------------------------------

#[test]
fn comment_links_are_not_profiles() {
    let i = read("comments/exportcomments_comment_links.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Comments);
    assert!(
        mapped(t).contains(&("Link", "entry.link")),
        "{:?}",
        mapped(t)
    );
    assert_eq!(r.entries.len(), 5);
    assert!(r.entries.iter().all(|e| e.profile().is_none()));
    assert_eq!(
        r.entries.get(1).unwrap().link(),
        Some("https://www.instagram.com/p/DAbc123/c/17900000000000002/")
    );
    assert_eq!(
        r.entries.get(4).unwrap().link(),
        Some("https://www.instagram.com/p/DAbc123/?comment_id=17900000000000005")
    );
    // One person commenting three times, each comment with its own link: one entrant with
    // one ticket under `per: person` (Ana's reply is left out, as replies are by default).
    let rules = social_roi::RulesInput::default();
    let prepared = social_roi::prepare_draw(&r.entries, &rules, Lang::En)
        .prepared
        .unwrap();
    let people: Vec<(&str, u32, u32)> = prepared
        .people
        .iter()
        .map(|p| (p.entrant.as_str(), p.tickets, p.entries))
        .collect();
    assert_eq!(people, [("léa b", 1, 1), ("tom_r", 1, 1)]);
}

// ---------------------------------------------------------------------------------------------
// Every new fixture: rows = imported + skipped, records = imported
// ---------------------------------------------------------------------------------------------

#[test]
fn every_new_table_is_consistent() {
    for path in [
        "facebook/page_level_descriptions_2026-02.csv",
        "facebook/post_level_nearly_empty_2026-02.csv",
        "facebook/video_posts_nearly_empty_2026-02.csv",
        "youtube/Content 2026-03-01_2026-03-07 Atelier/Totals.csv",
        "youtube/Content 2026-03-01_2026-03-07 Atelier/Table data.csv",
        "youtube/channel_subscribers_2026-03.csv",
        "tiktok/Overview_2026-05-31_1780185600_boulangerie.csv",
        "analytics/ga4_channels_by_hour_20260601-20260607.csv",
        "analytics/ga4_events_20260601-20260607.csv",
        "x/daily_tweet_activity_metrics_acme_20211201_20211204_en.csv",
        "search_console/atelier.example-Performance-on-Search-2026-06-30.zip",
        "search_console/fr/Dates.csv",
        "comments/exportcomments_comment_links.csv",
    ] {
        let i = read(path);
        assert!(!i.report.has_errors(), "{path}: {:#?}", i.report);
        for t in &i.report.tables {
            let skipped: u64 = t.skipped.iter().map(|s| s.count).sum();
            if t.format.kind.is_some() {
                assert_eq!(t.rows, t.imported + skipped, "{}", t.source);
            }
            assert_eq!(t.imported, t.records.total(), "{}", t.source);
        }
    }
}
