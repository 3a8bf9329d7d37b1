//! Quotations of a block: where each one opens and closes, so a claim's content can be the whole
//! quotation, even when it runs over several sentences.

use crate::cues::tokens::{Kind, Tokens};
use crate::span::Span;

/// The top-level double-quoted stretches of a block (tokenised as `tokens`, ending at `block_end`),
/// quote marks included, in order.
///
/// Curly quotes say which way they face; a straight `"` (or `''`) opens when no quotation is open
/// and closes otherwise. A quotation still open at the end of the block ends there: news style
/// leaves a quotation open at the end of a paragraph when it continues in the next.
pub fn quotations(tokens: &Tokens, block_end: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for token in &tokens.list {
        match (token.kind, open) {
            (Kind::Open | Kind::Either, None) => {
                open = Some(token.start);
                depth = 0;
            }
            (Kind::Open, Some(_)) => depth += 1,
            (Kind::Close, Some(_)) if depth > 0 => depth -= 1,
            (Kind::Close | Kind::Either, Some(start)) => {
                out.push(Span::new(start, token.end));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(Span::new(start, block_end));
    }
    out
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
        quotations(&Tokens::new(text, Span::new(0, text.len())), text.len())
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
