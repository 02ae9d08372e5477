//! The rules of a draw: as the form types them ([`RulesInput`]), and validated into the
//! canonical [`Rules`] the certificate records and the fingerprint covers, or a message per
//! field.

use super::digest::sorted_unique;
use super::entrant::normalise;
use super::rfc3797::Scheme;
use super::suspicion::Suspicion;
use super::text::fold;
use super::window::{compare, iso, parse_iso, Bound};
use crate::form::{Entry, FieldError, Fields, Kind};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::HashMap;

const MAX_WINNERS: f64 = 1000.0;
const MAX_MENTIONS: f64 = 50.0;
const MAX_BONUS: f64 = 10_000.0;
const MAX_KEYWORDS: usize = 20;

/// What one ticket stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// One entry per person, however many times they commented (their first eligible comment
    /// counts).
    #[default]
    Person,
    /// One entry per eligible comment (the same text twice from one person counts once); a
    /// person still wins at most once.
    Comment,
}

/// Extra tickets for one entrant (shared the post, subscribed to the newsletter…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BonusInput {
    /// The entrant's name, handle or profile.
    pub entrant: String,
    /// Tickets added.
    pub entries: Entry,
}

/// The rules as the form types them: every number may be typed text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RulesInput {
    /// One entry per person or per comment.
    pub per: Per,
    /// Number of winners; blank means 1.
    pub winners: Entry,
    /// Number of ordered alternates; blank means 0.
    pub alternates: Entry,
    /// Count replies to other comments as entries (off: only top-level comments count).
    pub include_replies: bool,
    /// Distinct @mentions a comment must hold (tag two friends); blank means 0.
    pub min_mentions: Entry,
    /// Keywords or hashtags every entry must contain (case-insensitive, whole words).
    pub keywords: Vec<String>,
    /// Start of the window (ISO 8601: `2026-06-01` or `2026-06-01T09:00`), inclusive.
    pub from: Option<String>,
    /// End of the window, inclusive to the day, minute or second written.
    pub until: Option<String>,
    /// The organiser's own account: its comments are not entries, mentions of it do not count.
    pub organiser: Option<String>,
    /// People who may not win (staff, past winners): names, handles or profiles.
    pub exclude: Vec<String>,
    /// Extra tickets for named entrants.
    pub bonus: Vec<BonusInput>,
    /// Extra tickets per distinct mention beyond `min_mentions`, per counted comment.
    pub bonus_per_mention: Entry,
    /// Most tickets one person may hold; blank means no limit.
    pub max_entries: Entry,
    /// The kinds of suspicion that leave an entrant out (none: flags are only shown).
    pub exclude_suspicious: Vec<Suspicion>,
    /// How winners are drawn: SHA-256 scores (the default) or RFC 3797.
    pub scheme: Scheme,
}

/// Extra tickets for one entrant, validated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bonus {
    /// The entrant, normalised.
    pub entrant: String,
    /// Tickets added, at least 1.
    pub entries: u32,
}

/// The rules, validated and canonical: what the certificate records and the fingerprint covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// One entry per person or per comment.
    pub per: Per,
    /// Number of winners, 1 to 1000.
    pub winners: u32,
    /// Number of ordered alternates, 0 to 1000.
    pub alternates: u32,
    /// Replies count as entries.
    pub include_replies: bool,
    /// Distinct @mentions a comment must hold.
    pub min_mentions: u32,
    /// Keywords or hashtags every entry must contain, folded (lower case, single spaces).
    pub keywords: Vec<String>,
    /// Start of the window, ISO 8601 at the precision typed.
    pub from: Option<String>,
    /// End of the window, ISO 8601 at the precision typed.
    pub until: Option<String>,
    /// The organiser's account, normalised.
    pub organiser: Option<String>,
    /// Excluded people, normalised, sorted, without duplicates.
    pub exclude: Vec<String>,
    /// Extra tickets, one line per entrant, sorted.
    pub bonus: Vec<Bonus>,
    /// Extra tickets per mention beyond the minimum.
    pub bonus_per_mention: u32,
    /// Most tickets one person may hold.
    pub max_entries: Option<u32>,
    /// The kinds of suspicion that leave an entrant out, sorted; absent from the draw file
    /// when there are none (so drawings made before it existed keep their fingerprint).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_suspicious: Vec<Suspicion>,
    /// How winners are drawn; absent from the draw file for the first scheme (SHA-256
    /// scores), so the draws made before RFC 3797 was offered keep their fingerprint.
    #[serde(default, skip_serializing_if = "Scheme::is_default")]
    pub scheme: Scheme,
}

impl Default for Rules {
    fn default() -> Rules {
        Rules {
            per: Per::Person,
            winners: 1,
            alternates: 0,
            include_replies: false,
            min_mentions: 0,
            keywords: Vec::new(),
            from: None,
            until: None,
            organiser: None,
            exclude: Vec::new(),
            bonus: Vec::new(),
            bonus_per_mention: 0,
            max_entries: None,
            exclude_suspicious: Vec::new(),
            scheme: Scheme::Sha256,
        }
    }
}

impl From<&Rules> for RulesInput {
    fn from(r: &Rules) -> RulesInput {
        let n = |x: u32| Entry::Number(f64::from(x));
        RulesInput {
            per: r.per,
            winners: n(r.winners),
            alternates: n(r.alternates),
            include_replies: r.include_replies,
            min_mentions: n(r.min_mentions),
            keywords: r.keywords.clone(),
            from: r.from.clone(),
            until: r.until.clone(),
            organiser: r.organiser.clone(),
            exclude: r.exclude.clone(),
            bonus: r
                .bonus
                .iter()
                .map(|b| BonusInput {
                    entrant: b.entrant.clone(),
                    entries: n(b.entries),
                })
                .collect(),
            bonus_per_mention: n(r.bonus_per_mention),
            max_entries: r.max_entries.map_or(Entry::Blank, n),
            exclude_suspicious: r.exclude_suspicious.clone(),
            scheme: r.scheme,
        }
    }
}

/// Validates typed rules into canonical [`Rules`], or a message per field (paths such as
/// `winners` or `bonus[0].entries`), listed in the order of the form.
pub(super) fn validate_rules(input: &RulesInput, lang: Lang) -> Result<Rules, Vec<FieldError>> {
    let mut f = Fields::new(lang, None);
    let numbers = read_numbers(&mut f, input);
    let keywords = read_keywords(&mut f, lang, &input.keywords);
    let (from, until) = read_window(&mut f, lang, input);
    let organiser = input
        .organiser
        .as_deref()
        .map(normalise)
        .filter(|o| !o.is_empty());
    let exclude = sorted_unique(
        input
            .exclude
            .iter()
            .map(|e| normalise(e))
            .filter(|e| !e.is_empty())
            .collect(),
    );
    let bonus = read_bonus(&mut f, lang, &input.bonus);
    if !f.errors.is_empty() {
        return Err(f.errors);
    }
    Ok(Rules {
        per: input.per,
        winners: numbers.winners,
        alternates: numbers.alternates,
        include_replies: input.include_replies,
        min_mentions: numbers.min_mentions,
        keywords,
        from,
        until,
        organiser,
        exclude,
        bonus,
        bonus_per_mention: numbers.bonus_per_mention,
        max_entries: numbers.max_entries,
        exclude_suspicious: {
            let mut k = input.exclude_suspicious.clone();
            k.sort();
            k.dedup();
            k
        },
        scheme: input.scheme,
    })
}

/// The whole numbers of the rules.
struct Numbers {
    winners: u32,
    alternates: u32,
    min_mentions: u32,
    bonus_per_mention: u32,
    max_entries: Option<u32>,
}

fn read_numbers(f: &mut Fields, input: &RulesInput) -> Numbers {
    Numbers {
        winners: whole(f, &input.winners, "winners", (1.0, MAX_WINNERS), 1),
        alternates: whole(f, &input.alternates, "alternates", (0.0, MAX_WINNERS), 0),
        min_mentions: whole(
            f,
            &input.min_mentions,
            "min_mentions",
            (0.0, MAX_MENTIONS),
            0,
        ),
        bonus_per_mention: whole(
            f,
            &input.bonus_per_mention,
            "bonus_per_mention",
            (0.0, 100.0),
            0,
        ),
        max_entries: (!blank(&input.max_entries))
            .then(|| whole(f, &input.max_entries, "max_entries", (1.0, MAX_BONUS), 1)),
    }
}

/// A whole number within `range`, `default` when blank or wrong (with a message).
fn whole(f: &mut Fields, e: &Entry, field: &str, range: (f64, f64), default: u32) -> u32 {
    match f.read(e, field, Kind::Within(range.0, range.1)) {
        None => default,
        Some(v) => v as u32,
    }
}

fn blank(e: &Entry) -> bool {
    match e {
        Entry::Blank => true,
        Entry::Text(t) => t.trim().is_empty(),
        Entry::Number(_) => false,
    }
}

/// The keywords folded, each once, blank ones skipped.
fn read_keywords(f: &mut Fields, lang: Lang, typed: &[String]) -> Vec<String> {
    let mut keywords: Vec<String> = Vec::new();
    for (i, k) in typed.iter().enumerate() {
        let k = fold(k);
        if k.is_empty() {
            continue;
        }
        if !k.chars().any(char::is_alphanumeric) {
            let msg = match lang {
                Lang::En => format!("a keyword needs a letter or a digit, found \"{k}\""),
                Lang::Fr => format!(
                    "un mot-clé doit contenir une lettre ou un chiffre, trouvé «\u{a0}{k}\u{a0}»"
                ),
            };
            f.error(&format!("keywords[{i}]"), msg);
        } else if !keywords.contains(&k) {
            keywords.push(k);
        }
    }
    if keywords.len() > MAX_KEYWORDS {
        let msg = match lang {
            Lang::En => format!("at most {MAX_KEYWORDS} keywords"),
            Lang::Fr => format!("au plus {MAX_KEYWORDS} mots-clés"),
        };
        f.error("keywords", msg);
    }
    keywords
}

/// The start and end of the window, canonical; the end may not come before the start.
fn read_window(f: &mut Fields, lang: Lang, input: &RulesInput) -> (Option<String>, Option<String>) {
    let from = window_bound(f, lang, &input.from, "from");
    let until = window_bound(f, lang, &input.until, "until");
    if let (Some(a), Some(b)) = (
        from.as_deref().and_then(Bound::parse),
        until.as_deref().and_then(Bound::parse),
    ) {
        if compare(&a.at, &b) == Ordering::Greater {
            let msg = lang.pick(
                "the end of the window is before its start",
                "la fin de la période est avant son début",
            );
            f.error("until", msg.to_string());
        }
    }
    (from, until)
}

fn window_bound(f: &mut Fields, lang: Lang, text: &Option<String>, field: &str) -> Option<String> {
    let t = text.as_deref().map(str::trim).filter(|t| !t.is_empty())?;
    match parse_iso(t) {
        Some((dt, p)) => Some(iso(&dt, p)),
        None => {
            let msg = match lang {
                Lang::En => format!(
                    "expected a date such as 2026-06-14 or 2026-06-14T18:30, found \"{t}\""
                ),
                Lang::Fr => format!(
                    "une date comme 2026-06-14 ou 2026-06-14T18:30 est attendue, trouvé «\u{a0}{t}\u{a0}»"
                ),
            };
            f.error(field, msg);
            None
        }
    }
}

/// The bonus lines, one per entrant (two lines for one entrant add up), sorted.
fn read_bonus(f: &mut Fields, lang: Lang, typed: &[BonusInput]) -> Vec<Bonus> {
    let mut bonus: HashMap<String, u32> = HashMap::new();
    for (i, b) in typed.iter().enumerate() {
        let who = normalise(&b.entrant);
        let field = format!("bonus[{i}].entries");
        let n = whole(f, &b.entries, &field, (1.0, MAX_BONUS), 0);
        if who.is_empty() {
            if !blank(&b.entries) {
                let msg = lang.pick(
                    "enter who gets these bonus entries",
                    "indiquez qui reçoit ces participations bonus",
                );
                f.error(&format!("bonus[{i}].entrant"), msg.to_string());
            }
            continue;
        }
        if blank(&b.entries) {
            let msg = lang.pick(
                "enter the number of bonus entries",
                "indiquez le nombre de participations bonus",
            );
            f.error(&field, msg.to_string());
            continue;
        }
        let slot = bonus.entry(who).or_insert(0);
        *slot = slot.saturating_add(n).min(MAX_BONUS as u32);
    }
    sorted_unique(bonus.keys().cloned().collect())
        .into_iter()
        .map(|entrant| Bonus {
            entries: bonus.get(&entrant).copied().unwrap_or(0),
            entrant,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_of_validate_rules() {
        let input: RulesInput = serde_json::from_str(
            r#"{"winners": "2", "keywords": [" #Concours "], "exclude": ["@Staff", "staff"]}"#,
        )
        .unwrap();
        let rules = validate_rules(&input, Lang::En).unwrap();
        assert_eq!((rules.winners, rules.alternates), (2, 0));
        assert_eq!(rules.keywords, ["#concours"]);
        assert_eq!(rules.exclude, ["staff"]);
    }

    #[test]
    fn rules_validate_with_a_message_per_field() {
        let input: RulesInput = serde_json::from_str(
            r#"{"winners": "0", "alternates": "abc", "from": "14/06/2026",
                "bonus": [{"entrant": "x"}], "keywords": ["!!"]}"#,
        )
        .unwrap();
        let errors = validate_rules(&input, Lang::Fr).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "winners",
                "alternates",
                "keywords[0]",
                "from",
                "bonus[0].entries"
            ]
        );
        assert_eq!(
            errors[0].message,
            "un nombre entier de 1 à 1000 est attendu, trouvé 0"
        );
        assert!(errors[3].message.contains("«\u{a0}14/06/2026\u{a0}»"));
        let bad: Result<RulesInput, _> = serde_json::from_str(r#"{"winers": 2}"#);
        assert!(bad.is_err(), "unknown keys are rejected");
        let until_first = RulesInput {
            from: Some("2026-06-14".into()),
            until: Some("2026-06-01".into()),
            ..RulesInput::default()
        };
        assert_eq!(
            validate_rules(&until_first, Lang::En).unwrap_err()[0].field,
            "until"
        );
    }

    #[test]
    fn canonical_rules_read_back_as_themselves() {
        let input: RulesInput = serde_json::from_str(
            r##"{"per": "comment", "winners": 3, "alternates": "2", "keywords": ["#A"],
                "from": "2026-06-01 09:00", "until": "2026-06-14", "organiser": "@Brand",
                "exclude": ["b", "A"], "bonus": [{"entrant": "x", "entries": 2}, {"entrant": "@X", "entries": "1"}],
                "max_entries": 5}"##,
        )
        .unwrap();
        let r = validate_rules(&input, Lang::En).unwrap();
        assert_eq!(
            r.bonus,
            [Bonus {
                entrant: "x".into(),
                entries: 3
            }]
        );
        let json = serde_json::to_string(&r).unwrap();
        let again: RulesInput = serde_json::from_str(&json).unwrap();
        assert_eq!(validate_rules(&again, Lang::En).unwrap(), r);
        assert_eq!(validate_rules(&RulesInput::from(&r), Lang::En).unwrap(), r);
    }
}
