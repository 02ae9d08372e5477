//! Bytes to text, chunk by chunk: UTF-8 with or without a byte order mark, UTF-16 LE or BE
//! with one (Excel's "Unicode text"), and Windows-1252 (Latin-1) when the bytes are not UTF-8.
//!
//! A chunk may end anywhere, inside a UTF-8 sequence or a UTF-16 pair: what cannot be decoded
//! yet waits for the next chunk, so the text is the same however the bytes were cut.
//!
//! Without a byte order mark the text is read as UTF-8 until a byte says otherwise. If nothing
//! but ASCII came before that byte, the file is Windows-1252, and since ASCII reads the same in
//! both, nothing already decoded changes. If UTF-8 letters came before it, or come in the
//! 4 KiB after it, the file is UTF-8 with damaged bytes: they become `�` and are counted. The
//! decision looks at a fixed window of bytes, never at where a chunk ends.

mod legacy;

pub(crate) use crate::table::Encoding;
use legacy::Legacy;

/// The bytes looked at after the first one that is not UTF-8, to tell a Windows-1252 file from
/// a damaged UTF-8 one.
const DECIDE_WINDOW: usize = 4096;

enum State {
    /// Fewer than 3 bytes seen: no BOM can be told yet.
    Start(Vec<u8>),
    /// UTF-8; `pending` is the start of a sequence cut by the chunk's end.
    Utf8 { pending: Vec<u8> },
    /// A byte that is not UTF-8 came after ASCII only: collecting the window to decide.
    Deciding(Vec<u8>),
    /// UTF-16 or Windows-1252 ([`legacy`]).
    Legacy(Legacy),
}

/// A streaming decoder: [`push`](TextDecoder::push) chunks, then [`finish`](TextDecoder::finish).
pub(crate) struct TextDecoder {
    state: State,
    encoding: Encoding,
    /// Whether any non-ASCII text was decoded as UTF-8 so far.
    non_ascii: bool,
    /// `\n` written so far, to place damaged bytes on a line.
    newlines: u64,
    /// Damaged UTF-8 sequences replaced by `�`.
    invalid: u64,
    /// Line of the first damaged sequence.
    first_invalid_line: Option<u64>,
    /// Control characters decoded (NUL and the like; not tab, line ends or form feed).
    control: u64,
    /// Line of the first of them.
    first_control_line: Option<u64>,
    /// Bytes given to a UTF-16 decoder, to notice an odd count.
    legacy_bytes: u64,
    /// Where this push's text starts in the caller's buffer.
    push_start: usize,
}

/// What the decoder saw once the input ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Decoded {
    /// The encoding the text was read with.
    pub encoding: Encoding,
    /// UTF-8 sequences that were damaged and became `�`.
    pub invalid: u64,
    /// The line of the first of them.
    pub first_invalid_line: Option<u64>,
    /// The bytes stopped in the middle of a character: the file is cut short.
    pub cut_in_character: bool,
    /// Control characters in the text (NUL and the like; not tab, line ends or form feed).
    pub control: u64,
    /// The line of the first of them.
    pub first_control_line: Option<u64>,
}

impl Default for TextDecoder {
    fn default() -> Self {
        TextDecoder::new()
    }
}

impl TextDecoder {
    /// A decoder that will sniff the encoding from the first bytes.
    pub(crate) fn new() -> TextDecoder {
        TextDecoder {
            state: State::Start(Vec::new()),
            encoding: Encoding::Utf8,
            non_ascii: false,
            newlines: 0,
            invalid: 0,
            first_invalid_line: None,
            control: 0,
            first_control_line: None,
            legacy_bytes: 0,
            push_start: 0,
        }
    }

    /// The encoding chosen so far (UTF-8 until the bytes say otherwise).
    pub(crate) fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Decodes `bytes`, appending the text to `out`.
    pub(crate) fn push(&mut self, bytes: &[u8], out: &mut String) {
        let start = out.len();
        self.push_start = start;
        self.push_inner(bytes, out, false);
        self.count_newlines(&out[start..]);
    }

    /// Ends the input: decodes what was waiting and says how it went.
    pub(crate) fn finish(&mut self, out: &mut String) -> Decoded {
        let start = out.len();
        self.push_start = start;
        self.push_inner(&[], out, true);
        let cut = match &mut self.state {
            State::Utf8 { pending } => {
                let cut = !pending.is_empty();
                if cut {
                    out.push('\u{fffd}');
                    pending.clear();
                }
                cut
            }
            State::Legacy(_) => {
                matches!(self.encoding, Encoding::Utf16Le | Encoding::Utf16Be)
                    && self.legacy_bytes % 2 == 1
            }
            _ => false,
        };
        self.count_newlines(&out[start..]);
        Decoded {
            encoding: self.encoding,
            invalid: self.invalid,
            first_invalid_line: self.first_invalid_line,
            cut_in_character: cut,
            control: self.control,
            first_control_line: self.first_control_line,
        }
    }

    /// Counts the line ends and control characters of text just decoded, in one pass.
    fn count_newlines(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let seen = controls(bytes);
        if let (Some(at), None) = (seen.first, self.first_control_line) {
            let before = memchr::memchr_iter(b'\n', &bytes[..at]).count() as u64;
            self.first_control_line = Some(self.newlines + before + 1);
        }
        self.control += seen.control;
        self.newlines += seen.newlines;
    }

    fn push_inner(&mut self, bytes: &[u8], out: &mut String, last: bool) {
        match &mut self.state {
            State::Start(head) => {
                head.extend_from_slice(bytes);
                if head.len() < 4 && !last {
                    return;
                }
                let head = std::mem::take(head);
                self.begin(&head, out, last);
            }
            State::Utf8 { pending } if pending.is_empty() => self.utf8(bytes, out, last),
            State::Utf8 { pending } => {
                let pending = std::mem::take(pending);
                self.complete(pending, bytes, out, last);
            }
            State::Deciding(window) => {
                window.extend_from_slice(bytes);
                if window.len() >= DECIDE_WINDOW || last {
                    let window = std::mem::take(window);
                    self.decide(&window, out, last);
                }
            }
            State::Legacy(decoder) => {
                self.legacy_bytes += bytes.len() as u64;
                decoder.decode(bytes, out, last);
            }
        }
    }

    /// Sniffs the encoding from the first bytes (`head`), then decodes them.
    fn begin(&mut self, head: &[u8], out: &mut String, last: bool) {
        let (encoding, skip) = sniff(head);
        self.encoding = encoding;
        self.state = match encoding {
            Encoding::Utf16Le => State::Legacy(Legacy::utf16(false)),
            Encoding::Utf16Be => State::Legacy(Legacy::utf16(true)),
            _ => State::Utf8 {
                pending: Vec::new(),
            },
        };
        self.push_inner(&head[skip..], out, last);
    }

    /// Completes the UTF-8 sequence the previous chunk cut (`seq`) with the first of `bytes`,
    /// then decodes the rest; a sequence still short waits for the next chunk.
    fn complete(&mut self, mut seq: Vec<u8>, bytes: &[u8], out: &mut String, last: bool) {
        let len: usize = match seq[0] {
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 2,
        };
        let need = len.saturating_sub(seq.len());
        if bytes.len() < need && !last {
            seq.extend_from_slice(bytes);
            self.state = State::Utf8 { pending: seq };
            return;
        }
        let take = need.min(bytes.len());
        seq.extend_from_slice(&bytes[..take]);
        if std::str::from_utf8(&seq).is_ok() {
            self.utf8(&seq, out, false);
            self.push_inner(&bytes[take..], out, last);
        } else {
            // Damaged: read the joined bytes from the start of the sequence.
            seq.extend_from_slice(&bytes[take..]);
            self.utf8(&seq, out, last);
        }
    }

    /// Decodes UTF-8 from a fresh start (no pending bytes).
    fn utf8(&mut self, mut bytes: &[u8], out: &mut String, last: bool) {
        // Most chunks are valid: checked with SIMD first (simdutf8, which encoding_rs
        // already brings), the standard library's check only to place a damaged byte.
        if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
            self.note_ascii(text);
            out.push_str(text);
            return;
        }
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    self.note_ascii(text);
                    out.push_str(text);
                    return;
                }
                Err(e) => {
                    let (good, rest) = bytes.split_at(e.valid_up_to());
                    // `good` was just validated: this cannot fail.
                    let text = std::str::from_utf8(good).unwrap_or_default();
                    self.note_ascii(text);
                    out.push_str(text);
                    match e.error_len() {
                        None => {
                            // A sequence cut by the chunk's end waits for the rest; at the
                            // end of the input, `finish` reports it.
                            self.state = State::Utf8 {
                                pending: rest.to_vec(),
                            };
                            return;
                        }
                        Some(bad) => {
                            if !self.non_ascii && self.encoding == Encoding::Utf8 {
                                self.state = State::Deciding(Vec::new());
                                self.push_inner(rest, out, last);
                                return;
                            }
                            self.damaged(out);
                            bytes = &rest[bad..];
                        }
                    }
                }
            }
        }
    }

    /// Notes whether `text` holds anything but ASCII, until something did.
    fn note_ascii(&mut self, text: &str) {
        if !self.non_ascii {
            self.non_ascii = !text.is_ascii();
        }
    }

    fn damaged(&mut self, out: &mut String) {
        self.invalid += 1;
        if self.first_invalid_line.is_none() {
            let this_push = out.get(self.push_start..).unwrap_or("");
            let before = this_push.bytes().filter(|&b| b == b'\n').count() as u64;
            // `newlines` counts what earlier pushes wrote.
            self.first_invalid_line = Some(self.newlines + before + 1);
        }
        out.push('\u{fffd}');
    }

    /// The first non-UTF-8 byte came after ASCII only: UTF-8 letters in the window mean a
    /// damaged UTF-8 file, none mean Windows-1252.
    fn decide(&mut self, window: &[u8], out: &mut String, last: bool) {
        if has_utf8_letters(window) {
            self.non_ascii = true;
            self.state = State::Utf8 {
                pending: Vec::new(),
            };
            self.utf8(window, out, last);
        } else {
            self.encoding = Encoding::Windows1252;
            self.state = State::Legacy(Legacy::Windows1252);
            self.push_inner(window, out, last);
        }
    }
}

/// A control character no table holds: below space, but not tab, line feed, form feed or
/// carriage return; or DEL.
#[inline]
fn is_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0c | b'\r')) || b == 0x7f
}

/// What [`controls`] found in a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Seen {
    /// Control characters.
    control: u64,
    /// Where the first is.
    first: Option<usize>,
    /// Line feeds.
    newlines: u64,
}

/// The control characters of `bytes`, where the first is, and the line feeds, in one pass.
/// Eight bytes at a time: a word with no byte below space and no DEL (most words of a text)
/// holds neither and is passed over at once; the others are read byte by byte.
fn controls(bytes: &[u8]) -> Seen {
    const LOW: u64 = 0x2020_2020_2020_2020;
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const DEL: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let mut seen = Seen::default();
    let note = |b: u8, at: usize, seen: &mut Seen| {
        seen.newlines += u64::from(b == b'\n');
        if is_control(b) {
            seen.control += 1;
            seen.first = seen.first.or(Some(at));
        }
    };
    let mut at = 0;
    // Arrays of eight, read as words by value: copying each from a slice was a call and a
    // `memcpy` per word in WebAssembly (opt-level "s").
    let (words, rest) = bytes.as_chunks::<8>();
    for word in words {
        let x = u64::from_le_bytes(*word);
        let below_space = x.wrapping_sub(LOW) & !x & HIGH;
        let d = x ^ DEL;
        let del = d.wrapping_sub(ONES) & !d & HIGH;
        if below_space | del != 0 {
            for (k, &b) in word.iter().enumerate() {
                note(b, at + k, &mut seen);
            }
        }
        at += 8;
    }
    for (k, &b) in rest.iter().enumerate() {
        note(b, at + k, &mut seen);
    }
    seen
}

/// The encoding its first bytes announce, and the length of the byte order mark.
fn sniff(head: &[u8]) -> (Encoding, usize) {
    match head {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding::Utf8Bom, 3),
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
        // No BOM, but ASCII text written as UTF-16: every other byte is zero.
        [a, 0, b, 0, ..] if *a != 0 && *b != 0 => (Encoding::Utf16Le, 0),
        [0, a, 0, b, ..] if *a != 0 && *b != 0 => (Encoding::Utf16Be, 0),
        _ => (Encoding::Utf8, 0),
    }
}

/// Whether `bytes` hold at least one complete multi-byte UTF-8 sequence.
fn has_utf8_letters(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => {
                i += 1;
                continue;
            }
        };
        if let Some(seq) = bytes.get(i..i + len) {
            if std::str::from_utf8(seq).is_ok() {
                return true;
            }
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_chunks(chunks: &[&[u8]]) -> (String, Decoded) {
        let mut d = TextDecoder::new();
        let mut out = String::new();
        for c in chunks {
            d.push(c, &mut out);
        }
        let r = d.finish(&mut out);
        (out, r)
    }

    fn decode_split_everywhere(bytes: &[u8]) -> (String, Decoded) {
        let whole = decode_chunks(&[bytes]);
        for i in 0..=bytes.len() {
            let (a, b) = bytes.split_at(i);
            assert_eq!(decode_chunks(&[a, b]), whole, "split at {i}");
        }
        // One byte at a time.
        let singles: Vec<&[u8]> = bytes.chunks(1).collect();
        assert_eq!(decode_chunks(&singles), whole, "byte by byte");
        whole
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, r) = decode_split_everywhere("a,é\n😀,ü".as_bytes());
        assert_eq!(t, "a,é\n😀,ü");
        assert_eq!(r.encoding, Encoding::Utf8);
        let (t, r) = decode_split_everywhere(b"\xEF\xBB\xBFid,x");
        assert_eq!(t, "id,x");
        assert_eq!(r.encoding, Encoding::Utf8Bom);
        assert_eq!(r.invalid, 0);
        assert!(!r.cut_in_character);
    }

    #[test]
    fn utf16_both_ways() {
        let text = "Date\tVues\n12 avril\t1 234,5 😀\n";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let (t, r) = decode_split_everywhere(&le);
        assert_eq!(t, text);
        assert_eq!(r.encoding, Encoding::Utf16Le);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let (t, r) = decode_split_everywhere(&be);
        assert_eq!(t, text);
        assert_eq!(r.encoding, Encoding::Utf16Be);
        // Cut in the middle of a code unit.
        let (_, r) = decode_chunks(&[&le[..le.len() - 1]]);
        assert!(r.cut_in_character);
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        let bytes = b"Date,Ville\n1/1/2014,Montr\xe9al\n1/2/2014,\x80 Gen\xe8ve\n";
        let (t, r) = decode_split_everywhere(bytes);
        assert_eq!(t, "Date,Ville\n1/1/2014,Montréal\n1/2/2014,€ Genève\n");
        assert_eq!(r.encoding, Encoding::Windows1252);
        assert_eq!(r.invalid, 0);
    }

    #[test]
    fn damaged_utf8_is_replaced_and_placed() {
        let bytes = "a,é\nb,\u{fc}\n".as_bytes().to_vec();
        let mut damaged = bytes.clone();
        damaged.extend_from_slice(b"c,\xff\n");
        let (t, r) = decode_split_everywhere(&damaged);
        assert_eq!(t, "a,é\nb,ü\nc,\u{fffd}\n");
        assert_eq!(r.encoding, Encoding::Utf8);
        assert_eq!((r.invalid, r.first_invalid_line), (1, Some(3)));
        // A stray byte after ASCII, with UTF-8 letters soon after: still UTF-8.
        let (t, r) = decode_split_everywhere(b"id\n1,\xff\n2,caf\xc3\xa9\n");
        assert_eq!(t, "id\n1,\u{fffd}\n2,café\n");
        assert_eq!(
            (r.encoding, r.invalid, r.first_invalid_line),
            (Encoding::Utf8, 1, Some(2))
        );
    }

    #[test]
    fn a_cut_sequence_at_the_end_is_reported() {
        let (t, r) = decode_chunks(&[b"ok,\xc3"]);
        assert_eq!(t, "ok,\u{fffd}");
        assert!(r.cut_in_character);
    }

    #[test]
    fn control_characters_are_counted_anywhere() {
        let mut bytes = b"id,text\n".repeat(20_000);
        bytes.extend_from_slice(b"12\0\0\0,x\n\t\x0c\r\n");
        let (_, r) = decode_chunks(&[&bytes[..70_000], &bytes[70_000..]]);
        assert_eq!((r.control, r.first_control_line), (3, Some(20_001)));
    }

    #[test]
    fn controls_in_words_and_tails() {
        let seen = |b: &[u8]| {
            let s = controls(b);
            (s.control, s.first, s.newlines)
        };
        assert_eq!(seen(b"abc"), (0, None, 0));
        assert_eq!(seen(b"ab\tc\r\nde\x0cfghij\x7f\x00"), (2, Some(14), 1));
        assert_eq!(seen("é€\u{1}".as_bytes()), (1, Some(5), 0));
        let mut long = vec![b'x'; 100];
        long[77] = 0x1b;
        long[3] = b'\n';
        long[96] = b'\n';
        assert_eq!(seen(&long), (1, Some(77), 2));
        // Line feeds anywhere, counted as `memchr` counts them.
        let text = b"a\nbc\n\n\rdefghijklmnop\nq\x01rstuvwxyz\n\n";
        for i in 0..text.len() {
            let n = memchr::memchr_iter(b'\n', &text[i..]).count() as u64;
            assert_eq!(controls(&text[i..]).newlines, n, "from {i}");
        }
    }

    #[test]
    fn tiny_inputs() {
        assert_eq!(decode_chunks(&[]).0, "");
        assert_eq!(decode_chunks(&[b"a"]).0, "a");
        assert_eq!(decode_chunks(&[b"\xEF\xBB"]).0, "\u{fffd}");
    }
}
