//! Stage 3: sentence → cues. Decides which lexicon hits are cues *here*, from a few tokens of
//! context: "the report" is a noun, "added to the list" is not speech, "could not attend" is not
//! epistemic, "May 20" is a month, "is believed to" is a passive.
//!
//! Every rule looks at a bounded number of tokens around the hit, so the stage is linear in the
//! length of the sentence whatever the number of hits.
//!
//! # Layout
//! This file finds the cues of a sentence ([`find_cues`]) from the lexicon's hits; `needs` holds
//! the context checks of each [`crate::lexicon::Needs`], `voice` who does the saying, `anchor`
//! which word of a learned phrase carries the cue, [`learned`] the trained model's second look.
//! The grammar helpers the stages share are in [`crate::grammar`]; a block's tokens and
//! quotations in [`crate::block`]. Nothing here imports [`crate::claims`].

mod anchor;
pub mod learned;
mod learned_weights;
mod needs;
mod voice;

use crate::block::quotes;
use crate::block::tokens::Tokens;
use crate::claim::Stance;
use crate::lexicon::tables::EXPECTED_COMPLEMENTS;
use crate::lexicon::{Entry, Form, Hit, Role};
use crate::span::Span;
use needs::{fits, venue_start};
use voice::{impersonal_start, voice};

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
        // "as expected", "worse than expected", "the sale had been expected.": an expectation
        // with nothing expected after it is the writer's comparison, no hedge on a proposition
        // (Szeged news dev: 4 of the 10 false "expected" hedges).
        if entry.lemma == Some("expect")
            && entry.form == Form::Past
            && (first > 0 && tokens.word_in(first - 1, &["as", "than"])
                || voice == Voice::Passive && !tokens.word_in(last + 1, &EXPECTED_COMPLEMENTS))
        {
            continue;
        }
        // A report inside a quotation ("as I said", "people tell me") is part of what is quoted:
        // the quotation is already the speaker's claim. The writer's own hedges still count.
        // Only a quotation that closes counts: one left open to the end of the block may be a
        // stray or misused mark (“…“) rather than a quotation.
        // A speaker's own belief ("“We think it will hold,” he said") is their hedge, and stays.
        if !matches!(entry.role, Role::Hedge | Role::Seem | Role::Modal)
            && (entry.role != Role::Belief || voice != Voice::FirstPerson)
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
        let mut entry = *entry;
        // "The debt, estimated at $4.7 billion", "he estimated the value at $55 a share": a
        // figure put on something is a measurement reported, not a view of what is true.
        if entry.lemma == Some("estimate")
            && (last + 1..(last + 5).min(sentence.hi)).any(|i| tokens.word_in(i, &["at"]))
        {
            entry.stance = Stance::Neutral;
        }
        let cue = Cue {
            span: Span::new(start, hit.end),
            first,
            last,
            entry,
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

/// Whether `text[start..end]` is joined to a word before or after it by a hyphen.
fn hyphen_joined(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let alnum = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    (start >= 2 && bytes[start - 1] == b'-' && alnum(start - 2))
        || (bytes.get(end) == Some(&b'-') && alnum(end + 1))
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

/// Venues that are a medium or a poll ("In a new CNN poll"); the others are someone's view and
/// need their holder ("in Bolton's view").
pub const VENUE_MEDIA: [&str; 4] = ["poll", "polls", "survey", "surveys"];

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
    fn actions_need_a_proposition() {
        assert!(words("Microsoft announced a plan to cut emissions.").is_empty());
        assert!(words("OpenAI declined to comment.").is_empty());
        assert!(words("She revealed her thoughts to her husband.").is_empty());
        assert_eq!(
            words("Microsoft announced that it would cut emissions."),
            ["announced"]
        );
        assert_eq!(words("She revealed she had felt unsafe."), ["revealed"]);
        assert_eq!(words("“We are done,” he announced."), ["announced"]);
    }

    #[test]
    fn an_estimate_at_a_figure_is_no_hedge() {
        use crate::claim::Stance;
        let stance = |text: &str| crate::analyzer::Analyzer::default().analyze(text)[0].stance;
        assert_eq!(
            stance("He estimated the value at $55 a share."),
            Stance::Neutral
        );
        assert_eq!(
            stance("He estimated that the firm would lose money."),
            Stance::Hedge
        );
    }

    #[test]
    fn an_s_form_before_a_reported_clause_is_a_verb() {
        assert_eq!(
            words("The report by the Union claims institutions have created a pool of staff."),
            ["claims"]
        );
        assert!(words("The Union claims office opens at nine.").is_empty());
    }

    #[test]
    fn that_said_is_a_discourse_marker() {
        assert!(words("That said, the malware leaves some files alone.").is_empty());
        assert_eq!(words("“We won,” he said. That said, he left."), ["said"]);
        assert_eq!(
            words("Microsoft announced a plan to become “carbon negative” by 2030.").len(),
            0
        );
    }

    #[test]
    fn credits_before_a_colon_are_no_speakers() {
        assert!(words("Photograph: Guy Smallman/Getty Images").is_empty());
        assert!(words("Source: CDC, Chicago Department of Public Health").is_empty());
    }

    #[test]
    fn could_is_a_guess_unless_ability_purpose_or_question() {
        assert_eq!(words("The flaws could delay shipments."), ["could"]);
        assert_eq!(words("The plan could still fall through."), ["could"]);
        assert!(words("He could not be reached for comment.").is_empty());
        assert!(words("A warrant was issued so that he could be held.").is_empty());
        assert!(words("Nobody knows how the dispute could end.").is_empty());
        assert!(words("You might guess that from experience.").is_empty());
    }

    #[test]
    fn an_expectation_needs_what_is_expected() {
        assert!(words("Results were worse than expected.").is_empty());
        assert!(words("As expected, the bank raised rates.").is_empty());
        assert!(words("The sale had been expected.").is_empty());
        assert_eq!(words("The sale is expected to close soon."), ["expected"]);
    }

    #[test]
    fn a_speakers_own_belief_inside_a_quotation_stays() {
        assert_eq!(
            words("“We think it will hold,” he said."),
            ["think", "said"]
        );
    }

    #[test]
    fn hedging_nouns_and_predicates() {
        assert_eq!(
            words("It reduces the possibility of a war."),
            ["possibility"]
        );
        assert_eq!(words("His whereabouts are unknown."), ["are unknown"]);
        assert_eq!(words("Officials fear a potential attack."), ["potential"]);
        assert!(words("The rocket has huge potential.").is_empty());
        assert!(words("The known unknowns of the market.").is_empty());
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
        // A refusal to say is no claim (CLAIMS.md); one with its content still is.
        assert!(words("He declined to say whether it was true.").is_empty());
        assert_eq!(
            words("He declined to say that it was true."),
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
