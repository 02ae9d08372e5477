//! The XLSX reader, structure-aware: the input is a sheet's XML, the shared strings' and the
//! styles', cut at 0xFF, put into a real workbook (tests/fixtures) and read through the
//! workspace and the analysis (see src/lib.rs). `xlsx_raw` mutates whole files.
#![no_main]
const BASE: &[u8] =
    include_bytes!("../../tests/fixtures/import/linkedin/acme_followers_1714435200000.xlsx");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let p = social_roi_fuzz::parts(data, 3);
    let book = social_roi_fuzz::rezip(
        BASE,
        &[
            ("xl/worksheets/sheet1.xml", p[0]),
            ("xl/sharedStrings.xml", p[1]),
            ("xl/styles.xml", p[2]),
        ],
    );
    social_roi_fuzz::read_file("acme_followers_1714435200000.xlsx", &book);
});
