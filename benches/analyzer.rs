//! Native throughput of the analyzer, in MB/s, with its floor and a peer in the same run:
//!
//! - `analyzer`: `Analyzer::analyze`, the whole pipeline (the bar: ≥ 50 MB/s on one thread);
//! - `rules_only`: the same without the trained model's second look (`Config::rules_only`), so
//!   the model's cost is a ratio within the run;
//! - `floor_segmenter`: only splitting the text into blocks and sentences, which every analysis
//!   must do at least;
//! - `peer_regex`: one case-insensitive regex of ~90 reporting verbs and hedges, counting matches:
//!   what a keyword highlighter does, with none of the analysis.
//!
//! Inputs, ~1 MB each: the seed articles of tests/fixtures/seeds repeated, and synthetic news-like
//! text. Run with `cargo bench --bench analyzer` (or `./build.sh bench`); after criterion's own
//! report a table of MB/s and ratios is printed and written to target/criterion/native-summary.md.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use allegedly::segmenter::{blocks, sentences};
use allegedly::{Analyzer, Config};
use criterion::{Criterion, Throughput};
use regex::Regex;

const TARGET_BYTES: usize = 1 << 20;

/// The reporting verbs and hedges a keyword highlighter would mark (the peer's whole lexicon).
const PEER_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "alleged",
    "alleges",
    "allege",
    "allegedly",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "notes",
    "wrote",
    "writes",
    "reported",
    "reports",
    "reportedly",
    "announced",
    "announces",
    "insisted",
    "insists",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "argued",
    "argues",
    "warned",
    "warns",
    "denied",
    "denies",
    "admitted",
    "admits",
    "acknowledged",
    "acknowledges",
    "accused",
    "accuses",
    "confirmed",
    "confirms",
    "stressed",
    "stresses",
    "explained",
    "explains",
    "testified",
    "testifies",
    "tweeted",
    "tweets",
    "according to",
    "in a statement",
    "purportedly",
    "supposedly",
    "apparently",
    "ostensibly",
    "seemingly",
    "likely",
    "unlikely",
    "probably",
    "possibly",
    "perhaps",
    "may",
    "might",
    "could",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "suggests",
    "suggested",
    "believed",
    "thought",
    "expected",
    "unconfirmed",
    "unverified",
    "so-called",
    "suspected",
    "asserted",
    "asserts",
    "revealed",
    "reveals",
    "suggest",
    "appear",
    "seem",
];

fn main() {
    let started = std::time::SystemTime::now();
    let inputs = inputs();
    let analyzer = Analyzer::new(&Config::default()).expect("the built-in lexicon is valid");
    let rules_only = Analyzer::new(&Config {
        rules_only: true,
        ..Config::default()
    })
    .expect("the built-in lexicon is valid");
    // ASCII word boundaries: a Unicode `\b` keeps the regex crate off its DFA on non-ASCII text
    // (~3 MB/s measured); the peer gets its fastest honest form.
    let peer = Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{})(?-u:\b)",
        PEER_WORDS.join("|")
    ))
    .expect("valid");
    let out_dir = criterion_dir();

    let mut criterion = Criterion::default()
        .output_directory(&out_dir)
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    for (name, text) in &inputs {
        let mut group = criterion.benchmark_group(*name);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("analyzer", |b| {
            b.iter(|| analyzer.analyze(black_box(text)).len())
        });
        group.bench_function("rules_only", |b| {
            b.iter(|| rules_only.analyze(black_box(text)).len())
        });
        group.bench_function("floor_segmenter", |b| {
            b.iter(|| {
                let text = black_box(text.as_str());
                blocks(text)
                    .map(|block| sentences(text, block).len())
                    .sum::<usize>()
            })
        });
        group.bench_function("peer_regex", |b| {
            b.iter(|| peer.find_iter(black_box(text)).count())
        });
        group.finish();
    }
    criterion.final_summary();

    let names: Vec<&str> = inputs.iter().map(|(name, _)| *name).collect();
    let table = summary_table(&out_dir, &names, &inputs, started);
    println!("\n{table}");
    let _ = fs::write(out_dir.join("native-summary.md"), &table);
}

/// Where criterion writes its estimates; set explicitly (as criterion would pick it) so the
/// summary can read them back.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("criterion")
}

/// The benchmark inputs, each about 1 MB.
fn inputs() -> Vec<(&'static str, String)> {
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let mut seeds: Vec<String> = fs::read_dir(&seeds_dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .filter_map(|path| fs::read_to_string(path).ok())
        .collect();
    seeds.sort();
    let mut inputs = Vec::new();
    if seeds.is_empty() {
        eprintln!(
            "note: no seed articles in {}; benchmarking synthetic text only",
            seeds_dir.display()
        );
    } else {
        inputs.push(("seeds", repeat_to(&seeds.join("\n\n"), TARGET_BYTES)));
    }
    inputs.push(("synthetic", synthetic_news(TARGET_BYTES)));
    inputs
}

fn repeat_to(text: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + text.len());
    while out.len() < bytes {
        out.push_str(text);
        out.push_str("\n\n");
    }
    out
}

/// Deterministic news-like text: headlines, datelines and paragraphs mixing attributions
/// (preposed, postposed, "according to", quotations), hedges and plain statements, with
/// abbreviations, initials, numbers and curly quotes for the segmenter.
fn synthetic_news(bytes: usize) -> String {
    const SOURCES: &[&str] = &[
        "The ministry",
        "Mr. Alvarez",
        "Sen. J. R. Patel",
        "A spokeswoman for the U.S. Army",
        "Local officials",
        "The company",
        "Police",
        "Two people familiar with the talks",
        "State media",
        "Dr. Okafor",
    ];
    const VERBS: &[&str] = &[
        "said",
        "claimed",
        "told reporters",
        "insisted",
        "confirmed",
        "denied",
        "warned",
        "added",
        "argued",
        "acknowledged",
    ];
    const FACTS: &[&str] = &[
        "the bridge would reopen by Jan. 15",
        "the budget had grown by 3.5 percent",
        "no one was injured in the blast",
        "the talks in Geneva had stalled",
        "the plant produced 1,200 tonnes a day",
        "the contract was worth $4.2 billion",
        "the vote was postponed until next week",
        "the drone came from across the border",
    ];
    const HEDGES: &[&str] = &[
        "allegedly",
        "reportedly",
        "apparently",
        "probably",
        "may have",
    ];
    const PLAIN: &[&str] = &[
        "The storm reached the coast early on Tuesday.",
        "Shares rose 2.1% in early trading in New York.",
        "The council meets again on Feb. 3 at 10 a.m.",
        "About 4,000 people live in the valley.",
        "The road was closed for most of the day.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut out = String::with_capacity(bytes + 1024);
    while out.len() < bytes {
        out.push_str("Officials Weigh New Rules After Flooding\n\n");
        out.push_str("GENEVA, March 4 (Reuters) -\n\n");
        for _ in 0..6 {
            for _ in 0..4 {
                let source = SOURCES[next(SOURCES.len())];
                let verb = VERBS[next(VERBS.len())];
                let fact = FACTS[next(FACTS.len())];
                let sentence = match next(7) {
                    0 => format!("{source} {verb} that {fact}. "),
                    1 => format!(
                        "“{}{},” {} {verb}. ",
                        fact[..1].to_uppercase(),
                        &fact[1..],
                        source.to_lowercase()
                    ),
                    2 => format!("According to {}, {fact}. ", source.to_lowercase()),
                    3 => format!(
                        "The suspect {} hid the files, {} {verb}. ",
                        HEDGES[next(HEDGES.len())],
                        source.to_lowercase()
                    ),
                    4 => format!("It is claimed that {fact}. "),
                    _ => PLAIN[next(PLAIN.len())].to_string() + " ",
                };
                out.push_str(&sentence);
            }
            out.push_str("\n\n");
        }
    }
    out
}

/// A Markdown table of MB/s per input and benchmark, with the analyzer's ratios to the floor and
/// to the peer, from criterion's mean estimates.
fn summary_table(
    dir: &Path,
    groups: &[&str],
    inputs: &[(&str, String)],
    started: std::time::SystemTime,
) -> String {
    let mut table = String::from(
        "| input | analyzer MB/s | rules only MB/s | floor (segmenter only) MB/s | peer (keyword regex) MB/s | analyzer time ÷ rules only | analyzer time ÷ floor | analyzer time ÷ peer |\n|---|---|---|---|---|---|---|---|\n",
    );
    for (group, (_, text)) in groups.iter().zip(inputs) {
        let seconds = |bench: &str| {
            mean_seconds(
                &dir.join(group).join(bench).join("new/estimates.json"),
                started,
            )
        };
        let (Some(analyzer), Some(rules), Some(floor), Some(peer)) = (
            seconds("analyzer"),
            seconds("rules_only"),
            seconds("floor_segmenter"),
            seconds("peer_regex"),
        ) else {
            table.push_str(&format!(
                "| {group} | (not measured in this run: filtered?) | | | | | | |\n"
            ));
            continue;
        };
        let mbps = |s: f64| text.len() as f64 / 1e6 / s;
        table.push_str(&format!(
            "| {group} ({:.2} MB) | {:.1} | {:.1} | {:.1} | {:.1} | {:.2}× | {:.2}× | {:.2}× |\n",
            text.len() as f64 / 1e6,
            mbps(analyzer),
            mbps(rules),
            mbps(floor),
            mbps(peer),
            analyzer / rules,
            analyzer / floor,
            analyzer / peer
        ));
    }
    table.push_str("\nMB/s = 10^6 bytes per second (criterion prints MiB/s); one thread; mean of the samples.\nBar (issue 2): analyzer ≥ 50 MB/s.\n");
    table
}

/// The mean time per iteration, in seconds, from a criterion `estimates.json` written by this run
/// (`{"mean": {"point_estimate": NANOSECONDS, …}, …}`), read without a JSON dependency.
fn mean_seconds(path: &Path, started: std::time::SystemTime) -> Option<f64> {
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok()?;
    if modified < started {
        return None; // left by an earlier run (this one was filtered): not comparable
    }
    let json = fs::read_to_string(path).ok()?;
    let mean = &json[json.find("\"mean\"")?..];
    let value = &mean[mean.find("\"point_estimate\":")? + "\"point_estimate\":".len()..];
    let end = value.find([',', '}'])?;
    value[..end].trim().parse::<f64>().ok().map(|ns| ns / 1e9)
}
