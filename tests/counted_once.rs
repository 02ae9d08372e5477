//! Every record counted once, through the [`Workspace`] a user drops files into: overlapping
//! exports of one account, a post listed twice in one file, the same file added twice, and
//! what must stay apart (a YouTube table of views and one of subscribers share their days).

use social_roi::{Date, ImportOptions, Lang, Workspace};

const HEADER: &str = "\"Tweet id\",\"Tweet permalink\",\"Tweet text\",\"time\",\"impressions\",\"engagements\",\"engagement rate\",\"retweets\",\"replies\",\"likes\",\"user profile clicks\",\"url clicks\",\"hashtag clicks\",\"detail expands\",\"permalink clicks\",\"app opens\",\"app installs\",\"follows\",\"email tweet\",\"dial phone\",\"media views\",\"media engagements\"";

/// An X tweet activity export of posts `posts` (post `n` published on day `n` from March 1),
/// each with `impressions(n)` impressions and a tenth of them as likes.
fn x_export(posts: impl Iterator<Item = u32>, impressions: impl Fn(u32) -> u32) -> Vec<u8> {
    let mut out = format!("{HEADER}\n");
    for n in posts {
        let day = Date::new(2026, 3, 1)
            .unwrap()
            .add_days(i64::from(n) - 1)
            .unwrap();
        let imp = impressions(n);
        let likes = imp / 10;
        let rate = f64::from(likes) / f64::from(imp);
        out.push_str(&format!(
            "\"17700000000000000{n:02}\",\"https://twitter.com/acme/status/17700000000000000{n:02}\",\"Post {n}\",\"{day} 09:30 +0000\",\"{imp}.0\",\"{likes}.0\",\"{rate}\",\"0\",\"0\",\"{likes}\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\",\"0\"\n"
        ));
    }
    out.into_bytes()
}

fn ws() -> Workspace {
    Workspace::new(ImportOptions {
        today: Date::new(2026, 4, 30),
    })
}

fn impressions(ws: &Workspace) -> f64 {
    let posts = &ws.dataset().records.posts;
    posts.iter().filter_map(|p| p.metrics().impressions).sum()
}

fn messages(ws: &Workspace, id: u32, lang: Lang) -> Vec<String> {
    let r = ws.report(id).unwrap().localized(lang);
    let tables = r.tables.iter().flat_map(|t| t.warnings.iter());
    r.warnings
        .iter()
        .chain(tables)
        .map(|w| w.message.clone())
        .collect()
}

#[test]
fn overlapping_exports_count_each_post_once_with_the_later_values() {
    let mut ws = ws();
    // Posts 1–25, then 10–37 exported later: the second file's counters have grown.
    let a = ws.add("part-a.csv", &x_export(1..=25, |n| 100 * n));
    let b = ws.add("part-b.csv", &x_export(10..=37, |n| 100 * n + 7));
    assert_eq!(ws.dataset().records.posts.len(), 37);
    // Posts 1–9 from part-a, 10–37 from part-b (each with its 7 more).
    let expected: u32 =
        (1..=9).map(|n| 100 * n).sum::<u32>() + (10..=37).map(|n| 100 * n + 7).sum::<u32>();
    assert_eq!(impressions(&ws), f64::from(expected));
    assert_eq!(ws.totals(Lang::En).records.posts, 37);
    assert_eq!(ws.totals(Lang::En).counted_once.posts, 16);
    assert_eq!(
        messages(&ws, b, Lang::En),
        ["part-b.csv: 16 posts also appear in \"part-a.csv\": counted once, with this table’s values (the later export)"]
    );
    assert_eq!(
        messages(&ws, a, Lang::En),
        ["part-a.csv: 16 posts also appear in \"part-b.csv\": counted once, with the values of \"part-b.csv\" (the later export)"]
    );
    assert_eq!(
        messages(&ws, a, Lang::Fr),
        ["part-a.csv\u{a0}: 16 publications figurent aussi dans «\u{a0}part-b.csv\u{a0}»\u{a0}: une seule fois dans les chiffres, avec celles de «\u{a0}part-b.csv\u{a0}» (l’export le plus récent)"]
    );
    // Taking the later file out brings part-a's own values back, in its order.
    assert!(ws.remove(b));
    assert_eq!(ws.dataset().records.posts.len(), 25);
    assert_eq!(
        impressions(&ws),
        f64::from((1..=25).map(|n| 100 * n).sum::<u32>())
    );
    let ids: Vec<String> = ws
        .dataset()
        .records
        .posts
        .iter()
        .map(|p| p.id().to_string())
        .collect();
    assert_eq!(ids.first().map(String::as_str), Some("1770000000000000001"));
    assert_eq!(ids.last().map(String::as_str), Some("1770000000000000025"));
    assert!(messages(&ws, a, Lang::En).is_empty());
    assert_eq!(ws.totals(Lang::En).counted_once.posts, 0);
}

#[test]
fn the_same_period_exported_twice_keeps_the_larger_values() {
    let mut ws = ws();
    let late = ws.add("march.csv", &x_export(1..=5, |n| 100 * n + 50));
    let early = ws.add("march (1).csv", &x_export(1..=5, |n| 100 * n));
    assert_eq!(ws.dataset().records.posts.len(), 5);
    assert_eq!(
        impressions(&ws),
        f64::from((1..=5).map(|n| 100 * n + 50).sum::<u32>())
    );
    assert!(messages(&ws, early, Lang::En)[0]
        .contains("the larger values: lifetime counters only grow"));
    assert!(messages(&ws, late, Lang::En)[0].contains("with this table’s values"));
}

#[test]
fn a_post_listed_twice_in_one_file_is_counted_once() {
    let mut ws = ws();
    let mut bytes = x_export(1..=3, |n| 100 * n);
    bytes.extend_from_slice(&x_export(2..=2, |_| 250)[HEADER.len() + 1..]);
    let id = ws.add("tweets.csv", &bytes);
    assert_eq!(ws.dataset().records.posts.len(), 3);
    assert_eq!(impressions(&ws), 100.0 + 250.0 + 300.0);
    assert_eq!(
        messages(&ws, id, Lang::En),
        ["tweets.csv: 1 post listed again in this table (set aside: line 3): each counted once (the larger values: lifetime counters only grow)"]
    );
}

#[test]
fn the_same_file_twice_is_flagged_and_counted_once() {
    let mut ws = ws();
    let inbox = b"Received,Replied\n2026-03-01 09:00,2026-03-01 10:00\n2026-03-01 09:00,\n";
    let first = ws.add("tweets.csv", &x_export(1..=4, |n| 10 * n));
    let copy = ws.add("tweets (1).csv", &x_export(1..=4, |n| 10 * n));
    assert_eq!(ws.dataset().records.posts.len(), 4);
    assert_eq!(ws.totals(Lang::En).counted_once.posts, 4);
    let said = messages(&ws, copy, Lang::En);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("the same content as \"tweets.csv\", added before: counted once"));
    // The copy counts once the first is gone, and no longer says it is a copy.
    assert!(ws.remove(first));
    assert_eq!(ws.dataset().records.posts.len(), 4);
    assert!(messages(&ws, copy, Lang::En).is_empty());
    // Rows with no identity of their own (inbox messages) are set aside with their copy.
    let i1 = ws.add("inbox.csv", inbox);
    let mapping = [("0".to_string(), "message.received".to_string())];
    ws.apply_mapping(i1, 0, &mapping).unwrap();
    let i2 = ws.add("inbox copy.csv", inbox);
    ws.apply_mapping(i2, 0, &mapping).unwrap();
    assert_eq!(ws.dataset().records.messages.len(), 2);
}

#[test]
fn tables_of_different_metrics_share_days_without_overlapping() {
    let mut ws = ws();
    ws.add(
        "views/Totals.csv",
        b"Date,Views\n2026-03-01,120\n2026-03-02,80\n",
    );
    ws.add(
        "subscribers/Totals.csv",
        b"Date,Subscribers\n2026-03-01,3\n2026-03-02,-1\n",
    );
    assert_eq!(ws.dataset().records.daily.len(), 4);
    // The same metric from an overlapping, later export counts once.
    let later = ws.add(
        "views 2/Totals.csv",
        b"Date,Views\n2026-03-02,81\n2026-03-03,60\n",
    );
    assert_eq!(ws.dataset().records.daily.len(), 5);
    let views: f64 = ws
        .dataset()
        .records
        .daily
        .iter()
        .filter_map(|d| d.views)
        .sum();
    assert_eq!(views, 120.0 + 81.0 + 60.0);
    assert!(messages(&ws, later, Lang::En)[0].starts_with(
        "views 2/Totals.csv: 1 day of account totals also appears in \"views/Totals.csv\""
    ));
}

#[test]
fn the_dataset_summary_says_how_many_were_set_aside() {
    let mut ws = ws();
    ws.add("part-a.csv", &x_export(1..=25, |n| 100 * n));
    ws.add("part-b.csv", &x_export(10..=37, |n| 100 * n + 7));
    ws.add("views/Totals.csv", b"Date,Views\n2026-03-01,120\n");
    ws.add("views 2/Totals.csv", b"Date,Views\n2026-03-01,121\n");
    assert_eq!(
        ws.totals(Lang::En).counted_once_note.as_deref(),
        Some("16 posts and 1 day of account totals were in more than one file (or twice in one): each counted once (the files’ reports say which)")
    );
    assert_eq!(
        ws.totals(Lang::Fr).counted_once_note.as_deref(),
        Some("16 publications et 1 jour de totaux du compte figuraient dans plusieurs fichiers (ou deux fois dans un)\u{a0}: une seule fois dans les chiffres (les rapports des fichiers disent lesquels)")
    );
    assert_eq!(self::ws().totals(Lang::En).counted_once_note, None);
}
