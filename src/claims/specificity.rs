//! Is the source of a claim *named* (a person or an organisation by name: "Senator Maria Lopez",
//! "Reuters", "the Pentagon", "Iran's Intelligence Ministry") or *anonymous* (unnamed people:
//! "officials", "people familiar with the matter", "a senior official who spoke on condition of
//! anonymity")? The definition is `../shared/CLAIMS.md`'s; the words are data in
//! [`crate::lexicon::sources`].
//!
//! # Rules, in order
//! 1. A pronoun standing for a person ("he", "she", "his", "her") is neither: it takes the
//!    specificity of its antecedent ([`Reading::Pronoun`]); other pronouns ("they", "it", "we")
//!    are not guessed at ([`Reading::Unknown`]).
//! 2. A word that withholds a name inside the source's first phrase ("unnamed", "anonymous",
//!    "unidentified") makes it anonymous.
//! 3. The head of the source's first noun phrase decides (the word before a preposition, a
//!    relative pronoun, a participle, a time, a verb or a comma: "a spokesman | for the ministry",
//!    "health officials | this week", "The pair | said they"; a phrase that tells nothing, "Each
//!    day now,", yields to the next); in a coordination ("Trump and his aides") one named part
//!    makes the source named; "both" and "each" refer back to named people ("both men"):
//!    - people described, not named — "officials", "a source", "witnesses", "an aide", "two
//!      people", "Democrats", "authorities" — and bare quantifiers ("some", "many", "one of his
//!      aides"): **anonymous**, whatever the determiner;
//!    - a spokesperson: **named** — they speak for an organisation, on the record, and their word
//!      is the organisation's ("a spokesman for the ministry", "a Pentagon spokesperson");
//!    - an office held by one person (CEO, president, minister, judge, lawyer, wife…): **named**
//!      with "the", a possessive or a name ("the company's CEO", "Apple's chief executive", "his
//!      lawyer": the reader can tell who), **anonymous** with "a", "one" or in the plural ("a
//!      former minister", "prosecutors");
//!    - an organisation: **named** when definite, possessed or bare ("the ministry" after a named
//!      one, "the Clinton campaign", "police" — the force of the place the story is about, speaking
//!      as an institution), **anonymous** when indefinite or a plural without a name ("a local
//!      hospital", "news outlets");
//!    - a document or medium: **named** when it says whose or refers back ("a report by the
//!      Times", "a CNN poll", "the report", "state media"), **anonymous** otherwise ("reports",
//!      "Russian media");
//!    - a capitalised word that is none of the above and no nationality: a name, **named**
//!      ("Reuters", "Tim Cook", "the White House"), unless it only opens the sentence before a
//!      lower-case word ("Surety companies") or follows "a", "one" ("one GOP operative");
//!    - any other noun: **named** after "the" or a possessive (someone the text introduced),
//!      **anonymous** after "a", "some" or as a bare plural ("environmentalists").
//!
//!    An apposition to a name is that name's ("Bernhard von Bülow, a later chancellor, said").
//! 4. A spokesperson, an office-holder or an unknown noun that rule 3 found named becomes
//!    anonymous when a phrase withholding the name is in the source or near it in its sentence
//!    ("the company's CEO, who declined to be named"; "speaking on condition of anonymity, a
//!    Pentagon spokesperson said"). A name or an organisation stays named ("Reuters, citing
//!    officials who spoke on condition of anonymity").
//!
//! Measured (`allegedly eval`, `tests/specificity/README.md`): 0.956 on 180 hand-labelled PolNeAR
//! dev sources and 0.922 on 116 sources the analyzer finds in the saved pages, both fitted to;
//! 0.868 and 0.800 on two batches of page sources labelled before the rules had seen them. On the
//! reader-judged set (another labeller's specificity, through the analyzer's own sources), 0.761:
//! 0.925 of the claims given a specificity, and 58 of 326 given none (a "he" without antecedent,
//! "I", "we", "it", fragments).
//!
//! One pass over the source's words and at most [`WINDOW`] words on each side of it; no
//! allocation, no regular expression. Cost, measured with callgrind on PolNeAR dev (415 KB, 1,845
//! claims with a source): ~3,450 instructions a sourced claim, +9.6 % of `Analyzer::analyze`
//! (66.2 M → 72.6 M); in the wasm package 8.8 KB gzipped. Capitals are tested in ASCII, like the antecedents: a name
//! with another first capital ("Ángel") is read by its other words.

use crate::claim::Claim;
pub use crate::claim::Specificity;
use crate::lexicon::sources::{
    ANONYMITY, ANONYMITY_FIRSTS, ANONYMOUS_WORDS, CONJUNCTIONS, DEFINITE, DEMONYMS, DESCRIPTORS,
    DOCUMENTS, INDEFINITE, NAMED_PHRASE_FIRSTS, NAMED_PHRASES, ORGANISATION_PLURALS, ORGANISATIONS,
    OTHER_PRONOUNS, PEOPLE, PERSONAL_PRONOUNS, PHRASE_ENDS, ROLE_PLURALS, ROLES, TIMES, VERBS,
    VOICES,
};
use crate::lexicon::words::{WordList, Words};
use crate::span::Span;

/// What the words of a source say about its specificity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Is(Specificity),
    /// "he", "she", "his", "her": the antecedent's specificity.
    Pronoun,
    /// Nothing to tell by: "they", "it", "we", an empty source.
    Unknown,
}

/// How many words on each side of a source are searched for a phrase withholding its name.
pub const WINDOW: usize = 16;
/// How many words of a source are read; a source is a noun phrase, rarely over a dozen words.
const MAX_WORDS: usize = 40;

/// The specificity of the source at `source` in `text`, in its sentence `sentence` (both byte
/// spans into `text`); `None` for pronouns and sources nothing can be told of.
pub fn classify(text: &str, source: Span, sentence: Span) -> Option<Specificity> {
    match read(text, source, sentence) {
        Reading::Is(specificity) => Some(specificity),
        Reading::Pronoun | Reading::Unknown => None,
    }
}

/// What the words of the source at `source` in `text` say, in its sentence `sentence`.
/// Spans out of range or off character boundaries read as [`Reading::Unknown`].
pub fn read(text: &str, source: Span, sentence: Span) -> Reading {
    let Some(written) = text.get(source.start..source.end) else {
        return Reading::Unknown;
    };
    let mut buffer = [Word::default(); MAX_WORDS];
    let n = split(written, &mut buffer).len();
    if n == 0 {
        return Reading::Unknown;
    }
    // Nothing but punctuation before it in its sentence: the first word's capital may be the
    // sentence's.
    buffer[0].initial = text
        .get(sentence.start.min(source.start)..source.start)
        .is_some_and(|before| !before.bytes().any(|b| b.is_ascii_alphanumeric()));
    let words = &buffer[..n];
    // The first phrase, up to the first comma or dash, decides: "Matt Bennett, a founder of Third
    // Way". When it tells nothing, the next one does: a fronted adverbial ("Each day now, rivals").
    let mut rest = words;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|w| w.break_after)
            .map_or(rest.len(), |i| i + 1);
        let (phrase_words, after) = rest.split_at(end);
        if phrase_words.iter().any(|w| w.is_in(&ANONYMOUS_WORDS)) {
            return Reading::Is(Specificity::Anonymous);
        }
        let (reading, overridable) = phrase(phrase_words);
        // An apposition to a name is that name's: "Bernhard von Bülow, a later chancellor, said".
        let reading = match reading {
            Reading::Is(Specificity::Anonymous) | Reading::Unknown
                if rest.len() == words.len() && after_a_name(text, source, sentence, words) =>
            {
                Reading::Is(Specificity::Named)
            }
            _ => reading,
        };
        if reading == Reading::Is(Specificity::Named)
            && overridable
            && (has_phrase(words, ANONYMITY, &ANONYMITY_FIRSTS)
                || withheld_nearby(text, source, sentence))
        {
            return Reading::Is(Specificity::Anonymous);
        }
        if reading != Reading::Unknown {
            return reading;
        }
        rest = after;
    }
    Reading::Unknown
}

/// Sets [`Claim::specificity`] for the claims of `text` (byte spans into it), after their
/// antecedents are known: a "he" or "she" takes its antecedent's, and without one has none.
pub fn fill(text: &str, claims: &mut [Claim]) {
    for claim in claims {
        claim.specificity =
            claim
                .source
                .and_then(|source| match read(text, source, claim.sentence) {
                    Reading::Is(specificity) => Some(specificity),
                    Reading::Pronoun => claim.antecedent.as_deref().and_then(of_name),
                    Reading::Unknown => None,
                });
    }
}

/// Whether the source is an apposition to a name: "Bernhard von Bülow, | a later chancellor, |
/// said", "the Asheville Tea PAC, | a local organization which | said" — a name and a comma
/// before it, a comma or a relative pronoun closing it. Not "In Washington, a senior official,
/// …": a name after a preposition is a place or a time.
fn after_a_name(text: &str, source: Span, sentence: Span, words: &[Word]) -> bool {
    let lo = sentence.start.min(source.start);
    let Some(before) = text
        .get(lo..source.start)
        .and_then(|b| b.trim_end().strip_suffix(','))
    else {
        return false;
    };
    let closed = words.last().is_some_and(|w| w.is("who") || w.is("which"))
        || text
            .get(source.end..sentence.end.max(source.end))
            .is_some_and(|after| after.trim_start().starts_with(','));
    if !closed {
        return false;
    }
    let mut buffer = [Word::default(); MAX_WORDS];
    let previous = split(&before[window_start(before)..], &mut buffer);
    match previous {
        [.., word, name] => name.is_name() && !word.is_in(&PHRASE_ENDS),
        [name] => name.is_name(),
        [] => false,
    }
}

/// The specificity of a name as an earlier claim wrote it (an antecedent: "Senator John Smith").
pub fn of_name(name: &str) -> Option<Specificity> {
    classify(name, Span::new(0, name.len()), Span::new(0, name.len()))
}

/// One word of a source, without the punctuation around it.
#[derive(Clone, Copy, Default)]
struct Word<'a> {
    text: &'a str,
    /// It ended in "'s" or "s'" (removed from `text`).
    possessive: bool,
    /// A comma, a semicolon, a colon or a dash follows it: the phrase ends.
    break_after: bool,
    /// It opens its sentence, so its capital says nothing by itself ("Surety companies said").
    initial: bool,
}

impl Word<'_> {
    fn is_in(&self, list: &impl WordList) -> bool {
        list.has(self.text.as_bytes())
    }

    fn capitalised(&self) -> bool {
        self.text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }

    fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// A nationality or a region: "Iranian", "U.S.", "Western".
    fn is_demonym(&self) -> bool {
        let b = self.text.as_bytes();
        self.is_in(&DEMONYMS)
            || (b.len() > 4 && [&b"ian"[..], b"ians"].iter().any(|s| ends_with_ci(b, s)))
    }

    /// A capitalised word no list knows and no nationality: a name ("Reuters", "Cook", "Iran").
    fn is_name(&self) -> bool {
        static LISTS: [&Words; 15] = [
            &PEOPLE,
            &ROLES,
            &VOICES,
            &ORGANISATIONS,
            &DOCUMENTS,
            &INDEFINITE,
            &DEFINITE,
            &PERSONAL_PRONOUNS,
            &OTHER_PRONOUNS,
            &DESCRIPTORS,
            &ANONYMOUS_WORDS,
            &PHRASE_ENDS,
            &CONJUNCTIONS,
            &DEMONYMS,
            &ROLE_PLURALS,
        ];
        self.capitalised() && !self.is_demonym() && !LISTS.iter().any(|list| self.is_in(*list))
    }
}

/// A lower-case word ending in "-ing" or "-ed": "looking", "speaking", "published".
fn is_participle(word: &Word) -> bool {
    let t = word.text;
    !word.capitalised() && t.len() > 4 && (t.ends_with("ing") || t.ends_with("ed"))
}

/// A word that can head a source: one of the lists' nouns, a plural or a name.
fn is_noun(word: &Word) -> bool {
    word.is_in(&PEOPLE)
        || word.is_in(&DOCUMENTS)
        || word.is_in(&ORGANISATIONS)
        || word.is_in(&ROLES)
        || is_plural(word)
        || word.is_name()
}

/// A lower-case word with a plural's ending ("-s", not "-ss" or "-us").
fn is_plural(word: &Word) -> bool {
    let b = word.text.as_bytes();
    !word.capitalised()
        && !word.possessive
        && b.len() > 3
        && b.ends_with(b"s")
        && !b.ends_with(b"ss")
        && !b.ends_with(b"us")
}

fn ends_with_ci(word: &[u8], suffix: &[u8]) -> bool {
    word.len() >= suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Splits `written` into words at white space, into `buffer` (words past its end are dropped).
fn split<'a, 'b>(written: &'a str, buffer: &'b mut [Word<'a>; MAX_WORDS]) -> &'b [Word<'a>] {
    let mut n = 0;
    for raw in written.split(char::is_whitespace) {
        if n == MAX_WORDS {
            break;
        }
        // Most words need no trimming: letters or digits at both ends, and no possessive.
        let b = raw.as_bytes();
        match (b.first(), b.last()) {
            (None, _) | (_, None) => continue,
            (Some(first), Some(&last))
                if first.is_ascii_alphanumeric()
                    && last.is_ascii_alphanumeric()
                    && !last.eq_ignore_ascii_case(&b's') =>
            {
                buffer[n] = Word {
                    text: raw,
                    ..Word::default()
                };
                n += 1;
                continue;
            }
            _ => {}
        }
        let trimmed = raw.trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
        let core =
            trimmed.trim_end_matches([',', ';', ':', ')', ']', '"', '”', '—', '–', '?', '!', '‘']);
        let break_after = core.len() < trimmed.len()
            && trimmed[core.len()..].contains([',', ';', ':', '—', '–'])
            || matches!(core, "—" | "–" | "-" | "--");
        if matches!(core, "—" | "–" | "-" | "--") {
            if let Some(previous) = buffer[..n].last_mut() {
                previous.break_after = true;
            }
            continue;
        }
        let (core, possessive) = strip_possessive(core);
        // "Inc." and "Jr." lose their full stop, "U.S." keeps it (its lists spell it so).
        let core = match core.strip_suffix('.') {
            Some(bare) if !bare.contains('.') => bare,
            _ => core,
        };
        // A closing single quote that is no possessive: "‘officials’".
        let core = core.trim_end_matches(['’', '\'']);
        if core.is_empty() {
            continue;
        }
        buffer[n] = Word {
            text: core,
            possessive,
            break_after,
            initial: false,
        };
        n += 1;
    }
    &buffer[..n]
}

fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(bare) = word.strip_suffix(suffix)
            && !bare.is_empty()
        {
            return (bare, true);
        }
    }
    for suffix in ["s'", "s’"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            return (&word[..word.len() - suffix.len() + 1], true);
        }
    }
    (word, false)
}

/// The reading of a source's first phrase, and whether a nearby phrase withholding a name may
/// overrule a named reading (rule 4).
fn phrase(words: &[Word]) -> (Reading, bool) {
    // A source is a noun phrase: a verb ends it, and one before it is left out. The analyzer's
    // span sometimes runs on ("The pair said they", "Walker then spent weeks") or starts early
    // ("says a report").
    let verb = |w: &Word| !w.capitalised() && w.is_in(&VERBS);
    let lead = words.iter().take_while(|w| verb(w)).count();
    let words = &words[lead..];
    let words = match words.iter().skip(1).position(verb) {
        Some(i) => &words[..=i],
        None => words,
    };
    if words.is_empty() {
        return (Reading::Unknown, false);
    }
    // The noun phrase ends at a preposition or a relative pronoun; its tail ("for the ministry",
    // "by the Times") only matters to documents.
    // A participle after a noun starts a modifier too: "corporations | looking to cut their
    // debts", "data | published by OpenAI" (not "the ruling party", "senior elected officials"),
    // and so does a time: "health officials | this week".
    let end = (0..words.len())
        .find(|&i| {
            words[i].is_in(&PHRASE_ENDS)
                || (i > 0
                    && (is_participle(&words[i]) || words[i].is_in(&TIMES))
                    && is_noun(&words[i - 1]))
        })
        .unwrap_or(words.len());
    let (noun_phrase, tail) = words.split_at(end);
    if noun_phrase.is_empty() {
        // "Of the officials, …": read what follows the preposition.
        return match tail.split_first() {
            Some((_, rest)) if !rest.is_empty() => phrase(rest),
            _ => (Reading::Unknown, false),
        };
    }
    let mut named: Option<bool> = None;
    let mut anonymous = false;
    let mut pronoun = false;
    let mut parts = noun_phrase.split(|w| w.is_in(&CONJUNCTIONS)).peekable();
    while let Some(part) = parts.next() {
        let part_tail = if parts.peek().is_none() { tail } else { &[] };
        match conjunct(part, part_tail) {
            (Reading::Is(Specificity::Named), overridable) => {
                named = Some(named.unwrap_or(true) && overridable);
            }
            (Reading::Is(Specificity::Anonymous), _) => anonymous = true,
            (Reading::Pronoun, _) => pronoun = true,
            (Reading::Unknown, _) => {}
        }
    }
    match named {
        Some(overridable) => (Reading::Is(Specificity::Named), overridable),
        None if anonymous => (Reading::Is(Specificity::Anonymous), false),
        None if pronoun => (Reading::Pronoun, false),
        None => (Reading::Unknown, false),
    }
}

/// How the determiner of a noun phrase refers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Determiner {
    /// "a", "one", "some", "two": someone not identified.
    Indefinite,
    /// "the", "this", "his", a possessive ("the company's"): someone the reader can tell.
    Definite,
    None,
}

/// One conjunct of a noun phrase ("Trump" or "his aides" in "Trump and his aides"), with the
/// phrase's tail when it is the last conjunct.
fn conjunct(words: &[Word], tail: &[Word]) -> (Reading, bool) {
    let Some((head, before)) = words.split_last() else {
        return (Reading::Unknown, false);
    };
    if before.is_empty() && head.is_in(&PERSONAL_PRONOUNS) {
        return (Reading::Pronoun, false);
    }
    if has_phrase(words, NAMED_PHRASES, &NAMED_PHRASE_FIRSTS) {
        return (Reading::Is(Specificity::Named), false);
    }
    let determiner = if before.iter().any(|w| w.possessive) {
        Determiner::Definite
    } else {
        // The first determiner, past what a fragment may start with ("during her interview").
        let indefinite =
            |w: &Word| w.is_in(&INDEFINITE) || w.text.bytes().all(|b| b.is_ascii_digit());
        match before.iter().find(|w| indefinite(w) || w.is_in(&DEFINITE)) {
            Some(w) if indefinite(w) => Determiner::Indefinite,
            Some(_) => Determiner::Definite,
            None => Determiner::None,
        }
    };
    // A sentence's first word before a lower-case one is no evidence of a name: "Surety
    // companies", not "Goldman Sachs".
    let name_before = before
        .iter()
        .enumerate()
        .any(|(i, w)| w.is_name() && (!w.initial || words[i + 1].capitalised()));
    let named = |overridable| (Reading::Is(Specificity::Named), overridable);
    let anonymous = (Reading::Is(Specificity::Anonymous), false);
    // "both men", "each candidate": a set the text has introduced, in news nearly always named
    // people ("Mr. Obama and Senator McCain … both men").
    if before.first().is_some_and(|w| w.is("both") || w.is("each"))
        && (head.is_in(&PEOPLE) || head.is_in(&ROLES) || is_plural(head))
    {
        return named(true);
    }
    if head.possessive && head.is_name() {
        // "Trump's" (the owner of "Trump's claim").
        return named(false);
    }
    if head.is_in(&PEOPLE) {
        return anonymous;
    }
    if head.is_in(&VOICES) {
        return named(true);
    }
    if head.is_in(&ROLES) {
        return if head.is_in(&ROLE_PLURALS) || determiner == Determiner::Indefinite {
            anonymous
        } else {
            named(true)
        };
    }
    if head.is_in(&ORGANISATIONS) {
        let plural = head.is_in(&ORGANISATION_PLURALS);
        return match determiner {
            Determiner::Indefinite => anonymous,
            Determiner::None if plural && !name_before => anonymous,
            _ => named(false),
        };
    }
    if head.is_in(&DOCUMENTS) {
        // An institution's records are its word: "government data", "court documents".
        let whose = name_before
            || determiner == Determiner::Definite
            || before.iter().any(|w| w.is_in(&ORGANISATIONS))
            // Whose, after "by", "from", "of", "for": "a report by the Times", "a paper from a
            // team at UMass Amherst" (not "data on Thursday").
            || tail
                .iter()
                .position(|w| !is_participle(w))
                .and_then(|i| tail[i..].split_first())
                .is_some_and(|(preposition, rest)| {
                    ["by", "from", "of", "for"].iter().any(|p| preposition.is(p))
                        && (rest.iter().any(Word::is_name)
                            || phrase(rest).0 == Reading::Is(Specificity::Named))
                });
        return if whose { named(false) } else { anonymous };
    }
    if head.is_in(&INDEFINITE) {
        // "some", "many", "two", "one of his aides".
        return anonymous;
    }
    if head.is_in(&OTHER_PRONOUNS) {
        return (Reading::Unknown, false);
    }
    if head.is_name() {
        return named(false);
    }
    if name_before {
        // "the Clinton camp"; but "one GOP operative" is one of many.
        return if determiner == Determiner::Indefinite {
            anonymous
        } else {
            named(true)
        };
    }
    match determiner {
        // "the family", "the victim": someone the text has introduced.
        Determiner::Definite => named(true),
        Determiner::Indefinite => anonymous,
        // A bare plural is a group no one is named in: "environmentalists", "independent
        // analyses".
        Determiner::None if is_plural(head) => anonymous,
        Determiner::None => (Reading::Unknown, false),
    }
}

/// Whether one of `phrases` occurs in `words` (ignoring ASCII case). `firsts` holds the phrases'
/// first words: most words are turned away by it with two bit tests, before any phrase is read
/// (the phrases were 3 % of the analyzer's instructions on PolNeAR dev without it).
fn has_phrase(words: &[Word], phrases: &[&[&str]], firsts: &Words) -> bool {
    (0..words.len()).any(|i| {
        words[i].is_in(firsts)
            && phrases.iter().any(|phrase| {
                words.len() - i >= phrase.len()
                    && phrase.iter().zip(&words[i..]).all(|(p, w)| w.is(p))
            })
    })
}

/// Whether a phrase withholding a name is within [`WINDOW`] words before or after the source in
/// its sentence: "…, said the company's CEO, who declined to be named", "Speaking on condition of
/// anonymity, a spokesperson said".
fn withheld_nearby(text: &str, source: Span, sentence: Span) -> bool {
    let lo = sentence.start.min(source.start);
    let hi = sentence.end.max(source.end).min(text.len());
    let mut buffer = [Word::default(); MAX_WORDS];
    let after = text
        .get(source.end..hi)
        .map(|rest| &rest[..window_end(rest)])
        .unwrap_or("");
    if has_phrase(split(after, &mut buffer), ANONYMITY, &ANONYMITY_FIRSTS) {
        return true;
    }
    let before = text
        .get(lo..source.start)
        .map(|rest| &rest[window_start(rest)..])
        .unwrap_or("");
    has_phrase(split(before, &mut buffer), ANONYMITY, &ANONYMITY_FIRSTS)
}

/// The byte where the [`WINDOW`]th word of `text` ends (white space counted in ASCII, so the
/// index is a character boundary).
fn window_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    for (i, &b) in bytes.iter().enumerate() {
        let space = b.is_ascii_whitespace();
        if in_word && space {
            words += 1;
            if words == WINDOW {
                return i;
            }
        }
        in_word = !space;
    }
    bytes.len()
}

/// The byte where the last [`WINDOW`] words of `text` start.
fn window_start(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    for i in (0..bytes.len()).rev() {
        let space = bytes[i].is_ascii_whitespace();
        if in_word && space {
            words += 1;
            if words == WINDOW {
                return i + 1;
            }
        }
        in_word = !space;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use Specificity::{Anonymous, Named};

    /// The specificity of `source` (its first occurrence) in `sentence`.
    fn of(source: &str, sentence: &str) -> Option<Specificity> {
        let start = sentence
            .find(source)
            .unwrap_or_else(|| panic!("{source:?} is not in {sentence:?}"));
        classify(
            sentence,
            Span::new(start, start + source.len()),
            Span::new(0, sentence.len()),
        )
    }

    /// The specificity of a source read alone, as in "SOURCE said the plan would fail."
    fn alone(source: &str) -> Option<Specificity> {
        of(source, &format!("{source} said the plan would fail."))
    }

    #[test]
    fn people_and_organisations_by_name_are_named() {
        for source in [
            "Senator Maria Lopez",
            "Reuters",
            "the Pentagon",
            "Iran's Intelligence Ministry",
            "Tim Cook",
            "The White House",
            "the New York Times",
            "Mr. Clarke",
            "former Secretary of State John F. Kerry",
            "The Associated Press",
            "FBI Director James Comey",
            "the Kremlin",
        ] {
            assert_eq!(alone(source), Some(Named), "{source}");
        }
    }

    #[test]
    fn unnamed_people_are_anonymous() {
        for source in [
            "officials",
            "Officials",
            "sources",
            "a source",
            "critics",
            "analysts",
            "witnesses",
            "some experts",
            "Some",
            "many",
            "others",
            "people familiar with the matter",
            "two people briefed on the talks",
            "a senior official",
            "Senior administration officials",
            "one diplomat",
            "an aide",
            "residents",
        ] {
            assert_eq!(alone(source), Some(Anonymous), "{source}");
        }
    }

    #[test]
    fn naming_the_organisation_does_not_name_its_officials() {
        for source in [
            "White House officials",
            "a Pentagon official",
            "a senior State Department official",
            "U.S. officials",
            "Iranian officials",
            "Western diplomats",
            "officials at the Pentagon",
            "a source close to the Clinton campaign",
            "one of Trump's aides",
            "House Republicans",
            "Democrats",
        ] {
            assert_eq!(alone(source), Some(Anonymous), "{source}");
        }
    }

    #[test]
    fn withheld_names_make_a_source_anonymous() {
        assert_eq!(
            alone("a senior official who spoke on condition of anonymity"),
            Some(Anonymous)
        );
        assert_eq!(alone("one diplomat, speaking anonymously"), Some(Anonymous));
        assert_eq!(alone("an unnamed Pentagon spokesman"), Some(Anonymous));
        assert_eq!(alone("anonymous sources"), Some(Anonymous));
        // Outside the source span, in its sentence.
        let sentence = "The plan is dead, said the company's CEO, who declined to be named.";
        assert_eq!(of("the company's CEO", sentence), Some(Anonymous));
        let sentence = "Speaking on condition of anonymity, a Pentagon spokesperson said the \
                        strike had been planned for weeks.";
        assert_eq!(of("a Pentagon spokesperson", sentence), Some(Anonymous));
        let sentence = "The ministry's spokesman, who was not authorized to speak publicly, \
                        said the talks had failed.";
        assert_eq!(of("The ministry's spokesman", sentence), Some(Anonymous));
    }

    #[test]
    fn a_name_or_an_organisation_is_not_made_anonymous_by_its_sentence() {
        let sentence = "Reuters reported, citing officials who spoke on condition of \
                        anonymity, that the deal was off.";
        assert_eq!(of("Reuters", sentence), Some(Named));
        let sentence = "The ministry said the deal was off, a claim one diplomat, speaking \
                        anonymously, disputed.";
        assert_eq!(of("The ministry", sentence), Some(Named));
        let sentence = "Senator Maria Lopez said the bill would pass on condition of \
                        anonymity being granted to witnesses.";
        assert_eq!(of("Senator Maria Lopez", sentence), Some(Named));
    }

    #[test]
    fn the_phrase_must_be_near_the_source() {
        let filler = "the river rose and the town was flooded again ".repeat(4);
        let sentence = format!(
            "The company's CEO said {filler}while another executive spoke on condition of \
             anonymity."
        );
        assert_eq!(of("The company's CEO", &sentence), Some(Named));
    }

    #[test]
    fn a_spokesperson_speaks_for_the_organisation_on_the_record() {
        for source in [
            "a spokesman for the ministry",
            "a Pentagon spokesperson",
            "a spokeswoman for Senator Lopez",
            "A State Department spokesman",
            "the ministry's spokesman",
            "a spokesman",
        ] {
            assert_eq!(alone(source), Some(Named), "{source}");
        }
    }

    #[test]
    fn one_office_holder_is_named_by_the_office() {
        for source in [
            "the company's CEO",
            "the president",
            "Apple's chief executive",
            "his lawyer",
            "the Iranian foreign minister",
            "the judge",
            "Clinton's campaign chairman",
        ] {
            assert_eq!(alone(source), Some(Named), "{source}");
        }
        for source in [
            "a former minister",
            "one lawyer",
            "prosecutors",
            "two senators",
            "his lawyers",
        ] {
            assert_eq!(alone(source), Some(Anonymous), "{source}");
        }
    }

    #[test]
    fn organisations_are_named_unless_indefinite() {
        for source in [
            "the ministry",
            "police",
            "Police",
            "the Clinton campaign",
            "Trump's campaign",
            "the company",
            "the administration",
            "the two companies",
        ] {
            assert_eq!(alone(source), Some(Named), "{source}");
        }
        for source in [
            "a local hospital",
            "a company",
            "news outlets",
            "several groups",
        ] {
            assert_eq!(alone(source), Some(Anonymous), "{source}");
        }
    }

    #[test]
    fn documents_are_named_when_they_say_whose() {
        for source in [
            "a report by the New York Times",
            "a CNN poll",
            "the report",
            "a statement from the ministry",
            "state media",
            "Iranian state media",
        ] {
            assert_eq!(alone(source), Some(Named), "{source}");
        }
        assert_eq!(alone("government data"), Some(Named));
        assert_eq!(alone("new data on Thursday"), Some(Anonymous));
        assert_eq!(alone("court documents"), Some(Named));
        assert_eq!(alone("Data published by OpenAI"), Some(Named));
        assert_eq!(alone("senior elected officials"), Some(Anonymous));
        for source in ["reports", "media reports", "Russian media", "a new study"] {
            assert_eq!(alone(source), Some(Anonymous), "{source}");
        }
    }

    #[test]
    fn authorities_are_vague_police_are_an_institution() {
        assert_eq!(alone("authorities"), Some(Anonymous));
        assert_eq!(alone("Chinese authorities"), Some(Anonymous));
        assert_eq!(alone("local police"), Some(Named));
    }

    #[test]
    fn coordination_is_named_when_one_part_is() {
        assert_eq!(alone("Trump and his aides"), Some(Named));
        assert_eq!(alone("officials and analysts"), Some(Anonymous));
        // "and" inside a prepositional phrase is no coordination of sources.
        assert_eq!(alone("officials in Washington and Moscow"), Some(Anonymous));
    }

    #[test]
    fn an_apposition_after_a_name_keeps_it_named() {
        assert_eq!(alone("Matt Bennett, a founder of Third Way"), Some(Named));
        assert_eq!(alone("Jo Grady, the UCU general secretary"), Some(Named));
        assert_eq!(
            alone("a senior official, who asked not to be named"),
            Some(Anonymous)
        );
    }

    #[test]
    fn possessive_owners_are_named() {
        // The source of "Trump's claim that …".
        assert_eq!(alone("Trump's"), Some(Named));
        assert_eq!(alone("the critics'"), Some(Anonymous));
    }

    #[test]
    fn pronouns_take_their_antecedent() {
        for source in ["he", "She", "his", "her"] {
            let sentence = format!("{source} said the plan would fail.");
            let span = Span::new(0, source.len());
            assert_eq!(
                read(&sentence, span, Span::new(0, sentence.len())),
                Reading::Pronoun,
                "{source}"
            );
            assert_eq!(alone(source), None, "{source}");
        }
        for source in ["they", "It", "we", "both"] {
            assert_eq!(alone(source), None, "{source}");
        }
        assert_eq!(of_name("Senator John Smith"), Some(Named));
        assert_eq!(of_name("Melanie Ford"), Some(Named));
    }

    #[test]
    fn bad_spans_are_unknown_not_a_panic() {
        let text = "Officials said “no”.";
        assert_eq!(
            read(text, Span::new(0, 100), Span::new(0, text.len())),
            Reading::Unknown
        );
        // Inside the two-byte quotation mark.
        let quote = text.find('“').unwrap();
        assert_eq!(
            read(
                text,
                Span::new(quote + 1, text.len()),
                Span::new(0, text.len())
            ),
            Reading::Unknown
        );
        assert_eq!(
            read(text, Span::new(0, 0), Span::new(0, 0)),
            Reading::Unknown
        );
        // A sentence span out of range is clamped.
        assert_eq!(
            classify(text, Span::new(0, 9), Span::new(0, 1000)),
            Some(Anonymous)
        );
    }

    #[test]
    fn punctuation_and_typography_around_words_are_ignored() {
        assert_eq!(alone("(Reuters)"), Some(Named));
        assert_eq!(alone("“sources”"), Some(Anonymous));
        assert_eq!(alone("Iran’s Intelligence Ministry"), Some(Named));
        assert_eq!(alone("officials\u{a0}in\u{a0}Kabul"), Some(Anonymous));
        assert_eq!(alone("Apple Inc."), Some(Named));
    }

    #[test]
    fn bare_plurals_and_everyone_are_anonymous() {
        for source in [
            "environmentalists",
            "independent analyses",
            "high school administrators",
            "not everyone",
            "nobody",
        ] {
            assert_eq!(alone(source), Some(Anonymous), "{source}");
        }
        // A bare singular says nothing: no guess.
        assert_eq!(alone("consensus"), None);
    }

    #[test]
    fn relative_clauses_and_participles_end_the_phrase() {
        assert_eq!(
            alone("Surety companies that had insured Patriot's obligations"),
            Some(Anonymous)
        );
        assert_eq!(
            alone("corporations looking to cut their debts"),
            Some(Anonymous)
        );
        assert_eq!(alone("the ruling party"), Some(Named));
        assert_eq!(alone("people speaking for the campaign"), Some(Anonymous));
    }

    #[test]
    fn both_and_each_refer_back_to_a_set_the_text_named() {
        let sentence = "Mr. Obama and Senator John McCain ran, and both men said the climate \
                        was changing.";
        assert_eq!(of("both men", sentence), Some(Named));
        assert_eq!(alone("both presidential candidates"), Some(Named));
        assert_eq!(alone("each candidate"), Some(Named));
        assert_eq!(alone("the candidates"), Some(Named));
        assert_eq!(alone("candidates"), Some(Anonymous));
    }

    #[test]
    fn a_sentence_initial_capital_is_no_name_before_a_lower_case_word() {
        let sentence = "Surety companies agreed that the bonds would be released.";
        assert_eq!(of("Surety companies", sentence), Some(Anonymous));
        // Mid-sentence the capital counts: "the Surety companies" are named ones.
        let sentence = "The bonds, Surety companies agreed, would be released.";
        assert_eq!(of("Surety companies", sentence), Some(Named));
        // Two capitals are a name wherever they stand.
        let sentence = "Goldman Sachs said the bonds would be released.";
        assert_eq!(of("Goldman Sachs", sentence), Some(Named));
    }

    #[test]
    fn a_verb_ends_the_source() {
        assert_eq!(alone("The pair said they"), Some(Named));
        assert_eq!(alone("Walker then spent weeks"), Some(Named));
        assert_eq!(
            alone("Researchers have also spotted a trojan for Android"),
            Some(Anonymous)
        );
        assert_eq!(alone("the book has some"), Some(Named));
        assert_eq!(alone("says a source"), Some(Anonymous));
        assert_eq!(alone("said it"), None);
        assert_eq!(alone("Prime Minister Theresa May"), Some(Named));
        assert_eq!(alone("media reports"), Some(Anonymous));
    }

    #[test]
    fn an_apposition_to_a_name_is_named() {
        let sentence = "Bernhard von Bülow, a later chancellor, said the war was over.";
        assert_eq!(of("a later chancellor", sentence), Some(Named));
        let sentence = "It was endorsed by the Asheville Tea PAC, a local organization which \
                        said its board had met.";
        assert_eq!(of("a local organization which", sentence), Some(Named));
        // A place before the comma is no name of the source.
        let sentence = "In Washington, a senior official, who was not named, said so.";
        assert_eq!(of("a senior official", sentence), Some(Anonymous));
        let sentence = "Bernhard von Bülow, a later chancellor said the war was over.";
        assert_eq!(of("a later chancellor", sentence), Some(Anonymous));
    }

    #[test]
    fn one_of_a_named_group_is_anonymous() {
        assert_eq!(alone("one GOP operative"), Some(Anonymous));
        assert_eq!(alone("an Apple engineer"), Some(Anonymous));
        assert_eq!(alone("the Clinton camp"), Some(Named));
        assert_eq!(alone("health officials this week"), Some(Anonymous));
        assert_eq!(alone("a blog post for InfoAmazonia"), Some(Named));
        assert_eq!(
            alone("A research paper from a team at UMass Amherst"),
            Some(Named)
        );
    }

    #[test]
    fn a_long_source_is_read_without_losing_its_head() {
        let long = format!("officials {}", "of the ministry ".repeat(30));
        assert_eq!(alone(long.trim_end()), Some(Anonymous));
    }
}
