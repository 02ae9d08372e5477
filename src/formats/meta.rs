//! Meta Business Suite post exports (Facebook and Instagram) and Ads Manager campaigns.

use super::Format;
use crate::i18n::Text;
use crate::model::Network;
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};

/// Facebook posts from Meta Business Suite (`Jul-19-2026_Jul-25-2026_<assetid>.csv`).
pub(crate) const FACEBOOK_POSTS: Format = Format {
    id: FormatId::MetaFacebookPosts,
    label: Text {
        en: "Facebook posts (Meta Business Suite)",
        fr: "Publications Facebook (Meta Business Suite)",
    },
    network: Network::Facebook,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["post id"]),
        (PostAccount, &["page name"]),
        (PostText, &["description"]),
        (PostPublished, &["publish time"]),
        (PostPermalink, &["permalink"]),
        (PostKind, &["post type"]),
        (PostViews, &["views"]),
        (PostImpressions, &["impressions"]),
        (PostReach, &["reach"]),
        (PostEngagements, &["reactions, comments and shares"]),
        (PostReactions, &["reactions"]),
        (PostComments, &["comments"]),
        (PostShares, &["shares"]),
        (PostClicks, &["total clicks"]),
        (PostLinkClicks, &["link clicks"]),
    ],
};

/// Instagram posts from Meta Business Suite.
pub(crate) const INSTAGRAM_POSTS: Format = Format {
    id: FormatId::MetaInstagramPosts,
    label: Text {
        en: "Instagram posts (Meta Business Suite)",
        fr: "Publications Instagram (Meta Business Suite)",
    },
    network: Network::Instagram,
    kind: Some(RecordKind::Posts),
    columns: &[
        (PostId, &["post id"]),
        (PostAccount, &["account username"]),
        (PostText, &["description"]),
        (PostPublished, &["publish time"]),
        (PostPermalink, &["permalink"]),
        (PostKind, &["post type"]),
        (PostViews, &["views"]),
        (PostImpressions, &["impressions"]),
        (PostReach, &["reach"]),
        (PostReactions, &["likes"]),
        (PostShares, &["shares"]),
        (PostNewFollows, &["follows"]),
        (PostComments, &["comments"]),
        (PostSaves, &["saves"]),
        (PostProfileVisits, &["profile visits"]),
    ],
};

/// Ads Manager campaigns: the spend, in the currency its header names.
pub(crate) const ADS: Format = Format {
    id: FormatId::FacebookAds,
    label: Text {
        en: "Meta Ads Manager campaigns",
        fr: "Campagnes Meta Ads Manager",
    },
    network: Network::Facebook,
    kind: Some(RecordKind::Ads),
    columns: &[
        (AdCampaign, &["campaign name", "nom de la campagne"]),
        (AdCampaignId, &["campaign id", "identifiant de la campagne"]),
        (
            AdStart,
            &["reporting starts", "debut des rapports", "starts", "debut"],
        ),
        (
            AdEnd,
            &["reporting ends", "fin des rapports", "ends", "fin"],
        ),
        (
            AdSpend,
            &[
                "amount spent (*",
                "amount spent",
                "montant depense (*",
                "montant depense",
            ],
        ),
        (AdImpressions, &["impressions"]),
        (AdReach, &["reach", "couverture"]),
        (AdClicks, &["link clicks", "clics sur un lien"]),
        (
            AdEngagements,
            &[
                "post engagement",
                "post engagements",
                "interactions avec la publication",
            ],
        ),
        (AdNewFollows, &["page likes", "mentions j'aime une page"]),
        (AdConversions, &["results", "resultats"]),
    ],
};

/// The ISO code a header names in parentheses: `Amount Spent (USD)` → `USD`.
pub(crate) fn currency_in_header(header: &str) -> Option<String> {
    let inner = header.trim().strip_suffix(')')?;
    let code = &inner[inner.rfind('(')? + 1..];
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| code.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    #[test]
    fn example_of_currency_in_header() {
        use crate::formats::meta::currency_in_header;
        assert_eq!(
            currency_in_header("Amount Spent (USD)").as_deref(),
            Some("USD")
        );
        assert_eq!(
            currency_in_header("Montant dépensé (EUR)").as_deref(),
            Some("EUR")
        );
        assert_eq!(currency_in_header("Amount Spent"), None);
    }
}
