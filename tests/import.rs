//! Every format id on our own fixtures (the layouts of formats.md, our own numbers), and broken
//! files: exact counts, sums, lines and columns. `tests/fixtures/import/make_binary.py` wrote
//! the binary ones.

use social_roi::{
    import_bytes, Date, Field, FileKind, FileReport, FormatId, ImportOptions, Imported, Importer,
    Lang, Network, Records, SkipReason, Status, TableReport,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

fn options() -> ImportOptions {
    ImportOptions {
        today: Date::new(2026, 1, 15),
    }
}

fn bytes(path: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads a fixture under its own file name, as a user dropping it would.
fn read(path: &str) -> Imported {
    let name = path.rsplit('/').next().unwrap_or(path);
    import_bytes(name, &bytes(path), options())
}

fn only_table(i: &Imported) -> (&TableReport, &Records) {
    assert_eq!(i.report.tables.len(), 1, "{:#?}", i.report);
    (&i.report.tables[0], &i.records[0])
}

fn sum(values: impl Iterator<Item = Option<f64>>) -> (f64, usize) {
    let known: Vec<f64> = values.flatten().collect();
    (known.iter().sum(), known.len())
}

fn mapped(t: &TableReport) -> Vec<(&str, &str)> {
    t.mapped
        .iter()
        .map(|m| (m.column.as_str(), m.field.key()))
        .collect()
}

fn ignored(t: &TableReport) -> Vec<&str> {
    t.ignored.iter().map(|c| c.column.as_str()).collect()
}

fn skipped(t: &TableReport) -> Vec<(SkipReason, u64, Vec<u64>)> {
    t.skipped
        .iter()
        .map(|s| (s.reason, s.count, s.lines.clone()))
        .collect()
}

fn codes(problems: &[social_roi::Problem]) -> Vec<&str> {
    problems.iter().map(|p| p.code).collect()
}

fn messages(report: &FileReport, lang: Lang) -> Vec<String> {
    let r = report.localized(lang);
    let mut out: Vec<String> = r
        .errors
        .iter()
        .chain(&r.warnings)
        .map(|p| p.message.clone())
        .collect();
    for t in &r.tables {
        out.extend(
            t.errors
                .iter()
                .chain(&t.warnings)
                .map(|p| p.message.clone()),
        );
    }
    out
}

fn assert_consistent(t: &TableReport) {
    let skipped: u64 = t.skipped.iter().map(|s| s.count).sum();
    if t.mapping.as_ref().is_none_or(|m| m.applied.is_some()) && t.format.kind.is_some() {
        assert_eq!(
            t.rows,
            t.imported + skipped,
            "{}: rows = imported + skipped",
            t.source
        );
    }
    assert_eq!(
        t.imported,
        t.records.posts
            + t.records.daily
            + t.records.ads
            + t.records.traffic
            + t.records.entries
            + t.records.messages
    );
}

// ---------------------------------------------------------------------------------------------
// X
// ---------------------------------------------------------------------------------------------

#[test]
fn x_tweet_activity() {
    let i = read("x/tweet_activity_metrics_acme_20260301_20260331_en.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::XTweetActivity);
    assert_eq!(t.format.network, Network::X);
    assert_eq!((t.rows, t.imported, r.posts.len()), (3, 3, 3));
    assert_eq!(t.delimiter.as_deref(), Some(","));
    assert_eq!(t.mapped.len(), 14);
    assert_eq!(t.ignored.len(), 26);
    assert!(ignored(t).contains(&"promoted impressions"));
    let p = &r.posts.to_vec()[0];
    assert_eq!(p.id, "1770000000000000001");
    assert_eq!(p.account.as_deref(), Some("acme"));
    assert_eq!(
        p.text.as_deref(),
        Some("Spring sale & more \"quoted\"\nsecond line")
    );
    assert_eq!(
        p.published.unwrap().to_string(),
        "2026-03-02T09:30:00+00:00"
    );
    assert_eq!(p.origin.line, 2);
    // The second tweet starts on line 4: the first one's text spans two lines.
    assert_eq!(r.posts.to_vec()[1].origin.line, 4);
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().impressions)),
        (2000.0, 3)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().engagements)),
        (46.0, 3)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().reactions)),
        (26.0, 3)
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().shares)), (5.0, 3));
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().link_clicks)),
        (7.0, 3)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().video_views)),
        (40.0, 3)
    );
    assert_eq!(p.metrics.platform_engagement_rate, Some(0.03));
    for p in r.posts.iter() {
        if let (Some(e), Some(imp), Some(rate)) = (
            p.metrics().engagements,
            p.metrics().impressions,
            p.metrics().platform_engagement_rate,
        ) {
            if imp > 0.0 {
                assert!((e / imp - rate).abs() < 1e-9);
            }
        }
    }
    assert_eq!(i.report.status, Status::Ok);
    assert!(t.warnings.is_empty() && t.errors.is_empty());
}

#[test]
fn x_content() {
    let i = read("x/account_analytics_content_2026-06-01_2026-08-29.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::XContent);
    assert_eq!((t.rows, t.imported), (3, 3));
    // The variant spellings `Link` and `Url clicks` are read; `Share` is not a canonical field.
    assert!(mapped(t).contains(&("Link", "post.permalink")));
    assert!(mapped(t).contains(&("Url clicks", "post.link_clicks")));
    assert_eq!(
        ignored(t),
        [
            "Share",
            "Detail Expands",
            "Hashtag Clicks",
            "Permalink Clicks"
        ]
    );
    assert_eq!(
        r.posts.to_vec()[0].published.unwrap().to_string(),
        "2026-08-30"
    );
    assert_eq!(
        r.posts.to_vec()[2].published.unwrap().to_string(),
        "2026-08-01"
    );
    assert_eq!(r.posts.to_vec()[1].metrics.impressions, Some(12400.0));
    assert_eq!(
        r.posts.to_vec()[2].metrics.reactions,
        None,
        "blank is unknown, not zero"
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().impressions)),
        (18300.0, 3)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().reactions)),
        (430.0, 2)
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().saves)), (40.0, 3));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().shares)), (62.0, 3));
    assert_eq!(r.posts.to_vec()[0].account.as_deref(), Some("acme"));
}

#[test]
fn x_overview() {
    let i = read("x/account_overview_analytics_2026-08-31.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::XOverview);
    assert_eq!(r.daily.len(), 3);
    let dates: Vec<String> = r.daily.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2026-08-31", "2026-08-30", "2026-08-27"]);
    assert_eq!(sum(r.daily.iter().map(|d| d.impressions)), (9000.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.new_follows)), (33.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.unfollows)), (9.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.posts)), (3.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.views)), (550.0, 3));
    assert_eq!(ignored(t), ["Bookmarks", "Shares", "Media views"]);
}

// ---------------------------------------------------------------------------------------------
// Meta
// ---------------------------------------------------------------------------------------------

#[test]
fn meta_facebook_posts() {
    let i = read("meta/Jul-19-2026_Jul-25-2026_104512345678901.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::MetaFacebookPosts);
    assert_eq!(serde_json::to_value(t.encoding).unwrap(), "utf-8-bom");
    assert_eq!(r.posts.len(), 3);
    let p = &r.posts.to_vec()[0];
    assert_eq!(p.id, "104512345678901_1234567890123456");
    assert_eq!(p.account.as_deref(), Some("Boulangerie Martin"));
    assert_eq!(
        p.text.as_deref(),
        Some("Nouveau pain au levain 🥖\nDisponible samedi")
    );
    assert_eq!(p.published.unwrap().to_string(), "2026-07-20T02:00:00");
    assert_eq!(p.kind.as_deref(), Some("Photos"));
    assert_eq!(
        r.posts.to_vec()[2].origin.line,
        5,
        "the first post's text spans two lines"
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().views)), (12700.0, 3));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().reach)), (7900.0, 2));
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().engagements)),
        (535.0, 3)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().reactions)),
        (455.0, 3)
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().comments)), (53.0, 3));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().shares)), (27.0, 3));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().clicks)), (75.0, 2));
    assert!(
        ignored(t).contains(&"Date"),
        "`Date` says Lifetime: not read"
    );
}

#[test]
fn meta_instagram_posts() {
    let i = read("meta/Jul-19-2026_Jul-25-2026_17841400000000000.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::MetaInstagramPosts);
    assert_eq!(t.format.network, Network::Instagram);
    assert_eq!(r.posts.len(), 3);
    assert_eq!(r.posts.to_vec()[1].kind.as_deref(), Some("IG reel"));
    assert_eq!(
        r.posts.to_vec()[1].account.as_deref(),
        Some("boulangerie.martin")
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().views)), (20100.0, 3));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().reach)), (14700.0, 3));
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().reactions)),
        (1290.0, 3)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().new_follows)),
        (46.0, 3)
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().saves)), (240.0, 2));
}

#[test]
fn facebook_ads() {
    let i = read("meta/ads_campaigns_2026-07.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::FacebookAds);
    assert_eq!((t.rows, t.imported), (3, 2));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![2])]);
    let a = &r.ads[0];
    assert_eq!(a.campaign, "Été 2026 — notoriété");
    assert_eq!(a.campaign_id.as_deref(), Some("120210000000000001"));
    assert_eq!(a.currency.as_deref(), Some("EUR"));
    // The reported period, not the campaign's own dates.
    assert_eq!(
        (a.start.unwrap().to_string(), a.end.unwrap().to_string()),
        ("2026-07-01".into(), "2026-07-31".into())
    );
    assert_eq!(sum(r.ads.iter().map(|a| a.spend)), (1234.56, 2));
    assert_eq!(sum(r.ads.iter().map(|a| a.impressions)), (35000.0, 2));
    assert_eq!(sum(r.ads.iter().map(|a| a.conversions)), (45.0, 2));
    // The totals row agrees with the campaigns: checked, no warning.
    assert_eq!(t.totals.len(), 6);
    assert!(t.totals.iter().all(|c| c.agrees));
    assert!(t.warnings.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Legacy Facebook Page Insights
// ---------------------------------------------------------------------------------------------

#[test]
fn facebook_insights_post() {
    let i = read("facebook/post_level_2017-01.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::FacebookInsightsPost);
    assert_eq!((t.rows, t.imported), (3, 2));
    assert_eq!(skipped(t), [(SkipReason::Description, 1, vec![2])]);
    // Twin names told apart by the description row.
    assert!(ignored(t).contains(&"Lifetime Organic Video Views"));
    assert!(ignored(t).contains(&"Lifetime Organic Video Views (unique users)"));
    assert_eq!(r.posts.to_vec()[0].text.as_deref(), Some("Hello \"world\""));
    assert_eq!(
        r.posts.to_vec()[0].published.unwrap().to_string(),
        "2017-01-19T09:03:47"
    );
    assert_eq!(
        r.posts.to_vec()[1].published.unwrap().to_string(),
        "2015-10-01T21:00:00"
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().reach)), (240.0, 2));
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().impressions)),
        (510.0, 2)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().engagements)),
        (19.0, 2)
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().clicks)), (39.0, 2));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().reactions)), (8.0, 1));
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().shares)), (1.0, 1));
}

#[test]
fn facebook_insights_page_in_windows_1252() {
    let i = read("facebook/page_level_2026-01.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::FacebookInsightsPage);
    assert_eq!(serde_json::to_value(t.encoding).unwrap(), "windows-1252");
    // Row 2 is a bare `,`: a blank row, not a row of data.
    assert_eq!((t.rows, t.imported), (3, 3));
    assert!(t.skipped.is_empty());
    assert_eq!(r.daily[0].origin.line, 3);
    assert!(ignored(t).contains(&"Daily City - Montréal, QC"));
    assert_eq!(
        r.daily.iter().map(|d| d.followers).collect::<Vec<_>>(),
        [Some(1000.0), Some(1004.0), Some(1010.0)]
    );
    assert_eq!(r.daily[2].date.to_string(), "2026-01-03");
    assert_eq!(sum(r.daily.iter().map(|d| d.new_follows)), (18.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.unfollows)), (4.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.impressions)), (1900.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.engaged_users)), (45.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.clicks)), (65.0, 3));
    assert_eq!(codes(&t.warnings), ["duplicate_column"]);
    assert_eq!(t.warnings[0].column, Some(9));
}

#[test]
fn facebook_insights_video() {
    let i = read("facebook/video_posts_2026-01.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::FacebookInsightsVideo);
    assert_eq!((t.rows, t.imported), (3, 2));
    assert_eq!(
        r.posts.to_vec()[1].published.unwrap().to_string(),
        "2026-01-12T18:30:00"
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().video_views)),
        (1900.0, 2)
    );
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().impressions)),
        (7500.0, 2)
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().reach)), (4600.0, 2));
}

// ---------------------------------------------------------------------------------------------
// LinkedIn
// ---------------------------------------------------------------------------------------------

#[test]
fn linkedin_xls_with_two_sheets() {
    let i = read("linkedin/acme_content_1714435200000.xls");
    assert_eq!(i.report.kind, FileKind::Xls);
    assert_eq!(i.report.tables.len(), 2);
    let (m, mr) = (&i.report.tables[0], &i.records[0]);
    assert_eq!(m.source, "acme_content_1714435200000.xls › Metrics");
    assert_eq!(m.format.id, FormatId::LinkedinMetrics);
    assert_eq!(m.header_line, Some(2), "row 1 is LinkedIn's note");
    assert_eq!(mr.daily.len(), 3);
    let dates: Vec<String> = mr.daily.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2024-04-28", "2024-04-29", "2024-04-30"],
        "text and Excel dates"
    );
    assert_eq!(sum(mr.daily.iter().map(|d| d.impressions)), (390.0, 3));
    assert_eq!(sum(mr.daily.iter().map(|d| d.reach)), (270.0, 3));
    assert_eq!(sum(mr.daily.iter().map(|d| d.clicks)), (16.0, 3));
    assert_eq!(sum(mr.daily.iter().map(|d| d.shares)), (4.0, 3));
    assert_eq!(mr.daily[0].origin.line, 3);
    let (p, pr) = (&i.report.tables[1], &i.records[1]);
    assert_eq!(p.format.id, FormatId::LinkedinContent);
    assert_eq!(pr.posts.len(), 2);
    assert_eq!(
        pr.posts.to_vec()[0].id,
        "7190000000000000001",
        "the id is in the link"
    );
    assert_eq!(
        pr.posts.to_vec()[1].published.unwrap().to_string(),
        "2024-04-29"
    );
    assert_eq!(
        pr.posts.to_vec()[1].metrics.platform_engagement_rate,
        Some(0.056)
    );
    assert_eq!(
        sum(pr.posts.iter().map(|p| p.metrics().impressions)),
        (4500.0, 2)
    );
    assert_eq!(sum(pr.posts.iter().map(|p| p.metrics().views)), (800.0, 1));
    assert_eq!(sum(pr.posts.iter().map(|p| p.metrics().clicks)), (130.0, 2));
    assert_eq!(
        sum(pr.posts.iter().map(|p| p.metrics().new_follows)),
        (6.0, 2)
    );
}

#[test]
fn linkedin_followers_xlsx() {
    let i = read("linkedin/acme_followers_1714435200000.xlsx");
    assert_eq!(i.report.kind, FileKind::Xlsx);
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::LinkedinFollowers);
    assert_eq!(t.header_line, Some(2));
    assert_eq!(r.daily.len(), 3);
    assert_eq!(r.daily[1].date.to_string(), "2024-04-29");
    assert_eq!(sum(r.daily.iter().map(|d| d.new_follows)), (12.0, 3));
    assert_eq!(
        ignored(t),
        [
            "Sponsored followers",
            "Organic followers",
            "Auto-invited followers"
        ]
    );
    assert_eq!(t.decimal_mark, None, "a sheet's numbers are numbers");
}

#[test]
fn linkedin_visitors_ods() {
    let i = read("linkedin/acme_visitors_1714435200000.ods");
    assert_eq!(i.report.kind, FileKind::Ods);
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::LinkedinVisitors);
    assert_eq!(r.daily.len(), 2);
    assert_eq!(sum(r.daily.iter().map(|d| d.profile_views)), (62.0, 2));
    assert!(mapped(t).contains(&("Total page views (total)", "daily.profile_views")));
}

// ---------------------------------------------------------------------------------------------
// YouTube
// ---------------------------------------------------------------------------------------------

#[test]
fn youtube_studio_zip() {
    let i = read("youtube/Content 2025-06-01_2025-06-28 Chaîne Martin.zip");
    assert_eq!(i.report.kind, FileKind::Zip);
    let ids: Vec<FormatId> = i.report.tables.iter().map(|t| t.format.id).collect();
    assert_eq!(
        ids,
        [
            FormatId::YoutubeChart,
            FormatId::YoutubeTable,
            FormatId::YoutubeTotals
        ]
    );
    let sources: Vec<&str> = i.report.tables.iter().map(|t| t.source.as_str()).collect();
    assert_eq!(
        sources[1],
        "Content 2025-06-01_2025-06-28 Chaîne Martin.zip › Table data.csv"
    );

    let chart = &i.report.tables[0];
    assert_eq!((chart.rows, chart.imported), (4, 0));
    assert_eq!(
        skipped(chart),
        [(SkipReason::PerVideoDaily, 4, vec![2, 3, 4, 5])]
    );

    let (t, r) = (&i.report.tables[1], &i.records[1]);
    assert_eq!((t.rows, t.imported), (4, 3));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![2])]);
    let ids: Vec<String> = r.posts.iter().map(|p| p.id().to_string()).collect();
    assert_eq!(
        ids,
        ["dQw4w9WgXcQ", "-abcDEF1234", "xyz987654_1"],
        "ids as written, trimmed"
    );
    assert_eq!(
        r.posts.to_vec()[0].published.unwrap().to_string(),
        "2025-06-03"
    );
    // The Total row is the channel's: both are reported.
    let check = |field: Field| {
        let c = t.totals.iter().find(|c| c.field == field).unwrap();
        (c.file_total.get(), c.our_sum.get(), c.agrees)
    };
    assert_eq!(check(Field::PostViews), (12000.0, 11500.0, false));
    assert_eq!(check(Field::PostWatchTimeHours), (850.5, 800.375, false));
    // `Subscribers` is the net change (one video lost two): net, never new follows.
    assert_eq!(check(Field::PostNetFollows), (40.0, 36.0, false));
    assert!(r.posts.iter().all(|p| p.metrics().new_follows.is_none()));
    assert_eq!(r.posts.to_vec()[1].metrics.net_follows, Some(-2.0));
    assert_eq!(check(Field::PostImpressions), (150000.0, 140000.0, false));
    assert_eq!(
        codes(&t.warnings),
        [
            "totals_differ",
            "totals_differ",
            "totals_differ",
            "totals_differ",
            "negative_values"
        ]
    );
    assert!(ignored(t).contains(&"Impressions click-through rate (%)"));

    let (d, dr) = (&i.report.tables[2], &i.records[2]);
    assert_eq!(d.format.id, FormatId::YoutubeTotals);
    assert_eq!(sum(dr.daily.iter().map(|d| d.views)), (1980.0, 3));
    // The macOS resource fork is no table and is not mentioned.
    assert!(i.report.warnings.is_empty());
    assert_eq!(i.report.records.posts, 3);
    assert_eq!(i.report.records.daily, 3);
    let all = messages(&i.report, Lang::Fr);
    assert!(all.iter().any(|m| m.contains("la ligne de total du fichier indique 12\u{202f}000, les lignes listées font 11\u{202f}500")), "{all:#?}");
}

// ---------------------------------------------------------------------------------------------
// TikTok
// ---------------------------------------------------------------------------------------------

#[test]
fn tiktok_overview_year_from_the_file_name() {
    let i = read("tiktok/Overview_2026-04-30_1777507200_boulangerie.zip");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::TiktokOverview);
    assert_eq!(
        t.source,
        "Overview_2026-04-30_1777507200_boulangerie.zip › Overview.csv"
    );
    let dates: Vec<String> = r.daily.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, ["2026-04-28", "2026-04-29", "2026-04-30"]);
    assert_eq!(sum(r.daily.iter().map(|d| d.views)), (3500.0, 3));
    assert_eq!(
        sum(r.daily.iter().map(|d| d.comments)),
        (13.0, 3),
        "a negative day is kept"
    );
    assert_eq!(codes(&t.warnings), ["negative_values", "year_assumed"]);
    let m = messages(&i.report, Lang::En);
    assert!(m.iter().any(|m| m.ends_with("3 dates have no year (such as \"April 28\"): each is placed in the twelve months up to 2026-04-30, the date in the file name")), "{m:#?}");
}

#[test]
fn tiktok_followers_year_from_today() {
    let i = read("tiktok/Followers_boulangerie.zip");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::TiktokFollowers);
    let dates: Vec<String> = r.daily.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(
        dates,
        ["2025-12-30", "2025-12-31", "2026-01-01"],
        "today is 2026-01-15"
    );
    assert_eq!(r.daily[2].net_follows, Some(-2.0));
    assert_eq!(r.daily[2].followers, Some(5008.0));
    let m = messages(&i.report, Lang::Fr);
    assert!(
        m.iter().any(|m| m.contains(
            "aujourd’hui (le nom du fichier ne donne pas de date)\u{a0}: vérifiez l’année"
        )),
        "{m:#?}"
    );
}

#[test]
fn tiktok_content() {
    let i = read("tiktok/Content_boulangerie.zip");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::TiktokContent);
    assert_eq!(r.posts.to_vec()[0].id, "7350000000000000001");
    assert_eq!(r.posts.to_vec()[0].account.as_deref(), Some("@boulangerie"));
    assert_eq!(r.posts.to_vec()[0].text.as_deref(), Some("Le pétrissage"));
    assert_eq!(
        r.posts.to_vec()[0].published.unwrap().to_string(),
        "2025-04-20"
    );
    assert_eq!(sum(r.posts.iter().map(|p| p.metrics().views)), (13000.0, 2));
    assert_eq!(ignored(t), ["Time"]);
}

#[test]
fn tiktok_overview_resaved_as_unicode_text_in_french() {
    let i = read("tiktok/vue_ensemble_unicode.txt");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::TiktokOverview);
    assert_eq!(serde_json::to_value(t.encoding).unwrap(), "utf-16le");
    assert_eq!(t.delimiter.as_deref(), Some("tab"));
    assert_eq!(r.daily[0].date.to_string(), "2025-04-12");
    assert_eq!(r.daily[0].views, Some(1234.0));
    assert_eq!(sum(r.daily.iter().map(|d| d.views)), (3234.0, 2));
    assert_eq!(sum(r.daily.iter().map(|d| d.reactions)), (110.0, 2));
}

// ---------------------------------------------------------------------------------------------
// Google Analytics
// ---------------------------------------------------------------------------------------------

#[test]
fn ga4_two_tables_and_a_grand_total() {
    let i = read("analytics/ga4_traffic_acquisition_20260501-20260531.csv");
    assert_eq!(i.report.tables.len(), 2);
    let (t, r) = (&i.report.tables[0], &i.records[0]);
    assert_eq!(t.format.id, FormatId::Ga4);
    assert_eq!(t.header_line, Some(9));
    assert_eq!((t.rows, t.imported), (5, 4));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![10])]);
    assert!(t.totals.iter().all(|c| c.agrees));
    assert_eq!(t.totals.len(), 4);
    let networks: Vec<Option<Network>> = r.traffic.iter().map(|t| t.network).collect();
    assert_eq!(
        networks,
        [
            None,
            Some(Network::Instagram),
            Some(Network::Facebook),
            None
        ]
    );
    assert_eq!(sum(r.traffic.iter().map(|t| t.sessions)), (3450.0, 4));
    assert_eq!(sum(r.traffic.iter().map(|t| t.conversions)), (58.0, 4));
    assert_eq!(sum(r.traffic.iter().map(|t| t.revenue)).1, 4);
    assert!((sum(r.traffic.iter().map(|t| t.revenue)).0 - 2345.6).abs() < 1e-9);
    // The by-day table counts the same sessions: read, not imported twice.
    let (d, dr) = (&i.report.tables[1], &i.records[1]);
    assert_eq!(d.format.id, FormatId::Ga4);
    assert_eq!((d.rows, d.imported), (2, 0));
    assert_eq!(skipped(d), [(SkipReason::DailyTotals, 2, vec![23, 24])]);
    assert!(dr.traffic.is_empty());
}

#[test]
fn ua_with_pounds_and_percentages() {
    let i = read("analytics/ua_source_medium_20150416.csv");
    let (t, r) = (&i.report.tables[0], &i.records[0]);
    assert_eq!(t.format.id, FormatId::Ua);
    assert_eq!((t.rows, t.imported), (4, 3));
    assert_eq!(skipped(t), [(SkipReason::Totals, 1, vec![11])]);
    assert!(t.totals.iter().all(|c| c.agrees));
    assert_eq!(r.traffic[0].sessions, Some(3215.0));
    assert_eq!(r.traffic[1].network, Some(Network::Facebook));
    assert_eq!(r.traffic[2].network, Some(Network::X));
    assert_eq!(r.traffic[1].revenue, Some(45.0));
    assert_eq!(r.traffic[1].currency.as_deref(), Some("GBP"));
    assert_eq!(sum(r.traffic.iter().map(|t| t.conversions)), (3.0, 3));
    assert!(ignored(t).contains(&"Bounce Rate"));
    let d = &i.report.tables[1];
    assert_eq!(
        skipped(d),
        [
            (SkipReason::Totals, 1, vec![21]),
            (SkipReason::DailyTotals, 1, vec![20])
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Comments and unknown files
// ---------------------------------------------------------------------------------------------

#[test]
fn comments_csv() {
    let i = read("comments/exportcomments_instagram.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Comments);
    assert_eq!((t.rows, t.imported), (4, 3));
    assert_eq!(skipped(t), [(SkipReason::Missing, 1, vec![5])]);
    assert_eq!(t.error_count, 1);
    assert_eq!(t.errors[0].line, Some(5));
    assert_eq!(t.errors[0].column, Some(3));
    let e = &r.entries.get(1).unwrap();
    assert_eq!(
        (e.id(), e.parent_id(), e.author()),
        (Some("2"), Some("1"), "@bob")
    );
    assert_eq!(e.date().unwrap().to_string(), "2024-12-25T18:10:00");
    assert_eq!(e.text(), "Merci pour l'invitation 😀");
    assert_eq!(
        r.entries.get(0).unwrap().profile(),
        Some("https://instagram.com/alice")
    );
    assert_eq!(i.report.status, Status::Errors);
}

#[test]
fn comments_xlsx_with_title_rows() {
    let i = read("comments/exportcomments_facebook.xlsx");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Comments);
    assert_eq!(t.header_line, Some(7));
    assert_eq!(r.entries.len(), 3);
    assert_eq!(r.entries.get(0).unwrap().profile(), Some("100001"));
    assert_eq!(
        r.entries.get(0).unwrap().date().unwrap().to_string(),
        "2026-01-08T10:00:00"
    );
    assert_eq!(
        r.entries.get(1).unwrap().date().unwrap().to_string(),
        "2026-01-08T11:30:00"
    );
    assert_eq!(r.entries.get(2).unwrap().author(), "Chloé");
    assert_eq!(sum(r.entries.iter().map(|e| e.likes())), (7.0, 3));
    assert!(t.warnings.is_empty(), "{:?}", t.warnings);
}

#[test]
fn an_unknown_csv_offers_a_mapping() {
    let i = read("generic/inbox_export.csv");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Generic);
    assert_eq!(i.report.status, Status::NeedsMapping);
    assert_eq!((t.rows, t.imported), (3, 0));
    assert!(r.messages.is_empty());
    let offer = t.mapping.as_ref().unwrap();
    assert_eq!(offer.header, ["Reçu le", "Répondu le", "Canal", "Sujet"]);
    assert_eq!(offer.samples.len(), 3);
    assert_eq!(offer.samples[0][2], "Instagram");
    assert_eq!(
        offer.suggested,
        [
            Some(Field::MessageReceived),
            Some(Field::MessageReplied),
            Some(Field::MessageChannel),
            None
        ]
    );
    assert_eq!(offer.signature.len(), 16);
    assert_eq!(t.delimiter.as_deref(), Some(";"));
    let raw = i.raw[0].as_ref().unwrap();
    let mapped = raw.apply(&offer.suggested).unwrap();
    assert_eq!(mapped.records.messages.len(), 3);
    assert_eq!(
        mapped.records.messages[2].received.to_string(),
        "2026-02-13T08:15:00"
    );
    assert_eq!(
        mapped.report.mapping.as_ref().unwrap().applied.as_deref(),
        Some(&offer.suggested[..])
    );
}

#[test]
fn a_plain_list_is_entries() {
    let i = read("generic/gagnants.txt");
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::Generic);
    assert_eq!(t.delimiter.as_deref(), Some("none"));
    assert_eq!(t.header_line, None);
    let authors: Vec<&str> = r.entries.iter().map(|e| e.author()).collect();
    assert_eq!(
        authors,
        ["Alice", "Bob Martin", "Chloé, la boulangère", "@dave"]
    );
    assert_eq!(i.report.status, Status::Ok);
    assert_eq!(
        t.mapping.as_ref().unwrap().applied,
        Some(vec![Some(Field::EntryAuthor)])
    );
}

#[test]
fn json_records_are_detected_like_csv() {
    let i = read("generic/posts.json");
    assert_eq!(i.report.kind, FileKind::Json);
    let (t, r) = only_table(&i);
    assert_eq!(t.format.id, FormatId::XContent);
    assert_eq!(r.posts.to_vec()[0].id, "1830000000000000009");
    assert_eq!(r.posts.to_vec()[1].metrics.reactions, None);
    assert_eq!(
        sum(r.posts.iter().map(|p| p.metrics().impressions)),
        (2000.0, 2)
    );
}

// ---------------------------------------------------------------------------------------------
// Broken files
// ---------------------------------------------------------------------------------------------

#[test]
fn wrong_types_are_errors_with_place_and_the_rest_is_imported() {
    let i = read("broken/Table data.csv");
    let (t, r) = only_table(&i);
    assert_eq!((t.rows, t.imported), (5, 1));
    assert_eq!(r.posts.to_vec()[0].id, "abc");
    assert_eq!(
        skipped(t),
        [
            (SkipReason::Totals, 1, vec![2]),
            (SkipReason::BadValue, 3, vec![4, 5, 6])
        ]
    );
    type Place<'a> = (Option<u64>, Option<u32>, Option<&'a str>, &'a str);
    let places: Vec<Place> = t
        .errors
        .iter()
        .map(|e| (e.line, e.column, e.column_name.as_deref(), e.code))
        .collect();
    assert_eq!(
        places,
        [
            (Some(4), Some(4), Some("Views"), "expected_number"),
            (
                Some(5),
                Some(3),
                Some("Video publish time"),
                "expected_date"
            ),
            (Some(6), Some(4), Some("Views"), "unexpected_percent"),
        ]
    );
    let en = messages(&i.report, Lang::En);
    assert_eq!(
        en[0],
        "Table data.csv, line 4, column 4 (\"Views\"): expected a number, found \"1.2k\""
    );
    let fr = i.report.localized(Lang::Fr);
    let e = &fr.tables[0].errors[0];
    assert_eq!(e.expected.as_deref(), Some("un nombre"));
    assert_eq!(e.found.as_deref(), Some("1.2k"));
    assert_eq!(e.message, "Table data.csv, ligne 4, colonne 4 («\u{a0}Views\u{a0}»)\u{a0}: un nombre attendu, trouvé «\u{a0}1.2k\u{a0}»");
    assert_eq!(i.report.status, Status::Errors);
}

#[test]
fn ragged_rows() {
    let i = read("broken/ragged_overview.csv");
    let (t, r) = only_table(&i);
    assert_eq!((t.rows, t.imported), (4, 3));
    assert_eq!(skipped(t), [(SkipReason::TooManyFields, 1, vec![3])]);
    assert_eq!(codes(&t.errors), ["too_many_fields"]);
    assert_eq!(codes(&t.warnings), ["short_rows"]);
    assert_eq!(t.warnings[0].line, Some(4));
    assert_eq!(r.daily[1].engagements, None, "a missing value is unknown");
    assert_eq!(sum(r.daily.iter().map(|d| d.impressions)), (800.0, 3));
    assert_eq!(sum(r.daily.iter().map(|d| d.engagements)), (24.0, 2));
}

#[test]
fn bad_encoding_is_placed_and_the_rest_read() {
    let i = read("broken/bad_encoding.csv");
    let (t, r) = only_table(&i);
    assert_eq!(serde_json::to_value(t.encoding).unwrap(), "utf-8");
    assert_eq!(r.entries.get(0).unwrap().author(), "Zoé");
    assert_eq!(r.entries.get(1).unwrap().author(), "Bad\u{fffd}");
    assert_eq!(codes(&i.report.warnings), ["invalid_bytes"]);
    assert_eq!(i.report.warnings[0].line, Some(3));
    assert_eq!(i.report.status, Status::Warnings);
}

#[test]
fn cut_files_are_flagged() {
    let i = read("broken/truncated_quote.csv");
    assert!(i.report.truncated);
    assert_eq!(codes(&i.report.warnings), ["open_quote"]);
    assert_eq!(i.report.warnings[0].line, Some(3));
    assert_eq!(i.records[0].posts.len(), 1);

    let i = read("broken/truncated_row.csv");
    assert!(i.report.truncated);
    assert_eq!(codes(&i.report.warnings), ["last_line_cut"]);
    let (t, r) = only_table(&i);
    assert_eq!(skipped(t), [(SkipReason::Cut, 1, vec![3])]);
    assert_eq!(r.daily.len(), 1);

    for path in ["broken/cut_download.zip", "broken/cut_followers.xlsx"] {
        let i = read(path);
        assert_eq!(i.report.status, Status::Unreadable, "{path}");
        assert!(
            i.report.errors[0].code.starts_with("bad_"),
            "{path}: {:?}",
            i.report.errors
        );
        assert!(messages(&i.report, Lang::En)[0].contains("damaged or cut short"));
    }
}

#[test]
fn files_that_hold_nothing() {
    let cases = [
        ("broken/empty.csv", "empty_file"),
        ("broken/blank_lines.csv", "no_table"),
        ("broken/garbage.bin", "not_text"),
        ("broken/report.xls", "html"),
    ];
    for (path, code) in cases {
        let i = read(path);
        assert_eq!(codes(&i.report.errors), [code], "{path}");
        assert_eq!(i.report.status, Status::Unreadable, "{path}");
        assert!(i
            .records
            .iter()
            .all(|r| r.posts.is_empty() && r.daily.is_empty()));
    }
    let i = read("broken/header_only.csv");
    let (t, _) = only_table(&i);
    assert_eq!((t.format.id, t.rows), (FormatId::TiktokOverview, 0));
    assert_eq!(codes(&t.warnings), ["header_only"]);
    assert_eq!(i.report.status, Status::Warnings);
}

#[test]
fn excel_damaged_ids_are_kept_and_warned() {
    let i = read("broken/damaged_ids.csv");
    let (t, r) = only_table(&i);
    assert_eq!(r.posts.to_vec()[0].id, "1.83E+18");
    assert_eq!(codes(&t.warnings), ["damaged_ids"]);
    assert_eq!(
        (t.warnings[0].line, t.warnings[0].column),
        (Some(2), Some(1))
    );
    let m = messages(&i.report, Lang::En);
    assert!(m[0].ends_with("2 ids were rounded by Excel (such as \"1.83E+18\"): kept as written, but they cannot be matched to the platform’s own ids"));
}

#[test]
fn every_table_is_consistent() {
    let paths = [
        "x/tweet_activity_metrics_acme_20260301_20260331_en.csv",
        "x/account_analytics_content_2026-06-01_2026-08-29.csv",
        "x/account_overview_analytics_2026-08-31.csv",
        "meta/Jul-19-2026_Jul-25-2026_104512345678901.csv",
        "meta/Jul-19-2026_Jul-25-2026_17841400000000000.csv",
        "meta/ads_campaigns_2026-07.csv",
        "facebook/post_level_2017-01.csv",
        "facebook/page_level_2026-01.csv",
        "facebook/video_posts_2026-01.csv",
        "linkedin/acme_content_1714435200000.xls",
        "linkedin/acme_followers_1714435200000.xlsx",
        "linkedin/acme_visitors_1714435200000.ods",
        "youtube/Content 2025-06-01_2025-06-28 Chaîne Martin.zip",
        "tiktok/Overview_2026-04-30_1777507200_boulangerie.zip",
        "tiktok/Followers_boulangerie.zip",
        "tiktok/Content_boulangerie.zip",
        "analytics/ga4_traffic_acquisition_20260501-20260531.csv",
        "analytics/ua_source_medium_20150416.csv",
        "comments/exportcomments_instagram.csv",
        "broken/Table data.csv",
        "broken/ragged_overview.csv",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for path in paths {
        let i = read(path);
        for t in &i.report.tables {
            assert_consistent(t);
            seen.insert(t.format.id.key());
        }
    }
    seen.insert(
        read("generic/inbox_export.csv").report.tables[0]
            .format
            .id
            .key(),
    );
    // Every format id of the issue, on our own fixtures.
    assert_eq!(seen.len(), 23, "{seen:?}");
}

// ---------------------------------------------------------------------------------------------
// Streaming: the same bytes cut anywhere give the same report and records
// ---------------------------------------------------------------------------------------------

fn import_chunks(name: &str, chunks: &[&[u8]]) -> (FileReport, Vec<Records>) {
    let mut importer = Importer::new(name, options());
    for c in chunks {
        importer.push(c);
    }
    let i = importer.finish();
    (i.report, i.records)
}

#[test]
fn splitting_at_every_position_gives_the_same_records() {
    for path in [
        "x/tweet_activity_metrics_acme_20260301_20260331_en.csv",
        "meta/Jul-19-2026_Jul-25-2026_104512345678901.csv",
        "facebook/page_level_2026-01.csv",
        "tiktok/vue_ensemble_unicode.txt",
        "analytics/ga4_traffic_acquisition_20260501-20260531.csv",
        "broken/bad_encoding.csv",
        "broken/truncated_quote.csv",
        "broken/truncated_row.csv",
    ] {
        let data = bytes(path);
        let name = path.rsplit('/').next().unwrap();
        let whole = import_chunks(name, &[&data]);
        for i in 0..=data.len() {
            let (a, b) = data.split_at(i);
            assert!(
                import_chunks(name, &[a, b]) == whole,
                "{path}: split at {i}"
            );
        }
        // Three pieces, and one byte at a time.
        for i in (0..data.len()).step_by(7) {
            let j = (i + 13).min(data.len());
            assert!(
                import_chunks(name, &[&data[..i], &data[i..j], &data[j..]]) == whole,
                "{path}: {i}, {j}"
            );
        }
        let singles: Vec<&[u8]> = data.chunks(1).collect();
        assert!(
            import_chunks(name, &singles) == whole,
            "{path}: byte by byte"
        );
    }
}
