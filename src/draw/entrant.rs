//! Who an entry is: names, handles and profiles as the draw compares them, the one entrant
//! each person is shown as, and the people of a comment file before any rule.

use super::text::clean;
use crate::model::EntryRow;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// An entrant's name or handle as the draw compares it: cleaned, without leading `@`,
/// lower-cased.
pub(crate) fn normalise(name: &str) -> String {
    clean(name)
        .trim_start_matches('@')
        .trim_start()
        .to_lowercase()
}

/// A profile id or address as the draw compares it: normalised, without `http(s)://`,
/// `www.` or `m.`, nor a trailing `/`.
pub(super) fn normalise_profile(profile: &str) -> String {
    let p = normalise(profile);
    let p = p
        .strip_prefix("https://")
        .or_else(|| p.strip_prefix("http://"))
        .unwrap_or(&p);
    let p = p
        .strip_prefix("www.")
        .or_else(|| p.strip_prefix("m."))
        .unwrap_or(p);
    p.trim_end_matches('/').to_string()
}

/// Who an entry is: the profile when there is one, else the name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Identity {
    Profile(String),
    Name(String),
}

impl Identity {
    /// The identity of an entry whose normalised name and profile are these.
    pub(super) fn of(name: &str, profile: &Option<String>) -> Identity {
        match profile {
            Some(p) => Identity::Profile(p.clone()),
            None => Identity::Name(name.to_string()),
        }
    }
}

/// The name and profile of an entry, normalised; the name falls back on the profile.
pub(super) fn who(e: &EntryRow) -> (String, Option<String>) {
    let profile = e
        .profile
        .as_deref()
        .map(normalise_profile)
        .filter(|p| !p.is_empty());
    let name = normalise(&e.author);
    let name = if name.is_empty() {
        profile.clone().unwrap_or_default()
    } else {
        name
    };
    (name, profile)
}

/// The entrant of every identity: its first name, with the profile when two identities share
/// a name; unique.
pub(super) fn entrant_names(entries: &[EntryRow]) -> HashMap<Identity, String> {
    let order = identities(entries);
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (_, name, _) in &order {
        *by_name.entry(name.as_str()).or_insert(0) += 1;
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = HashMap::new();
    for (id, name, profile) in &order {
        let mut key = match profile {
            Some(p) if by_name.get(name.as_str()).copied().unwrap_or(0) > 1 => {
                format!("{name} [{p}]")
            }
            _ => name.clone(),
        };
        let mut n = 2;
        while taken.contains(&key) {
            key = format!("{name} #{n}");
            n += 1;
        }
        taken.insert(key.clone());
        out.insert(id.clone(), key);
    }
    out
}

/// Identities in order of first appearance, with their name and profile, so a suffix, if ever
/// needed, goes to the later.
fn identities(entries: &[EntryRow]) -> Vec<(Identity, String, Option<String>)> {
    let mut seen: HashSet<Identity> = HashSet::new();
    let mut order: Vec<(Identity, String, Option<String>)> = Vec::new();
    for e in entries {
        let (name, profile) = who(e);
        if name.is_empty() {
            continue;
        }
        let id = Identity::of(&name, &profile);
        if seen.insert(id.clone()) {
            order.push((id, name, profile));
        }
    }
    order
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

    /// Whether it names this person: their entrant, name or profile.
    pub(super) fn matches(&self, entrant: &str, name: &str, profile: &Option<String>) -> bool {
        self.item == entrant || self.item == name || profile.as_deref() == Some(&self.as_profile)
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
pub(crate) fn tally_entries(entries: &[EntryRow], account: Option<&str>) -> EntryTally {
    let account = account.map(normalise).filter(|a| !a.is_empty());
    let account = account.as_deref().map(Named::new);
    let mut ids = HashSet::new();
    let mut people = HashSet::new();
    let mut t = EntryTally {
        comments: 0,
        entries: 0,
        people: 0,
    };
    for e in entries {
        if let Some(id) = e.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
            if !ids.insert(id) {
                continue;
            }
        }
        t.comments += 1;
        let (name, profile) = who(e);
        if name.is_empty()
            || account
                .as_ref()
                .is_some_and(|a| a.matches(&name, &name, &profile))
        {
            continue;
        }
        t.entries += 1;
        people.insert(Identity::of(&name, &profile));
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
