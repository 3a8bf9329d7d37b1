//! Reading the input of FILE mode: bytes from a file or stdin, decoded to text, HTML detected.

use std::borrow::Cow;
use std::fs;
use std::io::{self, Read};
use std::path::Path;

use crate::args::Format;
use crate::error::CliError;

/// Text ready for the analyzer, and what the user should be told about how it was obtained.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// All of FILE, or all of stdin when `file` is `None`. Whole-input reads keep offsets global; a
/// 100 MB file costs about 100 MB here, plus the claims.
pub fn read(file: Option<&Path>) -> Result<Vec<u8>, CliError> {
    match file {
        Some(path) => {
            fs::read(path).map_err(|e| CliError::io(&format!("cannot read {}", path.display()), &e))
        }
        None => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|e| CliError::io("cannot read standard input", &e))?;
            Ok(bytes)
        }
    }
}

/// Decodes `bytes` as UTF-8 (or UTF-16 with a byte-order mark).
///
/// Invalid UTF-8 is replaced with U+FFFD and a warning rather than refused: saved pages in a legacy
/// encoding are common, and the claims in the readable part are still worth finding. Bytes with NUL
/// are refused: that is a binary file (or UTF-16 without a byte-order mark), not text.
pub fn decode(bytes: Vec<u8>, name: &str) -> Result<Decoded, CliError> {
    if let Some(text) = decode_utf16_with_bom(&bytes) {
        return Ok(text);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(CliError::bad_input(format!(
            "{name} looks like a binary file (NUL byte at offset {at}); allegedly reads UTF-8 text or HTML"
        )));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            warning: None,
        }),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
            Ok(Decoded {
                text,
                warning: Some(format!(
                    "{name} is not valid UTF-8 (first bad byte at offset {at}); undecodable bytes \
                     were replaced by U+FFFD and offsets refer to the decoded text"
                )),
            })
        }
    }
}

fn decode_utf16_with_bom(bytes: &[u8]) -> Option<Decoded> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut bad = bytes.len() % 2 == 1;
    let text: String = char::decode_utf16(units)
        .map(|unit| {
            unit.unwrap_or_else(|_| {
                bad = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    Some(Decoded {
        text,
        warning: bad.then(|| {
            "the UTF-16 input has invalid code units; they were replaced by U+FFFD".into()
        }),
    })
}

/// Whether to read the input as HTML: forced by a flag, else by the file's extension, else by how
/// the content starts.
pub fn is_html(format: Format, file: Option<&Path>, text: &str) -> bool {
    match format {
        Format::Html => true,
        Format::Text => false,
        Format::Detect => {
            let by_extension = file
                .and_then(Path::extension)
                .and_then(|e| e.to_str())
                .is_some_and(|e| {
                    ["html", "htm", "xhtml"]
                        .iter()
                        .any(|h| e.eq_ignore_ascii_case(h))
                });
            by_extension || looks_like_html(text)
        }
    }
}

/// Starts with a tag and names a document element within the first kilobyte: `<!doctype html>`,
/// `<html`, `<head` or `<body`. Plain text that merely mentions a tag later does not count.
fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !start.starts_with('<') {
        return false;
    }
    let head = &start.as_bytes()[..start.len().min(1024)];
    let head: Cow<str> = String::from_utf8_lossy(head);
    let head = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|tag| head.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        let d = decode("said ☃".as_bytes().to_vec(), "x").unwrap();
        assert_eq!(d.text, "said ☃");
        assert!(d.warning.is_none());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = decode(b"caf\xe9 said".to_vec(), "x").unwrap();
        assert_eq!(d.text, "caf\u{fffd} said");
        assert!(d.warning.unwrap().contains("offset 3"));
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode(b"PK\x03\x04\x00\x00".to_vec(), "x.zip")
            .err()
            .unwrap();
        assert_eq!(err.code, 2);
        assert!(err.message.contains("binary"));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("he said".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(bytes, "x").unwrap().text, "he said");
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("😀".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(bytes, "x").unwrap().text, "😀");
    }

    #[test]
    fn html_by_extension_or_content() {
        assert!(is_html(Format::Detect, Some(Path::new("a.HTM")), "x"));
        assert!(is_html(Format::Detect, None, "\n <!DOCTYPE html><p>x"));
        assert!(is_html(Format::Detect, None, "<!-- c --><html lang=en>"));
        assert!(!is_html(Format::Detect, None, "Use <html> tags, he said."));
        assert!(!is_html(Format::Text, Some(Path::new("a.html")), "<html>"));
        assert!(is_html(Format::Html, None, "plain"));
    }
}
