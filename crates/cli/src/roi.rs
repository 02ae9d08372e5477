//! `social-roi roi` and `social-roi example`.

use super::{json_error, lang_value, read_input, to_json, write, Fatal};
use clap::Args;
use social_roi::{roi_example, Figure, Lang, RoiInput, RoiReport};
use std::io::Write;
use std::process::ExitCode;

/// Computes the ROI report of INPUTS.json: costs, returns, ROI, ROAS, break-even, unit costs.
#[derive(Args)]
pub(crate) struct RoiArgs {
    /// Print the report as JSON (without it, a readable summary).
    #[arg(long)]
    json: bool,
    /// The language of labels and messages.
    #[arg(long, value_name = "en|fr", value_parser = lang_value, default_value = "en")]
    lang: Lang,
    /// The calculator's inputs (see `social-roi example`); '-' reads standard input.
    #[arg(value_name = "INPUTS.json")]
    path: String,
}

/// Prints the worked example's input JSON, a starting point for INPUTS.json.
#[derive(Args)]
pub(crate) struct ExampleArgs {
    /// The language of the example's labels and decimal mark.
    #[arg(long, value_name = "en|fr", value_parser = lang_value, default_value = "en")]
    lang: Lang,
    /// The example's currency.
    #[arg(long, value_name = "CODE", default_value = "EUR")]
    currency: String,
}

/// `roi [--json] [--lang] FILE`: the ROI report; exit 1 when the inputs hold errors.
pub(crate) fn run(o: &RoiArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let path = &o.path;
    let text = read_input(path)?;
    let input: RoiInput = serde_json::from_str(&text).map_err(|e| json_error(path, &e))?;
    let report = social_roi::compute_roi(&input, o.lang);
    let status = if report.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if o.json {
        write(out, &to_json(&report)?)?;
    } else {
        write(out, &summary_text(&report, o.lang))?;
    }
    Ok(status)
}

/// `example [--lang] [--currency]`: the worked example's input JSON.
pub(crate) fn example(o: &ExampleArgs, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    write(out, &to_json(&roi_example(o.lang, &o.currency))?)?;
    Ok(ExitCode::SUCCESS)
}

fn summary_text(r: &RoiReport, lang: Lang) -> String {
    let row = |f: &Figure| {
        format!(
            "  {:<40} {:>20}   {}\n",
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
