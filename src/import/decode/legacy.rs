//! UTF-16 (little or big endian) and Windows-1252 decoded chunk by chunk, as the WHATWG
//! Encoding Standard decodes them with replacement (what `encoding_rs` does, which the tests
//! compare byte for byte on cut and damaged input).
//!
//! Written here, not taken from `encoding_rs`: its decoder chooses among every encoding it
//! knows at run time, so using it for these three linked the tables of all the others (the
//! Chinese, Japanese and Korean ones) into the page's WebAssembly. These three need a pair
//! of bytes, a surrogate and a 32-entry table.

/// A streaming decoder of one of the three encodings.
pub(super) enum Legacy {
    /// UTF-16; `byte` is the first half of a code unit cut by a chunk's end, `lead` a leading
    /// surrogate waiting for its trailing one.
    Utf16 {
        big_endian: bool,
        byte: Option<u8>,
        lead: Option<u16>,
    },
    /// Windows-1252: one byte, one character.
    Windows1252,
}

/// What Windows-1252 puts at 0x80–0x9F (the rest is Latin-1); the WHATWG index, where the
/// five bytes Windows leaves undefined are the C1 controls of the same number.
const CP1252_80: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

impl Legacy {
    /// A UTF-16 decoder, after the byte order mark.
    pub(super) fn utf16(big_endian: bool) -> Legacy {
        Legacy::Utf16 {
            big_endian,
            byte: None,
            lead: None,
        }
    }

    /// Decodes `bytes` onto `out`; `last`: the input ends with them, so a cut unit or a lone
    /// surrogate becomes `�`.
    pub(super) fn decode(&mut self, bytes: &[u8], out: &mut String, last: bool) {
        match self {
            Legacy::Windows1252 => {
                out.reserve(bytes.len());
                for &b in bytes {
                    out.push(match b {
                        0x80..=0x9F => CP1252_80[usize::from(b - 0x80)],
                        _ => char::from(b),
                    });
                }
            }
            Legacy::Utf16 {
                big_endian,
                byte,
                lead,
            } => {
                out.reserve(bytes.len() + 4);
                let mut rest = bytes;
                if let (Some(first), Some((&second, tail))) = (*byte, rest.split_first()) {
                    *byte = None;
                    unit(pair(*big_endian, first, second), lead, out);
                    rest = tail;
                }
                let mut units = rest.chunks_exact(2);
                for two in &mut units {
                    unit(pair(*big_endian, two[0], two[1]), lead, out);
                }
                if let [odd] = units.remainder() {
                    *byte = Some(*odd);
                }
                if last && (byte.is_some() || lead.is_some()) {
                    *byte = None;
                    *lead = None;
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
        }
    }
}

fn pair(big_endian: bool, a: u8, b: u8) -> u16 {
    if big_endian {
        u16::from_be_bytes([a, b])
    } else {
        u16::from_le_bytes([a, b])
    }
}

/// One code unit: a character, the first half of a pair (kept), or `�` for a surrogate that
/// has no partner.
fn unit(u: u16, lead: &mut Option<u16>, out: &mut String) {
    if let Some(high) = lead.take() {
        if (0xDC00..=0xDFFF).contains(&u) {
            let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
            out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            return;
        }
        out.push(char::REPLACEMENT_CHARACTER);
    }
    match u {
        0xD800..=0xDBFF => *lead = Some(u),
        0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
        _ => out.push(char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::XorShift as Rng;

    fn ours(mut d: Legacy, bytes: &[u8], cuts: &[usize]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for &c in cuts {
            d.decode(&bytes[at..c], &mut out, false);
            at = c;
        }
        d.decode(&bytes[at..], &mut out, true);
        out
    }

    fn theirs(e: &'static encoding_rs::Encoding, bytes: &[u8], cuts: &[usize]) -> String {
        let mut d = e.new_decoder_without_bom_handling();
        let mut out = String::new();
        let mut at = 0;
        let mut feed = |piece: &[u8], last: bool, out: &mut String| {
            out.reserve(d.max_utf8_buffer_length(piece.len()).unwrap());
            let _ = d.decode_to_string(piece, out, last);
        };
        for &c in cuts {
            feed(&bytes[at..c], false, &mut out);
            at = c;
        }
        feed(&bytes[at..], true, &mut out);
        out
    }

    #[test]
    fn the_same_text_as_encoding_rs_however_damaged_and_cut() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..3000 {
            let len = (rng.next() % 64) as usize;
            // Surrogates and ASCII often, so that pairs, lone halves and odd ends all occur.
            let bytes: Vec<u8> = (0..len)
                .map(|_| match rng.next() % 6 {
                    0 => 0xD8 + (rng.next() % 8) as u8,
                    1 => b'a',
                    2 => 0,
                    _ => rng.next() as u8,
                })
                .collect();
            let mut cuts: Vec<usize> = (0..rng.next() % 5)
                .map(|_| (rng.next() as usize) % (len + 1))
                .collect();
            cuts.sort_unstable();
            let cases: [(Legacy, &'static encoding_rs::Encoding); 3] = [
                (Legacy::utf16(false), encoding_rs::UTF_16LE),
                (Legacy::utf16(true), encoding_rs::UTF_16BE),
                (Legacy::Windows1252, encoding_rs::WINDOWS_1252),
            ];
            for (d, e) in cases {
                assert_eq!(
                    ours(d, &bytes, &cuts),
                    theirs(e, &bytes, &cuts),
                    "round {round}, {}, {bytes:02x?} cut at {cuts:?}",
                    e.name()
                );
            }
        }
    }

    #[test]
    fn every_windows_1252_byte_as_encoding_rs_reads_it() {
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(
            ours(Legacy::Windows1252, &all, &[]),
            theirs(encoding_rs::WINDOWS_1252, &all, &[])
        );
    }
}
