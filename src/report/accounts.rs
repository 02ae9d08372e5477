//! The own accounts of the files, as rows of the competitor benchmark: one row per network and
//! account the posts name (two X accounts' exports, or an X and an Instagram export), with the
//! counts the benchmark takes from what the exports say over its span: the followers on its
//! first and last day (the daily rows' count, else the count a post carries), the posts
//! published in it, and the likes, comments and shares of the last N of them (all of them when
//! N is blank). The benchmark's formulas then apply to these counts as to the typed ones.

use crate::model::{Dataset, Metric, Network};

use super::benchmark::Counts;
use super::periods::Span;

/// One account of the files and its counts.
pub(super) struct FileAccount {
    /// Its name (`@atelier`), or its network's when the files do not name it.
    pub(super) name: String,
    /// Its network's name.
    pub(super) network: &'static str,
    /// What the files say of it over the span.
    pub(super) counts: Counts,
}

/// An account: its network and its name, when the files give one.
type Key = (Network, Option<String>);

/// The posts' accounts in the order they first appear, each with its posts of `span`, newest
/// last.
fn accounts(data: &Dataset, span: Span) -> Vec<(Key, Vec<usize>)> {
    let mut out: Vec<(Key, Vec<usize>)> = Vec::new();
    for p in data.records.posts.iter() {
        let key = (p.network(), p.account().map(str::to_string));
        let slot = match out.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                out.push((key, Vec::new()));
                out.len() - 1
            }
        };
        let inside = p
            .published()
            .is_some_and(|d| d.date >= span.from && d.date <= span.to);
        if inside {
            out[slot].1.push(p.index());
        }
    }
    for (_, posts) in &mut out {
        posts.sort_by_key(|&i| data.records.posts.get(i).and_then(|p| p.published()));
    }
    out
}

/// The followers of an account on the span's first and last days that say them.
fn followers(data: &Dataset, key: &Key, posts: &[usize], span: Span) -> (Option<f64>, Option<f64>) {
    let mut days: Vec<(crate::date::Date, f64)> = data
        .records
        .daily
        .iter()
        .filter(|d| d.network == key.0 && (d.account.is_none() || d.account == key.1))
        .filter(|d| d.date >= span.from && d.date <= span.to)
        .filter_map(|d| d.followers.map(|f| (d.date, f)))
        .collect();
    if days.is_empty() {
        let at_post = posts.iter().filter_map(|&i| {
            let p = data.records.posts.get(i)?;
            Some((p.published()?.date, p.metric(Metric::FollowersAtPost)?))
        });
        days.extend(at_post);
    }
    days.sort_by_key(|(d, _)| *d);
    match (days.first(), days.last()) {
        (Some(a), Some(b)) if a.0 < b.0 => (Some(a.1), Some(b.1)),
        _ => (None, None),
    }
}

/// The accounts of `data` over `span`, the interactions counted on each one's last `n` posts.
pub(super) fn file_accounts(data: &Dataset, span: Span, n: Option<f64>) -> Vec<FileAccount> {
    accounts(data, span)
        .into_iter()
        .map(|(key, posts)| {
            let (start, end) = followers(data, &key, &posts, span);
            let last = n.map_or(posts.len(), |n| (n as usize).min(posts.len()));
            let mut sum = None;
            for &i in &posts[posts.len() - last..] {
                let Some(p) = data.records.posts.get(i) else {
                    continue;
                };
                for m in [Metric::Reactions, Metric::Comments, Metric::Shares] {
                    if let Some(v) = p.metric(m) {
                        sum = Some(sum.unwrap_or(0.0) + v);
                    }
                }
            }
            FileAccount {
                name: key.1.clone().unwrap_or_else(|| key.0.name().to_string()),
                network: key.0.name(),
                counts: Counts {
                    start,
                    end,
                    posts: Some(posts.len() as f64),
                    interactions: sum,
                    last: Some(last as f64),
                },
            }
        })
        .collect()
}
