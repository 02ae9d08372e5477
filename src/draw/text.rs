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
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() && !invisible(c) {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

fn handle_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '.'
}

/// The distinct @mentions of a comment, normalised, in order of appearance. An `@` counts
/// when it starts a word (not `name@example.com`) and is followed by letters, digits, `_` or
/// `.` (a trailing `.` ends the sentence, not the handle).
pub(super) fn mentions(text: &str) -> Vec<String> {
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
        let handle = text
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches('.')
            .to_lowercase();
        if !handle.is_empty() && !out.contains(&handle) {
            out.push(handle);
        }
    }
    out
}

/// Text as keyword matching reads it: cleaned and lower-cased.
pub(super) fn fold(text: &str) -> String {
    clean(text).to_lowercase()
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
}
