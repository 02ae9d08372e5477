//! What the first rows of a text table say about how it writes numbers and dates: its decimal
//! mark, and whether slashed dates put the day or the month first.

use super::plan::Plan;
use crate::date::SlashOrder;
use crate::number::DecimalMark;
use crate::schema::{FormatId, ValueKind};
use crate::table::{Cell, Row};

/// Which mark the numbers of the first rows use: votes of cells that can only be read one way
/// (`1,234.5`, `12,5`, `0.6`), then the delimiter (`;` is Europe's).
pub(crate) fn sniff_mark(plan: &Plan, probe: &[Row], delimiter: Option<u8>) -> DecimalMark {
    let numeric: Vec<usize> = if plan.format.id == FormatId::Generic {
        (0..probe.iter().map(|r| r.cells.len()).max().unwrap_or(0)).collect()
    } else {
        plan.columns
            .iter()
            .filter(|(_, f)| {
                matches!(
                    f.value(),
                    ValueKind::Count | ValueKind::Money | ValueKind::Hours | ValueKind::Ratio
                )
            })
            .map(|(i, _)| *i)
            .collect()
    };
    let (mut point, mut comma) = (0, 0);
    for row in probe {
        for &i in &numeric {
            let Some(Cell::Text(t)) = row.cells.get(i) else {
                continue;
            };
            match vote(t) {
                Some(DecimalMark::Point) => point += 1,
                Some(DecimalMark::Comma) => comma += 1,
                _ => {}
            }
        }
    }
    if point > comma {
        DecimalMark::Point
    } else if comma > point || delimiter == Some(b';') {
        DecimalMark::Comma
    } else {
        DecimalMark::Point
    }
}

/// The mark a number can only have been written with, if any.
fn vote(text: &str) -> Option<DecimalMark> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"%€$£+-−".contains(*c))
        .collect();
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let (dots, commas) = (t.matches('.').count(), t.matches(',').count());
    let frac_after = |c: char| t.find(c).map(|i| t.len() - i - 1);
    match (dots, commas) {
        (0, 0) => None,
        (1.., 1..) => {
            let last = t.rfind(['.', ','])?;
            Some(if t.as_bytes()[last] == b'.' {
                DecimalMark::Point
            } else {
                DecimalMark::Comma
            })
        }
        (1, 0) => (frac_after('.')? != 3).then_some(DecimalMark::Point),
        (0, 1) => (frac_after(',')? != 3).then_some(DecimalMark::Comma),
        (2.., 0) => Some(DecimalMark::Comma),
        (0, 2..) => Some(DecimalMark::Point),
    }
}

/// How slashed dates order day and month: a first part above 12 says day first, a second
/// above 12 says month first; otherwise platform exports are month first, and a mapped file
/// with decimal commas day first.
pub(crate) fn sniff_slash(
    plan: &Plan,
    probe: &[Row],
    format: FormatId,
    mark: DecimalMark,
) -> SlashOrder {
    let dates: Vec<usize> = plan
        .columns
        .iter()
        .filter(|(_, f)| matches!(f.value(), ValueKind::Date | ValueKind::DateTime))
        .map(|(i, _)| *i)
        .collect();
    for row in probe {
        for &i in &dates {
            let Some(Cell::Text(t)) = row.cells.get(i) else {
                continue;
            };
            if let Some(order) = slash_order(t) {
                return order;
            }
        }
    }
    if format == FormatId::Generic && mark == DecimalMark::Comma {
        SlashOrder::DayFirst
    } else {
        SlashOrder::MonthFirst
    }
}

/// The order a slashed date can only be written in, if any (`25/12/2026`, `12/25/2026`).
fn slash_order(text: &str) -> Option<SlashOrder> {
    let parts: Vec<&str> = text.trim().split('/').collect();
    if parts.len() < 3 {
        return None;
    }
    let a: u32 = parts[0].trim().parse().unwrap_or(0);
    let b: u32 = parts[1].trim().parse().unwrap_or(0);
    if a > 12 && b <= 12 {
        Some(SlashOrder::DayFirst)
    } else if b > 12 && a <= 12 {
        Some(SlashOrder::MonthFirst)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        assert_eq!(vote("1,234.5"), Some(DecimalMark::Point));
        assert_eq!(vote("1.234,5"), Some(DecimalMark::Comma));
        assert_eq!(vote("12,5 %"), Some(DecimalMark::Comma));
        assert_eq!(vote("0.6%"), Some(DecimalMark::Point));
        assert_eq!(vote("1777.0"), Some(DecimalMark::Point));
        assert_eq!(vote("12,400"), None);
        assert_eq!(vote("1 234,56"), Some(DecimalMark::Comma));
        assert_eq!(vote("abc"), None);
        assert_eq!(vote("2017-04-19"), None);
    }

    #[test]
    fn slash_orders() {
        assert_eq!(slash_order("25/12/2026"), Some(SlashOrder::DayFirst));
        assert_eq!(slash_order("12/25/2026"), Some(SlashOrder::MonthFirst));
        assert_eq!(slash_order("01/02/2026"), None);
        assert_eq!(slash_order("25/12"), None);
    }
}
