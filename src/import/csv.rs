//! Delimited text, pushed chunk by chunk: RFC 4180 quoting (`""` inside quotes, delimiters and
//! line breaks inside quoted fields), `\n`, `\r\n` or `\r` line ends, and the physical line
//! each record starts on.
//!
//! Written by hand rather than on `csv-core` because the reports need three things it does not
//! give: the exact line a record starts on (its count lags on `\r\n`), blank lines, and whether
//! the input ended inside a quoted field (a file cut short).

/// One record: its fields and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Record {
    /// The line of the file the record starts on.
    pub line: u64,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// At the start of a line, nothing read.
    LineStart,
    /// After a `\r` that ended a line: a `\n` right after belongs to it.
    AfterCr,
    /// At the start of a field.
    FieldStart,
    /// Inside a field that did not start with a quote.
    Unquoted,
    /// Inside a quoted field.
    Quoted,
    /// After a quote inside a quoted field: a second one is a literal quote.
    QuoteInQuoted,
}

/// How the input ended.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct End {
    /// The input ended inside a quoted field that opened on this line: the file is cut short,
    /// and that last record was not emitted.
    pub open_quote_line: Option<u64>,
    /// The last record had no line end after it.
    pub unterminated: bool,
}

/// A push parser of delimited text.
pub(crate) struct CsvParser {
    delimiter: u8,
    state: State,
    field: String,
    fields: Vec<String>,
    /// The line the cursor is on.
    line: u64,
    record_line: u64,
    quote_line: u64,
    /// A `\r` was the last character read inside a quoted field.
    cr_in_quotes: bool,
}

pub(crate) use crate::table::NO_DELIMITER;

impl CsvParser {
    /// A parser splitting fields on `delimiter` (an ASCII byte).
    pub(crate) fn new(delimiter: u8) -> CsvParser {
        CsvParser {
            delimiter,
            state: State::LineStart,
            field: String::new(),
            fields: Vec::new(),
            line: 1,
            record_line: 1,
            quote_line: 1,
            cr_in_quotes: false,
        }
    }

    /// Parses `text`, calling `emit` for each complete record.
    pub(crate) fn push(&mut self, text: &str, emit: &mut impl FnMut(Record)) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            i = match self.state {
                State::LineStart => self.line_start(b[i], i),
                State::AfterCr => self.after_cr(b[i], i),
                State::FieldStart => self.field_start(b[i], i, emit),
                State::Unquoted => self.unquoted(text, i, emit),
                State::Quoted => self.quoted(text, i),
                State::QuoteInQuoted => self.quote_in_quoted(b[i], i, emit),
            };
        }
    }

    // Each state reads from byte `i` (`c` is that byte) and returns where reading goes on.

    fn line_start(&mut self, c: u8, i: usize) -> usize {
        match c {
            // Blank lines are not records.
            b'\n' => {
                self.line += 1;
                i + 1
            }
            b'\r' => {
                self.line += 1;
                self.state = State::AfterCr;
                i + 1
            }
            _ => {
                self.record_line = self.line;
                self.state = State::FieldStart;
                i
            }
        }
    }

    fn after_cr(&mut self, c: u8, i: usize) -> usize {
        self.state = State::LineStart;
        if c == b'\n' {
            i + 1
        } else {
            i
        }
    }

    fn field_start(&mut self, c: u8, i: usize, emit: &mut impl FnMut(Record)) -> usize {
        if c == b'"' {
            self.state = State::Quoted;
            self.quote_line = self.line;
            self.cr_in_quotes = false;
            i + 1
        } else if c == self.delimiter {
            self.end_field();
            i + 1
        } else if c == b'\n' || c == b'\r' {
            i + self.end_line(c, emit)
        } else {
            self.state = State::Unquoted;
            i
        }
    }

    fn unquoted(&mut self, text: &str, mut i: usize, emit: &mut impl FnMut(Record)) -> usize {
        let b = text.as_bytes();
        let d = self.delimiter;
        let start = i;
        while i < b.len() && b[i] != d && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        self.field.push_str(&text[start..i]);
        if i < b.len() {
            if b[i] == d {
                self.end_field();
                self.state = State::FieldStart;
                i += 1;
            } else {
                i += self.end_line(b[i], emit);
            }
        }
        i
    }

    fn quoted(&mut self, text: &str, mut i: usize) -> usize {
        let b = text.as_bytes();
        let start = i;
        while i < b.len() && b[i] != b'"' && b[i] != b'\n' && b[i] != b'\r' {
            i += 1;
        }
        if i > start {
            self.cr_in_quotes = false;
            self.field.push_str(&text[start..i]);
        }
        if i < b.len() {
            match b[i] {
                b'"' => self.state = State::QuoteInQuoted,
                b'\n' => {
                    if !self.cr_in_quotes {
                        self.line += 1;
                    }
                    self.cr_in_quotes = false;
                    self.field.push('\n');
                }
                _ => {
                    self.line += 1;
                    self.cr_in_quotes = true;
                    self.field.push('\r');
                }
            }
            i += 1;
        }
        i
    }

    fn quote_in_quoted(&mut self, c: u8, i: usize, emit: &mut impl FnMut(Record)) -> usize {
        if c == b'"' {
            self.field.push('"');
            self.state = State::Quoted;
            self.cr_in_quotes = false;
            i + 1
        } else if c == self.delimiter {
            self.end_field();
            self.state = State::FieldStart;
            i + 1
        } else if c == b'\n' || c == b'\r' {
            i + self.end_line(c, emit)
        } else {
            // `"abc"def`: keep what follows the closing quote, as spreadsheets do.
            self.state = State::Unquoted;
            i
        }
    }

    /// Ends the input, emitting the last record if it had no line end.
    pub(crate) fn finish(&mut self, emit: &mut impl FnMut(Record)) -> End {
        let mut end = End::default();
        match self.state {
            State::LineStart | State::AfterCr => {}
            State::Quoted => {
                end.open_quote_line = Some(self.quote_line);
                self.field.clear();
                self.fields.clear();
            }
            State::FieldStart | State::Unquoted | State::QuoteInQuoted => {
                self.end_field();
                end.unterminated = true;
                emit(Record {
                    line: self.record_line,
                    fields: std::mem::take(&mut self.fields),
                });
            }
        }
        self.state = State::LineStart;
        end
    }

    fn end_field(&mut self) {
        self.fields.push(std::mem::take(&mut self.field));
        self.state = State::FieldStart;
    }

    /// Ends a record on the line end `c`; returns the bytes consumed (1).
    fn end_line(&mut self, c: u8, emit: &mut impl FnMut(Record)) -> usize {
        self.end_field();
        emit(Record {
            line: self.record_line,
            fields: std::mem::take(&mut self.fields),
        });
        self.line += 1;
        self.state = if c == b'\r' {
            State::AfterCr
        } else {
            State::LineStart
        };
        1
    }
}

/// The delimiters tried, in order of preference on a tie.
pub(crate) const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Guesses the delimiter from the start of a file: the candidate that splits the most records
/// into the same number of fields (more than one). `None` when none does: a single column.
/// Lines starting with `#` (Google Analytics' preamble) are left out. `complete` says whether
/// `sample` is the whole file (otherwise its last, maybe cut, record is left out).
pub(crate) fn sniff_delimiter(sample: &str, complete: bool) -> Option<u8> {
    let mut best: Option<(u8, (usize, usize, usize))> = None;
    for d in DELIMITERS {
        let mut parser = CsvParser::new(d);
        let mut counts: Vec<usize> = Vec::new();
        parser.push(sample, &mut |r: Record| {
            let comment = r.fields.first().is_some_and(|f| f.starts_with('#'));
            let blank = r.fields.iter().all(|f| f.trim().is_empty());
            if !comment && !blank {
                counts.push(r.fields.len());
            }
        });
        if complete {
            parser.finish(&mut |r: Record| {
                if !r.fields.first().is_some_and(|f| f.starts_with('#')) {
                    counts.push(r.fields.len());
                }
            });
        }
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

    fn parse_chunks(delimiter: u8, chunks: &[&str]) -> (Vec<Record>, End) {
        let mut p = CsvParser::new(delimiter);
        let mut out = Vec::new();
        for c in chunks {
            p.push(c, &mut |r| out.push(r));
        }
        let end = p.finish(&mut |r| out.push(r));
        (out, end)
    }

    fn rec(line: u64, fields: &[&str]) -> Record {
        Record {
            line,
            fields: fields.iter().map(|f| f.to_string()).collect(),
        }
    }

    /// Parses `text` whole, then split at every character boundary, and checks they agree.
    fn parse_everywhere(delimiter: u8, text: &str) -> (Vec<Record>, End) {
        let whole = parse_chunks(delimiter, &[text]);
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let (a, b) = text.split_at(i);
            assert_eq!(parse_chunks(delimiter, &[a, b]), whole, "split at {i}");
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
        assert_eq!(end, End::default());
    }

    #[test]
    fn the_last_line_may_lack_its_end() {
        let (records, end) = parse_everywhere(b';', "a;b\n1;2");
        assert_eq!(records, vec![rec(1, &["a", "b"]), rec(2, &["1", "2"])]);
        assert!(end.unterminated);
        let (records, _) = parse_everywhere(b';', "a;b\n1;\"2\"");
        assert_eq!(records[1], rec(2, &["1", "2"]));
    }

    #[test]
    fn an_open_quote_at_the_end_is_a_cut_file() {
        let (records, end) = parse_everywhere(b',', "a,b\n1,2\n3,\"never\nclosed");
        assert_eq!(records, vec![rec(1, &["a", "b"]), rec(2, &["1", "2"])]);
        assert_eq!(end.open_quote_line, Some(3));
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
