//! Source specificity (named / anonymous) against the hand-labelled sources in
//! `tests/specificity/` (see its README): each labelled source is classified in its sentence by
//! [`allegedly::claims::specificity::classify`], and the share that agrees with the label is the
//! accuracy. The label files hold no corpus text — an id or page, a code-point span, the first 16
//! hex digits of the SHA-256 of the source's text and the label — so the texts are read from
//! where they live (PolNeAR dev in the eval folder, the articles in the articles folder), and a
//! record whose text no longer matches its hash is reported and left out, never scored.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use allegedly::Span;
use allegedly::claims::specificity::{Specificity, classify};
use allegedly::segmenter::{blocks, sentences};
use serde::Deserialize;
use serde_json::Value;

/// The labelled sets, in `tests/specificity/`.
const LABELS: &str = "tests/specificity";

/// One labelled source.
#[derive(Debug, Deserialize)]
struct Record {
    /// The PolNeAR article's id…
    #[serde(default)]
    id: Option<String>,
    /// …or the saved page's name (its article is `<page>.article.txt`).
    #[serde(default)]
    page: Option<String>,
    /// Code points into the text.
    span: (usize, usize),
    sha: String,
    specificity: Specificity,
}

/// The figures for one set.
#[derive(Debug, Default, PartialEq)]
pub struct Score {
    pub labelled: usize,
    /// Records whose text was not found or no longer matches its hash.
    pub stale: usize,
    pub correct: usize,
    /// Per label (named, anonymous): how many, how many classified so.
    pub named: (usize, usize),
    pub anonymous: (usize, usize),
    /// Classified as neither (a pronoun or nothing to tell by).
    pub unknown: usize,
}

impl Score {
    fn scored(&self) -> usize {
        self.labelled - self.stale
    }

    fn line(&self, title: &str) -> String {
        let scored = self.scored();
        let share = |a: usize, b: usize| {
            if b == 0 {
                "—".to_string()
            } else {
                format!("{:.3}", a as f64 / b as f64)
            }
        };
        let mut line = format!(
            "{title}: accuracy {} ({} of {scored}); named {} ({} of {}), anonymous {} ({} of {}); \
             no guess {}",
            share(self.correct, scored),
            self.correct,
            share(self.named.1, self.named.0),
            self.named.1,
            self.named.0,
            share(self.anonymous.1, self.anonymous.0),
            self.anonymous.1,
            self.anonymous.0,
            self.unknown,
        );
        if self.stale > 0 {
            line.push_str(&format!(
                "; {} records skipped (text missing or changed)",
                self.stale
            ));
        }
        line
    }
}

/// Where the saved pages' article texts are: $ALLEGEDLY_ARTICLES_DIR when set (`<page>.article.txt`
/// files, as `tools/reader/articles.mjs` writes them); else they are extracted from the saved pages
/// ($ALLEGEDLY_PAGES_DIR, else ../shared/pages) into a temporary folder with that tool, as the
/// reader-judged set does. `Err` says why there are none.
fn articles() -> Result<Articles, String> {
    if let Some(dir) = std::env::var_os("ALLEGEDLY_ARTICLES_DIR").filter(|d| !d.is_empty()) {
        return Ok(Articles {
            dir: PathBuf::from(dir),
            temporary: false,
        });
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pages = match std::env::var_os("ALLEGEDLY_PAGES_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => root.join("../shared/pages"),
    };
    if !pages.is_dir() {
        return Err(format!(
            "no saved pages at {} (set ALLEGEDLY_PAGES_DIR or ALLEGEDLY_ARTICLES_DIR)",
            pages.display()
        ));
    }
    for package in ["@mozilla/readability", "linkedom"] {
        if !root.join("node_modules").join(package).is_dir() {
            return Err(format!(
                "the npm package {package} is not installed (run `npm ci` or ./build.sh)"
            ));
        }
    }
    let dir = std::env::temp_dir().join(format!("allegedly-specificity-{}", std::process::id()));
    let articles = Articles {
        dir,
        temporary: true,
    };
    let status = Command::new("node")
        .arg(root.join("tools/reader/articles.mjs"))
        .args([&pages, &articles.dir])
        .stdout(Stdio::null())
        .status()
        .map_err(|e| {
            format!("cannot run node (the article text is extracted with Readability): {e}")
        })?;
    if !status.success() {
        return Err(format!("tools/reader/articles.mjs failed ({status})"));
    }
    Ok(articles)
}

/// A folder of article texts; a temporary one is removed when dropped.
struct Articles {
    dir: PathBuf,
    temporary: bool,
}

impl Drop for Articles {
    fn drop(&mut self) {
        if self.temporary {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Prints the specificity accuracy on each labelled set whose texts are at hand; says why a set
/// is skipped. `eval_dir` holds `polnear-dev.jsonl`.
pub fn report(eval_dir: &Path) {
    let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join(LABELS);
    let show_errors = std::env::var_os("ALLEGEDLY_SPECIFICITY_ERRORS").is_some();
    println!("\nSource specificity (labels in {LABELS}/, README there)");
    let polnear = eval_dir.join("polnear-dev.jsonl");
    for (file, title) in [
        ("news-dev.jsonl", "PolNeAR dev sources"),
        ("pages.jsonl", "saved pages' sources"),
    ] {
        let path = labels.join(file);
        let records = match load(&path) {
            Ok(records) => records,
            Err(why) => {
                println!("{title}: skipped ({why})");
                continue;
            }
        };
        let texts = if records.iter().any(|r| r.id.is_some()) {
            polnear_texts(&polnear)
        } else {
            articles().and_then(|articles| article_texts(&articles.dir, &records))
        };
        let texts = match texts {
            Ok(texts) => texts,
            Err(why) => {
                println!("{title}: skipped ({why})");
                continue;
            }
        };
        let score = score(&records, &texts, |line| {
            if show_errors {
                println!("  {line}");
            }
        });
        println!("{}", score.line(title));
    }
}

fn load(path: &Path) -> Result<Vec<Record>, String> {
    let text =
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .map_err(|e| format!("{}: line {}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// PolNeAR dev's texts by article id.
fn polnear_texts(path: &Path) -> Result<HashMap<String, String>, String> {
    let data = fs::read_to_string(path).map_err(|_| format!("{} not found", path.display()))?;
    let mut texts = HashMap::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        if let (Some(id), Some(text)) = (article["id"].as_str(), article["text"].as_str()) {
            texts.insert(id.to_owned(), text.to_owned());
        }
    }
    Ok(texts)
}

/// The saved pages' article texts the records name.
fn article_texts(dir: &Path, records: &[Record]) -> Result<HashMap<String, String>, String> {
    if !dir.is_dir() {
        return Err(format!("no articles at {}", dir.display()));
    }
    let mut texts = HashMap::new();
    for page in records.iter().filter_map(|r| r.page.as_deref()) {
        if texts.contains_key(page) {
            continue;
        }
        let path: PathBuf = dir.join(format!("{page}.article.txt"));
        if let Ok(text) = fs::read_to_string(&path) {
            texts.insert(page.to_owned(), text);
        }
    }
    Ok(texts)
}

/// Scores `records` on `texts` (by id or page); `error` is told of each disagreement.
fn score(
    records: &[Record],
    texts: &HashMap<String, String>,
    mut error: impl FnMut(String),
) -> Score {
    let mut score = Score {
        labelled: records.len(),
        ..Score::default()
    };
    // Sentences and code-point offsets are computed once per text.
    let mut prepared: HashMap<&str, (Vec<usize>, Vec<Span>)> = HashMap::new();
    for record in records {
        let Some(key) = record.id.as_deref().or(record.page.as_deref()) else {
            score.stale += 1;
            continue;
        };
        let Some(text) = texts.get(key) else {
            score.stale += 1;
            continue;
        };
        let (starts, sents) = prepared.entry(key).or_insert_with(|| {
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let sents = blocks(text).flat_map(|b| sentences(text, b)).collect();
            (starts, sents)
        });
        let (s, e) = record.span;
        let (Some(&start), Some(&end)) = (starts.get(s), starts.get(e)) else {
            score.stale += 1;
            continue;
        };
        if start >= end || sha_prefix(&text.as_bytes()[start..end]) != record.sha {
            score.stale += 1;
            continue;
        }
        let source = Span::new(start, end);
        let sentence = sents
            .iter()
            .find(|s| s.start <= start && start < s.end)
            .map_or(source, |s| Span::new(s.start, s.end.max(end)));
        let got = classify(text, source, sentence);
        let tally = match record.specificity {
            Specificity::Named => &mut score.named,
            Specificity::Anonymous => &mut score.anonymous,
        };
        tally.0 += 1;
        if got == Some(record.specificity) {
            tally.1 += 1;
            score.correct += 1;
        } else {
            if got.is_none() {
                score.unknown += 1;
            }
            error(format!(
                "{key} [{s},{e}] labelled {:?}, classified {got:?}: {:?}",
                record.specificity,
                &text[start..end]
            ));
        }
    }
    score
}

/// The first 16 hexadecimal digits of the SHA-256 of `data` (FIPS 180-4), as the label files
/// hold them: enough to notice a changed text, no dependency for one hash.
fn sha_prefix(data: &[u8]) -> String {
    sha256(data)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in message.chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_vectors() {
        let hex = |d: [u8; 32]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        // Two blocks of padding (56 bytes of message).
        assert_eq!(
            hex(sha256(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        );
        assert_eq!(sha_prefix("Reuters".as_bytes()).len(), 16);
    }

    fn record(id: &str, span: (usize, usize), text: &str, label: Specificity) -> Record {
        let chars: Vec<char> = text.chars().collect();
        let source: String = chars[span.0..span.1].iter().collect();
        Record {
            id: Some(id.to_owned()),
            page: None,
            span,
            sha: sha_prefix(source.as_bytes()),
            specificity: label,
        }
    }

    #[test]
    fn scores_in_code_points_and_skips_changed_texts() {
        // "é" is two bytes: the spans are code points.
        let text = "Café critics said prices rose. Reuters reported a rise.".to_owned();
        let texts = HashMap::from([("a".to_owned(), text.clone())]);
        let mut records = vec![
            record("a", (0, 12), &text, Specificity::Anonymous),
            record("a", (31, 38), &text, Specificity::Named),
            // Labelled wrongly on purpose: counted, not correct.
            record("a", (31, 38), &text, Specificity::Anonymous),
        ];
        let mut stale = record("a", (31, 38), &text, Specificity::Named);
        stale.sha = "0000000000000000".to_owned();
        records.push(stale);
        records.push(record("missing", (0, 4), &text, Specificity::Named));
        let mut errors = Vec::new();
        let score = score(&records, &texts, |e| errors.push(e));
        assert_eq!(
            score,
            Score {
                labelled: 5,
                stale: 2,
                correct: 2,
                named: (1, 1),
                anonymous: (2, 1),
                unknown: 0,
            }
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(score.line("t").starts_with("t: accuracy 0.667 (2 of 3)"));
    }
}
