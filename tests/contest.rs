//! The contest outcome against hand-computed values, follower lists, warnings and invariants.

use social_roi::{
    compute_contest, contest_example, read_entries, read_followers, ContestInput, ContestReport,
    Entries, EntryRow, Figure, FollowerList, Lang, ListFormat,
};
use std::path::Path;

fn input(json: &str) -> ContestInput {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bad test input: {e}\n{json}"))
}

fn all(r: &ContestReport) -> Vec<&Figure> {
    let mut v: Vec<&Figure> = r
        .costs
        .iter()
        .chain(&r.summary)
        .chain(&r.audience)
        .collect();
    for row in &r.retention {
        v.extend([&row.kept, &row.retention, &row.cost_per_kept]);
    }
    v
}

fn find<'a>(r: &'a ContestReport, id: &str) -> &'a Figure {
    all(r)
        .into_iter()
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn value(r: &ContestReport, id: &str) -> f64 {
    let f = find(r, id);
    f.get()
        .unwrap_or_else(|| panic!("{id} has no value: {:?}", f.reason))
}

fn reason(r: &ContestReport, id: &str) -> String {
    let f = find(r, id);
    assert!(f.value.is_none(), "{id} has a value: {:?}", f.value);
    f.reason
        .clone()
        .expect("a figure without value has a reason")
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b): (f64, f64) = ($a, $b);
        assert!(
            (a - b).abs() <= 1e-9 * b.abs().max(1.0),
            "{} = {a}, expected {b}",
            stringify!($a)
        );
    }};
}

/// Exactly one of value and reason, nothing non-finite, a formula everywhere.
fn check_invariants(r: &ContestReport) {
    for f in all(r) {
        assert!(
            f.value.is_some() != f.reason.is_some(),
            "{}: {:?} {:?}",
            f.id,
            f.value,
            f.reason
        );
        assert!(!f.formula.is_empty(), "{} has no formula", f.id);
    }
    let json = serde_json::to_string(r).unwrap();
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!json.contains(bad), "report JSON holds {bad}");
    }
}

fn list(name: &str, handles: &[&str]) -> FollowerList {
    read_followers(name, &handles.join("\n"), Lang::En).unwrap()
}

#[test]
fn the_worked_example_by_hand() {
    for lang in [Lang::En, Lang::Fr] {
        let r = compute_contest(&contest_example(lang, "EUR"), &Entries::new(), lang);
        check_invariants(&r);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        // Costs: prizes 250 + ads 100 + 6 h × 35 + fees 29, by the ROI core.
        let costs: Vec<f64> = r.costs.iter().map(|f| f.get().unwrap()).collect();
        assert_eq!(costs, [250.0, 100.0, 210.0, 29.0]);
        assert_eq!(value(&r, "total_cost"), 589.0);
        // Return: 18 orders × 45 × 40 %.
        assert_eq!(value(&r, "contest_return"), 324.0);
        assert_eq!(value(&r, "total_return"), 324.0);
        assert_eq!(value(&r, "net_gain"), -265.0);
        assert_close!(value(&r, "roi"), -265.0 / 589.0);
        assert_close!(value(&r, "roas"), 324.0 / 100.0);
        assert_close!(value(&r, "cost_per_entry"), 589.0 / 1240.0);
        assert_close!(value(&r, "cost_per_participant"), 589.0 / 860.0);
        assert_eq!(value(&r, "new_followers"), 650.0); // 13 050 − 12 400
        assert_close!(value(&r, "contest_cost_per_new_follower"), 589.0 / 650.0);
        assert_close!(value(&r, "viral_coefficient"), 310.0 / 860.0);
        assert_close!(value(&r, "conversion_rate"), 18.0 / 420.0);
        assert_eq!(value(&r, "kept_7d"), 480.0); // 12 880 − 12 400
        assert_close!(value(&r, "retention_7d"), 480.0 / 650.0);
        assert_close!(value(&r, "cost_per_kept_7d"), 589.0 / 480.0);
        assert_eq!(value(&r, "kept_30d"), 360.0);
        assert_close!(value(&r, "retention_30d"), 360.0 / 650.0);
        assert_close!(value(&r, "cost_per_kept_30d"), 589.0 / 360.0);
        assert_eq!(
            r.retention.iter().map(|x| x.days).collect::<Vec<_>>(),
            [7, 30]
        );
    }
    let r = compute_contest(&contest_example(Lang::Fr, "EUR"), &Entries::new(), Lang::Fr);
    assert_eq!(
        find(&r, "cost_per_kept_30d").formula,
        "coût par abonné resté = coût du concours ÷ abonnés restés"
    );
    assert_eq!(
        find(&r, "roi").formula,
        "ROI = (retour total − coût total) ÷ coût total",
        "the ROI comes from the ROI core"
    );
}

#[test]
fn follower_lists_tell_who_joined_and_who_stayed() {
    let before = list("before.txt", &["ann", "ben", "cat", "dan"]);
    // dan left during the contest; eve, fay, gil, hal joined.
    let close = list(
        "close.txt",
        &["ann", "ben", "cat", "eve", "fay", "gil", "hal"],
    );
    // A week later fay is gone; a month later gil too, and ben (an old follower) left.
    let week = list(
        "week.txt",
        &["ann", "ben", "cat", "eve", "gil", "hal", "ivy"],
    );
    let month = list("month.txt", &["ann", "cat", "eve", "hal", "ivy", "jon"]);
    let mut i = input(r#"{"prize_value": 80}"#);
    i.followers.before.list = Some(before);
    i.followers.at_close.list = Some(close);
    i.followers.later[0].list = Some(week);
    i.followers.later[1].list = Some(month);
    let r = compute_contest(&i, &Entries::new(), Lang::En);
    check_invariants(&r);
    // Joined: eve, fay, gil, hal (not the net change 7 − 4 = 3).
    assert_eq!(value(&r, "new_followers"), 4.0);
    assert_eq!(
        find(&r, "new_followers").formula,
        "new followers = people in the list at close who are not in the list before"
    );
    assert_eq!(value(&r, "contest_cost_per_new_follower"), 20.0);
    // Kept after 7 days: eve, gil, hal (ivy joined later and does not count).
    assert_eq!(value(&r, "kept_7d"), 3.0);
    assert_close!(value(&r, "retention_7d"), 0.75);
    // After 30 days: eve, hal.
    assert_eq!(value(&r, "kept_30d"), 2.0);
    assert_eq!(value(&r, "cost_per_kept_30d"), 40.0);
    assert_eq!(
        find(&r, "kept_30d").formula,
        "followers kept = new followers still in the list taken N days after close"
    );
}

#[test]
fn a_list_missing_falls_back_on_the_counts() {
    let mut i = input(
        r#"{"prize_value": 100, "followers": {"before": {"count": "1 000"}, "at_close": {"count": 1100},
            "later": [{"days": 7, "count": 1050}]}}"#,
    );
    i.decimal_mark = Some(social_roi::Mark::Comma);
    // Only the list at close: the counts give the figures (the list's length is the count).
    i.followers.at_close.list = Some(list("close.txt", &["a", "b"]));
    let r = compute_contest(&i, &Entries::new(), Lang::En);
    check_invariants(&r);
    assert_eq!(value(&r, "new_followers"), -998.0); // 2 − 1 000: the list says 2 followers
    assert!(reason(&r, "contest_cost_per_new_follower").contains("nothing to divide"));
    assert_eq!(r.warnings[0].code, "list_count_differs");
    assert_eq!(
        r.warnings[0].message,
        "close.txt holds 2 followers but the count typed for the same moment is 1100: the list is used"
    );
    i.followers.at_close.list = None;
    let r = compute_contest(&i, &Entries::new(), Lang::En);
    assert_eq!(value(&r, "new_followers"), 100.0);
    assert_eq!(value(&r, "kept_7d"), 50.0);
    assert_close!(value(&r, "retention_7d"), 0.5);
}

fn comment(author: &str) -> EntryRow {
    read_entries("x.txt", author).unwrap().pop().unwrap()
}

#[test]
fn entries_and_participants_come_from_the_comment_file() {
    let entries: Entries = vec![
        comment("@ann"),
        comment("Ann"),
        comment("ben"),
        comment("@brand"),
        comment("cat"),
    ]
    .into();
    let i = input(r#"{"prize_value": 60, "account": "@Brand", "comments_shown": 9, "shares": 3}"#);
    let r = compute_contest(&i, &entries, Lang::En);
    check_invariants(&r);
    // 4 entries (the brand's reply left out), 3 people.
    assert_eq!(value(&r, "cost_per_entry"), 15.0);
    assert_eq!(value(&r, "cost_per_participant"), 20.0);
    assert_eq!(value(&r, "viral_coefficient"), 1.0);
    let inputs = &find(&r, "cost_per_entry").inputs;
    assert_eq!(inputs[1].name, "entries (comments in the file)");
    let w = &r.warnings[0];
    assert_eq!(w.code, "comments_missing");
    assert!(
        w.message
            .starts_with("the comment file holds 5 comments but the post shows 9: 4 are missing"),
        "{}",
        w.message
    );
    // A typed count wins over the file.
    let typed = input(r#"{"prize_value": 60, "entries": 6}"#);
    let r = compute_contest(&typed, &entries, Lang::En);
    assert_eq!(value(&r, "cost_per_entry"), 10.0);
    assert_eq!(find(&r, "cost_per_entry").inputs[1].name, "entries");
    // No account given: the brand's reply is one more participant (4).
    assert_eq!(value(&r, "cost_per_participant"), 15.0);
    // A typo is an error, not the file's count.
    let typo = input(r#"{"prize_value": 60, "participants": "x"}"#);
    let r = compute_contest(&typo, &entries, Lang::Fr);
    assert_eq!(r.errors[0].field, "participants");
    assert_eq!(
        r.errors[0].message,
        "un nombre entier attendu, trouvé «\u{a0}x\u{a0}»"
    );
    assert_eq!(
        reason(&r, "cost_per_entry"),
        "corrigez d’abord les données signalées en rouge"
    );
}

#[test]
fn what_cannot_be_computed_says_why() {
    let r = compute_contest(&ContestInput::default(), &Entries::new(), Lang::En);
    check_invariants(&r);
    assert!(r.errors.is_empty());
    assert!(r.costs.is_empty());
    assert_eq!(
        reason(&r, "cost_per_entry"),
        "enter the contest’s costs: prizes, ads, time or fees"
    );
    assert_eq!(
        reason(&r, "roi"),
        "enter the contest’s costs: prizes, ads, time or fees"
    );
    assert_eq!(
        reason(&r, "new_followers"),
        "enter the followers before and at close, or drop the two follower lists"
    );
    assert_eq!(
        reason(&r, "kept_7d"),
        "enter the followers 7 days after close, or drop that list"
    );
    assert_eq!(
        reason(&r, "contest_return"),
        "enter the revenue, or the conversions and their value"
    );
    let r = compute_contest(
        &input(r#"{"prize_value": 100, "entries": 0, "conversions": 3, "clicks": 0}"#),
        &Entries::new(),
        Lang::En,
    );
    assert_eq!(
        reason(&r, "cost_per_entry"),
        "no entries: nothing to divide the cost by"
    );
    assert_eq!(
        reason(&r, "conversion_rate"),
        "no clicks: nothing to divide by"
    );
    assert_eq!(
        reason(&r, "contest_return"),
        "enter the value per conversion (or the revenue)"
    );
    assert_eq!(
        reason(&r, "roi"),
        "enter the revenue, or the conversions and their value, to compare it with the cost"
    );
    // Revenue wins over conversions × value, with its own formula.
    let r = compute_contest(
        &input(
            r#"{"prize_value": 100, "revenue": "450", "margin_pct": "20 %", "conversions": 3, "value_per_conversion": 1000}"#,
        ),
        &Entries::new(),
        Lang::En,
    );
    assert_eq!(value(&r, "contest_return"), 90.0);
    assert_eq!(
        find(&r, "contest_return").formula,
        "contest return = revenue × margin"
    );
    assert_close!(value(&r, "roi"), -0.1);
}

#[test]
fn bad_days_and_duplicates() {
    let r = compute_contest(
        &input(
            r#"{"followers": {"later": [{"days": 7}, {"days": "7"}, {"days": 0}, {"count": 5}]}}"#,
        ),
        &Entries::new(),
        Lang::En,
    );
    let fields: Vec<(&str, &str)> = r
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("followers.later[1].days", "7 days is already checked above"),
            (
                "followers.later[2].days",
                "a number of days from 1 to 3650 is expected, found 0"
            ),
            (
                "followers.later[3].days",
                "enter how many days after the close these followers were counted"
            ),
        ]
    );
    let bad: Result<ContestInput, _> = serde_json::from_str(r#"{"prize": 5}"#);
    assert!(bad.is_err(), "unknown keys are rejected");
}

#[test]
fn instagram_followers_file() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/contest/followers_1.json");
    let text = std::fs::read_to_string(path).unwrap();
    let l = read_followers("followers_1.json", &text, Lang::En).unwrap();
    assert_eq!(l.format, ListFormat::InstagramJson);
    assert_eq!(
        l.handles,
        ["chloé", "emma", "julie_m", "karim.b", "lea_b", "tom.r"]
    );
    assert_eq!(l.duplicates, 0);
}
