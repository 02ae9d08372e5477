//! The contest entries of a table or a dataset, stored compactly: each entry's six texts (id,
//! reply-to id, author, profile, link, comment) written one after the other in one of a few
//! large strings, and a fixed-width record per entry saying where they lie, plus its date,
//! likes and origin. An entry comes in as an [`EntryRow`] (or its borrowed texts, from the
//! import) and is read back through an [`EntryRef`], which borrows the store.
//!
//! Why: a million comments as `EntryRow`s were six heap strings each, about 270 bytes of
//! headers, capacities and allocator overhead per entry before their text, and the draw read
//! them scattered over the heap. Here an entry costs its text and one record, and the texts
//! of consecutive entries sit next to each other. Written by hand, like [`Posts`](super::Posts):
//! what it keeps is specific to comment exports.

use super::{EntryRow, Origin};
use crate::date::DateTime;
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// The size of the text strings (an entry whose texts are longer gets one of its own).
const CHUNK: usize = 1 << 20;

/// The texts of an entry, in the order they are written: an index into [`Slot::ends`].
const ID: usize = 0;
const PARENT: usize = 1;
const AUTHOR: usize = 2;
const PROFILE: usize = 3;
const LINK: usize = 4;
const TEXT: usize = 5;
const TEXTS: usize = 6;

/// How many records a block of [`Slots`] holds.
const BLOCK: usize = 1 << 14;

/// Where one entry's texts lie, and its other fields, flat (no padding inside an `Origin` or
/// an `Option<f64>`): 80 bytes.
#[derive(Clone, Debug)]
struct Slot {
    /// The line it came from, and its likes (NaN for none: a count is never NaN).
    line: u64,
    likes: f64,
    /// The text string its texts are in, and where they start in it.
    chunk: u32,
    start: u32,
    /// Where each text ends, counted from `start` (each starts where the one before ends).
    ends: [u32; TEXTS],
    /// The file it came from.
    file: u32,
    date: Option<DateTime>,
    /// Bit `k`: text `k` is present (an absent one is empty here).
    present: u8,
}

impl Slot {
    fn origin(&self) -> Origin {
        Origin {
            file: self.file as usize,
            line: self.line,
        }
    }

    fn likes(&self) -> Option<f64> {
        (!self.likes.is_nan()).then_some(self.likes)
    }
}

/// The records, in blocks of [`BLOCK`] that never grow once full: a million entries never
/// have a doubled array and its copy alive at once (WebAssembly's memory never shrinks).
#[derive(Clone, Debug, Default)]
struct Slots {
    blocks: Vec<Vec<Slot>>,
    len: usize,
}

impl Slots {
    fn push(&mut self, slot: Slot) {
        if self.len.is_multiple_of(BLOCK) {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        if let Some(b) = self.blocks.last_mut() {
            b.push(slot);
            self.len += 1;
        }
    }

    fn pop(&mut self) -> Option<Slot> {
        let b = self.blocks.last_mut()?;
        let slot = b.pop()?;
        if b.is_empty() {
            self.blocks.pop();
        }
        self.len -= 1;
        Some(slot)
    }

    fn get(&self, i: usize) -> &Slot {
        &self.blocks[i / BLOCK][i % BLOCK]
    }

    fn set(&mut self, i: usize, slot: Slot) {
        self.blocks[i / BLOCK][i % BLOCK] = slot;
    }

    fn iter_mut(&mut self) -> impl Iterator<Item = &mut Slot> {
        self.blocks.iter_mut().flatten()
    }
}

/// An entry's texts on their way in, borrowed.
pub(crate) struct EntryTexts<'a> {
    /// id, reply-to id, author, profile, link, comment, in [`Slot::ends`]'s order.
    pub texts: [Option<&'a str>; TEXTS],
    /// When the comment was written.
    pub date: Option<DateTime>,
    /// Likes on the comment.
    pub likes: Option<f64>,
    /// The file and line it came from.
    pub origin: Origin,
}

impl<'a> EntryTexts<'a> {
    /// `e`, borrowed.
    pub(crate) fn of(e: &'a EntryRow) -> EntryTexts<'a> {
        EntryTexts {
            texts: [
                e.id.as_deref(),
                e.parent_id.as_deref(),
                Some(&e.author),
                e.profile.as_deref(),
                e.link.as_deref(),
                Some(&e.text),
            ],
            date: e.date,
            likes: e.likes,
            origin: e.origin.clone(),
        }
    }
}

/// The contest entries of a table or a dataset.
#[derive(Clone, Debug, Default)]
pub struct Entries {
    chunks: Vec<String>,
    slots: Slots,
}

impl Entries {
    /// No entries.
    pub fn new() -> Entries {
        Entries::default()
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.slots.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.slots.len == 0
    }

    /// Adds `entry` at the end.
    pub fn push(&mut self, entry: EntryRow) {
        self.push_texts(&EntryTexts::of(&entry));
    }

    /// Adds an entry at the end, its texts copied into the store.
    pub(crate) fn push_texts(&mut self, e: &EntryTexts<'_>) {
        let len: usize = e.texts.iter().flatten().map(|t| t.len()).sum();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= len);
        if !fits {
            self.chunks.push(String::with_capacity(CHUNK.max(len)));
        }
        let chunk = self.chunks.len() - 1;
        let c = &mut self.chunks[chunk];
        let start = c.len();
        let (mut ends, mut present) = ([0u32; TEXTS], 0u8);
        for (k, t) in e.texts.iter().enumerate() {
            if let Some(t) = t {
                c.push_str(t);
                present |= 1 << k;
            }
            ends[k] = offset(c.len() - start);
        }
        self.slots.push(Slot {
            line: e.origin.line,
            likes: e.likes.unwrap_or(f64::NAN),
            chunk: offset(chunk),
            start: offset(start),
            ends,
            file: offset(e.origin.file),
            date: e.date,
            present,
        });
    }

    /// Entry `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<EntryRef<'_>> {
        (i < self.len()).then_some(EntryRef { entries: self, i })
    }

    /// Entry `i`; panics past the end, as indexing a slice does.
    pub(crate) fn at(&self, i: usize) -> EntryRef<'_> {
        assert!(i < self.len(), "entry {i} of {}", self.len());
        EntryRef { entries: self, i }
    }

    /// Every entry, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = EntryRef<'_>> + ExactSizeIterator + '_ {
        (0..self.len()).map(move |i| EntryRef { entries: self, i })
    }

    /// The entries as owned values (tests, and the rare caller that changes them).
    pub fn to_vec(&self) -> Vec<EntryRow> {
        self.iter().map(|e| e.to_entry()).collect()
    }

    /// Changes entry `i` with `change` (tests, and the rare caller that edits one): its new
    /// texts are written at the end of the store, the old ones left where they were.
    pub fn update(&mut self, i: usize, change: impl FnOnce(&mut EntryRow)) {
        let Some(e) = self.get(i) else { return };
        let mut row = e.to_entry();
        change(&mut row);
        self.push(row);
        if let Some(slot) = self.slots.pop() {
            self.slots.set(i, slot);
        }
    }

    /// Removes the last entry and returns it.
    pub fn pop(&mut self) -> Option<EntryRow> {
        let last = self.get(self.len().checked_sub(1)?)?.to_entry();
        self.slots.pop();
        Some(last)
    }

    /// Calls `f` on every entry's origin, to change it.
    pub(crate) fn for_each_origin(&mut self, mut f: impl FnMut(&mut Origin)) {
        for s in self.slots.iter_mut() {
            let mut o = s.origin();
            f(&mut o);
            (s.file, s.line) = (offset(o.file), o.line);
        }
    }

    /// Keeps the entries whose origin `keep` accepts, in order.
    pub(crate) fn retain(&mut self, keep: impl Fn(&Origin) -> bool) {
        if self.iter().all(|e| keep(&e.origin())) {
            return;
        }
        let mut kept = Entries::new();
        for e in self.iter().filter(|e| keep(&e.origin())) {
            kept.push_texts(&e.texts());
        }
        *self = kept;
    }

    /// Moves `other`'s entries to the end of these.
    pub(crate) fn append(&mut self, other: Entries) {
        if self.is_empty() {
            *self = other;
            return;
        }
        other.iter().for_each(|e| self.push_texts(&e.texts()));
    }
}

/// A position or a length in the store: the readers bound files far below 4 GiB.
fn offset(p: usize) -> u32 {
    u32::try_from(p).unwrap_or(u32::MAX)
}

/// Equal when they hold the same entries, however their texts are stored.
impl PartialEq for Entries {
    fn eq(&self, other: &Entries) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|(a, b)| same(a.texts(), b.texts()))
    }
}

/// Whether two entries are the same, field by field.
fn same(a: EntryTexts<'_>, b: EntryTexts<'_>) -> bool {
    a.texts == b.texts && a.date == b.date && a.likes == b.likes && a.origin == b.origin
}

impl FromIterator<EntryRow> for Entries {
    fn from_iter<I: IntoIterator<Item = EntryRow>>(iter: I) -> Entries {
        let mut entries = Entries::new();
        entries.extend(iter);
        entries
    }
}

impl Extend<EntryRow> for Entries {
    fn extend<I: IntoIterator<Item = EntryRow>>(&mut self, iter: I) {
        iter.into_iter().for_each(|e| self.push(e));
    }
}

impl From<Vec<EntryRow>> for Entries {
    fn from(v: Vec<EntryRow>) -> Entries {
        v.into_iter().collect()
    }
}

impl From<&[EntryRow]> for Entries {
    fn from(v: &[EntryRow]) -> Entries {
        let mut entries = Entries::new();
        v.iter()
            .for_each(|e| entries.push_texts(&EntryTexts::of(e)));
        entries
    }
}

/// As a list of [`EntryRow`]s.
impl Serialize for Entries {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for e in self.iter() {
            seq.serialize_element(&e.to_entry())?;
        }
        seq.end()
    }
}

/// One entry of an [`Entries`], read field by field.
#[derive(Clone, Copy, Debug)]
pub struct EntryRef<'a> {
    entries: &'a Entries,
    i: usize,
}

impl<'a> EntryRef<'a> {
    fn slot(self) -> &'a Slot {
        self.entries.slots.get(self.i)
    }

    /// Text `k` of the entry, if present.
    fn text_at(self, k: usize) -> Option<&'a str> {
        let s = self.slot();
        if s.present & (1 << k) == 0 {
            return None;
        }
        let begin = if k == 0 { 0 } else { s.ends[k - 1] };
        let at = |p: u32| s.start as usize + p as usize;
        let chunk = self.entries.chunks.get(s.chunk as usize)?;
        Some(chunk.get(at(begin)..at(s.ends[k])).unwrap_or(""))
    }

    /// Its position in the store.
    pub fn index(self) -> usize {
        self.i
    }

    /// The comment's id, as written.
    pub fn id(self) -> Option<&'a str> {
        self.text_at(ID)
    }

    /// The id of the comment this one replies to.
    pub fn parent_id(self) -> Option<&'a str> {
        self.text_at(PARENT)
    }

    /// The entrant's name or handle, as written.
    pub fn author(self) -> &'a str {
        self.text_at(AUTHOR).unwrap_or("")
    }

    /// The entrant's profile id or URL, when the export gives it.
    pub fn profile(self) -> Option<&'a str> {
        self.text_at(PROFILE)
    }

    /// The comment's own address, when the export's link column holds that.
    pub fn link(self) -> Option<&'a str> {
        self.text_at(LINK)
    }

    /// When the comment was written.
    pub fn date(self) -> Option<DateTime> {
        self.slot().date
    }

    /// The comment's text.
    pub fn text(self) -> &'a str {
        self.text_at(TEXT).unwrap_or("")
    }

    /// Likes on the comment.
    pub fn likes(self) -> Option<f64> {
        self.slot().likes()
    }

    /// The file and line it came from.
    pub fn origin(self) -> Origin {
        self.slot().origin()
    }

    /// Its texts and fields, borrowed, as they went in.
    pub(crate) fn texts(self) -> EntryTexts<'a> {
        let s = self.slot();
        EntryTexts {
            texts: std::array::from_fn(|k| self.text_at(k)),
            date: s.date,
            likes: s.likes(),
            origin: s.origin(),
        }
    }

    /// The entry, owned.
    pub fn to_entry(self) -> EntryRow {
        let own = |t: Option<&str>| t.map(str::to_string);
        EntryRow {
            id: own(self.id()),
            parent_id: own(self.parent_id()),
            author: self.author().to_string(),
            profile: own(self.profile()),
            link: own(self.link()),
            date: self.date(),
            text: self.text().to_string(),
            likes: self.likes(),
            origin: self.origin(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

    fn entry(i: usize) -> EntryRow {
        let some = |k: usize, t: String| (!i.is_multiple_of(k + 2)).then_some(t);
        EntryRow {
            id: some(0, format!("c{i}")),
            parent_id: some(1, format!("p{}", i / 3)),
            author: if i.is_multiple_of(5) {
                String::new()
            } else {
                format!("Zoé {i}")
            },
            profile: some(2, format!("https://x.com/u{i}")),
            link: some(3, String::new()),
            date: Date::new(2025, 1, 1 + (i % 28) as u8).map(DateTime::date),
            text: "é🎉 ".repeat(i % 7),
            likes: (!i.is_multiple_of(4)).then_some(i as f64 / 3.0),
            origin: Origin {
                file: i % 3,
                line: i as u64 + 2,
            },
        }
    }

    #[test]
    fn a_record_is_80_bytes() {
        assert_eq!(std::mem::size_of::<Slot>(), 80);
    }

    #[test]
    fn entries_come_back_as_they_went_in() {
        let rows: Vec<EntryRow> = (0..BLOCK * 2 + 5).map(entry).collect();
        let store: Entries = rows.iter().cloned().collect();
        assert_eq!(store.len(), rows.len());
        assert_eq!(store.to_vec(), rows);
        let e = store.get(7).unwrap();
        assert_eq!(
            (e.author(), e.id(), e.parent_id()),
            ("Zoé 7", Some("c7"), Some("p2"))
        );
        assert_eq!(e.link(), Some(""));
        assert!(store.get(rows.len()).is_none());
        assert_eq!(store, Entries::from(&rows[..]));
    }

    #[test]
    fn a_long_text_gets_a_string_of_its_own_and_retain_keeps_the_order() {
        let mut rows: Vec<EntryRow> = (0..10).map(entry).collect();
        rows[4].text = "x".repeat(CHUNK + 5);
        let mut store = Entries::from(rows.clone());
        assert_eq!(store.to_vec(), rows);
        store.retain(|o| o.file != 1);
        rows.retain(|e| e.origin.file != 1);
        assert_eq!(store.to_vec(), rows);
        store.update(2, |e| e.author = "Ann".into());
        rows[2].author = "Ann".into();
        assert_eq!(store.to_vec(), rows);
        assert_eq!(store.pop(), rows.pop());
        assert_eq!(store.to_vec(), rows);
    }
}
