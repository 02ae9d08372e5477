//! Redraws: a winner disqualified appends a new drawing with its reason, never erasing the
//! ones before; the other winners keep their prize and each freed prize goes to the next
//! person of the ranking.

use super::certificate::{
    prefixed, replay, validate_drawn_at, Certificate, DrawError, Drawing, CERTIFICATE_FORMAT,
};
use super::entrant::normalise;
use super::prepare::{Person, Prepared};
use super::rfc3797::Scheme;
use super::seed::{validate_seed, Seed, SeedInput};
use super::session::DrawSession;
use super::text::clean;
use super::verify::Verification;
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::model::Entries;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// A redraw: who is disqualified and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedrawInput {
    /// The people disqualified (as the certificate names them, or their handle).
    pub disqualify: Vec<String>,
    /// Why (did not answer within 48 hours, a fake account…).
    pub reason: String,
    /// A new seed; blank keeps the last drawing's, so the alternates move up in order.
    pub seed: Option<SeedInput>,
    /// When the redraw happens (ISO 8601).
    pub drawn_at: Option<String>,
}

/// Appends a redraw to a certificate: the disqualified leave, the other winners keep their
/// prize, and each freed prize goes to the next person of the ranking (with the same seed, the
/// first alternates, in order). The certificate must first verify against the entries. (A
/// [`DrawSession`] prepares once for the verification and the redraw.)
pub fn redraw(
    cert: &Certificate,
    entries: &Entries,
    input: &RedrawInput,
    lang: Lang,
) -> Result<Certificate, DrawError> {
    DrawSession::new(entries).redraw(entries, cert, input, lang)
}

/// [`redraw`] once the certificate was confirmed and the entries prepared under its rules.
pub(super) fn redraw_prepared(
    cert: &Certificate,
    prepared: &Prepared,
    input: &RedrawInput,
    lang: Lang,
) -> Result<Certificate, DrawError> {
    let mut errors = Vec::new();
    let reason = clean(&input.reason);
    if reason.is_empty() {
        errors.push(FieldError {
            field: "redraw.reason".into(),
            message: lang
                .pick(
                    "say why: the reason is kept in the certificate",
                    "indiquez pourquoi\u{a0}: la raison est gardée dans le certificat",
                )
                .to_string(),
        });
    }
    let out = disqualified(cert, &prepared.people, &input.disqualify, lang, &mut errors);
    let seed = redraw_seed(cert, input.seed.as_ref(), lang, &mut errors);
    let at = validate_drawn_at(&input.drawn_at, lang, &mut errors);
    let Some(seed) = seed.filter(|_| errors.is_empty()) else {
        return Err(DrawError { errors });
    };
    let drawing = Drawing {
        number: cert.drawings.len() as u32 + 1,
        seed,
        drawn_at: at,
        reason: Some(reason),
        disqualified: out,
        winners: Vec::new(),
        alternates: Vec::new(),
        rfc3797: None,
    };
    Ok(appended(cert, &prepared.people, drawing))
}

/// Why a redraw is refused: the certificate does not verify against the entries.
pub(super) fn refused(v: &Verification, lang: Lang) -> DrawError {
    DrawError {
        errors: vec![FieldError {
            field: "certificate".into(),
            message: match lang {
                Lang::En => format!("cannot redraw: {}", v.summary),
                Lang::Fr => format!("impossible de refaire le tirage\u{a0}: {}", v.summary),
            },
        }],
    }
}

/// The entrants disqualified now, each once: every name must be a person of the draw not
/// disqualified before, and at least one must be given.
fn disqualified(
    cert: &Certificate,
    people: &[Person],
    names: &[String],
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let already: HashSet<&str> = cert
        .drawings
        .iter()
        .flat_map(|d| d.disqualified.iter().map(String::as_str))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for (i, d) in names.iter().enumerate() {
        let n = normalise(d);
        if n.is_empty() {
            continue;
        }
        let field = format!("redraw.disqualify[{i}]");
        match find_person(people, &n) {
            None => errors.push(FieldError {
                field,
                message: match lang {
                    Lang::En => format!("\"{n}\" is not among the people of this draw"),
                    Lang::Fr => {
                        format!("«\u{a0}{n}\u{a0}» ne fait pas partie des personnes de ce tirage")
                    }
                },
            }),
            Some(p) if already.contains(p.entrant.as_str()) => errors.push(FieldError {
                field,
                message: match lang {
                    Lang::En => format!("\"{}\" was already disqualified", p.entrant),
                    Lang::Fr => format!("«\u{a0}{}\u{a0}» a déjà été disqualifié", p.entrant),
                },
            }),
            Some(p) if !out.contains(&p.entrant) => out.push(p.entrant.clone()),
            Some(_) => {}
        }
    }
    if out.is_empty()
        && errors
            .iter()
            .all(|e| !e.field.starts_with("redraw.disqualify"))
    {
        errors.push(FieldError {
            field: "redraw.disqualify".into(),
            message: lang
                .pick(
                    "name the winner (or alternate) who is disqualified",
                    "indiquez le gagnant (ou suppléant) disqualifié",
                )
                .to_string(),
        });
    }
    out
}

/// The person an entrant's name (normalised) names: the entrant itself, or the only entrant
/// shown with this name and a profile suffix.
fn find_person<'p>(people: &'p [Person], name: &str) -> Option<&'p Person> {
    people.iter().find(|p| p.entrant == name).or_else(|| {
        // A handle given for an entrant shown with a profile suffix.
        let mut m = people
            .iter()
            .filter(|p| p.entrant.split(" [").next() == Some(name));
        match (m.next(), m.next()) {
            (Some(p), None) => Some(p),
            _ => None,
        }
    })
}

/// The redraw's seed: the one given, else the last drawing's.
fn redraw_seed(
    cert: &Certificate,
    given: Option<&SeedInput>,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<Seed> {
    let last = cert.drawings.last().map(|d| d.seed.clone());
    let given = given.filter(|s| !clean(&s.value).is_empty());
    if given.is_some() && cert.rules.scheme == Scheme::Rfc3797 {
        errors.push(FieldError {
            field: "redraw.seed".into(),
            message: lang
                .pick(
                    "an RFC 3797 redraw keeps the sources: the freed prizes go to the next people selected",
                    "un nouveau tirage RFC 3797 garde les sources\u{a0}: les lots libérés vont aux suivants sélectionnés",
                )
                .to_string(),
        });
        return None;
    }
    match (given, last) {
        (Some(s), _) if !clean(&s.value).is_empty() => validate_seed(s, lang)
            .map_err(|e| errors.extend(prefixed("redraw.seed", vec![e])))
            .ok(),
        (_, Some(s)) => Some(s),
        (_, None) => None,
    }
}

/// The certificate with `drawing` appended, its winners and alternates replayed from every
/// drawing's seed and disqualifications; written in this version's format (a first-version
/// certificate's list of exclusions is already read as ranges).
fn appended(cert: &Certificate, people: &[Person], drawing: Drawing) -> Certificate {
    let mut next = cert.clone();
    next.format = CERTIFICATE_FORMAT.to_string();
    next.drawings.push(drawing);
    let last = replay(&next, people).pop();
    if let (Some(d), Some((w, a, record))) = (next.drawings.last_mut(), last) {
        d.winners = w;
        d.alternates = a;
        d.rfc3797 = record;
    }
    next
}
