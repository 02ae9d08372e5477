//! `social-roi analyze --csv`: the per-post CSV the page's Export button saves, printed by the
//! same core function; the bakery's exports of `tests/fixtures/analysis/` give the bytes of
//! `tests/fixtures/export/posts-*.csv` in both languages.

mod common;

use common::{stderr, stdout, ROOT};
use std::path::Path;
use std::process::{Command, Output};

const FILES: [&str; 6] = [
    "Jun-01-2026_Jun-08-2026_17841400000000000.csv",
    "Jun-01-2026_Jun-08-2026_104512345678901.csv",
    "tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
    "facebook_page_2026-06.csv",
    "ads_campaigns_2026-06.csv",
    "inbox_2026-06.csv",
];

/// `social-roi analyze ARGS FILES…` from the fixtures' folder, the inbox mapped.
fn analyze(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_social-roi"))
        .arg("analyze")
        .args(args)
        .args([
            "--map",
            "Reçu le=message.received",
            "--map",
            "Répondu le=message.replied",
            "--map",
            "Canal=message.channel",
        ])
        .args(FILES)
        .env("SOCIAL_ROI_TODAY", "2026-06-30")
        .current_dir(Path::new(ROOT).join("tests/fixtures/analysis"))
        .output()
        .expect("the binary runs")
}

fn expected(file: &str) -> Vec<u8> {
    std::fs::read(Path::new(ROOT).join("tests/fixtures/export").join(file)).unwrap()
}

#[test]
fn prints_the_pages_csv_byte_for_byte() {
    for (lang, file) in [("fr", "posts-fr.csv"), ("en", "posts-en.csv")] {
        let o = analyze(&["--csv", "--lang", lang]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(o.stdout, expected(file), "{}", stdout(&o));
    }
}

#[test]
fn the_csv_follows_the_options_and_the_preset() {
    let o = analyze(&["--csv", "--preset", "x"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let header = text.lines().next().unwrap();
    assert!(
        header.starts_with("\u{feff}id,network,account,"),
        "{header}"
    );
    // X's own definition: the engagements X counts, over impressions.
    let x = text
        .lines()
        .find(|l| l.starts_with("\"=\"\"1800000000000000001\"\"\","))
        .unwrap();
    // 60 engagements ÷ 2 000 impressions = 0.03, the rate X itself gives.
    assert!(
        x.contains(",X,boulangerie,2026-06-02T08:30:00+00:00,"),
        "{x}"
    );
    assert!(x.contains(",60,impressions,2000,0.03,0.03,"), "{x}");
    assert!(
        x.ends_with(",tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv,2"),
        "{x}"
    );
}

#[test]
fn csv_and_json_are_one_or_the_other() {
    let o = analyze(&["--csv", "--json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--json"), "{}", stderr(&o));
}
