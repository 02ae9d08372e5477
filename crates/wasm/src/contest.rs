//! The contest's calls: the outcome figures, follower lists, and the verifiable draw.
//!
//! Entries travel as plain objects in the shape [`EntryRow`](social_roi::EntryRow)
//! serialises to (`{author, text, date, id, parent_id, profile, likes, origin}`, only `author`
//! required), so the export readers' comments pass through unchanged.

use super::{error, from_js, to_js};
use serde::Serialize;
use social_roi::{
    contest_example, entries_from_json, join_lists, read_entries, redraw, verify_certificate,
    Certificate, ContestInput, DrawError, DrawOptions, EntryList, EntryRow, Exclusion, FieldError,
    FollowerList, Lang, RedrawInput, Rules, RulesInput, SeedInput,
};
use wasm_bindgen::prelude::*;

/// A draw that cannot be made: `{ kind: "input", message, errors: [{field, message}] }`.
#[derive(Serialize)]
struct DrawJsError<'a> {
    kind: &'a str,
    message: String,
    errors: &'a [FieldError],
}

fn draw_error(e: &DrawError) -> JsValue {
    let value = DrawJsError {
        kind: "input",
        message: e.to_string(),
        errors: &e.errors,
    };
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|_| error("input", e.to_string()))
}

/// The entries a call is given: a list of entry objects, or the same list as JSON text (what
/// `Workspace.entriesJson()` gives: thousands of comments cross the boundary as one string
/// many times faster than as objects), or null for none.
fn entries(value: JsValue) -> Result<Vec<EntryRow>, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(Vec::new());
    }
    if let Some(text) = value.as_string() {
        return entries_from_json("the entries", &text).map_err(|e| error("input", e.message));
    }
    Ok(from_js::<EntryList>(value, "the entries")?.0)
}

/// Reads an entries file the export readers do not handle: a plain list (one entrant per
/// line) or JSON entries. Throws `{kind: "file", message}` naming the place.
#[wasm_bindgen(js_name = readEntryList)]
pub fn read_entry_list(name: &str, text: &str) -> Result<JsValue, JsValue> {
    let list = read_entries(name, text).map_err(|e| error("file", e.message))?;
    to_js(&list)
}

/// The rules a new draw starts from (one winner, one entry per person, no condition).
#[wasm_bindgen(js_name = defaultDrawRules)]
pub fn default_draw_rules() -> Result<JsValue, JsValue> {
    to_js(&RulesInput::from(&Rules::default()))
}

/// Before the seed: `{errors, prepared}`, `prepared` holding the fingerprint to announce, the
/// counts, the people, every exclusion with its reason and the warnings (null while the rules
/// hold errors).
#[wasm_bindgen(js_name = prepareDraw)]
pub fn prepare_draw(entries_js: JsValue, rules: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    let rules: RulesInput = from_js(rules, "the draw rules")?;
    to_js(&social_roi::prepare_draw(
        &entries(entries_js)?,
        &rules,
        Lang::from_tag(lang),
    ))
}

/// Draws winners and alternates: the certificate. `seed` is `{kind: "public" | "generated",
/// value, source}`, `options` `{title, drawn_at}`. Throws `{kind: "input", message, errors}`
/// when a rule, the seed or the date cannot be read.
#[wasm_bindgen(js_name = drawWinners)]
pub fn draw_winners(
    entries_js: JsValue,
    rules: JsValue,
    seed: JsValue,
    options: JsValue,
    lang: &str,
) -> Result<JsValue, JsValue> {
    let rules: RulesInput = from_js(rules, "the draw rules")?;
    let seed: SeedInput = from_js(seed, "the seed")?;
    let options: DrawOptions = if options.is_null() || options.is_undefined() {
        DrawOptions::default()
    } else {
        from_js(options, "the draw options")?
    };
    let cert = social_roi::draw_winners(
        &entries(entries_js)?,
        &rules,
        &seed,
        &options,
        Lang::from_tag(lang),
    )
    .map_err(|e| draw_error(&e))?;
    to_js(&cert)
}

/// Checks a certificate against the entries: `{confirmed, summary, checks: [{id, label, ok,
/// message}]}`.
#[wasm_bindgen(js_name = verifyDraw)]
pub fn verify_draw(
    certificate: JsValue,
    entries_js: JsValue,
    lang: &str,
) -> Result<JsValue, JsValue> {
    let cert: Certificate = from_js(certificate, "the certificate")?;
    to_js(&verify_certificate(
        &cert,
        &entries(entries_js)?,
        Lang::from_tag(lang),
    ))
}

/// Appends a redraw to a certificate: `request` is `{disqualify: [names], reason, seed (null
/// keeps the last one), drawn_at}`. Throws `{kind: "input", message, errors}`.
#[wasm_bindgen(js_name = redrawWinners)]
pub fn redraw_winners(
    certificate: JsValue,
    entries_js: JsValue,
    request: JsValue,
    lang: &str,
) -> Result<JsValue, JsValue> {
    let cert: Certificate = from_js(certificate, "the certificate")?;
    let request: RedrawInput = from_js(request, "the redraw")?;
    let next = redraw(&cert, &entries(entries_js)?, &request, Lang::from_tag(lang))
        .map_err(|e| draw_error(&e))?;
    to_js(&next)
}

/// Reads a certificate file (`name`, its text): the certificate, or `{kind: "file", message}`
/// in `lang`, naming the line and column of what cannot be read, as the command line does.
#[wasm_bindgen(js_name = readCertificate)]
pub fn read_certificate(name: &str, text: &str, lang: &str) -> Result<JsValue, JsValue> {
    let cert = social_roi::read_certificate(name, text, Lang::from_tag(lang))
        .map_err(|e| error("file", e.message))?;
    to_js(&cert)
}

/// Exclusions (a preparation's or a certificate's) counted by reason, in the order the rules
/// apply: `[{reason, label, count}]`, `label` in `lang`.
#[wasm_bindgen(js_name = exclusionsByReason)]
pub fn exclusions_by_reason(exclusions: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    let list: Vec<Exclusion> = from_js(exclusions, "the exclusions")?;
    to_js(&social_roi::exclusions_by_reason(
        &list,
        Lang::from_tag(lang),
    ))
}

/// The score of one ticket, for a page that shows how the ranking is made.
#[wasm_bindgen(js_name = ticketScore)]
pub fn ticket_score(seed: &str, ticket: &str) -> String {
    social_roi::ticket_score(seed, ticket)
}

/// Reads a follower list (Instagram's `followers_1.json`, or one handle per line): `{name,
/// format, handles, duplicates}`. Throws `{kind: "file", message}` naming the place.
#[wasm_bindgen(js_name = readFollowers)]
pub fn read_followers(name: &str, text: &str, lang: &str) -> Result<JsValue, JsValue> {
    let list = social_roi::read_followers(name, text, Lang::from_tag(lang))
        .map_err(|e| error("file", e.message))?;
    to_js(&list)
}

/// Joins the lists of one moment (`followers_1.json`, `followers_2.json`…) into one.
#[wasm_bindgen(js_name = joinFollowerLists)]
pub fn join_follower_lists(lists: JsValue) -> Result<JsValue, JsValue> {
    let lists: Vec<FollowerList> = from_js(lists, "the follower lists")?;
    to_js(&join_lists(&lists))
}

/// The contest's outcome report of `input` (the JSON docs/contests.md documents) with its comments
/// (`entries`, or null), in `lang`.
#[wasm_bindgen(js_name = computeContest)]
pub fn compute_contest(
    input: JsValue,
    entries_js: JsValue,
    lang: &str,
) -> Result<JsValue, JsValue> {
    let input: ContestInput = from_js(input, "the contest's inputs")?;
    to_js(&social_roi::compute_contest(
        &input,
        &entries(entries_js)?,
        Lang::from_tag(lang),
    ))
}

/// The same contest input with readable numbers as numbers and the decimal mark of `to`: call
/// it before switching the interface language.
#[wasm_bindgen(js_name = canonicalContestInput)]
pub fn canonical_contest_input(input: JsValue, lang: &str, to: &str) -> Result<JsValue, JsValue> {
    let input: ContestInput = from_js(input, "the contest's inputs")?;
    to_js(&social_roi::canonical_contest_input(
        &input,
        Lang::from_tag(lang),
        Lang::from_tag(to),
    ))
}

/// The contest's worked example.
#[wasm_bindgen(js_name = exampleContestInput)]
pub fn example_contest_input(lang: &str, currency: &str) -> Result<JsValue, JsValue> {
    to_js(&contest_example(Lang::from_tag(lang), currency))
}
