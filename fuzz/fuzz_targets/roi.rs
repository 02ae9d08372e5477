//! The ROI calculator's input (JSON, as the page and the command line send it): no panic,
//! no figure that is not finite.
#![no_main]
use social_roi::{compute_roi, Lang, RoiInput};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(input) = serde_json::from_slice::<RoiInput>(data) else {
        return;
    };
    for lang in [Lang::En, Lang::Fr] {
        let report = compute_roi(&input, lang);
        social_roi_fuzz::finite_json(&serde_json::to_value(&report).expect("serialises"));
    }
});
