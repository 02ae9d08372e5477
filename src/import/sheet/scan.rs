//! A first pass over a workbook's XML entries, before any XML reader buffers them: each is
//! unpacked through the [`Metered`] reader (the file's unpacking budget, the ratio of a zip
//! bomb: sizes are measured, not taken from the zip's headers, which may lie), and no run of
//! text between two marks (`<`, `>`) may pass [`XML_RUN`] (an XML reader holds a whole text or
//! tag in memory). Byte by byte with `memchr`, holding one 64 KiB buffer.

use crate::import::budget::{Budget, Metered, Refusal, XML_RUN};
use crate::table::report::Issue;
use memchr::memchr2_iter;
use std::io::Read;

/// What an entry's scan found.
#[derive(Debug, Default)]
pub(super) struct Scanned {
    /// Its size, unpacked.
    pub bytes: u64,
    /// How many times `count` appears in it.
    pub count: usize,
}

/// Scans the entry `name`, read from `entry` (packed size `packed`), counting `count` (an
/// element's start such as `<table:table `; empty counts nothing).
pub(super) fn scan(
    entry: impl Read,
    name: &str,
    packed: u64,
    budget: &Budget,
    count: &[u8],
) -> Result<Scanned, Issue> {
    let mut r = Metered::new(entry, packed, budget);
    let mut buf = vec![0u8; 64 * 1024];
    // The end of the previous chunk, so a counted word cut by a chunk's end is seen.
    let mut tail: Vec<u8> = Vec::new();
    let mut run: u64 = 0;
    let mut found = 0;
    loop {
        let n = r.read(&mut buf).map_err(|e| refused(&e, name))?;
        if n == 0 {
            break;
        }
        let chunk = &buf[..n];
        let mut last = 0usize;
        for at in memchr2_iter(b'<', b'>', chunk) {
            run += (at - last) as u64;
            if run > XML_RUN {
                return Err(too_long(name));
            }
            run = 0;
            last = at + 1;
        }
        run += (n - last) as u64;
        if run > XML_RUN {
            return Err(too_long(name));
        }
        if !count.is_empty() {
            tail.extend_from_slice(chunk);
            found += memchr::memmem::find_iter(&tail, count).count();
            let keep = count.len() - 1;
            let cut = tail.len().saturating_sub(keep);
            tail.drain(..cut);
        }
    }
    Ok(Scanned {
        bytes: r.unpacked,
        count: found,
    })
}

/// The issue of an unpacking that stopped.
pub(super) fn refused(e: &std::io::Error, name: &str) -> Issue {
    match Refusal::of(e) {
        Some(Refusal::Total) => Issue::UnpackBudget {
            limit: crate::import::budget::UNPACK_BYTES,
        },
        Some(Refusal::Ratio) => Issue::ZipBomb {
            ratio: crate::import::budget::RATIO,
        },
        None => Issue::BadSpreadsheet {
            detail: format!("{name}: {e}"),
        },
    }
}

fn too_long(name: &str) -> Issue {
    Issue::BadSpreadsheet {
        detail: format!(
            "{name} holds a run of more than {} MB without markup",
            XML_RUN / (1024 * 1024)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_across_chunks_and_stops_long_runs() {
        let mut xml = b"<a>".to_vec();
        xml.extend(std::iter::repeat_n(b'x', 65_530));
        xml.extend_from_slice(b"<table:table a='1'/><table:table-row/><table:table b='2'>");
        let s = scan(
            &xml[..],
            "content.xml",
            100,
            &Budget::new(),
            b"<table:table ",
        )
        .unwrap();
        assert_eq!((s.bytes, s.count), (xml.len() as u64, 2));
        let long = std::io::repeat(b'0').take(XML_RUN + 10);
        let e = scan(long, "sheet1.xml", u64::MAX / 1000, &Budget::new(), b"").unwrap_err();
        assert!(matches!(e, Issue::BadSpreadsheet { .. }));
    }
}
