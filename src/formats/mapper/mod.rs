//! One table's rows into records: each mapped cell read as its field says ([`cell`]), the
//! platform's quirks (description rows, totals rows, ids in links), and everything the report
//! says about it ([`finish`]).
//!
//! [`plan`] says which columns hold which fields, [`sniff`] how a text table writes its
//! numbers and dates, and [`table`] is what comes out: the report, the records, and the rows
//! of a table the user maps.

mod cell;
mod finish;
mod plan;
mod sniff;
mod table;

pub(crate) use table::{RawTable, Table};

use super::fields::Draft;
use super::Format;
use super::{analytics, facebook, linkedin, meta, norm, search_console, tiktok, x, youtube};
use crate::date::SlashOrder;
use crate::model::{Origin, PostMetrics, Records};
use crate::number::DecimalMark;
use crate::schema::{Field, FormatId, RecordKind, ValueKind};
use crate::table::report::{Issue, Problem, SkipReason, Skipped, KEEP_LINES, KEEP_PROBLEMS};
use crate::table::{Row, RowCells, Source};
use cell::{CellReader, Tally};
use plan::Plan;
use sniff::{sniff_mark, sniff_slash};
use std::collections::BTreeMap;

/// Rows kept as samples for the mapping step.
const SAMPLES: usize = 5;
/// Cells of a table the user maps kept to apply the mapping at once; a larger table keeps
/// only its samples, and the mapping is applied by reading the file again.
pub(crate) const RAW_CELLS: usize = 250_000;

/// A table with its header found, reading rows into records.
pub(crate) struct Mapper {
    source: Source,
    format: &'static Format,
    plan: Plan,
    /// The header's names as written (a legacy Facebook twin gets `(unique users)`).
    header: Vec<String>,
    header_line: Option<u64>,
    cells: CellReader,
    draft: Draft,
    records: Records,
    /// The rows of a table the user maps, while they fit in [`RAW_CELLS`].
    raw: Option<Vec<Row>>,
    /// Cells in `raw`, and whether it still holds every row.
    raw_cells: usize,
    raw_whole: bool,
    samples: Vec<Vec<String>>,
    rows: u64,
    imported: u64,
    first_data_row: bool,
    skipped: BTreeMap<SkipReasonKey, Skipped>,
    errors: Vec<Problem>,
    error_count: u64,
    warnings: Vec<Problem>,
    totals_row: Option<Row>,
    /// Per planned column: the sum of what was imported.
    sums: Vec<f64>,
    /// The planned columns of numbers: (index in the plan, field).
    number_columns: Vec<(usize, Field)>,
    /// Rows of a text file with fewer cells than the header.
    short_rows: Tally<()>,
    /// Posts whose engagement rate is not their engagements over their impressions.
    rate_differs: Tally<()>,
    longest_row: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SkipReasonKey(u8);

fn key(reason: SkipReason) -> SkipReasonKey {
    SkipReasonKey(reason as u8)
}

/// Whether the format is a legacy Facebook Insights export (a description row under the
/// header, twin column names).
fn is_legacy_facebook(id: FormatId) -> bool {
    matches!(
        id,
        FormatId::FacebookInsightsPost
            | FormatId::FacebookInsightsPage
            | FormatId::FacebookInsightsVideo
    )
}

impl Mapper {
    /// A mapper for a table of `format` whose header is `header_row` (on `header_line`), and
    /// whose first rows are `probe` (to settle the decimal mark and the date order).
    pub(crate) fn new(
        source: Source,
        format: &'static Format,
        header_row: Option<&Row>,
        probe: &[Row],
    ) -> Mapper {
        let header = header_names(format, header_row, probe);
        let names: Vec<String> = header.iter().map(|h| norm(h)).collect();
        let list = format.id == FormatId::Generic
            && probe
                .iter()
                .chain(header_row)
                .all(|r| r.cells.iter().filter(|c| !c.is_blank()).count() <= 1);
        let plan = if list {
            Plan::of_list()
        } else if format.id == FormatId::Comments {
            Plan::of_format(format, &names).with_comment_links(probe)
        } else {
            Plan::of_format(format, &names)
        };
        let mark = if source.text {
            sniff_mark(&plan, probe, source.delimiter)
        } else {
            DecimalMark::Point
        };
        let slash = sniff_slash(&plan, probe, format.id, mark);
        let dash_is_placeholder = tiktok::writes_dash_for_unknown(format.id);
        let mut m = Mapper::with_plan(
            source,
            plan,
            header,
            header_row.map(|r| r.line),
            mark,
            slash,
            format.id == FormatId::Generic,
        );
        m.format = format;
        m.cells.dash_is_placeholder = dash_is_placeholder;
        m
    }

    fn with_plan(
        source: Source,
        plan: Plan,
        header: Vec<String>,
        header_line: Option<u64>,
        mark: DecimalMark,
        slash: SlashOrder,
        keep_rows: bool,
    ) -> Mapper {
        let n = plan.columns.len();
        let currency = plan
            .columns
            .iter()
            .filter(|(_, f)| f.value() == ValueKind::Money)
            .find_map(|(i, _)| header.get(*i).and_then(|h| meta::currency_in_header(h)));
        let reference = source.reference.map(|(day, _)| day);
        Mapper {
            format: plan.format,
            source,
            header,
            header_line,
            cells: CellReader::new(mark, slash, reference, currency, n),
            draft: Draft::new(),
            records: Records::default(),
            raw: keep_rows.then(Vec::new),
            raw_cells: 0,
            raw_whole: true,
            samples: Vec::new(),
            rows: 0,
            imported: 0,
            first_data_row: true,
            skipped: BTreeMap::new(),
            errors: Vec::new(),
            error_count: 0,
            warnings: Vec::new(),
            totals_row: None,
            sums: vec![0.0; n],
            number_columns: (plan.columns.iter().enumerate())
                .filter(|(_, (_, f))| f.value().is_number())
                .map(|(p, &(_, f))| (p, f))
                .collect(),
            short_rows: Tally::default(),
            rate_differs: Tally::default(),
            longest_row: 0,
            plan,
        }
    }

    /// The format being read.
    pub(crate) fn format(&self) -> &'static Format {
        self.format
    }

    /// This mapper of an unrecognised table, reading its rows with the user's `mapping`
    /// instead (a file read again once the mapping is chosen); itself when the mapping
    /// mixes kinds of record (refused when it was given).
    pub(crate) fn remapped(self, mapping: &[Option<Field>]) -> Mapper {
        let Ok(plan) = Plan::of_mapping(mapping) else {
            return self;
        };
        Mapper::with_plan(
            self.source,
            plan,
            self.header,
            self.header_line,
            self.cells.mark,
            self.cells.slash,
            true,
        )
    }

    /// Counts a row that is not read, for `reason` (a last row cut by the end of the file).
    pub(crate) fn skip_row(&mut self, line: u64, reason: SkipReason) {
        self.rows += 1;
        self.skip(reason, line);
    }

    /// Reads one row: set apart by a quirk, refused, or made a record.
    pub(crate) fn row(&mut self, row: &dyn RowCells) {
        if row.is_blank() {
            return;
        }
        self.keep(row);
        let first = std::mem::replace(&mut self.first_data_row, false);
        let line = row.line();
        let Some(kind) = self.plan.kind else {
            if self.format.id == FormatId::YoutubeChart {
                self.skip(SkipReason::PerVideoDaily, line);
            }
            // Otherwise the table waits for the user's mapping.
            return;
        };
        if let Some(reason) = self.quirk(row, first) {
            if reason == SkipReason::Totals {
                self.totals_row = Some(row.to_row());
            }
            self.skip(reason, line);
            return;
        }
        if !self.fits(row) {
            self.skip(SkipReason::TooManyFields, line);
            return;
        }
        if let Err(reason) = self.read_draft(row) {
            self.skip(reason, line);
            return;
        }
        match self.build(kind, line) {
            Ok(()) => {
                self.imported += 1;
                self.add_to_sums();
            }
            Err(field) => {
                let mut problem =
                    Problem::new(Issue::Missing { field }, &self.source.name).at_line(line);
                if let Some(c) = self.plan.column_of(field) {
                    problem = problem.at_column(c, &self.column_name(c));
                }
                self.error(problem);
                self.skip(SkipReason::Missing, line);
            }
        }
    }

    /// Counts a filled row, and keeps it as a sample (and whole, for a table the user maps).
    fn keep(&mut self, row: &dyn RowCells) {
        self.rows += 1;
        self.longest_row = self.longest_row.max(row.len());
        if self.samples.len() < SAMPLES {
            self.samples.push(
                (0..row.len())
                    .map(|i| row.cell(i).text().into_owned())
                    .collect(),
            );
        }
        if let Some(raw) = &mut self.raw {
            self.raw_cells += row.len();
            if self.raw_cells > RAW_CELLS {
                // Too large to keep: the mapping will read the file again.
                self.raw_whole = false;
                *raw = Vec::new();
            } else if self.raw_whole {
                raw.push(row.to_row());
            }
        }
    }

    /// Whether the row fits the header: filled cells past it are an error; fewer cells than
    /// it are counted (a warning at the end).
    fn fits(&mut self, row: &dyn RowCells) -> bool {
        let width = self.header.len();
        let len = row.len();
        if width > 0 && len > width && (width..len).any(|i| !row.cell(i).is_blank()) {
            let found = len;
            self.error(
                Problem::new(
                    Issue::TooManyFields {
                        expected: width,
                        found,
                    },
                    &self.source.name,
                )
                .at_line(row.line()),
            );
            return false;
        }
        if width > 0 && len < width {
            self.short_rows.note(|| (), row.line());
        }
        true
    }

    /// Reads the row's planned cells into the draft; `Err` says why the row is skipped (a bad
    /// value, each with its error; or nothing to read).
    fn read_draft(&mut self, row: &dyn RowCells) -> Result<(), SkipReason> {
        self.draft.clear();
        let mut bad = false;
        let line = row.line();
        for p in 0..self.plan.columns.len() {
            let (col, field) = self.plan.columns[p];
            let cell = row.cell(col);
            match self.cells.read(&cell, field, p, line) {
                Ok(Some(v)) => self.draft.set(field, v),
                Ok(None) => {}
                Err(issue) => {
                    let problem = Problem::new(issue, &self.source.name)
                        .at_line(line)
                        .at_column(col, &self.column_name(col));
                    self.error(problem);
                    bad = true;
                }
            }
        }
        self.draft.set_currency(self.cells.currency.as_deref());
        if bad {
            Err(SkipReason::BadValue)
        } else if self.draft.is_empty() {
            Err(SkipReason::Blank)
        } else {
            Ok(())
        }
    }

    /// Makes the draft a record of `kind`; `Err` names a required field it lacks.
    fn build(&mut self, kind: RecordKind, line: u64) -> Result<(), Field> {
        let origin = Origin { file: 0, line };
        let network = self.format.network;
        let currency = self.cells.currency.as_deref();
        match kind {
            RecordKind::Posts => {
                let mut post = self.draft.post(network, origin);
                match self.format.id {
                    FormatId::XTweetActivity | FormatId::XContent => x::finish_post(&mut post),
                    FormatId::TiktokContent => tiktok::finish_post(&mut post),
                    FormatId::LinkedinContent => linkedin::finish_post(&mut post),
                    _ => {}
                }
                check_rate(&mut self.rate_differs, &post.metrics, line);
                self.records.posts.push_in(&post);
            }
            RecordKind::Daily => {
                let mut day = self.draft.daily(network, origin)?;
                if self.format.id == FormatId::XDailyActivity && day.account.is_none() {
                    day.account = x::account_in_daily_name(&self.source.file_name);
                }
                self.records.daily.push(day)
            }
            RecordKind::Ads => self
                .records
                .ads
                .push(self.draft.ad(network, currency, origin)?),
            RecordKind::Traffic => self
                .records
                .traffic
                .push(self.draft.traffic(currency, origin)),
            RecordKind::Entries => self.records.entries.push(self.draft.entry(origin)?),
            RecordKind::Messages => self.records.messages.push(self.draft.message(origin)?),
            RecordKind::Search => {
                let dimension = search_console::dimension(self.format.id);
                self.records
                    .search
                    .push(self.draft.search(dimension, origin)?)
            }
        }
        Ok(())
    }

    /// Adds the imported row's numbers to the column sums (for the totals row's check).
    fn add_to_sums(&mut self) {
        for &(p, field) in &self.number_columns {
            if let Some(v) = self.draft.num(field) {
                self.sums[p] += v;
            }
        }
    }

    /// A row the format's quirks set apart.
    fn quirk(&self, row: &dyn RowCells, first: bool) -> Option<SkipReason> {
        let cell = |field: Field| {
            self.plan
                .column_of(field)
                .map(|i| row.cell(i).text().trim().to_string())
                .unwrap_or_default()
        };
        match self.format.id {
            id if is_legacy_facebook(id) && first => {
                let cells: Vec<String> = (0..row.len())
                    .map(|i| row.cell(i).text().to_string())
                    .collect();
                facebook::is_description_row(&cells).then_some(SkipReason::Description)
            }
            FormatId::YoutubeTable => {
                youtube::is_total_row(&cell(Field::PostId)).then_some(SkipReason::Totals)
            }
            FormatId::Ga4 | FormatId::Ga4Events | FormatId::Ua => {
                let dims: Vec<String> = self
                    .plan
                    .columns
                    .iter()
                    .filter(|(_, f)| f.value() == ValueKind::Text || f.value() == ValueKind::Date)
                    .filter(|(i, _)| *i < row.len())
                    .map(|(i, _)| row.cell(*i).text().into_owned())
                    .collect();
                let dims: Vec<&str> = dims.iter().map(String::as_str).collect();
                let numbers = [
                    Field::TrafficSessions,
                    Field::TrafficUsers,
                    Field::TrafficEventCount,
                ]
                .iter()
                .any(|f| !cell(*f).is_empty());
                analytics::is_total_row(&dims, numbers).then_some(SkipReason::Totals)
            }
            FormatId::FacebookAds => (cell(Field::AdCampaign).is_empty()
                && !cell(Field::AdSpend).is_empty())
            .then_some(SkipReason::Totals),
            _ => None,
        }
    }

    /// The name of column `i` as the header writes it (empty past the header).
    fn column_name(&self, i: usize) -> String {
        self.header.get(i).cloned().unwrap_or_default()
    }

    fn skip(&mut self, reason: SkipReason, line: u64) {
        let entry = self.skipped.entry(key(reason)).or_insert(Skipped {
            reason,
            label: String::new(),
            count: 0,
            lines: Vec::new(),
        });
        entry.count += 1;
        if entry.lines.len() < KEEP_LINES {
            entry.lines.push(line);
        }
    }

    fn error(&mut self, problem: Problem) {
        self.error_count += 1;
        if self.errors.len() < KEEP_PROBLEMS {
            self.errors.push(problem);
        }
    }
}

/// Notes a post whose engagement rate is not its engagements over its impressions.
fn check_rate(rate_differs: &mut Tally<()>, m: &PostMetrics, line: u64) {
    if let (Some(e), Some(i), Some(rate)) =
        (m.engagements, m.impressions, m.platform_engagement_rate)
    {
        if i > 0.0 && ((e / i) - rate).abs() > 1e-6 * rate.abs().max(1e-3) {
            rate_differs.note(|| (), line);
        }
    }
}

/// The header's names as written, trimmed; a legacy Facebook export's description row (the
/// first of `probe`) tells its twin columns apart.
fn header_names(format: &Format, header_row: Option<&Row>, probe: &[Row]) -> Vec<String> {
    let mut header: Vec<String> = header_row
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.text().trim().to_string())
                .collect()
        })
        .unwrap_or_default();
    if is_legacy_facebook(format.id) {
        if let Some(first) = probe.first() {
            let d: Vec<String> = first.cells.iter().map(|c| c.text().to_string()).collect();
            if facebook::is_description_row(&d) {
                facebook::name_twins(&mut header, &d);
            }
        }
    }
    header
}
