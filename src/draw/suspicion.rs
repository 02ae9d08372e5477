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
use super::text::{fold_into, Mentions};
use crate::i18n::Lang;
use crate::model::EntryRow;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

/// Words a shared text needs to be suspicious (`je participe` is everyone's).
pub(super) const SAME_TEXT_WORDS: usize = 5;
/// Entrants writing the same text that make it suspicious.
pub(super) const SAME_TEXT_ACCOUNTS: usize = 3;
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

/// One entry as the flags read it.
struct Read<'a> {
    person: u32,
    entrant: &'a str,
    line: u64,
    e: &'a EntryRow,
}

/// Every flag of `entries` (`index` theirs), by kind then entrant, none marked `excluded`.
pub(super) fn suspicious(
    entries: &[EntryRow],
    index: &Index,
    lang: Lang,
) -> Vec<SuspiciousEntrant> {
    let read: Vec<Read> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let person = index.person.get(i).copied().filter(|p| *p != NONE)?;
            Some(Read {
                person,
                entrant: index.entrant_of(person),
                line: e.origin.line,
                e,
            })
        })
        .collect();
    let mut out = same_text(&read, lang);
    out.extend(bursts(&read, lang));
    out.extend(tag_farms(&read, lang));
    out.extend(spellings(&read, lang));
    out
}

/// One group's entrants, each with their person and lines.
type Group<'a> = BTreeMap<&'a str, (u32, Vec<u64>)>;

/// Groups `read` by `key` (entries without one left out) and keeps the groups whose number
/// of entrants `keep` accepts, by key: for each, its entrants and their lines in the order of
/// the entries. Most keys (a comment's text, its tags) belong to one entry: `hash` (the key's
/// hash, computed without keeping the key) is sorted first, and only the entries whose hash
/// another shares get their key made, sorted and gathered. A million entries then cost a
/// sort of integers, not a million keys and small maps.
fn groups<'a, K: Ord>(
    read: &'a [Read],
    (mut hash, mut key): (
        impl FnMut(&Read) -> Option<u64>,
        impl FnMut(&Read) -> Option<K>,
    ),
    keep: impl Fn(usize) -> bool,
) -> Vec<(K, Group<'a>)> {
    let mut hashed: Vec<(u64, u32)> = read
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((hash(r)?, i as u32)))
        .collect();
    hashed.sort_unstable();
    let mut keyed: Vec<(K, u32)> = Vec::new();
    for run in hashed.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 || keep(1) {
            keyed.extend(
                run.iter()
                    .filter_map(|&(_, i)| Some((key(&read[i as usize])?, i))),
            );
        }
    }
    keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    let mut run: Vec<u32> = Vec::new();
    let mut keys = keyed.into_iter().peekable();
    while let Some((k, i)) = keys.next() {
        run.clear();
        run.push(i);
        while let Some((_, j)) = keys.next_if(|(next, _)| *next == k) {
            run.push(j);
        }
        if run.len() == 1 && !keep(1) {
            continue;
        }
        let mut group: Group = BTreeMap::new();
        for &i in &run {
            let r = &read[i as usize];
            group
                .entry(r.entrant)
                .or_insert_with(|| (r.person, Vec::new()))
                .1
                .push(r.line);
        }
        if keep(group.len()) {
            out.push((k, group));
        }
    }
    out
}

/// The other entrants of a group, as a short list (`a, b, c and 3 more`): the first three
/// others only are looked at, so a large group costs no more per entrant.
fn others(group: &Group, me: &str, lang: Lang) -> String {
    let shown: Vec<&str> = group.keys().copied().filter(|e| *e != me).take(3).collect();
    let rest = group.len() - usize::from(group.contains_key(me));
    let more = rest - shown.len();
    let list = shown.join(", ");
    match (more, lang) {
        (0, _) => list,
        (n, Lang::En) => format!("{list} and {n} more"),
        (1, Lang::Fr) => format!("{list} et 1 autre"),
        (n, Lang::Fr) => format!("{list} et {n} autres"),
    }
}

/// One flag per entrant of every group, its reason written by `why`.
fn flag_groups<K>(
    kind: Suspicion,
    lang: Lang,
    groups: Vec<(K, Group)>,
    why: impl Fn(&K, &str) -> String,
) -> Vec<SuspiciousEntrant> {
    let mut out = Vec::new();
    for (k, group) in &groups {
        for (entrant, (person, lines)) in group {
            out.push(SuspiciousEntrant {
                entrant: entrant.to_string(),
                kind,
                reason: why(k, &others(group, entrant, lang)),
                lines: lines.clone(),
                excluded: false,
                person: *person,
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
fn text_key_into(text: &str, (scratch, folded, key): &mut (String, String, String)) -> bool {
    if text
        .split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .take(SAME_TEXT_WORDS)
        .count()
        < SAME_TEXT_WORDS
    {
        return false;
    }
    fold_into(text, scratch, folded);
    key.clear();
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
    words >= SAME_TEXT_WORDS
}

fn same_text(read: &[Read], lang: Lang) -> Vec<SuspiciousEntrant> {
    let (mut a, mut b): ((String, String, String), (String, String, String)) = Default::default();
    let hash = |r: &Read| text_key_into(&r.e.text, &mut a).then(|| hash_of(&a.2));
    let key = |r: &Read| text_key_into(&r.e.text, &mut b).then(|| b.2.clone());
    flag_groups(
        Suspicion::SameText,
        lang,
        groups(read, (hash, key), |n| n >= SAME_TEXT_ACCOUNTS),
        |k: &String, others: &str| {
            let text: String = k.chars().take(60).collect();
            match lang {
                Lang::En => format!("the same text as {others}: “{text}”"),
                Lang::Fr => format!("le même texte que {others}\u{a0}: «\u{a0}{text}\u{a0}»"),
            }
        },
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
fn bursts(read: &[Read], lang: Lang) -> Vec<SuspiciousEntrant> {
    let mut dated: Vec<(i64, &Read)> = read
        .iter()
        .filter(|r| looks_new(r.entrant))
        .filter_map(|r| {
            let d = r.e.date?;
            Some((d.utc_seconds().unwrap_or(d.local_seconds()), r))
        })
        .collect();
    dated.sort_by_key(|(t, r)| (*t, r.line));
    let mut inside: HashMap<&str, usize, _> = HashMap::with_hasher(HASHER);
    let mut flagged: BTreeMap<&str, (u32, Vec<u64>, usize)> = BTreeMap::new();
    let (mut start, mut marked) = (0, 0);
    for end in 0..dated.len() {
        *inside.entry(dated[end].1.entrant).or_insert(0) += 1;
        while dated[end].0 - dated[start].0 > BURST_MINUTES * 60 {
            let who = dated[start].1.entrant;
            if let Some(n) = inside.get_mut(who) {
                *n -= 1;
                if *n == 0 {
                    inside.remove(who);
                }
            }
            start += 1;
        }
        if inside.len() >= BURST_HANDLES {
            for (_, r) in &dated[marked.max(start)..=end] {
                let f = flagged
                    .entry(r.entrant)
                    .or_insert((r.person, Vec::new(), 0));
                f.1.push(r.line);
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
                reason: match lang {
                    Lang::En => format!(
                        "a new-looking handle among {n} entering within {BURST_MINUTES} minutes"
                    ),
                    Lang::Fr => format!(
                        "un pseudo qui semble neuf, parmi {n} arrivés en moins de {BURST_MINUTES} minutes"
                    ),
                },
                entrant: entrant.to_string(),
                kind: Suspicion::NewHandleBurst,
                lines,
                excluded: false,
                person,
            }
        })
        .collect()
}

fn tag_farms(read: &[Read], lang: Lang) -> Vec<SuspiciousEntrant> {
    let (mut a, mut b) = (Mentions::default(), Mentions::default());
    // The people tagged, sorted: hashed as a set (the sum of their hashes) from one buffer,
    // listed only for the entries whose set another may share.
    let hash = |r: &Read| {
        a.read(&r.e.text);
        let n = a.iter().filter(|m| *m != r.entrant).count();
        (n >= 2).then(|| {
            a.iter()
                .filter(|m| *m != r.entrant)
                .fold(0u64, |s, m| s.wrapping_add(hash_of(m)))
        })
    };
    let key = |r: &Read| {
        b.read(&r.e.text);
        let mut tagged: Vec<String> = b
            .iter()
            .filter(|m| *m != r.entrant)
            .map(str::to_string)
            .collect();
        tagged.sort_unstable();
        (tagged.len() >= 2).then_some(tagged)
    };
    let g = groups(read, (hash, key), |n| n >= FARM_ACCOUNTS);
    flag_groups(
        Suspicion::TagFarm,
        lang,
        g,
        |tagged: &Vec<String>, others: &str| {
            let list: Vec<String> = tagged.iter().map(|t| format!("@{t}")).collect();
            match lang {
                Lang::En => format!("tags the same people as {others}: {}", list.join(", ")),
                Lang::Fr => format!(
                    "identifie les mêmes personnes que {others}\u{a0}: {}",
                    list.join(", ")
                ),
            }
        },
    )
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

fn spellings(read: &[Read], lang: Lang) -> Vec<SuspiciousEntrant> {
    // A person's letters, once per person (the entrant is the person's).
    let people = read
        .iter()
        .map(|r| r.person as usize + 1)
        .max()
        .unwrap_or(0);
    let mut of: Vec<Option<Option<String>>> = vec![None; people];
    for r in read {
        of[r.person as usize].get_or_insert_with(|| letters(r.entrant));
    }
    let of = |r: &Read| of[r.person as usize].as_ref().and_then(|l| l.as_deref());
    flag_groups(
        Suspicion::SeveralSpellings,
        lang,
        groups(
            read,
            (|r: &Read| of(r).map(hash_of), |r: &Read| of(r)),
            |n| (2..=MAX_SPELLINGS).contains(&n),
        ),
        |k: &&str, others: &str| match lang {
            Lang::En => format!("may be the same person as {others} (same letters: {k})"),
            Lang::Fr => {
                format!("peut-être la même personne que {others} (mêmes lettres\u{a0}: {k})")
            }
        },
    )
}
