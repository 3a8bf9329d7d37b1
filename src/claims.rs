//! Stage 4: cues → claims. Decides the kind of each claim and finds its source and content.
//!
//! # Kinds
//! - `attributed`: a source is named or described — the subject of the verb ("the ministry
//!   claimed"), the name after it ("“…,” said the minister"), the object of "according to", the
//!   owner of a claim ("Trump's claim that"), the agent of a passive ("was denied by the army").
//!   A pronoun counts ("he said"): the reader can see who it is from the text before.
//! - `unsourced`: attribution without anyone a reader could check: impersonal passives ("it is
//!   claimed that", "it was reported"), agentless passives of saying ("is said to", "was reported",
//!   "is accused of"), anonymous sources ("sources say", "officials said", "according to
//!   insiders"), and a verb of saying whose subject cannot be found. The span of the anonymous
//!   source is still given when there is one ("sources"), so a reader sees what stands behind it.
//! - `hedged`: the writer's own epistemic hedge: adverbs ("allegedly"), adjectives ("alleged",
//!   "so-called"), epistemic modals ("may have"), "seems / appears to", agentless passives of
//!   belief ("is believed to", "is expected to") and first-person belief ("I think"), which
//!   hedges the speaker's own words.
//!
//! # Spans
//! Source and content are searched within bounded windows of tokens around the cue, so a claim
//! costs the same in a short sentence and in a pathological five-megabyte one. A quotation may
//! carry the content over several sentences of its block; a sentence ending in a colon takes the
//! following text as content.
//!
//! # Layout
//! This file builds one claim per cue ([`build_claims`]) and decides attributed or unsourced;
//! `builders` holds the builder of each cue role, `spans` the finders of source and content spans,
//! [`antecedents`] the person a "he said" stands for, [`specificity`] whether a source is named.
//! They read [`crate::cues`], [`crate::grammar`] and [`crate::block`]; no earlier stage imports
//! this one.

pub mod antecedents;
mod builders;
mod spans;
mod speakers;
pub mod specificity;

use crate::block::quotes;
use crate::block::tokens::Tokens;
use crate::claim::{Claim, ClaimKind};
use crate::cues::{Cue, Window};
use crate::lexicon::Role;
use crate::lexicon::tables::{ANONYMOUS_SOURCES, DETERMINERS, JOINING_CONJUNCTIONS};
use crate::lexicon::words::Words;
use crate::span::Span;
use builders::*;
use spans::*;

/// Everything the builder needs to know about one sentence.
pub struct Context<'a> {
    pub tokens: &'a Tokens<'a>,
    pub sentence: Window,
    /// Quotations of the sentence's block.
    pub quotes: &'a [Span],
    /// What follows the sentence when it ends in a colon: the next sentence or block.
    pub following: Option<Span>,
}

/// Builds one claim per cue of a sentence, appended to `out` (the claims of the whole text, so a
/// sentence costs no vector of its own).
pub fn build_claims(ctx: &Context, cues: &[Cue], out: &mut Vec<Claim>) {
    let before = out.len();
    out.extend(cues.iter().map(|cue| build_claim(ctx, cue)));
    let claims = &mut out[before..];
    // "X said A, saying B" / "X said A but added B": a later verb of saying joined by a comma or
    // a conjunction ends the content of the one before it.
    for (i, cue) in cues.iter().enumerate() {
        let Some(content) = claims[i].content else {
            continue;
        };
        let next_report = cues[i + 1..].iter().find(|next| {
            next.role() == Role::Speech
                && next.span.start > content.start
                && next.span.start < content.end
                && quotes::containing(ctx.quotes, next.span.start).is_none()
        });
        if let Some(next) = next_report
            && content.start > cue.span.start
            && let Some(end) = joined_at(ctx, next.first)
            && end > content.start
        {
            claims[i].content = Some(Span::new(content.start, end));
        }
    }
    speakers::share_speakers(ctx, cues, claims);
}

/// Where the clause before a verb at token `first` ends, when a comma, "and" or "but" joins the
/// verb to it: "…, saying", "… but said", "…, and added".
fn joined_at(ctx: &Context, first: usize) -> Option<usize> {
    let t = ctx.tokens;
    let mut i = first;
    let mut joined = false;
    while i > 0 && first - i < 3 {
        let j = i - 1;
        if t.is_punct(j, ',') || t.word_in(j, &JOINING_CONJUNCTIONS) {
            joined = true;
            i = j;
        } else {
            break;
        }
    }
    (joined && i > 0).then(|| t.list[i - 1].end)
}

fn build_claim(ctx: &Context, cue: &Cue) -> Claim {
    let (kind, source, content) = match cue.role() {
        Role::Hedge | Role::Seem | Role::Modal => {
            (ClaimKind::Hedged, None, hedge_content(ctx, cue))
        }
        Role::SourceAfter => source_after(ctx, cue),
        Role::Venue => venue_claim(ctx, cue),
        Role::Noun => noun_claim(ctx, cue),
        Role::Byline => {
            let source = phrase_after(ctx, cue.last + 1);
            let content = quotes::ending_before(ctx.quotes, cue.span.start)
                .filter(|q| ctx.tokens.text[q.end..cue.span.start].trim().is_empty());
            (attributed(ctx, source), source, content)
        }
        Role::Colon => {
            let source = clause_subject(ctx, cue.first);
            (
                attributed(ctx, source),
                source,
                content_after(ctx, cue.last + 1),
            )
        }
        Role::Speech | Role::Belief => verb_claim(ctx, cue),
    };
    Claim {
        kind,
        stance: cue.stance(),
        cue: cue.span,
        source,
        content,
        sentence: ctx.sentence.span,
        antecedent: None,
        specificity: None,
    }
}

/// Attributed, unless the source is missing or anonymous ("sources", "officials").
fn attributed(ctx: &Context, source: Option<Span>) -> ClaimKind {
    match source {
        Some(span) if !is_anonymous(ctx, span) => ClaimKind::Attributed,
        _ => ClaimKind::Unsourced,
    }
}

/// Whether a source names no one: only determiners, vague quantifiers and words like "sources".
fn is_anonymous(ctx: &Context, source: Span) -> bool {
    static VAGUE: Words = Words::new(&[
        "unnamed",
        "anonymous",
        "several",
        "some",
        "many",
        "other",
        "two",
        "three",
        "few",
        "senior",
        "informed",
        "knowledgeable",
        "unidentified",
    ]);
    let t = ctx.tokens;
    let mut i = t.index_at(source.start);
    let mut vague = false;
    while i < t.len() && t.list[i].start < source.end {
        if t.is_word(i) && !t.word_in(i, &DETERMINERS) && !t.word_in(i, &VAGUE) {
            return t.word_in(i, &ANONYMOUS_SOURCES);
        }
        vague |= t.word_in(i, &VAGUE);
        i += 1;
    }
    // Only quantifiers: "some", "many".
    vague
}

#[cfg(test)]
mod tests {
    use crate::analyzer::Analyzer;

    /// (cue, source, content) of every claim in `text`.
    fn claims(text: &str) -> Vec<(&str, Option<&str>, Option<&str>)> {
        Analyzer::default()
            .analyze(text)
            .into_iter()
            .map(|c| {
                (
                    c.cue.of(text),
                    c.source.map(|s| s.of(text)),
                    c.content.map(|s| s.of(text)),
                )
            })
            .collect()
    }

    /// (cue, source) of every claim in `text`.
    fn sources(text: &str) -> Vec<(&str, Option<&str>)> {
        claims(text).into_iter().map(|(c, s, _)| (c, s)).collect()
    }

    #[test]
    fn a_hedge_in_reported_words_is_the_speakers() {
        assert_eq!(
            sources("“It may be rigged,” Smith said."),
            [("may", Some("Smith")), ("said", Some("Smith"))]
        );
        assert_eq!(
            sources("Officials say the plan could fail."),
            [("say", Some("Officials")), ("could", Some("Officials"))]
        );
        // The writer's own hedge stays the writer's, and so does a reporting adverb outside
        // quotation marks.
        assert_eq!(sources("The plan may fail."), [("may", None)]);
        assert_eq!(
            sources("Police said the man allegedly fled."),
            [("said", Some("Police")), ("allegedly", None)]
        );
    }

    #[test]
    fn a_name_ending_the_sentence_after_the_verb_speaks() {
        assert_eq!(
            sources(
                "Burials rose to five days a week, with around 24 burials each day, said \
                 Department of Correction spokesman Jason Kersten."
            ),
            [(
                "said",
                Some("Department of Correction spokesman Jason Kersten")
            )]
        );
    }

    #[test]
    fn a_gerund_after_a_postposed_speaker_is_theirs() {
        assert_eq!(
            sources("“We are done,” Harry said, adding that he was proud."),
            [("said", Some("Harry")), ("adding", Some("Harry"))]
        );
    }

    #[test]
    fn a_progressive_speaks_with_its_own_subject() {
        assert_eq!(
            claims("Trump was saying that the vote is rigged.")[0].1,
            Some("Trump")
        );
        assert_eq!(
            claims("The senator isn't claiming that the bill fails.")[0].1,
            Some("The senator")
        );
        // Not an adjunct of the first clause ("…, saying that…"): "is promising" has a subject.
        let text = "Trump has vowed to bring back mining jobs, and Hillary Clinton is promising \
                    to help mining towns.";
        let found = claims(text);
        assert_eq!(found.last().unwrap().1, Some("Hillary Clinton"));
    }

    #[test]
    fn a_quotation_before_the_speaker_is_the_content() {
        let text = "“We will not back down,” Chamberlain said in a statement on Monday.";
        assert_eq!(
            claims(text),
            [(
                "said",
                Some("Chamberlain"),
                Some("“We will not back down,”")
            )]
        );
    }

    #[test]
    fn a_quotation_goes_on_after_its_speaker_in_the_next_sentence() {
        let text = "“We won,” Trump said then. “They lost badly.” Others disagreed.";
        let found = claims(text);
        assert_eq!(
            found[0].2,
            Some("“We won,” Trump said then. “They lost badly.”")
        );
        // A second quotation with its own speaker is not swallowed.
        let text = "“We won,” Trump said then. “They lost,” Pence added.";
        assert_eq!(claims(text)[0].2, Some("“We won,”"));
    }

    #[test]
    fn an_apposition_before_the_verb_is_not_a_postposed_speaker() {
        let text = "For now, Pantucci, at the institute, said China and Russia have a truce.";
        let found = claims(text);
        assert_eq!(found[0].2, Some("China and Russia have a truce"));
    }

    #[test]
    fn tentative_views_without_a_holder_are_hedges() {
        use crate::claim::ClaimKind;
        let kinds = |text: &str| -> Vec<ClaimKind> {
            Analyzer::default()
                .analyze(text)
                .iter()
                .map(|c| c.kind)
                .collect()
        };
        assert_eq!(
            kinds("It has been suggested that the bank was once dry land."),
            [ClaimKind::Hedged]
        );
        // A vague holder is still a holder (CLAIMS.md): unsourced, with the belief's stance.
        assert_eq!(
            kinds("Some believe that the networks aid terrorism."),
            [ClaimKind::Unsourced]
        );
        assert_eq!(
            Analyzer::default().analyze("Analysts expect that rates will rise.")[0].stance,
            crate::claim::Stance::Hedge
        );
        assert_eq!(
            kinds("Ada Fisher believed Trump would do well."),
            [ClaimKind::Attributed]
        );
        assert_eq!(
            kinds("Trump suggested that the election was rigged."),
            [ClaimKind::Attributed]
        );
        // "It is claimed" stays an unsourced attribution: claiming is asserting.
        assert_eq!(
            kinds("It is claimed that the spies were caught."),
            [ClaimKind::Unsourced]
        );
    }

    #[test]
    fn a_subject_with_an_apposition_speaks_before_the_verb() {
        let found = claims("Phil Lovas, the state's chairman, said he cannot comment on it.");
        assert_eq!(
            found[0],
            (
                "said",
                Some("Phil Lovas, the state's chairman"),
                Some("he cannot comment on it")
            )
        );
        let found =
            claims("Trump, speaking to veterans in Virginia, said he would order a review.");
        assert_eq!(found[0].1, Some("Trump, speaking to veterans in Virginia"));
        let found = claims("Smith, a writer for The Atlantic, said on Twitter that it was over.");
        assert_eq!(found[0].1, Some("Smith, a writer for The Atlantic"));
        // An opening phrase is not a name.
        let found = claims("On Tuesday, the minister said it was over.");
        assert_eq!(found[0].1, Some("the minister"));
        // A clause before the comma: the speaker follows the verb.
        let found = claims("The economy is growing, said the minister.");
        assert_eq!(found[0].1, Some("the minister"));
    }

    #[test]
    fn a_dash_after_a_quotation_names_its_speaker() {
        let text = "“He represents our greatest shame.” ― Sonya Herridge\n“Next one.”";
        assert_eq!(
            claims(text),
            [(
                "―",
                Some("Sonya Herridge"),
                Some("“He represents our greatest shame.”")
            )]
        );
        // A dash inside a sentence is punctuation.
        assert!(claims("The plan — Smith's idea — failed.").is_empty());
    }

    #[test]
    fn a_later_verb_of_saying_ends_the_content_before_it() {
        let text = "Boreing said the members will still meet, but said they will change.";
        let found = claims(text);
        assert_eq!(found[0].2, Some("the members will still meet"));
        let text = "A strategist said Clinton must choose, saying “She has to.”";
        assert_eq!(claims(text)[0].2, Some("Clinton must choose"));
        // Speech quoted inside the content stays in it.
        let text = "He said “they told us, and said no” to the plan.";
        assert_eq!(claims(text)[0].2, Some("“they told us, and said no”"));
    }

    #[test]
    fn a_quotation_goes_on_after_a_bare_speaker() {
        let text = "“Not this time,” Mr. Rhodes said. “The basis was a two-state solution.”";
        assert_eq!(claims(text)[0].2, Some(text));
    }
}
