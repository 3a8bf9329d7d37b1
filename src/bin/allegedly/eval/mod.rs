//! `allegedly eval`: the analyzer's quality on the annotated corpora, by score.py's definitions.
//!
//! Every figure score.py prints is computed natively ([`metrics`]) except the PolNeAR sentence level,
//! which needs pysbd; when python3 has pysbd, score.py runs too and both columns are printed, each
//! shared figure checked for agreement to the 4 printed decimals. The reader-judged set ([`reader`])
//! follows, scored by reader_score.py alone.

mod gold;
mod metrics;
mod reader;
mod score_py;
mod specificity;

use std::path::{Path, PathBuf};
use std::time::Instant;

use allegedly::Analyzer;
use allegedly::offsets::{Unit, convert, convert_claims};
use allegedly::segmenter::{blocks, sentences};
use serde_json::Value;

use crate::args::{EvalArgs, Split};
use crate::error::CliError;
use gold::{Article, Range, Sentence};
use metrics::{Pred, Prf, fmt4};
use score_py::{Scoring, TempFile};

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
    corpora.push(Corpus::Szeged(Part::News));
    corpora.push(Corpus::Szeged(Part::Wikipedia));
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
        println!("eval: none of the corpora are in {}", dir.display());
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
    // The reader-judged set needs score.py's python (pysbd); --native-only leaves it out.
    if !args.native_only {
        reader::run(&dir).map_err(CliError::failed)?;
    }
    specificity::report(&dir);
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
    Szeged(Part),
}

/// The two parts of the Szeged Uncertainty Corpus we have: news (FactBank, dev half) and Wikipedia.
#[derive(Clone, Copy)]
enum Part {
    News,
    Wikipedia,
}

impl Corpus {
    fn file(&self) -> String {
        match self {
            Corpus::Polnear(split) => format!("polnear-{split}.jsonl"),
            Corpus::Szeged(Part::News) => "szeged-news-dev.jsonl".to_string(),
            Corpus::Szeged(Part::Wikipedia) => "szeged-wiki.jsonl".to_string(),
        }
    }

    fn tag(&self) -> &str {
        match self {
            Corpus::Polnear(split) => split,
            Corpus::Szeged(Part::News) => "szeged-news",
            Corpus::Szeged(Part::Wikipedia) => "szeged-wiki",
        }
    }

    fn mode(&self) -> &'static str {
        match self {
            Corpus::Polnear(_) => "polnear",
            Corpus::Szeged(_) => "szeged",
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
            Corpus::Szeged(part) => {
                let sentences: Vec<Sentence> = gold::load(path)?;
                let started = Instant::now();
                let (preds, lines) =
                    predict(analyzer, sentences.iter().map(|s| (&s.id, s.text.as_str())));
                let seconds = started.elapsed().as_secs_f64();
                let figures = metrics::szeged(&sentences, &preds);
                let (name, bar) = match part {
                    Part::News => ("Szeged news dev", 0.80),
                    Part::Wikipedia => ("Szeged Wikipedia", 0.80),
                };
                Ok(Run {
                    title: format!(
                        "{name}: {} sentences — analysed in {seconds:.2} s",
                        figures.sentences
                    ),
                    title_short: name.to_string(),
                    figures: Figures::Szeged(figures, bar),
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
        let claims = serde_json::to_value(&claims).unwrap_or_default();
        preds.push(to_preds(&claims));
        lines.push(serde_json::json!({"id": id, "claims": claims}).to_string());
    }
    (preds, lines)
}

/// The claims as score.py reads them: from their JSON (kind and stance by name, spans as
/// `[start, end]`), so both judge exactly the same thing. Claims without a cue are left out, as
/// score.py's `c.get("cue")` leaves them.
fn to_preds(claims: &Value) -> Vec<Pred> {
    let range = |v: &Value| match v.as_array().map(Vec::as_slice) {
        Some([s, e]) => Some((s.as_i64()?, e.as_i64()?)),
        _ => None,
    };
    let says_hedge = |v: &Value| {
        v.as_str()
            .is_some_and(|s| s.to_lowercase().contains("hedge"))
    };
    claims
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|c| {
            let hedge = says_hedge(&c["kind"]);
            Some(Pred {
                hedge,
                hedges: hedge || says_hedge(&c["stance"]),
                cue: range(&c["cue"])?,
                source: range(&c["source"]),
                content: range(&c["content"]),
            })
        })
        .collect()
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
    /// The figures and the hedge cue F1 bar.
    Szeged(metrics::SzegedFigures, f64),
}

/// One line of the report.
struct Row {
    label: &'static str,
    native: Vec<String>,
    /// Where score.py's JSON has this figure: a P/R/F1 object or a number.
    key: &'static str,
    /// Whether native and score.py compute it the same way (so they must agree).
    shared: bool,
    /// The quality bar (issue 15) on this figure's last value, if any.
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
                    Some(0.84),
                ),
                Row::prf("cue P/R/F1", "cue", f.cue, true, Some(0.72)),
                Row::prf("cue exact P/R/F1", "cue_exact", f.cue_exact, true, None),
                Row::number(
                    "source overlap accuracy",
                    "source_overlap_acc",
                    f.source_overlap_acc,
                    Some(0.93),
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
                    Some(0.83),
                ),
                Row::count("gold cues", "gold_cues", f.gold_cues),
                Row::count("documents", "docs", f.docs),
            ],
            Figures::Szeged(f, bar) => vec![
                Row::prf(
                    "hedge cue P/R/F1",
                    "hedge_cue",
                    f.hedge_cue,
                    true,
                    Some(*bar),
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
        "  {:<26}{:<24}{reference_title:<26}bar (issue 15)",
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
