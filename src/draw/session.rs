//! A draw's entries made ready once, for every call that follows: the fingerprint before the
//! seed, the draw, its verification, redraws, and the exclusions page by page. What does not
//! depend on the rules (each entrant normalised and interned, the entries' SHA-256) is
//! computed when the session starts; a preparation is kept until the rules change, so a draw
//! right after its preparation, or the verification of the certificate it gave, prepares
//! nothing again.

use super::certificate::{validate_draw, Certificate, DrawError, DrawOptions};
use super::exclusion::{Exclusion, Reason};
use super::index::Index;
use super::prepare::{prepare_indexed, Prepared};
use super::redraw::{redraw_prepared, refused, RedrawInput};
use super::rules::{validate_rules, Rules, RulesInput};
use super::seed::SeedInput;
use super::suspicion::{say_flags_in, suspicious, SuspiciousEntrant};
use super::verify::{verify_prepared, Verification};
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::model::Entries;
use social_roi_beacon::BeaconCheck;

/// The entries of a draw, read once, and the last preparation. Every call takes the entries
/// again (they stay where they are, in a workspace or a list): they must be the ones the
/// session was made from (a list of another length starts the session anew).
///
/// ```
/// use social_roi::{read_entries, DrawOptions, DrawSession, Lang, RulesInput, SeedInput, SeedKind};
/// let entries = read_entries("list.txt", "ann\nbob\nAnn\n").unwrap();
/// let mut session = DrawSession::new(&entries);
/// let rules = RulesInput::default();
/// let fingerprint = session.prepare(&entries, &rules, Lang::En).unwrap().fingerprint.clone();
/// let seed = SeedInput { kind: SeedKind::Public, value: "42".into(), ..SeedInput::default() };
/// let cert = session.draw(&entries, &rules, &seed, &DrawOptions::default(), Lang::En).unwrap();
/// assert_eq!(cert.fingerprint, fingerprint);
/// assert!(session.verify(&entries, &cert, Lang::En).confirmed);
/// let left = session.exclusions(&entries, None, 0, 10, Lang::En);
/// assert_eq!(left[0].message, "one entry per person: line 1 already counts");
/// ```
#[derive(Clone, Debug)]
pub struct DrawSession {
    index: Index,
    last: Option<Prepared>,
    /// The suspicious entrants, in a language, found before any preparation took them: they
    /// depend on the entries only.
    flags: Option<(Lang, Vec<SuspiciousEntrant>)>,
}

impl DrawSession {
    /// Reads every entry once: names and profiles normalised and interned, people and their
    /// entrants, repeated comment ids, the entries' SHA-256.
    pub fn new(entries: &Entries) -> DrawSession {
        DrawSession {
            index: Index::new(entries),
            last: None,
            flags: None,
        }
    }

    /// Starts anew when `entries` are not those of the session.
    fn ready(&mut self, entries: &Entries) {
        if entries.len() != self.index.len() {
            *self = DrawSession::new(entries);
        }
    }

    /// SHA-256 of the entries (one line of JSON each, as the certificate's `entries_sha256`).
    pub fn entries_sha256(&self) -> &str {
        &self.index.entries_sha256
    }

    /// The suspicious entrants, in `lang`: computed once (by this call or the first
    /// preparation) and kept for every preparation that follows, since they depend on the
    /// entries only; once there is a preparation, its own (each marked `excluded` as its rules
    /// say), said in `lang`. Another language writes their reasons again, nothing more.
    pub fn suspicious(&mut self, entries: &Entries, lang: Lang) -> &[SuspiciousEntrant] {
        self.ready(entries);
        if let Some(p) = &mut self.last {
            p.say_warnings_in(&self.index, lang);
            return &p.suspicious;
        }
        match &mut self.flags {
            Some((l, f)) if *l != lang => {
                say_flags_in(f, &self.index, lang);
                *l = lang;
            }
            Some(_) => {}
            None => self.flags = Some((lang, suspicious(entries, &self.index, lang))),
        }
        self.flags.as_ref().map_or(&[], |(_, f)| f.as_slice())
    }

    /// The last preparation, if any.
    pub fn prepared(&self) -> Option<&Prepared> {
        self.last.as_ref()
    }

    /// The preparation under `rules` (canonical), in `lang`: the kept one when the rules are
    /// the same.
    fn prepared_for(
        &mut self,
        entries: &Entries,
        rules: &Rules,
        lang: Lang,
    ) -> Result<&Prepared, FieldError> {
        self.ready(entries);
        let fresh = match self.last.take() {
            Some(mut p) if p.rules == *rules => {
                p.say_warnings_in(&self.index, lang);
                p
            }
            last => {
                // The flags move from the last preparation to the next (a million comments
                // make 160,000 of them: no copy is kept beside it). A preparation refused (too
                // many tickets) takes them with it: the next one finds them again.
                let (said, mut flags) = match (last, self.flags.take()) {
                    (Some(p), _) => (p.lang(), p.suspicious),
                    (_, Some(kept)) => kept,
                    _ => (lang, suspicious(entries, &self.index, lang)),
                };
                if said != lang {
                    say_flags_in(&mut flags, &self.index, lang);
                }
                prepare_indexed(entries, &self.index, flags, rules, lang)?
            }
        };
        Ok(self.last.insert(fresh))
    }

    /// Validates the rules, then applies them to the entries: the fingerprint to announce,
    /// who is in and who is out, or a message per field (`winners`, `bonus[0].entries`…, or
    /// `entries` when there are too many tickets).
    pub fn prepare(
        &mut self,
        entries: &Entries,
        rules: &RulesInput,
        lang: Lang,
    ) -> Result<&Prepared, Vec<FieldError>> {
        let rules = validate_rules(rules, lang)?;
        self.prepared_for(entries, &rules, lang)
            .map_err(|e| vec![e])
    }

    /// Draws winners and alternates: the certificate with its first drawing (see
    /// [`draw_winners`](super::draw_winners)).
    pub fn draw(
        &mut self,
        entries: &Entries,
        rules: &RulesInput,
        seed: &SeedInput,
        options: &DrawOptions,
        lang: Lang,
    ) -> Result<Certificate, DrawError> {
        let (rules, seed, at) = validate_draw(rules, seed, options, lang)?;
        let prepared = self
            .prepared_for(entries, &rules, lang)
            .map_err(|e| DrawError { errors: vec![e] })?;
        Ok(Certificate::first(prepared, (seed, at), options, lang))
    }

    /// Checks a certificate against the entries (see
    /// [`verify_certificate`](super::verify_certificate)).
    pub fn verify(&mut self, entries: &Entries, cert: &Certificate, lang: Lang) -> Verification {
        self.verify_checked(entries, cert, &[], lang)
    }

    /// [`verify`](Self::verify) with the rounds the beacon module verified (see
    /// [`verify_certificate_checked`](super::verify_certificate_checked)).
    pub fn verify_checked(
        &mut self,
        entries: &Entries,
        cert: &Certificate,
        checked: &[BeaconCheck],
        lang: Lang,
    ) -> Verification {
        let prepared = match self.prepared_for(entries, &cert.rules, lang) {
            Ok(_) => self.last.as_ref().ok_or_else(|| FieldError {
                field: "entries".into(),
                message: String::new(),
            }),
            Err(e) => Err(e),
        };
        verify_prepared(cert, (entries, &self.index), prepared, checked, lang)
    }

    /// Appends a redraw to a certificate that verifies against the entries (see
    /// [`redraw`](super::redraw())).
    pub fn redraw(
        &mut self,
        entries: &Entries,
        cert: &Certificate,
        input: &RedrawInput,
        lang: Lang,
    ) -> Result<Certificate, DrawError> {
        self.redraw_checked(entries, cert, input, &[], lang)
    }

    /// [`redraw`](Self::redraw) with the rounds the beacon module verified, for a certificate
    /// with drand seeds in a core built without the `drand` feature.
    pub fn redraw_checked(
        &mut self,
        entries: &Entries,
        cert: &Certificate,
        input: &RedrawInput,
        checked: &[BeaconCheck],
        lang: Lang,
    ) -> Result<Certificate, DrawError> {
        let verified = self.verify_checked(entries, cert, checked, lang);
        match &self.last {
            Some(p) if verified.confirmed && p.rules == cert.rules => {
                redraw_prepared(cert, p, input, lang)
            }
            _ => Err(refused(&verified, lang)),
        }
    }

    /// The entries the last preparation left out (for `reason`, or for any), from the
    /// `offset`-th of them, at most `limit`, each with its author, line and message in `lang`:
    /// a page of a list that may hold a million.
    pub fn exclusions(
        &self,
        entries: &Entries,
        reason: Option<Reason>,
        offset: usize,
        limit: usize,
        lang: Lang,
    ) -> Vec<Exclusion> {
        match &self.last {
            Some(p) if entries.len() == self.index.len() => {
                p.exclusions(entries, &self.index, reason, (offset, limit), lang)
            }
            _ => Vec::new(),
        }
    }
}
