#!/usr/bin/env python3
"""Error analysis of attribution cues on PolNeAR: what the analyzer misses and what it adds.

usage: tools/train/cue_errors.py [train|dev] [WORD,WORD…]

Runs the release binary (`cargo build --release` first) with --jsonl over
$ALLEGEDLY_EVAL_DIR/polnear-SPLIT.jsonl (default ../shared/eval, relative to the repo) and prints:
  - missed gold cues grouped by their first content word (crudely lemmatised), with how often the
    same head was found, so the largest buckets of misses come first;
  - false positives by cue text, with how often the same text was right;
  - the cue precision of every word the analyzer marks (right / wrong / precision);
  - with WORDs: up to 12 examples each of predictions of those cue words, marked TP or FP.
Cue matching is score.py's: a prediction matches a gold cue when their spans overlap. Uses only the
Python standard library; the eval data is read in place, never copied. Skips (exit 0) when the data
or the binary is absent.
"""
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.environ.get("ALLEGEDLY_EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval"))
BINARY = os.path.join(ROOT, "target", "release", "allegedly")

# Auxiliaries and particles that open many multi-word cues ("has said", "did not mention").
STOP = set(
    "has have had is are was were be been being do does did not n't t to of a an the on about for in "
    "with also as at by it its his her their that this will would could can may might just still now "
    "then up out over against more no never s".split()
)


def lemma(word):
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + repl
    return word


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def main():
    split = sys.argv[1] if len(sys.argv) > 1 else "train"
    words = sys.argv[2].split(",") if len(sys.argv) > 2 else []
    path = os.path.join(EVAL, f"polnear-{split}.jsonl")
    if not os.path.exists(path):
        print(f"skipped: {path} is absent (set ALLEGEDLY_EVAL_DIR)")
        return
    if not os.path.exists(BINARY):
        print(f"skipped: {BINARY} is absent (run cargo build --release)")
        return
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    out = subprocess.run([BINARY, "--jsonl"], input=raw, capture_output=True, text=True, check=True)
    gold = [json.loads(line) for line in raw.splitlines() if line.strip()]
    pred = {p["id"]: p for p in map(json.loads, out.stdout.splitlines())}

    missed, found = collections.Counter(), collections.Counter()
    right, wrong = collections.Counter(), collections.Counter()
    examples = collections.defaultdict(list)
    for doc in gold:
        text = doc["text"]
        claims = [c for c in pred[doc["id"]]["claims"] if "hedge" not in c["kind"]]
        spans = [s for a in doc["attributions"] for s in a["cue"]]
        for a in doc["attributions"]:
            tokens = [w.lower() for s, e in a["cue"] for w in re.findall(r"[A-Za-z]+|:", text[s:e])]
            head = lemma(([w for w in tokens if w not in STOP] or tokens or ["?"])[0])
            hit = any(overlap(c["cue"], s) for c in claims for s in a["cue"])
            (found if hit else missed)[head] += 1
        for c in claims:
            s, e = c["cue"]
            cue = re.sub(r"\s+", " ", text[s:e].lower())
            ok = any(overlap(c["cue"], g) for g in spans)
            (right if ok else wrong)[cue] += 1
            if cue in words and len(examples[cue]) < 12:
                context = text[max(0, s - 60) : s] + "[[" + text[s:e] + "]]" + text[e : e + 40]
                examples[cue].append(("TP " if ok else "FP ") + context.replace("\n", " "))

    total = sum(missed.values())
    print(f"{split}: {total} gold cues missed, {sum(right.values())} right, {sum(wrong.values())} wrong")
    print("\n== missed, by head word (missed / found / cumulative share of misses)")
    cumulative = 0
    for head, n in missed.most_common(80):
        cumulative += n
        print(f"{n:5d} {found[head]:5d} {head:16s} {cumulative / total:.2f}")
    print("\n== false positives (wrong / right)")
    for cue, n in wrong.most_common(50):
        print(f"{n:5d} {right[cue]:5d} {cue}")
    print("\n== precision of marked cue words (right / wrong / precision), most frequent first")
    for cue in sorted(set(right) | set(wrong), key=lambda w: -(right[w] + wrong[w]))[:80]:
        print(f"{right[cue]:5d} {wrong[cue]:5d} {right[cue] / (right[cue] + wrong[cue]):.2f} {cue}")
    for word in words:
        print(f"\n== {word}: {right[word]} right, {wrong[word]} wrong")
        for line in examples[word]:
            print("   ", line)


if __name__ == "__main__":
    main()
