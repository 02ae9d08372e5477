//! `social-roi contest`: what a giveaway really brought, from typed figures, its comment file
//! and follower lists.

use super::entries::{self, column_arg};
use super::{json_error, lang_value, read_input, to_json, write, Fatal};
use clap::Args;
use social_roi::{
    compute_contest, contest_example, join_lists, read_followers, ContestInput, ContestReport,
    Figure, FollowerList, Lang, Later,
};
use std::io::Write;
use std::process::ExitCode;

/// A contest's outcome: cost per entry, participant, new follower and follower kept,
/// retention, viral coefficient, conversion rate and ROI.
#[derive(Args)]
#[command(
    after_help = "ENTRIES (the comments: exports or lists, as for draw, with --column \
NAME=FIELD) give the entries and participants left blank; LIST is Instagram's followers_1.json \
or one handle per line (repeat an option for split files: followers_1.json, followers_2.json)."
)]
pub(crate) struct ContestArgs {
    /// Print the report as JSON (without it, a readable summary).
    #[arg(long)]
    json: bool,
    /// Print the worked example's INPUTS.json instead.
    #[arg(long)]
    example: bool,
    /// The language of labels and messages.
    #[arg(long, value_name = "en|fr", value_parser = lang_value, default_value = "en")]
    lang: Lang,
    /// The currency (overrides the inputs').
    #[arg(long, value_name = "CODE")]
    currency: Option<String>,
    /// The contest's comments (repeat for several files).
    #[arg(long = "entries", value_name = "ENTRIES")]
    entries: Vec<String>,
    /// Maps a column of a comment file the readers do not recognise to a FIELD.
    #[arg(long = "column", value_name = "NAME=FIELD", value_parser = column_arg)]
    columns: Vec<(String, String)>,
    /// The follower list before the contest.
    #[arg(long, value_name = "LIST")]
    before: Vec<String>,
    /// The follower list when the contest closed.
    #[arg(long, value_name = "LIST")]
    at_close: Vec<String>,
    /// A follower list DAYS after the close, such as 7=followers_week.json.
    #[arg(long, value_name = "DAYS=LIST", value_parser = after_arg)]
    after: Vec<(u32, String)>,
    /// The contest's inputs (see --example); '-' reads standard input.
    #[arg(value_name = "INPUTS.json", required_unless_present = "example")]
    path: Option<String>,
}

/// `--after DAYS=LIST`.
fn after_arg(v: &str) -> Result<(u32, String), String> {
    let parsed = v
        .split_once('=')
        .and_then(|(d, f)| Some((d.trim().parse::<u32>().ok()?, f.to_string())));
    match parsed {
        Some((d, f)) if (1..=3650).contains(&d) && !f.is_empty() => Ok((d, f)),
        _ => Err(format!(
            "expected DAYS=LIST with DAYS from 1 to 3650, such as 7=followers_week.json, found \"{v}\""
        )),
    }
}

fn lists(paths: &[String], lang: Lang) -> Result<Option<FollowerList>, Fatal> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut read = Vec::new();
    for p in paths {
        let text = read_input(p)?;
        read.push(read_followers(p, &text, lang).map_err(|e| Fatal(e.message))?);
    }
    Ok(Some(join_lists(&read)))
}

/// `contest`: the outcome report (exit 1 when inputs hold errors), or `--example`.
pub(crate) fn run(o: &ContestArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let lang = o.lang;
    if o.example {
        let example = contest_example(lang, o.currency.as_deref().unwrap_or("EUR"));
        write(out, &to_json(&example)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(path) = &o.path else {
        return Err(Fatal("contest needs INPUTS.json (see --example)".into()));
    };
    let text = read_input(path)?;
    let mut input: ContestInput = serde_json::from_str(&text).map_err(|e| json_error(path, &e))?;
    if let Some(c) = &o.currency {
        input.currency = c.clone();
    }
    let entries = if o.entries.is_empty() {
        social_roi::Entries::new()
    } else {
        entries::load(&o.entries, &o.columns, lang)?
    };
    attach_lists(o, &mut input, lang)?;
    let report = compute_contest(&input, &entries, lang);
    let status = if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if o.json {
        write(out, &to_json(&report)?)?;
    } else {
        write(out, &summary_text(&report, lang))?;
    }
    Ok(status)
}

/// Puts the follower lists of `--before`, `--at-close` and `--after` into `input`: a later
/// check of the same days takes the list, else a check is added.
fn attach_lists(o: &ContestArgs, input: &mut ContestInput, lang: Lang) -> Result<(), Fatal> {
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
        let slot = input
            .followers
            .later
            .iter_mut()
            .find(|l| matches!(l.days, social_roi::Entry::Number(x) if x == f64::from(d)));
        match slot {
            Some(l) => l.list = list,
            None => input.followers.later.push(Later {
                days: f64::from(d).into(),
                list,
                ..Later::default()
            }),
        }
    }
    Ok(())
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
