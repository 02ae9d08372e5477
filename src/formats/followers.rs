//! Follower lists: Instagram's "Download your information" JSON (`followers_1.json`,
//! `following.json`), a list of `{"title", "string_list_data": [{"href", "value",
//! "timestamp"}]}` items, or an object holding one (`{"relationships_following": [...]}`).
//! They are not records the analysis counts: the Files tab and `analyze` name them, and the
//! contest's outcome reads them (`read_followers`) to tell new followers from old ones.

use super::Format;
use crate::i18n::Text;
use crate::model::Network;
use crate::schema::FormatId;

/// `followers_1.json` (`followers_2.json`… for large accounts): who follows the account.
pub(crate) const FOLLOWERS: Format = Format {
    id: FormatId::InstagramFollowers,
    label: Text {
        en: "Instagram follower list (for the contest’s outcome)",
        fr: "Liste d’abonnés Instagram (pour le bilan du concours)",
    },
    network: Network::Instagram,
    kind: None,
    columns: &[],
};

/// `following.json`: whom the account follows.
pub(crate) const FOLLOWING: Format = Format {
    id: FormatId::InstagramFollowing,
    label: Text {
        en: "Instagram following list (for the contest’s outcome)",
        fr: "Liste d’abonnements Instagram (pour le bilan du concours)",
    },
    network: Network::Instagram,
    kind: None,
    columns: &[],
};

/// The follower list whose flattened JSON header is `names` (normalised), if it is one: the
/// `string_list_data` of Instagram's items; `following` when the file is `following.json`.
pub(crate) fn detect(names: &[String], file_name: &str) -> Option<FormatId> {
    let listed = names
        .iter()
        .any(|n| n == "string_list_data" || n.starts_with("string_list_data."));
    if !listed {
        return None;
    }
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    Some(if base.to_ascii_lowercase().starts_with("following") {
        FormatId::InstagramFollowing
    } else {
        FormatId::InstagramFollowers
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_of_detect() {
        use crate::formats::followers::detect;
        use crate::schema::FormatId;
        let names: Vec<String> = ["title", "media_list_data", "string_list_data"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            detect(&names, "followers_1.json"),
            Some(FormatId::InstagramFollowers)
        );
        assert_eq!(
            detect(&names, "connections/followers_and_following/following.json"),
            Some(FormatId::InstagramFollowing)
        );
        assert_eq!(detect(&names[..2], "followers_1.json"), None);
    }
}
