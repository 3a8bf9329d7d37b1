//! Large inputs in pieces: a 100 MB file is analysed and printed a few megabytes at a time, so
//! memory holds the text once plus one piece's claims, not the claims of the whole file.

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
