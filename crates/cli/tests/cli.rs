//! The `social-roi` command line, run as a user would.

mod common;

use common::{run, stderr, stdout};
use std::process::{Command, Output};

fn figure<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["summary"]
        .as_array()
        .unwrap()
        .iter()
        .chain(report["unit_costs"].as_array().unwrap())
        .chain(report["costs"].as_array().unwrap())
        .chain(report["returns"].as_array().unwrap())
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

#[test]
fn roi_json_of_the_example() {
    let o = run(&["roi", "--json", "tests/fixtures/roi/example-en.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["currency"], "EUR");
    assert_eq!(figure(&report, "total_cost")["value"], 3099);
    assert_eq!(figure(&report, "total_return")["value"], 4680);
    let roi = figure(&report, "roi");
    assert!((roi["value"].as_f64().unwrap() - 1581.0 / 3099.0).abs() < 1e-12);
    assert_eq!(
        roi["formula"],
        "ROI = (total return − total cost) ÷ total cost"
    );
    assert_eq!(roi["reason"], serde_json::Value::Null);
    assert_eq!(report["errors"], serde_json::json!([]));
    assert!(report["comparison"]["scenarios"].as_array().unwrap().len() == 2);
    assert!(!report["sensitivity"]["rows"].as_array().unwrap().is_empty());
}

#[test]
fn typed_french_text_reads_with_its_decimal_mark() {
    let o = run(&[
        "roi",
        "--json",
        "--lang",
        "fr",
        "tests/fixtures/roi/typed-fr.json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // 2800 × 1.45 × 0.40 × 3 = 4872; 29.90 × 3 = 89.70.
    assert_eq!(figure(&report, "costs[0]")["value"], 4872);
    assert_eq!(figure(&report, "costs[1]")["value"], 89.7);
    // 12000 × 1.2 % × 54.50 × 35 % = 2746.8.
    assert_eq!(figure(&report, "sales[0]")["value"], 2746.8);
    assert_eq!(
        figure(&report, "roi")["formula"],
        "ROI = (retour total − coût total) ÷ coût total"
    );
}

#[test]
fn input_errors_print_the_report_and_exit_1() {
    let o = run(&["roi", "--json", "tests/fixtures/roi/errors.json"]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors[0]["field"], "costs[0].hours");
    assert_eq!(errors[0]["message"], "expected a number, found \"douze\"");
    assert_eq!(errors[1]["field"], "sales[0].conversion_rate_pct");
    assert_eq!(figure(&report, "roi")["value"], serde_json::Value::Null);
}

#[test]
fn broken_json_names_the_file_line_and_column() {
    let o = run(&["roi", "--json", "tests/fixtures/roi/broken.json"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.starts_with("social-roi: tests/fixtures/roi/broken.json, line 3, column 35: "),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn missing_file_and_bad_usage_exit_2() {
    let o = run(&["roi", "--json", "no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.json: cannot read"));
    let o = run(&["roi"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unrecognized subcommand 'frobnicate'"));
    let o = run(&["roi", "--lang", "de", "x.json"]);
    assert!(stderr(&o).contains("expected en or fr"));
}

#[test]
fn readable_summary_without_json() {
    let o = run(&["roi", "--lang", "fr", "tests/fixtures/roi/example-en.json"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Coût total"), "{text}");
    assert!(text.contains("3099.00 EUR"), "{text}");
    assert!(text.contains("51.02 %"), "{text}");
}

#[test]
fn example_round_trips_through_roi() {
    let o = run(&["example", "--lang", "fr", "--currency", "CHF"]);
    assert!(o.status.success());
    let input: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(input["currency"], "CHF");
    let path = std::env::temp_dir().join(format!("social-roi-example-{}.json", std::process::id()));
    std::fs::write(&path, stdout(&o)).unwrap();
    let o = run(&["roi", "--json", path.to_str().unwrap()]);
    std::fs::remove_file(&path).ok();
    assert!(o.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["currency"], "CHF");
}

#[test]
fn help_and_version() {
    let o = run(&["--help"]);
    assert!(o.status.success());
    let help = stdout(&o);
    for command in ["roi", "example", "draw", "contest", "analyze"] {
        assert!(help.contains(&format!("\n  {command} ")), "{help}");
        let o = run(&[command, "--help"]);
        assert!(o.status.success(), "{command} --help");
        let text = stdout(&o);
        assert!(
            text.contains(&format!("Usage: social-roi {command} ")) && text.contains("--lang"),
            "{text}"
        );
    }
    let o = run(&["--version"]);
    assert!(stdout(&o).starts_with("social-roi "));
}

// ---------------------------------------------------------------------------------------------
// analyze
// ---------------------------------------------------------------------------------------------

fn analyze(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_social-roi"))
        .arg("analyze")
        .args(args)
        .env("SOCIAL_ROI_TODAY", "2026-01-15")
        .current_dir(std::path::Path::new(common::ROOT).join("tests/fixtures/import"))
        .output()
        .expect("the binary runs")
}

#[test]
fn analyze_json_reports_each_file_and_the_totals() {
    let o = analyze(&[
        "--json",
        "x/account_analytics_content_2026-06-01_2026-08-29.csv",
        "tiktok/Overview_2026-04-30_1777507200_boulangerie.zip",
        "linkedin/acme_followers_1714435200000.xlsx",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert_eq!(files[0]["tables"][0]["format"]["id"], "x-content");
    assert_eq!(files[0]["tables"][0]["rows"], 3);
    assert_eq!(files[1]["kind"], "zip");
    assert_eq!(files[1]["tables"][0]["format"]["id"], "tiktok-overview");
    assert_eq!(files[1]["status"], "warnings");
    assert_eq!(files[2]["tables"][0]["format"]["id"], "linkedin-followers");
    assert_eq!(v["totals"]["records"]["posts"], 3);
    assert_eq!(v["totals"]["records"]["daily"], 6);
    let x = v["totals"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "posts" && g["network"] == "x")
        .unwrap();
    let impressions = x["sums"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["field"] == "post.impressions")
        .unwrap();
    assert_eq!(impressions["sum"], 18300);
    assert_eq!(impressions["known"], 3);
    assert_eq!(x["first"], "2026-08-01");
    assert_eq!(x["last"], "2026-08-30");
}

#[test]
fn analyze_exit_status_and_french_messages() {
    // A file with bad rows: reported, the rest imported, exit 1.
    let o = analyze(&["--json", "--lang", "fr", "broken/Table data.csv"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let e = &v["files"][0]["tables"][0]["errors"][0];
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(4), Some(4))
    );
    assert_eq!(e["expected"], "un nombre");
    assert_eq!(e["found"], "1.2k");
    assert!(e["message"]
        .as_str()
        .unwrap()
        .starts_with("broken/Table data.csv, ligne 4, colonne 4"));
    // Nothing readable: exit 2.
    let o = analyze(&["broken/empty.csv", "broken/garbage.bin"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("the file is empty"));
    // A folder reads every file in it.
    let o = analyze(&["--json", "youtube"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // The Studio zip, then the Atelier download folder (Table data, Totals), then the
    // channel's subscribers: folders are read too, in name order.
    assert_eq!(v["files"].as_array().unwrap().len(), 4);
    assert_eq!(v["files"][0]["tables"].as_array().unwrap().len(), 3);
    assert_eq!(v["totals"]["records"]["posts"], 3 + 2);
    // Usage errors.
    let o = analyze(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("required arguments were not provided"));
    assert!(stderr(&o).contains("<FILE>..."));
    let o = analyze(&["no/such/file.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no/such/file.csv: cannot read"));
}

#[test]
fn analyze_reads_the_readable_summary() {
    let o = analyze(&[
        "generic/inbox_export.csv",
        "comments/exportcomments_instagram.csv",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("unrecognised: map its columns"), "{out}");
    assert!(
        out.contains("Comments (contest entries) (comments)"),
        "{out}"
    );
    assert!(out.contains("4 rows read, 3 imported"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// analyze: the analysis
// ---------------------------------------------------------------------------------------------

const INBOX_MAP: [&str; 6] = [
    "--map",
    "Reçu le=message.received",
    "--map",
    "Répondu le=message.replied",
    "--map",
    "Canal=message.channel",
];

fn fig<'a>(list: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id} in {list}"))
}

fn close(v: &serde_json::Value, expected: f64) -> bool {
    v.as_f64()
        .is_some_and(|x| (x - expected).abs() <= 1e-9 * expected.abs().max(1.0))
}

#[test]
fn analyze_json_holds_the_analysis_beside_files_and_totals() {
    let mut args = vec!["--json", "../analysis"];
    args.extend(INBOX_MAP);
    let o = analyze(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 6);
    assert_eq!(v["totals"]["records"]["messages"], 5);
    let a = &v["analysis"];
    assert_eq!(a["definition"]["preset"], "custom");
    // (900 + 67) ÷ (11 000 + 4 000): reach, and impressions on X (see tests/analysis_files.rs
    // for every hand computation).
    assert!(close(&a["engagement"]["rate"]["value"], 967.0 / 15000.0));
    assert_eq!(
        a["engagement"]["rate"]["formula"],
        "engagement rate = Σ engagements ÷ Σ denominator of each post’s network"
    );
    assert_eq!(fig(&a["totals"], "total_engagements")["value"], 967);
    assert!(close(
        &fig(&a["engagement"]["audience"], "conversation_rate")["value"],
        92.0 / 9.0
    ));
    assert_eq!(
        fig(
            &a["growth"]["networks"][0]["figures"],
            "net_follower_growth"
        )["value"],
        41
    );
    assert!(close(
        &fig(&a["activity"]["responses"]["figures"], "response_rate")["value"],
        0.8
    ));
    assert_eq!(
        fig(&a["costs"]["ads"][0]["figures"], "ads_spend")["value"],
        250
    );
    assert_eq!(
        a["series"]["daily"]["series"][0]["points"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(a["heatmap"]["cells"].as_array().unwrap().len(), 8);
}

#[test]
fn analyze_preset_and_options_file() {
    // --preset: X's engagements ÷ impressions.
    let o = analyze(&[
        "--json",
        "--preset",
        "x",
        "../analysis/tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["analysis"]["definition"]["preset"], "x");
    assert!(close(&v["analysis"]["engagement"]["rate"]["value"], 0.025));
    for p in v["analysis"]["engagement"]["posts"].as_array().unwrap() {
        assert_eq!(p["rate"], p["platform_rate"]);
    }
    // --options, in French: Hootsuite over June 1–7 (T3 and I4 fall on June 8), a typed cost
    // written with a decimal comma, business hours.
    let mut args = vec![
        "--json",
        "--lang",
        "fr",
        "--options",
        "../analysis-options/week-fr.json",
        "../analysis",
    ];
    args.extend(INBOX_MAP);
    let o = analyze(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let a = &v["analysis"];
    assert_eq!(a["definition"]["preset"], "hootsuite");
    assert_eq!(a["range"]["posts"], 7);
    // (0.12 + 0.10 + 0.10 + 0.05 + 200/3000) ÷ 5
    assert!(close(
        &a["engagement"]["rate"]["value"],
        (0.37 + 200.0 / 3000.0) / 5.0
    ));
    assert_eq!(
        a["engagement"]["rate"]["label"],
        "Taux d’engagement (par portée, moyenne des ratios par publication)"
    );
    let overall = &a["costs"]["overall"]["figures"];
    assert!(close(&fig(overall, "spend")["value"], 400.5));
    assert!(fig(
        &a["activity"]["responses"]["figures"],
        "median_first_response_business_hours"
    )["value"]
        .is_number());
    // --preset wins over the file's preset.
    let o = analyze(&[
        "--json",
        "--options",
        "../analysis-options/week-fr.json",
        "--preset",
        "later",
        "../analysis",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["analysis"]["definition"]["preset"], "later");
}

#[test]
fn analyze_option_errors_and_usage() {
    // An option that cannot be used: reported, the rest computed, exit 1.
    let o = analyze(&[
        "--json",
        "--options",
        "../analysis-options/bad-period.json",
        "../analysis/facebook_page_2026-06.csv",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["analysis"]["errors"][0]["field"], "period.from");
    assert_eq!(v["analysis"]["range"]["daily_rows"], 7);
    // Unusable: exit 2, with the place in the file.
    let o = analyze(&["--preset", "twitter", "../analysis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(
        "'--preset <NAME>': expected hootsuite, later, rival_iq, metricool, x or custom, found \"twitter\""
    ));
    let o = analyze(&["--options", "../roi/example-en.json", "../analysis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("../roi/example-en.json, line 2, column"),
        "{}",
        stderr(&o)
    );
    let o = analyze(&["--map", "Canal", "../analysis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'--map <COLUMN=FIELD>': expected COLUMN=FIELD"));
    let o = analyze(&["--map", "Sujet=message.channel", "../analysis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no unrecognised table has the columns Sujet"));
    let o = analyze(&["--map", "Canal=message.canal", "../analysis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("message.canal"), "{}", stderr(&o));
}

#[test]
fn analyze_readable_shows_the_figures_with_their_formulas() {
    let mut args = vec!["--lang", "fr", "../analysis"];
    args.extend(INBOX_MAP);
    let o = analyze(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for expected in [
        "Analyse, du 2026-06-01 au 2026-06-08 (8 jours)\u{a0}: 9 publications",
        "Taux d’engagement (par portée\u{a0}; impressions sur X, ratio des totaux)",
        "6.45 %   taux d’engagement = Σ engagements ÷ Σ dénominateur du réseau de chaque publication",
        "engagements = 967 · dénominateurs = 15000 · publications = 9",
        "8.18 %   taux d’engagement par portée = Σ engagements ÷ Σ portée",
        "Taux de conversation",
        "Croissance nette des abonnés",
        "Taux de réponse",
        "80.00 %",
        "Coût par nouvel abonné",
        "@atelier merci pour la photo !",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
}

// ---------------------------------------------------------------------------------------------
// analyze: reputation
// ---------------------------------------------------------------------------------------------

/// The files of `tests/fixtures/reputation/` (see tests/reputation.rs for the hand counts).
fn reputation_args(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = extra.to_vec();
    args.extend([
        "../reputation",
        "--map",
        "Reçu le=message.received",
        "--map",
        "Répondu le=message.replied",
        "--map",
        "Canal=message.channel",
        "--map",
        "Message=message.text",
    ]);
    args
}

#[test]
fn analyze_says_what_the_comments_say_and_flags_the_crisis() {
    let o = analyze(&reputation_args(&["--lang", "fr"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "Ce que disent les commentaires (estimations)",
        "Français · négatif\u{a0}: précision",
        "Commentaires négatifs (estimation)",
        "livraison (3/4), retard (2/2)",
        "Retours négatifs (tels que les plateformes les donnent)",
        "Masquer la publication",
        "Retours négatifs · Facebook\u{a0}: 2 jours signalés",
        "Désabonnements · Facebook\u{a0}: 1 jour signalé",
        "Épisode du 2026-03-16 au 2026-03-17 (pic le 2026-03-17, 2 jours)",
        "↳ Facebook 2026-03-15  Nouveaux horaires",
        "Réponses pendant l’épisode\u{a0}: 2 / 2",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
}

#[test]
fn analyze_json_holds_the_reputation_and_takes_k() {
    let o = analyze(&reputation_args(&["--json"]));
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let r = &v["analysis"]["reputation"];
    assert!(close(
        &fig(&r["tone"]["figures"], "negative_comment_share")["value"],
        0.5
    ));
    assert!(close(
        &fig(&r["feedback"]["figures"], "negative_feedback_rate")["value"],
        30.0 / 3500.0
    ));
    assert_eq!(r["crisis"]["episodes"].as_array().unwrap().len(), 2);
    assert_eq!(r["crisis"]["episodes"][1]["peak"], "2026-03-17");
    let rise = |c: &serde_json::Value| {
        let d = &c["series"][0]["days"][50];
        assert_eq!(c["series"][0]["id"], "unfollows.facebook");
        d["threshold"].as_f64().unwrap() - d["median"].as_f64().unwrap()
    };
    let default_rise = rise(&r["crisis"]);
    let dir = std::env::temp_dir().join(format!("sr-rep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let options = dir.join("options.json");
    std::fs::write(&options, r#"{"crisis_k": 10}"#).unwrap();
    let path = options.to_str().unwrap().to_string();
    let mut args = reputation_args(&["--json"]);
    args.extend(["--options", Box::leak(path.into_boxed_str())]);
    let o = analyze(&args);
    std::fs::remove_dir_all(&dir).unwrap();
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let c = &v["analysis"]["reputation"]["crisis"];
    assert_eq!(c["k"], 10.0);
    // The rise a day needs over its median is k × 1.4826 × MAD: 10/3 of the default's.
    assert!(
        close(&serde_json::json!(rise(c)), default_rise * 10.0 / 3.0),
        "{} {default_rise}",
        rise(c)
    );
}
