//! The canonical forms the fingerprint covers: SHA-256 as lowercase hexadecimal, the entries'
//! hash, and the one sort (by bytes) every list a draw file or certificate holds goes through.

use crate::model::EntryRow;
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// Sorted by bytes, each once. The one sort of the module: a single instantiation keeps the
/// WebAssembly small.
pub(crate) fn sorted_unique(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Lowercase hexadecimal.
pub(super) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// SHA-256, as lowercase hexadecimal.
///
/// ```
/// use social_roi::{sha256_hex};
/// assert_eq!(
///     sha256_hex(b"abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of the entries as read, in order: each entry one line of JSON,
/// `[id, parent_id, author, profile, date, text]` (dates in ISO 8601), ending with a line feed.
/// Likes and the file and line an entry came from are left out.
pub(crate) fn entries_sha256(entries: &[EntryRow]) -> String {
    let mut h = EntriesHasher::default();
    entries.iter().for_each(|e| h.add(e));
    h.finish()
}

/// The entries' SHA-256 ([`entries_sha256`]) fed entry by entry: the lines are written into
/// one buffer, hashed each time it holds 64 KiB, so no string is made per entry.
pub(super) struct EntriesHasher {
    sha: Sha256,
    buf: Vec<u8>,
    date: String,
}

/// Bytes of JSON lines hashed at a time.
const BATCH: usize = 1 << 16;

impl Default for EntriesHasher {
    fn default() -> EntriesHasher {
        EntriesHasher {
            sha: Sha256::new(),
            buf: Vec::with_capacity(BATCH + 4096),
            date: String::new(),
        }
    }
}

impl EntriesHasher {
    /// The next entry.
    pub(super) fn add(&mut self, e: &EntryRow) {
        self.date.clear();
        if let Some(d) = &e.date {
            // Writing into a String cannot fail.
            let _ = write!(self.date, "{d}");
        }
        let line = (
            &e.id,
            &e.parent_id,
            &e.author,
            &e.profile,
            e.date.map(|_| self.date.as_str()),
            &e.text,
        );
        // Serialising strings and options into memory cannot fail.
        let _ = serde_json::to_writer(&mut self.buf, &line);
        self.buf.push(b'\n');
        if self.buf.len() >= BATCH {
            self.sha.update(&self.buf);
            self.buf.clear();
        }
    }

    /// The SHA-256 of every entry added, as lowercase hexadecimal.
    pub(super) fn finish(mut self) -> String {
        self.sha.update(&self.buf);
        hex(&self.sha.finalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::read_entries;

    #[test]
    fn the_entries_hash_is_one_json_line_per_entry() {
        let entries = read_entries(
            "e.json",
            r#"[{"author": "@Ann \"A\"", "text": "a\tb\u0001\n😀", "date": "2026-06-01T10:00:00+02:00", "id": "7"},
               {"author": "bob", "profile": "x.com/bob", "parent_id": "7", "likes": 3}]"#,
        )
        .unwrap();
        let mut text = String::new();
        for e in &entries {
            let line = (
                &e.id,
                &e.parent_id,
                &e.author,
                &e.profile,
                e.date.map(|d| d.to_string()),
                &e.text,
            );
            text.push_str(&serde_json::to_string(&line).unwrap());
            text.push('\n');
        }
        assert!(
            text.starts_with(
                r#"["7",null,"@Ann \"A\"",null,"2026-06-01T10:00:00+02:00","a\tb\u0001\n😀"]"#
            ),
            "{text}"
        );
        assert_eq!(entries_sha256(&entries), sha256_hex(text.as_bytes()));
        let many: Vec<EntryRow> = entries.iter().cycle().take(5000).cloned().collect();
        let all: String = text.repeat(2500);
        assert_eq!(entries_sha256(&many), sha256_hex(all.as_bytes()));
    }
}
