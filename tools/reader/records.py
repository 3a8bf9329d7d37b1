#!/usr/bin/env python3
"""The reader-judged set's records: labels of real articles kept without the articles' text.

usage: records.py sentences ARTICLES_DIR
           write ARTICLES_DIR/<name>.sentences.txt beside each <name>.article.txt: the article's sentences
           as the scorer splits them (pysbd per paragraph), numbered, one a line, for labellers
       records.py pack LABELS_DIR ARTICLES_DIR RECORDS_DIR
           LABELS_DIR/<name>.jsonl (reader_score.py's gold format, which holds sentence text) ->
           RECORDS_DIR/<name>.jsonl (offsets and hashes, no article text)
       records.py unpack PAGES_DIR ARTICLES_DIR GOLD_DIR [RECORDS_DIR]
           extract PAGES_DIR's articles into ARTICLES_DIR (tools/reader/articles.mjs), then rebuild
           GOLD_DIR/<name>.jsonl from RECORDS_DIR (default tests/reader/); a record whose text no longer
           hashes right is looked up by hash among the article's sentences, else reported and skipped
       records.py unpack-text ARTICLES_DIR GOLD_DIR [RECORDS_DIR]
           the same without the extraction (ARTICLES_DIR already holds the texts)

Record (one JSON object a line, tests/reader/<name>.jsonl, <name> = the page's file name without .html):
  {"at": code-point offset of the sentence in <name>.article.txt, "len": its length in code points,
   "sha": first 16 hex digits of sha256(sentence, UTF-8), "label": "claim"|"borderline",
   "type", "cues", "source", "specificity"}
"type", "cues" (the cue words), "source" (the source's name as written) and "specificity" are copied from
the label as they are: short cue words and names, never a sentence.
Offsets are Python str indices (Unicode code points), as score.py and reader_score.py use.
"""
import hashlib, json, os, re, subprocess, sys

FIELDS = ("label", "type", "cues", "source", "specificity")
LABELS = ("claim", "borderline")
HERE = os.path.dirname(os.path.abspath(__file__))


def sha(s):
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


def sentences(text):
    """(start, end) of each sentence: pysbd over each line, exactly as score.py's sentences()."""
    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False)
    for pm in re.finditer(r"[^\n]+", text):
        para, base, pos = pm.group(0), pm.start(), 0
        for sent in seg.segment(para):
            s = sent.strip()
            if not s:
                continue
            i = para.find(s, pos)
            i = pos if i < 0 else i
            yield base + i, base + i + len(s)
            pos = i + len(s)


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise SystemExit(f"{path}:{n}: not JSON ({e})")
    return out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def names_in(d, suffix):
    return sorted(f[: -len(suffix)] for f in os.listdir(d) if f.endswith(suffix))


def article(articles, name):
    with open(os.path.join(articles, name + ".article.txt"), encoding="utf-8") as f:
        return f.read()


def cmd_sentences(articles):
    for name in names_in(articles, ".article.txt"):
        text = article(articles, name)
        lines = [f"{i}\t{text[s:e]}\n" for i, (s, e) in enumerate(sentences(text), 1)]
        with open(os.path.join(articles, name + ".sentences.txt"), "w", encoding="utf-8") as f:
            f.writelines(lines)
        print(f"{name}: {len(lines)} sentences")


def pack(labels, articles, records):
    """Labels -> records. Problems (a sentence not in the article, twice in it, a bad label) are errors:
    a labeller must fix them, since a record that points nowhere would silently shrink the set."""
    os.makedirs(records, exist_ok=True)
    errors = 0
    for name in names_in(labels, ".jsonl"):
        path = os.path.join(labels, name + ".jsonl")
        if not os.path.exists(os.path.join(articles, name + ".article.txt")):
            print(f"{path}: no {name}.article.txt in {articles}", file=sys.stderr)
            errors += 1
            continue
        text = article(articles, name)
        out = []
        for n, g in enumerate(read_jsonl(path), 1):
            s = g.get("sentence")
            where = f"{path}:{n}"
            if not isinstance(s, str) or not s.strip():
                print(f"{where}: no sentence", file=sys.stderr); errors += 1; continue
            if g.get("label") not in LABELS:
                print(f"{where}: label must be one of {LABELS}, not {g.get('label')!r}", file=sys.stderr)
                errors += 1; continue
            at = text.find(s)
            if at < 0:
                print(f"{where}: sentence not in the article text: {s[:60]!r}", file=sys.stderr)
                errors += 1; continue
            if text.find(s, at + 1) >= 0:
                # reader_score.py takes the first occurrence too; say so, since the second goes unjudged.
                print(f"{where}: note: sentence occurs more than once, the first is recorded", file=sys.stderr)
            r = {"at": at, "len": len(s), "sha": sha(s)}
            r.update({k: g.get(k) for k in FIELDS})
            out.append(r)
        out.sort(key=lambda r: (r["at"], r["len"]))
        write_jsonl(os.path.join(records, name + ".jsonl"), out)
        print(f"{name}: {len(out)} records")
    return errors


def unpack(articles, gold, records):
    """Records -> gold files. Returns (records rebuilt, records skipped)."""
    os.makedirs(gold, exist_ok=True)
    ok = skipped = 0
    for name in names_in(records, ".jsonl"):
        path = os.path.join(records, name + ".jsonl")
        src = os.path.join(articles, name + ".article.txt")
        recs = read_jsonl(path)
        if not os.path.exists(src):
            print(f"{name}: no article text ({src}), {len(recs)} records skipped", file=sys.stderr)
            skipped += len(recs)
            continue
        text = article(articles, name)
        by_hash = None
        out = []
        for r in recs:
            at, ln = r.get("at"), r.get("len")
            s = text[at:at + ln] if isinstance(at, int) and isinstance(ln, int) and at >= 0 else None
            if s is None or sha(s) != r.get("sha"):
                # The extraction moved the text: the sentence may still be there, elsewhere.
                if by_hash is None:
                    by_hash = {}
                    try:
                        for a, b in sentences(text):
                            by_hash.setdefault(sha(text[a:b]), text[a:b])
                    except ImportError:
                        pass  # no pysbd: the scan below still finds the sentence
                s = by_hash.get(r.get("sha"))
                if s is None and r.get("sha"):
                    # A labelled span need not be one pysbd sentence: search the text for it.
                    s = next((text[i:i + ln] for i in find_all_len(text, ln) if sha(text[i:i + ln]) == r["sha"]),
                             None) if isinstance(ln, int) and 0 < ln <= 2000 else None
                if s is None:
                    print(f"{name}: record at {at} (sha {r.get('sha')}) not found in the article text, skipped",
                          file=sys.stderr)
                    skipped += 1
                    continue
            g = {"sentence": s}
            g.update({k: r.get(k) for k in FIELDS})
            out.append(g)
            ok += 1
        write_jsonl(os.path.join(gold, name + ".jsonl"), out)
    return ok, skipped


def find_all_len(text, ln):
    """Start offsets worth hashing for a span of ln code points: line starts and starts of words."""
    for m in re.finditer(r"(?:^|(?<=\s))\S", text, re.M):
        if m.start() + ln <= len(text):
            yield m.start()


def main(argv):
    if len(argv) >= 2 and argv[0] == "sentences":
        cmd_sentences(argv[1])
        return 0
    if len(argv) == 4 and argv[0] == "pack":
        return 1 if pack(*argv[1:4]) else 0
    if argv and argv[0] in ("unpack", "unpack-text") and len(argv) in (3, 4, 5):
        if argv[0] == "unpack":
            pages, articles, gold = argv[1:4]
            records = argv[4] if len(argv) > 4 else os.path.join(HERE, "..", "..", "tests", "reader")
            if not os.path.isdir(pages):
                print(f"unpack: {pages} is absent, the reader-judged set is skipped")
                return 0
            subprocess.run(["node", os.path.join(HERE, "articles.mjs"), pages, articles], check=True,
                           stdout=subprocess.DEVNULL)
        else:
            articles, gold = argv[1:3]
            records = argv[3] if len(argv) > 3 else os.path.join(HERE, "..", "..", "tests", "reader")
        ok, skipped = unpack(articles, gold, records)
        print(f"unpack: {ok} labelled sentences rebuilt, {skipped} skipped")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
