//! `social-roi draw`: the fingerprint to announce, the draw, its verification and redraws,
//! over the same core the page runs. It has its own options: the shared ones do not fit.

use super::entries::{self, column_arg};
use super::{json_error, lang_value, read_input, to_json, write, Fatal};
use clap::Args;
use social_roi::{
    read_certificate, Certificate, DrawCounts, DrawError, DrawOptions, DrawScheme, DrawSession,
    DrawWarning, Entries, Entry, FieldError, Lang, Pick, Prepared, RedrawInput, Rfc3797Drawing,
    RulesInput, SeedInput, SeedKind, Verification,
};
use std::io::Write;
use std::process::ExitCode;

/// A verifiable winner draw: the fingerprint to announce, the draw, its verification, redraws.
///
/// Without a seed: the fingerprint to announce before the draw, who is in and who is out.
/// With --seed TEXT (or --random-seed, or --drand ROUND.json: a drand beacon round, its
/// signature verified offline): the draw's certificate (JSON with --json, else a summary). --verify CERTIFICATE.json confirms or refutes a certificate against the entries
/// (exit 1 when refuted). --redraw CERTIFICATE.json --disqualify NAME --reason TEXT appends a
/// drawing: the disqualified leave, the next in the ranking take their prizes.
///
/// --scheme rfc3797 (or --sources TEXT) draws by IETF RFC 3797 instead: the sources published
/// after the entries (numbers separated by spaces, sources by /) make its key string, and
/// MD5 selections take the winners from the draw file's tickets in order.
#[derive(Args)]
#[command(
    after_help = "ENTRIES are comment exports (ExportComments CSV or XLSX, CSV, TSV, XLS, \
ODS, ZIP) or lists with one entrant per line, read in the order given as the page reads them; or \
one JSON list of entries. docs/draw-protocol.md shows how to check a draw with standard tools."
)]
pub(crate) struct DrawArgs {
    /// Print JSON (without it, a readable summary).
    #[arg(long)]
    json: bool,
    /// The language of labels and messages (a certificate's own, when verifying).
    #[arg(long, value_name = "en|fr", value_parser = lang_value)]
    lang: Option<Lang>,
    /// The draw's rules (see docs/contests.md).
    #[arg(long, value_name = "RULES.json")]
    rules: Option<String>,
    /// The number of winners (overrides the rules').
    #[arg(long, value_name = "N")]
    winners: Option<String>,
    /// The number of alternates (overrides the rules').
    #[arg(long, value_name = "N")]
    alternates: Option<String>,
    /// Write the draw file (the entries as they count, one per line) to OUT.txt.
    #[arg(long, value_name = "OUT.txt")]
    draw_file: Option<String>,
    /// The seed, as published.
    #[arg(long, value_name = "TEXT", conflicts_with = "random_seed")]
    seed: Option<String>,
    /// Where the seed comes from (a lottery's draw, a beacon's address).
    #[arg(long, value_name = "TEXT")]
    seed_source: Option<String>,
    /// A seed from the operating system's random numbers.
    #[arg(long, conflicts_with = "drand")]
    random_seed: bool,
    /// The seed from a drand beacon round: its JSON (as `GET /public/N` gives it, from
    /// quicknet or the default chain), whose BLS signature is verified offline against the
    /// chain's embedded public key; the round's randomness is the seed.
    #[arg(long, value_name = "ROUND.json", conflicts_with = "seed")]
    drand: Option<String>,
    /// The chain the --drand round must be of: quicknet, default, or a chain hash (else the
    /// one its signature's length says).
    #[arg(long, value_name = "CHAIN", requires = "drand")]
    drand_chain: Option<String>,
    /// How winners are drawn: sha256 (tickets ranked by SHA-256 of the seed and ticket, the
    /// default) or rfc3797 (IETF RFC 3797's selection; overrides the rules'). Give it before
    /// the draw too: the fingerprint covers it.
    #[arg(long, value_name = "sha256|rfc3797", value_parser = scheme_value)]
    scheme: Option<DrawScheme>,
    /// The RFC 3797 random sources, as published: numbers separated by spaces, sources by /
    /// (`9319 / 2 5 12 8 10 / 9 18 26 34 41 45`). Implies --scheme rfc3797.
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["seed", "random_seed", "drand"])]
    sources: Option<String>,
    /// The contest's name, printed on the certificate.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The draw's date and time, such as 2026-06-14T18:30:00Z (else the clock's).
    #[arg(long, value_name = "TIME")]
    at: Option<String>,
    /// Confirm or refute a certificate against ENTRIES.
    #[arg(long, value_name = "CERTIFICATE.json", conflicts_with = "redraw")]
    verify: Option<String>,
    /// Append a drawing to a certificate, after disqualifications.
    #[arg(long, value_name = "CERTIFICATE.json")]
    redraw: Option<String>,
    /// An entrant disqualified (with --redraw; repeat for several).
    #[arg(long, value_name = "NAME")]
    disqualify: Vec<String>,
    /// Why (with --redraw).
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    /// Maps a column of a comment file the readers do not recognise to a FIELD (author, text,
    /// date, id, parent_id, profile, likes); repeat it per column.
    #[arg(long = "column", value_name = "NAME=FIELD", value_parser = column_arg)]
    columns: Vec<(String, String)>,
    /// The entries: comment exports or lists, or one JSON list of entries.
    #[arg(value_name = "ENTRIES", required = true)]
    files: Vec<String>,
}

fn load_certificate(path: &str, lang: Option<Lang>) -> Result<Certificate, Fatal> {
    let text = read_input(path)?;
    read_certificate(path, &text, lang.unwrap_or(Lang::En)).map_err(|e| Fatal(e.message))
}

/// A random seed from the operating system: 32 bytes, hexadecimal.
fn random_seed() -> Result<String, Fatal> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| Fatal(format!("cannot get random bytes from the system: {e}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The system clock, as ISO 8601 in UTC.
fn now() -> Option<String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let secs = i64::try_from(secs).ok()?;
    let date = social_roi::Date::from_days(secs.div_euclid(86_400))?;
    let t = secs.rem_euclid(86_400);
    Some(format!(
        "{date}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t % 3600 / 60,
        t % 60
    ))
}

fn scheme_value(v: &str) -> Result<DrawScheme, String> {
    match v {
        "sha256" => Ok(DrawScheme::Sha256),
        "rfc3797" => Ok(DrawScheme::Rfc3797),
        _ => Err(format!("expected sha256 or rfc3797, found \"{v}\"")),
    }
}

fn seed_input(o: &DrawArgs) -> Result<Option<SeedInput>, Fatal> {
    Ok(if let Some(path) = &o.drand {
        Some(SeedInput {
            kind: SeedKind::Drand,
            value: read_input(path)?,
            source: o.seed_source.clone(),
            chain: o.drand_chain.clone(),
            ..SeedInput::default()
        })
    } else if o.random_seed {
        Some(SeedInput {
            kind: SeedKind::Generated,
            value: random_seed()?,
            source: None,
            ..SeedInput::default()
        })
    } else {
        o.seed.as_ref().or(o.sources.as_ref()).map(|s| SeedInput {
            kind: SeedKind::Public,
            value: s.clone(),
            source: o.seed_source.clone(),
            ..SeedInput::default()
        })
    })
}

fn rules_input(o: &DrawArgs) -> Result<RulesInput, Fatal> {
    let mut rules: RulesInput = match &o.rules {
        Some(path) => {
            let text = read_input(path)?;
            serde_json::from_str(&text).map_err(|e| json_error(path, &e))?
        }
        None => RulesInput::default(),
    };
    if let Some(w) = &o.winners {
        rules.winners = Entry::Text(w.clone());
    }
    if let Some(a) = &o.alternates {
        rules.alternates = Entry::Text(a.clone());
    }
    if o.sources.is_some() {
        rules.scheme = DrawScheme::Rfc3797;
    }
    if let Some(s) = o.scheme {
        rules.scheme = s;
    }
    Ok(rules)
}

fn errors_text(errors: &[FieldError], lang: Lang) -> String {
    let mut s = lang
        .pick("Input errors\n", "Erreurs de saisie\n")
        .to_string();
    for e in errors {
        s.push_str(&format!("  {}: {}\n", e.field, e.message));
    }
    s.trim_end().to_string()
}

/// `draw`: runs one of its four modes.
pub(crate) fn run(o: &DrawArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    if let Some(path) = &o.verify {
        return run_verify(o, path, out);
    }
    if let Some(path) = &o.redraw {
        return run_redraw(o, path, out);
    }
    run_draw(o, out)
}

/// `--verify CERTIFICATE.json`: exit 1 when the certificate is refuted.
fn run_verify(o: &DrawArgs, path: &str, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let cert = load_certificate(path, o.lang)?;
    let lang = o.lang.unwrap_or(cert.lang);
    let loaded = entries::load_in_place(&o.files, &o.columns, lang)?;
    let entries = loaded.entries();
    let v = DrawSession::new(entries).verify(entries, &cert, lang);
    if o.json {
        write(out, &to_json(&v)?)?;
    } else {
        write(out, &verification_text(&v, lang))?;
    }
    Ok(if v.confirmed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `--redraw CERTIFICATE.json`: the certificate with one more drawing.
fn run_redraw(o: &DrawArgs, path: &str, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let cert = load_certificate(path, o.lang)?;
    let lang = o.lang.unwrap_or(cert.lang);
    let loaded = entries::load_in_place(&o.files, &o.columns, lang)?;
    let entries = loaded.entries();
    let input = RedrawInput {
        disqualify: o.disqualify.clone(),
        reason: o.reason.clone().unwrap_or_default(),
        seed: seed_input(o)?,
        drawn_at: o.at.clone().or_else(now),
    };
    let mut session = DrawSession::new(entries);
    let next = drand_errors(o, session.redraw(entries, &cert, &input, lang));
    let listed = Listed {
        session: &session,
        entries,
    };
    certificate_or_errors(next, o.json, (lang, listed), out)
}

/// The entries and their session, whose last preparation lists the exclusions in words.
#[derive(Clone, Copy)]
struct Listed<'a> {
    session: &'a DrawSession,
    entries: &'a Entries,
}

/// Without a seed, the fingerprint to announce and who is in; with one, the certificate. The
/// entries are prepared once, for both.
fn run_draw(o: &DrawArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let lang = o.lang.unwrap_or(Lang::En);
    let rules = rules_input(o)?;
    let loaded = entries::load_in_place(&o.files, &o.columns, lang)?;
    let entries = loaded.entries();
    let mut session = DrawSession::new(entries);
    if let Err(errors) = session.prepare(entries, &rules, lang) {
        write(out, &errors_text(&rules_errors(errors), lang))?;
        return Ok(ExitCode::from(1));
    }
    let Some(prepared) = session.prepared() else {
        return Ok(ExitCode::from(1));
    };
    if let Some(path) = &o.draw_file {
        std::fs::write(path, &prepared.draw_file)
            .map_err(|e| Fatal(format!("{path}: cannot write: {e}")))?;
    }
    let Some(seed) = seed_input(o)? else {
        if o.json {
            write(out, &to_json(prepared)?)?;
        } else {
            let listed = Listed {
                session: &session,
                entries,
            };
            write(out, &prepared_text(prepared, listed, lang))?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let options = DrawOptions {
        title: o.title.clone(),
        drawn_at: o.at.clone().or_else(now),
    };
    let drawn = drand_errors(o, session.draw(entries, &rules, &seed, &options, lang));
    let listed = Listed {
        session: &session,
        entries,
    };
    certificate_or_errors(drawn, o.json, (lang, listed), out)
}

/// The errors of a preparation named as `draw` names them: `rules.` before a rule's field.
fn rules_errors(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|e| FieldError {
            field: if e.field == "entries" {
                e.field
            } else {
                format!("rules.{}", e.field)
            },
            message: e.message,
        })
        .collect()
}

/// A drand round's errors named by its file: `round.json: field "signature": …`.
fn drand_errors(
    o: &DrawArgs,
    result: Result<Certificate, DrawError>,
) -> Result<Certificate, DrawError> {
    let Some(path) = &o.drand else {
        return result;
    };
    result.map_err(|mut e| {
        for f in &mut e.errors {
            if f.field.ends_with("seed.value") {
                f.field.clone_from(path);
            }
        }
        e
    })
}

/// The certificate (exit 0), or the input errors (exit 1).
fn certificate_or_errors(
    result: Result<Certificate, DrawError>,
    json: bool,
    (lang, listed): (Lang, Listed),
    out: &mut dyn Write,
) -> Result<ExitCode, Fatal> {
    match result {
        Ok(cert) => {
            write(out, &certificate_output(&cert, json, listed, lang)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            write(out, &errors_text(&e.errors, lang))?;
            Ok(ExitCode::from(1))
        }
    }
}

fn certificate_output(
    cert: &Certificate,
    json: bool,
    listed: Listed,
    lang: Lang,
) -> Result<String, Fatal> {
    if json {
        to_json(cert)
    } else {
        Ok(certificate_text(cert, listed, lang))
    }
}

fn counts_line(c: &DrawCounts, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "{} entries: {} counted, {} left out; {} people, {} tickets",
            c.entries, c.eligible, c.excluded, c.people, c.tickets
        ),
        Lang::Fr => format!(
            "{} participations\u{a0}: {} retenues, {} écartées\u{a0}; {} personnes, {} tickets",
            c.entries, c.eligible, c.excluded, c.people, c.tickets
        ),
    }
}

/// Every entry the last preparation left out, with its line, author and why, a page at a
/// time (a million comments may leave out most of them).
fn exclusions_text(s: &mut String, listed: Listed, lang: Lang) {
    const PAGE: usize = 10_000;
    let mut offset = 0;
    loop {
        let page = listed
            .session
            .exclusions(listed.entries, None, offset, PAGE, lang);
        if offset == 0 && !page.is_empty() {
            s.push_str(lang.pick("Left out\n", "Écartées\n"));
        }
        for x in &page {
            let line = match lang {
                Lang::En => format!("line {}", x.line),
                Lang::Fr => format!("ligne {}", x.line),
            };
            s.push_str(&format!("  {line:<10} {:<24} {}\n", x.author, x.message));
        }
        if page.len() < PAGE {
            return;
        }
        offset += PAGE;
    }
}

fn warnings_text(s: &mut String, warnings: &[DrawWarning], lang: Lang) {
    for w in warnings {
        s.push_str(lang.pick("Warning: ", "Attention\u{a0}: "));
        s.push_str(&w.message);
        s.push('\n');
    }
}

fn prepared_text(p: &Prepared, listed: Listed, lang: Lang) -> String {
    let mut s = String::new();
    s.push_str(&match lang {
        Lang::En => format!(
            "Fingerprint (announce it before the draw): {}\n",
            p.fingerprint
        ),
        Lang::Fr => format!(
            "Empreinte (à annoncer avant le tirage)\u{a0}: {}\n",
            p.fingerprint
        ),
    });
    s.push_str(&counts_line(&p.counts, lang));
    s.push('\n');
    warnings_text(&mut s, &p.warnings, lang);
    exclusions_text(&mut s, listed, lang);
    suspicious_text(&mut s, p, lang);
    s.trim_end().to_string()
}

/// The suspicious entrants, by kind: a question for the organiser, or a rule when the rules
/// name the kind.
fn suspicious_text(s: &mut String, p: &Prepared, lang: Lang) {
    if p.suspicious.is_empty() {
        return;
    }
    s.push_str(lang.pick(
        "Suspicious (shown, not left out unless a rule says so)\n",
        "Suspects (signalés, non écartés sauf règle)\n",
    ));
    for k in p.suspicion_kinds.iter().filter(|k| k.flagged > 0) {
        let rule = if k.excluded {
            lang.pick(" (left out: a rule)", " (écartés\u{a0}: une règle)")
        } else {
            ""
        };
        s.push_str(&format!("  {} × {}{rule}\n", k.flagged, k.label));
        for f in p.suspicious.iter().filter(|f| f.kind == k.kind) {
            s.push_str(&format!("    {:<24} {}\n", f.entrant, f.reason));
        }
    }
}

fn picks_text(s: &mut String, title: &str, list: &[Pick], lang: Lang) {
    if list.is_empty() {
        return;
    }
    s.push_str(title);
    s.push('\n');
    for p in list {
        s.push_str(&format!(
            "  {:>3}. {:<28} {} {:<5} {}\n",
            p.place,
            p.entrant,
            lang.pick("rank", "rang"),
            p.rank,
            p.score
        ));
    }
}

/// A drawing's seed: its kind, value and source, and a drand seed's round and signature.
fn seed_text(s: &mut String, seed: &social_roi::Seed, lang: Lang) {
    let kind = match (seed.kind, lang) {
        (SeedKind::Public, Lang::En) => "public",
        (SeedKind::Public, Lang::Fr) => "publique",
        (SeedKind::Generated, Lang::En) => "generated",
        (SeedKind::Generated, Lang::Fr) => "générée",
        (SeedKind::Drand, _) => "drand",
    };
    s.push_str(&match lang {
        Lang::En => format!("Seed ({kind}): {}", seed.value),
        Lang::Fr => format!("Graine ({kind})\u{a0}: {}", seed.value),
    });
    if let Some(src) = &seed.source {
        s.push_str(&format!(" ({src})"));
    }
    s.push('\n');
    if let Some(r) = &seed.drand {
        s.push_str(&match lang {
            Lang::En => format!(
                "Round {} of chain {}, signature {}\n",
                r.round, r.chain, r.signature
            ),
            Lang::Fr => format!(
                "Tour {} de la chaîne {}, signature {}\n",
                r.round, r.chain, r.signature
            ),
        });
    }
}

/// An RFC 3797 drawing's key and selections, as the RFC's example tabulates them.
fn rfc3797_text(s: &mut String, d: Option<&Rfc3797Drawing>, lang: Lang) {
    let Some(r) = d else {
        return;
    };
    s.push_str(&match lang {
        Lang::En => format!("RFC 3797 key: {}\n", r.key),
        Lang::Fr => format!("Clé RFC 3797\u{a0}: {}\n", r.key),
    });
    s.push_str(lang.pick(
        "  index  MD5                               divisor  ticket\n",
        "  index  MD5                               diviseur ticket\n",
    ));
    for x in &r.selections {
        s.push_str(&format!(
            "  {:>5}  {}  {:>7}  {:>6} {}\n",
            x.index,
            x.md5,
            x.remaining,
            x.ticket_number,
            x.ticket.replace('\t', " #")
        ));
    }
}

fn certificate_text(c: &Certificate, listed: Listed, lang: Lang) -> String {
    let mut s = String::new();
    if let Some(t) = &c.title {
        s.push_str(t);
        s.push('\n');
    }
    s.push_str(&match lang {
        Lang::En => format!("Fingerprint: {}\n", c.fingerprint),
        Lang::Fr => format!("Empreinte\u{a0}: {}\n", c.fingerprint),
    });
    s.push_str(&counts_line(&c.counts, lang));
    s.push('\n');
    warnings_text(&mut s, &c.warnings, lang);
    for d in &c.drawings {
        s.push_str(&match lang {
            Lang::En => format!("\nDrawing {}", d.number),
            Lang::Fr => format!("\nTirage {}", d.number),
        });
        if let Some(at) = &d.drawn_at {
            s.push_str(&format!(" ({at})"));
        }
        s.push('\n');
        if let Some(r) = &d.reason {
            let who = d.disqualified.join(", ");
            s.push_str(&match lang {
                Lang::En => format!("Redraw after disqualifying {who}: {r}\n"),
                Lang::Fr => format!("Nouveau tirage après disqualification de {who}\u{a0}: {r}\n"),
            });
        }
        seed_text(&mut s, &d.seed, lang);
        rfc3797_text(&mut s, d.rfc3797.as_ref(), lang);
        picks_text(&mut s, lang.pick("Winners", "Gagnants"), &d.winners, lang);
        picks_text(
            &mut s,
            lang.pick("Alternates", "Suppléants"),
            &d.alternates,
            lang,
        );
    }
    s.push('\n');
    exclusions_text(&mut s, listed, lang);
    s.trim_end().to_string()
}

fn verification_text(v: &Verification, lang: Lang) -> String {
    let mut s = String::new();
    for c in &v.checks {
        let mark = match (c.ok, lang) {
            (true, _) => "ok    ",
            (false, Lang::En) => "FAILED",
            (false, Lang::Fr) => "ÉCHEC ",
        };
        let colon = lang.pick(":", "\u{a0}:");
        s.push_str(&format!("{mark} {}{colon} {}\n", c.label, c.message));
    }
    s.push_str(&v.summary);
    s
}
