//! The page's beacon module (`www/pkg/beacon/`, this crate built for wasm32 with the `module`
//! feature): the one call the worker makes before a drand-seeded draw or the verification of
//! a drand certificate. Small on purpose: the curve code the core's bundles leave out.

use crate::{read_round, verify_signature, Chain, RoundRecord};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A round verified: what the core's draw and verification take (`record`), its chain, and
/// the Unix time the chain published it.
#[derive(Serialize)]
struct Verified {
    record: RoundRecord,
    chain: &'static Chain,
    round_time: Option<u64>,
}

/// Why not: `{kind: "input", field, message}`.
#[derive(Serialize)]
struct Refusal {
    kind: &'static str,
    field: Option<&'static str>,
    message: String,
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Reads a drand round's JSON (`text`; `chain` a name or hash it must be of, or null) and
/// verifies its BLS signature against the chain's embedded public key: `{record, chain,
/// round_time}`, or throws `{kind: "input", field, message}` in `lang` (`fr`, else English).
#[wasm_bindgen(js_name = verifyDrandRound)]
pub fn verify_drand_round(
    text: &str,
    chain: Option<String>,
    lang: &str,
) -> Result<JsValue, JsValue> {
    let french = lang.starts_with("fr");
    let checked = read_round(text, chain.as_deref()).and_then(|r| verify_signature(&r).map(|()| r));
    match checked {
        Ok(r) => Ok(to_js(&Verified {
            record: r.record(),
            chain: r.chain,
            round_time: r.chain.round_time(r.round),
        })),
        Err(e) => Err(to_js(&Refusal {
            kind: "input",
            field: e.field(),
            message: e.message(french),
        })),
    }
}
