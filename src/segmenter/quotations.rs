//! Closed quotations and parentheses: the sentence punctuation inside them does not end the sentence
//! around them.
//!
//! `“You work hard. You pay your taxes. So why didn’t he pay his?” a narrator asks.` is one sentence:
//! the quotation is the content of the claim, and the attribution comes after it. This is also how
//! the scorer's segmenter (pysbd) reads news, so the spans the analyzer reports line up with it.
//!
//! Only pairs that close inside the block count; an unclosed quotation (one that runs on into the next
//! paragraph) protects nothing. One pass over the block finds every pair: each kind of pair is a
//! tiny state machine, so 100,000 unmatched quotation marks or brackets cost one step each.

use super::scan::find_any;

/// Byte ranges of `body` (from `from` on) that lie inside a closed pair, each covering its opening and
/// closing marks; sorted, disjoint and not touching.
pub fn protected_ranges(body: &str, from: usize) -> Vec<(usize, usize)> {
    let mut pairs = [
        // “…”, «…», […]: from the first opener to the next closer; openers in between are inside.
        Pair::new('“', '”', Nesting::FirstOpener),
        Pair::new('«', '»', Nesting::FirstOpener),
        Pair::new('[', ']', Nesting::FirstOpener),
        // (…): innermost pairs only, as in "(see (a) above)". Deep nesting costs nothing extra.
        Pair::new('(', ')', Nesting::Innermost),
        // "…": straight quotes pair up in order.
        Pair::new('"', '"', Nesting::FirstOpener),
        // ‘…’: an opener after a space; ’ followed by a letter is an apostrophe ("don’t").
        Pair::new('‘', '’', Nesting::FirstOpener),
    ];
    let mut ranges = Vec::new();
    let bytes = body.as_bytes();
    let mut i = from;
    while i < body.len() {
        // Jump to the next byte that may start a mark: one of "'()[] or any non-ASCII character.
        let Some(skip) = find_any(&bytes[i..], [b'"', b'\'', b'(', b')', b'[', b']'], true) else {
            break;
        };
        let at = i + skip;
        let Some(mut c) = body[at..].chars().next() else {
            break;
        };
        let mut width = c.len_utf8();
        i = at + width;
        if !is_pair_mark(c) {
            continue;
        }
        if c == '\'' {
            if !body[i..].starts_with('\'') {
                continue;
            }
            // Two apostrophes are a double quotation mark in some newspapers' plain text: ''Yes.''
            (c, width) = ('"', 2);
            i += 1;
        }
        let previous = body[..at].chars().next_back().unwrap_or(' ');
        let next = body[i..].chars().next();
        for pair in &mut pairs {
            if let Some(range) = pair.step(at, c, width, previous, next) {
                ranges.push(range);
            }
        }
    }
    merge(ranges)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Nesting {
    /// The pair opens at the first opener and closes at the next closer.
    FirstOpener,
    /// The pair opens at the last opener before a closer.
    Innermost,
}

struct Pair {
    open: char,
    close: char,
    nesting: Nesting,
    opened_at: Option<usize>,
}

impl Pair {
    const fn new(open: char, close: char, nesting: Nesting) -> Self {
        Pair {
            open,
            close,
            nesting,
            opened_at: None,
        }
    }

    /// Feeds the mark `c`, `width` bytes long, at byte `at`; returns the range of a pair it closes.
    fn step(
        &mut self,
        at: usize,
        c: char,
        width: usize,
        previous: char,
        next: Option<char>,
    ) -> Option<(usize, usize)> {
        if c == self.close && self.opened_at.is_some() && self.closes_here(next) {
            let start = self.opened_at.take()?;
            return Some((start, at + width));
        }
        if c == self.open
            && self.opens_here(previous)
            && (self.opened_at.is_none() || self.nesting == Nesting::Innermost)
        {
            self.opened_at = Some(at);
        }
        None
    }

    fn opens_here(&self, previous: char) -> bool {
        // A left single quote opens a quotation only at the start of a word.
        self.open != '‘' || previous.is_whitespace() || is_opening_mark(previous)
    }

    fn closes_here(&self, next: Option<char>) -> bool {
        // A right single quote before a letter is an apostrophe: "don’t", "Clinton’s".
        self.close != '’' || !next.is_some_and(char::is_alphabetic)
    }
}

fn is_pair_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '«' | '»' | '[' | ']' | '(' | ')' | '"' | '‘' | '’' | '\''
    )
}

fn is_opening_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '(' | '[' | '«' | '‘')
}

/// Sorts `ranges` and merges those that overlap or touch.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(body: &str) -> Vec<&str> {
        protected_ranges(body, 0)
            .into_iter()
            .map(|(s, e)| &body[s..e])
            .collect()
    }

    #[test]
    fn finds_closed_quotations_and_parentheses() {
        assert_eq!(
            quoted(r#"He said “We won. It's over.” and (he added.) "Yes." ‘Fine.’ ok"#),
            ["“We won. It's over.”", "(he added.)", "\"Yes.\"", "‘Fine.’"]
        );
    }

    #[test]
    fn unclosed_marks_protect_nothing() {
        assert!(quoted("“We won. It is over.").is_empty());
        assert!(quoted("(((((").is_empty());
        assert!(quoted("”””””").is_empty());
    }

    #[test]
    fn parentheses_pair_innermost_and_quotes_pair_in_order() {
        assert_eq!(quoted("(a (b) c"), ["(b)"]);
        assert_eq!(quoted(r#""a" b "c""#), ["\"a\"", "\"c\""]);
        assert_eq!(quoted("“a “b” c”"), ["“a “b”"]);
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        assert_eq!(
            quoted("He said ‘we don’t know.’ Then"),
            ["‘we don’t know.’"]
        );
        assert!(quoted("the ’90s and Clinton’s plan.").is_empty());
    }

    #[test]
    fn two_apostrophes_are_a_double_quote() {
        assert_eq!(quoted("He said ''No. Never.'' Then"), ["''No. Never.''"]);
        assert!(quoted("Clinton's plan, the '90s").is_empty());
    }

    #[test]
    fn overlapping_pairs_merge() {
        assert_eq!(quoted("“a (b” c)"), ["“a (b” c)"]);
    }
}
