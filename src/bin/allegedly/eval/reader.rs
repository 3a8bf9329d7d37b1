//! The reader-judged set: real articles from ../shared/pages, labelled by ../shared/CLAIMS.md, scored
//! by ../shared/eval/reader_score.py.
//!
//! The repo holds only records (tests/reader/<page>.jsonl: offsets, hashes, labels; no article text).
//! At run time tools/reader/records.py extracts the pages' article text (tools/reader/articles.mjs,
//! Readability over linkedom) and rebuilds the gold files in a temporary folder; reader_score.py then
//! runs this binary on them, with and without `--rules-only`. Its sentence level needs pysbd, so there
//! is no native twin: these figures are score-script figures only. Everything missing (records, pages,
//! node and the npm tools, python3 with pysbd, the scorer) skips the set with a message.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

use super::metrics::fmt4;
use super::score_py;

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// ../shared/pages, or $ALLEGEDLY_PAGES_DIR.
fn pages_dir() -> PathBuf {
    match std::env::var_os("ALLEGEDLY_PAGES_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => manifest_dir().join("../shared/pages"),
    }
}

/// A temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Why the set cannot be scored here, if it cannot.
fn missing(eval_dir: &Path, records: &Path, pages: &Path) -> Option<String> {
    let has_records = fs::read_dir(records).ok().is_some_and(|entries| {
        entries
            .flatten()
            .any(|e| e.path().extension().is_some_and(|x| x == "jsonl"))
    });
    if !has_records {
        return Some(format!("no records in {}", records.display()));
    }
    if !pages.is_dir() {
        return Some(format!(
            "no saved pages at {} (set ALLEGEDLY_PAGES_DIR)",
            pages.display()
        ));
    }
    if !eval_dir.join("reader_score.py").is_file() {
        return Some(format!("no reader_score.py in {}", eval_dir.display()));
    }
    if let Err(why) = score_py::available() {
        return Some(why);
    }
    let node_ok = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !node_ok {
        return Some("node was not found (the article text is extracted with Readability)".into());
    }
    for package in ["@mozilla/readability", "linkedom"] {
        if !manifest_dir().join("node_modules").join(package).is_dir() {
            return Some(format!(
                "the npm package {package} is not installed (run `npm ci` or ./build.sh)"
            ));
        }
    }
    None
}

/// Scores the reader-judged set and prints its table; `Ok(false)` when it was skipped.
pub fn run(eval_dir: &Path) -> Result<bool, String> {
    let records = manifest_dir().join("tests/reader");
    let pages = pages_dir();
    if let Some(why) = missing(eval_dir, &records, &pages) {
        println!("\nreader-judged set skipped: {why}");
        return Ok(false);
    }
    let tmp =
        TempDir(std::env::temp_dir().join(format!("allegedly-reader-{}", std::process::id())));
    let (articles, gold) = (tmp.0.join("articles"), tmp.0.join("gold"));
    // records.py reports each record it cannot find on stderr: let the user see it.
    let unpack = Command::new("python3")
        .arg(manifest_dir().join("tools/reader/records.py"))
        .arg("unpack")
        .args([&pages, &articles, &gold, &records])
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run python3 tools/reader/records.py: {e}"))?;
    if !unpack.status.success() {
        return Err(format!(
            "tools/reader/records.py unpack failed ({})",
            unpack.status
        ));
    }
    let unpacked = String::from_utf8_lossy(&unpack.stdout);
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let score = |extra: &[&str]| {
        Command::new("python3")
            .arg(eval_dir.join("reader_score.py"))
            .arg(&exe)
            .args([&articles, &gold])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run reader_score.py: {e}"))
    };
    let (model, rules) = (score(&[])?, score(&["--rules-only"])?);
    let model = finish(model)?;
    let rules = finish(rules)?;
    // The full reports (false positives, misses) quote article text: they go to target/, not the repo.
    let target = manifest_dir().join("target");
    for (name, figures) in [
        ("eval-reader.json", &model),
        ("eval-reader-rules-only.json", &rules),
    ] {
        let _ = fs::create_dir_all(&target);
        let _ = fs::write(target.join(name), format!("{figures:#}\n"));
    }
    println!(
        "\nReader-judged set (../shared/CLAIMS.md): {} articles — {} (reader_score.py)",
        model["articles"],
        unpacked.trim().trim_start_matches("unpack: ")
    );
    println!(
        "  {:<26}{:<24}{:<24}bar (issue 15/17)",
        "", "model + rules", "--rules-only"
    );
    let rows: [(&str, &str, Option<f64>); 4] = [
        ("sentence P/R/F1", "sentence", None),
        ("cue precision", "cue_precision", Some(0.90)),
        ("source accuracy", "source_acc", Some(0.90)),
        ("specificity accuracy", "specificity_acc", Some(0.90)),
    ];
    for (label, key, bar) in rows {
        let (mine, theirs) = (values(&model[key]), values(&rules[key]));
        let bar = match (key, bar) {
            ("sentence", _) => {
                let ok = number(&model[key]["p"]) >= 0.90 && number(&model[key]["r"]) >= 0.85;
                format!("P ≥ .90, R ≥ .85 {}", if ok { "met" } else { "NOT met" })
            }
            (_, Some(bar)) => {
                let met = model[key].as_f64().is_some_and(|v| v >= bar);
                format!("≥ {bar:.2} {}", if met { "met" } else { "NOT met" })
            }
            _ => String::new(),
        };
        println!("  {label:<26}{mine:<24}{theirs:<24}{bar}");
    }
    println!(
        "  false positives / misses: {} / {} (listed in target/eval-reader.json)",
        count(&model["false_pos"]),
        count(&model["missed"])
    );
    Ok(true)
}

fn finish(child: std::process::Child) -> Result<Value, String> {
    let output = child
        .wait_with_output()
        .map_err(|e| format!("reader_score.py did not finish: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "reader_score.py failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("reader_score.py printed something other than JSON ({e})"))
}

fn number(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}

fn values(v: &Value) -> String {
    match v {
        Value::Object(prf) => ["p", "r", "f1"]
            .iter()
            .map(|k| fmt4(number(&prf[*k])))
            .collect::<Vec<_>>()
            .join(" "),
        Value::Number(n) => n.as_f64().map_or("n/a".into(), fmt4),
        _ => "n/a".into(),
    }
}

fn count(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}
