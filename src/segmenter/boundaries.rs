//! Where sentences end inside one block.
//!
//! One pass from left to right. At each run of sentence punctuation (with the closing quotes and
//! brackets after it) the scanner decides from what follows and, for a single period, from the word
//! before it. Both looks are bounded ([`MAX_WORD`], [`MAX_NEXT_WORD`]) and the scanner resumes after
//! the run, so each byte is looked at a bounded number of times: a 5 MB sentence of periods costs the
//! same per byte as a news article.

use super::abbreviations::{Abbreviation, classify, is_sentence_starter};
use super::scan::find_any;

/// How far back from a period the word before it is read, in bytes. No abbreviation is longer, and
/// the bound keeps the look-behind constant however long the word really is.
const MAX_WORD: usize = 32;

/// How far ahead the word after a candidate boundary is read, in bytes (the longest starter is
/// shorter).
const MAX_NEXT_WORD: usize = 16;

/// How many closing quotes or brackets may stand between a pair's closing mark and the punctuation
/// before it (`(“Yes.”)`) for the pair to close a sentence.
const MAX_CLOSERS: usize = 4;

/// Byte offsets into `body` just past each sentence end (its punctuation and closing quotes), in
/// order, scanning from `from`. Sentence punctuation inside the `protected` ranges (sorted, disjoint:
/// closed quotations and parentheses) ends no sentence, but a range that closes with sentence
/// punctuation may: `“We lost.” She disagreed.`
pub fn sentence_ends(body: &str, from: usize, protected: &[(usize, usize)]) -> Vec<usize> {
    let bytes = body.as_bytes();
    let mut ends = Vec::new();
    let mut ranges = protected.iter().copied().peekable();
    let mut i = from;
    while i < body.len() {
        let mut limit = body.len();
        if let Some(&(start, end)) = ranges.peek() {
            if end <= i {
                ranges.next();
                continue;
            }
            if start <= i {
                ranges.next();
                i = match punctuation_before_closers(body, end) {
                    Some(punctuation) => decide(body, punctuation, run_end(body, end), &mut ends),
                    None => end,
                };
                continue;
            }
            limit = start;
        }
        // Jump to the next byte that may start sentence punctuation (ASCII . ! ? or any non-ASCII
        // character), stopping at the next protected range: a tight loop over plain text.
        match find_any(&bytes[i..limit], [b'.', b'!', b'?'], true) {
            Some(skip) => i += skip,
            None => {
                i = limit;
                continue;
            }
        }
        let c = body[i..].chars().next().unwrap_or(' ');
        i = if is_terminal(c) {
            decide(body, i, run_end(body, i), &mut ends)
        } else {
            i + c.len_utf8()
        };
    }
    ends
}

/// Records a sentence end at `run_end` if the punctuation run `[start, run_end)` ends a sentence;
/// returns where scanning resumes.
fn decide(body: &str, start: usize, run_end: usize, ends: &mut Vec<usize>) -> usize {
    if ends_sentence(body, start, run_end) {
        ends.push(run_end);
    }
    run_end
}

/// What kind of sentence punctuation a run holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Run {
    /// One period: an abbreviation, an initial or a sentence end.
    Period,
    /// "...", "…", ". . .": an ellipsis ends a sentence when a new one visibly starts.
    Ellipsis,
    /// "?", "!", "?!", "!!!".
    Strong,
    /// "。", "！", "？": needs no space after it.
    FullWidth,
}

fn classify_run(run: &str) -> Run {
    let mut periods = 0;
    let mut kind = Run::Period;
    for c in run.chars() {
        match c {
            '.' => periods += 1,
            '…' => kind = kind.max_with(Run::Ellipsis),
            '!' | '?' | '‽' | '⁇' | '⁈' | '⁉' => kind = kind.max_with(Run::Strong),
            '。' | '！' | '？' | '｡' => kind = Run::FullWidth,
            _ => {}
        }
    }
    if periods > 1 {
        kind = kind.max_with(Run::Ellipsis);
    }
    kind
}

impl Run {
    fn rank(self) -> u8 {
        match self {
            Run::Period => 0,
            Run::Ellipsis => 1,
            Run::Strong => 2,
            Run::FullWidth => 3,
        }
    }

    fn max_with(self, other: Run) -> Run {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }
}

/// Whether the punctuation run `[start, run_end)` ends a sentence.
fn ends_sentence(body: &str, start: usize, run_end: usize) -> bool {
    let kind = classify_run(&body[start..run_end]);
    let rest = &body[run_end..];
    let after = rest.trim_start();
    if after.is_empty() {
        return false; // the end of the block ends the sentence anyway
    }
    if after.len() == rest.len() && kind != Run::FullWidth {
        return false; // no space: "3.5", "U.S.A.", "example.com", "v1.2.3", "Yahoo!s"
    }
    let next = after.chars().next().unwrap_or(' ');
    if continues_sentence(next) {
        return false;
    }
    match kind {
        Run::Period => period_ends_sentence(body, start, next, after),
        Run::Ellipsis | Run::Strong | Run::FullWidth => true,
    }
}

/// Whether a single period at `dot`, followed by whitespace and then `after`, ends a sentence.
fn period_ends_sentence(body: &str, dot: usize, next: char, after: &str) -> bool {
    let Some(word) = word_before(body, dot) else {
        return true; // longer than any abbreviation
    };
    match classify(word) {
        None => true,
        Some(Abbreviation::Title | Abbreviation::NeverFinal) => false,
        Some(Abbreviation::BeforeNumber) => !next.is_numeric() && starts_sentence(after),
        Some(Abbreviation::MayEnd) => starts_sentence(after),
        Some(Abbreviation::Initial) => !is_opener(next) && starts_sentence(after),
    }
}

/// The word (letters, digits and inner periods) just before the period at `dot`, or `None` when the
/// token there is longer than [`MAX_WORD`]. "(U.S." gives "U.S"; "D-Calif." gives "Calif";
/// "/TASS/." gives "" (an ordinary sentence end).
fn word_before(body: &str, dot: usize) -> Option<&str> {
    let mut start = dot;
    for (i, c) in body[..dot].char_indices().rev() {
        if c.is_whitespace() || is_opener(c) {
            break;
        }
        if dot - i > MAX_WORD {
            return None;
        }
        start = i;
    }
    let token = &body[start..dot];
    let word_start = token
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&token[word_start..])
}

/// Whether the text `after` a possible boundary visibly starts a new sentence: an opening quotation
/// mark, or a word that usually starts sentences ("The", "He", "But"). A bracket does not: after an
/// abbreviation it adds to the name ("Bob Casey Jr. (D-Pa.)", "RENO, Nev. (AP) —").
fn starts_sentence(after: &str) -> bool {
    let Some(first) = after.chars().next() else {
        return false;
    };
    if is_opener(first) {
        return !matches!(first, '(' | '[' | '（');
    }
    let word_end = after
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(after.len(), |(i, _)| i);
    word_end <= MAX_NEXT_WORD && is_sentence_starter(&after[..word_end])
}

/// Characters that cannot start a sentence, so the text before them goes on: "… etc. and", "?” he
/// asked", "2. /TASS/", "U.S. , ", and dashes, which after a quotation introduce its speaker
/// (`“We lost.” ― Jane Doe`).
fn continues_sentence(c: char) -> bool {
    c.is_lowercase()
        || is_terminal(c)
        || matches!(
            c,
            ',' | ';'
                | ':'
                | ')'
                | ']'
                | '}'
                | '”'
                | '’'
                | '»'
                | '/'
                | '%'
                | '&'
                | '-'
                | '–'
                | '—'
                | '―'
        )
}

/// The end of the run of sentence punctuation and closing marks that starts at `start`.
fn run_end(body: &str, start: usize) -> usize {
    body[start..]
        .char_indices()
        .find(|&(_, c)| !(is_terminal(c) || is_closer(c)))
        .map_or(body.len(), |(i, _)| start + i)
}

/// Where the sentence punctuation before the closing marks at the end of a protected range starts:
/// `“We lost.”` → the period. `None` when the range does not close with sentence punctuation.
fn punctuation_before_closers(body: &str, end: usize) -> Option<usize> {
    let mut closers = 0;
    let mut punctuation = None;
    for (i, c) in body[..end].char_indices().rev() {
        if is_terminal(c) {
            punctuation = Some(i);
        } else if punctuation.is_none() && is_closer(c) && closers < MAX_CLOSERS {
            closers += 1;
        } else {
            break;
        }
        // An ellipsis run inside a quotation is bounded like a closer run: one "." is enough to know.
        if punctuation.is_some() && end - i > MAX_WORD {
            break;
        }
    }
    punctuation
}

pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‽' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›' | '」' | '』' | '）'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡' | '「' | '『' | '（'
    )
}
