//! Rows as the readers give them, read through one trait, [`RowCells`]: an owned [`Row`]
//! (what spreadsheets and JSON make, and what is kept of a table's first rows), or a
//! [`TextRow`], the fields of one delimited record as [`Span`]s over the decoded text: no
//! allocation per field, and a field is only unquoted when someone reads it.

use super::{Cell, Row};
use crate::date::DateTime;
use std::borrow::Cow;

/// One cell, borrowed: what [`RowCells::cell`] gives.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum CellRef<'a> {
    /// Nothing written.
    Empty,
    /// Text, unquoted.
    Text(Cow<'a, str>),
    /// A number (spreadsheets).
    Number(f64),
    /// A date (spreadsheets).
    DateTime(DateTime),
    /// A boolean (spreadsheets).
    Bool(bool),
    /// An error value (`#DIV/0!`).
    Error(&'a str),
}

impl CellRef<'_> {
    /// The cell as text, as [`Cell::text`] writes it.
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            CellRef::Empty => Cow::Borrowed(""),
            CellRef::Text(t) => Cow::Borrowed(t),
            CellRef::Error(t) => Cow::Borrowed(t),
            CellRef::Number(x) => Cell::Number(*x).text().into_owned().into(),
            CellRef::DateTime(d) => Cow::Owned(d.to_string()),
            CellRef::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
        }
    }

    /// Whether nothing but white space is written.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            CellRef::Empty => true,
            CellRef::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The owned cell.
    pub(crate) fn to_cell(&self) -> Cell {
        match self {
            CellRef::Empty => Cell::Empty,
            CellRef::Text(t) => Cell::from_text(t.to_string()),
            CellRef::Number(x) => Cell::Number(*x),
            CellRef::DateTime(d) => Cell::DateTime(*d),
            CellRef::Bool(b) => Cell::Bool(*b),
            CellRef::Error(t) => Cell::Error(t.to_string()),
        }
    }
}

impl Cell {
    /// The cell, borrowed.
    pub(crate) fn as_ref(&self) -> CellRef<'_> {
        match self {
            Cell::Empty => CellRef::Empty,
            Cell::Text(t) => CellRef::Text(Cow::Borrowed(t)),
            Cell::Number(x) => CellRef::Number(*x),
            Cell::DateTime(d) => CellRef::DateTime(*d),
            Cell::Bool(b) => CellRef::Bool(*b),
            Cell::Error(t) => CellRef::Error(t),
        }
    }
}

/// A row, owned or borrowed, read cell by cell.
pub(crate) trait RowCells {
    /// The 1-based line (or sheet row) it comes from.
    fn line(&self) -> u64;
    /// How many cells it has.
    fn len(&self) -> usize;
    /// Cell `i`; [`CellRef::Empty`] past the last.
    fn cell(&self, i: usize) -> CellRef<'_>;

    /// Whether every cell is blank.
    fn is_blank(&self) -> bool {
        (0..self.len()).all(|i| self.cell(i).is_blank())
    }

    /// The row, owned.
    fn to_row(&self) -> Row {
        Row {
            line: self.line(),
            cells: (0..self.len()).map(|i| self.cell(i).to_cell()).collect(),
        }
    }
}

impl RowCells for Row {
    fn line(&self) -> u64 {
        self.line
    }

    fn len(&self) -> usize {
        self.cells.len()
    }

    fn cell(&self, i: usize) -> CellRef<'_> {
        self.cells.get(i).map_or(CellRef::Empty, Cell::as_ref)
    }

    fn to_row(&self) -> Row {
        self.clone()
    }
}

/// How a field is written in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Quoting {
    /// As is: the span is the field.
    Plain,
    /// Quoted, with no `""` inside: the span is what the quotes hold.
    Quoted,
    /// Quoted, with `""` inside: the span is what the quotes hold, `""` still doubled.
    Escaped,
    /// Text after its closing quote (`"abc"def`, read `abcdef` as spreadsheets do): the span
    /// starts at the opening quote.
    Irregular,
}

/// Where one field of a record lies in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    /// Its first byte.
    pub start: u32,
    /// The byte after its last.
    pub end: u32,
    /// How it is written.
    pub quoting: Quoting,
}

impl Span {
    /// The field, unquoted, from `text`.
    pub(crate) fn field<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let raw = &text[self.start as usize..self.end as usize];
        match self.quoting {
            Quoting::Plain | Quoting::Quoted => Cow::Borrowed(raw),
            Quoting::Escaped => Cow::Owned(unescape(raw)),
            Quoting::Irregular => Cow::Owned(irregular(raw)),
        }
    }
}

/// A quoted field's text with each `""` read as one quote (the tokenizer gives `Escaped` only
/// when every quote inside is doubled).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = memchr::memchr(b'"', rest.as_bytes()) {
        out.push_str(&rest[..=i]);
        rest = rest.get(i + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// `"abc""d"ef` read as `abc"def`: `""` inside the quotes is one quote; after the closing
/// quote everything is literal.
fn irregular(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().skip(1).peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            if chars.peek() == Some(&'"') {
                chars.next();
                out.push('"');
                continue;
            }
            out.extend(chars);
            break;
        }
        out.push(c);
    }
    out
}

/// One record of a delimited text: its fields as spans over the decoded text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextRow<'a> {
    /// The 1-based line the record starts on.
    pub line: u64,
    /// The decoded text the spans point into.
    pub text: &'a str,
    /// Its fields.
    pub spans: &'a [Span],
}

impl<'a> TextRow<'a> {
    /// Field `i`, unquoted; empty past the last.
    pub(crate) fn field(&self, i: usize) -> Cow<'a, str> {
        self.spans
            .get(i)
            .map_or(Cow::Borrowed(""), |s| s.field(self.text))
    }

    /// Whether its first field starts with `#` (a Google Analytics preamble line).
    pub(crate) fn starts_with_hash(&self) -> bool {
        self.field(0).starts_with('#')
    }
}

impl RowCells for TextRow<'_> {
    fn line(&self) -> u64 {
        self.line
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn cell(&self, i: usize) -> CellRef<'_> {
        match self.spans.get(i) {
            Some(s) if s.start < s.end => CellRef::Text(s.field(self.text)),
            _ => CellRef::Empty,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: u32, end: u32, quoting: Quoting) -> Span {
        Span {
            start,
            end,
            quoting,
        }
    }

    #[test]
    fn fields_are_unquoted_when_read() {
        let text = r#"a,"b ""c""",x"y"z"#;
        let spans = [
            span(0, 1, Quoting::Plain),
            span(3, 10, Quoting::Escaped),
            span(12, 17, Quoting::Plain),
        ];
        let row = TextRow {
            line: 4,
            text,
            spans: &spans,
        };
        assert_eq!(row.field(0), "a");
        assert_eq!(row.field(1), "b \"c\"");
        assert_eq!(row.field(2), "x\"y\"z");
        assert_eq!(row.field(3), "");
        assert_eq!(row.to_row().cells[1], Cell::Text("b \"c\"".into()));
        assert_eq!(row.cell(9), CellRef::Empty);
    }

    #[test]
    fn doubled_quotes_are_read_as_one() {
        assert_eq!(unescape(r#"a ""b"" c"#), r#"a "b" c"#);
        assert_eq!(unescape(r#""""#), "\"");
        assert_eq!(unescape(r#"é""ü"""#), "é\"ü\"");
    }

    #[test]
    fn text_after_a_closing_quote_is_kept() {
        assert_eq!(irregular(r#""abc"def"#), "abcdef");
        assert_eq!(irregular(r#""a""b"c"d"#), "a\"bc\"d");
    }
}
