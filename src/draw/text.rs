//! The text of names and comments as the draw reads it: invisible characters removed, white
//! space made single, @mentions found, keywords matched as whole words.

/// Characters that change nothing visible and would make one name two: zero-width spaces and
/// non-joiners, direction marks and embeddings, word joiners, the byte order mark, soft hyphens.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Removes controls and invisible characters, turns white space runs into one space, trims.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    clean_into(text, &mut out);
    out
}

/// [`clean`] appended to `out` (which a caller reuses entry after entry: no allocation each).
pub(super) fn clean_into(text: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = out.len() > start;
        } else if !c.is_control() && !invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
}

/// `text.to_lowercase()` appended to `out`, without allocating: char by char, which is what
/// `str::to_lowercase` does but for a capital sigma, whose form depends on its neighbours
/// (the rare text holding one goes through `str::to_lowercase`).
pub(super) fn lower_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        if let Some(added) = out.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    } else if text.contains('\u{3a3}') {
        out.push_str(&text.to_lowercase());
    } else {
        out.extend(text.chars().flat_map(char::to_lowercase));
    }
}

fn handle_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// The length in bytes of the handle `rest` starts with: its ASCII part byte by byte (most
/// handles are all ASCII), the rest, from its first other character, char by char.
fn handle_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let ascii = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'.'))
        .unwrap_or(bytes.len());
    match (bytes.get(ascii), rest.get(ascii..)) {
        (Some(b), Some(tail)) if !b.is_ascii() => {
            ascii
                + tail
                    .char_indices()
                    .find(|&(_, d)| !handle_char(d))
                    .map_or(tail.len(), |(j, _)| j)
        }
        _ => ascii,
    }
}

/// The words of `text` as `str::split_whitespace` gives them, found faster: split first at
/// ASCII white space byte by byte, and only a piece holding other characters split again
/// at Unicode white space (an ASCII white space byte is never part of another character).
pub(super) fn split_words(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        inner: None,
    }
}

/// The words of a text: see [`split_words`].
pub(super) struct Words<'a> {
    text: &'a str,
    /// Where the next piece between ASCII white space starts looking.
    at: usize,
    /// The words of a piece holding other characters than ASCII ones.
    inner: Option<std::str::SplitWhitespace<'a>>,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
        loop {
            if let Some(w) = self.inner.as_mut().and_then(Iterator::next) {
                return Some(w);
            }
            self.inner = None;
            let bytes = self.text.as_bytes();
            let start = self.at + bytes.get(self.at..)?.iter().position(|&b| !space(b))?;
            let len = bytes.get(start..)?.iter().position(|&b| space(b));
            let end = len.map_or(bytes.len(), |n| start + n);
            self.at = end;
            let piece = self.text.get(start..end)?;
            if piece.is_ascii() {
                return Some(piece);
            }
            self.inner = Some(piece.split_whitespace());
        }
    }
}

/// The distinct @mentions of a comment, normalised, in order of appearance. An `@` counts
/// when it starts a word (not `name@example.com`) and is followed by letters, digits, `_` or
/// `.` (a trailing `.` ends the sentence, not the handle). (The core reads them through
/// [`Mentions`], whose buffers serve one entry after another; this is its tests' reference.)
#[cfg_attr(not(test), allow(dead_code))]
pub(super) fn mentions(text: &str) -> Vec<String> {
    let mut found = Mentions::default();
    found.read(text);
    found.iter().map(str::to_string).collect()
}

/// The distinct @mentions of one comment after another, in buffers kept from one to the next.
#[derive(Default)]
pub(super) struct Mentions {
    /// The handles, lower-cased, one after another.
    text: String,
    /// Where each handle ends in `text`.
    ends: Vec<usize>,
    /// One handle being lower-cased.
    one: String,
}

impl Mentions {
    /// Reads the distinct @mentions of `text` (see [`mentions`]), forgetting the previous ones.
    /// Only the `@`s are visited (found with `memchr`): whether one starts a mention depends on
    /// the character just before it alone, and a handle never holds an `@`.
    pub(super) fn read(&mut self, text: &str) {
        self.text.clear();
        self.ends.clear();
        for at in memchr::memchr_iter(b'@', text.as_bytes()) {
            let before = text.get(..at).and_then(|t| t.chars().next_back());
            if before.is_some_and(|p| handle_char(p) || p == '@') {
                continue;
            }
            let start = at + 1;
            let rest = text.get(start..).unwrap_or("");
            let len = handle_len(rest);
            let handle = rest.get(..len).unwrap_or("").trim_end_matches('.');
            self.one.clear();
            lower_into(handle, &mut self.one);
            if !self.one.is_empty() && !self.iter().any(|m| m == self.one) {
                self.text.push_str(&self.one);
                self.ends.push(self.text.len());
            }
        }
    }

    /// The handles read, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(a, b)| self.text.get(a..b).unwrap_or(""))
    }
}

/// Text as keyword matching reads it: cleaned and lower-cased.
pub(super) fn fold(text: &str) -> String {
    clean(text).to_lowercase()
}

/// [`fold`] into `out` (cleared first), with `scratch` for the cleaned text: the two buffers
/// a caller keeps from one entry to the next.
pub(super) fn fold_into(text: &str, scratch: &mut String, out: &mut String) {
    scratch.clear();
    clean_into(text, scratch);
    out.clear();
    lower_into(scratch, out);
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `keyword` (folded) occurs in `text` (folded) as a whole word or tag: `#concours` is not in
/// `#concours2026`, `rouge` is not in `rouges`.
pub(super) fn has_keyword(text: &str, keyword: &str) -> bool {
    let first = keyword
        .chars()
        .next()
        .is_some_and(|c| word_char(c) || c == '#');
    let last = keyword.chars().next_back().is_some_and(word_char);
    text.match_indices(keyword).any(|(i, m)| {
        let before = text.get(..i).and_then(|s| s.chars().next_back());
        let after = text.get(i + m.len()..).and_then(|s| s.chars().next());
        (!first || !before.is_some_and(|c| word_char(c) || c == '#' || c == '@'))
            && (!last || !after.is_some_and(word_char))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_mentions() {
        assert_eq!(
            mentions("Go @Alice, @bob. and @alice! mail@x.fr"),
            ["alice", "bob"]
        );
    }

    #[test]
    fn mentions_and_keywords() {
        assert_eq!(mentions("@a @b @A"), ["a", "b"]);
        assert_eq!(mentions("x@y.com @ z @@w"), Vec::<String>::new());
        assert_eq!(mentions("(@léa_b) et @tom."), ["léa_b", "tom"]);
        let t = fold("J’adore #Concours2026 et #concours !");
        assert!(has_keyword(&t, "#concours"));
        assert!(!has_keyword(&fold("#concours2026"), "#concours"));
        assert!(!has_keyword(&fold("abc#concours"), "#concours"));
        assert!(has_keyword(&fold("Rouge !"), "rouge"));
        assert!(!has_keyword(&fold("rouges"), "rouge"));
        assert!(has_keyword(&fold("je  veux   gagner"), "veux gagner"));
    }

    #[test]
    fn buffers_give_what_allocating_gives() {
        let samples = [
            "  Hello\u{200b}  WORLD\t",
            "ΣΟΦΙΑΣ ΟΔΟΣ",
            "İstanbul STRAßE",
            "Ǆ ǅ ǈ",
            "",
            " \u{1}\n ",
            "Marie\u{a0} Dupont",
            "ΌΣΟΣ. Σ",
            "émoji 😀 ÉTÉ",
        ];
        let (mut scratch, mut out) = (String::new(), String::new());
        for s in samples {
            assert_eq!(
                {
                    let mut c = String::from("x");
                    clean_into(s, &mut c);
                    c
                },
                format!("x{}", clean(s))
            );
            fold_into(s, &mut scratch, &mut out);
            assert_eq!(out, fold(s), "{s:?}");
            let mut lower = String::new();
            lower_into(s, &mut lower);
            assert_eq!(lower, s.to_lowercase(), "{s:?}");
        }
        for t in [
            "@ΣΟΦΙΑΣ @σοφιας x @Ǆa @ǅA",
            "Go @Alice, @bob. and @alice! mail@x.fr @@w (@léa_b)",
            "@a@b @c.@d é@e 😀@f @ @. @g.h. @İx",
            "@",
            "x@",
            "@@",
        ] {
            assert_eq!(mentions(t), reference_mentions(t), "{t}");
        }
    }

    #[test]
    fn split_words_are_split_whitespace_s() {
        let alphabet: Vec<char> = "a é\t\n\r\u{b}\u{c}\u{a0}\u{85}\u{3000}\u{1c}😀,"
            .chars()
            .collect();
        let mut rng = crate::hash::XorShift(0x1234_5678_9abc_def1);
        for _ in 0..20_000 {
            let t = rng.text(&alphabet, 30);
            let ours: Vec<&str> = split_words(&t).collect();
            let theirs: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(ours, theirs, "{t:?}");
        }
    }

    #[test]
    fn mentions_found_by_their_at_signs_are_those_of_the_char_scan() {
        let alphabet: Vec<char> = "@@a.B_ é😀İΣ,1\u{200b}-".chars().collect();
        let mut rng = crate::hash::XorShift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let t = rng.text(&alphabet, 30);
            assert_eq!(mentions(&t), reference_mentions(&t), "{t:?}");
        }
    }

    /// The mentions as they were found before the buffers: one `String` each.
    fn reference_mentions(text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut prev: Option<char> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let starts = c == '@' && !prev.is_some_and(|p| handle_char(p) || p == '@');
            prev = Some(c);
            if !starts {
                continue;
            }
            let start = i + c.len_utf8();
            let mut end = start;
            while let Some(&(j, d)) = chars.peek() {
                if !handle_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                prev = Some(d);
                chars.next();
            }
            let handle = text[start..end].trim_end_matches('.').to_lowercase();
            if !handle.is_empty() && !out.contains(&handle) {
                out.push(handle);
            }
        }
        out
    }
}
