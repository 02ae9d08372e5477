//! The page's spreadsheet module (`www/pkg/sheets/`, this crate built for wasm32): the core's
//! spreadsheet readers (calamine, zip and the XML reader, with the checks in front of them)
//! without the rest of the core. The full bundle leaves them out; when it meets a workbook (a
//! dropped one, or one inside an archive) it hands the bytes to this module through the
//! reader its host registered and replays the rows and problems of the answer
//! (`social_roi::read_workbook`; the form is in the core's `import/workbook`). The worker
//! fetches it only once a spreadsheet is dropped.

#[cfg(target_arch = "wasm32")]
mod module;

#[cfg(target_arch = "wasm32")]
pub use module::read_workbook_js;

use social_roi::{read_workbook, FileKind, WorkbookRequest};

/// The kind of workbook its name in the answer's call says: `xlsx`, `xls` or `ods`.
pub fn workbook_kind(name: &str) -> Option<FileKind> {
    match name {
        "xlsx" => Some(FileKind::Xlsx),
        "xls" => Some(FileKind::Xls),
        "ods" => Some(FileKind::Ods),
        _ => None,
    }
}

/// Reads the workbook `bytes` of kind `kind` (see [`workbook_kind`]), named `display` in
/// reports, which may still unpack `budget_left` bytes: the answer the full bundle replays,
/// or why the call itself is wrong.
pub fn read(bytes: &[u8], kind: &str, display: &str, budget_left: f64) -> Result<Vec<u8>, String> {
    let kind = workbook_kind(kind).ok_or_else(|| format!("not a kind of workbook: {kind}"))?;
    if budget_left.is_nan() || budget_left < 0.0 {
        return Err(format!("not a budget: {budget_left}"));
    }
    let request = WorkbookRequest {
        bytes,
        kind,
        display,
        // Saturating: a budget is at most a gibibyte, exact in an f64.
        budget_left: budget_left as u64,
    };
    Ok(read_workbook(&request))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_call_is_said() {
        assert_eq!(
            read(b"", "csv", "a.csv", 1.0).unwrap_err(),
            "not a kind of workbook: csv"
        );
        assert!(read(b"", "xlsx", "a.xlsx", f64::NAN).is_err());
        assert!(read(b"", "xlsx", "a.xlsx", -1.0).is_err());
    }

    #[test]
    fn a_damaged_workbook_is_answered_with_its_problem() {
        let answer = read(b"PK\x03\x04cut", "xlsx", "a.xlsx", 1e9).unwrap();
        assert!(answer.starts_with(b"SRW1"));
        // No sheet began; one error, named after the file.
        assert_eq!(answer[12], 4);
        assert_eq!(&answer[13..17], &6u32.to_le_bytes());
        assert_eq!(&answer[17..23], b"a.xlsx");
    }
}
