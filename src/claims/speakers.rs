//! Whose words a claim's cue belongs to when the cue itself names no one: a hedge inside what a
//! speaker is reported to say, and a gerund joined to an earlier report ("…,” Harry said, adding
//! that…"). Both take the speaker's source; CLAIMS.md: "a hedge inside a quotation belongs to the
//! quoted speaker, not to the writer".
//!
//! # Invariants
//! Reads only the claims of one sentence (built by [`super::build_claims`]), so the pass is
//! linear in their number times the few claims a sentence holds.

use crate::block::quotes;
use crate::claim::{Claim, ClaimKind, Stance};
use crate::cues::Cue;
use crate::lexicon::{Form, Role};

use super::{Context, joined_at};

/// Gives the claims of one sentence (`claims[i]` built from `cues[i]`) the speakers their cues
/// belong to.
pub(super) fn share_speakers(ctx: &Context, cues: &[Cue], claims: &mut [Claim]) {
    // "“…,” Harry said, adding that…": a gerund joined by a comma to an earlier report of the
    // sentence has that report's speaker, not the quotation's first words.
    for i in 1..cues.len() {
        // Only when the main clause's subject is no speaker: the quotation's first words, or
        // nothing ("The ministry added that it had identified…, warning that" keeps "The
        // ministry").
        let misread = claims[i]
            .source
            .is_none_or(|src| quotes::containing(ctx.quotes, src.start).is_some());
        if !misread
            || cues[i].entry.form != Form::Gerund
            || !matches!(cues[i].role(), Role::Speech | Role::Belief)
            || joined_at(ctx, cues[i].first).is_none()
        {
            continue;
        }
        let earlier = claims[..i]
            .iter()
            .rev()
            .find(|c| c.kind != ClaimKind::Hedged && c.source.is_some());
        if let Some(&Claim { source, kind, .. }) = earlier {
            claims[i].source = source;
            claims[i].kind = kind;
        }
    }
    // "“It may be rigged,” he said", "officials say the plan could fail": the hedge is the
    // speaker's. Its kind stays `hedged` (the cue is a hedge); the reader sees whose it is.
    for i in 0..claims.len() {
        if claims[i].kind != ClaimKind::Hedged || claims[i].source.is_some() {
            continue;
        }
        let cue = claims[i].cue;
        // "The ministry stressed that the details allegedly uncovered…": outside quotation
        // marks, a reporting adverb ("allegedly", "reportedly") or a distancing word
        // ("so-called") is the writer's distance from what is reported, not the speaker's.
        let word = cue.of(ctx.tokens.text);
        let writers = claims[i].stance == Stance::Distancing || word.ends_with("edly");
        if writers && quotes::containing(ctx.quotes, cue.start).is_none() {
            continue;
        }
        let speaker = claims.iter().find(|c| {
            c.kind != ClaimKind::Hedged
                && c.source.is_some()
                && c.content
                    .is_some_and(|content| content.start <= cue.start && cue.end <= content.end)
        });
        if let Some(source) = speaker.and_then(|c| c.source) {
            claims[i].source = Some(source);
        }
    }
}
