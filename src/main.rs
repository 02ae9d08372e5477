//! `social-roi`: the command line over the same core the page runs.
//!
//! ```text
//! social-roi roi [--json] [--lang fr|en] INPUTS.json    ROI report (JSON with --json)
//! social-roi example [--lang fr|en] [--currency EUR]    the worked example's input JSON
//! ```
//! `-` reads standard input. Exit status: 0 when the report has no input errors, 1 when it
//! has some (the report is still printed), 2 when the command or its file cannot be read.

use social_roi::figure::{Figure, Unit};
use social_roi::metrics::roi::{self, RoiReport};
use social_roi::{Lang, RoiInput};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
social-roi: social-media ROI figures, computed locally

usage:
  social-roi roi [--json] [--lang en|fr] INPUTS.json
      Computes the ROI report of INPUTS.json ('-' for standard input).
      --json prints the report as JSON; without it, a readable summary.
  social-roi example [--lang en|fr] [--currency CODE]
      Prints the worked example's input JSON, a starting point for INPUTS.json.
  social-roi --help | --version

Exit status: 0 fine, 1 the inputs hold errors (the report says which), 2 unusable command or file.
The README documents the input and report JSON.";

/// A failure that ends the command with status 2.
struct Fatal(String);

struct Options {
    json: bool,
    lang: Lang,
    currency: String,
    files: Vec<String>,
}

fn parse_options(args: &[String]) -> Result<Options, Fatal> {
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
                o.lang = match v.as_str() {
                    "en" => Lang::En,
                    "fr" => Lang::Fr,
                    _ => return Err(Fatal(format!("--lang: expected en or fr, found \"{v}\""))),
                };
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

fn run(args: &[String], out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Fatal(format!("no command given\n\n{USAGE}")));
    };
    let write = |out: &mut dyn Write, text: &str| {
        writeln!(out, "{text}").map_err(|e| Fatal(format!("cannot write the output: {e}")))
    };
    match command.as_str() {
        "--help" | "-h" | "help" => {
            write(out, USAGE)?;
            Ok(ExitCode::SUCCESS)
        }
        "--version" | "-V" => {
            write(out, concat!("social-roi ", env!("CARGO_PKG_VERSION")))?;
            Ok(ExitCode::SUCCESS)
        }
        "roi" => {
            let o = parse_options(rest)?;
            let [path] = o.files.as_slice() else {
                return Err(Fatal("roi takes exactly one INPUTS.json file".into()));
            };
            let text = read_input(path)?;
            let input: RoiInput = serde_json::from_str(&text).map_err(|e| {
                Fatal(format!(
                    "{path}, line {}, column {}: {}",
                    e.line(),
                    e.column(),
                    strip_position(&e.to_string())
                ))
            })?;
            let report = roi::compute(&input, o.lang);
            let status = if report.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            };
            if o.json {
                let json = serde_json::to_string_pretty(&report)
                    .map_err(|e| Fatal(format!("cannot write the report: {e}")))?;
                write(out, &json)?;
            } else {
                write(out, &summary_text(&report, o.lang))?;
            }
            Ok(status)
        }
        "example" => {
            let o = parse_options(rest)?;
            let json = serde_json::to_string_pretty(&roi::example(o.lang, &o.currency))
                .map_err(|e| Fatal(format!("cannot write the example: {e}")))?;
            write(out, &json)?;
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Fatal(format!(
            "unknown command \"{other}\"; see social-roi --help"
        ))),
    }
}

/// serde_json ends its messages with " at line L column C"; we put the place first.
fn strip_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i])
}

fn format_value(f: &Figure, currency: &str) -> String {
    match (f.value, f.unit) {
        (None, _) => format!("— ({})", f.reason.as_deref().unwrap_or("")),
        (Some(v), Unit::Money) => format!("{:.2} {currency}", v.get()),
        (Some(v), Unit::Ratio) => format!("{:.2} %", v.get() * 100.0),
        (Some(v), Unit::Points) => format!("{:+.2} pts", v.get() * 100.0),
        (Some(v), Unit::Multiple) => format!("{:.2}×", v.get()),
        (Some(v), _) => format!("{}", v.get()),
    }
}

fn summary_text(r: &RoiReport, lang: Lang) -> String {
    let row = |f: &Figure| {
        format!(
            "  {:<40} {:>20}   {}\n",
            f.label,
            format_value(f, r.currency),
            f.formula
        )
    };
    let mut out = String::new();
    if !r.errors.is_empty() {
        out.push_str(lang.pick("Input errors\n", "Erreurs de saisie\n"));
        for e in &r.errors {
            out.push_str(&format!("  {}: {}\n", e.field, e.message));
        }
    }
    let sections: [(&str, &[Figure]); 4] = [
        (lang.pick("Costs", "Coûts"), &r.costs),
        (lang.pick("Returns", "Retours"), &r.returns),
        (lang.pick("Results", "Résultats"), &r.summary),
        (lang.pick("Unit costs", "Coûts unitaires"), &r.unit_costs),
    ];
    for (title, figures) in sections {
        out.push_str(title);
        out.push('\n');
        figures.iter().for_each(|f| out.push_str(&row(f)));
    }
    out.push_str(lang.pick("Earned media\n", "Médias gagnés\n"));
    out.push_str(&row(&r.earned_media));
    if let Some(c) = &r.comparison {
        out.push_str(lang.pick("Scenarios\n", "Scénarios\n"));
        for sc in &c.scenarios {
            out.push_str(&row(&Figure {
                label: format!("{} · ROI", sc.label),
                ..sc.roi.clone()
            }));
        }
        out.push_str(&row(&c.roi_difference));
        out.push_str(&row(&c.cost_difference));
    }
    out.trim_end().to_string()
}

fn main() -> ExitCode {
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
