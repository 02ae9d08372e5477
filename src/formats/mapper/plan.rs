//! Which columns of a table are read into which fields: a known format's names, or the user's
//! mapping; and, for a table the user maps, a guess of each column's field and a fingerprint
//! of its header.

use crate::formats::comments::is_content_address;
use crate::formats::{alias_matches, norm, Format, GENERIC};
use crate::schema::{Field, RecordKind, FIELDS};
use crate::table::Row;

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
                    .find(|(i, n)| !used[*i] && alias_matches(alias, n))
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

    /// The plan of a one-column list: one entrant per line, the list is the entries.
    pub(crate) fn of_list() -> Plan {
        Plan::of_mapping(&[Some(Field::EntryAuthor)]).unwrap_or(Plan {
            format: &GENERIC,
            columns: Vec::new(),
            kind: None,
        })
    }

    /// For a comment export: a profile column whose first filled values are addresses of
    /// posts or comments (`…/p/<post>/c/<comment>/`) is read as the comment's link instead.
    pub(crate) fn with_comment_links(mut self, probe: &[Row]) -> Plan {
        let Some(col) = self.column_of(Field::EntryProfile) else {
            return self;
        };
        let mut values = probe
            .iter()
            .filter_map(|r| r.cells.get(col))
            .map(|c| c.text())
            .filter(|t| !t.trim().is_empty())
            .peekable();
        let content = values.peek().is_some() && values.all(|t| is_content_address(&t));
        if content && self.column_of(Field::EntryLink).is_none() {
            for (_, f) in &mut self.columns {
                if *f == Field::EntryProfile {
                    *f = Field::EntryLink;
                }
            }
        }
        self
    }

    /// The column field `field` is read from, if any.
    pub(crate) fn column_of(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, f)| *f == field)
            .map(|(c, _)| *c)
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
/// most names point to, and in it each name's field. A table with a date and no column that
/// names a post (id, text, link, type) is a table of days: its date is never guessed to be a
/// post's publication time.
pub(crate) fn suggest(header: &[String]) -> Vec<Option<Field>> {
    let names: Vec<String> = header.iter().map(|h| norm(h)).collect();
    let mut best: (usize, Vec<Option<Field>>) = (0, vec![None; header.len()]);
    for kind in RecordKind::ALL {
        let mut used: Vec<Field> = Vec::new();
        let guess: Vec<Option<Field>> = names
            .iter()
            .map(|n| {
                let f = FIELDS
                    .iter()
                    .copied()
                    .filter(|f| f.kind() == kind && !used.contains(f))
                    .find(|f| f.hints().iter().any(|h| h == n))?;
                used.push(f);
                Some(f)
            })
            .collect();
        if kind == RecordKind::Posts && !names_a_post(&guess) {
            continue;
        }
        let score = guess.iter().flatten().count();
        if score > best.0 {
            best = (score, guess);
        }
    }
    best.1
}

/// Whether a guess of post fields holds one that names a post, rather than a day.
fn names_a_post(guess: &[Option<Field>]) -> bool {
    use Field::*;
    let published = guess.contains(&Some(PostPublished));
    !published
        || guess
            .iter()
            .flatten()
            .any(|f| matches!(f, PostId | PostText | PostPermalink | PostKind))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        // A date and counts, nothing that names a post: a table of days.
        assert_eq!(
            suggest(&h),
            vec![
                Some(Field::DailyDate),
                Some(Field::DailyImpressions),
                Some(Field::DailyReach),
                Some(Field::DailyReactions)
            ]
        );
        let with_link: Vec<String> = ["date", "link", "impressions"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            suggest(&with_link),
            vec![
                Some(Field::PostPublished),
                Some(Field::PostPermalink),
                Some(Field::PostImpressions)
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
