//! What the contest outcome reads: the typed figures, the follower counts and lists.

use crate::form::{Entry, Mark};
use serde::{Deserialize, Serialize};

/// Everything the contest outcome reads. Every number may be a JSON number or typed text;
/// blank is unknown, never zero.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContestInput {
    /// ISO 4217 code; blank means EUR.
    pub currency: String,
    /// How typed numbers write their decimals; blank follows the report's language.
    pub decimal_mark: Option<Mark>,
    /// The contest's name.
    pub label: String,
    /// Value of the prizes.
    pub prize_value: Entry,
    /// Ads that promoted the contest.
    pub ad_spend: Entry,
    /// Hours spent on the contest (rules, visuals, moderation, draw, shipping).
    pub hours: Entry,
    /// Cost of one hour.
    pub hourly_rate: Entry,
    /// Fees: giveaway app, legal deposit of the rules, shipping.
    pub fees: Entry,
    /// Entries; blank counts the comments of the comment file.
    pub entries: Entry,
    /// Unique participants; blank counts the distinct people of the comment file.
    pub participants: Entry,
    /// The comment count the post shows, to check the comment file is complete.
    pub comments_shown: Entry,
    /// The organiser's own account: its comments are not entries.
    pub account: String,
    /// Shares, or referrals (friends brought in).
    pub shares: Entry,
    /// Clicks to the site or shop.
    pub clicks: Entry,
    /// Sales (or sign-ups) the contest brought.
    pub conversions: Entry,
    /// Average value of one conversion.
    pub value_per_conversion: Entry,
    /// Revenue the contest brought; when given, it counts instead of conversions × value.
    pub revenue: Entry,
    /// Margin on that revenue, in percent; blank means 100 (count revenue).
    pub margin_pct: Entry,
    /// Followers before, at close and later.
    pub followers: Followers,
}

/// Followers at three moments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Followers {
    /// Just before the contest started.
    pub before: Snapshot,
    /// When it closed.
    pub at_close: Snapshot,
    /// Days after it closed (7 and 30 by default).
    pub later: Vec<Later>,
}

impl Default for Followers {
    fn default() -> Followers {
        let days = |d: f64| Later {
            days: Entry::Number(d),
            ..Later::default()
        };
        Followers {
            before: Snapshot::default(),
            at_close: Snapshot::default(),
            later: vec![days(7.0), days(30.0)],
        }
    }
}

/// Followers at one moment: the count, the list, or both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Snapshot {
    /// The follower count the profile showed.
    pub count: Entry,
    /// The follower list taken then ([`read_followers`]).
    pub list: Option<FollowerList>,
}

/// Followers some days after the close.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Later {
    /// Days after the close, 1 to 3650.
    pub days: Entry,
    /// The follower count the profile showed.
    pub count: Entry,
    /// The follower list taken then.
    pub list: Option<FollowerList>,
}

/// How a follower list was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListFormat {
    /// Instagram's "Download your information" JSON (`followers_1.json`).
    InstagramJson,
    /// One handle per line.
    #[default]
    Plain,
}

/// A follower list, read: handles normalised as the draw normalises entrants.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FollowerList {
    /// The file it was read from (several files joined with `+`).
    pub name: String,
    /// How it was written.
    pub format: ListFormat,
    /// The followers, normalised, sorted, each once.
    pub handles: Vec<String>,
    /// Lines or items that named someone already listed.
    pub duplicates: usize,
}
