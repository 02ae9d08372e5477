//! What a dataset holds, for the files panel: counts, and per kind of record and network (and
//! currency, for money) the days covered and the sum of each field that adds up.

use crate::date::Date;
use crate::finite::Finite;
use crate::i18n::Lang;
use crate::model::{
    AdRow, DailyRow, Dataset, EntryRef, Message, Metric, Network, PostRef, Records,
    SearchDimension, SearchRow, TrafficRow,
};
use crate::number::tidy;
use crate::schema::Counts;
use crate::schema::{Field, RecordKind, FIELDS};
use crate::table::report::counted;
use serde::Serialize;

/// What a dataset holds.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Totals {
    /// Files read.
    pub files: usize,
    /// Tables read from them.
    pub tables: usize,
    /// Records counted, by kind.
    pub records: Counts,
    /// Records not counted, by kind: another file (or line) holds the same post, day, ad
    /// period, traffic day or comment, and counts instead (see each table's report).
    pub counted_once: Counts,
    /// `counted_once` in words, in the report's language (none when nothing was set aside).
    pub counted_once_note: Option<String>,
    /// Per kind of record, network (and currency, for money): counts and sums.
    pub groups: Vec<Group>,
}

/// The records of one kind and network (and currency).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The kind of record.
    pub kind: RecordKind,
    /// Its name, in the report's language.
    pub kind_label: String,
    /// The network (`web` for traffic from no social network; `other` for entries, messages
    /// and mapped files).
    pub network: Network,
    /// The currency of its amounts, if it has amounts and they say.
    pub currency: Option<String>,
    /// For Search Console rows, what they are by (queries, pages, days…): each table slices
    /// the same clicks, so each is a group of its own and never added to another.
    pub dimension: Option<SearchDimension>,
    /// What `dimension`'s table lists, in the report's language (`queries`, `days`).
    pub dimension_label: Option<String>,
    /// How many records.
    pub records: u64,
    /// The first day they cover.
    pub first: Option<Date>,
    /// The last day they cover.
    pub last: Option<Date>,
    /// The sums of their numbers, field by field (fields with no known value left out).
    pub sums: Vec<Sum>,
}

/// The sum of one field over a group's records.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sum {
    /// The field.
    pub field: Field,
    /// Its name, in the report's language.
    pub label: String,
    /// The sum of the known values.
    pub sum: Finite,
    /// How many records had a value (blank is unknown, not zero).
    pub known: u64,
}

/// What was set aside, in words: "16 posts and 4 days of account totals were in more than
/// one file (or twice in one): each counted once (see the files' reports)".
fn once_note(aside: &Counts, lang: Lang) -> Option<String> {
    let parts: Vec<String> = RecordKind::ALL
        .iter()
        .filter(|k| aside.get(**k) > 0)
        .map(|k| counted(*k, aside.get(*k), lang))
        .collect();
    let (last, first) = parts.split_last()?;
    let list = if first.is_empty() {
        last.clone()
    } else {
        format!("{} {} {last}", first.join(", "), lang.pick("and", "et"))
    };
    let one = aside.total() == 1;
    Some(match lang {
        Lang::En => format!(
            "{list} {} in more than one file (or twice in one): each counted once (the files’ reports say which)",
            if one { "was" } else { "were" }
        ),
        Lang::Fr => format!(
            "{list} {} dans plusieurs fichiers (ou deux fois dans un)\u{a0}: une seule fois dans les chiffres (les rapports des fichiers disent lesquels)",
            if one { "figurait" } else { "figuraient" }
        ),
    })
}

/// The totals of `dataset` (read from `files` files; `aside` the records another counts
/// for), with labels in `lang`.
pub(crate) fn totals(dataset: &Dataset, aside: &Records, files: usize, lang: Lang) -> Totals {
    let groups = grouped(dataset)
        .into_iter()
        .map(|(key, recs)| group(key, &recs, lang))
        .collect();
    Totals {
        files,
        tables: dataset.files.len(),
        records: dataset.records.counts(),
        counted_once: aside.counts(),
        counted_once_note: once_note(&aside.counts(), lang),
        groups,
    }
}

/// The records of `dataset` by kind, network and currency, in that order.
fn grouped(dataset: &Dataset) -> Vec<(GroupKey, Vec<Rec<'_>>)> {
    let mut groups: Vec<(GroupKey, Vec<Rec<'_>>)> = Vec::new();
    let mut push = |key: GroupKey, rec| match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, v)) => v.push(rec),
        None => groups.push((key, vec![rec])),
    };
    let r = &dataset.records;
    for p in r.posts.iter() {
        let currency = p.currency().map(str::to_string);
        let key = GroupKey(RecordKind::Posts, p.network(), currency, None);
        push(key, Rec::Post(p));
    }
    for d in &r.daily {
        let key = GroupKey(RecordKind::Daily, d.network, d.currency.clone(), None);
        push(key, Rec::Daily(d));
    }
    for a in &r.ads {
        let key = GroupKey(RecordKind::Ads, a.network, a.currency.clone(), None);
        push(key, Rec::Ad(a));
    }
    for t in &r.traffic {
        let network = t.network.unwrap_or(Network::Web);
        let currency = t.revenue.and(t.currency.clone());
        push(
            GroupKey(RecordKind::Traffic, network, currency, None),
            Rec::Traffic(t),
        );
    }
    for e in r.entries.iter() {
        let key = GroupKey(RecordKind::Entries, Network::Other, None, None);
        push(key, Rec::Entry(e));
    }
    for m in &r.messages {
        let key = GroupKey(RecordKind::Messages, Network::Other, None, None);
        push(key, Rec::Message(m));
    }
    for q in &r.search {
        let key = GroupKey(RecordKind::Search, Network::Web, None, Some(q.dimension));
        push(key, Rec::Search(q));
    }
    groups
        .sort_by(|a, b| (a.0 .0, a.0 .1, &a.0 .2, a.0 .3).cmp(&(b.0 .0, b.0 .1, &b.0 .2, b.0 .3)));
    groups
}

/// One group's count, days and sums.
fn group(
    GroupKey(kind, network, currency, dimension): GroupKey,
    recs: &[Rec],
    lang: Lang,
) -> Group {
    let days: Vec<Date> = recs.iter().filter_map(Rec::day).collect();
    let sums = FIELDS
        .iter()
        .copied()
        .filter(|f| f.kind() == kind && f.adds_up())
        .filter_map(|f| {
            let values: Vec<f64> = recs.iter().filter_map(|r| r.value(f)).collect();
            let sum = Finite::new(tidy(values.iter().sum()))?;
            (!values.is_empty()).then(|| Sum {
                field: f,
                label: f.label(lang).to_string(),
                sum,
                known: values.len() as u64,
            })
        })
        .collect();
    Group {
        kind,
        kind_label: kind.label(lang).to_string(),
        network,
        currency,
        dimension,
        dimension_label: dimension.map(|d| d.label(lang).to_string()),
        records: recs.len() as u64,
        first: days.iter().min().copied(),
        last: days.iter().max().copied(),
        sums,
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct GroupKey(RecordKind, Network, Option<String>, Option<SearchDimension>);

enum Rec<'a> {
    Post(PostRef<'a>),
    Daily(&'a DailyRow),
    Ad(&'a AdRow),
    Traffic(&'a TrafficRow),
    Entry(EntryRef<'a>),
    Message(&'a Message),
    Search(&'a SearchRow),
}

impl Rec<'_> {
    fn day(&self) -> Option<Date> {
        match self {
            Rec::Post(p) => p.published().map(|d| d.date),
            Rec::Daily(d) => Some(d.date),
            Rec::Ad(a) => a.start.or(a.end),
            Rec::Traffic(t) => t.date,
            Rec::Entry(e) => e.date().map(|d| d.date),
            Rec::Message(m) => Some(m.received.date),
            Rec::Search(q) => q.date,
        }
    }

    /// The record's value of field `f`, if it has one.
    fn value(&self, f: Field) -> Option<f64> {
        match self {
            Rec::Post(p) => post_value(*p, f),
            Rec::Daily(d) => daily_value(d, f),
            Rec::Ad(a) => ad_value(a, f),
            Rec::Traffic(t) => match f {
                Field::TrafficSessions => t.sessions,
                Field::TrafficEngagedSessions => t.engaged_sessions,
                Field::TrafficConversions => t.conversions,
                Field::TrafficRevenue => t.revenue,
                Field::TrafficEventCount => t.event_count,
                Field::TrafficUsers => t.users,
                _ => None,
            },
            Rec::Entry(e) => match f {
                Field::EntryLikes => e.likes(),
                _ => None,
            },
            Rec::Message(_) => None,
            Rec::Search(q) => match f {
                Field::SearchClicks => q.clicks,
                Field::SearchImpressions => q.impressions,
                _ => None,
            },
        }
    }
}

fn post_value(p: PostRef<'_>, f: Field) -> Option<f64> {
    use Field::*;
    // One column read (the post's every count built at once, per field, was most of the totals' time).
    let m = match f {
        PostImpressions => Metric::Impressions,
        PostReach => Metric::Reach,
        PostViews => Metric::Views,
        PostEngagements => Metric::Engagements,
        PostReactions => Metric::Reactions,
        PostComments => Metric::Comments,
        PostShares => Metric::Shares,
        PostSaves => Metric::Saves,
        PostClicks => Metric::Clicks,
        PostLinkClicks => Metric::LinkClicks,
        PostProfileVisits => Metric::ProfileVisits,
        PostNewFollows => Metric::NewFollows,
        PostVideoViews => Metric::VideoViews,
        PostWatchTimeHours => Metric::WatchTimeHours,
        PostNetFollows => Metric::NetFollows,
        PostRevenue => Metric::Revenue,
        _ => return None,
    };
    p.metric(m)
}

fn daily_value(d: &DailyRow, f: Field) -> Option<f64> {
    use Field::*;
    match f {
        DailyNewFollows => d.new_follows,
        DailyUnfollows => d.unfollows,
        DailyNetFollows => d.net_follows,
        DailyImpressions => d.impressions,
        DailyReach => d.reach,
        DailyViews => d.views,
        DailyProfileViews => d.profile_views,
        DailyEngagements => d.engagements,
        DailyEngagedUsers => d.engaged_users,
        DailyReactions => d.reactions,
        DailyComments => d.comments,
        DailyShares => d.shares,
        DailyClicks => d.clicks,
        DailyPosts => d.posts,
        DailyRevenue => d.revenue,
        _ => None,
    }
}

fn ad_value(a: &AdRow, f: Field) -> Option<f64> {
    use Field::*;
    match f {
        AdSpend => a.spend,
        AdImpressions => a.impressions,
        AdReach => a.reach,
        AdClicks => a.clicks,
        AdEngagements => a.engagements,
        AdNewFollows => a.new_follows,
        AdConversions => a.conversions,
        _ => None,
    }
}
