//! Stage 3: sentence → cues. Finds the words that make a sentence a claim.

use crate::claim::Stance;
use crate::lexicon::{CueClass, Lexicon};
use crate::span::Span;

/// A cue word or phrase found in a sentence; `span` is relative to the analysed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    pub span: Span,
    pub class: CueClass,
    pub stance: Stance,
}

/// The cues of one sentence, sorted by position, none overlapping (the longer or earlier one wins).
pub fn find_cues(lexicon: &Lexicon, text: &str, sentence: Span) -> Vec<Cue> {
    let body = sentence.of(text);
    let mut cues = Vec::new();
    for (regex, class, stance) in &lexicon.phrases {
        for m in regex.find_iter(body) {
            cues.push(Cue {
                span: Span::new(m.start(), m.end()).shift(sentence.start),
                class: *class,
                stance: *stance,
            });
        }
    }
    for m in lexicon.verbs.find_iter(body) {
        if let Some(stance) = lexicon.verb_stance(m.as_str()) {
            let span = Span::new(m.start(), m.end()).shift(sentence.start);
            cues.push(Cue {
                span,
                class: CueClass::ReportingVerb,
                stance,
            });
        }
    }
    cues.retain(|cue| !lexicon.is_ignored(cue.span.of(text)));
    // Earlier first; at the same start the longer phrase first, so it shadows what it contains.
    cues.sort_by_key(|cue| (cue.span.start, std::cmp::Reverse(cue.span.end)));
    let mut kept: Vec<Cue> = Vec::with_capacity(cues.len());
    for cue in cues {
        if kept.last().is_none_or(|last| !last.span.overlaps(cue.span)) {
            kept.push(cue);
        }
    }
    kept
}
