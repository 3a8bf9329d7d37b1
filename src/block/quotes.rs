//! Quotations of a block: where each one opens and closes, so a claim's content can be the whole
//! quotation, even when it runs over several sentences.

use crate::block::tokens::Kind;
use crate::segmenter::scan::find_any;
use crate::span::Span;

/// The top-level double-quoted stretches of a block (tokenised as `tokens`, ending at `block_end`),
/// quote marks included, in order.
///
/// Curly quotes say which way they face; a straight `"` (or `''`) opens when no quotation is open
/// and closes otherwise. A quotation still open at the end of the block ends there: news style
/// leaves a quotation open at the end of a paragraph when it continues in the next.
pub fn quotations(text: &str, block: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (start, end, kind) in quote_marks(text, block) {
        match (kind, open) {
            (Kind::Open | Kind::Either, None) => {
                open = Some(start);
                depth = 0;
            }
            (Kind::Open, Some(_)) => depth += 1,
            (Kind::Close, Some(_)) if depth > 0 => depth -= 1,
            (Kind::Close | Kind::Either, Some(first)) => {
                out.push(Span::new(first, end));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(Span::new(start, block.end));
    }
    out
}

/// The double quotation marks of `text[block]` as `(start, end, kind)`, the same marks the
/// tokenizer sees, found by a byte scan: blocks are scanned whole, so this must be cheap.
fn quote_marks(text: &str, block: Span) -> impl Iterator<Item = (usize, usize, Kind)> + '_ {
    let bytes = text.as_bytes();
    let mut i = block.start;
    std::iter::from_fn(move || {
        while i < block.end {
            // Skip to the next byte that can start a quote mark, eight bytes at a time.
            let Some(skip) = find_any(&bytes[i..block.end], [b'"', b'\'', 0xE2, 0xC2], false)
            else {
                i = block.end;
                break;
            };
            let at = i + skip;
            let b = bytes[at];
            i = at + 1;
            let found = match b {
                b'"' => Some((1, Kind::Either)),
                b'\'' if bytes.get(at + 1) == Some(&b'\'') && at + 1 < block.end => {
                    Some((2, Kind::Either))
                }
                0xE2 | 0xC2 => match text.get(at..).and_then(|rest| rest.chars().next()) {
                    Some('“' | '„') => Some((3, Kind::Open)),
                    Some('”') => Some((3, Kind::Close)),
                    Some(c @ ('«' | '»')) => Some((c.len_utf8(), Kind::Either)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((width, kind)) = found {
                i = at + width;
                return Some((at, at + width, kind));
            }
        }
        None
    })
}

/// The quotation that starts at or after `offset` (within `limit` bytes), if any.
pub fn starting_near(quotes: &[Span], offset: usize, limit: usize) -> Option<Span> {
    let i = quotes.partition_point(|q| q.start < offset);
    quotes.get(i).copied().filter(|q| q.start <= offset + limit)
}

/// The quotation that ends at or before `offset`, closest to it.
pub fn ending_before(quotes: &[Span], offset: usize) -> Option<Span> {
    let i = quotes.partition_point(|q| q.end <= offset);
    i.checked_sub(1).map(|i| quotes[i])
}

/// The quotation containing `offset`, if any.
pub fn containing(quotes: &[Span], offset: usize) -> Option<Span> {
    let i = quotes.partition_point(|q| q.end <= offset);
    quotes
        .get(i)
        .copied()
        .filter(|q| q.start <= offset && offset < q.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text, Span::new(0, text.len()))
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_quotes() {
        assert_eq!(
            quoted("“A,” he said, \"B. C.\" Then ''D''."),
            ["“A,”", "\"B. C.\"", "''D''"]
        );
    }

    #[test]
    fn nested_curly_quotes_stay_inside() {
        assert_eq!(
            quoted("“He said “no” twice.” End"),
            ["“He said “no” twice.”"]
        );
    }

    #[test]
    fn an_open_quotation_runs_to_the_end_of_the_block() {
        assert_eq!(
            quoted("He said: “We will win. Next"),
            ["“We will win. Next"]
        );
    }

    #[test]
    fn finds_quotations_around_an_offset() {
        let quotes = [Span::new(0, 5), Span::new(10, 20)];
        assert_eq!(containing(&quotes, 12), Some(Span::new(10, 20)));
        assert_eq!(containing(&quotes, 7), None);
        assert_eq!(ending_before(&quotes, 8), Some(Span::new(0, 5)));
        assert_eq!(starting_near(&quotes, 8, 3), Some(Span::new(10, 20)));
        assert_eq!(starting_near(&quotes, 2, 3), None);
    }
}
