//! Generated giveaway entries for the draw's tests at scale: a fixed pseudo-random sequence
//! (splitmix64), so the same entries on every run and machine. People comment several times
//! (those who comment a lot comment more), under names written with other cases, `@`s,
//! invisible characters and spaces, some with a profile (homonyms among them), some without a
//! name; ids repeat (overlapping exports), replies, dates in and out of a window or missing,
//! texts with hashtags, @mentions, emoji, quotes, tabs and line breaks.

use social_roi::{Date, DateTime, Entries, EntryRow, Origin, Time};

/// A 64-bit generator fully determined by its seed.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// 0 to n - 1.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// True with probability `per_mille` / 1000.
    pub(crate) fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    pub(crate) fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len() as u64) as usize]
    }
}

const FIRST: &[&str] = &[
    "lea",
    "hugo",
    "chloé",
    "lucas",
    "manon",
    "nathan",
    "camille",
    "louis",
    "inès",
    "jules",
    "sarah",
    "adam",
    "emma",
    "gabriel",
    "alice",
    "arthur",
    "zoé",
    "paul",
    "lina",
    "noah",
    "mia",
    "tom",
    "jade",
    "sacha",
    "ΣΟΦΙΑ",
    "Élodie",
    "STRAßE",
    "İlker",
];
const LAST: &[&str] = &[
    "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
    "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "david",
];
const CHEERS: &[&str] = &[
    "Je participe !",
    "Trop bien, je tente ma chance",
    "Merci pour ce concours 😍",
    "Go go go 🍀",
    "Avec plaisir",
    "J'adore ❤️",
    "Partagé en story ✅",
    "Croisons les doigts 🤞",
    "moi moi moi",
];

/// One person: a handle, how they write it, a profile or none.
struct Person {
    handle: String,
    display: Option<String>,
    profile: Option<String>,
}

fn person(r: &mut Rng, n: usize) -> Person {
    let first = r.pick(FIRST);
    let last = r.pick(LAST);
    let sep = r.pick(&["", ".", "_"]);
    let handle = if r.chance(100) {
        // A homonym: the same name as many others, told apart only by a profile.
        format!("{first} {last}")
    } else {
        format!("{first}{sep}{last}{}", n % 9973)
    };
    let display = r
        .chance(200)
        .then(|| format!("{} {}", first.to_uppercase(), last));
    let profile = r.chance(450).then(|| {
        let scheme = r.pick(&["https://www.", "http://", "https://m.", "", "https://"]);
        let slash = r.pick(&["/", "", "//"]);
        format!("{scheme}instagram.com/{}{slash}", handle.replace(' ', "."))
    });
    Person {
        handle,
        display,
        profile,
    }
}

/// How a person writes their name this time.
fn written(r: &mut Rng, p: &Person) -> String {
    let base = match (&p.display, r.below(10)) {
        (Some(d), 0..=3) => d.clone(),
        _ => p.handle.clone(),
    };
    match r.below(40) {
        0..=19 => format!("@{base}"),
        20..=29 => base,
        30..=33 => base.to_uppercase(),
        34 => format!("  @@{base}\u{200b}"),
        35 => format!("\u{200e}{base}\u{feff}"),
        36 => base.replace(' ', "\u{a0} "),
        37 => format!("@ {base}\t"),
        38 => format!("{base}\u{ad}"),
        _ => base.to_lowercase(),
    }
}

fn text(r: &mut Rng, people: &[Person], me: usize) -> String {
    let mut t = r.pick(CHEERS).to_string();
    if r.chance(800) {
        t.push_str(r.pick(&[
            " #concours",
            " #Concours",
            " #CONCOURS!",
            " #concours2026",
            " (#concours)",
        ]));
    }
    for _ in 0..r.below(5) {
        let other = r.below(people.len() as u64) as usize;
        let h = if other == me && r.chance(500) {
            people[me].handle.clone()
        } else if r.chance(700) {
            people[other].handle.clone()
        } else {
            format!("{}_{}", r.pick(FIRST), r.below(1000))
        };
        let h = h.replace(' ', "_");
        let h = if r.chance(100) { h.to_uppercase() } else { h };
        t.push_str(r.pick(&[" @", " @", " (@", " mail@"]));
        t.push_str(&h);
        if r.chance(100) {
            t.push('.');
        }
    }
    match r.below(100) {
        0..=3 => t.push_str("\nSecond line \"quoted\"\r\n\tand a tab"),
        4 => t.push_str(" \u{1}\u{1f} controls \\ backslash"),
        5..=6 => t = t.to_uppercase(),
        7 => t = String::new(),
        _ => {}
    }
    t
}

fn date(r: &mut Rng, i: usize, n: usize) -> Option<DateTime> {
    if r.chance(10) {
        return None;
    }
    // 2026-06-01 00:00 plus up to 20 days, in entry order, with some jitter.
    let minutes = (i as u64 * 20 * 1440 / n as u64 + r.below(90)) as i64;
    let day = Date::new(2026, 6, 1)?.add_days(minutes / 1440)?;
    let m = minutes % 1440;
    let time = Time::new((m / 60) as u8, (m % 60) as u8, r.below(60) as u8)?;
    let offset = match r.below(10) {
        0..=5 => None,
        6..=8 => Some(120),
        _ => Some(0),
    };
    Some(DateTime {
        date: day,
        time: Some(time),
        offset_minutes: offset,
    })
}

/// `n` entries from a generator seeded with `seed`.
pub(crate) fn entries(n: usize, seed: u64) -> Entries {
    let mut r = Rng::new(seed);
    let mut people: Vec<Person> = Vec::new();
    let mut authors: Vec<usize> = Vec::with_capacity(n);
    let mut out: Vec<EntryRow> = Vec::with_capacity(n);
    let mut last_text: Vec<Option<usize>> = Vec::new();
    for i in 0..n {
        let who = if people.is_empty() || r.chance(270) {
            people.push(person(&mut r, people.len()));
            last_text.push(None);
            people.len() - 1
        } else {
            authors[r.below(authors.len() as u64) as usize]
        };
        authors.push(who);
        let p = &people[who];
        let author = match r.below(1000) {
            0 => String::new(),
            1 => "   ".to_string(),
            2 => "\u{200b}@".to_string(),
            _ => written(&mut r, p),
        };
        let profile = match (&p.profile, r.below(100)) {
            (Some(pr), 0..=94) => Some(pr.clone()),
            (Some(pr), 95..=97) => Some(pr.to_uppercase()),
            (Some(_), _) => Some(" ".to_string()),
            (None, _) => None,
        };
        let id = match r.below(1000) {
            0..=4 if i > 0 => out[r.below(i as u64) as usize].id.clone(),
            5..=14 => None,
            15 => Some(" ".to_string()),
            _ => Some(format!("{}", 17_950_000_000_000_000u64 + i as u64)),
        };
        let parent_id = if i > 0 && r.chance(30) {
            out[i - 1 - r.below(i.min(50) as u64) as usize].id.clone()
        } else if r.chance(3) {
            Some("  ".to_string())
        } else {
            None
        };
        // Now and then the same text again (the same person pasting their comment twice).
        let text = match last_text[who] {
            Some(j) if r.chance(80) => out[j].text.clone(),
            _ => text(&mut r, &people, who),
        };
        last_text[who] = Some(i);
        out.push(EntryRow {
            id,
            parent_id,
            author,
            profile,
            link: None,
            date: date(&mut r, i, n),
            text,
            likes: r.chance(500).then(|| r.below(40) as f64),
            origin: Origin {
                file: usize::from(i >= n / 2),
                line: (i % (n / 2).max(1)) as u64 + 2,
            },
        });
    }
    out.into()
}
