//! Follower lists: Instagram's `followers_1.json` or one handle per line, read and joined.

use super::input::{FollowerList, ListFormat};
use crate::draw::{normalise, sorted_unique};
use crate::i18n::Lang;
use serde::Serialize;
use std::fmt;

/// Why a follower list cannot be read: the file, the place and the problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListError {
    /// The message, place first: `followers_1.json, item 3: no username found`.
    pub message: String,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ListError {}

/// The handle at the end of a profile address (`https://www.instagram.com/_u/name/` → `name`).
fn handle_of_url(url: &str) -> Option<&str> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    path.split('/')
        .skip(1)
        .filter(|s| !s.is_empty() && *s != "_u")
        .last()
}

/// The handle of an item of Instagram's list: its `value`, else its `title`, else the end of
/// its `href`.
fn instagram_handle(item: &serde_json::Value) -> Option<String> {
    let data = item.get("string_list_data").and_then(|d| d.as_array());
    let first = data.and_then(|d| d.first());
    let value = first
        .and_then(|d| d.get("value"))
        .and_then(|v| v.as_str())
        .filter(|v| !v.trim().is_empty());
    let title = item
        .get("title")
        .and_then(|v| v.as_str())
        .filter(|v| !v.trim().is_empty());
    let href = first
        .and_then(|d| d.get("href"))
        .and_then(|v| v.as_str())
        .and_then(handle_of_url);
    value.or(title).or(href).map(normalise)
}

/// Reads a follower list: Instagram's "Download your information" JSON (`followers_1.json`, a
/// list of `{"string_list_data": [{"href", "value", "timestamp"}]}`, or the newer shape with
/// the name in `title`, or an object holding such a list), or plain text with one handle (or
/// profile address) per line.
pub fn read_followers(name: &str, text: &str, lang: Lang) -> Result<FollowerList, ListError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let body = text.trim_start();
    let err = |message: String| ListError {
        message: format!("{name}, {message}"),
    };
    let (format, raw) = if body.starts_with('<') {
        return Err(err(lang
            .pick(
                "line 1: this is the HTML version of Instagram’s download; ask for the JSON format instead",
                "ligne 1\u{a0}: c’est la version HTML du téléchargement d’Instagram\u{a0}; demandez le format JSON",
            )
            .to_string()));
    } else if body.starts_with(['[', '{']) {
        (
            ListFormat::InstagramJson,
            json_list(text, lang).map_err(err)?,
        )
    } else {
        (ListFormat::Plain, plain_handles(text))
    };
    let total = raw.len();
    let handles = sorted_unique(raw);
    Ok(FollowerList {
        name: name.to_string(),
        format,
        duplicates: total - handles.len(),
        handles,
    })
}

/// The handles of a JSON list, in file order, or what is wrong with it, placed (`item 3: …`).
fn json_list(text: &str, lang: Lang) -> Result<Vec<String>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let m = crate::form::json_message(&e);
        match lang {
            Lang::En => format!("line {}, column {}: {m}", e.line(), e.column()),
            Lang::Fr => format!("ligne {}, colonne {}\u{a0}: {m}", e.line(), e.column()),
        }
    })?;
    let items = json_items(&value).ok_or_else(|| {
        lang.pick(
            "line 1: expected a list of followers (Instagram’s followers_1.json)",
            "ligne 1\u{a0}: une liste d’abonnés est attendue (le followers_1.json d’Instagram)",
        )
        .to_string()
    })?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| item_handle(item).ok_or_else(|| no_username(i + 1, lang)))
        .collect()
}

/// The items of a JSON list: the list itself, or the one Instagram wraps some lists in
/// (`{"relationships_following": [...]}`).
fn json_items(value: &serde_json::Value) -> Option<&Vec<serde_json::Value>> {
    match value {
        serde_json::Value::Array(a) => Some(a),
        serde_json::Value::Object(o) => o
            .iter()
            .find(|(k, _)| k.starts_with("relationships_"))
            .and_then(|(_, v)| v.as_array()),
        _ => None,
    }
}

/// The handle an item of a JSON list names: a plain string, or Instagram's item.
fn item_handle(item: &serde_json::Value) -> Option<String> {
    let h = match item {
        serde_json::Value::String(s) => Some(normalise(s)),
        _ => instagram_handle(item),
    };
    h.filter(|h| !h.is_empty())
}

/// Why the `n`th item (from 1) of a JSON list names nobody.
fn no_username(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "item {n}: no username found (expected \"string_list_data\" with a \"value\" or \"href\", or a \"title\")"
        ),
        Lang::Fr => format!(
            "élément {n}\u{a0}: aucun nom d’utilisateur (attendu\u{a0}: «\u{a0}string_list_data\u{a0}» avec «\u{a0}value\u{a0}» ou «\u{a0}href\u{a0}», ou un «\u{a0}title\u{a0}»)"
        ),
    }
}

/// The handles of a plain list: one handle or profile address per line, blank lines skipped.
fn plain_handles(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| handle_of_url(l).unwrap_or(l))
        .map(normalise)
        .filter(|h| !h.is_empty())
        .collect()
}

/// Joins lists of one moment (Instagram splits large accounts into `followers_1.json`,
/// `followers_2.json`…).
pub fn join_lists(lists: &[FollowerList]) -> FollowerList {
    let mut all = Vec::new();
    let mut duplicates = 0;
    for l in lists {
        duplicates += l.duplicates;
        all.extend(l.handles.iter().cloned());
    }
    let total = all.len();
    let all = sorted_unique(all);
    let format = match lists.first() {
        Some(first) if lists.iter().all(|l| l.format == first.format) => first.format,
        _ => ListFormat::Plain,
    };
    FollowerList {
        name: lists
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>()
            .join(" + "),
        format,
        duplicates: duplicates + total - all.len(),
        handles: all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_read_followers() {
        use crate::metrics::contest::read_followers;
        use crate::Lang;
        let json = r#"[{"title": "", "media_list_data": [], "string_list_data":
            [{"href": "https://www.instagram.com/lea.b", "value": "lea.b", "timestamp": 1749860021}]}]"#;
        assert_eq!(
            read_followers("followers_1.json", json, Lang::En)
                .unwrap()
                .handles,
            ["lea.b"]
        );
        let plain = read_followers(
            "before.txt",
            "@Tom\ntom\n\nhttps://instagram.com/ana/\n",
            Lang::En,
        )
        .unwrap();
        assert_eq!((plain.handles.len(), plain.duplicates), (2, 1));
    }

    #[test]
    fn instagram_shapes_and_errors() {
        let new_shape = r#"{"relationships_followers": [
            {"title": "Zoe.M", "string_list_data": [{"href": "https://www.instagram.com/_u/zoe.m", "timestamp": 1}]},
            {"title": "", "string_list_data": [{"href": "https://www.instagram.com/_u/max_b/"}]}
        ]}"#;
        let l = read_followers("followers_1.json", new_shape, Lang::En).unwrap();
        assert_eq!(l.handles, ["max_b", "zoe.m"]);
        assert_eq!(l.format, ListFormat::InstagramJson);
        let e = read_followers("f.json", "[{\"title\": \"\"}]", Lang::En).unwrap_err();
        assert!(
            e.message.starts_with("f.json, item 1: no username found"),
            "{}",
            e.message
        );
        let e = read_followers("f.json", "[{,]", Lang::Fr).unwrap_err();
        assert!(
            e.message.starts_with("f.json, ligne 1, colonne 3\u{a0}: "),
            "{}",
            e.message
        );
        let e = read_followers("f.html", "<html>", Lang::En).unwrap_err();
        assert!(e.message.contains("JSON format"), "{}", e.message);
        let empty = read_followers("f.txt", "\n\n", Lang::En).unwrap();
        assert!(empty.handles.is_empty());
    }

    #[test]
    fn split_lists_join() {
        let a = read_followers("followers_1.json", "[\"a\", \"b\"]", Lang::En).unwrap();
        let b = read_followers("followers_2.json", "[\"b\", \"c\"]", Lang::En).unwrap();
        let j = join_lists(&[a, b]);
        assert_eq!(j.handles, ["a", "b", "c"]);
        assert_eq!(j.duplicates, 1);
        assert_eq!(j.name, "followers_1.json + followers_2.json");
    }
}
