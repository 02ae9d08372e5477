//! The BIFF records calamine's `.xls` reader indexes without checking their length, checked
//! here first: a record cut short by damage made it slice past its end and panic (2 files in
//! 3,000 with one to eight random bytes changed: a `MergeCells` counting more ranges than it
//! holds, a `BoundSheet8` of two bytes). Natively that panic is caught (`import/guard.rs`);
//! in WebAssembly it would trap, so what it trusts is refused before it runs.
//!
//! Each check is the least length calamine's parser (0.38, `xls.rs`) reads at fixed offsets,
//! and the shared strings are walked as `parse_sst` walks them, across their CONTINUE
//! records; a sound file always passes. Not covered: a formula's tokens (`parse_formula`, a
//! token interpreter of its own, reached only by a formula whose length is right); a panic
//! there is still caught natively, and traps the page's worker, which is replaced.

/// The BIFF version, as calamine takes it from the last BOF of the workbook globals.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Biff {
    /// BIFF2 to BIFF5: names and references laid out the old way.
    Old,
    /// BIFF8 (Excel 97 and later).
    Eight,
}

/// The version a BOF record gives (calamine's `parse_bof`).
pub(super) fn bof_version(d: &[u8]) -> Biff {
    let version = u16_at(d, 0);
    let dt = if d.len() >= 4 { u16_at(d, 2) } else { 0 };
    match version {
        0x0200 | 0x0002 | 0x0007 | 0x0300 | 0x0400 | 0x0500 => Biff::Old,
        0 if dt == 0x1000 => Biff::Old,
        _ => Biff::Eight,
    }
}

fn u16_at(d: &[u8], at: usize) -> u16 {
    d.get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn short(name: &str, len: usize, least: usize) -> Result<(), String> {
    if len < least {
        Err(format!(
            "a {name} record holds {len} bytes, fewer than the {least} it needs"
        ))
    } else {
        Ok(())
    }
}

/// Checks a record of the workbook globals (before their EOF), read as calamine reads it.
pub(super) fn check_global(typ: u16, d: &[u8], biff: Biff) -> Result<(), String> {
    match typ {
        0x002F => short("FilePass", d.len(), 2),
        0x0042 => short("CodePage", d.len(), 2),
        0x0022 => short("DateMode", d.len(), 2),
        0x0809 => short("BOF", d.len(), 2),
        0x0085 => short("BoundSheet8", d.len(), 6),
        0x0017 if biff == Biff::Eight => short("ExternSheet", d.len(), 2),
        0x0018 => check_name(d, biff),
        _ => Ok(()),
    }
}

/// A defined name (`Lbl`): its fixed part, its formula's length within the record, and the
/// reference its formula starts with (calamine's `parse_lbl` and `parse_defined_names`).
fn check_name(d: &[u8], biff: Biff) -> Result<(), String> {
    short("Lbl", d.len(), 14)?;
    let cce = usize::from(u16_at(d, 4));
    if cce > d.len() - 14 {
        return Err(format!(
            "a defined name's formula of {cce} bytes does not fit in its record"
        ));
    }
    let rgce = &d[d.len() - cce..];
    let least = match (rgce.first(), biff) {
        (Some(0x3a | 0x5a | 0x7a), Biff::Eight) => 7,
        (Some(0x3a | 0x5a | 0x7a), Biff::Old) => 18,
        (Some(0x3b | 0x5b | 0x7b), Biff::Eight) => 11,
        (Some(0x3b | 0x5b | 0x7b), Biff::Old) => 21,
        (Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d), Biff::Eight) => 3,
        (Some(0x3c | 0x5c | 0x7c | 0x3d | 0x5d | 0x7d), Biff::Old) => 13,
        _ => 0,
    };
    short("defined name's reference", rgce.len(), least)
}

/// The shared strings (SST, 0x00FC) and the CONTINUE records after it, walked as calamine's
/// `parse_sst` and `read_rich_extended_string` walk them: `Err` where it would read a length
/// or a flag past the end of its data. Where calamine stops with an error of its own, so
/// does this walk, without one.
pub(super) fn check_sst<'a>(first: &'a [u8], continues: &[&'a [u8]]) -> Result<(), String> {
    let cut = || Err("the shared strings are cut short inside a string".to_string());
    let Some(mut data) = first.get(8..) else {
        return Ok(());
    };
    let mut rest = continues.iter();
    let mut next = |data: &mut &'a [u8]| rest.next().map(|c| *data = c).is_some();
    while !data.is_empty() || next(&mut data) {
        if data.is_empty() {
            continue;
        }
        if data.len() < 3 {
            return Ok(());
        }
        let (mut chars, flags) = (usize::from(u16_at(data, 0)), data[2]);
        data = &data[3..];
        let mut skip = 0usize;
        for (flag, width) in [(0x8, 2), (0x4, 4)] {
            if flags & flag != 0 {
                let Some(field) = data.get(..width) else {
                    return cut();
                };
                skip = skip.wrapping_add(match width {
                    2 => usize::from(u16_at(field, 0)) * 4,
                    _ => i32::from_le_bytes([field[0], field[1], field[2], field[3]]) as usize,
                });
                data = &data[width..];
            }
        }
        let mut wide = flags & 0x1 != 0;
        while chars > 0 {
            let taken = chars.min(if wide { data.len() / 2 } else { data.len() });
            data = &data[if wide { 2 * taken } else { taken }..];
            chars -= taken;
            if chars > 0 {
                if !next(&mut data) {
                    return Ok(());
                }
                let Some(&b) = data.first() else {
                    return cut();
                };
                wide = b & 0x1 != 0;
                data = &data[1..];
            }
        }
        while skip > 0 {
            if data.is_empty() && !next(&mut data) {
                return Ok(());
            }
            let l = skip.min(data.len());
            data = &data[l..];
            skip -= l;
        }
    }
    Ok(())
}

/// Checks a record of a sheet (outside nested substreams), read as calamine reads it.
pub(super) fn check_sheet(typ: u16, d: &[u8]) -> Result<(), String> {
    match typ {
        // MergeCells: a count, then eight bytes per range.
        0x00E5 => {
            short("MergeCells", d.len(), 2)?;
            let ranges = usize::from(u16_at(d, 0));
            short("MergeCells", d.len(), 2 + 8 * ranges)
        }
        // Formula: calamine refuses fewer than 20 bytes, then reads the tokens' length.
        0x0006 if d.len() >= 20 => {
            short("Formula", d.len(), 22)?;
            let cce = usize::from(u16_at(d, 20));
            short("Formula", d.len(), 22 + cce)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_cut_short_are_refused() {
        assert!(check_global(0x0085, &[0, 0], Biff::Eight).is_err());
        assert!(check_global(0x0085, &[0; 8], Biff::Eight).is_ok());
        assert!(check_global(0x0042, &[], Biff::Eight).is_err());
        // Two merged ranges said, one held.
        assert!(check_sheet(0x00E5, &[2, 0, 0, 0, 0, 0, 0, 0, 0, 0]).is_err());
        assert!(check_sheet(0x00E5, &[1, 0, 0, 0, 0, 0, 0, 0, 0, 0]).is_ok());
        let mut formula = vec![0u8; 22];
        assert!(check_sheet(0x0006, &formula).is_ok());
        formula[20] = 5;
        assert!(check_sheet(0x0006, &formula).is_err());
        assert!(check_sheet(0x0006, &[0; 21]).is_err());
        // A name whose formula says it is longer than its record.
        let mut name = vec![0u8; 14];
        name[4] = 20;
        assert!(check_global(0x0018, &name, Biff::Eight).is_err());
        // A BIFF8 area reference of 11 bytes is whole; of 5 it is cut.
        let mut area = vec![0u8; 14];
        area[4] = 11;
        area.extend([0x3b; 1].iter().chain(&[0; 10]));
        assert!(check_global(0x0018, &area, Biff::Eight).is_ok());
        assert!(check_global(0x0018, &area, Biff::Old).is_err());
    }

    #[test]
    fn shared_strings_cut_inside_a_string_are_refused() {
        let head = [0u8; 8];
        // "ab", one byte per character, then a rich string whose run count is cut.
        let mut sst = head.to_vec();
        sst.extend([2, 0, 0, b'a', b'b']);
        assert!(check_sst(&sst, &[]).is_ok());
        sst.extend([1, 0, 0x8, 0]);
        assert!(check_sst(&sst, &[]).is_err());
        // A string continued in a CONTINUE record that is empty: its flag byte is missing.
        let mut long = head.to_vec();
        long.extend([4, 0, 0, b'a', b'b']);
        assert!(check_sst(&long, &[&[]]).is_err());
        assert!(check_sst(&long, &[&[0, b'c', b'd']]).is_ok());
    }

    #[test]
    fn the_version_is_read_as_calamine_reads_it() {
        assert!(bof_version(&[0x00, 0x06, 0x10, 0x00]) == Biff::Eight);
        assert!(bof_version(&[0x00, 0x05]) == Biff::Old);
        assert!(bof_version(&[0x00, 0x00, 0x00, 0x10]) == Biff::Old);
        assert!(bof_version(&[0x00, 0x00, 0x00, 0x00]) == Biff::Eight);
    }
}
