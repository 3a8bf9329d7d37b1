//! What the analyzer returns: a claim, its kind and the stance of its cue.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Who stands behind a claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// A source is named or described: "the ministry claimed", "according to state media".
    Attributed,
    /// Attribution without an identifiable source: "it is claimed that", "sources say".
    Unsourced,
    /// The writer's own epistemic hedge: "allegedly", "is believed to", "may have".
    Hedged,
}

/// What the cue word says about the writer's commitment to the content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Plain reporting: said, stated, according to.
    Neutral,
    /// The writer keeps distance: claimed, alleged, insisted, purported.
    Distancing,
    /// An epistemic hedge: reportedly, may, is believed to.
    Hedge,
    /// The writer presents the content as true: confirmed, revealed, acknowledged.
    Factive,
}

/// Whether a claim's source names someone ([`crate::claims::specificity`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Specificity {
    /// A person or an organisation by name: "Senator Maria Lopez", "Reuters", "the Pentagon".
    Named,
    /// Unnamed people: "officials", "people familiar with the matter", "critics".
    Anonymous,
}

/// One claim found in a text. All spans are byte offsets into the analysed text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    pub stance: Stance,
    /// The words that make this a claim: "claimed", "according to", "allegedly".
    pub cue: Span,
    /// Who says it, when the text names or describes them.
    pub source: Option<Span>,
    /// What is claimed: the that-clause, the quotation, the hedged clause.
    pub content: Option<Span>,
    /// The sentence holding the cue.
    pub sentence: Span,
    /// When the source is "he" or "she" ("his", "her"): the person an earlier claim named, whom it most likely
    /// stands for ("Senator John Smith"), as written there. See [`crate::claims::antecedents`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<String>,
    /// Whether the source names someone; for "he" or "she" its antecedent's. `None` without a
    /// source, for a pronoun with no antecedent, and when the source's words tell nothing.
    #[serde(default)]
    pub specificity: Option<Specificity>,
}

impl Claim {
    /// Every span of the claim, for code that rewrites offsets.
    pub fn spans_mut(&mut self) -> impl Iterator<Item = &mut Span> {
        [
            Some(&mut self.cue),
            self.source.as_mut(),
            self.content.as_mut(),
            Some(&mut self.sentence),
        ]
        .into_iter()
        .flatten()
    }

    pub fn spans(&self) -> impl Iterator<Item = Span> + '_ {
        [
            Some(self.cue),
            self.source,
            self.content,
            Some(self.sentence),
        ]
        .into_iter()
        .flatten()
    }
}
