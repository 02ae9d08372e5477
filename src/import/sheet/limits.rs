//! The sizes a workbook declares, checked before calamine allocates by them: an `.xls`
//! DIMENSIONS record, an `.xlsx` sheet's cell references and shared-string count. A damaged or
//! odd file could otherwise ask for more memory than a browser tab has.

use crate::import::archive::MAX_ENTRY_BYTES;
use crate::table::report::FileKind;
use std::io::{Cursor, Read};

/// The most cells a sheet may span here: the reader allocates every cell between the first
/// and the last filled one.
pub(crate) const MAX_CELLS: u64 = 5_000_000;

/// Checks a workbook's declared sizes (see the module head). `Err` says what is wrong.
pub(crate) fn check_sizes(kind: FileKind, bytes: &[u8]) -> Result<(), String> {
    match kind {
        FileKind::Xls => check_xls(bytes),
        FileKind::Xlsx => check_xlsx(bytes),
        _ => Ok(()),
    }
}

/// DIMENSIONS records (type 0x0200; 14 or 16 bytes in BIFF8, 10 in BIFF5), read as calamine
/// reads them, looked for in the raw bytes (the workbook stream is stored in order in the files
/// exports write).
fn check_xls(bytes: &[u8]) -> Result<(), String> {
    for len in [14u8, 16, 10] {
        let mut i = 0;
        while let Some(at) = find(&bytes[i..], &[0x00, 0x02, len, 0x00]) {
            let p = i + at + 4;
            if let Some(d) = bytes.get(p..p + usize::from(len)) {
                let cells = dimension_cells(d);
                if cells > MAX_CELLS {
                    return Err(too_many(cells));
                }
            }
            i += at + 1;
        }
    }
    Ok(())
}

/// The cells a DIMENSIONS record's body `d` spans (10 bytes in BIFF5, 14 or 16 in BIFF8), as
/// calamine computes them; 1 when it declares no cell.
pub(crate) fn dimension_cells(d: &[u8]) -> u64 {
    let w = |k: usize| u32::from(u16::from_le_bytes([d[k], d[k + 1]]));
    let (rf, rl, cf, cl) = if d.len() == 10 {
        (w(0), w(2), w(4), w(6))
    } else {
        let dw = |k: usize| u32::from_le_bytes([d[k], d[k + 1], d[k + 2], d[k + 3]]);
        (dw(0), dw(4), w(8), w(10))
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    if rl >= 1 && cl >= 1 {
        let rows = u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1));
        let cols = u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1));
        rows.saturating_mul(cols)
    } else {
        1
    }
}

/// Every sheet's span and the shared strings' count of an `.xlsx`.
fn check_xlsx(bytes: &[u8]) -> Result<(), String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    for i in 0..zip.len() {
        let Ok(mut entry) = zip.by_index(i) else {
            continue;
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let sheet = name.starts_with("xl/worksheets/") && name.ends_with(".xml");
        let strings = name == "xl/sharedStrings.xml";
        if !sheet && !strings {
            continue;
        }
        let mut xml = Vec::new();
        (&mut entry)
            .take(MAX_ENTRY_BYTES)
            .read_to_end(&mut xml)
            .map_err(|e| e.to_string())?;
        if strings {
            check_shared_strings(&xml)?;
        } else {
            let cells = sheet_span(&xml);
            if cells > MAX_CELLS {
                return Err(too_many(cells));
            }
        }
    }
    Ok(())
}

/// The shared strings' declared count must fit in their bytes.
fn check_shared_strings(xml: &[u8]) -> Result<(), String> {
    if let Some(n) = attribute_number(xml, b"uniqueCount=\"") {
        // Each string takes at least `<si><t/></si>`.
        if n > xml.len() as u64 / 8 + 16 {
            return Err("the shared strings count is damaged".into());
        }
    }
    Ok(())
}

/// What a sheet too large to read says.
pub(crate) fn too_many(cells: u64) -> String {
    format!("a sheet spans {cells} cells, more than the {MAX_CELLS} read here")
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn attribute_number(xml: &[u8], attr: &[u8]) -> Option<u64> {
    let at = find(xml, attr)? + attr.len();
    let digits: Vec<u8> = xml[at..]
        .iter()
        .copied()
        .take_while(u8::is_ascii_digit)
        .collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

/// The cells between the first and the last cell reference (`<c r="B7"`) of a sheet.
fn sheet_span(xml: &[u8]) -> u64 {
    let (mut r0, mut r1, mut c0, mut c1) = (u64::MAX, 0u64, u64::MAX, 0u64);
    let mut i = 0;
    while let Some(at) = find(&xml[i..], b"<c r=\"") {
        let p = i + at + 6;
        let (col, row, j) = cell_reference(xml, p);
        if col > 0 && row > 0 {
            r0 = r0.min(row);
            r1 = r1.max(row);
            c0 = c0.min(col);
            c1 = c1.max(col);
        }
        i = j.max(p);
    }
    if r0 == u64::MAX {
        return 0;
    }
    (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
}

/// The column (1-based, 0 if none) and row of the cell reference at `p`, and where it ends.
fn cell_reference(xml: &[u8], p: usize) -> (u64, u64, usize) {
    let mut col = 0u64;
    let mut row = 0u64;
    let mut j = p;
    while let Some(&b) = xml.get(j) {
        if b.is_ascii_uppercase() {
            col = col
                .saturating_mul(26)
                .saturating_add(u64::from(b - b'A' + 1));
        } else {
            break;
        }
        j += 1;
    }
    while let Some(&b) = xml.get(j) {
        if b.is_ascii_digit() {
            row = row.saturating_mul(10).saturating_add(u64::from(b - b'0'));
        } else {
            break;
        }
        j += 1;
    }
    (col, row, j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_spans() {
        assert_eq!(sheet_span(b"<c r=\"A1\"/><c r=\"C3\"/>"), 9);
        assert_eq!(
            sheet_span(b"<c r=\"B2\"/><c r=\"XFD1048576\"/>"),
            1_048_575 * 16_383
        );
        assert_eq!(sheet_span(b"<row/>"), 0);
    }
}
