//! The import path's speed, natively. Two modes:
//!
//! - `cargo run --release --example bench_import -- [--rounds N] [--json] FILE...`: the files
//!   `scripts/bench.sh` generates (or any export), read whole into memory first, then in
//!   interleaved rounds (every file once per round), each pushed through an [`Importer`] in
//!   2 MiB chunks as the page pushes them, and scanned by the raw tokenizer
//!   ([`scan_delimited`]). Prints the median MB/s of each and their ratio; `--json` adds one
//!   line of JSON for `benches/native.mjs`.
//! - `cargo run --release --example bench_import [MEGABYTES]` (default 100): the older
//!   synthetic files made here (an X tweet activity export and a semicolon file with decimal
//!   commas) in 64 KiB chunks, one run each.

use social_roi::{scan_delimited, Date, ImportOptions, Importer};
use std::time::Instant;

const SYNTHETIC_CHUNK: usize = 64 * 1024;
const CHUNK: usize = 2 * 1024 * 1024;

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

/// What one import gave.
struct Run {
    secs: f64,
    rows: u64,
    records: u64,
    delimiter: u8,
}

fn import(name: &str, bytes: &[u8], chunk: usize) -> Run {
    let start = Instant::now();
    let mut importer = Importer::new(
        name,
        ImportOptions {
            today: Date::new(2026, 12, 1),
        },
    );
    for part in bytes.chunks(chunk) {
        importer.push(part);
    }
    let imported = importer.finish();
    let secs = start.elapsed().as_secs_f64();
    let tables = &imported.report.tables;
    let delimiter = match tables.first().and_then(|t| t.delimiter.as_deref()) {
        Some(";") => b';',
        Some("tab") => b'\t',
        Some("|") => b'|',
        _ => b',',
    };
    Run {
        secs,
        rows: tables.iter().map(|t| t.rows).sum(),
        records: imported.report.records.total(),
        delimiter,
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

fn synthetic(megabytes: usize) {
    let target = megabytes * 1_000_000;
    println!("import speed, CSV path, synthetic files, {SYNTHETIC_CHUNK}-byte chunks");
    for (label, name, bytes) in [
        (
            "X tweet activity (40 columns)",
            "tweet_activity.csv",
            tweet_activity(target),
        ),
        (
            "semicolons, decimal commas",
            "account_overview.csv",
            semicolons(target),
        ),
    ] {
        let run = import(name, &bytes, SYNTHETIC_CHUNK);
        let mb = bytes.len() as f64 / 1e6;
        println!(
            "{label:<34} {mb:>7.1} MB  {:>9} rows  {:>9} records  {:>6.2} s  {:>6.1} MB/s",
            run.rows,
            run.records,
            run.secs,
            mb / run.secs
        );
    }
}

/// Interleaved rounds over `paths`: every file imported, then scanned, once per round.
fn files(paths: &[String], rounds: usize, json: bool) -> Result<(), String> {
    let inputs: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| std::fs::read(p).map(|b| (p.clone(), b)))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("cannot read an input: {e}"))?;
    let mut import_secs = vec![Vec::new(); inputs.len()];
    let mut scan_secs = vec![Vec::new(); inputs.len()];
    let mut shape = vec![(0u64, 0u64, 0u64); inputs.len()];
    for round in 0..rounds {
        for (k, (path, bytes)) in inputs.iter().enumerate() {
            let name = path.rsplit('/').next().unwrap_or(path);
            let run = import(name, bytes, CHUNK);
            let start = Instant::now();
            let counts = scan_delimited(bytes, run.delimiter);
            scan_secs[k].push(start.elapsed().as_secs_f64());
            import_secs[k].push(run.secs);
            shape[k] = (run.rows, run.records, counts.records);
        }
        eprintln!("  round {}/{rounds}", round + 1);
    }
    println!(
        "native import, {CHUNK}-byte chunks, medians of {rounds} interleaved rounds\n{:<36} {:>8} {:>9} {:>9} {:>10} {:>10} {:>8}",
        "file", "MB", "rows", "records", "MB/s", "scan MB/s", "scan ÷"
    );
    let mut out = Vec::new();
    for (k, (path, bytes)) in inputs.iter().enumerate() {
        let mb = bytes.len() as f64 / 1e6;
        let (import_s, scan_s) = (median(import_secs[k].clone()), median(scan_secs[k].clone()));
        let (rows, records, scanned) = shape[k];
        let name = path.rsplit('/').next().unwrap_or(path);
        println!(
            "{name:<36} {mb:>8.1} {rows:>9} {records:>9} {:>10.1} {:>10.1} {:>7.2}×",
            mb / import_s,
            mb / scan_s,
            import_s / scan_s
        );
        out.push(format!(
            "{{\"name\":{name:?},\"bytes\":{},\"rows\":{rows},\"records\":{records},\"scanned\":{scanned},\"import_s\":{import_s},\"scan_s\":{scan_s},\"import_all\":{:?},\"scan_all\":{:?}}}",
            bytes.len(),
            import_secs[k],
            scan_secs[k]
        ));
    }
    if json {
        println!("JSON {{\"rounds\":{rounds},\"files\":[{}]}}", out.join(","));
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 5;
    let mut json = false;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rounds" => rounds = it.next().and_then(|n| n.parse().ok()).unwrap_or(rounds),
            "--json" => json = true,
            _ => paths.push(a.clone()),
        }
    }
    if let [one] = paths.as_slice() {
        if let Ok(megabytes) = one.parse::<usize>() {
            return synthetic(megabytes);
        }
    }
    if paths.is_empty() {
        return synthetic(100);
    }
    if let Err(e) = files(&paths, rounds.max(1), json) {
        eprintln!("bench_import: {e}");
        std::process::exit(2);
    }
}
