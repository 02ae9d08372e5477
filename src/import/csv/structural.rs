//! The structural bytes of delimited text (quotes, delimiters, `\n`, `\r`) for the
//! [`Tokenizer`](super::Tokenizer): a [`Structural`] cursor gives, from any position, the next
//! byte that may end a field's run of text. Two cursors, chosen by what `memchr` can do on the
//! target:
//!
//! - **Bit masks** (wasm without `simd128`: the bundle the page ships, whose size budget rules
//!   out `simd128` and `opt-level = 3`). simd-csv's way on plain `u64` words: each 64-byte
//!   block of the text becomes one mask with a bit on every byte that is a quote, the
//!   delimiter or below 0x0e (SWAR: eight bytes compared in one register, no `unsafe`), and the
//!   tokenizer walks a record from one bit to the next, so a short field costs a few
//!   instructions and no search of its own. Past a block with no bit, sixteen bytes a round.
//!   There `memchr3` would fall back to four bytes at a time, from each field's start.
//! - **`memchr3`** (x86-64, AArch64, wasm with `simd128`): a byte loop over a field's first
//!   bytes, then its vector search. Natively the masks cost more than this (about 2.5
//!   instructions a byte to build, 9 per structural byte to walk, against AVX2 on the long
//!   texts: +12 % instructions for the tokenizer on X 10 MB), so they are not used there.
//!
//! The unit tests build the masks on every target and compare the tokenizer with the one
//! that searched with `memchr3` (`oracle.rs`); the integration tests run the native cursor.

/// What a search is for: the bytes that end a quoted
/// field's text, or an unquoted field.
#[derive(Clone, Copy)]
pub(super) enum Run {
    /// A quote, `\n` or `\r`.
    Quoted,
    /// The delimiter, `\n` or `\r`.
    Unquoted,
}

#[cfg(any(
    test,
    not(any(
        target_arch = "x86_64",
        target_arch = "aarch64",
        all(target_arch = "wasm32", target_feature = "simd128")
    ))
))]
pub(super) use masks::Structural;
#[cfg(all(
    not(test),
    any(
        target_arch = "x86_64",
        target_arch = "aarch64",
        all(target_arch = "wasm32", target_feature = "simd128")
    )
))]
pub(super) use search::Structural;

/// The bit-mask cursor.
#[cfg(any(
    test,
    not(any(
        target_arch = "x86_64",
        target_arch = "aarch64",
        all(target_arch = "wasm32", target_feature = "simd128")
    ))
))]
mod masks {
    use super::Run;

    /// Every byte 0x01.
    const ONES: u64 = 0x0101_0101_0101_0101;
    /// Every byte 0x7f.
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    /// Every byte 0x80.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// Bytes below this may be structural: `\n` (0x0a) and `\r` (0x0d), and with them the tab
    /// and a few control characters, which the tokenizer tells apart.
    const CONTROL: u8 = 0x0e;

    /// `byte` in every byte of a word.
    const fn splat(byte: u8) -> u64 {
        ONES * byte as u64
    }

    /// The high bit of each byte of `w` that is not zero (other bits are noise). Exact: a byte's
    /// low seven bits plus 0x7f stay within the byte, so no carry crosses bytes.
    #[inline(always)]
    fn nonzero(w: u64) -> u64 {
        ((w & LOW7).wrapping_add(LOW7)) | w
    }

    /// The high bit of each byte of `w` that is a quote, `delimiter` (in every byte) or below
    /// [`CONTROL`], and no other bit.
    #[inline(always)]
    fn hits(w: u64, delimiter: u64) -> u64 {
        // At least [`CONTROL`]: the low seven bits plus 0x80 - CONTROL reach the high bit, or the
        // high bit is set already.
        let not_control = ((w & LOW7).wrapping_add(splat(0x80 - CONTROL))) | w;
        !(not_control & nonzero(w ^ splat(b'"')) & nonzero(w ^ delimiter)) & HIGH
    }

    /// One bit for each byte of the 8-byte word `w` that is a quote, `delimiter` or below
    /// [`CONTROL`]: bit `i` for byte `i`. The multiplication gathers the eight high bits into the
    /// top byte (byte `i`'s bit meets the constant's bit `7 - i` there, and no two products share a
    /// bit, so nothing carries).
    #[inline(always)]
    fn bits(w: u64, delimiter: u64) -> u64 {
        ((hits(w, delimiter) >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
    }

    /// Bytes read at a time: a block of eight words, one bit each in a `u64` mask.
    const BLOCK: usize = 64;

    /// The mask of a whole block.
    #[inline(always)]
    fn block_bits(block: &[u8; BLOCK], delimiter: u64) -> u64 {
        let (words, _) = block.as_chunks::<8>();
        let mut mask = 0;
        for (i, w) in words.iter().enumerate() {
            mask |= bits(u64::from_le_bytes(*w), delimiter) << (8 * i);
        }
        mask
    }

    /// A cursor over the structural bytes of one text, from a position that only moves forward:
    /// it gives every quote, delimiter and line end at or after the position asked for, and
    /// maybe other bytes below 0x0e (a tab, a control character) the caller skips.
    pub(in crate::import::csv) struct Structural<'a> {
        b: &'a [u8],
        /// The delimiter byte.
        delimiter: u8,
        /// The delimiter in every byte.
        delimiters: u64,
        /// Where the block of `hits` starts in `b`.
        base: usize,
        /// A bit for each byte of the block from `base` that may be structural (bit `i` for byte
        /// `base + i`), from the last position asked for on; none past the text's end.
        hits: u64,
    }

    impl<'a> Structural<'a> {
        /// It gives bytes a run does not look for too.
        pub(in crate::import::csv) const EXACT: bool = false;

        /// A cursor over `b` split on `delimiter`, at `at`.
        pub(in crate::import::csv) fn new(b: &'a [u8], delimiter: u8, at: usize) -> Structural<'a> {
            let mut s = Structural {
                b,
                delimiter,
                delimiters: splat(delimiter),
                base: at,
                hits: 0,
            };
            s.load(at);
            s
        }

        /// Reads the block at `at` into `hits`.
        #[inline]
        fn load(&mut self, at: usize) {
            self.base = at;
            self.hits = match self.b.get(at..).and_then(<[u8]>::first_chunk::<BLOCK>) {
                Some(block) => block_bits(block, self.delimiters),
                None => self.tail(at),
            };
        }

        /// The hits of the last, short, block at `at` (padded; none past the text's end).
        #[cold]
        fn tail(&self, at: usize) -> u64 {
            let tail = self.b.get(at..).unwrap_or(&[]);
            let mut block = [0u8; BLOCK];
            block[..tail.len()].copy_from_slice(tail);
            block_bits(&block, self.delimiters) & !(u64::MAX << tail.len())
        }

        /// The delimiter.
        #[inline(always)]
        pub(in crate::import::csv) fn delimiter(&self) -> u8 {
            self.delimiter
        }

        /// The position of the first hit held.
        #[inline(always)]
        fn first(&self) -> usize {
            self.base + self.hits.trailing_zeros() as usize
        }

        /// The first byte at or after `p` that may be structural (a quote, the delimiter, a byte
        /// below 0x0e), whatever the run looks for.
        #[inline(always)]
        pub(in crate::import::csv) fn next(&mut self, p: usize, _: Run) -> Option<usize> {
            let k = p.wrapping_sub(self.base);
            if k < BLOCK {
                self.hits &= u64::MAX << k;
            } else {
                self.load(p);
            }
            if self.hits != 0 {
                return Some(self.first());
            }
            self.further()
        }

        /// [`next`](Self::next) past the block held: the next block, then sixteen bytes a round.
        #[inline(never)]
        fn further(&mut self) -> Option<usize> {
            let next = self.base + BLOCK;
            if next >= self.b.len() {
                return None;
            }
            self.load(next);
            if self.hits != 0 {
                return Some(self.first());
            }
            let from = self.base + BLOCK;
            if from >= self.b.len() {
                return None;
            }
            let at = self.words(from)?;
            self.load(at);
            Some(at)
        }

        /// The first byte that may be structural at or after `from`, sixteen bytes at a time.
        fn words(&self, from: usize) -> Option<usize> {
            let mut at = from;
            while let Some(pair) = self.b.get(at..).and_then(<[u8]>::first_chunk::<16>) {
                let (lo, hi) = pair.split_at(8);
                let lo = hits(
                    u64::from_le_bytes(lo.try_into().unwrap_or([0; 8])),
                    self.delimiters,
                );
                let hi = hits(
                    u64::from_le_bytes(hi.try_into().unwrap_or([0; 8])),
                    self.delimiters,
                );
                if lo != 0 {
                    return Some(at + (lo.trailing_zeros() / 8) as usize);
                }
                if hi != 0 {
                    return Some(at + 8 + (hi.trailing_zeros() / 8) as usize);
                }
                at += 16;
            }
            (at..self.b.len()).find(|&i| {
                let c = self.b[i];
                c == b'"' || c == self.delimiter || c < CONTROL
            })
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::hash::XorShift;

        /// Whether `c` may be structural (what a hit may be).
        fn may_be(c: u8, d: u8) -> bool {
            c == b'"' || c == d || c < CONTROL
        }

        #[test]
        fn stops_at_every_byte_a_search_looks_for() {
            let mut rng = XorShift(0x5eed_cafe);
            // Bytes next to the structural ones (where a borrow or a carry would land), controls,
            // high bytes of UTF-8, and long runs of text.
            let alphabet = b"\"\n\r,;\t!#\x0b\x0c\x0e\x0f+-:<\x7f\x80\xe2\xff\0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
            for round in 0..3000 {
                let len = (rng.next() % 300) as usize;
                let b: Vec<u8> = (0..len)
                    .map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize])
                    .collect();
                let d = [b',', b';', b'\t', b'|', 0x1f][round % 5];
                let mut s = Structural::new(&b, d, 0);
                let mut p = 0;
                // Forward, by steps of any size, asking either question.
                while p <= b.len() {
                    let (run, wanted) = if (rng.next() & 1) == 0 {
                        (Run::Quoted, [b'"', b'\n', b'\r'])
                    } else {
                        (Run::Unquoted, [d, b'\n', b'\r'])
                    };
                    let found = s.next(p, run);
                    let first = (p..b.len()).find(|&i| wanted.contains(&b[i]));
                    match found {
                        // Nothing the search looks for is skipped, and what it stops at may be
                        // structural.
                        Some(at) => {
                            assert!(at >= p && first.is_none_or(|f| at <= f), "{b:?} {p} {at}");
                            assert!(may_be(b[at], d), "{b:?} {p} {at}");
                        }
                        None => assert_eq!(first, None, "{b:?} {p}"),
                    }
                    assert_eq!(
                        s.words(p.min(b.len())),
                        (p..b.len()).find(|&i| may_be(b[i], d)),
                        "{b:?} {p}"
                    );
                    p = found
                        .map_or(b.len() + 1, |at| at + 1)
                        .min(p + (rng.next() % 90) as usize);
                }
            }
        }
    }
}

/// The `memchr3` cursor.
#[cfg(all(
    not(test),
    any(
        target_arch = "x86_64",
        target_arch = "aarch64",
        all(target_arch = "wasm32", target_feature = "simd128")
    )
))]
mod search {
    use super::Run;

    /// The cursor where `memchr3` has vector code: a byte loop over the first bytes (a short
    /// field ends there), then `memchr3`. It gives only the bytes the search looks for.
    pub(in crate::import::csv) struct Structural<'a> {
        b: &'a [u8],
        delimiter: u8,
    }

    impl<'a> Structural<'a> {
        /// It gives only the bytes a run looks for.
        pub(in crate::import::csv) const EXACT: bool = true;

        /// The first bytes of a search read one by one: a vector search has to be set up.
        const SHORT: usize = 16;

        /// A cursor over `b` split on `delimiter`.
        pub(in crate::import::csv) fn new(
            b: &'a [u8],
            delimiter: u8,
            _at: usize,
        ) -> Structural<'a> {
            Structural { b, delimiter }
        }

        /// The delimiter.
        #[inline(always)]
        pub(in crate::import::csv) fn delimiter(&self) -> u8 {
            self.delimiter
        }

        /// The first byte `run` looks for at or after `p`.
        #[inline(always)]
        pub(in crate::import::csv) fn next(&mut self, p: usize, run: Run) -> Option<usize> {
            let first = match run {
                Run::Quoted => b'"',
                Run::Unquoted => self.delimiter,
            };
            let s = self.b.get(p..)?;
            let short = s.len().min(Self::SHORT);
            if let Some(i) = s[..short]
                .iter()
                .position(|&c| c == first || c == b'\n' || c == b'\r')
            {
                return Some(p + i);
            }
            memchr::memchr3(first, b'\n', b'\r', &s[short..]).map(|k| p + short + k)
        }
    }
}
