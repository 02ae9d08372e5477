//! The second draw scheme: the selection method of IETF RFC 3797, "Publicly Verifiable
//! Nominations Committee (NomCom) Random Selection" (D. Eastlake 3rd, June 2004), for
//! organisers who must follow it.
//!
//! What the RFC says, and what this module does:
//! - *The key* (section 4): each random source is a list of numbers published after the pool;
//!   each number is written in decimal without leading zeros (one `0` when the whole part is
//!   zero), its fraction, if any, after a period and without trailing zeros, and a whole
//!   number is ended by a period; a source's numbers are sorted, smallest first, and
//!   concatenated, then followed by a `/`; the sources are concatenated in their published
//!   order. The RFC's example: `9319`, `2 5 12 8 10` and `9 18 26 34 41 45` give the key
//!   `9319./2.5.8.10.12./9.18.26.34.41.45./`. Numbers are compared exactly, as text, never
//!   through floating point.
//! - *The selections* (sections 4 and 7): selection `i` (0, 1, 2…) takes the MD5 of the two
//!   bytes of `i` (big-endian), the key, and the same two bytes, reads the 16 bytes as an
//!   unsigned big-endian integer, divides it by the number of items still in the pool and
//!   takes the item at the remainder (0-based) in the pool's published order, then removes it.
//!   The two bytes limit a draw to 65 536 selections; the pool itself has no limit here (the
//!   RFC's reference C code stops at 65 535 items, the method does not).
//!
//! The pool is the draw file's ticket lines in their order (entrant, then ticket number), which
//! its SHA-256, the fingerprint announced before the sources are known, fixes; the scheme is
//! one of the rules, so the fingerprint commits to it too. A person with several tickets holds
//! several items: when one of them is selected, the person is selected and all their tickets
//! leave the pool (the RFC's "the selected one removed", for people with more than one
//! ticket), so 3 tickets make a person 3 times as likely to come first, as in the first
//! scheme. With one ticket each, this is the RFC's method exactly. Winners are the first people
//! selected, alternates the next ones; a redraw keeps the key and skips the disqualified, so
//! the alternates move up in order.
//!
//! Sources: the RFC's text (sections 4, 6 and 7), its reference code as kept in
//! `github.com/mcr/rfc3797` (`rfc3797.c`), and three independent implementations whose tests
//! reproduce section 6's example (Perl's Algorithm::Voting::Sortition, the Go package
//! kleroterion, Python's votelib). The test below reproduces that example: the key, the MD5
//! of the first ten selections and the ten volunteers selected (17, 7, 2, 16, 25, 23, 8, 24,
//! 19, 13). MD5 is RustCrypto's `md-5`; the selection walks a Fenwick tree of the people's
//! remaining tickets, so a selection costs a logarithm of the pool, not a pass over it.

use super::digest::hex;
use super::prepare::Person;
use super::ticket::Ranked;
use crate::form::FieldError;
use crate::i18n::Lang;
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The most selections one key can make: the index is two bytes.
const MAX_SELECTIONS: usize = 1 << 16;

/// How winners are drawn from the tickets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// Tickets ranked by the SHA-256 of the seed and the ticket (the first scheme; absent
    /// from the rules JSON, so every draw made before the second scheme keeps its fingerprint).
    #[default]
    Sha256,
    /// IETF RFC 3797: MD5 of the selection's index and the key string made from the public
    /// sources, modulo the tickets left, in the draw file's order.
    Rfc3797,
}

impl Scheme {
    /// The first scheme (for `skip_serializing_if`).
    pub(super) fn is_default(&self) -> bool {
        *self == Scheme::Sha256
    }
}

/// What an RFC 3797 drawing recorded: the key and every selection, as the RFC's example
/// tabulates them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rfc3797Drawing {
    /// The key string the sources give (`9319./2.5.8.10.12./9.18.26.34.41.45./`).
    pub key: String,
    /// The tickets in the pool before the first selection.
    pub pool: u32,
    /// The selections, in order.
    pub selections: Vec<Selection>,
}

/// One selection of an RFC 3797 drawing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The selection's index, from 0: the two bytes around the key.
    pub index: u32,
    /// MD5 of the index, the key and the index, in lowercase hexadecimal.
    pub md5: String,
    /// The tickets left in the pool: the divisor.
    pub remaining: u32,
    /// The selected ticket's line among the draw file's tickets, from 1.
    pub ticket_number: u32,
    /// The selected ticket: entrant, tab, number.
    pub ticket: String,
}

/// The key string of typed sources, or why it cannot be made (the field is `value`).
/// Sources are separated by `/`, `;` or a line break; a source's numbers by spaces, `,`, `+`
/// or `-`. A decimal takes a point (`1.25`); `1,25` is refused as ambiguous.
///
/// ```text
/// "9319 / 2 5 12 8 10 / 9 18 26 34 41 45"  ->  "9319./2.5.8.10.12./9.18.26.34.41.45./"
/// ```
pub(super) fn key_string(sources: &str, lang: Lang) -> Result<String, FieldError> {
    let err = |message: String| FieldError {
        field: "value".to_string(),
        message,
    };
    let mut key = String::new();
    for (n, source) in sources.split(['/', ';', '\n']).enumerate() {
        let mut numbers = Vec::new();
        for token in source
            .split(|c: char| c.is_whitespace() || c == '+' || c == '-' || c == ',')
            .filter(|t| !t.is_empty())
        {
            numbers.push(canonical_number(token).ok_or_else(|| err(not_a_number(token, lang)))?);
        }
        if numbers.is_empty() {
            return Err(err(empty_source(n + 1, lang)));
        }
        if let Some(bad) = decimal_comma(source) {
            return Err(err(comma_message(bad, lang)));
        }
        numbers.sort_by(numeric_order);
        for (whole, fraction) in &numbers {
            key.push_str(whole);
            key.push('.');
            key.push_str(fraction);
        }
        key.push('/');
    }
    Ok(key)
}

/// A number in the RFC's form: the whole part without leading zeros, the fraction without
/// trailing zeros; `None` for anything but digits with at most one point.
fn canonical_number(token: &str) -> Option<(String, String)> {
    let (whole, fraction) = token.split_once('.').unwrap_or((token, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Some((
        whole.to_string(),
        fraction.trim_end_matches('0').to_string(),
    ))
}

/// Canonical numbers compared as numbers: a longer whole part is larger, then digit by digit.
fn numeric_order(a: &(String, String), b: &(String, String)) -> std::cmp::Ordering {
    (a.0.len(), &a.0, &a.1).cmp(&(b.0.len(), &b.0, &b.1))
}

/// A comma between two digits (`1,25`): a French decimal or a list, the key cannot tell.
fn decimal_comma(source: &str) -> Option<&str> {
    let b = source.as_bytes();
    (1..b.len().saturating_sub(1))
        .find(|&i| b[i] == b',' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
        .map(|i| {
            let start = source[..i]
                .rfind(|c: char| !c.is_ascii_digit())
                .map_or(0, |s| s + 1);
            let end = source[i + 1..]
                .find(|c: char| !c.is_ascii_digit())
                .map_or(source.len(), |e| i + 1 + e);
            &source[start..end]
        })
}

fn not_a_number(token: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "\"{token}\" is not a number: RFC 3797 sources are numbers (a lottery's draw, an index's close), separated by spaces, sources by /"
        ),
        Lang::Fr => format!(
            "«\u{a0}{token}\u{a0}» n’est pas un nombre\u{a0}: les sources RFC 3797 sont des nombres (un tirage de loterie, la clôture d’un indice), séparés par des espaces, les sources par /"
        ),
    }
}

fn empty_source(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("source {n} holds no number: separate the sources by / (or ;)"),
        Lang::Fr => format!(
            "la source {n} ne contient aucun nombre\u{a0}: séparez les sources par / (ou ;)"
        ),
    }
}

fn comma_message(bad: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "\"{bad}\": write a decimal with a point ({}) and separate numbers with a space",
            bad.replace(',', ".")
        ),
        Lang::Fr => format!(
            "«\u{a0}{bad}\u{a0}»\u{a0}: écrivez une décimale avec un point ({}) et séparez les nombres par une espace",
            bad.replace(',', ".")
        ),
    }
}

/// MD5 of selection `index`: its two bytes big-endian, the key, the two bytes again.
pub(super) fn selection_md5(key: &str, index: u16) -> [u8; 16] {
    let i = index.to_be_bytes();
    let mut h = Md5::new();
    h.update(i);
    h.update(key.as_bytes());
    h.update(i);
    h.finalize().into()
}

/// The remainder of a 16-byte big-endian unsigned integer divided by `divisor` (not 0).
pub(super) fn remainder(md5: &[u8; 16], divisor: u64) -> u64 {
    (u128::from_be_bytes(*md5) % u128::from(divisor)) as u64
}

/// People's remaining tickets in a Fenwick tree: the person holding the k-th remaining ticket
/// and the removal of a person, each in a logarithm of the number of people.
struct Pool {
    tree: Vec<u64>,
    /// Tickets left per person.
    left: Vec<u64>,
    total: u64,
}

impl Pool {
    fn new(people: &[Person]) -> Pool {
        let left: Vec<u64> = people.iter().map(|p| u64::from(p.tickets)).collect();
        let mut tree = vec![0; left.len() + 1];
        tree[1..].copy_from_slice(&left);
        for j in 1..tree.len() {
            let parent = j + (j & j.wrapping_neg());
            if parent < tree.len() {
                tree[parent] += tree[j];
            }
        }
        let total = left.iter().sum();
        Pool { tree, left, total }
    }

    /// The person holding the `k`-th remaining ticket (0-based) and the offset in their
    /// tickets.
    fn find(&self, mut k: u64) -> (usize, u64) {
        let mut pos = 0;
        let mut step = (self.tree.len()).next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next < self.tree.len() && self.tree[next] <= k {
                k -= self.tree[next];
                pos = next;
            }
            step /= 2;
        }
        (pos, k)
    }

    fn remove(&mut self, person: usize) {
        let t = std::mem::take(&mut self.left[person]);
        self.total -= t;
        let mut j = person + 1;
        while j < self.tree.len() {
            self.tree[j] -= t;
            j += j & j.wrapping_neg();
        }
    }
}

/// The people in the order RFC 3797 selects them from the draw file's tickets with `key`,
/// until `wanted` people not in `out` are selected, the pool is empty or the index runs out;
/// and the record of every selection.
pub(super) fn selections(
    people: &[Person],
    key: &str,
    wanted: usize,
    out: &HashSet<String>,
) -> (Vec<Ranked>, Rfc3797Drawing) {
    let mut pool = Pool::new(people);
    let starts: Vec<u64> = people
        .iter()
        .scan(0u64, |s, p| {
            let start = *s;
            *s += u64::from(p.tickets);
            Some(start)
        })
        .collect();
    let total = pool.total;
    let (mut ranked, mut record, mut found) = (Vec::new(), Vec::new(), 0);
    for index in 0..MAX_SELECTIONS {
        if found >= wanted || pool.total == 0 {
            break;
        }
        let md5 = selection_md5(key, index as u16);
        let remaining = pool.total;
        let (p, offset) = pool.find(remainder(&md5, remaining));
        let person = &people[p];
        let number = offset as u32 + 1;
        // The selected ticket's line in the whole list: the tickets of the people before it.
        let line = starts[p] + offset + 1;
        pool.remove(p);
        found += usize::from(!out.contains(&person.entrant));
        ranked.push(Ranked::selected(md5, p as u32, number));
        record.push(Selection {
            index: index as u32,
            md5: hex(&md5),
            remaining: remaining as u32,
            ticket_number: line as u32,
            ticket: format!("{}\t{number}", person.entrant),
        });
    }
    let drawing = Rfc3797Drawing {
        key: key.to_string(),
        pool: total as u32,
        selections: record,
    };
    (ranked, drawing)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 3797, section 6: 25 volunteers, three sources, ten selected.
    #[test]
    fn the_rfcs_own_example() {
        let key = key_string("9319 / 2 5 12 8 10 / 9 18 26 34 41 45", Lang::En).unwrap();
        assert_eq!(key, "9319./2.5.8.10.12./9.18.26.34.41.45./");
        let md5s = [
            "990dd0a5692a029a98b5e01aa28f3459",
            "3691e55cb63fcc37914430b2f70b5ec6",
            "fe814edf564c190ac1d25753979990fa",
            "1863ccaceb568c31d7ddbdf1d4e91387",
            "f4ab33df4889f0af29c513905be1d758",
            "13eaeb529f61acfb9a29d0ba3a60de4a",
            "992db77c382ca2bdb9727001f3cdccd9",
            "63ab4258eca922976811c7f55c383ce7",
            "dfbc5ac97ced01b3a6e348e3cc63f40d",
            "31cb111c4a4ebe9287ceae16fe51b909",
        ];
        for (i, m) in md5s.iter().enumerate() {
            assert_eq!(hex(&selection_md5(&key, i as u16)), *m, "selection {i}");
        }
        // The pool in its published order: volunteer n holds the n-th ticket line.
        let people: Vec<Person> = (1..=25)
            .map(|n| Person {
                entrant: format!("v{n:02}"),
                tickets: 1,
                entries: 1,
                line: n,
            })
            .collect();
        let (ranked, record) = selections(&people, &key, 10, &HashSet::new());
        let chosen: Vec<u32> = record.selections.iter().map(|s| s.ticket_number).collect();
        assert_eq!(chosen, [17, 7, 2, 16, 25, 23, 8, 24, 19, 13]);
        let divisors: Vec<u32> = record.selections.iter().map(|s| s.remaining).collect();
        assert_eq!(divisors, (16..=25).rev().collect::<Vec<u32>>());
        assert_eq!(ranked.len(), 10);
        assert_eq!(record.pool, 25);
    }

    #[test]
    fn keys_follow_the_rfcs_canonical_form() {
        let k = |s: &str| key_string(s, Lang::En);
        assert_eq!(k("04 11 23 38 47 + 02 09").unwrap(), "2.4.9.11.23.38.47./");
        // A decimal's period separates its parts and ends nothing (the RFC's text and its
        // reference code's `%ld.%s`): `0.5`, `1.25`, `10.` side by side.
        assert_eq!(
            k("07-03-12; 1.250 0.5 10\n003").unwrap(),
            "3.7.12./0.51.2510./3./"
        );
        assert_eq!(k("12.00 / 0 / 000.10").unwrap(), "12./0./0.1/");
        assert!(k("12 abc")
            .unwrap_err()
            .message
            .contains("\"abc\" is not a number"));
        assert!(k("1 2 / / 3")
            .unwrap_err()
            .message
            .contains("source 2 holds no number"));
        assert!(k("1,25 7")
            .unwrap_err()
            .message
            .contains("with a point (1.25)"));
        assert_eq!(k("1, 25, 7").unwrap(), "1.7.25./");
        assert!(k("1..2").is_err() && k(".").is_err());
    }

    #[test]
    fn a_person_with_more_tickets_leaves_the_pool_whole() {
        let people = Person::pool(&[("a", 3), ("b", 1), ("c", 2)]);
        let (ranked, record) = selections(&people, "1./", 5, &HashSet::new());
        assert_eq!(ranked.len(), 3, "three people, then the pool is empty");
        // By hand: the ticket list, the remainder, the whole person removed.
        let mut pool: Vec<(&str, u32)> =
            vec![("a", 1), ("a", 2), ("a", 3), ("b", 1), ("c", 1), ("c", 2)];
        for (i, s) in record.selections.iter().enumerate() {
            let r = remainder(&selection_md5("1./", i as u16), pool.len() as u64) as usize;
            let (who, n) = pool[r];
            assert_eq!(s.ticket, format!("{who}\t{n}"));
            assert_eq!(s.remaining as usize, pool.len());
            pool.retain(|t| t.0 != who);
        }
        assert!(pool.is_empty());
    }
}
