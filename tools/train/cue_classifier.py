#!/usr/bin/env python3
"""Trains a small token classifier for attribution cues the rules miss, and measures it.

usage: tools/train/cue_classifier.py [--emit PATH] [--threshold T]

Experiment: does a linear model over context features (the word, a crude lemma, the words around
it, what follows: that / to / a wh-word / a quotation / a colon, what precedes: a capitalised name
or a pronoun, whether a rule cue is near) find PolNeAR cues that word lists do not, at a precision
that pays? The rules' own cues come from the release binary (`cargo build --release` first) run
with --jsonl --rules-only over $ALLEGEDLY_EVAL_DIR/polnear-{train,dev}.jsonl (default ../shared/eval, relative
to the repo); the data is read in place, never copied.

Candidates are lower-case words of a block (a line) that no rule cue covers and that are not a
hedge word of the lexicon (hedges stay hedges). Label: the word overlaps a gold cue. The model is
L1-regularised logistic regression (scikit-learn, a training-only dependency:
`pip install numpy scikit-learn`), features hashed with 32-bit FNV-1a so a Rust scorer can
recompute them without a vocabulary. The threshold is chosen by 5-fold cross-validation on train
(cue F1 of rules + model, score.py's definitions); dev is only measured. With --emit the kept
weights are written as a Rust table. Skips (exit 0) when the data, the binary or scikit-learn is
absent.
"""
import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.environ.get("ALLEGEDLY_EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval"))
BINARY = os.path.join(ROOT, "target", "release", "allegedly")

# Hedge words of the lexicon (src/lexicon/tables.rs): never candidates, the spec makes them hedges.
HEDGES = set(
    "seem seems seemed seeming appear appears appeared appearing expect expects expected expecting "
    "believe believes believed believing think thinks thought thinking suspect suspects suspected "
    "suspecting suggest suggests suggested suggesting speculate speculates speculated speculating "
    "allegedly reportedly purportedly supposedly apparently ostensibly seemingly reputedly "
    "presumably likely unlikely probably possibly perhaps maybe conceivably potentially unconfirmed "
    "unverified unclear uncertain alleged purported putative supposed may might could possible "
    "probable speculation rumors rumours imply implies implied theorize hypothesize potential "
    "possibility possibilities likelihood tentatively unknown".split()
)
PRONOUNS = set("he she they we i it you who".split())
# The weight table: 2^BITS buckets of signed bytes, indexed by the low bits of the feature hash.
BITS = 14
SCALE = 16.0
WH = set("whether if what how why who when where which".split())

# Candidates only where a proposition is attached (--any-context turns it off).
PROPOSITIONS = True

WORD = re.compile(r"[^\W_]+(?:(?:['\-.&]|\u2019)[^\W_]+)*")


def tokens(line):
    """(start, end, kind, text) like src/cues/tokens.rs: W word, O/C/E quotes, P punctuation."""
    out, i, n = [], 0, len(line)
    while i < n:
        c = line[i]
        if c.isspace():
            i += 1
            continue
        m = WORD.match(line, i)
        if m and c.isalnum():
            out.append((i, m.end(), "W", m.group(0)))
            i = m.end()
            continue
        if c in '"\u00ab\u00bb':
            kind, end = "E", i + 1
        elif c in "\u201c\u201e":
            kind, end = "O", i + 1
        elif c == "\u201d":
            kind, end = "C", i + 1
        elif c == "'" and line[i + 1 : i + 2] == "'":
            kind, end = "E", i + 2
        else:
            kind, end = "P", i + 1
        out.append((i, end, kind, line[i:end]))
        i = end
    return out


def lower(word):
    return "".join(ch.lower() if ch < "\x80" else ch for ch in word)


def lemma(word):
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def shape(tok):
    """What a neighbouring token is, coarsely: the word itself, "#" for a number (its digits would
    only add noise: each number its own random bucket), "Q" for a quote, punctuation as itself."""
    start, end, kind, text = tok
    if kind in "OCE":
        return "Q"
    if kind == "P":
        return text
    if "0" <= text[0] <= "9":
        return "#"
    return lower(text)


def proposition_attached(toks, i):
    """As src/cues/learned.rs: "that", a quotation or a colon within four tokens after the word (no
    other punctuation between), or a quotation closing within five tokens before it. CLAIMS.md: a
    cue heads a claim only with a proposition attached; plans, support and actions have none."""
    for j in range(i + 1, min(len(toks), i + 5)):
        kind, text = toks[j][2], toks[j][3]
        if kind == "W":
            if lower(text) == "that":
                return True
            continue
        if kind in "OE":
            return True
        if kind == "P" and text == ":":
            return True
        break
    return any(toks[j][2] in "CE" for j in range(max(0, i - 5), i))


def is_candidate(tok):
    _, _, kind, text = tok
    return kind == "W" and "a" <= text[0] <= "z" and len(text) > 1 and lower(text) not in HEDGES


# Feature templates: each feature is one template and one to three values, mixed into a bucket.
# The numbers are part of the model (src/cues/learned.rs uses the same ones): renumbering means
# retraining.
BIAS, WORD_, LEMMA, PREV1, PREV2, NEXT1, NEXT2, LEMMA_NEXT, LEMMA_PREV, FOLLOW, LEMMA_FOLLOW, \
    HOLDER, LEMMA_HOLDER, NEAR, PREV_WORD, LEMMA_NEXT2, PREV3, NEXT3, SUFFIX, QUOTED, START, \
    FOLLOW_HOLDER = range(1, 23)


def features(toks, i, near_cue):
    """Feature buckets of token i; src/cues/learned.rs computes the same ones."""
    w = lower(toks[i][3])
    lem = lemma(w)
    n = len(toks)
    at = lambda j: shape(toks[j]) if 0 <= j < n else "^" if j < 0 else "$"
    # What the word introduces: the first telling token within four after it.
    follow = "-"
    for j in range(i + 1, min(n, i + 5)):
        s = at(j)
        if s == "that":
            follow = "that"
        elif s == "to":
            follow = "to"
        elif s in WH:
            follow = "wh"
        elif s == "Q":
            follow = "q"
        elif s == ":":
            follow = ":"
        elif s in (".", "?", "!"):
            follow = "."
        else:
            continue
        break
    # Who precedes: a pronoun or a capitalised word within three before it.
    who = "-"
    for j in range(i - 1, max(-1, i - 4), -1):
        k, t = toks[j][2], toks[j][3]
        if k == "W" and lower(t) in PRONOUNS:
            who = "pron"
        elif k == "W" and t[0].isupper():
            who = "cap"
        else:
            continue
        break
    quoted = sum(1 for t in toks[:i] if t[2] in "OCE") % 2
    start = at(i - 1) in ("^", ".", "Q", ":")
    p1, p2, p3, n1, n2, n3 = (fnv(at(i + k)) for k in (-1, -2, -3, 1, 2, 3))
    hw, hl, hf, hh = fnv(w), fnv(lem), fnv(follow), fnv(who)
    return [
        bucket(BIAS), bucket(WORD_, hw), bucket(LEMMA, hl), bucket(PREV1, p1), bucket(PREV2, p2),
        bucket(NEXT1, n1), bucket(NEXT2, n2), bucket(LEMMA_NEXT, hl, n1), bucket(LEMMA_PREV, hl, p1),
        bucket(FOLLOW, hf), bucket(LEMMA_FOLLOW, hl, hf), bucket(HOLDER, hh),
        bucket(LEMMA_HOLDER, hl, hh), bucket(NEAR, near_cue), bucket(PREV_WORD, p1, hw),
        bucket(LEMMA_NEXT2, hl, n1, n2), bucket(PREV3, p3), bucket(NEXT3, n3),
        bucket(SUFFIX, fnv(w[-3:])), bucket(QUOTED, quoted), bucket(START, int(start)),
        bucket(FOLLOW_HOLDER, hf, hh),
    ]


def fnv(s):
    """32-bit FNV-1a of a string's UTF-8 bytes: the value of a word, a shape or a class."""
    h = 0x811C9DC5
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def bucket(template, *values):
    """The weight bucket of a feature: its template and values mixed (multiply, xor-shift), so
    the analyzer hashes each word once and each feature in a few instructions."""
    h = (template * 0x9E3779B1) & 0xFFFFFFFF
    for v in values:
        h = ((h ^ v) * 0x85EBCA6B) & 0xFFFFFFFF
        h ^= h >> 13
    h ^= h >> 16
    return h & ((1 << BITS) - 1)


def run_binary(raw):
    out = subprocess.run([BINARY, "--jsonl", "--rules-only"], input=raw, capture_output=True, text=True, check=True)
    return {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def examples(gold, pred):
    """Per document: list of (doc_id, start, end, feature hashes, label)."""
    rows = []
    for doc in gold:
        text = doc["text"]
        claims = [c for c in pred[doc["id"]]["claims"] if "hedge" not in c["kind"]]
        cue_spans = sorted(tuple(c["cue"]) for c in claims)
        # No candidate inside a hedge either: a hedge never becomes an attribution.
        all_spans = [tuple(c["cue"]) for c in pred[doc["id"]]["claims"]]
        # Gold cues a rule cue already matches teach nothing: "has" of "has said" would score as
        # a hit under score.py's overlap match yet add nothing. Their words are left out.
        found, missed = [], []
        for a in doc["attributions"]:
            hit = any(overlap(c, s) for c in cue_spans for s in a["cue"])
            (found if hit else missed).extend(tuple(s) for s in a["cue"])
        doc_rows = []
        for m in re.finditer(r"[^\n]+", text):
            base = m.start()
            toks = [(s + base, e + base, k, t) for s, e, k, t in tokens(m.group(0))]
            covered = [any(overlap((s, e), c) for c in cue_spans) for s, e, _, _ in toks]
            cue_idx = [j for j, c in enumerate(covered) if c]
            for i, tok in enumerate(toks):
                if not is_candidate(tok) or any(overlap((tok[0], tok[1]), c) for c in all_spans):
                    continue
                if PROPOSITIONS and not proposition_attached(toks, i):
                    continue
                if any(overlap((tok[0], tok[1]), g) for g in found):
                    continue
                near = min((abs(i - j) for j in cue_idx), default=99)
                near = 0 if near > 8 else 1 if near > 3 else 2
                feats = features(toks, i, near)
                label = any(overlap((tok[0], tok[1]), g) for g in missed)
                doc_rows.append((tok[0], tok[1], lemma(lower(tok[3])), feats, label))
        rows.append((doc["id"], doc_rows))
    return rows


def matrix(rows, index):
    from scipy.sparse import csr_matrix

    data, cols, ptr, y = [], [], [0], []
    for _, doc_rows in rows:
        for _, _, _, feats, label in doc_rows:
            for h in set(feats):
                j = index.setdefault(h, len(index)) if index is not None else None
                cols.append(j)
                data.append(1.0)
            ptr.append(len(cols))
            y.append(int(label))
    return data, cols, ptr, y


def fit(rows, c):
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    index = {}
    data, cols, ptr, y = matrix(rows, index)
    x = csr_matrix((data, cols, ptr), shape=(len(y), len(index)))
    model = LogisticRegression(l1_ratio=1.0, C=c, solver="liblinear", max_iter=200, random_state=0)
    model.fit(x, y)
    weights = {h: model.coef_[0][j] for h, j in index.items() if model.coef_[0][j] != 0}
    bias_h = bucket(BIAS)
    weights[bias_h] = weights.get(bias_h, 0.0) + model.intercept_[0]
    return weights


def quantise(weights, scale):
    """The weights as the Rust table stores them: integers in units of 1/scale."""
    out = {}
    for h, w in weights.items():
        q = max(-127, min(127, round(w * scale)))
        if q:
            out[h] = q
    return out


def scores(rows, table):
    out = []
    for doc_id, doc_rows in rows:
        out.append((doc_id, [(s, e, lem, sum(table.get(h, 0) for h in feats)) for s, e, lem, feats, _ in doc_rows]))
    return out


def with_added(pred, scored, threshold, gate=None):
    """The rules' predictions plus one attributed claim per word scoring above the threshold
    (and, with a gate (a set of lemmas, as gate_lemmas gives), whose lemma is in it)."""
    new = {}
    for doc_id, doc_scores in scored:
        claims = list(pred[doc_id]["claims"])
        for s, e, lem, v in doc_scores:
            if v > threshold and (gate is None or lem in gate):
                claims.append({"kind": "attributed", "cue": [s, e], "source": None, "content": None})
        new[doc_id] = {"id": doc_id, "claims": claims}
    return new


# A lemma passes the gate when the model fires on at least this share of its train occurrences.
GATE_RATE = 0.02


def gate_lemmas(scored, threshold):
    """The lemmas the analyzer scores at all: those the model fires on in at least GATE_RATE of
    their train occurrences. Function words that fire once in a thousand ("to", "is", "about")
    and words that never fire cost a full scoring each and add almost only false cues (dev: cue
    F1 equal or better, an eighth of the words scored)."""
    seen, fired = {}, {}
    for _, doc_scores in scored:
        for _, _, lem, v in doc_scores:
            seen[lem] = seen.get(lem, 0) + 1
            fired[lem] = fired.get(lem, 0) + (v > threshold)
    return {lem for lem, n in fired.items() if n and n / seen[lem] >= GATE_RATE}


def cue_prf(gold, pred):
    tp = fp = fn = 0
    for doc in gold:
        claims = [c for c in pred[doc["id"]]["claims"] if "hedge" not in c["kind"]]
        spans = [tuple(s) for a in doc["attributions"] for s in a["cue"]]
        for a in doc["attributions"]:
            if any(overlap(c["cue"], s) for c in claims for s in a["cue"]):
                tp += 1
            else:
                fn += 1
        fp += sum(1 for c in claims if not any(overlap(c["cue"], s) for s in spans))
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, 2 * p * r / max(1e-9, p + r)


def load(split):
    path = os.path.join(EVAL, f"polnear-{split}.jsonl")
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    return [json.loads(line) for line in raw.splitlines() if line.strip()], run_binary(raw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--emit", help="write the weight table as Rust to this path")
    ap.add_argument("--threshold", type=float, help="skip cross-validation, use this threshold")
    ap.add_argument("--c", type=float, default=1.0, help="inverse L1 strength")
    ap.add_argument("--dump", help="write dev predictions (rules + model) as JSON lines here")
    ap.add_argument("--any-context", action="store_true", help="score words with no proposition attached too (the model before CLAIMS.md)")
    args = ap.parse_args()
    global PROPOSITIONS
    PROPOSITIONS = not args.any_context
    for split in ("train", "dev"):
        if not os.path.exists(os.path.join(EVAL, f"polnear-{split}.jsonl")):
            print(f"skipped: polnear-{split}.jsonl is absent from {EVAL} (set ALLEGEDLY_EVAL_DIR)")
            return
    if not os.path.exists(BINARY):
        print(f"skipped: {BINARY} is absent (run cargo build --release)")
        return
    if importlib.util.find_spec("sklearn") is None:
        print("skipped: scikit-learn is absent (pip install numpy scikit-learn)")
        return
    scale = SCALE
    train_gold, train_pred = load("train")
    dev_gold, dev_pred = load("dev")
    train_rows, dev_rows = examples(train_gold, train_pred), examples(dev_gold, dev_pred)
    n_pos = sum(label for _, r in train_rows for *_, label in r)
    print(f"train candidates {sum(len(r) for _, r in train_rows)}, positive {n_pos}")
    print("rules only: train cue P/R/F1 %.4f %.4f %.4f" % cue_prf(train_gold, train_pred))
    print("rules only: dev   cue P/R/F1 %.4f %.4f %.4f" % cue_prf(dev_gold, dev_pred))
    grid = [x / 4 for x in range(-4, 13)]
    if args.threshold is None:
        # 5-fold cross-validation over train documents: out-of-fold scores for every candidate.
        folds = 5
        oof = []
        for k in range(folds):
            fold_train = [r for i, r in enumerate(train_rows) if i % folds != k]
            held = [r for i, r in enumerate(train_rows) if i % folds == k]
            table = quantise(fit(fold_train, args.c), scale)
            oof += scores(held, table)
        best = None
        for t in grid:
            p, r, f = cue_prf(train_gold, with_added(train_pred, oof, t * scale))
            print(f"  cv threshold {t:+.2f}: train cue P/R/F1 {p:.4f} {r:.4f} {f:.4f}")
            if best is None or f > best[1]:
                best = (t, f)
        threshold = best[0]
    else:
        threshold = args.threshold
    weights = fit(train_rows, args.c)
    table = quantise(weights, scale)
    print(f"threshold {threshold}, kept weights {len(table)}")
    dev_scored = scores(dev_rows, table)
    gate = gate_lemmas(scores(train_rows, table), threshold * scale)
    print(f"gate: {len(gate)} lemmas")
    for t in sorted({threshold - 0.5, threshold, threshold + 0.5, threshold + 1.0}):
        p, r, f = cue_prf(dev_gold, with_added(dev_pred, dev_scored, t * scale))
        gp, gr, gf = cue_prf(dev_gold, with_added(dev_pred, dev_scored, t * scale, gate))
        print(f"  dev threshold {t:+.2f}: cue P/R/F1 {p:.4f} {r:.4f} {f:.4f}, gated {gp:.4f} {gr:.4f} {gf:.4f}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for doc_id, row in with_added(dev_pred, dev_scored, threshold * scale, gate).items():
                f.write(json.dumps(row) + "\n")
    if args.emit:
        emit(args.emit, table, round(threshold * scale), args.c, gate)


def emit(path, table, threshold, c, gate):
    dense = [table.get(h, 0) for h in range(1 << BITS)]
    words = lambda ws: ", ".join(f'"{w}"' for w in sorted(ws))
    with open(path, "w", encoding="utf-8") as f:
        f.write(
            "//! Generated by `python3 tools/train/cue_classifier.py --threshold T --emit %s` (C=%s) from\n"
            "//! PolNeAR train: do not edit by hand. See docs/CLASSIFIER.md.\n\n"
            % (os.path.relpath(path, ROOT), c)
        )
        f.write(f"/// The number of bits of a feature's bucket, an index into [`WEIGHTS`].\npub const BITS: u32 = {BITS};\n\n")
        f.write(f"/// Score (in 1/{int(SCALE)} units) above which a word is a cue.\npub const THRESHOLD: i32 = {threshold};\n\n")
        f.write(f"/// Never candidates: the lexicon's hedge words stay hedges.\npub static HEDGES: &[&str] = &[{words(HEDGES)}];\n\n")
        f.write(f"/// Words that name who speaks when they precede a word.\npub static PRONOUNS: &[&str] = &[{words(PRONOUNS)}];\n\n")
        f.write(
            f"/// The lemmas the model scores at all: it fires on at least {GATE_RATE:.0%} of their train occurrences.\n"
            f"pub static GATE: &[&str] = &[{words(gate)}];\n\n"
        )
        f.write(f"/// Words that open an indirect question.\npub static WH: &[&str] = &[{words(WH)}];\n\n")
        f.write(f"/// Weight of each feature bucket, in 1/{int(SCALE)} units.\n#[rustfmt::skip]\n")
        f.write(f"pub static WEIGHTS: [i8; {len(dense)}] = [\n")
        for i in range(0, len(dense), 24):
            f.write("    " + " ".join(f"{w}," for w in dense[i : i + 24]) + "\n")
        f.write("];\n")
    # Formatted as `cargo fmt --check` wants it, so a regenerated table diffs only where it changed.
    subprocess.run(["rustfmt", "--edition", "2024", path], check=False)
    print(f"wrote {path}: {sum(1 for w in dense if w)} non-zero of {len(dense)} weights")


if __name__ == "__main__":
    sys.exit(main())
