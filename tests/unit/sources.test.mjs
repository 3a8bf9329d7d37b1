// Grouping by the real source and the sourcing summary (extension/categories.js, issue 17): the
// panel, the playground and the exports all count with these.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const [C] = await load('AllegedlyCategories');

/** [source shown, [ids]] per group, for claims given as [id, source, specificity?]. */
const grouped = (claims) =>
  C.groupBySource(
    claims.map(([id, source, specificity = null]) => ({ id, source, specificity })),
    (c) => c.source,
    (c) => c.specificity,
  ).map((g) => [g.source, g.claims.map((c) => c.id)]);

test('a surname is the one full name it ends, seen in the same article', () => {
  assert.deepEqual(grouped([[1, 'Meadows'], [2, 'Mark Meadows'], [3, 'Meadows'], [4, 'Reuters']]), [
    ['Mark Meadows', [2, 1, 3]],
    ['Reuters', [4]],
  ]);
  assert.deepEqual(grouped([[1, 'Woodard'], [2, 'Aubrey Woodard']]), [['Aubrey Woodard', [2, 1]]]);
  assert.deepEqual(grouped([[1, 'Mr Meadows'], [2, 'Mark Meadows'], [3, 'Sen. Meadows']]), [['Mark Meadows', [2, 1, 3]]], 'titles before a surname');
});

test('an apposition is cut at its comma: "Jo Grady, the UCU general secretary" is Jo Grady', () => {
  assert.deepEqual(grouped([[1, 'Grady'], [2, 'Jo Grady, the UCU general secretary'], [3, 'Jo Grady']]), [['Jo Grady', [2, 3, 1]]]);
  assert.equal(C.displaySource('Jo Grady, the UCU general secretary'), 'Jo Grady');
  assert.deepEqual(grouped([[1, 'Report'], [2, 'says a report']]), [['Report', [1, 2]]], 'an inverted report\'s verb is not the source');
  assert.equal(C.sourceKey('Jo  Grady, the UCU general secretary'), 'jo grady');
});

test('two full names with one surname: the bare surname stays on its own', () => {
  assert.deepEqual(grouped([[1, 'Meadows'], [2, 'Mark Meadows'], [3, 'Debbie Meadows']]), [
    ['Meadows', [1]],
    ['Mark Meadows', [2]],
    ['Debbie Meadows', [3]],
  ]);
});

test('no folding of common nouns or lower-case words: "officials" is not "US officials"', () => {
  assert.deepEqual(grouped([[1, 'officials'], [2, 'US officials'], [3, 'the ministry'], [4, 'Foreign Ministry']]), [
    ['officials', [1]],
    ['US officials', [2]],
    ['the ministry', [3]],
    ['Foreign Ministry', [4]],
  ]);
  assert.deepEqual(grouped([[1, 'Smith'], [2, 'a Smith family lawyer']]), [
    ['Smith', [1]],
    ['a Smith family lawyer', [2]],
  ], 'not a proper name: no folding');
});

test('fragments are no source: pronouns without antecedent, bare articles, punctuation', () => {
  assert.deepEqual(grouped([[1, 'he'], [2, 'Reuters'], [3, 'which'], [4, ', '], [5, 'The'], [6, null], [7, 'they']]), [
    ['Reuters', [2]],
    [null, [1, 3, 4, 5, 6, 7]],
  ]);
  for (const fragment of ['he', 'She', 'that', '—', '', '  ', 'the', 'it', 'a report highlighting the', 'officials familiar with']) assert.equal(C.sourceKey(fragment), '', fragment);
  for (const name of ['Report', 'the Department of Justice', 'Reuters', 'a spokesman for the ministry']) assert.notEqual(C.sourceKey(name), '', name);
  assert.equal(C.sourceKey("Iran's Intelligence Ministry"), "iran's intelligence ministry");
});

test('a group takes its claims\' most frequent specificity', () => {
  const groups = C.groupBySource(
    [
      { source: 'officials', specificity: 'anonymous' },
      { source: 'Officials', specificity: 'anonymous' },
      { source: 'Reuters', specificity: 'named' },
      { source: 'Meadows', specificity: 'named' },
      { source: 'Mark Meadows', specificity: null },
      { source: null, specificity: null },
    ],
    (c) => c.source,
    (c) => c.specificity,
  );
  assert.deepEqual(groups.map((g) => [g.source, g.specificity]), [
    ['officials', 'anonymous'],
    ['Mark Meadows', 'named'],
    ['Reuters', 'named'],
    [null, null],
  ]);
});

test('summarise: exclusive shares that add up; "No source named" is not a source; the most quoted first', () => {
  const claims = [
    { kind: 'neutral', source: 'Mark Meadows', specificity: 'named' },
    { kind: 'distancing', source: 'Meadows', specificity: 'named' },
    { kind: 'neutral', source: 'officials', specificity: 'anonymous' },
    { kind: 'unsourced', source: 'sources', specificity: 'anonymous' },
    { kind: 'hedged', source: null, specificity: null },
    { kind: 'hedged', source: null, specificity: null },
    { kind: 'unsourced', source: null, specificity: null },
    { kind: 'neutral', source: 'he', specificity: null },
    { kind: 'attributed', source: 'the mayor', specificity: null },
  ];
  const summary = C.summarise(C.groupBySource(claims, (c) => c.source, (c) => c.specificity));
  assert.equal(summary.total, 9);
  assert.deepEqual(summary.shares, { named: 2, anonymous: 2, hedged: 2, unsourced: 2, unclear: 1 });
  assert.equal(Object.values(summary.shares).reduce((a, b) => a + b), summary.total);
  assert.equal(summary.sources, 4, 'Mark Meadows, officials, sources, the mayor; not "he", not the unnamed');
  assert.deepEqual(summary.top[0], { source: 'Mark Meadows', count: 2, specificity: 'named' });
  assert.equal(C.summarise(C.groupBySource([], () => null), 5).total, 0);
  assert.equal(C.summarise(C.groupBySource(claims, (c) => c.source), 2).top.length, 2);
});

test('specificityOf: only "named" and "anonymous"; anything else (missing, before the analyzer has it) is null', () => {
  assert.equal(C.specificityOf({ specificity: 'named' }), 'named');
  assert.equal(C.specificityOf({ specificity: 'anonymous' }), 'anonymous');
  for (const claim of [{}, { specificity: null }, { specificity: 'Named' }, null, undefined]) assert.equal(C.specificityOf(claim), null);
});

test('paintSpans: one tint per character, the innermost claim, else the sentence\'s first', () => {
  // No overlap: every claim paints its whole extent.
  assert.deepEqual(C.paintSpans([[0, 10], [12, 20]]), [null, null]);
  assert.deepEqual(C.paintSpans([[0, 10]]), [null]);
  // A hedge inside a "said" claim: the hedge paints itself, the outer claim around it.
  assert.deepEqual(C.paintSpans([[0, 40], [10, 20]]), [[[0, 10], [20, 40]], null]);
  // Two claims overlapping at the edge: the shorter one keeps the shared words.
  assert.deepEqual(C.paintSpans([[0, 30], [20, 35]]), [[[0, 20]], null]);
  // Equal lengths: the one that starts first.
  assert.deepEqual(C.paintSpans([[10, 30], [0, 20]]), [[[20, 30]], null]);
  // The same extent twice: the first listed paints it, the second nothing; unless it ranks higher.
  assert.deepEqual(C.paintSpans([[5, 15], [5, 15]]), [null, []]);
  assert.deepEqual(C.paintSpans([[5, 15], [5, 15]], [1, 3]), [[], null]);
  // Nested three deep, and a claim apart.
  assert.deepEqual(C.paintSpans([[0, 100], [10, 60], [20, 30], [200, 210]]), [[[0, 10], [60, 100]], [[10, 20], [30, 60]], null, null]);
  // Whatever the input, painted spans never overlap and cover exactly the union of the extents.
  let seed = 3;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (let round = 0; round < 200; round++) {
    const extents = Array.from({ length: 1 + rand(6) }, () => {
      const s = rand(50);
      return [s, s + 1 + rand(30)];
    });
    const paints = C.paintSpans(extents).map((p, i) => p ?? [extents[i]]);
    const cover = new Map();
    paints.forEach((spans, i) => spans.forEach(([s, e]) => {
      assert.ok(s >= extents[i][0] && e <= extents[i][1] && s < e, 'inside its own extent');
      for (let x = s; x < e; x++) {
        assert.ok(!cover.has(x), `character ${x} painted twice: ${JSON.stringify(extents)}`);
        cover.set(x, i);
      }
    }));
    for (const [s, e] of extents) for (let x = s; x < e; x++) assert.ok(cover.has(x), `character ${x} unpainted: ${JSON.stringify(extents)}`);
  }
});
