//! The XLSX reader on whole files, as dropped (the zip container included).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| social_roi_fuzz::read_file("book.xlsx", data));
