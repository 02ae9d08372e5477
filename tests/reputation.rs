//! Reputation through the real readers: what the comments say (an ExportComments file written
//! here, each comment's class worked out by hand), the negative feedback of a legacy Facebook
//! post-level export, and the crisis flags on generated Page Insights days (quiet series with
//! a weekly pattern and noise, then the same with known spikes), with what surrounds each
//! episode: the posts just before, the negative share, the response times of an inbox export.
//! Every file is built here; no test needs a file outside the repository.

use social_roi::{
    analyze, AnalysisOptions, AnalysisReport, Date, Figure, ImportOptions, Lang, Workspace,
};

/// The first generated day, a Monday.
fn day0() -> Date {
    Date::new(2026, 1, 5).unwrap()
}

fn day(n: i64) -> Date {
    day0().add_days(n).unwrap()
}

/// A small deterministic noise in `0..span` (a linear congruential generator).
fn noise(seed: &mut u64, span: u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (*seed >> 33) % span
}

/// 84 days of a legacy Facebook Page Insights export: unlikes, reach, negative feedback by
/// kind and mentions, each with a weekly pattern (weekends busier) and noise, plus `spikes`
/// (day, extra unlikes, extra negative feedback).
fn page_csv(spikes: &[(i64, u64, u64)]) -> (String, u64, u64) {
    let mut s = String::from(
        "Date,Lifetime Total Likes,Daily New Likes,Daily Unlikes,Daily Total Reach,Daily Negative feedback,Daily Negative feedback by type - hide_clicks,Daily Negative feedback by type - hide_all_clicks,Daily Negative feedback by type - unlike_page_clicks,Daily Negative feedback by type - report_spam_clicks,Daily Talking About This by story type - mention\n",
    );
    let mut seed = 7;
    let (mut negative, mut reach) = (0, 0);
    for i in 0..84 {
        let weekend = matches!(i % 7, 5 | 6);
        let (extra_unlikes, extra_negative) = spikes
            .iter()
            .find(|(d, _, _)| *d == i)
            .map_or((0, 0), |&(_, u, n)| (u, n));
        let unlikes = 1 + noise(&mut seed, 3) + if weekend { 2 } else { 0 } + extra_unlikes;
        let neg = 4 + noise(&mut seed, 5) + if weekend { 6 } else { 0 } + extra_negative;
        let r = 900 + noise(&mut seed, 200);
        let mentions = 2 + noise(&mut seed, 3);
        let (hide_all, unlike, spam) = (neg / 4, neg / 8, neg / 10);
        let hide = neg - hide_all - unlike - spam;
        let d = day(i);
        s.push_str(&format!(
            "{}/{}/{},{},5,{unlikes},{r},{neg},{hide},{hide_all},{unlike},{spam},{mentions}\n",
            d.month(),
            d.day(),
            d.year(),
            2000 + i
        ));
        negative += neg;
        reach += r;
    }
    (s, negative, reach)
}

/// Three legacy Facebook posts with their negative feedback by kind: 10 of 1,000 reached
/// (6 hide, 2 hide all, 1 unlike, 1 spam), 20 of 500 (10, 5, 3, 2), 0 of 2,000. The second is
/// published the evening before day 70.
const POSTS: &str = include_str!("fixtures/reputation/post_level_2026-03.csv");

/// Ten comments on two Instagram posts, classes by hand: on post AAA (during the episode,
/// days 70-71 = 16 and 17 March) four negative and one positive; on post BBB (the first week
/// of March) three positive, one neutral, one negative. Threads: 101 ← 102, 103; 204 ← 205.
const COMMENTS: &str = include_str!("fixtures/reputation/exportcomments_atelier.csv");

/// Four messages: two during the episode (answered in 6 h and 2 h), two before (30 min, 1 h).
const INBOX: &str = include_str!("fixtures/reputation/inbox_2026-03.csv");

fn workspace(files: &[(&str, &str)]) -> Workspace {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 4, 30),
    });
    for (name, text) in files {
        let id = ws.add(name, text.as_bytes());
        if name.starts_with("inbox") {
            let mapping: Vec<(String, String)> = [
                ("Reçu le", "message.received"),
                ("Répondu le", "message.replied"),
                ("Canal", "message.channel"),
                ("Message", "message.text"),
            ]
            .iter()
            .map(|(c, f)| (c.to_string(), f.to_string()))
            .collect();
            ws.apply_mapping(id, 0, &mapping).unwrap();
        }
        let report = ws.report(id).unwrap();
        assert!(!report.has_errors(), "{name}: {report:#?}");
    }
    ws
}

fn run(ws: &Workspace, options: &AnalysisOptions, lang: Lang) -> AnalysisReport {
    let r = analyze(ws.dataset(), options, lang);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    r
}

fn find<'a>(figures: &'a [Figure], id: &str) -> &'a Figure {
    figures.iter().find(|f| f.id == id).unwrap_or_else(|| {
        panic!(
            "no figure {id} in {:?}",
            figures.iter().map(|f| &f.id).collect::<Vec<_>>()
        )
    })
}

fn is(f: &Figure, expected: f64) {
    let v = f
        .value
        .unwrap_or_else(|| panic!("{}: no value ({:?})", f.id, f.reason))
        .get();
    assert!((v - expected).abs() < 1e-9, "{}: {v} ≠ {expected}", f.id);
}

/// The spikes of `tests/fixtures/reputation/page_2026.csv`: 25 more unlikes on day 50
/// (24 February), 40 then 60 more negative feedback on days 70 and 71 (16, 17 March).
const SPIKES: [(i64, u64, u64); 3] = [(50, 25, 0), (70, 0, 40), (71, 0, 60)];

/// The page file the page's tests and `social-roi analyze` read is this generator's.
#[test]
fn the_page_fixture_is_the_generated_one() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reputation/page_2026.csv"
    );
    let (page, _, _) = page_csv(&SPIKES);
    if std::env::var_os("REGENERATE").is_some() {
        std::fs::write(path, &page).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        page,
        "run with REGENERATE=1"
    );
}

fn everything() -> Workspace {
    let (page, _, _) = page_csv(&SPIKES);
    workspace(&[
        ("page_2026.csv", &page),
        ("post_level_2026.csv", POSTS),
        ("exportcomments_atelier.csv", COMMENTS),
        ("inbox_2026-03.csv", INBOX),
    ])
}

#[test]
fn every_comment_is_read_and_grouped() {
    let r = run(
        &workspace(&[("exportcomments_atelier.csv", COMMENTS)]),
        &AnalysisOptions::default(),
        Lang::Fr,
    );
    let t = &r.reputation.tone;
    assert_eq!((t.comments, t.messages), (10, 0));
    assert!(t.estimate.starts_with("Estimations"), "{}", t.estimate);
    // 5 negative (101, 102, 103, 104, 205), 4 positive (105, 201, 202, 204), 1 neutral (203).
    is(find(&t.figures, "negative_comment_share"), 0.5);
    is(find(&t.figures, "positive_comment_share"), 0.4);
    is(find(&t.figures, "net_sentiment"), -0.1);
    let f = find(&t.figures, "negative_comment_share");
    assert!(f.label.contains("estimation"), "{}", f.label);
    assert!(!f.formula.is_empty());
    // Per post: AAA 4 of 5, BBB 1 of 5; AAA first.
    let posts: Vec<(&str, usize, usize)> = t
        .by_post
        .iter()
        .map(|p| (p.key.as_str(), p.negative, p.texts))
        .collect();
    assert_eq!(
        posts,
        [("instagram.com/p/aaa", 4, 5), ("instagram.com/p/bbb", 1, 5)]
    );
    // Per week: the week of 2 March 1 of 5, the week of 16 March 4 of 5.
    let weeks: Vec<(&str, usize, usize)> = t
        .by_week
        .iter()
        .map(|p| (p.key.as_str(), p.negative, p.texts))
        .collect();
    assert_eq!(weeks, [("2026-03-02", 1, 5), ("2026-03-16", 4, 5)]);
    assert_eq!(t.by_network.len(), 1);
    assert_eq!(
        (t.by_network[0].label.as_str(), t.by_network[0].negative),
        ("Instagram", 5)
    );
    // Threads: 101 (3 of 3), then 104 (1 of 1), then 204 (1 of 2).
    let threads: Vec<(u64, usize, usize)> = t
        .threads
        .iter()
        .map(|x| (x.line, x.negative, x.comments))
        .collect();
    assert_eq!(threads, [(2, 3, 3), (5, 1, 1), (10, 1, 2)]);
    assert_eq!(t.threads[0].author, "Léa B");
    // "livraison" is in 3 negative comments (101, 102, 205) and one other (204); "retard" in 2.
    let words: Vec<(&str, usize, usize)> = t
        .words
        .iter()
        .map(|w| (w.word.as_str(), w.negative, w.others))
        .collect();
    assert_eq!(words, [("livraison", 3, 1), ("retard", 2, 0)]);
}

#[test]
fn the_estimate_says_how_good_it_measured() {
    let r = run(
        &workspace(&[("exportcomments_atelier.csv", COMMENTS)]),
        &AnalysisOptions::default(),
        Lang::En,
    );
    let t = &r.reputation.tone;
    assert!(t.estimate.starts_with("Estimates"), "{}", t.estimate);
    for e in &t.accuracy {
        assert!(e.comments > 100, "{e:?}");
        assert_eq!(e.classes.len(), 3);
        for c in &e.classes {
            assert!(c.precision > 0.5 && c.recall > 0.5, "{c:?}");
        }
    }
}

#[test]
fn without_texts_the_report_says_why() {
    let (page, _, _) = page_csv(&[]);
    let r = run(
        &workspace(&[("page_2026.csv", &page)]),
        &AnalysisOptions::default(),
        Lang::En,
    );
    assert!(r
        .reputation
        .tone
        .reason
        .as_deref()
        .unwrap()
        .contains("comment export"));
    assert!(r.reputation.tone.figures.iter().all(|f| f.value.is_none()));
}

#[test]
fn negative_feedback_per_post_and_per_day() {
    let (page, negative, reach) = page_csv(&[]);
    let r = run(
        &workspace(&[("page_2026.csv", &page), ("post_level_2026.csv", POSTS)]),
        &AnalysisOptions::default(),
        Lang::En,
    );
    let f = &r.reputation.feedback;
    // Posts: (10 + 20 + 0) ÷ (1,000 + 500 + 2,000).
    // Two figures of the one metric: from the posts, then from the Page's days.
    let rates: Vec<&Figure> = f
        .figures
        .iter()
        .filter(|x| x.id == "negative_feedback_rate")
        .collect();
    assert_eq!(rates.len(), 2);
    assert!(rates[0].formula.contains("posts") && rates[1].formula.contains("days"));
    is(rates[0], 30.0 / 3500.0);
    is(rates[1], negative as f64 / reach as f64);
    // Kinds from the posts: 16 hide, 7 hide all, 4 unlike, 3 spam of 30.
    let kinds: Vec<(&str, f64)> = f.kinds.iter().map(|k| (k.kind, k.count.get())).collect();
    assert_eq!(
        kinds,
        [
            ("hide", 16.0),
            ("hide_all", 7.0),
            ("page_unlike", 4.0),
            ("spam_report", 3.0)
        ]
    );
    assert!((f.kinds[0].share.unwrap().get() - 16.0 / 30.0).abs() < 1e-12);
    // Worst first: 20 of 500, then 10 of 1,000; the post without any is not listed.
    let worst: Vec<(&str, f64)> = f
        .posts
        .iter()
        .map(|p| (p.id.as_str(), p.rate.unwrap().get()))
        .collect();
    assert_eq!(worst, [("1_2", 0.04), ("1_1", 0.01)]);
    assert!(f.reason.is_none());
}

#[test]
fn a_quiet_page_raises_no_alarm() {
    let (page, _, _) = page_csv(&[]);
    let r = run(
        &workspace(&[("page_2026.csv", &page)]),
        &AnalysisOptions::default(),
        Lang::En,
    );
    let c = &r.reputation.crisis;
    assert!(c.reason.is_none(), "{:?}", c.reason);
    let ids: Vec<&str> = c.series.iter().map(|s| s.id.as_str()).collect();
    assert!(
        ids.contains(&"unfollows.facebook") && ids.contains(&"mentions.facebook"),
        "{ids:?}"
    );
    for s in &c.series {
        assert_eq!(
            s.flagged,
            0,
            "{}: {:?}",
            s.id,
            s.days.iter().filter(|d| d.flagged).collect::<Vec<_>>()
        );
        assert_eq!(s.days.len(), 84);
        // The first 7 days have no history; every later one is judged.
        assert!(s.days[..7].iter().all(|d| d.median.is_none()));
        assert!(s.days[7..].iter().all(|d| d.threshold.is_some()));
    }
    assert!(c.episodes.is_empty());
}

#[test]
fn known_spikes_make_episodes_with_what_surrounds_them() {
    let r = run(&everything(), &AnalysisOptions::default(), Lang::En);
    let c = &r.reputation.crisis;
    let flagged = |id: &str| -> Vec<i64> {
        let s = c.series.iter().find(|s| s.id == id).unwrap();
        s.days
            .iter()
            .filter(|d| d.flagged)
            .map(|d| d.date.days() - day0().days())
            .collect()
    };
    assert_eq!(flagged("unfollows.facebook"), [50]);
    assert_eq!(flagged("negative_feedback.facebook"), [70, 71]);
    let spans: Vec<(Date, Date, Date)> = c
        .episodes
        .iter()
        .map(|e| (e.start, e.peak, e.end))
        .collect();
    assert_eq!(
        spans,
        [(day(50), day(50), day(50)), (day(70), day(71), day(71))]
    );
    let e = &c.episodes[1];
    assert_eq!(e.days, 2);
    // The post of the evening before (15 March) is listed; the February ones are not.
    let before: Vec<&str> = e.posts_before.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(before, ["1_2"]);
    // During: comments 101–105 and the two messages of 16–17 March, 6 negative of 7.
    is(&e.negative_share, 6.0 / 7.0);
    // The rest: comments 201–205 and two messages, 1 negative (205) of 7.
    is(&e.usual_negative_share, 1.0 / 7.0);
    let during = e.responses.as_ref().unwrap();
    let usual = e.usual_responses.as_ref().unwrap();
    assert_eq!((during.received, usual.received), (2, 2));
    is(find(&during.figures, "median_first_response_hours"), 4.0); // (6 h + 2 h) ÷ 2
    is(find(&usual.figures, "median_first_response_hours"), 0.75); // (0.5 h + 1 h) ÷ 2
}

#[test]
fn k_and_the_window_are_the_users() {
    let ws = everything();
    let strict = AnalysisOptions {
        crisis_k: 10.0,
        crisis_window_days: 14,
        ..AnalysisOptions::default()
    };
    let r = run(&ws, &strict, Lang::Fr);
    let c = &r.reputation.crisis;
    assert_eq!((c.k.get(), c.window_days), (10.0, 14));
    assert!(
        c.parameters.contains("k = 10") && c.parameters.contains("14 jours"),
        "{}",
        c.parameters
    );
    assert!(c.rule.contains("médiane"), "{}", c.rule);
    let bad = AnalysisOptions {
        crisis_k: 0.5,
        crisis_window_days: 3,
        ..AnalysisOptions::default()
    };
    let r = analyze(ws.dataset(), &bad, Lang::En);
    let fields: Vec<&str> = r.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["crisis_k", "crisis_window_days"]);
    // The defaults are used meanwhile.
    assert_eq!(
        (r.reputation.crisis.k.get(), r.reputation.crisis.window_days),
        (3.0, 28)
    );
}

/// Four weeks of X's account overview from Monday 2 March 2026: weeks 1 and 3 busy (2 posts a
/// day, 3 unfollows a day), weeks 2 and 4 quiet (3 posts a week, 1 unfollow a day).
fn x_overview() -> String {
    let mut s = String::from("Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,Create Post,Video views,Media views\n");
    let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    for i in 0..28 {
        let d = Date::new(2026, 3, 2).unwrap().add_days(i).unwrap();
        let busy = (i / 7) % 2 == 0;
        let posts = if busy { 2 } else { u8::from(i % 7 < 3) };
        let unfollows = if busy { 3 } else { 1 };
        s.push_str(&format!(
            "\"{}, Mar {}, 2026\",1000,10,40,1,1,5,{unfollows},2,3,8,{posts},0,0\n",
            names[(i % 7) as usize],
            d.day()
        ));
    }
    s
}

/// Two YouTube videos: 2 subscribers lost over 1,500 views, 4 over 700.
const VIDEOS: &str = "Content,Video title,Video publish time,Duration,Views,Watch time (hours),Subscribers gained,Subscribers lost,Subscribers
Total,,,,2200,90,13,6,7
vid_A,Croissants,\"Mar 2, 2026\",480,1500,60,10,2,8
vid_B,Fermeture,\"Mar 9, 2026\",300,700,30,3,4,-1
";

#[test]
fn unfollows_against_posting_and_subscribers_lost() {
    let overview = x_overview();
    let r = run(
        &workspace(&[
            ("account_overview_analytics_2026-03-29.csv", &overview),
            ("Table data.csv", VIDEOS),
        ]),
        &AnalysisOptions::default(),
        Lang::En,
    );
    let f = &r.reputation.feedback;
    // (3 × 14 + 1 × 14) unfollows ÷ (14 + 3 + 14 + 3) posts.
    is(find(&f.figures, "unfollows_per_post.x"), 56.0 / 34.0);
    // Busy weeks (more posts than the median week, 8.5): 3 a day; the others 1 a day.
    is(find(&f.figures, "unfollows_busy_weeks_ratio.x"), 3.0);
    // (2 + 4) ÷ (1,500 + 700) × 1000; the Total row is not a video.
    is(
        find(&f.figures, "subscribers_lost_per_thousand_views"),
        6.0 / 2200.0 * 1000.0,
    );
    let worst: Vec<(&str, f64)> = f
        .posts
        .iter()
        .map(|p| (p.id.as_str(), p.rate.unwrap().get()))
        .collect();
    assert_eq!(worst.len(), 2);
    assert_eq!(worst[0].0, "vid_B");
    assert!((worst[0].1 - 4.0 / 700.0 * 1000.0).abs() < 1e-9);
    // The crisis flags watch X's unfollows too; four weeks of a steady pattern raise nothing.
    let x = r
        .reputation
        .crisis
        .series
        .iter()
        .find(|s| s.id == "unfollows.x")
        .unwrap();
    assert_eq!((x.days.len(), x.flagged), (28, 0));
}
