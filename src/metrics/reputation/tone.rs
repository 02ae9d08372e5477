//! What the comments say: every comment, inbox message and post text of the period read by
//! the sentiment estimate, and the shares of negative ones per post, per week and per
//! network, the most negative threads first, and the words that come back in negative
//! comments.

use super::texts::{On, PostTexts, Read, Said, Source, Thread};
use crate::date::Date;
use crate::figure::{Figure, Unit};
use crate::finite::Finite;
use crate::formula::{self, formula};
use crate::i18n::Lang;
use crate::metrics::{sort_by, sort_by_key};
use crate::model::Network;
use crate::sentiment::{measured, Evaluation, Polarity};
use serde::Serialize;
use std::collections::HashMap;
use std::hash::Hash;

formula! {
    /// Share of comments read as negative.
    pub(crate) NEGATIVE_SHARE = "negative_comment_share",
    en: "negative share = comments estimated negative ÷ comments with text",
    fr: "part négative = commentaires estimés négatifs ÷ commentaires avec un texte"
}
formula! {
    /// Share of comments read as positive.
    POSITIVE_SHARE = "positive_comment_share",
    en: "positive share = comments estimated positive ÷ comments with text",
    fr: "part positive = commentaires estimés positifs ÷ commentaires avec un texte"
}
formula! {
    /// Positive minus negative, over all.
    NET_SENTIMENT = "net_sentiment",
    en: "net sentiment = (comments estimated positive − comments estimated negative) ÷ comments with text",
    fr: "sentiment net = (commentaires estimés positifs − commentaires estimés négatifs) ÷ commentaires avec un texte"
}
formula! {
    /// Share of inbox messages read as negative.
    NEGATIVE_MESSAGES = "negative_message_share",
    en: "negative messages = inbox messages estimated negative ÷ inbox messages with text",
    fr: "messages négatifs = messages reçus estimés négatifs ÷ messages reçus avec un texte"
}
formula! {
    /// Share of the account's own posts read as negative.
    NEGATIVE_POSTS = "negative_post_share",
    en: "negative posts = your posts whose text is estimated negative ÷ your posts with text",
    fr: "publications négatives = vos publications dont le texte est estimé négatif ÷ vos publications avec un texte"
}
formula! {
    /// How threads are ranked.
    NEGATIVE_THREADS = "negative_threads",
    en: "threads (a comment and its replies) ranked by comments estimated negative, then by their share of the thread",
    fr: "fils (un commentaire et ses réponses) classés par commentaires estimés négatifs, puis par leur part du fil"
}
formula! {
    /// How the words of negative comments are ranked.
    NEGATIVE_WORDS = "negative_words",
    en: "a word's count = negative comments holding it (at least 2), beside the other comments holding it; stop words, mentions and numbers left out",
    fr: "compte d’un mot = commentaires négatifs qui le contiennent (au moins 2), à côté des autres commentaires qui le contiennent ; mots vides, mentions et nombres exclus"
}

/// Every formula of this file.
pub(crate) const FORMULAS: &[formula::Formula] = &[
    NEGATIVE_SHARE,
    POSITIVE_SHARE,
    NET_SENTIMENT,
    NEGATIVE_MESSAGES,
    NEGATIVE_POSTS,
    NEGATIVE_THREADS,
    NEGATIVE_WORDS,
];

const MAX_THREADS: usize = 10;
const MAX_WORDS: usize = 15;
const MAX_POSTS: usize = 50;

/// Negative, neutral and positive counts of a group of texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ToneRow {
    /// What the row is: a post's address or file, a week's Monday, a network.
    pub key: String,
    /// The same, to show.
    pub label: String,
    /// The network, when known.
    pub network: Option<Network>,
    /// Texts read.
    pub texts: usize,
    /// Of which estimated negative.
    pub negative: usize,
    /// Neutral.
    pub neutral: usize,
    /// Positive.
    pub positive: usize,
    /// `negative_comment_share` of the row.
    pub negative_share: Option<Finite>,
}

impl ToneRow {
    fn add(&mut self, p: Polarity) {
        self.texts += 1;
        match p {
            Polarity::Negative => self.negative += 1,
            Polarity::Neutral => self.neutral += 1,
            Polarity::Positive => self.positive += 1,
        }
        self.negative_share = Finite::new(self.negative as f64 / self.texts as f64);
    }
}

/// One thread: a top-level comment and its replies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ThreadRow {
    /// The file it is in.
    pub source: String,
    /// The line of its first comment.
    pub line: u64,
    /// Who started it.
    pub author: String,
    /// What its first comment says (at most 280 characters).
    pub text: String,
    /// When it started.
    pub date: Option<Date>,
    /// Comments in it (the first and its replies).
    pub comments: usize,
    /// Of which estimated negative.
    pub negative: usize,
    /// Their share.
    pub negative_share: Finite,
}

/// A word that comes back in negative comments.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WordRow {
    /// The word, as first written.
    pub word: String,
    /// Negative comments holding it.
    pub negative: usize,
    /// Other comments holding it.
    pub others: usize,
}

/// One class of one language of the measured accuracy, named to show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasuredClass {
    /// The language (`Français`, `English`… in the report's language).
    pub language: String,
    /// The class (negative, neutral, positive), named.
    pub class: String,
    /// Of the labelled comments put in this class, the share that are in it.
    pub precision: Finite,
    /// Of the labelled comments of this class, the share put there.
    pub recall: Finite,
    /// Labelled comments of this class.
    pub support: u32,
}

/// The measured accuracy as rows to show: per language, per class.
fn measured_rows(lang: Lang) -> Vec<MeasuredClass> {
    measured()
        .iter()
        .flat_map(|e| {
            let language = match e.lang {
                Lang::Fr => lang.pick("French", "Français"),
                Lang::En => lang.pick("English", "Anglais"),
            };
            e.classes.iter().map(move |c| MeasuredClass {
                language: language.to_string(),
                class: c.polarity.label(lang).to_string(),
                precision: Finite::new(c.precision).unwrap_or(Finite::ZERO),
                recall: Finite::new(c.recall).unwrap_or(Finite::ZERO),
                support: c.support,
            })
        })
        .collect()
}

/// What the comments say.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ToneReport {
    /// That every figure here is an estimate, and how good it measured.
    pub estimate: String,
    /// The accuracy, precision and recall measured per language.
    pub accuracy: [Evaluation; 2],
    /// The same, per language and class, named in the report's language.
    pub measured: Vec<MeasuredClass>,
    /// Comments read (with a text, in the period).
    pub comments: usize,
    /// Inbox messages read.
    pub messages: usize,
    /// Posts read.
    pub posts: usize,
    /// Comments read as French (the rest as English).
    pub french: usize,
    /// `negative_comment_share`, `positive_comment_share`, `net_sentiment`,
    /// `negative_message_share`, `negative_post_share`.
    pub figures: Vec<Figure>,
    /// Per post the comments are on, most negative first.
    pub by_post: Vec<ToneRow>,
    /// Per week (comments and messages), oldest first.
    pub by_week: Vec<ToneRow>,
    /// Per network (comments and messages).
    pub by_network: Vec<ToneRow>,
    /// The most negative threads first.
    pub threads: Vec<ThreadRow>,
    /// The words that come back in negative comments.
    pub words: Vec<WordRow>,
    /// Why there is nothing, when there is nothing.
    pub reason: Option<String>,
}

/// The estimate's note: what it is and how good it measured, in `lang`.
pub(crate) fn estimate_note(lang: Lang) -> String {
    let [fr, en] = measured();
    let pct = |x: f64| match lang {
        Lang::En => format!("{:.1} %", x * 100.0),
        Lang::Fr => format!("{:.1}\u{a0}%", x * 100.0).replace('.', ","),
    };
    match lang {
        Lang::En => format!(
            "Estimates: each text is read by a lexicon and rules that run on this machine (negation, intensifiers, emoji, French elision). Measured on labelled comments written for the purpose: {} right in French ({} comments), {} in English ({}); real comments, with sarcasm and typos, score lower.",
            pct(fr.accuracy), fr.comments, pct(en.accuracy), en.comments
        ),
        Lang::Fr => format!(
            "Estimations\u{a0}: chaque texte est lu par un lexique et des règles qui tournent sur cette machine (négation, intensifs, émojis, élision). Mesuré sur des commentaires étiquetés écrits pour l’occasion\u{a0}: {} de justes en français ({} commentaires), {} en anglais ({})\u{a0}; de vrais commentaires, avec ironie et fautes, font moins bien.",
            pct(fr.accuracy), fr.comments, pct(en.accuracy), en.comments
        ),
    }
}

/// The tone of the texts of the period: every comment and message, read, and the posts' own
/// texts, counted.
pub(crate) fn tone(read: &Read, lang: Lang) -> ToneReport {
    let (said, posts) = (read.said.as_slice(), read.posts);
    let comments: Vec<&Said> = said
        .iter()
        .filter(|s| matches!(s.source, Source::Comment { .. }))
        .collect();
    let messages: Vec<&Said> = said
        .iter()
        .filter(|s| s.source == Source::Message)
        .collect();
    let talk: Vec<&Said> = said.iter().collect();
    let reason = (said.is_empty() && posts.with_text == 0).then(|| {
        lang.pick(
            "no comment, message or post with a text in the files for this period: drop a comment export (ExportComments, a contest's comments) or posts with their texts",
            "aucun commentaire, message ni publication avec un texte dans les fichiers pour cette période\u{a0}: déposez un export de commentaires (ExportComments, les commentaires d’un concours) ou des publications avec leurs textes",
        )
        .to_string()
    });
    ToneReport {
        estimate: estimate_note(lang),
        accuracy: measured(),
        measured: measured_rows(lang),
        comments: comments.len(),
        messages: messages.len(),
        posts: posts.with_text,
        french: said.iter().filter(|s| s.sentiment.lang == Lang::Fr).count() + posts.french,
        figures: figures(&comments, &messages, posts, lang),
        by_post: by_post(&comments, &read.on),
        by_week: by_week(&talk, lang),
        by_network: by_network(&talk, lang),
        threads: threads(&comments),
        words: words(&comments),
        reason,
    }
}

fn count(items: &[&Said], p: Polarity) -> usize {
    items.iter().filter(|s| s.sentiment.polarity == p).count()
}

/// A name in English and French.
type Words = (&'static str, &'static str);

const COMMENTS_NEGATIVE: Words = (
    "comments estimated negative",
    "commentaires estimés négatifs",
);
const COMMENTS_POSITIVE: Words = (
    "comments estimated positive",
    "commentaires estimés positifs",
);
const WITH_TEXT: Words = ("comments with text", "commentaires avec un texte");

/// `part ÷ whole` as the figure `f`, named `label`; its inputs named by the pairs.
fn share_figure(
    f: formula::Formula,
    label: Words,
    part: (Words, usize),
    whole: (Words, usize),
    lang: Lang,
) -> Figure {
    let fig = Figure::of(f, lang.pick(label.0, label.1), Unit::Ratio, lang);
    if whole.1 == 0 {
        return fig.unavailable(lang.pick("no text to read", "aucun texte à lire"));
    }
    fig.input(lang.pick(part.0 .0, part.0 .1), part.1 as f64, Unit::Count)
        .input(
            lang.pick(whole.0 .0, whole.0 .1),
            whole.1 as f64,
            Unit::Count,
        )
        .value(part.1 as f64 / whole.1 as f64, lang)
}

/// `net_sentiment` of `n` comments, `pos` positive and `neg` negative.
fn net_figure(pos: usize, neg: usize, n: usize, lang: Lang) -> Figure {
    let label = ("Net sentiment (estimate)", "Sentiment net (estimation)");
    let net = Figure::of(
        NET_SENTIMENT,
        lang.pick(label.0, label.1),
        Unit::Ratio,
        lang,
    );
    if n == 0 {
        return net
            .unavailable(lang.pick("no comment with a text", "aucun commentaire avec un texte"));
    }
    let name = |w: Words| lang.pick(w.0, w.1);
    net.input(name(COMMENTS_POSITIVE), pos as f64, Unit::Count)
        .input(name(COMMENTS_NEGATIVE), neg as f64, Unit::Count)
        .input(name(WITH_TEXT), n as f64, Unit::Count)
        .value((pos as f64 - neg as f64) / n as f64, lang)
}

/// The shares of the comments, then of the messages and posts when there are some.
fn figures(comments: &[&Said], messages: &[&Said], posts: PostTexts, lang: Lang) -> Vec<Figure> {
    let mut out = comment_figures(comments, lang);
    if !messages.is_empty() {
        out.push(messages_figure(messages, lang));
    }
    if posts.with_text > 0 {
        out.push(posts_figure(posts, lang));
    }
    out
}

/// The negative and positive shares of the comments and their net tone.
fn comment_figures(comments: &[&Said], lang: Lang) -> Vec<Figure> {
    let n = comments.len();
    let neg = count(comments, Polarity::Negative);
    let pos = count(comments, Polarity::Positive);
    vec![
        share_figure(
            NEGATIVE_SHARE,
            (
                "Negative comments (estimate)",
                "Commentaires négatifs (estimation)",
            ),
            (COMMENTS_NEGATIVE, neg),
            (WITH_TEXT, n),
            lang,
        ),
        share_figure(
            POSITIVE_SHARE,
            (
                "Positive comments (estimate)",
                "Commentaires positifs (estimation)",
            ),
            (COMMENTS_POSITIVE, pos),
            (WITH_TEXT, n),
            lang,
        ),
        net_figure(pos, neg, n, lang),
    ]
}

/// The share of the inbox messages estimated negative.
fn messages_figure(messages: &[&Said], lang: Lang) -> Figure {
    share_figure(
        NEGATIVE_MESSAGES,
        (
            "Negative inbox messages (estimate)",
            "Messages reçus négatifs (estimation)",
        ),
        (
            ("messages estimated negative", "messages estimés négatifs"),
            count(messages, Polarity::Negative),
        ),
        (
            ("messages with text", "messages avec un texte"),
            messages.len(),
        ),
        lang,
    )
}

/// The share of the account's own posts estimated negative.
fn posts_figure(posts: PostTexts, lang: Lang) -> Figure {
    share_figure(
        NEGATIVE_POSTS,
        (
            "Your posts read as negative (estimate)",
            "Vos publications lues comme négatives (estimation)",
        ),
        (
            (
                "posts estimated negative",
                "publications estimées négatives",
            ),
            posts.negative,
        ),
        (
            ("posts with text", "publications avec un texte"),
            posts.with_text,
        ),
        lang,
    )
}

/// Rows by a key, in the order keys first appear: `key` names an item's row, `row` makes
/// that row's key, label and network the first time (so an item costs no text of its own).
fn group<K: Eq + Hash>(
    items: &[&Said],
    key: impl Fn(&Said) -> Option<K>,
    row: impl Fn(&K, &Said) -> (String, String, Option<Network>),
) -> Vec<ToneRow> {
    let mut rows: Vec<ToneRow> = Vec::new();
    let mut at: HashMap<K, usize> = HashMap::new();
    for s in items {
        let Some(k) = key(s) else {
            continue;
        };
        let i = match at.get(&k) {
            Some(&i) => i,
            None => {
                let (key, label, network) = row(&k, s);
                rows.push(ToneRow {
                    key,
                    label,
                    network,
                    ..ToneRow::default()
                });
                at.insert(k, rows.len() - 1);
                rows.len() - 1
            }
        };
        rows[i].add(s.sentiment.polarity);
    }
    rows
}

fn by_post(comments: &[&Said], on: &[On]) -> Vec<ToneRow> {
    let post = |s: &Said| match s.source {
        Source::Comment { post, .. } => on.get(post as usize),
        Source::Message => None,
    };
    let mut rows = group(
        comments,
        |s| post(s).map(|p| p.key.as_str()),
        |_, s| match post(s) {
            Some(p) => (p.key.clone(), p.label.clone(), s.network),
            None => Default::default(),
        },
    );
    sort_by(&mut rows, |a, b| {
        b.negative.cmp(&a.negative).then_with(|| {
            let share = |r: &ToneRow| r.negative_share.map_or(0.0, Finite::get);
            share(b).total_cmp(&share(a))
        })
    });
    rows.truncate(MAX_POSTS);
    rows
}

fn by_week(items: &[&Said], lang: Lang) -> Vec<ToneRow> {
    let mut rows = group(
        items,
        |s| Some(s.date?.week_start()),
        |w, _| {
            let label = match lang {
                Lang::En => format!("week of {w}"),
                Lang::Fr => format!("semaine du {w}"),
            };
            (w.to_string(), label, None)
        },
    );
    sort_by(&mut rows, |a, b| a.key.cmp(&b.key));
    rows
}

/// A text's network row: its network, else its inbox channel (lower-cased), else none.
fn network_key(s: &Said) -> String {
    match (s.network, &s.channel) {
        (Some(n), _) => format!("{n:?}").to_lowercase(),
        (None, Some(c)) => c.to_lowercase(),
        (None, None) => "unknown".to_string(),
    }
}

fn by_network(items: &[&Said], lang: Lang) -> Vec<ToneRow> {
    let mut rows = group(
        items,
        |s| Some(network_key(s)),
        |k, s| match (s.network, &s.channel) {
            (Some(n), _) => (k.clone(), n.name().to_string(), Some(n)),
            (None, Some(c)) => (k.clone(), c.to_string(), None),
            (None, None) => (
                k.clone(),
                lang.pick("Network not given", "Réseau non indiqué")
                    .to_string(),
                None,
            ),
        },
    );
    sort_by(&mut rows, |a, b| b.texts.cmp(&a.texts));
    rows
}

/// The threads with a comment estimated negative, most negative first: counted per thread
/// (its first comment kept by reference), and only the rows shown made.
fn threads(comments: &[&Said]) -> Vec<ThreadRow> {
    // Per thread, in the order threads first appear: its first comment, its comments, the
    // negative ones among them.
    let mut tally: Vec<(&Said, usize, usize)> = Vec::new();
    let mut at: HashMap<(usize, Thread), usize> = HashMap::new();
    for s in comments {
        let Source::Comment { file, thread, .. } = s.source else {
            continue;
        };
        let i = *at.entry((file, thread)).or_insert_with(|| {
            tally.push((s, 0, 0));
            tally.len() - 1
        });
        tally[i].1 += 1;
        tally[i].2 += usize::from(s.sentiment.polarity == Polarity::Negative);
    }
    let share = |&(_, comments, negative): &(&Said, usize, usize)| {
        Finite::new(negative as f64 / comments as f64).unwrap_or(Finite::ZERO)
    };
    tally.retain(|t| t.2 > 0);
    sort_by(&mut tally, |a, b| {
        b.2.cmp(&a.2)
            .then_with(|| share(b).get().total_cmp(&share(a).get()))
            .then_with(|| b.1.cmp(&a.1))
    });
    tally.truncate(MAX_THREADS);
    tally
        .iter()
        .map(|t| ThreadRow {
            source: t.0.file.to_string(),
            line: t.0.line,
            author: t.0.author.unwrap_or_default().to_string(),
            text: t.0.text.chars().take(280).collect(),
            date: t.0.date,
            comments: t.1,
            negative: t.2,
            negative_share: share(t),
        })
        .collect()
}

fn words(comments: &[&Said]) -> Vec<WordRow> {
    let mut counts: HashMap<String, (String, usize, usize)> = HashMap::new();
    let mut reader = crate::sentiment::Reader::default();
    for s in comments {
        let negative = s.sentiment.polarity == Polarity::Negative;
        for (w, shown) in reader.content_words(s.text) {
            let e = counts.entry(w).or_insert((shown, 0, 0));
            if negative {
                e.1 += 1;
            } else {
                e.2 += 1;
            }
        }
    }
    let mut out: Vec<WordRow> = counts
        .into_values()
        .filter(|(_, neg, _)| *neg >= 2)
        .map(|(word, negative, others)| WordRow {
            word,
            negative,
            others,
        })
        .collect();
    sort_by_key(&mut out, |w| {
        (std::cmp::Reverse(w.negative), w.others, w.word.clone())
    });
    out.truncate(MAX_WORDS);
    out
}
