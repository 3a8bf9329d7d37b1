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
/// Defined for every `usize`, never panics: an offset inside a character counts as the start of that
/// character, and an offset past the end counts as the end of the text (its length in `unit`).
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

/// The length of `text` in `unit`.
pub fn len_in(text: &str, unit: Unit) -> usize {
    match unit {
        Unit::Utf16 => text.chars().map(char::len_utf16).sum(),
        Unit::CodePoint => text.chars().count(),
    }
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

    #[test]
    fn zwj_sequences_count_every_scalar() {
        // 👩‍👩‍👧 is three emoji joined by two zero-width joiners: 5 code points, 8 UTF-16 units.
        let text = "a👩\u{200d}👩\u{200d}👧b";
        assert_eq!(both(text, text.find('b').unwrap()), (9, 6));
    }

    #[test]
    fn flags_and_skin_tones_are_pairs_of_scalars() {
        let text = "🇺🇦👍🏽x";
        assert_eq!(both(text, text.find('x').unwrap()), (8, 4));
    }

    #[test]
    fn stacked_combining_marks() {
        let text = "Z\u{351}\u{36b}\u{343}a"; // Z with three combining marks
        assert_eq!(both(text, text.find('a').unwrap()), (4, 4));
    }

    #[test]
    fn right_to_left_text_counts_in_logical_order() {
        let text = "قال الوزير إن «الاتفاق» said; אמר השר";
        let said = text.find("said").unwrap();
        let expected = text[..said].chars().count();
        assert_eq!(both(text, said), (expected, expected));
        assert_eq!(
            both(text, text.len()),
            (len_in(text, Unit::Utf16), text.chars().count())
        );
    }

    #[test]
    fn surrogate_heavy_text() {
        let text = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𐍈 🀄";
        let ends: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let utf16 = convert(text, &ends, Unit::Utf16);
        let expected: Vec<usize> = ends
            .iter()
            .map(|&e| text[..e].encode_utf16().count())
            .collect();
        assert_eq!(utf16, expected);
    }

    #[test]
    fn offsets_inside_a_character_count_as_its_start() {
        let text = "a😀b"; // the emoji is bytes 1..5
        for inside in 2..5 {
            assert_eq!(both(text, inside), (1, 1));
        }
    }

    #[test]
    fn offsets_past_the_end_count_as_the_end() {
        let text = "新闻😀";
        assert_eq!(both(text, text.len()), (4, 3));
        assert_eq!(both(text, text.len() + 1), (4, 3));
        assert_eq!(both(text, usize::MAX), (4, 3));
        assert_eq!(both("", 7), (0, 0));
    }

    #[test]
    fn converts_claim_spans() {
        use crate::claim::{ClaimKind, Stance};
        use crate::span::Span;
        let text = "😀 X said that y.";
        let at = |s: &str| text.find(s).unwrap();
        let mut claims = vec![Claim {
            kind: ClaimKind::Attributed,
            stance: Stance::Neutral,
            cue: Span::new(at("said"), at("said") + 4),
            source: Some(Span::new(at("X"), at("X") + 1)),
            content: None,
            sentence: Span::new(0, text.len()),
            antecedent: None,
            specificity: None,
        }];
        convert_claims(text, &mut claims, Unit::Utf16);
        assert_eq!(claims[0].cue, Span::new(5, 9));
        assert_eq!(claims[0].source, Some(Span::new(3, 4)));
        assert_eq!(claims[0].sentence, Span::new(0, 17));
    }
}
