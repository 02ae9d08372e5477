//! What is checked before calamine reads a workbook, because it trusts it: an `.xls` sheet's
//! span ([`MAX_CELLS`], checked in `compound.rs`: calamine allocates every cell between the
//! first and the last), and an `.xlsx` archive's entries. calamine reads an `.xlsx` sheet as a
//! stream of cells here (no span is allocated), but it unpacks every XML entry it reads and
//! buffers each text and tag whole, and reserves room for as many shared strings as the file
//! declares: so every XML entry is first measured by [`scan`] (the unpacking budget, the zip
//! bomb ratio, no run past `XML_RUN`), and the shared strings' declared count must fit in
//! their bytes.

use super::scan::{refused, scan};
use crate::import::budget::{Budget, Metered, ARCHIVE_ENTRIES};
use crate::table::report::Issue;
use quick_xml::events::Event;
use std::io::{BufReader, Cursor};

/// The most cells an `.xls` sheet may span here: calamine allocates every cell between the
/// first and the last filled one (some 70 MB at this bound, values and formulas).
pub(crate) const MAX_CELLS: u64 = 2_000_000;

/// What a sheet too large to read says.
pub(crate) fn too_many(cells: u64) -> String {
    format!("a sheet spans {cells} cells, more than the {MAX_CELLS} read here")
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

/// Checks an `.xlsx` archive before calamine opens it (see the module head).
pub(crate) fn check_xlsx(bytes: &[u8], budget: &Budget) -> Result<(), Issue> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Issue::BadSpreadsheet {
        detail: e.to_string(),
    })?;
    if zip.len() > ARCHIVE_ENTRIES {
        return Err(Issue::BadSpreadsheet {
            detail: format!("it holds {} parts, more than a workbook has", zip.len()),
        });
    }
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let packed = entry.compressed_size();
        let scanned = scan(entry, &name, packed, budget, b"")?;
        if name.ends_with("sharedStrings.xml") {
            let entry = zip.by_index(i).map_err(|e| Issue::BadSpreadsheet {
                detail: e.to_string(),
            })?;
            let declared = declared_strings(Metered::new(entry, packed, budget), &name)?;
            // Each string takes at least `<si><t/></si>`.
            if declared > scanned.bytes / 8 + 16 {
                return Err(Issue::BadSpreadsheet {
                    detail: "the shared strings count is damaged".into(),
                });
            }
        }
    }
    Ok(())
}

/// The `uniqueCount` the shared strings' `sst` element declares (0 if none, as calamine
/// reserves nothing then), read with the
/// XML reader calamine uses, so the attribute is found in any order and quoting.
fn declared_strings(entry: impl std::io::Read, name: &str) -> Result<u64, Issue> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = xml.read_event_into(&mut buf).map_err(|e| match e {
            quick_xml::Error::Io(io) => refused(&io, name),
            e => Issue::BadSpreadsheet {
                detail: format!("{name}: {e}"),
            },
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "sst" => {
                let count = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == "uniqueCount")
                    .and_then(|a| a.value.trim().parse().ok());
                return Ok(count.unwrap_or(0));
            }
            Event::Eof => return Ok(0),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_counts_in_any_form() {
        let read = |x: &str| declared_strings(x.as_bytes(), "s.xml").unwrap();
        assert_eq!(read(r#"<?xml?><sst count="3" uniqueCount="2">"#), 2);
        assert_eq!(read(r#"<x:sst uniqueCount='9' xmlns:x="a">"#), 9);
        assert_eq!(read(r#"<sst>"#), 0);
        assert_eq!(read(r#"<other/>"#), 0);
    }
}
