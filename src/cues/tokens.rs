//! Words, quotes and punctuation of one sentence: the unit the context rules look at.
//!
//! Tokenising is one linear pass; the rules then look at a bounded number of tokens around each
//! cue, so a sentence of any length with any number of cues costs linear time.

use crate::span::Span;

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
}

impl<'a> Tokens<'a> {
    /// Tokenises `text[span]`.
    pub fn new(text: &'a str, span: Span) -> Self {
        let body = span.of(text);
        let mut list = Vec::new();
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            let start = span.start + i;
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    let joins = matches!(d, '\'' | '’' | '-' | '.' | '&')
                        && body[j + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric);
                    if d.is_alphanumeric() || joins {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                list.push(Token {
                    start,
                    end: span.start + end,
                    kind: Kind::Word,
                });
                continue;
            }
            let mut end = start + c.len_utf8();
            let kind = match c {
                '"' | '«' | '»' => Kind::Either,
                '“' | '„' => Kind::Open,
                '”' => Kind::Close,
                '\'' if body[i + 1..].starts_with('\'') => {
                    chars.next();
                    end += 1;
                    Kind::Either
                }
                _ => Kind::Punct,
            };
            list.push(Token { start, end, kind });
        }
        Tokens { text, list }
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
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.is_word(i) && {
            let w = self.str(i);
            words.iter().any(|x| w.eq_ignore_ascii_case(x))
        }
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
