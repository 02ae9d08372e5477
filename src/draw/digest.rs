//! The canonical forms the fingerprint covers: SHA-256 as lowercase hexadecimal, the entries'
//! hash, and the one sort (by bytes) every list a draw file or certificate holds goes through.

use crate::model::{Entries, EntryRef};
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
pub(crate) fn entries_sha256(entries: &Entries) -> String {
    let mut h = EntriesHasher::default();
    entries.iter().for_each(|e| h.add(e));
    h.finish()
}

/// The entries' SHA-256 ([`entries_sha256`]) fed entry by entry: the lines are written into
/// one buffer, hashed each time it holds 64 KiB, so no string is made per entry. The lines are
/// written by hand, byte for byte what `serde_json::to_writer` writes for the tuple (its
/// string escapes, `null` for none; the tests compare the two), since that is most of a
/// session's work on a million entries.
pub(super) struct EntriesHasher {
    sha: Sha256,
    buf: Vec<u8>,
}

/// Bytes of JSON lines hashed at a time.
const BATCH: usize = 1 << 16;

impl Default for EntriesHasher {
    fn default() -> EntriesHasher {
        EntriesHasher {
            sha: Sha256::new(),
            buf: Vec::with_capacity(BATCH + 4096),
        }
    }
}

impl EntriesHasher {
    /// The next entry: `[id, parent_id, author, profile, date, text]` and a line feed.
    pub(super) fn add(&mut self, e: EntryRef<'_>) {
        let b = &mut self.buf;
        b.push(b'[');
        json_opt(b, e.id());
        b.push(b',');
        json_opt(b, e.parent_id());
        b.push(b',');
        json_str(b, e.author());
        b.push(b',');
        json_opt(b, e.profile());
        b.push(b',');
        match &e.date() {
            Some(d) => {
                b.push(b'"');
                iso_date(b, d);
                b.push(b'"');
            }
            None => b.extend_from_slice(b"null"),
        }
        b.push(b',');
        json_str(b, e.text());
        b.extend_from_slice(b"]\n");
        if b.len() >= BATCH {
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

/// A string as JSON, or `null`.
fn json_opt(b: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(b, s),
        None => b.extend_from_slice(b"null"),
    }
}

/// A string as serde_json writes it: `"` and `\` escaped, the controls below U+0020 as
/// `\b \t \n \f \r` or `\u00xx` (lowercase), every other character as it is.
fn json_str(b: &mut Vec<u8>, s: &str) {
    b.push(b'"');
    let bytes = s.as_bytes();
    if !needs_escape(bytes) {
        b.extend_from_slice(bytes);
        b.push(b'"');
        return;
    }
    let mut run = 0;
    for (i, &c) in bytes.iter().enumerate() {
        let short = match c {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            0x0c => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0..=0x1f => 0,
            _ => continue,
        };
        b.extend_from_slice(&bytes[run..i]);
        run = i + 1;
        if short == 0 {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            b.extend_from_slice(b"\\u00");
            b.push(DIGITS[usize::from(c >> 4)]);
            b.push(DIGITS[usize::from(c & 15)]);
        } else {
            b.extend_from_slice(&[b'\\', short]);
        }
    }
    b.extend_from_slice(&bytes[run..]);
    b.push(b'"');
}

/// Whether a byte of `bytes` is a control below 0x20, `"` or `\`: most strings have none,
/// and this tells it eight bytes at a time (the classic "has a zero byte" test: a byte below
/// 0x20, or equal to `"` or `\` once xored, borrows into its high bit), which WebAssembly,
/// without vector instructions here, does far faster than byte by byte.
fn needs_escape(bytes: &[u8]) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(LOW * u64::from(n)) & !x & HIGH != 0;
    // Arrays of eight, read as words by value (no copy from a slice, a call in WebAssembly).
    let (words, rest) = bytes.as_chunks::<8>();
    let special = |c: &u8| *c < 0x20 || *c == b'"' || *c == b'\\';
    words
        .iter()
        .map(|w| u64::from_le_bytes(*w))
        .any(|x| below(x, 0x20) || below(x ^ (LOW * 0x22), 1) || below(x ^ (LOW * 0x5c), 1))
        || rest.iter().any(special)
}

/// `d` as its `Display` writes it (ISO 8601), without the formatting machinery: years are
/// 1000–9999 (`Date::new`), times two digits each; an offset of 100 hours or more (which no
/// reader makes) goes through `Display`.
fn iso_date(b: &mut Vec<u8>, d: &crate::date::DateTime) {
    let two = |b: &mut Vec<u8>, n: u32| {
        b.extend_from_slice(&[b'0' + (n / 10 % 10) as u8, b'0' + (n % 10) as u8])
    };
    let year = d.date.year();
    let offset = d.offset_minutes.map(i64::from);
    if !(1000..=9999).contains(&year) || offset.is_some_and(|o| o.abs() >= 6000) {
        b.extend_from_slice(d.to_string().as_bytes());
        return;
    }
    let year = year as u32;
    two(b, year / 100);
    two(b, year % 100);
    b.push(b'-');
    two(b, u32::from(d.date.month()));
    b.push(b'-');
    two(b, u32::from(d.date.day()));
    let Some(t) = d.time else { return };
    b.push(b'T');
    two(b, u32::from(t.hour()));
    b.push(b':');
    two(b, u32::from(t.minute()));
    b.push(b':');
    two(b, u32::from(t.second()));
    if let Some(o) = offset {
        b.push(if o < 0 { b'-' } else { b'+' });
        two(b, (o.abs() / 60) as u32);
        b.push(b':');
        two(b, (o.abs() % 60) as u32);
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
        let text: String = entries
            .iter()
            .map(|e| String::from_utf8(serde_line(e)).unwrap())
            .collect();
        assert!(
            text.starts_with(
                r#"["7",null,"@Ann \"A\"",null,"2026-06-01T10:00:00+02:00","a\tb\u0001\n😀"]"#
            ),
            "{text}"
        );
        assert_eq!(entries_sha256(&entries), sha256_hex(text.as_bytes()));
        let many: Entries = (0..5000).map(|i| entries.at(i % 2).to_entry()).collect();
        let all: String = text.repeat(2500);
        assert_eq!(entries_sha256(&many), sha256_hex(all.as_bytes()));
    }

    /// The line serde_json writes for an entry, the reference the hand-written one matches.
    fn serde_line(e: EntryRef<'_>) -> Vec<u8> {
        let line = (
            &e.id(),
            &e.parent_id(),
            &e.author(),
            &e.profile(),
            e.date().map(|d| d.to_string()),
            &e.text(),
        );
        let mut v = serde_json::to_vec(&line).unwrap();
        v.push(b'\n');
        v
    }

    #[test]
    fn escapes_are_found_in_every_place_of_a_word() {
        for len in 0..20 {
            for at in 0..len {
                for c in (0u8..=0x7f).chain([0xc3, 0xa9, 0xff]) {
                    let mut v = vec![b'a'; len];
                    v[at] = c;
                    let want = c < 0x20 || c == b'"' || c == b'\\';
                    assert_eq!(needs_escape(&v), want, "{len} {at} {c:#x}");
                }
            }
        }
    }

    #[test]
    fn hand_written_lines_are_serde_json_s() {
        use crate::date::{Date, DateTime, Time};
        use crate::model::{EntryRow, Origin};
        let controls: String = (0u8..0x20).map(char::from).collect();
        let texts = [
            String::new(),
            controls,
            "\"quoted\" \\ back\\slash \u{7f} é 😀 \u{2028}".to_string(),
            "plain".to_string(),
        ];
        let day = Date::new(1000, 2, 3).unwrap();
        let dates = [
            None,
            Some(DateTime::date(Date::new(2026, 12, 1).unwrap())),
            Some(DateTime {
                date: day,
                time: Time::new(0, 5, 9),
                offset_minutes: None,
            }),
            Some(DateTime {
                date: day,
                time: Time::new(23, 59, 59),
                offset_minutes: Some(-570),
            }),
            Some(DateTime {
                date: day,
                time: Time::new(1, 2, 3),
                offset_minutes: Some(0),
            }),
            Some(DateTime {
                date: day,
                time: Time::new(1, 2, 3),
                offset_minutes: Some(7000),
            }),
            Some(DateTime {
                date: day,
                time: None,
                offset_minutes: Some(60),
            }),
        ];
        for (i, text) in texts.iter().enumerate() {
            for date in dates {
                let e = EntryRow {
                    id: (i % 2 == 0).then(|| format!("{i}\"")),
                    parent_id: (i > 1).then(|| text.clone()),
                    author: text.clone(),
                    profile: (i % 2 == 1).then(|| "x.com/a".to_string()),
                    link: None,
                    date,
                    text: text.clone(),
                    likes: None,
                    origin: Origin { file: 0, line: 1 },
                };
                let one = Entries::from(vec![e]);
                let mut h = EntriesHasher::default();
                h.add(one.at(0));
                assert_eq!(
                    String::from_utf8_lossy(&h.buf),
                    String::from_utf8_lossy(&serde_line(one.at(0)))
                );
            }
        }
    }
}
