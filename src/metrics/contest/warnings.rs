//! What to know about the contest's data: comments missing from the file, more participants
//! than entries, follower lists that disagree with the counts typed or name someone twice.

use super::input::Followers;
use super::numbers::Numbers;
use crate::draw::Warning;
use crate::i18n::Lang;

/// The warnings of the numbers `n` read from an input whose followers are `followers`.
pub(super) fn warnings(n: &Numbers, followers: &Followers, lang: Lang) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if let (Some(shown), Some(held)) = (n.comments_shown, n.comments_in_file) {
        let held = held as f64;
        if held < shown {
            warnings.push(comments_missing(held, shown, lang));
        }
    }
    if let (Some(e), Some(p)) = (&n.entries, &n.participants) {
        if p.value > e.value {
            warnings.push(Warning {
                code: "participants_above_entries".into(),
                message: lang
                    .pick(
                        "more participants than entries: each participant has at least one entry",
                        "plus de participants que de participations\u{a0}: chaque participant a au moins une participation",
                    )
                    .to_string(),
            });
        }
    }
    let moments = [&n.before, &n.at_close]
        .into_iter()
        .chain(n.later.iter().map(|(_, m)| m));
    for m in moments {
        if let (Some((name, typed)), Some(c)) = (&m.differs, m.count) {
            warnings.push(list_count_differs(name, c, *typed, lang));
        }
    }
    let lists = [&followers.before.list, &followers.at_close.list]
        .into_iter()
        .chain(followers.later.iter().map(|l| &l.list))
        .flatten();
    for l in lists.filter(|l| l.duplicates > 0) {
        warnings.push(Warning {
            code: "list_duplicates".into(),
            message: match lang {
                Lang::En => format!(
                    "{}: {} followers are listed more than once and count once",
                    l.name, l.duplicates
                ),
                Lang::Fr => format!(
                    "{}\u{a0}: {} abonnés figurent plusieurs fois et comptent une fois",
                    l.name, l.duplicates
                ),
            },
        });
    }
    warnings
}

/// The comment file holds `held` comments, the post shows `shown`.
fn comments_missing(held: f64, shown: f64, lang: Lang) -> Warning {
    let missing = shown - held;
    Warning {
        code: "comments_missing".into(),
        message: match lang {
            Lang::En => format!(
                "the comment file holds {held} comments but the post shows {shown}: {missing} are missing (exports are often capped), so entries, participants and the draw cover only the comments in the file"
            ),
            Lang::Fr => format!(
                "le fichier contient {held} commentaires mais la publication en affiche {shown}\u{a0}: il en manque {missing} (les exports sont souvent plafonnés)\u{a0}; participations, participants et tirage ne portent que sur les commentaires du fichier"
            ),
        },
    }
}

/// The list `name` holds `count` followers, the count typed for the same moment is `typed`.
fn list_count_differs(name: &str, count: f64, typed: f64, lang: Lang) -> Warning {
    Warning {
        code: "list_count_differs".into(),
        message: match lang {
            Lang::En => format!(
                "{name} holds {count} followers but the count typed for the same moment is {typed}: the list is used"
            ),
            Lang::Fr => format!(
                "{name} contient {count} abonnés mais le nombre saisi pour le même moment est {typed}\u{a0}: la liste est utilisée"
            ),
        },
    }
}
