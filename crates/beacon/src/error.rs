//! Why a round cannot be used, each reason with its field and its message in English and
//! French (the caller names the file or the place the round came from).

use crate::chains::Chain;

/// Why a drand round was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BeaconError {
    /// Not JSON: what the parser said, at a line and column.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's words (English).
        detail: String,
    },
    /// JSON, but not an object.
    NotObject,
    /// A field the round needs is missing.
    Missing(&'static str),
    /// The round number is not a whole number from 1.
    BadRound,
    /// A field is not hexadecimal, or not of the length the chain signs with.
    BadHex {
        /// The field (`signature`, `previous_signature`, `randomness`).
        field: &'static str,
        /// Bytes expected.
        expected: usize,
        /// What was found, in words (English digits count or "not hexadecimal").
        found: Option<usize>,
    },
    /// No embedded chain has that name or hash.
    UnknownChain(String),
    /// The round was said to be of one chain, but is of another (or names another).
    WrongChain {
        /// The chain asked for.
        asked: &'static Chain,
        /// The chain the round names or its signature's length says.
        found: String,
    },
    /// A chained round without its previous signature, or an unchained one with one.
    PreviousSignature {
        /// The chain of the round.
        chain: &'static Chain,
    },
    /// The randomness given is not SHA-256 of the signature.
    Randomness {
        /// The randomness given.
        given: String,
        /// SHA-256 of the signature.
        computed: String,
    },
    /// A signature that is no point of the curve's group.
    NotAPoint(&'static str),
    /// The signature does not verify against the chain's public key for this round.
    BadSignature {
        /// The chain.
        chain: &'static Chain,
        /// The round.
        round: u64,
    },
}

impl BeaconError {
    /// The field the error is about, when it is one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            BeaconError::Missing(f) | BeaconError::NotAPoint(f) => Some(f),
            BeaconError::BadHex { field, .. } => Some(field),
            BeaconError::BadRound => Some("round"),
            BeaconError::Randomness { .. } => Some("randomness"),
            BeaconError::PreviousSignature { .. } => Some("previous_signature"),
            BeaconError::BadSignature { .. } => Some("signature"),
            BeaconError::UnknownChain(_) | BeaconError::WrongChain { .. } => Some("chain"),
            BeaconError::Json { .. } | BeaconError::NotObject => None,
        }
    }

    /// The message, in French when `french`, else in English.
    pub fn message(&self, french: bool) -> String {
        let pick = |en: String, fr: String| if french { fr } else { en };
        match self {
            BeaconError::Json { line, column, detail } => pick(
                format!("line {line}, column {column}: not a drand round's JSON ({detail})"),
                format!("ligne {line}, colonne {column}\u{a0}: ce n’est pas le JSON d’un tour drand ({detail})"),
            ),
            BeaconError::NotObject => pick(
                "a drand round is a JSON object: {\"round\": …, \"signature\": \"…\", …}".into(),
                "un tour drand est un objet JSON\u{a0}: {\"round\": …, \"signature\": \"…\", …}".into(),
            ),
            BeaconError::Missing(f) => pick(
                format!("the field \"{f}\" is missing"),
                format!("le champ «\u{a0}{f}\u{a0}» manque"),
            ),
            BeaconError::BadRound => pick(
                "field \"round\": expected the round's number, a whole number from 1".into(),
                "champ «\u{a0}round\u{a0}»\u{a0}: le numéro du tour est attendu, un nombre entier à partir de 1".into(),
            ),
            BeaconError::BadHex { field, expected, found } => {
                let digits = expected * 2;
                match found {
                    None => pick(
                        format!("field \"{field}\": expected {expected} bytes in hexadecimal ({digits} digits 0-9, a-f)"),
                        format!("champ «\u{a0}{field}\u{a0}»\u{a0}: {expected} octets en hexadécimal sont attendus ({digits} chiffres 0-9, a-f)"),
                    ),
                    Some(n) => pick(
                        format!("field \"{field}\": expected {expected} bytes ({digits} hexadecimal digits), found {n} digits"),
                        format!("champ «\u{a0}{field}\u{a0}»\u{a0}: {expected} octets ({digits} chiffres hexadécimaux) sont attendus, {n} chiffres trouvés"),
                    ),
                }
            }
            BeaconError::UnknownChain(name) => pick(
                format!("unknown drand chain \"{name}\": this version verifies quicknet ({}) and the default chain ({})", crate::QUICKNET.hash, crate::DEFAULT.hash),
                format!("chaîne drand inconnue «\u{a0}{name}\u{a0}»\u{a0}: cette version vérifie quicknet ({}) et la chaîne par défaut ({})", crate::QUICKNET.hash, crate::DEFAULT.hash),
            ),
            BeaconError::WrongChain { asked, found } => pick(
                format!("this round is of {found}, not of the chain {} ({}, {}-byte signatures)", asked.name, asked.hash, asked.scheme.signature_len()),
                format!("ce tour est de {found}, pas de la chaîne {} ({}, signatures de {} octets)", asked.name, asked.hash, asked.scheme.signature_len()),
            ),
            BeaconError::PreviousSignature { chain } => match chain.scheme {
                crate::Scheme::Chained => pick(
                    format!("field \"previous_signature\" is missing: each round of the {} chain signs the one before (96 bytes in hexadecimal)", chain.name),
                    format!("le champ «\u{a0}previous_signature\u{a0}» manque\u{a0}: chaque tour de la chaîne {} signe le précédent (96 octets en hexadécimal)", chain.name),
                ),
                crate::Scheme::UnchainedG1 => pick(
                    format!("field \"previous_signature\": {} rounds are unchained and have none", chain.name),
                    format!("champ «\u{a0}previous_signature\u{a0}»\u{a0}: les tours {} ne sont pas chaînés et n’en ont pas", chain.name),
                ),
            },
            BeaconError::Randomness { given, computed } => pick(
                format!("field \"randomness\": {given} is not SHA-256 of the signature ({computed})"),
                format!("champ «\u{a0}randomness\u{a0}»\u{a0}: {given} n’est pas le SHA-256 de la signature ({computed})"),
            ),
            BeaconError::NotAPoint(f) => pick(
                format!("field \"{f}\": not a point of the BLS12-381 curve's group: this is no drand signature"),
                format!("champ «\u{a0}{f}\u{a0}»\u{a0}: pas un point du groupe de la courbe BLS12-381\u{a0}: ce n’est pas une signature drand"),
            ),
            BeaconError::BadSignature { chain, round } => pick(
                format!("the signature does not verify: it is not the {} chain's signature of round {round} (checked against the chain's public key)", chain.name),
                format!("la signature ne se vérifie pas\u{a0}: ce n’est pas la signature du tour {round} par la chaîne {} (vérifiée avec la clé publique de la chaîne)", chain.name),
            ),
        }
    }
}
