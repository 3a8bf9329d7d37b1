//! The `allegedly` command line: claims in a file, on a terminal or as JSON.

use std::io::{self, BufRead, Write};

use allegedly::offsets::{Unit, convert_claims};
use allegedly::{Analyzer, Config};

fn main() {
    let analyzer = Analyzer::new(&Config::default()).expect("the built-in lexicon is valid");
    let stdin = io::stdin();
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let Ok(input) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = input["text"].as_str().unwrap_or_default();
        let mut claims = analyzer.analyze(text);
        convert_claims(text, &mut claims, Unit::CodePoint);
        let row = serde_json::json!({"id": input["id"], "claims": claims});
        let _ = writeln!(out, "{row}");
    }
}
