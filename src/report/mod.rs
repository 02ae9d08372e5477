//! The report a community manager hands to a boss or a client: [`report`] assembles what the
//! analysis and the ROI calculator compute into one document, the period reported on beside
//! the period it is compared with, the change of every headline figure ([`change`]), the
//! words written from the figures ([`words`]), the competitor benchmark ([`benchmark`]), the
//! contest outcome and draw certificate ([`contest`]), and the branding and notes typed. [`file`] is the report file that keeps it for the next issue.
//! The report computes no figure of its own but the changes and the benchmark: every other
//! figure is the analysis's or the calculator's, as they show it on their own tabs.

mod accounts;
mod benchmark;
mod change;
mod contest;
mod file;
mod input;
mod periods;
mod sections;
mod words;

pub use benchmark::{AccountInput, AccountRow, Benchmark, BenchmarkInput};
pub use change::{Direction, Row};
pub use contest::{ContestSummary, DrawSummary, ReportContestInput};
pub use file::{read_report_file, ReportFile, REPORT_FORMAT, REPORT_VERSION};
pub use input::{Branding, Comparison, Headline, Issue, ReportInput, SectionId};
pub use periods::Span;

pub use words::{format_date, format_value, format_when};

use crate::figure::Unit;
use crate::form::FieldError;
use crate::i18n::Lang;
use crate::metrics::analysis::{
    analyze_summary, data_days, Analysable, AnalysisOptions, AnalysisReport, Kept,
};
use crate::metrics::engagement::PostRow;
use crate::metrics::roi::compute_roi;
use crate::model::{Dataset, EntryRow};
use crate::workspace::RecordFacts;
use sections::{analysis_headlines, keys, roi_headlines, Formulas};
use serde::Serialize;

/// The report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The title.
    pub title: String,
    /// Inputs that could not be used, placed by their path (`period.from`,
    /// `analysis.costs[0].amount`, `benchmark.accounts[1].likes`).
    pub errors: Vec<FieldError>,
    /// What the files lacked, from the analysis of the period.
    pub warnings: Vec<String>,
    /// The period reported on; `null` with `reason` when it cannot be known.
    pub period: Option<Span>,
    /// The period compared with.
    pub previous: Option<Span>,
    /// What the period is compared with.
    pub comparison: Comparison,
    /// What it is compared with, in words (`the month before`).
    pub comparison_text: String,
    /// Why there is no period.
    pub reason: Option<String>,
    /// Who it is from and for.
    pub branding: Branding,
    /// The sections ticked, in order.
    pub sections: Vec<Section>,
    /// Every section a report can hold, with its title: what the page offers to tick.
    pub all_sections: Vec<SectionName>,
    /// The headline figures of this issue, for the next one to compare with.
    pub issue: Issue,
    /// The formulas of the changes.
    pub change_formulas: [String; 2],
}

/// A section's id and title.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SectionName {
    /// Which.
    pub id: SectionId,
    /// Its title.
    pub title: &'static str,
}

/// One section of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Section {
    /// Which.
    pub id: SectionId,
    /// Its title.
    pub title: String,
    /// Each headline figure in both periods and its change.
    pub rows: Vec<Row>,
    /// The words written from the rows.
    pub generated_words: String,
    /// The words shown: the user's edit, else the generated ones.
    pub words: String,
    /// Whether `words` is the user's edit.
    pub words_edited: bool,
    /// The community manager's note.
    pub note: String,
    /// The currency of its money figures.
    pub currency: Option<String>,
    /// The best posts of the period (top posts section).
    pub top_posts: Vec<PostRow>,
    /// The worst posts of the period (top posts section).
    pub bottom_posts: Vec<PostRow>,
    /// The unit of the posts' `rate`.
    pub rate_unit: Option<Unit>,
    /// The benchmark (benchmark section).
    pub benchmark: Option<Benchmark>,
    /// The contest's figures and draw (contest section).
    pub contest: Option<ContestSummary>,
    /// Why the section is empty.
    pub reason: Option<String>,
}

impl SectionId {
    fn name(self, lang: Lang) -> SectionName {
        SectionName {
            id: self,
            title: self.title(lang),
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match self {
            SectionId::Roi => lang.pick("Return on investment", "Retour sur investissement"),
            SectionId::Engagement => lang.pick("Engagement", "Engagement"),
            SectionId::Growth => lang.pick("Growth and churn", "Croissance et désabonnements"),
            SectionId::Activity => lang.pick(
                "Activity and response times",
                "Activité et temps de réponse",
            ),
            SectionId::TopPosts => lang.pick("Top posts", "Meilleures publications"),
            SectionId::Contest => lang.pick(
                "Contest outcome and draw certificate",
                "Résultat du concours et certificat de tirage",
            ),
            SectionId::Search => lang.pick("Search visibility", "Visibilité dans la recherche"),
            SectionId::Ads => lang.pick("Ad costs", "Coûts publicitaires"),
            SectionId::Benchmark => {
                lang.pick("Competitor benchmark", "Comparaison avec les concurrents")
            }
        }
    }
}

/// The analysis of `data` over `span` with the report's options.
fn analysis_of(
    data: &Kept,
    options: &AnalysisOptions,
    span: Option<Span>,
    lang: Lang,
) -> AnalysisReport {
    let mut o = options.clone();
    o.period = span.map(Span::period);
    analyze_summary(data, &o, lang)
}

/// The report of `data` (a [`Workspace`](crate::Workspace) or a [`Dataset`](crate::Dataset))
/// with `input`, in `lang`, with no contest comment file (a contest's entries and
/// participants are then the ones typed).
pub fn report<A: Analysable + ?Sized>(data: &A, input: &ReportInput, lang: Lang) -> Report {
    report_with_entries(data, &[], input, lang)
}

/// The report of `data` with `input`, in `lang`; `contest_entries` are the contest's own
/// comment files (the Contest tab's, not the analytics' files), which count the entries and
/// participants left blank, as on the Contest tab. Its analyses (the period, the one compared
/// with) share the facts kept about each record: the workspace's, or facts computed once for
/// this report.
pub fn report_with_entries<A: Analysable + ?Sized>(
    data: &A,
    contest_entries: &[EntryRow],
    input: &ReportInput,
    lang: Lang,
) -> Report {
    let fresh = RecordFacts::default();
    let facts = data.kept_facts().unwrap_or(&fresh);
    report_of(
        &Kept::new(data.dataset(), facts),
        contest_entries,
        input,
        lang,
    )
}

fn report_of(data: &Kept, contest_entries: &[EntryRow], input: &ReportInput, lang: Lang) -> Report {
    let mut errors = Vec::new();
    // The files' first and last days without analysing every file: only the two periods are.
    let days = data_days(data.dataset(), &input.analysis, lang);
    let period = periods::current(input, days, lang, &mut errors);
    let previous = period.and_then(|p| periods::previous(input, p, lang, &mut errors));
    let current = analysis_of(data, &input.analysis, period, lang);
    errors.extend(analysis_errors(&current));
    let ids = all_formulas();
    let roi = input.roi.as_ref().map(|r| compute_roi(r, lang));
    let mut now = roi
        .as_ref()
        .map(|r| roi_headlines(r, &ids))
        .unwrap_or_default();
    if period.is_some() {
        now.extend(analysis_headlines(&current, &ids));
    }
    let before = before_figures(data, input, previous, &ids, lang);
    let missing = missing_text(input.comparison, previous.is_some(), lang);
    let rows = pair(&now, before.as_deref(), &missing, lang);
    let src = Sources {
        input,
        entries: contest_entries,
        data: data.dataset(),
        period,
    };
    let sections = built_sections(
        &src,
        &current,
        &rows,
        roi.as_ref().map(|r| r.currency),
        lang,
        &mut errors,
    );
    Report {
        title: title(input, lang),
        errors,
        warnings: current.warnings.clone(),
        period,
        previous,
        comparison: input.comparison,
        comparison_text: comparison_text(input.comparison, period, lang),
        reason: period.is_none().then(|| no_period(lang)),
        branding: input.branding.clone(),
        sections,
        all_sections: SectionId::ALL.map(|id| id.name(lang)).to_vec(),
        issue: Issue {
            period: period.map(Span::period).unwrap_or_default(),
            figures: now,
        },
        change_formulas: change_formulas(lang),
    }
}

fn change_formulas(lang: Lang) -> [String; 2] {
    [change::CHANGE, change::CHANGE_PERCENT].map(|f| f.text(lang).to_string())
}

/// The previous period's figures: the saved issue's, or the analysis of the period before.
fn before_figures(
    data: &Kept,
    input: &ReportInput,
    previous: Option<Span>,
    ids: &Formulas,
    lang: Lang,
) -> Option<Vec<Headline>> {
    match (input.comparison, previous) {
        (Comparison::Saved, Some(_)) => input.previous_issue.as_ref().map(|i| i.figures.clone()),
        (Comparison::None, _) | (_, None) => None,
        (_, Some(p)) => Some(analysis_headlines(
            &analysis_of(data, &input.analysis, Some(p), lang),
            ids,
        )),
    }
}

fn title(input: &ReportInput, lang: Lang) -> String {
    let t = input.title.trim();
    if t.is_empty() {
        lang.pick("Social media report", "Rapport réseaux sociaux")
            .to_string()
    } else {
        t.to_string()
    }
}

/// The analysis's problems with its options, placed under `analysis.` (its period is the report's).
fn analysis_errors(a: &AnalysisReport) -> Vec<FieldError> {
    a.errors
        .iter()
        .filter(|e| !e.field.starts_with("period"))
        .map(|e| FieldError {
            field: format!("analysis.{}", e.field),
            message: e.message.clone(),
        })
        .collect()
}

/// Every declared formula, to find a figure's formula id from its text.
fn all_formulas() -> Formulas {
    Formulas::new(
        &[
            crate::metrics::formulas(),
            change::FORMULAS.to_vec(),
            benchmark::FORMULAS.to_vec(),
        ]
        .concat(),
    )
}

fn no_period(lang: Lang) -> String {
    lang.pick(
        "no dated post or daily row in the files: drop exports or type the period",
        "aucune publication ni ligne quotidienne datée dans les fichiers : déposez des exports ou saisissez la période",
    )
    .to_string()
}

/// Why a figure has no previous value to be compared with.
fn missing_text(comparison: Comparison, has_previous: bool, lang: Lang) -> String {
    match (comparison, has_previous) {
        (Comparison::None, _) => {
            lang.pick("no comparison asked for", "aucune comparaison demandée")
        }
        (_, false) => lang.pick("no period to compare with", "aucune période à comparer"),
        (Comparison::Saved, true) => {
            lang.pick("not in the previous issue", "absent du numéro précédent")
        }
        _ => lang.pick(
            "not in the previous period's figures",
            "absent des chiffres de la période précédente",
        ),
    }
    .to_string()
}

fn comparison_text(comparison: Comparison, period: Option<Span>, lang: Lang) -> String {
    let whole_month = period.is_some_and(Span::whole_month);
    match comparison {
        Comparison::Previous if whole_month => lang
            .pick("the month before", "le mois précédent")
            .to_string(),
        Comparison::Previous => match (period, lang) {
            (Some(p), Lang::En) => format!("the {} days before", p.days),
            (Some(p), Lang::Fr) => format!("les {} jours précédents", p.days),
            (None, _) => String::new(),
        },
        Comparison::Custom => lang
            .pick("the period chosen", "la période choisie")
            .to_string(),
        Comparison::Saved => lang
            .pick("the previous issue", "le numéro précédent")
            .to_string(),
        Comparison::None => lang.pick("no comparison", "aucune comparaison").to_string(),
    }
}

/// Each figure of `now` beside the same one of `before`.
fn pair(
    now: &[Headline],
    before: Option<&[Headline]>,
    missing: &str,
    lang: Lang,
) -> Vec<(SectionId, Row)> {
    let before = before.unwrap_or_default();
    let old_keys = keys(before);
    keys(now)
        .into_iter()
        .zip(now)
        .map(|(k, h)| {
            let prev = old_keys.iter().position(|o| *o == k).map(|i| &before[i]);
            let missing = if h.section == SectionId::Roi && prev.is_none() && !before.is_empty() {
                lang.pick(
                    "the calculator's inputs are for one period: a saved report gives the previous one",
                    "les saisies du calculateur valent pour une période : un rapport enregistré donne la précédente",
                )
            } else {
                missing
            };
            (h.section, change::compare(h, prev, missing, lang))
        })
        .collect()
}

/// What the sections are built from besides the analysis: the input, the contest's comments,
/// the files, the period.
struct Sources<'a> {
    input: &'a ReportInput,
    entries: &'a [EntryRow],
    data: &'a Dataset,
    period: Option<Span>,
}

fn built_sections(
    src: &Sources<'_>,
    current: &AnalysisReport,
    rows: &[(SectionId, Row)],
    roi_currency: Option<&str>,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) -> Vec<Section> {
    let input = src.input;
    let ticked = |s: &SectionId| input.sections.is_empty() || input.sections.contains(s);
    SectionId::ALL
        .into_iter()
        .filter(ticked)
        .map(|id| {
            let rows: Vec<Row> = rows
                .iter()
                .filter(|(s, r)| {
                    *s == id
                        && (r.current.value.is_some()
                            || r.previous.as_ref().is_some_and(|p| p.value.is_some()))
                })
                .map(|(_, r)| r.clone())
                .collect();
            let currency = match id {
                SectionId::Roi => roi_currency.map(str::to_string),
                SectionId::Ads => current
                    .costs
                    .overall
                    .as_ref()
                    .or(current.costs.ads.first())
                    .and_then(|c| c.currency.clone()),
                _ => None,
            };
            let generated = words::section_words(&rows, currency.as_deref(), lang);
            let edited = input.words.get(id.key()).filter(|w| !w.trim().is_empty());
            let mut s = Section {
                id,
                title: id.title(lang).to_string(),
                words: edited.cloned().unwrap_or_else(|| generated.clone()),
                words_edited: edited.is_some(),
                generated_words: generated,
                rows,
                note: input.notes.get(id.key()).cloned().unwrap_or_default(),
                currency,
                top_posts: Vec::new(),
                bottom_posts: Vec::new(),
                rate_unit: None,
                benchmark: None,
                contest: None,
                reason: None,
            };
            fill(&mut s, src, current, lang, errors);
            s
        })
        .collect()
}

/// What a section holds besides its rows, and why it is empty when it is.
fn fill(
    s: &mut Section,
    src: &Sources<'_>,
    current: &AnalysisReport,
    lang: Lang,
    errors: &mut Vec<FieldError>,
) {
    let (input, has_period) = (src.input, src.period.is_some());
    match s.id {
        SectionId::TopPosts if has_period => {
            s.top_posts = current.engagement.top_posts.clone();
            s.bottom_posts = current.engagement.bottom_posts.clone();
            s.rate_unit = Some(current.engagement.rate_unit);
            s.reason = current.engagement.top_posts_reason.clone();
        }
        SectionId::Benchmark => {
            let b = benchmark::benchmark(&input.benchmark, Some((src.data, src.period)), lang);
            errors.extend(b.errors.iter().cloned());
            s.reason = b.reason.clone();
            s.benchmark = Some(b);
        }
        SectionId::Contest => match &input.contest {
            Some(c) => {
                let summary = contest::summary(c, src.entries, lang);
                s.currency = Some(summary.currency.to_string());
                s.contest = Some(summary);
            }
            None => {
                s.reason = Some(
                    lang.pick(
                        "no contest: type its figures in the Contest tab (and draw its winners there)",
                        "aucun concours : saisissez ses chiffres dans l’onglet Concours (et tirez-y ses gagnants)",
                    )
                    .to_string(),
                );
            }
        },
        SectionId::Roi if input.roi.is_none() => {
            s.reason = Some(
                lang.pick(
                    "no ROI calculator input",
                    "aucune saisie du calculateur de ROI",
                )
                .to_string(),
            );
        }
        _ if s.rows.is_empty() => {
            s.reason = Some(
                lang.pick(
                    "no figure of this section in the files for this period",
                    "aucun chiffre de cette section dans les fichiers pour cette période",
                )
                .to_string(),
            );
        }
        _ => {}
    }
}
