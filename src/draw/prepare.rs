//! Preparation: who is in, with how many tickets, every entry left out and why, and the
//! draw file whose SHA-256 is the fingerprint announced before the draw.

use super::digest::sha256_hex;
use super::entrant::normalise_profile;
use super::exclusion::{ExcludedEntries, Exclusion, Left, Reason};
use super::index::Index;
use super::intern::{HASHER, NONE};
use super::rules::{validate_rules, Rules, RulesInput};
use super::sieve::{sift, Tally};
use super::suspicion::{
    kinds, say_flags_in, suspicious, Suspicion, SuspicionKind, SuspiciousEntrant,
};
use super::warning::{warnings, DrawWarning, Found};
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::model::Entries;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// First line of every draw file: the scheme and its version.
pub(super) const DRAW_FILE_HEADER: &str = "social-roi draw 1";
/// Most tickets a draw may hold, bonus entries included.
const MAX_TICKETS: u64 = 1_000_000;

/// How many entries, people and tickets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawCounts {
    /// Entries read.
    pub entries: usize,
    /// Entries counted (one per person, or per eligible comment).
    pub eligible: usize,
    /// Entries left out (`eligible + excluded = entries`).
    pub excluded: usize,
    /// People with at least one ticket.
    pub people: usize,
    /// Tickets, bonus entries included.
    pub tickets: u64,
}

/// One person in the draw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The entrant as the draw file names them.
    pub entrant: String,
    /// Their tickets.
    pub tickets: u32,
    /// Their counted entries.
    pub entries: u32,
    /// The line of their first counted entry.
    pub line: u64,
}

#[cfg(test)]
impl Person {
    /// For the tests: the people of a pool, each with one entry, on lines 1, 2, 3… in order.
    pub(crate) fn pool(tickets: &[(&str, u32)]) -> Vec<Person> {
        tickets
            .iter()
            .zip(1..)
            .map(|(&(entrant, tickets), line)| Person {
                entrant: entrant.into(),
                tickets,
                entries: 1,
                line,
            })
            .collect()
    }
}

/// Everything known before the seed: the fingerprint to announce, who is in and who is out.
/// In JSON, `exclusions` is written as a certificate writes it ([`ExcludedEntries`]); the
/// entries' authors, lines and messages are [`Prepared::exclusions`]'s, page by page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prepared {
    /// The rules applied.
    pub rules: Rules,
    /// Entries, people, tickets.
    pub counts: DrawCounts,
    /// SHA-256 of the entries as read, in order: one line of JSON per entry, `[id, parent_id,
    /// author, profile, date, text]`.
    pub entries_sha256: String,
    /// SHA-256 of `draw_file`: announce it before the draw.
    pub fingerprint: String,
    /// The canonical list of rules and tickets the draw ranks.
    pub draw_file: String,
    /// The people in the draw, sorted by entrant.
    pub people: Vec<Person>,
    /// Every entry left out, in order, with its reason.
    #[serde(rename = "exclusions", serialize_with = "as_ranges")]
    left: Vec<Left>,
    /// What to check before drawing, in `lang`.
    pub warnings: Vec<DrawWarning>,
    /// Entrants whose entries look fake or bought, each with its reason, in `lang`: shown,
    /// and left out only for the kinds the rules name (`exclude_suspicious`).
    pub suspicious: Vec<SuspiciousEntrant>,
    /// Every kind of suspicion, with how many it flags and whether the rules leave them out.
    pub suspicion_kinds: Vec<SuspicionKind>,
    /// What the warnings say.
    #[serde(skip)]
    found: Found,
    /// The language of `warnings`.
    #[serde(skip)]
    lang: Lang,
}

fn as_ranges<S: Serializer>(left: &[Left], s: S) -> Result<S::Ok, S::Error> {
    ExcludedEntries::from_left(left).serialize(s)
}

/// Applies the rules to the entries: who is in with how many tickets, every exclusion with
/// its reason, the draw file and its fingerprint. Fails only when the tickets exceed
/// [`MAX_TICKETS`].
#[cfg(test)]
pub(super) fn prepare_entries(
    entries: &Entries,
    rules: &Rules,
    lang: Lang,
) -> Result<Prepared, FieldError> {
    let index = Index::new(entries);
    let flags = suspicious(entries, &index, lang);
    prepare_indexed(entries, &index, flags, rules, lang)
}

/// The suspicious entrants of `flags`, each marked excluded when the rules name its kind.
fn mark_excluded(mut flags: Vec<SuspiciousEntrant>, out: &[Suspicion]) -> Vec<SuspiciousEntrant> {
    for f in &mut flags {
        f.excluded = out.contains(&f.kind);
    }
    flags
}

/// [`prepare_entries`] over entries already indexed (`index` is theirs), `flags` their
/// suspicious entrants in `lang` (which depend on the entries only, so a session finds them
/// once for every change of the rules).
pub(super) fn prepare_indexed(
    entries: &Entries,
    index: &Index,
    flags: Vec<SuspiciousEntrant>,
    rules: &Rules,
    lang: Lang,
) -> Result<Prepared, FieldError> {
    let flags = mark_excluded(flags, &rules.exclude_suspicious);
    let mut suspect = vec![
        0u8;
        if rules.exclude_suspicious.is_empty() {
            0
        } else {
            index.entrant.len()
        }
    ];
    for f in flags.iter().filter(|f| f.excluded) {
        let k = Suspicion::ALL
            .iter()
            .position(|x| *x == f.kind)
            .unwrap_or(0) as u8
            + 1;
        if let Some(s) = suspect.get_mut(f.person as usize) {
            if *s == 0 {
                *s = k;
            }
        }
    }
    let mut sifted = sift(entries, index, rules, &suspect);
    let bonus_unmatched = add_bonuses(&mut sifted.tallies, &sifted.aliases, index, rules);
    let (people, total) = people_of(&sifted.tallies, index, rules);
    if total > MAX_TICKETS {
        return Err(too_many_tickets(total, lang));
    }
    let found = Found {
        no_text: index.no_text,
        no_dates: index.no_dates,
        exclude_unmatched: rules
            .exclude
            .iter()
            .zip(&sifted.exclude_used)
            .filter(|(_, used)| !**used)
            .map(|(x, _)| x.clone())
            .collect(),
        bonus_unmatched,
        windowed: sifted.windowed,
        people: people.len(),
    };
    let draw_file = write_draw_file(rules, entries.len(), &index.entries_sha256, &people, total);
    Ok(Prepared {
        rules: rules.clone(),
        counts: DrawCounts {
            entries: entries.len(),
            eligible: sifted.eligible,
            excluded: sifted.left.len(),
            people: people.len(),
            tickets: total,
        },
        entries_sha256: index.entries_sha256.clone(),
        fingerprint: sha256_hex(draw_file.as_bytes()),
        draw_file,
        people,
        left: sifted.left,
        warnings: warnings(&found, rules, lang),
        suspicion_kinds: kinds(&flags, &rules.exclude_suspicious, lang),
        suspicious: flags,
        found,
        lang,
    })
}

impl Prepared {
    /// Every entry left out and its reason, as the certificate records them.
    pub fn excluded(&self) -> ExcludedEntries {
        ExcludedEntries::from_left(&self.left)
    }

    /// The language of the warnings.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The flags of `kind`, from the `offset`-th of them, at most `limit`, in the order of
    /// their entrants: a page of a long list (a million comments may make 160,000 flags).
    pub fn suspicious_of(
        &self,
        kind: Suspicion,
        offset: usize,
        limit: usize,
    ) -> Vec<&SuspiciousEntrant> {
        self.suspicious
            .iter()
            .filter(|f| f.kind == kind)
            .skip(offset)
            .take(limit)
            .collect()
    }

    /// How many entrants the flags name (an entrant may be flagged for several kinds).
    pub fn flagged_entrants(&self) -> usize {
        let mut seen = HashSet::with_capacity_and_hasher(self.suspicious.len(), HASHER);
        self.suspicious
            .iter()
            .filter(|f| seen.insert(f.entrant.as_str()))
            .count()
    }

    /// The warnings and the suspicious entrants' reasons said in `lang` (`index` is that of the
    /// entries prepared): sentences written again, nothing searched again.
    pub(super) fn say_warnings_in(&mut self, index: &Index, lang: Lang) {
        if lang != self.lang {
            self.warnings = warnings(&self.found, &self.rules, lang);
            say_flags_in(&mut self.suspicious, index, lang);
            self.suspicion_kinds = kinds(&self.suspicious, &self.rules.exclude_suspicious, lang);
            self.lang = lang;
        }
    }

    /// The entries left out (for `reason`, or for any), from the `offset`-th of them, at most
    /// `limit`, with their author, line and message in `lang`: a page of a long list.
    /// `entries` are those prepared, `index` theirs.
    pub(super) fn exclusions(
        &self,
        entries: &Entries,
        index: &Index,
        reason: Option<Reason>,
        (offset, limit): (usize, usize),
        lang: Lang,
    ) -> Vec<Exclusion> {
        self.left
            .iter()
            .filter(|x| reason.is_none_or(|r| x.reason == r))
            .skip(offset)
            .take(limit)
            .filter_map(|x| {
                let i = x.index as usize;
                let e = entries.get(i)?;
                let person = index.person.get(i).copied().unwrap_or(NONE);
                Some(Exclusion {
                    index: i,
                    file: e.origin().file,
                    line: e.origin().line,
                    author: e.author().to_string(),
                    entrant: (person != NONE).then(|| index.entrant_of(person).to_string()),
                    reason: x.reason,
                    message: x.message(e, &self.rules, lang),
                })
            })
            .collect()
    }
}

/// Adds the bonus entries to the people they name (by entrant, name or profile), each bonus
/// line once per person; gives the entrants of the bonus lines that named nobody.
/// `aliases` are the names and profiles each counted entry was written with.
fn add_bonuses(
    tallies: &mut [Tally],
    aliases: &[(u32, u32)],
    index: &Index,
    rules: &Rules,
) -> Vec<String> {
    if rules.bonus.is_empty() {
        return Vec::new();
    }
    let strings = &index.strings;
    // A line by its entrant, or by its entrant read as a profile (the last line wins).
    let mut by_name: HashMap<u32, usize, _> = HashMap::with_hasher(HASHER);
    let mut by_profile: HashMap<u32, usize, _> = HashMap::with_hasher(HASHER);
    for (i, b) in rules.bonus.iter().enumerate() {
        if let Some(id) = strings.find(&b.entrant) {
            by_name.insert(id, i);
        }
        if let Some(id) = strings.find(&normalise_profile(&b.entrant)) {
            by_profile.insert(id, i);
        }
    }
    let counted = tallies
        .iter()
        .enumerate()
        .filter(|(_, t)| t.counted)
        .map(|(p, _)| (p as u32, index.entrant[p]));
    let mut pairs: Vec<(u32, usize)> = counted
        .chain(aliases.iter().copied())
        .flat_map(|(p, s)| {
            [by_name.get(&s), by_profile.get(&s)]
                .into_iter()
                .flatten()
                .map(move |&line| (p, line))
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut used = vec![false; rules.bonus.len()];
    for (p, line) in pairs {
        tallies[p as usize].tickets += u64::from(rules.bonus[line].entries);
        used[line] = true;
    }
    rules
        .bonus
        .iter()
        .zip(used)
        .filter(|(_, used)| !used)
        .map(|(b, _)| b.entrant.clone())
        .collect()
}

/// The people sorted by entrant, their tickets capped by `max_entries` (and just past
/// [`MAX_TICKETS`]), and the total of their tickets.
fn people_of(tallies: &[Tally], index: &Index, rules: &Rules) -> (Vec<Person>, u64) {
    let mut order: Vec<(&str, usize)> = tallies
        .iter()
        .enumerate()
        .filter(|(_, t)| t.counted)
        .map(|(p, _)| (index.entrant_of(p as u32), p))
        .collect();
    order.sort_unstable();
    let cap = rules.max_entries.map_or(u64::MAX, u64::from);
    let mut total: u64 = 0;
    let people = order
        .into_iter()
        .map(|(entrant, p)| {
            let t = &tallies[p];
            let tickets = t.tickets.min(cap).min(MAX_TICKETS + 1);
            total = total.saturating_add(tickets);
            Person {
                entrant: entrant.to_string(),
                tickets: tickets as u32,
                entries: t.entries,
                line: t.line,
            }
        })
        .collect();
    (people, total)
}

fn too_many_tickets(total: u64, lang: Lang) -> FieldError {
    FieldError {
        field: "entries".to_string(),
        message: match lang {
            Lang::En => format!("too many tickets: {total}, at most {MAX_TICKETS}"),
            Lang::Fr => format!("trop de tickets\u{a0}: {total}, au plus {MAX_TICKETS}"),
        },
    }
}

/// The draw file: the header lines, a blank line, then one line per ticket.
fn write_draw_file(
    rules: &Rules,
    entries: usize,
    hash: &str,
    people: &[Person],
    tickets: u64,
) -> String {
    let rules_json = serde_json::to_string(rules).unwrap_or_default();
    let mut s = format!(
        "{DRAW_FILE_HEADER}\nrules: {rules_json}\nentries: {entries}, SHA-256 {hash}\npeople: {}\ntickets: {tickets}\n\n",
        people.len()
    );
    let body: usize = people
        .iter()
        .map(|p| (p.entrant.len() + 9) * p.tickets as usize)
        .sum();
    s.reserve(body);
    // `people` is sorted by entrant (bytes).
    for p in people {
        for n in 1..=p.tickets {
            s.push_str(&p.entrant);
            // Writing into a String cannot fail.
            let _ = writeln!(s, "\t{n}");
        }
    }
    s
}

/// The rules and the entries together: the fingerprint and who is in, or a message per field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preparation {
    /// Rules that could not be read (`winners`, `bonus[0].entries`…), or `entries` when there
    /// are too many tickets.
    pub errors: Vec<FieldError>,
    /// The preparation, when there are no errors.
    pub prepared: Option<Prepared>,
}

/// Validates the rules, then applies them to the entries: what the page shows before the draw.
pub fn prepare_draw(entries: &Entries, rules: &RulesInput, lang: Lang) -> Preparation {
    let result = validate_rules(rules, lang).and_then(|r| {
        let index = Index::new(entries);
        let flags = suspicious(entries, &index, lang);
        prepare_indexed(entries, &index, flags, &r, lang).map_err(|e| vec![e])
    });
    match result {
        Ok(p) => Preparation {
            errors: Vec::new(),
            prepared: Some(p),
        },
        Err(errors) => Preparation {
            errors,
            prepared: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::window::parse_iso;
    use crate::model::{EntryRow, Origin};

    fn comment(author: &str, text: &str) -> EntryRow {
        EntryRow {
            id: None,
            parent_id: None,
            author: author.into(),
            profile: None,
            link: None,
            date: None,
            text: text.into(),
            likes: None,
            origin: Origin { file: 0, line: 1 },
        }
    }

    fn lines(mut v: Vec<EntryRow>) -> Entries {
        for (i, e) in v.iter_mut().enumerate() {
            e.origin.line = i as u64 + 2;
        }
        v.into()
    }

    fn rules_from(json: &str) -> Rules {
        let input: RulesInput = serde_json::from_str(json).unwrap();
        validate_rules(&input, Lang::En).unwrap()
    }

    fn excluded_reasons(p: &Prepared) -> Vec<(usize, Reason)> {
        p.excluded().iter().collect()
    }

    fn messages(p: &Prepared, entries: &Entries, lang: Lang) -> Vec<String> {
        let index = Index::new(entries);
        p.exclusions(entries, &index, None, (0, usize::MAX), lang)
            .into_iter()
            .map(|x| x.message)
            .collect()
    }

    #[test]
    fn the_window_is_inclusive_to_what_was_typed() {
        let r = rules_from(r#"{"from": "2026-06-01T09:00", "until": "2026-06-14"}"#);
        let at = |s: &str| {
            let mut e = comment("x", "");
            e.date = parse_iso(s).map(|(d, _)| d);
            e
        };
        let entries = vec![
            at("2026-06-01T08:59:59"),
            at("2026-06-01T09:00:00"),
            at("2026-06-14T23:59:59"),
            at("2026-06-15T00:00:00"),
            at("2026-06-01"),
            comment("y", ""),
        ];
        let mut entries = entries;
        for (i, e) in entries.iter_mut().enumerate() {
            e.author = format!("p{i}");
        }
        let p = prepare_entries(&entries.into(), &r, Lang::En).unwrap();
        assert_eq!(
            excluded_reasons(&p),
            [
                (0, Reason::BeforeStart),
                (3, Reason::AfterEnd),
                (5, Reason::NoDate)
            ]
        );
        // A minute bound covers its whole minute; offsets compare as instants when both have one.
        let r = rules_from(r#"{"until": "2026-06-14T23:59+02:00"}"#);
        let late = at("2026-06-14T21:59:30Z");
        let later = at("2026-06-14T22:00:00Z");
        let p = prepare_entries(&vec![late, later].into(), &r, Lang::En).unwrap();
        assert_eq!(excluded_reasons(&p), [(1, Reason::AfterEnd)]);
    }

    #[test]
    fn every_rule_reports_its_reason() {
        let mut reply = comment("dan", "@x @y #concours");
        reply.parent_id = Some("1".into());
        let mut dup_a = comment("eve", "@x @y #concours");
        dup_a.id = Some("c9".into());
        let mut dup_b = dup_a.clone();
        dup_b.author = "eve2".into();
        let entries = lines(vec![
            comment("@Alice", "Je participe #Concours avec @bob et @carl"),
            comment("bob", "#concours @alice"),
            comment("Brand", "Merci @alice #concours @a @b"),
            comment("staff1", "#concours @a @b"),
            reply,
            comment("carl", "@a @b sans hashtag"),
            comment("ALICE", "#concours encore @x @y"),
            dup_a,
            dup_b,
            comment("", "#concours @a @b"),
            comment("frank", "#concours @frank @brand"),
        ]);
        let r = rules_from(
            r##"{"min_mentions": 2, "keywords": ["#concours"], "organiser": "@brand",
                 "exclude": ["Staff1", "nobody"]}"##,
        );
        let p = prepare_entries(&entries, &r, Lang::En).unwrap();
        assert_eq!(
            excluded_reasons(&p),
            [
                (1, Reason::TooFewMentions),
                (2, Reason::Organiser),
                (3, Reason::Excluded),
                (4, Reason::Reply),
                (5, Reason::MissingKeyword),
                (6, Reason::AlreadyEntered),
                (8, Reason::DuplicateId),
                (9, Reason::NoAuthor),
                (10, Reason::TooFewMentions),
            ]
        );
        assert_eq!(p.counts.eligible, 2);
        assert_eq!(p.counts.excluded, 9);
        assert_eq!(p.counts.people, 2);
        let who: Vec<&str> = p.people.iter().map(|x| x.entrant.as_str()).collect();
        assert_eq!(who, ["alice", "eve"]);
        let words = messages(&p, &entries, Lang::En);
        assert_eq!(words[5], "one entry per person: line 2 already counts");
        assert_eq!(words[0], "1 distinct @mention, 2 needed");
        assert!(p
            .warnings
            .iter()
            .any(|w| w.code == "exclude_unmatched" && w.message.contains("nobody")));
        let fr = prepare_entries(&entries, &r, Lang::Fr).unwrap();
        assert_eq!(
            messages(&fr, &entries, Lang::Fr)[0],
            "1 mention @ distincte, 2 demandées"
        );
        assert_eq!(
            fr.fingerprint, p.fingerprint,
            "the fingerprint does not depend on the language"
        );
    }

    #[test]
    fn tickets_per_comment_bonuses_and_cap() {
        let entries = lines(vec![
            comment("ann", "@a @b @c"),
            comment("ann", "@a @b @c"),
            comment("ann", "@d @e"),
            comment("ben", "@a"),
            comment("cat", "@a"),
        ]);
        let r = rules_from(
            r#"{"per": "comment", "min_mentions": 1, "bonus_per_mention": 2,
                "bonus": [{"entrant": "@Ben", "entries": 3}, {"entrant": "zed", "entries": 1}],
                "max_entries": 6}"#,
        );
        let p = prepare_entries(&entries, &r, Lang::En).unwrap();
        assert_eq!(excluded_reasons(&p), [(1, Reason::SameText)]);
        let t: Vec<(&str, u32, u32)> = p
            .people
            .iter()
            .map(|x| (x.entrant.as_str(), x.tickets, x.entries))
            .collect();
        // ann: (1 + 2×2) + (1 + 1×2) = 8, capped at 6; ben: 1 + 3 bonus; cat: 1.
        assert_eq!(t, [("ann", 6, 2), ("ben", 4, 1), ("cat", 1, 1)]);
        assert_eq!(p.counts.tickets, 11);
        assert!(p.warnings.iter().any(|w| w.code == "bonus_unmatched"));
        let body = p.draw_file.split_once("\n\n").unwrap().1;
        assert!(body.starts_with("ann\t1\nann\t2\n"));
        assert!(body.ends_with("ben\t4\ncat\t1\n"));
    }

    #[test]
    fn profiles_tell_homonyms_apart() {
        let mut a = comment("Marie Dupont", "");
        a.profile = Some("https://facebook.com/100001".into());
        let mut b = comment("Marie Dupont", "");
        b.profile = Some("https://facebook.com/100002".into());
        let mut c = comment("Marie D.", "");
        c.profile = Some("facebook.com/100001/".into());
        let p = prepare_entries(&lines(vec![a, b, c]), &Rules::default(), Lang::En).unwrap();
        let who: Vec<&str> = p.people.iter().map(|x| x.entrant.as_str()).collect();
        assert_eq!(
            who,
            [
                "marie dupont [facebook.com/100001]",
                "marie dupont [facebook.com/100002]"
            ]
        );
        assert_eq!(excluded_reasons(&p), [(2, Reason::AlreadyEntered)]);
    }
}
