//! The metrics. Each module documents each of its formulas once, with
//! [`formula!`](crate::formula!).
//!
//! [`analysis::analyze`] is the one entry point of everything computed from a
//! [`Dataset`](crate::model::Dataset): [`engagement`], [`growth`], [`series`], [`activity`],
//! [`cost`], [`search`] (search visibility) and [`reputation`] (what the comments say, negative
//! feedback, crisis flags). [`roi`] is the calculator, [`share_count`] a small calculator of its own,
//! [`contest`] a contest's outcome.

mod activity;
pub(crate) mod analysis;
pub(crate) mod contest;
mod cost;
pub(crate) mod engagement;
pub(crate) mod export;
mod growth;
pub(crate) mod reputation;
pub(crate) mod roi;
pub(crate) mod search;
pub(crate) mod series;
pub(crate) mod share_count;

use crate::formula::Formula;
use std::cmp::Ordering;

/// Every formula the metrics declare: the glossary of what the page can show.
pub fn formulas() -> Vec<Formula> {
    [
        roi::FORMULAS,
        engagement::FORMULAS,
        growth::FORMULAS,
        activity::FORMULAS,
        cost::FORMULAS,
        analysis::FORMULAS,
        contest::FORMULAS,
        share_count::FORMULAS,
        search::FORMULAS,
    ]
    .into_iter()
    .chain(reputation::FORMULAS.iter().copied())
    .collect::<Vec<_>>()
    .concat()
}

/// Sorts `v` stably by `cmp`, through one shared instance of the sort algorithm.
///
/// Each `slice::sort_by` with its own element type and closure compiles the whole algorithm
/// again (several KiB of WebAssembly per call site, some 90 KiB over the analysis' fifteen
/// sorts). The analysis sorts short lists: positions are sorted by one instance, then the
/// items moved into that order.
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut items: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| items[i].take()));
}

/// [`sort_by`] on a key.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `day` (a day number, as [`Date::days`](crate::date::Date::days)
/// gives): nothing to do when it is sorted already, a counting sort when the days span not
/// much more than there are items (the posts of a period: many share a day), else a sort of
/// (day, position) pairs. The order is the one a stable sort gives.
pub(crate) fn sort_by_day<T: Clone>(v: &mut Vec<T>, day: impl Fn(&T) -> i64) {
    let days: Vec<i64> = v.iter().map(day).collect();
    if days.is_sorted() {
        return;
    }
    let (lo, hi) = days
        .iter()
        .fold((i64::MAX, i64::MIN), |(lo, hi), &d| (lo.min(d), hi.max(d)));
    let span = usize::try_from(hi.abs_diff(lo)).unwrap_or(usize::MAX);
    let order: Vec<usize> = if span >= 2 * v.len() + 1024 {
        let mut keys: Vec<(i64, usize)> = days.iter().copied().zip(0..).collect();
        keys.sort_unstable();
        keys.into_iter().map(|(_, i)| i).collect()
    } else {
        // starts[d]: where the items of day lo + d go.
        let mut starts = vec![0usize; span + 2];
        days.iter()
            .for_each(|&d| starts[(d - lo) as usize + 1] += 1);
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut order = vec![0usize; v.len()];
        for (i, &d) in days.iter().enumerate() {
            let slot = &mut starts[(d - lo) as usize];
            order[*slot] = i;
            *slot += 1;
        }
        order
    };
    *v = order.iter().map(|&i| v[i].clone()).collect();
}

/// The first `k` and the last `k` of `v` in `order` (a total order), in that order: what a
/// stable full sort would give at both ends, in one pass (a top-10 of 200,000 posts keeps
/// the ten best and the ten worst seen so far; most items pass neither's threshold, one
/// comparison each). Shorter lists are sorted whole.
pub(crate) fn ends<T: Clone>(
    mut v: Vec<T>,
    k: usize,
    order: impl Fn(&T, &T) -> Ordering,
) -> Vec<T> {
    if v.len() <= 4 * k.max(1) {
        sort_by(&mut v, &order);
        return v;
    }
    // Each sorted; an item equal to one kept goes after it, as a stable sort places it.
    let mut head: Vec<T> = Vec::with_capacity(k + 1);
    let mut tail: Vec<T> = Vec::with_capacity(k + 1);
    let after_equals =
        |kept: &[T], x: &T| kept.partition_point(|y| order(y, x) != Ordering::Greater);
    for x in v {
        let to_head = head.len() < k || head.last().is_some_and(|l| order(&x, l) == Ordering::Less);
        let to_tail =
            tail.len() < k || tail.first().is_some_and(|f| order(&x, f) != Ordering::Less);
        if to_head {
            let at = after_equals(&head, &x);
            head.insert(at, x.clone());
            head.truncate(k);
        }
        if to_tail {
            let at = after_equals(&tail, &x);
            tail.insert(at, x);
            if tail.len() > k {
                tail.remove(0);
            }
        }
    }
    head.extend(tail);
    head
}

fn positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::path::Path;

    #[test]
    fn sort_by_day_is_a_stable_sort() {
        // Days close together (counted), far apart (sorted), sorted already, and reversed.
        for spread in [3i64, 1 << 30] {
            let v: Vec<(i64, usize)> = (0..500).map(|i| ((i * 7919) as i64 % spread, i)).collect();
            for mut case in [v.clone(), v.iter().rev().copied().collect()] {
                let mut expected = case.clone();
                expected.sort_by_key(|x| x.0);
                super::sort_by_day(&mut case, |x| x.0 - 40);
                assert_eq!(case, expected);
                super::sort_by_day(&mut case, |x| x.0);
                assert_eq!(case, expected);
            }
        }
    }

    #[test]
    fn every_formula_has_its_own_id() {
        let mut seen = HashSet::new();
        for f in super::formulas() {
            assert!(seen.insert(f.id), "two formulas share the id {}", f.id);
        }
    }

    /// The `(id, English text)` of every `formula!` declared in the files under `dir`.
    fn declared(dir: &Path, out: &mut Vec<(String, String)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                declared(&path, out);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Each declaration starts a line: `formula! {`, `/// doc` lines, `NAME = "id",`,
            // `en: "text",`.
            for block in text.split("\nformula! {").skip(1) {
                let literal = |after: &str| {
                    let (_, rest) = block.split_once(after)?;
                    Some(rest.split('"').next()?.to_string())
                };
                let (Some(id), Some(en)) = (literal("= \""), literal("en: \"")) else {
                    panic!("{}: a formula! without an id or a text", path.display());
                };
                out.push((id, en));
            }
        }
    }

    #[test]
    fn every_declared_formula_is_listed() {
        let mut found = Vec::new();
        declared(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/metrics"),
            &mut found,
        );
        assert!(found.len() > 80, "{} formulas found", found.len());
        let listed: Vec<(&str, &str)> = super::formulas().iter().map(|f| (f.id, f.en)).collect();
        for (id, en) in &found {
            assert!(
                listed.contains(&(id.as_str(), en.as_str())),
                "the formula {id} is in no FORMULAS list"
            );
        }
        assert_eq!(
            found.len(),
            listed.len(),
            "a FORMULAS list names a formula twice"
        );
    }

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        super::sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut f = vec![2.5, -1.0, 0.0];
        super::sort_by(&mut f, f64::total_cmp);
        assert_eq!(f, [-1.0, 0.0, 2.5]);
        let all: Vec<u32> = (0..1000u32)
            .map(|i| i.wrapping_mul(2_654_435_761) % 997)
            .collect();
        let mut sorted = all.clone();
        super::sort_by(&mut sorted, |a, b| a.cmp(b));
        let both = super::ends(all, 10, |a, b| a.cmp(b));
        assert_eq!(&both[..10], &sorted[..10]);
        assert_eq!(&both[10..], &sorted[990..]);
        // Ties: both ends as a stable sort by the key alone gives them, at many sizes.
        for n in [0usize, 5, 41, 1000] {
            for k in [1usize, 3, 10] {
                let v: Vec<(u32, usize)> = (0..n)
                    .map(|i| ((i as u32).wrapping_mul(2_654_435_761) % 7, i))
                    .collect();
                let mut stable = v.clone();
                stable.sort_by_key(|x| x.0);
                let both = super::ends(v, k, |a, b| a.0.cmp(&b.0));
                if n <= 4 * k {
                    assert_eq!(both, stable);
                } else {
                    assert_eq!(&both[..k], &stable[..k], "n {n} k {k}");
                    assert_eq!(&both[k..], &stable[n - k..], "n {n} k {k}");
                }
            }
        }
        let mut empty: Vec<u8> = Vec::new();
        super::sort_by_key(&mut empty, |x| *x);
        assert!(empty.is_empty());
    }
}
