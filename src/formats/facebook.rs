//! Legacy Facebook Page Insights exports (post, page and video level), still in many
//! archives: a second header row of descriptions, and twin columns only it tells apart.

use super::Format;
use crate::i18n::Text;
use crate::model::Network;
use crate::number::DecimalMark;
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};

/// Post level: one row per post.
pub(crate) const POST: Format = Format {
    id: FormatId::FacebookInsightsPost,
    label: Text {
        en: "Facebook Page Insights, posts (legacy)",
        fr: "Statistiques de Page Facebook, publications (ancien export)",
    },
    network: Network::Facebook,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["post id"]),
        (PostPermalink, &["permalink"]),
        (PostText, &["post message"]),
        (PostKind, &["type"]),
        (PostPublished, &["posted"]),
        (PostReach, &["lifetime post total reach"]),
        (PostImpressions, &["lifetime post total impressions"]),
        (PostEngagements, &["lifetime engaged users"]),
        (PostClicks, &["lifetime post consumptions"]),
        (
            PostReactions,
            &[
                "lifetime post stories by action type - like",
                "lifetime talking about this (post) by action type - like",
            ],
        ),
        (
            PostComments,
            &[
                "lifetime post stories by action type - comment",
                "lifetime talking about this (post) by action type - comment",
            ],
        ),
        (
            PostShares,
            &[
                "lifetime post stories by action type - share",
                "lifetime talking about this (post) by action type - share",
            ],
        ),
        (PostVideoViews, &["lifetime total video views"]),
    ],
};

/// Page level: one row per day, hundreds of breakdown columns.
pub(crate) const PAGE: Format = Format {
    id: FormatId::FacebookInsightsPage,
    label: Text {
        en: "Facebook Page Insights, page (legacy, daily)",
        fr: "Statistiques de Page Facebook, page (ancien export, par jour)",
    },
    network: Network::Facebook,
    kind: Some(RecordKind::Daily),
    columns: &[
        (DailyDate, &["date"]),
        (DailyFollowers, &["lifetime total likes"]),
        (DailyNewFollows, &["daily new likes"]),
        (DailyUnfollows, &["daily unlikes"]),
        (DailyEngagedUsers, &["daily page engaged users"]),
        (DailyReach, &["daily total reach"]),
        (DailyImpressions, &["daily total impressions"]),
        (
            DailyProfileViews,
            &["daily logged-in page views", "daily total page views"],
        ),
        (DailyClicks, &["daily page consumptions"]),
        (DailyViews, &["daily total video views"]),
    ],
};

/// Video posts: one row per video.
pub(crate) const VIDEO: Format = Format {
    id: FormatId::FacebookInsightsVideo,
    label: Text {
        en: "Facebook Page Insights, videos (legacy)",
        fr: "Statistiques de Page Facebook, vidéos (ancien export)",
    },
    network: Network::Facebook,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["post id"]),
        (PostPermalink, &["permalink"]),
        (PostText, &["post message"]),
        (PostKind, &["type"]),
        (PostPublished, &["posted"]),
        (PostImpressions, &["lifetime post total impressions"]),
        (PostReach, &["lifetime post total reach"]),
        (PostVideoViews, &["lifetime total video views"]),
    ],
};

/// Whether a row is the description row under the header (`Lifetime: The total number of
/// people who have liked your Page. (Unique Users)`): its key cell (`Post ID`, `Date`) holds
/// no value (blank, or a word without digits), no cell holds a number, and a cell reads like
/// one of Facebook's descriptions (a period first, or a `(Unique Users)` / `(Total Count)`
/// last). A nearly empty row 2 (`,`) is a blank row, skipped before this is asked.
pub(crate) fn is_description_row(cells: &[String]) -> bool {
    let key = cells.first().map_or("", |c| c.trim());
    let key_is_value = key.bytes().any(|b| b.is_ascii_digit());
    let filled = || cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let numbers = filled().any(|c| crate::number::parse(c, DecimalMark::Point).is_ok());
    !key_is_value && !numbers && filled().any(is_description)
}

/// Whether a cell reads like a description of Facebook's legacy exports.
fn is_description(cell: &str) -> bool {
    let c = cell.to_ascii_lowercase();
    let period = ["lifetime", "daily", "weekly", "28 days"]
        .iter()
        .any(|p| c.strip_prefix(p).is_some_and(|r| r.starts_with([':', ' '])));
    period || c.contains("(unique users)") || c.contains("(total count)")
}

/// Tells twin columns apart with the description row: of two columns with the same name, the
/// one described as `(Unique Users)` is renamed `<name> (unique users)`; a column without a
/// twin keeps its name.
pub(crate) fn name_twins(names: &mut [String], descriptions: &[String]) {
    // Counted once, so a header of 80,000 cells takes linear time.
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for n in names.iter() {
        *counts.entry(n.as_str()).or_default() += 1;
    }
    let twins: Vec<bool> = names.iter().map(|n| counts[n.as_str()] > 1).collect();
    for (i, name) in names.iter_mut().enumerate() {
        if !twins[i] {
            continue;
        }
        let d = descriptions
            .get(i)
            .map(|d| d.to_ascii_lowercase())
            .unwrap_or_default();
        if d.contains("(unique users)") {
            name.push_str(" (unique users)");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_rows() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert!(is_description_row(&s(&[
            "",
            "",
            "Lifetime: The total number of people. (Unique Users)"
        ])));
        assert!(!is_description_row(&s(&["1/1/2014", "0"])));
        assert!(!is_description_row(&s(&["", "12"])));
        assert!(
            !is_description_row(&s(&["", ""])),
            "a blank row is no description"
        );
        // The key cell of some exports holds a word; a description may lack its period.
        assert!(is_description_row(&s(&[
            "Date",
            "The number of new people who have liked your Page (Unique Users)",
            ""
        ])));
        assert!(is_description_row(&s(&[
            " ",
            "Daily: The number of clicks on any of your content. (Total Count)",
            "Weekly The number of people who engaged with your Page."
        ])));
        assert!(!is_description_row(&s(&[
            "",
            "Lifetime: The total number of people. (Unique Users)",
            "12"
        ])));
        assert!(!is_description_row(&s(&["111_222", "Daily: a message"])));
    }

    #[test]
    fn twins() {
        let mut names: Vec<String> = ["views", "views", "reach"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let d: Vec<String> = [
            "Lifetime: x (Total Count)",
            "Lifetime: x (Unique Users)",
            "Lifetime: (Unique Users)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        name_twins(&mut names, &d);
        assert_eq!(names, ["views", "views (unique users)", "reach"]);
    }
}
