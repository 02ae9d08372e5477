//! `social-roi draw`: the fingerprint to announce, the draw, its verification and redraws,
//! over the same core the page runs. It has its own options: the shared ones do not fit.

use super::entries;
use super::{json_error, read_input, write, Fatal};
use social_roi::draw::{
    self, Certificate, DrawOptions, Pick, Prepared, RedrawInput, RulesInput, SeedInput, SeedKind,
    Verification,
};
use social_roi::input::{Entry, FieldError};
use social_roi::Lang;
use std::io::Write;
use std::process::ExitCode;

pub const USAGE: &str =
    "  social-roi draw [--json] [--lang en|fr] [--rules RULES.json] [--winners N] [--alternates N]
                  [--draw-file OUT.txt] ENTRIES...
      Without a seed: the fingerprint to announce before the draw, who is in and who is out.
  social-roi draw ... (--seed TEXT [--seed-source TEXT] | --random-seed) [--title TEXT]
                  [--at TIME] ENTRIES...
      Draws winners and alternates: the certificate (JSON with --json, else a summary).
  social-roi draw --verify CERTIFICATE.json [--json] [--lang en|fr] ENTRIES...
      Confirms or refutes a certificate against the entries (exit 1 when refuted).
  social-roi draw --redraw CERTIFICATE.json --disqualify NAME [--disqualify NAME...]
                  --reason TEXT [--seed TEXT | --random-seed] [--at TIME] [--json] ENTRIES...
      Appends a drawing: the disqualified leave, the next in the ranking take their prizes.
      ENTRIES are comment exports (ExportComments CSV or XLSX, CSV, TSV, XLS, ODS, ZIP) or lists
      with one entrant per line, read in the order given as the page reads them; or one JSON
      list of entries. --column NAME=FIELD (author, text, date, id, parent_id, profile, likes)
      maps a column of a comment file the readers do not recognise.";

/// What `draw` is asked to do.
#[derive(Default)]
struct Options {
    json: bool,
    lang: Option<Lang>,
    rules: Option<String>,
    winners: Option<String>,
    alternates: Option<String>,
    draw_file: Option<String>,
    seed: Option<String>,
    seed_source: Option<String>,
    random_seed: bool,
    title: Option<String>,
    at: Option<String>,
    verify: Option<String>,
    redraw: Option<String>,
    disqualify: Vec<String>,
    reason: Option<String>,
    columns: Vec<(String, String)>,
    files: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, Fatal> {
    let mut o = Options::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |what: &str| {
            it.next()
                .cloned()
                .ok_or_else(|| Fatal(format!("{a} needs a value: {what}")))
        };
        match a.as_str() {
            "--json" => o.json = true,
            "--random-seed" => o.random_seed = true,
            "--lang" => {
                o.lang = Some(super::lang_value(&value("en or fr")?)?);
            }
            "--rules" => o.rules = Some(value("a rules JSON file")?),
            "--winners" => o.winners = Some(value("a number of winners")?),
            "--alternates" => o.alternates = Some(value("a number of alternates")?),
            "--draw-file" => o.draw_file = Some(value("a file to write the draw file to")?),
            "--seed" => o.seed = Some(value("the seed, as published")?),
            "--seed-source" => o.seed_source = Some(value("where the seed comes from")?),
            "--title" => o.title = Some(value("the contest's name")?),
            "--at" => o.at = Some(value("a date and time such as 2026-06-14T18:30:00Z")?),
            "--verify" => o.verify = Some(value("a certificate JSON file")?),
            "--redraw" => o.redraw = Some(value("a certificate JSON file")?),
            "--disqualify" => o.disqualify.push(value("the entrant disqualified")?),
            "--reason" => o.reason = Some(value("why")?),
            "--column" => o.columns.push(entries::column(&value("NAME=FIELD")?)?),
            s if s.starts_with("--") => {
                return Err(Fatal(format!(
                    "draw: unknown option {s}; see social-roi --help"
                )))
            }
            _ => o.files.push(a.clone()),
        }
    }
    if o.seed.is_some() && o.random_seed {
        return Err(Fatal(
            "draw: give either --seed or --random-seed, not both".into(),
        ));
    }
    if o.verify.is_some() && o.redraw.is_some() {
        return Err(Fatal(
            "draw: give either --verify or --redraw, not both".into(),
        ));
    }
    Ok(o)
}

fn load_certificate(path: &str, lang: Option<Lang>) -> Result<Certificate, Fatal> {
    let text = read_input(path)?;
    draw::read_certificate(path, &text, lang.unwrap_or(Lang::En)).map_err(|e| Fatal(e.message))
}

/// A random seed from the operating system: 32 bytes, hexadecimal.
#[cfg(not(target_arch = "wasm32"))]
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
    let date = social_roi::date::Date::from_days(secs.div_euclid(86_400))?;
    let t = secs.rem_euclid(86_400);
    Some(format!(
        "{date}T{:02}:{:02}:{:02}Z",
        t / 3600,
        t % 3600 / 60,
        t % 60
    ))
}

/// The command line is built for wasm32 only as a side effect of `cargo test --target`; it
/// never runs there, and the page generates its seeds with `crypto.getRandomValues`.
#[cfg(target_arch = "wasm32")]
fn random_seed() -> Result<String, Fatal> {
    Err(Fatal("--random-seed needs an operating system".into()))
}

fn seed_input(o: &Options) -> Result<Option<SeedInput>, Fatal> {
    Ok(if o.random_seed {
        Some(SeedInput {
            kind: SeedKind::Generated,
            value: random_seed()?,
            source: None,
        })
    } else {
        o.seed.as_ref().map(|s| SeedInput {
            kind: SeedKind::Public,
            value: s.clone(),
            source: o.seed_source.clone(),
        })
    })
}

fn rules_input(o: &Options) -> Result<RulesInput, Fatal> {
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
    Ok(rules)
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Fatal> {
    serde_json::to_string_pretty(value).map_err(|e| Fatal(format!("cannot write the output: {e}")))
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
pub fn run(args: &[String], out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let o = parse(args)?;
    if o.files.is_empty() {
        return Err(Fatal(
            "draw needs the ENTRIES: a comment export or a list; see social-roi --help".into(),
        ));
    }
    if let Some(path) = &o.verify {
        let cert = load_certificate(path, o.lang)?;
        let lang = o.lang.unwrap_or(cert.lang);
        let entries = entries::load(&o.files, &o.columns, lang)?;
        let v = draw::verify(&cert, &entries, lang);
        if o.json {
            write(out, &to_json(&v)?)?;
        } else {
            write(out, &verification_text(&v, lang))?;
        }
        return Ok(if v.confirmed {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    if let Some(path) = &o.redraw {
        let cert = load_certificate(path, o.lang)?;
        let lang = o.lang.unwrap_or(cert.lang);
        let entries = entries::load(&o.files, &o.columns, lang)?;
        let input = RedrawInput {
            disqualify: o.disqualify.clone(),
            reason: o.reason.clone().unwrap_or_default(),
            seed: seed_input(&o)?,
            drawn_at: o.at.clone().or_else(now),
        };
        return match draw::redraw(&cert, &entries, &input, lang) {
            Ok(next) => {
                write(out, &certificate_output(&next, o.json, lang)?)?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                write(out, &errors_text(&e.errors, lang))?;
                Ok(ExitCode::from(1))
            }
        };
    }
    let lang = o.lang.unwrap_or(Lang::En);
    let rules = rules_input(&o)?;
    let entries = entries::load(&o.files, &o.columns, lang)?;
    let prep = draw::prepare_input(&entries, &rules, lang);
    let Some(prepared) = prep.prepared else {
        let errors: Vec<FieldError> = prep
            .errors
            .into_iter()
            .map(|e| FieldError {
                field: if e.field == "entries" {
                    e.field
                } else {
                    format!("rules.{}", e.field)
                },
                message: e.message,
            })
            .collect();
        write(out, &errors_text(&errors, lang))?;
        return Ok(ExitCode::from(1));
    };
    if let Some(path) = &o.draw_file {
        std::fs::write(path, &prepared.draw_file)
            .map_err(|e| Fatal(format!("{path}: cannot write: {e}")))?;
    }
    let Some(seed) = seed_input(&o)? else {
        if o.json {
            write(out, &to_json(&prepared)?)?;
        } else {
            write(out, &prepared_text(&prepared, lang))?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let options = DrawOptions {
        title: o.title.clone(),
        drawn_at: o.at.clone().or_else(now),
    };
    match draw::draw(&entries, &rules, &seed, &options, lang) {
        Ok(cert) => {
            write(out, &certificate_output(&cert, o.json, lang)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            write(out, &errors_text(&e.errors, lang))?;
            Ok(ExitCode::from(1))
        }
    }
}

fn certificate_output(cert: &Certificate, json: bool, lang: Lang) -> Result<String, Fatal> {
    if json {
        to_json(cert)
    } else {
        Ok(certificate_text(cert, lang))
    }
}

fn counts_line(c: &draw::Counts, lang: Lang) -> String {
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

fn exclusions_text(s: &mut String, exclusions: &[draw::Exclusion], lang: Lang) {
    if exclusions.is_empty() {
        return;
    }
    s.push_str(lang.pick("Left out\n", "Écartées\n"));
    for x in exclusions {
        let line = match lang {
            Lang::En => format!("line {}", x.line),
            Lang::Fr => format!("ligne {}", x.line),
        };
        s.push_str(&format!("  {line:<10} {:<24} {}\n", x.author, x.message));
    }
}

fn warnings_text(s: &mut String, warnings: &[draw::Warning], lang: Lang) {
    for w in warnings {
        s.push_str(lang.pick("Warning: ", "Attention\u{a0}: "));
        s.push_str(&w.message);
        s.push('\n');
    }
}

fn prepared_text(p: &Prepared, lang: Lang) -> String {
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
    exclusions_text(&mut s, &p.exclusions, lang);
    s.trim_end().to_string()
}

fn picks(s: &mut String, title: &str, list: &[Pick], lang: Lang) {
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

fn certificate_text(c: &Certificate, lang: Lang) -> String {
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
        let kind = match (d.seed.kind, lang) {
            (SeedKind::Public, Lang::En) => "public",
            (SeedKind::Public, Lang::Fr) => "publique",
            (SeedKind::Generated, Lang::En) => "generated",
            (SeedKind::Generated, Lang::Fr) => "générée",
        };
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
        s.push_str(&match lang {
            Lang::En => format!("Seed ({kind}): {}", d.seed.value),
            Lang::Fr => format!("Graine ({kind})\u{a0}: {}", d.seed.value),
        });
        if let Some(src) = &d.seed.source {
            s.push_str(&format!(" ({src})"));
        }
        s.push('\n');
        picks(&mut s, lang.pick("Winners", "Gagnants"), &d.winners, lang);
        picks(
            &mut s,
            lang.pick("Alternates", "Suppléants"),
            &d.alternates,
            lang,
        );
    }
    s.push('\n');
    exclusions_text(&mut s, &c.exclusions, lang);
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
