//! Every text of the period with what the sentiment estimate said of it (kept per record by
//! the workspace, [`Sentiments`]): the comments of comment exports (with the post and the
//! thread each belongs to, and its network when its link or profile says), the inbox messages
//! that carry a text, and the posts' own texts (counted: [`PostTexts`]). A [`Said`] borrows
//! what the records hold.

use crate::date::{Date, DateTime};
use crate::formats::comments::is_content_address;
use crate::i18n::Lang;
use crate::model::{Entries, EntryRef, Message, Network, PostRef};
use crate::sentiment::{Polarity, Sentiment};
use crate::workspace::Sentiments;
use std::collections::HashMap;

/// Where a text comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Source<'a> {
    /// A comment: its file, the post it is on (an index into [`Read::on`]), and the thread it
    /// belongs to.
    Comment {
        file: usize,
        post: u32,
        thread: Thread<'a>,
    },
    /// An inbox message.
    Message,
}

/// The thread of a comment: the id of its top-level comment, or, for a comment without an
/// id, its own line (a thread of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Thread<'a> {
    Id(&'a str),
    Line(u64),
}

/// A post comments are on: its address (without scheme or `www.`, in lower case) or, for
/// comments without an address, their file's name; and how to show it (the post's text, at
/// most 80 characters, when a file of posts has that address).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct On {
    pub key: String,
    pub label: String,
}

/// The texts of the period, read: every comment and message ([`Said`]), the posts the
/// comments are on (each once: a million comments on ten posts make ten), the posts' own
/// texts counted.
pub(crate) struct Read<'a> {
    pub said: Vec<Said<'a>>,
    pub on: Vec<On>,
    pub posts: PostTexts,
}

/// One text, read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Said<'a> {
    pub source: Source<'a>,
    /// The file it is in, by name.
    pub file: &'a str,
    /// Its line.
    pub line: u64,
    pub author: Option<&'a str>,
    pub text: &'a str,
    /// When, on the report's clock.
    pub when: Option<DateTime>,
    pub date: Option<Date>,
    pub network: Option<Network>,
    /// The inbox channel, for a message.
    pub channel: Option<&'a str>,
    pub sentiment: Sentiment,
}

/// The records whose texts are read, and what the estimate said of each.
pub(crate) struct Texts<'a> {
    pub entries: &'a Entries,
    pub messages: &'a [Message],
    pub posts: &'a [(PostRef<'a>, Option<DateTime>)],
    pub sentiments: &'a Sentiments,
    pub files: &'a [String],
    pub period: Period,
}

/// What the period is: its days, the report's clock and language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Period {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub offset: Option<i32>,
    pub lang: Lang,
}

impl Period {
    fn local(&self, dt: DateTime) -> DateTime {
        self.offset.map_or(dt, |o| dt.at_offset(o))
    }

    /// Whether a text of this time is in the period (an undated one is, unless a period is
    /// chosen).
    fn holds(&self, when: Option<DateTime>) -> bool {
        match when {
            Some(w) => self.from.is_none_or(|f| w.date >= f) && self.to.is_none_or(|t| w.date <= t),
            None => self.from.is_none() && self.to.is_none(),
        }
    }
}

/// The network an address belongs to, from its domain.
pub(crate) fn network_of_address(url: &str) -> Option<Network> {
    let u = url.trim().to_ascii_lowercase();
    let host = u
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_start_matches("m.");
    let host = host.split(['/', '?']).next().unwrap_or("");
    Some(match host {
        "instagram.com" => Network::Instagram,
        "facebook.com" | "fb.com" | "fb.watch" | "web.facebook.com" => Network::Facebook,
        "x.com" | "twitter.com" | "mobile.twitter.com" => Network::X,
        "linkedin.com" | "lnkd.in" => Network::LinkedIn,
        "youtube.com" | "youtu.be" => Network::YouTube,
        "tiktok.com" | "vm.tiktok.com" => Network::TikTok,
        _ => return None,
    })
}

/// The network an inbox channel names (`Instagram`, `facebook messenger`, `X (Twitter)`).
fn network_of_channel(channel: &str) -> Option<Network> {
    let c = channel.to_lowercase();
    let has = |w: &str| c.split(|ch: char| !ch.is_alphanumeric()).any(|x| x == w);
    Some(if has("instagram") {
        Network::Instagram
    } else if has("facebook") || has("messenger") {
        Network::Facebook
    } else if has("linkedin") {
        Network::LinkedIn
    } else if has("youtube") {
        Network::YouTube
    } else if has("tiktok") {
        Network::TikTok
    } else if has("twitter") || c.trim() == "x" || has("x") {
        Network::X
    } else {
        return None;
    })
}

/// The address of the post a comment's address points into (`…/p/<post>/c/<comment>/` →
/// `instagram.com/p/<post>`), without scheme, `www.` or trailing slash.
pub(crate) fn post_address(url: &str) -> Option<String> {
    if !is_content_address(url) {
        return None;
    }
    let u = url.trim();
    let cut = [
        "/c/",
        "?comment_id=",
        "&comment_id=",
        "/comment/",
        "?reply_comment_id=",
    ]
    .iter()
    .filter_map(|m| u.find(m))
    .min()
    .unwrap_or(u.len());
    Some(bare(&u[..cut]))
}

/// An address without scheme, `www.`, query or trailing slash, in lower case.
pub(crate) fn bare(url: &str) -> String {
    let u = url.trim().to_ascii_lowercase();
    let u = u
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    u.split('?')
        .next()
        .unwrap_or("")
        .trim_end_matches('/')
        .to_string()
}

/// The posts' own texts, counted: the tone reads of them only how many there are, how many
/// read as negative and how many as French, so none is kept as a [`Said`] (a post's `Said`
/// was 208 bytes: 45 MB for 215,000 posts, for three counts).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PostTexts {
    /// Posts with a text.
    pub with_text: usize,
    /// Of them, those estimated negative.
    pub negative: usize,
    /// Of them, those read as French.
    pub french: usize,
}

/// Every comment and message of the period, read (comments first), and the posts' texts
/// counted.
pub(crate) fn read_texts<'a>(t: &Texts<'a>) -> Read<'a> {
    let (files, period) = (t.files, t.period);
    let (mut out, on) = comments(t);
    // Room for every message at once: a `Said` is large, and doubling a long list of them
    // copies it again and again.
    out.reserve(t.messages.len());
    for (i, m) in t.messages.iter().enumerate() {
        let Some(text) = m.text.as_deref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let when = Some(period.local(m.received));
        if !period.holds(when) {
            continue;
        }
        out.push(Said {
            source: Source::Message,
            file: file_name(files, m.origin.file),
            line: m.origin.line,
            author: None,
            text,
            when,
            date: when.map(|w| w.date),
            network: m.channel.as_deref().and_then(network_of_channel),
            channel: m.channel.as_deref(),
            sentiment: t.sentiments.message(i),
        });
    }
    let mut posts = PostTexts::default();
    for (p, _) in t.posts {
        if p.text().is_some_and(|t| !t.trim().is_empty()) {
            let sentiment = t.sentiments.post(p.index());
            posts.with_text += 1;
            posts.negative += usize::from(sentiment.polarity == Polarity::Negative);
            posts.french += usize::from(sentiment.lang == Lang::Fr);
        }
    }
    Read {
        said: out,
        on,
        posts,
    }
}

fn file_name(files: &[String], i: usize) -> &str {
    files.get(i).map_or("", String::as_str)
}

/// The comments of the period, each with its post and thread, and the posts they are on.
fn comments<'a>(t: &Texts<'a>) -> (Vec<Said<'a>>, Vec<On>) {
    let (entries, files, period) = (t.entries, t.files, t.period);
    if entries.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let by_address: HashMap<String, String> = t
        .posts
        .iter()
        .filter_map(|(p, _)| {
            let text: String = p.text()?.chars().take(80).collect();
            Some((bare(&p.permalink()?), text))
        })
        .collect();
    let parents: HashMap<(usize, &str), &str> = entries
        .iter()
        .filter_map(|e| Some(((e.origin().file, e.id()?), e.parent_id()?)))
        .collect();
    let mut on = Posts::default();
    let mut out = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let when = e.date().map(|d| period.local(d));
        if e.text().trim().is_empty() || !period.holds(when) {
            continue;
        }
        let file = file_name(files, e.origin().file);
        let post = match e.link().and_then(post_address) {
            Some(a) => on.of(a, |a| {
                by_address.get(a).cloned().unwrap_or_else(|| a.to_string())
            }),
            None => on.of(file.to_string(), str::to_string),
        };
        let network = [e.link(), e.profile()]
            .into_iter()
            .flatten()
            .find_map(network_of_address);
        out.push(Said {
            source: Source::Comment {
                file: e.origin().file,
                post,
                thread: thread_of(e, &parents),
            },
            file,
            line: e.origin().line,
            author: Some(e.author()),
            text: e.text(),
            when,
            date: when.map(|w| w.date),
            network,
            channel: None,
            sentiment: t.sentiments.entry(i),
        });
    }
    (out, on.list)
}

/// The posts comments are on, each once, by key.
#[derive(Default)]
struct Posts {
    list: Vec<On>,
    at: HashMap<String, u32>,
}

impl Posts {
    /// The index of the post of `key`, listed with `label(key)` when new.
    fn of(&mut self, key: String, label: impl FnOnce(&str) -> String) -> u32 {
        if let Some(&i) = self.at.get(&key) {
            return i;
        }
        let i = self.list.len() as u32;
        self.list.push(On {
            label: label(&key),
            key: key.clone(),
        });
        self.at.insert(key, i);
        i
    }
}

/// The thread `e` belongs to: the id of its top-level comment (its own when it is one),
/// following its parents up (at most 100 steps: a loop in an export ends there); a comment
/// without an id is a thread of its own, named by its line.
fn thread_of<'a>(e: EntryRef<'a>, parents: &HashMap<(usize, &str), &'a str>) -> Thread<'a> {
    let Some(mut id) = e.id() else {
        return Thread::Line(e.origin().line);
    };
    if let Some(p) = e.parent_id() {
        id = p;
    }
    for _ in 0..100 {
        match parents.get(&(e.origin().file, id)) {
            Some(p) => id = p,
            None => break,
        }
    }
    Thread::Id(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_channels() {
        assert_eq!(
            post_address("https://www.instagram.com/p/DAbc123/c/17900000000000001/").as_deref(),
            Some("instagram.com/p/dabc123")
        );
        assert_eq!(
            post_address("https://www.facebook.com/atelier/posts/401?comment_id=99").as_deref(),
            Some("facebook.com/atelier/posts/401")
        );
        assert_eq!(post_address("https://www.instagram.com/lea.b/"), None);
        assert_eq!(
            network_of_address("https://www.instagram.com/lea.b/"),
            Some(Network::Instagram)
        );
        assert_eq!(
            network_of_address("https://x.com/a/status/1"),
            Some(Network::X)
        );
        assert_eq!(network_of_address("100012345"), None);
        assert_eq!(
            network_of_channel("Facebook Messenger"),
            Some(Network::Facebook)
        );
        assert_eq!(network_of_channel("X (Twitter)"), Some(Network::X));
        assert_eq!(network_of_channel("E-mail"), None);
    }
}
