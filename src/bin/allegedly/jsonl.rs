//! `--jsonl`: one article per line in, one line of claims per line out, in input order.
//!
//! Lines are read in batches and a batch is analysed by worker threads that take lines one at a
//! time (articles differ a lot in length), then written in order. A bad line gets an answer with an
//! `error` field and the run goes on: the output has exactly one line per input line.

use std::io::{self, BufRead, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use allegedly::Analyzer;
use allegedly::offsets::{Unit, convert_claims};
use serde::Serialize;
use serde_json::Value;

/// Lines per batch and bytes per batch, whichever is reached first: enough work to keep the
/// threads busy, little enough memory however long the input.
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 16 << 20;
/// How many bad lines are reported one by one on standard error.
const REPORTED_ERRORS: usize = 10;

/// The output line for one input line, and its error if it is bad.
type Answer = (String, Option<String>);

/// What a run did, for the closing message.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub lines: usize,
    pub errors: usize,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a Value,
    claims: &'a [allegedly::Claim],
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// Answers every line of `input` on `out`; `threads` analyse in parallel. Bad lines are reported
/// on `errors` (the first few one by one).
pub fn run(
    analyzer: &Analyzer,
    input: &mut impl BufRead,
    out: &mut impl Write,
    errors: &mut impl Write,
    threads: usize,
) -> io::Result<Stats> {
    let mut stats = Stats::default();
    let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH_LINES);
    loop {
        let mut bytes = 0;
        batch.clear();
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line)? == 0 {
                break;
            }
            bytes += line.len();
            batch.push(line);
        }
        if batch.is_empty() {
            return Ok(stats);
        }
        for (answer, error) in answer_all(analyzer, &batch, threads) {
            stats.lines += 1;
            if let Some(error) = error {
                stats.errors += 1;
                if stats.errors <= REPORTED_ERRORS {
                    writeln!(errors, "allegedly: line {}: {error}", stats.lines)?;
                }
            }
            out.write_all(answer.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
}

/// The answers to `lines`, in order.
fn answer_all(analyzer: &Analyzer, lines: &[Vec<u8>], threads: usize) -> Vec<Answer> {
    let threads = threads.min(lines.len());
    if threads <= 1 {
        return lines.iter().map(|l| answer(analyzer, l)).collect();
    }
    let next = AtomicUsize::new(0);
    let answers: Mutex<Vec<Option<Answer>>> = Mutex::new((0..lines.len()).map(|_| None).collect());
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(line) = lines.get(i) else { break };
                    let result = answer(analyzer, line);
                    // A poisoned lock means another worker panicked; its slot stays empty and
                    // is answered with an error below rather than taking the whole run down.
                    if let Ok(mut answers) = answers.lock() {
                        answers[i] = Some(result);
                    }
                }
            });
        }
    });
    answers
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .map(|a| {
            a.unwrap_or_else(|| failure(&Value::Null, "internal error while analysing this line"))
        })
        .collect()
}

/// The output line for one input line (without its newline), and the error, if any.
pub fn answer(analyzer: &Analyzer, line: &[u8]) -> Answer {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return failure(&Value::Null, "empty line");
    }
    let input: Value = match serde_json::from_slice(line) {
        Ok(input) => input,
        Err(err) => {
            let message = if std::str::from_utf8(line).is_err() {
                "the line is not valid UTF-8".to_string()
            } else {
                format!("invalid JSON: {err}")
            };
            // Still name the line when its id can be read, so the answer can be matched.
            let id = serde_json::from_str::<Value>(&String::from_utf8_lossy(line))
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            return failure(&id, &message);
        }
    };
    let Value::Object(fields) = &input else {
        return failure(
            &Value::Null,
            "expected a JSON object with \"id\" and \"text\"",
        );
    };
    let id = fields.get("id").unwrap_or(&Value::Null);
    let text = match fields.get("text") {
        Some(Value::String(text)) => text,
        Some(_) => return failure(id, "\"text\" must be a string"),
        None => return failure(id, "missing \"text\""),
    };
    let mut claims = analyzer.analyze(text);
    convert_claims(text, &mut claims, Unit::CodePoint);
    let row = Row {
        id,
        claims: &claims,
        error: None,
    };
    (serde_json::to_string(&row).unwrap_or_default(), None)
}

fn failure(id: &Value, error: &str) -> Answer {
    let row = Row {
        id,
        claims: &[],
        error: Some(error),
    };
    (
        serde_json::to_string(&row).unwrap_or_default(),
        Some(error.to_string()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_on(input: &[u8], threads: usize) -> (Vec<Value>, Stats, String) {
        let analyzer = Analyzer::default();
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let stats = run(&analyzer, &mut &input[..], &mut out, &mut errors, threads).unwrap();
        let rows = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (rows, stats, String::from_utf8(errors).unwrap())
    }

    #[test]
    fn one_answer_per_line_even_for_bad_lines() {
        let input = b"{\"id\": \"a\", \"text\": \"Police said it rained.\"}\n\
                      not json\n\
                      \n\
                      [1]\n\
                      {\"id\": 7}\n\
                      {\"id\": 8, \"text\": 3}\n\
                      {\"id\": \"x\", \"text\": \"caf\xe9\"}\n\
                      {\"text\": \"\"}";
        let (rows, stats, errors) = run_on(input, 1);
        assert_eq!(rows.len(), 8);
        assert_eq!(
            stats,
            Stats {
                lines: 8,
                errors: 6
            }
        );
        assert_eq!(rows[0]["id"], "a");
        assert!(rows[0].get("error").is_none());
        let ids: Vec<&Value> = rows.iter().map(|r| &r["id"]).collect();
        assert_eq!(
            ids,
            [
                &Value::from("a"),
                &Value::Null,
                &Value::Null,
                &Value::Null,
                &Value::from(7),
                &Value::from(8),
                &Value::from("x"),
                &Value::Null
            ]
        );
        for row in &rows[1..7] {
            assert_eq!(row["claims"], serde_json::json!([]));
            assert!(row["error"].is_string(), "{row}");
        }
        assert!(rows[6]["error"].as_str().unwrap().contains("UTF-8"));
        assert!(rows[7].get("error").is_none());
        assert!(errors.contains("line 2: invalid JSON"), "{errors}");
    }

    #[test]
    fn offsets_are_code_points() {
        let (rows, _, _) = run_on(
            "{\"id\":1,\"text\":\"😀😀 Police said it rained.\"}\n".as_bytes(),
            1,
        );
        let claims = rows[0]["claims"].as_array().unwrap();
        assert!(!claims.is_empty(), "{rows:?}");
        // "said" is bytes 15..19 but code points 10..14.
        assert!(
            claims
                .iter()
                .any(|c| c["cue"] == serde_json::json!([10, 14])),
            "{claims:?}"
        );
    }

    #[test]
    fn threads_keep_the_input_order() {
        let mut input = String::new();
        for i in 0..600 {
            let filler = "Officials said the bridge would reopen. ".repeat(i % 7);
            input.push_str(&format!("{{\"id\": {i}, \"text\": \"{filler}\"}}\n"));
        }
        let (one, _, _) = run_on(input.as_bytes(), 1);
        let (three, _, _) = run_on(input.as_bytes(), 3);
        assert_eq!(one.len(), 600);
        assert_eq!(one, three);
        for (i, row) in three.iter().enumerate() {
            assert_eq!(row["id"], i);
        }
    }
}
