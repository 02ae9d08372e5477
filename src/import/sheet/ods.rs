//! OpenDocument spreadsheets (`.ods`), read here on quick-xml and zip rather than with
//! calamine: its reader loops for ever on a `content.xml` cut after a row (its table loop has
//! no end-of-file arm, docs/upstream-calamine.md), says a wrong MIME type as a byte array, and
//! builds every cell between the first and the last, repeated rows and columns expanded. This
//! one reads `content.xml` as a stream of XML events after [`scan`] measured it: repeated
//! empty rows and cells cost nothing, repeated filled ones count against the workbook's cells
//! ([`SheetRows`]), and the end of the file ends every loop.

use super::rows::{SheetRows, Stop};
use super::scan::{refused, scan};
use crate::import::WholeFile;
use crate::table::report::{Issue, Problem};
use crate::table::{Cell, FileProblems, RowSink};
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::io::{BufReader, Cursor, Read};

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// The rows a sheet may have (LibreOffice's and Excel's last row).
const MAX_ROWS: u64 = 1_048_576;
/// The most text kept of one cell.
const CELL_TEXT: usize = 1024 * 1024;
/// The MIME type of an OpenDocument spreadsheet.
const SPREADSHEET: &str = "application/vnd.oasis.opendocument.spreadsheet";

/// Reads every sheet of the `.ods` workbook `file`; `left` is the cells it may still give.
/// `Err` is what keeps the workbook from being read (rows read before it stay).
pub(super) fn read(
    file: &WholeFile,
    sink: &mut dyn RowSink,
    problems: &mut FileProblems,
    left: &mut u64,
) -> Result<(), Issue> {
    let mut zip = zip::ZipArchive::new(Cursor::new(file.bytes)).map_err(bad)?;
    check_mimetype(&mut zip)?;
    check_manifest(&mut zip, file)?;
    let tables = {
        let entry = zip.by_name("content.xml").map_err(|_| no_content())?;
        let packed = entry.compressed_size();
        scan(
            entry,
            "content.xml",
            packed,
            file.context.budget,
            b"<table:table ",
        )?
        .count
    };
    let entry = zip.by_name("content.xml").map_err(|_| no_content())?;
    let packed = entry.compressed_size();
    let metered = crate::import::budget::Metered::new(entry, packed, file.context.budget);
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(metered));
    xml.config_mut().check_end_names = false;
    let mut reader = Content {
        file,
        several: tables > 1,
        sink,
        problems,
        left,
    };
    reader.read(&mut xml)
}

fn bad(e: impl std::fmt::Display) -> Issue {
    Issue::BadSpreadsheet {
        detail: e.to_string(),
    }
}

fn no_content() -> Issue {
    bad("it has no content.xml")
}

/// The `mimetype` entry, when there is one, must name a spreadsheet.
fn check_mimetype(zip: &mut Zip) -> Result<(), Issue> {
    let Ok(entry) = zip.by_name("mimetype") else {
        return Ok(());
    };
    let mut head = Vec::new();
    entry.take(200).read_to_end(&mut head).map_err(bad)?;
    let kind = String::from_utf8_lossy(&head);
    let kind = kind.trim();
    if kind == SPREADSHEET || kind.starts_with("application/vnd.oasis.opendocument.spreadsheet-") {
        return Ok(());
    }
    let shown: String = kind.chars().take(80).collect();
    Err(bad(format!(
        "its type is “{shown}”, not an OpenDocument spreadsheet"
    )))
}

/// A workbook whose manifest describes encryption is protected by a password.
fn check_manifest(zip: &mut Zip, file: &WholeFile) -> Result<(), Issue> {
    let Ok(entry) = zip.by_name("META-INF/manifest.xml") else {
        return Ok(());
    };
    let packed = entry.compressed_size();
    let found = scan(
        entry,
        "manifest.xml",
        packed,
        file.context.budget,
        b"encryption-data",
    )?;
    if found.count > 0 {
        return Err(Issue::Encrypted);
    }
    Ok(())
}

/// One filled cell of a row: its column, value and how many times it repeats.
type RowCell = (u64, Cell, u64);

/// The reading of `content.xml`.
struct Content<'f, 's> {
    file: &'f WholeFile<'f>,
    several: bool,
    sink: &'s mut dyn RowSink,
    problems: &'s mut FileProblems,
    left: &'s mut u64,
}

/// Where the reading is inside a sheet.
struct Sheet<'s> {
    rows: SheetRows<'s>,
    /// The 0-based row the next `table:table-row` starts.
    row: u64,
    /// The filled cells of the row being read, and its repeat count.
    cells: Vec<RowCell>,
    repeat: u64,
    /// The column the next cell starts.
    col: u64,
    in_row: bool,
}

impl Content<'_, '_> {
    /// Reads every sheet; the end of the file, or damage, ends it.
    fn read<R: std::io::BufRead>(&mut self, xml: &mut quick_xml::Reader<R>) -> Result<(), Issue> {
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let event = xml.read_event_into(&mut buf).map_err(|e| xml_error(&e))?;
            match event {
                Event::Start(e) if e.name().as_ref() == "table:table" => {
                    let name = attr(&e, "table:name").unwrap_or_default().into_owned();
                    self.sheet(xml, &name)?;
                }
                Event::Empty(e) if e.name().as_ref() == "table:table" && !self.several => {
                    self.empty_sheet(&self.sheet_name(""));
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// The name reports give the sheet `name`.
    fn sheet_name(&self, name: &str) -> String {
        if self.several {
            format!("{} › {name}", self.file.display)
        } else {
            self.file.display.to_string()
        }
    }

    fn empty_sheet(&mut self, name: &str) {
        if !self.several {
            self.problems
                .warnings
                .push(Problem::new(Issue::EmptySheet, name));
        }
    }

    /// Reads one `table:table`, up to its end.
    fn sheet<R: std::io::BufRead>(
        &mut self,
        xml: &mut quick_xml::Reader<R>,
        name: &str,
    ) -> Result<(), Issue> {
        let shown = self.sheet_name(name);
        let mut sheet = Sheet {
            rows: SheetRows::new(self.file, shown.clone(), &mut *self.sink, &mut *self.left),
            row: 0,
            cells: Vec::new(),
            repeat: 1,
            col: 0,
            in_row: false,
        };
        let result = sheet_events(xml, &mut sheet);
        let filled = sheet.rows.finish();
        if !filled && result.is_ok() {
            self.empty_sheet(&shown);
        }
        match result {
            Ok(()) => Ok(()),
            Err(Ended::Damaged(issue)) => Err(issue),
            Err(Ended::Stopped(stop)) => {
                self.problems
                    .errors
                    .push(Problem::new(stop.issue(), &shown));
                Ok(())
            }
        }
    }
}

/// Why a sheet ended before its end tag.
enum Ended {
    /// The XML is damaged or cut: the workbook ends.
    Damaged(Issue),
    /// The sheet's rows stopped (too many cells, a column too far): the next sheet is read.
    Stopped(Stop),
}

impl From<Stop> for Ended {
    fn from(s: Stop) -> Ended {
        Ended::Stopped(s)
    }
}

/// The events of one sheet, up to its end tag.
fn sheet_events<R: std::io::BufRead>(
    xml: &mut quick_xml::Reader<R>,
    sheet: &mut Sheet,
) -> Result<(), Ended> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| Ended::Damaged(xml_error(&e)))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) if e.name().as_ref() == "table:table-row" => {
                let empty = matches!(event, Event::Empty(_));
                sheet.repeat = count(e, "table:number-rows-repeated").min(MAX_ROWS);
                sheet.col = 0;
                sheet.cells.clear();
                sheet.in_row = true;
                if empty {
                    sheet.end_row()?;
                }
            }
            Event::End(e) if e.name().as_ref() == "table:table-row" => sheet.end_row()?,
            Event::Start(e) if is_cell(&e) && sheet.in_row => {
                let text = cell_text(xml, e.name().as_ref())?;
                sheet.add_cell(&e, Some(text));
            }
            Event::Empty(e) if is_cell(&e) && sheet.in_row => sheet.add_cell(&e, None),
            Event::End(e) if e.name().as_ref() == "table:table" => return Ok(()),
            Event::Eof => return Err(Ended::Damaged(bad("content.xml is cut short"))),
            _ => {}
        }
    }
}

impl Sheet<'_> {
    /// A cell at the current column, repeated as it says.
    fn add_cell(&mut self, e: &BytesStart, text: Option<String>) {
        let repeat = count(e, "table:number-columns-repeated");
        let value = value(e, text);
        if value != Cell::Empty && self.col < u64::from(crate::import::budget::SHEET_COLUMNS) {
            self.cells.push((self.col, value, repeat));
        }
        self.col = self.col.saturating_add(repeat);
    }

    /// Writes the row just read, as many times as it repeats (an empty row only moves on).
    fn end_row(&mut self) -> Result<(), Stop> {
        self.in_row = false;
        let repeat = self.repeat.min(MAX_ROWS.saturating_sub(self.row));
        if !self.cells.is_empty() {
            for r in 0..repeat {
                for (col, cell, times) in &self.cells {
                    let times = (*times).min(u64::from(crate::import::budget::SHEET_COLUMNS));
                    for k in 0..times {
                        self.rows.cell(self.row + r, col + k, cell.clone())?;
                    }
                }
            }
        }
        self.row += repeat;
        Ok(())
    }
}

fn is_cell(e: &BytesStart) -> bool {
    matches!(
        e.name().as_ref(),
        "table:table-cell" | "table:covered-table-cell"
    )
}

/// The cell's value from its attributes, or its text.
fn value(e: &BytesStart, text: Option<String>) -> Cell {
    let kind = attr(e, "office:value-type");
    let number = || {
        attr(e, "office:value")
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|x| x.is_finite())
    };
    match kind.as_deref() {
        Some("float" | "percentage" | "currency") => match number() {
            Some(x) => Cell::Number(x),
            None => Cell::from_text(text.unwrap_or_default()),
        },
        Some("boolean") => match attr(e, "office:boolean-value").as_deref() {
            Some("true") => Cell::Bool(true),
            Some("false") => Cell::Bool(false),
            _ => Cell::from_text(text.unwrap_or_default()),
        },
        Some("date") => Cell::from_text(
            attr(e, "office:date-value").map_or_else(|| text.unwrap_or_default(), Cow::into_owned),
        ),
        Some("time") => Cell::from_text(
            attr(e, "office:time-value").map_or_else(|| text.unwrap_or_default(), Cow::into_owned),
        ),
        Some("string") => match attr(e, "office:string-value") {
            Some(v) => Cell::from_text(v.into_owned()),
            None => Cell::from_text(text.unwrap_or_default()),
        },
        _ => Cell::from_text(text.unwrap_or_default()),
    }
}

/// The text of a cell whose start tag was just read, up to its end tag: paragraphs joined by
/// line breaks, `text:s` as spaces, notes (`office:annotation`) left out.
fn cell_text<R: std::io::BufRead>(
    xml: &mut quick_xml::Reader<R>,
    end: &str,
) -> Result<String, Ended> {
    let end = end.to_string();
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut paragraphs = 0;
    let mut note = 0u32;
    loop {
        buf.clear();
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| Ended::Damaged(xml_error(&e)))?;
        let room = text.len() < CELL_TEXT;
        match event {
            Event::End(e) if e.name().as_ref() == end.as_str() => return Ok(text),
            Event::Start(e) if e.name().as_ref() == "office:annotation" => note += 1,
            Event::End(e) if e.name().as_ref() == "office:annotation" => {
                note = note.saturating_sub(1)
            }
            _ if note > 0 => {}
            Event::Start(e) if e.name().as_ref() == "text:p" => {
                if paragraphs > 0 && room {
                    text.push('\n');
                }
                paragraphs += 1;
            }
            Event::Empty(e) if e.name().as_ref() == "text:s" && room => {
                let n = count(&e, "text:c").min(1000);
                text.extend(std::iter::repeat_n(' ', n as usize));
            }
            Event::Empty(e) if e.name().as_ref() == "text:tab" && room => text.push('\t'),
            Event::Empty(e) if e.name().as_ref() == "text:line-break" && room => text.push('\n'),
            Event::Text(t) if room => text.push_str(&t.xml10_content()),
            Event::CData(t) if room => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if room => text.push_str(&entity(&r)),
            Event::Eof => return Err(Ended::Damaged(bad("content.xml is cut short"))),
            _ => {}
        }
    }
}

/// The character an entity reference stands for (`&amp;`, `&#233;`).
fn entity(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_string()
}

/// An attribute's value, unescaped.
fn attr<'a>(e: &'a BytesStart, name: &str) -> Option<Cow<'a, str>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
}

/// A repeat count attribute: 1 when absent or unreadable, at least 1.
fn count(e: &BytesStart, name: &str) -> u64 {
    attr(e, name)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// The issue of XML that cannot be read: cut short, or damaged, or refused by the meter.
fn xml_error(e: &quick_xml::Error) -> Issue {
    if let quick_xml::Error::Io(io) = e {
        return refused(io, "content.xml");
    }
    bad(format!("content.xml: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::budget::Budget;
    use crate::import::{Context, ImportOptions};
    use crate::table::report::FileKind;
    use crate::table::{Row, Source};
    use std::io::Write;

    /// A sink that keeps what it is given.
    #[derive(Default)]
    struct Rows(Vec<String>, Vec<Row>);

    impl RowSink for Rows {
        fn begin(&mut self, source: Source) {
            self.0.push(source.name);
        }
        fn row(&mut self, row: Row) {
            self.1.push(row);
        }
        fn skip_row(&mut self, _: Row, _: crate::table::report::SkipReason) {}
        fn end(&mut self, _: Option<crate::table::Encoding>) {}
    }

    fn ods(content: &str) -> Vec<u8> {
        let mut out = Vec::new();
        let mut z = zip::ZipWriter::new(Cursor::new(&mut out));
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("mimetype", o).unwrap();
        z.write_all(SPREADSHEET.as_bytes()).unwrap();
        z.start_file("content.xml", o).unwrap();
        z.write_all(content.as_bytes()).unwrap();
        z.finish().unwrap();
        out
    }

    fn read_ods(bytes: &[u8]) -> (Rows, FileProblems, Result<(), Issue>) {
        let budget = Budget::new();
        let file = WholeFile {
            kind: FileKind::Ods,
            display: "book.ods",
            file_name: "book.ods",
            names: &["book.ods"],
            reference: None,
            bytes,
            context: Context {
                options: ImportOptions::default(),
                depth: 0,
                budget: &budget,
            },
        };
        let mut sink = Rows::default();
        let mut problems = FileProblems::default();
        let mut left = crate::import::budget::SHEET_CELLS;
        let r = read(&file, &mut sink, &mut problems, &mut left);
        (sink, problems, r)
    }

    const HEAD: &str = r#"<office:document-content><office:body><office:spreadsheet>"#;

    #[test]
    fn cells_repeats_and_text() {
        let xml = format!(
            r#"{HEAD}<table:table table:name="S"><table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>a &amp; <text:s text:c="2"/>b</text:p><text:p>c</text:p><office:annotation><text:p>note</text:p></office:annotation></table:table-cell><table:table-cell table:number-columns-repeated="2" office:value-type="float" office:value="1.5"><text:p>1,5</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let (sink, problems, r) = read_ods(&ods(&xml));
        assert_eq!(r, Ok(()));
        assert!(problems.errors.is_empty());
        assert_eq!(sink.0, ["book.ods"]);
        assert_eq!(sink.1.len(), 1);
        assert_eq!(sink.1[0].line, 3);
        assert_eq!(
            sink.1[0].cells,
            [
                Cell::Text("a &   b\nc".into()),
                Cell::Number(1.5),
                Cell::Number(1.5)
            ]
        );
    }

    #[test]
    fn a_cut_content_ends_instead_of_looping() {
        let xml = format!(
            r#"{HEAD}<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="3"/></table:table-row>"#
        );
        let (sink, _, r) = read_ods(&ods(&xml));
        assert!(matches!(r, Err(Issue::BadSpreadsheet { .. })), "{r:?}");
        assert_eq!(sink.1.len(), 1, "the rows before the cut stay");
    }

    #[test]
    fn repeated_filled_rows_stop_at_the_budget() {
        let xml = format!(
            r#"{HEAD}<table:table table:name="S"><table:table-row table:number-rows-repeated="999999999"><table:table-cell table:number-columns-repeated="999999" office:value-type="float" office:value="1"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        let (_, problems, r) = read_ods(&ods(&xml));
        assert_eq!(r, Ok(()));
        assert_eq!(problems.errors[0].code, "sheet_too_large");
    }

    #[test]
    fn the_mime_type_is_said_in_words() {
        let mut out = Vec::new();
        let mut z = zip::ZipWriter::new(Cursor::new(&mut out));
        let o = zip::write::SimpleFileOptions::default();
        z.start_file("mimetype", o).unwrap();
        z.write_all(b"application/vnd.oasis.opendocument.text")
            .unwrap();
        z.finish().unwrap();
        let (_, _, r) = read_ods(&out);
        let Err(Issue::BadSpreadsheet { detail }) = r else {
            panic!("{r:?}")
        };
        assert!(
            detail.contains("“application/vnd.oasis.opendocument.text”"),
            "{detail}"
        );
    }
}
