//! Properties, on generated inputs (proptest): the ROI calculator's figures are finite and
//! move the right way (up with returns, down with costs); a file cut into chunks anywhere
//! gives the same report and records as the whole; a draw is a function of its entries,
//! rules and seed; and what the analysis exports as CSV reads back as the same posts.

use proptest::prelude::*;
use social_roi::{
    analyze, compute_roi, draw_winners, posts_csv, AnalysisOptions, DrawOptions, Figure,
    ImportOptions, Lang, RoiInput, RoiReport, RulesInput, SeedInput, SeedKind, Workspace,
};

const EXAMPLE: &str = include_str!("fixtures/roi/example-en.json");

fn figures(r: &RoiReport) -> impl Iterator<Item = &Figure> {
    r.summary
        .iter()
        .chain(&r.unit_costs)
        .chain(&r.costs)
        .chain(&r.returns)
}

fn value(r: &RoiReport, id: &str) -> Option<f64> {
    figures(r).find(|f| f.id == id).and_then(Figure::get)
}

/// The worked example with its first cost's amount of hours and its first sale's value set.
fn roi(hours: f64, sale: f64) -> RoiReport {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["costs"][0]["hours"] = serde_json::json!(hours);
    if let Some(s) = v["sales"].get_mut(0) {
        for key in ["revenue", "amount", "value", "average_order"] {
            if s.get(key).is_some_and(|x| x.is_number()) {
                s[key] = serde_json::json!(sale);
                break;
            }
        }
    }
    let input: RoiInput = serde_json::from_value(v).unwrap();
    compute_roi(&input, Lang::En)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every figure has a finite value or a reason, whatever the amounts.
    #[test]
    fn roi_figures_are_finite(hours in 0.0f64..1e9, sale in 0.0f64..1e12) {
        let r = roi(hours, sale);
        for f in figures(&r) {
            match f.get() {
                Some(x) => prop_assert!(x.is_finite(), "{}: {x}", f.id),
                None => prop_assert!(f.reason.is_some(), "{} has neither", f.id),
            }
        }
    }

    /// ROI rises with returns and falls with costs.
    #[test]
    fn roi_moves_the_right_way(hours in 1.0f64..500.0, more in 1.0f64..500.0, sale in 1.0f64..1e5) {
        let base = value(&roi(hours, sale), "roi");
        let costlier = value(&roi(hours + more, sale), "roi");
        let richer = value(&roi(hours, sale + more), "roi");
        if let (Some(b), Some(c), Some(r)) = (base, costlier, richer) {
            prop_assert!(c < b, "more hours: {c} vs {b}");
            prop_assert!(r >= b, "more sales: {r} vs {b}");
        }
    }

    /// A file pushed in chunks cut anywhere reads as the whole file.
    #[test]
    fn chunks_anywhere_read_the_same(cuts in proptest::collection::vec(0usize..2000, 0..6), quote in any::<bool>()) {
        let text = csv_text(quote);
        let whole = read(&text, &[]);
        prop_assert_eq!(read(&text, &cuts), whole);
    }

    /// The same entries, rules and seed draw the same winners.
    #[test]
    fn a_draw_is_a_function_of_its_inputs(n in 2usize..200, winners in 1u32..5, seed in "[0-9 ]{1,20}") {
        let list: String = (0..n).map(|i| format!("person{i}\n")).collect();
        let mut ws = Workspace::new(ImportOptions::default());
        ws.add("list.txt", list.as_bytes());
        let entries = ws.dataset().records.entries.clone();
        let rules: RulesInput = serde_json::from_value(serde_json::json!({"winners": winners})).unwrap();
        let seed = SeedInput { kind: SeedKind::Public, value: seed, ..SeedInput::default() };
        let options = DrawOptions { title: None, drawn_at: Some("2026-06-12T20:00:00Z".into()) };
        let a = draw_winners(&entries, &rules, &seed, &options, Lang::En);
        let b = draw_winners(&entries, &rules, &seed, &options, Lang::En);
        prop_assert_eq!(
            a.as_ref().map(|c| serde_json::to_string(c).unwrap()).ok(),
            b.as_ref().map(|c| serde_json::to_string(c).unwrap()).ok()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// The analysis's totals are the sums of its per-post values.
    #[test]
    fn per_post_values_sum_to_the_totals(rows in proptest::collection::vec((0u32..100_000, 0u32..5_000), 1..40)) {
        let mut s = String::from("Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes\n");
        for (i, (imp, eng)) in rows.iter().enumerate() {
            s.push_str(&format!(
                "{},https://x.com/a/status/{},t,2026-03-{:02} 10:00 +0000,{imp},{eng},{},{},{}\n",
                1000 + i, 1000 + i, i % 28 + 1, eng / 3, eng / 5, eng / 2
            ));
        }
        let mut ws = Workspace::new(ImportOptions::default());
        ws.add("tweet_activity_metrics_acme_20260301_20260331_en.csv", s.as_bytes());
        let a = analyze(ws.dataset(), &AnalysisOptions::default(), Lang::En);
        let total = |id: &str| a.totals.iter().find(|f| f.id == id).and_then(Figure::get);
        let sum = |f: fn(&social_roi::PostRow) -> Option<f64>| -> f64 {
            a.engagement.posts.iter().filter_map(f).sum()
        };
        let impressions = sum(|p| p.impressions.map(|x| x.get()));
        let engagements = sum(|p| p.engagements.map(|x| x.get()));
        prop_assert_eq!(total("total_impressions"), Some(impressions));
        if let Some(t) = total("total_engagements") {
            prop_assert!((t - engagements).abs() < 1e-6, "{t} vs {engagements}");
        }
    }
}

/// A small X export, with a multi-line quoted text when `quote`.
fn csv_text(quote: bool) -> String {
    let mut s = String::from("Tweet id,Tweet permalink,Tweet text,time,impressions,engagements\n");
    for i in 0..30 {
        let text = if quote && i % 7 == 0 {
            format!("\"line one, {i}\nline \"\"two\"\"\"")
        } else {
            format!("tweet {i}")
        };
        s.push_str(&format!(
            "{},https://x.com/a/status/{},{text},2026-03-{:02} 10:00 +0000,{},{}\n",
            1000 + i,
            1000 + i,
            i % 28 + 1,
            i * 10,
            i
        ));
    }
    s
}

/// The report and records of `text` pushed cut at `cuts`.
fn read(text: &str, cuts: &[usize]) -> String {
    let bytes = text.as_bytes();
    let mut cuts: Vec<usize> = cuts.iter().map(|&c| c.min(bytes.len())).collect();
    cuts.sort_unstable();
    let mut ws = Workspace::new(ImportOptions::default());
    let id = ws.begin("tweet_activity_metrics_acme_20260301_20260331_en.csv");
    let mut from = 0;
    for c in cuts.into_iter().chain([bytes.len()]) {
        ws.push(id, &bytes[from..c]).unwrap();
        from = c;
    }
    let report = ws.finish(id).unwrap();
    let mut r = serde_json::to_value(report.localized(Lang::En)).unwrap();
    r["fingerprint"] = serde_json::Value::Null;
    format!(
        "{r}{}",
        serde_json::to_string(&ws.dataset().records).unwrap()
    )
}

/// The per-post CSV of the analysis, read back and mapped, gives the same posts (ids, dates,
/// impressions; its engagements are the analysis's own rule, not the platform's column).
#[test]
fn exported_posts_read_back_the_same() {
    let mut ws = Workspace::new(ImportOptions::default());
    ws.add(
        "tweet_activity_metrics_acme_20260301_20260331_en.csv",
        csv_text(true).as_bytes(),
    );
    let analysis = analyze(ws.dataset(), &AnalysisOptions::default(), Lang::En);
    let csv = posts_csv(&analysis, Lang::En);
    let mut again = Workspace::new(ImportOptions::default());
    let id = again.add("posts.csv", csv.as_bytes());
    // Our export is a table the user maps, column by column, as any other.
    let mapping: Vec<(String, String)> = [
        ("id", "post.id"),
        ("published", "post.published"),
        ("text", "post.text"),
        ("impressions", "post.impressions"),
    ]
    .iter()
    .map(|(c, f)| (c.to_string(), f.to_string()))
    .collect();
    again.apply_mapping(id, 0, &mapping).unwrap();
    let ids = |ws: &Workspace| -> Vec<String> {
        let mut v: Vec<String> = ws
            .dataset()
            .records
            .posts
            .iter()
            .map(|p| {
                format!(
                    "{} {:?} {:?}",
                    p.id(),
                    p.published(),
                    p.metrics().impressions
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(again.dataset().records.posts.len(), 30);
    assert_eq!(ids(&again), ids(&ws));
}
