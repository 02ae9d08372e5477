//! `social-roi roi` and `social-roi example`.

use super::{json_error, read_input, write, Fatal, Options};
use social_roi::figure::Figure;
use social_roi::metrics::roi::{self, RoiReport};
use social_roi::{Lang, RoiInput};
use std::io::Write;
use std::process::ExitCode;

/// `roi [--json] [--lang] FILE`: the ROI report; exit 1 when the inputs hold errors.
pub fn run(o: &Options, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let [path] = o.files.as_slice() else {
        return Err(Fatal("roi takes exactly one INPUTS.json file".into()));
    };
    let text = read_input(path)?;
    let input: RoiInput = serde_json::from_str(&text).map_err(|e| json_error(path, &e))?;
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

/// `example [--lang] [--currency]`: the worked example's input JSON.
pub fn example(o: &Options, out: &mut dyn Write) -> Result<ExitCode, Fatal> {
    let json = serde_json::to_string_pretty(&roi::example(o.lang, &o.currency))
        .map_err(|e| Fatal(format!("cannot write the example: {e}")))?;
    write(out, &json)?;
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
