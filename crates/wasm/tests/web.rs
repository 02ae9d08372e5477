//! The wasm boundary, run by wasm-bindgen-test in node: shapes, null-not-undefined, thrown
//! errors. `cargo test --target wasm32-unknown-unknown --test web` with
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use social_roi_wasm as wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn figure(report: &JsValue, id: &str) -> JsValue {
    let summary: Array = get(report, "summary").into();
    summary
        .iter()
        .find(|f| get(f, "id").as_string().as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no figure {id}"))
}

#[wasm_bindgen_test]
fn computes_the_worked_example() {
    let input = wasm::example_roi_input("fr", "EUR").unwrap();
    let report = wasm::compute_roi(input, "fr-FR").unwrap();
    let roi = figure(&report, "roi");
    let v = get(&roi, "value").as_f64().unwrap();
    assert!((v - 1581.0 / 3099.0).abs() < 1e-12);
    assert_eq!(
        get(&roi, "formula").as_string().unwrap(),
        "ROI = (retour total − coût total) ÷ coût total"
    );
    // Plain JSON-compatible data: null, never undefined.
    assert!(get(&roi, "reason").is_null());
    assert_eq!(get(&report, "currency").as_string().unwrap(), "EUR");
}

#[wasm_bindgen_test]
fn reads_typed_text_and_reports_field_errors() {
    let input = JSON::parse(
        r#"{"decimal_mark": "comma", "costs": [{"kind": "time", "hours": "12,5", "hourly_rate": "abc"}]}"#,
    )
    .unwrap();
    let report = wasm::compute_roi(input, "en").unwrap();
    let errors: Array = get(&report, "errors").into();
    assert_eq!(errors.length(), 1);
    assert_eq!(
        get(&errors.get(0), "field").as_string().unwrap(),
        "costs[0].hourly_rate"
    );
    assert!(get(&figure(&report, "roi"), "value").is_null());
    assert!(get(&report, "comparison").is_null());
}

#[wasm_bindgen_test]
fn a_bad_shape_throws_kind_and_message() {
    let input = JSON::parse(r#"{"costs": 5}"#).unwrap();
    let err = wasm::compute_roi(input, "en").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("cannot be read"));
}

#[wasm_bindgen_test]
fn an_unknown_key_is_refused_as_the_command_line_refuses_it() {
    let input = JSON::parse(r#"{"costs": [{"kind": "time", "hour": 3}]}"#).unwrap();
    let err = wasm::compute_roi(input, "en").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("unknown field `hour`"));
}

#[wasm_bindgen_test]
fn canonical_input_switches_the_decimal_mark() {
    let input = JSON::parse(r#"{"costs": [{"kind": "ads", "amount": "1 500,5"}]}"#).unwrap();
    let out = wasm::canonical_roi_input(input, "fr", "en").unwrap();
    let costs: Array = get(&out, "costs").into();
    assert_eq!(get(&costs.get(0), "amount").as_f64(), Some(1500.5));
    assert_eq!(get(&out, "decimal_mark").as_string().unwrap(), "point");
}

#[wasm_bindgen_test]
fn lists_for_the_form() {
    let kinds: Array = wasm::cost_kinds("fr").unwrap().into();
    assert_eq!(kinds.length(), 8);
    assert_eq!(get(&kinds.get(0), "key").as_string().unwrap(), "time");
    let currencies: Array = wasm::currencies().unwrap().into();
    assert_eq!(get(&currencies.get(0), "code").as_string().unwrap(), "EUR");
    assert!(!wasm::version().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Files: the Workspace class
// ---------------------------------------------------------------------------------------------

#[wasm_bindgen_test]
fn a_workspace_reads_chunks_and_reports() {
    let mut ws = wasm::Workspace::new(Some("2026-01-15".into()));
    let id = ws.begin_file("Overview.csv");
    let text = "\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n\"April 12\",\"1 200\",\"\",\"9\",\"-1\",\"3\"\n";
    let (a, b) = text.as_bytes().split_at(37);
    ws.push_chunk(id, a).unwrap();
    ws.push_chunk(id, b).unwrap();
    let report = ws.finish_file(id, "fr").unwrap();
    assert_eq!(get(&report, "id").as_f64(), Some(f64::from(id)));
    assert_eq!(get(&report, "status").as_string().unwrap(), "warnings");
    let tables: Array = get(&report, "tables").into();
    let table = tables.get(0);
    let format = get(&table, "format");
    assert_eq!(get(&format, "id").as_string().unwrap(), "tiktok-overview");
    assert_eq!(
        get(&format, "label").as_string().unwrap(),
        "Vue d’ensemble TikTok Studio (par jour)"
    );
    assert!(get(&table, "mapping").is_null(), "null, never undefined");
    let warnings: Array = get(&table, "warnings").into();
    assert!(warnings
        .iter()
        .any(|w| get(&w, "code").as_string().as_deref() == Some("year_assumed")));
    assert!(get(&warnings.get(0), "column").as_f64().is_some());
    assert_eq!(ws.dataset().records.daily[0].date.to_string(), "2025-04-12");
    assert_eq!(ws.dataset().records.daily[0].profile_views, None);

    let totals = ws.totals("en").unwrap();
    assert_eq!(get(&get(&totals, "records"), "daily").as_f64(), Some(1.0));
    let reports: Array = ws.reports("en").unwrap().into();
    assert_eq!(reports.length(), 1);
    assert!(ws.remove_file(id));
    assert!(ws.dataset().records.daily.is_empty());
    // A finished or unknown file cannot take more bytes: thrown as {kind, message}.
    let err = ws.push_chunk(id, b"x").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
}

#[wasm_bindgen_test]
fn a_workspace_maps_an_unknown_table() {
    let mut ws = wasm::Workspace::new(None);
    let id = ws.begin_file("inbox.csv");
    ws.push_chunk(id, "Reçu le;Canal\n01/02/2026 09:00;Instagram\n".as_bytes())
        .unwrap();
    let report = ws.finish_file(id, "en").unwrap();
    assert_eq!(get(&report, "status").as_string().unwrap(), "needs_mapping");
    let mapping = JSON::parse(r#"{"0": "message.received", "1": "message.channel"}"#).unwrap();
    let report = ws.apply_mapping(id, 0, mapping, "en").unwrap();
    assert_eq!(get(&report, "status").as_string().unwrap(), "ok");
    assert_eq!(ws.dataset().records.messages.len(), 1);
    let bad = JSON::parse(r#"{"0": "post.id", "1": "message.channel"}"#).unwrap();
    let err = ws.apply_mapping(id, 0, bad, "fr").unwrap_err();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .contains("un seul type"));
    let fields: Array = wasm::canonical_fields("fr").unwrap().into();
    assert!(fields
        .iter()
        .any(|f| get(&f, "key").as_string().as_deref() == Some("message.replied")));
}

#[wasm_bindgen_test]
fn a_stray_quote_is_read_again_as_a_character() {
    let mut ws = wasm::Workspace::new(Some("2026-07-01".into()));
    let mut csv = String::from("Date,Views,Subscribers\n");
    for i in 1..=20 {
        let views = if i == 5 {
            "\"12".to_string()
        } else {
            i.to_string()
        };
        csv.push_str(&format!("2026-06-{i:02},{views},1\n"));
    }
    let id = ws.begin_file("Totals.csv");
    ws.push_chunk(id, csv.as_bytes()).unwrap();
    ws.finish_file(id, "en").unwrap();
    let report = ws.take_quote_literally(id, 6, 2, "en").unwrap();
    assert_eq!(get(&report, "status").as_string().unwrap(), "read_again");
    ws.reread_file(id).unwrap();
    ws.push_chunk(id, csv.as_bytes()).unwrap();
    ws.finish_file(id, "en").unwrap();
    assert_eq!(ws.dataset().records.daily.len(), 19);
    let report = ws
        .add_unreadable("bomb.xls", 9728.0, "memory", 1e9, "fr")
        .unwrap();
    assert_eq!(get(&report, "status").as_string().unwrap(), "unreadable");
}
