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

pub mod antecedents;
pub mod quotes;
pub mod specificity;

use crate::claim::{Claim, ClaimKind};
use crate::cues::tokens::{Kind, Tokens};
use crate::cues::{Cue, VENUE_MEDIA, Voice, Window, is_auxiliary, looks_like_verb, possessive_len};
use crate::lexicon::tables::{
    ANONYMOUS_SOURCES, BE_FORMS, COMPLEMENTIZERS, DETERMINERS, TENTATIVE,
};
use crate::lexicon::words::Words;
use crate::lexicon::{Form, Role};
use crate::span::Span;

/// How many tokens a source may have.
const SOURCE_TOKENS: usize = 30;
/// How far, in bytes, a quotation may start after a cue and still be its content.
const QUOTE_REACH: usize = 4;

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
}

/// Where the clause before a verb at token `first` ends, when a comma, "and" or "but" joins the
/// verb to it: "…, saying", "… but said", "…, and added".
fn joined_at(ctx: &Context, first: usize) -> Option<usize> {
    let t = ctx.tokens;
    let lo = ctx.sentence.lo;
    let mut i = first;
    let mut joined = false;
    while i > lo && first - i < 3 {
        let j = i - 1;
        if t.is_punct(j, ',') || t.word_in(j, &["and", "but"]) {
            joined = true;
            i = j;
        } else {
            break;
        }
    }
    (joined && i > lo).then(|| t.list[i - 1].end)
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

/// A verb of saying or believing: who, in which voice, and what.
fn verb_claim(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
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
        // "Ada Fisher believes Trump will do well": a named holder's present view is reported as
        // theirs (news style); a past or bare belief ("many believed", "scholars think") stays
        // the hedge it is in encyclopaedic text.
        Voice::Active
            if belief
                && !t.word_in(cue.last + 1, &["that"])
                && !(cue.entry.form == Form::Third && named_holder(ctx, cue)) =>
        {
            return (ClaimKind::Hedged, None, content_after(ctx, cue.last + 1));
        }
        Voice::FirstPerson | Voice::Active => {}
    }
    let before = skip_back(ctx, cue.first);
    let after = cue.last + 1;
    let s = ctx.sentence;
    let follows_break = before > s.lo
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
    let source = if adjunct || before > s.lo && t.word_in(before - 1, &["and", "but"]) {
        // "…, saying that…", "… and said that…": the subject of the main clause speaks.
        main_subject(ctx)
    } else {
        clause_subject(ctx, before)
    };
    let kind = if source.is_some() {
        match attributed(ctx, source) {
            ClaimKind::Unsourced if tentative => ClaimKind::Hedged,
            kind => kind,
        }
    } else if tentative {
        ClaimKind::Hedged
    } else {
        ClaimKind::Unsourced
    };
    // Nothing after the verb ("…, the source added."): the content is what came before.
    // Or only a short phrase: "…, the correspondent reported at the time."
    let subject_after_comma = source.is_some_and(|src| {
        let i = t.index_at(src.start);
        i > s.lo && t.is_punct(i - 1, ',')
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

/// Whether the subject right before a belief verb names someone: "Fisher believes", "he thinks".
fn named_holder(ctx: &Context, cue: &Cue) -> bool {
    let before = skip_back(ctx, cue.first);
    clause_subject(ctx, before).is_some_and(|src| !is_anonymous(ctx, src))
}

/// Whether the speaker follows a verb whose group starts at token `before`, right after a comma
/// or a quote: "“…,” said the minister", "The economy grew, said Smith, who…" — and not
/// "Phil Lovas, the state's chairman, said he…" or "Smith, a writer, said on Twitter".
fn postposed(ctx: &Context, before: usize, after: usize) -> bool {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let quote_before = t.is_quote(before - 1)
        || before - 1 > s.lo && t.is_punct(before - 1, ',') && t.is_quote(before - 2);
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
    // What comes before the comma is a clause (it has a verb), not an apposition of a subject
    // ("Lovas, the chairman,") nor a relative clause about one ("…, which represents teachers,").
    let mut start = before - 1;
    while start > s.lo && !t.is_punct(start - 1, ',') && !t.is_quote(start - 1) {
        start -= 1;
    }
    let relative = t.word_in(start, &["who", "which", "whose", "whom"]);
    let clause = (start..before - 1).any(|i| t.is_word(i) && looks_like_verb(t.str(i)));
    ends && !relative && clause
}

/// Words that start no speaker after a verb: "said on Twitter", "said he", "said Friday".
static NOT_A_SPEAKER: Words = Words::new(&[
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
fn adjunct_gerund(ctx: &Context, before: usize) -> bool {
    let t = ctx.tokens;
    let lo = ctx.sentence.lo.max(before.saturating_sub(4));
    if before > ctx.sentence.lo
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
fn clause_follows(ctx: &Context, i: usize) -> bool {
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
fn opens_complement(ctx: &Context, i: usize) -> bool {
    let t = ctx.tokens;
    i < ctx.sentence.hi
        && (t.word_in(i, &["that"])
            || t.is_punct(i, ':')
            || matches!(t.list[i].kind, Kind::Open | Kind::Either))
}

/// Whether a quotation closes right before token `i`, with only a comma or dash between.
fn quote_ends_at(ctx: &Context, i: usize) -> bool {
    let t = ctx.tokens;
    if i <= ctx.sentence.lo || i >= t.len() {
        return false;
    }
    let anchor = t.list[i].start;
    quotes::ending_before(ctx.quotes, anchor).is_some_and(|q| {
        q.end >= t.list[ctx.sentence.lo].start
            && t.text[q.end..anchor]
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–'))
    })
}

/// "according to X, …" / "…, according to X": the source follows the cue; the content is the
/// rest of the sentence on the other side.
fn source_after(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
    let t = ctx.tokens;
    let source = phrase_after(ctx, cue.last + 1);
    let before = skip_back(ctx, cue.first);
    let at_start =
        before == ctx.sentence.lo || t.is_quote(before - 1) && before - 1 == ctx.sentence.lo;
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
fn venue_claim(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
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
    let at_start = cue.first == s.lo;
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
        content_after(ctx, s.lo)
    } else {
        content_before(ctx, cue.first, cue.first)
    };
    (ClaimKind::Attributed, source, content)
}

/// "the claim that…", "Trump's allegations", "allegations by the army", "in a statement".
fn noun_claim(ctx: &Context, cue: &Cue) -> (ClaimKind, Option<Span>, Option<Span>) {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let after = cue.last + 1;
    let source =
        if cue.first > s.lo && t.is_word(cue.first - 1) && is_possessive(t.str(cue.first - 1)) {
            Some(t.list[cue.first - 1].span())
        } else if t.word_in(after, &["by", "from"]) {
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

fn is_possessive(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    possessive_len(&lower) > 0
        || ["his", "her", "their", "its", "our", "my", "your"].contains(&lower.as_str())
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

/// The first token of the verb group ending at `first`: skips "has also", "had repeatedly", "was
/// saying", "are increasingly worried", "didn't".
fn skip_back(ctx: &Context, first: usize) -> usize {
    let t = ctx.tokens;
    let mut i = first;
    let lo = ctx.sentence.lo;
    while i > lo && first - i < 4 && is_auxiliary(t, i - 1) && !t.word_in(i - 1, &["who"]) {
        i -= 1;
    }
    i
}

/// Words that end a subject when walking back from its verb.
static CLAUSE_OPENERS: Words = Words::new(&[
    "that", "but", "and", "because", "while", "when", "as", "after", "before", "if", "since",
    "although", "though", "where", "so", "than", "whether", "until", "unless", "or",
]);

/// The subject of a verb whose group starts at token `end`: back to a clause boundary, past
/// appositions ("Matt Bennett, a founder of Third Way, said") and relative pronouns
/// ("Trump, who…, said").
fn clause_subject(ctx: &Context, end: usize) -> Option<Span> {
    let t = ctx.tokens;
    let lo = ctx.sentence.lo.max(end.saturating_sub(SOURCE_TOKENS));
    let mut start = end;
    let mut i = end;
    while i > lo {
        let j = i - 1;
        let token = t.list[j];
        if token.kind == Kind::Word {
            if t.word_in(j, &["who", "which"]) && start == end {
                // The relative pronoun stands for the phrase before its comma.
                i = j;
                if i > lo && t.is_punct(i - 1, ',') {
                    i -= 1;
                }
                continue;
            }
            if t.word_in(j, &CLAUSE_OPENERS) {
                break;
            }
            start = j;
            i = j;
            continue;
        }
        if t.is_punct(j, ',') && start == end {
            // A comma right before the verb closes an apposition: keep walking.
            i = j;
            continue;
        }
        if t.is_punct(j, '.') && j > lo && is_abbreviation(t.str(j - 1)) {
            i = j;
            continue;
        }
        if matches!(t.str(j), "(" | ")" | "-" | "–" | "&") {
            i = j;
            continue;
        }
        break;
    }
    if start < end {
        start = named_before_apposition(ctx, start).unwrap_or(start);
    }
    // "Phil Lovas, said": the comma closing an apposition is not part of the name.
    let mut last = end;
    while last > start && t.is_punct(last - 1, ',') {
        last -= 1;
    }
    (start < last).then(|| t.span(start, last - 1))
}

/// The name that opens the sentence before an apposition starting at token `start`: "Phil
/// Lovas, the state's chairman, said", "Trump, speaking to veterans, said", "Scott Pruitt, the
/// attorney general of Oklahoma, one of the states suing, said". Not "On Tuesday, the minister".
fn named_before_apposition(ctx: &Context, start: usize) -> Option<usize> {
    let t = ctx.tokens;
    let lo = ctx.sentence.lo;
    if t.is_capitalised(start) && !t.word_in(start, &DETERMINERS) {
        return None; // the phrase is a name itself
    }
    let mut comma = start.checked_sub(1)?;
    for _ in 0..2 {
        if comma <= lo || !t.is_punct(comma, ',') {
            return None;
        }
        // The segment before the comma, back to the sentence start or another comma.
        let mut first = comma;
        while first > lo && !t.is_punct(first - 1, ',') && comma - first < 8 {
            first -= 1;
        }
        let at_start = first == lo || t.is_quote(first - 1) && first - 1 == lo;
        let words_only = (first..comma).all(|i| {
            t.is_word(i) && !looks_like_verb(t.str(i))
                || t.is_punct(i, '.') && i > first && is_abbreviation(t.str(i - 1))
        });
        if !words_only || first == comma {
            return None;
        }
        if at_start {
            let name = t.is_capitalised(first) && !t.word_in(first, &INTRO_WORDS);
            return name.then_some(first);
        }
        comma = first - 1;
    }
    None
}

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 4 && word.chars().next().is_some_and(char::is_uppercase)
}

/// The subject of the sentence's main clause, for "…, saying that" and "… and said".
fn main_subject(ctx: &Context) -> Option<Span> {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let mut i = s.lo;
    while i < s.hi && !t.is_word(i) {
        i += 1;
    }
    // Skip an opening phrase ("On Tuesday, …") when its comma comes early.
    let intro_end = (i..s.hi.min(i + 8)).find(|&j| t.is_punct(j, ','));
    if let Some(comma) = intro_end
        && (t.word_in(i, &INTRO_WORDS) || !t.is_capitalised(i))
    {
        i = comma + 1;
    }
    let start = i;
    let limit = s.hi.min(start + 10);
    let mut end = start;
    while end < limit {
        let word = t.is_word(end);
        let abbreviation_dot =
            t.is_punct(end, '.') && end > start && is_abbreviation(t.str(end - 1));
        if !(word || abbreviation_dot) || (end > start && word && looks_like_verb(t.str(end))) {
            break;
        }
        end += 1;
    }
    (end > start).then(|| t.span(start, end - 1))
}

/// Words that open an introductory phrase rather than a subject.
static INTRO_WORDS: Words = Words::new(&[
    "on",
    "in",
    "at",
    "after",
    "before",
    "earlier",
    "later",
    "meanwhile",
    "however",
    "but",
    "and",
    "also",
    "still",
    "yet",
    "then",
    "during",
    "since",
    "by",
    "for",
    "last",
    "this",
    "speaking",
    "asked",
    "separately",
    "instead",
    "now",
    "today",
    "yesterday",
    "overall",
    "previously",
]);

/// The noun phrase starting at token `i`: up to a punctuation mark, a quote or a clause opener.
fn phrase_after(ctx: &Context, i: usize) -> Option<Span> {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let limit = s.hi.min(i + 16);
    let mut end = i;
    while end < limit {
        let word = t.is_word(end);
        let dot_in_name =
            t.is_punct(end, '.') && end > i && is_abbreviation(t.str(end - 1)) && end + 1 < s.hi;
        let joiner = matches!(t.str(end), "(" | ")" | "&" | "-" | "/");
        if !(word || dot_in_name || joiner)
            || (word && t.word_in(end, &["that", "who", "which", "on", "in"]) && end > i)
        {
            break;
        }
        end += 1;
    }
    while end > i && !t.is_word(end - 1) {
        end -= 1;
    }
    (end > i).then(|| t.span(i, end - 1))
}

/// Where the content of a verb starts: after the cue, past an addressee ("told reporters that")
/// and the colon or comma that opens a quotation.
fn object_end(ctx: &Context, cue: &Cue, after: usize) -> usize {
    let t = ctx.tokens;
    let mut i = after;
    const ADDRESSEE_VERBS: &[&str] = &["tell", "ask", "assure", "warn", "urge", "remind"];
    if cue
        .entry
        .lemma
        .is_some_and(|l| ADDRESSEE_VERBS.contains(&l))
    {
        // Skip a short object up to "that" or a quotation: "told reporters on Monday that".
        let limit = ctx.sentence.hi.min(after + 6);
        if let Some(that) = (after..limit).find(|&j| t.word_in(j, &["that"]) || t.is_quote(j)) {
            i = that;
        } else if t.word_in(
            after,
            &["me", "him", "her", "us", "them", "you", "reporters"],
        ) {
            i = after + 1;
        }
    }
    while i < ctx.sentence.hi && (t.is_punct(i, ':') || t.is_punct(i, ',')) {
        i += 1;
    }
    i
}

/// The content after token `i`: to the end of the sentence, or of a quotation that opens there
/// and runs on past the sentence. When the sentence ends right there (a colon), the text that
/// follows.
fn content_after(ctx: &Context, i: usize) -> Option<Span> {
    let t = ctx.tokens;
    let s = ctx.sentence;
    if i >= s.hi || (t.is_punct(i, '.') && i + 1 >= s.hi) {
        let ends_in_colon = s.hi > s.lo && t.is_punct(s.hi - 1, ':');
        return ends_in_colon.then_some(ctx.following).flatten();
    }
    let start = t.list[i].start;
    let mut end = trim_end(ctx, s.hi);
    if let Some(q) = quotes::starting_near(ctx.quotes, start, QUOTE_REACH)
        && (q.start == start || q.end > s.span.end)
    {
        // A quotation opening the content ends it, unless it runs on past the sentence.
        end = if q.start == start && q.end <= s.span.end {
            q.end
        } else {
            end.max(q.end)
        };
    }
    (start < end).then(|| Span::new(start, end))
}

/// The content before a verb whose subject starts at token `subject`: the quotation just before
/// it (and one just after the cue: “A,” he said, “B.”), else the clause from the sentence start.
fn content_before(ctx: &Context, cue_first: usize, subject: usize) -> Option<Span> {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let anchor = t.list[subject.min(t.len() - 1)].start;
    if let Some(q) = quotes::ending_before(ctx.quotes, anchor) {
        let between = &t.text[q.end.min(anchor)..anchor];
        if between
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–'))
        {
            let mut end = q.end;
            // “A,” he said, “B.”: the second half belongs to the same claim.
            let after_cue = t.list[cue_first].end;
            if let Some(next) = continued_quotation(ctx, q, after_cue) {
                end = next.end;
            }
            return Some(Span::new(q.start, end));
        }
    }
    // The clause from the start of the sentence (or of the quotation the sentence is part of) to
    // the comma before the subject.
    let mut end_token = subject;
    while end_token > s.lo && !t.is_word(end_token - 1) {
        end_token -= 1;
    }
    if end_token <= s.lo {
        return None;
    }
    let end = t.list[end_token - 1].end;
    let start = match quotes::containing(ctx.quotes, s.span.start) {
        Some(q) if q.start < s.span.start => q.start,
        _ => t.list[s.lo].start,
    };
    (start < end).then(|| Span::new(start, end))
}

/// The quotation that goes on with the words of quotation `q` after the cue ending at byte
/// `after_cue`: “A,” he said, “B.” — or, across a sentence end, “A,” Trump said in a statement.
/// “B.” when “B.” is not itself attributed to someone (it does not end in a comma).
fn continued_quotation(ctx: &Context, q: Span, after_cue: usize) -> Option<Span> {
    let text = ctx.tokens.text;
    let next = quotes::starting_near(ctx.quotes, after_cue, 80)?;
    let between = &text[after_cue..next.start];
    let plain = between
        .chars()
        .all(|c| c.is_whitespace() || c == ',' || c.is_alphanumeric());
    if plain && between.len() < 30 {
        return Some(next);
    }
    // Only a quotation that ends with a comma expects its speaker and then more of the same.
    let ends_with_comma = |span: Span| {
        text[span.start..span.end]
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
            .ends_with(',')
    };
    let one_sentence_end = between.trim_end().ends_with('.')
        && between.matches(['.', '!', '?']).count() == 1
        && !between.contains(['"', '“', '”', '\n']);
    (one_sentence_end
        && ends_with_comma(q)
        && !ends_with_comma(next)
        && next.start >= ctx.sentence.span.end)
        .then_some(next)
}

/// The end offset of the sentence without its final full stop.
fn trim_end(ctx: &Context, hi: usize) -> usize {
    let t = ctx.tokens;
    let mut j = hi;
    while j > ctx.sentence.lo && (t.is_punct(j - 1, '.') || t.is_punct(j - 1, ',')) {
        j -= 1;
    }
    if j == ctx.sentence.lo {
        return t.list[hi - 1].end;
    }
    t.list[j - 1].end
}

/// What a hedge hedges: the noun phrase after an adjective ("alleged spies"), else the sentence.
fn hedge_content(ctx: &Context, cue: &Cue) -> Option<Span> {
    let t = ctx.tokens;
    let adjective = t.word_in(
        cue.first,
        &[
            "alleged",
            "so-called",
            "purported",
            "putative",
            "unconfirmed",
            "unverified",
        ],
    );
    if adjective && t.is_word(cue.last + 1) {
        let limit = ctx.sentence.hi.min(cue.last + 5);
        let mut end = cue.last + 1;
        while end + 1 < limit
            && t.is_word(end + 1)
            && !looks_like_verb(t.str(end + 1))
            && !t.word_in(
                end + 1,
                &[
                    "of", "in", "to", "on", "at", "by", "for", "and", "that", "was", "were", "is",
                    "are", "with",
                ],
            )
        {
            end += 1;
        }
        return Some(t.span(cue.last + 1, end));
    }
    let s = ctx.sentence;
    Some(Span::new(t.list[s.lo].start, trim_end(ctx, s.hi)))
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
    fn tentative_views_without_a_named_holder_are_hedges() {
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
        assert_eq!(
            kinds("Some believe that the networks aid terrorism."),
            [ClaimKind::Hedged]
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
