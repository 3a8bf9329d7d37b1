//! The `allegedly` command line: the claims in a text or HTML file, on a terminal or as JSON;
//! `--jsonl` for batches (the evaluation contract); `eval` for quality on the annotated corpora.
//! `allegedly --help` tells the whole interface.

mod args;
mod chunks;
mod error;
mod eval;
mod html;
mod input;
mod json;
mod jsonl;
mod render;
mod summary;

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use allegedly::{Analyzer, Config};

use args::{AnalyzeArgs, ColorChoice, Command, JsonlArgs, Words};
use error::{CliError, is_broken_pipe};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("allegedly: {err}");
            ExitCode::from(u8::try_from(err.code).unwrap_or(1))
        }
    }
}

fn run() -> Result<(), CliError> {
    let result = match args::parse(std::env::args_os().skip(1))? {
        Command::Help => write_stdout(args::USAGE),
        Command::Version => write_stdout(&format!("allegedly {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Analyze(args) => return analyze(&args),
        Command::Jsonl(args) => return jsonl(&args),
        Command::Eval(args) => return eval::run(&args),
    };
    finish_output(result)
}

fn write_stdout(text: &str) -> io::Result<()> {
    io::stdout().lock().write_all(text.as_bytes())
}

/// A closed pipe (`allegedly … | head`) ends the output quietly; other write errors are failures.
fn finish_output(result: io::Result<()>) -> Result<(), CliError> {
    match result {
        Err(err) if !is_broken_pipe(&err) => Err(CliError::io("cannot write the output", &err)),
        _ => Ok(()),
    }
}

fn analyzer(words: &Words) -> Result<Analyzer, CliError> {
    let config = Config {
        extra_cues: words.cues.clone(),
        ignore_words: words.ignore.clone(),
        rules_only: words.rules_only,
    };
    Analyzer::new(&config).map_err(|e| CliError::bad_input(e.to_string()))
}

fn analyze(args: &AnalyzeArgs) -> Result<(), CliError> {
    let analyzer = analyzer(&args.words)?;
    let name = args
        .file
        .as_ref()
        .map_or("standard input".to_string(), |f| f.display().to_string());
    if args.file.is_none() && io::stdin().is_terminal() {
        eprintln!(
            "allegedly: reading text from the terminal; end it with Ctrl-D (--help for usage)"
        );
    }
    let bytes = input::read(args.file.as_deref())?;
    let decoded = input::decode(bytes, &name)?;
    if let Some(warning) = &decoded.warning {
        eprintln!("allegedly: warning: {warning}");
    }
    let is_html = input::is_html(args.format, args.file.as_deref(), &decoded.text);
    let text = if is_html {
        html::visible_text(&decoded.text)
    } else {
        decoded.text
    };
    let stdout = io::stdout();
    let colour = !args.json && use_colour(args.color, stdout.is_terminal());
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if args.json {
        write_json(&analyzer, &mut out, &text, is_html)
    } else {
        write_marked(&analyzer, &mut out, &text, colour)
    };
    finish_output(result.and_then(|()| out.flush()))
}

/// The text with its claims marked, then the summary; large inputs a piece at a time.
fn write_marked(
    analyzer: &Analyzer,
    out: &mut impl Write,
    text: &str,
    colour: bool,
) -> io::Result<()> {
    let mut summary = summary::Summary::default();
    for (piece, claims) in chunks::analyzed(analyzer, text, chunks::CHUNK_BYTES) {
        render::render(out, piece, &claims, colour)?;
        summary.add(piece, &claims);
    }
    summary.write(out, &render::legend(colour))
}

/// `--json`: the claims as one document; the analysed text too when it was extracted from HTML.
fn write_json(
    analyzer: &Analyzer,
    out: &mut impl Write,
    text: &str,
    include_text: bool,
) -> io::Result<()> {
    let mut writer = json::JsonWriter::start(out, include_text.then_some(text))?;
    for (piece, claims) in chunks::analyzed(analyzer, text, chunks::CHUNK_BYTES) {
        writer.add(out, piece, &claims)?;
    }
    writer.finish(out)
}

/// Colour on a terminal unless NO_COLOR (https://no-color.org) is set or the terminal is dumb.
fn use_colour(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
            is_terminal && !no_color && !dumb
        }
    }
}

fn jsonl(args: &JsonlArgs) -> Result<(), CliError> {
    let analyzer = analyzer(&args.words)?;
    // All cores by default. Measured on 10,000 PolNeAR articles (66 MB), 2 free cores: 1.32 s on
    // one thread, 0.71 s on two (1.86×), output identical. On a machine already saturated by
    // other work two threads gain nothing (and cost ~5% more CPU): --threads 1 then.
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut errors = io::stderr().lock();
    let stats = match &args.file {
        Some(path) => {
            let file = File::open(path)
                .map_err(|e| CliError::io(&format!("cannot read {}", path.display()), &e))?;
            jsonl::run(
                &analyzer,
                &mut BufReader::with_capacity(1 << 16, file),
                &mut out,
                &mut errors,
                threads,
            )
        }
        None => jsonl::run(
            &analyzer,
            &mut io::stdin().lock(),
            &mut out,
            &mut errors,
            threads,
        ),
    };
    let stats = match stats.and_then(|s| out.flush().map(|()| s)) {
        Ok(stats) => stats,
        Err(err) if is_broken_pipe(&err) => return Ok(()),
        Err(err) => return Err(CliError::io("--jsonl failed", &err)),
    };
    if stats.errors > 0 {
        eprintln!(
            "allegedly: {} of {} lines could not be analysed; their answers carry an \"error\"",
            stats.errors, stats.lines
        );
    }
    Ok(())
}
