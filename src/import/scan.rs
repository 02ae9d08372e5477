//! The raw tokenizer scan the benchmark (`scripts/bench.sh`) measures our full import path
//! against: the same [`Tokenizer`] the readers run, over bytes that are UTF-8 already, counting
//! records and fields and building no rows. It follows the tokenizer: when the tokenizer is
//! replaced, this function runs the new one.

use super::csv::{Next, Tokenizer};

/// What [`scan_delimited`] counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScanCounts {
    /// Records (blank lines are none), the header included.
    pub records: u64,
    /// Fields of every record.
    pub fields: u64,
}

/// Tokenizes `bytes` (UTF-8 text; damaged sequences read as `�`) split on `delimiter`, and
/// counts what the tokenizer yields.
///
/// ```
/// use social_roi::scan_delimited;
/// let counts = scan_delimited(b"a;b\n\"1;\n2\";3\n4;5", b';');
/// assert_eq!((counts.records, counts.fields), (3, 6));
/// ```
pub fn scan_delimited(bytes: &[u8], delimiter: u8) -> ScanCounts {
    let text = String::from_utf8_lossy(bytes);
    let mut counts = ScanCounts::default();
    let mut tokenizer = Tokenizer::new(delimiter);
    let mut from = 0;
    // The text is whole (`last`): every record comes, then the end or a quote left open.
    while let Next::Record { end, .. } = tokenizer.next(&text, from, true) {
        counts.records += 1;
        counts.fields += tokenizer.spans().len() as u64;
        from = end;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_the_tokenizer_yields() {
        // A quoted line break, a `""` escape, a blank line (no record), CRLF, no final line end.
        let text = b"\"id\",\"text\"\r\n\"1\",\"a\nb \"\"c\"\"\"\r\n\r\n\"2\",\"d\"";
        assert_eq!(
            scan_delimited(text, b','),
            ScanCounts {
                records: 3,
                fields: 6
            }
        );
        // Damaged UTF-8 is read, not refused.
        assert_eq!(scan_delimited(b"a;\xff\n1;2\n", b';').records, 2);
        assert_eq!(scan_delimited(b"", b',').records, 0);
    }
}
