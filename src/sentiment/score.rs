//! The rules: a comment's tokens into one score from −1 to +1, the way VADER (Hutto and
//! Gilbert, 2014) does it, with French rules beside the English ones.
//!
//! Each word or phrase of the lexicon adds its valence, changed by what is around it:
//! - a *booster* before it (`very`, `so`, `très`, `trop`, `vraiment`) adds 0.293 in its
//!   direction, a *dampener* (`a bit`, `un peu`, `plutôt`) takes as much away (0.95 of that
//!   two words back);
//! - a *negation* in the three words before it (`not`, `never`, `don't`, `ne`, `n'`, `pas`,
//!   `jamais`, `sans`) multiplies it by −0.74, once however many negation words (`ne … pas`
//!   is one negation); a phrase that holds its own negation (`pas mal`, `not bad`) is not
//!   negated again;
//! - a word in capitals in a text that has small letters adds 0.733, a held letter
//!   (`nuuul`) 0.293;
//! - after `but`, `however`, `mais`, `par contre`, `pourtant`, words weigh 1.5 times, before
//!   it half.
//!
//! The sum, plus 0.292 per `!` (at most 4) in its direction, is normalised as
//! `sum ÷ √(sum² + 15)`.

use super::lexicon::{french_stems, lexicon, Lexicon};
use super::tokens::Token;
use crate::i18n::Lang;

const BOOST: f32 = 0.293;
const CAPS: f32 = 0.733;
const NEGATE: f32 = -0.74;
const BANG: f32 = 0.292;
const ALPHA: f32 = 15.0;

const NEGATORS_EN: &[&str] = &[
    "not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "without", "hardly",
    "cannot", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont",
    "aint", "shouldnt", "wouldnt", "couldnt", "havent", "hasnt", "hadnt",
];
const NEGATORS_FR: &[&str] = &[
    "ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere",
];
const BOOSTERS_EN: &[&str] = &[
    "very",
    "really",
    "so",
    "extremely",
    "super",
    "totally",
    "absolutely",
    "completely",
    "incredibly",
    "too",
    "truly",
    "highly",
    "such",
    "utterly",
    "seriously",
    "especially",
    "insanely",
    "damn",
    "soo",
    "sooo",
    "way",
];
const BOOSTERS_FR: &[&str] = &[
    "tres",
    "trop",
    "vraiment",
    "tellement",
    "super",
    "hyper",
    "grave",
    "carrement",
    "vachement",
    "extremement",
    "completement",
    "totalement",
    "absolument",
    "si",
    "archi",
    "ultra",
    "mega",
    "franchement",
    "particulierement",
    "bien",
];
const DAMPENERS_EN: &[&str] = &[
    "slightly", "somewhat", "kinda", "fairly", "rather", "partly", "barely", "almost", "bit",
];
const DAMPENERS_FR: &[&str] = &[
    "peu",
    "assez",
    "plutot",
    "legerement",
    "moyennement",
    "presque",
];
const BUT_EN: &[&str] = &["but", "however", "though", "although", "yet"];
const BUT_FR: &[&str] = &[
    "mais",
    "cependant",
    "pourtant",
    "toutefois",
    "neanmoins",
    "contre",
    "revanche",
];

/// One word or phrase found, its valence as the rules left it, and where.
struct Found {
    at: usize,
    valence: f32,
}

/// The score of `tokens` read as `lang`: from −1 (very negative) to +1.
pub(super) fn score(tokens: &[Token], lang: Lang) -> f64 {
    let table = lexicon(lang);
    let words: Vec<Option<&str>> = tokens.iter().map(word).collect();
    let mut found: Vec<Found> = Vec::new();
    let mut negated_for = 0u8;
    let mut but_at = None;
    let mut i = 0;
    while i < tokens.len() {
        let Some(w) = words[i] else {
            if matches!(tokens[i], Token::Break) {
                negated_for = 0;
            }
            if let Token::Emoji(e) = &tokens[i] {
                if let Some(v) = table.get(e) {
                    found.push(Found { at: i, valence: v });
                }
            }
            i += 1;
            continue;
        };
        if is_in(w, buts(lang)) && !(w == "contre" && prev_is(&words, i, "par")) {
            but_at = Some(i);
        }
        if let Some((n, v)) = phrase(table, &words, i, lang) {
            let own_negation = is_in(words[i].unwrap_or(""), negators(lang));
            let booster_next =
                n == 1 && is_booster(w, lang) && next_has_valence(table, &words, i, lang);
            if !booster_next {
                let mut v = emphasis(&tokens[i], v);
                v += boost(&words, i, v, lang);
                if negated_for > 0 && !own_negation {
                    v *= NEGATE;
                }
                found.push(Found { at: i, valence: v });
                negated_for = negated_for.saturating_sub(n as u8);
                i += n;
                continue;
            }
        }
        if is_in(w, negators(lang)) || (lang == Lang::En && w.ends_with("n't")) {
            negated_for = 3;
        } else {
            negated_for = negated_for.saturating_sub(1);
        }
        i += 1;
    }
    finish(&found, but_at, tokens)
}

/// The sum of what was found, weighed around `but`, with the exclamation marks, normalised.
fn finish(found: &[Found], but_at: Option<usize>, tokens: &[Token]) -> f64 {
    let mut sum: f32 = found
        .iter()
        .map(|f| match but_at {
            Some(b) if f.at < b => f.valence * 0.5,
            Some(b) if f.at > b => f.valence * 1.5,
            _ => f.valence,
        })
        .sum();
    let bangs = tokens
        .iter()
        .filter(|t| matches!(t, Token::Bang))
        .count()
        .min(4) as f32;
    if sum != 0.0 {
        sum += sum.signum() * bangs * BANG;
    }
    f64::from(sum / (sum * sum + ALPHA).sqrt())
}

fn word(t: &Token) -> Option<&str> {
    match t {
        Token::Word { text, .. } => Some(text),
        _ => None,
    }
}

fn is_in(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

fn prev_is(words: &[Option<&str>], i: usize, w: &str) -> bool {
    i > 0 && words[i - 1] == Some(w)
}

fn negators(lang: Lang) -> &'static [&'static str] {
    lang.pick_list(NEGATORS_EN, NEGATORS_FR)
}

fn buts(lang: Lang) -> &'static [&'static str] {
    lang.pick_list(BUT_EN, BUT_FR)
}

fn is_booster(w: &str, lang: Lang) -> bool {
    is_in(w, lang.pick_list(BOOSTERS_EN, BOOSTERS_FR))
}

fn is_dampener(w: &str, lang: Lang) -> bool {
    is_in(w, lang.pick_list(DAMPENERS_EN, DAMPENERS_FR))
}

/// The longest phrase of the lexicon starting at word `i` (up to the table's longest, on
/// words of one clause), else the word itself or, in French, one of its stems: how many
/// words it takes and its valence.
fn phrase(table: &Lexicon, words: &[Option<&str>], i: usize, lang: Lang) -> Option<(usize, f32)> {
    let mut key = String::new();
    let mut best = None;
    for n in 1..=table.longest {
        let Some(Some(w)) = words.get(i + n - 1) else {
            break;
        };
        if n > 1 && !key.ends_with('\'') {
            key.push(' ');
        }
        key.push_str(w);
        if let Some(v) = table.get(&key) {
            best = Some((n, v));
        }
        if !table.starts_phrase(&key) {
            break;
        }
    }
    best.or_else(|| single(table, words[i]?, lang).map(|v| (1, v)))
}

fn single(table: &Lexicon, w: &str, lang: Lang) -> Option<f32> {
    table.get(w).or_else(|| {
        let once = held_once(w);
        table.get(&once).or_else(|| match lang {
            Lang::Fr => french_stems(w).find_map(|s| table.get(s)),
            Lang::En => w.strip_suffix('s').and_then(|s| table.get(s)),
        })
    })
}

/// `w` with every doubled letter written once (`toop` → `top`), for held letters.
fn held_once(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn next_has_valence(table: &Lexicon, words: &[Option<&str>], i: usize, lang: Lang) -> bool {
    words
        .get(i + 1)
        .copied()
        .flatten()
        .is_some_and(|_| phrase(table, words, i + 1, lang).is_some())
}

/// Capitals and held letters: a word shouted or stretched weighs more.
fn emphasis(t: &Token, v: f32) -> f32 {
    match t {
        Token::Word { caps, long, .. } => {
            let mut v = v;
            if *caps {
                v += v.signum() * CAPS;
            }
            if *long {
                v += v.signum() * BOOST;
            }
            v
        }
        _ => v,
    }
}

/// What the boosters and dampeners of the two words before `i` add to `v`.
fn boost(words: &[Option<&str>], i: usize, v: f32, lang: Lang) -> f32 {
    let mut total = 0.0;
    for (back, scale) in [(1usize, 1.0f32), (2, 0.95)] {
        let Some(Some(w)) = i.checked_sub(back).and_then(|j| words.get(j)) else {
            break;
        };
        if is_booster(w, lang) {
            total += v.signum() * BOOST * scale;
        } else if is_dampener(w, lang) {
            total -= v.signum() * BOOST * scale;
        }
    }
    total
}

trait PickList {
    fn pick_list(
        self,
        en: &'static [&'static str],
        fr: &'static [&'static str],
    ) -> &'static [&'static str];
}

impl PickList for Lang {
    fn pick_list(
        self,
        en: &'static [&'static str],
        fr: &'static [&'static str],
    ) -> &'static [&'static str] {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }
}
