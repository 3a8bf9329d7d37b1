//! The command line, parsed by hand: a handful of flags does not justify a parser crate.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::error::CliError;

pub const USAGE: &str = "\
allegedly — find the claims in news text: who says what, and how sure the writer is.

USAGE:
    allegedly [OPTIONS] [FILE]           analyse FILE (text or HTML); stdin when FILE is absent or -
    allegedly --jsonl [OPTIONS] [FILE]   one JSON object per line in, one per line out
    allegedly eval [DIR] [--split dev|train|all] [--native-only]
                                         quality on the PolNeAR and Szeged data in DIR

OUTPUT (FILE mode):
    The text with every claim marked, then a summary (claims per kind and stance, top sources).
    On a terminal: cue bold and underlined, source and content coloured by kind. Elsewhere, or with
    NO_COLOR set: plain markers {source} [[cue|kind/stance]] <<content>>.

OPTIONS:
    --json              print the claims as one JSON document instead: offsets in Unicode code
                        points into the analysed text, plus the cue/source/content strings
    --jsonl             read lines {\"id\": …, \"text\": …}; write lines {\"id\": …, \"claims\": [{\"kind\",
                        \"stance\", \"cue\": [s,e], \"source\": [s,e]|null, \"content\": [s,e]|null,
                        \"sentence\": [s,e]}]}, offsets in Unicode code points. A bad line gets
                        {\"id\": …, \"claims\": [], \"error\": \"…\"} and the run goes on
    --threads N         --jsonl worker threads; output order is kept (default: the number of cores)
    --html, --text      treat the input as HTML (visible text only) or as plain text; the default
                        is HTML for .html/.htm/.xhtml files and for input that starts like HTML
    --whole-page        HTML: read all of the page's visible text; by default only its article
                        (headline and body, found by Readability) when it has one
    --color WHEN        auto (default), always or never
    --cue WORD          an extra cue word or phrase, treated as distancing attribution (repeatable)
    --ignore WORD       a word or phrase that must never count as a cue (repeatable)
    --rules-only        only the lexicon and its rules, none of the trained model's cues
    -h, --help          this help
    -V, --version       the version

EVAL:
    DIR defaults to $ALLEGEDLY_EVAL_DIR, else ../shared/eval next to the source tree. Figures are
    computed natively with the definitions of DIR/score.py; when python3 can import pysbd, score.py
    is run as well and both are printed side by side (any disagreement is flagged, exit status 1).
    --split dev (default), train or all picks the PolNeAR split(s); --native-only skips score.py.

INPUT:
    Invalid UTF-8 is decoded with U+FFFD replacement characters and a warning (offsets then refer
    to the decoded text); UTF-16 with a byte-order mark is decoded; other input holding NUL bytes
    is refused as binary.

EXIT STATUS:
    0 success, 1 I/O failure or eval disagreement, 2 bad usage or unusable input.
";

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    Analyze(AnalyzeArgs),
    Jsonl(JsonlArgs),
    Eval(EvalArgs),
}

/// How to treat the input's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Detect,
    Html,
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// User cue words and ignore words (the run-time lexicon extension), and whether the trained
/// model's cues are wanted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Words {
    pub cues: Vec<String>,
    pub ignore: Vec<String>,
    pub rules_only: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct AnalyzeArgs {
    /// `None` for standard input.
    pub file: Option<PathBuf>,
    pub json: bool,
    pub format: Format,
    /// HTML: the whole page's visible text, not only its article.
    pub whole_page: bool,
    pub color: ColorChoice,
    pub words: Words,
}

#[derive(Debug, PartialEq, Eq)]
pub struct JsonlArgs {
    pub file: Option<PathBuf>,
    pub threads: Option<usize>,
    pub words: Words,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Dev,
    Train,
    All,
}

#[derive(Debug, PartialEq, Eq)]
pub struct EvalArgs {
    pub dir: Option<PathBuf>,
    pub split: Split,
    pub native_only: bool,
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, CliError> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    if args.first().is_some_and(|a| a == "eval") {
        args.remove(0);
        return parse_eval(args);
    }
    let mut file = None;
    let mut json = false;
    let mut jsonl = false;
    let mut threads = None;
    let mut format = Format::Detect;
    let mut whole_page = false;
    let mut color = ColorChoice::Auto;
    let mut words = Words::default();
    let mut rest = Flags::new(args);
    while let Some(arg) = rest.next_arg() {
        match arg {
            Arg::Flag(flag) => match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "-V" | "--version" => return Ok(Command::Version),
                "--json" => json = true,
                "--jsonl" => jsonl = true,
                "--html" => format = Format::Html,
                "--text" => format = Format::Text,
                "--whole-page" => whole_page = true,
                "--threads" => threads = Some(parse_threads(&rest.value(&flag)?)?),
                "--color" | "--colour" => color = parse_color(&rest.value(&flag)?)?,
                "--cue" => words.cues.push(rest.value(&flag)?),
                "--ignore" => words.ignore.push(rest.value(&flag)?),
                "--rules-only" => words.rules_only = true,
                _ => return Err(unknown(&flag)),
            },
            Arg::Positional(value) => {
                if file.is_some() {
                    return Err(CliError::usage(
                        "only one FILE can be given (try --help)".to_string(),
                    ));
                }
                file = Some(value);
            }
        }
        rest.no_value_left()?;
    }
    let file = file.filter(|f| f.as_os_str() != "-").map(PathBuf::from);
    if jsonl {
        if json || format != Format::Detect || color != ColorChoice::Auto || whole_page {
            return Err(CliError::usage(
                "--jsonl cannot be combined with --json, --html, --text, --whole-page or --color",
            ));
        }
        return Ok(Command::Jsonl(JsonlArgs {
            file,
            threads,
            words,
        }));
    }
    if threads.is_some() {
        return Err(CliError::usage("--threads only applies to --jsonl"));
    }
    Ok(Command::Analyze(AnalyzeArgs {
        file,
        json,
        format,
        whole_page,
        color,
        words,
    }))
}

fn parse_eval(args: Vec<OsString>) -> Result<Command, CliError> {
    let mut dir = None;
    let mut split = Split::Dev;
    let mut native_only = false;
    let mut rest = Flags::new(args);
    while let Some(arg) = rest.next_arg() {
        match arg {
            Arg::Flag(flag) => match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--native-only" => native_only = true,
                "--split" => {
                    split = match rest.value(&flag)?.as_str() {
                        "dev" => Split::Dev,
                        "train" => Split::Train,
                        "all" => Split::All,
                        other => {
                            return Err(CliError::usage(format!(
                                "--split takes dev, train or all, not {other:?}"
                            )));
                        }
                    }
                }
                _ => return Err(unknown(&flag)),
            },
            Arg::Positional(value) if dir.is_none() => dir = Some(PathBuf::from(value)),
            Arg::Positional(_) => return Err(CliError::usage("eval takes one DIR (try --help)")),
        }
        rest.no_value_left()?;
    }
    Ok(Command::Eval(EvalArgs {
        dir,
        split,
        native_only,
    }))
}

fn unknown(flag: &str) -> CliError {
    CliError::usage(format!("unknown option {flag} (try --help)"))
}

fn parse_threads(value: &str) -> Result<usize, CliError> {
    match value.parse::<usize>() {
        Ok(n) if (1..=256).contains(&n) => Ok(n),
        _ => Err(CliError::usage(format!(
            "--threads takes a number from 1 to 256, not {value:?}"
        ))),
    }
}

fn parse_color(value: &str) -> Result<ColorChoice, CliError> {
    match value {
        "auto" => Ok(ColorChoice::Auto),
        "always" => Ok(ColorChoice::Always),
        "never" => Ok(ColorChoice::Never),
        _ => Err(CliError::usage(format!(
            "--color takes auto, always or never, not {value:?}"
        ))),
    }
}

enum Arg {
    Flag(String),
    Positional(OsString),
}

/// Walks the arguments: `--flag`, `--flag=value`, `--flag value`, `-` (stdin) and `--` (the end of
/// the flags). File names stay `OsString`s so that non-UTF-8 paths work.
struct Flags {
    args: std::vec::IntoIter<OsString>,
    /// The value after `=` in the current `--flag=value`, until taken.
    inline_value: Option<String>,
    only_positional: bool,
}

impl Flags {
    fn new(args: Vec<OsString>) -> Self {
        Flags {
            args: args.into_iter(),
            inline_value: None,
            only_positional: false,
        }
    }

    fn next_arg(&mut self) -> Option<Arg> {
        let arg = self.args.next()?;
        if self.only_positional {
            return Some(Arg::Positional(arg));
        }
        if arg == "--" {
            self.only_positional = true;
            return self.next_arg();
        }
        let Some(text) = arg.to_str() else {
            return Some(Arg::Positional(arg));
        };
        if text.len() < 2 || !text.starts_with('-') {
            return Some(Arg::Positional(arg));
        }
        match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                self.inline_value = Some(value.to_string());
                Some(Arg::Flag(flag.to_string()))
            }
            _ => Some(Arg::Flag(text.to_string())),
        }
    }

    /// The value of `flag`: after its `=`, else the next argument.
    fn value(&mut self, flag: &str) -> Result<String, CliError> {
        if let Some(value) = self.inline_value.take() {
            return Ok(value);
        }
        match self.args.next() {
            Some(value) => value
                .into_string()
                .map_err(|_| CliError::usage(format!("the value of {flag} is not valid UTF-8"))),
            None => Err(CliError::usage(format!(
                "{flag} needs a value (try --help)"
            ))),
        }
    }

    /// Fails when a flag that takes no value was given one (`--json=yes`).
    fn no_value_left(&mut self) -> Result<(), CliError> {
        match self.inline_value.take() {
            Some(value) => Err(CliError::usage(format!(
                "unexpected value {value:?}: that option takes none"
            ))),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, CliError> {
        parse(args.iter().map(OsString::from))
    }

    fn analyze(args: &[&str]) -> AnalyzeArgs {
        match parse_strs(args) {
            Ok(Command::Analyze(a)) => a,
            other => panic!("expected Analyze, got {other:?}"),
        }
    }

    #[test]
    fn no_arguments_read_stdin_as_text() {
        let a = analyze(&[]);
        assert_eq!(a.file, None);
        assert!(!a.json);
        assert_eq!(a.format, Format::Detect);
    }

    #[test]
    fn dash_means_stdin_and_double_dash_ends_flags() {
        assert_eq!(analyze(&["-"]).file, None);
        assert_eq!(
            analyze(&["--", "--json"]).file,
            Some(PathBuf::from("--json"))
        );
    }

    #[test]
    fn values_come_after_equals_or_as_next_argument() {
        let a = analyze(&[
            "--cue=spun",
            "--ignore",
            "said",
            "--color",
            "never",
            "x.txt",
        ]);
        assert_eq!(a.words.cues, ["spun"]);
        assert_eq!(a.words.ignore, ["said"]);
        assert_eq!(a.color, ColorChoice::Never);
        assert_eq!(a.file, Some(PathBuf::from("x.txt")));
    }

    #[test]
    fn bad_usage_is_exit_status_2() {
        for args in [
            &["--frobnicate"][..],
            &["--json=yes"],
            &["--color", "pink"],
            &["--cue"],
            &["a", "b"],
            &["--threads", "2"],
            &["--jsonl", "--json"],
            &["--jsonl", "--threads", "0"],
            &["eval", "--split", "test"],
        ] {
            let err = parse_strs(args).expect_err(&format!("{args:?} must fail"));
            assert_eq!(err.code, 2, "{args:?}");
        }
    }

    #[test]
    fn jsonl_and_eval() {
        assert_eq!(
            parse_strs(&["--jsonl", "--threads=2"]).unwrap(),
            Command::Jsonl(JsonlArgs {
                file: None,
                threads: Some(2),
                words: Words::default()
            })
        );
        assert_eq!(
            parse_strs(&["eval", "d", "--split", "all", "--native-only"]).unwrap(),
            Command::Eval(EvalArgs {
                dir: Some(PathBuf::from("d")),
                split: Split::All,
                native_only: true
            })
        );
    }
}
