//! A drand round as a user pastes it (the JSON of `GET /public/N`, or of
//! `/v2/beacons/quicknet/rounds/N`), read into its fields and checked against its chain: the
//! signature's length, the previous signature a chained round needs, and the randomness,
//! which must be SHA-256 of the signature. The BLS check itself is in `bls.rs`.

use crate::chains::{chain, Chain, Scheme, CHAINS};
use crate::error::BeaconError;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

/// A round read and checked against its chain (its signature not yet verified).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    /// The chain.
    pub chain: &'static Chain,
    /// The round's number.
    pub round: u64,
    /// The signature, `scheme.signature_len()` bytes.
    pub signature: Vec<u8>,
    /// The previous round's signature (chained chains only).
    pub previous_signature: Option<Vec<u8>>,
    /// SHA-256 of the signature: the round's randomness.
    pub randomness: [u8; 32],
}

/// A round as a certificate records it (and as the page's beacon module returns it once its
/// signature verifies): the chain's hash, the round, the signature (and the previous one for
/// a chained chain) and the randomness, in lowercase hexadecimal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundRecord {
    /// The chain's hash.
    pub chain: String,
    /// The round's number.
    pub round: u64,
    /// The signature.
    pub signature: String,
    /// The previous round's signature (chained chains only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_signature: Option<String>,
    /// SHA-256 of the signature.
    pub randomness: String,
}

/// The beacon module's verdict on one round, as the page hands it to a core built without the
/// signature check: the round, and why the module refused it (none: its signature verified).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeaconCheck {
    /// The round, as the module read it.
    pub record: RoundRecord,
    /// The module's refusal, in the page's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

impl Round {
    /// The round as a certificate records it.
    pub fn record(&self) -> RoundRecord {
        RoundRecord {
            chain: self.chain.hash.to_string(),
            round: self.round,
            signature: hex(&self.signature),
            previous_signature: self.previous_signature.as_deref().map(hex),
            randomness: hex(&self.randomness),
        }
    }

    /// The message the chain signed: SHA-256(previous signature ‖ round, big-endian u64).
    pub fn message(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        if let Some(prev) = &self.previous_signature {
            h.update(prev);
        }
        h.update(self.round.to_be_bytes());
        h.finalize().into()
    }
}

impl RoundRecord {
    /// Reads the record back into a round, with the same checks as a pasted round.
    pub fn read(&self) -> Result<Round, BeaconError> {
        // Built by hand rather than with `serde_json::to_value`, whose serializer would add
        // its weight to the page's bundles for this one use.
        let mut map = Map::new();
        map.insert("chain".into(), Value::String(self.chain.clone()));
        map.insert("round".into(), Value::from(self.round));
        map.insert("signature".into(), Value::String(self.signature.clone()));
        if let Some(p) = &self.previous_signature {
            map.insert("previous_signature".into(), Value::String(p.clone()));
        }
        map.insert("randomness".into(), Value::String(self.randomness.clone()));
        from_fields(&map, None)
    }
}

/// Lowercase hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// Reads a pasted round: `text` is its JSON; `asked` the chain it must be of (a name or a
/// hash), else the chain the JSON names (`chain`, `chain_hash` or `beacon_id`) or, failing
/// those, the one its signature's length says (48 bytes: quicknet; 96: the default chain).
pub fn read_round(text: &str, asked: Option<&str>) -> Result<Round, BeaconError> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        BeaconError::Json {
            line: e.line(),
            column: e.column(),
            detail: e
                .to_string()
                .split(" at line")
                .next()
                .unwrap_or("")
                .to_string(),
        }
    })?;
    let Value::Object(map) = value else {
        return Err(BeaconError::NotObject);
    };
    from_fields(&map, asked)
}

fn from_fields(map: &Map<String, Value>, asked: Option<&str>) -> Result<Round, BeaconError> {
    let round = match map.get("round") {
        None => return Err(BeaconError::Missing("round")),
        Some(v) => v
            .as_u64()
            .filter(|&n| n >= 1)
            .ok_or(BeaconError::BadRound)?,
    };
    let sig_text = text_field(map, "signature")?.ok_or(BeaconError::Missing("signature"))?;
    let chain = which_chain(map, asked, sig_text.len() / 2)?;
    let signature = unhex(sig_text, "signature", chain.scheme.signature_len())?;
    let previous_signature = match (chain.scheme, text_field(map, "previous_signature")?) {
        (Scheme::Chained, Some(p)) if !p.is_empty() => Some(unhex(p, "previous_signature", 96)?),
        (Scheme::UnchainedG1, None) => None,
        (Scheme::UnchainedG1, Some("")) => None,
        _ => return Err(BeaconError::PreviousSignature { chain }),
    };
    let randomness: [u8; 32] = Sha256::digest(&signature).into();
    if let Some(given) = text_field(map, "randomness")? {
        let given_bytes = unhex(given, "randomness", 32)?;
        if given_bytes != randomness {
            return Err(BeaconError::Randomness {
                given: given.to_ascii_lowercase(),
                computed: hex(&randomness),
            });
        }
    }
    Ok(Round {
        chain,
        round,
        signature,
        previous_signature,
        randomness,
    })
}

/// A text field, `None` when absent or null; refused when of another type.
fn text_field<'a>(
    map: &'a Map<String, Value>,
    field: &'static str,
) -> Result<Option<&'a str>, BeaconError> {
    match map.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim())),
        Some(_) => Err(BeaconError::BadHex {
            field,
            expected: match field {
                "randomness" => 32,
                "previous_signature" => 96,
                _ => 48,
            },
            found: None,
        }),
    }
}

/// The chain asked for, named by the round, or told by the signature's length; each of
/// those that is given must agree.
fn which_chain(
    map: &Map<String, Value>,
    asked: Option<&str>,
    sig_len: usize,
) -> Result<&'static Chain, BeaconError> {
    let lookup = |name: &str| chain(name).ok_or_else(|| BeaconError::UnknownChain(name.into()));
    let asked = asked
        .filter(|a| !a.trim().is_empty())
        .map(lookup)
        .transpose()?;
    let named = ["chain", "chain_hash", "beacon_id"]
        .iter()
        .find_map(|k| map.get(*k).and_then(Value::as_str))
        .map(lookup)
        .transpose()?;
    let by_length = CHAINS.iter().find(|c| c.scheme.signature_len() == sig_len);
    if let (Some(a), Some(n)) = (asked, named) {
        if a != n {
            return Err(BeaconError::WrongChain {
                asked: a,
                found: format!("{} ({})", n.name, n.hash),
            });
        }
    }
    let Some(c) = asked.or(named).or(by_length) else {
        return Err(BeaconError::BadHex {
            field: "signature",
            expected: 48,
            found: Some(sig_len * 2),
        });
    };
    match by_length {
        Some(l) if l != c => Err(BeaconError::WrongChain {
            asked: c,
            found: format!("{} ({sig_len}-byte signature)", l.name),
        }),
        _ => Ok(c),
    }
}

/// Hexadecimal of exactly `len` bytes.
fn unhex(text: &str, field: &'static str, len: usize) -> Result<Vec<u8>, BeaconError> {
    let bad = |found| BeaconError::BadHex {
        field,
        expected: len,
        found,
    };
    if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad(None));
    }
    if text.len() != len * 2 {
        return Err(bad(Some(text.len())));
    }
    let digit = |b: u8| (b as char).to_digit(16).unwrap_or(0) as u8;
    Ok(text
        .as_bytes()
        .chunks(2)
        .map(|p| digit(p[0]) << 4 | digit(p[1]))
        .collect())
}
