//! A certificate (JSON) checked against entries (a CSV), cut at 0xFF: no panic, a verdict.
#![no_main]
use social_roi::{read_certificate, verify_certificate, ImportOptions, Lang, Workspace};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let p = social_roi_fuzz::parts(data, 2);
    let Ok(text) = std::str::from_utf8(p[0]) else {
        return;
    };
    let Ok(cert) = read_certificate("certificate.json", text, Lang::En) else {
        return;
    };
    let mut ws = Workspace::new(ImportOptions::default());
    ws.add("entries.csv", p[1]);
    let v = verify_certificate(&cert, &ws.dataset().records.entries, Lang::Fr);
    serde_json::to_string(&v).expect("a verdict serialises");
});
