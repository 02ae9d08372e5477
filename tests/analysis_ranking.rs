//! The analysis' details on a small X export (`tests/fixtures/analysis-ranking/`): the top and
//! bottom posts ranked among the posts whose denominator reaches a minimum (a reply seen twice
//! at 50 % leads no list), the minimum the page shows and lets the user change, replies
//! marked, and the denominator each network is actually divided by.

use social_roi::{analyze, AnalysisOptions, AnalysisReport, Date, ImportOptions, Lang, Workspace};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/analysis-ranking/account_analytics_content_2026-06-01_2026-06-05.csv"
);

fn run(options: &AnalysisOptions, lang: Lang) -> AnalysisReport {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 6, 30),
    });
    let id = ws.add(
        "account_analytics_content_2026-06-01_2026-06-05.csv",
        &std::fs::read(FILE).unwrap(),
    );
    assert!(!ws.report(id).unwrap().has_errors());
    assert_eq!(ws.dataset().records.posts.len(), 5);
    analyze(ws.dataset(), options, lang)
}

fn ids(rows: &[social_roi::PostRow]) -> Vec<&str> {
    rows.iter().map(|p| &p.id[p.id.len() - 3..]).collect()
}

fn top(n: usize, minimum: Option<f64>) -> AnalysisOptions {
    AnalysisOptions {
        top_posts: n,
        top_posts_minimum: minimum,
        ..AnalysisOptions::default()
    }
}

#[test]
fn a_reply_seen_twice_leads_no_list() {
    // Likes + replies + reposts + bookmarks ÷ impressions: 001 (the reply) 1 ÷ 2 = 50 %,
    // 002 24 ÷ 800 = 3 %, 003 50 ÷ 1000 = 5 %, 004 12 ÷ 1200 = 1 %, 005 135 ÷ 1500 = 9 %.
    // The median of 2, 800, 1000, 1200 and 1500 impressions is 1000: a quarter is 250.
    let r = run(&top(2, None), Lang::En);
    let e = &r.engagement;
    assert_eq!(ids(&e.top_posts), ["005", "003"]);
    assert_eq!(ids(&e.bottom_posts), ["004", "002"]);
    let m = &e.top_posts_minimum;
    assert_eq!((m.value.get(), m.default, m.left_out), (250.0, true, 1));
    assert_eq!(
        m.text,
        "ranked: posts whose denominator (reach, impressions…) reaches 250, a quarter (25 %) of the posts’ median; 1 post(s) below it left out"
    );
    // Every post is still in the per-post table, the reply marked.
    assert_eq!(e.posts.len(), 5);
    let replies: Vec<bool> = e.posts.iter().map(|p| p.reply).collect();
    assert_eq!(replies, [true, false, false, false, false]);
}

#[test]
fn the_user_sets_the_minimum() {
    let r = run(&top(2, Some(0.0)), Lang::Fr);
    let e = &r.engagement;
    assert_eq!(ids(&e.top_posts), ["001", "005"]);
    assert!(e.top_posts[0].reply, "the reply, marked as one");
    assert_eq!(ids(&e.bottom_posts), ["004", "002"]);
    let m = &e.top_posts_minimum;
    assert_eq!((m.value.get(), m.default, m.left_out), (0.0, false, 0));
    assert!(m.text.contains("comme choisi"), "{}", m.text);
    // Above every post: no ranking, the reason says why.
    let r = run(&top(5, Some(5000.0)), Lang::En);
    assert!(r.engagement.top_posts.is_empty());
    assert_eq!(r.engagement.top_posts_minimum.left_out, 5);
    let bad = run(&top(5, Some(-1.0)), Lang::En);
    assert_eq!(bad.errors[0].field, "top_posts_minimum");
}

#[test]
fn the_definition_says_what_each_network_is_divided_by() {
    // The rule's denominator is reach; X reports none and is divided by impressions.
    let r = run(&AnalysisOptions::default(), Lang::En);
    assert_eq!(
        serde_json::to_value(r.definition.rule.denominator).unwrap(),
        "reach"
    );
    assert_eq!(r.definition.denominators, "impressions: X");
    assert_eq!(
        r.engagement.rate.label,
        "Engagement rate (by impressions, ratio of totals)"
    );
    let fr = run(&AnalysisOptions::default(), Lang::Fr);
    assert_eq!(fr.definition.denominators, "impressions\u{a0}: X");
}
