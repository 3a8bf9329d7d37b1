//! Stage 1 and 2: text → blocks → sentences.
//!
//! A block is a line of text (a paragraph on a page, a headline, a list item); sentences never cross
//! blocks, so a headline without final punctuation is its own sentence. Inside a block, sentences end
//! at `.`, `!`, `?`, `…` and full-width stops followed by a space, decided by rule for news:
//!
//! - abbreviations are data ([`abbreviations`]): titles ("Mr.", "Gen.") never end a sentence; words
//!   before numbers ("No. 10", "Jan. 5") do not before a digit; words that close a name ("Inc.",
//!   "U.S.", "a.m.", "Jr.", initials as in "George W. Bush") end one only before a word that usually
//!   starts sentences ("… in the U.S. The talks" but "U.S. President"); "etc." ends one before any
//!   capital;
//! - no space, no end: decimals, versions, URLs and e-mail addresses ("3.5", "v1.2.3", "example.com");
//! - closing quotes and brackets after the punctuation stay with their sentence (`…won." He said`);
//! - a closed quotation or parenthesis is not split inside ([`quotations`]): `“We won. It's over,” he
//!   said.` is one sentence whose content is the whole quotation; it ends after the closing mark when
//!   a new sentence follows (`“We lost.” She disagreed.`);
//! - an ellipsis or "?!" ends a sentence when a new one visibly starts (not before lower case);
//! - datelines: "DUBAI, February 2. /TASS/. Iran’s ministry …" gives the dateline "DUBAI, February 2.
//!   /TASS/." as one sentence (a slash cannot start a sentence) and the first sentence of the story
//!   after it, whole;
//! - list markers at the start of a block ("1. ", "• ", "- ") belong to no sentence
//!   ([`list_markers`]).
//!
//! Everything is linear in the length of the text: one pass per block for the quotations, one for the
//! boundaries, with bounded look-behind and look-ahead at each candidate.

pub mod abbreviations;
mod boundaries;
mod list_markers;
mod quotations;
pub(crate) mod scan;

#[cfg(test)]
mod tests;

use crate::span::Span;

/// Non-empty lines of `text`, trimmed of surrounding whitespace. Any line break ends a block: `\n`,
/// `\r`, vertical tab, form feed, NEL, and the Unicode line and paragraph separators.
pub fn blocks(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        while start < text.len() {
            let line_start = start;
            let (line_end, next) = match next_line_break(text, start) {
                Some((at, width)) => (at, at + width),
                None => (text.len(), text.len()),
            };
            start = next;
            if let Some(block) = trim_span(text, Span::new(line_start, line_end)) {
                return Some(block);
            }
        }
        None
    })
}

/// The next line break at or after `from`: its byte offset and length.
fn next_line_break(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = from;
    loop {
        // Every line break starts with one of these bytes: \n \v \f \r, or the first byte of
        // NEL (C2 85) and of the line and paragraph separators (E2 80 A8, E2 80 A9).
        i += scan::find_any(&bytes[i..], [b'\n', 0x0B, 0x0C, b'\r', 0xC2, 0xE2], false)?;
        let c = text[i..].chars().next()?;
        if is_line_break(c) {
            return Some((i, c.len_utf8()));
        }
        i += c.len_utf8();
    }
}

/// The sentences of one block, in order, trimmed, covering every non-space character of the block
/// except a leading list marker.
pub fn sentences(text: &str, block: Span) -> Vec<Span> {
    let body = block.of(text);
    let from = list_markers::marker_len(body);
    let protected = quotations::protected_ranges(body, from);
    let mut out = Vec::new();
    let mut start = from;
    for end in boundaries::sentence_ends(body, from, &protected) {
        if let Some(s) = trim_span(body, Span::new(start, end)) {
            out.push(s.shift(block.start));
        }
        start = end;
    }
    if let Some(s) = trim_span(body, Span::new(start, body.len())) {
        out.push(s.shift(block.start));
    }
    out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `span` with surrounding whitespace removed; `None` when nothing is left.
fn trim_span(text: &str, span: Span) -> Option<Span> {
    let slice = span.of(text);
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}
