//! A contest's input (JSON) and its entries (a CSV), cut at 0xFF: no panic, no figure that
//! is not finite.
#![no_main]
use social_roi::{compute_contest, ContestInput, ImportOptions, Lang, Workspace};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let p = social_roi_fuzz::parts(data, 2);
    let Ok(input) = serde_json::from_slice::<ContestInput>(p[0]) else {
        return;
    };
    let mut ws = Workspace::new(ImportOptions::default());
    ws.add("comments.csv", p[1]);
    let report = compute_contest(&input, &ws.dataset().records.entries, Lang::Fr);
    social_roi_fuzz::finite_json(&serde_json::to_value(&report).expect("serialises"));
});
