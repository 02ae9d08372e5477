//! The guard in front of calamine's `.xls` reader: an OLE compound file (the container of a
//! BIFF workbook) is walked here first, sector chain by sector chain, because the reader trusts
//! them and would index past the end of a cut or damaged file, or loop on a cycle. Then the
//! workbook stream's records are walked for sheet positions and sizes: the DIMENSIONS each
//! sheet declares, and the cells its records place, since calamine allocates every cell
//! between the first and the last (two bytes changed in a cell's column made it ask for
//! 17 GB).
//!
//! Written by hand: what must be checked is exactly what calamine's reader trusts, before it
//! runs (in WebAssembly a panic in it would abort the page).

use super::limits::{dimension_cells, too_many, MAX_CELLS};
use super::records::{bof_version, check_global, check_sheet, check_sst, Biff};

/// A free sector.
const FREESECT: u32 = 0xFFFF_FFFF;
/// The end of a chain.
const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
/// Ids from here up are markers, not sectors.
const SPECIAL: u32 = 0xFFFF_FFFA;

/// Checks an OLE compound file (`.xls`) before calamine reads it: every sector chain inside the
/// file and without a loop, the directory's streams no larger than the file can hold, and the
/// workbook stream's records sound (see [`check_biff`]). `Err` says what is wrong.
pub(crate) fn check_compound_file(bytes: &[u8]) -> Result<(), String> {
    let file = Compound::open(bytes)?;
    file.check_chains()?;
    file.check_directory_starts()?;
    match file.workbook_stream()? {
        Some(stream) => check_biff(&stream),
        None => Ok(()),
    }
}

fn cut() -> String {
    "the file is cut short".to_string()
}

fn loops() -> String {
    "a sector chain loops".into()
}

fn u16_at(bytes: &[u8], i: usize) -> Option<u16> {
    bytes
        .get(i..i + 2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    bytes
        .get(i..i + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The little-endian 32-bit words of `bytes`.
fn words(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    bytes
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// A stream's first sector and its length.
type Stream = (u32, u64);

/// A compound file whose header and sector allocation table were read.
struct Compound<'a> {
    bytes: &'a [u8],
    /// Bytes per sector (512 or 4096).
    size: usize,
    /// Sectors after the header (which takes a whole sector).
    n: usize,
    /// The sector allocation table: each sector's next in its chain.
    fat: Vec<u32>,
}

impl<'a> Compound<'a> {
    /// Reads the header's sector size and the whole allocation table.
    fn open(bytes: &'a [u8]) -> Result<Compound<'a>, String> {
        let shift = u16_at(bytes, 0x1E).ok_or_else(cut)?;
        let size: usize = match shift {
            9 => 512,
            12 => 4096,
            _ => return Err(format!("unknown sector size 2^{shift}")),
        };
        if bytes.len() < size || !bytes.len().is_multiple_of(size) {
            return Err(cut());
        }
        let mut file = Compound {
            bytes,
            size,
            n: bytes.len() / size - 1,
            fat: Vec::new(),
        };
        let fat_sectors = file.fat_sectors()?;
        file.fat = file.read_fat(&fat_sectors)?;
        if file.fat.len() < file.n {
            return Err(cut());
        }
        Ok(file)
    }

    fn u32_at(&self, i: usize) -> Option<u32> {
        u32_at(self.bytes, i)
    }

    fn in_range(&self, id: u32) -> bool {
        (id as usize) < self.n
    }

    fn sector(&self, id: u32) -> Option<&'a [u8]> {
        let start = (id as usize + 1).checked_mul(self.size)?;
        self.bytes.get(start..start + self.size)
    }

    /// The sectors of the allocation table: 109 in the header, the rest in the DIFAT chain.
    fn fat_sectors(&self) -> Result<Vec<u32>, String> {
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|k| self.u32_at(0x4C + 4 * k))
            .filter(|&id| id < SPECIAL)
            .collect();
        let mut difat = self.u32_at(0x44).ok_or_else(cut)?;
        let mut hops = 0;
        while difat < SPECIAL {
            hops += 1;
            if !self.in_range(difat) || hops > self.n {
                return Err(cut());
            }
            let s = self.sector(difat).ok_or_else(cut)?;
            let entries: Vec<u32> = words(s).collect();
            let (next, ids) = entries.split_last().ok_or_else(cut)?;
            fat_sectors.extend(ids.iter().copied().filter(|&id| id < SPECIAL));
            difat = *next;
        }
        Ok(fat_sectors)
    }

    /// The allocation table, from its sectors.
    fn read_fat(&self, fat_sectors: &[u32]) -> Result<Vec<u32>, String> {
        let mut fat: Vec<u32> = Vec::with_capacity(fat_sectors.len() * self.size / 4);
        for &id in fat_sectors {
            if !self.in_range(id) {
                return Err(cut());
            }
            let s = self.sector(id).ok_or_else(cut)?;
            fat.extend(words(s));
        }
        Ok(fat)
    }

    /// Every link inside the file, and no chain that loops.
    fn check_chains(&self) -> Result<(), String> {
        let n = self.n;
        for &next in &self.fat[..n] {
            if next < SPECIAL && !self.in_range(next) {
                return Err(cut());
            }
        }
        let mut state = vec![0u8; n]; // 0 unseen, 1 on the current walk, 2 done
        for start in 0..n {
            let mut walk = Vec::new();
            let mut id = start as u32;
            while self.in_range(id) && state[id as usize] == 0 {
                state[id as usize] = 1;
                walk.push(id);
                id = self.fat[id as usize];
            }
            if self.in_range(id) && state[id as usize] == 1 {
                return Err(loops());
            }
            for w in walk {
                state[w as usize] = 2;
            }
        }
        Ok(())
    }

    /// The directory's and the mini allocation table's first sectors are in the file.
    fn check_directory_starts(&self) -> Result<(), String> {
        for start in [self.u32_at(0x30), self.u32_at(0x3C)] {
            let start = start.ok_or_else(cut)?;
            if start != ENDOFCHAIN && start != FREESECT && !self.in_range(start) {
                return Err(cut());
            }
        }
        Ok(())
    }

    /// Walks the directory: stream sizes must fit in memory here (a 4096-byte-sector file
    /// writes them on 64 bits). Returns the workbook stream and the root's mini stream.
    fn directory(&self) -> Result<(Option<Stream>, Option<Stream>), String> {
        let mut workbook: Option<Stream> = None;
        let mut root: Option<Stream> = None;
        let mut id = self.u32_at(0x30).unwrap_or(ENDOFCHAIN);
        let mut hops = 0;
        while self.in_range(id) {
            hops += 1;
            if hops > self.n {
                return Err(loops());
            }
            let s = self.sector(id).ok_or_else(cut)?;
            for entry in s.chunks_exact(128) {
                let (kind, name, stream) = self.dir_entry(entry)?;
                match kind {
                    5 => root = Some(stream),
                    2 if name.eq_ignore_ascii_case("workbook")
                        || name.eq_ignore_ascii_case("book") =>
                    {
                        workbook = workbook.or(Some(stream))
                    }
                    _ => {}
                }
            }
            id = self.fat[id as usize];
        }
        Ok((workbook, root))
    }

    /// One 128-byte directory entry: its type, its name and its stream.
    fn dir_entry(&self, entry: &[u8]) -> Result<(u8, String, Stream), String> {
        let len = u64::from_le_bytes([
            entry[120], entry[121], entry[122], entry[123], entry[124], entry[125], entry[126],
            entry[127],
        ]);
        let len = if self.size == 512 {
            len & 0xFFFF_FFFF
        } else {
            len
        };
        if len > self.bytes.len() as u64 * 64 {
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
        Ok((entry[66], name, (start, len)))
    }

    /// The workbook stream, if the directory has one: in regular sectors, or (below the
    /// cutoff) in the root's mini stream.
    fn workbook_stream(&self) -> Result<Option<Vec<u8>>, String> {
        let (workbook, root) = self.directory()?;
        let Some((start, len)) = workbook else {
            return Ok(None);
        };
        let cutoff = u64::from(self.u32_at(0x38).unwrap_or(4096));
        let stream = if len >= cutoff {
            self.chain(start, len)?
        } else {
            self.mini_stream((start, len), root.ok_or_else(cut)?)?
        };
        Ok(Some(stream))
    }

    /// The first `len` bytes of the chain of sectors starting at `id`.
    fn chain(&self, mut id: u32, len: u64) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        let mut hops = 0;
        while (out.len() as u64) < len && self.in_range(id) {
            hops += 1;
            if hops > self.n {
                return Err(loops());
            }
            out.extend_from_slice(self.sector(id).ok_or_else(cut)?);
            id = self.fat[id as usize];
        }
        out.truncate(len as usize);
        Ok(out)
    }

    /// A small stream, stored in 64-byte pieces inside the root's mini stream.
    fn mini_stream(
        &self,
        (start, len): Stream,
        (root_start, root_len): Stream,
    ) -> Result<Vec<u8>, String> {
        let mini = self.chain(root_start, root_len)?;
        let mini_fat = self.chain(self.u32_at(0x3C).unwrap_or(ENDOFCHAIN), u64::MAX)?;
        let mini_fat: Vec<u32> = words(&mini_fat).collect();
        let mut out = Vec::new();
        let mut id = start;
        let mut hops = 0;
        while (out.len() as u64) < len && id < SPECIAL {
            hops += 1;
            let at = id as usize * 64;
            let piece = mini.get(at..at + 64).ok_or_else(cut)?;
            if hops > mini_fat.len() + 1 {
                return Err(loops());
            }
            out.extend_from_slice(piece);
            id = *mini_fat.get(id as usize).ok_or_else(cut)?;
        }
        out.truncate(len as usize);
        Ok(out)
    }
}

/// Walks the records of a workbook stream: each sheet's position must be inside the stream,
/// and each sheet's declared size and the span of its cells reasonable.
fn check_biff(stream: &[u8]) -> Result<(), String> {
    let mut sheets = Vec::new();
    let mut pos = 0usize;
    // The workbook globals run to the first EOF; calamine takes the version from their BOFs.
    let (mut globals, mut biff) = (true, Biff::Eight);
    while let Some(head) = stream.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let Some(d) = stream.get(pos + 4..pos + 4 + len) else {
            break;
        };
        if globals {
            check_global(typ, d, biff)?;
            if typ == 0x00FC {
                check_sst(d, &continues(&stream[pos + 4 + len..]))?;
            }
            match typ {
                0x0809 => biff = bof_version(d),
                0x000A => globals = false,
                _ => {}
            }
        }
        match typ {
            // BOUNDSHEET: where the sheet's records start.
            0x0085 if d.len() >= 4 => {
                let at = u32::from_le_bytes([d[0], d[1], d[2], d[3]]) as usize;
                if at >= stream.len() {
                    return Err("a sheet starts past the end of the workbook".into());
                }
                sheets.push(at);
            }
            // DIMENSIONS, read as calamine reads it.
            0x0200 if matches!(d.len(), 10 | 14 | 16) => {
                let cells = dimension_cells(d);
                if cells > MAX_CELLS {
                    return Err(too_many(cells));
                }
            }
            _ => {}
        }
        pos += 4 + len;
    }
    for at in sheets {
        let cells = cell_span(&stream[at..])?;
        if cells > MAX_CELLS {
            return Err(too_many(cells));
        }
    }
    Ok(())
}

/// The CONTINUE records (0x003C) at the start of `next`, as calamine's record iterator
/// gathers them (it stops with an error on one cut short: so do they).
fn continues(mut next: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    while next.len() > 4 && u16::from_le_bytes([next[0], next[1]]) == 0x003C {
        let len = usize::from(u16::from_le_bytes([next[2], next[3]]));
        let Some(d) = next.get(4..4 + len) else {
            break;
        };
        out.push(d);
        next = &next[4 + len..];
    }
    out
}

/// The cells between the first and the last cell a sheet's records place, as calamine reads
/// them: the sheet's records from its BOF to its EOF, nested substreams (charts) left out.
/// `Err` when one of them is cut short where calamine would read past it.
fn cell_span(sheet: &[u8]) -> Result<u64, String> {
    let mut span = Span::default();
    let (mut pos, mut seen_bof, mut depth) = (0usize, false, 0usize);
    while let Some(head) = sheet.get(pos..pos + 4) {
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let Some(d) = sheet.get(pos + 4..pos + 4 + len) else {
            break;
        };
        pos += 4 + len;
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A if depth == 0 => break,
            0x000A => depth -= 1,
            _ => {}
        }
        if depth > 0 || matches!(typ, 0x0809 | 0x000A) {
            continue;
        }
        check_sheet(typ, d)?;
        match typ {
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: row and column first.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 if len >= 4 => {
                let (row, col) = (u16_at(d, 0), u16_at(d, 2));
                if let (Some(row), Some(col)) = (row, col) {
                    span.add(row, col);
                }
            }
            // MulRk: a row, a first column, six bytes per cell, the last column.
            0x00BD if len >= 6 => {
                let (row, first) = (u16_at(d, 0).unwrap_or(0), u16_at(d, 2).unwrap_or(0));
                let last = u16_at(d, len - 2).unwrap_or(0);
                let cells = usize::from(last.wrapping_sub(first).wrapping_add(1));
                if len == 6 + 6 * cells {
                    span.add(row, first);
                    span.add(row, last);
                }
            }
            _ => {}
        }
    }
    Ok(span.cells())
}

/// The rows and columns between the first and the last cell seen.
#[derive(Default)]
struct Span {
    rows: Option<(u16, u16)>,
    cols: Option<(u16, u16)>,
}

impl Span {
    fn add(&mut self, row: u16, col: u16) {
        let widen =
            |r: Option<(u16, u16)>, v: u16| Some(r.map_or((v, v), |(a, b)| (a.min(v), b.max(v))));
        self.rows = widen(self.rows, row);
        self.cols = widen(self.cols, col);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                (u64::from(r1) - u64::from(r0) + 1) * (u64::from(c1) - u64::from(c0) + 1)
            }
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_compound_files_are_refused() {
        assert!(check_compound_file(&[0u8; 100]).is_err());
        let mut header = vec![0u8; 1024];
        header[0x1E] = 9;
        assert!(check_compound_file(&header).is_err(), "no FAT");
    }

    /// A BIFF record.
    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend_from_slice(&(data.len() as u16).to_le_bytes());
        r.extend_from_slice(data);
        r
    }

    #[test]
    fn the_cells_a_sheet_places_are_counted() {
        let number = |row: u16, col: u16| {
            let mut d = row.to_le_bytes().to_vec();
            d.extend_from_slice(&col.to_le_bytes());
            d.extend_from_slice(&[0; 10]);
            record(0x0203, &d)
        };
        let mut sheet = record(0x0809, &[0; 16]);
        sheet.extend(number(0, 0));
        sheet.extend(number(3, 2));
        // A chart's records inside the sheet do not count.
        sheet.extend(record(0x0809, &[0; 16]));
        sheet.extend(number(60_000, 60_000));
        sheet.extend(record(0x000A, &[]));
        sheet.extend(record(0x000A, &[]));
        sheet.extend(number(65_000, 200));
        assert_eq!(cell_span(&sheet), Ok(4 * 3));
        // Two bytes changed: a column far to the right.
        let mut bomb = record(0x0809, &[0; 16]);
        bomb.extend(number(0, 0));
        bomb.extend(number(65_535, 0x8000));
        assert!(cell_span(&bomb).unwrap() > MAX_CELLS);
    }
}
