//! A draw: entries (a CSV read through the workspace), rules (JSON) and a seed, cut at 0xFF.
//! Whatever they are: no panic; a draw that is made verifies against its own entries, and
//! the same inputs draw the same winners.
#![no_main]
use social_roi::{
    draw_winners, prepare_draw, verify_certificate, DrawOptions, ImportOptions, Lang, RulesInput,
    SeedInput, SeedKind, Workspace,
};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let p = social_roi_fuzz::parts(data, 3);
    let mut ws = Workspace::new(ImportOptions::default());
    ws.add("entries.csv", p[0]);
    let entries = ws.dataset().records.entries.clone();
    let Ok(rules) = serde_json::from_slice::<RulesInput>(p[1]) else {
        return;
    };
    let _ = prepare_draw(&entries, &rules, Lang::Fr);
    let seed = SeedInput {
        kind: SeedKind::Public,
        value: String::from_utf8_lossy(p[2]).into_owned(),
        source: Some("fuzz".into()),
        chain: None,
        beacon: Vec::new(),
    };
    let options = DrawOptions {
        title: None,
        drawn_at: Some("2026-06-12T20:00:00Z".into()),
    };
    if let Ok(cert) = draw_winners(&entries, &rules, &seed, &options, Lang::En) {
        let v = verify_certificate(&cert, &entries, Lang::En);
        assert!(v.confirmed, "{}", v.summary);
        let again = draw_winners(&entries, &rules, &seed, &options, Lang::En).expect("again");
        assert_eq!(
            serde_json::to_string(&cert).unwrap(),
            serde_json::to_string(&again).unwrap()
        );
    }
});
