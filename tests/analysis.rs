//! The analysis of a dataset against hand-computed values: every engagement preset, Kaushik's
//! rates, growth, series, heatmap, activity and the cost link; edge cases and invariants.
//! The datasets are built here in Rust; no test needs a file outside the repository.

use social_roi::{
    analysis_defaults, analyze, AdRow, AnalysisOptions, AnalysisReport, DailyRow, Dataset, Date,
    DateTime, EngagementRule, Figure, Lang, Message, Network, Origin, Post, PostMetrics, Preset,
    Records, Time,
};

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn date(s: &str) -> Date {
    let p: Vec<&str> = s.split('-').collect();
    Date::new(
        p[0].parse().unwrap(),
        p[1].parse().unwrap(),
        p[2].parse().unwrap(),
    )
    .unwrap_or_else(|| panic!("bad test date {s}"))
}

/// `2026-03-02`, `2026-03-02 14:30` or `2026-03-02 14:30 +0100`.
fn when(s: &str) -> DateTime {
    let mut parts = s.split(' ');
    let d = date(parts.next().unwrap());
    let time = parts.next().map(|t| {
        let (h, m) = t.split_once(':').unwrap();
        Time::new(h.parse().unwrap(), m.parse().unwrap(), 0).unwrap()
    });
    let offset = parts.next().map(|o| {
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let digits = &o[1..];
        sign * (digits[..2].parse::<i32>().unwrap() * 60 + digits[2..].parse::<i32>().unwrap())
    });
    DateTime {
        date: d,
        time,
        offset_minutes: offset,
    }
}

fn origin() -> Origin {
    Origin { file: 0, line: 2 }
}

fn post(
    id: &str,
    network: Network,
    at: Option<&str>,
    kind: Option<&str>,
    metrics: PostMetrics,
) -> Post {
    Post {
        id: id.to_string(),
        network,
        account: None,
        published: at.map(when),
        text: Some(format!("post {id}")),
        kind: kind.map(str::to_string),
        permalink: None,
        metrics,
        currency: None,
        origin: origin(),
    }
}

fn day(network: Network, d: &str) -> DailyRow {
    DailyRow {
        network,
        account: None,
        date: date(d),
        followers: None,
        new_follows: None,
        unfollows: None,
        net_follows: None,
        impressions: None,
        reach: None,
        views: None,
        profile_views: None,
        engagements: None,
        engaged_users: None,
        reactions: None,
        comments: None,
        shares: None,
        clicks: None,
        posts: None,
        revenue: None,
        currency: None,
        feedback: Default::default(),
        origin: origin(),
    }
}

fn ad(campaign: &str, currency: Option<&str>, spend: Option<f64>) -> AdRow {
    AdRow {
        network: Network::Facebook,
        campaign: campaign.to_string(),
        campaign_id: None,
        start: Some(date("2026-03-01")),
        end: Some(date("2026-03-31")),
        spend,
        currency: currency.map(str::to_string),
        impressions: None,
        reach: None,
        clicks: None,
        engagements: None,
        new_follows: None,
        conversions: None,
        origin: origin(),
    }
}

fn message(received: &str, replied: Option<&str>, channel: Option<&str>) -> Message {
    Message {
        received: when(received),
        replied: replied.map(when),
        channel: channel.map(str::to_string),
        text: None,
        origin: origin(),
    }
}

fn options(json: &str) -> AnalysisOptions {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bad test options: {e}\n{json}"))
}

fn with_preset(p: Preset) -> AnalysisOptions {
    AnalysisOptions {
        preset: p,
        ..AnalysisOptions::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the report
// ---------------------------------------------------------------------------------------------

fn all_figures(r: &AnalysisReport) -> Vec<&Figure> {
    let e = &r.engagement;
    let mut v: Vec<&Figure> = vec![&e.rate, &e.rate_other_aggregation];
    v.extend(&e.by_denominator);
    v.extend(&e.audience);
    v.extend(&r.totals);
    for g in e.by_network.iter().chain(&e.by_type) {
        v.extend(&g.figures);
    }
    for n in &r.growth.networks {
        v.extend(&n.figures);
    }
    v.extend(&r.growth.total);
    v.push(&r.activity.posts_per_week);
    v.extend(&r.activity.posts_per_week_by_network);
    v.extend(&r.activity.responses.figures);
    for c in &r.activity.by_channel {
        v.extend(&c.figures);
    }
    for c in r.costs.ads.iter().chain(&r.costs.overall) {
        v.extend(&c.figures);
    }
    v
}

fn find<'a>(figures: impl IntoIterator<Item = &'a Figure>, id: &str) -> &'a Figure {
    figures
        .into_iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn value(f: &Figure) -> f64 {
    f.get()
        .unwrap_or_else(|| panic!("{} has no value: {:?}", f.id, f.reason))
}

fn reason(f: &Figure) -> String {
    assert!(
        f.value.is_none(),
        "{} should have no value, has {:?}",
        f.id,
        f.value
    );
    f.reason
        .clone()
        .expect("a figure without a value has a reason")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b) = ($a, $b);
        assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
    }};
}

/// Every figure: exactly one of value and reason, a formula; the JSON holds no non-finite
/// number, and every object shaped like a figure keeps the rule.
fn check_invariants(r: &AnalysisReport) {
    for f in all_figures(r) {
        assert!(
            f.value.is_some() != f.reason.is_some(),
            "{}: value {:?}, reason {:?}",
            f.id,
            f.value,
            f.reason
        );
        assert!(!f.formula.is_empty(), "{} has no formula", f.id);
        assert!(!f.label.is_empty(), "{} has no label", f.id);
    }
    let json = serde_json::to_value(r).unwrap();
    walk(&json, "report");
    let text = serde_json::to_string(r).unwrap();
    for bad in ["NaN", "Infinity"] {
        assert!(!text.contains(bad), "report JSON holds {bad}");
    }
}

fn walk(v: &serde_json::Value, path: &str) {
    match v {
        serde_json::Value::Number(n) => {
            let x = n.as_f64().unwrap();
            assert!(x.is_finite(), "{path} = {x}");
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                walk(x, &format!("{path}[{i}]"));
            }
        }
        serde_json::Value::Object(o) => {
            if o.contains_key("formula") && o.contains_key("reason") && o.contains_key("value") {
                assert!(
                    o["value"].is_null() != o["reason"].is_null(),
                    "{path}: a figure needs exactly one of value and reason: {v}"
                );
            }
            for (k, x) in o {
                walk(x, &format!("{path}.{k}"));
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// X: the preset equals X's own engagement rate column
// ---------------------------------------------------------------------------------------------

/// The first rows of two real X tweet activity exports (`x-tweet-activity-rOpenSci-2016-12.csv`
/// and `x-tweet-activity-TCORSStgOrg-2017-04.csv`): id, time, impressions, engagements, X's
/// engagement rate, retweets, replies, likes, url clicks, copied by hand.
type XRow = (
    &'static str,
    &'static str,
    f64,
    f64,
    f64,
    f64,
    f64,
    f64,
    f64,
);
const X_ROWS: &[XRow] = &[
    (
        "812369747765362688",
        "2016-12-23 18:50 +0000",
        1938.0,
        18.0,
        0.009287925696594427,
        0.0,
        0.0,
        1.0,
        15.0,
    ),
    (
        "812341199767863296",
        "2016-12-23 16:56 +0000",
        3626.0,
        72.0,
        0.019856591285162713,
        11.0,
        0.0,
        11.0,
        44.0,
    ),
    (
        "811964522814652416",
        "2016-12-22 16:00 +0000",
        2229.0,
        21.0,
        0.009421265141318977,
        2.0,
        0.0,
        6.0,
        6.0,
    ),
    (
        "811963260417118208",
        "2016-12-22 15:55 +0000",
        4655.0,
        29.0,
        0.006229860365198711,
        6.0,
        0.0,
        6.0,
        7.0,
    ),
    (
        "811955502728945664",
        "2016-12-22 15:24 +0000",
        2073.0,
        12.0,
        0.005788712011577424,
        1.0,
        0.0,
        0.0,
        10.0,
    ),
    (
        "849049020249120769",
        "2017-04-04 00:00 +0000",
        29.0,
        1.0,
        0.034482758620689655,
        0.0,
        0.0,
        0.0,
        1.0,
    ),
    (
        "849018827384000512",
        "2017-04-03 22:00 +0000",
        10.0,
        2.0,
        0.2,
        0.0,
        0.0,
        0.0,
        2.0,
    ),
    (
        "848973526891720704",
        "2017-04-03 19:00 +0000",
        102.0,
        3.0,
        0.029411764705882353,
        1.0,
        0.0,
        0.0,
        2.0,
    ),
    (
        "848686551978606592",
        "2017-04-03 00:00 +0000",
        33.0,
        4.0,
        0.12121212121212122,
        0.0,
        0.0,
        0.0,
        4.0,
    ),
];

fn x_posts() -> Dataset {
    let posts = X_ROWS
        .iter()
        .map(|&(id, at, imp, eng, rate, rt, rep, likes, url)| {
            post(
                id,
                Network::X,
                Some(at),
                None,
                PostMetrics {
                    impressions: Some(imp),
                    engagements: Some(eng),
                    platform_engagement_rate: Some(rate),
                    shares: Some(rt),
                    comments: Some(rep),
                    reactions: Some(likes),
                    link_clicks: Some(url),
                    ..PostMetrics::default()
                },
            )
        })
        .collect();
    Dataset {
        files: vec!["x.csv".into()],
        records: Records {
            posts,
            ..Records::default()
        },
    }
}

#[test]
fn the_x_preset_equals_x_own_engagement_rate_column() {
    let data = x_posts();
    let r = analyze(&data, &with_preset(Preset::X), Lang::En);
    check_invariants(&r);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert_eq!(r.engagement.posts.len(), X_ROWS.len());
    for row in r.engagement.posts.iter() {
        let ours = row.rate.expect("every X post has a rate").get();
        let theirs = row.platform_rate.unwrap().get();
        assert_eq!(ours, theirs, "post {}", row.id);
    }
    // The period: total engagements ÷ total impressions.
    let e: f64 = X_ROWS.iter().map(|r| r.3).sum();
    let i: f64 = X_ROWS.iter().map(|r| r.2).sum();
    assert_close!(value(&r.engagement.rate), e / i);
    assert_eq!(
        r.engagement.rate.formula,
        "engagement rate by impressions = Σ engagements ÷ Σ impressions"
    );
    assert_eq!(r.definition.preset, "x");
    assert_eq!(r.definition.counted[0].interactions.len(), 1);
    // Average of per-post ratios, offered beside it.
    let mean = X_ROWS.iter().map(|r| r.3 / r.2).sum::<f64>() / X_ROWS.len() as f64;
    assert_close!(value(&r.engagement.rate_other_aggregation), mean);
    // CTR counts url clicks (link clicks), virality retweets.
    let url: f64 = X_ROWS.iter().map(|r| r.8).sum();
    let rt: f64 = X_ROWS.iter().map(|r| r.5).sum();
    assert_close!(value(find(&r.engagement.audience, "ctr")), url / i);
    assert_close!(value(find(&r.engagement.audience, "virality")), rt / i);
    // No reach on X: the figure by reach says why.
    let by_reach = find(&r.engagement.by_denominator, "engagement_rate_by_reach");
    assert!(reason(by_reach).contains("X, LinkedIn and YouTube report impressions"));
}

#[test]
fn a_wrong_platform_rate_is_flagged() {
    let mut data = x_posts();
    data.records
        .posts
        .update(0, |p| p.metrics.platform_engagement_rate = Some(0.5));
    // With a daily row read twice: the posts' warnings come first, whatever the preset.
    let mut daily = follower_days();
    daily.push(daily[0].clone());
    data.records.daily = daily;
    for preset in [Preset::X, Preset::Later] {
        let r = analyze(&data, &with_preset(preset), Lang::En);
        let at = |start: &str| r.warnings.iter().position(|w| w.starts_with(start));
        let (rate, days) = (at("1 post(s): the platform"), at("1 daily row(s) repeat"));
        assert!(rate.is_some() && rate < days, "{:?}", r.warnings);
    }
}

// ---------------------------------------------------------------------------------------------
// A small shop on Instagram and Facebook, by hand
// ---------------------------------------------------------------------------------------------

fn shop() -> Dataset {
    let ig = |id, at, kind, reach, likes, comments, shares, saves, impressions, views| {
        post(
            id,
            Network::Instagram,
            Some(at),
            Some(kind),
            PostMetrics {
                reach: Some(reach),
                reactions: Some(likes),
                comments: Some(comments),
                shares: Some(shares),
                saves: Some(saves),
                impressions,
                views,
                ..PostMetrics::default()
            },
        )
    };
    let mut fb1 = post(
        "fb1",
        Network::Facebook,
        Some("2026-03-03 12:00"),
        Some("Photo"),
        PostMetrics {
            reach: Some(2000.0),
            reactions: Some(80.0),
            comments: Some(12.0),
            shares: Some(8.0),
            clicks: Some(30.0),
            impressions: Some(2500.0),
            views: Some(3000.0),
            ..PostMetrics::default()
        },
    );
    fb1.metrics.followers_at_post = Some(5000.0);
    let fb2 = post(
        "fb2",
        Network::Facebook,
        Some("2026-03-06 18:00"),
        Some("Video"),
        PostMetrics {
            reach: Some(0.0),
            reactions: Some(3.0),
            comments: Some(0.0),
            shares: Some(0.0),
            clicks: Some(0.0),
            ..PostMetrics::default()
        },
    );
    let followers = |d, f| DailyRow {
        followers: Some(f),
        ..day(Network::Instagram, d)
    };
    Dataset {
        files: vec!["ig.csv".into(), "fb.csv".into(), "ig-followers.csv".into()],
        records: Records {
            posts: vec![
                ig(
                    "ig1",
                    "2026-03-02 09:15",
                    "IG image",
                    1000.0,
                    50.0,
                    10.0,
                    5.0,
                    15.0,
                    Some(1500.0),
                    Some(1500.0),
                ),
                ig(
                    "ig2",
                    "2026-03-03 19:40",
                    "IG reel",
                    4000.0,
                    200.0,
                    20.0,
                    40.0,
                    60.0,
                    Some(6000.0),
                    Some(10000.0),
                ),
                ig(
                    "ig3",
                    "2026-03-05 09:05",
                    "IG carousel",
                    500.0,
                    20.0,
                    5.0,
                    0.0,
                    5.0,
                    None,
                    None,
                ),
                fb1,
                fb2,
            ]
            .into(),
            daily: vec![
                followers("2026-03-01", 10000.0),
                followers("2026-03-03", 10100.0),
                followers("2026-03-10", 10150.0),
            ],
            ..Records::default()
        },
    }
}

#[test]
fn default_rule_by_reach_ratio_of_totals() {
    let r = analyze(&shop(), &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    // Facebook reports no saves: not counted there, and said so.
    let fb = r
        .definition
        .counted
        .iter()
        .find(|c| c.network == Network::Facebook)
        .unwrap();
    assert_eq!(fb.text, "reactions + comments + shares");
    assert!(r
        .warnings
        .iter()
        .any(|w| w == "Facebook: no post in the files reports saves: not counted"));
    // ig1 80, ig2 320, ig3 30, fb1 100, fb2 3 = 533 over reach 7 500.
    assert_close!(value(&r.engagement.rate), 533.0 / 7500.0);
    assert_eq!(
        r.engagement.rate.label,
        "Engagement rate (by reach, ratio of totals)"
    );
    // Average of ratios: fb2 has zero reach and is left out: (0.08 + 0.08 + 0.06 + 0.05) ÷ 4.
    assert_close!(value(&r.engagement.rate_other_aggregation), 0.0675);
    let inputs: Vec<(&str, f64)> = r
        .engagement
        .rate
        .inputs
        .iter()
        .map(|i| (i.name.as_str(), i.value.get()))
        .collect();
    assert_eq!(
        inputs,
        [("engagements", 533.0), ("reach", 7500.0), ("posts", 5.0)]
    );
    // The other denominators, same interactions.
    let by = |d: &str| {
        value(find(
            &r.engagement.by_denominator,
            &format!("engagement_rate_by_{d}"),
        ))
    };
    assert_close!(
        by("impressions"),
        (80.0 + 320.0 + 100.0) / (1500.0 + 6000.0 + 2500.0)
    );
    // Followers at posting time: ig1 the 1st (10 000), ig2 and ig3 the 3rd (10 100), fb1 its own.
    assert_close!(by("followers"), (80.0 + 320.0 + 30.0 + 100.0) / 35200.0);
    assert_close!(by("views"), (80.0 + 320.0 + 100.0) / 14500.0);
    assert!(r.definition.followers.contains("own column for 1 post(s)"));
    assert!(r.definition.followers.contains("for 3, unknown for 1"));
    // Totals for the KPI cards.
    assert_eq!(value(find(&r.totals, "posts")), 5.0);
    assert_eq!(value(find(&r.totals, "total_engagements")), 533.0);
    assert_eq!(value(find(&r.totals, "total_reach")), 7500.0);
    assert_eq!(value(find(&r.totals, "total_clicks")), 30.0);
}

#[test]
fn hootsuite_averages_each_posts_rate_by_reach() {
    let r = analyze(&shop(), &with_preset(Preset::Hootsuite), Lang::En);
    check_invariants(&r);
    assert_close!(value(&r.engagement.rate), 0.0675);
    assert_eq!(
        r.engagement.rate.formula,
        "engagement rate by reach = average over posts of (engagements ÷ reach)"
    );
    let posts_input = r
        .engagement
        .rate
        .inputs
        .iter()
        .find(|i| i.name.contains("above zero"))
        .unwrap();
    assert_eq!(posts_input.value.get(), 4.0);
}

#[test]
fn later_counts_shares_on_reels_and_videos_only() {
    let r = analyze(&shop(), &with_preset(Preset::Later), Lang::En);
    check_invariants(&r);
    // ig1 50+10+15, ig2 200+20+60+40, ig3 20+5+5, fb1 80+12 (no saves on Facebook),
    // fb2 (a video) 3+0+0.
    assert_close!(
        value(&r.engagement.rate),
        (75.0 + 320.0 + 30.0 + 92.0 + 3.0) / 7500.0
    );
    let ig = r
        .definition
        .counted
        .iter()
        .find(|c| c.network == Network::Instagram)
        .unwrap();
    assert_eq!(
        ig.text,
        "reactions + comments + saves (reels and videos: reactions + comments + saves + shares)"
    );
    let ig2 = r.engagement.posts.iter().find(|p| p.id == "ig2").unwrap();
    assert_eq!(ig2.engagements.unwrap().get(), 320.0);
    let ig1 = r.engagement.posts.iter().find(|p| p.id == "ig1").unwrap();
    assert_eq!(ig1.engagements.unwrap().get(), 75.0);
}

#[test]
fn rival_iq_divides_by_followers_at_posting_time() {
    let r = analyze(&shop(), &with_preset(Preset::RivalIq), Lang::En);
    check_invariants(&r);
    // Reactions + comments + shares: ig1 65, ig2 260, ig3 25, fb1 100; fb2 has no followers.
    assert_close!(
        value(&r.engagement.rate),
        (65.0 + 260.0 + 25.0 + 100.0) / 35200.0
    );
    assert_eq!(
        r.engagement.rate.formula,
        "engagement rate by followers = Σ engagements ÷ Σ followers at posting time"
    );
    let fb2 = r.engagement.posts.iter().find(|p| p.id == "fb2").unwrap();
    assert!(fb2.rate.is_none() && fb2.followers.is_none());
}

#[test]
fn rival_iq_without_followers_says_why() {
    let mut data = shop();
    data.records.daily.clear();
    data.records
        .posts
        .update(3, |p| p.metrics.followers_at_post = None);
    let r = analyze(&data, &with_preset(Preset::RivalIq), Lang::En);
    check_invariants(&r);
    assert!(reason(&r.engagement.rate).contains("add a file of daily follower totals"));
    assert!(r.engagement.top_posts.is_empty());
    assert!(r.engagement.top_posts_reason.is_some());
}

#[test]
fn metricool_per_thousand_reached_with_impressions_on_x_and_linkedin() {
    let r = analyze(&shop(), &with_preset(Preset::Metricool), Lang::En);
    check_invariants(&r);
    // Per 1,000 reached, averaged: (80 + 80 + 60 + 50) ÷ 4.
    assert_close!(value(&r.engagement.rate), 67.5);
    assert_eq!(r.engagement.rate.unit, social_roi::Unit::PerThousand);
    assert_eq!(r.engagement.rate_unit, social_roi::Unit::PerThousand);
    assert_eq!(
        serde_json::to_value(&r.engagement.rate).unwrap()["unit"],
        "per_thousand"
    );
    // With an X post, X divides by impressions: 40 per 1 000 impressions.
    let mut data = shop();
    data.records.posts.push(post(
        "x1",
        Network::X,
        Some("2026-03-04 10:00 +0000"),
        None,
        PostMetrics {
            impressions: Some(2000.0),
            reactions: Some(60.0),
            comments: Some(10.0),
            shares: Some(10.0),
            saves: Some(0.0),
            ..PostMetrics::default()
        },
    ));
    let r = analyze(&data, &with_preset(Preset::Metricool), Lang::En);
    check_invariants(&r);
    assert_close!(
        value(&r.engagement.rate),
        (80.0 + 80.0 + 60.0 + 50.0 + 40.0) / 5.0
    );
    assert!(
        r.engagement.rate.label.contains("impressions on X"),
        "{}",
        r.engagement.rate.label
    );
    let x1 = r.engagement.posts.iter().find(|p| p.id == "x1").unwrap();
    assert_eq!(x1.rate.unwrap().get(), 40.0);
}

#[test]
fn kaushik_virality_and_ctr() {
    let r = analyze(&shop(), &AnalysisOptions::default(), Lang::En);
    let a = &r.engagement.audience;
    // Comments 10+20+5+12+0, shares 5+40+0+8+0, reactions 50+200+20+80+3, over 5 posts.
    assert_close!(value(find(a, "conversation_rate")), 47.0 / 5.0);
    assert_close!(value(find(a, "amplification_rate")), 53.0 / 5.0);
    assert_close!(value(find(a, "applause_rate")), 353.0 / 5.0);
    // Per 1,000 followers: the 4 posts with followers at posting time (35 200).
    assert_close!(
        value(find(a, "conversation_per_thousand_followers")),
        47.0 / 35200.0 * 1000.0
    );
    assert_close!(
        value(find(a, "amplification_per_thousand_followers")),
        53.0 / 35200.0 * 1000.0
    );
    assert_close!(
        value(find(a, "applause_per_thousand_followers")),
        350.0 / 35200.0 * 1000.0
    );
    // Virality: shares of the posts with impressions (ig1, ig2, fb1).
    assert_close!(value(find(a, "virality")), 53.0 / 10000.0);
    // CTR: no link clicks in the files, so all clicks; fb1 is the only post with both.
    assert_close!(value(find(a, "ctr")), 30.0 / 2500.0);
    assert_eq!(find(a, "ctr").inputs[0].name, "clicks");
}

#[test]
fn top_and_bottom_posts_and_groups() {
    let o = AnalysisOptions {
        top_posts: 2,
        ..AnalysisOptions::default()
    };
    let r = analyze(&shop(), &o, Lang::En);
    let ids = |rows: &[social_roi::PostRow]| -> Vec<String> {
        rows.iter().map(|p| p.id.clone()).collect()
    };
    // ig1 and ig2 both 8 %: the one with more engagements first. fb2 (zero reach) has none.
    assert_eq!(ids(&r.engagement.top_posts), ["ig2", "ig1"]);
    assert_eq!(ids(&r.engagement.bottom_posts), ["fb1", "ig3"]);
    let fb = r
        .engagement
        .by_network
        .iter()
        .find(|g| g.key == "facebook")
        .unwrap();
    assert_eq!(fb.posts, 2);
    assert_close!(value(&fb.figures[0]), 103.0 / 2000.0);
    let ig = r
        .engagement
        .by_network
        .iter()
        .find(|g| g.key == "instagram")
        .unwrap();
    assert_close!(value(&ig.figures[0]), 430.0 / 5500.0);
    let reel = r
        .engagement
        .by_type
        .iter()
        .find(|g| g.key == "instagram:ig reel")
        .unwrap();
    assert_eq!(reel.label, "Instagram · IG reel");
    assert_close!(value(&reel.figures[0]), 0.08);
    assert_eq!(r.engagement.by_type.len(), 5);
}

#[test]
fn the_x_preset_on_files_without_x_engagements_says_why() {
    let r = analyze(&shop(), &with_preset(Preset::X), Lang::En);
    check_invariants(&r);
    assert!(reason(&r.engagement.rate).contains("interactions counted"));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.contains("reports engagements as the platform counts them")));
}

#[test]
fn french_labels_formulas_and_reasons() {
    let r = analyze(&shop(), &with_preset(Preset::Hootsuite), Lang::Fr);
    check_invariants(&r);
    assert_eq!(
        r.engagement.rate.formula,
        "taux d’engagement par portée = moyenne sur les publications de (engagements ÷ portée)"
    );
    assert_eq!(
        r.engagement.rate.label,
        "Taux d’engagement (par portée, moyenne des ratios par publication)"
    );
    // Asked to divide X posts by reach, which X never reports: the reason says so.
    let by_reach = AnalysisOptions {
        engagement: EngagementRule::default(),
        ..AnalysisOptions::default()
    };
    let x = analyze(&x_posts(), &by_reach, Lang::Fr);
    let why = reason(&x.engagement.rate);
    assert!(
        why.starts_with("aucune publication des fichiers n’a de portée"),
        "{why}"
    );
    assert!(why.contains("\u{a0}: choisissez"), "{why:?}");
}

#[test]
fn the_default_rule_gives_every_network_a_rate() {
    // X gives impressions, not reach: the default divides X posts by impressions.
    let x = analyze(&x_posts(), &AnalysisOptions::default(), Lang::En);
    check_invariants(&x);
    assert!(
        x.engagement.rate.value.is_some(),
        "{:?}",
        x.engagement.rate.reason
    );
    // Every post present was divided by impressions: the headline is named after them.
    assert_eq!(
        x.engagement.rate.label,
        "Engagement rate (by impressions, ratio of totals)"
    );
    assert_eq!(
        x.engagement.rate.formula,
        "engagement rate by impressions = Σ engagements ÷ Σ impressions"
    );
    let custom = defaults_rule_of_custom();
    assert_eq!(custom, EngagementRule::recommended());
    assert_eq!(AnalysisOptions::default().engagement, custom);
}

fn defaults_rule_of_custom() -> EngagementRule {
    analysis_defaults(Lang::En)
        .presets
        .into_iter()
        .find(|p| p.id == "custom")
        .expect("custom is offered")
        .rule
}

// ---------------------------------------------------------------------------------------------
// Growth
// ---------------------------------------------------------------------------------------------

fn follower_days() -> Vec<DailyRow> {
    let x = |d, new, unf, posts| DailyRow {
        new_follows: Some(new),
        unfollows: Some(unf),
        posts,
        ..day(Network::X, d)
    };
    let tiktok = |d, f, net| DailyRow {
        followers: Some(f),
        net_follows: Some(net),
        ..day(Network::TikTok, d)
    };
    let fb = |d, f, new, unf| DailyRow {
        followers: Some(f),
        new_follows: Some(new),
        unfollows: Some(unf),
        ..day(Network::Facebook, d)
    };
    vec![
        x("2026-03-02", 10.0, 2.0, Some(3.0)),
        x("2026-03-04", 8.0, 1.0, None),
        x("2026-03-03", 5.0, 7.0, Some(5.0)),
        tiktok("2026-03-01", 1000.0, 10.0),
        tiktok("2026-03-02", 990.0, -10.0),
        tiktok("2026-03-03", 1015.0, 25.0),
        fb("2026-03-01", 5000.0, 20.0, 5.0),
        fb("2026-03-02", 5010.0, 15.0, 5.0),
    ]
}

#[test]
fn growth_from_follows_net_changes_and_totals() {
    let data = Dataset {
        records: Records {
            daily: follower_days(),
            ..Records::default()
        },
        ..Dataset::default()
    };
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    let g = |n: Network| r.growth.networks.iter().find(|x| x.network == n).unwrap();
    // X: new follows and unfollows, no totals.
    let x = g(Network::X);
    assert_eq!(x.source_text, "from daily new follows and unfollows");
    assert_eq!(value(find(&x.figures, "net_follower_growth")), 13.0);
    assert_eq!(value(find(&x.figures, "unfollows")), 10.0);
    assert!(reason(find(&x.figures, "follower_growth_rate")).contains("no follower total"));
    assert!(reason(find(&x.figures, "churn_rate")).contains("no follower total"));
    // TikTok: net changes, one of them negative; start = 1 000 − 10.
    let t = g(Network::TikTok);
    assert_eq!(t.source_text, "from daily net changes");
    assert_eq!(value(find(&t.figures, "net_follower_growth")), 25.0);
    assert_eq!(value(find(&t.figures, "followers_start")), 990.0);
    assert_eq!(value(find(&t.figures, "followers_end")), 1015.0);
    assert_close!(
        value(find(&t.figures, "follower_growth_rate")),
        25.0 / 990.0
    );
    assert!(reason(find(&t.figures, "churn_rate")).contains("no unfollows"));
    // Facebook (legacy page insights): new likes and unlikes with totals.
    let f = g(Network::Facebook);
    assert_eq!(value(find(&f.figures, "net_follower_growth")), 25.0);
    assert_eq!(value(find(&f.figures, "followers_start")), 4985.0);
    assert_close!(value(find(&f.figures, "churn_rate")), 10.0 / 4985.0);
    assert_close!(
        value(find(&f.figures, "follower_growth_rate")),
        25.0 / 4985.0
    );
    // All networks: net growth adds up; the rate needs every start.
    assert_eq!(
        value(find(&r.growth.total, "total_net_follower_growth")),
        63.0
    );
    assert!(reason(find(&r.growth.total, "total_follower_growth_rate")).contains("every network"));
}

#[test]
fn growth_from_totals_only_and_one_day() {
    let r = analyze(&shop(), &AnalysisOptions::default(), Lang::En);
    let ig = &r.growth.networks[0];
    assert_eq!(ig.source_text, "from daily follower totals");
    assert_eq!(value(find(&ig.figures, "net_follower_growth")), 150.0);
    assert_close!(
        value(find(&ig.figures, "follower_growth_rate")),
        150.0 / 10000.0
    );
    let data = Dataset {
        records: Records {
            daily: vec![DailyRow {
                followers: Some(10.0),
                ..day(Network::TikTok, "2026-03-01")
            }],
            ..Records::default()
        },
        ..Dataset::default()
    };
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    let t = &r.growth.networks[0];
    assert!(
        reason(find(&t.figures, "net_follower_growth")).contains("one day of follower totals only")
    );
}

#[test]
fn linkedin_new_followers_only() {
    let li = |d, new| DailyRow {
        new_follows: Some(new),
        ..day(Network::LinkedIn, d)
    };
    let data = Dataset {
        records: Records {
            daily: vec![li("2026-03-02", 4.0), li("2026-03-03", -1.0)],
            ..Records::default()
        },
        ..Dataset::default()
    };
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    let g = &r.growth.networks[0];
    assert_eq!(value(find(&g.figures, "new_follows")), 3.0);
    assert!(reason(find(&g.figures, "net_follower_growth"))
        .contains("neither unfollows nor follower totals"));
    // The cost link still has its new followers.
    let patch = &r.costs.roi_patch;
    assert_eq!(patch.counts.new_followers, social_roi::Entry::Number(3.0));
}

#[test]
fn posting_frequency_beside_unfollows() {
    let mut data = Dataset {
        records: Records {
            daily: follower_days(),
            ..Records::default()
        },
        ..Dataset::default()
    };
    // Without posts files, the X overview's own post counts; 2026-03-02 is a Monday.
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    let weeks = &r.growth.weekly;
    assert_eq!(weeks[0].week_start, date("2026-02-23"));
    assert_eq!(weeks[1].week_start, date("2026-03-02"));
    assert_eq!(weeks[1].posts.unwrap().get(), 8.0);
    // X 2 + 7 + 1 and Facebook 5 on Monday 2 March; Facebook's Sunday is the week before.
    assert_eq!(weeks[1].unfollows.unwrap().get(), 15.0);
    assert_eq!(weeks[1].new_follows.unwrap().get(), 38.0);
    assert_eq!(weeks[1].days, 3);
    assert!(weeks[0].unfollows.is_some());
    // With posts, they are counted instead.
    data.records.posts = shop().records.posts;
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    assert_eq!(r.growth.weekly[1].posts.unwrap().get(), 5.0);
    assert_eq!(r.growth.weekly[0].posts.unwrap().get(), 0.0);
    assert!(r
        .growth
        .weekly_posts_source
        .as_deref()
        .unwrap()
        .contains("posts files"));
}

#[test]
fn duplicate_days_are_read_once() {
    let mut daily = follower_days();
    daily.push(daily[0].clone());
    let r = analyze(
        &Dataset {
            records: Records {
                daily,
                ..Records::default()
            },
            ..Dataset::default()
        },
        &AnalysisOptions::default(),
        Lang::En,
    );
    let x = r
        .growth
        .networks
        .iter()
        .find(|n| n.network == Network::X)
        .unwrap();
    assert_eq!(value(find(&x.figures, "net_follower_growth")), 13.0);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.starts_with("1 daily row(s) repeat a day")));
}

// ---------------------------------------------------------------------------------------------
// Series and heatmap
// ---------------------------------------------------------------------------------------------

#[test]
fn daily_weekly_monthly_series_with_change() {
    let mut data = shop();
    data.records.daily.clear();
    data.records.posts.push(post(
        "ig4",
        Network::Instagram,
        Some("2026-03-10 08:00"),
        Some("IG image"),
        PostMetrics {
            reach: Some(1000.0),
            reactions: Some(40.0),
            comments: Some(0.0),
            shares: Some(0.0),
            saves: Some(0.0),
            ..PostMetrics::default()
        },
    ));
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    assert_eq!(r.range.from, Some(date("2026-03-02")));
    assert_eq!(r.range.to, Some(date("2026-03-10")));
    let series = |set: &social_roi::SeriesSet, id: &str| {
        set.series.iter().find(|s| s.id == id).unwrap().clone()
    };
    let daily = series(&r.series.daily, "posts");
    assert_eq!(daily.points.len(), 9);
    let v: Vec<f64> = daily
        .points
        .iter()
        .map(|p| p.value.unwrap().get())
        .collect();
    assert_eq!(v, [1.0, 2.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0]);
    assert_eq!(daily.points[1].change.unwrap().get(), 1.0); // 1 → 2: +100 %
    assert!(daily.points[3].change.is_none()); // from 0: no ratio
    assert_eq!(daily.points[3].delta.unwrap().get(), 1.0);
    let weekly = series(&r.series.weekly, "posts");
    assert_eq!(weekly.points.len(), 2);
    assert_eq!(weekly.points[0].value.unwrap().get(), 5.0);
    assert_eq!(weekly.points[1].value.unwrap().get(), 1.0);
    assert_close!(weekly.points[1].change.unwrap().get(), -0.8);
    assert!(!weekly.points[0].partial && weekly.points[1].partial);
    // The week's rate: ratio of totals of its posts; the second week 40 ÷ 1 000.
    let rate = series(&r.series.weekly, "engagement_rate");
    assert_close!(rate.points[0].value.unwrap().get(), 533.0 / 7500.0);
    assert_close!(rate.points[1].value.unwrap().get(), 0.04);
    let monthly = series(&r.series.monthly, "posts");
    assert_eq!(monthly.points.len(), 1);
    assert_eq!(monthly.points[0].start, date("2026-03-01"));
    assert_eq!(monthly.points[0].end, date("2026-03-31"));
    assert!(monthly.points[0].partial && monthly.points[0].change.is_none());
    // A day without posts has no rate.
    let daily_rate = series(&r.series.daily, "engagement_rate");
    assert!(daily_rate.points[2].value.is_none());
}

#[test]
fn daily_rows_become_series_too() {
    let r = analyze(
        &Dataset {
            records: Records {
                daily: follower_days(),
                ..Records::default()
            },
            ..Dataset::default()
        },
        &AnalysisOptions::default(),
        Lang::En,
    );
    let net = r
        .series
        .daily
        .series
        .iter()
        .find(|s| s.id == "net_follows")
        .unwrap();
    // 2026-03-01: TikTok +10, Facebook +15; 03-02: X +8, TikTok −10, Facebook +10.
    assert_eq!(net.points[0].value.unwrap().get(), 25.0);
    assert_eq!(net.points[1].value.unwrap().get(), 8.0);
    let followers = r
        .series
        .daily
        .series
        .iter()
        .find(|s| s.id == "followers")
        .unwrap();
    assert_eq!(followers.points[0].value.unwrap().get(), 6000.0);
    assert!(followers.points[2].value.is_none()); // Facebook has no total on the 3rd
}

#[test]
fn heatmap_offset_crosses_midnight_and_the_week() {
    let p = |id, at: &str| {
        post(
            id,
            Network::X,
            Some(at),
            None,
            PostMetrics {
                impressions: Some(100.0),
                engagements: Some(5.0),
                ..PostMetrics::default()
            },
        )
    };
    let data = Dataset {
        records: Records {
            posts: vec![
                // Sunday 23:30 UTC is Monday 00:30 in Paris (UTC+1): a new day and a new week.
                p("a", "2026-03-08 23:30 +0000"),
                // No offset: the account's local time, left as it is.
                p("b", "2026-03-08 23:30"),
                // Monday 00:15 in UTC+1 is still Sunday 23:15 in UTC.
                p("c", "2026-03-09 00:15 +0100"),
                p("d", "2026-03-09"),
            ]
            .into(),
            ..Records::default()
        },
        ..Dataset::default()
    };
    let mut o = with_preset(Preset::X);
    o.utc_offset_minutes = Some(60);
    let r = analyze(&data, &o, Lang::En);
    check_invariants(&r);
    let cells: Vec<(u8, u8, usize)> = r
        .heatmap
        .cells
        .iter()
        .map(|c| (c.weekday, c.hour, c.posts))
        .collect();
    assert_eq!(cells, [(0, 0, 2), (6, 23, 1)]);
    assert_eq!(r.heatmap.posts_without_time, 1);
    assert!(r.heatmap.clock.contains("UTC+01:00"));
    // Two posts at 5 % in Monday 00:00: the best time; Sunday 23:00 has only one.
    assert_eq!(r.heatmap.best.len(), 1);
    assert_eq!((r.heatmap.best[0].weekday, r.heatmap.best[0].hour), (0, 0));
    // The period follows the same clock: from Monday 9 March, "a" is in, "b" is not.
    o.period = Some(social_roi::Period {
        from: "2026-03-09".into(),
        to: String::new(),
    });
    let r = analyze(&data, &o, Lang::En);
    let ids: Vec<&str> = r.engagement.posts.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["a", "c", "d"]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // In UTC, "c" moves back to Sunday 23:15.
    o.utc_offset_minutes = Some(0);
    o.period = None;
    let r = analyze(&data, &o, Lang::En);
    let cells: Vec<(u8, u8, usize)> = r
        .heatmap
        .cells
        .iter()
        .map(|c| (c.weekday, c.hour, c.posts))
        .collect();
    assert_eq!(cells, [(6, 23, 3)]);
}

// ---------------------------------------------------------------------------------------------
// Activity
// ---------------------------------------------------------------------------------------------

#[test]
fn posts_per_week() {
    let r = analyze(&shop(), &AnalysisOptions::default(), Lang::En);
    // Posts from 2 to 6 March, follower rows from 1 to 10 March: 10 days, 5 dated posts.
    assert_close!(value(&r.activity.posts_per_week), 5.0 / 10.0 * 7.0);
    let by: Vec<f64> = r
        .activity
        .posts_per_week_by_network
        .iter()
        .map(value)
        .collect();
    assert_close!(by[0], 2.0 / 10.0 * 7.0); // Facebook
    assert_close!(by[1], 3.0 / 10.0 * 7.0); // Instagram
    let mut data = shop();
    data.records.daily.clear();
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    assert!(reason(&r.activity.posts_per_week).contains("covers 5 day(s)"));
}

fn inbox() -> Vec<Message> {
    vec![
        // Friday 17:00 → Monday 10:00: 65 h, 2 business hours (Friday 17–18, Monday 9–10).
        message("2026-03-06 17:00", Some("2026-03-09 10:00"), Some("DM")),
        // Saturday: 2 h, none of them business hours.
        message("2026-03-07 10:00", Some("2026-03-07 12:00"), Some("DM")),
        // Monday morning: half an hour.
        message(
            "2026-03-09 09:00",
            Some("2026-03-09 09:30"),
            Some("comment"),
        ),
        message("2026-03-09 11:00", None, Some("comment")),
    ]
}

#[test]
fn response_rate_and_times_with_business_hours_across_a_weekend() {
    let data = Dataset {
        records: Records {
            messages: inbox(),
            ..Records::default()
        },
        ..Dataset::default()
    };
    let o = options(
        r#"{"business_hours": {"days": ["mon","tue","wed","thu","fri"], "start": "09:00", "end": "18:00"}}"#,
    );
    let r = analyze(&data, &o, Lang::En);
    check_invariants(&r);
    let f = &r.activity.responses.figures;
    assert_eq!(value(find(f, "response_rate")), 0.75);
    // Calendar hours 0.5, 2, 65: median 2, 90th percentile 2 + 0.8 × 63.
    assert_eq!(value(find(f, "median_first_response_hours")), 2.0);
    assert_close!(value(find(f, "p90_first_response_hours")), 52.4);
    // Business hours 0, 0.5, 2.
    assert_eq!(value(find(f, "median_first_response_business_hours")), 0.5);
    assert_close!(value(find(f, "p90_first_response_business_hours")), 1.7);
    let dm = &r.activity.by_channel[0];
    assert_eq!(
        (dm.channel.as_deref(), dm.received, dm.replied),
        (Some("DM"), 2, 2)
    );
    assert_eq!(
        value(find(&dm.figures, "median_first_response_hours")),
        33.5
    );
    let comments = &r.activity.by_channel[1];
    assert_eq!(value(find(&comments.figures, "response_rate")), 0.5);
    // Without business hours, no business figures.
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    assert_eq!(r.activity.responses.figures.len(), 3);
}

#[test]
fn response_times_use_utc_when_both_times_have_an_offset() {
    let data = Dataset {
        records: Records {
            messages: vec![
                message(
                    "2026-03-09 09:00 +0100",
                    Some("2026-03-09 09:00 +0000"),
                    None,
                ),
                message("2026-03-09 09:00", Some("2026-03-09"), None),
                message("2026-03-09 10:00", Some("2026-03-09 09:00"), None),
            ],
            ..Records::default()
        },
        ..Dataset::default()
    };
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    assert_eq!(
        value(find(
            &r.activity.responses.figures,
            "median_first_response_hours"
        )),
        1.0
    );
    assert!(r
        .warnings
        .iter()
        .any(|w| w.starts_with("1 answered message(s) have no time")));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.starts_with("1 message(s) were answered before")));
}

// ---------------------------------------------------------------------------------------------
// Costs
// ---------------------------------------------------------------------------------------------

#[test]
fn cost_link_from_ads_and_typed_costs() {
    let mut data = shop();
    data.records.daily = follower_days();
    let mut a = ad("Spring", Some("USD"), Some(100.5));
    a.impressions = Some(10000.0);
    a.clicks = Some(100.0);
    a.engagements = Some(300.0);
    a.new_follows = Some(10.0);
    let mut b = ad("Boost", Some("USD"), Some(49.5));
    b.impressions = Some(5000.0);
    b.clicks = Some(50.0);
    data.records.ads = vec![a, b];
    let o = options(r#"{"costs": [{"label": "Prize", "amount": "50"}]}"#);
    let r = analyze(&data, &o, Lang::En);
    check_invariants(&r);
    // What the ads bought, from their own counts.
    let ads = &r.costs.ads[0];
    assert_eq!(ads.currency.as_deref(), Some("USD"));
    assert_eq!(value(find(&ads.figures, "ads_spend")), 150.0);
    assert_eq!(value(find(&ads.figures, "ads_spend_per_engagement")), 0.5);
    assert_eq!(value(find(&ads.figures, "ads_cpm")), 10.0);
    assert_eq!(value(find(&ads.figures, "ads_cpc")), 1.0);
    assert_eq!(
        value(find(&ads.figures, "ads_spend_per_new_follower")),
        15.0
    );
    // Everything (150 of ads + 50 typed, blank currency = the ads') against the analysis.
    let all = r.costs.overall.as_ref().unwrap();
    assert_eq!(all.currency.as_deref(), Some("USD"));
    assert_eq!(value(find(&all.figures, "spend")), 200.0);
    assert_close!(
        value(find(&all.figures, "spend_per_engagement")),
        200.0 / 533.0
    );
    assert_close!(value(find(&all.figures, "cpm")), 200.0 / 10000.0 * 1000.0);
    assert_close!(value(find(&all.figures, "cpc")), 200.0 / 30.0);
    // New follows: X 23, TikTok has none, so the net growth of every network: 13 + 25 + 25.
    assert_close!(
        value(find(&all.figures, "spend_per_new_follower")),
        200.0 / 63.0
    );
    // The ROI calculator patch: counts and one ad spend line.
    let patch = serde_json::to_value(&r.costs.roi_patch).unwrap();
    assert_eq!(patch["currency"], "USD");
    assert_eq!(patch["counts"]["engagements"], 533.0);
    assert_eq!(patch["counts"]["clicks"], 30.0);
    assert_eq!(patch["counts"]["new_followers"], 63.0);
    assert!(patch["counts"]["acquisitions"].is_null());
    assert_eq!(patch["costs"][0]["kind"], "ads");
    assert_eq!(patch["costs"][0]["amount"], 150.0);
    // It reads back as the calculator's input.
    let input: social_roi::RoiInput = serde_json::from_value(serde_json::json!({
        "currency": patch["currency"], "costs": patch["costs"], "counts": patch["counts"]
    }))
    .unwrap();
    let roi = social_roi::compute_roi(&input, Lang::En);
    assert!(roi.errors.is_empty(), "{:?}", roi.errors);
    let cpe = roi
        .unit_costs
        .iter()
        .find(|f| f.id == "cost_per_engagement")
        .unwrap();
    assert_close!(cpe.get().unwrap(), 150.0 / 533.0);
}

#[test]
fn two_currencies_are_never_added() {
    let mut data = shop();
    let mut a = ad("EU", Some("EUR"), Some(100.0));
    a.clicks = Some(10.0);
    data.records.ads = vec![
        a,
        ad("US", Some("USD"), Some(80.0)),
        ad("?", None, Some(5.0)),
    ];
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    assert_eq!(r.costs.ads.len(), 3);
    assert_eq!(value(find(&r.costs.ads[0].figures, "ads_spend")), 100.0);
    assert_eq!(value(find(&r.costs.ads[0].figures, "ads_cpc")), 10.0);
    assert!(reason(find(&r.costs.ads[1].figures, "ads_cpc")).contains("no clicks"));
    assert!(r.costs.ads[2].currency.is_none());
    assert!(r.costs.overall.is_none());
    assert!(r
        .costs
        .overall_reason
        .as_deref()
        .unwrap()
        .contains("EUR, USD, ?"));
    assert!(r.costs.roi_patch.costs.is_empty());
    // Naming the unnamed currency merges it with the ads of that currency.
    let r = analyze(&data, &options(r#"{"ads_currency": "usd"}"#), Lang::En);
    assert_eq!(value(find(&r.costs.ads[1].figures, "ads_spend")), 85.0);
}

#[test]
fn no_costs_says_so() {
    let r = analyze(&shop(), &AnalysisOptions::default(), Lang::En);
    assert!(r.costs.overall.is_none());
    assert!(r
        .costs
        .overall_reason
        .as_deref()
        .unwrap()
        .starts_with("no spend"));
    assert!(r.costs.roi_patch.costs.is_empty());
    assert_eq!(
        r.costs.roi_patch.counts.engagements,
        social_roi::Entry::Number(533.0)
    );
}

// ---------------------------------------------------------------------------------------------
// Edge cases
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_dataset_says_why_everywhere() {
    for lang in [Lang::En, Lang::Fr] {
        let r = analyze(&Dataset::default(), &AnalysisOptions::default(), lang);
        check_invariants(&r);
        assert!(r.engagement.rate.value.is_none());
        assert!(r.engagement.audience.iter().all(|f| f.value.is_none()));
        assert!(r.growth.reason.is_some());
        assert!(r.series.daily.reason.is_some());
        assert!(r.heatmap.reason.is_some());
        assert!(r.activity.posts_per_week.value.is_none());
        assert!(r.costs.overall_reason.is_some());
        assert_eq!(r.range.days, None);
    }
}

#[test]
fn zero_denominators_and_huge_numbers_stay_finite() {
    let p = |id, reach, e| {
        post(
            id,
            Network::Facebook,
            Some("2026-03-02 10:00"),
            None,
            PostMetrics {
                reach: Some(reach),
                impressions: Some(reach),
                reactions: Some(e),
                comments: Some(e),
                shares: Some(e),
                ..PostMetrics::default()
            },
        )
    };
    let zero = Dataset {
        records: Records {
            posts: vec![p("a", 0.0, 0.0), p("b", 0.0, 2.0)].into(),
            ..Records::default()
        },
        ..Dataset::default()
    };
    let r = analyze(&zero, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    assert_eq!(
        reason(&r.engagement.rate),
        "reach add up to zero: nothing to divide by"
    );
    assert!(reason(&r.engagement.rate_other_aggregation).contains("zero"));
    assert_eq!(
        reason(find(&r.engagement.audience, "virality")),
        "impressions add up to zero: nothing to divide by"
    );
    let huge = Dataset {
        records: Records {
            posts: vec![p("a", 1e308, 1e308), p("b", 1e308, 1e308)].into(),
            ..Records::default()
        },
        ..Dataset::default()
    };
    let r = analyze(&huge, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    assert!(reason(find(&r.totals, "total_reach")).contains("too large"));
}

#[test]
fn posts_without_dates() {
    let mut data = shop();
    data.records.posts.update(0, |p| p.published = None);
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    assert_eq!(r.engagement.posts.len(), 5);
    assert_close!(value(&r.engagement.rate), 533.0 / 7500.0);
    let weekly = r
        .series
        .weekly
        .series
        .iter()
        .find(|s| s.id == "posts")
        .unwrap();
    let week = weekly
        .points
        .iter()
        .find(|p| p.start == date("2026-03-02"))
        .unwrap();
    assert_eq!(week.value.unwrap().get(), 4.0);
    assert_eq!(r.heatmap.posts_without_time, 1);
    assert!(r.warnings[0].starts_with("1 post(s) have no date: counted in the totals"));
    let o = options(r#"{"period": {"from": "2026-03-01", "to": "2026-03-31"}}"#);
    let r = analyze(&data, &o, Lang::En);
    assert_eq!(r.engagement.posts.len(), 4);
    assert!(r.warnings[0].contains("left out, since a period is chosen"));
    assert_eq!(r.range.days, Some(31));
}

#[test]
fn a_post_missing_a_counted_interaction_is_left_out() {
    let mut data = shop();
    data.records.posts.update(1, |p| p.metrics.saves = None); // ig2, the reel
    let r = analyze(&data, &AnalysisOptions::default(), Lang::En);
    check_invariants(&r);
    // ig2 leaves both sums: its engagements and its reach.
    assert_close!(
        value(&r.engagement.rate),
        (533.0 - 320.0) / (7500.0 - 4000.0)
    );
    assert_eq!(r.engagement.rate.inputs[1].value.get(), 3500.0);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.starts_with("1 of 3 Instagram post(s) lack one")));
}

#[test]
fn bad_options_are_reported_by_path_and_ignored() {
    let o = options(
        r#"{
        "period": {"from": "2026-13-01", "to": "2026-03-31"},
        "utc_offset_minutes": 2000,
        "business_hours": {"start": "9h", "end": "18:00"},
        "engagement": {"interactions": {"default": ["reactions"], "twiter": ["reactions"]}},
        "costs": [{"amount": "abc"}, {"amount": "12,5", "currency": "XYZ"}],
        "top_posts": 0
    }"#,
    );
    let r = analyze(&shop(), &o, Lang::En);
    check_invariants(&r);
    let fields: Vec<&str> = r.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "period.from",
            "utc_offset_minutes",
            "business_hours.start",
            "top_posts",
            "engagement.interactions.twiter",
            "costs[0].amount",
            "costs[1].currency"
        ]
    );
    assert_eq!(
        r.errors[0].message,
        "expected a date as YYYY-MM-DD, found \"2026-13-01\""
    );
    // The rest still computes: the period's end alone is used.
    assert_eq!(r.range.to, Some(date("2026-03-31")));
    assert!(r.engagement.rate.value.is_some());
    let r = analyze(&shop(), &o, Lang::Fr);
    assert_eq!(
        r.errors[0].message,
        "une date AAAA-MM-JJ attendue, trouvé «\u{a0}2026-13-01\u{a0}»"
    );
    // Unknown keys are refused when the options are read.
    assert!(serde_json::from_str::<AnalysisOptions>(r#"{"presets": "x"}"#).is_err());
    assert!(serde_json::from_str::<AnalysisOptions>(r#"{"preset": "buffer"}"#).is_err());
}

#[test]
fn defaults_round_trip_and_list_every_preset() {
    let d = analysis_defaults(Lang::Fr);
    let json = serde_json::to_string(&d).unwrap();
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    let options: AnalysisOptions = serde_json::from_value(back["options"].clone()).unwrap();
    assert_eq!(options, AnalysisOptions::default());
    let ids: Vec<&str> = back["presets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["custom", "hootsuite", "later", "rival_iq", "metricool", "x"]
    );
    // A preset's rule, sent back as a custom rule, gives the same figures.
    let later: social_roi::EngagementRule =
        serde_json::from_value(back["presets"][2]["rule"].clone()).unwrap();
    let custom = AnalysisOptions {
        engagement: later,
        ..AnalysisOptions::default()
    };
    let a = analyze(&shop(), &custom, Lang::En);
    let b = analyze(&shop(), &with_preset(Preset::Later), Lang::En);
    assert_eq!(a.engagement.rate.value, b.engagement.rate.value);
    assert_eq!(back["interactions"][9]["key"], "platform_engagements");
    assert_eq!(back["weekdays"][0]["name"], "lundi");
}

#[test]
fn several_networks_and_the_whole_report_in_both_languages() {
    let mut data = shop();
    // The X posts moved into March 2026, beside the others.
    data.records.posts.extend(
        x_posts()
            .records
            .posts
            .to_vec()
            .into_iter()
            .enumerate()
            .map(|(i, mut p)| {
                if let Some(w) = p.published.as_mut() {
                    w.date = date("2026-03-02").add_days(i as i64).unwrap();
                }
                p
            }),
    );
    data.records.daily.extend(follower_days());
    data.records.messages = inbox();
    data.records.ads = vec![ad("Spring", Some("EUR"), Some(90.0))];
    for preset in Preset::ALL {
        for lang in [Lang::En, Lang::Fr] {
            let mut o = with_preset(preset);
            o.utc_offset_minutes = Some(120);
            o.business_hours = Some(Default::default());
            let r = analyze(&data, &o, lang);
            check_invariants(&r);
            assert!(r.errors.is_empty(), "{:?}", r.errors);
            assert_eq!(r.engagement.by_network.len(), 3);
        }
    }
}
