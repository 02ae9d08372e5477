//! A comment cut into what the rules read: words (folded, with French elision split off:
//! `j'adore` is `j'` then `adore`, `n'aime` is `n'` then `aime`), emoji and emoticons,
//! exclamation and question marks, and the breaks between clauses. Addresses and @mentions
//! are left out: `@happy_baker` says nothing of how its author feels.
//!
//! [`Tokens`] is reused from one text to the next: the folded words and emoji go into one
//! string it keeps and each token names its range, so reading a text allocates nothing once
//! its buffers have grown to the longest text read.

use super::classes::{class, Class};
use super::lexicon::fold_into;
use std::ops::Range;

/// One piece of a comment.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token {
    /// A word, folded (`text`, its range in the folded string); `caps` when written in
    /// capitals in a text that has small letters too (`NEVER`), `long` when a letter was held
    /// (`nuuul`, `loooove`, read as `nul`, `love`); `shown` is where it is in the text read
    /// (to show it as written, `déçue`); `class` the word lists it is in.
    Word {
        text: Range<usize>,
        shown: Range<usize>,
        caps: bool,
        long: bool,
        class: Class,
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
}

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
            Some(Token::Word { class, .. }) => *class,
            _ => 0,
        }
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

    /// Cuts `text` into tokens, in place of the last text's.
    pub(super) fn read(&mut self, text: &str) {
        self.folded.clear();
        self.list.clear();
        let has_lower = text.chars().any(char::is_lowercase);
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let rest = &text[at..];
            if let Some(e) = emoticon(rest) {
                let start = self.folded.len();
                self.folded.push_str(e);
                self.list.push(Token::Emoji(start..self.folded.len()));
                at += e.len();
                continue;
            }
            match c {
                '!' => self.list.push(Token::Bang),
                '?' => self.list.push(Token::Question),
                '.' | ',' | ';' | ':' | '\n' | '(' | ')' | '"' | '«' | '»' | '…'
                    if !matches!(self.list.last(), Some(Token::Break)) =>
                {
                    self.list.push(Token::Break);
                }
                '@' => {
                    at = text.len() - skip_to_space(rest).len();
                    continue;
                }
                _ if starts_address(rest) => {
                    at = text.len() - skip_to_space(rest).len();
                    continue;
                }
                _ if c.is_alphabetic() => {
                    let end = rest
                        .find(|ch: char| !(ch.is_alphanumeric() || is_apostrophe(ch)))
                        .unwrap_or(rest.len());
                    self.words(text, at..at + end, has_lower);
                    at += end;
                    continue;
                }
                _ if is_emoji(c) => {
                    let start = self.folded.len();
                    fold_into(&rest[..c.len_utf8()], &mut self.folded);
                    self.list.push(Token::Emoji(start..self.folded.len()));
                }
                _ => {}
            }
            at += c.len_utf8();
        }
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
        let (mut letters, mut upper) = (0usize, true);
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            upper &= c.is_uppercase();
        }
        let caps = has_lower && letters > 1 && upper;
        let mark = self.folded.len();
        fold_into(word, &mut self.folded);
        let long = unheld(&mut self.folded, mark);
        self.push_word(mark..self.folded.len(), from..from + word.len(), caps, long);
    }

    fn push_word(&mut self, text: Range<usize>, shown: Range<usize>, caps: bool, long: bool) {
        let class = self.folded.get(text.clone()).map_or(0, class);
        self.list.push(Token::Word {
            text,
            shown,
            caps,
            long,
            class,
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
