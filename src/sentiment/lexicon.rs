//! The lexicons: the words and phrases of each language with their valence (`en.txt`,
//! `fr.txt`) and the emoji both languages share (`emoji.txt`), read once into one table
//! with the small word lists ([`super::classes`]), and the folding every key and token goes
//! through (lower case, no accents).

use super::classes::{lists, Class};
use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

pub(super) type Fixed = foldhash::fast::FixedState;

/// What one language's lexicon says of a key.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Key {
    /// Its valence, when it is an entry.
    pub(super) valence: Option<f32>,
    /// Whether a longer phrase starts with it.
    pub(super) starts: bool,
}

/// What the table says of a key: the word lists it is in and what each language's lexicon
/// says of it (English, French).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Entry {
    /// The word lists it is in (0 for none).
    pub(super) class: Class,
    /// English's, French's.
    keys: [Key; 2],
}

impl Entry {
    /// What `lang`'s lexicon says of it.
    pub(super) fn key(&self, lang: Lang) -> Key {
        self.keys[slot(lang)]
    }
}

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Fr => 1,
    }
}

/// One language's lexicon: how many entries, and the most words a phrase of it has.
pub(super) struct Lexicon {
    lang: Lang,
    entries: usize,
    /// The most words a phrase of this lexicon has.
    pub(super) longest: usize,
}

/// Both lexicons and the word lists by key (a comment's every word is looked up: hashing
/// beats a binary search over thousands of keys), with every key a longer phrase starts
/// with (`c'`, `c'est`, `c'est pas` for `c'est pas terrible`): a phrase is looked for only
/// while its words so far start one. One lookup of a word says all of it.
struct Table {
    by_key: HashMap<String, Entry, Fixed>,
    lexicons: [Lexicon; 2],
}

impl Table {
    fn read() -> Table {
        let mut by_key: HashMap<String, Entry, Fixed> = HashMap::default();
        let lexicons = [(Lang::En, [EN, EMOJI]), (Lang::Fr, [FR, EMOJI])].map(|(lang, texts)| {
            let entries = entries(&texts);
            for (k, v) in &entries {
                by_key.entry(k.clone()).or_default().keys[slot(lang)].valence = Some(*v);
            }
            for (k, _) in &entries {
                for (i, c) in k.char_indices() {
                    let start = match c {
                        ' ' => &k[..i],
                        '\'' if i + 1 < k.len() => &k[..=i],
                        _ => continue,
                    };
                    by_key.entry(start.to_string()).or_default().keys[slot(lang)].starts = true;
                }
            }
            let longest = entries
                .iter()
                .map(|(k, _)| k.split(' ').count())
                .max()
                .unwrap_or(1);
            Lexicon {
                lang,
                entries: entries.len(),
                longest,
            }
        });
        for (list, bit) in lists() {
            for w in list {
                by_key.entry((*w).to_string()).or_default().class |= bit;
            }
        }
        Table { by_key, lexicons }
    }
}

/// The entries of the lexicon files `texts`: folded keys, sorted, each once.
fn entries(texts: &[&str]) -> Vec<(String, f32)> {
    let mut entries: Vec<(String, f32)> = texts
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (key, value) = l.split_once('\t')?;
            Some((fold(key.trim()), value.trim().parse().ok()?))
        })
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    // The first of two equal keys wins (a file lists a word once; a later duplicate is
    // a slip the test `lexicons_are_clean` names).
    entries.dedup_by(|b, a| a.0 == b.0);
    entries
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::read)
}

/// What the table says of the folded key `key`: its word lists and both lexicons' entries.
pub(super) fn entry(key: &str) -> Entry {
    table().by_key.get(key).copied().unwrap_or_default()
}

impl Lexicon {
    /// The valence of a folded key, if listed.
    pub(super) fn get(&self, key: &str) -> Option<f32> {
        self.find(key).valence
    }

    /// The valence of a folded key, if listed, and whether a longer phrase of the lexicon
    /// starts with it.
    pub(super) fn find(&self, key: &str) -> Key {
        entry(key).key(self.lang)
    }

    /// How many entries (the documentation quotes it).
    pub(super) fn len(&self) -> usize {
        self.entries
    }
}

const EN: &str = include_str!("en.txt");
const FR: &str = include_str!("fr.txt");
const EMOJI: &str = include_str!("emoji.txt");

/// The lexicon of `lang`: its words and phrases, and the emoji.
pub(super) fn lexicon(lang: Lang) -> &'static Lexicon {
    &table().lexicons[slot(lang)]
}

/// A key as the tables hold it: lower case, accents removed (`Déçue` → `decue`), the
/// typographic apostrophe made straight, emoji variation selectors and skin tones dropped.
pub(super) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] written at the end of `out`.
pub(super) fn fold_into(s: &str, out: &mut String) {
    let mut rest = s;
    while !rest.is_empty() {
        // ASCII (but the grave accent) is only lower-cased: a run of it at once.
        let n = rest
            .bytes()
            .position(|b| !b.is_ascii() || b == b'`')
            .unwrap_or(rest.len());
        if n > 0 {
            let mark = out.len();
            out.push_str(&rest[..n]);
            out[mark..].make_ascii_lowercase();
            rest = &rest[n..];
            continue;
        }
        let Some(c) = rest.chars().next() else {
            break;
        };
        fold_char(c, out);
        rest = &rest[c.len_utf8()..];
    }
}

/// One character folded at the end of `out`.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{fe0f}' | '\u{fe0e}' | '\u{200d}' | '\u{1f3fb}'..='\u{1f3ff}' => {}
        '’' | 'ʼ' | '`' | '´' => out.push('\''),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => match unaccent(c) {
            Some(s) => out.push_str(s),
            None => out.extend(c.to_lowercase()),
        },
    }
}

/// The letters French (and English loans) write with an accent, without it, in lower case.
fn unaccent(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => "e",
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => "i",
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => "o",
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => "u",
        'ç' | 'Ç' => "c",
        'ÿ' | 'Ÿ' => "y",
        'ñ' | 'Ñ' => "n",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        _ => return None,
    })
}

/// The forms a French word not listed is also looked up as: without its plural (`-s`,
/// `-x`), then its feminine (`-e`), then a doubled last consonant (`bonne` → `bon`,
/// `nulle` → `nul`).
pub(super) fn french_stems(word: &str) -> impl Iterator<Item = &str> {
    let plural = word
        .strip_suffix('s')
        .or_else(|| word.strip_suffix('x'))
        .filter(|w| w.len() > 2);
    let base = plural.unwrap_or(word);
    let feminine = base.strip_suffix('e').filter(|w| w.len() > 2);
    let single = feminine.and_then(|w| {
        let b = w.as_bytes();
        let n = b.len();
        (n > 3 && b[n - 1] == b[n - 2] && matches!(b[n - 1], b'l' | b'n' | b't' | b's'))
            .then(|| &w[..n - 1])
    });
    [plural, feminine, single].into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_stems() {
        assert_eq!(fold("Déçue’S ❤️"), "decue's ❤");
        assert_eq!(fold("ŒUVRE"), "oeuvre");
        assert_eq!(fold("👍🏽"), "👍");
        assert_eq!(
            french_stems("decues").collect::<Vec<_>>(),
            ["decue", "decu"]
        );
        assert_eq!(
            french_stems("nulles").collect::<Vec<_>>(),
            ["nulle", "null", "nul"]
        );
        assert_eq!(french_stems("bonne").collect::<Vec<_>>(), ["bonn", "bon"]);
        assert_eq!(french_stems("pas").count(), 0);
    }

    #[test]
    fn ascii_runs_fold_as_their_characters_do() {
        let alphabet: Vec<char> = "aZ `´’é É\u{fe0f}👍🏽Œß1!".chars().collect();
        let mut rng = crate::hash::XorShift(0xf01d);
        for _ in 0..20_000 {
            let text = rng.text(&alphabet, 16);
            let mut one_by_one = String::new();
            text.chars().for_each(|c| fold_char(c, &mut one_by_one));
            assert_eq!(fold(&text), one_by_one, "{text:?}");
        }
    }

    #[test]
    fn lexicons_are_clean() {
        for (name, text) in [("en.txt", EN), ("fr.txt", FR), ("emoji.txt", EMOJI)] {
            let mut seen = std::collections::HashSet::new();
            for (n, line) in text.lines().enumerate() {
                let l = line.trim();
                if l.is_empty() || l.starts_with('#') {
                    continue;
                }
                let (key, value) = l
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("{name}:{}: no tab", n + 1));
                let v: f32 = value
                    .parse()
                    .unwrap_or_else(|_| panic!("{name}:{}: {value:?} is no number", n + 1));
                assert!(
                    (-4.0..=4.0).contains(&v),
                    "{name}:{}: {v} out of range",
                    n + 1
                );
                assert_eq!(fold(key), key, "{name}:{}: {key:?} is not folded", n + 1);
                assert!(seen.insert(key), "{name}:{}: {key:?} twice", n + 1);
            }
        }
        assert!(lexicon(Lang::En).len() > 400);
        assert!(lexicon(Lang::Fr).len() > 500);
        assert_eq!(lexicon(Lang::Fr).get("decu"), Some(-2.4));
    }
}
