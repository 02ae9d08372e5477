//! The sentiment of a comment or a message, estimated: negative, neutral or positive, in
//! French or English, from a lexicon and rules that run here, with no model to download and
//! nothing sent anywhere.
//!
//! - `lexicon`: the words, phrases and emoji with their valence (`en.txt`, `fr.txt`,
//!   `emoji.txt`, written for this project: [docs/sentiment.md](../../docs/sentiment.md) says
//!   why no published lexicon was taken), folded (lower case, no accents);
//! - `tokens`: a text cut into words (French elision split off), emoji, marks and breaks,
//!   into buffers reused from one text to the next ([`Reader`]);
//! - `classes`: the small word lists (negations, boosters, each language's common words),
//!   one lookup per word;
//! - `score`: the rules (boosters, negation, capitals, `but`, exclamation marks) and the
//!   normalised score.
//!
//! Written by hand: the lexicon-and-rules models published as packages are English only
//! (VADER's ports) or tied to a lexicon whose licence forbids redistribution (FEEL, built
//! from NRC EmoLex), and a model of a few hundred lines that the project's own labelled
//! comments measure is one the page can say the accuracy of. The accuracy measured on those
//! comments is [`MEASURED`], checked against them by `tests/sentiment.rs`.

mod classes;
mod lexicon;
mod score;
mod tokens;

use crate::i18n::Lang;
use serde::Serialize;
use tokens::{Token, Tokens};

/// Negative, neutral or positive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// A complaint, anger, disappointment.
    Negative,
    /// Neither: a question, a tag, information.
    Neutral,
    /// Praise, thanks, enthusiasm.
    Positive,
}

impl Polarity {
    /// All three, in the order reports list them.
    pub const ALL: [Polarity; 3] = [Polarity::Negative, Polarity::Neutral, Polarity::Positive];

    /// Its name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Polarity::Negative => lang.pick("negative", "négatif"),
            Polarity::Neutral => lang.pick("neutral", "neutre"),
            Polarity::Positive => lang.pick("positive", "positif"),
        }
    }

    /// Its key in JSON and the fixtures: `negative`, `neutral`, `positive`.
    pub fn key(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }
}

/// A score at or beyond this (in absolute value) is not neutral (VADER's threshold).
pub(crate) const THRESHOLD: f64 = 0.05;

/// What the estimate says of one text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Sentiment {
    /// Negative, neutral or positive.
    pub polarity: Polarity,
    /// From −1 (very negative) to +1 (very positive).
    pub score: f64,
    /// The language the text was read as.
    pub lang: Lang,
}

/// The sentiment of `text`, read as French or English (whichever its words are, `hint`
/// when they do not say).
///
/// ```
/// use social_roi::{sentiment, Lang, Polarity};
/// assert_eq!(sentiment("Toujours pas reçu ma commande 😡", Lang::En).polarity, Polarity::Negative);
/// assert_eq!(sentiment("Ce n'est pas mal du tout !", Lang::En).polarity, Polarity::Positive);
/// assert_eq!(sentiment("I don't like it", Lang::Fr).polarity, Polarity::Negative);
/// assert_eq!(sentiment("Vous ouvrez le dimanche ?", Lang::Fr).polarity, Polarity::Neutral);
/// ```
pub fn sentiment(text: &str, hint: Lang) -> Sentiment {
    Reader::default().read(text, hint)
}

/// The estimate's buffers, kept from one text to the next: reading many texts with one
/// reader allocates nothing once they have grown to the longest text. Gives what
/// [`sentiment`] gives.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    tokens: Tokens,
    scratch: score::Scratch,
}

impl Reader {
    /// The sentiment of `text`, read as French or English (`hint` when its words do not say).
    pub(crate) fn read(&mut self, text: &str, hint: Lang) -> Sentiment {
        self.tokens.read(text);
        let lang = language(&self.tokens, text, hint);
        let score = score::score(&self.tokens, lang, &mut self.scratch);
        let polarity = if score >= THRESHOLD {
            Polarity::Positive
        } else if score <= -THRESHOLD {
            Polarity::Negative
        } else {
            Polarity::Neutral
        };
        Sentiment {
            polarity,
            score,
            lang,
        }
    }

    /// The words of `text` that say what it is about, folded, each with its spelling as written
    /// (in lower case): no stop words, no words under three letters, no numbers, no held letters
    /// (for the words that come back in negative comments). One reader for many texts reads
    /// each word it has met at one lookup.
    pub(crate) fn content_words(&mut self, text: &str) -> Vec<(String, String)> {
        let t = &mut self.tokens;
        t.read(text);
        let mut out: Vec<(String, String)> = Vec::new();
        let common = classes::STOP | classes::FRENCH | classes::ENGLISH;
        for tok in t.list() {
            if let Token::Word {
                shown,
                long: false,
                entry,
                ..
            } = tok
            {
                let w = t.text(tok);
                let keep = w.chars().count() >= 3
                    && !w.ends_with('\'')
                    && !w.chars().all(|c| c.is_ascii_digit())
                    && entry.class & common == 0;
                if keep && !out.iter().any(|(x, _)| x == w) {
                    out.push((w.to_string(), text[shown.clone()].to_lowercase()));
                }
            }
        }
        out
    }
}

/// The language of a text: the one more of its common words belong to (accented letters
/// count for French); `hint` on a tie.
fn language(t: &Tokens, text: &str, hint: Lang) -> Lang {
    let (mut fr, mut en) = (0, 0);
    for i in 0..t.len() {
        let class = t.class(i);
        fr += usize::from(class & classes::FRENCH != 0);
        en += usize::from(class & classes::ENGLISH != 0);
    }
    fr += accents(text);
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => hint,
    }
}

/// How many of French's accented letters (`é è ê à ç ù â î ô û É`) `text` has, up to 3.
/// Each is two bytes in UTF-8, the first 0xC3 (as every letter from U+00C0 to U+00FF).
fn accents(text: &str) -> usize {
    let b = text.as_bytes();
    memchr::memchr_iter(0xC3, b)
        .filter(|&i| {
            matches!(
                b.get(i + 1),
                Some(0xA9 | 0xA8 | 0xAA | 0xA0 | 0xA7 | 0xB9 | 0xA2 | 0xAE | 0xB4 | 0xBB | 0x89)
            )
        })
        .take(3)
        .count()
}

/// One class's precision and recall on a labelled set.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ClassScore {
    /// The class.
    pub polarity: Polarity,
    /// Of the comments the estimate put in this class, the share that are in it.
    pub precision: f64,
    /// Of the comments in this class, the share the estimate put there.
    pub recall: f64,
    /// Comments of this class in the set.
    pub support: u32,
}

/// What the estimate achieved on one language's held-out labelled comments.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// The language.
    pub lang: Lang,
    /// The labelled set (`tests/fixtures/sentiment/fr-test.tsv`).
    pub set: &'static str,
    /// Comments in it.
    pub comments: u32,
    /// Share of comments put in their class.
    pub accuracy: f64,
    /// Comments of each true class (negative, neutral, positive) by the class given.
    pub confusion: [[u32; 3]; 3],
    /// Negative, neutral and positive.
    pub classes: [ClassScore; 3],
}

/// What the estimate says of the held-out labelled comments,
/// `tests/fixtures/sentiment/{fr,en}-test.tsv`: per language, the comments of each true class
/// (negative, neutral, positive) by the class the estimate gave them. `tests/sentiment.rs`
/// measures them again and fails when a change of the lexicon or the rules moves them.
const MEASURED: [(Lang, &str, [[u32; 3]; 3]); 2] = [
    (
        Lang::Fr,
        "tests/fixtures/sentiment/fr-test.tsv",
        [[53, 5, 2], [0, 56, 2], [0, 3, 59]],
    ),
    (
        Lang::En,
        "tests/fixtures/sentiment/en-test.tsv",
        [[46, 11, 3], [0, 56, 3], [0, 2, 58]],
    ),
];

/// The accuracy, precision and recall measured on the held-out labelled comments of each
/// language: what the page shows beside every sentiment figure.
pub fn measured() -> [Evaluation; 2] {
    MEASURED.map(|(lang, set, confusion)| Evaluation::of(lang, set, confusion))
}

/// Measures the estimate on labelled comments (`label`, tab, text; `#` lines are notes),
/// read as `lang`: what `tests/sentiment.rs` checks [`measured`] against.
pub fn evaluate(labelled: &str, lang: Lang, set: &'static str) -> Evaluation {
    let mut confusion = [[0u32; 3]; 3];
    let mut reader = Reader::default();
    for line in labelled
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let Some((label, text)) = line.split_once('\t') else {
            continue;
        };
        let Some(truth) = Polarity::ALL.iter().position(|p| p.key() == label.trim()) else {
            continue;
        };
        let said = reader.read(text, lang).polarity;
        confusion[truth][said as usize] += 1;
    }
    Evaluation::of(lang, set, confusion)
}

impl Evaluation {
    fn of(lang: Lang, set: &'static str, confusion: [[u32; 3]; 3]) -> Evaluation {
        let total: u32 = confusion.iter().flatten().sum();
        let right: u32 = (0..3).map(|i| confusion[i][i]).sum();
        let ratio = |a: u32, b: u32| {
            if b == 0 {
                0.0
            } else {
                f64::from(a) / f64::from(b)
            }
        };
        let class = |i: usize| ClassScore {
            polarity: Polarity::ALL[i],
            precision: ratio(confusion[i][i], (0..3).map(|t| confusion[t][i]).sum()),
            recall: ratio(confusion[i][i], confusion[i].iter().sum()),
            support: confusion[i].iter().sum(),
        };
        Evaluation {
            lang,
            set,
            comments: total,
            accuracy: ratio(right, total),
            confusion,
            classes: [class(0), class(1), class(2)],
        }
    }
}

/// How many entries each lexicon holds (English, French; emoji counted in both).
pub fn lexicon_sizes() -> (usize, usize) {
    (
        lexicon::lexicon(Lang::En).len(),
        lexicon::lexicon(Lang::Fr).len(),
    )
}
