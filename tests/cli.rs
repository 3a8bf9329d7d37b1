//! The `allegedly` binary, run as a user runs it: files, stdin, flags, bad input, exit statuses.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_allegedly");
const CLAIM: &str =
    "Iran's Intelligence Ministry claimed Friday that dozens of spies had been arrested.";

fn allegedly(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Write from another thread: a large input must not deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn assert_exit(output: &Output, code: i32) {
    assert_eq!(
        output.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        String::from_utf8_lossy(&output.stdout),
        stderr(output)
    );
    assert!(!stderr(output).contains("panicked"), "{}", stderr(output));
}

/// A scratch directory under the system temp dir, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("allegedly-cli-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, contents: &[u8]) -> String {
        let path = self.0.join(name);
        fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

#[test]
fn help_explains_every_mode_and_exits_0() {
    let output = allegedly(&["--help"], b"");
    assert_exit(&output, 0);
    let help = stdout(&output);
    for needle in [
        "USAGE",
        "--json",
        "--jsonl",
        "eval",
        "code points",
        "NO_COLOR",
        "EXIT STATUS",
    ] {
        assert!(help.contains(needle), "--help lacks {needle}");
    }
    assert_exit(&allegedly(&["-V"], b""), 0);
}

#[test]
fn unknown_flags_and_bad_values_exit_2_with_a_message() {
    for args in [
        &["--frobnicate"][..],
        &["--color", "pink"],
        &["--cue"],
        &["eval", "--bogus"],
    ] {
        let output = allegedly(args, b"");
        assert_exit(&output, 2);
        assert!(
            stderr(&output).starts_with("allegedly: "),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_file_is_printed_with_plain_markers_and_a_summary_when_not_on_a_terminal() {
    let scratch = Scratch::new("plain");
    let file = scratch.file(
        "news.txt",
        format!("Headline\n\n{CLAIM} The plot allegedly involved parts.\n").as_bytes(),
    );
    let output = allegedly(&[&file], b"");
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(!out.contains('\x1b'), "no colour into a pipe: {out:?}");
    assert!(out.contains("[[claimed|attributed/distancing]]"), "{out}");
    assert!(out.contains("{Iran's Intelligence Ministry}"), "{out}");
    assert!(out.contains("[[allegedly|hedged/hedge]]"), "{out}");
    assert!(out.contains("claims in 2 of 3 sentences"), "{out}");
    assert!(
        out.contains("top sources: Iran's Intelligence Ministry (1)"),
        "{out}"
    );
    assert!(
        out.contains("markers: {source} [[cue|kind/stance]] <<content>>"),
        "{out}"
    );
}

#[test]
fn colour_is_forced_by_flag_and_refused_by_no_color() {
    let output = allegedly(&["--color", "always"], CLAIM.as_bytes());
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("\x1b[1;4;33mclaimed\x1b[0m"), "{out:?}");
    assert!(
        out.contains("\x1b[92mIran's Intelligence Ministry"),
        "{out:?}"
    );

    let mut no_color = Command::new(BIN);
    no_color.env("NO_COLOR", "1").arg("--color=auto").arg("-");
    let output = no_color.stdin(Stdio::null()).output().unwrap();
    assert_exit(&output, 0);
    assert!(!stdout(&output).contains('\x1b'));
}

#[test]
fn stdin_is_read_when_there_is_no_file_or_a_dash() {
    for args in [&[][..], &["-"]] {
        let output = allegedly(args, CLAIM.as_bytes());
        assert_exit(&output, 0);
        assert!(stdout(&output).contains("[[claimed|"), "{args:?}");
    }
}

/// What `allegedly ARGS` writes for `input` as JSON (`--json`), after checking it exited with 0.
fn json_doc(args: &[&str], input: &[u8]) -> serde_json::Value {
    let output = allegedly(args, input);
    assert_exit(&output, 0);
    serde_json::from_str(&stdout(&output)).unwrap()
}

/// Named and anonymous sources, a pronoun standing for a named one, and a hedge without a source.
const SOURCES: &str = "Officials said the plan would fail. Senator Maria Lopez said the bill \
                       would pass. “It will pass,” she said. The vote was probably rigged.";

/// (source text, specificity) of each claim, as `--json` writes them.
fn json_specificities(text: &str) -> Vec<(serde_json::Value, serde_json::Value)> {
    let doc = json_doc(&["--json"], text.as_bytes());
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["source_text"].clone(), c["specificity"].clone()))
        .collect()
}

#[test]
fn json_and_jsonl_say_whether_the_source_is_named() {
    use serde_json::{Value, json};
    assert_eq!(
        json_specificities(SOURCES),
        [
            (json!("Officials"), json!("anonymous")),
            (json!("Senator Maria Lopez"), json!("named")),
            (json!("she"), json!("named")),
            (Value::Null, Value::Null),
        ]
    );
    // A pronoun with no one named before it has no specificity.
    assert_eq!(
        json_specificities("“It will pass,” she said."),
        [(json!("she"), Value::Null)]
    );
    let line = format!("{}\n", json!({"id": 1, "text": SOURCES}));
    let output = allegedly(&["--jsonl"], line.as_bytes());
    assert_exit(&output, 0);
    let row: Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    let specificities: Vec<&Value> = row["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["specificity"])
        .collect();
    assert_eq!(
        specificities,
        [
            &json!("anonymous"),
            &json!("named"),
            &json!("named"),
            &Value::Null
        ]
    );
}

#[test]
fn json_gives_code_point_offsets_and_the_span_texts() {
    let text = format!("😀 {CLAIM}");
    let doc = json_doc(&["--json"], text.as_bytes());
    assert_eq!(doc["offsets"], "unicode code points");
    let claims = doc["claims"].as_array().unwrap();
    let claim = claims
        .iter()
        .find(|c| c["cue_text"] == "claimed")
        .expect("the claim");
    let chars: Vec<char> = text.chars().collect();
    let slice = |span: &serde_json::Value| -> String {
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    assert_eq!(slice(&claim["cue"]), "claimed");
    assert_eq!(
        slice(&claim["source"]),
        claim["source_text"].as_str().unwrap()
    );
    assert_eq!(claim["source_text"], "Iran's Intelligence Ministry");
    assert_eq!(
        slice(&claim["content"]),
        claim["content_text"].as_str().unwrap()
    );
    assert_eq!(claim["kind"], "attributed");
    assert_eq!(claim["stance"], "distancing");
    assert_eq!(claim["specificity"], "named");
    assert!(
        doc.get("text").is_none(),
        "plain text input is not repeated"
    );
}

#[test]
fn html_is_reduced_to_its_visible_text() {
    let html = format!(
        "<!DOCTYPE html><html><head><title>Officials said nothing</title>\
         <script>var said = 'The mayor claimed that x';</script></head>\
         <body><nav>Home</nav><article><h1>Spies</h1><p>{}</p></article>\
         <template><p>Police said hidden.</p></template></body></html>",
        CLAIM.replace('\'', "&#39;")
    );
    let scratch = Scratch::new("html");
    let file = scratch.file("page.html", html.as_bytes());
    let doc = json_doc(&["--json", &file], b"");
    assert_eq!(doc["text"], format!("Home\n\nSpies\n\n{CLAIM}\n"));
    let cues: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cue_text"].as_str().unwrap())
        .collect();
    assert_eq!(cues, ["claimed"]);

    // Sniffed from the content on stdin too; --text turns it off.
    let output = allegedly(&[], html.as_bytes());
    assert!(!stdout(&output).contains("<p>"));
    let output = allegedly(&["--text"], html.as_bytes());
    assert!(stdout(&output).contains("<p>"));
}

#[test]
fn an_html_article_is_read_without_its_furniture_unless_the_whole_page_is_asked_for() {
    let paragraphs: String = (0..8)
        .map(|i| format!("<p>{CLAIM} The inquiry heard evidence from {i} witnesses over two long days in the capital.</p>"))
        .collect();
    let html = format!(
        "<!DOCTYPE html><html><head><title>Spies found in the ministry, officials say | Herald</title></head>\
         <body><nav><a href=/x>Police said the suspect fled</a></nav><article><h1>Spies found in the ministry, officials say</h1>\
         {paragraphs}</article><footer><p>Sources say this site may not be reproduced.</p></footer></body></html>"
    )
    .replace('\'', "&#39;");
    let scratch = Scratch::new("focus");
    let file = scratch.file("page.html", html.as_bytes());
    let text_of = |args: &[&str]| {
        let doc = json_doc(args, b"");
        doc["text"].as_str().unwrap().to_string()
    };
    let article = text_of(&["--json", &file]);
    assert!(
        article.starts_with("Spies found in the ministry, officials say\n\n"),
        "{article}"
    );
    assert!(
        !article.contains("fled") && !article.contains("reproduced"),
        "{article}"
    );
    let whole = text_of(&["--json", "--whole-page", &file]);
    assert!(whole.contains("fled") && whole.contains("reproduced") && whole.contains("witnesses"));
    let output = allegedly(&["--jsonl", "--whole-page"], b"");
    assert_exit(&output, 2);
}

#[test]
fn saved_news_pages_give_text_and_claims() {
    let pages = std::env::var_os("ALLEGEDLY_PAGES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pages"));
    let Ok(entries) = fs::read_dir(&pages) else {
        eprintln!(
            "skipped: no saved pages at {} (set ALLEGEDLY_PAGES_DIR)",
            pages.display()
        );
        return;
    };
    let mut checked = 0;
    for path in entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let doc = json_doc(&["--json", path.to_str().unwrap()], b"");
        let text = doc["text"].as_str().unwrap();
        assert!(text.len() > 500, "{}: too little text", path.display());
        for junk in ["<script", "function(", "{\"@context"] {
            assert!(
                !text.contains(junk),
                "{}: {junk} in the visible text",
                path.display()
            );
        }
        assert!(
            !doc["claims"].as_array().unwrap().is_empty(),
            "{}: no claims",
            path.display()
        );
        checked += 1;
    }
    assert!(checked > 0 || pages.read_dir().is_err());
}

#[test]
fn jsonl_answers_every_line_in_order_with_the_contract_fields() {
    let input = format!(
        "{}\nnot json\n\n{{\"id\": 3}}\n{}\n{{\"id\": \"bad-utf8\", \"text\": \"caf\u{fffd}\"}}\n",
        serde_json::json!({"id": "a", "text": CLAIM}),
        serde_json::json!({"id": 4, "text": "😀 The plot allegedly involved parts."}),
    );
    let mut bytes = input.into_bytes();
    // Make the last line invalid UTF-8 for real.
    let at = bytes
        .windows(3)
        .position(|w| w == "\u{fffd}".as_bytes())
        .unwrap();
    bytes.splice(at..at + 3, [0xe9]);
    let output = allegedly(&["--jsonl"], &bytes);
    assert_exit(&output, 0);
    let rows: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 6, "one output line per input line");
    let ids: Vec<String> = rows.iter().map(|r| r["id"].to_string()).collect();
    assert_eq!(ids, ["\"a\"", "null", "null", "3", "4", "\"bad-utf8\""]);
    for (i, row) in rows.iter().enumerate() {
        let bad = [1, 2, 3, 5].contains(&i);
        assert_eq!(row.get("error").is_some(), bad, "{row}");
        if bad {
            assert_eq!(row["claims"], serde_json::json!([]));
        }
    }
    let claim = &rows[0]["claims"][0];
    let mut keys: Vec<&str> = claim
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "content",
            "cue",
            "kind",
            "sentence",
            "source",
            "specificity",
            "stance"
        ]
    );
    assert_eq!(claim["specificity"], "named", "{claim}");
    assert_eq!(claim["cue"], serde_json::json!([29, 36]));
    // Code points: the emoji is one.
    let hedge = rows[4]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "hedged")
        .unwrap();
    assert_eq!(hedge["cue"], serde_json::json!([11, 20]));
    assert!(
        stderr(&output).contains("4 of 6 lines could not be analysed"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn jsonl_is_the_same_on_one_thread_and_on_several() {
    let mut input = String::new();
    for i in 0..300 {
        let text = format!("{CLAIM} ").repeat(i % 5) + "Police said it rained.";
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    let one = allegedly(&["--jsonl", "--threads", "1"], input.as_bytes());
    let four = allegedly(&["--jsonl", "--threads=4"], input.as_bytes());
    assert_exit(&one, 0);
    assert_eq!(stdout(&one).lines().count(), 300);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn jsonl_reads_a_file_as_well_as_stdin() {
    let scratch = Scratch::new("jsonl-file");
    let input = format!("{}\n", serde_json::json!({"id": "f", "text": CLAIM}));
    let file = scratch.file("in.jsonl", input.as_bytes());
    let from_file = allegedly(&["--jsonl", &file], b"");
    assert_exit(&from_file, 0);
    assert_eq!(
        from_file.stdout,
        allegedly(&["--jsonl"], input.as_bytes()).stdout
    );
    assert_exit(&allegedly(&["--jsonl", "/nonexistent/in.jsonl"], b""), 1);
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let mut bytes = b"Caf\xe9 owners ".to_vec();
    bytes.extend_from_slice(CLAIM.as_bytes());
    let output = allegedly(&["--json"], &bytes);
    assert_exit(&output, 0);
    assert!(
        stderr(&output).contains("not valid UTF-8 (first bad byte at offset 3)"),
        "{}",
        stderr(&output)
    );
    let doc: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert!(
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["cue_text"] == "claimed")
    );
}

#[test]
fn binary_files_are_refused_with_exit_2() {
    let scratch = Scratch::new("binary");
    let file = scratch.file("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let output = allegedly(&[&file], b"");
    assert_exit(&output, 2);
    assert!(
        stderr(&output).contains("binary file"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn missing_files_are_an_error_not_a_panic() {
    let output = allegedly(&["/nonexistent/allegedly/news.txt"], b"");
    assert_exit(&output, 1);
    assert!(stderr(&output).contains("cannot read /nonexistent/allegedly/news.txt"));
}

#[test]
fn empty_input_gives_an_empty_result() {
    let output = allegedly(&[], b"");
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("no claims found in 0 sentences"));
    let doc = json_doc(&["--json"], b"");
    assert_eq!(doc["claims"], serde_json::json!([]));
    let output = allegedly(&["--jsonl"], b"");
    assert_exit(&output, 0);
    assert!(output.stdout.is_empty());
}

#[test]
fn user_cue_words_and_ignore_words_change_the_analysis() {
    let text = "The senator spun the figures. Police said it rained.";
    let plain = stdout(&allegedly(&["--json"], text.as_bytes()));
    assert!(!plain.contains("\"cue_text\": \"spun\"") && !plain.contains("\"cue_text\":\"spun\""));
    let doc = json_doc(
        &["--json", "--cue", "spun", "--ignore=said"],
        text.as_bytes(),
    );
    let cues: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["cue_text"].as_str().unwrap())
        .collect();
    assert!(cues.contains(&"spun"), "{cues:?}");
    assert!(!cues.contains(&"said"), "{cues:?}");
    let output = allegedly(&["--cue", ""], text.as_bytes());
    assert_exit(&output, 2);
}

#[test]
fn ignoring_a_lemma_ignores_its_forms_for_the_rules_and_the_model() {
    // "questioned" is a lexicon verb (the rules find it); "knows" only the trained model finds.
    let text = "The senator questioned the figures. She knows that the plan will fail.";
    let cues = |args: &[&str]| -> Vec<String> {
        let doc = json_doc(&[&["--json"], args].concat(), text.as_bytes());
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["cue_text"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(cues(&[]), ["questioned", "knows"]);
    // The lemmas, not the forms in the text: each covers its forms.
    assert_eq!(
        cues(&["--ignore", "question", "--ignore", "know"]),
        Vec::<String>::new()
    );
    // A form ignores itself; the other claim stays.
    assert_eq!(cues(&["--ignore", "knows"]), ["questioned"]);
}

#[test]
fn eval_skips_cleanly_without_data() {
    let scratch = Scratch::new("eval");
    let output = allegedly(&["eval", scratch.0.to_str().unwrap()], b"");
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("skipped"), "{}", stdout(&output));
    let output = allegedly(&["eval", "/nonexistent/allegedly-eval"], b"");
    assert_exit(&output, 0);
    assert!(stdout(&output).contains("eval skipped: no evaluation data"));
}

#[test]
fn eval_agrees_with_score_py_on_a_small_corpus() {
    // A two-article PolNeAR-shaped corpus made here, scored natively (and by score.py when the
    // shared eval data and pysbd are present: `eval` then exits 1 on any disagreement).
    let scratch = Scratch::new("eval-small");
    let gold = [
        serde_json::json!({"id": "d1", "text": CLAIM, "attributions": [
            {"cue": [[29, 36]], "source": [[0, 28]], "content": [[45, 82]]}]}),
        serde_json::json!({"id": "d2", "text": "Rain fell. Police said it was cold.", "attributions": [
            {"cue": [[18, 22]], "source": [[11, 17]], "content": [[23, 34]]}]}),
    ];
    let lines: Vec<String> = gold.iter().map(|g| g.to_string()).collect();
    scratch.file("polnear-dev.jsonl", (lines.join("\n") + "\n").as_bytes());
    let shared_score = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/score.py");
    if let Ok(score) = fs::read(&shared_score) {
        scratch.file("score.py", &score);
    }
    let output = allegedly(&["eval", scratch.0.to_str().unwrap()], b"");
    assert_exit(&output, 0);
    let out = stdout(&output);
    assert!(
        out.contains("PolNeAR dev: 2 articles, 2 gold attributions"),
        "{out}"
    );
    assert!(out.contains("szeged-wiki.jsonl not found"), "{out}");
    assert!(out.contains("cue P/R/F1"), "{out}");
    assert!(!out.contains("DIFFERS"), "{out}");
}

/// Peak resident memory of a running process, from /proc (Linux), polled until it exits.
#[cfg(target_os = "linux")]
fn run_measuring_peak_memory(mut command: Command) -> (Output, Option<u64>) {
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let watcher = {
        let peak = peak.clone();
        std::thread::spawn(move || {
            while let Ok(status) = fs::read_to_string(&status_path) {
                let Some(kb) = status.lines().find_map(|l| l.strip_prefix("VmHWM:")) else {
                    break;
                };
                let kb: u64 = kb.trim().trim_end_matches("kB").trim().parse().unwrap_or(0);
                peak.fetch_max(kb * 1024, std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        })
    };
    let output = child.wait_with_output().unwrap();
    watcher.join().unwrap();
    let peak = peak.load(std::sync::atomic::Ordering::Relaxed);
    (output, (peak > 0).then_some(peak))
}

#[cfg(target_os = "linux")]
#[test]
fn a_100_mb_file_is_analysed_in_less_than_twice_its_size_in_memory() {
    let scratch = Scratch::new("big");
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut article: String = fs::read_dir(&seeds_dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| fs::read_to_string(e.path()).ok())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
        .unwrap_or_default();
    if article.is_empty() {
        article = format!("{CLAIM} The plot allegedly involved parts.\n\n").repeat(20);
    }
    article.push_str("\n\n");
    let size = 100 << 20;
    let path = scratch.0.join("big.txt");
    {
        let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
        let mut written = 0;
        while written < size {
            file.write_all(article.as_bytes()).unwrap();
            written += article.len();
        }
        file.flush().unwrap();
    }
    let size = fs::metadata(&path).unwrap().len();
    let mut command = Command::new(BIN);
    command.arg(&path);
    let (output, peak) = run_measuring_peak_memory(command);
    assert_exit(&output, 0);
    // The text is held once and analysed a few megabytes at a time (release build: ~1.1×).
    if let Some(peak) = peak {
        eprintln!("peak memory {peak} bytes for a {size}-byte file");
        assert!(
            peak < 2 * size,
            "peak memory {peak} bytes for a {size}-byte file"
        );
    }
}
