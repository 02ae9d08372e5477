//! Entries in: a JSON list of entries (or a dataset holding one), or a plain list with one
//! entrant per line, into [`EntryRow`]s. Comment exports come through the export readers as
//! the same records.

use super::text::clean;
use super::window::parse_iso;
use crate::date::DateTime;
use crate::model::{Entries, EntryRow, Origin};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// Why an entries file cannot be read: the file, the place and the problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntriesError {
    /// The message, place first: `entries.json, line 3, column 5: missing field "author"`.
    pub message: String,
}

impl fmt::Display for EntriesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EntriesError {}

/// One entry as JSON writes it: the shape [`EntryRow`] serialises to, so the export readers'
/// records come back unchanged; only `author` is required.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryJson {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    parent_id: Option<String>,
    author: String,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default, deserialize_with = "date_time")]
    date: Option<DateTime>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    likes: Option<f64>,
    #[serde(default)]
    origin: Option<OriginJson>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OriginJson {
    file: usize,
    line: u64,
}

fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => parse_iso(&s).map(|(dt, _)| Some(dt)).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "date \"{s}\": expected an ISO 8601 date such as 2026-06-14T18:30:00"
            ))
        }),
    }
}

/// A list of entries read from JSON (`[{"author": "@ann", "text": "…"}, …]`, the shape
/// [`EntryRow`] serialises to): what the page and the command line pass to the draw.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(from = "Vec<EntryJson>")]
pub struct EntryList(pub Vec<EntryRow>);

impl From<Vec<EntryJson>> for EntryList {
    fn from(list: Vec<EntryJson>) -> EntryList {
        EntryList(
            list.into_iter()
                .enumerate()
                .map(|(i, e)| EntryRow {
                    id: e.id,
                    parent_id: e.parent_id,
                    author: e.author,
                    profile: e.profile,
                    link: e.link,
                    date: e.date,
                    text: e.text,
                    likes: e.likes,
                    origin: e.origin.map_or(
                        Origin {
                            file: 0,
                            line: i as u64 + 1,
                        },
                        |o| Origin {
                            file: o.file,
                            line: o.line,
                        },
                    ),
                })
                .collect(),
        )
    }
}

/// A dataset (`{"entries": [...], "posts": [...], ...}`): only its entries are read.
#[derive(Deserialize)]
struct DatasetJson {
    entries: Vec<EntryJson>,
}

/// Entries given as JSON: a list of entries, or an object with an `entries` list (a dataset).
pub fn entries_from_json(name: &str, text: &str) -> Result<Entries, EntriesError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let error = |e: serde_json::Error| {
        // The place comes first.
        let m = crate::form::json_message(&e);
        let m = if m.starts_with("missing field `entries`")
            || m.starts_with("invalid type") && e.line() == 1 && e.column() <= 1
        {
            "expected a list of entries, or an object with an \"entries\" list"
        } else {
            &m
        };
        EntriesError {
            message: format!("{name}, line {}, column {}: {m}", e.line(), e.column()),
        }
    };
    let list: Vec<EntryJson> = if text.trim_start().starts_with('{') {
        serde_json::from_str::<DatasetJson>(text)
            .map_err(error)?
            .entries
    } else {
        serde_json::from_str(text).map_err(error)?
    };
    Ok(EntryList::from(list).0.into())
}

/// A plain list: one entrant per line (UTF-8, with or without BOM, any line ending); blank
/// lines are skipped, and each entry remembers its line.
fn entries_from_list(text: &str) -> Vec<EntryRow> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !clean(l).is_empty())
        .map(|(i, l)| EntryRow {
            id: None,
            parent_id: None,
            author: l.trim().to_string(),
            profile: None,
            link: None,
            date: None,
            text: String::new(),
            likes: None,
            origin: Origin {
                file: 0,
                line: i as u64 + 1,
            },
        })
        .collect()
}

/// Reads an entries file: JSON (a `.json` name, or text starting with `[` or `{`) or a plain
/// list with one entrant per line. Comment exports (ExportComments CSV and XLSX) are read by
/// the export readers into the same [`EntryRow`]s and need no call here.
///
/// ```
/// use social_roi::{read_entries};
/// let entries = read_entries("list.txt", "@Alice\n\nbob\r\n").unwrap();
/// assert_eq!(entries.len(), 2);
/// assert_eq!(entries.get(1).unwrap().author(), "bob");
/// assert_eq!(entries.get(1).unwrap().origin().line, 3);
/// ```
pub fn read_entries(name: &str, text: &str) -> Result<Entries, EntriesError> {
    if is_entries_json(name, text.as_bytes()) {
        entries_from_json(name, text)
    } else {
        Ok(entries_from_list(text).into())
    }
}

/// Whether an entries file is JSON (a list of entries, read by [`read_entries`]) rather than a
/// comment export or a list for the export readers: a `.json` name, or a first character
/// (after a byte order mark and white space) of `[` or `{`. `head` is the file's first bytes.
/// The page and the command line route files by this same rule.
///
/// ```
/// use social_roi::is_entries_json;
/// assert!(is_entries_json("entries.json", b""));
/// assert!(is_entries_json("-", b"\xEF\xBB\xBF\n  [{\"author\": \"ann\"}]"));
/// assert!(!is_entries_json("comments.csv", b"Id,SubId,Name (click to view profile)"));
/// ```
pub fn is_entries_json(name: &str, head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    name.to_ascii_lowercase().ends_with(".json") || matches!(first, Some(b'[' | b'{'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_rows_round_trip_through_json() {
        let e = EntryRow {
            id: Some("17952000000000001".into()),
            parent_id: Some("17952000000000000".into()),
            author: "@Alice".into(),
            profile: Some("https://instagram.com/alice".into()),
            link: Some("https://instagram.com/p/Cx1/c/17952000000000001/".into()),
            date: parse_iso("2026-06-03T18:30:00+02:00").map(|(d, _)| d),
            text: "Hello\n\"quoted\" @bob".into(),
            likes: Some(4.0),
            origin: Origin { file: 1, line: 7 },
        };
        let json = serde_json::to_string(&vec![e.clone()]).unwrap();
        assert_eq!(
            entries_from_json("x.json", &json).unwrap().to_vec(),
            vec![e.clone()]
        );
        let dataset = format!(r#"{{"files": ["a.csv"], "posts": [], "entries": {json}}}"#);
        assert_eq!(
            entries_from_json("x.json", &dataset).unwrap().to_vec(),
            vec![e]
        );
        let err = entries_from_json(
            "x.json",
            "[{\"author\": \"a\",\n \"date\": \"13/06/2026\"}]",
        )
        .unwrap_err();
        assert!(
            err.message.starts_with("x.json, line 2, column "),
            "{}",
            err.message
        );
        assert!(err.message.contains("13/06/2026"), "{}", err.message);
        let err = entries_from_json("x.json", "[{\"text\": \"a\"}]").unwrap_err();
        assert!(err.message.contains("author"), "{}", err.message);
        let err = entries_from_json("x.json", "{\"nope\": 1}").unwrap_err();
        assert!(
            err.message.contains("expected a list of entries"),
            "{}",
            err.message
        );
    }
}
