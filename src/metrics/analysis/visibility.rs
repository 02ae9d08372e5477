//! The Search Console rows of the period: rows by day outside it left out, the other tables
//! (which cover the whole export) kept with a word, and a row met twice counted once: a day
//! seen in two files (overlapping exports), or the same query, page, country or device with
//! the same counts (the zip and its CSV both dropped). Two months' exports list the same
//! query with other counts: both are kept.

use super::options::AnalysisOptions;
use super::posts::within;
use super::settings::Settings;
use crate::i18n::Lang;
use crate::metrics::search::{search_report, SearchReport};
use crate::model::{SearchDimension, SearchRow};
use std::collections::HashSet;

/// The search visibility of the period, with warnings for what was left out.
pub(super) fn visibility(
    rows: &[SearchRow],
    s: &Settings,
    options: &AnalysisOptions,
    lang: Lang,
    warnings: &mut Vec<String>,
) -> SearchReport {
    let filtered = s.from.is_some() || s.to.is_some();
    let mut seen = HashSet::new();
    let (mut twice, mut undated) = (0, 0);
    let mut kept: Vec<&SearchRow> = Vec::new();
    for r in rows {
        let counts = match r.dimension {
            SearchDimension::Date => None,
            _ => Some((r.clicks.map(f64::to_bits), r.impressions.map(f64::to_bits))),
        };
        if !seen.insert((r.dimension, r.key.as_deref(), r.date, counts)) {
            twice += 1;
            continue;
        }
        match r.date {
            Some(d) if !within(d, s.from, s.to) => continue,
            None if filtered && r.dimension != SearchDimension::Date => undated += 1,
            _ => {}
        }
        kept.push(r);
    }
    if twice > 0 {
        warnings.push(match lang {
            Lang::En => format!("{twice} Search Console row(s) appear in two files (the same query, page, country, device or day): counted once"),
            Lang::Fr => format!("{twice} ligne(s) de la Search Console figurent dans deux fichiers (même requête, page, pays, appareil ou jour) : comptées une fois"),
        });
    }
    if undated > 0 {
        warnings.push(match lang {
            Lang::En => format!("{undated} Search Console row(s) by query, page, country or device have no day: they cover the whole export, whatever the period chosen"),
            Lang::Fr => format!("{undated} ligne(s) de la Search Console par requête, page, pays ou appareil n’ont pas de jour : elles couvrent tout l’export, quelle que soit la période choisie"),
        });
    }
    search_report(&kept, &options.brand_terms, lang)
}
