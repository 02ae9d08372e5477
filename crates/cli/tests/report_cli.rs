//! `social-roi report`: the Report tab's document from the command line, on the bakery's
//! Instagram exports of `tests/fixtures/report/` (values worked out by hand in
//! tests/report.rs): June against May as JSON and as a self-contained HTML file, a saved
//! report file given as `--options` for July, and the errors a user sees.

mod common;

use common::{run, stderr, stdout, ROOT};

const MAY: &str = "tests/fixtures/report/May-01-2026_May-31-2026_17841400000000000.csv";
const JUNE: &str = "tests/fixtures/report/Jun-01-2026_Jun-30-2026_17841400000000000.csv";
const JULY: &str = "tests/fixtures/report/Jul-01-2026_Jul-31-2026_17841400000000000.csv";

fn tmp(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("social-roi-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name).to_string_lossy().into_owned()
}

fn rows(report: &serde_json::Value, section: &str) -> Vec<serde_json::Value> {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == section)
        .unwrap()["rows"]
        .as_array()
        .unwrap()
        .clone()
}

fn row<'a>(rows: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    rows.iter().find(|r| r["current"]["id"] == id).unwrap()
}

#[test]
fn june_against_may_as_json_html_and_a_report_file_then_july() {
    let (html, saved) = (tmp("june.html"), tmp("june.json"));
    let o = run(&[
        "report", "--lang", "fr", "--json", "--html", &html, "--save", &saved, MAY, JUNE,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let e = rows(&r, "engagement");
    assert_eq!(row(&e, "posts")["change"]["value"], 1.0);
    assert_eq!(row(&e, "total_engagements")["change"]["value"], 200.0);
    assert_eq!(row(&e, "engagement_rate")["direction"], "flat");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!doctype html>") && page.contains("@page{size:A4"));
    assert!(page.contains("<tr data-id=\"total_engagements\" data-direction=\"up\">"));
    assert!(page.contains("data-value=\"500\">500</td>") && page.contains("+66,67\u{202f}%"));
    assert!(page.contains("Publications : en hausse, de 3 à 4 (+33,33\u{202f}%)."));
    // The dates as the page words them in French; the days themselves in the attributes.
    assert!(
        page.contains(
            "data-from=\"2026-06-01\" data-to=\"2026-06-30\">1 juin 2026 – 30 juin 2026</p>"
        ),
        "{page}"
    );
    assert!(page.contains(": 1 mai 2026 – 31 mai 2026</p>"), "{page}");
    assert!(
        !page.contains("http://") && !page.contains("https://") && !page.contains("<script"),
        "self-contained"
    );
    // Next month: the saved file as the options, July's export.
    let o = run(&["report", "--json", "--options", &saved, JULY]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(r["comparison"], "saved");
    assert_eq!(r["previous"]["from"], "2026-06-01");
    assert_eq!(
        row(&rows(&r, "engagement"), "total_engagements")["change"]["value"],
        -210.0
    );
    let _ = std::fs::remove_dir_all(std::path::Path::new(&html).parent().unwrap());
}

#[test]
fn bad_options_say_where_and_what() {
    let options = tmp("bad.json");
    std::fs::write(
        &options,
        "{\n  \"period\": {\"from\": \"2026-06-01\"},\n  \"sectons\": []\n}",
    )
    .unwrap();
    let o = run(&["report", "--options", &options, JUNE]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.json, line 3, column")
            && stderr(&o).contains("unknown field `sectons`"),
        "{}",
        stderr(&o)
    );
    std::fs::write(&options, "{\"period\": {\"from\": \"juin\"}}").unwrap();
    let o = run(&["report", "--options", &options, JUNE]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("period.from: expected a date as YYYY-MM-DD, found \"juin\""),
        "{}",
        stdout(&o)
    );
    let _ = ROOT;
}

#[test]
fn the_contest_section_from_its_inputs_certificate_and_comments() {
    let dir = std::env::temp_dir().join(format!("social-roi-contest-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = dir.join("contest.html").to_string_lossy().into_owned();
    let o = run(&[
        "report",
        "--lang",
        "fr",
        "--json",
        "--html",
        &html,
        "--contest",
        "tests/fixtures/contest/inputs.json",
        "--certificate",
        "tests/fixtures/draw/exportcomments-certificate.json",
        "--entries",
        "tests/fixtures/draw/exportcomments.csv",
        JUNE,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let s = r["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "contest")
        .unwrap();
    let figure = |id: &str| {
        s["contest"]["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["id"] == id)
            .unwrap()["value"]
            .clone()
    };
    // 120 € of prizes + 3.5 h × 40 €; 15 entries in the comment file (tests/report.rs).
    assert_eq!(figure("total_cost"), 260.0);
    assert_eq!(figure("cost_per_entry"), 260.0 / 15.0);
    let d = &s["contest"]["draw"];
    assert_eq!(d["winners"][0]["entrant"], "lea_b");
    assert_eq!(d["alternates"][1]["entrant"], "inès");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<tr data-id=\"total_cost\">"), "{page}");
    assert!(page.contains("data-picks=\"winners\"") && page.contains("data-entrant=\"karim.b\""));
    let fingerprint = d["fingerprint"].as_str().unwrap();
    assert!(page.contains(&format!("data-fingerprint=\"{fingerprint}\"")));
    assert!(
        page.contains("16 juin 2026 à 21:30:00 (UTC+02:00)"),
        "the draw's time worded: {page}"
    );
    // Without the comments, entries and participants are the typed ones (none here).
    let o = run(&[
        "report",
        "--json",
        "--contest",
        "tests/fixtures/contest/inputs.json",
        JUNE,
    ]);
    let r: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let text = r.to_string();
    assert!(text.contains("\"draw\":null"), "no certificate, no draw");
    let _ = std::fs::remove_dir_all(&dir);
}
