//! The cue lexicon as data. Adding a word here is all it takes for the analyzer to find it.

use crate::claim::Stance;

/// A reporting verb: its lemma, irregular forms (when regular inflection gets them wrong) and stance.
pub struct VerbEntry {
    pub lemma: &'static str,
    /// `[third person singular, past, past participle, gerund]`, or `None` to inflect by rule.
    pub irregular: Option<[&'static str; 4]>,
    pub stance: Stance,
}

const fn verb(lemma: &'static str, stance: Stance) -> VerbEntry {
    VerbEntry {
        lemma,
        irregular: None,
        stance,
    }
}

const fn irregular(lemma: &'static str, forms: [&'static str; 4], stance: Stance) -> VerbEntry {
    VerbEntry {
        lemma,
        irregular: Some(forms),
        stance,
    }
}

use Stance::{Distancing, Factive, Neutral};

/// Verbs that introduce what someone said, wrote or asserted.
pub static REPORTING_VERBS: &[VerbEntry] = &[
    irregular("say", ["says", "said", "said", "saying"], Neutral),
    irregular("tell", ["tells", "told", "told", "telling"], Neutral),
    irregular("write", ["writes", "wrote", "written", "writing"], Neutral),
    verb("state", Neutral),
    verb("add", Neutral),
    verb("note", Neutral),
    verb("report", Neutral),
    verb("announce", Neutral),
    verb("explain", Neutral),
    verb("comment", Neutral),
    verb("declare", Neutral),
    verb("tweet", Neutral),
    verb("post", Neutral),
    verb("testify", Neutral),
    verb("mention", Neutral),
    verb("describe", Neutral),
    verb("predict", Neutral),
    verb("estimate", Neutral),
    verb("suggest", Neutral),
    verb("recall", Neutral),
    verb("reply", Neutral),
    verb("respond", Neutral),
    verb("specify", Neutral),
    verb("stress", Neutral),
    verb("emphasize", Neutral),
    verb("emphasise", Neutral),
    verb("warn", Neutral),
    verb("urge", Neutral),
    verb("ask", Neutral),
    verb("indicate", Neutral),
    verb("argue", Distancing),
    verb("claim", Distancing),
    verb("allege", Distancing),
    verb("insist", Distancing),
    verb("maintain", Distancing),
    verb("contend", Distancing),
    verb("assert", Distancing),
    verb("purport", Distancing),
    verb("deny", Distancing),
    verb("accuse", Distancing),
    verb("blame", Distancing),
    verb("charge", Distancing),
    verb("boast", Distancing),
    verb("profess", Distancing),
    verb("confirm", Factive),
    irregular(
        "admit",
        ["admits", "admitted", "admitted", "admitting"],
        Factive,
    ),
    verb("acknowledge", Factive),
    verb("reveal", Factive),
    verb("concede", Factive),
    verb("disclose", Factive),
];

/// Hedge words and phrases (regex fragments, matched case-insensitively on word boundaries).
pub static HEDGES: &[&str] = &[
    "allegedly",
    "reportedly",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "seemingly",
    "likely",
    "unlikely",
    "probably",
    "possibly",
    "perhaps",
    "unconfirmed",
    "unverified",
    "so-called",
    r"(?:is|are|was|were|be|been|being) (?:widely |generally )?(?:believed|thought|expected|rumou?red) to",
    r"(?:may|might|could) (?:have|be|not)",
    r"(?:appears?|appeared|seems?|seemed) to",
    r"in an apparent",
    r"(?:suspected|accused) of",
];

/// Impersonal or anonymous attributions: no source a reader could check.
pub static UNSOURCED: &[&str] = &[
    r"it (?:is|was|has been|had been) (?:claimed|alleged|reported|said|rumou?red|believed|understood) that",
    r"(?:is|are|was|were) (?:said|reported|claimed|alleged) to",
    r"(?:unnamed |anonymous )?sources? (?:say|says|said|claim|claimed|told)",
    r"it (?:was|has been) reported",
];

/// Prepositional and nominal attribution phrases.
pub static ATTRIBUTION_PHRASES: &[(&str, Stance)] = &[
    (r"according to", Neutral),
    (r"in (?:a|its|his|her|their) statement", Neutral),
    (r"the claims? that", Distancing),
    (r"(?:the )?allegations? that", Distancing),
    (r"accusations? that", Distancing),
];
