//! The reputation part of `social-roi analyze`'s readable output: what the comments say
//! (estimates, with the accuracy they measured), the negative feedback the platforms report,
//! and the crisis flags with their episodes. The figures are the report's; nothing is
//! computed here.

use super::{figure_text, push_figures};
use crate::value_text;
use social_roi::{AnalysisReport, Figure, Finite, Lang, Unit};

/// How many rows of each list are printed (the JSON has them all).
const ROWS: usize = 5;

/// `x` as a percentage in `lang`.
fn pct(x: Option<Finite>, lang: Lang) -> String {
    let f = Figure {
        value: x,
        ..Figure::custom("", "", Unit::Ratio, "")
    };
    value_text(&f, None, lang)
}

/// One line of `text`, at most `n` characters.
fn short(text: &str, n: usize) -> String {
    text.chars()
        .take(n)
        .collect::<String>()
        .replace(['\n', '\r'], " ")
}

/// The three parts, one after the other.
pub(super) fn reputation_text(r: &AnalysisReport, lang: Lang) -> String {
    let mut out = tone_text(r, lang);
    out.push_str(&feedback_text(r, lang));
    out.push_str(&crisis_text(r, lang));
    out
}

/// What the comments say: the note, the accuracy per class, the shares, the groups.
fn tone_text(r: &AnalysisReport, lang: Lang) -> String {
    let t = &r.reputation.tone;
    let mut out = lang
        .pick(
            "What the comments say (estimates)\n",
            "Ce que disent les commentaires (estimations)\n",
        )
        .to_string();
    out.push_str(&format!("  {}\n", t.estimate));
    accuracy_text(&mut out, r, lang);
    if let Some(reason) = &t.reason {
        out.push_str(&format!("  — ({reason})\n"));
        return out;
    }
    push_figures(&mut out, &t.figures.iter().collect::<Vec<_>>(), None, lang);
    shares_text(&mut out, r, lang);
    threads_text(&mut out, r, lang);
    out
}

/// The estimate's measured precision and recall, per language and class.
fn accuracy_text(out: &mut String, r: &AnalysisReport, lang: Lang) {
    let t = &r.reputation.tone;
    let colon = lang.pick(": ", "\u{a0}: ");
    for m in &t.measured {
        out.push_str(&format!(
            "    {} · {}{colon}{} {}, {} {} ({} {})\n",
            m.language,
            m.class,
            lang.pick("precision", "précision"),
            pct(Some(m.precision), lang),
            lang.pick("recall", "rappel"),
            pct(Some(m.recall), lang),
            m.support,
            lang.pick("labelled", "étiquetés")
        ));
    }
}

/// The negative share by network, by week and by post.
fn shares_text(out: &mut String, r: &AnalysisReport, lang: Lang) {
    let t = &r.reputation.tone;
    let groups = [
        (lang.pick("By network", "Par réseau"), &t.by_network),
        (lang.pick("By week", "Par semaine"), &t.by_week),
        (
            lang.pick("Most negative posts", "Publications les plus négatives"),
            &t.by_post,
        ),
    ];
    for (title, rows) in groups {
        if rows.is_empty() {
            continue;
        }
        out.push_str(&format!("  {title}\n"));
        for row in rows.iter().take(ROWS) {
            out.push_str(&format!(
                "    {:<44} {:>4} / {:<4} {}\n",
                short(&row.label, 44),
                row.negative,
                row.texts,
                pct(row.negative_share, lang)
            ));
        }
    }
}

/// The most negative threads first, then the words that come back in negative comments.
fn threads_text(out: &mut String, r: &AnalysisReport, lang: Lang) {
    let t = &r.reputation.tone;
    let colon = lang.pick(": ", "\u{a0}: ");
    if !t.threads.is_empty() {
        out.push_str(lang.pick("  Most negative threads\n", "  Fils les plus négatifs\n"));
        for th in t.threads.iter().take(ROWS) {
            out.push_str(&format!(
                "    {} / {}  {}, {}:{}  {}\n",
                th.negative,
                th.comments,
                th.author,
                th.source,
                th.line,
                short(&th.text, 70)
            ));
        }
    }
    if !t.words.is_empty() {
        let words: Vec<String> = t
            .words
            .iter()
            .map(|w| format!("{} ({}/{})", w.word, w.negative, w.negative + w.others))
            .collect();
        out.push_str(&format!(
            "  {}{colon}{}\n",
            lang.pick(
                "Words of negative comments (negative/all)",
                "Mots des commentaires négatifs (négatifs/tous)"
            ),
            words.join(", ")
        ));
    }
}

/// The negative feedback the platforms report: figures, kinds, worst posts, notes.
fn feedback_text(r: &AnalysisReport, lang: Lang) -> String {
    let f = &r.reputation.feedback;
    let mut out = lang
        .pick(
            "Negative feedback (as the platforms report it)\n",
            "Retours négatifs (tels que les plateformes les donnent)\n",
        )
        .to_string();
    if let Some(reason) = &f.reason {
        out.push_str(&format!("  — ({reason})\n"));
    }
    push_figures(&mut out, &f.figures.iter().collect::<Vec<_>>(), None, lang);
    for k in &f.kinds {
        out.push_str(&format!(
            "    {:<40} {:>8} {}\n",
            k.label,
            k.count.get(),
            pct(k.share, lang)
        ));
    }
    for p in f.posts.iter().take(ROWS) {
        let day = p.published.map(|w| w.date.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "    {} {day} {:>6}  {}\n",
            p.network.name(),
            p.negative.get(),
            short(p.text.as_deref().unwrap_or(&p.id), 60)
        ));
    }
    for n in &f.notes {
        out.push_str(&format!("  ! {n}\n"));
    }
    out
}

/// The crisis flags: the rule, the series, and each episode with what surrounds it.
fn crisis_text(r: &AnalysisReport, lang: Lang) -> String {
    let c = &r.reputation.crisis;
    let colon = lang.pick(": ", "\u{a0}: ");
    let mut out = lang
        .pick("Crisis flags\n", "Alertes de crise\n")
        .to_string();
    out.push_str(&format!("  {}\n  {}\n", c.rule, c.parameters));
    if let Some(reason) = &c.reason {
        out.push_str(&format!("  — ({reason})\n"));
    }
    for s in &c.series {
        let days = match (lang, s.flagged) {
            (Lang::En, 1) => "day flagged",
            (Lang::En, _) => "days flagged",
            (Lang::Fr, 0 | 1) => "jour signalé",
            (Lang::Fr, _) => "jours signalés",
        };
        out.push_str(&format!("    {}{colon}{} {days}\n", s.label, s.flagged));
    }
    for i in 0..c.episodes.len() {
        episode_text(&mut out, r, i, lang);
    }
    out
}

/// Episode `i` of the crisis flags: its days and series, the posts just before, the negative
/// share during it and usually, the response times during it and the rest of the time.
fn episode_text(out: &mut String, r: &AnalysisReport, i: usize, lang: Lang) {
    let e = &r.reputation.crisis.episodes[i];
    let colon = lang.pick(": ", "\u{a0}: ");
    let days = match (lang, e.days) {
        (Lang::En, 1) => "day",
        (Lang::En, _) => "days",
        (Lang::Fr, 1) => "jour",
        (Lang::Fr, _) => "jours",
    };
    let (start, end, peak, n, series) = (&e.start, &e.end, &e.peak, e.days, e.series.join(", "));
    out.push_str(&match lang {
        Lang::En => {
            format!("  Episode {start} → {end} (peak {peak}, {n} {days}){colon}{series}\n")
        }
        Lang::Fr => {
            format!("  Épisode du {start} au {end} (pic le {peak}, {n} {days}){colon}{series}\n")
        }
    });
    for p in &e.posts_before {
        out.push_str(&format!(
            "    ↳ {} {}  {}\n",
            p.network.name(),
            p.published.date,
            short(p.text.as_deref().unwrap_or(&p.id), 60)
        ));
    }
    out.push_str(&figure_text(&e.negative_share, None, lang));
    out.push_str(&figure_text(&e.usual_negative_share, None, lang));
    let rows = [
        (
            lang.pick("Responses during it", "Réponses pendant l’épisode"),
            &e.responses,
        ),
        (
            lang.pick(
                "Responses the rest of the time",
                "Réponses le reste du temps",
            ),
            &e.usual_responses,
        ),
    ];
    for (title, row) in rows {
        if let Some(row) = row {
            out.push_str(&format!(
                "    {title}{colon}{} / {}\n",
                row.replied, row.received
            ));
            push_figures(out, &row.figures.iter().collect::<Vec<_>>(), None, lang);
        }
    }
}
