//! Running the reference scorer, ../shared/eval/score.py, beside the native figures.
//!
//! Only score.py can give the sentence-level PolNeAR figure (it splits with pysbd), and running it
//! checks the native reimplementation on every `eval`.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

/// Whether `python3` can run score.py: `Err` says what is missing and how to get it.
pub fn available() -> Result<(), String> {
    match Command::new("python3")
        .args(["-c", "import pysbd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(status) if status.success() => Ok(()),
        Ok(_) => Err(
            "python3 cannot import pysbd, the sentence splitter score.py uses; \
                      install it with `pip install pysbd` to see score.py's figures beside these"
                .to_string(),
        ),
        Err(_) => Err(
            "python3 was not found; install Python 3 and `pip install pysbd` to see \
                       score.py's figures beside these"
                .to_string(),
        ),
    }
}

/// A temporary predictions file, removed when dropped.
pub struct TempFile {
    pub path: PathBuf,
}

impl TempFile {
    pub fn write(name: &str, lines: &[String]) -> std::io::Result<TempFile> {
        let path = std::env::temp_dir().join(format!(
            "allegedly-eval-{}-{name}.jsonl",
            std::process::id()
        ));
        let file = TempFile { path };
        let mut out = std::io::BufWriter::new(fs::File::create(&file.path)?);
        for line in lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        Ok(file)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// score.py running on one corpus; `wait` gives its JSON figures.
pub struct Scoring {
    child: Child,
    _predictions: TempFile,
}

impl Scoring {
    /// Starts `python3 SCORE MODE GOLD PRED` in the background.
    pub fn start(
        score_py: &Path,
        mode: &str,
        gold: &Path,
        predictions: TempFile,
    ) -> Result<Scoring, String> {
        let child = Command::new("python3")
            .arg(score_py)
            .arg(mode)
            .arg(gold)
            .arg(&predictions.path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run python3 {}: {e}", score_py.display()))?;
        Ok(Scoring {
            child,
            _predictions: predictions,
        })
    }

    pub fn wait(self) -> Result<Value, String> {
        let output = self
            .child
            .wait_with_output()
            .map_err(|e| format!("score.py did not finish: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "score.py failed ({}): {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        serde_json::from_slice(&output.stdout).map_err(|e| {
            format!(
                "score.py printed something other than JSON ({e}): {}",
                String::from_utf8_lossy(&output.stdout).trim()
            )
        })
    }
}
