//! List markers at the start of a block ("• ", "- ", "1. ", "a) ", "(iv) "): not part of the first
//! sentence, so "1." is no sentence of its own and "- The ministry said" has the source "The
//! ministry", not "- The ministry".

/// Bytes taken by a list marker and the whitespace after it at the start of `body`; 0 when there is
/// none. A marker needs whitespace and then text after it: a block that is only "1." or "-" keeps it.
pub fn marker_len(body: &str) -> usize {
    let Some(marker) = marker(body) else {
        return 0;
    };
    let rest = &body[marker..];
    let text = rest.trim_start();
    if text.len() == rest.len() || text.is_empty() {
        return 0;
    }
    body.len() - text.len()
}

/// The length of the marker itself, if `body` starts with one.
fn marker(body: &str) -> Option<usize> {
    let first = body.chars().next()?;
    if is_bullet(first) {
        return Some(first.len_utf8());
    }
    // "(a)", "(12)", "(iv)"
    if let Some(inner) = body.strip_prefix('(') {
        let label = label_len(inner)?;
        return inner[label..].starts_with(')').then_some(label + 2);
    }
    // "1.", "12)", "a.", "b)", "iv.", "A)" — but not "A." (an initial: "A. Smith said").
    let label = label_len(body)?;
    match body[label..].chars().next()? {
        ')' => Some(label + 1),
        '.' if !body[..label].chars().all(|c| c.is_ascii_uppercase()) => Some(label + 1),
        _ => None,
    }
}

/// The length of an enumeration label at the start of `s`: 1–3 digits, one ASCII letter, or a
/// lower-case Roman numeral up to "xii".
fn label_len(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        return Some(digits);
    }
    if digits > 0 {
        return None;
    }
    let letters = s
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .take(5)
        .count();
    let label = &s[..letters];
    let roman = matches!(
        label,
        "i" | "ii" | "iii" | "iv" | "v" | "vi" | "vii" | "viii" | "ix" | "x" | "xi" | "xii"
    );
    (letters == 1 || roman).then_some(letters)
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '∙'
            | '·'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '▸'
            | '➢'
            | '➤'
            | '→'
            | '✓'
            | '✔'
            | '★'
            | '♦'
            | '❖'
            | '*'
            | '-'
            | '–'
            | '—'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(body: &str) -> &str {
        &body[marker_len(body)..]
    }

    #[test]
    fn strips_bullets_and_enumerators() {
        assert_eq!(stripped("• Bullet one."), "Bullet one.");
        assert_eq!(stripped("- Dash item"), "Dash item");
        assert_eq!(stripped("— said the minister"), "said the minister");
        assert_eq!(stripped("1. First item"), "First item");
        assert_eq!(stripped("12) Twelfth"), "Twelfth");
        assert_eq!(stripped("a. first"), "first");
        assert_eq!(stripped("(iv)  Fourth"), "Fourth");
        assert_eq!(stripped("B) option"), "option");
    }

    #[test]
    fn keeps_what_is_not_a_marker() {
        for text in [
            "A. Smith said so.",
            "2019. The year",
            "-5 degrees",
            "1.",
            "-",
            "1.5 million",
            "Mr. Smith",
            "word. Next",
            "(CNN) The",
        ] {
            assert_eq!(stripped(text), text);
        }
    }
}
