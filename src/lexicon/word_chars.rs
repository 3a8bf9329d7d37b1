//! What counts as a word character at the edges of a lexicon match: Unicode's `\w` (UTS #18
//! Annex C: letters, combining marks, decimal digits, connector punctuation, the joiners), the
//! same as a Unicode `\b` in a regex. A cue word written "déclaré" must end at "é" and start at
//! "d"; "café" must not match inside "cafés"; "said" must not match inside "saidé".
//!
//! ASCII is a table lookup in the trie; this module is only asked about the non-ASCII character
//! next to a match, which most text never has.

/// Whether `c` is a word character (`\w`, Unicode).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // Letters come from the standard library's Alphabetic table, which the analyzer links anyway;
    // the rest of `\w` (marks that are not Alphabetic, non-ASCII decimal digits, connector
    // punctuation, ZWNJ/ZWJ) is the small table below.
    c.is_alphabetic() || in_table(u32::from(c))
}

fn in_table(u: u32) -> bool {
    let i = NON_ALPHABETIC_WORD.partition_point(|&e| e >> 8 <= u);
    i > 0 && u - (NON_ALPHABETIC_WORD[i - 1] >> 8) <= NON_ALPHABETIC_WORD[i - 1] & 0xFF
}

/// The non-ASCII `\w` characters that are not Alphabetic, as ranges `first << 8 | (last - first)`
/// (so `0x300_62` is U+0300..=U+0362). A range may span Alphabetic characters (they are word
/// characters either way), which keeps the table at 214 entries (856 bytes). Generated from the
/// regex crate's Unicode tables by the test below, which prints the table when it is out of date.
#[rustfmt::skip]
#[allow(clippy::unusual_byte_groupings)] // the `_` splits each entry into its two fields
const NON_ALPHABETIC_WORD: &[u32] = &[
    0x300_62, 0x483_06, 0x591_1E, 0x658_11, 0x6DF_01, 0x6EA_0F, 0x740_0A, 0x7C0_33,
    0x7FD_00, 0x818_15, 0x859_02, 0x898_49, 0x8EA_6A, 0x966_09, 0x9BC_00, 0x9CD_00,
    0x9E6_09, 0x9FE_00, 0xA3C_00, 0xA4D_00, 0xA66_09, 0xABC_00, 0xACD_00, 0xAE6_09,
    0xAFD_02, 0xB3C_00, 0xB4D_00, 0xB55_00, 0xB66_09, 0xBCD_00, 0xBE6_09, 0xC3C_00,
    0xC4D_00, 0xC66_09, 0xCBC_00, 0xCCD_00, 0xCE6_09, 0xD3B_01, 0xD4D_00, 0xD66_09,
    0xDCA_00, 0xDE6_09, 0xE47_07, 0xE50_09, 0xEBA_00, 0xEC8_06, 0xED0_09, 0xF18_01,
    0xF20_09, 0xF35_00, 0xF37_00, 0xF39_00, 0xF3E_01, 0xF84_00, 0xF86_01, 0xFC6_00,
    0x1037_12, 0x1090_09, 0x135D_02, 0x1714_01, 0x1734_00, 0x17B4_1F, 0x17DD_00, 0x17E0_09,
    0x180B_02, 0x180F_0A, 0x1939_02, 0x1946_09, 0x19D0_09, 0x1A60_1C, 0x1A7F_0A, 0x1A90_09,
    0x1AB0_1B, 0x1B34_10, 0x1B50_09, 0x1B6B_08, 0x1BAA_49, 0x1C37_00, 0x1C40_09, 0x1C50_09,
    0x1CD0_02, 0x1CD4_25, 0x1DC0_3F, 0x200C_01, 0x203F_01, 0x2054_00, 0x20D0_20, 0x2CEF_02,
    0x2D7F_00, 0x302A_05, 0x3099_01, 0xA620_09, 0xA66F_03, 0xA67C_01, 0xA6F0_01, 0xA806_00,
    0xA82C_00, 0xA8C4_00, 0xA8D0_09, 0xA8E0_11, 0xA900_2D, 0xA953_00, 0xA9B3_0D, 0xA9D0_09,
    0xA9F0_09, 0xAA50_09, 0xAABF_02, 0xAAF6_00, 0xABEC_01, 0xABF0_09, 0xFE00_0F, 0xFE20_0F,
    0xFE33_01, 0xFE4D_02, 0xFF10_09, 0xFF3F_00, 0x101FD_00, 0x102E0_00, 0x104A0_09, 0x10A38_02,
    0x10A3F_00, 0x10AE5_01, 0x10D30_09, 0x10D40_09, 0x10D6A_03, 0x10EFD_02, 0x10F46_0A, 0x10F82_03,
    0x11046_00, 0x11066_0A, 0x1107F_3B, 0x110F0_09, 0x11133_01, 0x11136_09, 0x11173_00, 0x111C0_00,
    0x111C9_03, 0x111D0_09, 0x11235_01, 0x112E9_01, 0x112F0_09, 0x1133B_01, 0x1134D_00, 0x11366_06,
    0x11370_04, 0x113CE_04, 0x113E1_01, 0x11442_04, 0x11450_09, 0x1145E_00, 0x114C2_01, 0x114D0_09,
    0x115BF_01, 0x1163F_00, 0x11650_09, 0x116B6_01, 0x116C0_09, 0x116D0_13, 0x1172B_00, 0x11730_09,
    0x11839_01, 0x118E0_09, 0x1193D_06, 0x11950_09, 0x119E0_00, 0x11A33_01, 0x11A47_00, 0x11A98_01,
    0x11BF0_09, 0x11C3F_00, 0x11C50_09, 0x11D42_03, 0x11D50_09, 0x11D97_00, 0x11DA0_09, 0x11F41_01,
    0x11F50_0A, 0x13440_15, 0x1612F_0A, 0x16A60_09, 0x16AC0_09, 0x16AF0_04, 0x16B30_06, 0x16B50_09,
    0x16D70_09, 0x16FE4_00, 0x1BC9D_00, 0x1CCF0_09, 0x1CF00_2D, 0x1CF30_16, 0x1D165_04, 0x1D16D_05,
    0x1D17B_07, 0x1D185_06, 0x1D1AA_03, 0x1D242_02, 0x1D7CE_31, 0x1DA00_36, 0x1DA3B_31, 0x1DA75_00,
    0x1DA84_00, 0x1DA9B_04, 0x1DAA1_0E, 0x1E130_06, 0x1E140_09, 0x1E2AE_00, 0x1E2EC_0D, 0x1E4EC_0D,
    0x1E5EE_0C, 0x1E8D0_06, 0x1E944_06, 0x1E950_09, 0x1FBF0_09, 0xE0100_EF,
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Regex's `\w` for every non-ASCII character.
    fn regex_word() -> impl Fn(char) -> bool {
        let word = regex::Regex::new(r"^\w$").unwrap();
        move |c| word.is_match(c.encode_utf8(&mut [0; 4]))
    }

    /// The table as the regex crate's Unicode tables give it (the way it was generated).
    fn expected_table() -> Vec<u32> {
        let regex_word = regex_word();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in (0x80..=0x10_FFFF).filter_map(char::from_u32) {
            if !regex_word(c) || c.is_alphabetic() {
                continue;
            }
            let u = u32::from(c);
            if let Some(last) = ranges.last_mut()
                && u - last.0 <= 0xFF
                && (last.1 + 1..u).all(|v| char::from_u32(v).is_some_and(char::is_alphabetic))
            {
                last.1 = u;
                continue;
            }
            ranges.push((u, u));
        }
        ranges.iter().map(|&(a, b)| a << 8 | (b - a)).collect()
    }

    #[test]
    fn the_table_is_up_to_date() {
        let expected = expected_table();
        let source: Vec<String> = expected
            .chunks(8)
            .map(|row| {
                let items: Vec<String> = row
                    .iter()
                    .map(|e| format!("0x{:X}_{:02X}", e >> 8, e & 0xFF))
                    .collect();
                format!("    {},", items.join(", "))
            })
            .collect();
        assert!(
            NON_ALPHABETIC_WORD == expected.as_slice(),
            "NON_ALPHABETIC_WORD is out of date; it should be:\n{}",
            source.join("\n")
        );
    }

    #[test]
    fn word_characters_are_regex_word_characters() {
        let regex_word = regex_word();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            // The standard library's Unicode may be newer than the regex crate's: a letter it
            // knows and regex does not yet is still a letter.
            let expected = regex_word(c) || (!c.is_ascii() && c.is_alphabetic());
            assert_eq!(is_word_char(c), expected, "{c:?} U+{:04X}", u32::from(c));
        }
        for c in ['é', 'İ', 'ß', '\u{301}', '٣', '‿', '\u{200D}', '_', '7'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in ['²', '½', '—', '’', '«', '\u{A0}', '\u{200B}', '-', '\''] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }
}
