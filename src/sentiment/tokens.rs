//! A comment cut into what the rules read: words (folded, with French elision split off:
//! `j'adore` is `j'` then `adore`, `n'aime` is `n'` then `aime`), emoji and emoticons,
//! exclamation and question marks, and the breaks between clauses. Addresses and @mentions
//! are left out: `@happy_baker` says nothing of how its author feels.

use super::lexicon::fold;

/// One piece of a comment.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token {
    /// A word, folded; `caps` when written in capitals in a text that has small letters too
    /// (`NEVER`), `long` when a letter was held (`nuuul`, `loooove`, read as `nul`, `love`);
    /// `shown` is the word as written, in lower case (`déçue`), to show it.
    Word {
        text: String,
        shown: String,
        caps: bool,
        long: bool,
    },
    /// An emoji or an emoticon (`:)`, `<3`).
    Emoji(String),
    /// `!`.
    Bang,
    /// `?`.
    Question,
    /// The end of a clause: `.`, `,`, `;`, `:`, a line break.
    Break,
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

/// Cuts `text` into tokens.
pub(super) fn tokens(text: &str) -> Vec<Token> {
    let has_lower = text.chars().any(char::is_lowercase);
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Emoticons are ASCII, matched without regard to case, without a copy of the text.
        let head = rest.as_bytes();
        let may = matches!(head.first(), Some(b'>' | b':' | b';' | b'=' | b'<'));
        if let Some(e) = EMOTICONS
            .iter()
            .filter(|_| may)
            .find(|e| head.len() >= e.len() && head[..e.len()].eq_ignore_ascii_case(e.as_bytes()))
            .filter(|e| !followed_by_letter(rest, e.len()))
        {
            out.push(Token::Emoji((*e).to_string()));
            rest = &rest[e.len()..];
            continue;
        }
        let len = c.len_utf8();
        match c {
            '!' => out.push(Token::Bang),
            '?' => out.push(Token::Question),
            '.' | ',' | ';' | ':' | '\n' | '(' | ')' | '"' | '«' | '»' | '…'
                if out.last() != Some(&Token::Break) =>
            {
                out.push(Token::Break);
            }
            '@' => {
                rest = skip_to_space(rest);
                continue;
            }
            _ if starts_address(rest) => {
                rest = skip_to_space(rest);
                continue;
            }
            _ if c.is_alphabetic() => {
                let end = rest
                    .find(|ch: char| !(ch.is_alphanumeric() || is_apostrophe(ch)))
                    .unwrap_or(rest.len());
                words(&rest[..end], has_lower, &mut out);
                rest = &rest[end..];
                continue;
            }
            _ if is_emoji(c) => out.push(Token::Emoji(fold(&c.to_string()))),
            _ => {}
        }
        rest = &rest[len..];
    }
    out
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

/// One run of letters and apostrophes: French elisions split off, then the word.
fn words(run: &str, has_lower: bool, out: &mut Vec<Token>) {
    let mut rest = run;
    loop {
        let cut = rest.char_indices().find(|&(_, c)| is_apostrophe(c));
        match cut {
            Some((i, c)) if ELIDED.contains(&fold(&rest[..i]).as_str()) => {
                out.push(Token::Word {
                    text: format!("{}'", fold(&rest[..i])),
                    shown: String::new(),
                    caps: false,
                    long: false,
                });
                rest = &rest[i + c.len_utf8()..];
            }
            _ => break,
        }
    }
    let word = rest.trim_matches(is_apostrophe);
    if word.is_empty() {
        return;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = has_lower && letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    let folded = fold(word);
    let (text, long) = unheld(&folded);
    let shown = word.to_lowercase();
    out.push(Token::Word {
        text,
        shown,
        caps,
        long,
    });
}

/// A word with every letter held three times or more written once (`nuuul` → `nul`),
/// and whether there was one.
fn unheld(w: &str) -> (String, bool) {
    let mut out = String::with_capacity(w.len());
    let mut long = false;
    let mut run = 0;
    let mut last = None;
    for c in w.chars() {
        if Some(c) == last {
            run += 1;
        } else {
            run = 1;
            last = Some(c);
        }
        if run == 3 {
            long = true;
            // Keep the held letter twice: `coool` → `cool`, `tooop` → `toop` (then
            // [`super::score`] also tries it once: `top`).
        }
        if run <= 2 {
            out.push(c);
        }
    }
    (out, long)
}

/// Whether `c` is an emoji the lexicon may list (the pictographic blocks and a few symbols).
fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F300..=0x1FAFF | 0x2600..=0x27BF | 0x2B50 | 0x2B55)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<String> {
        tokens(text)
            .into_iter()
            .map(|t| match t {
                Token::Word { text, .. } => text,
                Token::Emoji(e) => e,
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
        let t = tokens("this is NOT ok, nuuul");
        assert!(matches!(&t[2], Token::Word { text, caps: true, .. } if text == "not"));
        assert!(matches!(&t[5], Token::Word { text, long: true, .. } if text == "nuul"));
        // All capitals throughout is a shout only when the rest of the text has small letters.
        assert!(matches!(
            &tokens("GREAT")[0],
            Token::Word { caps: false, .. }
        ));
    }
}
