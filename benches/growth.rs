//! Growth of the analyzer's time with input size on the hostile texts of issue 7: each shape at
//! 1.25, 2.5 and 5 MB. Linear growth shows as the same time per MB (the same MB/s) at every size; a
//! quadratic path would double its time per MB with each doubling of the size.
//!
//! Besides the hostile shapes, "one block of claims" is the plain news sentence of issue 16
//! repeated with no line break: one block with a claim every 90 bytes, which once took 14 s for
//! 7.2 MB because each learned cue was checked against every rule cue of the block.
//!
//! The summary prints a line starting `FAIL` for every shape whose largest input (×4 the
//! smallest) takes more than ×5 the time: a benchmark's report, not a timed test, so the verdict is
//! read, not asserted (timings on a shared machine vary).
//!
//! Run with `cargo bench --bench growth` (about two minutes on two cores); after criterion's own
//! report a table of ms per MB is printed and written to target/criterion/growth-summary.md.
//! `cargo bench --bench growth -- 'periods'` runs the shapes whose name matches.

#[path = "../tests/pathological/shapes.rs"]
mod shapes;

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use allegedly::Analyzer;
use criterion::{BenchmarkId, Criterion, Throughput};

/// Sizes in bytes: doubling steps, up to the single 5 MB sentence.
const SIZES: [usize; 3] = [1_250_000, 2_500_000, 5_000_000];

/// The largest input is ×4 the smallest; more than ×5 the time is reported as FAIL.
const MAX_TIME_RATIO: f64 = 5.0;

/// The shape made here rather than in tests/pathological: ordinary news, many claims, one block.
const CLAIMS_IN_ONE_BLOCK: &str = "one block of claims";

fn names() -> impl Iterator<Item = &'static str> {
    shapes::NAMES
        .iter()
        .copied()
        .chain(std::iter::once(CLAIMS_IN_ONE_BLOCK))
}

fn make(name: &str, size: usize) -> String {
    if name == CLAIMS_IN_ONE_BLOCK {
        let unit = "Officials said on Monday that the talks had allegedly stalled, according to \
                    state media. ";
        return unit.repeat(size.div_ceil(unit.len()).max(1));
    }
    shapes::make(name, size)
}

fn growth(c: &mut Criterion, analyzer: &Analyzer) {
    for name in names() {
        let mut group = c.benchmark_group(format!("growth/{name}"));
        for size in SIZES {
            let text = make(name, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| analyzer.analyze(black_box(text)))
            });
        }
        group.finish();
    }
}

/// A plain table of ms per MB for each shape and size (best of 3 runs), for reports and READMEs.
fn summary(analyzer: &Analyzer, filter: Option<&str>) -> String {
    let mut table = String::from("| shape | ");
    for size in SIZES {
        let _ = write!(table, "{:.2} MB | ", size as f64 / 1e6);
    }
    table.push_str("largest / smallest |\n|---|");
    table.push_str(&"---|".repeat(SIZES.len() + 1));
    table.push('\n');
    let mut failures = String::new();
    for name in names() {
        if filter.is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let runs: Vec<(f64, f64)> = SIZES
            .iter()
            .map(|&size| {
                let text = make(name, size);
                let best = (0..3)
                    .map(|_| {
                        let start = Instant::now();
                        black_box(analyzer.analyze(black_box(&text)));
                        start.elapsed()
                    })
                    .min()
                    .unwrap_or(Duration::ZERO);
                (best.as_secs_f64(), text.len() as f64)
            })
            .collect();
        let per_mb: Vec<f64> = runs.iter().map(|&(s, len)| s * 1e3 / (len / 1e6)).collect();
        let (first, last) = (runs[0], runs[runs.len() - 1]);
        let time_ratio = last.0 / first.0.max(f64::MIN_POSITIVE);
        if time_ratio > MAX_TIME_RATIO {
            let _ = writeln!(
                failures,
                "FAIL: {name}: ×{:.1} input took ×{time_ratio:.1} time (limit ×{MAX_TIME_RATIO})",
                last.1 / first.1
            );
        }
        let _ = write!(table, "| {name} | ");
        for ms in &per_mb {
            let _ = write!(table, "{ms:.1} ms/MB | ");
        }
        let ratio = per_mb[per_mb.len() - 1] / per_mb[0].max(f64::MIN_POSITIVE);
        let _ = writeln!(table, "{ratio:.2} |");
    }
    if failures.is_empty() {
        let _ = writeln!(
            table,
            "\nAll shapes linear: ×4 input within ×{MAX_TIME_RATIO} time."
        );
    } else {
        table.push('\n');
        table.push_str(&failures);
    }
    table
}

fn main() {
    let analyzer = Analyzer::default();
    // criterion's own filter argument, if any, also limits the summary.
    let filter = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .map(|a| a.trim_start_matches("growth/").to_owned());
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    growth(&mut criterion, &analyzer);
    criterion.final_summary();

    // `cargo bench` passes --bench; `cargo test --benches` and `--list` only check that it runs.
    let args: Vec<String> = std::env::args().collect();
    if !args.iter().any(|a| a == "--bench") || args.iter().any(|a| a == "--list") {
        return;
    }
    let table = summary(&analyzer, filter.as_deref());
    println!("\nTime per MB by input size (flat = linear):\n\n{table}");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../criterion");
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join("growth-summary.md"), table);
    }
}
