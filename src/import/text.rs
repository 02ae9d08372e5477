//! The text pipeline of one source: bytes are decoded ([`super::decode`]) into a buffer of
//! text not read yet, the [`Tokenizer`] finds its complete records, and each goes to the sink
//! as a [`TextRow`] of spans over that buffer; what was read is dropped from its front. A
//! record cut by a chunk's end waits whole for the next chunk, up to [`MAX_RECORD_BYTES`]:
//! past that the file is no table, or a stray quote opened (reading stops, and says where).
//! A quoted field that takes many lines reading like records is reported where it opened:
//! the user may read the file again with that quote taken as a character.

use super::csv::{self, line_breaks, Next, Tokenizer, MAX_FIELDS};
use super::decode::{Decoded, TextDecoder};
use crate::table::report::{Issue, Problem, SkipReason, FEW_LINES};
use crate::table::{FileProblems, Quoting, RowCells, RowSink, Source, Span, TextRow};

/// Decoded text gathered before the delimiter is guessed, and looked at to guess it.
const SAMPLE_BYTES: usize = 64 * 1024;
/// The longest record read: 16 MiB (a post's text is a few KiB; a longer record is a file
/// with no line ends, or a quote that never closes).
pub(crate) const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// Reads one text source.
pub(crate) struct TextReader {
    source: Source,
    decoder: TextDecoder,
    /// Decoded text not read yet; it starts where a record starts.
    pending: String,
    /// Set once the delimiter is guessed.
    tokenizer: Option<Tokenizer>,
    /// The text is read again once `pending` is this long: a record longer than a chunk is
    /// not read from its start again for every chunk.
    retry_at: usize,
    /// Nothing more is read: the bytes are not text.
    refused: bool,
    /// Nothing more is read: a record is too long or too wide (what came before stays).
    stopped: bool,
    /// Quotes read as characters: (line, 0-based field).
    literal: Vec<(u64, u32)>,
    shape: Shape,
    /// How the text ended, once it did.
    end: Option<Next>,
    /// Lines after a quote that never closed, when the text ended inside it.
    open_lines: u64,
}

/// What the records so far say of the current table: its header's width and the last record.
#[derive(Debug, Default)]
struct Shape {
    /// Fields of the current table's header (the first record after `#` lines).
    header_width: Option<usize>,
    last_fields: usize,
    last_line: u64,
    /// The last record had no line end.
    unterminated: bool,
    /// The header's names (for the place of a problem).
    header: Vec<String>,
}

impl Shape {
    /// Writes `row` into `sink`.
    fn emit(&mut self, row: &TextRow<'_>, sink: &mut dyn RowSink) {
        if row.starts_with_hash() {
            self.header_width = None;
        } else if self.header_width.is_none() {
            self.header_width = Some(row.spans.len());
            self.header = (0..row.spans.len().min(1000))
                .map(|i| row.field(i).chars().take(80).collect())
                .collect();
        }
        self.last_fields = row.spans.len();
        self.last_line = row.line;
        sink.text_row(row);
    }

    /// Writes the last `row`, which has no line end: with fewer fields than its header it
    /// was cut, and its last value may be cut too, so it is counted, not read.
    fn emit_last(&mut self, row: &TextRow<'_>, sink: &mut dyn RowSink) {
        self.unterminated = true;
        let width = self.header_width.unwrap_or(0);
        if !row.starts_with_hash() && width > 1 && row.spans.len() < width {
            self.last_fields = row.spans.len();
            self.last_line = row.line;
            sink.skip_row(row.to_row(), SkipReason::Cut);
        } else {
            self.emit(row, sink);
        }
    }

    /// The warning for a last line without an end that has fewer fields than its header.
    fn last_line_cut(&self, name: &str) -> Option<Problem> {
        let width = self.header_width?;
        (self.last_fields < width && self.last_line > 0).then(|| {
            Problem::new(
                Issue::LastLineCut {
                    expected: width,
                    found: self.last_fields,
                },
                name,
            )
            .at_line(self.last_line)
        })
    }
}

impl TextReader {
    /// A reader of the text source `source`, its delimiter and encoding still to find.
    pub(crate) fn new(source: Source) -> TextReader {
        TextReader {
            source,
            decoder: TextDecoder::new(),
            pending: String::new(),
            tokenizer: None,
            retry_at: 0,
            refused: false,
            stopped: false,
            literal: Vec::new(),
            shape: Shape::default(),
            end: None,
            open_lines: 0,
        }
    }

    /// Reads the quotes at `quotes` ((line, 0-based field) each) as characters: what the
    /// user asks for when a stray quote swallowed lines.
    pub(crate) fn take_literally(&mut self, quotes: &[(u64, u32)]) {
        self.literal = quotes.to_vec();
    }

    /// Reads the next chunk of bytes.
    pub(crate) fn push(
        &mut self,
        bytes: &[u8],
        sink: &mut dyn RowSink,
        problems: &mut FileProblems,
    ) {
        if self.refused || self.stopped {
            return;
        }
        self.decoder.push(bytes, &mut self.pending);
        self.advance(false, sink, problems);
    }

    /// Reads what the text holds so far (all of it if `last`).
    fn advance(&mut self, last: bool, sink: &mut dyn RowSink, problems: &mut FileProblems) {
        if self.tokenizer.is_none() {
            if self.pending.len() < SAMPLE_BYTES && !last {
                return;
            }
            self.start(last, sink, problems);
            if self.refused {
                return;
            }
        }
        if self.pending.len() < self.retry_at && !last {
            return;
        }
        let Some(tokenizer) = &mut self.tokenizer else {
            return;
        };
        let read = read_records(tokenizer, &self.pending, last, &mut self.shape, sink);
        for mut p in read.swallowed {
            p.source = self.source.name.clone();
            problems.warnings.push(p);
        }
        if let Some(end) = read.end {
            self.end = Some(end);
            self.open_lines = read.open_lines;
        }
        self.pending.drain(..read.consumed);
        self.retry_at = 2 * self.pending.len();
        if self.pending.len() > MAX_RECORD_BYTES && !last {
            let why = too_long(tokenizer, &self.pending);
            self.stop(why, problems);
        } else if let Some(Next::TooWide(line)) = self.end {
            let issue = Issue::TooManyColumns { limit: MAX_FIELDS };
            self.stop((issue, line), problems);
        }
    }

    /// Stops reading on a record that is too long or too wide: what came before stays.
    fn stop(&mut self, (issue, line): (Issue, u64), problems: &mut FileProblems) {
        problems
            .errors
            .push(Problem::new(issue, &self.source.name).at_line(line));
        self.stopped = true;
        self.pending = String::new();
    }

    /// Guesses the delimiter from the text so far (the whole text if `last`) and begins the
    /// source; or refuses text that is no table.
    fn start(&mut self, last: bool, sink: &mut dyn RowSink, problems: &mut FileProblems) {
        if let Some(issue) = refuse(&self.pending) {
            problems.errors.push(Problem::new(issue, &self.source.name));
            self.refused = true;
            return;
        }
        // The first 64 KiB decide, however the bytes came in chunks.
        let mut cut = self.pending.len().min(SAMPLE_BYTES);
        while !self.pending.is_char_boundary(cut) {
            cut -= 1;
        }
        let complete = last && cut == self.pending.len();
        let delimiter =
            csv::sniff_delimiter(&self.pending[..cut], complete).unwrap_or(csv::NO_DELIMITER);
        self.source.delimiter = Some(delimiter);
        self.source.encoding = Some(self.decoder.encoding());
        sink.begin(self.source.clone());
        let mut tokenizer = Tokenizer::new(delimiter);
        tokenizer.take_literally(&self.literal);
        self.tokenizer = Some(tokenizer);
    }

    /// Ends the text: the last record, the source's end, and what the end says of the file
    /// (damaged bytes, a cut character, an open quote, a cut last line).
    pub(crate) fn finish(mut self, sink: &mut dyn RowSink, problems: &mut FileProblems) {
        let decoded = self.decoder.finish(&mut self.pending);
        if self.refused {
            return;
        }
        if !self.stopped {
            self.advance(true, sink, problems);
        }
        if self.refused {
            return;
        }
        // The encoding may have been settled late (Windows-1252 after ASCII).
        sink.end(Some(decoded.encoding));
        self.report_end(&decoded, problems);
    }

    fn report_end(&self, decoded: &Decoded, problems: &mut FileProblems) {
        let name = &self.source.name;
        if decoded.invalid > 0 {
            let mut p = Problem::new(
                Issue::InvalidBytes {
                    count: decoded.invalid,
                },
                name,
            );
            if let Some(line) = decoded.first_invalid_line {
                p = p.at_line(line);
            }
            problems.warnings.push(p);
        }
        if decoded.cut_in_character {
            problems.truncated = true;
            problems
                .warnings
                .push(Problem::new(Issue::CutInCharacter, name));
        }
        if decoded.control > 0 {
            let mut p = Problem::new(
                Issue::ControlCharacters {
                    count: decoded.control,
                },
                name,
            );
            if let Some(line) = decoded.first_control_line {
                p = p.at_line(line);
            }
            problems.warnings.push(p);
        }
        if let Some(Next::OpenQuote { line, field }) = self.end {
            problems.truncated = self.open_lines <= FEW_LINES;
            let mut p = Problem::new(
                Issue::OpenQuote {
                    lines: self.open_lines,
                },
                name,
            )
            .at_line(line);
            p = at_field(p, field, &self.shape.header);
            problems.warnings.push(p);
        } else if self.shape.unterminated {
            if let Some(p) = self.shape.last_line_cut(name) {
                problems.truncated = true;
                problems.warnings.push(p);
            }
        }
    }
}

/// What one pass over the text read.
struct Read {
    /// Bytes of whole records read from the text's start.
    consumed: usize,
    /// How the input ended, when `last` and it did.
    end: Option<Next>,
    /// The line breaks after the start of a record the input ended inside.
    open_lines: u64,
    /// Quoted fields that swallowed lines reading like records.
    swallowed: Vec<Problem>,
}

/// Writes every complete record of `text` into `sink`.
fn read_records(
    tokenizer: &mut Tokenizer,
    text: &str,
    last: bool,
    shape: &mut Shape,
    sink: &mut dyn RowSink,
) -> Read {
    let mut pos = 0;
    let mut swallowed = Vec::new();
    loop {
        match tokenizer.next(text, pos, last) {
            Next::Record {
                line,
                end,
                unterminated,
            } => {
                let row = TextRow {
                    line,
                    text,
                    spans: tokenizer.spans(),
                };
                if tokenizer.line() - line > FEW_LINES + 1 {
                    swallowed.extend(shape.swallowed(&row, tokenizer.delimiter()));
                }
                if unterminated {
                    shape.emit_last(&row, sink);
                } else {
                    shape.emit(&row, sink);
                }
                pos = end;
            }
            Next::More => {
                return Read {
                    consumed: pos,
                    end: None,
                    open_lines: 0,
                    swallowed,
                }
            }
            end => {
                return Read {
                    consumed: text.len(),
                    end: Some(end),
                    open_lines: line_breaks(&text.as_bytes()[pos..]),
                    swallowed,
                }
            }
        }
    }
}

impl Shape {
    /// The problem of a quoted field of `row` that runs over more than a few lines, most
    /// of which hold as many delimiters as a record of the header: a stray quote swallowed
    /// them. A long post text written over many lines holds few delimiters and passes.
    fn swallowed(&self, row: &TextRow<'_>, delimiter: u8) -> Option<Problem> {
        let width = self.header_width.unwrap_or(0).max(2);
        let (field, span) =
            row.spans.iter().enumerate().find(|(_, s)| {
                s.quoting != Quoting::Plain && spans_lines(row.text, s) > FEW_LINES
            })?;
        let inside = &row.text.as_bytes()[span.start as usize..span.end as usize];
        let lines: Vec<&[u8]> = inside.split(|&b| b == b'\n').collect();
        let like_rows = lines
            .iter()
            .filter(|l| l.iter().filter(|&&b| b == delimiter).count() + 1 >= width)
            .count();
        if like_rows * 2 < lines.len() || like_rows as u64 <= FEW_LINES {
            return None;
        }
        let before = line_breaks(&row.text.as_bytes()[row_start(row)..span.start as usize]);
        let p = Problem::new(
            Issue::QuoteSwallowed {
                lines: spans_lines(row.text, span),
            },
            "",
        )
        .at_line(row.line + before);
        Some(at_field(p, field as u32, &self.header))
    }
}

/// Where `row` starts in its text.
fn row_start(row: &TextRow<'_>) -> usize {
    row.spans.first().map_or(0, |s| s.start as usize)
}

/// The line breaks inside a field.
fn spans_lines(text: &str, span: &Span) -> u64 {
    line_breaks(&text.as_bytes()[span.start as usize..span.end as usize])
}

/// `p` placed in field `field` (0-based), named by the header when it has one.
fn at_field(p: Problem, field: u32, header: &[String]) -> Problem {
    let name = header.get(field as usize).map_or("", String::as_str);
    p.at_column(field as usize, name)
}

/// The problem of a record longer than [`MAX_RECORD_BYTES`] (`pending` holds it): placed
/// on its first line, and on the quote that opened it when a quote never closes.
fn too_long(tokenizer: &mut Tokenizer, pending: &str) -> (Issue, u64) {
    let (line, quote_column) = match tokenizer.next(pending, 0, true) {
        Next::OpenQuote { line, field } => (line, Some(field + 1)),
        _ => (tokenizer.line(), None),
    };
    let issue = Issue::LineTooLong {
        limit: MAX_RECORD_BYTES as u64,
        quote_column,
    };
    (issue, line)
}

/// Why text cannot be a table, if it cannot: binary bytes, or a web page.
fn refuse(sample: &str) -> Option<Issue> {
    let head = sample.trim_start();
    let lower: String = head
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<table")
        || (lower.starts_with("<?xml") && lower.contains("<html"))
    {
        return Some(Issue::Html);
    }
    let mut control = 0usize;
    let mut total = 0usize;
    for c in sample.chars().take(8192) {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')) {
            control += 1;
        }
    }
    (control > 0 && (sample.contains('\0') || control * 100 > total)).then_some(Issue::NotText)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refused_text() {
        assert_eq!(refuse("<!DOCTYPE html><html>"), Some(Issue::Html));
        assert_eq!(refuse("a\0b"), Some(Issue::NotText));
        assert_eq!(refuse("a,b\n1,2\n"), None);
    }
}
