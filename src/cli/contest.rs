//! `social-roi contest`: what a giveaway really brought, from typed figures, its comment file
//! and follower lists.

use super::entries;
use super::{json_error, read_input, write, Fatal};
use social_roi::figure::Figure;
use social_roi::metrics::contest::{self, ContestInput, ContestReport, FollowerList, Later};
use social_roi::Lang;
use std::io::Write;
use std::process::ExitCode;

pub const USAGE: &str =
    "  social-roi contest [--json] [--lang en|fr] [--entries ENTRIES...] [--before LIST...]
                     [--at-close LIST...] [--after DAYS=LIST...] INPUTS.json
      A contest's outcome: cost per entry, participant, new follower and follower kept, retention,
      viral coefficient, conversion rate and ROI. ENTRIES (the comments: exports or lists, as for
      draw, with --column NAME=FIELD) give the entries and participants left blank; LIST is
      Instagram's followers_1.json or one handle per line (repeat an option for split files:
      followers_1.json, followers_2.json).
  social-roi contest --example [--lang en|fr] [--currency CODE]
      The worked example's INPUTS.json.";

#[derive(Default)]
struct Options {
    json: bool,
    example: bool,
    lang: Option<Lang>,
    currency: Option<String>,
    entries: Vec<String>,
    columns: Vec<(String, String)>,
    before: Vec<String>,
    at_close: Vec<String>,
    after: Vec<(u32, String)>,
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
            "--example" => o.example = true,
            "--lang" => {
                o.lang = Some(super::lang_value(&value("en or fr")?)?);
            }
            "--currency" => o.currency = Some(value("a currency code such as EUR")?),
            "--entries" => o.entries.push(value("the contest's comments")?),
            "--column" => o.columns.push(entries::column(&value("NAME=FIELD")?)?),
            "--before" => o.before.push(value("a follower list")?),
            "--at-close" => o.at_close.push(value("a follower list")?),
            "--after" => {
                let v = value("DAYS=LIST, such as 7=followers_week.json")?;
                let parsed = v
                    .split_once('=')
                    .and_then(|(d, f)| Some((d.trim().parse::<u32>().ok()?, f.to_string())));
                match parsed {
                    Some((d, f)) if (1..=3650).contains(&d) && !f.is_empty() => {
                        o.after.push((d, f))
                    }
                    _ => {
                        return Err(Fatal(format!(
                            "--after: expected DAYS=LIST with DAYS from 1 to 3650, such as 7=followers_week.json, found \"{v}\""
                        )))
                    }
                }
            }
            s if s.starts_with("--") => {
                return Err(Fatal(format!(
                    "contest: unknown option {s}; see social-roi --help"
                )))
            }
            _ => o.files.push(a.clone()),
        }
    }
    Ok(o)
}

fn lists(paths: &[String], lang: Lang) -> Result<Option<FollowerList>, Fatal> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut read = Vec::new();
    for p in paths {
        let text = read_input(p)?;
        read.push(contest::read_followers(p, &text, lang).map_err(|e| Fatal(e.message))?);
    }
    Ok(Some(contest::join_lists(&read)))
}

/// `contest`: the outcome report (exit 1 when inputs hold errors), or `--example`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let o = parse(args)?;
    let lang = o.lang.unwrap_or(Lang::En);
    if o.example {
        let example = contest::example(lang, o.currency.as_deref().unwrap_or("EUR"));
        let json = serde_json::to_string_pretty(&example)
            .map_err(|e| Fatal(format!("cannot write the example: {e}")))?;
        write(out, &json)?;
        return Ok(ExitCode::SUCCESS);
    }
    let [path] = o.files.as_slice() else {
        return Err(Fatal(
            "contest takes exactly one INPUTS.json file (see --example); see social-roi --help"
                .into(),
        ));
    };
    let text = read_input(path)?;
    let mut input: ContestInput = serde_json::from_str(&text).map_err(|e| json_error(path, &e))?;
    if let Some(c) = &o.currency {
        input.currency = c.clone();
    }
    let entries = if o.entries.is_empty() {
        Vec::new()
    } else {
        entries::load(&o.entries, &o.columns, lang)?
    };
    if let Some(l) = lists(&o.before, lang)? {
        input.followers.before.list = Some(l);
    }
    if let Some(l) = lists(&o.at_close, lang)? {
        input.followers.at_close.list = Some(l);
    }
    let mut days: Vec<u32> = o.after.iter().map(|(d, _)| *d).collect();
    days.sort_unstable();
    days.dedup();
    for d in days {
        let paths: Vec<String> = o
            .after
            .iter()
            .filter(|(x, _)| *x == d)
            .map(|(_, p)| p.clone())
            .collect();
        let list = lists(&paths, lang)?;
        let slot =
            input.followers.later.iter_mut().find(
                |l| matches!(l.days, social_roi::input::Entry::Number(x) if x == f64::from(d)),
            );
        match slot {
            Some(l) => l.list = list,
            None => input.followers.later.push(Later {
                days: f64::from(d).into(),
                list,
                ..Later::default()
            }),
        }
    }
    let report = contest::compute(&input, &entries, lang);
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
        write(out, &summary_text(&report, lang))?;
    }
    Ok(status)
}

fn summary_text(r: &ContestReport, lang: Lang) -> String {
    let row = |f: &Figure| {
        format!(
            "  {:<42} {:>18}   {}\n",
            f.label,
            super::value_text(f, Some(r.currency), lang),
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
    for w in &r.warnings {
        out.push_str(lang.pick("Warning: ", "Attention\u{a0}: "));
        out.push_str(&w.message);
        out.push('\n');
    }
    let sections: [(&str, &[Figure]); 3] = [
        (lang.pick("Costs", "Coûts"), &r.costs),
        (lang.pick("Results", "Résultats"), &r.summary),
        (lang.pick("Audience", "Audience"), &r.audience),
    ];
    for (title, figures) in sections {
        out.push_str(title);
        out.push('\n');
        figures.iter().for_each(|f| out.push_str(&row(f)));
    }
    if !r.retention.is_empty() {
        out.push_str(lang.pick("Retention\n", "Rétention\n"));
        for x in &r.retention {
            for f in [&x.kept, &x.retention, &x.cost_per_kept] {
                out.push_str(&row(f));
            }
        }
    }
    out.trim_end().to_string()
}
