//! Fuzz-style robustness: random bytes, and real fixtures cut short, with bytes flipped or
//! inserted, pushed in random chunks, through every reader (text, XLSX, XLS, ODS, ZIP, JSON).
//! Whatever comes in: no panic, and a report for every file. The generator is seeded, so a
//! failure reproduces; `FUZZ_ROUNDS=2000 cargo test --release --test fuzz` runs longer.

use social_roi::{Date, ImportOptions, Importer, Lang, Status, Workspace};

/// Panics of the `.xls` reader caught natively (see `check`).
static CAUGHT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// xorshift64*: small, seeded, good enough to pick cuts and flips.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/");

const FIXTURES: &[&str] = &[
    "x/tweet_activity_metrics_acme_20260301_20260331_en.csv",
    "meta/Jul-19-2026_Jul-25-2026_104512345678901.csv",
    "meta/ads_campaigns_2026-07.csv",
    "facebook/post_level_2017-01.csv",
    "facebook/page_level_2026-01.csv",
    "linkedin/acme_content_1714435200000.xls",
    "linkedin/acme_followers_1714435200000.xlsx",
    "linkedin/acme_visitors_1714435200000.ods",
    "youtube/Content 2025-06-01_2025-06-28 Chaîne Martin.zip",
    "tiktok/Overview_2026-04-30_1777507200_boulangerie.zip",
    "tiktok/vue_ensemble_unicode.txt",
    "analytics/ga4_traffic_acquisition_20260501-20260531.csv",
    "comments/exportcomments_facebook.xlsx",
    "generic/posts.json",
    "generic/inbox_export.csv",
];

fn rounds() -> usize {
    std::env::var("FUZZ_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60)
}

/// Reads `bytes` in random chunks; checks the report is whole and writable in both languages.
fn check(name: &str, bytes: &[u8], rng: &mut Rng) {
    if std::env::var("FUZZ_DUMP").is_ok() {
        std::fs::write("/tmp/fuzz-last.bin", bytes).ok();
        eprintln!("{name}");
    }
    let mut importer = Importer::new(
        name,
        ImportOptions {
            today: Date::new(2026, 1, 15),
        },
    );
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = 1 + rng.below(rest.len().min(4096));
        let (a, b) = rest.split_at(n);
        importer.push(a);
        rest = b;
    }
    let imported = importer.finish();
    let r = &imported.report;
    assert_eq!(r.name, name);
    assert_eq!(r.bytes, bytes.len() as u64);
    assert_eq!(imported.records.len(), r.tables.len());
    if r.tables.is_empty() {
        assert!(!r.errors.is_empty(), "{name}: no table and no error");
        assert_eq!(r.status, Status::Unreadable);
    }
    // Natively a reader's panic is caught and reported (the release profile unwinds too);
    // in WebAssembly it would trap (the page's worker is then replaced). Only calamine's BIFF
    // (.xls) record parser still panics on some damaged records our checks before it do not
    // catch: those are counted. XLSX, ODS (our own reader) and the rest must never get there.
    for p in &r.errors {
        if p.code == "reader_stopped" {
            assert!(name.ends_with(".xls"), "{name}: a reader panicked: {p:?}");
            CAUGHT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
    for lang in [Lang::En, Lang::Fr] {
        let l = r.localized(lang);
        for p in l.errors.iter().chain(&l.warnings) {
            assert!(p.message.starts_with(name), "{}", p.message);
        }
        serde_json::to_string(&l).expect("a report serialises");
    }
    for records in &imported.records {
        serde_json::to_string(records).expect("records serialise");
        for p in records.posts.iter() {
            if let Some(v) = p.metrics().impressions {
                assert!(v.is_finite());
            }
        }
    }
}

#[test]
fn random_bytes_through_every_reader() {
    let mut rng = Rng(0x5eed_0001);
    let heads: &[(&str, &[u8])] = &[
        ("random.csv", b""),
        ("random.xlsx", b"PK\x03\x04"),
        ("random.zip", b"PK\x03\x04"),
        ("random.ods", b"PK\x03\x04"),
        (
            "random.xls",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        ),
        ("random.json", b"["),
        ("random.txt", b"\xff\xfe"),
        ("random.tsv", b"\xef\xbb\xbf"),
    ];
    for round in 0..rounds() * 4 {
        let (name, head) = heads[round % heads.len()];
        let len = rng.below(3000);
        let mut bytes = head.to_vec();
        for _ in 0..len {
            // Half of the bytes from the ones that steer parsers.
            let b = if rng.below(2) == 0 {
                b",;\t|\"\r\n#0123456789.-%E"[rng.below(21)]
            } else {
                rng.below(256) as u8
            };
            bytes.push(b);
        }
        check(name, &bytes, &mut rng);
    }
}

#[test]
fn real_fixtures_cut_flipped_and_stuffed() {
    let mut rng = Rng(0x5eed_0002);
    for path in FIXTURES {
        let data = std::fs::read(format!("{DIR}{path}")).unwrap_or_else(|e| panic!("{path}: {e}"));
        let name = path.rsplit('/').next().unwrap_or(path);
        // Cut short anywhere.
        for _ in 0..rounds() / 3 {
            let cut = rng.below(data.len() + 1);
            check(name, &data[..cut], &mut rng);
        }
        // A few bytes flipped.
        for _ in 0..rounds() {
            let mut bytes = data.clone();
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            check(name, &bytes, &mut rng);
        }
        // Quotes, line ends and delimiters inserted.
        for _ in 0..rounds() / 3 {
            let mut bytes = data.clone();
            for _ in 0..1 + rng.below(5) {
                let i = rng.below(bytes.len() + 1);
                bytes.insert(i, b"\"\n\r,;\t\xff\x00"[rng.below(8)]);
            }
            check(name, &bytes, &mut rng);
        }
    }
    eprintln!(
        "damaged .xls files on which calamine panicked (caught, reported): {}",
        CAUGHT.load(std::sync::atomic::Ordering::Relaxed)
    );
}

#[test]
fn a_workspace_survives_anything() {
    let mut rng = Rng(0x5eed_0003);
    let mut ws = Workspace::new(ImportOptions::default());
    let mut ids = Vec::new();
    for path in FIXTURES {
        let mut data = std::fs::read(format!("{DIR}{path}")).unwrap_or_default();
        let cut = rng.below(data.len() + 1);
        data.truncate(cut.max(data.len() / 2));
        ids.push(ws.add(path, &data));
    }
    for id in ids.iter().step_by(2) {
        assert!(ws.remove(*id));
    }
    let totals = ws.totals(Lang::Fr);
    serde_json::to_string(&totals).expect("totals serialise");
    for (_, r) in ws.reports() {
        serde_json::to_string(&r.localized(Lang::En)).expect("reports serialise");
    }
}
