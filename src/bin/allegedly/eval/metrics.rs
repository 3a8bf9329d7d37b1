//! score.py's metric definitions, reimplemented exactly (same matching, same token rules, same
//! order of floating-point operations), so the native figures agree with it to the last digit.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::gold::{Article, Range, Sentence};

/// One predicted claim, in code points, as score.py sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pred {
    /// The kind's name contains "hedge": PolNeAR leaves these out, all others are attributions.
    pub hedge: bool,
    /// The kind's or the stance's name contains "hedge": Szeged scores these as hedges ("analysts
    /// expect that…" is an attributed claim with a hedge stance, and a doxastic hedge for Szeged).
    pub hedges: bool,
    pub cue: Range,
    pub source: Option<Range>,
    pub content: Option<Range>,
}

/// Precision, recall and F1, unrounded; score.py rounds each to 4 decimals when it prints.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

/// `prf(tp, fp, fn)` in score.py; F1 comes from the unrounded precision and recall.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf { p, r, f1 }
}

pub fn overlap(a: Range, b: Range) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// The PolNeAR figures that need no sentence splitter.
#[derive(Clone, Debug, PartialEq)]
pub struct PolnearFigures {
    pub cue: Prf,
    /// Strict cue match: a claim's cue has the same word tokens as a gold cue (as a multiset of
    /// token sets per article, score.py's `Counter` of frozensets).
    pub cue_exact: Prf,
    pub source_overlap_acc: Option<f64>,
    pub source_token_f1: Option<f64>,
    pub content_token_f1: Option<f64>,
    pub gold_cues: usize,
    pub docs: usize,
}

/// score.py `polnear()` without its sentence level: `preds[i]` are the claims for `articles[i]`.
pub fn polnear(articles: &[Article], preds: &[Vec<Pred>]) -> PolnearFigures {
    let (mut c_tp, mut c_fp, mut c_fn) = (0, 0, 0);
    let (mut x_tp, mut x_fp, mut x_fn) = (0, 0, 0);
    let (mut src_n, mut src_hit) = (0usize, 0usize);
    let mut src_f = Vec::new();
    let mut con_f = Vec::new();
    for (article, preds) in articles.iter().zip(preds) {
        let words = word_mask(&article.text);
        let claims: Vec<&Pred> = preds.iter().filter(|c| !c.hedge).collect();
        for a in &article.attributions {
            // The first claim, in prediction order, whose cue overlaps any piece of the gold cue.
            let hit = claims
                .iter()
                .find(|c| a.cue.iter().any(|&s| overlap(c.cue, s)));
            let Some(c) = hit else {
                c_fn += 1;
                continue;
            };
            c_tp += 1;
            if !a.source.is_empty() {
                src_n += 1;
                if c.source
                    .is_some_and(|cs| a.source.iter().any(|&s| overlap(cs, s)))
                {
                    src_hit += 1;
                }
                src_f.push(token_f1(&words, &a.source, c.source));
            }
            if !a.content.is_empty() {
                con_f.push(token_f1(&words, &a.content, c.content));
            }
        }
        c_fp += claims
            .iter()
            .filter(|c| {
                !article
                    .attributions
                    .iter()
                    .any(|a| a.cue.iter().any(|&s| overlap(c.cue, s)))
            })
            .count();
        let gold_sets =
            token_set_counts(article.attributions.iter().map(|a| tokens(&words, &a.cue)));
        let pred_sets = token_set_counts(claims.iter().map(|c| tokens(&words, &[c.cue])));
        let same: usize = gold_sets
            .iter()
            .map(|(set, n)| (*n).min(pred_sets.get(set).copied().unwrap_or(0)))
            .sum();
        x_tp += same;
        x_fp += pred_sets.values().sum::<usize>() - same;
        x_fn += gold_sets.values().sum::<usize>() - same;
    }
    PolnearFigures {
        cue: prf(c_tp, c_fp, c_fn),
        cue_exact: prf(x_tp, x_fp, x_fn),
        source_overlap_acc: (src_n > 0).then(|| src_hit as f64 / src_n as f64),
        source_token_f1: mean(&src_f),
        content_token_f1: mean(&con_f),
        gold_cues: c_tp + c_fn,
        docs: articles.len(),
    }
}

/// Python's `Counter(frozenset(...) for ...)`: how many times each token set occurs (an empty set,
/// a cue without word characters such as ":", is a set like any other).
fn token_set_counts(sets: impl Iterator<Item = HashSet<i64>>) -> HashMap<Vec<i64>, usize> {
    let mut counts = HashMap::new();
    for set in sets {
        let mut key: Vec<i64> = set.into_iter().collect();
        key.sort_unstable();
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// score.py's sentence level (does a sentence hold a cue?), over sentences given by the caller:
/// score.py splits with pysbd, which Rust cannot run, so the native figure is an approximation.
pub fn polnear_sentences(
    articles: &[Article],
    preds: &[Vec<Pred>],
    sentences: &[Vec<Range>],
) -> Prf {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for ((article, preds), sentences) in articles.iter().zip(preds).zip(sentences) {
        for &sentence in sentences {
            let gold = article
                .attributions
                .iter()
                .any(|a| a.cue.iter().any(|&s| overlap(sentence, s)));
            let predicted = preds.iter().any(|c| !c.hedge && overlap(sentence, c.cue));
            tp += usize::from(gold && predicted);
            fp += usize::from(predicted && !gold);
            fn_ += usize::from(gold && !predicted);
        }
    }
    prf(tp, fp, fn_)
}

#[derive(Clone, Debug, PartialEq)]
pub struct SzegedFigures {
    pub hedge_cue: Prf,
    pub hedge_sentence: Prf,
    pub sentences: usize,
}

/// score.py `szeged()`: hits and misses count epistemic and doxastic gold cues only; a predicted
/// hedge is a false positive only when it overlaps no gold cue of any kind.
pub fn szeged(sentences: &[Sentence], preds: &[Vec<Pred>]) -> SzegedFigures {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let (mut s_tp, mut s_fp, mut s_fn) = (0, 0, 0);
    for (sentence, preds) in sentences.iter().zip(preds) {
        let hedges: Vec<&Pred> = preds.iter().filter(|c| c.hedges).collect();
        let want: Vec<Range> = sentence
            .cues
            .iter()
            .filter(|c| c.kind == "epistemic" || c.kind == "doxastic")
            .map(|c| (c.start, c.end))
            .collect();
        let any_cue: Vec<Range> = sentence.cues.iter().map(|c| (c.start, c.end)).collect();
        for &w in &want {
            if hedges.iter().any(|h| overlap(w, h.cue)) {
                tp += 1;
            } else {
                fn_ += 1;
            }
        }
        fp += hedges
            .iter()
            .filter(|h| !any_cue.iter().any(|&a| overlap(a, h.cue)))
            .count();
        let (gold, predicted) = (!want.is_empty(), !hedges.is_empty());
        s_tp += usize::from(gold && predicted);
        s_fp += usize::from(predicted && !gold);
        s_fn += usize::from(gold && !predicted);
    }
    SzegedFigures {
        hedge_cue: prf(tp, fp, fn_),
        hedge_sentence: prf(s_tp, s_fp, s_fn),
        sentences: sentences.len(),
    }
}

/// Python's `sum(xs) / len(xs)`: left-to-right addition (as CPython before 3.12; later versions
/// compensate the sum, which can only matter far below the 4 printed decimals).
fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().fold(0.0, |sum, v| sum + v) / values.len() as f64)
}

/// Python's `\w` on `str`: letters, numbers and the underscore (checked against every code point in
/// CPython 3.11's re; the regex crate's Unicode tables are newer, which only matters for
/// characters assigned since).
static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("a valid pattern"));

/// For each code point of `text`, whether it is a word character.
pub fn word_mask(text: &str) -> Vec<bool> {
    let mut mask = Vec::with_capacity(text.len());
    let mut runs = WORD.find_iter(text).peekable();
    for (byte, _) in text.char_indices() {
        while runs.peek().is_some_and(|m| m.end() <= byte) {
            runs.next();
        }
        mask.push(runs.peek().is_some_and(|m| m.start() <= byte));
    }
    mask
}

/// score.py `toks(text, spans)`: the positions where a `\w+` match starts in `text[s:e]`, as
/// `s + m.start()`, with Python's slicing (negative indices count from the end, out-of-range ones
/// are clamped).
pub fn tokens(words: &[bool], spans: &[Range]) -> HashSet<i64> {
    let len = words.len() as i64;
    let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let mut out = HashSet::new();
    for &(s, e) in spans {
        let (start, end) = (clamp(s), clamp(e));
        for i in start..end.max(start) {
            let iu = i as usize;
            if words[iu] && (i == start || !words[iu - 1]) {
                out.insert(s + (i - start));
            }
        }
    }
    out
}

/// Token F1 of a predicted span against gold spans; 1.0 when both hold no token (score.py).
fn token_f1(words: &[bool], gold: &[Range], predicted: Option<Range>) -> f64 {
    let gold = tokens(words, gold);
    let predicted = tokens(words, predicted.as_slice());
    if gold.is_empty() && predicted.is_empty() {
        return 1.0;
    }
    let shared = gold.intersection(&predicted).count();
    (2 * shared) as f64 / (gold.len() + predicted.len()) as f64
}

/// A figure as score.py prints it: rounded to 4 decimals, half to even on the exact binary value
/// (Rust's formatting rounds the same way).
pub fn fmt4(value: f64) -> String {
    format!("{value:.4}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold::{Attribution, UncertaintyCue};
    use serde_json::Value;

    fn article(text: &str, attributions: Vec<Attribution>) -> Article {
        Article {
            id: Value::from("a"),
            text: text.to_string(),
            attributions,
        }
    }

    fn attribution(cue: Range, source: &[Range], content: &[Range]) -> Attribution {
        Attribution {
            cue: vec![cue],
            source: source.to_vec(),
            content: content.to_vec(),
        }
    }

    fn pred(cue: Range, source: Option<Range>, content: Option<Range>) -> Pred {
        Pred {
            hedge: false,
            hedges: false,
            cue,
            source,
            content,
        }
    }

    #[test]
    fn rounding_matches_python() {
        // Python: round(0.03125, 4) == 0.0312, round(0.00015, 4) == 0.0001 (binary value below .5)
        assert_eq!(fmt4(0.03125), "0.0312");
        assert_eq!(fmt4(0.00015), "0.0001");
        assert_eq!(fmt4(2.0 / 3.0), "0.6667");
    }

    #[test]
    fn word_characters_follow_python() {
        // Combining marks (Mn) are not \w in Python; letters of any script and digits are.
        let mask = word_mask("e\u{301}x_1 日本 ٣!");
        assert_eq!(
            mask,
            [
                true, false, true, true, true, false, true, true, false, true, false
            ]
        );
    }

    #[test]
    fn tokens_start_at_the_slice_start_even_mid_word() {
        let words = word_mask("police said");
        assert_eq!(tokens(&words, &[(2, 11)]), HashSet::from([2, 7]));
        assert_eq!(tokens(&words, &[(0, 0), (20, 30)]), HashSet::new());
        // Python: "police said"[-4:] == "said", tokens at -4 + 0
        assert_eq!(tokens(&words, &[(-4, 11)]), HashSet::from([-4]));
    }

    #[test]
    fn polnear_matches_the_first_overlapping_claim() {
        //          0         1         2         3
        //          0123456789012345678901234567890123456
        let text = "Police said the bridge fell. It rained.";
        let gold = [article(
            text,
            vec![attribution((7, 11), &[(0, 6)], &[(12, 27)])],
        )];
        let preds = [vec![
            pred((30, 36), None, None),                  // false positive
            pred((7, 11), Some((0, 6)), Some((16, 27))), // first hit: used for spans
            pred((8, 10), None, None),                   // also overlaps, not used, not an FP
        ]];
        let f = polnear(&gold, &preds);
        assert_eq!(f.cue, prf(1, 1, 0));
        assert_eq!(f.source_overlap_acc, Some(1.0));
        assert_eq!(f.source_token_f1, Some(1.0));
        // gold content tokens: the bridge fell (3); predicted: bridge fell (2) → 2*2/5
        assert_eq!(f.content_token_f1, Some(0.8));
        assert_eq!(f.gold_cues, 1);
    }

    #[test]
    fn polnear_misses_and_empty_sources() {
        let text = "Police said so.";
        let gold = [article(
            text,
            vec![
                attribution((7, 11), &[], &[(12, 14)]),
                attribution((0, 1), &[(0, 6)], &[]),
            ],
        )];
        let preds = [vec![pred((7, 11), Some((0, 6)), None)]];
        let f = polnear(&gold, &preds);
        assert_eq!(f.cue, prf(1, 0, 1));
        assert_eq!(f.source_overlap_acc, None, "the hit has no gold source");
        assert_eq!(f.content_token_f1, Some(0.0));
        // hedges are not attributions
        let hedges = [vec![Pred {
            hedge: true,
            hedges: true,
            ..preds[0][0]
        }]];
        assert_eq!(polnear(&gold, &hedges).cue, prf(0, 0, 2));
    }

    #[test]
    fn szeged_counts_hedge_cues_and_sentences() {
        let cue = |start, end, kind: &str| UncertaintyCue {
            start,
            end,
            kind: kind.to_string(),
        };
        let sentences = [
            Sentence {
                id: Value::from(1),
                text: "It may rain if cold.".into(),
                cues: vec![cue(3, 6, "epistemic"), cue(12, 14, "condition")],
            },
            Sentence {
                id: Value::from(2),
                text: "It rained.".into(),
                cues: vec![],
            },
        ];
        let hedge = |cue| Pred {
            hedge: true,
            hedges: true,
            cue,
            source: None,
            content: None,
        };
        let preds = [vec![hedge((12, 14)), hedge((0, 2))], vec![hedge((3, 9))]];
        let f = szeged(&sentences, &preds);
        // "may" missed (fn); "if" overlaps a condition cue: neither tp nor fp; "It" and "rained" fp.
        assert_eq!(f.hedge_cue, prf(0, 2, 1));
        assert_eq!(f.hedge_sentence, prf(1, 1, 0));
    }

    #[test]
    fn cue_exact_wants_the_same_word_tokens() {
        //          0         1         2         3
        //          0123456789012345678901234567890123456789
        let text = "Police said: it fell, according to Ann.";
        let gold = [article(
            text,
            vec![
                attribution((7, 11), &[(0, 6)], &[]),
                attribution((11, 12), &[], &[]),
                attribution((22, 34), &[(35, 38)], &[]),
            ],
        )];
        // "said" exact; ":" (no word tokens) matches the gold ":" as score.py's empty frozensets do;
        // "according" alone overlaps "according to" but is not the same tokens.
        let preds = [vec![
            pred((7, 11), None, None),
            pred((11, 12), None, None),
            pred((22, 31), None, None),
        ]];
        let f = polnear(&gold, &preds);
        assert_eq!(f.cue, prf(3, 0, 0));
        assert_eq!(f.cue_exact, prf(2, 1, 1));
        // A repeated cue counts once per occurrence on each side (a multiset).
        let twice = [vec![pred((7, 11), None, None), pred((7, 11), None, None)]];
        assert_eq!(polnear(&gold, &twice).cue_exact, prf(1, 1, 2));
    }

    #[test]
    fn szeged_takes_a_hedge_stance_as_a_hedge() {
        let sentences = [Sentence {
            id: Value::from(1),
            text: "Analysts expect a fall.".into(),
            cues: vec![UncertaintyCue {
                start: 9,
                end: 15,
                kind: "doxastic".to_string(),
            }],
        }];
        let attributed = pred((9, 15), Some((0, 8)), None);
        let mut hedged_stance = attributed;
        hedged_stance.hedges = true;
        assert_eq!(
            szeged(&sentences, &[vec![attributed]]).hedge_cue,
            prf(0, 0, 1)
        );
        assert_eq!(
            szeged(&sentences, &[vec![hedged_stance]]).hedge_cue,
            prf(1, 0, 0)
        );
        // …and it stays an attribution for PolNeAR: only the kind decides there.
        let gold = [article(
            sentences[0].text.as_str(),
            vec![attribution((9, 15), &[(0, 8)], &[])],
        )];
        assert_eq!(polnear(&gold, &[vec![hedged_stance]]).cue, prf(1, 0, 0));
    }

    #[test]
    fn prf_of_nothing_is_zero() {
        assert_eq!(
            prf(0, 0, 0),
            Prf {
                p: 0.0,
                r: 0.0,
                f1: 0.0
            }
        );
        assert_eq!(prf(1, 1, 1).f1, 0.5);
    }
}
