//! One table's rows into records: each mapped cell read as its field says (numbers with the
//! file's decimal mark, dates in every written form, ids as text), the platform's quirks
//! (description rows, totals rows, ids in links), and everything the report says about it.

use super::fields::{network_named, Draft, Value};
use super::{analytics, facebook, linkedin, meta, norm, tiktok, x, youtube};
use super::{Format, GENERIC};
use crate::date::{self, DateTime, ParsedDate, SlashOrder};
use crate::finite::Finite;
use crate::model::Origin;
use crate::model::Records;
use crate::number::{self, DecimalMark, NumberError};
use crate::schema::FormatId;
use crate::schema::{Field, RecordKind, ValueKind};
use crate::table::report::{
    FormatInfo, IgnoredColumn, Issue, MappedColumn, MappingOffer, Problem, SkipReason, Skipped,
    TableReport, TotalCheck, KEEP_LINES, KEEP_PROBLEMS,
};
use crate::table::{Cell, Row, Source};
use std::collections::BTreeMap;

/// Rows kept as samples for the mapping step.
const SAMPLES: usize = 5;

/// Which columns are read into which fields.
#[derive(Clone, Debug)]
pub(crate) struct Plan {
    /// The format.
    pub format: &'static Format,
    /// `(column, field)`, in column order.
    pub columns: Vec<(usize, Field)>,
    /// The kind of record the fields make; `None` when rows are not imported.
    pub kind: Option<RecordKind>,
}

impl Plan {
    /// The plan of a known format over `names` (normalised): for each field, the first of its
    /// names found; a name used once is not used again.
    pub(crate) fn of_format(format: &'static Format, names: &[String]) -> Plan {
        let mut used = vec![false; names.len()];
        let mut columns = Vec::new();
        for (field, aliases) in format.columns {
            let found = aliases.iter().find_map(|alias| {
                names
                    .iter()
                    .enumerate()
                    .find(|(i, n)| !used[*i] && super::alias_matches(alias, n))
                    .map(|(i, _)| i)
            });
            if let Some(i) = found {
                used[i] = true;
                columns.push((i, *field));
            }
        }
        columns.sort_unstable();
        Plan {
            format,
            columns,
            kind: format.kind,
        }
    }

    /// The plan of a user's mapping (one field or none per column). Fields must be of one
    /// kind of record; otherwise the kinds found are returned.
    pub(crate) fn of_mapping(mapping: &[Option<Field>]) -> Result<Plan, Vec<RecordKind>> {
        let mut kinds: Vec<RecordKind> = mapping.iter().flatten().map(|f| f.kind()).collect();
        kinds.sort();
        kinds.dedup();
        if kinds.len() > 1 {
            return Err(kinds);
        }
        Ok(Plan {
            format: &GENERIC,
            columns: mapping
                .iter()
                .enumerate()
                .filter_map(|(i, f)| f.map(|f| (i, f)))
                .collect(),
            kind: kinds.first().copied(),
        })
    }
}

/// A table with its header found, reading rows into records.
pub(crate) struct Mapper {
    source: Source,
    format: &'static Format,
    plan: Plan,
    /// The header's names as written (a legacy Facebook twin gets `(unique users)`).
    header: Vec<String>,
    header_line: Option<u64>,
    mark: DecimalMark,
    slash: SlashOrder,
    currency: Option<String>,
    draft: Draft,
    records: Records,
    /// Every row, kept for a table the user maps.
    raw: Option<Vec<Row>>,
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
    /// Per planned column: negative values (count, first value, first line).
    negatives: Vec<(u64, f64, u64)>,
    /// Per planned column: Excel-damaged ids (count, first, first line).
    damaged: Vec<(u64, String, u64)>,
    /// Dates without a year (count, first as written, first line).
    yearless: (u64, String, u64),
    short_rows: (u64, u64),
    rate_differs: (u64, u64),
    longest_row: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct SkipReasonKey(u8);

fn key(reason: SkipReason) -> SkipReasonKey {
    SkipReasonKey(reason as u8)
}

/// The finished table: its report and its records, and its rows when the user may map them.
pub struct Table {
    /// What reading it found (language-neutral until localised).
    pub report: TableReport,
    /// The records.
    pub records: Records,
    /// Every row, for a table the user maps.
    pub raw: Option<RawTable>,
}

impl Table {
    /// Whether this is a web analytics table by source, medium or channel.
    pub fn is_traffic_by_source(&self) -> bool {
        self.report.format.kind == Some(RecordKind::Traffic)
            && self.report.mapped.iter().any(|m| {
                matches!(
                    m.field,
                    Field::TrafficSourceMedium
                        | Field::TrafficSource
                        | Field::TrafficMedium
                        | Field::TrafficChannel
                )
            })
    }

    /// Whether this is a web analytics table by day only.
    pub fn is_traffic_by_day(&self) -> bool {
        self.report.format.kind == Some(RecordKind::Traffic)
            && !self.is_traffic_by_source()
            && self
                .report
                .mapped
                .iter()
                .any(|m| m.field == Field::TrafficDate)
    }

    /// Drops the records of a by-day table whose sessions a by-source table of the same file
    /// already counts: its rows are reported as skipped, its totals check kept.
    pub fn drop_as_daily_totals(&mut self) {
        let lines: Vec<u64> = self.records.traffic.iter().map(|t| t.origin.line).collect();
        let count = lines.len() as u64;
        self.records = Records::default();
        let r = &mut self.report;
        r.imported = 0;
        r.records = Default::default();
        if count > 0 {
            r.skipped.push(Skipped {
                reason: SkipReason::DailyTotals,
                label: String::new(),
                count,
                lines: lines.into_iter().take(KEEP_LINES).collect(),
            });
        }
    }
}

/// What is kept of an unrecognised table to apply the user's mapping later.
#[derive(Clone, Debug)]
pub struct RawTable {
    source: Source,
    header: Vec<String>,
    header_line: Option<u64>,
    mark: DecimalMark,
    slash: SlashOrder,
    rows: Vec<Row>,
}

impl RawTable {
    /// The header's names.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Reads the rows again with the user's `mapping` (a field or none per column).
    pub fn apply(&self, mapping: &[Option<Field>]) -> Result<Table, Vec<RecordKind>> {
        let plan = Plan::of_mapping(mapping)?;
        let mut m = Mapper::with_plan(
            self.source.clone(),
            plan,
            self.header.clone(),
            self.header_line,
            self.mark,
            self.slash,
            true,
        );
        for row in &self.rows {
            m.row(row.clone());
        }
        let mut table = m.finish();
        if let Some(offer) = &mut table.report.mapping {
            offer.applied = Some(mapping.to_vec());
        }
        Ok(table)
    }
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
        let mut header: Vec<String> = header_row
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.text().trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        // Legacy Facebook: the description row tells twin columns apart.
        if matches!(
            format.id,
            FormatId::FacebookInsightsPost
                | FormatId::FacebookInsightsPage
                | FormatId::FacebookInsightsVideo
        ) {
            if let Some(first) = probe.first() {
                let d: Vec<String> = first.cells.iter().map(|c| c.text().to_string()).collect();
                if facebook::is_description_row(&d) {
                    facebook::name_twins(&mut header, &d);
                }
            }
        }
        let names: Vec<String> = header.iter().map(|h| norm(h)).collect();
        let list = format.id == FormatId::Generic
            && probe
                .iter()
                .chain(header_row)
                .all(|r| r.cells.iter().filter(|c| !c.is_blank()).count() <= 1);
        let plan = if list {
            // One entrant per line: the list is the entries.
            Plan::of_mapping(&[Some(Field::EntryAuthor)]).unwrap_or(Plan {
                format: &GENERIC,
                columns: Vec::new(),
                kind: None,
            })
        } else {
            Plan::of_format(format, &names)
        };
        let mark = if source.text {
            sniff_mark(&plan, probe, source.delimiter)
        } else {
            DecimalMark::Point
        };
        let slash = sniff_slash(&plan, probe, format.id, mark);
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
        Mapper {
            format: plan.format,
            source,
            header,
            header_line,
            mark,
            slash,
            currency,
            draft: Draft::new(),
            records: Records::default(),
            raw: keep_rows.then(Vec::new),
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
            negatives: vec![(0, 0.0, 0); n],
            damaged: vec![(0, String::new(), 0); n],
            yearless: (0, String::new(), 0),
            short_rows: (0, 0),
            rate_differs: (0, 0),
            longest_row: 0,
            plan,
        }
    }

    /// The format being read.
    pub(crate) fn format(&self) -> &'static Format {
        self.format
    }

    /// Counts a row that is not read, for `reason` (a last row cut by the end of the file).
    pub(crate) fn skip_row(&mut self, line: u64, reason: SkipReason) {
        self.rows += 1;
        self.skip(reason, line);
    }

    /// Reads one row.
    pub(crate) fn row(&mut self, row: Row) {
        if row.cells.iter().all(Cell::is_blank) {
            return;
        }
        self.rows += 1;
        self.longest_row = self.longest_row.max(row.cells.len());
        if self.samples.len() < SAMPLES {
            self.samples
                .push(row.cells.iter().map(|c| c.text().into_owned()).collect());
        }
        if let Some(raw) = &mut self.raw {
            raw.push(row.clone());
        }
        let first = std::mem::replace(&mut self.first_data_row, false);
        let Some(kind) = self.plan.kind else {
            if self.format.id == FormatId::YoutubeChart {
                self.skip(SkipReason::PerVideoDaily, row.line);
            }
            // Otherwise the table waits for the user's mapping.
            return;
        };
        if let Some(reason) = self.quirk(&row, first) {
            if reason == SkipReason::Totals {
                self.totals_row = Some(row.clone());
            }
            self.skip(reason, row.line);
            return;
        }
        let width = self.header.len();
        if width > 0 && row.cells.len() > width && row.cells[width..].iter().any(|c| !c.is_blank())
        {
            let found = row.cells.len();
            self.error(
                Problem::new(
                    Issue::TooManyFields {
                        expected: width,
                        found,
                    },
                    &self.source.name,
                )
                .at_line(row.line),
            );
            self.skip(SkipReason::TooManyFields, row.line);
            return;
        }
        if width > 0 && row.cells.len() < width {
            if self.short_rows.0 == 0 {
                self.short_rows.1 = row.line;
            }
            self.short_rows.0 += 1;
        }
        self.draft.clear();
        let mut bad = false;
        for p in 0..self.plan.columns.len() {
            let (col, field) = self.plan.columns[p];
            let cell = row.cells.get(col).unwrap_or(&Cell::Empty);
            match self.read(cell, field, p, row.line) {
                Ok(Some(v)) => self.draft.set(field, v),
                Ok(None) => {}
                Err(issue) => {
                    let name = self.header.get(col).cloned().unwrap_or_default();
                    self.error(
                        Problem::new(issue, &self.source.name)
                            .at_line(row.line)
                            .at_column(col, &name),
                    );
                    bad = true;
                }
            }
        }
        if bad {
            self.skip(SkipReason::BadValue, row.line);
            return;
        }
        if self.draft.is_empty() {
            self.skip(SkipReason::Blank, row.line);
            return;
        }
        let origin = Origin {
            file: 0,
            line: row.line,
        };
        let network = self.format.network;
        let built = match kind {
            RecordKind::Posts => {
                let mut post = self.draft.post(network, origin);
                match self.format.id {
                    FormatId::XTweetActivity | FormatId::XContent => x::finish_post(&mut post),
                    FormatId::TiktokContent => tiktok::finish_post(&mut post),
                    FormatId::LinkedinContent => linkedin::finish_post(&mut post),
                    _ => {}
                }
                self.check_rate(&post.metrics, row.line);
                self.records.posts.push(post);
                Ok(())
            }
            RecordKind::Daily => self
                .draft
                .daily(network, origin)
                .map(|d| self.records.daily.push(d)),
            RecordKind::Ads => self
                .draft
                .ad(network, self.currency.as_deref(), origin)
                .map(|a| self.records.ads.push(a)),
            RecordKind::Traffic => {
                let t = self.draft.traffic(self.currency.as_deref(), origin);
                self.records.traffic.push(t);
                Ok(())
            }
            RecordKind::Entries => self
                .draft
                .entry(origin)
                .map(|e| self.records.entries.push(e)),
            RecordKind::Messages => self
                .draft
                .message(origin)
                .map(|m| self.records.messages.push(m)),
        };
        match built {
            Ok(()) => {
                self.imported += 1;
                for p in 0..self.plan.columns.len() {
                    let field = self.plan.columns[p].1;
                    if field.value().is_number() {
                        if let Some(v) = self.draft.num(field) {
                            self.sums[p] += v;
                        }
                    }
                }
            }
            Err(field) => {
                let col = self.plan.columns.iter().find(|(_, f)| *f == field);
                let mut problem =
                    Problem::new(Issue::Missing { field }, &self.source.name).at_line(row.line);
                if let Some((c, _)) = col {
                    let name = self.header.get(*c).cloned().unwrap_or_default();
                    problem = problem.at_column(*c, &name);
                }
                self.error(problem);
                self.skip(SkipReason::Missing, row.line);
            }
        }
    }

    /// A row the format's quirks set apart.
    fn quirk(&self, row: &Row, first: bool) -> Option<SkipReason> {
        let cell = |field: Field| {
            self.plan
                .columns
                .iter()
                .find(|(_, f)| *f == field)
                .and_then(|(i, _)| row.cells.get(*i))
                .map(|c| c.text().trim().to_string())
                .unwrap_or_default()
        };
        match self.format.id {
            FormatId::FacebookInsightsPost
            | FormatId::FacebookInsightsPage
            | FormatId::FacebookInsightsVideo
                if first =>
            {
                let cells: Vec<String> = row.cells.iter().map(|c| c.text().to_string()).collect();
                facebook::is_description_row(&cells).then_some(SkipReason::Description)
            }
            FormatId::YoutubeTable => {
                youtube::is_total_row(&cell(Field::PostId)).then_some(SkipReason::Totals)
            }
            FormatId::Ga4 | FormatId::Ua => {
                let dims: Vec<String> = self
                    .plan
                    .columns
                    .iter()
                    .filter(|(_, f)| f.value() == ValueKind::Text || f.value() == ValueKind::Date)
                    .filter_map(|(i, _)| row.cells.get(*i).map(|c| c.text().into_owned()))
                    .collect();
                let dims: Vec<&str> = dims.iter().map(String::as_str).collect();
                let numbers = !cell(Field::TrafficSessions).is_empty();
                analytics::is_total_row(&dims, numbers).then_some(SkipReason::Totals)
            }
            FormatId::FacebookAds => (cell(Field::AdCampaign).is_empty()
                && !cell(Field::AdSpend).is_empty())
            .then_some(SkipReason::Totals),
            _ => None,
        }
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

    fn check_rate(&mut self, m: &crate::model::PostMetrics, line: u64) {
        if let (Some(e), Some(i), Some(rate)) =
            (m.engagements, m.impressions, m.platform_engagement_rate)
        {
            if i > 0.0 && ((e / i) - rate).abs() > 1e-6 * rate.abs().max(1e-3) {
                if self.rate_differs.0 == 0 {
                    self.rate_differs.1 = line;
                }
                self.rate_differs.0 += 1;
            }
        }
    }

    /// Reads `cell` as `field` says; `Ok(None)` for blank or "not applicable".
    fn read(
        &mut self,
        cell: &Cell,
        field: Field,
        p: usize,
        line: u64,
    ) -> Result<Option<Value>, Issue> {
        let kind = field.value();
        match kind {
            ValueKind::Text => Ok(match cell {
                Cell::Empty => None,
                c => {
                    let t = c.text();
                    let t = t.trim();
                    (!t.is_empty()).then(|| Value::Text(decode_entities(t)))
                }
            }),
            ValueKind::Id => {
                let id = match cell {
                    Cell::Empty => return Ok(None),
                    Cell::Number(x) => {
                        let text = if x.fract() == 0.0 && x.abs() < 1e21 {
                            format!("{x:.0}")
                        } else {
                            x.to_string()
                        };
                        if x.abs() >= 9_007_199_254_740_992.0 || x.fract() != 0.0 {
                            self.note_damaged(p, &text, line);
                        }
                        text
                    }
                    c => {
                        let t = c.text().trim().to_string();
                        if looks_excel_damaged(&t) {
                            self.note_damaged(p, &t, line);
                        }
                        t
                    }
                };
                Ok((!id.is_empty()).then_some(Value::Text(id)))
            }
            ValueKind::Count | ValueKind::Money | ValueKind::Hours | ValueKind::Ratio => {
                let value = match cell {
                    Cell::Empty => return Ok(None),
                    Cell::Number(x) => *x,
                    Cell::Text(t) => match number::parse(t, self.mark) {
                        Ok(parsed) if parsed.percent => {
                            if kind == ValueKind::Ratio {
                                parsed.value / 100.0
                            } else {
                                return Err(Issue::UnexpectedPercent { found: t.clone() });
                            }
                        }
                        Ok(parsed) => {
                            if kind == ValueKind::Money && self.currency.is_none() {
                                self.currency = currency_symbol(t);
                            }
                            parsed.value
                        }
                        Err(NumberError::Empty | NumberError::NotApplicable) => return Ok(None),
                        Err(NumberError::Invalid) => {
                            return Err(Issue::ExpectedNumber { found: t.clone() })
                        }
                    },
                    other => {
                        return Err(Issue::ExpectedNumber {
                            found: other.text().into_owned(),
                        })
                    }
                };
                if !value.is_finite() {
                    return Err(Issue::ExpectedNumber {
                        found: cell.text().into_owned(),
                    });
                }
                if value < 0.0 {
                    let n = &mut self.negatives[p];
                    if n.0 == 0 {
                        n.1 = value;
                        n.2 = line;
                    }
                    n.0 += 1;
                }
                Ok(Some(Value::Number(value)))
            }
            ValueKind::DateTime | ValueKind::Date => {
                let dt = match cell {
                    Cell::Empty => return Ok(None),
                    Cell::DateTime(d) => *d,
                    Cell::Number(x) => {
                        let text = format!("{x}");
                        if (20_000.0..=80_000.0).contains(x) {
                            date::from_excel_serial(*x)
                                .ok_or(Issue::ExpectedDate { found: text })?
                        } else {
                            match date::parse(&text, self.slash) {
                                Some(ParsedDate::Full(d)) => d,
                                _ => return Err(Issue::ExpectedDate { found: text }),
                            }
                        }
                    }
                    c => {
                        let t = c.text();
                        let t = t.trim();
                        if t.is_empty() || matches!(t, "-" | "–") {
                            return Ok(None);
                        }
                        match date::parse(t, self.slash) {
                            Some(ParsedDate::Full(d)) => d,
                            Some(ParsedDate::Yearless { month, day, time }) => {
                                let Some((reference, _)) = self.source.reference else {
                                    return Err(Issue::NoYear {
                                        found: t.to_string(),
                                    });
                                };
                                let date = date::resolve_year(month, day, reference).ok_or(
                                    Issue::ExpectedDate {
                                        found: t.to_string(),
                                    },
                                )?;
                                if self.yearless.0 == 0 {
                                    self.yearless.1 = t.to_string();
                                    self.yearless.2 = line;
                                }
                                self.yearless.0 += 1;
                                DateTime {
                                    date,
                                    time,
                                    offset_minutes: None,
                                }
                            }
                            None => {
                                return Err(Issue::ExpectedDate {
                                    found: t.to_string(),
                                })
                            }
                        }
                    }
                };
                Ok(Some(Value::DateTime(dt)))
            }
            ValueKind::Network => {
                let t = cell.text();
                Ok(network_named(&t).map(Value::Network))
            }
            ValueKind::Currency => {
                let t = cell.text();
                let t = t.trim();
                if t.is_empty() {
                    return Ok(None);
                }
                let code = if t.len() == 3 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
                    Some(t.to_ascii_uppercase())
                } else {
                    currency_symbol(t)
                };
                Ok(code.map(Value::Text))
            }
        }
    }

    fn note_damaged(&mut self, p: usize, text: &str, line: u64) {
        let d = &mut self.damaged[p];
        if d.0 == 0 {
            d.1 = text.to_string();
            d.2 = line;
        }
        d.0 += 1;
    }

    /// Ends the table: totals compared, warnings written, the report made.
    pub(crate) fn finish(mut self) -> Table {
        let name = self.source.name.clone();
        let column_name = |m: &Mapper, i: usize| m.header.get(i).cloned().unwrap_or_default();
        // Totals row against our sums.
        let mut totals = Vec::new();
        if let Some(row) = self.totals_row.take() {
            let whole_channel = self.format.id == FormatId::YoutubeTable;
            for p in 0..self.plan.columns.len() {
                let (col, field) = self.plan.columns[p];
                if !field.value().is_number() {
                    continue;
                }
                let cell = row.cells.get(col).cloned().unwrap_or(Cell::Empty);
                let Ok(Some(Value::Number(file_total))) = self.read(&cell, field, p, row.line)
                else {
                    continue;
                };
                let our_sum = tidy(self.sums[p]);
                let agrees = (file_total - our_sum).abs() <= 0.005 + 1e-9 * file_total.abs();
                if let (Some(f), Some(o)) = (Finite::new(file_total), Finite::new(our_sum)) {
                    totals.push(TotalCheck {
                        column: column_name(&self, col),
                        field,
                        file_total: f,
                        our_sum: o,
                        agrees,
                    });
                }
                if !agrees {
                    let col_name = column_name(&self, col);
                    self.warnings.push(
                        Problem::new(
                            Issue::TotalsDiffer {
                                file_total,
                                our_sum,
                                whole_channel,
                            },
                            &name,
                        )
                        .at_line(row.line)
                        .at_column(col, &col_name),
                    );
                }
            }
        }
        for p in 0..self.plan.columns.len() {
            let col = self.plan.columns[p].0;
            let (count, example, line) = self.negatives[p];
            if count > 0 {
                let col_name = column_name(&self, col);
                self.warnings.push(
                    Problem::new(Issue::NegativeValues { count, example }, &name)
                        .at_line(line)
                        .at_column(col, &col_name),
                );
            }
            let (count, example, line) = self.damaged[p].clone();
            if count > 0 {
                let col_name = column_name(&self, col);
                self.warnings.push(
                    Problem::new(Issue::DamagedIds { count, example }, &name)
                        .at_line(line)
                        .at_column(col, &col_name),
                );
            }
        }
        if self.yearless.0 > 0 {
            if let Some((reference, from)) = self.source.reference {
                self.warnings.push(
                    Problem::new(
                        Issue::YearAssumed {
                            count: self.yearless.0,
                            example: self.yearless.1.clone(),
                            reference: reference.to_string(),
                            from,
                        },
                        &name,
                    )
                    .at_line(self.yearless.2),
                );
            }
        }
        // A sheet's row ends at its last filled cell: only text files have short rows.
        if self.short_rows.0 > 0 && self.source.text {
            self.warnings.push(
                Problem::new(
                    Issue::ShortRows {
                        count: self.short_rows.0,
                        expected: self.header.len(),
                    },
                    &name,
                )
                .at_line(self.short_rows.1),
            );
        }
        if self.rate_differs.0 > 0 {
            self.warnings.push(
                Problem::new(
                    Issue::RateDiffers {
                        count: self.rate_differs.0,
                    },
                    &name,
                )
                .at_line(self.rate_differs.1),
            );
        }
        if self.format.id == FormatId::YoutubeChart && self.rows > 0 {
            self.warnings
                .push(Problem::new(Issue::PerVideoDaily, &name));
        }
        let descriptions = self
            .skipped
            .get(&key(SkipReason::Description))
            .map_or(0, |s| s.count);
        if self.rows == descriptions && self.header_line.is_some() {
            self.warnings.push(
                Problem::new(Issue::HeaderOnly, &name).at_line(self.header_line.unwrap_or(1)),
            );
        }
        // A mapped column whose name comes again later: the first is used; say so once.
        let names: Vec<String> = self.header.iter().map(|h| norm(h)).collect();
        for &(col, _) in &self.plan.columns {
            let Some(n) = names.get(col) else {
                continue;
            };
            if !n.is_empty() && names.iter().filter(|x| *x == n).count() > 1 {
                if let Some(twin) = names
                    .iter()
                    .enumerate()
                    .skip(col + 1)
                    .find(|(_, x)| *x == n)
                {
                    let col_name = column_name(&self, twin.0);
                    self.warnings.push(
                        Problem::new(Issue::DuplicateColumn, &name).at_column(twin.0, &col_name),
                    );
                }
            }
        }
        let mapped: Vec<MappedColumn> = self
            .plan
            .columns
            .iter()
            .map(|(i, f)| MappedColumn {
                index: *i,
                column: column_name(&self, *i),
                field: *f,
                label: String::new(),
            })
            .collect();
        let width = self.header.len().max(self.longest_row);
        let ignored: Vec<IgnoredColumn> = (0..self.header.len())
            .filter(|i| !self.plan.columns.iter().any(|(c, _)| c == i))
            .filter(|i| !self.header[*i].trim().is_empty())
            .map(|i| IgnoredColumn {
                index: i,
                column: column_name(&self, i),
            })
            .collect();
        let generic = self.format.id == FormatId::Generic;
        let mapping = generic.then(|| {
            let header: Vec<String> = (0..width)
                .map(|i| self.header.get(i).cloned().unwrap_or_default())
                .collect();
            MappingOffer {
                signature: signature(&header),
                suggested: suggest(&header),
                header,
                samples: self.samples.clone(),
                applied: (!self.plan.columns.is_empty()).then(|| {
                    let mut v = vec![None; width];
                    for (i, f) in &self.plan.columns {
                        if let Some(slot) = v.get_mut(*i) {
                            *slot = Some(*f);
                        }
                    }
                    v
                }),
            }
        });
        let delimiter = self.source.delimiter.map(|d| match d {
            b'\t' => "tab".to_string(),
            crate::table::NO_DELIMITER => "none".to_string(),
            d => (d as char).to_string(),
        });
        let report = TableReport {
            source: name,
            format: FormatInfo {
                id: self.format.id,
                label: String::new(),
                names: self.format.label,
                network: self.format.network,
                kind: self.plan.kind,
            },
            encoding: self.source.encoding,
            delimiter,
            decimal_mark: self.source.text.then_some(self.mark),
            header_line: self.header_line,
            rows: self.rows,
            imported: self.imported,
            records: self.records.counts(),
            mapped,
            ignored,
            skipped: self.skipped.into_values().collect(),
            totals,
            errors: self.errors,
            error_count: self.error_count,
            warnings: self.warnings,
            mapping,
        };
        let raw = self.raw.map(|rows| RawTable {
            source: self.source,
            header: self.header,
            header_line: self.header_line,
            mark: self.mark,
            slash: self.slash,
            rows,
        });
        Table {
            report,
            records: self.records,
            raw,
        }
    }
}

/// A sum without the last-digit noise of binary fractions (`4343.720000000018` → `4343.72`):
/// exports write at most a few decimals.
pub(crate) fn tidy(sum: f64) -> f64 {
    if sum.abs() < 1e12 {
        (sum * 1e6).round() / 1e6
    } else {
        sum
    }
}

/// `1.22158E+17`: what Excel writes for a long id it turned into a number.
fn looks_excel_damaged(text: &str) -> bool {
    let Some((mantissa, exp)) = text.split_once(['E', 'e']) else {
        return false;
    };
    let exp = exp.strip_prefix('+').unwrap_or(exp);
    !mantissa.is_empty()
        && mantissa
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && mantissa.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && !exp.is_empty()
        && exp.bytes().all(|b| b.is_ascii_digit())
}

/// The currency a written amount names: `£0.00` → GBP, `1 250,00 EUR` → EUR.
fn currency_symbol(text: &str) -> Option<String> {
    let t = text.trim();
    for (symbol, code) in [
        ("€", "EUR"),
        ("£", "GBP"),
        ("$", "USD"),
        ("¥", "JPY"),
        ("₹", "INR"),
    ] {
        if t.contains(symbol) {
            return Some(code.to_string());
        }
    }
    let letters: String = t.chars().filter(|c| c.is_ascii_uppercase()).collect();
    (letters.len() == 3).then_some(letters)
}

/// `&amp;` and friends, as X writes them in tweet text.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &tail[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Which mark the numbers of the first rows use: votes of cells that can only be read one way
/// (`1,234.5`, `12,5`, `0.6`), then the delimiter (`;` is Europe's).
fn sniff_mark(plan: &Plan, probe: &[Row], delimiter: Option<u8>) -> DecimalMark {
    let numeric: Vec<usize> = if plan.format.id == FormatId::Generic {
        (0..probe.iter().map(|r| r.cells.len()).max().unwrap_or(0)).collect()
    } else {
        plan.columns
            .iter()
            .filter(|(_, f)| {
                matches!(
                    f.value(),
                    ValueKind::Count | ValueKind::Money | ValueKind::Hours | ValueKind::Ratio
                )
            })
            .map(|(i, _)| *i)
            .collect()
    };
    let (mut point, mut comma) = (0, 0);
    for row in probe {
        for &i in &numeric {
            let Some(Cell::Text(t)) = row.cells.get(i) else {
                continue;
            };
            match vote(t) {
                Some(DecimalMark::Point) => point += 1,
                Some(DecimalMark::Comma) => comma += 1,
                _ => {}
            }
        }
    }
    if point > comma {
        DecimalMark::Point
    } else if comma > point || delimiter == Some(b';') {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// The mark a number can only have been written with, if any.
fn vote(text: &str) -> Option<DecimalMark> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"%€$£+-−".contains(*c))
        .collect();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let (dots, commas) = (t.matches('.').count(), t.matches(',').count());
    let frac_after = |c: char| t.find(c).map(|i| t.len() - i - 1);
    match (dots, commas) {
        (0, 0) => None,
        (1.., 1..) => {
            let last = t.rfind(['.', ','])?;
            Some(if t.as_bytes()[last] == b'.' {
                DecimalMark::Point
            } else {
                DecimalMark::Comma
            })
        }
        (1, 0) => (frac_after('.')? != 3).then_some(DecimalMark::Point),
        (0, 1) => (frac_after(',')? != 3).then_some(DecimalMark::Comma),
        (2.., 0) => Some(DecimalMark::Comma),
        (0, 2..) => Some(DecimalMark::Point),
    }
}

/// How slashed dates order day and month: a first part above 12 says day first, a second
/// above 12 says month first; otherwise platform exports are month first, and a mapped file
/// with decimal commas day first.
fn sniff_slash(plan: &Plan, probe: &[Row], format: FormatId, mark: DecimalMark) -> SlashOrder {
    let dates: Vec<usize> = plan
        .columns
        .iter()
        .filter(|(_, f)| matches!(f.value(), ValueKind::Date | ValueKind::DateTime))
        .map(|(i, _)| *i)
        .collect();
    for row in probe {
        for &i in &dates {
            let Some(Cell::Text(t)) = row.cells.get(i) else {
                continue;
            };
            let parts: Vec<&str> = t.trim().split('/').collect();
            if parts.len() < 3 {
                continue;
            }
            let a: u32 = parts[0].trim().parse().unwrap_or(0);
            let b: u32 = parts[1].trim().parse().unwrap_or(0);
            if a > 12 && b <= 12 {
                return SlashOrder::DayFirst;
            }
            if b > 12 && a <= 12 {
                return SlashOrder::MonthFirst;
            }
        }
    }
    if format == FormatId::Generic && mark == DecimalMark::Comma {
        SlashOrder::DayFirst
    } else {
        SlashOrder::MonthFirst
    }
}

/// A fingerprint of a header, the same for every file with these column names (in order,
/// normalised): 64-bit FNV-1a, in hex.
pub(crate) fn signature(header: &[String]) -> String {
    let mut h = crate::hash::Fnv::new();
    for name in header {
        h.write(norm(name).as_bytes());
        h.write(&[0x1f]);
    }
    format!("{:016x}", h.finish())
}

/// A guess of each column's field from its name, for the mapping step: the kind of record
/// most names point to, and in it each name's field.
pub(crate) fn suggest(header: &[String]) -> Vec<Option<Field>> {
    let names: Vec<String> = header.iter().map(|h| norm(h)).collect();
    let mut best: (usize, Vec<Option<Field>>) = (0, vec![None; header.len()]);
    for kind in RecordKind::ALL {
        let mut used: Vec<Field> = Vec::new();
        let guess: Vec<Option<Field>> = names
            .iter()
            .map(|n| {
                let f = crate::schema::FIELDS
                    .iter()
                    .copied()
                    .filter(|f| f.kind() == kind && !used.contains(f))
                    .find(|f| f.hints().iter().any(|h| h == n))?;
                used.push(f);
                Some(f)
            })
            .collect();
        let score = guess.iter().flatten().count();
        if score > best.0 {
            best = (score, guess);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &lt;3 &#233;t&#xE9; &x; &"),
            "a & b <3 été &x; &"
        );
    }

    #[test]
    fn damaged_ids() {
        assert!(looks_excel_damaged("1.22158E+17"));
        assert!(looks_excel_damaged("1,22158E+17"));
        assert!(!looks_excel_damaged("812369747765362688"));
        assert!(!looks_excel_damaged("-abcE1"));
        assert!(!looks_excel_damaged("E+17"));
    }

    #[test]
    fn votes() {
        assert_eq!(vote("1,234.5"), Some(DecimalMark::Point));
        assert_eq!(vote("1.234,5"), Some(DecimalMark::Comma));
        assert_eq!(vote("12,5 %"), Some(DecimalMark::Comma));
        assert_eq!(vote("0.6%"), Some(DecimalMark::Point));
        assert_eq!(vote("1777.0"), Some(DecimalMark::Point));
        assert_eq!(vote("12,400"), None);
        assert_eq!(vote("1 234,56"), Some(DecimalMark::Comma));
        assert_eq!(vote("abc"), None);
        assert_eq!(vote("2017-04-19"), None);
    }

    #[test]
    fn suggestions() {
        let h: Vec<String> = ["Name", "Comment", "Whatever"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            suggest(&h),
            vec![Some(Field::EntryAuthor), Some(Field::EntryText), None]
        );
        let h: Vec<String> = ["date", "impressions", "reach", "likes"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Posts and days both match every name: the first kind wins.
        assert_eq!(
            suggest(&h),
            vec![
                Some(Field::PostPublished),
                Some(Field::PostImpressions),
                Some(Field::PostReach),
                Some(Field::PostReactions)
            ]
        );
        assert_eq!(
            signature(&h),
            signature(&[
                "Date ".into(),
                "IMPRESSIONS".into(),
                "Reach".into(),
                "Likes".into()
            ])
        );
    }
}
