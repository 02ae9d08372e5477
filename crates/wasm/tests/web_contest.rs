//! The contest's wasm calls, run by wasm-bindgen-test in node: the same certificate as the
//! native draw (both compare with `tests/fixtures/draw/certificate.json`), verification,
//! redraws, follower lists and the outcome report.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use social_roi_wasm as wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const ENTRIES: &str = include_str!("../../../tests/fixtures/draw/entries.json");
const RULES: &str = include_str!("../../../tests/fixtures/draw/rules.json");
const CERTIFICATE: &str = include_str!("../../../tests/fixtures/draw/certificate.json");
const DRAND_ROUND: &str = include_str!("../../../tests/fixtures/draw/drand-quicknet-123.json");
const DRAND_CERTIFICATE: &str = include_str!("../../../tests/fixtures/draw/drand-certificate.json");
const FOLLOWERS: &str = include_str!("../../../tests/fixtures/contest/followers_1.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn parse(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

fn pretty(v: &JsValue) -> String {
    JSON::stringify_with_replacer_and_space(v, &JsValue::NULL, &JsValue::from_f64(2.0))
        .unwrap()
        .as_string()
        .unwrap()
}

fn entrants(picks: &JsValue) -> Vec<String> {
    Array::from(picks)
        .iter()
        .map(|p| get(&p, "entrant").as_string().unwrap())
        .collect()
}

fn draw_fixture() -> JsValue {
    let seed = parse(
        r#"{"kind": "public", "value": "04 11 23 38 47 + 02 09", "source": "EuroMillions, 16 juin 2026"}"#,
    );
    let options = parse(
        r#"{"title": "Concours de l’été — Atelier Lumière", "drawn_at": "2026-06-16T21:30:00+02:00"}"#,
    );
    wasm::draw_winners(parse(ENTRIES), parse(RULES), seed, options, "fr-FR").unwrap()
}

#[wasm_bindgen_test]
fn the_same_certificate_as_natively() {
    let cert = draw_fixture();
    // Byte for byte the certificate the native draw writes (tests/draw.rs and tests/draw_cli.rs
    // compare with the same file).
    assert_eq!(pretty(&cert) + "\n", CERTIFICATE);
    let d = Array::from(&get(&cert, "drawings")).get(0);
    assert_eq!(entrants(&get(&d, "winners")), ["lea_b", "karim.b"]);
    assert_eq!(entrants(&get(&d, "alternates")), ["chloé", "inès"]);
    // Plain JSON-compatible data: null, never undefined.
    assert!(get(&d, "reason").is_null());
}

#[wasm_bindgen_test]
fn before_the_seed_the_fingerprint() {
    let p = wasm::prepare_draw(parse(ENTRIES), parse(RULES), "en").unwrap();
    assert_eq!(Array::from(&get(&p, "errors")).length(), 0);
    let prepared = get(&p, "prepared");
    let cert = parse(CERTIFICATE);
    assert_eq!(
        get(&prepared, "fingerprint").as_string(),
        get(&cert, "fingerprint").as_string()
    );
    // The exclusions as the certificate records them: entry indices by reason.
    let exclusions = get(&prepared, "exclusions");
    assert_eq!(get(&exclusions, "organiser").as_string().unwrap(), "2");
    assert_eq!(pretty(&exclusions), pretty(&get(&cert, "exclusions")));
    // Rules with errors: the errors, and no preparation.
    let p = wasm::prepare_draw(parse(ENTRIES), parse(r#"{"winners": "0"}"#), "en").unwrap();
    assert!(get(&p, "prepared").is_null());
    let errors = Array::from(&get(&p, "errors"));
    assert_eq!(get(&errors.get(0), "field").as_string().unwrap(), "winners");
    // The defaults come from Rust.
    let rules = wasm::default_draw_rules().unwrap();
    assert_eq!(get(&rules, "winners").as_f64(), Some(1.0));
    assert_eq!(get(&rules, "per").as_string().unwrap(), "person");
}

#[wasm_bindgen_test]
fn verify_confirms_then_refutes_a_changed_entry() {
    let cert = parse(CERTIFICATE);
    let v = wasm::verify_draw(cert.clone(), parse(ENTRIES), "en").unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(true));
    let changed = parse(&ENTRIES.replace("\"author\": \"hugo\"", "\"author\": \"hugo2\""));
    let v = wasm::verify_draw(cert, changed, "en").unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(false));
    let summary = get(&v, "summary").as_string().unwrap();
    assert!(
        summary.contains("in these entries only: hugo2 (1 ticket)"),
        "{summary}"
    );
    // A certificate that is not one throws {kind, message}.
    let err = wasm::verify_draw(parse(r#"{"format": 1}"#), parse(ENTRIES), "en").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .starts_with("the certificate cannot be read"));
}

#[wasm_bindgen_test]
fn a_redraw_appends_a_drawing() {
    let request = parse(
        r#"{"disqualify": ["@karim.b"], "reason": "pas de réponse", "seed": null, "drawn_at": "2026-06-20T10:00:00+02:00"}"#,
    );
    let next = wasm::redraw_winners(parse(CERTIFICATE), parse(ENTRIES), request, "fr").unwrap();
    let drawings = Array::from(&get(&next, "drawings"));
    assert_eq!(drawings.length(), 2);
    assert_eq!(
        entrants(&get(&drawings.get(1), "winners")),
        ["lea_b", "chloé"]
    );
    let v = wasm::verify_draw(next, parse(ENTRIES), "fr").unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(true));
    // A bad request throws {kind, message, errors}.
    let err = wasm::redraw_winners(
        parse(CERTIFICATE),
        parse(ENTRIES),
        parse(r#"{"disqualify": ["nobody"], "reason": ""}"#),
        "en",
    )
    .unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
    let errors = Array::from(&get(&err, "errors"));
    assert_eq!(
        get(&errors.get(0), "field").as_string().unwrap(),
        "redraw.reason"
    );
}

#[wasm_bindgen_test]
fn a_generated_seed_and_a_plain_list() {
    let list = wasm::read_entry_list("list.txt", "@Anna\nbob\n\nChloé\n").unwrap();
    assert_eq!(Array::from(&list).length(), 3);
    let seed = parse(r#"{"kind": "generated", "value": "00112233445566778899aabbccddeeff"}"#);
    let cert = wasm::draw_winners(list, parse("{}"), seed, JsValue::NULL, "en").unwrap();
    let d = Array::from(&get(&cert, "drawings")).get(0);
    assert_eq!(Array::from(&get(&d, "winners")).length(), 1);
    assert_eq!(
        get(&get(&d, "seed"), "kind").as_string().unwrap(),
        "generated"
    );
    let err = wasm::draw_winners(
        parse("[]"),
        parse("{}"),
        parse(r#"{"kind": "generated", "value": "1234"}"#),
        JsValue::NULL,
        "fr",
    )
    .unwrap_err();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .starts_with("seed.value: une graine générée"));
    assert_eq!(
        wasm::ticket_score("42", "alice\t1"),
        social_roi::sha256_hex(b"42\nalice\t1\n")
    );
    let err = wasm::read_entry_list("e.json", "[{\"text\": 1}]").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "file");
}

#[wasm_bindgen_test]
fn follower_lists_and_the_outcome() {
    let close = wasm::read_followers("followers_1.json", FOLLOWERS, "fr").unwrap();
    assert_eq!(Array::from(&get(&close, "handles")).length(), 6);
    let before = wasm::read_followers("before.txt", "lea_b\ntom.r\nanna\n", "fr").unwrap();
    let joined = wasm::join_follower_lists(Array::of2(&before, &close).into()).unwrap();
    assert_eq!(Array::from(&get(&joined, "handles")).length(), 7);
    let err = wasm::read_followers("f.html", "<html>", "en").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "file");

    let input = wasm::example_contest_input("fr", "EUR").unwrap();
    let followers = get(&input, "followers");
    Reflect::set(&get(&followers, "before"), &"list".into(), &before).unwrap();
    Reflect::set(&get(&followers, "at_close"), &"list".into(), &close).unwrap();
    let report = wasm::compute_contest(input, parse(ENTRIES), "fr").unwrap();
    let audience = Array::from(&get(&report, "audience"));
    let new = audience
        .iter()
        .find(|f| get(f, "id").as_string().as_deref() == Some("new_followers"))
        .unwrap();
    // Joined: julie_m, karim.b, chloé, emma.
    assert_eq!(get(&new, "value").as_f64(), Some(4.0));
    assert_eq!(
        get(&new, "formula").as_string().unwrap(),
        "nouveaux abonnés = personnes de la liste à la clôture absentes de la liste d’avant"
    );
    let summary = Array::from(&get(&report, "summary"));
    let roi = summary
        .iter()
        .find(|f| get(f, "id").as_string().as_deref() == Some("roi"))
        .unwrap();
    assert!((get(&roi, "value").as_f64().unwrap() - (324.0 - 589.0) / 589.0).abs() < 1e-12);
    let err = wasm::compute_contest(parse(r#"{"followers": 5}"#), JsValue::NULL, "en").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "input");
}

const COMMENTS: &[u8] = include_bytes!("../../../tests/fixtures/draw/exportcomments.csv");
const COMMENTS_CERTIFICATE: &str =
    include_str!("../../../tests/fixtures/draw/exportcomments-certificate.json");

/// The contest tab's path: a comment export read by a `Workspace` chunk by chunk, its entries
/// handed to the draw.
fn comment_entries(bytes: &[u8]) -> (wasm::Workspace, JsValue) {
    let mut ws = wasm::Workspace::new(None);
    let id = ws.begin_file("exportcomments.csv");
    for chunk in bytes.chunks(100) {
        ws.push_chunk(id, chunk).unwrap();
    }
    ws.finish_file(id, "fr").unwrap();
    let entries = ws.entries().unwrap();
    (ws, entries)
}

#[wasm_bindgen_test]
fn a_comment_export_draws_the_certificate_the_command_line_draws() {
    let (ws, entries) = comment_entries(COMMENTS);
    assert_eq!(Array::from(&entries).length(), 17);
    assert_eq!(
        Array::from(&ws.sources().unwrap())
            .get(0)
            .as_string()
            .unwrap(),
        "exportcomments.csv"
    );
    let seed = parse(
        r#"{"kind": "public", "value": "04 11 23 38 47 + 02 09", "source": "EuroMillions, 16 juin 2026"}"#,
    );
    let options = parse(
        r#"{"title": "Concours de l’été — Atelier Lumière", "drawn_at": "2026-06-16T21:30:00+02:00"}"#,
    );
    let cert = wasm::draw_winners(entries.clone(), parse(RULES), seed, options, "fr").unwrap();
    // Byte for byte what `social-roi draw --json … exportcomments.csv` prints (tests/draw_cli.rs
    // compares the command line with the same file).
    assert_eq!(pretty(&cert) + "\n", COMMENTS_CERTIFICATE);
    // The same entries as JSON text, the page's faster form: the same certificate.
    let text = JsValue::from_str(&ws.entries_json().unwrap());
    let seed = parse(
        r#"{"kind": "public", "value": "04 11 23 38 47 + 02 09", "source": "EuroMillions, 16 juin 2026"}"#,
    );
    let options = parse(
        r#"{"title": "Concours de l’été — Atelier Lumière", "drawn_at": "2026-06-16T21:30:00+02:00"}"#,
    );
    let again = wasm::draw_winners(text, parse(RULES), seed, options, "fr").unwrap();
    assert_eq!(pretty(&again) + "\n", COMMENTS_CERTIFICATE);
    let err = wasm::prepare_draw(JsValue::from_str("[{\"text\": \"x\"}]"), parse("{}"), "en")
        .unwrap_err();
    assert!(get(&err, "message")
        .as_string()
        .unwrap()
        .starts_with("the entries, line 1, column 14: missing field `author`"));

    // The certificate as a file is read back, verified, then refuted by one changed comment.
    let read = wasm::read_certificate("certificate.json", COMMENTS_CERTIFICATE, "en").unwrap();
    let v = wasm::verify_draw(read.clone(), entries, "en").unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(true));
    let changed = String::from_utf8(COMMENTS.to_vec())
        .unwrap()
        .replace("16:30:00,0,@emma", "16:30:00,0,@emma @zoe");
    let (_, changed) = comment_entries(changed.as_bytes());
    let v = wasm::verify_draw(read, changed, "en").unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(false));
    let failed: Vec<String> = Array::from(&get(&v, "checks"))
        .iter()
        .filter(|c| get(c, "ok").as_bool() == Some(false))
        .map(|c| get(&c, "id").as_string().unwrap())
        .collect();
    assert_eq!(failed[0], "entries", "{failed:?}");
    let err = wasm::read_certificate("notes.json", "{\n  \"format\": \n}", "fr").unwrap_err();
    assert_eq!(get(&err, "kind").as_string().unwrap(), "file");
    assert_eq!(
        get(&err, "message").as_string().unwrap(),
        "notes.json, ligne 3, colonne 1\u{a0}: expected value\u{a0}: un certificat de tirage est attendu (le fichier JSON que donne un tirage)"
    );
    let err = wasm::read_certificate("rules.json", RULES, "en").unwrap_err();
    assert!(get(&err, "message").as_string().unwrap().starts_with(
        "rules.json, line 2, column 7: unknown field `per`, expected one of `format`"
    ));

    // The exclusions summed up by reason, in the order the rules apply.
    let by = Array::from(&wasm::exclusions_by_reason(get(&cert, "exclusions"), "fr").unwrap());
    let first = by.get(0);
    assert_eq!(get(&first, "reason").as_string().unwrap(), "duplicate_id");
    assert_eq!(get(&first, "count").as_f64(), Some(1.0));
    assert_eq!(
        get(&first, "label").as_string().unwrap(),
        "Le même commentaire deux fois (exports qui se recoupent)"
    );
    assert_eq!(by.length(), 9);
}

#[wasm_bindgen_test]
fn a_workspace_draws_from_its_entries_prepared_once() {
    let (mut ws, _) = comment_entries(COMMENTS);
    let native = parse(COMMENTS_CERTIFICATE);
    let p = ws.prepare_draw_here(parse(RULES), "fr").unwrap();
    let prepared = get(&p, "prepared");
    assert_eq!(
        get(&prepared, "fingerprint").as_string(),
        get(&native, "fingerprint").as_string()
    );
    // Counts by reason, and the lists a page at a time.
    let by = Array::from(&get(&prepared, "by_reason"));
    assert_eq!(by.length(), 9);
    assert!(get(&prepared, "exclusions").is_undefined());
    let dup = Array::from(
        &ws.draw_exclusions(Some("duplicate_id".into()), 0, 10, "fr")
            .unwrap(),
    );
    assert_eq!(dup.length(), 1);
    assert_eq!(get(&dup.get(0), "line").as_f64(), Some(18.0));
    assert_eq!(
        get(&dup.get(0), "message").as_string().unwrap(),
        "le même identifiant de commentaire que la ligne 13"
    );
    let page = Array::from(&ws.draw_exclusions(None, 2, 3, "en").unwrap());
    assert_eq!(page.length(), 3);
    assert!(ws.draw_exclusions(Some("nope".into()), 0, 1, "en").is_err());
    assert_eq!(Array::from(&ws.draw_people(1, 2).unwrap()).length(), 2);
    assert!(ws.draw_file().unwrap().starts_with("social-roi draw 1\n"));
    assert_eq!(
        Some(ws.draw_entries_sha256()),
        get(&native, "entries_sha256").as_string()
    );
    // The draw, its verification and a redraw, from the kept preparation.
    let seed = parse(
        r#"{"kind": "public", "value": "04 11 23 38 47 + 02 09", "source": "EuroMillions, 16 juin 2026"}"#,
    );
    let options = parse(
        r#"{"title": "Concours de l’été — Atelier Lumière", "drawn_at": "2026-06-16T21:30:00+02:00"}"#,
    );
    let cert = ws
        .draw_winners_here(parse(RULES), seed, options, "fr")
        .unwrap();
    assert_eq!(pretty(&cert) + "\n", COMMENTS_CERTIFICATE);
    let v = ws
        .verify_draw_here(cert.clone(), "en", JsValue::NULL)
        .unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(true));
    let request = parse(r#"{"disqualify": ["karim.b"], "reason": "pas de réponse", "seed": null}"#);
    let next = ws
        .redraw_winners_here(cert, request, "fr", JsValue::NULL)
        .unwrap();
    assert_eq!(Array::from(&get(&next, "drawings")).length(), 2);
    // A JSON list of entries instead of the files: the fixture certificate's fingerprint.
    assert_eq!(
        ws.use_entry_list("entries.json", Some(ENTRIES.into()))
            .unwrap(),
        18
    );
    let p = ws.prepare_draw_here(parse(RULES), "en").unwrap();
    assert_eq!(
        get(&get(&p, "prepared"), "fingerprint").as_string(),
        get(&parse(CERTIFICATE), "fingerprint").as_string()
    );
    assert_eq!(
        JSON::parse(&ws.entries_json().unwrap())
            .map(|e| Array::from(&e).length())
            .unwrap(),
        18
    );
    assert!(ws.use_entry_list("x.json", Some("[{}]".into())).is_err());
    assert_eq!(ws.use_entry_list("x.json", None).unwrap(), 0);
    assert_eq!(Array::from(&ws.entries().unwrap()).length(), 17);
}

#[wasm_bindgen_test]
fn a_language_switch_keeps_every_typed_value() {
    let input =
        parse(r#"{"hours": "3,5", "prize_value": "1 200", "margin_pct": "40 %", "fees": "abc"}"#);
    let en = wasm::canonical_contest_input(input, "fr", "en").unwrap();
    assert_eq!(get(&en, "hours").as_f64(), Some(3.5));
    assert_eq!(get(&en, "prize_value").as_f64(), Some(1200.0));
    assert_eq!(get(&en, "margin_pct").as_f64(), Some(40.0));
    // What does not read stays as typed, for its message.
    assert_eq!(get(&en, "fees").as_string().unwrap(), "abc");
    assert_eq!(get(&en, "decimal_mark").as_string().unwrap(), "point");
}

/// The page's bundles carry no curve code: a drand seed is taken only with the beacon
/// module's record of that very round, and then gives the command line's certificate byte
/// for byte; a verification says "verified by the beacon module" only when given the module's
/// record, and refutes otherwise.
#[wasm_bindgen_test]
fn a_drand_seed_needs_the_beacon_modules_record() {
    let mut ws = wasm::Workspace::new(None);
    ws.use_entry_list("entries.json", Some(ENTRIES.into()))
        .unwrap();
    let options = || {
        parse(
            r#"{"title": "Concours de l’été — Atelier Lumière", "drawn_at": "2026-06-16T21:30:00+02:00"}"#,
        )
    };
    let seed = |beacon: &str| {
        let round = JSON::stringify(&JsValue::from_str(DRAND_ROUND))
            .unwrap()
            .as_string()
            .unwrap();
        parse(&format!(
            r#"{{"kind": "drand", "value": {round}, "source": null, "beacon": {beacon}}}"#
        ))
    };
    let refused = ws
        .draw_winners_here(parse(RULES), seed("[]"), options(), "en")
        .unwrap_err();
    let message = get(&refused, "message").as_string().unwrap();
    assert!(
        message.contains("the beacon module did not run"),
        "{message}"
    );
    // The module's record, as the certificate keeps it.
    let record = JSON::stringify(&get(
        &get(
            &Array::from(&get(&parse(DRAND_CERTIFICATE), "drawings")).get(0),
            "seed",
        ),
        "drand",
    ))
    .unwrap()
    .as_string()
    .unwrap();
    let cert = ws
        .draw_winners_here(
            parse(RULES),
            seed(&format!("[{{\"record\": {record}}}]")),
            options(),
            "fr",
        )
        .unwrap();
    assert_eq!(pretty(&cert) + "\n", DRAND_CERTIFICATE);
    let checked = parse(&format!("[{{\"record\": {record}}}]"));
    let v = ws.verify_draw_here(cert.clone(), "en", checked).unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(true));
    let seed_check = Array::from(&get(&v, "checks"))
        .iter()
        .find(|c| get(c, "id").as_string().as_deref() == Some("drawings[0].seed"))
        .unwrap();
    let said = get(&seed_check, "message").as_string().unwrap();
    assert!(said.contains("verified by the beacon module"), "{said}");
    // Refused by the module: its words.
    let refused = parse(&format!("[{{\"record\": {record}, \"refused\": \"no\"}}]"));
    let v = ws.verify_draw_here(cert.clone(), "en", refused).unwrap();
    assert_eq!(get(&v, "summary").as_string().unwrap(), "refuted: no");
    // Without the module's record: the signature is not claimed verified.
    let v = ws.verify_draw_here(cert, "en", JsValue::NULL).unwrap();
    assert_eq!(get(&v, "confirmed").as_bool(), Some(false));
    assert!(get(&v, "summary")
        .as_string()
        .unwrap()
        .contains("the beacon module did not run"));
}
