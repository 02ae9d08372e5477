//! The rules applied to the entries one after another, each entry stopped by the first rule
//! it fails (in the order of [`Reason::ALL`]): who is in with how many tickets before bonus
//! entries and the cap, and every entry left out with its reason.

use super::entrant::{entrant_names, who, Identity, Named};
use super::exclusion::{Exclusion, Reason};
use super::rules::{Per, Rules};
use super::suspicion::{Suspicion, SuspiciousEntrant};
use super::text::{fold, has_keyword, mentions};
use super::window::{compare, Bound};
use crate::i18n::Lang;
use crate::model::EntryRow;
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// One person's counted entries.
pub(super) struct PersonTally {
    pub(super) entrant: String,
    /// Every name and profile the person's counted entries were written with.
    pub(super) aliases: HashSet<String>,
    pub(super) tickets: u64,
    pub(super) entries: u32,
    /// The line of their first counted entry.
    pub(super) line: u64,
    /// The line where each of their counted texts (folded) first appears.
    texts: HashMap<String, u64>,
    counted: bool,
}

/// What the rules made of the entries.
pub(super) struct Sifted<'a> {
    /// The people with at least one counted entry, by entrant.
    pub(super) tallies: HashMap<String, PersonTally>,
    /// Every entry left out, in order.
    pub(super) exclusions: Vec<Exclusion>,
    /// Entries counted.
    pub(super) eligible: usize,
    /// The items of the exclusion list that left someone out.
    pub(super) exclude_used: HashSet<&'a str>,
    /// Whether the rules set a window (a start or an end that reads as a date).
    pub(super) windowed: bool,
}

/// Why an entry is left out, and the message that says it in the report's language.
type Left = (Reason, String);

/// The author of an entry as the rules compare them.
struct Author {
    /// The entrant, as the draw file names them.
    entrant: String,
    /// The name, normalised.
    name: String,
    /// The profile, normalised.
    profile: Option<String>,
}

/// The rules, ready to be applied entry after entry, and what they have seen so far.
struct Sieve<'a> {
    rules: &'a Rules,
    lang: Lang,
    from: Option<Bound>,
    until: Option<Bound>,
    organiser: Option<Named<'a>>,
    excluded: Vec<Named<'a>>,
    /// The line of every comment id seen so far.
    seen_ids: HashMap<&'a str, u64>,
    exclude_used: HashSet<&'a str>,
    tallies: HashMap<String, PersonTally>,
    /// The entrants the rules leave out as suspicious, with the first kind that does.
    suspects: HashMap<&'a str, (Suspicion, &'a str)>,
}

/// Applies the rules to the entries, in order; `flags` are the suspicious entrants (those
/// marked `excluded` are left out).
pub(super) fn sift<'a>(
    entries: &'a [EntryRow],
    rules: &'a Rules,
    flags: &'a [SuspiciousEntrant],
    lang: Lang,
) -> Sifted<'a> {
    let names_of = entrant_names(entries);
    let mut sieve = Sieve::new(rules, lang);
    for f in flags.iter().filter(|f| f.excluded) {
        sieve
            .suspects
            .entry(f.entrant.as_str())
            .or_insert((f.kind, f.reason.as_str()));
    }
    let mut exclusions = Vec::new();
    let mut eligible = 0usize;
    for (index, e) in entries.iter().enumerate() {
        let (name, profile) = who(e);
        let entrant = names_of.get(&Identity::of(&name, &profile)).cloned();
        let author = entrant.clone().map(|entrant| Author {
            entrant,
            name,
            profile,
        });
        match sieve.admit(e, author) {
            Ok(()) => eligible += 1,
            Err((reason, message)) => exclusions.push(Exclusion {
                index,
                file: e.origin.file,
                line: e.origin.line,
                author: e.author.clone(),
                entrant,
                reason,
                message,
            }),
        }
    }
    Sifted {
        windowed: sieve.from.is_some() || sieve.until.is_some(),
        tallies: sieve.tallies,
        exclusions,
        eligible,
        exclude_used: sieve.exclude_used,
    }
}

impl<'a> Sieve<'a> {
    fn new(rules: &'a Rules, lang: Lang) -> Sieve<'a> {
        Sieve {
            rules,
            lang,
            from: rules.from.as_deref().and_then(Bound::parse),
            until: rules.until.as_deref().and_then(Bound::parse),
            organiser: rules.organiser.as_deref().map(Named::new),
            excluded: rules.exclude.iter().map(|x| Named::new(x)).collect(),
            seen_ids: HashMap::new(),
            exclude_used: HashSet::new(),
            tallies: HashMap::new(),
            suspects: HashMap::new(),
        }
    }

    /// Counts the entry, or says why not: the rules in the order of [`Reason::ALL`].
    fn admit(&mut self, e: &'a EntryRow, author: Option<Author>) -> Result<(), Left> {
        let Some(author) = author else {
            let why = self
                .lang
                .pick("no name, handle or profile", "ni nom, ni pseudo, ni profil");
            return Err((Reason::NoAuthor, why.to_string()));
        };
        self.check_id(e)?;
        self.check_organiser(&author)?;
        self.check_excluded(&author)?;
        self.check_suspicious(&author)?;
        self.check_reply(e)?;
        self.check_window(e)?;
        let text = fold(&e.text);
        self.check_keywords(&text)?;
        let tagged = self.check_mentions(e, &author)?;
        self.count(e, author, text, tagged)
    }

    /// The same comment id as an earlier entry: two exports that overlap.
    fn check_id(&mut self, e: &'a EntryRow) -> Result<(), Left> {
        let Some(id) = e.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) else {
            return Ok(());
        };
        if let Some(first) = self.seen_ids.get(id) {
            return Err((
                Reason::DuplicateId,
                match self.lang {
                    Lang::En => format!("the same comment id as line {first}"),
                    Lang::Fr => format!("le même identifiant de commentaire que la ligne {first}"),
                },
            ));
        }
        self.seen_ids.insert(id, e.origin.line);
        Ok(())
    }

    fn check_organiser(&self, a: &Author) -> Result<(), Left> {
        if !self
            .organiser
            .as_ref()
            .is_some_and(|o| o.matches(&a.entrant, &a.name, &a.profile))
        {
            return Ok(());
        }
        let why = self.lang.pick(
            "the organiser’s own comment",
            "un commentaire de l’organisateur",
        );
        Err((Reason::Organiser, why.to_string()))
    }

    fn check_excluded(&mut self, a: &Author) -> Result<(), Left> {
        let Some(item) = self
            .excluded
            .iter()
            .find(|x| x.matches(&a.entrant, &a.name, &a.profile))
            .map(|x| x.item)
        else {
            return Ok(());
        };
        self.exclude_used.insert(item);
        Err((
            Reason::Excluded,
            match self.lang {
                Lang::En => format!("on the exclusion list (\"{item}\")"),
                Lang::Fr => format!("sur la liste d’exclusion («\u{a0}{item}\u{a0}»)"),
            },
        ))
    }

    /// A suspicious entrant, when the rules leave that kind out.
    fn check_suspicious(&self, a: &Author) -> Result<(), Left> {
        let Some((kind, reason)) = self.suspects.get(a.entrant.as_str()) else {
            return Ok(());
        };
        let label = kind.label(self.lang);
        Err((
            Reason::Suspicious,
            match self.lang {
                Lang::En => format!("{label} (a rule of this draw): {reason}"),
                Lang::Fr => format!("{label} (une règle de ce tirage)\u{a0}: {reason}"),
            },
        ))
    }

    fn check_reply(&self, e: &EntryRow) -> Result<(), Left> {
        let reply = e.parent_id.as_deref().is_some_and(|p| !p.trim().is_empty());
        if self.rules.include_replies || !reply {
            return Ok(());
        }
        let why = self.lang.pick(
            "a reply to another comment: only top-level comments count",
            "une réponse à un autre commentaire\u{a0}: seuls les commentaires principaux comptent",
        );
        Err((Reason::Reply, why.to_string()))
    }

    fn check_window(&self, e: &EntryRow) -> Result<(), Left> {
        if self.from.is_none() && self.until.is_none() {
            return Ok(());
        }
        let lang = self.lang;
        let Some(date) = e.date else {
            let why = lang.pick(
                "no date: the entry cannot be placed in the window",
                "pas de date\u{a0}: impossible de situer la participation dans la période",
            );
            return Err((Reason::NoDate, why.to_string()));
        };
        if let (Some(b), Some(text)) = (&self.from, &self.rules.from) {
            if compare(&date, b) == Ordering::Less {
                let why = match lang {
                    Lang::En => format!("written {date}, before the start ({text})"),
                    Lang::Fr => format!("écrit le {date}, avant le début ({text})"),
                };
                return Err((Reason::BeforeStart, why));
            }
        }
        if let (Some(b), Some(text)) = (&self.until, &self.rules.until) {
            if compare(&date, b) == Ordering::Greater {
                let why = match lang {
                    Lang::En => format!("written {date}, after the end ({text})"),
                    Lang::Fr => format!("écrit le {date}, après la fin ({text})"),
                };
                return Err((Reason::AfterEnd, why));
            }
        }
        Ok(())
    }

    /// `text` is the entry's text, folded.
    fn check_keywords(&self, text: &str) -> Result<(), Left> {
        let Some(k) = self.rules.keywords.iter().find(|k| !has_keyword(text, k)) else {
            return Ok(());
        };
        let why = match self.lang {
            Lang::En => format!("does not contain \"{k}\""),
            Lang::Fr => format!("ne contient pas «\u{a0}{k}\u{a0}»"),
        };
        Err((Reason::MissingKeyword, why))
    }

    /// The distinct people the entry tags (neither its author nor the organiser), when they
    /// are enough.
    fn check_mentions(&self, e: &EntryRow, a: &Author) -> Result<u32, Left> {
        let organiser = self.rules.organiser.as_deref();
        let tagged = mentions(&e.text)
            .into_iter()
            .filter(|m| *m != a.name && *m != a.entrant && Some(m.as_str()) != organiser)
            .count() as u32;
        let need = self.rules.min_mentions;
        if tagged >= need {
            return Ok(tagged);
        }
        let why = match self.lang {
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
        };
        Err((Reason::TooFewMentions, why))
    }

    /// Counts an entry that passed every other rule, unless its author already entered (one
    /// entry per person) or already wrote this text (one entry per comment).
    fn count(&mut self, e: &EntryRow, a: Author, text: String, tagged: u32) -> Result<(), Left> {
        let rules = self.rules;
        let tally = self
            .tallies
            .entry(a.entrant.clone())
            .or_insert_with(|| PersonTally {
                entrant: a.entrant.clone(),
                aliases: HashSet::new(),
                tickets: 0,
                entries: 0,
                line: e.origin.line,
                texts: HashMap::new(),
                counted: false,
            });
        if let Some(left) = tally.repeated(rules.per, &text, self.lang) {
            return Err(left);
        }
        if !tally.counted {
            tally.line = e.origin.line;
        }
        tally.counted = true;
        tally.entries += 1;
        tally.aliases.insert(a.name);
        tally.aliases.extend(a.profile);
        tally.texts.entry(text).or_insert(e.origin.line);
        let extra = u64::from(tagged.saturating_sub(rules.min_mentions));
        tally.tickets += 1 + extra * u64::from(rules.bonus_per_mention);
        Ok(())
    }
}

impl PersonTally {
    /// Why another entry of this person, with this text (folded), does not count.
    fn repeated(&self, per: Per, text: &str, lang: Lang) -> Option<Left> {
        match per {
            Per::Person if self.counted => {
                let first = self.line;
                let why = match lang {
                    Lang::En => format!("one entry per person: line {first} already counts"),
                    Lang::Fr => format!(
                        "une participation par personne\u{a0}: la ligne {first} compte déjà"
                    ),
                };
                Some((Reason::AlreadyEntered, why))
            }
            Per::Comment if !text.is_empty() && self.texts.contains_key(text) => {
                let first = self.texts.get(text).copied().unwrap_or(0);
                let why = match lang {
                    Lang::En => format!("the same text as this person’s line {first}"),
                    Lang::Fr => format!("le même texte que la ligne {first} de cette personne"),
                };
                Some((Reason::SameText, why))
            }
            _ => None,
        }
    }
}
