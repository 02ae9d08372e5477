//! How long [`analyze`] takes and how large its JSON is, on a synthetic year of a busy
//! account: `cargo run --release --example bench_analysis -- [POSTS]` (default 5 000 posts
//! over 365 days on three networks, with daily rows, 2 000 inbox messages and 50 ad rows).
//! Prints numbers; it asserts nothing.

use social_roi::{
    analyze, AdRow, AnalysisOptions, BusinessHours, DailyRow, Dataset, Date, DateTime, Lang,
    Message, Network, Origin, Post, PostMetrics, Preset, Records, Time,
};
use std::time::Instant;

fn dataset(n: usize) -> Dataset {
    let start = Date::new(2025, 1, 1).map_or(0, |d| d.days());
    let day =
        |i: usize| Date::from_days(start + (i % 365) as i64).unwrap_or_else(|| unreachable!());
    let networks = [Network::Instagram, Network::Facebook, Network::X];
    let origin = |line| Origin { file: 0, line };
    let posts = (0..n)
        .map(|i| {
            let x = (i * 7919 % 1000) as f64;
            Post {
                id: format!("{}", 1_000_000_000_000_000_000u128 + i as u128),
                network: networks[i % 3],
                account: None,
                published: Some(DateTime {
                    date: day(i * 365 / n.max(1)),
                    time: Time::new((i % 24) as u8, (i % 60) as u8, 0),
                    offset_minutes: (i % 3 == 2).then_some(0),
                }),
                text: Some(format!("post number {i} with some text")),
                kind: Some(["IG image", "IG reel", "Photo", "Video"][i % 4].to_string()),
                permalink: None,
                metrics: PostMetrics {
                    reach: (i % 3 != 2).then_some(1000.0 + x * 10.0),
                    impressions: Some(1500.0 + x * 12.0),
                    views: Some(2000.0 + x),
                    engagements: Some(40.0 + x / 10.0),
                    reactions: Some(20.0 + x / 20.0),
                    comments: Some(x / 100.0),
                    shares: Some(x / 50.0),
                    saves: (i % 3 == 0).then_some(x / 40.0),
                    clicks: Some(x / 30.0),
                    ..PostMetrics::default()
                },
                currency: None,
                origin: origin(i as u64 + 2),
            }
        })
        .collect();
    let mut daily = Vec::new();
    for (k, network) in networks.iter().enumerate() {
        for i in 0..365 {
            daily.push(DailyRow {
                network: *network,
                account: None,
                date: day(i),
                followers: (k != 2).then_some(10_000.0 + i as f64 * 3.0),
                new_follows: Some(12.0),
                unfollows: Some(9.0),
                net_follows: None,
                impressions: Some(5000.0),
                reach: None,
                views: None,
                profile_views: None,
                engagements: Some(300.0),
                engaged_users: None,
                reactions: None,
                comments: None,
                shares: None,
                clicks: None,
                posts: None,
                revenue: None,
                currency: None,
                origin: origin(i as u64 + 2),
            });
        }
    }
    let messages = (0..2000)
        .map(|i| {
            let at = |h: usize| DateTime {
                date: day(i / 6 + h / 24),
                time: Time::new((h % 24) as u8, 0, 0),
                offset_minutes: None,
            };
            Message {
                received: at(i % 24),
                replied: (i % 5 != 0).then(|| at(i % 24 + 1 + i % 50)),
                channel: Some(["DM", "comment", "mention"][i % 3].to_string()),
                origin: origin(i as u64 + 2),
            }
        })
        .collect();
    let ads = (0..50)
        .map(|i| AdRow {
            network: Network::Facebook,
            campaign: format!("campaign {i}"),
            campaign_id: None,
            start: Some(day(i * 7)),
            end: Some(day(i * 7 + 6)),
            spend: Some(100.0 + i as f64),
            currency: Some("EUR".to_string()),
            impressions: Some(10_000.0),
            reach: None,
            clicks: Some(150.0),
            engagements: Some(400.0),
            new_follows: Some(5.0),
            conversions: None,
            origin: origin(i as u64 + 2),
        })
        .collect();
    Dataset {
        files: vec!["synthetic".to_string()],
        records: Records {
            posts,
            daily,
            ads,
            messages,
            ..Records::default()
        },
    }
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5000);
    let data = dataset(n);
    println!(
        "dataset: {} posts, {} daily rows, {} messages, {} ad rows",
        data.records.posts.len(),
        data.records.daily.len(),
        data.records.messages.len(),
        data.records.ads.len()
    );
    for preset in [Preset::Custom, Preset::Later, Preset::RivalIq, Preset::X] {
        let options = AnalysisOptions {
            preset,
            utc_offset_minutes: Some(60),
            business_hours: Some(BusinessHours::default()),
            ..AnalysisOptions::default()
        };
        let runs = 5;
        let t = Instant::now();
        let mut report = analyze(&data, &options, Lang::Fr);
        for _ in 1..runs {
            report = analyze(&data, &options, Lang::Fr);
        }
        let analyse = t.elapsed() / runs;
        let t = Instant::now();
        let json = serde_json::to_string(&report).unwrap_or_default();
        let serialise = t.elapsed();
        println!(
            "{:<10} analyze {:>8.1} ms   to JSON {:>7.1} ms   JSON {:>8.1} KiB",
            preset.key(),
            analyse.as_secs_f64() * 1000.0,
            serialise.as_secs_f64() * 1000.0,
            json.len() as f64 / 1024.0
        );
    }
}
