//! What a draw knows of its entries before any rule, computed once per list of entries and
//! kept while the rules change: each entry's name and profile normalised and interned, the
//! person it is, the entrant each person is shown as, the entries whose comment id an earlier
//! entry had, and the entries' SHA-256.

use super::digest::EntriesHasher;
use super::entrant::{who_ids, Normaliser};
use super::intern::{Interner, HASHER, NONE};
use crate::model::Entries;
use hashbrown::HashTable;
use std::hash::BuildHasher;

/// The entries as the rules will see them, whatever the rules.
#[derive(Clone, Debug)]
pub(super) struct Index {
    /// Every distinct name, profile and entrant.
    pub(super) strings: Interner,
    /// Per entry: its name, normalised (the profile when the name is blank), or [`NONE`].
    pub(super) name: Vec<u32>,
    /// Per entry: its profile, normalised, or [`NONE`].
    pub(super) profile: Vec<u32>,
    /// Per entry: the person it is (an index into `entrant`), or [`NONE`] without a name.
    pub(super) person: Vec<u32>,
    /// Per person, in the order they first appear: the entrant they are shown as.
    pub(super) entrant: Vec<u32>,
    /// The entries with an author whose comment id an earlier entry with an author had, in
    /// order, with that earlier entry's line.
    pub(super) duplicates: Vec<(u32, u64)>,
    /// SHA-256 of the entries (see [`EntriesHasher`]).
    pub(super) entries_sha256: String,
    /// There are entries, and none has a text.
    pub(super) no_text: bool,
    /// There are entries, and none has a date.
    pub(super) no_dates: bool,
}

/// A person as first seen: their identity (the profile when there is one, else the name) and
/// the name they first wrote.
struct FirstSeen {
    name: u32,
    profile: u32,
}

impl Index {
    /// Reads every entry once, in one pass (each entry's strings are fetched from memory
    /// once): who it is, whether its comment id repeats an earlier one, its line of the
    /// entries' SHA-256.
    pub(super) fn new(entries: &Entries) -> Index {
        let mut strings = Interner::with_capacity(entries.len() / 2);
        let mut n = Normaliser::default();
        let mut name = Vec::with_capacity(entries.len());
        let mut profile = Vec::with_capacity(entries.len());
        let mut person = Vec::with_capacity(entries.len());
        let mut people = People::default();
        let mut ids = Ids::new(entries);
        let mut sha = EntriesHasher::default();
        for (i, e) in entries.iter().enumerate() {
            let (nm, pr) = who_ids(e, &mut n, &mut strings);
            let p = people.of(nm, pr, strings.len());
            if p != NONE {
                ids.check(i);
            }
            name.push(nm);
            profile.push(pr);
            person.push(p);
            sha.add(e);
        }
        let entrant = entrants(&people.first, &mut strings);
        Index {
            duplicates: ids.duplicates,
            entries_sha256: sha.finish(),
            no_text: !entries.is_empty() && entries.iter().all(|e| e.text().trim().is_empty()),
            no_dates: !entries.is_empty() && entries.iter().all(|e| e.date().is_none()),
            strings,
            name,
            profile,
            person,
            entrant,
        }
    }

    /// How many entries.
    pub(super) fn len(&self) -> usize {
        self.name.len()
    }

    /// The entrant person `p` is shown as.
    pub(super) fn entrant_of(&self, p: u32) -> &str {
        self.strings
            .get(self.entrant.get(p as usize).copied().unwrap_or(NONE))
    }
}

/// The people met so far: who each identity is (the profile when there is one, else the name).
#[derive(Default)]
struct People {
    /// The person of each identity, by the id of its profile, or of its name.
    by_profile: Vec<u32>,
    by_name: Vec<u32>,
    first: Vec<FirstSeen>,
}

impl People {
    /// The person of an entry with this name and profile ([`NONE`] without a name); `known`
    /// is how many strings are interned.
    fn of(&mut self, name: u32, profile: u32, known: usize) -> u32 {
        if name == NONE {
            return NONE;
        }
        let (table, key) = if profile == NONE {
            (&mut self.by_name, name as usize)
        } else {
            (&mut self.by_profile, profile as usize)
        };
        if table.len() <= key {
            table.resize(known.max(key + 1), NONE);
        }
        if table[key] == NONE {
            table[key] = self.first.len() as u32;
            self.first.push(FirstSeen { name, profile });
        }
        table[key]
    }
}

/// The comment ids of the entries with an author, met so far.
struct Ids<'a> {
    entries: &'a Entries,
    seen: HashTable<u32>,
    /// The entries whose id an earlier one had, with that entry's line.
    duplicates: Vec<(u32, u64)>,
}

impl<'a> Ids<'a> {
    fn new(entries: &'a Entries) -> Ids<'a> {
        Ids {
            entries,
            seen: HashTable::with_capacity(entries.len()),
            duplicates: Vec::new(),
        }
    }

    fn id(entries: &Entries, i: usize) -> &str {
        entries.at(i).id().map_or("", str::trim)
    }

    /// Entry `i` (with an author): a duplicate when an earlier entry had its id (trimmed, not
    /// blank).
    fn check(&mut self, i: usize) {
        let entries = self.entries;
        let id = Self::id(entries, i);
        if id.is_empty() {
            return;
        }
        let hash = HASHER.hash_one(id);
        match self
            .seen
            .find(hash, |&j| Self::id(entries, j as usize) == id)
        {
            Some(&j) => self
                .duplicates
                .push((i as u32, entries.at(j as usize).origin().line)),
            None => {
                self.seen.insert_unique(hash, i as u32, |&j| {
                    HASHER.hash_one(Self::id(entries, j as usize))
                });
            }
        }
    }
}

/// The entrant of every person, in the order they first appear: their first name, with the
/// profile when two people share that name; unique (a suffix ` #2`, ` #3`… for the later, if
/// ever needed).
fn entrants(first: &[FirstSeen], strings: &mut Interner) -> Vec<u32> {
    let mut by_name: Vec<u32> = vec![0; strings.len()];
    for f in first {
        by_name[f.name as usize] += 1;
    }
    let mut taken: Vec<bool> = Vec::new();
    let is_taken = |taken: &[bool], strings: &Interner, key: &str| {
        strings
            .find(key)
            .is_some_and(|id| taken.get(id as usize).copied().unwrap_or(false))
    };
    let mut out = Vec::with_capacity(first.len());
    for f in first {
        let shared = f.profile != NONE && by_name[f.name as usize] > 1;
        let name = strings.get(f.name).to_string();
        let mut key = if shared {
            format!("{name} [{}]", strings.get(f.profile))
        } else {
            name.clone()
        };
        let mut n = 2;
        while is_taken(&taken, strings, &key) {
            key = format!("{name} #{n}");
            n += 1;
        }
        let id = strings.intern(&key);
        if taken.len() <= id as usize {
            taken.resize(id as usize + 1, false);
        }
        taken[id as usize] = true;
        out.push(id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryRow, Origin};

    fn entry(author: &str, profile: Option<&str>, id: Option<&str>) -> EntryRow {
        EntryRow {
            id: id.map(str::to_string),
            parent_id: None,
            author: author.into(),
            profile: profile.map(str::to_string),
            link: None,
            date: None,
            text: String::new(),
            likes: None,
            origin: Origin { file: 0, line: 1 },
        }
    }

    #[test]
    fn people_and_their_entrants() {
        let entries = [
            entry("Marie Dupont", Some("https://facebook.com/1"), Some("a")),
            entry("@marie dupont", None, Some("b")),
            entry("Marie D.", Some("facebook.com/1/"), Some("a")),
            entry("Marie Dupont", Some("facebook.com/2"), None),
            entry(" ", None, Some("c")),
            entry("marie dupont [facebook.com/2]", None, Some("c")),
            entry("", Some("www.facebook.com/3"), Some("c")),
        ];
        let ix = Index::new(&Entries::from(&entries[..]));
        let shown: Vec<&str> = ix
            .person
            .iter()
            .map(|&p| if p == NONE { "-" } else { ix.entrant_of(p) })
            .collect();
        assert_eq!(
            shown,
            [
                "marie dupont [facebook.com/1]",
                "marie dupont",
                "marie dupont [facebook.com/1]",
                "marie dupont [facebook.com/2]",
                "-",
                "marie dupont [facebook.com/2] #2",
                "facebook.com/3",
            ]
        );
        // Entry 2 repeats entry 0's id; entry 4 has no author, so entry 5 is the first "c".
        assert_eq!(ix.duplicates, [(2, 1), (6, 1)]);
    }
}
