//! The analysis through the real readers: the exports in `tests/fixtures/analysis/` (a bakery's
//! first week of June 2026 on Instagram, Facebook and X, its Facebook page's daily totals, an
//! Ads Manager campaign and an inbox export mapped by hand) read by the [`Workspace`], then
//! analysed with every preset. Every expected value is worked out by hand in the comments,
//! from the numbers in the files.

use social_roi::{
    analyze, AnalysisOptions, AnalysisReport, Date, EngagementRule, Figure, ImportOptions, Lang,
    Preset, Workspace,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/analysis/");

const FILES: [&str; 6] = [
    "Jun-01-2026_Jun-08-2026_17841400000000000.csv",
    "Jun-01-2026_Jun-08-2026_104512345678901.csv",
    "tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
    "facebook_page_2026-06.csv",
    "ads_campaigns_2026-06.csv",
    "inbox_2026-06.csv",
];

/// Every fixture read as a user dropping them would, the inbox mapped as the Files tab does.
fn workspace() -> Workspace {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 6, 30),
    });
    let mut inbox = None;
    for name in FILES {
        let bytes = std::fs::read(format!("{DIR}{name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
        let id = ws.add(name, &bytes);
        let report = ws.report(id).unwrap();
        assert!(!report.has_errors(), "{name}: {report:#?}");
        if name.starts_with("inbox") {
            inbox = Some(id);
        }
    }
    let mapping: Vec<(String, String)> = [
        ("Reçu le", "message.received"),
        ("Répondu le", "message.replied"),
        ("Canal", "message.channel"),
    ]
    .iter()
    .map(|(c, f)| (c.to_string(), f.to_string()))
    .collect();
    ws.apply_mapping(inbox.unwrap(), 0, &mapping).unwrap();
    let d = ws.dataset();
    assert_eq!(
        (
            d.records.posts.len(),
            d.records.daily.len(),
            d.records.ads.len(),
            d.records.messages.len()
        ),
        (9, 7, 1, 5)
    );
    ws
}

fn run(ws: &Workspace, options: &AnalysisOptions) -> AnalysisReport {
    let r = analyze(ws.dataset(), options, Lang::En);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

fn preset(p: Preset) -> AnalysisOptions {
    AnalysisOptions {
        preset: p,
        ..AnalysisOptions::default()
    }
}

fn find<'a>(figures: impl IntoIterator<Item = &'a Figure>, id: &str) -> &'a Figure {
    figures
        .into_iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

#[track_caller]
fn is(f: &Figure, expected: f64) {
    let v = f
        .get()
        .unwrap_or_else(|| panic!("{}: no value ({:?})", f.id, f.reason));
    assert!(
        (v - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{}: {v} ≠ {expected}",
        f.id
    );
}

/// The rate of each post, by id suffix (`…101` is I1), `None` where it has none.
fn post_rates(r: &AnalysisReport) -> Vec<(String, Option<f64>)> {
    r.engagement
        .posts
        .iter()
        .map(|p| (p.id[p.id.len() - 3..].to_string(), p.rate.map(|v| v.get())))
        .collect()
}

// The posts (engagements counted by the default rule in brackets):
//   Instagram I1 image   reach 1000, likes 100, comments 10, shares 5,  saves 5   [120]
//             I2 reel    reach 4000, likes 300, comments 20, shares 40, saves 40  [400]
//             I3 carousel reach 500, likes 30,  comments 5,  shares 0,  saves 15  [50]
//             I4 image   reach 500,  likes 15,  comments 5,  shares 5,  saves 5   [30]
//   Facebook  F1 photo   reach 2000, reactions 80,  comments 15, shares 5  (no saves) [100]
//             F2 reel    reach 3000, reactions 150, comments 30, shares 20           [200]
//   X         T1 impressions 2000, engagements 60, likes 30, replies 4, retweets 6 [40]
//             T2 impressions 500,  engagements 10, likes 5,  replies 1, retweets 1 [7]
//             T3 impressions 1500, engagements 30, likes 15, replies 2, retweets 3 [20]
// Facebook page: followers 1008 on June 2 (F1) and 1020 on June 4 (F2).

/// Reactions, comments, shares and saves by reach for every network (the plain rule, without
/// the default's per-network denominators).
fn by_reach() -> AnalysisOptions {
    AnalysisOptions {
        engagement: EngagementRule::default(),
        ..AnalysisOptions::default()
    }
}

#[test]
fn the_default_divides_x_posts_by_impressions() {
    let ws = workspace();
    let r = run(&ws, &AnalysisOptions::default());
    let e = &r.engagement;
    // Instagram and Facebook by reach (900 ÷ 11 000), X by impressions (67 ÷ 4 000).
    is(&e.rate, 967.0 / 15000.0);
    let x_rates = [40.0 / 2000.0, 7.0 / 500.0, 20.0 / 1500.0];
    is(
        &e.rate_other_aggregation,
        (0.43 + 200.0 / 3000.0 + x_rates.iter().sum::<f64>()) / 9.0,
    );
    let rates = post_rates(&r);
    for (id, want) in ["001", "002", "003"].iter().zip(x_rates) {
        let got = rates.iter().find(|(i, _)| i == id).and_then(|(_, v)| *v);
        assert!(
            got.is_some_and(|v| (v - want).abs() <= 1e-12),
            "{id}: {got:?}, expected {want}"
        );
    }
}

#[test]
fn default_rule_reactions_comments_shares_saves_by_reach() {
    let ws = workspace();
    let r = run(&ws, &by_reach());
    assert_eq!(r.range.posts, 9);
    assert_eq!(
        (r.range.from.unwrap().to_string(), r.range.days),
        ("2026-06-01".to_string(), Some(8))
    );
    // Saves are counted only where the files have them (Instagram).
    assert!(r
        .warnings
        .iter()
        .any(|w| w.contains("X: no post in the files reports saves")));
    let totals = &r.totals;
    is(find(totals, "posts"), 9.0);
    is(find(totals, "total_engagements"), 967.0); // 120+400+50+30+100+200+40+7+20
    is(find(totals, "total_impressions"), 4000.0);
    is(find(totals, "total_reach"), 11000.0);
    is(find(totals, "total_views"), 21500.0); // 2000+8000+1500+1000+3000+6000
    is(find(totals, "total_clicks"), 18.0); // X's url clicks 10+2+6: link clicks win
    let e = &r.engagement;
    // X posts have no reach: 900 ÷ 11 000.
    is(&e.rate, 900.0 / 11000.0);
    // (0.12 + 0.10 + 0.10 + 0.06 + 0.05 + 200/3000) ÷ 6
    is(&e.rate_other_aggregation, (0.43 + 200.0 / 3000.0) / 6.0);
    is(
        find(&e.by_denominator, "engagement_rate_by_impressions"),
        67.0 / 4000.0,
    );
    is(
        find(&e.by_denominator, "engagement_rate_by_followers"),
        300.0 / 2028.0,
    );
    is(
        find(&e.by_denominator, "engagement_rate_by_views"),
        900.0 / 21500.0,
    );
    assert_eq!(
        post_rates(&r),
        vec![
            ("101".to_string(), Some(0.12)),
            ("102".to_string(), Some(0.1)),
            ("103".to_string(), Some(0.1)),
            ("104".to_string(), Some(0.06)),
            ("201".to_string(), Some(0.05)),
            ("202".to_string(), Some(200.0 / 3000.0)),
            ("001".to_string(), None),
            ("002".to_string(), None),
            ("003".to_string(), None),
        ]
    );
    // Top: I1, then I2 (more engagements than I3 at the same rate); bottom: F1, I4, F2.
    let ids = |rows: &[social_roi::PostRow]| -> Vec<String> {
        rows.iter()
            .map(|p| p.id[p.id.len() - 3..].to_string())
            .collect()
    };
    assert_eq!(ids(&e.top_posts), ["101", "102", "103", "202", "104"]);
    assert_eq!(ids(&e.bottom_posts), ["201"]);
    // Followers at posting time come from the page's daily totals.
    assert_eq!(
        e.posts
            .iter()
            .filter_map(|p| p.followers.map(|f| f.get()))
            .collect::<Vec<_>>(),
        [1008.0, 1020.0]
    );
}

#[test]
fn kaushik_virality_and_ctr_from_the_files() {
    let ws = workspace();
    let r = run(&ws, &AnalysisOptions::default());
    let a = &r.engagement.audience;
    is(find(a, "conversation_rate"), 92.0 / 9.0); // comments 40 + 45 + 7
    is(find(a, "amplification_rate"), 85.0 / 9.0); // shares 50 + 25 + 10
    is(find(a, "applause_rate"), 725.0 / 9.0); // reactions 445 + 230 + 50
                                               // Only the Facebook posts have followers at posting time (1008 + 1020).
    is(
        find(a, "conversation_per_thousand_followers"),
        45.0 / 2028.0 * 1000.0,
    );
    is(
        find(a, "amplification_per_thousand_followers"),
        25.0 / 2028.0 * 1000.0,
    );
    is(
        find(a, "applause_per_thousand_followers"),
        230.0 / 2028.0 * 1000.0,
    );
    is(find(a, "virality"), 10.0 / 4000.0); // X retweets ÷ X impressions
    is(find(a, "ctr"), 18.0 / 4000.0); // X url clicks ÷ X impressions
}

#[test]
fn hootsuite_averages_each_posts_rate_by_reach() {
    let ws = workspace();
    let r = run(&ws, &preset(Preset::Hootsuite));
    assert_eq!(r.definition.preset, "hootsuite");
    // (0.12 + 0.10 + 0.10 + 0.06 + 0.05 + 0.0667) ÷ 6
    is(&r.engagement.rate, (0.43 + 200.0 / 3000.0) / 6.0);
    is(&r.engagement.rate_other_aggregation, 900.0 / 11000.0);
}

#[test]
fn later_counts_shares_on_reels_only() {
    let ws = workspace();
    let r = run(&ws, &preset(Preset::Later));
    // Static posts: likes + comments + saves; reels: + shares. Facebook has no saves.
    // I1 115, I2 400, I3 50, I4 25, F1 95, F2 200: 885 ÷ 11 000.
    is(&r.engagement.rate, 885.0 / 11000.0);
    let rates = post_rates(&r);
    assert_eq!(rates[0].1, Some(0.115));
    assert_eq!(rates[1].1, Some(0.1));
    assert_eq!(rates[3].1, Some(0.05));
    assert_eq!(rates[4].1, Some(95.0 / 2000.0));
    let ig = r
        .definition
        .counted
        .iter()
        .find(|c| c.network.name() == "Instagram")
        .unwrap();
    assert_eq!(
        ig.text,
        "reactions + comments + saves (reels and videos: reactions + comments + saves + shares)"
    );
}

#[test]
fn rival_iq_divides_by_the_page_followers_on_the_posting_day() {
    let ws = workspace();
    let r = run(&ws, &preset(Preset::RivalIq));
    // Reactions + comments + shares ÷ followers, Facebook only: (100 + 200) ÷ (1008 + 1020).
    is(&r.engagement.rate, 300.0 / 2028.0);
    // Average of per-post ratios: (100/1008 + 200/1020) ÷ 2.
    is(
        &r.engagement.rate_other_aggregation,
        (100.0 / 1008.0 + 200.0 / 1020.0) / 2.0,
    );
    assert!(r
        .definition
        .followers
        .contains("daily follower total of the posting day (or the last day before it) for 2"));
}

#[test]
fn metricool_per_thousand_reached_by_impressions_on_x() {
    let ws = workspace();
    let r = run(&ws, &preset(Preset::Metricool));
    // Per post ×1000: Instagram 120, 100, 100, 60; Facebook 50, 66.67 (by reach);
    // X 20, 14, 13.33 (by impressions). Average: 544 ÷ 9.
    is(&r.engagement.rate, 544.0 / 9.0);
    assert_eq!(
        serde_json::to_value(r.engagement.rate.unit).unwrap(),
        "per_thousand"
    );
    assert_eq!(
        r.engagement.rate.label,
        "Engagements per 1,000 (by reach; impressions on X, average of per-post ratios)"
    );
    let rates = post_rates(&r);
    assert_eq!(rates[6].1, Some(20.0));
    assert_eq!(rates[7].1, Some(14.0));
}

#[test]
fn the_x_preset_equals_x_own_column_and_changes_with_the_preset() {
    let ws = workspace();
    let r = run(&ws, &preset(Preset::X));
    // X's engagements ÷ impressions: (60 + 10 + 30) ÷ 4000. Meta posts have no impressions
    // (Facebook's "Reactions, Comments and Shares" has nothing to divide by; Instagram has
    // no engagement total at all).
    is(&r.engagement.rate, 100.0 / 4000.0);
    for p in r
        .engagement
        .posts
        .iter()
        .filter(|p| p.platform_rate.is_some())
    {
        assert_eq!(p.rate, p.platform_rate, "{}", p.id);
    }
    assert_eq!(
        r.engagement
            .posts
            .iter()
            .filter(|p| p.rate.is_some())
            .count(),
        3
    );
    // The same figure with another preset is not the same number: that is the point.
    let default = run(&ws, &AnalysisOptions::default());
    assert!(default.engagement.rate.get() != r.engagement.rate.get());
}

#[test]
fn facebook_growth_from_new_likes_and_unlikes() {
    let ws = workspace();
    let r = run(&ws, &AnalysisOptions::default());
    let fb = &r.growth.networks[0];
    assert_eq!(fb.network.name(), "Facebook");
    let g = &fb.figures;
    is(find(g, "new_follows"), 55.0); // 10+10+6+10+8+6+5
    is(find(g, "unfollows"), 14.0); // 2+2+2+2+3+1+2
    is(find(g, "net_follower_growth"), 41.0);
    is(find(g, "followers_start"), 992.0); // 1000 on June 1, after that day's +8
    is(find(g, "followers_end"), 1033.0);
    is(find(g, "follower_growth_rate"), 41.0 / 992.0);
    is(find(g, "churn_rate"), 14.0 / 992.0);
    // Posting frequency beside unfollows: the week of June 1 (8 posts, 14 unfollows), then
    // June 8 (Instagram I4 and X T3; no daily row).
    let w = &r.growth.weekly;
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].posts.map(|v| v.get()), Some(7.0));
    assert_eq!(w[0].unfollows.map(|v| v.get()), Some(14.0));
    assert_eq!(w[1].posts.map(|v| v.get()), Some(2.0));
    assert_eq!(w[1].unfollows, None);
}

#[test]
fn series_and_heatmap_on_a_utc_offset() {
    let ws = workspace();
    let options = AnalysisOptions {
        utc_offset_minutes: Some(60),
        ..AnalysisOptions::default()
    };
    let r = run(&ws, &options);
    // X's times are UTC and move one hour; Meta's have no offset and stay as written.
    let cells: Vec<(u8, u8, usize)> = r
        .heatmap
        .cells
        .iter()
        .map(|c| (c.weekday, c.hour, c.posts))
        .collect();
    assert_eq!(
        cells,
        [
            (0, 8, 1),  // T3 Monday 07:45 UTC → 08:45
            (0, 9, 2),  // I1 and I4, Mondays 09:00
            (1, 9, 1),  // T1 Tuesday 08:30 UTC → 09:30
            (1, 10, 1), // F1
            (2, 18, 1), // I2
            (3, 19, 1), // F2
            (4, 12, 1), // I3
            (5, 18, 1), // T2 Saturday 17:00 UTC → 18:00
        ]
    );
    // The only hour with two rated posts: Monday 09:00, (120 + 30) ÷ (1000 + 500).
    assert_eq!(r.heatmap.best.len(), 1);
    is(
        &Figure {
            value: r.heatmap.best[0].rate,
            ..r.engagement.rate.clone()
        },
        0.1,
    );
    let daily = &r.series.daily;
    let posts = daily.series.iter().find(|s| s.id == "posts").unwrap();
    let counts: Vec<f64> = posts
        .points
        .iter()
        .map(|p| p.value.map_or(-1.0, |v| v.get()))
        .collect();
    assert_eq!(counts, [1.0, 2.0, 1.0, 1.0, 1.0, 1.0, 0.0, 2.0]);
    let weekly = r
        .series
        .weekly
        .series
        .iter()
        .find(|s| s.id == "posts")
        .unwrap();
    assert_eq!(weekly.points.len(), 2);
    // Week of June 8: 2 posts after 7, −5 (−71 %).
    assert_eq!(weekly.points[1].delta.map(|v| v.get()), Some(-5.0));
    is(
        &Figure {
            value: weekly.points[1].change,
            ..r.engagement.rate.clone()
        },
        -5.0 / 7.0,
    );
    assert_eq!(r.series.monthly.series[0].points.len(), 1);
}

#[test]
fn activity_from_the_mapped_inbox_with_business_hours() {
    let ws = workspace();
    let options: AnalysisOptions = serde_json::from_str(r#"{"business_hours": {}}"#).unwrap();
    let r = run(&ws, &options);
    let a = &r.activity;
    is(&a.posts_per_week, 9.0 / 8.0 * 7.0);
    let f = &a.responses.figures;
    is(find(f, "response_rate"), 0.8); // 4 of 5 answered
                                       // First responses 1.5 h, 0.5 h, 64 h (Friday 17:00 to Monday 09:00), 4 h.
    is(find(f, "median_first_response_hours"), (1.5 + 4.0) / 2.0);
    is(find(f, "p90_first_response_hours"), 4.0 + 0.7 * 60.0); // rank 2.7 of 0..3
                                                               // Monday to Friday, 09:00 to 18:00: 1.5 h, 0 (before opening), 1 h (Friday 17–18), 0
                                                               // (a Saturday).
    is(find(f, "median_first_response_business_hours"), 0.5);
    is(
        find(f, "p90_first_response_business_hours"),
        1.0 + 0.7 * 0.5,
    );
    let channels: Vec<(&str, usize, usize)> = a
        .by_channel
        .iter()
        .map(|c| (c.channel.as_deref().unwrap_or(""), c.received, c.replied))
        .collect();
    assert_eq!(
        channels,
        [("Instagram", 2, 2), ("Facebook", 2, 1), ("X", 1, 1)]
    );
}

#[test]
fn cost_link_from_the_ads_file_and_the_roi_patch() {
    let ws = workspace();
    let r = run(&ws, &AnalysisOptions::default());
    let ads = &r.costs.ads[0];
    assert_eq!(ads.currency.as_deref(), Some("EUR"));
    is(find(&ads.figures, "ads_spend"), 250.0);
    is(find(&ads.figures, "ads_spend_per_engagement"), 0.25); // 250 ÷ 1000
    is(find(&ads.figures, "ads_cpm"), 12.5); // 250 ÷ 20 000 × 1000
    is(find(&ads.figures, "ads_cpc"), 0.625); // 250 ÷ 400
    is(
        find(&ads.figures, "ads_spend_per_new_follower"),
        250.0 / 30.0,
    );
    let all = r.costs.overall.as_ref().unwrap();
    is(find(&all.figures, "spend_per_engagement"), 250.0 / 967.0);
    is(find(&all.figures, "cpm"), 62.5); // 250 ÷ 4000 organic impressions × 1000
    is(find(&all.figures, "cpc"), 250.0 / 18.0);
    is(find(&all.figures, "spend_per_new_follower"), 250.0 / 55.0);
    let patch = serde_json::to_value(&r.costs.roi_patch).unwrap();
    assert_eq!(patch["currency"], "EUR");
    assert_eq!(
        patch["counts"],
        serde_json::json!({"engagements": 967.0, "clicks": 18.0, "new_followers": 55.0, "acquisitions": null})
    );
    assert_eq!(patch["costs"][0]["kind"], "ads");
    assert_eq!(patch["costs"][0]["amount"].as_f64(), Some(250.0));
    // With a typed cost in the same currency, both are spent.
    let options: AnalysisOptions =
        serde_json::from_str(r#"{"costs": [{"label": "Photographe", "amount": "150"}]}"#).unwrap();
    let r = run(&ws, &options);
    let all = r.costs.overall.as_ref().unwrap();
    is(find(&all.figures, "spend"), 400.0);
    is(find(&all.figures, "spend_per_new_follower"), 400.0 / 55.0);
}

#[test]
fn a_period_keeps_its_days_only() {
    let ws = workspace();
    let mut options: AnalysisOptions =
        serde_json::from_str(r#"{"period": {"from": "2026-06-02", "to": "2026-06-04"}}"#).unwrap();
    options.engagement = EngagementRule::default();
    let r = run(&ws, &options);
    // F1, T1, I2, F2: (100 + 400 + 200) ÷ (2000 + 4000 + 3000) by reach; T1 has none.
    assert_eq!(r.range.posts, 4);
    is(&r.engagement.rate, 700.0 / 9000.0);
    is(find(&r.totals, "total_engagements"), 740.0);
    let fb = &r.growth.networks[0].figures;
    is(find(fb, "new_follows"), 26.0); // June 2 to 4: 10 + 6 + 10
    is(find(fb, "followers_start"), 1000.0); // 1008 − June 2's +8
}
