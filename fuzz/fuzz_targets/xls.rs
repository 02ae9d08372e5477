//! The xls reader through the workspace and the analysis (see src/lib.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| social_roi_fuzz::read_file(
    "acme_content_1714435200000.xls",
    data
));
