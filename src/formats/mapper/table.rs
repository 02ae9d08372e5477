//! A finished [`Table`]: its report, its records, and for a table the user may map its rows
//! kept as a [`RawTable`], read again when the mapping comes.

use super::plan::Plan;
use super::Mapper;
use crate::date::SlashOrder;
use crate::model::Records;
use crate::number::DecimalMark;
use crate::schema::{Field, RecordKind};
use crate::table::report::{SkipReason, Skipped, TableReport, KEEP_LINES};
use crate::table::{Row, Source};

/// The finished table: its report and its records, and its rows when the user may map them.
pub struct Table {
    /// What reading it found (language-neutral until localised).
    pub report: TableReport,
    /// The records.
    pub records: Records,
    /// For a table the user maps: its header, and its rows while they fit in memory.
    pub raw: Option<RawTable>,
}

impl Table {
    /// Whether this is a web analytics table by source, medium or channel.
    pub(crate) fn is_traffic_by_source(&self) -> bool {
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
    pub(crate) fn is_traffic_by_day(&self) -> bool {
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
    pub(crate) fn drop_as_daily_totals(&mut self) {
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
    pub(super) source: Source,
    pub(super) header: Vec<String>,
    pub(super) header_line: Option<u64>,
    pub(super) mark: DecimalMark,
    pub(super) slash: SlashOrder,
    pub(super) rows: Vec<Row>,
    /// Whether `rows` holds every row (a large table keeps none: see `RAW_CELLS`).
    pub(super) whole: bool,
}

impl RawTable {
    /// The header's names.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// Whether every row is kept, so [`apply`](RawTable::apply) gives every record; else the
    /// file is read again with the mapping.
    pub fn whole(&self) -> bool {
        self.whole
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
            m.row(row);
        }
        let mut table = m.finish();
        if let Some(offer) = &mut table.report.mapping {
            offer.applied = Some(mapping.to_vec());
        }
        Ok(table)
    }
}
