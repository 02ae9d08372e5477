//! How long a draw takes on comment exports, step by step, natively:
//! `cargo run --release --example bench_draw -- [--rounds N] FILE...` (ExportComments CSV or
//! any file `social-roi draw` reads; `node benches/gen.mjs` writes 100k- and 1M-comment ones).
//! Each round reads the files into a workspace, then times the session (each entrant
//! normalised and interned, the entries' SHA-256), the suspicious-entrant pass (which the
//! first preparation would otherwise run), the preparation under the default rules, the same
//! preparation asked in French (the draw view's language switched), the draw,
//! the verification of its certificate, a redraw, a page of exclusions, and an RFC 3797 draw
//! (its preparation and draw, the flags kept); prints the medians, the resident memory after
//! each step of the first round and at most during it, the certificate's size, and
//! the entries' SHA-256 and the suspicious entrants' (to compare two builds by).
//! Prints numbers; it asserts nothing.

use social_roi::{
    sha256_hex, DrawOptions, DrawScheme, DrawSession, Entries, ImportOptions, Lang, RedrawInput,
    RulesInput, SeedInput, SeedKind, Workspace,
};
use std::time::Instant;

/// The resident memory now and at most since the last lap, in MB (Linux: `VmRSS` and
/// `VmHWM`, the peak reset by writing 5 to `/proc/self/clear_refs`; elsewhere zeros); starts
/// the next lap. Where a step's memory peaks: WebAssembly's memory never shrinks, so a page
/// keeps the highest it reached.
fn memory_lap() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        let line = status.lines().find(|l| l.starts_with(key));
        let n = line.and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok());
        n.unwrap_or(0.0) / 1e3
    };
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    (kb("VmRSS:"), kb("VmHWM:"))
}

/// Time this thread has run on a processor, in milliseconds (Linux; else the wall clock): on a
/// shared machine, what the work cost rather than how long others made it wait.
fn cpu_ms(start: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| start.elapsed().as_secs_f64() * 1e3, |ns| ns / 1e6)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The steps timed, in order.
const STEPS: [&str; 9] = [
    "session",
    "suspicion",
    "prepare",
    "said in French",
    "draw",
    "verify",
    "redraw",
    "exclusions page",
    "rfc3797 draw",
];

/// An RFC 3797 draw from the RFC's example sources: a preparation under its rules, the draw.
fn rfc3797_draw(s: &mut DrawSession, entries: &Entries, options: &DrawOptions) {
    let rules = RulesInput {
        scheme: DrawScheme::Rfc3797,
        ..RulesInput::default()
    };
    let sources = SeedInput {
        kind: SeedKind::Public,
        value: "9319 / 2 5 12 8 10 / 9 18 26 34 41 45".into(),
        source: None,
        ..SeedInput::default()
    };
    let drawn = s.draw(entries, &rules, &sources, options, Lang::En);
    assert!(drawn.is_ok_and(|c| c.drawings[0].rfc3797.is_some()));
}

/// The entries' SHA-256, and the suspicious entrants' (as JSON).
fn check_of(s: &mut DrawSession, entries: &Entries) -> String {
    let flags = s.suspicious(entries, Lang::En);
    let flagged = flags.len();
    let json = serde_json::to_string(flags).unwrap_or_default();
    format!(
        "entries {}, {flagged} flags {}",
        s.entries_sha256(),
        sha256_hex(json.as_bytes())
    )
}

/// Per step, the wall and processor milliseconds of every round; the certificate's size; the
/// entries' SHA-256 and that of the suspicious entrants (as JSON), to compare two builds by;
/// per step of the first round, the resident memory after it and at most during it (MB).
type Measured = (Vec<Vec<f64>>, Vec<Vec<f64>>, usize, String, Vec<(f64, f64)>);

/// Times every step, `rounds` times (see the module head).
fn measure(entries: &Entries, rounds: usize) -> Measured {
    let rules = RulesInput::default();
    let seed = SeedInput {
        kind: SeedKind::Public,
        value: "benchmark".into(),
        source: None,
        ..SeedInput::default()
    };
    let options = DrawOptions {
        title: None,
        drawn_at: Some("2026-06-16T21:30:00Z".into()),
    };
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); STEPS.len()];
    let mut cpu: Vec<Vec<f64>> = vec![Vec::new(); STEPS.len()];
    let origin = Instant::now();
    let mut size = 0;
    let mut check = String::new();
    let mut heap = Vec::new();
    memory_lap();
    for _ in 0..rounds {
        let mut lap = (Instant::now(), cpu_ms(origin));
        let mut clock = |k: usize, times: &mut Vec<Vec<f64>>| {
            let now = cpu_ms(origin);
            times[k].push(lap.0.elapsed().as_secs_f64() * 1e3);
            cpu[k].push(now - lap.1);
            if heap.len() < STEPS.len() {
                heap.push(memory_lap());
            }
            lap = (Instant::now(), cpu_ms(origin));
        };
        let mut s = DrawSession::new(entries);
        clock(0, &mut times);
        check = check_of(&mut s, entries);
        clock(1, &mut times);
        let _ = s.prepare(entries, &rules, Lang::En);
        clock(2, &mut times);
        // The draw view's language switched: the same rules prepared in French.
        let _ = s.prepare(entries, &rules, Lang::Fr);
        clock(3, &mut times);
        let Ok(cert) = s.draw(entries, &rules, &seed, &options, Lang::En) else {
            break;
        };
        clock(4, &mut times);
        let v = s.verify(entries, &cert, Lang::En);
        clock(5, &mut times);
        let who = cert.drawings[0].winners.first().map(|p| p.entrant.clone());
        let input = RedrawInput {
            disqualify: who.into_iter().collect(),
            reason: "no answer".into(),
            seed: None,
            drawn_at: None,
        };
        let _ = s.redraw(entries, &cert, &input, Lang::En);
        clock(6, &mut times);
        let page = s.exclusions(entries, None, 1000, 500, Lang::En);
        clock(7, &mut times);
        rfc3797_draw(&mut s, entries, &options);
        clock(8, &mut times);
        size = serde_json::to_string_pretty(&cert).map_or(0, |j| j.len());
        assert!(v.confirmed && page.len() <= 500);
    }
    (times, cpu, size, check, heap)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut rounds = 5;
    if let Some(i) = args.iter().position(|a| a == "--rounds") {
        rounds = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(5);
        args.drain(i..(i + 2).min(args.len()));
    }
    for path in &args {
        let Ok(bytes) = std::fs::read(path) else {
            eprintln!("{path}: cannot read");
            continue;
        };
        let t = Instant::now();
        let mut ws = Workspace::new(ImportOptions::default());
        let id = ws.begin(path);
        for chunk in bytes.chunks(1 << 20) {
            let _ = ws.push(id, chunk);
        }
        let _ = ws.finish(id);
        let import = t.elapsed().as_secs_f64() * 1e3;
        let entries = &ws.dataset().records.entries;
        let (heap_in, _) = memory_lap();
        let (times, cpu, size, check, heap) = measure(entries, rounds);
        println!(
            "{path}: {} entries, import {import:.0} ms (once); medians of {rounds} rounds:",
            entries.len()
        );
        let memory = format!("memory MB (round 1, from {heap_in:.0} with the file)");
        println!(
            "  {:<16} {:>8} {:>8}  {memory}: after, peak",
            "", "wall ms", "cpu ms"
        );
        for (((name, t), c), (after, peak)) in STEPS.iter().zip(times).zip(cpu).zip(heap) {
            let (t, c) = (median(t), median(c));
            println!("  {name:<16} {t:>8.1} {c:>8.1}  {after:>7.0} {peak:>7.0}");
        }
        println!("  certificate JSON {:.1} MB", size as f64 / 1e6);
        println!("  {check}");
    }
}
