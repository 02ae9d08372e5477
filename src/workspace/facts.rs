//! What each record says whatever the analysis asks: facts that depend on the record alone,
//! computed once per record and kept for every later analysis (a preset switch, an option
//! changed, the report's periods) until the dataset changes.
//!
//! Today the sentiment of every text (posts', comments', inbox messages'): most of what an
//! analysis used to spend on 200k posts. It is computed at the first analysis that reads it,
//! not when the file is read (the import stays as fast as it was), for the report's language
//! (the estimate reads a text in that language when its words do not say which), and kept as
//! eight bytes per record. The [`Workspace`](super::Workspace) forgets them whenever its records
//! change (a file added, removed, read again or mapped). A page may read them ahead, a slice
//! at a time while it waits for the user ([`RecordFacts::read_ahead`]): the first analysis
//! then reads only what is left.
//!
//! Beside them, the last aggregate of each kind a layer above asks to keep ([`RecordFacts::kept`],
//! keyed by the options it depends on): the analysis keeps its reputation figures, which no
//! engagement definition changes, so a preset switch does not compute them again, and its
//! last summary, so the same analysis asked again (prepared ahead by the page) is a copy.

use crate::i18n::Lang;
use crate::model::Records;
use crate::sentiment::{Polarity, Reader, Sentiment, THRESHOLD};
use std::any::Any;
use std::borrow::Cow;
use std::sync::{Mutex, OnceLock};

/// Facts kept about each record of a dataset, computed on first use.
#[derive(Debug, Default)]
pub struct RecordFacts {
    /// Per report language (English, French): the sentiment of each text.
    sentiments: [OnceLock<Sentiments>; 2],
    /// Per report language: the sentiments read ahead so far ([`RecordFacts::read_ahead`]),
    /// the records' first texts, until all are read, and the reader that read them (it
    /// remembers the words it met: the next slice reads them again at one lookup each).
    ahead: [Mutex<Ahead>; 2],
    /// Aggregates a layer above keeps with these records: the last of each type computed,
    /// with the key (the options) it was computed under. See [`RecordFacts::kept`].
    aggregates: Mutex<Vec<Box<dyn Any + Send>>>,
}

/// What [`RecordFacts::read_ahead`] has read so far, and its reader.
#[derive(Debug, Default)]
struct Ahead {
    read: Sentiments,
    reader: Reader,
}

/// One kept aggregate: the key it was computed under and its value.
struct Aggregate<K, V> {
    key: K,
    value: V,
}

/// The sentiment of each text of a dataset, by record: a post's text, a comment's, an inbox
/// message's (a record without a text has a neutral one, never read).
#[derive(Clone, Debug, Default)]
pub(crate) struct Sentiments {
    posts: Vec<Packed>,
    entries: Vec<Packed>,
    messages: Vec<Packed>,
}

/// A [`Sentiment`] in eight bytes: its score is an `f32` widened (the estimate sums `f32`s),
/// its polarity follows from the score.
#[derive(Clone, Copy, Debug, Default)]
struct Packed {
    score: f32,
    french: bool,
}

impl Packed {
    fn of(s: Sentiment) -> Packed {
        Packed {
            score: s.score as f32,
            french: s.lang == Lang::Fr,
        }
    }

    fn get(self) -> Sentiment {
        let score = f64::from(self.score);
        Sentiment {
            polarity: if score >= THRESHOLD {
                Polarity::Positive
            } else if score <= -THRESHOLD {
                Polarity::Negative
            } else {
                Polarity::Neutral
            },
            score,
            lang: if self.french { Lang::Fr } else { Lang::En },
        }
    }
}

impl Sentiments {
    /// Reads every text of `records` as the estimate does, `hint` for the texts whose words
    /// do not say their language.
    fn of(records: &Records, hint: Lang) -> Sentiments {
        let mut all = Sentiments::default();
        all.read_more(records, hint, usize::MAX, &mut Reader::default());
        all
    }

    /// Reads the texts of `records` after those read already, in order (posts, comments,
    /// messages), with `reader`, until about `budget` bytes of text are read; whether every
    /// text is read.
    fn read_more(
        &mut self,
        records: &Records,
        hint: Lang,
        budget: usize,
        reader: &mut Reader,
    ) -> bool {
        let mut left = budget;
        let posts = records.posts.iter().skip(self.posts.len());
        let entries = records.entries.iter().skip(self.entries.len());
        let messages = records.messages.iter().skip(self.messages.len());
        let mut more = |out: &mut Vec<Packed>, texts: &mut dyn Iterator<Item = Option<&str>>| {
            fill(out, texts, reader, hint, &mut left)
        };
        more(&mut self.posts, &mut posts.map(|p| p.text()))
            && more(&mut self.entries, &mut entries.map(|e| Some(e.text())))
            && more(&mut self.messages, &mut messages.map(|m| m.text.as_deref()))
    }

    /// Whether these were read from records of these sizes.
    fn fits(&self, records: &Records) -> bool {
        self.posts.len() == records.posts.len()
            && self.entries.len() == records.entries.len()
            && self.messages.len() == records.messages.len()
    }

    /// The sentiment of post `i`'s text.
    pub(crate) fn post(&self, i: usize) -> Sentiment {
        self.posts.get(i).copied().unwrap_or_default().get()
    }

    /// The sentiment of comment `i`'s text.
    pub(crate) fn entry(&self, i: usize) -> Sentiment {
        self.entries.get(i).copied().unwrap_or_default().get()
    }

    /// The sentiment of inbox message `i`'s text.
    pub(crate) fn message(&self, i: usize) -> Sentiment {
        self.messages.get(i).copied().unwrap_or_default().get()
    }
}

/// Reads `texts` into `out` until `left` bytes are spent (an empty text counts one);
/// whether every text is read.
fn fill(
    out: &mut Vec<Packed>,
    texts: &mut dyn Iterator<Item = Option<&str>>,
    reader: &mut Reader,
    hint: Lang,
    left: &mut usize,
) -> bool {
    for text in texts {
        if *left == 0 {
            return false;
        }
        let text = text.filter(|t| !t.trim().is_empty());
        *left = left.saturating_sub(text.map_or(1, str::len).max(1));
        out.push(text.map_or_else(Packed::default, |t| Packed::of(reader.read(t, hint))));
    }
    true
}

impl RecordFacts {
    /// The sentiment of each text of `records` (the records these facts are about), read
    /// with `hint`: computed at the first call, then kept.
    pub(crate) fn sentiments(&self, records: &Records, hint: Lang) -> Cow<'_, Sentiments> {
        let kept = self.sentiments[hint as usize].get_or_init(|| {
            // What was read ahead, and the rest.
            let Ahead {
                read: mut some,
                mut reader,
            } = self.ahead[hint as usize]
                .lock()
                .map(|mut a| std::mem::take(&mut *a))
                .unwrap_or_default();
            some.read_more(records, hint, usize::MAX, &mut reader);
            some
        });
        if kept.fits(records) {
            Cow::Borrowed(kept)
        } else {
            // Facts of other records (a caller's mistake): read these afresh.
            Cow::Owned(Sentiments::of(records, hint))
        }
    }

    /// Reads ahead of the first analysis in `hint`'s language: the sentiments of the next
    /// texts of `records` (the records these facts are about), about `budget` bytes of text,
    /// kept for that analysis, which reads only the rest. Whether every text is read. What a
    /// page calls while it waits for the user, a slice at a time, so that the Analysis tab
    /// opens on kept facts.
    pub(crate) fn read_ahead(&self, records: &Records, hint: Lang, budget: usize) -> bool {
        let budget = budget.max(1);
        let slot = &self.sentiments[hint as usize];
        if slot.get().is_some() {
            return true;
        }
        let Ok(mut ahead) = self.ahead[hint as usize].lock() else {
            return false;
        };
        let Ahead { read, reader } = &mut *ahead;
        if !read.read_more(records, hint, budget, reader) {
            return false;
        }
        let all = std::mem::take(&mut *ahead).read;
        drop(ahead);
        // An analysis may have filled the slot meanwhile: the same sentiments either way.
        let _ = slot.set(all);
        true
    }

    /// The aggregate `compute` gives under `key`, kept from the last call with an equal key
    /// (one value per type `V` is kept: the last): what an analysis computes from the
    /// records and options alone, whatever the engagement definition (its reputation
    /// figures), is computed once for a preset switch. `key` must hold every input of
    /// `compute` besides these records.
    pub(crate) fn kept<K, V>(&self, key: K, compute: impl FnOnce() -> V) -> V
    where
        K: PartialEq + Send + 'static,
        V: Clone + Send + 'static,
    {
        let found = |all: &mut Vec<Box<dyn Any + Send>>| {
            all.iter_mut()
                .find_map(|a| a.downcast_mut::<Aggregate<K, V>>())
                .map(|a| (a.key == key).then(|| a.value.clone()))
        };
        if let Some(Some(value)) = self.aggregates.lock().ok().and_then(|mut a| found(&mut a)) {
            return value;
        }
        // Computed without the lock held: `compute` may keep aggregates of its own.
        let value = compute();
        if let Ok(mut all) = self.aggregates.lock() {
            all.retain(|a| !a.is::<Aggregate<K, V>>());
            all.push(Box::new(Aggregate {
                key,
                value: value.clone(),
            }));
        }
        value
    }

    /// How many aggregates are kept (tests: what an analysis keeps, a preparation keeps).
    pub fn kept_aggregates(&self) -> usize {
        self.aggregates.lock().map_or(0, |a| a.len())
    }

    /// Whether any fact is kept (tests: a file removed forgets them).
    pub fn is_empty(&self) -> bool {
        self.sentiments.iter().all(|s| s.get().is_none())
            && self.ahead.iter().all(|a| {
                a.lock().map_or(true, |a| {
                    let a = &a.read;
                    a.posts.is_empty() && a.entries.is_empty() && a.messages.is_empty()
                })
            })
            && self.aggregates.lock().map_or(true, |a| a.is_empty())
    }
}
