//! Claim builders by role: for a cue of each role, the claim's kind and where to look for its
//! source and content — a verb of saying ([`verb_claim`]), "according to" ([`source_after`]), a
//! venue ("in an interview", [`venue_claim`]) and a noun of saying ("the claim that",
//! [`noun_claim`]). Where the spans begin and end is [`super::spans`]' job.
//!
//! # Invariants
//! A builder reads a bounded number of tokens around its cue (at most [`super::spans`]'
//! windows), so a claim costs O(1) tokens whatever the length of its sentence.

use crate::block::quotes;
use crate::block::tokens::Kind;
use crate::claim::ClaimKind;
use crate::cues::{Cue, VENUE_MEDIA, Voice};
use crate::grammar::{is_possessive, looks_like_verb, possessive_len};
use crate::lexicon::tables::{
    AGENT_PREPOSITIONS, BE_FORMS, COMPLEMENTIZERS, FRAGMENT_STARTS, JOINING_CONJUNCTIONS,
    RELATIVE_PRONOUNS, TENTATIVE,
};
use crate::lexicon::words::Words;
use crate::lexicon::{Form, Role};
use crate::span::Span;

use super::spans::*;
use super::{Context, attributed};

/// A verb of saying or believing: who, in which voice, and what.
pub(super) fn verb_claim(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
    let t = ctx.tokens;
    let belief = cue.role() == Role::Belief;
    // A tentative verb ("suggest") with no one behind it ("it has been suggested", "some
    // suggest") is the writer's hedge, as a belief is.
    let tentative = belief || cue.entry.lemma.is_some_and(|l| TENTATIVE.contains(&l));
    let unsourced = if tentative {
        ClaimKind::Hedged
    } else {
        ClaimKind::Unsourced
    };
    match cue.voice {
        Voice::Impersonal => return (unsourced, None, content_after(ctx, cue.last + 1)),
        Voice::Passive => {
            // "was denied by the army": the agent is the source.
            let by = cue.last + 1;
            if t.word_in(by, &["by"]) {
                let source = phrase_after(ctx, by + 1);
                if source.is_some() {
                    let content = content_before(ctx, cue.first, cue.first);
                    return (ClaimKind::Attributed, source, content);
                }
            }
            return (unsourced, None, content_after(ctx, cue.last + 1));
        }
        // "I think", and a belief without "that" ("many believe he won"): a hedge, not a report.
        Voice::FirstPerson if belief => {
            return (ClaimKind::Hedged, None, content_after(ctx, cue.last + 1));
        }
        // A belief with no holder to be found stays the writer's hedge. With one ("Ada Fisher
        // believes Trump will do well", "analysts expect rates to rise") the view is reported as
        // the holder's: attributed (or unsourced for an anonymous holder), stance hedge —
        // CLAIMS.md's "belief and expectation with a holder".
        Voice::Active
            if belief
                && !t.word_in(cue.last + 1, &["that"])
                && clause_subject(ctx, skip_back(ctx, cue.first)).is_none() =>
        {
            return (ClaimKind::Hedged, None, content_after(ctx, cue.last + 1));
        }
        Voice::FirstPerson | Voice::Active => {}
    }
    let before = skip_back(ctx, cue.first);
    let after = cue.last + 1;
    let s = ctx.sentence;
    let follows_break = before > 0
        && (t.is_punct(before - 1, ',')
            || matches!(t.list[before - 1].kind, Kind::Close | Kind::Either));
    // "“…,” said the minister, who…": the source follows the verb — unless what follows is a
    // clause ("Pantucci, at the institute, said China and Russia have…"): then it is the content.
    if follows_break
        && cue.entry.form != Form::Gerund
        && after < s.hi
        && t.is_word(after)
        && !t.word_in(after, &COMPLEMENTIZERS)
        && !clause_follows(ctx, after)
        && postposed(ctx, before, after)
    {
        let source = phrase_after(ctx, after);
        let content = content_before(ctx, cue.first, before);
        return (attributed(ctx, source), source, content);
    }
    // "is promising", "was saying": a progressive has its own subject; only a bare gerund
    // ("…, saying that…") can be an adjunct of the main clause.
    let progressive = (before..cue.first).any(|i| t.word_in(i, &BE_FORMS));
    let adjunct = cue.entry.form == Form::Gerund
        && !progressive
        && (follows_break || adjunct_gerund(ctx, before));
    let source = if adjunct || before > 0 && t.word_in(before - 1, &JOINING_CONJUNCTIONS) {
        // "…, saying that…", "… and said that…": the subject of the main clause speaks.
        main_subject(ctx)
    } else {
        clause_subject(ctx, before)
    };
    // CLAIMS.md: a source is a noun phrase; one that opens with a preposition or a conjunction
    // ("with around 24 burials each day") is a fragment, dropped rather than shown.
    let source = source.filter(|src| {
        let i = t.index_at(src.start);
        !(t.word_in(i, &FRAGMENT_STARTS) && t.str(i).starts_with(|c: char| c.is_ascii_lowercase()))
    });
    let kind = if source.is_some() {
        attributed(ctx, source)
    } else if tentative {
        ClaimKind::Hedged
    } else {
        ClaimKind::Unsourced
    };
    // Nothing after the verb ("…, the source added."): the content is what came before.
    // Or only a short phrase: "…, the correspondent reported at the time."
    let subject_after_comma = source.is_some_and(|src| {
        let i = t.index_at(src.start);
        i > 0 && t.is_punct(i - 1, ',')
    });
    let short_tail = subject_after_comma
        && s.hi - after <= 6
        && (after..s.hi).all(|i| {
            t.is_word(i) && !t.word_in(i, &COMPLEMENTIZERS) || t.is_punct(i, '.') && i + 1 == s.hi
        });
    let ends_here = after >= s.hi || (t.is_punct(after, '.') && after + 1 >= s.hi) || short_tail;
    let subject_start = source.map_or(cue.first, |src| t.index_at(src.start).min(cue.first));
    // "“…,” Trump said in a statement on Monday.": what follows the verb is circumstance; the
    // quotation before the subject is what was said, unless a complement opens right after.
    let quoted_before = !opens_complement(ctx, after) && quote_ends_at(ctx, subject_start);
    let content = if ends_here || quoted_before {
        content_before(ctx, cue.first, subject_start)
    } else {
        content_after(ctx, object_end(ctx, cue, after))
    };
    (kind, source, content)
}

/// Whether the speaker follows a verb whose group starts at token `before`, right after a comma
/// or a quote: "“…,” said the minister", "The economy grew, said Smith, who…" — and not
/// "Phil Lovas, the state's chairman, said he…" or "Smith, a writer, said on Twitter".
pub(super) fn postposed(ctx: &Context, before: usize, after: usize) -> bool {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let quote_before = t.is_quote(before - 1)
        || before > 1 && t.is_punct(before - 1, ',') && t.is_quote(before - 2);
    if quote_before {
        return true;
    }
    if t.word_in(after, &NOT_A_SPEAKER) {
        return false;
    }
    // The speaker's phrase ends the sentence or its clause.
    let Some(phrase) = phrase_after(ctx, after) else {
        return false;
    };
    let next = t.index_at(phrase.end);
    let ends = next >= s.hi
        || t.list[next].kind != Kind::Word
        || t.word_in(next, &["who", "which", "in", "on", "at"]);
    // "…, with around 24 burials each day, said Department of Correction spokesman Jason
    // Kersten.": a capitalised name after the verb that ends the sentence is its speaker.
    if t.is_capitalised(after) && (next >= s.hi || t.is_punct(next, '.')) {
        return true;
    }
    // What comes before the comma is a clause (it has a verb), not an apposition of a subject
    // ("Lovas, the chairman,") nor a relative clause about one ("…, which represents teachers,").
    let mut start = before - 1;
    while start > 0 && !t.is_punct(start - 1, ',') && !t.is_quote(start - 1) {
        start -= 1;
    }
    let relative = t.word_in(start, &RELATIVE_PRONOUNS);
    let clause = (start..before - 1).any(|i| t.is_word(i) && looks_like_verb(t.str(i)));
    ends && !relative && clause
}

/// Words that start no speaker after a verb: "said on Twitter", "said he", "said Friday".
pub(super) static NOT_A_SPEAKER: Words = Words::new(&[
    "of",
    "on",
    "in",
    "at",
    "to",
    "for",
    "with",
    "about",
    "after",
    "before",
    "during",
    "from",
    "he",
    "she",
    "they",
    "we",
    "i",
    "it",
    "you",
    "there",
    "this",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "earlier",
    "later",
    "recently",
    "then",
]);

/// Whether a gerund whose group starts at token `before` opens an adjunct of the main clause:
/// "…, this time accusing its foe", "after saying", "while claiming", "by insisting".
pub(super) fn adjunct_gerund(ctx: &Context, before: usize) -> bool {
    let t = ctx.tokens;
    let lo = before.saturating_sub(4);
    if before > 0
        && t.word_in(
            before - 1,
            &[
                "after", "before", "while", "when", "by", "without", "since", "in",
            ],
        )
    {
        return true;
    }
    // A short phrase between a comma and the gerund, with no verb in it.
    (lo..before)
        .rev()
        .take_while(|&i| t.is_word(i) || t.is_punct(i, ','))
        .find(|&i| t.is_punct(i, ','))
        .is_some_and(|comma| {
            (comma + 1..before)
                .all(|i| t.is_word(i) && !looks_like_verb(t.str(i)) && !t.word_in(i, &["who"]))
        })
}

/// Whether the words from token `i` on make a clause with its own verb ("China and Russia have
/// established…"), not a noun phrase ("the minister, who…").
pub(super) fn clause_follows(ctx: &Context, i: usize) -> bool {
    let t = ctx.tokens;
    let limit = ctx.sentence.hi.min(i + 8);
    (i..limit)
        .take_while(|&j| {
            t.is_word(j) || t.is_punct(j, '.') && j > i && is_abbreviation(t.str(j - 1))
        })
        .skip(1)
        .any(|j| t.is_word(j) && looks_like_verb(t.str(j)))
}

/// Whether a complement opens at token `i`: "that", a colon or a quotation.
pub(super) fn opens_complement(ctx: &Context, i: usize) -> bool {
    let t = ctx.tokens;
    i < ctx.sentence.hi
        && (t.word_in(i, &["that"])
            || t.is_punct(i, ':')
            || matches!(t.list[i].kind, Kind::Open | Kind::Either))
}

/// Whether a quotation closes right before token `i`, with only a comma or dash between.
pub(super) fn quote_ends_at(ctx: &Context, i: usize) -> bool {
    let t = ctx.tokens;
    if i == 0 || i >= t.len() {
        return false;
    }
    let anchor = t.list[i].start;
    quotes::ending_before(ctx.quotes, anchor).is_some_and(|q| {
        q.end >= t.list[0].start
            && t.text[q.end..anchor]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–'))
    })
}

/// "according to X, …" / "…, according to X": the source follows the cue; the content is the
/// rest of the sentence on the other side.
pub(super) fn source_after(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
    let t = ctx.tokens;
    let source = phrase_after(ctx, cue.last + 1);
    let before = skip_back(ctx, cue.first);
    let at_start = before == 0 || before == 1 && t.is_quote(0);
    let content = if at_start {
        // Content after the comma that ends the source phrase.
        let i = t.index_at(source.map_or(cue.span.end, |s| s.end));
        let limit = ctx.sentence.hi.min(i + 12);
        let i = (i..limit)
            .find(|&j| t.is_punct(j, ','))
            .map_or(i, |comma| comma + 1);
        content_after(ctx, i)
    } else {
        content_before(ctx, cue.first, cue.first)
    };
    (attributed(ctx, source), source, content)
}

/// "In a CNN poll, Trump leads" / "Trump leads in the polls": the medium is the source; "in
/// Bolton's view, …": the person whose view it is.
pub(super) fn venue_claim(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
    let t = ctx.tokens;
    let source = if t.word_in(cue.last, &VENUE_MEDIA) {
        // "In a new CNN poll": the poll is the source.
        (cue.first < cue.last).then(|| t.span(cue.first + 1, cue.last))
    } else {
        // "in Professor Knittel's view": whose view, without the "'s".
        let owner = t.list[cue.last - 1];
        let end = owner.end - possessive_len(t.str(cue.last - 1));
        Some(Span::new(t.list[cue.first + 1].start, end))
    };
    let s = ctx.sentence;
    let at_start = cue.first == 0;
    // "The cure, in Knittel's view, would be…": set off by commas mid-sentence, the venue frames
    // the whole sentence.
    let parenthetical = !at_start
        && t.is_punct(cue.first - 1, ',')
        && t.is_punct(cue.last + 1, ',')
        && cue.last + 2 < s.hi
        && t.is_word(cue.last + 2);
    let content = if at_start {
        let limit = s.hi.min(cue.last + 12);
        let comma = (cue.last + 1..limit).find(|&i| t.is_punct(i, ','));
        content_after(ctx, comma.map_or(cue.last + 1, |c| c + 1))
    } else if parenthetical {
        content_after(ctx, 0)
    } else {
        content_before(ctx, cue.first, cue.first)
    };
    (ClaimKind::Attributed, source, content)
}

/// "the claim that…", "Trump's allegations", "allegations by the army", "in a statement".
pub(super) fn noun_claim(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let after = cue.last + 1;
    let source = if cue.first > 0 && t.is_word(cue.first - 1) && is_possessive(t.str(cue.first - 1))
    {
        Some(t.list[cue.first - 1].span())
    } else if t.word_in(after, &AGENT_PREPOSITIONS) {
        phrase_after(ctx, after + 1)
    } else if t.word_in(cue.first, &["in"]) {
        // "In a statement, the ministry…": the subject after the comma.
        let i = (after..s.hi.min(after + 12)).find(|&i| t.is_punct(i, ','));
        i.and_then(|i| phrase_after(ctx, i + 1))
    } else {
        None
    };
    let that = (after..s.hi.min(after + 6)).find(|&i| t.word_in(i, &["that"]));
    let content = match that {
        Some(i) => content_after(ctx, i),
        None if t.word_in(cue.first, &["in"]) => content_after(ctx, after),
        None => None,
    };
    (attributed(ctx, source), source, content)
}
