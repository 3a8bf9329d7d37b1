//! `--json`: the claims of one input as a JSON document, with the text each span covers.

use std::io::{self, Write};

use allegedly::offsets::{Unit, convert_claims};
use allegedly::{Claim, ClaimKind, Span, Stance};
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    /// What the offsets count, so nobody has to guess.
    offsets: &'static str,
    /// The analysed text, when it is not the input itself (the visible text of an HTML page):
    /// the offsets point into this.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    claims: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    kind: ClaimKind,
    stance: Stance,
    cue: Span,
    source: Option<Span>,
    content: Option<Span>,
    sentence: Span,
    cue_text: &'a str,
    source_text: Option<&'a str>,
    content_text: Option<&'a str>,
}

/// Writes `claims` (byte offsets into `text`) with code-point offsets, the unit of the `--jsonl`
/// contract and of Python strings. `include_text` adds `text` to the document.
pub fn write_document(
    out: &mut impl Write,
    text: &str,
    claims: &[Claim],
    include_text: bool,
) -> io::Result<()> {
    let mut in_code_points = claims.to_vec();
    convert_claims(text, &mut in_code_points, Unit::CodePoint);
    let of = |span: Span| text.get(span.start..span.end).unwrap_or_default();
    let claims = claims
        .iter()
        .zip(in_code_points)
        .map(|(bytes, points)| JsonClaim {
            kind: points.kind,
            stance: points.stance,
            cue: points.cue,
            source: points.source,
            content: points.content,
            sentence: points.sentence,
            cue_text: of(bytes.cue),
            source_text: bytes.source.map(of),
            content_text: bytes.content.map(of),
        })
        .collect();
    let document = Document {
        offsets: "unicode code points",
        text: include_text.then_some(text),
        claims,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points_and_texts_are_included() {
        let text = "😀 Bo said so.";
        let claims = [Claim {
            kind: ClaimKind::Attributed,
            stance: Stance::Neutral,
            cue: Span::new(8, 12),
            source: Some(Span::new(5, 7)),
            content: None,
            sentence: Span::new(5, text.len()),
        }];
        let mut out = Vec::new();
        write_document(&mut out, text, &claims, false).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let claim = &doc["claims"][0];
        assert_eq!(claim["cue"], serde_json::json!([5, 9]));
        assert_eq!(claim["source"], serde_json::json!([2, 4]));
        assert_eq!(claim["cue_text"], "said");
        assert_eq!(claim["source_text"], "Bo");
        assert!(claim["content"].is_null() && claim["content_text"].is_null());
        assert!(doc.get("text").is_none());
    }
}
