//! After every change of the workspace (a file read, removed, or mapped again): the same
//! file added twice is said so and its records set aside, every record is counted once
//! ([`overlap`](super::overlap)), and each table's report says what it shares with which.

use super::overlap::{self, Overlap, Tables};
use super::{RecordFacts, State, Workspace};
use crate::hash::Fnv;
use crate::schema::RecordKind;
use crate::table::report::{FileReport, Issue, Problem};
use std::collections::HashMap;

/// The codes of the warnings the recount writes (and rewrites each time).
const CODES: [&str; 3] = ["duplicate_file", "overlap", "repeated"];

/// The tables of a workspace, as the recount sees them.
struct View<'a> {
    names: &'a [String],
    masks: HashMap<(usize, RecordKind), u64>,
    copies: Vec<bool>,
}

impl Tables for View<'_> {
    fn name(&self, source: usize) -> &str {
        self.names.get(source).map_or("", String::as_str)
    }

    fn mask(&self, source: usize, kind: RecordKind) -> u64 {
        self.masks.get(&(source, kind)).copied().unwrap_or(0)
    }

    fn copy(&self, source: usize) -> bool {
        self.copies.get(source).copied().unwrap_or(false)
    }

    fn len(&self) -> usize {
        self.names.len()
    }
}

impl Workspace {
    /// Counts every record once and rewrites what the reports say of it.
    pub(super) fn recount(&mut self) {
        // Every change of the records ends here: the facts kept about them are forgotten.
        self.facts = RecordFacts::default();
        let copies = self.copies();
        let view = View {
            names: &self.dataset.files,
            masks: self.masks(),
            copies: self.copied_sources(&copies),
        };
        let overlaps = overlap::recount(&mut self.dataset.records, &mut self.aside, &view);
        let names = self.dataset.files.clone();
        for (file, copy_of) in self.files.iter_mut().zip(copies) {
            let State::Done(done) = &mut file.state else {
                continue;
            };
            say(&mut done.report, &done.sources, copy_of, &overlaps, &names);
        }
    }

    /// Per file, the name of the earlier file it is a copy of (the same bytes), if any.
    fn copies(&self) -> Vec<Option<String>> {
        let done: Vec<Option<(&str, &FileReport)>> = self
            .files
            .iter()
            .map(|f| match &f.state {
                State::Done(d) => Some((f.name.as_str(), &d.report)),
                State::Reading(_) => None,
            })
            .collect();
        (0..done.len())
            .map(|j| {
                let (_, r) = done[j].filter(|(_, r)| r.bytes > 0)?;
                let same = |o: &&(&str, &FileReport)| {
                    o.1.fingerprint == r.fingerprint && o.1.bytes == r.bytes
                };
                let (name, _) = done[..j].iter().flatten().find(same)?;
                Some(name.to_string())
            })
            .collect()
    }

    /// Per table of the dataset, whether its file is a copy.
    fn copied_sources(&self, copies: &[Option<String>]) -> Vec<bool> {
        let mut out = vec![false; self.dataset.files.len()];
        for (file, copy) in self.files.iter().zip(copies) {
            let State::Done(done) = &file.state else {
                continue;
            };
            for &s in &done.sources {
                if let Some(x) = out.get_mut(s) {
                    *x = copy.is_some();
                }
            }
        }
        out
    }

    /// Per table and kind of record, a hash of the fields its columns give.
    fn masks(&self) -> HashMap<(usize, RecordKind), u64> {
        let mut out = HashMap::new();
        for file in &self.files {
            let State::Done(done) = &file.state else {
                continue;
            };
            for (table, &source) in done.report.tables.iter().zip(&done.sources) {
                let mut fields: Vec<_> = table.mapped.iter().map(|m| m.field).collect();
                fields.sort_by_key(|f| f.index());
                fields.dedup();
                for kind in RecordKind::ALL {
                    let mut h = Fnv::new();
                    for f in fields.iter().filter(|f| f.kind() == kind) {
                        h.write(f.key().as_bytes());
                        h.write(b";");
                    }
                    out.insert((source, kind), h.finish());
                }
            }
        }
        out
    }
}

/// Rewrites what `report` says of copies and overlaps: `sources` are its tables' indices in
/// the dataset, `copy_of` the file it repeats, `names` the dataset's table names.
fn say(
    report: &mut FileReport,
    sources: &[usize],
    copy_of: Option<String>,
    overlaps: &[Overlap],
    names: &[String],
) {
    report.warnings.retain(|w| !CODES.contains(&w.code));
    if let Some(other) = copy_of {
        let p = Problem::new(Issue::DuplicateFile { other }, &report.name);
        report.warnings.push(p);
    }
    for (table, &source) in report.tables.iter_mut().zip(sources) {
        table.warnings.retain(|w| !CODES.contains(&w.code));
        for o in overlaps.iter().filter(|o| o.source == source) {
            let issue = match o.other {
                Some(other) => Issue::Overlap {
                    kind: o.kind,
                    count: o.count,
                    other: names.get(other).cloned().unwrap_or_default(),
                    ours: o.ours,
                    why: o.why,
                },
                None => Issue::Repeated {
                    kind: o.kind,
                    count: o.count,
                    lines: o.lines.clone(),
                    why: o.why,
                },
            };
            table.warnings.push(Problem::new(issue, &table.source));
        }
    }
    report.settle();
}
