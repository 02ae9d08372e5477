//! Giveaway entries: comment exports (ExportComments' CSV and `.xlsx`, which puts a few rows
//! above its header) and the like.

use super::Format;
use crate::i18n::Text;
use crate::model::Network;
use crate::schema::FormatId;
use crate::schema::{Field::*, RecordKind};

/// A comment export: one row per comment or reply.
pub(crate) const COMMENTS: Format = Format {
    id: FormatId::Comments,
    label: Text {
        en: "Comments (contest entries)",
        fr: "Commentaires (participations au concours)",
    },
    network: Network::Other,
    kind: Some(RecordKind::Entries),
    columns: &[
        (EntryId, &["id", "comment id", "identifiant"]),
        (EntryParentId, &["subid", "sub id", "parent id", "reply to"]),
        (
            EntryAuthor,
            &[
                "name (click to view profile)",
                "name",
                "username",
                "user",
                "author",
                "nom",
                "nom d'utilisateur",
                "auteur",
                "pseudo",
            ],
        ),
        (
            EntryProfile,
            &[
                "profile id",
                "profile url",
                "profile link",
                "profile",
                "link",
                "profil",
                "lien",
            ],
        ),
        (EntryDate, &["date", "time", "created at"]),
        (
            EntryText,
            &["comment", "comment text", "text", "commentaire", "texte"],
        ),
        (EntryLikes, &["likes", "reactions", "j'aime"]),
    ],
};

/// Names a comment column has, to recognise a comment export.
pub(crate) const TEXT_COLUMNS: &[&str] = &["comment", "comment text", "commentaire"];
