//! Conformance on the real public exports in `../shared/samples` (kept beside the repository,
//! not in it): every sample detected as its format, with its counts, and X's own engagement
//! rate equal to our engagements ÷ impressions on every row. Skipped, and says so, when the
//! folder is not there (a user's clone has none).

use social_roi::{
    analyze, import_bytes, AnalysisOptions, Date, FormatId, ImportOptions, Imported, Preset,
    Records, SkipReason, Status, Workspace,
};
use std::path::PathBuf;

fn samples() -> Option<PathBuf> {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/samples"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/samples"),
        "/work/shared/samples",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.is_dir())
}

fn read(dir: &std::path::Path, name: &str) -> Imported {
    let bytes = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    import_bytes(
        name,
        &bytes,
        ImportOptions {
            today: Date::new(2026, 1, 15),
        },
    )
}

fn one(i: &Imported, id: FormatId) -> &Records {
    assert_eq!(i.report.tables.len(), 1, "{}", i.report.name);
    assert_eq!(i.report.tables[0].format.id, id, "{}", i.report.name);
    assert!(
        !i.report.has_errors(),
        "{:#?}",
        i.report.localized(social_roi::Lang::En).tables[0].errors
    );
    &i.records[0]
}

#[test]
fn real_samples_conform() {
    let Some(dir) = samples() else {
        eprintln!("skipped: no shared/samples folder beside the repository");
        return;
    };
    eprintln!("reading the samples in {}", dir.display());

    // X: our engagements ÷ impressions is X's own rate, to 1e-9, on every row.
    for (name, rows, impressions, engagements) in [
        (
            "x-tweet-activity-rOpenSci-2016-12.csv",
            37,
            110_828.0,
            1421.0,
        ),
        ("x-tweet-activity-TCORSStgOrg-2017-04.csv", 10, 486.0, 21.0),
    ] {
        let i = read(&dir, name);
        let r = one(&i, FormatId::XTweetActivity);
        assert_eq!(r.posts.len(), rows, "{name}");
        assert_eq!(i.report.status, Status::Ok, "{name}");
        let mut checked = 0;
        for p in r.posts.iter() {
            let m = &p.metrics();
            let (e, imp, rate) = (
                m.engagements.expect("engagements"),
                m.impressions.expect("impressions"),
                m.platform_engagement_rate.expect("engagement rate"),
            );
            if imp > 0.0 {
                assert!(
                    (e / imp - rate).abs() <= 1e-9,
                    "{name} {}: {e} ÷ {imp} ≠ {rate}",
                    p.id()
                );
                checked += 1;
            } else {
                assert_eq!(rate, 0.0);
            }
            assert!(
                p.id().len() >= 18 && p.id().bytes().all(|b| b.is_ascii_digit()),
                "{}",
                p.id()
            );
            assert!(p.published().and_then(|d| d.offset_minutes) == Some(0));
        }
        assert_eq!(checked, rows, "{name}");
        let total = |f: fn(&social_roi::PostMetrics) -> Option<f64>| -> f64 {
            r.posts.iter().filter_map(|p| f(&p.metrics())).sum()
        };
        assert_eq!(total(|m| m.impressions), impressions, "{name}");
        assert_eq!(total(|m| m.engagements), engagements, "{name}");
    }

    let i = read(&dir, "facebook-ads-manager-campaigns-2017.csv");
    let r = one(&i, FormatId::FacebookAds);
    assert_eq!(r.ads.len(), 535);
    assert!(r.ads.iter().all(|a| a.currency.as_deref() == Some("USD")));
    let spend: f64 = r.ads.iter().filter_map(|a| a.spend).sum();
    assert!((spend - 4343.72).abs() < 1e-6, "{spend}");
    let impressions: f64 = r.ads.iter().filter_map(|a| a.impressions).sum();
    assert_eq!(impressions, 555_759.0);
    assert_eq!(
        r.ads.iter().filter(|a| a.clicks.is_some()).count(),
        427,
        "blank is unknown"
    );
    assert_eq!(
        r.ads[0].campaign,
        "Post: \"Hydrogen cyanide is found in rat poison. It’s...\""
    );

    let i = read(&dir, "facebook-insights-page-level-2014-01.csv");
    let r = one(&i, FormatId::FacebookInsightsPage);
    assert_eq!(
        serde_json::to_value(i.report.tables[0].encoding).unwrap(),
        "windows-1252"
    );
    assert_eq!(r.daily.len(), 58);
    assert_eq!(r.daily[0].date, Date::new(2014, 1, 1).unwrap());
    assert_eq!(r.daily[57].date, Date::new(2014, 2, 27).unwrap());
    assert_eq!(r.daily[57].followers, Some(128.0));
    let new: f64 = r.daily.iter().filter_map(|d| d.new_follows).sum();
    assert_eq!(new, 21.0);
    // `Daily Negative feedback` and the mentions (`Daily Talking About This by story type -
    // mention`) are read: 634 columns were ignored before them.
    assert_eq!(i.report.tables[0].ignored.len(), 632);
    assert!(r.daily.iter().all(|d| d.feedback.negative == Some(0.0)));

    let i = read(&dir, "facebook-insights-post-level-2014-01.csv");
    let r = one(&i, FormatId::FacebookInsightsPost);
    assert_eq!(r.posts.len(), 3);
    assert_eq!(
        i.report.tables[0].skipped[0].reason,
        SkipReason::Description
    );
    assert_eq!(r.posts.to_vec()[0].id, "518995791497187_10152225918189138");
    assert_eq!(r.posts.to_vec()[0].metrics.reach, Some(76.0));

    let i = read(&dir, "facebook-insights-video-posts-2014-01.csv");
    let r = one(&i, FormatId::FacebookInsightsVideo);
    assert!(
        r.posts.is_empty(),
        "this export holds its header and description only"
    );
    assert_eq!(i.report.tables[0].warnings[0].code, "header_only");
}

/// The X preset, through the real reader and `analyze`: every post's rate is X's own
/// `engagement rate` column, to 1e-9, on every row of both tweet-activity samples; and the
/// period's rate is Σ engagements ÷ Σ impressions.
#[test]
fn the_x_preset_equals_x_own_engagement_rate_on_the_samples() {
    let Some(dir) = samples() else {
        eprintln!("skipped: no shared/samples folder beside the repository");
        return;
    };
    for (name, rows, impressions, engagements) in [
        (
            "x-tweet-activity-rOpenSci-2016-12.csv",
            37,
            110_828.0,
            1421.0,
        ),
        ("x-tweet-activity-TCORSStgOrg-2017-04.csv", 10, 486.0, 21.0),
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let mut ws = Workspace::new(ImportOptions {
            today: Date::new(2026, 1, 15),
        });
        // Pushed in uneven chunks, as the page streams a file.
        let id = ws.begin(name);
        for chunk in bytes.chunks(4093) {
            ws.push(id, chunk).unwrap();
        }
        ws.finish(id).unwrap();
        let options = AnalysisOptions {
            preset: Preset::X,
            ..AnalysisOptions::default()
        };
        for lang in [social_roi::Lang::En, social_roi::Lang::Fr] {
            let r = analyze(ws.dataset(), &options, lang);
            assert!(
                r.errors.is_empty() && r.warnings.is_empty(),
                "{name}: {:?}",
                r.warnings
            );
            let posts = &r.engagement.posts;
            assert_eq!(posts.len(), rows, "{name}");
            for p in posts {
                let ours = p
                    .rate
                    .unwrap_or_else(|| panic!("{name} {}: no rate", p.id))
                    .get();
                let theirs = p.platform_rate.expect("X's column").get();
                assert!(
                    (ours - theirs).abs() <= 1e-9,
                    "{name} {}: {ours} ≠ X's {theirs}",
                    p.id
                );
            }
            let rate = r.engagement.rate.get().unwrap();
            assert!(
                (rate - engagements / impressions).abs() <= 1e-12,
                "{name}: {rate}"
            );
            assert_eq!(r.engagement.rate.inputs[0].value.get(), engagements);
            assert_eq!(r.engagement.rate.inputs[1].value.get(), impressions);
        }
    }
}
