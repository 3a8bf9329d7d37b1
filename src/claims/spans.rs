//! Span finders: where a claim's source and content begin and end — the subject of a verb back to
//! its clause boundary, the phrase after "by", the content after a verb up to the next verb of
//! saying, a quotation before or after the cue, a hedge's sentence.
//!
//! # Invariants
//! Every finder walks a bounded window of tokens: a source at most [`SOURCE_TOKENS`] back, a
//! quotation at most [`QUOTE_REACH`] bytes away (found by binary search in the block's sorted
//! quotations), so a claim costs the same in a short sentence and in a five-megabyte one.

use crate::block::quotes;
use crate::block::tokens::Kind;
use crate::cues::Cue;
use crate::grammar::{is_auxiliary, looks_like_verb};
use crate::lexicon::tables::DETERMINERS;
use crate::lexicon::words::Words;
use crate::span::Span;

use super::Context;

/// How many tokens a source may have.
pub(super) const SOURCE_TOKENS: usize = 30;

/// How far, in bytes, a quotation may start after a cue and still be its content.
pub(super) const QUOTE_REACH: usize = 4;

/// The first token of the verb group ending at `first`: skips "has also", "had repeatedly", "was
/// saying", "are increasingly worried", "didn't".
pub(super) fn skip_back(ctx: &Context, first: usize) -> usize {
    let t = ctx.tokens;
    let mut i = first;
    while i > 0 && first - i < 4 && is_auxiliary(t, i - 1) && !t.word_in(i - 1, &["who"]) {
        i -= 1;
    }
    i
}

/// Words that end a subject when walking back from its verb.
pub(super) static CLAUSE_OPENERS: Words = Words::new(&[
    "that", "but", "and", "because", "while", "when", "as", "after", "before", "if", "since",
    "although", "though", "where", "so", "than", "whether", "until", "unless", "or",
]);

/// The subject of a verb whose group starts at token `end`: back to a clause boundary, past
/// appositions ("Matt Bennett, a founder of Third Way, said") and relative pronouns
/// ("Trump, who…, said").
pub(super) fn clause_subject(ctx: &Context, end: usize) -> Option<Span> {
    let t = ctx.tokens;
    let lo = end.saturating_sub(SOURCE_TOKENS);
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
pub(super) fn named_before_apposition(ctx: &Context, start: usize) -> Option<usize> {
    let t = ctx.tokens;
    if t.is_capitalised(start) && !t.word_in(start, &DETERMINERS) {
        return None; // the phrase is a name itself
    }
    let mut comma = start.checked_sub(1)?;
    for _ in 0..2 {
        if comma == 0 || !t.is_punct(comma, ',') {
            return None;
        }
        // The segment before the comma, back to the sentence start or another comma.
        let mut first = comma;
        while first > 0 && !t.is_punct(first - 1, ',') && comma - first < 8 {
            first -= 1;
        }
        let at_start = first == 0 || first == 1 && t.is_quote(0);
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

pub(super) fn is_abbreviation(word: &str) -> bool {
    word.len() <= 4 && word.chars().next().is_some_and(char::is_uppercase)
}

/// The subject of the sentence's main clause, for "…, saying that" and "… and said".
pub(super) fn main_subject(ctx: &Context) -> Option<Span> {
    let t = ctx.tokens;
    let s = ctx.sentence;
    let mut i = 0;
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
pub(super) static INTRO_WORDS: Words = Words::new(&[
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
pub(super) fn phrase_after(ctx: &Context, i: usize) -> Option<Span> {
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
pub(super) fn object_end(ctx: &Context, cue: &Cue, after: usize) -> usize {
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
pub(super) fn content_after(ctx: &Context, i: usize) -> Option<Span> {
    let t = ctx.tokens;
    let s = ctx.sentence;
    if i >= s.hi || (t.is_punct(i, '.') && i + 1 >= s.hi) {
        let ends_in_colon = s.hi > 0 && t.is_punct(s.hi - 1, ':');
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
pub(super) fn content_before(ctx: &Context, cue_first: usize, subject: usize) -> Option<Span> {
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
    while end_token > 0 && !t.is_word(end_token - 1) {
        end_token -= 1;
    }
    if end_token == 0 {
        return None;
    }
    let end = t.list[end_token - 1].end;
    let start = match quotes::containing(ctx.quotes, s.span.start) {
        Some(q) if q.start < s.span.start => q.start,
        _ => t.list[0].start,
    };
    (start < end).then(|| Span::new(start, end))
}

/// The quotation that goes on with the words of quotation `q` after the cue ending at byte
/// `after_cue`: “A,” he said, “B.” — or, across a sentence end, “A,” Trump said in a statement.
/// “B.” when “B.” is not itself attributed to someone (it does not end in a comma).
pub(super) fn continued_quotation(ctx: &Context, q: Span, after_cue: usize) -> Option<Span> {
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
pub(super) fn trim_end(ctx: &Context, hi: usize) -> usize {
    let t = ctx.tokens;
    let mut j = hi;
    while j > 0 && (t.is_punct(j - 1, '.') || t.is_punct(j - 1, ',')) {
        j -= 1;
    }
    if j == 0 {
        return t.list[hi - 1].end;
    }
    t.list[j - 1].end
}

/// What a hedge hedges: the noun phrase after an adjective ("alleged spies"), else the sentence.
pub(super) fn hedge_content(ctx: &Context, cue: &Cue) -> Option<Span> {
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
    Some(Span::new(t.list[0].start, trim_end(ctx, s.hi)))
}
