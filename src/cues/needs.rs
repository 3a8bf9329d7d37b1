//! The [`Needs`] checks: whether a lexicon hit is a cue *here*, from a few tokens around it —
//! "the report" is a noun, "added to the list" is not speech, "could not attend" is not
//! epistemic, "May 20" is a month. [`fits`] is the entry point; [`super::find_cues`] asks it once
//! per hit.
//!
//! # Invariants
//! Every check looks at most [`WINDOW`] tokens (twice that for a quotation before the cue, ten for
//! a venue) around the hit, so a hit costs O(1) tokens and a sentence is linear in its hits.
//! The two looks back to the sentence start are O(1) too: whether a comma comes before the cue
//! is [`Tokens::first_comma`] (found once per sentence), and a colon's "three words before it"
//! stops at the third word.

use crate::block::tokens::{Kind, Tokens};
use crate::claim::Stance;
use crate::lexicon::tables::{
    ACTION_VERBS, ARTICLES, BEFORE_ATTRIBUTES, BEFORE_NOUNS, CLAUSE_OPENING, CLAUSE_SUBJECTS,
    CLAUSE_VERBS, COMPLEMENTIZERS, COULD_ABILITY, COULD_ADVERBS, COULD_NOT_A_GUESS, DETERMINERS,
    DO_AND_WILL, EVIDENCE, FIRST_PERSON, HE_OR_SHE, MODALS, NOT_FINITE, POSSESSIVE_DETERMINERS,
    PRE_VERBAL, SUBJECTS_BEFORE_A_VERB, THIRD_PERSON_POSSESSIVES,
};
use crate::lexicon::words::Words;
use crate::lexicon::{Entry, Form, Needs, Role};

use super::voice::subject_is_you;
use super::{VENUE_MEDIA, WINDOW, Window, after_closing_quote};
use crate::grammar::*;

/// Whether `entry` fits the context of tokens `first..=last`.
pub(super) fn fits(tokens: &Tokens, s: Window, first: usize, last: usize, entry: &Entry) -> bool {
    let next = last + 1;
    if matches!(entry.role, Role::Speech | Role::Belief) && !finite_enough(tokens, first, entry) {
        return false;
    }
    if entry
        .lemma
        .is_some_and(|lemma| other_verb_with(tokens, lemma, next))
    {
        return false;
    }
    // "Do you think…?", "Tell us what you think": asking someone's view, not the writer's hedge.
    if entry.role == Role::Belief && subject_is_you(tokens, first) {
        return false;
    }
    // "That said, …", "Having said that, …": a discourse marker, not a report.
    if entry.lemma == Some("say")
        && first > 0
        && tokens.word_in(first - 1, &["that"])
        && (first == 1 || !tokens.is_word(first - 2))
        && tokens.is_punct(next, ',')
    {
        return false;
    }
    // CLAIMS.md: "announced a plan", "declined to comment" are actions; these verbs report a
    // claim only with a proposition attached.
    if entry.role == Role::Speech
        && entry.lemma.is_some_and(|l| ACTION_VERBS.contains(&l))
        && !proposition_follows(tokens, s, next)
        && !after_quotation(tokens, first)
    {
        return false;
    }
    match entry.role {
        Role::Colon => speaker_before_colon(tokens, first) || quotation_after_colon(tokens, first),
        Role::Byline => byline(tokens, s, first),
        Role::Venue => {
            venue_start(tokens, first).is_some()
                && (tokens.word_in(first, &VENUE_MEDIA) || someones(tokens, first))
        }
        Role::Modal => epistemic(tokens, first),
        Role::Seem => {
            let w = tokens.str(first).to_ascii_lowercase();
            !w.starts_with("appear")
                || tokens.word_in(
                    next,
                    &["to", "that", "as", "likely", "unlikely", "certain", "clear"],
                )
        }
        _ => match entry.needs {
            Needs::Nothing => true,
            // "the suspected gunman": a belief's participle before a noun is the writer's hedge,
            // not the noun "the suspect".
            Needs::NotNoun if entry.role == Role::Belief && entry.form == Form::Past => true,
            Needs::NotNoun => !is_noun_use(tokens, s, first, next, entry.form),
            Needs::Named => {
                first > 0 && {
                    let p = first - 1;
                    tokens.word_in(p, &HE_OR_SHE)
                        || tokens.is_capitalised(p)
                            && p > 0
                            && !tokens.word_in(p, &DETERMINERS)
                            && !tokens.word_in(p, &BEFORE_NOUNS)
                }
            }
            Needs::Speech => {
                speech_follows(tokens, s, next)
                    || after_quotation(tokens, first)
                    || tokens.word_in(next, &["to"])
                        && entry.lemma.is_some_and(|l| TO_COMPLEMENT.contains(&l))
            }
            Needs::Quote => {
                quote_follows(tokens, s, next)
                    || tokens.is_punct(next, ':')
                    || tokens.is_punct(next, ',') && opens_quote(tokens, next + 1)
                    || tokens.word_in(
                        next,
                        &[
                            "for", "on", "upon", "to", "it", "him", "her", "them", "out", "about",
                        ],
                    )
                    || after_quotation(tokens, first)
                    || entry.lemma == Some("call") && names_after_subject(tokens, first)
            }
            Needs::Epistemic => epistemic(tokens, first),
            Needs::That => tokens.word_in(next, &["that"]),
            Needs::Evidence => evidence_before(tokens, first),
            Needs::As => (next..s.hi.min(next + 6))
                .take_while(|&i| tokens.is_word(i))
                .any(|i| tokens.word_in(i, &["as", "that"])),
            Needs::Attributive => {
                (first == 0
                    || tokens.word_in(first - 1, &BEFORE_ATTRIBUTES)
                    || tokens.is_word(first - 1) && possessive_len(tokens.str(first - 1)) > 0)
                    && tokens.is_word(next)
                    && !tokens.word_in(next, &["of", "to", "for", "that", "and", "or", "in"])
            }
        },
    }
}

/// A proposition follows token `next`: "that", a colon or a quotation (within a few words), or a
/// clause with its own subject and finite verb ("announced he would run", "revealed the deal
/// was off").
fn proposition_follows(tokens: &Tokens, s: Window, next: usize) -> bool {
    if next >= s.hi {
        return false;
    }
    // The quotation right after the verb: "announced a plan to become “carbon negative”" quotes
    // a phrase of the plan, not what was announced.
    if tokens.word_in(next, &["that"])
        || tokens.is_punct(next, ':')
        || opens_quote(tokens, next)
        || tokens.is_punct(next, ',') && opens_quote(tokens, next + 1)
    {
        return true;
    }
    // "declined to say that…": the infinitive's own complement.
    if tokens.word_in(next, &["to"]) && tokens.is_word(next + 1) {
        return proposition_follows(tokens, s, next + 2);
    }
    let subject = tokens.word_in(next, &CLAUSE_OPENING) || tokens.is_capitalised(next);
    subject
        && (next + 1..s.hi.min(next + 6))
            .take_while(|&i| tokens.is_word(i))
            .any(|i| tokens.word_in(i, &CLAUSE_VERBS))
}

/// Verbs that a particle makes into another verb, reporting nothing: "the 120,000 who showed up",
/// "the strike was called off", "a turn that called to mind…".
/// ("called to ban Muslims" is a demand, and stays one.)
pub(super) const OTHER_VERBS: &[(&str, &[&str])] = &[
    ("show", &["up"]),
    ("show", &["off"]),
    ("call", &["off"]),
    ("call", &["to", "mind"]),
];

/// Whether the words from `next` on turn `lemma` into one of [`OTHER_VERBS`].
pub(super) fn other_verb_with(tokens: &Tokens, lemma: &str, next: usize) -> bool {
    OTHER_VERBS.iter().any(|&(verb, particle)| {
        verb == lemma
            && (particle.iter().enumerate()).all(|(k, word)| tokens.word_in(next + k, &[*word]))
    })
}

/// Whether a verb form can be a finite verb here: a bare form not after "to", a modal or "I"; an
/// "-s" form not after a determiner or preposition ("his claims", "answering questions").
pub(super) fn finite_enough(tokens: &Tokens, first: usize, entry: &Entry) -> bool {
    let mut prev = first;
    while prev > 0
        && tokens.word_in(prev - 1, &PRE_VERBAL)
        && !tokens.word_in(prev - 1, &NOT_FINITE)
    {
        prev -= 1;
    }
    let before = prev.checked_sub(1);
    match entry.form {
        // "critical thinking", "considering its cost": a belief's gerund is a noun or a
        // preposition unless a clause follows.
        Form::Gerund if entry.role == Role::Belief => tokens.word_in(first + 1, &["that"]),
        // "I think" is a belief all the same (a hedge); "I say" inside a quote is not a report.
        Form::Base
            if entry.role == Role::Belief
                && before.is_some_and(|p| tokens.word_in(p, FIRST_PERSON)) =>
        {
            true
        }
        // "did not mention", "would not say": a refusal to speak is reported as speech.
        Form::Base if before.is_some_and(|p| negated_finite(tokens, p)) => {
            entry.lemma.is_some_and(|l| DECLINED.contains(&l))
        }
        // "Democratic economists, like their Republican counterparts, say taxing…": after an
        // apposition closed by a comma — not "a country, say, France".
        Form::Base
            if entry.lemma.is_some_and(|l| NEVER_NOUNS.contains(&l))
                && before.is_some_and(|p| tokens.is_punct(p, ',') && tokens.first_comma() < p)
                && tokens.is_word(first + 1) =>
        {
            true
        }
        // "have your say", "the say": after an article or a possessive, a base form is a noun.
        // A share is a subject: "42% say".
        Form::Base => before.is_some_and(|p| {
            tokens.is_punct(p, '%')
                || tokens.is_word(p)
                    && !tokens.word_in(p, &NOT_FINITE)
                    && !tokens.word_in(p, &ARTICLES)
                    // A possessive, but not "her", which is also an object: "let her say".
                    && (!tokens.word_in(p, &POSSESSIVE_DETERMINERS) || tokens.word_in(p, &["her"]))
        }),
        // "500 confirmed cases", "the state's confirmed caseload", "the announced cuts": a
        // participle between a determiner (or a number) and its noun is an adjective ("said"
        // and "told" never are: "4 in 10 said billionaire Donald Trump…"). Not a
        // belief's ("the expected rise" is the writer's hedge) nor a distancing one's ("his
        // claimed victory").
        Form::Past
            if entry.role == Role::Speech
                && entry.stance != Stance::Distancing
                && tokens.str(first).ends_with("ed")
                && before.is_some_and(|p| opens_noun_phrase(tokens, p))
                && noun_follows(tokens, first + 1) =>
        {
            false
        }
        // "Read about our approach…": a past that is also the base form, opening the sentence
        // with no subject, is an imperative.
        Form::Past
            if before.is_none()
                && entry
                    .lemma
                    .is_some_and(|l| tokens.str(first).eq_ignore_ascii_case(l)) =>
        {
            false
        }
        // "says", "tells", "argues" are never plural nouns: "Reid caucused and says he voted".
        Form::Third if entry.lemma.is_some_and(|l| NEVER_NOUNS.contains(&l)) => true,
        // "and calls her “an extremely intelligent woman”": a noun takes no object pronoun.
        Form::Third
            if tokens.word_in(
                first + 1,
                &[
                    "him",
                    "them",
                    "me",
                    "us",
                    "himself",
                    "herself",
                    "themselves",
                ],
            ) =>
        {
            true
        }
        Form::Third => before.is_none_or(|p| {
            let word = tokens.str(p);
            !(tokens.word_in(p, &DETERMINERS)
                || tokens.word_in(p, &BEFORE_NOUNS)
                || tokens.is_word(p) && (possessive_len(word) > 0 || word.ends_with("ing")))
        }),
        _ => true,
    }
}

/// Whether token `p` is the "not" of a finite verb group: "did not", "would not".
pub(super) fn negated_finite(tokens: &Tokens, p: usize) -> bool {
    p > 0 && tokens.word_in(p, &["not"]) && tokens.word_in(p - 1, &DO_AND_WILL)
}

/// A colon after a speaker: a short name-like phrase opens the clause ("Trump: …",
/// "Clinton camp: …", "Poll: …"), with no verb in it.
pub(super) fn speaker_before_colon(tokens: &Tokens, colon: usize) -> bool {
    let mut start = colon;
    while start > 0 && colon - start <= 6 {
        let i = start - 1;
        if tokens.is_word(i) || tokens.is_punct(i, '.') || tokens.is_punct(i, '-') {
            start = i;
        } else {
            break;
        }
    }
    let boundary = start == 0 || tokens.is_punct(start - 1, ',') || tokens.is_quote(start - 1);
    let words = (start..colon).filter(|&i| tokens.is_word(i));
    let lower = words.clone().filter(|&i| !tokens.is_capitalised(i)).count();
    // "Sanders: 1,547.": a count or a score after the colon is a table's row, not speech.
    let figure_after = tokens.text[tokens.list[colon].end..]
        .trim_start()
        .starts_with(|c: char| c.is_ascii_digit());
    boundary
        && !figure_after
        && start < colon
        && colon - start <= 5
        && tokens.is_capitalised(start)
        && lower <= 1
        && words.clone().all(|i| {
            !looks_like_verb(tokens.str(i))
                && !tokens.word_in(i, &COLON_LABELS)
                && !tokens.word_in(i, &DETERMINERS)
                && !tokens.word_in(i, &BEFORE_NOUNS)
        })
}

/// A colon that introduces a quotation after a clause: `… doesn't surprise pollster Daron Shaw:
/// “Historically, …”`, also when the quotation opens the next paragraph. Not after page
/// furniture ("Watch:", "Read more:").
pub(super) fn quotation_after_colon(tokens: &Tokens, colon: usize) -> bool {
    let after = tokens.text[tokens.list[colon].end..].trim_start();
    // Three words before the colon: counting stops at the third, not at the colon.
    let three_words = || (0..colon).filter(|&i| tokens.is_word(i)).nth(2).is_some();
    after.starts_with(['"', '“'])
        && three_words()
        && !(colon.saturating_sub(2)..colon).any(|i| tokens.word_in(i, &COLON_LABELS))
}

/// A dash right after a closing quote, before a short name that ends the sentence:
/// `“…our greatest shame.” ― Sonya Herridge`.
pub(super) fn byline(tokens: &Tokens, s: Window, dash: usize) -> bool {
    let after_quote = after_closing_quote(tokens.text, tokens.list[dash].start);
    let mut end = dash + 1;
    while end < s.hi && tokens.is_word(end) && end - dash <= 5 {
        end += 1;
    }
    let name = end > dash + 1 && (dash + 1..end).all(|i| tokens.is_capitalised(i));
    let closes = end >= s.hi || tokens.is_punct(end, '.') || tokens.is_punct(end, ',');
    after_quote && name && closes
}

/// Words of page furniture before a colon: "Q:", "Editor's note:", "CORRECTION:", "Related:".
pub(super) static COLON_LABELS: Words = Words::new(&[
    "q",
    "question",
    "questions",
    "answer",
    "note",
    "contributing",
    "correction",
    "corrections",
    "clarification",
    "breaking",
    "related",
    "byline",
    "update",
    "updated",
    "online",
    "video",
    "photo",
    "photos",
    "watch",
    "look",
    "read",
    "listen",
    "also",
    "previously",
    "name",
    "remember",
    "wow",
    "twitter",
    "facebook",
    "instagram",
    "email",
    "disclosure",
    "credit",
    "ask",
    "see",
    "more",
    "tags",
    "topics",
    "advertisement",
    "exclusive",
    "analysis",
    "opinion",
    "editorial",
    "explainer",
    "live",
    "factbox",
    "plus",
    "so",
    "bombshell",
    "busted",
    "boom",
    "warning",
    "alert",
    "recap",
    // Credits and labels of page furniture (reader-judged set: "Photograph: …", "Source: CDC",
    // "Author: …", "Citation: …").
    "source",
    "sources",
    "author",
    "authors",
    "citation",
    "photograph",
    "photography",
    "illustration",
    "image",
    "images",
    "caption",
    "graphic",
    "map",
    "chart",
    "filed",
    "contact",
    "reporting",
    "editing",
    "writing",
    "credits",
    "produced",
    "edited",
    "translated",
    "compiled",
    "published",
    "posted",
    "subscribe",
    "newsletter",
    "next",
    "sponsored",
    "supported",
    "follow",
    "share",
]);

/// Whether a third person's possessive comes right before `noun`, after "in": "in Bolton's
/// view", "in Professor Knittel's view", "in her words" — not "in my opinion", "in view of",
/// "in other words".
pub(super) fn someones(tokens: &Tokens, noun: usize) -> bool {
    let Some(owner) = noun.checked_sub(1).filter(|&p| p > 0) else {
        return false;
    };
    let pronoun = tokens.word_in(owner, &THIRD_PERSON_POSSESSIVES);
    if !pronoun && possessive_len(tokens.str(owner)) == 0 {
        return false;
    }
    // Back over the rest of the owner's name.
    let mut first = owner;
    while !pronoun
        && first > 0
        && owner - first < 4
        && tokens.is_capitalised(first - 1)
        && !tokens.word_in(first - 1, &["in"])
    {
        first -= 1;
    }
    first > 0 && tokens.word_in(first - 1, &["in"])
}

/// The "in" that opens a venue phrase ending at `noun`: "In a new CNN poll", "in an interview",
/// "In an NBC News/Wall Street Journal poll" (up to ten tokens back).
pub(super) fn venue_start(tokens: &Tokens, noun: usize) -> Option<usize> {
    let lo = noun.saturating_sub(10);
    (lo..noun)
        .rev()
        .take_while(|&i| {
            tokens.is_word(i)
                || tokens.is_punct(i, '/')
                || tokens.is_punct(i, '-')
                || tokens.is_quote(i)
        })
        .find(|&i| tokens.word_in(i, &["in"]))
        .filter(|&i| i == 0 || tokens.is_punct(i - 1, ',') || tokens.word_in(i + 1, &["a", "an"]))
}

/// A quotation opens at `next` or a few words on, with no punctuation between: "called Trump
/// “unhinged”".
pub(super) fn quote_follows(tokens: &Tokens, s: Window, next: usize) -> bool {
    let end = s.hi.min(next + 6);
    (next..end)
        .take_while(|&i| tokens.is_word(i) || opens_quote(tokens, i))
        .any(|i| opens_quote(tokens, i))
}

/// "the report", "his claims", "a note of": a noun, not the verb.
pub(super) fn is_noun_use(
    tokens: &Tokens,
    s: Window,
    first: usize,
    next: usize,
    form: Form,
) -> bool {
    let prev = first.checked_sub(1);
    let prev_is_determiner = prev.is_some_and(|p| {
        tokens.word_in(p, &DETERMINERS) || {
            let w = tokens.str(p);
            tokens.is_word(p) && possessive_len(w) > 0
        }
    });
    match form {
        // "an apparent claim": a bare form is a verb only after a likely subject — a pronoun, a
        // name or a plural ("officials claim").
        Form::Base => {
            prev_is_determiner
                || tokens.word_in(next, &["of"])
                || !prev.is_some_and(|p| {
                    tokens.is_word(p)
                        && (tokens.word_in(p, SUBJECT_PRONOUNS)
                            || tokens.is_capitalised(p)
                            || tokens.str(p).ends_with('s'))
                })
        }
        // "terror attacks on", "his calls for": an "-s" form is a verb when an object or a clause
        // follows ("attacks Clinton", "claims that", "offers him"), a noun otherwise.
        Form::Third => {
            let subject_before = prev
                .is_some_and(|p| tokens.word_in(p, &CLAUSE_SUBJECTS) || tokens.is_capitalised(p));
            let clause_ends = next >= s.hi || !tokens.is_word(next);
            prev_is_determiner
                || !(tokens.is_capitalised(next)
                    || tokens.word_in(next, &OBJECT_STARTS)
                    || tokens.is_word(next)
                        && tokens.str(next).starts_with(|c: char| c.is_ascii_digit())
                    || opens_quote(tokens, next)
                    || tokens.is_punct(next, ':')
                    || subject_before && clause_ends
                    || subject_before && clause_after(tokens, s, next))
        }
        _ => prev_is_determiner,
    }
}

/// A reported clause opens at `next`: a lower-case plural subject and a finite auxiliary within
/// three words ("The report claims institutions have created…").
fn clause_after(tokens: &Tokens, s: Window, next: usize) -> bool {
    tokens.is_word(next)
        && tokens.str(next).ends_with('s')
        && (next + 1..s.hi.min(next + 4))
            .take_while(|&i| tokens.is_word(i))
            .any(|i| tokens.word_in(i, &CLAUSE_VERBS))
}

/// "Graham called both candidates liars", "he calls it a hoax": "call" right after its subject,
/// naming someone something — not "a group called X", "called off", "called back".
pub(super) fn names_after_subject(tokens: &Tokens, first: usize) -> bool {
    let mut p = first;
    while p > 0 && is_pre_verbal(tokens, p - 1) {
        p -= 1;
    }
    let subject = p > 0
        && (tokens.is_capitalised(p - 1)
            && !tokens.word_in(p - 1, &DETERMINERS)
            && !tokens.word_in(p - 1, &BEFORE_NOUNS)
            || tokens.word_in(p - 1, &SUBJECTS_BEFORE_A_VERB));
    subject
        && tokens.is_word(first + 1)
        && !tokens.word_in(
            first + 1,
            &["off", "up", "in", "back", "out", "by", "a", "an"],
        )
}

/// A word for a record or a study heads the subject a few words before: "FEC records from the
/// 2008 cycle show", "a new poll showing", "the survey found". No punctuation between, so the
/// word is in the same phrase.
pub(super) fn evidence_before(tokens: &Tokens, first: usize) -> bool {
    let lo = first.saturating_sub(WINDOW);
    (lo..first)
        .rev()
        .take_while(|&i| tokens.is_word(i))
        .any(|i| tokens.word_in(i, &EVIDENCE))
}

/// Verbs whose refusal is itself reported speech: "did not say", "would not comment", "did not
/// respond to a request for comment" — not "did not attack", "does not support".
pub(super) const DECLINED: &[&str] = &[
    "say",
    "mention",
    "comment",
    "explain",
    "elaborate",
    "disclose",
    "reveal",
    "confirm",
    "deny",
    "specify",
    "respond",
];

/// Verbs whose "-s" form is never a plural noun, so no determiner or preposition before it
/// makes it one.
pub(super) const NEVER_NOUNS: &[&str] = &[
    "say",
    "tell",
    "add",
    "explain",
    "insist",
    "argue",
    "warn",
    "deny",
    "admit",
    "acknowledge",
    "assert",
    "contend",
    "declare",
    "testify",
    "concede",
    "urge",
    "predict",
    "suggest",
];

/// Verbs whose infinitive complement is a reported position: "agreed to pay", "hopes to win".
pub(super) const TO_COMPLEMENT: &[&str] = &[
    "agree", "hope", "plead", "pledge", "vow", "promise", "threaten",
];

/// Reported speech follows token `next`: a complementizer, a colon, a quotation, a comma, the end
/// of the sentence, or a complementizer a few words on ("wrote in a letter that").
pub(super) fn speech_follows(tokens: &Tokens, s: Window, next: usize) -> bool {
    if next >= s.hi
        || opens_quote(tokens, next)
        || tokens.is_punct(next, ':')
        || tokens.is_punct(next, ',')
        || tokens.is_punct(next, '.')
        || tokens.word_in(next, &COMPLEMENTIZERS)
    {
        return true;
    }
    let end = (next + WINDOW).min(s.hi);
    for i in next..end {
        let t = tokens.list[i];
        if t.kind == Kind::Punct && !tokens.is_punct(i, ':') {
            return false;
        }
        if tokens.word_in(i, &["that"]) || tokens.is_punct(i, ':') || opens_quote(tokens, i) {
            return true;
        }
    }
    false
}

/// The cue comes after a quotation, maybe with its speaker between: `“…,” he added`.
pub(super) fn after_quotation(tokens: &Tokens, first: usize) -> bool {
    // A speaker may be long: "…," a statement uploaded to the ministry's website reads.
    let lo = first.saturating_sub(2 * WINDOW);
    (lo..first).rev().any(|i| {
        let t = tokens.list[i];
        matches!(t.kind, Kind::Close | Kind::Either)
            || (tokens.is_punct(i, ',') && i > 0 && tokens.is_quote(i - 1))
    })
}

/// Whether the modal at `first` is epistemic ("may have", "might be") rather than about ability,
/// permission or the month of May.
pub(super) fn epistemic(tokens: &Tokens, first: usize) -> bool {
    let word = tokens.str(first);
    if !MODALS.iter().any(|m| word.eq_ignore_ascii_case(m)) {
        return true; // a user's word or a phrase: no modal rules apply
    }
    if word == "May" && first > 0 {
        return false; // "on May 20"
    }
    let next = first + 1;
    // "You might guess", "you could say": the reader addressed, not a guess about the world.
    if first > 0 && tokens.word_in(first - 1, &["you"]) {
        return false;
    }
    if word.eq_ignore_ascii_case("could") {
        return could_is_epistemic(tokens, first);
    }
    // "may not" stays epistemic; a question ("May I…") or the end of a clause does not.
    tokens.is_word(next)
}

/// "The flaws could delay shipments", "the virus could have spread": a guess about what may
/// happen or have happened. Not ability, permission or a past habit ("could not attend", "could
/// be reached for comment", "he could see"), nor a purpose, question or condition ("so that he
/// could leave", "how it could be resolved"). Szeged news dev: 12 of 13 epistemic "could" found
/// (was 2), 3 false (was 5).
fn could_is_epistemic(tokens: &Tokens, first: usize) -> bool {
    let mut next = first + 1;
    while next < first + 4 && tokens.word_in(next, &COULD_ADVERBS) {
        next += 1;
    }
    if !tokens.is_word(next) || tokens.word_in(next, &COULD_ABILITY) {
        return false;
    }
    if tokens.word_in(next, &["be"]) {
        // "could be reached", and "could be answered", "could be applied": what was possible to
        // do, not a guess.
        if tokens.word_in(next + 1, &COULD_ABILITY) {
            return false;
        }
        if tokens.is_word(next + 1) {
            let w = tokens.str(next + 1);
            if w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")) {
                return false;
            }
        }
    }
    let lo = first.saturating_sub(WINDOW);
    !(lo..first)
        .rev()
        .take_while(|&i| !tokens.is_punct(i, ',') && !tokens.is_punct(i, ';'))
        .any(|i| tokens.word_in(i, &COULD_NOT_A_GUESS))
}
