//! The bounds every reader works within, in one place, and the meter that holds unpacking to
//! them. A dropped file may unpack to at most [`UNPACK_BYTES`] in all (archives inside
//! archives included), and an entry that unpacks to more than [`RATIO`] times its packed size
//! past [`RATIO_FLOOR`] is a zip bomb; files read whole are at most [`WHOLE_BYTES`]; a
//! workbook gives at most [`SHEET_CELLS`] cells. With these, reading a file takes memory
//! bounded whatever its bytes say (see docs/robustness.md for the budget each reader keeps).

use std::cell::Cell;
use std::io::{self, Read};

/// Bytes a dropped file may unpack to, in all its archives and workbooks together.
pub(crate) const UNPACK_BYTES: u64 = 1024 * 1024 * 1024;
/// An entry unpacking to more than this many times its packed size is refused…
pub(crate) const RATIO: u64 = 200;
/// …once it has unpacked this much (small entries compress as they like).
pub(crate) const RATIO_FLOOR: u64 = 16 * 1024 * 1024;
/// The largest file read whole (a workbook, an archive); text streams and has no such bound.
pub(crate) const WHOLE_BYTES: u64 = 256 * 1024 * 1024;
/// The largest JSON file (its tree takes several times its size).
pub(crate) const JSON_BYTES: u64 = 64 * 1024 * 1024;
/// Cells a workbook may give, empty cells between filled ones included.
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
pub(crate) const SHEET_CELLS: u64 = 20_000_000;
/// The widest row of a sheet: Excel's last column, XFD.
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
pub(crate) const SHEET_COLUMNS: u32 = 16_384;
/// The longest run of XML between two marks (`<`, `>`) in a workbook: a cell holds at most
/// 32,767 characters, so anything longer is damage a reader would buffer whole.
#[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
pub(crate) const XML_RUN: u64 = 4 * 1024 * 1024;
/// Entries of one archive read at most.
pub(crate) const ARCHIVE_ENTRIES: usize = 10_000;

/// What unpacking may still take, shared by every archive and workbook of one dropped file.
#[derive(Debug)]
pub(crate) struct Budget {
    left: Cell<u64>,
}

impl Budget {
    /// A budget of [`UNPACK_BYTES`].
    pub(crate) fn new() -> Budget {
        Budget {
            left: Cell::new(UNPACK_BYTES),
        }
    }

    /// A budget of `left` bytes (what a workbook handed to the spreadsheet module may take).
    #[cfg_attr(not(feature = "spreadsheets"), allow(dead_code))]
    pub(crate) fn with_left(left: u64) -> Budget {
        Budget {
            left: Cell::new(left.min(UNPACK_BYTES)),
        }
    }

    /// What is left.
    pub(crate) fn left(&self) -> u64 {
        self.left.get()
    }

    /// Leaves at most `left` (what the spreadsheet module left of it).
    pub(crate) fn spend_to(&self, left: u64) {
        self.left.set(self.left.get().min(left));
    }

    /// Takes `n` bytes; `false` when fewer are left.
    fn take(&self, n: u64) -> bool {
        let left = self.left.get();
        self.left.set(left.saturating_sub(n));
        n <= left
    }
}

/// Why unpacking stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The whole file would unpack to more than [`UNPACK_BYTES`].
    Total,
    /// This entry unpacks to more than [`RATIO`] times its packed size.
    Ratio,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refusal::Total => "the unpacking budget is spent",
            Refusal::Ratio => "the entry unpacks too far past its packed size",
        })
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    /// The refusal an I/O error carries, if it is one.
    pub(crate) fn of(e: &io::Error) -> Option<Refusal> {
        e.get_ref()?.downcast_ref::<Refusal>().copied()
    }
}

/// A reader of an entry being unpacked, held to the budget and the ratio.
pub(crate) struct Metered<'b, R> {
    inner: R,
    budget: &'b Budget,
    packed: u64,
    /// Bytes read so far.
    pub(crate) unpacked: u64,
}

impl<'b, R: Read> Metered<'b, R> {
    /// Meters `inner`, an entry whose packed size is `packed`.
    pub(crate) fn new(inner: R, packed: u64, budget: &'b Budget) -> Metered<'b, R> {
        Metered {
            inner,
            budget,
            packed,
            unpacked: 0,
        }
    }
}

impl<R: Read> Read for Metered<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.unpacked += n as u64;
        if !self.budget.take(n as u64) {
            return Err(io::Error::other(Refusal::Total));
        }
        if self.unpacked > RATIO_FLOOR && self.unpacked > self.packed.saturating_mul(RATIO) {
            return Err(io::Error::other(Refusal::Ratio));
        }
        Ok(n)
    }
}

/// Reads all of `r` (at most `limit` bytes; more is `Err(None)`), or the error that stopped it.
pub(crate) fn read_all(mut r: impl Read, limit: u64) -> Result<Vec<u8>, Option<io::Error>> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = r.read(&mut buf).map_err(Some)?;
        if n == 0 {
            return Ok(out);
        }
        if out.len() as u64 + n as u64 > limit {
            return Err(None);
        }
        out.extend_from_slice(&buf[..n]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meter_stops_bombs() {
        let budget = Budget::new();
        let zeros = io::repeat(0).take(RATIO_FLOOR * 2);
        let mut m = Metered::new(zeros, 1000, &budget);
        let e = io::copy(&mut m, &mut io::sink()).unwrap_err();
        assert_eq!(Refusal::of(&e), Some(Refusal::Ratio));
        // An honest entry passes, and takes from the budget.
        let mut m = Metered::new(io::repeat(1).take(1000), 500, &budget);
        assert_eq!(io::copy(&mut m, &mut io::sink()).unwrap(), 1000);
        assert!(budget.left.get() < UNPACK_BYTES - RATIO_FLOOR);
    }
}
