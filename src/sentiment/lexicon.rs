//! The lexicons: the words and phrases of each language with their valence (`en.txt`,
//! `fr.txt`) and the emoji both languages share (`emoji.txt`), read once into sorted tables,
//! and the folding every key and token goes through (lower case, no accents).

use crate::i18n::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

type Fixed = foldhash::fast::FixedState;

/// What the table says of a key.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Key {
    /// Its valence, when it is an entry.
    pub(super) valence: Option<f32>,
    /// Whether a longer phrase starts with it.
    pub(super) starts: bool,
}

/// One language's table: folded keys, sorted, with their valence.
pub(super) struct Lexicon {
    entries: Vec<(String, f32)>,
    /// The same by key (a comment's every word is looked up: hashing beats a binary search
    /// over thousands of keys), and every key a longer phrase starts with (`c'`, `c'est`,
    /// `c'est pas` for `c'est pas terrible`): a phrase is looked for only while its words so
    /// far start one. One lookup says both.
    by_key: HashMap<String, Key, Fixed>,
    /// The most words a phrase of this table has.
    pub(super) longest: usize,
}

impl Lexicon {
    fn read(texts: &[&str]) -> Lexicon {
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
        let longest = entries
            .iter()
            .map(|(k, _)| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut by_key: HashMap<String, Key, Fixed> = entries
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    Key {
                        valence: Some(*v),
                        starts: false,
                    },
                )
            })
            .collect();
        for (k, _) in &entries {
            for (i, c) in k.char_indices() {
                let start = match c {
                    ' ' => &k[..i],
                    '\'' if i + 1 < k.len() => &k[..=i],
                    _ => continue,
                };
                by_key.entry(start.to_string()).or_default().starts = true;
            }
        }
        Lexicon {
            entries,
            by_key,
            longest,
        }
    }

    /// The valence of a folded key, if listed.
    pub(super) fn get(&self, key: &str) -> Option<f32> {
        self.by_key.get(key).and_then(|k| k.valence)
    }

    /// The valence of a folded key, if listed, and whether a longer phrase of the table
    /// starts with it.
    pub(super) fn find(&self, key: &str) -> Key {
        self.by_key.get(key).copied().unwrap_or_default()
    }

    /// How many entries (the documentation quotes it).
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }
}

const EN: &str = include_str!("en.txt");
const FR: &str = include_str!("fr.txt");
const EMOJI: &str = include_str!("emoji.txt");

/// The table of `lang`: its words and phrases, and the emoji.
pub(super) fn lexicon(lang: Lang) -> &'static Lexicon {
    static TABLES: OnceLock<[Lexicon; 2]> = OnceLock::new();
    let [en, fr] =
        TABLES.get_or_init(|| [Lexicon::read(&[EN, EMOJI]), Lexicon::read(&[FR, EMOJI])]);
    match lang {
        Lang::En => en,
        Lang::Fr => fr,
    }
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
    for c in s.chars() {
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
