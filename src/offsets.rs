//! Stage 5: byte offsets → the offsets other consumers count in.
//!
//! The DOM counts UTF-16 code units; the evaluation data (Python strings) counts Unicode code points.

use crate::claim::Claim;

/// A unit to count text positions in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units, as in JavaScript strings and DOM ranges.
    Utf16,
    /// Unicode scalar values, as in Python strings.
    CodePoint,
}

impl Unit {
    fn width(self, c: char) -> usize {
        match self {
            Unit::Utf16 => c.len_utf16(),
            Unit::CodePoint => 1,
        }
    }
}

/// Converts byte offsets into `text` to `unit`, in one pass over the text however many there are.
///
/// Every offset must lie on a char boundary of `text` (at most `text.len()`); an offset inside a
/// character is counted as the start of that character.
pub fn convert(text: &str, offsets: &[usize], unit: Unit) -> Vec<usize> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![0; offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut counted = 0;
    for i in order {
        while let Some(&(byte, c)) = chars.peek() {
            if byte + c.len_utf8() > offsets[i] {
                break;
            }
            counted += unit.width(c);
            chars.next();
        }
        out[i] = counted;
    }
    out
}

/// Rewrites every span of `claims` from byte offsets into `text` to `unit`.
pub fn convert_claims(text: &str, claims: &mut [Claim], unit: Unit) {
    let bytes: Vec<usize> = claims
        .iter()
        .flat_map(|c| c.spans())
        .flat_map(|s| [s.start, s.end])
        .collect();
    let mut converted = convert(text, &bytes, unit).into_iter();
    for span in claims.iter_mut().flat_map(Claim::spans_mut) {
        span.start = converted.next().unwrap_or(span.start);
        span.end = converted.next().unwrap_or(span.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(text: &str, byte: usize) -> (usize, usize) {
        (
            convert(text, &[byte], Unit::Utf16)[0],
            convert(text, &[byte], Unit::CodePoint)[0],
        )
    }

    #[test]
    fn ascii_is_identity() {
        assert_eq!(both("said", 3), (3, 3));
    }

    #[test]
    fn emoji_are_two_utf16_units_and_one_code_point() {
        let text = "a😀b";
        assert_eq!(both(text, text.find('b').unwrap()), (3, 2));
    }

    #[test]
    fn combining_marks_count_separately() {
        let text = "e\u{301}x"; // é as e + combining acute
        assert_eq!(both(text, text.find('x').unwrap()), (2, 2));
    }

    #[test]
    fn cjk_and_rtl_are_one_unit_each() {
        let text = "新闻 خبر said";
        assert_eq!(both(text, text.find("said").unwrap()), (7, 7));
    }

    #[test]
    fn unsorted_offsets_keep_their_order() {
        let text = "😀😀x";
        assert_eq!(convert(text, &[8, 0, 4], Unit::Utf16), [4, 0, 2]);
    }
}
