//! The summary after the marked text: how many claims of each kind and stance, and who makes them.

use std::collections::HashMap;
use std::io::{self, Write};

use allegedly::segmenter::{blocks, sentences};
use allegedly::{Claim, ClaimKind, Stance};

const KINDS: [ClaimKind; 3] = [
    ClaimKind::Attributed,
    ClaimKind::Unsourced,
    ClaimKind::Hedged,
];
const STANCES: [Stance; 4] = [
    Stance::Neutral,
    Stance::Distancing,
    Stance::Hedge,
    Stance::Factive,
];
const TOP_SOURCES: usize = 8;

fn name(value: impl std::fmt::Debug) -> String {
    format!("{value:?}").to_lowercase()
}

/// Counts gathered over the analysed text, chunk by chunk.
#[derive(Default)]
pub struct Summary {
    claims: usize,
    /// `[kind][stance]`, in the order of `KINDS` and `STANCES`.
    counts: [[usize; 4]; 3],
    sentences: usize,
    sentences_with_claims: usize,
    /// Lower-cased source → (count, first appearance, source as first written).
    sources: HashMap<String, (usize, usize, String)>,
    sources_seen: usize,
}

impl Summary {
    /// Adds the claims of `text` (byte offsets into it).
    pub fn add(&mut self, text: &str, claims: &[Claim]) {
        self.claims += claims.len();
        self.sentences += blocks(text)
            .map(|b| sentences(text, b).len())
            .sum::<usize>();
        let mut claim_sentences: Vec<_> = claims.iter().map(|c| c.sentence).collect();
        claim_sentences.sort_unstable();
        claim_sentences.dedup();
        self.sentences_with_claims += claim_sentences.len();
        for claim in claims {
            let kind = KINDS.iter().position(|&k| k == claim.kind).unwrap_or(0);
            let stance = STANCES.iter().position(|&s| s == claim.stance).unwrap_or(0);
            self.counts[kind][stance] += 1;
            // "he said" counts for the person it stands for, when the analyzer found them.
            let written = claim.source.and_then(|s| text.get(s.start..s.end));
            if let Some(raw) = claim.antecedent.as_deref().or(written) {
                self.add_source(raw);
            }
        }
    }

    /// Counts a source case-insensitively with white space collapsed, shown as first written.
    fn add_source(&mut self, raw: &str) {
        let shown = shorten(&raw.split_whitespace().collect::<Vec<_>>().join(" "), 60);
        if shown.is_empty() {
            return;
        }
        let order = self.sources_seen;
        self.sources_seen += 1;
        let entry = self
            .sources
            .entry(shown.to_lowercase())
            .or_insert((0, order, shown));
        entry.0 += 1;
    }

    /// The most frequent sources; ties in order of appearance.
    fn top_sources(&self) -> Vec<(&str, usize)> {
        let mut ranked: Vec<_> = self.sources.values().collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked
            .into_iter()
            .take(TOP_SOURCES)
            .map(|(n, _, shown)| (shown.as_str(), *n))
            .collect()
    }

    /// Writes the summary; `legend` explains the markup above it.
    pub fn write(&self, out: &mut impl Write, legend: &str) -> io::Result<()> {
        writeln!(out, "\n{}", "─".repeat(72))?;
        if self.claims == 0 {
            return writeln!(out, "no claims found in {} sentences", self.sentences);
        }
        writeln!(
            out,
            "{} claim{} in {} of {} sentences",
            self.claims,
            if self.claims == 1 { "" } else { "s" },
            self.sentences_with_claims,
            self.sentences
        )?;
        write!(out, "{:<12}", "")?;
        for stance in STANCES {
            write!(out, "{:>11}", name(stance))?;
        }
        writeln!(out, "{:>8}", "total")?;
        for (kind, counts) in KINDS.iter().zip(&self.counts) {
            write!(out, "{:<12}", name(kind))?;
            for n in counts {
                write!(out, "{n:>11}")?;
            }
            writeln!(out, "{:>8}", counts.iter().sum::<usize>())?;
        }
        let sources = self.top_sources();
        if !sources.is_empty() {
            let listed: Vec<String> = sources
                .iter()
                .map(|(source, n)| format!("{source} ({n})"))
                .collect();
            writeln!(out, "top sources: {}", listed.join(", "))?;
        }
        writeln!(out, "{legend}")
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use allegedly::Span;

    fn sourced(text: &str, source: &str, at: usize) -> Claim {
        let start = text[at..].find(source).unwrap() + at;
        Claim {
            kind: ClaimKind::Attributed,
            stance: Stance::Neutral,
            cue: Span::new(0, 1),
            source: Some(Span::new(start, start + source.len())),
            content: None,
            sentence: Span::new(0, text.len()),
            antecedent: None,
            specificity: None,
        }
    }

    #[test]
    fn sources_are_counted_case_insensitively_and_ranked() {
        let text = "The Ministry said. Police said. the ministry  said.";
        let claims = [
            sourced(text, "The Ministry", 0),
            sourced(text, "Police", 0),
            sourced(text, "the ministry", 20),
        ];
        let mut summary = Summary::default();
        summary.add(text, &claims);
        assert_eq!(summary.top_sources(), [("The Ministry", 2), ("Police", 1)]);
    }

    #[test]
    fn summary_counts_kinds_and_stances() {
        let text = "Police said so.";
        let claims = [sourced(text, "Police", 0)];
        let mut summary = Summary::default();
        summary.add(text, &claims);
        let mut out = Vec::new();
        summary.write(&mut out, "legend").unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("1 claim in 1 of 1 sentences"), "{out}");
        assert!(out.contains("attributed            1          0"), "{out}");
        assert!(out.contains("top sources: Police (1)"), "{out}");
    }
}
