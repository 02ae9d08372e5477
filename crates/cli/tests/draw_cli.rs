//! `social-roi draw` run as a user would, and the verification recipes of
//! `docs/draw-protocol.md` run exactly as written, with standard tools, on the example in
//! `tests/fixtures/draw/`.

use std::path::{Path, PathBuf};
mod common;

use common::{run, stderr, stdout};
use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/draw";

fn fixture(name: &str) -> String {
    let path = Path::new(common::ROOT).join(FIXTURES).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fresh, empty directory under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The example draw's command line, drawing from `entries` (a file of `tests/fixtures/draw/`).
fn draw_args(entries: &str) -> Vec<String> {
    let mut args: Vec<String> = [
        "draw",
        "--json",
        "--lang",
        "fr",
        "--rules",
        "tests/fixtures/draw/rules.json",
        "--seed",
        "04 11 23 38 47 + 02 09",
        "--seed-source",
        "EuroMillions, 16 juin 2026",
        "--title",
        "Concours de l’été — Atelier Lumière",
        "--at",
        "2026-06-16T21:30:00+02:00",
    ]
    .map(String::from)
    .to_vec();
    args.push(format!("{FIXTURES}/{entries}"));
    args
}

fn run_draw(entries: &str) -> Output {
    let args = draw_args(entries);
    run(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

#[test]
fn the_draw_gives_the_fixture_certificate() {
    let o = run_draw("entries.json");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), fixture("certificate.json"));
}

#[test]
fn before_the_seed_the_fingerprint_and_the_draw_file() {
    let dir = scratch("draw-before");
    let out = dir.join("draw.txt");
    let o = run(&[
        "draw",
        "--rules",
        "tests/fixtures/draw/rules.json",
        "--draw-file",
        out.to_str().unwrap(),
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let cert: serde_json::Value = serde_json::from_str(&fixture("certificate.json")).unwrap();
    let fingerprint = cert["fingerprint"].as_str().unwrap();
    assert!(
        text.starts_with(&format!(
            "Fingerprint (announce it before the draw): {fingerprint}\n"
        )),
        "{text}"
    );
    assert!(text.contains("18 entries: 8 counted, 10 left out; 8 people, 10 tickets"));
    assert!(text.contains("line 7     marie.staff              on the exclusion list"));
    assert_eq!(std::fs::read_to_string(out).unwrap(), fixture("draw.txt"));
    assert_eq!(cert["draw_file"], fixture("draw.txt"));
}

#[test]
fn verify_confirms_then_refutes_a_changed_entry() {
    let o = run(&[
        "draw",
        "--verify",
        "tests/fixtures/draw/certificate.json",
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).ends_with(
        "confirmé\u{a0}: ces participations, règles et graines donnent exactement les gagnants certifiés\n"
    ));

    let dir = scratch("draw-verify");
    let changed = fixture("entries.json").replace("\"author\": \"hugo\"", "\"author\": \"hugo2\"");
    let path = dir.join("entries.json");
    std::fs::write(&path, changed).unwrap();
    let o = run(&[
        "draw",
        "--verify",
        "tests/fixtures/draw/certificate.json",
        "--lang",
        "en",
        "--json",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["confirmed"], false);
    let summary = v["summary"].as_str().unwrap();
    assert!(summary.starts_with("refuted: "), "{summary}");
    assert!(
        summary.contains(
            "in the certificate only: hugo (1 ticket); in these entries only: hugo2 (1 ticket)"
        ),
        "{summary}"
    );
}

#[test]
fn a_redraw_appends_and_still_verifies() {
    let dir = scratch("draw-redraw");
    let cert = dir.join("certificate-2.json");
    let o = run(&[
        "draw",
        "--redraw",
        "tests/fixtures/draw/certificate.json",
        "--disqualify",
        "@Karim.B",
        "--reason",
        "pas de réponse sous 72 heures",
        "--at",
        "2026-06-20T10:00:00+02:00",
        "--json",
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    std::fs::write(&cert, stdout(&o)).unwrap();
    let c: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let drawings = c["drawings"].as_array().unwrap();
    assert_eq!(drawings.len(), 2);
    let original: serde_json::Value = serde_json::from_str(&fixture("certificate.json")).unwrap();
    assert_eq!(
        drawings[0], original["drawings"][0],
        "history is never erased"
    );
    let names = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|p| p["entrant"].as_str().unwrap().to_string())
            .collect()
    };
    // lea_b keeps prize 1; karim.b's prize 2 goes to the first alternate.
    assert_eq!(names(&drawings[1]["winners"]), ["lea_b", "chloé"]);
    assert_eq!(names(&drawings[1]["alternates"]), ["inès", "julie_m"]);
    assert_eq!(drawings[1]["disqualified"], serde_json::json!(["karim.b"]));
    assert_eq!(drawings[1]["reason"], "pas de réponse sous 72 heures");
    let o = run(&[
        "draw",
        "--verify",
        cert.to_str().unwrap(),
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));

    let o = run(&[
        "draw",
        "--redraw",
        "tests/fixtures/draw/certificate.json",
        "--disqualify",
        "nobody",
        "tests/fixtures/draw/entries.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("redraw.reason: indiquez pourquoi"), "{text}");
    assert!(
        text.contains("redraw.disqualify[0]: «\u{a0}nobody\u{a0}» ne fait pas partie des personnes de ce tirage"),
        "{text}"
    );
}

#[test]
fn a_random_seed_is_generated_and_shown() {
    let dir = scratch("draw-random");
    let o = run(&[
        "draw",
        "--json",
        "--random-seed",
        "--winners",
        "2",
        "tests/fixtures/draw/list.txt",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let seed = &c["drawings"][0]["seed"];
    assert_eq!(seed["kind"], "generated");
    let value = seed["value"].as_str().unwrap();
    assert_eq!(value.len(), 64);
    assert!(value.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(c["drawings"][0]["winners"].as_array().unwrap().len(), 2);
    assert!(c["drawings"][0]["drawn_at"]
        .as_str()
        .unwrap()
        .ends_with("+00:00"));
    // The list: BOM, CRLF, a blank line, @Anna twice.
    assert_eq!(c["counts"]["entries"], 5);
    assert_eq!(c["counts"]["people"], 4);
    let path = dir.join("certificate.json");
    std::fs::write(&path, stdout(&o)).unwrap();
    let o = run(&[
        "draw",
        "--verify",
        path.to_str().unwrap(),
        "tests/fixtures/draw/list.txt",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn bad_rules_and_files_say_where() {
    let dir = scratch("draw-errors");
    let rules = dir.join("rules.json");
    std::fs::write(&rules, r#"{"winners": "deux", "until": "14/06"}"#).unwrap();
    let o = run(&[
        "draw",
        "--rules",
        rules.to_str().unwrap(),
        "--seed",
        "1",
        "tests/fixtures/draw/list.txt",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains("rules.winners: expected a whole number, found \"deux\""),
        "{text}"
    );
    assert!(
        text.contains("rules.until: expected a date such as 2026-06-14"),
        "{text}"
    );

    std::fs::write(&rules, "{\"winners\": 2,\n \"prize\": 1}").unwrap();
    let o = run(&[
        "draw",
        "--rules",
        rules.to_str().unwrap(),
        "tests/fixtures/draw/list.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("rules.json, line 2, column 8: unknown field `prize`"),
        "{}",
        stderr(&o)
    );

    // A table that is no comment export: the columns to map, with the readers' guesses.
    let csv = dir.join("names.csv");
    std::fs::write(
        &csv,
        "Pseudo;Message;Quand\n@ann;#concours @bob;2026-06-02\n",
    )
    .unwrap();
    let o = run(&["draw", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "names.csv: these columns are not a comment export we know (\"Pseudo\", \"Message\", \"Quand\"); \
             say which holds the entrant and the comment with --column NAME=FIELD"
        ),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("here probably --column 'Pseudo=author' --column 'Message=text'"));
    let o = run(&["draw", "--column", "Nom=author", csv.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--column names \"Nom\", which the table does not have"));
    let o = run(&["draw", "--column", "Pseudo=auteur", csv.to_str().unwrap()]);
    assert!(stderr(&o)
        .contains("'--column <NAME=FIELD>': expected NAME=FIELD with FIELD one of author, text"));
    // Another platform's export holds no entries.
    let o = run(&[
        "draw",
        "tests/fixtures/import/x/account_analytics_content_2026-06-01_2026-08-29.csv",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no comment or entrant found: it reads as X posts"),
        "{}",
        stderr(&o)
    );
    // A JSON list of entries is a whole draw's entries.
    let o = run(&[
        "draw",
        "tests/fixtures/draw/entries.json",
        "tests/fixtures/draw/list.txt",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(
        "entries.json: a JSON list of entries holds all of a draw's entries: give it alone"
    ));

    let o = run(&["draw", "--seed", "1", "--random-seed", "x.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["draw", "--frobnicate", "x.txt"]);
    assert!(stderr(&o).contains("unexpected argument '--frobnicate'"));
    let o = run(&["draw", "tests/fixtures/draw/missing.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tests/fixtures/draw/missing.txt: cannot read"));
}

// ---------------------------------------------------------------------------------------------
// Comment exports, read as the page reads them
// ---------------------------------------------------------------------------------------------

#[test]
fn a_comment_export_gives_the_certificate_the_page_gives() {
    // tests/web_contest.rs draws from the same bytes through the page's Workspace and compares
    // with the same file.
    let o = run_draw("exportcomments.csv");
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), fixture("exportcomments-certificate.json"));
    // The row without a name was not imported: the draw says so on standard error.
    assert_eq!(
        stderr(&o),
        "social-roi: remarque\u{a0}: tests/fixtures/draw/exportcomments.csv, ligne 20, colonne 3 \
         («\u{a0}Name (click to view profile)\u{a0}»)\u{a0}: le champ «\u{a0}Participant\u{a0}» est vide\u{a0}: \
         la ligne n’est pas importée\n"
    );
    let c: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names = |list: &str| -> Vec<String> {
        c["drawings"][0][list]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["entrant"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(names("winners"), ["lea_b", "karim.b"]);
    assert_eq!(names("alternates"), ["chloé", "inès"]);
    // The certificate records each exclusion by entry index and reason; the summary names
    // the file's own lines (a comment spans two lines above line 18) and says why.
    assert_eq!(c["exclusions"]["duplicate_id"], "15");
    assert_eq!(c["exclusions"]["already_entered"], "4");
    let summary = run(&[
        "draw",
        "--lang",
        "fr",
        "--rules",
        "tests/fixtures/draw/rules.json",
        "tests/fixtures/draw/exportcomments.csv",
    ]);
    assert!(stdout(&summary).contains(
        "\n  ligne 18   karim.b                  le même identifiant de commentaire que la ligne 13\n"
    ));

    // Verify: confirmed with the export, refuted when one comment changed.
    let dir = scratch("draw-comments");
    let cert = dir.join("certificate.json");
    std::fs::write(&cert, stdout(&o)).unwrap();
    let o = run(&[
        "draw",
        "--verify",
        cert.to_str().unwrap(),
        "--lang",
        "en",
        "tests/fixtures/draw/exportcomments.csv",
    ]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("ok     The entries are the certified ones: 17 entries"));
    let changed =
        fixture("exportcomments.csv").replace("16:30:00,0,@emma", "16:30:00,0,@emma @zoe");
    let path = dir.join("exportcomments.csv");
    std::fs::write(&path, changed).unwrap();
    let o = run(&[
        "draw",
        "--verify",
        cert.to_str().unwrap(),
        "--lang",
        "en",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o)
            .contains("FAILED The entries are the certified ones: these 17 entries have SHA-256"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn spreadsheets_several_files_and_mapped_columns() {
    // ExportComments' Facebook XLSX, rows above its header.
    let o = run(&[
        "draw",
        "--json",
        "--seed",
        "1",
        "tests/fixtures/import/comments/exportcomments_facebook.xlsx",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(c["counts"]["entries"], 3);
    // Two exports of one contest (Instagram and Facebook), in the order given: one draw.
    let o = run(&[
        "draw",
        "--json",
        "--seed",
        "1",
        "tests/fixtures/draw/exportcomments.csv",
        "tests/fixtures/import/comments/exportcomments_facebook.xlsx",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let c: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(c["counts"]["entries"], 20);
    // The Facebook file's entries follow the Instagram file's 17: its replies are among them.
    assert_eq!(c["exclusions"]["reply"], "2,12");
    assert_eq!(c["exclusions"]["duplicate_id"], "15");
    // A table we do not recognise, with its columns named.
    let dir = scratch("draw-columns");
    let csv = dir.join("names.csv");
    std::fs::write(
        &csv,
        "Pseudo;Message;Quand\n@ann;#concours @bob;2026-06-02\nbob;#concours;2026-06-03\nann;#concours;2026-06-04\n",
    )
    .unwrap();
    let o = run(&[
        "draw",
        "--json",
        "--column",
        "Pseudo=author",
        "--column",
        "Message=text",
        "--column",
        "Quand=date",
        "--rules",
        "tests/fixtures/draw/rules.json",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let p: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    // ann (1 mention) is in; bob has no mention; ann's second comment is one entry per person.
    assert_eq!(p["counts"]["people"], 1);
    assert_eq!(p["people"][0]["entrant"], "ann");
}

// ---------------------------------------------------------------------------------------------
// The recipes of docs/draw-protocol.md, exactly as written
// ---------------------------------------------------------------------------------------------

/// Where the recipes are written, from the repository's root.
const PROTOCOL: &str = "docs/draw-protocol.md";

/// The first fenced block after `marker` in `docs/draw-protocol.md`.
fn protocol_block(marker: &str) -> String {
    let path = Path::new(common::ROOT).join(PROTOCOL);
    let doc = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{PROTOCOL}: {e}"));
    let after = doc
        .split_once(marker)
        .unwrap_or_else(|| panic!("{PROTOCOL} has no {marker}"))
        .1;
    let start = after.find("```").unwrap();
    let body = &after[start..];
    let body = &body[body.find('\n').unwrap() + 1..];
    body[..body.find("```").unwrap()].to_string()
}

fn has(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_shell_recipe_reproduces_the_draw() {
    let tools = [
        "sh",
        "sha256sum",
        "sed",
        "sort",
        "cut",
        "awk",
        "head",
        "printf",
    ];
    if let Some(missing) = tools.iter().find(|t| !has(t)) {
        eprintln!("skipped: {missing} is not installed");
        return;
    }
    let dir = scratch("recipe-sh");
    std::fs::write(dir.join("draw.txt"), fixture("draw.txt")).unwrap();
    let script = protocol_block("<!-- recipe: sh -->");
    let o = Command::new("sh")
        .args(["-c", &script])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let printed = stdout(&o);
    assert_eq!(printed, protocol_block("<!-- recipe: output -->"));

    // And what it printed is the certificate's.
    let cert: serde_json::Value = serde_json::from_str(&fixture("certificate.json")).unwrap();
    let mut expected = vec![format!(
        "{}  draw.txt",
        cert["fingerprint"].as_str().unwrap()
    )];
    for list in ["winners", "alternates"] {
        for p in cert["drawings"][0][list].as_array().unwrap() {
            expected.push(p["entrant"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(printed.lines().collect::<Vec<_>>(), expected);
    assert!(
        script.contains(&format!(
            "SEED='{}'",
            cert["drawings"][0]["seed"]["value"].as_str().unwrap()
        )),
        "the recipe's seed is the certificate's"
    );
}

#[test]
fn the_python_recipe_reproduces_every_drawing() {
    if !has("python3") {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let dir = scratch("recipe-python");
    // A certificate with two redraws: the same seed, then a new one.
    let first = run(&[
        "draw",
        "--redraw",
        "tests/fixtures/draw/certificate.json",
        "--disqualify",
        "karim.b",
        "--reason",
        "no answer",
        "--at",
        "2026-06-20T10:00:00Z",
        "--json",
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(first.status.success(), "{}", stdout(&first));
    let path2 = dir.join("certificate-2.json");
    std::fs::write(&path2, stdout(&first)).unwrap();
    let second = run(&[
        "draw",
        "--redraw",
        path2.to_str().unwrap(),
        "--disqualify",
        "lea_b",
        "--disqualify",
        "inès",
        "--reason",
        "fake accounts",
        "--seed",
        "drand round 5284122",
        "--at",
        "2026-06-21T10:00:00Z",
        "--json",
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(second.status.success(), "{}", stdout(&second));
    let script = protocol_block("<!-- recipe: python -->");
    for (name, text) in [
        ("fixture", fixture("certificate.json")),
        ("redrawn", stdout(&second)),
    ] {
        std::fs::write(dir.join("certificate.json"), &text).unwrap();
        let o = Command::new("python3")
            .args(["-c", &script])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let cert: serde_json::Value = serde_json::from_str(&text).unwrap();
        let mut expected = vec!["fingerprint ok: True".to_string()];
        for d in cert["drawings"].as_array().unwrap() {
            let names = |list: &str| {
                let items: Vec<String> = d[list]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|p| format!("'{}'", p["entrant"].as_str().unwrap()))
                    .collect();
                format!("[{}]", items.join(", "))
            };
            expected.push(format!(
                "{} {} {}",
                d["number"],
                names("winners"),
                names("alternates")
            ));
        }
        assert_eq!(stdout(&o).lines().collect::<Vec<_>>(), expected, "{name}");
    }
}

/// The RFC 3797 example's sources, in the order section 6 publishes them.
const RFC_SOURCES: &str = "9319 / 2 5 12 8 10 / 9 18 26 34 41 45";

#[test]
fn the_rfc3797_shell_recipe_gives_the_rfcs_first_md5() {
    if !has("md5sum") || !has("printf") {
        eprintln!("skipped: md5sum is not installed");
        return;
    }
    let o = Command::new("sh")
        .args(["-c", &protocol_block("<!-- recipe: rfc3797-sh -->")])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        protocol_block("<!-- recipe: rfc3797-sh-output -->")
    );
    assert!(stdout(&o).starts_with("990dd0a5692a029a98b5e01aa28f3459"));
}

#[test]
fn an_rfc3797_draw_verifies_and_the_python_recipe_reproduces_it() {
    let dir = scratch("recipe-rfc3797");
    let (cert, again) = rfc3797_draw_and_redraw(&dir);
    if !has("python3") {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let script = protocol_block("<!-- recipe: rfc3797-python -->");
    for (name, c) in [("first", &cert), ("redrawn", &again)] {
        std::fs::write(dir.join("certificate.json"), c.to_string()).unwrap();
        let o = Command::new("python3")
            .args(["-c", &script])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let mut expected = vec![
            "fingerprint ok: True".to_string(),
            "key ok: True".to_string(),
        ];
        for d in c["drawings"].as_array().unwrap() {
            let list = |l: &str| {
                let q: Vec<String> = names(d, l).iter().map(|n| format!("'{n}'")).collect();
                format!("[{}]", q.join(", "))
            };
            expected.push(format!(
                "{} {} {}",
                d["number"],
                list("winners"),
                list("alternates")
            ));
        }
        assert_eq!(stdout(&o).lines().collect::<Vec<_>>(), expected, "{name}");
    }
}

/// The entrants of a drawing's `list` (`winners`, `alternates`) in a certificate's JSON.
fn names(d: &serde_json::Value, list: &str) -> Vec<String> {
    d[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["entrant"].as_str().unwrap().to_string())
        .collect()
}

/// The example drawn by RFC 3797 from the RFC's sources, verified, then redrawn after its
/// first winner is disqualified (a new key refused): the two certificates.
fn rfc3797_draw_and_redraw(dir: &Path) -> (serde_json::Value, serde_json::Value) {
    let entries = "tests/fixtures/draw/entries.json";
    let mut args = draw_args("entries.json");
    let seed = args.iter().position(|a| a == "--seed").unwrap();
    args[seed] = "--sources".into();
    args[seed + 1] = RFC_SOURCES.into();
    let first = run(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(first.status.success(), "{}", stderr(&first));
    let cert: serde_json::Value = serde_json::from_str(&stdout(&first)).unwrap();
    assert_eq!(cert["rules"]["scheme"], "rfc3797");
    let r = &cert["drawings"][0]["rfc3797"];
    assert_eq!(r["key"], "9319./2.5.8.10.12./9.18.26.34.41.45./");
    assert_eq!(
        r["selections"][0]["md5"],
        "990dd0a5692a029a98b5e01aa28f3459"
    );
    let path = dir.join("certificate-1.json");
    std::fs::write(&path, stdout(&first)).unwrap();
    let path = path.to_str().unwrap();
    let v = run(&["draw", "--verify", path, entries]);
    assert!(v.status.success(), "{}", stdout(&v));
    // A winner disqualified: the same key, the next person selected takes the prize.
    let winner = cert["drawings"][0]["winners"][0]["entrant"]
        .as_str()
        .unwrap();
    let redraw = [
        "draw",
        "--redraw",
        path,
        "--disqualify",
        winner,
        "--reason",
        "no answer",
    ];
    let at = ["--at", "2026-06-20T10:00:00Z", "--json", entries];
    let redrawn = run(&[&redraw[..], &at[..]].concat());
    assert!(redrawn.status.success(), "{}", stdout(&redrawn));
    let again: serde_json::Value = serde_json::from_str(&stdout(&redrawn)).unwrap();
    let (d1, d2) = (&cert["drawings"][0], &again["drawings"][1]);
    assert_eq!(
        names(d2, "winners")[0],
        names(d1, "alternates")[0],
        "the first alternate moves up"
    );
    // A new key for a redraw is refused: the sources are the draw's.
    let refused = run(&[&redraw[..], &["--sources", "1 2 3", entries]].concat());
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    assert!(
        stdout(&refused).contains("garde les sources"),
        "{}",
        stdout(&refused)
    );
    (cert, again)
}

#[test]
fn the_exclusions_recipe_lists_what_the_draw_left_out() {
    if !has("python3") {
        eprintln!("skipped: python3 is not installed");
        return;
    }
    let dir = scratch("recipe-exclusions");
    std::fs::write(dir.join("certificate.json"), fixture("certificate.json")).unwrap();
    let script = protocol_block("<!-- recipe: exclusions -->");
    let o = Command::new("python3")
        .args(["-c", &script])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // The entries the summary lists, by their index (the summary gives their lines).
    let mut listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    listed.sort_by_key(|l| l.split(' ').next().unwrap().parse::<u32>().unwrap());
    assert_eq!(
        listed,
        [
            "2 organiser",
            "4 already_entered",
            "5 excluded",
            "6 missing_keyword",
            "7 too_few_mentions",
            "8 before_start",
            "9 after_end",
            "12 reply",
            "15 duplicate_id",
            "17 no_author",
        ]
    );
}

#[test]
fn suspicious_entrants_are_shown_and_a_rule_leaves_them_out() {
    let file = format!("{FIXTURES}/suspicious_comments.csv");
    let o = run(&["draw", "--lang", "fr", &file]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("Suspects (signalés, non écartés sauf règle)"),
        "{out}"
    );
    assert!(
        out.contains("5 × Des comptes qui identifient les mêmes personnes\n"),
        "{out}"
    );
    assert!(
        out.contains("marie.dupont             peut-être la même personne que marie_dupont2"),
        "{out}"
    );
    assert!(out.contains("0 écartées"), "{out}");
    let rules = scratch("suspicious").join("rules.json");
    std::fs::write(&rules, r#"{"exclude_suspicious": ["tag_farm"]}"#).unwrap();
    let o = run(&["draw", "--json", "--rules", rules.to_str().unwrap(), &file]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["counts"]["excluded"], 5);
    assert_eq!(v["rules"]["exclude_suspicious"][0], "tag_farm");
    assert!(v["draw_file"]
        .as_str()
        .unwrap()
        .contains("\"exclude_suspicious\":[\"tag_farm\"]"));
}
