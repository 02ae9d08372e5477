//! Delimited text: RFC 4180 quoting (`""` inside quotes, delimiters and line breaks inside
//! quoted fields), `\n`, `\r\n` or `\r` line ends, and the physical line each record starts
//! on. The [`Tokenizer`] finds a record's fields as [`Span`]s over the decoded text, jumping
//! from one structural byte (delimiter, quote, line end) to the next with a [`structural`]
//! cursor: in the shipped wasm, bit masks of 64 bytes built eight bytes at a time; natively,
//! `memchr3`. Nothing is copied or allocated per field, and a field is unquoted only when the
//! formats read it.
//!
//! Written by hand rather than on `csv-core` or `simd-csv` because the reports need what they
//! do not give: the exact line a record starts on (their counts lag on `\r\n` and quoted line
//! breaks), blank lines, text after a closing quote kept as spreadsheets keep it
//! (`"abc"def`), and where a quote that never closes opened (a file cut short). The scan for
//! the structural bytes is hand-written too: simd-csv's masks are built with vector
//! instructions (`simd128` in wasm, which the shipped bundle is built without to hold its size
//! budget, and `unsafe` loads, which this workspace forbids), csv-core's state machine reads
//! a byte at a time, and `memchr3` without vectors reads four bytes at a time from each
//! field's start; `structural.rs` builds simd-csv's masks on plain `u64` words (SWAR).

use crate::table::{Quoting, Span};
use memchr::{memchr, memchr_iter};
use structural::{Run, Structural};

#[cfg(test)]
mod oracle;
mod structural;

pub(crate) use crate::table::NO_DELIMITER;

/// What the tokenizer found at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Next {
    /// A record starting on `line`, its fields in [`Tokenizer::spans`]; the next record
    /// starts at `end`. `unterminated`: the input ended without a line end after it.
    Record {
        /// The line it starts on.
        line: u64,
        /// Where the next record starts.
        end: usize,
        /// It ends the input with no line end.
        unterminated: bool,
    },
    /// The text ends inside a record: more is needed.
    More,
    /// The input ended inside a quoted field that opened on `line`, in field `field`
    /// (0-based): the file is cut short, or the quote is a stray one, and that last record
    /// is not given.
    OpenQuote {
        /// The line the quote opened on.
        line: u64,
        /// The field it opens.
        field: u32,
    },
    /// The record starting on this line has more than [`MAX_FIELDS`] fields.
    TooWide(u64),
    /// Nothing more: the input ended on a record boundary.
    End,
}

/// The most fields a record may have (Excel's sheets have 16,384 columns).
pub(crate) const MAX_FIELDS: usize = 100_000;

/// A tokenizer of delimited text, record by record.
pub(crate) struct Tokenizer {
    delimiter: u8,
    /// The line the next record starts on, or a blank line before it.
    line: u64,
    spans: Vec<Span>,
    /// Quotes read as characters: (line, 0-based field) of each, sorted (a stray quote the
    /// user asked to read literally).
    literal: Vec<(u64, u32)>,
}

impl Tokenizer {
    /// A tokenizer splitting fields on `delimiter` (an ASCII byte).
    pub(crate) fn new(delimiter: u8) -> Tokenizer {
        Tokenizer {
            delimiter,
            line: 1,
            spans: Vec::with_capacity(64),
            literal: Vec::new(),
        }
    }

    /// Reads the quote opening field `field` (0-based) on `line` as a character, for each of
    /// `quotes`.
    pub(crate) fn take_literally(&mut self, quotes: &[(u64, u32)]) {
        self.literal = quotes.to_vec();
        self.literal.sort_unstable();
    }

    /// The delimiter.
    pub(crate) fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The line the next record starts on (or a blank line before it).
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Whether the quote opening the next field, on `line`, is read as a character.
    fn literal(&self, line: u64) -> bool {
        !self.literal.is_empty()
            && self
                .literal
                .binary_search(&(line, self.spans.len() as u32))
                .is_ok()
    }

    /// The fields of the record [`next`](Tokenizer::next) last found.
    pub(crate) fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Reads the record at `from` in `text`. `last` says the text is all there is; without
    /// it, a record the text ends inside gives [`Next::More`] and is read again, whole, once
    /// more text came.
    pub(crate) fn next(&mut self, text: &str, from: usize, last: bool) -> Next {
        let b = text.as_bytes();
        let mut line = self.line;
        let Some(start) = skip_blank_lines(b, from, last, &mut line) else {
            return Next::More;
        };
        if start >= b.len() {
            if !last {
                return Next::More;
            }
            self.line = line;
            return Next::End;
        }
        self.spans.clear();
        let record_line = line;
        let mut p = start;
        let mut scan = Structural::new(b, self.delimiter, start);
        loop {
            let field = if b[p] == b'"' && !self.literal(line) {
                quoted(&mut scan, b, p, last, &mut line)
            } else {
                unquoted(&mut scan, b, p, last)
            };
            let (span, end) = match field {
                Field::Read(span, end) => (span, end),
                Field::More => return Next::More,
                Field::OpenQuote(opened) => {
                    self.line = line;
                    return Next::OpenQuote {
                        line: opened,
                        field: self.spans.len() as u32,
                    };
                }
            };
            self.spans.push(span);
            match self.after_field(b, end, last) {
                After::Field(_) if self.spans.len() >= MAX_FIELDS => {
                    return Next::TooWide(record_line)
                }
                After::Field(next) => p = next,
                After::EmptyLast => {
                    self.spans.push(empty(end + 1));
                    return self.record(record_line, line, b.len(), true);
                }
                After::Record(next) => return self.record(record_line, line + 1, next, false),
                After::EndOfInput => return self.record(record_line, line, b.len(), true),
                After::More => return Next::More,
            }
        }
    }

    fn record(&mut self, line: u64, next_line: u64, end: usize, unterminated: bool) -> Next {
        self.line = next_line;
        Next::Record {
            line,
            end,
            unterminated,
        }
    }

    /// What follows a field ending at `p`.
    fn after_field(&self, b: &[u8], p: usize, last: bool) -> After {
        match b.get(p) {
            None if last => After::EndOfInput,
            None => After::More,
            Some(&c) if c == self.delimiter => match b.get(p + 1) {
                Some(_) => After::Field(p + 1),
                None if last => After::EmptyLast,
                None => After::More,
            },
            Some(b'\n') => After::Record(p + 1),
            // `\r`: a `\n` right after belongs to it.
            Some(_) => match b.get(p + 1) {
                Some(b'\n') => After::Record(p + 2),
                Some(_) => After::Record(p + 1),
                None if last => After::Record(p + 1),
                None => After::More,
            },
        }
    }
}

/// A field that does not start with a quote: up to the next delimiter or line end.
fn unquoted(scan: &mut Structural<'_>, b: &[u8], p: usize, last: bool) -> Field {
    match field_end(scan, b, p) {
        Some(e) => Field::Read(plain(p, e), e),
        None if last => Field::Read(plain(p, b.len()), b.len()),
        None => Field::More,
    }
}

/// The first delimiter or line end at or after `p`.
#[inline(always)]
fn field_end(scan: &mut Structural<'_>, b: &[u8], mut p: usize) -> Option<usize> {
    if Structural::EXACT {
        return scan.next(p, Run::Unquoted);
    }
    loop {
        let at = scan.next(p, Run::Unquoted)?;
        match b.get(at) {
            Some(&c) if c == scan.delimiter() || c == b'\n' || c == b'\r' => return Some(at),
            _ => p = at + 1,
        }
    }
}

/// A field starting with a quote at `p`: up to the quote that closes it (`""` is a quote
/// inside), counting the line breaks inside.
fn quoted(scan: &mut Structural<'_>, b: &[u8], p: usize, last: bool, line: &mut u64) -> Field {
    let inner = p + 1;
    let mut q = inner;
    let mut quoting = Quoting::Quoted;
    // Line breaks are counted on the way to the closing quote: `\n`, `\r\n` and a lone
    // `\r` each one, as [`line_breaks`] counts them.
    let mut breaks = 0;
    let close = loop {
        let Some(at) = scan.next(q, Run::Quoted) else {
            return if last {
                Field::OpenQuote(*line)
            } else {
                Field::More
            };
        };
        match (b[at], b.get(at + 1)) {
            (b'\n', _) => {
                breaks += 1;
                q = at + 1;
            }
            (b'\r', Some(b'\n')) => {
                breaks += 1;
                q = at + 2;
            }
            (b'\r', _) => {
                breaks += 1;
                q = at + 1;
            }
            (b'"', Some(b'"')) => {
                quoting = Quoting::Escaped;
                q = at + 2;
            }
            (b'"', None) if !last => return Field::More,
            (b'"', _) => break at,
            // A delimiter, a tab, another control character: text.
            _ => q = at + 1,
        }
    };
    *line += breaks;
    let end = close + 1;
    let span = Span {
        start: offset(inner),
        end: offset(close),
        quoting,
    };
    match b.get(end) {
        Some(&c) if c != scan.delimiter() && c != b'\n' && c != b'\r' => {
            // `"abc"def`: the text after the closing quote belongs to the field.
            match field_end(scan, b, end) {
                Some(e) => Field::Read(irregular(p, e), e),
                None if last => Field::Read(irregular(p, b.len()), b.len()),
                None => Field::More,
            }
        }
        _ => Field::Read(span, end),
    }
}

enum Field {
    /// The field's span, and where it ends in the text.
    Read(Span, usize),
    More,
    /// The input ended inside this quoted field, opened on this line.
    OpenQuote(u64),
}

enum After {
    /// Another field starts here.
    Field(usize),
    /// A delimiter ended the input: one more, empty, field.
    EmptyLast,
    /// The record ended; the next starts here.
    Record(usize),
    /// The input ended after the field.
    EndOfInput,
    More,
}

/// Skips the blank lines at `p`, counting them; `None` when a `\r` ends the text and more may
/// come (a `\n` after it would belong to it).
fn skip_blank_lines(b: &[u8], mut p: usize, last: bool, line: &mut u64) -> Option<usize> {
    while p < b.len() {
        match b[p] {
            b'\n' => p += 1,
            b'\r' => match b.get(p + 1) {
                Some(b'\n') => p += 2,
                None if !last => return None,
                _ => p += 1,
            },
            _ => break,
        }
        *line += 1;
    }
    Some(p)
}

/// Line breaks inside a quoted field: `\n`, `\r\n` and a lone `\r` each count one.
pub(crate) fn line_breaks(s: &[u8]) -> u64 {
    let lf = memchr_iter(b'\n', s).count();
    if memchr(b'\r', s).is_none() {
        return lf as u64;
    }
    let lone_cr = memchr_iter(b'\r', s)
        .filter(|&i| s.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + lone_cr) as u64
}

/// A text position as a span offset: texts are held below 4 GiB (`import` bounds a record).
fn offset(p: usize) -> u32 {
    u32::try_from(p).unwrap_or(u32::MAX)
}

fn plain(start: usize, end: usize) -> Span {
    Span {
        start: offset(start),
        end: offset(end),
        quoting: Quoting::Plain,
    }
}

fn irregular(start: usize, end: usize) -> Span {
    Span {
        start: offset(start),
        end: offset(end),
        quoting: Quoting::Irregular,
    }
}

fn empty(at: usize) -> Span {
    plain(at, at)
}

/// Every record of `text` (the whole input), read as the readers read it: each record's line
/// and fields, unquoted, then how the input ended.
#[cfg(test)]
pub(crate) fn records(text: &str, delimiter: u8) -> (Vec<(u64, Vec<String>)>, Next) {
    let mut t = Tokenizer::new(delimiter);
    let mut out = Vec::new();
    let mut pos = 0;
    loop {
        match t.next(text, pos, true) {
            Next::Record { line, end, .. } => {
                out.push((
                    line,
                    t.spans()
                        .iter()
                        .map(|s| s.field(text).into_owned())
                        .collect(),
                ));
                pos = end;
            }
            end => return (out, end),
        }
    }
}

/// The delimiters tried, in order of preference on a tie.
pub(crate) const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many fields each record of `sample` has when split on `d`, leaving out `#` lines,
/// blank records and, unless `complete`, the last record (it may be cut).
fn field_counts(sample: &str, d: u8, complete: bool) -> Vec<usize> {
    let mut t = Tokenizer::new(d);
    let mut counts = Vec::new();
    let mut pos = 0;
    while let Next::Record {
        end, unterminated, ..
    } = t.next(sample, pos, true)
    {
        pos = end;
        if unterminated && !complete {
            break;
        }
        let fields = t.spans();
        let comment = fields
            .first()
            .is_some_and(|f| f.field(sample).starts_with('#'));
        let blank = fields.iter().all(|f| f.field(sample).trim().is_empty());
        if !comment && (unterminated || !blank) {
            counts.push(fields.len());
        }
    }
    counts
}

/// Guesses the delimiter from the start of a file: the candidate that splits the most records
/// into the same number of fields (more than one). `None` when none does: a single column.
/// Lines starting with `#` (Google Analytics' preamble) are left out. `complete` says whether
/// `sample` is the whole file (otherwise its last, maybe cut, record is left out).
pub(crate) fn sniff_delimiter(sample: &str, complete: bool) -> Option<u8> {
    let mut best: Option<(u8, (usize, usize, usize))> = None;
    for d in DELIMITERS {
        let counts = field_counts(sample, d, complete);
        if counts.is_empty() {
            continue;
        }
        // The most frequent field count, and how many records have it.
        let mut sorted = counts.clone();
        sorted.sort_unstable();
        let (mut mode, mut mode_n, mut run_v, mut run_n) = (0, 0, usize::MAX, 0);
        for &c in &sorted {
            if c == run_v {
                run_n += 1;
            } else {
                run_v = c;
                run_n = 1;
            }
            if run_n > mode_n {
                mode = c;
                mode_n = run_n;
            }
        }
        if mode < 2 {
            continue;
        }
        // Prefer consistency (records with the mode), then wider records.
        let score = (mode_n * 100 / counts.len(), mode_n, mode);
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((d, score));
        }
    }
    best.map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::XorShift;

    #[test]
    fn example_of_sniff_delimiter() {
        use crate::import::csv::sniff_delimiter;
        assert_eq!(
            sniff_delimiter("Date;Vues\n1/1;1 234,5\n", true),
            Some(b';')
        );
        assert_eq!(sniff_delimiter("a,b\n\"1,5\",2\n", true), Some(b','));
        assert_eq!(
            sniff_delimiter("Alice\nBob, the builder\nCarol\n", true),
            None
        );
    }

    type Record = (u64, Vec<String>);

    fn rec(line: u64, fields: &[&str]) -> Record {
        (line, fields.iter().map(|f| f.to_string()).collect())
    }

    /// Reads `text` as the text reader does when it arrives cut at `cuts`: each record read
    /// once its end is there, read again from its start when it was not.
    fn parse_chunks(delimiter: u8, text: &str, cuts: &[usize]) -> (Vec<Record>, Next) {
        let mut t = Tokenizer::new(delimiter);
        let mut out = Vec::new();
        let log = drive(text, cuts, |pending, from, last| {
            let next = t.next(pending, from, last);
            if let Next::Record { line, .. } = next {
                let fields = t.spans().iter().map(|s| s.field(pending).into_owned());
                out.push((line, fields.collect()));
            }
            (next, Vec::new(), 0)
        });
        let end = match log.last() {
            Some((Next::Record { .. }, ..)) | None => Next::More,
            Some((end, ..)) => *end,
        };
        (out, end)
    }

    /// Parses `text` whole, then cut at every character boundary, and checks they agree.
    fn parse_everywhere(delimiter: u8, text: &str) -> (Vec<Record>, Next) {
        let whole = parse_chunks(delimiter, text, &[]);
        assert_eq!(whole, records(text, delimiter));
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(parse_chunks(delimiter, text, &[i]), whole, "cut at {i}");
        }
        whole
    }

    #[test]
    fn quoting_and_line_ends() {
        let text =
            "id,text,n\r\n1,\"a, \"\"quoted\"\"\r\nnewline\",3\r\n\r\n2,plain,4\n3,\"x\"y,5\r6,,\n";
        let (records, end) = parse_everywhere(b',', text);
        assert_eq!(
            records,
            vec![
                rec(1, &["id", "text", "n"]),
                rec(2, &["1", "a, \"quoted\"\r\nnewline", "3"]),
                rec(5, &["2", "plain", "4"]),
                rec(6, &["3", "xy", "5"]),
                rec(7, &["6", "", ""]),
            ]
        );
        assert_eq!(end, Next::End);
    }

    #[test]
    fn the_last_line_may_lack_its_end() {
        let (records, end) = parse_everywhere(b';', "a;b\n1;2");
        assert_eq!(records, vec![rec(1, &["a", "b"]), rec(2, &["1", "2"])]);
        assert_eq!(end, Next::End);
        let mut t = Tokenizer::new(b';');
        assert!(matches!(
            t.next("1;2", 0, true),
            Next::Record {
                unterminated: true,
                ..
            }
        ));
        let (records, _) = parse_everywhere(b';', "a;b\n1;");
        assert_eq!(records[1], rec(2, &["1", ""]));
        let (records, _) = parse_everywhere(b';', "a;b\n1;\"2\"");
        assert_eq!(records[1], rec(2, &["1", "2"]));
    }

    #[test]
    fn an_open_quote_at_the_end_is_a_cut_file() {
        let (records, end) = parse_everywhere(b',', "a,b\n1,2\n3,\"never\nclosed");
        assert_eq!(records, vec![rec(1, &["a", "b"]), rec(2, &["1", "2"])]);
        assert_eq!(end, Next::OpenQuote { line: 3, field: 1 });
        // The quote opened on the record's second line.
        let (_, end) = parse_everywhere(b',', "a,b\n\"x\ny\",\"never\nclosed");
        assert_eq!(end, Next::OpenQuote { line: 3, field: 1 });
    }

    /// What a tokenizer said at each call, as the text reader drives it.
    type Log = Vec<(Next, Vec<Span>, u64)>;

    /// Drives `next` (a tokenizer's `next`, `spans` and `line`) over `text` cut at `cuts` as
    /// the text reader does, logging every answer.
    fn drive(
        text: &str,
        cuts: &[usize],
        mut next: impl FnMut(&str, usize, bool) -> (Next, Vec<Span>, u64),
    ) -> Log {
        let mut log = Vec::new();
        let mut pending = String::new();
        let mut ends = cuts.to_vec();
        ends.push(text.len());
        let mut from = 0;
        for (k, &cut) in ends.iter().enumerate() {
            pending.push_str(&text[from..cut]);
            from = cut;
            let last = k + 1 == ends.len();
            let mut pos = 0;
            loop {
                let said = next(&pending, pos, last);
                let answer = said.0;
                log.push(said);
                match answer {
                    Next::Record { end, .. } => pos = end,
                    Next::More => break,
                    _ => return log,
                }
            }
            pending.drain(..pos);
        }
        log
    }

    /// A generated text of delimited records: quoted and plain fields, `""`, quotes in the
    /// middle of a field, `\n`, `\r\n` and lone `\r` line ends, blank lines, the three
    /// delimiters, a BOM, multi-byte characters, and pieces longer than a word.
    fn generated(rng: &mut XorShift, d: char) -> String {
        let pieces = [
            "\"",
            "\"\"",
            "\n",
            "\r\n",
            "\r",
            ",",
            ";",
            "\t",
            "a",
            "bc",
            "é",
            "😀",
            " ",
            "#",
            "0.5",
            "\"x\"",
            "-",
            "long text of more than sixteen bytes",
        ];
        let mut text = String::new();
        if rng.next().is_multiple_of(4) {
            text.push('\u{feff}');
        }
        for _ in 0..rng.next() % 40 {
            match rng.next() % 8 {
                0 | 1 => text.push(d),
                2 => text.push_str(["\n", "\r\n", "\r"][(rng.next() % 3) as usize]),
                3 => {
                    // A quoted field, maybe with a doubled quote, a delimiter or a break.
                    text.push('"');
                    text.push_str(&rng.text(&['a', d, '\n', 'é', ' ', '\r', 'b', 'c', 'd'], 90));
                    if rng.next().is_multiple_of(3) {
                        text.push_str("\"\"");
                    }
                    if !rng.next().is_multiple_of(6) {
                        text.push('"');
                    }
                }
                _ => text.push_str(pieces[(rng.next() % pieces.len() as u64) as usize]),
            }
        }
        text
    }

    #[test]
    fn the_structural_scan_reads_what_the_byte_loop_read() {
        let mut rng = XorShift(0x00c5_7a11);
        for round in 0..1500 {
            let d = [b',', b';', b'\t'][round % 3];
            let text = generated(&mut rng, d as char);
            // Now and then a quote read as a character (what the user may ask for).
            let literal: Vec<(u64, u32)> = (0..rng.next() % 3)
                .map(|_| (1 + rng.next() % 4, (rng.next() % 3) as u32))
                .collect();
            let mut cut_sets: Vec<Vec<usize>> = vec![vec![]];
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            cut_sets.extend(bounds.iter().map(|&i| vec![i]));
            for _ in 0..4 {
                let mut cuts: Vec<usize> = (0..1 + rng.next() % 5)
                    .map(|_| bounds[(rng.next() % bounds.len() as u64) as usize])
                    .collect();
                cuts.sort_unstable();
                cut_sets.push(cuts);
            }
            for cuts in &cut_sets {
                let mut new = Tokenizer::new(d);
                new.take_literally(&literal);
                let mut old = oracle::Oracle::new(d);
                old.take_literally(&literal);
                let ours = drive(&text, cuts, |t, from, last| {
                    let n = new.next(t, from, last);
                    (n, new.spans().to_vec(), new.line())
                });
                let theirs = drive(&text, cuts, |t, from, last| {
                    let n = old.next(t, from, last);
                    (n, old.spans().to_vec(), old.line())
                });
                assert_eq!(
                    ours, theirs,
                    "{text:?} cut at {cuts:?}, literal {literal:?}"
                );
            }
        }
    }

    #[test]
    fn sniffs_delimiters() {
        assert_eq!(sniff_delimiter("a\tb\tc\n1\t2\t3\n", true), Some(b'\t'));
        assert_eq!(sniff_delimiter("a|b\n1|2\n", true), Some(b'|'));
        assert_eq!(
            sniff_delimiter("Date;Impressions;Taux\n01/02/2026;1 234;12,5 %\n", true),
            Some(b';')
        );
        // GA preamble lines do not count.
        assert_eq!(
            sniff_delimiter(
                "# Start date: 20260501\n# x; y; z\nSource,Sessions\na,1\n",
                true
            ),
            Some(b',')
        );
        assert_eq!(sniff_delimiter("", true), None);
        assert_eq!(sniff_delimiter("just one column\nanother\n", true), None);
        // A cut last record is left out when the sample is not the whole file.
        assert_eq!(sniff_delimiter("a,b\n1,2\n3;4;5;6;7", false), Some(b','));
    }
}
