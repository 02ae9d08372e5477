//! Verification: a certificate and the entries, confirmed or refuted check by check, saying
//! what differs (the people or tickets behind a different fingerprint, the exclusions, the
//! winners).

use super::beacon::seed_check;
use super::certificate::{replay, Certificate, CERTIFICATE_FORMAT, CERTIFICATE_FORMAT_1};
use super::digest::sha256_hex;
use super::exclusion::ExcludedEntries;
use super::index::Index;
use super::prepare::{Prepared, DRAW_FILE_HEADER};
use super::rules::{validate_rules, RulesInput};
use super::session::DrawSession;
use super::ticket::Pick;
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::model::Entries;
use serde::Serialize;
use social_roi_beacon::BeaconCheck;
use std::collections::HashMap;

/// Differences listed one by one in a verification before "and N more".
const MAX_LISTED: usize = 10;

/// One thing a verification checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// `certificate`, `rules`, `entries`, `fingerprint`, `exclusions`, `drawings[0]`…
    pub id: String,
    /// What was checked, in words.
    pub label: String,
    /// Whether it holds.
    pub ok: bool,
    /// What was found.
    pub message: String,
}

impl Check {
    fn new(id: &str, label: &str, ok: bool, message: String) -> Check {
        Check {
            id: id.to_string(),
            label: label.to_string(),
            ok,
            message,
        }
    }
}

/// A certificate checked against entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Every check holds.
    pub confirmed: bool,
    /// One sentence: confirmed, or the first thing that differs.
    pub summary: String,
    /// Every check, in order.
    pub checks: Vec<Check>,
}

/// Checks a certificate against the entries: its own consistency, the rules, the entries'
/// SHA-256, the fingerprint (saying which people or tickets differ), the exclusions and every
/// drawing's winners and alternates. (A [`DrawSession`] keeps what it prepared for the next
/// call.)
pub fn verify_certificate(cert: &Certificate, entries: &Entries, lang: Lang) -> Verification {
    DrawSession::new(entries).verify(entries, cert, lang)
}

/// [`verify_certificate`] for a core built without the `drand` feature (the page's bundles),
/// given the beacon module's verdicts on its rounds (`checked`): a drand drawing's signature
/// is confirmed only when the module verified that very round. With the feature, the
/// core verifies every signature itself and `checked` is not needed.
pub fn verify_certificate_checked(
    cert: &Certificate,
    entries: &Entries,
    checked: &[BeaconCheck],
    lang: Lang,
) -> Verification {
    DrawSession::new(entries).verify_checked(entries, cert, checked, lang)
}

/// [`verify_certificate`] with the entries' index and the preparation under the certificate's
/// rules (or why there is none) already made.
pub(super) fn verify_prepared(
    cert: &Certificate,
    (entries, index): (&Entries, &Index),
    prepared: Result<&Prepared, FieldError>,
    checked: &[BeaconCheck],
    lang: Lang,
) -> Verification {
    let mut checks = vec![
        whole_check(cert, lang),
        rules_check(cert, lang),
        entries_check(cert, index, lang),
    ];
    checks.extend(seed_checks(cert, checked, lang));
    let prepared = match prepared {
        Ok(p) => p,
        Err(e) => {
            let label = lang.pick("Same fingerprint", "Même empreinte");
            checks.push(Check::new("fingerprint", label, false, e.message));
            return summarise(checks, lang);
        }
    };
    checks.push(fingerprint_check(cert, prepared, lang));
    checks.push(exclusions_check(cert, prepared, entries, lang));
    checks.extend(drawing_checks(cert, prepared, lang));
    summarise(checks, lang)
}

/// The certificate is whole: a format this version reads, and a draw file with the
/// fingerprint it states.
fn whole_check(cert: &Certificate, lang: Lang) -> Check {
    let own = sha256_hex(cert.draw_file.as_bytes());
    let format_ok = cert.format == CERTIFICATE_FORMAT || cert.format == CERTIFICATE_FORMAT_1;
    let message = if !format_ok {
        match lang {
            Lang::En => format!(
                "unknown format \"{}\": this version reads \"{CERTIFICATE_FORMAT}\"",
                cert.format
            ),
            Lang::Fr => format!(
                "format inconnu «\u{a0}{}\u{a0}»\u{a0}: cette version lit «\u{a0}{CERTIFICATE_FORMAT}\u{a0}»",
                cert.format
            ),
        }
    } else if own != cert.fingerprint {
        match lang {
            Lang::En => format!(
                "its draw file has SHA-256 {own}, not the fingerprint it states ({})",
                cert.fingerprint
            ),
            Lang::Fr => format!(
                "son fichier de tirage a pour SHA-256 {own}, pas l’empreinte annoncée ({})",
                cert.fingerprint
            ),
        }
    } else {
        match lang {
            Lang::En => format!("its draw file has the fingerprint it states, {own}"),
            Lang::Fr => format!("son fichier de tirage a l’empreinte annoncée, {own}"),
        }
    };
    Check::new(
        "certificate",
        lang.pick("The certificate is whole", "Le certificat est intact"),
        format_ok && own == cert.fingerprint && cert.draw_file.starts_with(DRAW_FILE_HEADER),
        message,
    )
}

/// The rules are what this version would have written: canonical and within limits.
fn rules_check(cert: &Certificate, lang: Lang) -> Check {
    let rules_ok =
        validate_rules(&RulesInput::from(&cert.rules), lang).is_ok_and(|r| r == cert.rules);
    let message = if rules_ok {
        lang.pick(
            "canonical and within limits",
            "canoniques et dans les limites",
        )
    } else {
        lang.pick(
            "the certificate’s rules are not what this version would have written",
            "les règles du certificat ne sont pas celles que cette version aurait écrites",
        )
    };
    Check::new(
        "rules",
        lang.pick("The rules are valid", "Les règles sont valables"),
        rules_ok,
        message.to_string(),
    )
}

/// The entries have the certified SHA-256.
fn entries_check(cert: &Certificate, index: &Index, lang: Lang) -> Check {
    let hash = &index.entries_sha256;
    let n = index.len();
    let message = if *hash == cert.entries_sha256 {
        match lang {
            Lang::En => format!("{n} entries, SHA-256 {hash}"),
            Lang::Fr => format!("{n} participations, SHA-256 {hash}"),
        }
    } else {
        match lang {
            Lang::En => format!(
                "these {n} entries have SHA-256 {hash}; the certificate was made from {} entries with SHA-256 {}",
                cert.counts.entries,
                cert.entries_sha256
            ),
            Lang::Fr => format!(
                "ces {n} participations ont pour SHA-256 {hash}\u{a0}; le certificat a été établi sur {} participations de SHA-256 {}",
                cert.counts.entries,
                cert.entries_sha256
            ),
        }
    };
    Check::new(
        "entries",
        lang.pick(
            "The entries are the certified ones",
            "Les participations sont celles certifiées",
        ),
        *hash == cert.entries_sha256,
        message,
    )
}

/// The entries and rules give the certified fingerprint; when not, who differs.
fn fingerprint_check(cert: &Certificate, prepared: &Prepared, lang: Lang) -> Check {
    let same = prepared.fingerprint == cert.fingerprint;
    let message = if same {
        match lang {
            Lang::En => format!(
                "the entries and rules give the certified fingerprint {}",
                prepared.fingerprint
            ),
            Lang::Fr => format!(
                "les participations et les règles donnent l’empreinte certifiée {}",
                prepared.fingerprint
            ),
        }
    } else {
        fingerprint_differences(cert, prepared, lang)
    };
    Check::new(
        "fingerprint",
        lang.pick("Same fingerprint", "Même empreinte"),
        same,
        message,
    )
}

/// The two fingerprints, then the people only in the certificate, only in these entries, or
/// with other tickets; or, when the people and tickets are the same, that an entry changed.
fn fingerprint_differences(cert: &Certificate, prepared: &Prepared, lang: Lang) -> String {
    let (gone, new, changed) = ticket_differences(cert, prepared, lang);
    let mut parts = vec![match lang {
        Lang::En => format!(
            "the entries and rules give fingerprint {}, the certificate says {}",
            prepared.fingerprint, cert.fingerprint
        ),
        Lang::Fr => format!(
            "les participations et les règles donnent l’empreinte {}, le certificat dit {}",
            prepared.fingerprint, cert.fingerprint
        ),
    }];
    if !gone.is_empty() {
        parts.push(match lang {
            Lang::En => format!("in the certificate only: {}", listed(&gone, lang)),
            Lang::Fr => format!(
                "seulement dans le certificat\u{a0}: {}",
                listed(&gone, lang)
            ),
        });
    }
    if !new.is_empty() {
        parts.push(match lang {
            Lang::En => format!("in these entries only: {}", listed(&new, lang)),
            Lang::Fr => format!(
                "seulement dans ces participations\u{a0}: {}",
                listed(&new, lang)
            ),
        });
    }
    if !changed.is_empty() {
        parts.push(match lang {
            Lang::En => format!("tickets changed: {}", listed(&changed, lang)),
            Lang::Fr => format!("tickets modifiés\u{a0}: {}", listed(&changed, lang)),
        });
    }
    if gone.is_empty() && new.is_empty() && changed.is_empty() {
        parts.push(lang.pick(
            "the same people and tickets, but not the certified entries: a comment was changed, added, removed or moved",
            "les mêmes personnes et tickets, mais pas les participations certifiées\u{a0}: un commentaire a été modifié, ajouté, retiré ou déplacé",
        ).to_string());
    }
    parts.join(lang.pick("; ", "\u{a0}; "))
}

/// The people only in the certified draw file, those only in the new preparation, and those
/// whose tickets changed, each with their tickets.
fn ticket_differences(
    cert: &Certificate,
    prepared: &Prepared,
    lang: Lang,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let certified = tickets_of(&cert.draw_file);
    let certified_map: HashMap<&str, u32> =
        certified.iter().map(|(k, n)| (k.as_str(), *n)).collect();
    let now: HashMap<&str, u32> = prepared
        .people
        .iter()
        .map(|p| (p.entrant.as_str(), p.tickets))
        .collect();
    let gone: Vec<String> = certified
        .iter()
        .filter(|(k, _)| !now.contains_key(k.as_str()))
        .map(|(k, n)| format!("{k} ({})", ticket_word(*n, lang)))
        .collect();
    let new: Vec<String> = prepared
        .people
        .iter()
        .filter(|p| !certified_map.contains_key(p.entrant.as_str()))
        .map(|p| format!("{} ({})", p.entrant, ticket_word(p.tickets, lang)))
        .collect();
    let changed: Vec<String> = prepared
        .people
        .iter()
        .filter_map(|p| {
            let c = certified_map.get(p.entrant.as_str())?;
            (*c != p.tickets).then(|| format!("{} ({c} → {})", p.entrant, p.tickets))
        })
        .collect();
    (gone, new, changed)
}

/// The same entries are left out, for the same reasons, and the counts agree.
fn exclusions_check(
    cert: &Certificate,
    prepared: &Prepared,
    entries: &Entries,
    lang: Lang,
) -> Check {
    let found = prepared.excluded();
    let ok = cert.exclusions == found && cert.counts == prepared.counts;
    let message = if ok {
        match lang {
            Lang::En => format!(
                "{} entries left out, {} people, {} tickets",
                found.len(),
                prepared.counts.people,
                prepared.counts.tickets
            ),
            Lang::Fr => format!(
                "{} participations écartées, {} personnes, {} tickets",
                found.len(),
                prepared.counts.people,
                prepared.counts.tickets
            ),
        }
    } else {
        exclusion_differences(&cert.exclusions, &found, entries, lang)
    };
    Check::new(
        "exclusions",
        lang.pick(
            "Same exclusions and counts",
            "Mêmes exclusions et décomptes",
        ),
        ok,
        message,
    )
}

/// How many entries are left out on each side, and which differ (or that the counts do):
/// those left out here for another reason than the certificate's, then those the certificate
/// leaves out for another reason than here.
fn exclusion_differences(
    certified: &ExcludedEntries,
    found: &ExcludedEntries,
    entries: &Entries,
    lang: Lang,
) -> String {
    // The reason of each entry on each side (0: counted), as a byte.
    let reasons = |x: &ExcludedEntries| {
        let mut v: HashMap<usize, u8> = HashMap::new();
        for (i, r) in x.iter() {
            v.insert(i, r as u8 + 1);
        }
        v
    };
    let (on_cert, here) = (reasons(certified), reasons(found));
    let name = |i: usize| {
        let author = entries.get(i).map_or("", |e| e.author());
        format!("#{} {author}", i + 1)
    };
    let differ: Vec<String> = found
        .iter()
        .filter(|(i, r)| on_cert.get(i) != Some(&(*r as u8 + 1)))
        .map(|(i, _)| name(i))
        .chain(
            certified
                .iter()
                .filter(|(i, r)| here.get(i) != Some(&(*r as u8 + 1)))
                .map(|(i, _)| name(i)),
        )
        .collect();
    let differing = if differ.is_empty() {
        lang.pick("the counts", "les décomptes").to_string()
    } else {
        listed(&differ, lang)
    };
    match lang {
        Lang::En => format!(
            "{} entries left out here, {} in the certificate; differing: {differing}",
            found.len(),
            certified.len(),
        ),
        Lang::Fr => format!(
            "{} participations écartées ici, {} dans le certificat\u{a0}; différences\u{a0}: {differing}",
            found.len(),
            certified.len(),
        ),
    }
}

/// Each drawing, replayed from its seed and disqualifications, gives the certified winners
/// and alternates; a certificate without a drawing fails.
fn drawing_checks(cert: &Certificate, prepared: &Prepared, lang: Lang) -> Vec<Check> {
    let replayed = replay(cert, &prepared.people);
    let mut checks: Vec<Check> = cert
        .drawings
        .iter()
        .zip(replayed)
        .enumerate()
        .map(|(i, (d, (w, a, record)))| {
            let ok = d.number == i as u32 + 1
                && d.winners == w
                && d.alternates == a
                && d.rfc3797 == record;
            let label = match lang {
                Lang::En => format!("Drawing {} gives the same winners", i + 1),
                Lang::Fr => format!("Le tirage {} donne les mêmes gagnants", i + 1),
            };
            let message = drawing_message(ok, (&w, &a), (&d.winners, &d.alternates), lang);
            Check::new(&format!("drawings[{i}]"), &label, ok, message)
        })
        .collect();
    if cert.drawings.is_empty() {
        checks.push(Check::new(
            "drawings",
            lang.pick(
                "The certificate holds a drawing",
                "Le certificat contient un tirage",
            ),
            false,
            lang.pick("no drawing", "aucun tirage").to_string(),
        ));
    }
    checks
}

/// Each drand drawing's round: genuine, signed, the seed, published before the drawing.
fn seed_checks(cert: &Certificate, checked: &[BeaconCheck], lang: Lang) -> Vec<Check> {
    let label = lang.pick(
        "The drand round is genuine and is the seed",
        "Le tour drand est authentique et est la graine",
    );
    cert.drawings
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let result = seed_check(&d.seed, d.drawn_at.as_deref(), checked, lang)?;
            let (ok, message) = match result {
                Ok(m) => (true, m),
                Err(m) => (false, m),
            };
            Some(Check::new(
                &format!("drawings[{i}].seed"),
                label,
                ok,
                message,
            ))
        })
        .collect()
}

/// The winners and alternates a seed gives, and, when they differ, those certified.
fn drawing_message(
    ok: bool,
    (w, a): (&[Pick], &[Pick]),
    (certified_w, certified_a): (&[Pick], &[Pick]),
    lang: Lang,
) -> String {
    if ok {
        return match lang {
            Lang::En => format!("winners {}; alternates {}", picks_text(w), picks_text(a)),
            Lang::Fr => format!(
                "gagnants {}\u{a0}; suppléants {}",
                picks_text(w),
                picks_text(a)
            ),
        };
    }
    match lang {
        Lang::En => format!(
            "the seed gives winners {} and alternates {}; the certificate says {} and {}",
            picks_text(w),
            picks_text(a),
            picks_text(certified_w),
            picks_text(certified_a)
        ),
        Lang::Fr => format!(
            "la graine donne les gagnants {} et les suppléants {}\u{a0}; le certificat dit {} et {}",
            picks_text(w),
            picks_text(a),
            picks_text(certified_w),
            picks_text(certified_a)
        ),
    }
}

/// The verdict: confirmed when every check holds, else refuted by the most telling failure.
fn summarise(checks: Vec<Check>, lang: Lang) -> Verification {
    let confirmed = checks.iter().all(|c| c.ok);
    // The most telling failure first: the fingerprint's message names who differs.
    let order = [
        "certificate",
        "fingerprint",
        "drawings",
        "exclusions",
        "entries",
        "rules",
    ];
    let first_failed = order
        .iter()
        .find_map(|id| checks.iter().find(|c| !c.ok && c.id.starts_with(id)));
    let summary = match first_failed {
        None => lang
            .pick(
                "confirmed: these entries, rules and seeds give exactly the certified winners",
                "confirmé\u{a0}: ces participations, règles et graines donnent exactement les gagnants certifiés",
            )
            .to_string(),
        Some(c) => match lang {
            Lang::En => format!("refuted: {}", c.message),
            Lang::Fr => format!("réfuté\u{a0}: {}", c.message),
        },
    };
    Verification {
        confirmed,
        summary,
        checks,
    }
}

/// The first [`MAX_LISTED`] items, then how many more.
fn listed(items: &[String], lang: Lang) -> String {
    let mut s = items
        .iter()
        .take(MAX_LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX_LISTED {
        let more = items.len() - MAX_LISTED;
        s.push_str(&match lang {
            Lang::En => format!(" and {more} more"),
            Lang::Fr => format!(" et {more} de plus"),
        });
    }
    s
}

/// Tickets per entrant, as a draw file lists them.
fn tickets_of(draw_file: &str) -> Vec<(String, u32)> {
    let body = draw_file.split_once("\n\n").map_or("", |(_, b)| b);
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for line in body.lines() {
        if let Some((who, n)) = line.rsplit_once('\t') {
            let n: u32 = n.parse().unwrap_or(0);
            match at.get(who) {
                Some(&i) => out[i].1 = out[i].1.max(n),
                None => {
                    at.insert(who, out.len());
                    out.push((who.to_string(), n));
                }
            }
        }
    }
    out
}

fn ticket_word(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 ticket".into(),
        (Lang::En, n) => format!("{n} tickets"),
        (Lang::Fr, n) if n <= 1 => format!("{n} ticket"),
        (Lang::Fr, n) => format!("{n} tickets"),
    }
}

fn picks_text(picks: &[Pick]) -> String {
    if picks.is_empty() {
        return "—".into();
    }
    picks
        .iter()
        .map(|p| format!("{}. {}", p.place, p.entrant))
        .collect::<Vec<_>>()
        .join(", ")
}
