"""tools/reader/records.py round trip on a synthetic article (no shared text needed).
Run: python3 -m unittest discover -s tests/unit -p 'test_*.py'"""
import json, os, subprocess, sys, tempfile, unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools", "reader"))
import records  # noqa: E402

ARTICLE = (
    "The bridge closed on Monday. Officials said the repairs would take a year.\n"
    "“It is safe,” the mayor, Ann Lee, told reporters. The river may flood again.\n"
    "Übersee café owners were not asked.\n"
)
LABELS = [
    {"sentence": "Officials said the repairs would take a year.", "label": "claim", "type": "attributed",
     "cues": ["said"], "source": "Officials", "specificity": "anonymous"},
    {"sentence": "“It is safe,” the mayor, Ann Lee, told reporters.", "label": "claim", "type": "attributed",
     "cues": ["told"], "source": "Ann Lee", "specificity": "named"},
    {"sentence": "The river may flood again.", "label": "borderline", "type": "hedged", "cues": ["may"],
     "source": None, "specificity": None},
]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


class RoundTrip(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        self.labels, self.articles, self.records, self.gold = (os.path.join(d, x) for x in
                                                               ("labels", "articles", "records", "gold"))
        write(os.path.join(self.articles, "site.page.article.txt"), ARTICLE)
        write(os.path.join(self.labels, "site.page.jsonl"), "".join(json.dumps(g) + "\n" for g in LABELS))

    def tearDown(self):
        self.tmp.cleanup()

    def pack(self):
        self.assertEqual(records.pack(self.labels, self.articles, self.records), 0)
        return read_jsonl(os.path.join(self.records, "site.page.jsonl"))

    def test_records_hold_no_sentence_text_and_unpack_to_the_labels(self):
        recs = self.pack()
        raw = open(os.path.join(self.records, "site.page.jsonl"), encoding="utf-8").read()
        for g in LABELS:
            self.assertNotIn(g["sentence"], raw)
        self.assertNotIn("repairs", raw)
        self.assertEqual([r["at"] for r in recs], [ARTICLE.index(g["sentence"]) for g in LABELS])
        # code points, not bytes: the curly quotes before the second sentence are one each
        self.assertEqual(recs[1]["len"], len(LABELS[1]["sentence"]))
        self.assertEqual(records.unpack(self.articles, self.gold, self.records), (3, 0))
        self.assertEqual(read_jsonl(os.path.join(self.gold, "site.page.jsonl")), LABELS)

    def test_moved_text_is_found_by_hash_and_lost_text_is_skipped(self):
        self.pack()
        # The extraction changed: a new first paragraph moves every offset, one sentence is gone.
        moved = "A new caption line.\n" + ARTICLE.replace("The river may flood again.", "The river rose.")
        write(os.path.join(self.articles, "site.page.article.txt"), moved)
        self.assertEqual(records.unpack(self.articles, self.gold, self.records), (2, 1))
        gold = read_jsonl(os.path.join(self.gold, "site.page.jsonl"))
        self.assertEqual([g["sentence"] for g in gold], [g["sentence"] for g in LABELS[:2]])
        for g in gold:
            self.assertIn(g["sentence"], moved)

    def test_labels_that_do_not_match_the_article_are_errors(self):
        bad = LABELS + [{"sentence": "Not in the article.", "label": "claim"},
                        {"sentence": "The bridge closed on Monday.", "label": "maybe"}]
        write(os.path.join(self.labels, "site.page.jsonl"), "".join(json.dumps(g) + "\n" for g in bad))
        self.assertEqual(records.pack(self.labels, self.articles, self.records), 2)
        self.assertEqual(len(read_jsonl(os.path.join(self.records, "site.page.jsonl"))), 3)

    def test_unpack_without_pages_skips(self):
        out = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "reader", "records.py"), "unpack",
                              os.path.join(self.tmp.name, "no-pages"), self.articles, self.gold, self.records],
                             capture_output=True, text=True)
        self.assertEqual(out.returncode, 0)
        self.assertIn("absent", out.stdout)
        self.assertFalse(os.path.exists(self.gold))


if __name__ == "__main__":
    unittest.main()
