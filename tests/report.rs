//! The report through the public API, on the bakery's Instagram exports of
//! `tests/fixtures/report/` (May, June and July 2026). Every expected value is worked out by
//! hand from the files, engagements being likes + comments + shares + saves (the default
//! rule) and the rate Σ engagements ÷ Σ reach:
//!
//! | month | posts | engagements           | reach               | views | rate          |
//! |-------|-------|-----------------------|---------------------|-------|---------------|
//! | May   | 3     | 80 + 140 + 80 = 300   | 800+1200+1000 = 3000| 6000  | 0.1           |
//! | June  | 4     | 120+200+40+140 = 500  | 1000+2000+500+1500 = 5000 | 10000 | 0.1     |
//! | July  | 2     | 150 + 140 = 290       | 1500+1500 = 3000    | 6000  | 290/3000      |

use social_roi::{
    read_report_file, report, AccountInput, Comparison, Date, Direction, ImportOptions, Lang,
    Preset, Report, ReportFile, ReportInput, Row, SectionId, Workspace,
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/report/");
const MAY: &str = "May-01-2026_May-31-2026_17841400000000000.csv";
const JUNE: &str = "Jun-01-2026_Jun-30-2026_17841400000000000.csv";
const JULY: &str = "Jul-01-2026_Jul-31-2026_17841400000000000.csv";

fn workspace(files: &[&str]) -> Workspace {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 8, 1),
    });
    for name in files {
        let bytes = std::fs::read(format!("{DIR}{name}")).unwrap();
        let id = ws.add(name, &bytes);
        assert!(!ws.report(id).unwrap().has_errors(), "{name}");
    }
    ws
}

fn row<'a>(r: &'a Report, section: SectionId, id: &str) -> &'a Row {
    r.sections
        .iter()
        .find(|s| s.id == section)
        .and_then(|s| s.rows.iter().find(|row| row.current.id == id))
        .unwrap_or_else(|| panic!("no row {id} in {section:?}"))
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-12 * b.abs().max(1.0))
}

fn june_vs_may(lang: Lang) -> Report {
    let ws = workspace(&[MAY, JUNE]);
    report(ws.dataset(), &ReportInput::default(), lang)
}

#[test]
fn june_is_compared_with_may_figure_by_figure() {
    let r = june_vs_may(Lang::En);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let (p, q) = (r.period.unwrap(), r.previous.unwrap());
    assert_eq!(
        (p.from, p.to, p.days),
        (
            Date::new(2026, 6, 1).unwrap(),
            Date::new(2026, 6, 30).unwrap(),
            30
        )
    );
    assert_eq!(
        (q.from, q.to, q.days),
        (
            Date::new(2026, 5, 1).unwrap(),
            Date::new(2026, 5, 31).unwrap(),
            31
        )
    );
    assert_eq!(r.comparison_text, "the month before");
    let e = SectionId::Engagement;
    let posts = row(&r, e, "posts");
    assert_eq!(
        (posts.current.get(), posts.previous.as_ref().unwrap().get()),
        (Some(4.0), Some(3.0))
    );
    assert!(close(posts.change.get(), 1.0) && close(posts.change_percent.get(), 1.0 / 3.0));
    assert_eq!(posts.direction, Direction::Up);
    let eng = row(&r, e, "total_engagements");
    assert!(close(eng.change.get(), 200.0) && close(eng.change_percent.get(), 200.0 / 300.0));
    let reach = row(&r, e, "total_reach");
    assert!(close(reach.change.get(), 2000.0) && close(reach.change_percent.get(), 2.0 / 3.0));
    let rate = row(&r, e, "engagement_rate");
    assert!(close(rate.current.get(), 0.1) && close(rate.previous.as_ref().unwrap().get(), 0.1));
    assert_eq!(rate.change.unit, social_roi::Unit::Points);
    assert_eq!(rate.direction, Direction::Flat);
    // Every figure is the analysis's own for the same period.
    let ws = workspace(&[MAY, JUNE]);
    let o = social_roi::AnalysisOptions {
        period: Some(social_roi::Period {
            from: "2026-06-01".into(),
            to: "2026-06-30".into(),
        }),
        ..Default::default()
    };
    let a = social_roi::analyze(ws.dataset(), &o, Lang::En);
    assert_eq!(row(&r, e, "engagement_rate").current, a.engagement.rate);
    assert_eq!(
        &row(&r, e, "total_views").current,
        a.totals.iter().find(|f| f.id == "total_views").unwrap()
    );
    // The change's formula and inputs.
    assert_eq!(eng.change.formula, "change = this period − previous period");
    assert_eq!(
        eng.change
            .inputs
            .iter()
            .map(|i| i.value.get())
            .collect::<Vec<_>>(),
        [500.0, 300.0]
    );
}

#[test]
fn words_from_the_figures_in_both_languages() {
    let en = june_vs_may(Lang::En);
    let words = &en
        .sections
        .iter()
        .find(|s| s.id == SectionId::Engagement)
        .unwrap()
        .words;
    assert!(
        words.starts_with(
            "Posts rose from 3 to 4 (+33.33%). Engagements rose from 300 to 500 (+66.67%)."
        ),
        "{words}"
    );
    assert!(
        words.contains(
            "Engagement rate (by reach, ratio of totals) held steady at 10% (from 10%, 0%)."
        ),
        "{words}"
    );
    let fr = june_vs_may(Lang::Fr);
    let words = &fr
        .sections
        .iter()
        .find(|s| s.id == SectionId::Engagement)
        .unwrap()
        .words;
    assert!(words.starts_with("Publications : en hausse, de 3 à 4 (+33,33\u{202f}%). Engagements : en hausse, de 300 à 500 (+66,67\u{202f}%)."), "{words}");
    assert!(
        words.contains("Portée : en hausse, de 3\u{202f}000 à 5\u{202f}000 (+66,67\u{202f}%)."),
        "{words}"
    );
}

#[test]
fn edited_words_and_notes_are_kept() {
    let ws = workspace(&[MAY, JUNE]);
    let mut input = ReportInput::default();
    input
        .words
        .insert("engagement".into(), "Un mois record.".into());
    input
        .notes
        .insert("engagement".into(), "La fête du pain a porté juin.".into());
    input.sections = vec![SectionId::Engagement, SectionId::TopPosts];
    let r = report(ws.dataset(), &input, Lang::Fr);
    assert_eq!(
        r.sections.iter().map(|s| s.id).collect::<Vec<_>>(),
        [SectionId::Engagement, SectionId::TopPosts]
    );
    let s = &r.sections[0];
    assert_eq!(
        (s.words.as_str(), s.words_edited, s.note.as_str()),
        ("Un mois record.", true, "La fête du pain a porté juin.")
    );
    assert!(s.generated_words.starts_with("Publications : en hausse"));
    // Top posts: June's best by rate, 200 ÷ 2000 … the rates are 0.12, 0.1, 0.08, 0.0933.
    assert_eq!(r.sections[1].top_posts[0].id, "18000000000000601");
}

#[test]
fn a_saved_report_is_reopened_and_extended_with_a_new_month() {
    let ws = workspace(&[MAY, JUNE]);
    let mut input = ReportInput::default();
    input.branding.agency = "Agence Levain".into();
    input.branding.logo = "data:image/png;base64,iVBORw0KGgo=".into();
    let june = report(ws.dataset(), &input, Lang::Fr);
    let text = serde_json::to_string_pretty(&ReportFile::new(&input, &june, Lang::Fr)).unwrap();
    assert!(
        !text.contains("Boulangerie Martin\",\"Pain"),
        "no raw export in the file"
    );
    let file = read_report_file(&text, Lang::En).unwrap();
    assert_eq!(file.input, input);
    let next = file.next_issue();
    assert_eq!(next.comparison, Comparison::Saved);
    let july = report(workspace(&[JULY]).dataset(), &next, Lang::En);
    assert!(july.errors.is_empty(), "{:?}", july.errors);
    let (p, q) = (july.period.unwrap(), july.previous.unwrap());
    assert_eq!(
        (p.from, p.to),
        (
            Date::new(2026, 7, 1).unwrap(),
            Date::new(2026, 7, 31).unwrap()
        )
    );
    assert_eq!(
        (q.from, q.to),
        (
            Date::new(2026, 6, 1).unwrap(),
            Date::new(2026, 6, 30).unwrap()
        )
    );
    assert_eq!(july.branding.agency, "Agence Levain");
    let e = SectionId::Engagement;
    // Saved in French, compared in English: the formulas' ids match.
    let eng = row(&july, e, "total_engagements");
    assert!(close(eng.change.get(), -210.0) && close(eng.change_percent.get(), -0.42));
    assert_eq!(eng.direction, Direction::Down);
    let rate = row(&july, e, "engagement_rate");
    assert!(close(rate.change.get(), 290.0 / 3000.0 - 0.1));
    assert!(close(
        rate.change_percent.get(),
        (290.0 / 3000.0 - 0.1) / 0.1
    ));
}

#[test]
fn never_a_change_across_two_definitions() {
    let ws = workspace(&[MAY, JUNE]);
    let june = report(ws.dataset(), &ReportInput::default(), Lang::En);
    let mut next = ReportFile::new(&ReportInput::default(), &june, Lang::En).next_issue();
    // Saves left out: the same formula, another definition.
    let mut rule = serde_json::to_value(&next.analysis.engagement).unwrap();
    for list in rule["interactions"].as_object_mut().unwrap().values_mut() {
        list.as_array_mut().unwrap().retain(|i| i != "saves");
    }
    next.analysis.engagement = serde_json::from_value(rule).unwrap();
    let july = report(workspace(&[JULY]).dataset(), &next, Lang::En);
    let rate = row(&july, SectionId::Engagement, "engagement_rate");
    assert_eq!(rate.direction, Direction::None);
    assert_eq!(
        rate.change.reason.as_deref(),
        Some("the engagement definition differs between the two periods")
    );
    assert!(rate.change.value.is_none() && rate.change_percent.value.is_none());
    // Another preset: another formula (an average of each post's rate).
    next.analysis.preset = Preset::Hootsuite;
    let july = report(workspace(&[JULY]).dataset(), &next, Lang::En);
    let rate = row(&july, SectionId::Engagement, "engagement_rate");
    assert!(rate
        .change
        .reason
        .as_deref()
        .unwrap()
        .starts_with("computed with another formula in the previous period"));
    // Posts do not depend on the definition: compared.
    assert!(close(
        row(&july, SectionId::Engagement, "posts").change.get(),
        -2.0
    ));
}

#[test]
fn bad_report_files_say_where_and_what() {
    let e = read_report_file("{\n  \"format\": \"social-roi-report\",\n  \"version\": 1,\n  \"lang\": \"fr\",\n  \"input\": {\"titel\": 1}, \"issue\": {}, \"report\": null\n}", Lang::En).unwrap_err();
    assert!(
        e.starts_with("line 5, column") && e.contains("unknown field `titel`"),
        "{e}"
    );
    let e = read_report_file(
        "{\"format\": \"social-roi-report\", \"version\": 2}",
        Lang::Fr,
    )
    .unwrap_err();
    assert!(
        e.contains("version 2") && e.contains("lit la version 1"),
        "{e}"
    );
    assert!(read_report_file("[1, 2", Lang::En)
        .unwrap_err()
        .starts_with("line 1, column 5"));
    assert!(read_report_file("{}", Lang::En)
        .unwrap_err()
        .starts_with("not a report file"));
}

#[test]
fn typed_periods_and_their_errors() {
    let ws = workspace(&[MAY, JUNE]);
    let mut input = ReportInput::default();
    input.period.from = "2026-06-08".into();
    input.period.to = "2026-06-21".into();
    let r = report(ws.dataset(), &input, Lang::En);
    let q = r.previous.unwrap();
    assert_eq!(
        (q.from, q.to),
        (
            Date::new(2026, 5, 25).unwrap(),
            Date::new(2026, 6, 7).unwrap()
        )
    );
    assert_eq!(r.comparison_text, "the 14 days before");
    // 8 June – 21 June: posts of 9 and 16 June; 25 May – 7 June: the post of 2 June.
    assert_eq!(
        row(&r, SectionId::Engagement, "posts").change.get(),
        Some(1.0)
    );
    input.comparison = Comparison::Custom;
    input.comparison_period.from = "2026-05-40".into();
    let r = report(ws.dataset(), &input, Lang::En);
    assert_eq!(r.errors[0].field, "comparison_period.from");
    assert!(r.previous.is_none());
    assert_eq!(
        row(&r, SectionId::Engagement, "posts")
            .change
            .reason
            .as_deref(),
        Some("no period to compare with")
    );
}

#[test]
fn competitor_benchmark_rates_and_ranks() {
    let account =
        |name: &str, own, s: f64, e: f64, posts: f64, l: f64, c: f64, sh: f64| AccountInput {
            name: name.into(),
            network: "Instagram".into(),
            own,
            followers_start: s.into(),
            followers_end: e.into(),
            posts: posts.into(),
            likes: l.into(),
            comments: c.into(),
            shares: sh.into(),
        };
    let mut input = ReportInput {
        sections: vec![SectionId::Benchmark],
        ..Default::default()
    };
    let b = &mut input.benchmark;
    b.from = "2026-06-01".into();
    b.to = "2026-06-29".into();
    b.last_posts = "10".into();
    b.accounts = vec![
        account("@martin", true, 1000.0, 1100.0, 12.0, 400.0, 80.0, 20.0),
        account("@dupain", false, 2000.0, 2100.0, 8.0, 900.0, 60.0, 40.0),
        account("@fournil", false, 500.0, 550.0, 20.0, 450.0, 40.0, 10.0),
    ];
    let r = report(workspace(&[]).dataset(), &input, Lang::En);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let bench = r.sections[0].benchmark.as_ref().unwrap();
    let v = |i: usize, k: usize| bench.accounts[i].figures[k].get().unwrap();
    // Growth: 100/1000 = 0.1, 100/2000 = 0.05, 50/500 = 0.1 → ranks 1, 3, 1.
    assert!(close(Some(v(0, 0)), 0.1) && close(Some(v(1, 0)), 0.05) && close(Some(v(2, 0)), 0.1));
    // Posts per week over 28 days: 12/28×7 = 3, 8/28×7 = 2, 20/28×7 = 5.
    assert!(close(Some(v(0, 1)), 3.0) && close(Some(v(1, 1)), 2.0) && close(Some(v(2, 1)), 5.0));
    // Engagement per post: 500/10 = 50, 1000/10 = 100, 500/10 = 50.
    assert!(close(Some(v(0, 2)), 50.0) && close(Some(v(1, 2)), 100.0));
    // Per follower: 50/1100, 100/2100, 50/550.
    assert!(close(Some(v(0, 3)), 50.0 / 1100.0) && close(Some(v(2, 3)), 50.0 / 550.0));
    // Share of voice: 500/2000, 1000/2000, 500/2000.
    assert!(close(Some(v(0, 4)), 0.25) && close(Some(v(1, 4)), 0.5));
    let ranks: Vec<_> = bench.accounts.iter().map(|a| a.ranks.clone()).collect();
    assert_eq!(ranks[0], [Some(1), Some(2), Some(2), Some(3), Some(2)]);
    assert_eq!(ranks[1], [Some(3), Some(3), Some(1), Some(2), Some(1)]);
    assert_eq!(ranks[2], [Some(1), Some(1), Some(2), Some(1), Some(2)]);
    assert_eq!(bench.accounts[0].figures[4].formula, "share of voice = interactions of the account ÷ Σ interactions of the accounts typed (last N posts each)");
    // A count that does not read is placed; eleven is the most.
    input.benchmark.accounts[1].likes = "beaucoup".into();
    let r = report(workspace(&[]).dataset(), &input, Lang::En);
    assert_eq!(r.errors[0].field, "benchmark.accounts[1].likes");
    input.benchmark.accounts = vec![AccountInput::default(); 12];
    assert_eq!(
        report(workspace(&[]).dataset(), &input, Lang::En).errors[0].field,
        "benchmark.accounts"
    );
}

const CONTEST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/contest/inputs.json"
);
const COMMENTS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/draw/exportcomments.csv"
);
const CERTIFICATE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/draw/exportcomments-certificate.json"
);

/// The summer contest of `tests/fixtures/contest/inputs.json` drawn from the comments of
/// `tests/fixtures/draw/exportcomments.csv` (its certificate beside it), in June's report.
fn contest_report(lang: Lang) -> (Report, social_roi::ContestReport, ReportInput) {
    let mut comments = Workspace::new(ImportOptions::default());
    comments.add("exportcomments.csv", &std::fs::read(COMMENTS).unwrap());
    let entries = comments.dataset().records.entries.clone();
    let contest: social_roi::ContestInput =
        serde_json::from_str(&std::fs::read_to_string(CONTEST).unwrap()).unwrap();
    let cert = social_roi::read_certificate(
        "certificate.json",
        &std::fs::read_to_string(CERTIFICATE).unwrap(),
        lang,
    )
    .unwrap();
    let input = ReportInput {
        sections: vec![SectionId::Contest],
        contest: Some(social_roi::ReportContestInput {
            input: contest.clone(),
            certificate: Some(cert),
        }),
        ..ReportInput::default()
    };
    let ws = workspace(&[MAY, JUNE]);
    let r = social_roi::report_with_entries(ws.dataset(), &entries, &input, lang);
    (
        r,
        social_roi::compute_contest(&contest, &entries, lang),
        input,
    )
}

#[test]
fn the_contest_section_holds_the_contest_tabs_figures_and_the_draw() {
    let (r, tab, input) = contest_report(Lang::Fr);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let s = &r.sections[0];
    assert_eq!(s.id, SectionId::Contest);
    assert_eq!(s.reason, None);
    let c = s.contest.as_ref().unwrap();
    assert_eq!(c.label, "Concours de l’été");
    assert_eq!(c.currency, "EUR");
    // Every figure is the Contest tab's, in its order.
    let mut expected = tab.summary.clone();
    expected.extend(tab.audience.iter().cloned());
    for row in &tab.retention {
        expected.extend([
            row.kept.clone(),
            row.retention.clone(),
            row.cost_per_kept.clone(),
        ]);
    }
    expected.extend(tab.costs.iter().cloned());
    assert_eq!(c.figures, expected);
    // By hand: the cost is 120 + 3.5 h × 40 = 260 €; of the file's 17 comments, the
    // organiser's and the one without an author are not entries: 15, so 260 ÷ 15 per entry.
    let fig = |id: &str| c.figures.iter().find(|f| f.id == id).unwrap().get();
    assert_eq!(fig("total_cost"), Some(260.0));
    let per_entry = tab
        .audience
        .iter()
        .find(|f| f.id == "cost_per_entry")
        .unwrap();
    assert!(close(fig("cost_per_entry"), 260.0 / 15.0));
    assert_eq!(per_entry.inputs[1].value.get(), 15.0);
    assert!(per_entry.formula.contains("coût"), "{}", per_entry.formula);
    // The draw, as its certificate says.
    let d = c.draw.as_ref().unwrap();
    assert_eq!(d.scheme, "social-roi draw certificate 2");
    assert_eq!(d.seed, "04 11 23 38 47 + 02 09");
    assert_eq!(d.seed_source.as_deref(), Some("EuroMillions, 16 juin 2026"));
    let names = |p: &[social_roi::Pick]| p.iter().map(|x| x.entrant.clone()).collect::<Vec<_>>();
    assert_eq!(names(&d.winners), ["lea_b", "karim.b"]);
    assert_eq!(names(&d.alternates), ["chloé", "inès"]);
    assert_eq!(
        (d.counts.entries, d.counts.people, d.counts.tickets),
        (17, 8, 10)
    );
    assert_eq!(d.fingerprint.len(), 64);
    assert!(
        d.rules.contains(&"mots-clés : #concours".to_string()),
        "{:?}",
        d.rules
    );
    assert!(d.rules.contains(&"gagnants : 2".to_string()));
    assert!(d.verify.contains("Vérifier"));
    // The report file keeps the figures, not the draw file; the next issue has no contest.
    let file = ReportFile::new(&input, &r, Lang::Fr);
    let kept = file.input.contest.as_ref().unwrap();
    assert!(kept.certificate.as_ref().unwrap().draw_file.is_empty());
    assert!(file.next_issue().contest.is_none());
    // English, and no contest typed: a reason, not an empty table.
    let (en, _, _) = contest_report(Lang::En);
    assert_eq!(en.sections[0].title, "Contest outcome and draw certificate");
    let ws = workspace(&[JUNE]);
    let only = ReportInput {
        sections: vec![SectionId::Contest],
        ..ReportInput::default()
    };
    let none = report(ws.dataset(), &only, Lang::En);
    assert!(none.sections[0].contest.is_none());
    assert!(none.sections[0]
        .reason
        .as_deref()
        .unwrap()
        .starts_with("no contest"));
}

/// A certificate summarised beside comment files it was not drawn from (one comment fewer)
/// says so, in both languages, with both entries' hashes; beside its own files it does not.
#[test]
fn a_certificate_of_other_entries_is_flagged_in_the_contest_section() {
    let (r, _, input) = contest_report(Lang::En);
    let c = r.sections[0].contest.as_ref().unwrap();
    assert!(
        !c.problems.iter().any(|p| p.contains("other entries")),
        "{:?}",
        c.problems
    );
    let mut comments = Workspace::new(ImportOptions::default());
    comments.add("exportcomments.csv", &std::fs::read(COMMENTS).unwrap());
    let mut entries = comments.dataset().records.entries.clone();
    entries.pop();
    let ws = workspace(&[MAY, JUNE]);
    let cert = input
        .contest
        .as_ref()
        .unwrap()
        .certificate
        .as_ref()
        .unwrap();
    for (lang, words) in [
        (
            Lang::En,
            "drawn from other entries than these comment files",
        ),
        (
            Lang::Fr,
            "tiré sur d’autres participations que ces fichiers",
        ),
    ] {
        let r = social_roi::report_with_entries(ws.dataset(), &entries, &input, lang);
        let c = r.sections[0].contest.as_ref().unwrap();
        let said: Vec<_> = c.problems.iter().filter(|p| p.contains(words)).collect();
        assert_eq!(said.len(), 1, "{:?}", c.problems);
        assert!(said[0].contains(&cert.entries_sha256[..12]), "{}", said[0]);
        // The summary is still the certificate's.
        assert_eq!(c.draw.as_ref().unwrap().entries_sha256, cert.entries_sha256);
    }
}

/// Two X accounts' exports and a Facebook page's (posts and daily totals), each an own account
/// of the benchmark beside a typed competitor. By hand, over 1–29 June (28 days), N = 10:
///
/// | account            | posts | likes + comments + shares        | per post | followers   |
/// |--------------------|-------|----------------------------------|----------|-------------|
/// | X boulangerie      | 3     | 40 + 7 + 20 = 67                 | 67 ÷ 3   | —           |
/// | X fournil          | 2     | 30 + 60 = 90                     | 45       | —           |
/// | Facebook page      | 2     | 100 + 200 = 300                  | 150      | 1000 → 1033 |
/// | @dupain (typed)    | 8     | 900 + 60 + 40 = 1000             | 100      | 2000 → 2100 |
///
/// Σ interactions = 67 + 90 + 300 + 1000 = 1457.
#[test]
fn own_accounts_of_the_files_are_benchmark_rows() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 8, 1),
    });
    for name in [
        "analysis/tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
        "report/accounts/tweet_activity_metrics_fournil_20260601_20260630_en.csv",
        "analysis/Jun-01-2026_Jun-08-2026_104512345678901.csv",
        "analysis/facebook_page_2026-06.csv",
    ] {
        let id = ws.add(name, &std::fs::read(format!("{dir}{name}")).unwrap());
        assert!(!ws.report(id).unwrap().has_errors(), "{name}");
    }
    let mut input = ReportInput {
        sections: vec![SectionId::Benchmark],
        ..Default::default()
    };
    let b = &mut input.benchmark;
    b.from = "2026-06-01".into();
    b.to = "2026-06-29".into();
    b.last_posts = "10".into();
    b.files = true;
    b.accounts = vec![AccountInput {
        name: "@dupain".into(),
        network: "X".into(),
        followers_start: 2000.0.into(),
        followers_end: 2100.0.into(),
        posts: 8.0.into(),
        likes: 900.0.into(),
        comments: 60.0.into(),
        shares: 40.0.into(),
        ..Default::default()
    }];
    let r = report(ws.dataset(), &input, Lang::En);
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let bench = r.sections[0].benchmark.as_ref().unwrap();
    let rows: Vec<_> = bench
        .accounts
        .iter()
        .map(|a| (a.name.as_str(), a.network.as_str(), a.own, a.from_files))
        .collect();
    assert_eq!(rows[0], ("boulangerie", "X", true, true));
    assert_eq!(rows[1], ("fournil", "X", true, true));
    assert_eq!((rows[2].1, rows[2].3), ("Facebook", true));
    assert_eq!(rows[3], ("@dupain", "X", false, false));
    let v = |i: usize, k: usize| bench.accounts[i].figures[k].get();
    // Growth: only where the files give followers at two dates (the page's 1 and 7 June).
    assert_eq!(v(0, 0), None);
    assert!(close(v(2, 0), 33.0 / 1000.0));
    // Posts per week over 28 days.
    assert!(close(v(0, 1), 3.0 / 28.0 * 7.0) && close(v(1, 1), 0.5) && close(v(2, 1), 0.5));
    // Engagement per post, on each one's last N posts (fewer than 10: all of them).
    assert!(close(v(0, 2), 67.0 / 3.0) && close(v(1, 2), 45.0) && close(v(2, 2), 150.0));
    assert!(close(v(2, 3), 150.0 / 1033.0));
    // Share of voice among all four.
    assert!(close(v(0, 4), 67.0 / 1457.0) && close(v(3, 4), 1000.0 / 1457.0));
    let per_post: Vec<_> = bench.accounts.iter().map(|a| a.ranks[2]).collect();
    assert_eq!(per_post, [Some(4), Some(3), Some(1), Some(2)]);
    let f = &bench.accounts[0].figures[2];
    assert_eq!(f.inputs[1].value.get(), 3.0, "N is the account's 3 posts");
    // Off, the files' accounts are not rows.
    input.benchmark.files = false;
    let r = report(ws.dataset(), &input, Lang::En);
    assert_eq!(r.sections[0].benchmark.as_ref().unwrap().accounts.len(), 1);
}
