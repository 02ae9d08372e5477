//! The BLS signature check of a round, offline, against the chain's embedded public key.
//!
//! zkcrypto's `bls12_381` does the curve work: pure Rust (it builds for
//! wasm32-unknown-unknown with no C compiler, unlike `blst`), audited and maintained by the
//! Zcash engineers, with RFC 9380 hash-to-curve behind its `experimental` feature. The drand
//! specific part is small enough to hold here rather than take `drand-verify` (which wraps the
//! same crate, pinned to an older version and another `sha2`): the message (`Round::message`),
//! the tag of each scheme (`Scheme::dst`) and one pairing equation.
//!
//! - unchained on G1 (quicknet): e(signature, g2) = e(H(message), public key);
//! - chained (default): e(g1, signature) = e(public key, H(message)),
//!
//! each checked as one multi-Miller loop and one final exponentiation, whose result must be
//! the identity. Points are read compressed, with the subgroup check `from_compressed` does.

use crate::chains::Scheme;
use crate::error::BeaconError;
use crate::round::Round;
use bls12_381::hash_to_curve::{ExpandMsgXmd, HashToCurve};
use bls12_381::{
    multi_miller_loop, G1Affine, G1Projective, G2Affine, G2Prepared, G2Projective, Gt,
};

type Xmd = ExpandMsgXmd<sha2_xmd::Sha256>;

/// Verifies the round's signature against its chain's public key.
pub fn verify_signature(round: &Round) -> Result<(), BeaconError> {
    let msg = round.message();
    let ok = match round.chain.scheme {
        Scheme::UnchainedG1 => {
            let sig = g1(&round.signature).ok_or(BeaconError::NotAPoint("signature"))?;
            let key = g2(&unhex_key(round.chain.public_key))
                .ok_or(BeaconError::NotAPoint("public_key"))?;
            let h: G1Projective = <G1Projective as HashToCurve<Xmd>>::hash_to_curve(
                [&msg[..]],
                round.chain.scheme.dst(),
            );
            pairs_to_identity(&sig, &G2Affine::generator(), &G1Affine::from(h), &key)
        }
        Scheme::Chained => {
            let sig = g2(&round.signature).ok_or(BeaconError::NotAPoint("signature"))?;
            let key = g1(&unhex_key(round.chain.public_key))
                .ok_or(BeaconError::NotAPoint("public_key"))?;
            let h: G2Projective = <G2Projective as HashToCurve<Xmd>>::hash_to_curve(
                [&msg[..]],
                round.chain.scheme.dst(),
            );
            pairs_to_identity(&G1Affine::generator(), &sig, &key, &G2Affine::from(h))
        }
    };
    if ok {
        Ok(())
    } else {
        Err(BeaconError::BadSignature {
            chain: round.chain,
            round: round.round,
        })
    }
}

/// e(a, b) = e(c, d), as e(−a, b) · e(c, d) = 1.
fn pairs_to_identity(a: &G1Affine, b: &G2Affine, c: &G1Affine, d: &G2Affine) -> bool {
    let minus_a = -a;
    let (b, d) = (G2Prepared::from(*b), G2Prepared::from(*d));
    multi_miller_loop(&[(&minus_a, &b), (c, &d)]).final_exponentiation() == Gt::identity()
}

fn g1(bytes: &[u8]) -> Option<G1Affine> {
    let bytes: &[u8; 48] = bytes.try_into().ok()?;
    Option::from(G1Affine::from_compressed(bytes))
}

fn g2(bytes: &[u8]) -> Option<G2Affine> {
    let bytes: &[u8; 96] = bytes.try_into().ok()?;
    Option::from(G2Affine::from_compressed(bytes))
}

/// An embedded key's bytes (the constants are lowercase hexadecimal, checked by a test).
fn unhex_key(hex: &str) -> Vec<u8> {
    hex.as_bytes()
        .chunks(2)
        .map(|p| {
            let d = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
            d(p[0]) << 4 | d(p[1])
        })
        .collect()
}
