//! The `social-roi` command line: one file per command, over the same core the page runs.
//!
//! ```text
//! social-roi roi [--json] [--lang fr|en] INPUTS.json    ROI report (JSON with --json)
//! social-roi example [--lang fr|en] [--currency EUR]    the worked example's input JSON
//! social-roi draw [options] ENTRIES...                  a verifiable winner draw (see draw.rs)
//! social-roi contest [options] INPUTS.json              a contest's outcome (see contest.rs)
//! social-roi analyze [--json] [--lang fr|en] FILE...   what exports hold and their analysis
//! ```
//! `-` reads standard input. Exit status: 0 when the report has no input errors, 1 when it
//! has some (the report is still printed), 2 when the command or its file cannot be read.

mod analyze;
mod contest;
mod draw;
mod entries;
mod roi;

use social_roi::figure::{Figure, Unit};
use social_roi::Lang;
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE_TEMPLATE: &str = "\
social-roi: social-media ROI figures, computed locally

usage:
  social-roi roi [--json] [--lang en|fr] INPUTS.json
      Computes the ROI report of INPUTS.json ('-' for standard input).
      --json prints the report as JSON; without it, a readable summary.
  social-roi example [--lang en|fr] [--currency CODE]
      Prints the worked example's input JSON, a starting point for INPUTS.json.
{DRAW}
{CONTEST}
{ANALYZE}
  social-roi --help | --version

Exit status: 0 fine, 1 the inputs hold errors (the output says which) or a certificate is
refuted, 2 unusable command or file.
The README documents the input and report JSON.";

fn usage() -> String {
    USAGE_TEMPLATE
        .replace("{DRAW}", draw::USAGE)
        .replace("{CONTEST}", contest::USAGE)
        .replace("{ANALYZE}", analyze::USAGE)
}

/// A failure that ends the command with status 2.
pub struct Fatal(pub String);

/// Options common to the commands.
pub struct Options {
    /// `--json`
    pub json: bool,
    /// `--lang en|fr`
    pub lang: Lang,
    /// `--currency CODE`
    pub currency: String,
    /// The other arguments.
    pub files: Vec<String>,
}

/// A figure's value as the readable outputs print it (the reason when it has none).
pub fn value_text(f: &Figure, currency: Option<&str>, lang: Lang) -> String {
    let Some(v) = f.value.map(|v| v.get()) else {
        return format!("— ({})", f.reason.as_deref().unwrap_or(""));
    };
    let number = |v: f64| {
        if v.fract() == 0.0 {
            format!("{v}")
        } else {
            format!("{v:.2}")
        }
    };
    match f.unit {
        Unit::Money => format!("{v:.2} {}", currency.unwrap_or(""))
            .trim_end()
            .to_string(),
        Unit::Ratio => format!("{:.2} %", v * 100.0),
        Unit::Points => format!("{:+.2} pts", v * 100.0),
        Unit::Multiple => format!("{v:.2}×"),
        Unit::Hours => format!("{v:.2} h"),
        Unit::Months => format!("{} {}", number(v), lang.pick("months", "mois")),
        Unit::PerThousand => format!("{v:.2} {}", lang.pick("per 1,000", "pour 1 000")),
        Unit::Count => number(v),
    }
}

/// The value of `--lang`.
pub fn lang_value(v: &str) -> Result<Lang, Fatal> {
    match v {
        "en" => Ok(Lang::En),
        "fr" => Ok(Lang::Fr),
        _ => Err(Fatal(format!("--lang: expected en or fr, found \"{v}\""))),
    }
}

/// The options common to `roi`, `example` and `analyze`.
pub fn parse_options(args: &[String]) -> Result<Options, Fatal> {
    let mut o = Options {
        json: false,
        lang: Lang::En,
        currency: "EUR".to_string(),
        files: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => o.json = true,
            "--lang" => {
                let v = it
                    .next()
                    .ok_or(Fatal("--lang needs a value: en or fr".into()))?;
                o.lang = lang_value(v)?;
            }
            "--currency" => {
                o.currency = it
                    .next()
                    .ok_or(Fatal("--currency needs a value such as EUR".into()))?
                    .clone();
            }
            s if s.starts_with("--") => {
                return Err(Fatal(format!("unknown option {s}; see social-roi --help")))
            }
            _ => o.files.push(a.clone()),
        }
    }
    Ok(o)
}

pub fn read_input(path: &str) -> Result<String, Fatal> {
    let mut text = String::new();
    let result = if path == "-" {
        io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|e| Fatal(format!("{path}: cannot read: {e}")))?;
    Ok(text)
}

/// Writes `text` and a newline.
pub fn write(out: &mut dyn Write, text: &str) -> Result<(), Fatal> {
    writeln!(out, "{text}").map_err(|e| Fatal(format!("cannot write the output: {e}")))
}

/// serde_json ends its messages with " at line L column C"; we put the place first.
pub fn json_error(path: &str, e: &serde_json::Error) -> Fatal {
    let message = e.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |i| &message[..i]);
    Fatal(format!(
        "{path}, line {}, column {}: {message}",
        e.line(),
        e.column()
    ))
}

fn run(args: &[String], out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Fatal(format!("no command given\n\n{}", usage())));
    };
    match command.as_str() {
        "--help" | "-h" | "help" => {
            write(out, &usage())?;
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            write(out, concat!("social-roi ", env!("CARGO_PKG_VERSION")))?;
            Ok(ExitCode::SUCCESS)
        }
        "roi" => roi::run(&parse_options(rest)?, out),
        "example" => roi::example(&parse_options(rest)?, out),
        "draw" => draw::run(rest, out),
        "contest" => contest::run(rest, out),
        "analyze" => analyze::run(rest, out),
        other => Err(Fatal(format!(
            "unknown command \"{other}\"; see social-roi --help"
        ))),
    }
}

/// Runs the command line.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match run(&args, &mut out) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            let _ = out.flush();
            eprintln!("social-roi: {message}");
            ExitCode::from(2)
        }
    }
}
