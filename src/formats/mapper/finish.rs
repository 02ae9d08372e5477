//! The end of a table: its totals row checked against the sums of what was imported, the
//! warnings its rows left (negative counts, damaged ids, assumed years, short rows, …), and
//! its report.

use super::plan::{signature, suggest};
use super::table::{RawTable, Table};
use super::{key, Mapper};
use crate::finite::Finite;
use crate::formats::fields::Value;
use crate::formats::norm;
use crate::number::tidy;
use crate::schema::FormatId;
use crate::table::report::{
    FormatInfo, IgnoredColumn, Issue, MappedColumn, MappingOffer, Problem, SkipReason, TableReport,
    TotalCheck,
};
use crate::table::{RowCells, NO_DELIMITER};

impl Mapper {
    /// Ends the table: totals compared, warnings written, the report made.
    pub(crate) fn finish(mut self) -> Table {
        let totals = self.check_totals();
        self.warn_columns();
        self.warn_rows();
        self.warn_duplicate_columns();
        self.into_table(totals)
    }

    /// The totals row against the sums of what was imported, column by column; a warning for
    /// each that differs.
    fn check_totals(&mut self) -> Vec<TotalCheck> {
        let mut totals = Vec::new();
        let Some(row) = self.totals_row.take() else {
            return totals;
        };
        let whole_channel = self.format.id == FormatId::YoutubeTable;
        for p in 0..self.plan.columns.len() {
            let (col, field) = self.plan.columns[p];
            if !field.adds_up() {
                continue;
            }
            let cell = row.cell(col);
            let Ok(Some(Value::Number(file_total))) = self.cells.read(&cell, field, p, row.line)
            else {
                continue;
            };
            let our_sum = tidy(self.sums[p]);
            let agrees = (file_total - our_sum).abs() <= 0.005 + 1e-9 * file_total.abs();
            if let (Some(f), Some(o)) = (Finite::new(file_total), Finite::new(our_sum)) {
                totals.push(TotalCheck {
                    column: self.column_name(col),
                    field,
                    file_total: f,
                    our_sum: o,
                    agrees,
                });
            }
            if !agrees {
                let issue = Issue::TotalsDiffer {
                    file_total,
                    our_sum,
                    whole_channel,
                };
                let problem = Problem::new(issue, &self.source.name)
                    .at_line(row.line)
                    .at_column(col, &self.column_name(col));
                self.warnings.push(problem);
            }
        }
        totals
    }

    /// Per planned column: its negative values, its damaged ids.
    fn warn_columns(&mut self) {
        for p in 0..self.plan.columns.len() {
            let col = self.plan.columns[p].0;
            let negatives = &self.cells.negatives[p];
            if negatives.count > 0 {
                let issue = Issue::NegativeValues {
                    count: negatives.count,
                    example: negatives.first,
                };
                let problem = Problem::new(issue, &self.source.name)
                    .at_line(negatives.line)
                    .at_column(col, &self.column_name(col));
                self.warnings.push(problem);
            }
            let damaged = &self.cells.damaged[p];
            if damaged.count > 0 {
                let issue = Issue::DamagedIds {
                    count: damaged.count,
                    example: damaged.first.clone(),
                };
                let problem = Problem::new(issue, &self.source.name)
                    .at_line(damaged.line)
                    .at_column(col, &self.column_name(col));
                self.warnings.push(problem);
            }
        }
    }

    /// What the rows left: years assumed, short rows, engagement rates that differ, a
    /// per-video chart, a header with no rows.
    fn warn_rows(&mut self) {
        let name = self.source.name.clone();
        let yearless = &self.cells.yearless;
        if yearless.count > 0 {
            if let Some((reference, from)) = self.source.reference {
                let issue = Issue::YearAssumed {
                    count: yearless.count,
                    example: yearless.first.clone(),
                    reference: reference.to_string(),
                    from,
                };
                let problem = Problem::new(issue, &name).at_line(yearless.line);
                self.warnings.push(problem);
            }
        }
        let placeholders = &self.cells.placeholders;
        if placeholders.count > 0 {
            let issue = Issue::NotCountedYet {
                count: placeholders.count,
                example: placeholders.first.clone(),
            };
            let problem = Problem::new(issue, &name).at_line(placeholders.line);
            self.warnings.push(problem);
        }
        // A sheet's row ends at its last filled cell: only text files have short rows.
        if self.short_rows.count > 0 && self.source.text {
            let issue = Issue::ShortRows {
                count: self.short_rows.count,
                expected: self.header.len(),
            };
            let problem = Problem::new(issue, &name).at_line(self.short_rows.line);
            self.warnings.push(problem);
        }
        if self.rate_differs.count > 0 {
            let issue = Issue::RateDiffers {
                count: self.rate_differs.count,
            };
            let problem = Problem::new(issue, &name).at_line(self.rate_differs.line);
            self.warnings.push(problem);
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
    }

    /// A mapped column whose name comes again later: the first is used; say so once.
    fn warn_duplicate_columns(&mut self) {
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
                    let problem = Problem::new(Issue::DuplicateColumn, &self.source.name)
                        .at_column(twin.0, &self.column_name(twin.0));
                    self.warnings.push(problem);
                }
            }
        }
    }

    /// The report, the records, and the rows kept for the mapping step.
    fn into_table(self, totals: Vec<TotalCheck>) -> Table {
        let format = FormatInfo {
            id: self.format.id,
            label: String::new(),
            names: self.format.label,
            network: self.format.network,
            kind: self.plan.kind,
            follower_list: self.format.id.is_follower_list(),
        };
        let delimiter = self.delimiter_name();
        let mapped = self.mapped_columns();
        let ignored = self.ignored_columns();
        let mapping = self.mapping_offer();
        let report = TableReport {
            source: self.source.name.clone(),
            format,
            encoding: self.source.encoding,
            delimiter,
            decimal_mark: self.source.text.then_some(self.cells.mark),
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
            mark: self.cells.mark,
            slash: self.cells.slash,
            rows,
            whole: self.raw_whole,
        });
        Table {
            report,
            records: self.records,
            raw,
        }
    }

    /// How the report names the delimiter: `tab`, `none` (one column), or itself.
    fn delimiter_name(&self) -> Option<String> {
        self.source.delimiter.map(|d| match d {
            b'\t' => "tab".to_string(),
            NO_DELIMITER => "none".to_string(),
            d => (d as char).to_string(),
        })
    }

    fn mapped_columns(&self) -> Vec<MappedColumn> {
        self.plan
            .columns
            .iter()
            .map(|(i, f)| MappedColumn {
                index: *i,
                column: self.column_name(*i),
                field: *f,
                label: String::new(),
            })
            .collect()
    }

    /// The named columns no field is read from.
    fn ignored_columns(&self) -> Vec<IgnoredColumn> {
        (0..self.header.len())
            .filter(|i| !self.plan.columns.iter().any(|(c, _)| c == i))
            .filter(|i| !self.header[*i].trim().is_empty())
            .map(|i| IgnoredColumn {
                index: i,
                column: self.column_name(i),
            })
            .collect()
    }

    /// For an unrecognised table: its columns, samples, a guess of their fields, and the
    /// mapping applied if any.
    fn mapping_offer(&self) -> Option<MappingOffer> {
        if self.format.id != FormatId::Generic {
            return None;
        }
        let width = self.header.len().max(self.longest_row);
        let header: Vec<String> = (0..width).map(|i| self.column_name(i)).collect();
        let applied = (!self.plan.columns.is_empty()).then(|| {
            let mut v = vec![None; width];
            for (i, f) in &self.plan.columns {
                if let Some(slot) = v.get_mut(*i) {
                    *slot = Some(*f);
                }
            }
            v
        });
        Some(MappingOffer {
            signature: signature(&header),
            suggested: suggest(&header),
            header,
            samples: self.samples.clone(),
            applied,
        })
    }
}
