//! The exports of an analysis, through the public API: the per-post CSV (`posts_csv`) of the
//! bakery's exports in `tests/fixtures/analysis/`, byte for byte `tests/fixtures/export/
//! posts-*.csv` (what the page wrote before the core did, long ids now kept text), its
//! quoting, its guard against formulas, its decimal comma, its ids that stay text in a
//! spreadsheet, its file and line columns; and the JSON export document (`export_document`).

use social_roi::{
    analyze, export_document, network_names, posts_csv, AnalysisOptions, AnalysisReport, Date,
    ImportOptions, Lang, Mark, Workspace,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

const FILES: [&str; 6] = [
    "Jun-01-2026_Jun-08-2026_17841400000000000.csv",
    "Jun-01-2026_Jun-08-2026_104512345678901.csv",
    "tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
    "facebook_page_2026-06.csv",
    "ads_campaigns_2026-06.csv",
    "inbox_2026-06.csv",
];

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The fixtures as a user drops them on the page, the inbox mapped as the Files tab does.
fn workspace() -> Workspace {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 6, 30),
    });
    for name in FILES {
        let id = ws.add(name, &read(&format!("analysis/{name}")));
        if name.starts_with("inbox") {
            let mapping: Vec<(String, String)> = [
                ("Reçu le", "message.received"),
                ("Répondu le", "message.replied"),
                ("Canal", "message.channel"),
            ]
            .iter()
            .map(|(c, f)| (c.to_string(), f.to_string()))
            .collect();
            ws.apply_mapping(id, 0, &mapping).unwrap();
        }
    }
    ws
}

/// The page's options on its first visit from UTC+01:00.
fn options(lang: Lang) -> AnalysisOptions {
    AnalysisOptions {
        utc_offset_minutes: Some(60),
        decimal_mark: Some(Mark::of(lang)),
        ..AnalysisOptions::default()
    }
}

fn report(ws: &Workspace, options: &AnalysisOptions, lang: Lang) -> AnalysisReport {
    analyze(ws.dataset(), options, lang)
}

/// The CSV's lines, without the byte-order mark, cut at `sep`.
fn rows(csv: &str, sep: char) -> Vec<Vec<String>> {
    let body = csv
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let body = body.strip_suffix("\r\n").expect("a final line break");
    body.split("\r\n")
        .map(|l| l.split(sep).map(str::to_string).collect())
        .collect()
}

#[test]
fn the_csv_is_what_the_page_wrote_in_both_languages() {
    let ws = workspace();
    for (lang, file) in [(Lang::Fr, "posts-fr.csv"), (Lang::En, "posts-en.csv")] {
        let csv = posts_csv(&report(&ws, &options(lang), lang), lang);
        let expected = String::from_utf8(read(&format!("export/{file}"))).unwrap();
        assert_eq!(csv, expected, "{file}");
    }
}

#[test]
fn french_cells_are_cut_by_semicolons_with_decimal_commas_and_guarded_text() {
    let ws = workspace();
    let csv = posts_csv(&report(&ws, &options(Lang::Fr), Lang::Fr), Lang::Fr);
    let rows = rows(&csv, ';');
    assert_eq!(rows.len(), 10, "a header and 9 posts");
    assert_eq!(rows.iter().map(Vec::len).collect::<Vec<_>>(), vec![24; 10]);
    assert_eq!(&rows[0][..3], ["id", "réseau", "compte"]);
    assert_eq!(rows[0][10], "taux (ratio)");
    assert_eq!(rows[0][22..], ["fichier", "ligne"]);
    // Long ids are written `="…"` (quoted: the cell holds quotes), kept text by a
    // spreadsheet; other ids as they are.
    let row = |id: &str| {
        let cell = format!("\"=\"\"{id}\"\"\"");
        rows.iter()
            .find(|r| r[0] == cell || r[0] == id)
            .unwrap()
            .clone()
    };
    // Text a spreadsheet would run as a formula gets a quote; numbers keep their sign.
    let p = row("18000000000000103");
    assert_eq!(p[5], "'=1+1 : nos viennoiseries");
    assert_eq!((p[7].as_str(), p[10].as_str()), ("50", "0,1"));
    assert_eq!(
        row("1800000000000000003")[5],
        "'+33 1 23 45 67 89 : réservez vos galettes"
    );
    assert_eq!(row("1800000000000000003")[10], "0,013333333333333334");
    assert_eq!(
        row("18000000000000101")[5],
        "'@atelier merci pour la photo !"
    );
    // Where each post came from: the file's name and its line.
    let fb = row("104512345678901_2000000000000202");
    assert_eq!(fb[1], "Facebook");
    assert_eq!(
        fb[22..],
        ["Jun-01-2026_Jun-08-2026_104512345678901.csv", "3"]
    );
    assert_eq!(row("1800000000000000002")[23], "3");
}

#[test]
fn english_headers_and_cells_holding_the_separator_are_quoted() {
    let ws = workspace();
    let mut o = options(Lang::En);
    o.engagement.per_thousand = true;
    let csv = posts_csv(&report(&ws, &o, Lang::En), Lang::En);
    let header = csv.lines().next().unwrap();
    // "rate (per 1,000)" holds the separator: quoted.
    assert!(
        header.contains(",denominator value,\"rate (per 1,000)\",platform rate (ratio),reach,"),
        "{header}"
    );
    // The text "Le four est chaud, premières baguettes à 7 h" holds a comma.
    assert!(csv.contains(",\"Le four est chaud, premières baguettes à 7 h\","));
    let fr = posts_csv(&report(&ws, &o, Lang::Fr), Lang::Fr);
    assert!(fr.contains(";taux (pour 1 000);"));
    // Per 1,000: 120 ÷ 1 000 reach is 120 per 1,000.
    assert!(fr.contains(";120;portée;1000;120;"), "{fr}");
}

#[test]
fn long_ids_stay_text_in_a_spreadsheet() {
    let ws = workspace();
    let en = posts_csv(&report(&ws, &options(Lang::En), Lang::En), Lang::En);
    // A 19-digit X id: all its digits, as text (a bare number would lose four of them).
    assert!(
        en.contains("\r\n\"=\"\"1800000000000000003\"\"\",X,"),
        "{en}"
    );
    // A Facebook id with its underscore is text already: written as it is.
    assert!(en.contains("\r\n104512345678901_2000000000000202,Facebook,"));
    let fr = posts_csv(&report(&ws, &options(Lang::Fr), Lang::Fr), Lang::Fr);
    assert!(fr.contains("\r\n\"=\"\"1800000000000000003\"\"\";X;"));
}

#[test]
fn without_posts_the_csv_is_its_header() {
    let ws = Workspace::new(ImportOptions::default());
    let csv = posts_csv(&report(&ws, &options(Lang::En), Lang::En), Lang::En);
    assert!(csv.starts_with("\u{feff}id,network,account,published,"));
    assert_eq!(csv.matches("\r\n").count(), 1);
}

#[test]
fn the_export_document_holds_files_totals_analysis_and_options() {
    let ws = workspace();
    let o = options(Lang::Fr);
    let doc = export_document(&ws, &o, Lang::Fr);
    assert_eq!(doc.files.len(), 6);
    assert_eq!(doc.files[0].id, 1);
    assert_eq!(doc.files[5].report.name, "inbox_2026-06.csv");
    assert_eq!(doc.analysis.engagement.posts.len(), 9);
    assert_eq!(doc.options, o);
    let text = serde_json::to_string_pretty(&doc).unwrap();
    // The keys in the order of `analyze --json`, the options last; each file's id first.
    let at = |key: &str| text.find(&format!("\n  \"{key}\": ")).unwrap();
    assert!(at("files") < at("totals") && at("totals") < at("analysis"));
    assert!(at("analysis") < at("options"));
    assert!(text.starts_with("{\n  \"files\": [\n    {\n      \"id\": 1,\n      \"name\": "));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 4);
    assert_eq!(
        v["files"][0]["tables"][0]["format"]["id"],
        "meta-instagram-posts"
    );
    assert_eq!(v["options"]["utc_offset_minutes"], 60);
    assert_eq!(v["options"]["decimal_mark"], "comma");
    let rate = v["analysis"]["engagement"]["rate"]["value"]
        .as_f64()
        .unwrap();
    assert!((rate - 967.0 / 15000.0).abs() < 1e-12);
}

#[test]
fn every_network_has_the_name_the_page_shows() {
    let names = network_names();
    let name = |key: &str| names.iter().find(|n| n.key == key).map(|n| n.name);
    assert_eq!(name("linkedin"), Some("LinkedIn"));
    assert_eq!(name("x"), Some("X"));
    assert_eq!(name("other"), Some("—"));
    assert_eq!(names.len(), 8);
}

/// Writes the expected CSVs again from the core (`REGENERATE_EXPORT=1 cargo test --test
/// export`), after a change of the CSV's format reviewed by hand.
#[test]
fn regenerate() {
    if std::env::var_os("REGENERATE_EXPORT").is_none() {
        return;
    }
    let ws = workspace();
    for (lang, file) in [(Lang::Fr, "posts-fr.csv"), (Lang::En, "posts-en.csv")] {
        let csv = posts_csv(&report(&ws, &options(lang), lang), lang);
        std::fs::write(format!("{DIR}export/{file}"), csv).unwrap();
    }
}
