//! The analysis of a [`Dataset`]: one call, [`analyze`], gives one serialisable
//! [`AnalysisReport`] with every figure of engagement, growth, activity, time series, cost,
//! search visibility and reputation, each with its formula and inputs or the reason it has none. The page and
//! `social-roi analyze --json` show exactly this.
//!
//! [`analysis_defaults`] gives the default [`AnalysisOptions`] and the presets with their labels,
//! explanations and sources, so the page keeps no second copy.

mod activity_report;
mod cost_link;
mod days;
mod defaults;
mod engagement_report;
mod options;
mod over_time;
mod posts;
mod report;
mod returns;
mod settings;
mod totals;
mod visibility;

pub use defaults::analysis_defaults;
pub use options::{AnalysisOptions, BusinessHours, Period};
pub use report::AnalysisReport;
pub(crate) use totals::FORMULAS;

use crate::i18n::Lang;
use crate::metrics::engagement::{self, sums_and_groups, Layout, PostFacts};
use crate::metrics::reputation::{reputation, Period as TextPeriod, ReputationInputs};
use crate::model::Dataset;
use crate::workspace::{RecordFacts, Workspace};
use activity_report::activity_report;
use cost_link::{ads_in_period, cost_link};
use days::{calendar, daily_in_period, days_covered, Calendar};
use engagement_report::{definition, engagement_report};
use over_time::series_and_heatmap;
use posts::{days_of, facts_warnings, post_facts, posts_in_period, settle_rule};
use report::Range;
use settings::read_options;
use std::sync::Arc;
use totals::total_figures;
use visibility::visibility;

/// What an analysis reads: a dataset, and the facts kept about each of its records when
/// there are some. A [`Workspace`] keeps them from one analysis to the next (the second
/// analysis of the same files, with another preset or option, only aggregates); a bare
/// [`Dataset`] has them computed for the one analysis.
pub trait Analysable {
    /// The records.
    fn dataset(&self) -> &Dataset;
    /// The facts kept about them, if any.
    fn kept_facts(&self) -> Option<&RecordFacts>;
}

impl Analysable for Dataset {
    fn dataset(&self) -> &Dataset {
        self
    }

    fn kept_facts(&self) -> Option<&RecordFacts> {
        None
    }
}

impl Analysable for Workspace {
    fn dataset(&self) -> &Dataset {
        Workspace::dataset(self)
    }

    fn kept_facts(&self) -> Option<&RecordFacts> {
        Some(self.facts())
    }
}

/// A dataset and facts about its records, kept by the caller for several analyses.
pub(crate) struct Kept<'a> {
    data: &'a Dataset,
    facts: &'a RecordFacts,
}

impl<'a> Kept<'a> {
    /// `facts` must be about the records of `data` (else they are computed again).
    pub(crate) fn new(data: &'a Dataset, facts: &'a RecordFacts) -> Kept<'a> {
        Kept { data, facts }
    }
}

impl Analysable for Kept<'_> {
    fn dataset(&self) -> &Dataset {
        self.data
    }

    fn kept_facts(&self) -> Option<&RecordFacts> {
        Some(self.facts)
    }
}

/// Analyses `data` (a [`Workspace`] or a [`Dataset`]) with `options`, in `lang`, with a row
/// for every post (`engagement.posts`): what the per-post CSV and `analyze --json` show.
pub fn analyze<A: Analysable + ?Sized>(
    data: &A,
    options: &AnalysisOptions,
    lang: Lang,
) -> AnalysisReport {
    analysis(data.dataset(), data.kept_facts(), options, lang, true)
}

/// [`analyze`] without the row of every post (`engagement.posts` is empty; the top and
/// bottom posts are there): every figure is the same, and the page, which shows no list of
/// every post, gets it without building tens of thousands of rows.
pub fn analyze_summary<A: Analysable + ?Sized>(
    data: &A,
    options: &AnalysisOptions,
    lang: Lang,
) -> AnalysisReport {
    let data_set = data.dataset();
    let Some(kept) = data.kept_facts() else {
        return analysis(data_set, None, options, lang, false);
    };
    // The last one is kept, under everything it depends on: the page asks again for what it
    // showed (the analysis prepared ahead, the tab opened again) and gets a copy of it.
    let key = (
        options.clone(),
        lang,
        data_set.records.counts(),
        data_set.files.clone(),
    );
    kept.kept(key, || analysis(data_set, Some(kept), options, lang, false))
}

/// Computes what [`analyze_summary`] with `options` in `lang` keeps in `ws` for the analyses
/// that follow (the texts' sentiments, the period's days, the layout of its posts, the
/// reputation figures, the summary itself) and gives nothing. A page calls it once
/// [`Workspace::read_ahead`] has read every text, while the user looks at the files: the
/// Analysis they then open with these options is a copy of the kept summary, and another
/// preset costs a preset switch. It runs the analysis itself, so what it keeps is the
/// analysis's own, to the key.
pub fn prepare_analysis(ws: &Workspace, options: &AnalysisOptions, lang: Lang) {
    analyze_summary(ws, options, lang);
}

fn analysis(
    data: &Dataset,
    kept: Option<&RecordFacts>,
    options: &AnalysisOptions,
    lang: Lang,
    rows: bool,
) -> AnalysisReport {
    let fresh = RecordFacts::default();
    let kept = kept.unwrap_or(&fresh);
    let records = &data.records;
    let mut errors = Vec::new();
    let s = read_options(options, lang, &mut errors);
    let mut warnings: Vec<String> = Vec::new();
    let posts = posts_in_period(&records.posts, &s, lang, &mut warnings);
    let (resolved, counted) = settle_rule(options, &posts, lang, &mut errors, &mut warnings);
    let (facts, followers_text) = post_facts(&posts, &records.daily, &resolved, lang);
    // The daily rows' warnings come after the posts'.
    let mut daily_warnings = Vec::new();
    let groups = daily_in_period(&records.daily, &s, lang, &mut daily_warnings);
    let calendar = calendar_of(data, kept, &s, (&posts, &groups), lang);
    facts_warnings(
        (&facts, calendar.rates_disagreeing),
        &resolved,
        lang,
        &mut warnings,
    );
    let layout = layout_of(data, kept, &s, &facts, lang);
    let grouped = sums_and_groups(&facts, &layout);
    let engagement = engagement_report(
        (&facts, &grouped),
        &resolved,
        (s.top, s.minimum),
        rows,
        lang,
    );
    let totals = total_figures(facts.len(), &grouped.total, lang);
    warnings.append(&mut daily_warnings);
    let (from, to, days) = calendar.covered;
    let growth = calendar.growth.clone();
    let (series, heatmap) = series_and_heatmap(
        (&calendar.timeline, &facts),
        &groups,
        &resolved.rule,
        s.offset,
        (from, to),
        lang,
    );
    let span = days.unwrap_or(0);
    let (activity, messages) =
        activity_report(&posts, span, &records.messages, &s, lang, &mut warnings);
    let ads = ads_in_period(&records.ads, &s, lang, &mut warnings);
    let back = returns::brought_back(&records.traffic, &groups, &posts, &s, lang);
    let costs = cost_link(&ads, options, (&totals, &growth), back, lang, &mut errors);
    let range = Range {
        from,
        to,
        days,
        filtered: s.from.is_some() || s.to.is_some(),
        posts: posts.len(),
        daily_rows: groups.iter().map(Vec::len).sum(),
        ad_rows: ads.len(),
        messages,
    };
    let search = visibility(&records.search, &s, options, lang, &mut warnings);
    let reputation = reputation_of(data, kept, (&posts, &groups), &s, options, lang);
    let definition = definition(resolved, counted, followers_text, s.offset, lang);
    AnalysisReport {
        errors,
        sources: data.files.clone(),
        warnings,
        range,
        definition,
        totals,
        engagement,
        growth,
        series,
        heatmap,
        activity,
        costs,
        search,
        reputation,
    }
}

/// The layout of the period's posts (`facts`): their groups and the sums no engagement
/// definition changes ([`Layout`]), kept for the next analysis (a preset switch).
fn layout_of(
    data: &Dataset,
    kept: &RecordFacts,
    s: &settings::Settings,
    facts: &[PostFacts],
    lang: Lang,
) -> Arc<Layout> {
    let make = || Arc::new(engagement::layout(facts, lang));
    let made = kept_for_period(data, kept, s, facts.len(), lang, make);
    if made.fits(facts) {
        made
    } else {
        make()
    }
}

/// The days of the period's posts and daily rows (`groups`), kept for the next analysis
/// ([`Calendar`]).
fn calendar_of(
    data: &Dataset,
    kept: &RecordFacts,
    s: &settings::Settings,
    (posts, groups): (&[posts::PeriodPost], &[Vec<&crate::model::DailyRow>]),
    lang: Lang,
) -> Arc<Calendar> {
    let make = || Arc::new(calendar(s, posts, groups, lang));
    let made = kept_for_period(data, kept, s, posts.len(), lang, make);
    if made.timeline.fits(posts.len()) {
        made
    } else {
        make()
    }
}

/// What `make` gives for the period's `n` posts, kept by `kept` under the period, clock and
/// language it was made for: no engagement definition changes it. The key holds every input
/// besides the records (as reputation_of's: the sizes and the files' names guard against
/// facts of other records).
fn kept_for_period<V: Clone + Send + 'static>(
    data: &Dataset,
    kept: &RecordFacts,
    s: &settings::Settings,
    n: usize,
    lang: Lang,
    make: impl FnOnce() -> V,
) -> V {
    let records = &data.records;
    let key = (
        (s.from, s.to, s.offset, lang),
        [records.posts.len(), records.daily.len(), n],
        data.files.clone(),
    );
    kept.kept(key, make)
}

/// The reputation figures of the period's posts and days, from the texts' sentiments `kept`
/// (computed now when they are not). No engagement definition changes them: `kept` keeps the
/// last ones, under the options they depend on, for the next analysis (a preset switch).
fn reputation_of(
    data: &Dataset,
    kept: &RecordFacts,
    (posts, days): (&[posts::PeriodPost], &[Vec<&crate::model::DailyRow>]),
    s: &settings::Settings,
    options: &AnalysisOptions,
    lang: Lang,
) -> crate::metrics::reputation::ReputationReport {
    let records = &data.records;
    let period = TextPeriod {
        from: s.from,
        to: s.to,
        offset: s.offset,
        lang,
    };
    let brand_terms = crate::metrics::search::brand_terms(&options.brand_terms);
    // Every input besides the records: the period's posts and days follow from the records
    // and the period; the sizes and the files' names guard against facts of other records.
    let sizes = [
        records.posts.len(),
        records.entries.len(),
        records.messages.len(),
        records.daily.len(),
        posts.len(),
        days.len(),
    ];
    let key = (
        (s.from, s.to, s.offset, lang),
        (s.hours.clone(), brand_terms.clone(), s.crisis),
        (sizes, data.files.clone()),
    );
    kept.kept(key, || {
        reputation(&ReputationInputs {
            posts,
            days,
            entries: &records.entries,
            messages: &records.messages,
            sentiments: &kept.sentiments(records, lang),
            files: &data.files,
            period,
            hours: s.hours.as_ref(),
            brand_terms,
            rule: s.crisis,
        })
    })
}

/// The first and last days [`analyze`] finds in `data` with `options` and no period (the
/// posts' days in the options' time zone, the daily rows'), without analysing anything: what
/// the report needs to place its period, at a small part of an analysis's cost.
pub(crate) fn data_days(
    data: &Dataset,
    options: &AnalysisOptions,
    lang: Lang,
) -> (Option<crate::date::Date>, Option<crate::date::Date>) {
    let mut o = options.clone();
    o.period = None;
    let s = read_options(&o, lang, &mut Vec::new());
    let posts = posts_in_period(&data.records.posts, &s, lang, &mut Vec::new());
    let groups = daily_in_period(&data.records.daily, &s, lang, &mut Vec::new());
    let (from, to, _) = days_covered(&s, &days_of(&posts), &groups);
    (from, to)
}

#[cfg(test)]
mod tests {
    #[test]
    fn data_days_are_the_range_of_an_analysis_without_period() {
        use crate::metrics::analysis::{analyze_summary, data_days, AnalysisOptions};
        use crate::{ImportOptions, Lang, Workspace};
        let mut ws = Workspace::new(ImportOptions::default());
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/analysis/");
        for name in [
            "tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
            "facebook_page_2026-06.csv",
        ] {
            ws.add(name, &std::fs::read(format!("{dir}{name}")).unwrap());
        }
        let mut o = AnalysisOptions {
            utc_offset_minutes: Some(-600),
            ..AnalysisOptions::default()
        };
        let a = analyze_summary(ws.dataset(), &o, Lang::En);
        assert!(a.range.from.is_some());
        assert_eq!(
            data_days(ws.dataset(), &o, Lang::En),
            (a.range.from, a.range.to)
        );
        o.period = Some(crate::metrics::analysis::Period {
            from: "2026-06-03".into(),
            to: String::new(),
        });
        assert_eq!(
            data_days(ws.dataset(), &o, Lang::En),
            (a.range.from, a.range.to)
        );
    }

    #[test]
    fn example_of_analyze() {
        use crate::metrics::analysis::{analyze, AnalysisOptions};
        use crate::model::Dataset;
        use crate::Lang;
        let report = analyze(&Dataset::default(), &AnalysisOptions::default(), Lang::En);
        assert_eq!(
            report.engagement.rate.reason.as_deref(),
            Some("no posts in the files for this period")
        );
    }
}
