//! Public randomness for social-roi's draws: a drand round, pasted as its JSON, read and
//! checked against the chain it belongs to, and its BLS signature verified offline against
//! the chain's public key, embedded here with its hash (so a draw's certificate stays
//! verifiable when drand's servers are gone). See `docs/draw-protocol.md`, "A drand round as
//! the seed".
//!
//! - `chains`: quicknet and the default chain, with their keys and where they come from;
//! - `round`: the round's JSON into a [`Round`] (lengths, previous signature, randomness =
//!   SHA-256 of the signature), and the [`RoundRecord`] a certificate keeps;
//! - `bls` (feature `bls`, the default): [`verify_signature`];
//! - `error`: every refusal with its field and message in English and French;
//! - `module` (wasm32 with feature `module`): the page's beacon module, `www/pkg/beacon/`.
//!
//! The core uses this crate without `bls` in the page's bundles (so the curve code is not in
//! them) and with it natively; the page fetches the beacon module only when a drand seed is
//! pasted or a drand certificate verified.

mod chains;
mod error;
mod round;

#[cfg(feature = "bls")]
mod bls;
#[cfg(all(target_arch = "wasm32", feature = "module"))]
mod module;

#[cfg(feature = "bls")]
pub use bls::verify_signature;
pub use chains::{chain, Chain, Scheme, CHAINS, DEFAULT, QUICKNET};
pub use error::BeaconError;
#[cfg(all(target_arch = "wasm32", feature = "module"))]
pub use module::verify_drand_round;
pub use round::{hex, read_round, BeaconCheck, Round, RoundRecord};

/// Reads a pasted round and verifies its signature (see [`read_round`]).
#[cfg(feature = "bls")]
pub fn verify_round(text: &str, asked: Option<&str>) -> Result<Round, BeaconError> {
    let round = read_round(text, asked)?;
    verify_signature(&round)?;
    Ok(round)
}
