//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) with calamine: every sheet is a source of its own,
//! `book.xlsx › Sheet`, its rows numbered as the spreadsheet numbers them.

use crate::date::{Date, DateTime, Time};
use crate::table::report::{FileKind, Issue, Problem, YearFrom};
use crate::table::RowSink;
use crate::table::{Cell, FileProblems, Row, Source};
use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, Xls, Xlsx};
use std::io::Cursor;

/// Reads every sheet of the workbook `bytes` into `sink`.
pub(crate) fn read(
    kind: FileKind,
    display: &str,
    file_name: &str,
    reference: Option<(Date, YearFrom)>,
    bytes: &[u8],
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
) -> FileKind {
    let checked = if kind == FileKind::Xls {
        check_compound_file(bytes).and_then(|()| check_sizes(kind, bytes))
    } else {
        check_sizes(kind, bytes)
    };
    {
        if let Err(detail) = checked {
            problems
                .errors
                .push(Problem::new(Issue::BadSpreadsheet { detail }, display));
            return kind;
        }
    }
    let sheets = match guarded(|| open(kind, bytes)) {
        Some(s) => s,
        None => Err("the reader stopped on damaged data".to_string()),
    };

    let sheets = match sheets {
        Ok(s) => s,
        Err(detail) => {
            problems
                .errors
                .push(Problem::new(spreadsheet_issue(detail), display));
            return kind;
        }
    };
    let several = sheets.len() > 1;
    for (sheet, range) in sheets {
        let name = if several {
            format!("{display} › {sheet}")
        } else {
            display.to_string()
        };
        let range = match range {
            Ok(r) => r,
            Err(detail) => {
                problems
                    .errors
                    .push(Problem::new(spreadsheet_issue(detail), &name));
                continue;
            }
        };
        if range.is_empty() {
            if !several {
                problems
                    .warnings
                    .push(Problem::new(Issue::EmptySheet, &name));
            }
            continue;
        }
        sink.begin(Source {
            name,
            file_name: file_name.to_string(),
            reference,
            text: false,
            delimiter: None,
            encoding: None,
        });
        let (top, left) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            // Columns left of the used range are empty: keep positions as the sheet has them.
            let mut cells: Vec<Cell> = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(cell));
            while cells.last().is_some_and(Cell::is_blank) {
                cells.pop();
            }
            sink.row(Row {
                line: u64::from(top) + i as u64 + 1,
                cells,
            });
        }
        sink.end(None);
    }
    kind
}

fn open(kind: FileKind, bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let cursor = Cursor::new(bytes);
    match kind {
        FileKind::Xlsx => open_workbook_from_rs::<Xlsx<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
        FileKind::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
        _ => open_workbook_from_rs::<Ods<_>, _>(cursor)
            .map_err(|e| e.to_string())
            .map(|mut wb| all_sheets(&mut wb)),
    }
}

/// Runs the spreadsheet reader. Natively a panic in it (a damaged file it did not expect)
/// becomes `None`; in WebAssembly, where panics abort, `check_compound_file` and the page's
/// recovery stand guard instead.
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
        std::panic::set_hook(hook);
        result
    }
    #[cfg(target_arch = "wasm32")]
    {
        Some(f())
    }
}

/// A sheet's name and its cells, or what went wrong reading them.
type Sheet = (String, Result<Range<Data>, String>);

fn all_sheets<RS, R>(wb: &mut R) -> Vec<Sheet>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    wb.sheet_names()
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).map_err(|e| e.to_string());
            (name, range)
        })
        .collect()
}

fn spreadsheet_issue(detail: String) -> Issue {
    let lower = detail.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        Issue::Encrypted
    } else {
        Issue::BadSpreadsheet { detail }
    }
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::from_text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, s, _) = d.to_ymd_hms_milli();
            match Date::new(i32::from(y), m, day) {
                Some(date) => Cell::DateTime(DateTime {
                    date,
                    time: ((h, min, s) != (0, 0, 0))
                        .then(|| Time::new(h, min, s))
                        .flatten(),
                    offset_minutes: None,
                }),
                None => Cell::Number(d.as_f64()),
            }
        }
        Data::DateTime(d) => Cell::Number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::from_text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Checks an OLE compound file (`.xls`) before calamine reads it: the reader trusts its
/// sector chains and would index past the end of a cut or damaged file, or loop on a cycle.
/// `Err` says what is wrong.
pub(crate) fn check_compound_file(bytes: &[u8]) -> Result<(), String> {
    const FREESECT: u32 = 0xFFFF_FFFF;
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
    const SPECIAL: u32 = 0xFFFF_FFFA;
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let cut = || "the file is cut short".to_string();
    let shift = u16_at(0x1E).ok_or_else(cut)?;
    let size: usize = match shift {
        9 => 512,
        12 => 4096,
        _ => return Err(format!("unknown sector size 2^{shift}")),
    };
    if bytes.len() < size || !bytes.len().is_multiple_of(size) {
        return Err(cut());
    }
    // Sectors after the header (which takes a whole sector).
    let n = bytes.len() / size - 1;
    let sector = |id: u32| -> Option<&[u8]> {
        let start = (id as usize + 1).checked_mul(size)?;
        bytes.get(start..start + size)
    };
    let in_range = |id: u32| (id as usize) < n;
    // FAT sectors: 109 in the header, the rest in the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|k| u32_at(0x4C + 4 * k))
        .filter(|&id| id < SPECIAL)
        .collect();
    let mut difat = u32_at(0x44).ok_or_else(cut)?;
    let mut hops = 0;
    while difat < SPECIAL {
        hops += 1;
        if !in_range(difat) || hops > n {
            return Err(cut());
        }
        let s = sector(difat).ok_or_else(cut)?;
        let entries: Vec<u32> = s
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let (next, ids) = entries.split_last().ok_or_else(cut)?;
        fat_sectors.extend(ids.iter().copied().filter(|&id| id < SPECIAL));
        difat = *next;
    }
    let mut fat: Vec<u32> = Vec::with_capacity(fat_sectors.len() * size / 4);
    for id in fat_sectors {
        if !in_range(id) {
            return Err(cut());
        }
        let s = sector(id).ok_or_else(cut)?;
        fat.extend(
            s.chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])),
        );
    }
    if fat.len() < n {
        return Err(cut());
    }
    // Every link inside the file, and no chain that loops.
    for &next in &fat[..n] {
        if next < SPECIAL && !in_range(next) {
            return Err(cut());
        }
    }
    let mut state = vec![0u8; n]; // 0 unseen, 1 on the current walk, 2 done
    for start in 0..n {
        let mut walk = Vec::new();
        let mut id = start as u32;
        while in_range(id) && state[id as usize] == 0 {
            state[id as usize] = 1;
            walk.push(id);
            id = fat[id as usize];
        }
        if in_range(id) && state[id as usize] == 1 {
            return Err("a sector chain loops".into());
        }
        for w in walk {
            state[w as usize] = 2;
        }
    }
    for start in [u32_at(0x30), u32_at(0x3C)] {
        let start = start.ok_or_else(cut)?;
        if start != ENDOFCHAIN && start != FREESECT && !in_range(start) {
            return Err(cut());
        }
    }
    // Directory entries: stream sizes must fit in memory here (a 4096-byte-sector file
    // writes them on 64 bits); find the workbook stream and the root's mini stream.
    let mut workbook: Option<(u32, u64)> = None;
    let mut root: Option<(u32, u64)> = None;
    let mut id = u32_at(0x30).unwrap_or(ENDOFCHAIN);
    let mut hops = 0;
    while in_range(id) {
        hops += 1;
        if hops > n {
            return Err("a sector chain loops".into());
        }
        let s = sector(id).ok_or_else(cut)?;
        for entry in s.chunks_exact(128) {
            let len = u64::from_le_bytes([
                entry[120], entry[121], entry[122], entry[123], entry[124], entry[125], entry[126],
                entry[127],
            ]);
            let len = if size == 512 { len & 0xFFFF_FFFF } else { len };
            if len > bytes.len() as u64 * 64 {
                return Err("a stream is larger than the file".into());
            }
            let start = u32::from_le_bytes([entry[116], entry[117], entry[118], entry[119]]);
            let name_len = usize::from(u16::from_le_bytes([entry[64], entry[65]])).min(64);
            let name: String = char::decode_utf16(
                entry[..name_len]
                    .chunks_exact(2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]])),
            )
            .map(|c| c.unwrap_or('?'))
            .take_while(|c| *c != '\0')
            .collect();
            match entry[66] {
                5 => root = Some((start, len)),
                2 if name.eq_ignore_ascii_case("workbook") || name.eq_ignore_ascii_case("book") => {
                    workbook = workbook.or(Some((start, len)))
                }
                _ => {}
            }
        }
        id = fat[id as usize];
    }
    let Some((start, len)) = workbook else {
        return Ok(());
    };
    // The stream: in regular sectors, or (below the cutoff) in the root's mini stream.
    let chain = |mut id: u32, len: u64| -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut hops = 0;
        while (out.len() as u64) < len && in_range(id) {
            hops += 1;
            if hops > n {
                return Err("a sector chain loops".into());
            }
            out.extend_from_slice(sector(id).ok_or_else(cut)?);
            id = fat[id as usize];
        }
        out.truncate(len as usize);
        Ok(out)
    };
    let cutoff = u64::from(u32_at(0x38).unwrap_or(4096));
    let stream = if len >= cutoff {
        chain(start, len)?
    } else {
        let (root_start, root_len) = root.ok_or_else(cut)?;
        let mini = chain(root_start, root_len)?;
        let mini_fat = chain(u32_at(0x3C).unwrap_or(ENDOFCHAIN), u64::MAX)?;
        let mini_fat: Vec<u32> = mini_fat
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        let mut out = Vec::new();
        let mut id = start;
        let mut hops = 0;
        while (out.len() as u64) < len && id < SPECIAL {
            hops += 1;
            let at = id as usize * 64;
            let piece = mini.get(at..at + 64).ok_or_else(cut)?;
            if hops > mini_fat.len() + 1 {
                return Err("a sector chain loops".into());
            }
            out.extend_from_slice(piece);
            id = *mini_fat.get(id as usize).ok_or_else(cut)?;
        }
        out.truncate(len as usize);
        out
    };
    check_biff(&stream)
}

/// Walks the records of a workbook stream: each sheet's position must be inside the stream
/// and each sheet's declared size reasonable.
fn check_biff(stream: &[u8]) -> Result<(), String> {
    let mut pos = 0usize;
    while let Some(head) = stream.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let Some(d) = stream.get(pos + 4..pos + 4 + len) else {
            break;
        };
        match typ {
            // BOUNDSHEET: where the sheet's records start.
            0x0085 if d.len() >= 4 => {
                let at = u32::from_le_bytes([d[0], d[1], d[2], d[3]]) as usize;
                if at >= stream.len() {
                    return Err("a sheet starts past the end of the workbook".into());
                }
            }
            // DIMENSIONS, read as calamine reads it.
            0x0200 if matches!(d.len(), 10 | 14 | 16) => {
                let (rf, rl, cf, cl) = if d.len() == 10 {
                    let w = |k: usize| u32::from(u16::from_le_bytes([d[k], d[k + 1]]));
                    (w(0), w(2), w(4), w(6))
                } else {
                    let dw = |k: usize| u32::from_le_bytes([d[k], d[k + 1], d[k + 2], d[k + 3]]);
                    let w = |k: usize| u32::from(u16::from_le_bytes([d[k], d[k + 1]]));
                    (dw(0), dw(4), w(8), w(10))
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                if rl >= 1 && cl >= 1 {
                    let rows = u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1));
                    let cols = u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1));
                    let cells = rows.saturating_mul(cols);
                    if cells > MAX_CELLS {
                        return Err(too_many(cells));
                    }
                }
            }
            _ => {}
        }
        pos += 4 + len;
    }
    Ok(())
}

/// The most cells a sheet may span here: the reader allocates every cell between the first
/// and the last filled one.
pub(crate) const MAX_CELLS: u64 = 5_000_000;

/// Checks a workbook's declared sizes before calamine allocates by them: an `.xls` DIMENSIONS
/// record, an `.xlsx` sheet's cell references and shared-string count. A damaged or odd file
/// could otherwise ask for more memory than a browser tab has.
pub(crate) fn check_sizes(kind: FileKind, bytes: &[u8]) -> Result<(), String> {
    match kind {
        FileKind::Xls => {
            // DIMENSIONS records (type 0x0200; 14 or 16 bytes in BIFF8, 10 in BIFF5), read as
            // calamine reads them, looked for in the raw bytes (the workbook stream is stored
            // in order in the files exports write).
            for len in [14u8, 16, 10] {
                let mut i = 0;
                while let Some(at) = find(&bytes[i..], &[0x00, 0x02, len, 0x00]) {
                    let p = i + at + 4;
                    if let Some(d) = bytes.get(p..p + usize::from(len)) {
                        let (rf, rl, cf, cl) = if len == 10 {
                            let w = |k: usize| u32::from(u16::from_le_bytes([d[k], d[k + 1]]));
                            (w(0), w(2), w(4), w(6))
                        } else {
                            let dw =
                                |k: usize| u32::from_le_bytes([d[k], d[k + 1], d[k + 2], d[k + 3]]);
                            let w = |k: usize| u32::from(u16::from_le_bytes([d[k], d[k + 1]]));
                            (dw(0), dw(4), w(8), w(10))
                        };
                        let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                        let cells = if rl >= 1 && cl >= 1 {
                            let rows = u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1));
                            let cols = u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1));
                            rows.saturating_mul(cols)
                        } else {
                            1
                        };
                        if cells > MAX_CELLS {
                            return Err(too_many(cells));
                        }
                    }
                    i += at + 1;
                }
            }
            Ok(())
        }
        FileKind::Xlsx => {
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
                let limit = super::archive::MAX_ENTRY_BYTES;
                std::io::Read::read_to_end(&mut std::io::Read::take(&mut entry, limit), &mut xml)
                    .map_err(|e| e.to_string())?;
                if strings {
                    if let Some(n) = attribute_number(&xml, b"uniqueCount=\"") {
                        // Each string takes at least `<si><t/></si>`.
                        if n > xml.len() as u64 / 8 + 16 {
                            return Err("the shared strings count is damaged".into());
                        }
                    }
                } else {
                    let cells = sheet_span(&xml);
                    if cells > MAX_CELLS {
                        return Err(too_many(cells));
                    }
                }
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn too_many(cells: u64) -> String {
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

    #[test]
    fn damaged_compound_files_are_refused() {
        assert!(check_compound_file(&[0u8; 100]).is_err());
        let mut header = vec![0u8; 1024];
        header[0x1E] = 9;
        assert!(check_compound_file(&header).is_err(), "no FAT");
    }
}
