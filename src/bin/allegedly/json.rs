//! `--json`: the claims of one input as a JSON document, with the text each span covers.

use std::io::{self, Write};

use allegedly::offsets::{Unit, convert_claims};
use allegedly::{Claim, ClaimKind, Span, Specificity, Stance};
use serde::Serialize;

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
    /// Whom a "he" or "she" source most likely stands for ([`Claim::antecedent`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    antecedent: Option<&'a str>,
    /// "named" or "anonymous" ([`Claim::specificity`]); null without a source or a guess.
    specificity: Option<Specificity>,
}

/// Writes `{"offsets": "unicode code points", "text"?: …, "claims": [ … ]}` piece by piece, so a
/// large input analysed in chunks never holds all its claims at once. Offsets count code points,
/// the unit of the `--jsonl` contract and of Python strings.
pub struct JsonWriter {
    claims_written: usize,
    /// Code points of the chunks already added: the offset of the next chunk.
    code_points_before: usize,
}

impl JsonWriter {
    /// Starts the document. `text` is included when it is not the input itself (the visible text
    /// of an HTML page): the offsets point into it.
    pub fn start(out: &mut impl Write, text: Option<&str>) -> io::Result<JsonWriter> {
        out.write_all(b"{\n  \"offsets\": \"unicode code points\",\n")?;
        if let Some(text) = text {
            out.write_all(b"  \"text\": ")?;
            serde_json::to_writer(&mut *out, text)?;
            out.write_all(b",\n")?;
        }
        out.write_all(b"  \"claims\": [")?;
        Ok(JsonWriter {
            claims_written: 0,
            code_points_before: 0,
        })
    }

    /// Adds the claims of the next chunk, `text` (byte offsets into it).
    pub fn add(&mut self, out: &mut impl Write, text: &str, claims: &[Claim]) -> io::Result<()> {
        let mut in_code_points = claims.to_vec();
        convert_claims(text, &mut in_code_points, Unit::CodePoint);
        let base = self.code_points_before;
        let shift = |span: Span| span.shift(base);
        let of = |span: Span| text.get(span.start..span.end).unwrap_or_default();
        for (bytes, points) in claims.iter().zip(in_code_points) {
            let claim = JsonClaim {
                kind: points.kind,
                stance: points.stance,
                cue: shift(points.cue),
                source: points.source.map(shift),
                content: points.content.map(shift),
                sentence: shift(points.sentence),
                cue_text: of(bytes.cue),
                source_text: bytes.source.map(of),
                content_text: bytes.content.map(of),
                antecedent: bytes.antecedent.as_deref(),
                specificity: bytes.specificity,
            };
            out.write_all(if self.claims_written == 0 {
                b"\n    "
            } else {
                b",\n    "
            })?;
            serde_json::to_writer(&mut *out, &claim)?;
            self.claims_written += 1;
        }
        self.code_points_before += text.chars().count();
        Ok(())
    }

    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        if self.claims_written > 0 {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"]\n}\n")
    }
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
            antecedent: None,
            specificity: None,
        }];
        let mut out = Vec::new();
        let mut writer = JsonWriter::start(&mut out, None).unwrap();
        writer.add(&mut out, text, &claims).unwrap();
        writer.finish(&mut out).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let claim = &doc["claims"][0];
        assert_eq!(claim["cue"], serde_json::json!([5, 9]));
        assert_eq!(claim["source"], serde_json::json!([2, 4]));
        assert_eq!(claim["cue_text"], "said");
        assert_eq!(claim["source_text"], "Bo");
        assert!(claim["content"].is_null() && claim["content_text"].is_null());
        assert!(doc.get("text").is_none());
    }

    #[test]
    fn chunks_continue_the_offsets_and_empty_documents_are_valid() {
        let claim = |start, end| Claim {
            kind: ClaimKind::Hedged,
            stance: Stance::Hedge,
            cue: Span::new(start, end),
            source: None,
            content: None,
            sentence: Span::new(0, end),
            antecedent: None,
            specificity: None,
        };
        let mut out = Vec::new();
        let mut writer = JsonWriter::start(&mut out, Some("é.\nmay")).unwrap();
        writer.add(&mut out, "é.\n", &[]).unwrap();
        writer.add(&mut out, "may", &[claim(0, 3)]).unwrap();
        writer.finish(&mut out).unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc["claims"][0]["cue"], serde_json::json!([3, 6]));
        assert_eq!(doc["text"], "é.\nmay");

        let mut out = Vec::new();
        JsonWriter::start(&mut out, None)
            .unwrap()
            .finish(&mut out)
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(doc["claims"], serde_json::json!([]));
    }
}
