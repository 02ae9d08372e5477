//! A drand round as a draw's seed: read and checked against its chain by
//! `social_roi_beacon`, its BLS signature verified, and the seed it gives (the round's
//! randomness, in lowercase hexadecimal, so ticket scores are computed exactly as for any
//! other seed).
//!
//! Who verifies the signature depends on the build. With the `drand` feature (the command
//! line, `cargo test`) the core verifies it here. The page's bundles are built without it, so
//! the curve code stays out of them: there the worker runs the beacon module
//! (`www/pkg/beacon/`) first and hands the core what it verified (`SeedInput::beacon`, the
//! round as the module returned it). The core then takes the round only when the module's
//! record is the very round being used, and says so ("checked by the beacon module"): without
//! that record, a draw is refused and a certificate's signature reported as not checked. No
//! path writes or confirms a drand seed whose signature no verifier ran on.

use super::seed::{Seed, SeedKind};
use super::window::parse_iso;
use crate::form::FieldError;
use crate::i18n::Lang;
use social_roi_beacon::{hex, read_round, BeaconCheck, BeaconError, Round};

/// Who verified a round's signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Verifier {
    /// This build of the core (the `drand` feature).
    #[cfg_attr(not(feature = "drand"), allow(dead_code))]
    Core,
    /// The page's beacon module, whose record of the round was handed over.
    #[cfg_attr(feature = "drand", allow(dead_code))]
    BeaconModule,
}

impl Verifier {
    pub(super) fn words(self, lang: Lang) -> &'static str {
        match self {
            Verifier::Core => lang.pick(
                "BLS signature verified against the chain’s embedded public key",
                "signature BLS vérifiée avec la clé publique de la chaîne, intégrée au logiciel",
            ),
            Verifier::BeaconModule => lang.pick(
                "BLS signature verified by the beacon module against the chain’s embedded public key",
                "signature BLS vérifiée par le module de balise avec la clé publique de la chaîne, intégrée au logiciel",
            ),
        }
    }
}

/// A beacon refusal in `lang`.
pub(super) fn say(e: &BeaconError, lang: Lang) -> String {
    e.message(lang == Lang::Fr)
}

/// Verifies the round's signature: here with the `drand` feature, else by the beacon
/// module's record of exactly this round (`checked`).
pub(super) fn verify(
    round: &Round,
    checked: &[BeaconCheck],
    lang: Lang,
) -> Result<Verifier, String> {
    #[cfg(feature = "drand")]
    {
        let _ = checked;
        social_roi_beacon::verify_signature(round)
            .map(|()| Verifier::Core)
            .map_err(|e| say(&e, lang))
    }
    #[cfg(not(feature = "drand"))]
    {
        let record = round.record();
        match checked.iter().find(|c| c.record == record) {
            Some(BeaconCheck { refused: None, .. }) => Ok(Verifier::BeaconModule),
            Some(BeaconCheck {
                refused: Some(why), ..
            }) => Err(why.clone()),
            None => Err(lang
                .pick(
                    "the round’s BLS signature has not been checked: the beacon module did not run",
                    "la signature BLS du tour n’a pas été vérifiée\u{a0}: le module de balise ne s’est pas exécuté",
                )
                .to_string()),
        }
    }
}

/// Reads a pasted round (of `chain` when given) and verifies it.
pub(super) fn verified_round(
    text: &str,
    chain: Option<&str>,
    checked: &[BeaconCheck],
    lang: Lang,
) -> Result<Round, String> {
    let round = read_round(text, chain).map_err(|e| say(&e, lang))?;
    verify(&round, checked, lang)?;
    Ok(round)
}

/// The source a drand seed is shown with: `drand quicknet, round 123`.
pub(super) fn source(round: &Round, lang: Lang) -> String {
    match lang {
        Lang::En => format!("drand {}, round {}", round.chain.name, round.round),
        Lang::Fr => format!("drand {}, tour {}", round.chain.name, round.round),
    }
}

/// A drawing dated before its round was published cannot have used it: the message, or
/// `None` when the date is after it (or cannot say: no date). A date with no offset is read
/// with 14 hours of slack, the widest time zone.
pub(super) fn too_early(round: &Round, drawn_at: Option<&str>, lang: Lang) -> Option<String> {
    let published = i64::try_from(round.chain.round_time(round.round)?).ok()?;
    let (at, _) = parse_iso(drawn_at?)?;
    let seconds = at
        .utc_seconds()
        .unwrap_or_else(|| at.local_seconds() + 14 * 3600);
    if seconds >= published {
        return None;
    }
    let when = utc(published);
    Some(match lang {
        Lang::En => format!(
            "round {} of drand {} was published at {when}, after the drawing’s date {}: announce a round to come, then draw once it is out",
            round.round, round.chain.name, drawn_at.unwrap_or("")
        ),
        Lang::Fr => format!(
            "le tour {} de drand {} a été publié le {when}, après la date du tirage {}\u{a0}: annoncez un tour à venir, puis tirez une fois qu’il est paru",
            round.round, round.chain.name, drawn_at.unwrap_or("")
        ),
    })
}

/// Unix seconds as ISO 8601 UTC (`2023-08-23T15:15:33Z`).
pub(super) fn utc(seconds: i64) -> String {
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let date = crate::date::Date::from_days(days).map_or_else(String::new, |d| d.to_string());
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The drand drawing's check: its round reads against its chain, its randomness is SHA-256
/// of its signature and is the seed, its signature verifies, and it was drawn after the round
/// was published. `None` for a drawing of another kind of seed.
pub(super) fn seed_check(
    seed: &Seed,
    drawn_at: Option<&str>,
    checked: &[BeaconCheck],
    lang: Lang,
) -> Option<Result<String, String>> {
    if seed.kind != SeedKind::Drand {
        return None;
    }
    Some(drand_seed_holds(seed, drawn_at, checked, lang))
}

fn drand_seed_holds(
    seed: &Seed,
    drawn_at: Option<&str>,
    checked: &[BeaconCheck],
    lang: Lang,
) -> Result<String, String> {
    let Some(record) = &seed.drand else {
        return Err(lang
            .pick(
                "a drand seed without its round (chain, round, signature)",
                "une graine drand sans son tour (chaîne, tour, signature)",
            )
            .to_string());
    };
    let round = record.read().map_err(|e| say(&e, lang))?;
    if seed.value != hex(&round.randomness) {
        return Err(match lang {
            Lang::En => format!(
                "the seed {} is not the round’s randomness {}",
                seed.value, record.randomness
            ),
            Lang::Fr => format!(
                "la graine {} n’est pas l’aléa du tour {}",
                seed.value, record.randomness
            ),
        });
    }
    let verifier = verify(&round, checked, lang)?;
    if let Some(message) = too_early(&round, drawn_at, lang) {
        return Err(message);
    }
    let published = round
        .chain
        .round_time(round.round)
        .and_then(|t| i64::try_from(t).ok())
        .map_or_else(String::new, utc);
    Ok(match lang {
        Lang::En => format!(
            "drand {} round {}, published {published} (chain {}): {}; the seed is its randomness, SHA-256 of the signature",
            round.chain.name, round.round, round.chain.hash, verifier.words(lang)
        ),
        Lang::Fr => format!(
            "drand {} tour {}, publié le {published} (chaîne {})\u{a0}: {}\u{a0}; la graine est son aléa, le SHA-256 de la signature",
            round.chain.name, round.round, round.chain.hash, verifier.words(lang)
        ),
    })
}

/// A drand seed drawn at `at`: a `drawn_at` error when the round was not yet published.
pub(super) fn date_error(seed: &Seed, at: Option<&str>, lang: Lang) -> Option<FieldError> {
    let round = seed.drand.as_ref()?.read().ok()?;
    too_early(&round, at, lang).map(|message| FieldError {
        field: "drawn_at".into(),
        message,
    })
}
