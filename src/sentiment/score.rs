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

use super::classes::{booster, but, dampener, negator};
use super::lexicon::{french_stems, lexicon, Lexicon};
use super::tokens::{Token, Tokens};
use crate::i18n::Lang;

const BOOST: f32 = 0.293;
const CAPS: f32 = 0.733;
const NEGATE: f32 = -0.74;
const BANG: f32 = 0.292;
const ALPHA: f32 = 15.0;

/// One word or phrase found, its valence as the rules left it, and where.
#[derive(Debug)]
struct Found {
    at: usize,
    valence: f32,
}

/// The buffers scoring reuses from one text to the next.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    /// The phrase being looked up.
    key: String,
    /// A word with its doubled letters written once.
    once: String,
    found: Vec<Found>,
}

/// The score of the tokens `t` read as `lang`: from −1 (very negative) to +1.
pub(super) fn score(t: &Tokens, lang: Lang, scratch: &mut Scratch) -> f64 {
    let table = lexicon(lang);
    let mut found = std::mem::take(&mut scratch.found);
    found.clear();
    let mut negated_for = 0u8;
    let mut but_at = None;
    let mut i = 0;
    while i < t.len() {
        let Some(w) = t.word(i) else {
            match &t.list()[i] {
                Token::Break => negated_for = 0,
                e @ Token::Emoji(_) => {
                    if let Some(v) = table.get(t.text(e)) {
                        found.push(Found { at: i, valence: v });
                    }
                }
                _ => {}
            }
            i += 1;
            continue;
        };
        let class = t.class(i);
        if class & but(lang) != 0 && !(w == "contre" && i > 0 && t.word(i - 1) == Some("par")) {
            but_at = Some(i);
        }
        if let Some((n, v)) = phrase(table, t, i, lang, scratch) {
            let own_negation = class & negator(lang) != 0;
            let booster_next = n == 1
                && class & booster(lang) != 0
                && t.word(i + 1).is_some()
                && phrase(table, t, i + 1, lang, scratch).is_some();
            if !booster_next {
                let mut v = emphasis(&t.list()[i], v);
                v += boost(t, i, v, lang);
                if negated_for > 0 && !own_negation {
                    v *= NEGATE;
                }
                found.push(Found { at: i, valence: v });
                negated_for = negated_for.saturating_sub(n as u8);
                i += n;
                continue;
            }
        }
        if class & negator(lang) != 0 || (lang == Lang::En && w.ends_with("n't")) {
            negated_for = 3;
        } else {
            negated_for = negated_for.saturating_sub(1);
        }
        i += 1;
    }
    let s = finish(&found, but_at, t.list());
    scratch.found = found;
    s
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

/// The longest phrase of the lexicon starting at word `i` (up to the table's longest, on
/// words of one clause), else the word itself or, in French, one of its stems: how many
/// words it takes and its valence.
fn phrase(
    table: &Lexicon,
    t: &Tokens,
    i: usize,
    lang: Lang,
    scratch: &mut Scratch,
) -> Option<(usize, f32)> {
    let first = t.word(i)?;
    let found = t.key(i, lang);
    let mut best = found.valence.map(|v| (1, v));
    if found.starts {
        let key = &mut scratch.key;
        key.clear();
        key.push_str(first);
        for n in 2..=table.longest {
            let Some(w) = t.word(i + n - 1) else {
                break;
            };
            if !key.ends_with('\'') {
                key.push(' ');
            }
            key.push_str(w);
            let found = table.find(key);
            if let Some(v) = found.valence {
                best = Some((n, v));
            }
            if !found.starts {
                break;
            }
        }
    }
    // The word alone was looked up first above: only its other forms are left.
    best.or_else(|| {
        t.other_forms(i, lang, || {
            other_forms(table, first, lang, &mut scratch.once)
        })
        .map(|v| (1, v))
    })
}

/// The valence of a word not listed as written: once its doubled letters are written once,
/// else (French) one of its stems, (English) without its plural.
fn other_forms(table: &Lexicon, w: &str, lang: Lang, once: &mut String) -> Option<f32> {
    // An ASCII word without two equal letters in a row is its own held-once form.
    let doubled = !w.is_ascii() || w.as_bytes().windows(2).any(|p| p[0] == p[1]);
    let held = doubled
        .then(|| held_once(w, once))
        .filter(|()| once.as_str() != w)
        .and_then(|()| table.get(once));
    held.or_else(|| match lang {
        Lang::Fr => french_stems(w).find_map(|s| table.get(s)),
        Lang::En => w.strip_suffix('s').and_then(|s| table.get(s)),
    })
}

/// `w` with every doubled letter written once (`toop` → `top`), for held letters, into `out`.
fn held_once(w: &str, out: &mut String) {
    out.clear();
    for c in w.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
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
fn boost(t: &Tokens, i: usize, v: f32, lang: Lang) -> f32 {
    let mut total = 0.0;
    for (back, scale) in [(1usize, 1.0f32), (2, 0.95)] {
        let Some(j) = i.checked_sub(back).filter(|&j| t.word(j).is_some()) else {
            break;
        };
        if t.class(j) & booster(lang) != 0 {
            total += v.signum() * BOOST * scale;
        } else if t.class(j) & dampener(lang) != 0 {
            total -= v.signum() * BOOST * scale;
        }
    }
    total
}
