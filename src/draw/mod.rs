//! Verifiable winner draws: winners are a pure function of (entries, rules, seed) that anyone
//! can recompute with `sha256sum`, `sort` and `awk`, or a few lines of Python.
//!
//! The steps, one function each:
//! 1. [`read_entries`]: a plain list (one entrant per line) or a JSON entries file into
//!    [`EntryRow`](crate::model::EntryRow)s (comment exports come through the export readers
//!    as the same records);
//! 2. [`prepare_draw`] (or [`DrawSession::prepare`], which reads the entries once for every
//!    call that follows): normalise entrants, apply the [`Rules`], report every excluded entry
//!    with its reason, and write the *draw file*, whose SHA-256 is the fingerprint announced
//!    before the draw;
//! 3. [`draw_winners`]: rank the tickets of the draw file by SHA-256 of the seed and the
//!    ticket, and write a [`Certificate`];
//! 4. [`redraw()`]: a winner disqualified appends a new [`Drawing`](certificate::Drawing) with
//!    its reason, never erasing the ones before;
//! 5. [`verify_certificate`]: a certificate and the entries, confirmed or refuted with what
//!    differs.
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
//! (The second scheme, IETF RFC 3797, chosen by the rules' `scheme`, is `rfc3797`'s.)
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
//!
//! # The files
//!
//! One concept each, each using only those before it: `text` (cleaning, @mentions,
//! keywords), `beacon` (a drand round as the seed, its signature verified), `intern` (every distinct name in one arena, named by an integer), `entrant` (who
//! an entry is), `window` (ISO 8601 dates and the window), `digest` (SHA-256, the entries'
//! hash streamed, and the one sort), `entries` (entries in), `index` (what is known of the
//! entries before any rule: each entrant interned, the repeated ids, the hash), `rules`,
//! `seed`, `rfc3797` (the second scheme: the key string and its MD5 selections), `exclusion` (the reasons, the compact list and its ranges), `suspicion`
//! (suspicious entrants, flagged with their reasons), `sieve` (the rules
//! applied entry by entry, on integers), `warning`, `prepare` (the people, the draw file and
//! its fingerprint), `ticket` (scores, the ranking, the places), `certificate` (with the first
//! drawing), `verify`, `redraw`, `session` (the entries read once, the last preparation kept
//! for the draw, its verification, redraws and pages of exclusions).
//!
//! # At scale
//!
//! A million comments are read once into a [`DrawSession`]: no string is allocated per entry
//! (names are normalised into reused buffers and interned), hash tables use foldhash's fixed
//! state rather than SipHash, the entries' SHA-256 is fed from one 64 KiB buffer. The rules
//! then compare integers; the exclusions are kept as 16-byte records and put into words only
//! for the page of them shown.

mod beacon;
mod certificate;
mod digest;
mod entrant;
mod entries;
mod exclusion;
mod index;
mod intern;
mod prepare;
mod redraw;
mod rfc3797;
mod rules;
mod seed;
mod session;
mod sieve;
mod suspicion;
mod text;
mod ticket;
mod verify;
mod warning;
mod window;

pub use certificate::{draw_winners, read_certificate, Certificate, DrawError, DrawOptions};
pub use digest::sha256_hex;
pub use entries::{entries_from_json, is_entries_json, read_entries, EntryList};
pub use exclusion::{exclusions_by_reason, ExcludedEntries, Exclusion, Reason, ReasonCount};
pub use prepare::{prepare_draw, DrawCounts, Person, Preparation, Prepared};
pub use redraw::{redraw, RedrawInput};
pub use rfc3797::{Rfc3797Drawing, Scheme, Selection};
pub use rules::{Per, Rules, RulesInput};
pub use seed::{Seed, SeedInput, SeedKind};
pub use session::DrawSession;
pub use suspicion::{Suspicion, SuspicionKind, SuspiciousEntrant};
pub use ticket::{ticket_score, Pick};
pub use verify::{verify_certificate, verify_certificate_checked, Verification};
pub use warning::DrawWarning;

// The API, re-exported by `lib.rs`, is the `pub use` block above; below, what the contest
// figures share with the draw: one notion of who an entrant is.
pub(crate) use digest::{entries_sha256, sorted_unique};
pub(crate) use entrant::{normalise, tally_entries};
// `metrics/contest.rs` still names the warning `Warning`.
pub(crate) use warning::DrawWarning as Warning;
