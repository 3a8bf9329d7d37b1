//! Stage 1 and 2: text → blocks → sentences.
//!
//! A block is a line of text (a paragraph on a page, a headline, a list item); sentences never cross
//! blocks. Sentence boundaries are found by rule, tuned for news: abbreviations, initials, decimals,
//! closing quotes after the period and ellipses do not end a sentence.

use crate::span::Span;

/// Non-empty lines of `text`, trimmed of surrounding whitespace.
pub fn blocks(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        trim_span(text, Span::new(start, start + line.len()))
    })
}

/// The sentences of one block, in order, trimmed, covering every non-space character of the block.
pub fn sentences(text: &str, block: Span) -> Vec<Span> {
    let body = block.of(text);
    let mut out = Vec::new();
    let mut start = 0;
    for end in boundaries(body) {
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

/// Byte offsets (just past the closing punctuation and quotes) where a sentence ends inside `body`.
fn boundaries(body: &str) -> impl Iterator<Item = usize> + '_ {
    body.char_indices().filter_map(move |(i, c)| {
        if !matches!(c, '.' | '!' | '?') {
            return None;
        }
        let mut end = i + c.len_utf8();
        // Closing quotes and brackets belong to the sentence they close.
        while let Some(next) = body[end..].chars().next() {
            if is_closer(next) || matches!(next, '.' | '!' | '?') {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        let rest = &body[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            return None; // no space after: "3.5", "U.S.A", or the end of the block
        }
        if c == '.' && !ends_sentence(&body[..i], after_space) {
            return None;
        }
        Some(end)
    })
}

/// Whether a period after `before` ends a sentence, given the text that follows it.
fn ends_sentence(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let next = after.chars().next().unwrap_or(' ');
    let next_opens = next.is_uppercase() || next.is_numeric() || is_opener(next);
    if !next_opens {
        return false;
    }
    if ABBREVIATIONS_BEFORE_NAMES
        .iter()
        .any(|a| word.eq_ignore_ascii_case(a))
    {
        return false;
    }
    // An initial ("J. Smith") or a dotted abbreviation ("U.S.") followed by a capitalised name.
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let is_dotted = word.contains('.');
    !is_initial && !is_dotted
}

/// Abbreviations that are followed by a name or number, never by a new sentence.
const ABBREVIATIONS_BEFORE_NAMES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "St", "Sr", "Jr", "No", "Nos", "Vol", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "v", "Fig", "Ft",
    "Mt", "Inc",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// `span` with surrounding whitespace removed; `None` when nothing is left.
fn trim_span(text: &str, span: Span) -> Option<Span> {
    let slice = span.of(text);
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        blocks(text)
            .flat_map(|b| sentences(text, b))
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            split("One fact. Two facts! Three?"),
            ["One fact.", "Two facts!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            split("Mr. Smith met Gen. J. Doe in the U.S. Army base. It cost 3.5 million."),
            [
                "Mr. Smith met Gen. J. Doe in the U.S. Army base.",
                "It cost 3.5 million."
            ]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(split("\"We won.\" He left."), ["\"We won.\"", "He left."]);
    }

    #[test]
    fn lines_are_blocks() {
        assert_eq!(
            split("Headline without stop\n\nBody. More"),
            ["Headline without stop", "Body.", "More"]
        );
    }
}
