//! The zip reader through the workspace and the analysis (see src/lib.rs).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| social_roi_fuzz::read_file(
    "Content_2025-06-01_2025-06-28.zip",
    data
));
