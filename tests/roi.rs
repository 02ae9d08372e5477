//! The ROI calculator against hand-computed values, edge cases and invariants.

use social_roi::{
    canonical_roi_input, compute_roi, roi_example, Figure, Lang, RoiInput, RoiReport,
};

fn input(json: &str) -> RoiInput {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bad test input: {e}\n{json}"))
}

fn find<'a>(r: &'a RoiReport, id: &str) -> &'a Figure {
    r.summary
        .iter()
        .chain(&r.unit_costs)
        .chain(&r.costs)
        .chain(&r.returns)
        .chain(std::iter::once(&r.earned_media))
        .find(|f| f.id == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

fn value(r: &RoiReport, id: &str) -> f64 {
    let f = find(r, id);
    f.get()
        .unwrap_or_else(|| panic!("{id} has no value: {:?}", f.reason))
}

fn reason(r: &RoiReport, id: &str) -> String {
    let f = find(r, id);
    assert!(
        f.value.is_none(),
        "{id} should have no value, has {:?}",
        f.value
    );
    f.reason
        .clone()
        .expect("a figure without value has a reason")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {{
        let (a, b) = ($a, $b);
        assert!(close(a, b), "{} = {a}, expected {b}", stringify!($a));
    }};
}

/// Every figure of a report: exactly one of value and reason, and nothing non-finite.
fn check_invariants(r: &RoiReport) {
    let mut all: Vec<&Figure> = r
        .summary
        .iter()
        .chain(&r.unit_costs)
        .chain(&r.costs)
        .chain(&r.returns)
        .collect();
    all.push(&r.earned_media);
    if let Some(c) = &r.comparison {
        all.extend([&c.roi_difference, &c.cost_difference]);
        for s in &c.scenarios {
            all.extend([&s.total_cost, &s.net_gain, &s.roi]);
            all.extend(&s.costs);
        }
    }
    for f in all {
        assert!(
            f.value.is_some() != f.reason.is_some(),
            "{}: value {:?}, reason {:?}",
            f.id,
            f.value,
            f.reason
        );
        if let Some(v) = f.value {
            assert!(v.get().is_finite(), "{} = {}", f.id, v.get());
        }
        for i in &f.inputs {
            assert!(i.value.get().is_finite(), "{} input {}", f.id, i.name);
        }
        assert!(!f.formula.is_empty(), "{} has no formula", f.id);
    }
    for row in &r.sensitivity.rows {
        for v in [row.roi_low, row.roi_high].into_iter().flatten() {
            assert!(v.get().is_finite());
        }
    }
    let json = serde_json::to_string(r).unwrap();
    for bad in ["NaN", "inf", "Infinity"] {
        assert!(!json.contains(bad), "report JSON holds {bad}");
    }
}

#[test]
fn the_worked_example_by_hand() {
    for lang in [Lang::En, Lang::Fr] {
        let r = compute_roi(&roi_example(lang, "EUR"), lang);
        check_invariants(&r);
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        // Costs: 60 × 35 + 99 × 1 + 500 + 400.
        assert_eq!(value(&r, "costs[0]"), 2100.0);
        assert_eq!(value(&r, "costs[1]"), 99.0);
        assert_eq!(value(&r, "total_cost"), 3099.0);
        // Returns: 8000 × 1.5 % × 65 × 40 % + 25 × 30 + 180 × (6.50 − 2.00).
        assert_eq!(value(&r, "sales[0]"), 3120.0);
        assert_eq!(value(&r, "leads[0]"), 750.0);
        assert_eq!(value(&r, "support[0]"), 810.0);
        assert_eq!(value(&r, "total_return"), 4680.0);
        assert_eq!(value(&r, "net_gain"), 1581.0);
        assert_close!(value(&r, "roi"), 1581.0 / 3099.0);
        assert_close!(value(&r, "roas"), 4680.0 / 500.0);
        // 150 000 ÷ 1000 × 6 + 1200 × 0.45, not counted.
        assert_eq!(value(&r, "earned_media_value"), 1440.0);
        // (3099 − 1560) ÷ (3120 ÷ 120) = 59.19… → 60 conversions; 60 ÷ 1.5 % = 4000 visits.
        assert_eq!(value(&r, "break_even_conversions"), 60.0);
        assert_eq!(value(&r, "break_even_visits"), 4000.0);
        assert_close!(value(&r, "cost_per_engagement"), 3099.0 / 5400.0);
        assert_close!(value(&r, "cost_per_click"), 3099.0 / 1200.0);
        assert_close!(value(&r, "cost_per_new_follower"), 3099.0 / 320.0);
        assert_close!(value(&r, "cost_per_acquisition"), 3099.0 / 120.0);
        let c = r
            .comparison
            .as_ref()
            .expect("the example compares two scenarios");
        assert_eq!(c.scenarios[1].total_cost.get(), Some(3300.0));
        assert_close!(c.scenarios[1].roi.get().unwrap(), 1380.0 / 3300.0);
        assert_close!(
            c.roi_difference.get().unwrap(),
            1380.0 / 3300.0 - 1581.0 / 3099.0
        );
        assert_eq!(c.cost_difference.get(), Some(201.0));
    }
}

#[test]
fn formulas_and_inputs_are_shown() {
    let r = compute_roi(&roi_example(Lang::Fr, "EUR"), Lang::Fr);
    let f = find(&r, "roi");
    assert_eq!(f.formula, "ROI = (retour total − coût total) ÷ coût total");
    let names: Vec<&str> = f.inputs.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["retour total", "coût total"]);
    assert_eq!(f.inputs[0].value.get(), 4680.0);
    let line = find(&r, "costs[0]");
    assert_eq!(line.formula, "coût = heures × taux horaire");
    assert_eq!(line.inputs.len(), 2);
}

#[test]
fn salary_share_charges_and_period() {
    let r = compute_roi(
        &input(
            r#"{"period_months": 3, "costs": [
                {"kind": "salary", "monthly_salary": "3 200", "share_pct": "50", "employer_charges_pct": "42"},
                {"kind": "tools", "amount": "49,90", "monthly": true},
                {"kind": "prizes", "amount": "250"}
            ], "leads": [{"count": 100, "value": 100}]}"#,
        ),
        Lang::Fr,
    );
    check_invariants(&r);
    // 3200 × 1.42 × 0.5 × 3 = 6816; 49.90 × 3 = 149.70; 250.
    assert_eq!(value(&r, "costs[0]"), 6816.0);
    assert_eq!(value(&r, "costs[1]"), 149.7);
    assert_eq!(value(&r, "total_cost"), 7215.7);
    assert_close!(value(&r, "roi"), (10000.0 - 7215.7) / 7215.7);
}

#[test]
fn lifetime_value_and_blank_margin() {
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "agency", "amount": 1000}],
                "sales": [{"visits": 2000, "conversion_rate_pct": 2.5, "value": 300, "value_basis": "lifetime"}]}"#,
        ),
        Lang::En,
    );
    // 2000 × 2.5 % = 50 customers × 300 × 100 %.
    assert_eq!(value(&r, "sales[0]"), 15000.0);
    assert_eq!(value(&r, "roi"), 14.0);
    let sales = find(&r, "sales[0]");
    assert!(sales
        .inputs
        .iter()
        .any(|i| i.name == "customer lifetime value" && i.value.get() == 300.0));
    assert!(sales
        .inputs
        .iter()
        .any(|i| i.name == "margin" && i.value.get() == 1.0));
}

#[test]
fn earned_media_counts_only_when_included() {
    let json = |include: bool| {
        format!(
            r#"{{"costs": [{{"kind": "content", "amount": 500}}],
                "earned_media": {{"impressions": 200000, "cpm": 5, "clicks": 100, "cpc": 0.5, "include_in_roi": {include}}}}}"#
        )
    };
    let out = compute_roi(&input(&json(false)), Lang::En);
    assert_eq!(value(&out, "earned_media_value"), 1050.0);
    assert_eq!(value(&out, "total_return"), 0.0);
    assert_eq!(value(&out, "roi"), -1.0);
    let inc = compute_roi(&input(&json(true)), Lang::En);
    assert_eq!(value(&inc, "total_return"), 1050.0);
    assert_eq!(value(&inc, "roi"), 1.1);
    // Half a pair is not enough.
    let half = compute_roi(
        &input(r#"{"earned_media": {"impressions": 1000}}"#),
        Lang::En,
    );
    assert!(reason(&half, "earned_media_value").contains("CPM"));
}

#[test]
fn support_savings_can_be_negative() {
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "other", "amount": 100}],
                "support": [{"requests": 10, "traditional_cost": 2, "social_cost": 5}]}"#,
        ),
        Lang::En,
    );
    assert_eq!(value(&r, "support[0]"), -30.0);
    assert_eq!(value(&r, "roi"), -1.3);
}

#[test]
fn what_cannot_be_computed_says_why() {
    let r = compute_roi(&input("{}"), Lang::En);
    check_invariants(&r);
    assert_eq!(value(&r, "total_cost"), 0.0);
    assert!(reason(&r, "roi").contains("total cost is zero"));
    assert!(reason(&r, "roas").contains("no ad spend"));
    assert!(reason(&r, "break_even_conversions").contains("sales line"));
    assert!(reason(&r, "cost_per_click").contains("enter the number of clicks"));
    assert!(r.sensitivity.reason.is_some());

    let zero = compute_roi(
        &input(
            r#"{"costs": [{"kind": "time", "hours": 10, "hourly_rate": 20}],
                "sales": [{"visits": 1000, "conversion_rate_pct": 0, "value": 50}],
                "counts": {"clicks": 0}}"#,
        ),
        Lang::En,
    );
    check_invariants(&zero);
    assert!(reason(&zero, "break_even_conversions").contains("above zero"));
    assert!(reason(&zero, "cost_per_click").contains("no clicks"));
    assert!(reason(&zero, "cost_per_acquisition").contains("enter the number"));
    assert_eq!(value(&zero, "roi"), -1.0);

    let fr = compute_roi(&input("{}"), Lang::Fr);
    assert!(reason(&fr, "roi").contains("coût total est nul"));
}

#[test]
fn incomplete_lines_are_left_out_and_say_so() {
    let r = compute_roi(
        &input(
            r#"{"costs": [
                {"kind": "time", "hours": 10},
                {"kind": "ads", "amount": 300}
            ]}"#,
        ),
        Lang::En,
    );
    assert!(reason(&r, "costs[0]").contains("hourly rate"));
    assert_eq!(value(&r, "total_cost"), 300.0);
    assert!(r.errors.is_empty());
}

#[test]
fn covered_cost_needs_zero_more_conversions() {
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "other", "amount": 100}],
                "leads": [{"count": 10, "value": 50}],
                "sales": [{"visits": 100, "conversion_rate_pct": 10, "value": 20}]}"#,
        ),
        Lang::En,
    );
    assert_eq!(value(&r, "break_even_conversions"), 0.0);
    assert_eq!(value(&r, "break_even_visits"), 0.0);
}

#[test]
fn break_even_is_exact_on_whole_numbers() {
    // Cost 1000, 25 per conversion: exactly 40, not 41.
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "other", "amount": 1000}],
                "sales": [{"visits": 1000, "conversion_rate_pct": 3, "value": 25}]}"#,
        ),
        Lang::En,
    );
    assert_eq!(value(&r, "break_even_conversions"), 40.0);
    // 40 ÷ 3 % = 1333.3…: whole visits, so 1334.
    assert_eq!(value(&r, "break_even_visits"), 1334.0);
}

#[test]
fn bad_input_gets_a_message_per_field_and_blocks_the_totals() {
    let r = compute_roi(
        &input(
            r#"{"currency": "EURO",
                "period_months": "0",
                "costs": [{"kind": "time", "hours": "abc", "hourly_rate": "-5"}],
                "sales": [{"visits": "1000", "conversion_rate_pct": "120", "value": "50"}],
                "counts": {"clicks": "12.5"}}"#,
        ),
        Lang::En,
    );
    check_invariants(&r);
    let fields: Vec<&str> = r.errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "currency",
            "period_months",
            "costs[0].hours",
            "costs[0].hourly_rate",
            "sales[0].conversion_rate_pct",
            "counts.clicks"
        ]
    );
    let msg = |f: &str| &r.errors.iter().find(|e| e.field == f).unwrap().message;
    assert_eq!(msg("costs[0].hours"), "expected a number, found \"abc\"");
    assert_eq!(
        msg("costs[0].hourly_rate"),
        "must not be negative (found -5)"
    );
    assert_eq!(
        msg("sales[0].conversion_rate_pct"),
        "a percentage from 0 to 100 is expected, found 120"
    );
    assert!(msg("currency").contains("ISO 4217"));
    assert!(reason(&r, "roi").contains("fix the inputs"));
    assert!(reason(&r, "total_cost").contains("fix the inputs"));
    assert!(reason(&r, "costs[0]").contains("invalid"));
    assert!(r.sensitivity.rows.is_empty());
}

#[test]
fn a_hidden_field_of_another_kind_does_not_block() {
    // The user typed hours, then switched the line to an ad spend: the hours stay, unread.
    let r = compute_roi(
        &input(r#"{"costs": [{"kind": "ads", "hours": "abc", "amount": 200}]}"#),
        Lang::En,
    );
    assert!(r.errors.is_empty());
    assert_eq!(value(&r, "total_cost"), 200.0);
}

#[test]
fn values_up_to_ten_to_the_twelve() {
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "time", "hours": 1e12, "hourly_rate": 1e12},
                          {"kind": "ads", "amount": 1e12}],
                "sales": [{"visits": 1e12, "conversion_rate_pct": 100, "value": 1e12, "margin_pct": 100}],
                "leads": [{"count": 1e12, "value": 1e12}],
                "earned_media": {"impressions": 1e12, "cpm": 1e12, "clicks": 1e12, "cpc": 1e12, "include_in_roi": true},
                "counts": {"engagements": 1, "clicks": 1e12}}"#,
        ),
        Lang::En,
    );
    check_invariants(&r);
    assert!(r.errors.is_empty());
    assert_close!(value(&r, "total_cost"), 1e24 + 1e12);
    // Returns: 1e24 + 1e24 + (1e21 + 1e24).
    assert_close!(value(&r, "total_return"), 3.001e24);
    assert_close!(value(&r, "roi"), (3.001e24 - (1e24 + 1e12)) / (1e24 + 1e12));
    assert_close!(value(&r, "cost_per_engagement"), 1e24 + 1e12);
    assert!(!r.sensitivity.rows.is_empty());
}

#[test]
fn past_the_limit_is_an_error_not_an_overflow() {
    let r = compute_roi(
        &input(r#"{"costs": [{"kind": "ads", "amount": 1e300}]}"#),
        Lang::En,
    );
    check_invariants(&r);
    assert_eq!(r.errors[0].field, "costs[0].amount");
    assert!(r.errors[0].message.contains("too large"));
}

#[test]
fn many_cost_lines_add_up_to_the_cent() {
    let lines: Vec<String> = (0..10_000)
        .map(|_| r#"{"kind": "other", "amount": "0.01"}"#.to_string())
        .collect();
    let r = compute_roi(
        &input(&format!(
            r#"{{"costs": [{}], "leads": [{{"count": 1, "value": 200}}]}}"#,
            lines.join(",")
        )),
        Lang::En,
    );
    check_invariants(&r);
    assert_eq!(r.costs.len(), 10_000);
    assert_eq!(value(&r, "total_cost"), 100.0);
    assert_eq!(value(&r, "roi"), 1.0);
    // 0.1 + 0.2 in floating point is 0.30000000000000004; in cents it is 30.
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "other", "amount": 0.1}, {"kind": "other", "amount": 0.2}]}"#,
        ),
        Lang::En,
    );
    assert_eq!(value(&r, "total_cost"), 0.3);
}

#[test]
fn currencies_round_to_their_own_minor_unit() {
    let r = compute_roi(
        &input(
            r#"{"currency": "JPY", "costs": [{"kind": "time", "hours": 1.5, "hourly_rate": 1001}]}"#,
        ),
        Lang::En,
    );
    assert_eq!(r.minor_digits, 0);
    assert_eq!(value(&r, "total_cost"), 1502.0); // 1501.5 rounds half away from zero
    let r = compute_roi(
        &input(r#"{"currency": "tnd", "costs": [{"kind": "other", "amount": "1.2345"}]}"#),
        Lang::En,
    );
    assert_eq!(r.currency, "TND");
    assert_eq!(value(&r, "total_cost"), 1.235);
}

#[test]
fn sensitivity_by_hand() {
    // Cost 10 h × 40 = 400; return 20 leads × 30 = 600; ROI 0.5.
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "time", "label": "CM", "hours": 10, "hourly_rate": 40}],
                "leads": [{"label": "Leads", "count": 20, "value": 30}]}"#,
        ),
        Lang::En,
    );
    let s = &r.sensitivity;
    assert_eq!(s.base_roi.map(|v| v.get()), Some(0.5));
    let fields: Vec<&str> = s.rows.iter().map(|r| r.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "costs[0].hours",
            "costs[0].hourly_rate",
            "leads[0].count",
            "leads[0].value"
        ]
    );
    let hours = &s.rows[0];
    assert_eq!(hours.label, "CM · hours");
    // Cost 320 → (600 − 320) ÷ 320; cost 480 → (600 − 480) ÷ 480.
    assert_close!(hours.roi_low.unwrap().get(), 0.875);
    assert_close!(hours.roi_high.unwrap().get(), 0.25);
    assert_close!(hours.swing.get(), 0.625);
    let count = &s.rows[2];
    assert_close!(count.roi_low.unwrap().get(), 0.2);
    assert_close!(count.roi_high.unwrap().get(), 0.8);
}

#[test]
fn sensitivity_caps_shares_at_one_hundred_percent() {
    let r = compute_roi(
        &input(
            r#"{"costs": [{"kind": "other", "amount": 100}],
                "sales": [{"visits": 100, "conversion_rate_pct": 90, "value": 10}]}"#,
        ),
        Lang::En,
    );
    let row = r
        .sensitivity
        .rows
        .iter()
        .find(|r| r.field == "sales[0].conversion_rate_pct")
        .unwrap();
    assert_eq!(row.value.get(), 0.9);
    // 90 % × 1.2 = 108 % → 100 %: 100 sales of 10 = 1000; ROI 9.
    assert_close!(row.roi_high.unwrap().get(), 9.0);
    assert_close!(row.roi_low.unwrap().get(), (720.0 - 100.0) / 100.0);
}

#[test]
fn canonical_keeps_values_when_the_language_changes() {
    let fr = input(
        r#"{"costs": [{"kind": "time", "hours": "1 234,5", "hourly_rate": "abc"}],
            "sales": [{"conversion_rate_pct": "2,5 %"}]}"#,
    );
    let en = canonical_roi_input(&fr, Lang::Fr, Lang::En);
    let json = serde_json::to_value(&en).unwrap();
    assert_eq!(json["costs"][0]["hours"], 1234.5);
    assert_eq!(json["costs"][0]["hourly_rate"], "abc");
    assert_eq!(json["sales"][0]["conversion_rate_pct"], 2.5);
    assert_eq!(json["decimal_mark"], "point");
    // A link typed in French reads the same in English.
    let shared =
        input(r#"{"decimal_mark": "comma", "costs": [{"kind": "ads", "amount": "1,500"}]}"#);
    assert_eq!(value(&compute_roi(&shared, Lang::En), "total_cost"), 1.5);
}

#[test]
fn the_input_json_rejects_unknown_fields() {
    let err = serde_json::from_str::<RoiInput>(r#"{"costs": [{"kind": "time", "hour": 3}]}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown field `hour`"), "{err}");
}

/// A small deterministic generator, so the sweep below needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn entry(&mut self) -> serde_json::Value {
        const SPECIAL: [f64; 10] = [0.0, 1e-300, 1e-9, 0.5, 1.0, 99.999, 100.0, 1e12, 1e15, 3e15];
        match self.next() % 7 {
            0 => serde_json::Value::Null,
            1 => serde_json::json!(SPECIAL[(self.next() % 10) as usize]),
            2 => serde_json::json!((self.next() % 1_000_000) as f64 / 100.0),
            3 => serde_json::json!(format!("{},{}", self.next() % 5000, self.next() % 100)),
            4 => serde_json::json!(
                ["", "-", "abc", "1e400", "-3", "12 %", "∞"][(self.next() % 7) as usize]
            ),
            _ => serde_json::json!((self.next() % 500) as f64),
        }
    }
}

#[test]
fn no_input_makes_nan_or_infinity_reach_the_report() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let kinds = [
        "time", "salary", "agency", "tools", "ads", "content", "prizes", "other",
    ];
    for round in 0..400u32 {
        let cost = |rng: &mut Rng| {
            serde_json::json!({
                "kind": kinds[(rng.next() % 8) as usize],
                "hours": rng.entry(), "hourly_rate": rng.entry(),
                "monthly_salary": rng.entry(), "share_pct": rng.entry(),
                "employer_charges_pct": rng.entry(), "amount": rng.entry(),
                "monthly": rng.next().is_multiple_of(2),
            })
        };
        let costs: Vec<_> = (0..rng.next() % 4).map(|_| cost(&mut rng)).collect();
        let alt: Vec<_> = (0..rng.next() % 3).map(|_| cost(&mut rng)).collect();
        let json = serde_json::json!({
            "period_months": rng.entry(),
            "costs": costs,
            "alternative": if round.is_multiple_of(2) { serde_json::json!({"costs": alt}) } else { serde_json::Value::Null },
            "sales": [{"visits": rng.entry(), "conversion_rate_pct": rng.entry(), "value": rng.entry(), "margin_pct": rng.entry()}],
            "leads": [{"count": rng.entry(), "value": rng.entry()}],
            "support": [{"requests": rng.entry(), "traditional_cost": rng.entry(), "social_cost": rng.entry()}],
            "earned_media": {"impressions": rng.entry(), "cpm": rng.entry(), "clicks": rng.entry(), "cpc": rng.entry(), "include_in_roi": rng.next().is_multiple_of(2)},
            "counts": {"engagements": rng.entry(), "clicks": rng.entry(), "new_followers": rng.entry(), "acquisitions": rng.entry()},
        });
        let input: RoiInput = serde_json::from_value(json.clone()).unwrap();
        for lang in [Lang::En, Lang::Fr] {
            let r = compute_roi(&input, lang);
            check_invariants(&r);
        }
    }
}
