//! Giveaway entries: comment exports (ExportComments' CSV and `.xlsx`, which puts a few rows
//! above its header) and the like. Their `Link` (`Lien`) column is the commenter's profile
//! only when it holds profile addresses: some tools write the comment's own address there
//! (`…/p/<post>/c/<comment>/`, `…?comment_id=`), which is kept as the comment's link, the
//! person then being their name or handle.

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
        (
            EntryLink,
            &["comment link", "comment url", "lien du commentaire"],
        ),
        (EntryDate, &["date", "time", "created at"]),
        (
            EntryText,
            &["comment", "comment text", "text", "commentaire", "texte"],
        ),
        (EntryLikes, &["likes", "reactions", "j'aime"]),
    ],
};

/// Whether `url` is the address of a post or a comment rather than of a person: a post or
/// reel (`/p/`, `/reel/`, `/status/`, `/posts/`, `/videos/`, `/video/`, `/watch`, `/shorts/`),
/// or a comment (`/c/`, `comment_id=`, `/comment/`).
pub(crate) fn is_content_address(url: &str) -> bool {
    let u = url.trim().as_bytes();
    let starts = |p: &[u8]| u.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return false;
    }
    // What `to_ascii_lowercase().contains(part)` said for each part, without the copy: every
    // part is ASCII, so it occurs where the bytes match, ASCII case aside; each part holds a
    // `/`, `=` or `.` at a known place, so only those places are tried.
    // (`reply_comment_id=` holds `comment_id=`.)
    const SLASHED: [&[u8]; 13] = [
        b"/p/",
        b"/reel/",
        b"/reels/",
        b"/tv/",
        b"/status/",
        b"/statuses/",
        b"/posts/",
        b"/videos/",
        b"/video/",
        b"/watch",
        b"/shorts/",
        b"/c/",
        b"/comment/",
    ];
    const EQUALS: [&[u8]; 2] = [b"comment_id=", b"story_fbid="];
    const DOTTED: &[u8] = b"permalink.php";
    let at = |i: usize, p: &[u8]| {
        u.get(i..i + p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    (0..u.len()).any(|i| match u[i] {
        b'/' => {
            // The byte after the `/` rules out most parts at once.
            let next = u.get(i + 1).map_or(0, u8::to_ascii_lowercase);
            SLASHED.iter().any(|p| p[1] == next && at(i, p))
        }
        b'=' => EQUALS
            .iter()
            .any(|p| i + 1 >= p.len() && at(i + 1 - p.len(), p)),
        b'.' => i >= 9 && at(i - 9, DOTTED),
        _ => false,
    })
}

/// Names a comment column has, to recognise a comment export.
pub(crate) const TEXT_COLUMNS: &[&str] = &["comment", "comment text", "commentaire"];

#[cfg(test)]
mod tests {
    #[test]
    fn example_of_is_content_address() {
        use crate::formats::comments::is_content_address;
        assert!(is_content_address(
            "https://www.instagram.com/p/DAbc123/c/17900000000000001/"
        ));
        assert!(is_content_address(
            "https://www.facebook.com/atelier/posts/401?comment_id=99"
        ));
        assert!(is_content_address(
            "https://x.com/acme/status/1770000000000000001"
        ));
        assert!(is_content_address("https://www.instagram.com/reel/C1x/"));
        assert!(!is_content_address("https://www.instagram.com/lea.b/"));
        assert!(!is_content_address(
            "https://www.facebook.com/profile.php?id=1000"
        ));
        assert!(!is_content_address("100012345"));
    }

    /// The addresses told apart as they were before the byte scan: lower-cased, then searched.
    fn reference(url: &str) -> bool {
        let u = url.trim().to_ascii_lowercase();
        if !(u.starts_with("http://") || u.starts_with("https://") || u.starts_with("www.")) {
            return false;
        }
        [
            "/p/",
            "/reel/",
            "/reels/",
            "/tv/",
            "/status/",
            "/statuses/",
            "/posts/",
            "/videos/",
            "/video/",
            "/watch",
            "/shorts/",
            "/c/",
            "/comment/",
            "comment_id=",
            "reply_comment_id=",
            "story_fbid=",
            "permalink.php",
        ]
        .iter()
        .any(|part| u.contains(part))
    }

    #[test]
    fn the_byte_scan_tells_addresses_as_the_search_did() {
        use crate::formats::comments::is_content_address;
        let samples = [
            " HTTPS://WWW.Instagram.com/P/x/ ",
            "Https://facebook.com/x?Reply_Comment_ID=3",
            "www.facebook.com/Permalink.PHP?story_fbid=1",
            "http://youtube.com/WATCH?v=1",
            "https://x.com/a/statuses",
            "https://x.com/a/STATUS/",
            "https://instagram.com/émile/",
            "https://instagram.com/p",
            "ftp://x.com/p/1",
            "www.",
            "",
            "\u{a0}https://x.com/c/1",
            "https://x.com/İ/c/",
            "https://x.com/story_fbi",
            "story_fbid=1",
            "https://fb.com/STORY_FBID=2",
            "https://fb.com/x/permalink.php",
            "https://fb.com/PERMALINK.PHPX",
            "https://fb.com/permalink.ph",
            "https://x.com/watch",
            "https://x.com/=comment_id=",
        ];
        for s in samples {
            assert_eq!(is_content_address(s), reference(s), "{s:?}");
        }
    }
}
