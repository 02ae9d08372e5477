//! The canonical forms the fingerprint covers: SHA-256 as lowercase hexadecimal, the entries'
//! hash, and the one sort (by bytes) every list a draw file or certificate holds goes through.

use crate::model::EntryRow;
use sha2::{Digest, Sha256};

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
pub(super) fn entries_sha256(entries: &[EntryRow]) -> String {
    let mut h = Sha256::new();
    for e in entries {
        let line = (
            &e.id,
            &e.parent_id,
            &e.author,
            &e.profile,
            e.date.map(|d| d.to_string()),
            &e.text,
        );
        // Serialising strings and options cannot fail.
        if let Ok(json) = serde_json::to_string(&line) {
            h.update(json.as_bytes());
        }
        h.update(b"\n");
    }
    hex(&h.finalize())
}
