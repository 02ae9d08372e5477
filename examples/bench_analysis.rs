//! How long [`analyze`] takes and how large its JSON is. Two modes:
//!
//! - `cargo run --release --example bench_analysis -- [--rounds N] [--json] [--only COLS]
//!   FILE...`: each
//!   file (the exports `scripts/bench.sh` generates) is read into its own [`Workspace`] once,
//!   then analysed in interleaved rounds (every file, every column, once per round). Prints
//!   the median time of the first analysis (`first`: the facts about each record computed),
//!   of each preset switch and an option change on the workspace's kept facts, and of the
//!   page's call (`summary`); `--json` adds one line of JSON for `benches/native.mjs`;
//!   `--only custom,option` times those columns alone (the others print 0), for a profile of
//!   one (`valgrind --tool=callgrind --toggle-collect='bench_analysis::timed' …`).
//! - `cargo run --release --example bench_analysis -- [POSTS]` (default 5 000 posts over 365
//!   days on three networks, with daily rows, 2 000 inbox messages and 50 ad rows): a
//!   synthetic year of a busy account, 5 runs per preset.
//!
//! Prints numbers; it asserts nothing.

use social_roi::{
    analyze, analyze_summary, AdRow, AnalysisOptions, BusinessHours, DailyRow, Dataset, Date,
    DateTime, ImportOptions, Lang, Message, Network, Origin, Post, PostMetrics, Preset, Records,
    Time, Workspace,
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
                feedback: Default::default(),
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
                text: None,
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

fn synthetic(n: usize) {
    let data = dataset(n);
    println!(
        "dataset: {} posts, {} daily rows, {} messages, {} ad rows",
        data.records.posts.len(),
        data.records.daily.len(),
        data.records.messages.len(),
        data.records.ads.len()
    );
    for preset in PRESETS {
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

/// The presets timed, the first being the default.
const PRESETS: [Preset; 4] = [Preset::Custom, Preset::Later, Preset::RivalIq, Preset::X];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// What is timed per file and round: `first`, the analysis of the dataset alone (every fact
/// about its records computed, as the first analysis in a workspace does), then, on the
/// workspace whose facts the first call kept, each preset (the first being the default), an
/// option changed (the report's clock and business hours) and the page's call
/// (`analyze_summary`, no row per post; after a summary with another preset, since the last
/// summary is kept and the same one asked again is a copy).
const COLUMNS: [&str; 7] = [
    "first", "custom", "later", "rival_iq", "x", "option", "summary",
];

#[inline(never)]
fn timed(ws: &Workspace, column: usize) -> (f64, usize) {
    let preset = match column {
        2 => Preset::Later,
        3 => Preset::RivalIq,
        4 => Preset::X,
        _ => Preset::Custom,
    };
    let mut options = AnalysisOptions {
        preset,
        ..AnalysisOptions::default()
    };
    if column == 5 {
        options.utc_offset_minutes = Some(60);
        options.business_hours = Some(BusinessHours::default());
    }
    if column == 6 {
        // The last summary is kept: another one first, so that this one is computed.
        let other = AnalysisOptions {
            preset: Preset::Later,
            ..AnalysisOptions::default()
        };
        analyze_summary(ws, &other, Lang::En);
    }
    let t = Instant::now();
    let report = match column {
        0 => analyze(ws.dataset(), &options, Lang::En),
        6 => analyze_summary(ws, &options, Lang::En),
        _ => analyze(ws, &options, Lang::En),
    };
    let secs = t.elapsed().as_secs_f64();
    let size = if column == 0 {
        serde_json::to_string(&report).map_or(0, |j| j.len())
    } else {
        0
    };
    (secs, size)
}

/// Each file in its own workspace, analysed in interleaved rounds (every file, every column
/// `only` keeps: all when it is empty).
fn files(paths: &[String], rounds: usize, json: bool, only: &[String]) -> Result<(), String> {
    let mut loaded = Vec::new();
    for path in paths {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        let mut ws = Workspace::new(ImportOptions {
            today: Date::new(2026, 12, 1),
        });
        let name = path.rsplit('/').next().unwrap_or(path);
        ws.add(name, &bytes);
        // The first analysis in the workspace: its facts are kept for the next.
        analyze(&ws, &AnalysisOptions::default(), Lang::En);
        loaded.push((name.to_string(), ws));
    }
    // [file][column] -> seconds per round.
    let mut secs = vec![vec![Vec::new(); COLUMNS.len()]; loaded.len()];
    let mut sizes = vec![0usize; loaded.len()];
    for round in 0..rounds {
        for (k, (_, ws)) in loaded.iter().enumerate() {
            for (c, times) in secs[k].iter_mut().enumerate() {
                if !only.is_empty() && !only.iter().any(|o| o == COLUMNS[c]) {
                    times.push(0.0);
                    continue;
                }
                let (t, size) = timed(ws, c);
                times.push(t);
                sizes[k] = sizes[k].max(size);
            }
        }
        eprintln!("  round {}/{rounds}", round + 1);
    }
    print_results(&loaded, &secs, &sizes, rounds, json);
    Ok(())
}

fn print_results(
    loaded: &[(String, Workspace)],
    secs: &[Vec<Vec<f64>>],
    sizes: &[usize],
    rounds: usize,
    json: bool,
) {
    println!("native analysis, medians of {rounds} interleaved rounds (ms)");
    print!("{:<36} {:>8}", "file", "posts");
    COLUMNS.iter().for_each(|c| print!(" {c:>9}"));
    println!(" {:>10}", "JSON KiB");
    let mut out = Vec::new();
    for (k, (name, ws)) in loaded.iter().enumerate() {
        let ms: Vec<f64> = secs[k].iter().map(|s| median(s.clone()) * 1000.0).collect();
        let posts = ws.dataset().records.posts.len();
        print!("{name:<36} {posts:>8}");
        ms.iter().for_each(|m| print!(" {m:>9.1}"));
        println!(" {:>10.1}", sizes[k] as f64 / 1024.0);
        let fields: Vec<String> = COLUMNS
            .iter()
            .zip(&ms)
            .map(|(c, m)| format!("\"{c}\":{m}"))
            .collect();
        out.push(format!(
            "{{\"name\":{name:?},\"posts\":{posts},\"ms\":{{{}}},\"json_bytes\":{}}}",
            fields.join(","),
            sizes[k]
        ));
    }
    if json {
        println!("JSON {{\"rounds\":{rounds},\"files\":[{}]}}", out.join(","));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 5;
    let mut json = false;
    let mut paths = Vec::new();
    let mut only = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => rounds = it.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--json" => json = true,
            "--only" => {
                let names = it.next().map_or("", String::as_str);
                only.extend(names.split(',').map(str::to_string));
            }
            _ => paths.push(a.clone()),
        }
    }
    match paths.as_slice() {
        [] => synthetic(5000),
        [one] if one.parse::<usize>().is_ok() => synthetic(one.parse().unwrap_or(5000)),
        _ => {
            if let Err(e) = files(&paths, rounds.max(1), json, &only) {
                eprintln!("bench_analysis: {e}");
                std::process::exit(2);
            }
        }
    }
}
