//! `allegedly eval`: the analyzer's quality on the annotated corpora, by score.py's definitions.
//!
//! Every figure score.py prints is computed natively ([`metrics`]) except the PolNeAR sentence level,
//! which needs pysbd; when python3 has pysbd, score.py runs too and both columns are printed, each
//! shared figure checked for agreement to the 4 printed decimals.

mod gold;
mod metrics;
mod score_py;
mod specificity;

use std::path::{Path, PathBuf};
use std::time::Instant;

use allegedly::offsets::{Unit, convert, convert_claims};
use allegedly::segmenter::{blocks, sentences};
use allegedly::{Analyzer, Claim, ClaimKind};
use serde_json::Value;

use crate::args::{EvalArgs, Split};
use crate::error::CliError;
use gold::{Article, Range, Sentence};
use metrics::{Pred, Prf, fmt4};
use score_py::{Scoring, TempFile};

const SZEGED: &str = "szeged-wiki.jsonl";

/// Where the data is: DIR, else $ALLEGEDLY_EVAL_DIR, else ../shared/eval beside the source tree.
fn eval_dir(args: &EvalArgs) -> PathBuf {
    if let Some(dir) = &args.dir {
        return dir.clone();
    }
    match std::env::var_os("ALLEGEDLY_EVAL_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval"),
    }
}

pub fn run(args: &EvalArgs) -> Result<(), CliError> {
    let dir = eval_dir(args);
    if !dir.is_dir() {
        println!(
            "eval skipped: no evaluation data at {} (pass DIR or set ALLEGEDLY_EVAL_DIR)",
            dir.display()
        );
        return Ok(());
    }
    let splits: &[&str] = match args.split {
        Split::Dev => &["dev"],
        Split::Train => &["train"],
        Split::All => &["dev", "train"],
    };
    let mut corpora = Vec::new();
    for split in splits {
        corpora.push(Corpus::Polnear(split.to_string()));
    }
    corpora.push(Corpus::Szeged);
    corpora.retain(|corpus| {
        let present = dir.join(corpus.file()).is_file();
        if !present {
            println!(
                "eval: {} not found in {}, skipped",
                corpus.file(),
                dir.display()
            );
        }
        present
    });
    if corpora.is_empty() {
        println!("eval skipped: none of the corpora are in {}", dir.display());
        return Ok(());
    }

    let score_py = dir.join("score.py");
    let reference = if args.native_only {
        Err("--native-only: score.py not run".to_string())
    } else if !score_py.is_file() {
        Err(format!(
            "{} is missing: native figures only",
            score_py.display()
        ))
    } else {
        score_py::available()
    };
    if let Err(why) = &reference {
        println!("note: {why}");
    }

    let analyzer = Analyzer::default();
    // Analyse and start score.py on every corpus first, so python works while Rust scores.
    let mut runs = Vec::new();
    for corpus in &corpora {
        let gold_path = dir.join(corpus.file());
        let run = corpus
            .analyse(&analyzer, &gold_path)
            .map_err(CliError::failed)?;
        let scoring = match &reference {
            Ok(()) => {
                let predictions = TempFile::write(corpus.tag(), &run.prediction_lines)
                    .map_err(|e| CliError::io("cannot write the predictions for score.py", &e))?;
                Some(
                    Scoring::start(&score_py, corpus.mode(), &gold_path, predictions)
                        .map_err(CliError::failed)?,
                )
            }
            Err(_) => None,
        };
        runs.push((run, scoring));
    }

    let mut disagreements = Vec::new();
    for (run, scoring) in runs {
        let reference = match scoring.map(Scoring::wait) {
            Some(Ok(figures)) => Some(figures),
            Some(Err(why)) => {
                println!("note: {why}");
                None
            }
            None => None,
        };
        let rows = run.rows();
        print_table(&run.title, &rows, reference.as_ref());
        for row in &rows {
            if let (true, Some(reference)) = (row.shared, &reference) {
                let theirs = row.reference_values(reference);
                if theirs != row.native {
                    disagreements.push(format!(
                        "{} {}: native {} vs score.py {}",
                        run.title_short,
                        row.label,
                        row.native.join(" "),
                        theirs.join(" ")
                    ));
                }
            }
        }
    }
    specificity::report(&dir, &specificity::articles_dir());
    if disagreements.is_empty() {
        return Ok(());
    }
    Err(CliError::failed(format!(
        "the native figures disagree with score.py:\n  {}",
        disagreements.join("\n  ")
    )))
}

enum Corpus {
    Polnear(String),
    Szeged,
}

impl Corpus {
    fn file(&self) -> String {
        match self {
            Corpus::Polnear(split) => format!("polnear-{split}.jsonl"),
            Corpus::Szeged => SZEGED.to_string(),
        }
    }

    fn tag(&self) -> &str {
        match self {
            Corpus::Polnear(split) => split,
            Corpus::Szeged => "szeged",
        }
    }

    fn mode(&self) -> &'static str {
        match self {
            Corpus::Polnear(_) => "polnear",
            Corpus::Szeged => "szeged",
        }
    }

    fn analyse(&self, analyzer: &Analyzer, path: &Path) -> Result<Run, String> {
        match self {
            Corpus::Polnear(split) => {
                let articles: Vec<Article> = gold::load(path)?;
                let started = Instant::now();
                let (preds, lines) =
                    predict(analyzer, articles.iter().map(|a| (&a.id, a.text.as_str())));
                let seconds = started.elapsed().as_secs_f64();
                let sentences: Vec<Vec<Range>> =
                    articles.iter().map(|a| own_sentences(&a.text)).collect();
                let figures = metrics::polnear(&articles, &preds);
                let own_sentence = metrics::polnear_sentences(&articles, &preds, &sentences);
                let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
                Ok(Run {
                    title: format!(
                        "PolNeAR {split}: {} articles, {} gold attributions — analysed in {:.2} s ({:.1} MB/s)",
                        figures.docs,
                        figures.gold_cues,
                        seconds,
                        bytes as f64 / 1e6 / seconds.max(1e-9)
                    ),
                    title_short: format!("PolNeAR {split}"),
                    figures: Figures::Polnear(figures, own_sentence),
                    prediction_lines: lines,
                })
            }
            Corpus::Szeged => {
                let sentences: Vec<Sentence> = gold::load(path)?;
                let started = Instant::now();
                let (preds, lines) =
                    predict(analyzer, sentences.iter().map(|s| (&s.id, s.text.as_str())));
                let seconds = started.elapsed().as_secs_f64();
                let figures = metrics::szeged(&sentences, &preds);
                Ok(Run {
                    title: format!(
                        "Szeged Wikipedia: {} sentences — analysed in {seconds:.2} s",
                        figures.sentences
                    ),
                    title_short: "Szeged".to_string(),
                    figures: Figures::Szeged(figures),
                    prediction_lines: lines,
                })
            }
        }
    }
}

/// The analyzer's claims for each text, as score.py sees them, and as the `--jsonl` lines it reads.
fn predict<'a>(
    analyzer: &Analyzer,
    texts: impl Iterator<Item = (&'a Value, &'a str)>,
) -> (Vec<Vec<Pred>>, Vec<String>) {
    let mut preds = Vec::new();
    let mut lines = Vec::new();
    for (id, text) in texts {
        let mut claims = analyzer.analyze(text);
        convert_claims(text, &mut claims, Unit::CodePoint);
        preds.push(claims.iter().map(to_pred).collect());
        lines.push(serde_json::json!({"id": id, "claims": claims}).to_string());
    }
    (preds, lines)
}

fn to_pred(claim: &Claim) -> Pred {
    let range = |s: allegedly::Span| (s.start as i64, s.end as i64);
    Pred {
        hedge: claim.kind == ClaimKind::Hedged,
        cue: range(claim.cue),
        source: claim.source.map(range),
        content: claim.content.map(range),
    }
}

/// The project's own sentences of `text`, in code points, standing in for pysbd's.
fn own_sentences(text: &str) -> Vec<Range> {
    let spans: Vec<usize> = blocks(text)
        .flat_map(|b| sentences(text, b))
        .flat_map(|s| [s.start, s.end])
        .collect();
    convert(text, &spans, Unit::CodePoint)
        .chunks_exact(2)
        .map(|pair| (pair[0] as i64, pair[1] as i64))
        .collect()
}

struct Run {
    title: String,
    title_short: String,
    figures: Figures,
    prediction_lines: Vec<String>,
}

enum Figures {
    /// The figures score.py shares, and the sentence level over the project's own sentences.
    Polnear(metrics::PolnearFigures, Prf),
    Szeged(metrics::SzegedFigures),
}

/// One line of the report.
struct Row {
    label: &'static str,
    native: Vec<String>,
    /// Where score.py's JSON has this figure: a P/R/F1 object or a number.
    key: &'static str,
    /// Whether native and score.py compute it the same way (so they must agree).
    shared: bool,
    /// The quality bar of issue 2 on this figure's last value, if any.
    bar: Option<f64>,
}

impl Row {
    fn prf(
        label: &'static str,
        key: &'static str,
        value: Prf,
        shared: bool,
        bar: Option<f64>,
    ) -> Row {
        Row {
            label,
            native: vec![fmt4(value.p), fmt4(value.r), fmt4(value.f1)],
            key,
            shared,
            bar,
        }
    }

    fn number(label: &'static str, key: &'static str, value: Option<f64>, bar: Option<f64>) -> Row {
        Row {
            label,
            native: vec![value.map_or("n/a".to_string(), fmt4)],
            key,
            shared: true,
            bar,
        }
    }

    fn count(label: &'static str, key: &'static str, value: usize) -> Row {
        Row {
            label,
            native: vec![value.to_string()],
            key,
            shared: true,
            bar: None,
        }
    }

    /// score.py's values for this row, formatted like the native ones.
    fn reference_values(&self, reference: &Value) -> Vec<String> {
        let format = |v: &Value| match v {
            Value::Number(n) if self.native[0].contains('.') => {
                n.as_f64().map_or("n/a".to_string(), fmt4)
            }
            Value::Number(n) => n.to_string(),
            _ => "n/a".to_string(),
        };
        match &reference[self.key] {
            Value::Object(prf) => ["p", "r", "f1"].iter().map(|k| format(&prf[*k])).collect(),
            other => vec![format(other)],
        }
    }
}

impl Run {
    fn rows(&self) -> Vec<Row> {
        match &self.figures {
            Figures::Polnear(f, own_sentence) => vec![
                Row::prf(
                    "sentence P/R/F1",
                    "sentence",
                    *own_sentence,
                    false,
                    Some(0.90),
                ),
                Row::prf("cue P/R/F1", "cue", f.cue, true, Some(0.85)),
                Row::number(
                    "source overlap accuracy",
                    "source_overlap_acc",
                    f.source_overlap_acc,
                    Some(0.85),
                ),
                Row::number(
                    "source token F1",
                    "source_token_f1",
                    f.source_token_f1,
                    None,
                ),
                Row::number(
                    "content token F1",
                    "content_token_f1",
                    f.content_token_f1,
                    Some(0.75),
                ),
                Row::count("gold cues", "gold_cues", f.gold_cues),
                Row::count("documents", "docs", f.docs),
            ],
            Figures::Szeged(f) => vec![
                Row::prf(
                    "hedge cue P/R/F1",
                    "hedge_cue",
                    f.hedge_cue,
                    true,
                    Some(0.75),
                ),
                Row::prf(
                    "hedge sentence P/R/F1",
                    "hedge_sentence",
                    f.hedge_sentence,
                    true,
                    None,
                ),
                Row::count("sentences", "sentences", f.sentences),
            ],
        }
    }
}

fn print_table(title: &str, rows: &[Row], reference: Option<&Value>) {
    println!("\n{title}");
    let reference_title = if reference.is_some() { "score.py" } else { "" };
    println!(
        "  {:<26}{:<24}{reference_title:<26}bar (issue 2)",
        "", "native"
    );
    for row in rows {
        let native = row.native.join(" ");
        let (theirs, judged) = match reference {
            Some(reference) => {
                let theirs = row.reference_values(reference);
                let text = if !row.shared {
                    theirs.join(" ")
                } else if theirs == row.native {
                    "agrees ✓".to_string()
                } else {
                    format!("{} ✗ DIFFERS", theirs.join(" "))
                };
                (text, theirs)
            }
            None => (String::new(), row.native.clone()),
        };
        let native = if row.shared {
            native
        } else {
            format!("{native} ≈")
        };
        let bar = row.bar.map_or(String::new(), |bar| {
            let met = judged
                .last()
                .and_then(|v| v.parse::<f64>().ok())
                .is_some_and(|v| v >= bar);
            format!("≥ {bar:.2} {}", if met { "met" } else { "NOT met" })
        });
        println!("  {:<26}{:<24}{:<26}{bar}", row.label, native, theirs);
    }
    if rows.iter().any(|r| !r.shared) {
        println!(
            "  ≈ native sentence level uses the project's segmenter; score.py's (pysbd) is the reference"
        );
    }
}
