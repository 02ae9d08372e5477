//! The contest entries of a table or a dataset, stored compactly: each entry's six texts (id,
//! reply-to id, author, profile, link, comment) written one after the other in one of a few
//! large strings, and a 48-byte record per entry saying where they lie, plus its date, likes
//! and origin (the rare field it cannot hold kept aside). An entry comes in as an
//! [`EntryRow`] (or its borrowed texts, from the import) and is read back through an
//! [`EntryRef`], which borrows the store.
//!
//! Why: a million comments as `EntryRow`s were six heap strings each, about 270 bytes of
//! headers, capacities and allocator overhead per entry before their text, and the draw read
//! them scattered over the heap. Here an entry costs its text and one record, and the texts
//! of consecutive entries sit next to each other. Written by hand, like [`Posts`](super::Posts):
//! what it keeps is specific to comment exports.

use super::{EntryRow, Origin};
use crate::date::{pack, unpack, DateTime, ASIDE, UNDATED};
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

/// Where one entry's texts lie, and its other fields, in 48 bytes: its time in bit fields
/// ([`pack`]), its line in four bytes, the ends of its five short texts in two bytes each. An
/// entry with what these cannot hold (a line from 2^32 on, an offset past a million minutes,
/// short texts of more than 64 KiB together, which no export writes) has its line, time and
/// ends kept aside whole, as a [`Fields`].
#[derive(Clone, Debug)]
struct Slot {
    /// Its likes (NaN for none: a count is never NaN).
    likes: f64,
    /// Its time ([`pack`]), or [`UNDATED`].
    date: u64,
    /// The text string its texts are in, and where they start in it.
    chunk: u32,
    start: u32,
    /// The line it came from.
    line: u32,
    /// The file it came from.
    file: u32,
    /// Where the comment (written last) ends, counted from `start`.
    text_end: u32,
    /// Where each other text ends, counted from `start` (each starts where the one before
    /// ends).
    ends: [u16; TEXT],
    /// Bit `k`: text `k` is present (an absent one is empty here); [`FAR`]: the line, time
    /// and ends are kept aside.
    present: u8,
}

/// The bit of [`Slot::present`] saying the entry's [`Fields`] are kept aside.
const FAR: u8 = 1 << 7;

/// The fields of an entry a [`Slot`] holds in few bytes, whole.
#[derive(Clone, Debug)]
struct Fields {
    line: u64,
    date: Option<DateTime>,
    /// Where each text ends, counted from the entry's start.
    ends: [u32; TEXTS],
}

impl Slot {
    /// The slot with `f` written in, marked [`FAR`] when `f` must be kept aside.
    fn with(mut self, f: &Fields) -> Slot {
        self.text_end = f.ends[TEXT];
        let line = u32::try_from(f.line).ok().filter(|&l| l != u32::MAX);
        let date = f.date.map_or(Some(UNDATED), pack);
        // The ends only grow: the last short one bounds them all.
        match (line, date, f.ends[TEXT - 1] <= u32::from(u16::MAX)) {
            (Some(line), Some(date), true) => {
                (self.line, self.date) = (line, date);
                self.ends = std::array::from_fn(|k| f.ends[k] as u16);
                self.present &= !FAR;
            }
            _ => {
                (self.line, self.date, self.ends) = (u32::MAX, ASIDE, [0; TEXT]);
                self.present |= FAR;
            }
        }
        self
    }

    /// The slot with `f` written in, and `f` when it must be kept aside.
    fn holding(self, f: Fields) -> (Slot, Option<Fields>) {
        let slot = self.with(&f);
        let far = (slot.present & FAR != 0).then_some(f);
        (slot, far)
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
    /// By entry, in order: the fields of the slots marked [`FAR`].
    far: Vec<(usize, Fields)>,
}

impl Slots {
    fn push(&mut self, (slot, far): (Slot, Option<Fields>)) {
        if self.len.is_multiple_of(BLOCK) {
            self.blocks.push(Vec::with_capacity(BLOCK));
        }
        if let Some(b) = self.blocks.last_mut() {
            b.push(slot);
            self.far.extend(far.map(|f| (self.len, f)));
            self.len += 1;
        }
    }

    fn pop(&mut self) -> Option<(Slot, Option<Fields>)> {
        let b = self.blocks.last_mut()?;
        let slot = b.pop()?;
        if b.is_empty() {
            self.blocks.pop();
        }
        self.len -= 1;
        // The last entry's fields, if aside, are the last kept.
        let far = (slot.present & FAR != 0)
            .then(|| self.far.pop().map(|(_, f)| f))
            .flatten();
        Some((slot, far))
    }

    fn get(&self, i: usize) -> &Slot {
        &self.blocks[i / BLOCK][i % BLOCK]
    }

    fn get_mut(&mut self, i: usize) -> &mut Slot {
        &mut self.blocks[i / BLOCK][i % BLOCK]
    }

    fn set(&mut self, i: usize, (slot, far): (Slot, Option<Fields>)) {
        self.blocks[i / BLOCK][i % BLOCK] = slot;
        match (self.far.binary_search_by_key(&i, |f| f.0), far) {
            (Ok(k), Some(f)) => self.far[k].1 = f,
            (Ok(k), None) => _ = self.far.remove(k),
            (Err(k), Some(f)) => self.far.insert(k, (i, f)),
            (Err(_), None) => {}
        }
    }

    /// The fields of entry `i` (its slot `s`), when kept aside.
    fn far(&self, i: usize, s: &Slot) -> Option<&Fields> {
        if s.present & FAR == 0 {
            return None;
        }
        let k = self.far.binary_search_by_key(&i, |f| f.0).ok()?;
        Some(&self.far[k].1)
    }

    /// Where text `k` of entry `i` (its slot `s`) ends, counted from its start.
    fn end(&self, i: usize, s: &Slot, k: usize) -> u32 {
        if k == TEXT {
            return s.text_end;
        }
        self.far(i, s).map_or(u32::from(s.ends[k]), |f| f.ends[k])
    }

    fn line(&self, i: usize, s: &Slot) -> u64 {
        self.far(i, s).map_or(u64::from(s.line), |f| f.line)
    }

    fn date(&self, i: usize, s: &Slot) -> Option<DateTime> {
        match self.far(i, s) {
            Some(f) => f.date,
            None if s.date == UNDATED => None,
            None => unpack(s.date),
        }
    }

    /// Entry `i`'s fields, whole.
    fn fields(&self, i: usize) -> Fields {
        let s = self.get(i);
        Fields {
            line: self.line(i, s),
            date: self.date(i, s),
            ends: std::array::from_fn(|k| self.end(i, s, k)),
        }
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
        let slot = Slot {
            likes: e.likes.unwrap_or(f64::NAN),
            date: UNDATED,
            chunk: offset(chunk),
            start: offset(start),
            line: 0,
            file: offset(e.origin.file),
            text_end: 0,
            ends: [0; TEXT],
            present,
        };
        let fields = Fields {
            line: e.origin.line,
            date: e.date,
            ends,
        };
        self.slots.push(slot.holding(fields));
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
        if let Some(last) = self.slots.pop() {
            self.slots.set(i, last);
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
        for i in 0..self.len() {
            let mut o = self.at(i).origin();
            let line = o.line;
            f(&mut o);
            self.slots.get_mut(i).file = offset(o.file);
            if o.line != line {
                let fields = Fields {
                    line: o.line,
                    ..self.slots.fields(i)
                };
                let slot = self.slots.get(i).clone();
                self.slots.set(i, slot.holding(fields));
            }
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

    /// Text `k` of the entry, if present (inlined: each caller's `k` is a constant).
    #[inline]
    fn text_at(self, k: usize) -> Option<&'a str> {
        let s = self.slot();
        if s.present & (1 << k) == 0 {
            return None;
        }
        let (begin, end) = if s.present & FAR == 0 {
            let short = |k: usize| u32::from(s.ends[k]);
            let begin = if k == 0 { 0 } else { short(k - 1) };
            (begin, if k == TEXT { s.text_end } else { short(k) })
        } else {
            let end = |k: usize| self.entries.slots.end(self.i, s, k);
            (if k == 0 { 0 } else { end(k - 1) }, end(k))
        };
        let at = |p: u32| s.start as usize + p as usize;
        let chunk = self.entries.chunks.get(s.chunk as usize)?;
        Some(chunk.get(at(begin)..at(end)).unwrap_or(""))
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
        self.entries.slots.date(self.i, self.slot())
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
        let s = self.slot();
        Origin {
            file: s.file as usize,
            line: self.entries.slots.line(self.i, s),
        }
    }

    /// Its texts and fields, borrowed, as they went in.
    pub(crate) fn texts(self) -> EntryTexts<'a> {
        EntryTexts {
            texts: std::array::from_fn(|k| self.text_at(k)),
            date: self.date(),
            likes: self.slot().likes(),
            origin: self.origin(),
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
    fn a_record_is_48_bytes() {
        assert_eq!(std::mem::size_of::<Slot>(), 48);
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
    fn what_a_record_cannot_hold_is_kept_aside() {
        let mut rows: Vec<EntryRow> = (0..40).map(entry).collect();
        rows[3].origin.line = u64::from(u32::MAX);
        rows[9].profile = Some("p".repeat(70_000));
        rows[9].text = "a comment after a long profile".into();
        if let Some(d) = &mut rows[20].date {
            d.offset_minutes = Some(1 << 20);
        }
        rows[39].origin.line = u64::MAX;
        let mut store = Entries::from(&rows[..]);
        assert_eq!(store.to_vec(), rows);
        assert_eq!(store.slots.far.len(), 4);
        assert_eq!(
            store.get(9).unwrap().text(),
            "a comment after a long profile"
        );
        // Out of aside, into it, and a line changed both ways.
        store.update(3, |e| e.origin.line = 5);
        rows[3].origin.line = 5;
        store.update(4, |e| e.link = Some("l".repeat(66_000)));
        rows[4].link = Some("l".repeat(66_000));
        assert_eq!(store.to_vec(), rows);
        store.for_each_origin(|o| {
            o.line = match o.line {
                7 => 1 << 40,
                u64::MAX => 8,
                l => l,
            };
        });
        for r in &mut rows {
            r.origin.line = match r.origin.line {
                7 => 1 << 40,
                u64::MAX => 8,
                l => l,
            };
        }
        assert_eq!(store.to_vec(), rows);
        assert_eq!(store.pop(), rows.pop());
        assert_eq!(store.to_vec(), rows);
        store.retain(|o| o.line != 1 << 40);
        rows.retain(|e| e.origin.line != 1 << 40);
        assert_eq!(store.to_vec(), rows);
        assert_eq!(store.slots.far.len(), 3);
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
