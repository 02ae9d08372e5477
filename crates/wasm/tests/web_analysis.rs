//! The Analysis tab's wasm calls, run by wasm-bindgen-test in node: `Workspace.analyze` on
//! files pushed through the same Workspace the Files tab uses, `analysisDefaults` and
//! `shareCount`; shapes, `null` never `undefined`, errors thrown as `{kind, message}`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use social_roi_wasm as wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const INSTAGRAM: &[u8] = include_bytes!(
    "../../../tests/fixtures/analysis/Jun-01-2026_Jun-08-2026_17841400000000000.csv"
);
const FACEBOOK: &[u8] =
    include_bytes!("../../../tests/fixtures/analysis/Jun-01-2026_Jun-08-2026_104512345678901.csv");
const X: &[u8] = include_bytes!(
    "../../../tests/fixtures/analysis/tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv"
);
const PAGE: &[u8] = include_bytes!("../../../tests/fixtures/analysis/facebook_page_2026-06.csv");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn path(v: &JsValue, keys: &str) -> JsValue {
    keys.split('.')
        .fold(v.clone(), |v, k| match k.parse::<u32>() {
            Ok(i) => Array::from(&v).get(i),
            Err(_) => get(&v, k),
        })
}

fn find(list: &JsValue, id: &str) -> JsValue {
    Array::from(list)
        .iter()
        .find(|f| get(f, "id").as_string().as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn parse(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn workspace() -> wasm::Workspace {
    let mut ws = wasm::Workspace::new(Some("2026-06-30".into()));
    for (name, bytes) in [
        ("Jun-01-2026_Jun-08-2026_17841400000000000.csv", INSTAGRAM),
        ("Jun-01-2026_Jun-08-2026_104512345678901.csv", FACEBOOK),
        (
            "tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
            X,
        ),
        ("facebook_page_2026-06.csv", PAGE),
    ] {
        let id = ws.begin_file(name);
        for chunk in bytes.chunks(97) {
            ws.push_chunk(id, chunk).unwrap();
        }
        ws.finish_file(id, "fr").unwrap();
    }
    ws
}

#[wasm_bindgen_test]
fn analyze_with_default_options_and_a_preset() {
    let ws = workspace();
    let r = ws.analyze(JsValue::NULL, "fr-FR", None).unwrap();
    for key in [
        "errors",
        "warnings",
        "range",
        "definition",
        "totals",
        "engagement",
        "growth",
        "series",
        "heatmap",
        "activity",
        "costs",
    ] {
        assert!(!get(&r, key).is_undefined(), "{key}");
    }
    let rate = path(&r, "engagement.rate");
    // Reach, and impressions on X (which reports no reach): (900 + 67) ÷ (11 000 + 4 000).
    assert!((get(&rate, "value").as_f64().unwrap() - 967.0 / 15000.0).abs() < 1e-12);
    assert_eq!(
        get(&rate, "formula").as_string().unwrap(),
        "taux d’engagement = Σ engagements ÷ Σ dénominateur du réseau de chaque publication"
    );
    assert!(get(&rate, "reason").is_null(), "null, never undefined");
    assert_eq!(get(&rate, "unit").as_string().unwrap(), "ratio");
    let engagements = find(&get(&r, "totals"), "total_engagements");
    assert_eq!(get(&engagements, "value").as_f64(), Some(967.0));
    // A post: its id stays a string (19 digits do not fit a JS number), blanks are null.
    let post = path(&r, "engagement.posts.6");
    assert_eq!(get(&post, "id").as_string().unwrap(), "1800000000000000001");
    assert!(get(&post, "reach").is_null());
    assert_eq!(get(&post, "platform_rate").as_f64(), Some(0.03));
    assert_eq!(
        path(&r, "heatmap.cells").dyn_into_array_len(),
        8,
        "one cell per hour with posts"
    );
    assert!(path(&r, "heatmap.offset_minutes").is_null());
    assert!(path(&r, "costs.overall").is_null());
    assert!(path(&r, "costs.overall_reason").as_string().is_some());

    // Without the per-post rows (the page's display): the same figures.
    let lean = ws.analyze(JsValue::NULL, "fr-FR", Some(false)).unwrap();
    assert_eq!(path(&lean, "engagement.posts").dyn_into_array_len(), 0);
    assert_eq!(path(&lean, "engagement.top_posts").dyn_into_array_len(), 5);
    assert_eq!(
        path(&lean, "engagement.rate.value").as_f64(),
        get(&rate, "value").as_f64()
    );
    assert_eq!(path(&r, "engagement.posts").dyn_into_array_len(), 9);

    // undefined reads as the defaults too; a preset changes the headline.
    let same = ws.analyze(JsValue::UNDEFINED, "fr", None).unwrap();
    assert_eq!(
        path(&same, "engagement.rate.value").as_f64(),
        get(&rate, "value").as_f64()
    );
    let x = ws
        .analyze(
            parse(r#"{"preset": "x", "utc_offset_minutes": 60}"#),
            "en",
            None,
        )
        .unwrap();
    assert_eq!(path(&x, "engagement.rate.value").as_f64(), Some(0.025));
    assert_eq!(path(&x, "definition.preset").as_string().unwrap(), "x");
    assert_eq!(path(&x, "heatmap.offset_minutes").as_f64(), Some(60.0));
    // Options the core cannot use are listed, the rest computed.
    let bad = ws
        .analyze(
            parse(r#"{"period": {"from": "juin"}, "top_posts": 0}"#),
            "en",
            None,
        )
        .unwrap();
    let errors = Array::from(&get(&bad, "errors"));
    assert_eq!(errors.length(), 2);
    assert_eq!(
        get(&errors.get(0), "field").as_string().unwrap(),
        "period.from"
    );
    assert!(path(&bad, "engagement.rate.value").as_f64().is_some());
}

trait Len {
    fn dyn_into_array_len(&self) -> u32;
}

impl Len for JsValue {
    fn dyn_into_array_len(&self) -> u32 {
        Array::from(self).length()
    }
}

#[wasm_bindgen_test]
fn a_wrong_shape_throws_kind_and_message() {
    let ws = workspace();
    for options in [
        r#"{"preset": "twitter"}"#,
        r#"{"engagement": {"denominator": "likes"}}"#,
        r#"{"perod": {}}"#,
        r#"{"utc_offset_minutes": "60"}"#,
    ] {
        let err = ws
            .analyze(parse(options), "en", None)
            .err()
            .unwrap_or_else(|| panic!("{options} was read"));
        assert_eq!(get(&err, "kind").as_string().unwrap(), "input", "{options}");
        assert!(get(&err, "message")
            .as_string()
            .unwrap()
            .starts_with("the analysis options cannot be read"));
    }
}

#[wasm_bindgen_test]
fn an_empty_workspace_says_why() {
    let ws = wasm::Workspace::new(None);
    let r = ws.analyze(JsValue::NULL, "en", None).unwrap();
    assert!(path(&r, "engagement.rate.value").is_null());
    assert_eq!(
        path(&r, "engagement.rate.reason").as_string().unwrap(),
        "no posts in the files for this period"
    );
}

#[wasm_bindgen_test]
fn defaults_list_every_choice() {
    let d = wasm::analysis_defaults("fr").unwrap();
    assert_eq!(path(&d, "options.preset").as_string().unwrap(), "custom");
    assert!(path(&d, "options.utc_offset_minutes").is_null());
    assert_eq!(path(&d, "options.top_posts").as_f64(), Some(5.0));
    let presets = get(&d, "presets");
    assert_eq!(presets.dyn_into_array_len(), 6);
    let x = path(&d, "presets.5");
    assert_eq!(get(&x, "id").as_string().unwrap(), "x");
    assert_eq!(
        path(&x, "rule.interactions.default.0").as_string().unwrap(),
        "platform_engagements"
    );
    assert!(path(&x, "sources.0")
        .as_string()
        .unwrap()
        .starts_with("https://"));
    assert_eq!(get(&d, "interactions").dyn_into_array_len(), 10);
    assert_eq!(
        path(&d, "denominators.2.name").as_string().unwrap(),
        "abonnés au moment de la publication"
    );
    assert_eq!(get(&d, "aggregations").dyn_into_array_len(), 2);
    assert_eq!(path(&d, "networks.0.key").as_string().unwrap(), "default");
    assert_eq!(path(&d, "weekdays.6.name").as_string().unwrap(), "dimanche");
    assert_eq!(
        path(&d, "business_hours.days.4").as_string().unwrap(),
        "fri"
    );
    assert_eq!(
        path(&d, "business_hours.start").as_string().unwrap(),
        "09:00"
    );
}

#[wasm_bindgen_test]
fn share_count_works_out_the_missing_part() {
    let r = wasm::share_count(
        parse(r#"{"share_count": "34", "shares": 1, "likes_on_shares": "5", "comments_on_shares": null}"#),
        "en",
    )
    .unwrap();
    assert_eq!(path(&r, "figures.3.value").as_f64(), Some(28.0));
    assert_eq!(
        path(&r, "figures.3.id").as_string().unwrap(),
        "comments_on_shares"
    );
    assert_eq!(Array::from(&get(&r, "errors")).length(), 0);
    let r = wasm::share_count(parse(r#"{"shares": "1,5"}"#), "fr").unwrap();
    assert_eq!(path(&r, "errors.0.field").as_string().unwrap(), "shares");
    let err =
        wasm::share_count(parse(r#"{"count": 3}"#), "en").expect_err("an unknown key is refused");
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
}

#[wasm_bindgen_test]
fn exports_the_csv_as_text_and_the_document_as_data() {
    let ws = workspace();
    let options = parse(r#"{"utc_offset_minutes": 60, "decimal_mark": "comma"}"#);
    let csv = ws.posts_csv(options.clone(), "fr").unwrap();
    assert!(csv.starts_with("\u{feff}id;réseau;compte;publiée le;"));
    assert!(csv.contains(";'=1+1 : nos viennoiseries;"));
    assert_eq!(csv.matches("\r\n").count(), 10, "a header and 9 posts");
    let en = ws.posts_csv(JsValue::NULL, "en").unwrap();
    assert!(en.starts_with("\u{feff}id,network,account,published,"));
    let doc = ws.export_document(options, "fr").unwrap();
    assert_eq!(get(&doc, "files").dyn_into_array_len(), 4);
    assert_eq!(path(&doc, "files.0.id").as_f64(), Some(1.0));
    assert_eq!(
        path(&doc, "options.utc_offset_minutes").as_f64(),
        Some(60.0)
    );
    assert_eq!(
        path(&doc, "analysis.engagement.posts").dyn_into_array_len(),
        9
    );
    let err = ws
        .posts_csv(parse(r#"{"top": 3}"#), "en")
        .expect_err("an unknown key is refused");
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
    assert!(ws.export_document(parse(r#"{"top": 3}"#), "en").is_err());
}

#[wasm_bindgen_test]
fn network_names_and_the_decimal_mark_come_from_the_core() {
    let names = wasm::network_names().unwrap();
    let name = |key: &str| {
        Array::from(&names)
            .iter()
            .find(|n| get(n, "key").as_string().as_deref() == Some(key))
            .map(|n| get(&n, "name").as_string().unwrap())
    };
    assert_eq!(name("linkedin").as_deref(), Some("LinkedIn"));
    assert_eq!(name("other").as_deref(), Some("—"));
    assert_eq!(
        wasm::decimal_mark("fr-CA").unwrap().as_string().unwrap(),
        "comma"
    );
    assert_eq!(
        wasm::decimal_mark("en").unwrap().as_string().unwrap(),
        "point"
    );
}

#[wasm_bindgen_test]
fn an_analysis_prepared_ahead_is_the_one_computed_then() {
    // Prepared after the texts are read ahead, as the page does while the files are in sight:
    // `analyze` with the same options gives what a workspace that prepared nothing gives.
    let options = r#"{"utc_offset_minutes": 60, "preset": "later"}"#;
    let ws = workspace();
    while !ws.read_ahead("fr", 1024) {}
    assert!(ws.prepare_analysis(parse(options), "fr").is_ok());
    let prepared = ws.analyze(parse(options), "fr", Some(false)).unwrap();
    let fresh = workspace()
        .analyze(parse(options), "fr", Some(false))
        .unwrap();
    assert_eq!(
        JSON::stringify(&prepared).unwrap(),
        JSON::stringify(&fresh).unwrap()
    );
    // A wrong shape throws as `analyze` does.
    let err = ws
        .prepare_analysis(parse(r#"{"perod": {}}"#), "fr")
        .unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
}
