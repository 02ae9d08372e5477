//! `social-roi`: the command line over the same core the page runs. One file per command;
//! arguments are parsed by clap, so every command has its `--help`.
//!
//! ```text
//! social-roi roi [--json] [--lang fr|en] INPUTS.json    ROI report (JSON with --json)
//! social-roi example [--lang fr|en] [--currency EUR]    the worked example's input JSON
//! social-roi draw [options] ENTRIES...                  a verifiable winner draw (see draw.rs)
//! social-roi contest [options] INPUTS.json              a contest's outcome (see contest.rs)
//! social-roi analyze [--json] [--lang fr|en] FILE...   what exports hold and their analysis
//! social-roi report [--options R.json] [--html OUT] FILE...  the report (see report.rs)
//! ```
//! `-` reads standard input. Exit status: 0 when the report has no input errors, 1 when it
//! has some (the report is still printed), 2 when the command or its file cannot be read.
//! The commands that read exports run in a watched child process (see `supervise.rs`): a
//! file whose reader dies or hangs is named, and every other file is read.

mod analyze;
mod contest;
mod draw;
mod entries;
mod report;
mod roi;
mod supervise;

use clap::{Parser, Subcommand};
use social_roi::{Figure, Lang, Unit};
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// social-roi: social-media ROI figures, computed locally.
#[derive(Parser)]
#[command(
    name = "social-roi",
    version,
    after_help = "Exit status: 0 fine, 1 the inputs hold errors (the output says which) or a \
certificate is refuted, 2 unusable command or file. '-' reads standard input.\n\
The documentation of every input and report JSON is in docs/."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Roi(roi::RoiArgs),
    Example(roi::ExampleArgs),
    // Boxed: the largest of the arguments by far (clippy: large_enum_variant).
    Draw(Box<draw::DrawArgs>),
    Contest(contest::ContestArgs),
    Analyze(analyze::AnalyzeArgs),
    Report(report::ReportArgs),
}

/// A failure that ends the command with status 2.
struct Fatal(String);

/// `--lang en|fr`.
fn lang_value(v: &str) -> Result<Lang, String> {
    match v {
        "en" => Ok(Lang::En),
        "fr" => Ok(Lang::Fr),
        _ => Err(format!("expected en or fr, found \"{v}\"")),
    }
}

/// A figure's value as the readable outputs print it (the reason when it has none).
fn value_text(f: &Figure, currency: Option<&str>, lang: Lang) -> String {
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

/// The text of `path` (`-` for standard input).
fn read_input(path: &str) -> Result<String, Fatal> {
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
fn write(out: &mut dyn Write, text: &str) -> Result<(), Fatal> {
    writeln!(out, "{text}").map_err(|e| Fatal(format!("cannot write the output: {e}")))
}

/// `value` as pretty JSON.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Fatal> {
    serde_json::to_string_pretty(value).map_err(|e| Fatal(format!("cannot write the output: {e}")))
}

/// A JSON input that cannot be read, with its place first.
fn json_error(path: &str, e: &serde_json::Error) -> Fatal {
    let message = social_roi::json_message(e);
    Fatal(format!(
        "{path}, line {}, column {}: {message}",
        e.line(),
        e.column()
    ))
}

fn run(command: Command, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    match command {
        Command::Roi(a) => roi::run(&a, out),
        Command::Example(a) => roi::example(&a, out),
        Command::Draw(a) => draw::run(&a, out),
        Command::Contest(a) => contest::run(&a, out),
        Command::Analyze(a) => analyze::run(&a, out),
        Command::Report(a) => report::run(&a, out),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print and succeed; a usage error says why, with status 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let reads_exports = matches!(
        cli.command,
        Command::Analyze(_) | Command::Draw(_) | Command::Contest(_)
    );
    let stdin = std::env::args().skip(1).any(|a| a == "-");
    supervise::run(!reads_exports || stdin, || {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        match run(cli.command, &mut out) {
            Ok(code) => code,
            Err(Fatal(message)) => {
                let _ = out.flush();
                eprintln!("social-roi: {message}");
                ExitCode::from(2)
            }
        }
    })
}
