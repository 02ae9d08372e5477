//! Suspicious entrants: patterns that fake or bought entries leave, each flag with its reason
//! and the lines it rests on. A flag is a question for the organiser, never an exclusion by
//! itself: only a kind the rules name in `exclude_suspicious` leaves its entrants out (reason
//! `suspicious`), and then the rules, hence the certificate and its fingerprint, record it.
//!
//! The flags are a pure function of the entries, so a verification recomputes them:
//! - `same_text`: the same text (its @mentions aside, case and punctuation aside, at least
//!   [`SAME_TEXT_WORDS`] words) written by [`SAME_TEXT_ACCOUNTS`] entrants or more;
//! - `new_handle_burst`: [`BURST_HANDLES`] or more new-looking handles (ending in four digits
//!   or more, a third of their characters digits, or `user` and digits) entering within
//!   [`BURST_MINUTES`] minutes;
//! - `tag_farm`: [`FARM_ACCOUNTS`] entrants or more tagging exactly the same people (two or
//!   more);
//! - `several_spellings`: entrants whose names have the same letters once accents, digits,
//!   dots, underscores, hyphens and spaces are left out (`marie.dupont`, `Marie_Dupont2`,
//!   `Marie Dupont`), at least [`SPELLING_LETTERS`] letters, at most [`MAX_SPELLINGS`]
//!   entrants.

use super::index::Index;
use super::intern::{HASHER, NONE};
use super::text::{clean_into, lower_into, split_words, Mentions};
use crate::i18n::Lang;
use crate::model::{Entries, EntryRef};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;
use std::hash::BuildHasher;
use std::sync::Arc;

/// Words a shared text needs to be suspicious (`je participe` is everyone's).
pub(super) const SAME_TEXT_WORDS: usize = 5;
/// Entrants writing the same text that make it suspicious.
pub(super) const SAME_TEXT_ACCOUNTS: usize = 3;
/// The dated entries of new-looking handles, with their time in seconds (UTC when the
/// offset is known), in the order of the entries; each person's handle looked at once.
fn new_looking_dated<'a>(read: &'a [Read]) -> Vec<(i64, &'a Read<'a>)> {
    // Per person (the entrant is the person's): 0 not yet known, 1 new-looking, 2 not.
    let mut known: Vec<u8> = Vec::new();
    let mut is_new = |r: &Read| {
        let p = r.person as usize;
        if known.len() <= p {
            known.resize(p + 1, 0);
        }
        if known[p] == 0 {
            known[p] = if looks_new(r.entrant()) { 1 } else { 2 };
        }
        known[p] == 1
    };
    read.iter()
        .filter(|r| is_new(r))
        .filter_map(|r| {
            let d = r.e.date()?;
            Some((d.utc_seconds().unwrap_or(d.local_seconds()), r))
        })
        .collect()
}

/// New-looking handles entering together that make a burst.
pub(super) const BURST_HANDLES: usize = 5;
/// The span of a burst, in minutes.
pub(super) const BURST_MINUTES: i64 = 10;
/// Entrants tagging the same people that make a tag farm.
pub(super) const FARM_ACCOUNTS: usize = 3;
/// Letters two names must share to be read as one spelling.
pub(super) const SPELLING_LETTERS: usize = 4;
/// Most entrants one spelling may gather: more is a pattern (`user123`, `user456`…), not one
/// person.
pub(super) const MAX_SPELLINGS: usize = 5;

/// A kind of suspicion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Suspicion {
    /// The same text written by many accounts.
    SameText,
    /// New-looking handles entering in a burst.
    NewHandleBurst,
    /// Accounts tagging the same set of people.
    TagFarm,
    /// One person under several spellings.
    SeveralSpellings,
}

impl Suspicion {
    /// Every kind, in the order they are shown.
    pub const ALL: [Suspicion; 4] = [
        Suspicion::SameText,
        Suspicion::NewHandleBurst,
        Suspicion::TagFarm,
        Suspicion::SeveralSpellings,
    ];

    /// Its name in `lang`: the heading of its flags and the rule's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Suspicion::SameText => lang.pick(
                "The same text from many accounts",
                "Le même texte depuis plusieurs comptes",
            ),
            Suspicion::NewHandleBurst => lang.pick(
                "A burst of new-looking handles",
                "Une rafale de pseudos qui semblent neufs",
            ),
            Suspicion::TagFarm => lang.pick(
                "Accounts tagging the same people",
                "Des comptes qui identifient les mêmes personnes",
            ),
            Suspicion::SeveralSpellings => lang.pick(
                "One person under several spellings",
                "Une personne sous plusieurs graphies",
            ),
        }
    }
}

/// One entrant flagged, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuspiciousEntrant {
    /// The entrant, as the draw names them.
    pub entrant: String,
    /// What was seen.
    pub kind: Suspicion,
    /// Why, in words, with what the others share.
    pub reason: String,
    /// The lines of the entries the flag rests on (this entrant's).
    pub lines: Vec<u64>,
    /// Whether the rules leave this entrant out for it.
    pub excluded: bool,
    /// The person of the index.
    #[serde(skip)]
    pub(super) person: u32,
    /// What `reason` says, in no language: a change of language writes it again from this.
    #[serde(skip)]
    why: Why,
}

/// What a flag's reason says, in no language: up to three other entrants of its group (their
/// persons, [`NONE`] past the last), how many more, and what the group shares (a text, the
/// people tagged or the letters, shared by the group's flags; or the size of a burst).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Why {
    shown: [u32; 3],
    more: usize,
    shared: Arc<str>,
    burst: usize,
}

/// One kind of suspicion as the draw view lists it: its name, how many entrants it flags,
/// and whether the rules leave them out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SuspicionKind {
    /// The kind.
    pub kind: Suspicion,
    /// Its name ([`Suspicion::label`]).
    pub label: &'static str,
    /// Entrants flagged for it.
    pub flagged: usize,
    /// Whether the rules leave them out (`exclude_suspicious`).
    pub excluded: bool,
}

/// Every kind, in order, with its count among `flags`.
pub(super) fn kinds(
    flags: &[SuspiciousEntrant],
    rules_out: &[Suspicion],
    lang: Lang,
) -> Vec<SuspicionKind> {
    Suspicion::ALL
        .iter()
        .map(|&kind| SuspicionKind {
            kind,
            label: kind.label(lang),
            flagged: flags.iter().filter(|f| f.kind == kind).count(),
            excluded: rules_out.contains(&kind),
        })
        .collect()
}

/// One entry as the flags read it: its person and the entry, the index its entrant is read
/// from (16 bytes in wasm: a million entries are read at once).
struct Read<'a> {
    person: u32,
    e: EntryRef<'a>,
    index: &'a Index,
}

impl<'a> Read<'a> {
    /// The entrant, as the draw names them.
    fn entrant(&self) -> &'a str {
        self.index.entrant_of(self.person)
    }

    fn line(&self) -> u64 {
        self.e.origin().line
    }
}

/// Every flag of `entries` (`index` theirs), by kind then entrant, none marked `excluded`.
pub(super) fn suspicious(entries: &Entries, index: &Index, lang: Lang) -> Vec<SuspiciousEntrant> {
    let read: Vec<Read> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let person = index.person.get(i).copied().filter(|p| *p != NONE)?;
            Some(Read { person, e, index })
        })
        .collect();
    let mut out = same_text(&read);
    out.extend(bursts(&read));
    out.extend(tag_farms(&read));
    out.extend(spellings(&read));
    say_flags_in(&mut out, index, lang);
    out
}

/// Writes the reason of every flag in `lang` (`index` is that of the entries they were found
/// in): a change of language costs a sentence per flag, not the search again.
pub(super) fn say_flags_in(flags: &mut [SuspiciousEntrant], index: &Index, lang: Lang) {
    let mut others = String::new();
    for f in flags {
        others.clear();
        let w = &f.why;
        for (k, &p) in w.shown.iter().take_while(|&&p| p != NONE).enumerate() {
            if k > 0 {
                others.push_str(", ");
            }
            others.push_str(index.entrant_of(p));
        }
        let _ = match (w.more, lang) {
            (0, _) => Ok(()),
            (n, Lang::En) => write!(others, " and {n} more"),
            (1, Lang::Fr) => write!(others, " et 1 autre"),
            (n, Lang::Fr) => write!(others, " et {n} autres"),
        };
        f.reason = reason(f.kind, w, &others, lang);
    }
}

/// The reason of a flag of `kind`, in `lang`, `others` its other entrants as a short list.
fn reason(kind: Suspicion, why: &Why, others: &str, lang: Lang) -> String {
    let shared = &why.shared;
    match (kind, lang) {
        (Suspicion::SameText, Lang::En) => format!("the same text as {others}: “{shared}”"),
        (Suspicion::SameText, Lang::Fr) => {
            format!("le même texte que {others}\u{a0}: «\u{a0}{shared}\u{a0}»")
        }
        (Suspicion::NewHandleBurst, Lang::En) => format!(
            "a new-looking handle among {} entering within {BURST_MINUTES} minutes",
            why.burst
        ),
        (Suspicion::NewHandleBurst, Lang::Fr) => format!(
            "un pseudo qui semble neuf, parmi {} arrivés en moins de {BURST_MINUTES} minutes",
            why.burst
        ),
        (Suspicion::TagFarm, Lang::En) => format!("tags the same people as {others}: {shared}"),
        (Suspicion::TagFarm, Lang::Fr) => {
            format!("identifie les mêmes personnes que {others}\u{a0}: {shared}")
        }
        (Suspicion::SeveralSpellings, Lang::En) => {
            format!("may be the same person as {others} (same letters: {shared})")
        }
        (Suspicion::SeveralSpellings, Lang::Fr) => {
            format!("peut-être la même personne que {others} (mêmes lettres\u{a0}: {shared})")
        }
    }
}

/// The high half of a 64-bit integer.
const HIGH: u64 = 0xffff_ffff_0000_0000;

/// One group's entrants, each with their person and lines.
type Group<'a> = BTreeMap<&'a str, (u32, Vec<u64>)>;

/// Groups `read` by `key` (entries without one left out) and keeps the groups whose number
/// of entrants `keep` accepts, by key: for each, its entrants and their lines in the order of
/// the entries. Most keys (a comment's text, its tags) belong to one entry: `hash` (the key's
/// hash, computed without keeping the key) is sorted first, and only the entries whose hash
/// another shares get their key made, sorted and gathered. A million entries then cost a
/// sort of integers, not a million keys and small maps. The keys of one hash are sorted
/// apart (equal keys have equal hashes; a stable sort of keys already in order, the common
/// case, is one pass), and the groups are put in the order of their keys at the end.
fn groups<'a, K: Ord>(
    read: &'a [Read],
    (mut hash, mut key): (
        impl FnMut(&Read) -> Option<u64>,
        impl FnMut(&Read) -> Option<K>,
    ),
    keep: impl Fn(usize) -> bool,
) -> Vec<(K, Group<'a>)> {
    // The hash's high 32 bits and the entry, in one integer: sorted, the entries of one
    // hash are together and in their order. Two keys sharing 32 bits are told apart below
    // by the keys themselves, so the truncation costs a few keys made, never a wrong group.
    let mut hashed: Vec<u64> = read
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some(hash(r)? & HIGH | i as u64))
        .collect();
    hashed.sort_unstable();
    let mut out = Vec::new();
    let mut keyed: Vec<(K, u32)> = Vec::new();
    let mut people: Vec<(u32, u32)> = Vec::new();
    let entry = |x: u64| (x & !HIGH) as u32;
    for run in hashed.chunk_by(|a, b| a & HIGH == b & HIGH) {
        // One person's entries alone (one entry, or one person's several) make no group
        // that `keep` accepts when it wants two entrants or more: no key is made for them.
        let person = |&x: &u64| read[entry(x) as usize].person;
        if !keep(1) && run.iter().all(|x| person(x) == person(&run[0])) {
            continue;
        }
        keyed.clear();
        keyed.extend(
            run.iter()
                .filter_map(|&x| Some((key(&read[entry(x) as usize])?, entry(x)))),
        );
        // Stable: the entries of one key stay in their order.
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        let mut rest = keyed.drain(..).peekable();
        while let Some((k, i)) = rest.next() {
            people.clear();
            people.push((read[i as usize].person, i));
            while let Some((_, j)) = rest.next_if(|(next, _)| *next == k) {
                people.push((read[j as usize].person, j));
            }
            if let Some(group) = group_of(read, &mut people, &keep) {
                out.push((k, group));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The group of the entries `people` (person, entry; in the order of the entries), if `keep`
/// accepts its number of entrants: each person's lines gathered first, so the map of
/// entrants is looked up once per person, not once per entry.
fn group_of<'a>(
    read: &'a [Read],
    people: &mut [(u32, u32)],
    keep: &impl Fn(usize) -> bool,
) -> Option<Group<'a>> {
    if people.len() == 1 && !keep(1) {
        return None;
    }
    // Stable: each person's entries stay in their order.
    people.sort_by_key(|&(p, _)| p);
    if !keep(people.chunk_by(|a, b| a.0 == b.0).count()) {
        return None;
    }
    let mut group: Group = BTreeMap::new();
    for same in people.chunk_by(|a, b| a.0 == b.0) {
        let r = &read[same[0].1 as usize];
        let lines = same.iter().map(|&(_, i)| read[i as usize].line());
        group
            .entry(r.entrant())
            .or_insert_with(|| (r.person, Vec::new()))
            .1
            .extend(lines);
    }
    keep(group.len()).then_some(group)
}

/// Why `me` is flagged with the other entrants of its group (`a, b, c and 3 more`): the
/// first three others only are looked at, so a large group costs no more per entrant.
fn others(group: &Group, me: &str, shared: &Arc<str>) -> Why {
    let mut shown = [NONE; 3];
    let others = group.iter().filter(|(e, _)| **e != me).take(3);
    for (slot, (_, (person, _))) in shown.iter_mut().zip(others) {
        *slot = *person;
    }
    let rest = group.len() - usize::from(group.contains_key(me));
    Why {
        more: rest - shown.iter().filter(|&&p| p != NONE).count(),
        shown,
        shared: Arc::clone(shared),
        burst: 0,
    }
}

/// One flag per entrant of every group, what they share written by `shared` (once per
/// group); their reasons are written after.
fn flag_groups<K>(
    kind: Suspicion,
    groups: Vec<(K, Group)>,
    shared: impl Fn(&K) -> String,
) -> Vec<SuspiciousEntrant> {
    let mut out = Vec::new();
    for (k, group) in &groups {
        let shared: Arc<str> = shared(k).into();
        for (entrant, (person, lines)) in group {
            out.push(SuspiciousEntrant {
                entrant: entrant.to_string(),
                kind,
                reason: String::new(),
                lines: lines.clone(),
                excluded: false,
                person: *person,
                why: others(group, entrant, &shared),
            });
        }
    }
    out
}

/// The hash of a string key.
fn hash_of(key: &str) -> u64 {
    HASHER.hash_one(key)
}

/// A text as `same_text` compares it, into `key`: folded, without @mentions, words of
/// letters and digits, one space between them; `scratch` and `folded` are buffers kept from one
/// entry to the next. False when it has too few words (told from the raw text first: folding
/// never adds a word).
///
/// Word by word: folding removes controls and invisible characters and makes white space
/// single, so the folded text's words are the raw text's words (split at the same white
/// space) so cleaned, the empty ones dropped, each lower-cased on its own (white space is
/// neither cased nor case-ignorable, so no word's lower case depends on another's). A word of
/// printable ASCII (most) is used as it is.
fn text_key_into(text: &str, (scratch, folded, key): &mut (String, String, String)) -> bool {
    if split_words(text)
        .filter(|w| !w.starts_with('@'))
        .take(SAME_TEXT_WORDS)
        .count()
        < SAME_TEXT_WORDS
    {
        return false;
    }
    key.clear();
    let mut words = 0;
    for raw in split_words(text) {
        let ascii = raw.bytes().all(|b| b.is_ascii_graphic());
        let w = if ascii {
            raw
        } else {
            scratch.clear();
            clean_into(raw, scratch);
            scratch.as_str()
        };
        if w.is_empty() || w.starts_with('@') {
            continue;
        }
        let start = key.len();
        if words > 0 {
            key.push(' ');
        }
        let before = key.len();
        if ascii && w.bytes().all(|b| b.is_ascii_alphanumeric()) {
            lower_into(w, key);
        } else if ascii {
            key.extend(
                w.bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        } else {
            folded.clear();
            lower_into(w, folded);
            key.extend(folded.chars().filter(|c| c.is_alphanumeric()));
        }
        if key.len() == before {
            key.truncate(start);
        } else {
            words += 1;
        }
    }
    words >= SAME_TEXT_WORDS
}

fn same_text(read: &[Read]) -> Vec<SuspiciousEntrant> {
    let (mut a, mut b): ((String, String, String), (String, String, String)) = Default::default();
    let hash = |r: &Read| text_key_into(r.e.text(), &mut a).then(|| hash_of(&a.2));
    let key = |r: &Read| text_key_into(r.e.text(), &mut b).then(|| b.2.clone());
    flag_groups(
        Suspicion::SameText,
        groups(read, (hash, key), |n| n >= SAME_TEXT_ACCOUNTS),
        |k: &String| k.chars().take(60).collect(),
    )
}

/// Whether a handle looks made in a hurry: four digits or more at its end, a third of it
/// digits (three at least), or `user` and digits. Names with a space are display names.
pub(super) fn looks_new(entrant: &str) -> bool {
    let name = entrant.split(" [").next().unwrap_or(entrant);
    if name.contains(' ') || name.is_empty() {
        return false;
    }
    // ASCII digits are single bytes, and no byte of another character is one.
    let chars = name.chars().count();
    let digits = name.bytes().filter(u8::is_ascii_digit).count();
    let trailing = name.bytes().rev().take_while(u8::is_ascii_digit).count();
    let user = name.strip_prefix("user").is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .trim_start_matches(['_', '.'])
                .chars()
                .all(|c| c.is_ascii_digit())
    });
    trailing >= 4 || (digits >= 3 && digits * 3 >= chars) || user
}

/// New-looking handles entering [`BURST_HANDLES`] or more within [`BURST_MINUTES`]: a window
/// slides over their dated entries (linear: each entry enters and leaves it once, and is
/// marked once).
fn bursts(read: &[Read]) -> Vec<SuspiciousEntrant> {
    let mut dated = new_looking_dated(read);
    dated.sort_by_key(|(t, r)| (*t, r.line()));
    // The people inside the window (a person is one entrant), with their entries there.
    let mut inside: HashMap<u32, usize, _> = HashMap::with_hasher(HASHER);
    let mut flagged: BTreeMap<&str, (u32, Vec<u64>, usize)> = BTreeMap::new();
    let (mut start, mut marked) = (0, 0);
    for end in 0..dated.len() {
        *inside.entry(dated[end].1.person).or_insert(0) += 1;
        while dated[end].0 - dated[start].0 > BURST_MINUTES * 60 {
            let who = dated[start].1.person;
            if let Some(n) = inside.get_mut(&who) {
                *n -= 1;
                if *n == 0 {
                    inside.remove(&who);
                }
            }
            start += 1;
        }
        if inside.len() >= BURST_HANDLES {
            for (_, r) in &dated[marked.max(start)..=end] {
                let f = flagged
                    .entry(r.entrant())
                    .or_insert((r.person, Vec::new(), 0));
                f.1.push(r.line());
                f.2 = f.2.max(inside.len());
            }
            marked = end + 1;
        }
    }
    flagged
        .into_iter()
        .map(|(entrant, (person, mut lines, n))| {
            lines.sort_unstable();
            lines.dedup();
            SuspiciousEntrant {
                reason: String::new(),
                entrant: entrant.to_string(),
                kind: Suspicion::NewHandleBurst,
                lines,
                excluded: false,
                person,
                why: Why {
                    shown: [NONE; 3],
                    burst: n,
                    ..Why::default()
                },
            }
        })
        .collect()
}

fn tag_farms(read: &[Read]) -> Vec<SuspiciousEntrant> {
    let (mut a, mut b) = (Mentions::default(), Mentions::default());
    // The people tagged, sorted: hashed as a set (the sum of their hashes) from one buffer,
    // listed only for the entries whose set another may share.
    let hash = |r: &Read| {
        a.read(r.e.text());
        // Two people tagged besides the entrant need two mentions (most comments have none):
        // the entrant is looked up only then.
        a.iter().nth(1)?;
        let me = r.entrant();
        let n = a.iter().filter(|m| *m != me).count();
        (n >= 2).then(|| {
            a.iter()
                .filter(|m| *m != me)
                .fold(0u64, |s, m| s.wrapping_add(hash_of(m)))
        })
    };
    let key = |r: &Read| {
        b.read(r.e.text());
        let me = r.entrant();
        let mut tagged: Vec<String> = b.iter().filter(|m| *m != me).map(str::to_string).collect();
        tagged.sort_unstable();
        (tagged.len() >= 2).then_some(tagged)
    };
    let g = groups(read, (hash, key), |n| n >= FARM_ACCOUNTS);
    flag_groups(Suspicion::TagFarm, g, |tagged: &Vec<String>| {
        let list: Vec<String> = tagged.iter().map(|t| format!("@{t}")).collect();
        list.join(", ")
    })
}

/// A name's letters, accents aside: what `several_spellings` compares.
fn letters(entrant: &str) -> Option<String> {
    let name = entrant.split(" [").next().unwrap_or(entrant);
    let l: String = crate::date::fold(name)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    (l.chars().count() >= SPELLING_LETTERS).then_some(l)
}

fn spellings(read: &[Read]) -> Vec<SuspiciousEntrant> {
    // A person's letters and their hash, once per person (the entrant is the person's).
    let people = read
        .iter()
        .map(|r| r.person as usize + 1)
        .max()
        .unwrap_or(0);
    let mut of: Vec<Option<Option<(u64, String)>>> = vec![None; people];
    for r in read {
        of[r.person as usize].get_or_insert_with(|| letters(r.entrant()).map(|l| (hash_of(&l), l)));
    }
    let of = |r: &Read| of[r.person as usize].as_ref().and_then(|l| l.as_ref());
    flag_groups(
        Suspicion::SeveralSpellings,
        groups(
            read,
            (
                |r: &Read| of(r).map(|l| l.0),
                |r: &Read| of(r).map(|l| l.1.as_str()),
            ),
            |n| (2..=MAX_SPELLINGS).contains(&n),
        ),
        |k: &&str| k.to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::text::fold;

    /// The key as it was made before it was made word by word: the whole text folded first.
    fn reference_key(text: &str) -> Option<String> {
        let folded = fold(text);
        let mut key = String::new();
        let mut words = 0;
        for w in folded.split_whitespace().filter(|w| !w.starts_with('@')) {
            let start = key.len();
            if words > 0 {
                key.push(' ');
            }
            let before = key.len();
            key.extend(w.chars().filter(|c| c.is_alphanumeric()));
            if key.len() == before {
                key.truncate(start);
            } else {
                words += 1;
            }
        }
        (words >= SAME_TEXT_WORDS).then_some(key)
    }

    #[test]
    fn text_keys_word_by_word_are_the_folded_text_s() {
        let samples = [
            "Trop bien, je tente ma chance @a @b",
            "Super idée, merci pour CE concours 😍",
            "  ΟΔΟΣ ΣΟΦΙΑΣ  καλη ΤΥΧΗ ΣΑΣ ΟΛΟΙ ",
            "un\u{200b} deux \u{200b}@trois quatre\u{1}cinq six sept",
            "a \u{200b} b c d e",
            "\u{feff}@x un deux trois quatre cinq",
            "İstanbul STRAßE Ǆ ǅ ǈ ÉTÉ",
            "one, two ; three - four ! five ?",
            "x\ty\nz\r\nw  v\u{a0}u",
            "ΣΣ. Σ.Σ aΣb Σa aΣ",
            "",
            "mot",
        ];
        let mut bufs = Default::default();
        for t in samples {
            let ours = text_key_into(t, &mut bufs).then(|| bufs.2.clone());
            assert_eq!(ours, reference_key(t), "{t:?}");
        }
        // Texts drawn from an alphabet of the characters that matter, deterministically.
        let alphabet: Vec<char> = "aZé Σς\u{200b}\u{1}@.,\t\u{a0}😀İ1_-'ǅ\n".chars().collect();
        let mut rng = crate::hash::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let t = rng.text(&alphabet, 40);
            let ours = text_key_into(&t, &mut bufs).then(|| bufs.2.clone());
            assert_eq!(ours, reference_key(&t), "{t:?}");
        }
    }
}
