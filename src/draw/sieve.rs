//! The rules applied to the entries one after another, each entry stopped by the first rule
//! it fails (in the order of [`Reason::ALL`]): who is in with how many tickets before bonus
//! entries and the cap, and every entry left out with its reason. People are the integers of
//! the [`Index`], so the work per entry is a few comparisons of integers; a comment's text is
//! folded and its @mentions read only when a rule needs them, into buffers kept from one
//! entry to the next.

use super::entrant::Named;
use super::exclusion::{Left, Reason};
use super::index::Index;
use super::intern::{HASHER, NONE};
use super::rules::{Per, Rules};
use super::text::{fold_into, has_keyword, Mentions};
use super::window::{compare, Bound};
use crate::model::{Entries, EntryRef};
use hashbrown::HashTable;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// One person's counted entries.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    pub(super) counted: bool,
    /// Tickets before bonus lines and the cap.
    pub(super) tickets: u64,
    pub(super) entries: u32,
    /// The line of their first counted entry.
    pub(super) line: u64,
}

/// What the rules made of the entries.
pub(super) struct Sifted {
    /// Per person of the index.
    pub(super) tallies: Vec<Tally>,
    /// Every entry left out, in order.
    pub(super) left: Vec<Left>,
    /// Entries counted.
    pub(super) eligible: usize,
    /// Per item of the exclusion list: whether it left someone out.
    pub(super) exclude_used: Vec<bool>,
    /// Whether the rules set a window (a start or an end that reads as a date).
    pub(super) windowed: bool,
    /// The names and profiles each counted entry was written with, `(person, string)`: what
    /// bonus lines match (gathered only when the rules have some).
    pub(super) aliases: Vec<(u32, u32)>,
}

/// Why an entry is left out, and the number its message needs.
type Why = (Reason, u64);

/// The texts (folded) each person's counted entries hold, with the line of the first.
#[derive(Default)]
struct Texts {
    text: String,
    /// `(person, start, end, line)`.
    table: HashTable<(u32, u32, u32, u64)>,
}

impl Texts {
    fn hash(person: u32, text: &str) -> u64 {
        HASHER.hash_one((person, text))
    }

    fn first(&self, person: u32, text: &str) -> Option<u64> {
        let all = &self.text;
        self.table
            .find(Self::hash(person, text), |&(p, a, b, _)| {
                p == person && all.get(a as usize..b as usize) == Some(text)
            })
            .map(|x| x.3)
    }

    fn insert(&mut self, person: u32, text: &str, line: u64) {
        if self.first(person, text).is_some() {
            return;
        }
        let start = self.text.len() as u32;
        self.text.push_str(text);
        let end = self.text.len() as u32;
        let all = &self.text;
        self.table.insert_unique(
            Self::hash(person, text),
            (person, start, end, line),
            |&(p, a, b, _)| Self::hash(p, all.get(a as usize..b as usize).unwrap_or("")),
        );
    }
}

/// The rules, ready to be applied entry after entry, and what they have seen so far.
struct Sieve<'a> {
    rules: &'a Rules,
    index: &'a Index,
    from: Option<Bound>,
    until: Option<Bound>,
    /// The organiser's ids as a name or entrant and as a profile, when the rules name one.
    organiser: Option<(u32, u32)>,
    /// The first item of the exclusion list naming each name or entrant, each profile.
    exclude_by_name: HashMap<u32, u32, foldhash::fast::FixedState>,
    exclude_by_profile: HashMap<u32, u32, foldhash::fast::FixedState>,
    /// The next of `index.duplicates` to meet.
    next_duplicate: usize,
    fold: bool,
    mentions: bool,
    folded: String,
    scratch: String,
    found: Mentions,
    texts: Texts,
    out: Sifted,
    /// Per person: the kind of suspicion that leaves them out, + 1 (0: none).
    suspect: &'a [u8],
}

/// Applies the rules to the entries, in order; `suspect` gives, per person of the index, the
/// kind of suspicion the rules leave them out for (index in
/// [`Suspicion::ALL`](super::suspicion::Suspicion::ALL) + 1; 0: none).
pub(super) fn sift(entries: &Entries, index: &Index, rules: &Rules, suspect: &[u8]) -> Sifted {
    let mut sieve = Sieve::new(index, rules);
    sieve.suspect = suspect;
    for (i, e) in entries.iter().enumerate() {
        match sieve.admit(i, e) {
            Ok(()) => sieve.out.eligible += 1,
            Err((reason, detail)) => sieve.out.left.push(Left {
                index: i as u32,
                reason,
                detail,
            }),
        }
    }
    sieve.out.windowed = sieve.from.is_some() || sieve.until.is_some();
    sieve.out
}

impl<'a> Sieve<'a> {
    fn new(index: &'a Index, rules: &'a Rules) -> Sieve<'a> {
        let strings = &index.strings;
        let mut exclude_by_name = HashMap::with_hasher(HASHER);
        let mut exclude_by_profile = HashMap::with_hasher(HASHER);
        for (j, item) in rules.exclude.iter().enumerate() {
            let (name, profile) = Named::new(item).ids(strings);
            if name != NONE {
                exclude_by_name.entry(name).or_insert(j as u32);
            }
            if profile != NONE {
                exclude_by_profile.entry(profile).or_insert(j as u32);
            }
        }
        Sieve {
            rules,
            index,
            from: rules.from.as_deref().and_then(Bound::parse),
            until: rules.until.as_deref().and_then(Bound::parse),
            organiser: rules
                .organiser
                .as_deref()
                .map(|o| Named::new(o).ids(strings)),
            exclude_by_name,
            exclude_by_profile,
            next_duplicate: 0,
            fold: !rules.keywords.is_empty() || rules.per == Per::Comment,
            mentions: rules.min_mentions > 0 || rules.bonus_per_mention > 0,
            folded: String::new(),
            scratch: String::new(),
            found: Mentions::default(),
            texts: Texts::default(),
            suspect: &[],
            out: Sifted {
                tallies: vec![Tally::default(); index.entrant.len()],
                left: Vec::new(),
                eligible: 0,
                exclude_used: vec![false; rules.exclude.len()],
                windowed: false,
                aliases: Vec::new(),
            },
        }
    }

    /// Counts entry `i`, or says why not: the rules in the order of [`Reason::ALL`].
    fn admit(&mut self, i: usize, e: EntryRef<'_>) -> Result<(), Why> {
        let ix = self.index;
        let person = ix.person[i];
        if person == NONE {
            return Err((Reason::NoAuthor, 0));
        }
        self.check_id(i)?;
        let who = Who {
            person,
            entrant: ix.entrant[person as usize],
            name: ix.name[i],
            profile: ix.profile[i],
        };
        self.check_organiser(&who)?;
        self.check_excluded(&who)?;
        match self.suspect.get(person as usize) {
            Some(&k) if k > 0 => return Err((Reason::Suspicious, u64::from(k - 1))),
            _ => {}
        }
        self.check_reply(e)?;
        self.check_window(e)?;
        if self.fold {
            fold_into(e.text(), &mut self.scratch, &mut self.folded);
        }
        self.check_keywords()?;
        let tagged = self.check_mentions(e, &who)?;
        self.count(e, &who, tagged)
    }

    /// The same comment id as an earlier entry: two exports that overlap.
    fn check_id(&mut self, i: usize) -> Result<(), Why> {
        let dups = &self.index.duplicates;
        while dups
            .get(self.next_duplicate)
            .is_some_and(|d| (d.0 as usize) < i)
        {
            self.next_duplicate += 1;
        }
        match dups.get(self.next_duplicate) {
            Some(&(at, first)) if at as usize == i => Err((Reason::DuplicateId, first)),
            _ => Ok(()),
        }
    }

    fn check_organiser(&self, w: &Who) -> Result<(), Why> {
        match self.organiser {
            Some((name, profile)) if w.is(name, profile) => Err((Reason::Organiser, 0)),
            _ => Ok(()),
        }
    }

    fn check_excluded(&mut self, w: &Who) -> Result<(), Why> {
        if self.rules.exclude.is_empty() {
            return Ok(());
        }
        let by_name = |id: u32| self.exclude_by_name.get(&id).copied();
        let by_profile = (w.profile != NONE)
            .then(|| self.exclude_by_profile.get(&w.profile).copied())
            .flatten();
        let Some(item) = [by_name(w.entrant), by_name(w.name), by_profile]
            .into_iter()
            .flatten()
            .min()
        else {
            return Ok(());
        };
        self.out.exclude_used[item as usize] = true;
        Err((Reason::Excluded, u64::from(item)))
    }

    fn check_reply(&self, e: EntryRef<'_>) -> Result<(), Why> {
        let reply = e.parent_id().is_some_and(|p| !p.trim().is_empty());
        if self.rules.include_replies || !reply {
            return Ok(());
        }
        Err((Reason::Reply, 0))
    }

    fn check_window(&self, e: EntryRef<'_>) -> Result<(), Why> {
        if self.from.is_none() && self.until.is_none() {
            return Ok(());
        }
        let Some(date) = e.date() else {
            return Err((Reason::NoDate, 0));
        };
        if let (Some(b), Some(_)) = (&self.from, &self.rules.from) {
            if compare(&date, b) == Ordering::Less {
                return Err((Reason::BeforeStart, 0));
            }
        }
        if let (Some(b), Some(_)) = (&self.until, &self.rules.until) {
            if compare(&date, b) == Ordering::Greater {
                return Err((Reason::AfterEnd, 0));
            }
        }
        Ok(())
    }

    /// Every keyword in the entry's text (folded just before).
    fn check_keywords(&self) -> Result<(), Why> {
        let keywords = &self.rules.keywords;
        match keywords.iter().position(|k| !has_keyword(&self.folded, k)) {
            Some(k) => Err((Reason::MissingKeyword, k as u64)),
            None => Ok(()),
        }
    }

    /// The distinct people the entry tags (neither its author nor the organiser), when they
    /// are enough; 0 when no rule counts them.
    fn check_mentions(&mut self, e: EntryRef<'_>, w: &Who) -> Result<u32, Why> {
        if !self.mentions {
            return Ok(0);
        }
        self.found.read(e.text());
        let strings = &self.index.strings;
        let (name, entrant) = (strings.get(w.name), strings.get(w.entrant));
        let organiser = self.rules.organiser.as_deref();
        let tagged = self
            .found
            .iter()
            .filter(|&m| m != name && m != entrant && Some(m) != organiser)
            .count() as u32;
        if tagged >= self.rules.min_mentions {
            return Ok(tagged);
        }
        Err((Reason::TooFewMentions, u64::from(tagged)))
    }

    /// Counts an entry that passed every other rule, unless its author already entered (one
    /// entry per person) or already wrote this text (one entry per comment).
    fn count(&mut self, e: EntryRef<'_>, w: &Who, tagged: u32) -> Result<(), Why> {
        let rules = self.rules;
        let line = e.origin().line;
        let t = &mut self.out.tallies[w.person as usize];
        match rules.per {
            Per::Person if t.counted => return Err((Reason::AlreadyEntered, t.line)),
            Per::Comment if !self.folded.is_empty() => {
                if let Some(first) = self.texts.first(w.person, &self.folded) {
                    return Err((Reason::SameText, first));
                }
            }
            _ => {}
        }
        if !t.counted {
            t.line = line;
        }
        t.counted = true;
        t.entries += 1;
        let extra = u64::from(tagged.saturating_sub(rules.min_mentions));
        t.tickets += 1 + extra * u64::from(rules.bonus_per_mention);
        if rules.per == Per::Comment {
            self.texts.insert(w.person, &self.folded, line);
        }
        if !rules.bonus.is_empty() {
            self.out.aliases.push((w.person, w.name));
            if w.profile != NONE {
                self.out.aliases.push((w.person, w.profile));
            }
        }
        Ok(())
    }
}

/// The author of an entry as the rules compare them: interned ids.
struct Who {
    person: u32,
    entrant: u32,
    name: u32,
    profile: u32,
}

impl Who {
    /// Whether a list's item, by its ids as a name and as a profile, names this author: their
    /// entrant, name or profile.
    fn is(&self, name: u32, profile: u32) -> bool {
        (name != NONE && (name == self.entrant || name == self.name))
            || (profile != NONE && profile == self.profile)
    }
}
