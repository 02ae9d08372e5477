//! The draw core: the fixture certificate, verification, redraws, and fairness over many seeds.

use social_roi::{
    draw_winners, read_entries, redraw, ticket_score, verify_certificate, Certificate, DrawOptions,
    EntryList, EntryRow, Lang, Per, Pick, RedrawInput, RulesInput, SeedInput, SeedKind,
};
use std::collections::BTreeMap;
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/draw")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn entries() -> Vec<EntryRow> {
    read_entries("entries.json", &fixture("entries.json")).unwrap()
}

fn rules() -> RulesInput {
    serde_json::from_str(&fixture("rules.json")).unwrap()
}

fn seed(value: &str) -> SeedInput {
    SeedInput {
        kind: SeedKind::Public,
        value: value.into(),
        source: None,
    }
}

/// The certificate the fixture's example in docs/draw-protocol.md is drawn with.
fn fixture_draw() -> Certificate {
    draw_winners(
        &entries(),
        &rules(),
        &SeedInput {
            kind: SeedKind::Public,
            value: "04 11 23 38 47 + 02 09".into(),
            source: Some("EuroMillions, 16 juin 2026".into()),
        },
        &DrawOptions {
            title: Some("Concours de l’été — Atelier Lumière".into()),
            drawn_at: Some("2026-06-16T21:30:00+02:00".into()),
        },
        Lang::Fr,
    )
    .unwrap()
}

fn names(picks: &[Pick]) -> Vec<&str> {
    picks.iter().map(|p| p.entrant.as_str()).collect()
}

/// `tests/fixtures/draw/certificate.json` is what `social-roi draw` writes for docs/draw-protocol.md's
/// example; tests/draw_cli.rs and tests/web_contest.rs (wasm) compare with the same file. Should
/// the scheme or the version (`software`) change on purpose, write it again with
/// `cargo run -- draw --json --lang fr --rules tests/fixtures/draw/rules.json --seed '04 11 23 38 47 + 02 09'
/// --seed-source 'EuroMillions, 16 juin 2026' --title 'Concours de l’été — Atelier Lumière'
/// --at 2026-06-16T21:30:00+02:00 --draw-file tests/fixtures/draw/draw.txt
/// tests/fixtures/draw/entries.json > tests/fixtures/draw/certificate.json`.
#[test]
fn the_fixture_certificate_natively() {
    let cert = fixture_draw();
    let json = serde_json::to_string_pretty(&cert).unwrap() + "\n";
    assert_eq!(json, fixture("certificate.json"));
    assert_eq!(cert.draw_file, fixture("draw.txt"));
    // Read back, it is the same certificate.
    let back: Certificate = serde_json::from_str(&json).unwrap();
    assert_eq!(back, cert);
    let d = &cert.drawings[0];
    assert_eq!(names(&d.winners), ["lea_b", "karim.b"]);
    assert_eq!(names(&d.alternates), ["chloé", "inès"]);
    assert_eq!(d.winners[0].tickets, 3, "lea_b's bonus of 2");
    assert_eq!(
        d.winners[0].score,
        ticket_score("04 11 23 38 47 + 02 09", &d.winners[0].ticket)
    );
}

#[test]
fn verification_confirms_and_says_what_differs() {
    let cert = fixture_draw();
    let v = verify_certificate(&cert, &entries(), Lang::En);
    assert!(v.confirmed, "{v:#?}");
    assert_eq!(v.checks.len(), 6);

    // A changed excluded comment: the draw file is the same, the entries are not.
    let mut changed = entries();
    changed[7].text = "#concours @tom".into(); // zoé.k now tags someone
    let v = verify_certificate(&cert, &changed, Lang::En);
    assert!(!v.confirmed);
    let failed: Vec<&str> = v
        .checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        failed,
        ["entries", "fingerprint", "exclusions", "drawings[0]"]
    );

    let mut reworded = entries();
    reworded[6].text = "trop bien @julie_m !".into(); // sam, excluded, stays excluded
    let v = verify_certificate(&cert, &reworded, Lang::Fr);
    let failed: Vec<&str> = v
        .checks
        .iter()
        .filter(|c| !c.ok)
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(failed, ["entries", "fingerprint"]);
    assert!(
        v.summary.ends_with("les mêmes personnes et tickets, mais pas les participations certifiées\u{a0}: un commentaire a été modifié, ajouté, retiré ou déplacé"),
        "{}",
        v.summary
    );

    // French typography in what differs: a no-break space before ":" and ";".
    let mut renamed = entries();
    assert_eq!(renamed[14].author, "hugo");
    renamed[14].author = "hugo2".into();
    let v = verify_certificate(&cert, &renamed, Lang::Fr);
    assert!(
        v.summary.contains("seulement dans le certificat\u{a0}: hugo (1 ticket)\u{a0}; seulement dans ces participations\u{a0}: hugo2 (1 ticket)"),
        "{}",
        v.summary
    );

    // A certificate whose winners were edited.
    let mut forged = cert.clone();
    forged.drawings[0].winners[1].entrant = "julie_m".into();
    let v = verify_certificate(&forged, &entries(), Lang::En);
    assert!(!v.confirmed);
    assert!(
        v.summary
            .contains("the seed gives winners 1. lea_b, 2. karim.b and alternates 1. chloé, 2. inès; the certificate says 1. lea_b, 2. julie_m"),
        "{}",
        v.summary
    );

    // A certificate whose draw file was edited (a ticket added) no longer matches its fingerprint.
    let mut forged = cert.clone();
    forged.draw_file.push_str("julie_m\t2\n");
    let v = verify_certificate(&forged, &entries(), Lang::En);
    assert_eq!(v.checks[0].id, "certificate");
    assert!(!v.checks[0].ok);

    // Rules edited after the fact.
    let mut forged = cert.clone();
    forged.rules.min_mentions = 0;
    let v = verify_certificate(&forged, &entries(), Lang::En);
    assert!(!v.confirmed);
    assert!(v.checks.iter().any(|c| c.id == "fingerprint" && !c.ok));

    let mut forged = cert;
    forged.format = "something else".into();
    assert!(!verify_certificate(&forged, &entries(), Lang::En).confirmed);
}

#[test]
fn redraws_keep_history_and_prizes() {
    let cert = fixture_draw();
    let request = |who: &[&str], s: Option<&str>| RedrawInput {
        disqualify: who.iter().map(|w| w.to_string()).collect(),
        reason: "did not answer".into(),
        seed: s.map(seed),
        drawn_at: None,
    };
    // karim.b (prize 2) out: chloé, the first alternate, takes prize 2; lea_b keeps prize 1.
    let two = redraw(&cert, &entries(), &request(&["@KARIM.B"], None), Lang::En).unwrap();
    assert_eq!(two.drawings.len(), 2);
    assert_eq!(two.drawings[0], cert.drawings[0]);
    let d = &two.drawings[1];
    assert_eq!(d.number, 2);
    assert_eq!(d.seed, cert.drawings[0].seed);
    assert_eq!(names(&d.winners), ["lea_b", "chloé"]);
    assert_eq!(d.winners[1].place, 2);
    assert_eq!(d.winners[1].rank, 3);
    assert_eq!(names(&d.alternates), ["inès", "julie_m"]);
    assert!(verify_certificate(&two, &entries(), Lang::En).confirmed);

    // Prize 1 freed with a new seed: chloé keeps prize 2, prize 1 goes to the new ranking's first.
    let three = redraw(
        &two,
        &entries(),
        &request(&["lea_b"], Some("beacon 42")),
        Lang::En,
    )
    .unwrap();
    let d = &three.drawings[2];
    assert_eq!(d.winners[1].entrant, "chloé");
    assert_eq!(d.winners[1].place, 2);
    assert!(d.winners[0].entrant != "lea_b" && d.winners[0].entrant != "karim.b");
    assert_eq!(d.seed.value, "beacon 42");
    assert!(verify_certificate(&three, &entries(), Lang::En).confirmed);

    // Errors: nobody named, someone unknown, someone already out, a blank reason.
    let e = redraw(&three, &entries(), &request(&[], None), Lang::En).unwrap_err();
    assert_eq!(e.errors[0].field, "redraw.disqualify");
    let e = redraw(&three, &entries(), &request(&["sam"], None), Lang::En).unwrap_err();
    assert_eq!(
        e.errors[0].message,
        "\"sam\" is not among the people of this draw"
    );
    let e = redraw(&three, &entries(), &request(&["karim.b"], None), Lang::En).unwrap_err();
    assert_eq!(e.errors[0].message, "\"karim.b\" was already disqualified");
    let blank = RedrawInput {
        reason: " ".into(),
        ..request(&["emma"], None)
    };
    let e = redraw(&three, &entries(), &blank, Lang::En).unwrap_err();
    assert_eq!(e.errors[0].field, "redraw.reason");
    // A redraw on other entries is refused.
    let mut other = entries();
    other.pop();
    let e = redraw(&three, &other, &request(&["emma"], None), Lang::En).unwrap_err();
    assert!(e.errors[0].message.starts_with("cannot redraw: refuted"));
    // A forged redraw (its winners edited) is refuted.
    let mut forged = three.clone();
    forged.drawings[2].alternates.reverse();
    assert!(!verify_certificate(&forged, &entries(), Lang::En).confirmed);
}

#[test]
fn draw_errors_name_their_field() {
    let bad_rules: RulesInput = serde_json::from_str(r#"{"winners": 0}"#).unwrap();
    let e = draw_winners(
        &entries(),
        &bad_rules,
        &seed("  "),
        &DrawOptions {
            title: None,
            drawn_at: Some("yesterday".into()),
        },
        Lang::En,
    )
    .unwrap_err();
    let fields: Vec<&str> = e.errors.iter().map(|x| x.field.as_str()).collect();
    assert_eq!(fields, ["rules.winners", "seed.value", "drawn_at"]);
    assert!(e
        .to_string()
        .starts_with("rules.winners: a whole number from 1 to 1000"));
}

#[test]
fn the_ranking_does_not_depend_on_the_order_of_entries() {
    let mut reversed = entries();
    reversed.reverse();
    let rules = RulesInput {
        per: Per::Comment,
        winners: 3.0.into(),
        alternates: 3.0.into(),
        ..RulesInput::default()
    };
    let a = draw_winners(
        &entries(),
        &rules,
        &seed("x"),
        &DrawOptions::default(),
        Lang::En,
    )
    .unwrap();
    let b = draw_winners(
        &reversed,
        &rules,
        &seed("x"),
        &DrawOptions::default(),
        Lang::En,
    )
    .unwrap();
    assert_eq!(a.drawings, b.drawings);
    let tickets = |c: &Certificate| c.draw_file.split_once("\n\n").unwrap().1.to_string();
    assert_eq!(tickets(&a), tickets(&b));
    assert_ne!(
        a.fingerprint, b.fingerprint,
        "the entries' order is part of the fingerprint"
    );
}

#[test]
fn entries_pass_through_json_as_the_page_sends_them() {
    let list: EntryList = serde_json::from_str(&fixture("entries.json")).unwrap();
    assert_eq!(list.0, entries());
    let plain = read_entries("list.txt", &fixture("list.txt")).unwrap();
    let authors: Vec<&str> = plain.iter().map(|e| e.author.as_str()).collect();
    assert_eq!(authors, ["@Anna", "bob", "Chloé", "@anna", "David"]);
    assert_eq!(plain[2].origin.line, 4);
}

#[test]
fn large_draws_stay_fast() {
    // 100 000 comments from 50 000 people, a 200-name exclusion list: linear work.
    let entries: Vec<EntryRow> = (0..100_000u32)
        .map(|i| EntryRow {
            id: Some(format!("c{i}")),
            parent_id: None,
            author: format!("@user{}", i % 50_000),
            profile: None,
            link: None,
            date: None,
            text: format!("#concours @friend{i}"),
            likes: None,
            origin: social_roi::Origin {
                file: 0,
                line: u64::from(i) + 2,
            },
        })
        .collect();
    let rules = RulesInput {
        min_mentions: 1.0.into(),
        keywords: vec!["#concours".into()],
        exclude: (0..200).map(|i| format!("user{i}")).collect(),
        winners: 10.0.into(),
        ..RulesInput::default()
    };
    let start = std::time::Instant::now();
    let cert = draw_winners(
        &entries,
        &rules,
        &seed("s"),
        &DrawOptions::default(),
        Lang::En,
    )
    .unwrap();
    assert_eq!(cert.counts.people, 49_800);
    assert_eq!(cert.counts.excluded, 100_000 - 49_800);
    assert!(verify_certificate(&cert, &entries, Lang::En).confirmed);
    let took = start.elapsed();
    assert!(took.as_secs() < 60, "took {took:?}");
}

// ---------------------------------------------------------------------------------------------
// Fairness
//
// The seeds are a fixed list ("fairness 0", "fairness 1", …), so these tests are deterministic:
// they cannot flake. The bounds are what a fair draw meets with overwhelming probability: each
// count within 5 standard deviations of its binomial expectation (a fair draw exceeds that in
// about one cell in 1.7 million), so a pass says the scheme is fair and a biased scheme (first
// entrant favoured, weights ignored or squared) fails by hundreds of deviations.
// ---------------------------------------------------------------------------------------------

const DRAWS: usize = 20_000;

fn within_bounds(label: &str, count: usize, p: f64) {
    let n = DRAWS as f64;
    let expected = n * p;
    let sd = (n * p * (1.0 - p)).sqrt();
    let z = (count as f64 - expected) / sd;
    assert!(
        z.abs() < 5.0,
        "{label}: {count} of {DRAWS}, expected {expected:.0} ± {sd:.0} (z = {z:.2})"
    );
}

fn plain(names: &[&str]) -> Vec<EntryRow> {
    read_entries("list.txt", &names.join("\n")).unwrap()
}

/// Who comes first and second, over the fixed seeds.
fn tally(entries: &[EntryRow], rules: &RulesInput) -> BTreeMap<(usize, String), usize> {
    let mut counts = BTreeMap::new();
    for i in 0..DRAWS {
        let cert = draw_winners(
            entries,
            rules,
            &seed(&format!("fairness {i}")),
            &DrawOptions::default(),
            Lang::En,
        )
        .unwrap();
        let d = &cert.drawings[0];
        for (place, p) in d.winners.iter().chain(&d.alternates).enumerate() {
            *counts.entry((place, p.entrant.clone())).or_insert(0) += 1;
        }
    }
    counts
}

#[test]
fn every_entrant_wins_as_often_as_the_others() {
    let people = [
        "ana", "ben", "chloé", "dan", "eva", "farid", "gus", "hana", "ivo", "jade",
    ];
    let rules = RulesInput {
        winners: 2.0.into(),
        ..RulesInput::default()
    };
    let counts = tally(&plain(&people), &rules);
    for who in people {
        for place in 0..2 {
            let c = counts.get(&(place, who.to_string())).copied().unwrap_or(0);
            within_bounds(&format!("{who} at place {}", place + 1), c, 0.1);
        }
    }
}

#[test]
fn weights_are_respected() {
    // ana holds 3 tickets (a bonus of 2), the others 1 each: 6 tickets.
    let rules: RulesInput = serde_json::from_str(
        r#"{"winners": 1, "alternates": 1, "bonus": [{"entrant": "ana", "entries": 2}]}"#,
    )
    .unwrap();
    let counts = tally(&plain(&["ana", "ben", "cid", "dan"]), &rules);
    let get = |place: usize, who: &str| counts.get(&(place, who.to_string())).copied().unwrap_or(0);
    // First place: 3/6 for ana, 1/6 for each other.
    within_bounds("ana first", get(0, "ana"), 0.5);
    for who in ["ben", "cid", "dan"] {
        within_bounds(&format!("{who} first"), get(0, who), 1.0 / 6.0);
    }
    // Second place, drawn among the rest in proportion to tickets: ana is second when one of the
    // three others is first (1/6 each) and ana's 3 tickets beat the 2 left (3/5): 3 × 1/6 × 3/5.
    within_bounds("ana second", get(1, "ana"), 0.3);

    // One ticket per comment works the same: 3 comments are 3 tickets.
    let rules = RulesInput {
        per: Per::Comment,
        ..RulesInput::default()
    };
    let mut entries = plain(&["ana", "ana", "ana", "ben", "cid", "dan"]);
    for (i, e) in entries.iter_mut().enumerate() {
        e.text = format!("comment {i}");
    }
    let counts = tally(&entries, &rules);
    within_bounds(
        "ana first, by comments",
        counts.get(&(0, "ana".to_string())).copied().unwrap_or(0),
        0.5,
    );
}
