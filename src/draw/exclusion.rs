//! Exclusions: every entry the rules leave out, with its reason as a code and in words, and
//! the count per reason that sums up a long list.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Why an entry is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
pub fn exclusions_by_reason(exclusions: &[Exclusion], lang: Lang) -> Vec<ReasonCount> {
    Reason::ALL
        .iter()
        .map(|&reason| ReasonCount {
            reason,
            label: reason.label(lang),
            count: exclusions.iter().filter(|x| x.reason == reason).count(),
        })
        .filter(|r| r.count > 0)
        .collect()
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
        let by = exclusions_by_reason(&p.exclusions, Lang::En);
        assert_eq!((by[0].reason, by[0].count), (Reason::AlreadyEntered, 2));
    }
}
