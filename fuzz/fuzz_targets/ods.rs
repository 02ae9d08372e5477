//! The ODS reader, structure-aware: the input is `content.xml`, put into a real workbook
//! (tests/fixtures) and read through the workspace and the analysis (see src/lib.rs).
#![no_main]
const BASE: &[u8] =
    include_bytes!("../../tests/fixtures/import/linkedin/acme_visitors_1714435200000.ods");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let book = social_roi_fuzz::rezip(BASE, &[("content.xml", data)]);
    social_roi_fuzz::read_file("acme_visitors_1714435200000.ods", &book);
});
