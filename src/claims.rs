//! Stage 4: cues → claims. Decides the kind of each claim and finds its source and content.

use crate::claim::{Claim, ClaimKind, Stance};
use crate::cues::Cue;
use crate::lexicon::CueClass;
use crate::span::Span;

/// Builds one claim per cue of a sentence.
pub fn build_claims(text: &str, sentence: Span, cues: &[Cue]) -> Vec<Claim> {
    cues.iter()
        .map(|cue| build_claim(text, sentence, cue))
        .collect()
}

fn build_claim(text: &str, sentence: Span, cue: &Cue) -> Claim {
    let (kind, source) = match cue.class {
        CueClass::Hedge => (ClaimKind::Hedged, None),
        CueClass::Unsourced => (ClaimKind::Unsourced, None),
        CueClass::Phrase => (
            ClaimKind::Attributed,
            phrase_source(text, sentence, cue.span),
        ),
        CueClass::ReportingVerb => (
            ClaimKind::Attributed,
            subject_before(text, sentence, cue.span),
        ),
    };
    let kind = if kind == ClaimKind::Attributed && source.is_none() && cue.stance != Stance::Hedge {
        ClaimKind::Unsourced
    } else {
        kind
    };
    Claim {
        kind,
        stance: cue.stance,
        cue: cue.span,
        source,
        content: content_after(text, sentence, cue.span),
        sentence,
    }
}

/// "according to X, …": the noun phrase after the cue, up to the next comma or clause end.
fn phrase_source(text: &str, sentence: Span, cue: Span) -> Option<Span> {
    let rest = &text[cue.end..sentence.end];
    let end = rest
        .find([',', ';', '.', '"', '“', '”'])
        .unwrap_or(rest.len());
    trim(text, Span::new(cue.end, cue.end + end))
}

/// The subject of a reporting verb: the words between the clause start and the verb.
fn subject_before(text: &str, sentence: Span, cue: Span) -> Option<Span> {
    let before = &text[sentence.start..cue.start];
    let start = before
        .rfind([',', ';', ':', '"', '“', '”'])
        .map_or(0, |i| i + 1);
    trim(text, Span::new(sentence.start + start, cue.start))
}

/// What follows the cue to the end of the sentence.
fn content_after(text: &str, sentence: Span, cue: Span) -> Option<Span> {
    trim(text, Span::new(cue.end, sentence.end))
}

fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = span.of(text);
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}
