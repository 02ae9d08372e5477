//! Certificates: everything needed to check a draw (the parameters, the fingerprint, every
//! drawing), read from its JSON, and written by the first drawing.

use super::beacon::date_error;
use super::exclusion::ExcludedEntries;
use super::prepare::{DrawCounts, Person, Prepared};
use super::rfc3797::{key_string, selections, Rfc3797Drawing, Scheme};
use super::rules::{validate_rules, Rules, RulesInput};
use super::seed::{validate_seed, Seed, SeedInput, SeedKind};
use super::session::DrawSession;
use super::text::clean;
use super::ticket::{pick_places, ranking, Pick, Ranked};
use super::warning::DrawWarning;
use super::window::{iso, parse_iso};
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::model::Entries;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The `format` of every certificate this version writes.
pub(super) const CERTIFICATE_FORMAT: &str = "social-roi draw certificate 2";
/// The first version's `format`, which listed every exclusion as an object: still verified.
pub(super) const CERTIFICATE_FORMAT_1: &str = "social-roi draw certificate 1";

/// One drawing: the first, or a redraw after a disqualification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drawing {
    /// 1 for the first drawing, then 2, 3…
    pub number: u32,
    /// The seed.
    pub seed: Seed,
    /// When it was drawn, ISO 8601, as the drawing machine's clock said (not verified).
    pub drawn_at: Option<String>,
    /// Why this redraw (blank for the first drawing).
    pub reason: Option<String>,
    /// The people disqualified by this redraw.
    pub disqualified: Vec<String>,
    /// Winners, by prize.
    pub winners: Vec<Pick>,
    /// Alternates, in the order they are called.
    pub alternates: Vec<Pick>,
    /// Under RFC 3797, the key string and every selection (absent under the first scheme).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rfc3797: Option<Rfc3797Drawing>,
}

/// Everything needed to check a draw: the parameters, the fingerprint, every drawing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// The scheme and its version: `social-roi draw certificate 2` for this version (`…
    /// certificate 1`, whose exclusions were a list of objects, is read and verified too).
    pub format: String,
    /// The software and version that drew (informative).
    pub software: String,
    /// The contest's name.
    pub title: Option<String>,
    /// The language of messages.
    pub lang: Lang,
    /// The rules applied.
    pub rules: Rules,
    /// Entries, people, tickets.
    pub counts: DrawCounts,
    /// SHA-256 of the entries as read, in order: one line of JSON per entry, `[id, parent_id,
    /// author, profile, date, text]`.
    pub entries_sha256: String,
    /// SHA-256 of `draw_file`.
    pub fingerprint: String,
    /// Every entry left out, with its reason: ranges of entry indices per reason.
    pub exclusions: ExcludedEntries,
    /// What the organiser was warned of.
    pub warnings: Vec<DrawWarning>,
    /// The drawings, oldest first; a redraw appends one, none is ever removed.
    pub drawings: Vec<Drawing>,
    /// The draw file the fingerprint is the SHA-256 of.
    pub draw_file: String,
}

/// Why a certificate file cannot be read: the file, the place and the problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateError {
    /// The message, place first: `certificate.json, line 3, column 5: missing field "rules"`.
    pub message: String,
}

impl fmt::Display for CertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CertificateError {}

/// The message for a file that is not a certificate: the place, what was found, what is
/// expected.
fn not_a_certificate(place: &str, detail: &str, lang: Lang) -> CertificateError {
    CertificateError {
        message: match lang {
            Lang::En => format!(
                "{place}: {detail}: expected a draw certificate (the JSON file a draw gives)"
            ),
            Lang::Fr => format!(
                "{place}\u{a0}: {detail}\u{a0}: un certificat de tirage est attendu (le fichier JSON que donne un tirage)"
            ),
        },
    }
}

/// `name, line L, column C` and serde_json's message without its own " at line L column C".
fn json_place(name: &str, e: &serde_json::Error, lang: Lang) -> (String, String) {
    let m = crate::form::json_message(e);
    let place = match lang {
        Lang::En => format!("{name}, line {}, column {}", e.line(), e.column()),
        Lang::Fr => format!("{name}, ligne {}, colonne {}", e.line(), e.column()),
    };
    (place, m)
}

/// Reads a certificate file (the JSON a draw writes), with the place of any problem first.
/// Whether it holds is [`verify_certificate`](super::verify_certificate)'s question; this only reads it.
pub fn read_certificate(
    name: &str,
    text: &str,
    lang: Lang,
) -> Result<Certificate, CertificateError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let (place, detail) = json_place(name, &e, lang);
        not_a_certificate(&place, &detail, lang)
    })
}

/// Options of a drawing that do not change its result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DrawOptions {
    /// The contest's name.
    pub title: Option<String>,
    /// When the draw happens (ISO 8601), from the caller's clock.
    pub drawn_at: Option<String>,
}

/// Why a draw cannot be made: a message per field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DrawError {
    /// The fields (`rules.winners`, `seed.value`, `drawn_at`, `redraw.reason`…).
    pub errors: Vec<FieldError>,
}

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for DrawError {}

pub(super) fn prefixed(prefix: &str, errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            field: format!("{prefix}.{}", e.field),
            message: e.message,
        })
        .collect()
}

pub(super) fn validate_drawn_at(
    text: &Option<String>,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let t = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    match parse_iso(t) {
        Some((dt, p)) => Some(iso(&dt, p)),
        None => {
            errors.push(FieldError {
                field: "drawn_at".into(),
                message: match lang {
                    Lang::En => format!(
                        "expected a date and time such as 2026-06-14T18:30:00Z, found \"{t}\""
                    ),
                    Lang::Fr => format!(
                        "une date et une heure comme 2026-06-14T18:30:00Z sont attendues, trouvé «\u{a0}{t}\u{a0}»"
                    ),
                },
            });
            None
        }
    }
}

/// Draws winners and alternates: validates the rules, the seed and the date, prepares the
/// entries and writes the certificate with its first drawing. (A [`DrawSession`] prepares
/// once for a draw, its verification and redraws.)
pub fn draw_winners(
    entries: &Entries,
    rules: &RulesInput,
    seed: &SeedInput,
    options: &DrawOptions,
    lang: Lang,
) -> Result<Certificate, DrawError> {
    DrawSession::new(entries).draw(entries, rules, seed, options, lang)
}

/// What a draw is given, validated: the rules, the seed and the date, or a message per field.
pub(super) fn validate_draw(
    rules: &RulesInput,
    seed: &SeedInput,
    options: &DrawOptions,
    lang: Lang,
) -> Result<(Rules, Seed, Option<String>), DrawError> {
    let mut errors = Vec::new();
    let rules = validate_rules(rules, lang)
        .map_err(|e| errors.extend(prefixed("rules", e)))
        .ok();
    let seed = validate_seed(seed, lang)
        .map_err(|e| errors.extend(prefixed("seed", vec![e])))
        .ok();
    let at = validate_drawn_at(&options.drawn_at, lang, &mut errors);
    if let Some(e) = seed
        .as_ref()
        .and_then(|s| date_error(s, at.as_deref(), lang))
    {
        errors.push(e);
    }
    if let (Some(r), Some(s)) = (&rules, &seed) {
        if let Err(e) = scheme_seed(r.scheme, s, lang) {
            errors.extend(prefixed("seed", vec![e]));
        }
    }
    match (rules, seed, errors.is_empty()) {
        (Some(rules), Some(seed), true) => Ok((rules, seed, at)),
        _ => Err(DrawError { errors }),
    }
}

/// A seed the scheme can use: under RFC 3797, public sources that make a key string.
pub(super) fn scheme_seed(scheme: Scheme, seed: &Seed, lang: Lang) -> Result<(), FieldError> {
    match (scheme, seed.kind) {
        (Scheme::Sha256, _) => Ok(()),
        (Scheme::Rfc3797, SeedKind::Public) => key_string(&seed.value, lang).map(|_| ()),
        (Scheme::Rfc3797, _) => Err(FieldError {
            field: "kind".into(),
            message: lang
                .pick(
                    "RFC 3797 draws from public sources published after the entries: type them",
                    "RFC 3797 tire au sort à partir de sources publiques publiées après les participations\u{a0}: saisissez-les",
                )
                .to_string(),
        }),
    }
}

/// A drawing's ranking under the rules' scheme, and what an RFC 3797 drawing records: under
/// RFC 3797, the people selected until the winners and alternates not `out` are found.
fn drawing_ranking(
    rules: &Rules,
    people: &[Person],
    seed: &Seed,
    out: &HashSet<String>,
) -> (Vec<Ranked>, Option<Rfc3797Drawing>) {
    match rules.scheme {
        Scheme::Sha256 => (ranking(people, &seed.value), None),
        Scheme::Rfc3797 => {
            // A seed that makes no key (a certificate edited by hand) selects nobody.
            let key = key_string(&seed.value, Lang::En).unwrap_or_default();
            let wanted = (rules.winners + rules.alternates) as usize;
            let (ranked, record) = selections(people, &key, wanted, out);
            (ranked, Some(record))
        }
    }
}

impl Certificate {
    /// The certificate of a preparation, with its first drawing from `seed` at `at`.
    pub(super) fn first(
        prepared: &Prepared,
        (seed, at): (Seed, Option<String>),
        options: &DrawOptions,
        lang: Lang,
    ) -> Certificate {
        let rules = &prepared.rules;
        let (ranked, rfc3797) = drawing_ranking(rules, &prepared.people, &seed, &HashSet::new());
        let (winners, alternates) = pick_places(
            &prepared.people,
            &ranked,
            (rules.winners, rules.alternates),
            &HashMap::new(),
            &HashSet::new(),
        );
        Certificate {
            format: CERTIFICATE_FORMAT.to_string(),
            software: concat!("social-roi ", env!("CARGO_PKG_VERSION")).to_string(),
            title: options
                .title
                .as_deref()
                .map(clean)
                .filter(|t| !t.is_empty()),
            lang,
            rules: rules.clone(),
            counts: prepared.counts.clone(),
            entries_sha256: prepared.entries_sha256.clone(),
            fingerprint: prepared.fingerprint.clone(),
            exclusions: prepared.excluded(),
            warnings: prepared.warnings.clone(),
            drawings: vec![Drawing {
                number: 1,
                seed,
                drawn_at: at,
                reason: None,
                disqualified: Vec::new(),
                winners,
                alternates,
                rfc3797,
            }],
            draw_file: prepared.draw_file.clone(),
        }
    }
}

/// A drawing recomputed: its winners and alternates, and an RFC 3797 drawing's record.
pub(super) type Replayed = (Vec<Pick>, Vec<Pick>, Option<Rfc3797Drawing>);

/// Recomputes every drawing of a certificate from its own seeds and disqualifications.
pub(super) fn replay(cert: &Certificate, people: &[Person]) -> Vec<Replayed> {
    let mut out: Vec<Replayed> = Vec::new();
    let mut disqualified = HashSet::new();
    for d in &cert.drawings {
        disqualified.extend(d.disqualified.iter().cloned());
        let kept: HashMap<u32, String> = out
            .last()
            .map(|(w, _, _)| {
                w.iter()
                    .filter(|p| !disqualified.contains(&p.entrant))
                    .map(|p| (p.place, p.entrant.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let (ranked, record) = drawing_ranking(&cert.rules, people, &d.seed, &disqualified);
        let (w, a) = pick_places(
            people,
            &ranked,
            (cert.rules.winners, cert.rules.alternates),
            &kept,
            &disqualified,
        );
        out.push((w, a, record));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_read_certificate() {
        let e = read_certificate("cert.json", "{\"format\": 1}", Lang::En).unwrap_err();
        assert!(
            e.message
                .starts_with("cert.json, line 1, column 12: invalid type"),
            "{e}"
        );
        let e = read_certificate("notes.txt", "hello", Lang::Fr).unwrap_err();
        assert!(
            e.message
                .starts_with("notes.txt, ligne 1, colonne 1\u{a0}: "),
            "{e}"
        );
        assert!(e.message.ends_with(
            "un certificat de tirage est attendu (le fichier JSON que donne un tirage)"
        ));
    }
}
