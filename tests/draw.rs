//! The draw core: the fixture certificate, verification, redraws, a million generated entries
//! against the results recorded before the draw was rewritten for scale, and fairness over
//! many seeds.

#[path = "support/draw_gen.rs"]
mod draw_gen;

use social_roi::{
    draw_winners, exclusions_by_reason, read_certificate, read_entries, redraw, sha256_hex,
    ticket_score, verify_certificate, Certificate, DrawOptions, DrawScheme, DrawSession, Entries,
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

fn entries() -> Entries {
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
        ..SeedInput::default()
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
            ..SeedInput::default()
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
    changed.update(7, |e| e.text = "#concours @tom".into()); // zoé.k now tags someone
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
    reworded.update(6, |e| e.text = "trop bien @julie_m !".into()); // sam, excluded, stays excluded
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
    assert_eq!(renamed.get(14).unwrap().author(), "hugo");
    renamed.update(14, |e| e.author = "hugo2".into());
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
    let reversed: Entries = entries().to_vec().into_iter().rev().collect();
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
    assert_eq!(list.0, entries().to_vec());
    let plain = read_entries("list.txt", &fixture("list.txt")).unwrap();
    let authors: Vec<&str> = plain.iter().map(|e| e.author()).collect();
    assert_eq!(authors, ["@Anna", "bob", "Chloé", "@anna", "David"]);
    assert_eq!(plain.get(2).unwrap().origin().line, 4);
}

#[test]
fn large_draws_stay_fast() {
    // 100 000 comments from 50 000 people, a 200-name exclusion list: linear work.
    let entries: Entries = (0..100_000u32)
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

#[test]
fn a_first_version_certificate_still_verifies_and_redraws() {
    // Its exclusions are a list of objects; a redraw writes this version's format.
    let v1 = read_certificate(
        "certificate-v1.json",
        &fixture("certificate-v1.json"),
        Lang::En,
    )
    .unwrap();
    assert_eq!(v1.format, "social-roi draw certificate 1");
    assert_eq!(v1.exclusions, fixture_draw().exclusions);
    assert!(verify_certificate(&v1, &entries(), Lang::En).confirmed);
    let input = RedrawInput {
        disqualify: vec!["karim.b".into()],
        reason: "did not answer".into(),
        seed: None,
        drawn_at: None,
    };
    let two = redraw(&v1, &entries(), &input, Lang::En).unwrap();
    assert_eq!(two.format, "social-roi draw certificate 2");
    assert_eq!(two.drawings[0], v1.drawings[0]);
    assert!(verify_certificate(&two, &entries(), Lang::En).confirmed);
}

#[test]
fn a_session_prepares_once_and_lists_exclusions_page_by_page() {
    let entries = entries();
    let mut session = DrawSession::new(&entries);
    let rules = rules();
    let prepared = session.prepare(&entries, &rules, Lang::Fr).unwrap().clone();
    let cert = session
        .draw(
            &entries,
            &rules,
            &seed("04 11 23 38 47 + 02 09"),
            &DrawOptions::default(),
            Lang::Fr,
        )
        .unwrap();
    assert_eq!(cert.fingerprint, prepared.fingerprint);
    assert_eq!(cert.drawings[0].winners, fixture_draw().drawings[0].winners);
    assert_eq!(cert.exclusions, prepared.excluded());
    assert!(session.verify(&entries, &cert, Lang::Fr).confirmed);
    let all = session.exclusions(&entries, None, 0, usize::MAX, Lang::Fr);
    assert_eq!(all.len(), cert.counts.excluded);
    assert_eq!(all[0].author, "atelier.lumiere");
    assert_eq!(all[0].message, "un commentaire de l’organisateur");
    let page = session.exclusions(&entries, None, 3, 2, Lang::En);
    assert_eq!(
        page,
        session.exclusions(&entries, None, 0, 99, Lang::En)[3..5]
    );
    let dup = session.exclusions(
        &entries,
        Some(social_roi::ExclusionReason::DuplicateId),
        0,
        9,
        Lang::En,
    );
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].message, "the same comment id as line 13");
    // The rules changed: a new preparation; back to these: the same fingerprint again.
    let other = RulesInput {
        winners: 3.0.into(),
        ..rules.clone()
    };
    assert_ne!(
        session
            .prepare(&entries, &other, Lang::Fr)
            .unwrap()
            .fingerprint,
        cert.fingerprint
    );
    assert_eq!(
        session
            .prepare(&entries, &rules, Lang::En)
            .unwrap()
            .fingerprint,
        cert.fingerprint
    );
    assert_eq!(
        session
            .prepare(&entries, &rules, Lang::En)
            .unwrap()
            .warnings,
        prepared.warnings
    );
}

/// What the draw gave on [`draw_gen::entries`]`(1_000_000, 9)` before it was rewritten for
/// scale (recorded once with the code of issue 8): the draw must not change.
struct Recorded {
    fingerprint: &'static str,
    counts: [usize; 5],
    picks: &'static [&'static str],
    by_reason: &'static [(&'static str, usize)],
    /// SHA-256 of every exclusion, one line each: index, reason (as Rust's `Debug` writes it),
    /// entrant, author, line, message.
    exclusions: &'static str,
    warnings: &'static [&'static str],
    first_score: &'static str,
}

fn rules_at_scale(e: &Entries) -> RulesInput {
    // Names and profiles taken from the entries themselves, so that every rule matches someone.
    let mut exclude: Vec<String> = (0..200)
        .map(|i| e.get(100 + 37 * i).unwrap().author().to_string())
        .collect();
    exclude.extend(
        e.iter()
            .filter_map(|x| x.profile().map(str::to_string))
            .skip(50)
            .step_by(1000)
            .take(50),
    );
    exclude.push("nobody at all".into());
    let profile_bonus = e.iter().filter_map(|x| x.profile()).nth(7000).unwrap();
    serde_json::from_value(serde_json::json!({
        "per": "comment", "winners": 5, "alternates": 5, "min_mentions": 1,
        "keywords": ["#concours"], "from": "2026-06-02", "until": "2026-06-18T12:00+02:00",
        "organiser": e.get(10).unwrap().author(), "exclude": exclude,
        "bonus": [{"entrant": e.get(5000).unwrap().author(), "entries": 3}, {"entrant": e.get(6000).unwrap().author(), "entries": 1},
                  {"entrant": profile_bonus, "entries": 2}, {"entrant": "zed", "entries": 1}],
        "bonus_per_mention": 1, "max_entries": 5
    }))
    .unwrap()
}

fn check_recorded(
    (entries, session): (&Entries, &mut DrawSession),
    rules: &RulesInput,
    want: &Recorded,
) {
    let seed = seed("1M entries");
    let c = session
        .draw(entries, rules, &seed, &DrawOptions::default(), Lang::En)
        .unwrap();
    assert_eq!(
        c.entries_sha256,
        "0b02c4b4c25a4e58662905d0aba3832be8500db95bd1c6ac3b44d1108f21564d"
    );
    assert_eq!(c.fingerprint, want.fingerprint);
    let n = &c.counts;
    assert_eq!(
        [
            n.entries,
            n.eligible,
            n.excluded,
            n.people,
            n.tickets as usize
        ],
        want.counts
    );
    let d = &c.drawings[0];
    let picks: Vec<String> = d
        .winners
        .iter()
        .chain(&d.alternates)
        .map(|p| format!("{}|{}|{}|{}", p.entrant, p.rank, p.tickets, p.ticket))
        .collect();
    assert_eq!(picks, want.picks);
    assert_eq!(d.winners[0].score, want.first_score);
    let by: Vec<(String, usize)> = exclusions_by_reason(&c.exclusions, Lang::En)
        .into_iter()
        .map(|r| {
            (
                serde_json::to_value(r.reason)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_string(),
                r.count,
            )
        })
        .collect();
    let want_by: Vec<(String, usize)> = want
        .by_reason
        .iter()
        .map(|(r, k)| (r.to_string(), *k))
        .collect();
    assert_eq!(by, want_by);
    let mut listed = String::new();
    for x in session.exclusions(entries, None, 0, usize::MAX, Lang::En) {
        use std::fmt::Write;
        let _ = writeln!(
            listed,
            "{}\t{:?}\t{:?}\t{}\t{}\t{}",
            x.index, x.reason, x.entrant, x.author, x.line, x.message
        );
    }
    assert_eq!(sha256_hex(listed.as_bytes()), want.exclusions);
    let warnings: Vec<&str> = c.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings, want.warnings);
    // The certificate stays small, reads back the same, and verifies without preparing again.
    let json = serde_json::to_string_pretty(&c).unwrap();
    assert!(json.len() < 16_000_000, "{} bytes", json.len());
    let back = read_certificate("c.json", &json, Lang::En).unwrap();
    assert_eq!(back, c);
    assert!(session.verify(entries, &back, Lang::En).confirmed);
}

#[test]
fn a_million_entries_draw_as_they_did() {
    let entries = draw_gen::entries(1_000_000, 9);
    // One session for both rules: the entries are read once.
    let mut session = DrawSession::new(&entries);
    check_recorded(
        (&entries, &mut session),
        &RulesInput::default(),
        &Recorded {
            fingerprint: "652507a855e7b817360e9ee092bd778014bc0cfba447c3d025da81d20ae3d226",
            counts: [1_000_000, 235_430, 764_570, 235_430, 235_430],
            picks: &["sarah.bernard8860|1|1|sarah.bernard8860\t1"],
            by_reason: &[
                ("no_author", 1738),
                ("duplicate_id", 4900),
                ("reply", 29292),
                ("already_entered", 728_640),
            ],
            exclusions: "8aa92cb5752acb369810543ab646d911fce8953b3aa70c25f380b977e6fb2310",
            warnings: &[],
            first_score: "00001334a543a24917909f896184be5b8079b306f98c6a65e3f1c9e2d4f9713f",
        },
    );
    check_recorded((&entries, &mut session), &rules_at_scale(&entries), &Recorded {
        fingerprint: "4341b4315732eb876f85b95b9bade66444bdb14c9bc01ec92fed7d094a2669cf",
        counts: [1_000_000, 305_944, 694_056, 123_810, 348_044],
        picks: &[
            "linaleroy1281|1|2|linaleroy1281\t1", "tom_dubois209|2|3|tom_dubois209\t1",
            "adamrichard5046|3|4|adamrichard5046\t2", "noahpetit467|4|1|noahpetit467\t1",
            "tomrichard7814|5|4|tomrichard7814\t4", "σοφια.lefebvre6807|6|2|σοφια.lefebvre6807\t1",
            "élodie.martin7032|7|3|élodie.martin7032\t2",
            "chloé robert [instagram.com/chloé.robert]|8|5|chloé robert [instagram.com/chloé.robert]\t4",
            "manon.garcia2865|9|5|manon.garcia2865\t2", "camillesimon3474|10|3|camillesimon3474\t1",
        ],
        by_reason: &[
            ("no_author", 1738), ("duplicate_id", 4900), ("organiser", 2179), ("excluded", 120_144),
            ("reply", 25630), ("no_date", 8555), ("before_start", 33932), ("after_end", 110_141),
            ("missing_keyword", 253_987), ("too_few_mentions", 117_310), ("same_text", 15540),
        ],
        exclusions: "c88248759843bf3068dced8f2f09407eafd8d609951052d7c38cb533ffda1d49",
        warnings: &[
            "nobody in the entries matches these excluded names (a typo?): https://www.instagram.com/gabriel_martin102, lucas durand, nobody at all",
            "these bonus entries go to nobody, as no eligible entry matches: paul lefebvre, zed",
        ],
        first_score: "00004b07a40312789485273492151695538e0a0241aeb77255e6aaa95cc4e153",
    });
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

fn plain(names: &[&str]) -> Entries {
    read_entries("list.txt", &names.join("\n")).unwrap()
}

/// Who comes first and second, over the fixed seeds.
fn tally(entries: &Entries, rules: &RulesInput) -> BTreeMap<(usize, String), usize> {
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
    let mut entries = plain(&["ana", "ana", "ana", "ben", "cid", "dan"]).to_vec();
    for (i, e) in entries.iter_mut().enumerate() {
        e.text = format!("comment {i}");
    }
    let entries = Entries::from(entries);
    let counts = tally(&entries, &rules);
    within_bounds(
        "ana first, by comments",
        counts.get(&(0, "ana".to_string())).copied().unwrap_or(0),
        0.5,
    );
}

/// Who comes first and second under RFC 3797, over the fixed sources `i` and `i + 7`.
fn tally_rfc3797(entries: &Entries, rules: &RulesInput) -> BTreeMap<(usize, String), usize> {
    let mut counts = BTreeMap::new();
    for i in 0..DRAWS {
        let cert = draw_winners(
            entries,
            rules,
            &seed(&format!("{i} / {}", i + 7)),
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
fn rfc3797_respects_weights_too() {
    let rules: RulesInput = serde_json::from_str(
        r#"{"winners": 1, "alternates": 1, "scheme": "rfc3797",
            "bonus": [{"entrant": "ana", "entries": 2}]}"#,
    )
    .unwrap();
    let counts = tally_rfc3797(&plain(&["ana", "ben", "cid", "dan"]), &rules);
    let get = |place: usize, who: &str| counts.get(&(place, who.to_string())).copied().unwrap_or(0);
    within_bounds("ana first", get(0, "ana"), 0.5);
    for who in ["ben", "cid", "dan"] {
        within_bounds(&format!("{who} first"), get(0, who), 1.0 / 6.0);
    }
    within_bounds("ana second", get(1, "ana"), 0.3);
}

#[test]
fn an_rfc3797_certificate_is_checked_selection_by_selection() {
    let rules = RulesInput {
        scheme: DrawScheme::Rfc3797,
        ..rules()
    };
    let e = entries();
    let cert = draw_winners(
        &e,
        &rules,
        &seed("9319 / 2 5 12 8 10 / 9 18 26 34 41 45"),
        &DrawOptions::default(),
        Lang::En,
    )
    .unwrap();
    assert!(
        cert.draw_file.contains(r#","scheme":"rfc3797"}"#),
        "the fingerprint covers the scheme"
    );
    assert!(verify_certificate(&cert, &e, Lang::En).confirmed);
    let record = cert.drawings[0].rfc3797.as_ref().unwrap();
    assert_eq!(record.key, "9319./2.5.8.10.12./9.18.26.34.41.45./");
    assert_eq!(record.selections[0].md5, "990dd0a5692a029a98b5e01aa28f3459");
    assert_eq!(cert.drawings[0].winners[0].score, record.selections[0].md5);
    // One byte of a recorded MD5 changed: refuted.
    let mut forged = cert.clone();
    forged.drawings[0].rfc3797.as_mut().unwrap().selections[1]
        .md5
        .replace_range(0..1, "0");
    let v = verify_certificate(&forged, &e, Lang::En);
    assert!(!v.confirmed && v.checks.iter().any(|c| c.id == "drawings[0]" && !c.ok));
    // The same certificate under the first scheme's rules: another fingerprint, refuted.
    let mut other = cert.clone();
    other.rules.scheme = DrawScheme::Sha256;
    assert!(!verify_certificate(&other, &e, Lang::En).confirmed);
    // RFC 3797 takes public sources, not a generated seed, and numbers only.
    let generated = SeedInput {
        kind: SeedKind::Generated,
        value: "0123456789abcdef0123456789abcdef".into(),
        source: None,
        ..SeedInput::default()
    };
    let err = draw_winners(&e, &rules, &generated, &DrawOptions::default(), Lang::Fr).unwrap_err();
    assert_eq!(err.errors[0].field, "seed.kind");
    let err = draw_winners(
        &e,
        &rules,
        &seed("12 18 zéro"),
        &DrawOptions::default(),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(err.errors[0].field, "seed.value");
    assert!(
        err.errors[0].message.contains("n’est pas un nombre"),
        "{}",
        err.errors[0].message
    );
    // The first scheme writes neither `scheme` nor `rfc3797`.
    let plain = serde_json::to_string(&fixture_draw()).unwrap();
    assert!(!plain.contains("scheme") && !plain.contains("rfc3797"));
}
