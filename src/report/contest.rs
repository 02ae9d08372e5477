//! The contest outcome and draw certificate section: the Contest tab's figures, computed by the
//! contest's own function from the same inputs and comment files (so every figure equals the
//! tab's), and the summary of the draw's certificate: its scheme, seed, fingerprint, counts,
//! winners and alternates of the last drawing, the rules in words and how anyone can check it.
//! Nothing here is a figure of its own: the certificate is read, not recomputed.

use crate::draw::{entries_sha256, Certificate, DrawCounts, Per, Pick, Rules, SeedKind};
use crate::figure::Figure;
use crate::i18n::Lang;
use crate::metrics::contest::{compute_contest, ContestInput};
use crate::model::Entries;
use serde::{Deserialize, Serialize};

/// The contest a report shows: the Contest tab's inputs and, once drawn, its certificate.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReportContestInput {
    /// The contest's inputs, as the Contest tab gives them to the core.
    pub input: ContestInput,
    /// The draw's certificate, when there was a draw.
    pub certificate: Option<Certificate>,
}

/// The contest section's content.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContestSummary {
    /// The contest's name (its label, else the certificate's title).
    pub label: String,
    /// ISO code of its money figures.
    pub currency: &'static str,
    /// Digits of the currency's minor unit.
    pub minor_digits: u8,
    /// What the contest's inputs lack or got wrong, in words.
    pub problems: Vec<String>,
    /// The Contest tab's figures in its order: the summary, the audience, then each later
    /// check's followers kept, retention and cost per follower kept, then the cost lines.
    pub figures: Vec<Figure>,
    /// The draw, when there was one.
    pub draw: Option<DrawSummary>,
}

/// What a draw's certificate says, for the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DrawSummary {
    /// The scheme and its version (`social-roi draw certificate 2`).
    pub scheme: String,
    /// The software that drew.
    pub software: String,
    /// Public or generated.
    pub seed_kind: SeedKind,
    /// The seed's kind in words.
    pub seed_kind_text: &'static str,
    /// The seed's value.
    pub seed: String,
    /// Where a public seed comes from.
    pub seed_source: Option<String>,
    /// When the last drawing was made, as its machine said.
    pub drawn_at: Option<String>,
    /// SHA-256 of the draw file, announced before the seed.
    pub fingerprint: String,
    /// SHA-256 of the entries drawn from.
    pub entries_sha256: String,
    /// Entries, eligible, excluded, people, tickets.
    pub counts: DrawCounts,
    /// How many drawings (1, then one per redraw).
    pub drawings: usize,
    /// The last drawing's winners.
    pub winners: Vec<Pick>,
    /// The last drawing's alternates, in the order they are called.
    pub alternates: Vec<Pick>,
    /// The rules, one line each.
    pub rules: Vec<String>,
    /// How anyone can check the draw.
    pub verify: String,
}

/// The section's content from `c` and the contest's comments `entries`.
pub(super) fn summary(c: &ReportContestInput, entries: &Entries, lang: Lang) -> ContestSummary {
    let r = compute_contest(&c.input, entries, lang);
    let mut figures = r.summary.clone();
    figures.extend(r.audience.iter().cloned());
    for row in &r.retention {
        figures.extend([
            row.kept.clone(),
            row.retention.clone(),
            row.cost_per_kept.clone(),
        ]);
    }
    figures.extend(r.costs.iter().cloned());
    let mut problems: Vec<String> = r
        .errors
        .iter()
        .map(|e| format!("{}: {}", e.field, e.message))
        .chain(r.warnings.iter().map(|w| w.message.clone()))
        .collect();
    problems.extend(c.certificate.as_ref().and_then(|x| stale(x, entries, lang)));
    let title = c.certificate.as_ref().and_then(|x| x.title.clone());
    ContestSummary {
        label: Some(c.input.label.trim().to_string())
            .filter(|l| !l.is_empty())
            .or(title)
            .unwrap_or_default(),
        currency: r.currency,
        minor_digits: r.minor_digits,
        problems,
        figures,
        draw: c.certificate.as_ref().and_then(|x| draw_summary(x, lang)),
    }
}

/// What the report says when the certificate was drawn from other entries than the comment
/// files given with it (another export, one more file, a file left out): its winners need not
/// hold for these, so the summary is not read as theirs. Nothing without files to compare.
fn stale(c: &Certificate, entries: &Entries, lang: Lang) -> Option<String> {
    if entries.is_empty() {
        return None;
    }
    let here = entries_sha256(entries);
    (here != c.entries_sha256).then(|| {
        let short = |h: &str| h.chars().take(12).collect::<String>();
        let (now, then) = (short(&here), short(&c.entries_sha256));
        match lang {
            Lang::En => format!(
                "The certificate was drawn from other entries than these comment files (entries' SHA-256 {now}… here, {then}… in the certificate): its winners may not hold for them. Give the Contest tab the files it was drawn from, or draw again."
            ),
            Lang::Fr => format!(
                "Le certificat a été tiré sur d’autres participations que ces fichiers de commentaires (SHA-256 des participations {now}… ici, {then}… dans le certificat) : ses gagnants peuvent ne pas valoir pour eux. Donnez à l’onglet Concours les fichiers du tirage, ou tirez à nouveau."
            ),
        }
    })
}

fn draw_summary(c: &Certificate, lang: Lang) -> Option<DrawSummary> {
    let last = c.drawings.last()?;
    Some(DrawSummary {
        scheme: c.format.clone(),
        software: c.software.clone(),
        seed_kind: last.seed.kind,
        seed_kind_text: match last.seed.kind {
            SeedKind::Public => lang.pick(
                "a public value announced before the draw",
                "une valeur publique annoncée avant le tirage",
            ),
            SeedKind::Generated => lang.pick(
                "random bytes generated when drawing",
                "des octets aléatoires générés au tirage",
            ),
            SeedKind::Drand => lang.pick(
                "a drand beacon round announced before the draw, its signature verified",
                "un tour de la balise drand annoncé avant le tirage, sa signature vérifiée",
            ),
        },
        seed: last.seed.value.clone(),
        seed_source: last.seed.source.clone(),
        drawn_at: last.drawn_at.clone(),
        fingerprint: c.fingerprint.clone(),
        entries_sha256: c.entries_sha256.clone(),
        counts: c.counts.clone(),
        drawings: c.drawings.len(),
        winners: last.winners.clone(),
        alternates: last.alternates.clone(),
        rules: rules_lines(&c.rules, lang),
        verify: lang
            .pick(
                "To check it: open the Contest tab's Verify view (or run social-roi draw --verify), give it this certificate and the same comment files; it redoes the draw and says whether every winner holds. The fingerprint was announced before the seed was known.",
                "Pour le vérifier : ouvrez la vue Vérifier de l’onglet Concours (ou lancez social-roi draw --verify), donnez-lui ce certificat et les mêmes fichiers de commentaires ; il refait le tirage et dit si chaque gagnant tient. L’empreinte a été annoncée avant que la graine soit connue.",
            )
            .to_string(),
    })
}

/// The rules in words, one line each, the ones at their default left out.
fn rules_lines(r: &Rules, lang: Lang) -> Vec<String> {
    let colon = lang.pick(": ", " : ");
    let line = |en: &str, fr: &str, v: String| format!("{}{colon}{v}", lang.pick(en, fr));
    let mut out = vec![
        match r.per {
            Per::Person => lang.pick("one entry per person", "une participation par personne"),
            Per::Comment => lang.pick(
                "one entry per eligible comment",
                "une participation par commentaire admis",
            ),
        }
        .to_string(),
        line("winners", "gagnants", r.winners.to_string()),
        line("alternates", "suppléants", r.alternates.to_string()),
    ];
    if r.scheme == crate::draw::Scheme::Rfc3797 {
        out.push(
            lang.pick(
                "drawn by the method of RFC 3797 (MD5 of the public sources' key)",
                "tiré selon la méthode de la RFC 3797 (MD5 de la clé des sources publiques)",
            )
            .to_string(),
        );
    }
    if r.include_replies {
        out.push(
            lang.pick("replies count", "les réponses comptent")
                .to_string(),
        );
    }
    if r.min_mentions > 0 {
        out.push(line(
            "mentions required",
            "mentions exigées",
            r.min_mentions.to_string(),
        ));
    }
    let lists: [(&str, &str, Vec<String>); 3] = [
        ("keywords", "mots-clés", r.keywords.clone()),
        ("excluded", "exclus", r.exclude.clone()),
        (
            "bonus entries",
            "participations en plus",
            r.bonus
                .iter()
                .map(|b| format!("{} +{}", b.entrant, b.entries))
                .collect(),
        ),
    ];
    for (en, fr, v) in lists.into_iter().filter(|(_, _, v)| !v.is_empty()) {
        out.push(line(en, fr, v.join(", ")));
    }
    out.extend(optional_lines(r, lang));
    out
}

/// The rules that are not always there: the window, the organiser, the most tickets, the
/// suspicions left out.
fn optional_lines(r: &Rules, lang: Lang) -> Vec<String> {
    let colon = lang.pick(": ", " : ");
    let line = |en: &str, fr: &str, v: String| format!("{}{colon}{v}", lang.pick(en, fr));
    let mut out = Vec::new();
    let optional = [
        ("from", "à partir du", r.from.clone()),
        ("until", "jusqu’au", r.until.clone()),
        ("organiser", "organisateur", r.organiser.clone()),
        (
            "most tickets per person",
            "tickets au plus par personne",
            r.max_entries.map(|m| m.to_string()),
        ),
    ];
    for (en, fr, v) in optional {
        if let Some(v) = v {
            out.push(line(en, fr, v));
        }
    }
    if !r.exclude_suspicious.is_empty() {
        let kinds: Vec<&str> = r.exclude_suspicious.iter().map(|s| s.label(lang)).collect();
        out.push(line(
            "left out as suspicious",
            "écartés comme suspects",
            kinds.join(", "),
        ));
    }
    out
}
