//! Hashes fed in pieces: file fingerprints ([`Fingerprint`], XXH3 from `xxhash-rust`: it reads
//! a file's bytes at memory speed, where a byte-at-a-time hash cost 6–8 % of an import) and
//! header signatures ([`Fnv`]: a few dozen bytes, kept FNV-1a so the mappings people saved
//! for a header keep their key).

/// A 64-bit FNV-1a hash, fed in pieces.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv::new()
    }
}

impl Fnv {
    /// The empty hash.
    pub(crate) fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds `bytes`.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash so far.
    pub(crate) fn finish(&self) -> u64 {
        self.0
    }
}

/// A file's fingerprint: 64-bit XXH3 of its bytes, fed in pieces.
pub(crate) struct Fingerprint(xxhash_rust::xxh3::Xxh3);

impl Fingerprint {
    /// The empty hash.
    pub(crate) fn new() -> Fingerprint {
        Fingerprint(xxhash_rust::xxh3::Xxh3::new())
    }

    /// Feeds `bytes`.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The fingerprint so far, as 16 hex digits.
    pub(crate) fn hex(&self) -> String {
        format!("{:016x}", self.0.digest())
    }
}

/// A small deterministic generator (xorshift64) for the inputs the tests generate, so that
/// a differential test draws the same cases on every run and needs no dependency.
#[cfg(test)]
pub(crate) struct XorShift(pub(crate) u64);

#[cfg(test)]
impl XorShift {
    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A text of fewer than `max` characters drawn from `alphabet`.
    pub(crate) fn text(&mut self, alphabet: &[char], max: u64) -> String {
        let len = self.next() % max;
        (0..len)
            .map(|_| alphabet[(self.next() % alphabet.len() as u64) as usize])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_does_not_depend_on_the_pieces() {
        let bytes: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut whole = Fingerprint::new();
        whole.write(&bytes);
        for cut in [0, 1, 31, 32, 33, 4096, 99_999] {
            let mut f = Fingerprint::new();
            f.write(&bytes[..cut]);
            f.write(&bytes[cut..]);
            assert_eq!(f.hex(), whole.hex(), "cut at {cut}");
        }
        assert_eq!(
            whole.hex(),
            format!("{:016x}", xxhash_rust::xxh3::xxh3_64(&bytes))
        );
        assert_ne!(Fingerprint::new().hex(), whole.hex());
    }
}
