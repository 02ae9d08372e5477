//! Tickets: a ticket's score, the ranking of everyone by their best ticket for a seed, and the
//! winners and alternates a ranking gives.

use super::digest::hex;
use super::prepare::Person;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// The score of a ticket: SHA-256 of the seed, a line feed, the ticket line (`entrant`, tab,
/// number) and a line feed.
///
/// ```
/// use social_roi::{sha256_hex, ticket_score};
/// assert_eq!(ticket_score("42", "alice\t1"), sha256_hex(b"42\nalice\t1\n"));
/// ```
pub fn ticket_score(seed: &str, ticket: &str) -> String {
    let mut h = Sha256::new();
    h.update(seed.as_bytes());
    h.update(b"\n");
    h.update(ticket.as_bytes());
    h.update(b"\n");
    hex(&h.finalize())
}

/// One person's place in a ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Ranked {
    /// Their best ticket's score.
    score: [u8; 32],
    person: u32,
    /// Their best ticket's number.
    ticket: u32,
    /// The score is an MD5 (16 bytes), not a SHA-256.
    md5: bool,
}

impl Ranked {
    /// A person selected by RFC 3797: the 16 bytes of the selection's MD5 as the score (the
    /// rest zero; [`pick_places`] writes only those 16 bytes for it), and the ticket.
    pub(super) fn selected(md5: [u8; 16], person: u32, ticket: u32) -> Ranked {
        let mut score = [0; 32];
        score[..16].copy_from_slice(&md5);
        Ranked {
            score,
            person,
            ticket,
            md5: true,
        }
    }

    /// The ticket line: `entrant`, tab, number.
    fn ticket(&self, people: &[Person]) -> String {
        let entrant = people
            .get(self.person as usize)
            .map_or("", |p| p.entrant.as_str());
        format!("{entrant}\t{}", self.ticket)
    }
}

/// Every person, by their best ticket's score, smallest first (ties, which SHA-256 makes
/// practically impossible, by ticket: by entrant, as no entrant holds a byte below the tab).
/// The SHA-256 state after the seed is computed once, and each ticket adds its own line.
pub(super) fn ranking(people: &[Person], seed: &str) -> Vec<Ranked> {
    let mut base = Sha256::new();
    base.update(seed.as_bytes());
    base.update(b"\n");
    let mut digits = String::new();
    let mut ranked: Vec<Ranked> = people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.tickets > 0)
        .map(|(i, p)| {
            let mut best: Option<([u8; 32], u32)> = None;
            for n in 1..=p.tickets {
                digits.clear();
                // Writing into a String cannot fail.
                let _ = writeln!(digits, "\t{n}");
                let mut h = base.clone();
                h.update(p.entrant.as_bytes());
                h.update(digits.as_bytes());
                let s: [u8; 32] = h.finalize().into();
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, n));
                }
            }
            let (score, ticket) = best.unwrap_or(([0xff; 32], 1));
            Ranked {
                score,
                person: i as u32,
                ticket,
                md5: false,
            }
        })
        .collect();
    ranked.sort_unstable_by(|a, b| {
        a.score.cmp(&b.score).then_with(|| {
            let name = |r: &Ranked| people[r.person as usize].entrant.as_bytes();
            name(a).cmp(name(b))
        })
    });
    ranked
}

/// A winner or an alternate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    /// The prize (winners) or the order of call (alternates), from 1.
    pub place: u32,
    /// Place in the drawing's ranking of everyone, from 1 (the recipe's line number); under
    /// RFC 3797, the order of selection.
    pub rank: u32,
    /// The entrant.
    pub entrant: String,
    /// Their tickets.
    pub tickets: u32,
    /// Their best ticket: `entrant`, tab, number.
    pub ticket: String,
    /// Its score: SHA-256 of the seed, a line feed, the ticket and a line feed; under RFC 3797,
    /// the MD5 of the selection that took it.
    pub score: String,
}

/// Picks winners and alternates from a ranking: `kept` winners keep their prize, the other
/// prizes go in order to the first people of the ranking who are neither kept nor
/// disqualified, and the alternates are the next ones.
pub(super) fn pick_places(
    people: &[Person],
    ranked: &[Ranked],
    (winners, alternates): (u32, u32),
    kept: &HashMap<u32, String>,
    disqualified: &HashSet<String>,
) -> (Vec<Pick>, Vec<Pick>) {
    // `people` is sorted by entrant.
    let person_of = |name: &str| {
        people
            .binary_search_by(|p| p.entrant.as_str().cmp(name))
            .ok()
    };
    let mut out = vec![false; people.len()];
    for name in disqualified.iter().chain(kept.values()) {
        if let Some(p) = person_of(name) {
            out[p] = true;
        }
    }
    let mut position = vec![usize::MAX; if kept.is_empty() { 0 } else { people.len() }];
    if !kept.is_empty() {
        for (i, r) in ranked.iter().enumerate() {
            position[r.person as usize] = i;
        }
    }
    let to_pick = |place: u32, i: usize| -> Pick {
        let r = &ranked[i];
        let p = &people[r.person as usize];
        Pick {
            place,
            rank: i as u32 + 1,
            entrant: p.entrant.clone(),
            tickets: p.tickets,
            ticket: r.ticket(people),
            score: hex(&r.score[..if r.md5 { 16 } else { 32 }]),
        }
    };
    let mut free = ranked
        .iter()
        .enumerate()
        .filter(|(_, r)| !out[r.person as usize]);
    let mut won = Vec::new();
    for place in 1..=winners {
        let held = kept
            .get(&place)
            .and_then(|k| person_of(k))
            .map(|p| position[p])
            .filter(|&i| i != usize::MAX);
        if let Some(i) = held {
            won.push(to_pick(place, i));
        } else if let Some((i, _)) = free.next() {
            won.push(to_pick(place, i));
        }
    }
    let alt = (1..=alternates)
        .map_while(|place| free.next().map(|(i, _)| to_pick(place, i)))
        .collect();
    (won, alt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ranking_is_the_sorted_scores() {
        let people = Person::pool(&[("a", 2), ("b", 1), ("c", 3)]);
        let ranked = ranking(&people, "seed");
        // By hand: every ticket scored, sorted, first occurrence of each person kept.
        let mut all: Vec<(String, String)> = people
            .iter()
            .flat_map(|p| (1..=p.tickets).map(move |n| format!("{}\t{n}", p.entrant)))
            .map(|t| (ticket_score("seed", &t), t))
            .collect();
        all.sort();
        let mut order: Vec<String> = Vec::new();
        for (_, t) in &all {
            let who = t.split('\t').next().unwrap().to_string();
            if !order.contains(&who) {
                order.push(who);
            }
        }
        let got: Vec<String> = ranked
            .iter()
            .map(|r| people[r.person as usize].entrant.clone())
            .collect();
        assert_eq!(got, order);
        assert_eq!(hex(&ranked[0].score), all[0].0);
    }
}
