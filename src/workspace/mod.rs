//! The files a user dropped, read into one [`Dataset`]: add them (whole, or chunk by chunk),
//! remove them, map the columns of those we do not recognise; the reports say what each gave,
//! and [`Workspace::totals`] what the dataset now holds.
//!
//! A workspace keeps no file's bytes. An unrecognised table keeps its rows while they are
//! few (`RAW_CELLS`), so its mapping applies at once; a larger one keeps samples only, and its
//! mapping, like a stray quote taken as a character, applies when the caller reads the file
//! again: the report's status says `read_again`, and [`Workspace::reread`] then the usual
//! `push` and `finish` do it (the command line reads the file from disk again, the page's
//! worker from the `File` it holds). Memory stays flat in the file's size.
//!
//! ```
//! use social_roi::{ImportOptions, Workspace};
//! let mut ws = Workspace::new(ImportOptions::default());
//! let id = ws.add("Totals.csv", b"Date,Views,Subscribers\n2026-06-01,120,3\n2026-06-02,80,-1\n");
//! assert_eq!(ws.dataset().records.daily.len(), 2);
//! assert_eq!(ws.report(id).unwrap().tables[0].format.id.key(), "youtube-totals");
//! assert!(ws.remove(id));
//! assert!(ws.dataset().records.daily.is_empty());
//! ```

use crate::date::Date;
use crate::formats::mapper::RawTable;
use crate::i18n::Lang;
use crate::import::ImportOptions;
use crate::model::{Dataset, Origin, Records};
use crate::schema::{Field, RecordKind};
use crate::table::report::{Failure, FileReport, Issue, Problem};

mod facts;
mod importer;
mod overlap;
mod recount;
mod totals;
pub use facts::RecordFacts;
pub(crate) use facts::Sentiments;
pub use importer::{import_bytes, Imported, Importer, ReadAgain};
pub use totals::Totals;

/// Why a call on a workspace cannot be done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkspaceError {
    /// No file has this id (removed, or never added).
    NoFile(u32),
    /// The file is still being read (or already read).
    WrongState(u32),
    /// The file has no table with this index.
    NoTable(u32, usize),
    /// This table was recognised: its columns are mapped already.
    NotMappable(u32, usize),
    /// A mapping names a column the table does not have.
    NoColumn(String),
    /// A mapping names a field that does not exist.
    NoField(String),
    /// A mapping's fields belong to several kinds of record.
    MixedKinds(Vec<RecordKind>),
}

impl WorkspaceError {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WorkspaceError::NoFile(id), Lang::En) => format!("file {id}: no such file"),
            (WorkspaceError::NoFile(id), Lang::Fr) => format!("fichier {id}\u{a0}: introuvable"),
            (WorkspaceError::WrongState(id), Lang::En) => {
                format!("file {id}: not being read (finished or never begun)")
            }
            (WorkspaceError::WrongState(id), Lang::Fr) => {
                format!("fichier {id}\u{a0}: pas en cours de lecture (terminé ou jamais commencé)")
            }
            (WorkspaceError::NoTable(id, t), Lang::En) => format!("file {id}: no table {t}"),
            (WorkspaceError::NoTable(id, t), Lang::Fr) => {
                format!("fichier {id}\u{a0}: pas de tableau {t}")
            }
            (WorkspaceError::NotMappable(id, t), Lang::En) => {
                format!("file {id}, table {t}: its format was recognised, its columns are mapped")
            }
            (WorkspaceError::NotMappable(id, t), Lang::Fr) => format!(
                "fichier {id}, tableau {t}\u{a0}: son format est reconnu, ses colonnes sont déjà associées"
            ),
            (WorkspaceError::NoColumn(c), Lang::En) => {
                format!("mapping: expected a column of the table, found \"{c}\"")
            }
            (WorkspaceError::NoColumn(c), Lang::Fr) => {
                format!("association\u{a0}: une colonne du tableau attendue, trouvé «\u{a0}{c}\u{a0}»")
            }
            (WorkspaceError::NoField(f), Lang::En) => {
                format!("mapping: expected a field such as post.impressions, found \"{f}\"")
            }
            (WorkspaceError::NoField(f), Lang::Fr) => format!(
                "association\u{a0}: un champ comme post.impressions attendu, trouvé «\u{a0}{f}\u{a0}»"
            ),
            (WorkspaceError::MixedKinds(kinds), _) => {
                let names: Vec<&str> = kinds.iter().map(|k| k.label(lang)).collect();
                match lang {
                    Lang::En => format!(
                        "mapping: expected fields of one kind of record, found {}",
                        names.join(", ")
                    ),
                    Lang::Fr => format!(
                        "association\u{a0}: des champs d’un seul type d’enregistrement attendus, trouvé {}",
                        names.join(", ")
                    ),
                }
            }
        }
    }
}

enum State {
    Reading(Box<Importer>),
    Done(Box<Done>),
}

struct Done {
    report: FileReport,
    raw: Vec<Option<RawTable>>,
    /// Per table, its index in `Dataset::files`.
    sources: Vec<usize>,
}

struct File {
    id: u32,
    name: String,
    state: State,
    /// What reading it again applies.
    again: ReadAgain,
}

/// The dropped files and the dataset they make.
pub struct Workspace {
    files: Vec<File>,
    next_id: u32,
    dataset: Dataset,
    /// Records not counted: another file's (or line's) copy of them counts instead.
    aside: Records,
    options: ImportOptions,
    /// What each record of the dataset says whatever the analysis asks, kept between
    /// analyses; forgotten whenever the records change.
    facts: RecordFacts,
}

impl Workspace {
    /// An empty workspace; `options.today` places dates that have no year.
    pub fn new(options: ImportOptions) -> Workspace {
        Workspace {
            files: Vec::new(),
            next_id: 1,
            dataset: Dataset::default(),
            aside: Records::default(),
            options,
            facts: RecordFacts::default(),
        }
    }

    /// Sets today's date (for yearless dates in files read from now on).
    pub fn set_today(&mut self, today: Option<Date>) {
        self.options.today = today;
    }

    /// The dataset every read file made: borrow it to compute figures.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The facts kept about each record of the dataset (computed by the first analysis that
    /// reads them, forgotten when a file is added, removed, read again or mapped).
    pub fn facts(&self) -> &RecordFacts {
        &self.facts
    }

    /// Reads ahead of the first analysis in `lang`: about `budget` bytes of the records'
    /// texts more (their sentiments, kept with the facts), so that the analysis reads only
    /// what is left. Returns whether every text is read. Each call takes time in proportion to
    /// `budget` (about 40 ns a byte in WebAssembly): a page calls it while nothing else waits.
    pub fn read_ahead(&self, lang: Lang, budget: usize) -> bool {
        self.facts.read_ahead(&self.dataset.records, lang, budget)
    }

    /// Starts reading a file; returns its id.
    pub fn begin(&mut self, name: &str) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        self.files.push(File {
            id,
            name: name.to_string(),
            state: State::Reading(Box::new(Importer::new(name, self.options))),
            again: ReadAgain::default(),
        });
        id
    }

    /// Starts reading file `id` again, with the mappings and literal quotes asked for since
    /// (its status said `read_again`): its records leave the dataset until `finish`. Push
    /// its bytes as for a new file.
    pub fn reread(&mut self, id: u32) -> Result<(), WorkspaceError> {
        let index = self.index(id)?;
        let file = &self.files[index];
        let State::Done(done) = &file.state else {
            return Err(WorkspaceError::WrongState(id));
        };
        let sources = done.sources.clone();
        let importer = Importer::again(&file.name, self.options, &file.again);
        self.files[index].state = State::Reading(Box::new(importer));
        self.drop_sources(&sources);
        Ok(())
    }

    /// Asks that the quote opening column `column` (1-based) on `line` of file `id` be read
    /// as a character (a stray quote the report placed there): applied when the file is
    /// read again; returns the report, whose status says so.
    pub fn take_quote_literally(
        &mut self,
        id: u32,
        line: u64,
        column: u32,
    ) -> Result<&FileReport, WorkspaceError> {
        let index = self.index(id)?;
        let file = &mut self.files[index];
        let State::Done(done) = &mut file.state else {
            return Err(WorkspaceError::WrongState(id));
        };
        if !file.again.literal_quotes.contains(&(line, column)) {
            file.again.literal_quotes.push((line, column));
        }
        done.report.read_again = true;
        done.report.settle();
        self.report(id)
    }

    /// Reads the next chunk of file `id`.
    pub fn push(&mut self, id: u32, chunk: &[u8]) -> Result<(), WorkspaceError> {
        match &mut self.file_mut(id)?.state {
            State::Reading(importer) => {
                importer.push(chunk);
                Ok(())
            }
            State::Done(_) => Err(WorkspaceError::WrongState(id)),
        }
    }

    /// Ends file `id`: its records join the dataset; returns its report.
    pub fn finish(&mut self, id: u32) -> Result<&FileReport, WorkspaceError> {
        let index = self.index(id)?;
        let placeholder = State::Reading(Box::new(Importer::new("", self.options)));
        let importer = match std::mem::replace(&mut self.files[index].state, placeholder) {
            State::Reading(i) => i,
            done @ State::Done(_) => {
                self.files[index].state = done;
                return Err(WorkspaceError::WrongState(id));
            }
        };
        let imported = importer.finish();
        let report = imported.report;
        let mut sources = Vec::with_capacity(report.tables.len());
        for (table, records) in report.tables.iter().zip(imported.records) {
            let source = self.dataset.files.len();
            self.dataset.files.push(table.source.clone());
            append(&mut self.dataset, records, source);
            sources.push(source);
        }
        self.files[index].state = State::Done(Box::new(Done {
            report,
            raw: imported.raw,
            sources,
        }));
        self.recount();
        self.report(id)
    }

    /// Reads a whole file at once; returns its id.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> u32 {
        let id = self.begin(name);
        // These cannot fail: the file was just begun.
        let _ = self.push(id, bytes);
        let _ = self.finish(id);
        id
    }

    /// Adds the file `name` (of `bytes` bytes) as one that could not be read, for `why`:
    /// what the command line's and the page's watchdogs say of a file whose reader crashed,
    /// ran out of memory or made no progress. Its report says so; returns its id.
    pub fn add_unreadable(&mut self, name: &str, bytes: u64, why: Failure) -> u32 {
        let id = self.next_id;
        self.next_id += 1;
        let mut report = FileReport {
            name: name.to_string(),
            kind: crate::table::report::FileKind::Unknown,
            bytes,
            fingerprint: String::new(),
            status: crate::table::report::Status::Unreadable,
            truncated: false,
            records: Default::default(),
            tables: Vec::new(),
            errors: vec![Problem::new(Issue::ReadFailed { why }, name)],
            warnings: Vec::new(),
            read_again: false,
        };
        report.settle();
        self.files.push(File {
            id,
            name: name.to_string(),
            state: State::Done(Box::new(Done {
                report,
                raw: Vec::new(),
                sources: Vec::new(),
            })),
            again: ReadAgain::default(),
        });
        id
    }

    /// Removes file `id` and its records; `false` if there was none.
    pub fn remove(&mut self, id: u32) -> bool {
        let Ok(index) = self.index(id) else {
            return false;
        };
        let file = self.files.remove(index);
        if let State::Done(done) = file.state {
            self.drop_sources(&done.sources);
            self.recount();
        }
        true
    }

    /// Applies the user's `mapping` to table `table` of file `id` (an unrecognised table):
    /// `(column, field key)` pairs, a column given by its 0-based index or its name. Its
    /// records replace those of the previous mapping; returns the file's report. A table too
    /// large to keep its rows is mapped when the file is read again: the report's status
    /// then says `read_again` (see [`Workspace::reread`]).
    pub fn apply_mapping(
        &mut self,
        id: u32,
        table: usize,
        mapping: &[(String, String)],
    ) -> Result<&FileReport, WorkspaceError> {
        let index = self.index(id)?;
        let State::Done(done) = &self.files[index].state else {
            return Err(WorkspaceError::WrongState(id));
        };
        let raw = match done.raw.get(table) {
            Some(Some(raw)) => raw,
            Some(None) => return Err(WorkspaceError::NotMappable(id, table)),
            None => return Err(WorkspaceError::NoTable(id, table)),
        };
        let width = done.report.tables[table]
            .mapping
            .as_ref()
            .map_or(raw.header().len(), |m| m.header.len());
        let fields = mapping_fields(raw.header(), width, mapping)?;
        let new = raw.apply(&fields).map_err(WorkspaceError::MixedKinds)?;
        let whole = raw.whole();
        let again = &mut self.files[index].again;
        again.mappings.retain(|(t, _)| *t != table);
        again.mappings.push((table, fields));
        if !whole {
            let State::Done(done) = &mut self.files[index].state else {
                return Err(WorkspaceError::WrongState(id));
            };
            done.report.read_again = true;
            done.report.settle();
            return self.report(id);
        }
        let State::Done(done) = &self.files[index].state else {
            return Err(WorkspaceError::WrongState(id));
        };
        let source = done.sources[table];
        // Replace the table's records: drop the old ones, append the new under the same source.
        remove_records(&mut self.dataset.records, &[source]);
        remove_records(&mut self.aside, &[source]);
        append(&mut self.dataset, new.records, source);
        let State::Done(done) = &mut self.files[index].state else {
            return Err(WorkspaceError::WrongState(id));
        };
        done.report.tables[table] = new.report;
        done.report.settle();
        self.recount();
        self.report(id)
    }

    /// The report of file `id` (language-neutral; see [`FileReport::localized`]).
    pub fn report(&self, id: u32) -> Result<&FileReport, WorkspaceError> {
        match &self.files[self.index(id)?].state {
            State::Done(d) => Ok(&d.report),
            State::Reading(_) => Err(WorkspaceError::WrongState(id)),
        }
    }

    /// Every finished file's id and report, in the order they were added.
    pub fn reports(&self) -> Vec<(u32, &FileReport)> {
        self.files
            .iter()
            .filter_map(|f| match &f.state {
                State::Done(d) => Some((f.id, &d.report)),
                State::Reading(_) => None,
            })
            .collect()
    }

    /// What the dataset holds: counts, and sums per kind of record and network.
    /// Kept with the facts (forgotten when the records change): the Files and Analysis tabs
    /// ask for them after every change, and adding up 200k posts takes tens of milliseconds.
    pub fn totals(&self, lang: Lang) -> Totals {
        let tables = self.reports().len();
        let key = (
            lang,
            tables,
            (self.dataset.records.counts(), self.aside.counts()),
            self.dataset.files.clone(),
        );
        self.facts.kept(key, || {
            totals::totals(&self.dataset, &self.aside, tables, lang)
        })
    }

    fn index(&self, id: u32) -> Result<usize, WorkspaceError> {
        self.files
            .iter()
            .position(|f| f.id == id)
            .ok_or(WorkspaceError::NoFile(id))
    }

    fn file_mut(&mut self, id: u32) -> Result<&mut File, WorkspaceError> {
        let i = self.index(id)?;
        Ok(&mut self.files[i])
    }

    /// Removes the sources (entries of `Dataset::files`) and their records, and renumbers
    /// the others.
    fn drop_sources(&mut self, gone: &[usize]) {
        self.facts = RecordFacts::default();
        remove_records(&mut self.dataset.records, gone);
        remove_records(&mut self.aside, gone);
        let old = std::mem::take(&mut self.dataset.files);
        let mut new_index = vec![usize::MAX; old.len()];
        for (i, name) in old.into_iter().enumerate() {
            if !gone.contains(&i) {
                new_index[i] = self.dataset.files.len();
                self.dataset.files.push(name);
            }
        }
        let renumber = |o: &mut Origin| {
            if let Some(&n) = new_index.get(o.file) {
                o.file = n;
            }
        };
        for_each_origin(&mut self.dataset.records, renumber);
        for_each_origin(&mut self.aside, renumber);
        for f in &mut self.files {
            if let State::Done(done) = &mut f.state {
                for s in &mut done.sources {
                    if let Some(&n) = new_index.get(*s) {
                        *s = n;
                    }
                }
            }
        }
    }
}

/// A field or none per column of a table of `width` columns named `header`, from the user's
/// `(column, field key)` pairs (a column by its 0-based index or its name).
fn mapping_fields(
    header: &[String],
    width: usize,
    mapping: &[(String, String)],
) -> Result<Vec<Option<Field>>, WorkspaceError> {
    let mut fields: Vec<Option<Field>> = vec![None; width];
    for (column, key) in mapping {
        let key = key.trim();
        if key.is_empty() {
            continue;
        }
        let field = Field::from_key(key).ok_or_else(|| WorkspaceError::NoField(key.to_string()))?;
        let col = column
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|&i| i < width)
            .or_else(|| header.iter().position(|h| h == column))
            .ok_or_else(|| WorkspaceError::NoColumn(column.clone()))?;
        fields[col] = Some(field);
    }
    Ok(fields)
}

/// Calls `f` on the origin of every record.
fn for_each_origin(r: &mut Records, mut f: impl FnMut(&mut Origin)) {
    r.posts.for_each_origin(&mut f);
    r.daily.iter_mut().for_each(|x| f(&mut x.origin));
    r.ads.iter_mut().for_each(|x| f(&mut x.origin));
    r.traffic.iter_mut().for_each(|x| f(&mut x.origin));
    r.entries.for_each_origin(&mut f);
    r.messages.iter_mut().for_each(|x| f(&mut x.origin));
    r.search.iter_mut().for_each(|x| f(&mut x.origin));
}

/// Adds the records of one table to the dataset, as from its source `source`.
fn append(d: &mut Dataset, mut r: Records, source: usize) {
    for_each_origin(&mut r, |o| o.file = source);
    d.records.posts.append(std::mem::take(&mut r.posts));
    d.records.daily.append(&mut r.daily);
    d.records.ads.append(&mut r.ads);
    d.records.traffic.append(&mut r.traffic);
    d.records.entries.append(std::mem::take(&mut r.entries));
    d.records.messages.append(&mut r.messages);
    d.records.search.append(&mut r.search);
}

/// Removes the records of the sources `sources`.
fn remove_records(r: &mut Records, sources: &[usize]) {
    let keep = |file: usize| !sources.contains(&file);
    r.posts.retain(|o| keep(o.file));
    r.daily.retain(|x| keep(x.origin.file));
    r.ads.retain(|x| keep(x.origin.file));
    r.traffic.retain(|x| keep(x.origin.file));
    r.entries.retain(|o| keep(o.file));
    r.messages.retain(|x| keep(x.origin.file));
    r.search.retain(|x| keep(x.origin.file));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Network;

    fn ws() -> Workspace {
        Workspace::new(ImportOptions {
            today: Date::new(2026, 11, 21),
        })
    }

    #[test]
    fn chunks_add_up_and_files_come_and_go() {
        let mut ws = ws();
        let a = ws.begin("Overview.csv");
        ws.push(a, b"\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n\"April 12\",\"10\",\"1\",\"2\",\"0\",\"1\"\n").unwrap();
        ws.push(a, b"\"April 13\",\"5\",\"\",\"1\",\"-1\",\"0\"\n")
            .unwrap();
        let report = ws.finish(a).unwrap();
        assert_eq!(report.tables[0].imported, 2);
        assert_eq!(ws.finish(a), Err(WorkspaceError::WrongState(a)));
        let b = ws.add("Totals.csv", b"Date,Views\n2026-06-01,7\n");
        assert_eq!(ws.dataset().files, ["Overview.csv", "Totals.csv"]);
        assert_eq!(ws.dataset().records.daily.len(), 3);
        assert_eq!(ws.dataset().records.daily[2].origin.file, 1);
        assert!(ws.remove(a));
        assert!(!ws.remove(a));
        assert_eq!(ws.dataset().files, ["Totals.csv"]);
        assert_eq!(ws.dataset().records.daily.len(), 1);
        assert_eq!(ws.dataset().records.daily[0].origin.file, 0);
        let t = ws.totals(Lang::En);
        assert_eq!(t.records.daily, 1);
        let g = &t.groups[0];
        assert_eq!(
            (g.kind, g.network, g.records),
            (RecordKind::Daily, Network::YouTube, 1)
        );
        assert_eq!(g.sums[0].field, Field::DailyViews);
        assert_eq!(g.sums[0].sum.get(), 7.0);
        assert_eq!(ws.push(b, b"x"), Err(WorkspaceError::WrongState(b)));
        assert_eq!(ws.push(99, b"x"), Err(WorkspaceError::NoFile(99)));
    }

    #[test]
    fn mapping_an_unknown_file() {
        let mut ws = ws();
        let id = ws.add("inbox.csv", b"Opened;Answered;Where\n01/02/2026 09:00;01/02/2026 10:30;Instagram\n02/02/2026 11:00;;Facebook\n");
        let r = ws.report(id).unwrap();
        let offer = r.tables[0].mapping.as_ref().unwrap();
        assert_eq!(offer.header, ["Opened", "Answered", "Where"]);
        assert!(offer.applied.is_none());
        assert_eq!(r.status, crate::table::report::Status::NeedsMapping);
        let mapping = [
            ("0".to_string(), "message.received".to_string()),
            ("Answered".to_string(), "message.replied".to_string()),
            ("2".to_string(), "message.channel".to_string()),
        ];
        let r = ws.apply_mapping(id, 0, &mapping).unwrap();
        assert_eq!(r.tables[0].imported, 2);
        let m = &ws.dataset().records.messages;
        assert_eq!(m.len(), 2);
        // Day first: a file with decimal commas and semicolons is European.
        assert_eq!(m[0].received.to_string(), "2026-02-01T09:00:00");
        assert_eq!(
            m[0].replied.map(|d| d.to_string()).as_deref(),
            Some("2026-02-01T10:30:00")
        );
        assert_eq!(m[1].replied, None);
        // Mapping again replaces the records.
        let r = ws.apply_mapping(id, 0, &mapping[..1]).unwrap();
        assert_eq!(r.tables[0].imported, 2);
        assert_eq!(ws.dataset().records.messages.len(), 2);
        assert_eq!(ws.dataset().records.messages[0].replied, None);
        let mixed = [
            ("0".to_string(), "message.received".to_string()),
            ("1".to_string(), "post.id".to_string()),
        ];
        assert!(matches!(
            ws.apply_mapping(id, 0, &mixed),
            Err(WorkspaceError::MixedKinds(_))
        ));
        let bad = [("9".to_string(), "message.received".to_string())];
        assert!(matches!(
            ws.apply_mapping(id, 0, &bad),
            Err(WorkspaceError::NoColumn(_))
        ));
        let bad = [("0".to_string(), "message.nope".to_string())];
        assert!(matches!(
            ws.apply_mapping(id, 0, &bad),
            Err(WorkspaceError::NoField(_))
        ));
    }

    /// Pushes `bytes` into file `id` again after `reread`, and finishes it.
    fn read_again(ws: &mut Workspace, id: u32, bytes: &[u8]) -> FileReport {
        ws.reread(id).unwrap();
        for chunk in bytes.chunks(100_000) {
            ws.push(id, chunk).unwrap();
        }
        ws.finish(id).unwrap().clone()
    }

    #[test]
    fn a_large_table_is_mapped_by_reading_it_again() {
        let mut ws = ws();
        let mut csv = String::from("Opened;Answered;Where\n");
        for i in 0..100_000 {
            csv.push_str(&format!("01/02/2026 09:00;;Instagram {i}\n"));
        }
        let id = ws.add("inbox.csv", csv.as_bytes());
        let mapping = [
            ("0".to_string(), "message.received".to_string()),
            ("2".to_string(), "message.channel".to_string()),
        ];
        let r = ws.apply_mapping(id, 0, &mapping).unwrap();
        assert_eq!(r.status, crate::table::report::Status::ReadAgain);
        assert!(ws.dataset().records.messages.is_empty());
        let r = read_again(&mut ws, id, csv.as_bytes());
        assert_eq!(r.tables[0].imported, 100_000);
        assert!(r.tables[0].mapping.as_ref().unwrap().applied.is_some());
        assert_eq!(ws.dataset().records.messages.len(), 100_000);
        assert_eq!(ws.dataset().files, ["inbox.csv"]);
    }

    #[test]
    fn a_stray_quote_is_read_as_a_character_when_asked() {
        let mut ws = ws();
        let mut csv = String::from("Date,Views,Subscribers\n");
        for i in 1..=20 {
            let views = if i == 5 {
                "\"12".to_string()
            } else {
                i.to_string()
            };
            csv.push_str(&format!("2026-06-{i:02},{views},1\n"));
        }
        let id = ws.add("Totals.csv", csv.as_bytes());
        let r = ws.report(id).unwrap();
        let w = r.warnings.iter().find(|w| w.code == "open_quote").unwrap();
        assert_eq!((w.line, w.column), (Some(6), Some(2)));
        assert_eq!(ws.dataset().records.daily.len(), 4);
        let r = ws.take_quote_literally(id, 6, 2).unwrap();
        assert_eq!(r.status, crate::table::report::Status::ReadAgain);
        let r = read_again(&mut ws, id, csv.as_bytes());
        assert!(r.warnings.iter().all(|w| w.code != "open_quote"), "{r:?}");
        // The value with the quote is an error of its own; every other row is read.
        assert_eq!(ws.dataset().records.daily.len(), 19);
    }

    #[test]
    fn the_same_file_twice_is_flagged() {
        let mut ws = ws();
        ws.add("a.csv", b"Date,Views\n2026-06-01,7\n");
        let b = ws.add("Totals.csv", b"Date,Views\n2026-06-01,7\n");
        let r = ws.report(b).unwrap();
        assert!(r.warnings.iter().any(|w| w.code == "duplicate_file"));
    }
}
