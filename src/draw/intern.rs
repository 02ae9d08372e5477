//! Interned strings: every distinct name, profile and entrant of a draw stored once in one
//! text arena and named by a small integer, so that comparing two people is comparing two
//! numbers and a million entries cost no allocation each. A hash table of ids over the arena
//! (hashbrown's `HashTable`, hashed with foldhash's fixed state: fast, and the same on every
//! run) finds a string's id.

use foldhash::fast::FixedState;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// No string: the id of an empty name or an absent profile.
pub(super) const NONE: u32 = u32::MAX;

/// The hasher of every table of the draw: fixed, so the work never depends on a random seed.
pub(super) const HASHER: FixedState = FixedState::with_seed(0x5eed_d4a3);

/// Distinct strings, each with its id (0, 1, 2… in the order they were first seen).
#[derive(Clone, Debug, Default)]
pub(super) struct Interner {
    /// Every string, one after another.
    text: String,
    /// Where string `i` ends in `text` (it starts where string `i - 1` ends).
    ends: Vec<u32>,
    /// The strings by hash, each slot with where its string lies in `text`: a look-up reads
    /// the table and the text, not `ends` too (a million entries make most reads cache
    /// misses).
    table: HashTable<Slot>,
}

/// A string of the table: its id and where it lies in the text.
#[derive(Clone, Copy, Debug)]
struct Slot {
    id: u32,
    start: u32,
    end: u32,
}

impl Slot {
    fn of(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }

    /// Whether its string is `s`.
    fn is(self, text: &str, s: &str) -> bool {
        (self.end - self.start) as usize == s.len() && same(self.of(text).as_bytes(), s.as_bytes())
    }
}

/// Two byte strings of one length are equal, compared eight bytes at a time: WebAssembly's
/// `memcmp` goes byte by byte, and a draw compares a few million names.
fn same(a: &[u8], b: &[u8]) -> bool {
    // Arrays of eight, read as words by value (no copy from a slice, a call in WebAssembly).
    let ((wa, ra), (wb, rb)) = (a.as_chunks::<8>(), b.as_chunks::<8>());
    wa.len() == wb.len()
        && ra.len() == rb.len()
        && wa
            .iter()
            .zip(wb)
            .all(|(x, y)| u64::from_ne_bytes(*x) == u64::from_ne_bytes(*y))
        && ra.iter().zip(rb).all(|(x, y)| x == y)
}

impl Interner {
    /// Room for about `n` strings.
    pub(super) fn with_capacity(n: usize) -> Interner {
        Interner {
            text: String::with_capacity(n * 16),
            ends: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
        }
    }

    /// How many distinct strings.
    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string of `id`.
    pub(super) fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        self.text.get(start..end).unwrap_or("")
    }

    /// The id of `s`, if it was interned.
    pub(super) fn find(&self, s: &str) -> Option<u32> {
        let hash = HASHER.hash_one(s);
        let text = self.text.as_str();
        self.table
            .find(hash, |slot| slot.is(text, s))
            .map(|slot| slot.id)
    }

    /// The id of `s`, interning it when new.
    pub(super) fn intern(&mut self, s: &str) -> u32 {
        let hash = HASHER.hash_one(s);
        let Interner { text, ends, table } = self;
        if let Some(slot) = table.find(hash, |slot| slot.is(text, s)) {
            return slot.id;
        }
        let slot = Slot {
            id: ends.len() as u32,
            start: text.len() as u32,
            end: (text.len() + s.len()) as u32,
        };
        text.push_str(s);
        ends.push(slot.end);
        let text = text.as_str();
        table.insert_unique(hash, slot, |slot| HASHER.hash_one(slot.of(text)));
        slot.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_interner() {
        let mut names = Interner::default();
        let ann = names.intern("ann");
        let bob = names.intern("bob");
        assert_eq!(names.intern("ann"), ann);
        assert_ne!(ann, bob);
        assert_eq!(names.get(bob), "bob");
        assert_eq!(names.find("bob"), Some(bob));
        assert_eq!(names.find("carl"), None);
        assert_eq!(names.intern(""), 2);
        assert_eq!(names.get(2), "");
        assert_eq!(names.len(), 3);
        for i in 0..10_000 {
            names.intern(&format!("n{i}"));
        }
        assert_eq!(names.find("n9999").map(|id| names.get(id)), Some("n9999"));
        assert_eq!(names.find("n99999"), None);
        let long = "a name longer than eight bytes, with é";
        let id = names.intern(long);
        assert_eq!(names.find(long), Some(id));
        assert_eq!(names.find("a name longer than eight bytes, with e"), None);
        assert!(same(b"0123456789", b"0123456789") && !same(b"0123456789", b"0123456788"));
        assert!(!same(b"01234567x9", b"0123456789") && same(b"", b""));
    }
}
