//! The text pipeline of one source: bytes are decoded ([`super::decode`]) into a buffer of
//! text not read yet, the [`Tokenizer`] finds its complete records, and each goes to the sink
//! as a [`TextRow`] of spans over that buffer; what was read is dropped from its front. A
//! record cut by a chunk's end waits whole for the next chunk.

use super::csv::{self, Next, Tokenizer};
use super::decode::{Decoded, TextDecoder};
use crate::table::report::{Issue, Problem, SkipReason};
use crate::table::{FileProblems, RowCells, RowSink, Source, TextRow};

/// Decoded text gathered before the delimiter is guessed, and looked at to guess it.
const SAMPLE_BYTES: usize = 64 * 1024;

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
    shape: Shape,
    /// How the text ended, once it did.
    end: Option<Next>,
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
}

impl Shape {
    /// Writes `row` into `sink`.
    fn emit(&mut self, row: &TextRow<'_>, sink: &mut dyn RowSink) {
        if row.starts_with_hash() {
            self.header_width = None;
        } else if self.header_width.is_none() {
            self.header_width = Some(row.spans.len());
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
            shape: Shape::default(),
            end: None,
        }
    }

    /// Reads the next chunk of bytes.
    pub(crate) fn push(
        &mut self,
        bytes: &[u8],
        sink: &mut dyn RowSink,
        problems: &mut FileProblems,
    ) {
        if self.refused {
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
        if let Some(end) = read.end {
            self.end = Some(end);
        }
        self.pending.drain(..read.consumed);
        self.retry_at = 2 * self.pending.len();
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
        self.tokenizer = Some(Tokenizer::new(delimiter));
    }

    /// Ends the text: the last record, the source's end, and what the end says of the file
    /// (damaged bytes, a cut character, an open quote, a cut last line).
    pub(crate) fn finish(mut self, sink: &mut dyn RowSink, problems: &mut FileProblems) {
        let decoded = self.decoder.finish(&mut self.pending);
        if self.refused {
            return;
        }
        self.advance(true, sink, problems);
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
        if let Some(Next::OpenQuote(line)) = self.end {
            problems.truncated = true;
            problems
                .warnings
                .push(Problem::new(Issue::OpenQuote, name).at_line(line));
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
                }
            }
            end => {
                return Read {
                    consumed: text.len(),
                    end: Some(end),
                }
            }
        }
    }
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
