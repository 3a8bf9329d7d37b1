//! Finding the next interesting byte fast: the segmenter's passes skip plain text eight bytes at a
//! time (SWAR: "SIMD within a register"), with no dependency and on every target, wasm included.

const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);

/// The index of the first byte of `bytes` that is one of `needles`, or any byte ≥ 0x80 (the start
/// or continuation of a non-ASCII character) when `non_ascii` is set.
#[inline]
pub fn find_any<const N: usize>(bytes: &[u8], needles: [u8; N], non_ascii: bool) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(8);
    for (n, chunk) in chunks.by_ref().enumerate() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        // Little-endian, so the lowest flagged bit is the first matching byte in memory order.
        let x = u64::from_le_bytes(word);
        let mut flags = if non_ascii { x & HIGHS } else { 0 };
        for needle in needles {
            // A byte of `y` is zero where `x` has the needle; this flags the lowest such byte
            // exactly (higher flags may be spurious, but only the lowest is used).
            let y = x ^ (ONES * u64::from(needle));
            flags |= y.wrapping_sub(ONES) & !y & HIGHS;
        }
        if flags != 0 {
            return Some(n * 8 + (flags.trailing_zeros() / 8) as usize);
        }
    }
    let done = bytes.len() - chunks.remainder().len();
    chunks
        .remainder()
        .iter()
        .position(|b| needles.contains(b) || (non_ascii && !b.is_ascii()))
        .map(|k| done + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(bytes: &[u8], needles: &[u8], non_ascii: bool) -> Option<usize> {
        bytes
            .iter()
            .position(|b| needles.contains(b) || (non_ascii && !b.is_ascii()))
    }

    #[test]
    fn agrees_with_a_naive_scan_at_every_position() {
        let text = "plain text, then. a “quote” and more plain text to fill (eight) bytes!? \0\x01\x7f\u{85}";
        let bytes = text.as_bytes();
        for start in 0..bytes.len() {
            let rest = &bytes[start..];
            assert_eq!(
                find_any(rest, [b'.', b'!', b'?'], true),
                naive(rest, b".!?", true)
            );
            assert_eq!(
                find_any(rest, [b'(', b')'], false),
                naive(rest, b"()", false)
            );
            assert_eq!(
                find_any(rest, [0, 1, 0x7f], false),
                naive(rest, &[0, 1, 0x7f], false)
            );
            assert_eq!(
                find_any(rest, [0x80, 0xff], false),
                naive(rest, &[0x80, 0xff], false)
            );
        }
        assert_eq!(find_any(b"", [b'.'], true), None);
    }
}
