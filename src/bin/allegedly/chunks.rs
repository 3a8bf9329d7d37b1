//! Large inputs in pieces: a 100 MB file is analysed and printed a few megabytes at a time, so
//! memory holds the text once plus one piece's claims, not the claims of the whole file.

use allegedly::{Analyzer, Claim};

/// How much text before a piece is read with it, in characters: the extension's `CONTEXT_CHARS`
/// (extension/content.js), so "he said" at the top of a piece may still stand for the person the
/// piece before named, as it would in the extension.
pub const CONTEXT_CHARS: usize = 1_500;

/// Inputs up to this size are analysed whole; larger ones are cut near every multiple of it.
pub const CHUNK_BYTES: usize = 4 << 20;

/// Consecutive pieces covering all of `text`, each about `target` bytes and ending just after a
/// paragraph break ("\n\n"), else a line break, else running on to the end: sentences never cross
/// lines, so a piece never cuts one, and paragraph breaks keep neighbouring context together.
pub fn chunks(text: &str, target: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = if rest.len() <= target {
            rest.len()
        } else {
            cut_after(rest.as_bytes(), target)
        };
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

/// Each piece of `text` (see [`chunks`]) with its claims (byte offsets into the piece), read after
/// the last [`CONTEXT_CHARS`] characters before it as context
/// ([`Analyzer::analyze_blocks_after`]). The context is read again for each piece: 1,500
/// characters per 4 MB, nothing next to the piece itself.
pub fn analyzed<'a>(
    analyzer: &'a Analyzer,
    text: &'a str,
    target: usize,
) -> impl Iterator<Item = (&'a str, Vec<Claim>)> + 'a {
    let mut at = 0;
    chunks(text, target).map(move |piece| {
        let context = context_before(text, at);
        at += piece.len();
        let claims = analyzer
            .analyze_blocks_after(&[context], &[piece])
            .pop()
            .unwrap_or_default();
        (piece, claims)
    })
}

/// The last [`CONTEXT_CHARS`] characters of `text[..at]` (`at` a char boundary).
fn context_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    &before[start..]
}

/// Where to end a piece of `bytes` that is longer than `target`: after the first "\n\n" past
/// `target` (if it comes within another `target` bytes), else after the first "\n", else the end.
/// Both are ASCII, so the cut is always on a char boundary.
fn cut_after(bytes: &[u8], target: usize) -> usize {
    let window_end = bytes.len().min(target.saturating_mul(2));
    if let Some(at) = bytes[target..window_end]
        .windows(2)
        .position(|w| w == b"\n\n")
    {
        return target + at + 2;
    }
    match bytes[target..].iter().position(|&b| b == b'\n') {
        Some(at) => target + at + 1,
        None => bytes.len(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_piece_reads_the_text_before_it_for_antecedents() {
        let analyzer = Analyzer::default();
        let text = "Senator John Smith criticised the plan on Monday.\n\n\
                    “This is a disaster. Nobody asked for it,” he said.";
        // Cut after the paragraph break: the second piece's "he" is the first piece's senator.
        let pieces: Vec<_> = analyzed(&analyzer, text, 10).collect();
        assert_eq!(pieces.len(), 2);
        let (piece, claims) = &pieces[1];
        let he = claims
            .iter()
            .find(|c| c.source.is_some_and(|s| s.of(piece) == "he"));
        assert_eq!(
            he.and_then(|c| c.antecedent.as_deref()),
            Some("Senator John Smith")
        );
        // Without the context the same piece has no antecedent: the test can fail.
        let alone = analyzer.analyze(piece);
        assert!(alone.iter().all(|c| c.antecedent.is_none()));
    }

    #[test]
    fn the_context_is_the_last_characters_before_the_piece() {
        let text = format!("{}é{}", "a".repeat(10), "b".repeat(CONTEXT_CHARS - 1));
        let at = text.len();
        assert_eq!(context_before(&text, at).chars().count(), CONTEXT_CHARS);
        assert!(context_before(&text, at).starts_with('é'));
        assert_eq!(context_before(&text, 3), "aaa");
        assert_eq!(context_before(&text, 0), "");
    }

    use super::*;

    #[test]
    fn small_inputs_are_one_piece() {
        assert_eq!(chunks("a\n\nb", 10).collect::<Vec<_>>(), ["a\n\nb"]);
        assert_eq!(chunks("", 10).count(), 0);
    }

    #[test]
    fn pieces_end_after_paragraph_breaks_and_cover_everything() {
        let text = "one two.\n\nthree four.\nfive.\n\nsix seven eight nine ten.";
        let pieces: Vec<_> = chunks(text, 5).collect();
        assert_eq!(pieces.concat(), text);
        assert_eq!(pieces[0], "one two.\n\n");
        assert!(
            pieces
                .iter()
                .all(|p| p.ends_with('\n') || p.ends_with("ten."))
        );
    }

    #[test]
    fn falls_back_to_line_breaks_then_the_end() {
        let text = "ab\ncdefghijklmnop\nq";
        assert_eq!(
            chunks(text, 2).collect::<Vec<_>>(),
            ["ab\n", "cdefghijklmnop\n", "q"]
        );
        assert_eq!(chunks("é😀é😀é😀", 3).collect::<Vec<_>>(), ["é😀é😀é😀"]);
    }
}
