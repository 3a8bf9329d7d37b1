//! Words, quotes and punctuation of one sentence: the unit the context rules look at.
//!
//! Tokenising is one linear pass; the rules then look at a bounded number of tokens around each
//! cue, so a sentence of any length with any number of cues costs linear time.

use crate::lexicon::words::WordList;
use crate::span::Span;
use std::cell::OnceCell;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and dots ("don't", "so-called", "U.S").
    Word,
    /// An opening double quote: `“`.
    Open,
    /// A closing double quote: `”`.
    Close,
    /// A quote that opens or closes depending on where it is: `"` or `''`.
    Either,
    /// Any other single non-space character: `,` `.` `:` `—` `(` `‘`.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Token {
    pub fn span(self) -> Span {
        Span::new(self.start, self.end)
    }

    pub fn is_quote(self) -> bool {
        matches!(self.kind, Kind::Open | Kind::Close | Kind::Either)
    }
}

/// The tokens of one stretch of a text, offsets relative to the whole text.
pub struct Tokens<'a> {
    pub text: &'a str,
    pub list: Vec<Token>,
    /// See [`Tokens::first_comma`]: found once, when first asked.
    first_comma: OnceCell<usize>,
}

impl<'a> Tokens<'a> {
    /// Tokenises `text[span]`.
    pub fn new(text: &'a str, span: Span) -> Self {
        let body = span.of(text);
        let bytes = body.as_bytes();
        // Roughly one token per five bytes of news text.
        let mut list = Vec::with_capacity(bytes.len() / 5 + 1);
        let mut push = |start: usize, end: usize, kind: Kind| {
            list.push(Token {
                start: span.start + start,
                end: span.start + end,
                kind,
            })
        };
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII by table: most news text is ASCII, and decoding every char costs.
            match BYTE_CLASS[usize::from(b)] {
                Class::Space => i += 1,
                Class::Alnum => {
                    let end = word_end(body, i + 1);
                    push(i, end, Kind::Word);
                    i = end;
                }
                Class::Other => {
                    let (kind, width) = match b {
                        b'"' => (Kind::Either, 1),
                        b'\'' if bytes.get(i + 1) == Some(&b'\'') => (Kind::Either, 2),
                        _ => (Kind::Punct, 1),
                    };
                    push(i, i + width, kind);
                    i += width;
                }
                Class::NonAscii => {
                    let c = body[i..].chars().next().unwrap_or(' ');
                    let width = c.len_utf8();
                    if c.is_whitespace() {
                        i += width;
                    } else if c.is_alphanumeric() {
                        let end = word_end(body, i + width);
                        push(i, end, Kind::Word);
                        i = end;
                    } else {
                        let kind = match c {
                            '«' | '»' => Kind::Either,
                            '“' | '„' => Kind::Open,
                            '”' => Kind::Close,
                            _ => Kind::Punct,
                        };
                        push(i, i + width, kind);
                        i += width;
                    }
                }
            }
        }
        Tokens {
            text,
            list,
            first_comma: OnceCell::new(),
        }
    }

    /// The tokens of `span`, a stretch of the tokenised one (a sentence of its block): copied out
    /// rather than found again. Tokenising the stretch alone could cut a word the span splits
    /// ("end.Next" when the segmenter breaks there), so that rare case is tokenised afresh.
    pub fn slice(&self, span: Span) -> Tokens<'a> {
        let first = self.list.partition_point(|t| t.end <= span.start);
        let last = self.list.partition_point(|t| t.start < span.end);
        let straddles =
            |t: Option<&Token>| t.is_some_and(|t| t.start < span.start || t.end > span.end);
        if first < last && (straddles(self.list.get(first)) || straddles(self.list.get(last - 1))) {
            return Tokens::new(self.text, span);
        }
        Tokens {
            text: self.text,
            list: self.list[first..last].to_vec(),
            first_comma: OnceCell::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The text of token `i`.
    pub fn str(&self, i: usize) -> &'a str {
        let t = self.list[i];
        &self.text[t.start..t.end]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Whether token `i` is a word in `words` (compared ignoring ASCII case).
    pub fn word_in<W: WordList + ?Sized>(&self, i: usize, words: &W) -> bool {
        self.list
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .is_some_and(|t| words.has(&self.text.as_bytes()[t.start..t.end]))
    }

    /// The index of the first comma token (`len()` when there is none): "is there a comma before
    /// token `p`" is `first_comma() < p`, O(1) after one scan, where scanning from the start for
    /// each cue made a long sentence with many cues quadratic.
    pub fn first_comma(&self) -> usize {
        *self.first_comma.get_or_init(|| {
            (0..self.len())
                .find(|&i| self.is_punct(i, ','))
                .unwrap_or(self.len())
        })
    }

    /// Whether token `i` is the punctuation character `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.list
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && self.text[t.start..t.end].starts_with(c))
    }

    pub fn is_quote(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| t.is_quote())
    }

    /// Whether token `i` starts with a capital letter ("Trump", "U.S").
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The index of the token covering byte `offset`, or of the first one after it.
    pub fn index_at(&self, offset: usize) -> usize {
        self.list.partition_point(|t| t.end <= offset)
    }

    /// The span from the start of token `first` to the end of token `last` (inclusive).
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.list[first].start, self.list[last].end)
    }
}

/// What a byte starts: nothing (ASCII white space, as `char::is_whitespace` has it), a word (an
/// ASCII letter or digit), a one-byte token, or a character to decode. A table, because it is
/// asked of every byte of every word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Alnum,
    Other,
    NonAscii,
}

static BYTE_CLASS: [Class; 256] = {
    let mut table = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_alphanumeric() {
            Class::Alnum
        } else if matches!(byte, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            Class::Space
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// The end of the word that continues at byte `i` of `body`: letters and digits, joined by inner
/// apostrophes, hyphens, dots and ampersands ("don't", "so-called", "U.S", "AT&T").
fn word_end(body: &str, mut i: usize) -> usize {
    let bytes = body.as_bytes();
    // Whether a letter or digit starts at byte `j`.
    let alnum_at = |j: usize| match bytes.get(j) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => body[j..].starts_with(char::is_alphanumeric),
        None => false,
    };
    loop {
        // ASCII letters and digits first, without decoding: most of every word.
        i += bytes[i..]
            .iter()
            .position(|&b| BYTE_CLASS[usize::from(b)] != Class::Alnum)
            .unwrap_or(bytes.len() - i);
        let Some(&b) = bytes.get(i) else { return i };
        let joiner = if b.is_ascii() {
            // Most words end at a space or a punctuation mark that joins nothing.
            if !matches!(b, b'\'' | b'-' | b'.' | b'&') {
                return i;
            }
            1
        } else {
            let c = body[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
            if c != '’' {
                return i;
            }
            c.len_utf8()
        };
        if !alnum_at(i + joiner) {
            return i;
        }
        i += joiner;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text, Span::new(0, text.len()));
        (0..tokens.len()).map(|i| tokens.str(i)).collect()
    }

    #[test]
    fn splits_words_punctuation_and_quotes() {
        assert_eq!(
            words("“We won,” the U.S. envoy’s aide said: ''so-called''"),
            [
                "“",
                "We",
                "won",
                ",",
                "”",
                "the",
                "U.S",
                ".",
                "envoy’s",
                "aide",
                "said",
                ":",
                "''",
                "so-called",
                "''"
            ]
        );
    }

    /// The tokeniser as it was before the byte table, char by char: the reference.
    fn reference(text: &str, span: Span) -> Vec<Token> {
        let body = span.of(text);
        let bytes = body.as_bytes();
        // Roughly one token per five bytes of news text.
        let mut list = Vec::with_capacity(bytes.len() / 5 + 1);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // ASCII fast path: most news text is ASCII, and decoding every char costs.
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let c = if b.is_ascii() {
                b as char
            } else {
                body[i..].chars().next().unwrap_or(' ')
            };
            let width = c.len_utf8();
            if c.is_whitespace() {
                i += width;
                continue;
            }
            if c.is_alphanumeric() {
                let end = reference_word_end(body, i + width);
                list.push(Token {
                    start: span.start + i,
                    end: span.start + end,
                    kind: Kind::Word,
                });
                i = end;
                continue;
            }
            let mut end = i + width;
            let kind = match c {
                '"' | '«' | '»' => Kind::Either,
                '“' | '„' => Kind::Open,
                '”' => Kind::Close,
                '\'' if bytes.get(i + 1) == Some(&b'\'') => {
                    end += 1;
                    Kind::Either
                }
                _ => Kind::Punct,
            };
            list.push(Token {
                start: span.start + i,
                end: span.start + end,
                kind,
            });
            i = end;
        }
        list
    }

    /// `word_end` as it was: the reference.
    fn reference_word_end(body: &str, mut i: usize) -> usize {
        let bytes = body.as_bytes();
        let alnum_at = |j: usize| -> Option<usize> {
            let b = *bytes.get(j)?;
            if b.is_ascii() {
                b.is_ascii_alphanumeric().then_some(1)
            } else {
                let c = body[j..].chars().next()?;
                c.is_alphanumeric().then(|| c.len_utf8())
            }
        };
        loop {
            // ASCII letters and digits first, without decoding: most of every word.
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            if let Some(w) = alnum_at(i) {
                i += w;
                continue;
            }
            let joiner = match bytes.get(i) {
                Some(b'\'' | b'-' | b'.' | b'&') => 1,
                Some(_) if body[i..].starts_with('’') => '’'.len_utf8(),
                _ => 0,
            };
            if joiner > 0 && alnum_at(i + joiner).is_some() {
                i += joiner;
                continue;
            }
            return i;
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn the_byte_table_tokenises_as_the_reference(
            text in "([a-zA-Z0-9]{1,4}|[ \t\n\x0B\x0C\r]|[.,'\"&’:^-]|«|»|“|”|„|é|ß|中|\u{00A0}|\u{2003}|\u{0301}|٣|[\x00-\x7F]){0,40}",
        ) {
            let span = Span::new(0, text.len());
            proptest::prop_assert_eq!(Tokens::new(&text, span).list, reference(&text, span));
        }
    }

    #[test]
    fn a_slice_is_the_tokens_of_its_span() {
        let text = "He said: “Go.” Then he left.";
        let block = Tokens::new(text, Span::new(0, text.len()));
        let second = Span::new(text.find("Then").unwrap(), text.len());
        assert_eq!(block.slice(second).list, Tokens::new(text, second).list);
        // A span that cuts a word ("said" → "aid") is tokenised afresh, not cut from the block's.
        let cut = Span::new(4, 8);
        assert_eq!(block.slice(cut).list, Tokens::new(text, cut).list);
        assert_eq!(block.slice(Span::new(2, 2)).list, []);
    }

    #[test]
    fn classifies_quotes() {
        let text = "“a” \"b\" 'c'";
        let tokens = Tokens::new(text, Span::new(0, text.len()));
        let kinds: Vec<Kind> = tokens.list.iter().map(|t| t.kind).collect();
        use Kind::*;
        assert_eq!(
            kinds,
            [Open, Word, Close, Either, Word, Either, Punct, Word, Punct]
        );
    }
}
