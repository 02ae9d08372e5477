//! The headline figures of each section, taken as they are from the analysis and the ROI
//! calculator (the report computes none of them), each with the formula id and the engagement
//! definition that make two periods' figures comparable.

use crate::figure::Figure;
use crate::formula::Formula;
use crate::metrics::analysis::AnalysisReport;
use crate::metrics::roi::RoiReport;
use std::collections::HashMap;

use super::input::{Headline, SectionId};

/// Finds the declared formula of a figure from its text, in either language.
pub(super) struct Formulas(HashMap<&'static str, &'static str>);

impl Formulas {
    pub(super) fn new(all: &[Formula]) -> Formulas {
        let mut map = HashMap::new();
        for f in all {
            map.insert(f.en, f.id);
            map.insert(f.fr, f.id);
        }
        Formulas(map)
    }

    fn id(&self, text: &str) -> Option<String> {
        self.0.get(text).map(|id| id.to_string())
    }
}

/// The engagement definition of an analysis, in words no language changes: its preset and
/// rule as JSON.
fn definition(a: &AnalysisReport) -> Option<String> {
    serde_json::to_string(&(a.definition.preset, &a.definition.rule)).ok()
}

/// Whether a figure's value depends on what counts as an engagement.
fn engagement_based(f: &Figure) -> bool {
    f.id.contains("engagement")
}

fn headline(section: SectionId, f: &Figure, def: &Option<String>, ids: &Formulas) -> Headline {
    Headline {
        section,
        figure: f.clone(),
        formula: ids.id(&f.formula),
        definition: if engagement_based(f) {
            def.clone()
        } else {
            None
        },
    }
}

/// The headline figures of the analysis, section by section.
pub(super) fn analysis_headlines(a: &AnalysisReport, ids: &Formulas) -> Vec<Headline> {
    let def = definition(a);
    let e = &a.engagement;
    let engagement = a
        .totals
        .iter()
        .chain([&e.rate])
        .chain(&e.by_denominator)
        .chain(&e.audience);
    let activity = [&a.activity.posts_per_week]
        .into_iter()
        .chain(&a.activity.responses.figures);
    let ads = a.costs.overall.as_ref().or(a.costs.ads.first());
    let groups: [(SectionId, Vec<&Figure>); 5] = [
        (SectionId::Engagement, engagement.collect()),
        (SectionId::Growth, a.growth.total.iter().collect()),
        (SectionId::Activity, activity.collect()),
        (SectionId::Search, a.search.figures.iter().collect()),
        (
            SectionId::Ads,
            ads.map(|c| c.figures.iter().collect()).unwrap_or_default(),
        ),
    ];
    groups
        .into_iter()
        .flat_map(|(s, figs)| figs.into_iter().map(move |f| (s, f)))
        .map(|(s, f)| headline(s, f, &def, ids))
        .collect()
}

/// The ROI calculator's headline figures: its summary and unit costs.
pub(super) fn roi_headlines(r: &RoiReport, ids: &Formulas) -> Vec<Headline> {
    r.summary
        .iter()
        .chain(&r.unit_costs)
        .map(|f| headline(SectionId::Roi, f, &None, ids))
        .collect()
}

/// The key that pairs a figure with the same one of the other period: its section, its id,
/// and which of that id it is in the section.
pub(super) fn keys(figures: &[Headline]) -> Vec<(SectionId, String, usize)> {
    let mut seen: HashMap<(SectionId, &str), usize> = HashMap::new();
    figures
        .iter()
        .map(|h| {
            let n = seen.entry((h.section, h.figure.id.as_str())).or_default();
            *n += 1;
            (h.section, h.figure.id.clone(), *n - 1)
        })
        .collect()
}
