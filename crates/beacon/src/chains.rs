//! The drand chains a draw may take its seed from, each with what verifying a round needs:
//! the chain hash (its name on drand's HTTP API), the scheme, the group's public key, the
//! genesis time and the period.
//!
//! The values are those of the chains' `/info` documents, as drand publishes them:
//! - quicknet: `https://api.drand.sh/52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971/info`,
//!   quoted in drand's announcement (drand/website, `docs/blog/2023-10-16-quicknet-is-live.md`)
//!   and in drand's tlock-js (`src/drand/defaults.ts`, `MAINNET_CHAIN_INFO`);
//! - the default chain (the League of Entropy's first mainnet, 30 s, chained):
//!   `https://api.drand.sh/info`, the key quoted in noislabs/drand-verify (`src/verify.rs`,
//!   `PK_LEO_MAINNET`) and the hash and genesis time in Sui's framework (`drand_lib.move`).
//!
//! A round's signature checked against these keys needs nothing from drand's servers: a
//! certificate stays verifiable when they are gone. The tests verify a real published round
//! of each chain against them (`tests/fixtures/draw/drand-*.json`).

use serde::Serialize;

/// How a chain signs its rounds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Scheme {
    /// `pedersen-bls-chained`: signature on G2 (96 bytes), public key on G1 (48 bytes),
    /// message SHA-256(previous signature ‖ round as big-endian u64).
    #[serde(rename = "pedersen-bls-chained")]
    Chained,
    /// `bls-unchained-g1-rfc9380`: signature on G1 (48 bytes), public key on G2 (96 bytes),
    /// message SHA-256(round as big-endian u64).
    #[serde(rename = "bls-unchained-g1-rfc9380")]
    UnchainedG1,
}

impl Scheme {
    /// The scheme's identifier, as the chain's `/info` gives it (`schemeID`).
    pub fn id(self) -> &'static str {
        match self {
            Scheme::Chained => "pedersen-bls-chained",
            Scheme::UnchainedG1 => "bls-unchained-g1-rfc9380",
        }
    }

    /// The length of a signature, in bytes.
    pub fn signature_len(self) -> usize {
        match self {
            Scheme::Chained => 96,
            Scheme::UnchainedG1 => 48,
        }
    }

    /// The hash-to-curve domain separation tag (RFC 9380) of the signatures.
    pub fn dst(self) -> &'static [u8] {
        match self {
            Scheme::Chained => b"BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_",
            Scheme::UnchainedG1 => b"BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_",
        }
    }
}

/// A drand chain, as embedded here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Chain {
    /// The short name people use (`quicknet`, `default`).
    pub name: &'static str,
    /// The chain hash, lowercase hexadecimal.
    pub hash: &'static str,
    /// How rounds are signed.
    pub scheme: Scheme,
    /// The group's public key, compressed, lowercase hexadecimal.
    pub public_key: &'static str,
    /// Unix time of round 1, in seconds.
    pub genesis_time: u64,
    /// Seconds between rounds.
    pub period: u64,
}

impl Chain {
    /// Unix time (seconds) at which `round` is published: genesis + (round − 1) × period,
    /// or `None` past what a 64-bit time holds.
    pub fn round_time(&self, round: u64) -> Option<u64> {
        round
            .checked_sub(1)?
            .checked_mul(self.period)?
            .checked_add(self.genesis_time)
    }
}

/// quicknet: a round every 3 seconds since 23 August 2023, unchained, signatures on G1.
pub const QUICKNET: Chain = Chain {
    name: "quicknet",
    hash: "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971",
    scheme: Scheme::UnchainedG1,
    public_key: "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a",
    genesis_time: 1_692_803_367,
    period: 3,
};

/// The default chain: a round every 30 seconds since 22 July 2020, each signature chained to
/// the one before.
pub const DEFAULT: Chain = Chain {
    name: "default",
    hash: "8990e7a9aaed2ffed73dbd7092123d6f289930540d7651336225dc172e51b2ce",
    scheme: Scheme::Chained,
    public_key: "868f005eb8e6e4ca0a47c8a77ceaa5309a47978a7c71bc5cce96366b5d7a569937c529eeda66c7293784a9402801af31",
    genesis_time: 1_595_431_050,
    period: 30,
};

/// Every chain embedded, quicknet first.
pub const CHAINS: [Chain; 2] = [QUICKNET, DEFAULT];

/// The chain named `name` (`quicknet`, `default`, `mainnet`) or by its hash (any case).
pub fn chain(name: &str) -> Option<&'static Chain> {
    let name = name.trim().to_ascii_lowercase();
    let name = if name == "mainnet" { "default" } else { &name };
    CHAINS.iter().find(|c| c.name == name || c.hash == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_hashes_and_times() {
        assert_eq!(chain("QuickNet"), Some(&QUICKNET));
        assert_eq!(chain("mainnet"), Some(&DEFAULT));
        assert_eq!(chain(&DEFAULT.hash.to_uppercase()), Some(&DEFAULT));
        assert_eq!(chain("fastnet"), None);
        assert_eq!(QUICKNET.round_time(1), Some(1_692_803_367));
        assert_eq!(QUICKNET.round_time(123), Some(1_692_803_367 + 122 * 3));
        assert_eq!(DEFAULT.round_time(0), None);
        assert_eq!(DEFAULT.round_time(u64::MAX), None);
    }
}
