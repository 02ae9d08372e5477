//! The sentiment estimate on the labelled comments of `tests/fixtures/sentiment/`: the accuracy,
//! precision and recall the page shows ([`sentiment_measured`]) are what the held-out sets give,
//! docs/sentiment.md quotes the same, and the rules (negation, boosters, elision, emoji) hold
//! on hand-checked sentences.

use social_roi::{evaluate_sentiment, sentiment, sentiment_measured, Evaluation, Lang, Polarity};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sentiment/");

fn measure(set: &'static str, lang: Lang) -> Evaluation {
    let file = set.rsplit('/').next().unwrap();
    let text = std::fs::read_to_string(format!("{FIXTURES}{file}")).unwrap();
    evaluate_sentiment(&text, lang, set)
}

#[test]
fn the_measured_accuracy_is_what_the_held_out_sets_give() {
    for published in sentiment_measured() {
        let now = measure(published.set, published.lang);
        assert_eq!(
            now.confusion, published.confusion,
            "{}: the estimate moved; update MEASURED in src/sentiment/mod.rs and docs/sentiment.md",
            published.set
        );
        assert_eq!(now, published);
        assert!(
            now.comments >= 170,
            "{}: {} comments",
            now.set,
            now.comments
        );
        for c in now.classes {
            assert!(
                c.support >= 55,
                "{}: {:?} has {} comments",
                now.set,
                c.polarity,
                c.support
            );
        }
    }
}

#[test]
fn docs_quote_the_measured_figures() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/sentiment.md")).unwrap();
    for e in sentiment_measured() {
        let pct = |x: f64| format!("{:.1} %", x * 100.0);
        let line = doc
            .lines()
            .find(|l| l.contains(e.set.rsplit('/').next().unwrap()) && l.starts_with('|'))
            .unwrap_or_else(|| panic!("docs/sentiment.md has no row for {}", e.set));
        assert!(
            line.contains(&pct(e.accuracy)),
            "{line} lacks {}",
            pct(e.accuracy)
        );
        for c in e.classes {
            assert!(
                line.contains(&pct(c.precision)) && line.contains(&pct(c.recall)),
                "{line}: {c:?}"
            );
        }
    }
}

#[test]
fn the_dev_sets_are_not_the_test_sets() {
    let read = |f: &str| std::fs::read_to_string(format!("{FIXTURES}{f}")).unwrap();
    for lang in ["fr", "en"] {
        let test = read(&format!("{lang}-test.tsv"));
        let dev = read(&format!("{lang}-dev.tsv"));
        let texts: std::collections::HashSet<&str> = test
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(_, t)| t)
            .collect();
        for (_, t) in dev.lines().filter_map(|l| l.split_once('\t')) {
            assert!(!texts.contains(t), "{lang}: {t:?} is in both sets");
        }
    }
}

fn polarity(text: &str) -> Polarity {
    sentiment(text, Lang::Fr).polarity
}

#[test]
fn rules_hand_checked() {
    use Polarity::*;
    // French elision and negation: ne … pas is one negation, not two.
    assert_eq!(polarity("J'adore"), Positive);
    assert_eq!(polarity("Je n'aime pas"), Negative);
    assert_eq!(polarity("Je ne suis pas contente"), Negative);
    assert_eq!(polarity("C'est pas bon"), Negative);
    // A phrase holding its own negation is not negated again.
    assert_eq!(polarity("Ce n'est pas mal"), Positive);
    assert_eq!(polarity("It's not bad"), Positive);
    assert_eq!(polarity("I don't like it"), Negative);
    // Emoji alone, and emoticons.
    assert_eq!(polarity("😡😡"), Negative);
    assert_eq!(polarity("👍"), Positive);
    assert_eq!(polarity("ok :("), Negative);
    // Mentions and addresses carry nothing.
    assert_eq!(polarity("@happy_baker https://bad.example/awful"), Neutral);
    // Accents are optional, letters may be held.
    assert_eq!(polarity("tres decue"), Negative);
    assert_eq!(polarity("nuuuul"), Negative);
}

#[test]
fn boosters_caps_and_but_weigh_as_documented() {
    let s = |t: &str| sentiment(t, Lang::En).score;
    // good = 1.9: 1.9 ÷ √(1.9² + 15) = 0.4404.
    assert!((s("good") - 0.4404).abs() < 1e-4, "{}", s("good"));
    // very good = 1.9 + 0.293.
    let v: f64 = 1.9 + 0.293;
    assert!((s("very good") - v / (v * v + 15.0).sqrt()).abs() < 1e-4);
    // not good = 1.9 × −0.74.
    let n: f64 = 1.9 * -0.74;
    assert!((s("not good") - n / (n * n + 15.0).sqrt()).abs() < 1e-4);
    // GOOD in a text with small letters: + 0.733.
    let c: f64 = 1.9 + 0.733;
    assert!((s("it is GOOD") - c / (c * c + 15.0).sqrt()).abs() < 1e-4);
    // good but awful: 1.9 × 0.5 + (−3.1) × 1.5.
    let b: f64 = 1.9 * 0.5 - 3.1 * 1.5;
    assert!((s("good but awful") - b / (b * b + 15.0).sqrt()).abs() < 1e-4);
    // good!! : + 2 × 0.292.
    let e: f64 = 1.9 + 2.0 * 0.292;
    assert!((s("good!!") - e / (e * e + 15.0).sqrt()).abs() < 1e-4);
    // Scores stay within −1 and 1 however much is said.
    let rant = "awful horrible terrible worst scam ".repeat(200);
    assert!(s(&rant) > -1.0 && s(&rant) < -0.99);
}

#[test]
fn language_is_read_from_the_words() {
    assert_eq!(sentiment("Je suis très déçue", Lang::En).lang, Lang::Fr);
    assert_eq!(sentiment("This is the worst", Lang::Fr).lang, Lang::En);
    // `hâte` is eager in French, `hate` is hate in English.
    assert_eq!(
        sentiment("J'ai hâte !", Lang::En).polarity,
        Polarity::Positive
    );
    assert_eq!(
        sentiment("I hate it", Lang::Fr).polarity,
        Polarity::Negative
    );
    // No word says: the hint.
    assert_eq!(sentiment("👍", Lang::Fr).lang, Lang::Fr);
}
