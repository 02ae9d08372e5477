//! Suspicious entrants on an authored comment export (`tests/fixtures/draw/suspicious_comments.csv`,
//! read as the page reads it): each flag with its reason, worked out by hand below; none
//! excludes anyone until the organiser turns its kind on as a rule, which the certificate then
//! records and a verification recomputes.

use social_roi::{
    draw_winners, prepare_draw, verify_certificate, Date, DrawOptions, DrawSession, Entries,
    ImportOptions, Lang, Prepared, RulesInput, SeedInput, SeedKind, Suspicion, Workspace,
};

fn entries() -> Entries {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/draw/suspicious_comments.csv"
    );
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 6, 30),
    });
    let id = ws.add("suspicious_comments.csv", &std::fs::read(path).unwrap());
    assert!(!ws.report(id).unwrap().has_errors());
    let entries = ws.dataset().records.entries.clone();
    assert_eq!(entries.len(), 12);
    entries
}

fn prepared(rules: &RulesInput, lang: Lang) -> Prepared {
    let p = prepare_draw(&entries(), rules, lang);
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    p.prepared.unwrap()
}

/// The entrants flagged for `kind`.
fn flagged(p: &Prepared, kind: Suspicion) -> Vec<&str> {
    p.suspicious
        .iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.entrant.as_str())
        .collect()
}

const FARM: [&str; 5] = [
    "emma.7730152",
    "jade84920571",
    "lucas_20481937",
    "noah19283746",
    "user58213",
];

#[test]
fn each_pattern_is_flagged_with_its_reason() {
    let p = prepared(&RulesInput::default(), Lang::En);
    // Lines 5–7 write "Super concours, je participe avec plaisir" (6 words; "!!" and the
    // mentions aside): three accounts.
    assert_eq!(
        flagged(&p, Suspicion::SameText),
        ["emma.7730152", "jade84920571", "lucas_20481937"]
    );
    // Lines 5–9: five handles ending in 4+ digits or `user` and digits, from 14:00:10 to
    // 14:06:30. chloe1998 looks new too, but enters alone the next day.
    assert_eq!(flagged(&p, Suspicion::NewHandleBurst), FARM);
    // The same five tag exactly @gift.hub and @win.daily.
    assert_eq!(flagged(&p, Suspicion::TagFarm), FARM);
    // marie.dupont and Marie_Dupont2: the same letters, "mariedupont".
    assert_eq!(
        flagged(&p, Suspicion::SeveralSpellings),
        ["marie.dupont", "marie_dupont2"]
    );
    let farm = p
        .suspicious
        .iter()
        .find(|f| f.kind == Suspicion::TagFarm && f.entrant == "jade84920571")
        .unwrap();
    assert_eq!(
        farm.reason,
        "tags the same people as emma.7730152, lucas_20481937, noah19283746 and 1 more: @gift.hub, @win.daily"
    );
    assert_eq!(farm.lines, [5]);
    let burst = &p
        .suspicious
        .iter()
        .find(|f| f.kind == Suspicion::NewHandleBurst)
        .unwrap();
    assert_eq!(
        burst.reason,
        "a new-looking handle among 5 entering within 10 minutes"
    );
    // A flag is a question, not an exclusion: all 12 people are in the draw.
    assert!(p.suspicious.iter().all(|f| !f.excluded));
    assert_eq!((p.counts.people, p.counts.excluded), (12, 0));
    assert!(!p.draw_file.contains("exclude_suspicious"));
    let kinds: Vec<(Suspicion, usize, bool)> = p
        .suspicion_kinds
        .iter()
        .map(|k| (k.kind, k.flagged, k.excluded))
        .collect();
    assert_eq!(
        kinds,
        [
            (Suspicion::SameText, 3, false),
            (Suspicion::NewHandleBurst, 5, false),
            (Suspicion::TagFarm, 5, false),
            (Suspicion::SeveralSpellings, 2, false)
        ]
    );
    // 15 flags name 7 entrants (the farm's five, each two or three times, and the two
    // spellings of Marie Dupont); a page of one
    // kind's flags is that kind's, in order, from its offset.
    assert_eq!((p.suspicious.len(), p.flagged_entrants()), (15, 7));
    let page: Vec<&str> = p
        .suspicious_of(Suspicion::TagFarm, 1, 3)
        .iter()
        .map(|f| f.entrant.as_str())
        .collect();
    assert_eq!(page, FARM[1..4]);
    assert!(p.suspicious_of(Suspicion::SameText, 3, 10).is_empty());
}

#[test]
fn in_french() {
    let p = prepared(&RulesInput::default(), Lang::Fr);
    let f = p
        .suspicious
        .iter()
        .find(|f| f.kind == Suspicion::SeveralSpellings)
        .unwrap();
    assert_eq!(
        f.reason,
        "peut-être la même personne que marie_dupont2 (mêmes lettres\u{a0}: mariedupont)"
    );
    assert_eq!(
        Suspicion::TagFarm.label(Lang::Fr),
        "Des comptes qui identifient les mêmes personnes"
    );
}

/// The flags as a preparation from scratch in `lang` says them, and as a session says them.
fn said(flags: &[social_roi::SuspiciousEntrant]) -> Vec<(String, Suspicion, String, bool)> {
    let row = |f: &social_roi::SuspiciousEntrant| {
        (f.entrant.clone(), f.kind, f.reason.clone(), f.excluded)
    };
    flags.iter().map(row).collect()
}

#[test]
fn a_session_switching_language_says_what_a_fresh_preparation_says() {
    let rules = RulesInput {
        exclude_suspicious: vec![Suspicion::SameText],
        ..RulesInput::default()
    };
    let fresh = |lang| said(&prepared(&rules, lang).suspicious);
    let (en, fr) = (fresh(Lang::En), fresh(Lang::Fr));
    assert_ne!(en, fr);
    // Every kind is said in both, with its other entrants and what they share.
    assert!(Suspicion::ALL.iter().all(|k| fr.iter().any(|f| f.1 == *k)));
    let entries = entries();
    // The flags found before any preparation, then said in the other language.
    let mut session = DrawSession::new(&entries);
    let before: Vec<_> = said(session.suspicious(&entries, Lang::En));
    assert_eq!(before.len(), en.len());
    let unmarked = |v: &[(String, Suspicion, String, bool)]| -> Vec<_> {
        v.iter().map(|f| (f.0.clone(), f.1, f.2.clone())).collect()
    };
    assert_eq!(unmarked(&before), unmarked(&en));
    assert_eq!(
        unmarked(&said(session.suspicious(&entries, Lang::Fr))),
        unmarked(&fr)
    );
    // A preparation in French from the flags kept in French, then one in English from it.
    let p = session.prepare(&entries, &rules, Lang::Fr).unwrap();
    assert_eq!(said(&p.suspicious), fr);
    let p = session.prepare(&entries, &rules, Lang::En).unwrap();
    assert_eq!(said(&p.suspicious), en);
    assert_eq!(said(session.suspicious(&entries, Lang::Fr)), fr);
    // New rules after a change of language: the kept flags, said in the new one.
    let other = RulesInput::default();
    let p = session.prepare(&entries, &other, Lang::En).unwrap();
    let want = said(&prepared(&other, Lang::En).suspicious);
    assert_eq!(said(&p.suspicious), want);
}

#[test]
fn a_rule_the_organiser_turns_on_excludes_and_is_recorded() {
    let rules = RulesInput {
        exclude_suspicious: vec![Suspicion::TagFarm],
        winners: 3.0.into(),
        ..RulesInput::default()
    };
    let p = prepared(&rules, Lang::En);
    assert_eq!((p.counts.people, p.counts.excluded), (7, 5));
    let mut session = DrawSession::new(&entries());
    session.prepare(&entries(), &rules, Lang::En).unwrap();
    let exclusions = session.exclusions(&entries(), None, 0, 100, Lang::En);
    let excluded: Vec<&str> = exclusions
        .iter()
        .map(|x| x.entrant.as_deref().unwrap())
        .collect();
    assert_eq!(
        excluded,
        [
            "jade84920571",
            "lucas_20481937",
            "emma.7730152",
            "user58213",
            "noah19283746"
        ]
    );
    assert_eq!(
        exclusions[0].message,
        "Accounts tagging the same people: a rule of this draw (see the suspicious entrants)"
    );
    // Only the tag farm's flags exclude; the others stay questions.
    assert!(p
        .suspicious
        .iter()
        .all(|f| f.excluded == (f.kind == Suspicion::TagFarm)));
    // The rule is in the draw file, so in the fingerprint and the certificate.
    assert!(
        p.draw_file.contains(r#""exclude_suspicious":["tag_farm"]"#),
        "{}",
        p.draw_file
    );
    let seed = SeedInput {
        kind: SeedKind::Public,
        value: "beacon 42".into(),
        source: None,
        ..SeedInput::default()
    };
    let cert = draw_winners(&entries(), &rules, &seed, &DrawOptions::default(), Lang::En).unwrap();
    assert_eq!(cert.rules.exclude_suspicious, [Suspicion::TagFarm]);
    assert!(cert.drawings[0]
        .winners
        .iter()
        .all(|w| !FARM.contains(&w.entrant.as_str())));
    let v = verify_certificate(&cert, &entries(), Lang::En);
    assert!(v.confirmed, "{v:?}");
}
