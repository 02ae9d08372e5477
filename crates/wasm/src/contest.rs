//! The contest's calls: the outcome figures, follower lists, and the verifiable draw.
//!
//! Draws at scale are [`Workspace`] methods (`ws.prepareDraw(rules, lang)`, `ws.drawWinners`,
//! `ws.verifyDraw`, `ws.redrawWinners`, `ws.drawExclusions`, `ws.drawPeople`, `ws.drawFile`):
//! the entries stay in the workspace, read once into a [`DrawSession`] that keeps its last
//! preparation, and what comes back is small (counts by reason; the long lists a page at a
//! time). A JSON list of entries is given to a workspace with `ws.useEntryList`.
//!
//! The functions of the same names take the entries with each call: plain objects in the
//! shape [`EntryRow`](social_roi::EntryRow) serialises to (`{author, text, date, id,
//! parent_id, profile, likes, origin}`, only `author` required), or that list as JSON text.

use super::files::Workspace;
use super::{error, from_js, to_js};
use serde::Serialize;
use social_roi::beacon::BeaconCheck;
use social_roi::{
    contest_example, entries_from_json, exclusions_by_reason as by_reason, join_lists,
    read_entries, redraw, verify_certificate, Certificate, ContestInput, DrawCounts, DrawError,
    DrawOptions, DrawSession, DrawWarning, Entries, EntryList, ExcludedEntries, ExclusionReason,
    FieldError, FollowerList, Lang, Prepared, ReasonCount, RedrawInput, Rules, RulesInput,
    SeedInput, Suspicion, SuspicionKind, SuspiciousEntrant,
};
use wasm_bindgen::prelude::*;

/// Most entries or people one page gives.
const MAX_PAGE: u32 = 10_000;

/// The flags of each kind a preparation carries to the page: the rest come a page at a time
/// (`drawSuspicious`), so a million comments' 160,000 flags cost no serialisation up front.
const FLAGS_SHOWN: usize = 200;

/// A workspace's draw state: a list of entries given instead of files, and the session over
/// the entries (forgotten whenever the files change).
#[derive(Default)]
pub(crate) struct Draws {
    list: Option<Entries>,
    session: Option<DrawSession>,
}

impl Draws {
    /// The files changed: the session is no longer theirs.
    pub(crate) fn forget(&mut self) {
        self.session = None;
    }
}

/// A preparation as the page shows it: everything but the long lists, which come a page at a
/// time (`drawExclusions`, `drawPeople`, `drawFile`).
#[derive(Serialize)]
struct PreparedView<'a> {
    rules: &'a Rules,
    counts: &'a DrawCounts,
    entries_sha256: &'a str,
    fingerprint: &'a str,
    warnings: &'a [DrawWarning],
    /// The exclusions counted by reason, in the order the rules apply.
    by_reason: Vec<ReasonCount>,
    /// The first [`FLAGS_SHOWN`] suspicious entrants of each kind, with their reasons; every
    /// kind with its count; how many entrants the flags name.
    suspicious: Vec<&'a SuspiciousEntrant>,
    suspicion_kinds: &'a [SuspicionKind],
    suspicious_entrants: usize,
}

#[derive(Serialize)]
struct PreparationView<'a> {
    errors: Vec<FieldError>,
    prepared: Option<PreparedView<'a>>,
}

fn view(p: &Prepared, lang: Lang) -> PreparedView<'_> {
    PreparedView {
        rules: &p.rules,
        counts: &p.counts,
        entries_sha256: &p.entries_sha256,
        fingerprint: &p.fingerprint,
        warnings: &p.warnings,
        by_reason: by_reason(&p.excluded(), lang),
        suspicious: Suspicion::ALL
            .iter()
            .flat_map(|&k| p.suspicious_of(k, 0, FLAGS_SHOWN))
            .collect(),
        suspicion_kinds: &p.suspicion_kinds,
        suspicious_entrants: p.flagged_entrants(),
    }
}

impl Workspace {
    /// The entries draws and contests count: the list given with `useEntryList`, else the
    /// files'.
    pub(crate) fn draw_entries(&self) -> &Entries {
        match &self.draws.list {
            Some(list) => list,
            None => &self.inner.dataset().records.entries,
        }
    }

    /// The entries and their session (read now if not yet).
    fn session(&mut self) -> (&Entries, &mut DrawSession) {
        let Draws { list, session } = &mut self.draws;
        let entries: &Entries = match list {
            Some(list) => list,
            None => &self.inner.dataset().records.entries,
        };
        (
            entries,
            session.get_or_insert_with(|| DrawSession::new(entries)),
        )
    }
}

#[wasm_bindgen]
impl Workspace {
    /// Makes a list of entries (JSON entries, or one entrant per line: what `readEntryList`
    /// reads) this workspace's entries for draws and contests instead of its files; returns
    /// how many. `null` forgets it. Throws `{kind: "file", message}` naming the place.
    #[wasm_bindgen(js_name = useEntryList)]
    pub fn use_entry_list(&mut self, name: &str, text: Option<String>) -> Result<u32, JsValue> {
        self.draws = Draws::default();
        let Some(text) = text else {
            return Ok(0);
        };
        let list = read_entries(name, &text).map_err(|e| error("file", e.message))?;
        let n = list.len() as u32;
        self.draws.list = Some(list);
        Ok(n)
    }

    /// Before the seed: `{errors, prepared}`, `prepared` holding the rules, the counts, the
    /// entries' SHA-256, the fingerprint to announce, the warnings and `by_reason` (the
    /// exclusions counted by reason: `[{reason, label, count}]`), null while the rules hold
    /// errors. The preparation is kept for the calls that follow, until the rules or the files
    /// change: preparing again with the same rules costs nothing.
    #[wasm_bindgen(js_name = prepareDraw)]
    pub fn prepare_draw_here(&mut self, rules: JsValue, lang: &str) -> Result<JsValue, JsValue> {
        let rules: RulesInput = from_js(rules, "the draw rules")?;
        let lang = Lang::from_tag(lang);
        let (entries, session) = self.session();
        let out = match session.prepare(entries, &rules, lang) {
            Ok(p) => PreparationView {
                errors: Vec::new(),
                prepared: Some(view(p, lang)),
            },
            Err(errors) => PreparationView {
                errors,
                prepared: None,
            },
        };
        to_js(&out)
    }

    /// Draws winners and alternates from the entries: the certificate (see the function
    /// `drawWinners`), the preparation made once.
    #[wasm_bindgen(js_name = drawWinners)]
    pub fn draw_winners_here(
        &mut self,
        rules: JsValue,
        seed: JsValue,
        options: JsValue,
        lang: &str,
    ) -> Result<JsValue, JsValue> {
        let rules: RulesInput = from_js(rules, "the draw rules")?;
        let seed: SeedInput = from_js(seed, "the seed")?;
        let options = draw_options(options)?;
        let (entries, session) = self.session();
        let cert = session
            .draw(entries, &rules, &seed, &options, Lang::from_tag(lang))
            .map_err(|e| draw_error(&e))?;
        to_js(&cert)
    }

    /// Checks a certificate against the entries: `{confirmed, summary, checks}`. `checked`
    /// holds the beacon module's verdicts on its drand rounds (`[{record, refused}]`, `refused`
    /// null when the signature verified; null for none): a drand drawing's signature is
    /// confirmed only when the module verified its round.
    #[wasm_bindgen(js_name = verifyDraw)]
    pub fn verify_draw_here(
        &mut self,
        certificate: JsValue,
        lang: &str,
        checked: JsValue,
    ) -> Result<JsValue, JsValue> {
        let cert: Certificate = from_js(certificate, "the certificate")?;
        let checked = beacon_records(checked)?;
        let (entries, session) = self.session();
        to_js(&session.verify_checked(entries, &cert, &checked, Lang::from_tag(lang)))
    }

    /// Appends a redraw to a certificate (see the function `redrawWinners`); `checked` as
    /// for `verifyDraw`.
    #[wasm_bindgen(js_name = redrawWinners)]
    pub fn redraw_winners_here(
        &mut self,
        certificate: JsValue,
        request: JsValue,
        lang: &str,
        checked: JsValue,
    ) -> Result<JsValue, JsValue> {
        let cert: Certificate = from_js(certificate, "the certificate")?;
        let request: RedrawInput = from_js(request, "the redraw")?;
        let checked = beacon_records(checked)?;
        let (entries, session) = self.session();
        let next = session
            .redraw_checked(entries, &cert, &request, &checked, Lang::from_tag(lang))
            .map_err(|e| draw_error(&e))?;
        to_js(&next)
    }

    /// A page of the entries the last preparation left out: those of `reason` (a code such as
    /// `already_entered`; null for every reason), from the `offset`-th, at most `limit` (up to
    /// 10 000): `[{index, file, line, author, entrant, reason, message}]`, `message` in `lang`.
    #[wasm_bindgen(js_name = drawExclusions)]
    pub fn draw_exclusions(
        &self,
        reason: Option<String>,
        offset: u32,
        limit: u32,
        lang: &str,
    ) -> Result<JsValue, JsValue> {
        let reason: Option<ExclusionReason> = match reason {
            Some(r) => Some(
                serde_json::from_value(serde_json::Value::String(r.clone()))
                    .map_err(|_| error("input", format!("\"{r}\" is not a reason of exclusion")))?,
            ),
            None => None,
        };
        let Some(session) = &self.draws.session else {
            return to_js(&Vec::<()>::new());
        };
        let page = session.exclusions(
            self.draw_entries(),
            reason,
            offset as usize,
            limit.min(MAX_PAGE) as usize,
            Lang::from_tag(lang),
        );
        to_js(&page)
    }

    /// A page of the suspicious entrants of the last preparation flagged for `kind` (a code
    /// such as `tag_farm`), from the `offset`-th, at most `limit` (up to 10 000), in the
    /// preparation's language: `[{entrant, kind, reason, lines, excluded}]`.
    #[wasm_bindgen(js_name = drawSuspicious)]
    pub fn draw_suspicious(
        &self,
        kind: String,
        offset: u32,
        limit: u32,
    ) -> Result<JsValue, JsValue> {
        let kind: Suspicion = serde_json::from_value(serde_json::Value::String(kind.clone()))
            .map_err(|_| error("input", format!("\"{kind}\" is not a kind of suspicion")))?;
        let flags = self
            .draws
            .session
            .as_ref()
            .and_then(DrawSession::prepared)
            .map_or_else(Vec::new, |p| {
                p.suspicious_of(kind, offset as usize, limit.min(MAX_PAGE) as usize)
            });
        to_js(&flags)
    }

    /// A page of the people of the last preparation, sorted by entrant: `[{entrant, tickets,
    /// entries, line}]`, from the `offset`-th, at most `limit` (up to 10 000).
    #[wasm_bindgen(js_name = drawPeople)]
    pub fn draw_people(&self, offset: u32, limit: u32) -> Result<JsValue, JsValue> {
        let people = self
            .draws
            .session
            .as_ref()
            .and_then(DrawSession::prepared)
            .map_or(&[][..], |p| &p.people);
        let from = (offset as usize).min(people.len());
        let to = (from + limit.min(MAX_PAGE) as usize).min(people.len());
        to_js(&&people[from..to])
    }

    /// The draw file of the last preparation (its SHA-256 is the fingerprint), or null.
    #[wasm_bindgen(js_name = drawFile)]
    pub fn draw_file(&self) -> Option<String> {
        let session = self.draws.session.as_ref()?;
        Some(session.prepared()?.draw_file.clone())
    }

    /// SHA-256 of the entries, as a certificate's `entries_sha256` states it: whether a
    /// certificate was drawn from these entries, without preparing anything.
    #[wasm_bindgen(js_name = drawEntriesSha256)]
    pub fn draw_entries_sha256(&mut self) -> String {
        self.session().1.entries_sha256().to_string()
    }
}

/// The beacon module's verdicts on a certificate's rounds (`[{record, refused}]`), or none.
fn beacon_records(checked: JsValue) -> Result<Vec<BeaconCheck>, JsValue> {
    if checked.is_null() || checked.is_undefined() {
        return Ok(Vec::new());
    }
    from_js(checked, "the rounds the beacon module verified")
}

fn draw_options(options: JsValue) -> Result<DrawOptions, JsValue> {
    if options.is_null() || options.is_undefined() {
        Ok(DrawOptions::default())
    } else {
        from_js(options, "the draw options")
    }
}

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
pub(crate) fn entries(value: JsValue) -> Result<Entries, JsValue> {
    if value.is_null() || value.is_undefined() {
        return Ok(Entries::new());
    }
    if let Some(text) = value.as_string() {
        return entries_from_json("the entries", &text).map_err(|e| error("input", e.message));
    }
    Ok(from_js::<EntryList>(value, "the entries")?.0.into())
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
/// counts, the draw file, the people, the exclusions as a certificate records them (ranges of
/// entry indices per reason) and the warnings (null while the rules hold errors). For many
/// entries, a workspace's `prepareDraw` prepares once and gives the lists page by page.
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
    let options = draw_options(options)?;
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

/// A certificate's (or a preparation's) `exclusions` counted by reason, in the order the rules
/// apply: `[{reason, label, count}]`, `label` in `lang`.
#[wasm_bindgen(js_name = exclusionsByReason)]
pub fn exclusions_by_reason(exclusions: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    let list: ExcludedEntries = from_js(exclusions, "the exclusions")?;
    to_js(&by_reason(&list, Lang::from_tag(lang)))
}

/// A kind of suspicion and its name.
#[derive(Serialize)]
struct SuspicionLabel {
    kind: Suspicion,
    label: &'static str,
}

/// Every kind of suspicion with its name in `lang`, `[{kind, label}]`: how a certificate's
/// `exclude_suspicious` rule is written in words.
#[wasm_bindgen(js_name = suspicionLabels)]
pub fn suspicion_labels(lang: &str) -> Result<JsValue, JsValue> {
    let lang = Lang::from_tag(lang);
    let list: Vec<SuspicionLabel> = Suspicion::ALL
        .iter()
        .map(|&kind| SuspicionLabel {
            kind,
            label: kind.label(lang),
        })
        .collect();
    to_js(&list)
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
