//! The facts a [`Workspace`] keeps about each record between analyses (the sentiment of every
//! text, the last reputation figures under the options they depend on): a preset switch, an option changed or a report on the workspace gives exactly what
//! a fresh analysis of the same records gives, and adding, removing or mapping a file forgets
//! them.
//! The files are the repository's fixtures (posts with texts, comments, inbox messages).

use social_roi::{
    analyze, analyze_summary, prepare_analysis, report, AnalysisOptions, BusinessHours, Date,
    ImportOptions, Lang, Period, Preset, ReportInput, Workspace,
};

const POSTS: &[u8] =
    include_bytes!("fixtures/analysis/tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv");
const COMMENTS: &[u8] = include_bytes!("fixtures/reputation/exportcomments_atelier.csv");
const INBOX: &[u8] = include_bytes!("fixtures/reputation/inbox_2026-03.csv");

fn workspace() -> (Workspace, [u32; 3]) {
    let mut ws = Workspace::new(ImportOptions {
        today: Date::new(2026, 11, 30),
    });
    let ids = [
        ws.add(
            "tweet_activity_metrics_boulangerie_20260601_20260630_fr.csv",
            POSTS,
        ),
        ws.add("exportcomments_atelier.csv", COMMENTS),
        ws.add("inbox_2026-03.csv", INBOX),
    ];
    map_inbox(&mut ws, ids[2], true);
    (ws, ids)
}

/// Maps the inbox export's columns, its messages' texts too when `texts`.
fn map_inbox(ws: &mut Workspace, id: u32, texts: bool) {
    let mut mapping = vec![
        ("Reçu le", "message.received"),
        ("Répondu le", "message.replied"),
        ("Canal", "message.channel"),
    ];
    if texts {
        mapping.push(("Message", "message.text"));
    }
    let mapping: Vec<(String, String)> = mapping
        .iter()
        .map(|(c, f)| (c.to_string(), f.to_string()))
        .collect();
    ws.apply_mapping(id, 0, &mapping).unwrap();
}

/// Every preset, then options that change the clock, the hours and the period.
fn option_sets() -> Vec<AnalysisOptions> {
    let mut out: Vec<AnalysisOptions> = [Preset::Custom, Preset::Later, Preset::RivalIq, Preset::X]
        .into_iter()
        .map(|preset| AnalysisOptions {
            preset,
            ..AnalysisOptions::default()
        })
        .collect();
    out.push(AnalysisOptions {
        utc_offset_minutes: Some(60),
        business_hours: Some(BusinessHours::default()),
        ..AnalysisOptions::default()
    });
    for (from, to) in [("2026-03-10", "2026-03-20"), ("2026-06-05", "2026-06-20")] {
        out.push(AnalysisOptions {
            period: Some(Period {
                from: from.to_string(),
                to: to.to_string(),
            }),
            ..AnalysisOptions::default()
        });
    }
    // The options the kept reputation figures depend on, changed and back again, each with
    // a preset switch after it.
    for (brand_terms, crisis_k) in [("boulangerie, atelier", 2.0), ("", 3.0), ("atelier", 3.0)] {
        for preset in [Preset::Later, Preset::Custom] {
            out.push(AnalysisOptions {
                preset,
                brand_terms: brand_terms.to_string(),
                crisis_k,
                ..AnalysisOptions::default()
            });
        }
    }
    out
}

/// Analyses of the workspace (its kept facts) against fresh ones of its dataset.
fn same_as_fresh(ws: &Workspace, what: &str) {
    for lang in [Lang::Fr, Lang::En] {
        for (k, o) in option_sets().iter().enumerate() {
            let kept = analyze(ws, o, lang);
            let fresh = analyze(ws.dataset(), o, lang);
            assert!(
                kept == fresh,
                "{what}: options {k}, {lang:?}: the kept facts differ"
            );
            assert!(analyze_summary(ws, o, lang) == analyze_summary(ws.dataset(), o, lang));
        }
    }
}

#[test]
fn a_preset_switch_gives_what_a_fresh_analysis_gives() {
    let (ws, _) = workspace();
    assert!(
        ws.facts().is_empty(),
        "nothing is computed when files are read"
    );
    let first = analyze(&ws, &AnalysisOptions::default(), Lang::Fr);
    assert!(!ws.facts().is_empty(), "the first analysis keeps its facts");
    let tone = &first.reputation.tone;
    assert!(
        tone.comments > 0 && tone.messages > 0 && tone.posts > 0,
        "{tone:?}"
    );
    same_as_fresh(&ws, "three files");
    let input = ReportInput::default();
    assert!(report(&ws, &input, Lang::Fr) == report(ws.dataset(), &input, Lang::Fr));
}

#[test]
fn adding_removing_or_mapping_a_file_forgets_the_facts() {
    let (mut ws, [_, comments, inbox]) = workspace();
    analyze(&ws, &AnalysisOptions::default(), Lang::Fr);
    assert!(ws.remove(comments));
    assert!(
        ws.facts().is_empty(),
        "a file removed forgets the kept facts"
    );
    let after = analyze(&ws, &AnalysisOptions::default(), Lang::Fr);
    assert_eq!(after.reputation.tone.comments, 0);
    same_as_fresh(&ws, "comments removed");
    ws.add("exportcomments_atelier.csv", COMMENTS);
    assert!(ws.facts().is_empty(), "a file added forgets the kept facts");
    let again = analyze(&ws, &AnalysisOptions::default(), Lang::Fr);
    assert!(again.reputation.tone.comments > 0);
    same_as_fresh(&ws, "comments added again");
    map_inbox(&mut ws, inbox, false);
    assert!(
        ws.facts().is_empty(),
        "a table mapped again forgets the kept facts"
    );
    let unmapped = analyze(&ws, &AnalysisOptions::default(), Lang::Fr);
    assert_eq!(unmapped.reputation.tone.messages, 0);
    same_as_fresh(&ws, "inbox texts unmapped");
}

#[test]
fn facts_read_ahead_in_slices_give_what_a_fresh_analysis_gives() {
    // Read ahead whole, a few hundred bytes of text at a time (posts, comments, messages).
    let (ws, _) = workspace();
    let mut slices = 1;
    while !ws.read_ahead(Lang::Fr, 40) {
        slices += 1;
        assert!(slices < 10_000, "read_ahead never ends");
    }
    assert!(slices > 3, "{slices} slices: the budget is not honoured");
    assert!(ws.read_ahead(Lang::Fr, 40), "done stays done");
    same_as_fresh(&ws, "read ahead whole in French");

    // Read ahead in part: the analysis reads the rest; the other language's facts are its own.
    let (ws, _) = workspace();
    assert!(!ws.read_ahead(Lang::En, 100));
    assert!(!ws.read_ahead(Lang::En, 100));
    assert!(!ws.facts().is_empty(), "what was read ahead is kept");
    same_as_fresh(&ws, "read ahead in part in English");

    // A file added after a read ahead: the facts are forgotten, and read ahead again.
    let (mut ws, [_, comments, _]) = workspace();
    assert!(!ws.read_ahead(Lang::Fr, 100));
    assert!(ws.remove(comments));
    assert!(
        ws.facts().is_empty(),
        "a file removed forgets what was read ahead"
    );
    while !ws.read_ahead(Lang::Fr, 4096) {}
    same_as_fresh(&ws, "read ahead after a file was removed");
}

#[test]
fn an_analysis_prepared_keeps_what_the_analysis_keeps() {
    let options = AnalysisOptions {
        utc_offset_minutes: Some(60),
        ..AnalysisOptions::default()
    };
    // What the first analysis keeps, on a workspace of its own.
    let (analysed, _) = workspace();
    analyze_summary(&analysed, &options, Lang::Fr);
    let kept = analysed.facts().kept_aggregates();
    assert!(
        kept >= 3,
        "{kept}: the days, the layout, the reputation are kept"
    );

    // Read ahead, then prepared: the same aggregates, and the analysis that follows is the
    // fresh one.
    let (ws, _) = workspace();
    while !ws.read_ahead(Lang::Fr, 4096) {}
    assert_eq!(
        ws.facts().kept_aggregates(),
        0,
        "reading ahead aggregates nothing"
    );
    prepare_analysis(&ws, &options, Lang::Fr);
    assert_eq!(ws.facts().kept_aggregates(), kept);
    assert!(
        analyze_summary(&ws, &options, Lang::Fr)
            == analyze_summary(ws.dataset(), &options, Lang::Fr)
    );
    assert_eq!(
        ws.facts().kept_aggregates(),
        kept,
        "the analysis found them all kept"
    );
    same_as_fresh(&ws, "an analysis prepared");
}

#[test]
fn totals_kept_follow_every_change() {
    let (mut ws, [_, comments, _]) = workspace();
    let all = ws.totals(Lang::Fr);
    assert!(all.records.entries > 0 && all.records.posts > 0);
    assert_eq!(ws.totals(Lang::Fr), all, "asked again");
    let en = ws.totals(Lang::En);
    assert!(en != all, "the English labels are not the French ones");
    assert_eq!(ws.totals(Lang::Fr), all, "back in French");

    assert!(ws.remove(comments));
    let without = ws.totals(Lang::Fr);
    assert_eq!(without.records.entries, 0, "the comments' file removed");
    assert_eq!(without.records.posts, all.records.posts);

    ws.add("exportcomments_atelier.csv", COMMENTS);
    let again = ws.totals(Lang::Fr);
    assert_eq!(again.records, all.records, "the comments' file added again");
    assert_eq!(again.files, all.files);
}
