//! Who an entry is: names, handles and profiles as the draw compares them, normalised into
//! buffers a caller keeps from one entry to the next, and the people of a comment file before
//! any rule.

use super::intern::{Interner, HASHER, NONE};
use super::text::{clean_into, lower_into};
use crate::model::{Entries, EntryRef};
use hashbrown::HashTable;
use serde::Serialize;
use std::collections::HashSet;
use std::hash::BuildHasher;

/// An entrant's name or handle as the draw compares it: cleaned, without leading `@`,
/// lower-cased.
pub(crate) fn normalise(name: &str) -> String {
    Normaliser::default().name(name).to_string()
}

/// A profile id or address as the draw compares it: normalised, without `http(s)://`,
/// `www.` or `m.`, nor a trailing `/`.
pub(super) fn normalise_profile(profile: &str) -> String {
    Normaliser::default().profile(profile).to_string()
}

/// The two buffers names are normalised in: one entry after another, nothing allocated once
/// they have grown to the longest name.
#[derive(Default)]
pub(super) struct Normaliser {
    cleaned: String,
    out: String,
}

impl Normaliser {
    /// `name` normalised (see [`normalise`]).
    pub(super) fn name(&mut self, name: &str) -> &str {
        // Most handles and addresses: printable ASCII without a space, which cleaning leaves
        // as it is.
        if name.bytes().all(|b| (0x21..0x7f).contains(&b)) {
            self.out.clear();
            self.out.push_str(name.trim_start_matches('@'));
            self.out.make_ascii_lowercase();
            return &self.out;
        }
        self.cleaned.clear();
        clean_into(name, &mut self.cleaned);
        let bare = self.cleaned.trim_start_matches('@').trim_start();
        self.out.clear();
        lower_into(bare, &mut self.out);
        &self.out
    }

    /// `profile` normalised (see [`normalise_profile`]).
    pub(super) fn profile(&mut self, profile: &str) -> &str {
        let p = self.name(profile);
        let p = p
            .strip_prefix("https://")
            .or_else(|| p.strip_prefix("http://"))
            .unwrap_or(p);
        let p = p
            .strip_prefix("www.")
            .or_else(|| p.strip_prefix("m."))
            .unwrap_or(p);
        p.trim_end_matches('/')
    }
}

/// The name and profile of an entry, interned: the profile when the export gives one (blank
/// ones are none), and the name, which falls back on the profile when blank; [`NONE`] for
/// neither.
pub(super) fn who_ids(e: EntryRef<'_>, n: &mut Normaliser, strings: &mut Interner) -> (u32, u32) {
    let profile = match e.profile().map(|p| n.profile(p)) {
        Some(p) if !p.is_empty() => strings.intern(p),
        _ => NONE,
    };
    let name = n.name(e.author());
    let name = if name.is_empty() {
        profile
    } else {
        strings.intern(name)
    };
    (name, profile)
}

/// An item of a list of people (exclusions, the organiser), in both forms it may match.
pub(super) struct Named<'a> {
    /// The item as the rules write it.
    pub(super) item: &'a str,
    as_profile: String,
}

impl Named<'_> {
    pub(super) fn new(item: &str) -> Named<'_> {
        Named {
            item,
            as_profile: normalise_profile(item),
        }
    }

    /// The ids of the item's two forms among `strings`: as a name or entrant, as a profile
    /// ([`NONE`] for a form no entry has, which therefore matches nobody).
    pub(super) fn ids(&self, strings: &Interner) -> (u32, u32) {
        (
            strings.find(self.item).unwrap_or(NONE),
            strings.find(&self.as_profile).unwrap_or(NONE),
        )
    }
}

/// What a comment file holds before any rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct EntryTally {
    /// Comments, each counted once (a comment id seen twice, from overlapping exports, once).
    pub comments: usize,
    /// Those with an author, the organiser's own left out.
    pub entries: usize,
    /// Distinct people among them.
    pub people: usize,
}

/// The comments, entries and distinct people of a comment file, leaving out `account`'s own
/// comments (the organiser answering): what "entries" and "participants" mean before any rule.
pub(crate) fn tally_entries(entries: &Entries, account: Option<&str>) -> EntryTally {
    let account = account.map(normalise).filter(|a| !a.is_empty());
    let account = account.as_deref().map(Named::new);
    let mut ids: HashTable<usize> = HashTable::new();
    let mut strings = Interner::default();
    let mut n = Normaliser::default();
    // A person is their profile when they have one, else their name: (is a profile, id).
    let mut people: HashSet<(bool, u32), _> = HashSet::with_hasher(HASHER);
    let mut t = EntryTally {
        comments: 0,
        entries: 0,
        people: 0,
    };
    let id_of = |i: usize| entries.at(i).id().map_or("", str::trim);
    for (i, e) in entries.iter().enumerate() {
        let id = id_of(i);
        if !id.is_empty() {
            let hash = HASHER.hash_one(id);
            if ids.find(hash, |&j| id_of(j) == id).is_some() {
                continue;
            }
            ids.insert_unique(hash, i, |&j| HASHER.hash_one(id_of(j)));
        }
        t.comments += 1;
        let (name, profile) = who_ids(e, &mut n, &mut strings);
        if name == NONE {
            continue;
        }
        if let Some(a) = &account {
            let (item, as_profile) = a.ids(&strings);
            if item == name || (profile != NONE && profile == as_profile) {
                continue;
            }
        }
        t.entries += 1;
        people.insert(if profile == NONE {
            (false, name)
        } else {
            (true, profile)
        });
    }
    t.people = people.len();
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::read_entries;

    #[test]
    fn example_of_normalise() {
        assert_eq!(normalise("  @Marie_D "), "marie_d");
        assert_eq!(normalise("Marie\u{a0} Dupont\u{200b}"), "marie dupont");
    }

    #[test]
    fn names_and_handles_normalise_alike() {
        assert_eq!(normalise("@@Bob"), "bob");
        assert_eq!(normalise("\u{feff}Élodie\tMARTIN "), "élodie martin");
        assert_eq!(normalise("@ bob"), "bob");
        assert_eq!(normalise("\u{200e}@anna.k\u{200f}"), "anna.k");
        assert_eq!(normalise("  "), "");
        assert_eq!(
            normalise_profile("https://www.Facebook.com/Jean.D/"),
            "facebook.com/jean.d"
        );
        assert_eq!(normalise_profile("100012345"), "100012345");
    }

    #[test]
    fn example_of_tally_entries() {
        let entries = read_entries("list.txt", "@ann\nAnn\nbob\n@brand\n").unwrap();
        let t = tally_entries(&entries, Some("@Brand"));
        assert_eq!(
            t,
            EntryTally {
                comments: 4,
                entries: 3,
                people: 2
            }
        );
    }
}
