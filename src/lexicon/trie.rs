//! The lexicon's matcher: a byte trie of every normalised form, walked over the text once.
//!
//! It finds exactly what the one big regex `(?i-u)(?u:\b)(?:form|…)(?u:\b)|:|―|—` (longest form
//! first) finds, without a regex engine in the WebAssembly build (the engine and its compiler were
//! ~60% of the module):
//!
//! - ASCII letters match either case; every other byte matches itself;
//! - the space between the words of a phrase matches any run of Unicode whitespace;
//! - word forms need a word boundary at both ends: a word character (Unicode `\w`, see
//!   [`super::word_chars`]) on one side only, the haystack's ends counting as non-word; punctuation
//!   forms (the colon, the dashes) need none. The regex's boundary was ASCII-only, so a reader's
//!   word beginning or ending in "é" never matched and "said" matched inside "saidé"; here it is
//!   Unicode's, checked by decoding only when the byte next to a match's edge is not ASCII;
//! - at the leftmost position where any form matches, the longest form wins (for forms that are
//!   each other's prefixes, the regex's longest-pattern-first order is the same thing), and the
//!   search goes on after it.

use super::word_chars::is_word_char;

/// Byte flags: an ASCII word byte (`[0-9A-Za-z_]`).
const WORD: u8 = 1;
/// Byte flags: some form starts with this byte (either case).
const START: u8 = 2;
/// Byte flags: the first byte of a non-ASCII whitespace character (NEL and NBSP: C2; U+1680: E1;
/// U+2000–U+205F: E2; U+3000: E3), to decode when a phrase could go on with a space.
const SPACE_LEAD: u8 = 4;
/// Byte flags: not ASCII. Whether the character it belongs to is a word character takes decoding.
const NON_ASCII: u8 = 8;

/// The class of bytes that occur in no form: no transitions.
const NO_CLASS: u8 = 0;
/// The class of whitespace: the space between the words of a phrase, which matches any run.
const SPACE: u8 = 1;
/// A transition to nowhere (the root is nobody's child).
const DEAD: u32 = 0;
/// In a node's `form`: no form ends here.
const NO_FORM: u32 = u32::MAX;
/// In a node's `form`: the form needs a word boundary at both ends (words do; `:` and the dashes
/// do not).
const BOUNDED: u32 = 1 << 31;

/// The trie under construction: `(byte, child)` lists, flattened into [`Trie`] by [`Trie::new`].
#[derive(Default)]
struct Building {
    children: Vec<(u8, u32)>,
    form: Option<(u32, bool)>,
    depth: usize,
}

/// One state of the trie.
#[derive(Clone, Copy)]
struct Node {
    /// The form ending here (an index into the lexicon's entry lists, with [`BOUNDED`]), or
    /// [`NO_FORM`].
    form: u32,
    /// Where this node's dense row starts in `Trie::dense`, if it has one, else `u32::MAX`.
    row: u32,
    /// Its `(class, child)` transitions in `Trie::sparse`, when it has no dense row.
    first: u32,
    count: u32,
}

/// Built once per lexicon. Bytes are mapped to classes (the few dozen distinct bytes the forms
/// use; both cases of a letter share one). The root and its children, where every word of a text
/// starts its walk, have dense rows (one load per step); deeper nodes, with a child or two each,
/// a short list. Memory stays proportional to the forms (user words included), and matching
/// allocates nothing.
pub struct Trie {
    /// Byte → its class.
    class: [u8; 256],
    /// Byte → [`WORD`] | [`START`] | [`SPACE_LEAD`].
    flags: [u8; 256],
    nodes: Vec<Node>,
    /// Rows of `classes` children ([`DEAD`] for none).
    dense: Vec<u32>,
    /// `(class, child)` lists.
    sparse: Vec<(u8, u32)>,
}

impl Trie {
    /// The trie of `(normalised form, index, bounded)`: lower case, single spaces between words.
    pub fn new<'k>(forms: impl IntoIterator<Item = (&'k str, u32, bool)>) -> Self {
        let mut building = vec![Building::default()];
        for (key, index, bounded) in forms {
            let mut node = 0;
            for &b in key.as_bytes() {
                let found = building[node].children.iter().find(|&&(c, _)| c == b);
                node = match found {
                    Some(&(_, child)) => child as usize,
                    None => {
                        let depth = building[node].depth + 1;
                        building.push(Building {
                            depth,
                            ..Building::default()
                        });
                        let child = building.len() - 1;
                        building[node].children.push((b, child as u32));
                        child
                    }
                };
            }
            building[node].form = Some((index, bounded));
        }

        // Whitespace is one class; every other byte of a form gets its own. There are fewer
        // than 256: forms are valid UTF-8 in lower case (no C0, C1, F5–FF, A–Z).
        let mut class = [NO_CLASS; 256];
        for b in [b'\t', b'\n', 0x0B, 0x0C, b'\r', b' '] {
            class[usize::from(b)] = SPACE;
        }
        let mut classes = 2;
        for node in &building {
            for &(b, _) in &node.children {
                if class[usize::from(b)] == NO_CLASS {
                    class[usize::from(b)] = classes as u8;
                    classes += 1;
                }
            }
        }
        // An upper-case ASCII letter walks as its lower case; other bytes match only themselves.
        for upper in b'A'..=b'Z' {
            class[usize::from(upper)] = class[usize::from(upper.to_ascii_lowercase())];
        }

        let mut nodes = Vec::with_capacity(building.len());
        let mut dense = Vec::new();
        let mut sparse = Vec::new();
        for node in &building {
            let form = node.form.map_or(NO_FORM, |(index, bounded)| {
                debug_assert!(index < BOUNDED);
                if bounded { index | BOUNDED } else { index }
            });
            let edges = node
                .children
                .iter()
                .map(|&(b, child)| (class[usize::from(b)], child));
            let mut row = u32::MAX;
            let first = sparse.len() as u32;
            // The root always has one: every start looks there.
            if node.depth == 0 || (node.depth == 1 && !node.children.is_empty()) {
                row = dense.len() as u32;
                dense.resize(dense.len() + classes, DEAD);
                for (c, child) in edges {
                    dense[row as usize + usize::from(c)] = child;
                }
            } else {
                sparse.extend(edges);
            }
            nodes.push(Node {
                form,
                row,
                first,
                count: sparse.len() as u32 - first,
            });
        }

        let mut flags = [0u8; 256];
        for b in 0..=255u8 {
            let mut f = 0;
            if b.is_ascii_alphanumeric() || b == b'_' {
                f |= WORD;
            }
            if dense[usize::from(class[usize::from(b)])] != DEAD {
                f |= START;
            }
            if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
                f |= SPACE_LEAD;
            }
            if !b.is_ascii() {
                f |= NON_ASCII;
            }
            flags[usize::from(b)] = f;
        }
        Trie {
            class,
            flags,
            nodes,
            dense,
            sparse,
        }
    }

    /// Every match in `hay`, in order, as `(start, end, form)`, passed to `hit`.
    pub fn scan(&self, hay: &[u8], mut hit: impl FnMut(usize, usize, u32)) {
        let mut p = 0;
        // The flags of the byte before `p` (none before the haystack: a non-word).
        let mut prev = 0;
        while p < hay.len() {
            let f = self.flags[usize::from(hay[p])];
            // Nothing starts inside a word: word forms need a boundary before them, and the
            // punctuation forms (the only ones without) start with a non-word byte. (Next to a
            // non-ASCII byte, whose flags have no WORD, the boundary is worked out if a word form
            // matches.)
            if f & START != 0
                && f & prev & WORD == 0
                && let Some((end, form)) = self.longest(hay, p)
            {
                hit(p, end, form);
                prev = self.flags[usize::from(hay[end - 1])];
                p = end;
                continue;
            }
            prev = f;
            p += 1;
        }
    }

    /// The longest form matching at `start`.
    #[inline]
    fn longest(&self, hay: &[u8], start: usize) -> Option<(usize, u32)> {
        let mut best = None;
        let mut node = &self.nodes[0];
        let mut i = start;
        while i < hay.len() {
            let b = hay[i];
            let mut c = self.class[usize::from(b)];
            i += 1;
            if c == SPACE {
                i = whitespace_end(hay, i);
            } else if self.flags[usize::from(b)] & SPACE_LEAD != 0
                && self.child(node, SPACE) != DEAD
                && let Some(width) = unicode_space_at(hay, i - 1)
            {
                c = SPACE;
                i = whitespace_end(hay, i - 1 + width);
            }
            let child = self.child(node, c);
            if child == DEAD {
                break;
            }
            node = &self.nodes[child as usize];
            if node.form != NO_FORM
                && (node.form & BOUNDED == 0
                    || (self.boundary_at(hay, start) && self.boundary_at(hay, i)))
            {
                best = Some((i, node.form & !BOUNDED));
            }
        }
        best
    }

    #[inline]
    fn child(&self, node: &Node, c: u8) -> u32 {
        if node.row != u32::MAX {
            return self.dense[node.row as usize + usize::from(c)];
        }
        let edges = &self.sparse[node.first as usize..(node.first + node.count) as usize];
        edges
            .iter()
            .find(|&&(e, _)| e == c)
            .map_or(DEAD, |&(_, child)| child)
    }

    /// Whether a word boundary sits before byte `i` (`i <= hay.len()`, on a character boundary):
    /// a word character on one side only. Between ASCII bytes, two flag lookups.
    #[inline]
    fn boundary_at(&self, hay: &[u8], i: usize) -> bool {
        let before = i
            .checked_sub(1)
            .map_or(0, |j| self.flags[usize::from(hay[j])]);
        let after = hay.get(i).map_or(0, |&b| self.flags[usize::from(b)]);
        if (before | after) & NON_ASCII == 0 {
            return (before ^ after) & WORD != 0;
        }
        unicode_boundary_at(hay, i)
    }
}

/// [`Trie::boundary_at`] next to a non-ASCII byte: decoding, out of the hot loop.
#[inline(never)]
fn unicode_boundary_at(hay: &[u8], i: usize) -> bool {
    word_before(hay, i) != word_after(hay, i)
}

/// Whether the character ending at byte `i` is a word character (none at the start is not).
fn word_before(hay: &[u8], i: usize) -> bool {
    match i.checked_sub(1).map(|j| hay[j]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => char_before(hay, i).is_some_and(is_word_char),
    }
}

/// Whether the character starting at byte `i` is a word character (none at the end is not).
fn word_after(hay: &[u8], i: usize) -> bool {
    match hay.get(i) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => char_at(hay, i).is_some_and(is_word_char),
    }
}

/// The character that starts at byte `i` (`None` if the bytes there are not UTF-8, which text from
/// a `&str` sliced on character boundaries never is). Decoded by hand: `str::from_utf8` alone
/// would add 700 bytes to the WebAssembly module.
fn char_at(hay: &[u8], i: usize) -> Option<char> {
    let lead = *hay.get(i)?;
    let (width, bits) = match lead {
        0x00..=0x7F => return Some(char::from(lead)),
        0xC2..=0xDF => (2, lead & 0x1F),
        0xE0..=0xEF => (3, lead & 0x0F),
        0xF0..=0xF4 => (4, lead & 0x07),
        _ => return None,
    };
    let mut code = u32::from(bits);
    for &b in hay.get(i + 1..i + width)? {
        if b & 0xC0 != 0x80 {
            return None;
        }
        code = code << 6 | u32::from(b & 0x3F);
    }
    char::from_u32(code)
}

/// The character that ends at byte `i`.
fn char_before(hay: &[u8], i: usize) -> Option<char> {
    // A UTF-8 character is a lead byte and up to three continuation bytes (10xxxxxx).
    let start = (i.saturating_sub(4)..i)
        .rev()
        .find(|&j| hay[j] & 0xC0 != 0x80)?;
    let c = char_at(hay, start)?;
    (start + c.len_utf8() == i).then_some(c)
}

/// The end of the run of whitespace (ASCII or not) that goes on at byte `i`.
fn whitespace_end(hay: &[u8], mut i: usize) -> usize {
    while let Some(&b) = hay.get(i) {
        match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => i += 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => match unicode_space_at(hay, i) {
                Some(width) => i += width,
                None => break,
            },
            _ => break,
        }
    }
    i
}

/// The width of the non-ASCII whitespace character at byte `i`, if it is one
/// (`char::is_whitespace`: NEL, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
/// U+3000).
fn unicode_space_at(hay: &[u8], i: usize) -> Option<usize> {
    match hay.get(i..)? {
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] => Some(3),
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] | [0xE2, 0x81, 0x9F, ..] => Some(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_spaces_are_exactly_the_non_ascii_whitespace() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let expected = c.is_whitespace().then_some(bytes.len());
            assert_eq!(unicode_space_at(bytes, 0), expected, "{c:?}");
            if expected.is_some() {
                assert_ne!(Trie::new([]).flags[usize::from(bytes[0])] & SPACE_LEAD, 0);
            }
        }
    }

    /// Every match of `forms` (all word forms) in `text`.
    fn matches<'t>(forms: &[&str], text: &'t str) -> Vec<&'t str> {
        let trie = Trie::new(forms.iter().enumerate().map(|(i, f)| (*f, i as u32, true)));
        let mut found = Vec::new();
        trie.scan(text.as_bytes(), |s, e, _| found.push(&text[s..e]));
        found
    }

    #[test]
    fn words_may_begin_and_end_with_non_ascii_letters() {
        let forms = ["déclaré", "naïve", "façade", "été", "über"];
        assert_eq!(
            matches(&forms, "Il a déclaré. Déclaré, naïve façade; été (über)"),
            ["déclaré", "Déclaré", "naïve", "façade", "été", "über"]
        );
        // At the ends of the text, and next to non-ASCII punctuation and spaces.
        assert_eq!(matches(&forms, "été"), ["été"]);
        assert_eq!(
            matches(&forms, "«été»\u{A0}déclaré—naïve’"),
            ["été", "déclaré", "naïve"]
        );
    }

    #[test]
    fn a_non_ascii_word_character_next_to_a_form_blocks_it() {
        // Letters (ASCII or not), combining marks, non-ASCII digits, connector punctuation and
        // the joiners are all word characters.
        assert_eq!(
            matches(&["café"], "cafés Xcafé café_ café\u{301} café٣"),
            [] as [&str; 0]
        );
        assert_eq!(
            matches(
                &["said"],
                "saidé ésaid said\u{301} ßsaid said‿ said\u{200D}x"
            ),
            [] as [&str; 0]
        );
        // Other non-ASCII characters are not: a superscript, a dash, quotes, a non-breaking space.
        assert_eq!(
            matches(&["said", "café"], "said² —said’ “café” café\u{A0}"),
            ["said", "said", "café", "café"]
        );
    }

    #[test]
    fn decodes_the_characters_at_either_side() {
        let text = "aé€𝄞\u{301}";
        let mut ends = vec![];
        for (i, c) in text.char_indices() {
            assert_eq!(char_at(text.as_bytes(), i), Some(c));
            assert_eq!(char_before(text.as_bytes(), i + c.len_utf8()), Some(c));
            ends.push(i + c.len_utf8());
        }
        // Not on a character boundary, or cut short: no character, never a panic.
        assert_eq!(char_at(text.as_bytes(), 2), None);
        assert_eq!(char_at(&text.as_bytes()[..2], 1), None);
        assert_eq!(char_before(text.as_bytes(), 2), None);
        assert_eq!(char_before(b"\x80\x80\x80\x80", 4), None);
    }

    #[test]
    fn longest_form_at_the_leftmost_start() {
        let trie = Trie::new([
            ("according", 0, true),
            ("according to", 1, true),
            (":", 2, false),
        ]);
        let mut found = Vec::new();
        let text = "xaccording to: According\u{A0}\t To, accordingly: according";
        trie.scan(text.as_bytes(), |s, e, f| found.push((&text[s..e], f)));
        assert_eq!(
            found,
            [
                (":", 2),
                ("According\u{A0}\t To", 1),
                (":", 2),
                ("according", 0)
            ]
        );
    }
}
