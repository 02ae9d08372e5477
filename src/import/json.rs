//! JSON: a list of flat records (`[{"Date": …, "Views": …}, …]`), or an object holding one
//! (`{"data": [...]}`), read as a table whose header is every key met, in order of first
//! appearance. Nested objects become `parent.child` columns.

use super::WholeFile;
use crate::table::report::{Issue, Problem};
use crate::table::RowSink;
use crate::table::{Cell, FileProblems, Row};
use serde_json::Value;

/// Reads the JSON `file` into `sink`.
pub(crate) fn read(file: &WholeFile, sink: &mut dyn RowSink, problems: &mut FileProblems) {
    let bytes = file.bytes;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            problems.errors.push(bad_json(&e, file.display));
            return;
        }
    };
    let Some(list) = records(&value) else {
        problems
            .errors
            .push(Problem::new(Issue::JsonShape, file.display));
        return;
    };
    let (header, rows) = table(list);
    sink.begin(file.source(file.display.to_string()));
    sink.row(Row {
        line: 1,
        cells: header.iter().map(|h| Cell::Text(h.clone())).collect(),
    });
    for (n, cells) in rows.into_iter().enumerate() {
        let mut row = vec![Cell::Empty; header.len()];
        for (i, c) in cells {
            row[i] = c;
        }
        // Records are numbered from 1, after the header's line 1.
        sink.row(Row {
            line: n as u64 + 2,
            cells: row,
        });
    }
    sink.end(None);
}

/// The error of a file that is not JSON, placed on its line and column.
fn bad_json(e: &serde_json::Error, display: &str) -> Problem {
    let detail = crate::form::json_message(e);
    let mut p = Problem::new(Issue::BadJson { detail }, display).at_line(e.line() as u64);
    p.column = u32::try_from(e.column()).ok();
    p.column_name = Some(String::new());
    p
}

/// The header (every key met, in order of first appearance) and each record's cells by their
/// column.
fn table(list: &[Value]) -> (Vec<String>, Vec<Vec<(usize, Cell)>>) {
    let mut header: Vec<String> = Vec::new();
    // Each key's column, found in constant time (a record may hold thousands of keys).
    let mut columns: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut rows: Vec<Vec<(usize, Cell)>> = Vec::with_capacity(list.len());
    for item in list {
        let mut flat = Vec::new();
        flatten("", item, &mut flat);
        let mut cells = Vec::with_capacity(flat.len());
        for (key, cell) in flat {
            let i = match columns.get(&key) {
                Some(&i) => i,
                None => {
                    columns.insert(key.clone(), header.len());
                    header.push(key);
                    header.len() - 1
                }
            };
            cells.push((i, cell));
        }
        rows.push(cells);
    }
    (header, rows)
}

/// The list of objects in `value`: itself, or the first (then largest) list of objects it
/// holds.
fn records(value: &Value) -> Option<&Vec<Value>> {
    match value {
        Value::Array(items) if items.iter().any(Value::is_object) => Some(items),
        Value::Object(map) => map
            .values()
            .filter_map(|v| match v {
                Value::Array(items) if items.iter().any(Value::is_object) => Some(items),
                _ => None,
            })
            .max_by_key(|items| items.len()),
        _ => None,
    }
}

fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Cell)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Null => out.push((prefix.to_string(), Cell::Empty)),
        Value::Bool(b) => out.push((prefix.to_string(), Cell::Bool(*b))),
        // Numbers go as text, so 19-digit ids keep their digits.
        Value::Number(n) => out.push((prefix.to_string(), Cell::Text(n.to_string()))),
        Value::String(s) => out.push((prefix.to_string(), Cell::from_text(s.clone()))),
        Value::Array(items) => {
            let text: Vec<String> = items
                .iter()
                .map(|v| match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            out.push((prefix.to_string(), Cell::from_text(text.join(", "))));
        }
    }
}
