//! Exclusions: every entry the rules leave out, with its reason as a code and in words; as a
//! preparation keeps them (the entry, the reason and the one number its message needs, 16
//! bytes each: the words are written only for the entries shown), as a certificate records
//! them (ranges of entry indices per reason, a few bytes per entry however many there are),
//! and the count per reason that sums up a long list.

use super::rules::Rules;
use super::suspicion::Suspicion;
use crate::i18n::Lang;
use crate::model::EntryRef;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt::{self, Write};

/// Why an entry is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No name, handle or profile.
    NoAuthor,
    /// The same comment id as an earlier entry (two overlapping exports).
    DuplicateId,
    /// The organiser's own comment.
    Organiser,
    /// On the exclusion list.
    Excluded,
    /// Flagged as suspicious, and the rules leave that kind out.
    Suspicious,
    /// A reply to another comment, and replies do not count.
    Reply,
    /// No date, and the rules set a window.
    NoDate,
    /// Before the window.
    BeforeStart,
    /// After the window.
    AfterEnd,
    /// A required keyword or hashtag is missing.
    MissingKeyword,
    /// Fewer distinct @mentions than required.
    TooFewMentions,
    /// One entry per person, and an earlier comment of theirs already counts.
    AlreadyEntered,
    /// One entry per comment, and the same person wrote the same text earlier.
    SameText,
}

/// An entry left out of the draw, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Position of the entry in the list (0-based).
    pub index: usize,
    /// Which file it came from (index in the dataset's files).
    pub file: usize,
    /// The line (or row) of that file.
    pub line: u64,
    /// The author as written.
    pub author: String,
    /// The entrant as the draw names them, when there is one.
    pub entrant: Option<String>,
    /// Why, as a code.
    pub reason: Reason,
    /// Why, in words, in the certificate's language.
    pub message: String,
}

impl Reason {
    /// Every reason, in the order the rules are applied.
    pub const ALL: [Reason; 13] = [
        Reason::NoAuthor,
        Reason::DuplicateId,
        Reason::Organiser,
        Reason::Excluded,
        Reason::Suspicious,
        Reason::Reply,
        Reason::NoDate,
        Reason::BeforeStart,
        Reason::AfterEnd,
        Reason::MissingKeyword,
        Reason::TooFewMentions,
        Reason::AlreadyEntered,
        Reason::SameText,
    ];

    /// What the entries left out for this reason have in common, in `lang`: the heading of
    /// their group.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reason::NoAuthor => {
                lang.pick("No name, handle or profile", "Ni nom, ni pseudo, ni profil")
            }
            Reason::DuplicateId => lang.pick(
                "The same comment twice (overlapping exports)",
                "Le même commentaire deux fois (exports qui se recoupent)",
            ),
            Reason::Organiser => lang.pick(
                "The organiser’s own comments",
                "Commentaires de l’organisateur",
            ),
            Reason::Excluded => lang.pick("On the exclusion list", "Sur la liste d’exclusion"),
            Reason::Suspicious => lang.pick(
                "Suspicious, and the rules leave that out",
                "Suspects, et les règles les écartent",
            ),
            Reason::Reply => lang.pick(
                "Replies to other comments",
                "Réponses à d’autres commentaires",
            ),
            Reason::NoDate => lang.pick(
                "No date, and the rules set a window",
                "Sans date, alors que les règles fixent une période",
            ),
            Reason::BeforeStart => lang.pick("Before the start", "Avant le début"),
            Reason::AfterEnd => lang.pick("After the end", "Après la fin"),
            Reason::MissingKeyword => lang.pick(
                "A required keyword or hashtag is missing",
                "Il manque un mot-clé ou un hashtag demandé",
            ),
            Reason::TooFewMentions => lang.pick("Too few @mentions", "Trop peu de mentions @"),
            Reason::AlreadyEntered => lang.pick(
                "Already entered (one entry per person)",
                "Déjà inscrit (une participation par personne)",
            ),
            Reason::SameText => lang.pick(
                "The same text twice from one person",
                "Le même texte deux fois, d’une même personne",
            ),
        }
    }
}

/// How many entries were left out for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// The reason, as a code.
    pub reason: Reason,
    /// The reason, in words ([`Reason::label`]).
    pub label: &'static str,
    /// Entries left out for it.
    pub count: usize,
}

/// The exclusions counted by reason, in the order the rules are applied; reasons with no
/// entry are left out. What a long list of exclusions is summed up by.
pub fn exclusions_by_reason(exclusions: &ExcludedEntries, lang: Lang) -> Vec<ReasonCount> {
    Reason::ALL
        .iter()
        .map(|&reason| ReasonCount {
            reason,
            label: reason.label(lang),
            count: exclusions.count(reason),
        })
        .filter(|r| r.count > 0)
        .collect()
}

/// An entry left out, as a preparation keeps it: which, why, and the one number its message
/// needs (the earlier line, the item of a list, the mentions found).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Left {
    /// Position of the entry in the list (0-based).
    pub(super) index: u32,
    pub(super) reason: Reason,
    /// The line the entry repeats (`duplicate_id`, `already_entered`, `same_text`), the index
    /// of the item of the exclusion list or of the keyword, or the mentions found.
    pub(super) detail: u64,
}

impl Left {
    /// Why, in words, in `lang`: `e` is the entry, `rules` those that left it out. (A flat
    /// table of messages, one arm per reason.)
    pub(super) fn message(&self, e: EntryRef<'_>, rules: &Rules, lang: Lang) -> String {
        let n = self.detail;
        let at = |i: u64| usize::try_from(i).unwrap_or(usize::MAX);
        let date = e.date().map(|d| d.to_string()).unwrap_or_default();
        match self.reason {
            Reason::NoAuthor => lang
                .pick("no name, handle or profile", "ni nom, ni pseudo, ni profil")
                .to_string(),
            Reason::DuplicateId => match lang {
                Lang::En => format!("the same comment id as line {n}"),
                Lang::Fr => format!("le même identifiant de commentaire que la ligne {n}"),
            },
            Reason::Organiser => lang
                .pick(
                    "the organiser’s own comment",
                    "un commentaire de l’organisateur",
                )
                .to_string(),
            Reason::Excluded => {
                let item = rules.exclude.get(at(n)).map_or("", String::as_str);
                match lang {
                    Lang::En => format!("on the exclusion list (\"{item}\")"),
                    Lang::Fr => format!("sur la liste d’exclusion («\u{a0}{item}\u{a0}»)"),
                }
            }
            Reason::Suspicious => {
                let kind = Suspicion::ALL.get(at(n)).copied().unwrap_or(Suspicion::SameText);
                let label = kind.label(lang);
                match lang {
                    Lang::En => format!("{label}: a rule of this draw (see the suspicious entrants)"),
                    Lang::Fr => format!(
                        "{label}\u{a0}: une règle de ce tirage (voir les participants suspects)"
                    ),
                }
            }
            Reason::Reply => lang
                .pick(
                    "a reply to another comment: only top-level comments count",
                    "une réponse à un autre commentaire\u{a0}: seuls les commentaires principaux comptent",
                )
                .to_string(),
            Reason::NoDate => lang
                .pick(
                    "no date: the entry cannot be placed in the window",
                    "pas de date\u{a0}: impossible de situer la participation dans la période",
                )
                .to_string(),
            Reason::BeforeStart => {
                let text = rules.from.as_deref().unwrap_or("");
                match lang {
                    Lang::En => format!("written {date}, before the start ({text})"),
                    Lang::Fr => format!("écrit le {date}, avant le début ({text})"),
                }
            }
            Reason::AfterEnd => {
                let text = rules.until.as_deref().unwrap_or("");
                match lang {
                    Lang::En => format!("written {date}, after the end ({text})"),
                    Lang::Fr => format!("écrit le {date}, après la fin ({text})"),
                }
            }
            Reason::MissingKeyword => {
                let k = rules.keywords.get(at(n)).map_or("", String::as_str);
                match lang {
                    Lang::En => format!("does not contain \"{k}\""),
                    Lang::Fr => format!("ne contient pas «\u{a0}{k}\u{a0}»"),
                }
            }
            Reason::TooFewMentions => mentions_message(n, rules.min_mentions, lang),
            Reason::AlreadyEntered => match lang {
                Lang::En => format!("one entry per person: line {n} already counts"),
                Lang::Fr => {
                    format!("une participation par personne\u{a0}: la ligne {n} compte déjà")
                }
            },
            Reason::SameText => match lang {
                Lang::En => format!("the same text as this person’s line {n}"),
                Lang::Fr => format!("le même texte que la ligne {n} de cette personne"),
            },
        }
    }
}

fn mentions_message(tagged: u64, need: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{tagged} distinct @mention{}, {need} needed",
            if tagged == 1 { "" } else { "s" }
        ),
        Lang::Fr => format!(
            "{tagged} mention{} @ distincte{}, {need} demandée{}",
            if tagged > 1 { "s" } else { "" },
            if tagged > 1 { "s" } else { "" },
            if need > 1 { "s" } else { "" }
        ),
    }
}

/// Consecutive entries left out for one reason: indices `first` to `last`, both included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    first: u32,
    last: u32,
    reason: Reason,
}

/// Every entry left out and its reason, as a certificate records them: in JSON, an object
/// with one member per reason (in the order the rules apply), whose value lists the 0-based
/// indices of its entries in increasing order, separated by commas, consecutive ones as
/// `first-last`: `{"organiser": "2", "already_entered": "4,9-11"}`. A million comments take a
/// few megabytes; the entries and the rules say the rest (author, line, message). Reads the
/// first version's list of objects (`[{"index": 2, "reason": "organiser", …}]`) too.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExcludedEntries {
    /// Sorted, disjoint, with no two adjacent runs of the same reason.
    runs: Vec<Run>,
}

impl ExcludedEntries {
    /// The exclusions of a preparation (in order of their entries).
    pub(super) fn from_left(left: &[Left]) -> ExcludedEntries {
        let mut out = ExcludedEntries::default();
        for x in left {
            out.push(x.index, x.index, x.reason);
        }
        out
    }

    /// Appends a run after the last one, merging it into the last when they touch.
    fn push(&mut self, first: u32, last: u32, reason: Reason) {
        if let Some(r) = self.runs.last_mut() {
            if r.reason == reason && u64::from(r.last) + 1 == u64::from(first) {
                r.last = last;
                return;
            }
        }
        self.runs.push(Run {
            first,
            last,
            reason,
        });
    }

    /// How many entries are left out.
    pub fn len(&self) -> usize {
        self.runs
            .iter()
            .map(|r| (r.last - r.first) as usize + 1)
            .sum()
    }

    /// No entry is left out.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// How many entries are left out for `reason`.
    pub fn count(&self, reason: Reason) -> usize {
        self.runs
            .iter()
            .filter(|r| r.reason == reason)
            .map(|r| (r.last - r.first) as usize + 1)
            .sum()
    }

    /// Every entry left out, in order, with its reason.
    pub fn iter(&self) -> impl Iterator<Item = (usize, Reason)> + '_ {
        self.runs
            .iter()
            .flat_map(|r| (r.first..=r.last).map(move |i| (i as usize, r.reason)))
    }

    /// The ranges of one reason's entries, as the certificate writes them.
    fn ranges(&self, reason: Reason) -> String {
        let mut s = String::new();
        for r in self.runs.iter().filter(|r| r.reason == reason) {
            if !s.is_empty() {
                s.push(',');
            }
            // Writing into a String cannot fail.
            let _ = if r.first == r.last {
                write!(s, "{}", r.first)
            } else {
                write!(s, "{}-{}", r.first, r.last)
            };
        }
        s
    }

    /// From runs in any order: sorted, merged; an entry listed twice is an error.
    fn from_runs(mut runs: Vec<Run>) -> Result<ExcludedEntries, String> {
        runs.sort_unstable_by_key(|r| r.first);
        let mut out = ExcludedEntries::default();
        for r in runs {
            if let Some(last) = out.runs.last() {
                if r.first <= last.last {
                    return Err(format!("entry {} is listed twice", r.first.max(last.first)));
                }
            }
            out.push(r.first, r.last, r.reason);
        }
        Ok(out)
    }
}

impl Serialize for ExcludedEntries {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let present: Vec<Reason> = Reason::ALL
            .into_iter()
            .filter(|&r| self.runs.iter().any(|x| x.reason == r))
            .collect();
        let mut map = serializer.serialize_map(Some(present.len()))?;
        for r in present {
            map.serialize_entry(&r, &self.ranges(r))?;
        }
        map.end()
    }
}

/// Reads `"4,9-11"`: the runs of one reason.
fn parse_ranges(text: &str, reason: Reason, out: &mut Vec<Run>) -> Result<(), String> {
    let number = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        match (number(a.trim()), number(b.trim())) {
            (Some(first), Some(last)) if first <= last => out.push(Run {
                first,
                last,
                reason,
            }),
            _ => {
                return Err(format!(
                    "\"{part}\": expected an entry index (0, 1, 2…) or a range such as 4-9"
                ))
            }
        }
    }
    Ok(())
}

impl<'de> Deserialize<'de> for ExcludedEntries {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ExcludedEntries, D::Error> {
        d.deserialize_any(ExcludedVisitor)
    }
}

struct ExcludedVisitor;

impl<'de> Visitor<'de> for ExcludedVisitor {
    type Value = ExcludedEntries;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of reasons, each with the ranges of its entries (\"4,9-11\")")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ExcludedEntries, A::Error> {
        let mut runs = Vec::new();
        while let Some((reason, text)) = map.next_entry::<Reason, String>()? {
            parse_ranges(&text, reason, &mut runs).map_err(de::Error::custom)?;
        }
        ExcludedEntries::from_runs(runs).map_err(de::Error::custom)
    }

    /// The first version's list of exclusion objects.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ExcludedEntries, A::Error> {
        let mut runs = Vec::new();
        while let Some(x) = seq.next_element::<Exclusion>()? {
            let i = u32::try_from(x.index).map_err(de::Error::custom)?;
            runs.push(Run {
                first: i,
                last: i,
                reason: x.reason,
            });
        }
        ExcludedEntries::from_runs(runs).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::prepare::prepare_entries;
    use crate::draw::{read_entries, Rules};

    #[test]
    fn example_of_exclusions_by_reason() {
        let entries = read_entries("list.txt", "ann\nAnn\nbob\n@ann\n").unwrap();
        let p = prepare_entries(&entries, &Rules::default(), Lang::En).unwrap();
        let by = exclusions_by_reason(&p.excluded(), Lang::En);
        assert_eq!((by[0].reason, by[0].count), (Reason::AlreadyEntered, 2));
    }

    #[test]
    fn excluded_entries_as_ranges() {
        let left = |index, reason| Left {
            index,
            reason,
            detail: 0,
        };
        let x = ExcludedEntries::from_left(&[
            left(2, Reason::Organiser),
            left(4, Reason::AlreadyEntered),
            left(9, Reason::AlreadyEntered),
            left(10, Reason::AlreadyEntered),
            left(11, Reason::AlreadyEntered),
            left(12, Reason::Reply),
        ]);
        let json = serde_json::to_string(&x).unwrap();
        assert_eq!(
            json,
            r#"{"organiser":"2","reply":"12","already_entered":"4,9-11"}"#
        );
        let back: ExcludedEntries = serde_json::from_str(&json).unwrap();
        assert_eq!(back, x);
        assert_eq!((x.len(), x.count(Reason::AlreadyEntered)), (6, 4));
        let v1 = r#"[{"index": 4, "file": 0, "line": 6, "author": "a", "entrant": "a",
                      "reason": "already_entered", "message": "…"}]"#;
        let back: ExcludedEntries = serde_json::from_str(v1).unwrap();
        assert_eq!(
            back.iter().collect::<Vec<_>>(),
            [(4, Reason::AlreadyEntered)]
        );
        for bad in [
            r#"{"reply": "3-1"}"#,
            r#"{"reply": "x"}"#,
            r#"{"reply": "1", "organiser": "0-2"}"#,
            r#"{"nope": "1"}"#,
        ] {
            assert!(
                serde_json::from_str::<ExcludedEntries>(bad).is_err(),
                "{bad}"
            );
        }
        let e = serde_json::from_str::<ExcludedEntries>(r#"{"reply": "1", "organiser": "0-2"}"#)
            .unwrap_err();
        assert!(e.to_string().contains("entry 1 is listed twice"), "{e}");
    }
}
