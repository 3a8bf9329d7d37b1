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

fn name<T: std::fmt::Debug>(value: T) -> String {
    format!("{value:?}").to_lowercase()
}

/// Writes the summary of `claims` (byte offsets into `text`); `legend` explains the markup above it.
pub fn write_summary(
    out: &mut impl Write,
    text: &str,
    claims: &[Claim],
    legend: &str,
) -> io::Result<()> {
    let total_sentences: usize = blocks(text).map(|b| sentences(text, b).len()).sum();
    let mut claim_sentences: Vec<_> = claims.iter().map(|c| c.sentence).collect();
    claim_sentences.sort_unstable();
    claim_sentences.dedup();

    writeln!(out, "\n{}", "─".repeat(72))?;
    if claims.is_empty() {
        writeln!(out, "no claims found in {total_sentences} sentences")?;
        return Ok(());
    }
    writeln!(
        out,
        "{} claim{} in {} of {} sentences",
        claims.len(),
        if claims.len() == 1 { "" } else { "s" },
        claim_sentences.len(),
        total_sentences
    )?;

    write!(out, "{:<12}", "")?;
    for stance in STANCES {
        write!(out, "{:>11}", name(stance))?;
    }
    writeln!(out, "{:>8}", "total")?;
    for kind in KINDS {
        let of_kind: Vec<_> = claims.iter().filter(|c| c.kind == kind).collect();
        write!(out, "{:<12}", name(kind))?;
        for stance in STANCES {
            let n = of_kind.iter().filter(|c| c.stance == stance).count();
            write!(out, "{n:>11}")?;
        }
        writeln!(out, "{:>8}", of_kind.len())?;
    }

    let sources = top_sources(text, claims);
    if !sources.is_empty() {
        let listed: Vec<String> = sources
            .iter()
            .map(|(source, n)| format!("{source} ({n})"))
            .collect();
        writeln!(out, "top sources: {}", listed.join(", "))?;
    }
    writeln!(out, "{legend}")
}

/// The most frequent sources, counted case-insensitively with white space collapsed, shown as
/// first written; ties in order of appearance.
fn top_sources(text: &str, claims: &[Claim]) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    for (order, span) in claims.iter().filter_map(|c| c.source).enumerate() {
        let Some(raw) = text.get(span.start..span.end) else {
            continue;
        };
        let shown = shorten(&raw.split_whitespace().collect::<Vec<_>>().join(" "), 60);
        if shown.is_empty() {
            continue;
        }
        let entry = counts
            .entry(shown.to_lowercase())
            .or_insert((0, order, shown));
        entry.0 += 1;
    }
    let mut ranked: Vec<_> = counts.into_values().collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked
        .into_iter()
        .take(TOP_SOURCES)
        .map(|(n, _, shown)| (shown, n))
        .collect()
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
        assert_eq!(
            top_sources(text, &claims),
            [("The Ministry".to_string(), 2), ("Police".to_string(), 1)]
        );
    }

    #[test]
    fn summary_counts_kinds_and_stances() {
        let text = "Police said so.";
        let claims = [sourced(text, "Police", 0)];
        let mut out = Vec::new();
        write_summary(&mut out, text, &claims, "legend").unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("1 claim in 1 of 1 sentences"), "{out}");
        assert!(out.contains("attributed            1          0"), "{out}");
        assert!(out.contains("top sources: Police (1)"), "{out}");
    }
}
