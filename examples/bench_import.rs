//! The CSV import path's speed, on a generated file: `cargo run --release --example
//! bench_import [MEGABYTES]` (default 100). Prints MB/s for an old X tweet activity export
//! (40 quoted columns, tweet text with commas, quotes and line breaks) and for a plain
//! semicolon file with decimal commas, both pushed in 64 KiB chunks as the page does.

use social_roi::{Date, ImportOptions, Importer};
use std::time::Instant;

const CHUNK: usize = 64 * 1024;

fn tweet_activity(target: usize) -> Vec<u8> {
    let header = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"user profile clicks\",\"url clicks\",\"hashtag clicks\",\"detail expands\",\"permalink clicks\",\"app opens\",\"app installs\",\"follows\",\"email tweet\",\"dial phone\",\"media views\",\"media engagements\",\"promoted impressions\",\"promoted engagements\",\"promoted engagement rate\",\"promoted retweets\",\"promoted replies\",\"promoted likes\",\"promoted user profile clicks\",\"promoted url clicks\",\"promoted hashtag clicks\",\"promoted detail expands\",\"promoted permalink clicks\",\"promoted app opens\",\"promoted app installs\",\"promoted follows\",\"promoted email tweet\",\"promoted dial phone\",\"promoted media views\",\"promoted media engagements\"\n";
    let mut out = header.as_bytes().to_vec();
    let mut i: u64 = 0;
    while out.len() < target {
        let id = 1_770_000_000_000_000_000u64 + i;
        let imp = 1000 + i % 5000;
        let eng = i % 97;
        let row = format!(
            "\"{id}\",\"https://twitter.com/acme/status/{id}\",\"Tweet {i}, with \"\"quotes\"\" &amp; a\nline break #tag\",\"2026-03-{:02} {:02}:{:02} +0000\",\"{imp}.0\",\"{eng}.0\",\"{}\",\"1.0\",\"0.0\",\"{eng}.0\",\"0.0\",\"0.0\",\"0.0\",\"0.0\",\"0.0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"12\",\"0\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\",\"-\"\n",
            1 + i % 28,
            i % 24,
            i % 60,
            eng as f64 / imp as f64
        );
        out.extend_from_slice(row.as_bytes());
        i += 1;
    }
    out
}

fn semicolons(target: usize) -> Vec<u8> {
    let mut out = b"Date;Impressions;Likes;Engagements;New follows;Unfollows\n".to_vec();
    let mut i: u64 = 0;
    while out.len() < target {
        let row = format!(
            "{:02}/{:02}/2026;{} {:03};{};{},5;{};{}\n",
            1 + i % 28,
            1 + i % 12,
            1 + i % 90,
            i % 1000,
            i % 300,
            i % 77,
            i % 9,
            i % 3
        );
        out.extend_from_slice(row.as_bytes());
        i += 1;
    }
    out
}

fn run(label: &str, name: &str, bytes: &[u8]) {
    let start = Instant::now();
    let mut importer = Importer::new(
        name,
        ImportOptions {
            today: Date::new(2026, 4, 1),
        },
    );
    for chunk in bytes.chunks(CHUNK) {
        importer.push(chunk);
    }
    let imported = importer.finish();
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes.len() as f64 / 1e6;
    let rows: u64 = imported.report.tables.iter().map(|t| t.rows).sum();
    let records = imported.report.records.total();
    println!(
        "{label:<34} {mb:>7.1} MB  {rows:>9} rows  {records:>9} records  {secs:>6.2} s  {:>6.1} MB/s",
        mb / secs
    );
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100);
    let target = megabytes * 1_000_000;
    println!("import speed, CSV path, {CHUNK}-byte chunks");
    run(
        "X tweet activity (40 columns)",
        "tweet_activity.csv",
        &tweet_activity(target),
    );
    run(
        "semicolons, decimal commas",
        "account_overview.csv",
        &semicolons(target),
    );
}
