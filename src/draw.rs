//! Verifiable winner draws: winners are a pure function of (entries, rules, seed) that anyone
//! can recompute with `sha256sum`, `sort` and `awk`, or a few lines of Python.
//!
//! The steps, one function each:
//! 1. [`read_entries`]: a plain list (one entrant per line) or a JSON entries file into
//!    [`EntryRow`]s (comment exports come through the export readers as the same records);
//! 2. [`prepare`]: normalise entrants, apply the [`Rules`], report every excluded entry with its
//!    reason, and write the *draw file*, whose SHA-256 is the fingerprint announced before the
//!    draw;
//! 3. [`draw`]: rank the tickets of the draw file by SHA-256 of the seed and the ticket, and
//!    write a [`Certificate`];
//! 4. [`redraw`]: a winner disqualified appends a new [`Drawing`] with its reason, never
//!    erasing the ones before;
//! 5. [`verify`]: a certificate and the entries, confirmed or refuted with what differs.
//!
//! # Entrants
//!
//! An entrant's name is normalised by removing control and invisible formatting characters
//! (zero-width spaces, direction marks, soft hyphens), turning every run of white space into one
//! space, trimming, removing the leading `@`s and lower-casing (Unicode). So `@Marie_D`,
//! ` marie_d` and `MARIE_D` are one person, and so are `Marie Dupont` and `marie  dupont`.
//! Handles and display names are treated alike; a name is never matched to a handle (nothing
//! says that `Marie Dupont` is `@marie_d`). When the export gives a profile (id or address),
//! the profile is the person: two `Marie Dupont` with different profiles are two people, shown
//! as `marie dupont [profile]`, and one profile under two names is one person.
//!
//! # The scheme (version 1)
//!
//! The *draw file* is UTF-8 text, every line ending with a line feed (`\n`): header lines, one
//! blank line, then one line per ticket, `entrant`, a tab, and the ticket number (1 to the
//! entrant's number of tickets), sorted by entrant (bytes) then number:
//!
//! ```text
//! social-roi draw 1
//! rules: {"per":"person","winners":1,…}
//! entries: 7, SHA-256 5d1c…
//! people: 4
//! tickets: 5
//!
//! alice\t1
//! bob\t1
//! bob\t2
//! ```
//!
//! (`\t` stands for a tab.)
//!
//! The fingerprint is the SHA-256 of the draw file. Each ticket's score is the SHA-256 of the
//! seed, a line feed, the ticket line and a line feed (`printf '%s\n%s\n' "$SEED" "$TICKET" |
//! sha256sum`). Tickets are ranked by score, as lowercase hexadecimal, smallest first; each
//! entrant takes the place of their best ticket. Winners are the first entrants of that ranking,
//! alternates the next ones; a redraw skips the disqualified. A bonus entry is one more ticket,
//! so an entrant with 3 tickets is 3 times as likely to come first.

use crate::date::{Date, DateTime, Time};
use crate::form::{Entry, FieldError, Fields, Kind};
use crate::i18n::Lang;
use crate::model::{EntryRow, Origin};
use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// First line of every draw file: the scheme and its version.
pub(crate) const DRAW_FILE_HEADER: &str = "social-roi draw 1";
/// The `format` of every certificate this version writes and verifies.
pub(crate) const CERTIFICATE_FORMAT: &str = "social-roi draw certificate 1";

/// Most tickets a draw may hold, bonus entries included.
pub(crate) const MAX_TICKETS: u64 = 1_000_000;
const MAX_WINNERS: f64 = 1000.0;
const MAX_MENTIONS: f64 = 50.0;
const MAX_BONUS: f64 = 10_000.0;
const MAX_KEYWORDS: usize = 20;
const MAX_SEED_CHARS: usize = 1000;
/// Differences listed one by one in a verification before "and N more".
const LISTED: usize = 10;

// ---------------------------------------------------------------------------------------------
// Entrants
// ---------------------------------------------------------------------------------------------

/// Characters that change nothing visible and would make one name two: zero-width spaces and
/// non-joiners, direction marks and embeddings, word joiners, the byte order mark, soft hyphens.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Removes controls and invisible characters, turns white space runs into one space, trims.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() && !invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// An entrant's name or handle as the draw compares it: cleaned, without leading `@`,
/// lower-cased.
pub(crate) fn normalise(name: &str) -> String {
    clean(name)
        .trim_start_matches('@')
        .trim_start()
        .to_lowercase()
}

/// A profile id or address as the draw compares it: normalised, without `http(s)://`,
/// `www.` or `m.`, nor a trailing `/`.
fn normalise_profile(profile: &str) -> String {
    let p = normalise(profile);
    let p = p
        .strip_prefix("https://")
        .or_else(|| p.strip_prefix("http://"))
        .unwrap_or(&p);
    let p = p
        .strip_prefix("www.")
        .or_else(|| p.strip_prefix("m."))
        .unwrap_or(p);
    p.trim_end_matches('/').to_string()
}

fn handle_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// The distinct @mentions of a comment, normalised, in order of appearance. An `@` counts
/// when it starts a word (not `name@example.com`) and is followed by letters, digits, `_` or
/// `.` (a trailing `.` ends the sentence, not the handle).
pub(crate) fn mentions(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let starts = c == '@' && !prev.is_some_and(|p| handle_char(p) || p == '@');
        prev = Some(c);
        if !starts {
            continue;
        }
        let start = i + c.len_utf8();
        let mut end = start;
        while let Some(&(j, d)) = chars.peek() {
            if !handle_char(d) {
                break;
            }
            end = j + d.len_utf8();
            prev = Some(d);
            chars.next();
        }
        let handle = text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('.')
            .to_lowercase();
        if !handle.is_empty() && !out.contains(&handle) {
            out.push(handle);
        }
    }
    out
}

/// Text as keyword matching reads it: cleaned and lower-cased.
fn fold(text: &str) -> String {
    clean(text).to_lowercase()
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `keyword` (folded) occurs in `text` (folded) as a whole word or tag: `#concours` is not in
/// `#concours2026`, `rouge` is not in `rouges`.
fn has_keyword(text: &str, keyword: &str) -> bool {
    let first = keyword
        .chars()
        .next()
        .is_some_and(|c| word_char(c) || c == '#');
    let last = keyword.chars().next_back().is_some_and(word_char);
    text.match_indices(keyword).any(|(i, m)| {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i + m.len()..).and_then(|s| s.chars().next());
        (!first || !before.is_some_and(|c| word_char(c) || c == '#' || c == '@'))
            && (!last || !after.is_some_and(word_char))
    })
}

// ---------------------------------------------------------------------------------------------
// Dates of the window
// ---------------------------------------------------------------------------------------------

/// How precisely a date was written: an end of the window covers the whole day, minute or
/// second it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Precision {
    Day,
    Minute,
    Second,
}

/// Reads an ISO 8601 date or date-time: `2026-06-14`, `2026-06-14 23:59`,
/// `2026-06-14T23:59:30`, with optional fractions of a second and `Z` or `±HH:MM` offset.
fn parse_iso(text: &str) -> Option<(DateTime, Precision)> {
    let s = text.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b.len() < 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let date = Date::new(
        i32::try_from(num(0, 4)?).ok()?,
        u8::try_from(num(5, 2)?).ok()?,
        u8::try_from(num(8, 2)?).ok()?,
    )?;
    if b.len() == 10 {
        return Some((DateTime::date(date), Precision::Day));
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let hour = num(11, 2)?;
    let minute = num(14, 2)?;
    let mut pos = 16;
    let mut precision = Precision::Minute;
    let mut second = 0;
    if b.get(pos) == Some(&b':') {
        second = num(pos + 1, 2)?;
        pos += 3;
        precision = Precision::Second;
        if matches!(b.get(pos), Some(b'.' | b',')) {
            pos += 1;
            let digits = b
                .get(pos..)?
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits == 0 {
                return None;
            }
            pos += digits;
        }
    }
    let time = Time::new(
        u8::try_from(hour).ok()?,
        u8::try_from(minute).ok()?,
        u8::try_from(second).ok()?,
    )?;
    let rest = s.get(pos..)?.trim_start();
    let offset = match rest {
        "" => None,
        "Z" | "z" => Some(0),
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest.get(1..)?.chars().filter(|&c| c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let h: i32 = digits.get(..2)?.parse().ok()?;
            let m: i32 = digits.get(2..)?.parse().ok()?;
            if h > 23 || m > 59 {
                return None;
            }
            Some(sign * (h * 60 + m))
        }
    };
    Some((
        DateTime {
            date,
            time: Some(time),
            offset_minutes: offset,
        },
        precision,
    ))
}

/// The canonical text of a parsed date: ISO 8601 at the precision it was written.
fn iso(dt: &DateTime, precision: Precision) -> String {
    let mut s = dt.date.to_string();
    if let (Some(t), false) = (dt.time, precision == Precision::Day) {
        s.push_str(&format!("T{:02}:{:02}", t.hour(), t.minute()));
        if precision == Precision::Second {
            s.push_str(&format!(":{:02}", t.second()));
        }
        if let Some(o) = dt.offset_minutes {
            let sign = if o < 0 { '-' } else { '+' };
            s.push_str(&format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60));
        }
    }
    s
}

/// One end of the date window.
#[derive(Clone, Copy, Debug)]
struct Bound {
    at: DateTime,
    precision: Precision,
}

impl Bound {
    fn parse(text: &str) -> Option<Bound> {
        parse_iso(text).map(|(at, precision)| Bound { at, precision })
    }

    /// Seconds of the bound's first (or, with `end`, last) second, on the entry's clock: UTC
    /// when both have an offset, else the wall clock.
    fn seconds(&self, entry: &DateTime, end: bool) -> i64 {
        let span = match self.precision {
            Precision::Day => 86_400,
            Precision::Minute => 60,
            Precision::Second => 1,
        };
        let start = match (self.at.utc_seconds(), entry.offset_minutes) {
            (Some(utc), Some(_)) => utc,
            _ => self.at.local_seconds(),
        };
        if end {
            start + span - 1
        } else {
            start
        }
    }
}

fn entry_seconds(entry: &DateTime, bound: &Bound) -> i64 {
    match (entry.utc_seconds(), bound.at.offset_minutes) {
        (Some(utc), Some(_)) if entry.time.is_some() => utc,
        _ => entry.local_seconds(),
    }
}

/// `Less` when `entry` is before the bound's start, `Greater` after its end.
fn compare(entry: &DateTime, bound: &Bound) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    if entry.time.is_none() || bound.precision == Precision::Day {
        return entry.date.cmp(&bound.at.date);
    }
    let e = entry_seconds(entry, bound);
    if e < bound.seconds(entry, false) {
        Less
    } else if e > bound.seconds(entry, true) {
        Greater
    } else {
        Equal
    }
}

// ---------------------------------------------------------------------------------------------
// Entries in
// ---------------------------------------------------------------------------------------------

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
pub fn entries_from_json(name: &str, text: &str) -> Result<Vec<EntryRow>, EntriesError> {
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
    Ok(EntryList::from(list).0)
}

/// A plain list: one entrant per line (UTF-8, with or without BOM, any line ending); blank
/// lines are skipped, and each entry remembers its line.
pub(crate) fn entries_from_list(text: &str) -> Vec<EntryRow> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !clean(l).is_empty())
        .map(|(i, l)| EntryRow {
            id: None,
            parent_id: None,
            author: l.trim().to_string(),
            profile: None,
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
/// assert_eq!(entries[1].author, "bob");
/// assert_eq!(entries[1].origin.line, 3);
/// ```
pub fn read_entries(name: &str, text: &str) -> Result<Vec<EntryRow>, EntriesError> {
    if is_json(name, text.as_bytes()) {
        entries_from_json(name, text)
    } else {
        Ok(entries_from_list(text))
    }
}

/// Whether an entries file is JSON (a list of entries, read by [`read_entries`]) rather than a
/// comment export or a list for the export readers: a `.json` name, or a first character
/// (after a byte order mark and white space) of `[` or `{`. `head` is the file's first bytes.
/// The page and the command line route files by this same rule.
///
/// ```
/// use social_roi::{is_entries_json as is_json};
/// assert!(is_json("entries.json", b""));
/// assert!(is_json("-", b"\xEF\xBB\xBF\n  [{\"author\": \"ann\"}]"));
/// assert!(!is_json("comments.csv", b"Id,SubId,Name (click to view profile)"));
/// ```
pub fn is_json(name: &str, head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    name.to_ascii_lowercase().ends_with(".json") || matches!(first, Some(b'[' | b'{'))
}

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/// What one ticket stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// One entry per person, however many times they commented (their first eligible comment
    /// counts).
    #[default]
    Person,
    /// One entry per eligible comment (the same text twice from one person counts once); a
    /// person still wins at most once.
    Comment,
}

/// Extra tickets for one entrant (shared the post, subscribed to the newsletter…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BonusInput {
    /// The entrant's name, handle or profile.
    pub entrant: String,
    /// Tickets added.
    pub entries: Entry,
}

/// The rules as the form types them: every number may be typed text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesInput {
    /// One entry per person or per comment.
    pub per: Per,
    /// Number of winners; blank means 1.
    pub winners: Entry,
    /// Number of ordered alternates; blank means 0.
    pub alternates: Entry,
    /// Count replies to other comments as entries (off: only top-level comments count).
    pub include_replies: bool,
    /// Distinct @mentions a comment must hold (tag two friends); blank means 0.
    pub min_mentions: Entry,
    /// Keywords or hashtags every entry must contain (case-insensitive, whole words).
    pub keywords: Vec<String>,
    /// Start of the window (ISO 8601: `2026-06-01` or `2026-06-01T09:00`), inclusive.
    pub from: Option<String>,
    /// End of the window, inclusive to the day, minute or second written.
    pub until: Option<String>,
    /// The organiser's own account: its comments are not entries, mentions of it do not count.
    pub organiser: Option<String>,
    /// People who may not win (staff, past winners): names, handles or profiles.
    pub exclude: Vec<String>,
    /// Extra tickets for named entrants.
    pub bonus: Vec<BonusInput>,
    /// Extra tickets per distinct mention beyond `min_mentions`, per counted comment.
    pub bonus_per_mention: Entry,
    /// Most tickets one person may hold; blank means no limit.
    pub max_entries: Entry,
}

/// Extra tickets for one entrant, validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bonus {
    /// The entrant, normalised.
    pub entrant: String,
    /// Tickets added, at least 1.
    pub entries: u32,
}

/// The rules, validated and canonical: what the certificate records and the fingerprint covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// One entry per person or per comment.
    pub per: Per,
    /// Number of winners, 1 to 1000.
    pub winners: u32,
    /// Number of ordered alternates, 0 to 1000.
    pub alternates: u32,
    /// Replies count as entries.
    pub include_replies: bool,
    /// Distinct @mentions a comment must hold.
    pub min_mentions: u32,
    /// Keywords or hashtags every entry must contain, folded (lower case, single spaces).
    pub keywords: Vec<String>,
    /// Start of the window, ISO 8601 at the precision typed.
    pub from: Option<String>,
    /// End of the window, ISO 8601 at the precision typed.
    pub until: Option<String>,
    /// The organiser's account, normalised.
    pub organiser: Option<String>,
    /// Excluded people, normalised, sorted, without duplicates.
    pub exclude: Vec<String>,
    /// Extra tickets, one line per entrant, sorted.
    pub bonus: Vec<Bonus>,
    /// Extra tickets per mention beyond the minimum.
    pub bonus_per_mention: u32,
    /// Most tickets one person may hold.
    pub max_entries: Option<u32>,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            per: Per::Person,
            winners: 1,
            alternates: 0,
            include_replies: false,
            min_mentions: 0,
            keywords: Vec::new(),
            from: None,
            until: None,
            organiser: None,
            exclude: Vec::new(),
            bonus: Vec::new(),
            bonus_per_mention: 0,
            max_entries: None,
        }
    }
}

impl From<&Rules> for RulesInput {
    fn from(r: &Rules) -> RulesInput {
        let n = |x: u32| Entry::Number(f64::from(x));
        RulesInput {
            per: r.per,
            winners: n(r.winners),
            alternates: n(r.alternates),
            include_replies: r.include_replies,
            min_mentions: n(r.min_mentions),
            keywords: r.keywords.clone(),
            from: r.from.clone(),
            until: r.until.clone(),
            organiser: r.organiser.clone(),
            exclude: r.exclude.clone(),
            bonus: r
                .bonus
                .iter()
                .map(|b| BonusInput {
                    entrant: b.entrant.clone(),
                    entries: n(b.entries),
                })
                .collect(),
            bonus_per_mention: n(r.bonus_per_mention),
            max_entries: r.max_entries.map_or(Entry::Blank, n),
        }
    }
}

fn whole(
    f: &mut Fields,
    lang: Lang,
    e: &Entry,
    field: &str,
    range: (f64, f64),
    default: u32,
) -> u32 {
    match f.read(e, field, Kind::Count) {
        None => default,
        Some(v) if v < range.0 || v > range.1 => {
            let msg = match lang {
                Lang::En => format!(
                    "a whole number from {} to {} is expected, found {v}",
                    range.0, range.1
                ),
                Lang::Fr => format!(
                    "un nombre entier de {} à {} est attendu, trouvé {v}",
                    range.0, range.1
                ),
            };
            f.error(field, msg);
            default
        }
        Some(v) => v as u32,
    }
}

fn blank(e: &Entry) -> bool {
    match e {
        Entry::Blank => true,
        Entry::Text(t) => t.trim().is_empty(),
        Entry::Number(_) => false,
    }
}

fn window_bound(f: &mut Fields, lang: Lang, text: &Option<String>, field: &str) -> Option<String> {
    let t = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    match parse_iso(t) {
        Some((dt, p)) => Some(iso(&dt, p)),
        None => {
            let msg = match lang {
                Lang::En => format!(
                    "expected a date such as 2026-06-14 or 2026-06-14T18:30, found \"{t}\""
                ),
                Lang::Fr => format!(
                    "une date comme 2026-06-14 ou 2026-06-14T18:30 est attendue, trouvé «\u{a0}{t}\u{a0}»"
                ),
            };
            f.error(field, msg);
            None
        }
    }
}

/// Validates typed rules into canonical [`Rules`], or a message per field (paths such as
/// `winners` or `bonus[0].entries`).
pub(crate) fn validate_rules(input: &RulesInput, lang: Lang) -> Result<Rules, Vec<FieldError>> {
    let mut f = Fields::new(lang, None);
    let winners = whole(
        &mut f,
        lang,
        &input.winners,
        "winners",
        (1.0, MAX_WINNERS),
        1,
    );
    let alternates = whole(
        &mut f,
        lang,
        &input.alternates,
        "alternates",
        (0.0, MAX_WINNERS),
        0,
    );
    let min_mentions = whole(
        &mut f,
        lang,
        &input.min_mentions,
        "min_mentions",
        (0.0, MAX_MENTIONS),
        0,
    );
    let bonus_per_mention = whole(
        &mut f,
        lang,
        &input.bonus_per_mention,
        "bonus_per_mention",
        (0.0, 100.0),
        0,
    );
    let max_entries = (!blank(&input.max_entries)).then(|| {
        whole(
            &mut f,
            lang,
            &input.max_entries,
            "max_entries",
            (1.0, MAX_BONUS),
            1,
        )
    });
    let mut keywords: Vec<String> = Vec::new();
    for (i, k) in input.keywords.iter().enumerate() {
        let k = fold(k);
        if k.is_empty() {
            continue;
        }
        if !k.chars().any(char::is_alphanumeric) {
            let msg = match lang {
                Lang::En => format!("a keyword needs a letter or a digit, found \"{k}\""),
                Lang::Fr => format!(
                    "un mot-clé doit contenir une lettre ou un chiffre, trouvé «\u{a0}{k}\u{a0}»"
                ),
            };
            f.error(&format!("keywords[{i}]"), msg);
        } else if !keywords.contains(&k) {
            keywords.push(k);
        }
    }
    if keywords.len() > MAX_KEYWORDS {
        let msg = match lang {
            Lang::En => format!("at most {MAX_KEYWORDS} keywords"),
            Lang::Fr => format!("au plus {MAX_KEYWORDS} mots-clés"),
        };
        f.error("keywords", msg);
    }
    let from = window_bound(&mut f, lang, &input.from, "from");
    let until = window_bound(&mut f, lang, &input.until, "until");
    if let (Some(a), Some(b)) = (
        from.as_deref().and_then(Bound::parse),
        until.as_deref().and_then(Bound::parse),
    ) {
        if compare(&a.at, &b) == std::cmp::Ordering::Greater {
            let msg = lang.pick(
                "the end of the window is before its start",
                "la fin de la période est avant son début",
            );
            f.error("until", msg.to_string());
        }
    }
    let organiser = input
        .organiser
        .as_deref()
        .map(normalise)
        .filter(|o| !o.is_empty());
    let exclude = sorted_unique(
        input
            .exclude
            .iter()
            .map(|e| normalise(e))
            .filter(|e| !e.is_empty())
            .collect(),
    );
    let mut bonus: HashMap<String, u32> = HashMap::new();
    for (i, b) in input.bonus.iter().enumerate() {
        let who = normalise(&b.entrant);
        let field = format!("bonus[{i}].entries");
        let n = whole(&mut f, lang, &b.entries, &field, (1.0, MAX_BONUS), 0);
        if who.is_empty() {
            if !blank(&b.entries) {
                let msg = lang.pick(
                    "enter who gets these bonus entries",
                    "indiquez qui reçoit ces participations bonus",
                );
                f.error(&format!("bonus[{i}].entrant"), msg.to_string());
            }
            continue;
        }
        if blank(&b.entries) {
            let msg = lang.pick(
                "enter the number of bonus entries",
                "indiquez le nombre de participations bonus",
            );
            f.error(&field, msg.to_string());
            continue;
        }
        let slot = bonus.entry(who).or_insert(0);
        *slot = slot.saturating_add(n).min(MAX_BONUS as u32);
    }
    if !f.errors.is_empty() {
        return Err(f.errors);
    }
    Ok(Rules {
        per: input.per,
        winners,
        alternates,
        include_replies: input.include_replies,
        min_mentions,
        keywords,
        from,
        until,
        organiser,
        exclude,
        bonus: sorted_unique(bonus.keys().cloned().collect())
            .into_iter()
            .map(|entrant| Bonus {
                entries: bonus.get(&entrant).copied().unwrap_or(0),
                entrant,
            })
            .collect(),
        bonus_per_mention,
        max_entries,
    })
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

/// Where a seed comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeedKind {
    /// A public value announced before the draw and unknown until then: a lottery result, a
    /// public randomness beacon round. The strongest: the organiser cannot choose it.
    #[default]
    Public,
    /// Random bytes generated on the organiser's machine (`crypto.getRandomValues`, the
    /// operating system), shown with the result.
    Generated,
}

/// A seed as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeedInput {
    /// Public or generated.
    pub kind: SeedKind,
    /// The value, as published (`12 18 27 33 41 + 4 9`) or as generated (hexadecimal).
    pub value: String,
    /// Where a public value comes from (`EuroMillions, 12 June 2026`).
    pub source: Option<String>,
}

/// A seed, validated: the value the scores use.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    /// Public or generated.
    pub kind: SeedKind,
    /// The value: white space runs made one space and trimmed; a generated one in lower case.
    pub value: String,
    /// Where a public value comes from.
    pub source: Option<String>,
}

/// Validates a seed; errors name `value` or `source`.
pub(crate) fn validate_seed(input: &SeedInput, lang: Lang) -> Result<Seed, FieldError> {
    let value = clean(&input.value);
    let err = |message: &str| FieldError {
        field: "value".to_string(),
        message: message.to_string(),
    };
    if value.is_empty() {
        return Err(err(match input.kind {
            SeedKind::Public => lang.pick(
                "enter the public value announced before the draw (a lottery result, a beacon round)",
                "indiquez la valeur publique annoncée avant le tirage (un résultat de loterie, un tour de balise publique)",
            ),
            SeedKind::Generated => lang.pick(
                "generate a seed first",
                "générez d’abord une graine",
            ),
        }));
    }
    if value.chars().count() > MAX_SEED_CHARS {
        return Err(err(lang.pick(
            "too long: at most 1000 characters",
            "trop long\u{a0}: au plus 1000 caractères",
        )));
    }
    let value = match input.kind {
        SeedKind::Public => value,
        SeedKind::Generated => {
            let hex = value.to_ascii_lowercase();
            if hex.len() < 32 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(err(lang.pick(
                    "a generated seed is at least 32 hexadecimal digits (128 bits)",
                    "une graine générée compte au moins 32 chiffres hexadécimaux (128 bits)",
                )));
            }
            hex
        }
    };
    Ok(Seed {
        kind: input.kind,
        value,
        source: input.source.as_deref().map(clean).filter(|s| !s.is_empty()),
    })
}

// ---------------------------------------------------------------------------------------------
// Preparation: who is in, with how many tickets, and the fingerprint
// ---------------------------------------------------------------------------------------------

/// Why an entry is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No name, handle or profile.
    NoAuthor,
    /// The same comment id as an earlier entry (two overlapping exports).
    DuplicateId,
    /// The organiser's own comment.
    Organiser,
    /// On the exclusion list.
    Excluded,
    /// A reply to another comment, and replies do not count.
    Reply,
    /// No date, and the rules set a window.
    NoDate,
    /// Before the window.
    BeforeStart,
    /// After the window.
    AfterEnd,
    /// A required keyword or hashtag is missing.
    MissingKeyword,
    /// Fewer distinct @mentions than required.
    TooFewMentions,
    /// One entry per person, and an earlier comment of theirs already counts.
    AlreadyEntered,
    /// One entry per comment, and the same person wrote the same text earlier.
    SameText,
}

/// An entry left out of the draw, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Position of the entry in the list (0-based).
    pub index: usize,
    /// Which file it came from (index in the dataset's files).
    pub file: usize,
    /// The line (or row) of that file.
    pub line: u64,
    /// The author as written.
    pub author: String,
    /// The entrant as the draw names them, when there is one.
    pub entrant: Option<String>,
    /// Why, as a code.
    pub reason: Reason,
    /// Why, in words, in the certificate's language.
    pub message: String,
}

impl Reason {
    /// Every reason, in the order the rules are applied.
    pub const ALL: [Reason; 12] = [
        Reason::NoAuthor,
        Reason::DuplicateId,
        Reason::Organiser,
        Reason::Excluded,
        Reason::Reply,
        Reason::NoDate,
        Reason::BeforeStart,
        Reason::AfterEnd,
        Reason::MissingKeyword,
        Reason::TooFewMentions,
        Reason::AlreadyEntered,
        Reason::SameText,
    ];

    /// What the entries left out for this reason have in common, in `lang`: the heading of
    /// their group.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Reason::NoAuthor => {
                lang.pick("No name, handle or profile", "Ni nom, ni pseudo, ni profil")
            }
            Reason::DuplicateId => lang.pick(
                "The same comment twice (overlapping exports)",
                "Le même commentaire deux fois (exports qui se recoupent)",
            ),
            Reason::Organiser => lang.pick(
                "The organiser’s own comments",
                "Commentaires de l’organisateur",
            ),
            Reason::Excluded => lang.pick("On the exclusion list", "Sur la liste d’exclusion"),
            Reason::Reply => lang.pick(
                "Replies to other comments",
                "Réponses à d’autres commentaires",
            ),
            Reason::NoDate => lang.pick(
                "No date, and the rules set a window",
                "Sans date, alors que les règles fixent une période",
            ),
            Reason::BeforeStart => lang.pick("Before the start", "Avant le début"),
            Reason::AfterEnd => lang.pick("After the end", "Après la fin"),
            Reason::MissingKeyword => lang.pick(
                "A required keyword or hashtag is missing",
                "Il manque un mot-clé ou un hashtag demandé",
            ),
            Reason::TooFewMentions => lang.pick("Too few @mentions", "Trop peu de mentions @"),
            Reason::AlreadyEntered => lang.pick(
                "Already entered (one entry per person)",
                "Déjà inscrit (une participation par personne)",
            ),
            Reason::SameText => lang.pick(
                "The same text twice from one person",
                "Le même texte deux fois, d’une même personne",
            ),
        }
    }
}

/// How many entries were left out for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReasonCount {
    /// The reason, as a code.
    pub reason: Reason,
    /// The reason, in words ([`Reason::label`]).
    pub label: &'static str,
    /// Entries left out for it.
    pub count: usize,
}

/// The exclusions counted by reason, in the order the rules are applied; reasons with no
/// entry are left out. What a long list of exclusions is summed up by.
pub fn exclusions_by_reason(exclusions: &[Exclusion], lang: Lang) -> Vec<ReasonCount> {
    Reason::ALL
        .iter()
        .map(|&reason| ReasonCount {
            reason,
            label: reason.label(lang),
            count: exclusions.iter().filter(|x| x.reason == reason).count(),
        })
        .filter(|r| r.count > 0)
        .collect()
}

/// Something the organiser should know before drawing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// Stable code (`few_people`, `exclude_unmatched`, `bonus_unmatched`, `no_text`,
    /// `no_dates`).
    pub code: String,
    /// What it means, in the report's language.
    pub message: String,
}

/// How many entries, people and tickets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Entries read.
    pub entries: usize,
    /// Entries counted (one per person, or per eligible comment).
    pub eligible: usize,
    /// Entries left out (`eligible + excluded = entries`).
    pub excluded: usize,
    /// People with at least one ticket.
    pub people: usize,
    /// Tickets, bonus entries included.
    pub tickets: u64,
}

/// One person in the draw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The entrant as the draw file names them.
    pub entrant: String,
    /// Their tickets.
    pub tickets: u32,
    /// Their counted entries.
    pub entries: u32,
    /// The line of their first counted entry.
    pub line: u64,
}

/// Everything known before the seed: the fingerprint to announce, who is in and who is out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Prepared {
    /// The rules applied.
    pub rules: Rules,
    /// Entries, people, tickets.
    pub counts: Counts,
    /// SHA-256 of the entries as read, in order (see [`entries_sha256`]).
    pub entries_sha256: String,
    /// SHA-256 of `draw_file`: announce it before the draw.
    pub fingerprint: String,
    /// The canonical list of rules and tickets the draw ranks.
    pub draw_file: String,
    /// The people in the draw, sorted by entrant.
    pub people: Vec<Person>,
    /// Every entry left out, in order, with its reason.
    pub exclusions: Vec<Exclusion>,
    /// What to check before drawing.
    pub warnings: Vec<Warning>,
}

/// Sorted by bytes, each once. The one sort of the module: a single instantiation keeps the
/// WebAssembly small.
pub(crate) fn sorted_unique(mut v: Vec<String>) -> Vec<String> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 15)] as char);
    }
    s
}

/// SHA-256, as lowercase hexadecimal.
///
/// ```
/// use social_roi::{sha256_hex};
/// assert_eq!(
///     sha256_hex(b"abc"),
///     "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// );
/// ```
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// SHA-256 of the entries as read, in order: each entry one line of JSON,
/// `[id, parent_id, author, profile, date, text]` (dates in ISO 8601), ending with a line feed.
/// Likes and the file and line an entry came from are left out.
pub(crate) fn entries_sha256(entries: &[EntryRow]) -> String {
    let mut h = Sha256::new();
    for e in entries {
        let line = (
            &e.id,
            &e.parent_id,
            &e.author,
            &e.profile,
            e.date.map(|d| d.to_string()),
            &e.text,
        );
        // Serialising strings and options cannot fail.
        if let Ok(json) = serde_json::to_string(&line) {
            h.update(json.as_bytes());
        }
        h.update(b"\n");
    }
    hex(&h.finalize())
}

/// Who an entry is: the profile when there is one, else the name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Identity {
    Profile(String),
    Name(String),
}

/// The name and profile of an entry, normalised; the name falls back on the profile.
fn who(e: &EntryRow) -> (String, Option<String>) {
    let profile = e
        .profile
        .as_deref()
        .map(normalise_profile)
        .filter(|p| !p.is_empty());
    let name = normalise(&e.author);
    let name = if name.is_empty() {
        profile.clone().unwrap_or_default()
    } else {
        name
    };
    (name, profile)
}

fn identity(name: &str, profile: &Option<String>) -> Identity {
    match profile {
        Some(p) => Identity::Profile(p.clone()),
        None => Identity::Name(name.to_string()),
    }
}

/// What a comment file holds before any rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Tally {
    /// Comments, each counted once (a comment id seen twice, from overlapping exports, once).
    pub comments: usize,
    /// Those with an author, the organiser's own left out.
    pub entries: usize,
    /// Distinct people among them.
    pub people: usize,
}

/// The comments, entries and distinct people of a comment file, leaving out `account`'s own
/// comments (the organiser answering): what "entries" and "participants" mean before any rule.
pub(crate) fn tally_entries(entries: &[EntryRow], account: Option<&str>) -> Tally {
    let account = account
        .map(normalise)
        .filter(|a| !a.is_empty())
        .map(|a| Named::new(&a));
    let mut ids = HashSet::new();
    let mut people = HashSet::new();
    let mut t = Tally {
        comments: 0,
        entries: 0,
        people: 0,
    };
    for e in entries {
        if let Some(id) = e.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
            if !ids.insert(id) {
                continue;
            }
        }
        t.comments += 1;
        let (name, profile) = who(e);
        if name.is_empty()
            || account
                .as_ref()
                .is_some_and(|a| a.names(&name, &name, &profile))
        {
            continue;
        }
        t.entries += 1;
        people.insert(identity(&name, &profile));
    }
    t.people = people.len();
    t
}

/// The entrant of every identity: its first name, with the profile when two identities share
/// a name; unique.
fn entrant_names(entries: &[EntryRow]) -> HashMap<Identity, String> {
    // Identities in order of first appearance, so a suffix, if ever needed, goes to the later.
    let mut seen: HashSet<Identity> = HashSet::new();
    let mut order: Vec<(Identity, String, Option<String>)> = Vec::new();
    for e in entries {
        let (name, profile) = who(e);
        if name.is_empty() {
            continue;
        }
        let id = identity(&name, &profile);
        if seen.insert(id.clone()) {
            order.push((id, name, profile));
        }
    }
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    for (_, name, _) in &order {
        *by_name.entry(name.as_str()).or_insert(0) += 1;
    }
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = HashMap::new();
    for (id, name, profile) in &order {
        let mut key = match profile {
            Some(p) if by_name.get(name.as_str()).copied().unwrap_or(0) > 1 => {
                format!("{name} [{p}]")
            }
            _ => name.clone(),
        };
        let mut n = 2;
        while taken.contains(&key) {
            key = format!("{name} #{n}");
            n += 1;
        }
        taken.insert(key.clone());
        out.insert(id.clone(), key);
    }
    out
}

/// An item of a list of people (exclusions, the organiser), in both forms it may match.
struct Named {
    item: String,
    as_profile: String,
}

impl Named {
    fn new(item: &str) -> Named {
        Named {
            item: item.to_string(),
            as_profile: normalise_profile(item),
        }
    }

    /// Whether it names this person: their entrant, name or profile.
    fn names(&self, entrant: &str, name: &str, profile: &Option<String>) -> bool {
        self.item == entrant || self.item == name || profile.as_deref() == Some(&self.as_profile)
    }
}

struct PersonTally {
    entrant: String,
    /// Every name and profile the person's counted entries were written with.
    aliases: HashSet<String>,
    tickets: u64,
    entries: u32,
    line: u64,
    texts: HashMap<String, u64>,
    counted: bool,
}

/// Applies the rules to the entries: who is in with how many tickets, every exclusion with
/// its reason, the draw file and its fingerprint. Fails only when the tickets exceed
/// [`MAX_TICKETS`].
pub(crate) fn prepare(
    entries: &[EntryRow],
    rules: &Rules,
    lang: Lang,
) -> Result<Prepared, FieldError> {
    let names_of = entrant_names(entries);
    let from = rules.from.as_deref().and_then(Bound::parse);
    let until = rules.until.as_deref().and_then(Bound::parse);
    let organiser = rules.organiser.as_deref();
    let organiser_named = organiser.map(Named::new);
    let excluded: Vec<Named> = rules.exclude.iter().map(|x| Named::new(x)).collect();
    let mut seen_ids: HashMap<&str, u64> = HashMap::new();
    let mut tallies: HashMap<String, PersonTally> = HashMap::new();
    let mut exclusions = Vec::new();
    let mut exclude_used: HashSet<&str> = HashSet::new();
    let mut eligible = 0usize;
    for (index, e) in entries.iter().enumerate() {
        let (name, profile) = who(e);
        let entrant = names_of.get(&identity(&name, &profile)).cloned();
        let mut out = |reason: Reason, message: String| {
            exclusions.push(Exclusion {
                index,
                file: e.origin.file,
                line: e.origin.line,
                author: e.author.clone(),
                entrant: entrant.clone(),
                reason,
                message,
            })
        };
        let Some(key) = entrant.clone() else {
            out(
                Reason::NoAuthor,
                lang.pick("no name, handle or profile", "ni nom, ni pseudo, ni profil")
                    .to_string(),
            );
            continue;
        };
        if let Some(id) = e.id.as_deref().map(str::trim).filter(|i| !i.is_empty()) {
            if let Some(first) = seen_ids.get(id) {
                out(
                    Reason::DuplicateId,
                    match lang {
                        Lang::En => format!("the same comment id as line {first}"),
                        Lang::Fr => {
                            format!("le même identifiant de commentaire que la ligne {first}")
                        }
                    },
                );
                continue;
            }
            seen_ids.insert(id, e.origin.line);
        }
        if organiser_named
            .as_ref()
            .is_some_and(|o| o.names(&key, &name, &profile))
        {
            out(
                Reason::Organiser,
                lang.pick(
                    "the organiser’s own comment",
                    "un commentaire de l’organisateur",
                )
                .to_string(),
            );
            continue;
        }
        if let Some(item) = excluded
            .iter()
            .find(|x| x.names(&key, &name, &profile))
            .map(|x| x.item.as_str())
        {
            exclude_used.insert(item);
            out(
                Reason::Excluded,
                match lang {
                    Lang::En => format!("on the exclusion list (\"{item}\")"),
                    Lang::Fr => format!("sur la liste d’exclusion («\u{a0}{item}\u{a0}»)"),
                },
            );
            continue;
        }
        if !rules.include_replies && e.parent_id.as_deref().is_some_and(|p| !p.trim().is_empty()) {
            out(
                Reason::Reply,
                lang.pick(
                    "a reply to another comment: only top-level comments count",
                    "une réponse à un autre commentaire\u{a0}: seuls les commentaires principaux comptent",
                )
                .to_string(),
            );
            continue;
        }
        if from.is_some() || until.is_some() {
            let Some(date) = e.date else {
                out(
                    Reason::NoDate,
                    lang.pick(
                        "no date: the entry cannot be placed in the window",
                        "pas de date\u{a0}: impossible de situer la participation dans la période",
                    )
                    .to_string(),
                );
                continue;
            };
            if let (Some(b), Some(text)) = (&from, &rules.from) {
                if compare(&date, b) == std::cmp::Ordering::Less {
                    out(
                        Reason::BeforeStart,
                        match lang {
                            Lang::En => format!("written {date}, before the start ({text})"),
                            Lang::Fr => format!("écrit le {date}, avant le début ({text})"),
                        },
                    );
                    continue;
                }
            }
            if let (Some(b), Some(text)) = (&until, &rules.until) {
                if compare(&date, b) == std::cmp::Ordering::Greater {
                    out(
                        Reason::AfterEnd,
                        match lang {
                            Lang::En => format!("written {date}, after the end ({text})"),
                            Lang::Fr => format!("écrit le {date}, après la fin ({text})"),
                        },
                    );
                    continue;
                }
            }
        }
        let text = fold(&e.text);
        if let Some(k) = rules.keywords.iter().find(|k| !has_keyword(&text, k)) {
            out(
                Reason::MissingKeyword,
                match lang {
                    Lang::En => format!("does not contain \"{k}\""),
                    Lang::Fr => format!("ne contient pas «\u{a0}{k}\u{a0}»"),
                },
            );
            continue;
        }
        let tagged = mentions(&e.text)
            .into_iter()
            .filter(|m| *m != name && *m != key && Some(m.as_str()) != organiser)
            .count() as u32;
        if tagged < rules.min_mentions {
            let need = rules.min_mentions;
            out(
                Reason::TooFewMentions,
                match lang {
                    Lang::En => format!(
                        "{tagged} distinct @mention{}, {need} needed",
                        if tagged == 1 { "" } else { "s" }
                    ),
                    Lang::Fr => format!(
                        "{tagged} mention{} @ distincte{}, {need} demandée{}",
                        if tagged > 1 { "s" } else { "" },
                        if tagged > 1 { "s" } else { "" },
                        if need > 1 { "s" } else { "" }
                    ),
                },
            );
            continue;
        }
        let tally = tallies.entry(key.clone()).or_insert_with(|| PersonTally {
            entrant: key.clone(),
            aliases: HashSet::new(),
            tickets: 0,
            entries: 0,
            line: e.origin.line,
            texts: HashMap::new(),
            counted: false,
        });
        match rules.per {
            Per::Person if tally.counted => {
                let first = tally.line;
                out(
                    Reason::AlreadyEntered,
                    match lang {
                        Lang::En => format!("one entry per person: line {first} already counts"),
                        Lang::Fr => format!(
                            "une participation par personne\u{a0}: la ligne {first} compte déjà"
                        ),
                    },
                );
                continue;
            }
            Per::Comment if !text.is_empty() && tally.texts.contains_key(&text) => {
                let first = tally.texts.get(&text).copied().unwrap_or(0);
                out(
                    Reason::SameText,
                    match lang {
                        Lang::En => format!("the same text as this person’s line {first}"),
                        Lang::Fr => {
                            format!("le même texte que la ligne {first} de cette personne")
                        }
                    },
                );
                continue;
            }
            _ => {}
        }
        if !tally.counted {
            tally.line = e.origin.line;
        }
        tally.counted = true;
        tally.entries += 1;
        tally.aliases.insert(name.clone());
        tally.aliases.extend(profile.clone());
        tally.texts.entry(text).or_insert(e.origin.line);
        let extra = u64::from(tagged.saturating_sub(rules.min_mentions));
        tally.tickets += 1 + extra * u64::from(rules.bonus_per_mention);
        eligible += 1;
    }

    let mut warnings = Vec::new();
    // Bonus entries, by entrant, name or profile; each bonus line counts once per person.
    let bonus: HashMap<&str, u32> = rules
        .bonus
        .iter()
        .map(|b| (b.entrant.as_str(), b.entries))
        .collect();
    let bonus_profiles: HashMap<String, &str> = rules
        .bonus
        .iter()
        .map(|b| (normalise_profile(&b.entrant), b.entrant.as_str()))
        .collect();
    let mut bonus_used: HashSet<&str> = HashSet::new();
    for t in tallies.values_mut() {
        let mut mine: Vec<&str> = Vec::new();
        for a in std::iter::once(&t.entrant).chain(t.aliases.iter()) {
            let by_name = bonus.get_key_value(a.as_str()).map(|(k, _)| *k);
            let by_profile = bonus_profiles.get(a).copied();
            for item in [by_name, by_profile].into_iter().flatten() {
                if !mine.contains(&item) {
                    mine.push(item);
                }
            }
        }
        for item in mine {
            t.tickets += u64::from(bonus.get(item).copied().unwrap_or(0));
            bonus_used.insert(item);
        }
    }
    let bonus_unmatched: Vec<&str> = rules
        .bonus
        .iter()
        .map(|b| b.entrant.as_str())
        .filter(|b| !bonus_used.contains(b))
        .collect();
    let mut people = Vec::with_capacity(tallies.len());
    let mut total: u64 = 0;
    for key in sorted_unique(tallies.keys().cloned().collect()) {
        let Some(t) = tallies.remove(&key) else {
            continue;
        };
        let cap = rules.max_entries.map_or(u64::MAX, u64::from);
        let tickets = t.tickets.min(cap).min(MAX_TICKETS + 1);
        total = total.saturating_add(tickets);
        people.push(Person {
            entrant: t.entrant,
            tickets: tickets as u32,
            entries: t.entries,
            line: t.line,
        });
    }
    if total > MAX_TICKETS {
        return Err(FieldError {
            field: "entries".to_string(),
            message: match lang {
                Lang::En => format!("too many tickets: {total}, at most {MAX_TICKETS}"),
                Lang::Fr => format!("trop de tickets\u{a0}: {total}, au plus {MAX_TICKETS}"),
            },
        });
    }

    let unmatched: Vec<&str> = rules
        .exclude
        .iter()
        .map(String::as_str)
        .filter(|x| !exclude_used.contains(x))
        .collect();
    if !unmatched.is_empty() {
        warnings.push(Warning {
            code: "exclude_unmatched".into(),
            message: match lang {
                Lang::En => format!(
                    "nobody in the entries matches these excluded names (a typo?): {}",
                    unmatched.join(", ")
                ),
                Lang::Fr => format!(
                    "personne dans les participations ne correspond à ces noms exclus (une faute de frappe\u{a0}?)\u{a0}: {}",
                    unmatched.join(", ")
                ),
            },
        });
    }
    if !bonus_unmatched.is_empty() {
        warnings.push(Warning {
            code: "bonus_unmatched".into(),
            message: match lang {
                Lang::En => format!(
                    "these bonus entries go to nobody, as no eligible entry matches: {}",
                    bonus_unmatched.join(", ")
                ),
                Lang::Fr => format!(
                    "ces participations bonus ne vont à personne, aucune participation valable ne correspond\u{a0}: {}",
                    bonus_unmatched.join(", ")
                ),
            },
        });
    }
    let needs_text = !rules.keywords.is_empty() || rules.min_mentions > 0;
    if needs_text && !entries.is_empty() && entries.iter().all(|e| e.text.trim().is_empty()) {
        warnings.push(Warning {
            code: "no_text".into(),
            message: lang
                .pick(
                    "the entries have no text, so the keyword and @mention rules leave everyone out",
                    "les participations n’ont pas de texte\u{a0}: les règles de mot-clé et de mentions excluent tout le monde",
                )
                .to_string(),
        });
    }
    if (from.is_some() || until.is_some())
        && !entries.is_empty()
        && entries.iter().all(|e| e.date.is_none())
    {
        warnings.push(Warning {
            code: "no_dates".into(),
            message: lang
                .pick(
                    "the entries have no dates, so the date window leaves everyone out",
                    "les participations n’ont pas de date\u{a0}: la période exclut tout le monde",
                )
                .to_string(),
        });
    }
    let wanted = rules.winners as usize + rules.alternates as usize;
    if people.len() < wanted {
        warnings.push(Warning {
            code: "few_people".into(),
            message: match lang {
                Lang::En => format!(
                    "{} eligible people for {} winners and {} alternates: some places stay empty",
                    people.len(),
                    rules.winners,
                    rules.alternates
                ),
                Lang::Fr => format!(
                    "{} personnes éligibles pour {} gagnants et {} suppléants\u{a0}: des places resteront vides",
                    people.len(),
                    rules.winners,
                    rules.alternates
                ),
            },
        });
    }

    let entries_hash = entries_sha256(entries);
    let draw_file = draw_file(rules, entries.len(), &entries_hash, &people, total);
    Ok(Prepared {
        rules: rules.clone(),
        counts: Counts {
            entries: entries.len(),
            eligible,
            excluded: exclusions.len(),
            people: people.len(),
            tickets: total,
        },
        entries_sha256: entries_hash,
        fingerprint: sha256_hex(draw_file.as_bytes()),
        draw_file,
        people,
        exclusions,
        warnings,
    })
}

fn draw_file(rules: &Rules, entries: usize, hash: &str, people: &[Person], tickets: u64) -> String {
    let rules_json = serde_json::to_string(rules).unwrap_or_default();
    let mut s = format!(
        "{DRAW_FILE_HEADER}\nrules: {rules_json}\nentries: {entries}, SHA-256 {hash}\npeople: {}\ntickets: {tickets}\n\n",
        people.len()
    );
    // `people` is sorted by entrant (bytes).
    for p in people {
        for n in 1..=p.tickets {
            s.push_str(&p.entrant);
            s.push('\t');
            s.push_str(&n.to_string());
            s.push('\n');
        }
    }
    s
}

/// The rules and the entries together: the fingerprint and who is in, or a message per field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preparation {
    /// Rules that could not be read (`winners`, `bonus[0].entries`…), or `entries` when there
    /// are too many tickets.
    pub errors: Vec<FieldError>,
    /// The preparation, when there are no errors.
    pub prepared: Option<Prepared>,
}

/// [`validate_rules`] then [`prepare`]: what the page shows before the draw.
pub fn prepare_input(entries: &[EntryRow], rules: &RulesInput, lang: Lang) -> Preparation {
    let result =
        validate_rules(rules, lang).and_then(|r| prepare(entries, &r, lang).map_err(|e| vec![e]));
    match result {
        Ok(p) => Preparation {
            errors: Vec::new(),
            prepared: Some(p),
        },
        Err(errors) => Preparation {
            errors,
            prepared: None,
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

/// The score of a ticket: SHA-256 of the seed, a line feed, the ticket line (`entrant`, tab,
/// number) and a line feed.
///
/// ```
/// use social_roi::{sha256_hex, ticket_score as score};
/// assert_eq!(score("42", "alice\t1"), sha256_hex(b"42\nalice\t1\n"));
/// ```
pub fn score(seed: &str, ticket: &str) -> String {
    let mut h = Sha256::new();
    h.update(seed.as_bytes());
    h.update(b"\n");
    h.update(ticket.as_bytes());
    h.update(b"\n");
    hex(&h.finalize())
}

/// One person's place in a ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Ranked {
    person: usize,
    /// Their best ticket.
    ticket: String,
    /// Its score, hexadecimal.
    score: String,
}

/// Every person, by their best ticket's score, smallest first (ties, which SHA-256 makes
/// practically impossible, by ticket).
fn ranking(people: &[Person], seed: &str) -> Vec<Ranked> {
    let mut base = Sha256::new();
    base.update(seed.as_bytes());
    base.update(b"\n");
    let index: HashMap<&str, usize> = people
        .iter()
        .enumerate()
        .map(|(i, p)| (p.entrant.as_str(), i))
        .collect();
    // Each person's best ticket as "score<TAB>ticket": sorting these strings sorts by score,
    // then by ticket, as the scheme says.
    let best: Vec<String> = people
        .iter()
        .filter(|p| p.tickets > 0)
        .map(|p| {
            let mut best: Option<([u8; 32], u32)> = None;
            for n in 1..=p.tickets {
                let mut h = base.clone();
                h.update(p.entrant.as_bytes());
                h.update(b"\t");
                h.update(n.to_string().as_bytes());
                h.update(b"\n");
                let s: [u8; 32] = h.finalize().into();
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, n));
                }
            }
            let (score, n) = best.unwrap_or(([0xff; 32], 1));
            format!("{}\t{}\t{n}", hex(&score), p.entrant)
        })
        .collect();
    sorted_unique(best)
        .into_iter()
        .filter_map(|line| {
            let (score, ticket) = line.split_once('\t')?;
            let (entrant, _) = ticket.rsplit_once('\t')?;
            Some(Ranked {
                person: *index.get(entrant)?,
                ticket: ticket.to_string(),
                score: score.to_string(),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

/// A winner or an alternate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pick {
    /// The prize (winners) or the order of call (alternates), from 1.
    pub place: u32,
    /// Place in the drawing's ranking of everyone, from 1 (the recipe's line number).
    pub rank: u32,
    /// The entrant.
    pub entrant: String,
    /// Their tickets.
    pub tickets: u32,
    /// Their best ticket: `entrant`, tab, number.
    pub ticket: String,
    /// Its score: SHA-256 of the seed, a line feed, the ticket and a line feed.
    pub score: String,
}

/// One drawing: the first, or a redraw after a disqualification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drawing {
    /// 1 for the first drawing, then 2, 3…
    pub number: u32,
    /// The seed.
    pub seed: Seed,
    /// When it was drawn, ISO 8601, as the drawing machine's clock said (not verified).
    pub drawn_at: Option<String>,
    /// Why this redraw (blank for the first drawing).
    pub reason: Option<String>,
    /// The people disqualified by this redraw.
    pub disqualified: Vec<String>,
    /// Winners, by prize.
    pub winners: Vec<Pick>,
    /// Alternates, in the order they are called.
    pub alternates: Vec<Pick>,
}

/// Everything needed to check a draw: the parameters, the fingerprint, every drawing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Certificate {
    /// [`CERTIFICATE_FORMAT`].
    pub format: String,
    /// The software and version that drew (informative).
    pub software: String,
    /// The contest's name.
    pub title: Option<String>,
    /// The language of messages.
    pub lang: Lang,
    /// The rules applied.
    pub rules: Rules,
    /// Entries, people, tickets.
    pub counts: Counts,
    /// SHA-256 of the entries (see [`entries_sha256`]).
    pub entries_sha256: String,
    /// SHA-256 of `draw_file`.
    pub fingerprint: String,
    /// Every entry left out, with its reason.
    pub exclusions: Vec<Exclusion>,
    /// What the organiser was warned of.
    pub warnings: Vec<Warning>,
    /// The drawings, oldest first; a redraw appends one, none is ever removed.
    pub drawings: Vec<Drawing>,
    /// The draw file the fingerprint is the SHA-256 of.
    pub draw_file: String,
}

/// Why a certificate file cannot be read: the file, the place and the problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CertificateError {
    /// The message, place first: `certificate.json, line 3, column 5: missing field "rules"`.
    pub message: String,
}

impl fmt::Display for CertificateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CertificateError {}

/// The message for a file that is not a certificate: the place, what was found, what is
/// expected.
fn not_a_certificate(place: &str, detail: &str, lang: Lang) -> CertificateError {
    CertificateError {
        message: match lang {
            Lang::En => format!(
                "{place}: {detail}: expected a draw certificate (the JSON file a draw gives)"
            ),
            Lang::Fr => format!(
                "{place}\u{a0}: {detail}\u{a0}: un certificat de tirage est attendu (le fichier JSON que donne un tirage)"
            ),
        },
    }
}

/// `name, line L, column C` and serde_json's message without its own " at line L column C".
fn json_place(name: &str, e: &serde_json::Error, lang: Lang) -> (String, String) {
    let m = crate::form::json_message(e);
    let place = match lang {
        Lang::En => format!("{name}, line {}, column {}", e.line(), e.column()),
        Lang::Fr => format!("{name}, ligne {}, colonne {}", e.line(), e.column()),
    };
    (place, m)
}

/// Reads a certificate file (the JSON a draw writes), with the place of any problem first.
/// Whether it holds is [`verify`]'s question; this only reads it.
pub fn read_certificate(
    name: &str,
    text: &str,
    lang: Lang,
) -> Result<Certificate, CertificateError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        let (place, detail) = json_place(name, &e, lang);
        not_a_certificate(&place, &detail, lang)
    })
}

/// Options of a drawing that do not change its result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DrawOptions {
    /// The contest's name.
    pub title: Option<String>,
    /// When the draw happens (ISO 8601), from the caller's clock.
    pub drawn_at: Option<String>,
}

/// Why a draw cannot be made: a message per field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DrawError {
    /// The fields (`rules.winners`, `seed.value`, `drawn_at`, `redraw.reason`…).
    pub errors: Vec<FieldError>,
}

impl fmt::Display for DrawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .errors
            .iter()
            .map(|e| format!("{}: {}", e.field, e.message))
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl std::error::Error for DrawError {}

fn prefixed(prefix: &str, errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            field: format!("{prefix}.{}", e.field),
            message: e.message,
        })
        .collect()
}

fn drawn_at(text: &Option<String>, lang: Lang, errors: &mut Vec<FieldError>) -> Option<String> {
    let t = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    match parse_iso(t) {
        Some((dt, p)) => Some(iso(&dt, p)),
        None => {
            errors.push(FieldError {
                field: "drawn_at".into(),
                message: match lang {
                    Lang::En => format!(
                        "expected a date and time such as 2026-06-14T18:30:00Z, found \"{t}\""
                    ),
                    Lang::Fr => format!(
                        "une date et une heure comme 2026-06-14T18:30:00Z sont attendues, trouvé «\u{a0}{t}\u{a0}»"
                    ),
                },
            });
            None
        }
    }
}

/// Picks winners and alternates from a ranking: `kept` winners keep their prize, the other
/// prizes go in order to the first people of the ranking who are neither kept nor
/// disqualified, and the alternates are the next ones.
fn pick(
    prepared_people: &[Person],
    ranked: &[Ranked],
    winners: u32,
    alternates: u32,
    kept: &HashMap<u32, String>,
    disqualified: &HashSet<String>,
) -> (Vec<Pick>, Vec<Pick>) {
    let position: HashMap<&str, usize> = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| (prepared_people[r.person].entrant.as_str(), i))
        .collect();
    let to_pick = |place: u32, i: usize| -> Pick {
        let r = &ranked[i];
        let p = &prepared_people[r.person];
        Pick {
            place,
            rank: i as u32 + 1,
            entrant: p.entrant.clone(),
            tickets: p.tickets,
            ticket: r.ticket.clone(),
            score: r.score.clone(),
        }
    };
    let kept_names: HashSet<&str> = kept.values().map(String::as_str).collect();
    let mut free = ranked.iter().enumerate().filter(|(_, r)| {
        let name = prepared_people[r.person].entrant.as_str();
        !disqualified.contains(name) && !kept_names.contains(name)
    });
    let mut won = Vec::new();
    for place in 1..=winners {
        if let Some(i) = kept.get(&place).and_then(|k| position.get(k.as_str())) {
            won.push(to_pick(place, *i));
        } else if let Some((i, _)) = free.next() {
            won.push(to_pick(place, i));
        }
    }
    let alt = (1..=alternates)
        .map_while(|place| free.next().map(|(i, _)| to_pick(place, i)))
        .collect();
    (won, alt)
}

/// Draws winners and alternates: validates the rules, the seed and the date, prepares the
/// entries and writes the certificate with its first drawing.
pub fn draw(
    entries: &[EntryRow],
    rules: &RulesInput,
    seed: &SeedInput,
    options: &DrawOptions,
    lang: Lang,
) -> Result<Certificate, DrawError> {
    let mut errors = Vec::new();
    let rules = validate_rules(rules, lang)
        .map_err(|e| errors.extend(prefixed("rules", e)))
        .ok();
    let seed = validate_seed(seed, lang)
        .map_err(|e| errors.extend(prefixed("seed", vec![e])))
        .ok();
    let at = drawn_at(&options.drawn_at, lang, &mut errors);
    let (Some(rules), Some(seed), true) = (rules, seed, errors.is_empty()) else {
        return Err(DrawError { errors });
    };
    let prepared = prepare(entries, &rules, lang).map_err(|e| DrawError { errors: vec![e] })?;
    let ranked = ranking(&prepared.people, &seed.value);
    let (winners, alternates) = pick(
        &prepared.people,
        &ranked,
        rules.winners,
        rules.alternates,
        &HashMap::new(),
        &HashSet::new(),
    );
    Ok(Certificate {
        format: CERTIFICATE_FORMAT.to_string(),
        software: concat!("social-roi ", env!("CARGO_PKG_VERSION")).to_string(),
        title: options
            .title
            .as_deref()
            .map(clean)
            .filter(|t| !t.is_empty()),
        lang,
        rules,
        counts: prepared.counts,
        entries_sha256: prepared.entries_sha256,
        fingerprint: prepared.fingerprint,
        exclusions: prepared.exclusions,
        warnings: prepared.warnings,
        drawings: vec![Drawing {
            number: 1,
            seed,
            drawn_at: at,
            reason: None,
            disqualified: Vec::new(),
            winners,
            alternates,
        }],
        draw_file: prepared.draw_file,
    })
}

/// A redraw: who is disqualified and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedrawInput {
    /// The people disqualified (as the certificate names them, or their handle).
    pub disqualify: Vec<String>,
    /// Why (did not answer within 48 hours, a fake account…).
    pub reason: String,
    /// A new seed; blank keeps the last drawing's, so the alternates move up in order.
    pub seed: Option<SeedInput>,
    /// When the redraw happens (ISO 8601).
    pub drawn_at: Option<String>,
}

/// Recomputes every drawing of a certificate from its own seeds and disqualifications.
fn replay(cert: &Certificate, people: &[Person]) -> Vec<(Vec<Pick>, Vec<Pick>)> {
    let mut out: Vec<(Vec<Pick>, Vec<Pick>)> = Vec::new();
    let mut disqualified = HashSet::new();
    for d in &cert.drawings {
        disqualified.extend(d.disqualified.iter().cloned());
        let kept: HashMap<u32, String> = out
            .last()
            .map(|(w, _)| {
                w.iter()
                    .filter(|p| !disqualified.contains(&p.entrant))
                    .map(|p| (p.place, p.entrant.clone()))
                    .collect()
            })
            .unwrap_or_default();
        let ranked = ranking(people, &d.seed.value);
        out.push(pick(
            people,
            &ranked,
            cert.rules.winners,
            cert.rules.alternates,
            &kept,
            &disqualified,
        ));
    }
    out
}

/// Appends a redraw to a certificate: the disqualified leave, the other winners keep their
/// prize, and each freed prize goes to the next person of the ranking (with the same seed, the
/// first alternates, in order). The certificate must first verify against the entries.
pub fn redraw(
    cert: &Certificate,
    entries: &[EntryRow],
    input: &RedrawInput,
    lang: Lang,
) -> Result<Certificate, DrawError> {
    let v = verify(cert, entries, lang);
    if !v.confirmed {
        return Err(DrawError {
            errors: vec![FieldError {
                field: "certificate".into(),
                message: match lang {
                    Lang::En => format!("cannot redraw: {}", v.summary),
                    Lang::Fr => format!("impossible de refaire le tirage\u{a0}: {}", v.summary),
                },
            }],
        });
    }
    let mut errors = Vec::new();
    let reason = clean(&input.reason);
    if reason.is_empty() {
        errors.push(FieldError {
            field: "redraw.reason".into(),
            message: lang
                .pick(
                    "say why: the reason is kept in the certificate",
                    "indiquez pourquoi\u{a0}: la raison est gardée dans le certificat",
                )
                .to_string(),
        });
    }
    let prepared =
        prepare(entries, &cert.rules, lang).map_err(|e| DrawError { errors: vec![e] })?;
    let already: HashSet<&str> = cert
        .drawings
        .iter()
        .flat_map(|d| d.disqualified.iter().map(String::as_str))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for (i, d) in input.disqualify.iter().enumerate() {
        let n = normalise(d);
        if n.is_empty() {
            continue;
        }
        let field = format!("redraw.disqualify[{i}]");
        let found = prepared.people.iter().find(|p| p.entrant == n).or_else(|| {
            // A handle given for an entrant shown with a profile suffix.
            let mut m = prepared
                .people
                .iter()
                .filter(|p| p.entrant.split(" [").next() == Some(n.as_str()));
            match (m.next(), m.next()) {
                (Some(p), None) => Some(p),
                _ => None,
            }
        });
        match found {
            None => errors.push(FieldError {
                field,
                message: match lang {
                    Lang::En => format!("\"{n}\" is not among the people of this draw"),
                    Lang::Fr => {
                        format!("«\u{a0}{n}\u{a0}» ne fait pas partie des personnes de ce tirage")
                    }
                },
            }),
            Some(p) if already.contains(p.entrant.as_str()) => errors.push(FieldError {
                field,
                message: match lang {
                    Lang::En => format!("\"{}\" was already disqualified", p.entrant),
                    Lang::Fr => format!("«\u{a0}{}\u{a0}» a déjà été disqualifié", p.entrant),
                },
            }),
            Some(p) if !out.contains(&p.entrant) => out.push(p.entrant.clone()),
            Some(_) => {}
        }
    }
    if out.is_empty()
        && errors
            .iter()
            .all(|e| !e.field.starts_with("redraw.disqualify"))
    {
        errors.push(FieldError {
            field: "redraw.disqualify".into(),
            message: lang
                .pick(
                    "name the winner (or alternate) who is disqualified",
                    "indiquez le gagnant (ou suppléant) disqualifié",
                )
                .to_string(),
        });
    }
    let last = cert.drawings.last().map(|d| d.seed.clone());
    let seed = match (&input.seed, last) {
        (Some(s), _) if !clean(&s.value).is_empty() => validate_seed(s, lang)
            .map_err(|e| errors.extend(prefixed("redraw.seed", vec![e])))
            .ok(),
        (_, Some(s)) => Some(s),
        (_, None) => None,
    };
    let at = drawn_at(&input.drawn_at, lang, &mut errors);
    let Some(seed) = seed.filter(|_| errors.is_empty()) else {
        return Err(DrawError { errors });
    };
    let mut next = cert.clone();
    next.drawings.push(Drawing {
        number: cert.drawings.len() as u32 + 1,
        seed,
        drawn_at: at,
        reason: Some(reason),
        disqualified: out,
        winners: Vec::new(),
        alternates: Vec::new(),
    });
    let last = replay(&next, &prepared.people).pop();
    if let (Some(d), Some((w, a))) = (next.drawings.last_mut(), last) {
        d.winners = w;
        d.alternates = a;
    }
    Ok(next)
}

// ---------------------------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------------------------

/// One thing a verification checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// `certificate`, `rules`, `entries`, `fingerprint`, `exclusions`, `drawings[0]`…
    pub id: String,
    /// What was checked, in words.
    pub label: String,
    /// Whether it holds.
    pub ok: bool,
    /// What was found.
    pub message: String,
}

/// A certificate checked against entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Every check holds.
    pub confirmed: bool,
    /// One sentence: confirmed, or the first thing that differs.
    pub summary: String,
    /// Every check, in order.
    pub checks: Vec<Check>,
}

fn listed(items: &[String], lang: Lang) -> String {
    let mut s = items
        .iter()
        .take(LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > LISTED {
        let more = items.len() - LISTED;
        s.push_str(&match lang {
            Lang::En => format!(" and {more} more"),
            Lang::Fr => format!(" et {more} de plus"),
        });
    }
    s
}

/// Tickets per entrant, as a draw file lists them.
fn tickets_of(draw_file: &str) -> Vec<(String, u32)> {
    let body = draw_file.split_once("\n\n").map_or("", |(_, b)| b);
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for line in body.lines() {
        if let Some((who, n)) = line.rsplit_once('\t') {
            let n: u32 = n.parse().unwrap_or(0);
            match at.get(who) {
                Some(&i) => out[i].1 = out[i].1.max(n),
                None => {
                    at.insert(who, out.len());
                    out.push((who.to_string(), n));
                }
            }
        }
    }
    out
}

fn ticket_word(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::En, 1) => "1 ticket".into(),
        (Lang::En, n) => format!("{n} tickets"),
        (Lang::Fr, n) if n <= 1 => format!("{n} ticket"),
        (Lang::Fr, n) => format!("{n} tickets"),
    }
}

fn picks_text(picks: &[Pick]) -> String {
    if picks.is_empty() {
        return "—".into();
    }
    picks
        .iter()
        .map(|p| format!("{}. {}", p.place, p.entrant))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks a certificate against the entries: its own consistency, the rules, the entries'
/// SHA-256, the fingerprint (saying which people or tickets differ), the exclusions and every
/// drawing's winners and alternates.
pub fn verify(cert: &Certificate, entries: &[EntryRow], lang: Lang) -> Verification {
    let mut checks = Vec::new();
    let mut check = |id: &str, label: &str, ok: bool, message: String| {
        checks.push(Check {
            id: id.to_string(),
            label: label.to_string(),
            ok,
            message,
        })
    };

    let own = sha256_hex(cert.draw_file.as_bytes());
    let format_ok = cert.format == CERTIFICATE_FORMAT;
    check(
        "certificate",
        lang.pick("The certificate is whole", "Le certificat est intact"),
        format_ok && own == cert.fingerprint && cert.draw_file.starts_with(DRAW_FILE_HEADER),
        if !format_ok {
            match lang {
                Lang::En => format!(
                    "unknown format \"{}\": this version reads \"{CERTIFICATE_FORMAT}\"",
                    cert.format
                ),
                Lang::Fr => format!(
                    "format inconnu «\u{a0}{}\u{a0}»\u{a0}: cette version lit «\u{a0}{CERTIFICATE_FORMAT}\u{a0}»",
                    cert.format
                ),
            }
        } else if own != cert.fingerprint {
            match lang {
                Lang::En => format!(
                    "its draw file has SHA-256 {own}, not the fingerprint it states ({})",
                    cert.fingerprint
                ),
                Lang::Fr => format!(
                    "son fichier de tirage a pour SHA-256 {own}, pas l’empreinte annoncée ({})",
                    cert.fingerprint
                ),
            }
        } else {
            match lang {
                Lang::En => format!("its draw file has the fingerprint it states, {own}"),
                Lang::Fr => format!("son fichier de tirage a l’empreinte annoncée, {own}"),
            }
        },
    );

    let rules_ok =
        validate_rules(&RulesInput::from(&cert.rules), lang).is_ok_and(|r| r == cert.rules);
    check(
        "rules",
        lang.pick("The rules are valid", "Les règles sont valables"),
        rules_ok,
        if rules_ok {
            lang.pick(
                "canonical and within limits",
                "canoniques et dans les limites",
            )
            .to_string()
        } else {
            lang.pick(
                "the certificate’s rules are not what this version would have written",
                "les règles du certificat ne sont pas celles que cette version aurait écrites",
            )
            .to_string()
        },
    );

    let hash = entries_sha256(entries);
    check(
        "entries",
        lang.pick(
            "The entries are the certified ones",
            "Les participations sont celles certifiées",
        ),
        hash == cert.entries_sha256,
        if hash == cert.entries_sha256 {
            match lang {
                Lang::En => format!("{} entries, SHA-256 {hash}", entries.len()),
                Lang::Fr => format!("{} participations, SHA-256 {hash}", entries.len()),
            }
        } else {
            match lang {
                Lang::En => format!(
                    "these {} entries have SHA-256 {hash}; the certificate was made from {} entries with SHA-256 {}",
                    entries.len(),
                    cert.counts.entries,
                    cert.entries_sha256
                ),
                Lang::Fr => format!(
                    "ces {} participations ont pour SHA-256 {hash}\u{a0}; le certificat a été établi sur {} participations de SHA-256 {}",
                    entries.len(),
                    cert.counts.entries,
                    cert.entries_sha256
                ),
            }
        },
    );

    let prepared = prepare(entries, &cert.rules, lang);
    let prepared = match prepared {
        Ok(p) => p,
        Err(e) => {
            check(
                "fingerprint",
                lang.pick("Same fingerprint", "Même empreinte"),
                false,
                e.message,
            );
            return finish(checks, lang);
        }
    };
    let same = prepared.fingerprint == cert.fingerprint;
    let message = if same {
        match lang {
            Lang::En => format!(
                "the entries and rules give the certified fingerprint {}",
                prepared.fingerprint
            ),
            Lang::Fr => format!(
                "les participations et les règles donnent l’empreinte certifiée {}",
                prepared.fingerprint
            ),
        }
    } else {
        let certified = tickets_of(&cert.draw_file);
        let certified_map: HashMap<&str, u32> =
            certified.iter().map(|(k, n)| (k.as_str(), *n)).collect();
        let now: HashMap<&str, u32> = prepared
            .people
            .iter()
            .map(|p| (p.entrant.as_str(), p.tickets))
            .collect();
        let gone: Vec<String> = certified
            .iter()
            .filter(|(k, _)| !now.contains_key(k.as_str()))
            .map(|(k, n)| format!("{k} ({})", ticket_word(*n, lang)))
            .collect();
        let new: Vec<String> = prepared
            .people
            .iter()
            .filter(|p| !certified_map.contains_key(p.entrant.as_str()))
            .map(|p| format!("{} ({})", p.entrant, ticket_word(p.tickets, lang)))
            .collect();
        let changed: Vec<String> = prepared
            .people
            .iter()
            .filter_map(|p| {
                let c = certified_map.get(p.entrant.as_str())?;
                (*c != p.tickets).then(|| format!("{} ({c} → {})", p.entrant, p.tickets))
            })
            .collect();
        let mut parts = vec![match lang {
            Lang::En => format!(
                "the entries and rules give fingerprint {}, the certificate says {}",
                prepared.fingerprint, cert.fingerprint
            ),
            Lang::Fr => format!(
                "les participations et les règles donnent l’empreinte {}, le certificat dit {}",
                prepared.fingerprint, cert.fingerprint
            ),
        }];
        if !gone.is_empty() {
            parts.push(match lang {
                Lang::En => format!("in the certificate only: {}", listed(&gone, lang)),
                Lang::Fr => format!(
                    "seulement dans le certificat\u{a0}: {}",
                    listed(&gone, lang)
                ),
            });
        }
        if !new.is_empty() {
            parts.push(match lang {
                Lang::En => format!("in these entries only: {}", listed(&new, lang)),
                Lang::Fr => format!(
                    "seulement dans ces participations\u{a0}: {}",
                    listed(&new, lang)
                ),
            });
        }
        if !changed.is_empty() {
            parts.push(match lang {
                Lang::En => format!("tickets changed: {}", listed(&changed, lang)),
                Lang::Fr => format!("tickets modifiés\u{a0}: {}", listed(&changed, lang)),
            });
        }
        if gone.is_empty() && new.is_empty() && changed.is_empty() {
            parts.push(lang.pick(
                "the same people and tickets, but not the certified entries: a comment was changed, added, removed or moved",
                "les mêmes personnes et tickets, mais pas les participations certifiées\u{a0}: un commentaire a été modifié, ajouté, retiré ou déplacé",
            ).to_string());
        }
        parts.join(lang.pick("; ", "\u{a0}; "))
    };
    check(
        "fingerprint",
        lang.pick("Same fingerprint", "Même empreinte"),
        same,
        message,
    );

    let key = |x: &Exclusion| (x.index, x.reason, x.entrant.clone());
    let certified: Vec<_> = cert.exclusions.iter().map(key).collect();
    let found: Vec<_> = prepared.exclusions.iter().map(key).collect();
    let exclusions_ok = certified == found && cert.counts == prepared.counts;
    check(
        "exclusions",
        lang.pick(
            "Same exclusions and counts",
            "Mêmes exclusions et décomptes",
        ),
        exclusions_ok,
        if exclusions_ok {
            match lang {
                Lang::En => format!(
                    "{} entries left out, {} people, {} tickets",
                    found.len(),
                    prepared.counts.people,
                    prepared.counts.tickets
                ),
                Lang::Fr => format!(
                    "{} participations écartées, {} personnes, {} tickets",
                    found.len(),
                    prepared.counts.people,
                    prepared.counts.tickets
                ),
            }
        } else {
            let differ: Vec<String> = prepared
                .exclusions
                .iter()
                .filter(|x| !certified.contains(&key(x)))
                .map(|x| format!("#{} {}", x.index + 1, x.author))
                .chain(
                    cert.exclusions
                        .iter()
                        .filter(|x| !found.contains(&key(x)))
                        .map(|x| format!("#{} {}", x.index + 1, x.author)),
                )
                .collect();
            match lang {
                Lang::En => format!(
                    "{} entries left out here, {} in the certificate; differing: {}",
                    found.len(),
                    certified.len(),
                    if differ.is_empty() { "the counts".to_string() } else { listed(&differ, lang) }
                ),
                Lang::Fr => format!(
                    "{} participations écartées ici, {} dans le certificat\u{a0}; différences\u{a0}: {}",
                    found.len(),
                    certified.len(),
                    if differ.is_empty() { "les décomptes".to_string() } else { listed(&differ, lang) }
                ),
            }
        },
    );

    let replayed = replay(cert, &prepared.people);
    for (i, (d, (w, a))) in cert.drawings.iter().zip(replayed).enumerate() {
        let ok = d.number == i as u32 + 1 && d.winners == w && d.alternates == a;
        let label = match lang {
            Lang::En => format!("Drawing {} gives the same winners", i + 1),
            Lang::Fr => format!("Le tirage {} donne les mêmes gagnants", i + 1),
        };
        let message = if ok {
            match lang {
                Lang::En => format!("winners {}; alternates {}", picks_text(&w), picks_text(&a)),
                Lang::Fr => format!(
                    "gagnants {}\u{a0}; suppléants {}",
                    picks_text(&w),
                    picks_text(&a)
                ),
            }
        } else {
            match lang {
                Lang::En => format!(
                    "the seed gives winners {} and alternates {}; the certificate says {} and {}",
                    picks_text(&w),
                    picks_text(&a),
                    picks_text(&d.winners),
                    picks_text(&d.alternates)
                ),
                Lang::Fr => format!(
                    "la graine donne les gagnants {} et les suppléants {}\u{a0}; le certificat dit {} et {}",
                    picks_text(&w),
                    picks_text(&a),
                    picks_text(&d.winners),
                    picks_text(&d.alternates)
                ),
            }
        };
        check(&format!("drawings[{i}]"), &label, ok, message);
    }
    if cert.drawings.is_empty() {
        check(
            "drawings",
            lang.pick(
                "The certificate holds a drawing",
                "Le certificat contient un tirage",
            ),
            false,
            lang.pick("no drawing", "aucun tirage").to_string(),
        );
    }
    finish(checks, lang)
}

fn finish(checks: Vec<Check>, lang: Lang) -> Verification {
    let confirmed = checks.iter().all(|c| c.ok);
    // The most telling failure first: the fingerprint's message names who differs.
    let order = [
        "certificate",
        "fingerprint",
        "drawings",
        "exclusions",
        "entries",
        "rules",
    ];
    let first_failed = order
        .iter()
        .find_map(|id| checks.iter().find(|c| !c.ok && c.id.starts_with(id)));
    let summary = match first_failed {
        None => lang
            .pick(
                "confirmed: these entries, rules and seeds give exactly the certified winners",
                "confirmé\u{a0}: ces participations, règles et graines donnent exactement les gagnants certifiés",
            )
            .to_string(),
        Some(c) => match lang {
            Lang::En => format!("refuted: {}", c.message),
            Lang::Fr => format!("réfuté\u{a0}: {}", c.message),
        },
    };
    Verification {
        confirmed,
        summary,
        checks,
    }
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_normalise() {
        use crate::draw::normalise;
        assert_eq!(normalise("  @Marie_D "), "marie_d");
        assert_eq!(normalise("Marie\u{a0} Dupont\u{200b}"), "marie dupont");
    }

    #[test]
    fn example_of_mentions() {
        use crate::draw::mentions;
        assert_eq!(
            mentions("Go @Alice, @bob. and @alice! mail@x.fr"),
            ["alice", "bob"]
        );
    }

    #[test]
    fn example_of_validate_rules() {
        use crate::draw::{validate_rules, RulesInput};
        use crate::Lang;
        let input: RulesInput = serde_json::from_str(
            r#"{"winners": "2", "keywords": [" #Concours "], "exclude": ["@Staff", "staff"]}"#,
        )
        .unwrap();
        let rules = validate_rules(&input, Lang::En).unwrap();
        assert_eq!((rules.winners, rules.alternates), (2, 0));
        assert_eq!(rules.keywords, ["#concours"]);
        assert_eq!(rules.exclude, ["staff"]);
    }

    #[test]
    fn example_of_exclusions_by_reason() {
        use crate::draw::{exclusions_by_reason, prepare, read_entries, Reason, Rules};
        use crate::Lang;
        let entries = read_entries("list.txt", "ann\nAnn\nbob\n@ann\n").unwrap();
        let p = prepare(&entries, &Rules::default(), Lang::En).unwrap();
        let by = exclusions_by_reason(&p.exclusions, Lang::En);
        assert_eq!((by[0].reason, by[0].count), (Reason::AlreadyEntered, 2));
    }

    #[test]
    fn example_of_tally_entries() {
        use crate::draw::{read_entries, tally_entries, Tally};
        let entries = read_entries("list.txt", "@ann\nAnn\nbob\n@brand\n").unwrap();
        let t = tally_entries(&entries, Some("@Brand"));
        assert_eq!(
            t,
            Tally {
                comments: 4,
                entries: 3,
                people: 2
            }
        );
    }

    #[test]
    fn example_of_read_certificate() {
        use crate::draw::read_certificate;
        use crate::Lang;
        let e = read_certificate("cert.json", "{\"format\": 1}", Lang::En).unwrap_err();
        assert!(
            e.message
                .starts_with("cert.json, line 1, column 12: invalid type"),
            "{e}"
        );
        let e = read_certificate("notes.txt", "hello", Lang::Fr).unwrap_err();
        assert!(
            e.message
                .starts_with("notes.txt, ligne 1, colonne 1\u{a0}: "),
            "{e}"
        );
        assert!(e.message.ends_with(
            "un certificat de tirage est attendu (le fichier JSON que donne un tirage)"
        ));
    }

    fn entry(author: &str, text: &str) -> EntryRow {
        EntryRow {
            id: None,
            parent_id: None,
            author: author.into(),
            profile: None,
            date: None,
            text: text.into(),
            likes: None,
            origin: Origin { file: 0, line: 1 },
        }
    }

    fn lines(mut v: Vec<EntryRow>) -> Vec<EntryRow> {
        for (i, e) in v.iter_mut().enumerate() {
            e.origin.line = i as u64 + 2;
        }
        v
    }

    fn rules(json: &str) -> Rules {
        let input: RulesInput = serde_json::from_str(json).unwrap();
        validate_rules(&input, Lang::En).unwrap()
    }

    fn reasons(p: &Prepared) -> Vec<(usize, Reason)> {
        p.exclusions.iter().map(|x| (x.index, x.reason)).collect()
    }

    #[test]
    fn names_and_handles_normalise_alike() {
        assert_eq!(normalise("@@Bob"), "bob");
        assert_eq!(normalise("\u{feff}Élodie\tMARTIN "), "élodie martin");
        assert_eq!(normalise("@ bob"), "bob");
        assert_eq!(normalise("\u{200e}@anna.k\u{200f}"), "anna.k");
        assert_eq!(normalise("  "), "");
        assert_eq!(
            normalise_profile("https://www.Facebook.com/Jean.D/"),
            "facebook.com/jean.d"
        );
        assert_eq!(normalise_profile("100012345"), "100012345");
    }

    #[test]
    fn mentions_and_keywords() {
        assert_eq!(mentions("@a @b @A"), ["a", "b"]);
        assert_eq!(mentions("x@y.com @ z @@w"), Vec::<String>::new());
        assert_eq!(mentions("(@léa_b) et @tom."), ["léa_b", "tom"]);
        let t = fold("J’adore #Concours2026 et #concours !");
        assert!(has_keyword(&t, "#concours"));
        assert!(!has_keyword(&fold("#concours2026"), "#concours"));
        assert!(!has_keyword(&fold("abc#concours"), "#concours"));
        assert!(has_keyword(&fold("Rouge !"), "rouge"));
        assert!(!has_keyword(&fold("rouges"), "rouge"));
        assert!(has_keyword(&fold("je  veux   gagner"), "veux gagner"));
    }

    #[test]
    fn iso_dates() {
        let (d, p) = parse_iso("2026-06-14").unwrap();
        assert_eq!((d.to_string(), p), ("2026-06-14".into(), Precision::Day));
        let (d, p) = parse_iso("2026-06-14 23:59").unwrap();
        assert_eq!(iso(&d, p), "2026-06-14T23:59");
        let (d, p) = parse_iso("2026-06-12T19:05:03.123Z").unwrap();
        assert_eq!(iso(&d, p), "2026-06-12T19:05:03+00:00");
        let (d, p) = parse_iso("2026-06-12T19:05:03-0430").unwrap();
        assert_eq!(iso(&d, p), "2026-06-12T19:05:03-04:30");
        for bad in [
            "",
            "2026-6-1",
            "2026-02-30",
            "2026-06-14T25:00",
            "2026-06-14x",
            "14/06/2026",
            "2026-06-14T10:00+5",
        ] {
            assert!(parse_iso(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn the_window_is_inclusive_to_what_was_typed() {
        let r = rules(r#"{"from": "2026-06-01T09:00", "until": "2026-06-14"}"#);
        let at = |s: &str| {
            let mut e = entry("x", "");
            e.date = parse_iso(s).map(|(d, _)| d);
            e
        };
        let entries = vec![
            at("2026-06-01T08:59:59"),
            at("2026-06-01T09:00:00"),
            at("2026-06-14T23:59:59"),
            at("2026-06-15T00:00:00"),
            at("2026-06-01"),
            entry("y", ""),
        ];
        let mut entries = entries;
        for (i, e) in entries.iter_mut().enumerate() {
            e.author = format!("p{i}");
        }
        let p = prepare(&entries, &r, Lang::En).unwrap();
        assert_eq!(
            reasons(&p),
            [
                (0, Reason::BeforeStart),
                (3, Reason::AfterEnd),
                (5, Reason::NoDate)
            ]
        );
        // A minute bound covers its whole minute; offsets compare as instants when both have one.
        let r = rules(r#"{"until": "2026-06-14T23:59+02:00"}"#);
        let late = at("2026-06-14T21:59:30Z");
        let later = at("2026-06-14T22:00:00Z");
        let p = prepare(&[late, later], &r, Lang::En).unwrap();
        assert_eq!(reasons(&p), [(1, Reason::AfterEnd)]);
    }

    #[test]
    fn every_rule_reports_its_reason() {
        let mut reply = entry("dan", "@x @y #concours");
        reply.parent_id = Some("1".into());
        let mut dup_a = entry("eve", "@x @y #concours");
        dup_a.id = Some("c9".into());
        let mut dup_b = dup_a.clone();
        dup_b.author = "eve2".into();
        let entries = lines(vec![
            entry("@Alice", "Je participe #Concours avec @bob et @carl"),
            entry("bob", "#concours @alice"),
            entry("Brand", "Merci @alice #concours @a @b"),
            entry("staff1", "#concours @a @b"),
            reply,
            entry("carl", "@a @b sans hashtag"),
            entry("ALICE", "#concours encore @x @y"),
            dup_a,
            dup_b,
            entry("", "#concours @a @b"),
            entry("frank", "#concours @frank @brand"),
        ]);
        let r = rules(
            r##"{"min_mentions": 2, "keywords": ["#concours"], "organiser": "@brand",
                 "exclude": ["Staff1", "nobody"]}"##,
        );
        let p = prepare(&entries, &r, Lang::En).unwrap();
        assert_eq!(
            reasons(&p),
            [
                (1, Reason::TooFewMentions),
                (2, Reason::Organiser),
                (3, Reason::Excluded),
                (4, Reason::Reply),
                (5, Reason::MissingKeyword),
                (6, Reason::AlreadyEntered),
                (8, Reason::DuplicateId),
                (9, Reason::NoAuthor),
                (10, Reason::TooFewMentions),
            ]
        );
        assert_eq!(p.counts.eligible, 2);
        assert_eq!(p.counts.excluded, 9);
        assert_eq!(p.counts.people, 2);
        let who: Vec<&str> = p.people.iter().map(|x| x.entrant.as_str()).collect();
        assert_eq!(who, ["alice", "eve"]);
        assert_eq!(
            p.exclusions[5].message,
            "one entry per person: line 2 already counts"
        );
        assert_eq!(p.exclusions[0].message, "1 distinct @mention, 2 needed");
        assert!(p
            .warnings
            .iter()
            .any(|w| w.code == "exclude_unmatched" && w.message.contains("nobody")));
        let fr = prepare(&entries, &r, Lang::Fr).unwrap();
        assert_eq!(
            fr.exclusions[0].message,
            "1 mention @ distincte, 2 demandées"
        );
        assert_eq!(
            fr.fingerprint, p.fingerprint,
            "the fingerprint does not depend on the language"
        );
    }

    #[test]
    fn tickets_per_comment_bonuses_and_cap() {
        let entries = lines(vec![
            entry("ann", "@a @b @c"),
            entry("ann", "@a @b @c"),
            entry("ann", "@d @e"),
            entry("ben", "@a"),
            entry("cat", "@a"),
        ]);
        let r = rules(
            r#"{"per": "comment", "min_mentions": 1, "bonus_per_mention": 2,
                "bonus": [{"entrant": "@Ben", "entries": 3}, {"entrant": "zed", "entries": 1}],
                "max_entries": 6}"#,
        );
        let p = prepare(&entries, &r, Lang::En).unwrap();
        assert_eq!(reasons(&p), [(1, Reason::SameText)]);
        let t: Vec<(&str, u32, u32)> = p
            .people
            .iter()
            .map(|x| (x.entrant.as_str(), x.tickets, x.entries))
            .collect();
        // ann: (1 + 2×2) + (1 + 1×2) = 8, capped at 6; ben: 1 + 3 bonus; cat: 1.
        assert_eq!(t, [("ann", 6, 2), ("ben", 4, 1), ("cat", 1, 1)]);
        assert_eq!(p.counts.tickets, 11);
        assert!(p.warnings.iter().any(|w| w.code == "bonus_unmatched"));
        let body = p.draw_file.split_once("\n\n").unwrap().1;
        assert!(body.starts_with("ann\t1\nann\t2\n"));
        assert!(body.ends_with("ben\t4\ncat\t1\n"));
    }

    #[test]
    fn profiles_tell_homonyms_apart() {
        let mut a = entry("Marie Dupont", "");
        a.profile = Some("https://facebook.com/100001".into());
        let mut b = entry("Marie Dupont", "");
        b.profile = Some("https://facebook.com/100002".into());
        let mut c = entry("Marie D.", "");
        c.profile = Some("facebook.com/100001/".into());
        let p = prepare(&lines(vec![a, b, c]), &Rules::default(), Lang::En).unwrap();
        let who: Vec<&str> = p.people.iter().map(|x| x.entrant.as_str()).collect();
        assert_eq!(
            who,
            [
                "marie dupont [facebook.com/100001]",
                "marie dupont [facebook.com/100002]"
            ]
        );
        assert_eq!(reasons(&p), [(2, Reason::AlreadyEntered)]);
    }

    #[test]
    fn rules_validate_with_a_message_per_field() {
        let input: RulesInput = serde_json::from_str(
            r#"{"winners": "0", "alternates": "abc", "from": "14/06/2026",
                "bonus": [{"entrant": "x"}], "keywords": ["!!"]}"#,
        )
        .unwrap();
        let errors = validate_rules(&input, Lang::Fr).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "winners",
                "alternates",
                "keywords[0]",
                "from",
                "bonus[0].entries"
            ]
        );
        assert_eq!(
            errors[0].message,
            "un nombre entier de 1 à 1000 est attendu, trouvé 0"
        );
        assert!(errors[3].message.contains("«\u{a0}14/06/2026\u{a0}»"));
        let bad: Result<RulesInput, _> = serde_json::from_str(r#"{"winers": 2}"#);
        assert!(bad.is_err(), "unknown keys are rejected");
        let until_first = RulesInput {
            from: Some("2026-06-14".into()),
            until: Some("2026-06-01".into()),
            ..RulesInput::default()
        };
        assert_eq!(
            validate_rules(&until_first, Lang::En).unwrap_err()[0].field,
            "until"
        );
    }

    #[test]
    fn canonical_rules_read_back_as_themselves() {
        let r = rules(
            r##"{"per": "comment", "winners": 3, "alternates": "2", "keywords": ["#A"],
                "from": "2026-06-01 09:00", "until": "2026-06-14", "organiser": "@Brand",
                "exclude": ["b", "A"], "bonus": [{"entrant": "x", "entries": 2}, {"entrant": "@X", "entries": "1"}],
                "max_entries": 5}"##,
        );
        assert_eq!(
            r.bonus,
            [Bonus {
                entrant: "x".into(),
                entries: 3
            }]
        );
        let json = serde_json::to_string(&r).unwrap();
        let again: RulesInput = serde_json::from_str(&json).unwrap();
        assert_eq!(validate_rules(&again, Lang::En).unwrap(), r);
        assert_eq!(validate_rules(&RulesInput::from(&r), Lang::En).unwrap(), r);
    }

    #[test]
    fn seeds() {
        let s = |kind, value: &str| {
            validate_seed(
                &SeedInput {
                    kind,
                    value: value.into(),
                    source: Some("  EuroMillions ".into()),
                },
                Lang::En,
            )
        };
        let p = s(SeedKind::Public, "  12 18\t27  + 4 9 ").unwrap();
        assert_eq!(p.value, "12 18 27 + 4 9");
        assert_eq!(p.source.as_deref(), Some("EuroMillions"));
        assert!(s(SeedKind::Public, " ").is_err());
        assert_eq!(
            s(SeedKind::Generated, "0123456789ABCDEF0123456789abcdef")
                .unwrap()
                .value,
            "0123456789abcdef0123456789abcdef"
        );
        assert!(s(SeedKind::Generated, "1234").is_err());
        assert!(s(SeedKind::Generated, "0123456789abcdef0123456789abcdeg").is_err());
    }

    #[test]
    fn the_ranking_is_the_sorted_scores() {
        let people = vec![
            Person {
                entrant: "a".into(),
                tickets: 2,
                entries: 1,
                line: 1,
            },
            Person {
                entrant: "b".into(),
                tickets: 1,
                entries: 1,
                line: 2,
            },
            Person {
                entrant: "c".into(),
                tickets: 3,
                entries: 1,
                line: 3,
            },
        ];
        let ranked = ranking(&people, "seed");
        // By hand: every ticket scored, sorted, first occurrence of each person kept.
        let mut all: Vec<(String, String)> = people
            .iter()
            .flat_map(|p| (1..=p.tickets).map(move |n| format!("{}\t{n}", p.entrant)))
            .map(|t| (score("seed", &t), t))
            .collect();
        all.sort();
        let mut order: Vec<String> = Vec::new();
        for (_, t) in &all {
            let who = t.split('\t').next().unwrap().to_string();
            if !order.contains(&who) {
                order.push(who);
            }
        }
        let got: Vec<String> = ranked
            .iter()
            .map(|r| people[r.person].entrant.clone())
            .collect();
        assert_eq!(got, order);
        assert_eq!(ranked[0].score, all[0].0);
    }

    #[test]
    fn entry_rows_round_trip_through_json() {
        let mut e = entry("@Alice", "Hello\n\"quoted\" @bob");
        e.id = Some("17952000000000001".into());
        e.parent_id = Some("17952000000000000".into());
        e.profile = Some("https://instagram.com/alice".into());
        e.date = parse_iso("2026-06-03T18:30:00+02:00").map(|(d, _)| d);
        e.likes = Some(4.0);
        e.origin = Origin { file: 1, line: 7 };
        let json = serde_json::to_string(&vec![e.clone()]).unwrap();
        assert_eq!(entries_from_json("x.json", &json).unwrap(), vec![e.clone()]);
        let dataset = format!(r#"{{"files": ["a.csv"], "posts": [], "entries": {json}}}"#);
        assert_eq!(entries_from_json("x.json", &dataset).unwrap(), vec![e]);
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
