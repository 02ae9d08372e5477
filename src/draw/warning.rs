//! What the organiser should know before drawing: names of the rules that match nobody, rules
//! the entries cannot meet, places that will stay empty.

use super::rules::Rules;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// Something the organiser should know before drawing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrawWarning {
    /// Stable code (`few_people`, `exclude_unmatched`, `bonus_unmatched`, `no_text`,
    /// `no_dates`).
    pub code: String,
    /// What it means, in the report's language.
    pub message: String,
}

/// What a preparation found, for its warnings (kept, so they can be said in another language).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Found {
    /// There are entries, and none has a text.
    pub(super) no_text: bool,
    /// There are entries, and none has a date.
    pub(super) no_dates: bool,
    /// The items of the exclusion list that matched nobody.
    pub(super) exclude_unmatched: Vec<String>,
    /// The entrants of bonus lines that matched nobody.
    pub(super) bonus_unmatched: Vec<String>,
    /// Whether the rules set a window.
    pub(super) windowed: bool,
    /// People in the draw.
    pub(super) people: usize,
}

/// Every warning, in a fixed order.
pub(super) fn warnings(found: &Found, rules: &Rules, lang: Lang) -> Vec<DrawWarning> {
    [
        exclude_unmatched(&found.exclude_unmatched, lang),
        bonus_unmatched(&found.bonus_unmatched, lang),
        no_text(found.no_text, rules, lang),
        no_dates(found.no_dates, found.windowed, lang),
        few_people(found.people, rules, lang),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn warn(code: &str, message: String) -> Option<DrawWarning> {
    Some(DrawWarning {
        code: code.into(),
        message,
    })
}

fn exclude_unmatched(unmatched: &[String], lang: Lang) -> Option<DrawWarning> {
    if unmatched.is_empty() {
        return None;
    }
    let message = match lang {
        Lang::En => format!(
            "nobody in the entries matches these excluded names (a typo?): {}",
            unmatched.join(", ")
        ),
        Lang::Fr => format!(
            "personne dans les participations ne correspond à ces noms exclus (une faute de frappe\u{a0}?)\u{a0}: {}",
            unmatched.join(", ")
        ),
    };
    warn("exclude_unmatched", message)
}

fn bonus_unmatched(unmatched: &[String], lang: Lang) -> Option<DrawWarning> {
    if unmatched.is_empty() {
        return None;
    }
    let message = match lang {
        Lang::En => format!(
            "these bonus entries go to nobody, as no eligible entry matches: {}",
            unmatched.join(", ")
        ),
        Lang::Fr => format!(
            "ces participations bonus ne vont à personne, aucune participation valable ne correspond\u{a0}: {}",
            unmatched.join(", ")
        ),
    };
    warn("bonus_unmatched", message)
}

fn no_text(none_has_text: bool, rules: &Rules, lang: Lang) -> Option<DrawWarning> {
    let needs_text = !rules.keywords.is_empty() || rules.min_mentions > 0;
    if !needs_text || !none_has_text {
        return None;
    }
    let message = lang.pick(
        "the entries have no text, so the keyword and @mention rules leave everyone out",
        "les participations n’ont pas de texte\u{a0}: les règles de mot-clé et de mentions excluent tout le monde",
    );
    warn("no_text", message.to_string())
}

fn no_dates(none_has_date: bool, windowed: bool, lang: Lang) -> Option<DrawWarning> {
    if !windowed || !none_has_date {
        return None;
    }
    let message = lang.pick(
        "the entries have no dates, so the date window leaves everyone out",
        "les participations n’ont pas de date\u{a0}: la période exclut tout le monde",
    );
    warn("no_dates", message.to_string())
}

fn few_people(people: usize, rules: &Rules, lang: Lang) -> Option<DrawWarning> {
    let wanted = rules.winners as usize + rules.alternates as usize;
    if people >= wanted {
        return None;
    }
    let message = match lang {
        Lang::En => format!(
            "{} eligible people for {} winners and {} alternates: some places stay empty",
            people, rules.winners, rules.alternates
        ),
        Lang::Fr => format!(
            "{} personnes éligibles pour {} gagnants et {} suppléants\u{a0}: des places resteront vides",
            people, rules.winners, rules.alternates
        ),
    };
    warn("few_people", message)
}
