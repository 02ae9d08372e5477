//! The tokenizer as it was before the structural scan ([`super::structural`]), kept for the
//! tests only: the differential test reads generated inputs with both and wants the same
//! records, lines, spans and ends. Its searches run byte by byte for short fields and `memchr3`
//! past them, from each field's start.

use super::{Next, MAX_FIELDS};
use crate::table::{Quoting, Span};
use memchr::memchr3;

/// A tokenizer of delimited text, record by record.
pub(super) struct Oracle {
    delimiter: u8,
    /// The line the next record starts on, or a blank line before it.
    line: u64,
    spans: Vec<Span>,
    /// Quotes read as characters: (line, 0-based field) of each, sorted (a stray quote the
    /// user asked to read literally).
    literal: Vec<(u64, u32)>,
}

/// The short fields most exports are made of end within this many bytes: a plain loop finds
/// their end faster than a vector search that has to be set up.
const SHORT: usize = 16;

impl Oracle {
    /// A tokenizer splitting fields on `delimiter` (an ASCII byte).
    pub(super) fn new(delimiter: u8) -> Oracle {
        Oracle {
            delimiter,
            line: 1,
            spans: Vec::with_capacity(64),
            literal: Vec::new(),
        }
    }

    /// Reads the quote opening field `field` (0-based) on `line` as a character, for each of
    /// `quotes`.
    pub(super) fn take_literally(&mut self, quotes: &[(u64, u32)]) {
        self.literal = quotes.to_vec();
        self.literal.sort_unstable();
    }

    /// The line the next record starts on (or a blank line before it).
    pub(super) fn line(&self) -> u64 {
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

    /// The fields of the record [`next`](Oracle::next) last found.
    pub(super) fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// Reads the record at `from` in `text`. `last` says the text is all there is; without
    /// it, a record the text ends inside gives [`Next::More`] and is read again, whole, once
    /// more text came.
    pub(super) fn next(&mut self, text: &str, from: usize, last: bool) -> Next {
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
        loop {
            let field = if b[p] == b'"' && !self.literal(line) {
                self.quoted(b, p, last, &mut line)
            } else {
                self.unquoted(b, p, last)
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

    /// A field that does not start with a quote: up to the next delimiter or line end.
    fn unquoted(&self, b: &[u8], p: usize, last: bool) -> Field {
        match find_field_end(self.delimiter, &b[p..]) {
            Some(k) => Field::Read(plain(p, p + k), p + k),
            None if last => Field::Read(plain(p, b.len()), b.len()),
            None => Field::More,
        }
    }

    /// A field starting with a quote at `p`: up to the quote that closes it (`""` is a quote
    /// inside), counting the line breaks inside.
    fn quoted(&self, b: &[u8], p: usize, last: bool, line: &mut u64) -> Field {
        let inner = p + 1;
        let mut q = inner;
        let mut quoting = Quoting::Quoted;
        // Line breaks are counted on the way to the closing quote: `\n`, `\r\n` and a lone
        // `\r` each one, as [`line_breaks`] counts them.
        let mut breaks = 0;
        let close = loop {
            let Some(k) = find_quote_or_break(&b[q..]) else {
                return if last {
                    Field::OpenQuote(*line)
                } else {
                    Field::More
                };
            };
            let at = q + k;
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
                (_, Some(b'"')) => {
                    quoting = Quoting::Escaped;
                    q = at + 2;
                }
                (_, None) if !last => return Field::More,
                _ => break at,
            }
        };
        *line += breaks;
        let end = close + 1;
        match b.get(end) {
            // `"abc"def`: the text after the closing quote belongs to the field.
            Some(&c) if c != self.delimiter && c != b'\n' && c != b'\r' => {
                match find_field_end(self.delimiter, &b[end..]) {
                    Some(k) => Field::Read(irregular(p, end + k), end + k),
                    None if last => Field::Read(irregular(p, b.len()), b.len()),
                    None => Field::More,
                }
            }
            _ => Field::Read(
                Span {
                    start: offset(inner),
                    end: offset(close),
                    quoting,
                },
                end,
            ),
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

/// The first delimiter or line end in `s`.
#[inline]
fn find_field_end(d: u8, s: &[u8]) -> Option<usize> {
    let short = s.len().min(SHORT);
    if let Some(i) = s[..short]
        .iter()
        .position(|&c| c == d || c == b'\n' || c == b'\r')
    {
        return Some(i);
    }
    memchr3(d, b'\n', b'\r', &s[short..]).map(|k| k + short)
}

/// The first quote or line end in `s`.
#[inline]
fn find_quote_or_break(s: &[u8]) -> Option<usize> {
    let short = s.len().min(SHORT);
    if let Some(i) = s[..short]
        .iter()
        .position(|&c| c == b'"' || c == b'\n' || c == b'\r')
    {
        return Some(i);
    }
    memchr3(b'"', b'\n', b'\r', &s[short..]).map(|k| k + short)
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
