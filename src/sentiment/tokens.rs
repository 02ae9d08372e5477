//! A comment cut into what the rules read: words (folded, with French elision split off:
//! `j'adore` is `j'` then `adore`, `n'aime` is `n'` then `aime`), emoji and emoticons,
//! exclamation and question marks, and the breaks between clauses. Addresses and @mentions
//! are left out: `@happy_baker` says nothing of how its author feels.
//!
//! [`Tokens`] is reused from one text to the next: the folded words and emoji go into one
//! string it keeps and each token names its range, so reading a text allocates nothing once
//! its buffers have grown to the longest text read. It also remembers the runs of letters it
//! met ([`Known`]): a word comes back in text after text, and reading it again is one lookup.

use super::classes::Class;
use super::lexicon::{entry, fold_into, Entry, Fixed, Key};
use crate::i18n::Lang;
use std::cell::Cell;
use std::collections::HashMap;
use std::ops::Range;

/// One piece of a comment.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token {
    /// A word, folded (`text`, its range in the folded string); `caps` when written in
    /// capitals in a text that has small letters too (`NEVER`), `long` when a letter was held
    /// (`nuuul`, `loooove`, read as `nul`, `love`); `shown` is where it is in the text read
    /// (to show it as written, `déçue`); `entry` what the lexicons say of it, and the word
    /// lists it is in; `known` its place among the words [`Known`] remembers (`UNKNOWN` for
    /// none).
    Word {
        text: Range<usize>,
        shown: Range<usize>,
        caps: bool,
        long: bool,
        entry: Entry,
        known: u32,
    },
    /// An emoji or an emoticon (`:)`, `<3`), folded (its range in the folded string).
    Emoji(Range<usize>),
    /// `!`.
    Bang,
    /// `?`.
    Question,
    /// The end of a clause: `.`, `,`, `;`, `:`, a line break.
    Break,
}

/// The tokens of the last text read, and the folded words and emoji they point into.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    folded: String,
    list: Vec<Token>,
    known: Known,
}

/// The runs of letters read so far (a word, or a French elision and its word: `j'adore`), by
/// their bytes as written, with the words reading one gives: each word's folded form, where
/// it is in the run, whether a letter was held, whether it is written in capitals, the
/// lexicons' entry, and the valence of its other forms in each language once a score has
/// asked ([`Tokens::other_forms`]). At most [`KNOWN`] words: the next runs are read each
/// time, as they would be without it.
#[derive(Debug, Default)]
struct Known {
    index: HashMap<Box<[u8]>, Range<u32>, Fixed>,
    words: Vec<KnownWord>,
}

#[derive(Debug)]
struct KnownWord {
    folded: Box<str>,
    /// Where it is in the run (`None` for an elision, shown nowhere).
    shown: Option<Range<u32>>,
    long: bool,
    /// Two letters or more, every one a capital: a shout in a text that has small letters.
    capitals: bool,
    entry: Entry,
    /// English's, French's: the valence of its other forms, once asked.
    other: [Cell<Option<Option<f32>>>; 2],
}

/// The most words [`Known`] remembers (2 to 3 MB at most).
const KNOWN: usize = 1 << 14;

/// No place among the known words.
const UNKNOWN: u32 = u32::MAX;

/// The elided words French writes with an apostrophe: `j'`, `n'`, `l'`, `qu'`…
const ELIDED: &[&str] = &[
    "j", "n", "l", "d", "c", "m", "t", "s", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// Emoticons, longest first so `:-)` is not read as `:-` then `)`.
const EMOTICONS: &[&str] = &[
    ">:(", ":'(", ":-)", ":-(", ":-d", ":-p", ":-/", ";-)", ":)", ":(", ":d", ":p", ":/", ":]",
    ";)", "=)", "<3",
];

impl Tokens {
    /// The tokens, in order.
    pub(super) fn list(&self) -> &[Token] {
        &self.list
    }

    /// How many tokens.
    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    /// The folded word of token `i`, if it is a word.
    pub(super) fn word(&self, i: usize) -> Option<&str> {
        match self.list.get(i)? {
            Token::Word { text, .. } => self.folded.get(text.clone()),
            _ => None,
        }
    }

    /// The word lists token `i` is in (0 when it is no word).
    pub(super) fn class(&self, i: usize) -> Class {
        match self.list.get(i) {
            Some(Token::Word { entry, .. }) => entry.class,
            _ => 0,
        }
    }

    /// What `lang`'s lexicon says of token `i`'s word alone (nothing when it is no word).
    pub(super) fn key(&self, i: usize, lang: Lang) -> Key {
        match self.list.get(i) {
            Some(Token::Word { entry, .. }) => entry.key(lang),
            _ => Key::default(),
        }
    }

    /// The valence of the other forms of token `i`'s word in `lang` (`compute` gives it):
    /// computed once per known word, then remembered.
    pub(super) fn other_forms(
        &self,
        i: usize,
        lang: Lang,
        compute: impl FnOnce() -> Option<f32>,
    ) -> Option<f32> {
        let known = match self.list.get(i) {
            Some(Token::Word { known, .. }) => self.known.words.get(*known as usize),
            _ => None,
        };
        let Some(cell) = known.map(|k| &k.other[lang as usize]) else {
            return compute();
        };
        if let Some(v) = cell.get() {
            return v;
        }
        let v = compute();
        cell.set(Some(v));
        v
    }

    /// The folded text of a word or an emoji ("" for the other tokens).
    pub(super) fn text(&self, t: &Token) -> &str {
        match t {
            Token::Word { text: r, .. } | Token::Emoji(r) => {
                self.folded.get(r.clone()).unwrap_or("")
            }
            _ => "",
        }
    }

    /// Cuts `text` into tokens, in place of the last text's. Most texts are mostly ASCII: an
    /// ASCII byte is read as a byte, anything else as the character it starts.
    pub(super) fn read(&mut self, text: &str) {
        self.folded.clear();
        self.list.clear();
        let has_lower = has_lower(text);
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if is_nothing(b) {
                // Spaces, digits, most marks: skipped at once.
                at += bytes[at..]
                    .iter()
                    .position(|&b| !is_nothing(b))
                    .unwrap_or(bytes.len() - at);
                continue;
            }
            at = if b.is_ascii() {
                self.ascii(text, at, has_lower)
            } else {
                self.other(text, at, has_lower)
            };
        }
    }

    /// What the ASCII character at `text[at]` starts (an emoticon, a mark, an address or a
    /// mention skipped, a word): where the next token may start.
    fn ascii(&mut self, text: &str, at: usize, has_lower: bool) -> usize {
        let rest = &text[at..];
        if let Some(e) = emoticon(rest) {
            let start = self.folded.len();
            self.folded.push_str(e);
            self.list.push(Token::Emoji(start..self.folded.len()));
            return at + e.len();
        }
        match rest.as_bytes()[0] {
            b'!' => self.list.push(Token::Bang),
            b'?' => self.list.push(Token::Question),
            b'.' | b',' | b';' | b':' | b'\n' | b'(' | b')' | b'"' => self.clause_break(),
            b'@' => return text.len() - skip_to_space(rest).len(),
            b'h' | b'H' | b'w' | b'W' if starts_address(rest) => {
                return text.len() - skip_to_space(rest).len();
            }
            b if b.is_ascii_alphabetic() => {
                let (end, plain) = run_end(rest);
                self.run(text, at..at + end, plain, has_lower);
                return at + end;
            }
            _ => {}
        }
        at + 1
    }

    /// What the character starting at `text[at]` (not ASCII) starts: a break, a word, an
    /// emoji, or nothing: where the next token may start.
    fn other(&mut self, text: &str, at: usize, has_lower: bool) -> usize {
        let rest = &text[at..];
        let Some(c) = rest.chars().next() else {
            return text.len();
        };
        match c {
            '«' | '»' | '…' => self.clause_break(),
            _ if is_letter(c) => {
                let (end, _) = run_end(rest);
                self.run(text, at..at + end, false, has_lower);
                return at + end;
            }
            _ if is_emoji(c) => {
                let start = self.folded.len();
                fold_into(&rest[..c.len_utf8()], &mut self.folded);
                self.list.push(Token::Emoji(start..self.folded.len()));
            }
            _ => {}
        }
        at + c.len_utf8()
    }

    /// The end of a clause, unless the last token is one.
    fn clause_break(&mut self) {
        if !matches!(self.list.last(), Some(Token::Break)) {
            self.list.push(Token::Break);
        }
    }

    /// The run of letters `text[run]` (`plain`: ASCII letters and digits alone): what
    /// [`Tokens::plain_word`] or [`Tokens::words`] makes of it, from what [`Known`]
    /// remembers when the run was met before.
    fn run(&mut self, text: &str, run: Range<usize>, plain: bool, has_lower: bool) {
        let bytes = &text.as_bytes()[run.clone()];
        if let Some(known) = self.known.index.get(bytes) {
            for i in known.clone() {
                let k = &self.known.words[i as usize];
                let mark = self.folded.len();
                self.folded.push_str(&k.folded);
                let shown = k.shown.as_ref();
                self.list.push(Token::Word {
                    text: mark..self.folded.len(),
                    shown: shown.map_or(0..0, |s| {
                        run.start + s.start as usize..run.start + s.end as usize
                    }),
                    caps: has_lower && k.capitals,
                    long: k.long,
                    entry: k.entry,
                    known: i,
                });
            }
            return;
        }
        let first = self.list.len();
        if plain {
            self.plain_word(&text[run.clone()], run.start, has_lower);
        } else {
            self.words(text, run.clone(), has_lower);
        }
        let start = self.known.words.len();
        if start + (self.list.len() - first) > KNOWN {
            return;
        }
        for token in &mut self.list[first..] {
            if let Token::Word {
                text: folded,
                shown,
                long,
                entry,
                known,
                ..
            } = token
            {
                *known = self.known.words.len() as u32;
                let seen = shown.start < shown.end;
                self.known.words.push(KnownWord {
                    folded: self.folded[folded.clone()].into(),
                    shown: seen
                        .then(|| (shown.start - run.start) as u32..(shown.end - run.start) as u32),
                    long: *long,
                    capitals: seen && capitals(&text[shown.clone()]),
                    entry: *entry,
                    other: Default::default(),
                });
            }
        }
        let end = self.known.words.len() as u32;
        self.known.index.insert(bytes.into(), start as u32..end);
    }

    /// A word of ASCII letters and digits alone at `text[at..]` (most words): what
    /// [`Tokens::words`] makes of it, without looking for apostrophes or accents.
    fn plain_word(&mut self, word: &str, at: usize, has_lower: bool) {
        let caps = has_lower && capitals(word);
        let mark = self.folded.len();
        self.folded.push_str(word);
        self.folded[mark..].make_ascii_lowercase();
        let long = unheld(&mut self.folded, mark);
        self.push_word(mark..self.folded.len(), at..at + word.len(), caps, long);
    }

    /// One run of letters and apostrophes of `text`: French elisions split off, then the word.
    fn words(&mut self, text: &str, run: Range<usize>, has_lower: bool) {
        let mut start = run.start;
        loop {
            let rest = &text[start..run.end];
            let Some((i, c)) = rest.char_indices().find(|&(_, c)| is_apostrophe(c)) else {
                break;
            };
            let mark = self.folded.len();
            fold_into(&rest[..i], &mut self.folded);
            if !ELIDED.contains(&&self.folded[mark..]) {
                self.folded.truncate(mark);
                break;
            }
            self.folded.push('\'');
            let elided = mark..self.folded.len();
            self.push_word(elided, 0..0, false, false);
            start += i + c.len_utf8();
        }
        let rest = &text[start..run.end];
        let word = rest.trim_matches(is_apostrophe);
        if word.is_empty() {
            return;
        }
        let from = start + (rest.len() - rest.trim_start_matches(is_apostrophe).len());
        let caps = has_lower && capitals(word);
        let mark = self.folded.len();
        fold_into(word, &mut self.folded);
        let long = unheld(&mut self.folded, mark);
        self.push_word(mark..self.folded.len(), from..from + word.len(), caps, long);
    }

    fn push_word(&mut self, text: Range<usize>, shown: Range<usize>, caps: bool, long: bool) {
        let entry = self
            .folded
            .get(text.clone())
            .map_or_else(Entry::default, entry);
        self.list.push(Token::Word {
            text,
            shown,
            caps,
            long,
            entry,
            known: UNKNOWN,
        });
    }
}

/// The emoticon `rest` starts with, if any (ASCII, matched without regard to case).
fn emoticon(rest: &str) -> Option<&'static str> {
    let head = rest.as_bytes();
    if !matches!(head.first(), Some(b'>' | b':' | b';' | b'=' | b'<')) {
        return None;
    }
    EMOTICONS
        .iter()
        .copied()
        .find(|e| head.len() >= e.len() && head[..e.len()].eq_ignore_ascii_case(e.as_bytes()))
        .filter(|e| !followed_by_letter(rest, e.len()))
}

/// Where the run of letters, digits and apostrophes at the start of `rest` ends, and whether
/// it is ASCII letters and digits alone.
fn run_end(rest: &str) -> (usize, bool) {
    let b = rest.as_bytes();
    let ascii = b
        .iter()
        .position(|&x| !x.is_ascii_alphanumeric())
        .unwrap_or(b.len());
    if ascii == b.len() || (b[ascii].is_ascii() && b[ascii] != b'\'') {
        return (ascii, true);
    }
    let end = rest[ascii..]
        .find(|ch: char| !(is_letter_or_digit(ch) || is_apostrophe(ch)))
        .map_or(rest.len(), |i| ascii + i);
    (end, false)
}

/// Whether the ASCII byte `b` starts no token (a space, a digit, most marks).
fn is_nothing(b: u8) -> bool {
    b.is_ascii()
        && !b.is_ascii_alphabetic()
        && !matches!(
            b,
            b'!' | b'?'
                | b'.'
                | b','
                | b';'
                | b':'
                | b'\n'
                | b'('
                | b')'
                | b'"'
                | b'@'
                | b'>'
                | b'<'
                | b'='
        )
}

/// `c.is_alphabetic()`, the Latin-1 letters (French's accented ones) without Unicode's tables.
fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0xFF => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, the same way.
fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0xFF => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// `c.is_uppercase()`, the same way.
fn is_capital(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        0xC0..=0xDE => c != '×',
        0xDF..=0xFF => false,
        _ => c.is_uppercase(),
    }
}

/// Whether `word` has two letters or more and every one is a capital (a shout, in a text
/// that has small letters).
fn capitals(word: &str) -> bool {
    let (mut letters, mut upper) = (0usize, true);
    for c in word.chars().filter(|&c| is_letter(c)) {
        letters += 1;
        upper &= is_capital(c);
    }
    letters > 1 && upper
}

/// Whether `text` has a small letter (a word in capitals is then a shout).
fn has_lower(text: &str) -> bool {
    let b = text.as_bytes();
    match b
        .iter()
        .position(|&x| x.is_ascii_lowercase() || !x.is_ascii())
    {
        None => false,
        Some(i) if b[i].is_ascii() => true,
        Some(i) => text[i..].chars().any(char::is_lowercase),
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn followed_by_letter(s: &str, at: usize) -> bool {
    s.get(at..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphanumeric)
}

fn starts_address(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |p: &str| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    matches!(b.first(), Some(b'h' | b'H' | b'w' | b'W'))
        && (starts("http://") || starts("https://") || starts("www."))
}

fn skip_to_space(s: &str) -> &str {
    s.find(char::is_whitespace).map_or("", |i| &s[i..])
}

/// Writes the word at `s[from..]` with every letter held three times or more written twice
/// (`nuuul` → `nuul`, `coool` → `cool`; [`super::score`] also tries it once: `nul`), and
/// says whether there was one.
fn unheld(s: &mut String, from: usize) -> bool {
    let w = &s.as_bytes()[from..];
    if w.is_ascii() && !w.windows(3).any(|x| x[0] == x[1] && x[1] == x[2]) {
        return false;
    }
    let runs = |w: &str| {
        let mut last = None;
        let mut run = 0;
        w.chars().any(|c| {
            run = if Some(c) == last { run + 1 } else { 1 };
            last = Some(c);
            run == 3
        })
    };
    if !runs(&s[from..]) {
        return false;
    }
    let word: String = s[from..].to_string();
    s.truncate(from);
    let mut last = None;
    let mut run = 0;
    for c in word.chars() {
        run = if Some(c) == last { run + 1 } else { 1 };
        last = Some(c);
        if run <= 2 {
            s.push(c);
        }
    }
    true
}

/// Whether `c` is an emoji the lexicon may list (the pictographic blocks and a few symbols).
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Tokens {
        let mut t = Tokens::default();
        t.read(text);
        t
    }

    fn words_of(text: &str) -> Vec<String> {
        let t = read(text);
        t.list()
            .iter()
            .map(|tok| match tok {
                Token::Word { .. } | Token::Emoji(_) => t.text(tok).to_string(),
                Token::Bang => "!".into(),
                Token::Question => "?".into(),
                Token::Break => "|".into(),
            })
            .collect()
    }

    #[test]
    fn latin1_shortcuts_are_the_unicode_properties() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_capital(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn plain_words_are_read_as_any_word_is() {
        let alphabet: Vec<char> = "aAbBeEoOlLsS0129".chars().collect();
        let mut rng = crate::hash::XorShift(0x5e17);
        for _ in 0..20_000 {
            let mut w = rng.text(&alphabet, 12);
            w.insert(0, ['a', 'N', 'o', 'O'][(rng.next() % 4) as usize]);
            for has_lower in [false, true] {
                let (mut plain, mut any) = (Tokens::default(), Tokens::default());
                plain.plain_word(&w, 0, has_lower);
                any.words(&w, 0..w.len(), has_lower);
                assert_eq!(
                    (&plain.list, &plain.folded),
                    (&any.list, &any.folded),
                    "{w:?}"
                );
            }
        }
    }

    /// The tokens with their places among the known words left out.
    fn forgetting(t: &Tokens) -> Vec<Token> {
        let mut list = t.list.clone();
        for tok in &mut list {
            if let Token::Word { known, .. } = tok {
                *known = UNKNOWN;
            }
        }
        list
    }

    #[test]
    fn known_runs_are_read_as_new_ones() {
        let alphabet: Vec<char> = "aAéÉoOlLsSnN0 '’!.,:)@".chars().collect();
        let mut rng = crate::hash::XorShift(0x6b6e);
        let mut reused = Tokens::default();
        for _ in 0..20_000 {
            let text = rng.text(&alphabet, 40);
            reused.read(&text);
            let fresh = read(&text);
            assert_eq!(
                (forgetting(&reused), &reused.folded),
                (forgetting(&fresh), &fresh.folded),
                "{text:?}"
            );
        }
        assert!(
            reused.known.words.len() > 1000,
            "{}",
            reused.known.words.len()
        );
        // Past its bound, a reader reads every new run as it would without one.
        let mut full = Tokens::default();
        for i in 0..KNOWN + 10 {
            full.read(&format!("w{i} j'aime"));
        }
        assert_eq!(full.known.words.len(), KNOWN);
        full.read("BRAVO cool j'adore");
        assert_eq!(forgetting(&full), forgetting(&read("BRAVO cool j'adore")));
    }

    #[test]
    fn elision_emoji_mentions() {
        assert_eq!(words_of("J’adore ❤️!!"), ["j'", "adore", "❤", "!", "!"]);
        assert_eq!(
            words_of("je n'aime pas, c'est nul"),
            ["je", "n'", "aime", "pas", "|", "c'", "est", "nul"]
        );
        assert_eq!(words_of("@lea_b don't :) https://x.co/a"), ["don't", ":)"]);
        assert_eq!(words_of("#fail :desk"), ["fail", "|", "desk"]);
        assert_eq!(words_of("qu'il"), ["qu'", "il"]);
    }

    #[test]
    fn capitals_and_held_letters() {
        let t = read("this is NOT ok, nuuul");
        assert!(matches!(&t.list()[2], Token::Word { caps: true, .. }));
        assert_eq!(t.word(2), Some("not"));
        assert!(matches!(&t.list()[5], Token::Word { long: true, .. }));
        assert_eq!(t.word(5), Some("nuul"));
        // All capitals throughout is a shout only when the rest of the text has small letters.
        assert!(matches!(
            &read("GREAT").list()[0],
            Token::Word { caps: false, .. }
        ));
        // One buffer for every text: the next text's words replace the last's.
        let mut t = read("Déçue, vraiment");
        t.read("OK");
        assert_eq!((t.len(), t.word(0)), (1, Some("ok")));
    }
}
