//! What every analysis must satisfy, whatever the input. Shared by the property, pathological and
//! fuzz tests, which live in different crates and so include this file with `#[path]`.
#![allow(dead_code)] // each includer uses its own part

use allegedly::{Claim, Span};

/// Whether `span` lies inside `text`, on char boundaries.
pub fn on_boundaries(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// The line breaks that end a block: no sentence may hold one.
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// The first rule the `claims` found in `text` break, if any: every span on char boundaries, each
/// cue inside its non-empty sentence, no sentence across a line break, a specificity only for a
/// source (for "he" or "she" only with an antecedent), claims in the order of their cues. The message leaves the text out: callers add it where it is small enough to print.
pub fn broken_rule(text: &str, claims: &[Claim]) -> Option<String> {
    for claim in claims {
        if let Some(span) = claim.spans().find(|&span| !on_boundaries(text, span)) {
            return Some(format!("{span:?} is not on char boundaries"));
        }
        if claim.sentence.is_empty() || !claim.sentence.contains(claim.cue) {
            return Some(format!(
                "cue {:?} outside its sentence {:?}",
                claim.cue, claim.sentence
            ));
        }
        if claim.sentence.of(text).contains(is_line_break) {
            return Some(format!("sentence {:?} crosses a block", claim.sentence));
        }
        // Specificity is said of a source: none without one, and a pronoun's only with the
        // antecedent it comes from.
        if claim.specificity.is_some() && claim.source.is_none() {
            return Some(format!(
                "specificity {:?} without a source",
                claim.specificity
            ));
        }
        if let Some(source) = claim.source
            && ["he", "she", "his", "her"].contains(&source.of(text).to_ascii_lowercase().as_str())
            && claim.antecedent.is_none()
            && claim.specificity.is_some()
        {
            return Some(format!(
                "pronoun {source:?} has a specificity but no antecedent"
            ));
        }
    }
    if !claims.windows(2).all(|w| w[0].cue.start <= w[1].cue.start) {
        return Some("claims out of order".to_owned());
    }
    None
}
