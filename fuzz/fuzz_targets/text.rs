//! The text reader through the workspace and the analysis (see src/lib.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| social_roi_fuzz::read_file(
    "tweet_activity_metrics_acme_20260301_20260331_en.csv",
    data
));
