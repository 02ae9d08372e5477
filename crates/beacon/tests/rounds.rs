//! Real published drand rounds (`tests/fixtures/draw/drand-*.json`) verified against the
//! embedded keys, and refuted when one byte of the signature, the round or the previous
//! signature changes, when the randomness is not the signature's, or when said to be of the
//! other chain.

use social_roi_beacon::{
    read_round, verify_round, verify_signature, BeaconError, Round, DEFAULT, QUICKNET,
};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/draw/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn flip(bytes: &mut [u8], at: usize) {
    bytes[at] ^= 0x01;
}

/// Every byte position's flip of `field` is refuted (a sample of positions: first, last and
/// some in between), with a bad signature or a signature that is no point.
fn refuted_when_flipped(round: &Round, field: fn(&mut Round) -> &mut Vec<u8>) {
    let len = field(&mut round.clone()).len();
    for at in [0, 1, len / 2, len - 2, len - 1] {
        let mut r = round.clone();
        flip(field(&mut r), at);
        match verify_signature(&r) {
            Err(BeaconError::BadSignature { .. } | BeaconError::NotAPoint(_)) => {}
            other => panic!("byte {at} flipped: {other:?}"),
        }
    }
}

#[test]
fn quicknet_round_123_verifies() {
    let r = verify_round(&fixture("drand-quicknet-123.json"), None).unwrap();
    assert_eq!(r.chain, &QUICKNET);
    assert_eq!(r.round, 123);
    assert_eq!(
        r.record().randomness,
        "fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc"
    );
    assert!(r.previous_signature.is_none());
    // Named explicitly, by name or hash, it verifies the same.
    assert!(verify_round(&fixture("drand-quicknet-123.json"), Some("quicknet")).is_ok());
    assert!(verify_round(&fixture("drand-quicknet-123.json"), Some(QUICKNET.hash)).is_ok());
}

#[test]
fn default_chain_rounds_verify() {
    for (file, n) in [
        ("drand-default-72785.json", 72785),
        ("drand-default-1337.json", 1337),
    ] {
        let r = verify_round(&fixture(file), Some("default")).unwrap();
        assert_eq!((r.chain, r.round), (&DEFAULT, n));
        assert!(r.previous_signature.is_some());
    }
}

#[test]
fn one_byte_changed_is_refuted() {
    for file in ["drand-quicknet-123.json", "drand-default-72785.json"] {
        let round = read_round(&fixture(file), None).unwrap();
        refuted_when_flipped(&round, |r| &mut r.signature);
        if round.previous_signature.is_some() {
            refuted_when_flipped(&round, |r| r.previous_signature.as_mut().unwrap());
        }
        for other in [round.round - 1, round.round + 1, round.round ^ 0x100] {
            let r = Round {
                round: other,
                ..round.clone()
            };
            assert!(
                matches!(verify_signature(&r), Err(BeaconError::BadSignature { round, .. }) if round == other),
                "{file}: round {other}"
            );
        }
    }
}

#[test]
fn the_text_changed_by_one_digit_is_refuted() {
    let text = fixture("drand-quicknet-123.json");
    // One hex digit of the signature (a byte changed), the round, the randomness.
    let sig = text.replacen("b75c69d0", "b75c69d1", 1);
    assert!(matches!(
        verify_round(&sig, None),
        Err(BeaconError::Randomness { .. })
    ));
    let without_randomness = sig.replacen(
        "\"randomness\": \"fb8f7bc29bf24db51871ec8c79f3a1e4bd0557bc0dfcee9ed1d924e69d1c60dc\",",
        "",
        1,
    );
    let e = verify_round(&without_randomness, None).unwrap_err();
    assert!(
        matches!(
            e,
            BeaconError::BadSignature { .. } | BeaconError::NotAPoint(_)
        ),
        "{e:?}"
    );
    let round = text.replacen("\"round\": 123", "\"round\": 124", 1);
    let e = verify_round(&round, None).unwrap_err();
    assert_eq!(
        e,
        BeaconError::BadSignature {
            chain: &QUICKNET,
            round: 124
        }
    );
    assert!(
        e.message(false).contains("round 124"),
        "{}",
        e.message(false)
    );
    assert!(e.message(true).contains("tour 124"), "{}", e.message(true));
}

#[test]
fn the_wrong_chain_is_refuted() {
    let q = verify_round(&fixture("drand-quicknet-123.json"), Some("default")).unwrap_err();
    assert!(
        matches!(q, BeaconError::WrongChain { asked, .. } if asked == &DEFAULT),
        "{q:?}"
    );
    assert!(
        q.message(false).contains("quicknet"),
        "{}",
        q.message(false)
    );
    let d = verify_round(&fixture("drand-default-72785.json"), Some("quicknet")).unwrap_err();
    assert!(matches!(d, BeaconError::WrongChain { asked, .. } if asked == &QUICKNET));
    // A round naming a chain that is not the one asked for.
    let named = fixture("drand-quicknet-123.json").replacen(
        '{',
        &format!("{{\"chain_hash\": \"{}\",", DEFAULT.hash),
        1,
    );
    assert!(matches!(
        verify_round(&named, None),
        Err(BeaconError::WrongChain { .. })
    ));
    assert!(matches!(
        verify_round(&fixture("drand-quicknet-123.json"), Some("fastnet")),
        Err(BeaconError::UnknownChain(_))
    ));
}

#[test]
fn malformed_rounds_say_what_was_expected() {
    let cases: [(&str, &str); 8] = [
        ("{\"round\": 1,", "line 1, column 12"),
        ("[1, 2]", "JSON object"),
        ("{\"signature\": \"ab\"}", "\"round\" is missing"),
        (
            "{\"round\": 0, \"signature\": \"ab\"}",
            "whole number from 1",
        ),
        (
            "{\"round\": -4, \"signature\": \"ab\"}",
            "whole number from 1",
        ),
        ("{\"round\": 5}", "\"signature\" is missing"),
        ("{\"round\": 5, \"signature\": \"zz\"}", "hexadecimal"),
        ("{\"round\": 5, \"signature\": \"abcd\"}", "found 4 digits"),
    ];
    for (text, expected) in cases {
        let e = read_round(text, None).unwrap_err();
        assert!(
            e.message(false).contains(expected),
            "{text}: {}",
            e.message(false)
        );
        assert!(!e.message(true).is_empty());
    }
    // A chained round needs its previous signature; an unchained one has none.
    let no_prev =
        fixture("drand-default-72785.json").replacen("\"previous_signature\"", "\"x\"", 1);
    let e = read_round(&no_prev, None).unwrap_err();
    assert!(
        e.message(false).contains("previous_signature"),
        "{}",
        e.message(false)
    );
    let with_prev =
        fixture("drand-quicknet-123.json").replacen('{', "{\"previous_signature\": \"ab\",", 1);
    assert!(matches!(
        read_round(&with_prev, None),
        Err(BeaconError::PreviousSignature { .. })
    ));
}

#[test]
fn the_record_reads_back() {
    for file in ["drand-quicknet-123.json", "drand-default-72785.json"] {
        let r = verify_round(&fixture(file), None).unwrap();
        let record = r.record();
        assert_eq!(record.read().unwrap(), r);
        assert_eq!(record.chain, r.chain.hash);
        let json = serde_json::to_string(&record).unwrap();
        assert_eq!(verify_round(&json, None).unwrap(), r);
    }
}
