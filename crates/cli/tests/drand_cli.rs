//! `social-roi draw --drand`: a draw seeded from a real published drand round
//! (`tests/fixtures/draw/drand-*.json`), its certificate verified offline, refused or refuted
//! when one byte changes or the chain is the wrong one, and the recipes of
//! docs/draw-protocol.md ("A drand round as the seed") reproducing its winners.

mod common;

use common::{run, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/draw";

fn fixture(name: &str) -> String {
    let path = Path::new(common::ROOT).join(FIXTURES).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The drand example's draw: `drand-certificate.json`'s command line, with `round`.
fn draw(round: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "draw",
        "--json",
        "--rules",
        "tests/fixtures/draw/rules.json",
        "--drand",
        round,
        "--title",
        "Concours de l’été — Atelier Lumière",
        "--at",
        "2026-06-16T21:30:00+02:00",
    ];
    args.extend_from_slice(extra);
    args.push("tests/fixtures/draw/entries.json");
    run(&args)
}

#[test]
fn a_drand_draw_gives_the_fixture_certificate_and_verifies() {
    let o = draw(
        "tests/fixtures/draw/drand-quicknet-123.json",
        &["--lang", "fr"],
    );
    assert!(o.status.success(), "{}", stdout(&o));
    assert_eq!(stdout(&o), fixture("drand-certificate.json"));
    let v = run(&[
        "draw",
        "--verify",
        "tests/fixtures/draw/drand-certificate.json",
        "--lang",
        "en",
        "tests/fixtures/draw/entries.json",
    ]);
    assert!(v.status.success(), "{}", stdout(&v));
    let text = stdout(&v);
    assert!(text.contains("ok     The drand round is genuine and is the seed: drand quicknet round 123, published 2023-08-23T15:15:33Z"), "{text}");
    assert!(
        text.contains("BLS signature verified against the chain’s embedded public key"),
        "{text}"
    );
}

/// The page's drand draw of the comment export (tests/e2e/drand.test.mjs) is this one.
#[test]
fn the_comment_export_drawn_from_a_drand_round() {
    let o = run(&[
        "draw",
        "--json",
        "--lang",
        "fr",
        "--rules",
        "tests/fixtures/draw/rules.json",
        "--drand",
        "tests/fixtures/draw/drand-quicknet-123.json",
        "--title",
        "Concours de l’été — Atelier Lumière",
        "--at",
        "2026-06-16T21:30:00+02:00",
        "tests/fixtures/draw/exportcomments.csv",
    ]);
    assert!(o.status.success(), "{}", stdout(&o));
    assert_eq!(stdout(&o), fixture("drand-exportcomments-certificate.json"));
}

#[test]
fn the_default_chain_seeds_a_draw_too() {
    let o = draw(
        "tests/fixtures/draw/drand-default-72785.json",
        &["--drand-chain", "default"],
    );
    assert!(o.status.success(), "{}", stdout(&o));
    let cert: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let seed = &cert["drawings"][0]["seed"];
    assert_eq!(
        seed["value"],
        "8b676484b5fb1f37f9ec5c413d7d29883504e5b669f604a1ce68b3388e9ae3d9"
    );
    assert_eq!(seed["drand"]["round"], 72785);
    assert!(seed["drand"]["previous_signature"]
        .as_str()
        .unwrap()
        .starts_with("a609e19a"));
}

#[test]
fn a_changed_round_is_refused_naming_the_file() {
    let dir = scratch("drand-refused");
    let text = fixture("drand-quicknet-123.json");
    let cases = [
        // One byte of the signature (without the randomness, which would give it away first).
        (
            text.replacen("b75c69d0", "b75c69d1", 1).replacen(
                "\"randomness\": \"fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc\",",
                "",
                1,
            ),
            "not a point of the BLS12-381 curve",
        ),
        (text.replacen("\"round\": 123", "\"round\": 122", 1), "not the quicknet chain's signature of round 122"),
        (text.replacen("b75c69d0", "b75c69d1", 1), "is not SHA-256 of the signature"),
        (text.replacen("\"signature\"", "\"sig\"", 1), "the field \"signature\" is missing"),
        ("{\"round\": 123,".to_string(), "line 1, column 14"),
    ];
    for (i, (round, expected)) in cases.iter().enumerate() {
        let path = dir.join(format!("round-{i}.json"));
        std::fs::write(&path, round).unwrap();
        let o = draw(path.to_str().unwrap(), &["--lang", "en"]);
        assert_eq!(o.status.code(), Some(1), "{i}: {}", stdout(&o));
        let out = stdout(&o);
        assert!(out.contains(&format!("{}: ", path.display())), "{i}: {out}");
        assert!(out.contains(expected), "{i}: {out}");
    }
    // The wrong chain.
    let o = draw(
        "tests/fixtures/draw/drand-quicknet-123.json",
        &["--drand-chain", "default", "--lang", "fr"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("pas de la chaîne default"),
        "{}",
        stdout(&o)
    );
    // A drawing dated before the round was out.
    let mut args = vec![
        "draw",
        "--rules",
        "tests/fixtures/draw/rules.json",
        "--drand",
    ];
    args.extend([
        "tests/fixtures/draw/drand-quicknet-123.json",
        "--at",
        "2023-08-23T15:00:00Z",
    ]);
    args.push("tests/fixtures/draw/entries.json");
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("was published at 2023-08-23T15:15:33Z"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_certificate_whose_round_changed_is_refuted() {
    let dir = scratch("drand-refuted");
    let cert = fixture("drand-certificate.json");
    let changed = [
        cert.replacen("\"round\": 123", "\"round\": 124", 1),
        cert.replace("b75c69d0", "b75c69d1"),
        cert.replacen(
            "\"chain\": \"52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971\"",
            "\"chain\": \"8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce\"",
            1,
        ),
    ];
    for (i, text) in changed.iter().enumerate() {
        assert_ne!(text, &cert, "{i}");
        let path = dir.join(format!("cert-{i}.json"));
        std::fs::write(&path, text).unwrap();
        let o = run(&[
            "draw",
            "--verify",
            path.to_str().unwrap(),
            "--lang",
            "en",
            "tests/fixtures/draw/entries.json",
        ]);
        assert_eq!(o.status.code(), Some(1), "{i}: {}", stdout(&o));
        assert!(
            stdout(&o).contains("FAILED The drand round is genuine"),
            "{i}: {}",
            stdout(&o)
        );
    }
}

/// The first fenced block after `marker` in `docs/draw-protocol.md`.
fn protocol_block(marker: &str) -> String {
    let doc =
        std::fs::read_to_string(Path::new(common::ROOT).join("docs/draw-protocol.md")).unwrap();
    let after = doc
        .split_once(marker)
        .unwrap_or_else(|| panic!("no {marker}"))
        .1;
    let body = &after[after.find("```").unwrap()..];
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
fn the_drand_recipes_reproduce_the_draw() {
    if !has("python3") || !has("sha256sum") {
        eprintln!("skipped: python3 or sha256sum is not installed");
        return;
    }
    let dir = scratch("drand-recipes");
    std::fs::write(
        dir.join("certificate.json"),
        fixture("drand-certificate.json"),
    )
    .unwrap();
    std::fs::write(dir.join("draw.txt"), fixture("draw.txt")).unwrap();
    let py = Command::new("python3")
        .args(["-c", &protocol_block("<!-- recipe: drand -->")])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(py.status.success(), "{}", stderr(&py));
    assert_eq!(stdout(&py), "1 52db9ba7 123 True\n");
    let sh = Command::new("sh")
        .args(["-c", &protocol_block("<!-- recipe: drand-sh -->")])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(sh.status.success(), "{}", stderr(&sh));
    let printed = stdout(&sh);
    assert_eq!(printed, protocol_block("<!-- recipe: drand-output -->"));
    let cert: serde_json::Value = serde_json::from_str(&fixture("drand-certificate.json")).unwrap();
    let d = &cert["drawings"][0];
    let names: Vec<&str> = ["winners", "alternates"]
        .iter()
        .flat_map(|l| {
            d[*l]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["entrant"].as_str().unwrap())
        })
        .collect();
    assert_eq!(printed.lines().collect::<Vec<_>>(), names);
    assert!(protocol_block("<!-- recipe: drand-sh -->")
        .contains(&format!("SEED={}", d["seed"]["value"].as_str().unwrap())));
    // The fingerprint is draw.txt's: the same entries and rules as the other example.
    assert_eq!(cert["draw_file"].as_str().unwrap(), fixture("draw.txt"));
}

#[test]
fn help_names_the_drand_options() {
    let o = run(&["draw", "--help"]);
    let text = stdout(&o);
    assert!(text.contains("--drand <ROUND.json>"), "{text}");
    assert!(text.contains("--drand-chain <CHAIN>"), "{text}");
}
