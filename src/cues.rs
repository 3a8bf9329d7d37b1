//! Stage 3: sentence → cues. Decides which lexicon hits are cues *here*, from a few tokens of
//! context: "the report" is a noun, "added to the list" is not speech, "could not attend" is not
//! epistemic, "May 20" is a month, "is believed to" is a passive.
//!
//! Every rule looks at a bounded number of tokens around the hit, so the stage is linear in the
//! length of the sentence whatever the number of hits.

mod anchor;
pub mod learned;
mod learned_weights;

use crate::block::quotes;
use crate::block::tokens::{Kind, Tokens};
use crate::claim::Stance;
use crate::lexicon::tables::{
    ADVERBS, BE_FORMS, BEFORE_NOUNS, COMPLEMENTIZERS, DETERMINERS, EVIDENCE, FIRST_PERSON, MODALS,
    NOT_FINITE,
};
use crate::lexicon::words::Words;
use crate::lexicon::{Entry, Form, Hit, Needs, Role};
use crate::span::Span;

/// How far the context rules look, in tokens.
const WINDOW: usize = 8;

/// A cue found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Text-relative byte offsets of the cue words.
    pub span: Span,
    /// First and last token of the cue.
    pub first: usize,
    pub last: usize,
    pub entry: Entry,
    pub voice: Voice,
}

impl Cue {
    pub fn role(&self) -> Role {
        self.entry.role
    }

    pub fn stance(&self) -> Stance {
        self.entry.stance
    }
}

/// Who does the saying, as far as the words around the verb tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// "X claimed": look for a source.
    Active,
    /// "was claimed", "is believed to": the source, if any, follows "by".
    Passive,
    /// "it is claimed that", "it was reported": impersonal, no source.
    Impersonal,
    /// "I think", "we believe": the speaker's own hedge.
    FirstPerson,
}

/// A sentence: its tokens are `0..hi` of the [`Tokens`] handed with it (a block's tokens sliced
/// to the sentence by [`Tokens::slice`]), its byte span `span`.
#[derive(Clone, Copy, Debug)]
pub struct Window {
    pub hi: usize,
    pub span: Span,
}

/// The cues of one sentence, sorted by position, none overlapping (the earlier, then longer, wins).
/// `quotations` are those of the sentence's block.
pub fn find_cues(tokens: &Tokens, sentence: Window, hits: &[Hit], quotations: &[Span]) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    for hit in hits {
        let mut first = tokens.index_at(hit.start);
        let last = tokens.index_at(hit.end.saturating_sub(1)).max(first);
        if first >= sentence.hi || last >= sentence.hi {
            continue;
        }
        // Part of a hyphenated word: "thought-provoking", "so-thought", "ex-allegedly".
        if hyphen_joined(tokens.text, hit.start, hit.end) {
            continue;
        }
        // Markup left in the text: `<tweet id=…>`, `</tweet>`.
        if first > 0 && (tokens.is_punct(first - 1, '<') || tokens.is_punct(first - 1, '/')) {
            continue;
        }
        let Some(entry) = hit
            .entries
            .iter()
            .find(|e| fits(tokens, sentence, first, last, e))
        else {
            // "declined to say": the infinitive belongs to the cue before it.
            if let Some(prev) = cues.last_mut()
                && hit.entries.iter().any(|e| e.role == Role::Speech)
                && prev.role() == Role::Speech
                && prev.last + 2 == first
                && tokens.word_in(first - 1, &["to"])
            {
                prev.span.end = hit.end;
                prev.last = last;
            }
            continue;
        };
        // "according to the information mentioned in…": a verb inside the source phrase.
        if let Some(prev) = cues.last()
            && prev.role() == Role::SourceAfter
            && first - prev.last <= 6
            && (prev.last + 1..first).all(|i| tokens.is_word(i))
        {
            continue;
        }
        let voice = voice(tokens, first, entry);
        // A report inside a quotation ("as I said", "people tell me") is part of what is quoted:
        // the quotation is already the speaker's claim. The writer's own hedges still count.
        // Only a quotation that closes counts: one left open to the end of the block may be a
        // stray or misused mark (“…“) rather than a quotation.
        if !matches!(entry.role, Role::Hedge | Role::Seem | Role::Modal)
            && quotes::containing(quotations, hit.start)
                .is_some_and(|q| q.of(tokens.text).ends_with(['”', '"', '\'', '»', '«']))
        {
            continue;
        }
        let mut start = hit.start;
        if entry.role == Role::Venue {
            first = venue_start(tokens, first).unwrap_or(first);
            start = tokens.list[first].start;
        }
        // "declined to say": one cue, not two.
        if let Some(prev) = cues.last_mut()
            && matches!(entry.role, Role::Speech | Role::Belief)
            && prev.last + 2 == first
            && tokens.word_in(first - 1, &["to"])
        {
            prev.span.end = hit.end;
            prev.last = last;
            continue;
        }
        if voice == Voice::Impersonal {
            // "It is claimed": the whole impersonal frame is the cue a reader sees.
            first = impersonal_start(tokens, first);
            start = tokens.list[first].start;
        }
        let cue = Cue {
            span: Span::new(start, hit.end),
            first,
            last,
            entry: *entry,
            voice,
        };
        if cues.last().is_some_and(|c: &Cue| c.span.overlaps(cue.span)) {
            continue;
        }
        cues.push(cue);
    }
    drop_redundant(&mut cues);
    cues
}

/// Whether the word before token `first` (past any adverbs) is "you".
fn subject_is_you(tokens: &Tokens, first: usize) -> bool {
    let mut p = first;
    while p > 0 && is_adverb(tokens, p - 1) {
        p -= 1;
    }
    p > 0 && tokens.word_in(p - 1, &["you"])
}

/// Verbs that a particle makes into another verb, reporting nothing: "the 120,000 who showed up",
/// "the strike was called off", "a turn that called to mind…".
/// ("called to ban Muslims" is a demand, and stays one.)
const OTHER_VERBS: &[(&str, &[&str])] = &[
    ("show", &["up"]),
    ("show", &["off"]),
    ("call", &["off"]),
    ("call", &["to", "mind"]),
];

/// Whether the words from `next` on turn `lemma` into one of [`OTHER_VERBS`].
fn other_verb_with(tokens: &Tokens, lemma: &str, next: usize) -> bool {
    OTHER_VERBS.iter().any(|&(verb, particle)| {
        verb == lemma
            && (particle.iter().enumerate()).all(|(k, word)| tokens.word_in(next + k, &[*word]))
    })
}

/// Whether `text[start..end]` is joined to a word before or after it by a hyphen.
fn hyphen_joined(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    (start >= 2 && bytes[start - 1] == b'-' && alnum(start - 2))
        || (bytes.get(end) == Some(&b'-') && alnum(end + 1))
}

/// Whether `entry` fits the context of tokens `first..=last`.
fn fits(tokens: &Tokens, s: Window, first: usize, last: usize, entry: &Entry) -> bool {
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
                    tokens.word_in(p, &["he", "she"])
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
                first > 0
                    && tokens.word_in(
                        first - 1,
                        &[
                            "a", "an", "the", "one", "another", "any", "two", "several", "its",
                        ],
                    )
                    && tokens.is_word(next)
                    && !tokens.word_in(next, &["of", "to", "for", "that", "and", "or", "in"])
            }
        },
    }
}

/// Whether a verb form can be a finite verb here: a bare form not after "to", a modal or "I"; an
/// "-s" form not after a determiner or preposition ("his claims", "answering questions").
fn finite_enough(tokens: &Tokens, first: usize, entry: &Entry) -> bool {
    let mut prev = first;
    while prev > 0 && tokens.word_in(prev - 1, &ADVERBS) && !tokens.word_in(prev - 1, &NOT_FINITE) {
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
                && before.is_some_and(|p| {
                    tokens.is_punct(p, ',') && (0..p).any(|i| tokens.is_punct(i, ','))
                })
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
                    && !tokens.word_in(
                        p,
                        &["a", "an", "the", "my", "your", "his", "its", "our", "their"],
                    )
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

/// Whether token `p` opens a noun phrase: an article, a possessive or a number ("the", "its",
/// "the state's", "500"). Not "that", which also opens relative clauses ("the report that
/// confirmed…").
fn opens_noun_phrase(tokens: &Tokens, p: usize) -> bool {
    let word = tokens.str(p);
    tokens.word_in(
        p,
        &[
            "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my",
            "your", "no", "any", "every", "each",
        ],
    ) || tokens.is_word(p)
        && (possessive_len(word) > 0 || word.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether token `i` is a lower-case word that can be a noun after an adjective: not a
/// preposition, a complementizer or a pronoun ("confirmed cases", not "confirmed that",
/// "announced on", "told him").
fn noun_follows(tokens: &Tokens, i: usize) -> bool {
    tokens.is_word(i)
        && tokens.str(i).starts_with(|c: char| c.is_ascii_lowercase())
        && !tokens.word_in(i, &COMPLEMENTIZERS)
        && !tokens.word_in(i, &OBJECT_STARTS)
        && !tokens.word_in(
            i,
            &[
                "by", "to", "in", "on", "at", "as", "for", "with", "about", "from", "after",
                "before", "during", "earlier", "last", "this", "it", "and", "or", "but",
            ],
        )
}

/// Whether token `p` is the "not" of a finite verb group: "did not", "would not".
fn negated_finite(tokens: &Tokens, p: usize) -> bool {
    p > 0
        && tokens.word_in(p, &["not"])
        && tokens.word_in(p - 1, &["did", "does", "do", "would", "will"])
}

/// A colon after a speaker: a short name-like phrase opens the clause ("Trump: …",
/// "Clinton camp: …", "Poll: …"), with no verb in it.
fn speaker_before_colon(tokens: &Tokens, colon: usize) -> bool {
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
fn quotation_after_colon(tokens: &Tokens, colon: usize) -> bool {
    let after = tokens.text[tokens.list[colon].end..].trim_start();
    let words = (0..colon).filter(|&i| tokens.is_word(i)).count();
    after.starts_with(['"', '“'])
        && words >= 3
        && !(colon.saturating_sub(2)..colon).any(|i| tokens.word_in(i, &COLON_LABELS))
}

/// A cheap first look at a hit, before its sentence is tokenised: a dash can only be a byline
/// cue right after a closing quote.
pub fn plausible(text: &str, hit: &Hit) -> bool {
    !hit.entries.iter().all(|e| e.role == Role::Byline) || after_closing_quote(text, hit.start)
}

fn after_closing_quote(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.ends_with(['”', '"']) || before.ends_with("''")
}

/// A dash right after a closing quote, before a short name that ends the sentence:
/// `“…our greatest shame.” ― Sonya Herridge`.
fn byline(tokens: &Tokens, s: Window, dash: usize) -> bool {
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
static COLON_LABELS: Words = Words::new(&[
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
]);

/// A cheap test for a verb: an auxiliary, or a lower-case word ending in "-ed".
pub fn looks_like_verb(word: &str) -> bool {
    const AUX: &[&str] = &[
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "did",
        "does",
        "do",
        "said",
        "says",
        "told",
        "may",
        "might",
        "should",
        "must",
        "be",
        "here",
        "there",
        "below",
        "following",
        "include",
        "includes",
    ];
    let lower = word.to_ascii_lowercase();
    AUX.contains(&lower.as_str())
        || word.chars().next().is_some_and(char::is_lowercase) && lower.ends_with("ed")
}

/// Venues that are a medium or a poll ("In a new CNN poll"); the others are someone's view and
/// need their holder ("in Bolton's view").
pub const VENUE_MEDIA: [&str; 4] = ["poll", "polls", "survey", "surveys"];

/// Whether a third person's possessive comes right before `noun`, after "in": "in Bolton's
/// view", "in Professor Knittel's view", "in her words" — not "in my opinion", "in view of",
/// "in other words".
fn someones(tokens: &Tokens, noun: usize) -> bool {
    let Some(owner) = noun.checked_sub(1).filter(|&p| p > 0) else {
        return false;
    };
    let pronoun = tokens.word_in(owner, &["his", "her", "their"]);
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

/// The length in bytes of the possessive ending ("'s", "’s") `word` has, or 0 when it has none.
pub fn possessive_len(word: &str) -> usize {
    ["'s", "’s"]
        .iter()
        .find(|end| word.ends_with(*end))
        .map_or(0, |end| end.len())
}

/// The "in" that opens a venue phrase ending at `noun`: "In a new CNN poll", "in an interview",
/// "In an NBC News/Wall Street Journal poll" (up to ten tokens back).
fn venue_start(tokens: &Tokens, noun: usize) -> Option<usize> {
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
fn quote_follows(tokens: &Tokens, s: Window, next: usize) -> bool {
    let end = s.hi.min(next + 6);
    (next..end)
        .take_while(|&i| tokens.is_word(i) || opens_quote(tokens, i))
        .any(|i| opens_quote(tokens, i))
}

/// Whether token `i` opens a quotation (a curly opening quote or a straight one).
fn opens_quote(tokens: &Tokens, i: usize) -> bool {
    tokens
        .list
        .get(i)
        .is_some_and(|t| matches!(t.kind, Kind::Open | Kind::Either))
}

/// "the report", "his claims", "a note of": a noun, not the verb.
fn is_noun_use(tokens: &Tokens, s: Window, first: usize, next: usize, form: Form) -> bool {
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
            let subject_before = prev.is_some_and(|p| {
                tokens.word_in(p, &["he", "she", "it", "who", "which", "that"])
                    || tokens.is_capitalised(p)
            });
            let clause_ends = next >= s.hi || !tokens.is_word(next);
            prev_is_determiner
                || !(tokens.is_capitalised(next)
                    || tokens.word_in(next, &OBJECT_STARTS)
                    || tokens.is_word(next)
                        && tokens.str(next).starts_with(|c: char| c.is_ascii_digit())
                    || opens_quote(tokens, next)
                    || tokens.is_punct(next, ':')
                    || subject_before && clause_ends)
        }
        _ => prev_is_determiner,
    }
}

/// "Graham called both candidates liars", "he calls it a hoax": "call" right after its subject,
/// naming someone something — not "a group called X", "called off", "called back".
fn names_after_subject(tokens: &Tokens, first: usize) -> bool {
    let mut p = first;
    while p > 0 && is_adverb(tokens, p - 1) {
        p -= 1;
    }
    let subject = p > 0
        && (tokens.is_capitalised(p - 1)
            && !tokens.word_in(p - 1, &DETERMINERS)
            && !tokens.word_in(p - 1, &BEFORE_NOUNS)
            || tokens.word_in(p - 1, &["he", "she", "they", "who", "we"]));
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
fn evidence_before(tokens: &Tokens, first: usize) -> bool {
    let lo = first.saturating_sub(WINDOW);
    (lo..first)
        .rev()
        .take_while(|&i| tokens.is_word(i))
        .any(|i| tokens.word_in(i, &EVIDENCE))
}

/// Verbs whose refusal is itself reported speech: "did not say", "would not comment", "did not
/// respond to a request for comment" — not "did not attack", "does not support".
const DECLINED: &[&str] = &[
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
const NEVER_NOUNS: &[&str] = &[
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
const TO_COMPLEMENT: &[&str] = &[
    "agree", "hope", "plead", "pledge", "vow", "promise", "threaten",
];

/// Words that open the object or clause of a verb: "attacks the judge", "claims he won".
static OBJECT_STARTS: Words = Words::new(&[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "him",
    "them",
    "me",
    "us",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "that",
    "this",
    "these",
    "those",
    "to",
    "for",
    "on",
    "what",
    "how",
    "why",
    "whether",
    "if",
    "there",
    "credit",
    "responsibility",
    "no",
    "some",
    "more",
    "all",
    "both",
    "up",
    "out",
    "back",
]);

/// Pronouns that can be the subject of a present-tense verb.
const SUBJECT_PRONOUNS: &[&str] = &["i", "we", "you", "they", "who", "people"];

/// An adverb by shape or by list: "periodically", "also".
pub fn is_adverb(tokens: &Tokens, i: usize) -> bool {
    tokens.word_in(i, &ADVERBS)
        || tokens.is_word(i) && {
            let w = tokens.str(i);
            w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
        }
}

/// An auxiliary, negation or adverb: the words of a verb group before the verb that carries it
/// ("was also", "has not", "didn't", "repeatedly").
pub fn is_auxiliary(tokens: &Tokens, i: usize) -> bool {
    is_adverb(tokens, i) || tokens.word_in(i, &BE_FORMS) || is_negated_auxiliary(tokens.str(i))
}

/// "don't", "didn’t", "isn't"…: one token to the tokeniser, an auxiliary before a verb.
fn is_negated_auxiliary(word: &str) -> bool {
    word.ends_with("n't") || word.ends_with("n’t")
}

/// Reported speech follows token `next`: a complementizer, a colon, a quotation, a comma, the end
/// of the sentence, or a complementizer a few words on ("wrote in a letter that").
fn speech_follows(tokens: &Tokens, s: Window, next: usize) -> bool {
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
fn after_quotation(tokens: &Tokens, first: usize) -> bool {
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
fn epistemic(tokens: &Tokens, first: usize) -> bool {
    let word = tokens.str(first);
    if !MODALS.iter().any(|m| word.eq_ignore_ascii_case(m)) {
        return true; // a user's word or a phrase: no modal rules apply
    }
    if word == "May" && first > 0 {
        return false; // "on May 20"
    }
    let next = first + 1;
    if word.eq_ignore_ascii_case("could") {
        // "could be answered", "could be applied": what was possible to do, not a guess.
        if tokens.word_in(next, &["be"]) && tokens.is_word(next + 1) {
            let w = tokens.str(next + 1);
            if w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")) {
                return false;
            }
        }
        return tokens.word_in(
            next,
            &[
                "be",
                "have",
                "also",
                "well",
                "potentially",
                "possibly",
                "soon",
                "eventually",
                "still",
                "even",
                "mean",
                "become",
                "lead",
                "cost",
                "happen",
            ],
        );
    }
    // "may not" stays epistemic; a question ("May I…") or the end of a clause does not.
    tokens.is_word(next)
}

/// The voice of a verb cue, from the words just before it.
fn voice(tokens: &Tokens, first: usize, entry: &Entry) -> Voice {
    if !matches!(entry.role, Role::Speech | Role::Belief) {
        return Voice::Active;
    }
    let mut be = false;
    let mut subject = None;
    let mut i = first;
    for _ in 0..5 {
        if i == 0 {
            break;
        }
        i -= 1;
        if tokens.word_in(i, &BE_FORMS) {
            be = true;
        } else if !is_adverb(tokens, i) {
            subject = Some(i);
            break;
        }
    }
    let subject_is = |words: &[&str]| subject.is_some_and(|i| tokens.word_in(i, words));
    // "it's said that": the contraction holds both the subject and "is".
    let contracted = subject_is(&["it's", "it’s"]);
    let participle = matches!(entry.form, Form::Past | Form::Participle);
    // A reduced relative: "Iranians accused of spying", "claims made by the army".
    let reduced = participle
        && subject.is_some_and(|i| !tokens.word_in(i, FIRST_PERSON) && !tokens.is_capitalised(i))
        && (tokens.word_in(first + 1, &["by"])
            || tokens.word_in(first + 1, &["of"])
                && entry
                    .lemma
                    .is_some_and(|l| ["accuse", "suspect", "charge"].contains(&l)));
    let passive = (be || contracted || reduced) && participle;
    if passive && (contracted || subject_is(&["it"])) {
        Voice::Impersonal
    } else if passive {
        Voice::Passive
    } else if subject_is(FIRST_PERSON) {
        Voice::FirstPerson
    } else {
        Voice::Active
    }
}

/// The "it" of an impersonal passive whose participle is token `first`: "It is claimed",
/// "it has been reported", "it's said".
fn impersonal_start(tokens: &Tokens, first: usize) -> usize {
    let mut i = first;
    while i > 0 && first - i < 5 {
        i -= 1;
        if tokens.word_in(i, &["it", "it's", "it’s"]) {
            return i;
        }
        if !(tokens.word_in(i, &BE_FORMS) || is_adverb(tokens, i)) {
            break;
        }
    }
    first
}

/// Drops a colon right after a verb of saying: the verb is the cue ("said: …").
fn drop_redundant(cues: &mut Vec<Cue>) {
    let verb_before = |cues: &[Cue], at: usize| {
        cues.iter()
            .any(|c| c.role() == Role::Speech && c.last < at && at - c.last <= WINDOW)
    };
    let keep: Vec<bool> = cues
        .iter()
        .map(|c| c.role() != Role::Colon || !verb_before(cues, c.first))
        .collect();
    let mut keep = keep.into_iter();
    cues.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::lexicon::Lexicon;

    fn cues(text: &str) -> Vec<(String, Role, Voice)> {
        use crate::block::quotes::quotations;
        let lexicon = Lexicon::new(&Config::default()).unwrap();
        let tokens = Tokens::new(text, Span::new(0, text.len()));
        let window = Window {
            hi: tokens.len(),
            span: Span::new(0, text.len()),
        };
        let hits = lexicon.scan(text, 0, text.len());
        let quotes = quotations(text, Span::new(0, text.len()));
        find_cues(&tokens, window, &hits, &quotes)
            .into_iter()
            .map(|c| (c.span.of(text).to_owned(), c.role(), c.voice))
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        cues(text).into_iter().map(|c| c.0).collect()
    }

    #[test]
    fn finds_verbs_and_phrases() {
        assert_eq!(
            words("The ministry claimed that, according to sources, it won."),
            ["claimed", "according to"]
        );
    }

    #[test]
    fn nouns_are_not_verbs() {
        assert!(words("The report of the committee was long.").is_empty());
        assert_eq!(words("The committee reported a loss."), ["reported"]);
    }

    #[test]
    fn added_needs_speech() {
        assert!(words("They added salt to the soup.").is_empty());
        assert_eq!(words("“We won,” he added."), ["added"]);
        assert_eq!(words("He added that they won."), ["added"]);
    }

    #[test]
    fn discussing_a_topic_is_no_claim() {
        assert!(words("The members discussed the schedule at length.").is_empty());
        assert_eq!(
            words("They discussed whether the plan would work."),
            ["discussed"]
        );
    }

    #[test]
    fn modals_only_when_epistemic() {
        assert_eq!(words("It may have been sabotage."), ["may"]);
        assert!(words("He could not attend on May 20.").is_empty());
        assert_eq!(words("It could be sabotage."), ["could"]);
    }

    #[test]
    fn passive_and_impersonal_voices() {
        assert_eq!(cues("It is claimed that they won.")[0].2, Voice::Impersonal);
        assert_eq!(
            words("It has also been reported that they won."),
            ["It has also been reported"]
        );
        assert_eq!(cues("He is believed to be alive.")[0].2, Voice::Passive);
        assert_eq!(cues("I think we won.")[0].2, Voice::FirstPerson);
        assert_eq!(cues("Officials said it won.")[0].2, Voice::Active);
    }

    #[test]
    fn colon_after_a_speaker_is_a_cue() {
        assert_eq!(words("Trump: “We will win.”"), [":"]);
        assert_eq!(words("Clinton camp: Trump is a risk"), [":"]);
        assert!(words("Here they are: apples and pears.").is_empty());
        assert!(words("Editor’s note: The following is an excerpt.").is_empty());
        assert!(words("Q: What do you call it?").is_empty());
        assert!(words("LOOK: Shocking photos of the rally").is_empty());
        assert!(words("EXCLUSIVE: In memo to Congress, Saudis insist they are right").len() == 1);
        assert!(words("Analysis: Why the vote matters").is_empty());
        // A table's row: "Clinton: 2,316. Sanders: 1,547."
        assert!(words("Sanders: 1,547.").is_empty());
        // The verb carries the cue; the colon after it adds nothing.
        assert_eq!(words("He said: “We will win.”"), ["said"]);
    }

    #[test]
    fn infinitives_and_nested_first_person_are_not_cues() {
        assert!(words("He wanted to say goodbye.").is_empty());
        assert!(words("“As I said, we won,” he said.").len() == 1);
        assert_eq!(
            words("He declined to say whether it was true."),
            ["declined to say"]
        );
        assert!(words("She was answering questions from reporters.").is_empty());
    }

    #[test]
    fn venues_start_at_in() {
        assert_eq!(
            words("In a new CNN poll, Trump leads."),
            ["In a new CNN poll"]
        );
        // Someone's view frames a clause as theirs; the writer's own does not.
        assert_eq!(words("In his view, the deal is dead."), ["In his view"]);
        assert_eq!(
            words("The cure, in Professor Knittel's view, is research."),
            ["in Professor Knittel's view"]
        );
        assert!(words("In my opinion, the deal is dead.").is_empty());
        assert!(words("In other words, the deal is dead.").is_empty());
        assert!(words("In view of the costs, the deal is dead.").is_empty());
        // A poll named after two sponsors is a long name.
        assert_eq!(
            words(
                "In an NBC News/Wall Street Journal poll released Monday, 50 percent chose Clinton."
            ),
            ["In an NBC News/Wall Street Journal poll"]
        );
    }

    #[test]
    fn parts_of_hyphenated_words_are_not_cues() {
        assert!(words("A thought-provoking film, in this so-thought refuge.").is_empty());
        assert_eq!(words("The so-called refuge."), ["so-called"]);
    }

    #[test]
    fn reports_is_a_verb_after_a_name() {
        assert_eq!(
            words("The Boston Globe reports that the talks failed."),
            ["reports"]
        );
        assert_eq!(
            words("Smith said so, the Chicago Tribune reports."),
            ["said", "reports"]
        );
        assert!(words("Police reports show the talks failed.").len() == 1);
        assert!(words("Amid news reports that the talks failed, he left.").is_empty());
        assert!(
            !words("They read detailed reports that the talks failed.")
                .contains(&"reports".to_owned())
        );
    }

    #[test]
    fn shares_of_people_speak() {
        assert_eq!(
            words("On economic issues, 42% say they are liberal."),
            ["say"]
        );
        assert_eq!(
            words("It includes 18% who say they would stay home."),
            ["say"]
        );
        assert_eq!(
            words("More than 4 in 10 said billionaire Donald Trump would be best."),
            ["said"]
        );
    }

    #[test]
    fn asking_someone_their_view_is_no_hedge() {
        assert!(words("Do you think he will win?").is_empty());
        assert!(words("Tell us what you really think.").is_empty());
        assert_eq!(words("Do they think he will win?"), ["think"]);
    }

    #[test]
    fn a_particle_can_make_another_verb() {
        assert!(words("Nearly 120,000 voters showed up in 2008.").is_empty());
        assert!(words("The union called off the strike.").is_empty());
        assert!(words("It was a turn that called to mind the sixties.").is_empty());
        assert_eq!(words("Polls showed Clinton ahead."), ["showed"]);
        assert_eq!(words("Trump called to ban Muslims."), ["called"]);
    }

    #[test]
    fn page_furniture_in_the_imperative_is_no_report() {
        assert!(words("Have Your Say").is_empty());
        assert!(words("Read about our approach to external linking.").is_empty());
        assert!(words("The think tank published the paper.").is_empty());
        // The same verbs reporting: a past with its subject, a base form after one.
        assert_eq!(words("The statement read: we will win."), ["read"]);
        assert_eq!(words("Officials say the road will open."), ["say"]);
    }

    #[test]
    fn a_participle_before_its_noun_is_an_adjective_unless_it_hedges() {
        assert!(words("There are 500 confirmed cases in the city.").is_empty());
        assert!(words("The state's confirmed caseload is 162,000.").is_empty());
        assert!(words("The announced cuts will hit schools.").is_empty());
        assert_eq!(words("Police confirmed the arrest."), ["confirmed"]);
        // The writer's distance stays a hedge: "the suspected gunman", "the expected rise".
        assert_eq!(words("The suspected gunman was arrested."), ["suspected"]);
        assert_eq!(words("The expected rise did not come."), ["expected"]);
        assert!(words("The suspect was arrested.").is_empty());
    }

    #[test]
    fn seeing_is_a_belief_only_as_a_view() {
        assert_eq!(words("Wellstone saw the rule as a loophole."), ["saw"]);
        assert!(words("The tour saw them play in the U.S. for the first time.").is_empty());
        assert!(words("He can be seen on the right of the sketch.").is_empty());
        assert!(words("It stems from selective thinking, considering its cost.").is_empty());
    }

    #[test]
    fn hedging_adjectives_before_their_noun() {
        assert_eq!(words("One possible reason is the cold."), ["possible"]);
        assert!(words("Come as soon as possible.").is_empty());
        assert!(words("It could be answered in the court.").is_empty());
    }

    #[test]
    fn records_show_and_doubled_consonants() {
        assert_eq!(
            words("New fundraising reports show it has less cash."),
            ["show"]
        );
        assert!(words("They will show it has less cash.").is_empty());
        assert_eq!(
            words("“We won,” he said, referring to Ohio."),
            ["said", "referring"]
        );
    }

    #[test]
    fn an_s_form_without_an_object_is_a_plural_noun() {
        assert!(words("It would prevent future blasts around the world.").is_empty());
        assert_eq!(words("Trump blasts the judge."), ["blasts"]);
        assert!(words("The Paris attacks shocked the world.").is_empty());
        assert_eq!(words("The poll shows 45 percent support."), ["shows"]);
        assert_eq!(words("The economy is weak, he notes."), ["notes"]);
    }

    #[test]
    fn reports_inside_a_quotation_are_part_of_it() {
        assert_eq!(
            words("“People tell me they think it is rigged,” Trump said."),
            ["said"]
        );
        // The writer's hedge still counts inside a quotation.
        assert_eq!(words("“It may be rigged,” he said."), ["may", "said"]);
    }

    #[test]
    fn records_name_what_they_show_from_a_few_words_back() {
        assert_eq!(
            words("FEC records from the 2008 election cycle show he backed McCain."),
            ["show"]
        );
        assert_eq!(words("The April survey found Clinton leading."), ["found"]);
        assert!(words("They found Clinton leading.").is_empty());
    }

    #[test]
    fn refusals_to_speak_and_positions_taken() {
        assert_eq!(words("The campaign did not say whether it won."), ["say"]);
        assert!(words("Trump did not attack the judge.").is_empty());
        assert_eq!(words("Clinton hopes to win Ohio."), ["hopes"]);
        assert_eq!(words("Graham called both candidates liars."), ["called"]);
        assert!(words("A group called Politics and Pies met.").is_empty());
        assert_eq!(words("Reid caucused and says he voted."), ["says"]);
        assert_eq!(
            words("Economists, like their rivals, say taxes work."),
            ["say"]
        );
        assert!(words("Pick a country, say, France.").is_empty());
    }

    #[test]
    fn appears_needs_a_complement() {
        assert!(words("She appears in the film.").is_empty());
        assert_eq!(words("She appears to be in the film."), ["appears"]);
    }
}
